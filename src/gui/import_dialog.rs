//! "Importera aktiviteter…": a preview of the sheet where each column's
//! meaning can be fixed before anything is written, every row problem with
//! its row and column, and the counts of what would happen.

use std::path::PathBuf;

use egui::{Id, RichText, Ui};

use super::state::Command;
use super::text::texts;
use super::tokens::{self, Palette};
use crate::import::{Field, Mapping, Plan, Table, column_letter};
use crate::model::{PartyId, Pledge, Severity};

/// How many rows the preview shows.
const PREVIEW_ROWS: usize = 8;
/// How many problems are listed (the counts say how many there are).
const SHOWN_PROBLEMS: usize = 200;

/// The import dialog's state.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportDialog {
    /// The spreadsheet.
    pub path: PathBuf,
    /// The sheet read.
    pub table: Table,
    /// Which column holds what.
    pub mapping: Mapping,
    /// The party of rows without one.
    pub party: Option<PartyId>,
    /// Import the valid rows even when others have errors.
    pub only_valid: bool,
    /// What the import would do with the current mapping (set by the app).
    pub plan: Plan,
    /// Whether the mapping or party changed since `plan` was made.
    pub dirty: bool,
}

impl ImportDialog {
    /// A dialog for a sheet just read, with the columns recognised from its headings.
    pub fn new(path: PathBuf, table: Table) -> Self {
        let mapping = Mapping::guess(&table.headers);
        ImportDialog {
            path,
            table,
            mapping,
            party: None,
            only_valid: false,
            plan: Plan::default(),
            dirty: true,
        }
    }

    /// Whether "Importera" may be pressed.
    pub fn can_import(&self) -> bool {
        !self.dirty && !self.plan.entries.is_empty() && (!self.plan.has_errors() || self.only_valid)
    }

    /// Draws the dialog.
    pub fn ui(&mut self, ctx: &egui::Context, pledge: &Pledge, commands: &mut Vec<Command>) {
        let t = texts();
        // A window rather than a modal: the column choosers are combo boxes,
        // and a modal's backdrop takes the clicks meant for their popups.
        let mut open = true;
        let width = ctx.content_rect().width().min(1100.0) - 80.0;
        egui::Window::new(t.import_title)
            .id(Id::unique("import_dialog"))
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_width(width)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(
                    self.path
                        .file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                );
                ui.horizontal(|ui| {
                    if self.table.sheets.len() > 1 {
                        let label = ui.label(t.import_sheet);
                        let mut chosen = self.table.sheet.clone();
                        egui::ComboBox::from_id_salt("import_sheet")
                            .selected_text(&chosen)
                            .show_ui(ui, |ui| {
                                for sheet in &self.table.sheets {
                                    ui.selectable_value(&mut chosen, sheet.clone(), sheet);
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        if chosen != self.table.sheet {
                            commands.push(Command::ImportSheet(chosen));
                        }
                    }
                    let label = ui.label(t.import_party);
                    let name = self
                        .party
                        .as_ref()
                        .and_then(|p| pledge.party(p))
                        .map_or(t.import_party_from_sheet, |p| p.name.as_str());
                    let before = self.party.clone();
                    egui::ComboBox::from_id_salt("import_party")
                        .selected_text(name)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut self.party, None, t.import_party_from_sheet);
                            for party in &pledge.parties {
                                ui.selectable_value(
                                    &mut self.party,
                                    Some(party.id.clone()),
                                    &party.name,
                                );
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    self.dirty |= before != self.party;
                });
                ui.add_space(tokens::GAP);
                ui.label(RichText::new(t.import_mapping_hint).small());
                self.preview_ui(ui);
                ui.add_space(tokens::GAP);
                self.summary_ui(ui);
                ui.add_space(tokens::GAP);
                ui.checkbox(&mut self.only_valid, t.import_only_valid);
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(self.can_import(), egui::Button::new(t.import_button))
                        .clicked()
                    {
                        commands.push(Command::RunImport);
                    }
                    if ui.button(t.cancel_button).clicked() {
                        commands.push(Command::CloseImport);
                    }
                });
            });
        if !open || ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            commands.push(Command::CloseImport);
        }
    }

    fn preview_ui(&mut self, ui: &mut Ui) {
        let t = texts();
        let width = self.table.width();
        egui::ScrollArea::both()
            .id_salt("import_preview")
            .max_height(300.0)
            .show(ui, |ui| {
                egui::Grid::new("import_preview_grid")
                    .striped(true)
                    .spacing([10.0, 4.0])
                    .show(ui, |ui| {
                        ui.label(RichText::new(t.import_row).strong());
                        for column in 0..width {
                            let current = self.mapping.field_of(column);
                            let mut chosen = current;
                            let heading = self.table.headers.get(column).map_or("", |h| h.trim());
                            let label = format!("{} {heading}", column_letter(column));
                            ui.vertical(|ui| {
                                let title = ui.label(RichText::new(&label).strong());
                                egui::ComboBox::from_id_salt(("import_column", column))
                                    .selected_text(chosen.map_or(t.import_unused, Field::heading))
                                    .width(130.0)
                                    .show_ui(ui, |ui| {
                                        ui.selectable_value(&mut chosen, None, t.import_unused);
                                        for field in Field::ALL {
                                            ui.selectable_value(
                                                &mut chosen,
                                                Some(field),
                                                field.heading(),
                                            );
                                        }
                                    })
                                    .response
                                    .labelled_by(title.id);
                            });
                            if chosen != current {
                                self.mapping.set(column, chosen);
                                self.dirty = true;
                            }
                        }
                        ui.end_row();
                        for (i, row) in self.table.rows.iter().take(PREVIEW_ROWS).enumerate() {
                            ui.label((i + 2).to_string());
                            for column in 0..width {
                                let text = row
                                    .get(column)
                                    .map(crate::import::Cell::display)
                                    .unwrap_or_default();
                                let short: String = text.chars().take(40).collect();
                                ui.label(short).on_hover_text(text);
                            }
                            ui.end_row();
                        }
                    });
            });
    }

    fn summary_ui(&self, ui: &mut Ui) {
        let t = texts();
        let plan = &self.plan;
        ui.label(
            RichText::new(t.import_counts(
                plan.rows,
                plan.entries.len(),
                plan.already_there.len(),
                plan.likely_duplicates.len(),
                plan.error_rows().len(),
            ))
            .strong(),
        );
        if plan.problems.is_empty() {
            return;
        }
        let palette = Palette::for_ui(ui);
        egui::ScrollArea::vertical()
            .id_salt("import_problems")
            .max_height(180.0)
            .show(ui, |ui| {
                for p in plan.problems.iter().take(SHOWN_PROBLEMS) {
                    let (symbol, color) = match p.severity {
                        Severity::Fel => ("✖", palette.error),
                        Severity::Varning => ("⚠", palette.warning),
                    };
                    ui.label(RichText::new(format!("{symbol} {p}")).color(color));
                }
                if plan.problems.len() > SHOWN_PROBLEMS {
                    ui.label(t.import_more_problems(plan.problems.len() - SHOWN_PROBLEMS));
                }
            });
    }
}
