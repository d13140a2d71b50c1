//! Writes a synthetic pledge folder for benchmarks and load tests:
//!
//! `cargo run --release --example generate -- --commitments 60 --activities 100000 --out DIR`

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use medborgarlofte::synthetic::{Size, write_folder};

/// Skriv en syntetisk löftesmapp (pledge.ron + activities/) för belastningstester.
#[derive(Parser)]
struct Args {
    /// Antal åtaganden.
    #[arg(long, default_value_t = 60)]
    commitments: usize,
    /// Antal aktiviteter totalt.
    #[arg(long, default_value_t = 100_000)]
    activities: usize,
    /// Antal aktivitetsfiler.
    #[arg(long, default_value_t = 10)]
    files: usize,
    /// Frö för slumpvalen (samma frö ger samma data).
    #[arg(long, default_value_t = 2016)]
    seed: u64,
    /// Mapp att skriva till (skapas vid behov).
    #[arg(long)]
    out: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let size = Size {
        commitments: args.commitments,
        activities: args.activities,
        files: args.files,
        seed: args.seed,
    };
    match write_folder(&args.out, size) {
        Ok(()) => {
            println!(
                "skrev {} åtaganden och {} aktiviteter i {} filer till {}",
                size.commitments,
                size.activities,
                size.files,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("fel: {err}");
            ExitCode::FAILURE
        }
    }
}
