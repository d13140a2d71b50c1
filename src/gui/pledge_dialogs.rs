//! Editing the pledge: "Planering…" for one commitment (target, places,
//! lead party, and a revision of the promised text with date and reason),
//! and "Nytt löfte…" (from scratch, or renewed from the open pledge).

use std::path::PathBuf;

use egui::{Id, Modal, RichText, Ui};

use super::calendar::{DateField, DatePicker, date_field};
use super::state::Command;
use super::text::texts;
use super::tokens::{self, Palette};
use crate::import::{Cell, parse_amount, parse_date};
use crate::model::pledge_edit::PledgeEdit;
use crate::model::{
    Bound, CommitmentId, Date, PartyId, Period, Pledge, RateUnit, Target, TargetShape, Weekday,
};

/// The kinds of target the dialog offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// No target.
    None,
    /// A count over the whole period.
    Total,
    /// Per day.
    PerDay,
    /// Per week.
    PerWeek,
    /// Per month.
    PerMonth,
    /// Per year.
    PerYear,
    /// On some weekdays.
    Weekdays,
    /// Every place of the commitment's places.
    Coverage,
    /// Done by a date.
    Milestone,
}

/// "Planering…" for one commitment.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanningDialog {
    /// The commitment.
    pub commitment: CommitmentId,
    /// Target kind.
    pub kind: TargetKind,
    /// Amount as typed.
    pub amount: String,
    /// Unit.
    pub unit: String,
    /// minst / exakt / högst.
    pub bound: Bound,
    /// An average rate.
    pub average: bool,
    /// Due date for a milestone; empty for none.
    pub by: String,
    /// The weekdays of a weekday target, Monday first.
    pub weekdays: [bool; 7],
    /// For a coverage target: the visits are per this unit, or over the
    /// whole period.
    pub coverage_per: Option<RateUnit>,
    /// Condition in words.
    pub condition: String,
    /// Places, comma separated.
    pub places: String,
    /// Lead party.
    pub lead: Option<PartyId>,
    /// Whether the target changes from a date (a `MalAndrat` revision that
    /// keeps the earlier target) rather than being corrected in place.
    pub change_target: bool,
    /// Whether the text is being revised.
    pub revise: bool,
    /// The new wording.
    pub text: String,
    /// The date of the revision.
    pub revision_date: String,
    /// Why.
    pub reason: String,
    /// Today, marked in the calendars.
    today: Date,
    /// The calendars of the milestone date and the revision date.
    calendars: [DatePicker; 2],
}

impl PlanningDialog {
    /// The dialog filled from the commitment.
    pub fn new(pledge: &Pledge, id: &CommitmentId, today: Date) -> Option<Self> {
        let c = pledge.commitment(id)?;
        let mut weekdays = [false; 7];
        let mut coverage_per = None;
        let (kind, amount, average, by) = match c.target.as_ref().map(|t| &t.shape) {
            None => (TargetKind::None, String::new(), false, String::new()),
            Some(TargetShape::Total { amount }) => {
                (TargetKind::Total, number(*amount), false, String::new())
            }
            Some(TargetShape::Rate {
                amount,
                per,
                average,
            }) => (
                match per {
                    RateUnit::Dag => TargetKind::PerDay,
                    RateUnit::Vecka => TargetKind::PerWeek,
                    RateUnit::Manad => TargetKind::PerMonth,
                    RateUnit::Ar => TargetKind::PerYear,
                },
                number(*amount),
                *average,
                String::new(),
            ),
            Some(TargetShape::Weekdays { amount, days }) => {
                for day in days {
                    if let Some(slot) = weekdays.get_mut(day.index()) {
                        *slot = true;
                    }
                }
                (TargetKind::Weekdays, number(*amount), false, String::new())
            }
            Some(TargetShape::Coverage { times, per }) => {
                coverage_per = *per;
                (TargetKind::Coverage, number(*times), false, String::new())
            }
            Some(TargetShape::Milestone { by }) => (
                TargetKind::Milestone,
                String::new(),
                false,
                by.map(|d| d.to_string()).unwrap_or_default(),
            ),
        };
        Some(PlanningDialog {
            commitment: id.clone(),
            kind,
            amount,
            unit: c
                .target
                .as_ref()
                .map(|t| t.unit.clone())
                .unwrap_or_default(),
            bound: c.target.as_ref().map_or(Bound::Minst, |t| t.bound),
            average,
            by,
            weekdays,
            coverage_per,
            condition: c
                .target
                .as_ref()
                .and_then(|t| t.condition.clone())
                .unwrap_or_default(),
            places: c.places.join(", "),
            lead: c.lead.clone(),
            change_target: false,
            revise: false,
            text: c.text.clone(),
            revision_date: pledge.period.clamp(today).to_string(),
            reason: String::new(),
            today,
            calendars: [DatePicker::default(); 2],
        })
    }

