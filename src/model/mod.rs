//! The document: plain serde types for pledges and activity reports, with no
//! I/O and no GUI. Validation lives in [`crate::validate`], derived figures in
//! [`crate::status`].

pub mod activity;
pub mod activity_edit;
pub mod date;
pub mod fingerprint;
pub mod ids;
pub mod measured;
pub mod meeting;
pub mod meeting_edit;
pub mod meeting_field;
pub mod meeting_merge;
pub mod pledge;
pub mod pledge_edit;
pub mod roles;

pub use activity::{
    ACTIVITY_FORMAT_VERSION, Activity, ActivityFile, Commitments, Qualifier, Quantity, same_unit,
};
pub use date::{Date, DateError, Precision, Span, month_name};
pub use ids::{ActionId, CommitmentId, IndicatorId, PartyId};
pub use measured::MeasuredStatus;
pub use pledge::{
    Bound, CarriedOver, Commitment, CommitmentGroup, Indicator, IndicatorGoal, IndicatorValue,
    PLEDGE_FORMAT_VERSION, Part, Party, PartyKind, Period, Pledge, ProblemArea, RateUnit, Revision,
    RevisionChange, Target, TargetShape, Weekday, amount_in_unit, is_percent_unit,
};
pub mod problem;
pub mod validate;

pub use problem::{
    CopyDifference, DocRef, FieldPath, Finding, PathSeg, Problem, ProblemKind, Severity,
};

/// For `skip_serializing_if`: saved files leave out fields at their default.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference
pub(crate) fn is_false(value: &bool) -> bool {
    !*value
}

/// For `serialize_with`: a whole number is written as one ("9", not "9.0"),
/// so a file the app saves keeps the numbers as people typed them and as the
/// sample files have them; fractions ("198.5") are written as they are.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference
pub(crate) fn plain_number<S: serde::Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    // Within ±2^53 every whole f64 is exactly an i64.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if value.fract() == 0.0 && value.abs() <= EXACT {
        #[allow(clippy::cast_possible_truncation)] // whole and within ±2^53: exact
        s.serialize_i64(*value as i64)
    } else {
        s.serialize_f64(*value)
    }
}

/// [`plain_number`] for optional numbers.
#[allow(clippy::ref_option)] // serde passes a reference
pub(crate) fn plain_number_opt<S: serde::Serializer>(
    value: &Option<f64>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.serialize_some(&Plain(*v)),
        None => s.serialize_none(),
    }
}

/// A number serialised by [`plain_number`].
struct Plain(f64);

impl serde::Serialize for Plain {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        plain_number(&self.0, s)
    }
}

#[cfg(test)]
mod tests {
    use super::Quantity;
    use proptest::prelude::*;

    fn quantity(amount: f64) -> Quantity {
        Quantity {
            amount,
            unit: "tillsyner".into(),
            qualifier: super::Qualifier::Exakt,
        }
    }

    #[test]
    fn whole_numbers_are_saved_without_a_decimal_point() {
        let text = |amount| ron::to_string(&quantity(amount)).expect("serialises");
        assert_eq!(text(9.0), "(amount:9,unit:\"tillsyner\")");
        assert_eq!(text(-3.0), "(amount:-3,unit:\"tillsyner\")");
        assert_eq!(text(198.5), "(amount:198.5,unit:\"tillsyner\")");
        assert_eq!(text(1e300), "(amount:1e300,unit:\"tillsyner\")");
    }

    proptest! {
        #[test]
        fn every_finite_amount_reads_back_as_saved(amount in proptest::num::f64::NORMAL) {
            let text = ron::to_string(&quantity(amount)).expect("serialises");
            let back: Quantity = ron::from_str(&text).expect("reads back");
            prop_assert_eq!(back.amount.to_bits(), amount.to_bits(), "{}", text);
        }

        #[test]
        fn whole_amounts_read_back_exactly(amount in -1_000_000_000_i64..1_000_000_000) {
            #[allow(clippy::cast_precision_loss)]
            let amount = amount as f64;
            let text = ron::to_string(&quantity(amount)).expect("serialises");
            prop_assert!(!text.contains('.'), "{}", text);
            let back: Quantity = ron::from_str(&text).expect("reads back");
            prop_assert_eq!(back.amount.to_bits(), amount.to_bits());
        }
    }
}
