//! Every validation rule, with the exact file, line and column asserted.

use medborgarlofte::model::{Date, ProblemKind, Severity};
use medborgarlofte::store::{self, Inputs, Loaded, Source};

const PLEDGE: &str = r#"(
    version: 1,
    title: "Testlöfte",
    parties: [
        (id: "polis", name: "LPO Test", kind: Polis),
        (id: "kommun", name: "Testkommun", kind: Kommun),
    ],
    convener: "polis",
    communication_lead: "polis",
    period: (start: "2016-10-01", end: "2017-09-30"),
    problem_areas: [(number: 3, title: "Narkotika", focus: true)],
    commitments: [
        (
            id: "G1",
            text: "Gemensamma tillsyner.",
            owners: ["polis", "kommun"],
            problem_areas: [3],
            target: (shape: Total(amount: 24), unit: "tillsyner"),
        ),
        (id: "P4", text: "Beivra förtäring.", owners: ["polis"]),
        (id: "K1", text: "Kommunens tillsyner.", owners: ["kommun"]),
    ],
)
"#;

fn today() -> Date {
    "2017-06-01".parse().expect("valid")
}

fn load(pledge: &str, activities: &[&str]) -> Loaded {
    store::load(
        Inputs {
            pledge: Source::from_text("mapp/pledge.ron", pledge),
            activities: activities
                .iter()
                .enumerate()
                .map(|(i, text)| Source::from_text(format!("mapp/activities/a{i}.ron"), *text))
                .collect(),
            meetings: Vec::new(),
        },
        today(),
    )
}

/// Line and column (1-based, in characters) of the only occurrence of `needle`.
fn pos(text: &str, needle: &str) -> (usize, usize) {
    assert_eq!(text.matches(needle).count(), 1, "{needle:?} must be unique");
    let offset = text.find(needle).expect("present");
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn activities(entries: &str) -> String {
    format!("(\n    version: 1,\n    entries: [\n{entries}    ],\n)\n")
}

/// The single problem matching `pred`, with its position.
fn only(loaded: &Loaded, pred: impl Fn(&ProblemKind) -> bool) -> &medborgarlofte::model::Problem {
    let found: Vec<_> = loaded.problems.iter().filter(|p| pred(&p.kind)).collect();
    assert_eq!(found.len(), 1, "problems: {:#?}", loaded.problems);
    found[0]
}

#[test]
fn the_base_files_are_clean() {
    let a = activities(
        "        (date: \"2016-11-04\", commitments: [\"G1\"], party: \"polis\", quantity: (amount: 2, unit: \"tillsyner\")),\n",
    );
    let loaded = load(PLEDGE, &[&a]);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert!(loaded.pledge.is_some());
}

#[test]
fn ron_syntax_error_has_position_and_swedish_text() {
    let broken = PLEDGE.replace("title: \"Testlöfte\",", "title: \"Testlöfte\"");
    let loaded = load(&broken, &[]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::Syntax(_)));
    assert_eq!(p.file, "mapp/pledge.ron");
    assert_eq!((p.line, p.col), pos(&broken, "parties:"));
    assert_eq!(p.severity, Severity::Fel);
    assert!(
        p.to_string().starts_with("mapp/pledge.ron:4:5: fel: "),
        "{p}"
    );
    assert!(loaded.pledge.is_none());
}

#[test]
fn unknown_field_is_an_error_with_a_suggestion() {
    let typo = PLEDGE.replace("convener:", "convenor:");
    let loaded = load(&typo, &[]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::Syntax(_)));
    assert_eq!((p.line, p.col), pos(&typo, "convenor"));
    let message = p.message();
    assert!(message.contains("okänt fält \"convenor\""), "{message}");
    assert!(message.contains("menade du `convener`?"), "{message}");
}

#[test]
fn missing_field_is_named() {
    let missing = PLEDGE.replace(
        "    period: (start: \"2016-10-01\", end: \"2017-09-30\"),\n",
        "",
    );
    let loaded = load(&missing, &[]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::Syntax(_)));
    assert!(p.message().contains("fältet `period` saknas"), "{p}");
}

