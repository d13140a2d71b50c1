//! Validation of a pledge, its activity files and its meetings: every problem, not only the
//! first, as [`Finding`]s with logical paths. Pure: `today` is passed in.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use rustc_hash::FxHashMap as HashMap;

use super::activity::{ACTIVITY_FORMAT_VERSION, Activity, ActivityFile};
use super::date::Date;
use super::ids::is_well_formed_id;
use super::meeting::{ItemKind, MEETING_FORMAT_VERSION, Meeting, MeetingState, Organisation};
use super::pledge::{PLEDGE_FORMAT_VERSION, Pledge, TargetShape};
use super::problem::{DocRef, FieldPath, Finding, PathSeg, ProblemKind, Severity};

use PathSeg::{Field, Index};

/// Collects findings for one document.
struct Sink<'a> {
    doc: DocRef,
    out: &'a mut Vec<Finding>,
}

impl Sink<'_> {
    fn push(&mut self, severity: Severity, path: FieldPath, kind: ProblemKind) {
        self.out.push(Finding {
            severity,
            doc: self.doc,
            path,
            kind,
            related: None,
        });
    }
    fn error(&mut self, path: FieldPath, kind: ProblemKind) {
        self.push(Severity::Fel, path, kind);
    }
    fn warning(&mut self, path: FieldPath, kind: ProblemKind) {
        self.push(Severity::Varning, path, kind);
    }
}

/// The closest of `known` to `id`, when it is close enough to be a likely typo.
pub fn suggest<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let lower = id.to_lowercase();
    known
        .into_iter()
        .map(|k| (strsim::levenshtein(&lower, &k.to_lowercase()), k))
        .filter(|(distance, k)| *distance <= (k.chars().count() / 3).max(1))
        .min_by_key(|(distance, k)| (*distance, *k))
        .map(|(_, k)| k.to_owned())
}

/// Validates the pledge on its own.
pub fn validate_pledge(pledge: &Pledge) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut sink = Sink {
        doc: DocRef::Pledge,
        out: &mut out,
    };
    if pledge.version != PLEDGE_FORMAT_VERSION {
        sink.error(
            vec![Field("version")],
            ProblemKind::UnsupportedVersion {
                found: pledge.version,
                supported: PLEDGE_FORMAT_VERSION,
            },
        );
    }
    let text_bytes = check_texts(&mut sink, &[], pledge);
    check_printed_size(&mut sink, text_bytes);
    if pledge.title.trim().is_empty() {
        sink.error(vec![Field("title")], ProblemKind::EmptyText("titel"));
    }
    if pledge.parties.is_empty() {
        sink.error(vec![Field("parties")], ProblemKind::NoParties);
    }
    let max = crate::privacy::MAX_COMMITMENTS;
    if pledge.commitments.len() > max {
        sink.error(
            vec![Field("commitments"), Index(max)],
            ProblemKind::TooManyCommitments {
                count: pledge.commitments.len(),
                limit: max,
            },
        );
    }
    let party_ids: Vec<&str> = pledge.parties.iter().map(|p| p.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, party) in pledge.parties.iter().enumerate() {
        let path = vec![Field("parties"), Index(i), Field("id")];
        check_id(&mut sink, &path, party.id.as_str(), "part", &mut seen);
        if party.name.trim().is_empty() {
            sink.error(
                vec![Field("parties"), Index(i), Field("name")],
                ProblemKind::EmptyText("partens namn"),
            );
        }
    }
    for (field, party) in [
        ("convener", &pledge.convener),
        ("communication_lead", &pledge.communication_lead),
    ] {
        if let Some(party) = party {
            check_party(&mut sink, &party_ids, vec![Field(field)], party.as_str());
        }
    }
    let period = pledge.period;
    if period.end < period.start {
        sink.error(
            vec![Field("period"), Field("end")],
            ProblemKind::PeriodEndsBeforeStart,
        );
    }
    let mut areas = HashSet::new();
    for (i, area) in pledge.problem_areas.iter().enumerate() {
        if !areas.insert(area.number) {
            sink.error(
                vec![Field("problem_areas"), Index(i), Field("number")],
                ProblemKind::DuplicateId {
                    what: "problemområde",
                    id: area.number.to_string(),
                },
            );
        }
    }
    validate_commitments(&mut sink, pledge, &party_ids, &areas);
    validate_revisions_and_indicators(&mut sink, pledge, &areas);
    out
}

