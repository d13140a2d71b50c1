//! What is expected by a date versus what was reported. Derived from the
//! document on demand and never stored, so it can never disagree with the files.
//!
//! All thresholds are in [`thresholds`]; all arithmetic on dates is in whole
//! calendar days (leap years included), with rates by real week and month length.

mod time;

use rustc_hash::FxHashMap as HashMap;
use std::fmt;

use crate::model::{
    Activity, ActivityFile, Bound, CommitmentId, Date, PartyId, Pledge, Qualifier, TargetShape,
    validate::entry_shape_is_usable,
};

pub use time::{elapsed_days, elapsed_units};

/// The limits that decide a measured status, in one place.
pub mod thresholds {
    /// Reported ÷ expected-by-date at or above this counts as *enligt plan*.
    ///
    /// 0.9 rather than 1.0 because reports arrive in batches: a commitment a
    /// few days short of its pro-rata amount is not behind in any sense a
    /// meeting would act on.
    pub const ON_TRACK_MIN_RATIO: f64 = 0.9;
}

/// The measured side of a commitment's status (what reports show).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MeasuredStatus {
    /// Nothing reported yet.
    IngaRapporter,
    /// Reported less than expected by the date.
    EfterPlan,
    /// Reported about as expected, or more.
    EnligtPlan,
    /// The whole period's target is reached.
    Uppnatt,
    /// Reports exist but there is no numeric target to compare with.
    Kvalitativ,
}

impl MeasuredStatus {
    /// All statuses in display order.
    pub const ALL: [MeasuredStatus; 5] = [
        MeasuredStatus::Uppnatt,
        MeasuredStatus::EnligtPlan,
        MeasuredStatus::EfterPlan,
        MeasuredStatus::IngaRapporter,
        MeasuredStatus::Kvalitativ,
    ];

    /// Stable English key used in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            MeasuredStatus::IngaRapporter => "no_reports",
            MeasuredStatus::EfterPlan => "behind",
            MeasuredStatus::EnligtPlan => "on_track",
            MeasuredStatus::Uppnatt => "achieved",
            MeasuredStatus::Kvalitativ => "qualitative",
        }
    }

    /// A text symbol that carries the status without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            MeasuredStatus::IngaRapporter => "○",
            MeasuredStatus::EfterPlan => "▼",
            MeasuredStatus::EnligtPlan => "●",
            MeasuredStatus::Uppnatt => "✔",
            MeasuredStatus::Kvalitativ => "◆",
        }
    }
}

impl fmt::Display for MeasuredStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MeasuredStatus::IngaRapporter => "inga rapporter",
            MeasuredStatus::EfterPlan => "efter plan",
            MeasuredStatus::EnligtPlan => "enligt plan",
            MeasuredStatus::Uppnatt => "uppnått",
            MeasuredStatus::Kvalitativ => "kvalitativ",
        })
    }
}

/// A sum of reported quantities in one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitTotal {
    /// The unit as first written.
    pub unit: String,
    /// The total.
    pub amount: f64,
    /// How exact the total is.
    pub qualifier: Qualifier,
    /// How many entries contributed.
    pub entries: usize,
}

/// Everything derived for one commitment at a date.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentStatus {
    /// The commitment.
    pub id: CommitmentId,
    /// Total reported by the date, in the target's unit (or the most used unit).
    pub reported: f64,
    /// The unit of `reported`, if anything with a unit was reported or targeted.
    pub unit: Option<String>,
    /// How exact `reported` is.
    pub qualifier: Qualifier,
    /// Number of entries up to the date.
    pub reports: usize,
    /// The latest day covered by a report, up to the date.
    pub last_report: Option<Date>,
    /// Expected amount by the date (pro rata), for count targets.
    pub expected: Option<f64>,
    /// The whole period's target amount, for count targets.
    pub full_target: Option<f64>,
    /// Measured status.
    pub measured: MeasuredStatus,
    /// All reported totals, one per unit, sorted by unit.
    pub by_unit: Vec<UnitTotal>,
    /// When the commitment was dropped by a revision, if it was.
    pub dropped: Option<Date>,
}

