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

/// A single pledge file: the counts agree with their nouns ("1 fil
/// kontrollerad", "0 aktiviteter", "1 varning").
#[test]
fn check_counts_agree_with_their_nouns() {
    let dir = tempfile::tempdir().expect("dir");
    let pledge = dir.path().join("pledge.ron");
    std::fs::copy(sample().join("pledge.ron"), &pledge).expect("copy");
    bin()
        .arg("check")
        .arg(&pledge)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "1 fil kontrollerad, 0 aktiviteter: 0 fel, 0 varningar",
        ));
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
fn status_json_lists_the_indicators_apart_from_the_commitments() {
    let json = common::status_json(&sample(), "2017-09-30");
    let indicators = json["indicators"].as_array().expect("array");
    let ids: Vec<&str> = indicators
        .iter()
        .map(|i| i["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["I1", "I2", "I3"]);
    let i1 = &indicators[0];
    assert_eq!(i1["unit"], "anmälningar");
    assert_eq!(
        i1["goal"],
        serde_json::json!({"kind": "decrease", "level": null, "text": "ska minska"})
    );
    assert_eq!(i1["values"].as_array().map(Vec::len), Some(2));
    assert_eq!(i1["latest"]["value"], 187.0);
    assert_eq!(i1["latest"]["date"], "2017-09-30");
    assert_eq!(i1["change"]["since"], "2016-09-30");
    assert_eq!(i1["change"]["trend"], "decreased");
    assert_eq!(i1["change"]["absolute"], -25.0);
    // 25 of 212.
    assert_eq!(i1["change"]["percent"], -11.792);
    assert_eq!(i1["direction"], "toward_goal");
    assert_eq!(i1["direction_text"], "ska minska: ● går åt rätt håll");
    // A percentage: "ca" kept, the change in procentenheter, no relative change.
    let i2 = &indicators[1];
    assert_eq!(i2["goal"]["kind"], "level");
    assert_eq!(i2["goal"]["level"], 20.0);
    assert_eq!(i2["latest"]["qualifier"], "about");
    assert_eq!(i2["latest_text"], "ca 28\u{a0}% (2017-05-31)");
    assert_eq!(i2["change"]["qualifier"], "about");
    assert_eq!(i2["change"]["percent"], serde_json::Value::Null);
    assert_eq!(
        i2["change_text"],
        "har minskat med ca 3 procentenheter sedan 2016-05-31"
    );
    // Only words: shown, not judged.
    let i3 = &indicators[2];
    assert_eq!(i3["latest"]["value"], serde_json::Value::Null);
    assert_eq!(
        i3["latest"]["text"],
        "har minskat enligt polisens lägesbild"
    );
    assert_eq!(i3["change"], serde_json::Value::Null);
    assert_eq!(i3["direction"], "cannot_tell");
    // Before the second value is known there is no change to tell.
    let earlier = common::status_json(&sample(), "2017-03-16");
    assert_eq!(earlier["indicators"][0]["change"], serde_json::Value::Null);
    assert_eq!(earlier["indicators"][0]["direction"], "cannot_tell");
    assert_eq!(
        earlier["indicators"][2]["values"].as_array().map(Vec::len),
        Some(0)
    );
    // Never counted with the commitments.
    let counted: u64 = json["summary"]
        .as_array()
        .expect("summary")
        .iter()
        .map(|s| s["count"].as_u64().expect("count"))
        .sum();
    assert_eq!(counted, 11, "the eleven commitments, no indicators");
}

#[test]
fn the_status_table_has_an_effect_section() {
    bin()
        .args(["status", "--as-of", "2017-09-30"])
        .arg(sample())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Effektmått (hur problemen har förändrats; räknas inte ihop med åtagandena)",
        ))
        .stdout(predicate::str::contains(
            "senaste: 187 anmälningar (2017-09-30); har minskat med 25 anmälningar (12\u{a0}%) sedan 2016-09-30",
        ))
        .stdout(predicate::str::contains("mål 20\u{a0}%: ● går åt rätt håll"))
        .stdout(predicate::str::contains("ska minska: ? kan inte bedömas"));
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

// ---- Outputs never destroy inputs (issue 14) ----

/// `-o` naming a file the folder loads, one of its `.bak`/`.recovery`
/// copies, or a folder: every writing command refuses with exit 2, and the
/// folder is byte for byte as before.
#[test]
fn outputs_never_replace_the_pledges_files() {
    let dir = common::copy();
    let folder = dir.path();
    std::fs::write(folder.join("meetings/2017-03-16.ron.bak"), "gammal").expect("write");
    let before = common::files(folder);
    for target in [
        "pledge.ron",
        "activities/polisen.ron",
        "activities/ny.ron",
        "meetings/2017-03-16.ron",
        "meetings/2017-03-16.ron.bak",
        "meetings/2017-03-16.recovery",
        "activities",
    ] {
        let out = folder.join(target);
        for args in [
            vec!["export", "--format", "csv"],
            vec!["export", "--format", "xlsx"],
            vec!["report", "--format", "html"],
            vec!["minutes", "--meeting", "2017-03-16"],
        ] {
            let (first, rest) = args.split_first().expect("a command");
            bin()
                .arg(first)
                .arg(folder)
                .args(rest)
                .arg("-o")
                .arg(&out)
                .assert()
                .code(2)
                .stderr(predicate::str::contains("skrivs inte över"))
                .stderr(predicate::str::contains(target));
        }
    }
    assert_eq!(common::files(folder), before, "nothing changed");
}

/// A symlink as `-o` is refused (replacing it would cut the link), while an
/// ordinary existing output is replaced.
#[cfg(unix)]
#[test]
fn outputs_never_replace_a_symlink_but_do_replace_an_ordinary_output() {
    let dir = common::copy();
    let folder = dir.path();
    let shared = folder.join("delad.csv");
    std::fs::write(&shared, "delad").expect("write");
    let link = folder.join("länk.csv");
    std::os::unix::fs::symlink(&shared, &link).expect("symlink");
    bin()
        .arg("export")
        .arg(folder)
        .args(["--format", "csv", "-o"])
        .arg(&link)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("symbolisk länk"));
    assert!(std::fs::symlink_metadata(&link).expect("meta").is_symlink());
    assert_eq!(std::fs::read(&shared).expect("read"), b"delad");
    bin()
        .arg("export")
        .arg(folder)
        .args(["--format", "csv", "-o"])
        .arg(&shared)
        .assert()
        .code(0);
    assert!(
        std::fs::read_to_string(&shared)
            .expect("read")
            .contains("Datum;")
    );
}

