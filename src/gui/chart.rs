//! The cumulative chart of one commitment — reported against expected over
//! the period — drawn the same way in the detail panel and, smaller, in the
//! chairing view.
//!
//! It is read from across a meeting room, so nothing in it depends on colour
//! or on hovering: the legend stands above the data with a sample of each
//! line's style, the time axis is labelled with months, and every vertical
//! line (the as-of date, each meeting) carries its own date as a label above
//! the data. Those labels and the legend are real widgets, so a screen
//! reader (and a test) finds them.

use egui::{Color32, Pos2, Rect, RichText, Sense, Stroke, TextStyle, Ui, Vec2};
use egui_plot::{AxisHints, GridInput, GridMark, Line, LineStyle, Plot, PlotPoints, VLine};

use crate::format;
use crate::model::Date;
use crate::status::SeriesPoint;

use super::text::texts;
use super::tokens::{self, Palette};
use super::widgets::{keep_together, text_width};

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
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ChartSize {
    /// Full, for the detail panel.
    Full,
    /// Small, for the chairing view: the same marks, a lower plot.
    Small,
    /// The same marks with a plot this many points high: presentation
    /// mode gives it what the screen has left.
    Tall(f32),
}

/// Days between the points of a chart.
const STEP_DAYS: i64 = 7;
/// The average month, for grid steps (the marks themselves fall on the 1st).
const MONTH_DAYS: f64 = 30.44;
/// Grid lines closer than this (points) are hidden; see [`Plot::grid_spacing`].
const GRID_MIN_PX: f32 = 8.0;
/// Month labels on the time axis are at least this far apart (points):
/// "sep 2017" in body text is about 70.
const MONTH_LABEL_MIN_PX: f64 = 90.0;
/// Room between the widest month label and the next (points), for text
/// larger than the app's (presentation mode).
const MONTH_LABEL_GAP_PX: f64 = 20.0;
/// Width of a line's sample in the legend (points).
const SAMPLE_WIDTH: f32 = 30.0;
/// Horizontal room kept between two line labels in one row (points).
const LABEL_GAP_PX: f32 = 8.0;

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

/// How a line looks, in the plot and in the legend.
#[derive(Debug, Clone, Copy)]
struct Look {
    color: Color32,
    width: f32,
    style: LineStyle,
    /// A vertical line (a date), shown upright in the legend.
    upright: bool,
}

/// The four kinds of line of the chart, told apart by style as well as by
/// colour.
struct Looks {
    reported: Look,
    expected: Look,
    as_of: Look,
    meeting: Look,
}

