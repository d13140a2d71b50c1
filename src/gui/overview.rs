//! The overview tab: per party and per problem area, the commitments by
//! status and the reports per month as bars, large enough for a projector.

use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Plot};

use crate::model::month_name;
use crate::status::{GroupTotals, MeasuredStatus, MonthlyReports};

use super::text::texts;
use super::tokens::{self, Palette};
use crate::workspace::Document;

/// Draws the overview tab.
pub fn overview_ui(ui: &mut Ui, doc: &Document) {
    let t = texts();
    let (Some(pledge), Some(report), Some(monthly)) =
        (doc.pledge(), doc.status.as_ref(), doc.monthly.as_ref())
    else {
        ui.label(t.no_pledge_body);
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("overview_scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.label(RichText::new(format!("{} {}", t.as_of_label, report.as_of)).strong());
            ui.add_space(tokens::GAP);
            ui.heading(t.per_party);
            for (i, group) in report.by_party.iter().enumerate() {
                let counts = monthly.by_party.get(i).map_or(&[][..], Vec::as_slice);
                group_ui(ui, group, monthly, counts, ("party", i));
            }
            ui.add_space(tokens::GAP);
            ui.heading(t.per_area);
            for (i, group) in report.by_area.iter().enumerate() {
                let focus = pledge.problem_areas.get(i).is_some_and(|a| a.focus);
                let mut group = group.clone();
                group.label = format!(
                    "{}. {}{}",
                    group.key,
                    group.label,
                    if focus { t.focus_suffix } else { "" }
                );
                let counts = monthly.by_area.get(i).map_or(&[][..], Vec::as_slice);
                group_ui(ui, &group, monthly, counts, ("area", i));
            }
        });
}

fn group_ui(
    ui: &mut Ui,
    group: &GroupTotals,
    monthly: &MonthlyReports,
    counts: &[usize],
    id: (&str, usize),
) {
    let t = texts();
    let palette = Palette::for_ui(ui);
    ui.add_space(tokens::GAP);
    ui.label(RichText::new(&group.label).strong().size(18.0));
    ui.horizontal_wrapped(|ui| {
        ui.label(t.group_counts(group.commitments, group.reports));
        for (status, n) in MeasuredStatus::ALL.iter().zip(group.by_status) {
            if n > 0 {
                ui.label(
                    RichText::new(format!("{} {status}: {n}", status.symbol()))
                        .color(palette.status(*status))
                        .strong(),
                );
            }
        }
    });
    let bars: Vec<Bar> = counts
        .iter()
        .enumerate()
        .map(|(m, n)| {
            let name = monthly
                .months
                .get(m)
                .map_or_else(String::new, |(y, mo)| format!("{} {y}", month_name(*mo)));
            Bar::new(m as f64, *n as f64).name(name)
        })
        .collect();
    let months = monthly.months.clone();
    Plot::new(id)
        .height(tokens::OVERVIEW_CHART_HEIGHT)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .include_y(0.0)
        .y_axis_label(t.reports_per_month)
        .x_axis_formatter(move |mark, _| {
            month_index(mark.value)
                .and_then(|i| months.get(i))
                .and_then(|(_, m)| {
                    t.short_months
                        .get(usize::try_from(*m).ok()?.checked_sub(1)?)
                })
                .map_or_else(String::new, |m| (*m).to_owned())
        })
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(t.reports_per_month, bars)
                    .color(palette.reported)
                    .width(0.7),
            );
        });
}

/// The bar a grid mark stands for: only whole, non-negative positions.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // checked range
fn month_index(value: f64) -> Option<usize> {
    let i = value.round();
    ((value - i).abs() < 0.01 && (0.0..10_000.0).contains(&i)).then_some(i as usize)
}
