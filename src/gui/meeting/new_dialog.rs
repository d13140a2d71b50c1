//! "Nytt uppföljningsmöte": the chair chooses the meeting's date.
//!
//! The date is the chair's choice, not the computer's: a draft is often
//! prepared days ahead, and the previous meeting usually decided the day
//! ("Nästa möte"). A day outside the pledge's period is allowed (a last
//! follow-up after the period is normal) but said.

use egui::{Id, Modal, RichText};

use crate::model::Date;
use crate::workspace::Document;

use super::super::calendar::{DateField, DatePicker, date_field};
use super::super::state::Command;
use super::super::text::texts;
use super::super::tokens::{self, Palette};

/// The open "new meeting" dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMeetingDialog {
    /// The date as typed.
    pub text: String,
    picker: DatePicker,
    /// Give the date field the keyboard focus, once.
    focus: bool,
}

/// What the typed date means for a new meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateCheck {
    /// Not a date.
    Unreadable,
    /// A meeting of that day exists already.
    Taken,
    /// A good day, perhaps with a warning to show.
    Ok {
        /// The day.
        date: Date,
        /// Said, not refused (outside the period).
        warning: Option<String>,
    },
}

impl NewMeetingDialog {
    /// The dialog with the suggested day: the "next meeting" date the latest
    /// earlier meeting decided, unless a meeting of that day exists; else today.
    pub fn new(doc: &Document, today: Date) -> Self {
        let meetings = &doc.loaded.meetings;
        let taken = |d: Date| meetings.iter().any(|m| m.date == d);
        let suggested = meetings
            .iter()
            .max_by_key(|m| m.date)
            .and_then(|m| m.next_meeting.as_ref())
            .map(|n| n.date)
            .filter(|d| !taken(*d))
            .unwrap_or(today);
        NewMeetingDialog {
            text: suggested.to_string(),
            picker: DatePicker::default(),
            focus: true,
        }
    }

    /// Whether the typed date can be used, and what to say about it.
    pub fn check(&self, doc: &Document) -> DateCheck {
        let Ok(date) = self.text.trim().parse::<Date>() else {
            return DateCheck::Unreadable;
        };
        if doc.loaded.meetings.iter().any(|m| m.date == date) {
            return DateCheck::Taken;
        }
        let warning = doc
            .pledge()
            .map(|p| p.period)
            .filter(|period| date < period.start || date > period.end)
            .map(|period| texts().meeting_outside_period(period.start, period.end));
        DateCheck::Ok { date, warning }
    }

    /// Draws the dialog. Enter creates the meeting (when the date is good),
    /// Escape closes it.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        today: Date,
        commands: &mut Vec<Command>,
    ) {
        let t = texts();
        let check = self.check(doc);
        let modal = Modal::new(Id::unique("new_meeting_dialog")).show(ctx, |ui| {
            let palette = Palette::for_ui(ui);
            ui.set_width(520.0);
            ui.heading(t.new_meeting);
            ui.label(t.new_meeting_body);
            ui.add_space(tokens::GAP);
            let label = ui.label(RichText::new(t.new_meeting_date_label).strong());
            let any_day = Date::from_ymd(2000, 1, 1).unwrap_or(today)
                ..=Date::from_ymd(2099, 12, 31).unwrap_or(today);
            let field = date_field(
                ui,
                &mut self.text,
                &mut self.picker,
                DateField {
                    label: &label,
                    calendar: t.calendar_meeting_date,
                    allowed: any_day,
                    today,
                },
            );
            if std::mem::take(&mut self.focus) {
                field.request_focus();
            }
            match &check {
                DateCheck::Unreadable => {
                    ui.label(
                        RichText::new(format!("⚠ {}", t.new_meeting_bad_date)).color(palette.error),
                    );
                }
                DateCheck::Taken => {
                    let text = t.meeting_exists(self.text.trim());
                    ui.label(RichText::new(format!("⚠ {text}")).color(palette.error));
                }
                DateCheck::Ok {
                    warning: Some(w), ..
                } => {
                    ui.label(RichText::new(format!("⚠ {w}")).color(palette.warning));
                }
                DateCheck::Ok { warning: None, .. } => {}
            }
            ui.add_space(tokens::GAP);
            ui.horizontal(|ui| {
                let date = match &check {
                    DateCheck::Ok { date, .. } => Some(*date),
                    _ => None,
                };
                let create =
                    ui.add_enabled(date.is_some(), egui::Button::new(t.create_meeting_button));
                if let Some(date) = date
                    && create.clicked()
                {
                    commands.push(Command::CreateMeeting(date));
                }
                if ui.button(t.cancel_button).clicked() {
                    commands.push(Command::CancelNewMeeting);
                }
            });
        });
        let enter = !self.picker.is_open()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter));
        if enter && let DateCheck::Ok { date, .. } = check {
            commands.push(Command::CreateMeeting(date));
        }
        // Escape closes it even from the date field (which egui would
        // otherwise only leave), unless it closes the calendar.
        let escape = !self.picker.is_open() && ctx.input(|i| i.key_pressed(egui::Key::Escape));
        if modal.should_close() || escape {
            commands.push(Command::CancelNewMeeting);
        }
    }
}
