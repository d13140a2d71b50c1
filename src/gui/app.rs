//! The application type: holds the three kinds of state apart (the
//! document, the persisted settings, the runtime view state and caches) and
//! is the one place where commands are applied ([`App::handle`]).

mod activities;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{RichText, Ui, ViewportCommand};

use crate::model::{CommitmentId, Date};

use super::actions::Action;
use super::commitment::{Detail, detail_ui, sort_entries};
use super::dashboard::{DashboardData, DashboardView};
use super::dialogs::{PathDialog, error_ui, shortcuts_ui, unsaved_ui};
use super::effects::effects_ui;
use super::meeting::{
    MeetingCommand, MeetingSession, NewMeetingDialog, Outcome, chairing_ui, meetings_list_ui,
    presentation_ui, session_dialogs_ui,
};
use super::menu::{MenuState, menu_bar_ui};
use super::overview::overview_ui;
use super::problems::problems_ui;
use super::report::{Job, ReportDialog};
use super::rows::{Line, Rows};
use super::settings::{STORAGE_KEY, Settings};
use super::state::{Command, Filters, PathPurpose, PendingExit, Tab, UnsavedAnswer, ViewState};
use super::text::texts;
use super::tokens::{self, Palette, Theme};
use super::watch::Watch;
use crate::workspace::{Document, Origin, copy_sample_to};

/// Rows moved by PageUp/PageDown.
const PAGE_ROWS: isize = 10;
/// A file dialog that returns "cancelled" faster than this most likely had no
/// desktop portal to talk to; the path dialog is offered instead.
const DIALOG_UNAVAILABLE_SECS: f64 = 0.15;

/// How the app starts.
#[derive(Debug, Clone)]
pub struct Start {
    /// What to open.
    pub origin: Origin,
    /// Today's date (fixed in tests so figures and snapshots do not drift).
    pub today: Date,
    /// Seconds between checks for changed files.
    pub poll_interval_secs: f64,
    /// Whether system file dialogs may be shown (tests turn them off: a
    /// dialog would wait for a person).
    pub file_dialogs: bool,
    /// Started with no arguments: a meeting left unsaved in the last folder
    /// (a crash, a power cut) reopens that folder instead of the sample.
    pub resume: bool,
}

impl Start {
    /// Opens `origin` with the real date and a one-second file check.
    pub fn new(origin: Origin) -> Self {
        Start {
            origin,
            today: Date::today(),
            poll_interval_secs: 1.0,
            file_dialogs: true,
            resume: false,
        }
    }
}

/// A short message that goes away by itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The text.
    pub text: String,
    /// When it was first shown (egui time), set on the first frame.
    since_secs: Option<f64>,
    /// A file the notice offers to open (written minutes).
    open: Option<PathBuf>,
}

impl Notice {
    /// A notice with just a text.
    fn new(text: impl Into<String>) -> Self {
        Notice {
            text: text.into(),
            since_secs: None,
            open: None,
        }
    }
}

/// The Löftesuppföljning app.
pub struct App {
    today: Date,
    settings: Settings,
    doc: Option<Document>,
    view: ViewState,
    rows: Rows,
    lines: Vec<Line>,
    detail: Option<Detail>,
    dashboard: DashboardView,
    watch: Watch,
    poll_interval_secs: f64,
    last_poll_secs: Option<f64>,
    notice: Option<Notice>,
    error: Option<String>,
    path_dialog: Option<PathDialog>,
    shortcuts_open: bool,
    title_sent: Option<String>,
    ctx: egui::Context,
    /// The meeting open for chairing or editing.
    meeting: Option<MeetingSession>,
    /// The "Nytt uppföljningsmöte" dialog, asking for the date.
    new_meeting_dialog: Option<NewMeetingDialog>,
    /// What waits for the answer to "save the meeting?".
    pending_exit: Option<PendingExit>,
    /// Set once the user has answered, so the next close request goes through.
    allow_close: bool,
    /// Whether system file dialogs may be shown.
    file_dialogs: bool,
    /// Minutes or a report being written in the background.
    job: Option<Job>,
    /// The last document written (minutes or report), for "Öppna".
    printed: Option<PathBuf>,
    /// The "Lägesrapport…" dialog.
    report_dialog: Option<ReportDialog>,
    /// The format chosen last time, offered again.
    report_format: crate::report::Format,
    /// The "Ny aktivitet" form.
    activity_form: Option<super::entry_form::EntryForm>,
    /// The form as last validated, so it is checked only when it changes.
    form_checked: Option<super::entry_form::EntryForm>,
    /// The form's messages.
    form_problems: Vec<super::entry_form::FormProblem>,
    /// Undo steps of activity changes, newest last.
    activity_undo: Vec<activities::Step>,
    /// Redo steps.
    activity_redo: Vec<activities::Step>,
    /// The import preview.
    import_dialog: Option<super::import_dialog::ImportDialog>,
    /// "Planering…" for a commitment.
    planning: Option<super::pledge_dialogs::PlanningDialog>,
    /// "Nytt löfte…".
    new_pledge: Option<super::pledge_dialogs::NewPledgeDialog>,
    /// Presentation mode as last applied to the window.
    presentation: Presentation,
}

/// What presentation mode has done to the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Presentation {
    /// Not presenting.
    Off,
    /// Presenting in the full screen it asked for: leaving it asks for a
    /// window again.
    MadeFullScreen,
    /// Presenting in a window the user had made full screen already: it
    /// stays so afterwards.
    AlreadyFullScreen,
}

impl App {
    /// Creates the app for eframe: reads the settings, applies the theme and
    /// zoom, and opens `start.origin`.
    pub fn new(cc: &eframe::CreationContext<'_>, start: Start) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        super::fonts::install(&cc.egui_ctx);
        tokens::apply(&cc.egui_ctx, settings.theme);
        cc.egui_ctx.set_zoom_factor(settings.sane_zoom());
        let mut app = App {
            today: start.today,
            settings,
            doc: None,
            view: ViewState::default(),
            rows: Rows::default(),
            lines: Vec::new(),
            detail: None,
            dashboard: DashboardView::default(),
            watch: Watch::default(),
            poll_interval_secs: start.poll_interval_secs,
            last_poll_secs: None,
            notice: None,
            error: None,
            path_dialog: None,
            shortcuts_open: false,
            title_sent: None,
            ctx: cc.egui_ctx.clone(),
            meeting: None,
            new_meeting_dialog: None,
            pending_exit: None,
            allow_close: false,
            file_dialogs: start.file_dialogs,
            job: None,
            printed: None,
            report_dialog: None,
            report_format: crate::report::Format::default(),
            activity_form: None,
            form_checked: None,
            form_problems: Vec::new(),
            activity_undo: Vec::new(),
            activity_redo: Vec::new(),
            import_dialog: None,
            planning: None,
            new_pledge: None,
            presentation: Presentation::Off,
        };
        let origin = if start.resume {
            app.left_unsaved_folder().unwrap_or(start.origin)
        } else {
            start.origin
        };
        app.handle(Command::Open(origin));
        app
    }

