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
