//! Importing spreadsheets made in the test (CSV with semicolons and decimal
//! commas, Windows-1252 CSV, xlsx written by rust_xlsxwriter) into a copy of
//! the sample, and exporting back: where rows land, how bad rows are
//! reported, that a second import adds nothing, and that export → import
//! into an empty copy gives the same status.

use std::path::Path;

use medborgarlofte::model::Date;
use medborgarlofte::store;
use predicates::prelude::*;

mod common;
use common::{bin, copy};

/// `medborgarlofte import FOLDER FILE [extra…]`.
fn import(dir: &Path, file: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    bin().arg("import").arg(dir).arg(file).args(extra).assert()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable")
}

fn entries(dir: &Path) -> usize {
    let loaded = store::load(
        store::Inputs::open(dir, &[]).expect("folder"),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    loaded.activities.iter().map(|f| f.entries.len()).sum()
}

const CSV: &str = "Datum;Löfte;Myndighet;Antal;Enhet;Plats;Kommentar\n\
    2017-03-14;K1;Kommunen;2;tillsyner;Herrhagen;Kvällstillsyn på två restauranger.\n\
    2017-03-15;P1;Polisen;4,5;timmar;Kungsgatan;Fotpatrull.\n\
    \n\
    2017-03-16;P1;Polisen;ca 3,5;timmar;Stora torget;\n";

#[test]
fn a_semicolon_csv_lands_in_each_partys_file_and_only_adds_lines() {
    let dir = copy();
    let csv = dir.path().join("logg.csv");
    std::fs::write(&csv, CSV).expect("write");
    let kommunen = dir.path().join("activities/kommunen.ron");
    let polisen = dir.path().join("activities/polisen.ron");
    let (k_before, p_before) = (read(&kommunen), read(&polisen));
    let before = entries(dir.path());
    import(dir.path(), &csv, &[])
        .code(0)
        .stdout(predicate::str::contains(
            "Kolumner: datum=A (Datum), åtagande=B (Löfte), part=C (Myndighet)",
        ))
        .stdout(predicate::str::contains(
            "3 rader importerade, 0 fanns redan",
        ))
        .stdout(predicate::str::contains("1 till"))
        .stdout(predicate::str::contains("2 till"));
    assert_eq!(entries(dir.path()), before + 3);
    let (k_after, p_after) = (read(&kommunen), read(&polisen));
    // Only appended: the old entries and the header are byte for byte there.
    let head = |t: &str| t[..t.rfind("),").expect("an entry") + 2].to_owned();
    assert!(k_after.starts_with(&head(&k_before)));
    assert!(p_after.starts_with(&head(&p_before)));
    assert!(k_after.contains("place: \"Herrhagen\""));
    assert!(p_after.contains("amount: 4.5"), "decimal comma read");
    assert!(
        p_after.contains("qualifier: Cirka"),
        "\"ca 3,5\" is about 3.5"
    );
    // The same file again adds nothing.
    import(dir.path(), &csv, &[])
        .code(0)
        .stdout(predicate::str::contains(
            "0 rader importerade, 3 fanns redan",
        ));
    assert_eq!(read(&kommunen), k_after);
    assert_eq!(entries(dir.path()), before + 3);
}

#[test]
fn a_windows_1252_csv_keeps_its_swedish_letters() {
    let dir = copy();
    let csv = dir.path().join("excel.csv");
    // As Excel in Sweden saves "CSV (semikolonavgränsad)".
    let text = "Datum;Åtagande;Antal;Plats;Anteckning\r\n2017-04-02;K1;1;Våxnäs;Tillsyn på krog i Våxnäs.\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    std::fs::write(&csv, &bytes).expect("write");
    import(dir.path(), &csv, &[])
        .code(0)
        .stdout(predicate::str::contains("1 rad importerade"));
    let kommunen = read(&dir.path().join("activities/kommunen.ron"));
    assert!(
        kommunen.contains("place: \"Våxnäs\",\n            note: \"Tillsyn på krog i Våxnäs.\"")
    );
}

#[test]
fn bad_rows_are_reported_by_row_and_column_and_nothing_is_imported() {
    let dir = copy();
    let csv = dir.path().join("fel.csv");
    std::fs::write(
        &csv,
        "Datum;Åtagande;Part;Antal;Plats;Kommentar\n\
         2017-03-14;K1;kommunen;2;Herrhagen;\n\
         2017-13-01;K1;kommunen;1;Herrhagen;\n\
         2017-03-16;K9;kommunen;1;Herrhagen;\n\
         2017-03-17;K1;kommunen;-1;Herrhagen;\n\
         2017-03-18;K1;kommunen;1;Herrhagen;Kontroll av 19811218-9876\n",
    )
    .expect("write");
    let before = entries(dir.path());
    let kommunen = read(&dir.path().join("activities/kommunen.ron"));
    import(dir.path(), &csv, &[])
        .code(1)
        .stdout(predicate::str::contains(
            "rad 3, kolumn A (Datum): fel: datumet \"2017-13-01\" finns inte (månad 13 finns inte)",
        ))
        .stdout(predicate::str::contains(
            "rad 4, kolumn B (Åtagande): fel: okänt åtagande \"K9\"",
        ))
        .stdout(predicate::str::contains("rad 5, kolumn D (Antal): fel:"))
        .stdout(predicate::str::contains(
            "rad 6, kolumn F (Kommentar): fel:",
        ))
        .stdout(predicate::str::contains("personnummer"))
        .stderr(predicate::str::contains(
            "inget importerades: 4 av 5 rader har fel",
        ));
    assert_eq!(entries(dir.path()), before);
    assert_eq!(read(&dir.path().join("activities/kommunen.ron")), kommunen);
    // The user may choose to import the valid rows only.
    import(dir.path(), &csv, &["--only-valid"])
        .code(0)
        .stdout(predicate::str::contains("1 rad importerade, 0 fanns redan och hoppades över, 0 flaggade som möjliga dubbletter, 4 med fel importerades inte"));
    assert_eq!(entries(dir.path()), before + 1);
}

/// An xlsx with real date cells and numbers, in a sheet that is not the
/// first, with headings the import does not know (mapped with --columns).
fn xlsx_log(path: &Path, rows: u32) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut workbook = Workbook::new();
    let first = workbook.add_worksheet();
    first.set_name("Instruktioner").expect("name");
    first
        .write_string(0, 0, "Fyll i bladet Logg.")
        .expect("write");
    let sheet = workbook.add_worksheet();
    sheet.set_name("Logg").expect("name");
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    for (col, heading) in ["När", "Vad", "Hur många", "Var"].iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(col).expect("col"), *heading)
            .expect("heading");
    }
    for row in 1..=rows {
        let day = u8::try_from(1 + row % 28).expect("day");
        let date = ExcelDateTime::from_ymd(2017, 5, day).expect("date");
        sheet
            .write_datetime_with_format(row, 0, &date, &date_format)
            .expect("date");
        sheet.write_string(row, 1, "P1").expect("id");
        sheet
            .write_number(row, 2, f64::from(row % 5 + 1))
            .expect("n");
        sheet.write_string(row, 3, "Kronoparken").expect("place");
    }
    workbook.save(path).expect("saved");
}

