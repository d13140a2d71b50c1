//! Mapping, cell parsing and planning on the sample pledge.

use super::*;
use crate::store::{self, Loaded};

fn sample() -> Loaded {
    store::load(
        crate::sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    )
}

fn ctx(loaded: &Loaded) -> Context<'_> {
    Context {
        pledge: loaded.pledge.as_ref().expect("pledge"),
        existing: &loaded.activities,
        default_party: None,
        today: Date::from_ymd(2026, 1, 1).expect("date"),
    }
}

fn text(t: &str) -> Cell {
    Cell::Text(t.into())
}

#[test]
fn swedish_headings_are_recognised() {
    let headers: Vec<String> = [
        "Datum",
        "Löfte",
        "Myndighet",
        "Antal",
        "Enhet",
        "Plats",
        "Kommentar",
        "Okänt",
    ]
    .map(String::from)
    .to_vec();
    let m = Mapping::guess(&headers);
    assert_eq!(m.column(Field::Datum), Some(0));
    assert_eq!(m.column(Field::Atagande), Some(1));
    assert_eq!(m.column(Field::Part), Some(2));
    assert_eq!(m.column(Field::Antal), Some(3));
    assert_eq!(m.column(Field::Plats), Some(5));
    assert_eq!(m.column(Field::Anteckning), Some(6));
    assert_eq!(m.field_of(7), None);
    let mut m = m;
    m.apply_arg("anteckning=H", &headers)
        .expect("a column letter");
    assert_eq!(m.column(Field::Anteckning), Some(7));
    m.apply_arg("plats = Okänt", &headers).expect("a heading");
    assert_eq!(m.column(Field::Plats), Some(7));
    assert_eq!(
        m.column(Field::Anteckning),
        None,
        "a column holds one field"
    );
    assert!(m.apply_arg("färg=A", &headers).is_err());
    assert!(m.apply_arg("datum", &headers).is_err());
}

#[test]
fn amounts_the_swedish_way() {
    assert_eq!(parse_amount(&text("2,5")), Ok((2.5, None)));
    assert_eq!(parse_amount(&text("1 234")), Ok((1234.0, None)));
    assert_eq!(
        parse_amount(&text("ca 60")),
        Ok((60.0, Some(Qualifier::Cirka)))
    );
    assert_eq!(
        parse_amount(&text("minst 5")),
        Ok((5.0, Some(Qualifier::Minst)))
    );
    assert_eq!(parse_amount(&Cell::Number(3.0)), Ok((3.0, None)));
    assert!(parse_amount(&text("många")).is_err());
}

#[test]
fn dates_as_written_in_sheets() {
    let d = Date::from_ymd(2017, 3, 14).expect("date");
    for t in [
        "2017-03-14",
        "2017-03-14 00:00:00",
        "14/3/2017",
        "14.03.2017",
    ] {
        assert_eq!(parse_date(&text(t)), Ok(d), "{t}");
    }
    assert_eq!(parse_date(&Cell::Number(42808.0)), Ok(d));
    assert!(parse_date(&text("i mars")).is_err());
}

fn table(rows: &[&[&str]]) -> Table {
    Table {
        headers: ["Datum", "Åtagande", "Part", "Antal", "Plats", "Kommentar"]
            .map(String::from)
            .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| if c.is_empty() { Cell::Empty } else { text(c) })
                    .collect()
            })
            .collect(),
        ..Table::default()
    }
}

