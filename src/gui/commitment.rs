//! The detail panel of one commitment: full text, areas, target, the
//! cumulative chart, its activity entries, places, and meeting assessments.
//!
//! [`Detail::new`] derives everything once per selection, date or data
//! change; [`detail_ui`] only draws it.

use std::cmp::Ordering;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::format;
use crate::model::meeting::assessment_history;
use crate::model::{Activity, CommitmentId, Date, Pledge, RevisionChange, roles};
use crate::status::{CommitmentStatus, SeriesPoint, words};

use super::chart::{ChartMarks, ChartSize, cumulative_chart_ui, weekly_dates};
use super::state::{Command, EntryColumn, Sort};
use super::text::texts;
use super::tokens::{self, Palette};
use super::widgets::icon_button;
use crate::workspace::Document;

/// One activity entry as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryRow {
    /// First day.
    pub date: Date,
    /// "2017-03-14", "2017-05-01 – 2017-07-31" or "oktober 2018": the
    /// precision the report gave.
    pub date_text: String,
    /// Party name.
    pub party: String,
    /// Amount for sorting (0 without a quantity).
    pub amount: f64,
    /// "ca 60 timmar" or "–".
    pub quantity: String,
    /// Place or "–".
    pub place: String,
    /// Note (may be empty).
    pub note: String,
    /// Why the entry does not count at the as-of date, if it does not: a
    /// range or running total not over yet ("räknas från 2018-12-31"), or
    /// a last day outside the target's window.
    pub not_counted: Option<String>,
    /// Index of its file in the document's activity files.
    pub file: usize,
    /// Index of the entry in that file.
    pub index: usize,
}

/// Everything the detail panel shows for one commitment.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    /// The commitment.
    pub id: CommitmentId,
    /// The date the figures describe.
    pub as_of: Date,
    /// Chart points over the whole period.
    pub series: Vec<SeriesPoint>,
    /// The commitment's entries up to the as-of date.
    pub entries: Vec<EntryRow>,
    /// Places with their number of entries, most first.
    pub places: Vec<(String, usize)>,
    /// Assessments by concluded meetings, oldest first.
    pub history: Vec<HistoryRow>,
    /// Dates of the meetings in the period, for marks in the chart.
    pub meeting_dates: Vec<Date>,
}

/// One meeting's assessment as the history lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRow {
    /// Meeting date.
    pub date: Date,
    /// Meeting name.
    pub meeting: String,
    /// The assessment in words.
    pub assessment: String,
    /// The reason recorded, if any.
    pub reason: Option<String>,
}

impl Detail {
    /// Derives the detail of `id` from the document; `None` if it does not exist.
    pub fn new(doc: &Document, id: &CommitmentId, sort: Sort<EntryColumn>) -> Option<Self> {
        let pledge = doc.pledge()?;
        let index = pledge.commitments.iter().position(|c| &c.id == id)?;
        let period = pledge.period;
        let mut dates = weekly_dates(period.start, period.end);
        if !dates.contains(&doc.as_of) {
            dates.push(doc.as_of);
            dates.sort_unstable();
        }
        let series = doc.prepared().series(pledge, index, &dates);
        let window = pledge
            .commitments
            .get(index)
            .and_then(|c| crate::status::target_window(pledge, c));
        let mut entries: Vec<EntryRow> = doc
            .activities()
            .iter()
            .enumerate()
            .flat_map(|(f, file)| file.entries.iter().enumerate().map(move |(i, e)| (f, i, e)))
            .filter(|(_, _, e)| e.first_day() <= doc.as_of && e.commitments.contains(id))
            .map(|(file, index, e)| {
                let mut row = entry_row(pledge, e, file, index, doc.as_of);
                let last_day = e.last_day();
                if row.not_counted.is_none() && window.is_some_and(|w| !w.contains(last_day)) {
                    row.not_counted = Some(words::outside_window().to_owned());
                }
                row
            })
            .collect();
        sort_entries(&mut entries, sort);
        // Places of the entries that count, so they add up with the figures.
        let mut places = crate::status::places::PlaceCounts::default();
        for entry in entries.iter().filter(|e| e.not_counted.is_none()) {
            places.add(&entry.place);
        }
        let places = places.sorted();
        let meetings = &doc.loaded.meetings;
        let history = assessment_history(meetings, id)
            .into_iter()
            .map(|r| HistoryRow {
                date: r.date,
                meeting: r.meeting.to_owned(),
                assessment: r.assessment.to_string(),
                reason: r.reason.map(ToOwned::to_owned),
            })
            .collect();
        let mut meeting_dates: Vec<Date> = meetings
            .iter()
            .map(|m| m.date)
            .filter(|d| period.contains(*d))
            .collect();
        meeting_dates.sort_unstable();
        meeting_dates.dedup();
        Some(Detail {
            id: id.clone(),
            as_of: doc.as_of,
            series,
            entries,
            places,
            history,
            meeting_dates,
        })
    }
}

