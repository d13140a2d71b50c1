//! The dashboard: the pledge header (period, as-of date, counts per status),
//! the filters and the grouped, sortable commitment table.

use egui::text::LayoutJob;
use egui::{Align, Layout, RichText, Sense, TextStyle, Ui};
use egui_extras::{Column, TableBuilder};

use crate::model::{Date, Pledge};
use crate::status::{MeasuredStatus, StatusReport, elapsed_days};

use super::rows::{Line, Row, Rows};
use super::state::{Command, SortColumn, ViewState};
use super::text::texts;
use super::tokens::{self, Palette};
use crate::workspace::Document;

/// Below this width the table leaves out the parties (the group headings
/// already name them) and, below the next, target and assessment too.
const WIDE_WIDTH: f32 = 1400.0;
/// See [`WIDE_WIDTH`].
const COMPACT_WIDTH: f32 = 1050.0;

/// What the dashboard reads to draw a frame.
pub struct DashboardData<'a> {
    /// The open document.
    pub doc: &'a Document,
    /// The prepared rows.
    pub rows: &'a Rows,
    /// The lines shown (filtered and sorted).
    pub lines: &'a [Line],
    /// Selection, filters, sort.
    pub view: &'a ViewState,
    /// Today, for the "I dag" button.
    pub today: Date,
}

/// The dashboard's own editing buffers (the text being typed, before it is
/// a valid date or a committed search).
#[derive(Debug, Default)]
pub struct DashboardView {
    as_of_text: String,
    as_of_shown: Option<Date>,
    search_text: String,
    /// Give the search field keyboard focus on the next frame (Ctrl+F).
    pub focus_search: bool,
    /// Scroll the table to the selected row on the next frame.
    pub scroll_to_selected: bool,
}

impl DashboardView {
    /// Draws the header, filters and table.
    pub fn ui(&mut self, ui: &mut Ui, data: &DashboardData<'_>, commands: &mut Vec<Command>) {
        let (Some(pledge), Some(report)) = (data.doc.pledge(), data.doc.status.as_ref()) else {
            no_pledge_ui(ui, data.doc, commands);
            return;
        };
        if data.view.filters.search != self.search_text && !ui.ctx().text_edit_focused() {
            self.search_text.clone_from(&data.view.filters.search);
        }
        header_ui(ui, pledge, report, data, commands);
        let range = data
            .doc
            .as_of_range()
            .unwrap_or((pledge.period.start, pledge.period.end));
        self.as_of_ui(ui, pledge, range, report.as_of, data.today, commands);
        ui.add_space(tokens::GAP);
        self.filters_ui(ui, pledge, data, commands);
        ui.add_space(tokens::GAP / 2.0);
        self.table_ui(ui, data, commands);
    }

    fn as_of_ui(
        &mut self,
        ui: &mut Ui,
        pledge: &Pledge,
        (first, last_date): (Date, Date),
        as_of: Date,
        today: Date,
        commands: &mut Vec<Command>,
    ) {
        let t = texts();
        if self.as_of_shown != Some(as_of) {
            self.as_of_text = as_of.to_string();
            self.as_of_shown = Some(as_of);
        }
        ui.horizontal(|ui| {
            let label = ui.label(RichText::new(t.as_of_label).strong());
            let edit = ui
                .add(egui::TextEdit::singleline(&mut self.as_of_text).desired_width(110.0))
                .labelled_by(label.id)
                .on_hover_text(t.as_of_hint);
            let typed = self.as_of_text.trim().parse::<Date>();
            let committed =
                edit.lost_focus() || (edit.changed() && self.as_of_text.trim().len() == 10);
            if committed
                && let Ok(date) = typed.clone()
                && date != as_of
            {
                commands.push(Command::SetAsOf(date));
            }
            if let Err(err) = &typed {
                ui.colored_label(Palette::for_ui(ui).error, format!("⚠ {err}"));
            }
            let period = pledge.period;
            // Up to a final meeting after the period, not only to its end.
            let mut day = first.days_until(as_of);
            let last = first.days_until(last_date).max(0);
            let slider = ui
                .add(
                    egui::Slider::new(&mut day, 0..=last)
                        .show_value(false)
                        .text(t.as_of_slider),
                )
                .on_hover_text(t.as_of_slider_hint);
            if slider.changed() {
                commands.push(Command::SetAsOf(first.add_days(day)));
            }
            for (label, date) in [
                (t.period_start, period.start),
                (t.today, today.clamp(first, last_date)),
                (t.period_end, period.end),
            ] {
                if ui
                    .add_enabled(date != as_of, egui::Button::new(label))
                    .on_hover_text(date.to_string())
                    .clicked()
                {
                    commands.push(Command::SetAsOf(date));
                }
            }
        });
    }