fn check_party(sink: &mut Sink, party_ids: &[&str], path: FieldPath, id: &str) {
    if !party_ids.contains(&id) {
        sink.error(
            path,
            ProblemKind::UnknownParty {
                id: id.to_owned(),
                suggestion: suggest(id, party_ids.iter().copied()),
            },
        );
    }
}

fn validate_commitments(
    sink: &mut Sink,
    pledge: &Pledge,
    party_ids: &[&str],
    areas: &HashSet<u32>,
) {
    let period = pledge.period;
    let mut seen = HashSet::new();
    for (i, c) in pledge.commitments.iter().enumerate() {
        let at = |field| vec![Field("commitments"), Index(i), Field(field)];
        check_id(sink, &at("id"), c.id.as_str(), "åtagande", &mut seen);
        if c.text.trim().is_empty() {
            sink.error(at("text"), ProblemKind::EmptyText("åtagandets text"));
        }
        if c.owners.is_empty() {
            sink.error(at("owners"), ProblemKind::NoOwner(c.id.to_string()));
        }
        for (j, owner) in c.owners.iter().enumerate() {
            let mut path = at("owners");
            path.push(Index(j));
            check_party(sink, party_ids, path, owner.as_str());
        }
        if let Some(lead) = &c.lead {
            check_party(sink, party_ids, at("lead"), lead.as_str());
        }
        for (j, n) in c.problem_areas.iter().enumerate() {
            if !areas.contains(n) {
                let mut path = at("problem_areas");
                path.push(Index(j));
                sink.error(path, ProblemKind::UnknownProblemArea(*n));
            }
        }
        let mut seen_parts = HashSet::new();
        for (k, part) in c.parts.iter().enumerate() {
            let path = vec![
                Field("commitments"),
                Index(i),
                Field("parts"),
                Index(k),
                Field("id"),
            ];
            check_id(sink, &path, part.id.as_str(), "del", &mut seen_parts);
        }
        if let Some(target) = &c.target {
            check_target(sink, i, c, target, period);
        }
    }
}

/// A commitment's target: its window, amounts, weekdays, places and unit.
fn check_target(
    sink: &mut Sink,
    i: usize,
    c: &super::pledge::Commitment,
    target: &super::pledge::Target,
    period: super::pledge::Period,
) {
    let at = |field| vec![Field("commitments"), Index(i), Field(field)];
    check_target_window(sink, &at("target"), target, period);
    let mut path = at("target");
    path.extend([Field("shape")]);
    match &target.shape {
        TargetShape::Total { amount }
        | TargetShape::Rate { amount, .. }
        | TargetShape::Weekdays { amount, .. } => {
            if let TargetShape::Weekdays { days, .. } = &target.shape
                && days.is_empty()
            {
                let mut path = path.clone();
                path.push(Field("days"));
                sink.error(
                    path,
                    ProblemKind::InvalidTarget(
                        "ange minst en veckodag, till exempel days: [Fredag, Lordag]".to_owned(),
                    ),
                );
            }
            if !(amount.is_finite() && *amount > 0.0) {
                path.push(Field("amount"));
                sink.error(
                    path,
                    ProblemKind::InvalidTarget(format!(
                        "antalet måste vara större än 0, inte {}",
                        crate::format::number(*amount)
                    )),
                );
            }
        }
        TargetShape::Coverage { times, .. } => {
            if !(times.is_finite() && *times > 0.0) {
                let mut path = path.clone();
                path.push(Field("times"));
                sink.error(
                    path,
                    ProblemKind::InvalidTarget(format!(
                        "antalet gånger måste vara större än 0, inte {}",
                        crate::format::number(*times)
                    )),
                );
            }
            if c.places.is_empty() {
                sink.error(
                    at("places"),
                    ProblemKind::InvalidTarget(
                        "ett mål för alla platser i en uppsättning behöver platserna i places, till exempel places: [\"Skola A\", \"Skola B\"]"
                            .to_owned(),
                    ),
                );
            }
        }
        TargetShape::Milestone { by } => {
            if let Some(by) = *by
                && !period.contains(by)
            {
                path.push(Field("by"));
                sink.warning(path, outside_period(by, period));
            }
        }
    }
    if target.unit.trim().is_empty() && !matches!(target.shape, TargetShape::Milestone { .. }) {
        let mut path = at("target");
        path.push(Field("unit"));
        sink.error(path, ProblemKind::EmptyText("målets enhet"));
    }
}