    /// The target shape the fields describe, or the first thing wrong.
    fn shape(&self) -> Result<Option<TargetShape>, String> {
        let amount = || {
            parse_amount(&Cell::Text(self.amount.clone()))
                .map(|(a, _)| a)
                .map_err(|e| format!("Mål: {e}"))
        };
        Ok(match self.kind {
            TargetKind::None => None,
            TargetKind::Total => Some(TargetShape::Total { amount: amount()? }),
            TargetKind::PerDay
            | TargetKind::PerWeek
            | TargetKind::PerMonth
            | TargetKind::PerYear => Some(TargetShape::Rate {
                amount: amount()?,
                per: match self.kind {
                    TargetKind::PerDay => RateUnit::Dag,
                    TargetKind::PerMonth => RateUnit::Manad,
                    TargetKind::PerYear => RateUnit::Ar,
                    _ => RateUnit::Vecka,
                },
                average: self.average,
            }),
            TargetKind::Weekdays => {
                let days: Vec<Weekday> = Weekday::ALL
                    .into_iter()
                    .zip(self.weekdays)
                    .filter_map(|(day, on)| on.then_some(day))
                    .collect();
                if days.is_empty() {
                    return Err(texts().planning_no_weekday.to_owned());
                }
                Some(TargetShape::Weekdays {
                    amount: amount()?,
                    days,
                })
            }
            TargetKind::Coverage => Some(TargetShape::Coverage {
                times: amount()?,
                per: self.coverage_per,
            }),
            TargetKind::Milestone => Some(TargetShape::Milestone {
                by: if self.by.trim().is_empty() {
                    None
                } else {
                    Some(
                        parse_date(&Cell::Text(self.by.clone()))
                            .map_err(|e| format!("Klart senast: {e}"))?,
                    )
                },
            }),
        })
    }

    /// The edits the dialog asks for, or the first thing wrong in Swedish.
    pub fn edits(&self, pledge: &Pledge) -> Result<Vec<PledgeEdit>, String> {
        let c = pledge
            .commitment(&self.commitment)
            .ok_or_else(|| format!("åtagandet {} finns inte längre", self.commitment))?;
        let shape = self.shape()?;
        let target = shape.map(|shape| Target {
            shape,
            unit: self.unit.trim().to_owned(),
            bound: self.bound,
            // The dialog does not edit the window yet: a planned one is kept.
            from: c.target.as_ref().and_then(|t| t.from),
            until: c.target.as_ref().and_then(|t| t.until),
            condition: Some(self.condition.trim().to_owned()).filter(|c| !c.is_empty()),
            example: false,
        });
        // An example target left as it was stays marked as an example.
        let unchanged = match (&target, &c.target) {
            (Some(new), Some(old)) => {
                new.shape == old.shape
                    && new.unit == old.unit
                    && new.bound == old.bound
                    && new.condition == old.condition
            }
            (None, None) => true,
            _ => false,
        };
        let mut edits = Vec::new();
        let revision_date = || {
            parse_date(&Cell::Text(self.revision_date.clone()))
                .map_err(|e| format!("Revideringens datum: {e}"))
        };
        if !unchanged && self.change_target {
            edits.push(PledgeEdit::ChangeTarget {
                commitment: self.commitment.clone(),
                target,
                date: revision_date()?,
                reason: self.reason.clone(),
            });
        } else if !unchanged {
            edits.push(PledgeEdit::SetTarget {
                commitment: self.commitment.clone(),
                target,
            });
        }
        let places: Vec<String> = self
            .places
            .split([',', ';'])
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect();
        if places != c.places {
            edits.push(PledgeEdit::SetPlaces {
                commitment: self.commitment.clone(),
                places,
            });
        }
        if self.lead != c.lead {
            edits.push(PledgeEdit::SetLead {
                commitment: self.commitment.clone(),
                lead: self.lead.clone(),
            });
        }
        if self.revise {
            edits.push(PledgeEdit::ReviseText {
                commitment: self.commitment.clone(),
                text: self.text.clone(),
                date: revision_date()?,
                reason: self.reason.clone(),
            });
        }
        Ok(edits)
    }

