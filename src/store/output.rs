//! Where a document (minutes, progress report, export) may be written.
//!
//! An output path comes from the user (`-o`, a save dialog), and a typo there
//! must never destroy what the pledge is made of: `export -o F/pledge.ron`
//! once turned the pledge into a ZIP. Every writer of an output asks
//! [`check_output_path`] first; it refuses the files the pledge folder loads
//! (and their `.bak` and `.recovery` copies), and anything that is not an
//! ordinary file: a symbolic link (replacing it would cut the link), a
//! directory, a FIFO or a device. An ordinary existing output is still
//! replaced, atomically, by the save that follows.

use std::path::{Path, PathBuf};

use super::{ACTIVITIES_DIR, Loaded, MEETINGS_DIR, PLEDGE_FILE};

/// Why an output path is refused. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path} skrivs inte över: {reason}; välj ett annat filnamn")]
pub struct OutputRefused {
    /// The path as given.
    pub path: String,
    /// Why, in Swedish.
    pub reason: String,
}

/// The files an output must never replace: the pledge folder (everything it
/// loads, now or after the next save) and the files actually loaded.
#[derive(Debug, Clone, Default)]
pub struct Protected {
    folder: Option<PathBuf>,
    files: Vec<PathBuf>,
}

impl Protected {
    /// `folder` is the pledge folder (if the pledge came from one); `files`
    /// are the files that were loaded.
    pub fn new(folder: Option<&Path>, files: impl IntoIterator<Item = PathBuf>) -> Self {
        Self {
            folder: folder.map(Path::to_path_buf),
            files: files.into_iter().collect(),
        }
    }

    /// Everything `loaded` was read from, in `folder`.
    pub fn of_loaded(loaded: &Loaded, folder: Option<&Path>) -> Self {
        Self::new(folder, loaded.sources.iter().map(|s| s.path.clone()))
    }
}

/// The copies next to a loaded file that also belong to it: the backup of
/// the previous version and the meeting's autosaved recovery file.
fn companions(path: &Path) -> [PathBuf; 3] {
    [
        path.to_path_buf(),
        super::backup_path(path),
        path.with_extension("recovery"),
    ]
}

/// `path` with its folder resolved (the file itself need not exist), so
/// `./a/../pledge.ron` and a link to the folder compare equal.
pub(crate) fn resolved(path: &Path) -> PathBuf {
    let name = path.file_name().map(std::ffi::OsStr::to_os_string);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match (super::paths::canonical(dir), name) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

/// Whether `name` (in `dir`) is a file the pledge folder `folder` loads, or
/// one of its companions: `pledge.ron`, `activities/*.ron`, `meetings/*.ron`
/// and their `.bak`/`.recovery` files, whether they exist yet or not.
///
/// Names compare without case, on every platform: on Windows, and on a
/// share or a USB stick mounted on Linux, `PLEDGE.RON` is `pledge.ron`.
fn loaded_by_folder(folder: &Path, target: &Path) -> bool {
    let Some(folder) = super::paths::canonical(folder).ok() else {
        return false;
    };
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return false;
    };
    let name = name.to_string_lossy().to_lowercase();
    if super::paths::same(dir, &folder) {
        return name == PLEDGE_FILE
            || name == format!("{PLEDGE_FILE}.bak")
            || name == "pledge.recovery";
    }
    let in_sub = dir.parent().is_some_and(|p| super::paths::same(p, &folder))
        && dir.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
            n.eq_ignore_ascii_case(ACTIVITIES_DIR) || n.eq_ignore_ascii_case(MEETINGS_DIR)
        });
    // `name` is in lower case already.
    in_sub
        && [".ron", ".ron.bak", ".recovery", ".ron.conflict"]
            .iter()
            .any(|end| name.ends_with(end))
}

/// What kind of special file `meta` describes, in Swedish; `None` for an
/// ordinary file.
pub(crate) fn special_kind(meta: &std::fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("det är en mapp");
    }
    if kind.is_symlink() {
        return Some("det är en symbolisk länk");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("det är en namngiven rörledning (FIFO)");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("det är en enhetsfil");
        }
        if kind.is_socket() {
            return Some("det är en socket");
        }
    }
    Some("det är ingen vanlig fil")
}

/// Whether two paths are the same but for case (see [`loaded_by_folder`]).
fn same_ignoring_case(a: &Path, b: &Path) -> bool {
    a == b || a.to_string_lossy().to_lowercase() == b.to_string_lossy().to_lowercase()
}

/// Whether two existing paths are the same file (also through hard links).
fn same_file(a: &std::fs::Metadata, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(b).is_ok_and(|m| m.dev() == a.dev() && m.ino() == a.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// Refuses an output path that would replace one of the pledge's files or
/// anything but an ordinary file; `Ok` for a new file or an ordinary
/// existing output, which the atomic save then replaces.
pub fn check_output_path(path: &Path, protected: &Protected) -> Result<(), OutputRefused> {
    let refuse = |reason: String| OutputRefused {
        path: path.display().to_string(),
        reason,
    };
    let existing = std::fs::symlink_metadata(path).ok();
    if let Some(meta) = &existing
        && let Some(kind) = special_kind(meta)
    {
        return Err(refuse(kind.to_owned()));
    }
    let target = resolved(path);
    let input = refuse(
        "det är en av filerna som löftet läses in från (eller dess kopia .bak eller .recovery)"
            .to_owned(),
    );
    if let Some(folder) = &protected.folder
        && loaded_by_folder(folder, &target)
    {
        return Err(input);
    }
    for file in &protected.files {
        let hit = companions(file).iter().any(|companion| {
            same_ignoring_case(&resolved(companion), &target)
                || existing
                    .as_ref()
                    .is_some_and(|meta| same_file(meta, companion))
        });
        if hit {
            return Err(input);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pledge_files_and_their_copies_are_refused_new_names_are_not() {
        let dir = tempfile::tempdir().expect("dir");
        let folder = dir.path();
        std::fs::create_dir_all(folder.join("activities")).expect("dir");
        std::fs::write(folder.join("pledge.ron"), "x").expect("write");
        let protected = Protected::new(Some(folder), [folder.join("pledge.ron")]);
        for name in [
            "pledge.ron",
            "pledge.ron.bak",
            "activities/ny.ron",
            "activities/polisen.ron.bak",
            "meetings/2017-03-16.recovery",
            "activities/../pledge.ron",
        ] {
            let err = check_output_path(&folder.join(name), &protected).expect_err(name);
            assert!(err.to_string().contains("läses in från"), "{err}");
        }
        for name in ["aktiviteter.xlsx", "activities/lista.csv", "rapport.ron"] {
            assert!(
                check_output_path(&folder.join(name), &protected).is_ok(),
                "{name}"
            );
        }
        let err = check_output_path(&folder.join("activities"), &protected).expect_err("dir");
        assert!(err.to_string().contains("en mapp"), "{err}");
    }
}
