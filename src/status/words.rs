//! The status of a commitment in Swedish words, shared by every view (GUI,
//! CLI, and the PDFs to come) so the same figure is never phrased two ways.

use std::fmt::Write as _;

use crate::format;
use crate::model::meeting::StatusSnapshot;
use crate::model::{Date, Qualifier, Target};

use super::{CommitmentStatus, MeasuredStatus};

/// What was reported against the whole target: "14 av 24 tillsyner",
/// "ca 60 timmar", "3 rapporter"; "–" when nothing is reported and there is
/// nothing to compare with.
pub fn reported_of_target(s: &CommitmentStatus) -> String {
    if let Some(text) = without_number(s) {
        return text;
    }
    reported_against(
        s.qualifier,
        s.reported,
        s.unit.as_deref(),
        s.full_target,
        s.reports,
    )
}

/// "1 rapport, inget antal": reports against a count target that give no
/// number in its unit, so there is no figure to show (not "0 av 104").
pub fn without_number(s: &CommitmentStatus) -> Option<String> {
    (s.measured == MeasuredStatus::Kvalitativ && s.full_target.is_some())
        .then(|| format!("{}, inget antal", reports_count(s.reports)))
}

/// The one phrasing of "what was reported against what": the live status
/// and the snapshots kept by meetings both go through here, so a "minst"
/// or "ca" is never lost on the way to the minutes.
fn reported_against(
    qualifier: Qualifier,
    reported: f64,
    unit: Option<&str>,
    target: Option<f64>,
    reports: usize,
) -> String {
    let amount = qualified(qualifier, reported);
    match (unit, target) {
        (Some(unit), Some(full)) => {
            format!("{amount} av {} {unit}", format::number(round_target(full)))
        }
        (Some(unit), None) if reports > 0 => format!("{amount} {unit}"),
        (None, _) if reports > 0 => reports_count(reports),
        _ => "–".to_owned(),
    }
}

/// "minst 200", "ca 60", "14".
fn qualified(qualifier: Qualifier, amount: f64) -> String {
    format!("{}{}", qualifier.prefix(), format::number(amount))
}

/// A meeting's snapshot as the minutes print it: "minst 200 av 200
/// tillsyner, 100 % — förväntat 50 % per 2017-03-16 (uppnått)". The
/// qualifier of the reported figure is kept, as in [`reported_of_target`].
pub fn snapshot_words(snapshot: &StatusSnapshot) -> String {
    let target = snapshot.target.filter(|t| *t > 0.0);
    let mut text = match (snapshot.unit.as_deref(), target) {
        // The minutes say "0 tillsyner" and "0 rapporter" where the
        // status table says "–": a record states what was counted.
        (None, _) => reports_count(snapshot.reports),
        (Some(unit), None) => {
            format!(
                "{} {unit}",
                qualified(snapshot.qualifier, snapshot.reported)
            )
        }
        (unit, target) => reported_against(
            snapshot.qualifier,
            snapshot.reported,
            unit,
            target,
            snapshot.reports,
        ),
    };
    if let Some(target) = target {
        let _ = write!(
            text,
            ", {}",
            format::percent(snapshot.reported / target * 100.0)
        );
        if let Some(expected) = snapshot.expected {
            let _ = write!(
                text,
                " — förväntat {} per {}",
                format::percent(expected / target * 100.0),
                snapshot.as_of
            );
        }
    }
    let _ = write!(text, " ({})", snapshot.measured);
    text
}

/// How the figures changed since an item was assessed, when they did: "5 →
/// 6 insatser sedan bedömningen" (or reports, for a commitment without a
/// unit). The minutes print what was kept at the assessment, so the chair
/// must see that the screen's live figures have moved on.
pub fn snapshot_drift(kept: &StatusSnapshot, live: &StatusSnapshot) -> Option<String> {
    let since = "sedan bedömningen";
    match kept.unit.as_deref() {
        Some(unit) if (kept.reported - live.reported).abs() > f64::EPSILON => Some(format!(
            "{} → {} {unit} {since}",
            qualified(kept.qualifier, kept.reported),
            qualified(live.qualifier, live.reported),
        )),
        _ if kept.reports != live.reports => Some(format!(
            "{} → {} {since}",
            kept.reports,
            reports_count(live.reports)
        )),
        _ if kept.measured != live.measured => {
            Some(format!("{} → {} {since}", kept.measured, live.measured))
        }
        _ => None,
    }
}

/// A whole-period target for display: rate targets over a period give
/// fractions ("1 042,9 timmar") that only distract; keep decimals for small ones.
fn round_target(full: f64) -> f64 {
    if full >= 10.0 {
        full.round()
    } else {
        (full * 10.0).round() / 10.0
    }
}

