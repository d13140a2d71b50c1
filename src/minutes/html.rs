//! The minutes as one self-contained, accessible web page: the same
//! guarded blocks the PDF is laid out from, so the page and the PDF never
//! say two different things, and nothing reaches the page that the
//! personal-data guard has not seen.
//!
//! Headings keep their levels (the title `h1`, the § `h2`, smaller ones
//! `h3`), "att …" decisions and other marked items become lists, tables
//! get `<th scope="col">` and collapse into one block per row on a phone.
//! Page furniture (page numbers, the lines to initial) has no place on a
//! web page; the footer's text and the fingerprint are said once at the end.

use std::fmt::Write as _;

use super::layout::{BAR_SCALE_MAX, Bar, Block, Style, bars_in_words, heading_level};
use super::pdf::Printed;
use crate::format::escape_html as esc;
use crate::privacy::Guarded;

/// The page's style: system fonts, readable line length, and tables that
/// reflow under 30rem. Colours meet WCAG AA on white.
const CSS: &str = "
:root { --ink: #1a1a1a; --muted: #444; --line: #767676; --bar: #1f4e79; --track: #dde5ee; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif;
  color: var(--ink); background: #fff; line-height: 1.5; margin: 0 auto; padding: 1rem;
  max-width: 48rem; font-size: 1.0625rem; overflow-wrap: break-word; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.4rem 0 0.8rem; }
h2 { font-size: 1.25rem; margin: 1.6rem 0 0.4rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1rem 0 0.3rem; }
p { margin: 0.35rem 0; }
ul.decisions { list-style: none; padding-left: 0; }
ul.decisions li { padding-left: 2.2rem; text-indent: -2.2rem; margin: 0.2rem 0; }
ul.decisions .marker { display: inline-block; width: 2.2rem; text-indent: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.95rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.4rem;
  border-bottom: 1px solid var(--line); }
thead th { border-bottom: 2px solid var(--ink); }
figure { margin: 0.6rem 0 1rem; }
figcaption { font-style: italic; color: var(--muted); }
.bar { display: grid; grid-template-columns: 3rem minmax(0, 1fr) 4.5rem; gap: 0.5rem;
  align-items: center; margin: 0.15rem 0; }
.track { position: relative; height: 0.9rem; background: var(--track); }
.done { position: absolute; left: 0; top: 0; bottom: 0; background: var(--bar); }
.plan { position: absolute; top: -0.15rem; bottom: -0.15rem; width: 2px; background: var(--ink); }
.value { text-align: right; white-space: nowrap; }
.furniture { margin-top: 2rem; padding-top: 0.5rem; border-top: 1px solid var(--line);
  color: var(--muted); font-size: 0.95rem; }
.draft { font-weight: bold; border: 2px solid var(--ink); padding: 0.3rem 0.6rem; display: inline-block; }
@media (max-width: 30rem) {
  body { font-size: 1rem; padding: 0.75rem; }
  table.reflow thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap; }
  table.reflow, table.reflow tbody, table.reflow tr, table.reflow td { display: block; }
  table.reflow tr { border-bottom: 1px solid var(--line); padding: 0.35rem 0; }
  table.reflow td { border: 0; padding: 0.05rem 0; }
  table.reflow td::before { content: attr(data-label) \": \"; font-weight: bold; }
  .bar { grid-template-columns: 2.6rem minmax(0, 1fr) 4rem; gap: 0.35rem; }
}
";

/// The guarded minutes (or invitation) as an HTML document.
pub fn render(doc: &Guarded<Printed>) -> String {
    let info = &doc.info;
    let mut h = String::with_capacity(32 * 1024);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"author\" content=\"{}\">\n<title>{}</title>\n<style>{CSS}</style>\n\
         </head>\n<body>\n<main>\n",
        esc(&info.author),
        esc(&info.title),
    );
    if info.draft {
        h.push_str("<p class=\"draft\">Utkast – inte justerat</p>\n");
    }
    blocks(&mut h, &doc.blocks);
    h.push_str("</main>\n<footer class=\"furniture\">\n");
    let _ = writeln!(h, "<p>{}</p>", esc(&info.footer));
    if let Some(mark) = &info.mark {
        let _ = writeln!(h, "<p>{}</p>", esc(mark));
    }
    h.push_str("</footer>\n</body>\n</html>\n");
    h
}

