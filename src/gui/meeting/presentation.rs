//! Presentation mode: the current agenda item alone, full screen and in
//! large type, for the room to read on a projector while the chair works.
//!
//! It draws the chairing view's own pieces (figures, chart, assessment row,
//! reason, decisions), so the words and the keys are the same there and
//! here; only the sizes differ. They are fitted to the screen: the type
//! scales with the screen, the chart takes the height the rest leaves, and
//! a long commitment text makes the type smaller rather than scroll. The
//! fit is measured, not guessed: each pass remembers how tall everything
//! but the chart came out, and a pass that got it wrong is discarded and
//! drawn again (egui's multi-pass layout), so no frame shows a wrong fit.

use egui::{Id, RichText, Ui};

use crate::model::meeting::{Assessment, ItemKind, MeetingState};

use super::super::actions::Action;
use super::super::chart::ChartSize;
use super::super::state::Command;
use super::super::text::texts;
use super::super::tokens::{self, Palette};
use super::MeetingSession;
use super::view::{
    assessment_row_ui, decisions_ui, figures_ui, kept_figures_of_ui, mini_chart_ui, reason_ui,
};
use crate::workspace::Document;

/// The room `decisions_ui` keeps beside each clause for its remove button,
/// at the app's own sizes.
const DECISION_BUTTON_ROOM_PT: f32 = 60.0;

/// How the current item was fitted to the screen, kept between passes.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Fit {
    /// What it was made for: the item, what changes its height (decisions,
    /// a reason field) and the space it had.
    key: Id,
    /// Type scale (1 on the reference screen).
    scale: f32,
    /// Height of everything but the chart's plot, in points.
    rest_pt: f32,
}

/// Draws presentation mode: the item, and a line saying where one is.
pub fn presentation_ui(
    ui: &mut Ui,
    session: &mut MeetingSession,
    doc: &Document,
    commands: &mut Vec<Command>,
) {
    let ctx = ui.ctx().clone();
    let screen_scale = screen_scale(ctx.content_rect().size(), ctx.zoom_factor());
    egui::Panel::bottom("presentation_footer")
        .show_separator_line(true)
        .show(ui, |ui| footer_ui(ui, session, screen_scale, commands));
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE.inner_margin(tokens::GAP * screen_scale))
        .show(ui, |ui| item_ui(ui, session, doc, screen_scale, commands));
}

/// The type scale for a screen of `size` points at `zoom`: 1 on the
/// reference screen (1366×768) at 100 %, larger on a projector at
/// 1920×1080. Zooming in (Ctrl +) still makes the type larger, as
/// everywhere else, until the item no longer fits.
fn screen_scale(size: egui::Vec2, zoom: f32) -> f32 {
    let reference = tokens::PRESENT_REFERENCE;
    let unzoomed = size * zoom;
    (unzoomed.x / reference.x)
        .min(unzoomed.y / reference.y)
        .clamp(tokens::PRESENT_MIN_SCALE, 3.0)
}

/// "§ 5 av 18 · PageDown nästa · Esc avslutar", and a button that ends the
/// mode for those who chair with the mouse.
fn footer_ui(ui: &mut Ui, session: &MeetingSession, scale: f32, commands: &mut Vec<Command>) {
    let t = texts();
    let size = tokens::PRESENT_FOOTER_PT * scale;
    let count = session.meeting().items.len();
    ui.horizontal(|ui| {
        ui.label(RichText::new(t.presentation_position(session.current + 1, count)).size(size));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let button = egui::Button::new(RichText::new(t.end_presentation).size(size))
                .shortcut_text(RichText::new(Action::Present.shortcut_text(ui.ctx())).size(size));
            if ui.add(button).clicked() {
                commands.push(Command::Run(Action::Present));
            }
        });
    });
}

