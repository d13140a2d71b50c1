//! Writes the largest sample that still passes `check` (every printed text
//! at the limits) into a folder, to measure the minutes and the report on
//! it with the release binary (time and peak memory):
//! `cargo run --release --example limits -- /tmp/limits`.

#[path = "../benches/limits/mod.rs"]
mod limits;

fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("användning: limits MAPP");
        return std::process::ExitCode::from(2);
    };
    let dir = std::path::PathBuf::from(dir);
    if let Err(err) = std::fs::create_dir_all(&dir) {
        eprintln!(
            "fel: {}: {}",
            medborgarlofte::store::io_message(&err),
            dir.display()
        );
        return std::process::ExitCode::from(2);
    }
    let loaded = limits::folder(&dir);
    println!(
        "{}: {} åtaganden, {} aktiviteter, {} möten",
        dir.display(),
        loaded.pledge.as_ref().map_or(0, |p| p.commitments.len()),
        loaded
            .activities
            .iter()
            .map(|f| f.entries.len())
            .sum::<usize>(),
        loaded.meetings.len()
    );
    std::process::ExitCode::SUCCESS
}
