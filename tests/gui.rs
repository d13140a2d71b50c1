//! UI tests driving the real app type headless with egui_kittest: widgets are
//! found by their accessible label, clicked and typed into, and the app's
//! state is checked afterwards. No display and no GPU are needed, except for
//! the image snapshots at the end (feature `system-tests`).

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use medborgarlofte::gui::state::{Command, PathPurpose, Tab};
use medborgarlofte::gui::tokens::Theme;
use medborgarlofte::gui::{App, Start};
use medborgarlofte::model::{CommitmentId, Date};
use medborgarlofte::workspace::{Document, Origin, copy_sample_to};

mod common;

fn start(origin: Origin) -> Start {
    Start {
        origin,
        // After the sample's period: it opens at its end date, 2017-09-30.
        today: Date::from_ymd(2026, 1, 1).expect("valid date"),
        poll_interval_secs: 0.5,
        file_dialogs: false,
        resume: false,
    }
}

fn harness(origin: Origin) -> Harness<'static, App> {
    let start = start(origin);
    let mut h = Harness::builder()
        // Tall enough that all eleven rows are laid out (the table is virtualised).
        .with_size(egui::vec2(1280.0, 1100.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| App::new(cc, start));
    h.run();
    h
}

/// The sample opened on `today` (instead of after its period).
fn harness_on(today: &str) -> Harness<'static, App> {
    let mut start = start(Origin::Sample);
    start.today = today.parse().expect("valid date");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 1100.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| App::new(cc, start));
    h.run();
    h
}

#[test]
fn before_the_period_the_header_says_when_it_begins() {
    // The period starts 2016-10-01; "dag 1 av 365" would pretend it had begun.
    let h = harness_on("2016-09-19");
    h.get_by_label("börjar om 12 dagar");
    let h = harness_on("2016-09-30");
    h.get_by_label("börjar om 1 dag");
    let h = harness_on("2016-10-01");
    h.get_by_label("dag 1 av 365");
}

#[test]
fn a_range_not_over_is_listed_with_the_day_it_counts_from() {
    let mut h = harness(Origin::Sample);
    h.state_mut()
        .handle(Command::SetAsOf("2017-06-15".parse().expect("valid")));
    h.state_mut()
        .handle(Command::OpenDetail(CommitmentId::new("K2")));
    h.run();
    // The activity list is below the chart: scrolled into view first.
    h.get_by_label_contains("Aktiviteter t.o.m.").scroll_to_me();
    h.run();
    // The summer campaign (2017-05-01 – 2017-07-31) counts from its last day.
    h.get_by_label_contains("räknas från 2017-07-31");
    let reported = h
        .state()
        .document()
        .and_then(|d| d.status.as_ref())
        .and_then(|s| s.commitment(&CommitmentId::new("K2")))
        .map(|s| (s.reported, s.reports))
        .expect("K2 status");
    assert_eq!(reported, (3.0, 3), "not ca 3,5 from a share of the range");
}

#[test]
fn a_final_meeting_after_the_period_is_the_default_date() {
    let dir = sample_copy();
    std::fs::write(
        dir.path().join("meetings/2017-11-15.ron"),
        r#"#![enable(implicit_some)]
(version: 1, title: "Slutuppföljning", date: "2017-11-15", place: "Polishuset", state: Utkast, participants: [], items: [])
"#,
    )
    .expect("write meeting");
    let h = harness(Origin::path(dir.path()));
    let doc = h.state().document().expect("opened");
    assert_eq!(
        doc.as_of.to_string(),
        "2017-11-15",
        "not cut off at 2017-09-30"
    );
    assert_eq!(
        doc.as_of_range()
            .map(|(s, e)| (s.to_string(), e.to_string())),
        Some(("2016-10-01".to_owned(), "2017-11-15".to_owned()))
    );
    h.get_by_label("dag 365 av 365");
}

fn ids(app: &App) -> Vec<String> {
    app.visible_commitments()
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn expected_of(app: &App, id: &str) -> Option<f64> {
    let report = app.document()?.status.as_ref()?;
    report.commitment(&CommitmentId::new(id))?.expected
}

#[test]
fn the_sample_opens_with_eleven_commitments_under_three_groups() {
    let h = harness(Origin::Sample);
    let app = h.state();
    assert_eq!(
        ids(app),
        [
            "G1", "G2", "G3", "P1", "P2", "P3", "P4", "K1", "K2", "K3", "K4"
        ]
    );
    assert_eq!(
        app.visible_groups(),
        ["Gemensamma åtaganden", "LPO Karlstad", "Karlstads kommun"]
    );
    h.get_by_label("Gemensamma åtaganden (3)");
    h.get_by_label("LPO Karlstad (4)");
    h.get_by_label("Karlstads kommun (4)");
    h.get_by_label("Visar 11 av 11 åtaganden");
    // Read-only sample: a banner says so and offers a copy.
    h.get_by_label_contains("Exempeldata: Karlstad 2016–17 (skrivskyddat)");
    // The period and the as-of date (the sample ended before "today").
    h.get_by_label("dag 365 av 365");
    assert_eq!(
        app.document().map(|d| d.as_of.to_string()).as_deref(),
        Some("2017-09-30")
    );
    // Status is written in words with a symbol, not only in colour.
    // in the counts and in the rows
    assert!(h.get_all_by_label_contains("▼ efter plan").count() >= 3);
    assert!(h.get_all_by_label_contains("○ inga rapporter").count() >= 2);
}

#[test]
fn the_status_bar_agrees_in_number() {
    let folder =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pledges/goteborg-centrum-2018");
    let h = harness(Origin::path(&folder));
    h.get_by_label_contains("3 aktiviteter i 1 fil");
    h.get_by_label("Visar 3 av 3 åtaganden");
    // A count target reported without a number says so, with no percentage.
    h.get_by_label("1 rapport, inget antal");
}

#[test]
fn filtering_by_party_and_searching_leave_the_expected_rows() {
    let mut h = harness(Origin::Sample);
    h.get_by_role_and_label(Role::ComboBox, "Part").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Karlstads kommun")
        .click();
    h.run();
    assert_eq!(ids(h.state()), ["G1", "G2", "G3", "K1", "K2", "K3", "K4"]);
    h.get_by_label("Visar 7 av 11 åtaganden");

    h.get_by_label("Sök").click();
    h.run();
    h.get_by_label("Sök").type_text("tillsyn");
    h.run();
    let found = ids(h.state());
    assert!(found.contains(&"K1".to_owned()), "{found:?}");
    assert!(found.len() < 7, "{found:?}");
    assert!(
        found
            .iter()
            .all(|id| id.starts_with('G') || id.starts_with('K'))
    );

    h.get_by_label("Rensa filter").click();
    h.run();
    assert_eq!(ids(h.state()).len(), 11);
    assert!(!h.state().view().filters.is_active());
}

#[test]
fn a_status_chip_filters_by_status() {
    let mut h = harness(Origin::Sample);
    h.get_by_label_contains("○ inga rapporter:").click();
    h.run();
    let shown = ids(h.state());
    assert_eq!(shown.len(), 1, "{shown:?}");
    h.get_by_label_contains("○ inga rapporter:").click();
    h.run();
    assert_eq!(ids(h.state()).len(), 11);
}

#[test]
fn clicking_a_commitment_shows_its_activities_and_escape_closes_them() {
    let mut h = harness(Origin::Sample);
    h.get_by_label("P1").click();
    h.run();
    let detail = h.state().detail().expect("detail panel open");
    assert_eq!(detail.id.as_str(), "P1");
    assert!(detail.entries.len() > 50, "{}", detail.entries.len());
    assert!(detail.entries.iter().all(|e| e.party == "LPO Karlstad"));
    assert!(detail.places.iter().any(|(p, _)| p == "Stora torget"));
    h.get_by_label("Åtagande P1");
    h.get_by_label_contains("Aktiviteter t.o.m. 2017-09-30");
    h.get_by_label("Rapporter per plats");

    // The activity list sorts by place when its heading is clicked (it is
    // below the chart: scrolled into view first, as a user would).
    h.get_by_label("Plats").scroll_to_me();
    h.run();
    h.get_by_label("Plats").click();
    h.run();
    let places: Vec<String> = h
        .state()
        .detail()
        .expect("still open")
        .entries
        .iter()
        .map(|e| e.place.clone())
        .collect();
    let mut sorted = places.clone();
    sorted.sort();
    assert_eq!(places, sorted);

    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().detail().is_none());
}

#[test]
fn the_detail_panel_shows_the_lead_other_actors_and_who_signed_when() {
    // Luleå 2018: signed 2018-04-13; K4 is carried out with four others.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pledges/lulea-2018");
    let mut h = harness(Origin::path(&fixture));
    h.state_mut()
        .handle(Command::OpenDetail(CommitmentId::new("K4")));
    h.run();
    h.get_by_label("Genomförs också av");
    h.get_by_label("Systembolaget, Luleå Hockey/MSSK, BC Luleå och Luleå Basket");
    h.get_by_label("Löftet");
    h.get_by_label("Undertecknat av Lokalpolisområde Luleå/Boden och Luleå kommun (2018-04-13).");
    assert!(h.query_by_label("Leds av").is_none(), "K4 names no lead");

    // Karlstad: G3 is led by the police; no signing date is known.
    let mut h = harness(Origin::Sample);
    h.state_mut()
        .handle(Command::OpenDetail(CommitmentId::new("G3")));
    h.run();
    h.get_by_label("Leds av");
    h.get_by_label("Ansvariga");
    h.get_by_label("LPO Karlstad och Karlstads kommun");
    h.get_by_label("Undertecknat av LPO Karlstad och Karlstads kommun.");
    assert!(h.query_by_label("Genomförs också av").is_none());
}

#[test]
fn meeting_assessments_show_in_the_table_and_the_detail_history() {
    let mut h = harness(Origin::Sample);
    // At the period's end the September meeting's assessments are the latest.
    assert!(h.get_all_by_label("genomförd").count() >= 5);
    h.get_by_label("ej genomförd");
    h.get_by_label("K4").click();
    h.run();
    let detail = h.state().detail().expect("detail open");
    let history: Vec<&str> = detail
        .history
        .iter()
        .map(|r| r.assessment.as_str())
        .collect();
    assert_eq!(
        history,
        ["försenad", "försenad", "försenad", "ej genomförd"]
    );
    assert_eq!(detail.meeting_dates.len(), 4);
    h.get_by_label_contains("Ingen kursledare fanns att tillgå");

    // Before the first meeting the table shows no assessment (the history
    // in the detail panel is the whole record, so close it first).
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("Periodens start").click();
    h.run();
    assert!(h.query_by_label("genomförd").is_none());
    assert!(h.query_by_label("försenad").is_none());
}

#[test]
fn the_as_of_date_changes_the_expected_figures() {
    let mut h = harness(Origin::Sample);
    let at_end = expected_of(h.state(), "G1").expect("G1 has a target");
    let field = h.get_by_label("Läget per");
    field.click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Läget per").type_text("2017-03-16");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let app = h.state();
    assert_eq!(
        app.document().map(|d| d.as_of.to_string()).as_deref(),
        Some("2017-03-16")
    );
    let in_march = expected_of(app, "G1").expect("G1 has a target");
    assert!(in_march < at_end, "{in_march} vs {at_end}");
    h.get_by_label_contains("dag 167 av 365");

    h.get_by_label("Periodens start").click();
    h.run();
    assert_eq!(
        h.state().document().map(|d| d.as_of.to_string()).as_deref(),
        Some("2016-10-01")
    );
}

#[test]
fn the_keyboard_moves_through_commitments_and_opens_them() {
    let mut h = harness(Origin::Sample);
    // A click on a button does not steal the arrow keys.
    h.get_by_label("Periodens start").click();
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(
        h.state().view().selected.as_ref().map(CommitmentId::as_str),
        Some("G1")
    );
    h.key_press(Key::ArrowDown);
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(
        h.state().view().selected.as_ref().map(CommitmentId::as_str),
        Some("G3")
    );
    h.key_press(Key::PageDown);
    h.run();
    assert_eq!(
        h.state().view().selected.as_ref().map(CommitmentId::as_str),
        Some("K4")
    );
    h.key_press(Key::ArrowUp);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().detail().map(|d| d.id.as_str()), Some("K3"));

    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert!(h.get_by_label("Sök").is_focused());
    // Arrows typed into the search field do not move the selection.
    h.key_press(Key::ArrowUp);
    h.run();
    assert_eq!(
        h.state().view().selected.as_ref().map(CommitmentId::as_str),
        Some("K3")
    );
}

#[test]
fn tabs_show_the_overview_and_the_theme_can_be_switched() {
    let mut h = harness(Origin::Sample);
    h.get_by_label("Översikt").click();
    h.run();
    assert_eq!(h.state().view().tab, Tab::Overview);
    h.get_by_label("Per part");
    h.get_by_label("Per problemområde");
    h.get_by_label_contains("3. ");
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    h.run();
    assert_eq!(h.state().settings().theme, Theme::Morkt);
    h.key_press(Key::F1);
    // The help is sized a few frames after it opens: let it settle before
    // clicking its button.
    h.run_steps(8);
    h.run();
    // The help lists every action with the shortcut that really works.
    for action in medborgarlofte::gui::actions::Action::ALL {
        assert!(
            h.query_all_by_label(action.label()).next().is_some(),
            "{} is in the help",
            action.label()
        );
    }
    h.get_by_label("Ctrl+O");
    h.get_by_label("Ctrl+Shift+O");
    h.get_by_label("I formulär");
    h.get_by_label("Kalendern i ett datumfält");
    h.get_by_label("Alt+Down");
    h.get_by_label_contains("1–8 bedömer bara när bedömningsraden har fokus");
    h.get_by_label("Stäng").click();
    h.run();
    assert!(h.query_by_label("Ctrl+O").is_none());
}

#[test]
fn the_effects_tab_shows_each_indicator_with_its_change_and_verdict() {
    let mut h = harness(Origin::Sample);
    h.get_by_label("Effekter").click();
    h.run();
    assert_eq!(h.state().view().tab, Tab::Effects);
    h.get_by_label_contains("räknas aldrig ihop med åtagandena");
    // I1 at the sample's end: 212 then 187, ska minska.
    h.get_by_label_contains("I1 Polisanmälda misshandelsbrott");
    h.get_by_label("187 anmälningar (2017-09-30)");
    h.get_by_label("har minskat med 25 anmälningar (12\u{a0}%) sedan 2016-09-30");
    h.get_by_label("ska minska: ● går åt rätt håll");
    // I2: a percentage with "ca", a level goal.
    h.get_by_label("ca 28\u{a0}% (2017-05-31)");
    h.get_by_label("har minskat med ca 3 procentenheter sedan 2016-05-31");
    h.get_by_label("mål 20\u{a0}%: ● går åt rätt håll");
    // I3: words only, shown but not judged, and no chart.
    h.get_by_label("har minskat enligt polisens lägesbild (2017-03-31)");
    h.get_by_label("ska minska: ? kan inte bedömas");
    h.get_by_label("Inget diagram: inget värde med tal är känt ännu.");
    assert_eq!(
        h.query_all_by_label("Kända värden (2 värden)").count(),
        2,
        "I1 and I2"
    );
    h.get_by_label("Kända värden (1 värde)");
    // Earlier, only the first values are known: nothing to compare yet.
    h.state_mut()
        .handle(Command::SetAsOf("2017-03-16".parse().expect("valid")));
    h.run();
    assert_eq!(
        h.query_all_by_label("inget tidigare värde att jämföra med")
            .count(),
        2
    );
    h.get_by_label("212 anmälningar (2016-09-30)");
    h.get_by_label("inget värde ännu");
    h.get_by_label("inget att jämföra ännu");
    let doc = h.state().document().expect("opened");
    assert_eq!(doc.indicators.len(), 3);
    assert_eq!(
        doc.status
            .as_ref()
            .map(|s| s.counts().iter().sum::<usize>()),
        Some(11),
        "the commitments' counts hold the eleven commitments only"
    );
}

#[test]
fn the_shortcut_help_fits_a_laptop_screen() {
    let start = start(Origin::Sample);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .build_eframe(move |cc| App::new(cc, start));
    h.key_press(Key::F1);
    h.run();
    let close = h.get_by_label("Stäng").rect();
    assert!(
        close.max.y <= 768.0 && close.min.y >= 0.0,
        "the close button is on screen: {close:?}"
    );
    // The heading (and the action of the same name) are on screen.
    for title in h.query_all_by_label("Kortkommandon") {
        assert!(title.rect().min.y >= 0.0, "on screen: {:?}", title.rect());
    }
    let last = h.get_by_label("Skriv ut kallelse (PDF)…").rect();
    assert!(
        last.max.y <= close.min.y,
        "the last action shows above the button"
    );
}

