//! The personnummer guard end to end: a valid personnummer or
//! samordningsnummer, written in any of the ways people write them, put
//! into any string of any file kind of the sample, is reported by `check`
//! at its line, and never reaches the minutes or the public report.

use std::path::Path;

use medborgarlofte::model::{Date, ProblemKind, Severity};
use medborgarlofte::privacy::find_id_numbers;
use medborgarlofte::store::{self, Inputs, Loaded};
use medborgarlofte::{minutes, report};
use proptest::prelude::*;

mod common;

/// A string literal in RON text: the byte offset of its closing quote and
/// its 1-based line.
struct Literal {
    close: usize,
    line: usize,
}

/// Every `"…"` literal of a RON file, comments skipped.
fn literals(text: &str) -> Vec<Literal> {
    let mut out = Vec::new();
    let mut line = 1;
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '\n' => line += 1,
            '/' if chars.peek().is_some_and(|(_, n)| *n == '/') => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                        break;
                    }
                }
            }
            '/' if chars.peek().is_some_and(|(_, n)| *n == '*') => {
                let mut last = ' ';
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                    }
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '"' => {
                let start_line = line;
                let mut escaped = false;
                for (i, c) in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                    }
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        out.push(Literal {
                            close: i,
                            line: start_line,
                        });
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Ten digits YYMMDDNNNC with a correct Luhn check digit.
fn with_check_digit(nine: &[u8]) -> Vec<u8> {
    let sum: u32 = nine
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let v = u32::from(*d) * if i % 2 == 0 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    let check = u8::try_from((10 - sum % 10) % 10).expect("one digit");
    let mut ten = nine.to_vec();
    ten.push(check);
    ten
}

/// How a number is written.
#[derive(Debug, Clone)]
struct Form {
    /// Group lengths ([6, 4] is YYMMDD-NNNC).
    groups: &'static [usize],
    separator: char,
    full_width: bool,
}

const SHAPES: [&[usize]; 7] = [
    &[10],
    &[12],
    &[6, 4],
    &[8, 4],
    &[6, 2, 2],
    &[8, 2, 2],
    &[4, 2, 2, 4],
];

const SEPARATORS: [char; 7] = [
    '-', '+', '\u{2013}', '\u{2011}', '\u{2212}', '\u{00A0}', ' ',
];

/// The number written in `form`; the century is added for 12 digits.
fn written(century: u32, ten: &[u8], form: &Form) -> String {
    let mut digits: Vec<u8> = ten.to_vec();
    let total: usize = form.groups.iter().sum();
    if total == 12 {
        let c = u8::try_from(century).expect("two digits");
        digits.splice(0..0, [c / 10, c % 10]);
    }
    let mut out = String::new();
    let mut at = 0;
    for (g, len) in form.groups.iter().enumerate() {
        if g > 0 {
            // A space is no separator inside `1981-12-18-9876`.
            let sep = if form.groups.len() == 4 && form.separator.is_whitespace() {
                '-'
            } else {
                form.separator
            };
            out.push(sep);
        }
        for d in digits.get(at..at + len).expect("enough digits") {
            let c = if form.full_width {
                char::from_u32(0xFF10 + u32::from(*d)).expect("full-width digit")
            } else {
                char::from(b'0' + d)
            };
            out.push(c);
        }
        at += len;
    }
    out
}

fn load(folder: &Path) -> Loaded {
    store::load(
        Inputs::open(folder, &[]).expect("opens"),
        Date::from_ymd(2026, 1, 1).expect("date"),
    )
}

/// The files of the sample that are mutated, relative to its folder.
const FILES: [&str; 3] = [
    "pledge.ron",
    "meetings/2017-03-16.ron",
    "activities/kommunen.ron",
];

