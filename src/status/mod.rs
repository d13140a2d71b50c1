//! What is expected by a date versus what was reported. Derived from the
//! document on demand and never stored, so it can never disagree with the files.
//!
//! All thresholds are in [`thresholds`]; all arithmetic on dates is in whole
//! calendar days (leap years included), with rates by real week and month length.
//!
//! The rules, in one place (the worked table with numbers is in
//! `docs/file-formats.md`, "How status is computed"):
//!
//! | rule | where |
//! | --- | --- |
//! | An entry counts from its last day (`until`, else its date); before it, nothing: no pro-rata share of a range | `Fact::known_by` |
//! | A running total counts its latest total whose last day is on or before the as-of date | `Acc::add`, `Acc::finish` |
//! | A count target applies over its window: `from`/`until`, else from a `Tillagt` revision, else the period; expected, whole target and counted entries use it | [`target_window`] |
//! | The as-of date ranges from the period's start to the later of its end and the last meeting | [`as_of_range`] |
//! | *enligt plan* from [`thresholds::ON_TRACK_MIN_RATIO`] of expected | `measured_against` |
//! | Reports with no number in a count target's unit are *kvalitativ*, never *efter plan* | `measure` |
//! | *utgått* from a drop, *tillkommer* before an addition, whatever the figures | `commitment_status` |
//! | A milestone is *uppnått* only by an entry saying `milestone_reached` | `milestone_status` |
//! | Target changes: expected and whole amounts summed over each target's days | `segment_amounts` |
//!
//! Sums per commitment are kept in a small accumulator so the GUI can
//! recompute after every edit and date change within milliseconds.

pub mod indicators;
pub mod places;
mod prepared;
mod time;
pub mod words;

use rustc_hash::FxHashMap as HashMap;

pub use crate::model::MeasuredStatus;
use crate::model::meeting::Meeting;
use crate::model::{
    ActivityFile, Bound, Commitment, CommitmentId, Date, Period, Pledge, Qualifier, Target,
    TargetShape,
};

pub use prepared::Prepared;
pub use time::{elapsed_days, elapsed_units};

use prepared::Fact;

/// The limits that decide a measured status, in one place.
pub mod thresholds {
    /// Reported ÷ expected-by-date at or above this counts as *enligt plan*.
    ///
    /// 0.9 rather than 1.0 because reports arrive in batches: a commitment a
    /// few days short of its pro-rata amount is not behind in any sense a
    /// meeting would act on.
    pub const ON_TRACK_MIN_RATIO: f64 = 0.9;
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
    /// When the commitment was dropped by a revision on or before the
    /// as-of date, if it was: it is then *utgått*, and its target stopped
    /// at that date.
    pub dropped: Option<Date>,
    /// When a revision adds the commitment, if that is after the as-of
    /// date: it is then *tillkommer*, and nothing counts yet.
    pub added: Option<Date>,
    /// The last day of the first entry saying the milestone was reached,
    /// for milestone targets.
    pub milestone_reached: Option<Date>,
    /// The date the target valid at the as-of date took over from an
    /// earlier one (a `MalAndrat` revision), if it did.
    pub target_changed: Option<Date>,
    /// What was done instead of the promise, by the as-of date (entries
    /// with `instead`), oldest first; not counted in the figures.
    pub instead: Vec<Substitute>,
    /// For a coverage target, each place of the set with its visits and
    /// how many it needs by the as-of date.
    pub coverage: Vec<PlaceCoverage>,
    /// For a commitment followed up in parts, each part's status.
    pub parts: Vec<PartStatus>,
    /// The days the count target applies, when they are not the whole
    /// pledge period (see [`target_window`]); shown with the target.
    pub target_window: Option<Period>,
}

impl CommitmentStatus {
    /// What a meeting keeps of this status in its minutes.
    pub fn snapshot(&self, as_of: Date) -> crate::model::meeting::StatusSnapshot {
        crate::model::meeting::StatusSnapshot {
            as_of,
            reported: self.reported,
            qualifier: self.qualifier,
            unit: self.unit.clone(),
            reports: self.reports,
            expected: self.expected,
            target: self.full_target,
            measured: self.measured,
            instead: self.instead.iter().map(words::instead).collect(),
            parts: self.parts.iter().map(words::part).collect(),
        }
    }