#[test]
fn an_xlsx_sheet_with_dates_and_a_column_mapping() {
    let dir = copy();
    let xlsx = dir.path().join("logg.xlsx");
    xlsx_log(&xlsx, 20);
    let before = entries(dir.path());
    // Unknown headings: the import says which columns are missing.
    import(dir.path(), &xlsx, &["--sheet", "Logg"])
        .code(1)
        .stdout(predicate::str::contains(
            "ingen kolumn för datum och åtagande",
        ));
    import(
        dir.path(),
        &xlsx,
        &[
            "--sheet",
            "logg",
            "--columns",
            "datum=A, åtagande=B, antal=C, plats=Var",
        ],
    )
    .code(0)
    .stdout(predicate::str::contains("20 rader importerade"));
    assert_eq!(entries(dir.path()), before + 20);
    let polisen = read(&dir.path().join("activities/polisen.ron"));
    assert!(polisen.contains("date: \"2017-05-02\""));
    assert!(polisen.contains("unit: \"timmar\""), "P1's target unit");
    import(dir.path(), &xlsx, &["--sheet", "Saknas"])
        .code(2)
        .stderr(predicate::str::contains("bladet \"Saknas\" finns inte"))
        .stderr(predicate::str::contains("Instruktioner, Logg"));
}