#[test]
fn a_pledge_need_not_name_its_convener_or_communication_lead() {
    // Many pledges do not say who convenes; a file without either loads
    // clean, and one that names them (without `implicit_some`) still does.
    let without = PLEDGE
        .replace("    convener: \"polis\",\n", "")
        .replace("    communication_lead: \"polis\",\n", "");
    let loaded = load(&without, &[]);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let pledge = loaded.pledge.expect("loads");
    assert_eq!(pledge.convener, None);
    assert_eq!(pledge.communication_lead, None);
    let named = load(PLEDGE, &[]).pledge.expect("loads");
    assert_eq!(
        named
            .convener
            .as_ref()
            .map(medborgarlofte::model::PartyId::as_str),
        Some("polis")
    );
    // An unknown one is still an error at its place.
    let unknown = PLEDGE.replace("    convener: \"polis\",", "    convener: \"polisen\",");
    let loaded = load(&unknown, &[]);
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.to_string().contains("polisen")),
        "{:#?}",
        loaded.problems
    );
}

#[test]
fn impossible_dates_are_errors_at_the_date() {
    let a =
        activities("        (date: \"2017-06-31\", commitments: [\"G1\"], party: \"polis\"),\n");
    let loaded = load(PLEDGE, &[&a]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::Syntax(_)));
    assert_eq!(p.file, "mapp/activities/a0.ron");
    // ron reports the end of the string value for custom errors: the date's line.
    assert_eq!(p.line, pos(&a, "2017-06-31").0);
    assert!(
        p.message()
            .contains("datumet \"2017-06-31\" finns inte (juni 2017 har 30 dagar)"),
        "{p}"
    );
}

#[test]
fn unknown_commitment_suggests_the_closest() {
    let a =
        activities("        (date: \"2016-11-04\", commitments: [\"P5\"], party: \"polis\"),\n");
    let loaded = load(PLEDGE, &[&a]);
    let p = only(&loaded, |k| {
        matches!(k, ProblemKind::UnknownCommitment { .. })
    });
    assert_eq!((p.line, p.col), pos(&a, "\"P5\""));
    assert_eq!(p.severity, Severity::Fel);
    assert_eq!(p.message(), "okänt åtagande \"P5\" — menade du \"P4\"?");
}

#[test]
fn duplicate_commitment_ids() {
    let dup = PLEDGE.replace("(id: \"K1\"", "(id: \"P4\"");
    let loaded = load(&dup, &[]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::DuplicateId { .. }));
    let second = dup.rfind("\"P4\"").expect("present");
    let line = dup[..second].matches('\n').count() + 1;
    assert_eq!(p.line, line);
    assert_eq!(
        p.message(),
        "åtagande \"P4\" finns redan; id måste vara unika"
    );
}

#[test]
fn unknown_party_in_owners_and_in_activities() {
    let bad_owner = PLEDGE.replace("owners: [\"kommun\"]", "owners: [\"komun\"]");
    let loaded = load(&bad_owner, &[]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::UnknownParty { .. }));
    assert_eq!((p.line, p.col), pos(&bad_owner, "\"komun\""));
    assert_eq!(p.message(), "okänd part \"komun\" — menade du \"kommun\"?");

    let a = activities(
        "        (date: \"2016-11-04\", commitments: [\"K1\"], party: \"landstinget\"),\n",
    );
    let loaded = load(PLEDGE, &[&a]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::UnknownParty { .. }));
    assert_eq!((p.line, p.col), pos(&a, "\"landstinget\""));
    assert_eq!(p.message(), "okänd part \"landstinget\"");
}

#[test]
fn commitment_without_owner() {
    let none = PLEDGE.replace("owners: [\"kommun\"]", "owners: []");
    let loaded = load(&none, &[]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::NoOwner(_)));
    assert_eq!((p.line, p.col), pos(&none, "[]"));
    assert_eq!(p.severity, Severity::Fel);
}