/// A writable copy of the sample in a temporary folder.
/// Waits for a document being written in the background (minutes, report,
/// export). A spinner shows meanwhile: step, do not wait for calm.
fn wait_for_job(h: &mut Harness<'static, App>) {
    h.step();
    for _ in 0..300 {
        if !h.state().is_printing() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
}

/// Types into the field with this role and label, replacing what is there.
fn retype_in(h: &mut Harness<'static, App>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

/// Types into the single-line field with this label.
fn retype(h: &mut Harness<'static, App>, label: &str, text: &str) {
    retype_in(h, Role::TextInput, label, text);
}

fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_sample_to(dir.path()).expect("copy the sample");
    dir
}

fn replace_line(path: &Path, line: usize, text: &str) {
    let content = std::fs::read_to_string(path).expect("read");
    let mut lines: Vec<&str> = content.lines().collect();
    lines[line - 1] = text;
    std::fs::write(path, lines.join("\n") + "\n").expect("write");
}

#[test]
fn a_broken_activity_file_shows_a_located_problem_and_the_rest_loads() {
    let dir = sample_copy();
    let kommunen = dir.path().join("activities/kommunen.ron");
    // Line 9 holds the first entry's date.
    replace_line(&kommunen, 9, r#"            date: "2017-06-31","#);
    let mut h = harness(Origin::path(dir.path()));
    let app = h.state();
    assert_eq!(ids(app).len(), 11, "the pledge still loads");
    let doc = app.document().expect("opened");
    assert_eq!(doc.activities().len(), 2, "the other two files load");
    h.get_by_label_contains("1 fel och 0 varningar");

    h.get_by_label("Problem (1)").click();
    h.run();
    let place = h.get_by_label_contains("kommunen.ron:9:");
    place.click();
    h.run();
    assert_eq!(h.state().view().selected_problem, Some(0));
    // The excerpt shows the offending line with its number.
    h.get_by_label_contains(r#"    9 │             date: "2017-06-31","#);
}

#[test]
fn a_file_changed_on_disk_is_reloaded_keeping_the_selection() {
    let dir = sample_copy();
    let mut h = harness(Origin::path(dir.path()));
    h.get_by_label("K2").click();
    h.run();
    let before = h
        .state()
        .document()
        .and_then(|d| d.status.as_ref())
        .and_then(|s| s.commitment(&CommitmentId::new("K2")))
        .map(|s| s.reports)
        .expect("K2 status");
    let kommunen = dir.path().join("activities/kommunen.ron");
    let text = std::fs::read_to_string(&kommunen).expect("read");
    let extra = r#"        (date: "2017-09-01", commitments: ["K2"], party: "karlstads-kommun", quantity: (amount: 1, unit: "kampanjer")),
    ],
)"#;
    let end = text.rfind("    ],").expect("entries end");
    std::fs::write(&kommunen, format!("{}{extra}\n", &text[..end])).expect("write");
    h.run_steps(8);
    let app = h.state();
    let after = app
        .document()
        .and_then(|d| d.status.as_ref())
        .and_then(|s| s.commitment(&CommitmentId::new("K2")))
        .map(|s| s.reports)
        .expect("K2 status");
    assert_eq!(after, before + 1);
    assert!(
        app.notice().is_some_and(|n| n.contains("kommunen.ron")),
        "{:?}",
        app.notice()
    );
    assert_eq!(
        app.view().selected.as_ref().map(CommitmentId::as_str),
        Some("K2")
    );
    assert_eq!(app.detail().map(|d| d.id.as_str()), Some("K2"));
}

/// A path pasted as Explorer's "Kopiera som sökväg" gives it (in quotes),
/// to a folder named with å, ä, ö: opened, and remembered as it is spelt.
#[test]
fn a_quoted_path_to_a_folder_with_swedish_letters_can_be_pasted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("Trygghet").join("Löfte 2024 åäö");
    std::fs::create_dir_all(&folder).expect("mkdir");
    copy_sample_to(&folder).expect("copy the sample");
    let mut h = harness(Origin::Sample);
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    h.get_by_label("Sökväg")
        .type_text(&format!(" \"{}\" ", folder.display()));
    h.run();
    h.get_by_label("Öppna").click();
    h.run();
    let app = h.state();
    assert!(app.error().is_none(), "{:?}", app.error());
    assert!(app.document().is_some_and(|d| !d.is_read_only()));
    assert_eq!(app.settings().recent.first(), Some(&folder));
}

#[test]
fn a_path_can_be_typed_to_open_a_folder_and_a_bad_one_is_explained() {
    let dir = sample_copy();
    let mut h = harness(Origin::Sample);
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    h.get_by_label("Sökväg").type_text("/finns/inte");
    h.run();
    h.get_by_label("Öppna").click();
    h.run();
    let error = h.state().error().expect("an error is shown").to_owned();
    assert!(
        error.contains("/finns/inte") && error.contains("finns inte"),
        "{error}"
    );
    assert!(
        h.state().document().is_some_and(Document::is_read_only),
        "the sample stays open"
    );
    h.get_by_label("OK").click();
    h.run();

    h.state_mut()
        .handle(Command::ShowPathDialog(PathPurpose::Open));
    h.run();
    h.get_by_label("Sökväg")
        .type_text(&dir.path().display().to_string());
    h.run();
    h.get_by_label("Öppna").click();
    h.run();
    let app = h.state();
    assert!(app.error().is_none(), "{:?}", app.error());
    assert!(app.document().is_some_and(|d| !d.is_read_only()));
    assert_eq!(
        app.settings()
            .recent
            .first()
            .map(std::path::PathBuf::as_path),
        Some(dir.path())
    );
}

#[test]
fn the_sample_is_saved_as_a_folder_that_then_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("karlstad");
    let mut h = harness(Origin::Sample);
    h.state_mut()
        .handle(Command::ShowPathDialog(PathPurpose::CopySample));
    h.run();
    h.get_by_label("Sökväg")
        .type_text(&target.display().to_string());
    h.run();
    h.get_by_label("Spara").click();
    h.run();
    assert!(target.join("pledge.ron").is_file());
    assert_eq!(
        std::fs::read_dir(target.join("activities"))
            .expect("dir")
            .count(),
        3
    );
    let app = h.state();
    assert!(app.document().is_some_and(|d| !d.is_read_only()));
    assert!(app.notice().is_some_and(|n| n.contains("karlstad")));
}

/// Image snapshots of the key screens, rendered with wgpu (Mesa's software
/// renderer on CI). Update with `UPDATE_SNAPSHOTS=1 cargo test --features system-tests`.
#[cfg(feature = "system-tests")]
mod snapshots {
    use super::*;

    fn options() -> egui_kittest::SnapshotOptions {
        // Software renderers differ slightly in anti-aliasing; a real layout
        // change moves far more pixels than this.
        egui_kittest::SnapshotOptions::new()
            .threshold(0.6)
            .max_failed_pixels(200)
    }

    fn wgpu_harness(origin: Origin) -> Harness<'static, App> {
        let start = start(origin);
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 760.0))
            .with_theme(egui::Theme::Light)
            .wgpu()
            .build_eframe(move |cc| App::new(cc, start));
        h.run();
        h
    }

    #[test]
    fn dashboard() {
        let mut h = wgpu_harness(Origin::Sample);
        h.snapshot_options("dashboard", &options());
    }

    /// The dashboard as a 1366×768 laptop shows it: nine commitments and
    /// the compact header.
    #[test]
    fn dashboard_on_a_laptop() {
        let start = start(Origin::Sample);
        let mut h = Harness::builder()
            .with_size(egui::vec2(1366.0, 768.0))
            .with_theme(egui::Theme::Light)
            .wgpu()
            .build_eframe(move |cc| App::new(cc, start));
        h.run();
        h.snapshot_options("dashboard-1366x768", &options());
    }

    /// Presentation mode on a 1366×768 laptop: § 9 of the sample's last
    /// meeting (P2: behind plan, assessed försenad, a decision), opened as
    /// still going on so nothing is greyed out.
    #[test]
    fn presentation_on_a_laptop() {
        use medborgarlofte::gui::actions::Action;
        use medborgarlofte::gui::meeting::MeetingCommand;
        let dir = sample_copy();
        let meeting = dir.path().join("meetings/2017-09-28.ron");
        let text = std::fs::read_to_string(&meeting).expect("read");
        // Going on again: not justerat, so no fingerprint either.
        let text = common::unjusterat(&text).replace("state: Avslutat", "state: Pagar");
        std::fs::write(&meeting, text).expect("write");
        let start = start(Origin::path(dir.path()));
        let mut h = Harness::builder()
            .with_size(egui::vec2(1366.0, 768.0))
            .with_theme(egui::Theme::Light)
            .wgpu()
            .build_eframe(move |cc| App::new(cc, start));
        h.run();
        h.state_mut().handle(Command::OpenMeeting(meeting));
        h.state_mut()
            .handle(Command::Meeting(MeetingCommand::GoTo(8)));
        h.state_mut().handle(Command::Run(Action::Present));
        h.run();
        assert!(h.state().view().presenting);
        h.get_by_label("§ 9 Åtagande P2");
        h.snapshot_options("presentation-1366x768", &options());
    }

    #[test]
    fn detail_panel() {
        let mut h = wgpu_harness(Origin::Sample);
        h.state_mut()
            .handle(Command::OpenDetail(CommitmentId::new("K1")));
        h.run();
        h.snapshot_options("detail_panel", &options());
    }
}

/// A file dropped on the window, as the windowing layer would hand it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_files(h: &mut Harness<'static, App>, paths: &[&Path]) {
    for path in paths {
        h.input_mut()
            .dropped_files
            .push(std::sync::Arc::new(Dropped(path.to_path_buf())));
    }
    h.run();
}

#[test]
fn a_dropped_folder_opens_and_dropped_activity_files_are_added() {
    let dir = sample_copy();
    let mut h = harness(Origin::Sample);
    drop_files(&mut h, &[dir.path()]);
    let doc = h.state().document().expect("opened");
    assert!(!doc.is_read_only());
    assert_eq!(doc.activities().len(), 3);

    // One more report file, from outside the folder, is added to it.
    let extra_dir = tempfile::tempdir().expect("temp dir");
    let extra = extra_dir.path().join("extra.ron");
    std::fs::write(
        &extra,
        "(version: 1, entries: [(date: \"2017-09-01\", commitments: [\"K4\"], party: \"karlstads-kommun\", quantity: (amount: 1, unit: \"utbildningstillfällen\"))])",
    )
    .expect("write");
    drop_files(&mut h, &[&extra]);
    let doc = h.state().document().expect("still open");
    assert_eq!(doc.activities().len(), 4);
    let k4 = doc
        .status
        .as_ref()
        .and_then(|s| s.commitment(&CommitmentId::new("K4")))
        .expect("K4");
    assert_eq!(k4.reports, 1);

    // Dropping activity files on the read-only sample explains why not.
    let mut h = harness(Origin::Sample);
    drop_files(&mut h, &[&extra]);
    assert!(
        h.state()
            .error()
            .is_some_and(|e| e.contains("skrivskyddat"))
    );
}

/// Legible on a projector and a 1366×768 laptop: the charts label their
/// lines, the dashboard fits nine commitments, nothing is cut off.
mod projector {
    use super::*;
    use egui::{FontId, Rect, TextStyle};
    use egui_kittest::kittest::NodeT as _;
    use medborgarlofte::gui::meeting::MeetingCommand;
    use medborgarlofte::gui::tokens::ROW_HEIGHT;
    use medborgarlofte::model::meeting::ItemKind;

    fn laptop(origin: Origin) -> Harness<'static, App> {
        let start = start(origin);
        let mut h = Harness::builder()
            .with_size(egui::vec2(1366.0, 768.0))
            .with_theme(egui::Theme::Light)
            .build_eframe(move |cc| App::new(cc, start));
        h.run();
        h
    }

    /// The commitments in table order.
    const IDS: [&str; 11] = [
        "G1", "G2", "G3", "P1", "P2", "P3", "P4", "K1", "K2", "K3", "K4",
    ];

    /// The whole row of commitment `id`: its id is centred in it.
    fn row_rect(h: &Harness<'static, App>, id: &str) -> Option<Rect> {
        let label = h.query_by_label(id)?.rect();
        let half = ROW_HEIGHT / 2.0;
        Some(Rect::from_x_y_ranges(
            label.x_range(),
            (label.center().y - half)..=(label.center().y + half),
        ))
    }

    /// What the table shows between its header and the status bar.
    fn table_area(h: &Harness<'static, App>) -> (f32, f32) {
        let header = h.get_by_role_and_label(Role::Button, "Rapporterat").rect();
        let status_bar = h.get_by_label_contains("aktiviteter i 3 filer").rect();
        (header.max.y, status_bar.min.y)
    }

    fn font(h: &Harness<'static, App>, style: &TextStyle) -> FontId {
        style.resolve(&h.ctx.global_style())
    }

    /// Width and height of `text` on one line.
    fn text_size(h: &Harness<'static, App>, text: &str, font: FontId) -> egui::Vec2 {
        h.ctx
            .fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, egui::Color32::BLACK))
            .size()
    }

    #[test]
    fn nine_commitment_rows_fit_a_laptop_screen_without_scrolling() {
        nine_rows_at(&laptop(Origin::Sample), 768.0);
        // Maximised on a 1366×768 Windows laptop: the taskbar and the title
        // bar leave about 697 points.
        let start = start(Origin::Sample);
        let mut h = Harness::builder()
            .with_size(egui::vec2(1366.0, 697.0))
            .with_theme(egui::Theme::Light)
            .build_eframe(move |cc| App::new(cc, start));
        h.run();
        nine_rows_at(&h, 697.0);
    }

    fn nine_rows_at(h: &Harness<'static, App>, height: f32) {
        let (top, bottom) = table_area(h);
        assert!(bottom <= height, "the status bar is on screen: {bottom}");
        let fully_visible: Vec<&str> = IDS
            .iter()
            .copied()
            .filter(|id| row_rect(h, id).is_some_and(|r| r.min.y >= top && r.max.y <= bottom))
            .collect();
        assert!(
            fully_visible.len() >= 9,
            "rows fully visible between {top} and {bottom}: {fully_visible:?}"
        );
        assert_eq!(fully_visible[..9], IDS[..9], "the first nine, in order");
        let ninth = row_rect(h, "K2").expect("the ninth row is laid out");
        assert!(ninth.max.y <= bottom, "{ninth:?} ends above {bottom}");
    }

    #[test]
    fn target_and_assessment_stay_readable_with_the_detail_panel_open() {
        let mut h = laptop(Origin::Sample);
        h.state_mut()
            .handle(Command::OpenDetail(CommitmentId::new("P2")));
        h.run();
        let panel_left = h.get_by_label("Åtagande P2").rect().min.x;
        let target = h.get_by_role_and_label(Role::Button, "Mål").rect();
        let assessment = h.get_by_role_and_label(Role::Button, "Bedömning").rect();
        let reported = h.get_by_role_and_label(Role::Button, "Rapporterat").rect();
        assert!(
            assessment.max.x < panel_left,
            "the Bedömning column is left of the panel"
        );
        // G1's target wraps on two lines inside its column.
        let g1 = h.get_by_label("minst 2 tillsyner per månad i snitt").rect();
        assert!(g1.min.x >= target.min.x - 1.0 && g1.max.x < reported.min.x);
        assert!(g1.width() >= 100.0, "a readable width: {g1:?}");
        let line = text_size(&h, "minst", font(&h, &TextStyle::Body)).y;
        assert!(g1.height() > 1.5 * line, "wrapped, not cut to one line");
        // Every assessment shown lies wholly in its column, left of the panel.
        let shown: Vec<Rect> = h
            .query_all_by_label("genomförd")
            .map(|n| n.rect())
            .filter(|r| r.max.x < panel_left)
            .collect();
        assert!(shown.len() >= 5, "the assessments show: {shown:?}");
        for r in shown {
            assert!(
                r.min.x >= assessment.min.x - 1.0 && r.max.x <= panel_left,
                "{r:?}"
            );
        }
    }

    #[test]
    fn the_detail_chart_labels_its_meetings_and_the_as_of_date_above_the_data() {
        let mut h = harness(Origin::Sample);
        h.state_mut()
            .handle(Command::OpenDetail(CommitmentId::new("P2")));
        h.run();
        let dates = ["2016-12-08", "2017-03-16", "2017-06-15", "2017-09-28"];
        let mut labels: Vec<Rect> = dates
            .iter()
            .map(|d| h.get_by_label(&format!("möte {d}")).rect())
            .collect();
        labels.push(h.get_by_label("läget per 2017-09-30").rect());
        // In date order from left to right (the last two, two days apart,
        // both end at the chart's right edge), and none hides another.
        for pair in labels.windows(2) {
            assert!(pair[0].max.x <= pair[1].max.x, "{pair:?}");
        }
        for pair in labels[..4].windows(2) {
            assert!(pair[0].center().x < pair[1].center().x, "{pair:?}");
        }
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                let common = a.intersect(*b);
                assert!(
                    common.width() <= 0.0 || common.height() <= 0.0,
                    "labels overlap: {a:?} {b:?}"
                );
            }
        }
        // The legend names each kind of line, above the labels (outside the data).
        let legend = [
            h.get_by_label("Förväntat enligt mål").rect(),
            h.get_by_label("Uppföljningsmöte").rect(),
        ];
        let labels_top = labels.iter().map(|r| r.min.y).fold(f32::INFINITY, f32::min);
        for entry in legend {
            assert!(entry.max.y <= labels_top, "{entry:?} above {labels_top}");
        }
        // The legend also names the reported line and the as-of line: the
        // table header and the as-of field carry the same words.
        assert!(h.query_all_by_label("Rapporterat").count() >= 2);
        assert!(h.query_all_by_label("Läget per").count() >= 2);
    }

    #[test]
    fn the_chairing_chart_marks_the_earlier_meetings_and_the_meeting_date() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        h.state_mut().handle(Command::OpenMeeting(
            dir.path().join("meetings/2017-03-16.ron"),
        ));
        h.run();
        let item = h
            .state()
            .meeting()
            .and_then(|s| {
                s.meeting()
                    .items
                    .iter()
                    .position(|i| matches!(i.kind, ItemKind::Atagande(_)))
            })
            .expect("a commitment on the agenda");
        h.state_mut()
            .handle(Command::Meeting(MeetingCommand::GoTo(item)));
        h.run();
        h.get_by_label("möte 2016-12-08");
        h.get_by_label("läget per 2017-03-16");
        assert!(
            h.query_by_label("möte 2017-06-15").is_none(),
            "a later meeting is not marked"
        );
        h.get_by_label("Uppföljningsmöte");
    }

    #[test]
    fn the_day_label_sits_inside_its_bar() {
        for (today, text) in [
            ("2016-09-19", "börjar om 12 dagar"),
            ("2016-10-01", "dag 1 av 365"),
            ("2026-01-01", "dag 365 av 365"),
        ] {
            let h = harness_on(today);
            let bar = h.get_by_label(text);
            assert_eq!(bar.accesskit_node().role(), Role::ProgressIndicator);
            let size = text_size(&h, text, font(&h, &TextStyle::Button));
            // egui draws the text one item spacing in from the bar's left edge.
            let inset = h.ctx.global_style().spacing.item_spacing.x;
            let rect = bar.rect();
            assert!(
                rect.width() >= size.x + inset && rect.height() >= size.y,
                "{text:?} ({size:?}) fits inside {rect:?}"
            );
        }
        // Also when the detail panel narrows the header.
        let mut h = laptop(Origin::Sample);
        h.state_mut()
            .handle(Command::OpenDetail(CommitmentId::new("P2")));
        h.run();
        let rect = h.get_by_label("dag 365 av 365").rect();
        let size = text_size(&h, "dag 365 av 365", font(&h, &TextStyle::Button));
        let panel_left = h.get_by_label("Åtagande P2").rect().min.x;
        assert!(
            rect.width() >= size.x && rect.max.x < panel_left,
            "{rect:?}"
        );
    }

    #[test]
    fn the_problem_tab_shows_the_whole_file_line_and_column() {
        let root = tempfile::tempdir().expect("temp dir");
        // A long folder name, as on a shared drive.
        let dir = root
            .path()
            .join("Medborgarlöften LPO Karlstad och Karlstads kommun")
            .join("Uppföljning 2016–2017 gemensam mapp för samverkansgruppen");
        std::fs::create_dir_all(&dir).expect("folders");
        copy_sample_to(&dir).expect("copy the sample");
        let file = dir.join("activities/kommunen.ron");
        // Line 9 holds the first entry's date.
        replace_line(&file, 9, r#"            date: "2017-06-31","#);
        let mut h = laptop(Origin::path(&dir));
        h.state_mut().handle(Command::SetTab(Tab::Problems));
        h.run();
        let problem = h
            .state()
            .document()
            .and_then(|d| d.loaded.problems.first().cloned())
            .expect("the broken file is a problem");
        let place = format!("{}:{}:{}", problem.file, problem.line, problem.col);
        assert!(place.len() > 120, "a long place: {place}");
        let node = h.get_by_label(&place);
        let rect = node.rect();
        let size = text_size(&h, &place, font(&h, &TextStyle::Body));
        // Cut to one line it would cover less than the whole text does.
        assert!(
            rect.width() * rect.height() >= 0.9 * size.x * size.y,
            "the whole {place} shows in {rect:?} (one line: {size:?})"
        );
        assert!(rect.max.x <= 1366.0 && rect.max.y <= 768.0, "{rect:?}");
        let message = h.get_by_label_contains(&problem.message()[..20]).rect();
        assert!(rect.max.x <= message.min.x, "{rect:?} left of {message:?}");
    }
}

