//! Activity reports (produktionsuppföljning): what each party did, when, how
//! much and where.

use std::fmt;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

use super::date::{Date, Span};
use super::ids::{CommitmentId, PartyId};

/// The file format version this build reads and writes.
pub const ACTIVITY_FORMAT_VERSION: u32 = 1;

/// One activity file (`activities/*.ron`): a party's or a reporter's log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityFile {
    /// File format version ([`ACTIVITY_FORMAT_VERSION`]).
    pub version: u32,
    /// Who keeps the file (a unit or function, not a person's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporter: Option<String>,
    /// A note about the file as a whole (e.g. that it is synthetic).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The entries, in the order written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<Activity>,
}

/// The commitment ids of an entry: one inline, more on the heap.
pub type Commitments = SmallVec<[CommitmentId; 1]>;

/// One entry in an activity report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// The day it was done, or the first day of a range; or a whole ISO
    /// week, month or year ("2018-10" for "i oktober"), which is a range.
    pub date: Span,
    /// Last day when the entry covers a range ("maj–juli").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// The commitment(s) it counts towards; the quantity counts for each.
    /// Almost always one, kept inline so an entry needs no list allocation.
    pub commitments: Commitments,
    /// The party that did it (and whose file it goes to).
    pub party: PartyId,
    /// Other parties that did it together with `party` (a parent meeting
    /// held jointly by the police and the school). The entry counts once
    /// for its commitments, and once for each of these parties in the
    /// per-party totals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<PartyId>,
    /// How much, if counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    /// Where ("centrala Karlstad", "Kronoparken").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<CompactString>,
    /// Free text; must stay aggregate (no names, no individual cases).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// A running total that replaces earlier cumulative totals of the same
    /// series (same commitment, party and unit) instead of adding to them.
    #[serde(default, skip_serializing_if = "crate::model::is_false")]
    pub cumulative: bool,
    /// The entry says its commitment's milestone was reached ("rutinen är
    /// fastställd"). Only such an entry makes a milestone *uppnått*: work
    /// reported towards it does not.
    #[serde(default, skip_serializing_if = "crate::model::is_false")]
    pub milestone_reached: bool,
    /// Set when the entry was done *instead of* what the commitment
    /// promised, which could not be done: why ("föräldramötena ställdes in
    /// på grund av pandemin"); the note says what was done instead. Such
    /// an entry is shown with the commitment ("I stället: …") and does not
    /// count towards its figures: it is not the promised activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instead: Option<String>,
    /// Which part of its commitment it was, for a commitment followed up
    /// in parts (a part's `id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
}

impl Activity {
    /// Every party that did it: `party` first, then `with` without repeats.
    pub fn parties(&self) -> impl Iterator<Item = &PartyId> {
        std::iter::once(&self.party).chain(
            self.with
                .iter()
                .enumerate()
                .filter(|(i, p)| {
                    **p != self.party && !self.with.get(..*i).is_some_and(|s| s.contains(p))
                })
                .map(|(_, p)| p),
        )
    }

    /// First day covered by the entry.
    pub fn first_day(&self) -> Date {
        self.date.first()
    }

    /// Last day covered by the entry: `until`, else the last day of its
    /// date (the day itself for a single day, the 31st for "2018-10").
    pub fn last_day(&self) -> Date {
        self.until.unwrap_or(self.date.last())
    }

    /// When it was done as the report says it, keeping the precision:
    /// "2018-10-05", "oktober 2018", "2018-05-01 – 2018-07-31",
    /// "maj 2018 – 2018-07-31".
    pub fn when(&self) -> String {
        match self.until {
            Some(until) if until != self.date.first() || !self.date.is_day() => {
                format!("{} – {until}", self.date.words())
            }
            _ => self.date.words(),
        }
    }
}

/// A reported amount with its unit and how exact it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    /// The number; hours can be fractional.
    #[serde(serialize_with = "crate::model::plain_number")]
    pub amount: f64,
    /// Unit ("tillsyner", "timmar", "personer").
    pub unit: CompactString,
    /// Exact, at least or about.
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub qualifier: Qualifier,
}

/// How exact a reported number is. "ca 60" must never print as "60".
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Qualifier {
    /// Exactly this many.
    #[default]
    Exakt,
    /// At least this many.
    Minst,
    /// About this many.
    Cirka,
}

impl Qualifier {
    /// Whether this is the default, exact.
    pub fn is_exact(&self) -> bool {
        *self == Qualifier::Exakt
    }

    /// The qualifier of a sum: exact only if every part is; "about" wins over "at least".
    #[must_use]
    pub fn combine(self, other: Qualifier) -> Qualifier {
        self.max(other)
    }

    /// The word put before a number ("ca", "minst"); empty for exact.
    pub fn prefix(self) -> &'static str {
        match self {
            Qualifier::Exakt => "",
            Qualifier::Minst => "minst ",
            Qualifier::Cirka => "ca ",
        }
    }

    /// Stable lower-case name used in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            Qualifier::Exakt => "exact",
            Qualifier::Minst => "at_least",
            Qualifier::Cirka => "about",
        }
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Qualifier::Exakt => "exakt",
            Qualifier::Minst => "minst",
            Qualifier::Cirka => "cirka",
        })
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{} {}",
            self.qualifier.prefix(),
            crate::format::number(self.amount),
            self.unit
        )
    }
}

/// Whether two unit words mean the same (case and surrounding space ignored).
///
/// The ASCII comparison comes first because it allocates nothing and almost
/// always decides; `to_lowercase` is only reached when the units differ and
/// may still match by non-ASCII case, such as "lägesbilder" and "LÄGESBILDER".
pub fn same_unit(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim()) || a.trim().to_lowercase() == b.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers_combine_towards_less_exact() {
        assert_eq!(Qualifier::Exakt.combine(Qualifier::Exakt), Qualifier::Exakt);
        assert_eq!(Qualifier::Exakt.combine(Qualifier::Minst), Qualifier::Minst);
        assert_eq!(Qualifier::Minst.combine(Qualifier::Cirka), Qualifier::Cirka);
    }

    #[test]
    fn about_is_never_printed_as_exact() {
        let q = Quantity {
            amount: 60.0,
            unit: "personer".into(),
            qualifier: Qualifier::Cirka,
        };
        assert_eq!(q.to_string(), "ca 60 personer");
    }
}
