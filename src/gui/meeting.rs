//! Meeting mode: the list of meetings, and the chairing view (agenda on the
//! left, the current item large in the middle) for one meeting being edited.
//!
//! [`MeetingSession`] holds the meeting file being edited and applies
//! [`MeetingCommand`]s through its [`MeetingEditor`] (the one place where a
//! meeting changes: undo/redo, read-only rule). The view functions only draw
//! and emit commands.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::model::meeting::{
    ActionItem, ActionStatus, Assessment, CommitmentReview, ItemKind, Meeting, MeetingState,
    Organisation, actions_before, differences, latest_assessment,
};
use crate::model::meeting_edit::{EditError, MeetingEdit, MeetingEditor};
use crate::model::{ActionId, Date};
use crate::status::{StatusReport, words};
use crate::store::{self, SaveError};

use super::document::Document;
use super::state::Command;
use super::text::texts;
use super::tokens::{self, Palette};

/// Seconds after the last change before the recovery file is written.
pub const AUTOSAVE_AFTER_SECS: f64 = 2.0;

/// A change to the meeting being edited, or to where the chair is in it.
#[derive(Debug, Clone, PartialEq)]
pub enum MeetingCommand {
    /// Apply an edit.
    Edit(MeetingEdit),
    /// Assess the current commitment item (with a snapshot of the figures).
    Assess(Assessment),
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
    /// An autosaved version waiting for the user's decision.
    pub recovery: Option<Recovery>,
    /// The editor version last written to the recovery file.
    autosaved_version: u64,
    /// When the current unsaved version was made (egui time), for autosave.
    changed_at: Option<f64>,
    /// Text of the reopen dialog while it is open.
    pub reopen_reason: Option<String>,
    /// The decision clause to focus next frame (item, clause).
    focus_decision: Option<(usize, usize)>,
    /// The action item to focus next frame.
    focus_action: Option<usize>,
    /// The lowest action number not used by any meeting of the pledge.
    next_action_number: usize,
    /// The name typed for a new participant.
    pub new_participant: String,
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
        let path = folder.join(store::MEETINGS_DIR).join(format!("{date}.ron"));
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
        MeetingSession {
            path: path.to_owned(),
            editor: MeetingEditor::new(meeting),
            read_text,
            current: 0,
            status,
            recovery: None,
            autosaved_version: 0,
            changed_at: None,
            reopen_reason: None,
            focus_decision: None,
            focus_action: None,
            next_action_number: next_action_number(&doc.loaded.meetings),
            new_participant: String::new(),
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

    /// Applies a command. `Ok(true)` when the file was saved (the document
    /// should be read again); errors are Swedish messages to show.
    pub fn handle(&mut self, command: MeetingCommand, today: Date) -> Result<bool, String> {
        let items = self.meeting().items.len();
        match command {
            MeetingCommand::Edit(edit) => self.edit(edit)?,
            MeetingCommand::Assess(assessment) => self.assess(assessment)?,
            MeetingCommand::GoTo(i) => self.current = i.min(items.saturating_sub(1)),
            MeetingCommand::Next => self.current = (self.current + 1).min(items.saturating_sub(1)),
            MeetingCommand::Previous => self.current = self.current.saturating_sub(1),
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
            }
            MeetingCommand::Redo => {
                self.editor.redo();
            }
            MeetingCommand::Save => {
                self.save().map_err(|e| e.to_string())?;
                return Ok(true);
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
        Ok(false)
    }

    fn edit(&mut self, edit: MeetingEdit) -> Result<(), String> {
        self.editor
            .apply(edit)
            .map_err(|e: EditError| e.to_string())?;
        self.changed_at = None;
        Ok(())
    }

    /// Assessment, the figures at the meeting date and "handled", as one step.
    fn assess(&mut self, assessment: Assessment) -> Result<(), String> {
        let item = self.current;
        let Some(ItemKind::Atagande(review)) = self.meeting().items.get(item).map(|i| &i.kind)
        else {
            return Err(texts().not_a_commitment_item.to_owned());
        };
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
        ]))
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
        self.read_text = std::fs::read_to_string(&self.path).ok();
        self.editor.mark_saved();
        let _ = std::fs::remove_file(recovery_path(&self.path));
        Ok(())
    }

    /// Writes the recovery file when the meeting has changed and
    /// [`AUTOSAVE_AFTER_SECS`] have passed since (or at once with `now` =
    /// infinity, on exit). Returns whether it wrote.
    pub fn autosave(&mut self, now: f64) -> bool {
        if !self.editor.has_unsaved_changes() || self.editor.version() == self.autosaved_version {
            return false;
        }
        let since = *self.changed_at.get_or_insert(now);
        if now - since < AUTOSAVE_AFTER_SECS {
            return false;
        }
        let written = store::meeting_to_ron(self.editor.meeting())
            .ok()
            .is_some_and(|text| store::save_atomic(&recovery_path(&self.path), &text).is_ok());
        if written {
            self.autosaved_version = self.editor.version();
        }
        written
    }

    /// Updates the figures after the document was read again.
    pub fn refresh(&mut self, doc: &Document) {
        self.status = doc
            .pledge()
            .map(|p| doc.prepared().compute(p, self.meeting().date));
    }
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

