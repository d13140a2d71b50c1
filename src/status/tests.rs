use super::*;
use crate::model::{
    Activity, ActivityFile, Bound, Commitment, Party, PartyKind, Period, Pledge, Quantity,
    RateUnit, Target,
};

fn d(text: &str) -> Date {
    text.parse().expect("test dates are valid")
}

fn pledge_with(targets: Vec<(&str, Option<Target>)>, start: &str, end: &str) -> Pledge {
    Pledge {
        version: 1,
        title: "Test".into(),
        source: None,
        parties: vec![Party {
            id: "polis".into(),
            name: "Polisen".into(),
            kind: PartyKind::Polis,
            signed: true,
        }],
        convener: "polis".into(),
        communication_lead: "polis".into(),
        contact: None,
        period: Period {
            start: d(start),
            end: d(end),
            signed: None,
        },
        problem_areas: Vec::new(),
        commitments: targets
            .into_iter()
            .map(|(id, target)| Commitment {
                id: id.into(),
                text: "text".into(),
                owners: vec!["polis".into()],
                lead: None,
                other_actors: Vec::new(),
                problem_areas: Vec::new(),
                places: Vec::new(),
                target,
                carried_over: None,
            })
            .collect(),
        indicators: Vec::new(),
        revisions: Vec::new(),
    }
}

#[allow(clippy::unnecessary_wraps)] // mirrors `Commitment::target`
fn total(amount: f64) -> Option<Target> {
    Some(Target {
        shape: TargetShape::Total { amount },
        unit: "tillsyner".into(),
        bound: Bound::Minst,
        condition: None,
        from: None,
        until: None,
        example: false,
    })
}

#[allow(clippy::unnecessary_wraps)] // mirrors `Commitment::target`
fn rate(amount: f64, per: RateUnit) -> Option<Target> {
    Some(Target {
        shape: TargetShape::Rate {
            amount,
            per,
            average: false,
        },
        unit: "tillsyner".into(),
        bound: Bound::Minst,
        condition: None,
        from: None,
        until: None,
        example: false,
    })
}

fn act(date: &str, amount: f64) -> Activity {
    Activity {
        date: d(date),
        until: None,
        commitments: smallvec::smallvec!["A".into()],
        party: "polis".into(),
        quantity: Some(Quantity {
            amount,
            unit: "tillsyner".into(),
            qualifier: Qualifier::Exakt,
        }),
        place: None,
        note: None,
        cumulative: false,
    }
}

fn file(entries: Vec<Activity>) -> Vec<ActivityFile> {
    vec![ActivityFile {
        version: 1,
        reporter: None,
        note: None,
        entries,
    }]
}

fn status_of(pledge: &Pledge, entries: Vec<Activity>, as_of: &str) -> CommitmentStatus {
    let report = compute(pledge, &file(entries), d(as_of));
    report
        .commitments
        .into_iter()
        .next()
        .expect("one commitment")
}

const EPS: f64 = 1e-9;

#[test]
fn total_targets_are_pro_rata_by_day() {
    // 2017 is not a leap year: 365 days.
    let p = pledge_with(vec![("A", total(365.0))], "2017-01-01", "2017-12-31");
    let s = status_of(&p, vec![], "2017-01-10");
    assert!((s.expected.expect("count target") - 10.0).abs() < EPS);
    assert_eq!(s.full_target, Some(365.0));
    assert_eq!(s.measured, MeasuredStatus::IngaRapporter);
}

#[test]
fn leap_years_count_their_extra_day() {
    // 2016 has 366 days; by 29 February 60 days have passed.
    let p = pledge_with(vec![("A", total(366.0))], "2016-01-01", "2016-12-31");
    let s = status_of(&p, vec![], "2016-02-29");
    assert!((s.expected.expect("count target") - 60.0).abs() < EPS);
    let period = &p.period;
    assert!((elapsed_units(period, d("2016-02-29"), RateUnit::Manad) - 2.0).abs() < EPS);
    assert!(
        (elapsed_units(period, d("2016-02-14"), RateUnit::Manad) - (1.0 + 14.0 / 29.0)).abs() < EPS
    );
}

