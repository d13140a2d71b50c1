//! Turns laid-out pages into a PDF with printpdf's low-level operations:
//! the shipped DejaVu fonts (embedded and subset), a footer with
//! "Justerandes signatur" and "Sida X av N" on every page, and an "UTKAST"
//! mark on every page of minutes that are not yet justerade. The PDF is
//! tagged: every box is marked content of its structure element, or an
//! artifact ([`structure`] writes the tree). Archival documents are also
//! PDF/A-2u ([`archive`]).

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use printpdf::{
    Color, DictItem, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rgb, TextItem,
    WindingOrder,
};

use super::layout::{
    self, Block, MARGIN_LEFT_MM, MARGIN_RIGHT_MM, Measure, PAGE_HEIGHT_MM, PAGE_WIDTH_MM, Placed,
    Style, Tagged,
};
use super::{archive, structure};
use crate::privacy::Guarded;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Oblique.ttf");

/// What is printed for a character the font has no glyph for.
const REPLACEMENT: char = '\u{fffd}';

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A shipped font could not be read (a broken build).
    #[error("typsnittet {0} kunde inte läsas")]
    Font(&'static str),
    /// printpdf reported a problem while writing.
    #[error("PDF-filen kunde inte skapas: {0}")]
    Save(String),
}

/// The three faces, parsed once, with cached character widths.
pub struct Fonts {
    faces: [ParsedFont; 3],
    widths: Mutex<HashMap<(Style, char), f32>>,
}

impl Fonts {
    /// Parses the shipped fonts.
    pub fn load() -> Result<Self, PdfError> {
        let parse = |bytes: &[u8], name: &'static str| {
            let mut warnings = Vec::new();
            ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or(PdfError::Font(name))
        };
        Ok(Fonts {
            faces: [
                parse(REGULAR, "DejaVu Sans")?,
                parse(BOLD, "DejaVu Sans Bold")?,
                parse(ITALIC, "DejaVu Sans Oblique")?,
            ],
            widths: Mutex::new(HashMap::new()),
        })
    }

    fn face(&self, style: Style) -> &ParsedFont {
        let [regular, bold, italic] = &self.faces;
        match style {
            Style::Regular => regular,
            Style::Bold => bold,
            Style::Italic => italic,
        }
    }

    /// The character printed for `ch`: itself when the face has a glyph
    /// for it, else U+FFFD. A character the font lacks would otherwise be
    /// printed as glyph 0 (`.notdef`), an empty box that a screen reader
    /// and a copy-paste read as nothing, and that PDF/A-2u and PDF/UA
    /// forbid.
    fn printed_char(&self, style: Style, ch: char) -> char {
        let face = self.face(style);
        // Glyph 0 is `.notdef`: a cmap may map a character to it.
        let has = |c: char| {
            face.lookup_glyph_index(u32::from(c))
                .is_some_and(|g| g != 0)
        };
        if ch == ' ' || has(ch) {
            ch
        } else if has(REPLACEMENT) {
            REPLACEMENT
        } else {
            '?'
        }
    }

    /// `text` as printed in `style`: every character the face lacks
    /// replaced ([`Self::printed_char`]).
    pub fn printable<'t>(&self, style: Style, text: &'t str) -> std::borrow::Cow<'t, str> {
        if text.chars().all(|c| self.printed_char(style, c) == c) {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(text.chars().map(|c| self.printed_char(style, c)).collect())
        }
    }

    /// Advance of one character at 1 pt, in points: of the character
    /// actually printed ([`Self::printed_char`]).
    fn advance(&self, style: Style, ch: char) -> f32 {
        if let Ok(cache) = self.widths.lock()
            && let Some(w) = cache.get(&(style, ch))
        {
            return *w;
        }
        let face = self.face(style);
        let units = f32::from(face.pdf_font_metrics.units_per_em.max(1));
        let printed = self.printed_char(style, ch);
        let width = face
            .lookup_glyph_index(u32::from(printed))
            .map_or(0.5, |gid| {
                f32::from(face.get_horizontal_advance(gid)) / units
            });
        if let Ok(mut cache) = self.widths.lock() {
            cache.insert((style, ch), width);
        }
        width
    }
}

impl Measure for Fonts {
    fn width_pt(&self, style: Style, size_pt: f32, text: &str) -> f32 {
        // ShowText applies no kerning, so the sum of advances is what is drawn.
        text.chars().map(|c| self.advance(style, c)).sum::<f32>() * size_pt
    }
}

