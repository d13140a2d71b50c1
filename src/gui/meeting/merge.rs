//! When the meeting file changes on disk under the session: someone else
//! saved it (a secretary on another laptop, a colleague on the shared drive).
//!
//! Saving then merges three ways ([`crate::model::meeting_merge`]): the
//! version the session last loaded or saved, ours, and the file as it is
//! now. A merge without conflicts is saved at once; one with conflicts opens
//! the conflict dialog ([`super::conflict`]), where the user chooses per
//! field. The merged meeting is applied as one undoable step and saved
//! against the file as it was read, so the save does not conflict again.
//!
//! When the file watcher sees the change first, a session without unsaved
//! edits simply shows the new file, and one with edits merges the same way,
//! leaving the result unsaved (the user was not saving).

use crate::model::meeting::{Meeting, differences};
use crate::model::meeting_edit::{MeetingEdit, MeetingEditor};
use crate::model::meeting_merge::{Merge, Side};
use crate::store::{self, SaveError};

use super::{Conflict, MeetingSession, Outcome, recovery_path};
use crate::gui::text::texts;

/// The file on disk, read to merge with.
#[derive(Debug, Clone)]
pub struct Theirs {
    /// The merge of our edits with it.
    pub merge: Merge,
    /// Its text as read, to save against.
    pub text: String,
}

impl MeetingSession {
    /// The meeting file as it is on disk now, or why it cannot be read.
    fn read_file(&self) -> Result<(Meeting, String), String> {
        store::read_meeting(&self.path).map_err(|p| p.to_string())
    }

    /// After a save met someone else's change: merge with the file and save
    /// when nothing needs a choice; otherwise open the conflict dialog.
    pub(super) fn merge_with_file(&mut self) -> Result<Outcome, String> {
        let our_changes = differences(self.editor.saved(), self.editor.meeting());
        let theirs = match self.read_file() {
            Ok((theirs, text)) => theirs_with(self, &theirs, text),
            Err(why) => {
                self.conflict = Some(Conflict {
                    our_changes,
                    theirs: Err(why),
                    choices: Vec::new(),
                });
                return Ok(Outcome::Nothing);
            }
        };
        if theirs.merge.is_clean() {
            let notice = with_renumbered(
                texts().merged_and_saved(
                    theirs.merge.automatic.len(),
                    &theirs.merge.from_theirs,
                    &self.path.display().to_string(),
                ),
                &theirs.merge,
            );
            let merged = theirs.merge.meeting().clone();
            self.take_merge(merged, &theirs)?;
            return self.save_after_merge(notice);
        }
        self.conflict = Some(Conflict {
            our_changes,
            choices: vec![Side::Ours; theirs.merge.conflicts.len()],
            theirs: Ok(Box::new(theirs)),
        });
        Ok(Outcome::Nothing)
    }

    /// "Slå ihop och spara": the merge with the choices made in the dialog.
    pub(super) fn merge_and_save(&mut self) -> Result<Outcome, String> {
        let Some(conflict) = self.conflict.take() else {
            return Ok(Outcome::Nothing);
        };
        let Ok(theirs) = conflict.theirs else {
            return Ok(Outcome::Nothing);
        };
        let merged = theirs.merge.resolved(&conflict.choices);
        let notice = with_renumbered(
            texts().resolved_and_saved(&self.path.display().to_string()),
            &theirs.merge,
        );
        self.take_merge(merged, &theirs)?;
        self.save_after_merge(notice)
    }

    /// The merged meeting as one undoable step, counted from the file's
    /// version (which the next save is checked against).
    fn take_merge(&mut self, merged: Meeting, theirs: &Theirs) -> Result<(), String> {
        if &merged != self.editor.meeting() {
            self.edit(MeetingEdit::Replace(Box::new(merged)))?;
        }
        self.editor.set_saved(theirs.merge.theirs().clone());
        self.read_text = Some(theirs.text.clone());
        Ok(())
    }

