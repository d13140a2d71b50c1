//! The problems tab: every error and warning of the files as
//! `fil:rad:kolumn` with the Swedish message; selecting one shows the
//! offending line of the file with its context.

use egui::{RichText, Ui};
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
    TableBuilder::new(ui)
        .id_salt("problems")
        .striped(true)
        .sense(egui::Sense::click())
        .max_scroll_height(list_height)
        .column(Column::exact(90.0))
        .column(
            Column::initial(320.0)
                .at_least(160.0)
                .clip(true)
                .resizable(true),
        )
        .column(Column::remainder().clip(true))
        .header(tokens::HEADER_ROW_HEIGHT, |mut header| {
            for label in [t.col_severity, t.col_place_in_file, t.col_message] {
                header.col(|ui| {
                    ui.label(RichText::new(label).strong());
                });
            }
        })
        .body(|body| {
            body.rows(
                tokens::SMALL_ROW_HEIGHT,
                loaded.problems.len(),
                |mut row| {
                    let index = row.index();
                    let Some(problem) = loaded.problems.get(index) else {
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
                        ui.label(format!("{}:{}:{}", problem.file, problem.line, problem.col));
                    });
                    row.col(|ui| {
                        let message = problem.message();
                        ui.label(&message).on_hover_text(&message);
                    });
                    if row.response().clicked() {
                        commands.push(Command::SelectProblem(index));
                    }
                },
            );
        });
    if let Some(problem) = selected.and_then(|i| loaded.problems.get(i)) {
        ui.add_space(tokens::GAP);
        excerpt_ui(ui, loaded, problem, palette);
    }
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
