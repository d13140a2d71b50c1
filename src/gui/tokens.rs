//! Design tokens: every colour, size and spacing the views use, in one place.
//! The light projector theme and the dark theme are two sets of the same tokens.

use egui::{Color32, FontFamily, FontId, TextStyle, Visuals};
use serde::{Deserialize, Serialize};

use crate::status::MeasuredStatus;
use crate::status::indicators::Verdict;

/// The two themes the user can choose between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    /// Light with strong contrast: reads well on a projector in a lit room.
    #[default]
    Ljust,
    /// Dark, for a laptop screen in the evening.
    Morkt,
}

/// Colours that carry meaning. Status colours always come with a symbol and a
/// word (see [`crate::status::words`]), never alone.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// Achieved.
    pub uppnatt: Color32,
    /// On track.
    pub enligt_plan: Color32,
    /// Behind.
    pub efter_plan: Color32,
    /// No reports.
    pub inga_rapporter: Color32,
    /// Qualitative.
    pub kvalitativ: Color32,
    /// Background of the read-only sample banner.
    pub banner_fill: Color32,
    /// Background of a passing notice.
    pub notice_fill: Color32,
    /// Text and marks for errors.
    pub error: Color32,
    /// Text and marks for warnings.
    pub warning: Color32,
    /// The expected-by-date line in charts and bars.
    pub expected: Color32,
    /// The reported line in charts.
    pub reported: Color32,
    /// Highlight of the offending line in a file excerpt.
    pub highlight_fill: Color32,
    /// The as-of line in charts: solid and labelled, so it needs no colour
    /// to be found.
    pub as_of: Color32,
    /// Outline of a progress bar, so its empty part is seen.
    pub bar_outline: Color32,
    /// Opacity of a status colour behind the text of a progress bar: strong
    /// enough to see, faint enough that the text on it stays readable.
    pub bar_alpha: f32,
}

// Every colour that is drawn as text or a line keeps a WCAG contrast of at
// least 4.5:1 on every background of its theme, hovered and selected rows
// included (checked by the tests at the end of this file): a projector
// washes out anything lighter.
const LIGHT: Palette = Palette {
    uppnatt: Color32::from_rgb(0x1a, 0x6a, 0x2d),
    // Teal, not a second green: it must not be mistaken for "uppnått" even
    // though symbol and word tell them apart as well.
    enligt_plan: Color32::from_rgb(0x00, 0x69, 0x5c),
    efter_plan: Color32::from_rgb(0xa1, 0x34, 0x00),
    inga_rapporter: Color32::from_rgb(0x5c, 0x5c, 0x5c),
    kvalitativ: Color32::from_rgb(0x2a, 0x58, 0xa3),
    banner_fill: Color32::from_rgb(0xff, 0xf1, 0xc2),
    notice_fill: Color32::from_rgb(0xdd, 0xec, 0xff),
    error: Color32::from_rgb(0xb0, 0x00, 0x20),
    warning: Color32::from_rgb(0x7a, 0x4e, 0x00),
    expected: Color32::from_rgb(0x30, 0x30, 0x30),
    reported: Color32::from_rgb(0x1b, 0x56, 0xad),
    highlight_fill: Color32::from_rgb(0xff, 0xe0, 0xe0),
    as_of: Color32::from_rgb(0x5a, 0x2a, 0x8a),
    bar_outline: Color32::from_gray(0x60),
    bar_alpha: 0.55,
};

const DARK: Palette = Palette {
    uppnatt: Color32::from_rgb(0x6f, 0xd6, 0x80),
    enligt_plan: Color32::from_rgb(0x6f, 0xd6, 0xc8),
    efter_plan: Color32::from_rgb(0xff, 0xa0, 0x70),
    inga_rapporter: Color32::from_rgb(0xc2, 0xc2, 0xc2),
    kvalitativ: Color32::from_rgb(0x9d, 0xc0, 0xff),
    banner_fill: Color32::from_rgb(0x4a, 0x3f, 0x10),
    notice_fill: Color32::from_rgb(0x1d, 0x35, 0x57),
    error: Color32::from_rgb(0xff, 0xa0, 0xa0),
    warning: Color32::from_rgb(0xff, 0xc8, 0x57),
    expected: Color32::from_rgb(0xd0, 0xd0, 0xd0),
    reported: Color32::from_rgb(0x8e, 0xc3, 0xff),
    highlight_fill: Color32::from_rgb(0x5a, 0x20, 0x20),
    as_of: Color32::from_rgb(0xd8, 0xb4, 0xff),
    bar_outline: Color32::from_gray(0xb0),
    // Light text on the bar: the fill must stay dark.
    bar_alpha: 0.4,
};