    fn filters_ui(
        &mut self,
        ui: &mut Ui,
        pledge: &Pledge,
        data: &DashboardData<'_>,
        commands: &mut Vec<Command>,
    ) {
        let t = texts();
        let filters = &data.view.filters;
        ui.horizontal_wrapped(|ui| {
            let parties = pledge
                .parties
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect();
            choice_ui(
                ui,
                (t.party_filter, t.all_parties),
                filters.party.as_ref(),
                parties,
                Command::FilterParty,
                commands,
            );
            let areas = pledge
                .problem_areas
                .iter()
                .map(|a| (a.number, format!("{}. {}", a.number, a.title)))
                .collect();
            choice_ui(
                ui,
                (t.area_filter, t.all_areas),
                filters.area.as_ref(),
                areas,
                Command::FilterArea,
                commands,
            );
            let statuses = MeasuredStatus::ALL
                .iter()
                .map(|s| (*s, format!("{} {s}", s.symbol())))
                .collect();
            choice_ui(
                ui,
                (t.status_filter, t.all_statuses),
                filters.status.as_ref(),
                statuses,
                Command::FilterStatus,
                commands,
            );
            let search_label = ui.label(t.search_label);
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut self.search_text)
                        .hint_text(t.search_hint)
                        .desired_width(220.0),
                )
                .labelled_by(search_label.id);
            if self.focus_search {
                search.request_focus();
                self.focus_search = false;
            }
            if search.changed() {
                commands.push(Command::Search(self.search_text.clone()));
            }
            if ui
                .add_enabled(filters.is_active(), egui::Button::new(t.clear_filters))
                .clicked()
            {
                self.search_text.clear();
                commands.push(Command::ClearFilters);
            }
            let shown = data
                .lines
                .iter()
                .filter(|l| matches!(l, Line::Row(_)))
                .count();
            ui.label(t.showing(shown, data.rows.rows.len()));
        });
    }

    fn table_ui(&mut self, ui: &mut Ui, data: &DashboardData<'_>, commands: &mut Vec<Command>) {
        let t = texts();
        let palette = Palette::for_ui(ui);
        let sort = data.view.sort;
        let selected_line = data.view.selected.as_ref().and_then(|id| {
            data.lines.iter().position(
                |l| matches!(l, Line::Row(i) if data.rows.rows.get(*i).is_some_and(|r| &r.id == id)),
            )
        });
        let columns = table_columns(ui.available_width());
        // Clicks on a cell's text must reach the row, not select the text.
        ui.style_mut().interaction.selectable_labels = false;
        let mut table = TableBuilder::new(ui)
            .id_salt("commitments")
            .striped(true)
            .sense(Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center))
            .auto_shrink(false);
        for (_, _, column) in &columns {
            table = table.column(*column);
        }
        if self.scroll_to_selected {
            if let Some(line) = selected_line {
                table = table.scroll_to_row(line, None);
            }
            self.scroll_to_selected = false;
        }
        let kinds: Vec<SortColumn> = columns.iter().map(|(k, _, _)| *k).collect();
        table
            .header(tokens::HEADER_ROW_HEIGHT, |mut header| {
                for (kind, label, _) in &columns {
                    header.col(|ui| {
                        let text = RichText::new(format!("{label}{}", sort.marker(*kind))).strong();
                        if ui
                            .add(egui::Button::new(text).frame(false))
                            .on_hover_text(t.sort_hint)
                            .clicked()
                        {
                            commands.push(Command::SortBy(*kind));
                        }
                    });
                }
            })
            .body(|body| {
                let heights = data.lines.iter().map(|l| match l {
                    Line::Group(..) => tokens::HEADER_ROW_HEIGHT + 6.0,
                    Line::Row(_) => tokens::ROW_HEIGHT,
                });
                body.heterogeneous_rows(heights, |mut row| {
                    let Some(line) = data.lines.get(row.index()) else {
                        return;
                    };
                    match *line {
                        Line::Group(group, count) => {
                            let title = data.rows.groups.get(group).map_or("", String::as_str);
                            for (i, _) in kinds.iter().enumerate() {
                                row.col(|ui| {
                                    if i == 1 {
                                        ui.label(
                                            RichText::new(format!("{title} ({count})"))
                                                .strong()
                                                .size(17.0),
                                        );
                                    }
                                });
                            }
                        }
                        Line::Row(index) => {
                            let Some(r) = data.rows.rows.get(index) else {
                                return;
                            };
                            row.set_selected(data.view.selected.as_ref() == Some(&r.id));
                            for kind in &kinds {
                                row.col(|ui| cell_ui(ui, r, *kind, palette));
                            }
                            let response = row.response();
                            if response.clicked() {
                                commands.push(Command::OpenDetail(r.id.clone()));
                            }
                        }
                    }
                });
            });
    }
}

