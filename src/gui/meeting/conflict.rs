//! The conflict dialog: the meeting file changed on disk and both sides
//! changed the same fields. It shows what merged by itself and, per
//! conflicting field, the file's value and ours side by side as two radio
//! buttons (Tab moves between them, Space chooses), then "Slå ihop och
//! spara". Reading the file again (dropping our edits), a copy and Escape
//! (Avbryt) stay available.

use egui::{RichText, Ui};

use super::{Conflict, MeetingCommand};
use crate::gui::state::Command;
use crate::gui::text::texts;
use crate::gui::tokens;
use crate::model::meeting_merge::Side;
use crate::workspace::Document;

/// The dialog's width: two values side by side stay readable.
const DIALOG_WIDTH: f32 = 760.0;
/// Room for the field names, left of the two values.
const FIELD_WIDTH: f32 = 200.0;
/// Room kept for the heading, the summary and the buttons below the list.
const ROOM_AROUND_LIST: f32 = 300.0;

/// Draws the dialog; the choices change in `conflict`, everything else is a command.
pub(super) fn conflict_ui(
    ctx: &egui::Context,
    conflict: &mut Conflict,
    commands: &mut Vec<Command>,
) {
    let t = texts();
    let list_height = (ctx.content_rect().height() - ROOM_AROUND_LIST).max(tokens::ROW_HEIGHT);
    let response = egui::Modal::new(egui::Id::unique("conflict")).show(ctx, |ui| {
        ui.set_max_width(DIALOG_WIDTH);
        ui.heading(t.conflict_title);
        ui.label(t.conflict_merge_body);
        ui.add_space(tokens::GAP);
        let mergeable = match &conflict.theirs {
            Ok(theirs) => {
                ui.label(t.auto_merged(theirs.merge.automatic.len()));
                if !theirs.merge.from_theirs.is_empty() {
                    ui.label(t.from_file(&theirs.merge.from_theirs));
                }
                if !theirs.merge.renumbered.is_empty() {
                    let pairs: Vec<String> = theirs
                        .merge
                        .renumbered
                        .iter()
                        .map(|(was, now)| format!("{was} → {now}"))
                        .collect();
                    ui.label(t.renumbered(&pairs));
                }
                ui.add_space(tokens::GAP);
                ui.label(t.conflict_choose);
                egui::ScrollArea::vertical()
                    .max_height(list_height)
                    .show(ui, |ui| choices_ui(ui, conflict));
                true
            }
            Err(why) => {
                ui.label(t.conflict_unreadable(why));
                ui.add_space(tokens::GAP);
                our_changes_ui(ui, &conflict.our_changes, list_height);
                false
            }
        };
        ui.add_space(tokens::GAP);
        buttons_ui(ui, mergeable, commands);
    });
    if crate::gui::dialogs::dismissed(ctx, &response) {
        commands.push(Command::Meeting(MeetingCommand::DismissConflict));
    }
}

/// Field, the file's value and ours, one row per conflicting field.
fn choices_ui(ui: &mut Ui, conflict: &mut Conflict) {
    let t = texts();
    let Ok(theirs) = &conflict.theirs else {
        return;
    };
    let value_width = (DIALOG_WIDTH - FIELD_WIDTH) / 2.0;
    egui::Grid::new("conflict_fields")
        .num_columns(3)
        .striped(true)
        .spacing([tokens::GAP * 1.6, tokens::GAP * 0.8])
        .show(ui, |ui| {
            ui.label(RichText::new(t.conflict_field_heading).strong());
            ui.label(RichText::new(t.conflict_theirs_heading).strong());
            ui.label(RichText::new(t.conflict_ours_heading).strong());
            ui.end_row();
            for (field, choice) in theirs.merge.conflicts.iter().zip(&mut conflict.choices) {
                ui.label(RichText::new(&field.field).strong());
                for (side, value) in [
                    (Side::Theirs, t.theirs_choice(&field.theirs)),
                    (Side::Ours, t.ours_choice(&field.ours)),
                ] {
                    // Wrapped in its column: a long discussion must not
                    // push the other value out of the dialog.
                    let size = egui::vec2(value_width, 0.0);
                    let layout = egui::Layout::top_down(egui::Align::Min);
                    ui.allocate_ui_with_layout(size, layout, |ui| {
                        ui.set_max_width(value_width);
                        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                        if ui.radio(*choice == side, value).clicked() {
                            *choice = side;
                        }
                    });
                }
                ui.end_row();
            }
        });
}

/// Our unsaved changes, when there is nothing to merge with.
fn our_changes_ui(ui: &mut Ui, changes: &[String], height: f32) {
    let t = texts();
    ui.label(t.conflict_our_changes);
    if changes.is_empty() {
        ui.label(t.conflict_no_changes);
    }
    egui::ScrollArea::vertical()
        .id_salt("conflict_our_changes")
        .max_height(height)
        .show(ui, |ui| {
            for line in changes {
                ui.label(format!("• {line}"));
            }
        });
}

fn buttons_ui(ui: &mut Ui, mergeable: bool, commands: &mut Vec<Command>) {
    let t = texts();
    ui.horizontal_wrapped(|ui| {
        let merge = ui.add_enabled(mergeable, egui::Button::new(t.merge_save_button));
        if merge.clicked() {
            commands.push(Command::Meeting(MeetingCommand::MergeAndSave));
        }
        for (label, command, enabled) in [
            (t.save_copy_button, MeetingCommand::SaveCopy, true),
            (
                t.reload_from_disk_button,
                MeetingCommand::ReloadFromDisk,
                mergeable,
            ),
            (t.cancel_button, MeetingCommand::DismissConflict, true),
        ] {
            if ui.add_enabled(enabled, egui::Button::new(label)).clicked() {
                commands.push(Command::Meeting(command));
            }
        }
    });
}

/// The meeting copies ("Spara som kopia") as rows of the meetings list,
/// after the meetings and marked as copies, each with its open-button.
pub(super) fn copies_ui(ui: &mut Ui, doc: &Document, commands: &mut Vec<Command>) {
    let t = texts();
    let mut copies: Vec<(&std::path::Path, &crate::model::meeting::Meeting)> =
        doc.loaded.meeting_copies().collect();
    copies.sort_by_key(|(path, _)| *path);
    for (path, meeting) in copies {
        let name = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        ui.label(RichText::new(meeting.date.to_string()).strong());
        ui.label(format!("{} ({})", meeting.title, t.meeting_copy_note));
        ui.label(meeting.state.to_string());
        let open = egui::Button::new(t.open_copy(&name));
        if ui.add_enabled(!doc.is_read_only(), open).clicked() {
            commands.push(Command::OpenMeeting(path.to_owned()));
        }
        ui.end_row();
    }
}
