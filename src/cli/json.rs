//! The status as JSON. The shape is documented in docs/file-formats.md and
//! kept stable: add fields, never rename or remove them.

use serde::Serialize;

use crate::model::meeting::{Assessment, Meeting, latest_assessment};
use crate::model::{Date, IndicatorGoal, IndicatorValue, Pledge, TargetShape, Weekday};
use crate::status::{MeasuredStatus, StatusReport, indicators};

/// Version of this JSON shape.
const JSON_FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    format_version: u32,
    as_of: String,
    pledge: PledgeInfo<'a>,
    summary: Vec<StatusCount>,
    commitments: Vec<CommitmentOut<'a>>,
    parties: Vec<GroupOut<'a>>,
    problem_areas: Vec<GroupOut<'a>>,
    /// Effect indicators at `as_of`; never part of the counts above.
    indicators: Vec<IndicatorOut>,
}

/// An indicator's goal.
#[derive(Serialize)]
struct GoalOut {
    /// `decrease`, `increase` or `level`.
    kind: &'static str,
    /// The level, for `level`.
    level: Option<f64>,
    /// "ska minska", "mål 20 %".
    text: String,
}

/// One value of an indicator.
#[derive(Serialize)]
struct IndicatorValueOut {
    date: String,
    value: Option<f64>,
    qualifier: &'static str,
    text: Option<String>,
    source: Option<String>,
}

/// The change from the first numeric value to the latest.
#[derive(Serialize)]
struct ChangeOut {
    since: String,
    trend: &'static str,
    absolute: Option<f64>,
    percent: Option<f64>,
    qualifier: &'static str,
    text: String,
}

/// One effect indicator at the as-of date.
#[derive(Serialize)]
struct IndicatorOut {
    id: String,
    name: String,
    unit: String,
    problem_areas: Vec<u32>,
    goal: Option<GoalOut>,
    values: Vec<IndicatorValueOut>,
    latest: Option<IndicatorValueOut>,
    latest_text: String,
    change: Option<ChangeOut>,
    change_text: String,
    direction: &'static str,
    direction_text: String,
}

#[derive(Serialize)]
struct PledgeInfo<'a> {
    title: &'a str,
    period: PeriodOut,
}

#[derive(Serialize)]
struct PeriodOut {
    start: String,
    end: String,
}

#[derive(Serialize)]
struct StatusCount {
    status: &'static str,
    text: String,
    count: usize,
}

#[derive(Serialize)]
struct TargetOut {
    text: String,
    shape: &'static str,
    unit: String,
    bound: &'static str,
    full_amount: Option<f64>,
    /// First and last day the count target applies (its window); `null` for milestones.
    from: Option<String>,
    until: Option<String>,
    due: Option<String>,
    /// The weekdays of a `weekdays` target ("friday", …), else absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    weekdays: Option<Vec<&'static str>>,
    example: bool,
}

#[derive(Serialize)]
struct CommitmentOut<'a> {
    id: &'a str,
    parties: Vec<&'a str>,
    text: &'a str,
    target: Option<TargetOut>,
    reported: f64,
    unit: Option<&'a str>,
    reported_qualifier: &'static str,
    reports: usize,
    expected: Option<f64>,
    percent_of_target: Option<f64>,
    expected_percent: Option<f64>,
    measured_status: &'static str,
    measured_status_text: String,
    latest_assessment: Option<AssessmentOut<'a>>,
    last_report: Option<String>,
    dropped: Option<String>,
    /// When a revision adds the commitment, if after the as-of date.
    added: Option<String>,
    /// The last day of the entry that said the milestone was reached.
    milestone_reached: Option<String>,
    /// Entries done instead of the promise (not in the figures).
    instead: Vec<InsteadOut<'a>>,
    /// For a coverage target: each place of the set.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    coverage: Vec<CoverageOut<'a>>,
    /// For a commitment followed up in parts: each part.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parts: Vec<PartOut<'a>>,
}

/// One part of a commitment.
#[derive(Serialize)]
struct PartOut<'a> {
    id: &'a str,
    text: &'a str,
    reported: f64,
    unit: Option<&'a str>,
    full_amount: Option<f64>,
    measured_status: &'static str,
    measured_status_text: String,
}

/// One place of a coverage target's set.
#[derive(Serialize)]
struct CoverageOut<'a> {
    place: &'a str,
    visits: usize,
    /// Visits it needs by the as-of date.
    due: usize,
    covered: bool,
}