/// The meetings of the open pledge, newest first, with "Nytt uppföljningsmöte".
pub fn meetings_list_ui(ui: &mut Ui, doc: &Document, commands: &mut Vec<Command>) {
    let t = texts();
    ui.heading(t.meetings_heading);
    ui.add_space(tokens::GAP);
    let new = egui::Button::new(super::actions::Action::NewMeeting.label())
        .shortcut_text(super::actions::Action::NewMeeting.shortcut_text(ui.ctx()));
    if ui.add_enabled(!doc.is_read_only(), new).clicked() {
        commands.push(Command::Run(super::actions::Action::NewMeeting));
    }
    if doc.is_read_only() {
        ui.label(t.sample_meeting_read_only);
    }
    ui.add_space(tokens::GAP);
    let mut order: Vec<usize> = (0..doc.loaded.meetings.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(doc.loaded.meetings.get(i).map(|m| m.date)));
    if order.is_empty() {
        ui.label(t.no_meetings);
    }
    egui::Grid::new("meetings")
        .num_columns(4)
        .striped(true)
        .spacing([16.0, 8.0])
        .show(ui, |ui| {
            for i in order {
                let (Some(meeting), Some(path)) = (
                    doc.loaded.meetings.get(i),
                    doc.loaded
                        .meeting_sources
                        .get(i)
                        .and_then(|s| doc.loaded.sources.get(*s))
                        .map(|s| s.path.clone()),
                ) else {
                    continue;
                };
                ui.label(RichText::new(meeting.date.to_string()).strong());
                ui.label(&meeting.title);
                ui.label(meeting.state.to_string());
                let label = t.open_meeting(&meeting.date.to_string());
                if ui
                    .add_enabled(!doc.is_read_only(), egui::Button::new(label))
                    .clicked()
                {
                    commands.push(Command::OpenMeeting(path));
                }
                ui.end_row();
            }
        });
}

/// The chairing view: header with state and saving, agenda on the left, the
/// current item in the middle.
pub fn chairing_ui(
    ui: &mut Ui,
    session: &mut MeetingSession,
    doc: &Document,
    commands: &mut Vec<Command>,
) {
    header_ui(ui, session, commands);
    participants_ui(ui, session, doc, commands);
    ui.separator();
    egui::Panel::left("agenda")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| agenda_ui(ui, session, commands));
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("meeting_item")
            .auto_shrink(false)
            .show(ui, |ui| item_ui(ui, session, doc, commands));
    });
}

fn emit(commands: &mut Vec<Command>, command: MeetingCommand) {
    commands.push(Command::Meeting(command));
}