#[test]
fn export_then_import_into_an_empty_copy_gives_the_same_status() {
    for format in ["xlsx", "csv"] {
        let dir = copy();
        let file = dir.path().join(format!("alla.{format}"));
        bin()
            .arg("export")
            .arg(dir.path())
            .args(["--format", format, "-o"])
            .arg(&file)
            .assert()
            .code(0)
            .stdout(predicate::str::contains("392 aktiviteter exporterades"));
        let empty = tempfile::tempdir().expect("dir");
        std::fs::copy(
            dir.path().join("pledge.ron"),
            empty.path().join("pledge.ron"),
        )
        .expect("pledge");
        let meetings = empty.path().join("meetings");
        std::fs::create_dir(&meetings).expect("dir");
        for m in std::fs::read_dir(dir.path().join("meetings")).expect("meetings") {
            let m = m.expect("entry").path();
            if m.extension().is_some_and(|e| e == "ron") {
                std::fs::copy(&m, meetings.join(m.file_name().expect("name"))).expect("copy");
            }
        }
        import(empty.path(), &file, &[])
            .code(0)
            .stdout(predicate::str::contains("392 rader importerade"));
        assert_eq!(
            common::status_json(empty.path(), "2017-09-30"),
            common::status_json(dir.path(), "2017-09-30"),
            "{format}"
        );
        // And importing the export into the original adds nothing.
        import(dir.path(), &file, &[])
            .code(0)
            .stdout(predicate::str::contains(
                "0 rader importerade, 392 fanns redan",
            ));
    }
}

#[test]
fn a_dry_run_writes_nothing_and_unknown_files_are_refused() {
    let dir = copy();
    let csv = dir.path().join("logg.csv");
    std::fs::write(&csv, CSV).expect("write");
    let before = entries(dir.path());
    import(dir.path(), &csv, &["--dry-run"])
        .code(0)
        .stdout(predicate::str::contains(
            "Provkörning, inget skrevs: 3 rader skulle importeras",
        ));
    assert_eq!(entries(dir.path()), before);
    let odd = dir.path().join("logg.docx");
    std::fs::write(&odd, "x").expect("write");
    import(dir.path(), &odd, &[])
        .code(2)
        .stderr(predicate::str::contains("okänd filtyp"));
    import(dir.path(), &csv, &["--party", "brandkåren"])
        .code(2)
        .stderr(predicate::str::contains(
            "--party: okänd part \"brandkåren\"",
        ));
}

// ---- Imports respect the files, and are all or nothing (issue 14) ----

/// A write-protected activity file is not written: exit 1, a Swedish
/// message, and no file of the folder changed (also the other party's).
#[cfg(unix)]
#[test]
fn a_write_protected_activity_file_refuses_the_import() {
    use std::os::unix::fs::PermissionsExt;
    let dir = copy();
    let csv = dir.path().join("logg.csv");
    std::fs::write(&csv, CSV).expect("write");
    let polisen = dir.path().join("activities/polisen.ron");
    std::fs::set_permissions(&polisen, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = common::files(dir.path());
    import(dir.path(), &csv, &[])
        .code(1)
        .stderr(predicate::str::contains(
            "polisen.ron är skrivskyddad och ändras inte; inget sparades",
        ));
    assert_eq!(common::files(dir.path()), before);
    let mode = std::fs::metadata(&polisen)
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o444);
}

