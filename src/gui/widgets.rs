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
    let mut text = ui.data(|d| d.get_temp::<String>(id)).unwrap_or(stored);
    let response = ui.add(make(&mut text).id(id));
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    let changed = response.changed().then_some(text);
    (response, changed)
}