#[test]
fn dates_outside_the_period_and_in_the_future_are_warnings() {
    let a = activities(concat!(
        "        (date: \"2016-09-30\", commitments: [\"K1\"], party: \"kommun\"),\n",
        "        (date: \"2017-06-02\", commitments: [\"K1\"], party: \"kommun\"),\n",
    ));
    let loaded = load(PLEDGE, &[&a]);
    let outside = only(&loaded, |k| matches!(k, ProblemKind::OutsidePeriod { .. }));
    assert_eq!((outside.line, outside.col), pos(&a, "\"2016-09-30\""));
    assert_eq!(outside.severity, Severity::Varning);
    assert_eq!(
        outside.message(),
        "datumet 2016-09-30 ligger utanför löftets period 2016-10-01 – 2017-09-30"
    );
    let future = only(&loaded, |k| matches!(k, ProblemKind::InFuture { .. }));
    assert_eq!((future.line, future.col), pos(&a, "\"2017-06-02\""));
    assert_eq!(future.severity, Severity::Varning);
    assert!(!loaded.has_errors());
}

#[test]
fn range_ending_before_it_starts() {
    let a = activities(
        "        (date: \"2017-05-31\", until: \"2017-05-01\", commitments: [\"K1\"], party: \"kommun\"),\n",
    );
    let loaded = load(PLEDGE, &[&a]);
    let p = only(&loaded, |k| {
        matches!(k, ProblemKind::RangeEndsBeforeStart { .. })
    });
    assert_eq!((p.line, p.col), pos(&a, "\"2017-05-01\""));
    assert_eq!(p.severity, Severity::Fel);
}

#[test]
fn negative_quantity() {
    let a = activities(
        "        (date: \"2017-05-03\", commitments: [\"K1\"], party: \"kommun\", quantity: (amount: -4, unit: \"tillsyner\")),\n",
    );
    let loaded = load(PLEDGE, &[&a]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::NegativeQuantity(_)));
    assert_eq!((p.line, p.col), pos(&a, "-4"));
    assert_eq!(
        p.message(),
        "negativt antal (-4); antal kan inte vara mindre än 0"
    );
}

#[test]
fn unit_that_does_not_match_the_target() {
    let a = activities(
        "        (date: \"2017-05-03\", commitments: [\"G1\"], party: \"polis\", quantity: (amount: 3, unit: \"timmar\")),\n",
    );
    let loaded = load(PLEDGE, &[&a]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::UnitMismatch { .. }));
    assert_eq!((p.line, p.col), pos(&a, "\"timmar\""));
    assert_eq!(p.severity, Severity::Varning);
    assert!(p.message().contains("\"tillsyner\""), "{p}");
}

#[test]
fn likely_duplicates_point_at_the_first_entry() {
    let entry = "        (date: \"2017-05-03\", commitments: [\"K1\"], party: \"kommun\", place: \"Rud\"),\n";
    let a = activities(&format!("{entry}{entry}"));
    let loaded = load(PLEDGE, &[&a]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::LikelyDuplicate));
    assert_eq!((p.line, p.col), (5, 9));
    assert_eq!(p.related.as_deref(), Some("mapp/activities/a0.ron:4:9"));
    assert!(
        p.to_string().ends_with("(se mapp/activities/a0.ron:4:9)"),
        "{p}"
    );
}

#[test]
fn duplicates_are_found_across_files() {
    let entry = "        (date: \"2017-05-03\", commitments: [\"K1\"], party: \"kommun\"),\n";
    let a = activities(entry);
    let loaded = load(PLEDGE, &[&a, &a]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::LikelyDuplicate));
    assert_eq!(p.file, "mapp/activities/a1.ron");
    assert_eq!(p.related.as_deref(), Some("mapp/activities/a0.ron:4:9"));
}