impl Looks {
    fn of(palette: &Palette) -> Self {
        Looks {
            reported: Look {
                color: palette.reported,
                width: 3.0,
                style: LineStyle::Solid,
                upright: false,
            },
            expected: Look {
                color: palette.expected,
                width: 1.5,
                style: LineStyle::Dashed { length: 9.0 },
                upright: false,
            },
            as_of: Look {
                color: palette.as_of,
                width: 2.5,
                style: LineStyle::Solid,
                upright: true,
            },
            meeting: Look {
                color: palette.kvalitativ,
                width: 1.5,
                style: LineStyle::Dotted { spacing: 6.0 },
                upright: true,
            },
        }
    }
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
    let looks = Looks::of(palette);
    let (Some(start), Some(end)) = (
        points.first().map(|p| p.date),
        points.last().map(|p| p.date),
    ) else {
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
    let lines = line_marks(marks, start, end, &looks);
    legend_ui(
        ui,
        &looks,
        !expected.is_empty(),
        lines.iter().any(|l| l.kind == MarkKind::Meeting),
    );
    let label_rows_id = ui.make_persistent_id((id, "label_rows"));
    let label_rows = ui
        .data(|d| d.get_temp::<usize>(label_rows_id))
        .unwrap_or(1)
        .max(1);
    let row_height = ui.text_style_height(&TextStyle::Small) + 2.0;
    let (strip, _) = ui.allocate_exact_size(
        Vec2::new(ui.available_width(), label_rows as f32 * row_height),
        Sense::hover(),
    );
    let plot = plot_of(id, (start, end), size, marks.unit, month_label_min_px(ui));
    let shown = plot.show(ui, |plot| {
        if !expected.is_empty() {
            plot.line(styled(
                Line::new(t.chart_expected, PlotPoints::from(expected)),
                looks.expected,
            ));
        }
        plot.line(styled(
            Line::new(t.chart_reported, PlotPoints::from(reported)),
            looks.reported,
        ));
        for line in &lines {
            let name = match line.kind {
                MarkKind::AsOf => t.chart_as_of,
                MarkKind::Meeting => t.chart_meeting,
            };
            plot.vline(
                VLine::new(name, line.x)
                    .color(line.look.color)
                    .width(line.look.width)
                    .style(line.look.style),
            );
        }
    });
    let positions: Vec<f32> = lines
        .iter()
        .map(|l| shown.transform.position_from_point_x(l.x))
        .collect();
    let needed = line_labels_ui(ui, strip, *shown.transform.frame(), &lines, &positions);
    if needed != label_rows {
        // The labels needed another number of rows than were kept free:
        // keep that many next frame (a chart's marks rarely change).
        ui.data_mut(|d| d.insert_temp(label_rows_id, needed));
        ui.ctx().request_repaint();
    }
}

/// The plot with its month axis, hover text and fixed view (a chart that
/// pans under a stray drag shows the room the wrong months).
fn plot_of<'a>(
    id: &str,
    (start, end): (Date, Date),
    size: ChartSize,
    unit: Option<&str>,
    label_min_px: f64,
) -> Plot<'a> {
    let height = match size {
        ChartSize::Full => tokens::CHART_HEIGHT,
        ChartSize::Small => tokens::SMALL_CHART_HEIGHT,
        ChartSize::Tall(height) => height,
    };
    let plot = Plot::new(id)
        .height(height)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .include_y(0.0)
        .grid_spacing(GRID_MIN_PX..=300.0)
        .x_grid_spacer(move |input| month_marks((start, end), label_min_px, &input))
        .custom_x_axes(vec![
            AxisHints::new_x().formatter(move |mark, _| month_label(start, mark)),
        ])
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
        });
    match unit {
        Some(unit) => plot.y_axis_label(unit.to_owned()),
        None => plot,
    }
}