fn header_ui(ui: &mut Ui, session: &MeetingSession, commands: &mut Vec<Command>) {
    use super::actions::Action;
    let t = texts();
    let meeting = session.meeting();
    ui.horizontal_wrapped(|ui| {
        ui.heading(&meeting.title);
    });
    ui.horizontal_wrapped(|ui| {
        let time = match (meeting.start, meeting.end) {
            (Some(s), Some(e)) => format!(" {s}–{e}"),
            (Some(s), None) => format!(" {s}"),
            _ => String::new(),
        };
        ui.label(format!("{}{time} · {}", meeting.date, meeting.place));
        ui.label(RichText::new(t.meeting_state(&meeting.state.to_string())).strong());
        if session.has_unsaved_changes() {
            ui.label(RichText::new(t.unsaved).color(Palette::for_ui(ui).warning));
        }
    });
    ui.horizontal_wrapped(|ui| {
        for (action, enabled) in [
            (Action::SaveMeeting, session.has_unsaved_changes()),
            (Action::Undo, session.editor.can_undo()),
            (Action::Redo, session.editor.can_redo()),
        ] {
            let button =
                egui::Button::new(action.label()).shortcut_text(action.shortcut_text(ui.ctx()));
            if ui.add_enabled(enabled, button).clicked() {
                commands.push(Command::Run(action));
            }
        }
        ui.separator();
        let next = match meeting.state {
            MeetingState::Utkast => Some((t.start_meeting, MeetingState::Pagar)),
            MeetingState::Pagar => Some((t.end_meeting, MeetingState::Avslutat)),
            MeetingState::Avslutat => Some((t.adjust_meeting, MeetingState::Justerat)),
            MeetingState::Justerat => None,
        };
        if let Some((label, state)) = next
            && ui.button(label).clicked()
        {
            emit(commands, MeetingCommand::Edit(MeetingEdit::SetState(state)));
        }
        if meeting.state == MeetingState::Avslutat && ui.button(t.resume_meeting).clicked() {
            emit(
                commands,
                MeetingCommand::Edit(MeetingEdit::SetState(MeetingState::Pagar)),
            );
        }
        if meeting.state == MeetingState::Justerat && ui.button(t.reopen_meeting).clicked() {
            emit(commands, MeetingCommand::AskReopen);
        }
        if ui.button(t.close_meeting).clicked() {
            commands.push(Command::CloseMeeting);
        }
    });
}