    /// Reported as a percentage of the whole target (not capped: 200 % is possible).
    /// `None` when the reports give no number to measure (*kvalitativ*
    /// against a count target): "0 %" would say nothing was done.
    pub fn percent_of_target(&self) -> Option<f64> {
        if self.measured == MeasuredStatus::Kvalitativ {
            return None;
        }
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

/// One part of a commitment with its own status.
#[derive(Debug, Clone, PartialEq)]
pub struct PartStatus {
    /// The part's id.
    pub id: String,
    /// The part in the pledge's words.
    pub text: String,
    /// Its figures and measured status, by the rules of a commitment.
    pub status: CommitmentStatus,
}

/// One place of a coverage target's set at the as-of date.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceCoverage {
    /// The place as the pledge names it.
    pub place: String,
    /// Entries that name it, counted by the as-of date.
    pub visits: usize,
    /// Visits it needs by the as-of date (at least 1).
    pub due: usize,
}

impl PlaceCoverage {
    /// Whether it has had the visits it needs by the date.
    pub fn covered(&self) -> bool {
        self.visits >= self.due
    }
}

/// An entry done instead of what a commitment promised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Substitute {
    /// When, as the report says it ("mars 2020").
    pub when: String,
    /// What was done (the entry's note; empty without one).
    pub what: String,
    /// Why the promise could not be kept.
    pub reason: String,
    /// Its last day, from which it is known.
    pub last: Date,
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
    pub by_status: [usize; MeasuredStatus::COUNT],
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
    /// The report with what concluded meetings held by the as-of date
    /// decided about conditions: a commitment whose latest assessment is
    /// *villkoret uppfylldes inte* says so instead of *efter plan*,
    /// *enligt plan* or *inga rapporter*, and is counted apart. Reached,
    /// dropped and not-yet-added commitments keep their status.
    #[must_use]
    pub fn with_assessments(mut self, pledge: &Pledge, meetings: &[Meeting]) -> Self {
        let mut changed = false;
        for status in &mut self.commitments {
            let condition_not_met =
                crate::model::meeting::latest_assessment(meetings, &status.id, self.as_of)
                    .is_some_and(|r| {
                        r.assessment == crate::model::meeting::Assessment::VillkoretUppfylldesInte
                    });
            if condition_not_met
                && matches!(
                    status.measured,
                    MeasuredStatus::EfterPlan
                        | MeasuredStatus::EnligtPlan
                        | MeasuredStatus::IngaRapporter
                )
            {
                status.measured = MeasuredStatus::VillkorEjUppfyllt;
                changed = true;
            }
        }
        if changed {
            let party_reports = self.by_party.iter().map(|g| g.reports).collect();
            let area_reports = self.by_area.iter().map(|g| g.reports).collect();
            (self.by_party, self.by_area) =
                group_totals(pledge, &self.commitments, party_reports, area_reports);
        }
        self
    }

    /// Commitments per measured status, in [`MeasuredStatus::ALL`] order.
    pub fn counts(&self) -> [usize; MeasuredStatus::COUNT] {
        count_statuses(self.commitments.iter())
    }

    /// The status of one commitment.
    pub fn commitment(&self, id: &CommitmentId) -> Option<&CommitmentStatus> {
        self.commitments.iter().find(|c| &c.id == id)
    }

    /// Every commitment's snapshot at the as-of date, in pledge order: what
    /// a meeting keeps when it is concluded.
    pub fn snapshots(&self) -> Vec<crate::model::meeting::CommitmentSnapshot> {
        self.commitments
            .iter()
            .map(|c| crate::model::meeting::CommitmentSnapshot {
                commitment: c.id.clone(),
                snapshot: c.snapshot(self.as_of),
            })
            .collect()
    }
}

fn count_statuses<'a>(
    items: impl Iterator<Item = &'a CommitmentStatus>,
) -> [usize; MeasuredStatus::COUNT] {
    let mut counts = [0; MeasuredStatus::COUNT];
    for item in items {
        if let Some(i) = MeasuredStatus::ALL.iter().position(|s| *s == item.measured)
            && let Some(slot) = counts.get_mut(i)
        {
            *slot += 1;
        }
    }
    counts
}

pub use crate::model::same_unit;

