//! The meeting views: the list of meetings, and the chairing view (agenda
//! on the left, the current item large in the middle). They draw and emit
//! [`MeetingCommand`]s; [`MeetingSession::handle`] applies them.

use egui::{RichText, Ui};

use crate::model::Date;
use crate::model::meeting::ActionStatus;
use crate::model::meeting::{
    Adjustment, Assessment, ClockTime, CommitmentReview, ItemKind, Meeting, MeetingState,
    NextMeeting, Organisation, actions_before, latest_assessment,
};
use crate::model::meeting_edit::{FieldId, MeetingEdit};
use crate::privacy::Step;
use crate::status::words;

use super::super::calendar::{DateField, stored_date_field};
use super::super::chart::{ChartMarks, ChartSize, cumulative_chart_ui, weekly_dates};
use super::super::state::Command;
use super::super::text::texts;
use super::super::tokens::{self, Palette};
use super::super::widgets::{draft_field, icon_button};
use super::{MeetingCommand, MeetingSession};
use crate::workspace::Document;

/// The meetings of the open pledge, newest first, with "Nytt uppföljningsmöte".
pub fn meetings_list_ui(ui: &mut Ui, doc: &Document, commands: &mut Vec<Command>) {
    let t = texts();
    ui.heading(t.meetings_heading);
    ui.add_space(tokens::GAP);
    let new = egui::Button::new(super::super::actions::Action::NewMeeting.label())
        .shortcut_text(super::super::actions::Action::NewMeeting.shortcut_text(ui.ctx()));
    if ui.add_enabled(!doc.is_read_only(), new).clicked() {
        commands.push(Command::Run(super::super::actions::Action::NewMeeting));
    }
    if doc.is_read_only() {
        ui.label(t.sample_meeting_read_only);
    }
    ui.add_space(tokens::GAP);
    let mut order: Vec<usize> = (0..doc.loaded.meetings.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(doc.loaded.meetings.get(i).map(|m| m.date)));
    if order.is_empty() && doc.loaded.copies.is_empty() {
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
            super::conflict::copies_ui(ui, doc, commands);
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
    details_ui(ui, session, commands);
    participants_ui(ui, session, doc, commands);
    ui.separator();
    egui::Panel::left("agenda")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            if session.meeting().state != MeetingState::Justerat {
                agenda_tools_ui(ui, session, commands);
                ui.separator();
            }
            agenda_ui(ui, session, commands);
        });
    egui::CentralPanel::default().show(ui, |ui| {
        let mut area = egui::ScrollArea::vertical()
            .id_salt("meeting_item")
            .auto_shrink(false);
        // Each item opens at its top (heading, commitment, figures): the
        // room must not see the previous item's scroll position.
        if session.item_shown != Some(session.current) {
            area = area.vertical_scroll_offset(0.0);
            session.item_shown = Some(session.current);
        }
        area.show(ui, |ui| item_ui(ui, session, doc, commands));
    });
}

fn emit(commands: &mut Vec<Command>, command: MeetingCommand) {
    commands.push(Command::Meeting(command));
}

/// What a text field of the meeting did this frame: the edit its new text
/// makes (one undo step from focus in to focus out), and the end of typing
/// when the focus came or went.
fn typed(commands: &mut Vec<Command>, response: &egui::Response, edit: Option<MeetingEdit>) {
    if response.gained_focus() || response.lost_focus() {
        emit(commands, MeetingCommand::EndTyping);
    }
    if let Some(edit) = edit {
        emit(
            commands,
            MeetingCommand::Type {
                field: FieldId(response.id.value()),
                edit,
            },
        );
    }
}

/// Under a field whose typing was refused (a personnummer): why, marked.
/// A field holding the number printing was refused for (`path` in the
/// meeting) is marked and gets the focus once.
fn refusal_ui(ui: &mut Ui, session: &MeetingSession, response: &egui::Response, path: &[Step]) {
    let palette = Palette::for_ui(ui);
    let mark = |ui: &Ui| {
        ui.painter().rect_stroke(
            response.rect.expand(2.0),
            2.0,
            egui::Stroke::new(2.0, palette.error),
            egui::StrokeKind::Outside,
        );
    };
    if session.marked.as_deref() == Some(path) {
        mark(ui);
        if session.focus_marked.take() {
            response.request_focus();
            response.scroll_to_me(Some(egui::Align::Center));
        }
        ui.label(RichText::new(format!("⚠ {}", texts().marked_personal_data)).color(palette.error));
    }
    if let Some((field, message)) = &session.refused
        && *field == FieldId(response.id.value())
    {
        mark(ui);
        let mut chars = message.chars();
        let sentence = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect::<String>())
            .unwrap_or_default();
        ui.label(RichText::new(format!("⚠ {sentence}")).color(palette.error));
    }
}