fn participants_ui(
    ui: &mut Ui,
    session: &mut MeetingSession,
    doc: &Document,
    commands: &mut Vec<Command>,
) {
    use crate::model::meeting::{Participant, Role};
    let t = texts();
    let read_only = session.meeting().state == MeetingState::Justerat;
    let participants = session.meeting().participants.clone();
    let heading = format!("{} ({})", t.participants_heading, participants.len());
    egui::CollapsingHeader::new(heading)
        .id_salt("participants")
        .show(ui, |ui| {
            ui.add_enabled_ui(!read_only, |ui| {
                for (index, person) in participants.iter().enumerate() {
                    ui.horizontal_wrapped(|ui| {
                        let title = person
                            .title
                            .as_deref()
                            .map(|s| format!(", {s}"))
                            .unwrap_or_default();
                        ui.label(format!(
                            "{}{title} – {}",
                            person.name,
                            organisation_name(doc, &person.organisation)
                        ));
                        let mut role = person.role;
                        let label = ui.label(format!("({})", person.name));
                        egui::ComboBox::from_id_salt(("role", index))
                            .selected_text(role.to_string())
                            .show_ui(ui, |ui| {
                                for option in [
                                    Role::Ordforande,
                                    Role::Sekreterare,
                                    Role::Justerare,
                                    Role::Ledamot,
                                    Role::Adjungerad,
                                ] {
                                    ui.selectable_value(&mut role, option, option.to_string());
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        let mut excused = person.excused;
                        let check = ui.checkbox(&mut excused, t.excused);
                        if role != person.role || check.changed() {
                            let participant = Participant {
                                role,
                                excused,
                                ..person.clone()
                            };
                            emit(
                                commands,
                                MeetingCommand::Edit(MeetingEdit::SetParticipant {
                                    index,
                                    participant,
                                }),
                            );
                        }
                        if ui
                            .button("✖")
                            .on_hover_text(t.remove_participant(&person.name))
                            .clicked()
                        {
                            emit(
                                commands,
                                MeetingCommand::Edit(MeetingEdit::RemoveParticipant { index }),
                            );
                        }
                    });
                }
                ui.horizontal(|ui| {
                    let label = ui.label(t.participant_name);
                    ui.add(
                        egui::TextEdit::singleline(&mut session.new_participant)
                            .desired_width(220.0),
                    )
                    .labelled_by(label.id);
                    let name = session.new_participant.trim().to_owned();
                    if ui
                        .add_enabled(!name.is_empty(), egui::Button::new(t.add_participant))
                        .clicked()
                    {
                        let organisation = doc.pledge().map_or_else(
                            || Organisation::Annan(String::new()),
                            |p| Organisation::Part(p.convener.clone()),
                        );
                        emit(
                            commands,
                            MeetingCommand::Edit(MeetingEdit::AddParticipant(Participant {
                                name,
                                title: None,
                                organisation,
                                role: Role::Ledamot,
                                excused: false,
                            })),
                        );
                        session.new_participant.clear();
                    }
                });
            });
        });
}

fn agenda_ui(ui: &mut Ui, session: &MeetingSession, commands: &mut Vec<Command>) {
    let t = texts();
    ui.label(RichText::new(t.agenda).strong());
    egui::ScrollArea::vertical()
        .id_salt("agenda_scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            for (i, item) in session.meeting().items.iter().enumerate() {
                let mark = if item.handled { "✔" } else { "○" };
                let text = format!("{mark} § {} {}", i + 1, item.kind.heading());
                let response = ui.selectable_label(session.current == i, text);
                if session.current == i {
                    response.scroll_to_me(None);
                }
                if response.clicked() {
                    emit(commands, MeetingCommand::GoTo(i));
                }
            }
        });
}

fn item_ui(ui: &mut Ui, session: &mut MeetingSession, doc: &Document, commands: &mut Vec<Command>) {
    let t = texts();
    let index = session.current;
    let Some(item) = session.meeting().items.get(index).cloned() else {
        return;
    };
    let read_only = session.meeting().state == MeetingState::Justerat;
    ui.label(
        RichText::new(format!("§ {} {}", index + 1, item.kind.heading()))
            .size(26.0)
            .strong(),
    );
    ui.add_space(tokens::GAP);
    if read_only {
        ui.label(RichText::new(t.adjusted_read_only).color(Palette::for_ui(ui).warning));
    }
    ui.add_enabled_ui(!read_only, |ui| {
        match &item.kind {
            ItemKind::Atagande(review) => review_ui(ui, session, doc, review, commands),
            ItemKind::ForegaendeAtgarder => earlier_actions_ui(ui, session, doc, commands),
            _ => {}
        }
        ui.add_space(tokens::GAP);
        let mut handled = item.handled;
        if ui.checkbox(&mut handled, t.item_handled).changed() {
            emit(
                commands,
                MeetingCommand::Edit(MeetingEdit::SetHandled {
                    item: index,
                    handled,
                }),
            );
        }
        text_field_ui(
            ui,
            t.discussion,
            &item.discussion,
            true,
            |text| MeetingEdit::SetDiscussion { item: index, text },
            commands,
        );
        decisions_ui(ui, session, index, &item.decisions, commands);
        ui.add_space(tokens::GAP);
        actions_ui(ui, session, commands);
    });
}

/// A labelled text field whose every change is emitted as an edit.
fn text_field_ui(
    ui: &mut Ui,
    label: &str,
    value: &str,
    multiline: bool,
    edit: impl FnOnce(String) -> MeetingEdit,
    commands: &mut Vec<Command>,
) -> egui::Response {
    let mut text = value.to_owned();
    let label = ui.label(RichText::new(label).strong());
    let widget = if multiline {
        egui::TextEdit::multiline(&mut text).desired_rows(3)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let response = ui
        .add(widget.desired_width(f32::INFINITY))
        .labelled_by(label.id);
    if response.changed() {
        emit(commands, MeetingCommand::Edit(edit(text)));
    }
    response
}

fn review_ui(
    ui: &mut Ui,
    session: &MeetingSession,
    doc: &Document,
    review: &CommitmentReview,
    commands: &mut Vec<Command>,
) {
    let t = texts();
    let palette = Palette::for_ui(ui);
    let meeting = session.meeting();
    if let Some(c) = doc.pledge().and_then(|p| p.commitment(&review.commitment)) {
        ui.label(RichText::new(&c.text).size(20.0));
    }
    ui.add_space(tokens::GAP);
    if let Some(status) = session
        .status
        .as_ref()
        .and_then(|s| s.commitment(&review.commitment))
    {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(words::status_with_symbol(status))
                    .color(palette.status(status.measured))
                    .strong()
                    .size(20.0),
            );
            ui.label(RichText::new(words::reported_of_target(status)).size(20.0));
            if let Some(expected) = words::expected_by_date(status) {
                ui.label(
                    RichText::new(format!("{expected} {}", t.as_of_phrase(meeting.date)))
                        .size(16.0),
                );
            }
        });
    }
    let earlier: Vec<Meeting> = doc
        .loaded
        .meetings
        .iter()
        .filter(|m| m.date < meeting.date)
        .cloned()
        .collect();
    let previous = latest_assessment(&earlier, &review.commitment, meeting.date);
    ui.label(match &previous {
        Some(p) => t.previous_assessment(&p.assessment.to_string(), &p.date.to_string()),
        None => t.no_previous_assessment.to_owned(),
    });
    if let Some(reason) = previous.and_then(|p| p.reason) {
        ui.label(RichText::new(reason).italics());
    }
    ui.add_space(tokens::GAP);
    ui.label(RichText::new(t.assessment_heading).strong());
    ui.horizontal_wrapped(|ui| {
        for (n, assessment) in Assessment::ALL.iter().enumerate() {
            let selected = review.assessment == Some(*assessment);
            let text = RichText::new(format!("{} {assessment}", n + 1)).size(18.0);
            if ui
                .add(egui::Button::selectable(selected, text))
                .on_hover_text(t.assessment_key_hint(n + 1))
                .clicked()
            {
                emit(commands, MeetingCommand::Assess(*assessment));
            }
        }
    });
    if review.assessment.is_some_and(Assessment::needs_reason) {
        let item = session.current;
        let response = text_field_ui(
            ui,
            t.reason_label,
            review.reason.as_deref().unwrap_or(""),
            false,
            |text| MeetingEdit::SetReason { item, text },
            commands,
        );
        if review.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            ui.label(RichText::new(t.reason_required).color(palette.error));
            let _ = response;
        }
    }
}