impl Palette {
    /// The palette of a theme.
    pub fn of(theme: Theme) -> &'static Palette {
        match theme {
            Theme::Ljust => &LIGHT,
            Theme::Morkt => &DARK,
        }
    }

    /// The palette matching the visuals a `Ui` currently uses.
    pub fn for_ui(ui: &egui::Ui) -> &'static Palette {
        if ui.visuals().dark_mode {
            &DARK
        } else {
            &LIGHT
        }
    }

    /// The colour of a measured status.
    pub fn status(&self, status: MeasuredStatus) -> Color32 {
        match status {
            MeasuredStatus::Uppnatt => self.uppnatt,
            MeasuredStatus::EnligtPlan => self.enligt_plan,
            MeasuredStatus::EfterPlan => self.efter_plan,
            // Neither counts for or against the plan: the neutral grey of
            // "no reports"; the symbol and word tell them apart.
            MeasuredStatus::IngaRapporter
            | MeasuredStatus::Utgatt
            | MeasuredStatus::Tillkommer
            | MeasuredStatus::VillkorEjUppfyllt => self.inga_rapporter,
            MeasuredStatus::Kvalitativ => self.kvalitativ,
        }
    }
}

impl Palette {
    /// The fill of a progress bar of a status: its colour, faint.
    pub fn bar_fill(&self, status: MeasuredStatus) -> Color32 {
        self.status(status).gamma_multiply(self.bar_alpha)
    }

    /// The colour of an indicator's verdict: the status colours of the
    /// same meaning (on the way, the wrong way, reached), grey otherwise.
    pub fn verdict(&self, verdict: Verdict) -> Color32 {
        match verdict {
            Verdict::GoalReached => self.uppnatt,
            Verdict::TowardGoal => self.enligt_plan,
            Verdict::AwayFromGoal => self.efter_plan,
            Verdict::Unchanged | Verdict::CannotTell | Verdict::NoGoal => self.inga_rapporter,
        }
    }
}

/// Height of a commitment row: two lines of wrapped text plus padding.
/// Rows are drawn without a gap between them (the stripes separate them),
/// so nine rows and their group headings fit a 1366×768 screen.
pub const ROW_HEIGHT: f32 = 42.0;
/// Height of a group heading in the commitment table.
pub const GROUP_ROW_HEIGHT: f32 = 28.0;
/// Vertical space between the rows of the dashboard's header.
pub const HEADER_ROW_GAP: f32 = 2.0;
/// Narrowest the "dag N av M" bar gets, so a short text still reads as a bar.
pub const DAY_BAR_MIN_WIDTH: f32 = 150.0;
/// Height of a table's header row.
pub const HEADER_ROW_HEIGHT: f32 = 28.0;
/// Height of a row in the activity list.
pub const SMALL_ROW_HEIGHT: f32 = 24.0;
/// Space between blocks of a view.
pub const GAP: f32 = 10.0;
/// Default width of the detail panel.
pub const DETAIL_WIDTH: f32 = 560.0;
/// Height of the chart in the detail panel.
pub const CHART_HEIGHT: f32 = 200.0;
/// Height of the plot of the chart in the chairing view.
pub const SMALL_CHART_HEIGHT: f32 = 150.0;
/// Height of the activity list in the detail panel (it scrolls on its own).
pub const ENTRIES_HEIGHT: f32 = 320.0;
/// Height of each chart on the overview tab.
pub const OVERVIEW_CHART_HEIGHT: f32 = 200.0;
/// Height of each indicator's chart on the effects tab.
pub const INDICATOR_CHART_HEIGHT: f32 = 170.0;
/// Widest an indicator's chart gets: a few values need no full screen.
pub const INDICATOR_CHART_WIDTH: f32 = 720.0;
/// Size of a group or indicator heading on the overview and effects tabs.
pub const GROUP_HEADING_PT: f32 = 18.0;
/// Radius of a value's marker in an indicator chart.
pub const POINT_RADIUS: f32 = 4.0;
/// Lines shown before and after the offending line of a file.
pub const EXCERPT_CONTEXT_LINES: usize = 3;
/// How long a notice (e.g. "fil inläst igen") stays, in seconds.
pub const NOTICE_SECS: f64 = 8.0;

