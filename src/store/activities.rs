//! Writing activity entries: an [`ActivityEdit`] applied to the file on
//! disk as it is now, changing only the entries concerned ([`super::splice`]),
//! checked by reading the result back before the atomic save.

use std::path::{Path, PathBuf};

use crate::model::activity_edit::{ActivityEdit, EditError};
use crate::model::{ACTIVITY_FORMAT_VERSION, Activity, ActivityFile, PartyId, Problem};

use super::newlines::{TextStyle, newline_of};
use super::save::{SaveError, activities_to_ron, fragment_to_ron_with, save_atomic};
use super::splice;
use super::{Source, parse};

/// Why entries could not be written. Nothing was written in every case.
#[derive(Debug, thiserror::Error)]
pub enum ActivityWriteError {
    /// The file on disk cannot be read or parsed now.
    #[error("{0}")]
    Unreadable(Box<Problem>),
    /// The file is not what the edit expects (changed by someone else).
    #[error("{path}: {source}")]
    Edit {
        /// The file.
        path: String,
        /// What did not match.
        source: EditError,
    },
    /// The edited text did not read back as intended (a bug; nothing saved).
    #[error("{0}: ändringen kunde inte skrivas utan att röra resten av filen; inget har sparats")]
    Splice(String),
    /// Saving failed.
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// One entry as RON, from column 0, the way activity files write entries.
pub fn entry_to_ron(entry: &Activity) -> Result<String, SaveError> {
    fragment_to_ron_with(entry, ron::ser::PrettyConfig::new().depth_limit(1))
}

/// Applies `edit` to the activity file at `path` and saves it atomically;
/// returns the edit that undoes it. A missing file is created (only by an
/// insert), with `reporter` as its keeper.
pub fn apply_to_file(
    path: &Path,
    edit: &ActivityEdit,
    reporter: Option<&str>,
) -> Result<ActivityEdit, ActivityWriteError> {
    let (current, style) = read_current(path)?;
    let (text, undo) = edited_text(path, current, edit, reporter)?;
    save_atomic(path, &style.with_mark(&text))?;
    Ok(undo)
}

/// An activity file as read: its data and its text.
type Current = Option<(ActivityFile, String)>;

/// The file at `path` as it is on disk now, with its text (`None` when it
/// does not exist yet), and how its bytes are laid out.
fn read_current(path: &Path) -> Result<(Current, TextStyle), ActivityWriteError> {
    if !path.exists() {
        return Ok((None, TextStyle::default()));
    }
    let (source, style) = Source::read_with_style(path);
    let file: ActivityFile = parse(&source).map_err(ActivityWriteError::Unreadable)?;
    Ok((Some((file, source.text.unwrap_or_default())), style))
}

/// The text of the file at `path` (now `current`) after `edit`, changing
/// only the entries concerned, read back to be sure; and the edit that
/// undoes it. Nothing is written, except the folder of a new file.
fn edited_text(
    path: &Path,
    current: Option<(ActivityFile, String)>,
    edit: &ActivityEdit,
    reporter: Option<&str>,
) -> Result<(String, ActivityEdit), ActivityWriteError> {
    let display = path.display().to_string();
    let Some((mut expected, text)) = current else {
        let mut file = ActivityFile {
            version: ACTIVITY_FORMAT_VERSION,
            reporter: reporter.map(str::to_owned),
            note: None,
            entries: Vec::new(),
        };
        let undo = edit
            .apply(&mut file)
            .map_err(|source| ActivityWriteError::Edit {
                path: display.clone(),
                source,
            })?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| SaveError::Io {
                path: dir.display().to_string(),
                reason: super::io_message(&e),
            })?;
        }
        return Ok((activities_to_ron(&file)?, undo));
    };
    let undo = edit
        .apply(&mut expected)
        .map_err(|source| ActivityWriteError::Edit {
            path: display.clone(),
            source,
        })?;
    let new_text = match splice::entries_list(&text) {
        // Rewritten whole, with the line ending the file had.
        None => TextStyle {
            crlf: newline_of(&text) == "\r\n",
            bom: false,
        }
        .apply(&activities_to_ron(&expected)?),
        Some(list) => match edit {
            ActivityEdit::Insert { at, entries } => {
                let texts = entries
                    .iter()
                    .map(entry_to_ron)
                    .collect::<Result<Vec<_>, _>>()?;
                splice::insert(&text, &list, *at, &texts)
            }
            ActivityEdit::Replace { index, new, .. } => {
                splice::replace(&text, &list, *index, &entry_to_ron(new)?)
                    .ok_or_else(|| ActivityWriteError::Splice(display.clone()))?
            }
            ActivityEdit::Remove { at, entries } => {
                splice::remove(&text, &list, *at, entries.len())
                    .ok_or_else(|| ActivityWriteError::Splice(display.clone()))?
            }
        },
    };
    // Read the result back: it must be exactly the intended file.
    let check = Source::from_text(path, new_text.clone());
    match parse::<ActivityFile>(&check) {
        Ok(back) if back == expected => Ok((new_text, undo)),
        _ => Err(ActivityWriteError::Splice(display)),
    }
}

