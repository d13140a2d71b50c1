//! Finds where a value stands in RON text, by path (`entries[3].date`).
//!
//! serde forgets positions once a value is deserialized, so validation
//! reports logical paths and this module walks the text once per file to turn
//! them into line and column. It runs only for files that have findings and
//! only on text that `ron` has already parsed, but it is still written to
//! stop (never panic, never loop) on anything unexpected.

use std::collections::{HashMap, HashSet};

use crate::model::{FieldPath, PathSeg};

/// A 1-based line and column (column in characters, as `ron` counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Seg<'a> {
    Field(&'a str),
    Index(usize),
}

fn to_segs(path: &FieldPath) -> Vec<Seg<'static>> {
    path.iter()
        .map(|s| match s {
            PathSeg::Field(f) => Seg::Field(f),
            PathSeg::Index(i) => Seg::Index(*i),
        })
        .collect()
}

/// Nesting deeper than this is not followed (ron itself stops at 128).
const MAX_DEPTH: usize = 256;

struct Walker<'a> {
    src: &'a str,
    pos: usize,
    line: usize,
    col: usize,
    path: Vec<Seg<'a>>,
    wanted: HashSet<Vec<Seg<'a>>>,
    found: HashMap<Vec<Seg<'a>>, Position>,
}

/// The walk stops at the first thing it does not understand.
struct Stop;

type Step = Result<(), Stop>;

impl<'a> Walker<'a> {
    fn peek(&self) -> Option<char> {
        self.src.get(self.pos..)?.chars().next()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.src.get(self.pos..)?.chars().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn expect(&mut self, c: char) -> Step {
        if self.peek() == Some(c) {
            self.bump();
            Ok(())
        } else {
            Err(Stop)
        }
    }

    fn done(&self) -> bool {
        self.found.len() >= self.wanted.len()
    }

    fn skip_ws(&mut self) -> Step {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    while let Some(c) = self.bump() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                (Some('/'), Some('*')) => {
                    self.bump();
                    self.bump();
                    let mut depth = 1;
                    while depth > 0 {
                        match (self.bump(), self.peek()) {
                            (None, _) => return Err(Stop),
                            (Some('*'), Some('/')) => {
                                self.bump();
                                depth -= 1;
                            }
                            (Some('/'), Some('*')) => {
                                self.bump();
                                depth += 1;
                            }
                            _ => {}
                        }
                    }
                }
                // Inner attributes such as `#![enable(implicit_some)]`.
                (Some('#'), Some('!')) => {
                    while let Some(c) = self.bump() {
                        if c == ']' {
                            break;
                        }
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    fn ident(&mut self) -> &'a str {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '#')
        {
            self.bump();
        }
        self.src.get(start..self.pos).unwrap_or("")
    }

    fn value(&mut self, depth: usize) -> Step {
        if depth > MAX_DEPTH || self.done() {
            return Err(Stop);
        }
        self.skip_ws()?;
        if self.wanted.contains(&self.path) {
            let here = Position {
                line: self.line,
                col: self.col,
            };
            self.found.entry(self.path.clone()).or_insert(here);
        }
        match self.peek().ok_or(Stop)? {
            '"' => self.string(),
            '\'' => self.char_literal(),
            '[' => self.list(depth),
            '{' => self.map(depth),
            '(' => {
                self.bump();
                self.body(depth)
            }
            'r' if matches!(self.peek_at(1), Some('"' | '#')) => self.raw_string(),
            'b' if self.peek_at(1) == Some('"') => {
                self.bump();
                self.string()
            }
            c if c.is_alphabetic() || c == '_' => {
                let name = self.ident();
                self.skip_ws()?;
                if self.peek() != Some('(') {
                    return Ok(());
                }
                self.bump();
                if name == "Some" {
                    // `Some(x)` is transparent: x has the path of the option.
                    self.value(depth + 1)?;
                    self.skip_ws()?;
                    if self.peek() == Some(',') {
                        self.bump();
                        self.skip_ws()?;
                    }
                    self.expect(')')
                } else {
                    self.body(depth)
                }
            }
            c if c.is_ascii_digit() || matches!(c, '+' | '-' | '.') => {
                while self.peek().is_some_and(|c| {
                    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '+' | '-')
                }) {
                    self.bump();
                }
                Ok(())
            }
            _ => Err(Stop),
        }
    }

    fn string(&mut self) -> Step {
        self.expect('"')?;
        loop {
            match self.bump().ok_or(Stop)? {
                '\\' => {
                    self.bump().ok_or(Stop)?;
                }
                '"' => return Ok(()),
                _ => {}
            }
        }
    }

    fn raw_string(&mut self) -> Step {
        self.expect('r')?;
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        self.expect('"')?;
        loop {
            if self.bump().ok_or(Stop)? == '"' {
                let mut closing = 0;
                while closing < hashes && self.peek() == Some('#') {
                    self.bump();
                    closing += 1;
                }
                if closing == hashes {
                    return Ok(());
                }
            }
        }
    }

    fn char_literal(&mut self) -> Step {
        self.expect('\'')?;
        if self.bump().ok_or(Stop)? == '\\' {
            self.bump().ok_or(Stop)?;
        }
        while self.peek().is_some_and(|c| c != '\'') {
            self.bump();
        }
        self.expect('\'')
    }

    fn list(&mut self, depth: usize) -> Step {
        self.expect('[')?;
        let mut index = 0;
        loop {
            self.skip_ws()?;
            if self.peek() == Some(']') {
                self.bump();
                return Ok(());
            }
            self.path.push(Seg::Index(index));
            let step = self.value(depth + 1);
            self.path.pop();
            step?;
            self.skip_ws()?;
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some(']') => {}
                _ => return Err(Stop),
            }
            index += 1;
        }
    }

    fn map(&mut self, depth: usize) -> Step {
        self.expect('{')?;
        let mut index = 0;
        loop {
            self.skip_ws()?;
            if self.peek() == Some('}') {
                self.bump();
                return Ok(());
            }
            self.path.push(Seg::Index(index));
            let step = self
                .value(depth + 1)
                .and_then(|()| self.skip_ws())
                .and_then(|()| self.expect(':'))
                .and_then(|()| self.value(depth + 1));
            self.path.pop();
            step?;
            self.skip_ws()?;
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some('}') => {}
                _ => return Err(Stop),
            }
            index += 1;
        }
    }