/// Document information written into the PDF.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DocInfo {
    /// Title.
    pub title: String,
    /// Author (the convening organisation).
    pub author: String,
    /// Whether to mark every page "UTKAST".
    pub draft: bool,
    /// The footer's left text ("Justerandes signatur").
    pub footer: String,
    /// Whether the footer has lines for the justerare's initials (minutes
    /// only; a public report has none).
    pub initials: bool,
    /// The footer's middle text: a justerat meeting's fingerprint in short
    /// ("Fingeravtryck 3f2a 9c1e"), so a printed copy can be matched to
    /// the file.
    pub mark: Option<String>,
    /// Whether the document is one to archive, and so written as PDF/A-2u
    /// unless the user asks otherwise ([`PdfA`]): justerade minutes, their
    /// copies and extracts, and the progress report. A draft is not kept,
    /// and a kallelse is a letter.
    pub archival: bool,
}

/// Whether a PDF is written as PDF/A-2u, the archival profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PdfA {
    /// When the document is one to archive ([`DocInfo::archival`]).
    #[default]
    WhenArchival,
    /// Never: the user turned the archival profile off.
    Off,
}

fn mm_point(x_mm: f32, y_from_top_mm: f32) -> Point {
    Point::new(Mm(x_mm), Mm(PAGE_HEIGHT_MM - y_from_top_mm))
}

/// One line of text in `style`, with the characters the face lacks
/// replaced ([`Fonts::printable`]): every text printed passes here.
fn text_ops(
    (fonts, style, font): (&Fonts, Style, &FontId),
    size_pt: f32,
    (x_mm, y_mm): (f32, f32),
    text: &str,
) -> [Op; 5] {
    let text = fonts.printable(style, text);
    [
        Op::StartTextSection,
        Op::SetFont {
            font: PdfFontHandle::External(font.clone()),
            size: Pt(size_pt),
        },
        Op::SetTextCursor {
            pos: mm_point(x_mm, y_mm),
        },
        Op::ShowText {
            items: vec![TextItem::Text(text.into_owned())],
        },
        Op::EndTextSection,
    ]
}

fn line_op(from: (f32, f32), to: (f32, f32)) -> Op {
    Op::DrawLine {
        line: Line {
            points: vec![
                LinePoint {
                    p: mm_point(from.0, from.1),
                    bezier: false,
                },
                LinePoint {
                    p: mm_point(to.0, to.1),
                    bezier: false,
                },
            ],
            is_closed: false,
        },
    }
}

/// A filled rectangle; `y_mm` is its top edge from the top of the page.
fn rect_op(x_mm: f32, y_mm: f32, w_mm: f32, h_mm: f32) -> Op {
    let corner = |x: f32, y: f32| LinePoint {
        p: mm_point(x, y),
        bezier: false,
    };
    Op::DrawPolygon {
        polygon: Polygon {
            rings: vec![PolygonRing {
                points: vec![
                    corner(x_mm, y_mm),
                    corner(x_mm + w_mm, y_mm),
                    corner(x_mm + w_mm, y_mm + h_mm),
                    corner(x_mm, y_mm + h_mm),
                ],
            }],
            mode: PaintMode::Fill,
            winding_order: WindingOrder::NonZero,
        },
    }
}

fn grey(level: f32) -> Color {
    Color::Rgb(Rgb::new(level, level, level, None))
}

/// Everything a PDF prints: its information and its blocks. The minutes
/// and the report build one, the guard checks it as one piece, and
/// [`write`] prints nothing else.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Printed {
    /// Title, author and footer.
    pub info: DocInfo,
    /// The content.
    pub blocks: Vec<Block>,
}

/// Lays out a guarded document and writes it as a tagged PDF, and as
/// PDF/A-2u when it is archival and `pdfa` allows.
pub fn write(doc: &Guarded<Printed>, fonts: &Fonts, pdfa: PdfA) -> Result<Vec<u8>, PdfError> {
    let tagged = layout::layout_tagged(&doc.blocks, fonts);
    let archival = doc.info.archival && pdfa == PdfA::WhenArchival;
    write_pages(&tagged, fonts, &doc.info, archival)
}

/// Marked content owned by structure element `mcid`'s tag: `/P <</MCID 3>> BDC`.
fn mcid_op(tag: &str, mcid: usize) -> Op {
    Op::BeginMarkedContentWithProperties {
        tag: tag.to_owned(),
        properties: DictItem::Dict {
            map: BTreeMap::from([(
                "MCID".to_owned(),
                DictItem::Int(i64::try_from(mcid).unwrap_or(i64::MAX)),
            )]),
        },
    }
}