fn validate_revisions_and_indicators(sink: &mut Sink, pledge: &Pledge, areas: &HashSet<u32>) {
    let period = pledge.period;
    let commitment_ids: Vec<&str> = pledge.commitments.iter().map(|c| c.id.as_str()).collect();
    for (i, revision) in pledge.revisions.iter().enumerate() {
        let id = revision.commitment.as_str();
        if !commitment_ids.contains(&id) {
            sink.error(
                vec![Field("revisions"), Index(i), Field("commitment")],
                ProblemKind::UnknownCommitment {
                    id: id.to_owned(),
                    suggestion: suggest(id, commitment_ids.iter().copied()),
                },
            );
        }
        if !period.contains(revision.date.first()) {
            sink.warning(
                vec![Field("revisions"), Index(i), Field("date")],
                ProblemKind::OutsidePeriod {
                    date: revision.date.first(),
                    start: period.start,
                    end: period.end,
                },
            );
        }
    }
    let mut seen = HashSet::new();
    for (i, indicator) in pledge.indicators.iter().enumerate() {
        check_id(
            sink,
            &[Field("indicators"), Index(i), Field("id")],
            indicator.id.as_str(),
            "indikator",
            &mut seen,
        );
        for (j, n) in indicator.problem_areas.iter().enumerate() {
            if !areas.contains(n) {
                sink.error(
                    vec![
                        Field("indicators"),
                        Index(i),
                        Field("problem_areas"),
                        Index(j),
                    ],
                    ProblemKind::UnknownProblemArea(*n),
                );
            }
        }
        validate_indicator_values(sink, i, indicator);
    }
}

/// A value must say something: a finite number, or a text.
fn validate_indicator_values(sink: &mut Sink, i: usize, indicator: &super::pledge::Indicator) {
    let at = |j: usize, field| {
        vec![
            Field("indicators"),
            Index(i),
            Field("values"),
            Index(j),
            Field(field),
        ]
    };
    if let Some(super::pledge::IndicatorGoal::Niva { value }) = indicator.goal
        && !value.is_finite()
    {
        sink.error(
            vec![Field("indicators"), Index(i), Field("goal")],
            ProblemKind::NotAFiniteNumber,
        );
    }
    for (j, value) in indicator.values.iter().enumerate() {
        let has_text = value.text.as_deref().is_some_and(|t| !t.trim().is_empty());
        match value.value {
            Some(v) if !v.is_finite() => sink.error(at(j, "value"), ProblemKind::NotAFiniteNumber),
            None if !has_text => sink.error(
                vec![Field("indicators"), Index(i), Field("values"), Index(j)],
                ProblemKind::IndicatorValueEmpty(indicator.id.to_string()),
            ),
            _ => {}
        }
    }
}

fn check_id<'a>(
    sink: &mut Sink,
    path: &[PathSeg],
    id: &'a str,
    what: &'static str,
    seen: &mut HashSet<&'a str>,
) {
    if !is_well_formed_id(id) {
        sink.error(path.to_vec(), ProblemKind::MalformedId(id.to_owned()));
    } else if !seen.insert(id) {
        sink.error(
            path.to_vec(),
            ProblemKind::DuplicateId {
                what,
                id: id.to_owned(),
            },
        );
    }
}

/// Key for spotting likely duplicates: everything but the note.
#[derive(PartialEq, Eq, Hash)]
struct DuplicateKey<'a> {
    date: crate::model::Span,
    until: Option<Date>,
    party: &'a str,
    /// Sorted; borrowed as written when already sorted (nearly always: one id).
    commitments: std::borrow::Cow<'a, [super::ids::CommitmentId]>,
    amount_bits: Option<u64>,
    unit: Option<&'a str>,
    place: Option<&'a str>,
}

impl<'a> DuplicateKey<'a> {
    fn of(a: &'a Activity) -> Self {
        let commitments = if a.commitments.is_sorted() {
            std::borrow::Cow::Borrowed(a.commitments.as_slice())
        } else {
            let mut sorted = a.commitments.to_vec();
            sorted.sort_unstable();
            std::borrow::Cow::Owned(sorted)
        };
        Self {
            date: a.date,
            until: a.until,
            party: a.party.as_str(),
            commitments,
            amount_bits: a.quantity.as_ref().map(|q| q.amount.to_bits()),
            unit: a.quantity.as_ref().map(|q| q.unit.as_str()),
            place: a.place.as_deref(),
        }
    }
}

/// Commitments by id and the party ids, for checking entries.
fn lookups(pledge: &Pledge) -> (HashMap<&str, &super::pledge::Commitment>, Vec<&str>) {
    let commitments = pledge
        .commitments
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    let party_ids = pledge.parties.iter().map(|p| p.id.as_str()).collect();
    (commitments, party_ids)
}