/// "förväntat 12 (50 %)" by the as-of date, for count targets.
pub fn expected_by_date(s: &CommitmentStatus) -> Option<String> {
    let expected = s.expected?;
    Some(match s.expected_percent() {
        Some(p) => format!(
            "förväntat {} ({})",
            format::number(expected.round()),
            format::percent(p)
        ),
        None => format!("förväntat {}", format::number(expected.round())),
    })
}

/// The days a target applies when they are not the whole period:
/// "gäller 2018-05-01 – 2018-12-31"; `None` for the whole period.
pub fn target_window(s: &CommitmentStatus) -> Option<String> {
    s.target_window
        .map(|w| format!("gäller {} – {}", w.start, w.end))
}

/// A commitment's target as the status tables show it (pass the target
/// valid at the as-of date, [`crate::model::Pledge::target_at`]), with its
/// window when that is not the whole period: "minst 1 kontroller per dag,
/// gäller 2018-05-01 – 2018-12-31"; and since when, after a target change:
/// "minst 1 ronderingar per vecka, från 2018-06-01 (målet ändrat)";
/// "inget mål" without a target.
pub fn target_with_window(target: Option<&Target>, s: &CommitmentStatus) -> String {
    let Some(target) = target else {
        return "inget mål".to_owned();
    };
    let mut text = match target_window(s) {
        Some(window) => format!("{target}, {window}"),
        None => target.to_string(),
    };
    if let Some(date) = s.target_changed {
        let _ = write!(text, ", {}", target_changed(date));
    }
    text
}

/// "från 2018-06-01 (målet ändrat)": since when the target shown applies.
pub fn target_changed(date: Date) -> String {
    format!("från {date} (målet ändrat)")
}

/// When an entry that is not known yet at the as-of date will count:
/// "räknas från 2018-12-31" (see `Fact::known_by`).
pub fn counts_from(last_day: Date) -> String {
    format!("räknas från {last_day}")
}

/// Why an entry outside its commitment's target window does not count.
pub fn outside_window() -> &'static str {
    "räknas inte: utanför målets period"
}

/// "delmålet nått 2017-03-20", for a milestone an entry said was reached.
pub fn milestone_reached(s: &CommitmentStatus) -> Option<String> {
    s.milestone_reached.map(|d| format!("delmålet nått {d}"))
}

/// What was done instead, after the label "I stället:": "ANDT-folder hem
/// till alla vårdnadshavare (mars 2020). Skäl: föräldramötena ställdes in
/// på grund av pandemin".
pub fn instead(s: &super::Substitute) -> String {
    let reason = s.reason.trim().trim_end_matches('.');
    let what = s.what.trim().trim_end_matches('.');
    let what = if what.is_empty() {
        "annan insats"
    } else {
        what
    };
    if reason.is_empty() {
        format!("{what} ({})", s.when)
    } else {
        format!("{what} ({}). Skäl: {reason}", s.when)
    }
}

/// One place of a coverage target: "✔ 2 gånger, 1 behövs", "▼ 1 gång,
/// 2 behövs" (a symbol, so colour is never needed).
pub fn place_coverage(p: &super::PlaceCoverage) -> String {
    let symbol = if p.covered() { "✔" } else { "▼" };
    format!(
        "{symbol} {}, {} behövs",
        format::count(p.visits, "gång", "gånger"),
        p.due
    )
}

/// One part of a commitment: "ett lokalt kontor: ✔ uppnått, 1 rapport".
pub fn part(p: &super::PartStatus) -> String {
    format!(
        "{}: {}, {}",
        p.text,
        status_with_symbol(&p.status),
        reported_of_target(&p.status)
    )
}

/// A revision of a commitment as the minutes list it: the label and the
/// words, "Målet ändrat:" / "2018-07-01: Beslut i styrgruppen. Tidigare
/// mål: minst 1 ronderingar per månad".
pub fn revision(r: &crate::model::Revision) -> (String, String) {
    use crate::model::RevisionChange as C;
    let previous = match &r.change {
        C::Omformulerat { previous_text } => {
            Some(("Tidigare lydelse", format!("”{previous_text}”")))
        }
        C::MalAndrat { previous } => Some((
            "Tidigare mål",
            previous
                .as_ref()
                .map_or_else(|| "inget mål".to_owned(), ToString::to_string),
        )),
        C::Tillagt | C::Utgar => None,
    };
    let text = decision(r.date, &r.reason, previous);
    let word = r.change.word();
    let mut label: String = word.chars().take(1).flat_map(char::to_uppercase).collect();
    label.push_str(word.get(1..).unwrap_or_default());
    label.push(':');
    (label, text)
}

