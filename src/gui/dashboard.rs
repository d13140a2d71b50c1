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
use super::widgets::{keep_together, text_width};
use crate::workspace::Document;

/// Below this width the table leaves out the parties (the group headings
/// already name them); below the next, the progress bar and the last report
/// day (the detail panel is open and shows them); below the last, target
/// and assessment too.
const WIDE_WIDTH: f32 = 1400.0;
/// See [`WIDE_WIDTH`].
const COMPACT_WIDTH: f32 = 1050.0;
/// See [`WIDE_WIDTH`].
const NARROW_WIDTH: f32 = 640.0;

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
        let range = data
            .doc
            .as_of_range()
            .unwrap_or((pledge.period.start, pledge.period.end));
        // The header is four tight rows (title, period and date, counts,
        // filters), so nine commitments still fit below it on a 1366×768
        // laptop.
        ui.scope(|ui| {
            ui.spacing_mut().item_spacing.y = tokens::HEADER_ROW_GAP;
            title_ui(ui, pledge);
            ui.horizontal_wrapped(|ui| {
                period_ui(ui, pledge, report, data.today);
                // The as-of date shares the period's row when there is room
                // for its field and slider; its buttons wrap on their own.
                if ui.available_size_before_wrap().x >= as_of_lead_width(ui) {
                    ui.separator();
                } else {
                    ui.end_row();
                }
                self.as_of_ui(ui, pledge, range, report.as_of, data.today, commands);
            });
            counts_ui(ui, report, data, commands);
            self.filters_ui(ui, pledge, data, commands);
        });
        ui.add_space(tokens::HEADER_ROW_GAP);
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
        keep_together(ui, as_of_field_width(ui));
        let label = ui.add(egui::Label::new(RichText::new(t.as_of_label).strong()).extend());
        let edit = ui
            .add(egui::TextEdit::singleline(&mut self.as_of_text).desired_width(AS_OF_FIELD_WIDTH))
            .labelled_by(label.id)
            .on_hover_text(t.as_of_hint);
        let typed = self.as_of_text.trim().parse::<Date>();
        let committed = edit.lost_focus() || (edit.changed() && self.as_of_text.trim().len() == 10);
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
        // egui cannot wrap a slider with its text: move both on as one.
        keep_together(ui, slider_width(ui));
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
            keep_together(
                ui,
                text_width(ui, t.search_label, &TextStyle::Body)
                    + SEARCH_WIDTH
                    + ui.spacing().item_spacing.x,
            );
            let search_label = ui.add(egui::Label::new(t.search_label).extend());
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut self.search_text)
                        .hint_text(t.search_hint)
                        .desired_width(SEARCH_WIDTH),
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
        // Each set of columns keeps its own widths: widths sized for one set
        // (and remembered across runs) must not squeeze another.
        let layout: Vec<&str> = columns.iter().map(|(_, label, _)| *label).collect();
        // Clicks on a cell's text must reach the row, not select the text.
        ui.style_mut().interaction.selectable_labels = false;
        // No gap between rows: the stripes tell them apart, and the 6 points
        // a row saved are a tenth row on a laptop screen.
        ui.spacing_mut().item_spacing.y = 0.0;
        let mut table = TableBuilder::new(ui)
            .id_salt(("commitments", layout))
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
                    Line::Group(..) => tokens::GROUP_ROW_HEIGHT,
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

/// The table's columns for the width available. The parties only when
/// wide (group headings name them anyway); when the detail panel leaves the
/// table narrow, the progress bar and the last report day give way (the
/// panel shows both) so that target and assessment stay readable.
fn table_columns(width: f32) -> Vec<(SortColumn, &'static str, Column)> {
    let t = texts();
    let resizable = |initial: f32, min: f32| {
        Column::initial(initial)
            .at_least(min)
            .clip(true)
            .resizable(true)
    };
    let wide = width >= WIDE_WIDTH;
    let full = width >= COMPACT_WIDTH;
    let narrow = width < NARROW_WIDTH;
    let mut columns = vec![
        (SortColumn::Id, t.col_id, Column::exact(44.0)),
        (
            SortColumn::Text,
            t.col_text,
            Column::remainder().at_least(140.0).clip(true),
        ),
    ];
    if wide {
        columns.push((SortColumn::Parties, t.col_parties, resizable(150.0, 80.0)));
    }
    if !narrow {
        columns.push((
            SortColumn::Target,
            t.col_target,
            resizable(if full { 160.0 } else { 120.0 }, 110.0),
        ));
    }
    columns.push((
        SortColumn::Reported,
        t.col_reported,
        resizable(if full { 175.0 } else { 130.0 }, 120.0),
    ));
    if full {
        columns.push((SortColumn::Progress, t.col_progress, Column::exact(120.0)));
    }
    columns.push((
        SortColumn::Status,
        t.col_status,
        Column::initial(if full { 140.0 } else { 110.0 })
            .at_least(100.0)
            .clip(true),
    ));
    if !narrow {
        columns.push((
            SortColumn::Assessment,
            t.col_assessment,
            Column::initial(120.0).at_least(110.0).clip(true),
        ));
    }
    if full {
        columns.push((
            SortColumn::LastReport,
            t.col_last_report_short,
            Column::exact(112.0),
        ));
    }
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
    // A label and its drop-down wrap together.
    let font = TextStyle::Button.resolve(ui.style());
    let combo = ui
        .painter()
        .layout_no_wrap(selected_text.clone(), font, egui::Color32::PLACEHOLDER)
        .size()
        .x
        + ui.spacing().icon_width
        + 2.0 * ui.spacing().button_padding.x
        + ui.spacing().item_spacing.x;
    keep_together(
        ui,
        text_width(ui, label, &TextStyle::Body)
            + combo.max(ui.spacing().combo_width)
            + ui.spacing().item_spacing.x,
    );
    let label = ui.add(egui::Label::new(label).extend());
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
                ui.spacing_mut().item_spacing.y = 1.0;
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
                // Wrapped, not cut: "villkoret uppfylldes inte" takes two lines.
                ui.add(egui::Label::new(assessment).wrap())
                    .on_hover_text(t.assessed_at(date));
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
            .fill(palette.bar_fill(row.status))
            .text(RichText::new(&row.percent).strong()),
    );
    outline_ui(ui, response.rect);
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