/// Presentation mode's sizes are made for this screen (points): a larger
/// one scales them up, a smaller one down.
pub const PRESENT_REFERENCE: egui::Vec2 = egui::vec2(1366.0, 768.0);
/// Presentation mode: the item's heading ("§ 5 Åtagande K1").
pub const PRESENT_HEADING_PT: f32 = 34.0;
/// Presentation mode: the commitment's text and its figures.
pub const PRESENT_TEXT_PT: f32 = 26.0;
/// Presentation mode: the assessment buttons.
pub const PRESENT_BUTTON_PT: f32 = 22.0;
/// Presentation mode: body text (decisions, reason).
pub const PRESENT_BODY_PT: f32 = 20.0;
/// Presentation mode: the line saying where one is.
pub const PRESENT_FOOTER_PT: f32 = 16.0;
/// Presentation mode: the chart's plot is never lower than this (points,
/// at scale 1); a long text gets smaller type instead.
pub const PRESENT_MIN_CHART: f32 = 150.0;
/// Presentation mode: the chart's plot takes at most this share of the
/// height, so a short item does not become all chart.
pub const PRESENT_MAX_CHART_SHARE: f32 = 0.55;
/// Presentation mode: type is never scaled below this; beyond it the item
/// scrolls (a commitment text of thousands of characters).
pub const PRESENT_MIN_SCALE: f32 = 0.6;

/// Text sizes in points: larger than egui's defaults so the dashboard reads
/// from the back of a meeting room at the default zoom.
const BODY_PT: f32 = 15.0;
const HEADING_PT: f32 = 22.0;
const SMALL_PT: f32 = 12.5;
const MONO_PT: f32 = 14.0;

/// The egui visuals of a theme. Backgrounds and text colours are set here,
/// not left to egui's defaults, because every text colour of the palette
/// must keep 4.5:1 against each of them (see the tests below): egui's light
/// selection blue and its dark mid-grey body text do not.
pub fn visuals(theme: Theme) -> Visuals {
    match theme {
        Theme::Ljust => {
            let mut v = Visuals::light();
            // Near-black text on white: the projector washes out grey.
            v.override_text_color = Some(Color32::from_rgb(0x10, 0x10, 0x10));
            v.weak_text_color = Some(Color32::from_gray(0x5a));
            // Lighter than egui's selection blue, so coloured status text
            // on a selected row stays readable.
            v.selection.bg_fill = Color32::from_rgb(0xc4, 0xe2, 0xff);
            v.selection.stroke.color = Color32::from_rgb(0x00, 0x3a, 0x5c);
            v
        }
        Theme::Morkt => {
            let mut v = Visuals::dark();
            // egui's dark body text is mid-grey (140): too faint to read
            // from the back of a room.
            v.override_text_color = Some(Color32::from_gray(0xe8));
            v.weak_text_color = Some(Color32::from_gray(0xb4));
            // Darker than egui's, so light status colours keep their
            // contrast on a selected or hovered row.
            v.selection.bg_fill = Color32::from_rgb(0x1a, 0x40, 0x66);
            v.widgets.hovered.weak_bg_fill = Color32::from_gray(60);
            v.widgets.hovered.bg_fill = Color32::from_gray(64);
            v
        }
    }
}