fn entry_row(
    pledge: &Pledge,
    entry: &Activity,
    file: usize,
    index: usize,
    as_of: Date,
) -> EntryRow {
    let last_day = entry.last_day();
    EntryRow {
        not_counted: if entry.instead.is_some() {
            Some(words::not_counted_instead().to_owned())
        } else {
            (last_day > as_of).then(|| words::counts_from(last_day))
        },
        date: entry.first_day(),
        date_text: entry.when(),
        party: format::list(
            &entry
                .parties()
                .map(|id| {
                    pledge
                        .party(id)
                        .map_or_else(|| id.to_string(), |p| p.name.clone())
                })
                .collect::<Vec<_>>(),
        ),
        amount: entry.quantity.as_ref().map_or(0.0, |q| q.amount),
        quantity: entry.quantity.as_ref().map_or_else(
            || "–".to_owned(),
            |q| {
                let cumulative = if entry.cumulative { " (totalt)" } else { "" };
                format!(
                    "{}{} {}{cumulative}",
                    q.qualifier.prefix(),
                    format::number(q.amount),
                    q.unit
                )
            },
        ),
        place: entry.place.as_deref().unwrap_or("–").to_owned(),
        note: entry.note.clone().unwrap_or_default(),
        file,
        index,
    }
}

/// Sorts the activity list; ties keep date order.
pub fn sort_entries(entries: &mut [EntryRow], sort: Sort<EntryColumn>) {
    entries.sort_by(|a, b| {
        let order = match sort.column {
            EntryColumn::Date => Ordering::Equal,
            EntryColumn::Party => a.party.cmp(&b.party),
            EntryColumn::Quantity => a.amount.partial_cmp(&b.amount).unwrap_or(Ordering::Equal),
            EntryColumn::Place => a.place.cmp(&b.place),
        }
        .then(a.date.cmp(&b.date));
        if sort.ascending {
            order
        } else {
            order.reverse()
        }
    });
}

