//! Numbers and counts the Swedish way: space as thousands separator, decimal
//! comma, "58 %", "1 rapport / 2 rapporter", "A, B och C". One place, so the
//! CLI, the GUI, the minutes and the report agree.
//!
//! Plural agreement is done here, not with Fluent: Swedish needs two forms
//! per noun, and every text is Swedish today. When an English translation
//! is asked for, the text table (`gui/text.rs`) and these helpers are what
//! moves to `.ftl` files with `fluent-bundle`.

/// A number with at most one decimal, e.g. `1 234`, `2,5`, `-3`.
///
/// ```
/// use medborgarlofte::format::number;
/// assert_eq!(number(1234.0), "1 234");
/// assert_eq!(number(2.5), "2,5");
/// ```
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let tenths = (value * 10.0).round();
    let negative = tenths < 0.0;
    // Values beyond ±9e17 do not occur in activity counts; saturate rather than
    // wrap. The value is non-negative after `abs`, so no sign is lost.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let tenths = tenths.abs().min(9.0e17) as u64;
    let whole = tenths / 10;
    let decimal = tenths % 10;
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    if negative && tenths != 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(ch);
    }
    if decimal != 0 {
        out.push(',');
        out.push_str(&decimal.to_string());
    }
    out
}

/// A whole percentage, e.g. `58 %`, `200 %`, with a no-break space so the
/// number and its sign are never split across lines (egui, the PDF layout
/// and browsers all keep U+00A0 together).
///
/// ```
/// assert_eq!(medborgarlofte::format::percent(57.6), "58\u{a0}%");
/// ```
pub fn percent(value: f64) -> String {
    format!("{}\u{a0}%", number(value.round()))
}

/// A count with its noun in agreement: "1 rapport", "2 rapporter",
/// "1 234 aktiviteter". Swedish has two plural categories (CLDR: `one` for
/// exactly 1, `other` for everything else, 0 included), so two forms are
/// all a noun needs.
///
/// ```
/// use medborgarlofte::format::count;
/// assert_eq!(count(1, "rapport", "rapporter"), "1 rapport");
/// assert_eq!(count(0, "åtagande", "åtaganden"), "0 åtaganden");
/// ```
pub fn count(n: usize, one: &str, other: &str) -> String {
    let noun = if n == 1 { one } else { other };
    // usize to f64 is exact far beyond any count in these files.
    format!("{} {noun}", number(n as f64))
}

/// A Swedish list: "A", "A och B", "A, B och C" (no comma before "och").
///
/// ```
/// use medborgarlofte::format::list;
/// assert_eq!(list(&["polisen", "kommunen", "bolaget"]), "polisen, kommunen och bolaget");
/// ```
pub fn list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} och {}", init.join(", "), last.as_ref())
        }
    }
}

/// Escapes text for HTML element content and attribute values: the
/// report's and the minutes' web pages share it.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_noun() {
        assert_eq!(count(0, "rapport", "rapporter"), "0 rapporter");
        assert_eq!(count(1, "rapport", "rapporter"), "1 rapport");
        assert_eq!(count(2, "rapport", "rapporter"), "2 rapporter");
        assert_eq!(count(1, "fil", "filer"), "1 fil");
        assert_eq!(count(8, "fil", "filer"), "8 filer");
        assert_eq!(count(1, "åtagande", "åtaganden"), "1 åtagande");
        assert_eq!(count(21, "insats", "insatser"), "21 insatser");
        assert_eq!(count(997_800, "fel", "fel"), "997 800 fel");
    }

    #[test]
    fn lists_join_with_commas_and_och() {
        let none: [&str; 0] = [];
        assert_eq!(list(&none), "");
        assert_eq!(list(&["A"]), "A");
        assert_eq!(list(&["A", "B"]), "A och B");
        assert_eq!(list(&["A", "B", "C"]), "A, B och C");
        assert_eq!(
            list(&[
                String::from("LPO Karlstad"),
                String::from("Karlstads kommun")
            ]),
            "LPO Karlstad och Karlstads kommun"
        );
    }

    #[test]
    fn swedish_numbers() {
        assert_eq!(number(0.0), "0");
        assert_eq!(number(1234.0), "1 234");
        assert_eq!(number(1_234_567.0), "1 234 567");
        assert_eq!(number(2.5), "2,5");
        assert_eq!(number(2.04), "2");
        assert_eq!(number(-3.0), "-3");
        assert_eq!(number(f64::NAN), "–");
        assert_eq!(percent(57.6), "58\u{a0}%");
        assert_eq!(percent(200.0), "200\u{a0}%");
    }
}