    /// The most recent folder holding a meeting's recovery file: the app
    /// stopped without saving it (a crash, a power cut, a killed process).
    fn left_unsaved_folder(&self) -> Option<Origin> {
        let folder = self.settings.recent.first()?;
        let meetings = std::fs::read_dir(crate::store::meetings_dir(folder)).ok()?;
        meetings
            .filter_map(Result::ok)
            .any(|e| crate::store::paths::has_extension(&e.path(), "recovery"))
            .then(|| Origin::path(folder.clone()))
    }

    /// The open document, if any.
    pub fn document(&self) -> Option<&Document> {
        self.doc.as_ref()
    }

    /// What the user is looking at.
    pub fn view(&self) -> &ViewState {
        &self.view
    }

    /// The settings that will be persisted.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The ids of the commitments the table shows, in order.
    pub fn visible_commitments(&self) -> Vec<CommitmentId> {
        self.lines
            .iter()
            .filter_map(|l| match l {
                Line::Row(i) => self.rows.rows.get(*i).map(|r| r.id.clone()),
                Line::Group(..) => None,
            })
            .collect()
    }

    /// The group headings the table shows, in order.
    pub fn visible_groups(&self) -> Vec<String> {
        self.lines
            .iter()
            .filter_map(|l| match l {
                Line::Group(g, _) => self.rows.groups.get(*g).cloned(),
                Line::Row(_) => None,
            })
            .collect()
    }

    /// The detail panel's content, when it is open.
    pub fn detail(&self) -> Option<&Detail> {
        self.detail.as_ref().filter(|_| self.view.detail_open)
    }

