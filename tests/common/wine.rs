//! The cross-built Windows `medborgarlofte.exe`, run under Wine: for the
//! tests that need Windows (`tests/windows.rs`, and any test of a Windows
//! file rule that only Windows' own file system can show).
//!
//! `.ci/run` cross-builds the exe and names it in `MEDBORGARLOFTE_WINDOWS_EXE`.
//! Without that variable (a developer's machine) [`wine`] returns `None` and
//! says why, and the test returns early, so `cargo test` stays green with
//! only the Rust toolchain. With it, everything else must be there: Wine
//! (Debian's `wine64`; `WINE` names another binary) and mingw's gcc, which
//! builds the test-only `bcryptprimitives.dll` (`tests/wine/`) into the
//! tests' own Wine prefix; a missing tool then fails the test.
//!
//! ```ignore
//! let Some(wine) = common::wine::wine() else { return };
//! let out = wine.command().arg("check").arg(wine::windows_path(dir)).output().expect("runs");
//! ```

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The environment variable `.ci/run` sets to the cross-built exe.
pub const EXE_VAR: &str = "MEDBORGARLOFTE_WINDOWS_EXE";

/// A ready Wine prefix and the exe to run in it.
#[derive(Debug)]
pub struct Wine {
    /// The Windows build of `medborgarlofte`.
    pub exe: PathBuf,
    /// Wine's loader (`/usr/lib/wine/wine64` on Debian).
    pub loader: PathBuf,
    /// The tests' Wine prefix (its `C:` drive and registry).
    pub prefix: PathBuf,
}

/// The exe under Wine, with the prefix prepared once per test process; `None`
/// (with a message on stderr) when `MEDBORGARLOFTE_WINDOWS_EXE` is not set.
pub fn wine() -> Option<&'static Wine> {
    static WINE: OnceLock<Option<Wine>> = OnceLock::new();
    let wine = WINE.get_or_init(|| {
        let exe = PathBuf::from(std::env::var_os(EXE_VAR)?);
        assert!(exe.is_file(), "{EXE_VAR}={} is not a file", exe.display());
        let wine = Wine {
            exe: std::fs::canonicalize(&exe).expect("the exe's path"),
            loader: wine_loader(),
            prefix: Path::new(env!("CARGO_TARGET_TMPDIR")).join("wine-prefix"),
        };
        wine.prepare();
        Some(wine)
    });
    if wine.is_none() {
        eprintln!(
            "skipped: {EXE_VAR} is not set. `.ci/run` cross-builds the Windows exe and sets it \
             (see packaging/README.md); set it to run the Windows tests under Wine here."
        );
    }
    wine.as_ref()
}

/// `path` as the Windows program sees it: Wine's `Z:` drive is `/`.
pub fn windows_path(path: &Path) -> String {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    format!("Z:{}", path.display()).replace('/', "\\")
}

/// `WINE`, else Debian's `wine64` loader, else `wine64` or `wine` on PATH.
fn wine_loader() -> PathBuf {
    if let Some(wine) = std::env::var_os("WINE") {
        return wine.into();
    }
    let debian = Path::new("/usr/lib/wine/wine64");
    if debian.is_file() {
        return debian.to_path_buf();
    }
    for name in ["wine64", "wine"] {
        if let Some(dir) = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
            .find(|dir| dir.join(name).is_file())
        {
            return dir.join(name);
        }
    }
    panic!("{EXE_VAR} is set but Wine is not installed (Debian: apt-get install wine64)");
}

impl Wine {
    /// Wine's environment for this prefix: quiet, and no offer to install
    /// Mono or Gecko (which would wait for a click).
    fn env(&self, cmd: &mut Command) {
        cmd.env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
            .env_remove("RUST_BACKTRACE");
    }

    /// A command that runs the exe under Wine; add its arguments.
    pub fn command(&self) -> Command {
        self.program(&self.exe)
    }

    /// A command that runs another Windows program (`program`, a Linux
    /// path) in the same prefix: the library's own tests built for Windows.
    pub fn program(&self, program: &Path) -> Command {
        let mut cmd = Command::new(&self.loader);
        self.env(&mut cmd);
        cmd.arg(program);
        cmd
    }

    /// Creates the prefix (about 10–20 s the first time) and puts the
    /// `bcryptprimitives.dll` stand-in into its `system32`; later runs reuse
    /// it. A running wineserver is started first with its output closed: one
    /// started by a test's command would hold that command's pipes open.
    fn prepare(&self) {
        std::fs::create_dir_all(&self.prefix).expect("prefix folder");
        let server = self.loader.with_file_name("wineserver");
        if server.is_file() {
            let mut cmd = Command::new(&server);
            self.env(&mut cmd);
            // Persist 30 s after the last program, then exit by itself. It
            // fails when a server of this prefix runs already: that is fine.
            let _ = quiet(cmd.arg("-p30")).status().expect("wineserver runs");
        }
        let system32 = self.prefix.join("drive_c/windows/system32");
        if !system32.join("kernel32.dll").is_file() {
            let mut cmd = Command::new(&self.loader);
            self.env(&mut cmd);
            let status = quiet(cmd.args(["wineboot", "--init"]))
                .status()
                .expect("wineboot runs");
            assert!(status.success(), "wineboot --init: {status}");
        }
        let dll = system32.join("bcryptprimitives.dll");
        if !dll.is_file() {
            build_prng_stub(&dll);
        }
    }
}

/// Builds `tests/wine/bcryptprimitives.c` with mingw's gcc into `dll`.
///
/// Wine 8.0 (Debian 12) has no `bcryptprimitives.dll`, whose `ProcessPrng`
/// Rust's standard library imports: without it the exe exits with code 53
/// before `main`. Real Windows 10/11 has it; this file is never shipped.
fn build_prng_stub(dll: &Path) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wine");
    let out = Command::new("x86_64-w64-mingw32-gcc")
        .args(["-shared", "-s", "-O2", "-o"])
        .arg(dll)
        .arg(src.join("bcryptprimitives.c"))
        .arg(src.join("bcryptprimitives.def"))
        .arg("-ladvapi32")
        .output()
        .expect("mingw's gcc builds the test-only bcryptprimitives.dll (gcc-mingw-w64-x86-64)");
    assert!(
        out.status.success(),
        "bcryptprimitives.dll: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn quiet(cmd: &mut Command) -> &mut Command {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
}