/// The dates an as-of date can take: the period's start to the later of its
/// end and the last meeting's date.
///
/// A final follow-up is often held a month or two after the period; clamping
/// to the period's end would cut that meeting off the default status and
/// report. Figures do not grow after the end (expected amounts stop there),
/// but reports that arrive for the period by that meeting are counted.
pub fn as_of_range(pledge: &Pledge, meetings: &[Meeting]) -> (Date, Date) {
    let start = pledge.period.start;
    let end = meetings
        .iter()
        .map(|m| m.date)
        .fold(pledge.period.end, Date::max)
        .max(start);
    (start, end)
}

/// The default as-of date: today, clamped to [`as_of_range`], so a final
/// follow-up held after the period is in the default status and report.
pub fn default_as_of(pledge: &Pledge, meetings: &[Meeting], today: Date) -> Date {
    let (start, end) = as_of_range(pledge, meetings);
    today.clamp(start, end)
}

/// The days a commitment's count target applies, or `None` without one
/// (no target, or a milestone).
///
/// Its own `from`/`until` when set; otherwise it starts at the date of the
/// revision that added the commitment (a commitment added in October was
/// not promised in January), else at the period's start, and ends at the
/// period's end. Expected amounts, the whole target and its percentages are
/// measured over this window, and only entries whose last day falls in it
/// count towards the target.
pub fn target_window(pledge: &Pledge, commitment: &Commitment) -> Option<Period> {
    window_of(pledge, commitment, commitment.target.as_ref()?)
}

/// [`target_window`] for one of the commitment's targets (the current one,
/// or one a target change replaced).
fn window_of(pledge: &Pledge, commitment: &Commitment, target: &Target) -> Option<Period> {
    if matches!(target.shape, TargetShape::Milestone { .. }) {
        return None;
    }
    let added = pledge.added_on(&commitment.id);
    // Within the period, and never ending before it starts: a window
    // written outside it (a warning in `check`) measures nothing there, and
    // the month arithmetic stays bounded by the period's length.
    // (max/min, not clamp: a broken period may end before it starts.)
    let first = pledge.period.start;
    let last = pledge.period.end.max(first);
    let start = target.from.or(added).unwrap_or(first).max(first).min(last);
    let end = target.until.unwrap_or(last).min(last).max(start);
    Some(Period {
        start,
        end,
        signed: None,
    })
}

/// The days whose entries count for a commitment: its target's window
/// ([`target_window`]) for a count target; otherwise from the date a
/// revision added it, if one did (before that it was not promised); `None`
/// counts every day.
fn counting_window(pledge: &Pledge, commitment: &Commitment) -> Option<(Date, Date)> {
    if let Some(window) = target_window(pledge, commitment) {
        return Some((window.start, window.end));
    }
    pledge
        .added_on(&commitment.id)
        .map(|added| (added, Date::MAX))
}

/// Running sums for one commitment while entries are scanned.
#[derive(Clone, Default)]
struct Acc {
    /// Only entries whose last day falls in these days count (the target's
    /// window); `None` counts every day.
    window: Option<(Date, Date)>,
    reports: usize,
    last_report: Option<Date>,
    /// Totals per unit, with the unit's index in [`Prepared::units`].
    units: Vec<(u32, UnitTotal)>,
    /// Latest cumulative total per (party, unit): (last day, amount, qualifier).
    cumulative: HashMap<(u16, u32), (Date, f64, Qualifier)>,
    /// The earliest last day of an entry saying the milestone was reached.
    reached: Option<Date>,
    /// Visits per place of a coverage target's set.
    coverage: Option<CoverageAcc>,
    /// The sums of each part, with the part's id as interned in
    /// [`Prepared`] (entries name their part).
    parts: Vec<(u32, Acc)>,
}

/// Counting visits to the places of a named set.
#[derive(Clone)]
struct CoverageAcc {
    /// For each interned place, the positions in the set it names.
    map: Vec<Vec<u16>>,
    /// Entries per place of the set.
    counts: Vec<usize>,
}

impl Acc {
    fn unit_slot(&mut self, unit: u32, names: &[String]) -> Option<&mut UnitTotal> {
        let i = if let Some(i) = self.units.iter().position(|(u, _)| *u == unit) {
            i
        } else {
            let name = names.get(unit as usize).cloned().unwrap_or_default();
            self.units.push((
                unit,
                UnitTotal {
                    unit: name,
                    amount: 0.0,
                    qualifier: Qualifier::Exakt,
                    entries: 0,
                },
            ));
            self.units.len() - 1
        };
        self.units.get_mut(i).map(|(_, total)| total)
    }