fn header_ui(ui: &mut Ui, session: &MeetingSession, commands: &mut Vec<Command>) {
    use super::super::actions::Action;
    let t = texts();
    let meeting = session.meeting();
    ui.horizontal_wrapped(|ui| {
        ui.heading(&meeting.title);
        // On the title's line, where there is room: the row of buttons
        // below is full on a 1366×768 laptop.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let present = egui::Button::new(Action::Present.label())
                .shortcut_text(Action::Present.shortcut_text(ui.ctx()));
            if ui.add(present).clicked() {
                commands.push(Command::Run(Action::Present));
            }
        });
    });
    ui.horizontal_wrapped(|ui| {
        let time = match (meeting.start, meeting.end) {
            (Some(s), Some(e)) => format!(" {s}–{e}"),
            (Some(s), None) => format!(" {s}"),
            _ => String::new(),
        };
        ui.label(format!("{}{time} · {}", meeting.date, meeting.place));
        ui.label(RichText::new(t.meeting_state(&meeting.state.to_string())).strong());
        if let Some(fingerprint) = meeting
            .fingerprint
            .as_ref()
            .filter(|_| meeting.state == MeetingState::Justerat)
        {
            ui.label(format!("{} {}", t.fingerprint_label, fingerprint.short()))
                .on_hover_text(t.fingerprint_hover);
        }
        if session.has_unsaved_changes() {
            ui.label(RichText::new(t.unsaved).color(Palette::for_ui(ui).warning));
        }
    });
    if meeting.has_concluded() && !meeting.snapshots.is_empty() {
        // Said, not silent: which figures the minutes will print.
        ui.label(RichText::new(t.figures_kept(meeting.snapshots.len())).small());
    }
    ui.horizontal_wrapped(|ui| {
        for (action, enabled) in [
            (Action::SaveMeeting, session.has_unsaved_changes()),
            (Action::PrintMinutes, true),
            (Action::PrintInvitation, true),
            (
                Action::PrintPublished,
                meeting.state == MeetingState::Justerat,
            ),
            (Action::SaveMinutesWeb, true),
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
            if state == MeetingState::Justerat {
                emit(commands, MeetingCommand::Adjust);
            } else if state == MeetingState::Avslutat {
                emit(commands, MeetingCommand::Conclude);
            } else {
                emit(commands, MeetingCommand::Edit(MeetingEdit::SetState(state)));
            }
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

/// A new participant's organisation until it is changed: the convener, or
/// the first party when the pledge names no convener.
fn default_organisation(doc: &Document) -> Organisation {
    doc.pledge()
        .and_then(|p| {
            p.convener
                .clone()
                .or_else(|| p.parties.first().map(|party| party.id.clone()))
        })
        .map_or_else(|| Organisation::Annan(String::new()), Organisation::Part)
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
                        // The name once; it also names the role and the
                        // buttons for a screen reader.
                        let label = ui.label(format!(
                            "{}{title} – {}",
                            person.name,
                            organisation_name(doc, &person.organisation)
                        ));
                        let mut role = person.role;
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
                        if icon_button(ui, "✖", &t.remove_participant(&person.name), true).clicked()
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
                    // Refused as typed: a name is printed in the minutes.
                    let number = !crate::privacy::find_id_numbers(&name).is_empty();
                    let add = ui.add_enabled(
                        !name.is_empty() && !number,
                        egui::Button::new(t.add_participant),
                    );
                    if number {
                        let palette = Palette::for_ui(ui);
                        ui.label(
                            RichText::new(format!("⚠ {}", t.participant_personal_data))
                                .color(palette.error),
                        );
                    }
                    if add.clicked() {
                        let organisation = default_organisation(doc);
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

fn agenda_ui(ui: &mut Ui, session: &mut MeetingSession, commands: &mut Vec<Command>) {
    let t = texts();
    ui.label(RichText::new(t.agenda).strong());
    let mut scrolled = None;
    egui::ScrollArea::vertical()
        .id_salt("agenda_scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            for (i, item) in session.meeting().items.iter().enumerate() {
                let mark = if item.handled { "✔" } else { "○" };
                let text = format!("{mark} § {} {}", i + 1, item.kind.heading());
                let response = ui.selectable_label(session.current == i, text);
                if session.current == i && session.scrolled_to != Some(i) {
                    response.scroll_to_me(None);
                    scrolled = Some(i);
                }
                if response.clicked() {
                    emit(commands, MeetingCommand::GoTo(i));
                }
            }
        });
    if scrolled.is_some() {
        session.scrolled_to = scrolled;
    }
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
            ItemKind::Atagande(review) => {
                review_ui(ui, session, doc, review, commands);
                mini_chart_ui(ui, session, doc, &review.commitment, ChartSize::Small);
            }
            ItemKind::ForegaendeAtgarder => earlier_actions_ui(ui, session, doc, commands),
            ItemKind::NastaMote => next_meeting_ui(ui, session, commands),
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
        let path = [
            Step::Field("items"),
            Step::Index(index),
            Step::Field("discussion"),
        ];
        let field = TextField {
            label: t.discussion,
            value: &item.discussion,
            multiline: true,
            path: &path,
        };
        text_field_ui(
            ui,
            session,
            &field,
            |text| MeetingEdit::SetDiscussion { item: index, text },
            commands,
        );
        decisions_ui(ui, session, index, &item.decisions, commands);
        ui.add_space(tokens::GAP);
        actions_ui(ui, session, commands);
    });
}

/// A labelled text field of the meeting: what it shows and where its text
/// is in the meeting (to mark it when printing is refused for it).
struct TextField<'a> {
    label: &'a str,
    value: &'a str,
    multiline: bool,
    path: &'a [Step],
}