mod meetings {
    use super::*;
    use egui_kittest::kittest::NodeT as _;
    use medborgarlofte::gui::state::UnsavedAnswer;
    use medborgarlofte::model::meeting::{ActionStatus, Assessment, ItemKind, MeetingState};
    use medborgarlofte::store;

    /// Ctrl+N and the day asked for: the harness's today, 2026-01-01 (after
    /// the sample's period, so the suggested 2017-09-28 is replaced).
    pub(super) fn new_meeting(h: &mut Harness<'static, App>) {
        h.key_press_modifiers(Modifiers::COMMAND, Key::N);
        h.run();
        h.get_by_label("Mötets datum");
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.event(egui::Event::Text("2026-01-01".into()));
        h.run();
        h.key_press(Key::Enter);
        h.run();
        assert_eq!(
            h.state()
                .meeting()
                .map(|s| s.meeting().date.to_string())
                .as_deref(),
            Some("2026-01-01"),
            "{:?}",
            h.state().error()
        );
    }

    fn current_assessment(h: &Harness<'static, App>) -> Option<Assessment> {
        let session = h.state().meeting()?;
        match &session.meeting().items.get(session.current)?.kind {
            ItemKind::Atagande(review) => review.assessment,
            _ => None,
        }
    }

    #[test]
    fn a_meeting_is_chaired_by_keyboard_saved_and_read_back() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        assert_eq!(h.state().view().tab, Tab::Meeting);
        let session = h.state().meeting().expect("a new meeting");
        assert_eq!(session.meeting().items.len(), 4 + 11 + 3);
        assert_eq!(
            session.meeting().participants.len(),
            6,
            "from the last meeting"
        );
        assert!(session.has_unsaved_changes());

        // To the first commitment (§ 5) and assess it with a digit.
        for _ in 0..4 {
            h.key_press(Key::PageDown);
        }
        h.run();
        assert_eq!(h.state().meeting().map(|s| s.current), Some(4));
        h.key_press(Key::Num1);
        h.run();
        assert_eq!(current_assessment(&h), Some(Assessment::Genomford));
        let session = h.state().meeting().expect("open");
        let item = &session.meeting().items[4];
        assert!(item.handled);
        assert!(
            matches!(&item.kind, ItemKind::Atagande(r) if r.snapshot.is_some()),
            "the figures at the meeting are kept"
        );

        // Next item: "ej genomförd" asks for a reason.
        h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
        h.run();
        h.key_press(Key::Num4);
        h.run();
        assert_eq!(current_assessment(&h), Some(Assessment::EjGenomford));
        h.get_by_label("Den här bedömningen kräver ett skäl.");
        h.get_by_label("Skäl").click();
        h.run();
        h.get_by_label("Skäl")
            .type_text("Ingen personal under hösten.");
        h.run();

