//! The fonts the app draws with, shipped in `assets/fonts/` (DejaVu, see
//! `LICENSE-DejaVu.txt`) so the app looks the same on every machine.
//!
//! egui's own default font has no glyphs for the status symbols (✔ ▼ ● ○ ◆)
//! nor for ⚠ and │; DejaVu has them all, and its sturdier strokes read better
//! on a projector than egui's light default.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

const SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const MONO: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansMono.ttf");

/// Makes DejaVu Sans the first proportional font and DejaVu Sans Mono the
/// first monospace font; egui's fonts stay as fallbacks.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    for (name, bytes, family) in [
        ("DejaVuSans", SANS, FontFamily::Proportional),
        ("DejaVuSansMono", MONO, FontFamily::Monospace),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, name.to_owned());
    }
    ctx.set_fonts(fonts);
}