    fn new(window: Option<(Date, Date)>) -> Self {
        Acc {
            window,
            ..Acc::default()
        }
    }

    /// Adds an entry that is known by the as-of date (its last day is on or
    /// before it: see [`Fact::known_by`]); returns whether it counted, which
    /// it does not outside the target's window.
    fn add(&mut self, fact: &Fact, unit_names: &[String]) -> bool {
        if let Some((from, until)) = self.window
            && (fact.last < from || fact.last > until)
        {
            return false;
        }
        self.reports += 1;
        self.last_report = Some(self.last_report.map_or(fact.last, |d| d.max(fact.last)));
        if fact.reached {
            self.reached = Some(self.reached.map_or(fact.last, |d| d.min(fact.last)));
        }
        if fact.part != prepared::NO_PLACE {
            for (key, part) in &mut self.parts {
                if *key == fact.part {
                    part.add(fact, unit_names);
                }
            }
        }
        if let Some(coverage) = &mut self.coverage
            && let Some(hits) = coverage.map.get(fact.place as usize)
        {
            for &i in hits {
                if let Some(count) = coverage.counts.get_mut(usize::from(i)) {
                    *count += 1;
                }
            }
        }
        let Some(unit) = fact.unit else {
            return true;
        };
        let (amount, qualifier) = (fact.amount, fact.qualifier);
        if fact.cumulative {
            let candidate = (fact.last, amount, qualifier);
            let slot = self
                .cumulative
                .entry((fact.party, unit))
                .or_insert(candidate);
            if candidate.0 >= slot.0 {
                *slot = candidate;
            }
            if let Some(total) = self.unit_slot(unit, unit_names) {
                total.entries += 1;
            }
            return true;
        }
        if let Some(total) = self.unit_slot(unit, unit_names) {
            total.amount += amount;
            total.qualifier = total.qualifier.combine(qualifier);
            total.entries += 1;
        }
        true
    }

    /// Folds the cumulative series into the unit totals.
    fn finish(&mut self, unit_names: &[String]) {
        for (_, part) in &mut self.parts {
            part.finish(unit_names);
        }
        let series: Vec<_> = self.cumulative.drain().collect();
        for ((_, unit), (_, amount, qualifier)) in series {
            if let Some(total) = self.unit_slot(unit, unit_names) {
                total.amount += amount;
                total.qualifier = total.qualifier.combine(qualifier);
            }
        }
        self.units.sort_by(|a, b| a.1.unit.cmp(&b.1.unit));
    }
}

/// Computes the status of every commitment at `as_of`.
///
/// Entries are counted from their last day (see the rules in
/// `docs/file-formats.md`, "How status is computed"); entries with errors (see
/// [`crate::model::validate::entry_is_usable`]) are skipped, so broken reports never distort figures.
/// To compute repeatedly (other dates, after edits), keep a [`Prepared`] and
/// call [`Prepared::compute`].
pub fn compute(pledge: &Pledge, files: &[ActivityFile], as_of: Date) -> StatusReport {
    Prepared::new(pledge, files).compute(pledge, as_of)
}