    /// Saves the merged meeting (unless it is the file's version already).
    fn save_after_merge(&mut self, notice: String) -> Result<Outcome, String> {
        if !self.editor.has_unsaved_changes() {
            let _ = std::fs::remove_file(recovery_path(&self.path));
            return Ok(Outcome::Reload(notice));
        }
        match self.save() {
            Ok(()) => Ok(Outcome::Reload(notice)),
            // Saved again by someone else meanwhile: merge with that too.
            Err(SaveError::Conflict { .. }) => self.merge_with_file(),
            Err(other) => Err(other.to_string()),
        }
    }

    /// The meeting file changed on disk (the watcher saw it, or the user
    /// read the files again). Without unsaved edits the session shows the
    /// new file; with them it merges, asking only about conflicts. Returns
    /// what to tell the user, or `None` when the file's text is unchanged.
    pub fn file_changed(&mut self) -> Option<String> {
        let t = texts();
        let read = self.read_text.as_ref()?;
        let on_disk = std::fs::read_to_string(&self.path).ok();
        if on_disk.as_deref().map(crate::store::newlines::strip_mark) == Some(read.as_str()) {
            return None;
        }
        let (theirs, text) = match self.read_file() {
            Ok(found) => found,
            Err(why) => return Some(t.meeting_file_unreadable(&why)),
        };
        self.rebase_recovery(&theirs);
        if !self.editor.has_unsaved_changes() {
            let changes = differences(self.editor.meeting(), &theirs);
            let current = self.current;
            self.editor = MeetingEditor::new(theirs);
            self.read_text = Some(text);
            self.current = current;
            self.clamp_current();
            return Some(t.meeting_took_file(&changes));
        }
        let theirs = theirs_with(self, &theirs, text);
        if !theirs.merge.is_clean() {
            self.conflict = Some(Conflict {
                our_changes: differences(self.editor.saved(), self.editor.meeting()),
                choices: vec![Side::Ours; theirs.merge.conflicts.len()],
                theirs: Ok(Box::new(theirs)),
            });
            return Some(t.meeting_file_conflicts.to_owned());
        }
        let notice = with_renumbered(
            t.merged_unsaved(theirs.merge.automatic.len(), &theirs.merge.from_theirs),
            &theirs.merge,
        );
        let merged = theirs.merge.meeting().clone();
        Some(match self.take_merge(merged, &theirs) {
            Ok(()) => notice,
            Err(why) => why,
        })
    }
}

impl MeetingSession {
    /// An autosaved version still waiting for the user's decision was made
    /// from the file as it was: merge it with the file's new version, so
    /// restoring it does not drop what someone else saved meanwhile (a
    /// field both changed keeps the autosaved value: restoring means "my
    /// version"), and the dialog lists what it changes now.
    fn rebase_recovery(&mut self, theirs: &Meeting) {
        let Some(recovery) = &mut self.recovery else {
            return;
        };
        let merge = Merge::new(
            self.editor.saved(),
            &recovery.meeting,
            theirs,
            self.next_action_number,
        );
        recovery.meeting = merge.meeting().clone();
        recovery.differences = differences(theirs, &recovery.meeting);
    }
}

/// The merge of the session's edits with `theirs`.
fn theirs_with(session: &MeetingSession, theirs: &Meeting, text: String) -> Theirs {
    Theirs {
        merge: Merge::new(
            session.editor.saved(),
            session.editor.meeting(),
            theirs,
            session.next_action_number,
        ),
        text,
    }
}

/// `notice`, and which of our new action items got new ids, if any did.
pub(super) fn with_renumbered(notice: String, merge: &Merge) -> String {
    if merge.renumbered.is_empty() {
        return notice;
    }
    let pairs: Vec<String> = merge
        .renumbered
        .iter()
        .map(|(was, now)| format!("{was} → {now}"))
        .collect();
    format!("{notice} {}", texts().renumbered(&pairs))
}