/// A labelled text field whose every change is emitted as typing.
fn text_field_ui(
    ui: &mut Ui,
    session: &MeetingSession,
    field: &TextField<'_>,
    edit: impl FnOnce(String) -> MeetingEdit,
    commands: &mut Vec<Command>,
) -> egui::Response {
    let mut text = field.value.to_owned();
    let label = ui.label(RichText::new(field.label).strong());
    // Ids from where the text is in the meeting, not from the layout: a
    // line appearing above (a report came in) must not take the focus away
    // while the chair types.
    let widget = if field.multiline {
        egui::TextEdit::multiline(&mut text).desired_rows(3)
    } else {
        egui::TextEdit::singleline(&mut text)
    }
    .id_salt(("meeting_field", field.path));
    let response = ui
        .add(widget.desired_width(f32::INFINITY))
        .labelled_by(label.id);
    typed(commands, &response, response.changed().then(|| edit(text)));
    refusal_ui(ui, session, &response, field.path);
    response
}

fn review_ui(
    ui: &mut Ui,
    session: &mut MeetingSession,
    doc: &Document,
    review: &CommitmentReview,
    commands: &mut Vec<Command>,
) {
    let t = texts();
    let meeting = session.meeting();
    if let Some(c) = doc.pledge().and_then(|p| p.commitment(&review.commitment)) {
        ui.label(RichText::new(&c.text).size(20.0));
    }
    ui.add_space(tokens::GAP);
    figures_ui(ui, session, &review.commitment, 20.0);
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
    assessment_row_ui(ui, session, review, commands, 18.0);
    kept_figures_of_ui(ui, session, review, commands);
    reason_ui(ui, session, review, commands);
}

/// The figures kept when the item was assessed, and their drift (see
/// [`kept_figures_ui`]). Drawn below the assessment row, never above it: a
/// line that appears above a widget changes its id and takes its keyboard
/// focus.
pub(super) fn kept_figures_of_ui(
    ui: &mut Ui,
    session: &MeetingSession,
    review: &CommitmentReview,
    commands: &mut Vec<Command>,
) {
    if let (Some(kept), Some(status)) = (
        &review.snapshot,
        session
            .status
            .as_ref()
            .and_then(|s| s.commitment(&review.commitment)),
    ) {
        kept_figures_ui(ui, kept, &status.snapshot(session.meeting().date), commands);
    }
}

/// The commitment's figures at the meeting date, in the words of the
/// dashboard: status with symbol, reported of target, expected by the date
/// (`text_pt`, the last a little smaller).
pub(super) fn figures_ui(
    ui: &mut Ui,
    session: &MeetingSession,
    commitment: &crate::model::CommitmentId,
    text_pt: f32,
) {
    let t = texts();
    let palette = Palette::for_ui(ui);
    let date = session.meeting().date;
    if let Some(status) = session
        .status
        .as_ref()
        .and_then(|s| s.commitment(commitment))
    {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(words::status_with_symbol(status))
                    .color(palette.status(status.measured))
                    .strong()
                    .size(text_pt),
            );
            ui.label(RichText::new(words::reported_of_target(status)).size(text_pt));
            if let Some(expected) = words::expected_by_date(status) {
                ui.label(
                    RichText::new(format!("{expected} {}", t.as_of_phrase(date)))
                        .size(text_pt * 0.8),
                );
            }
        });
    }
}