/// `text` escaped, its line breaks kept.
fn lines(text: &str) -> String {
    text.split('\n').map(esc).collect::<Vec<_>>().join("<br>\n")
}

/// The blocks in order; runs of marked items become one list (space
/// between them does not end it, as in the PDF's tags).
fn blocks(h: &mut String, blocks: &[Block]) {
    let mut i = 0;
    while i < blocks.len() {
        if let Block::Item { .. } = &blocks[i] {
            h.push_str("<ul class=\"decisions\">\n");
            loop {
                match blocks.get(i) {
                    Some(Block::Item { marker, text }) => {
                        let _ = writeln!(
                            h,
                            "<li><span class=\"marker\">{}</span> {}</li>",
                            esc(marker),
                            lines(text)
                        );
                    }
                    Some(Block::Space(_))
                        if matches!(blocks.get(i + 1), Some(Block::Item { .. })) => {}
                    _ => break,
                }
                i += 1;
            }
            h.push_str("</ul>\n");
            continue;
        }
        block(h, &blocks[i]);
        i += 1;
    }
}

fn block(h: &mut String, block: &Block) {
    match block {
        Block::Heading { text, size_pt } => {
            let level = heading_level(*size_pt);
            let _ = writeln!(h, "<h{level}>{}</h{level}>", esc(text));
        }
        // A line break in the text is a new paragraph, as in the PDF.
        Block::Paragraph { text, style, .. } => {
            for text in text.split('\n').map(esc) {
                let _ = match style {
                    Style::Regular => writeln!(h, "<p>{text}</p>"),
                    Style::Bold => writeln!(h, "<p><strong>{text}</strong></p>"),
                    Style::Italic => writeln!(h, "<p><em>{text}</em></p>"),
                };
            }
        }
        Block::Labelled { label, text } => {
            let _ = writeln!(h, "<p><strong>{}</strong> {}</p>", esc(label), lines(text));
        }
        Block::Item { marker, text } => {
            let _ = writeln!(h, "<p>{} {}</p>", esc(marker), esc(text));
        }
        Block::Table { columns, rows } => table(h, columns, rows),
        // Who signs, by name; a line left to sign on has no place on a page.
        Block::Signatures(signers) if signers.iter().all(|(_, name)| name.is_empty()) => {}
        Block::Signatures(signers) => {
            h.push_str("<ul>\n");
            for (role, name) in signers.iter().filter(|(_, name)| !name.is_empty()) {
                let _ = writeln!(h, "<li><strong>{}:</strong> {}</li>", esc(role), esc(name));
            }
            h.push_str("</ul>\n");
        }
        Block::KeepTogether(inner) => blocks(h, inner),
        Block::Bars { caption, bars } => figure(h, caption, bars),
        Block::Space(_) | Block::PageBreak => {}
    }
}