    /// Draws the dialog; `problem` is what is wrong with it now.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        pledge: &Pledge,
        problem: Option<&str>,
        commands: &mut Vec<Command>,
    ) {
        let t = texts();
        let modal = Modal::new(Id::unique("planning_dialog")).show(ctx, |ui| {
            ui.set_width(640.0);
            ui.heading(t.planning_title(self.commitment.as_str()));
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() - 200.0)
                .show(ui, |ui| {
                    self.target_ui(ui, pledge.period);
                    ui.add_space(tokens::GAP);
                    let label = ui.label(RichText::new(t.planning_places).strong());
                    ui.add(
                        egui::TextEdit::singleline(&mut self.places)
                            .desired_width(f32::INFINITY)
                            .hint_text(t.planning_places_hint),
                    )
                    .labelled_by(label.id);
                    ui.add_space(tokens::GAP);
                    self.lead_ui(ui, pledge);
                    ui.add_space(tokens::GAP);
                    self.revision_ui(ui, pledge.period);
                });
            ui.add_space(tokens::GAP);
            footer_ui(
                ui,
                problem,
                (t.planning_save, Command::SavePlanning),
                Command::ClosePlanning,
                commands,
            );
        });
        if super::dialogs::dismissed(ctx, &modal) {
            commands.push(Command::ClosePlanning);
        }
    }

    fn target_ui(&mut self, ui: &mut Ui, period: Period) {
        let t = texts();
        ui.label(RichText::new(t.planning_target).strong());
        ui.horizontal_wrapped(|ui| {
            for (kind, label) in [
                (TargetKind::None, t.planning_no_target),
                (TargetKind::Total, t.planning_total),
                (TargetKind::PerDay, t.planning_per_day),
                (TargetKind::PerWeek, t.planning_per_week),
                (TargetKind::PerMonth, t.planning_per_month),
                (TargetKind::PerYear, t.planning_per_year),
                (TargetKind::Weekdays, t.planning_weekdays),
                (TargetKind::Coverage, t.planning_coverage),
                (TargetKind::Milestone, t.planning_milestone),
            ] {
                ui.radio_value(&mut self.kind, kind, label);
            }
        });
        match self.kind {
            TargetKind::None => {}
            TargetKind::Milestone => {
                let label = ui.label(t.planning_by);
                date_field(
                    ui,
                    &mut self.by,
                    &mut self.calendars[0],
                    DateField {
                        label: &label,
                        calendar: t.calendar_for_by,
                        allowed: period.start..=period.end,
                        today: self.today,
                    },
                );
                ui.label(RichText::new(t.planning_by_hint).weak());
            }
            _ => {
                ui.horizontal_wrapped(|ui| {
                    for b in [Bound::Minst, Bound::Exakt, Bound::Hogst] {
                        ui.radio_value(&mut self.bound, b, b.to_string());
                    }
                    let label = ui.label(t.planning_amount);
                    ui.add(egui::TextEdit::singleline(&mut self.amount).desired_width(70.0))
                        .labelled_by(label.id);
                    let label = ui.label(t.form_unit);
                    ui.add(egui::TextEdit::singleline(&mut self.unit).desired_width(140.0))
                        .labelled_by(label.id);
                    if matches!(
                        self.kind,
                        TargetKind::PerDay
                            | TargetKind::PerWeek
                            | TargetKind::PerMonth
                            | TargetKind::PerYear
                    ) {
                        ui.checkbox(&mut self.average, t.planning_average);
                    }
                });
                if self.kind == TargetKind::Coverage {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(t.planning_coverage_times);
                        ui.radio_value(&mut self.coverage_per, None, t.planning_coverage_period);
                        ui.radio_value(
                            &mut self.coverage_per,
                            Some(RateUnit::Manad),
                            t.planning_per_month,
                        );
                        ui.radio_value(
                            &mut self.coverage_per,
                            Some(RateUnit::Ar),
                            t.planning_per_year,
                        );
                    });
                    ui.label(RichText::new(t.planning_coverage_hint).weak());
                }
                if self.kind == TargetKind::Weekdays {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(t.planning_weekdays_label);
                        for (day, on) in Weekday::ALL.into_iter().zip(self.weekdays.iter_mut()) {
                            ui.checkbox(on, day.to_string());
                        }
                    });
                }
            }
        }
        if self.kind != TargetKind::None {
            let label = ui.label(t.planning_condition);
            ui.add(
                egui::TextEdit::singleline(&mut self.condition)
                    .desired_width(f32::INFINITY)
                    .hint_text(t.planning_condition_hint),
            )
            .labelled_by(label.id);
        }
    }

    fn lead_ui(&mut self, ui: &mut Ui, pledge: &Pledge) {
        let t = texts();
        let Some(c) = pledge.commitment(&self.commitment) else {
            return;
        };
        if c.owners.len() < 2 {
            return;
        }
        ui.label(RichText::new(t.lead).strong());
        ui.horizontal_wrapped(|ui| {
            ui.radio_value(&mut self.lead, None, t.planning_no_lead);
            for owner in &c.owners {
                let name = pledge
                    .party(owner)
                    .map_or(owner.as_str(), |p| p.name.as_str());
                ui.radio_value(&mut self.lead, Some(owner.clone()), name);
            }
        });
    }

    fn revision_ui(&mut self, ui: &mut Ui, period: Period) {
        let t = texts();
        ui.checkbox(&mut self.change_target, t.planning_change_target)
            .on_hover_text(t.planning_change_target_hint);
        ui.checkbox(&mut self.revise, t.planning_revise);
        if self.revise {
            let label = ui.label(t.planning_new_text);
            ui.add(
                egui::TextEdit::multiline(&mut self.text)
                    .desired_width(f32::INFINITY)
                    .desired_rows(3),
            )
            .labelled_by(label.id);
        } else {
            ui.label(RichText::new(t.planning_text_protected).small());
        }
        if !self.revise && !self.change_target {
            return;
        }
        ui.horizontal(|ui| {
            let label = ui.label(t.planning_revision_date);
            date_field(
                ui,
                &mut self.revision_date,
                &mut self.calendars[1],
                DateField {
                    label: &label,
                    calendar: t.calendar_for_revision,
                    allowed: period.start..=period.end,
                    today: self.today,
                },
            );
        });
        let label = ui.label(t.planning_reason);
        ui.add(egui::TextEdit::singleline(&mut self.reason).desired_width(f32::INFINITY))
            .labelled_by(label.id);
    }
}