/// Puts `number` at the end of literal `index` of `file` in a fresh copy of
/// the sample; returns the copy and the literal's line.
fn planted(file: &str, index: usize, number: &str) -> (tempfile::TempDir, usize) {
    let dir = common::copy();
    let path = dir.path().join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    let all = literals(&text);
    let lit = all.get(index % all.len()).expect("a literal");
    let mut changed = text.clone();
    changed.insert_str(lit.close, &format!(" {number}"));
    std::fs::write(&path, changed).expect("write");
    (dir, lit.line)
}

/// `check` reports an error in `file` at `line`; when the file still parses,
/// it is the personnummer error itself.
fn assert_reported(loaded: &Loaded, file: &str, line: usize) {
    let here: Vec<_> = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Fel && p.file.ends_with(file) && p.line == line)
        .collect();
    assert!(
        !here.is_empty(),
        "no error at {file}:{line}: {:?}",
        loaded.problems
    );
    let parsed = !loaded
        .problems
        .iter()
        .any(|p| p.file.ends_with(file) && matches!(p.kind, ProblemKind::Syntax(_)));
    if parsed {
        assert!(
            here.iter()
                .any(|p| matches!(p.kind, ProblemKind::IdentityNumber { .. })),
            "{file}:{line}: {here:?}"
        );
    }
}

/// Neither the minutes of any meeting nor the report contain an identity
/// number: each is refused or clean.
fn assert_nothing_printed(loaded: &Loaded, with_pdf_text: bool) {
    let Some(pledge) = &loaded.pledge else {
        return;
    };
    for meeting in &loaded.meetings {
        match minutes::minutes_pdf(pledge, &loaded.meetings, meeting, &[]) {
            // Refused: for the number, or (planted where nothing prints, in
            // a justerat meeting) because the file no longer matches its
            // justering. Either way nothing is printed.
            Err(
                minutes::MinutesError::PersonalData { .. }
                | minutes::MinutesError::ChangedAfterAdjustment { .. },
            ) => {}
            Err(other) => panic!("minutes failed otherwise: {other}"),
            Ok(pdf) => {
                // What the PDF was made from holds no number …
                let printed = minutes::guard(pledge, &loaded.meetings, meeting, &[])
                    .expect("guarded as well");
                assert!(medborgarlofte::privacy::leaks(&*printed).is_empty());
                // … and neither does the text read back from it.
                if with_pdf_text {
                    let text = common::pdf_pages(&pdf).join("\n");
                    assert!(find_id_numbers(&text).is_empty(), "minutes print it");
                }
            }
        }
    }
    let as_of = Date::from_ymd(2017, 9, 30).expect("date");
    let selected = report::select(pledge, &loaded.activities, &loaded.meetings, as_of);
    match report::render(&selected, report::Format::Html) {
        Err(report::ReportError::PersonalData { .. }) => {}
        Err(other) => panic!("report failed otherwise: {other}"),
        Ok(html) => {
            let html = String::from_utf8(html).expect("utf-8");
            assert!(find_id_numbers(&html).is_empty(), "report prints it");
            if with_pdf_text {
                let pdf = report::render(&selected, report::Format::Pdf).expect("pdf too");
                let text = common::pdf_pages(&pdf).join("\n");
                assert!(find_id_numbers(&text).is_empty(), "report PDF prints it");
            }
        }
    }
}

