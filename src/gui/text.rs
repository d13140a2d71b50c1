//! Every text the GUI shows, in one table per language, so English can be
//! added by writing a second table without touching any view.
//!
//! Views call [`texts()`] and read fields; texts with numbers or names are
//! methods backed by a small function in the table.

use crate::format::count;
use crate::model::Date;

/// All user-visible texts of the GUI.
#[allow(missing_docs)] // the field names say what each text is
pub struct Texts {
    pub app_name: &'static str,
    pub all_areas: &'static str,
    pub all_parties: &'static str,
    pub all_statuses: &'static str,
    pub area_filter: &'static str,
    pub as_of_hint: &'static str,
    pub as_of_label: &'static str,
    pub as_of_slider: &'static str,
    pub as_of_slider_hint: &'static str,
    pub assessments_heading: &'static str,
    pub cancel_button: &'static str,
    pub chart_as_of: &'static str,
    pub chart_expected: &'static str,
    pub chart_reported: &'static str,
    pub clear_filters: &'static str,
    pub close_button: &'static str,
    pub close_detail: &'static str,
    pub close_detail_button: &'static str,
    pub close_detail_hint: &'static str,
    pub col_assessment: &'static str,
    pub col_date: &'static str,
    pub col_id: &'static str,
    pub col_last_report: &'static str,
    pub col_last_report_short: &'static str,
    pub col_message: &'static str,
    pub col_note: &'static str,
    pub col_parties: &'static str,
    pub col_party: &'static str,
    pub col_place: &'static str,
    pub col_place_in_file: &'static str,
    pub col_progress: &'static str,
    pub col_quantity: &'static str,
    pub col_reported: &'static str,
    pub col_severity: &'static str,
    pub col_status: &'static str,
    pub col_target: &'static str,
    pub col_text: &'static str,
    pub commitment: &'static str,
    pub copy_sample_body: &'static str,
    pub copy_sample_title: &'static str,
    pub dark_theme: &'static str,
    pub dismiss: &'static str,
    pub error_title: &'static str,
    pub example_target: &'static str,
    pub find: &'static str,
    pub focus_suffix: &'static str,
    pub lead: &'static str,
    /// Heading of the pledge's signatories in the detail panel.
    pub pledge_signed: &'static str,
    pub light_theme: &'static str,
    pub menu_file: &'static str,
    pub menu_help: &'static str,
    pub menu_meeting: &'static str,
    pub menu_view: &'static str,
    pub next_commitment: &'static str,
    pub no_assessment_hint: &'static str,
    pub no_assessments: &'static str,
    pub chart_meeting: &'static str,
    pub no_entries: &'static str,
    pub no_excerpt: &'static str,
    pub no_pledge_body: &'static str,
    pub no_pledge_heading: &'static str,
    pub no_problems: &'static str,
    pub no_recent: &'static str,
    pub no_target: &'static str,
    pub nothing_open: &'static str,
    pub ok_button: &'static str,
    pub open_button: &'static str,
    pub open_detail: &'static str,
    pub open_files: &'static str,
    pub open_folder: &'static str,
    pub open_path: &'static str,
    pub open_path_body: &'static str,
    pub open_path_title: &'static str,
    pub open_sample: &'static str,
    pub other_actors: &'static str,
    /// Detail panel: where a carried-over commitment comes from.
    pub carried_over: &'static str,
    /// Detail panel: the commitment's revisions.
    pub revisions: &'static str,
    /// Detail panel: the wording before a revision.
    pub previous_wording: &'static str,
    /// Detail panel: the target before a target change.
    pub previous_target: &'static str,
    pub owners: &'static str,
    pub page_down: &'static str,
    pub page_up: &'static str,
    pub party_filter: &'static str,
    pub path_hint: &'static str,
    pub path_label: &'static str,
    pub per_area: &'static str,
    pub per_party: &'static str,
    pub period: &'static str,
    pub period_end: &'static str,
    pub period_start: &'static str,
    pub places: &'static str,
    pub places_heading: &'static str,
    pub previous_commitment: &'static str,
    pub problem_areas: &'static str,
    pub quit: &'static str,
    pub recent: &'static str,
    pub reload: &'static str,
    pub reloaded: &'static str,
    pub reports_per_month: &'static str,
    pub reports_unit: &'static str,
    pub sample_banner: &'static str,
    pub sample_title: &'static str,
    pub save_button: &'static str,
    pub save_sample_as: &'static str,
    pub search_hint: &'static str,
    pub search_label: &'static str,
    pub shortcuts_title: &'static str,
    /// Shortcut help: keys in forms and dialogs.
    pub shortcut_forms: &'static str,
    /// Shortcut help: Alt+↓ in a date field.
    pub shortcut_calendar: &'static str,
    /// Shortcut help: Escape in a dialog.
    pub shortcut_close_dialog: &'static str,
    pub show_problems: &'static str,
    pub show_shortcuts: &'static str,
    pub sort_hint: &'static str,
    pub status_chip_hint: &'static str,
    pub status_filter: &'static str,
    pub tab_commitments: &'static str,
    pub tab_overview: &'static str,
    pub tab_effects: &'static str,
    pub effects_intro: &'static str,
    pub no_indicators: &'static str,
    pub indicator_area: &'static str,
    pub indicator_latest: &'static str,
    pub indicator_change: &'static str,
    pub indicator_goal: &'static str,
    pub indicator_values: &'static str,
    pub indicator_no_chart: &'static str,
    pub indicator_goal_line: &'static str,
    pub indicator_value_line: &'static str,
    pub tab_problems: &'static str,
    pub today: &'static str,
    pub toggle_theme: &'static str,
    pub unreadable_pledge: &'static str,
    pub welcome_body: &'static str,
    pub welcome_heading: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub zoom_reset: &'static str,
    pub sample_meeting_read_only: &'static str,
    pub meeting_title_prefix: &'static str,
    pub not_a_commitment_item: &'static str,
    pub meetings_heading: &'static str,
    pub no_meetings: &'static str,
    pub unsaved: &'static str,
    pub start_meeting: &'static str,
    pub end_meeting: &'static str,
    pub adjust_meeting: &'static str,
    pub resume_meeting: &'static str,
    pub reopen_meeting: &'static str,
    pub reopen_confirm: &'static str,
    pub close_meeting: &'static str,
    pub agenda: &'static str,
    pub adjusted_read_only: &'static str,
    pub item_handled: &'static str,
    pub discussion: &'static str,
    pub no_previous_assessment: &'static str,
    pub assessment_heading: &'static str,
    pub reason_label: &'static str,
    pub reason_required: &'static str,
    pub decisions_heading: &'static str,
    pub decision_hint: &'static str,
    pub actions_heading: &'static str,
    pub action_text_hint: &'static str,
    pub responsible_hint: &'static str,
    pub due_hint: &'static str,
    pub action_heading: &'static str,
    pub no_earlier_actions: &'static str,
    pub recovery_title: &'static str,
    pub recovery_body: &'static str,
    pub restore_button: &'static str,
    pub discard_button: &'static str,
    pub reopen_title: &'static str,
    pub reopen_body: &'static str,
    pub tab_meeting: &'static str,
    pub new_meeting: &'static str,
    pub save_meeting: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub next_item: &'static str,
    pub previous_item: &'static str,
    pub add_decision: &'static str,
    pub add_action: &'static str,
    pub assess_1: &'static str,
    pub assess_2: &'static str,
    pub assess_3: &'static str,
    pub assess_4: &'static str,
    pub assess_5: &'static str,
    pub assess_6: &'static str,
    pub assess_7: &'static str,
    pub no_condition_to_assess: &'static str,
    pub assess_8: &'static str,
    pub redo_alt: &'static str,
    pub unsaved_title: &'static str,
    pub unsaved_body: &'static str,
    pub dont_save_button: &'static str,
    pub participants_heading: &'static str,
    pub add_participant: &'static str,
    pub participant_name: &'static str,
    pub excused: &'static str,
    pub details_heading: &'static str,
    pub meeting_name: &'static str,
    pub start_time: &'static str,
    pub end_time: &'static str,
    pub place_label: &'static str,
    pub adjustment_place: &'static str,
    pub adjustment_date: &'static str,
    /// Where the signed original of the minutes is kept.
    pub kept_at_label: &'static str,
    /// Example of [`Texts::kept_at_label`].
    pub kept_at_hint: &'static str,
    /// Before the justerade meeting's fingerprint, as the minutes' footer.
    pub fingerprint_label: &'static str,
    /// Why the fingerprint is shown.
    pub fingerprint_hover: &'static str,
    pub next_meeting_heading: &'static str,
    pub move_item_up: &'static str,
    pub move_item_down: &'static str,
    pub remove_item: &'static str,
    pub new_item_label: &'static str,
    pub add_item: &'static str,
    pub conflict_title: &'static str,
    pub conflict_no_changes: &'static str,
    pub save_copy_button: &'static str,
    pub reload_from_disk_button: &'static str,
    pub conflict_merge_body: &'static str,
    pub conflict_our_changes: &'static str,
    pub conflict_choose: &'static str,
    pub conflict_field_heading: &'static str,
    pub conflict_theirs_heading: &'static str,
    pub conflict_ours_heading: &'static str,
    pub merge_save_button: &'static str,
    pub meeting_file_conflicts: &'static str,
    pub meeting_copy_note: &'static str,
    pub never_saved: &'static str,
    pub print_minutes: &'static str,
    pub print_invitation: &'static str,
    /// The menu entry for justerade minutes as published.
    pub print_published: &'static str,
    /// Saving the minutes as a web page.
    pub save_web_page: &'static str,
    /// Printing an extract of the § on screen.
    pub print_extract: &'static str,
    /// The Möte menu's choice of PDF/A for justerade minutes.
    pub archival_pdf: &'static str,
    /// What that choice means.
    pub archival_pdf_hint: &'static str,
    pub progress_report: &'static str,
    pub report_title: &'static str,
    pub report_body: &'static str,
    pub report_as_of_label: &'static str,
    pub report_format_label: &'static str,
    pub report_pdf: &'static str,
    pub report_html: &'static str,
    pub report_write: &'static str,
    pub writing_report: &'static str,
    pub job_failed: &'static str,
    pub no_pledge_for_report: &'static str,
    pub new_activity: &'static str,
    pub import_activities: &'static str,
    pub form_new_title: &'static str,
    pub form_edit_title: &'static str,
    pub form_date: &'static str,
    pub form_until: &'static str,
    /// Calendar: opens it for the first day.
    pub calendar_for_date: &'static str,
    /// Calendar: opens it for the last day.
    pub calendar_for_until: &'static str,
    /// Calendar: opens it for a period's first day.
    pub calendar_for_start: &'static str,
    /// Calendar: opens it for a milestone's date.
    pub calendar_for_by: &'static str,
    /// Calendar: opens it for a revision's date.
    pub calendar_for_revision: &'static str,
    /// Calendar: previous month.
    pub calendar_previous: &'static str,
    /// Calendar: next month.
    pub calendar_next: &'static str,
    /// Calendar: heading of the week-number column.
    pub calendar_week: &'static str,
    pub form_until_hint: &'static str,
    pub form_commitment: &'static str,
    pub form_no_commitment: &'static str,
    pub form_search_commitment: &'static str,
    pub form_search_hint: &'static str,
    pub form_unit: &'static str,
    pub form_place_hint: &'static str,
    pub form_place_suggestions: &'static str,
    pub form_note: &'static str,
    pub form_note_hint: &'static str,
    pub form_save: &'static str,
    pub form_save_hint: &'static str,
    pub form_choose_commitment: &'static str,
    pub form_choose_party: &'static str,
    pub form_unit_missing: &'static str,
    pub form_duplicate: &'static str,
    pub edit_activity: &'static str,
    pub delete_activity: &'static str,
    pub activity_deleted: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    pub import_title: &'static str,
    pub import_sheet: &'static str,
    pub import_party: &'static str,
    pub import_party_from_sheet: &'static str,
    pub import_mapping_hint: &'static str,
    pub import_row: &'static str,
    pub import_unused: &'static str,
    pub import_only_valid: &'static str,
    pub import_button: &'static str,
    pub import_pick_title: &'static str,
    pub new_pledge: &'static str,
    pub export_activities: &'static str,
    pub exporting: &'static str,
    pub planning_button: &'static str,
    pub planning_places: &'static str,
    pub planning_places_hint: &'static str,
    pub planning_save: &'static str,
    pub planning_target: &'static str,
    pub planning_no_target: &'static str,
    pub planning_total: &'static str,
    pub form_milestone_reached: &'static str,
    pub form_together_with: &'static str,
    pub form_part: &'static str,
    pub form_no_part: &'static str,
    pub form_instead: &'static str,
    pub instead_heading: &'static str,
    pub coverage_heading: &'static str,
    pub form_instead_hint: &'static str,
    pub form_milestone_reached_hint: &'static str,
    pub planning_per_day: &'static str,
    pub planning_per_week: &'static str,
    pub planning_per_year: &'static str,
    pub planning_weekdays: &'static str,
    pub planning_coverage: &'static str,
    pub planning_coverage_times: &'static str,
    pub planning_coverage_period: &'static str,
    pub planning_coverage_hint: &'static str,
    pub planning_weekdays_label: &'static str,
    pub planning_no_weekday: &'static str,
    pub planning_by_hint: &'static str,
    pub planning_per_month: &'static str,
    pub planning_milestone: &'static str,
    pub planning_by: &'static str,
    pub planning_amount: &'static str,
    pub planning_average: &'static str,
    pub planning_condition: &'static str,
    pub planning_condition_hint: &'static str,
    pub planning_no_lead: &'static str,
    pub planning_revise: &'static str,
    pub planning_change_target: &'static str,
    pub planning_change_target_hint: &'static str,
    pub planning_text_protected: &'static str,
    pub planning_new_text: &'static str,
    pub planning_revision_date: &'static str,
    pub planning_reason: &'static str,
    pub new_pledge_title: &'static str,
    pub new_pledge_renew: &'static str,
    pub new_pledge_empty: &'static str,
    pub new_pledge_folder: &'static str,
    /// New pledge: the folder picker button.
    pub new_pledge_browse: &'static str,
    /// New pledge: the folder dialog's title.
    pub new_pledge_pick_title: &'static str,
    /// New pledge: no folder dialog on this machine.
    pub new_pledge_no_folder_dialog: &'static str,
    pub new_pledge_name: &'static str,
    pub new_pledge_start: &'static str,
    pub new_pledge_end: &'static str,
    pub new_pledge_police: &'static str,
    pub new_pledge_municipality: &'static str,
    pub new_pledge_renew_hint: &'static str,
    pub new_pledge_empty_hint: &'static str,
    pub new_pledge_create: &'static str,
    pub new_pledge_no_folder: &'static str,
    pub new_pledge_no_title: &'static str,
    pub new_pledge_bad_period: &'static str,
    pub new_pledge_no_parties: &'static str,
    pub import_path_body: &'static str,
    pub no_meeting_open: &'static str,
    pub open_pdf: &'static str,
    pub printing: &'static str,
    pub printing_invitation: &'static str,
    /// While the published copy is written.
    pub printing_published: &'static str,
    /// While the web page is written.
    pub saving_web_page: &'static str,
    /// While the extract is written.
    pub printing_extract: &'static str,
    pub open_folder_title: &'static str,
    pub open_files_title: &'static str,
    pub no_pledge_for_activities: &'static str,
    /// Why nothing is imported while the files have errors.
    pub import_with_load_errors: &'static str,
    /// Why nothing is exported while the files have errors.
    pub export_with_load_errors: &'static str,
    pub sample_is_read_only: &'static str,
    meeting_exists_fn: fn(&str) -> String,
    open_meeting_fn: fn(&str) -> String,
    meeting_state_fn: fn(&str) -> String,
    figures_kept_fn: fn(usize) -> String,
    previous_assessment_fn: fn(&str, &str) -> String,
    assessment_key_hint_fn: fn(usize) -> String,
    decision_label_fn: fn(usize) -> String,
    remove_decision_fn: fn(usize) -> String,
    action_label_fn: fn(&str) -> String,
    remove_action_fn: fn(&str) -> String,
    action_status_label_fn: fn(&str, &str) -> String,
    meeting_saved_fn: fn(&str) -> String,
    remove_participant_fn: fn(&str) -> String,
    saved_as_copy_fn: fn(&str) -> String,
    also_in_recovery_fn: fn(&str, &str) -> String,
    auto_merged_fn: fn(usize) -> String,
    from_file_fn: fn(&[String]) -> String,
    renumbered_fn: fn(&[String]) -> String,
    theirs_choice_fn: fn(&str) -> String,
    ours_choice_fn: fn(&str) -> String,
    merged_and_saved_fn: fn(usize, &[String], &str) -> String,
    resolved_and_saved_fn: fn(&str) -> String,
    merged_unsaved_fn: fn(usize, &[String]) -> String,
    meeting_took_file_fn: fn(&[String]) -> String,
    meeting_file_unreadable_fn: fn(&str) -> String,
    conflict_unreadable_fn: fn(&str) -> String,
    open_copy_fn: fn(&str) -> String,
    minutes_written_fn: fn(&str) -> String,
    invitation_written_fn: fn(&str) -> String,
    published_written_fn: fn(&str) -> String,
    web_page_written_fn: fn(&str) -> String,
    extract_written_fn: fn(&str) -> String,
    report_written_fn: fn(&str) -> String,
    report_outside_period_fn: fn(Date, Date) -> String,
    form_saved_count_fn: fn(usize) -> String,
    activity_saved_fn: fn(&str) -> String,
    import_more_problems_fn: fn(usize) -> String,
    undone_fn: fn(usize) -> String,
    import_counts_fn: fn(usize, usize, usize, usize, usize) -> String,
    planning_title_fn: fn(&str) -> String,
    exported_fn: fn(usize, &str) -> String,
    planning_saved_fn: fn(&str) -> String,
    pledge_created_fn: fn(&str) -> String,
    cannot_open_fn: fn(&str) -> String,
    as_of_phrase_fn: fn(Date) -> String,
    chart_meeting_at_fn: fn(Date) -> String,
    chart_as_of_at_fn: fn(Date) -> String,
    /// Three-letter month names for chart axes, January first.
    pub short_months: [&'static str; 12],
    assessed_at_fn: fn(Date) -> String,
    day_of_fn: fn(i64, i64) -> String,
    starts_in_fn: fn(i64) -> String,
    entries_heading_fn: fn(usize, Date) -> String,
    files_changed_fn: fn(&str) -> String,
    group_counts_fn: fn(usize, usize) -> String,
    problem_counts_fn: fn(usize, usize) -> String,
    progress_hint_fn: fn(&str, Option<&str>) -> String,
    reports_total_fn: fn(usize) -> String,
    sample_copied_fn: fn(&str) -> String,
    showing_fn: fn(usize, usize) -> String,
    status_bar_fn: fn(&str, usize, usize) -> String,
    assessment_changed_fn: fn(usize, &str, &str) -> String,
    /// Label of the date field when a meeting is created.
    pub new_meeting_date_label: &'static str,
    /// Explanation in the new-meeting dialog.
    pub new_meeting_body: &'static str,
    /// Button that creates the meeting.
    pub create_meeting_button: &'static str,
    /// The new meeting date cannot be read.
    pub new_meeting_bad_date: &'static str,
    meeting_outside_period_fn: fn(Date, Date) -> String,
    /// Calendar button of the new-meeting date.
    pub calendar_meeting_date: &'static str,
    /// Note under the meeting shortcuts: where the digit keys work.
    pub assessment_keys_note: &'static str,
    /// Under the field holding the personnummer printing was refused for.
    pub marked_personal_data: &'static str,
    /// Under the new participant name when it holds a personnummer.
    pub participant_personal_data: &'static str,
    /// Heading of the status column of the earlier actions table.
    pub action_status_heading: &'static str,
    kept_figures_fn: fn(&str) -> String,
    /// Button that replaces the kept figures by the live ones.
    pub refresh_figures: &'static str,
    figures_refreshed_fn: fn(usize) -> String,
    activity_counts_fn: fn(usize, usize) -> String,
    /// The action (and header button) that starts presentation mode.
    pub present: &'static str,
    /// The button that ends presentation mode.
    pub end_presentation: &'static str,
    /// The shortcut help's line for Escape in presentation mode.
    pub shortcut_end_presentation: &'static str,
    /// F11 with no meeting on screen.
    pub present_needs_meeting: &'static str,
    presentation_position_fn: fn(usize, usize) -> String,
}

impl Texts {
    /// The line under an item in presentation mode: where one is and the
    /// keys ("§ 5 av 18 · PageDown nästa · Esc avslutar").
    pub fn presentation_position(&self, number: usize, count: usize) -> String {
        (self.presentation_position_fn)(number, count)
    }
    /// The calendar button of a date field named `field`: "Datum – välj i
    /// kalendern".
    pub fn calendar_for(&self, field: &str) -> String {
        format!("{field} – välj i kalendern")
    }
    /// A meeting file for the date exists.
    pub fn meeting_exists(&self, a: &str) -> String {
        (self.meeting_exists_fn)(a)
    }
    /// Button to open a meeting.
    pub fn open_meeting(&self, a: &str) -> String {
        (self.open_meeting_fn)(a)
    }
    /// The meeting's state.
    pub fn meeting_state(&self, a: &str) -> String {
        (self.meeting_state_fn)(a)
    }
    /// What a concluded meeting keeps for the minutes.
    pub fn figures_kept(&self, a: usize) -> String {
        (self.figures_kept_fn)(a)
    }
    /// The previous meeting's assessment.
    pub fn previous_assessment(&self, a: &str, b: &str) -> String {
        (self.previous_assessment_fn)(a, b)
    }
    /// Tooltip of an assessment button.
    pub fn assessment_key_hint(&self, a: usize) -> String {
        (self.assessment_key_hint_fn)(a)
    }
    /// Accessible name of a decision field.
    pub fn decision_label(&self, a: usize) -> String {
        (self.decision_label_fn)(a)
    }
    /// Remove-button of a decision.
    pub fn remove_decision(&self, a: usize) -> String {
        (self.remove_decision_fn)(a)
    }
    /// Accessible name of an action field.
    pub fn action_label(&self, a: &str) -> String {
        (self.action_label_fn)(a)
    }
    /// Remove-button of an action.
    pub fn remove_action(&self, a: &str) -> String {
        (self.remove_action_fn)(a)
    }
    /// Status buttons of an earlier action.
    pub fn action_status_label(&self, a: &str, b: &str) -> String {
        (self.action_status_label_fn)(a, b)
    }
    /// Notice after saving a meeting.
    pub fn meeting_saved(&self, a: &str) -> String {
        (self.meeting_saved_fn)(a)
    }
    /// Remove-button of a participant.
    pub fn remove_participant(&self, a: &str) -> String {
        (self.remove_participant_fn)(a)
    }
    /// Notice after saving a conflicting version as a copy.
    pub fn saved_as_copy(&self, a: &str) -> String {
        (self.saved_as_copy_fn)(a)
    }
    /// A save another program blocked, and the recovery file that holds
    /// the changes too.
    pub fn also_in_recovery(&self, error: &str, recovery: &str) -> String {
        (self.also_in_recovery_fn)(error, recovery)
    }
    /// How many changes a merge took without asking.
    pub fn auto_merged(&self, n: usize) -> String {
        (self.auto_merged_fn)(n)
    }
    /// The fields a merge took from the file on disk.
    pub fn from_file(&self, fields: &[String]) -> String {
        (self.from_file_fn)(fields)
    }
    /// Our new action items renumbered by a merge ("A6 → A7").
    pub fn renumbered(&self, pairs: &[String]) -> String {
        (self.renumbered_fn)(pairs)
    }
    /// The choice of the file's value of a conflicting field.
    pub fn theirs_choice(&self, value: &str) -> String {
        (self.theirs_choice_fn)(value)
    }
    /// The choice of our value of a conflicting field.
    pub fn ours_choice(&self, value: &str) -> String {
        (self.ours_choice_fn)(value)
    }
    /// Notice after a save that merged someone else's changes by itself.
    pub fn merged_and_saved(&self, n: usize, from_file: &[String], path: &str) -> String {
        (self.merged_and_saved_fn)(n, from_file, path)
    }
    /// Notice after "Slå ihop och spara".
    pub fn resolved_and_saved(&self, path: &str) -> String {
        (self.resolved_and_saved_fn)(path)
    }
    /// Notice after the file changed on disk and merged with unsaved edits.
    pub fn merged_unsaved(&self, n: usize, from_file: &[String]) -> String {
        (self.merged_unsaved_fn)(n, from_file)
    }
    /// Notice after the open meeting took the file's new version.
    pub fn meeting_took_file(&self, changes: &[String]) -> String {
        (self.meeting_took_file_fn)(changes)
    }
    /// Notice when the changed meeting file cannot be read.
    pub fn meeting_file_unreadable(&self, why: &str) -> String {
        (self.meeting_file_unreadable_fn)(why)
    }
    /// The conflict dialog when the file cannot be read to merge with.
    pub fn conflict_unreadable(&self, why: &str) -> String {
        (self.conflict_unreadable_fn)(why)
    }
    /// Open-button of a meeting copy in the meetings list.
    pub fn open_copy(&self, name: &str) -> String {
        (self.open_copy_fn)(name)
    }
    /// Notice after writing minutes.
    pub fn minutes_written(&self, a: &str) -> String {
        (self.minutes_written_fn)(a)
    }
    /// Notice after writing an invitation (kallelse).
    pub fn invitation_written(&self, a: &str) -> String {
        (self.invitation_written_fn)(a)
    }
    /// Notice after writing the published copy of the minutes.
    pub fn published_written(&self, a: &str) -> String {
        (self.published_written_fn)(a)
    }
    /// The minutes' web page is written.
    pub fn web_page_written(&self, a: &str) -> String {
        (self.web_page_written_fn)(a)
    }
    /// The extract is written.
    pub fn extract_written(&self, a: &str) -> String {
        (self.extract_written_fn)(a)
    }
    /// Saved since the form opened.
    pub fn form_saved_count(&self, a: usize) -> String {
        (self.form_saved_count_fn)(a)
    }
    /// Notice after saving an entry.
    pub fn activity_saved(&self, a: &str) -> String {
        (self.activity_saved_fn)(a)
    }
    /// Problems not listed.
    pub fn import_more_problems(&self, a: usize) -> String {
        (self.import_more_problems_fn)(a)
    }
    /// Notice after undo.
    pub fn undone(&self, a: usize) -> String {
        (self.undone_fn)(a)
    }
    /// "12 rader: 10 kan importeras, …".
    pub fn import_counts(
        &self,
        rows: usize,
        ok: usize,
        there: usize,
        dup: usize,
        bad: usize,
    ) -> String {
        (self.import_counts_fn)(rows, ok, there, dup, bad)
    }
    /// Heading of the planning dialog.
    pub fn planning_title(&self, a: &str) -> String {
        (self.planning_title_fn)(a)
    }
    /// Notice after saving planning.
    pub fn planning_saved(&self, a: &str) -> String {
        (self.planning_saved_fn)(a)
    }
    /// Notice after creating a pledge.
    pub fn pledge_created(&self, a: &str) -> String {
        (self.pledge_created_fn)(a)
    }
    /// Notice after an export.
    pub fn exported(&self, n: usize, path: &str) -> String {
        (self.exported_fn)(n, path)
    }
    /// Notice after writing the progress report.
    pub fn report_written(&self, a: &str) -> String {
        (self.report_written_fn)(a)
    }
    /// The report's date is outside the pledge period.
    pub fn report_outside_period(&self, start: Date, end: Date) -> String {
        (self.report_outside_period_fn)(start, end)
    }
    /// When the system viewer cannot be started.
    pub fn cannot_open(&self, a: &str) -> String {
        (self.cannot_open_fn)(a)
    }
    /// "per 2017-03-16".
    pub fn as_of_phrase(&self, a: Date) -> String {
        (self.as_of_phrase_fn)(a)
    }
    /// "möte 2017-03-16": the label of a meeting's line in a chart.
    pub fn chart_meeting_at(&self, a: Date) -> String {
        (self.chart_meeting_at_fn)(a)
    }
    /// "läget per 2017-09-30": the label of the as-of line in a chart.
    pub fn chart_as_of_at(&self, a: Date) -> String {
        (self.chart_as_of_at_fn)(a)
    }
    /// "jan 2017": a month on a chart's time axis.
    pub fn month_year(&self, year: i32, month: u32) -> String {
        let name = usize::try_from(month)
            .ok()
            .and_then(|m| m.checked_sub(1))
            .and_then(|i| self.short_months.get(i))
            .copied()
            .unwrap_or("");
        format!("{name} {year}")
    }
    /// Tooltip of an assessment.
    pub fn assessed_at(&self, a: Date) -> String {
        (self.assessed_at_fn)(a)
    }
    /// "dag 167 av 365".
    pub fn day_of(&self, a: i64, b: i64) -> String {
        (self.day_of_fn)(a, b)
    }
    /// "börjar om 12 dagar", "börjar om 1 dag": the period has not started.
    pub fn starts_in(&self, days: i64) -> String {
        (self.starts_in_fn)(days)
    }
    /// Heading of the activity list.
    pub fn entries_heading(&self, a: usize, b: Date) -> String {
        (self.entries_heading_fn)(a, b)
    }
    /// Notice after an automatic reload.
    pub fn files_changed(&self, a: &str) -> String {
        (self.files_changed_fn)(a)
    }
    /// Counts of a party or area.
    pub fn group_counts(&self, a: usize, b: usize) -> String {
        (self.group_counts_fn)(a, b)
    }
    /// Summary of problems.
    pub fn problem_counts(&self, a: usize, b: usize) -> String {
        (self.problem_counts_fn)(a, b)
    }
    /// Tooltip of a progress bar.
    pub fn progress_hint(&self, a: &str, b: Option<&str>) -> String {
        (self.progress_hint_fn)(a, b)
    }
    /// Total reports in the header.
    pub fn reports_total(&self, a: usize) -> String {
        (self.reports_total_fn)(a)
    }
    /// Notice after copying the sample.
    pub fn sample_copied(&self, a: &str) -> String {
        (self.sample_copied_fn)(a)
    }
    /// Count under the filters.
    pub fn showing(&self, a: usize, b: usize) -> String {
        (self.showing_fn)(a, b)
    }
    /// The status bar.
    pub fn status_bar(&self, a: &str, b: usize, c: usize) -> String {
        (self.status_bar_fn)(a, b, c)
    }
    /// Notice when an assessment already set in this meeting changes.
    pub fn assessment_changed(&self, item: usize, from: &str, to: &str) -> String {
        (self.assessment_changed_fn)(item, from, to)
    }
    /// Warning when a new meeting lies outside the pledge period.
    pub fn meeting_outside_period(&self, start: Date, end: Date) -> String {
        (self.meeting_outside_period_fn)(start, end)
    }
    /// The figures kept at the assessment, which the minutes print.
    pub fn kept_figures(&self, a: &str) -> String {
        (self.kept_figures_fn)(a)
    }
    /// Notice after the kept figures were refreshed.
    pub fn figures_refreshed(&self, item: usize) -> String {
        (self.figures_refreshed_fn)(item)
    }
    /// How many activities in how many files (the sample status bar).
    pub fn activity_counts(&self, entries: usize, files: usize) -> String {
        (self.activity_counts_fn)(entries, files)
    }
}

/// The Swedish texts.
pub static SV: Texts = Texts {
    app_name: "Löftesuppföljning",
    all_areas: "Alla problemområden",
    all_parties: "Alla parter",
    all_statuses: "Alla statusar",
    area_filter: "Problemområde",
    as_of_hint: "Datum som siffrorna avser (ÅÅÅÅ-MM-DD). Tryck Enter eller lämna fältet för att byta.",
    as_of_label: "Läget per",
    as_of_slider: "Dra i tiden",
    as_of_slider_hint: "Flytta datumet genom perioden och se hur läget växte fram",
    assessments_heading: "Bedömningar från uppföljningsmöten",
    cancel_button: "Avbryt",
    chart_as_of: "Läget per",
    chart_expected: "Förväntat enligt mål",
    chart_reported: "Rapporterat",
    clear_filters: "Rensa filter",
    close_button: "Stäng",
    close_detail: "Stäng detaljvyn",
    close_detail_button: "✖ Stäng",
    close_detail_hint: "Stäng detaljvyn (Esc)",
    col_assessment: "Bedömning",
    col_date: "Datum",
    col_id: "Id",
    col_last_report: "Senaste rapport",
    col_last_report_short: "Senaste",
    col_message: "Meddelande",
    col_note: "Anteckning",
    col_parties: "Parter",
    col_party: "Part",
    col_place: "Plats",
    col_place_in_file: "Fil:rad:kolumn",
    col_progress: "Andel av målet",
    col_quantity: "Antal",
    col_reported: "Rapporterat",
    col_severity: "Typ",
    col_status: "Mätt status",
    col_target: "Mål",
    col_text: "Åtagande",
    commitment: "Åtagande",
    copy_sample_body: "Exemplet kopieras till en mapp som du väljer (pledge.ron och activities/). Mappen får inte redan innehålla en pledge.ron. Kopian öppnas sedan och kan ändras.",
    copy_sample_title: "Spara exemplet som egen mapp",
    dark_theme: "Mörkt tema",
    dismiss: "Stäng meddelandet",
    error_title: "Det gick inte",
    example_target: "Exempelmål satt för exempeldata, inte en del av det undertecknade löftet.",
    find: "Sök åtaganden…",
    focus_suffix: " (fokusområde)",
    lead: crate::model::roles::LEAD_LABEL,
    pledge_signed: "Löftet",
    light_theme: "Ljust tema",
    menu_file: "Arkiv",
    menu_help: "Hjälp",
    menu_meeting: "Möte",
    menu_view: "Visa",
    next_commitment: "Nästa åtagande",
    no_assessment_hint: "Inget avslutat uppföljningsmöte har bedömt åtagandet fram till datumet.",
    no_assessments: "Inget avslutat uppföljningsmöte har bedömt åtagandet ännu.",
    chart_meeting: "Uppföljningsmöte",
    no_entries: "Inga aktiviteter rapporterade fram till datumet.",
    no_excerpt: "Filens text kunde inte läsas, så raden kan inte visas.",
    no_pledge_body: "Löftesfilen kunde inte läsas. Fliken Problem visar vad som är fel, med fil, rad och kolumn. Rätta filen och tryck F5 (Ladda om).",
    no_pledge_heading: "Löftet kunde inte läsas",
    no_problems: "Inga fel eller varningar i filerna.",
    no_recent: "Inga senaste mappar",
    no_target: "Inget mål (kvalitativt åtagande)",
    nothing_open: "Inget löfte är öppet",
    ok_button: "OK",
    open_button: "Öppna",
    open_detail: "Visa detaljer",
    open_files: "Öppna filer…",
    open_folder: "Öppna mapp…",
    open_path: "Öppna sökväg…",
    open_path_body: "Skriv eller klistra in sökvägen till en mapp med pledge.ron och activities/, eller till själva löftesfilen.",
    open_path_title: "Öppna sökväg",
    open_sample: "Öppna Karlstadsexemplet",
    other_actors: crate::model::roles::ALSO_LABEL,
    carried_over: "Överfört från",
    revisions: "Ändringar",
    previous_wording: "Tidigare lydelse",
    previous_target: "Tidigare mål",
    owners: "Ansvariga",
    page_down: "En sida ned",
    page_up: "En sida upp",
    party_filter: "Part",
    path_hint: "/mapp/medborgarlöfte",
    path_label: "Sökväg",
    per_area: "Per problemområde",
    per_party: "Per part",
    period: "Period",
    period_end: "Periodens slut",
    period_start: "Periodens start",
    places: "Platser",
    places_heading: "Rapporter per plats",
    previous_commitment: "Föregående åtagande",
    problem_areas: "Problemområden",
    quit: "Avsluta",
    recent: "Senaste",
    reload: "Ladda om",
    reloaded: "Filerna lästes in igen.",
    reports_per_month: "Rapporter per månad",
    reports_unit: "rapporter",
    sample_banner: "Exempeldata: Karlstad 2016–17 (skrivskyddat). Aktiviteterna är påhittade. Spara som egen mapp för att arbeta vidare.",
    sample_title: "Exempel: Karlstad 2016–17 (skrivskyddat)",
    save_button: "Spara",
    save_sample_as: "Spara som…",
    search_hint: "id, ord eller plats (Ctrl+F)",
    search_label: "Sök",
    shortcuts_title: "Kortkommandon",
    shortcut_forms: "I formulär",
    shortcut_calendar: "Kalendern i ett datumfält",
    shortcut_close_dialog: "Stäng dialogen",
    show_problems: "Visa problem",
    show_shortcuts: "Kortkommandon",
    sort_hint: "Sortera efter kolumnen; klicka igen för omvänd ordning",
    status_chip_hint: "Visa bara åtaganden med den här statusen; klicka igen för att visa alla",
    status_filter: "Status",
    tab_commitments: "Åtaganden",
    tab_overview: "Översikt",
    tab_effects: "Effekter",
    effects_intro: "Effektmått: har problemen förändrats? De visar läget i samhället, inte arbetet, och räknas aldrig ihop med åtagandena.",
    no_indicators: "Löftet har inga effektmått. De skrivs under indicators i löftesfilen (se filformatet).",
    indicator_area: "Problemområde",
    indicator_latest: "Senaste värde",
    indicator_change: "Förändring",
    indicator_goal: "Mot målet",
    indicator_values: "Kända värden",
    indicator_no_chart: "Inget diagram: inget värde med tal är känt ännu.",
    indicator_goal_line: "Mål",
    indicator_value_line: "Värde",
    tab_problems: "Problem",
    today: "I dag",
    toggle_theme: "Byt tema (ljust/mörkt)",
    unreadable_pledge: "Oläsbart löfte",
    welcome_body: "Öppna en mapp med ett medborgarlöfte (pledge.ron och activities/), välj filerna, eller titta på exemplet från Karlstad.",
    welcome_heading: "Välkommen till Löftesuppföljning",
    zoom_in: "Zooma in",
    zoom_out: "Zooma ut",
    zoom_reset: "Återställ zoom",
    sample_meeting_read_only: "Exemplet är skrivskyddat: spara det som egen mapp (Arkiv → Spara som…) för att hålla eller ändra möten.",
    meeting_title_prefix: "Uppföljningsmöte",
    not_a_commitment_item: "Den här punkten gäller inget åtagande; välj en åtagandepunkt för att bedöma.",
    meetings_heading: "Uppföljningsmöten",
    no_meetings: "Inga möten ännu.",
    unsaved: "● osparade ändringar",
    start_meeting: "Starta mötet",
    end_meeting: "Avsluta mötet",
    adjust_meeting: "Justera protokollet",
    resume_meeting: "Återuppta mötet",
    reopen_meeting: "Öppna igen…",
    reopen_confirm: "Öppna mötet igen",
    close_meeting: "Stäng mötet",
    agenda: "Dagordning",
    adjusted_read_only: "Mötet är justerat och kan inte ändras. Öppna det igen med ett skäl om något måste rättas.",
    item_handled: "Punkten är behandlad",
    discussion: "Diskussion",
    no_previous_assessment: "Ingen tidigare bedömning.",
    assessment_heading: "Mötets bedömning",
    reason_label: "Skäl",
    reason_required: "Den här bedömningen kräver ett skäl.",
    decisions_heading: "Beslut",
    decision_hint: r#"… (beslutet utan "att")"#,
    actions_heading: "Åtgärder från mötet",
    action_text_hint: "vad ska göras",
    responsible_hint: "Ansvarig",
    due_hint: "Klart senast",
    action_heading: "Åtgärd",
    no_earlier_actions: "Inga öppna åtgärder från tidigare möten.",
    recovery_title: "Osparade ändringar hittades",
    recovery_body: "Mötet ändrades utan att sparas (programmet stängdes eller kraschade). Den automatiskt sparade versionen skiljer sig så här från filen:",
    restore_button: "Återställ ändringarna",
    discard_button: "Släng dem",
    reopen_title: "Öppna det justerade mötet igen",
    reopen_body: "Ett justerat protokoll ändras bara av ett skäl som antecknas i filen med dagens datum.",
    tab_meeting: "Möte",
    new_meeting: "Nytt uppföljningsmöte",
    save_meeting: "Spara mötet",
    undo: "Ångra",
    redo: "Gör om",
    next_item: "Nästa punkt",
    previous_item: "Föregående punkt",
    add_decision: "Lägg till beslut",
    add_action: "Ny åtgärd",
    assess_1: "Bedöm: genomförd",
    assess_2: "Bedöm: pågår enligt plan",
    assess_3: "Bedöm: försenad",
    assess_4: "Bedöm: ej genomförd",
    assess_5: "Bedöm: utgår/ändras",
    assess_6: "Bedöm: ej behandlad",
    assess_7: "Bedöm: delvis genomförd",
    no_condition_to_assess: "Åtagandets mål har inget villkor: \"villkoret uppfylldes inte\" kan inte väljas här",
    assess_8: "Bedöm: villkoret uppfylldes inte",
    redo_alt: "Gör om (alternativ)",
    unsaved_title: "Spara ändringarna i mötet?",
    unsaved_body: "Mötet har ändringar som inte är sparade.",
    dont_save_button: "Spara inte",
    participants_heading: "Deltagare",
    add_participant: "Lägg till deltagare",
    participant_name: "Namn",
    excused: "anmält förhinder",
    details_heading: "Mötesuppgifter och justering",
    meeting_name: "Mötets namn",
    start_time: "Starttid",
    end_time: "Sluttid",
    place_label: "Plats",
    adjustment_place: "Justeringens plats",
    adjustment_date: "Justeringens datum",
    kept_at_label: "Förvaringsplats för protokollet",
    kept_at_hint: "t.ex. Polisen, LPO Karlstad, registraturen",
    fingerprint_label: "Fingeravtryck",
    fingerprint_hover: "Samma fingeravtryck står i protokollets sidfot. Ändras mötet i filen efter justeringen visas det som ett problem.",
    next_meeting_heading: "Nästa möte",
    move_item_up: "Flytta punkten uppåt",
    move_item_down: "Flytta punkten nedåt",
    remove_item: "Ta bort punkten",
    new_item_label: "Ny punkt",
    add_item: "Lägg till punkt",
    conflict_title: "Filen har ändrats av någon annan",
    conflict_no_changes: "(inga skillnader mot den version du öppnade)",
    save_copy_button: "Spara mina ändringar som kopia",
    reload_from_disk_button: "Läs in filen igen (mina ändringar försvinner)",
    conflict_merge_body: "Mötesfilen sparades av någon annan medan du arbetade. Inget har skrivits över.",
    conflict_our_changes: "Dina ändringar som inte är sparade:",
    conflict_choose: "Ni har båda ändrat de här fälten. Välj för varje fält vilken version som ska gälla:",
    conflict_field_heading: "Fält",
    conflict_theirs_heading: "I filen på disken",
    conflict_ours_heading: "Mina ändringar",
    merge_save_button: "Slå ihop och spara",
    meeting_file_conflicts: "Mötesfilen ändrades på disken, och en del krockar med dina osparade ändringar: välj vad som ska gälla.",
    meeting_copy_note: "kopia – räknas inte i uppföljningen",
    never_saved: "ett nytt möte som aldrig sparades",
    print_minutes: "Skriv ut protokoll (PDF)…",
    print_invitation: "Skriv ut kallelse (PDF)…",
    print_published: "Skriv ut för publicering (PDF)…",
    save_web_page: "Spara protokollet som webbsida…",
    print_extract: "Skriv ut protokollsutdrag av denna § (PDF)…",
    archival_pdf: "Justerade protokoll som PDF/A (arkivformat)",
    archival_pdf_hint: "Justerade protokoll, kopior för publicering och utdrag skrivs som PDF/A-2u för arkivering. Utkast och kallelser skrivs som vanlig taggad PDF.",
    progress_report: "Lägesrapport…",
    report_title: "Lägesrapport till medborgarna",
    report_body: "En rapport att publicera: vad som lovades, vad som har gjorts (antal och platser) och bedömningen från justerade möten – även det som inte gått som planerat. Diskussioner, namn, åtgärder, anteckningar och möten som inte är justerade kommer aldrig med.",
    report_as_of_label: "Läget per (ÅÅÅÅ-MM-DD)",
    report_format_label: "Format",
    report_pdf: "PDF (A4, för utskrift)",
    report_html: "HTML (en fil för webbplatsen, läsbar i mobilen)",
    report_write: "Skriv lägesrapporten…",
    writing_report: "Skriver lägesrapporten…",
    job_failed: "Skrivningen avbröts av ett internt fel; inga filer har ändrats.",
    no_pledge_for_report: "Öppna ett löfte först; lägesrapporten skrivs från löftet och dess rapporter.",
    new_activity: "Ny aktivitet…",
    import_activities: "Importera aktiviteter…",
    form_new_title: "Ny aktivitet",
    form_edit_title: "Ändra aktivitet",
    form_date: "Datum",
    form_until: "Till och med",
    calendar_for_date: "Välj datum i kalendern",
    calendar_for_until: "Välj sista dagen i kalendern",
    calendar_for_start: "Välj första dagen i kalendern",
    calendar_for_by: "Välj slutdatum i kalendern",
    calendar_for_revision: "Välj beslutsdatum i kalendern",
    calendar_previous: "Föregående månad",
    calendar_next: "Nästa månad",
    calendar_week: "v.",
    form_until_hint: "valfritt",
    form_commitment: "Åtagande",
    form_no_commitment: "Inget åtagande valt",
    form_search_commitment: "Sök åtagande",
    form_search_hint: "id eller ord ur texten, t.ex. K1 eller tillsyn",
    form_unit: "Enhet",
    form_place_hint: "t.ex. Stora torget",
    form_place_suggestions: "Tidigare platser:",
    form_note: "Anteckning",
    form_note_hint: "samlat, inga namn eller enskilda ärenden",
    form_save: "Spara (Enter)",
    form_save_hint: "Sparar i partens aktivitetsfil och börjar nästa med samma datum, part och plats",
    form_choose_commitment: "välj ett åtagande",
    form_choose_party: "välj part",
    form_unit_missing: "ange enhet för antalet",
    form_duplicate: "liknar en aktivitet som redan finns (samma dag, åtagande, part, antal och plats); spara bara om det verkligen är en till",
    edit_activity: "Ändra",
    delete_activity: "Ta bort",
    activity_deleted: "Aktiviteten togs bort. Ctrl+Z ångrar.",
    nothing_to_undo: "Inget att ångra.",
    nothing_to_redo: "Inget att göra om.",
    import_title: "Importera aktiviteter",
    import_sheet: "Blad",
    import_party: "Part för rader utan partkolumn",
    import_party_from_sheet: "enligt kalkylarket",
    import_mapping_hint: "Välj vad varje kolumn innehåller. Inget skrivs förrän du trycker Importera.",
    import_row: "Rad",
    import_unused: "– används inte –",
    import_only_valid: "Importera bara de giltiga raderna (rader med fel hoppas över)",
    import_button: "Importera",
    import_pick_title: "Välj kalkylark att importera",
    new_pledge: "Nytt löfte…",
    export_activities: "Exportera aktiviteter…",
    exporting: "Exporterar aktiviteterna…",
    planning_button: "Planering…",
    planning_places: "Platser",
    planning_places_hint: "kommaseparerade, t.ex. Herrhagen, Våxnäs",
    planning_save: "Spara planeringen",
    planning_target: "Mål",
    planning_no_target: "Inget mål",
    planning_total: "Antal under perioden",
    form_milestone_reached: "Delmålet är nått",
    form_together_with: "Tillsammans med:",
    form_part: "Del",
    form_no_part: "hela åtagandet",
    form_instead: "I stället för det utlovade, eftersom",
    instead_heading: "I stället",
    coverage_heading: "Per plats",
    form_instead_hint: "bara om detta gjordes i stället: t.ex. föräldramötena ställdes in; räknas då inte i målet",
    form_milestone_reached_hint: "Markera bara när rapporten säger att delmålet är nått: arbete på väg dit gör det inte uppnått",
    planning_per_day: "Per dag",
    planning_per_week: "Per vecka",
    planning_per_year: "Per år",
    planning_weekdays: "Vissa veckodagar",
    planning_coverage: "Alla platser",
    planning_coverage_times: "Antal gånger per plats:",
    planning_coverage_period: "under perioden",
    planning_coverage_hint: "Platserna är åtagandets platser nedan; en aktivitet räknas för de platser den anger. Enheten är vad platserna är, t.ex. skolor.",
    planning_weekdays_label: "Varje",
    planning_no_weekday: "Mål: välj minst en veckodag",
    planning_by_hint: "lämna tomt om löftet inte anger något datum",
    planning_per_month: "Per månad",
    planning_milestone: "Delmål (klart)",
    planning_by: "Datum (ÅÅÅÅ-MM-DD)",
    planning_amount: "Antal",
    planning_average: "i snitt över perioden",
    planning_condition: "Villkor (valfritt)",
    planning_condition_hint: "t.ex. om underrättelseläget medger det",
    planning_no_lead: "ingen ledande part",
    planning_revise: "Ändra löftets text (revidering)",
    planning_change_target: "Målet ändras från ett beslutsdatum (det tidigare målet sparas)",
    planning_change_target_hint: "Till exempel rondering varje månad som blir varje vecka: det förväntade räknas med det gamla målet fram till datumet och med det nya därefter. Utan markering rättas målet för hela perioden.",
    planning_text_protected: "Löftets text är skyddad: en ändring sparas som en revidering med datum och skäl, och den tidigare lydelsen finns kvar.",
    planning_new_text: "Ny lydelse",
    planning_revision_date: "Beslutsdatum",
    planning_reason: "Skäl till ändringen",
    new_pledge_title: "Nytt medborgarlöfte",
    new_pledge_renew: "Förnya det öppna löftet för en ny period",
    new_pledge_empty: "Börja med ett tomt löfte",
    new_pledge_folder: "Ny mapp",
    new_pledge_browse: "Välj mapp…",
    new_pledge_pick_title: "Välj eller skapa en tom mapp för det nya löftet",
    new_pledge_no_folder_dialog: "Det finns ingen mappdialog på den här datorn: skriv sökvägen till en ny eller tom mapp.",
    new_pledge_name: "Titel",
    new_pledge_start: "Från (ÅÅÅÅ-MM-DD)",
    new_pledge_end: "Till (ÅÅÅÅ-MM-DD)",
    new_pledge_police: "Lokalpolisområde",
    new_pledge_municipality: "Kommun",
    new_pledge_renew_hint: "Parter, problemområden och åtaganden följer med (markerade som överförda); målen planeras på nytt och ingen part har skrivit under än.",
    new_pledge_empty_hint: "Ett löfte med två parter och inga åtaganden; åtagandena skrivs in i pledge.ron (se docs/file-formats.md).",
    new_pledge_create: "Skapa och öppna",
    new_pledge_no_folder: "ange mappen där löftet ska sparas",
    new_pledge_no_title: "ange en titel",
    new_pledge_bad_period: "perioden måste sluta efter att den börjar",
    new_pledge_no_parties: "ange lokalpolisområdets och kommunens namn",
    import_path_body: "Skriv eller klistra in sökvägen till kalkylarket (.xlsx, .ods eller .csv).",
    no_meeting_open: "Öppna ett möte under fliken Möte först.",
    open_pdf: "Öppna",
    printing: "Skriver protokollet…",
    printing_invitation: "Skriver kallelsen…",
    printing_published: "Skriver protokollet för publicering…",
    saving_web_page: "Sparar webbsidan…",
    printing_extract: "Skriver protokollsutdraget…",
    open_folder_title: "Öppna mapp med medborgarlöfte",
    open_files_title: "Välj löftesfil och aktivitetsfiler",
    no_pledge_for_activities: "Öppna ett löfte först; aktivitetsfiler läggs till ett öppet löfte.",
    import_with_load_errors: "Inget importerades eftersom filerna har fel (se fliken Problem). Rätta dem först: poster i en fil som inte kan läsas skulle annars importeras en gång till.",
    export_with_load_errors: "Inget exporterades eftersom filerna har fel (se fliken Problem); exporten skulle sakna aktiviteterna i filerna som inte kan läsas.",
    sample_is_read_only: "Exemplet är skrivskyddat. Spara det som egen mapp (Arkiv → Spara som…) och lägg sedan till aktivitetsfilerna där.",
    meeting_exists_fn: |d| format!("Det finns redan ett möte {d}; öppna det under fliken Möte."),
    open_meeting_fn: |d| format!("Öppna mötet {d}"),
    meeting_state_fn: |s| format!("Status: {s}"),
    figures_kept_fn: |n| {
        format!(
            "Siffrorna för {} sparades när mötet avslutades; de tas på nytt om mötet återupptas och avslutas igen.",
            crate::format::count(n, "åtagande", "åtaganden")
        )
    },
    previous_assessment_fn: |a, d| format!("Förra bedömningen: {a} ({d})"),
    assessment_key_hint_fn: |n| {
        format!("Tangent {n} när bedömningsraden har fokus (PageDown/PageUp ställer fokus här)")
    },
    decision_label_fn: |n| format!("Beslut {n}"),
    remove_decision_fn: |n| format!("Ta bort beslut {n}"),
    action_label_fn: |id| format!("Åtgärd {id}"),
    remove_action_fn: |id| format!("Ta bort åtgärd {id}"),
    action_status_label_fn: |id, s| format!("Åtgärd {id}: {s}"),
    meeting_saved_fn: |p| format!("Mötet sparades i {p}."),
    remove_participant_fn: |n| format!("Ta bort {n}"),
    saved_as_copy_fn: |p| {
        format!(
            "Dina ändringar sparades som kopia i {p}; mötesfilen är orörd. Kopian finns under Möten."
        )
    },
    also_in_recovery_fn: |error, recovery| {
        format!(
            "{error}. Ändringarna finns också i återställningsfilen {recovery}, som erbjuds nästa gång mötet öppnas."
        )
    },
    auto_merged_fn: |n| match n {
        0 => "Inget kunde slås ihop automatiskt.".to_owned(),
        1 => "1 ändring slogs ihop automatiskt.".to_owned(),
        n => format!(
            "{} ändringar slogs ihop automatiskt.",
            crate::format::number(n as f64)
        ),
    },
    from_file_fn: |fields| format!("Från filen: {}.", few(fields)),
    renumbered_fn: |pairs| format!("Dina nya åtgärder fick nya nummer: {}.", few(pairs)),
    theirs_choice_fn: |v| format!("I filen: {v}"),
    ours_choice_fn: |v| format!("Mina: {v}"),
    merged_and_saved_fn: |n, from, p| {
        let from = if from.is_empty() {
            String::new()
        } else {
            format!(" (från filen: {})", few(from))
        };
        format!(
            "Mötesfilen hade ändrats av någon annan: {} slogs ihop automatiskt{from}. Mötet sparades i {p}.",
            count(n, "ändring", "ändringar")
        )
    },
    resolved_and_saved_fn: |p| {
        format!("Ändringarna slogs ihop som du valde, och mötet sparades i {p}.")
    },
    merged_unsaved_fn: |n, from| {
        let from = if from.is_empty() {
            String::new()
        } else {
            format!(" (från filen: {})", few(from))
        };
        format!(
            "Mötesfilen ändrades på disken: {} slogs ihop med dina osparade ändringar{from}. Spara när du är klar.",
            count(n, "ändring", "ändringar")
        )
    },
    meeting_took_file_fn: |changes| {
        if changes.is_empty() {
            "Mötesfilen lästes in igen; inget i mötet ändrades.".to_owned()
        } else {
            format!("Mötet visar nu filens version: {}.", changes.join("; "))
        }
    },
    meeting_file_unreadable_fn: |why| {
        format!("Mötesfilen kunde inte läsas in igen, så mötet visas som du senast hade det: {why}")
    },
    conflict_unreadable_fn: |why| {
        format!("Filen på disken kan inte läsas, så det går inte att slå ihop: {why}")
    },
    open_copy_fn: |name| format!("Öppna kopian {name}"),
    minutes_written_fn: |p| format!("Protokollet skrevs till {p}."),
    invitation_written_fn: |p| format!("Kallelsen skrevs till {p}."),
    published_written_fn: |p| format!("Protokollet för publicering skrevs till {p}."),
    web_page_written_fn: |p| format!("Protokollet som webbsida skrevs till {p}."),
    extract_written_fn: |p| format!("Protokollsutdraget skrevs till {p}."),
    report_written_fn: |p| format!("Lägesrapporten skrevs till {p}."),
    report_outside_period_fn: |s, e| format!("Datumet ska ligga inom löftets period, {s} – {e}."),
    form_saved_count_fn: |n| {
        let saved = if n == 1 { "sparad" } else { "sparade" };
        format!("{} {saved}", count(n, "aktivitet", "aktiviteter"))
    },
    activity_saved_fn: |f| format!("Aktiviteten sparades i {f}. Ctrl+Z ångrar."),
    import_more_problems_fn: |n| format!("… och {n} till"),
    undone_fn: |n| {
        if n == 1 {
            "Ångrat: 1 aktivitet.".to_owned()
        } else {
            format!("Ångrat: {n} aktiviteter.")
        }
    },
    planning_title_fn: |id| format!("Planering för {id}"),
    exported_fn: |n, p| {
        format!(
            "{} exporterades till {p}.",
            count(n, "aktivitet", "aktiviteter")
        )
    },
    planning_saved_fn: |id| {
        format!(
            "Planeringen för {id} sparades i pledge.ron (förra versionen i pledge.ron.bak). Ctrl+Z ångrar."
        )
    },
    pledge_created_fn: |f| format!("Det nya löftet skapades i {f} och är öppnat."),
    import_counts_fn: |rows, ok, there, dup, bad| {
        format!(
            "{}: {ok} kan importeras, {there} finns redan (hoppas över), {}, {bad} med fel",
            count(rows, "rad", "rader"),
            count(dup, "möjlig dubblett", "möjliga dubbletter")
        )
    },
    cannot_open_fn: |e| format!("Filen kunde inte öppnas: {e}"),
    as_of_phrase_fn: |d| format!("per {d}"),
    chart_meeting_at_fn: |d| format!("möte {d}"),
    chart_as_of_at_fn: |d| format!("läget per {d}"),
    short_months: [
        "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ],
    assessed_at_fn: |d| format!("Bedömt vid uppföljningsmötet {d}"),
    day_of_fn: |day, total| format!("dag {day} av {total}"),
    starts_in_fn: |days| {
        let days = usize::try_from(days).unwrap_or(0);
        format!("börjar om {}", count(days, "dag", "dagar"))
    },
    entries_heading_fn: |n, d| format!("Aktiviteter t.o.m. {d} ({n})"),
    files_changed_fn: |names| format!("Ändrad på disken och inläst igen: {names}"),
    group_counts_fn: |commitments, reports| {
        format!(
            "{}, {}",
            count(commitments, "åtagande", "åtaganden"),
            count(reports, "rapport", "rapporter")
        )
    },
    problem_counts_fn: |errors, warnings| {
        format!(
            "{errors} fel och {} i filerna",
            count(warnings, "varning", "varningar")
        )
    },
    progress_hint_fn: |percent, expected| match expected {
        Some(e) => format!("{percent} av hela periodens mål; {e} vid datumet (strecket)"),
        None => format!("{percent} av hela periodens mål"),
    },
    reports_total_fn: |n| format!("{} totalt", count(n, "rapport", "rapporter")),
    sample_copied_fn: |folder| format!("Exemplet sparades i {folder} och är öppnat där."),
    showing_fn: |shown, all| format!("Visar {shown} av {}", count(all, "åtagande", "åtaganden")),
    status_bar_fn: |source, entries, files| {
        format!(
            "{source} · {} i {}",
            count(entries, "aktivitet", "aktiviteter"),
            count(files, "fil", "filer")
        )
    },
    assessment_changed_fn: |item, from, to| {
        format!("§ {item}: bedömningen ändrades, {from} → {to}. Ctrl+Z ångrar.")
    },
    new_meeting_date_label: "Mötets datum",
    new_meeting_body: "Välj dagen för mötet. Förslaget är det datum förra mötet bestämde för nästa möte, annars i dag. Ett utkast kan förberedas flera dagar i förväg.",
    create_meeting_button: "Skapa mötet",
    new_meeting_bad_date: "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2017-03-14.",
    meeting_outside_period_fn: |start, end| {
        format!(
            "Datumet ligger utanför löftets period {start}–{end}. Det går bra, till exempel för en sista uppföljning efter perioden."
        )
    },
    calendar_meeting_date: "Välj mötets datum i kalendern",
    assessment_keys_note: "Siffrorna 1–8 bedömer bara när bedömningsraden har fokus. PageDown och PageUp går till nästa punkt och ställer fokus där.",
    marked_personal_data: "Här står ett personnummer: ta bort det innan protokollet skrivs ut.",
    participant_personal_data: "Namnet innehåller ett personnummer. Skriv bara namnet: deltagarna står i protokollet, som publiceras.",
    action_status_heading: "Status",
    kept_figures_fn: |f| format!("I protokollet (vid bedömningen): {f}"),
    refresh_figures: "Ta de nya siffrorna till protokollet (U)",
    figures_refreshed_fn: |item| {
        format!("§ {item}: protokollet får siffrorna som rapporterna visar nu. Ctrl+Z ångrar.")
    },
    activity_counts_fn: |entries, files| {
        format!(
            "{} i {}",
            count(entries, "aktivitet", "aktiviteter"),
            count(files, "fil", "filer")
        )
    },
    present: "Presentationsläge",
    end_presentation: "Avsluta presentationsläget",
    shortcut_end_presentation: "Avsluta presentationsläget",
    present_needs_meeting: "Presentationsläget visar punkten i ett öppet möte: öppna mötet under fliken Möte först.",
    presentation_position_fn: |number, count| {
        format!("§ {number} av {count} · PageDown nästa · Esc avslutar")
    },
};

/// At most four items as "A, B, C och D", then "och N till": a notice
/// stays a line or two however many fields a merge touched.
fn few(items: &[String]) -> String {
    const SHOWN: usize = 4;
    if items.len() <= SHOWN + 1 {
        return crate::format::list(items);
    }
    format!(
        "{} och {} till",
        items[..SHOWN].join(", "),
        crate::format::number((items.len() - SHOWN) as f64)
    )
}

/// The texts of the user's language (Swedish; English can be added here).
pub fn texts() -> &'static Texts {
    &SV
}
