//! Build script: on Windows targets only, gives `medborgarlofte.exe` its icon
//! and version information (the Explorer's Properties → Details, the MSI's
//! Start-menu entry). For every other target it does nothing, so a build on
//! Linux or macOS needs no resource compiler.

use std::env;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon/medborgarlofte.ico");
    // The build script runs on the host: the target is in the environment.
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let icon = format!(
        "{}/assets/icon/medborgarlofte.ico",
        env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into())
    );
    let mut res = winresource::WindowsResource::new();
    // Svenska (Sverige): the language of the version strings below.
    res.set_language(0x041D)
        .set_icon(&icon)
        .set("ProductName", "Löftesuppföljning")
        .set(
            "FileDescription",
            "Löftesuppföljning – följ upp medborgarlöften",
        )
        .set("CompanyName", "Löftesuppföljning")
        .set("LegalCopyright", "MIT OR Apache-2.0")
        .set("OriginalFilename", "medborgarlofte.exe")
        .set("InternalName", "medborgarlofte");
    // Only the app's binary: tests and examples need no icon.
    if let Err(err) = res.compile_for("medborgarlofte") {
        // With mingw installed this cannot fail; without it the message says
        // what to install instead of a bare linker error later.
        panic!(
            "the Windows resources (icon, version) could not be compiled: {err}. \
             Cross-building needs mingw's windres (Debian: binutils-mingw-w64-x86-64)."
        );
    }
}