#[test]
fn reporting_party_that_does_not_own_the_commitment() {
    let a =
        activities("        (date: \"2017-05-03\", commitments: [\"K1\"], party: \"polis\"),\n");
    let loaded = load(PLEDGE, &[&a]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::PartyNotOwner { .. }));
    assert_eq!((p.line, p.col), pos(&a, "\"K1\""));
    assert_eq!(p.severity, Severity::Varning);
}

#[test]
fn empty_activity_list_is_a_warning() {
    let loaded = load(PLEDGE, &["(version: 1, entries: [])"]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::NoEntries));
    assert_eq!((p.line, p.col), (1, 23));
}

#[test]
fn unsupported_version() {
    let v2 = PLEDGE.replace("version: 1", "version: 2");
    let loaded = load(&v2, &[]);
    let p = only(&loaded, |k| {
        matches!(k, ProblemKind::UnsupportedVersion { .. })
    });
    assert_eq!((p.line, p.col), (2, 14));
}

#[test]
fn all_problems_are_collected_not_only_the_first() {
    let a = activities(concat!(
        "        (date: \"2017-05-03\", commitments: [\"X1\"], party: \"polis\"),\n",
        "        (date: \"2017-05-04\", commitments: [\"K1\"], party: \"nobody\"),\n",
        "        (date: \"2017-05-05\", commitments: [], party: \"kommun\"),\n",
    ));
    let loaded = load(PLEDGE, &[&a]);
    let errors: Vec<usize> = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Fel)
        .map(|p| p.line)
        .collect();
    assert_eq!(errors, vec![4, 5, 6], "{:#?}", loaded.problems);
}

#[test]
fn broken_activity_file_does_not_stop_the_others() {
    let good = activities(
        "        (date: \"2016-11-04\", commitments: [\"G1\"], party: \"polis\", quantity: (amount: 2, unit: \"tillsyner\")),\n",
    );
    let loaded = load(PLEDGE, &["(version: 1, entries: [ (date: ", &good]);
    assert_eq!(loaded.activities.len(), 1);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].file, "mapp/activities/a0.ron");
}

#[test]
fn file_level_problems() {
    use medborgarlofte::store::text_from_bytes;
    assert_eq!(text_from_bytes(Vec::new()), Err(ProblemKind::EmptyFile));
    assert_eq!(
        text_from_bytes(b" \n\t".to_vec()),
        Err(ProblemKind::EmptyFile)
    );
    assert_eq!(
        text_from_bytes(vec![0x89, b'P', b'N', b'G', 0, 0]),
        Err(ProblemKind::BinaryFile)
    );
    let latin1 = b"(title: \"Tr\xe4dg\xe5rd\")".to_vec();
    let err = text_from_bytes(latin1).expect_err("not UTF-8");
    assert_eq!(err, ProblemKind::NotUtf8 { byte: 0xE4 });
    assert_eq!(
        err.to_string(),
        "filen är inte UTF-8-kodad (ogiltig byte 0xE4); spara den som UTF-8"
    );
    let bom = text_from_bytes(b"\xef\xbb\xbf(version: 1)".to_vec()).expect("BOM is fine");
    assert_eq!(bom, "(version: 1)");
}

#[test]
fn huge_garbage_gets_a_short_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("skräp.ron");
    let garbage: Vec<u8> = (0..50_000_000u32)
        .map(|i| b"ab(\"x,]"[(i % 7) as usize])
        .collect();
    std::fs::write(&path, &garbage).expect("write");
    let source = Source::read(&path);
    let err = source.text.expect_err("too large");
    assert!(matches!(err, ProblemKind::TooLarge { .. }));
    assert_eq!(
        err.to_string(),
        "filen är för stor (50 MB; högst 32 MB läses)"
    );
}

#[test]
fn long_garbage_under_the_limit_gives_a_short_located_error() {
    let garbage = "x".repeat(5_000_000);
    let loaded = load(&garbage, &[]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::Syntax(_)));
    assert!(p.to_string().len() < 300, "{} bytes", p.to_string().len());
}