/// Validates activity files against the pledge, including duplicates across files.
pub fn validate_activities(pledge: &Pledge, files: &[ActivityFile], today: Date) -> Vec<Finding> {
    let mut out = Vec::new();
    let (commitments, party_ids) = lookups(pledge);
    // Only a 64-bit fingerprint per entry is kept, and a hit is confirmed by
    // comparing the two entries: a map of full keys costs several times more
    // for 100,000 entries.
    let mut first_seen: HashMap<u64, (usize, usize)> = HashMap::default();
    first_seen.reserve(files.iter().map(|f| f.entries.len()).sum());
    let mut sums: HashMap<&str, f64> = HashMap::default();
    for (file_index, file) in files.iter().enumerate() {
        let doc = DocRef::Activities(file_index);
        let mut sink = Sink { doc, out: &mut out };
        if file.version != ACTIVITY_FORMAT_VERSION {
            sink.error(
                vec![Field("version")],
                ProblemKind::UnsupportedVersion {
                    found: file.version,
                    supported: ACTIVITY_FORMAT_VERSION,
                },
            );
        }
        check_texts(&mut sink, &[], file);
        if file.entries.is_empty() {
            sink.warning(vec![Field("entries")], ProblemKind::NoEntries);
        }
        for (i, entry) in file.entries.iter().enumerate() {
            validate_entry(
                &mut sink,
                pledge,
                &commitments,
                &party_ids,
                (i, entry),
                today,
            );
            check_sum(&mut sink, &mut sums, (i, entry));
            let key = DuplicateKey::of(entry);
            let fingerprint = {
                let mut hasher = rustc_hash::FxHasher::default();
                key.hash(&mut hasher);
                hasher.finish()
            };
            match first_seen.entry(fingerprint) {
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert((file_index, i));
                }
                std::collections::hash_map::Entry::Occupied(first) => {
                    let (first_file, first_entry) = *first.get();
                    let same = files
                        .get(first_file)
                        .and_then(|f| f.entries.get(first_entry))
                        .is_some_and(|a| DuplicateKey::of(a) == key);
                    if !same {
                        continue;
                    }
                    sink.out.push(Finding {
                        severity: Severity::Varning,
                        doc,
                        path: vec![Field("entries"), Index(i)],
                        kind: ProblemKind::LikelyDuplicate,
                        related: Some((
                            DocRef::Activities(first_file),
                            vec![Field("entries"), Index(first_entry)],
                        )),
                    });
                }
            }
        }
    }
    out
}

/// The parties a joint entry names besides its own must exist.
fn check_joint_parties(sink: &mut Sink, i: usize, entry: &Activity, party_ids: &[&str]) {
    for (k, other) in entry.with.iter().enumerate() {
        if !party_ids.contains(&other.as_str()) {
            sink.error(
                vec![Field("entries"), Index(i), Field("with"), Index(k)],
                ProblemKind::UnknownParty {
                    id: other.to_string(),
                    suggestion: suggest(other.as_str(), party_ids.iter().copied()),
                },
            );
        }
    }
}