/// The table's columns for the width available: the parties only when wide
/// (group headings name them anyway), target and assessment unless compact.
fn table_columns(width: f32) -> Vec<(SortColumn, &'static str, Column)> {
    let t = texts();
    let resizable = |initial: f32, min: f32| {
        Column::initial(initial)
            .at_least(min)
            .clip(true)
            .resizable(true)
    };
    let compact = width < COMPACT_WIDTH;
    let wide = width >= WIDE_WIDTH;
    let mut columns = vec![
        (SortColumn::Id, t.col_id, Column::exact(44.0)),
        (
            SortColumn::Text,
            t.col_text,
            Column::remainder().at_least(220.0).clip(true),
        ),
    ];
    if wide {
        columns.push((SortColumn::Parties, t.col_parties, resizable(150.0, 80.0)));
    }
    if !compact {
        columns.push((SortColumn::Target, t.col_target, resizable(160.0, 80.0)));
    }
    columns.push((
        SortColumn::Reported,
        t.col_reported,
        resizable(175.0, 120.0),
    ));
    columns.push((SortColumn::Progress, t.col_progress, Column::exact(120.0)));
    columns.push((
        SortColumn::Status,
        t.col_status,
        Column::initial(140.0).at_least(120.0).clip(true),
    ));
    if !compact {
        columns.push((
            SortColumn::Assessment,
            t.col_assessment,
            Column::initial(100.0).clip(true),
        ));
    }
    columns.push((
        SortColumn::LastReport,
        t.col_last_report_short,
        Column::exact(112.0),
    ));
    columns
}

/// A labelled drop-down filter: "all" plus one entry per option; choosing
/// one emits `command(choice)`.
fn choice_ui<T: PartialEq + Clone>(
    ui: &mut Ui,
    (label, all): (&str, &str),
    current: Option<&T>,
    options: Vec<(T, String)>,
    command: impl Fn(Option<T>) -> Command,
    commands: &mut Vec<Command>,
) {
    let selected_text = current
        .and_then(|c| options.iter().find(|(value, _)| value == c))
        .map_or(all, |(_, text)| text.as_str())
        .to_owned();
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(label.id)
        .selected_text(selected_text)
        .show_ui(ui, |ui| {
            if ui.selectable_label(current.is_none(), all).clicked() {
                commands.push(command(None));
            }
            for (value, text) in options {
                if ui.selectable_label(current == Some(&value), text).clicked() {
                    commands.push(command(Some(value)));
                }
            }
        })
        .response
        .labelled_by(label.id);
}

/// One cell of a commitment row.
fn cell_ui(ui: &mut Ui, row: &Row, column: SortColumn, palette: &Palette) {
    let t = texts();
    match column {
        SortColumn::Id => {
            ui.label(RichText::new(row.id.as_str()).strong());
        }
        SortColumn::Text => two_lines_ui(ui, &row.text),
        SortColumn::Parties => two_lines_ui(ui, &row.owners),
        SortColumn::Target => two_lines_ui(ui, &row.target),
        SortColumn::Reported => {
            ui.vertical(|ui| {
                ui.label(&row.reported);
                if let Some(expected) = &row.expected {
                    ui.label(RichText::new(expected).small());
                }
            });
        }
        SortColumn::Progress => progress_ui(ui, row, palette),
        SortColumn::Status => {
            // Two lines: "✕ utgått" and its date fit the narrow column.
            ui.add(
                egui::Label::new(
                    RichText::new(&row.status_text)
                        .color(palette.status(row.status))
                        .strong(),
                )
                .wrap(),
            );
        }
        SortColumn::Assessment => match (&row.assessment, row.assessment_date) {
            (Some(assessment), Some(date)) => {
                ui.label(assessment).on_hover_text(t.assessed_at(date));
            }
            _ => {
                ui.label("–").on_hover_text(t.no_assessment_hint);
            }
        },
        SortColumn::LastReport => {
            ui.label(
                row.last_report
                    .map_or_else(|| "–".to_owned(), |d| d.to_string()),
            );
        }
    }
}

