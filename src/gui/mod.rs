//! The desktop app (eframe/egui): a thin layer over the model and status
//! engine. One module per view; views only emit [`state::Command`]s and
//! [`App::handle`] applies them.

pub mod actions;
mod app;
mod calendar;
mod chart;
mod commitment;
mod dashboard;
mod dialogs;
mod effects;
pub mod entry_form;
pub mod fonts;
pub mod import_dialog;
pub mod meeting;
mod menu;
mod overview;
pub mod pledge_dialogs;
mod problems;
pub mod report;
pub mod rows;
pub mod settings;
pub mod state;
pub mod text;
pub mod tokens;
mod watch;
mod widgets;

pub use app::{App, Start};
pub use commitment::{Detail, EntryRow};
pub use problems::{ExcerptLine, excerpt};

/// Default window size in points: fits a 1366×768 laptop and a projector.
const WINDOW_SIZE: [f32; 2] = [1280.0, 760.0];

/// The app's icon for the title bar and the taskbar (eframe would show its
/// own): the 128 px rendering of `assets/icon/medborgarlofte.svg`, the same
/// picture as the .exe's icon and the Linux package's.
fn window_icon() -> std::sync::Arc<egui::IconData> {
    let png = include_bytes!("../../assets/icon/medborgarlofte-128.png");
    std::sync::Arc::new(eframe::icon_data::from_png_bytes(png).unwrap_or_default())
}

/// Opens the window and runs the app until it is closed.
pub fn run(start: Start) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(text::texts().app_name)
            .with_app_id("medborgarlofte")
            .with_icon(window_icon())
            .with_inner_size(WINDOW_SIZE)
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        // OpenGL: on machines without a GPU (Mesa's llvmpipe) it starts as
        // fast as wgpu and uses much less memory than wgpu on lavapipe.
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "medborgarlofte",
        options,
        Box::new(move |cc| Ok(Box::new(App::new(cc, start)))),
    )
}
