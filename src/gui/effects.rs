//! The effects tab (*Effekter*): every indicator of the pledge at the as-of
//! date — its latest value, the change since the first number and the
//! verdict against its goal — with a small chart each. Kept apart from the
//! commitments: what the problem did is never summed with what was done.

use egui::{RichText, Ui};
use egui_plot::{HLine, Legend, Line, Plot, PlotPoints, Points};

use crate::format;
use crate::model::{Date, Pledge};
use crate::status::indicators::{IndicatorStatus, value_words};
use crate::workspace::Document;

use super::text::texts;
use super::tokens::{self, Palette};

/// Draws the effects tab.
pub fn effects_ui(ui: &mut Ui, doc: &Document) {
    let t = texts();
    let Some(pledge) = doc.pledge() else {
        ui.label(t.no_pledge_body);
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("effects_scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.label(RichText::new(format!("{} {}", t.as_of_label, doc.as_of)).strong());
            ui.label(t.effects_intro);
            if doc.indicators.is_empty() {
                ui.add_space(tokens::GAP);
                ui.label(t.no_indicators);
            }
            for (i, status) in doc.indicators.iter().enumerate() {
                indicator_ui(ui, pledge, status, i);
            }
        });
}

/// The problem areas an indicator speaks to: "1. Våld i offentlig miljö".
fn areas_words(pledge: &Pledge, id: &crate::model::IndicatorId) -> String {
    let Some(indicator) = pledge.indicators.iter().find(|i| &i.id == id) else {
        return String::new();
    };
    let names: Vec<String> = indicator
        .problem_areas
        .iter()
        .map(|n| {
            pledge
                .problem_areas
                .iter()
                .find(|a| a.number == *n)
                .map_or_else(|| n.to_string(), |a| format!("{n}. {}", a.title))
        })
        .collect();
    format::list(&names)
}

fn indicator_ui(ui: &mut Ui, pledge: &Pledge, s: &IndicatorStatus, index: usize) {
    let t = texts();
    let palette = Palette::for_ui(ui);
    ui.add_space(tokens::GAP);
    ui.separator();
    ui.label(
        RichText::new(format!("{} {}", s.id, s.name))
            .strong()
            .size(tokens::GROUP_HEADING_PT),
    );
    egui::Grid::new(("indicator_facts", index))
        .num_columns(2)
        .spacing(egui::vec2(tokens::GAP * 2.0, 4.0))
        .show(ui, |ui| {
            let areas = areas_words(pledge, &s.id);
            if !areas.is_empty() {
                ui.label(RichText::new(t.indicator_area).strong());
                ui.label(areas);
                ui.end_row();
            }
            ui.label(RichText::new(t.indicator_latest).strong());
            ui.label(s.latest_words());
            ui.end_row();
            ui.label(RichText::new(t.indicator_change).strong());
            ui.label(s.change_words());
            ui.end_row();
            ui.label(RichText::new(t.indicator_goal).strong());
            // The verdict's words carry its symbol: colour is never alone.
            ui.label(
                RichText::new(s.verdict_words())
                    .color(palette.verdict(s.verdict))
                    .strong(),
            );
            ui.end_row();
        });
    indicator_chart_ui(ui, s, index);
    if !s.values.is_empty() {
        ui.label(RichText::new(format!("{} ({})", t.indicator_values, s.count_words())).strong());
        for v in &s.values {
            let source = v
                .source
                .as_deref()
                .map(|src| format!(" — {src}"))
                .unwrap_or_default();
            ui.label(
                RichText::new(format!(
                    "{}: {}{source}",
                    v.date.words(),
                    value_words(v, &s.unit)
                ))
                .small(),
            );
        }
    }
}

/// The date at chart position `x` (days after `start`).
#[allow(clippy::cast_possible_truncation)] // clamped to ±1000 years first
fn date_at(start: Date, x: f64) -> Date {
    start.add_days(x.clamp(-365_000.0, 365_000.0).round() as i64)
}

/// The values with a number known at the as-of date, as a line with a
/// marker per value, and a level goal as a dashed line.
fn indicator_chart_ui(ui: &mut Ui, s: &IndicatorStatus, index: usize) {
    let t = texts();
    let palette = Palette::for_ui(ui);
    let points = s.numeric();
    // Each value at its last day: a month's figure is known at its end.
    let Some(start) = points.first().map(|p| p.date.last()) else {
        ui.label(RichText::new(t.indicator_no_chart).italics());
        return;
    };
    let xy: Vec<[f64; 2]> = points
        .iter()
        .map(|p| [start.days_until(p.date.last()) as f64, p.value])
        .collect();
    let level = match s.goal {
        Some(crate::model::IndicatorGoal::Niva { value }) => Some(value),
        _ => None,
    };
    let unit = s.unit.clone();
    let mut plot = Plot::new(("indicator_chart", index))
        .height(tokens::INDICATOR_CHART_HEIGHT)
        .width(ui.available_width().min(tokens::INDICATOR_CHART_WIDTH))
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .include_y(0.0)
        .y_axis_label(s.unit.clone())
        .x_axis_formatter(move |mark, _| date_at(start, mark.value).to_string())
        .label_formatter(move |hover| {
            let point = match hover {
                egui_plot::HoverPosition::NearDataPoint { position, .. }
                | egui_plot::HoverPosition::Elsewhere { position } => *position,
            };
            Some(format!(
                "{}: {}",
                date_at(start, point.x),
                crate::model::amount_in_unit(point.y, &unit)
            ))
        });
    if let Some(level) = level {
        // The legend names the dashed line: a line alone does not say "mål".
        plot = plot
            .include_y(level)
            .legend(Legend::default().position(egui_plot::Corner::RightTop));
    }
    // One value alone still gets a visible span around it.
    plot = plot
        .include_x(-30.0)
        .include_x(xy.last().map_or(0.0, |p| p[0]) + 30.0);
    plot.show(ui, |plot| {
        plot.line(
            Line::new(t.indicator_value_line, PlotPoints::from(xy.clone()))
                .color(palette.reported)
                .width(2.5),
        );
        plot.points(
            Points::new(t.indicator_value_line, PlotPoints::from(xy))
                .color(palette.reported)
                .radius(tokens::POINT_RADIUS),
        );
        if let Some(level) = level {
            plot.hline(
                HLine::new(t.indicator_goal_line, level)
                    .color(palette.expected)
                    .style(egui_plot::LineStyle::dashed_loose()),
            );
        }
    });
}
