//! The report as A4 PDF with the minutes' layout engine and typography: a
//! one-page overview, then every commitment, then what happens next.

use crate::format;
use crate::minutes::layout::{Bar, Block, HEADING_PT, Style, TITLE_PT};
use crate::minutes::pdf::{self as minutes_pdf, DocInfo, Fonts, Printed};
use crate::model::roles;
use crate::privacy::Guarded;

use super::{
    EFFECTS_HEADING, EFFECTS_INTRO, PublicCommitment, Report, ReportError, assessment_label,
    measured_words, places_words,
};

const SUBHEADING_PT: f32 = 11.0;

fn paragraph(text: impl Into<String>, style: Style) -> Block {
    Block::paragraph(text, style)
}

fn heading(text: impl Into<String>, size_pt: f32) -> Block {
    Block::Heading {
        text: text.into(),
        size_pt,
    }
}

fn labelled(label: &str, text: impl Into<String>) -> Block {
    Block::Labelled {
        label: label.to_owned(),
        text: text.into(),
    }
}

/// A ratio as a bar length (f32 is what the layout draws with).
#[allow(clippy::cast_possible_truncation)] // a bar needs no f64 precision
fn share(ratio: f64) -> f32 {
    ratio as f32
}

/// The report as layout blocks.
pub fn blocks(report: &Report) -> Vec<Block> {
    let mut out = overview(report);
    out.push(Block::PageBreak);
    for group in &report.groups {
        out.push(heading(group.heading.clone(), HEADING_PT));
        for c in &group.commitments {
            out.push(commitment(c));
        }
    }
    out.extend(effects(report));
    out.extend(next_steps(report));
    out
}

/// "Har problemen minskat?": every indicator in words, with its values.
fn effects(report: &Report) -> Vec<Block> {
    if report.effects.is_empty() {
        return Vec::new();
    }
    let mut out = vec![
        heading(EFFECTS_HEADING, HEADING_PT),
        paragraph(EFFECTS_INTRO, Style::Italic),
    ];
    for e in &report.effects {
        let mut blocks = vec![heading(format!("{} {}", e.id, e.name), SUBHEADING_PT)];
        if !e.areas.is_empty() {
            blocks.push(labelled("Problemområde:", e.areas.join("; ")));
        }
        blocks.push(labelled("Senaste värde:", e.latest.clone()));
        blocks.push(labelled("Förändring:", e.change.clone()));
        blocks.push(labelled("Mot målet:", e.verdict.clone()));
        let values: Vec<String> = e
            .values
            .iter()
            .map(|v| match &v.source {
                Some(source) => format!("{}: {} ({source})", v.date.words(), v.value),
                None => format!("{}: {}", v.date.words(), v.value),
            })
            .collect();
        if !values.is_empty() {
            blocks.push(labelled("Kända värden:", values.join("; ")));
        }
        blocks.push(Block::Space(2.0));
        out.push(Block::KeepTogether(blocks));
    }
    out
}

fn overview(report: &Report) -> Vec<Block> {
    let (start, end) = report.period;
    let mut out = vec![
        paragraph(crate::format::list(&report.parties), Style::Bold),
        heading(format!("Lägesrapport – {}", report.title), TITLE_PT),
        paragraph(
            format!(
                "Läget per {}. Medborgarlöftet gäller {start} – {end}.",
                report.as_of
            ),
            Style::Bold,
        ),
        paragraph(report.roles_words(), Style::Regular),
        paragraph(
            format!(
                "Här berättar parterna hur arbetet med löftet går: vad som lovades, vad som \
                 har gjorts och hur uppföljningsmötena har bedömt varje åtagande – även det \
                 som inte har gått som planerat.{}",
                report.told_by()
            ),
            Style::Regular,
        ),
        heading("Problemområden", HEADING_PT),
    ];
    for area in &report.areas {
        let focus = if area.focus { " (fokusområde)" } else { "" };
        out.push(Block::Item {
            marker: format!("{}.", area.number),
            text: format!("{}{focus}", area.title),
        });
    }
    out.push(heading("Läget i korthet", HEADING_PT));
    let total: usize = report.measured_counts.iter().map(|(_, n)| n).sum();
    out.push(Block::Table {
        columns: vec![
            ("Rapporterat mot plan".into(), 0.5),
            ("Antal åtaganden".into(), 0.5),
        ],
        rows: report
            .measured_counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| vec![measured_words(*s), format!("{n} av {total}")])
            .collect(),
    });
    out.push(Block::Table {
        columns: vec![
            ("Senaste bedömning vid justerat möte".into(), 0.5),
            ("Antal åtaganden".into(), 0.5),
        ],
        rows: report
            .assessment_counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(a, n)| vec![assessment_label(*a), format!("{n} av {total}")])
            .collect(),
    });
    let bars: Vec<Bar> = report
        .commitments()
        .filter_map(|c| {
            let p = c.progress?;
            Some(Bar {
                label: c.id.to_string(),
                reported: share(p.reported),
                expected: p.expected.map(share),
                value: p.percent(),
            })
        })
        .collect();
    if !bars.is_empty() {
        out.push(Block::Bars {
            caption: format!(
                "Gjort av målet för hela perioden (mörk stapel; ljust fält = hela målet) och \
                 vad som borde vara gjort per {} (streck):",
                report.as_of
            ),
            bars,
        });
    }
    let without: Vec<String> = report
        .commitments()
        .filter(|c| c.progress.is_none())
        .map(|c| c.id.to_string())
        .collect();
    if !without.is_empty() {
        out.push(paragraph(
            format!(
                "Åtaganden utan ett mål i antal ({}) beskrivs i ord på följande sidor.",
                crate::format::list(&without)
            ),
            Style::Italic,
        ));
    }
    out
}