/// An entry done instead of what the commitment promised.
#[derive(Serialize)]
struct InsteadOut<'a> {
    /// As the report says it: "mars 2020", "vecka 9 2020", "2020-03-14".
    when: &'a str,
    /// What was done (the entry's note).
    what: &'a str,
    /// Why the promise could not be kept.
    reason: &'a str,
}

#[derive(Serialize)]
struct GroupOut<'a> {
    id: &'a str,
    name: &'a str,
    commitments: usize,
    reports: usize,
    by_status: Vec<StatusCount>,
}

fn counts(by_status: [usize; MeasuredStatus::COUNT]) -> Vec<StatusCount> {
    MeasuredStatus::ALL
        .iter()
        .zip(by_status)
        .map(|(s, count)| StatusCount {
            status: s.key(),
            text: s.to_string(),
            count,
        })
        .collect()
}

/// A meeting's assessment in the JSON output.
#[derive(Serialize)]
struct AssessmentOut<'a> {
    /// Stable key.
    assessment: &'static str,
    /// Swedish word.
    text: String,
    /// The meeting that made it.
    meeting_date: String,
    /// The reason recorded, if any.
    reason: Option<&'a str>,
}

/// Stable English key of a weekday.
fn weekday_key(day: Weekday) -> &'static str {
    match day {
        Weekday::Mandag => "monday",
        Weekday::Tisdag => "tuesday",
        Weekday::Onsdag => "wednesday",
        Weekday::Torsdag => "thursday",
        Weekday::Fredag => "friday",
        Weekday::Lordag => "saturday",
        Weekday::Sondag => "sunday",
    }
}

/// Stable English key of an assessment.
fn assessment_key(assessment: Assessment) -> &'static str {
    match assessment {
        Assessment::Genomford => "done",
        Assessment::PagarEnligtPlan => "in_progress",
        Assessment::Forsenad => "delayed",
        Assessment::EjGenomford => "not_done",
        Assessment::UtgarAndras => "dropped_or_changed",
        Assessment::EjBehandlad => "not_discussed",
        Assessment::DelvisGenomford => "partly_done",
        Assessment::VillkoretUppfylldesInte => "condition_not_met",
    }
}

/// Rounds for output so that JSON does not show float noise (0.30000000000000004).
fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// The commitment's target as valid at `as_of`, with its window and shape.
fn target_out(
    pledge: &Pledge,
    c: &crate::model::Commitment,
    s: &crate::status::CommitmentStatus,
    as_of: crate::model::Date,
) -> Option<TargetOut> {
    let window = crate::status::target_window(pledge, c);
    pledge.target_at(c, as_of).map(|t| TargetOut {
        text: t.to_string(),
        shape: match t.shape {
            TargetShape::Total { .. } => "total",
            TargetShape::Rate { .. } => "rate",
            TargetShape::Weekdays { .. } => "weekdays",
            TargetShape::Coverage { .. } => "coverage",
            TargetShape::Milestone { .. } => "milestone",
        },
        unit: t.unit.clone(),
        bound: match t.bound {
            crate::model::Bound::Minst => "at_least",
            crate::model::Bound::Exakt => "exactly",
            crate::model::Bound::Hogst => "at_most",
        },
        full_amount: s.full_target.map(round),
        from: window.map(|w| w.start.to_string()),
        until: window.map(|w| w.end.to_string()),
        due: match t.shape {
            TargetShape::Milestone { by } => by.map(|d| d.to_string()),
            _ => None,
        },
        weekdays: match &t.shape {
            TargetShape::Weekdays { days, .. } => {
                Some(days.iter().map(|d| weekday_key(*d)).collect())
            }
            _ => None,
        },
        example: t.example,
    })
}