#[test]
fn as_of_outside_the_period_is_clamped() {
    let p = pledge_with(vec![("A", total(100.0))], "2016-10-01", "2017-09-30");
    let before = status_of(&p, vec![], "2016-01-01");
    assert_eq!(before.expected, Some(0.0));
    let after = status_of(&p, vec![], "2020-01-01");
    assert!((after.expected.expect("count target") - 100.0).abs() < EPS);
    assert_eq!(
        default_as_of(&p, &[], d("2026-11-27")),
        d("2017-09-30"),
        "today after the period opens at its end"
    );
    assert_eq!(default_as_of(&p, &[], d("2015-01-01")), d("2016-10-01"));
}

#[test]
fn monthly_and_weekly_rates() {
    let p = pledge_with(
        vec![("A", rate(2.0, RateUnit::Manad))],
        "2016-10-01",
        "2017-09-30",
    );
    assert_eq!(
        p.commitments[0]
            .target
            .as_ref()
            .and_then(|t| super::time::full_amount(t, &p.period)),
        Some(24.0),
        "twelve whole calendar months"
    );
    let s = status_of(&p, vec![], "2016-12-31");
    assert!((s.expected.expect("rate") - 6.0).abs() < EPS);
    // Half of November (15 of 30 days) after one whole month.
    let s = status_of(&p, vec![], "2016-11-15");
    assert!((s.expected.expect("rate") - 3.0).abs() < EPS);
    let weekly = pledge_with(
        vec![("A", rate(20.0, RateUnit::Vecka))],
        "2017-01-02",
        "2017-12-31",
    );
    let s = status_of(&weekly, vec![], "2017-01-15");
    assert!((s.expected.expect("rate") - 40.0).abs() < EPS);
}

#[test]
fn thresholds_decide_behind_on_track_and_achieved() {
    let p = pledge_with(vec![("A", total(365.0))], "2017-01-01", "2017-12-31");
    // Expected 100 by 10 April (day 100).
    let on_track = status_of(&p, vec![act("2017-01-05", 90.0)], "2017-04-10");
    assert_eq!(
        on_track.measured,
        MeasuredStatus::EnligtPlan,
        "90 % of expected"
    );
    let behind = status_of(&p, vec![act("2017-01-05", 89.0)], "2017-04-10");
    assert_eq!(behind.measured, MeasuredStatus::EfterPlan);
    let achieved = status_of(&p, vec![act("2017-01-05", 730.0)], "2017-04-10");
    assert_eq!(achieved.measured, MeasuredStatus::Uppnatt);
    let pct = achieved.percent_of_target().expect("target");
    assert!(
        (pct - 200.0).abs() < EPS,
        "over-fulfilment is not capped: {pct}"
    );
}

#[test]
fn no_target_is_qualitative_once_reported() {
    let p = pledge_with(vec![("A", None)], "2017-01-01", "2017-12-31");
    assert_eq!(
        status_of(&p, vec![], "2017-06-01").measured,
        MeasuredStatus::IngaRapporter
    );
    let s = status_of(&p, vec![act("2017-02-01", 3.0)], "2017-06-01");
    assert_eq!(s.measured, MeasuredStatus::Kvalitativ);
    assert_eq!(
        s.expected, None,
        "never 0 % for a commitment without target"
    );
    assert_eq!(s.percent_of_target(), None);
    assert!((s.reported - 3.0).abs() < EPS);
}

#[test]
fn entries_after_as_of_are_ignored() {
    let p = pledge_with(vec![("A", total(10.0))], "2017-01-01", "2017-12-31");
    let s = status_of(
        &p,
        vec![act("2017-02-01", 1.0), act("2017-05-01", 1.0)],
        "2017-03-01",
    );
    assert_eq!(s.reports, 1);
    assert_eq!(s.last_report, Some(d("2017-02-01")));
}

fn range(from: &str, until: &str, amount: f64) -> Activity {
    let mut entry = act(from, amount);
    entry.until = Some(d(until));
    entry
}