/// The edits that append `entries` to their parties' files: one insert per
/// file at its end, entries in the order given. `files` are the activity
/// files there are now, with their paths.
pub fn appends<'a>(
    folder: &Path,
    files: &[(&'a Path, &'a ActivityFile)],
    entries: impl IntoIterator<Item = Activity>,
) -> Vec<(PathBuf, ActivityEdit)> {
    let mut per_file: Vec<(PathBuf, Vec<Activity>)> = Vec::new();
    for entry in entries {
        let path = party_file(folder, files.iter().copied(), &entry.party);
        match per_file.iter_mut().find(|(p, _)| *p == path) {
            Some((_, list)) => list.push(entry),
            None => per_file.push((path, vec![entry])),
        }
    }
    per_file
        .into_iter()
        .map(|(path, entries)| {
            let at = files
                .iter()
                .find(|(p, _)| *p == path)
                .map_or(0, |(_, f)| f.entries.len());
            (path, ActivityEdit::Insert { at, entries })
        })
        .collect()
}

/// Applies `edits` in order, all or nothing, also across files and when
/// the process is killed: every new text is made first, then all are saved
/// as one through the journal in `folder` ([`super::journal`]). Returns the
/// edits that undo them all, in the order to apply them. A file created by
/// an insert gets its first entry's party name as keeper.
pub fn apply_all(
    folder: &Path,
    edits: &[(PathBuf, ActivityEdit)],
    pledge: &crate::model::Pledge,
) -> Result<Vec<(PathBuf, ActivityEdit)>, ActivityWriteError> {
    // An interrupted save is finished first, so the edits apply to what
    // the files hold.
    super::journal::recover(folder)?;
    let mut undo: Vec<(PathBuf, ActivityEdit)> = Vec::with_capacity(edits.len());
    // Per file: its parsed content and text after the edits so far, and
    // the layout of its bytes on disk.
    let mut files: Vec<(PathBuf, Current, TextStyle)> = Vec::new();
    for (path, edit) in edits {
        let reporter = match edit {
            ActivityEdit::Insert { entries, .. } => entries
                .first()
                .and_then(|e| pledge.party(&e.party))
                .map(|p| p.name.as_str()),
            _ => None,
        };
        let slot = if let Some(i) = files.iter().position(|(p, _, _)| p == path) {
            i
        } else {
            let (current, style) = read_current(path)?;
            files.push((path.clone(), current, style));
            files.len() - 1
        };
        let Some((_, current, _)) = files.get_mut(slot) else {
            continue;
        };
        let (text, inverse) = edited_text(path, current.take(), edit, reporter)?;
        let parsed: ActivityFile = parse(&Source::from_text(path, text.clone()))
            .map_err(|_| ActivityWriteError::Splice(path.display().to_string()))?;
        *current = Some((parsed, text));
        undo.push((path.clone(), inverse));
    }
    // A file that started with a byte-order mark keeps it.
    let writes: Vec<(PathBuf, String)> = files
        .into_iter()
        .filter_map(|(path, file, style)| file.map(|(_, text)| (path, style.with_mark(&text))))
        .collect();
    super::journal::save_all(folder, &writes)?;
    undo.reverse();
    Ok(undo)
}

