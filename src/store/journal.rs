//! Saving several files as one: all of them or none, even when the process
//! is killed halfway.
//!
//! An import writes one activity file per party; each file alone is saved
//! atomically, but a kill between two renames once left one party's rows
//! written and the other's not, and the next import then doubled them. So
//! a save of several files goes through a journal in the pledge folder:
//!
//! 1. the journal is written (atomically) naming every staged file and its
//!    target, not yet *committed*;
//! 2. every new text is written to its staged file next to its target and
//!    flushed to disk;
//! 3. the journal is rewritten as committed — the point of no return;
//! 4. every staged file is renamed over its target; the journal is removed.
//!
//! Killed before 3, the old files are all there: [`recover`] removes the
//! staged files. Killed after 3, every new text is on disk: [`recover`]
//! finishes the renames. Every writer of activity files calls [`recover`]
//! first; loading only *reads* through a committed journal ([`pending`]),
//! so `check` still never changes a file and sees the state after.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::save::{
    SaveError, link_target, refuse_write_protected, remove_stale_temps, save_atomic,
};

/// The journal's name in the pledge folder. Not `.ron`: it is never loaded.
pub const JOURNAL_FILE: &str = ".medborgarlofte-journal.json";

/// What the journal records.
#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    /// Whether every staged file is complete on disk.
    committed: bool,
    /// The files, in the order they are renamed.
    files: Vec<Staged>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Staged {
    /// The complete new text, next to its target.
    staged: PathBuf,
    /// The file it replaces (a link already followed).
    target: PathBuf,
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> SaveError + '_ {
    move |e| SaveError::Io {
        path: path.display().to_string(),
        reason: super::io_message(&e),
    }
}

/// A journal names a few files; anything larger is not one of ours.
const MAX_JOURNAL_BYTES: u64 = 1024 * 1024;

fn read_journal(folder: &Path) -> Result<Option<Journal>, SaveError> {
    let path = folder.join(JOURNAL_FILE);
    // Never opened unless it is an ordinary file of sane size: a FIFO by
    // that name must not hang every load.
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(&path)(e)),
        Ok(meta) if !meta.is_file() || meta.len() > MAX_JOURNAL_BYTES => return Ok(None),
        Ok(_) => {}
    }
    match std::fs::read_to_string(&path) {
        // Written atomically, so it is whole or absent; anything else is not
        // ours and names no file that could be lost.
        Ok(text) => Ok(serde_json::from_str(&text).ok()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error(&path)(e)),
    }
}

fn write_journal(folder: &Path, journal: &Journal) -> Result<(), SaveError> {
    let path = folder.join(JOURNAL_FILE);
    let text = serde_json::to_string_pretty(journal).map_err(|e| SaveError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    save_atomic(&path, &text)
}

fn sync_dir(dir: &Path) {
    // Makes renames durable where the platform allows it; best effort.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Renames a staged file over its target, trying again while another
/// program holds the target ([`super::retry`]). When that lasts, the
/// journal stays committed, so the next save in the folder finishes it and
/// loading already shows the new text.
fn rename_when_free(staged: &Path, target: &Path) -> Result<(), SaveError> {
    super::retry::retry(
        || std::fs::rename(staged, target),
        super::retry::is_blocked,
        super::retry::BUSY_FOR,
        &mut super::retry::RealClock::start(),
    )
    .map_err(|gave_up| {
        if super::retry::is_blocked(&gave_up.error) {
            SaveError::Busy {
                path: target.display().to_string(),
                reason: super::io_message(&gave_up.error),
                seconds: (gave_up.waited + std::time::Duration::from_millis(500)).as_secs(),
                kept: format!(
                    "den nya versionen finns i {} och sätts på plats nästa gång något sparas i mappen",
                    staged.display()
                ),
            }
        } else {
            io_error(target)(gave_up.error)
        }
    })
}

/// Finishes or rolls back a save that was interrupted in `folder`, and
/// removes its journal. Nothing to do when there is no journal.
pub fn recover(folder: &Path) -> Result<(), SaveError> {
    let Some(journal) = read_journal(folder)? else {
        let path = folder.join(JOURNAL_FILE);
        if path.exists() {
            std::fs::remove_file(&path).map_err(io_error(&path))?;
        }
        return Ok(());
    };
    for file in &journal.files {
        if journal.committed {
            if file.staged.exists() {
                rename_when_free(&file.staged, &file.target)?;
            }
        } else {
            match std::fs::remove_file(&file.staged) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(io_error(&file.staged)(e));
                }
                _ => {}
            }
        }
        sync_dir(parent(&file.target));
    }
    let path = folder.join(JOURNAL_FILE);
    std::fs::remove_file(&path).map_err(io_error(&path))?;
    sync_dir(folder);
    Ok(())
}

/// The files a committed but unfinished save in `folder` has yet to
/// rename: (target, staged file holding its new text). Reading these in
/// place of their targets gives the state the save will leave.
pub fn pending(folder: &Path) -> Vec<(PathBuf, PathBuf)> {
    match read_journal(folder) {
        Ok(Some(journal)) if journal.committed => journal
            .files
            .into_iter()
            .filter(|f| f.staged.exists())
            .map(|f| (f.target, f.staged))
            .collect(),
        _ => Vec::new(),
    }
}