/// The reason field of an assessment that needs one, and a note while it
/// is empty.
pub(super) fn reason_ui(
    ui: &mut Ui,
    session: &MeetingSession,
    review: &CommitmentReview,
    commands: &mut Vec<Command>,
) {
    let t = texts();
    let palette = Palette::for_ui(ui);
    if review.assessment.is_some_and(Assessment::needs_reason) {
        let item = session.current;
        let path = [
            Step::Field("items"),
            Step::Index(item),
            Step::Field("kind"),
            Step::Field("reason"),
        ];
        let field = TextField {
            label: t.reason_label,
            value: review.reason.as_deref().unwrap_or(""),
            multiline: false,
            path: &path,
        };
        let response = text_field_ui(
            ui,
            session,
            &field,
            |text| MeetingEdit::SetReason { item, text },
            commands,
        );
        if review.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            ui.label(RichText::new(t.reason_required).color(palette.error));
            let _ = response;
        }
    }
}

/// The figures the minutes will print for an assessed item (kept when it was
/// assessed), and, when reports have come in since, how they moved and the
/// way to take the new ones (U on the assessment row, or the button).
fn kept_figures_ui(
    ui: &mut Ui,
    kept: &crate::model::meeting::StatusSnapshot,
    live: &crate::model::meeting::StatusSnapshot,
    commands: &mut Vec<Command>,
) {
    let t = texts();
    ui.label(RichText::new(t.kept_figures(&words::snapshot_words(kept))).size(15.0));
    if let Some(drift) = words::snapshot_drift(kept, live) {
        ui.horizontal_wrapped(|ui| {
            let palette = Palette::for_ui(ui);
            ui.label(
                RichText::new(format!("⚠ {drift}"))
                    .color(palette.warning)
                    .strong()
                    .size(16.0),
            );
            if ui.button(t.refresh_figures).clicked() {
                emit(commands, MeetingCommand::RefreshFigures);
            }
        });
    }
}

/// The assessment buttons. Their keys (1–8) work only while one of them has
/// keyboard focus, and PageDown/PageUp from here go to the next item and
/// put the focus on its row: fast chairing by keyboard, and a digit typed
/// anywhere else never changes the record.
/// `text_pt` is the size of their text.
pub(super) fn assessment_row_ui(
    ui: &mut Ui,
    session: &mut MeetingSession,
    review: &CommitmentReview,
    commands: &mut Vec<Command>,
    text_pt: f32,
) {
    use super::super::actions::Action;
    let t = texts();
    let mut buttons = Vec::new();
    ui.horizontal_wrapped(|ui| {
        for (n, assessment) in Assessment::ALL.iter().enumerate() {
            if assessment.needs_condition() && !session.has_condition(&review.commitment) {
                continue;
            }
            let selected = review.assessment == Some(*assessment);
            let text = RichText::new(format!("{} {assessment}", n + 1)).size(text_pt);
            let response = ui
                .add(egui::Button::selectable(selected, text))
                .on_hover_text(t.assessment_key_hint(n + 1));
            if response.clicked() {
                emit(commands, MeetingCommand::Assess(*assessment));
            }
            buttons.push((selected, response));
        }
    });
    if std::mem::take(&mut session.focus_assessment) {
        let target = buttons
            .iter()
            .find(|(selected, _)| *selected)
            .or(buttons.first());
        if let Some((_, response)) = target {
            response.request_focus();
        }
    }
    if !buttons.iter().any(|(_, r)| r.has_focus()) {
        return;
    }
    for (n, assessment) in Assessment::ALL.iter().enumerate() {
        let Some(key) = u8::try_from(n)
            .ok()
            .and_then(|n| Action::Assess(n).shortcut())
        else {
            continue;
        };
        if ui.input_mut(|i| i.consume_shortcut(&key)) {
            emit(commands, MeetingCommand::Assess(*assessment));
        }
    }
    if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::U)) {
        emit(commands, MeetingCommand::RefreshFigures);
    }
    for (action, command) in [
        (Action::PageDown, MeetingCommand::Next),
        (Action::PageUp, MeetingCommand::Previous),
    ] {
        if action
            .shortcut()
            .is_some_and(|key| ui.input_mut(|i| i.consume_shortcut(&key)))
        {
            emit(commands, command);
        }
    }
}