/// An activity file that is a symlink to a shared file: the rows go into
/// the shared file, saved next to it, and the link stays a link.
#[cfg(unix)]
#[test]
fn rows_for_a_symlinked_activity_file_go_into_its_target() {
    let dir = copy();
    let shared = tempfile::tempdir().expect("dir");
    let link = dir.path().join("activities/polisen.ron");
    let target = shared.path().join("polisen-delad.ron");
    std::fs::rename(&link, &target).expect("move");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let before = read(&target);
    let csv = dir.path().join("logg.csv");
    std::fs::write(&csv, CSV).expect("write");
    import(dir.path(), &csv, &[])
        .code(0)
        .stdout(predicate::str::contains("3 rader importerade"));
    assert!(std::fs::symlink_metadata(&link).expect("meta").is_symlink());
    assert_eq!(std::fs::read_link(&link).expect("link"), target);
    let after = read(&target);
    assert!(after.len() > before.len() && after.contains("Fotpatrull."));
    let names: Vec<_> = std::fs::read_dir(shared.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
}

/// Temporary files that a killed save left behind are removed by the next
/// save in that folder, once they are old enough not to be a colleague's
/// save in progress; a journal committed before the kill is finished.
#[test]
fn the_next_import_cleans_up_and_finishes_what_a_killed_one_left() {
    let dir = copy();
    let activities = dir.path().join("activities");
    let stale = activities.join(".medborgarlofte-abc123.tmp");
    let fresh = activities.join(".medborgarlofte-def456.tmp");
    for path in [&stale, &fresh] {
        std::fs::write(path, "halv").expect("write");
    }
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_hours(1);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .and_then(|f| f.set_modified(hour_ago))
        .expect("mtime");
    let csv = dir.path().join("logg.csv");
    std::fs::write(&csv, CSV).expect("write");
    import(dir.path(), &csv, &[]).code(0);
    assert!(!stale.exists(), "the stale temporary file is removed");
    assert!(
        fresh.exists(),
        "a fresh one may be someone's save in progress"
    );
}

/// One typo in one activity file hides its entries: import and export
/// refuse, listing the error, instead of importing them twice or
/// exporting a part.
#[test]
fn import_and_export_refuse_a_folder_with_load_errors() {
    let dir = copy();
    let csv = dir.path().join("logg.csv");
    std::fs::write(&csv, CSV).expect("write");
    let kommunen = dir.path().join("activities/kommunen.ron");
    let text = read(&kommunen);
    std::fs::write(&kommunen, text.replacen("entries:", "entries ", 1)).expect("write");
    let before = common::files(dir.path());
    import(dir.path(), &csv, &[])
        .code(1)
        .stderr(predicate::str::contains("kommunen.ron:"))
        .stderr(predicate::str::contains(
            "inget importerades eftersom filerna i mappen har fel",
        ));
    let out = dir.path().join("alla.xlsx");
    bin()
        .arg("export")
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("kommunen.ron:"))
        .stderr(predicate::str::contains("inget exporterades"));
    assert_eq!(common::files(dir.path()), before, "nothing written");
}

