//! Activity entries interned against one pledge, so status can be recomputed
//! many times (every edit, every as-of date in the GUI) without touching the
//! strings of 100,000 entries again.
//!
//! Interning turns each usable entry into a small `Copy` record with indices
//! instead of ids: the hot loop in [`Prepared::compute`] then reads one
//! contiguous array and compares integers. An edit re-interns only the file it
//! changed ([`Prepared::update_file`]).

use rustc_hash::FxHashMap as HashMap;

use crate::model::{ActivityFile, Date, Pledge, Qualifier, validate::entry_shape_is_usable};

/// [`Fact::place`] of an entry without a place.
pub(super) const NO_PLACE: u32 = u32::MAX;

/// One usable entry with its ids replaced by indices.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fact {
    /// First day.
    pub date: Date,
    /// Last day of a range (the date itself for single days).
    pub last: Date,
    /// Index of the party in `pledge.parties`.
    pub party: u16,
    /// Index in [`Prepared::units`], when a quantity is given.
    pub unit: Option<u32>,
    /// The amount (0 without a quantity).
    pub amount: f64,
    /// How exact the amount is.
    pub qualifier: Qualifier,
    /// A running total (see [`crate::model::Activity::cumulative`]).
    pub cumulative: bool,
    /// The entry says its milestone was reached (see
    /// [`crate::model::Activity::milestone_reached`]).
    pub reached: bool,
    /// Index in [`Prepared::places`] of its place, [`NO_PLACE`] without one.
    pub place: u32,
    /// Index in [`Prepared::parts`] of the part it names, [`NO_PLACE`]
    /// without one.
    pub part: u32,
    /// Where the indices of the other parties it was done with start in
    /// the file's `with` list (see [`crate::model::Activity::with`]).
    pub first_with: u32,
    /// How many other parties it was done with.
    pub with_count: u8,
    /// Where its commitment indices start in the file's `commitments` list.
    pub first_commitment: u32,
    /// How many commitment indices it has there.
    pub commitment_count: u16,
}

impl Fact {
    /// Whether the entry is known at `as_of`: from its last day.
    ///
    /// A range ("maj–juli: 1 kampanj", "under året: 40 insatser") is
    /// reported once it is over, and a running total describes the days up
    /// to its last one. Spreading either over the days before would invent
    /// figures nobody reported; so before its last day an entry counts
    /// nothing.
    pub fn known_by(&self, as_of: Date) -> bool {
        self.last <= as_of
    }
}

/// The interned entries of one activity file.
#[derive(Debug, Clone, Default)]
pub(super) struct FileFacts {
    pub facts: Vec<Fact>,
    /// Commitment indices (into `pledge.commitments`) of all facts, back to back.
    pub commitments: Vec<u16>,
    /// Indices of the other parties of joint facts, back to back (almost
    /// always empty).
    pub with: Vec<u16>,
    /// Entries done instead of a promise: listed, never counted (rare, so
    /// they keep their texts).
    pub substitutes: Vec<SubstituteFact>,
}

/// An entry with `instead`, for the commitments it names.
#[derive(Debug, Clone)]
pub(super) struct SubstituteFact {
    /// Commitment indices.
    pub commitments: Vec<u16>,
    /// What the views show.
    pub item: super::Substitute,
}

impl FileFacts {
    /// The commitment indices of one fact.
    pub fn commitments_of(&self, fact: &Fact) -> &[u16] {
        let start = fact.first_commitment as usize;
        self.commitments
            .get(start..start + usize::from(fact.commitment_count))
            .unwrap_or(&[])
    }

    /// The indices of every party of one fact: its own, then those it was
    /// done with.
    pub fn parties_of<'a>(&'a self, fact: &Fact) -> impl Iterator<Item = u16> + 'a {
        let start = fact.first_with as usize;
        let with = self
            .with
            .get(start..start + usize::from(fact.with_count))
            .unwrap_or(&[]);
        std::iter::once(fact.party).chain(with.iter().copied())
    }
}

