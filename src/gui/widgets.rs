//! Small widgets shared by several views.

use egui::Ui;

/// A small symbol button ("✖", "▲", "▦") whose accessible name and tooltip
/// say what it does ("Ta bort 2017-03-14 Herrhagen"), so screen readers and
/// tests find it by that name.
pub fn icon_button(ui: &mut Ui, icon: &str, label: &str, enabled: bool) -> egui::Response {
    let response = ui
        .add_enabled(enabled, egui::Button::new(icon).small())
        .on_hover_text(label);
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, enabled, label));
    response
}

/// [`icon_button`] that Tab skips: a mouse shortcut beside a field that the
/// keyboard reaches another way (the calendar opens with Alt+↓ in a date
/// field), so keyboard users do not tab through it on every entry.
pub fn mouse_icon_button(ui: &mut Ui, icon: &str, label: &str) -> egui::Response {
    let response = ui
        .add(egui::Button::new(icon).small().sense(egui::Sense::CLICK))
        .on_hover_text(label);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, label));
    response
}

/// A single-line text field over a value that lives elsewhere and changes
/// only through commands (the meeting): the text as typed is kept in egui's
/// memory while the field has the focus, so a half-typed "2017-0" or "13:"
/// is not replaced by the stored value on the next frame. Returns the
/// response and the text when it changed.
pub fn draft_field(
    ui: &mut Ui,
    id: egui::Id,
    stored: String,
    make: impl for<'t> FnOnce(&'t mut String) -> egui::TextEdit<'t>,
) -> (egui::Response, Option<String>) {
    let mut text = load_draft(ui, id, || stored);
    let response = ui.add(make(&mut text).id(id));
    keep_draft(ui, id, response.has_focus().then(|| text.clone()));
    let changed = response.changed().then_some(text);
    (response, changed)
}

/// The draft of a field over a value kept elsewhere, remembered in egui's
/// memory under `id`, or `stored()` when there is none.
pub fn load_draft<T: Clone + Send + Sync + 'static>(
    ui: &Ui,
    id: egui::Id,
    stored: impl FnOnce() -> T,
) -> T {
    ui.data(|d| d.get_temp::<T>(id)).unwrap_or_else(stored)
}

/// Remembers the draft under `id` for the next frame, or forgets it (`None`)
/// so the stored value shows again.
pub fn keep_draft<T: Clone + Send + Sync + 'static>(ui: &Ui, id: egui::Id, draft: Option<T>) {
    ui.data_mut(|d| match draft {
        Some(draft) => {
            d.insert_temp(id, draft);
        }
        None => {
            d.remove::<T>(id);
        }
    });
}

/// In a wrapping row, starts a new row unless `width` points are left on
/// this one, so a label and its control (or a widget egui cannot wrap, such
/// as a slider with its text) move to the next row together instead of
/// being split or running past the edge.
/// Returns whether the next widget starts its row.
pub fn keep_together(ui: &mut Ui, width: f32) -> bool {
    let at_start = ui.cursor().min.x <= ui.max_rect().min.x + 1.0;
    if !at_start && ui.available_size_before_wrap().x < width {
        ui.end_row();
        return true;
    }
    at_start
}

/// The width of `text` in `style` on one line, in points.
pub fn text_width(ui: &Ui, text: &str, style: &egui::TextStyle) -> f32 {
    let font = style.resolve(ui.style());
    ui.painter()
        .layout_no_wrap(text.to_owned(), font, egui::Color32::PLACEHOLDER)
        .size()
        .x
}