impl CommitmentStatus {
    /// Reported as a percentage of the whole target (not capped: 200 % is possible).
    pub fn percent_of_target(&self) -> Option<f64> {
        self.full_target
            .filter(|t| *t > 0.0)
            .map(|t| self.reported / t * 100.0)
    }

    /// Expected-by-date as a percentage of the whole target.
    pub fn expected_percent(&self) -> Option<f64> {
        match (self.expected, self.full_target) {
            (Some(e), Some(t)) if t > 0.0 => Some(e / t * 100.0),
            _ => None,
        }
    }
}

/// Totals for a group of commitments (a party or a problem area).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupTotals {
    /// Party id or problem-area number as text.
    pub key: String,
    /// Display name.
    pub label: String,
    /// Number of commitments in the group.
    pub commitments: usize,
    /// Number of activity entries up to the date: by the party, or for the
    /// area's commitments; an entry naming several commitments counts once.
    pub reports: usize,
    /// Commitments per measured status, in [`MeasuredStatus::ALL`] order.
    pub by_status: [usize; 5],
}

/// The status of a whole pledge at a date.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusReport {
    /// The date the figures describe.
    pub as_of: Date,
    /// One per commitment, in pledge order.
    pub commitments: Vec<CommitmentStatus>,
    /// Per party, in pledge order.
    pub by_party: Vec<GroupTotals>,
    /// Per problem area, in pledge order.
    pub by_area: Vec<GroupTotals>,
}

impl StatusReport {
    /// Commitments per measured status, in [`MeasuredStatus::ALL`] order.
    pub fn counts(&self) -> [usize; 5] {
        count_statuses(self.commitments.iter())
    }

    /// The status of one commitment.
    pub fn commitment(&self, id: &CommitmentId) -> Option<&CommitmentStatus> {
        self.commitments.iter().find(|c| &c.id == id)
    }
}

fn count_statuses<'a>(items: impl Iterator<Item = &'a CommitmentStatus>) -> [usize; 5] {
    let mut counts = [0; 5];
    for item in items {
        if let Some(i) = MeasuredStatus::ALL.iter().position(|s| *s == item.measured)
            && let Some(slot) = counts.get_mut(i)
        {
            *slot += 1;
        }
    }
    counts
}

/// Whether two unit words mean the same (case and surrounding space ignored).
///
/// The ASCII comparison comes first because it allocates nothing and almost
/// always decides; `to_lowercase` is only reached when the units differ and
/// may still match by non-ASCII case, such as "lägesbilder" and "LÄGESBILDER".
pub fn same_unit(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim()) || a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The default as-of date: today, moved into the pledge period.
pub fn default_as_of(pledge: &Pledge, today: Date) -> Date {
    pledge.period.clamp(today)
}

/// Running sums for one commitment while entries are scanned.
#[derive(Default)]
struct Acc {
    reports: usize,
    last_report: Option<Date>,
    units: Vec<UnitTotal>,
    /// Latest cumulative total per (party, unit index): (last day, amount, qualifier).
    cumulative: HashMap<(PartyId, usize), (Date, f64, Qualifier)>,
}

impl Acc {
    fn unit_index(&mut self, unit: &str) -> usize {
        if let Some(i) = self.units.iter().position(|u| same_unit(&u.unit, unit)) {
            return i;
        }
        self.units.push(UnitTotal {
            unit: unit.trim().to_owned(),
            amount: 0.0,
            qualifier: Qualifier::Exakt,
            entries: 0,
        });
        self.units.len() - 1
    }

    fn add(&mut self, entry: &Activity, as_of: Date) {
        self.reports += 1;
        let last = entry.last_day().min(as_of);
        self.last_report = Some(self.last_report.map_or(last, |d| d.max(last)));
        let Some(quantity) = &entry.quantity else {
            return;
        };
        // A range that runs past the as-of date counts pro rata, and is then approximate.
        let (share, qualifier) = match entry.until {
            Some(until) if until > as_of => {
                let covered = entry.date.days_until(as_of) + 1;
                let total = entry.date.days_until(until) + 1;
                (covered as f64 / total as f64, Qualifier::Cirka)
            }
            _ => (1.0, quantity.qualifier),
        };
        let index = self.unit_index(&quantity.unit);
        if entry.cumulative {
            let key = (entry.party.clone(), index);
            let candidate = (entry.last_day(), quantity.amount * share, qualifier);
            let slot = self.cumulative.entry(key).or_insert(candidate);
            if candidate.0 >= slot.0 {
                *slot = candidate;
            }
            if let Some(total) = self.units.get_mut(index) {
                total.entries += 1;
            }
            return;
        }
        if let Some(total) = self.units.get_mut(index) {
            total.amount += quantity.amount * share;
            total.qualifier = total.qualifier.combine(qualifier);
            total.entries += 1;
        }
    }