/// Text wrapped to at most two lines, ending in "…" when cut; the whole
/// text shows on hover.
fn two_lines_ui(ui: &mut Ui, text: &str) {
    let width = ui.available_width();
    let font = TextStyle::Body.resolve(ui.style());
    let mut job = LayoutJob::simple(text.to_owned(), font, ui.visuals().text_color(), width);
    job.wrap.max_rows = 2;
    job.wrap.break_anywhere = false;
    job.wrap.overflow_character = Some('…');
    // `wrap` keeps the job's two-row limit (the cell default would truncate to one row).
    ui.add(egui::Label::new(job).selectable(false).wrap())
        .on_hover_text(text);
}

/// A bar with the percentage written on it and a tick at the expected share.
fn progress_ui(ui: &mut Ui, row: &Row, palette: &Palette) {
    let Some(fraction) = row.fraction else {
        ui.label("–");
        return;
    };
    let response = ui.add(
        egui::ProgressBar::new(fraction.clamp(0.0, 1.0))
            .desired_width(108.0)
            .fill(palette.status(row.status).gamma_multiply(0.55))
            .text(RichText::new(&row.percent).strong()),
    );
    if let Some(expected) = row.expected_fraction {
        let rect = response.rect;
        let x = rect.left() + rect.width() * expected.clamp(0.0, 1.0);
        ui.painter().line_segment(
            [
                egui::pos2(x, rect.top() - 2.0),
                egui::pos2(x, rect.bottom() + 2.0),
            ],
            egui::Stroke::new(2.0, palette.expected),
        );
    }
    let t = texts();
    response.on_hover_text(t.progress_hint(&row.percent, row.expected.as_deref()));
}

/// Title, parties, period with elapsed time, and the counts per status.
fn header_ui(
    ui: &mut Ui,
    pledge: &Pledge,
    report: &StatusReport,
    data: &DashboardData<'_>,
    commands: &mut Vec<Command>,
) {
    let view = data.view;
    let t = texts();
    let palette = Palette::for_ui(ui);
    ui.heading(&pledge.title);
    let parties: Vec<&str> = pledge.parties.iter().map(|p| p.name.as_str()).collect();
    ui.label(parties.join(" · "));
    ui.horizontal(|ui| {
        let period = pledge.period;
        let total = period.days().max(1);
        let elapsed = elapsed_days(&period, report.as_of);
        ui.label(format!("{} {} – {}", t.period, period.start, period.end));
        // Before the start the figures are of its first day; "dag 1" would
        // pretend it has begun.
        let (fraction, text) = if data.today < period.start {
            (0.0, t.starts_in(data.today.days_until(period.start)))
        } else {
            (elapsed as f32 / total as f32, t.day_of(elapsed, total))
        };
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_width(260.0)
                .text(text),
        );
    });
    ui.horizontal_wrapped(|ui| {
        for (status, count) in MeasuredStatus::ALL
            .iter()
            .zip(report.counts())
            .filter(|(s, n)| *n > 0 || s.always_listed())
        {
            let active = view.filters.status == Some(*status);
            let text = RichText::new(format!("{} {status}: {count}", status.symbol()))
                .color(palette.status(*status))
                .strong();
            if ui
                .add(egui::Button::selectable(active, text))
                .on_hover_text(t.status_chip_hint)
                .clicked()
            {
                commands.push(Command::FilterStatus(if active {
                    None
                } else {
                    Some(*status)
                }));
            }
        }
        let reports: usize = report.by_party.iter().map(|g| g.reports).sum();
        ui.label(t.reports_total(reports));
    });
}

/// Shown when the pledge itself could not be read.
fn no_pledge_ui(ui: &mut Ui, doc: &Document, commands: &mut Vec<Command>) {
    let t = texts();
    ui.add_space(tokens::GAP * 2.0);
    ui.heading(t.no_pledge_heading);
    ui.label(t.no_pledge_body);
    if !doc.loaded.problems.is_empty() && ui.button(t.show_problems).clicked() {
        commands.push(Command::SetTab(super::state::Tab::Problems));
    }
}
