use super::*;
use crate::model::{
    Activity, ActivityFile, Bound, Commitment, Party, PartyKind, Period, Pledge, Quantity,
    RateUnit, RevisionChange, Target,
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
        convener: Some("polis".into()),
        communication_lead: Some("polis".into()),
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
                parts: Vec::new(),
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
        date: d(date).into(),
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
        milestone_reached: false,
        instead: None,
        part: None,
        with: Vec::new(),
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
        status_of(&p, vec![], "2016-10-01").full_target,
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
        date: d("2018-10-01").into(),
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

#[allow(clippy::unnecessary_wraps)] // mirrors `Commitment::target`
fn milestone(by: Option<&str>) -> Option<Target> {
    Some(Target {
        shape: TargetShape::Milestone { by: by.map(d) },
        unit: String::new(),
        bound: Bound::Minst,
        condition: None,
        from: None,
        until: None,
        example: false,
    })
}

fn reached(date: &str) -> Activity {
    let mut entry = act(date, 1.0);
    entry.quantity = None;
    entry.milestone_reached = true;
    entry
}

#[test]
fn a_milestone_is_reached_only_when_an_entry_says_so() {
    let p = pledge_with(
        vec![("A", milestone(Some("2017-03-31")))],
        "2017-01-01",
        "2017-12-31",
    );
    assert_eq!(
        status_of(&p, vec![], "2017-02-01").measured,
        MeasuredStatus::IngaRapporter
    );
    assert_eq!(
        status_of(&p, vec![], "2017-04-01").measured,
        MeasuredStatus::EfterPlan
    );
    // Work towards it is reported: not reached, whatever the amount.
    let work = vec![act("2017-02-10", 5.0), act("2017-03-01", 3.0)];
    let s = status_of(&p, work.clone(), "2017-03-15");
    assert_eq!(s.measured, MeasuredStatus::EnligtPlan);
    assert_eq!(s.milestone_reached, None);
    assert_eq!(
        status_of(&p, work.clone(), "2017-04-01").measured,
        MeasuredStatus::EfterPlan
    );
    // Reached on 20 March: uppnått from that day, not before.
    let mut with_reached = work;
    with_reached.push(reached("2017-03-20"));
    assert_eq!(
        status_of(&p, with_reached.clone(), "2017-03-19").measured,
        MeasuredStatus::EnligtPlan
    );
    let s = status_of(&p, with_reached, "2017-04-01");
    assert_eq!(s.measured, MeasuredStatus::Uppnatt);
    assert_eq!(s.milestone_reached, Some(d("2017-03-20")));
}

#[test]
fn a_milestone_without_a_date_is_never_behind() {
    let p = pledge_with(vec![("A", milestone(None))], "2017-01-01", "2017-12-31");
    assert_eq!(
        status_of(&p, vec![], "2017-12-31").measured,
        MeasuredStatus::IngaRapporter
    );
    assert_eq!(
        status_of(&p, vec![act("2017-05-01", 1.0)], "2017-12-31").measured,
        MeasuredStatus::Kvalitativ
    );
    assert_eq!(
        status_of(&p, vec![reached("2017-06-01")], "2017-12-31").measured,
        MeasuredStatus::Uppnatt
    );
}

#[test]
fn a_rate_per_year_counts_calendar_years() {
    // "fyra gånger per år" over 2019–2020: 8 in all, 4 by the end of 2019,
    // 6 by 1 July 2020 (its 183rd day, of 366: half of the second year).
    let p = pledge_with(
        vec![("A", rate(4.0, RateUnit::Ar))],
        "2019-01-01",
        "2020-12-31",
    );
    let s = status_of(&p, vec![act("2019-06-01", 4.0)], "2019-12-31");
    assert!((s.full_target.unwrap_or_default() - 8.0).abs() < EPS);
    assert!((s.expected.unwrap_or_default() - 4.0).abs() < EPS);
    assert_eq!(s.measured, MeasuredStatus::EnligtPlan);
    let s = status_of(&p, vec![act("2019-06-01", 4.0)], "2020-07-01");
    assert!((s.expected.unwrap_or_default() - 6.0).abs() < EPS);
    assert_eq!(s.measured, MeasuredStatus::EfterPlan);
}

#[test]
fn a_weekday_target_expects_the_matching_days() {
    // "alla fredags- och lördagskvällar" from 1 May to 31 July 2018 (1 May
    // 2018 was a Tuesday): 13 Fridays and 13 Saturdays.
    let mut target = rate(1.0, RateUnit::Dag);
    if let Some(t) = &mut target {
        t.shape = TargetShape::Weekdays {
            amount: 1.0,
            days: vec![crate::model::Weekday::Fredag, crate::model::Weekday::Lordag],
        };
        t.unit = "kvällar".into();
    }
    let p = pledge_with(vec![("A", target)], "2018-05-01", "2018-07-31");
    let mut entry = act("2018-05-31", 8.0);
    if let Some(q) = &mut entry.quantity {
        q.unit = "kvällar".into();
    }
    // By Thursday 31 May: Fridays 4, 11, 18, 25 and Saturdays 5, 12, 19, 26.
    let s = status_of(&p, vec![entry.clone()], "2018-05-31");
    assert!((s.expected.unwrap_or_default() - 8.0).abs() < EPS);
    assert!((s.full_target.unwrap_or_default() - 26.0).abs() < EPS);
    assert_eq!(s.measured, MeasuredStatus::EnligtPlan);
    // Friday 1 June adds one more.
    let s = status_of(&p, vec![entry], "2018-06-01");
    assert!((s.expected.unwrap_or_default() - 9.0).abs() < EPS);
    let text = p.commitments[0].target.as_ref().map(ToString::to_string);
    assert_eq!(
        text.as_deref(),
        Some("minst 1 kvällar varje fredag och lördag")
    );
}

#[test]
fn matching_days_counts_each_weekday_once() {
    use crate::model::Weekday::{Fredag, Mandag, Sondag};
    let period = Period {
        start: d("2018-05-01"),
        end: d("2018-05-31"),
        signed: None,
    };
    // May 2018: Tuesday 1st; five Tuesdays to Thursdays, four of the rest.
    assert_eq!(time::matching_days(&period, d("2018-05-31"), &[Mandag]), 4);
    assert_eq!(
        time::matching_days(&period, d("2018-05-31"), &[Fredag, Fredag]),
        4
    );
    assert_eq!(time::matching_days(&period, d("2018-05-06"), &[Sondag]), 1);
    assert_eq!(time::matching_days(&period, d("2018-05-05"), &[Sondag]), 0);
    assert_eq!(time::matching_days(&period, d("2018-04-30"), &[Sondag]), 0);
}

fn revision(date: &str, change: RevisionChange) -> crate::model::Revision {
    crate::model::Revision {
        date: d(date).into(),
        commitment: "A".into(),
        change,
        reason: "beslut i styrgruppen".into(),
    }
}

#[test]
fn a_commitment_added_by_a_revision_is_not_behind_before_it() {
    // Added 2018-10-15 with 10 tillsyner for the rest of the year.
    let mut p = pledge_with(vec![("A", total(10.0))], "2018-01-01", "2018-12-31");
    p.revisions
        .push(revision("2018-10-15", RevisionChange::Tillagt));
    let early = act("2018-06-01", 3.0);
    let s = status_of(&p, vec![early.clone()], "2018-09-30");
    assert_eq!(s.measured, MeasuredStatus::Tillkommer);
    assert_eq!(s.added, Some(d("2018-10-15")));
    assert_eq!(s.reports, 0, "an entry before the addition does not count");
    assert_eq!(words::status_with_symbol(&s), "◌ tillkommer 2018-10-15");
    let report = compute(&p, &file(vec![early.clone()]), d("2018-09-30"));
    assert_eq!(
        report.counts()[MeasuredStatus::ALL
            .iter()
            .position(|m| *m == MeasuredStatus::EfterPlan)
            .unwrap_or(0)],
        0
    );
    // From the date it is an ordinary commitment measured from that day.
    let s = status_of(&p, vec![early, act("2018-10-20", 1.0)], "2018-10-31");
    assert_eq!(s.added, None);
    assert_eq!(s.reports, 1);
    assert_eq!(s.measured, MeasuredStatus::EfterPlan);
}

#[test]
fn a_dropped_commitment_is_utgatt_and_stops_accruing() {
    // One a month from January, dropped from 1 May: promised January to April.
    let mut p = pledge_with(
        vec![("A", rate(1.0, RateUnit::Manad))],
        "2017-01-01",
        "2017-12-31",
    );
    p.revisions
        .push(revision("2017-05-01", RevisionChange::Utgar));
    let entries = vec![act("2017-02-01", 1.0)];
    // Before the drop it is behind, as it was: 1 of 3.
    let s = status_of(&p, entries.clone(), "2017-04-01");
    assert_eq!(s.measured, MeasuredStatus::EfterPlan);
    // After it: utgått, never efter plan, and nothing more expected.
    let s = status_of(&p, entries.clone(), "2017-12-31");
    assert_eq!(s.measured, MeasuredStatus::Utgatt);
    assert_eq!(s.dropped, Some(d("2017-05-01")));
    let four_months = 4.0;
    assert!((s.expected.unwrap_or_default() - four_months).abs() < EPS);
    assert!((s.full_target.unwrap_or_default() - four_months).abs() < EPS);
    assert_eq!(words::status_with_symbol(&s), "✕ utgått 2017-05-01");
}

#[test]
fn a_reworded_commitment_shows_the_wording_of_the_date() {
    let mut p = pledge_with(vec![("A", None)], "2017-01-01", "2017-12-31");
    if let Some(c) = p.commitments.first_mut() {
        c.text = "Ny lydelse".into();
    }
    p.revisions.push(revision(
        "2017-06-01",
        RevisionChange::Omformulerat {
            previous_text: "Första lydelsen".into(),
        },
    ));
    p.revisions.push(revision(
        "2017-09-01",
        RevisionChange::Omformulerat {
            previous_text: "Andra lydelsen".into(),
        },
    ));
    let c = &p.commitments[0];
    assert_eq!(p.wording_at(c, d("2017-05-31")), "Första lydelsen");
    assert_eq!(p.wording_at(c, d("2017-06-01")), "Andra lydelsen");
    assert_eq!(p.wording_at(c, d("2017-08-31")), "Andra lydelsen");
    assert_eq!(p.wording_at(c, d("2017-09-01")), "Ny lydelse");
}

#[test]
fn a_joint_entry_counts_once_for_the_commitment_and_for_each_party() {
    // A parent meeting held by the police and the school together.
    let mut p = pledge_with(vec![("A", total(10.0))], "2017-01-01", "2017-12-31");
    p.parties.push(Party {
        id: "skolan".into(),
        name: "Skolan".into(),
        kind: PartyKind::Annan("skola".into()),
        signed: false,
    });
    if let Some(c) = p.commitments.first_mut() {
        c.owners.push("skolan".into());
    }
    let mut joint = act("2017-02-01", 1.0);
    joint.with = vec!["skolan".into(), "polis".into(), "skolan".into()];
    let files = file(vec![joint, act("2017-02-02", 1.0)]);
    let report = compute(&p, &files, d("2017-03-01"));
    let s = report.commitments.first().expect("one commitment");
    assert_eq!(s.reports, 2);
    assert!((s.reported - 2.0).abs() < EPS, "the amount counts once");
    let reports: Vec<usize> = report.by_party.iter().map(|g| g.reports).collect();
    assert_eq!(reports, vec![2, 1], "polis both, skolan the joint one");
    let monthly = Prepared::new(&p, &files).monthly_reports(&p, d("2017-03-01"));
    let february: Vec<usize> = monthly
        .by_party
        .iter()
        .map(|row| row.get(1).copied().unwrap_or_default())
        .collect();
    assert_eq!(february, vec![2, 1]);
    // An unknown party in `with` makes the entry unusable, like an unknown party.
    let mut broken = act("2017-02-01", 1.0);
    broken.with = vec!["okand".into()];
    let s = status_of(&p, vec![broken], "2017-03-01");
    assert_eq!(s.reports, 0);
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

#[test]
fn a_target_change_keeps_the_earlier_target_for_the_days_before_it() {
    // "Rondering en gång i månaden" becomes "varje vecka" from 1 July 2018.
    let mut p = pledge_with(
        vec![("A", rate(1.0, RateUnit::Vecka))],
        "2018-01-01",
        "2018-12-31",
    );
    p.revisions.push(revision(
        "2018-07-01",
        RevisionChange::MalAndrat {
            previous: rate(1.0, RateUnit::Manad),
        },
    ));
    let entries = vec![act("2018-03-01", 6.0)];
    // Before the change it is not known yet: once a month all year.
    let s = status_of(&p, entries.clone(), "2018-06-30");
    assert!((s.expected.unwrap_or_default() - 6.0).abs() < EPS);
    assert!((s.full_target.unwrap_or_default() - 12.0).abs() < EPS);
    assert_eq!(s.target_changed, None);
    let c = &p.commitments[0];
    assert_eq!(
        p.target_at(c, d("2018-06-30")).map(ToString::to_string),
        Some("minst 1 tillsyner per månad".to_owned())
    );
    // After it: six months by month, then 184 days by week.
    let s = status_of(&p, entries, "2018-09-30");
    assert!((s.expected.unwrap_or_default() - (6.0 + 92.0 / 7.0)).abs() < EPS);
    assert!((s.full_target.unwrap_or_default() - (6.0 + 184.0 / 7.0)).abs() < EPS);
    assert_eq!(s.target_changed, Some(d("2018-07-01")));
    assert_eq!(s.measured, MeasuredStatus::EfterPlan);
    assert_eq!(
        words::target_with_window(p.target_at(c, d("2018-09-30")), &s),
        "minst 1 tillsyner per vecka, från 2018-07-01 (målet ändrat)"
    );
}

#[test]
fn a_total_target_changed_midway_is_shared_by_days() {
    // Minst 10 for 2018, raised to minst 20 from 2 July (day 183 of 365).
    let mut p = pledge_with(vec![("A", total(20.0))], "2018-01-01", "2018-12-31");
    p.revisions.push(revision(
        "2018-07-02",
        RevisionChange::MalAndrat {
            previous: total(10.0),
        },
    ));
    let s = status_of(&p, vec![act("2018-03-01", 9.0)], "2018-12-31");
    let expected = 10.0 * 182.0 / 365.0 + 20.0 * 183.0 / 365.0;
    assert!((s.full_target.unwrap_or_default() - expected).abs() < EPS);
    assert!((s.expected.unwrap_or_default() - expected).abs() < EPS);
}

#[test]
fn a_week_month_or_year_counts_when_it_is_over() {
    // "i oktober: 12 tillsyner", "vecka 9: 3", "2018: 40".
    let p = pledge_with(vec![("A", total(100.0))], "2018-01-01", "2018-12-31");
    let with_span = |span: &str, amount: f64| {
        let mut entry = act("2018-01-01", amount);
        entry.date = span.parse().expect("a span");
        entry
    };
    let entries = vec![
        with_span("2018-10", 12.0),
        with_span("2018-W09", 3.0),
        with_span("2018", 40.0),
    ];
    let at = |date: &str| status_of(&p, entries.clone(), date).reported;
    assert!(
        (at("2018-03-03") - 0.0).abs() < EPS,
        "week 9 ends on Sunday 4 March"
    );
    assert!((at("2018-03-04") - 3.0).abs() < EPS);
    assert!((at("2018-10-30") - 3.0).abs() < EPS, "October is not over");
    assert!((at("2018-10-31") - 15.0).abs() < EPS);
    assert!((at("2018-12-31") - 55.0).abs() < EPS);
    // The entry says when as the report did: never an invented day.
    let october = with_span("2018-10", 12.0);
    assert_eq!(october.when(), "oktober 2018");
    assert_eq!(with_span("2018-W09", 1.0).when(), "vecka 9 2018");
    let mut range = act("2018-05-01", 1.0);
    range.until = Some(d("2018-07-31"));
    assert_eq!(range.when(), "2018-05-01 – 2018-07-31");
}

#[test]
fn reports_without_a_number_are_not_zero_percent_of_the_target() {
    let p = pledge_with(vec![("A", total(10.0))], "2018-01-01", "2018-12-31");
    let mut entry = act("2018-03-01", 0.0);
    entry.quantity = None;
    entry.note = Some("Hög synlighet, inget antal".into());
    let s = status_of(&p, vec![entry], "2018-12-31");
    assert_eq!(s.measured, MeasuredStatus::Kvalitativ);
    assert_eq!(s.percent_of_target(), None);
    assert_eq!(words::reported_of_target(&s), "1 rapport, inget antal");
    assert_eq!(s.full_target, Some(10.0), "the target is still shown");
}

#[test]
fn an_entry_done_instead_of_the_promise_is_listed_not_counted() {
    // Parent meetings cancelled by a pandemic; a leaflet sent home instead.
    let p = pledge_with(vec![("A", total(4.0))], "2020-01-01", "2020-12-31");
    let mut leaflet = act("2020-03-20", 1.0);
    leaflet.note = Some("ANDT-folder hem till alla vårdnadshavare".into());
    leaflet.instead = Some("föräldramötena ställdes in på grund av pandemin".into());
    let entries = vec![act("2020-02-01", 1.0), leaflet];
    let s = status_of(&p, entries.clone(), "2020-12-31");
    assert_eq!(s.reports, 1, "the leaflet is not a parent meeting");
    assert!((s.reported - 1.0).abs() < EPS);
    assert_eq!(s.instead.len(), 1);
    assert_eq!(
        words::instead(&s.instead[0]),
        "ANDT-folder hem till alla vårdnadshavare (2020-03-20). \
         Skäl: föräldramötena ställdes in på grund av pandemin"
    );
    assert_eq!(
        s.snapshot(d("2020-12-31")).instead.len(),
        1,
        "kept in the minutes"
    );
    assert!(status_of(&p, entries, "2020-03-19").instead.is_empty());
}

#[test]
fn coverage_of_a_named_set_counts_the_places_reached() {
    // "En kontaktperson i alla kommunala grundskolor": 12 schools.
    let schools: Vec<String> = (1..=12).map(|n| format!("Skola {n}")).collect();
    let mut target = total(1.0);
    if let Some(t) = &mut target {
        t.shape = TargetShape::Coverage {
            times: 1.0,
            per: None,
        };
        t.unit = "skolor".into();
    }
    let mut p = pledge_with(vec![("A", target)], "2018-01-01", "2018-12-31");
    p.commitments[0].places.clone_from(&schools);
    let visit = |date: &str, place: &str| {
        let mut entry = act(date, 1.0);
        entry.quantity = None;
        entry.place = Some(place.into());
        entry
    };
    // Seven schools by the autumn, one of them twice, two named in one
    // entry; a place outside the set counts for nothing.
    let mut entries: Vec<Activity> = (1..=5)
        .map(|n| visit("2018-03-01", &format!("skola {n}")))
        .collect();
    entries.push(visit("2018-04-01", "Skola 1"));
    entries.push(visit("2018-09-01", "Skola 6 och Skola 7"));
    entries.push(visit("2018-09-02", "Stadshuset"));
    let s = status_of(&p, entries.clone(), "2018-09-30");
    assert!((s.reported - 7.0).abs() < EPS);
    assert_eq!(s.full_target, Some(12.0));
    assert_eq!(words::reported_of_target(&s), "7 av 12 skolor");
    // By 30 September 273 of 365 days: 9 schools expected, 7 is behind.
    assert!((s.expected.unwrap_or_default() - 12.0 * 273.0 / 365.0).abs() < EPS);
    assert_eq!(s.measured, MeasuredStatus::EfterPlan);
    let first = s.coverage.first().expect("per place");
    assert_eq!((first.visits, first.due), (2, 1));
    assert_eq!(words::place_coverage(first), "✔ 2 gånger, 1 behövs");
    let last = s.coverage.last().expect("per place");
    assert_eq!(words::place_coverage(last), "▼ 0 gånger, 1 behövs");
    assert_eq!(
        p.commitments[0].target.as_ref().map(ToString::to_string),
        Some("alla skolor".to_owned())
    );
}

#[test]
fn coverage_with_a_rate_needs_every_place_every_time() {
    // "Alla gångtunnlar fyra gånger per år": 3 tunnels, 2018.
    let tunnels = vec!["Norra".to_owned(), "Södra".to_owned(), "Östra".to_owned()];
    let mut target = total(1.0);
    if let Some(t) = &mut target {
        t.shape = TargetShape::Coverage {
            times: 4.0,
            per: Some(RateUnit::Ar),
        };
        t.unit = "gångtunnlar".into();
        t.bound = Bound::Minst;
    }
    let mut p = pledge_with(vec![("A", target)], "2018-01-01", "2018-12-31");
    p.commitments[0].places.clone_from(&tunnels);
    let round = |date: &str| {
        let mut entry = act(date, 1.0);
        entry.quantity = None;
        entry.place = Some("Norra, Södra, Östra".into());
        entry
    };
    let three_rounds = vec![
        round("2018-02-01"),
        round("2018-05-01"),
        round("2018-08-01"),
    ];
    // By 30 June 4 × 181/365 = 1.98 rounds are due: one whole round done
    // is on track.
    let s = status_of(&p, three_rounds.clone(), "2018-06-30");
    assert_eq!(s.coverage.first().map(|c| c.due), Some(1));
    assert!((s.reported - 3.0).abs() < EPS);
    assert_eq!(
        s.measured,
        MeasuredStatus::EnligtPlan,
        "on track, not uppnått yet"
    );
    // At the year's end four are due and three were done: none covered.
    let s = status_of(&p, three_rounds.clone(), "2018-12-31");
    assert!((s.reported - 0.0).abs() < EPS);
    assert_eq!(s.measured, MeasuredStatus::EfterPlan);
    let mut four = three_rounds;
    four.push(round("2018-11-01"));
    let s = status_of(&p, four, "2018-12-31");
    assert_eq!(s.measured, MeasuredStatus::Uppnatt);
    assert_eq!(
        p.commitments[0].target.as_ref().map(ToString::to_string),
        Some("alla gångtunnlar, minst 4 gånger per år".to_owned())
    );
}

#[test]
fn a_commitment_in_parts_says_how_many_parts_are_reached() {
    // "En permanent resurs och ett lokalt kontor".
    let mut p = pledge_with(vec![("A", None)], "2018-01-01", "2018-12-31");
    let mut office = milestone(None);
    let mut resource = total(1.0);
    if let Some(t) = &mut resource {
        t.unit = "resurser".into();
    }
    if let Some(t) = &mut office {
        t.unit = String::new();
    }
    p.commitments[0].parts = vec![
        crate::model::Part {
            id: "resurs".into(),
            text: "en permanent resurs".into(),
            target: resource,
        },
        crate::model::Part {
            id: "kontor".into(),
            text: "ett lokalt kontor".into(),
            target: office,
        },
    ];
    let mut hired = act("2018-03-01", 1.0);
    hired.quantity = Some(Quantity {
        amount: 1.0,
        unit: "resurser".into(),
        qualifier: Qualifier::Exakt,
    });
    hired.part = Some("resurs".into());
    let mut planning = act("2018-04-01", 1.0);
    planning.quantity = None;
    planning.part = Some("kontor".into());
    let s = status_of(&p, vec![hired.clone(), planning.clone()], "2018-06-30");
    assert_eq!(s.parts.len(), 2);
    assert_eq!(s.parts[0].status.measured, MeasuredStatus::Uppnatt);
    assert_eq!(
        s.parts[1].status.measured,
        MeasuredStatus::Kvalitativ,
        "work, not reached"
    );
    assert_eq!(words::reported_of_target(&s), "1 av 2 delar");
    assert_eq!(s.measured, MeasuredStatus::EnligtPlan);
    let mut opened = reached("2018-09-01");
    opened.part = Some("kontor".into());
    let s = status_of(&p, vec![hired, planning, opened], "2018-12-31");
    assert_eq!(words::reported_of_target(&s), "2 av 2 delar");
    assert_eq!(s.measured, MeasuredStatus::Uppnatt);
    assert_eq!(s.reports, 3, "every entry is a report of the commitment");
}

#[test]
fn a_dropped_total_target_is_what_was_due_until_the_drop() {
    // Minst 12 for 2017, dropped from 1 July: 181 of 365 days were promised.
    let mut p = pledge_with(vec![("A", total(12.0))], "2017-01-01", "2017-12-31");
    p.revisions
        .push(revision("2017-07-01", RevisionChange::Utgar));
    let s = status_of(&p, vec![act("2017-03-01", 5.0)], "2017-12-31");
    let due = 12.0 * 181.0 / 365.0;
    assert!(
        (s.full_target.unwrap_or_default() - due).abs() < EPS,
        "{:?}",
        s.full_target
    );
    assert!((s.expected.unwrap_or_default() - due).abs() < EPS);
    assert_eq!(s.measured, MeasuredStatus::Utgatt);
    assert_eq!(words::status_lines(&s), "✕ utgått\n2017-07-01");
}