/// A FIFO or a device as `-o` is refused without being opened (a FIFO
/// would block, `/dev/full` was once replaced by the rename).
#[cfg(all(unix, feature = "system-tests"))]
#[test]
fn outputs_never_replace_a_fifo_or_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let dir = common::copy();
    let fifo = dir.path().join("rör.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    for (out, word) in [
        (fifo.as_path(), "FIFO"),
        (Path::new("/dev/null"), "enhetsfil"),
    ] {
        bin()
            .arg("export")
            .arg(dir.path())
            .args(["--format", "csv", "-o"])
            .arg(out)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicate::str::contains(word));
    }
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("meta")
            .file_type()
            .is_fifo()
    );
    assert!(
        std::fs::symlink_metadata("/dev/null")
            .expect("meta")
            .file_type()
            .is_char_device()
    );
}

/// `activities/` or `meetings/` being a file is an error (exit 2), not
/// "0 aktiviteter: 0 fel" followed by an empty report.
#[test]
fn an_activities_or_meetings_file_instead_of_a_folder_is_an_error() {
    for sub in ["activities", "meetings"] {
        let dir = common::copy();
        let folder = dir.path().join(sub);
        std::fs::remove_dir_all(&folder).expect("remove");
        std::fs::write(&folder, "inte en mapp").expect("write");
        for cmd in ["check", "report"] {
            bin()
                .arg(cmd)
                .arg(dir.path())
                .assert()
                .code(2)
                .stderr(predicate::str::contains(format!(
                    "{sub}: det är ingen mapp"
                )));
        }
    }
}

/// A folder or a file named `.ron` that is not an ordinary file is reported
/// as a located error, never read.
#[test]
fn a_folder_among_the_activity_files_is_reported_not_skipped() {
    let dir = common::copy();
    std::fs::create_dir(dir.path().join("activities/mapp.ron")).expect("mkdir");
    bin()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "mapp.ron:1:1: fel: kunde inte läsas: det är en mapp; bara vanliga filer läses",
        ));
    // Also the pledge file itself, rather than "the folder has no pledge.ron".
    let pledge = dir.path().join("pledge.ron");
    std::fs::remove_file(&pledge).expect("remove");
    std::fs::create_dir(&pledge).expect("mkdir");
    bin()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "pledge.ron:1:1: fel: kunde inte läsas: det är en mapp",
        ));
}

