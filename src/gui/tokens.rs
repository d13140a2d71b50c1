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
}

const LIGHT: Palette = Palette {
    uppnatt: Color32::from_rgb(0x1b, 0x6e, 0x2f),
    enligt_plan: Color32::from_rgb(0x2e, 0x8b, 0x57),
    efter_plan: Color32::from_rgb(0xb3, 0x3a, 0x00),
    inga_rapporter: Color32::from_rgb(0x80, 0x80, 0x80),
    kvalitativ: Color32::from_rgb(0x2b, 0x5c, 0xaa),
    banner_fill: Color32::from_rgb(0xff, 0xf1, 0xc2),
    notice_fill: Color32::from_rgb(0xdd, 0xec, 0xff),
    error: Color32::from_rgb(0xb0, 0x00, 0x20),
    warning: Color32::from_rgb(0x8a, 0x5a, 0x00),
    expected: Color32::from_rgb(0x30, 0x30, 0x30),
    reported: Color32::from_rgb(0x1f, 0x5f, 0xbf),
    highlight_fill: Color32::from_rgb(0xff, 0xe0, 0xe0),
};

const DARK: Palette = Palette {
    uppnatt: Color32::from_rgb(0x5c, 0xc8, 0x6f),
    enligt_plan: Color32::from_rgb(0x7f, 0xd1, 0x9a),
    efter_plan: Color32::from_rgb(0xff, 0x8c, 0x5a),
    inga_rapporter: Color32::from_rgb(0xa0, 0xa0, 0xa0),
    kvalitativ: Color32::from_rgb(0x8c, 0xb4, 0xff),
    banner_fill: Color32::from_rgb(0x4a, 0x3f, 0x10),
    notice_fill: Color32::from_rgb(0x1d, 0x35, 0x57),
    error: Color32::from_rgb(0xff, 0x6b, 0x6b),
    warning: Color32::from_rgb(0xff, 0xc8, 0x57),
    expected: Color32::from_rgb(0xd0, 0xd0, 0xd0),
    reported: Color32::from_rgb(0x7a, 0xb8, 0xff),
    highlight_fill: Color32::from_rgb(0x5a, 0x20, 0x20),
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
pub const ROW_HEIGHT: f32 = 46.0;
/// Height of a group heading row and of the table header.
pub const HEADER_ROW_HEIGHT: f32 = 28.0;
/// Height of a row in the activity list.
pub const SMALL_ROW_HEIGHT: f32 = 24.0;
/// Space between blocks of a view.
pub const GAP: f32 = 10.0;
/// Default width of the detail panel.
pub const DETAIL_WIDTH: f32 = 560.0;
/// Height of the chart in the detail panel.
pub const CHART_HEIGHT: f32 = 220.0;
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

/// Text sizes in points: larger than egui's defaults so the dashboard reads
/// from the back of a meeting room at the default zoom.
const BODY_PT: f32 = 15.0;
const HEADING_PT: f32 = 22.0;
const SMALL_PT: f32 = 12.5;
const MONO_PT: f32 = 14.0;

/// Applies a theme and the text sizes to the context.
pub fn apply(ctx: &egui::Context, theme: Theme) {
    let visuals = match theme {
        Theme::Ljust => {
            let mut v = Visuals::light();
            // Pure black text on white: the projector washes out grey.
            v.override_text_color = Some(Color32::from_rgb(0x10, 0x10, 0x10));
            v
        }
        Theme::Morkt => Visuals::dark(),
    };
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
    });
}
