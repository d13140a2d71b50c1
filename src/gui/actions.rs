//! Every user action, defined once: its Swedish label, tooltip and shortcut.
//! Menus, buttons, keyboard handling and the shortcut help are generated from
//! this list, so a shortcut shown in a menu is always the one that works.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::text::texts;

/// An action the user can trigger from a menu, a button or the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Pick a pledge folder with the system dialog.
    OpenFolder,
    /// Pick a pledge file and activity files with the system dialog.
    OpenFiles,
    /// Type or paste a path (works where no file dialog is available).
    OpenPath,
    /// Read the files again.
    Reload,
    /// Copy the read-only sample to a folder of the user's choice.
    SaveSampleAs,
    /// Focus the search field.
    Find,
    /// Move the selection to the next commitment.
    NextCommitment,
    /// Move the selection to the previous commitment.
    PreviousCommitment,
    /// Move the selection a page down.
    PageDown,
    /// Move the selection a page up.
    PageUp,
    /// Open the detail panel of the selected commitment.
    OpenDetail,
    /// Close the detail panel (or a dialog).
    CloseDetail,
    /// Make everything larger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Back to 100 %.
    ZoomReset,
    /// Switch between the light and the dark theme.
    ToggleTheme,
    /// Show the keyboard shortcuts.
    ShowShortcuts,
    /// Close the window.
    Quit,
    /// Create a follow-up meeting (today's date).
    NewMeeting,
    /// Save the open meeting.
    SaveMeeting,
    /// Undo the last change of the meeting.
    Undo,
    /// Redo.
    Redo,
    /// Redo, the other common key.
    RedoAlt,
    /// Next agenda item.
    NextItem,
    /// Previous agenda item.
    PreviousItem,
    /// Show the current agenda item alone, full screen in large type (for
    /// a projector), or go back to the chairing view.
    Present,
    /// Add a decision clause to the current item.
    AddDecision,
    /// Add an action item.
    AddAction,
    /// Assess the current commitment with `Assessment::ALL[n]` (keys 1–8).
    Assess(u8),
    /// Write the open meeting's minutes as PDF.
    PrintMinutes,
    /// Write the open meeting's invitation (kallelse) as PDF.
    PrintInvitation,
    /// Write the copy of justerade minutes to publish: no signature lines,
    /// the signers by name and where the signed original is kept.
    PrintPublished,
    /// Save the minutes as an accessible web page: the copy to publish
    /// when justerat, else the draft as it stands.
    SaveMinutesWeb,
    /// Write a protokollsutdrag of the § on screen, to send one decision
    /// on to a nämnd or a board.
    PrintExtract,
    /// Write the public progress report (PDF or HTML).
    ProgressReport,
    /// Report an activity.
    NewActivity,
    /// Import activities from a spreadsheet.
    ImportActivities,
    /// Start a new pledge (empty or renewed).
    NewPledge,
    /// Export all activities to a spreadsheet.
    ExportActivities,
}

/// The groups of the shortcut help, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Files, reports, import and export.
    Arkiv,
    /// Moving through and reporting on commitments.
    Ataganden,
    /// Zoom, theme, help.
    Visa,
    /// Chairing a meeting.
    Mote,
}

impl Group {
    /// All groups, in order.
    pub const ALL: [Group; 4] = [Group::Arkiv, Group::Ataganden, Group::Visa, Group::Mote];

    /// The group's heading (the menu or tab it belongs to).
    pub fn label(self) -> &'static str {
        let t = texts();
        match self {
            Group::Arkiv => t.menu_file,
            Group::Ataganden => t.tab_commitments,
            Group::Visa => t.menu_view,
            Group::Mote => t.menu_meeting,
        }
    }
}

/// Where the key of an action is handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyHandling {
    /// By the app, at the start of each frame.
    App,
    /// Only when no widget has keyboard focus (plain keys such as arrows).
    AppOutsideText,
    /// By egui itself (zoom): shown in menus, never consumed twice.
    Egui,
    /// By the meeting's assessment row, and only while it has keyboard
    /// focus: a digit typed after a click that missed a field must not
    /// change an assessment.
    AssessmentRow,
}

impl Action {
    /// All actions, in the order of the shortcut help.
    pub const ALL: [Action; 46] = [
        Action::OpenFolder,
        Action::OpenFiles,
        Action::OpenPath,
        Action::Reload,
        Action::SaveSampleAs,
        Action::Find,
        Action::NextCommitment,
        Action::PreviousCommitment,
        Action::PageDown,
        Action::PageUp,
        Action::OpenDetail,
        Action::CloseDetail,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomReset,
        Action::ToggleTheme,
        Action::ShowShortcuts,
        Action::Quit,
        Action::NewMeeting,
        Action::SaveMeeting,
        Action::Undo,
        Action::Redo,
        Action::RedoAlt,
        Action::NextItem,
        Action::PreviousItem,
        Action::Present,
        Action::AddDecision,
        Action::AddAction,
        Action::Assess(0),
        Action::Assess(1),
        Action::Assess(2),
        Action::Assess(3),
        Action::Assess(4),
        Action::Assess(5),
        Action::Assess(6),
        Action::Assess(7),
        Action::PrintMinutes,
        Action::PrintInvitation,
        Action::PrintPublished,
        Action::SaveMinutesWeb,
        Action::PrintExtract,
        Action::ProgressReport,
        Action::NewActivity,
        Action::ImportActivities,
        Action::NewPledge,
        Action::ExportActivities,
    ];