/// The item, fitted to the space: see the module's description.
fn item_ui(
    ui: &mut Ui,
    session: &mut MeetingSession,
    doc: &Document,
    screen_scale: f32,
    commands: &mut Vec<Command>,
) {
    let index = session.current;
    let Some(item) = session.meeting().items.get(index).cloned() else {
        return;
    };
    let review = match &item.kind {
        ItemKind::Atagande(review) => Some(review.clone()),
        _ => None,
    };
    let needs_reason = review
        .as_ref()
        .and_then(|r| r.assessment)
        .is_some_and(Assessment::needs_reason);
    let space = ui.available_size();
    let key = Id::unique((
        index,
        item.decisions.len(),
        needs_reason,
        space.x.to_bits(),
        space.y.to_bits(),
    ));
    let fit_id = ui.make_persistent_id("presentation_fit");
    let kept: Option<Fit> = ui.data(|d| d.get_temp(fit_id));
    let fit = match kept {
        Some(fit) if fit.key == key => fit,
        // A new item or size starts at the screen's scale; the last
        // item's measure is a better first guess than none.
        _ => Fit {
            key,
            scale: screen_scale,
            rest_pt: kept.map_or(space.y / 2.0, |f| f.rest_pt),
        },
    };
    let chart_pt = (space.y - fit.rest_pt)
        .min(space.y * tokens::PRESENT_MAX_CHART_SHARE)
        .max(tokens::PRESENT_MIN_CHART * fit.scale);
    let used_pt = egui::ScrollArea::vertical()
        .id_salt(("presentation_item", index))
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.vertical(|ui| {
                let factor = scale_style(ui, fit.scale);
                let sizes = Sizes {
                    scale: fit.scale,
                    style_factor: factor,
                    chart_pt,
                };
                content_ui(ui, session, doc, sizes, commands);
            })
            .response
            .rect
            .height()
        })
        .inner;
    let rest_pt = if review.is_some() {
        used_pt - chart_pt
    } else {
        used_pt
    };
    let next = refit(fit, rest_pt, space.y, review.is_some());
    if next != fit {
        ui.data_mut(|d| d.insert_temp(fit_id, next));
        if (next.rest_pt - fit.rest_pt).abs() > 1.0 || (next.scale - fit.scale).abs() > 1e-4 {
            // Drawn with a wrong fit: draw it again before anyone sees it.
            ui.ctx()
                .request_discard("presentation mode fitted its item");
            ui.ctx().request_repaint();
        }
    }
}

/// The fit after a pass measured `rest_pt`: smaller type when the rest
/// leaves the chart (or, without one, the item) too little room.
fn refit(fit: Fit, rest_pt: f32, space_pt: f32, has_chart: bool) -> Fit {
    let chart_pt = if has_chart {
        tokens::PRESENT_MIN_CHART * fit.scale
    } else {
        0.0
    };
    let room_pt = space_pt - chart_pt;
    let scale = if rest_pt > room_pt && fit.scale > tokens::PRESENT_MIN_SCALE {
        // Wrapped text grows about with the square of the scale.
        let factor = (room_pt.max(1.0) / rest_pt).sqrt().clamp(0.5, 0.97);
        (fit.scale * factor).max(tokens::PRESENT_MIN_SCALE)
    } else {
        fit.scale
    };
    Fit {
        scale,
        rest_pt,
        ..fit
    }
}

/// Every text style and spacing of `ui` made `scale` times the
/// presentation body size: the reused pieces (decisions, reason, the
/// chart's axes) grow with the rest. Returns the factor they grew by.
fn scale_style(ui: &mut Ui, scale: f32) -> f32 {
    let style = ui.style_mut();
    let body = style
        .text_styles
        .get(&egui::TextStyle::Body)
        .map_or(tokens::PRESENT_BODY_PT, |f| f.size);
    let factor = tokens::PRESENT_BODY_PT * scale / body.max(1.0);
    for font in style.text_styles.values_mut() {
        font.size *= factor;
    }
    // Whole points: fractional spacing puts widgets between pixels, where
    // their edges blur.
    let spacing = &mut style.spacing;
    spacing.item_spacing = (spacing.item_spacing * factor).round();
    spacing.button_padding = (spacing.button_padding * factor).round();
    spacing.interact_size = (spacing.interact_size * factor).round();
    spacing.icon_width = (spacing.icon_width * factor).round();
    spacing.icon_width_inner = (spacing.icon_width_inner * factor).round();
    spacing.icon_spacing = (spacing.icon_spacing * factor).round();
    factor
}