impl Prepared {
    /// Computes the status of every commitment of `pledge` (the pledge this
    /// was built for) at `as_of`.
    pub fn compute(&self, pledge: &Pledge, as_of: Date) -> StatusReport {
        let area_index = area_indices(pledge);
        let mut accs: Vec<Acc> = pledge
            .commitments
            .iter()
            .map(|c| self.acc_for(pledge, c))
            .collect();
        // Entries per party and per area, each entry counted once even when it
        // names several commitments.
        let mut party_reports = vec![0usize; pledge.parties.len()];
        let mut area_reports = vec![0usize; pledge.problem_areas.len()];
        let mut areas_of_entry: Vec<usize> = Vec::new();
        for file in &self.files {
            for fact in &file.facts {
                if !fact.known_by(as_of) {
                    continue;
                }
                areas_of_entry.clear();
                let mut counted = false;
                for &i in file.commitments_of(fact) {
                    let i = usize::from(i);
                    if let Some(acc) = accs.get_mut(i)
                        && acc.add(fact, &self.units)
                    {
                        counted = true;
                        areas_of_entry.extend(area_index.get(i).into_iter().flatten());
                    }
                }
                if counted {
                    // A joint entry counts once for each of its parties.
                    for party in file.parties_of(fact) {
                        if let Some(slot) = party_reports.get_mut(usize::from(party)) {
                            *slot += 1;
                        }
                    }
                }
                if areas_of_entry.len() > 1 {
                    areas_of_entry.sort_unstable();
                    areas_of_entry.dedup();
                }
                for &a in &areas_of_entry {
                    if let Some(slot) = area_reports.get_mut(a) {
                        *slot += 1;
                    }
                }
            }
        }
        let mut commitments: Vec<CommitmentStatus> = pledge
            .commitments
            .iter()
            .zip(accs.iter_mut())
            .map(|(c, acc)| {
                acc.finish(&self.units);
                commitment_status(pledge, c, acc, as_of)
            })
            .collect();
        for substitute in self.files.iter().flat_map(|f| &f.substitutes) {
            if substitute.item.last > as_of {
                continue;
            }
            for &i in &substitute.commitments {
                if let Some(status) = commitments.get_mut(usize::from(i)) {
                    status.instead.push(substitute.item.clone());
                }
            }
        }
        for status in &mut commitments {
            status.instead.sort_by_key(|s| s.last);
        }
        let (by_party, by_area) = group_totals(pledge, &commitments, party_reports, area_reports);
        StatusReport {
            as_of,
            commitments,
            by_party,
            by_area,
        }
    }
}

impl Prepared {
    /// The running sums for one commitment: its counting window, and the
    /// places of its set for a coverage target.
    fn acc_for(&self, pledge: &Pledge, commitment: &Commitment) -> Acc {
        let mut acc = Acc::new(counting_window(pledge, commitment));
        if commitment
            .target
            .as_ref()
            .is_some_and(|t| matches!(t.shape, TargetShape::Coverage { .. }))
        {
            acc.coverage = Some(CoverageAcc {
                map: self.places_in(&commitment.places),
                counts: vec![0; commitment.places.len()],
            });
        }
        acc.parts = commitment
            .parts
            .iter()
            .map(|part| {
                let key = self
                    .parts
                    .iter()
                    .position(|p| *p == part.id)
                    .and_then(|i| u32::try_from(i).ok())
                    .unwrap_or(prepared::NO_PLACE);
                (
                    key,
                    self.acc_for(pledge, &part_commitment(commitment, part)),
                )
            })
            .collect();
        acc
    }
}

/// A part as a commitment of its own: the commitment with the part's
/// target (same id, so its revisions apply to each part).
fn part_commitment(commitment: &Commitment, part: &crate::model::Part) -> Commitment {
    Commitment {
        target: part.target.clone(),
        parts: Vec::new(),
        ..commitment.clone()
    }
}

/// One point of a commitment's chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeriesPoint {
    /// The date.
    pub date: Date,
    /// Reported by the date (as [`CommitmentStatus::reported`]).
    pub reported: f64,
    /// Expected by the date, for count targets.
    pub expected: Option<f64>,
}

/// Entries per calendar month of the period, per party and per problem area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthlyReports {
    /// The months of the period as (year, month), in order.
    pub months: Vec<(i32, u32)>,
    /// Per party (pledge order), entries per month.
    pub by_party: Vec<Vec<usize>>,
    /// Per problem area (pledge order), entries per month; an entry naming
    /// several commitments of one area counts once.
    pub by_area: Vec<Vec<usize>>,
}