    /// Folds the cumulative series into the unit totals.
    fn finish(&mut self) {
        for ((_, index), (_, amount, qualifier)) in self.cumulative.drain() {
            if let Some(total) = self.units.get_mut(index) {
                total.amount += amount;
                total.qualifier = total.qualifier.combine(qualifier);
            }
        }
        self.units.sort_by(|a, b| a.unit.cmp(&b.unit));
    }
}

/// Computes the status of every commitment at `as_of`.
///
/// Entries dated after `as_of` are ignored; entries with errors (see
/// [`crate::model::validate::entry_is_usable`]) are skipped, so broken reports never distort figures.
pub fn compute(pledge: &Pledge, files: &[ActivityFile], as_of: Date) -> StatusReport {
    let index: HashMap<&str, usize> = pledge
        .commitments
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let area_index: Vec<Vec<usize>> = pledge
        .commitments
        .iter()
        .map(|c| {
            c.problem_areas
                .iter()
                .filter_map(|n| pledge.problem_areas.iter().position(|a| a.number == *n))
                .collect()
        })
        .collect();
    let mut accs: Vec<Acc> = pledge.commitments.iter().map(|_| Acc::default()).collect();
    // Entries per party and per area, each entry counted once even when it
    // names several commitments.
    let mut party_reports = vec![0usize; pledge.parties.len()];
    let mut area_reports = vec![0usize; pledge.problem_areas.len()];
    let mut areas_of_entry: Vec<usize> = Vec::new();
    for entry in files.iter().flat_map(|f| f.entries.iter()) {
        if entry.date > as_of || !entry_shape_is_usable(entry) {
            continue;
        }
        // An unknown party makes the entry unusable (see `entry_is_usable`).
        let Some(party) = pledge.parties.iter().position(|p| p.id == entry.party) else {
            continue;
        };
        areas_of_entry.clear();
        let mut counted = false;
        for id in &entry.commitments {
            let Some(&i) = index.get(id.as_str()) else {
                continue;
            };
            if let Some(acc) = accs.get_mut(i) {
                acc.add(entry, as_of);
                counted = true;
            }
            areas_of_entry.extend(area_index.get(i).into_iter().flatten());
        }
        if counted && let Some(slot) = party_reports.get_mut(party) {
            *slot += 1;
        }
        areas_of_entry.sort_unstable();
        areas_of_entry.dedup();
        for &a in &areas_of_entry {
            if let Some(slot) = area_reports.get_mut(a) {
                *slot += 1;
            }
        }
    }
    let commitments: Vec<CommitmentStatus> = pledge
        .commitments
        .iter()
        .zip(accs.iter_mut())
        .map(|(c, acc)| {
            acc.finish();
            commitment_status(pledge, c, acc, as_of)
        })
        .collect();
    let (by_party, by_area) = group_totals(pledge, &commitments, party_reports, area_reports);
    StatusReport {
        as_of,
        commitments,
        by_party,
        by_area,
    }
}

