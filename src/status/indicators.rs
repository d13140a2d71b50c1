//! Effect follow-up (effektuppföljning): what the pledge's indicators say at
//! a date — the latest value, the change since the first number and whether
//! it moves towards the goal. Kept apart from the commitments' status: an
//! indicator is a measure of the problem, not of the work, and is never
//! summed with activity counts.
//!
//! | rule | where |
//! | --- | --- |
//! | A value is known from its date: at an as-of date only values dated on or before it count | [`known_by`] |
//! | The change runs from the first to the latest value *with a number*; text-only observations are shown, not compared | [`compute_one`] |
//! | "minst 200" is a lower bound: a change is certain only when the bounds say so, else it cannot be told | [`Change::between`] |
//! | "ca" keeps its "ca" through the change ("har minskat med ca 3 procentenheter") | [`Change::between`] |
//! | A relative change (%) only for units that are not percentages, from a first value above 0 | [`Change::between`] |
//! | Toward the goal: *ska minska* and a decrease, *ska öka* and an increase, a level and a smaller distance to it (reached once crossed) | [`verdict`] |
//! | One numeric value, or only text: *kan inte bedömas* | [`verdict`] |

use std::fmt;

use crate::format;
use crate::model::{
    Date, Indicator, IndicatorGoal, IndicatorId, IndicatorValue, Pledge, Qualifier, amount_in_unit,
    is_percent_unit,
};

/// Whether a value is known at `as_of`: its date is on or before it.
pub fn known_by(value: &IndicatorValue, as_of: Date) -> bool {
    value.date.last() <= as_of
}

/// Which way a numeric indicator moved between its first and latest value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    /// Lower now.
    Decreased,
    /// Higher now.
    Increased,
    /// The same.
    Unchanged,
    /// A bound ("minst 200") leaves open which way it went.
    Uncertain,
}

impl Trend {
    /// Stable key used in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            Trend::Decreased => "decreased",
            Trend::Increased => "increased",
            Trend::Unchanged => "unchanged",
            Trend::Uncertain => "uncertain",
        }
    }
}

/// The change from the first numeric value to the latest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// The date of the first numeric value.
    pub since: crate::model::Span,
    /// Which way it went.
    pub trend: Trend,
    /// Latest minus first, in the indicator's unit (negative: it fell);
    /// with a `Minst` qualifier the change is at least this large. `None`
    /// when the trend is uncertain.
    pub absolute: Option<f64>,
    /// The change relative to the first value, in percent; `None` for a
    /// percentage unit (its change is in procentenheter), a first value of
    /// 0 or below, or an uncertain trend.
    pub percent: Option<f64>,
    /// How exact the size of the change is.
    pub qualifier: Qualifier,
}

impl Change {
    /// The change from `first` to `latest` (both with a number).
    ///
    /// An exact or "ca" value is a point; "minst v" is everything from v
    /// up. The change is the difference of the two ranges: certain in sign
    /// only when the whole range is on one side of 0, and then at least as
    /// large as its smallest size.
    fn between(first: Numeric, latest: Numeric, percent_unit: bool) -> Change {
        let upper = |n: Numeric| match n.qualifier {
            Qualifier::Minst => f64::INFINITY,
            Qualifier::Exakt | Qualifier::Cirka => n.value,
        };
        let lowest = latest.value - upper(first);
        let highest = upper(latest) - first.value;
        let about = first.qualifier == Qualifier::Cirka || latest.qualifier == Qualifier::Cirka;
        let bounded = first.qualifier == Qualifier::Minst || latest.qualifier == Qualifier::Minst;
        let (trend, absolute) = if lowest.is_finite() && highest.is_finite() {
            let diff = latest.value - first.value;
            let trend = if diff < 0.0 {
                Trend::Decreased
            } else if diff > 0.0 {
                Trend::Increased
            } else {
                Trend::Unchanged
            };
            (trend, Some(diff))
        } else if lowest > 0.0 {
            (Trend::Increased, Some(lowest))
        } else if highest < 0.0 {
            (Trend::Decreased, Some(highest))
        } else {
            (Trend::Uncertain, None)
        };
        let qualifier = match (about, bounded && absolute.is_some()) {
            (true, _) => Qualifier::Cirka,
            (false, true) => Qualifier::Minst,
            (false, false) => Qualifier::Exakt,
        };
        let percent = absolute
            .filter(|_| !percent_unit && first.value > 0.0)
            .map(|a| a / first.value * 100.0);
        Change {
            since: first.date,
            trend,
            absolute,
            percent,
            qualifier,
        }
    }
}

