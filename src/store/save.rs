//! Atomic, lossless saving: serialise, write a temporary file in the same
//! folder, flush it to disk, then rename it over the target. A crash leaves
//! either the old file or the new one, never half of each.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::model::meeting::Meeting;
use crate::model::{ActivityFile, Pledge};

use super::newlines::{TextStyle, without_mark};

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
    /// The file is write-protected (mode 444): its owner does not want it changed.
    #[error(
        "{path} är skrivskyddad och ändras inte; inget sparades. Ta bort skrivskyddet om filen ska kunna ändras"
    )]
    WriteProtected {
        /// The file.
        path: String,
    },
    /// Another program held the file (an antivirus scanner, the search
    /// indexer, OneDrive, a colleague's program) for longer than the save
    /// tries again ([`super::retry`]). Nothing is lost: `kept` says where
    /// the new text is.
    #[error(
        "{path} kunde inte sparas: {reason}, också efter {seconds} sekunders försök. Troligen har ett annat program filen öppen (ett antivirusprogram, sökindexeringen, OneDrive eller en kollega). Inget har gått förlorat: {kept}. Stäng det andra programmet eller vänta en stund, och spara igen"
    )]
    Busy {
        /// The file.
        path: String,
        /// The last error, in Swedish.
        reason: String,
        /// How long it was tried, in whole seconds.
        seconds: u64,
        /// Where the unsaved text is, in Swedish ("den nya versionen finns i …").
        kept: String,
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
///
/// A symbolic link is followed: the file it points to (a colleague's shared
/// activity log) gets the new contents, written next to it, and the link
/// stays a link. A write-protected file is refused, also for root, who
/// could otherwise rename over it.
pub fn save_atomic_bytes(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
    let target = link_target(path)?;
    refuse_write_protected(&target)?;
    write_atomically(&target, contents)
}

/// Where a save to `path` goes: `path` itself, or the file a symbolic link
/// (or a chain of them) points to.
pub(crate) fn link_target(path: &Path) -> Result<std::path::PathBuf, SaveError> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            super::paths::canonical(path).map_err(|e| SaveError::Io {
                path: path.display().to_string(),
                reason: format!(
                    "den symboliska länken går inte att följa: {}",
                    super::io_message(&e)
                ),
            })
        }
        _ => Ok(path.to_path_buf()),
    }
}

/// Refuses a file whose permissions say it must not be changed.
pub(crate) fn refuse_write_protected(path: &Path) -> Result<(), SaveError> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.permissions().readonly() => {
            Err(SaveError::WriteProtected {
                path: path.display().to_string(),
            })
        }
        _ => Ok(()),
    }
}

/// The atomic write itself, to a path that is not a link.
fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
    write_atomically_with(
        path,
        contents,
        &mut |temp, target| temp.persist(target).map(drop),
        &mut super::retry::RealClock::start(),
    )
}

/// One try at putting the finished temporary file in place.
type Persist<'a> =
    dyn FnMut(tempfile::NamedTempFile, &Path) -> Result<(), tempfile::PersistError> + 'a;

