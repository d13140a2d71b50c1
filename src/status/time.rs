//! Elapsed time within a period, in days, weeks or calendar months.

use chrono::Months;

use crate::model::{Date, Period, RateUnit, Target, TargetShape};

/// Days of the period elapsed by `as_of`, both ends included: 0 before the
/// start, the whole period after the end.
pub fn elapsed_days(period: &Period, as_of: Date) -> i64 {
    if as_of < period.start {
        return 0;
    }
    // `max(0)`: a target window may end before it starts (`check` reports it).
    (period.start.days_until(as_of.min(period.end)) + 1).max(0)
}

/// The amount a target plans for its whole window (pass the target's
/// window, see [`super::target_window`]), for count-like targets.
///
/// `None` for milestones. Rates are converted with the window's real length
/// in days, weeks or calendar months. Time arithmetic is the status
/// engine's, so this lives here and the model stays plain data.
pub fn full_amount(target: &Target, window: &Period) -> Option<f64> {
    match &target.shape {
        TargetShape::Total { amount } => Some(*amount),
        TargetShape::Rate { amount, per, .. } => {
            Some(amount * elapsed_units(window, window.end, *per))
        }
        TargetShape::Milestone { .. } => None,
    }
}

/// Elapsed time of the period by `as_of` in the unit of a rate.
///
/// Months are calendar months counted from the period start, with the last,
/// partial month as a fraction of its real length (so February counts right in
/// leap years).
pub fn elapsed_units(period: &Period, as_of: Date, unit: RateUnit) -> f64 {
    let days = elapsed_days(period, as_of);
    match unit {
        RateUnit::Dag => days as f64,
        RateUnit::Vecka => days as f64 / 7.0,
        RateUnit::Manad => {
            if days == 0 {
                return 0.0;
            }
            // First day *after* the elapsed part.
            let end = period.start.add_days(days).naive();
            let start = period.start.naive();
            let mut whole = 0u32;
            while start
                .checked_add_months(Months::new(whole + 1))
                .is_some_and(|d| d <= end)
            {
                whole += 1;
            }
            let Some(month_start) = start.checked_add_months(Months::new(whole)) else {
                return f64::from(whole);
            };
            let Some(next) = start.checked_add_months(Months::new(whole + 1)) else {
                return f64::from(whole);
            };
            let partial = (end - month_start).num_days() as f64;
            let month_len = (next - month_start).num_days().max(1) as f64;
            f64::from(whole) + partial / month_len
        }
    }
}