/// How the indicator moves against its goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// It moved the way the goal says.
    TowardGoal,
    /// It moved the other way.
    AwayFromGoal,
    /// It did not move.
    Unchanged,
    /// A level goal was reached (or passed).
    GoalReached,
    /// Not enough to tell: one numeric value, only text, or a bound that
    /// leaves the direction open.
    CannotTell,
    /// The pledge sets no goal for it.
    NoGoal,
}

impl Verdict {
    /// Stable key used in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::TowardGoal => "toward_goal",
            Verdict::AwayFromGoal => "away_from_goal",
            Verdict::Unchanged => "unchanged",
            Verdict::GoalReached => "goal_reached",
            Verdict::CannotTell => "cannot_tell",
            Verdict::NoGoal => "no_goal",
        }
    }

    /// A symbol that goes with the words, so colour is never the only
    /// carrier; the same shapes as the commitments' statuses (● on the way,
    /// ▼ the wrong way, ✔ reached).
    pub fn symbol(self) -> &'static str {
        match self {
            Verdict::TowardGoal => "●",
            Verdict::AwayFromGoal => "▼",
            Verdict::Unchanged => "=",
            Verdict::GoalReached => "✔",
            Verdict::CannotTell => "?",
            Verdict::NoGoal => "–",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::TowardGoal => "går åt rätt håll",
            Verdict::AwayFromGoal => "går åt fel håll",
            Verdict::Unchanged => "oförändrat",
            Verdict::GoalReached => "målet är nått",
            Verdict::CannotTell => "kan inte bedömas",
            Verdict::NoGoal => "inget mål angivet",
        })
    }
}

/// A value with a number, as the change and the chart use it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeric {
    /// Its date.
    pub date: crate::model::Span,
    /// The number.
    pub value: f64,
    /// How exact it is.
    pub qualifier: Qualifier,
}

/// What one indicator says at a date.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorStatus {
    /// The indicator.
    pub id: IndicatorId,
    /// What is measured.
    pub name: String,
    /// The unit of its values.
    pub unit: String,
    /// Its goal, if the pledge sets one.
    pub goal: Option<IndicatorGoal>,
    /// The values known at the as-of date, oldest first (by date; values
    /// of the same date in file order).
    pub values: Vec<IndicatorValue>,
    /// The change from the first to the latest numeric value, when there
    /// are two.
    pub change: Option<Change>,
    /// How it moves against the goal.
    pub verdict: Verdict,
}

impl IndicatorStatus {
    /// The latest value known, with a number or not.
    pub fn latest(&self) -> Option<&IndicatorValue> {
        self.values.last()
    }

    /// The values with a number, oldest first: the chart's points.
    pub fn numeric(&self) -> Vec<Numeric> {
        numeric(&self.values)
    }

    /// "ca 96 %", "212 anmälningar", "har minskat enligt polisens
    /// lägesbild": the latest value in words, with its date.
    pub fn latest_words(&self) -> String {
        match self.latest() {
            Some(v) => format!("{} ({})", value_words(v, &self.unit), v.date.words()),
            None => "inget värde ännu".to_owned(),
        }
    }

    /// "har minskat med 25 anmälningar (12 %) sedan 2016-09-30"; what is
    /// known when there is no change to tell.
    pub fn change_words(&self) -> String {
        match self.change {
            Some(change) => change_words(&change, &self.unit),
            None if self.numeric().len() == 1 => "inget tidigare värde att jämföra med".to_owned(),
            None if self.values.is_empty() => "inget att jämföra ännu".to_owned(),
            None => "inget värde med tal att jämföra".to_owned(),
        }
    }

    /// "ska minska: ● går åt rätt håll"; "inget mål angivet".
    pub fn verdict_words(&self) -> String {
        match self.goal {
            Some(goal) => format!(
                "{}: {} {}",
                goal.words(&self.unit),
                self.verdict.symbol(),
                self.verdict
            ),
            None => self.verdict.to_string(),
        }
    }