    /// The current notice.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_ref().map(|n| n.text.as_str())
    }

    /// The error being shown.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The meeting open for chairing, if any.
    pub fn meeting(&self) -> Option<&MeetingSession> {
        self.meeting.as_ref()
    }

    /// Whether Ctrl+Z means the meeting (its tab is shown) rather than the
    /// activity reports.
    fn meeting_in_front(&self) -> bool {
        self.view.tab == Tab::Meeting && self.meeting.is_some()
    }

    /// Whether presentation mode shows the meeting's item alone: no menu,
    /// banners, status bar or detail panel.
    fn presenting(&self) -> bool {
        self.view.presenting && self.meeting_in_front()
    }

    /// Starts presentation mode on the open meeting (showing its tab), or
    /// ends it. Either way the assessment row of the view now shown gets
    /// the keyboard focus, so the digits assess at once.
    fn toggle_presentation(&mut self) {
        if self.view.presenting {
            self.view.presenting = false;
        } else if self.meeting.is_some() {
            self.view.tab = Tab::Meeting;
            self.view.presenting = true;
        } else {
            self.notice = Some(Notice::new(texts().present_needs_meeting));
            return;
        }
        if let Some(current) = self.meeting.as_ref().map(|s| s.current) {
            // Going to the item one is on focuses its row.
            self.meeting_command(MeetingCommand::GoTo(current));
        }
    }

    /// Keeps presentation mode to a meeting on screen, and the window full
    /// screen while it lasts, however it ends (F11, Esc, the meeting
    /// closed, another folder opened).
    fn apply_presentation(&mut self, ctx: &egui::Context) {
        if self.view.presenting && !self.meeting_in_front() {
            self.view.presenting = false;
        }
        let presenting = self.view.presenting;
        if presenting == (self.presentation != Presentation::Off) {
            return;
        }
        self.presentation = if !presenting {
            if self.presentation == Presentation::MadeFullScreen {
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
            }
            Presentation::Off
        } else if ctx.input(|i| i.viewport().fullscreen == Some(true)) {
            Presentation::AlreadyFullScreen
        } else {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
            Presentation::MadeFullScreen
        };
        // The other view is drawn in the next frame.
        ctx.request_repaint();
    }

    /// Whether the open meeting has changes not yet saved.
    fn meeting_unsaved(&self) -> bool {
        self.meeting
            .as_ref()
            .is_some_and(MeetingSession::has_unsaved_changes)
    }

    /// The question waiting for an answer about unsaved meeting changes.
    pub fn pending_exit(&self) -> Option<PendingExit> {
        self.pending_exit
    }

    /// Applies one command: the only place where the document or the view
    /// state changes.
    pub fn handle(&mut self, command: Command) {
        match command {
            Command::Run(action) => self.run(action),
            Command::Open(origin) => self.open(origin),
            Command::AddActivityFiles(paths) => self.add_activity_files(paths),
            Command::CopySampleTo(folder) => self.copy_sample(&folder),
            Command::ShowPathDialog(purpose) => {
                self.path_dialog = Some(PathDialog::new(purpose, String::new()));
            }
            Command::ClosePathDialog => self.path_dialog = None,
            Command::WriteReport { as_of, format } => self.write_report(as_of, format),
            Command::CloseReportDialog => self.report_dialog = None,
            Command::NewActivity(commitment) => self.new_activity(commitment),
            Command::EditActivity { file, index } => self.edit_activity(file, index),
            Command::DeleteActivity { file, index } => self.delete_activity(file, index),
            Command::SaveActivityForm => self.save_activity_form(),
            Command::CloseActivityForm => {
                self.activity_form = None;
                self.form_checked = None;
            }
            Command::StartImport(path) => self.start_import(path, None),
            Command::ImportSheet(sheet) => {
                if let Some(path) = self.import_dialog.as_ref().map(|d| d.path.clone()) {
                    self.start_import(path, Some(&sheet));
                }
            }
            Command::RunImport => self.run_import(),
            Command::CloseImport => self.import_dialog = None,
            Command::OpenPlanning(id) => self.open_planning(&id),
            Command::SavePlanning => self.save_planning(),
            Command::ClosePlanning => self.planning = None,
            Command::CreatePledge => self.create_pledge(),
            Command::BrowsePledgeFolder => self.browse_pledge_folder(),
            Command::CloseNewPledge => self.new_pledge = None,
            Command::CloseShortcuts => self.shortcuts_open = false,
            Command::DismissError => self.dismiss_error(),
            Command::DismissNotice => self.notice = None,
            Command::SetAsOf(date) => {
                if let Some(doc) = &mut self.doc {
                    doc.set_as_of(date);
                }
                self.refresh_rows();
            }
            Command::Select(id) => {
                self.view.selected = Some(id);
                self.refresh_detail();
            }
            Command::OpenDetail(id) => {
                self.view.selected = Some(id);
                self.view.detail_open = true;
                self.refresh_detail();
            }
            Command::SetTab(tab) => self.view.tab = tab,
            Command::SetArchivalPdf(on) => self.settings.archival_pdf = on,
            Command::SortBy(column) => {
                self.view.sort = self.view.sort.toggled(column);
                self.refresh_lines();
            }
            Command::SortEntriesBy(column) => {
                self.view.entry_sort = self.view.entry_sort.toggled(column);
                if let Some(detail) = &mut self.detail {
                    sort_entries(&mut detail.entries, self.view.entry_sort);
                }
            }
            Command::FilterParty(party) => self.set_filters(Filters {
                party,
                ..self.view.filters.clone()
            }),
            Command::FilterArea(area) => self.set_filters(Filters {
                area,
                ..self.view.filters.clone()
            }),
            Command::FilterStatus(status) => self.set_filters(Filters {
                status,
                ..self.view.filters.clone()
            }),
            Command::Search(search) => self.set_filters(Filters {
                search,
                ..self.view.filters.clone()
            }),
            Command::ClearFilters => self.set_filters(Filters::default()),
            Command::SelectProblem(index) => self.view.selected_problem = Some(index),
            Command::Meeting(command) => self.meeting_command(command),
            Command::OpenMeeting(path) => self.open_meeting(&path),
            Command::CreateMeeting(date) => self.create_meeting(date),
            Command::CancelNewMeeting => self.new_meeting_dialog = None,
            Command::CloseMeeting => {
                if self.meeting_unsaved() {
                    self.pending_exit = Some(PendingExit::CloseMeeting);
                } else {
                    self.meeting = None;
                }
            }
            Command::AnswerUnsaved(answer) => self.answer_unsaved(answer),
            Command::ShowError(message) => self.error = Some(message),
        }
    }

    fn meeting_command(&mut self, command: MeetingCommand) {
        let Some(session) = &mut self.meeting else {
            return;
        };
        match session.handle(command, self.today) {
            Ok(Outcome::Saved) => {
                let path = session.path.display().to_string();
                self.reload(None);
                if let (Some(session), Some(doc)) = (&mut self.meeting, &self.doc) {
                    session.refresh(doc);
                }
                self.notice = Some(Notice::new(texts().meeting_saved(&path)));
            }
            Ok(Outcome::Notice(text)) => {
                self.notice = Some(Notice::new(text));
            }
            Ok(Outcome::Reload(text)) => {
                // A merge saved or a copy written: the lists show it.
                self.reload_quietly();
                self.notice = Some(Notice::new(text));
            }
            Ok(Outcome::Nothing) => {}
            Ok(Outcome::Closed) => self.meeting = None,
            Err(message) => self.error = Some(message),
        }
    }

    fn open_meeting(&mut self, path: &Path) {
        self.start_session(|doc, _| MeetingSession::open(doc, path));
    }

    /// Closes the error message; a field it named gets the focus.
    fn dismiss_error(&mut self) {
        self.error = None;
        if let Some(session) = &self.meeting {
            session.focus_marked_field();
        }
    }

    /// Creates the meeting on the day the dialog gave.
    fn create_meeting(&mut self, date: Date) {
        self.new_meeting_dialog = None;
        self.start_session(|doc, _| MeetingSession::create(doc, date));
    }

    /// Asks for the new meeting's date (see [`NewMeetingDialog`]).
    fn new_meeting(&mut self) {
        if self.meeting_unsaved() {
            self.error = Some(texts().unsaved_body.to_owned());
            return;
        }
        match &self.doc {
            Some(doc) if doc.is_read_only() => {
                self.error = Some(texts().sample_meeting_read_only.to_owned());
            }
            Some(doc) if doc.pledge().is_some() => {
                self.new_meeting_dialog = Some(NewMeetingDialog::new(doc, self.today));
            }
            Some(_) => self.error = Some(texts().no_pledge_body.to_owned()),
            None => {}
        }
    }

    /// Opens a meeting session made by `make` and shows it, unless the open
    /// meeting has unsaved changes.
    fn start_session(
        &mut self,
        make: impl FnOnce(&Document, Date) -> Result<MeetingSession, String>,
    ) {
        if self.meeting_unsaved() {
            self.error = Some(texts().unsaved_body.to_owned());
            return;
        }
        let Some(doc) = &self.doc else {
            return;
        };
        match make(doc, self.today) {
            Ok(session) => {
                self.meeting = Some(session);
                self.view.tab = Tab::Meeting;
            }
            Err(message) => self.error = Some(message),
        }
    }

    /// The minutes as a web page, to publish first: the published copy of
    /// justerade minutes, else the draft as it stands (marked so).
    fn save_minutes_web(&mut self) {
        let justerat = self
            .meeting
            .as_ref()
            .is_some_and(|s| s.meeting().state == crate::model::meeting::MeetingState::Justerat);
        let document = if justerat {
            crate::minutes::Document::Published
        } else {
            crate::minutes::Document::Minutes
        };
        self.write_document(document, crate::report::Format::Html);
    }

    fn print_document(&mut self, document: crate::minutes::Document) {
        self.write_document(document, crate::report::Format::Pdf);
    }

    /// The minutes, the invitation, the copy to publish or an extract, as
    /// PDF or as a web page, written in the background after the guard:
    /// next to the meeting by default, or where the save dialog says.
    fn write_document(
        &mut self,
        document: crate::minutes::Document,
        format: crate::report::Format,
    ) {
        use crate::minutes::Document;
        let (Some(session), Some(doc)) = (&self.meeting, &self.doc) else {
            self.error = Some(texts().no_meeting_open.to_owned());
            return;
        };
        let Some(pledge) = doc.pledge().cloned() else {
            return;
        };
        let meeting = session.meeting().clone();
        let meetings = doc.loaded.meetings.clone();
        let live = if meeting.has_concluded() {
            Vec::new()
        } else {
            doc.prepared().compute(&pledge, meeting.date).snapshots()
        };
        // The guard first, so the chair is taken to the § at once; the
        // guarded document is what the background job prints.
        // An extract is of the § on screen.
        let paragraph = [session.current + 1];
        let guarded =
            crate::minutes::guard_chosen(document, &paragraph, &pledge, &meetings, &meeting, &live);
        let printed = match guarded {
            Ok(printed) => printed,
            Err(err) => {
                if let crate::minutes::MinutesError::PersonalData { .. } = &err
                    && let Some(session) = &mut self.meeting
                {
                    session.mark_personal_data();
                }
                self.view.tab = Tab::Meeting;
                self.error = Some(err.to_string());
                return;
            }
        };
        let warnings = document.case_warnings(&meeting);
        if let Some(first) = warnings.first() {
            // A warning only: the minutes are written, the chair decides.
            self.notice = Some(Notice::new(format!("⚠ {first}")));
        }
        let web = format == crate::report::Format::Html;
        let default =
            session
                .path
                .with_file_name(document.output_name(meeting.date, &paragraph, web));
        let t = texts();
        let (title, working, written): (_, _, fn(&str) -> String) = match document {
            Document::Minutes => (t.print_minutes, t.printing, |p| texts().minutes_written(p)),
            Document::Invitation => (t.print_invitation, t.printing_invitation, |p| {
                texts().invitation_written(p)
            }),
            Document::Published => (t.print_published, t.printing_published, |p| {
                texts().published_written(p)
            }),
            Document::Extract => (t.print_extract, t.printing_extract, |p| {
                texts().extract_written(p)
            }),
        };
        let (title, working, written): (_, _, fn(&str) -> String) = if web {
            (t.save_web_page, t.saving_web_page, |p| {
                texts().web_page_written(p)
            })
        } else {
            (title, working, written)
        };
        let filter: (&str, &[&str]) = if web {
            ("Webbsida", &["html"])
        } else {
            ("PDF", &["pdf"])
        };
        let Some(path) = self.save_path(title, &[filter], default) else {
            return;
        };
        let protected = doc.protected();
        let pdfa = if self.settings.archival_pdf {
            crate::minutes::pdf::PdfA::WhenArchival
        } else {
            crate::minutes::pdf::PdfA::Off
        };
        self.job = Some(Job::write(
            &self.ctx,
            working,
            (path, protected),
            move || {
                if web {
                    Ok(crate::minutes::html::render(&printed).into_bytes())
                } else {
                    crate::minutes::write_pdf(&printed, pdfa).map_err(|e| e.to_string())
                }
            },
            written,
        ));
    }

    /// Opens the "Lägesrapport…" dialog at the dashboard's date.
    fn open_report_dialog(&mut self) {
        let Some(((start, end), as_of)) = self
            .doc
            .as_ref()
            .and_then(|d| Some((d.as_of_range()?, d.as_of)))
        else {
            self.error = Some(texts().no_pledge_for_report.to_owned());
            return;
        };
        // The dates the status can describe: up to a final meeting after the period.
        let dates = crate::model::Period {
            start,
            end,
            signed: None,
        };
        self.report_dialog = Some(ReportDialog::new(
            as_of,
            dates,
            self.report_format,
            self.today,
        ));
    }

    /// Writes the public progress report in the background: the selection
    /// and the personal-data guard first (an error is shown at once), then
    /// the file where the save dialog says, or in the pledge's folder.
    fn write_report(&mut self, as_of: Date, format: crate::report::Format) {
        let Some(doc) = &self.doc else {
            return;
        };
        let Some(pledge) = doc.pledge() else {
            self.error = Some(texts().no_pledge_for_report.to_owned());
            return;
        };
        self.report_format = format;
        let selected =
            crate::report::select(pledge, &doc.loaded.activities, &doc.loaded.meetings, as_of);
        // Guarded once: the refusal shows at once, and the background job
        // writes the guarded report.
        let selected = match selected.guard() {
            Ok(guarded) => guarded,
            Err(err) => {
                self.error = Some(err.to_string());
                return;
            }
        };
        if let Some(first) = selected.case_warnings().first() {
            self.notice = Some(Notice::new(format!("⚠ {first}")));
        }
        let dir = self.output_dir();
        let name = crate::report::file_name(as_of, format);
        let filter = format.extension().to_uppercase();
        let Some(path) = self.save_path(
            texts().progress_report,
            &[(filter.as_str(), &[format.extension()])],
            dir.join(name),
        ) else {
            return;
        };
        self.report_dialog = None;
        let protected = self
            .doc
            .as_ref()
            .map(Document::protected)
            .unwrap_or_default();
        self.job = Some(Job::write(
            &self.ctx,
            texts().writing_report,
            (path, protected),
            move || crate::report::render_guarded(&selected, format).map_err(|e| e.to_string()),
            |p| texts().report_written(p),
        ));
    }

    /// The folder documents are written to by default: the pledge's folder
    /// (the working directory for the built-in sample).
    fn output_dir(&self) -> PathBuf {
        self.doc
            .as_ref()
            .and_then(|d| d.origin.folder())
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default()
    }

    /// Where to write a document: the save dialog starting at `default`, or
    /// `default` itself where no dialog can be shown; `None` when cancelled.
    fn save_path(
        &self,
        title: &str,
        filters: &[(&str, &[&str])],
        default: PathBuf,
    ) -> Option<PathBuf> {
        if !self.file_dialogs {
            return Some(default);
        }
        let picked = pick(|| {
            let mut dialog = rfd::FileDialog::new().set_title(title).set_file_name(
                default
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            );
            for (name, extensions) in filters {
                dialog = dialog.add_filter(*name, extensions);
            }
            if let Some(dir) = default.parent() {
                dialog = dialog.set_directory(dir);
            }
            dialog.save_file()
        });
        match picked {
            Picked::Path(path) => Some(path),
            Picked::Unavailable => Some(default),
            Picked::Cancelled => None,
        }
    }

    /// Picks up a finished document.
    fn poll_job(&mut self) {
        let Some(result) = self.job.as_ref().and_then(Job::poll) else {
            return;
        };
        self.job = None;
        match result {
            Ok(written) => {
                self.notice = Some(Notice {
                    open: Some(written.path.clone()),
                    ..Notice::new(written.notice)
                });
                self.printed = Some(written.path);
            }
            Err(message) => self.error = Some(message),
        }
    }

    /// Whether minutes or a report are being written.
    pub fn is_printing(&self) -> bool {
        self.job.is_some()
    }

    /// The report dialog, when open.
    pub fn report_dialog(&self) -> Option<&ReportDialog> {
        self.report_dialog.as_ref()
    }

    /// The last document (minutes or report) written this session.
    pub fn printed(&self) -> Option<&Path> {
        self.printed.as_deref()
    }

    fn answer_unsaved(&mut self, answer: UnsavedAnswer) {
        let Some(pending) = self.pending_exit.take() else {
            return;
        };
        match answer {
            UnsavedAnswer::Cancel => return,
            UnsavedAnswer::Save => {
                self.meeting_command(MeetingCommand::Save);
                if self.meeting_unsaved() {
                    // Saving failed; the error is shown and nothing is closed.
                    return;
                }
            }
            UnsavedAnswer::Discard => {
                if let Some(session) = &self.meeting {
                    let _ = std::fs::remove_file(super::meeting::recovery_path(&session.path));
                }
            }
        }
        self.meeting = None;
        if pending == PendingExit::Quit {
            self.allow_close = true;
            self.ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    /// Sends a key-driven meeting command when the meeting tab shows a meeting.
    fn in_meeting(&mut self, command: MeetingCommand) -> bool {
        if self.view.tab == Tab::Meeting && self.meeting.is_some() {
            self.meeting_command(command);
            true
        } else {
            false
        }
    }

    /// Öppna mapp / Öppna filer through the system dialog, or the path
    /// dialog where none is available.
    fn open_with_dialog(&mut self, action: Action) {
        match action {
            Action::OpenFolder => {
                let picked = pick(|| {
                    rfd::FileDialog::new()
                        .set_title(texts().open_folder_title)
                        .pick_folder()
                });
                match picked {
                    Picked::Path(path) => self.open(Origin::path(path)),
                    Picked::Unavailable => self.handle(Command::ShowPathDialog(PathPurpose::Open)),
                    Picked::Cancelled => {}
                }
            }
            Action::OpenFiles => {
                let picked = pick(|| {
                    rfd::FileDialog::new()
                        .set_title(texts().open_files_title)
                        .add_filter("RON", &["ron"])
                        .pick_files()
                });
                match picked {
                    Picked::Path(paths) => {
                        if let Some(origin) = Origin::from_files(&paths) {
                            self.open(origin);
                        }
                    }
                    Picked::Unavailable => self.handle(Command::ShowPathDialog(PathPurpose::Open)),
                    Picked::Cancelled => {}
                }
            }
            _ => {}
        }
    }

    fn run(&mut self, action: Action) {
        match action {
            Action::OpenFolder | Action::OpenFiles => self.open_with_dialog(action),
            Action::OpenPath => self.handle(Command::ShowPathDialog(PathPurpose::Open)),
            Action::Reload => self.reload(None),
            Action::SaveSampleAs => {
                if !self.doc.as_ref().is_some_and(Document::is_read_only) {
                    return;
                }
                let picked = pick(|| {
                    rfd::FileDialog::new()
                        .set_title(texts().copy_sample_title)
                        .pick_folder()
                });
                match picked {
                    Picked::Path(folder) => self.copy_sample(&folder),
                    Picked::Unavailable => {
                        self.handle(Command::ShowPathDialog(PathPurpose::CopySample));
                    }
                    Picked::Cancelled => {}
                }
            }
            Action::Find => {
                self.view.tab = Tab::Commitments;
                self.dashboard.focus_search = true;
            }
            Action::NextCommitment | Action::PageDown | Action::NextItem
                if self.in_meeting(MeetingCommand::Next) => {}
            Action::PreviousCommitment | Action::PageUp | Action::PreviousItem
                if self.in_meeting(MeetingCommand::Previous) => {}
            Action::NextCommitment => self.move_selection(1),
            Action::PreviousCommitment => self.move_selection(-1),
            Action::PageDown => self.move_selection(PAGE_ROWS),
            Action::PageUp => self.move_selection(-PAGE_ROWS),
            Action::NextItem | Action::PreviousItem => {}
            Action::Present => self.toggle_presentation(),
            Action::NewMeeting => self.new_meeting(),
            Action::SaveMeeting => self.meeting_command(MeetingCommand::Save),
            Action::Undo if self.meeting_in_front() => {
                self.meeting_command(MeetingCommand::Undo);
            }
            Action::Redo | Action::RedoAlt if self.meeting_in_front() => {
                self.meeting_command(MeetingCommand::Redo);
            }
            Action::Undo => self.undo_activity(),
            Action::Redo | Action::RedoAlt => self.redo_activity(),
            Action::NewActivity => self.new_activity(None),
            Action::ImportActivities => self.pick_import_file(),
            Action::NewPledge => self.open_new_pledge(),
            Action::ExportActivities => self.export_activities(),
            Action::AddDecision => {
                self.in_meeting(MeetingCommand::AddDecision);
            }
            Action::AddAction => {
                self.in_meeting(MeetingCommand::AddAction);
            }
            Action::PrintMinutes => self.print_document(crate::minutes::Document::Minutes),
            Action::PrintInvitation => self.print_document(crate::minutes::Document::Invitation),
            Action::PrintPublished => self.print_document(crate::minutes::Document::Published),
            Action::SaveMinutesWeb => self.save_minutes_web(),
            Action::PrintExtract => self.print_document(crate::minutes::Document::Extract),
            Action::ProgressReport => self.open_report_dialog(),
            Action::Assess(n) => {
                if let Some(assessment) = crate::model::meeting::Assessment::ALL
                    .get(usize::from(n))
                    .copied()
                {
                    self.in_meeting(MeetingCommand::Assess(assessment));
                }
            }
            Action::OpenDetail => {
                if self.view.selected.is_some() {
                    self.view.detail_open = true;
                    self.refresh_detail();
                }
            }
            Action::CloseDetail if self.view.presenting => self.toggle_presentation(),
            Action::CloseDetail => self.view.detail_open = false,
            Action::ZoomIn => egui::gui_zoom::zoom_in(&self.ctx),
            Action::ZoomOut => egui::gui_zoom::zoom_out(&self.ctx),
            Action::ZoomReset => self.ctx.set_zoom_factor(1.0),
            Action::ToggleTheme => {
                self.settings.theme = match self.settings.theme {
                    Theme::Ljust => Theme::Morkt,
                    Theme::Morkt => Theme::Ljust,
                };
                tokens::apply(&self.ctx, self.settings.theme);
            }
            Action::ShowShortcuts => self.shortcuts_open = true,
            Action::Quit => self.ctx.send_viewport_cmd(ViewportCommand::Close),
        }
    }

    /// Opens new data; on failure the current data stays and the error is shown.
    fn open(&mut self, origin: Origin) {
        let other_origin = self.doc.as_ref().is_none_or(|d| d.origin != origin);
        if other_origin && self.meeting_unsaved() {
            self.error = Some(texts().unsaved_body.to_owned());
            self.view.tab = Tab::Meeting;
            return;
        }
        match Document::open(origin, self.today) {
            Ok(doc) => {
                if let Some(folder) = doc.origin.folder() {
                    self.settings.remember(&folder);
                } else if let Origin::Path { path, .. } = &doc.origin {
                    self.settings.remember(path);
                }
                let same_origin = self.doc.as_ref().is_some_and(|d| d.origin == doc.origin);
                if !same_origin {
                    self.view = ViewState::default();
                    self.dashboard = DashboardView::default();
                }
                self.watch = Watch::new(doc.files_on_disk(), doc.origin.folder().as_deref());
                if !same_origin {
                    // A meeting left unsaved last time is offered at once.
                    self.meeting = MeetingSession::left_unsaved(&doc);
                    if self.meeting.is_some() {
                        self.view.tab = Tab::Meeting;
                    }
                }
                self.doc = Some(doc);
                self.path_dialog = None;
                self.refresh_rows();
            }
            Err(err) => self.error = Some(err.to_string()),
        }
    }

    /// Reads the same files again, keeping selection, filters and date.
    /// `changed` names the files that prompted it, for the notice.
    fn reload(&mut self, changed: Option<&[PathBuf]>) {
        if !self.reload_quietly() {
            return;
        }
        let t = texts();
        let mut text = match changed {
            Some(paths) => t.files_changed(&file_names(paths)),
            None => t.reloaded.to_owned(),
        };
        // The open meeting shows (or merges) the file it was read from, so
        // "inläst igen" is true of the chairing view too.
        if let Some(session) = &mut self.meeting
            && let Some(meeting) = session.file_changed()
        {
            text = format!("{}. {meeting}", text.trim_end_matches('.'));
        }
        self.notice = Some(Notice::new(text));
    }

    /// Reads the same files again, keeping the view, without a notice (after
    /// the app's own writes); `false` when it failed (the error is shown).
    fn reload_quietly(&mut self) -> bool {
        let Some(doc) = &self.doc else { return false };
        match doc.reloaded(self.today) {
            Ok(doc) => {
                self.watch = Watch::new(doc.files_on_disk(), doc.origin.folder().as_deref());
                if let Some(session) = &mut self.meeting {
                    session.refresh(&doc);
                }
                self.doc = Some(doc);
                self.refresh_rows();
                true
            }
            Err(err) => {
                self.error = Some(err.to_string());
                false
            }
        }
    }

    fn add_activity_files(&mut self, paths: Vec<PathBuf>) {
        let Some(doc) = &self.doc else {
            self.error = Some(texts().no_pledge_for_activities.to_owned());
            return;
        };
        match &doc.origin {
            Origin::Sample => self.error = Some(texts().sample_is_read_only.to_owned()),
            Origin::Path { path, extra } => {
                let mut extra = extra.clone();
                for p in paths {
                    if !extra.contains(&p) && !doc.files_on_disk().contains(&p) {
                        extra.push(p);
                    }
                }
                let origin = Origin::Path {
                    path: path.clone(),
                    extra,
                };
                self.open(origin);
            }
        }
    }

    fn copy_sample(&mut self, folder: &Path) {
        match copy_sample_to(folder) {
            Ok(()) => {
                self.open(Origin::path(folder));
                self.notice = Some(Notice::new(
                    texts().sample_copied(&folder.display().to_string()),
                ));
            }
            Err(err) => self.error = Some(err.to_string()),
        }
    }

    fn set_filters(&mut self, filters: Filters) {
        self.view.filters = filters;
        self.refresh_lines();
    }

    fn move_selection(&mut self, step: isize) {
        let visible = self.visible_commitments();
        if visible.is_empty() {
            return;
        }
        let current = self
            .view
            .selected
            .as_ref()
            .and_then(|id| visible.iter().position(|v| v == id));
        let last = visible.len() - 1;
        let next = match current {
            None if step >= 0 => 0,
            None => last,
            Some(i) => i.saturating_add_signed(step).min(last),
        };
        self.view.selected = visible.get(next).cloned();
        self.dashboard.scroll_to_selected = true;
        self.refresh_detail();
    }

    /// Rebuilds the rows after the data or the date changed.
    fn refresh_rows(&mut self) {
        self.rows = match self
            .doc
            .as_ref()
            .and_then(|d| Some((d.pledge()?, d.status.as_ref()?)))
        {
            Some((pledge, report)) => Rows::new(
                pledge,
                self.doc
                    .as_ref()
                    .map_or(&[], |d| d.loaded.meetings.as_slice()),
                report,
            ),
            None => Rows::default(),
        };
        if let Some(id) = &self.view.selected
            && self.rows.row(id).is_none()
        {
            self.view.selected = None;
            self.view.detail_open = false;
        }
        self.refresh_lines();
        self.refresh_detail();
    }

    fn refresh_lines(&mut self) {
        self.lines = self.rows.lines(&self.view.filters, self.view.sort);
    }

    fn refresh_detail(&mut self) {
        self.detail = match (&self.doc, &self.view.selected) {
            (Some(doc), Some(id)) if self.view.detail_open => {
                Detail::new(doc, id, self.view.entry_sort)
            }
            _ => None,
        };
    }

    fn any_modal_open(&self) -> bool {
        self.path_dialog.is_some()
            || self.report_dialog.is_some()
            || self.activity_form.is_some()
            || self.import_dialog.is_some()
            || self.planning.is_some()
            || self.new_pledge.is_some()
            || self.new_meeting_dialog.is_some()
            || self.shortcuts_open
            || self.error.is_some()
            || self.pending_exit.is_some()
            || self.meeting.as_ref().is_some_and(|s| {
                s.recovery.is_some() || s.reopen_reason.is_some() || s.conflict.is_some()
            })
    }

    /// Checks the files on disk now and then; reloads what changed.
    fn poll_files(&mut self, now_secs: f64) {
        let due = self
            .last_poll_secs
            .is_none_or(|last| now_secs - last >= self.poll_interval_secs);
        if !due {
            return;
        }
        self.last_poll_secs = Some(now_secs);
        let changed = self.watch.changed();
        if !changed.is_empty() {
            self.reload(Some(&changed));
        }
    }

    fn dropped_files(&mut self, paths: Vec<PathBuf>) {
        if let Some(folder) = paths.iter().find(|p| p.is_dir()) {
            self.open(Origin::path(folder.clone()));
            return;
        }
        let has_pledge = paths.iter().any(|p| Origin::looks_like_pledge(p));
        if has_pledge {
            if let Some(origin) = Origin::from_files(&paths) {
                self.open(origin);
            }
        } else if !paths.is_empty() {
            self.add_activity_files(paths);
        }
    }

    fn window_title(&self) -> String {
        let t = texts();
        match &self.doc {
            None => t.app_name.to_owned(),
            Some(doc) => {
                let name = doc
                    .pledge()
                    .map_or(t.unreadable_pledge, |p| p.title.as_str());
                match &doc.origin {
                    Origin::Sample => format!("{name} – {} – {}", t.sample_title, t.app_name),
                    Origin::Path { path, .. } => format!(
                        "{name} – {} – {}",
                        crate::store::paths::display(path),
                        t.app_name
                    ),
                }
            }
        }
    }

    /// "⚠ 2 fel och 1 varning i filerna" with a way to the Problem tab. In
    /// the status bar: a file that turns bad on a reload during a meeting
    /// must not push the page down under the chair's pointer.
    fn problems_line_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let t = texts();
        let palette = Palette::for_ui(ui);
        if let Some(doc) = &self.doc
            && !doc.loaded.problems.is_empty()
            && self.view.tab != Tab::Problems
        {
            let errors = doc
                .loaded
                .problems
                .iter()
                .filter(|p| p.severity == crate::model::Severity::Fel)
                .count();
            let warnings = doc.loaded.problems.len() - errors;
            ui.horizontal_wrapped(|ui| {
                let colour = if errors > 0 {
                    palette.error
                } else {
                    palette.warning
                };
                ui.label(
                    RichText::new(format!("⚠ {}", t.problem_counts(errors, warnings)))
                        .color(colour)
                        .strong(),
                );
                if ui.button(t.show_problems).clicked() {
                    commands.push(Command::SetTab(Tab::Problems));
                }
            });
        }
    }

    /// The notice ("Mötet sparades", "Protokollet skrevs till …") and the
    /// running job, as a toast over the bottom right corner. It takes no
    /// space from the page: a notice that pushed the page down made a click
    /// meant for one field land on another during a meeting.
    fn notice_overlay_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let t = texts();
        if self.notice.is_none() && self.job.is_none() {
            return;
        }
        let now = ctx.input(|i| i.time);
        egui::Area::new(egui::Id::unique("notice_overlay"))
            .order(egui::Order::Foreground)
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -40.0))
            .interactable(true)
            .show(ctx, |ui| {
                ui.set_max_width(520.0);
                let stroke = ui.visuals().widgets.noninteractive.bg_stroke;
                egui::Frame::new()
                    .fill(Palette::for_ui(ui).notice_fill)
                    .stroke(stroke)
                    .corner_radius(6.0)
                    .inner_margin(10.0)
                    .show(ui, |ui| {
                        if let Some(job) = &self.job {
                            ui.horizontal(|ui| {
                                ui.spinner();
                                ui.label(job.working);
                            });
                        }
                        let Some(notice) = &mut self.notice else {
                            return;
                        };
                        let since = *notice.since_secs.get_or_insert(now);
                        if now - since > tokens::NOTICE_SECS {
                            commands.push(Command::DismissNotice);
                        } else {
                            ctx.request_repaint_after(Duration::from_secs_f64(tokens::NOTICE_SECS));
                        }
                        ui.horizontal_wrapped(|ui| {
                            ui.label(format!("ℹ {}", notice.text));
                            if let Some(path) = &notice.open
                                && ui.button(t.open_pdf).clicked()
                                && let Err(err) = opener::open(path)
                            {
                                commands.push(Command::ShowError(t.cannot_open(&err.to_string())));
                            }
                            if ui.button(t.dismiss).clicked() {
                                commands.push(Command::DismissNotice);
                            }
                        });
                    });
            });
    }

    fn tabs_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let t = texts();
        let problems = self.doc.as_ref().map_or(0, |d| d.loaded.problems.len());
        ui.horizontal(|ui| {
            for (tab, label) in [
                (Tab::Commitments, t.tab_commitments.to_owned()),
                (Tab::Overview, t.tab_overview.to_owned()),
                (Tab::Effects, t.tab_effects.to_owned()),
                (Tab::Problems, format!("{} ({problems})", t.tab_problems)),
                (Tab::Meeting, t.tab_meeting.to_owned()),
            ] {
                if ui
                    .add(egui::Button::selectable(
                        self.view.tab == tab,
                        RichText::new(label).strong(),
                    ))
                    .clicked()
                {
                    commands.push(Command::SetTab(tab));
                }
            }
        });
    }

    /// The status bar: what is open and how much. For the read-only sample
    /// it carries the sample notice and "Spara som…" in the banner colour,
    /// where it takes no row from the table (at 1366×768 every row counts).
    fn status_bar_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let t = texts();
        self.problems_line_ui(ui, commands);
        if self.doc.as_ref().is_some_and(Document::is_read_only) {
            let palette = Palette::for_ui(ui);
            egui::Frame::new()
                .fill(palette.banner_fill)
                .inner_margin(egui::Margin::symmetric(6, 2))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(t.sample_banner).strong());
                        if ui.button(Action::SaveSampleAs.label()).clicked() {
                            commands.push(Command::Run(Action::SaveSampleAs));
                        }
                        if let Some(doc) = &self.doc {
                            let entries: usize =
                                doc.activities().iter().map(|f| f.entries.len()).sum();
                            ui.label(t.activity_counts(entries, doc.activities().len()));
                        }
                    });
                });
            return;
        }
        ui.horizontal_wrapped(|ui| match &self.doc {
            None => {
                ui.label(t.nothing_open);
            }
            Some(doc) => {
                let source = match &doc.origin {
                    Origin::Sample => t.sample_title.to_owned(),
                    Origin::Path { path, .. } => crate::store::paths::display(path),
                };
                let entries: usize = doc.activities().iter().map(|f| f.entries.len()).sum();
                ui.label(t.status_bar(&source, entries, doc.activities().len()));
            }
        });
    }

    fn welcome_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let t = texts();
        ui.add_space(tokens::GAP * 3.0);
        ui.heading(t.welcome_heading);
        ui.label(t.welcome_body);
        ui.add_space(tokens::GAP);
        for action in [Action::OpenFolder, Action::OpenFiles, Action::OpenPath] {
            if ui.button(action.label()).clicked() {
                commands.push(Command::Run(action));
            }
        }
        if ui.button(t.open_sample).clicked() {
            commands.push(Command::Open(Origin::Sample));
        }
        if !self.settings.recent.is_empty() {
            ui.add_space(tokens::GAP);
            ui.label(RichText::new(t.recent).strong());
            for path in &self.settings.recent {
                if ui.link(crate::store::paths::display(path)).clicked() {
                    commands.push(Command::Open(Origin::path(path.clone())));
                }
            }
        }
    }

    fn central_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let Some(doc) = &self.doc else {
            self.welcome_ui(ui, commands);
            return;
        };
        if self.view.presenting
            && self.view.tab == Tab::Meeting
            && let Some(session) = &mut self.meeting
        {
            presentation_ui(ui, session, doc, commands);
            return;
        }
        match self.view.tab {
            Tab::Commitments => {
                let data = DashboardData {
                    doc,
                    rows: &self.rows,
                    lines: &self.lines,
                    view: &self.view,
                    today: self.today,
                };
                self.dashboard.ui(ui, &data, commands);
            }
            Tab::Overview => overview_ui(ui, doc),
            Tab::Effects => effects_ui(ui, doc),
            Tab::Problems => problems_ui(ui, &doc.loaded, self.view.selected_problem, commands),
            Tab::Meeting => match &mut self.meeting {
                Some(session) => chairing_ui(ui, session, doc, commands),
                None => meetings_list_ui(ui, doc, commands),
            },
        }
    }
}