/// Draws the detail panel.
pub fn detail_ui(
    ui: &mut Ui,
    doc: &Document,
    detail: &Detail,
    sort: Sort<EntryColumn>,
    commands: &mut Vec<Command>,
) {
    let t = texts();
    let (Some(pledge), Some(report)) = (doc.pledge(), doc.status.as_ref()) else {
        return;
    };
    let (Some(commitment), Some(status)) =
        (pledge.commitment(&detail.id), report.commitment(&detail.id))
    else {
        return;
    };
    let palette = Palette::for_ui(ui);
    ui.horizontal(|ui| {
        ui.heading(format!("{} {}", t.commitment, commitment.id));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(t.close_detail_button)
                .on_hover_text(t.close_detail_hint)
                .clicked()
            {
                commands.push(Command::Run(super::actions::Action::CloseDetail));
            }
            if !doc.is_read_only()
                && ui
                    .button(super::actions::Action::NewActivity.label())
                    .on_hover_text(super::actions::Action::NewActivity.shortcut_text(ui.ctx()))
                    .clicked()
            {
                commands.push(Command::NewActivity(Some(detail.id.clone())));
            }
            if !doc.is_read_only()
                && ui
                    .button(t.planning_button)
                    .on_hover_text(t.planning_text_protected)
                    .clicked()
            {
                commands.push(Command::OpenPlanning(detail.id.clone()));
            }
        });
    });
    egui::ScrollArea::vertical()
        .id_salt("detail_scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.label(RichText::new(pledge.wording_at(commitment, report.as_of)).size(17.0));
            ui.add_space(tokens::GAP);
            facts_ui(ui, pledge, &detail.id, status, report.as_of);
            ui.add_space(tokens::GAP);
            status_ui(ui, status, report.as_of, palette);
            ui.add_space(tokens::GAP);
            chart_ui(ui, detail, status);
            ui.add_space(tokens::GAP);
            ui.label(RichText::new(t.places_heading).strong());
            if detail.places.is_empty() {
                ui.label(t.no_entries);
            } else {
                let places: Vec<String> = detail
                    .places
                    .iter()
                    .map(|(p, n)| format!("{p}: {n}"))
                    .collect();
                ui.label(places.join(" · "));
            }
            ui.add_space(tokens::GAP);
            ui.label(RichText::new(t.assessments_heading).strong());
            history_ui(ui, detail);
            ui.add_space(tokens::GAP);
            ui.label(RichText::new(t.entries_heading(detail.entries.len(), detail.as_of)).strong());
            entries_ui(ui, detail, sort, !doc.is_read_only(), commands);
        });
}

fn facts_ui(
    ui: &mut Ui,
    pledge: &Pledge,
    id: &CommitmentId,
    status: &CommitmentStatus,
    as_of: Date,
) {
    let t = texts();
    let Some(c) = pledge.commitment(id) else {
        return;
    };
    let name =
        |p: &crate::model::PartyId| pledge.party(p).map_or(p.to_string(), |p| p.name.clone());
    egui::Grid::new("detail_facts")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            row_heading(ui, t.owners);
            ui.label(format::list(&c.owners.iter().map(name).collect::<Vec<_>>()));
            ui.end_row();
            if let Some(lead) = roles::lead_name(pledge, c) {
                row_heading(ui, t.lead);
                ui.label(lead);
                ui.end_row();
            }
            let others = roles::other_actors(c);
            if !others.is_empty() {
                row_heading(ui, t.other_actors);
                ui.label(format::list(&others));
                ui.end_row();
            }
            // Who signed the pledge, and when: a commitment is promised by
            // the signatories, whoever else carries out part of it.
            row_heading(ui, t.pledge_signed);
            ui.label(roles::pledge_words(pledge));
            ui.end_row();
            row_heading(ui, t.problem_areas);
            ui.vertical(|ui| {
                for n in &c.problem_areas {
                    if let Some(area) = pledge.problem_areas.iter().find(|a| a.number == *n) {
                        let focus = if area.focus { t.focus_suffix } else { "" };
                        ui.label(format!("{}. {}{focus}", area.number, area.title));
                    }
                }
            });
            ui.end_row();
            if !c.places.is_empty() {
                row_heading(ui, t.places);
                ui.label(c.places.join(", "));
                ui.end_row();
            }
            if let Some(from) = &c.carried_over {
                row_heading(ui, t.carried_over);
                ui.label(format!("{} ({})", from.from, from.id));
                ui.end_row();
            }
            revisions_ui(ui, pledge, id);
            if !status.instead.is_empty() {
                row_heading(ui, t.instead_heading);
                ui.vertical(|ui| {
                    for substitute in &status.instead {
                        ui.label(words::instead(substitute));
                    }
                });
                ui.end_row();
            }
            row_heading(ui, t.col_target);
            ui.vertical(|ui| match pledge.target_at(c, as_of) {
                None => {
                    ui.label(t.no_target);
                }
                Some(target) => {
                    ui.label(target.to_string());
                    if let Some(window) = words::target_window(status) {
                        ui.label(window);
                    }
                    if let Some(date) = status.target_changed {
                        ui.label(words::target_changed(date));
                    }
                    if let Some(condition) = &target.condition {
                        ui.label(RichText::new(condition).italics());
                    }
                    if target.example {
                        ui.label(RichText::new(t.example_target).small());
                    }
                }
            });
            ui.end_row();
        });
}