    /// "3 värden": how many values are known.
    pub fn count_words(&self) -> String {
        format::count(self.values.len(), "värde", "värden")
    }
}

/// A value in words: "ca 96 %", "minst 2 000 anmälda brott, enligt
/// källan ”drygt 2 000”"; a value without a number is its text.
pub fn value_words(value: &IndicatorValue, unit: &str) -> String {
    let text = value
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    match (value.value, text) {
        (Some(v), None) => format!("{}{}", value.qualifier.prefix(), amount_in_unit(v, unit)),
        (Some(v), Some(text)) => format!(
            "{}{}, enligt källan ”{text}”",
            value.qualifier.prefix(),
            amount_in_unit(v, unit)
        ),
        (None, Some(text)) => text.to_owned(),
        (None, None) => "–".to_owned(),
    }
}

/// "har minskat med 25 anmälningar (12 %) sedan 2016-09-30", "har ökat
/// med ca 3 procentenheter sedan 2016-05-31", "oförändrat sedan …".
pub fn change_words(change: &Change, unit: &str) -> String {
    let since = change.since.words();
    let Some(absolute) = change.absolute else {
        return format!("går inte att säga om det har ökat eller minskat sedan {since}");
    };
    let prefix = change.qualifier.prefix();
    let size = absolute.abs();
    let amount = if is_percent_unit(unit) {
        let noun = if format::number(size) == "1" {
            "procentenhet"
        } else {
            "procentenheter"
        };
        format!("{} {noun}", format::number(size))
    } else {
        amount_in_unit(size, unit)
    };
    let relative = change
        .percent
        .map(|p| format!(" ({})", format::percent(p.abs())))
        .unwrap_or_default();
    match change.trend {
        Trend::Decreased => format!("har minskat med {prefix}{amount}{relative} sedan {since}"),
        Trend::Increased => format!("har ökat med {prefix}{amount}{relative} sedan {since}"),
        Trend::Unchanged if change.qualifier == Qualifier::Cirka => {
            format!("ungefär oförändrat sedan {since}")
        }
        Trend::Unchanged | Trend::Uncertain => format!("oförändrat sedan {since}"),
    }
}

fn numeric(values: &[IndicatorValue]) -> Vec<Numeric> {
    values
        .iter()
        .filter_map(|v| {
            Some(Numeric {
                date: v.date,
                value: v.value.filter(|x| x.is_finite())?,
                qualifier: v.qualifier,
            })
        })
        .collect()
}

/// The verdict of a change against a goal. `first` and `latest` are the
/// first and latest numeric values (the change's ends).
pub fn verdict(
    goal: Option<IndicatorGoal>,
    change: Option<&Change>,
    ends: Option<(Numeric, Numeric)>,
) -> Verdict {
    let Some(goal) = goal else {
        return Verdict::NoGoal;
    };
    let (Some(change), Some((first, latest))) = (change, ends) else {
        return Verdict::CannotTell;
    };
    let by_direction = |lower_is_better: bool| match (change.trend, lower_is_better) {
        (Trend::Uncertain, _) => Verdict::CannotTell,
        (Trend::Unchanged, _) => Verdict::Unchanged,
        (Trend::Decreased, true) | (Trend::Increased, false) => Verdict::TowardGoal,
        (Trend::Decreased, false) | (Trend::Increased, true) => Verdict::AwayFromGoal,
    };
    match goal {
        IndicatorGoal::Minska => by_direction(true),
        IndicatorGoal::Oka => by_direction(false),
        IndicatorGoal::Niva { value: level } => {
            // "minst v" can only be known to be at or above a level.
            let at_most_level = latest.qualifier != Qualifier::Minst && latest.value <= level;
            let at_least_level = latest.value >= level;
            if first.value > level {
                if at_most_level {
                    Verdict::GoalReached
                } else {
                    by_direction(true)
                }
            } else if first.value < level {
                if at_least_level {
                    Verdict::GoalReached
                } else {
                    by_direction(false)
                }
            } else if at_most_level && at_least_level {
                Verdict::GoalReached
            } else {
                Verdict::AwayFromGoal
            }
        }
    }
}