fn validate_entry(
    sink: &mut Sink,
    pledge: &Pledge,
    commitments: &HashMap<&str, &super::pledge::Commitment>,
    party_ids: &[&str],
    (i, entry): (usize, &Activity),
    today: Date,
) {
    let at = |field| vec![Field("entries"), Index(i), Field(field)];
    if let Some(note) = &entry.note {
        check_case_wording(sink, at("note"), note);
    }
    let period = pledge.period;
    for (field, date) in [("date", Some(entry.first_day())), ("until", entry.until)] {
        let Some(date) = date else { continue };
        if date < Date::FIRST_SPREADSHEET_DAY {
            // Not only outside the period: the export could not write it.
            sink.error(at(field), ProblemKind::BeforeSpreadsheetDates(date));
        } else if !period.contains(date) {
            sink.warning(at(field), outside_period(date, period));
        } else if date > today {
            sink.warning(at(field), ProblemKind::InFuture { date, today });
        }
    }
    if let Some(until) = entry.until
        && until < entry.first_day()
    {
        sink.error(
            at("until"),
            ProblemKind::RangeEndsBeforeStart {
                start: entry.first_day(),
                end: until,
            },
        );
    }
    let party = entry.party.as_str();
    let party_known = party_ids.contains(&party);
    if !party_known {
        sink.error(
            at("party"),
            ProblemKind::UnknownParty {
                id: party.to_owned(),
                suggestion: suggest(party, party_ids.iter().copied()),
            },
        );
    }
    check_joint_parties(sink, i, entry, party_ids);
    if entry.commitments.is_empty() {
        sink.error(at("commitments"), ProblemKind::NoCommitment);
    }
    for (j, id) in entry.commitments.iter().enumerate() {
        let mut path = at("commitments");
        path.push(Index(j));
        let Some(commitment) = commitments.get(id.as_str()) else {
            sink.error(
                path,
                ProblemKind::UnknownCommitment {
                    id: id.to_string(),
                    suggestion: suggest(id.as_str(), commitments.keys().copied()),
                },
            );
            continue;
        };
        if let Some(part) = &entry.part
            && !commitment.parts.iter().any(|p| &p.id == part)
        {
            sink.error(
                at("part"),
                ProblemKind::UnknownPart {
                    part: part.clone(),
                    commitment: id.to_string(),
                    parts: commitment.parts.iter().map(|p| p.id.clone()).collect(),
                },
            );
        }
        if party_known && !commitment.owners.iter().any(|o| o.as_str() == party) {
            sink.warning(
                path,
                ProblemKind::PartyNotOwner {
                    party: party.to_owned(),
                    commitment: id.to_string(),
                },
            );
        }
        if let (Some(quantity), Some(target)) = (&entry.quantity, &commitment.target)
            && !matches!(target.shape, TargetShape::Milestone { .. })
            && !super::activity::same_unit(&quantity.unit, &target.unit)
        {
            let mut path = at("quantity");
            path.push(Field("unit"));
            sink.warning(
                path,
                ProblemKind::UnitMismatch {
                    unit: quantity.unit.to_string(),
                    expected: target.unit.clone(),
                    commitment: id.to_string(),
                },
            );
        }
    }
    validate_quantity(sink, i, entry);
}

fn validate_quantity(sink: &mut Sink, i: usize, entry: &Activity) {
    let at = |field| vec![Field("entries"), Index(i), Field(field)];
    match &entry.quantity {
        Some(q) if !q.amount.is_finite() => {
            let mut path = at("quantity");
            path.push(Field("amount"));
            sink.error(path, ProblemKind::NotAFiniteNumber);
        }
        Some(q) if q.amount < 0.0 => {
            let mut path = at("quantity");
            path.push(Field("amount"));
            sink.error(path, ProblemKind::NegativeQuantity(q.amount));
        }
        Some(q) if q.unit.trim().is_empty() => {
            let mut path = at("quantity");
            path.push(Field("unit"));
            sink.error(path, ProblemKind::EmptyText("enhet"));
        }
        None if entry.cumulative => {
            sink.error(at("cumulative"), ProblemKind::CumulativeWithoutQuantity);
        }
        _ => {}
    }
}

/// The warning for a date outside the pledge period.
fn outside_period(date: Date, period: super::pledge::Period) -> ProblemKind {
    ProblemKind::OutsidePeriod {
        date,
        start: period.start,
        end: period.end,
    }
}

/// A target's own window (`from`/`until`): it must not end before it
/// starts (an error), and days outside the pledge period do not count (a
/// warning: the status measures the window within the period).
fn check_target_window(
    sink: &mut Sink<'_>,
    path: &[PathSeg],
    target: &super::pledge::Target,
    period: super::pledge::Period,
) {
    let at = |field: &'static str| {
        let mut p = path.to_vec();
        p.push(Field(field));
        p
    };
    if let (Some(from), Some(until)) = (target.from, target.until)
        && until < from
    {
        sink.error(
            at("until"),
            ProblemKind::RangeEndsBeforeStart {
                start: from,
                end: until,
            },
        );
    }
    for (field, date) in [("from", target.from), ("until", target.until)] {
        if let Some(date) = date
            && !period.contains(date)
        {
            sink.warning(at(field), outside_period(date, period));
        }
    }
}

/// Adds an entry's amount to its commitments' running sums: a sum too large
/// for a number is an error at the entry that made it so, since a status
/// that says "–" or nothing for it would hide the problem.
fn check_sum<'a>(
    sink: &mut Sink<'_>,
    sums: &mut HashMap<&'a str, f64>,
    (i, entry): (usize, &'a Activity),
) {
    let Some(quantity) = entry.quantity.as_ref().filter(|q| q.amount.is_finite()) else {
        return;
    };
    if entry.cumulative {
        return;
    }
    for id in &entry.commitments {
        let sum = sums.entry(id.as_str()).or_insert(0.0);
        let before = *sum;
        *sum += quantity.amount;
        if before.is_finite() && !sum.is_finite() {
            sink.error(
                vec![
                    Field("entries"),
                    Index(i),
                    Field("quantity"),
                    Field("amount"),
                ],
                ProblemKind::SumOverflow(id.to_string()),
            );
        }
    }
}