        // A decision clause (Ctrl+Enter focuses it) and an action item.
        h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
        h.run();
        h.event(egui::Event::Text("följa upp vid nästa möte".into()));
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::A);
        h.run();
        h.event(egui::Event::Text("Boka utbildning".into()));
        h.run();
        let session = h.state().meeting().expect("open");
        assert_eq!(
            session.meeting().items[5].decisions,
            ["följa upp vid nästa möte"]
        );
        let action = session.meeting().actions.first().expect("an action");
        assert_eq!(
            action.id.as_str(),
            "A6",
            "ids continue after the earlier meetings' A1–A5"
        );
        assert_eq!(action.text, "Boka utbildning");
        assert_eq!(action.status, ActionStatus::Oppen);

        // Undo the action's text, then redo it.
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        assert_eq!(
            h.state()
                .meeting()
                .and_then(|s| s.meeting().actions.first())
                .map(|a| a.text.as_str()),
            Some("")
        );
        h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
        h.run();
        assert_eq!(
            h.state()
                .meeting()
                .and_then(|s| s.meeting().actions.first())
                .map(|a| a.text.as_str()),
            Some("Boka utbildning")
        );

        // Save, then read the file back: it is exactly the meeting on screen.
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run();
        assert!(h.state().error().is_none(), "{:?}", h.state().error());
        let session = h.state().meeting().expect("still open");
        assert!(!session.has_unsaved_changes());
        let path = dir.path().join("meetings/2026-01-01.ron");
        let (saved, _) = store::read_meeting(&path).expect("saved file reads");
        assert_eq!(&saved, session.meeting());
        assert_eq!(
            h.state().document().map(|d| d.loaded.meetings.len()),
            Some(5)
        );
        assert!(
            h.state()
                .notice()
                .is_some_and(|n| n.contains("2026-01-01.ron"))
        );
    }

    #[test]
    fn ending_a_meeting_keeps_every_commitments_figures_and_undo_takes_them_back() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        h.get_by_label("Starta mötet").click();
        h.run();
        // Nothing is assessed: the figures still reach the record.
        h.get_by_label("Avsluta mötet").click();
        h.run();
        assert!(h.state().error().is_none(), "{:?}", h.state().error());
        let session = h.state().meeting().expect("open");
        let meeting = session.meeting();
        assert_eq!(meeting.state, MeetingState::Avslutat);
        let ids: Vec<&str> = meeting
            .snapshots
            .iter()
            .map(|s| s.commitment.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                "G1", "G2", "G3", "P1", "P2", "P3", "P4", "K1", "K2", "K3", "K4"
            ]
        );
        assert!(
            meeting
                .snapshots
                .iter()
                .all(|s| s.snapshot.as_of == meeting.date)
        );
        assert!(meeting.reviews().all(|r| r.snapshot.is_none()));
        h.get_by_label_contains("Siffrorna för 11 åtaganden sparades när mötet avslutades");
        let doc = h.state().document().expect("open");
        let k1 = doc
            .prepared()
            .compute(doc.pledge().expect("pledge"), meeting.date)
            .commitment(&CommitmentId::new("K1"))
            .map(|s| s.reported);
        assert_eq!(
            meeting
                .figures(&CommitmentId::new("K1"))
                .map(|s| s.reported),
            k1
        );

        // Undo is one step back to a meeting being held, without figures.
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        let meeting = h.state().meeting().expect("open").meeting();
        assert_eq!(meeting.state, MeetingState::Pagar);
        assert!(meeting.snapshots.is_empty());
        h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
        h.run();
        assert_eq!(
            h.state().meeting().map(|s| s.meeting().snapshots.len()),
            Some(11)
        );

        // Resumed: the figures go, to be taken again at the next end.
        h.get_by_label("Återuppta mötet").click();
        h.run();
        let meeting = h.state().meeting().expect("open").meeting();
        assert_eq!(meeting.state, MeetingState::Pagar);
        assert!(meeting.snapshots.is_empty());
        assert!(
            h.query_by_label_contains("sparades när mötet avslutades")
                .is_none()
        );
    }

    #[test]
    fn closing_with_unsaved_changes_asks_first() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        h.get_by_label("Stäng mötet").click();
        h.run();
        assert!(h.state().pending_exit().is_some());
        h.get_by_label("Spara ändringarna i mötet?");
        h.get_by_label("Avbryt").click();
        h.run();
        assert!(
            h.state().meeting().is_some(),
            "cancel keeps the meeting open"
        );
        h.state_mut().handle(Command::CloseMeeting);
        h.run();
        h.state_mut()
            .handle(Command::AnswerUnsaved(UnsavedAnswer::Discard));
        h.run();
        assert!(h.state().meeting().is_none());
        assert!(
            !dir.path().join("meetings/2026-01-01.ron").exists(),
            "nothing written"
        );
    }

    #[test]
    fn an_autosaved_version_is_offered_when_the_meeting_is_opened_again() {
        let dir = sample_copy();
        let path = dir.path().join("meetings/2017-06-15.ron");
        let mut h = harness(Origin::path(dir.path()));
        h.state_mut().handle(Command::OpenMeeting(path.clone()));
        h.run();
        // A justerat meeting: reopen it with a reason first.
        assert_eq!(
            h.state().meeting().map(|s| s.meeting().state),
            Some(MeetingState::Justerat)
        );
        h.get_by_label("Öppna igen…").click();
        h.run();
        h.get_by_label("Skäl").click();
        h.run();
        h.get_by_label("Skäl").type_text("Fel siffra i § 8");
        h.run();
        h.get_by_label("Öppna mötet igen").click();
        h.run();
        assert_eq!(
            h.state().meeting().map(|s| s.meeting().reopenings.len()),
            Some(1)
        );
        // Let the autosave time pass, then "crash": drop the app unsaved.
        h.run_steps(12);
        let recovery = medborgarlofte::gui::meeting::recovery_path(&path);
        assert!(recovery.is_file(), "autosaved next to the meeting");
        assert!(
            !std::fs::read_to_string(&path)
                .expect("read")
                .contains("Fel siffra")
        );
        drop(h);

        let mut h = harness(Origin::path(dir.path()));
        h.state_mut().handle(Command::OpenMeeting(path.clone()));
        h.run();
        h.get_by_label("Osparade ändringar hittades");
        h.get_by_label_contains("status: justerat → avslutat");
        h.get_by_label("Återställ ändringarna").click();
        h.run();
        let session = h.state().meeting().expect("open");
        assert_eq!(session.meeting().reopenings.len(), 1);
        assert_eq!(session.meeting().state, MeetingState::Avslutat);
        assert!(session.has_unsaved_changes());
    }

    #[test]
    fn justering_again_records_a_fingerprint_and_a_later_edit_shows_as_a_problem() {
        use medborgarlofte::model::fingerprint::changes;
        let dir = sample_copy();
        let path = dir.path().join("meetings/2017-06-15.ron");
        let mut h = harness(Origin::path(dir.path()));
        reopen_june(&mut h, &path);
        assert_eq!(
            h.state()
                .meeting()
                .map(|s| s.meeting().fingerprint.is_none()),
            Some(true),
            "reopening drops the fingerprint"
        );
        h.get_by_label("Justera protokollet").click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run();
        let (saved, _) = store::read_meeting(&path).expect("saved file reads");
        assert_eq!(saved.state, MeetingState::Justerat);
        let fingerprint = saved
            .fingerprint
            .clone()
            .expect("recorded at the justering");
        assert!(fingerprint.part("återöppning 1").is_some());
        assert_eq!(changes(&saved), None);
        // The header shows it as the minutes' footer will print it.
        h.get_by_label(&format!("Fingeravtryck {}", fingerprint.short()));
        // Someone rewords a decision of the justerat meeting on the share.
        let text = std::fs::read_to_string(&path).expect("read");
        let decision = &saved
            .items
            .iter()
            .enumerate()
            .find_map(|(i, item)| item.decisions.first().map(|d| (i + 1, d.clone())))
            .expect("a decision");
        std::fs::write(
            &path,
            text.replacen(&format!("\"{}\"", decision.1), "\"något annat\"", 1),
        )
        .expect("someone else saves");
        h.state_mut()
            .handle(Command::Run(medborgarlofte::gui::actions::Action::Reload));
        h.state_mut().handle(Command::SetTab(Tab::Problems));
        h.run();
        h.get_by_label_contains(&format!(
            "mötet har ändrats efter justeringen (§ {}, beslut 1)",
            decision.0
        ));
    }

    /// The sample copy with its file watcher asleep: the tests of saving
    /// against a changed file decide when the change is seen.
    fn without_watcher(dir: &Path) -> Harness<'static, App> {
        let mut start = start(Origin::path(dir));
        start.poll_interval_secs = 1e9;
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 1100.0))
            .with_theme(egui::Theme::Light)
            .build_eframe(move |cc| App::new(cc, start));
        h.run();
        h
    }

    /// Opens the June meeting (justerat) and reopens it: an unsaved change
    /// of its state and reopenings.
    fn reopen_june(h: &mut Harness<'static, App>, path: &Path) {
        h.state_mut().handle(Command::OpenMeeting(path.to_owned()));
        h.run();
        h.state_mut().handle(Command::Meeting(
            medborgarlofte::gui::meeting::MeetingCommand::Reopen("Rättelse".into()),
        ));
        h.run();
        assert!(
            h.state()
                .meeting()
                .is_some_and(medborgarlofte::gui::meeting::MeetingSession::has_unsaved_changes)
        );
    }

    /// Someone else saves the meeting file with another place.
    fn they_move_the_meeting(path: &Path, place: &str) -> String {
        let theirs = std::fs::read_to_string(path).expect("read").replace(
            r#"place: "Polishuset, Karlstad",
    state"#,
            &format!("place: \"{place}\",\n    state"),
        );
        assert!(theirs.contains(place));
        std::fs::write(path, &theirs).expect("someone else saves");
        theirs
    }

    fn open_details(h: &mut Harness<'static, App>) {
        h.get_by_label("Mötesuppgifter och justering").click();
        h.run();
    }

    #[test]
    fn a_meeting_changed_on_disk_in_another_field_is_merged_when_saved() {
        let dir = sample_copy();
        let path = dir.path().join("meetings/2017-06-15.ron");
        let mut h = without_watcher(dir.path());
        reopen_june(&mut h, &path);
        they_move_the_meeting(&path, "Stadshuset, Karlstad");
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run();
        // Both changes are in the file: theirs (the place) and ours.
        let (saved, _) = store::read_meeting(&path).expect("saved file reads");
        assert_eq!(saved.place, "Stadshuset, Karlstad");
        assert_eq!(saved.reopenings.len(), 1);
        assert_eq!(saved.reopenings[0].reason, "Rättelse");
        assert_eq!(saved.state, MeetingState::Avslutat);
        assert!(
            h.query_by_label("Filen har ändrats av någon annan")
                .is_none()
        );
        let notice = h.state().notice().unwrap_or_default().to_owned();
        assert!(
            notice.contains("4 ändringar slogs ihop automatiskt (från filen: Plats)"),
            "{notice}"
        );
        let session = h.state().meeting().expect("still open");
        assert!(!session.has_unsaved_changes());
        assert_eq!(session.meeting(), &saved);
        // The merge is one undo step: back to our version before it.
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        let session = h.state().meeting().expect("open");
        assert_eq!(session.meeting().place, "Polishuset, Karlstad");
        assert_eq!(session.meeting().reopenings.len(), 1);
    }

    #[test]
    fn the_same_field_changed_on_both_sides_is_chosen_per_field() {
        let dir = sample_copy();
        let path = dir.path().join("meetings/2017-06-15.ron");
        let mut h = without_watcher(dir.path());
        reopen_june(&mut h, &path);
        open_details(&mut h);
        retype(&mut h, "Plats", "Rådhuset");
        let theirs = they_move_the_meeting(&path, "Stadshuset, Karlstad");
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run_steps(8);
        h.run();
        // Nothing is written; both values are shown side by side.
        assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs);
        h.get_by_label("Filen har ändrats av någon annan");
        h.get_by_label("3 ändringar slogs ihop automatiskt.");
        let fields: Vec<String> = h
            .state()
            .meeting()
            .and_then(|s| s.conflict.as_ref())
            .and_then(|c| c.theirs.as_ref().ok())
            .map(|t| t.merge.conflicts.iter().map(|c| c.field.clone()).collect())
            .unwrap_or_default();
        assert_eq!(fields, vec!["Plats".to_owned()]);
        h.get_by_label("Mina: Rådhuset");
        // Chosen by keyboard: the file's value.
        h.get_by_label("I filen: Stadshuset, Karlstad").focus();
        h.run();
        h.key_press(Key::Space);
        h.run();
        h.get_by_label("Slå ihop och spara").click();
        h.run();
        let (saved, _) = store::read_meeting(&path).expect("saved file reads");
        assert_eq!(saved.place, "Stadshuset, Karlstad", "the chosen value");
        assert_eq!(saved.reopenings.len(), 1, "our other change is kept");
        assert!(
            h.query_by_label("Filen har ändrats av någon annan")
                .is_none()
        );
        assert!(
            h.state()
                .notice()
                .is_some_and(|n| n.contains("slogs ihop som du valde"))
        );
        assert!(!h.state().meeting().expect("open").has_unsaved_changes());
    }

    #[test]
    fn saved_as_a_copy_the_changes_are_listed_and_open() {
        let dir = sample_copy();
        let path = dir.path().join("meetings/2017-06-15.ron");
        let mut h = without_watcher(dir.path());
        reopen_june(&mut h, &path);
        open_details(&mut h);
        retype(&mut h, "Plats", "Rådhuset");
        let theirs = they_move_the_meeting(&path, "Stadshuset, Karlstad");
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run_steps(8);
        h.run();
        h.get_by_label("Spara mina ändringar som kopia").click();
        h.run();
        let copy = dir.path().join("meetings/2017-06-15-kopia.ron");
        let (kept, _) = store::read_meeting(&copy).expect("the copy is a meeting file");
        assert_eq!(kept.place, "Rådhuset");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs);
        assert!(
            h.state()
                .notice()
                .is_some_and(|n| n.contains("2017-06-15-kopia.ron")),
            "{:?}",
            h.state().notice()
        );
        // Loaded: listed as a copy with a warning, not as a second meeting.
        let doc = h.state().document().expect("open");
        assert_eq!(doc.loaded.copies.len(), 1);
        assert_eq!(doc.loaded.meetings.len(), 4);
        // The one error is true: they edited the justerat meeting by hand.
        let errors: Vec<_> = doc
            .loaded
            .problems
            .iter()
            .filter(|p| p.severity == medborgarlofte::model::Severity::Fel)
            .map(|p| (p.file.rsplit('/').next().unwrap_or_default(), &p.kind))
            .collect();
        assert!(
            matches!(
                errors.as_slice(),
                [(
                    "2017-06-15.ron",
                    medborgarlofte::model::ProblemKind::ChangedAfterAdjustment(_)
                )]
            ),
            "{errors:?}"
        );
        assert!(
            doc.loaded
                .problems
                .iter()
                .any(|p| p.file.ends_with("2017-06-15-kopia.ron"))
        );
        // Close our version and open the copy from the meetings list.
        h.state_mut().handle(Command::CloseMeeting);
        h.run();
        h.state_mut()
            .handle(Command::AnswerUnsaved(UnsavedAnswer::Discard));
        h.run();
        h.get_by_label_contains("kopia – räknas inte i uppföljningen");
        h.get_by_label("Öppna kopian 2017-06-15-kopia").click();
        h.run();
        let session = h.state().meeting().expect("the copy opens");
        assert_eq!(session.path, copy);
        assert_eq!(session.meeting().place, "Rådhuset");
        assert!(!session.has_unsaved_changes());
    }

    #[test]
    fn a_meeting_changed_on_disk_while_open_shows_the_new_file_and_says_what_changed() {
        let dir = sample_copy();
        let path = dir.path().join("meetings/2017-06-15.ron");
        let mut h = harness(Origin::path(dir.path()));
        h.state_mut().handle(Command::OpenMeeting(path.clone()));
        h.run();
        open_details(&mut h);
        they_move_the_meeting(&path, "Stadshuset, Karlstad");
        h.run_steps(8);
        h.run();
        let notice = h.state().notice().unwrap_or_default().to_owned();
        assert!(notice.contains("2017-06-15.ron"), "{notice}");
        assert!(
            notice.contains(
                "Mötet visar nu filens version: plats: Polishuset, Karlstad → Stadshuset, Karlstad"
            ),
            "{notice}"
        );
        let session = h.state().meeting().expect("open");
        assert_eq!(session.meeting().place, "Stadshuset, Karlstad");
        assert!(!session.has_unsaved_changes());
        assert_eq!(
            h.get_by_role_and_label(Role::TextInput, "Plats")
                .value()
                .as_deref(),
            Some("Stadshuset, Karlstad"),
            "the view shows the new value"
        );
    }

    #[test]
    fn an_outside_change_under_unsaved_edits_is_merged_or_asked_about() {
        let dir = sample_copy();
        let path = dir.path().join("meetings/2017-06-15.ron");
        let mut h = harness(Origin::path(dir.path()));
        reopen_june(&mut h, &path);
        // A different field: merged, still unsaved, the file untouched.
        let theirs = they_move_the_meeting(&path, "Stadshuset, Karlstad");
        h.run_steps(8);
        h.run();
        let notice = h.state().notice().unwrap_or_default().to_owned();
        assert!(
            notice
                .contains("4 ändringar slogs ihop med dina osparade ändringar (från filen: Plats)"),
            "{notice}"
        );
        let session = h.state().meeting().expect("open");
        assert_eq!(session.meeting().place, "Stadshuset, Karlstad");
        assert_eq!(session.meeting().reopenings.len(), 1);
        assert!(session.has_unsaved_changes());
        assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs);

        // The same field on both sides: the dialog asks.
        open_details(&mut h);
        retype(&mut h, "Plats", "Rådhuset");
        they_move_the_meeting_again(&path, "Stadshuset, Karlstad", "Kommunhuset");
        h.run_steps(8);
        h.run();
        h.get_by_label("Filen har ändrats av någon annan");
        h.get_by_label("I filen: Kommunhuset");
        h.get_by_label("Slå ihop och spara").click();
        h.run();
        let (saved, _) = store::read_meeting(&path).expect("saved");
        assert_eq!(saved.place, "Rådhuset", "ours unless chosen otherwise");
        assert_eq!(saved.reopenings.len(), 1);
    }

    fn they_move_the_meeting_again(path: &Path, from: &str, to: &str) {
        let text = std::fs::read_to_string(path).expect("read").replacen(
            &format!("place: \"{from}\""),
            &format!("place: \"{to}\""),
            1,
        );
        assert!(text.contains(to));
        std::fs::write(path, text).expect("someone else saves");
    }

    #[test]
    fn an_autosaved_version_offered_after_the_file_changed_keeps_their_change() {
        let dir = sample_copy();
        let path = dir.path().join("meetings/2017-06-15.ron");
        let mut h = harness(Origin::path(dir.path()));
        reopen_june(&mut h, &path);
        // Autosaved, then the app stops without saving.
        h.run_steps(12);
        assert!(medborgarlofte::gui::meeting::recovery_path(&path).is_file());
        drop(h);

        let mut h = harness(Origin::path(dir.path()));
        h.state_mut().handle(Command::OpenMeeting(path.clone()));
        h.run();
        h.get_by_label("Osparade ändringar hittades");
        they_move_the_meeting(&path, "Stadshuset, Karlstad");
        h.run_steps(8);
        h.run();
        h.get_by_label("Återställ ändringarna").click();
        h.run();
        let session = h.state().meeting().expect("open");
        assert_eq!(
            session.meeting().place,
            "Stadshuset, Karlstad",
            "theirs kept"
        );
        assert_eq!(session.meeting().reopenings.len(), 1, "ours restored");
        assert!(session.has_unsaved_changes());
    }

    #[test]
    fn reading_the_file_again_drops_our_changes() {
        let dir = sample_copy();
        let path = dir.path().join("meetings/2017-06-15.ron");
        let mut h = without_watcher(dir.path());
        reopen_june(&mut h, &path);
        open_details(&mut h);
        retype(&mut h, "Plats", "Rådhuset");
        they_move_the_meeting(&path, "Stadshuset, Karlstad");
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run_steps(8);
        h.run();
        h.get_by_label("Läs in filen igen (mina ändringar försvinner)")
            .click();
        h.run();
        let session = h.state().meeting().expect("still open");
        assert!(!session.has_unsaved_changes());
        assert_eq!(session.meeting().place, "Stadshuset, Karlstad");
        assert_eq!(session.meeting().state, MeetingState::Justerat);
    }

    #[test]
    fn agenda_items_are_added_moved_and_removed() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        let before = h.state().meeting().map_or(0, |s| s.meeting().items.len());
        h.get_by_label("Ny punkt").click();
        h.run();
        h.get_by_label("Ny punkt")
            .type_text("Information från Länsstyrelsen");
        h.run();
        h.get_by_label("Lägg till punkt").click();
        h.run();
        let session = h.state().meeting().expect("open");
        assert_eq!(session.meeting().items.len(), before + 1);
        assert_eq!(session.current, 1);
        assert!(matches!(
            &session.meeting().items[1].kind,
            ItemKind::Annat(t) if t == "Information från Länsstyrelsen"
        ));
        h.get_by_label("Flytta punkten uppåt").click();
        h.run();
        let session = h.state().meeting().expect("open");
        assert!(matches!(
            &session.meeting().items[0].kind,
            ItemKind::Annat(_)
        ));
        assert_eq!(session.current, 0);
        h.get_by_label("Ta bort punkten").click();
        h.run();
        assert_eq!(
            h.state().meeting().map(|s| s.meeting().items.len()),
            Some(before)
        );
    }

    #[test]
    fn the_next_meeting_is_typed_key_by_key_or_picked_in_the_calendar() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        // The "Nästa möte" item sets the next meeting's date.
        let next = h
            .state()
            .meeting()
            .and_then(|s| {
                s.meeting()
                    .items
                    .iter()
                    .position(|i| matches!(i.kind, ItemKind::NastaMote))
            })
            .expect("Nästa möte on the agenda");
        h.state_mut().handle(Command::Meeting(
            medborgarlofte::gui::meeting::MeetingCommand::GoTo(next),
        ));
        h.run();
        h.get_by_label("Datum").click();
        h.run();
        // Typed as a person types, a key a frame: the half-typed date
        // stays in the field until it is a date.
        type_key_by_key(&mut h, "Datum", "2026-03-12");
        assert_eq!(
            h.get_by_label("Datum").value().as_deref(),
            Some("2026-03-12")
        );
        // And a time the same way.
        h.get_by_label("Starttid").click();
        h.run();
        type_key_by_key(&mut h, "Starttid", "13:30");
        assert_eq!(next_meeting(&h), ("2026-03-12".into(), "13:30".into()));
        // Or from the calendar.
        h.get_by_label("Datum – välj i kalendern").click();
        h.run();
        h.get_by_label("mars 2026");
        h.get_by_role_and_label(Role::Button, "Nästa månad").hover();
        h.run_steps(4);
        h.get_by_role_and_label(Role::Button, "Nästa månad").click();
        h.run();
        h.get_by_label("2026-04-09").click();
        h.run();
        assert_eq!(next_meeting(&h), ("2026-04-09".into(), "13:30".into()));
        assert_eq!(
            h.get_by_label("Datum").value().as_deref(),
            Some("2026-04-09")
        );
    }

    /// Types `text` into the field labelled `label` a key per frame, as a
    /// person types.
    fn type_key_by_key(h: &mut Harness<'static, App>, label: &str, text: &str) {
        for c in text.chars() {
            h.get_by_label(label).type_text(&c.to_string());
            h.run();
        }
    }

    /// The next meeting's date and time in the open meeting, as text.
    fn next_meeting(h: &Harness<'static, App>) -> (String, String) {
        let next = h
            .state()
            .meeting()
            .and_then(|s| s.meeting().next_meeting.clone());
        (
            next.as_ref()
                .map(|n| n.date.to_string())
                .unwrap_or_default(),
            next.and_then(|n| n.time)
                .map(|t| t.to_string())
                .unwrap_or_default(),
        )
    }

    /// The first action's due date, as text ("" for none).
    fn first_due(h: &Harness<'static, App>) -> String {
        h.state()
            .meeting()
            .and_then(|s| s.meeting().actions.first().and_then(|a| a.due))
            .map(|d| d.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn an_action_gets_its_responsible_and_due_date_typed_key_by_key() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::A);
        h.run();
        h.event(egui::Event::Text("Boka utbildning".into()));
        h.run();
        h.get_by_label("Klart senast").click();
        h.run();
        type_key_by_key(&mut h, "Klart senast", "2017-04-30");
        assert_eq!(first_due(&h), "2017-04-30");
        // Emptied, the action has no due date.
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.key_press(Key::Backspace);
        h.run();
        assert_eq!(first_due(&h), "");
        h.get_by_label("Ansvarig").click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_label("Ansvarig").type_text("Kim Berg");
        h.run();
        assert_eq!(
            h.state()
                .meeting()
                .and_then(|s| s.meeting().actions.first())
                .map(|a| a.responsible.as_str()),
            Some("Kim Berg")
        );
    }

    /// Types `text` as a keyboard does: a key press for each digit and
    /// space, and the text.
    fn type_keys(h: &mut Harness<'static, App>, text: &str) {
        for c in text.chars() {
            let key = match c {
                '0'..='9' => Key::from_name(&c.to_string()),
                ' ' => Some(Key::Space),
                _ => None,
            };
            if let Some(key) = key {
                h.key_press(key);
            }
            h.event(egui::Event::Text(c.to_string()));
            h.run();
        }
    }

    fn assessments(h: &Harness<'static, App>) -> Vec<Option<Assessment>> {
        let session = h.state().meeting().expect("open");
        session
            .meeting()
            .items
            .iter()
            .filter_map(|i| match &i.kind {
                ItemKind::Atagande(review) => Some(review.assessment),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn digits_typed_outside_the_assessment_row_change_no_assessment() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        // § 1 Mötets öppnande, nothing focused: a digit does nothing at all.
        h.key_press(Key::Num1);
        h.run();
        assert_eq!(h.state().error(), None, "no error dialog");
        assert!(assessments(&h).iter().all(Option::is_none));

        // § 5: PageDown puts the focus on the row, where 3 assesses.
        for _ in 0..4 {
            h.key_press(Key::PageDown);
            h.run();
        }
        h.key_press(Key::Num3);
        h.run();
        let assessed = assessments(&h);
        assert_eq!(assessed.iter().flatten().count(), 1);
        assert_eq!(assessed[0], Some(Assessment::ALL[2]));

        // The real case: a click that missed the time field, then typing.
        h.get_by_label("Mötets bedömning").click();
        h.run();
        type_keys(&mut h, "13:00 15:00 Karlstad");
        assert_eq!(assessments(&h), assessed, "a missed click changed nothing");

        // Every field of the meeting, typed into with digits.
        h.get_by_label("Mötesuppgifter och justering").click();
        h.run();
        h.get_by_label_contains("Deltagare (").click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::A);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
        h.run();
        h.run_steps(4);
        for label in [
            "Mötets namn",
            "Starttid",
            "Sluttid",
            "Plats",
            "Justeringens plats",
            "Namn",
            "Ny punkt",
            "Diskussion",
            "Ansvarig",
            "Klart senast",
        ] {
            // Fields below the fold are scrolled to first, as a user would.
            h.get_by_label(label).scroll_to_me();
            h.run();
            h.get_by_label(label).click();
            h.run();
            type_keys(&mut h, "12 34 5678");
            assert_eq!(assessments(&h), assessed, "typing in {label}");
        }
        let session = h.state().meeting().expect("open");
        assert!(session.meeting().place.contains("12 34 5678"));
        assert!(session.meeting().items[4].discussion.contains("12 34 5678"));
    }

    /// A new meeting on `date` (within the period, so reports can still
    /// come in), at its first commitment (§ 5, G1) assessed with key 1.
    fn assessed_g1_on(h: &mut Harness<'static, App>, date: &str) {
        h.key_press_modifiers(Modifiers::COMMAND, Key::N);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.event(egui::Event::Text(date.into()));
        h.key_press(Key::Enter);
        h.run();
        for _ in 0..4 {
            h.key_press(Key::PageDown);
            h.run();
        }
        assert_eq!(current_commitment(h).as_deref(), Some("G1"));
        h.key_press(Key::Num1);
        h.run();
        assert_eq!(current_assessment(h), Some(Assessment::Genomford));
    }

    fn kept_g1(h: &Harness<'static, App>) -> f64 {
        let session = h.state().meeting().expect("open");
        match &session.meeting().items[4].kind {
            ItemKind::Atagande(review) => review.snapshot.as_ref().expect("kept").reported,
            _ => panic!("§ 5 is G1"),
        }
    }

    #[test]
    fn a_report_after_the_assessment_is_said_and_taken_into_the_minutes_by_one_key() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        assessed_g1_on(&mut h, "2017-08-10");
        let kept = kept_g1(&h);
        h.get_by_label_contains("I protokollet (vid bedömningen):");
        assert!(h.query_by_label_contains("sedan bedömningen").is_none());
        // A report arrives: another tillsyn before the meeting day.
        let file = dir.path().join("activities/gemensamt.ron");
        let text = std::fs::read_to_string(&file).expect("read");
        let entry = "    entries: [\n        (\n            date: \"2017-08-01\",\n            commitments: [\"G1\"],\n            party: \"lpo-karlstad\",\n            quantity: (amount: 1, unit: \"tillsyner\"),\n            place: \"LPO Karlstad\",\n            note: \"Tillsyn.\",\n        ),\n";
        std::fs::write(&file, text.replacen("    entries: [\n", entry, 1)).expect("write");
        h.run_steps(8);
        h.run();
        let drift = format!("{} → {} tillsyner sedan bedömningen", kept, kept + 1.0);
        h.get_by_label_contains(&drift);
        assert!(
            (kept_g1(&h) - kept).abs() < 1e-9,
            "the minutes keep the assessed figures until told"
        );
        // U on the focused assessment row takes the new figures.
        h.get_by_label("1 genomförd").focus();
        h.run();
        h.key_press(Key::U);
        h.run();
        assert!((kept_g1(&h) - (kept + 1.0)).abs() < 1e-9);
        assert!(h.query_by_label_contains("sedan bedömningen").is_none());
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        assert!((kept_g1(&h) - kept).abs() < 1e-9, "one undo step");
    }

    #[test]
    fn an_action_knows_the_paragraph_it_was_decided_in_even_when_items_move() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        for _ in 0..4 {
            h.key_press(Key::PageDown);
            h.run();
        }
        h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::A);
        h.run();
        h.get_by_label_contains("(beslutad i § 5)");
        let paragraph = |h: &Harness<'static, App>| {
            h.state()
                .meeting()
                .and_then(|s| s.meeting().actions.first())
                .and_then(|a| a.paragraph)
        };
        assert_eq!(paragraph(&h), Some(5));
        // § 5 moved up: the action follows it to § 4.
        h.get_by_label("Flytta punkten uppåt").click();
        h.run();
        assert_eq!(paragraph(&h), Some(4));
        h.get_by_label_contains("(beslutad i § 4)");
    }

    #[test]
    fn each_item_opens_at_its_top() {
        let dir = sample_copy();
        // A laptop screen, where an item with actions and decisions scrolls.
        let start = start(Origin::path(dir.path()));
        let mut h = Harness::builder()
            .with_size(egui::vec2(1366.0, 768.0))
            .with_theme(egui::Theme::Light)
            .build_eframe(move |cc| App::new(cc, start));
        h.run();
        new_meeting(&mut h);
        for _ in 0..4 {
            h.key_press(Key::PageDown);
            h.run();
        }
        // The item's heading, in the middle (the agenda on the left lists it too).
        let heading_top = |h: &Harness<'static, App>| {
            h.get_all_by_label_contains("§ 5 ")
                .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
                .map(|n| n.rect().top())
        };
        let top = heading_top(&h).expect("shown");
        for _ in 0..8 {
            h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
            h.run();
        }
        h.key_press(Key::Escape);
        h.run();
        h.get_by_label_contains("Ny åtgärd").scroll_to_me();
        h.run();
        let scrolled = heading_top(&h);
        assert!(
            scrolled.is_none_or(|t| t < top - 50.0),
            "the item was scrolled: {scrolled:?} vs {top}"
        );
        h.key_press(Key::PageDown);
        h.run();
        h.key_press(Key::PageUp);
        h.run();
        h.run_steps(4);
        let heading = heading_top(&h).expect("shown again");
        assert!(
            (heading - top).abs() <= 1.0,
            "the heading shows at the top: {heading} vs {top}"
        );
    }

    #[test]
    fn each_participant_is_named_once_and_the_earlier_actions_column_says_status() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        h.get_by_label_contains("Deltagare (").click();
        h.run();
        // Shown once as text; the role list is named by that same text.
        let shown = h
            .get_all_by_label_contains("Anna Berglund")
            .filter(|n| egui_kittest::kittest::NodeT::accesskit_node(n).role() != Role::ComboBox)
            .count();
        assert_eq!(shown, 1, "the name once, not again beside the role");
        // § 4 of June: the earlier meetings' actions, under a plain "Status".
        h.get_by_label("Stäng mötet").click();
        h.run();
        h.get_by_label("Spara inte").click();
        h.run();
        let june = dir.path().join("meetings/2017-06-15.ron");
        h.state_mut().handle(Command::OpenMeeting(june));
        h.run();
        h.state_mut().handle(Command::Meeting(
            medborgarlofte::gui::meeting::MeetingCommand::GoTo(3),
        ));
        h.run();
        h.get_by_label("A3");
        h.get_by_label("Status");
        assert!(h.query_by_label("Mätt status").is_none());
    }

    #[test]
    fn the_action_text_grows_with_the_window() {
        let dir = sample_copy();
        let width_at = |width: f32| {
            let start = start(Origin::path(dir.path()));
            let mut h = Harness::builder()
                .with_size(egui::vec2(width, 900.0))
                .with_theme(egui::Theme::Light)
                .build_eframe(move |cc| App::new(cc, start));
            h.run();
            new_meeting(&mut h);
            h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::A);
            h.run();
            let width = h
                .get_by_role_and_label(Role::TextInput, "A6")
                .rect()
                .width();
            h.get_by_label("Stäng mötet").click();
            h.run();
            h.get_by_label("Spara inte").click();
            h.run();
            width
        };
        let narrow = width_at(1280.0);
        let wide = width_at(1920.0);
        assert!(wide > narrow + 400.0, "{narrow} → {wide}");
    }

    #[test]
    fn undo_after_editing_ansvarig_restores_the_whole_previous_value() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::A);
        h.run();
        let responsible = |h: &Harness<'static, App>| {
            h.state()
                .meeting()
                .and_then(|s| s.meeting().actions.first())
                .map(|a| a.responsible.clone())
                .unwrap_or_default()
        };
        let before = responsible(&h);
        assert!(!before.is_empty(), "the chair by default");
        h.get_by_label("Ansvarig").click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        type_keys(&mut h, "Kim Berg");
        assert_eq!(responsible(&h), "Kim Berg");
        // Leave the field, then undo: the whole name goes back at once.
        h.get_by_label("Diskussion").click();
        h.run();
        h.key_press(Key::Escape);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        assert_eq!(responsible(&h), before);
        h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
        h.run();
        assert_eq!(responsible(&h), "Kim Berg", "and redo brings it back whole");
    }

    #[test]
    fn an_extract_of_the_paragraph_on_screen_is_printed_by_its_shortcut() {
        let dir = sample_copy();
        let path = dir.path().join("meetings/2017-06-15.ron");
        let mut h = harness(Origin::path(dir.path()));
        h.state_mut().handle(Command::OpenMeeting(path.clone()));
        h.run();
        // To § 3 by keyboard, then the extract of it.
        for _ in 0..2 {
            h.key_press(Key::PageDown);
            h.run();
        }
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::U);
        wait_for_job(&mut h);
        let pdf = dir
            .path()
            .join("meetings/protokollsutdrag-2017-06-15-paragraf-3.pdf");
        let text = common::pdf_pages(&std::fs::read(&pdf).expect("the extract is written"))
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains("Protokollsutdrag – Uppföljningsmöte 3"),
            "{text}"
        );
        assert!(text.contains("§ 3 Godkännande av dagordningen"), "{text}");
        assert!(!text.contains("§ 4 "), "{text}");
        assert!(text.contains("Utdragsbestyrkande"));
        assert!(
            h.state()
                .notice()
                .is_some_and(|n| n.contains("Protokollsutdraget skrevs till")),
            "{:?}",
            h.state().notice()
        );
    }

    /// Justerade minutes are PDF/A-2u by default; the Möte menu's choice
    /// turns the archival profile off (kept as a setting) and the minutes
    /// printed next are tagged PDF without it.
    #[test]
    fn the_meeting_menu_turns_pdf_a_for_justerade_minutes_off_and_on() {
        let dir = sample_copy();
        let path = dir.path().join("meetings/2017-06-15.ron");
        let mut h = harness(Origin::path(dir.path()));
        h.state_mut().handle(Command::OpenMeeting(path.clone()));
        h.run();
        let pdf = dir.path().join("meetings/protokoll-2017-06-15.pdf");
        let print = |h: &mut Harness<'static, App>| {
            let _ = std::fs::remove_file(&pdf);
            h.key_press_modifiers(Modifiers::COMMAND, Key::P);
            wait_for_job(h);
            common::identification(&std::fs::read(&pdf).expect("the minutes are written"))
        };
        assert!(h.state().settings().archival_pdf, "on by default");
        let id = print(&mut h);
        assert_eq!(id.pdfa, Some(("2".to_owned(), "U".to_owned())));

        let open_menu = |h: &mut Harness<'static, App>| {
            h.get_all_by_label("Möte")
                .min_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
                .expect("the menu")
                .click();
            h.run();
        };
        open_menu(&mut h);
        let choice = h.get_by_label("Justerade protokoll som PDF/A (arkivformat)");
        assert_eq!(
            choice.accesskit_node().toggled(),
            Some(egui::accesskit::Toggled::True)
        );
        choice.click();
        h.run();
        assert!(!h.state().settings().archival_pdf);
        h.key_press(Key::Escape);
        h.run();
        let id = print(&mut h);
        assert_eq!(id.pdfa, None, "{}", id.xmp);
        assert!(id.intents.is_empty());
        assert_eq!(id.pdfua.as_deref(), Some("1"), "still tagged PDF/UA");

        open_menu(&mut h);
        let choice = h.get_by_label("Justerade protokoll som PDF/A (arkivformat)");
        assert_eq!(
            choice.accesskit_node().toggled(),
            Some(egui::accesskit::Toggled::False)
        );
        choice.click();
        h.run();
        assert!(h.state().settings().archival_pdf, "on again");
    }

    #[test]
    fn the_minutes_are_saved_as_a_web_page_the_published_copy_once_justerat() {
        let dir = sample_copy();
        let path = dir.path().join("meetings/2017-06-15.ron");
        let mut h = harness(Origin::path(dir.path()));
        h.state_mut().handle(Command::OpenMeeting(path.clone()));
        h.run();
        h.get_by_label("Spara protokollet som webbsida… Ctrl+Shift+H")
            .click();
        wait_for_job(&mut h);
        let page = dir
            .path()
            .join("meetings/protokoll-2017-06-15-publicering.html");
        let html = std::fs::read_to_string(&page).expect("the web page is written");
        assert!(html.contains("<html lang=\"sv\">"));
        assert!(html.contains("Justerat protokoll. Det underskrivna originalet förvaras hos"));
        assert!(!html.contains("Utkast"));
        assert!(
            h.state()
                .notice()
                .is_some_and(|n| n.contains("Protokollet som webbsida skrevs till")),
            "{:?}",
            h.state().notice()
        );
        // Reopened: the minutes as they stand, marked as a draft.
        h.state_mut().handle(Command::Meeting(
            medborgarlofte::gui::meeting::MeetingCommand::Reopen("Rättelse".into()),
        ));
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::H);
        wait_for_job(&mut h);
        let draft = std::fs::read_to_string(dir.path().join("meetings/protokoll-2017-06-15.html"))
            .expect("the draft's web page");
        assert!(draft.contains("Utkast – inte justerat"));
        assert!(draft.contains("<h2>§ 1 Mötets öppnande</h2>"));
    }

    #[test]
    fn the_justering_keeps_where_the_original_is_and_only_justerade_minutes_are_published() {
        let dir = sample_copy();
        let path = dir.path().join("meetings/2017-06-15.ron");
        let mut h = harness(Origin::path(dir.path()));
        h.state_mut().handle(Command::OpenMeeting(path.clone()));
        h.run();
        let publish = |h: &Harness<'static, App>| {
            !h.get_by_label("Skriv ut för publicering (PDF)… Ctrl+Alt+P")
                .accesskit_node()
                .is_disabled()
        };
        assert!(publish(&h), "justerat: the copy to publish can be printed");
        h.state_mut().handle(Command::Meeting(
            medborgarlofte::gui::meeting::MeetingCommand::Reopen(
                "Förvaringsplatsen saknades".into(),
            ),
        ));
        h.run();
        assert!(!publish(&h), "reopened: not until it is justerat again");
        open_details(&mut h);
        h.get_by_label("Förvaringsplats för protokollet").click();
        h.run();
        type_keys(&mut h, "Polisen, LPO Karlstad");
        let kept = |h: &Harness<'static, App>| {
            h.state()
                .meeting()
                .and_then(|s| s.meeting().adjustment.clone())
                .and_then(|a| a.kept_at)
        };
        assert_eq!(kept(&h).as_deref(), Some("Polisen, LPO Karlstad"));
        // One field visit is one undo step.
        h.get_by_label("Justeringens plats").click();
        h.run();
        h.key_press(Key::Escape);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        assert_eq!(kept(&h), None);
        h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
        h.run();
        h.get_by_label("Justera protokollet").click();
        h.run();
        assert!(publish(&h));
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run();
        let (saved, _) = store::read_meeting(&path).expect("saved file reads");
        assert_eq!(
            saved.adjustment.and_then(|a| a.kept_at).as_deref(),
            Some("Polisen, LPO Karlstad")
        );
    }

    #[test]
    fn an_assessment_changed_in_the_meeting_says_what_it_was() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        for _ in 0..4 {
            h.key_press(Key::PageDown);
            h.run();
        }
        h.key_press(Key::Num3);
        h.run();
        assert_eq!(
            h.state().notice(),
            None,
            "a first assessment needs no notice"
        );
        h.key_press(Key::Num1);
        h.run();
        let notice = h.state().notice().expect("a notice").to_owned();
        let from = Assessment::ALL[2].to_string();
        assert!(
            notice.contains(&format!("{from} → genomförd")) && notice.contains("Ctrl+Z"),
            "{notice}"
        );
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        assert_eq!(
            assessments(&h)[0],
            Some(Assessment::ALL[2]),
            "one undo takes it back"
        );
    }

    #[test]
    fn ctrl_n_asks_for_the_date_suggesting_the_one_the_last_meeting_decided() {
        let dir = sample_copy();
        // The last meeting decides the next one's day, time and place.
        let last = dir.path().join("meetings/2017-09-28.ron");
        // Not yet justerat: a justerat meeting edited by hand is an error.
        let text = common::unjusterat(&std::fs::read_to_string(&last).expect("read"));
        let end = text.rfind(')').expect("the meeting's end");
        let decided = "    next_meeting: (date: \"2017-11-09\", time: \"09:00\", place: \"Stadshuset, Karlstad\"),\n";
        std::fs::write(&last, format!("{}{decided}{}", &text[..end], &text[end..])).expect("write");
        let mut h = harness(Origin::path(dir.path()));
        let problems = &h.state().document().expect("open").loaded.problems;
        assert!(problems.is_empty(), "{problems:?}");
        h.key_press_modifiers(Modifiers::COMMAND, Key::N);
        h.run();
        assert!(
            h.state().meeting().is_none(),
            "nothing is created before the day is chosen"
        );
        assert_eq!(
            h.get_by_label("Mötets datum").value().as_deref(),
            Some("2017-11-09")
        );
        // After the period (ends 2017-09-30): said, and allowed.
        h.get_by_label_contains("utanför löftets period 2016-10-01–2017-09-30");
        h.key_press(Key::Enter);
        h.run();
        let session = h.state().meeting().expect("created on the decided day");
        assert_eq!(session.meeting().date.to_string(), "2017-11-09");
        assert_eq!(
            session.meeting().start.map(|t| t.to_string()).as_deref(),
            Some("09:00")
        );
        assert_eq!(session.meeting().place, "Stadshuset, Karlstad");
        h.get_by_label("Stäng mötet").click();
        h.run();
        h.get_by_label("Spara inte").click();
        h.run();
        assert!(h.state().meeting().is_none());
        h.key_press_modifiers(Modifiers::COMMAND, Key::N);
        h.run();
        // A day that has a meeting already is refused.
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.event(egui::Event::Text("2017-06-15".into()));
        h.run();
        h.get_by_label_contains("Det finns redan ett möte 2017-06-15");
        h.key_press(Key::Enter);
        h.run();
        assert!(h.state().meeting().is_none());
        // Within the period: nothing to warn about.
        h.get_by_label("Mötets datum").click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.event(egui::Event::Text("2017-08-10".into()));
        h.run();
        assert!(
            h.query_by_label_contains("utanför löftets period")
                .is_none()
        );
        h.get_by_label("Skapa mötet").click();
        h.run();
        let session = h.state().meeting().expect("created");
        assert_eq!(session.meeting().date.to_string(), "2017-08-10");
        assert_eq!(h.state().view().tab, Tab::Meeting);
    }

    #[test]
    fn escape_closes_the_new_meeting_dialog_without_a_meeting() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        h.key_press_modifiers(Modifiers::COMMAND, Key::N);
        h.run();
        h.get_by_label("Mötets datum");
        h.key_press(Key::Escape);
        h.run();
        assert!(h.query_by_label("Mötets datum").is_none());
        assert!(h.state().meeting().is_none());
    }

    #[test]
    fn a_notice_appears_over_the_page_and_moves_no_widget() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        let before: Vec<egui::Rect> = ["Diskussion", "Lägg till beslut", "Stäng mötet"]
            .iter()
            .map(|label| h.get_by_label_contains(label).rect())
            .collect();
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run();
        h.get_by_label_contains("Mötet sparades");
        let after: Vec<egui::Rect> = ["Diskussion", "Lägg till beslut", "Stäng mötet"]
            .iter()
            .map(|label| h.get_by_label_contains(label).rect())
            .collect();
        assert_eq!(before, after, "the notice took no space from the page");
        // A report file turns bad on the share: said in the status bar, and
        // still nothing moves.
        let file = dir.path().join("activities/kommunen.ron");
        let text = std::fs::read_to_string(&file).expect("read");
        std::fs::write(&file, text.replacen("entries: [", "entries: [ (date: ,", 1))
            .expect("write");
        h.run_steps(8);
        h.run();
        h.get_by_label_contains("fel och");
        let bad: Vec<egui::Rect> = ["Diskussion", "Lägg till beslut", "Stäng mötet"]
            .iter()
            .map(|label| h.get_by_label_contains(label).rect())
            .collect();
        assert_eq!(before, bad, "the problem line took no space from the page");
    }

    #[test]
    fn the_menu_assessment_on_an_item_without_a_commitment_only_tells_so() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        // The menu bar's "Möte", not the tab of the same name below it.
        h.get_all_by_label("Möte")
            .min_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
            .expect("the menu")
            .click();
        h.run();
        h.get_by_label_contains("Bedöm: genomförd").click();
        h.run();
        assert_eq!(h.state().error(), None, "no error dialog");
        assert!(
            h.state()
                .notice()
                .is_some_and(|n| n.contains("gäller inget åtagande"))
        );
        assert!(assessments(&h).iter().all(Option::is_none));
    }

    fn current_commitment(h: &Harness<'static, App>) -> Option<String> {
        let session = h.state().meeting()?;
        match &session.meeting().items.get(session.current)?.kind {
            ItemKind::Atagande(review) => Some(review.commitment.to_string()),
            _ => None,
        }
    }

    #[test]
    fn condition_not_met_is_offered_only_for_a_target_with_a_condition() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        for _ in 0..4 {
            h.key_press(Key::PageDown);
        }
        h.run();
        assert_eq!(current_commitment(&h).as_deref(), Some("G1"));
        // G1's target has no condition: no button, and key 8 only says so.
        assert!(h.query_by_label("8 villkoret uppfylldes inte").is_none());
        h.get_by_label("7 delvis genomförd");
        h.key_press(Key::Num8);
        h.run();
        assert_eq!(current_assessment(&h), None);
        assert!(
            h.state()
                .notice()
                .is_some_and(|n| n.contains("har inget villkor")),
            "{:?}",
            h.state().notice()
        );
        // P2 "om underrättelseläget medger detta": offered, and a reason is asked for.
        while current_commitment(&h).as_deref() != Some("P2") {
            h.key_press(Key::PageDown);
            h.run();
        }
        h.get_by_label("8 villkoret uppfylldes inte").click();
        h.run();
        assert_eq!(
            current_assessment(&h),
            Some(Assessment::VillkoretUppfylldesInte)
        );
        h.get_by_label_contains("kräver ett skäl");
        // Key 7 on the next commitment: partly done, which also needs a reason.
        h.key_press(Key::PageDown);
        h.run();
        h.key_press(Key::Num7);
        h.run();
        assert_eq!(current_assessment(&h), Some(Assessment::DelvisGenomford));
        h.get_by_label_contains("kräver ett skäl");
    }

    #[test]
    fn a_new_meeting_left_unsaved_is_offered_when_the_folder_is_opened_again() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        for _ in 0..4 {
            h.key_press(Key::PageDown);
        }
        h.key_press(Key::Num2);
        h.run();
        h.run_steps(12);
        drop(h);
        assert!(dir.path().join("meetings/2026-01-01.recovery").is_file());
        assert!(!dir.path().join("meetings/2026-01-01.ron").exists());

        let mut h = harness(Origin::path(dir.path()));
        assert_eq!(h.state().view().tab, Tab::Meeting);
        h.get_by_label("Osparade ändringar hittades");
        h.get_by_label_contains("ett nytt möte som aldrig sparades");
        h.get_by_label("Återställ ändringarna").click();
        h.run();
        let session = h.state().meeting().expect("restored");
        assert!(session.has_unsaved_changes());
        let item = &session.meeting().items[4];
        assert!(
            matches!(&item.kind, ItemKind::Atagande(r) if r.assessment == Some(Assessment::PagarEnligtPlan))
        );
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run();
        assert!(dir.path().join("meetings/2026-01-01.ron").is_file());
        assert!(!dir.path().join("meetings/2026-01-01.recovery").exists());
    }

    #[test]
    fn closing_the_window_with_unsaved_changes_asks_and_saves() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        h.input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        h.run();
        assert_eq!(
            h.state().pending_exit(),
            Some(medborgarlofte::gui::state::PendingExit::Quit)
        );
        h.get_by_label("Spara ändringarna i mötet?");
        h.get_by_label("Spara").click();
        h.run();
        assert!(
            dir.path().join("meetings/2026-01-01.ron").is_file(),
            "saved before closing"
        );
        assert!(h.state().meeting().is_none());
    }

    #[test]
    fn minutes_are_printed_in_the_background_and_a_personnummer_stops_them() {
        let dir = sample_copy();
        let path = dir.path().join("meetings/2017-03-16.ron");
        let mut h = harness(Origin::path(dir.path()));
        h.state_mut().handle(Command::OpenMeeting(path));
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::P);
        wait_for_job(&mut h);
        let pdf = dir.path().join("meetings/protokoll-2017-03-16.pdf");
        assert!(pdf.is_file(), "written next to the meeting");
        assert_eq!(h.state().printed(), Some(pdf.as_path()));
        assert!(
            h.state()
                .notice()
                .is_some_and(|n| n.contains("protokoll-2017-03-16.pdf"))
        );
        h.get_by_label("Öppna");
        std::fs::remove_file(&pdf).expect("remove");

        // A personnummer written into the file by hand, in a decision of
        // § 3: printing is refused, and the chair is taken to the field.
        h.state_mut().handle(Command::CloseMeeting);
        let file = dir.path().join("meetings/2017-03-16.ron");
        let text = common::unjusterat(&std::fs::read_to_string(&file).expect("read"));
        let text = text.replacen(
            "decisions: [\"godkänna dagordningen\"]",
            "decisions: [\"godkänna dagordningen\", \"ge 811218-9876 ordet\"]",
            1,
        );
        assert!(text.contains("9876"));
        std::fs::write(&file, text).expect("write");
        h.state_mut().handle(Command::OpenMeeting(file));
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::P);
        h.run();
        let error = h.state().error().expect("refused").to_owned();
        assert!(
            error.contains("§ 3") && error.contains("personnummer"),
            "{error}"
        );
        assert!(!h.state().is_printing());
        assert!(!pdf.exists());
        // Enter closes the message; the field is marked and has the focus.
        h.key_press(Key::Enter);
        h.run();
        assert_eq!(h.state().error(), None);
        assert_eq!(h.state().meeting().map(|s| s.current), Some(2));
        h.get_by_label_contains("Här står ett personnummer");
        // Reopened for the correction, the field also gets the focus.
        let reopen = medborgarlofte::gui::meeting::MeetingCommand::Reopen("Rättelse".into());
        h.state_mut().handle(Command::Meeting(reopen));
        h.key_press_modifiers(Modifiers::COMMAND, Key::P);
        h.run();
        h.key_press(Key::Enter);
        h.run();
        let field = h
            .query_all_by_value("ge 811218-9876 ordet")
            .next()
            .expect("the decision's field");
        assert!(field.is_focused(), "the offending field has the focus");
    }

    #[test]
    fn a_personnummer_typed_into_the_meeting_is_refused_and_reaches_no_file() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        new_meeting(&mut h);
        // A participant's name.
        h.get_by_label_contains("Deltagare (").click();
        h.run();
        h.get_by_label("Namn").click();
        h.run();
        h.get_by_label("Namn").type_text("Kim 811218-9876");
        h.run();
        h.get_by_label_contains("Namnet innehåller ett personnummer");
        h.get_by_label("Lägg till deltagare").click();
        h.run();
        let session = h.state().meeting().expect("open");
        assert!(
            session
                .meeting()
                .participants
                .iter()
                .all(|p| !p.name.contains("9876"))
        );
        // The discussion: typed key by key, refused at the last digit.
        h.get_by_label("Diskussion").click();
        h.run();
        type_keys(&mut h, "Ring 811218-9876");
        let discussion = h.state().meeting().expect("open").meeting().items[0]
            .discussion
            .clone();
        assert_eq!(discussion, "Ring 811218-987", "the last digit was refused");
        h.get_by_label_contains("får inte skrivas i mötet (diskussionen i § 1)");
        // Saved, autosaved: no file holds it.
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run();
        h.get_by_label("Diskussion").click();
        type_keys(&mut h, " x");
        h.run_steps(40);
        for entry in std::fs::read_dir(dir.path().join("meetings")).expect("meetings") {
            let path = entry.expect("entry").path();
            let text = std::fs::read(&path).expect("read");
            assert!(
                !String::from_utf8_lossy(&text).contains("811218-9876"),
                "{} holds it",
                path.display()
            );
        }
    }

    #[test]
    fn a_kallelse_is_printed_from_a_draft_prepared_ahead() {
        let (dir, draft) = common::prepared_june();
        let on_disk = std::fs::read(&draft).expect("read");
        let mut h = harness(Origin::path(dir.path()));
        h.state_mut().handle(Command::OpenMeeting(draft.clone()));
        h.run();
        assert_eq!(
            h.state().meeting().map(|s| s.meeting().state),
            Some(MeetingState::Utkast)
        );
        h.get_by_label_contains("Skriv ut kallelse (PDF)…").click();
        wait_for_job(&mut h);
        let pdf = dir.path().join("meetings/kallelse-2017-06-15.pdf");
        assert!(pdf.is_file(), "written next to the meeting");
        assert_eq!(h.state().printed(), Some(pdf.as_path()));
        let notice = h.state().notice().expect("a notice").to_owned();
        assert!(
            notice.starts_with("Kallelsen skrevs till ")
                && notice.contains("kallelse-2017-06-15.pdf"),
            "{notice}"
        );
        h.get_by_label("Öppna");
        let text = common::pdf_pages(&std::fs::read(&pdf).expect("read")).join("\n");
        for needle in [
            "Kallelse – Uppföljningsmöte 3",
            "§ 5",
            "Åtagande G1",
            "A4",
            "Underlag:",
        ] {
            assert!(text.contains(needle), "{needle:?} in:\n{text}");
        }
        // Printing changes nothing in the meeting.
        assert!(
            h.state()
                .meeting()
                .is_some_and(|s| !s.has_unsaved_changes())
        );
        assert_eq!(std::fs::read(&draft).expect("read"), on_disk);
    }
}

