//! The personal-data guard: finds Swedish personal identity numbers
//! (personnummer and samordningsnummer) in free text, and words that suggest
//! a note describes an individual case rather than aggregate work.
//!
//! Minutes and public reports may be published, and notes about young people
//! must stay aggregate, so a number is only reported when it really can be
//! one: a valid date part (day + 60 for a samordningsnummer) and a correct
//! Luhn check digit. "2017-03-16 1234" in a note is a date and a count, not
//! a personnummer.

pub mod walk;

use std::ops::{Deref, Range};

use serde::Serialize;

pub use walk::{Step, path_words};

/// The longest text a file may hold in one field. Real texts (a commitment,
/// a discussion) are far shorter; a longer one is a mistake or an attack,
/// and would make the minutes and the report slow to lay out.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// The longest name: of a party, a person, a place, a unit, a title or a
/// heading. Names are printed many times over (a party's name with every
/// commitment it owns, a place with every report), so they get a tighter
/// limit than texts.
pub const MAX_NAME_CHARS: usize = 200;

/// The fields that hold names, by their name in the files.
const NAME_FIELDS: [&str; 11] = [
    "name",
    "title",
    "place",
    "places",
    "unit",
    "organisation",
    "responsible",
    "reporter",
    "other_actors",
    "kind",
    "id",
];

/// The limit for the text at `path`: [`MAX_NAME_CHARS`] for names,
/// [`MAX_TEXT_CHARS`] for everything else.
pub fn max_chars(path: &[Step]) -> usize {
    let field = path.iter().rev().find_map(|s| match s {
        Step::Field(f) => Some(*f),
        Step::Index(_) => None,
    });
    if field.is_some_and(|f| NAME_FIELDS.contains(&f)) {
        MAX_NAME_CHARS
    } else {
        MAX_TEXT_CHARS
    }
}

/// The most text, in bytes, a file that is printed (the pledge, a meeting)
/// may hold in all. Karlstad's pledge holds about 6 kB and its largest
/// meeting 9 kB; with the other limits this keeps the minutes and the
/// report of anything that passes `check` within 2 s and 300 MB.
pub const MAX_PRINTED_FILE_BYTES: usize = 300_000;

/// The most commitments a pledge may have (real ones have 5 to 30): each
/// takes a block of the report and a row of every overview.
pub const MAX_COMMITMENTS: usize = 200;

/// A value every text of which has passed the personnummer check.
///
/// Only [`guard`] makes one, and the renderers of the minutes and the
/// public report take nothing else, so a text added to a document next
/// year is checked without anyone remembering to: the check walks the
/// whole value, not a list of fields.
#[derive(Debug, Clone)]
pub struct Guarded<T>(T);

impl<T> Deref for Guarded<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A personnummer or samordningsnummer found in a value, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leak {
    /// The path to the text in the value (`items[2].decisions[1]`).
    pub path: Vec<Step>,
    /// Which kind of number.
    pub kind: IdKind,
    /// Its last ten digits, to find where else the same number stands.
    pub digits: String,
}

/// Every identity number in any text of `value`, in serialisation order.
pub fn leaks<T: Serialize + ?Sized>(value: &T) -> Vec<Leak> {
    let mut out = Vec::new();
    walk::strings(value, &mut |path, text| {
        for found in find_id_numbers(text) {
            out.push(Leak {
                path: path.to_vec(),
                kind: found.kind,
                digits: ten_digits(text.get(found.range).unwrap_or_default()),
            });
        }
    });
    out
}

/// The first leak in `value` whose number is `digits`, if any.
pub fn find_leak<T: Serialize + ?Sized>(value: &T, digits: &str) -> Option<Leak> {
    leaks(value).into_iter().find(|l| l.digits == digits)
}

/// `value` as a [`Guarded`] value, or, for the first identity number in
/// it, the error `refuse` makes (it sees the value, to say where the number
/// is in words).
pub fn guard<T: Serialize, E>(
    value: T,
    refuse: impl FnOnce(&T, &Leak) -> E,
) -> Result<Guarded<T>, E> {
    match leaks(&value).first() {
        Some(leak) => Err(refuse(&value, leak)),
        None => Ok(Guarded(value)),
    }
}

/// The last ten digits of a found number, ASCII, whatever the writing.
fn ten_digits(text: &str) -> String {
    let digits: Vec<char> = text
        .chars()
        .filter_map(digit_value)
        .map(|d| char::from(b'0' + d))
        .collect();
    digits
        .get(digits.len().saturating_sub(10)..)
        .unwrap_or_default()
        .iter()
        .collect()
}

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

