//! The public progress report from the CLI, in both formats: content read
//! back (PDF text through printpdf's parser, HTML through an XML parser),
//! what must never be published, refusals and exit codes. Poppler's view of
//! the PDF sits behind the `system-tests` feature.

use std::collections::BTreeSet;
use std::path::Path;

use medborgarlofte::model::Date;
use medborgarlofte::model::meeting::ItemKind;
use medborgarlofte::report::{self, Format};
use medborgarlofte::{sample, store, synthetic};
use predicates::prelude::*;

mod common;
use common::{bin, copy, with_roles};

fn pdf_text(pdf: &[u8]) -> String {
    common::pdf_pages(pdf).join("\n")
}

/// Writes the report of the sample copy in `dir` and returns its bytes.
fn write_report(dir: &Path, as_of: &str, file: &str) -> Vec<u8> {
    let out = dir.join(file);
    bin()
        .arg("report")
        .arg(dir)
        .args(["--as-of", as_of, "-o"])
        .arg(&out)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(format!(
            "Lägesrapporten per {as_of} skrevs till"
        )));
    std::fs::read(&out).expect("the report was written")
}

/// Every text of the sample meetings that must stay internal: names,
/// discussion, decisions, action items and their notes, meeting places.
fn internal_texts() -> BTreeSet<String> {
    let loaded = store::load(
        sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let mut out = BTreeSet::new();
    for m in &loaded.meetings {
        out.insert(m.place.clone());
        for p in &m.participants {
            out.insert(p.name.clone());
        }
        for item in &m.items {
            out.insert(item.discussion.clone());
            out.extend(item.decisions.iter().cloned());
            if let ItemKind::Annat(title) = &item.kind {
                out.insert(title.clone());
            }
        }
        for a in &m.actions {
            out.insert(a.text.clone());
            out.insert(a.responsible.clone());
        }
        out.extend(m.action_updates.iter().filter_map(|u| u.note.clone()));
    }
    for file in &loaded.activities {
        out.extend(file.entries.iter().filter_map(|e| e.note.clone()));
        out.extend(file.note.clone());
    }
    // A discussion may repeat the recorded reason, which is public.
    let reasons: BTreeSet<String> = loaded
        .meetings
        .iter()
        .flat_map(medborgarlofte::model::meeting::Meeting::reviews)
        .filter_map(|r| r.reason.clone())
        .collect();
    out.retain(|t| t.trim().len() >= 8 && !reasons.contains(t));
    out
}

fn sample_commitments() -> Vec<String> {
    let loaded = store::load(
        sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    loaded
        .pledge
        .expect("pledge")
        .commitments
        .iter()
        .map(|c| c.id.to_string())
        .collect()
}

#[test]
fn the_pdf_tells_every_commitment_with_reasons_and_nothing_internal() {
    let dir = copy();
    let text = pdf_text(&write_report(dir.path(), "2017-09-30", "r.pdf"));
    assert!(
        text.contains("Lägesrapport – Medborgarlöften Karlstad"),
        "{text}"
    );
    assert!(text.contains("Läget per 2017-09-30"));
    assert!(text.contains("Problemområden"));
    assert!(text.contains("(fokusområde)"));
    assert!(text.contains("Läget i korthet"));
    for id in sample_commitments() {
        assert!(
            text.lines().any(|l| l.trim() == id),
            "commitment {id} has its heading"
        );
    }
    // K4 was not done; its reason is told, as recorded.
    assert!(text.contains("ej genomförd"));
    assert!(text.contains("Ingen kursledare fanns att tillgå"));
    // P2 is behind, and says why.
    assert!(text.contains("underrättelseläget medgav inte fler"));
    assert!(text.contains("Kontakt:"));
    assert!(text.contains("Polisen 114 14"));
    // Swedish numbers: "1 043 timmar", "58 %".
    assert!(text.contains("\u{a0}%"), "a no-break space before %");
    assert!(!text.contains("%)%"));
    for internal in internal_texts() {
        assert!(
            !text.contains(&internal),
            "internal text leaked: {internal}"
        );
    }
    // No lines for initials: this is not minutes.
    assert!(!text.contains("Justerandes signatur"));
}

/// The HTML parsed as XML: well-formed, lang="sv", headings in order,
/// tables with header cells, the chart with a text alternative.
#[test]
fn the_html_is_well_formed_accessible_and_complete() {
    let dir = copy();
    let bytes = write_report(dir.path(), "2017-03-31", "r.html");
    let html = String::from_utf8(bytes).expect("utf-8");
    assert!(html.starts_with("<!DOCTYPE html>"));
    let doc = roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        },
    )
    .expect("well-formed");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "html");
    assert_eq!(root.attribute("lang"), Some("sv"));
    let elements: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(roxmltree::Node::is_element)
        .collect();
    let named = |name: &str| {
        elements
            .iter()
            .filter(|n| n.tag_name().name() == name)
            .copied()
            .collect::<Vec<_>>()
    };
    let text_of = |n: &roxmltree::Node| {
        n.descendants()
            .filter(roxmltree::Node::is_text)
            .filter_map(|d| d.text())
            .collect::<String>()
    };
    // Headings: one h1 first, and never a skipped level.
    let levels: Vec<u8> = elements
        .iter()
        .filter_map(|n| match n.tag_name().name() {
            "h1" => Some(1),
            "h2" => Some(2),
            "h3" => Some(3),
            "h4" => Some(4),
            _ => None,
        })
        .collect();
    assert_eq!(levels.first(), Some(&1));
    assert_eq!(levels.iter().skip(1).find(|l| **l == 1), None, "one h1");
    assert!(levels.windows(2).all(|w| w[1] <= w[0] + 1), "{levels:?}");
    // Tables: a caption, column headers with scope, row headers.
    let tables = named("table");
    assert!(tables.len() >= 3);
    for table in &tables {
        let cells: Vec<_> = table
            .descendants()
            .filter(roxmltree::Node::is_element)
            .collect();
        assert!(cells.iter().any(|c| c.tag_name().name() == "caption"));
        let headers: Vec<_> = cells
            .iter()
            .filter(|c| c.tag_name().name() == "th")
            .collect();
        assert!(headers.iter().any(|h| h.attribute("scope") == Some("col")));
        assert!(headers.iter().all(|h| h.attribute("scope").is_some()));
    }
    // The chart is an image labelled by its title, and its figures are in
    // a table.
    let chart: Vec<_> = elements
        .iter()
        .filter(|n| n.attribute("class") == Some("chart"))
        .collect();
    assert_eq!(chart.len(), 1);
    assert_eq!(chart[0].attribute("role"), Some("img"));
    let title = chart[0].attribute("aria-labelledby").expect("labelled");
    let label = elements
        .iter()
        .find(|n| n.attribute("id") == Some(title))
        .expect("the label");
    assert!(text_of(label).starts_with("Gjort av målet per åtagande, per"));
    // Every commitment is an article with its heading.
    let articles = named("article");
    let ids: Vec<&str> = articles.iter().filter_map(|a| a.attribute("id")).collect();
    assert_eq!(ids, sample_commitments());
    let all_text = text_of(&root);
    assert!(all_text.contains("Läget per 2017-03-31"));
    assert!(all_text.contains("Nästa uppföljningsmöte hålls 2017-06-15"));
    assert!(all_text.contains("Vakansen tillsattes först i februari"));
    assert!(all_text.contains("Polisen 114 14"));
    for internal in internal_texts() {
        assert!(
            !html.contains(&internal),
            "internal text leaked: {internal}"
        );
    }
    // Readable on a phone: a viewport and no external resources.
    assert!(html.contains("name=\"viewport\""));
    assert!(!html.contains("src=\"http"));
    assert!(!html.contains("href=\"http"));
}

