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

/// What a PDF says of itself: its XMP packet and what that claims, its
/// Info dictionary, its output intents and its file identifier.
pub struct Identification {
    /// The XMP packet, as stored (PDF/A: no filter).
    pub xmp: String,
    /// `pdfaid:part` and `pdfaid:conformance`, when it claims PDF/A.
    pub pdfa: Option<(String, String)>,
    /// `pdfuaid:part`, when it claims PDF/UA.
    pub pdfua: Option<String>,
    /// `dc:title`, `dc:creator`, `xmp:CreatorTool`, `pdf:Producer` and
    /// `xmp:CreateDate`.
    pub xmp_facts: [Option<String>; 5],
    /// The Info dictionary, every entry decoded as text.
    pub info: std::collections::BTreeMap<String, String>,
    /// Each output intent's `/S` and its profile's bytes.
    pub intents: Vec<(String, Vec<u8>)>,
    /// The trailer's `/ID` strings.
    pub id: Vec<Vec<u8>>,
}

const PDFAID: &str = "http://www.aiim.org/pdfa/ns/id/";
const DC: &str = "http://purl.org/dc/elements/1.1/";
const XMP: &str = "http://ns.adobe.com/xap/1.0/";

/// The stream that `dict`'s `key` refers to.
fn stream_at<'d>(
    doc: &'d lopdf::Document,
    dict: &lopdf::Dictionary,
    key: &[u8],
) -> lopdf::Result<&'d lopdf::Stream> {
    dict.get(key)
        .and_then(lopdf::Object::as_reference)
        .and_then(|r| doc.get_object(r))
        .and_then(lopdf::Object::as_stream)
}

/// Reads [`Identification`] with lopdf and roxmltree; panics when the
/// metadata is missing, filtered or not well-formed XML.
pub fn identification(pdf: &[u8]) -> Identification {
    use lopdf::Object;
    let doc = lopdf::Document::load_mem(pdf).expect("the PDF parses");
    let catalog = doc.catalog().expect("a catalog");
    let stream = stream_at(&doc, catalog, b"Metadata").expect("a metadata stream");
    assert!(
        stream.dict.get(b"Filter").is_err(),
        "the metadata is not compressed"
    );
    let xmp = String::from_utf8(stream.content.clone()).expect("UTF-8 XMP");
    let parsed = roxmltree::Document::parse(&xmp).expect("well-formed XMP");
    let text_of = |ns: &str, name: &str| {
        parsed
            .descendants()
            .find(|n| n.has_tag_name((ns, name)))
            .map(|n| {
                n.descendants()
                    .filter(roxmltree::Node::is_text)
                    .filter_map(|t| t.text())
                    .collect::<String>()
                    .trim()
                    .to_owned()
            })
    };
    let pdfa = text_of(PDFAID, "part").map(|part| {
        (
            part,
            text_of(PDFAID, "conformance").expect("a PDF/A conformance level"),
        )
    });
    let ua = text_of("http://www.aiim.org/pdfua/ns/id/", "part");
    let xmp_facts = [
        text_of(DC, "title"),
        text_of(DC, "creator"),
        text_of(XMP, "CreatorTool"),
        text_of("http://ns.adobe.com/pdf/1.3/", "Producer"),
        text_of(XMP, "CreateDate"),
    ];
    let info_dict = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .and_then(|r| doc.get_dictionary(r))
        .expect("an Info dictionary");
    let info = info_dict
        .iter()
        .map(|(k, v)| {
            let value = lopdf::decode_text_string(v)
                .or_else(|_| v.as_name().map(|n| String::from_utf8_lossy(n).into_owned()))
                .unwrap_or_else(|_| format!("{v:?}"));
            (String::from_utf8_lossy(k).into_owned(), value)
        })
        .collect();
    let intents = output_intents(&doc);
    let id = doc
        .trailer
        .get(b"ID")
        .and_then(Object::as_array)
        .map(|ids| {
            ids.iter()
                .filter_map(|s| s.as_str().ok().map(<[u8]>::to_vec))
                .collect()
        })
        .unwrap_or_default();
    Identification {
        xmp,
        pdfa,
        pdfua: ua,
        xmp_facts,
        info,
        intents,
        id,
    }
}