/// "Lägesrapport…": the dialog, validation as you type, and both formats
/// written in the background into the pledge's folder.
mod progress_report {
    use super::*;
    use egui_kittest::kittest::NodeT as _;

    #[test]
    fn the_report_is_written_from_the_menu_and_by_keyboard() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        // From the menu: Arkiv → Lägesrapport…
        h.get_by_label("Arkiv").click();
        h.run();
        h.get_by_label_contains("Lägesrapport…").click();
        h.run();
        h.get_by_label("Lägesrapport till medborgarna");
        assert_eq!(
            h.state()
                .report_dialog()
                .map(|d| d.as_of.clone())
                .as_deref(),
            Some("2017-09-30"),
            "starts at the dashboard's date"
        );
        // A date outside the period: the reason shows and the button is off.
        let retype = |h: &mut Harness<'static, App>, text: &str| {
            h.get_by_label("Läget per (ÅÅÅÅ-MM-DD)").click();
            h.run();
            h.key_press_modifiers(Modifiers::COMMAND, Key::A);
            h.get_by_label("Läget per (ÅÅÅÅ-MM-DD)").type_text(text);
            h.run();
        };
        retype(&mut h, "2018-01-01");
        h.get_by_label_contains("Datumet ska ligga inom löftets period");
        assert!(
            h.get_by_label("Skriv lägesrapporten…")
                .accesskit_node()
                .is_disabled()
        );
        retype(&mut h, "2017-03-31");
        assert!(h.query_by_label_contains("Datumet ska ligga").is_none());
        h.get_by_label("HTML (en fil för webbplatsen, läsbar i mobilen)")
            .click();
        h.run();
        h.get_by_label("Skriv lägesrapporten…").click();
        wait_for_job(&mut h);
        let html = dir.path().join("lagesrapport-2017-03-31.html");
        let text = std::fs::read_to_string(&html).expect("written in the folder");
        assert!(text.contains("Läget per <time datetime=\"2017-03-31\">"));
        assert!(h.state().report_dialog().is_none(), "the dialog closed");
        assert_eq!(h.state().printed(), Some(html.as_path()));
        assert!(
            h.state()
                .notice()
                .is_some_and(|n| n.contains("lagesrapport-2017-03-31.html"))
        );
        h.get_by_label("Öppna");

        // By keyboard: Ctrl+R, the format chosen last time, Enter in the field.
        h.key_press_modifiers(Modifiers::COMMAND, Key::R);
        h.run();
        assert_eq!(
            h.state().report_dialog().map(|d| d.format),
            Some(medborgarlofte::report::Format::Html)
        );
        h.get_by_label("PDF (A4, för utskrift)").click();
        h.run();
        h.get_by_label("Skriv lägesrapporten…").click();
        wait_for_job(&mut h);
        let pdf = dir.path().join("lagesrapport-2017-09-30.pdf");
        let bytes = std::fs::read(&pdf).expect("PDF written");
        assert!(bytes.starts_with(b"%PDF"));
        // Escape-free cancel: the dialog closes without writing.
        h.key_press_modifiers(Modifiers::COMMAND, Key::R);
        h.run();
        h.get_by_label("Avbryt").click();
        h.run();
        assert!(h.state().report_dialog().is_none());
    }

    #[test]
    fn the_report_date_is_picked_in_the_calendar() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        h.key_press_modifiers(Modifiers::COMMAND, Key::R);
        h.run();
        h.get_by_label("Välj datum i kalendern").click();
        h.run();
        h.get_by_label("september 2017");
        for _ in 0..6 {
            h.get_by_label("Föregående månad").click();
            h.run();
        }
        h.get_by_label("mars 2017");
        h.get_by_label("2017-03-31").click();
        h.run();
        assert_eq!(
            h.state()
                .report_dialog()
                .map(|d| d.as_of.clone())
                .as_deref(),
            Some("2017-03-31")
        );
        assert!(h.query_by_label("mars 2017").is_none(), "closed");
        // The period's first month: nothing before it can be picked.
        h.get_by_label("Välj datum i kalendern").click();
        h.run();
        for _ in 0..5 {
            h.get_by_label("Föregående månad").click();
            h.run();
        }
        h.get_by_label("oktober 2016");
        assert!(
            h.get_by_label("Föregående månad")
                .accesskit_node()
                .is_disabled()
        );
    }

    #[test]
    fn a_personnummer_in_a_place_refuses_the_report_with_a_message() {
        let dir = sample_copy();
        let file = dir.path().join("activities/kommunen.ron");
        let text = std::fs::read_to_string(&file).expect("read");
        std::fs::write(
            &file,
            text.replacen(
                "place: \"Herrhagen\"",
                "place: \"Herrhagen 19811218-9876\"",
                1,
            ),
        )
        .expect("write");
        let mut h = harness(Origin::path(dir.path()));
        h.key_press_modifiers(Modifiers::COMMAND, Key::R);
        h.run();
        h.get_by_label("Skriv lägesrapporten…").click();
        h.run();
        let error = h.state().error().expect("refused").to_owned();
        assert!(error.contains("personnummer"), "{error}");
        assert!(!h.state().is_printing());
        assert!(!dir.path().join("lagesrapport-2017-09-30.pdf").exists());
    }
}

