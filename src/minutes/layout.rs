//! Page layout for printed documents, independent of PDF: blocks of text and
//! tables become positioned boxes on A4 pages, wrapped with real font
//! metrics (through [`Measure`]) and paginated so that a heading never ends
//! a page and a table row is never split (a continued table repeats its
//! header). Pure, so it is tested without writing a PDF.

use super::structure::{Kind, Node};

/// A4 portrait, in millimetres.
pub const PAGE_WIDTH_MM: f32 = 210.0;
/// A4 portrait, in millimetres.
pub const PAGE_HEIGHT_MM: f32 = 297.0;
/// Left margin: room for binding.
pub const MARGIN_LEFT_MM: f32 = 25.0;
/// Right margin.
pub const MARGIN_RIGHT_MM: f32 = 20.0;
/// Top margin.
pub const MARGIN_TOP_MM: f32 = 20.0;
/// Bottom margin, above the footer.
pub const MARGIN_BOTTOM_MM: f32 = 28.0;
/// Text width between the margins.
pub const TEXT_WIDTH_MM: f32 = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM;

const PT_PER_MM: f32 = 72.0 / 25.4;
/// Line height as a multiple of the font size.
const LINE_FACTOR: f32 = 1.3;
/// Padding inside table cells.
const CELL_PAD_MM: f32 = 1.5;

/// The three faces of the document font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Style {
    /// Regular.
    Regular,
    /// Bold.
    Bold,
    /// Italic (oblique).
    Italic,
}

/// Text width with the real font metrics.
pub trait Measure {
    /// Width of `text` in points at `size_pt`.
    fn width_pt(&self, style: Style, size_pt: f32, text: &str) -> f32;
}

/// A piece of a document, before layout. Serialisable so that the
/// personal-data guard can walk every text in it (see [`crate::privacy`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub enum Block {
    /// A heading; kept on the same page as what follows it.
    Heading {
        /// Text.
        text: String,
        /// Size in points.
        size_pt: f32,
    },
    /// A wrapped paragraph.
    Paragraph {
        /// Text.
        text: String,
        /// Face.
        style: Style,
        /// Size in points.
        size_pt: f32,
    },
    /// A label in bold followed by text on the same line ("Plats och tid: …").
    Labelled {
        /// The label, bold.
        label: String,
        /// The text after it, wrapped under itself.
        text: String,
    },
    /// An item with a hanging marker ("att", "•").
    Item {
        /// The marker.
        marker: String,
        /// The text, wrapped with a hanging indent.
        text: String,
    },
    /// A table with wrapped cells.
    Table {
        /// Column headings and their share of the text width (summing to 1).
        columns: Vec<(String, f32)>,
        /// Rows of cells.
        rows: Vec<Vec<String>>,
    },
    /// Vertical space.
    Space(f32),
    /// Lines to sign on: (role, name) pairs side by side.
    Signatures(Vec<(String, String)>),
    /// What follows starts on a new page (nothing happens at the top of a page).
    PageBreak,
    /// Blocks kept on one page when they fit on one (a commitment in a
    /// report); longer runs flow as usual.
    KeepTogether(Vec<Block>),
    /// A caption and a horizontal bar per row: reported share of the target
    /// (filled) and expected share (a tick), of the whole target (capped at
    /// 150 %). The caption stays on the page of the first bars.
    Bars {
        /// Caption above the bars (italic).
        caption: String,
        /// The bars.
        bars: Vec<Bar>,
    },
}

/// Size of a document's title: the same in minutes and reports.
pub const TITLE_PT: f32 = 17.0;
/// Size of a section heading ("§ 3 …", "Läget i korthet").
pub const HEADING_PT: f32 = 12.5;

impl Block {
    /// A body-size paragraph.
    pub fn paragraph(text: impl Into<String>, style: Style) -> Block {
        Block::Paragraph {
            text: text.into(),
            style,
            size_pt: BODY_PT,
        }
    }
}

/// The share of the target at a bar's full width: the chart goes to
/// 150 % (in the PDF and on the web page alike).
pub const BAR_SCALE_MAX: f32 = 1.5;

/// The bars in words, for the chart's alternative text: "G1 92 %, G3
/// 50 % och K4 0 %".
pub fn bars_in_words(bars: &[Bar]) -> String {
    let words: Vec<String> = bars
        .iter()
        .map(|b| format!("{} {}", b.label, b.value))
        .collect();
    crate::format::list(&words)
}

