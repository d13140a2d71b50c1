//! The report as one self-contained HTML file for a website: semantic
//! headings in order, tables with header cells, the chart as inline SVG with
//! a text alternative and the same figures in a table, a layout that reads on
//! a phone. Written as well-formed XML (void elements closed) so that tests
//! and XML tools can parse it.

use crate::privacy::Guarded;
use std::fmt::Write as _;

use crate::format;
use crate::model::roles;

use super::{
    EFFECTS_HEADING, EFFECTS_INTRO, PublicCommitment, Report, assessment_label, measured_words,
    places_words,
};

use crate::format::escape_html as esc;

/// A day, week, month or year as `<time>`: HTML's own forms ("2019-03",
/// "2019-W09"), shown with the precision the pledge gives ("mars 2019").
fn span_time(span: crate::model::Span) -> String {
    format!("<time datetime=\"{span}\">{}</time>", span.words())
}

/// A date as `<time>`.
fn time(date: crate::model::Date) -> String {
    format!("<time datetime=\"{date}\">{date}</time>")
}

const STYLE: &str = "
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c8c8c8;
  --bar: #1f4e79; --band: #dde6ef; --tick: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'DejaVu Sans', 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
  color: var(--ink); background: #fff; line-height: 1.5; font-size: 1.05rem; }
header, main, footer { max-width: 48rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.3rem 0 0.6rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.6rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.15rem; margin: 1.6rem 0 0.4rem; }
.parties { font-weight: bold; margin: 0; color: var(--muted); }
.asof { font-size: 1.1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.8rem 0 1.2rem; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
th, td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left;
  vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
td.num, th.num { text-align: right; white-space: nowrap; }
blockquote { margin: 0.4rem 0 0.8rem; padding: 0.2rem 0 0.2rem 0.9rem;
  border-left: 4px solid var(--line); font-style: italic; }
dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dt { font-weight: bold; }
dd { margin: 0; }
figure { margin: 1rem 0; }
figcaption { color: var(--muted); font-size: 0.95rem; }
.chart-title { margin: 0 0 0.4rem; font-weight: bold; }
.bar { display: grid; grid-template-columns: 3.2rem minmax(0, 1fr) 4.6rem; gap: 0.5rem;
  align-items: center; margin: 0.15rem 0; }
.bar .id { font-weight: bold; }
.bar .value { text-align: right; white-space: nowrap; }
.track { position: relative; height: 1.2rem; }
.track span { position: absolute; display: block; }
.whole { left: 0; top: 0; bottom: 0; background: var(--band); }
.done { left: 0; top: 0.2rem; bottom: 0.2rem; background: var(--bar); }
.plan { top: -0.15rem; bottom: -0.15rem; width: 3px; margin-left: -1px; background: var(--tick); }
footer { color: var(--muted); font-size: 0.9rem; padding-bottom: 2rem; margin-top: 2rem; }
@media (max-width: 30rem) {
  body { font-size: 1rem; }
  dl { grid-template-columns: 1fr; }
  dd { margin-bottom: 0.4rem; }
  th, td { padding: 0.3rem 0.25rem; }
  .bar { grid-template-columns: 2.6rem minmax(0, 1fr) 4.2rem; gap: 0.35rem; }
  table.reflow thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap; }
  table.reflow, table.reflow caption, table.reflow tbody, table.reflow tr, table.reflow th,
    table.reflow td { display: block; }
  table.reflow caption { text-align: left; }
  table.reflow tr { border-bottom: 1px solid var(--line); padding: 0.35rem 0; }
  table.reflow th, table.reflow td { border: 0; padding: 0.05rem 0; text-align: left;
    white-space: normal; }
  table.reflow td::before { content: attr(data-label) \": \"; font-weight: bold; }
}
";

/// The report as an HTML document; only a guarded report can be rendered.
pub fn render(report: &Guarded<Report>) -> String {
    let (start, end) = report.period;
    let title = format!("Lägesrapport – {}", report.title);
    let mut h = String::with_capacity(64 * 1024);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"sv\" xml:lang=\"sv\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n\
         <meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <meta name=\"generator\" content=\"Löftesuppföljning\" />\n\
         <title>{} – läget per {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(&title),
        report.as_of
    );
    let _ = write!(
        h,
        "<header>\n<p class=\"parties\">{}</p>\n<h1>{}</h1>\n\
         <p class=\"asof\"><strong>Läget per {}.</strong> Medborgarlöftet gäller {} – {}.</p>\n\
         <p>{}</p>\n\
         <p>Här berättar parterna hur arbetet med löftet går: vad som lovades, vad som har \
         gjorts och hur uppföljningsmötena har bedömt varje åtagande – även det som inte har \
         gått som planerat.{}</p>\n</header>\n<main>\n",
        esc(&crate::format::list(&report.parties)),
        esc(&title),
        time(report.as_of),
        time(start),
        time(end),
        esc(&report.roles_words()),
        esc(&report.told_by())
    );
    areas(&mut h, report);
    overview(&mut h, report);
    for (g, group) in report.groups.iter().enumerate() {
        let _ = write!(
            h,
            "<section aria-labelledby=\"grupp-{g}\">\n<h2 id=\"grupp-{g}\">{}</h2>\n",
            esc(&group.heading)
        );
        for c in &group.commitments {
            commitment(&mut h, c);
        }
        h.push_str("</section>\n");
    }
    effects(&mut h, report);
    next_steps(&mut h, report);
    let _ = write!(
        h,
        "</main>\n<footer>\n<p>Rapporten omfattar alla {} åtaganden i löftet. Siffrorna kommer \
         från parternas aktivitetsrapporter till och med {}; bedömningarna från justerade \
         protokoll från uppföljningsmötena.</p>\n</footer>\n</body>\n</html>\n",
        format::number(report.commitments().count() as f64),
        time(report.as_of)
    );
    h
}