/// A FIFO or a link to a device among the activity files is refused
/// without being opened: check ends at once (a FIFO used to block it for
/// ever, `/dev/zero` to read until memory ran out).
#[cfg(all(unix, feature = "system-tests"))]
#[test]
fn a_fifo_or_a_device_among_the_activity_files_is_refused_unread() {
    let dir = common::copy();
    let fifo = dir.path().join("activities/rör.ron");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("activities/noll.ron"))
        .expect("symlink");
    bin()
        .arg("check")
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "rör.ron:1:1: fel: kunde inte läsas: det är en namngiven rörledning (FIFO)",
        ))
        .stdout(predicate::str::contains(
            "noll.ron:1:1: fel: kunde inte läsas: det är en enhetsfil",
        ));
}

/// `check` lists at most 100 problems of one kind, then how many more.
#[test]
fn check_lists_at_most_100_problems_of_one_kind() {
    use std::fmt::Write as _;
    let dir = sample_copy();
    let mut text = String::from("(version: 1, entries: [\n");
    for i in 0..1_150 {
        let day = 1 + i % 28;
        let _ = writeln!(
            text,
            "(date: \"2017-03-{day:02}\", commitments: [\"K99\"], party: \"karlstads-kommun\", note: \"{i}\"),"
        );
    }
    text.push_str("])\n");
    std::fs::write(dir.path().join("activities/många.ron"), text).expect("write");
    let out = bin().arg("check").arg(dir.path()).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let listed = stdout.lines().filter(|l| l.contains("\"K99\"")).count();
    assert_eq!(listed, 100, "{stdout}");
    assert!(
        stdout.contains("\n… och 1 050 till av samma slag\n"),
        "{stdout}"
    );
    // The summary still counts every one.
    assert!(
        stdout.contains("1150 fel") || stdout.contains("1 150 fel"),
        "{stdout}"
    );
}

/// An explicit `--as-of` more than a year before the pledge starts or more
/// than two years after it ends is refused; the bounds themselves are not.
#[test]
fn an_as_of_far_outside_the_pledge_is_refused() {
    for (as_of, ok) in [
        ("9999-12-31", false),
        ("2015-09-30", false),
        ("2015-10-01", true),
        ("2019-09-30", true),
        ("2019-10-01", false),
    ] {
        let assert = bin()
            .arg("status")
            .arg(sample())
            .args(["--as-of", as_of])
            .assert();
        if ok {
            assert.code(0);
        } else {
            assert.code(2).stderr(predicate::str::contains(format!(
                "fel: --as-of {as_of} ligger långt utanför löftets period (2016-10-01 – 2017-09-30)"
            )));
        }
    }
    let dir = common::copy();
    let before = common::files(dir.path());
    bin()
        .arg("report")
        .arg(dir.path())
        .args(["--as-of", "9999-12-31"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "ligger långt utanför löftets period",
        ));
    assert_eq!(common::files(dir.path()), before, "no report written");
}