/// Applies a theme and the text sizes to the context.
pub fn apply(ctx: &egui::Context, theme: Theme) {
    let visuals = visuals(theme);
    let egui_theme = match theme {
        Theme::Ljust => egui::Theme::Light,
        Theme::Morkt => egui::Theme::Dark,
    };
    ctx.set_theme(egui_theme);
    ctx.set_visuals_of(egui_theme, visuals);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(HEADING_PT, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(BODY_PT, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(BODY_PT, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(SMALL_PT, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(MONO_PT, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        // egui fades the rows at a scroll area's edge into the background:
        // the last visible row then fails the contrast the tokens keep. The
        // scroll bar already says there is more.
        style.spacing.scroll.fade.strength = 0.0;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2.1 relative luminance of an opaque sRGB colour.
    fn luminance(c: Color32) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.040_45 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }

    /// WCAG 2.1 contrast ratio, 1 to 21.
    fn contrast(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// `top` painted over the opaque `bottom` the way egui blends
    /// (premultiplied alpha; alpha 0 with colour is additive).
    fn over(top: Color32, bottom: Color32) -> Color32 {
        let keep = 1.0 - f32::from(top.a()) / 255.0;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0..=255
        let mix = |t: u8, b: u8| (f32::from(t) + f32::from(b) * keep).round().min(255.0) as u8;
        Color32::from_rgb(
            mix(top.r(), bottom.r()),
            mix(top.g(), bottom.g()),
            mix(top.b(), bottom.b()),
        )
    }

    /// Every background text or a chart line is drawn on in a theme.
    fn backgrounds(theme: Theme) -> Vec<(&'static str, Color32)> {
        let v = visuals(theme);
        let p = Palette::of(theme);
        let w = &v.widgets;
        vec![
            ("panel", v.panel_fill),
            ("window", v.window_fill),
            ("striped row", over(v.faint_bg_color, v.panel_fill)),
            ("text field and chart", v.extreme_bg_color),
            ("selection", v.selection.bg_fill),
            ("row", w.noninteractive.bg_fill),
            ("button", w.inactive.weak_bg_fill),
            ("checkbox", w.inactive.bg_fill),
            ("hovered button", w.hovered.weak_bg_fill),
            ("hovered row", w.hovered.bg_fill),
            ("open menu", w.open.weak_bg_fill),
            ("sample banner", p.banner_fill),
            ("notice", p.notice_fill),
            ("excerpt highlight", p.highlight_fill),
        ]
    }

    /// Every colour text or a chart line is drawn in, in a theme.
    fn foregrounds(theme: Theme) -> Vec<(&'static str, Color32)> {
        let v = visuals(theme);
        let p = Palette::of(theme);
        vec![
            ("body text", v.text_color()),
            ("weak text", v.weak_text_color()),
            ("strong text", v.strong_text_color()),
            ("button text", v.widgets.inactive.text_color()),
            ("hovered button text", v.widgets.hovered.text_color()),
            // egui_extras draws a selected row's text in this colour.
            ("selected text", v.selection.stroke.color),
            ("uppnått", p.uppnatt),
            ("enligt plan", p.enligt_plan),
            ("efter plan", p.efter_plan),
            ("inga rapporter", p.inga_rapporter),
            ("kvalitativ", p.kvalitativ),
            ("error", p.error),
            ("warning", p.warning),
            ("expected line", p.expected),
            ("reported line", p.reported),
            ("as-of line", p.as_of),
            ("bar outline", p.bar_outline),
        ]
    }

    const MINIMUM: f64 = 4.5;

    #[test]
    fn every_text_colour_meets_wcag_aa_on_every_background() {
        let mut failures = Vec::new();
        for theme in [Theme::Ljust, Theme::Morkt] {
            for (fg_name, fg) in foregrounds(theme) {
                for (bg_name, bg) in backgrounds(theme) {
                    let ratio = contrast(fg, bg);
                    if ratio < MINIMUM {
                        failures.push(format!("{theme:?}: {fg_name} on {bg_name}: {ratio:.2}"));
                    }
                }
            }
        }
        assert!(
            failures.is_empty(),
            "below {MINIMUM}:1:\n{}",
            failures.join("\n")
        );
    }

    #[test]
    fn text_on_a_progress_bar_meets_wcag_aa() {
        let mut failures = Vec::new();
        for theme in [Theme::Ljust, Theme::Morkt] {
            let v = visuals(theme);
            let p = Palette::of(theme);
            for status in MeasuredStatus::ALL {
                // The bar's track is the text-field background.
                let fill = over(p.bar_fill(status), v.extreme_bg_color);
                for (name, text) in [("body", v.text_color()), ("strong", v.strong_text_color())] {
                    let ratio = contrast(text, fill);
                    if ratio < MINIMUM {
                        failures.push(format!("{theme:?}: {name} on {status:?} bar: {ratio:.2}"));
                    }
                }
            }
        }
        assert!(
            failures.is_empty(),
            "below {MINIMUM}:1:\n{}",
            failures.join("\n")
        );
    }

    #[test]
    fn the_contrast_formula_matches_wcag_reference_values() {
        // Black on white is the maximum, 21:1; equal colours are 1:1.
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the lightest grey that passes AA (4.54:1).
        let grey = contrast(Color32::from_gray(0x76), Color32::WHITE);
        assert!((grey - 4.54).abs() < 0.01, "{grey}");
        // The value the issue measured: egui's "enligt plan" green of
        // before, #2e8b57, on the light panel (#f8f8f8) was 4.0:1.
        let before = contrast(Color32::from_rgb(0x2e, 0x8b, 0x57), Color32::from_gray(248));
        assert!((before - 4.0).abs() < 0.01, "{before}");
    }

    #[test]
    fn dark_body_text_is_not_mid_grey() {
        // The issue: the dark theme's body text was egui's grey 140.
        let text = visuals(Theme::Morkt).text_color();
        assert!(contrast(text, visuals(Theme::Morkt).panel_fill) >= 7.0);
    }
}
