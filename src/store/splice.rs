//! Editing an activity file as text, so that adding, changing or removing an
//! entry changes only that entry's lines: comments, the header, the order
//! and the formatting of every other entry stay byte for byte. A shared file
//! on a network drive is read by people too, and a diff of a save should show
//! what the officer did, nothing else.
//!
//! The scanner knows just enough RON to find the top-level `entries: [ … ]`
//! list and the span of each element: strings (with escapes), raw strings,
//! character literals, nested comments and brackets.

use std::ops::Range;

/// Where the entries are in a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntriesList {
    /// Index just after the list's `[`.
    pub open: usize,
    /// Index of the list's `]`.
    pub close: usize,
    /// Each element's text, from its `(` to just after its `)`.
    pub items: Vec<Range<usize>>,
}

/// The top-level `entries` list of an activity file, if the file has one.
pub fn entries_list(text: &str) -> Option<EntriesList> {
    top_level_list(text, "entries")
}

/// The list in field `field` of the file's top-level struct, if it has one
/// (`entries` of an activity file, `commitments` of a pledge).
pub fn top_level_list(text: &str, field: &str) -> Option<EntriesList> {
    let bytes = text.as_bytes();
    let mut scan = Scanner::new(bytes);
    let mut list: Option<EntriesList> = None;
    let mut item_start: Option<usize> = None;
    while let Some(i) = scan.next_code() {
        let b = bytes[i];
        match b {
            b'(' | b'[' | b'{' => {
                // An element of the list starts at depth 2 (inside the
                // file's struct and the list).
                if list.is_some() && scan.stack.len() == 2 && item_start.is_none() && b == b'(' {
                    item_start = Some(i);
                }
                scan.stack.push(b);
            }
            b')' | b']' | b'}' => {
                scan.stack.pop();
                if let Some(l) = &mut list {
                    if scan.stack.len() == 2
                        && b == b')'
                        && let Some(start) = item_start.take()
                    {
                        l.items.push(start..i + 1);
                    } else if scan.stack.len() == 1 && b == b']' && l.close == 0 {
                        l.close = i;
                        return list;
                    }
                }
            }
            _ if list.is_none() && scan.stack == [b'('] && is_field_at(text, i, field) => {
                let j = skip_ws(bytes, i + field.len());
                if bytes.get(j) == Some(&b':') {
                    let j = skip_ws(bytes, j + 1);
                    if bytes.get(j) == Some(&b'[') {
                        list = Some(EntriesList {
                            open: j + 1,
                            close: 0,
                            items: Vec::new(),
                        });
                        scan.stack.push(b'[');
                        scan.at = j + 1;
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether the identifier `field` starts at `i` (and is not part of a longer one).
fn is_field_at(text: &str, i: usize, field: &str) -> bool {
    let bytes = text.as_bytes();
    // Bytes, not `str` slicing: `i` need not be a character boundary in a
    // malformed file.
    bytes[i..].starts_with(field.as_bytes())
        && (i == 0 || !is_ident(bytes[i - 1]))
        && bytes.get(i + field.len()).is_none_or(|c| !is_ident(*c))
}

/// Where the file's top-level struct closes, and the index of the last code
/// byte before that (to know whether the last field has its comma).
fn top_level_close(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut scan = Scanner::new(bytes);
    let mut last_code = None;
    let mut in_attribute = false;
    while let Some(i) = scan.next_code() {
        match bytes[i] {
            // `#![enable(implicit_some)]` before the value.
            b'#' if scan.stack.is_empty() => in_attribute = true,
            b'(' | b'[' | b'{' => scan.stack.push(bytes[i]),
            b')' | b']' | b'}' => {
                scan.stack.pop();
                if scan.stack.is_empty() {
                    if in_attribute {
                        in_attribute = false;
                    } else {
                        return (bytes[i] == b')').then_some((i, last_code?));
                    }
                }
            }
            _ => {}
        }
        if !bytes[i].is_ascii_whitespace() {
            last_code = Some(i);
        }
    }
    None
}

/// Adds `field: value` (value serialised from column 0) as the last field of
/// the file's top-level struct, on lines of its own.
pub fn add_field(text: &str, field: &str, value: &str) -> Option<String> {
    let (close, last_code) = top_level_close(text)?;
    // Only text that RON accepts reaches here, where code outside strings
    // is ASCII; anything else is left to a full rewrite.
    if !text.is_char_boundary(last_code + 1) {
        return None;
    }
    let line_start = text[..close].rfind('\n').map_or(0, |n| n + 1);
    let outer = indent_before(text, close);
    let indent = format!("{outer}    ");
    let nl = super::newlines::newline_of(text);
    // On the closing parenthesis's own line when it stands alone.
    let own_line = text[line_start..close].trim().is_empty();
    let at = if own_line { line_start } else { close };
    let mut out = String::with_capacity(text.len() + value.len() + 32);
    if matches!(text.as_bytes()[last_code], b',' | b'(') {
        out.push_str(&text[..at]);
    } else {
        // The comma goes right after the previous field's code, not after a
        // comment that may follow it.
        out.push_str(&text[..=last_code]);
        out.push(',');
        out.push_str(&text[last_code + 1..at]);
    }
    if !own_line {
        out.push_str(nl);
    }
    out.push_str(&indent);
    out.push_str(field);
    out.push_str(": ");
    out.push_str(&indented(value, &indent, nl));
    out.push(',');
    out.push_str(nl);
    if !own_line {
        out.push_str(outer);
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// Walks RON text, skipping strings, raw strings, character literals and
/// (nested) comments, and yields every other byte's index. The caller keeps
/// the bracket stack.
struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    stack: Vec<u8>,
}

impl<'a> Scanner<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            at: 0,
            stack: Vec::new(),
        }
    }

    /// The index of the next byte that is code, not text or a comment.
    fn next_code(&mut self) -> Option<usize> {
        let bytes = self.bytes;
        loop {
            let i = self.at;
            let b = *bytes.get(i)?;
            match b {
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    let mut j = i;
                    while j < bytes.len() && bytes[j] != b'\n' {
                        j += 1;
                    }
                    self.at = j;
                }
                b'/' if bytes.get(i + 1) == Some(&b'*') => {
                    let mut depth = 1;
                    let mut j = i + 2;
                    while j < bytes.len() && depth > 0 {
                        if bytes[j] == b'/' && bytes.get(j + 1) == Some(&b'*') {
                            depth += 1;
                            j += 2;
                        } else if bytes[j] == b'*' && bytes.get(j + 1) == Some(&b'/') {
                            depth -= 1;
                            j += 2;
                        } else {
                            j += 1;
                        }
                    }
                    self.at = j;
                }
                b'"' => self.at = skip_string(bytes, i),
                b'r' if is_raw_string_start(bytes, i) => self.at = skip_raw_string(bytes, i),
                b'\'' => self.at = skip_char(bytes, i),
                _ => {
                    self.at = i + 1;
                    return Some(i);
                }
            }
        }
    }
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

fn skip_string(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

fn is_raw_string_start(bytes: &[u8], i: usize) -> bool {
    if i > 0 && is_ident(bytes[i - 1]) {
        return false;
    }
    let mut j = i + 1;
    while bytes.get(j) == Some(&b'#') {
        j += 1;
    }
    bytes.get(j) == Some(&b'"')
}

fn skip_raw_string(bytes: &[u8], start: usize) -> usize {
    let mut hashes = 0;
    let mut i = start + 1;
    while bytes.get(i) == Some(&b'#') {
        hashes += 1;
        i += 1;
    }
    i += 1; // the opening quote
    while i < bytes.len() {
        if bytes[i] == b'"'
            && bytes[i + 1..]
                .iter()
                .take(hashes)
                .filter(|b| **b == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    i
}

fn skip_char(bytes: &[u8], start: usize) -> usize {
    // 'x', '\n', '\u{e5}', or a multi-byte UTF-8 character.
    let mut i = start + 1;
    if bytes.get(i) == Some(&b'\\') {
        i += 2;
    }
    while i < bytes.len() && bytes[i] != b'\'' && i - start < 16 {
        i += 1;
    }
    i + 1
}

/// The indentation of the line that `at` is on, up to `at`.
fn indent_before(text: &str, at: usize) -> &str {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let prefix = &text[line_start..at];
    if prefix.chars().all(|c| c == ' ' || c == '\t') {
        prefix
    } else {
        ""
    }
}

/// `entry` (serialised from column 0) indented for the list, its lines
/// ended with `nl` (the file's own line ending).
fn indented(entry: &str, indent: &str, nl: &str) -> String {
    let mut out = String::with_capacity(entry.len() + 64);
    for (n, line) in entry.trim_end().lines().enumerate() {
        if n > 0 {
            out.push_str(nl);
            if !line.is_empty() {
                out.push_str(indent);
            }
        }
        out.push_str(line);
    }
    out
}

/// The item indentation and the list's own indentation.
fn indents(text: &str, list: &EntriesList) -> (String, String) {
    let line_start = text[..list.open].rfind('\n').map_or(0, |n| n + 1);
    let outer: String = text[line_start..list.open]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let item = list.items.first().map_or_else(
        || format!("{outer}    "),
        |first| indent_before(text, first.start).to_owned(),
    );
    (item, outer)
}

/// Inserts `entries` (each serialised from column 0) before element `at`
/// (at the end when `at` equals the number of elements), with the file's
/// own line ending (CR LF in a file saved so on Windows).
pub fn insert(text: &str, list: &EntriesList, at: usize, entries: &[String]) -> String {
    let (item_indent, outer) = indents(text, list);
    let nl = super::newlines::newline_of(text);
    let block: Vec<String> = entries
        .iter()
        .map(|e| indented(e, &item_indent, nl))
        .collect();
    let mut out =
        String::with_capacity(text.len() + block.iter().map(String::len).sum::<usize>() * 2);
    if let Some(before) = list.items.get(at) {
        out.push_str(&text[..before.start]);
        for e in &block {
            out.push_str(e);
            out.push(',');
            out.push_str(nl);
            out.push_str(&item_indent);
        }
        out.push_str(&text[before.start..]);
    } else if let Some(last) = list.items.last() {
        // After the last element and its comma, if it has one.
        let after = skip_ws(text.as_bytes(), last.end);
        let (cut, comma) = if text.as_bytes().get(after) == Some(&b',') {
            (after + 1, "")
        } else {
            (last.end, ",")
        };
        out.push_str(&text[..cut]);
        out.push_str(comma);
        for e in &block {
            out.push_str(nl);
            out.push_str(&item_indent);
            out.push_str(e);
            out.push(',');
        }
        out.push_str(&text[cut..]);
    } else {
        out.push_str(&text[..list.open]);
        for e in &block {
            out.push_str(nl);
            out.push_str(&item_indent);
            out.push_str(e);
            out.push(',');
        }
        out.push_str(nl);
        out.push_str(&outer);
        out.push_str(&text[list.close..]);
    }
    out
}

/// Replaces element `index` with `entry` (serialised from column 0).
pub fn replace(text: &str, list: &EntriesList, index: usize, entry: &str) -> Option<String> {
    let range = list.items.get(index)?;
    let indent = indent_before(text, range.start);
    Some(format!(
        "{}{}{}",
        &text[..range.start],
        indented(entry, indent, super::newlines::newline_of(text)),
        &text[range.end..]
    ))
}

/// Removes elements `at..at + count` with their commas and, when they stand
/// on lines of their own, those lines.
pub fn remove(text: &str, list: &EntriesList, at: usize, count: usize) -> Option<String> {
    if count == 0 {
        return Some(text.to_owned());
    }
    let first_item = list.items.get(at)?;
    let final_item = list.items.get(at + count - 1)?;
    let bytes = text.as_bytes();
    let mut start = first_item.start;
    let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
    if text[line_start..start]
        .chars()
        .all(|c| c == ' ' || c == '\t')
    {
        start = line_start;
    }
    let mut end = final_item.end;
    let after = skip_ws_inline(bytes, end);
    if bytes.get(after) == Some(&b',') {
        end = after + 1;
    }
    if start == line_start {
        let rest = skip_ws_inline(bytes, end);
        // (A CR before the LF was skipped with the spaces.)
        if bytes.get(rest) == Some(&b'\n') {
            end = rest + 1;
        }
    }
    Some(format!("{}{}", &text[..start], &text[end..]))
}

fn skip_ws_inline(bytes: &[u8], mut i: usize) -> usize {
    while matches!(bytes.get(i), Some(b' ' | b'\t' | b'\r')) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r##"#![enable(implicit_some)]
// A comment with "entries: [" and (brackets) in it.
(
    version: 1,
    note: "entries: [(not this)]",
    /* a block /* nested */ comment */
    entries: [
        (
            date: "2017-01-01",
            commitments: ["K1"],
            party: "k",
            note: "a ) and a ] in a string, and an escaped \" quote",
        ),
        // between
        (date: "2017-01-02", commitments: ["K1"], party: "k", note: r#"raw ) "# ),
        (date: "2017-01-03", commitments: ["K1"], party: "k")
    ],
)
"##;

    #[test]
    fn finds_each_entry_and_nothing_in_comments_or_strings() {
        let list = entries_list(FILE).expect("a list");
        let items: Vec<&str> = list.items.iter().map(|r| &FILE[r.clone()]).collect();
        assert_eq!(items.len(), 3, "{items:#?}");
        assert!(items[0].starts_with("(\n            date: \"2017-01-01\""));
        assert!(items[1].contains("raw ) "));
        assert!(items[2].ends_with("party: \"k\")"));
        assert_eq!(&FILE[list.close..=list.close], "]");
    }

    #[test]
    fn appending_changes_nothing_before_the_end() {
        let list = entries_list(FILE).expect("a list");
        let new = insert(FILE, &list, 3, &["(\n    date: \"2017-01-04\",\n)".into()]);
        let end = list.items[2].end;
        assert_eq!(&new[..end], &FILE[..end]);
        assert!(
            new.contains(
                "party: \"k\"),\n        (\n            date: \"2017-01-04\",\n        ),\n    ],"
            ),
            "{new}"
        );
    }

    #[test]
    fn removing_and_replacing_touch_only_that_entry() {
        let list = entries_list(FILE).expect("a list");
        let removed = remove(FILE, &list, 0, 1).expect("removed");
        assert!(!removed.contains("2017-01-01"));
        assert!(
            removed.contains("    entries: [\n        // between\n"),
            "{removed}"
        );
        let replaced = replace(FILE, &list, 2, "(date: \"2017-02-03\")").expect("replaced");
        assert!(replaced.contains("(date: \"2017-02-03\")\n    ],"));
        assert_eq!(
            FILE.len() - replaced.len(),
            list.items[2].len() - "(date: \"2017-02-03\")".len()
        );
    }

    #[test]
    fn any_top_level_list_is_found_by_its_field_name() {
        let text = "(\n    notes: [(x: \"commitments: [\")],\n    commitments: [(id: \"A\"), (id: \"B\")],\n)\n";
        let list = top_level_list(text, "commitments").expect("a list");
        assert_eq!(list.items.len(), 2);
        assert_eq!(&text[list.items[1].clone()], "(id: \"B\")");
        assert!(top_level_list(text, "commit").is_none());
        assert!(top_level_list("(\n    notes: [],\n)", "commitments").is_none());
        // Not a character boundary outside a string: no panic, no list.
        assert!(top_level_list("(\n    å: [],\n)", "commitments").is_none());
    }

    #[test]
    fn a_field_is_added_as_the_last_one_with_the_comma_it_needs() {
        let value = "[\n    (a: 1),\n]";
        assert_eq!(
            add_field("(\n    version: 1,\n)\n", "extra", value).as_deref(),
            Some("(\n    version: 1,\n    extra: [\n        (a: 1),\n    ],\n)\n")
        );
        assert_eq!(
            add_field("(\n    version: 1 // one\n)\n", "extra", "2").as_deref(),
            Some("(\n    version: 1, // one\n    extra: 2,\n)\n"),
            "the comma goes after the code, not into the comment"
        );
        assert_eq!(
            add_field("#![enable(implicit_some)]\n(version: 1)", "extra", "2").as_deref(),
            Some("#![enable(implicit_some)]\n(version: 1,\n    extra: 2,\n)")
        );
        assert_eq!(add_field("[1, 2]", "extra", "2"), None, "not a struct");
        assert_eq!(add_field("(version: 1", "extra", "2"), None, "never closed");
    }

    proptest::proptest! {
        /// Any text, however broken, is scanned without a panic; an edit
        /// keeps the text before it and adds what it was given.
        #[test]
        fn arbitrary_text_never_panics(
            body in "[(\\[\\]{})\"'#!/*r,: a-zåé\n]{0,80}",
            items in proptest::collection::vec("[a-z:\"' ,/*åé\n]{0,12}", 0..4),
            wrapped in proptest::bool::ANY,
        ) {
            // Half the cases are an entries list of (mostly) items, so the
            // edits run; the others any text.
            let text = if wrapped {
                let items: Vec<String> = items.iter().map(|i| format!("({i})")).collect();
                format!("(\n    entries: [{}],\n)", items.join(", "))
            } else {
                body
            };
            if let Some(new) = add_field(&text, "revisions", "[\n    (a: 1),\n]") {
                proptest::prop_assert!(new.contains("revisions: [\n"), "{}", new);
                proptest::prop_assert!(new.len() > text.len());
            }
            if let Some(list) = top_level_list(&text, "entries") {
                let appended = insert(&text, &list, list.items.len(), &["(a: 1)".into()]);
                let kept = list.items.last().map_or(list.open, |r| r.end);
                proptest::prop_assert_eq!(&appended[..kept], &text[..kept]);
                proptest::prop_assert!(appended.contains("(a: 1)"));
                if let Some(first) = list.items.first() {
                    let replaced = replace(&text, &list, 0, "(b: 2)").expect("an item");
                    proptest::prop_assert_eq!(&replaced[..first.start], &text[..first.start]);
                    let removed = remove(&text, &list, 0, 1).expect("an item");
                    proptest::prop_assert!(removed.len() < text.len());
                }
            }
        }
    }

    #[test]
    fn an_empty_list_gets_its_first_entry() {
        let text = "(\n    version: 1,\n    entries: [],\n)\n";
        let list = entries_list(text).expect("a list");
        let new = insert(text, &list, 0, &["(a: 1)".into()]);
        assert_eq!(
            new,
            "(\n    version: 1,\n    entries: [\n        (a: 1),\n    ],\n)\n"
        );
    }

    #[test]
    fn a_crlf_file_is_edited_in_crlf() {
        // Every edit of the CR LF file is the CR LF form of the same edit of
        // the LF file: its own lines keep their CR, the new ones get one.
        let crlf = |t: &str| t.replace('\n', "\r\n");
        let windows = crlf(FILE);
        let (list, wlist) = (
            entries_list(FILE).expect("a list"),
            entries_list(&windows).expect("a list"),
        );
        let entry = "(\n    date: \"2017-01-04\",\n)".to_owned();
        for at in 0..=3 {
            assert_eq!(
                insert(&windows, &wlist, at, std::slice::from_ref(&entry)),
                crlf(&insert(FILE, &list, at, std::slice::from_ref(&entry))),
                "insert at {at}"
            );
        }
        for index in 0..3 {
            assert_eq!(
                replace(&windows, &wlist, index, &entry),
                replace(FILE, &list, index, &entry).map(|t| crlf(&t))
            );
            assert_eq!(
                remove(&windows, &wlist, index, 1),
                remove(FILE, &list, index, 1).map(|t| crlf(&t)),
                "remove {index}"
            );
        }
        assert_eq!(
            add_field(&windows, "revisions", "[\n    (a: 1),\n]"),
            add_field(FILE, "revisions", "[\n    (a: 1),\n]").map(|t| crlf(&t))
        );
    }
}