/// Characters people put between the groups of a personnummer: hyphen,
/// plus (over 100 years old), space, the dashes and minus signs word
/// processors substitute, and the non-breaking spaces they insert.
fn is_separator(c: char) -> bool {
    is_dash(c) || is_space(c)
}

/// The dashes and plus signs people and word processors put before the
/// last four digits.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '+'
            | '\u{00AD}' // soft hyphen
            | '\u{2010}' // hyphen
            | '\u{2011}' // non-breaking hyphen
            | '\u{2012}' // figure dash
            | '\u{2013}' // en dash
            | '\u{2014}' // em dash
            | '\u{2212}' // minus sign
            | '\u{FF0B}' // full-width plus
            | '\u{FF0D}' // full-width hyphen-minus
    )
}

/// Whether a separator is a space of some kind (not a dash): a date
/// followed by a space and a count ("2017-03-16 1234") is not an id.
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{00A0}' // no-break space
            | '\u{2007}' // figure space
            | '\u{2009}' // thin space
            | '\u{202F}' // narrow no-break space
    )
}

/// The separator between two runs of digits at the start of `rest`, as
/// people type it: one space or dash, or a dash with a space on either side
/// ("811218 – 9876", as autocorrect makes it). Returns the separator that
/// counts (the dash when there is one) and how many characters it takes;
/// `None` unless a digit follows.
fn separator(rest: &str) -> Option<(char, usize)> {
    let mut chars = rest.chars();
    let first = chars.next().filter(|c| is_separator(*c))?;
    let second = chars.next();
    if second.and_then(digit_value).is_some() {
        return Some((first, 1));
    }
    // " – " (space, dash, space) or " –" / "– " around the dash.
    let third = chars.next();
    let (dash, taken, next) = match (first, second, third) {
        (s, Some(d), t) if is_space(s) && second.is_some_and(is_dash) => match t {
            Some(t) if is_space(t) => (d, 3, chars.next()),
            t => (d, 2, t),
        },
        (d, Some(s), t) if is_dash(d) && is_space(s) => (d, 2, t),
        _ => return None,
    };
    next.and_then(digit_value).map(|_| (dash, taken))
}

/// The value of an ASCII or full-width digit.
fn digit_value(c: char) -> Option<u8> {
    let base = match c {
        '0'..='9' => u32::from('0'),
        '\u{FF10}'..='\u{FF19}' => 0xFF10,
        _ => return None,
    };
    u8::try_from(u32::from(c) - base).ok()
}

/// A maximal run of digits, and the separator that joins it to the next.
#[derive(Debug, Clone)]
struct Group {
    digits: Vec<u8>,
    /// Byte range in the text.
    range: Range<usize>,
    /// The single separator right after the run, when another run follows it.
    sep_after: Option<char>,
}

/// How the digits of an id are grouped when people write them (group
/// lengths), and whether a space may stand between the date part and the
/// last four digits.
const SHAPES: [(&[usize], bool); 8] = [
    (&[10], true),
    (&[12], true),
    (&[6, 4], true),
    (&[8, 4], true),
    (&[6, 2, 2], true),
    (&[8, 2, 2], true),
    (&[2, 2, 2, 4], false),
    (&[4, 2, 2, 4], false),
];

/// Runs of digits joined by single separators ("811218-98 76" is one chain
/// of three runs).
fn chains(text: &str) -> Vec<Vec<Group>> {
    let mut out: Vec<Vec<Group>> = Vec::new();
    let mut chain: Vec<Group> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let Some(d) = digit_value(c) else {
            continue;
        };
        let mut group = Group {
            digits: vec![d],
            range: at..at + c.len_utf8(),
            sep_after: None,
        };
        while let Some(&(at, c)) = chars.peek() {
            let Some(d) = digit_value(c) else { break };
            group.digits.push(d);
            group.range.end = at + c.len_utf8();
            chars.next();
        }
        // A separator continues the chain only when a digit follows it.
        let rest = chars
            .peek()
            .and_then(|&(at, _)| text.get(at..))
            .unwrap_or_default();
        if let Some((sep, taken)) = separator(rest) {
            group.sep_after = Some(sep);
            for _ in 0..taken {
                chars.next();
            }
            chain.push(group);
        } else {
            chain.push(group);
            out.push(std::mem::take(&mut chain));
        }
    }
    if !chain.is_empty() {
        out.push(chain);
    }
    out
}

