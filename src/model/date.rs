//! Calendar dates as they appear in the files: strict ISO `YYYY-MM-DD`.
//!
//! A newtype rather than `chrono::NaiveDate` directly so that the file format
//! owns its parsing rules (exactly ten characters, no time part, no shifting of
//! impossible dates such as 2017-06-31) and its Swedish error messages.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (no time, no time zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    #[error("\"{0}\" är inget datum; skriv det som ÅÅÅÅ-MM-DD, till exempel 2017-03-14")]
    Format(String),
    /// Not a day, ISO week, month or year (where a report's date may be one).
    #[error(
        "\"{0}\" är inget datum; skriv en dag som ÅÅÅÅ-MM-DD, en vecka som ÅÅÅÅ-Wvv, en månad som ÅÅÅÅ-MM eller ett år som ÅÅÅÅ"
    )]
    SpanFormat(String),
    /// The form is right but the day does not exist (2017-06-31, 2017-02-29).
    #[error("datumet \"{text}\" finns inte ({reason})")]
    NoSuchDay {
        /// The text as written.
        text: String,
        /// What is impossible about it.
        reason: String,
    },
}

const MONTH_NAMES: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

impl Date {
    /// The first day spreadsheets hold without error: Excel counts days
    /// from 1900 and wrongly has a 29 February 1900, so a date before
    /// 1 March 1900 comes back shifted by a day (or not at all).
    pub const FIRST_SPREADSHEET_DAY: Date = Date(match NaiveDate::from_ymd_opt(1900, 3, 1) {
        Some(d) => d,
        None => NaiveDate::MIN,
    });

    /// The latest date there is: an open end in comparisons.
    pub const MAX: Date = Date(NaiveDate::MAX);

    /// A date from year, month (1–12) and day; `None` when it does not exist.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day).map(Self)
    }

    /// Today's date in the local time zone of this machine.
    pub fn today() -> Self {
        Self(chrono::Local::now().date_naive())
    }

    /// The underlying chrono date, for arithmetic.
    pub fn naive(self) -> NaiveDate {
        self.0
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Date) -> i64 {
        (other.0 - self.0).num_days()
    }

    /// The date `days` days later (earlier when negative); saturates at chrono's range.
    #[must_use]
    pub fn add_days(self, days: i64) -> Self {
        self.0
            .checked_add_signed(chrono::TimeDelta::days(days))
            .map_or(self, Self)
    }

    /// Year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// Month, 1–12.
    pub fn month(self) -> u32 {
        self.0.month()
    }

    /// Day of month, 1–31.
    pub fn day(self) -> u32 {
        self.0.day()
    }

    /// Number of days in this date's month (28–31), leap years included.
    pub fn days_in_month(self) -> u32 {
        days_in_month(self.year(), self.month())
    }

    /// The Swedish name of this date's month, lower case ("mars").
    pub fn month_name(self) -> &'static str {
        month_name(self.month())
    }
}

/// The Swedish name of month 1–12 (lower case); an empty string for other numbers.
pub fn month_name(month: u32) -> &'static str {
    usize::try_from(month)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| MONTH_NAMES.get(i))
        .copied()
        .unwrap_or("")
}

