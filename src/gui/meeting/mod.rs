//! Meeting mode: one meeting file being chaired or edited.
//!
//! [`MeetingSession`] holds the meeting and applies [`MeetingCommand`]s
//! through its [`MeetingEditor`] (the one place where a meeting changes:
//! undo/redo, the read-only rule), saves it safely and autosaves a recovery
//! file. The views in [`view`] only draw and emit commands.

mod conflict;
mod merge;
mod new_dialog;
mod presentation;
mod view;

pub use merge::Theirs;
pub use new_dialog::{DateCheck, NewMeetingDialog};
pub use presentation::presentation_ui;
pub use view::{chairing_ui, meetings_list_ui, session_dialogs_ui};

use std::path::{Path, PathBuf};

use crate::model::meeting::{
    ActionItem, ActionStatus, Adjustment, Assessment, ItemKind, Meeting, MeetingState, differences,
};
use crate::model::meeting_edit::{EditError, FieldId, MeetingEdit, MeetingEditor};
use crate::model::{ActionId, CommitmentId, Date};
use crate::status::StatusReport;
use crate::store::{self, SaveError};

use super::text::texts;
use crate::workspace::Document;

/// Seconds after the last change before the recovery file is written.
pub const AUTOSAVE_AFTER_SECS: f64 = 1.0;

/// The longest a change waits for the recovery file while someone keeps
/// typing, so a crash loses under 2 s of it even with a key (a frame)
/// arriving just after the deadline. (Waiting for a pause alone lost 15 s
/// of continuous typing.)
pub const AUTOSAVE_AT_MOST_SECS: f64 = 1.5;

/// A change to the meeting being edited, or to where the chair is in it.
#[derive(Debug, Clone, PartialEq)]
pub enum MeetingCommand {
    /// Apply an edit.
    Edit(MeetingEdit),
    /// Apply an edit typed into a text field: one undo step per visit to
    /// the field.
    Type {
        /// The field (its widget id).
        field: FieldId,
        /// The field's new value.
        edit: MeetingEdit,
    },
    /// The field being typed into gained or lost focus.
    EndTyping,
    /// Assess the current commitment item (with a snapshot of the figures).
    Assess(Assessment),
    /// Take the live figures into the current item's kept snapshot (reports
    /// came in after it was assessed).
    RefreshFigures,
    /// Go to an agenda item.
    GoTo(usize),
    /// Next agenda item.
    Next,
    /// Previous agenda item.
    Previous,
    /// Add an empty decision clause to the current item and focus it.
    AddDecision,
    /// Add an action item and focus it.
    AddAction,
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
    /// Save to the meeting file.
    Save,
    /// Take the autosaved version offered at opening.
    RestoreRecovery,
    /// Throw the autosaved version away.
    DiscardRecovery,
    /// Show the dialog for reopening a justerat meeting.
    AskReopen,
    /// Reopen with this reason (from the dialog).
    Reopen(String),
    /// Close the reopen dialog.
    CancelReopen,
    /// After a conflict: merge with the file as chosen in the dialog, and save.
    MergeAndSave,
    /// After a conflict: write our version next to the file
    /// (`<meeting>-kopia.ron`), leaving it alone.
    SaveCopy,
    /// After a conflict: read the file again, dropping our changes.
    ReloadFromDisk,
    /// After a conflict: go back to editing.
    DismissConflict,
    /// Adjust (justera) the minutes: records place and date, then read-only.
    Adjust,
    /// End the meeting (to *avslutat*), keeping every commitment's figures
    /// at the meeting date for the minutes.
    Conclude,
}

/// Someone else saved the meeting file while we edited it, and both
/// changed the same fields (or the file cannot be read to merge with).
#[derive(Debug, Clone)]
pub struct Conflict {
    /// Our changes that are not in any saved file, in Swedish.
    pub our_changes: Vec<String>,
    /// The file and the merge with it, or why the file cannot be read.
    pub theirs: Result<Box<Theirs>, String>,
    /// The version chosen for each conflicting field, in the merge's order
    /// (the dialog changes them).
    pub choices: Vec<crate::model::meeting_merge::Side>,
}