pub(super) fn decisions_ui(
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
                    .id_salt(("decision", item, index))
                    .desired_width(ui.available_width() - 60.0)
                    .hint_text(t.decision_hint),
            );
            let response = response.on_hover_text(t.decision_label(index + 1));
            if session.focus_decision == Some((item, index)) {
                response.request_focus();
                response.scroll_to_me(Some(egui::Align::Center));
                session.focus_decision = None;
            }
            let changed = response.changed();
            typed(
                commands,
                &response,
                changed.then(|| MeetingEdit::SetDecision { item, index, text }),
            );
            let path = [
                Step::Field("items"),
                Step::Index(item),
                Step::Field("decisions"),
                Step::Index(index),
            ];
            refusal_ui(ui, session, &response, &path);
            if icon_button(ui, "✖", &t.remove_decision(index + 1), true).clicked() {
                emit(
                    commands,
                    MeetingCommand::Edit(MeetingEdit::RemoveDecision { item, index }),
                );
            }
        });
    }
    let add = egui::Button::new(super::super::actions::Action::AddDecision.label())
        .shortcut_text(super::super::actions::Action::AddDecision.shortcut_text(ui.ctx()));
    if ui.add(add).clicked() {
        emit(commands, MeetingCommand::AddDecision);
    }
}

fn actions_ui(ui: &mut Ui, session: &mut MeetingSession, commands: &mut Vec<Command>) {
    let t = texts();
    ui.label(RichText::new(t.actions_heading).strong());
    let actions = session.meeting().actions.clone();
    // The text takes what the id, Ansvarig, date and ✖ leave of the row,
    // so it grows with the window.
    let action_text_width = (ui.available_width() - 580.0).max(220.0);
    for (index, action) in actions.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            action_row_ui(ui, session, (index, action), action_text_width, commands);
        });
    }
    let add = egui::Button::new(super::super::actions::Action::AddAction.label())
        .shortcut_text(super::super::actions::Action::AddAction.shortcut_text(ui.ctx()));
    if ui.add(add).clicked() {
        emit(commands, MeetingCommand::AddAction);
    }
}

