//! The measured status of a commitment as a plain type: derived by
//! [`crate::status`], and stored in meeting files as the snapshot of what the
//! figures showed at the meeting.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The measured side of a commitment's status (what reports show).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
    /// Dropped by a revision on or before the date (*utgått*): never
    /// *efter plan*, whatever was reported.
    Utgatt,
    /// Added by a revision after the date (*tillkommer*): not promised yet,
    /// so neither counted nor behind.
    Tillkommer,
    /// A concluded meeting assessed that the target's condition was not
    /// met ("om underrättelseläget medger detta"): said so instead of
    /// *efter plan*, and counted apart.
    VillkorEjUppfyllt,
}

impl MeasuredStatus {
    /// All statuses in display order.
    pub const ALL: [MeasuredStatus; MeasuredStatus::COUNT] = [
        MeasuredStatus::Uppnatt,
        MeasuredStatus::EnligtPlan,
        MeasuredStatus::EfterPlan,
        MeasuredStatus::IngaRapporter,
        MeasuredStatus::Kvalitativ,
        MeasuredStatus::VillkorEjUppfyllt,
        MeasuredStatus::Utgatt,
        MeasuredStatus::Tillkommer,
    ];

    /// How many statuses there are (the length of per-status counts).
    pub const COUNT: usize = 8;

    /// Whether summaries list the status even with no commitment in it:
    /// the five of the plan do; *utgått* and *tillkommer* only happen
    /// with revisions, so a zero count of them is noise.
    pub fn always_listed(self) -> bool {
        !matches!(
            self,
            MeasuredStatus::Utgatt | MeasuredStatus::Tillkommer | MeasuredStatus::VillkorEjUppfyllt
        )
    }

    /// Stable English key used in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            MeasuredStatus::IngaRapporter => "no_reports",
            MeasuredStatus::EfterPlan => "behind",
            MeasuredStatus::EnligtPlan => "on_track",
            MeasuredStatus::Uppnatt => "achieved",
            MeasuredStatus::Kvalitativ => "qualitative",
            MeasuredStatus::Utgatt => "dropped",
            MeasuredStatus::Tillkommer => "not_yet_added",
            MeasuredStatus::VillkorEjUppfyllt => "condition_not_met",
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
            MeasuredStatus::Utgatt => "✕",
            MeasuredStatus::Tillkommer => "◌",
            MeasuredStatus::VillkorEjUppfyllt => "⊘",
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
            MeasuredStatus::Utgatt => "utgått",
            MeasuredStatus::Tillkommer => "tillkommer",
            MeasuredStatus::VillkorEjUppfyllt => "villkoret uppfylldes inte",
        })
    }
}