/// "Ny aktivitet": entering activities by keyboard, validation as you type,
/// editing and deleting from the activity list, and undo.
mod activities {
    use super::*;
    use egui_kittest::kittest::NodeT as _;
    use medborgarlofte::model::CommitmentId;

    fn reported(app: &App, id: &str) -> f64 {
        app.document()
            .and_then(|d| d.status.as_ref())
            .and_then(|s| s.commitment(&CommitmentId::new(id)))
            .map_or(f64::NAN, |c| c.reported)
    }

    #[test]
    fn three_activities_by_keyboard_change_the_figures_and_undo_removes_the_last() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        let before = reported(h.state(), "K1");
        let on_the_day = |dir: &Path| {
            std::fs::read_to_string(dir.join("activities/kommunen.ron"))
                .expect("read")
                .matches("date: \"2017-09-04\"")
                .count()
        };
        let already = on_the_day(dir.path());
        h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::N);
        h.run();
        h.get_by_label("Ny aktivitet");
        assert!(
            h.get_by_label("Datum").is_focused(),
            "the date has the focus"
        );
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_label("Datum").type_text("2017-09-04");
        h.key_press(Key::Tab);
        h.key_press(Key::Tab);
        h.run();
        assert!(
            h.get_by_label("Sök åtagande").is_focused(),
            "Tab reaches the search"
        );
        h.get_by_label("Sök åtagande").type_text("K1");
        h.run();
        let form = h.state().activity_form().expect("open");
        assert_eq!(
            form.commitment.as_ref().map(CommitmentId::as_str),
            Some("K1")
        );
        assert_eq!(form.unit, "tillsyner", "the target's unit");
        assert_eq!(
            form.party
                .as_ref()
                .map(medborgarlofte::model::PartyId::as_str),
            Some("karlstads-kommun"),
            "the only owner"
        );
        for (n, (amount, place)) in [("2", "Herrhagen"), ("3", "Våxnäs"), ("4", "Kroppkärr")]
            .into_iter()
            .enumerate()
        {
            retype(&mut h, "Antal", amount);
            retype(&mut h, "Plats", place);
            h.key_press(Key::Enter);
            h.run();
            assert_eq!(h.state().activity_form().map(|f| f.saved), Some(n + 1));
        }
        let form = h.state().activity_form().expect("stays open for the next");
        assert_eq!(form.saved, 3);
        assert_eq!(form.date, "2017-09-04", "the same date for the next entry");
        assert_eq!(form.place, "Kroppkärr", "the same place");
        assert!(form.amount.is_empty());
        h.get_by_label("3 aktiviteter sparade");
        assert!((reported(h.state(), "K1") - (before + 9.0)).abs() < 1e-9);
        assert_eq!(on_the_day(dir.path()), already + 3);
        // Close with Esc, then Ctrl+Z removes the last one only.
        h.key_press(Key::Escape);
        h.run();
        assert!(h.state().activity_form().is_none());
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        assert!((reported(h.state(), "K1") - (before + 5.0)).abs() < 1e-9);
        let kommunen =
            std::fs::read_to_string(dir.path().join("activities/kommunen.ron")).expect("read");
        assert!(!kommunen.contains("Kroppkärr"));
        assert!(kommunen.contains("Våxnäs\",\n            note") || kommunen.contains("Våxnäs"));
        // And Ctrl+Shift+Z brings it back.
        h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
        h.run();
        assert!((reported(h.state(), "K1") - (before + 9.0)).abs() < 1e-9);
    }

    #[test]
    fn a_whole_month_is_reported_as_a_month_and_shown_so() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        h.state_mut()
            .handle(Command::OpenDetail(CommitmentId::new("K1")));
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::N);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_label("Datum").type_text("2017-03");
        h.run();
        retype(&mut h, "Antal", "7");
        h.get_by_label("Spara (Enter)").click();
        h.run();
        assert_eq!(
            h.state().activity_form().map(|f| f.saved),
            Some(1),
            "{:?}",
            h.state().error()
        );
        h.key_press(Key::Escape);
        h.run();
        let kommunen =
            std::fs::read_to_string(dir.path().join("activities/kommunen.ron")).expect("read");
        assert!(kommunen.contains("date: \"2017-03\""), "{kommunen}");
        // The activity list says "mars 2017", not an invented 1 March, and
        // the month counts from its last day.
        let detail = h.state().detail().expect("detail panel open");
        let row = detail
            .entries
            .iter()
            .find(|e| e.date_text == "mars 2017")
            .expect("the month is listed as a month");
        assert_eq!(row.quantity, "7 tillsyner");
        assert_eq!(
            row.not_counted, None,
            "March 2017 is over by the as-of date"
        );
    }

    #[test]
    fn an_activity_done_instead_is_listed_with_the_commitment_but_not_counted() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        let before = reported(h.state(), "K1");
        h.state_mut()
            .handle(Command::OpenDetail(CommitmentId::new("K1")));
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::N);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_label("Datum").type_text("2017-09-04");
        h.run();
        retype(&mut h, "Antal", "1");
        retype(&mut h, "Anteckning", "Informationsbrev till alla krögare");
        retype(
            &mut h,
            "I stället för det utlovade, eftersom",
            "tillsynerna ställdes in",
        );
        h.get_by_label("Spara (Enter)").click();
        h.run();
        assert_eq!(h.state().activity_form().map(|f| f.saved), Some(1));
        h.key_press(Key::Escape);
        h.run();
        assert!(
            (reported(h.state(), "K1") - before).abs() < 1e-9,
            "not counted"
        );
        h.get_by_label("I stället");
        h.get_by_label(
            "Informationsbrev till alla krögare (2017-09-04). Skäl: tillsynerna ställdes in",
        );
        let detail = h.state().detail().expect("open");
        assert!(
            detail.entries.iter().any(|e| e.not_counted.as_deref()
                == Some("räknas inte: gjordes i stället för det utlovade"))
        );
    }

    #[test]
    fn an_activity_for_one_part_counts_for_that_part() {
        let dir = sample_copy();
        let pledge_path = dir.path().join("pledge.ron");
        let text = std::fs::read_to_string(&pledge_path).expect("read");
        let with_parts = text.replacen(
            "            places: [\"förbudsområdet i centrala Karlstad\"],\n",
            "            places: [\"förbudsområdet i centrala Karlstad\"],\n            parts: [(id: \"skyltar\", text: \"nya skyltar\", target: (shape: Milestone(), unit: \"\")), (id: \"kontroller\", text: \"kontroller\")],\n",
            1,
        );
        assert_ne!(text, with_parts);
        std::fs::write(&pledge_path, with_parts).expect("write");
        let mut h = harness(Origin::path(dir.path()));
        h.state_mut()
            .handle(Command::OpenDetail(CommitmentId::new("P4")));
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::N);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_label("Datum").type_text("2017-09-04");
        h.run();
        h.get_by_label("Del");
        h.get_by_role_and_label(Role::RadioButton, "nya skyltar")
            .click();
        h.run();
        // The part's target is a milestone: the form offers it now.
        h.get_by_label("Delmålet är nått").click();
        h.run();
        h.get_by_label("Spara (Enter)").click();
        h.run();
        assert_eq!(
            h.state().activity_form().map(|f| f.saved),
            Some(1),
            "{:?}",
            h.state().error()
        );
        h.key_press(Key::Escape);
        h.run();
        let polisen =
            std::fs::read_to_string(dir.path().join("activities/polisen.ron")).expect("read");
        assert!(polisen.contains("part: \"skyltar\""), "{polisen}");
        let status = h
            .state()
            .document()
            .and_then(|d| d.status.as_ref())
            .and_then(|s| s.commitment(&CommitmentId::new("P4")))
            .cloned()
            .expect("P4");
        assert_eq!(status.parts.len(), 2);
        assert_eq!(
            medborgarlofte::status::words::reported_of_target(&status),
            "1 av 2 delar"
        );
        h.get_by_label_contains("nya skyltar: ✔ uppnått");
    }

    #[test]
    fn the_date_is_picked_in_a_swedish_calendar_by_mouse_or_keyboard() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        h.state_mut()
            .handle(Command::NewActivity(Some(CommitmentId::new("P1"))));
        h.run();
        retype(&mut h, "Datum", "2017-09-04");
        h.get_by_label("Välj datum i kalendern").click();
        h.run();
        h.get_by_label("september 2017");
        h.get_by_label("mån");
        h.get_by_label("sön");
        h.get_by_label("36"); // the ISO week of 2017-09-04
        assert!(
            h.get_by_label("Nästa månad").accesskit_node().is_disabled(),
            "the period ends in September 2017"
        );
        h.get_by_label("Föregående månad").click();
        h.run();
        h.get_by_label("augusti 2017");
        h.get_by_label("2017-08-14").click();
        h.run();
        let form = h.state().activity_form().expect("open");
        assert_eq!(form.date, "2017-08-14");
        assert!(
            h.query_by_label("augusti 2017").is_none(),
            "the calendar closes"
        );
        // The last day, by keyboard: Alt+↓ in the field, Tab to the next
        // day, Enter.
        h.get_by_label("Till och med").focus();
        h.run();
        h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
        h.run();
        h.run();
        assert!(
            h.get_by_label("2017-08-14").is_focused(),
            "the first day has the focus"
        );
        h.key_press(Key::Tab);
        h.run();
        assert!(h.get_by_label("2017-08-15").is_focused());
        h.key_press(Key::Enter);
        h.run();
        let form = h.state().activity_form().expect("open");
        assert_eq!(form.until, "2017-08-15");
        assert_eq!(form.date, "2017-08-14");
    }

    #[test]
    fn the_form_validates_as_you_type_and_guards_notes() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        h.state_mut()
            .handle(Command::NewActivity(Some(CommitmentId::new("P1"))));
        h.run();
        retype(&mut h, "Datum", "2018-02-01");
        retype(&mut h, "Antal", "-2");
        h.get_by_label_contains("negativ");
        assert!(
            h.get_by_label("Spara (Enter)")
                .accesskit_node()
                .is_disabled()
        );
        retype(&mut h, "Antal", "2,5");
        h.get_by_label_contains("utanför löftets period");
        retype(&mut h, "Datum", "2017-03-01");
        retype(&mut h, "Anteckning", "Kontroll av 19811218-9876");
        h.get_by_label_contains("personnummer");
        assert!(
            h.get_by_label("Spara (Enter)")
                .accesskit_node()
                .is_disabled()
        );
        retype(&mut h, "Anteckning", "Kalle, 15 år, greps vid torget");
        h.get_by_label_contains("beskriv");
        retype(&mut h, "Anteckning", "Fotpatrull i centrum.");
        retype(&mut h, "Plats", "Stora");
        // Places already used are offered.
        h.get_by_label("Stora torget").click();
        h.run();
        assert_eq!(
            h.state()
                .activity_form()
                .map(|f| f.place.clone())
                .as_deref(),
            Some("Stora torget")
        );
        assert!(
            !h.get_by_label("Spara (Enter)")
                .accesskit_node()
                .is_disabled()
        );
    }

    #[test]
    fn an_entry_is_edited_and_deleted_from_the_activity_list_with_undo() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        h.state_mut()
            .handle(Command::OpenDetail(CommitmentId::new("K4")));
        h.run();
        // K4 has no reports: add one from the detail panel's button.
        h.get_by_label("Ny aktivitet…").click();
        h.run();
        retype(&mut h, "Datum", "2017-05-10");
        retype(&mut h, "Antal", "1");
        retype(&mut h, "Enhet", "utbildningar");
        retype(&mut h, "Plats", "Karlstad");
        h.get_by_label("Spara (Enter)").click();
        h.run();
        h.get_by_label("Stäng").click();
        h.run();
        let detail = h.state().detail().expect("detail");
        assert_eq!(detail.entries.len(), 1);
        // Edit it: the amount becomes 2.
        h.get_by_label("Ändra 2017-05-10 Karlstad")
            .click_accesskit();
        h.run();
        h.get_by_label("Ändra aktivitet");
        retype(&mut h, "Antal", "2");
        h.key_press(Key::Enter);
        h.run();
        assert!(
            h.state().activity_form().is_none(),
            "an edit closes the form"
        );
        assert_eq!(
            h.state()
                .detail()
                .map(|d| d.entries[0].quantity.clone())
                .as_deref(),
            Some("2 utbildningar")
        );
        // Delete it, then undo the delete.
        h.get_by_label("Ta bort 2017-05-10 Karlstad")
            .click_accesskit();
        h.run();
        assert_eq!(h.state().error(), None);
        assert_eq!(h.state().detail().map(|d| d.entries.len()), Some(0));
        h.get_by_label_contains("Aktiviteten togs bort");
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        assert_eq!(
            h.state()
                .detail()
                .map(|d| d.entries[0].quantity.clone())
                .as_deref(),
            Some("2 utbildningar")
        );
        assert_eq!(h.state().activity_undo_depth(), 2);
    }

    #[test]
    fn the_sample_is_read_only_for_activities() {
        let mut h = harness(Origin::Sample);
        h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::N);
        h.run();
        assert!(h.state().activity_form().is_none());
        assert!(
            h.state()
                .error()
                .is_some_and(|e| e.contains("skrivskyddat"))
        );
    }
}