fn areas(h: &mut String, report: &Report) {
    h.push_str(
        "<section aria-labelledby=\"omraden\">\n<h2 id=\"omraden\">Problemområden</h2>\n<ol>\n",
    );
    for area in &report.areas {
        let focus = if area.focus {
            " <strong>(fokusområde)</strong>"
        } else {
            ""
        };
        let _ = writeln!(
            h,
            "<li value=\"{}\">{}{focus}</li>",
            area.number,
            esc(&area.title)
        );
    }
    h.push_str("</ol>\n</section>\n");
}

fn overview(h: &mut String, report: &Report) {
    let total: usize = report.measured_counts.iter().map(|(_, n)| n).sum();
    h.push_str(
        "<section aria-labelledby=\"kortfattat\">\n<h2 id=\"kortfattat\">Läget i korthet</h2>\n",
    );
    h.push_str(
        "<table>\n<caption>Rapporterat mot plan</caption>\n<thead><tr><th scope=\"col\">Läge</th>\
         <th scope=\"col\" class=\"num\">Antal åtaganden</th></tr></thead>\n<tbody>\n",
    );
    for (status, n) in report.measured_counts.iter().filter(|(_, n)| *n > 0) {
        let _ = writeln!(
            h,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{n} av {total}</td></tr>",
            esc(&measured_words(*status))
        );
    }
    h.push_str("</tbody>\n</table>\n");
    h.push_str(
        "<table>\n<caption>Senaste bedömning vid ett justerat uppföljningsmöte</caption>\n\
         <thead><tr><th scope=\"col\">Bedömning</th><th scope=\"col\" class=\"num\">Antal åtaganden</th></tr>\
         </thead>\n<tbody>\n",
    );
    for (assessment, n) in report.assessment_counts.iter().filter(|(_, n)| *n > 0) {
        let _ = writeln!(
            h,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{n} av {total}</td></tr>",
            esc(&assessment_label(*assessment))
        );
    }
    h.push_str("</tbody>\n</table>\n");
    chart(h, report);
    h.push_str("</section>\n");
}