/// Activity files interned for one pledge.
///
/// Valid only with the pledge it was built for: when the pledge's parties or
/// commitments change, build a new one.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    pub(super) files: Vec<FileFacts>,
    /// Unit spellings, first seen first; equal units (see [`super::same_unit`])
    /// share one index.
    pub(super) units: Vec<String>,
    /// Normalised unit (trimmed, lower case) → index in `units`.
    unit_index: HashMap<String, u32>,
    /// Place texts as written (trimmed), first seen first.
    pub(super) places: Vec<String>,
    /// Place text → index in `places`.
    place_index: HashMap<String, u32>,
    /// Part ids named by entries, first seen first.
    pub(super) parts: Vec<String>,
}

impl Prepared {
    /// Interns all entries of `files`; broken entries are left out.
    pub fn new(pledge: &Pledge, files: &[ActivityFile]) -> Self {
        let mut prepared = Prepared::default();
        let lookup = Lookup::new(pledge);
        for file in files {
            let facts = prepared.intern_file(&lookup, file);
            prepared.files.push(facts);
        }
        prepared
    }

    /// Re-interns one file after an edit; `index` is its position in the
    /// slice given to [`Prepared::new`]. An index past the end appends.
    pub fn update_file(&mut self, pledge: &Pledge, index: usize, file: &ActivityFile) {
        let lookup = Lookup::new(pledge);
        let facts = self.intern_file(&lookup, file);
        match self.files.get_mut(index) {
            Some(slot) => *slot = facts,
            None => self.files.push(facts),
        }
    }

    /// Number of interned (usable) entries.
    pub fn len(&self) -> usize {
        self.files.iter().map(|f| f.facts.len()).sum()
    }

    /// Whether no usable entry was interned.
    pub fn is_empty(&self) -> bool {
        self.files.iter().all(|f| f.facts.is_empty())
    }

    fn intern_file(&mut self, lookup: &Lookup<'_>, file: &ActivityFile) -> FileFacts {
        let mut out = FileFacts {
            facts: Vec::with_capacity(file.entries.len()),
            commitments: Vec::with_capacity(file.entries.len()),
            with: Vec::new(),
            substitutes: Vec::new(),
        };
        for entry in &file.entries {
            if !entry_shape_is_usable(entry) {
                continue;
            }
            // An unknown party makes the entry unusable (see `entry_is_usable`).
            let Some(party) = lookup.party(entry.party.as_str()) else {
                continue;
            };
            if let Some(reason) = &entry.instead {
                out.substitutes.push(SubstituteFact {
                    commitments: entry
                        .commitments
                        .iter()
                        .filter_map(|id| lookup.commitment(id.as_str()))
                        .collect(),
                    item: super::Substitute {
                        when: entry.when(),
                        what: entry.note.clone().unwrap_or_default(),
                        reason: reason.clone(),
                        last: entry.last_day(),
                    },
                });
                continue;
            }
            let first_with = out.with.len();
            let mut with_known = true;
            for other in entry.parties().skip(1) {
                match lookup.party(other.as_str()) {
                    Some(i) => out.with.push(i),
                    None => with_known = false,
                }
            }
            let (true, Ok(first_with_index), Ok(with_count)) = (
                with_known,
                u32::try_from(first_with),
                u8::try_from(out.with.len() - first_with),
            ) else {
                out.with.truncate(first_with);
                continue;
            };
            let first = out.commitments.len();
            out.commitments.extend(
                entry
                    .commitments
                    .iter()
                    .filter_map(|id| lookup.commitment(id.as_str())),
            );
            let (Ok(first_commitment), Ok(commitment_count)) = (
                u32::try_from(first),
                u16::try_from(out.commitments.len() - first),
            ) else {
                out.commitments.truncate(first);
                continue;
            };
            let (unit, amount, qualifier) = match &entry.quantity {
                Some(q) => (Some(self.unit(&q.unit)), q.amount, q.qualifier),
                None => (None, 0.0, Qualifier::Exakt),
            };
            let place = match entry.place.as_deref() {
                Some(p) if lookup.places => self.place(p),
                _ => NO_PLACE,
            };
            out.facts.push(Fact {
                date: entry.first_day(),
                last: entry.last_day(),
                party,
                unit,
                amount,
                qualifier,
                cumulative: entry.cumulative,
                reached: entry.milestone_reached,
                place,
                part: entry.part.as_deref().map_or(NO_PLACE, |p| self.part(p)),
                first_with: first_with_index,
                with_count,
                first_commitment,
                commitment_count,
            });
        }
        out
    }