/// What `indicator` says at `as_of`.
pub fn compute_one(indicator: &Indicator, as_of: Date) -> IndicatorStatus {
    let mut values: Vec<IndicatorValue> = indicator
        .values
        .iter()
        .filter(|v| known_by(v, as_of))
        .cloned()
        .collect();
    // Stable: values of one date stay in file order.
    values.sort_by_key(|v| v.date);
    let points = numeric(&values);
    let ends = match (points.first(), points.last()) {
        (Some(first), Some(latest)) if points.len() >= 2 => Some((*first, *latest)),
        _ => None,
    };
    let change = ends
        .map(|(first, latest)| Change::between(first, latest, is_percent_unit(&indicator.unit)));
    IndicatorStatus {
        id: indicator.id.clone(),
        name: indicator.name.clone(),
        unit: indicator.unit.clone(),
        goal: indicator.goal,
        verdict: verdict(indicator.goal, change.as_ref(), ends),
        values,
        change,
    }
}

/// Every indicator of the pledge at `as_of`, in pledge order.
pub fn compute(pledge: &Pledge, as_of: Date) -> Vec<IndicatorStatus> {
    pledge
        .indicators
        .iter()
        .map(|i| compute_one(i, as_of))
        .collect()
}

/// The indicators at `as_of` as a concluded meeting keeps them: the words
/// its minutes print, so the record does not change when values are added
/// to the pledge later.
pub fn snapshots(pledge: &Pledge, as_of: Date) -> Vec<crate::model::meeting::EffectSnapshot> {
    compute(pledge, as_of)
        .iter()
        .map(|i| crate::model::meeting::EffectSnapshot {
            indicator: i.id.clone(),
            name: i.name.clone(),
            latest: i.latest_words(),
            change: i.change_words(),
            verdict: i.verdict_words(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        text.parse().expect("valid date")
    }

    fn number(date: &str, value: f64, qualifier: Qualifier) -> IndicatorValue {
        IndicatorValue {
            date: day(date).into(),
            value: Some(value),
            qualifier,
            text: None,
            source: None,
        }
    }

    fn words(date: &str, text: &str) -> IndicatorValue {
        IndicatorValue {
            date: day(date).into(),
            value: None,
            qualifier: Qualifier::Exakt,
            text: Some(text.to_owned()),
            source: None,
        }
    }

    fn indicator(
        unit: &str,
        goal: Option<IndicatorGoal>,
        values: Vec<IndicatorValue>,
    ) -> Indicator {
        Indicator {
            id: IndicatorId::new("I1"),
            name: "Anmälda misshandelsbrott".into(),
            unit: unit.into(),
            problem_areas: vec![1],
            goal,
            values,
        }
    }

    #[test]
    fn a_decrease_under_ska_minska_goes_the_right_way() {
        let i = indicator(
            "anmälningar",
            Some(IndicatorGoal::Minska),
            vec![
                number("2016-09-30", 212.0, Qualifier::Exakt),
                number("2017-09-30", 187.0, Qualifier::Exakt),
            ],
        );
        let s = compute_one(&i, day("2017-12-31"));
        let change = s.change.expect("two values");
        assert_eq!(change.trend, Trend::Decreased);
        assert_eq!(change.absolute, Some(-25.0));
        let percent = change.percent.expect("a count unit has a relative change");
        assert!((percent + 11.792).abs() < 0.001, "{percent}");
        assert_eq!(s.verdict, Verdict::TowardGoal);
        assert_eq!(s.latest_words(), "187 anmälningar (2017-09-30)");
        assert_eq!(
            s.change_words(),
            "har minskat med 25 anmälningar (12\u{a0}%) sedan 2016-09-30"
        );
        assert_eq!(s.verdict_words(), "ska minska: ● går åt rätt håll");
        assert_eq!(s.count_words(), "2 värden");
    }

    #[test]
    fn an_increase_under_ska_minska_goes_the_wrong_way_and_ska_oka_the_right_one() {
        let values = vec![
            number("2016-01-01", 100.0, Qualifier::Exakt),
            number("2017-01-01", 130.0, Qualifier::Exakt),
        ];
        let down = compute_one(
            &indicator("brott", Some(IndicatorGoal::Minska), values.clone()),
            day("2017-06-01"),
        );
        assert_eq!(down.verdict, Verdict::AwayFromGoal);
        assert_eq!(down.verdict_words(), "ska minska: ▼ går åt fel håll");
        assert_eq!(
            down.change_words(),
            "har ökat med 30 brott (30\u{a0}%) sedan 2016-01-01"
        );
        let up = compute_one(
            &indicator("brott", Some(IndicatorGoal::Oka), values),
            day("2017-06-01"),
        );
        assert_eq!(up.verdict, Verdict::TowardGoal);
    }

    #[test]
    fn a_value_not_known_yet_does_not_count() {
        let i = indicator(
            "anmälningar",
            Some(IndicatorGoal::Minska),
            vec![
                number("2016-09-30", 212.0, Qualifier::Exakt),
                number("2017-09-30", 187.0, Qualifier::Exakt),
            ],
        );
        let s = compute_one(&i, day("2017-09-29"));
        assert_eq!(s.values.len(), 1);
        assert_eq!(s.change, None);
        assert_eq!(s.verdict, Verdict::CannotTell, "one value");
        assert_eq!(s.change_words(), "inget tidigare värde att jämföra med");
        assert_eq!(s.verdict_words(), "ska minska: ? kan inte bedömas");
        let before = compute_one(&i, day("2016-01-01"));
        assert_eq!(before.latest_words(), "inget värde ännu");
        assert_eq!(before.change_words(), "inget att jämföra ännu");
        assert_eq!(before.count_words(), "0 värden");
    }

    #[test]
    fn an_unchanged_value_is_said_so() {
        let i = indicator(
            "procent",
            Some(IndicatorGoal::Minska),
            vec![
                number("2016-05-31", 31.0, Qualifier::Exakt),
                number("2017-05-31", 31.0, Qualifier::Exakt),
            ],
        );
        let s = compute_one(&i, day("2017-06-01"));
        assert_eq!(s.verdict, Verdict::Unchanged);
        assert_eq!(s.change_words(), "oförändrat sedan 2016-05-31");
        assert_eq!(s.verdict_words(), "ska minska: = oförändrat");
    }

    #[test]
    fn a_percentage_keeps_ca_and_changes_in_procentenheter() {
        let i = indicator(
            "procent",
            Some(IndicatorGoal::Oka),
            vec![
                number("2016-05-31", 93.0, Qualifier::Exakt),
                number("2017-05-31", 96.0, Qualifier::Cirka),
            ],
        );
        let s = compute_one(&i, day("2017-06-01"));
        assert_eq!(s.latest_words(), "ca 96\u{a0}% (2017-05-31)");
        let change = s.change.expect("two values");
        assert_eq!(change.qualifier, Qualifier::Cirka);
        assert_eq!(change.percent, None, "no relative change of a percentage");
        assert_eq!(
            s.change_words(),
            "har ökat med ca 3 procentenheter sedan 2016-05-31"
        );
        assert_eq!(s.verdict, Verdict::TowardGoal);
    }

    #[test]
    fn minst_is_a_bound_that_can_leave_the_direction_open() {
        // "minst 200" then 180: it fell by at least 20.
        let fell = compute_one(
            &indicator(
                "brott",
                Some(IndicatorGoal::Minska),
                vec![
                    number("2016-12-31", 200.0, Qualifier::Minst),
                    number("2017-12-31", 180.0, Qualifier::Exakt),
                ],
            ),
            day("2018-01-01"),
        );
        let change = fell.change.expect("two values");
        assert_eq!(
            (change.trend, change.absolute, change.qualifier),
            (Trend::Decreased, Some(-20.0), Qualifier::Minst)
        );
        assert_eq!(
            fell.change_words(),
            "har minskat med minst 20 brott (10\u{a0}%) sedan 2016-12-31"
        );
        assert_eq!(fell.verdict, Verdict::TowardGoal);
        // "minst 200" then 250: the first could have been 300.
        let open = compute_one(
            &indicator(
                "brott",
                Some(IndicatorGoal::Minska),
                vec![
                    number("2016-12-31", 200.0, Qualifier::Minst),
                    number("2017-12-31", 250.0, Qualifier::Exakt),
                ],
            ),
            day("2018-01-01"),
        );
        let change = open.change.expect("two values");
        assert_eq!((change.trend, change.absolute), (Trend::Uncertain, None));
        assert_eq!(open.verdict, Verdict::CannotTell);
        assert_eq!(
            open.change_words(),
            "går inte att säga om det har ökat eller minskat sedan 2016-12-31"
        );
    }

    #[test]
    fn a_text_only_value_is_shown_but_cannot_be_judged() {
        let i = indicator(
            "anmälda brott",
            Some(IndicatorGoal::Minska),
            vec![words("2017-12-31", "har minskat enligt polisens lägesbild")],
        );
        let s = compute_one(&i, day("2018-01-01"));
        assert_eq!(
            s.latest_words(),
            "har minskat enligt polisens lägesbild (2017-12-31)"
        );
        assert_eq!(s.change, None);
        assert_eq!(s.verdict, Verdict::CannotTell);
        assert_eq!(s.change_words(), "inget värde med tal att jämföra");
        // A later observation in words does not hide the numbers' change.
        let mixed = compute_one(
            &indicator(
                "anmälda brott",
                Some(IndicatorGoal::Minska),
                vec![
                    number("2016-12-31", 120.0, Qualifier::Exakt),
                    words("2017-06-30", "har minskat enligt polisens lägesbild"),
                    number("2017-12-31", 90.0, Qualifier::Exakt),
                    words("2018-03-31", "fortsatt lugnt"),
                ],
            ),
            day("2018-06-01"),
        );
        assert_eq!(mixed.latest_words(), "fortsatt lugnt (2018-03-31)");
        assert_eq!(mixed.change.and_then(|c| c.absolute), Some(-30.0));
        assert_eq!(mixed.verdict, Verdict::TowardGoal);
        assert_eq!(mixed.count_words(), "4 värden");
    }

    #[test]
    fn a_level_goal_is_approached_reached_or_left() {
        let level = Some(IndicatorGoal::Niva { value: 150.0 });
        let case = |first: f64, latest: f64| {
            compute_one(
                &indicator(
                    "anmälningar",
                    level,
                    vec![
                        number("2016-01-01", first, Qualifier::Exakt),
                        number("2017-01-01", latest, Qualifier::Exakt),
                    ],
                ),
                day("2017-06-01"),
            )
        };
        assert_eq!(case(212.0, 187.0).verdict, Verdict::TowardGoal);
        assert_eq!(case(212.0, 150.0).verdict, Verdict::GoalReached);
        assert_eq!(case(212.0, 230.0).verdict, Verdict::AwayFromGoal);
        assert_eq!(case(120.0, 140.0).verdict, Verdict::TowardGoal);
        assert_eq!(case(120.0, 160.0).verdict, Verdict::GoalReached);
        assert_eq!(
            case(212.0, 150.0).verdict_words(),
            "mål 150 anmälningar: ✔ målet är nått"
        );
        let percent = compute_one(
            &indicator(
                "procent",
                Some(IndicatorGoal::Niva { value: 90.0 }),
                vec![
                    number("2016-01-01", 80.0, Qualifier::Exakt),
                    number("2017-01-01", 85.0, Qualifier::Exakt),
                ],
            ),
            day("2017-06-01"),
        );
        assert_eq!(percent.verdict_words(), "mål 90\u{a0}%: ● går åt rätt håll");
    }

    #[test]
    fn without_a_goal_the_change_is_told_but_not_judged() {
        let i = indicator(
            "anmälda brott",
            None,
            vec![
                number("2016-12-31", 1500.0, Qualifier::Cirka),
                number("2017-12-31", 2000.0, Qualifier::Minst),
            ],
        );
        let s = compute_one(&i, day("2018-01-01"));
        assert_eq!(s.verdict, Verdict::NoGoal);
        assert_eq!(s.verdict_words(), "inget mål angivet");
        assert_eq!(
            s.change_words(),
            "har ökat med ca 500 anmälda brott (33\u{a0}%) sedan 2016-12-31"
        );
    }

    #[test]
    fn values_are_sorted_by_date_whatever_the_file_order() {
        let i = indicator(
            "brott",
            Some(IndicatorGoal::Minska),
            vec![
                number("2017-12-31", 80.0, Qualifier::Exakt),
                number("2016-12-31", 100.0, Qualifier::Exakt),
            ],
        );
        let s = compute_one(&i, day("2018-01-01"));
        assert_eq!(s.change.and_then(|c| c.absolute), Some(-20.0));
        assert_eq!(s.change.map(|c| c.since), Some(day("2016-12-31").into()));
    }
}