/// One action item of the meeting: id and its §, text, Ansvarig, date, ✖.
fn action_row_ui(
    ui: &mut Ui,
    session: &mut MeetingSession,
    (index, action): (usize, &crate::model::meeting::ActionItem),
    action_text_width: f32,
    commands: &mut Vec<Command>,
) {
    let t = texts();
    let id_label = ui.label(RichText::new(action.id.as_str()).strong());
    if let Some(words) = action.decided_words() {
        ui.label(RichText::new(format!("({words})")).small());
    }
    let mut text = action.text.clone();
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id_salt(("action_text", action.id.as_str()))
                .desired_width(action_text_width)
                .hint_text(t.action_text_hint),
        )
        .labelled_by(id_label.id)
        .on_hover_text(t.action_label(action.id.as_str()));
    if session.focus_action == Some(index) {
        response.request_focus();
        response.scroll_to_me(Some(egui::Align::Center));
        session.focus_action = None;
    }
    let mut responsible = action.responsible.clone();
    let who_label = ui.label(RichText::new(t.responsible_hint).small());
    let who = ui
        .add(
            egui::TextEdit::singleline(&mut responsible)
                .id_salt(("action_responsible", action.id.as_str()))
                .desired_width(160.0)
                .hint_text(t.responsible_hint),
        )
        .labelled_by(who_label.id);
    // Kept as typed until it is a date (or emptied).
    let due_label = ui.label(RichText::new(t.due_hint).small());
    let (due_field, due_text) = draft_field(
        ui,
        egui::Id::unique(("action_due", action.id.as_str())),
        action.due.map(|d| d.to_string()).unwrap_or_default(),
        |due| {
            egui::TextEdit::singleline(due)
                .desired_width(110.0)
                .hint_text(t.due_hint)
        },
    );
    let due_field = due_field.labelled_by(due_label.id);
    let new_due = due_text.and_then(|due| match due.trim() {
        "" => Some(None),
        typed => typed.parse::<Date>().ok().map(Some),
    });
    // Each field its own typing, so undo restores one field whole.
    let set = |change: &dyn Fn(&mut crate::model::meeting::ActionItem)| {
        let mut updated = action.clone();
        change(&mut updated);
        MeetingEdit::SetAction {
            index,
            action: updated,
        }
    };
    typed(
        commands,
        &response,
        response
            .changed()
            .then(|| set(&|a| a.text.clone_from(&text))),
    );
    typed(
        commands,
        &who,
        who.changed()
            .then(|| set(&|a| a.responsible.clone_from(&responsible))),
    );
    typed(
        commands,
        &due_field,
        new_due.map(|due| set(&|a| a.due = due)),
    );
    for (field, name) in [
        (&response, "text"),
        (&who, "responsible"),
        (&due_field, "due"),
    ] {
        let path = [
            Step::Field("actions"),
            Step::Index(index),
            Step::Field(name),
        ];
        refusal_ui(ui, session, field, &path);
    }
    if icon_button(ui, "✖", &t.remove_action(action.id.as_str()), true).clicked() {
        emit(
            commands,
            MeetingCommand::Edit(MeetingEdit::RemoveAction { index }),
        );
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
                t.action_status_heading,
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

/// The dialogs of a session: restore an autosaved version, a file changed
/// on disk ([`super::conflict`]), reopen with a reason.
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
    if let Some(conflict) = &mut session.conflict {
        super::conflict::conflict_ui(ctx, conflict, commands);
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

/// What a time field gave this frame.
enum TimeInput {
    /// Nothing new (untouched, or not yet a valid time).
    Unchanged,
    /// A new value: a time, or none when the field was emptied.
    Set(Option<ClockTime>),
}

/// A clock time field: empty clears it, a valid "TT:MM" sets it; the text
/// is kept while it is being typed.
fn time_field(ui: &mut Ui, label: &str, value: Option<ClockTime>) -> (egui::Response, TimeInput) {
    let label = ui.label(label);
    let id = label.id.with("time");
    let (response, changed) = draft_field(
        ui,
        id,
        value.map(|t| t.to_string()).unwrap_or_default(),
        |text| {
            egui::TextEdit::singleline(text)
                .desired_width(60.0)
                .hint_text("TT:MM")
        },
    );
    let response = response.labelled_by(label.id);
    let input = match changed {
        None => TimeInput::Unchanged,
        Some(text) if text.trim().is_empty() => TimeInput::Set(None),
        Some(text) => text
            .trim()
            .parse::<ClockTime>()
            .map_or(TimeInput::Unchanged, |t| TimeInput::Set(Some(t))),
    };
    (response, input)
}

/// A date field with its calendar: a valid ÅÅÅÅ-MM-DD is returned once typed
/// in full or picked. Meetings may lie beyond the pledge's period (the last
/// one, or the next period's first), so any date can be chosen.
fn date_field(ui: &mut Ui, label: &str, value: Option<Date>) -> Option<Date> {
    let name = texts().calendar_for(label);
    let label = ui.label(label);
    let any_day = Date::from_ymd(2000, 1, 1).unwrap_or_else(Date::today)
        ..=Date::from_ymd(2099, 12, 31).unwrap_or_else(Date::today);
    stored_date_field(
        ui,
        label.id.with("date"),
        value,
        DateField {
            label: &label,
            calendar: &name,
            allowed: any_day,
            today: Date::today(),
        },
    )
}

/// Name, times, place and justering of the meeting.
fn details_ui(ui: &mut Ui, session: &MeetingSession, commands: &mut Vec<Command>) {
    let t = texts();
    let meeting = session.meeting();
    let read_only = meeting.state == MeetingState::Justerat;
    egui::CollapsingHeader::new(t.details_heading)
        .id_salt("meeting_details")
        .show(ui, |ui| {
            ui.add_enabled_ui(!read_only, |ui| {
                let details = |title: &str, start, end, place: &str| MeetingEdit::SetDetails {
                    title: title.to_owned(),
                    start,
                    end,
                    place: place.to_owned(),
                };
                let (title, place) = (meeting.title.as_str(), meeting.place.as_str());
                let (start, end) = (meeting.start, meeting.end);
                ui.horizontal_wrapped(|ui| {
                    let label = ui.label(t.meeting_name);
                    let mut text = title.to_owned();
                    let field = ui
                        .add(egui::TextEdit::singleline(&mut text).desired_width(420.0))
                        .labelled_by(label.id);
                    let edit = field.changed().then(|| details(&text, start, end, place));
                    typed(commands, &field, edit);
                    refusal_ui(ui, session, &field, &[Step::Field("title")]);
                });
                ui.horizontal_wrapped(|ui| {
                    let (field, input) = time_field(ui, t.start_time, start);
                    let edit = match input {
                        TimeInput::Set(value) => Some(details(title, value, end, place)),
                        TimeInput::Unchanged => None,
                    };
                    typed(commands, &field, edit);
                    let (field, input) = time_field(ui, t.end_time, end);
                    let edit = match input {
                        TimeInput::Set(value) => Some(details(title, start, value, place)),
                        TimeInput::Unchanged => None,
                    };
                    typed(commands, &field, edit);
                    let label = ui.label(t.place_label);
                    let mut text = place.to_owned();
                    let field = ui
                        .add(egui::TextEdit::singleline(&mut text).desired_width(260.0))
                        .labelled_by(label.id);
                    let edit = field.changed().then(|| details(title, start, end, &text));
                    typed(commands, &field, edit);
                    refusal_ui(ui, session, &field, &[Step::Field("place")]);
                });
                ui.horizontal_wrapped(|ui| adjustment_ui(ui, session, commands));
            });
        });
}

/// Where and when the minutes are justerade, and where the signed
/// original is kept: the justering facts the minutes print.
fn adjustment_ui(ui: &mut Ui, session: &MeetingSession, commands: &mut Vec<Command>) {
    let t = texts();
    let meeting = session.meeting();
    let current = meeting.adjustment.clone();
    let mut adjust_place = current
        .as_ref()
        .map(|a| a.place.clone())
        .unwrap_or_default();
    let label = ui.label(t.adjustment_place);
    let field = ui
        .add(egui::TextEdit::singleline(&mut adjust_place).desired_width(160.0))
        .labelled_by(label.id);
    let date = date_field(ui, t.adjustment_date, current.as_ref().map(|a| a.date));
    // Each field changes its own part of the justering.
    let base = current.clone().unwrap_or(Adjustment {
        place: String::new(),
        date: meeting.date,
        kept_at: None,
    });
    let adjustment = |change: &dyn Fn(&mut Adjustment)| {
        let mut next = base.clone();
        change(&mut next);
        MeetingEdit::SetAdjustment(Some(next))
    };
    let place_edit = field
        .changed()
        .then(|| adjustment(&|a| a.place.clone_from(&adjust_place)));
    typed(commands, &field, place_edit);
    let path = [Step::Field("adjustment"), Step::Field("place")];
    refusal_ui(ui, session, &field, &path);
    if let Some(date) = date {
        emit(
            commands,
            MeetingCommand::Edit(adjustment(&|a| a.date = date)),
        );
    }
    let mut kept_at = base.kept_at.clone().unwrap_or_default();
    let label = ui.label(t.kept_at_label);
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut kept_at)
                .id_salt("meeting-kept-at")
                .hint_text(t.kept_at_hint)
                .desired_width(260.0),
        )
        .labelled_by(label.id);
    // As typed (a trim would eat the space before the next
    // word); an emptied field removes it.
    let kept_edit = field.changed().then(|| {
        adjustment(&|a| {
            a.kept_at = (!kept_at.trim().is_empty()).then(|| kept_at.clone());
        })
    });
    typed(commands, &field, kept_edit);
    let path = [Step::Field("adjustment"), Step::Field("kept_at")];
    refusal_ui(ui, session, &field, &path);
}