/// What a handled command means for the rest of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing beyond the meeting.
    Nothing,
    /// The file was saved: read the document again.
    Saved,
    /// Files were written (a merge saved, a copy made): read the document
    /// again and tell the user this.
    Reload(String),
    /// Tell the user.
    Notice(String),
    /// The session has nothing left to show: close it.
    Closed,
}

/// An autosaved version found when the meeting was opened.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// The autosaved meeting.
    pub meeting: Meeting,
    /// What it changes compared with the file, in Swedish.
    pub differences: Vec<String>,
}

/// A meeting open for chairing or editing.
#[derive(Debug, Clone)]
pub struct MeetingSession {
    /// The meeting file.
    pub path: PathBuf,
    /// The meeting and its undo history.
    pub editor: MeetingEditor,
    /// The file's text as read (to detect changes by others); `None` for a
    /// meeting not yet saved.
    read_text: Option<String>,
    /// The agenda item in focus.
    pub current: usize,
    /// The status at the meeting date.
    status: Option<StatusReport>,
    /// The commitments whose target has a condition: only they can be
    /// assessed *villkoret uppfylldes inte*.
    conditional: Vec<CommitmentId>,
    /// The effect indicators at the meeting date, kept at the conclusion.
    effects: Vec<crate::model::meeting::EffectSnapshot>,
    /// An autosaved version waiting for the user's decision.
    pub recovery: Option<Recovery>,
    /// The editor version last written to the recovery file.
    autosaved_version: u64,
    /// When the current unsaved version was made (egui time), for autosave.
    changed_at: Option<f64>,
    /// When the oldest change not yet in the recovery file was made.
    pending_since: Option<f64>,
    /// Text of the reopen dialog while it is open.
    pub reopen_reason: Option<String>,
    /// The decision clause to focus next frame (item, clause).
    focus_decision: Option<(usize, usize)>,
    /// The action item to focus next frame.
    focus_action: Option<usize>,
    /// Put the keyboard focus on the current item's assessment row next
    /// frame (after moving to an item).
    pub(super) focus_assessment: bool,
    /// The lowest action number not used by any meeting of the pledge.
    next_action_number: usize,
    /// The name typed for a new participant.
    pub new_participant: String,
    /// The heading typed for a new agenda item.
    pub new_item: String,
    /// Set when saving met a file changed by someone else.
    pub conflict: Option<Conflict>,
    /// The text field whose last typing was refused, and why (a
    /// personnummer): shown under the field until it is typed into again.
    pub refused: Option<(FieldId, String)>,
    /// The text printing was refused for (a personnummer in a meeting file
    /// written elsewhere): its path in the meeting, marked in the view.
    pub marked: Option<Vec<crate::privacy::Step>>,
    /// Give the marked field the keyboard focus, once.
    pub(super) focus_marked: std::cell::Cell<bool>,
    /// The agenda item the list was last scrolled to.
    scrolled_to: Option<usize>,
    /// The agenda item the central view last showed (to open a new one at
    /// its top).
    pub(super) item_shown: Option<usize>,
    /// Chart points of the current commitment item: (item, points).
    chart: Option<(usize, Vec<crate::status::SeriesPoint>)>,
}

/// The recovery file of a meeting file, next to it (`2017-03-16.recovery`):
/// never read as a meeting, never written over the meeting itself.
pub fn recovery_path(path: &Path) -> PathBuf {
    path.with_extension("recovery")
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).ok()?.modified().ok()
}

impl MeetingSession {
    /// Opens a meeting file of `doc` for editing. A recovery file newer than
    /// the meeting is offered (see [`MeetingSession::recovery`]).
    pub fn open(doc: &Document, path: &Path) -> Result<Self, String> {
        let (meeting, text) = store::read_meeting(path).map_err(|p| p.to_string())?;
        let mut session = MeetingSession::with(doc, path, meeting, Some(text));
        let recovery = recovery_path(path);
        if modified(&recovery) > modified(path)
            && let Ok((saved, _)) = store::read_meeting(&recovery)
            && &saved != session.editor.meeting()
        {
            session.recovery = Some(Recovery {
                differences: differences(session.editor.meeting(), &saved),
                meeting: saved,
            });
        }
        Ok(session)
    }