/// A heading in the facts grid, at the top of its row: egui centres a grid
/// row's cells, which puts the heading of a long answer halfway down it.
fn row_heading(ui: &mut Ui, text: &str) {
    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
        ui.add(egui::Label::new(RichText::new(text).strong()).extend());
    });
}

/// The revisions of the commitment, oldest first: when, what, why, and the
/// earlier wording, so the promised text's history is never hidden.
fn revisions_ui(ui: &mut Ui, pledge: &Pledge, id: &CommitmentId) {
    let t = texts();
    let mut revisions = pledge
        .revisions
        .iter()
        .filter(|r| &r.commitment == id)
        .peekable();
    if revisions.peek().is_none() {
        return;
    }
    row_heading(ui, t.revisions);
    ui.vertical(|ui| {
        for r in revisions {
            ui.label(format!(
                "{} {}: {}",
                r.date.words(),
                r.change.word(),
                r.reason
            ));
            match &r.change {
                RevisionChange::Omformulerat { previous_text } => {
                    ui.label(
                        RichText::new(format!("{}: {previous_text}", t.previous_wording)).italics(),
                    );
                }
                RevisionChange::MalAndrat { previous } => {
                    let previous = previous
                        .as_ref()
                        .map_or_else(|| t.no_target.to_owned(), ToString::to_string);
                    ui.label(RichText::new(format!("{}: {previous}", t.previous_target)).italics());
                }
                RevisionChange::Tillagt | RevisionChange::Utgar => {}
            }
        }
    });
    ui.end_row();
}

fn status_ui(ui: &mut Ui, status: &CommitmentStatus, as_of: Date, palette: &Palette) {
    let t = texts();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(words::status_with_symbol(status))
                .color(palette.status(status.measured))
                .strong()
                .size(18.0),
        );
        ui.label(RichText::new(words::reported_of_target(status)).size(18.0));
        if let Some(p) = status.percent_of_target() {
            ui.label(RichText::new(format::percent(p)).size(18.0));
        }
    });
    let mut line = t.as_of_phrase(as_of);
    if let Some(expected) = words::expected_by_date(status) {
        line = format!("{expected} {line}");
    }
    ui.label(line);
    let last = status
        .last_report
        .map_or_else(|| "–".to_owned(), |d| d.to_string());
    ui.label(format!(
        "{} · {}: {last}",
        words::reports_count(status.reports),
        t.col_last_report
    ));
    if let Some(reached) = words::milestone_reached(status) {
        ui.label(reached);
    }
    for part in &status.parts {
        ui.label(RichText::new(words::part(part)).color(palette.status(part.status.measured)));
    }
    if !status.coverage.is_empty() {
        ui.label(RichText::new(texts().coverage_heading).strong());
        egui::Grid::new("coverage")
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for place in &status.coverage {
                    ui.label(&place.place);
                    ui.label(words::place_coverage(place));
                    ui.end_row();
                }
            });
    }
}

fn chart_ui(ui: &mut Ui, detail: &Detail, status: &CommitmentStatus) {
    let unit = status.unit.as_deref().unwrap_or(texts().reports_unit);
    let marks = ChartMarks {
        as_of: detail.as_of,
        meetings: &detail.meeting_dates,
        unit: Some(unit),
    };
    cumulative_chart_ui(
        ui,
        &format!("detail_chart/{}", detail.id),
        &detail.series,
        &marks,
        ChartSize::Full,
    );
}

