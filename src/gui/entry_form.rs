//! "Ny aktivitet": the form for reporting one activity in seconds. It
//! validates as you type with the same Swedish messages as `check`, warns
//! about a likely duplicate, keeps personnummer out of notes, and after
//! Enter starts the next entry with the same date, party, place and
//! commitment. The form only emits commands; the app writes the file.

use egui::{Id, Key, Modal, RichText, Ui};

use super::calendar::DatePicker;
use super::state::Command;
use super::text::texts;
use super::tokens::{self, Palette};
use crate::import::{Cell, Field, parse_amount, parse_date};
use crate::model::validate::{check_entry, likely_duplicate};
use crate::model::{
    Activity, ActivityFile, CommitmentId, Date, PartyId, Pledge, Qualifier, Quantity, Severity,
};

/// A message about the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormProblem {
    /// The field, or `None` for the entry as a whole (a likely duplicate).
    pub field: Option<Field>,
    /// Error (cannot be saved) or warning.
    pub severity: Severity,
    /// In Swedish.
    pub message: String,
}

/// An entry being edited: where it is, to replace it.
#[derive(Debug, Clone, PartialEq)]
pub struct Editing {
    /// Index into the document's activity files.
    pub file: usize,
    /// Index of the entry in the file.
    pub index: usize,
    /// The entry as it was.
    pub original: Activity,
}

/// The form's state: text as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryForm {
    /// Datum as typed.
    pub date: String,
    /// Till och med as typed (empty: one day).
    pub until: String,
    /// Search text for the commitment list.
    pub search: String,
    /// The chosen commitment.
    pub commitment: Option<CommitmentId>,
    /// The chosen party.
    pub party: Option<PartyId>,
    /// The parties it was done together with ("Tillsammans med").
    pub with: Vec<PartyId>,
    /// Antal as typed.
    pub amount: String,
    /// Enhet.
    pub unit: String,
    /// exakt / minst / cirka.
    pub qualifier: Qualifier,
    /// Plats.
    pub place: String,
    /// Anteckning.
    pub note: String,
    /// "Delmålet är nått": the entry says its milestone was reached.
    pub milestone_reached: bool,
    /// Why this was done instead of what was promised; empty for an
    /// ordinary entry.
    pub instead: String,
    /// The part of the commitment, for one followed up in parts.
    pub part: Option<String>,
    /// Set when an existing entry is edited.
    pub editing: Option<Editing>,
    /// How many entries were saved since the form opened.
    pub saved: usize,
    /// Ask for the keyboard focus on the date field next frame.
    focus_date: bool,
    /// The calendars of Datum and Till och med (one open at a time).
    calendars: [DatePicker; 2],
}

/// The form's two date fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateField {
    /// Datum (the first day).
    Date,
    /// Till och med (the last day).
    Until,
}

impl DateField {
    /// Its calendar's place in [`EntryForm::calendars`].
    fn index(self) -> usize {
        match self {
            DateField::Date => 0,
            DateField::Until => 1,
        }
    }
}

impl EntryForm {
    /// A new entry: today's date moved into the period, the commitment if
    /// one is selected, the party reported for last time.
    pub fn new(
        pledge: &Pledge,
        date: Date,
        commitment: Option<CommitmentId>,
        party: Option<PartyId>,
    ) -> Self {
        let mut form = EntryForm {
            date: pledge.period.clamp(date).to_string(),
            until: String::new(),
            search: String::new(),
            commitment: None,
            party: party.filter(|p| pledge.party(p).is_some()),
            with: Vec::new(),
            amount: String::new(),
            unit: String::new(),
            qualifier: Qualifier::Exakt,
            place: String::new(),
            note: String::new(),
            milestone_reached: false,
            instead: String::new(),
            part: None,
            editing: None,
            saved: 0,
            focus_date: true,
            calendars: [DatePicker::default(); 2],
        };
        if let Some(id) = commitment {
            form.choose(pledge, id);
        }
        form
    }

