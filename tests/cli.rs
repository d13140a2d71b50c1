//! The command line: exit codes, messages and content, on the sample and on
//! broken copies of it made inside each test.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

mod common;
use common::bin;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/karlstad-2016-17")
}

/// A writable copy of the sample folder.
fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("activities")).expect("mkdir");
    for rel in [
        "pledge.ron",
        "activities/gemensamt.ron",
        "activities/kommunen.ron",
        "activities/polisen.ron",
    ] {
        std::fs::copy(sample().join(rel), dir.path().join(rel)).expect("copy");
    }
    dir
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn status_without_a_path_shows_the_bundled_sample() {
    bin()
        .arg("status")
        .current_dir(std::env::temp_dir())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Medborgarlöften Karlstad 2016–2017",
        ))
        .stdout(predicate::str::contains(
            "läget per 2017-09-30 (dag 365 av 365)",
        ))
        .stdout(predicate::str::contains("GEMENSAMMA ÅTAGANDEN"))
        .stdout(predicate::str::contains("LPO KARLSTAD"))
        .stdout(predicate::str::contains("KARLSTADS KOMMUN"))
        .stdout(predicate::str::contains("○ inga rapporter"))
        .stdout(predicate::str::contains("ca 510 personer nådda"));
}

#[test]
fn check_on_the_sample_passes() {
    bin()
        .arg("check")
        .arg(sample())
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "8 filer kontrollerade, 392 aktiviteter: 0 fel, 0 varningar",
        ));
}

#[test]
fn check_reports_errors_with_file_line_and_column_and_exits_1() {
    let dir = sample_copy();
    let kommunen = dir.path().join("activities/kommunen.ron");
    replace_in(
        &kommunen,
        "date: \"2016-10-08\"",
        "date: \"2016-10-08\", until: \"2016-09-01\"",
    );
    replace_in(&kommunen, "commitments: [\"K3\"]", "commitments: [\"K33\"]");
    let output = bin().arg("check").arg(dir.path()).output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let text = std::fs::read_to_string(&kommunen).expect("read");
    // Line and column (1-based) of the value `needle` in the edited file.
    let at = |needle: &str| {
        text.lines()
            .enumerate()
            .find_map(|(i, l)| l.find(needle).map(|b| (i + 1, l[..b].chars().count() + 1)))
            .expect("present")
    };
    let (range_line, range_col) = at("\"2016-09-01\"");
    let (k33_line, k33_col) = at("\"K33\"");
    let file = kommunen.display().to_string();
    assert!(
        stdout.contains(&format!(
            "{file}:{range_line}:{range_col}: fel: perioden slutar (2016-09-01) innan den börjar (2016-10-08); byt plats på datumen"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "{file}:{k33_line}:{k33_col}: fel: okänt åtagande \"K33\" — menade du \"K3\"?"
        )),
        "{stdout}"
    );
    assert!(stdout.contains("2 fel"), "{stdout}");
}

#[test]
fn warnings_alone_exit_0() {
    let dir = sample_copy();
    let kommunen = dir.path().join("activities/kommunen.ron");
    replace_in(&kommunen, "date: \"2016-10-08\"", "date: \"2016-09-03\"");
    bin()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            ": varning: datumet 2016-09-03 ligger utanför löftets period",
        ));
}

#[test]
fn syntax_errors_are_located() {
    let dir = sample_copy();
    let pledge = dir.path().join("pledge.ron");
    replace_in(
        &pledge,
        "title: \"Medborgarlöften Karlstad 2016–2017\",",
        "title: \"Medborgarlöften Karlstad 2016–2017\"",
    );
    // The comma is missing at the end of line 8; ron notices at the next field.
    bin()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{}:9:5: fel: här saknas ett kommatecken före värdet; titta i slutet av raden ovanför",
            pledge.display()
        )));
}

#[test]
fn usage_and_io_errors_exit_2() {
    bin()
        .args(["check", "/finns/inte"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "fel: kan inte öppna /finns/inte: filen eller mappen finns inte",
        ));
    let empty = tempfile::tempdir().expect("temp dir");
    bin()
        .arg("check")
        .arg(empty.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("saknar pledge.ron"));
    bin().args(["check"]).assert().code(2);
    // Without a display the window cannot open: a Swedish message, exit 2, no panic.
    bin()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .arg(sample())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "programfönstret kunde inte öppnas",
        ))
        .stderr(predicate::str::contains("medborgarlofte status"));
    bin().args(["status", "--hittepa"]).assert().code(2);
    bin()
        .arg("status")
        .arg(sample())
        .args(["--as-of", "2017-06-31"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("juni 2017 har 30 dagar"));
}