#[test]
fn a_personnummer_in_a_note_is_an_error_and_a_case_like_note_a_warning() {
    let a = activities(concat!(
        "        (date: \"2016-11-04\", commitments: [\"K1\"], party: \"kommun\", note: \"Kontakt med 811218-9876\"),\n",
        "        (date: \"2016-11-05\", commitments: [\"K1\"], party: \"kommun\", note: \"Ärende nr 4711 följs upp\"),\n",
        "        (date: \"2016-11-06\", commitments: [\"K1\"], party: \"kommun\", note: \"Nummer 811218-9875 och 2017-03-16\"),\n",
    ));
    let loaded = load(PLEDGE, &[&a]);
    let id = only(&loaded, |k| matches!(k, ProblemKind::IdentityNumber { .. }));
    assert_eq!(id.severity, Severity::Fel);
    assert_eq!((id.line, id.col), pos(&a, "\"Kontakt med 811218-9876\""));
    assert_eq!(
        id.message(),
        "fältet \"entries[0].note\" innehåller ett personnummer; skriv aldrig personnummer i filerna — de skrivs ut i protokoll och rapporter"
    );
    let case = only(&loaded, |k| matches!(k, ProblemKind::IndividualCase(_)));
    assert_eq!(case.severity, Severity::Varning);
    assert_eq!(
        (case.line, case.col),
        pos(&a, "\"Ärende nr 4711 följs upp\"")
    );
}

/// The syntax message for one broken activity file.
fn syntax_message(text: &str) -> String {
    let loaded = load(PLEDGE, &[text]);
    let found: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::Syntax(_)))
        .map(medborgarlofte::model::Problem::message)
        .collect();
    assert_eq!(found.len(), 1, "{:#?}", loaded.problems);
    found.into_iter().next().unwrap_or_default()
}

#[test]
fn syntax_messages_say_what_was_meant() {
    let entry = |quantity: &str| {
        activities(&format!(
            "        (date: \"2016-11-04\", commitments: [\"G1\"], party: \"polis\", quantity: {quantity}),\n"
        ))
    };
    // A file cut off in the middle: the missing closer is named.
    let whole = entry("(amount: 2, unit: \"tillsyner\")");
    let cut = whole.get(..whole.len() - 4).expect("shorter");
    assert_eq!(syntax_message(cut), "filen tar slut här — saknas ett `)`?");
    let open_list = "(\n    version: 1,\n    entries: [\n";
    assert_eq!(
        syntax_message(open_list),
        "filen tar slut här — saknas ett `]`?"
    );
    // A negative number, not "talet är för stort".
    assert_eq!(
        syntax_message(&activities("        (date: \"2016-11-04\", commitments: [\"G1\"], party: \"polis\", version: -1),\n").replace("version: 1", "version: -1")),
        "negativa tal är inte tillåtna här"
    );
    // A number written with its precision in words.
    assert_eq!(
        syntax_message(&entry("(amount: \"ca 60\", unit: \"tillsyner\")")),
        "här väntades ett tal, inte texten \"ca 60\"; skriv `amount: 60` och `qualifier: Cirka`"
    );
    // Two parties where one belongs.
    let two = activities(
        "        (date: \"2016-11-04\", commitments: [\"G1\"], party: [\"polis\", \"kommun\"]),\n",
    );
    assert!(
        syntax_message(&two).contains("inte en lista"),
        "{}",
        syntax_message(&two)
    );
}