/// "Importera aktiviteter…": the preview, fixing a column's meaning, the
/// counts, all-or-nothing, and undo of the whole import.
mod import_preview {
    use super::*;
    use egui_kittest::kittest::NodeT as _;

    fn entries(app: &App) -> usize {
        app.document().map_or(0, |d| {
            d.loaded.activities.iter().map(|f| f.entries.len()).sum()
        })
    }

    #[test]
    fn a_sheet_is_previewed_mapped_and_imported_then_undone() {
        let dir = sample_copy();
        let csv = dir.path().join("logg.csv");
        std::fs::write(
            &csv,
            "Datum;Löfte;Antal;Var\n2017-04-03;P1;2;Kungsgatan\n2017-04-04;P1;3;Stora torget\n2017-04-05;P9;1;Rud\n",
        )
        .expect("write");
        let mut h = harness(Origin::path(dir.path()));
        let before = entries(h.state());
        h.key_press_modifiers(Modifiers::COMMAND, Key::I);
        h.run();
        // No system dialog in tests: the path is typed.
        h.get_by_label("Sökväg")
            .type_text(&csv.display().to_string());
        h.key_press(Key::Enter);
        h.run();
        h.get_by_label("Importera aktiviteter");
        h.get_by_label_contains("3 rader: 2 kan importeras, 0 finns redan");
        h.get_by_label_contains("rad 4, kolumn B (Löfte): fel: okänt åtagande \"P9\"");
        // All or nothing: with an error row, Importera is off until the
        // user chooses to import only the valid rows.
        assert!(h.get_by_label("Importera").accesskit_node().is_disabled());
        // Column D ("Var") is not recognised: make it the place.
        h.get_by_label("D Var").click();
        h.run();
        h.get_by_label("Plats").click_accesskit();
        h.run();
        let dialog = h.state().import_dialog().expect("open");
        assert_eq!(
            dialog.mapping.column(medborgarlofte::import::Field::Plats),
            Some(3)
        );
        h.get_by_label("Importera bara de giltiga raderna (rader med fel hoppas över)")
            .click();
        h.run();
        h.get_by_label("Importera").click();
        h.run();
        assert!(h.state().import_dialog().is_none());
        assert_eq!(entries(h.state()), before + 2);
        assert!(
            h.state()
                .notice()
                .is_some_and(|n| n.starts_with("2 rader importerade")),
            "{:?}",
            h.state().notice()
        );
        let polisen =
            std::fs::read_to_string(dir.path().join("activities/polisen.ron")).expect("read");
        assert!(polisen.contains("place: \"Stora torget\",\n        ),\n    ],"));
        // One Ctrl+Z takes the whole import back.
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        assert_eq!(entries(h.state()), before);
    }

    /// With a file that does not load, import and export write nothing:
    /// the hidden entries would be imported twice, or missing.
    #[test]
    fn a_folder_with_load_errors_is_neither_imported_into_nor_exported() {
        let dir = sample_copy();
        let kommunen = dir.path().join("activities/kommunen.ron");
        let text = std::fs::read_to_string(&kommunen).expect("read");
        std::fs::write(&kommunen, text.replacen("entries:", "entries ", 1)).expect("write");
        let csv = dir.path().join("logg.csv");
        std::fs::write(&csv, "Datum;Löfte;Antal\n2017-04-03;P1;2\n").expect("write");
        let polisen = dir.path().join("activities/polisen.ron");
        let before = std::fs::read(&polisen).expect("read");
        let mut h = harness(Origin::path(dir.path()));
        h.key_press_modifiers(Modifiers::COMMAND, Key::I);
        h.run();
        h.get_by_label("Sökväg")
            .type_text(&csv.display().to_string());
        h.key_press(Key::Enter);
        h.run();
        h.get_by_label("Importera").click();
        h.run();
        assert!(
            h.state()
                .error()
                .is_some_and(|e| e.starts_with("Inget importerades eftersom filerna har fel")),
            "{:?}",
            h.state().error()
        );
        assert_eq!(std::fs::read(&polisen).expect("read"), before);
        // A fresh window: the error above is still shown in this one.
        let mut h = harness(Origin::path(dir.path()));
        h.key_press_modifiers(Modifiers::COMMAND, Key::E);
        h.run();
        assert!(
            h.state()
                .error()
                .is_some_and(|e| e.starts_with("Inget exporterades")),
            "{:?}",
            h.state().error()
        );
        assert!(!dir.path().join("aktiviteter.xlsx").exists());
    }
}

/// "Exportera aktiviteter…" writes every entry to a workbook in the folder.
#[test]
fn activities_are_exported_to_a_workbook_in_the_background() {
    let dir = sample_copy();
    let mut h = harness(Origin::path(dir.path()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    wait_for_job(&mut h);
    let xlsx = dir.path().join("aktiviteter.xlsx");
    let table = medborgarlofte::import::table::read(&xlsx, None).expect("a workbook");
    assert_eq!(table.rows.len(), 392);
    assert_eq!(table.headers.first().map(String::as_str), Some("Datum"));
    assert!(
        h.state()
            .notice()
            .is_some_and(|n| n.starts_with("392 aktiviteter exporterades"))
    );
}

/// Planning after signing and renewal: targets, places and lead can be set;
/// the text only changes as a revision with a reason; a new period's pledge
/// is made from the open one.
mod pledge_editing {
    use super::*;
    use egui_kittest::kittest::NodeT as _;
    use medborgarlofte::model::{CommitmentId, MeasuredStatus, RevisionChange, TargetShape};

    fn pledge_on_disk(dir: &Path) -> medborgarlofte::model::Pledge {
        medborgarlofte::store::load(
            medborgarlofte::store::Inputs::open(dir, &[]).expect("open"),
            Date::from_ymd(2026, 1, 1).expect("date"),
        )
        .pledge
        .expect("pledge")
    }

    #[test]
    fn a_target_and_places_are_planned_and_the_text_is_revised_with_a_reason() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        h.state_mut()
            .handle(Command::OpenDetail(CommitmentId::new("G2")));
        h.run();
        h.get_by_label("Planering…").click();
        h.run();
        h.get_by_label("Planering för G2");
        h.get_by_label("Per månad").click();
        h.run();
        retype(&mut h, "Antal", "3");
        retype(&mut h, "Enhet", "samverkansmöten");
        retype(&mut h, "Platser", "Karlstads kommun, Kronoparken");
        h.get_by_label("LPO Karlstad").click();
        h.run();
        // Revising the text needs a reason: the save is off until there is one.
        h.get_by_label("Ändra löftets text (revidering)").click();
        h.run();
        retype_in(
            &mut h,
            Role::MultilineTextInput,
            "Ny lydelse",
            "Polisen och kommunen utvecklar samverkan kring ungdomar.",
        );
        h.get_by_label_contains("ange skälet");
        assert!(
            h.get_by_label("Spara planeringen")
                .accesskit_node()
                .is_disabled()
        );
        retype(&mut h, "Skäl till ändringen", "Beslut i styrgruppen");
        // The decision's date from the calendar.
        h.get_by_label("Välj beslutsdatum i kalendern").click();
        h.run();
        h.get_by_label("september 2017");
        // The grown dialog settles over a few frames that egui draws as the
        // pointer moves: move to the arrow first, as a hand on a mouse does.
        h.get_by_label("Föregående månad").hover();
        h.run_steps(4);
        h.get_by_label("Föregående månad").click();
        h.run();
        h.get_by_label("augusti 2017");
        h.get_by_label("2017-08-21").click();
        h.run();
        h.get_by_label("Spara planeringen").click();
        h.run();
        assert!(h.state().planning().is_none(), "{:?}", h.state().error());
        let pledge = pledge_on_disk(dir.path());
        let g2 = pledge.commitment(&CommitmentId::new("G2")).expect("G2");
        assert!(matches!(
            g2.target.as_ref().map(|t| &t.shape),
            Some(TargetShape::Rate { amount, .. }) if (*amount - 3.0).abs() < 1e-9
        ));
        assert_eq!(g2.places, ["Karlstads kommun", "Kronoparken"]);
        assert_eq!(
            g2.lead.as_ref().map(medborgarlofte::model::PartyId::as_str),
            Some("lpo-karlstad")
        );
        assert!(
            g2.text
                .starts_with("Polisen och kommunen utvecklar samverkan kring")
        );
        let revision = pledge.revisions.last().expect("a revision");
        assert_eq!(revision.reason, "Beslut i styrgruppen");
        assert_eq!(revision.date.to_string(), "2017-08-21");
        assert!(matches!(
            &revision.change,
            RevisionChange::Omformulerat { previous_text } if previous_text.contains("effektivisera")
        ));
        assert!(dir.path().join("pledge.ron.bak").is_file());
        // The detail panel tells the revision and keeps the old wording in view.
        h.get_by_label("Ändringar");
        h.get_by_label_contains("omformulerat: Beslut i styrgruppen");
        h.get_by_label_contains("Tidigare lydelse: Polisen och kommunen kommer tillsammans");
        // The dashboard shows the new target at once; Ctrl+Z restores the file.
        assert!(
            h.state()
                .document()
                .and_then(|d| d.status.as_ref())
                .and_then(|s| s.commitment(&CommitmentId::new("G2")))
                .is_some_and(|s| s.full_target.is_some())
        );
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        let restored = pledge_on_disk(dir.path());
        assert!(
            restored
                .commitment(&CommitmentId::new("G2"))
                .is_some_and(|c| c.target.is_none())
        );
        assert_eq!(restored.revisions.len() + 1, pledge.revisions.len());
    }

    /// Opens the detail panel of `id` and its planning dialog, and waits
    /// for the dialog to settle (it grows over a few frames).
    fn open_planning(h: &mut Harness<'static, App>, id: &str) {
        h.state_mut()
            .handle(Command::OpenDetail(CommitmentId::new(id)));
        h.run();
        h.get_by_label("Planering…").click();
        h.run_steps(8);
        h.run();
    }

    fn measured(h: &Harness<'static, App>, id: &str) -> Option<MeasuredStatus> {
        h.state()
            .document()
            .and_then(|d| d.status.as_ref())
            .and_then(|s| s.commitment(&CommitmentId::new(id)))
            .map(|s| s.measured)
    }

    #[test]
    fn a_milestone_is_reached_only_by_an_entry_that_says_so() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        // G2 has no target but reports: plan it as a milestone with no date.
        open_planning(&mut h, "G2");
        h.get_by_label("Delmål (klart)").click();
        h.run();
        h.get_by_label_contains("lämna tomt om löftet inte anger något datum");
        h.get_by_label("Spara planeringen").click();
        h.run();
        assert!(h.state().planning().is_none(), "{:?}", h.state().error());
        let g2 = pledge_on_disk(dir.path());
        assert!(matches!(
            g2.commitment(&CommitmentId::new("G2"))
                .and_then(|c| c.target.as_ref())
                .map(|t| &t.shape),
            Some(TargetShape::Milestone { by: None })
        ));
        // Work reported towards it does not reach it.
        assert_eq!(measured(&h, "G2"), Some(MeasuredStatus::Kvalitativ));
        // An entry that says so does; done jointly by both parties.
        h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::N);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_label("Datum").type_text("2017-09-04");
        h.run();
        assert_eq!(
            h.state()
                .activity_form()
                .and_then(|f| f.commitment.as_ref())
                .map(CommitmentId::as_str),
            Some("G2")
        );
        h.get_by_role_and_label(Role::RadioButton, "LPO Karlstad")
            .click();
        h.run();
        h.get_by_label("Tillsammans med:");
        h.get_by_role_and_label(Role::CheckBox, "Karlstads kommun")
            .click();
        h.get_by_label("Delmålet är nått").click();
        h.run();
        let form = h.state().activity_form().expect("open");
        assert!(form.milestone_reached);
        assert_eq!(form.with.len(), 1);
        h.get_by_label("Spara (Enter)").click();
        h.run();
        assert_eq!(h.state().activity_form().map(|f| f.saved), Some(1));
        assert_eq!(measured(&h, "G2"), Some(MeasuredStatus::Uppnatt));
        let written = std::fs::read_dir(dir.path().join("activities"))
            .expect("folder")
            .filter_map(Result::ok)
            .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
            .find(|text| text.contains("2017-09-04") && text.contains("G2"))
            .expect("the entry is written");
        assert!(written.contains("milestone_reached: true"), "{written}");
        assert!(
            written.contains("with: [\"karlstads-kommun\"]"),
            "{written}"
        );
    }

    #[test]
    fn a_target_over_a_named_set_of_places_shows_each_place() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        // G2's meetings were held at "Karlstads kommun" and, in the
        // sample, never at "Kronoparken".
        open_planning(&mut h, "G2");
        h.get_by_label("Alla platser").click();
        // The dialog grows by the coverage fields over a few frames.
        h.run_steps(8);
        h.run();
        retype(&mut h, "Antal", "1");
        retype(&mut h, "Enhet", "platser");
        retype(&mut h, "Platser", "Karlstads kommun, Kronoparken");
        h.get_by_label("Spara planeringen").click();
        h.run();
        assert!(h.state().planning().is_none(), "{:?}", h.state().error());
        let status = h
            .state()
            .document()
            .and_then(|d| d.status.as_ref())
            .and_then(|s| s.commitment(&CommitmentId::new("G2")))
            .cloned()
            .expect("G2");
        assert!((status.reported - 1.0).abs() < 1e-9, "one of two places");
        assert_eq!(status.full_target, Some(2.0));
        h.get_by_label("Per plats");
        h.get_by_label("Kronoparken");
        h.get_by_label("▼ 0 gånger, 1 behövs");
        assert!(h.query_all_by_label_contains("1 av 2 platser").count() >= 1);
        let pledge = pledge_on_disk(dir.path());
        assert!(matches!(
            pledge
                .commitment(&CommitmentId::new("G2"))
                .and_then(|c| c.target.as_ref())
                .map(|t| &t.shape),
            Some(TargetShape::Coverage { per: None, .. })
        ));
    }

    #[test]
    fn a_target_changed_from_a_date_keeps_the_earlier_one() {
        let dir = sample_copy();
        let mut h = harness(Origin::path(dir.path()));
        // G3: 2 per month; from 2017-04-01 once a week.
        open_planning(&mut h, "G3");
        h.get_by_label("Per vecka").click();
        h.run();
        retype(&mut h, "Antal", "1");
        h.get_by_label("Målet ändras från ett beslutsdatum (det tidigare målet sparas)")
            .click();
        h.run();
        retype(&mut h, "Beslutsdatum", "2017-04-01");
        retype(&mut h, "Skäl till ändringen", "Beslut i styrgruppen");
        h.get_by_label("Spara planeringen").click();
        h.run();
        assert!(h.state().planning().is_none(), "{:?}", h.state().error());
        let pledge = pledge_on_disk(dir.path());
        let revision = pledge.revisions.last().expect("a revision");
        assert_eq!(revision.date.to_string(), "2017-04-01");
        assert!(matches!(
            &revision.change,
            RevisionChange::MalAndrat { previous: Some(previous) }
                if matches!(previous.shape, TargetShape::Rate { amount, .. } if (amount - 2.0).abs() < 1e-9)
        ));
        // The detail panel shows the change and the earlier target.
        h.get_by_label_contains("målet ändrat: Beslut i styrgruppen");
        h.get_by_label_contains("Tidigare mål: minst 2");
        // In the panel and in the table's Mål column, which stays when
        // the panel is open.
        assert_eq!(
            h.query_all_by_label_contains("från 2017-04-01 (målet ändrat)")
                .count(),
            2
        );
        // Six months at 2 a month, then 183 days at 1 a week.
        let full = h
            .state()
            .document()
            .and_then(|d| d.status.as_ref())
            .and_then(|s| s.commitment(&CommitmentId::new("G3")))
            .and_then(|s| s.full_target)
            .expect("a count target");
        assert!((full - (12.0 + 183.0 / 7.0)).abs() < 1e-6, "{full}");
    }

    #[test]
    fn the_next_period_is_started_from_the_open_pledge() {
        let dir = sample_copy();
        let next = tempfile::tempdir().expect("dir");
        let folder = next.path().join("2017-18");
        let mut h = harness(Origin::path(dir.path()));
        h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::ALT), Key::N);
        h.run();
        h.get_by_label("Nytt medborgarlöfte");
        h.get_by_label_contains("ange mappen");
        // No folder dialog in the tests (as on a machine without one): the
        // dialog says to type the path.
        h.get_by_label("Välj mapp…").click();
        h.run();
        h.get_by_label_contains("Det finns ingen mappdialog");
        retype(&mut h, "Ny mapp", &folder.display().to_string());
        assert_eq!(
            h.get_by_role_and_label(Role::TextInput, "Från (ÅÅÅÅ-MM-DD)")
                .value()
                .as_deref(),
            Some("2017-10-01")
        );
        // The last day from the calendar: a shorter first period.
        h.get_by_label("Välj sista dagen i kalendern").click();
        h.run();
        h.get_by_label("september 2018");
        for _ in 0..3 {
            h.get_by_label("Föregående månad").click();
            h.run();
        }
        h.get_by_label("2018-06-30").click();
        h.run();
        h.get_by_label("Skapa och öppna").click();
        h.run();
        let pledge = pledge_on_disk(&folder);
        assert_eq!(pledge.title, "Medborgarlöften Karlstad 2017–2018");
        assert_eq!(pledge.period.end.to_string(), "2018-06-30");
        assert_eq!(pledge.commitments.len(), 11);
        assert!(
            pledge
                .commitments
                .iter()
                .all(|c| c.carried_over.is_some() && c.target.is_none())
        );
        assert_eq!(
            h.state().document().map(|d| d.origin.clone()),
            Some(Origin::path(&folder)),
            "the new pledge is open"
        );
        // Each commitment says where it comes from.
        h.state_mut()
            .handle(Command::OpenDetail(CommitmentId::new("K4")));
        h.run();
        h.get_by_label("Överfört från");
        h.get_by_label("Medborgarlöften Karlstad 2016–2017 (K4)");
    }
}