    /// A form filled with an existing entry, to change it.
    pub fn edit(pledge: &Pledge, file: usize, index: usize, entry: &Activity) -> Self {
        let mut form = EntryForm::new(pledge, entry.first_day(), None, Some(entry.party.clone()));
        form.date = entry.date.to_string();
        form.until = entry.until.map(|d| d.to_string()).unwrap_or_default();
        form.commitment = entry.commitments.first().cloned();
        if let Some(q) = &entry.quantity {
            form.amount = crate::format::number(q.amount).replace(' ', "");
            form.unit = q.unit.to_string();
            form.qualifier = q.qualifier;
        }
        entry
            .place
            .as_deref()
            .unwrap_or_default()
            .clone_into(&mut form.place);
        form.note = entry.note.clone().unwrap_or_default();
        form.with.clone_from(&entry.with);
        form.milestone_reached = entry.milestone_reached;
        form.instead = entry.instead.clone().unwrap_or_default();
        form.part.clone_from(&entry.part);
        form.editing = Some(Editing {
            file,
            index,
            original: entry.clone(),
        });
        form
    }

    /// Chooses a commitment; the unit follows its target unless typed.
    pub fn choose(&mut self, pledge: &Pledge, id: CommitmentId) {
        let previous_default = self
            .commitment
            .as_ref()
            .and_then(|c| pledge.commitment(c))
            .and_then(|c| c.target.as_ref())
            .map(|t| t.unit.clone());
        let commitment = pledge.commitment(&id);
        if self.unit.trim().is_empty() || previous_default.as_deref() == Some(self.unit.trim()) {
            self.unit = commitment
                .and_then(|c| c.target.as_ref())
                .map(|t| t.unit.clone())
                .unwrap_or_default();
        }
        if self.party.is_none()
            && let Some([only]) = commitment.map(|c| c.owners.as_slice())
        {
            self.party = Some(only.clone());
        }
        self.commitment = Some(id);
    }

    /// Whether the form offers "Delmålet är nått": the chosen commitment's
    /// (or part's) target is a milestone, or the entry being edited already says so
    /// (so the flag can be seen and taken back).
    pub fn milestone_applies(&self, pledge: &Pledge) -> bool {
        let commitment = self.commitment.as_ref().and_then(|c| pledge.commitment(c));
        // The chosen part's target, else the commitment's.
        let target = match (&self.part, commitment) {
            (Some(part), Some(c)) => c
                .parts
                .iter()
                .find(|p| &p.id == part)
                .and_then(|p| p.target.as_ref()),
            (None, Some(c)) => c.target.as_ref(),
            _ => None,
        };
        let milestone =
            target.is_some_and(|t| matches!(t.shape, crate::model::TargetShape::Milestone { .. }));
        milestone || self.milestone_reached
    }

    /// After a save: the next entry keeps date, party, place and commitment.
    pub fn next_entry(&mut self) {
        self.amount.clear();
        self.note.clear();
        self.until.clear();
        self.milestone_reached = false;
        self.instead.clear();
        self.editing = None;
        self.saved += 1;
        self.focus_date = true;
    }