/// Renders the report as pretty JSON with a trailing newline.
pub fn render(pledge: &Pledge, meetings: &[Meeting], report: &StatusReport) -> String {
    let commitments = pledge
        .commitments
        .iter()
        .filter_map(|c| {
            let s = report.commitment(&c.id)?;
            let target = target_out(pledge, c, s, report.as_of);
            Some(CommitmentOut {
                id: c.id.as_str(),
                parties: c.owners.iter().map(crate::model::PartyId::as_str).collect(),
                text: pledge.wording_at(c, report.as_of),
                target,
                reported: round(s.reported),
                unit: s.unit.as_deref(),
                reported_qualifier: s.qualifier.key(),
                reports: s.reports,
                expected: s.expected.map(round),
                percent_of_target: s.percent_of_target().map(round),
                expected_percent: s.expected_percent().map(round),
                measured_status: s.measured.key(),
                measured_status_text: s.measured.to_string(),
                latest_assessment: latest_assessment(meetings, &c.id, report.as_of).map(|r| {
                    AssessmentOut {
                        assessment: assessment_key(r.assessment),
                        text: r.assessment.to_string(),
                        meeting_date: r.date.to_string(),
                        reason: r.reason,
                    }
                }),
                last_report: s.last_report.map(|d| d.to_string()),
                dropped: s.dropped.map(|d| d.to_string()),
                added: s.added.map(|d| d.to_string()),
                milestone_reached: s.milestone_reached.map(|d| d.to_string()),
                instead: s
                    .instead
                    .iter()
                    .map(|i| InsteadOut {
                        when: &i.when,
                        what: &i.what,
                        reason: &i.reason,
                    })
                    .collect(),
                parts: s
                    .parts
                    .iter()
                    .map(|p| PartOut {
                        id: &p.id,
                        text: &p.text,
                        reported: round(p.status.reported),
                        unit: p.status.unit.as_deref(),
                        full_amount: p.status.full_target.map(round),
                        measured_status: p.status.measured.key(),
                        measured_status_text: p.status.measured.to_string(),
                    })
                    .collect(),
                coverage: s
                    .coverage
                    .iter()
                    .map(|p| CoverageOut {
                        place: &p.place,
                        visits: p.visits,
                        due: p.due,
                        covered: p.covered(),
                    })
                    .collect(),
            })
        })
        .collect();
    let output = Output {
        format_version: JSON_FORMAT_VERSION,
        as_of: report.as_of.to_string(),
        pledge: PledgeInfo {
            title: &pledge.title,
            period: PeriodOut {
                start: pledge.period.start.to_string(),
                end: pledge.period.end.to_string(),
            },
        },
        summary: counts(report.counts()),
        commitments,
        parties: group_out(&report.by_party),
        problem_areas: group_out(&report.by_area),
        indicators: indicators_out(pledge, report.as_of),
    };
    let mut text =
        serde_json::to_string_pretty(&output).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

fn value_out(v: &IndicatorValue) -> IndicatorValueOut {
    IndicatorValueOut {
        date: v.date.to_string(),
        value: v.value.map(round),
        qualifier: v.qualifier.key(),
        text: v.text.clone(),
        source: v.source.clone(),
    }
}

fn indicators_out(pledge: &Pledge, as_of: Date) -> Vec<IndicatorOut> {
    pledge
        .indicators
        .iter()
        .map(|indicator| {
            let s = indicators::compute_one(indicator, as_of);
            IndicatorOut {
                id: s.id.to_string(),
                name: s.name.clone(),
                unit: s.unit.clone(),
                problem_areas: indicator.problem_areas.clone(),
                goal: s.goal.map(|g| GoalOut {
                    kind: match g {
                        IndicatorGoal::Minska => "decrease",
                        IndicatorGoal::Oka => "increase",
                        IndicatorGoal::Niva { .. } => "level",
                    },
                    level: match g {
                        IndicatorGoal::Niva { value } => Some(round(value)),
                        _ => None,
                    },
                    text: g.words(&s.unit),
                }),
                values: s.values.iter().map(value_out).collect(),
                latest: s.latest().map(value_out),
                latest_text: s.latest_words(),
                change: s.change.map(|c| ChangeOut {
                    since: c.since.to_string(),
                    trend: c.trend.key(),
                    absolute: c.absolute.map(round),
                    percent: c.percent.map(round),
                    qualifier: c.qualifier.key(),
                    text: indicators::change_words(&c, &s.unit),
                }),
                change_text: s.change_words(),
                direction: s.verdict.key(),
                direction_text: s.verdict_words(),
            }
        })
        .collect()
}

fn group_out(groups: &[crate::status::GroupTotals]) -> Vec<GroupOut<'_>> {
    groups
        .iter()
        .map(|g| GroupOut {
            id: &g.key,
            name: &g.label,
            commitments: g.commitments,
            reports: g.reports,
            by_status: counts(g.by_status),
        })
        .collect()
}