/// The end of both dialogs: what is wrong now, if anything, then the button
/// that does the work (off while something is wrong) and Avbryt.
fn footer_ui(
    ui: &mut Ui,
    problem: Option<&str>,
    (confirm, on_confirm): (&str, Command),
    on_cancel: Command,
    commands: &mut Vec<Command>,
) {
    if let Some(problem) = problem {
        ui.label(RichText::new(format!("✖ {problem}")).color(Palette::for_ui(ui).error));
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(problem.is_none(), egui::Button::new(confirm))
            .clicked()
        {
            commands.push(on_confirm);
        }
        if ui.button(texts().cancel_button).clicked() {
            commands.push(on_cancel);
        }
    });
}

fn number(n: f64) -> String {
    crate::format::number(n).replace(' ', "")
}

/// "Nytt löfte…": from scratch or renewed from the open pledge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPledgeDialog {
    /// Renew the open pledge (otherwise an empty one).
    pub renew: bool,
    /// Whether a pledge is open to renew.
    pub can_renew: bool,
    /// The new folder.
    pub folder: String,
    /// Title.
    pub title: String,
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
    /// The police area's name (new pledge).
    pub police: String,
    /// The municipality's name (new pledge).
    pub municipality: String,
    /// Today, marked in the calendars.
    today: Date,
    /// The calendars of the first and the last day.
    calendars: [DatePicker; 2],
    /// "Välj mapp…" found no folder dialog on this machine: say to type.
    pub browse_unavailable: bool,
}

