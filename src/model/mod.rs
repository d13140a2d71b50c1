//! The document: plain serde types for pledges and activity reports, with no
//! I/O and no GUI. Validation lives in [`crate::validate`], derived figures in
//! [`crate::status`].

pub mod activity;
pub mod activity_edit;
pub mod date;
pub mod ids;
pub mod measured;
pub mod meeting;
pub mod meeting_edit;
pub mod pledge;
pub mod pledge_edit;

pub use activity::{
    ACTIVITY_FORMAT_VERSION, Activity, ActivityFile, Commitments, Qualifier, Quantity,
};
pub use date::{Date, DateError, month_name};
pub use ids::{ActionId, CommitmentId, IndicatorId, PartyId};
pub use measured::MeasuredStatus;
pub use pledge::{
    Bound, CarriedOver, Commitment, CommitmentGroup, Indicator, IndicatorValue,
    PLEDGE_FORMAT_VERSION, Party, PartyKind, Period, Pledge, ProblemArea, RateUnit, Revision,
    RevisionChange, Target, TargetShape,
};
pub mod problem;
pub mod validate;

pub use problem::{DocRef, FieldPath, Finding, PathSeg, Problem, ProblemKind, Severity};

/// For `skip_serializing_if`: saved files leave out fields at their default.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference
pub(crate) fn is_false(value: &bool) -> bool {
    !*value
}
