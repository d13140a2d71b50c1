//! The Windows build: the cross-built `medborgarlofte.exe` gives the Linux
//! build's results under Wine (the same `check` output, the same `status`
//! JSON, the same minutes and report, byte for byte and as `pdftotext` reads
//! them), its window opens and draws under Wine + Xvfb, and the exe is a GUI
//! program with an icon and version information.
//!
//! Behind `system-tests`, and only where `.ci/run` has set
//! `MEDBORGARLOFTE_WINDOWS_EXE` (see `tests/common/wine.rs`); elsewhere each
//! test says it was skipped and passes. The Linux side is the build under
//! test (`MEDBORGARLOFTE_BIN` or cargo's).
#![cfg(feature = "system-tests")]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::wine::{self, Wine};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/karlstad-2016-17")
}

/// The Linux build's output of `args`.
fn linux(args: &[&str]) -> Output {
    common::bin()
        .args(args)
        .output()
        .expect("the Linux build runs")
}

/// The Windows build's output of `args` under Wine.
fn windows(wine: &Wine, args: &[&str]) -> Output {
    wine.command().args(args).output().expect("Wine runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// Both builds exit alike and print the same bytes on stdout and stderr.
fn assert_same(wine: &Wine, linux_args: &[&str], windows_args: &[&str]) -> Output {
    let (lin, win) = (linux(linux_args), windows(wine, windows_args));
    assert_eq!(
        win.status.code(),
        lin.status.code(),
        "exit code of {windows_args:?}; Windows stderr: {}",
        String::from_utf8_lossy(&win.stderr)
    );
    assert_eq!(
        text(&win.stdout),
        text(&lin.stdout),
        "stdout of {windows_args:?}"
    );
    assert_eq!(
        text(&win.stderr),
        text(&lin.stderr),
        "stderr of {windows_args:?}"
    );
    win
}

#[test]
fn check_gives_the_same_output_as_on_linux() {
    let Some(wine) = wine::wine() else { return };
    let dir = sample();
    let dir = dir.to_str().expect("UTF-8 path");
    let out = assert_same(wine, &["check", dir], &["check", dir]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("392 aktiviteter: 0 fel, 0 varningar"));
    // The same folder as a Windows path (Wine's Z: drive is /).
    let win_dir = wine::windows_path(Path::new(dir));
    assert!(win_dir.starts_with("Z:\\"), "{win_dir}");
    assert_same(wine, &["check", dir], &["check", &win_dir]);
}

#[test]
fn status_json_and_table_are_the_same_as_on_linux() {
    let Some(wine) = wine::wine() else { return };
    let dir = sample();
    let dir = dir.to_str().expect("UTF-8 path");
    for as_of in ["2016-12-08", "2017-03-16", "2017-09-30"] {
        let args = ["status", dir, "--as-of", as_of, "--format", "json"];
        let out = assert_same(wine, &args, &args);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(json["as_of"], as_of, "{json}");
        let table = ["status", dir, "--as-of", as_of];
        assert_same(wine, &table, &table);
    }
    // Without a path: the sample embedded in the exe.
    let args = ["status", "--as-of", "2017-03-16", "--format", "json"];
    assert_same(wine, &args, &args);
}

#[test]
fn usage_errors_reach_stderr_with_exit_code_2() {
    // A GUI-subsystem exe started with pipes (a script, a CI job) keeps
    // them: stdout and stderr are not lost and not sent to a console.
    let Some(wine) = wine::wine() else { return };
    let out = assert_same(wine, &["check", "finns-inte"], &["check", "finns-inte"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("finns-inte"),
        "{}",
        text(&out.stderr)
    );
    let out = assert_same(wine, &["--bogus"], &["--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let out = assert_same(wine, &["--version"], &["--version"]);
    assert!(text(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
}

/// Runs `args` + `-o FILE` with both builds (same `SOURCE_DATE_EPOCH`) and
/// returns the two files' bytes, Linux first.
fn document(wine: &Wine, args: &[&str], name: &str) -> (PathBuf, PathBuf) {
    let out_dir = tempfile::tempdir().expect("temp dir").keep();
    let (lin, win) = (
        out_dir.join(format!("linux-{name}")),
        out_dir.join(format!("windows-{name}")),
    );
    let lin_out = common::bin()
        .args(args)
        .arg("-o")
        .arg(&lin)
        .env("SOURCE_DATE_EPOCH", "1490000000")
        .output()
        .expect("Linux build runs");
    assert!(lin_out.status.success(), "{}", text(&lin_out.stderr));
    let win_out = wine
        .command()
        .args(args)
        .arg("-o")
        .arg(wine::windows_path(&out_dir) + "\\" + &format!("windows-{name}"))
        .env("SOURCE_DATE_EPOCH", "1490000000")
        .output()
        .expect("Wine runs");
    assert!(win_out.status.success(), "{}", text(&win_out.stderr));
    assert!(win.is_file(), "the Windows build wrote {}", win.display());
    (lin, win)
}

fn pdftotext(pdf: &Path) -> String {
    common::poppler("pdftotext", &[Path::new("-layout"), pdf, Path::new("-")])
}

#[test]
fn minutes_and_report_are_the_same_as_on_linux() {
    let Some(wine) = wine::wine() else { return };
    let copy = common::copy();
    let dir = copy.path().to_str().expect("UTF-8 path");
    for (args, name) in [
        (
            vec!["minutes", dir, "--meeting", "2017-03-16"],
            "protokoll.pdf",
        ),
        (
            vec!["kallelse", dir, "--meeting", "2017-06-15"],
            "kallelse.pdf",
        ),
        (
            vec!["report", dir, "--as-of", "2017-03-16"],
            "lagesrapport.pdf",
        ),
        (
            vec!["report", dir, "--as-of", "2017-09-30"],
            "lagesrapport.html",
        ),
    ] {
        let (lin, win) = document(wine, &args, name);
        let (lin_bytes, win_bytes) = (
            std::fs::read(&lin).expect("Linux file"),
            std::fs::read(&win).expect("Windows file"),
        );
        if Path::new(name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        {
            let lin_text = pdftotext(&lin);
            assert!(lin_text.contains("Karlstad"), "{lin_text}");
            assert_eq!(pdftotext(&win), lin_text, "pdftotext of {args:?}");
            common::assert_fonts_embedded_on_a4(&win);
        }
        // With the same SOURCE_DATE_EPOCH nothing differs at all.
        assert!(win_bytes == lin_bytes, "{args:?}: the files differ");
        let _ = std::fs::remove_dir_all(lin.parent().expect("dir"));
    }
}

// --- The exe itself: subsystem, icon, version (read from the PE file). ---

fn u16_at(b: &[u8], at: usize) -> usize {
    usize::from(u16::from_le_bytes([b[at], b[at + 1]]))
}

fn u32_at(b: &[u8], at: usize) -> usize {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize
}

/// The PE optional header's offset, and the file offset of resource data.
struct Pe<'a> {
    bytes: &'a [u8],
    optional: usize,
}

impl<'a> Pe<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        assert_eq!(&bytes[..2], b"MZ", "a DOS/PE file");
        let pe = u32_at(bytes, 0x3C);
        assert_eq!(&bytes[pe..pe + 4], b"PE\0\0", "PE signature");
        let optional = pe + 24;
        assert_eq!(u16_at(bytes, optional), 0x20B, "PE32+ (64-bit)");
        Pe { bytes, optional }
    }

    /// `IMAGE_OPTIONAL_HEADER64.Subsystem`: 2 = Windows GUI, 3 = console.
    fn subsystem(&self) -> usize {
        u16_at(self.bytes, self.optional + 68)
    }

    /// The file offset of a relative virtual address, by the section table.
    fn file_offset(&self, rva: usize) -> usize {
        let coff = self.optional - 20;
        let sections = u16_at(self.bytes, coff + 2);
        let table = self.optional + u16_at(self.bytes, coff + 16);
        (0..sections)
            .map(|i| table + 40 * i)
            .find_map(|s| {
                let (size, va, raw) = (
                    u32_at(self.bytes, s + 8),
                    u32_at(self.bytes, s + 12),
                    u32_at(self.bytes, s + 20),
                );
                (va..va + size).contains(&rva).then(|| raw + rva - va)
            })
            .expect("the address lies in a section")
    }

    /// The resource types at the root of the resource directory.
    fn resource_types(&self) -> Vec<usize> {
        // Data directory 2 (resources) of PE32+: at 112 + 2 × 8.
        let rva = u32_at(self.bytes, self.optional + 112 + 16);
        assert!(rva != 0, "the exe has resources");
        let root = self.file_offset(rva);
        let entries = u16_at(self.bytes, root + 12) + u16_at(self.bytes, root + 14);
        (0..entries)
            .map(|i| u32_at(self.bytes, root + 16 + 8 * i))
            .collect()
    }
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn the_exe_is_a_gui_program_with_icon_and_version() {
    let Some(wine) = wine::wine() else { return };
    let bytes = std::fs::read(&wine.exe).expect("the exe");
    let pe = Pe::new(&bytes);
    // No console window opens behind the app (`windows_subsystem`).
    assert_eq!(pe.subsystem(), 2, "Windows GUI subsystem");
    let types = pe.resource_types();
    for (id, what) in [(3, "RT_ICON"), (14, "RT_GROUP_ICON"), (16, "RT_VERSION")] {
        assert!(types.contains(&id), "{what} in {types:?}");
    }
    // VS_FIXEDFILEINFO: signature, struct version, then the file version.
    let fixed = contains(&bytes, &0xFEEF_04BD_u32.to_le_bytes()).expect("VS_FIXEDFILEINFO");
    let version: Vec<usize> = env!("CARGO_PKG_VERSION")
        .split('.')
        .map(|n| n.parse().expect("number"))
        .collect();
    assert_eq!(
        u32_at(&bytes, fixed + 8),
        version[0] << 16 | version[1],
        "major.minor"
    );
    assert_eq!(u32_at(&bytes, fixed + 12) >> 16, version[2], "patch");
    for s in [
        "Löftesuppföljning",
        "medborgarlofte.exe",
        env!("CARGO_PKG_VERSION"),
    ] {
        assert!(
            contains(&bytes, &utf16(s)).is_some(),
            "version string {s:?}"
        );
    }
}

// --- The window, under Wine + Xvfb. ---

/// Kills its processes when the test ends, passed or not.
struct Killed(Vec<Child>);

impl Drop for Killed {
    fn drop(&mut self) {
        for child in self.0.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Starts Xvfb on a free display; returns it and the display's name.
fn xvfb() -> (Child, String) {
    use std::io::BufRead;
    let mut child = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-nolisten",
            "tcp",
            "-screen",
            "0",
            "1366x768x24",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb runs (Debian: xvfb)");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("Xvfb names its display");
    let display = format!(":{}", line.trim());
    assert!(display.len() > 1, "Xvfb display {line:?}");
    (child, display)
}

/// The app's top-level window as `xwininfo -root -tree` lists it: its
/// line, when there is one.
fn app_window(display: &str) -> Option<String> {
    let out = Command::new("xwininfo")
        .args(["-root", "-tree"])
        .env("DISPLAY", display)
        .output()
        .expect("xwininfo runs (Debian: x11-utils)");
    text(&out.stdout)
        .lines()
        .find(|l| l.contains("Löftesuppföljning"))
        .map(str::to_owned)
}

/// A screenshot of the whole screen as RGB pixels, from `xwd`'s dump
/// (a ZPixmap of 24 or 32 bits per pixel, as Xvfb at depth 24 gives).
fn screenshot(display: &str) -> image::RgbImage {
    let out = Command::new("xwd")
        .args(["-root", "-silent"])
        .env("DISPLAY", display)
        .output()
        .expect("xwd runs (Debian: x11-apps)");
    assert!(out.status.success(), "xwd");
    let b = out.stdout;
    let field = |i: usize| u32::from_be_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
    let (header, format, width, height) = (field(0), field(2), field(4), field(5));
    let (byte_order, bits, line) = (field(7), field(11), field(12));
    let (red, green, blue, colours) = (field(14), field(15), field(16), field(19));
    assert!(
        format == 2 && (bits == 24 || bits == 32),
        "ZPixmap, {bits} bits per pixel"
    );
    let data = header as usize + 12 * colours as usize;
    let pixel = |x: u32, y: u32| {
        let at = data + (y * line + bits / 8 * x) as usize;
        let mut raw = [0; 4];
        let n = bits as usize / 8;
        raw[..n].copy_from_slice(&b[at..at + n]);
        let p = if byte_order == 0 {
            u32::from_le_bytes(raw)
        } else {
            u32::from_be_bytes(raw) >> (32 - bits)
        };
        let channel =
            |mask: u32| u8::try_from((p & mask) >> mask.trailing_zeros()).unwrap_or(u8::MAX);
        image::Rgb([channel(red), channel(green), channel(blue)])
    };
    image::RgbImage::from_fn(width, height, pixel)
}

/// The window's rectangle `(x, y, width, height)` from its xwininfo line
/// (`… 1280x760+4+23  +4+23`).
fn geometry(line: &str) -> (u32, u32, u32, u32) {
    let geom = line
        .split_whitespace()
        .rev()
        .find(|w| w.contains('x') && w.contains('+'))
        .expect("geometry");
    let nums: Vec<u32> = geom
        .split(['x', '+'])
        .map(|n| n.parse().expect("number"))
        .collect();
    (nums[2], nums[3], nums[0], nums[1])
}

#[test]
fn the_window_opens_and_draws_the_dashboard_under_wine() {
    let Some(wine) = wine::wine() else { return };
    let (server, display) = xvfb();
    let mut children = Killed(vec![server]);
    let copy = common::copy();
    let app = wine
        .command()
        .arg(wine::windows_path(copy.path()))
        .env("DISPLAY", &display)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("Wine runs");
    children.0.push(app);
    // A fresh prefix takes ~20 s to the first frame; then a few seconds.
    let deadline = Instant::now() + Duration::from_mins(2);
    let mut last = None;
    while Instant::now() < deadline {
        if let Some(app) = children.0.last_mut() {
            let exited = app.try_wait().expect("wait");
            assert!(exited.is_none(), "the app exited early: {exited:?}");
        }
        if let Some(line) = app_window(&display) {
            let (x, y, w, h) = geometry(&line);
            assert!(w >= 720 && h >= 480, "window size {line}");
            let shot = screenshot(&display);
            let window = image::imageops::crop_imm(
                &shot,
                x,
                y,
                w.min(shot.width() - x),
                h.min(shot.height() - y),
            )
            .to_image();
            let mut counts = std::collections::HashMap::new();
            for p in window.pixels() {
                *counts.entry(p.0).or_insert(0_u32) += 1;
            }
            let most = counts.values().max().copied().unwrap_or(0);
            last = Some((counts.len(), f64::from(most) / f64::from(w * h), line));
            // Drawn: text and bars in many shades, no colour over 90 %.
            if counts.len() >= 64 && f64::from(most) < 0.9 * f64::from(w * h) {
                let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("windows-gui.png");
                shot.save(&path).expect("PNG");
                eprintln!(
                    "screenshot of the Windows build under Wine: {}",
                    path.display()
                );
                return;
            }
        }
        std::thread::sleep(Duration::from_secs(1));
    }
    panic!(
        "no drawn window within 120 s; last seen (colours, share of the commonest, window): {last:?}"
    );
}

// --- The packages: the portable zip and the MSI. ---

/// The package named by `var` (set by `.ci/run` after packaging/build.sh).
fn package(var: &str) -> Option<PathBuf> {
    let path = PathBuf::from(std::env::var_os(var)?);
    assert!(path.is_file(), "{var}={} is not a file", path.display());
    Some(path)
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("the tool runs");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    text(&out.stdout)
}

#[test]
fn the_zip_holds_the_exe_the_swedish_readme_and_the_licences() {
    let Some(wine) = wine::wine() else { return };
    let Some(zip) = package("MEDBORGARLOFTE_WINDOWS_ZIP") else {
        eprintln!("skipped: MEDBORGARLOFTE_WINDOWS_ZIP is not set");
        return;
    };
    let folder = format!(
        "Loftesuppfoljning-{}-windows-x64",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(
        zip.file_name().and_then(|n| n.to_str()),
        Some(format!("{folder}.zip").as_str())
    );
    let mut names: Vec<String> = run(Command::new("unzip").arg("-Z1").arg(&zip))
        .lines()
        .map(str::to_owned)
        .collect();
    names.sort();
    let expected: Vec<String> = [
        "",
        "LASMIG.txt",
        "LICENSE-DejaVu.txt",
        "THIRD-PARTY-LICENSES.txt",
        "medborgarlofte.exe",
    ]
    .iter()
    .map(|f| format!("{folder}/{f}"))
    .collect();
    assert_eq!(names, expected);
    let entry = |name: &str| {
        let out = Command::new("unzip")
            .arg("-p")
            .arg(&zip)
            .arg(format!("{folder}/{name}"))
            .output()
            .expect("unzip runs");
        assert!(out.status.success(), "{name}");
        out.stdout
    };
    assert!(
        entry("medborgarlofte.exe") == std::fs::read(&wine.exe).expect("exe"),
        "the built exe"
    );
    let readme = text(&entry("LASMIG.txt"));
    assert!(readme.starts_with(&format!(
        "Löftesuppföljning {} för Windows\r\n",
        env!("CARGO_PKG_VERSION")
    )));
    assert!(!readme.replace("\r\n", "").contains('\n'), "CRLF line ends");
    let licences = text(&entry("THIRD-PARTY-LICENSES.txt"));
    for crate_name in ["egui ", "eframe ", "printpdf ", "winit "] {
        assert!(
            licences.contains(&format!("  - {crate_name}")),
            "{crate_name} listed"
        );
    }
    assert!(text(&entry("LICENSE-DejaVu.txt")).contains("Bitstream"));
}

#[test]
fn the_msi_lists_its_files_and_installs_under_wine() {
    let Some(wine) = wine::wine() else { return };
    let Some(msi) = package("MEDBORGARLOFTE_WINDOWS_MSI") else {
        eprintln!("skipped: MEDBORGARLOFTE_WINDOWS_MSI is not set");
        return;
    };
    let table = |name: &str| -> Vec<Vec<String>> {
        run(Command::new("msiinfo").arg("export").arg(&msi).arg(name))
            .lines()
            .skip(3)
            .map(|l| l.split('\t').map(str::to_owned).collect())
            .collect()
    };
    let mut files: Vec<String> = table("File")
        .into_iter()
        .map(|row| row[2].clone())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "LASMIG.txt",
            "LICENSE-DejaVu.txt",
            "THIRD-PARTY-LICENSES.txt",
            "medborgarlofte.exe"
        ]
    );
    let exe_row = table("File")
        .into_iter()
        .find(|r| r[2] == "medborgarlofte.exe")
        .expect("exe");
    let size = std::fs::metadata(&wine.exe).expect("exe").len().to_string();
    assert_eq!(exe_row[3], size, "the built exe's size");
    // The Start-menu entry, and .ron files opening with the app.
    let shortcuts = table("Shortcut");
    assert!(
        shortcuts.iter().any(|r| r[1] == "ProgramMenuFolder"
            && r[2] == "Löftesuppföljning"
            && r[4] == "[INSTALLDIR]medborgarlofte.exe"),
        "{shortcuts:?}"
    );
    let registry = table("Registry");
    let value = |key: &str| {
        registry
            .iter()
            .find(|r| r[2] == key && r[3].is_empty())
            .map(|r| r[4].clone())
    };
    assert_eq!(
        value("Software\\Classes\\.ron").as_deref(),
        Some("Medborgarlofte.Pledge")
    );
    assert_eq!(
        value("Software\\Classes\\Medborgarlofte.Pledge\\shell\\open\\command").as_deref(),
        Some("\"[INSTALLDIR]medborgarlofte.exe\" \"%1\"")
    );
    let properties = table("Property");
    let property = |name: &str| {
        properties
            .iter()
            .find(|r| r[0] == name)
            .map(|r| r[1].clone())
    };
    assert_eq!(
        property("ProductVersion").as_deref(),
        Some(env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(
        property("ProductName").as_deref(),
        Some("Löftesuppföljning")
    );

    // Installed by Windows Installer (Wine's msiexec), silently as an IT
    // department deploys it: the files land in Program Files, the
    // installed exe runs, and uninstalling removes it.
    let msiexec = |args: &[&str]| {
        let mut cmd = Command::new(&wine.loader);
        cmd.env("WINEPREFIX", &wine.prefix)
            .env("WINEDEBUG", "-all")
            .arg("msiexec")
            .args(args)
            .arg(wine::windows_path(&msi))
            .arg("/qn");
        let out = cmd.output().expect("msiexec runs");
        assert!(out.status.success(), "msiexec {args:?}: {:?}", out.status);
    };
    msiexec(&["/i"]);
    let installed = wine.prefix.join("drive_c/Program Files/Löftesuppföljning");
    let exe = installed.join("medborgarlofte.exe");
    assert!(std::fs::read(&exe).expect("installed exe") == std::fs::read(&wine.exe).expect("exe"));
    assert!(installed.join("THIRD-PARTY-LICENSES.txt").is_file());
    let out = wine
        .program(&exe)
        .arg("check")
        .arg(wine::windows_path(&sample()))
        .output()
        .expect("the installed exe runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("0 fel"));
    msiexec(&["/x"]);
    assert!(!exe.exists(), "uninstalled");
}

/// The library's own tests, cross-built for Windows by `.ci/run` and named
/// in this variable, so that the file rules that only Windows can show run
/// on Windows' semantics: a file held open by another program, drive
/// letters and UNC paths, case-insensitive names and CRLF files.
const LIB_TESTS_VAR: &str = "MEDBORGARLOFTE_WINDOWS_LIB_TESTS";

#[test]
fn the_library_tests_pass_under_wine() {
    let Some(wine) = wine::wine() else { return };
    let tests = PathBuf::from(
        std::env::var_os(LIB_TESTS_VAR)
            .unwrap_or_else(|| panic!("{} is set, so {LIB_TESTS_VAR} must be too", wine::EXE_VAR)),
    );
    let out = wine
        .program(&tests)
        .env("RUST_TEST_THREADS", "2")
        .output()
        .expect("the Windows test binary runs under Wine");
    let stdout = text(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The tests that need Windows ran there, and passed: a file held open
    // is retried and then kept as `.osparad`, and Windows paths parse.
    for name in [
        "store::save::tests::windows_a_file_held_open_briefly_is_replaced_once_released",
        "store::save::tests::windows_a_file_held_open_is_kept_and_the_text_is_not_lost",
        "store::paths::tests::",
        "store::conflicts::tests::",
        "store::newlines::tests::",
        "store::tests::names_in_another_case_are_found",
        "store::tests::crlf_files_with_a_byte_order_mark_load_as_the_same_data_and_positions",
    ] {
        assert!(
            stdout
                .lines()
                .any(|l| l.starts_with(&format!("test {name}")) && l.ends_with(" ok")),
            "{name} did not pass on Windows:\n{stdout}"
        );
    }
    let summary = stdout
        .lines()
        .find(|l| l.starts_with("test result: ok."))
        .expect("a summary line");
    let passed: usize = summary
        .split_whitespace()
        .nth(3)
        .and_then(|n| n.parse().ok())
        .expect("the number passed");
    assert!(passed >= 200, "{summary}");
}
