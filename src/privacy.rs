//! The personal-data guard: finds Swedish personal identity numbers
//! (personnummer and samordningsnummer) in free text, and words that suggest
//! a note describes an individual case rather than aggregate work.
//!
//! Minutes and public reports may be published, and notes about young people
//! must stay aggregate, so a number is only reported when it really can be
//! one: a valid date part (day + 60 for a samordningsnummer) and a correct
//! Luhn check digit. "2017-03-16 1234" in a note is a date and a count, not
//! a personnummer.

use std::ops::Range;

/// Which kind of identity number was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// Personnummer.
    Personnummer,
    /// Samordningsnummer (day of birth + 60).
    Samordningsnummer,
}

impl std::fmt::Display for IdKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            IdKind::Personnummer => "personnummer",
            IdKind::Samordningsnummer => "samordningsnummer",
        })
    }
}

/// An identity number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdNumber {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Which kind.
    pub kind: IdKind,
}

/// Every personnummer or samordningsnummer in `text`: 10 or 12 digits,
/// optionally with `-` or `+` before the last four, not part of a longer
/// run of digits, with a real date and a correct check digit.
pub fn find_id_numbers(text: &str) -> Vec<IdNumber> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_run = bytes.get(i).is_some_and(u8::is_ascii_digit)
            && (i == 0 || !bytes.get(i - 1).is_some_and(u8::is_ascii_digit));
        if !starts_run {
            i += 1;
            continue;
        }
        if let Some((end, digits)) = candidate_at(bytes, i)
            && let Some(kind) = check(&digits)
        {
            found.push(IdNumber {
                range: i..end,
                kind,
            });
            i = end;
            continue;
        }
        i += 1;
    }
    found
}

/// The digits of a 10- or 12-digit number starting at `start` (with an
/// optional separator before the last four), and where it ends.
fn candidate_at(bytes: &[u8], start: usize) -> Option<(usize, Vec<u8>)> {
    let run = |from: usize| {
        bytes.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let first = run(start);
    let digits_of = |from: usize, len: usize| -> Option<Vec<u8>> {
        Some(
            bytes
                .get(from..from + len)?
                .iter()
                .map(|b| b - b'0')
                .collect(),
        )
    };
    let (end, digits) = match first {
        10 | 12 => (start + first, digits_of(start, first)?),
        6 | 8 => {
            let sep = start + first;
            if !matches!(bytes.get(sep), Some(b'-' | b'+')) || run(sep + 1) != 4 {
                return None;
            }
            let mut d = digits_of(start, first)?;
            d.extend(digits_of(sep + 1, 4)?);
            (sep + 5, d)
        }
        _ => return None,
    };
    // A longer number right after (e.g. an account number) is not an id.
    if bytes.get(end).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((end, digits))
}

/// Whether 10 or 12 digits are a valid personnummer or samordningsnummer.
fn check(digits: &[u8]) -> Option<IdKind> {
    // The last ten: YYMMDDNNNC.
    let ten = digits.get(digits.len().checked_sub(10)?..)?;
    let number = |a: usize, b: usize| -> u32 {
        ten.get(a..b)
            .map_or(0, |d| d.iter().fold(0, |n, x| n * 10 + u32::from(*x)))
    };
    let month = number(2, 4);
    let day = number(4, 6);
    let (kind, day) = if day > 60 {
        (IdKind::Samordningsnummer, day - 60)
    } else {
        (IdKind::Personnummer, day)
    };
    let year = if digits.len() == 12 {
        let century = digits
            .get(0..2)
            .map_or(0, |d| d.iter().fold(0, |n, x| n * 10 + u32::from(*x)));
        i32::try_from(century * 100 + number(0, 2)).ok()?
    } else {
        // Any century will do for checking the day; 2000 is a leap year
        // like every year whose two digits are divisible by four.
        2000 + i32::try_from(number(0, 2)).ok()?
    };
    chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    luhn_ok(ten).then_some(kind)
}

/// The Luhn check over ten digits (weights 2,1,2,1… from the left).
fn luhn_ok(ten: &[u8]) -> bool {
    let sum: u32 = ten
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let v = u32::from(*d) * if i % 2 == 0 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    ten.len() == 10 && sum.is_multiple_of(10)
}

/// Words and patterns that suggest a text is about one person or one case,
/// which notes about young people must not be.
const CASE_WORDS: [&str; 8] = [
    "ärende nr",
    "ärendenr",
    "ärendenummer",
    "diarienr",
    "diarienummer",
    "anmälan nr",
    "pojken",
    "flickan",
];

/// Why a text looks like it describes an individual case, if it does: a
/// case-number phrase, or a capitalised word followed by an age ("Kalle, 15
/// år"). A warning only: the text may still be fine.
pub fn individual_case_hint(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    if let Some(word) = CASE_WORDS.iter().find(|w| lower.contains(*w)) {
        return Some(format!("\"{word}\" pekar på ett enskilt ärende"));
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    for pair in words.windows(3) {
        let [name, age, years] = pair else {
            continue;
        };
        let name = name.trim_end_matches(',');
        let is_name = name.chars().next().is_some_and(char::is_uppercase)
            && name.chars().skip(1).all(char::is_lowercase)
            && name.chars().count() > 1;
        let is_age = age.parse::<u8>().is_ok_and(|a| a < 100);
        if is_name && is_age && years.trim_end_matches([',', '.']) == "år" {
            return Some(format!(
                "\"{name}, {age} år\" ser ut att beskriva en enskild person"
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<IdKind> {
        find_id_numbers(text).into_iter().map(|n| n.kind).collect()
    }

    #[test]
    fn finds_valid_numbers_in_every_written_form() {
        // 811218-9876 is the Swedish Tax Agency's test number.
        for text in [
            "811218-9876",
            "8112189876",
            "19811218-9876",
            "198112189876",
            "ansvarig 811218+9876 enligt listan",
        ] {
            assert_eq!(kinds(text), [IdKind::Personnummer], "{text}");
        }
        let found = find_id_numbers("Se 811218-9876.");
        assert_eq!(found.first().map(|n| n.range.clone()), Some(3..14));
        // Samordningsnummer: day + 60 (18 -> 78), check digit recomputed.
        assert_eq!(kinds("811278-9873"), [IdKind::Samordningsnummer]);
    }

    #[test]
    fn dates_counts_and_bad_check_digits_are_not_numbers() {
        for text in [
            "811218-9875",
            "2017-03-16",
            "2017-03-16 1234",
            "1234567890",
            "0701234567",
            "tel 054-123456",
            "8112189876123",
            "811318-9876",
        ] {
            assert!(kinds(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn hints_at_individual_cases_but_not_at_aggregates() {
        assert!(individual_case_hint("Ärende nr 4711 följs upp").is_some());
        assert!(individual_case_hint("Kalle, 15 år, greps vid torget").is_some());
        assert!(individual_case_hint("12 ungdomar nåddes, de flesta 15 år").is_none());
        assert!(individual_case_hint("Kvällspass med två poliser.").is_none());
    }
}