/// The file a party's new entries go to: the activity file holding only
/// that party's entries (the largest, if several), else
/// `activities/<party>.ron` in `folder`.
pub fn party_file<'a>(
    folder: &Path,
    files: impl IntoIterator<Item = (&'a Path, &'a ActivityFile)>,
    party: &PartyId,
) -> PathBuf {
    files
        .into_iter()
        .filter(|(_, f)| !f.entries.is_empty() && f.entries.iter().all(|e| &e.party == party))
        .max_by_key(|(_, f)| f.entries.len())
        .map_or_else(
            // `Activities` made on Windows is found, not doubled by a new
            // `activities` beside it.
            || super::activities_dir(folder).join(format!("{}.ron", party.as_str())),
            |(p, _)| p.to_path_buf(),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CommitmentId, Date, Quantity};

    fn entry(day: u32) -> Activity {
        Activity {
            date: Date::from_ymd(2017, 3, day).expect("date").into(),
            until: None,
            commitments: std::iter::once(CommitmentId::new("K1")).collect(),
            party: PartyId::new("karlstads-kommun"),
            quantity: Some(Quantity {
                amount: 2.0,
                unit: "tillsyner".into(),
                qualifier: crate::model::Qualifier::Cirka,
            }),
            place: Some("Herrhagen".into()),
            note: Some("Kvällstillsyn.".into()),
            cumulative: false,
            milestone_reached: false,
            instead: None,
            part: None,
            with: Vec::new(),
        }
    }

    #[test]
    fn adding_to_the_sample_file_keeps_every_other_byte() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("kommunen.ron");
        let original = crate::sample::files()
            .into_iter()
            .find(|(name, _)| name.ends_with("kommunen.ron"))
            .map(|(_, text)| text)
            .expect("sample file");
        std::fs::write(&path, original).expect("write");
        let file: ActivityFile = parse(&Source::from_text(&path, original)).expect("sample parses");
        let edit = ActivityEdit::append(&file, entry(14));
        let undo = apply_to_file(&path, &edit, None).expect("added");
        let written = std::fs::read_to_string(&path).expect("read");
        let list = splice::entries_list(original).expect("entries");
        let end = list.items.last().expect("entries").end;
        assert_eq!(&written[..end], &original[..end]);
        let added = written.len() - original.len();
        assert!(added < 400, "only the entry was added ({added} bytes)");
        assert!(written.contains("qualifier: Cirka"));
        // Undo removes it again: the file is byte for byte the original.
        apply_to_file(&path, &undo, None).expect("undone");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), original);
    }

    #[test]
    fn a_new_party_file_is_created_and_a_changed_file_is_not_overwritten() {
        let dir = tempfile::tempdir().expect("dir");
        let path = party_file(dir.path(), [], &PartyId::new("karlstads-kommun"));
        assert_eq!(path, dir.path().join("activities/karlstads-kommun.ron"));
        let empty = ActivityFile {
            version: 1,
            reporter: None,
            note: None,
            entries: Vec::new(),
        };
        apply_to_file(
            &path,
            &ActivityEdit::append(&empty, entry(1)),
            Some("Kommunen"),
        )
        .expect("created");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains("reporter: \"Kommunen\""));
        // Someone else changed the entry meanwhile: the edit is refused.
        let stale = ActivityEdit::Replace {
            index: 0,
            old: Box::new(entry(2)),
            new: Box::new(entry(3)),
        };
        let err = apply_to_file(&path, &stale, None).expect_err("refused");
        assert!(err.to_string().contains("har ändrats"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    /// Random inserts, replacements and removals on the sample's police
    /// file: the spliced text always reads back as the edited model, the
    /// header with its comments never changes, and the undo edits bring
    /// back the original data (an undone replacement is written by the
    /// serialiser, so "9" may come back as "9.0").
    fn edits() -> impl Strategy<Value = Vec<(u8, usize, u32)>> {
        prop::collection::vec((0u8..3, 0usize..400, 1u32..28), 1..6)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn splicing_equals_the_model_and_undo_restores_the_bytes(ops in edits()) {
            let dir = tempfile::tempdir().expect("dir");
            let path = dir.path().join("polisen.ron");
            let original = crate::sample::files()
                .into_iter()
                .find(|(name, _)| name.ends_with("polisen.ron"))
                .map(|(_, text)| text)
                .expect("sample file");
            std::fs::write(&path, original).expect("write");
            let mut undos = Vec::new();
            for (kind, at, day) in ops {
                let file: ActivityFile =
                    parse(&Source::read(&path)).expect("parses");
                let len = file.entries.len();
                let mut entry = file.entries.first().cloned().expect("entries");
                entry.date = crate::model::Date::from_ymd(2017, 2, day).expect("date").into();
                entry.note = Some(format!("Ändrad \"{day}\" (test) ]"));
                let edit = match kind {
                    0 => ActivityEdit::Insert { at: at % (len + 1), entries: vec![entry] },
                    1 if len > 0 => {
                        let index = at % len;
                        ActivityEdit::Replace {
                            index,
                            old: Box::new(file.entries[index].clone()),
                            new: Box::new(entry),
                        }
                    }
                    _ if len > 0 => {
                        let index = at % len;
                        ActivityEdit::Remove { at: index, entries: vec![file.entries[index].clone()] }
                    }
                    _ => continue,
                };
                let mut expected = file.clone();
                edit.apply(&mut expected).expect("model edit");
                undos.push(apply_to_file(&path, &edit, None).expect("written"));
                let back: ActivityFile = parse(&Source::read(&path)).expect("reads back");
                prop_assert_eq!(back, expected);
            }
            for undo in undos.iter().rev() {
                apply_to_file(&path, undo, None).expect("undone");
            }
            let text = std::fs::read_to_string(&path).expect("read");
            let header = &original[..splice::entries_list(original).expect("list").open];
            prop_assert!(text.starts_with(header));
            let back: ActivityFile = parse(&Source::read(&path)).expect("reads back");
            let first: ActivityFile = parse(&Source::from_text(&path, original)).expect("sample");
            prop_assert_eq!(back, first);
        }
    }
}