    /// Its group in the shortcut help.
    pub fn group(self) -> Group {
        match self {
            Action::OpenFolder
            | Action::OpenFiles
            | Action::OpenPath
            | Action::Reload
            | Action::SaveSampleAs
            | Action::ProgressReport
            | Action::ImportActivities
            | Action::ExportActivities
            | Action::NewPledge
            | Action::Quit => Group::Arkiv,
            Action::Find
            | Action::NextCommitment
            | Action::PreviousCommitment
            | Action::PageDown
            | Action::PageUp
            | Action::OpenDetail
            | Action::CloseDetail
            | Action::NewActivity => Group::Ataganden,
            Action::ZoomIn
            | Action::ZoomOut
            | Action::ZoomReset
            | Action::ToggleTheme
            | Action::ShowShortcuts => Group::Visa,
            Action::NewMeeting
            | Action::SaveMeeting
            | Action::Undo
            | Action::Redo
            | Action::RedoAlt
            | Action::NextItem
            | Action::PreviousItem
            | Action::Present
            | Action::AddDecision
            | Action::AddAction
            | Action::Assess(_)
            | Action::PrintMinutes
            | Action::PrintInvitation
            | Action::PrintPublished
            | Action::SaveMinutesWeb
            | Action::PrintExtract => Group::Mote,
        }
    }

