//! The `medborgarlofte` binary: a thin shell around [`medborgarlofte::cli`].
//!
//! On Windows the app is a GUI-subsystem program, so starting it from the
//! Start menu, a shortcut or a double-clicked `pledge.ron` opens no console
//! window behind it. The subcommands (`check`, `status`, …) then attach to
//! the console they were typed in, if any, so their output shows there
//! ([`console`]). A build without the `gui` feature (a server's) stays a
//! console program.
#![cfg_attr(all(windows, feature = "gui"), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    medborgarlofte::cli::install_panic_message();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    #[cfg(all(windows, feature = "gui"))]
    if !medborgarlofte::cli::opens_window(&args) {
        console::attach_to_parent();
    }
    medborgarlofte::cli::run(args)
}

/// Standard output and error of a GUI-subsystem program on Windows.
///
/// Windows gives such a program no console. Started with its output
/// redirected (`> fil.txt`, `| findstr`, a script or a test capturing it),
/// the standard handles are that file or pipe and are used as they are.
/// Started from `cmd` or PowerShell without redirection, they are empty: then
/// the program attaches to the console of the process that started it, so
/// `medborgarlofte check MAPP` prints where it was typed. The window itself
/// never attaches: closing the terminal would then close the app with it.
///
/// What only a real Windows console shows (Wine gives every program the
/// pipes of the Unix terminal that started it, so this path cannot run
/// under Wine): `cmd` does not wait for a GUI-subsystem program, so the
/// prompt comes back before the output and `%ERRORLEVEL%` is not set;
/// `start /wait medborgarlofte check MAPP`, a `.bat` file (which waits) or
/// PowerShell's `medborgarlofte check MAPP | Out-Host` wait for it.
#[cfg(all(windows, feature = "gui"))]
#[allow(unsafe_code)]
mod console {
    use windows_sys::Win32::Foundation::{HANDLE, INVALID_HANDLE_VALUE};
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_HANDLE,
        STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, SetStdHandle,
    };

    const STREAMS: [STD_HANDLE; 3] = [STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE];

    fn usable(handle: HANDLE) -> bool {
        !handle.is_null() && handle != INVALID_HANDLE_VALUE
    }

    /// Attaches to the parent's console when standard output or error has
    /// nowhere to go; a stream that was redirected keeps its file or pipe.
    pub fn attach_to_parent() {
        // SAFETY: GetStdHandle only reads the process's standard handles.
        let before = STREAMS.map(|stream| unsafe { GetStdHandle(stream) });
        if usable(before[1]) && usable(before[2]) {
            return;
        }
        // SAFETY: plain Win32 call without pointers; it fails harmlessly
        // (returns 0) when the parent has no console, e.g. the Explorer.
        if unsafe { AttachConsole(ATTACH_PARENT_PROCESS) } == 0 {
            return;
        }
        // Attaching points all three handles at the console: give the
        // redirected ones (`2> fel.txt`) back their file.
        for (stream, handle) in STREAMS.into_iter().zip(before) {
            if usable(handle) {
                // SAFETY: `handle` is this process's own, valid std handle.
                unsafe { SetStdHandle(stream, handle) };
            }
        }
    }
}