/// The sizes one pass draws with.
#[derive(Debug, Clone, Copy)]
struct Sizes {
    /// Type scale (1 on the reference screen).
    scale: f32,
    /// How much larger than the app's the text styles and spacing are.
    style_factor: f32,
    /// Height of the chart's plot, in points.
    chart_pt: f32,
}

/// Heading, and for a commitment its text, figures, chart, assessment row
/// and reason; then the decisions.
fn content_ui(
    ui: &mut Ui,
    session: &mut MeetingSession,
    doc: &Document,
    sizes: Sizes,
    commands: &mut Vec<Command>,
) {
    let t = texts();
    let scale = sizes.scale;
    let index = session.current;
    let Some(item) = session.meeting().items.get(index).cloned() else {
        return;
    };
    let gap = tokens::GAP * scale;
    ui.label(
        RichText::new(format!("§ {} {}", index + 1, item.kind.heading()))
            .size(tokens::PRESENT_HEADING_PT * scale)
            .strong(),
    );
    let read_only = session.meeting().state == MeetingState::Justerat;
    if read_only {
        ui.label(RichText::new(t.adjusted_read_only).color(Palette::for_ui(ui).warning));
    }
    ui.add_enabled_ui(!read_only, |ui| {
        if let ItemKind::Atagande(review) = &item.kind {
            if let Some(c) = doc.pledge().and_then(|p| p.commitment(&review.commitment)) {
                ui.label(RichText::new(&c.text).size(tokens::PRESENT_TEXT_PT * scale));
            }
            ui.add_space(gap / 2.0);
            figures_ui(
                ui,
                session,
                &review.commitment,
                tokens::PRESENT_TEXT_PT * scale,
            );
            mini_chart_ui(
                ui,
                session,
                doc,
                &review.commitment,
                ChartSize::Tall(sizes.chart_pt),
            );
            ui.add_space(gap / 2.0);
            assessment_row_ui(
                ui,
                session,
                review,
                commands,
                tokens::PRESENT_BUTTON_PT * scale,
            );
            kept_figures_of_ui(ui, session, review, commands);
            reason_ui(ui, session, review, commands);
        }
        // The clauses leave 60 points for their ✖ button: at this size it
        // needs that much more.
        let wider = DECISION_BUTTON_ROOM_PT * (sizes.style_factor - 1.0);
        ui.set_max_width(ui.available_width() - wider.max(0.0));
        decisions_ui(ui, session, index, &item.decisions, commands);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_screen_has_scale_one_and_a_projector_larger() {
        assert!((screen_scale(egui::vec2(1366.0, 768.0), 1.0) - 1.0).abs() < 1e-6);
        let projector = screen_scale(egui::vec2(1920.0, 1080.0), 1.0);
        assert!(projector > 1.3 && projector < 1.45, "{projector}");
        // A wide but low window is held by its height.
        assert!((screen_scale(egui::vec2(3000.0, 768.0), 1.0) - 1.0).abs() < 1e-6);
        // At 150 % the laptop has 911×512 points: the type is as large in
        // points as at 100 %, so 1.5 times larger on the screen.
        let zoomed = screen_scale(egui::vec2(1366.0, 768.0) / 1.5, 1.5);
        assert!((zoomed - 1.0).abs() < 1e-4, "{zoomed}");
    }

    #[test]
    fn too_little_room_makes_the_type_smaller_but_never_below_the_minimum() {
        let fit = Fit {
            key: Id::unique(1),
            scale: 1.0,
            rest_pt: 300.0,
        };
        let fitting = refit(fit, 400.0, 720.0, true);
        assert!(
            (fitting.scale - 1.0).abs() < 1e-6,
            "400 + the chart fits in 720"
        );
        assert!((fitting.rest_pt - 400.0).abs() < 1e-6);
        let crowded = refit(fit, 900.0, 720.0, true);
        assert!(crowded.scale < 1.0 && crowded.scale >= tokens::PRESENT_MIN_SCALE);
        let smallest = Fit {
            scale: tokens::PRESENT_MIN_SCALE,
            ..fit
        };
        let scale = refit(smallest, 5000.0, 720.0, true).scale;
        assert!(
            (scale - tokens::PRESENT_MIN_SCALE).abs() < 1e-6,
            "beyond the minimum it scrolls: {scale}"
        );
    }
}