/// One bar of [`Block::Bars`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Bar {
    /// Label at the left ("G1").
    pub label: String,
    /// Reported ÷ target.
    pub reported: f32,
    /// Expected ÷ target by the date, if there is a count target.
    pub expected: Option<f32>,
    /// Text at the right ("58 %").
    pub value: String,
}

/// Something drawn at a position; y is measured from the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Placed {
    /// Text with its baseline at `y_mm`.
    Text {
        /// Left edge.
        x_mm: f32,
        /// Baseline, from the top.
        y_mm: f32,
        /// The text.
        text: String,
        /// Face.
        style: Style,
        /// Size.
        size_pt: f32,
    },
    /// A filled rectangle (grey level 0 black … 1 white).
    Rect {
        /// Left edge.
        x_mm: f32,
        /// Top edge, from the top.
        y_mm: f32,
        /// Width.
        w_mm: f32,
        /// Height.
        h_mm: f32,
        /// Grey level.
        grey: f32,
    },
    /// A straight line.
    Line {
        /// Start.
        from_mm: (f32, f32),
        /// End.
        to_mm: (f32, f32),
    },
}

/// Body text size.
pub const BODY_PT: f32 = 10.5;
/// Table text size.
pub const TABLE_PT: f32 = 9.5;

fn line_height_mm(size_pt: f32) -> f32 {
    size_pt * LINE_FACTOR / PT_PER_MM
}

