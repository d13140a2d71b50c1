//! The view state (tab, selection, filters, sort) and the commands that
//! change it or the document. Views read the state and only *emit* commands;
//! [`super::App::handle`] is the one place that applies them.

use std::path::PathBuf;

use crate::model::{CommitmentId, Date, PartyId};
use crate::status::MeasuredStatus;

use super::actions::Action;
use crate::workspace::Origin;

/// The tabs of the main area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// The commitment table.
    #[default]
    Commitments,
    /// Charts per party and problem area.
    Overview,
    /// The effect indicators, a chart each.
    Effects,
    /// Errors and warnings in the files.
    Problems,
    /// The meetings, and the chairing view of the open one.
    Meeting,
}

/// The columns of the commitment table, each sortable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortColumn {
    /// Pledge order.
    #[default]
    Id,
    /// Commitment text.
    Text,
    /// Owning parties.
    Parties,
    /// Target.
    Target,
    /// Reported vs target.
    Reported,
    /// Percentage of the target.
    Progress,
    /// Measured status.
    Status,
    /// Latest meeting assessment.
    Assessment,
    /// Last report date.
    LastReport,
}

/// The columns of a commitment's activity list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EntryColumn {
    /// Date (or first day of a range).
    #[default]
    Date,
    /// Party.
    Party,
    /// Quantity.
    Quantity,
    /// Place.
    Place,
}

/// A column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort<C> {
    /// The column.
    pub column: C,
    /// Smallest first.
    pub ascending: bool,
}

impl<C: Copy + PartialEq + Default> Default for Sort<C> {
    fn default() -> Self {
        Sort {
            column: C::default(),
            ascending: true,
        }
    }
}

impl<C: Copy + PartialEq> Sort<C> {
    /// Sort by `column`; the same column again flips the direction.
    #[must_use]
    pub fn toggled(self, column: C) -> Self {
        if self.column == column {
            Sort {
                column,
                ascending: !self.ascending,
            }
        } else {
            Sort {
                column,
                ascending: true,
            }
        }
    }

    /// "▲"/"▼" after the heading of the sorted column, nothing otherwise.
    pub fn marker(self, column: C) -> &'static str {
        match (self.column == column, self.ascending) {
            (false, _) => "",
            (true, true) => " ▲",
            (true, false) => " ▼",
        }
    }
}

/// What the commitment table shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Only commitments owned by this party.
    pub party: Option<PartyId>,
    /// Only commitments linked to this problem area.
    pub area: Option<u32>,
    /// Only commitments with this measured status.
    pub status: Option<MeasuredStatus>,
    /// Words that must all occur in id, text, owners or places (any case).
    pub search: String,
}

impl Filters {
    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        self.party.is_some()
            || self.area.is_some()
            || self.status.is_some()
            || !self.search.trim().is_empty()
    }
}

/// Everything about what the user is looking at, apart from the document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewState {
    /// The tab of the main area.
    pub tab: Tab,
    /// The selected commitment.
    pub selected: Option<CommitmentId>,
    /// Whether the detail panel is open (for `selected`).
    pub detail_open: bool,
    /// Filters of the table.
    pub filters: Filters,
    /// Sort of the table.
    pub sort: Sort<SortColumn>,
    /// Sort of the detail panel's activity list.
    pub entry_sort: Sort<EntryColumn>,
    /// The problem whose file excerpt is shown.
    pub selected_problem: Option<usize>,
    /// Presentation mode: the open meeting's current item alone, full
    /// screen (only while the meeting tab shows a meeting).
    pub presenting: bool,
}

/// Why the path dialog is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open a folder or pledge file.
    Open,
    /// Copy the sample into a folder.
    CopySample,
    /// Pick a spreadsheet to import.
    Import,
}