/// Entries per activity file name, as loading sees them.
#[cfg(all(unix, feature = "system-tests"))]
fn entries_per_file(dir: &Path) -> std::collections::BTreeMap<String, usize> {
    let loaded = store::load(
        store::Inputs::open(dir, &[]).expect("folder"),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    loaded
        .activity_files()
        .map(|(path, file)| {
            let name = path.file_name().expect("a name").to_string_lossy();
            (name.into_owned(), file.entries.len())
        })
        .collect()
}

/// 600 rows, alternately for the municipality's and the police's file.
#[cfg(all(unix, feature = "system-tests"))]
fn two_party_csv() -> String {
    use std::fmt::Write as _;
    let mut csv = String::from("Datum;Löfte;Myndighet;Antal;Enhet;Plats;Kommentar\n");
    for i in 0..600u32 {
        let day = 1 + i % 28;
        let month = 3 + (i / 28) % 6;
        let _ = if i % 2 == 0 {
            writeln!(
                csv,
                "2017-{month:02}-{day:02};K1;Kommunen;{};tillsyner;Herrhagen;Tillsyn nr {i}.",
                1 + i % 3
            )
        } else {
            writeln!(
                csv,
                "2017-{month:02}-{day:02};P1;Polisen;{};timmar;Kungsgatan;Patrull nr {i}.",
                1 + i % 4
            )
        };
    }
    csv
}

/// SIGKILL at random moments of an import that writes two files, 50 times: every folder afterwards checks clean, and
/// its entries per file are those from before or those from after, never
/// a mix. The next import then finishes the job.
#[cfg(all(unix, feature = "system-tests"))]
#[test]
fn an_import_killed_at_any_moment_leaves_the_state_before_or_after() {
    use std::time::Instant;
    let csv = two_party_csv();
    let run = |dir: &Path| {
        std::process::Command::new(common::bin_path())
            .arg("import")
            .arg(dir)
            .arg(dir.join("logg.csv"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawned")
    };
    let fresh = || {
        let dir = copy();
        std::fs::write(dir.path().join("logg.csv"), &csv).expect("write");
        dir
    };
    let template = fresh();
    let before = entries_per_file(template.path());
    let started = Instant::now();
    assert!(run(template.path()).wait().expect("ran").success());
    let duration = started.elapsed();
    let after = entries_per_file(template.path());
    assert_ne!(before, after);
    let mut seed = u64::from(std::process::id())
        ^ u64::from(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .expect("time")
                .subsec_nanos(),
        );
    let mut random = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % 10_000) as f64 / 10_000.0
    };
    let (mut saw_before, mut saw_after, mut mid_write) = (0, 0, 0);
    for round in 0..50 {
        let dir = fresh();
        let mut child = run(dir.path());
        if round % 3 == 0 {
            // Anywhere in the run.
            std::thread::sleep(duration.mul_f64(1.2 * random()));
        } else {
            // Most of the run is reading; aim at the writing: once the
            // journal appears, within the next few milliseconds.
            let journal = dir.path().join(".medborgarlofte-journal.json");
            let waited = Instant::now();
            while !journal.exists() && waited.elapsed() < duration * 3 {
                std::thread::sleep(std::time::Duration::from_micros(50));
            }
            std::thread::sleep(std::time::Duration::from_secs_f64(0.004 * random()));
            if journal.exists() {
                mid_write += 1;
            }
        }
        let _ = child.kill();
        let _ = child.wait();
        let now = entries_per_file(dir.path());
        assert!(now == before || now == after, "round {round}: {now:?}");
        if now == before {
            saw_before += 1;
        } else {
            saw_after += 1;
        }
        bin()
            .arg("check")
            .arg(dir.path())
            .assert()
            .code(0)
            .stdout(predicate::str::contains(": 0 fel"));
        if round % 10 == 0 {
            // The next import completes it: the state after, exactly once.
            import(dir.path(), &dir.path().join("logg.csv"), &[]).code(0);
            assert_eq!(entries_per_file(dir.path()), after, "round {round}");
            let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("activities"))
                .expect("dir")
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".staged"))
                .collect();
            assert!(leftovers.is_empty(), "{leftovers:?}");
        }
    }
    eprintln!(
        "killed 50 imports: {saw_before} before, {saw_after} after, {mid_write} while the journal \
         was there (a full run took {duration:?})"
    );
    assert!(mid_write > 0, "no kill hit the writing");
}

/// A spreadsheet larger than the stated limit (64 MB) or a folder is
/// refused without being read; a broken workbook gets a Swedish message.
#[test]
fn oversized_special_and_broken_spreadsheets_are_refused() {
    let dir = copy();
    let before = common::files(dir.path());
    let big = tempfile::tempdir().expect("dir");
    let huge = big.path().join("stor.csv");
    // Sparse: 65 MB without writing them.
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(65_000_000))
        .expect("sparse file");
    import(dir.path(), &huge, &[])
        .code(2)
        .stderr(predicate::str::contains(
            "stor.csv är för stor (65 MB; högst 64 MB läses)",
        ));
    let folder = big.path().join("mapp.xlsx");
    std::fs::create_dir(&folder).expect("mkdir");
    import(dir.path(), &folder, &[])
        .code(2)
        .stderr(predicate::str::contains(
            "mapp.xlsx läses inte: det är en mapp",
        ));
    for (name, kind) in [("trasig.xlsx", "xlsx-fil"), ("trasig.ods", "ods-fil")] {
        let broken = big.path().join(name);
        std::fs::write(&broken, "PK inte alls en zip").expect("write");
        import(dir.path(), &broken, &[])
            .code(2)
            .stderr(predicate::str::contains(format!(
                "filen är inte en giltig {kind}"
            )))
            .stderr(predicate::str::contains("EOCD").not());
    }
    assert_eq!(common::files(dir.path()), before);
}

/// A FIFO as the spreadsheet is refused at once, never opened (it would
/// block for ever).
#[cfg(all(unix, feature = "system-tests"))]
#[test]
fn a_fifo_as_the_spreadsheet_is_refused_unread() {
    let dir = copy();
    let fifo = dir.path().join("rör.csv");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    bin()
        .arg("import")
        .arg(dir.path())
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "rör.csv läses inte: det är en namngiven rörledning (FIFO)",
        ));
}