#[test]
fn status_json_has_the_documented_fields() {
    // Exit code 0 and valid JSON are asserted by the helper.
    let json = common::status_json(&sample(), "2017-03-16");
    assert_eq!(json["as_of"], "2017-03-16");
    assert_eq!(
        json["pledge"]["title"],
        "Medborgarlöften Karlstad 2016–2017"
    );
    assert_eq!(json["pledge"]["period"]["start"], "2016-10-01");
    let commitments = json["commitments"].as_array().expect("array");
    let ids: Vec<&str> = commitments
        .iter()
        .map(|c| c["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "G1", "G2", "G3", "P1", "P2", "P3", "P4", "K1", "K2", "K3", "K4"
        ]
    );
    for c in commitments {
        for key in [
            "id",
            "parties",
            "text",
            "target",
            "reported",
            "reported_qualifier",
            "reports",
            "expected",
            "measured_status",
            "latest_assessment",
            "last_report",
        ] {
            assert!(c.get(key).is_some(), "{key} missing in {c}");
        }
    }
    let by_id = |id: &str| {
        commitments
            .iter()
            .find(|c| c["id"] == id)
            .expect("commitment present")
    };
    assert_eq!(
        by_id("G1")["parties"],
        serde_json::json!(["lpo-karlstad", "karlstads-kommun"])
    );
    assert_eq!(by_id("G2")["target"], serde_json::Value::Null);
    assert_eq!(by_id("G2")["expected"], serde_json::Value::Null);
    assert_eq!(by_id("G2")["measured_status"], "qualitative");
    assert_eq!(by_id("K4")["measured_status"], "no_reports");
    assert_eq!(by_id("K4")["last_report"], serde_json::Value::Null);
    assert_eq!(by_id("P2")["measured_status"], "behind");
    assert_eq!(by_id("K3")["reported_qualifier"], "about");
    // K1: 150 over 365 days, 167 days in: 68.63.
    assert_eq!(by_id("K1")["expected"], 68.63);
    assert_eq!(by_id("K1")["target"]["full_amount"], 150.0);
    // Without `from`/`until` a target applies over the whole period.
    assert_eq!(by_id("K1")["target"]["from"], "2016-10-01");
    assert_eq!(by_id("K1")["target"]["until"], "2017-09-30");
    // The meeting held on the as-of date has concluded: its assessment counts.
    assert_eq!(
        by_id("K1")["latest_assessment"],
        serde_json::json!({
            "assessment": "delayed",
            "text": "försenad",
            "meeting_date": "2017-03-16",
            "reason": "Vakansen tillsattes först i februari; takten ökar men ligger efter planen."
        })
    );
}

#[test]
fn the_latest_assessment_follows_the_meetings() {
    let commitment = |as_of: &str, id: &str| -> serde_json::Value {
        let json = common::status_json(&sample(), as_of);
        json["commitments"]
            .as_array()
            .and_then(|a| a.iter().find(|c| c["id"] == id).cloned())
            .expect("commitment present")
    };
    assert_eq!(
        commitment("2016-11-30", "K1")["latest_assessment"],
        serde_json::Value::Null
    );
    assert_eq!(
        commitment("2017-09-30", "K1")["latest_assessment"]["assessment"],
        "done"
    );
    let k4 = commitment("2017-09-30", "K4");
    assert_eq!(k4["latest_assessment"]["assessment"], "not_done");
    assert!(
        k4["latest_assessment"]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("nästa löftesperiod")),
        "{k4}"
    );
}

#[test]
fn the_as_of_date_changes_expected_figures() {
    let expected_k1 = |as_of: &str| -> f64 {
        let json = common::status_json(&sample(), as_of);
        json["commitments"][7]["expected"].as_f64().expect("number")
    };
    assert!((expected_k1("2016-12-31") - 150.0 * 92.0 / 365.0).abs() < 0.001);
    assert!((expected_k1("2017-09-30") - 150.0).abs() < 0.001);
}

#[test]
fn a_pledge_file_plus_activity_files_can_be_given() {
    let sample = sample();
    bin()
        .arg("status")
        .arg(sample.join("pledge.ron"))
        .arg(sample.join("activities/kommunen.ron"))
        .args(["--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\"measured_status\": \"achieved\"",
        ));
}

#[test]
fn status_table_is_aligned_and_grouped() {
    let output = bin().arg("status").arg(sample()).output().expect("runs");
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let header = stdout
        .lines()
        .find(|l| l.starts_with("Id "))
        .expect("header row");
    assert!(header.contains("Åtagande") && header.contains("Mätt status"));
    let g1 = stdout
        .lines()
        .find(|l| l.starts_with("G1 "))
        .expect("G1 row");
    let col = |line: &str, needle: &str| {
        line.find(needle)
            .map(|b| line[..b].chars().count())
            .expect("present")
    };
    assert_eq!(col(header, "Mätt status"), col(g1, "✔ uppnått"));
}

#[test]
fn checking_never_modifies_the_files() {
    let dir = sample_copy();
    let path = dir.path().join("activities/polisen.ron");
    replace_in(&path, "commitments: [\"P2\"]", "commitments: [\"P22\"]");
    let before = std::fs::read(&path).expect("read");
    let modified = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("mtime");
    bin().arg("check").arg(dir.path()).assert().code(1);
    bin().arg("status").arg(dir.path()).assert().code(0);
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(
        std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("mtime"),
        modified
    );
}

#[test]
fn broken_input_never_shows_a_backtrace() {
    let dir = sample_copy();
    std::fs::write(
        dir.path().join("activities/skräp.ron"),
        [0xff, 0xfe, 0x00, 0x01],
    )
    .expect("write");
    std::fs::write(dir.path().join("pledge.ron"), "((((((((((((").expect("write");
    let output = bin()
        .env("RUST_BACKTRACE", "1")
        .arg("check")
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        !all.contains("panicked") && !all.contains("backtrace"),
        "{all}"
    );
    assert!(
        all.contains("skräp.ron:1:1: fel: filen är en binärfil"),
        "{all}"
    );
}
