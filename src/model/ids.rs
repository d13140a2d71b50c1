//! Identifiers as newtypes, so a party id can never be passed where a
//! commitment id is expected.
//!
//! Ids are short ("G1", "lpo-karlstad"), so they are stored inline
//! ([`CompactString`], up to 24 bytes without a heap allocation): a large
//! folder has one party id and one or more commitment ids per entry.

use std::fmt;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(CompactString);

        impl $name {
            /// Wraps a string as an id (validation reports malformed ids).
            pub fn new(id: impl AsRef<str>) -> Self {
                Self(CompactString::new(id.as_ref()))
            }

            /// The id as written in the files.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(CompactString::new(id))
            }
        }
    };
}

string_id!(
    /// Id of a party of the pledge, e.g. `lpo-karlstad`.
    PartyId
);
string_id!(
    /// Stable id of a commitment, e.g. `G1`, `P2`, `K4`.
    CommitmentId
);
string_id!(
    /// Id of an outcome indicator, e.g. `I1`.
    IndicatorId
);
string_id!(
    /// Id of an action item, unique across the meetings of a pledge, e.g. `A3`.
    ActionId
);

/// Whether an id is well formed: 1–40 ASCII letters, digits, `-` or `_`.
///
/// Kept narrow so ids survive file names, URLs and spreadsheets unchanged.
pub fn is_well_formed_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_shape() {
        assert!(is_well_formed_id("G1"));
        assert!(is_well_formed_id("lpo-karlstad"));
        assert!(!is_well_formed_id(""));
        assert!(!is_well_formed_id("P 1"));
        assert!(!is_well_formed_id("kö"));
    }
}
