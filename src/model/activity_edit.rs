//! Edits of an activity file as values: add, change or delete entries. Each
//! edit applied returns its inverse, so undo and redo are the same operation
//! and the GUI, the import and the tests all change files the same way.

use super::activity::{Activity, ActivityFile};

/// One change to the entries of one activity file.
#[derive(Debug, Clone, PartialEq)]
pub enum ActivityEdit {
    /// Insert entries at an index (the end when `at` equals the length).
    Insert {
        /// Where the first goes.
        at: usize,
        /// The entries, in order.
        entries: Vec<Activity>,
    },
    /// Replace the entry at `index`, which must equal `old`.
    Replace {
        /// Which entry.
        index: usize,
        /// What it is now (checked, so a file changed meanwhile is not hit blindly).
        old: Box<Activity>,
        /// What it becomes.
        new: Box<Activity>,
    },
    /// Remove `entries.len()` entries from `at`, which must equal `entries`.
    Remove {
        /// The first index.
        at: usize,
        /// The entries removed (checked).
        entries: Vec<Activity>,
    },
}

/// Why an edit could not be applied: the file is not what the edit expects.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The index lies beyond the entries.
    #[error("posten {index} finns inte i filen (den har {len} poster)")]
    OutOfRange {
        /// The index asked for (1-based in the message would confuse; 0-based here).
        index: usize,
        /// How many entries there are.
        len: usize,
    },
    /// The entry at the index is not the one expected: the file has changed.
    #[error(
        "aktivitetsfilen har ändrats sedan den lästes in (post {index} är inte densamma); läs in filerna igen (F5) och försök på nytt"
    )]
    Changed {
        /// Which entry.
        index: usize,
    },
}

impl ActivityEdit {
    /// Adds one entry at the end of `file`.
    pub fn append(file: &ActivityFile, entry: Activity) -> Self {
        ActivityEdit::Insert {
            at: file.entries.len(),
            entries: vec![entry],
        }
    }

    /// Applies the edit to `file` and returns the edit that undoes it. On an
    /// error the file is unchanged.
    pub fn apply(&self, file: &mut ActivityFile) -> Result<ActivityEdit, EditError> {
        let len = file.entries.len();
        match self {
            ActivityEdit::Insert { at, entries } => {
                if *at > len {
                    return Err(EditError::OutOfRange { index: *at, len });
                }
                file.entries.splice(*at..*at, entries.iter().cloned());
                Ok(ActivityEdit::Remove {
                    at: *at,
                    entries: entries.clone(),
                })
            }
            ActivityEdit::Replace { index, old, new } => {
                let slot = file
                    .entries
                    .get_mut(*index)
                    .ok_or(EditError::OutOfRange { index: *index, len })?;
                if slot != old.as_ref() {
                    return Err(EditError::Changed { index: *index });
                }
                *slot = new.as_ref().clone();
                Ok(ActivityEdit::Replace {
                    index: *index,
                    old: new.clone(),
                    new: old.clone(),
                })
            }
            ActivityEdit::Remove { at, entries } => {
                let end = at + entries.len();
                let current = file
                    .entries
                    .get(*at..end)
                    .ok_or(EditError::OutOfRange { index: end, len })?;
                if let Some(offset) = current.iter().zip(entries).position(|(a, b)| a != b) {
                    return Err(EditError::Changed { index: at + offset });
                }
                file.entries.drain(*at..end);
                Ok(ActivityEdit::Insert {
                    at: *at,
                    entries: entries.clone(),
                })
            }
        }
    }

    /// How many entries the edit adds (negative: removes).
    pub fn added(&self) -> isize {
        match self {
            ActivityEdit::Insert { entries, .. } => entries.len().cast_signed(),
            ActivityEdit::Replace { .. } => 0,
            ActivityEdit::Remove { entries, .. } => -entries.len().cast_signed(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CommitmentId, Date, PartyId, Quantity};

    fn entry(day: u32, amount: f64) -> Activity {
        Activity {
            date: Date::from_ymd(2017, 3, day).expect("date").into(),
            until: None,
            commitments: std::iter::once(CommitmentId::new("K1")).collect(),
            party: PartyId::new("karlstads-kommun"),
            quantity: Some(Quantity {
                amount,
                unit: "tillsyner".into(),
                qualifier: crate::model::Qualifier::Exakt,
            }),
            place: Some("Herrhagen".into()),
            note: None,
            cumulative: false,
            milestone_reached: false,
            instead: None,
            part: None,
            with: Vec::new(),
        }
    }

    fn file(entries: Vec<Activity>) -> ActivityFile {
        ActivityFile {
            version: 1,
            reporter: None,
            note: None,
            entries,
        }
    }

    #[test]
    fn every_edit_undone_gives_the_same_file() {
        let original = file(vec![entry(1, 1.0), entry(2, 2.0), entry(3, 3.0)]);
        let edits = [
            ActivityEdit::append(&original, entry(4, 4.0)),
            ActivityEdit::Insert {
                at: 0,
                entries: vec![entry(5, 5.0), entry(6, 6.0)],
            },
            ActivityEdit::Replace {
                index: 1,
                old: Box::new(entry(2, 2.0)),
                new: Box::new(entry(2, 20.0)),
            },
            ActivityEdit::Remove {
                at: 1,
                entries: vec![entry(2, 2.0), entry(3, 3.0)],
            },
        ];
        for edit in edits {
            let mut f = original.clone();
            let undo = edit.apply(&mut f).expect("applies");
            assert_ne!(f, original, "{edit:?} changed something");
            let redo = undo.apply(&mut f).expect("undo applies");
            assert_eq!(f, original, "{edit:?} undone");
            assert_eq!(redo, edit, "the inverse of the inverse is the edit");
        }
    }

    #[test]
    fn a_changed_file_is_not_edited_blindly() {
        let mut f = file(vec![entry(1, 1.0)]);
        let stale = ActivityEdit::Replace {
            index: 0,
            old: Box::new(entry(1, 9.0)),
            new: Box::new(entry(1, 2.0)),
        };
        assert_eq!(stale.apply(&mut f), Err(EditError::Changed { index: 0 }));
        let gone = ActivityEdit::Remove {
            at: 3,
            entries: vec![entry(1, 1.0)],
        };
        assert!(matches!(
            gone.apply(&mut f),
            Err(EditError::OutOfRange { .. })
        ));
        assert_eq!(f, file(vec![entry(1, 1.0)]));
    }
}