    /// A meeting left unsaved when the app last stopped (a recovery file in
    /// the pledge's meetings folder newer than its meeting, or a new meeting
    /// never saved), opened so the user can restore or discard it.
    pub fn left_unsaved(doc: &Document) -> Option<Self> {
        if doc.is_read_only() {
            return None;
        }
        let dir = store::meetings_dir(&doc.origin.folder()?);
        let mut recoveries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| store::paths::has_extension(p, "recovery"))
            .collect();
        recoveries.sort();
        recoveries.into_iter().find_map(|recovery| {
            // `2017-03-16.RON`, saved so on Windows, is that meeting's file.
            let path = recovery.file_stem().and_then(|s| s.to_str()).map_or_else(
                || recovery.with_extension("ron"),
                |stem| store::child(&dir, &format!("{stem}.ron")),
            );
            if path.exists() {
                MeetingSession::open(doc, &path)
                    .ok()
                    .filter(|s| s.recovery.is_some())
            } else {
                // A new meeting that was never saved: offer it as it was.
                let (meeting, _) = store::read_meeting(&recovery).ok()?;
                let mut session = MeetingSession::with(doc, &path, meeting.clone(), None);
                session.recovery = Some(Recovery {
                    differences: vec![texts().never_saved.to_owned()],
                    meeting,
                });
                Some(session)
            }
        })
    }

    /// A new meeting on `date` after the document's meetings, to be saved
    /// as `meetings/<date>.ron` in the pledge folder.
    pub fn create(doc: &Document, date: Date) -> Result<Self, String> {
        let t = texts();
        let pledge = doc.pledge().ok_or_else(|| t.no_pledge_body.to_owned())?;
        if doc.is_read_only() {
            return Err(t.sample_meeting_read_only.to_owned());
        }
        let folder = doc
            .origin
            .folder()
            .ok_or_else(|| t.no_pledge_body.to_owned())?;
        let path = store::child(&store::meetings_dir(&folder), &format!("{date}.ron"));
        if path.exists() {
            return Err(t.meeting_exists(&date.to_string()));
        }
        let earlier = &doc.loaded.meetings;
        let number = earlier.iter().filter(|m| m.date < date).count() + 1;
        let title = format!("{} {number} – {}", t.meeting_title_prefix, pledge.title);
        let meeting = Meeting::after(pledge, earlier, date, title);
        Ok(MeetingSession::with(doc, &path, meeting, None))
    }

    fn with(doc: &Document, path: &Path, meeting: Meeting, read_text: Option<String>) -> Self {
        let status = doc
            .pledge()
            .map(|p| doc.prepared().compute(p, meeting.date));
        let effects = doc.pledge().map_or_else(Vec::new, |p| {
            crate::status::indicators::snapshots(p, meeting.date)
        });
        MeetingSession {
            path: path.to_owned(),
            editor: MeetingEditor::new(meeting),
            read_text,
            current: 0,
            status,
            conditional: conditional(doc),
            effects,
            recovery: None,
            autosaved_version: 0,
            changed_at: None,
            pending_since: None,
            reopen_reason: None,
            focus_decision: None,
            focus_action: None,
            focus_assessment: false,
            next_action_number: next_action_number(&doc.loaded.meetings),
            new_participant: String::new(),
            new_item: String::new(),
            conflict: None,
            refused: None,
            marked: None,
            focus_marked: std::cell::Cell::new(false),
            scrolled_to: None,
            item_shown: None,
            chart: None,
        }
    }

    /// The meeting as it is now.
    pub fn meeting(&self) -> &Meeting {
        self.editor.meeting()
    }

    /// Whether there are changes not yet saved to the meeting file.
    pub fn has_unsaved_changes(&self) -> bool {
        self.read_text.is_none() || self.editor.has_unsaved_changes()
    }

    /// Applies a command; errors are Swedish messages to show.
    pub fn handle(&mut self, command: MeetingCommand, today: Date) -> Result<Outcome, String> {
        match command {
            MeetingCommand::Edit(edit) => self.edit(edit)?,
            MeetingCommand::Type { field, edit } => self.type_into(field, edit)?,
            MeetingCommand::EndTyping => self.editor.end_typing(),
            MeetingCommand::RefreshFigures => return self.refresh_figures(),
            MeetingCommand::Assess(assessment) => return self.assess(assessment),
            MeetingCommand::GoTo(i) => self.go_to(i),
            MeetingCommand::Next => self.go_to(self.current + 1),
            MeetingCommand::Previous => self.go_to(self.current.saturating_sub(1)),
            MeetingCommand::AddDecision => {
                let item = self.current;
                self.edit(MeetingEdit::AddDecision {
                    item,
                    text: String::new(),
                })?;
                let count = self
                    .meeting()
                    .items
                    .get(item)
                    .map_or(0, |i| i.decisions.len());
                self.focus_decision = Some((item, count.saturating_sub(1)));
            }
            MeetingCommand::AddAction => self.add_action()?,
            MeetingCommand::Undo => {
                self.editor.undo();
                self.clamp_current();
            }
            MeetingCommand::Redo => {
                self.editor.redo();
                self.clamp_current();
            }
            MeetingCommand::Save => match self.save() {
                Ok(()) => return Ok(Outcome::Saved),
                Err(SaveError::Conflict { .. }) => return self.merge_with_file(),
                Err(busy @ SaveError::Busy { .. }) => return Err(self.kept_after(&busy)),
                Err(other) => return Err(other.to_string()),
            },
            MeetingCommand::MergeAndSave => return self.merge_and_save(),
            MeetingCommand::SaveCopy => {
                let copy = store::copies::copy_path(&self.path);
                // Never over a file: the name was free a moment ago.
                store::save_meeting(&copy, self.meeting(), None).map_err(|e| e.to_string())?;
                self.conflict = None;
                return Ok(Outcome::Reload(
                    texts().saved_as_copy(&copy.display().to_string()),
                ));
            }
            MeetingCommand::ReloadFromDisk => {
                let (meeting, text) = store::read_meeting(&self.path).map_err(|p| p.to_string())?;
                let current = self.current;
                self.editor = MeetingEditor::new(meeting);
                self.read_text = Some(text);
                self.current = current.min(self.meeting().items.len().saturating_sub(1));
                self.conflict = None;
                let _ = std::fs::remove_file(recovery_path(&self.path));
            }
            MeetingCommand::DismissConflict => self.conflict = None,
            MeetingCommand::Adjust => {
                let adjustment = self.meeting().adjustment.clone().unwrap_or(Adjustment {
                    place: self.meeting().place.clone(),
                    date: today,
                    kept_at: None,
                });
                self.edit(MeetingEdit::Batch(vec![
                    MeetingEdit::SetAdjustment(Some(adjustment)),
                    MeetingEdit::SetState(MeetingState::Justerat),
                ]))?;
            }
            MeetingCommand::Conclude => {
                let snapshots = self
                    .status
                    .as_ref()
                    .map_or_else(Vec::new, StatusReport::snapshots);
                let effects = self.effects.clone();
                self.edit(MeetingEdit::Conclude { snapshots, effects })?;
            }
            MeetingCommand::RestoreRecovery => {
                if let Some(recovery) = self.recovery.take() {
                    // One undoable step from the file's version to the autosaved one.
                    self.edit(MeetingEdit::Replace(Box::new(recovery.meeting)))?;
                }
            }
            MeetingCommand::DiscardRecovery => {
                self.recovery = None;
                let _ = std::fs::remove_file(recovery_path(&self.path));
                if self.read_text.is_none() {
                    // A never-saved meeting thrown away: nothing is left to edit.
                    return Ok(Outcome::Closed);
                }
            }
            MeetingCommand::AskReopen => self.reopen_reason = Some(String::new()),
            MeetingCommand::CancelReopen => self.reopen_reason = None,
            MeetingCommand::Reopen(reason) => {
                self.edit(MeetingEdit::Reopen {
                    date: today,
                    reason,
                })?;
                self.reopen_reason = None;
            }
        }
        Ok(Outcome::Nothing)
    }

    fn edit(&mut self, edit: MeetingEdit) -> Result<(), String> {
        self.editor
            .apply(edit)
            .map_err(|e: EditError| e.to_string())?;
        self.edited();
        Ok(())
    }

    /// Typing into `field`; a personnummer is refused and said under it.
    fn type_into(&mut self, field: FieldId, edit: MeetingEdit) -> Result<(), String> {
        match self.editor.type_into(field, edit) {
            Ok(()) => {
                self.edited();
                if self.refused.as_ref().is_some_and(|(f, _)| *f == field) {
                    self.refused = None;
                }
                Ok(())
            }
            Err(refused @ EditError::PersonalData { .. }) => {
                self.refused = Some((field, refused.to_string()));
                Ok(())
            }
            Err(other) => Err(other.to_string()),
        }
    }

    /// After any change: autosave timing, the current item, and the mark
    /// of a personnummer that has been typed away.
    fn edited(&mut self) {
        self.changed_at = None;
        self.clamp_current();
        if self.marked.is_some() && crate::privacy::leaks(self.meeting()).is_empty() {
            self.marked = None;
        }
    }

    /// Moves to agenda item `index` (kept on the agenda), with the keyboard
    /// focus on its assessment row.
    fn go_to(&mut self, index: usize) {
        self.current = index.min(self.meeting().items.len().saturating_sub(1));
        self.focus_assessment = true;
    }

    /// Keeps the current item on the agenda after items were removed.
    fn clamp_current(&mut self) {
        let len = self.meeting().items.len();
        self.current = self.current.min(len.saturating_sub(1));
        self.chart = None;
    }

    /// Assessment, the figures at the meeting date and "handled", as one step.
    /// On an item that is not a commitment the keys 1–8 only say so in a
    /// notice: a stray digit typed outside a field must not stop the meeting
    /// with an error dialog.
    fn assess(&mut self, assessment: Assessment) -> Result<Outcome, String> {
        let item = self.current;
        let Some(ItemKind::Atagande(review)) = self.meeting().items.get(item).map(|i| &i.kind)
        else {
            return Ok(Outcome::Notice(texts().not_a_commitment_item.to_owned()));
        };
        if assessment.needs_condition() && !self.has_condition(&review.commitment) {
            return Ok(Outcome::Notice(texts().no_condition_to_assess.to_owned()));
        }
        let before = review.assessment;
        let snapshot = self
            .status
            .as_ref()
            .and_then(|s| s.commitment(&review.commitment))
            .map(|s| s.snapshot(self.meeting().date));
        self.edit(MeetingEdit::Batch(vec![
            MeetingEdit::SetAssessment {
                item,
                assessment: Some(assessment),
            },
            MeetingEdit::SetSnapshot { item, snapshot },
            MeetingEdit::SetHandled {
                item,
                handled: true,
            },
        ]))?;
        // The focus follows to the chosen assessment, so the row shows it.
        self.focus_assessment = true;
        // A changed assessment is said aloud, with the way back: the chair
        // may have pressed a key by mistake.
        Ok(match before {
            Some(before) if before != assessment => Outcome::Notice(texts().assessment_changed(
                item + 1,
                &before.to_string(),
                &assessment.to_string(),
            )),
            _ => Outcome::Nothing,
        })
    }

    /// The current item's kept figures replaced by the live ones, as one
    /// undoable step; only for an assessed item whose figures moved.
    fn refresh_figures(&mut self) -> Result<Outcome, String> {
        let item = self.current;
        let Some(ItemKind::Atagande(review)) = self.meeting().items.get(item).map(|i| &i.kind)
        else {
            return Ok(Outcome::Nothing);
        };
        let date = self.meeting().date;
        let live = self
            .status
            .as_ref()
            .and_then(|s| s.commitment(&review.commitment))
            .map(|s| s.snapshot(date));
        let moved = match (&review.snapshot, &live) {
            (Some(kept), Some(live)) => crate::status::words::snapshot_drift(kept, live).is_some(),
            _ => false,
        };
        if !moved {
            return Ok(Outcome::Nothing);
        }
        self.edit(MeetingEdit::SetSnapshot {
            item,
            snapshot: live,
        })?;
        Ok(Outcome::Notice(texts().figures_refreshed(item + 1)))
    }

    fn add_action(&mut self) -> Result<(), String> {
        let meeting = self.meeting();
        let used: Vec<String> = meeting.actions.iter().map(|a| a.id.to_string()).collect();
        // Ids continue after every id used by any meeting loaded so far.
        let mut number = self.next_action_number.max(1);
        while used.contains(&format!("A{number}")) {
            number += 1;
        }
        let responsible = meeting
            .participants
            .iter()
            .find(|p| !p.excused)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        self.edit(MeetingEdit::AddAction(ActionItem {
            id: ActionId::new(format!("A{number}")),
            text: String::new(),
            responsible,
            party: None,
            due: None,
            status: ActionStatus::Oppen,
            // Decided under the item the chair is on.
            paragraph: Some(self.current + 1),
        }))?;
        self.focus_action = Some(self.meeting().actions.len().saturating_sub(1));
        Ok(())
    }

    /// Saves the meeting file (never over someone else's change) and removes
    /// the recovery file.
    pub fn save(&mut self) -> Result<(), SaveError> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| SaveError::Io {
                path: dir.display().to_string(),
                reason: store::io_message(&e),
            })?;
        }
        store::save_meeting(&self.path, self.editor.meeting(), self.read_text.as_deref())?;
        // As loading reads it: without a byte-order mark.
        self.read_text = std::fs::read_to_string(&self.path)
            .ok()
            .map(|t| store::newlines::strip_mark(&t).to_owned());
        self.editor.mark_saved();
        let _ = std::fs::remove_file(recovery_path(&self.path));
        Ok(())
    }

    /// The message for a save that another program blocked: the recovery
    /// file is written at once (not a second later), so the changes are in
    /// it too, and the message says where.
    fn kept_after(&mut self, busy: &SaveError) -> String {
        self.autosave(f64::INFINITY);
        let recovery = recovery_path(&self.path);
        if self.autosaved_version == self.editor.version() && recovery.exists() {
            texts().also_in_recovery(&busy.to_string(), &recovery.display().to_string())
        } else {
            busy.to_string()
        }
    }

    /// Writes the recovery file when the meeting has changed: once
    /// [`AUTOSAVE_AFTER_SECS`] have passed since the last change, or
    /// [`AUTOSAVE_AT_MOST_SECS`] since the oldest change not yet written
    /// (or at once with `now` = infinity, on exit). Returns whether it
    /// wrote.
    pub fn autosave(&mut self, now: f64) -> bool {
        if !self.editor.has_unsaved_changes() || self.editor.version() == self.autosaved_version {
            self.pending_since = None;
            return false;
        }
        let since = *self.changed_at.get_or_insert(now);
        let oldest = *self.pending_since.get_or_insert(since);
        if now - since < AUTOSAVE_AFTER_SECS && now - oldest < AUTOSAVE_AT_MOST_SECS {
            return false;
        }
        let written = store::meeting_to_ron(self.editor.meeting())
            .ok()
            .is_some_and(|text| store::save_atomic(&recovery_path(&self.path), &text).is_ok());
        if written {
            self.autosaved_version = self.editor.version();
            self.pending_since = None;
        }
        written
    }

    /// Seconds until [`MeetingSession::autosave`] should run again, when a
    /// change waits for the recovery file.
    pub fn autosave_due_in(&self, now: f64) -> Option<f64> {
        if self.editor.version() == self.autosaved_version || !self.editor.has_unsaved_changes() {
            return None;
        }
        let after_pause = self
            .changed_at
            .map_or(0.0, |t| t + AUTOSAVE_AFTER_SECS - now);
        let at_most = self
            .pending_since
            .map_or(after_pause, |t| t + AUTOSAVE_AT_MOST_SECS - now);
        Some(after_pause.min(at_most).max(0.05))
    }

    /// Updates the figures after the document was read again.
    pub fn refresh(&mut self, doc: &Document) {
        self.status = doc
            .pledge()
            .map(|p| doc.prepared().compute(p, self.meeting().date));
        self.conditional = conditional(doc);
        let date = self.meeting().date;
        self.effects = doc
            .pledge()
            .map_or_else(Vec::new, |p| crate::status::indicators::snapshots(p, date));
    }

    /// Marks the first personnummer in the meeting (printing was refused for
    /// it) and goes to its §.
    pub fn mark_personal_data(&mut self) {
        let Some(leak) = crate::privacy::leaks(self.meeting()).into_iter().next() else {
            return;
        };
        if let [
            crate::privacy::Step::Field("items"),
            crate::privacy::Step::Index(i),
            ..,
        ] = leak.path.as_slice()
        {
            self.current = (*i).min(self.meeting().items.len().saturating_sub(1));
        }
        self.marked = Some(leak.path);
    }

    /// Gives the marked field the focus on the next frame (when the error
    /// message that covered it has closed).
    pub fn focus_marked_field(&self) {
        self.focus_marked.set(self.marked.is_some());
    }

    /// Whether the commitment's target has a condition.
    pub fn has_condition(&self, id: &CommitmentId) -> bool {
        self.conditional.contains(id)
    }
}

