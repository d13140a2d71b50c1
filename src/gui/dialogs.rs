//! Modal dialogs: typing a path (works where no system file dialog is
//! available), the keyboard shortcut help, and an error shown once.

use std::path::PathBuf;

use egui::{Id, Modal, RichText};

use super::actions::{Action, Group};
use super::state::{Command, PathPurpose};
use super::text::texts;
use super::tokens;

/// The path dialog's own state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathDialog {
    /// Why it is open.
    pub purpose: PathPurpose,
    /// The path as typed.
    pub text: String,
}

impl PathDialog {
    /// A dialog for `purpose`, starting with `text`.
    pub fn new(purpose: PathPurpose, text: String) -> Self {
        PathDialog { purpose, text }
    }

    /// Draws the dialog.
    pub fn ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let t = texts();
        let (title, body, ok) = match self.purpose {
            PathPurpose::Open => (t.open_path_title, t.open_path_body, t.open_button),
            PathPurpose::CopySample => (t.copy_sample_title, t.copy_sample_body, t.save_button),
            PathPurpose::Import => (t.import_title, t.import_path_body, t.open_button),
        };
        let response = Modal::new(Id::unique("path_dialog")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(title);
            ui.label(body);
            ui.add_space(tokens::GAP);
            let label = ui.label(t.path_label);
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.text)
                        .desired_width(f32::INFINITY)
                        .hint_text(t.path_hint),
                )
                .labelled_by(label.id);
            if !edit.has_focus() && self.text.is_empty() {
                edit.request_focus();
            }
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.add_space(tokens::GAP);
            ui.horizontal(|ui| {
                // Quotes, `file:` addresses and (on Windows) `/` for `\`
                // are accepted as pasted.
                let path = PathBuf::from(crate::store::paths::from_typed(
                    &self.text,
                    crate::store::paths::Style::NATIVE,
                ));
                let ready = !self.text.trim().is_empty();
                if ui.add_enabled(ready, egui::Button::new(ok)).clicked() || (entered && ready) {
                    commands.push(self.finish(path));
                }
                if ui.button(t.cancel_button).clicked() {
                    commands.push(Command::ClosePathDialog);
                }
            });
        });
        if response.should_close() {
            commands.push(Command::ClosePathDialog);
        }
    }

    fn finish(&self, path: PathBuf) -> Command {
        match self.purpose {
            PathPurpose::Open => Command::Open(crate::workspace::Origin::path(path)),
            PathPurpose::CopySample => Command::CopySampleTo(path),
            PathPurpose::Import => Command::StartImport(path),
        }
    }
}

/// The list of keyboard shortcuts, generated from the actions: grouped in
/// columns so the whole list fits a 1366×768 laptop, and scrolling when
/// the window (or a large zoom) leaves less room than that.
pub fn shortcuts_ui(ctx: &egui::Context, commands: &mut Vec<Command>) {
    let t = texts();
    let response = Modal::new(Id::unique("shortcuts")).show(ctx, |ui| {
        ui.heading(t.shortcuts_title);
        ui.add_space(tokens::GAP);
        egui::ScrollArea::vertical()
            .max_height(ctx.content_rect().height() - 160.0)
            .show(ui, |ui| {
                // Three columns of about equal height.
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        shortcut_group_ui(ui, Group::Arkiv, &[]);
                        ui.add_space(tokens::GAP);
                        form_keys_ui(ui);
                    });
                    ui.add_space(tokens::GAP * 2.0);
                    ui.vertical(|ui| {
                        shortcut_group_ui(ui, Group::Ataganden, &[]);
                        ui.add_space(tokens::GAP);
                        shortcut_group_ui(ui, Group::Visa, &[]);
                    });
                    ui.add_space(tokens::GAP * 2.0);
                    ui.vertical(|ui| {
                        // Escape ends presentation mode: it is the detail
                        // panel's key everywhere else.
                        let escape = [(t.shortcut_end_presentation, "Escape")];
                        shortcut_group_ui(ui, Group::Mote, &escape);
                    });
                });
            });
        ui.add_space(tokens::GAP);
        ui.add(egui::Label::new(t.assessment_keys_note).extend());
        ui.add_space(tokens::GAP);
        if ui.button(t.close_button).clicked() {
            commands.push(Command::CloseShortcuts);
        }
    });
    if response.should_close() {
        commands.push(Command::CloseShortcuts);
    }
}