/// Totals per party and per problem area, given the entry counts per group.
fn group_totals(
    pledge: &Pledge,
    commitments: &[CommitmentStatus],
    party_reports: Vec<usize>,
    area_reports: Vec<usize>,
) -> (Vec<GroupTotals>, Vec<GroupTotals>) {
    let by_party = pledge
        .parties
        .iter()
        .zip(party_reports)
        .map(|(party, reports)| {
            let members = pledge
                .commitments
                .iter()
                .zip(commitments)
                .filter(|(c, _)| c.owners.contains(&party.id));
            GroupTotals {
                key: party.id.to_string(),
                label: party.name.clone(),
                commitments: members.clone().count(),
                reports,
                by_status: count_statuses(members.map(|(_, s)| s)),
            }
        })
        .collect();
    let by_area = pledge
        .problem_areas
        .iter()
        .zip(area_reports)
        .map(|(area, reports)| {
            let members: Vec<&CommitmentStatus> = pledge
                .commitments
                .iter()
                .zip(commitments)
                .filter(|(c, _)| c.problem_areas.contains(&area.number))
                .map(|(_, s)| s)
                .collect();
            GroupTotals {
                key: area.number.to_string(),
                label: area.title.clone(),
                commitments: members.len(),
                reports,
                by_status: count_statuses(members.into_iter()),
            }
        })
        .collect();
    (by_party, by_area)
}

fn commitment_status(
    pledge: &Pledge,
    commitment: &crate::model::Commitment,
    acc: &Acc,
    as_of: Date,
) -> CommitmentStatus {
    let period = &pledge.period;
    let mut status = CommitmentStatus {
        id: commitment.id.clone(),
        reported: 0.0,
        unit: None,
        qualifier: Qualifier::Exakt,
        reports: acc.reports,
        last_report: acc.last_report,
        expected: None,
        full_target: None,
        measured: MeasuredStatus::IngaRapporter,
        by_unit: acc.units.clone(),
        dropped: pledge.dropped_on(&commitment.id, as_of),
    };
    let Some(target) = &commitment.target else {
        // No target: report the most used unit, and the status is qualitative.
        if let Some(main) = acc
            .units
            .iter()
            .max_by(|a, b| a.entries.cmp(&b.entries).then_with(|| b.unit.cmp(&a.unit)))
        {
            status.reported = main.amount;
            status.unit = Some(main.unit.clone());
            status.qualifier = main.qualifier;
        }
        if acc.reports > 0 {
            status.measured = MeasuredStatus::Kvalitativ;
        }
        return status;
    };
    if let TargetShape::Milestone { by } = target.shape {
        status.reported = acc.reports as f64;
        status.measured = if acc.reports > 0 {
            MeasuredStatus::Uppnatt
        } else if as_of > by {
            MeasuredStatus::EfterPlan
        } else {
            MeasuredStatus::IngaRapporter
        };
        return status;
    }
    status.unit = Some(target.unit.clone());
    if let Some(total) = acc.units.iter().find(|u| same_unit(&u.unit, &target.unit)) {
        status.reported = total.amount;
        status.qualifier = total.qualifier;
    }
    let full = target.full_amount(period).unwrap_or(0.0);
    let expected = match &target.shape {
        TargetShape::Total { amount } => {
            amount * elapsed_days(period, as_of) as f64 / period.days().max(1) as f64
        }
        TargetShape::Rate { amount, per, .. } => amount * elapsed_units(period, as_of, *per),
        TargetShape::Milestone { .. } => 0.0,
    };
    status.full_target = Some(full);
    status.expected = Some(expected);
    status.measured = measured_against(
        target.bound,
        status.reported,
        expected,
        full,
        acc.reports,
        as_of >= period.end,
    );
    status
}

/// Decides the measured status of a count target.
fn measured_against(
    bound: Bound,
    reported: f64,
    expected: f64,
    full: f64,
    reports: usize,
    period_over: bool,
) -> MeasuredStatus {
    if reports == 0 {
        return MeasuredStatus::IngaRapporter;
    }
    match bound {
        // A ceiling: exceeding it is the failure; staying under it to the end is success.
        Bound::Hogst if reported > full => MeasuredStatus::EfterPlan,
        Bound::Hogst if period_over => MeasuredStatus::Uppnatt,
        Bound::Hogst => MeasuredStatus::EnligtPlan,
        Bound::Minst | Bound::Exakt => {
            if full > 0.0 && reported >= full {
                MeasuredStatus::Uppnatt
            } else if expected <= 0.0 || reported / expected >= thresholds::ON_TRACK_MIN_RATIO {
                MeasuredStatus::EnligtPlan
            } else {
                MeasuredStatus::EfterPlan
            }
        }
    }
}

#[cfg(test)]
mod tests;