/// Page furniture, outside the structure tree: a footer or watermark
/// (PDF 1.7 pagination artifacts), or a plain artifact (rules, lines).
fn artifact_op(subtype: Option<&str>) -> Op {
    let Some(subtype) = subtype else {
        return Op::BeginMarkedContent {
            tag: "Artifact".to_owned(),
        };
    };
    Op::BeginMarkedContentWithProperties {
        tag: "Artifact".to_owned(),
        properties: DictItem::Dict {
            map: BTreeMap::from([
                ("Type".to_owned(), DictItem::Name(b"Pagination".to_vec())),
                (
                    "Subtype".to_owned(),
                    DictItem::Name(subtype.as_bytes().to_vec()),
                ),
            ]),
        },
    }
}

fn write_pages(
    tagged: &Tagged,
    fonts: &Fonts,
    info: &DocInfo,
    archival: bool,
) -> Result<Vec<u8>, PdfError> {
    let pages = &tagged.pages;
    let mut doc = PdfDocument::new(&info.title);
    doc.metadata.info.author.clone_from(&info.author);
    archive::CREATOR.clone_into(&mut doc.metadata.info.creator);
    // SOURCE_DATE_EPOCH (reproducible builds) fixes the dates, so the same
    // meeting gives the same bytes; otherwise the time of printing.
    let created = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| printpdf::OffsetDateTime::from_unix_timestamp(secs).ok())
        .unwrap_or_else(printpdf::OffsetDateTime::now_utc);
    doc.metadata.info.creation_date = created;
    doc.metadata.info.modification_date = created;
    doc.metadata.info.metadata_date = created;
    let ids = [
        doc.add_font(fonts.face(Style::Regular)),
        doc.add_font(fonts.face(Style::Bold)),
        doc.add_font(fonts.face(Style::Italic)),
    ];
    let id = |style: Style| match style {
        Style::Regular => &ids[0],
        Style::Bold => &ids[1],
        Style::Italic => &ids[2],
    };
    let total = pages.len();
    let mut pdf_pages = Vec::with_capacity(total);
    let mut mcids: Vec<Vec<usize>> = Vec::with_capacity(total);
    for (n, page) in pages.iter().enumerate() {
        let mut ops = vec![
            Op::SetOutlineThickness { pt: Pt(0.6) },
            Op::SetOutlineColor { col: grey(0.0) },
            Op::SetFillColor { col: grey(0.0) },
        ];
        if info.draft {
            ops.push(artifact_op(Some("Watermark")));
            ops.push(Op::SetFillColor { col: grey(0.8) });
            ops.extend(text_ops(
                (fonts, Style::Bold, id(Style::Bold)),
                60.0,
                (45.0, 160.0),
                "UTKAST",
            ));
            ops.push(Op::SetFillColor { col: grey(0.0) });
            ops.push(Op::EndMarkedContent);
        }
        mcids.push(content_ops(&mut ops, page, &tagged.nodes, (fonts, &id)));
        ops.push(artifact_op(Some("Footer")));
        footer_ops(&mut ops, fonts, id(Style::Regular), info, n + 1, total);
        ops.push(Op::EndMarkedContent);
        pdf_pages.push(PdfPage::new(Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM), ops));
    }
    let mut warnings = Vec::new();
    let mut lo = doc
        .with_pages(pdf_pages)
        .to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    // printpdf never fails; it warns. A warning means broken output here.
    if let Some(first) = warnings.first() {
        return Err(PdfError::Save(format!("{first:?}")));
    }
    structure::finish(&mut lo, &tagged.nodes, &mcids).map_err(|e| PdfError::Save(e.to_string()))?;
    let meta = archive::Meta {
        title: &info.title,
        author: &info.author,
        created: &created,
        archival,
    };
    archive::finish(&mut lo, &meta).map_err(|e| PdfError::Save(e.to_string()))?;
    lo.compress();
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Save(e.to_string()))?;
    Ok(bytes)
}

