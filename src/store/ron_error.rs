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

/// What a type of the file format is called in Swedish. ron names the Rust
/// type a field belongs to; users know the thing, not the type.
fn thing(type_name: &str) -> Option<&'static str> {
    Some(match type_name {
        "Pledge" => "löftet",
        "Party" => "en part",
        "PartyKind" => "partens typ",
        "Period" => "perioden",
        "ProblemArea" => "ett problemområde",
        "Commitment" => "ett åtagande",
        "CarriedOver" => "uppgiften om överfört åtagande",
        "Target" => "målet",
        "TargetShape" => "målets form",
        "RateUnit" => "målets tidsenhet",
        "Bound" => "målets gräns",
        "Indicator" => "en indikator",
        "IndicatorValue" => "ett indikatorvärde",
        "IndicatorGoal" => "indikatorns mål",
        "Revision" => "en ändring av löftet",
        "RevisionChange" => "ändringens slag",
        "ActivityFile" => "aktivitetsfilen",
        "Activity" => "en aktivitet",
        "Quantity" => "mängden",
        "Qualifier" => "mängdens precision",
        "Adjustment" => "en justering",
        "Meeting" => "mötet",
        "MeetingState" => "mötets läge",
        "Participant" => "en deltagare",
        "Organisation" => "deltagarens organisation",
        "Role" => "deltagarens roll",
        "AgendaItem" => "en punkt på dagordningen",
        "ItemKind" => "punktens slag",
        "CommitmentReview" => "genomgången av ett åtagande",
        "Assessment" => "bedömningen",
        "MeasuredStatus" => "den mätta statusen",
        "StatusSnapshot" => "statusen vid mötet",
        "CommitmentSnapshot" => "siffrorna från mötets avslutning",
        "ActionItem" => "en åtgärd",
        "ActionStatus" => "åtgärdens status",
        "ActionUpdate" => "uppföljningen av en åtgärd",
        "NextMeeting" => "nästa möte",
        "Reopening" => "ett återöppnande",
        _ => return None,
    })
}

fn within(outer: Option<&String>) -> String {
    outer
        .and_then(|o| thing(o))
        .map_or_else(String::new, |o| format!(" i {o}"))
}

/// serde's English description of an expected value, in Swedish.
fn expected_words(expected: &str) -> &'static str {
    let e = expected.to_ascii_lowercase();
    if e.contains("string") || e.contains("char") {
        "en text inom citattecken"
    } else if e.contains("f32") || e.contains("f64") || e.contains("float") {
        "ett tal"
    } else if [
        "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "integer",
    ]
    .iter()
    .any(|t| e.contains(t))
    {
        "ett heltal"
    } else if e.contains("bool") {
        "`true` eller `false`"
    } else if e.contains("sequence") || e.contains("tuple") {
        "en lista `[ … ]`"
    } else if e.contains("struct") || e.contains("map") {
        "en post inom parentes `( … )`"
    } else if e.contains("enum") || e.contains("variant") {
        "ett av de tillåtna värdena"
    } else {
        "ett annat slags värde"
    }
}

/// serde's English description of the value found, in Swedish.
fn found_words(found: &str) -> String {
    for (english, swedish) in [
        ("the string ", "texten "),
        ("string ", "texten "),
        ("integer ", "talet "),
        ("floating point ", "talet "),
        ("boolean ", ""),
        ("character ", "tecknet "),
    ] {
        if let Some(rest) = found.strip_prefix(english) {
            return format!("{swedish}{}", quote(rest.trim_matches(['`', '"'])));
        }
    }
    match found {
        "a sequence" => "en lista".into(),
        "a map" | "a struct" => "en post".into(),
        "unit value" | "unit" => "`()`".into(),
        "an option" | "option" => "ett valfritt värde".into(),
        other => quote(other),
    }
}

/// The text from a 1-based line and column (in characters) to the end.
fn text_from(src: &str, line: usize, col: usize) -> &str {
    let Some(line_text) = src.split_inclusive('\n').nth(line.saturating_sub(1)) else {
        return "";
    };
    let line_start = line_text.as_ptr() as usize - src.as_ptr() as usize;
    let in_line = line_text
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    src.get(line_start + in_line..).unwrap_or_default()
}

/// What is still open where the text ends: the closing bracket or quote
/// that is missing, if any.
fn missing_closer(src: &str) -> Option<&'static str> {
    let mut open: Vec<char> = Vec::new();
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let mut escaped = false;
                let mut closed = false;
                for c in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    return Some("\"");
                }
            }
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '(' | '[' | '{' => open.push(c),
            ')' | ']' | '}' => {
                open.pop();
            }
            _ => {}
        }
    }
    open.last().map(|c| match c {
        '(' => ")",
        '[' => "]",
        _ => "}",
    })
}