/// The findings for one entry on its own, with the same Swedish messages
/// as `check`: for the entry form and the import, which validate as the user
/// types or row by row. Paths are those of entry 0 of a file.
pub fn check_entry(pledge: &Pledge, entry: &Activity, today: Date) -> Vec<Finding> {
    let (commitments, party_ids) = lookups(pledge);
    let mut out = Vec::new();
    let mut sink = Sink {
        doc: DocRef::Activities(0),
        out: &mut out,
    };
    check_texts(&mut sink, &[Field("entries"), Index(0)], entry);
    validate_entry(
        &mut sink,
        pledge,
        &commitments,
        &party_ids,
        (0, entry),
        today,
    );
    out
}

/// Whether two entries look like the same activity reported twice: equal
/// in everything but the note.
pub fn likely_duplicate(a: &Activity, b: &Activity) -> bool {
    DuplicateKey::of(a) == DuplicateKey::of(b)
}

/// Whether an activity entry is usable for status: no error-level finding concerns it.
///
/// The status engine skips entries that fail this, so an entry with an
/// unknown commitment or a negative count never distorts the figures.
pub fn entry_is_usable(pledge: &Pledge, entry: &Activity) -> bool {
    entry.parties().all(|p| pledge.party(p).is_some()) && entry_shape_is_usable(entry)
}

/// The part of [`entry_is_usable`] that needs no pledge: quantity and range.
///
/// Split out so the status engine, which looks the party up anyway to count
/// reports per party, does not look it up twice per entry.
pub fn entry_shape_is_usable(entry: &Activity) -> bool {
    let quantity_ok = entry
        .quantity
        .as_ref()
        .is_none_or(|q| q.amount.is_finite() && q.amount >= 0.0 && !q.unit.trim().is_empty());
    let first = entry.first_day();
    let range_ok = entry.until.is_none_or(|u| u >= first) && first >= Date::FIRST_SPREADSHEET_DAY;
    quantity_ok && range_ok && !(entry.cumulative && entry.quantity.is_none())
}

/// Validates meeting files against the pledge and each other: unknown
/// commitments, parties, participants and action items, missing reasons,
/// due dates before the meeting, duplicate action ids.
pub fn validate_meetings(pledge: &Pledge, meetings: &[Meeting]) -> Vec<Finding> {
    let mut out = Vec::new();
    let known = Known {
        commitments: pledge.commitments.iter().map(|c| c.id.as_str()).collect(),
        conditional: pledge
            .commitments
            .iter()
            .filter(|c| c.target.as_ref().is_some_and(|t| t.condition.is_some()))
            .map(|c| c.id.as_str())
            .collect(),
        parties: pledge.parties.iter().map(|p| p.id.as_str()).collect(),
        actions: action_ids(meetings, &mut out),
    };
    for (m, meeting) in meetings.iter().enumerate() {
        let mut sink = Sink {
            doc: DocRef::Meetings(m),
            out: &mut out,
        };
        if meeting.version != MEETING_FORMAT_VERSION {
            sink.error(
                vec![Field("version")],
                ProblemKind::UnsupportedVersion {
                    found: meeting.version,
                    supported: MEETING_FORMAT_VERSION,
                },
            );
        }
        if meeting.title.trim().is_empty() {
            sink.error(vec![Field("title")], ProblemKind::EmptyText("mötets namn"));
        }
        for (p, participant) in meeting.participants.iter().enumerate() {
            if let Organisation::Part(id) = &participant.organisation {
                known.party(
                    &mut sink,
                    vec![Field("participants"), Index(p), Field("organisation")],
                    id.as_str(),
                );
            }
        }
        check_agenda(&mut sink, meeting, &known);
        check_kept_figures(&mut sink, meeting, &known);
        let text_bytes = check_texts(&mut sink, &[], meeting);
        check_printed_size(&mut sink, text_bytes);
        check_action_updates(&mut sink, meeting, &known);
        check_action_items(&mut sink, meeting, &known);
        check_fingerprint(&mut sink, meeting);
    }
    out
}