/// Date, time and place of the next meeting (in the "Nästa möte" item).
fn next_meeting_ui(ui: &mut Ui, session: &MeetingSession, commands: &mut Vec<Command>) {
    let t = texts();
    let current = session.meeting().next_meeting.clone();
    ui.label(RichText::new(t.next_meeting_heading).strong());
    // The date on a row of its own: its calendar opens below it.
    let date = ui
        .horizontal(|ui| date_field(ui, t.col_date, current.as_ref().map(|n| n.date)))
        .inner;
    ui.horizontal_wrapped(|ui| {
        let (time_response, time) =
            time_field(ui, t.start_time, current.as_ref().and_then(|n| n.time));
        let mut place = current
            .as_ref()
            .and_then(|n| n.place.clone())
            .unwrap_or_default();
        let label = ui.label(t.place_label);
        let place_response = ui
            .add(egui::TextEdit::singleline(&mut place).desired_width(240.0))
            .labelled_by(label.id);
        let path = [Step::Field("next_meeting"), Step::Field("place")];
        refusal_ui(ui, session, &place_response, &path);
        let Some(date) = date.or(current.as_ref().map(|n| n.date)) else {
            return;
        };
        let time = match time {
            TimeInput::Set(value) => Some(value),
            TimeInput::Unchanged => None,
        };
        let next = |time: Option<Option<ClockTime>>, place: String| {
            MeetingEdit::SetNextMeeting(Some(NextMeeting {
                date,
                time: time.unwrap_or(current.as_ref().and_then(|n| n.time)),
                place: (!place.trim().is_empty()).then_some(place),
            }))
        };
        let kept_place = current
            .as_ref()
            .and_then(|n| n.place.clone())
            .unwrap_or_default();
        typed(
            commands,
            &place_response,
            place_response.changed().then(|| next(None, place.clone())),
        );
        typed(
            commands,
            &time_response,
            time.map(|time| next(Some(time), kept_place.clone())),
        );
        if !place_response.changed()
            && time.is_none()
            && date_changed_or(false, current.as_ref(), date)
        {
            emit(commands, MeetingCommand::Edit(next(None, kept_place)));
        }
    });
}