/// A decision in words, with the precision of its date: "mars 2021:
/// Beslut i styrgruppen. Tidigare lydelse: ”…”"; the reason and what it
/// replaced left out when there are none. The minutes and the report say
/// revisions this one way.
pub fn decision(
    date: crate::model::Span,
    reason: &str,
    previous: Option<(&str, String)>,
) -> String {
    let reason = reason.trim().trim_end_matches('.');
    let mut text = if reason.is_empty() {
        date.words()
    } else {
        format!("{}: {reason}", date.words())
    };
    if let Some((label, previous)) = previous {
        let _ = write!(text, ". {label}: {previous}");
    }
    text
}

/// Why an entry done instead of the promise is not in the figures.
pub fn not_counted_instead() -> &'static str {
    "räknas inte: gjordes i stället för det utlovade"
}

/// "1 rapport", "3 rapporter".
pub fn reports_count(n: usize) -> String {
    format::count(n, "rapport", "rapporter")
}

/// The measured status with its symbol, so colour is never the only carrier:
/// "▼ efter plan"; with the revision's date for "✕ utgått 2017-05-01" and
/// "◌ tillkommer 2018-10-15".
pub fn status_with_symbol(s: &CommitmentStatus) -> String {
    status_then_date(s, ' ')
}

/// [`status_with_symbol`] on two lines, the date on the second, for a
/// narrow table column: "✕ utgått\n2017-05-01".
pub fn status_lines(s: &CommitmentStatus) -> String {
    status_then_date(s, '\n')
}

/// The status with its symbol, then `between` and the revision's date.
fn status_then_date(s: &CommitmentStatus, between: char) -> String {
    let mut text = format!("{} {}", s.measured.symbol(), s.measured);
    if let Some(date) = revision_date(s) {
        let _ = write!(text, "{between}{date}");
    }
    text
}