#[test]
fn messages_name_the_swedish_thing_never_a_rust_type() {
    let bad_kind = PLEDGE.replace("kind: Kommun", "kind: Kommunen");
    let loaded = load(&bad_kind, &[]);
    let message = loaded
        .problems
        .first()
        .map(medborgarlofte::model::Problem::message)
        .unwrap_or_default();
    assert!(message.contains("i partens typ"), "{message}");
    let bad_unit = PLEDGE.replace(
        "shape: Total(amount: 24)",
        "shape: Rate(amount: 2, per: Manader)",
    );
    let loaded = load(&bad_unit, &[]);
    let message = loaded
        .problems
        .first()
        .map(medborgarlofte::model::Problem::message)
        .unwrap_or_default();
    assert!(message.contains("målets tidsenhet"), "{message}");
    for type_name in [
        "PartyKind",
        "RateUnit",
        "Qualifier",
        "Commitment",
        "Pledge",
        "IndicatorValue",
        "TargetShape",
    ] {
        for loaded in [load(&bad_kind, &[]), load(&bad_unit, &[])] {
            for p in &loaded.problems {
                assert!(!p.message().contains(type_name), "{}", p.message());
            }
        }
    }
    // Several parties in one id field are told as such.
    let a = activities(
        "        (date: \"2016-11-04\", commitments: [\"G1\"], party: \"polis, kommun\"),\n",
    );
    let loaded = load(PLEDGE, &[&a]);
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.message().contains("flera parter i ett fält")),
        "{:#?}",
        loaded.problems
    );
}

#[test]
fn long_texts_and_overflowing_sums_are_located_errors() {
    let long = "x".repeat(10_001);
    let a = activities(&format!(
        "        (date: \"2016-11-04\", commitments: [\"G1\"], party: \"polis\", note: \"{long}\"),\n        (date: \"2016-11-05\", commitments: [\"G1\"], party: \"polis\", quantity: (amount: 1e308, unit: \"tillsyner\")),\n        (date: \"2016-11-06\", commitments: [\"G1\"], party: \"polis\", quantity: (amount: 1e308, unit: \"tillsyner\"), place: \"b\"),\n"
    ));
    let loaded = load(PLEDGE, &[&a]);
    let too_long = only(&loaded, |k| matches!(k, ProblemKind::TextTooLong { .. }));
    assert_eq!(too_long.severity, Severity::Fel);
    assert_eq!(too_long.line, 4);
    assert_eq!(
        too_long.message(),
        "fältet \"entries[0].note\" har 10 001 tecken; högst 10 000 tecken får stå i det fältet"
    );
    let sum = only(&loaded, |k| matches!(k, ProblemKind::SumOverflow(_)));
    assert_eq!(sum.severity, Severity::Fel);
    assert_eq!(sum.line, 6);
    // Exactly at the limit is fine.
    let a = activities(&format!(
        "        (date: \"2016-11-04\", commitments: [\"G1\"], party: \"polis\", note: \"{}\"),\n",
        "å".repeat(10_000)
    ));
    assert!(load(PLEDGE, &[&a]).problems.is_empty());
}

#[test]
fn a_printed_file_with_more_text_than_any_real_one_is_an_error() {
    use std::fmt::Write as _;
    let mut commitments = String::new();
    for i in 0..101 {
        let text = "ord ".repeat(2_499);
        let _ = writeln!(
            commitments,
            "        (id: \"X{i}\", text: \"{text}\", owners: [\"polis\"]),"
        );
    }
    let big = PLEDGE.replace(
        "    commitments: [\n",
        &format!("    commitments: [\n{commitments}"),
    );
    let loaded = load(&big, &[]);
    let p = only(&loaded, |k| {
        matches!(k, ProblemKind::FileTooMuchText { .. })
    });
    assert_eq!(p.severity, Severity::Fel);
    assert!(p.message().starts_with("filen har 1 0"), "{}", p.message());
    assert!(
        p.message().ends_with("får ha högst 300 000 byte"),
        "{}",
        p.message()
    );
}

#[test]
fn dates_spreadsheets_cannot_hold_are_located_errors() {
    let a = activities(concat!(
        "        (date: \"0000-01-01\", commitments: [\"G1\"], party: \"polis\"),\n",
        "        (date: \"1900-02-28\", commitments: [\"G1\"], party: \"polis\", place: \"b\"),\n",
        "        (date: \"1900-03-01\", commitments: [\"G1\"], party: \"polis\", place: \"c\"),\n",
    ));
    let loaded = load(PLEDGE, &[&a]);
    let early: Vec<_> = loaded
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::BeforeSpreadsheetDates(_)))
        .collect();
    assert_eq!(early.len(), 2, "{:#?}", loaded.problems);
    assert!(early.iter().all(|p| p.severity == Severity::Fel));
    assert_eq!((early[0].line, early[0].col), pos(&a, "\"0000-01-01\""));
    assert_eq!((early[1].line, early[1].col), pos(&a, "\"1900-02-28\""));
    assert_eq!(
        early[0].message(),
        "datumet 0000-01-01 ligger före 1900-03-01, och så tidiga datum kan Excel inte visa rätt; rätta datumet"
    );
}