/// What a file dialog gave back.
enum Picked<T> {
    Path(T),
    Cancelled,
    Unavailable,
}

/// Runs a file dialog, telling "cancelled" from "no dialog available".
fn pick<T>(dialog: impl FnOnce() -> Option<T>) -> Picked<T> {
    // Without a session bus there is no desktop portal: do not even try.
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        return Picked::Unavailable;
    }
    let started = Instant::now();
    match dialog() {
        Some(value) => Picked::Path(value),
        None if started.elapsed().as_secs_f64() < DIALOG_UNAVAILABLE_SECS => Picked::Unavailable,
        None => Picked::Cancelled,
    }
}

fn file_names(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl App {
    /// The menu row, with the tabs.
    fn top_panels_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let menu_state = MenuState {
            recent: &self.settings.recent,
            is_sample: self.doc.as_ref().is_some_and(Document::is_read_only),
            tab: self.view.tab,
            theme: self.settings.theme,
            has_selection: self.view.selected.is_some(),
            has_meeting: self.meeting.is_some(),
            meeting_justerat: self.meeting.as_ref().is_some_and(|s| {
                s.meeting().state == crate::model::meeting::MeetingState::Justerat
            }),
            has_pledge: self.doc.as_ref().is_some_and(|d| d.pledge().is_some()),
            archival_pdf: self.settings.archival_pdf,
        };
        // The tabs share the menu's row: one row less above the table.
        egui::Panel::top("menu").show(ui, |ui| {
            menu_bar_ui(ui, &menu_state, commands, |ui, commands| {
                if self.doc.is_some() {
                    ui.separator();
                    self.tabs_ui(ui, commands);
                }
            });
        });
    }
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if !self.any_modal_open() {
            for action in Action::pressed(ctx) {
                self.handle(Command::Run(action));
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| crate::store::paths::native(f.path()))
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.dropped_files(dropped);
        }
        if self.doc.as_ref().is_some_and(|d| !d.is_read_only()) {
            let now = ctx.input(|i| i.time);
            self.poll_files(now);
            ctx.request_repaint_after(Duration::from_secs_f64(self.poll_interval_secs));
        }
        self.poll_job();
        if let Some(session) = &mut self.meeting {
            let now = ctx.input(|i| i.time);
            session.autosave(now);
            if let Some(secs) = session.autosave_due_in(now) {
                ctx.request_repaint_after(Duration::from_secs_f64(secs));
            }
        }
        let close_requested = ctx.input(|i| i.viewport().close_requested());
        if close_requested && !self.allow_close && self.meeting_unsaved() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.pending_exit = Some(PendingExit::Quit);
        }
        let title = self.window_title();
        if self.title_sent.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title_sent = Some(title);
        }
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let mut commands = Vec::new();
        let presenting = self.presenting();
        if !presenting {
            self.top_panels_ui(ui, &mut commands);
            egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui, &mut commands));
        }
        if let (Some(doc), Some(detail)) = (&self.doc, &self.detail)
            && self.view.detail_open
            && !presenting
        {
            egui::Panel::right("detail")
                .resizable(true)
                .default_size(tokens::DETAIL_WIDTH)
                .min_size(360.0)
                .show(ui, |ui| {
                    detail_ui(ui, doc, detail, self.view.entry_sort, &mut commands);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, &mut commands));
        let ctx = ui.ctx().clone();
        if let Some(dialog) = &mut self.path_dialog {
            dialog.ui(&ctx, &mut commands);
        } else if let Some(dialog) = &mut self.report_dialog {
            dialog.ui(&ctx, &mut commands);
        } else if self.activity_form.is_some() {
            self.check_form();
            let places = self.known_places();
            if let (Some(form), Some(pledge)) = (
                &mut self.activity_form,
                self.doc.as_ref().and_then(Document::pledge),
            ) {
                form.ui(
                    &ctx,
                    pledge,
                    &places,
                    &self.form_problems,
                    self.today,
                    &mut commands,
                );
            }
        } else if self.planning.is_some() {
            let problem = self.planning_problem();
            if let (Some(dialog), Some(pledge)) = (
                &mut self.planning,
                self.doc.as_ref().and_then(Document::pledge),
            ) {
                dialog.ui(&ctx, pledge, problem.as_deref(), &mut commands);
            }
        } else if self.new_pledge.is_some() {
            let problem = self
                .new_pledge
                .as_ref()
                .and_then(|d| d.pledge(self.doc.as_ref().and_then(Document::pledge)).err());
            if let Some(dialog) = &mut self.new_pledge {
                dialog.ui(&ctx, problem.as_deref(), &mut commands);
            }
        } else if self.import_dialog.is_some() {
            self.refresh_import_plan();
            if let (Some(dialog), Some(pledge)) = (
                &mut self.import_dialog,
                self.doc.as_ref().and_then(Document::pledge),
            ) {
                dialog.ui(&ctx, pledge, &mut commands);
            }
        } else if self.shortcuts_open {
            shortcuts_ui(&ctx, &mut commands);
        } else if let (Some(dialog), Some(doc)) = (&mut self.new_meeting_dialog, &self.doc) {
            dialog.ui(&ctx, doc, self.today, &mut commands);
        }
        if let Some(session) = &mut self.meeting {
            session_dialogs_ui(&ctx, session, &mut commands);
        }
        if self.pending_exit.is_some() {
            unsaved_ui(&ctx, &mut commands);
        }
        if let Some(message) = &self.error {
            error_ui(&ctx, message, &mut commands);
        }
        self.notice_overlay_ui(&ctx, &mut commands);
        for command in commands {
            self.handle(command);
        }
        self.apply_presentation(&ctx);
    }

    /// Settings (the recent folders) are kept every few seconds, not every
    /// 30: after a crash the restart must know which folder was open.
    fn auto_save_interval(&self) -> Duration {
        Duration::from_secs(5)
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // eframe calls this now and then and on exit: a good moment to make
        // sure the meeting's recovery file is current.
        if let Some(session) = &mut self.meeting {
            session.autosave(f64::INFINITY);
        }
        self.settings.zoom = self.ctx.zoom_factor();
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }
}