fn date_changed_or(other: bool, current: Option<&NextMeeting>, date: Date) -> bool {
    other || current.is_none_or(|n| n.date != date)
}

/// Reported against expected up to the meeting date: small in the chairing
/// view, as tall as the screen allows in presentation mode.
pub(super) fn mini_chart_ui(
    ui: &mut Ui,
    session: &mut MeetingSession,
    doc: &Document,
    commitment: &crate::model::CommitmentId,
    size: ChartSize,
) {
    let item = session.current;
    if session.chart.as_ref().is_none_or(|(i, _)| *i != item) {
        let points = doc
            .pledge()
            .and_then(|p| {
                let index = p.commitments.iter().position(|c| &c.id == commitment)?;
                let end = session.meeting().date.min(p.period.end);
                let dates = weekly_dates(p.period.start, end);
                Some(doc.prepared().series(p, index, &dates))
            })
            .unwrap_or_default();
        session.chart = Some((item, points));
    }
    let Some((_, points)) = &session.chart else {
        return;
    };
    // A meeting after the period shows the whole period, not empty years.
    let as_of = doc.pledge().map_or(session.meeting().date, |p| {
        session.meeting().date.min(p.period.end)
    });
    // Earlier meetings of the pledge: the room sees where it stood then.
    let meeting_date = session.meeting().date;
    let mut earlier: Vec<Date> = doc
        .loaded
        .meetings
        .iter()
        .map(|m| m.date)
        .filter(|d| *d < meeting_date)
        .collect();
    earlier.sort_unstable();
    earlier.dedup();
    let marks = ChartMarks {
        as_of,
        meetings: &earlier,
        unit: None,
    };
    cumulative_chart_ui(
        ui,
        &format!("meeting_chart/{commitment}"),
        points,
        &marks,
        size,
    );
}

/// Moving, removing and adding agenda items.
fn agenda_tools_ui(ui: &mut Ui, session: &mut MeetingSession, commands: &mut Vec<Command>) {
    let t = texts();
    let current = session.current;
    let count = session.meeting().items.len();
    ui.horizontal_wrapped(|ui| {
        if icon_button(ui, "▲", t.move_item_up, current > 0).clicked() {
            emit(
                commands,
                MeetingCommand::Edit(MeetingEdit::MoveItem {
                    from: current,
                    to: current - 1,
                }),
            );
            emit(commands, MeetingCommand::GoTo(current - 1));
        }
        if icon_button(ui, "▼", t.move_item_down, current + 1 < count).clicked() {
            emit(
                commands,
                MeetingCommand::Edit(MeetingEdit::MoveItem {
                    from: current,
                    to: current + 1,
                }),
            );
            emit(commands, MeetingCommand::GoTo(current + 1));
        }
        if icon_button(ui, "✖", t.remove_item, count > 0).clicked() {
            emit(
                commands,
                MeetingCommand::Edit(MeetingEdit::RemoveItem { item: current }),
            );
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(t.new_item_label);
        ui.add(egui::TextEdit::singleline(&mut session.new_item).desired_width(150.0))
            .labelled_by(label.id);
        let heading = session.new_item.trim().to_owned();
        if ui
            .add_enabled(!heading.is_empty(), egui::Button::new(t.add_item))
            .clicked()
        {
            emit(
                commands,
                MeetingCommand::Edit(MeetingEdit::InsertItem {
                    at: current + 1,
                    kind: ItemKind::Annat(heading),
                }),
            );
            emit(commands, MeetingCommand::GoTo(current + 1));
            session.new_item.clear();
        }
    });
}