/// The page's boxes as operators, each run of boxes of one structure
/// element in a marked-content sequence with the page's next MCID (or as
/// an artifact); returns the element of each MCID.
fn content_ops<'f>(
    ops: &mut Vec<Op>,
    page: &[(Option<usize>, Placed)],
    nodes: &[structure::Node],
    (fonts, id): (&Fonts, &dyn Fn(Style) -> &'f FontId),
) -> Vec<usize> {
    // A marked-content sequence per run of boxes of one element; each
    // element's sequence gets the page's next MCID.
    let mut page_mcids: Vec<usize> = Vec::new();
    let mut open: Option<Option<usize>> = None;
    for (j, (node, placed)) in page.iter().enumerate() {
        if open != Some(*node) {
            if open.is_some() {
                ops.push(Op::EndMarkedContent);
            }
            ops.push(match node {
                None => artifact_op(None),
                Some(n) => {
                    page_mcids.push(*n);
                    let tag = nodes.get(*n).map_or("P", |node| node.kind.name());
                    mcid_op(tag, page_mcids.len() - 1)
                }
            });
            open = Some(*node);
        }
        match placed {
            Placed::Text {
                x_mm,
                y_mm,
                text,
                style,
                size_pt,
            } => {
                // A line that wraps on in the same element ends in a
                // space, so text read from the tags ("–medborgarlöften")
                // keeps its words apart.
                let wraps_on = node.is_some()
                    && page.get(j + 1).is_some_and(|(next, p)| {
                        next == node
                            && matches!(p, Placed::Text { y_mm: below, .. } if below > y_mm)
                    });
                let font = (fonts, *style, id(*style));
                if wraps_on && !text.ends_with(' ') {
                    let spaced = format!("{text} ");
                    ops.extend(text_ops(font, *size_pt, (*x_mm, *y_mm), &spaced));
                } else {
                    ops.extend(text_ops(font, *size_pt, (*x_mm, *y_mm), text));
                }
            }
            Placed::Line { from_mm, to_mm } => ops.push(line_op(*from_mm, *to_mm)),
            Placed::Rect {
                x_mm,
                y_mm,
                w_mm,
                h_mm,
                grey: level,
            } => {
                ops.push(Op::SetFillColor { col: grey(*level) });
                ops.push(rect_op(*x_mm, *y_mm, *w_mm, *h_mm));
                ops.push(Op::SetFillColor { col: grey(0.0) });
            }
        }
    }
    if open.is_some() {
        ops.push(Op::EndMarkedContent);
    }
    page_mcids
}

/// The footer of page `page` of `total`: the line, the footer text, where
/// the justerare initial every page, the fingerprint and the page number.
fn footer_ops(
    ops: &mut Vec<Op>,
    fonts: &Fonts,
    regular: &FontId,
    info: &DocInfo,
    page: usize,
    total: usize,
) {
    // Footer: where the justerare initial every page, and the page number.
    let footer_y = PAGE_HEIGHT_MM - 15.0;
    ops.push(line_op(
        (MARGIN_LEFT_MM, footer_y - 5.0),
        (PAGE_WIDTH_MM - MARGIN_RIGHT_MM, footer_y - 5.0),
    ));
    let font = (fonts, Style::Regular, regular);
    ops.extend(text_ops(
        font,
        8.5,
        (MARGIN_LEFT_MM, footer_y),
        &info.footer,
    ));
    for i in 0..if info.initials { 2 } else { 0 } {
        let x = MARGIN_LEFT_MM + 38.0 + i as f32 * 22.0;
        ops.push(line_op((x, footer_y + 1.0), (x + 18.0, footer_y + 1.0)));
    }
    let page_text = format!("Sida {page} av {total}");
    let width_mm = fonts.width_pt(Style::Regular, 8.5, &page_text) * 25.4 / 72.0;
    if let Some(mark) = &info.mark {
        // Beside the page number, clear of the initials' lines.
        let mark_mm = fonts.width_pt(Style::Regular, 8.5, mark) * 25.4 / 72.0;
        let x = PAGE_WIDTH_MM - MARGIN_RIGHT_MM - width_mm - 10.0 - mark_mm;
        ops.extend(text_ops(font, 8.5, (x, footer_y), mark));
    }
    let x = PAGE_WIDTH_MM - MARGIN_RIGHT_MM - width_mm;
    ops.extend(text_ops(font, 8.5, (x, footer_y), &page_text));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Swedish text, the signs the minutes print and non-breaking spaces
    /// are in all three faces; what is not (an emoji, a CJK character) is
    /// replaced, and measured as the replacement, so wrapping and drawing
    /// agree.
    #[test]
    fn only_characters_a_face_lacks_are_replaced() {
        let fonts = Fonts::load().expect("fonts");
        for style in [Style::Regular, Style::Bold, Style::Italic] {
            let swedish = "Åtagande § 7 – ”58\u{a0}%” ÅÄÖ åäö é ✓ → ✕ •";
            assert!(matches!(
                fonts.printable(style, swedish),
                std::borrow::Cow::Borrowed(_)
            ));
            assert_eq!(fonts.printable(style, "ok 👍 漢"), "ok \u{fffd} \u{fffd}");
            assert!(
                (fonts.width_pt(style, 10.0, "👍") - fonts.width_pt(style, 10.0, "\u{fffd}")).abs()
                    < f32::EPSILON
            );
        }
    }
}