    /// The label in menus and on buttons.
    pub fn label(self) -> &'static str {
        let t = texts();
        match self {
            Action::OpenFolder => t.open_folder,
            Action::OpenFiles => t.open_files,
            Action::OpenPath => t.open_path,
            Action::Reload => t.reload,
            Action::SaveSampleAs => t.save_sample_as,
            Action::Find => t.find,
            Action::NextCommitment => t.next_commitment,
            Action::PreviousCommitment => t.previous_commitment,
            Action::PageDown => t.page_down,
            Action::PageUp => t.page_up,
            Action::OpenDetail => t.open_detail,
            Action::CloseDetail => t.close_detail,
            Action::ZoomIn => t.zoom_in,
            Action::ZoomOut => t.zoom_out,
            Action::ZoomReset => t.zoom_reset,
            Action::ToggleTheme => t.toggle_theme,
            Action::ShowShortcuts => t.show_shortcuts,
            Action::Quit => t.quit,
            Action::NewMeeting => t.new_meeting,
            Action::SaveMeeting => t.save_meeting,
            Action::Undo => t.undo,
            Action::Redo => t.redo,
            Action::RedoAlt => t.redo_alt,
            Action::NextItem => t.next_item,
            Action::PreviousItem => t.previous_item,
            Action::Present => t.present,
            Action::AddDecision => t.add_decision,
            Action::AddAction => t.add_action,
            Action::Assess(0) => t.assess_1,
            Action::Assess(1) => t.assess_2,
            Action::Assess(2) => t.assess_3,
            Action::Assess(3) => t.assess_4,
            Action::Assess(4) => t.assess_5,
            Action::Assess(5) => t.assess_6,
            Action::Assess(6) => t.assess_7,
            Action::Assess(_) => t.assess_8,
            Action::PrintMinutes => t.print_minutes,
            Action::PrintInvitation => t.print_invitation,
            Action::PrintPublished => t.print_published,
            Action::SaveMinutesWeb => t.save_web_page,
            Action::PrintExtract => t.print_extract,
            Action::ProgressReport => t.progress_report,
            Action::NewActivity => t.new_activity,
            Action::ImportActivities => t.import_activities,
            Action::NewPledge => t.new_pledge,
            Action::ExportActivities => t.export_activities,
        }
    }

    /// The keyboard shortcut, if the action has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let none = Modifiers::NONE;
        let cmd = Modifiers::COMMAND;
        let (modifiers, key) = match self {
            Action::OpenFolder => (cmd, Key::O),
            Action::OpenFiles => (cmd.plus(Modifiers::SHIFT), Key::O),
            Action::OpenPath => (cmd, Key::L),
            Action::Reload => (none, Key::F5),
            Action::SaveSampleAs => (cmd.plus(Modifiers::SHIFT), Key::S),
            Action::Find => (cmd, Key::F),
            Action::NextCommitment => (none, Key::ArrowDown),
            Action::PreviousCommitment => (none, Key::ArrowUp),
            Action::PageDown => (none, Key::PageDown),
            Action::PageUp => (none, Key::PageUp),
            Action::OpenDetail => (none, Key::Enter),
            Action::CloseDetail => (none, Key::Escape),
            Action::ZoomIn => (cmd, Key::Plus),
            Action::ZoomOut => (cmd, Key::Minus),
            Action::ZoomReset => (cmd, Key::Num0),
            Action::ToggleTheme => (cmd, Key::T),
            Action::ShowShortcuts => (none, Key::F1),
            Action::Quit => (cmd, Key::Q),
            Action::NewMeeting => (cmd, Key::N),
            Action::SaveMeeting => (cmd, Key::S),
            Action::Undo => (cmd, Key::Z),
            Action::Redo => (cmd.plus(Modifiers::SHIFT), Key::Z),
            Action::RedoAlt => (cmd, Key::Y),
            Action::NextItem => (Modifiers::ALT, Key::ArrowRight),
            Action::PreviousItem => (Modifiers::ALT, Key::ArrowLeft),
            Action::Present => (none, Key::F11),
            Action::AddDecision => (cmd, Key::Enter),
            Action::AddAction => (cmd.plus(Modifiers::SHIFT), Key::A),
            Action::PrintMinutes => (cmd, Key::P),
            Action::PrintInvitation => (cmd.plus(Modifiers::SHIFT), Key::P),
            Action::PrintPublished => (cmd.plus(Modifiers::ALT), Key::P),
            Action::SaveMinutesWeb => (cmd.plus(Modifiers::SHIFT), Key::H),
            Action::PrintExtract => (cmd.plus(Modifiers::SHIFT), Key::U),
            Action::ProgressReport => (cmd, Key::R),
            Action::NewActivity => (cmd.plus(Modifiers::SHIFT), Key::N),
            Action::ImportActivities => (cmd, Key::I),
            Action::NewPledge => (cmd.plus(Modifiers::ALT), Key::N),
            Action::ExportActivities => (cmd, Key::E),
            Action::Assess(n) => (
                none,
                match n {
                    0 => Key::Num1,
                    1 => Key::Num2,
                    2 => Key::Num3,
                    3 => Key::Num4,
                    4 => Key::Num5,
                    5 => Key::Num6,
                    6 => Key::Num7,
                    _ => Key::Num8,
                },
            ),
        };
        Some(KeyboardShortcut::new(modifiers, key))
    }

    /// Who handles the action's key.
    pub fn key_handling(self) -> KeyHandling {
        match self {
            Action::ZoomIn | Action::ZoomOut | Action::ZoomReset => KeyHandling::Egui,
            Action::NextCommitment
            | Action::PreviousCommitment
            | Action::PageDown
            | Action::PageUp
            | Action::OpenDetail => KeyHandling::AppOutsideText,
            Action::Assess(_) => KeyHandling::AssessmentRow,
            _ => KeyHandling::App,
        }
    }

    /// The shortcut as text for menus ("Ctrl+O").
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcut()
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default()
    }

    /// The actions whose shortcut was pressed this frame, consuming the keys.
    ///
    /// Plain keys (arrows, Enter) are left alone while any widget has
    /// keyboard focus: typing in the search box never moves the selection,
    /// and Enter on a focused button (reached with Tab) presses that button.
    pub fn pressed(ctx: &egui::Context) -> Vec<Action> {
        let typing = ctx.text_edit_focused() || ctx.memory(|m| m.focused().is_some());
        // egui matches Ctrl+O also when Shift is held: try the shortcuts with
        // more modifiers first so Ctrl+Shift+O is not taken for Ctrl+O.
        let mut actions = Action::ALL.to_vec();
        actions.sort_by_key(|a| {
            std::cmp::Reverse(a.shortcut().map_or(0, |s| {
                u8::from(s.modifiers.shift)
                    + u8::from(s.modifiers.alt)
                    + u8::from(s.modifiers.command)
            }))
        });
        actions
            .into_iter()
            .filter(|action| match action.key_handling() {
                KeyHandling::Egui | KeyHandling::AssessmentRow => false,
                KeyHandling::AppOutsideText => !typing,
                KeyHandling::App => true,
            })
            .filter(|action| {
                action
                    .shortcut()
                    .is_some_and(|s| ctx.input_mut(|i| i.consume_shortcut(&s)))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_label_and_a_distinct_shortcut() {
        let mut seen = Vec::new();
        for action in Action::ALL {
            assert!(!action.label().is_empty(), "{action:?}");
            let shortcut = action.shortcut().expect("every action has a key");
            assert!(!seen.contains(&shortcut), "{action:?} reuses {shortcut:?}");
            seen.push(shortcut);
        }
    }
}