#[test]
fn ranges_count_once_they_are_over() {
    // Rule 2: "maj–juli: 92 tillsyner" is known on 31 July, not spread over May.
    let p = pledge_with(vec![("A", total(10.0))], "2017-01-01", "2017-12-31");
    let entry = range("2017-05-01", "2017-07-31", 92.0);
    let mid = status_of(&p, vec![entry.clone()], "2017-05-31");
    assert!(mid.reported.abs() < EPS, "nothing before its last day");
    assert_eq!(mid.reports, 0);
    assert_eq!(mid.last_report, None);
    assert_eq!(mid.measured, MeasuredStatus::IngaRapporter);
    let last_day = status_of(&p, vec![entry.clone()], "2017-07-31");
    assert!((last_day.reported - 92.0).abs() < EPS);
    assert_eq!(
        last_day.qualifier,
        Qualifier::Exakt,
        "never ca for a whole range"
    );
    assert_eq!(last_day.last_report, Some(d("2017-07-31")));
    let report = compute(&p, &file(vec![entry]), d("2017-05-31"));
    assert_eq!(report.by_party.first().map(|g| g.reports), Some(0));
}

#[test]
fn a_year_report_does_not_make_october_achieved() {
    // Rule 2: "Under året: 40 insatser" against a target of 40.
    let mut target = total(40.0);
    if let Some(t) = target.as_mut() {
        t.unit = "insatser".into();
    }
    let p = pledge_with(vec![("A", target)], "2018-01-01", "2018-12-31");
    let mut year = range("2018-01-01", "2018-12-31", 40.0);
    if let Some(q) = year.quantity.as_mut() {
        q.unit = "insatser".into();
    }
    let october = status_of(&p, vec![year.clone()], "2018-10-15");
    assert!(october.reported.abs() < EPS, "was ca 31,6 when spread");
    assert_ne!(october.measured, MeasuredStatus::Uppnatt);
    assert_eq!(october.measured, MeasuredStatus::IngaRapporter);
    let end = status_of(&p, vec![year.clone()], "2018-12-31");
    assert!((end.reported - 40.0).abs() < EPS);
    assert_eq!(end.measured, MeasuredStatus::Uppnatt);
    // The chart uses the same rule: a step at the last day, no ramp.
    let prepared = Prepared::new(&p, &file(vec![year]));
    let points = prepared.series(&p, 0, &[d("2018-10-15"), d("2018-12-30"), d("2018-12-31")]);
    let reported: Vec<f64> = points.iter().map(|pt| pt.reported).collect();
    assert_eq!(reported, vec![0.0, 0.0, 40.0]);
}

#[test]
fn running_totals_at_a_past_date_use_the_total_known_then() {
    // Rule 1: "maj–juli: 71 kontroller", later "maj–december: 301", both running totals.
    let p = pledge_with(vec![("A", total(365.0))], "2018-01-01", "2018-12-31");
    let mut july = range("2018-05-01", "2018-07-31", 71.0);
    july.cumulative = true;
    let mut december = range("2018-05-01", "2018-12-31", 301.0);
    december.cumulative = true;
    let entries = vec![december, july];
    let s = status_of(&p, entries.clone(), "2018-07-31");
    assert!(
        (s.reported - 71.0).abs() < EPS,
        "was ca 113: {}",
        s.reported
    );
    assert_eq!(s.qualifier, Qualifier::Exakt);
    let s = status_of(&p, entries.clone(), "2018-11-30");
    assert!(
        (s.reported - 71.0).abs() < EPS,
        "December's total is not known in November"
    );
    let s = status_of(&p, entries.clone(), "2018-12-31");
    assert!((s.reported - 301.0).abs() < EPS);
    let s = status_of(&p, entries, "2018-06-30");
    assert!(s.reported.abs() < EPS, "no total is known yet");
    assert_eq!(s.reports, 0);
    assert_eq!(s.measured, MeasuredStatus::IngaRapporter);
}