/// Width of the search field.
const SEARCH_WIDTH: f32 = 220.0;
/// Width of the as-of date field.
const AS_OF_FIELD_WIDTH: f32 = 110.0;

/// Width of "Läget per" and its date field.
fn as_of_field_width(ui: &Ui) -> f32 {
    text_width(ui, texts().as_of_label, &TextStyle::Body)
        + AS_OF_FIELD_WIDTH
        + 2.0 * ui.spacing().item_spacing.x
}

/// Width of the as-of slider with its text.
fn slider_width(ui: &Ui) -> f32 {
    ui.spacing().slider_width
        + text_width(ui, texts().as_of_slider, &TextStyle::Body)
        + 2.0 * ui.spacing().item_spacing.x
}

/// Width of the as-of controls that cannot wrap: field and slider.
fn as_of_lead_width(ui: &Ui) -> f32 {
    as_of_field_width(ui) + slider_width(ui) + 20.0
}

/// The pledge's title with its parties on the same line.
fn title_ui(ui: &mut Ui, pledge: &Pledge) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(&pledge.title);
        let parties: Vec<&str> = pledge.parties.iter().map(|p| p.name.as_str()).collect();
        ui.label(parties.join(" · "));
    });
}

/// The period and how far the as-of date is into it, as a bar with the
/// day written inside.
fn period_ui(ui: &mut Ui, pledge: &Pledge, report: &StatusReport, today: Date) {
    let t = texts();
    let period = pledge.period;
    let total = period.days().max(1);
    let elapsed = elapsed_days(&period, report.as_of);
    ui.label(format!("{} {} – {}", t.period, period.start, period.end));
    // Before the start the figures are of its first day; "dag 1" would
    // pretend it has begun.
    let (fraction, text) = if today < period.start {
        (0.0, t.starts_in(today.days_until(period.start)))
    } else {
        (elapsed as f32 / total as f32, t.day_of(elapsed, total))
    };
    day_bar_ui(ui, fraction, text);
}

/// A progress bar sized to its text, so the text always sits wholly
/// inside it (egui clips a bar's text at the bar's edge), and outlined, so
/// the bar's end is seen where the text is.
fn day_bar_ui(ui: &mut Ui, fraction: f32, text: String) {
    let font = TextStyle::Button.resolve(ui.style());
    let galley = ui
        .painter()
        .layout_no_wrap(text.clone(), font, ui.visuals().text_color());
    // egui draws the text one item spacing in from the left edge.
    let padding = ui.spacing().item_spacing.x;
    let width = (galley.size().x + 3.0 * padding).max(tokens::DAY_BAR_MIN_WIDTH);
    let height = (galley.size().y + 4.0).max(ui.spacing().interact_size.y);
    let response = ui.add(
        egui::ProgressBar::new(fraction)
            .desired_width(width)
            .desired_height(height)
            .text(text),
    );
    outline_ui(ui, response.rect);
}

/// An outline around a progress bar: its empty part is the text-field
/// white, which on the light panel is invisible, so without it the text
/// seems to run out of a bar that ends where the fill ends.
fn outline_ui(ui: &Ui, rect: egui::Rect) {
    ui.painter().rect_stroke(
        rect,
        rect.height() / 2.0,
        egui::Stroke::new(1.0, Palette::for_ui(ui).bar_outline),
        egui::StrokeKind::Inside,
    );
}

/// The counts per status (buttons that filter), the reports in all and how
/// many commitments the filters show.
fn counts_ui(
    ui: &mut Ui,
    report: &StatusReport,
    data: &DashboardData<'_>,
    commands: &mut Vec<Command>,
) {
    let view = data.view;
    let t = texts();
    let palette = Palette::for_ui(ui);
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
        let shown = data
            .lines
            .iter()
            .filter(|l| matches!(l, Line::Row(_)))
            .count();
        for text in [
            t.reports_total(reports),
            t.showing(shown, data.rows.rows.len()),
        ] {
            // Each text moves to the next row whole, with its separator.
            if !keep_together(ui, text_width(ui, &text, &TextStyle::Body) + 20.0) {
                ui.separator();
            }
            ui.add(egui::Label::new(text).extend());
        }
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