    /// The inside of `( … )` after the opening parenthesis: struct fields or tuple elements.
    fn body(&mut self, depth: usize) -> Step {
        let mut index = 0;
        loop {
            self.skip_ws()?;
            if self.peek() == Some(')') {
                self.bump();
                return Ok(());
            }
            let field = self.field_name()?;
            self.path.push(field.map_or(Seg::Index(index), Seg::Field));
            let step = self.value(depth + 1);
            self.path.pop();
            step?;
            self.skip_ws()?;
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some(')') => {}
                _ => return Err(Stop),
            }
            index += 1;
        }
    }

    /// Consumes `name:` if the next element is a struct field; otherwise consumes nothing.
    fn field_name(&mut self) -> Result<Option<&'a str>, Stop> {
        let saved = (self.pos, self.line, self.col);
        if !self.peek().is_some_and(|c| c.is_alphabetic() || c == '_') {
            return Ok(None);
        }
        let name = self.ident();
        self.skip_ws()?;
        if self.peek() == Some(':') && self.peek_at(1) != Some(':') {
            self.bump();
            return Ok(Some(name.trim_start_matches("r#")));
        }
        (self.pos, self.line, self.col) = saved;
        Ok(None)
    }
}

/// Positions of `paths` in `src`. A path that is not in the text (an
/// optional field left out) gets the position of its longest present prefix;
/// if nothing matches, the start of the file.
pub fn locate(src: &str, paths: &[FieldPath]) -> Vec<Position> {
    let targets: Vec<Vec<Seg<'static>>> = paths.iter().map(to_segs).collect();
    let mut wanted = HashSet::new();
    for target in &targets {
        for len in 0..=target.len() {
            wanted.insert(target.get(..len).unwrap_or_default().to_vec());
        }
    }
    let mut walker = Walker {
        src,
        pos: 0,
        line: 1,
        col: 1,
        path: Vec::new(),
        wanted,
        found: HashMap::new(),
    };
    // Stopping early (all found, or unexpected text) is normal: use what was found.
    let _ = walker.value(0);
    let start = Position { line: 1, col: 1 };
    targets
        .iter()
        .map(|target| {
            (0..=target.len())
                .rev()
                .find_map(|len| walker.found.get(target.get(..len).unwrap_or_default()))
                .copied()
                .unwrap_or(start)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use PathSeg::{Field, Index};

    const SRC: &str = r##"#![enable(implicit_some)]
// a comment with ( and "
(
    version: 1,
    entries: [
        (date: "2017-01-02", commitments: ["G1"], /* x ) */ party: "p"),
        (
            date: "2017-06-31",
            quantity: (amount: -1, unit: "tillsyner"),
            note: Some(r#"raw ") text"#),
            commitments: ["G1", "P9"],
        ),
    ],
)
"##;

    fn at(path: FieldPath) -> (usize, usize) {
        let p = locate(SRC, &[path]);
        let p = p.first().copied().expect("one position per path");
        (p.line, p.col)
    }

    #[test]
    fn finds_fields_in_nested_lists_and_structs() {
        assert_eq!(at(vec![Field("version")]), (4, 14));
        assert_eq!(at(vec![Field("entries"), Index(0)]), (6, 9));
        assert_eq!(
            at(vec![Field("entries"), Index(0), Field("party")]),
            (6, 68)
        );
        assert_eq!(at(vec![Field("entries"), Index(1), Field("date")]), (8, 19));
        assert_eq!(
            at(vec![
                Field("entries"),
                Index(1),
                Field("quantity"),
                Field("amount")
            ]),
            (9, 32)
        );
        assert_eq!(
            at(vec![
                Field("entries"),
                Index(1),
                Field("commitments"),
                Index(1)
            ]),
            (11, 33)
        );
    }

    #[test]
    fn missing_fields_fall_back_to_the_enclosing_value() {
        assert_eq!(at(vec![Field("entries"), Index(0), Field("until")]), (6, 9));
        assert_eq!(at(vec![Field("nothing")]), (3, 1));
    }

    #[test]
    fn garbage_never_panics() {
        for src in ["", "(", "\"", "((((", "[1,", "/*", "r#\"", "'", "(a: b: c)"] {
            let _ = locate(src, &[vec![Field("a"), Index(3)]]);
        }
    }
}