#[test]
fn names_have_a_tighter_limit_and_a_pledge_at_most_200_commitments() {
    let long_name = "Å".repeat(201);
    let pledge = PLEDGE.replace("name: \"LPO Test\"", &format!("name: \"{long_name}\""));
    let loaded = load(&pledge, &[]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::TextTooLong { .. }));
    assert_eq!(
        p.message(),
        "fältet \"parties[0].name\" har 201 tecken; högst 200 tecken får stå i det fältet"
    );
    let mut commitments = String::new();
    for i in 0..201 {
        commitments.push_str("        (id: \"X");
        commitments.push_str(&i.to_string());
        commitments.push_str("\", text: \"Text.\", owners: [\"polis\"]),\n");
    }
    let many = PLEDGE.replace(
        "    commitments: [\n",
        &format!("    commitments: [\n{commitments}"),
    );
    let loaded = load(&many, &[]);
    let p = only(&loaded, |k| {
        matches!(k, ProblemKind::TooManyCommitments { .. })
    });
    assert_eq!(
        p.message(),
        "löftet har 204 åtaganden; högst 200 får stå i ett löfte (dela upp det i flera löften)"
    );
}

#[test]
fn a_target_window_ending_before_it_starts_is_an_error_and_outside_the_period_a_warning() {
    let pledge = PLEDGE.replace(
        "target: (shape: Total(amount: 24), unit: \"tillsyner\")",
        "target: (shape: Total(amount: 24), unit: \"tillsyner\", from: \"2017-05-01\", until: \"2017-04-01\")",
    );
    let loaded = load(&pledge, &[]);
    let p = only(&loaded, |k| {
        matches!(k, ProblemKind::RangeEndsBeforeStart { .. })
    });
    assert_eq!(p.severity, Severity::Fel);
    assert_eq!((p.line, p.col), pos(&pledge, "\"2017-04-01\""));
    let outside = PLEDGE.replace(
        "target: (shape: Total(amount: 24), unit: \"tillsyner\")",
        "target: (shape: Total(amount: 24), unit: \"tillsyner\", until: \"9999-12-31\")",
    );
    let loaded = load(&outside, &[]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::OutsidePeriod { .. }));
    assert_eq!(p.severity, Severity::Varning);
    assert_eq!((p.line, p.col), pos(&outside, "\"9999-12-31\""));
    // The status measures the window within the period, at once.
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let status = medborgarlofte::status::compute(pledge, &loaded.activities, today());
    assert!(
        status
            .commitments
            .iter()
            .all(|c| c.full_target.is_none_or(f64::is_finite))
    );
}

#[test]
fn an_entry_for_a_part_the_commitment_does_not_have_is_an_error_at_its_place() {
    let pledge = PLEDGE.replace(
        "(id: \"P4\", text: \"Beivra förtäring.\", owners: [\"polis\"]),",
        "(id: \"P4\", text: \"Beivra förtäring.\", owners: [\"polis\"], parts: [(id: \"resurs\", text: \"en permanent resurs\"), (id: \"kontor\", text: \"ett lokalt kontor\")]),",
    );
    assert!(load(&pledge, &[]).problems.is_empty());
    let a = activities(
        "        (date: \"2017-01-10\", commitments: [\"P4\"], party: \"polis\", part: \"kontoret\"),\n",
    );
    let loaded = load(&pledge, &[&a]);
    let p = only(&loaded, |k| matches!(k, ProblemKind::UnknownPart { .. }));
    assert!(
        p.message()
            .contains("åtagande P4 har ingen del \"kontoret\"; delarna är resurs och kontor"),
        "{p}"
    );
    assert_eq!(p.file, "mapp/activities/a0.ron");
    // The same part id twice in one commitment is an error too.
    let twice = pledge.replace("(id: \"kontor\"", "(id: \"resurs\"");
    assert!(
        !load(&twice, &[]).problems.is_empty(),
        "a duplicate part id is refused"
    );
}