    /// The entry, or why the fields do not make one.
    pub fn entry(&self) -> Result<Activity, Vec<FormProblem>> {
        let t = texts();
        let mut problems = Vec::new();
        let mut error = |field, message: String| {
            problems.push(FormProblem {
                field,
                severity: Severity::Fel,
                message,
            });
        };
        // A day, or a whole week, month or year ("2018-10") as reports say.
        let date = match crate::import::parse_span(&Cell::Text(self.date.clone())) {
            Ok(d) => Some(d),
            Err(m) => {
                error(Some(Field::Datum), m);
                None
            }
        };
        let until = if self.until.trim().is_empty() {
            None
        } else {
            match parse_date(&Cell::Text(self.until.clone())) {
                Ok(d) => Some(d),
                Err(m) => {
                    error(Some(Field::Till), m);
                    None
                }
            }
        };
        if self.commitment.is_none() {
            error(Some(Field::Atagande), t.form_choose_commitment.to_owned());
        }
        if self.party.is_none() {
            error(Some(Field::Part), t.form_choose_party.to_owned());
        }
        let quantity = if self.amount.trim().is_empty() {
            None
        } else {
            match parse_amount(&Cell::Text(self.amount.clone())) {
                Ok((amount, written)) => {
                    if self.unit.trim().is_empty() {
                        error(Some(Field::Enhet), t.form_unit_missing.to_owned());
                    }
                    Some(Quantity {
                        amount,
                        unit: self.unit.trim().into(),
                        qualifier: written.unwrap_or(self.qualifier),
                    })
                }
                Err(m) => {
                    error(Some(Field::Antal), m);
                    None
                }
            }
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        match (date, &self.commitment, &self.party) {
            (Some(date), Some(commitment), Some(party)) => Ok(Activity {
                date,
                until,
                commitments: std::iter::once(commitment.clone()).collect(),
                party: party.clone(),
                with: self.with.iter().filter(|p| *p != party).cloned().collect(),
                quantity,
                place: Some(self.place.trim())
                    .filter(|p| !p.is_empty())
                    .map(Into::into),
                note: Some(self.note.trim())
                    .filter(|n| !n.is_empty())
                    .map(ToOwned::to_owned),
                cumulative: self.editing.as_ref().is_some_and(|e| e.original.cumulative),
                milestone_reached: self.milestone_reached,
                instead: Some(self.instead.trim().to_owned()).filter(|r| !r.is_empty()),
                part: self.part.clone(),
            }),
            _ => Err(Vec::new()),
        }
    }

    /// Every message for the form as it stands: what stops a save, the
    /// warnings of `check` (date outside the period, unit not the target's,
    /// a case-like note), and a likely duplicate of an existing entry.
    pub fn problems(
        &self,
        pledge: &Pledge,
        today: Date,
        files: &[ActivityFile],
    ) -> Vec<FormProblem> {
        let entry = match self.entry() {
            Ok(entry) => entry,
            Err(problems) => return problems,
        };
        let mut out: Vec<FormProblem> = check_entry(pledge, &entry, today)
            .into_iter()
            .map(|f| FormProblem {
                field: Field::of_finding(&f),
                severity: f.severity,
                message: f.kind.to_string(),
            })
            .collect();
        let editing = self.editing.as_ref().map(|e| (e.file, e.index));
        let duplicate = files.iter().enumerate().any(|(f, file)| {
            file.entries.iter().enumerate().any(|(i, e)| {
                Some((f, i)) != editing && e.date == entry.date && likely_duplicate(e, &entry)
            })
        });
        if duplicate {
            out.push(FormProblem {
                field: None,
                severity: Severity::Varning,
                message: texts().form_duplicate.to_owned(),
            });
        }
        out
    }

    /// Draws the form.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        pledge: &Pledge,
        places: &[String],
        problems: &[FormProblem],
        today: Date,
        commands: &mut Vec<Command>,
    ) {
        let t = texts();
        let modal = Modal::new(Id::unique("entry_form")).show(ctx, |ui| {
            ui.set_width(640.0);
            ui.heading(if self.editing.is_some() {
                t.form_edit_title
            } else {
                t.form_new_title
            });
            if self.saved > 0 {
                ui.label(RichText::new(t.form_saved_count(self.saved)).small());
            }
            ui.add_space(tokens::GAP);
            let mut entered = false;
            egui::Grid::new("entry_form_grid")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    entered |= self.dates_ui(ui);
                    ui.end_row();
                    if self.calendars.iter().any(DatePicker::is_open) {
                        ui.label("");
                        self.calendar_ui(ui, pledge, today);
                        ui.end_row();
                    }
                    self.commitment_ui(ui, pledge);
                    ui.end_row();
                    self.party_ui(ui, pledge);
                    ui.end_row();
                    entered |= self.quantity_ui(ui);
                    ui.end_row();
                    entered |= self.place_ui(ui, places);
                    ui.end_row();
                    let label = ui.label(t.form_note);
                    let note = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.note)
                                .desired_width(f32::INFINITY)
                                .hint_text(t.form_note_hint),
                        )
                        .labelled_by(label.id);
                    entered |= note.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                    ui.end_row();
                    let label = ui.label(t.form_instead);
                    ui.add(
                        egui::TextEdit::singleline(&mut self.instead)
                            .desired_width(f32::INFINITY)
                            .hint_text(t.form_instead_hint),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    self.part_ui(ui, pledge);
                    if self.milestone_applies(pledge) {
                        ui.label("");
                        ui.checkbox(&mut self.milestone_reached, t.form_milestone_reached)
                            .on_hover_text(t.form_milestone_reached_hint);
                        ui.end_row();
                    }
                });
            ui.add_space(tokens::GAP);
            problems_ui(ui, problems);
            ui.add_space(tokens::GAP);
            let can_save = !problems.iter().any(|p| p.severity == Severity::Fel);
            ui.horizontal(|ui| {
                let save = ui
                    .add_enabled(can_save, egui::Button::new(t.form_save))
                    .on_hover_text(t.form_save_hint);
                if (save.clicked() || entered) && can_save {
                    commands.push(Command::SaveActivityForm);
                }
                if ui.button(t.close_button).clicked() {
                    commands.push(Command::CloseActivityForm);
                }
            });
        });
        if super::dialogs::dismissed(ctx, &modal) {
            commands.push(Command::CloseActivityForm);
        }
    }

    fn dates_ui(&mut self, ui: &mut Ui) -> bool {
        let t = texts();
        let label = ui.label(t.form_date);
        let mut entered = false;
        ui.horizontal(|ui| {
            let date = ui
                .add(egui::TextEdit::singleline(&mut self.date).desired_width(110.0))
                .labelled_by(label.id);
            if self.focus_date {
                date.request_focus();
                self.focus_date = false;
            }
            entered |= date.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            self.calendar_button(ui, &date, DateField::Date);
            let until_label = ui.label(t.form_until);
            let until = ui
                .add(
                    egui::TextEdit::singleline(&mut self.until)
                        .desired_width(110.0)
                        .hint_text(t.form_until_hint),
                )
                .labelled_by(until_label.id);
            entered |= until.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            self.calendar_button(ui, &until, DateField::Until);
        });
        entered
    }

    /// "▦" after a date field (or Alt+↓ in it): its calendar opens on the
    /// field's month, or the first day's; the other one closes.
    fn calendar_button(&mut self, ui: &mut Ui, response: &egui::Response, field: DateField) {
        let t = texts();
        let label = match field {
            DateField::Date => t.calendar_for_date,
            DateField::Until => t.calendar_for_until,
        };
        let shown = [self.field_date(field), self.field_date(DateField::Date)]
            .into_iter()
            .flatten()
            .next()
            .unwrap_or_else(Date::today);
        if self.calendars[field.index()].button(ui, response, label, shown) {
            self.calendars[1 - field.index()].close();
        }
    }

    /// The date typed in `field`, if it is one.
    fn field_date(&self, field: DateField) -> Option<Date> {
        let text = match field {
            DateField::Date => &self.date,
            DateField::Until => &self.until,
        };
        text.trim().parse().ok()
    }

    /// The open calendar; a click fills its field and closes it.
    fn calendar_ui(&mut self, ui: &mut Ui, pledge: &Pledge, today: Date) {
        let allowed = pledge.period.start..=pledge.period.end;
        for field in [DateField::Date, DateField::Until] {
            let selected = self.field_date(field);
            let picked = self.calendars[field.index()].show(
                ui,
                "entry_form",
                selected,
                allowed.clone(),
                today,
            );
            if let Some(date) = picked {
                match field {
                    DateField::Date => self.date = date.to_string(),
                    DateField::Until => self.until = date.to_string(),
                }
                // Back to the field, so typing goes on where it was.
                self.focus_date = field == DateField::Date;
            }
        }
    }

    fn commitment_ui(&mut self, ui: &mut Ui, pledge: &Pledge) {
        let t = texts();
        ui.label(t.form_commitment);
        ui.vertical(|ui| {
            let chosen = self
                .commitment
                .as_ref()
                .and_then(|id| pledge.commitment(id))
                .map_or_else(
                    || t.form_no_commitment.to_owned(),
                    |c| format!("{} – {}", c.id, c.text),
                );
            ui.label(RichText::new(chosen).strong());
            let label = ui.label(t.form_search_commitment);
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut self.search)
                        .desired_width(f32::INFINITY)
                        .hint_text(t.form_search_hint),
                )
                .labelled_by(label.id);
            let words: Vec<String> = self
                .search
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            let matches: Vec<&crate::model::Commitment> = pledge
                .commitments
                .iter()
                .filter(|c| {
                    let hay = format!("{} {}", c.id, c.text).to_lowercase();
                    words.iter().all(|w| hay.contains(w.as_str()))
                })
                .collect();
            // An exact id or a single match is chosen as you type.
            if search.changed() && !words.is_empty() {
                let exact = matches
                    .iter()
                    .find(|c| c.id.as_str().eq_ignore_ascii_case(self.search.trim()));
                if let Some(c) = exact.or(if matches.len() == 1 {
                    matches.first()
                } else {
                    None
                }) {
                    self.choose(pledge, c.id.clone());
                }
            }
            egui::ScrollArea::vertical()
                .id_salt("entry_form_commitments")
                .max_height(120.0)
                .show(ui, |ui| {
                    for c in matches {
                        let text: String = c.text.chars().take(90).collect();
                        let selected = self.commitment.as_ref() == Some(&c.id);
                        if ui
                            .selectable_label(selected, format!("{} – {text}", c.id))
                            .clicked()
                        {
                            self.choose(pledge, c.id.clone());
                        }
                    }
                });
        });
    }

    /// "Del": for a commitment followed up in parts, which part this was.
    fn part_ui(&mut self, ui: &mut Ui, pledge: &Pledge) {
        let Some(c) = self.commitment.as_ref().and_then(|c| pledge.commitment(c)) else {
            return;
        };
        if c.parts.is_empty() {
            return;
        }
        let t = texts();
        ui.label(t.form_part);
        ui.horizontal_wrapped(|ui| {
            ui.radio_value(&mut self.part, None, t.form_no_part);
            for part in &c.parts {
                ui.radio_value(&mut self.part, Some(part.id.clone()), &part.text);
            }
        });
        ui.end_row();
    }

    fn party_ui(&mut self, ui: &mut Ui, pledge: &Pledge) {
        ui.label(texts().col_party);
        // Radio buttons, not a combo box: a popup inside a modal loses its
        // clicks to the backdrop, and two or three parties fit on a line.
        ui.vertical(|ui| {
            ui.horizontal_wrapped(|ui| {
                for party in &pledge.parties {
                    ui.radio_value(&mut self.party, Some(party.id.clone()), &party.name);
                }
            });
            // A joint activity (a parent meeting held by the police and the
            // school) is one entry that counts for each party that held it.
            if pledge.parties.len() > 1 {
                ui.horizontal_wrapped(|ui| {
                    ui.label(texts().form_together_with);
                    for party in &pledge.parties {
                        if self.party.as_ref() == Some(&party.id) {
                            continue;
                        }
                        let mut on = self.with.contains(&party.id);
                        if ui.checkbox(&mut on, &party.name).changed() {
                            if on {
                                self.with.push(party.id.clone());
                            } else {
                                self.with.retain(|p| p != &party.id);
                            }
                        }
                    }
                });
            }
        });
    }

    fn quantity_ui(&mut self, ui: &mut Ui) -> bool {
        let t = texts();
        let label = ui.label(t.col_quantity);
        let mut entered = false;
        ui.horizontal(|ui| {
            let amount = ui
                .add(
                    egui::TextEdit::singleline(&mut self.amount)
                        .desired_width(80.0)
                        .hint_text("2,5"),
                )
                .labelled_by(label.id);
            entered |= amount.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            let unit_label = ui.label(t.form_unit);
            let unit = ui
                .add(egui::TextEdit::singleline(&mut self.unit).desired_width(150.0))
                .labelled_by(unit_label.id);
            entered |= unit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            for q in [Qualifier::Exakt, Qualifier::Minst, Qualifier::Cirka] {
                ui.radio_value(&mut self.qualifier, q, q.to_string());
            }
        });
        entered
    }

    fn place_ui(&mut self, ui: &mut Ui, places: &[String]) -> bool {
        let t = texts();
        let label = ui.label(t.col_place);
        let mut entered = false;
        ui.vertical(|ui| {
            let place = ui
                .add(
                    egui::TextEdit::singleline(&mut self.place)
                        .desired_width(f32::INFINITY)
                        .hint_text(t.form_place_hint),
                )
                .labelled_by(label.id);
            entered |= place.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            let typed = self.place.trim().to_lowercase();
            if !typed.is_empty() {
                let suggestions: Vec<&String> = places
                    .iter()
                    .filter(|p| {
                        let lower = p.to_lowercase();
                        lower.contains(&typed) && lower != typed
                    })
                    .take(6)
                    .collect();
                if !suggestions.is_empty() {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(t.form_place_suggestions).small());
                        for s in suggestions {
                            if ui.small_button(s).clicked() {
                                self.place.clone_from(s);
                            }
                        }
                    });
                }
            }
        });
        entered
    }
}

fn problems_ui(ui: &mut Ui, problems: &[FormProblem]) {
    let palette = Palette::for_ui(ui);
    for p in problems {
        let (symbol, color) = match p.severity {
            Severity::Fel => ("✖", palette.error),
            Severity::Varning => ("⚠", palette.warning),
        };
        ui.label(RichText::new(format!("{symbol} {}: {}", p.severity, p.message)).color(color));
    }
}