/// Usage errors, OS errors and the no-display message are Swedish: no
/// English from clap, the OS or the windowing library reaches the user.
#[test]
fn no_english_reaches_the_user() {
    let english = [
        "error:",
        "For more information",
        "Usage:",
        "try '--help'",
        "os error",
    ];
    let assert_swedish = |out: &std::process::Output| {
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        for word in english {
            assert!(!stderr.contains(word), "{word:?} in {stderr}");
        }
        stderr
    };
    let run = |args: &[&str]| {
        let out = bin().args(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        out
    };
    let stderr = assert_swedish(&run(&["status", "--format", "docx"]));
    assert!(
        stderr.contains("fel: ogiltigt värde \"docx\" för --format"),
        "{stderr}"
    );
    assert!(stderr.contains("möjliga värden: table, json"), "{stderr}");
    assert!(
        stderr.contains("Användning: medborgarlofte status"),
        "{stderr}"
    );
    let stderr = assert_swedish(&run(&["status", "--as-of", "2017-06-31"]));
    assert!(stderr.contains("juni 2017 har 30 dagar"), "{stderr}");
    let stderr = assert_swedish(&run(&["status", "--as-off", "2017-03-16"]));
    assert!(
        stderr.contains("okänt argument \"--as-off\"; menade du \"--as-of\"?"),
        "{stderr}"
    );
    let stderr = assert_swedish(&run(&["report"]));
    assert!(stderr.contains("det här saknas: <MAPP>"), "{stderr}");
    // A symlink loop: the OS says "Too many levels of symbolic links".
    #[cfg(unix)]
    {
        let dir = sample_copy();
        let ring = dir.path().join("activities/ring.ron");
        std::os::unix::fs::symlink(&ring, &ring).expect("symlink");
        let out = bin().arg("check").arg(dir.path()).output().expect("runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains(
                "ring.ron:1:1: fel: kunde inte läsas: för många nivåer av symboliska länkar"
            ),
            "{stdout}"
        );
        assert!(!stdout.contains("os error"), "{stdout}");
    }
    // Without a display: what to do, without winit's text or a source path.
    let out = bin()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .arg(sample())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = assert_swedish(&out);
    assert!(
        stderr.contains("programfönstret kunde inte öppnas: ingen grafisk skärm hittades"),
        "{stderr}"
    );
    assert!(
        !stderr.contains(".rs") && !stderr.contains("winit"),
        "{stderr}"
    );
}

/// `--meeting` with a date that does not exist says so (it is not taken
/// for the name of a meeting file).
#[test]
fn a_meeting_date_that_does_not_exist_is_told() {
    bin()
        .arg("minutes")
        .arg(sample())
        .args(["--meeting", "2017-02-30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "fel: --meeting: datumet \"2017-02-30\" finns inte (februari 2017 har 28 dagar)",
        ));
}

/// A refusing command lists the errors as `check` does: at most 100 of a
/// kind.
#[test]
fn a_refusal_lists_at_most_100_errors_of_one_kind() {
    use std::fmt::Write as _;
    let dir = common::copy();
    let mut text = String::from("(version: 1, entries: [\n");
    for i in 0..250 {
        let _ = writeln!(
            text,
            "(date: \"2017-03-01\", commitments: [\"K99\"], party: \"karlstads-kommun\", note: \"{i}\"),"
        );
    }
    text.push_str("])\n");
    std::fs::write(dir.path().join("activities/många.ron"), text).expect("write");
    let out = bin()
        .arg("report")
        .arg(dir.path())
        .args(["--format", "html"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.lines().filter(|l| l.contains("\"K99\"")).count(),
        100
    );
    assert!(stderr.contains("… och 150 till av samma slag"), "{stderr}");
    assert!(stderr.contains("lägesrapporten skrivs inte"), "{stderr}");
}

#[test]
fn a_personnummer_in_an_indicator_is_an_error_and_stops_the_status() {
    let dir = sample_copy();
    replace_in(
        &dir.path().join("pledge.ron"),
        "text: \"har minskat enligt polisens lägesbild\"",
        "text: \"har minskat enligt 811218-9876\"",
    );
    bin()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "fältet \"indicators[2].values[0].text\" innehåller ett personnummer",
        ));
    bin()
        .args(["status", "--as-of", "2017-09-30"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("811218").not())
        .stderr(predicate::str::contains("statusen skrivs inte ut"));
}

/// The sample as a Windows user's synced folder holds it (see its README):
/// names in another case, CR LF lines and a byte-order mark, and copies that
/// OneDrive, Dropbox and Explorer made. The copies are reported and not
/// counted, so its status is the sample's.
#[test]
fn a_folder_as_windows_and_onedrive_leave_it_has_the_samples_status() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/windows-folder");
    let output = bin().arg("check").arg(&fixture).output().expect("runs");
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.ends_with("12 filer kontrollerade, 392 aktiviteter: 0 fel, 4 varningar\n"),
        "{text}"
    );
    for (file, said) in [
        (
            "Activities/kommunen-LAPTOP-7.ron",
            "möjlig konfliktkopia av kommunen.ron",
        ),
        (
            "Activities/kommunen-LAPTOP-7.ron",
            "2 aktiviteter finns bara i kopian",
        ),
        ("Activities/gemensamt (1).ron", "kan tas bort"),
        ("Activities/gemensamt.ron.conflict", "kan tas bort"),
        (
            "MEETINGS/2017-06-15 (Konflikt 2024-03-01).ron",
            "skiljer sig från 2017-06-15.ron",
        ),
    ] {
        let line = format!("{}:1:1: varning: ", fixture.join(file).display());
        assert!(
            text.lines()
                .any(|l| l.starts_with(&line) && l.contains(said)),
            "{line}…{said} in\n{text}"
        );
    }
    let status = |folder: &Path| {
        let output = bin()
            .arg("status")
            .arg(folder)
            .args(["--as-of", "2017-06-15", "--format", "json"])
            .output()
            .expect("runs");
        assert!(output.status.success(), "{output:?}");
        output.stdout
    };
    assert!(status(&fixture) == status(&sample()), "the same JSON");
}