#[test]
fn a_target_is_measured_over_its_own_window() {
    // Rule 3: signed in the spring, "minst en kontroll varje dygn" followed up from May.
    let mut daily = rate(1.0, RateUnit::Dag);
    if let Some(t) = daily.as_mut() {
        t.from = Some(d("2018-05-01"));
    }
    let p = pledge_with(vec![("A", daily)], "2018-01-01", "2018-12-31");
    let entries = vec![act("2018-04-20", 30.0), act("2018-05-05", 9.0)];
    let before = status_of(&p, entries.clone(), "2018-04-30");
    assert_eq!(before.expected, Some(0.0), "nothing expected before May");
    assert_eq!(before.full_target, Some(245.0), "1 May – 31 December");
    assert!(before.reported.abs() < EPS);
    assert_eq!(before.measured, MeasuredStatus::IngaRapporter);
    let s = status_of(&p, entries, "2018-05-10");
    assert!(
        (s.expected.expect("rate") - 10.0).abs() < EPS,
        "not 130 from January"
    );
    assert!(
        (s.reported - 9.0).abs() < EPS,
        "April's entry is before the window"
    );
    assert_eq!(s.reports, 1);
    assert_eq!(s.measured, MeasuredStatus::EnligtPlan);
    let pct = s.expected_percent().expect("count target");
    assert!((pct - 10.0 / 245.0 * 100.0).abs() < EPS);
    assert_eq!(
        s.target_window.map(|w| (w.start, w.end)),
        Some((d("2018-05-01"), d("2018-12-31")))
    );
    let whole = pledge_with(vec![("A", total(10.0))], "2018-01-01", "2018-12-31");
    assert_eq!(status_of(&whole, vec![], "2018-05-10").target_window, None);
}

#[test]
fn a_window_can_end_before_the_period_and_a_revision_starts_it() {
    let mut spring = total(10.0);
    if let Some(t) = spring.as_mut() {
        t.until = Some(d("2018-06-30"));
    }
    let mut p = pledge_with(
        vec![("A", spring), ("B", total(92.0))],
        "2018-01-01",
        "2018-12-31",
    );
    p.revisions.push(crate::model::Revision {
        date: d("2018-10-01"),
        commitment: "B".into(),
        change: crate::model::RevisionChange::Tillagt,
        reason: "tillagt vid mötet".into(),
    });
    let report = compute(&p, &file(vec![act("2018-07-05", 3.0)]), d("2018-10-31"));
    let [a, b] = report.commitments.as_slice() else {
        panic!("two commitments");
    };
    assert_eq!(
        a.expected,
        Some(10.0),
        "the whole target by the window's end"
    );
    assert!(a.reported.abs() < EPS, "July is after the window");
    // Added on 1 October: 92 over October–December, 31 by 31 October.
    assert!((b.expected.expect("total") - 31.0).abs() < EPS);
    assert_eq!(b.target_window.map(|w| w.start), Some(d("2018-10-01")));
}

#[test]
fn the_default_date_reaches_a_final_meeting_after_the_period() {
    // Rule 12.
    let p = pledge_with(vec![("A", total(10.0))], "2016-10-01", "2017-09-30");
    let meeting: Meeting = ron::from_str(
        r#"(version: 1, title: "Slutuppföljning", date: "2017-11-15", place: "Polishuset",
            state: Avslutat, participants: [], items: [])"#,
    )
    .expect("a minimal meeting");
    let meetings = [meeting];
    assert_eq!(
        as_of_range(&p, &meetings),
        (d("2016-10-01"), d("2017-11-15"))
    );
    assert_eq!(
        default_as_of(&p, &meetings, d("2026-11-27")),
        d("2017-11-15")
    );
    assert_eq!(
        default_as_of(&p, &meetings, d("2017-10-20")),
        d("2017-10-20")
    );
    assert_eq!(
        default_as_of(&p, &meetings, d("2016-01-01")),
        d("2016-10-01")
    );
    assert_eq!(default_as_of(&p, &[], d("2026-11-27")), d("2017-09-30"));
}