/// [`write_atomically`] with the rename step and the clock given (tests
/// inject a rename that another program blocks).
///
/// The rename is tempfile's `persist`: on Windows `MoveFileExW` with
/// `MOVEFILE_REPLACE_EXISTING`, on Unix `rename(2)`. It is tried again
/// while another program holds the file ([`super::retry`]); when that
/// lasts, the new text is kept beside the file ([`kept_path`]) and the
/// error says where.
fn write_atomically_with(
    path: &Path,
    contents: &[u8],
    persist: &mut Persist<'_>,
    clock: &mut dyn super::retry::Clock,
) -> Result<(), SaveError> {
    let io = |e: std::io::Error| SaveError::Io {
        path: path.display().to_string(),
        reason: super::io_message(&e),
    };
    // A rename would replace a directory entry of any kind: never a
    // folder, a FIFO or a device (as root, `-o /dev/full` once did).
    if let Ok(meta) = std::fs::symlink_metadata(path)
        && !meta.file_type().is_symlink()
        && let Some(kind) = super::output::special_kind(&meta)
    {
        return Err(SaveError::Io {
            path: path.display().to_string(),
            reason: kind.to_owned(),
        });
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    remove_stale_temps(dir);
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
    let mut pending = Some(temp);
    let renamed = super::retry::retry(
        || {
            let Some(temp) = pending.take() else {
                return Err(std::io::Error::other("den tillfälliga filen saknas"));
            };
            persist(temp, path).map_err(|e| {
                pending = Some(e.file);
                e.error
            })
        },
        super::retry::is_blocked,
        super::retry::BUSY_FOR,
        clock,
    );
    if let Err(gave_up) = renamed {
        let blocked = super::retry::is_blocked(&gave_up.error);
        return Err(match pending {
            Some(temp) if blocked => SaveError::Busy {
                path: path.display().to_string(),
                reason: super::io_message(&gave_up.error),
                seconds: (gave_up.waited + std::time::Duration::from_millis(500)).as_secs(),
                kept: keep_unsaved(temp, path),
            },
            _ => io(gave_up.error),
        });
    }
    // Make the rename itself durable where the platform allows it.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Where the text of a save that could not replace `path` is kept:
/// `kommunen.ron.osparad` beside it (then `.osparad2` …). Not `.ron`, so it
/// is never loaded or counted, and not a `.medborgarlofte-*.tmp`, which a
/// later save would clean away.
pub fn kept_path(path: &Path) -> std::path::PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "fil".into(), |n| n.to_string_lossy().into_owned());
    (1..1000)
        .map(|n| {
            let suffix = if n == 1 { String::new() } else { n.to_string() };
            path.with_file_name(format!("{name}.osparad{suffix}"))
        })
        .find(|candidate| std::fs::symlink_metadata(candidate).is_err())
        .unwrap_or_else(|| path.with_file_name(format!("{name}.osparad")))
}

/// Keeps a finished temporary file that could not replace `path`, and says
/// where: under [`kept_path`], or where it is when even that fails.
fn keep_unsaved(temp: tempfile::NamedTempFile, path: &Path) -> String {
    let kept = kept_path(path);
    match temp.persist_noclobber(&kept) {
        Ok(_) => format!("den nya versionen finns i {}", kept.display()),
        Err(e) => match e.file.keep() {
            Ok((_, at)) => format!("den nya versionen finns i {}", at.display()),
            Err(_) => "ändringarna finns kvar i programmet".to_owned(),
        },
    }
}

/// How old a leftover temporary file must be before a save removes it: a
/// younger one may belong to a colleague's save in progress on a shared
/// drive, and removing it would make that save fail.
pub const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_mins(10);

/// Removes the temporary files (`.medborgarlofte-*.tmp`) that saves killed
/// halfway left in `dir`: they are never loaded, but pile up otherwise.
pub(crate) fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".medborgarlofte-") && name.ends_with(".tmp")) {
            continue;
        }
        let stale = entry.metadata().is_ok_and(|meta| {
            meta.is_file()
                && meta
                    .modified()
                    .ok()
                    .and_then(|m| now.duration_since(m).ok())
                    .is_some_and(|age| age >= STALE_TEMP_AGE)
        });
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
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
/// [`backup_path`], byte for byte; the new one keeps the old one's line
/// endings and byte-order mark ([`super::newlines`]).
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
    let style = match (std::fs::read(path), read_text) {
        // The text as read has no byte-order mark; the file may.
        (Ok(on_disk), Some(read)) if without_mark(&on_disk) == without_mark(read.as_bytes()) => {
            save_atomic_bytes(&backup_path(path), &on_disk)?;
            TextStyle::of(&on_disk)
        }
        (Err(e), None) if e.kind() == std::io::ErrorKind::NotFound => TextStyle::default(),
        (Err(e), None) => return Err(io(e)),
        // Changed, created or removed by someone else since it was read.
        (Ok(_) | Err(_), _) => return Err(conflict()),
    };
    save_atomic(path, &style.apply(&text))
}