/// Notes that a spreadsheet would run as formulas are exported to CSV with a
/// leading apostrophe (OWASP), and the import removes it again: an export
/// of them imports back unchanged. The xlsx export writes them as plain
/// strings and reads back unchanged too.
#[test]
fn csv_export_neutralises_formulas_and_imports_them_back_unchanged() {
    let dir = copy();
    let kommunen = dir.path().join("activities/kommunen.ron");
    let mut text = read(&kommunen);
    let notes = [
        (
            "=HYPERLINK(\\\"http://x.se\\\";\\\"klicka\\\")",
            "=HYPERLINK(\"http://x.se\";\"klicka\")",
        ),
        ("+46 54 123 45", "+46 54 123 45"),
        ("-5 grader ute", "-5 grader ute"),
        ("@SUM(A1:A9)", "@SUM(A1:A9)"),
        ("\\tindraget", "\tindraget"),
        ("\\rretur", "\rretur"),
        ("'=redan med apostrof", "'=redan med apostrof"),
    ];
    for (ron, _) in &notes {
        text = text.replacen(
            "note: \"Uppföljande tillsyn efter tidigare anmärkning.\"",
            &format!("note: \"{ron}\""),
            1,
        );
    }
    std::fs::write(&kommunen, text).expect("write");
    let notes_in = |dir: &Path| -> Vec<String> {
        let loaded = store::load(
            store::Inputs::open(dir, &[]).expect("folder"),
            Date::from_ymd(2026, 1, 1).expect("date"),
        );
        let mut all: Vec<String> = loaded
            .activities
            .iter()
            .flat_map(|f| &f.entries)
            .filter_map(|e| e.note.clone())
            .collect();
        all.sort();
        all
    };
    let original = notes_in(dir.path());
    for (_, note) in &notes {
        assert!(original.contains(&note.to_string()), "{note:?} in the copy");
    }
    for format in ["csv", "xlsx"] {
        let file = dir.path().join(format!("alla.{format}"));
        bin()
            .arg("export")
            .arg(dir.path())
            .args(["--format", format, "-o"])
            .arg(&file)
            .assert()
            .code(0);
        if format == "csv" {
            let csv = read(&file);
            for cell in [
                "\"'=HYPERLINK(\"\"http://x.se\"\";\"\"klicka\"\")\"",
                ";'+46 54 123 45;",
                ";'-5 grader ute;",
                ";'@SUM(A1:A9);",
                ";'\tindraget;",
                "\"'\rretur\"",
                ";''=redan med apostrof;",
            ] {
                assert!(csv.contains(cell), "{cell:?} in the CSV");
            }
        }
        let empty = tempfile::tempdir().expect("dir");
        std::fs::copy(
            dir.path().join("pledge.ron"),
            empty.path().join("pledge.ron"),
        )
        .expect("pledge");
        import(empty.path(), &file, &[]).code(0);
        // The import trims every cell, so a leading tab or CR goes (as it
        // always did); everything else comes back as it was.
        let mut trimmed: Vec<String> = original.iter().map(|n| n.trim().to_owned()).collect();
        trimmed.sort();
        assert_eq!(notes_in(empty.path()), trimmed, "{format}");
    }
}