fn decisions_ui(
    ui: &mut Ui,
    session: &mut MeetingSession,
    item: usize,
    decisions: &[String],
    commands: &mut Vec<Command>,
) {
    let t = texts();
    ui.add_space(tokens::GAP);
    ui.label(RichText::new(t.decisions_heading).strong());
    for (index, clause) in decisions.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label("att");
            let mut text = clause.clone();
            let response = ui.add(
                egui::TextEdit::singleline(&mut text)
                    .desired_width(ui.available_width() - 60.0)
                    .hint_text(t.decision_hint),
            );
            let response = response.on_hover_text(t.decision_label(index + 1));
            if session.focus_decision == Some((item, index)) {
                response.request_focus();
                session.focus_decision = None;
            }
            if response.changed() {
                emit(
                    commands,
                    MeetingCommand::Edit(MeetingEdit::SetDecision { item, index, text }),
                );
            }
            if ui
                .button("✖")
                .on_hover_text(t.remove_decision(index + 1))
                .clicked()
            {
                emit(
                    commands,
                    MeetingCommand::Edit(MeetingEdit::RemoveDecision { item, index }),
                );
            }
        });
    }
    let add = egui::Button::new(super::actions::Action::AddDecision.label())
        .shortcut_text(super::actions::Action::AddDecision.shortcut_text(ui.ctx()));
    if ui.add(add).clicked() {
        emit(commands, MeetingCommand::AddDecision);
    }
}

fn actions_ui(ui: &mut Ui, session: &mut MeetingSession, commands: &mut Vec<Command>) {
    let t = texts();
    ui.label(RichText::new(t.actions_heading).strong());
    let actions = session.meeting().actions.clone();
    for (index, action) in actions.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(action.id.as_str()).strong());
            let mut text = action.text.clone();
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut text)
                        .desired_width(320.0)
                        .hint_text(t.action_text_hint),
                )
                .on_hover_text(t.action_label(action.id.as_str()));
            if session.focus_action == Some(index) {
                response.request_focus();
                session.focus_action = None;
            }
            let mut responsible = action.responsible.clone();
            let who = ui.add(
                egui::TextEdit::singleline(&mut responsible)
                    .desired_width(160.0)
                    .hint_text(t.responsible_hint),
            );
            let mut due = action.due.map(|d| d.to_string()).unwrap_or_default();
            let when = ui.add(
                egui::TextEdit::singleline(&mut due)
                    .desired_width(110.0)
                    .hint_text(t.due_hint),
            );
            let due_date = due.trim().parse::<Date>().ok();
            if response.changed()
                || who.changed()
                || (when.changed() && (due.trim().is_empty() || due_date.is_some()))
            {
                let mut updated = action.clone();
                updated.text = text;
                updated.responsible = responsible;
                updated.due = due_date;
                emit(
                    commands,
                    MeetingCommand::Edit(MeetingEdit::SetAction {
                        index,
                        action: updated,
                    }),
                );
            }
            if ui
                .button("✖")
                .on_hover_text(t.remove_action(action.id.as_str()))
                .clicked()
            {
                emit(
                    commands,
                    MeetingCommand::Edit(MeetingEdit::RemoveAction { index }),
                );
            }
        });
    }
    let add = egui::Button::new(super::actions::Action::AddAction.label())
        .shortcut_text(super::actions::Action::AddAction.shortcut_text(ui.ctx()));
    if ui.add(add).clicked() {
        emit(commands, MeetingCommand::AddAction);
    }
}