/// The commitments of the document's pledge whose target has a condition.
fn conditional(doc: &Document) -> Vec<CommitmentId> {
    doc.pledge()
        .map(|p| {
            p.commitments
                .iter()
                .filter(|c| c.target.as_ref().is_some_and(|t| t.condition.is_some()))
                .map(|c| c.id.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// One more than the highest `A<n>` action id of `meetings`.
fn next_action_number(meetings: &[Meeting]) -> usize {
    meetings
        .iter()
        .flat_map(|m| &m.actions)
        .filter_map(|a| a.id.as_str().strip_prefix('A')?.parse::<usize>().ok())
        .max()
        .map_or(1, |n| n + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blocked_save_writes_the_recovery_file_at_once_and_says_where() {
        let dir = tempfile::tempdir().expect("temp dir");
        crate::workspace::copy_sample_to(dir.path()).expect("sample");
        let today = Date::from_ymd(2026, 1, 1).expect("date");
        let doc = Document::open(crate::workspace::Origin::path(dir.path()), today).expect("opens");
        let mut session =
            MeetingSession::create(&doc, Date::from_ymd(2017, 11, 9).expect("date")).expect("new");
        let path = session.path.clone();
        session
            .handle(
                MeetingCommand::Edit(MeetingEdit::SetDiscussion {
                    item: 0,
                    text: "Sagt just innan filen låstes.".into(),
                }),
                today,
            )
            .expect("edited");
        let busy = SaveError::Busy {
            path: path.display().to_string(),
            reason: "filen används av ett annat program".into(),
            seconds: 2,
            kept: "den nya versionen finns i 2017-11-09.ron.osparad".into(),
        };
        let message = session.kept_after(&busy);
        let recovery = recovery_path(&path);
        let (saved, _) = store::read_meeting(&recovery).expect("the recovery file");
        assert_eq!(&saved, session.meeting());
        assert!(message.starts_with(&busy.to_string()), "{message}");
        assert!(
            message.contains(&format!("återställningsfilen {}", recovery.display())),
            "{message}"
        );
    }
}