/// A justerat meeting is still what was signed ([`super::fingerprint`]): a
/// change is an error at the first part that differs; a justerat meeting
/// without a fingerprint is a warning, and a fingerprint on a meeting that
/// is no longer justerat (its state edited by hand: reopening in the app
/// drops the fingerprint) is an error.
fn check_fingerprint(sink: &mut Sink<'_>, meeting: &Meeting) {
    let justerat = meeting.state == MeetingState::Justerat;
    match &meeting.fingerprint {
        None if justerat => sink.warning(vec![Field("state")], ProblemKind::NotFingerprinted),
        None => {}
        Some(_) if !justerat => sink.error(vec![Field("state")], ProblemKind::LeftAdjustment),
        Some(_) => {
            if let Some(changed) = super::fingerprint::changes(meeting) {
                let path = changed
                    .first()
                    .map_or_else(|| vec![Field("fingerprint")], |c| c.path.clone());
                sink.error(
                    path,
                    ProblemKind::ChangedAfterAdjustment(
                        changed.into_iter().map(|c| c.name).collect(),
                    ),
                );
            }
        }
    }
}

/// What meeting files may refer to.
struct Known<'a> {
    commitments: Vec<&'a str>,
    /// Commitments whose target has a condition.
    conditional: Vec<&'a str>,
    parties: Vec<&'a str>,
    /// Action ids with the meeting (index, action index, date) that created them.
    actions: HashMap<&'a str, (usize, usize, Date)>,
}

impl Known<'_> {
    fn party(&self, sink: &mut Sink<'_>, path: FieldPath, id: &str) {
        if !self.parties.contains(&id) {
            sink.error(
                path,
                ProblemKind::UnknownParty {
                    id: id.to_owned(),
                    suggestion: suggest(id, self.parties.iter().copied()),
                },
            );
        }
    }
}

/// Where each action id was first created; reports later duplicates.
fn action_ids<'a>(
    meetings: &'a [Meeting],
    out: &mut Vec<Finding>,
) -> HashMap<&'a str, (usize, usize, Date)> {
    let mut created: HashMap<&str, (usize, usize, Date)> = HashMap::default();
    for (m, meeting) in meetings.iter().enumerate() {
        for (a, action) in meeting.actions.iter().enumerate() {
            let key = action.id.as_str();
            if let Some(&(first_m, first_a, _)) = created.get(key) {
                out.push(Finding {
                    severity: Severity::Fel,
                    doc: DocRef::Meetings(m),
                    path: vec![Field("actions"), Index(a), Field("id")],
                    kind: ProblemKind::DuplicateId {
                        what: "åtgärd",
                        id: key.to_owned(),
                    },
                    related: Some((
                        DocRef::Meetings(first_m),
                        vec![Field("actions"), Index(first_a), Field("id")],
                    )),
                });
            } else {
                created.insert(key, (m, a, meeting.date));
            }
        }
    }
    created
}

/// Wording in a note that suggests an individual case: a warning, since
/// notes about young people must stay aggregate.
fn check_case_wording(sink: &mut Sink<'_>, path: FieldPath, text: &str) {
    if let Some(why) = crate::privacy::individual_case_hint(text) {
        sink.warning(path, ProblemKind::IndividualCase(why));
    }
}

/// The personal-data guard and the length limit on every text of a
/// document (or of the part of one at `prefix`), whatever field it is in:
/// the guard walks what would be saved, so a field added later is covered.
///
/// Returns the number of characters of text in the value (an upper bound in
/// bytes, which is what matters for the printing budget).
fn check_texts<T: serde::Serialize + ?Sized>(
    sink: &mut Sink<'_>,
    prefix: &[PathSeg],
    value: &T,
) -> usize {
    let mut total = 0;
    crate::privacy::walk::strings(value, &mut |path, text| {
        total += text.len();
        // Most texts are shorter than any limit: no need to ask which.
        let long = text.len() > crate::privacy::MAX_NAME_CHARS && {
            let limit = crate::privacy::max_chars(path);
            text.len() > limit && text.chars().count() > limit
        };
        let found = crate::privacy::find_id_numbers(text);
        if !long && found.is_empty() {
            return;
        }
        let mut full: FieldPath = prefix.to_vec();
        full.extend(path.iter().map(|step| match *step {
            crate::privacy::Step::Field(name) => Field(name),
            crate::privacy::Step::Index(i) => Index(i),
        }));
        let field = crate::privacy::path_words(path);
        if long {
            sink.error(
                full.clone(),
                ProblemKind::TextTooLong {
                    field: field.clone(),
                    chars: text.chars().count(),
                    limit: crate::privacy::max_chars(path),
                },
            );
        }
        if let Some(first) = found.first() {
            sink.error(
                full,
                ProblemKind::IdentityNumber {
                    kind: first.kind.to_string(),
                    field,
                },
            );
        }
    });
    total
}