/// Dates Excel cannot hold (before 1900-03-01, year 0) are refused by the
/// export, in Swedish and before anything is written, and by the import as
/// row errors: 1900-01-01 never comes back as 1899-12-31.
#[test]
fn dates_excel_cannot_hold_are_refused_both_ways() {
    let dir = copy();
    let kommunen = dir.path().join("activities/kommunen.ron");
    let text = read(&kommunen).replacen("date: \"2016-10-08\"", "date: \"1900-01-01\"", 1);
    std::fs::write(&kommunen, text).expect("write");
    let before = common::files(dir.path());
    for format in ["xlsx", "csv"] {
        bin()
            .arg("export")
            .arg(dir.path())
            .args(["--format", format])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "datumet 1900-01-01 ligger före 1900-03-01, och så tidiga datum kan Excel inte visa rätt",
            ))
            .stderr(predicate::str::contains("Error").not());
    }
    assert_eq!(common::files(dir.path()), before, "no export written");

    let dir = copy();
    let csv = dir.path().join("gamla.csv");
    std::fs::write(
        &csv,
        "Datum;Åtagande;Antal\n1900-01-01;K1;1\n0000-05-01;K1;1\n1.2.1900;K1;1\n",
    )
    .expect("write");
    let assert = import(dir.path(), &csv, &[]).code(1);
    let out = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    for row in 2..=4 {
        assert!(
            out.contains(&format!("rad {row}, kolumn A (Datum): fel: ")),
            "row {row}: {out}"
        );
    }
    assert_eq!(
        out.matches("kan Excel inte visa rätt; rätta datumet")
            .count(),
        3,
        "{out}"
    );
    // An xlsx date cell with serial 1 (Excel shows 1900-01-01).
    let xlsx = dir.path().join("gamla.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    sheet.write_string(0, 0, "Datum").expect("write");
    sheet.write_string(0, 1, "Åtagande").expect("write");
    sheet
        .write_number_with_format(1, 0, 1.0, &date)
        .expect("write");
    sheet.write_string(1, 1, "K1").expect("write");
    workbook.save(&xlsx).expect("saved");
    import(dir.path(), &xlsx, &[])
        .code(1)
        .stdout(predicate::str::contains(
            "rad 2, kolumn A (Datum): fel: datum före 1900-03-01 kan Excel inte visa rätt",
        ))
        .stdout(predicate::str::contains("1899-12-31").not());
}

/// The import words date problems as `check` does, and never asks for
/// ÅÅÅÅ-MM-DD for a date already written so; a CSV with NUL bytes or with
/// nothing under its headings is told so, not "1 av 0 rader har fel".
#[test]
fn import_messages_name_the_real_problem() {
    let dir = copy();
    let csv = dir.path().join("datum.csv");
    std::fs::write(
        &csv,
        "Datum;Åtagande;Antal\n2017-02-29;K1;1\n29/2/2017;K1;1\n2017-13-01;K1;1\n",
    )
    .expect("write");
    let assert = import(dir.path(), &csv, &[]).code(1);
    let out = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(
        out.contains(
            "rad 2, kolumn A (Datum): fel: datumet \"2017-02-29\" finns inte (februari 2017 har 28 dagar)"
        ),
        "{out}"
    );
    assert!(
        out.contains("rad 3, kolumn A (Datum): fel: datumet \"29/2/2017\" finns inte (februari 2017 har 28 dagar)"),
        "{out}"
    );
    assert!(
        out.contains(
            "rad 4, kolumn A (Datum): fel: datumet \"2017-13-01\" finns inte (månad 13 finns inte)"
        ),
        "{out}"
    );
    assert!(!out.contains("skriv ÅÅÅÅ-MM-DD"), "{out}");

    let nul = dir.path().join("nul.csv");
    std::fs::write(&nul, b"Datum;\x00\x00;Antal\n2017-03-01;K1\x00;1\n").expect("write");
    import(dir.path(), &nul, &[])
        .code(2)
        .stderr(predicate::str::contains(
            "nul.csv är ingen textfil (den innehåller NUL-tecken)",
        ))
        .stderr(predicate::str::contains("av 0 rader").not());
    let headings = dir.path().join("rubriker.csv");
    std::fs::write(&headings, "Datum;Åtagande;Antal\n").expect("write");
    import(dir.path(), &headings, &[])
        .code(1)
        .stderr(predicate::str::contains("har inga rader under rubrikraden"));
    let unknown = dir.path().join("okanda.csv");
    std::fs::write(&unknown, "När;Vad\n2017-03-01;K1\n").expect("write");
    import(dir.path(), &unknown, &[])
        .code(1)
        .stderr(predicate::str::contains(
            "kolumnerna i kalkylarket känns inte igen",
        ))
        .stderr(predicate::str::contains("av 1 rader").not());
    // UTF-16 with a BOM, as Excel's "Unicode-text", is read, not refused.
    let utf16 = dir.path().join("unicode.csv");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Datum;Åtagande;Antal;Plats\n2017-03-14;K1;1;Våxnäs\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).expect("write");
    import(dir.path(), &utf16, &[])
        .code(0)
        .stdout(predicate::str::contains("1 rad importerade"));
}
