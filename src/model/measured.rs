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