#[test]
fn large_numbers_are_written_the_swedish_way() {
    let (pledge, files) = synthetic::generate(synthetic::Size {
        commitments: 12,
        activities: 20_000,
        files: 2,
        seed: 7,
    });
    let as_of = pledge.period.end;
    let selected = report::select(&pledge, &files, &[], as_of);
    let html =
        String::from_utf8(report::render(&selected, Format::Html).expect("html")).expect("utf-8");
    // Some figure has thousands: "1 234", never "1234" or "1,234".
    let has_grouped = html
        .as_bytes()
        .windows(5)
        .any(|w| w[0].is_ascii_digit() && w[1] == b' ' && w[2..].iter().all(u8::is_ascii_digit));
    assert!(has_grouped, "a number with a space as thousands separator");
    assert!(!html.contains("1,0 %"));
    assert!(html.contains(" %"));
    let pdf = report::render(&selected, Format::Pdf).expect("pdf");
    let text = pdf_text(&pdf);
    assert!(text.lines().any(|l| l.contains(" av ") && l.contains('%')));
}

#[test]
fn the_default_file_is_named_by_date_in_the_folder() {
    let dir = copy();
    bin()
        .arg("report")
        .arg(dir.path())
        .args(["--as-of", "2017-06-30", "--format", "html"])
        .assert()
        .code(0);
    let written = dir.path().join("lagesrapport-2017-06-30.html");
    let html = std::fs::read_to_string(written).expect("written");
    assert!(html.contains("Läget per <time datetime=\"2017-06-30\">2017-06-30</time>"));
}