fn styled(line: Line<'_>, look: Look) -> Line<'_> {
    line.color(look.color).width(look.width).style(look.style)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkKind {
    AsOf,
    Meeting,
}

/// A vertical line with its label.
struct LineMark {
    kind: MarkKind,
    x: f64,
    label: String,
    look: Look,
}

/// The as-of line and the meetings' lines that fall inside the chart,
/// ordered by date.
fn line_marks(marks: &ChartMarks<'_>, start: Date, end: Date, looks: &Looks) -> Vec<LineMark> {
    let t = texts();
    let x = |d: Date| start.days_until(d) as f64;
    let mut lines: Vec<LineMark> = marks
        .meetings
        .iter()
        .filter(|d| (start..=end).contains(*d))
        .map(|d| LineMark {
            kind: MarkKind::Meeting,
            x: x(*d),
            label: t.chart_meeting_at(*d),
            look: looks.meeting,
        })
        .collect();
    lines.push(LineMark {
        kind: MarkKind::AsOf,
        x: x(marks.as_of.clamp(start, end)),
        label: t.chart_as_of_at(marks.as_of),
        look: looks.as_of,
    });
    lines.sort_by(|a, b| a.x.total_cmp(&b.x));
    lines
}

/// A row of legend entries above the chart: a short sample of each line,
/// drawn in its style, and its name.
fn legend_ui(ui: &mut Ui, looks: &Looks, with_expected: bool, with_meetings: bool) {
    let t = texts();
    ui.horizontal_wrapped(|ui| {
        let entry = |ui: &mut Ui, look: Look, name: &str| {
            // The sample and its name wrap together.
            keep_together(
                ui,
                SAMPLE_WIDTH + text_width(ui, name, &TextStyle::Body) + ui.spacing().item_spacing.x,
            );
            let height = ui.text_style_height(&TextStyle::Body);
            let (rect, _) = ui.allocate_exact_size(Vec2::new(SAMPLE_WIDTH, height), Sense::hover());
            sample_ui(ui, rect, look);
            ui.add(egui::Label::new(name).extend());
            ui.add_space(tokens::GAP);
        };
        entry(ui, looks.reported, t.chart_reported);
        if with_expected {
            entry(ui, looks.expected, t.chart_expected);
        }
        entry(ui, looks.as_of, t.chart_as_of);
        if with_meetings {
            entry(ui, looks.meeting, t.chart_meeting);
        }
    });
}

/// A line sample for the legend; vertical lines are shown upright.
fn sample_ui(ui: &Ui, rect: Rect, look: Look) {
    let painter = ui.painter();
    let points = if look.upright {
        vec![
            Pos2::new(rect.center().x, rect.top()),
            Pos2::new(rect.center().x, rect.bottom()),
        ]
    } else {
        vec![rect.left_center(), rect.right_center()]
    };
    match look.style {
        LineStyle::Solid => {
            painter.line_segment([points[0], points[1]], Stroke::new(look.width, look.color));
        }
        LineStyle::Dashed { length } => {
            painter.extend(egui::Shape::dashed_line(
                &points,
                Stroke::new(look.width, look.color),
                length,
                length * 0.62,
            ));
        }
        LineStyle::Dotted { spacing } => {
            painter.extend(egui::Shape::dotted_line(
                &points, look.color, spacing, look.width,
            ));
        }
    }
}

/// The labels of the vertical lines, in `strip` above the data `frame`,
/// each centred over its line at `positions` (screen x) and moved up a row
/// where it would overlap its neighbour. Returns the rows used.
fn line_labels_ui(
    ui: &mut Ui,
    strip: Rect,
    frame: Rect,
    lines: &[LineMark],
    positions: &[f32],
) -> usize {
    let font = TextStyle::Small.resolve(ui.style());
    let row_height = ui.text_style_height(&TextStyle::Small) + 2.0;
    let mut row_ends: Vec<f32> = Vec::new();
    for (line, &x) in lines.iter().zip(positions) {
        let width = ui
            .painter()
            .layout_no_wrap(line.label.clone(), font.clone(), line.look.color)
            .size()
            .x
            + 2.0;
        let left = (x - width / 2.0)
            .min(frame.right() - width)
            .max(frame.left());
        let row = row_ends
            .iter()
            .position(|end| left >= end + LABEL_GAP_PX)
            .unwrap_or(row_ends.len());
        if let Some(end) = row_ends.get_mut(row) {
            *end = left + width;
        } else {
            row_ends.push(left + width);
        }
        let bottom = strip.bottom() - row as f32 * row_height;
        let rect = Rect::from_min_max(
            Pos2::new(left, bottom - row_height),
            Pos2::new(left + width, bottom),
        );
        // A thin stroke joins the label to its line across the rows below.
        ui.painter().line_segment(
            [Pos2::new(x, rect.bottom()), Pos2::new(x, frame.top())],
            Stroke::new(1.0, line.look.color),
        );
        ui.place(
            rect,
            egui::Label::new(
                RichText::new(&line.label)
                    .small()
                    .strong()
                    .color(line.look.color),
            )
            .extend(),
        );
    }
    row_ends.len().max(1)
}

/// How far apart month labels must be in `ui`'s body text (points): at
/// least [`MONTH_LABEL_MIN_PX`], more where the text is larger.
fn month_label_min_px(ui: &Ui) -> f64 {
    let t = texts();
    let widest = (1..=12)
        .map(|month| text_width(ui, &t.month_year(2017, month), &TextStyle::Body))
        .fold(0.0, f32::max);
    MONTH_LABEL_MIN_PX.max(f64::from(widest) + MONTH_LABEL_GAP_PX)
}

/// How many months apart the labelled marks of the time axis are, so that
/// labels `px_per_day` apart, needing `label_min_px` each, never crowd.
fn label_step_months(px_per_day: f64, label_min_px: f64) -> i64 {
    [1, 2, 3, 6, 12, 24, 60]
        .into_iter()
        .find(|&months| months as f64 * MONTH_DAYS * px_per_day >= label_min_px)
        .unwrap_or(120)
}

/// Grid marks on the first of each month inside the visible range and the
/// chart's dates (a label past the last date would hang off the edge); every
/// `label_step_months` months a strong one that gets a label.
fn month_marks((start, end): (Date, Date), label_min_px: f64, input: &GridInput) -> Vec<GridMark> {
    if input.base_step_size <= f64::EPSILON {
        return Vec::new();
    }
    let px_per_day = f64::from(GRID_MIN_PX) / input.base_step_size;
    let step = label_step_months(px_per_day, label_min_px);
    let first = date_at(start, input.bounds.0).max(start);
    let last = date_at(start, input.bounds.1).min(end);
    let mut marks = Vec::new();
    let (mut year, mut month) = (first.year(), first.month());
    // At most a few hundred months: the bounds are a pledge period.
    for _ in 0..1200 {
        let Some(day) = Date::from_ymd(year, month, 1) else {
            break;
        };
        if day > last {
            break;
        }
        if day >= first {
            let index = i64::from(year) * 12 + i64::from(month) - 1;
            let labelled = index.rem_euclid(step) == 0;
            marks.push(GridMark {
                value: start.days_until(day) as f64,
                step_size: if labelled {
                    step as f64 * MONTH_DAYS
                } else {
                    MONTH_DAYS / 2.0
                },
            });
        }
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    marks
}

/// "okt 2016" for a labelled mark (see [`month_marks`]), nothing otherwise.
fn month_label(start: Date, mark: GridMark) -> String {
    let date = date_at(start, mark.value);
    if date.day() == 1 && mark.step_size >= MONTH_DAYS - 0.5 {
        texts().month_year(date.year(), date.month())
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().expect("valid date")
    }

    #[test]
    fn month_labels_thin_out_on_narrow_charts() {
        // A year on 470 points is 1.3 points a day: every third month.
        assert_eq!(label_step_months(470.0 / 365.0, MONTH_LABEL_MIN_PX), 3);
        assert_eq!(label_step_months(4.0, MONTH_LABEL_MIN_PX), 1);
        assert_eq!(label_step_months(0.2, MONTH_LABEL_MIN_PX), 24);
        // Larger text needs more room: every other month where every one fitted.
        assert_eq!(label_step_months(3.2, MONTH_LABEL_MIN_PX), 1);
        assert_eq!(label_step_months(3.2, 120.0), 2);
    }

    #[test]
    fn grid_marks_fall_on_the_first_of_the_month() {
        let start = date("2016-10-01");
        let input = GridInput {
            bounds: (-10.0, 370.0),
            base_step_size: f64::from(GRID_MIN_PX) / 1.3,
        };
        let marks = month_marks((start, date("2017-09-30")), MONTH_LABEL_MIN_PX, &input);
        let labels: Vec<String> = marks
            .iter()
            .map(|m| month_label(start, *m))
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(labels, ["okt 2016", "jan 2017", "apr 2017", "jul 2017"]);
        assert_eq!(marks.len(), 12, "a thin line every month of the period");
        assert!(marks.iter().all(|m| date_at(start, m.value).day() == 1));
    }
}