/// The recovery file's timing, on the session itself with explicit clock
/// times: within 1 s of a pause, and at least every 2 s of continuous typing.
mod recovery_timing {
    use super::*;
    use medborgarlofte::gui::meeting::{MeetingCommand, MeetingSession, recovery_path};
    use medborgarlofte::model::meeting_edit::{FieldId, MeetingEdit};

    fn typed(session: &mut MeetingSession, text: &str) {
        let edit = MeetingEdit::SetDiscussion {
            item: 0,
            text: text.to_owned(),
        };
        let today = Date::from_ymd(2026, 1, 1).expect("date");
        session
            .handle(
                MeetingCommand::Type {
                    field: FieldId(1),
                    edit,
                },
                today,
            )
            .expect("typed");
    }

    #[test]
    fn the_recovery_file_follows_a_pause_within_1_s_and_typing_within_2_s() {
        let dir = sample_copy();
        let doc = Document::open(
            Origin::path(dir.path()),
            Date::from_ymd(2026, 1, 1).expect("date"),
        )
        .expect("opens");
        let mut session =
            MeetingSession::create(&doc, Date::from_ymd(2017, 11, 9).expect("date")).expect("new");
        let recovery = recovery_path(&session.path);
        // A pause: written 1 s after the last key, not before.
        typed(&mut session, "A");
        assert!(!session.autosave(10.0));
        assert!(!session.autosave(10.9));
        assert!(session.autosave(11.0));
        assert!(recovery.is_file());
        // Continuous typing, a key every 0.3 s: never a pause of 1 s, yet
        // the file is never more than 2 s behind.
        let mut text = String::from("A");
        let mut written = Vec::new();
        for step in 0..40 {
            let now = 20.0 + f64::from(step) * 0.3;
            text.push('x');
            typed(&mut session, &text);
            if session.autosave(now) {
                written.push(now);
            }
        }
        assert!(written.len() >= 5, "{written:?}");
        for pair in written.windows(2) {
            assert!(pair[1] - pair[0] <= 2.0 + 1e-9, "{written:?}");
        }
        let due = session.autosave_due_in(32.0).expect("a change waits");
        assert!(due <= 2.0, "{due}");
    }
}

/// Presentation mode (F11): the current item alone, full screen, in large
/// type, with the chairing view's keys.
mod presentation {
    use super::*;
    use medborgarlofte::model::meeting::{Assessment, ItemKind};

    fn on_screen(origin: Origin, size: egui::Vec2) -> Harness<'static, App> {
        let start = start(origin);
        let mut h = Harness::builder()
            .with_size(size)
            .with_theme(egui::Theme::Light)
            .build_eframe(move |cc| App::new(cc, start));
        h.run();
        h
    }

    fn laptop(origin: Origin) -> Harness<'static, App> {
        on_screen(origin, egui::vec2(1366.0, 768.0))
    }

    /// The full-screen command the app sent in the last frame, if any.
    fn fullscreen_sent(h: &Harness<'static, App>) -> Option<bool> {
        h.output()
            .viewport_output
            .get(&egui::ViewportId::ROOT)?
            .commands
            .iter()
            .find_map(|c| match c {
                egui::ViewportCommand::Fullscreen(on) => Some(*on),
                _ => None,
            })
    }

    /// Presses `key` and returns the full-screen command of that frame.
    fn press_and_watch(h: &mut Harness<'static, App>, key: Key) -> Option<bool> {
        h.key_down(key);
        h.step();
        let sent = fullscreen_sent(h);
        h.key_up(key);
        h.run();
        sent
    }

    fn presenting(h: &Harness<'static, App>) -> bool {
        h.state().view().presenting
    }

    fn assessment_at(h: &Harness<'static, App>, item: usize) -> Option<Assessment> {
        let session = h.state().meeting()?;
        match &session.meeting().items.get(item)?.kind {
            ItemKind::Atagande(review) => review.assessment,
            _ => None,
        }
    }

    #[test]
    fn f11_shows_the_item_alone_and_its_keys_work_until_escape() {
        let dir = sample_copy();
        let mut h = laptop(Origin::path(dir.path()));
        super::meetings::new_meeting(&mut h);
        // The chairing view: menu, agenda with every §, the header.
        h.get_by_label("Arkiv");
        h.get_by_label_contains("§ 2 Val av justerare");
        let chairing_heading = h.get_by_label("§ 1 Mötets öppnande").rect().height();

        assert_eq!(press_and_watch(&mut h, Key::F11), Some(true), "full screen");
        assert!(presenting(&h));
        assert!(h.query_by_label("Arkiv").is_none(), "no menu");
        assert!(
            h.query_by_label_contains("§ 2 ").is_none(),
            "no agenda: only the current item"
        );
        assert!(h.query_by_label("Spara mötet").is_none(), "no header");
        assert!(
            h.query_by_label_contains("aktiviteter i").is_none(),
            "no status bar"
        );
        let heading = h.get_by_label("§ 1 Mötets öppnande").rect();
        assert!(
            heading.height() > chairing_heading * 1.2,
            "large type: {} against {chairing_heading}",
            heading.height()
        );
        h.get_by_label("§ 1 av 18 · PageDown nästa · Esc avslutar");

        // PageDown to § 5, the first commitment: its text, figures and chart.
        for _ in 0..4 {
            h.key_press(Key::PageDown);
            h.run();
        }
        assert_eq!(h.state().meeting().map(|s| s.current), Some(4));
        assert!(presenting(&h));
        h.get_by_label("§ 5 Åtagande G1");
        h.get_by_label("§ 5 av 18 · PageDown nästa · Esc avslutar");
        h.get_by_label_contains("tillsyner mot krogar och nattklubbar");
        h.get_by_label_contains("av 24 tillsyner");
        h.get_by_label("Rapporterat");
        // The row has the focus: a digit assesses, as in the chairing view.
        h.key_press(Key::Num3);
        h.run();
        assert_eq!(assessment_at(&h, 4), Some(Assessment::ALL[2]));
        // PageUp and PageDown again, still from the row.
        h.key_press(Key::PageUp);
        h.run();
        assert_eq!(h.state().meeting().map(|s| s.current), Some(3));
        h.key_press(Key::PageDown);
        h.run();
        assert_eq!(h.state().meeting().map(|s| s.current), Some(4));
        h.key_press(Key::Num1);
        h.run();
        assert_eq!(assessment_at(&h, 4), Some(Assessment::ALL[0]));
        // A decision with Ctrl+Enter, typed into the field it focuses.
        h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
        h.run();
        h.event(egui::Event::Text("följa upp vid nästa möte".into()));
        h.run();
        let decisions = h
            .state()
            .meeting()
            .map(|s| s.meeting().items[4].decisions.clone());
        assert_eq!(decisions, Some(vec!["följa upp vid nästa möte".to_owned()]));

        // Escape: back to the chairing view, windowed, on the same item.
        assert_eq!(
            press_and_watch(&mut h, Key::Escape),
            Some(false),
            "windowed"
        );
        assert!(!presenting(&h));
        h.get_by_label("Arkiv");
        h.get_by_label_contains("§ 2 Val av justerare");
        assert_eq!(h.state().meeting().map(|s| s.current), Some(4));

        // F11 leaves it too.
        assert_eq!(press_and_watch(&mut h, Key::F11), Some(true));
        assert_eq!(press_and_watch(&mut h, Key::F11), Some(false));
        assert!(!presenting(&h));
        h.get_by_label("Arkiv");
    }

    #[test]
    fn the_header_button_enters_and_the_footer_button_leaves() {
        let dir = sample_copy();
        let mut h = laptop(Origin::path(dir.path()));
        super::meetings::new_meeting(&mut h);
        h.get_by_role_and_label(Role::Button, "Presentationsläge F11")
            .click();
        h.run();
        assert!(presenting(&h));
        h.get_by_label("§ 1 Mötets öppnande");
        assert!(h.query_by_label("Arkiv").is_none());
        h.get_by_role_and_label(Role::Button, "Avsluta presentationsläget F11")
            .click();
        h.run();
        assert!(!presenting(&h));
        h.get_by_label("Arkiv");
    }

    #[test]
    fn f11_without_an_open_meeting_says_what_it_needs() {
        let mut h = laptop(Origin::Sample);
        h.key_press(Key::F11);
        h.run();
        assert!(!presenting(&h));
        assert!(h.query_by_label("Arkiv").is_some());
        assert!(
            h.state().notice().is_some_and(|n| n.contains("öppet möte")),
            "{:?}",
            h.state().notice()
        );
    }

    /// The longest item a meeting is likely to show: a commitment text of
    /// five sentences, an assessment that needs a reason, four decisions.
    fn crowded_item(size: egui::Vec2) -> (Harness<'static, App>, tempfile::TempDir) {
        let dir = sample_copy();
        let pledge = dir.path().join("pledge.ron");
        let text = std::fs::read_to_string(&pledge).expect("read");
        let g1 = "genomföra utökade tillsyner mot krogar och nattklubbar med inriktning på berusningsnivå.";
        assert!(text.contains(g1));
        let longer = format!(
            "{g1} Tillsynerna görs kvällar och nätter under hela året, med tyngdpunkt på helger, \
             lönehelger och större evenemang i centrala Karlstad. Kommunens tillståndsenhet och \
             polisen planerar dem tillsammans en gång i månaden och följer upp vad som kom fram. \
             Brister som upptäcks återkopplas skriftligt till verksamheten inom en vecka. \
             Resultaten redovisas vid varje uppföljningsmöte för medborgarlöftet."
        );
        std::fs::write(&pledge, text.replace(g1, &longer)).expect("write");
        let mut h = on_screen(Origin::path(dir.path()), size);
        super::meetings::new_meeting(&mut h);
        h.key_press(Key::F11);
        h.run();
        for _ in 0..4 {
            h.key_press(Key::PageDown);
            h.run();
        }
        h.key_press(Key::Num4);
        h.run();
        for n in 0..4 {
            h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
            h.run();
            h.event(egui::Event::Text(format!(
                "följa upp punkt {n} vid nästa möte"
            )));
            h.run();
        }
        h.run_steps(8);
        h.run();
        (h, dir)
    }

    /// Everything of the item lies between the top of the screen and the
    /// line saying where one is.
    fn assert_fits(h: &Harness<'static, App>, size: egui::Vec2) {
        let footer = h
            .get_by_label("§ 5 av 18 · PageDown nästa · Esc avslutar")
            .rect();
        assert!(
            footer.max.y <= size.y,
            "the footer is on screen: {footer:?}"
        );
        let heading = h.get_by_label("§ 5 Åtagande G1").rect();
        assert!(heading.min.y >= 0.0, "{heading:?}");
        let mut parts = vec![
            h.get_by_label_contains("Resultaten redovisas vid varje")
                .rect(),
            h.get_by_label("Rapporterat").rect(),
            h.get_by_label("Skäl").rect(),
            h.get_by_role_and_label(Role::Button, "Lägg till beslut Ctrl+Enter")
                .rect(),
        ];
        // The figures (and those kept for the minutes), the assessment
        // buttons, the reason's note and each decision's ✖ at its right.
        for text in [
            "av 24 tillsyner",
            "ej genomförd",
            "kräver ett skäl",
            "Ta bort beslut",
        ] {
            let found: Vec<_> = h
                .get_all_by_label_contains(text)
                .map(|n| n.rect())
                .collect();
            assert!(!found.is_empty(), "{text} is shown");
            parts.extend(found);
        }
        for part in parts {
            assert!(
                part.min.y >= heading.max.y - 1.0 && part.max.y <= footer.min.y,
                "{part:?} lies between the heading {heading:?} and the footer {footer:?}"
            );
            assert!(part.max.x <= size.x, "{part:?} is cut at the right");
        }
        let session = h.state().meeting().expect("open");
        assert_eq!(session.meeting().items[4].decisions.len(), 4);
    }

    #[test]
    fn a_long_item_fits_a_laptop_screen_without_scrolling() {
        let size = egui::vec2(1366.0, 768.0);
        let (h, _dir) = crowded_item(size);
        assert_fits(&h, size);
    }

    #[test]
    fn a_long_item_fits_a_projector_in_larger_type() {
        let (laptop, _laptop_dir) = crowded_item(egui::vec2(1366.0, 768.0));
        let size = egui::vec2(1920.0, 1080.0);
        let (h, _dir) = crowded_item(size);
        assert_fits(&h, size);
        let heading = |h: &Harness<'static, App>| h.get_by_label("§ 5 Åtagande G1").rect().height();
        assert!(
            heading(&h) > heading(&laptop) * 1.2,
            "larger on the projector: {} against {}",
            heading(&h),
            heading(&laptop)
        );
    }
}
