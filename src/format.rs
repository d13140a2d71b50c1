//! Numbers the Swedish way: space as thousands separator, decimal comma,
//! "58 %". One place, so the CLI, the GUI and the PDF agree.

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

/// A whole percentage, e.g. `58 %`, `200 %`.
///
/// ```
/// assert_eq!(medborgarlofte::format::percent(57.6), "58 %");
/// ```
pub fn percent(value: f64) -> String {
    format!("{} %", number(value.round()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_numbers() {
        assert_eq!(number(0.0), "0");
        assert_eq!(number(1234.0), "1 234");
        assert_eq!(number(1_234_567.0), "1 234 567");
        assert_eq!(number(2.5), "2,5");
        assert_eq!(number(2.04), "2");
        assert_eq!(number(-3.0), "-3");
        assert_eq!(number(f64::NAN), "–");
        assert_eq!(percent(57.6), "58 %");
        assert_eq!(percent(200.0), "200 %");
    }
}