#[test]
fn a_personnummer_in_a_place_refuses_the_report_and_writes_nothing() {
    let dir = copy();
    let file = dir.path().join("activities").join("kommunen.ron");
    let text = std::fs::read_to_string(&file).expect("read");
    let changed = text.replacen(
        "place: \"Herrhagen\"",
        "place: \"Herrhagen 19811218-9876\"",
        1,
    );
    assert_ne!(changed, text);
    std::fs::write(&file, changed).expect("write");
    let out = dir.path().join("r.pdf");
    bin()
        .arg("report")
        .arg(dir.path())
        .args(["--as-of", "2017-09-30", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("lägesrapporten skrivs inte"))
        .stderr(predicate::str::contains("personnummer"));
    assert!(!out.exists());
}

#[test]
fn broken_files_or_an_unknown_format_are_refused() {
    let dir = copy();
    bin()
        .arg("report")
        .arg(dir.path())
        .args(["-o"])
        .arg(dir.path().join("r.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format pdf"));
    let file = dir.path().join("activities").join("polisen.ron");
    std::fs::write(&file, "(version: 1, entries: [(").expect("write");
    bin()
        .arg("report")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("polisen.ron:1:"))
        .stderr(predicate::str::contains("lägesrapporten skrivs inte"));
    assert!(
        std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(Result::ok)
            .all(|e| !e.file_name().to_string_lossy().starts_with("lagesrapport"))
    );
}