/// `path` with its folder made canonical (the file itself may not exist
/// yet): the journal must name the same file whatever the working folder
/// of the process that finishes it, and the loader compares canonical
/// paths.
fn absolute(path: &Path) -> PathBuf {
    match (super::paths::canonical(parent(path)), path.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// A name for one staged file: unique to this save (process and time), so
/// two saves never share one.
fn staged_name(target: &Path, save: &str, index: usize) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    parent(target).join(format!(".medborgarlofte-{name}.{save}-{index}.staged"))
}

/// Writes each text to its path, all or nothing, through a journal in
/// `folder` (see the module docs). Links are followed; a write-protected
/// target refuses the whole save before anything is written.
pub fn save_all(folder: &Path, writes: &[(PathBuf, String)]) -> Result<(), SaveError> {
    recover(folder)?;
    let mut targets = Vec::with_capacity(writes.len());
    for (path, _) in writes {
        let target = absolute(&link_target(path)?);
        refuse_write_protected(&target)?;
        targets.push(target);
    }
    for target in &targets {
        remove_stale_temps(parent(target));
    }
    if let ([(_, text)], [target]) = (writes, targets.as_slice()) {
        // One rename is atomic by itself.
        return save_atomic(target, text);
    }
    let save = format!(
        "{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    );
    let mut journal = Journal {
        committed: false,
        files: targets
            .iter()
            .enumerate()
            .map(|(i, target)| Staged {
                staged: staged_name(target, &save, i),
                target: target.clone(),
            })
            .collect(),
    };
    write_journal(folder, &journal)?;
    let staged = journal
        .files
        .iter()
        .zip(writes)
        .try_for_each(|(file, (_, text))| stage(&file.staged, &file.target, text));
    if let Err(err) = staged {
        let _ = recover(folder);
        return Err(err);
    }
    journal.committed = true;
    if let Err(err) = write_journal(folder, &journal) {
        // Not committed: the old files stand.
        journal.committed = false;
        let _ = write_journal(folder, &journal);
        let _ = recover(folder);
        return Err(err);
    }
    recover(folder)
}

/// Writes `text` to `staged` completely, with the permissions of `target`.
fn stage(staged: &Path, target: &Path, text: &str) -> Result<(), SaveError> {
    let io = io_error(target);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(staged)
        .map_err(&io)?;
    file.write_all(text.as_bytes()).map_err(&io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::metadata(target).map_or_else(
            |_| std::fs::Permissions::from_mode(0o644),
            |m| m.permissions(),
        );
        file.set_permissions(permissions).map_err(&io)?;
    }
    file.sync_all().map_err(&io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_journal_names_files_by_absolute_paths() {
        // Relative to the working folder (the package root under cargo test),
        // whether the file exists or not.
        // Without Windows' `\\?\` prefix (store::paths::canonical).
        let root = std::env::current_dir()
            .and_then(|d| crate::store::paths::canonical(&d))
            .expect("working folder");
        assert_eq!(absolute(Path::new("Cargo.toml")), root.join("Cargo.toml"));
        assert_eq!(
            absolute(Path::new("src/../src/not-yet.ron")),
            root.join("src").join("not-yet.ron")
        );
        assert!(absolute(Path::new("./activities-that-do-not-exist/x.ron")).is_absolute());
    }

    #[test]
    fn an_uncommitted_save_rolls_back_and_a_committed_one_completes() {
        let dir = tempfile::tempdir().expect("dir");
        let folder = dir.path();
        let (a, b) = (folder.join("a.ron"), folder.join("b.ron"));
        std::fs::write(&a, "gammal a").expect("write");
        std::fs::write(&b, "gammal b").expect("write");
        let staged = |t: &Path| staged_name(t, "test", 0);
        for committed in [false, true] {
            std::fs::write(staged(&a), "ny a").expect("write");
            std::fs::write(staged(&b), "ny b").expect("write");
            // Killed after renaming a's file only.
            if committed {
                std::fs::rename(staged(&a), &a).expect("rename");
            }
            let journal = Journal {
                committed,
                files: [&a, &b]
                    .iter()
                    .map(|t| Staged {
                        staged: staged(t),
                        target: (*t).clone(),
                    })
                    .collect(),
            };
            write_journal(folder, &journal).expect("journal");
            let seen = pending(folder);
            assert_eq!(seen.len(), usize::from(committed));
            recover(folder).expect("recovered");
            let expected = if committed { "ny" } else { "gammal" };
            assert_eq!(
                std::fs::read_to_string(&a).expect("a"),
                format!("{expected} a")
            );
            assert_eq!(
                std::fs::read_to_string(&b).expect("b"),
                format!("{expected} b")
            );
            assert!(!folder.join(JOURNAL_FILE).exists());
            assert!(!staged(&a).exists() && !staged(&b).exists());
        }
    }

    #[test]
    fn save_all_writes_every_file_or_none() {
        let dir = tempfile::tempdir().expect("dir");
        let folder = dir.path();
        let (a, b) = (folder.join("a.ron"), folder.join("b.ron"));
        std::fs::write(&a, "gammal a").expect("write");
        std::fs::write(&b, "gammal b").expect("write");
        save_all(
            folder,
            &[(a.clone(), "ny a".into()), (b.clone(), "ny b".into())],
        )
        .expect("saved");
        assert_eq!(std::fs::read_to_string(&a).expect("a"), "ny a");
        assert_eq!(std::fs::read_to_string(&b).expect("b"), "ny b");
        let mut readonly = std::fs::metadata(&b).expect("meta").permissions();
        readonly.set_readonly(true);
        std::fs::set_permissions(&b, readonly).expect("chmod");
        let err = save_all(folder, &[(a.clone(), "x".into()), (b.clone(), "y".into())])
            .expect_err("write-protected");
        assert!(err.to_string().contains("skrivskyddad"), "{err}");
        assert_eq!(std::fs::read_to_string(&a).expect("a"), "ny a");
        let names: Vec<_> = std::fs::read_dir(folder)
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