fn table(h: &mut String, columns: &[(String, f32)], rows: &[Vec<String>]) {
    h.push_str("<table class=\"reflow\">\n<thead><tr>");
    for (name, _) in columns {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(name));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        h.push_str("<tr>");
        for (c, cell) in row.iter().enumerate() {
            let label = columns.get(c).map_or("", |(name, _)| name.as_str());
            let _ = write!(h, "<td data-label=\"{}\">{}</td>", esc(label), esc(cell));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

/// The bar chart as HTML bars with the figures in words for a screen
/// reader (the same figures the tables give).
fn figure(h: &mut String, caption: &str, bars: &[Bar]) {
    let share = |v: f32| v.clamp(0.0, BAR_SCALE_MAX) / BAR_SCALE_MAX * 100.0;
    let _ = writeln!(
        h,
        "<figure>\n<figcaption>{}</figcaption>\n<div role=\"img\" aria-label=\"{}\">",
        esc(caption),
        esc(&bars_in_words(bars))
    );
    for bar in bars {
        let _ = write!(
            h,
            "<div class=\"bar\"><span>{}</span><span class=\"track\">\
             <span class=\"done\" style=\"width: {:.1}%\"></span>",
            esc(&bar.label),
            share(bar.reported)
        );
        if let Some(expected) = bar.expected {
            let _ = write!(
                h,
                "<span class=\"plan\" style=\"left: {:.1}%\"></span>",
                share(expected)
            );
        }
        let _ = writeln!(
            h,
            "</span><span class=\"value\">{}</span></div>",
            esc(&bar.value)
        );
    }
    h.push_str("</div>\n</figure>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minutes::{Document, guard_document};
    use crate::model::meeting::ItemKind;

    fn march() -> String {
        let today = crate::model::Date::from_ymd(2026, 1, 1).expect("date");
        let loaded = crate::store::load(crate::sample::karlstad(), today);
        let pledge = loaded.pledge.as_ref().expect("pledge");
        let meeting = loaded
            .meetings
            .iter()
            .find(|m| m.date.to_string() == "2017-03-16")
            .expect("March");
        let doc = guard_document(Document::Minutes, pledge, &loaded.meetings, meeting, &[])
            .expect("guarded");
        render(&doc)
    }

    #[test]
    fn the_minutes_page_is_swedish_with_headings_lists_and_scoped_tables() {
        let html = march();
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
        assert!(
            html.contains("<title>Protokoll – Uppföljningsmöte 2"),
            "{html}"
        );
        assert_eq!(html.matches("<h1>").count(), 1);
        assert!(html.contains("<h2>§ 1 Mötets öppnande</h2>"), "{html}");
        assert!(html.contains("<li><span class=\"marker\">att</span> förklara mötet öppnat</li>"));
        assert!(html.contains("<th scope=\"col\">Namn</th>"));
        assert!(html.contains("<td data-label=\"Namn\">Anna Berglund</td>"));
        assert!(!html.contains("<th>"), "every header cell is scoped");
        // Justerat: no draft mark; the fingerprint is said at the end.
        assert!(!html.contains("Utkast"));
        assert!(html.contains("<p>Fingeravtryck "));
        // Heading levels never skip.
        let mut last = 0;
        for level in html
            .match_indices("<h")
            .filter_map(|(i, _)| html[i + 2..].chars().next().and_then(|c| c.to_digit(10)))
        {
            assert!(level <= last + 1, "h{last} then h{level}");
            last = level;
        }
        // The figure is described in words.
        assert!(html.contains("<div role=\"img\" aria-label=\"G1 "));
        assert!(html.contains("G1 92\u{a0}%"), "{html}");
    }

    #[test]
    fn text_is_escaped_everywhere() {
        let today = crate::model::Date::from_ymd(2026, 1, 1).expect("date");
        let loaded = crate::store::load(crate::sample::karlstad(), today);
        let pledge = loaded.pledge.as_ref().expect("pledge");
        let mut meeting = crate::model::meeting::test_support::june_being_held();
        meeting.place = "<script>\"Rådhuset\" & 'co'</script>".into();
        if let Some(item) = meeting
            .items
            .iter_mut()
            .find(|i| matches!(i.kind, ItemKind::Oppnande))
        {
            item.decisions.push("att <b>inte</b> fetstila".into());
            item.discussion = "Första stycket.\nAndra stycket.".into();
        }
        let doc = guard_document(Document::Minutes, pledge, &loaded.meetings, &meeting, &[])
            .expect("guarded");
        let html = render(&doc);
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<b>inte"));
        assert!(html.contains("&lt;script&gt;&quot;Rådhuset&quot; &amp; &#39;co&#39;"));
        assert!(
            html.contains("Utkast – inte justerat"),
            "being held: a draft"
        );
        // A line break is a new paragraph, as in the PDF.
        assert!(
            html.contains("<p>Första stycket.</p>\n<p>Andra stycket.</p>"),
            "{html}"
        );
    }
}