/// A folder with å, ä, ö and spaces in its name, given with a trailing
/// separator: read, and named in messages as it is spelt.
#[test]
fn a_folder_named_with_swedish_letters_is_read_and_named_in_messages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("Trygghet").join("Löfte 2024 – åäö");
    std::fs::create_dir_all(&folder).expect("mkdir");
    medborgarlofte::workspace::copy_sample_to(&folder).expect("sample copied");
    replace_in(
        &folder.join("activities/kommunen.ron"),
        r#"commitments: ["K1"]"#,
        r#"commitments: ["K9"]"#,
    );
    let mut given = folder.clone().into_os_string();
    given.push(std::path::MAIN_SEPARATOR_STR);
    bin()
        .arg("check")
        .arg(&given)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{}:",
            folder.join("activities").join("kommunen.ron").display()
        )))
        .stdout(predicate::str::contains("okänt åtagande \"K9\""));
}

/// Line and column (1-based) of `needle` in `text`.
fn position(text: &str, needle: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find_map(|(i, l)| l.find(needle).map(|b| (i + 1, l[..b].chars().count() + 1)))
        .expect("present")
}

#[test]
fn a_justerat_meeting_edited_afterwards_is_an_error_naming_what_changed() {
    let dir = common::copy();
    let march = dir.path().join("meetings/2017-03-16.ron");
    replace_in(
        &march,
        "\"öka takten till minst 15 tillsyner",
        "\"öka takten till minst 10 tillsyner",
    );
    let out = bin().arg("check").arg(dir.path()).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let (line, col) = position(
        &std::fs::read_to_string(&march).expect("read"),
        "\"öka takten till minst 10",
    );
    assert!(
        stdout.contains(&format!(
            "{}:{line}:{col}: fel: mötet har ändrats efter justeringen (§ 12, beslut 1); det som justerades stämmer inte längre med filen",
            march.display()
        )),
        "{stdout}"
    );
    assert!(stdout.contains(": 1 fel, 0 varningar"), "{stdout}");
}

#[test]
fn a_justerat_meeting_reformatted_without_changing_its_content_is_still_clean() {
    let dir = common::copy();
    let march = dir.path().join("meetings/2017-03-16.ron");
    let text = std::fs::read_to_string(&march).expect("read");
    // Another editor's layout: tabs, CRLF, spaces inside the brackets and a
    // comment of its own.
    let reformatted = text
        .replace("    ", "\t")
        .replace("(kind:", "( kind:")
        .replace('\n', "\r\n")
        .replacen(
            "(\r\n",
            "( // öppnad och sparad i en annan redigerare\r\n",
            1,
        );
    assert_ne!(reformatted, text);
    std::fs::write(&march, reformatted).expect("write");
    bin()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains(": 0 fel, 0 varningar"));
}

#[test]
fn a_justerat_meeting_set_back_by_hand_is_an_error_and_one_without_a_fingerprint_a_warning() {
    let dir = common::copy();
    let march = dir.path().join("meetings/2017-03-16.ron");
    let text = std::fs::read_to_string(&march).expect("read");
    std::fs::write(
        &march,
        text.replacen("state: Justerat,", "state: Avslutat,", 1),
    )
    .expect("write");
    let out = bin().arg("check").arg(dir.path()).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        stdout.contains("fel: mötet har justerats men är inte längre justerat, och ingen återöppning med skäl är antecknad"),
        "{stdout}"
    );
    // Justerat, but with no fingerprint (an earlier version, or by hand).
    let without = common::unjusterat(&text).replacen("state: Avslutat,", "state: Justerat,", 1);
    std::fs::write(&march, without).expect("write");
    let out = bin().arg("check").arg(dir.path()).output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        stdout.contains("varning: mötet är justerat men saknar fingeravtryck"),
        "{stdout}"
    );
}