/// Replaces the pledge at `path` with `pledge`, refusing when the file on
/// disk no longer holds `expected` (someone else changed it). The previous
/// text is kept as [`backup_path`].
///
/// Planning and revisions change commitments and add revisions: those are
/// edited in the text ([`spliced_pledge`]), so comments and the layout of
/// everything else stay as the parties wrote them. Any other change rewrites
/// the file.
pub fn update_pledge(path: &Path, expected: &Pledge, pledge: &Pledge) -> Result<(), SaveError> {
    let conflict = || SaveError::Conflict {
        path: path.display().to_string(),
    };
    let (source, style) = super::Source::read_with_style(path);
    let on_disk: Pledge = super::parse(&source).map_err(|_| conflict())?;
    if &on_disk != expected {
        return Err(conflict());
    }
    let Ok(text) = &source.text else {
        return save_pledge(path, pledge);
    };
    // The backup is the file as it was, mark and line endings included.
    save_atomic(&backup_path(path), &style.with_mark(text))?;
    let spliced = spliced_pledge(text, expected, pledge)?.filter(|new_text| {
        // Read the result back: it must be exactly the intended pledge.
        super::parse::<Pledge>(&super::Source::from_text(path, new_text.clone()))
            .is_ok_and(|back| &back == pledge)
    });
    match spliced {
        // The splice kept the file's own line endings.
        Some(new_text) => save_atomic(path, &style.with_mark(&new_text)),
        None => save_atomic(path, &style.apply(&to_ron(pledge)?)),
    }
}

/// `text` (which holds `old`) edited to hold `new`, when they differ only in
/// the commitments (same ids in the same order) and in revisions added at
/// the end; `None` when the change is of another kind.
fn spliced_pledge(text: &str, old: &Pledge, new: &Pledge) -> Result<Option<String>, SaveError> {
    let mut rest = old.clone();
    rest.commitments.clone_from(&new.commitments);
    rest.revisions.clone_from(&new.revisions);
    let same_ids = old.commitments.len() == new.commitments.len()
        && old
            .commitments
            .iter()
            .zip(&new.commitments)
            .all(|(a, b)| a.id == b.id);
    if &rest != new || !same_ids || !new.revisions.starts_with(&old.revisions) {
        return Ok(None);
    }
    let Some(list) = super::splice::top_level_list(text, "commitments") else {
        return Ok(None);
    };
    if list.items.len() != old.commitments.len() {
        return Ok(None);
    }
    let mut out = text.to_owned();
    // From the last to the first, so earlier spans stay where they were.
    for (index, (a, b)) in old
        .commitments
        .iter()
        .zip(&new.commitments)
        .enumerate()
        .rev()
    {
        if a != b {
            let Some(edited) = super::splice::replace(&out, &list, index, &fragment_to_ron(b)?)
            else {
                return Ok(None);
            };
            out = edited;
        }
    }
    let added = &new.revisions[old.revisions.len()..];
    if added.is_empty() {
        return Ok(Some(out));
    }
    let added = added
        .iter()
        .map(fragment_to_ron)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(match super::splice::top_level_list(&out, "revisions") {
        Some(list) if list.items.len() == old.revisions.len() => {
            Some(super::splice::insert(&out, &list, list.items.len(), &added))
        }
        None if old.revisions.is_empty() => {
            let list = format!("[\n    {},\n]", added.join(",\n").replace('\n', "\n    "));
            super::splice::add_field(&out, "revisions", &list)
        }
        _ => None,
    })
}

/// One commitment or revision as RON from column 0, without the file's
/// extension header, for editing it into the pledge's text. Laid out as the
/// pledge files are: a field per line, lists of names and numbers and the
/// target's shape on one line (`owners: ["lpo-karlstad"]`,
/// `shape: Total(amount: 12)`).
pub(crate) fn fragment_to_ron<T: Serialize>(value: &T) -> Result<String, SaveError> {
    fragment_to_ron_with(
        value,
        ron::ser::PrettyConfig::new()
            .depth_limit(2)
            .compact_arrays(true),
    )
}