/// Every string of the pledge and of a meeting file (and the first of an
/// activity file's), one at a time, with the Tax Agency's test number.
#[test]
fn every_string_of_every_file_kind_is_guarded() {
    for file in FILES {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("sample-data/karlstad-2016-17")
                .join(file),
        )
        .expect("sample file");
        let count = literals(&text).len().min(120);
        assert!(count > 10, "{file} has {count} strings");
        for index in 0..count {
            let (dir, line) = planted(file, index, "811218-9876");
            let loaded = load(dir.path());
            assert!(loaded.has_errors(), "{file} string {index}: no error");
            assert_reported(&loaded, file, line);
            assert_nothing_printed(&loaded, false);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// Random valid numbers in random forms in random strings.
    #[test]
    fn any_written_form_in_any_string_is_reported_and_never_printed(
        year in 30u8..100,
        month in 1u8..=12,
        day in 1u8..=28,
        serial in 0u16..1000,
        samordning in any::<bool>(),
        shape in 0..SHAPES.len(),
        separator in 0..SEPARATORS.len(),
        full_width in any::<bool>(),
        file in 0..FILES.len(),
        index in 0usize..10_000,
    ) {
        let day = if samordning { day + 60 } else { day };
        let nine = [
            year / 10, year % 10, month / 10, month % 10, day / 10, day % 10,
            u8::try_from(serial / 100).expect("digit"),
            u8::try_from(serial / 10 % 10).expect("digit"),
            u8::try_from(serial % 10).expect("digit"),
        ];
        let ten = with_check_digit(&nine);
        let form = Form {
            groups: SHAPES[shape],
            separator: SEPARATORS[separator],
            full_width,
        };
        let number = written(19, &ten, &form);
        prop_assert_eq!(find_id_numbers(&number).len(), 1, "detector: {}", number);
        let file = FILES[file];
        let (dir, line) = planted(file, index, &number);
        let loaded = load(dir.path());
        prop_assert!(loaded.has_errors());
        assert_reported(&loaded, file, line);
        assert_nothing_printed(&loaded, true);
    }
}

/// The CLI refuses the minutes and the report for a personnummer in a
/// party's name (a text the old guard never read), naming file, line and
/// field, and writes nothing.
#[test]
fn the_cli_refuses_with_file_line_and_field() {
    let dir = common::copy();
    let pledge = dir.path().join("pledge.ron");
    let text = std::fs::read_to_string(&pledge).expect("read");
    let changed = text.replacen(
        "name: \"LPO Karlstad\"",
        "name: \"LPO Karlstad 811218\u{2011}9876\"",
        1,
    );
    assert_ne!(changed, text);
    std::fs::write(&pledge, &changed).expect("write");
    let line = changed
        .lines()
        .position(|l| l.contains("811218"))
        .expect("planted")
        + 1;
    let expected = format!(
        "pledge.ron:{line}:19: fel: fältet \"parties[0].name\" innehåller ett personnummer"
    );
    for args in [
        vec!["minutes", "--meeting", "2017-03-16"],
        vec!["report", "--as-of", "2017-03-31"],
    ] {
        let (command, rest) = args.split_first().expect("a command");
        let out = common::bin()
            .arg(command)
            .arg(dir.path())
            .args(rest)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command}: {stderr}");
        assert!(stderr.contains(&expected), "{command}: {stderr}");
    }
    let written: Vec<_> = std::fs::read_dir(dir.path())
        .expect("folder")
        .chain(std::fs::read_dir(dir.path().join("meetings")).expect("meetings"))
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .collect();
    assert!(written.is_empty(), "{written:?}");
    let check = common::bin()
        .arg("check")
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stdout).contains(&expected));
}

/// The library guard alone, without `check`: a unit of a meeting snapshot
/// and a party name reach the printed minutes, so the guard refuses them
/// and says where they were written.
#[test]
fn the_minutes_guard_names_where_the_number_was_written() {
    let loaded = store::load(
        medborgarlofte::sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let mut pledge = loaded.pledge.clone().expect("pledge");
    let meeting = loaded.meetings.get(1).expect("meeting").clone();
    pledge.parties[1].name.push_str(" 19811218-9876");
    let err = minutes::guard(&pledge, &loaded.meetings, &meeting, &[]).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "protokollet skrivs inte: fältet \"parties[1].name\" i löftesfilen innehåller ett personnummer; ta bort det och försök igen"
    );
    let pledge = loaded.pledge.clone().expect("pledge");
    let mut meeting = meeting;
    let participant = meeting.participants.first_mut().expect("participant");
    participant.name.push_str(" 811278-9873");
    let err = minutes::guard(&pledge, &loaded.meetings, &meeting, &[]).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "protokollet skrivs inte: namnet på deltagare 1 innehåller ett samordningsnummer; ta bort det och försök igen"
    );
}

