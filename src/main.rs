//! The `medborgarlofte` binary: a thin shell around [`medborgarlofte::cli`].

use std::process::ExitCode;

fn main() -> ExitCode {
    medborgarlofte::cli::install_panic_message();
    medborgarlofte::cli::run(std::env::args_os())
}