#[cfg(feature = "system-tests")]
#[test]
fn poppler_reads_the_report_with_embedded_fonts() {
    let dir = copy();
    let pdf = dir.path().join("r.pdf");
    write_report(dir.path(), "2017-03-31", "r.pdf");
    let text = common::poppler("pdftotext", &[Path::new("-layout"), &pdf, Path::new("-")]);
    for needle in [
        "Lägesrapport – Medborgarlöften Karlstad",
        "Läget per 2017-03-31",
        "Gemensamma åtaganden",
        "Vakansen tillsattes först i februari",
        "Nästa uppföljningsmöte hålls 2017-06-15",
        "Sida 1 av",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    // The overview is one page: the first commitment starts on page 2.
    let first_page = text.split('\u{c}').next().unwrap_or_default();
    assert!(first_page.contains("Läget i korthet"));
    assert!(!first_page.contains("Gemensamma åtaganden"));
    common::assert_fonts_embedded_on_a4(&pdf);
}

/// axe-core (WCAG 2.1 A/AA and best practices) in headless Chromium finds
/// nothing in the HTML report, at desktop and phone widths. `.ci/run`
/// installs Chromium and `tests/a11y`'s pinned npm packages.
#[cfg(feature = "system-tests")]
#[test]
fn axe_finds_no_accessibility_violations_in_the_html() {
    let dir = copy();
    write_report(dir.path(), "2017-09-30", "r.html");
    for width in ["1280", "390"] {
        let result = common::axe(&dir.path().join("r.html"), width, "report");
        // The chart's labels keep a readable size on a phone too.
        let layout = &result["layout"];
        assert!(layout["chartLabels"].as_u64() >= Some(2), "{layout}");
        let smallest = layout["smallestChartLabelPx"].as_f64().expect("label size");
        assert!(
            smallest >= 14.0,
            "chart labels of {smallest} px at {width} px"
        );
    }
}

/// The signatories apart from those who only carry out work, and a
/// commitment's lead and other actors, in both formats.
#[test]
fn the_report_names_who_signed_apart_from_who_also_carries_out_the_work() {
    let mut loaded = store::load(
        sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let pledge = loaded.pledge.as_mut().expect("pledge");
    with_roles(pledge);
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let as_of = Date::from_ymd(2017, 3, 31).expect("date");
    let selected = report::select(pledge, &loaded.activities, &loaded.meetings, as_of);
    assert_eq!(selected.parties, ["LPO Karlstad", "Karlstads kommun"]);
    let roles = "Undertecknat av LPO Karlstad och Karlstads kommun (2016-09-15). \
                 Genomförs också av Bostadsbolaget.";

    let html =
        String::from_utf8(report::render(&selected, Format::Html).expect("html")).expect("utf-8");
    assert!(
        html.contains("<p class=\"parties\">LPO Karlstad och Karlstads kommun</p>"),
        "the letterhead names the signatories only"
    );
    assert!(html.contains(&format!("<p>{roles}</p>")), "{html}");
    assert!(html.contains("<dt>Leds av</dt><dd>Karlstads kommun</dd>"));
    assert!(html.contains(
        "<dt>Genomförs också av</dt><dd>Räddningstjänsten och Länsstyrelsen Värmland</dd>"
    ));

    let text = pdf_text(&report::render(&selected, Format::Pdf).expect("pdf"));
    let first = text.lines().next().unwrap_or_default();
    assert_eq!(first, "LPO Karlstad och Karlstads kommun");
    let flat = text.replace('\n', " ");
    assert!(flat.contains(roles), "{text}");
    assert!(flat.contains("Leds av: Karlstads kommun"), "{text}");
    assert!(
        flat.contains("Genomförs också av: Räddningstjänsten och Länsstyrelsen Värmland"),
        "{text}"
    );
}

#[test]
fn the_sample_report_says_who_signed() {
    let dir = copy();
    let text = pdf_text(&write_report(dir.path(), "2017-03-31", "r.pdf"));
    assert!(
        text.replace('\n', " ")
            .contains("Undertecknat av LPO Karlstad och Karlstads kommun."),
        "{text}"
    );
    assert!(!text.contains("Genomförs också av"), "everyone signed");
}

#[test]
fn both_formats_ask_whether_the_problems_decreased() {
    let dir = copy();
    // PDF text wraps: read it as one line.
    let pdf = pdf_text(&write_report(dir.path(), "2017-09-30", "r.pdf")).replace('\n', " ");
    let html = String::from_utf8(write_report(dir.path(), "2017-09-30", "r.html")).expect("utf-8");
    let doc = roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        },
    )
    .expect("well-formed");
    let section = doc
        .descendants()
        .find(|n| n.attribute("aria-labelledby") == Some("effekter"))
        .expect("the effects section");
    let html_text: String = section
        .descendants()
        .filter(roxmltree::Node::is_text)
        .filter_map(|d| d.text())
        .collect::<Vec<_>>()
        .join(" ");
    for needle in [
        "Har problemen minskat?",
        "de räknas inte ihop med åtagandena",
        "I1 Polisanmälda misshandelsbrott utomhus i centrala Karlstad",
        "187 anmälningar (2017-09-30)",
        "har minskat med 25 anmälningar (12\u{a0}%) sedan 2016-09-30",
        "ska minska: ● går åt rätt håll",
        "ca 28\u{a0}% (2017-05-31)",
        "har minskat med ca 3 procentenheter sedan 2016-05-31",
        "mål 20\u{a0}%: ● går åt rätt håll",
        "har minskat enligt polisens lägesbild (2017-03-31)",
        "ska minska: ? kan inte bedömas",
        "Syntetiskt exempel",
    ] {
        assert!(pdf.contains(needle), "PDF: {needle:?} missing in\n{pdf}");
        assert!(
            html_text.contains(needle),
            "HTML: {needle:?} missing in\n{html_text}"
        );
    }
    // The known values are a table with a caption and header cells.
    let captions: Vec<String> = section
        .descendants()
        .filter(|n| n.tag_name().name() == "caption")
        .filter_map(|n| n.text().map(ToOwned::to_owned))
        .collect();
    assert_eq!(
        captions,
        [
            "Kända värden för I1",
            "Kända värden för I2",
            "Kända värden för I3"
        ]
    );
    // Earlier, a value not known yet is not published.
    let march = pdf_text(&write_report(dir.path(), "2017-03-31", "m.pdf")).replace('\n', " ");
    assert!(march.contains("Har problemen minskat?"), "{march}");
    assert!(!march.contains("187 anmälningar"), "{march}");
    assert!(
        march.contains("inget tidigare värde att jämföra med"),
        "{march}"
    );
}