impl Prepared {
    /// Reported and expected amounts of commitment number `index` (pledge
    /// order) at each of `dates`, with exactly the rules of [`Prepared::compute`].
    pub fn series(&self, pledge: &Pledge, index: usize, dates: &[Date]) -> Vec<SeriesPoint> {
        let Some(commitment) = pledge.commitments.get(index) else {
            return Vec::new();
        };
        let Ok(wanted) = u16::try_from(index) else {
            return Vec::new();
        };
        let facts: Vec<Fact> = self
            .files
            .iter()
            .flat_map(|file| {
                file.facts
                    .iter()
                    .filter(move |f| file.commitments_of(f).contains(&wanted))
            })
            .copied()
            .collect();
        // The empty sums (window, coverage map, parts) once; each date
        // starts from a copy.
        let empty = self.acc_for(pledge, commitment);
        dates
            .iter()
            .map(|&date| {
                let mut acc = empty.clone();
                for fact in facts.iter().filter(|f| f.known_by(date)) {
                    acc.add(fact, &self.units);
                }
                acc.finish(&self.units);
                let status = commitment_status(pledge, commitment, &acc, date);
                SeriesPoint {
                    date,
                    reported: status.reported,
                    expected: status.expected,
                }
            })
            .collect()
    }

    /// Entries per month of the period up to `as_of`, per party and per area.
    pub fn monthly_reports(&self, pledge: &Pledge, as_of: Date) -> MonthlyReports {
        let months = pledge.period.months();
        let month_of = |d: Date| months.iter().position(|m| *m == (d.year(), d.month()));
        let area_index = area_indices(pledge);
        let mut by_party = vec![vec![0; months.len()]; pledge.parties.len()];
        let mut by_area = vec![vec![0; months.len()]; pledge.problem_areas.len()];
        let mut areas: Vec<usize> = Vec::new();
        for file in &self.files {
            for fact in file.facts.iter().filter(|f| f.known_by(as_of)) {
                let Some(m) = month_of(fact.date) else {
                    continue;
                };
                for party in file.parties_of(fact) {
                    if let Some(slot) = by_party
                        .get_mut(usize::from(party))
                        .and_then(|row| row.get_mut(m))
                    {
                        *slot += 1;
                    }
                }
                areas.clear();
                for &c in file.commitments_of(fact) {
                    areas.extend(area_index.get(usize::from(c)).into_iter().flatten());
                }
                areas.sort_unstable();
                areas.dedup();
                for &a in &areas {
                    if let Some(slot) = by_area.get_mut(a).and_then(|row| row.get_mut(m)) {
                        *slot += 1;
                    }
                }
            }
        }
        MonthlyReports {
            months,
            by_party,
            by_area,
        }
    }
}

/// For each commitment (pledge order), the positions of its problem areas
/// in `pledge.problem_areas`.
fn area_indices(pledge: &Pledge) -> Vec<Vec<usize>> {
    pledge
        .commitments
        .iter()
        .map(|c| {
            c.problem_areas
                .iter()
                .filter_map(|n| pledge.problem_areas.iter().position(|a| a.number == *n))
                .collect()
        })
        .collect()
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
    let window = target_window(pledge, commitment);
    let dropped = pledge.dropped_on(&commitment.id, as_of);
    let added = pledge.added_on(&commitment.id).filter(|d| as_of < *d);
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
        by_unit: acc.units.iter().map(|(_, t)| t.clone()).collect(),
        dropped,
        added,
        milestone_reached: None,
        target_changed: None,
        instead: Vec::new(),
        coverage: Vec::new(),
        parts: Vec::new(),
        target_window: window
            .filter(|w| (w.start, w.end) != (pledge.period.start, pledge.period.end)),
    };
    measure(pledge, commitment, acc, as_of, window, &mut status);
    if !commitment.parts.is_empty() {
        status.parts = commitment
            .parts
            .iter()
            .zip(&acc.parts)
            .map(|(part, (_, part_acc))| PartStatus {
                id: part.id.clone(),
                text: part.text.clone(),
                status: commitment_status(
                    pledge,
                    &part_commitment(commitment, part),
                    part_acc,
                    as_of,
                ),
            })
            .collect();
        if commitment.target.is_none() {
            from_parts(&mut status);
        }
    }
    // Revisions decide over figures: a dropped commitment is never behind,
    // and one not added yet is not promised yet.
    if status.added.is_some() {
        status.measured = MeasuredStatus::Tillkommer;
    } else if status.dropped.is_some() {
        status.measured = MeasuredStatus::Utgatt;
    }
    status
}