/// "filen tar slut här — saknas ett `)`?": what a cut-off file lacks.
fn end_of_file(src: &str) -> String {
    match missing_closer(src) {
        Some("\"") => "filen tar slut här — saknas ett avslutande citattecken `\"`?".into(),
        Some(closer) => format!("filen tar slut här — saknas ett `{closer}`?"),
        None => "filen tar slut mitt i ett värde".into(),
    }
}

/// "ca 60", "minst 5": a number written with a word for its precision, and
/// the qualifier the file format has for that word.
fn worded_number(text: &str) -> Option<(&'static str, &str)> {
    let lower = text.trim();
    for (words, qualifier) in [
        (
            &["ca ", "ca. ", "cirka ", "circa ", "~", "ungefär "][..],
            "Cirka",
        ),
        (&["minst ", "över ", ">"][..], "Minst"),
    ] {
        for word in words {
            if let Some(rest) = lower
                .get(..word.len())
                .filter(|w| w.eq_ignore_ascii_case(word))
                .and_then(|_| lower.get(word.len()..))
            {
                let rest = rest.trim();
                if rest.replace(',', ".").parse::<f64>().is_ok() {
                    return Some((qualifier, rest));
                }
            }
        }
    }
    None
}

/// The string literal at the start of `text`, without its quotes.
fn leading_string(text: &str) -> Option<&str> {
    let rest = text.trim_start().strip_prefix('"')?;
    rest.split('"').next()
}

/// A better message than ron's where the text at the error (`at`, from
/// the start of ron's span; `after`, from its end) shows what was meant:
/// a file cut off, a negative number, a number with words, a list where
/// one value belongs.
fn hint(code: &Error, at: &str, after: &str, negative: bool, src_all: &str) -> Option<String> {
    use Error as E;
    let at = at.trim_start();
    if after.trim().is_empty() && !matches!(code, E::TrailingCharacters) {
        // Whatever ron expected, the text ended before it: say what is open.
        return Some(end_of_file(src_all));
    }
    match code {
        E::IntegerOutOfBounds | E::ExpectedInteger | E::ExpectedFloat
            if at.starts_with('-') || negative =>
        {
            Some("negativa tal är inte tillåtna här".into())
        }
        E::ExpectedInteger | E::ExpectedFloat | E::InvalidValueForType { .. }
            if at.starts_with('"') =>
        {
            let inner = leading_string(at).unwrap_or_default();
            Some(match worded_number(inner) {
                Some((qualifier, number)) => format!(
                    "här väntades ett tal, inte texten {}; skriv `amount: {number}` och `qualifier: {qualifier}`",
                    quote(inner)
                ),
                None => format!(
                    "här väntades ett tal, inte texten {}; skriv talet utan citattecken",
                    quote(inner)
                ),
            })
        }
        E::ExpectedString | E::ExpectedStringEnd | E::InvalidValueForType { .. }
            if at.starts_with('[') =>
        {
            Some(
                "här väntades ett enda värde inom citattecken, inte en lista; bara en part eller ett id får stå i det här fältet"
                    .into(),
            )
        }
        _ => None,
    }
}

/// The Swedish message for a RON error in `src` (the position is reported
/// separately).
pub fn message(err: &SpannedError, src: &str) -> String {
    use Error as E;
    let at = text_from(src, err.span.start.line, err.span.start.col);
    let after = text_from(src, err.span.end.line, err.span.end.col);
    // ron's span of a number out of range starts after its sign.
    let negative = err.span.start.col > 1
        && text_from(src, err.span.start.line, err.span.start.col - 1).starts_with('-');
    if let Some(better) = hint(&err.code, at, after, negative, src) {
        return better;
    }
    match &err.code {
        E::Eof => end_of_file(src),
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
        E::ExpectedDifferentStructName { expected, found } => format!(
            "här väntades {}, inte {}",
            thing(expected).unwrap_or("ett annat värde"),
            quote(found)
        ),
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
        E::InvalidValueForType { expected, found } => format!(
            "fel sorts värde: här väntades {}, men här står {}",
            expected_words(expected),
            found_words(found)
        ),
        E::ExpectedDifferentLength { found, .. } => {
            format!("fel antal värden här ({found} st)")
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
        // ron's remaining errors are rare and in English: say where, in
        // Swedish, and leave their wording out.
        _ => "filen kan inte läsas här: texten följer inte RON-formatet".into(),
    }
}