/// The text limit of a file that is printed (the pledge in the report and
/// the minutes, a meeting in its minutes): bounds the time and memory
/// printing takes for anything that passes `check`.
fn check_printed_size(sink: &mut Sink<'_>, text_bytes: usize) {
    let limit = crate::privacy::MAX_PRINTED_FILE_BYTES;
    if text_bytes > limit {
        sink.error(
            Vec::new(),
            ProblemKind::FileTooMuchText {
                bytes: text_bytes,
                limit,
            },
        );
    }
}

fn check_agenda(sink: &mut Sink<'_>, meeting: &Meeting, known: &Known<'_>) {
    let mut seen: Vec<&str> = Vec::new();
    for (i, item) in meeting.items.iter().enumerate() {
        let ItemKind::Atagande(review) = &item.kind else {
            continue;
        };
        let path =
            |field: &'static str| vec![Field("items"), Index(i), Field("kind"), Field(field)];
        let id = review.commitment.as_str();
        if !known.commitments.contains(&id) {
            sink.error(
                path("commitment"),
                ProblemKind::UnknownCommitment {
                    id: id.to_owned(),
                    suggestion: suggest(id, known.commitments.iter().copied()),
                },
            );
        } else if seen.contains(&id) {
            sink.warning(
                path("commitment"),
                ProblemKind::CommitmentTwiceOnAgenda(id.to_owned()),
            );
        }
        seen.push(id);
        if let Some(assessment) = review.assessment
            && assessment.needs_reason()
            && review.reason.as_deref().is_none_or(|r| r.trim().is_empty())
        {
            sink.error(
                path("assessment"),
                ProblemKind::ReasonMissing(assessment.to_string()),
            );
        }
        if let Some(assessment) = review.assessment
            && assessment.needs_condition()
            && known.commitments.contains(&id)
            && !known.conditional.contains(&id)
        {
            sink.error(
                path("assessment"),
                ProblemKind::AssessmentNeedsCondition(id.to_owned()),
            );
        }
    }
}

/// The figures kept at the meeting's conclusion name commitments of the
/// pledge: the minutes print them by commitment, so a mistyped id would
/// silently leave its figures out.
fn check_kept_figures(sink: &mut Sink<'_>, meeting: &Meeting, known: &Known<'_>) {
    for (i, kept) in meeting.snapshots.iter().enumerate() {
        let id = kept.commitment.as_str();
        if !known.commitments.contains(&id) {
            sink.error(
                vec![Field("snapshots"), Index(i), Field("commitment")],
                ProblemKind::UnknownCommitment {
                    id: id.to_owned(),
                    suggestion: suggest(id, known.commitments.iter().copied()),
                },
            );
        }
    }
}

fn check_action_updates(sink: &mut Sink<'_>, meeting: &Meeting, known: &Known<'_>) {
    let earlier: Vec<&str> = known
        .actions
        .iter()
        .filter(|(_, (_, _, date))| *date < meeting.date)
        .map(|(id, _)| *id)
        .collect();
    for (u, update) in meeting.action_updates.iter().enumerate() {
        let id = update.action.as_str();
        if !earlier.contains(&id) {
            sink.error(
                vec![Field("action_updates"), Index(u), Field("action")],
                ProblemKind::UnknownAction {
                    id: id.to_owned(),
                    suggestion: suggest(id, earlier.iter().copied()),
                },
            );
        }
    }
}

fn check_action_items(sink: &mut Sink<'_>, meeting: &Meeting, known: &Known<'_>) {
    for (a, action) in meeting.actions.iter().enumerate() {
        let path = |field: &'static str| vec![Field("actions"), Index(a), Field(field)];
        if let Some(party) = &action.party {
            known.party(sink, path("party"), party.as_str());
        }
        if let Some(due) = action.due
            && due < meeting.date
        {
            sink.warning(
                path("due"),
                ProblemKind::DueBeforeMeeting {
                    due,
                    meeting: meeting.date,
                },
            );
        }
        let responsible = action.responsible.trim();
        if !meeting.participants.is_empty()
            && !meeting
                .participants
                .iter()
                .any(|p| p.name.trim() == responsible)
        {
            sink.warning(
                path("responsible"),
                ProblemKind::UnknownParticipant(responsible.to_owned()),
            );
        }
    }
}
