//! The menu bar, generated from [`Action`]s so labels and shortcuts match
//! what the keyboard does.

use std::path::PathBuf;

use egui::Ui;

use super::actions::Action;
use super::state::{Command, Tab};
use super::text::texts;
use crate::workspace::Origin;

/// What the menus need to know to enable or check their entries.
// Independent yes/no facts about the open data, read once per frame: flags
// are what they are, not a state machine in disguise.
#[allow(clippy::struct_excessive_bools)]
pub struct MenuState<'a> {
    /// Recent folders, newest first.
    pub recent: &'a [PathBuf],
    /// Whether the open data is the read-only sample.
    pub is_sample: bool,
    /// The current tab.
    pub tab: Tab,
    /// The theme in use.
    pub theme: super::tokens::Theme,
    /// Whether a commitment is selected.
    pub has_selection: bool,
    /// Whether a meeting is open.
    pub has_meeting: bool,
    /// Whether the open meeting is justerat (it can be published).
    pub meeting_justerat: bool,
    /// Whether a pledge is open (for the report).
    pub has_pledge: bool,
    /// Whether justerade minutes are written as PDF/A-2u.
    pub archival_pdf: bool,
}

/// A menu entry for an action, showing its shortcut.
fn action_button(ui: &mut Ui, action: Action, enabled: bool, commands: &mut Vec<Command>) {
    let shortcut = action.shortcut_text(ui.ctx());
    let button = egui::Button::new(action.label()).shortcut_text(shortcut);
    if ui.add_enabled(enabled, button).clicked() {
        commands.push(Command::Run(action));
        ui.close();
    }
}

/// Draws the menu bar.
/// `after` draws what shares the row after the menus (the tabs).
pub fn menu_bar_ui(
    ui: &mut Ui,
    state: &MenuState<'_>,
    commands: &mut Vec<Command>,
    after: impl FnOnce(&mut Ui, &mut Vec<Command>),
) {
    let t = texts();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t.menu_file, |ui| {
            action_button(ui, Action::OpenFolder, true, commands);
            action_button(ui, Action::OpenFiles, true, commands);
            action_button(ui, Action::OpenPath, true, commands);
            action_button(ui, Action::NewPledge, true, commands);
            ui.menu_button(t.recent, |ui| {
                if state.recent.is_empty() {
                    ui.label(t.no_recent);
                }
                for path in state.recent {
                    if ui.button(crate::store::paths::display(path)).clicked() {
                        commands.push(Command::Open(Origin::path(path.clone())));
                        ui.close();
                    }
                }
                if ui.button(t.open_sample).clicked() {
                    commands.push(Command::Open(Origin::Sample));
                    ui.close();
                }
            });
            ui.separator();
            action_button(ui, Action::Reload, true, commands);
            action_button(ui, Action::SaveSampleAs, state.is_sample, commands);
            ui.separator();
            action_button(
                ui,
                Action::NewActivity,
                state.has_pledge && !state.is_sample,
                commands,
            );
            action_button(
                ui,
                Action::ImportActivities,
                state.has_pledge && !state.is_sample,
                commands,
            );
            action_button(ui, Action::ExportActivities, state.has_pledge, commands);
            ui.separator();
            action_button(ui, Action::ProgressReport, state.has_pledge, commands);
            ui.separator();
            action_button(ui, Action::Quit, true, commands);
        });
        ui.menu_button(t.menu_view, |ui| {
            for (tab, label) in [
                (Tab::Commitments, t.tab_commitments),
                (Tab::Overview, t.tab_overview),
                (Tab::Effects, t.tab_effects),
                (Tab::Problems, t.tab_problems),
                (Tab::Meeting, t.tab_meeting),
            ] {
                if ui.radio(state.tab == tab, label).clicked() {
                    commands.push(Command::SetTab(tab));
                    ui.close();
                }
            }
            ui.separator();
            action_button(ui, Action::Find, true, commands);
            action_button(ui, Action::OpenDetail, state.has_selection, commands);
            action_button(ui, Action::CloseDetail, true, commands);
            ui.separator();
            action_button(ui, Action::ZoomIn, true, commands);
            action_button(ui, Action::ZoomOut, true, commands);
            action_button(ui, Action::ZoomReset, true, commands);
            let theme_label = match state.theme {
                super::tokens::Theme::Morkt => t.light_theme,
                super::tokens::Theme::Ljust => t.dark_theme,
            };
            let shortcut = Action::ToggleTheme.shortcut_text(ui.ctx());
            if ui
                .add(egui::Button::new(theme_label).shortcut_text(shortcut))
                .clicked()
            {
                commands.push(Command::Run(Action::ToggleTheme));
                ui.close();
            }
        });
        ui.menu_button(t.menu_meeting, |ui| meeting_menu_ui(ui, state, commands));
        ui.menu_button(t.menu_help, |ui| {
            action_button(ui, Action::ShowShortcuts, true, commands);
        });
        after(ui, commands);
    });
}

/// The Möte menu: the open meeting's actions.
fn meeting_menu_ui(ui: &mut Ui, state: &MenuState<'_>, commands: &mut Vec<Command>) {
    action_button(ui, Action::NewMeeting, !state.is_sample, commands);
    action_button(ui, Action::SaveMeeting, state.has_meeting, commands);
    action_button(ui, Action::PrintMinutes, state.has_meeting, commands);
    action_button(ui, Action::PrintInvitation, state.has_meeting, commands);
    action_button(ui, Action::PrintPublished, state.meeting_justerat, commands);
    action_button(ui, Action::SaveMinutesWeb, state.has_meeting, commands);
    action_button(ui, Action::PrintExtract, state.has_meeting, commands);
    let mut archival = state.archival_pdf;
    if ui
        .checkbox(&mut archival, texts().archival_pdf)
        .on_hover_text(texts().archival_pdf_hint)
        .changed()
    {
        commands.push(Command::SetArchivalPdf(archival));
    }
    ui.separator();
    action_button(ui, Action::Undo, state.has_meeting, commands);
    action_button(ui, Action::Redo, state.has_meeting, commands);
    ui.separator();
    action_button(ui, Action::NextItem, state.has_meeting, commands);
    action_button(ui, Action::PreviousItem, state.has_meeting, commands);
    action_button(ui, Action::Present, state.has_meeting, commands);
    action_button(ui, Action::AddDecision, state.has_meeting, commands);
    action_button(ui, Action::AddAction, state.has_meeting, commands);
    for n in 0..8 {
        action_button(ui, Action::Assess(n), state.has_meeting, commands);
    }
}
