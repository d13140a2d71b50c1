//! Atomic, lossless saving: serialise, write a temporary file in the same
//! folder, flush it to disk, then rename it over the target. A crash leaves
//! either the old file or the new one, never half of each.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::model::{ActivityFile, Pledge};

/// Why saving failed.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Serialising failed (not expected for our types).
    #[error("kunde inte skriva om data till RON: {0}")]
    Serialize(#[from] ron::Error),
    /// Writing or renaming failed.
    #[error("kunde inte spara {path}: {reason}")]
    Io {
        /// Target path.
        path: String,
        /// Why.
        reason: String,
    },
}

/// Serialises a value as pretty RON with `implicit_some`, so optional fields
/// read as plainly as required ones.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, SaveError> {
    to_ron_with(value, ron::ser::PrettyConfig::new())
}

fn to_ron_with<T: Serialize>(
    value: &T,
    config: ron::ser::PrettyConfig,
) -> Result<String, SaveError> {
    let config = config
        .indentor("    ".to_owned())
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut text = ron::ser::to_string_pretty(value, config)?;
    text.push('\n');
    Ok(text)
}

/// Writes `contents` to `path` atomically (temp file + fsync + rename).
pub fn save_atomic(path: &Path, contents: &str) -> Result<(), SaveError> {
    let io = |e: std::io::Error| SaveError::Io {
        path: path.display().to_string(),
        reason: super::io_message(&e),
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".medborgarlofte-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    temp.write_all(contents.as_bytes()).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    temp.persist(path).map_err(|e| io(e.error))?;
    // Make the rename itself durable where the platform allows it.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Saves a pledge atomically.
pub fn save_pledge(path: &Path, pledge: &Pledge) -> Result<(), SaveError> {
    save_atomic(path, &to_ron(pledge)?)
}

/// Serialises an activity file with one entry per line: logs grow to tens of
/// thousands of entries, and a line per entry keeps them readable, diffable
/// and about a third of the size of fully expanded RON.
pub fn activities_to_ron(file: &ActivityFile) -> Result<String, SaveError> {
    to_ron_with(file, ron::ser::PrettyConfig::new().depth_limit(2))
}

/// Saves an activity file atomically, one entry per line.
pub fn save_activities(path: &Path, file: &ActivityFile) -> Result<(), SaveError> {
    save_atomic(path, &activities_to_ron(file)?)
}