fn commitment(c: &PublicCommitment) -> Block {
    let mut out = vec![
        heading(c.id.to_string(), SUBHEADING_PT),
        paragraph(format!("”{}”", c.text), Style::Italic),
    ];
    for r in &c.reworded {
        out.push(labelled(&format!("{}:", r.label()), r.words()));
    }
    out.push(labelled("Ansvariga:", crate::format::list(&c.owners)));
    if let Some(lead) = &c.lead {
        out.push(labelled(&format!("{}:", roles::LEAD_LABEL), lead.clone()));
    }
    if !c.other_actors.is_empty() {
        out.push(labelled(
            &format!("{}:", roles::ALSO_LABEL),
            crate::format::list(&c.other_actors),
        ));
    }
    if !c.areas.is_empty() {
        out.push(labelled("Problemområden:", c.areas.join("; ")));
    }
    out.push(labelled("Gjort hittills:", c.done.clone()));
    for part in &c.parts {
        out.push(labelled("Del:", part));
    }
    for instead in &c.instead {
        out.push(labelled("I stället:", instead));
    }
    if let Some(places) = places_words(&c.places) {
        out.push(labelled("Platser:", places));
    }
    out.push(labelled("Mot plan:", c.against_plan()));
    match &c.assessment {
        Some(a) => {
            out.push(labelled(
                "Bedömning:",
                format!("{} (uppföljningsmötet {})", a.assessment, a.date),
            ));
            if let Some(reason) = &a.reason {
                out.push(labelled("Skäl:", reason.clone()));
            }
        }
        None => out.push(labelled(
            "Bedömning:",
            "ännu inte bedömt vid ett justerat uppföljningsmöte",
        )),
    }
    if let Some((date, reason)) = &c.dropped {
        let text = if reason.is_empty() {
            format!("från {}", date.words())
        } else {
            format!("från {}: {reason}", date.words())
        };
        out.push(labelled("Utgår:", text));
    }
    out.push(Block::Space(2.0));
    Block::KeepTogether(out)
}

fn next_steps(report: &Report) -> Vec<Block> {
    let mut out = vec![heading("Vad händer nu", HEADING_PT)];
    out.push(paragraph(
        match report.next_meeting {
            Some(date) => format!("Nästa uppföljningsmöte hålls {date}."),
            None => "Datum för nästa uppföljningsmöte är inte bestämt ännu.".to_owned(),
        },
        Style::Regular,
    ));
    if let Some(contact) = &report.contact {
        out.push(labelled("Kontakt:", contact.clone()));
    }
    let counts: usize = report.commitments().count();
    out.push(paragraph(
        format!(
            "Rapporten omfattar alla {} åtaganden i löftet. Siffrorna kommer från parternas \
             aktivitetsrapporter till och med {}; bedömningarna från justerade protokoll.",
            format::number(counts as f64),
            report.as_of
        ),
        Style::Italic,
    ));
    out
}

/// The report as PDF bytes. The report is guarded, and so is the printed
/// document made from it: the blocks add only fixed wording, but the PDF
/// writer takes nothing unguarded.
pub fn render(report: &Guarded<Report>) -> Result<Vec<u8>, ReportError> {
    let printed = Printed {
        info: DocInfo {
            title: format!("Lägesrapport – {} – {}", report.title, report.as_of),
            author: report.author(),
            draft: false,
            footer: format!("Lägesrapport per {}", report.as_of),
            initials: false,
            mark: None,
            // Published and kept: the report is archived as PDF/A.
            archival: true,
        },
        blocks: blocks(report),
    };
    let printed = crate::privacy::guard(printed, |_, leak| ReportError::PersonalData {
        field: "en text i rapporten".to_owned(),
        kind: leak.kind.to_string(),
    })?;
    let fonts = Fonts::load()?;
    Ok(minutes_pdf::write(
        &printed,
        &fonts,
        minutes_pdf::PdfA::WhenArchival,
    )?)
}
