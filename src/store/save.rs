//! Atomic, lossless saving: serialise, write a temporary file in the same
//! folder, flush it to disk, then rename it over the target. A crash leaves
//! either the old file or the new one, never half of each.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::model::meeting::Meeting;
use crate::model::{ActivityFile, Pledge};

/// Why saving failed.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file changed on disk since it was read: someone else saved it.
    #[error(
        "{path} har ändrats av någon annan sedan den lästes in; inget sparades. Spara som en kopia, eller läs in filen igen (dina ändringar går då förlorade)"
    )]
    Conflict {
        /// The file.
        path: String,
    },
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

pub(crate) fn to_ron_with<T: Serialize>(
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
    save_atomic_bytes(path, contents.as_bytes())
}

/// Writes bytes (a PDF) to `path` atomically (temp file + fsync + rename).
pub fn save_atomic_bytes(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
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
    temp.write_all(contents).map_err(io)?;
    // A temporary file is private (0600); the saved file keeps the old one's
    // permissions, or gets the usual ones, so colleagues on a shared drive can
    // still read it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::metadata(path).map_or_else(
            |_| std::fs::Permissions::from_mode(0o644),
            |m| m.permissions(),
        );
        temp.as_file().set_permissions(permissions).map_err(io)?;
    }
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

/// Serialises a meeting; agenda items are written `Atagande(commitment: …)`.
pub fn meeting_to_ron(meeting: &Meeting) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_owned())
        .extensions(
            ron::extensions::Extensions::IMPLICIT_SOME
                | ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES,
        );
    let mut text = ron::ser::to_string_pretty(meeting, config)?;
    text.push('\n');
    Ok(text)
}

/// The backup of the previous version, next to the file (`2017-03-16.ron.bak`).
pub fn backup_path(path: &Path) -> std::path::PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves a meeting atomically, refusing to overwrite a file that changed on
/// disk since it was read (`read_text`: the text as read; `None` for a new
/// file, which must then not exist). The previous version is kept as
/// [`backup_path`].
pub fn save_meeting(
    path: &Path,
    meeting: &Meeting,
    read_text: Option<&str>,
) -> Result<(), SaveError> {
    let conflict = || SaveError::Conflict {
        path: path.display().to_string(),
    };
    let io = |e: std::io::Error| SaveError::Io {
        path: path.display().to_string(),
        reason: super::io_message(&e),
    };
    let text = meeting_to_ron(meeting)?;
    match (std::fs::read(path), read_text) {
        (Ok(on_disk), Some(read)) if on_disk == read.as_bytes() => {
            save_atomic(&backup_path(path), read)?;
        }
        (Err(e), None) if e.kind() == std::io::ErrorKind::NotFound => {}
        (Err(e), None) => return Err(io(e)),
        // Changed, created or removed by someone else since it was read.
        (Ok(_) | Err(_), _) => return Err(conflict()),
    }
    save_atomic(path, &text)
}

/// Replaces the pledge at `path` with `pledge`, refusing when the file on
/// disk no longer holds `expected` (someone else changed it). The previous
/// text is kept as [`backup_path`]; comments in it survive there.
pub fn update_pledge(path: &Path, expected: &Pledge, pledge: &Pledge) -> Result<(), SaveError> {
    let conflict = || SaveError::Conflict {
        path: path.display().to_string(),
    };
    let source = super::Source::read(path);
    let on_disk: Pledge = super::parse(&source).map_err(|_| conflict())?;
    if &on_disk != expected {
        return Err(conflict());
    }
    if let Ok(text) = &source.text {
        save_atomic(&backup_path(path), text)?;
    }
    save_pledge(path, pledge)
}

/// Creates a pledge folder: `activities/`, `meetings/` and `pledge.ron`.
/// Refuses a folder that already holds a pledge.
pub fn create_pledge_folder(folder: &Path, pledge: &Pledge) -> Result<(), SaveError> {
    let pledge_path = folder.join(super::PLEDGE_FILE);
    if pledge_path.exists() {
        return Err(SaveError::Io {
            path: pledge_path.display().to_string(),
            reason: "det finns redan ett löfte i mappen; välj en tom mapp".into(),
        });
    }
    for dir in [super::ACTIVITIES_DIR, super::MEETINGS_DIR] {
        let dir = folder.join(dir);
        std::fs::create_dir_all(&dir).map_err(|e| SaveError::Io {
            path: dir.display().to_string(),
            reason: super::io_message(&e),
        })?;
    }
    save_pledge(&pledge_path, pledge)
}
