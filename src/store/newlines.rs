//! Line endings and the byte-order mark: a file keeps its own when the app
//! saves it.
//!
//! A file edited with Notepad on Windows may end its lines with CR LF and
//! start with a UTF-8 byte-order mark; the app's serialiser writes LF and
//! no mark. Loading accepts both (the mark is dropped, CR is white space to
//! RON). Saving follows the file on disk: an entry added to a CR LF file
//! gets CR LF lines ([`super::splice`] takes the file's own line ending), a
//! rewritten meeting or pledge gets the line ending most of the old file's
//! lines had, and a file that had the mark keeps it, so that a diff (or a
//! sync service) sees only the lines that changed. New files get LF and no
//! mark on every platform, so the same data gives the same bytes on Windows
//! and Linux (Notepad has read LF files since 2018).

/// The UTF-8 byte-order mark.
pub const BOM: &str = "\u{feff}";

/// How a file's text is laid out in bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextStyle {
    /// Lines end with CR LF (most of them did).
    pub crlf: bool,
    /// The file starts with a byte-order mark.
    pub bom: bool,
}

impl TextStyle {
    /// The style of a file's bytes.
    pub fn of(bytes: &[u8]) -> Self {
        TextStyle {
            crlf: mostly_crlf(bytes),
            bom: bytes.starts_with(BOM.as_bytes()),
        }
    }

    /// `text` (with LF line endings, as the serialiser writes) in this
    /// style: every LF not already after a CR becomes CR LF, and the mark is
    /// put first.
    pub fn apply(self, text: &str) -> String {
        let text = text.strip_prefix(BOM).unwrap_or(text);
        let mut out = String::with_capacity(text.len() + text.len() / 32 + 3);
        if self.bom {
            out.push_str(BOM);
        }
        if self.crlf {
            push_crlf(&mut out, text);
        } else {
            out.push_str(text);
        }
        out
    }

    /// `text`, whose line endings are already the file's own (an edit made
    /// by [`super::splice`]), with the mark put back when the file had one.
    pub fn with_mark(self, text: &str) -> String {
        let text = text.strip_prefix(BOM).unwrap_or(text);
        if self.bom {
            format!("{BOM}{text}")
        } else {
            text.to_owned()
        }
    }
}

fn push_crlf(out: &mut String, text: &str) {
    let mut previous = '\0';
    for c in text.chars() {
        if c == '\n' && previous != '\r' {
            out.push('\r');
        }
        out.push(c);
        previous = c;
    }
}

/// Whether more than half of the line endings in `bytes` are CR LF.
fn mostly_crlf(bytes: &[u8]) -> bool {
    let lf = bytes.split(|b| *b == b'\n').count() - 1;
    let crlf = bytes.windows(2).filter(|w| w == b"\r\n").count();
    crlf * 2 > lf
}

/// The line ending to use in `text`: `"\r\n"` when most of its lines end so.
pub fn newline_of(text: &str) -> &'static str {
    if mostly_crlf(text.as_bytes()) {
        "\r\n"
    } else {
        "\n"
    }
}

/// `text` without a leading byte-order mark (the text as loading gives it).
pub fn strip_mark(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

/// `bytes` without a leading byte-order mark.
pub fn without_mark(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_style_of_a_file_is_its_majority() {
        assert_eq!(TextStyle::of(b"a\nb\n"), TextStyle::default());
        let windows = TextStyle::of("\u{feff}a\r\nb\r\nc\n".as_bytes());
        assert_eq!(
            windows,
            TextStyle {
                crlf: true,
                bom: true
            }
        );
        assert!(!TextStyle::of(b"a\r\nb\nc\n").crlf);
        assert!(!TextStyle::of(b"one line").crlf);
        assert_eq!(newline_of("a\r\nb\r\n"), "\r\n");
        assert_eq!(newline_of("a\nb"), "\n");
    }

    #[test]
    fn applying_a_style_converts_only_bare_line_feeds() {
        let style = TextStyle {
            crlf: true,
            bom: true,
        };
        assert_eq!(style.apply("a\nb\r\nc\n"), "\u{feff}a\r\nb\r\nc\r\n");
        assert_eq!(style.apply("\u{feff}x\n"), "\u{feff}x\r\n", "one mark");
        assert_eq!(TextStyle::default().apply("\u{feff}a\n"), "a\n");
        assert_eq!(style.with_mark("a\r\n"), "\u{feff}a\r\n");
        assert_eq!(without_mark("\u{feff}x".as_bytes()), b"x");
    }
}