/// One group of the shortcut help: its heading, then action and keys, and
/// `more` keys of the group that are not actions of their own.
fn shortcut_group_ui(ui: &mut egui::Ui, group: Group, more: &[(&str, &str)]) {
    ui.label(RichText::new(group.label()).strong());
    egui::Grid::new(("shortcut_grid", group.label()))
        .num_columns(2)
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for action in Action::ALL.into_iter().filter(|a| a.group() == group) {
                ui.label(action.label());
                ui.label(RichText::new(action.shortcut_text(ui.ctx())).monospace());
                ui.end_row();
            }
            for (what, keys) in more {
                ui.label(*what);
                ui.label(RichText::new(*keys).monospace());
                ui.end_row();
            }
        });
}

/// Keys inside forms and dialogs, which are not actions of their own.
fn form_keys_ui(ui: &mut egui::Ui) {
    let t = texts();
    ui.label(RichText::new(t.shortcut_forms).strong());
    egui::Grid::new("shortcut_grid_forms")
        .num_columns(2)
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for (what, keys) in [
                (t.shortcut_calendar, "Alt+Down"),
                (t.shortcut_close_dialog, "Escape"),
            ] {
                ui.label(what);
                ui.label(RichText::new(keys).monospace());
                ui.end_row();
            }
        });
}

/// An error the user must see (a folder that cannot be opened, a failed copy).
pub fn error_ui(ctx: &egui::Context, message: &str, commands: &mut Vec<Command>) {
    let t = texts();
    let response = Modal::new(Id::unique("error")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(t.error_title);
        ui.label(message);
        ui.add_space(tokens::GAP);
        if ui.button(t.ok_button).clicked() {
            commands.push(Command::DismissError);
        }
    });
    // Enter closes it as OK does: the message has one answer, and a chair
    // at the keyboard should not need the mouse for it.
    let enter = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter));
    if response.should_close() || enter {
        commands.push(Command::DismissError);
    }
}

/// "Save the changes to the meeting?" before closing it or the window.
pub fn unsaved_ui(ctx: &egui::Context, commands: &mut Vec<Command>) {
    use super::state::UnsavedAnswer;
    let t = texts();
    let response = Modal::new(Id::unique("unsaved")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(t.unsaved_title);
        ui.label(t.unsaved_body);
        ui.add_space(tokens::GAP);
        ui.horizontal(|ui| {
            for (label, answer) in [
                (t.save_button, UnsavedAnswer::Save),
                (t.dont_save_button, UnsavedAnswer::Discard),
                (t.cancel_button, UnsavedAnswer::Cancel),
            ] {
                if ui.button(label).clicked() {
                    commands.push(Command::AnswerUnsaved(answer));
                }
            }
        });
    });
    if response.should_close() {
        commands.push(Command::AnswerUnsaved(UnsavedAnswer::Cancel));
    }
}

/// Whether the user dismissed a modal: a click on the backdrop, or Escape,
/// when no popup is open. Unlike `ModalResponse::should_close`, choosing an
/// item in a combo box inside the modal does not count: that would close
/// the whole dialog.
pub fn dismissed<T>(ctx: &egui::Context, response: &egui::ModalResponse<T>) -> bool {
    // With a popup open, a click anywhere (also on the popup's own items,
    // which egui reports on the backdrop too) only closes the popup.
    !response.any_popup_open
        && (response.backdrop_response.clicked()
            || (response.is_top_modal
                && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))))
}