#[test]
fn an_indicator_value_needs_a_number_or_a_text() {
    let pledge = PLEDGE.replace(
        "    ],\n)\n",
        "    ],\n    indicators: [\n        (\n            id: \"I1\",\n            name: \"Anmälda brott\",\n            unit: \"anmälningar\",\n            goal: Minska,\n            values: [\n                (date: \"2016-09-30\", value: 212),\n                (date: \"2017-03-31\", text: \"har minskat enligt polisens lägesbild\"),\n                (date: \"2017-05-31\", value: 96, qualifier: Cirka),\n                (date: \"2017-06-30\", source: \"Polisen\"),\n            ],\n        ),\n    ],\n)\n",
    );
    assert_ne!(pledge, PLEDGE, "the indicator was added");
    let loaded = load(&pledge, &[]);
    let p = only(&loaded, |k| {
        matches!(k, ProblemKind::IndicatorValueEmpty(_))
    });
    assert_eq!(p.severity, Severity::Fel);
    assert_eq!((p.line, p.col), pos(&pledge, "(date: \"2017-06-30\""));
    assert_eq!(
        p.message(),
        "ett värde för indikator I1 har varken tal (value) eller text (text); ange vad som mättes eller iakttogs"
    );
    assert_eq!(loaded.problems.len(), 1, "{:#?}", loaded.problems);
}

#[test]
fn a_period_revision_and_indicator_may_be_written_as_a_month_or_year() {
    // "Medborgarlöfte 2020–2023", "undertecknat i december 2019", a
    // revision "i mars 2021" and a survey value "juni 2021".
    let pledge = PLEDGE
        .replace(
            "    period: (start: \"2016-10-01\", end: \"2017-09-30\"),",
            "    period: (start: \"2020\", end: \"2023\", signed: \"2019-12\"),",
        )
        .replace(
            "    ],\n)\n",
            "    ],\n    indicators: [(id: \"I1\", name: \"Andel trygga\", unit: \"procent\", values: [(date: \"2021-06\", value: 71)])],\n    revisions: [(date: \"2021-03\", commitment: \"K1\", change: Utgar, reason: \"Beslut\")],\n)\n",
        );
    let loaded = load(&pledge, &[]);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let p = loaded.pledge.expect("loads");
    assert_eq!(p.period.start.to_string(), "2020-01-01");
    assert_eq!(p.period.end.to_string(), "2023-12-31");
    assert_eq!(
        p.period
            .signed
            .map(medborgarlofte::model::Span::words)
            .as_deref(),
        Some("december 2019")
    );
    let revision = p.revisions.first().expect("a revision");
    assert_eq!(revision.date.words(), "mars 2021");
    // Dropped from the first day of the month.
    let k1 = p.commitment(&"K1".into()).expect("K1");
    let before = medborgarlofte::status::compute(&p, &[], "2021-02-28".parse().expect("date"));
    let after = medborgarlofte::status::compute(&p, &[], "2021-03-01".parse().expect("date"));
    assert_eq!(before.commitment(&k1.id).and_then(|s| s.dropped), None);
    assert!(after.commitment(&k1.id).and_then(|s| s.dropped).is_some());
    // The June value is known from 30 June, and said as "juni 2021".
    let at = |d: &str| medborgarlofte::status::indicators::compute(&p, d.parse().expect("date"));
    assert!(at("2021-06-29")[0].latest().is_none());
    let june = at("2021-06-30");
    assert!(
        june[0].latest_words().contains("(juni 2021)"),
        "{}",
        june[0].latest_words()
    );
}