/// Every personnummer or samordningsnummer in `text`, however it is
/// written: 10 or 12 digits (ASCII or full-width), whole or grouped as
/// people write them (`811218-9876`, `19811218 9876`, `811218-98 76`,
/// `1981-12-18-9876`) with any dash, plus, minus or (non-breaking) space
/// between the groups. A number counts only with a real date (day + 60
/// for a samordningsnummer) and a correct Luhn check digit, so dates,
/// phone numbers and counts are not flagged.
pub fn find_id_numbers(text: &str) -> Vec<IdNumber> {
    // Most texts have too few digits to hold an id: skip them in one pass
    // over the bytes. A full-width digit (U+FF10..U+FF19) starts with the
    // byte 0xEF, so counting those too never skips a real candidate.
    let possible_digits = text
        .bytes()
        .filter(|b| b.is_ascii_digit() || *b == 0xEF)
        .count();
    if possible_digits < 10 {
        return Vec::new();
    }
    let mut found = Vec::new();
    for chain in chains(text) {
        let mut start = 0;
        while start < chain.len() {
            let Some((taken, kind)) = id_at(&chain, start) else {
                start += 1;
                continue;
            };
            if let (Some(first), Some(last)) = (chain.get(start), chain.get(start + taken - 1)) {
                found.push(IdNumber {
                    range: first.range.start..last.range.end,
                    kind,
                });
            }
            start += taken;
        }
    }
    found
}

/// The id whose first run is group `start` of a chain, with how many runs
/// it takes.
fn id_at(chain: &[Group], start: usize) -> Option<(usize, IdKind)> {
    let rest = chain.get(start..)?;
    SHAPES
        .iter()
        .find_map(|&(lengths, space_before_last_four)| {
            let groups = rest.get(..lengths.len())?;
            let fits = groups
                .iter()
                .zip(lengths)
                .all(|(g, len)| g.digits.len() == *len);
            if !fits {
                return None;
            }
            // Where the date part ends: after the year, month and day runs of
            // `1981-12-18-9876`, else after the first run.
            let date_runs = if lengths.len() == 4 { 3 } else { 1 };
            let sep_after = |i: usize| groups.get(i).and_then(|g| g.sep_after);
            if !space_before_last_four && sep_after(date_runs - 1).is_some_and(is_space) {
                return None;
            }
            // A date written with spaces between year, month and day is not a
            // way anyone writes an id; dashes only there.
            if date_runs == 3 && (0..2).any(|i| sep_after(i).is_some_and(is_space)) {
                return None;
            }
            let digits: Vec<u8> = groups
                .iter()
                .flat_map(|g| g.digits.iter().copied())
                .collect();
            check(&digits).map(|kind| (lengths.len(), kind))
        })
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
            "811218 9876",
            "811218\u{2013}9876",
            "811218\u{2011}9876",
            "811218\u{2212}9876",
            "811218\u{00A0}9876",
            "19811218 9876",
            "1981-12-18-9876",
            "81-12-18-9876",
            "811218-98 76",
            "19811218-98 76",
            "\u{FF18}\u{FF11}\u{FF11}\u{FF12}\u{FF11}\u{FF18}-\u{FF19}\u{FF18}\u{FF17}\u{FF16}",
            "född 811218-9876, 2 st",
            "12 st 811218-9876",
            "811218 - 9876",
            "811218 \u{2013} 9876",
            "811218 \u{2014}9876",
            "811218\u{2013} 9876",
            "811218\u{00AD}9876",
            "811218\u{2009}9876",
            "19811218\u{2007}9876",
        ] {
            assert_eq!(kinds(text), [IdKind::Personnummer], "{text}");
        }
        let found = find_id_numbers("Se 811218-9876.");
        assert_eq!(found.first().map(|n| n.range.clone()), Some(3..14));
        let found = find_id_numbers("nr 811218-98 76 här");
        assert_eq!(found.first().map(|n| n.range.clone()), Some(3..15));
        let full =
            "id \u{FF18}\u{FF11}\u{FF11}\u{FF12}\u{FF11}\u{FF18}\u{FF19}\u{FF18}\u{FF17}\u{FF16}.";
        let found = find_id_numbers(full);
        assert_eq!(
            found.first().map(|n| n.range.clone()),
            Some(3..full.len() - 1)
        );
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
            "2017-03-16 1234",
            "20170316",
            "2017-03-16",
            "070-123 45 67",
            "070-1234567",
            "054-540 00 00",
            "+46 70 123 45 67",
            "1981 12 18 9876",
            "1981-12-18 9876",
            "Polisen 114 14 eller Karlstads kommun 054-540 00 00",
            "2017-03-16 - 1234",
            "054 - 540 00 00",
            "811218 -- 9876",
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
