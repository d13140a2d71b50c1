//! The status as an aligned, wrapped table for a terminal, Swedish headings.

use std::fmt::Write as _;

use textwrap::core::display_width;

use crate::format;
use crate::model::{Pledge, Target};
use crate::status::indicators::IndicatorStatus;
use crate::status::{
    CommitmentStatus, GroupTotals, MeasuredStatus, StatusReport, elapsed_days, words,
};

/// Column widths in terminal cells: id, commitment, target, reported, expected, status, last report.
const WIDTHS: [usize; 7] = [3, 40, 22, 22, 10, 17, 10];
const HEADINGS: [&str; 7] = [
    "Id",
    "Åtagande",
    "Mål",
    "Rapporterat",
    "Förväntat",
    "Mätt status",
    "Senaste",
];

fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(display_width(text));
    format!("{text}{}", " ".repeat(fill))
}

/// One table row from cells that may wrap onto several lines.
fn row(out: &mut String, cells: &[String; 7]) {
    let wrapped: Vec<Vec<String>> = cells
        .iter()
        .zip(WIDTHS)
        .map(|(cell, width)| {
            textwrap::wrap(cell, width)
                .into_iter()
                .map(std::borrow::Cow::into_owned)
                .collect()
        })
        .collect();
    let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    for line in 0..lines {
        let text: Vec<String> = wrapped
            .iter()
            .zip(WIDTHS)
            .map(|(cell, width)| pad(cell.get(line).map_or("", String::as_str), width))
            .collect();
        let _ = writeln!(out, "{}", text.join("  ").trim_end());
    }
}

fn target_text(target: Option<&Target>, s: &CommitmentStatus) -> String {
    words::target_with_window(target, s)
}

fn reported_text(s: &CommitmentStatus) -> String {
    if s.reports == 0 {
        return "–".to_owned();
    }
    if let Some(text) = words::without_number(s) {
        return text;
    }
    let unit = s.unit.as_deref().unwrap_or("rapporter");
    let amount = if s.unit.is_some() {
        format!(
            "{}{} {unit}",
            s.qualifier.prefix(),
            format::number(s.reported)
        )
    } else {
        words::reports_count(s.reports)
    };
    match s.percent_of_target() {
        Some(p) => format!("{amount} ({})", format::percent(p)),
        None => amount,
    }
}

fn totals(out: &mut String, heading: &str, groups: &[GroupTotals]) {
    let _ = writeln!(out, "{heading}");
    for g in groups {
        let statuses: Vec<String> = MeasuredStatus::ALL
            .iter()
            .zip(g.by_status)
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| format!("{s} {n}"))
            .collect();
        let _ = writeln!(
            out,
            "  {}: {} åtaganden, {} rapporter — {}",
            g.label,
            g.commitments,
            format::number(g.reports as f64),
            if statuses.is_empty() {
                "–".to_owned()
            } else {
                statuses.join(", ")
            }
        );
    }
}

/// Width the indicator lines wrap at, in terminal cells (the width of the
/// commitment table).
const INDICATOR_WIDTH: usize = 130;

/// The effect indicators, apart from the commitments and never summed with
/// them: per indicator its latest value, the change and the verdict.
fn indicators(out: &mut String, indicators: &[IndicatorStatus]) {
    if indicators.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\nEffektmått (hur problemen har förändrats; räknas inte ihop med åtagandena)"
    );
    let options = |indent: &'static str| {
        textwrap::Options::new(INDICATOR_WIDTH)
            .initial_indent(indent)
            .subsequent_indent("      ")
    };
    for i in indicators {
        let name = format!("{}  {} — {}", i.id, i.name, i.count_words());
        let _ = writeln!(out, "{}", textwrap::fill(&name, options("  ")));
        let value = format!("senaste: {}; {}", i.latest_words(), i.change_words());
        let _ = writeln!(out, "{}", textwrap::fill(&value, options("      ")));
        let _ = writeln!(
            out,
            "{}",
            textwrap::fill(&i.verdict_words(), options("      "))
        );
    }
}

/// Renders the whole status report.
pub fn render(pledge: &Pledge, report: &StatusReport) -> String {
    let mut out = String::new();
    let period = &pledge.period;
    let _ = writeln!(out, "{}", pledge.title);
    let _ = writeln!(
        out,
        "Period {} – {}, läget per {} (dag {} av {})",
        period.start,
        period.end,
        report.as_of,
        elapsed_days(period, report.as_of),
        period.days()
    );
    let counts: Vec<String> = MeasuredStatus::ALL
        .iter()
        .zip(report.counts())
        .filter(|(s, n)| *n > 0 || s.always_listed())
        .map(|(s, n)| format!("{} {s}: {n}", s.symbol()))
        .collect();
    let _ = writeln!(out, "{}\n", counts.join("   "));
    row(&mut out, &HEADINGS.map(str::to_owned));
    let rule: Vec<String> = WIDTHS.iter().map(|w| "─".repeat(*w)).collect();
    let _ = writeln!(out, "{}", rule.join("  "));
    for group in pledge.groups() {
        let _ = writeln!(out, "{}", group.title.to_uppercase());
        for c in group.commitments {
            let Some(s) = report.commitment(&c.id) else {
                continue;
            };
            row(
                &mut out,
                &[
                    c.id.to_string(),
                    pledge.wording_at(c, report.as_of).to_owned(),
                    target_text(pledge.target_at(c, report.as_of), s),
                    reported_text(s),
                    s.expected.map_or_else(|| "–".to_owned(), format::number),
                    words::status_with_symbol(s),
                    s.last_report
                        .map_or_else(|| "–".to_owned(), |d| d.to_string()),
                ],
            );
        }
        out.push('\n');
    }
    totals(&mut out, "Per part", &report.by_party);
    totals(&mut out, "Per problemområde", &report.by_area);
    indicators(
        &mut out,
        &crate::status::indicators::compute(pledge, report.as_of),
    );
    out
}