impl NewPledgeDialog {
    /// A dialog suggesting the period after the open pledge's.
    pub fn new(open: Option<&Pledge>, today: Date) -> Self {
        let (start, end) = match open {
            Some(p) => (p.period.end.add_days(1), p.period.end.add_days(365)),
            None => (today, today.add_days(364)),
        };
        let title = open.map_or_else(String::new, |p| {
            let year = |d: Date| d.year();
            let base = p
                .title
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == '–' || c == '-' || c == ' ');
            format!("{base} {}–{}", year(start), year(end))
        });
        NewPledgeDialog {
            renew: open.is_some(),
            can_renew: open.is_some(),
            folder: String::new(),
            title,
            start: start.to_string(),
            end: end.to_string(),
            police: String::new(),
            municipality: String::new(),
            today,
            calendars: [DatePicker::default(); 2],
            browse_unavailable: false,
        }
    }

    /// The folder and the pledge to create, or what is wrong.
    pub fn pledge(&self, open: Option<&Pledge>) -> Result<(PathBuf, Pledge), String> {
        let t = texts();
        if self.folder.trim().is_empty() {
            return Err(t.new_pledge_no_folder.to_owned());
        }
        if self.title.trim().is_empty() {
            return Err(t.new_pledge_no_title.to_owned());
        }
        let start =
            parse_date(&Cell::Text(self.start.clone())).map_err(|e| format!("Från: {e}"))?;
        let end = parse_date(&Cell::Text(self.end.clone())).map_err(|e| format!("Till: {e}"))?;
        if end <= start {
            return Err(t.new_pledge_bad_period.to_owned());
        }
        let period = Period {
            start,
            end,
            signed: None,
        };
        let pledge = if let Some(previous) = open.filter(|_| self.renew) {
            crate::model::pledge_edit::renew(previous, &self.title, period)
        } else {
            if self.police.trim().is_empty() || self.municipality.trim().is_empty() {
                return Err(t.new_pledge_no_parties.to_owned());
            }
            crate::model::pledge_edit::new_pledge(
                &self.title,
                period,
                &self.police,
                &self.municipality,
            )
        };
        Ok((PathBuf::from(self.folder.trim()), pledge))
    }

    /// Draws the dialog.
    pub fn ui(&mut self, ctx: &egui::Context, problem: Option<&str>, commands: &mut Vec<Command>) {
        let t = texts();
        let modal = Modal::new(Id::unique("new_pledge_dialog")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(t.new_pledge_title);
            if self.can_renew {
                ui.radio_value(&mut self.renew, true, t.new_pledge_renew);
                ui.radio_value(&mut self.renew, false, t.new_pledge_empty);
            }
            egui::Grid::new("new_pledge_grid")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    let field = |ui: &mut Ui, label: &str, value: &mut String| {
                        let l = ui.label(label);
                        ui.add(egui::TextEdit::singleline(value).desired_width(360.0))
                            .labelled_by(l.id);
                        ui.end_row();
                    };
                    let l = ui.label(t.new_pledge_folder);
                    ui.vertical(|ui| {
                        ui.horizontal(|ui| {
                            ui.add(
                                egui::TextEdit::singleline(&mut self.folder).desired_width(360.0),
                            )
                            .labelled_by(l.id);
                            if ui.button(t.new_pledge_browse).clicked() {
                                commands.push(Command::BrowsePledgeFolder);
                            }
                        });
                        if self.browse_unavailable {
                            ui.label(RichText::new(t.new_pledge_no_folder_dialog).small());
                        }
                    });
                    ui.end_row();
                    field(ui, t.new_pledge_name, &mut self.title);
                    // A new period can start at any time; the calendar
                    // only keeps to dates this app can sensibly hold.
                    let any_day = Date::from_ymd(2000, 1, 1).unwrap_or(self.today)
                        ..=Date::from_ymd(2099, 12, 31).unwrap_or(self.today);
                    let [start_calendar, end_calendar] = &mut self.calendars;
                    for (label, value, picker, name) in [
                        (
                            t.new_pledge_start,
                            &mut self.start,
                            start_calendar,
                            t.calendar_for_start,
                        ),
                        (
                            t.new_pledge_end,
                            &mut self.end,
                            end_calendar,
                            t.calendar_for_until,
                        ),
                    ] {
                        let label = ui.label(label);
                        date_field(
                            ui,
                            value,
                            picker,
                            DateField {
                                label: &label,
                                calendar: name,
                                allowed: any_day.clone(),
                                today: self.today,
                            },
                        );
                        ui.end_row();
                    }
                    if !self.renew {
                        field(ui, t.new_pledge_police, &mut self.police);
                        field(ui, t.new_pledge_municipality, &mut self.municipality);
                    }
                });
            ui.label(
                RichText::new(if self.renew {
                    t.new_pledge_renew_hint
                } else {
                    t.new_pledge_empty_hint
                })
                .small(),
            );
            footer_ui(
                ui,
                problem,
                (t.new_pledge_create, Command::CreatePledge),
                Command::CloseNewPledge,
                commands,
            );
        });
        if super::dialogs::dismissed(ctx, &modal) {
            commands.push(Command::CloseNewPledge);
        }
    }
}