#[test]
fn rows_become_entries_or_located_problems() {
    let loaded = sample();
    let t = table(&[
        &[
            "2017-03-14",
            "K1",
            "kommunen",
            "2",
            "Herrhagen",
            "Kvällstillsyn.",
        ],
        &[],
        &["2017-03-15", "K9", "kommunen", "1", "Herrhagen", ""],
        &["2017-03-16", "K1", "kommunen", "-3", "Herrhagen", ""],
        &[
            "2017-03-17",
            "K1",
            "kommunen",
            "1",
            "Herrhagen",
            "19811218-9876 kontrollerad",
        ],
        &["mars", "P1", "polisen", "ca 4,5", "Kungsgatan", ""],
    ]);
    let plan = plan(&t, &Mapping::guess(&t.headers), &ctx(&loaded));
    assert_eq!(plan.rows, 5, "the blank row is not counted");
    assert_eq!(plan.entries.len(), 1);
    let (row, entry) = &plan.entries[0];
    assert_eq!(*row, 2);
    assert_eq!(entry.party.as_str(), "karlstads-kommun");
    assert_eq!(
        entry.quantity.as_ref().map(|q| q.unit.as_str()),
        Some("tillsyner"),
        "the target's unit"
    );
    let messages: Vec<String> = plan.problems.iter().map(ToString::to_string).collect();
    let has = |row: usize, column: &str, text: &str| {
        assert!(
            plan.problems.iter().any(|p| p.row == row
                && p.column.as_deref().is_some_and(|c| c.starts_with(column))
                && p.message.contains(text)),
            "row {row} col {column} '{text}' in {messages:#?}"
        );
    };
    has(4, "B", "okänt åtagande \"K9\" – menade du");
    has(5, "D", "negativ");
    has(6, "F", "personnummer");
    has(7, "A", "\"mars\" är inget datum");
    assert_eq!(plan.error_rows(), [4, 5, 6, 7]);
}

#[test]
fn an_entry_already_there_is_skipped_and_a_near_copy_flagged() {
    let loaded = sample();
    let existing = loaded
        .activities
        .iter()
        .flat_map(|f| &f.entries)
        .find(|e| e.commitments.len() == 1 && e.quantity.is_some() && e.note.is_some())
        .expect("an entry");
    let q = existing.quantity.as_ref().expect("quantity");
    let amount = crate::format::number(q.amount);
    let commitment = existing.commitments[0].to_string();
    let place = existing.place.as_deref().unwrap_or_default().to_owned();
    let date = existing.date.to_string();
    let note = existing.note.clone().unwrap_or_default();
    let mut t = table(&[
        &[
            &date,
            &commitment,
            existing.party.as_str(),
            &amount,
            &place,
            &note,
        ],
        &[
            &date,
            &commitment,
            existing.party.as_str(),
            &amount,
            &place,
            "Annan anteckning",
        ],
    ]);
    t.headers.push("Enhet".into());
    for row in &mut t.rows {
        row.resize(6, Cell::Empty);
        row.push(text(&q.unit));
    }
    if q.qualifier != Qualifier::Exakt {
        t.headers.push("Kvalifikator".into());
        for row in &mut t.rows {
            row.push(text(&q.qualifier.to_string()));
        }
    }
    let plan = plan(&t, &Mapping::guess(&t.headers), &ctx(&loaded));
    assert_eq!(plan.already_there, [2], "{:#?}", plan.problems);
    assert_eq!(plan.likely_duplicates, [3]);
    assert_eq!(plan.entries.len(), 1);
}

#[test]
fn without_date_or_commitment_columns_nothing_is_planned() {
    let loaded = sample();
    let t = Table {
        headers: vec!["Vad".into(), "När".into()],
        rows: vec![vec![text("x"), text("y")]],
        ..Table::default()
    };
    let plan = plan(&t, &Mapping::guess(&t.headers), &ctx(&loaded));
    assert!(plan.entries.is_empty());
    assert!(
        plan.problems[0]
            .message
            .contains("ingen kolumn för datum och åtagande")
    );
}

#[test]
fn a_datum_cell_may_be_a_week_month_or_year() {
    use crate::model::Precision;
    let span = |cell: Cell| super::parse_span(&cell);
    let month = span(Cell::Text("2018-10".into())).expect("a month");
    assert_eq!(month.precision(), Precision::Manad);
    assert_eq!(month.last().to_string(), "2018-10-31");
    assert_eq!(
        span(Cell::Text("2018-W09".into())).map(crate::model::Span::precision),
        Ok(Precision::Vecka)
    );
    // A year typed as a number is a year, not a day in 1905.
    let year = span(Cell::Number(2018.0)).expect("a year");
    assert_eq!(year.precision(), Precision::Ar);
    assert_eq!(year.first().to_string(), "2018-01-01");
    assert_eq!(
        span(Cell::Text("2017-03-14".into())).map(|s| s.first().to_string()),
        Ok("2017-03-14".to_owned())
    );
    let err = span(Cell::Text("2018-13".into())).expect_err("no month 13");
    assert!(err.contains("månad 13 finns inte"), "{err}");
    let err = span(Cell::Text("maj".into())).expect_err("not a date");
    assert!(err.contains("ÅÅÅÅ-MM"), "{err}");
}
