//! A month calendar in Swedish for picking a date. egui_extras' date picker
//! names days and months in English only; officers expect "mån … sön",
//! "mars 2017" and ISO week numbers, with weeks starting on Monday. It is
//! drawn inline (not as a popup), so it works inside modal dialogs, and
//! every day is a button whose accessible name is its ISO date.

use std::ops::RangeInclusive;

use chrono::Datelike;
use egui::{RichText, Ui};

use crate::model::{Date, month_name};

use super::text::texts;
use super::widgets::{icon_button, keep_draft, load_draft};

/// The month a calendar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    /// The year.
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl Month {
    /// The month `date` lies in.
    pub fn of(date: Date) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The month after this one.
    pub fn next(self) -> Self {
        if self.month >= 12 {
            Self {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Self {
                month: self.month + 1,
                ..self
            }
        }
    }

    /// The month before this one.
    pub fn previous(self) -> Self {
        if self.month <= 1 {
            Self {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Self {
                month: self.month - 1,
                ..self
            }
        }
    }

    /// "mars 2017".
    pub fn title(self) -> String {
        format!("{} {}", month_name(self.month), self.year)
    }
}

/// One row of the calendar: the ISO week number and its days, Monday first
/// (`None` for days of the neighbouring months).
pub type Week = (u32, [Option<Date>; 7]);

/// The weeks of `month`, Monday first.
pub fn weeks(month: Month) -> Vec<Week> {
    let Some(first) = Date::from_ymd(month.year, month.month, 1) else {
        return Vec::new();
    };
    let offset = i64::from(first.naive().weekday().num_days_from_monday());
    let mut monday = first.add_days(-offset);
    let mut out = Vec::with_capacity(6);
    loop {
        let mut days = [None; 7];
        for (i, day) in days.iter_mut().enumerate() {
            let date = monday.add_days(i64::try_from(i).unwrap_or_default());
            if Month::of(date) == month {
                *day = Some(date);
            }
        }
        if days.iter().all(Option::is_none) {
            break;
        }
        out.push((monday.naive().iso_week().week(), days));
        monday = monday.add_days(7);
    }
    out
}

/// The calendar of one date text field: "▦" beside the field, or Alt+↓ in
/// it, opens it below; a picked day fills the field and closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DatePicker {
    /// The month shown while open.
    open: Option<Month>,
    /// The day to give the keyboard focus to, once (opened by keyboard).
    focus: Option<Date>,
    /// Scroll the calendar into view, once (just opened, perhaps at the
    /// bottom of a scrolling dialog).
    reveal: bool,
}

impl DatePicker {
    /// Whether the calendar is open.
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Closes the calendar.
    pub fn close(&mut self) {
        *self = Self::default();
    }

    /// Call just after the field's text edit: Alt+↓ in the field and the
    /// "▦" button (kept out of the Tab order, so the keyboard path through a
    /// form stays as it was) open or close the calendar on the month of
    /// `shown`. Returns whether it opened.
    pub fn button(
        &mut self,
        ui: &mut Ui,
        field: &egui::Response,
        label: &str,
        shown: Date,
    ) -> bool {
        let by_keyboard = field.has_focus()
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::ALT, egui::Key::ArrowDown));
        let clicked = super::widgets::mouse_icon_button(ui, "▦", label).clicked();
        if !(by_keyboard || clicked) {
            return false;
        }
        if self.is_open() {
            self.close();
            return false;
        }
        self.open = Some(Month::of(shown));
        self.focus = by_keyboard.then_some(shown);
        self.reveal = true;
        true
    }

    /// Draws the open calendar (nothing when closed) and returns the day
    /// picked, after which it is closed.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        id_salt: impl std::hash::Hash + std::fmt::Debug,
        selected: Option<Date>,
        allowed: RangeInclusive<Date>,
        today: Date,
    ) -> Option<Date> {
        let mut month = self.open?;
        let focus = self
            .focus
            .take()
            .map(|d| d.clamp(*allowed.start(), *allowed.end()));
        let top = ui.cursor().min;
        let picked = calendar_ui(
            ui,
            id_salt,
            &mut month,
            &CalendarDays {
                selected,
                focus,
                allowed,
                today,
            },
        );
        if std::mem::take(&mut self.reveal) {
            ui.scroll_to_rect(egui::Rect::from_min_max(top, ui.min_rect().max), None);
            // The dialog grew: draw once more so it settles (a modal
            // re-centres from the last frame's size) before the next click.
            ui.ctx().request_repaint();
        }
        self.open = Some(month);
        if picked.is_some() {
            self.close();
        }
        picked
    }
}

/// A date text field with "▦" beside it and its calendar below, for a
/// form with one date per row.
#[derive(Debug, Clone)]
pub struct DateField<'a> {
    /// The field's label, which names it for screen readers.
    pub label: &'a egui::Response,
    /// The "▦" button's name ("Välj första dagen i kalendern").
    pub calendar: &'a str,
    /// The days that can be picked.
    pub allowed: RangeInclusive<Date>,
    /// Today, marked.
    pub today: Date,
}