/// The sample's report per 2017-09-30, as PDF.
fn september_report_pdf() -> Vec<u8> {
    let loaded = store::load(
        sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let as_of = Date::from_ymd(2017, 9, 30).expect("date");
    let selected = report::select(pledge, &loaded.activities, &loaded.meetings, as_of);
    report::render(&selected, Format::Pdf).expect("pdf")
}

/// The report is a tagged PDF too: one H1 and no skipped heading level, the
/// overview tables with header cells, and the chart as a figure with its
/// figures in words.
#[test]
fn the_report_pdf_is_tagged_with_headings_tables_and_a_described_chart() {
    let pdf = september_report_pdf();
    let (doc, elements) = common::structure_of(&pdf);
    let lang = doc
        .catalog()
        .and_then(|c| c.get(b"Lang"))
        .and_then(lopdf::Object::as_str)
        .expect("Lang");
    assert_eq!(lang, b"sv-SE");
    let names: Vec<&str> = elements.iter().map(|(s, _, _)| s.as_str()).collect();
    assert_eq!(names.iter().filter(|n| **n == "H1").count(), 1, "{names:?}");
    let mut last = 0;
    for level in names
        .iter()
        .filter_map(|n| n.strip_prefix('H').and_then(|l| l.parse::<u8>().ok()))
    {
        assert!(level <= last + 1, "H{last} then H{level}");
        last = level;
    }
    for t in (0..names.len()).filter(|&i| names[i] == "Table") {
        assert_eq!(&names[t + 1..t + 3], ["TR", "TH"], "{names:?}");
    }
    let alt = elements
        .iter()
        .find(|(s, _, _)| s == "Figure")
        .and_then(|(_, alt, _)| alt.clone())
        .expect("the chart has its figures in words");
    assert!(alt.contains("G1 225\u{a0}%"), "{alt}");
}

/// The report is published and kept: it is PDF/A-2u, with metadata that
/// agrees with its Info dictionary and an sRGB output intent.
#[test]
fn the_report_pdf_is_pdf_a_2u() {
    let pdf = september_report_pdf();
    common::assert_pdf_a_2u(
        &pdf,
        "Lägesrapport – Medborgarlöften Karlstad 2016–2017 – 2017-09-30",
    );
}