/// Number of days in a month (28–31), leap years included; 0 for an invalid month.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(0)
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let format_error = || DateError::Format(text.to_owned());
        let bytes = text.as_bytes();
        let well_formed = bytes.len() == 10
            && bytes.get(4) == Some(&b'-')
            && bytes.get(7) == Some(&b'-')
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !well_formed {
            return Err(format_error());
        }
        let number = |range: std::ops::Range<usize>| -> Result<u32, DateError> {
            text.get(range)
                .and_then(|s| s.parse().ok())
                .ok_or_else(format_error)
        };
        let year = number(0..4)?;
        let month = number(5..7)?;
        let day = number(8..10)?;
        let year = i32::try_from(year).map_err(|_| format_error())?;
        if !(1..=12).contains(&month) {
            return Err(DateError::NoSuchDay {
                text: text.to_owned(),
                reason: format!("månad {month} finns inte"),
            });
        }
        Date::from_ymd(year, month, day).ok_or_else(|| DateError::NoSuchDay {
            text: text.to_owned(),
            reason: format!(
                "{} {year} har {} dagar",
                month_name(month),
                days_in_month(year, month)
            ),
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use chrono::Datelike;
        // Written out by hand: chrono's `format` parses its pattern on every
        // call, and dates are written 100 000 times when a large folder is
        // checked or saved.
        let year = self.0.year();
        if (0..=9999).contains(&year) {
            write!(f, "{year:04}-{:02}-{:02}", self.0.month(), self.0.day())
        } else {
            write!(f, "{}", self.0.format("%Y-%m-%d"))
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("ett datum som \"ÅÅÅÅ-MM-DD\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// How exactly a date was written: a day, an ISO week, a month or a year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A day, "2018-10-05".
    #[default]
    Dag,
    /// An ISO week, "2018-W09".
    Vecka,
    /// A month, "2018-10".
    Manad,
    /// A year, "2018".
    Ar,
}

/// A date as reports write it: a day, or a whole ISO week, month or year
/// ("2018-10" for "i oktober"). A week, month or year is a range from its
/// first to its last day, and keeps its precision so it is never shown
/// with an invented day ("oktober 2018", not "2018-10-01").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    first: Date,
    last: Date,
    precision: Precision,
}

impl Span {
    /// One day.
    pub fn day(date: Date) -> Span {
        Span {
            first: date,
            last: date,
            precision: Precision::Dag,
        }
    }

    /// A calendar month; `None` if it does not exist.
    pub fn month(year: i32, month: u32) -> Option<Span> {
        let first = Date::from_ymd(year, month, 1)?;
        let last = Date::from_ymd(year, month, days_in_month(year, month))?;
        Some(Span {
            first,
            last,
            precision: Precision::Manad,
        })
    }

    /// An ISO week (Monday to Sunday); `None` if the year has no such week.
    pub fn week(year: i32, week: u32) -> Option<Span> {
        let first = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?;
        let last = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Sun)?;
        Some(Span {
            first: Date(first),
            last: Date(last),
            precision: Precision::Vecka,
        })
    }

    /// A calendar year.
    pub fn year(year: i32) -> Option<Span> {
        Some(Span {
            first: Date::from_ymd(year, 1, 1)?,
            last: Date::from_ymd(year, 12, 31)?,
            precision: Precision::Ar,
        })
    }

    /// Its first day.
    pub fn first(self) -> Date {
        self.first
    }

    /// Its last day (the day itself for a day).
    pub fn last(self) -> Date {
        self.last
    }

    /// How exactly it was written.
    pub fn precision(self) -> Precision {
        self.precision
    }

    /// Whether it is a single day.
    pub fn is_day(self) -> bool {
        self.precision == Precision::Dag
    }

    /// As people say it, keeping the precision: "2018-10-05",
    /// "vecka 9 2018", "oktober 2018", "2018".
    pub fn words(self) -> String {
        match self.precision {
            Precision::Dag => self.first.to_string(),
            Precision::Vecka => {
                let week = self.first.0.iso_week();
                format!("vecka {} {}", week.week(), week.year())
            }
            Precision::Manad => format!("{} {}", self.first.month_name(), self.first.year()),
            Precision::Ar => self.first.year().to_string(),
        }
    }
}

impl From<Date> for Span {
    fn from(date: Date) -> Span {
        Span::day(date)
    }
}

/// Why a text is not a date, week, month or year.
fn span_error(text: &str) -> DateError {
    DateError::SpanFormat(text.to_owned())
}

impl FromStr for Span {
    type Err = DateError;

    /// "2018-10-05", "2018-W09" (ISO week), "2018-10" or "2018".
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let year_of = |s: &str| -> Result<i32, DateError> {
            if s.len() == 4 && digits(s) {
                s.parse().map_err(|_| span_error(text))
            } else {
                Err(span_error(text))
            }
        };
        match text.len() {
            10 if text.as_bytes().get(4) == Some(&b'-') => text.parse().map(Span::day),
            4 => {
                let year = year_of(text)?;
                Span::year(year).ok_or_else(|| span_error(text))
            }
            7 => {
                let (year, month) = text.split_at(4);
                let month = month.strip_prefix('-').ok_or_else(|| span_error(text))?;
                if !digits(month) {
                    return Err(span_error(text));
                }
                let year = year_of(year)?;
                let month: u32 = month.parse().map_err(|_| span_error(text))?;
                Span::month(year, month).ok_or_else(|| DateError::NoSuchDay {
                    text: text.to_owned(),
                    reason: format!("månad {month} finns inte"),
                })
            }
            8 => {
                let (year, week) = text.split_at(4);
                let week = week
                    .strip_prefix("-W")
                    .or_else(|| week.strip_prefix("-w"))
                    .ok_or_else(|| span_error(text))?;
                if !digits(week) {
                    return Err(span_error(text));
                }
                let year = year_of(year)?;
                let week: u32 = week.parse().map_err(|_| span_error(text))?;
                Span::week(year, week).ok_or_else(|| DateError::NoSuchDay {
                    text: text.to_owned(),
                    reason: format!("{year} har ingen vecka {week}"),
                })
            }
            _ => Err(span_error(text)),
        }
    }
}