#[test]
fn cumulative_reports_replace_earlier_totals() {
    let p = pledge_with(vec![("A", total(100.0))], "2017-01-01", "2017-12-31");
    let mut first = act("2017-01-31", 10.0);
    first.cumulative = true;
    let mut second = act("2017-02-28", 25.0);
    second.cumulative = true;
    let plain = act("2017-02-10", 2.0);
    let s = status_of(&p, vec![second.clone(), first.clone(), plain], "2017-03-01");
    assert!(
        (s.reported - 27.0).abs() < EPS,
        "25 (latest running total) + 2"
    );
    assert_eq!(s.reports, 3);
    let s = status_of(&p, vec![second, first], "2017-02-15");
    assert!(
        (s.reported - 10.0).abs() < EPS,
        "the later total is not yet known"
    );
}

#[test]
fn qualifiers_carry_into_totals() {
    let p = pledge_with(vec![("A", total(100.0))], "2017-01-01", "2017-12-31");
    let mut about = act("2017-01-10", 60.0);
    if let Some(q) = about.quantity.as_mut() {
        q.qualifier = Qualifier::Cirka;
    }
    let s = status_of(&p, vec![act("2017-01-05", 5.0), about], "2017-02-01");
    assert!((s.reported - 65.0).abs() < EPS);
    assert_eq!(s.qualifier, Qualifier::Cirka);
}

#[test]
fn other_units_do_not_count_towards_the_target() {
    let p = pledge_with(vec![("A", total(10.0))], "2017-01-01", "2017-12-31");
    let mut hours = act("2017-01-05", 8.0);
    if let Some(q) = hours.quantity.as_mut() {
        q.unit = "timmar".into();
    }
    let s = status_of(&p, vec![act("2017-01-06", 2.0), hours], "2017-02-01");
    assert!((s.reported - 2.0).abs() < EPS);
    assert_eq!(s.by_unit.len(), 2, "both units are still listed");
}

#[test]
fn broken_entries_are_skipped() {
    let p = pledge_with(vec![("A", total(10.0))], "2017-01-01", "2017-12-31");
    let mut negative = act("2017-01-05", -8.0);
    negative.note = Some("negativt".into());
    let mut unknown_party = act("2017-01-05", 4.0);
    unknown_party.party = "okand".into();
    let s = status_of(
        &p,
        vec![act("2017-01-06", 2.0), negative, unknown_party],
        "2017-02-01",
    );
    assert!((s.reported - 2.0).abs() < EPS);
    assert_eq!(s.reports, 1);
}

#[test]
fn milestones_are_reached_by_a_report() {
    let milestone = Some(Target {
        shape: TargetShape::Milestone {
            by: d("2017-03-31"),
        },
        unit: String::new(),
        bound: Bound::Minst,
        condition: None,
        from: None,
        until: None,
        example: false,
    });
    let p = pledge_with(vec![("A", milestone)], "2017-01-01", "2017-12-31");
    assert_eq!(
        status_of(&p, vec![], "2017-02-01").measured,
        MeasuredStatus::IngaRapporter
    );
    assert_eq!(
        status_of(&p, vec![], "2017-04-01").measured,
        MeasuredStatus::EfterPlan
    );
    assert_eq!(
        status_of(&p, vec![act("2017-03-01", 1.0)], "2017-04-01").measured,
        MeasuredStatus::Uppnatt
    );
}

#[test]
fn entries_with_several_commitments_count_once_per_party() {
    let mut p = pledge_with(
        vec![("A", total(10.0)), ("B", None)],
        "2017-01-01",
        "2017-12-31",
    );
    p.problem_areas.push(crate::model::ProblemArea {
        number: 1,
        title: "Område".into(),
        focus: true,
    });
    for c in &mut p.commitments {
        c.problem_areas = vec![1];
    }
    let mut both = act("2017-01-05", 1.0);
    both.commitments = smallvec::smallvec!["A".into(), "B".into()];
    let report = compute(&p, &file(vec![both]), d("2017-02-01"));
    assert_eq!(report.by_party.first().map(|g| g.reports), Some(1));
    assert_eq!(report.by_area.first().map(|g| g.reports), Some(1));
    assert_eq!(
        report.commitments.iter().map(|c| c.reports).sum::<usize>(),
        2
    );
}