/// The date that goes with *utgått* or *tillkommer*.
pub fn revision_date(s: &CommitmentStatus) -> Option<Date> {
    match s.measured {
        MeasuredStatus::Utgatt => s.dropped,
        MeasuredStatus::Tillkommer => s.added,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CommitmentId, Period, Qualifier};

    #[test]
    fn the_drift_since_an_assessment_says_from_and_to() {
        let as_of: Date = "2017-03-16".parse().expect("date");
        let kept = status().snapshot(as_of);
        assert_eq!(snapshot_drift(&kept, &kept), None);
        let mut live = status();
        live.reported = 15.0;
        live.reports = 10;
        assert_eq!(
            snapshot_drift(&kept, &live.snapshot(as_of)).as_deref(),
            Some("14 → 15 tillsyner sedan bedömningen")
        );
        // Without a unit: the reports.
        let mut kept = kept;
        kept.unit = None;
        let mut live = live.snapshot(as_of);
        live.unit = None;
        assert_eq!(
            snapshot_drift(&kept, &live).as_deref(),
            Some("9 → 10 rapporter sedan bedömningen")
        );
    }

    fn status() -> CommitmentStatus {
        CommitmentStatus {
            id: CommitmentId::new("P1"),
            reported: 14.0,
            unit: Some("tillsyner".into()),
            qualifier: Qualifier::Exakt,
            reports: 9,
            last_report: None,
            expected: Some(12.0),
            full_target: Some(24.0),
            measured: MeasuredStatus::EnligtPlan,
            by_unit: Vec::new(),
            dropped: None,
            added: None,
            milestone_reached: None,
            target_changed: None,
            instead: Vec::new(),
            coverage: Vec::new(),
            parts: Vec::new(),
            target_window: None,
        }
    }

    #[test]
    fn phrases_reported_against_target_and_expected() {
        let s = status();
        assert_eq!(reported_of_target(&s), "14 av 24 tillsyner");
        let mut rate = status();
        rate.full_target = Some(1042.86);
        assert_eq!(reported_of_target(&rate), "14 av 1 043 tillsyner");
        assert_eq!(
            expected_by_date(&s).as_deref(),
            Some("förväntat 12 (50\u{a0}%)")
        );
        assert_eq!(status_with_symbol(&s), "● enligt plan");
        assert_eq!(target_window(&s), None, "the whole period is not repeated");
        let mut windowed = status();
        windowed.target_window = Some(Period {
            start: Date::from_ymd(2018, 5, 1).expect("valid"),
            end: Date::from_ymd(2018, 12, 31).expect("valid"),
            signed: None,
        });
        assert_eq!(
            target_window(&windowed).as_deref(),
            Some("gäller 2018-05-01 – 2018-12-31")
        );
        let daily = Target {
            shape: crate::model::TargetShape::Rate {
                amount: 1.0,
                per: crate::model::RateUnit::Dag,
                average: false,
            },
            unit: "kontroller".into(),
            bound: crate::model::Bound::Minst,
            from: windowed.target_window.map(|w| w.start),
            until: None,
            condition: None,
            example: false,
        };
        assert_eq!(
            target_with_window(Some(&daily), &windowed),
            "minst 1 kontroller per dag, gäller 2018-05-01 – 2018-12-31"
        );
        assert_eq!(target_with_window(None, &s), "inget mål");
        assert_eq!(
            counts_from(Date::from_ymd(2018, 12, 31).expect("valid")),
            "räknas från 2018-12-31"
        );
    }

    fn snapshot() -> StatusSnapshot {
        StatusSnapshot {
            as_of: Date::from_ymd(2017, 3, 16).expect("valid"),
            reported: 200.0,
            qualifier: Qualifier::Minst,
            unit: Some("tillsyner".into()),
            reports: 3,
            expected: Some(100.0),
            target: Some(200.0),
            measured: MeasuredStatus::Uppnatt,
            instead: Vec::new(),
            parts: Vec::new(),
        }
    }

    #[test]
    fn a_snapshot_keeps_the_qualifier_of_what_was_reported() {
        let s = snapshot();
        assert_eq!(
            snapshot_words(&s),
            "minst 200 av 200 tillsyner, 100\u{a0}% — förväntat 50\u{a0}% per 2017-03-16 (uppnått)"
        );
        let about = StatusSnapshot {
            qualifier: Qualifier::Cirka,
            target: None,
            expected: None,
            reported: 60.0,
            unit: Some("timmar".into()),
            measured: MeasuredStatus::Kvalitativ,
            ..snapshot()
        };
        assert_eq!(snapshot_words(&about), "ca 60 timmar (kvalitativ)");
        let exact = StatusSnapshot {
            qualifier: Qualifier::Exakt,
            reported: 52.0,
            target: Some(150.0),
            expected: Some(68.6),
            measured: MeasuredStatus::EfterPlan,
            ..snapshot()
        };
        assert_eq!(
            snapshot_words(&exact),
            "52 av 150 tillsyner, 35\u{a0}% — förväntat 46\u{a0}% per 2017-03-16 (efter plan)"
        );
        // Without a unit the record counts the reports, one or many.
        let untargeted = StatusSnapshot {
            unit: None,
            target: None,
            expected: None,
            reported: 0.0,
            reports: 1,
            measured: MeasuredStatus::Kvalitativ,
            ..snapshot()
        };
        assert_eq!(snapshot_words(&untargeted), "1 rapport (kvalitativ)");
        let nothing = StatusSnapshot {
            reported: 0.0,
            reports: 0,
            qualifier: Qualifier::Exakt,
            measured: MeasuredStatus::IngaRapporter,
            ..snapshot()
        };
        assert_eq!(
            snapshot_words(&nothing),
            "0 av 200 tillsyner, 0\u{a0}% — förväntat 50\u{a0}% per 2017-03-16 (inga rapporter)"
        );
    }

    #[test]
    fn phrases_qualified_untargeted_and_empty_statuses() {
        let mut s = status();
        s.qualifier = Qualifier::Cirka;
        s.full_target = None;
        s.expected = None;
        assert_eq!(reported_of_target(&s), "ca 14 tillsyner");
        assert_eq!(expected_by_date(&s), None);
        s.unit = None;
        assert_eq!(reported_of_target(&s), "9 rapporter");
        s.reports = 1;
        assert_eq!(reported_of_target(&s), "1 rapport");
        s.reports = 0;
        assert_eq!(reported_of_target(&s), "–");
        s.dropped = Date::from_ymd(2017, 5, 1);
        s.measured = MeasuredStatus::Utgatt;
        assert_eq!(status_with_symbol(&s), "✕ utgått 2017-05-01");
        s.dropped = None;
        s.added = Date::from_ymd(2018, 10, 15);
        s.measured = MeasuredStatus::Tillkommer;
        assert_eq!(status_with_symbol(&s), "◌ tillkommer 2018-10-15");
        s.measured = MeasuredStatus::VillkorEjUppfyllt;
        assert_eq!(status_with_symbol(&s), "⊘ villkoret uppfylldes inte");
    }
}
