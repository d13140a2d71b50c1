//! Elapsed time within a period, in days, weeks or calendar months.

use chrono::Months;

use crate::model::{Date, Period, RateUnit, Weekday};

/// Days of the period elapsed by `as_of`, both ends included: 0 before the
/// start, the whole period after the end.
pub fn elapsed_days(period: &Period, as_of: Date) -> i64 {
    if as_of < period.start {
        return 0;
    }
    // `max(0)`: a target window may end before it starts (`check` reports it).
    (period.start.days_until(as_of.min(period.end)) + 1).max(0)
}

/// The days of the period up to `as_of` (both included) that fall on one of
/// `days`: "alla fredags- och lördagskvällar" from 1 May to 31 July is 26.
/// A weekday listed twice counts once.
pub fn matching_days(period: &Period, as_of: Date, days: &[Weekday]) -> i64 {
    let elapsed = elapsed_days(period, as_of);
    if elapsed == 0 {
        return 0;
    }
    let first = i64::from(Weekday::of(period.start).number());
    let (weeks, rest) = (elapsed / 7, elapsed % 7);
    let mut seen = [false; 7];
    let mut count = 0;
    for day in days {
        let Some(slot) = seen.get_mut(day.index()) else {
            continue;
        };
        if std::mem::replace(slot, true) {
            continue;
        }
        // Days from the period's first weekday to this one, 0..7.
        let offset = (i64::from(day.number()) - first).rem_euclid(7);
        count += weeks + i64::from(offset < rest);
    }
    count
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
        RateUnit::Manad => calendar_units(period, days, 1),
        RateUnit::Ar => calendar_units(period, days, 12),
    }
}

/// `days` days from the period's start in calendar units of `months`
/// months: whole units counted from the start, the last, partial unit as a
/// fraction of its real length.
fn calendar_units(period: &Period, days: i64, months: u32) -> f64 {
    if days == 0 {
        return 0.0;
    }
    // First day *after* the elapsed part.
    let end = period.start.add_days(days).naive();
    let start = period.start.naive();
    let mut whole = 0u32;
    while start
        .checked_add_months(Months::new((whole + 1) * months))
        .is_some_and(|d| d <= end)
    {
        whole += 1;
    }
    let Some(month_start) = start.checked_add_months(Months::new(whole * months)) else {
        return f64::from(whole);
    };
    let Some(next) = start.checked_add_months(Months::new((whole + 1) * months)) else {
        return f64::from(whole);
    };
    let partial = (end - month_start).num_days() as f64;
    let month_len = (next - month_start).num_days().max(1) as f64;
    f64::from(whole) + partial / month_len
}