/// [`fragment_to_ron`] with a configuration (an activity entry on one line).
pub(crate) fn fragment_to_ron_with<T: Serialize>(
    value: &T,
    config: ron::ser::PrettyConfig,
) -> Result<String, SaveError> {
    let text = to_ron_with(value, config)?;
    Ok(text
        .lines()
        .filter(|l| !l.starts_with("#!["))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pledge_edit::PledgeEdit;
    use crate::model::{Bound, Target, TargetShape};

    const SAMPLE: &str = include_str!("../../sample-data/karlstad-2016-17/pledge.ron");

    fn read(path: &Path) -> (String, Pledge) {
        let source = crate::store::Source::read(path);
        let pledge = crate::store::parse(&source).expect("the pledge reads");
        (source.text.expect("text"), pledge)
    }

    /// Saves the sample, applies `edits` one save each, returns the texts.
    fn edited(edits: &[PledgeEdit]) -> (String, String, Pledge) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("pledge.ron");
        std::fs::write(&path, SAMPLE).expect("written");
        for edit in edits {
            let (_, before) = read(&path);
            let mut after = before.clone();
            edit.apply(&mut after).expect("the edit applies");
            update_pledge(&path, &before, &after).expect("saved");
            let (_, back) = read(&path);
            assert_eq!(back, after, "the file holds the edited pledge");
        }
        let (text, pledge) = read(&path);
        let backup = std::fs::read_to_string(backup_path(&path)).expect("a .bak");
        (text, backup, pledge)
    }

    /// A rename that another program blocks `times` times (forever with
    /// `u32::MAX`), then the real one.
    fn blocked(
        times: u32,
    ) -> impl FnMut(tempfile::NamedTempFile, &Path) -> Result<(), tempfile::PersistError> {
        let mut left = times;
        move |temp, target| {
            if left > 0 {
                left -= 1;
                return Err(tempfile::PersistError {
                    error: std::io::Error::from(std::io::ErrorKind::ResourceBusy),
                    file: temp,
                });
            }
            temp.persist(target).map(drop)
        }
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_file_held_for_a_moment_is_saved_when_it_is_free() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("kommunen.ron");
        std::fs::write(&path, "gammal").expect("write");
        let mut clock = crate::store::retry::tests::FakeClock::default();
        write_atomically_with(&path, b"ny", &mut blocked(2), &mut clock).expect("saved");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "ny");
        assert_eq!(clock.pauses.len(), 2);
        assert_eq!(names_in(dir.path()), ["kommunen.ron"]);
    }

    #[test]
    fn a_file_held_too_long_is_not_saved_and_nothing_is_lost() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("Löfte 2024").join("kommunen.ron");
        std::fs::create_dir_all(path.parent().expect("folder")).expect("dir");
        std::fs::write(&path, "gammal").expect("write");
        let mut clock = crate::store::retry::tests::FakeClock::default();
        let err = write_atomically_with(&path, b"ny", &mut blocked(u32::MAX), &mut clock)
            .expect_err("held all the time");
        assert_eq!(clock.now, crate::store::retry::BUSY_FOR);
        let message = err.to_string();
        let kept = path.with_file_name("kommunen.ron.osparad");
        for part in [
            format!("{} kunde inte sparas: filen är upptagen", path.display()),
            "efter 2 sekunders försök".to_owned(),
            "ett annat program".to_owned(),
            format!(
                "Inget har gått förlorat: den nya versionen finns i {}",
                kept.display()
            ),
        ] {
            assert!(message.contains(&part), "{part:?} in {message}");
        }
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "gammal");
        assert_eq!(std::fs::read_to_string(&kept).expect("kept"), "ny");
        // A second failure does not overwrite the first text kept.
        write_atomically_with(&path, b"nyare", &mut blocked(u32::MAX), &mut clock)
            .expect_err("held");
        assert_eq!(
            names_in(path.parent().expect("folder")),
            [
                "kommunen.ron",
                "kommunen.ron.osparad",
                "kommunen.ron.osparad2"
            ]
        );
    }

    /// A file another program has open without sharing delete, as Windows
    /// programs do (Excel, some scanners): replacing it fails until it is
    /// closed. Runs on Windows (and under Wine).
    #[cfg(windows)]
    fn hold(path: &Path) -> std::fs::File {
        use std::os::windows::fs::OpenOptionsExt;
        const FILE_SHARE_READ: u32 = 1;
        std::fs::OpenOptions::new()
            .read(true)
            .share_mode(FILE_SHARE_READ)
            .open(path)
            .expect("held open")
    }

    #[cfg(windows)]
    #[test]
    fn windows_a_file_held_open_briefly_is_replaced_once_released() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("kommunen.ron");
        std::fs::write(&path, "gammal").expect("write");
        let held = hold(&path);
        let release = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(400));
            drop(held);
        });
        let started = std::time::Instant::now();
        save_atomic(&path, "ny").expect("saved after the release");
        assert!(started.elapsed() >= std::time::Duration::from_millis(300));
        release.join().expect("released");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "ny");
    }

    #[cfg(windows)]
    #[test]
    fn windows_a_file_held_open_is_kept_and_the_text_is_not_lost() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("kommunen.ron");
        std::fs::write(&path, "gammal").expect("write");
        let held = hold(&path);
        let started = std::time::Instant::now();
        let err = save_atomic(&path, "ny").expect_err("held all the time");
        let waited = started.elapsed();
        drop(held);
        assert!(matches!(err, SaveError::Busy { .. }), "{err}");
        assert!(
            waited >= std::time::Duration::from_millis(1900),
            "{waited:?}"
        );
        assert!(waited < std::time::Duration::from_secs(5), "{waited:?}");
        assert!(
            err.to_string().contains(&path.display().to_string()),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "gammal");
        assert_eq!(
            std::fs::read_to_string(path.with_file_name("kommunen.ron.osparad")).expect("kept"),
            "ny"
        );
    }

    #[test]
    fn planning_a_target_changes_only_that_commitment_and_keeps_comments() {
        let (text, backup, pledge) = edited(&[PledgeEdit::SetTarget {
            commitment: "K4".into(),
            target: Some(Target {
                shape: TargetShape::Total { amount: 7.0 },
                unit: "utbildningstillfällen".into(),
                bound: Bound::Minst,
                condition: None,
                from: None,
                until: None,
                example: false,
            }),
        }]);
        assert_eq!(backup, SAMPLE);
        assert!(text.contains("shape: Total(amount: 7),"), "{text}");
        // Everything outside K4's lines is byte for byte the same.
        let same_start = SAMPLE
            .bytes()
            .zip(text.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let same_end = SAMPLE
            .bytes()
            .rev()
            .zip(text.bytes().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let k4 = SAMPLE.find("id: \"K4\"").expect("K4");
        let after_k4 = k4 + SAMPLE[k4..].find("\n        ),").expect("K4's end");
        assert!(same_start >= k4, "changed before K4");
        assert!(SAMPLE.len() - same_end <= after_k4, "changed after K4");
        let k4 = pledge
            .commitments
            .iter()
            .find(|c| c.id.as_str() == "K4")
            .expect("K4");
        assert!(k4.target.is_some());
    }

    #[test]
    fn revisions_are_added_to_the_text_first_as_a_field_then_to_its_list() {
        let revise = |text: &str, date: &str| PledgeEdit::ReviseText {
            commitment: "P2".into(),
            text: text.into(),
            date: date.parse().expect("date"),
            reason: format!("beslut {date}"),
        };
        let (text, _, pledge) = edited(&[
            revise("Insatser mot narkotikaförsäljning.", "2017-01-15"),
            revise("Insatser mot försäljning av narkotika.", "2017-04-01"),
        ]);
        assert_eq!(pledge.revisions.len(), 2);
        for comment in SAMPLE.lines().filter(|l| l.starts_with("//")) {
            assert!(text.contains(comment), "{comment}");
        }
        assert_eq!(text.matches("revisions:").count(), 1, "{text}");
        assert!(text.contains("beslut 2017-01-15") && text.contains("beslut 2017-04-01"));
        // Nothing before P2 moved.
        let p2 = SAMPLE.find("id: \"P2\"").expect("P2");
        assert_eq!(&text[..p2], &SAMPLE[..p2]);
    }

    #[test]
    fn another_kind_of_change_rewrites_the_file_and_keeps_the_old_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("pledge.ron");
        std::fs::write(&path, SAMPLE).expect("written");
        let (_, before) = read(&path);
        let mut after = before.clone();
        after.title = "Medborgarlöften Karlstad 2017–2018".into();
        update_pledge(&path, &before, &after).expect("saved");
        assert_eq!(read(&path).1, after);
        assert_eq!(
            std::fs::read_to_string(backup_path(&path)).expect(".bak"),
            SAMPLE
        );
        // Someone else's pledge on disk is never overwritten.
        let mut other = after.clone();
        other.title = "Något annat".into();
        assert!(matches!(
            update_pledge(&path, &before, &other),
            Err(SaveError::Conflict { .. })
        ));
        assert_eq!(read(&path).1, after);
    }
}