fn earlier_actions_ui(
    ui: &mut Ui,
    session: &MeetingSession,
    doc: &Document,
    commands: &mut Vec<Command>,
) {
    let t = texts();
    let meeting = session.meeting();
    let earlier = actions_before(&doc.loaded.meetings, meeting.date);
    if meeting.action_updates.is_empty() {
        ui.label(t.no_earlier_actions);
        return;
    }
    egui::Grid::new("earlier_actions")
        .num_columns(5)
        .striped(true)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for heading in [
                t.col_id,
                t.action_heading,
                t.responsible_hint,
                t.due_hint,
                t.col_status,
            ] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for update in &meeting.action_updates {
                let item = earlier.iter().find(|s| s.item.id == update.action);
                ui.label(update.action.as_str());
                ui.label(item.map_or("", |s| s.item.text.as_str()));
                ui.label(item.map_or("", |s| s.item.responsible.as_str()));
                ui.label(
                    item.and_then(|s| s.item.due)
                        .map_or_else(|| "–".to_owned(), |d| d.to_string()),
                );
                ui.horizontal(|ui| {
                    for status in [
                        ActionStatus::Oppen,
                        ActionStatus::Klar,
                        ActionStatus::Struken,
                    ] {
                        let label =
                            t.action_status_label(update.action.as_str(), &status.to_string());
                        let button =
                            egui::Button::selectable(update.status == status, status.to_string());
                        if ui.add(button).on_hover_text(label).clicked() {
                            emit(
                                commands,
                                MeetingCommand::Edit(MeetingEdit::SetActionUpdate {
                                    action: update.action.clone(),
                                    status,
                                    note: update.note.clone(),
                                }),
                            );
                        }
                    }
                });
                ui.end_row();
            }
        });
}

/// The dialogs of a session: restore an autosaved version, reopen with a reason.
pub fn session_dialogs_ui(
    ctx: &egui::Context,
    session: &mut MeetingSession,
    commands: &mut Vec<Command>,
) {
    let t = texts();
    if let Some(recovery) = &session.recovery {
        egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            ui.set_max_width(620.0);
            ui.heading(t.recovery_title);
            ui.label(t.recovery_body);
            ui.add_space(tokens::GAP);
            for line in &recovery.differences {
                ui.label(format!("• {line}"));
            }
            ui.add_space(tokens::GAP);
            ui.horizontal(|ui| {
                if ui.button(t.restore_button).clicked() {
                    emit(commands, MeetingCommand::RestoreRecovery);
                }
                if ui.button(t.discard_button).clicked() {
                    emit(commands, MeetingCommand::DiscardRecovery);
                }
            });
        });
        return;
    }
    if let Some(reason) = &mut session.reopen_reason {
        let response = egui::Modal::new(egui::Id::unique("reopen")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(t.reopen_title);
            ui.label(t.reopen_body);
            let label = ui.label(t.reason_label);
            ui.add(egui::TextEdit::singleline(reason).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(
                        !reason.trim().is_empty(),
                        egui::Button::new(t.reopen_confirm),
                    )
                    .clicked()
                {
                    emit(commands, MeetingCommand::Reopen(reason.clone()));
                }
                if ui.button(t.cancel_button).clicked() {
                    emit(commands, MeetingCommand::CancelReopen);
                }
            });
        });
        if response.should_close() {
            emit(commands, MeetingCommand::CancelReopen);
        }
    }
}

fn organisation_name(doc: &Document, organisation: &Organisation) -> String {
    match organisation {
        Organisation::Part(id) => doc
            .pledge()
            .and_then(|p| p.party(id))
            .map_or_else(|| id.to_string(), |p| p.name.clone()),
        Organisation::Annan(name) => name.clone(),
    }
}