/// A change requested by a view.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Command {
    /// Run an action (as from its menu entry or shortcut).
    Run(Action),
    /// Open data.
    Open(Origin),
    /// Add activity files to the open pledge.
    AddActivityFiles(Vec<PathBuf>),
    /// Copy the sample to a folder and open the copy.
    CopySampleTo(PathBuf),
    /// Open the path dialog.
    ShowPathDialog(PathPurpose),
    /// Close the path dialog without doing anything.
    ClosePathDialog,
    /// Close the shortcut help.
    CloseShortcuts,
    /// Dismiss the error message.
    DismissError,
    /// Dismiss the notice.
    DismissNotice,
    /// Change the as-of date.
    SetAsOf(Date),
    /// Select a commitment (without opening its detail).
    Select(CommitmentId),
    /// Select a commitment and open its detail.
    OpenDetail(CommitmentId),
    /// Switch tab.
    SetTab(Tab),
    /// Write justerade minutes as PDF/A-2u (the archival profile) or not.
    SetArchivalPdf(bool),
    /// Sort the table by a column (again: reverse).
    SortBy(SortColumn),
    /// Sort the activity list by a column (again: reverse).
    SortEntriesBy(EntryColumn),
    /// Filter by party.
    FilterParty(Option<PartyId>),
    /// Filter by problem area.
    FilterArea(Option<u32>),
    /// Filter by measured status.
    FilterStatus(Option<MeasuredStatus>),
    /// Set the search text.
    Search(String),
    /// Remove all filters.
    ClearFilters,
    /// Show the file excerpt of a problem.
    SelectProblem(usize),
    /// A command for the meeting being edited.
    Meeting(super::meeting::MeetingCommand),
    /// Open a meeting file for chairing or editing.
    OpenMeeting(PathBuf),
    /// Create a new meeting on this day (from the new-meeting dialog).
    CreateMeeting(Date),
    /// Close the new-meeting dialog.
    CancelNewMeeting,
    /// Close the meeting (asks first when there are unsaved changes).
    CloseMeeting,
    /// The answer to "save the changes?".
    AnswerUnsaved(UnsavedAnswer),
    /// Show an error message.
    ShowError(String),
    /// Write the progress report (asks where when file dialogs are available).
    WriteReport {
        /// The date the report describes.
        as_of: Date,
        /// PDF or HTML.
        format: crate::report::Format,
    },
    /// Close the report dialog without writing.
    CloseReportDialog,
    /// Open the entry form for a new activity (for this commitment).
    NewActivity(Option<CommitmentId>),
    /// Open the entry form on an existing entry (file and entry index).
    EditActivity {
        /// Index into the document's activity files.
        file: usize,
        /// Index of the entry.
        index: usize,
    },
    /// Delete an entry (undo with Ctrl+Z).
    DeleteActivity {
        /// Index into the document's activity files.
        file: usize,
        /// Index of the entry.
        index: usize,
    },
    /// Save the entry form.
    SaveActivityForm,
    /// Close the entry form.
    CloseActivityForm,
    /// Read a spreadsheet and show the import preview.
    StartImport(PathBuf),
    /// Read another sheet of the workbook being imported.
    ImportSheet(String),
    /// Write the import.
    RunImport,
    /// Close the import preview without importing.
    CloseImport,
    /// Open "Planering…" for a commitment.
    OpenPlanning(CommitmentId),
    /// Save the planning dialog.
    SavePlanning,
    /// Close the planning dialog.
    ClosePlanning,
    /// Create the pledge of the "Nytt löfte" dialog.
    CreatePledge,
    /// Pick the new pledge's folder with the system dialog.
    BrowsePledgeFolder,
    /// Close the "Nytt löfte" dialog.
    CloseNewPledge,
}

/// What to do with unsaved meeting changes before going on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedAnswer {
    /// Save, then go on.
    Save,
    /// Go on without saving (the recovery file is removed).
    Discard,
    /// Stay.
    Cancel,
}

/// What was going to happen when the unsaved-changes question was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PendingExit {
    /// Close the meeting.
    CloseMeeting,
    /// Close the window.
    Quit,
}