/// The progress chart, followed by the same figures as a table: the chart
/// is for the eye, the table for everyone.
///
/// The bars are HTML boxes sized in percent and the labels are ordinary
/// text, so on a phone the labels keep the page's type size instead of
/// shrinking with a scaled drawing (an SVG 640 units wide is drawn at
/// half size on a 390 px screen, its 14-unit labels at 7 px).
fn chart(h: &mut String, report: &Report) {
    // The bar's full width stands for 150 % of the target, as in the PDF.
    let max = f64::from(crate::minutes::layout::BAR_SCALE_MAX);
    let rows: Vec<&PublicCommitment> = report
        .commitments()
        .filter(|c| c.progress.is_some())
        .collect();
    if rows.is_empty() {
        return;
    }
    let share = |value: f64| value.clamp(0.0, max) / max * 100.0;
    let _ = write!(
        h,
        "<figure>\n<div class=\"chart\" role=\"img\" aria-labelledby=\"diagram-titel\">\n\
         <p id=\"diagram-titel\" class=\"chart-title\">Gjort av målet per åtagande, per {}. Samma \
         siffror finns i tabellen under diagrammet.</p>\n",
        time(report.as_of)
    );
    for c in &rows {
        let Some(p) = c.progress else { continue };
        let plan = p.expected.map_or_else(String::new, |e| {
            format!(
                "<span class=\"plan\" style=\"left: {:.2}%\"></span>",
                share(e)
            )
        });
        let _ = writeln!(
            h,
            "<div class=\"bar\"><span class=\"id\">{}</span><span class=\"track\">\
             <span class=\"whole\" style=\"width: {:.2}%\"></span>\
             <span class=\"done\" style=\"width: {:.2}%\"></span>{plan}</span>\
             <span class=\"value\">{}</span></div>",
            esc(c.id.as_str()),
            share(1.0),
            share(p.reported),
            esc(&p.percent()),
        );
    }
    let _ = write!(
        h,
        "</div>\n<figcaption>Mörk stapel: gjort av målet för hela perioden (ljust fält = hela \
         målet, skalan går till 150 %). Rött streck: vad som borde vara gjort per {}.</figcaption>\n\
         </figure>\n",
        time(report.as_of)
    );
    let expected_label = format!("Borde vara gjort per {}", report.as_of);
    let _ = write!(
        h,
        "<table class=\"reflow\">\n<caption>Gjort av målet per åtagande</caption>\n<thead><tr>\
         <th scope=\"col\">Åtagande</th><th scope=\"col\" class=\"num\">Gjort av målet</th>\
         <th scope=\"col\" class=\"num\">{expected_label}</th></tr></thead>\n<tbody>\n"
    );
    // On a phone each row becomes a block of its own, every cell labelled
    // with its column (`data-label`, shown by the style sheet).
    for c in rows {
        let Some(p) = c.progress else { continue };
        let expected = p
            .expected
            .map_or_else(|| "–".to_owned(), |e| format::percent(e * 100.0));
        let _ = writeln!(
            h,
            "<tr><th scope=\"row\"><a href=\"#{id}\">{id}</a></th>\
             <td class=\"num\" data-label=\"Gjort av målet\">{}</td>\
             <td class=\"num\" data-label=\"{expected_label}\">{}</td></tr>",
            esc(&p.percent()),
            esc(&expected),
            id = esc(c.id.as_str())
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

fn row(h: &mut String, label: &str, value: &str) {
    let _ = writeln!(h, "<dt>{}</dt><dd>{value}</dd>", esc(label));
}

fn commitment(h: &mut String, c: &PublicCommitment) {
    let id = esc(c.id.as_str());
    let _ = write!(
        h,
        "<article id=\"{id}\" aria-labelledby=\"rubrik-{id}\">\n<h3 id=\"rubrik-{id}\">{id}</h3>\n\
         <blockquote><p>{}</p></blockquote>\n<dl>\n",
        esc(&c.text)
    );
    for r in &c.reworded {
        row(h, r.label(), &esc(&r.words()));
    }
    row(h, "Ansvariga", &esc(&crate::format::list(&c.owners)));
    if let Some(lead) = &c.lead {
        row(h, roles::LEAD_LABEL, &esc(lead));
    }
    if !c.other_actors.is_empty() {
        row(
            h,
            roles::ALSO_LABEL,
            &esc(&crate::format::list(&c.other_actors)),
        );
    }
    if !c.areas.is_empty() {
        row(h, "Problemområden", &esc(&c.areas.join("; ")));
    }
    row(h, "Gjort hittills", &esc(&c.done));
    for part in &c.parts {
        row(h, "Del", &esc(part));
    }
    for instead in &c.instead {
        row(h, "I stället", &esc(instead));
    }
    if let Some(places) = places_words(&c.places) {
        row(h, "Platser", &esc(&places));
    }
    row(h, "Mot plan", &esc(&c.against_plan()));
    match &c.assessment {
        Some(a) => {
            row(
                h,
                "Bedömning",
                &format!(
                    "{} (uppföljningsmötet {})",
                    esc(&a.assessment.to_string()),
                    time(a.date)
                ),
            );
            if let Some(reason) = &a.reason {
                row(h, "Skäl", &esc(reason));
            }
        }
        None => row(
            h,
            "Bedömning",
            "ännu inte bedömt vid ett justerat uppföljningsmöte",
        ),
    }
    if let Some((date, reason)) = &c.dropped {
        let text = if reason.is_empty() {
            format!("från {}", span_time(*date))
        } else {
            format!("från {}: {}", span_time(*date), esc(reason))
        };
        row(h, "Utgår", &text);
    }
    h.push_str("</dl>\n</article>\n");
}

/// "Har problemen minskat?": every indicator in words, and its known
/// values in a table. Never counted with the commitments.
fn effects(h: &mut String, report: &Report) {
    if report.effects.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<section aria-labelledby=\"effekter\">\n<h2 id=\"effekter\">{}</h2>\n<p>{}</p>\n",
        esc(EFFECTS_HEADING),
        esc(EFFECTS_INTRO)
    );
    for (n, e) in report.effects.iter().enumerate() {
        let _ = write!(
            h,
            "<h3 id=\"effekt-{n}\">{} {}</h3>\n<dl>\n",
            esc(e.id.as_str()),
            esc(&e.name)
        );
        if !e.areas.is_empty() {
            row(h, "Problemområde", &esc(&e.areas.join("; ")));
        }
        row(h, "Senaste värde", &esc(&e.latest));
        row(h, "Förändring", &esc(&e.change));
        row(h, "Mot målet", &esc(&e.verdict));
        h.push_str("</dl>\n");
        if e.values.is_empty() {
            continue;
        }
        let _ = write!(
            h,
            "<table>\n<caption>Kända värden för {}</caption>\n<thead><tr><th scope=\"col\">Datum</th>\
             <th scope=\"col\">Värde</th><th scope=\"col\">Källa</th></tr></thead>\n<tbody>\n",
            esc(e.id.as_str())
        );
        for v in &e.values {
            let _ = writeln!(
                h,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
                span_time(v.date),
                esc(&v.value),
                esc(v.source.as_deref().unwrap_or("–"))
            );
        }
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str("</section>\n");
}

fn next_steps(h: &mut String, report: &Report) {
    h.push_str("<section aria-labelledby=\"framat\">\n<h2 id=\"framat\">Vad händer nu</h2>\n");
    match report.next_meeting {
        Some(date) => {
            let _ = writeln!(h, "<p>Nästa uppföljningsmöte hålls {}.</p>", time(date));
        }
        None => h.push_str("<p>Datum för nästa uppföljningsmöte är inte bestämt ännu.</p>\n"),
    }
    if let Some(contact) = &report.contact {
        let _ = writeln!(h, "<p><strong>Kontakt:</strong> {}</p>", esc(contact));
    }
    h.push_str("</section>\n");
}