/// Each output intent's `/S` and its profile's bytes.
fn output_intents(doc: &lopdf::Document) -> Vec<(String, Vec<u8>)> {
    use lopdf::Object;
    let catalog = doc.catalog().expect("a catalog");
    catalog
        .get(b"OutputIntents")
        .and_then(Object::as_array)
        .map(|list| {
            list.iter()
                .map(|i| {
                    let i = match i {
                        Object::Reference(r) => doc.get_dictionary(*r).expect("an intent"),
                        other => other.as_dict().expect("an intent"),
                    };
                    let s = i.get(b"S").and_then(Object::as_name).expect("/S");
                    let profile = stream_at(doc, i, b"DestOutputProfile")
                        .expect("DestOutputProfile (the PDF/A key)");
                    let bytes = profile
                        .decompressed_content()
                        .unwrap_or_else(|_| profile.content.clone());
                    (String::from_utf8_lossy(s).into_owned(), bytes)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Asserts what PDF/A-2u asks of the metadata, and that it agrees with
/// the Info dictionary: claimed part 2 level U and PDF/UA-1, one sRGB
/// output intent, the Info entries exactly those the XMP mirrors, and a
/// file identifier.
pub fn assert_pdf_a_2u(pdf: &[u8], title: &str) {
    let id = identification(pdf);
    assert_eq!(
        id.pdfa,
        Some(("2".to_owned(), "U".to_owned())),
        "{}",
        id.xmp
    );
    assert_eq!(id.pdfua.as_deref(), Some("1"));
    assert_eq!(id.intents.len(), 1);
    let (subtype, profile) = &id.intents[0];
    assert_eq!(subtype, "GTS_PDFA1");
    assert_eq!(&profile[12..20], b"mntrRGB ", "an RGB display profile");
    let keys: Vec<&str> = id.info.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "Author",
            "CreationDate",
            "Creator",
            "ModDate",
            "Producer",
            "Title"
        ]
    );
    let [xmp_title, xmp_author, tool, producer, created] = &id.xmp_facts;
    assert_eq!(xmp_title.as_deref(), Some(title));
    assert_eq!(id.info.get("Title").map(String::as_str), Some(title));
    assert_eq!(xmp_author.as_ref(), id.info.get("Author"));
    assert_eq!(tool.as_ref(), id.info.get("Creator"));
    assert_eq!(producer.as_ref(), id.info.get("Producer"));
    // D:20170320084640+00'00' is 2017-03-20T08:46:40+00:00.
    let info_date = id.info.get("CreationDate").expect("CreationDate");
    let d = info_date.trim_start_matches("D:");
    let as_xmp = format!(
        "{}-{}-{}T{}:{}:{}+00:00",
        &d[0..4],
        &d[4..6],
        &d[6..8],
        &d[8..10],
        &d[10..12],
        &d[12..14]
    );
    assert_eq!(created.as_deref(), Some(as_xmp.as_str()));
    assert_eq!(id.id.len(), 2);
    assert!(id.id.iter().all(|s| s.len() == 16), "{:?}", id.id);
    assert_eq!(id.id[0], id.id[1], "one document, one version");
    assert_eq!(id.info.get("ModDate"), id.info.get("CreationDate"));
    assert!(
        id.xmp
            .contains(&format!("<xmp:ModifyDate>{as_xmp}</xmp:ModifyDate>"))
    );
    assert_pdf_a_file_rules(pdf);
}

/// The PDF/A-2 rules (ISO 19005-2, clause 6) that can be read off this
/// app's files without a validator, walked over every object: the header,
/// no encryption, no forbidden filter or external stream, no
/// transparency, no image, no action or JavaScript, fonts embedded with a
/// Unicode map, DeviceRGB colours only (the output intent's space), and
/// each page in the structure.
pub fn assert_pdf_a_file_rules(pdf: &[u8]) {
    use lopdf::Object;
    // 6.1.2: the header, then a comment of four bytes above 127.
    assert!(pdf.starts_with(b"%PDF-1.7\n%"), "header");
    assert!(pdf[10..14].iter().all(|b| *b > 127), "binary comment");
    let doc = lopdf::Document::load_mem(pdf).expect("parses");
    assert!(doc.trailer.get(b"Encrypt").is_err(), "6.1.3 no encryption");
    let (mut fonts, mut cid_fonts) = (0, 0);
    let mut dicts = Vec::new();
    for (id, object) in &doc.objects {
        if let Object::Stream(s) = object {
            for key in [&b"F"[..], b"FFilter", b"FDecodeParms"] {
                assert!(s.dict.get(key).is_err(), "6.1.7.1 external stream {id:?}");
            }
            let filters: Vec<&[u8]> = match s.dict.get(b"Filter") {
                Ok(Object::Name(n)) => vec![n.as_slice()],
                Ok(Object::Array(list)) => list.iter().filter_map(|f| f.as_name().ok()).collect(),
                _ => Vec::new(),
            };
            assert!(
                filters.iter().all(|f| *f == b"FlateDecode"),
                "6.1.7.2 filter {id:?}"
            );
        }
        // Every dictionary, also those written inline (printpdf writes the
        // CIDFont inside its Type0 font).
        let mut todo = vec![object];
        while let Some(o) = todo.pop() {
            match o {
                Object::Dictionary(d) => {
                    dicts.push((*id, d));
                    todo.extend(d.iter().map(|(_, v)| v));
                }
                Object::Stream(st) => {
                    dicts.push((*id, &st.dict));
                    todo.extend(st.dict.iter().map(|(_, v)| v));
                }
                Object::Array(items) => todo.extend(items.iter()),
                _ => {}
            }
        }
    }
    for (id, dict) in dicts {
        let name = |key: &[u8]| dict.get(key).and_then(Object::as_name).ok();
        for key in [&b"JS"[..], b"AA", b"OpenAction", b"EmbeddedFiles"] {
            assert!(
                dict.get(key).is_err(),
                "6.6 /{} in {id:?}",
                String::from_utf8_lossy(key)
            );
        }
        assert_ne!(name(b"Subtype"), Some(&b"Image"[..]), "no image {id:?}");
        assert_ne!(
            name(b"S"),
            Some(&b"Transparency"[..]),
            "6.2.10 group {id:?}"
        );
        assert!(dict.get(b"SMask").is_err(), "6.2.10 soft mask {id:?}");
        for key in [&b"CA"[..], b"ca"] {
            let alpha = dict.get(key).and_then(Object::as_float).ok();
            assert!(
                alpha.is_none_or(|a| (a - 1.0).abs() < f32::EPSILON),
                "6.2.10 {id:?}"
            );
        }
        let annots = dict.get(b"Annots").and_then(Object::as_array).ok();
        assert!(annots.is_none_or(Vec::is_empty), "no annotations {id:?}");
        if name(b"Type") == Some(b"Font") && name(b"Subtype") == Some(b"Type0") {
            fonts += 1;
            assert!(dict.get(b"ToUnicode").is_ok(), "6.2.11.7 ToUnicode {id:?}");
            assert_eq!(name(b"Encoding"), Some(&b"Identity-H"[..]));
        }
        if name(b"Type") == Some(b"FontDescriptor") {
            assert!(dict.get(b"FontFile2").is_ok(), "6.2.11.4 embedded {id:?}");
        }
        if name(b"Subtype") == Some(b"CIDFontType2") {
            cid_fonts += 1;
            assert!(dict.get(b"CIDToGIDMap").is_ok(), "6.2.11.3.2 {id:?}");
        }
    }
    assert!(fonts >= 2, "{fonts} fonts");
    assert_eq!(cid_fonts, fonts, "each Type0 font's CIDFont was checked");
    for (_, page) in doc.get_pages() {
        let dict = doc.get_dictionary(page).expect("page");
        assert!(dict.get(b"StructParents").is_ok());
        let content =
            lopdf::content::Content::decode(&doc.get_page_content(page)).expect("content");
        for op in &content.operations {
            // 6.2.4.3: device colour only in the output intent's space (RGB).
            assert!(
                ![
                    "k", "K", "g", "G", "cs", "CS", "sc", "SC", "scn", "SCN", "gs", "Do", "BI"
                ]
                .contains(&op.operator.as_str()),
                "operator {} on page {page:?}",
                op.operator
            );
        }
    }
}
