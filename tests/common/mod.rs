//! Helpers shared by the CLI, minutes, report and import tests: the binary,
//! a writable copy of the sample, and poppler's view of a PDF.

// Each test crate uses a part of this module.
#![allow(dead_code)]

pub mod wine;

use std::path::Path;

use assert_cmd::Command;
use medborgarlofte::workspace::copy_sample_to;

/// The `medborgarlofte` binary, without a backtrace setting from outside.
///
/// `MEDBORGARLOFTE_BIN` names another build of it: worktrees that share one
/// target dir overwrite each other's `target/debug/medborgarlofte`, and
/// cargo sets `CARGO_BIN_EXE_medborgarlofte` to that shared path.
pub fn bin() -> Command {
    let mut cmd = Command::new(bin_path());
    cmd.env_remove("RUST_BACKTRACE");
    cmd
}

/// The path of the binary [`bin`] runs.
pub fn bin_path() -> std::path::PathBuf {
    std::env::var_os("MEDBORGARLOFTE_BIN").map_or_else(
        || assert_cmd::cargo::cargo_bin("medborgarlofte"),
        std::path::PathBuf::from,
    )
}

/// A writable copy of the whole sample (pledge, activities, meetings).
pub fn copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_sample_to(dir.path()).expect("copy");
    dir
}

