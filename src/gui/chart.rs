//! The cumulative chart of one commitment — reported against expected over
//! the period — drawn the same way in the detail panel and, smaller, in the
//! chairing view.

use egui::Ui;
use egui_plot::{Legend, Line, Plot, PlotPoints, VLine};

use crate::format;
use crate::model::Date;
use crate::status::SeriesPoint;

use super::text::texts;
use super::tokens::Palette;

/// What to draw besides the points.
pub struct ChartMarks<'a> {
    /// Reported values are drawn up to this date; a line marks it.
    pub as_of: Date,
    /// Meeting dates, marked with dotted lines.
    pub meetings: &'a [Date],
    /// The unit on the y axis (none: no axis label).
    pub unit: Option<&'a str>,
}

/// How large the chart is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartSize {
    /// Full: axes with dates, legend, hover labels.
    Full,
    /// Small, for the chairing view: no x axis, no legend.
    Small,
}

/// Days between the points of a chart.
const STEP_DAYS: i64 = 7;

/// The dates a chart is evaluated at: every week from `start`, and `end`.
pub fn weekly_dates(start: Date, end: Date) -> Vec<Date> {
    let mut dates = Vec::new();
    let mut day = start;
    while day < end {
        dates.push(day);
        day = day.add_days(STEP_DAYS);
    }
    dates.push(end);
    dates
}

/// The date at chart position `x` (days after `start`).
#[allow(clippy::cast_possible_truncation)] // clamped to ±1000 years first
fn date_at(start: Date, x: f64) -> Date {
    start.add_days(x.clamp(-365_000.0, 365_000.0).round() as i64)
}

/// Draws the chart; `id` keeps its state apart from other charts.
pub fn cumulative_chart_ui(
    ui: &mut Ui,
    id: &str,
    points: &[SeriesPoint],
    marks: &ChartMarks<'_>,
    size: ChartSize,
) {
    let t = texts();
    let palette = Palette::for_ui(ui);
    let Some(start) = points.first().map(|p| p.date) else {
        return;
    };
    let x = |d: Date| start.days_until(d) as f64;
    let reported: Vec<[f64; 2]> = points
        .iter()
        .filter(|p| p.date <= marks.as_of)
        .map(|p| [x(p.date), p.reported])
        .collect();
    let expected: Vec<[f64; 2]> = points
        .iter()
        .filter_map(|p| p.expected.map(|e| [x(p.date), e]))
        .collect();
    let mut plot = Plot::new(id)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .include_y(0.0);
    plot = match size {
        ChartSize::Full => plot
            .height(super::tokens::CHART_HEIGHT)
            .legend(Legend::default().position(egui_plot::Corner::LeftTop))
            .x_axis_formatter(move |mark, _| date_at(start, mark.value).to_string())
            .label_formatter(move |hover| {
                let (name, point) = match hover {
                    egui_plot::HoverPosition::NearDataPoint {
                        plot_name,
                        position,
                        ..
                    } => (*plot_name, *position),
                    egui_plot::HoverPosition::Elsewhere { position } => ("", *position),
                };
                let date = date_at(start, point.x);
                Some(format!(
                    "{name}\n{date}: {}",
                    format::number(point.y.round())
                ))
            }),
        ChartSize::Small => plot.height(140.0).show_axes([false, true]),
    };
    if let Some(unit) = marks.unit {
        plot = plot.y_axis_label(unit.to_owned());
    }
    let as_of_x = x(marks.as_of);
    let meeting_xs: Vec<f64> = marks.meetings.iter().map(|d| x(*d)).collect();
    plot.show(ui, |plot| {
        if !expected.is_empty() {
            plot.line(
                Line::new(t.chart_expected, PlotPoints::from(expected))
                    .color(palette.expected)
                    .style(egui_plot::LineStyle::dashed_loose()),
            );
        }
        plot.line(
            Line::new(t.chart_reported, PlotPoints::from(reported))
                .color(palette.reported)
                .width(2.5),
        );
        plot.vline(VLine::new(t.chart_as_of, as_of_x).color(palette.inga_rapporter));
        for mx in meeting_xs {
            plot.vline(
                VLine::new(t.chart_meeting, mx)
                    .color(palette.kvalitativ)
                    .style(egui_plot::LineStyle::dotted_dense()),
            );
        }
    });
}