    /// The index of a part id, adding it when new (a handful at most).
    fn part(&mut self, part: &str) -> u32 {
        let part = part.trim();
        if let Some(i) = self.parts.iter().position(|p| p == part) {
            return u32::try_from(i).unwrap_or(NO_PLACE);
        }
        self.parts.push(part.to_owned());
        u32::try_from(self.parts.len() - 1).unwrap_or(NO_PLACE)
    }

    /// The index of a place text, adding it when new.
    fn place(&mut self, place: &str) -> u32 {
        let trimmed = place.trim();
        if let Some(&i) = self.place_index.get(trimmed) {
            return i;
        }
        let i = u32::try_from(self.places.len()).unwrap_or(NO_PLACE);
        self.places.push(trimmed.to_owned());
        self.place_index.insert(trimmed.to_owned(), i);
        i
    }

    /// For each interned place, the positions in `set` of the places it
    /// names: "Skola A" names one, "Skola A, Skola B" or "Skola A och
    /// Skola B" two; case and surrounding space do not matter.
    pub(super) fn places_in(&self, set: &[String]) -> Vec<Vec<u16>> {
        let wanted: Vec<String> = set.iter().map(|p| p.trim().to_lowercase()).collect();
        self.places
            .iter()
            .map(|written| {
                let mut hits: Vec<u16> = written
                    .split([',', ';'])
                    .flat_map(|part| part.split(" och "))
                    .filter_map(|part| {
                        let part = part.trim().to_lowercase();
                        wanted.iter().position(|w| *w == part)
                    })
                    .filter_map(|i| u16::try_from(i).ok())
                    .collect();
                let whole = written.trim().to_lowercase();
                if let Some(i) = wanted.iter().position(|w| *w == whole)
                    && let Ok(i) = u16::try_from(i)
                {
                    hits.push(i);
                }
                hits.sort_unstable();
                hits.dedup();
                hits
            })
            .collect()
    }

    /// The index of a unit, adding it when new.
    fn unit(&mut self, unit: &str) -> u32 {
        let trimmed = unit.trim();
        // Exact spelling first: it allocates nothing and almost always hits.
        if let Some(&i) = self.unit_index.get(trimmed) {
            return i;
        }
        let key = trimmed.to_lowercase();
        if let Some(&i) = self.unit_index.get(&key) {
            self.unit_index.insert(trimmed.to_owned(), i);
            return i;
        }
        let i = u32::try_from(self.units.len()).unwrap_or(u32::MAX);
        self.units.push(trimmed.to_owned());
        self.unit_index.insert(key, i);
        self.unit_index.insert(trimmed.to_owned(), i);
        i
    }
}

/// Id → index maps of a pledge.
struct Lookup<'a> {
    parties: Vec<&'a str>,
    commitments: HashMap<&'a str, u16>,
    /// Whether any target counts places (coverage): only then are the
    /// entries' places interned, a hash lookup per entry saved otherwise.
    places: bool,
}

impl<'a> Lookup<'a> {
    fn new(pledge: &'a Pledge) -> Self {
        Lookup {
            parties: pledge.parties.iter().map(|p| p.id.as_str()).collect(),
            commitments: pledge
                .commitments
                .iter()
                .enumerate()
                .filter_map(|(i, c)| Some((c.id.as_str(), u16::try_from(i).ok()?)))
                .collect(),
            places: pledge.commitments.iter().any(|c| {
                std::iter::once(c.target.as_ref())
                    .chain(c.parts.iter().map(|p| p.target.as_ref()))
                    .flatten()
                    .any(|t| matches!(t.shape, crate::model::TargetShape::Coverage { .. }))
            }),
        }
    }

    fn party(&self, id: &str) -> Option<u16> {
        // Pledges have a handful of parties: a scan beats hashing.
        let i = self.parties.iter().position(|p| *p == id)?;
        u16::try_from(i).ok()
    }

    fn commitment(&self, id: &str) -> Option<u16> {
        self.commitments.get(id).copied()
    }
}
