//! RON parse errors in plain Swedish.

use ron::error::{Error, SpannedError};

/// Longest quoted piece of the input repeated in a message, so that a
/// garbage file cannot produce a giant error.
const MAX_QUOTE_CHARS: usize = 60;

fn quote(text: &str) -> String {
    let mut short: String = text.chars().take(MAX_QUOTE_CHARS).collect();
    if text.chars().count() > MAX_QUOTE_CHARS {
        short.push('…');
    }
    format!("\"{short}\"")
}

fn one_of(expected: &[&str]) -> String {
    expected
        .iter()
        .map(|e| format!("`{e}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn within(outer: Option<&String>) -> String {
    outer.map_or_else(String::new, |o| format!(" i `{o}`"))
}

/// The Swedish message for a RON error (position is reported separately).
pub fn message(err: &SpannedError) -> String {
    use Error as E;
    match &err.code {
        E::Eof => {
            "filen tar slut mitt i ett värde; saknas en avslutande parentes eller ett citattecken?"
                .into()
        }
        E::ExpectedArray => "här väntades en lista `[ … ]`".into(),
        E::ExpectedArrayEnd => "här väntades `]` eller ett kommatecken".into(),
        E::ExpectedBoolean => "här väntades `true` eller `false`".into(),
        E::ExpectedComma => {
            "här saknas ett kommatecken före värdet; titta i slutet av raden ovanför".into()
        }
        E::ExpectedFloat | E::ExpectedInteger => "här väntades ett tal".into(),
        E::ExpectedOption => "här väntades `Some(…)` eller `None`".into(),
        E::ExpectedOptionEnd | E::ExpectedStructLikeEnd => "här väntades `)`".into(),
        E::ExpectedMap => "här väntades `{ … }`".into(),
        E::ExpectedMapColon => "här saknas ett kolon `:`".into(),
        E::ExpectedMapEnd => "här väntades `}`".into(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "här väntades en post inom parentes `( … )`".into()
        }
        E::ExpectedDifferentStructName { expected, found } => {
            format!("här väntades `{expected}`, inte {}", quote(found))
        }
        E::ExpectedString | E::ExpectedStringEnd => {
            "här väntades en text inom citattecken \"…\"".into()
        }
        E::ExpectedIdentifier => "här väntades ett fältnamn".into(),
        E::ExpectedUnit => "här väntades `()`".into(),
        E::InvalidEscape(what) => format!("ogiltig escape-sekvens i texten ({what})"),
        E::IntegerOutOfBounds => "talet är för stort".into(),
        E::InvalidIntegerDigit { digit, .. } => format!("ogiltig siffra '{digit}' i ett tal"),
        E::NoSuchExtension(name) => format!("okänt RON-tillägg {}", quote(name)),
        E::UnclosedBlockComment => "en kommentar `/* … */` avslutas aldrig".into(),
        E::UnclosedLineComment => "en kommentar avslutas aldrig".into(),
        E::UnexpectedChar(c) => format!("oväntat tecken '{}'", c.escape_default()),
        E::Utf8Error(_) => "filen är inte UTF-8-kodad; spara den som UTF-8".into(),
        E::TrailingCharacters => {
            "det finns text efter slutet av filens innehåll; saknas en inledande parentes?".into()
        }
        E::InvalidValueForType { expected, found } => {
            format!("fel sorts värde: väntade {expected}, fick {}", quote(found))
        }
        E::ExpectedDifferentLength { expected, found } => {
            format!("fel antal värden: väntade {expected}, fick {found}")
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "okänt värde {}{}; tillåtna värden: {}",
            quote(found),
            within(outer.as_ref()),
            one_of(expected)
        ),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let suggestion = crate::model::validate::suggest(found, expected.iter().copied())
                .map_or_else(String::new, |s| format!(" — menade du `{s}`?"));
            format!(
                "okänt fält {}{}{suggestion}; tillåtna fält: {}",
                quote(found),
                within(outer.as_ref()),
                one_of(expected)
            )
        }
        E::MissingStructField { field, outer } => {
            format!("fältet `{field}` saknas{}", within(outer.as_ref()))
        }
        E::DuplicateStructField { field, outer } => {
            format!("fältet `{field}` står två gånger{}", within(outer.as_ref()))
        }
        E::ExceededRecursionLimit => "filen är för djupt nästlad".into(),
        // Custom messages come from our own types (dates) and are already Swedish.
        E::Message(text) => {
            let text: String = text.chars().take(200).collect();
            text
        }
        other => {
            let text: String = other.to_string().chars().take(200).collect();
            format!("ogiltig RON: {text}")
        }
    }
}