/// Splits `text` into lines no wider than `width_mm`; words longer than a
/// line are broken between characters rather than overflowing.
pub fn wrap(text: &str, width_mm: f32, style: Style, size_pt: f32, m: &dyn Measure) -> Vec<String> {
    let max_pt = width_mm * PT_PER_MM;
    let fits = |s: &str| m.width_pt(style, size_pt, s) <= max_pt;
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        // A no-break space (as in "58 %") joins, it does not separate.
        for word in paragraph
            .split(|c: char| c.is_whitespace() && c != '\u{a0}')
            .filter(|w| !w.is_empty())
        {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if fits(&candidate) {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if fits(word) {
                word.clone_into(&mut line);
            } else {
                // Break a long word (a URL, a file path) between characters.
                for ch in word.chars() {
                    let mut next = line.clone();
                    next.push(ch);
                    if !line.is_empty() && !fits(&next) {
                        lines.push(std::mem::take(&mut line));
                        line.push(ch);
                    } else {
                        line = next;
                    }
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// The layout of a document: pages of placed boxes, and for each box the
/// structure element it belongs to (`None`: an artifact, such as a rule).
pub struct Layout<'m> {
    m: &'m dyn Measure,
    /// Per page, each placed box with its element.
    pages: Vec<Vec<(Option<usize>, Placed)>>,
    y_mm: f32,
    /// The structure tree so far; node 0 is the document.
    nodes: Vec<Node>,
    /// The element new elements go into.
    container: usize,
    /// The element the boxes placed now belong to.
    leaf: Option<usize>,
    /// The open list while "att …" items follow each other.
    list: Option<usize>,
    /// A list item's body, taken once its marker is placed.
    body: Option<usize>,
}

/// A document laid out with its structure: what [`layout`] gives, and the
/// tree and each box's element for a tagged PDF.
pub struct Tagged {
    /// The structure elements; node 0 is the document.
    pub nodes: Vec<Node>,
    /// Per page, each placed box with its element (`None`: an artifact).
    pub pages: Vec<Vec<(Option<usize>, Placed)>>,
}

impl<'m> Layout<'m> {
    fn new(m: &'m dyn Measure) -> Self {
        Layout {
            m,
            pages: vec![Vec::new()],
            y_mm: MARGIN_TOP_MM,
            nodes: vec![Node {
                kind: Kind::Document,
                parent: 0,
            }],
            container: 0,
            leaf: None,
            list: None,
            body: None,
        }
    }

    /// A new element in the current container.
    fn node(&mut self, kind: Kind) -> usize {
        self.nodes.push(Node {
            kind,
            parent: self.container,
        });
        self.nodes.len() - 1
    }

    /// A new element that holds others; later elements go into it.
    fn open(&mut self, kind: Kind) -> usize {
        let n = self.node(kind);
        self.container = n;
        n
    }

    /// Back to the container's container.
    fn close(&mut self) {
        self.container = self.nodes[self.container].parent;
    }

    /// A new element that the next boxes belong to.
    fn leaf(&mut self, kind: Kind) {
        self.leaf = Some(self.node(kind));
    }

    /// Ends a run of list items.
    fn close_list(&mut self) {
        if let Some(list) = self.list.take() {
            self.container = self.nodes[list].parent;
        }
    }

    fn bottom() -> f32 {
        PAGE_HEIGHT_MM - MARGIN_BOTTOM_MM
    }

    fn room(&self) -> f32 {
        Self::bottom() - self.y_mm
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y_mm = MARGIN_TOP_MM;
    }

    fn ensure(&mut self, height_mm: f32) {
        if height_mm > self.room() && self.y_mm > MARGIN_TOP_MM {
            self.new_page();
        }
    }

    fn put(&mut self, placed: Placed) {
        if let Some(page) = self.pages.last_mut() {
            page.push((self.leaf, placed));
        }
    }

    fn text_line(&mut self, x_mm: f32, text: String, style: Style, size_pt: f32) {
        let lh = line_height_mm(size_pt);
        self.ensure(lh);
        self.y_mm += lh;
        let y_mm = self.y_mm - lh * 0.25;
        self.put(Placed::Text {
            x_mm,
            y_mm,
            text,
            style,
            size_pt,
        });
    }

    /// The height `blocks` take when laid out from the top of a page.
    fn height_of(&self, blocks: &[Block]) -> f32 {
        let mut scratch = Layout::new(self.m);
        for (i, block) in blocks.iter().enumerate() {
            scratch.block(block, blocks.get(i + 1));
        }
        if scratch.pages.len() > 1 {
            f32::INFINITY
        } else {
            scratch.y_mm - MARGIN_TOP_MM
        }
    }

    /// The height the first lines of `block` need, for keep-with-next.
    fn first_lines_height(&self, block: Option<&Block>) -> f32 {
        match block {
            Some(Block::KeepTogether(blocks)) => {
                let whole = self.height_of(blocks);
                if whole.is_finite() {
                    whole
                } else {
                    self.first_lines_height(blocks.first())
                }
            }
            Some(Block::Table { .. }) => 3.0 * line_height_mm(TABLE_PT),
            Some(Block::Signatures(_)) => 20.0,
            Some(Block::Bars { .. }) => 4.0 * line_height_mm(TABLE_PT),
            Some(_) => 2.0 * line_height_mm(BODY_PT),
            None => 0.0,
        }
    }

    fn block(&mut self, block: &Block, next: Option<&Block>) {
        if !matches!(block, Block::Item { .. } | Block::Space(_)) {
            self.close_list();
        }
        self.leaf = None;
        match block {
            Block::Heading { text, size_pt } => {
                self.leaf(Kind::H(heading_level(*size_pt)));
                let lines = wrap(text, TEXT_WIDTH_MM, Style::Bold, *size_pt, self.m);
                let height = lines.len() as f32 * line_height_mm(*size_pt) + 2.0;
                // A heading never ends a page: it moves with what follows.
                self.ensure(height + self.first_lines_height(next));
                self.y_mm += 2.0;
                for line in lines {
                    self.text_line(MARGIN_LEFT_MM, line, Style::Bold, *size_pt);
                }
            }
            Block::Paragraph {
                text,
                style,
                size_pt,
            } => {
                self.leaf(Kind::P);
                for line in wrap(text, TEXT_WIDTH_MM, *style, *size_pt, self.m) {
                    self.text_line(MARGIN_LEFT_MM, line, *style, *size_pt);
                }
                self.y_mm += 1.0;
            }
            Block::Labelled { label, text } => {
                self.leaf(Kind::P);
                self.labelled(label, text);
            }
            Block::Item { marker, text } => self.item(marker, text),
            Block::Table { columns, rows } => self.table(columns, rows),
            Block::Space(mm) => self.y_mm = (self.y_mm + mm).min(Self::bottom()),
            Block::Signatures(signers) => self.signatures(signers),
            Block::Bars { caption, bars } => self.bars(caption, bars),
            Block::KeepTogether(blocks) => {
                let height = self.height_of(blocks);
                if height <= Self::bottom() - MARGIN_TOP_MM {
                    self.ensure(height);
                }
                for (i, inner) in blocks.iter().enumerate() {
                    self.block(inner, blocks.get(i + 1).or(next));
                }
            }
            Block::PageBreak => {
                if self.y_mm > MARGIN_TOP_MM {
                    self.new_page();
                }
            }
        }
    }

    fn bars(&mut self, caption: &str, bars: &[Bar]) {
        const LABEL_MM: f32 = 12.0;
        const VALUE_MM: f32 = 20.0;
        const ROW_MM: f32 = 6.0;
        let lines = wrap(caption, TEXT_WIDTH_MM, Style::Italic, TABLE_PT, self.m);
        self.ensure(lines.len() as f32 * line_height_mm(TABLE_PT) + 2.0 * ROW_MM);
        self.leaf(Kind::P);
        for line in lines {
            self.text_line(MARGIN_LEFT_MM, line, Style::Italic, TABLE_PT);
        }
        self.y_mm += 1.0;
        // The chart as one figure, its bars said in words.
        self.leaf(Kind::Figure {
            alt: format!("{caption} {}", bars_in_words(bars)),
        });
        let width = TEXT_WIDTH_MM - LABEL_MM - VALUE_MM;
        let x0 = MARGIN_LEFT_MM + LABEL_MM;
        let scale = |share: f32| share.clamp(0.0, BAR_SCALE_MAX) / BAR_SCALE_MAX * width;
        for bar in bars {
            self.ensure(ROW_MM);
            let top = self.y_mm;
            self.put(Placed::Text {
                x_mm: MARGIN_LEFT_MM,
                y_mm: top + 4.2,
                text: bar.label.clone(),
                style: Style::Bold,
                size_pt: TABLE_PT,
            });
            // The whole target (100 %) as a light band, reported on top.
            self.put(Placed::Rect {
                x_mm: x0,
                y_mm: top + 1.0,
                w_mm: scale(1.0),
                h_mm: ROW_MM - 2.0,
                grey: 0.9,
            });
            self.put(Placed::Rect {
                x_mm: x0,
                y_mm: top + 1.5,
                w_mm: scale(bar.reported),
                h_mm: ROW_MM - 3.0,
                grey: 0.45,
            });
            if let Some(expected) = bar.expected {
                let x = x0 + scale(expected);
                self.put(Placed::Line {
                    from_mm: (x, top + 0.3),
                    to_mm: (x, top + ROW_MM - 0.3),
                });
            }
            self.put(Placed::Text {
                x_mm: x0 + width + 2.0,
                y_mm: top + 4.2,
                text: bar.value.clone(),
                style: Style::Regular,
                size_pt: TABLE_PT,
            });
            self.y_mm = top + ROW_MM;
        }
        self.y_mm += 2.0;
    }

    /// A bold label with its text beside it; a label too wide to leave the
    /// text room stands on a line of its own, the text under it (never
    /// printed over it).
    fn labelled(&mut self, label: &str, text: &str) {
        const WIDEST_MM: f32 = 80.0;
        let label = format!("{label} ");
        let width_mm = self.m.width_pt(Style::Bold, BODY_PT, &label) / PT_PER_MM;
        if width_mm <= WIDEST_MM {
            self.hanging((&label, Style::Bold, 0.0), width_mm, text);
        } else {
            self.ensure(2.0 * line_height_mm(BODY_PT));
            self.text_line(MARGIN_LEFT_MM, label, Style::Bold, BODY_PT);
            self.hanging(("", Style::Regular, 0.0), 0.0, text);
        }
    }

    fn item(&mut self, marker: &str, text: &str) {
        if self.list.is_none() {
            self.list = Some(self.open(Kind::L));
        }
        self.open(Kind::LI);
        self.leaf(Kind::Lbl);
        self.body = Some(self.node(Kind::LBody));
        self.hanging((marker, Style::Regular, 2.0), 10.0, text);
        self.body = None;
        self.close();
    }

    /// A marker at the left (offset by its x) and `text` wrapped beside it
    /// with a hanging indent.
    fn hanging(
        &mut self,
        (marker, style, marker_x_mm): (&str, Style, f32),
        indent_mm: f32,
        text: &str,
    ) {
        let lines = wrap(
            text,
            TEXT_WIDTH_MM - indent_mm,
            Style::Regular,
            BODY_PT,
            self.m,
        );
        self.ensure(line_height_mm(BODY_PT));
        for (i, line) in lines.into_iter().enumerate() {
            if i == 0 && !marker.is_empty() {
                self.text_line(
                    MARGIN_LEFT_MM + marker_x_mm,
                    marker.to_owned(),
                    style,
                    BODY_PT,
                );
                self.y_mm -= line_height_mm(BODY_PT);
            }
            if let Some(body) = self.body.take() {
                self.leaf = Some(body);
            }
            self.text_line(MARGIN_LEFT_MM + indent_mm, line, Style::Regular, BODY_PT);
        }
    }

    fn table(&mut self, columns: &[(String, f32)], rows: &[Vec<String>]) {
        let widths: Vec<f32> = columns
            .iter()
            .map(|(_, share)| share * TEXT_WIDTH_MM)
            .collect();
        let header: Vec<String> = columns.iter().map(|(h, _)| h.clone()).collect();
        let lh = line_height_mm(TABLE_PT);
        let cell_lines = |row: &[String], style: Style| -> Vec<Vec<String>> {
            row.iter()
                .zip(&widths)
                .map(|(cell, w)| wrap(cell, w - 2.0 * CELL_PAD_MM, style, TABLE_PT, self.m))
                .collect()
        };
        let height = |lines: &[Vec<String>]| {
            lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * CELL_PAD_MM
        };
        let header_lines = cell_lines(&header, Style::Bold);
        let header_height = height(&header_lines);
        let first_row = rows
            .first()
            .map_or(0.0, |r| height(&cell_lines(r, Style::Regular)));
        self.ensure(header_height + first_row);
        self.open(Kind::Table);
        self.row(&widths, &header_lines, Some(&Kind::TH), header_height);
        for row in rows {
            let lines = cell_lines(row, Style::Regular);
            let h = height(&lines);
            if h > self.room() {
                // Rows are never split; the continued table repeats its
                // header, as page furniture (the tree has it once).
                self.new_page();
                self.row(&widths, &header_lines, None, header_height);
            }
            self.row(&widths, &lines, Some(&Kind::TD), h);
        }
        self.close();
        self.leaf = None;
        self.y_mm += 2.0;
    }

    /// A table row of `cell` elements (`TH` for the header, `TD`), or, with
    /// `None`, a header repeated on a new page as an artifact.
    fn row(&mut self, widths: &[f32], cells: &[Vec<String>], cell: Option<&Kind>, height_mm: f32) {
        let style = if matches!(cell, Some(Kind::TD)) {
            Style::Regular
        } else {
            Style::Bold
        };
        let top = self.y_mm;
        let lh = line_height_mm(TABLE_PT);
        let mut x = MARGIN_LEFT_MM;
        if cell.is_some() {
            self.open(Kind::TR);
        }
        self.leaf = None;
        for (lines, w) in cells.iter().zip(widths) {
            if let Some(kind) = cell {
                self.leaf(kind.clone());
            }
            for (i, line) in lines.iter().enumerate() {
                self.put(Placed::Text {
                    x_mm: x + CELL_PAD_MM,
                    y_mm: top + CELL_PAD_MM + (i as f32 + 0.75) * lh,
                    text: line.clone(),
                    style,
                    size_pt: TABLE_PT,
                });
            }
            x += w;
        }
        if cell.is_some() {
            self.close();
        }
        // The rules are furniture.
        self.leaf = None;
        let right = MARGIN_LEFT_MM + widths.iter().sum::<f32>();
        self.put(Placed::Line {
            from_mm: (MARGIN_LEFT_MM, top + height_mm),
            to_mm: (right, top + height_mm),
        });
        if style == Style::Bold {
            self.put(Placed::Line {
                from_mm: (MARGIN_LEFT_MM, top),
                to_mm: (right, top),
            });
        }
        self.y_mm = top + height_mm;
    }

    fn signatures(&mut self, signers: &[(String, String)]) {
        let per_row = 2;
        let width = TEXT_WIDTH_MM / per_row as f32;
        for chunk in signers.chunks(per_row) {
            self.ensure(24.0);
            self.y_mm += 14.0;
            let line_y = self.y_mm;
            for (i, (role, name)) in chunk.iter().enumerate() {
                let x = MARGIN_LEFT_MM + i as f32 * width;
                // The line to sign on is furniture; the name and role are text.
                self.leaf = None;
                self.put(Placed::Line {
                    from_mm: (x, line_y),
                    to_mm: (x + width - 10.0, line_y),
                });
                self.leaf(Kind::P);
                self.put(Placed::Text {
                    x_mm: x,
                    y_mm: line_y + 4.5,
                    text: name.clone(),
                    style: Style::Regular,
                    size_pt: BODY_PT,
                });
                self.put(Placed::Text {
                    x_mm: x,
                    y_mm: line_y + 9.0,
                    text: role.clone(),
                    style: Style::Italic,
                    size_pt: TABLE_PT,
                });
            }
            self.y_mm = line_y + 10.0;
        }
    }
}

/// Lays out `blocks` on A4 pages.
pub fn layout(blocks: &[Block], m: &dyn Measure) -> Vec<Vec<Placed>> {
    layout_tagged(blocks, m)
        .pages
        .into_iter()
        .map(|page| page.into_iter().map(|(_, placed)| placed).collect())
        .collect()
}

/// Lays out `blocks` on A4 pages, with the structure tree of a tagged PDF.
pub fn layout_tagged(blocks: &[Block], m: &dyn Measure) -> Tagged {
    let mut layout = Layout::new(m);
    for (i, block) in blocks.iter().enumerate() {
        layout.block(block, blocks.get(i + 1));
    }
    layout.close_list();
    Tagged {
        nodes: layout.nodes,
        pages: layout.pages,
    }
}

/// The title is `H1`, a section ("§ 3 …") `H2`, anything smaller `H3`.
pub fn heading_level(size_pt: f32) -> u8 {
    if size_pt >= TITLE_PT {
        1
    } else if size_pt >= HEADING_PT {
        2
    } else {
        3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character 0.5 em wide: simple and predictable.
    struct Fixed;
    impl Measure for Fixed {
        fn width_pt(&self, _: Style, size_pt: f32, text: &str) -> f32 {
            text.chars().count() as f32 * size_pt * 0.5
        }
    }

    fn texts(page: &[Placed]) -> Vec<&str> {
        page.iter()
            .filter_map(|p| match p {
                Placed::Text { text, .. } => Some(text.as_str()),
                Placed::Line { .. } | Placed::Rect { .. } => None,
            })
            .collect()
    }

    /// Where each printed text starts and ends on the line it is on.
    fn spans(page: &[Placed]) -> Vec<(&str, f32, f32, f32)> {
        page.iter()
            .filter_map(|p| match p {
                Placed::Text {
                    text,
                    x_mm,
                    y_mm,
                    style,
                    size_pt,
                } => Some((
                    text.as_str(),
                    *x_mm,
                    *x_mm + Fixed.width_pt(*style, *size_pt, text) / PT_PER_MM,
                    *y_mm,
                )),
                Placed::Line { .. } | Placed::Rect { .. } => None,
            })
            .collect()
    }

    #[test]
    fn a_label_too_wide_to_share_its_line_never_has_its_text_printed_over_it() {
        for label in [
            "Ordförande:",
            "Vid protokollet (sekreterare), och mer än så:",
        ] {
            let pages = layout(
                &[Block::Labelled {
                    label: label.into(),
                    text: "Sara Nyström".into(),
                }],
                &Fixed,
            );
            let spans = spans(&pages[0]);
            let (_, _, label_end, label_y) = spans[0];
            let (text, text_x, _, text_y) = spans[1];
            assert_eq!(text, "Sara Nyström");
            assert!(
                text_y > label_y || text_x >= label_end,
                "{label}: {spans:?}"
            );
        }
    }

    #[test]
    fn a_percentage_is_never_split_across_lines() {
        // 10 pt at 0.5 em: 5 pt a character, so 10 mm ≈ 5.7 characters a
        // line; "ab 58 %" would break between 58 and % at a plain space.
        let text = format!("ab {}", crate::format::percent(58.0));
        let lines = wrap(&text, 10.0, Style::Regular, 10.0, &Fixed);
        assert_eq!(lines, ["ab", "58\u{a0}%"]);
        let plain = wrap("ab 58 %", 10.0, Style::Regular, 10.0, &Fixed);
        assert_eq!(plain, ["ab 58", "%"]);
    }

    #[test]
    fn wrapping_respects_the_width_and_breaks_long_words() {
        let lines = wrap(
            "Polisen och kommunen kommer tillsammans genomföra utökade tillsyner",
            30.0,
            Style::Regular,
            10.0,
            &Fixed,
        );
        assert!(lines.len() > 1);
        let max_pt = 30.0 * PT_PER_MM;
        assert!(
            lines
                .iter()
                .all(|l| Fixed.width_pt(Style::Regular, 10.0, l) <= max_pt)
        );
        assert_eq!(
            lines.join(" "),
            "Polisen och kommunen kommer tillsammans genomföra utökade tillsyner"
        );
        let long = wrap(&"x".repeat(200), 30.0, Style::Regular, 10.0, &Fixed);
        assert!(long.len() > 2);
        assert!(
            long.iter()
                .all(|l| Fixed.width_pt(Style::Regular, 10.0, l) <= max_pt)
        );
    }

    #[test]
    fn a_long_table_repeats_its_header_and_never_splits_a_row() {
        let rows: Vec<Vec<String>> = (1..=80)
            .map(|i| {
                vec![
                    format!("A{i}"),
                    format!("Åtgärd nummer {i} som ska göras"),
                    "Anna".into(),
                ]
            })
            .collect();
        let pages = layout(
            &[Block::Table {
                columns: vec![
                    ("Nr".into(), 0.15),
                    ("Åtgärd".into(), 0.6),
                    ("Ansvarig".into(), 0.25),
                ],
                rows,
            }],
            &Fixed,
        );
        assert!(pages.len() > 1, "80 rows need several pages");
        for page in &pages {
            assert_eq!(
                texts(page).first(),
                Some(&"Nr"),
                "each page starts with the header"
            );
            for placed in page {
                if let Placed::Text { y_mm, .. } = placed {
                    assert!(*y_mm <= PAGE_HEIGHT_MM - MARGIN_BOTTOM_MM + 0.01);
                }
            }
        }
        let all: Vec<&str> = pages.iter().flat_map(|p| texts(p)).collect();
        for i in 1..=80 {
            let id = format!("A{i}");
            assert_eq!(all.iter().filter(|t| **t == id).count(), 1, "{id} once");
        }
    }

    #[test]
    fn a_heading_at_the_bottom_moves_to_the_next_page() {
        let mut blocks: Vec<Block> = (0..42)
            .map(|i| Block::Paragraph {
                text: format!("Rad {i}"),
                style: Style::Regular,
                size_pt: BODY_PT,
            })
            .collect();
        blocks.push(Block::Heading {
            text: "§ 9 Åtagande K1".into(),
            size_pt: 13.0,
        });
        blocks.push(Block::Paragraph {
            text: "Texten under rubriken.".into(),
            style: Style::Regular,
            size_pt: BODY_PT,
        });
        let pages = layout(&blocks, &Fixed);
        let page_of = |needle: &str| pages.iter().position(|p| texts(p).contains(&needle));
        assert_eq!(
            page_of("§ 9 Åtagande K1"),
            page_of("Texten under rubriken.")
        );
        assert!(page_of("§ 9 Åtagande K1") > Some(0));
    }

    #[test]
    fn bars_are_drawn_to_scale_with_the_expected_tick() {
        let pages = layout(
            &[Block::Bars {
                caption: "Rapporterat".into(),
                bars: vec![Bar {
                    label: "K1".into(),
                    reported: 0.5,
                    expected: Some(0.75),
                    value: crate::format::percent(50.0),
                }],
            }],
            &Fixed,
        );
        let page = pages.first().expect("a page");
        let widths: Vec<f32> = page
            .iter()
            .filter_map(|p| match p {
                Placed::Rect { w_mm, .. } => Some(*w_mm),
                _ => None,
            })
            .collect();
        // The whole target (100 %) and the reported half of it.
        assert_eq!(widths.len(), 2);
        assert!((widths[1] * 2.0 - widths[0]).abs() < 0.01, "{widths:?}");
        assert!(texts(page).contains(&"50\u{a0}%"));
        assert!(
            page.iter().any(|p| matches!(p, Placed::Line { .. })),
            "expected tick"
        );
    }
}