/// A commitment followed up in parts, without a target of its own: "1 av 2
/// delar" reached, behind as soon as one part is, reached when all are.
fn from_parts(status: &mut CommitmentStatus) {
    let parts: Vec<MeasuredStatus> = status.parts.iter().map(|p| p.status.measured).collect();
    let reached = parts
        .iter()
        .filter(|m| **m == MeasuredStatus::Uppnatt)
        .count();
    status.reported = reached as f64;
    status.qualifier = Qualifier::Exakt;
    status.unit = Some("delar".to_owned());
    status.full_target = Some(parts.len() as f64);
    status.expected = None;
    let any = |m: MeasuredStatus| parts.contains(&m);
    status.measured = if reached == parts.len() {
        MeasuredStatus::Uppnatt
    } else if any(MeasuredStatus::EfterPlan) {
        MeasuredStatus::EfterPlan
    } else if parts.iter().all(|m| *m == MeasuredStatus::IngaRapporter) {
        MeasuredStatus::IngaRapporter
    } else if any(MeasuredStatus::EnligtPlan) || reached > 0 {
        MeasuredStatus::EnligtPlan
    } else {
        MeasuredStatus::Kvalitativ
    };
}

/// Fills in the figures and the measured status from the target.
fn measure(
    pledge: &Pledge,
    commitment: &crate::model::Commitment,
    acc: &Acc,
    as_of: Date,
    window: Option<Period>,
    status: &mut CommitmentStatus,
) {
    let segments = pledge.targets_at(commitment, as_of);
    let Some(target) = segments.last().and_then(|(_, t)| *t) else {
        // No target: report the most used unit, and the status is qualitative.
        if let Some(main) = acc
            .units
            .iter()
            .map(|(_, t)| t)
            .max_by(|a, b| a.entries.cmp(&b.entries).then_with(|| b.unit.cmp(&a.unit)))
        {
            status.reported = main.amount;
            status.unit = Some(main.unit.clone());
            status.qualifier = main.qualifier;
        }
        if acc.reports > 0 {
            status.measured = MeasuredStatus::Kvalitativ;
        }
        return;
    };
    if let TargetShape::Milestone { by } = target.shape {
        status.reported = acc.reports as f64;
        status.milestone_reached = acc.reached;
        status.measured = milestone_status(acc.reached.is_some(), acc.reports, by, as_of);
        return;
    }
    status.unit = Some(target.unit.clone());
    let in_unit = acc
        .units
        .iter()
        .find(|(_, u)| same_unit(&u.unit, &target.unit));
    if let Some((_, total)) = in_unit {
        status.reported = total.amount;
        status.qualifier = total.qualifier;
    }
    let promised = window
        .or_else(|| window_of(pledge, commitment, target))
        .unwrap_or(pledge.period);
    let mut window = promised;
    if let TargetShape::Coverage { times, per } = target.shape {
        measure_coverage(commitment, acc, as_of, window, (times, per), status);
        return;
    }
    // A dropped commitment's target stops the day before the drop: nothing
    // more is expected from it on, and the whole target is what was due
    // until then.
    if let Some(dropped) = status.dropped {
        window.end = window.end.min(dropped.add_days(-1)).max(window.start);
    }
    // Each target applies from its change to the day before the next one;
    // expected and whole amounts are the sums over those segments.
    let (mut full, mut expected) = (0.0, 0.0);
    for (i, (from, segment_target)) in segments.iter().enumerate() {
        let Some(segment_target) = segment_target else {
            continue;
        };
        let start = from.map_or(window.start, |d| d.max(window.start));
        let end = segments
            .get(i + 1)
            .and_then(|(next, _)| *next)
            .map_or(window.end, |next| next.add_days(-1).min(window.end));
        if end < start {
            continue;
        }
        let segment = Period {
            start,
            end,
            signed: None,
        };
        // A total's share per day is of the whole promised window, also
        // when a drop cuts the window short.
        let (f, e) = segment_amounts(segment_target, &promised, &segment, as_of);
        full += f;
        expected += e;
    }
    if segments.len() > 1 {
        status.target_changed = segments.last().and_then(|(from, _)| *from);
    }
    status.full_target = Some(full);
    status.expected = Some(expected);
    // Reports that give no number in the target's unit ("hög synlighet
    // genom hot spot-patrullering") cannot be measured against it: saying
    // *efter plan* would claim the work was not done.
    if acc.reports > 0 && in_unit.is_none_or(|(_, t)| t.entries == 0) {
        status.measured = MeasuredStatus::Kvalitativ;
        return;
    }
    status.measured = measured_against(
        target.bound,
        status.reported,
        expected,
        full,
        acc.reports,
        as_of >= window.end,
    );
}