/// Draws a [`DateField`] editing `text`; returns the text edit's response.
pub fn date_field(
    ui: &mut Ui,
    text: &mut String,
    picker: &mut DatePicker,
    field: DateField<'_>,
) -> egui::Response {
    let DateField {
        label,
        calendar,
        allowed,
        today,
    } = field;
    ui.vertical(|ui| {
        let field = ui
            .horizontal(|ui| {
                let field = ui
                    .add(egui::TextEdit::singleline(text).desired_width(110.0))
                    .labelled_by(label.id);
                let typed = text.trim().parse::<Date>().ok();
                let shown = typed
                    .unwrap_or(today)
                    .clamp(*allowed.start(), *allowed.end());
                picker.button(ui, &field, calendar, shown);
                field
            })
            .inner;
        let selected = text.trim().parse::<Date>().ok();
        if let Some(date) = picker.show(ui, label.id, selected, allowed, today) {
            *text = date.to_string();
            field.request_focus();
        }
        field
    })
    .inner
}

/// A [`DateField`] over a date that lives elsewhere and changes only through
/// commands (the meeting's dates): the text as typed and the calendar are
/// kept in egui's memory under `id`. Returns a date when one was typed in
/// full or picked.
pub fn stored_date_field(
    ui: &mut Ui,
    id: egui::Id,
    stored: Option<Date>,
    field: DateField<'_>,
) -> Option<Date> {
    let (mut text, mut picker) = load_draft(ui, id, || {
        (
            stored.map(|d| d.to_string()).unwrap_or_default(),
            DatePicker::default(),
        )
    });
    let before = text.clone();
    let response = date_field(ui, &mut text, &mut picker, field);
    let changed = text != before;
    // Remembered while typing or picking; otherwise the stored date shows.
    let keep = response.has_focus() || picker.is_open() || changed;
    keep_draft(ui, id, keep.then(|| (text.clone(), picker)));
    if changed {
        text.trim().parse().ok()
    } else {
        None
    }
}

/// Swedish weekday abbreviations, Monday first.
const WEEKDAYS: [&str; 7] = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"];

/// What the calendar marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarDays {
    /// The chosen day, highlighted.
    pub selected: Option<Date>,
    /// The day that gets the keyboard focus this frame.
    pub focus: Option<Date>,
    /// Days that can be picked; the others are disabled.
    pub allowed: RangeInclusive<Date>,
    /// Today, bold and underlined.
    pub today: Date,
}

/// Draws the calendar for `month` (the arrows change it) and returns the day
/// clicked.
pub fn calendar_ui(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    month: &mut Month,
    marks: &CalendarDays,
) -> Option<Date> {
    let allowed = &marks.allowed;
    let t = texts();
    let mut picked = None;
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            let first = Month::of(*allowed.start());
            let last = Month::of(*allowed.end());
            if icon_button(ui, "◀", t.calendar_previous, *month > first).clicked() {
                *month = month.previous();
            }
            ui.label(RichText::new(month.title()).strong());
            if icon_button(ui, "▶", t.calendar_next, *month < last).clicked() {
                *month = month.next();
            }
        });
        egui::Grid::new(("calendar", id_salt))
            .num_columns(8)
            .spacing([2.0, 2.0])
            .show(ui, |ui| {
                ui.label(RichText::new(t.calendar_week).small().weak());
                for day in WEEKDAYS {
                    ui.label(RichText::new(day).small());
                }
                ui.end_row();
                for (week, days) in weeks(*month) {
                    ui.label(RichText::new(week.to_string()).small().weak());
                    for day in days {
                        match day {
                            Some(date) => {
                                if day_button(ui, date, marks) {
                                    picked = Some(date);
                                }
                            }
                            None => {
                                ui.label("");
                            }
                        }
                    }
                    ui.end_row();
                }
            });
    });
    picked
}

/// One day; its accessible name is the ISO date ("2017-03-14").
fn day_button(ui: &mut Ui, date: Date, days: &CalendarDays) -> bool {
    let mut text = RichText::new(date.day().to_string());
    if date == days.today {
        text = text.strong().underline();
    }
    let selected = days.selected == Some(date);
    let enabled = days.allowed.contains(&date);
    let response = ui.add_enabled(
        enabled,
        egui::Button::selectable(selected, text).min_size(egui::vec2(30.0, 22.0)),
    );
    let name = date.to_string();
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::accesskit::Role::Button, enabled, selected, &name)
    });
    if days.focus == Some(date) {
        response.request_focus();
    }
    response.clicked()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    #[test]
    fn weeks_start_on_monday_with_iso_week_numbers() {
        // March 2017 began on a Wednesday, in week 9.
        let march = weeks(Month::of(date("2017-03-14")));
        assert_eq!(march.len(), 5);
        assert_eq!(march[0].0, 9);
        assert_eq!(march[0].1[0], None);
        assert_eq!(march[0].1[2], Some(date("2017-03-01")));
        assert_eq!(march[4].0, 13);
        assert_eq!(march[4].1[4], Some(date("2017-03-31")));
        assert_eq!(march[4].1[5], None);
        let days: usize = march.iter().map(|(_, d)| d.iter().flatten().count()).sum();
        assert_eq!(days, 31);
        // January 2017 began on a Sunday: week 52 of 2016, then six rows.
        let january = weeks(Month::of(date("2017-01-01")));
        assert_eq!(january[0].0, 52);
        assert_eq!(january[0].1[6], Some(date("2017-01-01")));
        assert_eq!(january.len(), 6);
    }

    #[test]
    fn months_step_over_the_new_year() {
        let december = Month::of(date("2016-12-24"));
        assert_eq!(december.next(), Month::of(date("2017-01-01")));
        assert_eq!(december.next().previous(), december);
        assert_eq!(december.title(), "december 2016");
    }
}