impl fmt::Display for Span {
    /// The form files use: "2018-10-05", "2018-W09", "2018-10", "2018".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Dag => self.first.fmt(f),
            Precision::Vecka => {
                let week = self.first.0.iso_week();
                write!(f, "{:04}-W{:02}", week.year(), week.week())
            }
            Precision::Manad => write!(f, "{:04}-{:02}", self.first.year(), self.first.month()),
            Precision::Ar => write!(f, "{:04}", self.first.year()),
        }
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Span;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "ett datum som \"ÅÅÅÅ-MM-DD\", en månad \"ÅÅÅÅ-MM\", en vecka \"ÅÅÅÅ-Wvv\" eller ett år \"ÅÅÅÅ\"",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Span, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_dates_strictly() {
        assert_eq!(
            "2017-03-14".parse::<Date>().ok(),
            Date::from_ymd(2017, 3, 14)
        );
        for bad in [
            "2017-3-14",
            "14/3/2017",
            "2017-03-14T00:00",
            "",
            "2017-03-1x",
        ] {
            assert!(
                matches!(bad.parse::<Date>(), Err(DateError::Format(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn impossible_days_are_errors_never_shifted() {
        let err = "2017-06-31".parse::<Date>().expect_err("no 31 June");
        assert_eq!(
            err.to_string(),
            "datumet \"2017-06-31\" finns inte (juni 2017 har 30 dagar)"
        );
        assert!("2017-02-29".parse::<Date>().is_err());
        assert!("2016-02-29".parse::<Date>().is_ok(), "2016 is a leap year");
        let err = "2017-13-01".parse::<Date>().expect_err("no month 13");
        assert!(err.to_string().contains("månad 13 finns inte"));
    }

    #[test]
    fn day_arithmetic_handles_leap_years() {
        let start = Date::from_ymd(2016, 2, 28).expect("valid");
        let end = Date::from_ymd(2016, 3, 1).expect("valid");
        assert_eq!(start.days_until(end), 2);
        assert_eq!(days_in_month(2016, 2), 29);
        assert_eq!(days_in_month(2017, 2), 28);
        assert_eq!(start.add_days(2), end);
    }

    #[test]
    fn spans_keep_their_precision() {
        let month: Span = "2018-10".parse().expect("a month");
        assert_eq!(month.first().to_string(), "2018-10-01");
        assert_eq!(month.last().to_string(), "2018-10-31");
        assert_eq!(month.to_string(), "2018-10");
        assert_eq!(month.words(), "oktober 2018");
        let week: Span = "2018-W09".parse().expect("a week");
        assert_eq!(week.first().to_string(), "2018-02-26");
        assert_eq!(week.last().to_string(), "2018-03-04");
        assert_eq!(week.to_string(), "2018-W09");
        assert_eq!(week.words(), "vecka 9 2018");
        let year: Span = "2019".parse().expect("a year");
        assert_eq!(
            (year.first().to_string(), year.last().to_string()),
            ("2019-01-01".to_owned(), "2019-12-31".to_owned())
        );
        assert_eq!(year.words(), "2019");
        let day: Span = "2017-03-14".parse().expect("a day");
        assert!(day.is_day());
        assert_eq!(day.words(), "2017-03-14");
        // ISO week 1 of 2020 starts in 2019; 2021 has no week 53.
        assert_eq!(
            "2020-W01"
                .parse::<Span>()
                .map(|w| w.first().to_string())
                .ok()
                .as_deref(),
            Some("2019-12-30")
        );
        for bad in [
            "2021-W53",
            "2018-13",
            "2018-1",
            "18",
            "2018-W9",
            "2018-10-5",
            "maj 2018",
            "2018-02-30",
        ] {
            assert!(bad.parse::<Span>().is_err(), "{bad}");
        }
    }
}