/// A coverage target: how many places of the set have had the visits they
/// need by `as_of` ("7 av 12 skolor"). Without a rate each place needs
/// `times` visits over the window, and the places expected by the date
/// grow pro rata; with one ("fyra gånger per år") a place needs the whole
/// visits due by the date, at least one once any is due, and is *uppnått*
/// only when every place has had all its visits by the window's end.
fn measure_coverage(
    commitment: &Commitment,
    acc: &Acc,
    as_of: Date,
    window: Period,
    (times, per): (f64, Option<crate::model::RateUnit>),
    status: &mut CommitmentStatus,
) {
    let places = commitment.places.len();
    let due_at = |date: Date| match per {
        None => times,
        Some(unit) => times * elapsed_units(&window, date, unit),
    };
    // Whole visits: 3.7 due is 3 done and the fourth under way.
    // `as` saturates; `times` is a finite positive number (`check`).
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let whole = |due: f64| (due + 1e-9).floor().max(1.0) as usize;
    let due_now = whole(due_at(as_of));
    let counts = acc
        .coverage
        .as_ref()
        .map_or(&[][..], |c| c.counts.as_slice());
    status.coverage = commitment
        .places
        .iter()
        .enumerate()
        .map(|(i, place)| PlaceCoverage {
            place: place.clone(),
            visits: counts.get(i).copied().unwrap_or(0),
            due: due_now,
        })
        .collect();
    let covered = status.coverage.iter().filter(|p| p.covered()).count();
    let share = match per {
        None => elapsed_days(&window, as_of) as f64 / window.days().max(1) as f64,
        Some(_) => due_at(as_of).min(1.0),
    };
    status.reported = covered as f64;
    status.qualifier = Qualifier::Exakt;
    status.full_target = Some(places as f64);
    status.expected = Some(places as f64 * share);
    let over = as_of >= window.end;
    status.measured = if acc.reports == 0 {
        MeasuredStatus::IngaRapporter
    } else if covered >= places && (per.is_none() || over) {
        MeasuredStatus::Uppnatt
    } else if places as f64 * share <= 0.0
        || covered as f64 / (places as f64 * share) >= thresholds::ON_TRACK_MIN_RATIO
    {
        MeasuredStatus::EnligtPlan
    } else {
        MeasuredStatus::EfterPlan
    };
}

/// The whole and the expected-by-`as_of` amounts of `target` over the
/// days of `segment`, part of the target's `window`. A `Total` is a
/// whole-window amount, so a segment gets its share by days.
fn segment_amounts(target: &Target, window: &Period, segment: &Period, as_of: Date) -> (f64, f64) {
    match &target.shape {
        TargetShape::Total { amount } => {
            let per_day = amount / window.days().max(1) as f64;
            (
                per_day * segment.days() as f64,
                per_day * elapsed_days(segment, as_of) as f64,
            )
        }
        TargetShape::Rate { amount, per, .. } => (
            amount * elapsed_units(segment, segment.end, *per),
            amount * elapsed_units(segment, as_of, *per),
        ),
        TargetShape::Weekdays { amount, days } => (
            amount * time::matching_days(segment, segment.end, days) as f64,
            amount * time::matching_days(segment, as_of, days) as f64,
        ),
        // Measured by `measure_coverage`, not by amounts.
        TargetShape::Coverage { .. } | TargetShape::Milestone { .. } => (0.0, 0.0),
    }
}

/// A milestone is *uppnått* only when an entry says it was reached; work
/// reported towards it is *enligt plan* before its due date (or
/// *kvalitativ* when it has none), and past the due date it is *efter plan*.
fn milestone_status(
    reached: bool,
    reports: usize,
    by: Option<Date>,
    as_of: Date,
) -> MeasuredStatus {
    match (reached, by) {
        (true, _) => MeasuredStatus::Uppnatt,
        (false, Some(by)) if as_of > by => MeasuredStatus::EfterPlan,
        _ if reports == 0 => MeasuredStatus::IngaRapporter,
        (false, Some(_)) => MeasuredStatus::EnligtPlan,
        (false, None) => MeasuredStatus::Kvalitativ,
    }
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
