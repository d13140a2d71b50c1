//! The problems tab: every error and warning of the files as
//! `fil:rad:kolumn` with the Swedish message; selecting one shows the
//! offending line of the file with its context.

use egui::text::LayoutJob;
use egui::{RichText, TextStyle, Ui};
use egui_extras::{Column, TableBuilder};

use crate::model::{Problem, Severity};
use crate::store::Loaded;

use super::state::Command;
use super::text::texts;
use super::tokens::{self, Palette};

/// One line of a file excerpt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExcerptLine {
    /// 1-based line number.
    pub number: usize,
    /// The text of the line.
    pub text: String,
    /// Whether this is the line the problem points at.
    pub is_problem_line: bool,
}

/// The lines around a problem's position, from the text the loader read;
/// empty when the file could not be read as text.
pub fn excerpt(loaded: &Loaded, problem: &Problem) -> Vec<ExcerptLine> {
    let Some(text) = loaded
        .sources
        .iter()
        .find(|s| s.path.display().to_string() == problem.file)
        .and_then(|s| s.text.as_ref().ok())
    else {
        return Vec::new();
    };
    let first = problem
        .line
        .saturating_sub(tokens::EXCERPT_CONTEXT_LINES)
        .max(1);
    let last = problem.line + tokens::EXCERPT_CONTEXT_LINES;
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .filter(|(n, _)| (first..=last).contains(n))
        .map(|(number, line)| ExcerptLine {
            number,
            // Long lines (a minified file) are cut so the view stays usable.
            text: line.chars().take(400).collect(),
            is_problem_line: number == problem.line,
        })
        .collect()
}

/// Draws the list of problems and the excerpt of the selected one.
pub fn problems_ui(
    ui: &mut Ui,
    loaded: &Loaded,
    selected: Option<usize>,
    commands: &mut Vec<Command>,
) {
    let t = texts();
    let palette = Palette::for_ui(ui);
    if loaded.problems.is_empty() {
        ui.label(t.no_problems);
        return;
    }
    let errors = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Fel)
        .count();
    ui.label(t.problem_counts(errors, loaded.problems.len() - errors));
    ui.add_space(tokens::GAP / 2.0);
    let excerpt_height = if selected.is_some() { 220.0 } else { 0.0 };
    let list_height = (ui.available_height() - excerpt_height - 40.0).max(120.0);
    // Clicks on a cell's text must reach the row, not select the text.
    ui.style_mut().interaction.selectable_labels = false;
    // Fixed widths, so each row's height can be measured before the table
    // is drawn: the place and the message wrap instead of being cut, since
    // a "fil:rad:kolumn" missing its end points nowhere.
    let spacing = ui.spacing().item_spacing.x;
    let available = ui.available_width() - 3.0 * spacing - ui.spacing().scroll.bar_width;
    let place_width = (available * 0.4).clamp(160.0, PLACE_MAX_WIDTH);
    let message_width = (available - SEVERITY_WIDTH - place_width).max(120.0);
    let rows: Vec<(String, String)> = loaded
        .problems
        .iter()
        .map(|p| (format!("{}:{}:{}", p.file, p.line, p.col), p.message()))
        .collect();
    let heights: Vec<f32> = rows
        .iter()
        .map(|(place, message)| {
            let text = wrapped_height(ui, place, place_width).max(wrapped_height(
                ui,
                message,
                message_width,
            ));
            (text + 6.0).max(tokens::SMALL_ROW_HEIGHT)
        })
        .collect();
    TableBuilder::new(ui)
        .id_salt("problems")
        .striped(true)
        .sense(egui::Sense::click())
        .max_scroll_height(list_height)
        .column(Column::exact(SEVERITY_WIDTH))
        .column(Column::exact(place_width))
        .column(Column::exact(message_width))
        .header(tokens::HEADER_ROW_HEIGHT, |mut header| {
            for label in [t.col_severity, t.col_place_in_file, t.col_message] {
                header.col(|ui| {
                    ui.label(RichText::new(label).strong());
                });
            }
        })
        .body(|body| {
            body.heterogeneous_rows(heights.into_iter(), |mut row| {
                let index = row.index();
                let (Some(problem), Some((place, message))) =
                    (loaded.problems.get(index), rows.get(index))
                else {
                    return;
                };
                row.set_selected(selected == Some(index));
                let (symbol, colour) = match problem.severity {
                    Severity::Fel => ("✖", palette.error),
                    Severity::Varning => ("⚠", palette.warning),
                };
                row.col(|ui| {
                    ui.label(
                        RichText::new(format!("{symbol} {}", problem.severity))
                            .color(colour)
                            .strong(),
                    );
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(wrapped_job(ui, place, place_width)).wrap());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(wrapped_job(ui, message, message_width)).wrap());
                });
                if row.response().clicked() {
                    commands.push(Command::SelectProblem(index));
                }
            });
        });
    if let Some(problem) = selected.and_then(|i| loaded.problems.get(i)) {
        ui.add_space(tokens::GAP);
        excerpt_ui(ui, loaded, problem, palette);
    }
}

/// Width of the severity column.
const SEVERITY_WIDTH: f32 = 90.0;
/// Widest the place column gets; longer paths wrap.
const PLACE_MAX_WIDTH: f32 = 520.0;

/// Body text wrapped at `width`: at spaces where it can, inside a word (a
/// path without spaces) where it must.
fn wrapped_job(ui: &Ui, text: &str, width: f32) -> LayoutJob {
    let font = TextStyle::Body.resolve(ui.style());
    LayoutJob::simple(text.to_owned(), font, ui.visuals().text_color(), width)
}

/// The height `text` takes wrapped at `width`.
fn wrapped_height(ui: &Ui, text: &str, width: f32) -> f32 {
    ui.painter()
        .layout_job(wrapped_job(ui, text, width))
        .size()
        .y
}

fn excerpt_ui(ui: &mut Ui, loaded: &Loaded, problem: &Problem, palette: &Palette) {
    let t = texts();
    ui.label(RichText::new(format!("{problem}")).strong());
    let lines = excerpt(loaded, problem);
    if lines.is_empty() {
        ui.label(t.no_excerpt);
        return;
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::ScrollArea::horizontal()
            .id_salt("excerpt")
            .show(ui, |ui| {
                for line in &lines {
                    let text =
                        RichText::new(format!("{:>5} │ {}", line.number, line.text)).monospace();
                    if line.is_problem_line {
                        ui.label(text.background_color(palette.highlight_fill).strong());
                        let caret =
                            format!("{:>5} │ {}^", "", " ".repeat(problem.col.saturating_sub(1)));
                        ui.label(RichText::new(caret).monospace().color(palette.error));
                    } else {
                        ui.label(text);
                    }
                }
            });
    });
}