/// `medborgarlofte status PATH --as-of AS_OF --format json`, parsed; the
/// command must succeed.
pub fn status_json(path: &Path, as_of: &str) -> serde_json::Value {
    let out = bin()
        .arg("status")
        .arg(path)
        .args(["--as-of", as_of, "--format", "json"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "status exits 0");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The text of each page of a PDF, read with printpdf's own parser (no
/// system tools): words of a line joined by spaces, lines by newlines.
pub fn pdf_pages(pdf: &[u8]) -> Vec<String> {
    let mut warnings = Vec::new();
    let doc =
        printpdf::PdfDocument::parse(pdf, &printpdf::PdfParseOptions::default(), &mut warnings)
            .expect("the PDF parses");
    doc.extract_text_boxes()
        .into_iter()
        .map(|page| {
            page.lines
                .iter()
                .map(|l| {
                    l.words
                        .iter()
                        .map(|w| w.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

/// Runs a poppler tool and returns its standard output.
pub fn poppler(cmd: &str, args: &[&Path]) -> String {
    let out = std::process::Command::new(cmd)
        .args(args)
        .output()
        .expect("poppler-utils installed");
    assert!(out.status.success(), "{cmd}");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Every font of the PDF is embedded, subset and has a Unicode map, and the
/// page size is A4 (poppler's `pdffonts` and `pdfinfo`).
pub fn assert_fonts_embedded_on_a4(pdf: &Path) {
    let fonts = poppler("pdffonts", &[pdf]);
    for line in fonts.lines().skip(2) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert!(cols.len() >= 7, "{line}");
        assert_eq!(
            &cols[cols.len() - 5..cols.len() - 2],
            ["yes", "yes", "yes"],
            "embedded, subset, unicode: {line}"
        );
    }
    assert!(poppler("pdfinfo", &[pdf]).contains("(A4)"));
}

/// Every file under `dir` (recursively, symlinks not followed) with its
/// bytes, to assert that a refused command left the folder as it was.
pub fn files(dir: &Path) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).expect("readable folder") {
            let path = entry.expect("entry").path();
            let kind = std::fs::symlink_metadata(&path).expect("meta").file_type();
            if kind.is_dir() {
                todo.push(path);
            } else if kind.is_file() {
                out.insert(path.clone(), std::fs::read(&path).expect("readable"));
            } else if kind.is_symlink() {
                let target = std::fs::read_link(&path).expect("link");
                out.insert(path, target.to_string_lossy().as_bytes().to_vec());
            }
        }
    }
    out
}

/// The sample's pledge with roles to tell apart: signed on 2016-09-15 by
/// the police and the municipality, a housing company taking part without
/// signing, and G1 led by the municipality with two other actors.
pub fn with_roles(pledge: &mut medborgarlofte::model::Pledge) {
    use medborgarlofte::model::{Party, PartyId, PartyKind};
    pledge.parties.push(Party {
        id: PartyId::new("bostaden"),
        name: "Bostadsbolaget".into(),
        kind: PartyKind::Bostadsbolag,
        signed: false,
    });
    pledge.period.signed = Some("2016-09-15".parse().expect("valid date"));
    let g1 = pledge
        .commitments
        .iter_mut()
        .find(|c| c.id.as_str() == "G1")
        .expect("G1");
    g1.lead = Some(PartyId::new("karlstads-kommun"));
    g1.other_actors = vec!["Räddningstjänsten".into(), "Länsstyrelsen Värmland".into()];
}

/// A copy of the sample as it stood in early June 2017, with the June
/// meeting prepared ahead: the June and September meetings not held yet,
/// and `meetings/2017-06-15.ron` a draft made as the app makes one
/// (`Meeting::after`: the standard agenda, March's participants, the
/// actions still open), with its time set and Maria Ek excused. Returns
/// the copy and the draft's path.
pub fn prepared_june() -> (tempfile::TempDir, std::path::PathBuf) {
    use medborgarlofte::model::meeting::{ClockTime, Meeting};
    let dir = copy();
    let meetings = dir.path().join("meetings");
    for later in ["2017-06-15.ron", "2017-09-28.ron"] {
        std::fs::remove_file(meetings.join(later)).expect("remove a later meeting");
    }
    let inputs = medborgarlofte::store::Inputs::open(dir.path(), &[]).expect("opens");
    let loaded = medborgarlofte::store::load(inputs, "2017-06-01".parse().expect("date"));
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let date = "2017-06-15".parse().expect("date");
    let mut draft = Meeting::after(pledge, &loaded.meetings, date, "Uppföljningsmöte 3".into());
    draft.start = ClockTime::new(13, 0);
    draft.end = ClockTime::new(15, 0);
    for p in &mut draft.participants {
        p.excused = p.name == "Maria Ek";
    }
    let path = meetings.join("2017-06-15.ron");
    let text = medborgarlofte::store::meeting_to_ron(&draft).expect("serialises");
    std::fs::write(&path, text).expect("write the draft");
    (dir, path)
}

/// A justerat sample meeting's text as if it had only been concluded
/// (`Avslutat`, no fingerprint): for tests that edit its content to see
/// what the minutes do with it, which a justerat meeting would refuse as
/// changed after the justering.
pub fn unjusterat(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_fingerprint = false;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "    fingerprint: (" {
            in_fingerprint = true;
        } else if in_fingerprint {
            in_fingerprint = bare != "    ),";
        } else {
            out.push_str(line);
        }
    }
    assert!(out.contains("state: Justerat,"), "a justerat meeting");
    out.replacen("state: Justerat,", "state: Avslutat,", 1)
}

/// axe-core (WCAG 2.1 A/AA and best practices) on the web page `page` in
/// headless Chromium at `width` px: asserts no violations, at least 30
/// rules checked, and a page that never scrolls sideways. The screenshot
/// stays in the target dir as `{name}-{width}.png`, to look at. Returns
/// check.js's result for further checks. `.ci/run` installs Chromium and
/// `tests/a11y`'s pinned npm packages.
pub fn axe(page: &Path, width: &str, name: &str) -> serde_json::Value {
    let a11y = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/a11y");
    assert!(
        a11y.join("node_modules/axe-core").is_dir(),
        "run `npm ci --prefix tests/a11y` (as .ci/run does) and install chromium"
    );
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{width}.png"));
    let out = std::process::Command::new("node")
        .arg(a11y.join("check.js"))
        .arg(page)
        .arg(width)
        .arg(&shot)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "axe did not run: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON from axe");
    assert_eq!(
        result["violations"],
        serde_json::json!([]),
        "axe {} at {width} px on {name}",
        result["axe"]
    );
    let passes = result["passes"].as_u64().unwrap_or_default();
    assert!(
        passes >= 30,
        "axe checked {passes} rules only at {width} px"
    );
    let layout = &result["layout"];
    let viewport = layout["viewportWidth"].as_u64().expect("viewport width");
    assert_eq!(viewport.to_string(), width);
    assert!(
        layout["scrollWidth"].as_u64().expect("scroll width") <= viewport,
        "{name} scrolls sideways at {width} px: {layout}"
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG"), "a PNG at {width} px");
    result
}

/// The structure tree of a tagged PDF, as a screen reader reads it: each
/// element's type in document order, its alternative text and its depth.
pub fn structure_of(pdf: &[u8]) -> (lopdf::Document, Vec<(String, Option<String>, usize)>) {
    use lopdf::Object;
    let doc = lopdf::Document::load_mem(pdf).expect("the PDF parses");
    let catalog = doc.catalog().expect("a catalog");
    let root = catalog
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .expect("a structure tree");
    let mut out = Vec::new();
    // (element, depth); children in order.
    let mut stack = vec![(root, 0usize)];
    while let Some((id, depth)) = stack.pop() {
        let dict = doc.get_dictionary(id).expect("an element");
        if let Ok(s) = dict.get(b"S").and_then(Object::as_name) {
            let alt = dict
                .get(b"Alt")
                .ok()
                .and_then(|a| lopdf::decode_text_string(a).ok());
            out.push((String::from_utf8_lossy(s).into_owned(), alt, depth));
        }
        let kids: Vec<lopdf::ObjectId> = match dict.get(b"K") {
            Ok(Object::Array(items)) => {
                items.iter().filter_map(|k| k.as_reference().ok()).collect()
            }
            Ok(Object::Reference(r)) => vec![*r],
            _ => Vec::new(),
        };
        for kid in kids.into_iter().rev() {
            stack.push((kid, depth + 1));
        }
    }
    (doc, out)
}