/// The report's guard reads every field of the selection, owners and
/// units included.
#[test]
fn the_report_guard_reads_every_field() {
    let loaded = store::load(
        medborgarlofte::sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let pledge = loaded.pledge.clone().expect("pledge");
    let as_of = Date::from_ymd(2017, 3, 31).expect("date");
    let mut selected = report::select(&pledge, &loaded.activities, &loaded.meetings, as_of);
    let commitment = selected
        .groups
        .first_mut()
        .and_then(|g| g.commitments.first_mut())
        .expect("a commitment");
    commitment.owners.push("Bolaget 811218-9876".into());
    let id = commitment.id.to_string();
    let err = report::render(&selected, report::Format::Html).expect_err("refused");
    assert_eq!(
        err.to_string(),
        format!(
            "lägesrapporten skrivs inte: en parts namn för {id} innehåller ett personnummer; ta bort det ur filerna och försök igen"
        )
    );
}

/// Status output may be redirected into a file and published, and an
/// export is a saved document: neither carries a personnummer.
#[test]
fn status_output_and_exports_refuse_a_personnummer() {
    let dir = common::copy();
    let pledge = dir.path().join("pledge.ron");
    let text = std::fs::read_to_string(&pledge).expect("read");
    let changed = text.replacen(
        "Polisen och kommunen kommer tillsammans genomföra utökade tillsyner",
        "Polisen och kommunen (811218-9876) kommer tillsammans genomföra utökade tillsyner",
        1,
    );
    assert_ne!(changed, text);
    std::fs::write(&pledge, &changed).expect("write");
    for format in ["table", "json"] {
        let out = common::bin()
            .arg("status")
            .arg(dir.path())
            .args(["--as-of", "2017-03-31", "--format", format])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(out.stdout.is_empty(), "{format}: nothing printed");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("statusen skrivs inte ut: den skulle innehålla ett personnummer"),
            "{stderr}"
        );
    }
    // The export writers refuse by themselves, whoever calls them.
    let loaded = store::load(
        medborgarlofte::sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let mut files = loaded.activities.clone();
    files[0].entries[2].note = Some("Samtal med 811218-9876".into());
    for result in [
        medborgarlofte::import::export::csv(&files),
        medborgarlofte::import::export::xlsx(&files),
    ] {
        let err = result.expect_err("refused");
        assert_eq!(
            err.to_string(),
            "kalkylarket skrivs inte: fältet \"entries[2].note\" i en aktivitetsfil innehåller ett personnummer; kör `medborgarlofte check` för var"
        );
    }
}

/// A commitment's other actors are printed in the minutes and the report,
/// so a personnummer among them refuses both, naming where it was written.
#[test]
fn a_personnummer_among_the_other_actors_refuses_the_minutes_and_the_report() {
    let mut loaded = store::load(
        medborgarlofte::sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let pledge = loaded.pledge.as_mut().expect("pledge");
    pledge.commitments[0]
        .other_actors
        .push("Föreningen 811218-9876".into());
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let err =
        minutes::guard(pledge, &loaded.meetings, &loaded.meetings[0], &[]).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "protokollet skrivs inte: fältet \"commitments[0].other_actors[0]\" i löftesfilen \
         innehåller ett personnummer; ta bort det och försök igen"
    );
    let as_of = Date::from_ymd(2017, 3, 31).expect("date");
    let selected = report::select(pledge, &loaded.activities, &loaded.meetings, as_of);
    let err = report::render(&selected, report::Format::Html).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "lägesrapporten skrivs inte: en av dem som också genomför åtagandet för G1 innehåller \
         ett personnummer; ta bort det ur filerna och försök igen"
    );
}