fn history_ui(ui: &mut Ui, detail: &Detail) {
    let t = texts();
    if detail.history.is_empty() {
        ui.label(t.no_assessments);
        return;
    }
    egui::Grid::new("history")
        .num_columns(3)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for row in &detail.history {
                ui.label(row.date.to_string());
                ui.label(RichText::new(&row.assessment).strong());
                ui.vertical(|ui| {
                    ui.label(RichText::new(&row.meeting).small());
                    if let Some(reason) = &row.reason {
                        ui.label(reason);
                    }
                });
                ui.end_row();
            }
        });
}

fn entries_ui(
    ui: &mut Ui,
    detail: &Detail,
    sort: Sort<EntryColumn>,
    editable: bool,
    commands: &mut Vec<Command>,
) {
    let t = texts();
    if detail.entries.is_empty() {
        ui.label(t.no_entries);
        return;
    }
    let headings = [
        (Some(EntryColumn::Date), t.col_date),
        (Some(EntryColumn::Party), t.col_party),
        (Some(EntryColumn::Quantity), t.col_quantity),
        (Some(EntryColumn::Place), t.col_place),
        (None, t.col_note),
    ];
    TableBuilder::new(ui)
        .id_salt("entries")
        .striped(true)
        // Its own scroll area: thousands of entries stay virtualised.
        .max_scroll_height(tokens::ENTRIES_HEIGHT)
        .columns(Column::auto(), usize::from(editable))
        .column(Column::initial(110.0).at_least(90.0).clip(true))
        .column(Column::initial(90.0).clip(true))
        .column(Column::initial(120.0).clip(true))
        .column(Column::initial(140.0).clip(true))
        .column(Column::remainder().clip(true))
        .header(tokens::HEADER_ROW_HEIGHT, |mut header| {
            if editable {
                header.col(|_| {});
            }
            for (column, label) in headings {
                header.col(|ui| match column {
                    Some(column) => {
                        let text =
                            RichText::new(format!("{label}{}", sort.marker(column))).strong();
                        if ui
                            .add(egui::Button::new(text).frame(false))
                            .on_hover_text(t.sort_hint)
                            .clicked()
                        {
                            commands.push(Command::SortEntriesBy(column));
                        }
                    }
                    None => {
                        ui.label(RichText::new(label).strong());
                    }
                });
            }
        })
        .body(|body| {
            body.rows(tokens::SMALL_ROW_HEIGHT, detail.entries.len(), |mut row| {
                let Some(entry) = detail.entries.get(row.index()) else {
                    return;
                };
                if editable {
                    row.col(|ui| {
                        let (file, index) = (entry.file, entry.index);
                        let edit =
                            format!("{} {} {}", t.edit_activity, entry.date_text, entry.place);
                        if icon_button(ui, "✎", &edit, true).clicked() {
                            commands.push(Command::EditActivity { file, index });
                        }
                        let delete =
                            format!("{} {} {}", t.delete_activity, entry.date_text, entry.place);
                        if icon_button(ui, "✖", &delete, true).clicked() {
                            commands.push(Command::DeleteActivity { file, index });
                        }
                    });
                }
                row.col(|ui| {
                    ui.label(&entry.date_text);
                });
                row.col(|ui| {
                    ui.label(&entry.party);
                });
                row.col(|ui| match &entry.not_counted {
                    // Not counted yet: said in words, and greyed so it does not read as a figure.
                    Some(from) => {
                        ui.label(RichText::new(format!("{} ({from})", entry.quantity)).weak())
                            .on_hover_text(from);
                    }
                    None => {
                        ui.label(&entry.quantity);
                    }
                });
                row.col(|ui| {
                    ui.label(&entry.place);
                });
                row.col(|ui| {
                    if !entry.note.is_empty() {
                        ui.label(&entry.note).on_hover_text(&entry.note);
                    }
                });
            });
        });
}
