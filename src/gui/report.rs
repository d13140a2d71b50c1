//! "Lägesrapport…": the dialog that asks for the date and the format of the
//! public progress report, and the background job that writes a document
//! (the report or the minutes) so the window never freezes.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

use egui::{Id, Modal, RichText};

use super::calendar::{DateField, DatePicker, date_field};
use super::state::Command;
use super::text::texts;
use super::tokens;
use crate::model::{Date, Period};
use crate::report::Format;

/// The report dialog's own state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportDialog {
    /// The as-of date as typed.
    pub as_of: String,
    /// The chosen format.
    pub format: Format,
    /// The dates a report can describe (the period, up to a final meeting
    /// after it: `status::as_of_range`), for validation as you type.
    period: Period,
    /// Whether the date field has been given the keyboard focus once.
    focused: bool,
    /// Today, marked in the calendar.
    today: Date,
    /// The date field's calendar.
    calendar: DatePicker,
}

impl ReportDialog {
    /// A dialog starting at the dashboard's date.
    pub fn new(as_of: Date, period: Period, format: Format, today: Date) -> Self {
        ReportDialog {
            as_of: as_of.to_string(),
            format,
            period,
            focused: false,
            today,
            calendar: DatePicker::default(),
        }
    }

    /// The typed date if it is within the dates given (the period, up to a
    /// final meeting after it), else the Swedish reason.
    pub fn parsed(&self) -> Result<Date, String> {
        let t = texts();
        let date = self
            .as_of
            .trim()
            .parse::<Date>()
            .map_err(|e| format!("{}: {e}", t.report_as_of_label))?;
        if self.period.contains(date) {
            Ok(date)
        } else {
            Err(t.report_outside_period(self.period.start, self.period.end))
        }
    }

    /// Draws the dialog.
    pub fn ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let t = texts();
        let response = Modal::new(Id::unique("report_dialog")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(t.report_title);
            ui.label(t.report_body);
            ui.add_space(tokens::GAP);
            let label = ui.label(t.report_as_of_label);
            let edit = date_field(
                ui,
                &mut self.as_of,
                &mut self.calendar,
                DateField {
                    label: &label,
                    calendar: t.calendar_for_date,
                    allowed: self.period.start..=self.period.end,
                    today: self.today,
                },
            );
            if !self.focused {
                edit.request_focus();
                self.focused = true;
            }
            let parsed = self.parsed();
            if let Err(reason) = &parsed {
                ui.label(
                    RichText::new(format!("⚠ {reason}")).color(tokens::Palette::for_ui(ui).warning),
                );
            }
            ui.add_space(tokens::GAP);
            ui.label(t.report_format_label);
            ui.radio_value(&mut self.format, Format::Pdf, t.report_pdf);
            ui.radio_value(&mut self.format, Format::Html, t.report_html);
            ui.add_space(tokens::GAP);
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let write = ui.add_enabled(parsed.is_ok(), egui::Button::new(t.report_write));
                if let Ok(date) = parsed
                    && (write.clicked() || entered)
                {
                    commands.push(Command::WriteReport {
                        as_of: date,
                        format: self.format,
                    });
                }
                if ui.button(t.cancel_button).clicked() {
                    commands.push(Command::CloseReportDialog);
                }
            });
        });
        if super::dialogs::dismissed(ctx, &response) {
            commands.push(Command::CloseReportDialog);
        }
    }
}

/// A document written: where, and the notice to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file.
    pub path: PathBuf,
    /// "Lägesrapporten skrevs till …".
    pub notice: String,
}

/// A document being written in the background.
#[derive(Debug)]
pub struct Job {
    /// What the banner says meanwhile ("Skriver protokollet…").
    pub working: &'static str,
    receiver: Receiver<Result<Written, String>>,
}

impl Job {
    /// Makes a document's bytes on a thread and saves them atomically to
    /// `path`; `notice` says where it went. Repaints when done. A `path`
    /// that would replace one of the `protected` files, or anything but an
    /// ordinary file, is refused before anything is made.
    pub fn write(
        ctx: &egui::Context,
        working: &'static str,
        (path, protected): (PathBuf, crate::store::output::Protected),
        bytes: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
        notice: impl FnOnce(&str) -> String + Send + 'static,
    ) -> Self {
        let (sender, receiver) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let checked = crate::store::output::check_output_path(&path, &protected)
                .map_err(|e| e.to_string());
            let result = checked.and_then(|()| bytes()).and_then(|bytes| {
                crate::store::save_atomic_bytes(&path, &bytes).map_err(|e| e.to_string())?;
                Ok(Written {
                    notice: notice(&path.display().to_string()),
                    path,
                })
            });
            let _ = sender.send(result);
            ctx.request_repaint();
        });
        Job { working, receiver }
    }

    /// The result once the job is done; `None` while it runs.
    pub fn poll(&self) -> Option<Result<Written, String>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(texts().job_failed.to_owned())),
        }
    }
}
