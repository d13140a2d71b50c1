//! Minutes as PDF from the sample meetings: content read back from the PDF
//! (printpdf's own parser, so plain `cargo test` needs no system tools),
//! the CLI, and the personal-data guard. Checks with poppler's tools sit
//! behind the `system-tests` feature.

use medborgarlofte::minutes::{MinutesError, guard, minutes_pdf};
use medborgarlofte::model::Date;
use medborgarlofte::model::fingerprint::Fingerprint;
use medborgarlofte::{sample, store};
use predicates::prelude::*;

mod common;
use common::{bin, copy, with_roles};

fn text_of(pdf: &[u8]) -> Vec<String> {
    common::pdf_pages(pdf)
}

fn sample_minutes(date: &str) -> Vec<u8> {
    let loaded = store::load(
        sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let meeting = loaded
        .meetings
        .iter()
        .find(|m| m.date.to_string() == date)
        .expect("sample meeting");
    minutes_pdf(pledge, &loaded.meetings, meeting, &[]).expect("minutes")
}

#[test]
fn the_minutes_contain_the_header_every_paragraph_in_order_and_the_decisions() {
    let pdf = sample_minutes("2017-03-16");
    assert!(pdf.starts_with(b"%PDF"));
    let pages = text_of(&pdf);
    let n = pages.len();
    assert!(n >= 3, "{n} pages");
    let all = pages.join("\n");
    for needle in [
        "LPO Karlstad och Karlstads kommun",
        "Protokoll – Uppföljningsmöte 2",
        "Uppföljning av medborgarlöfte 2016-10-01 – 2017-09-30",
        "Plats och tid:",
        "Polishuset, Karlstad, 2017-03-16 kl. 13:00–15:00",
        "Närvarande",
        "Anmält förhinder:",
        "Peter Sandberg",
        "öka takten till minst 15 tillsyner i månaden under våren",
        "52 av 150 tillsyner, 35\u{a0}% — förväntat 46\u{a0}% per 2017-03-16",
        "Åtgärdslista",
        "Justeringens plats och tid:",
        "Vid protokollet (sekreterare)",
        "Översikt av åtagandena per 2017-03-16",
        "Rapporterat mot målet",
    ] {
        assert!(all.contains(needle), "{needle:?} missing in:\n{all}");
    }
    // Every § heading, in order.
    let mut at = 0;
    for n in 1..=18 {
        let heading = format!("§ {n} ");
        let found = all[at..]
            .find(&heading)
            .unwrap_or_else(|| panic!("{heading} after {at}"));
        at += found + heading.len();
    }
    // Every commitment handled.
    for id in [
        "G1", "G2", "G3", "P1", "P2", "P3", "P4", "K1", "K2", "K3", "K4",
    ] {
        assert!(all.contains(&format!("Åtagande {id}")), "{id}");
    }
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Sida {} av {n}", i + 1)),
            "page {}",
            i + 1
        );
        assert!(page.contains("Justerandes signatur"));
        assert!(
            !page.contains("UTKAST"),
            "a justerat meeting has no draft mark"
        );
    }
}

#[test]
fn the_overview_has_the_effect_indicators_at_the_meeting_date() {
    // Table cells wrap: read the text as one line.
    let flat = |pdf: &[u8]| text_of(pdf).join("\n").replace('\n', " ");
    let all = flat(&sample_minutes("2017-09-28"));
    for needle in [
        "Effektmått per 2017-09-28",
        "De räknas inte ihop med åtagandena.",
        "Senaste värde",
        "Mot målet",
        "ca 28\u{a0}% (2017-05-31)",
        "har minskat med ca 3 procentenheter sedan 2016-05-31",
        "mål 20\u{a0}%: ● går åt rätt håll",
        "har minskat enligt polisens lägesbild (2017-03-31)",
        "ska minska: ? kan inte bedömas",
    ] {
        assert!(all.contains(needle), "{needle:?} missing in:\n{all}");
    }
    // The value of 2017-09-30 is not known at a meeting on 2017-09-28.
    assert!(all.contains("212 anmälningar (2016-09-30)"), "{all}");
    assert!(!all.contains("187 anmälningar"), "{all}");
    // In March only I1's first value is known, and nothing can be judged.
    let march = flat(&sample_minutes("2017-03-16"));
    assert!(march.contains("Effektmått per 2017-03-16"), "{march}");
    assert!(
        march.contains("inget tidigare värde att jämföra med"),
        "{march}"
    );
    assert!(!march.contains("går åt rätt håll"), "{march}");
}

#[test]
fn a_meeting_not_yet_justerat_is_marked_as_a_draft_on_every_page() {
    let loaded = store::load(
        sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let mut meeting = loaded.meetings[0].clone();
    meeting.state = medborgarlofte::model::meeting::MeetingState::Avslutat;
    let pdf = minutes_pdf(pledge, &loaded.meetings, &meeting, &[]).expect("minutes");
    for page in text_of(&pdf) {
        assert!(page.contains("UTKAST"));
    }
}

#[test]
fn a_figure_reported_as_minst_is_never_printed_as_exact() {
    use medborgarlofte::model::Qualifier;
    use medborgarlofte::model::meeting::ItemKind;
    let loaded = store::load(
        sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let mut meeting = loaded.meetings[3].clone();
    for item in &mut meeting.items {
        if let ItemKind::Atagande(review) = &mut item.kind
            && review.commitment.as_str() == "K1"
            && let Some(s) = review.snapshot.as_mut()
        {
            s.reported = 200.0;
            s.target = Some(200.0);
            s.qualifier = Qualifier::Minst;
        }
    }
    // Justerat again with the change, as after a reopening in the app.
    meeting.fingerprint = Some(Fingerprint::of(&meeting));
    let pdf = minutes_pdf(pledge, &loaded.meetings, &meeting, &[]).expect("minutes");
    let all = text_of(&pdf).join(" ").replace('\n', " ");
    let qualified = all.matches("minst 200 av 200 tillsyner").count();
    // In § K1 and in the overview table; never without "minst".
    assert_eq!(qualified, 2, "{all}");
    assert_eq!(all.matches("200 av 200").count(), qualified, "{all}");
}

/// The sample's June meeting with K4 not taken up (no assessment, no
/// figures of its own), in `state`.
fn june_without_k4(
    state: medborgarlofte::model::meeting::MeetingState,
) -> (store::Loaded, medborgarlofte::model::meeting::Meeting) {
    use medborgarlofte::model::meeting::ItemKind;
    let loaded = store::load(
        sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let mut meeting = loaded.meetings[2].clone();
    for item in &mut meeting.items {
        if let ItemKind::Atagande(review) = &mut item.kind
            && review.commitment.as_str() == "K4"
        {
            review.assessment = None;
            review.reason = None;
            review.snapshot = None;
        }
    }
    meeting.state = state;
    (loaded, meeting)
}

/// The overview row of K4, the last one, in the minutes' text: the PDF
/// gives a table row cell by cell, so it runs from the line "K4" to the
/// chart's caption.
fn k4_row(pages: &[String]) -> String {
    let all = pages.join("\n");
    let at = all.rfind("Översikt av åtagandena").expect("overview");
    all[at..]
        .lines()
        .skip_while(|l| l.trim() != "K4")
        .take_while(|l| !l.starts_with("Rapporterat mot målet"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_concluded_meeting_prints_the_figures_it_kept_for_a_commitment_not_assessed() {
    use medborgarlofte::model::meeting::{CommitmentSnapshot, MeetingState};
    let (loaded, mut meeting) = june_without_k4(MeetingState::Avslutat);
    let pledge = loaded.pledge.as_ref().expect("pledge");
    // Old files have no conclusion figures: the row says so and takes no
    // live figures, even when they are offered.
    let status = medborgarlofte::status::compute(pledge, &loaded.activities, meeting.date);
    let live = status.snapshots();
    let pdf = minutes_pdf(pledge, &loaded.meetings, &meeting, &live).expect("minutes");
    let row = k4_row(&text_of(&pdf));
    assert!(row.starts_with("K4 Karlstads kommun"), "{row}");
    assert!(!row.contains("utbildningstillfällen"), "{row}");

    // Concluded with every commitment's figures: K4's are printed, in its
    // § and in the overview.
    let mut kept = live.clone();
    let k4: &mut CommitmentSnapshot = kept
        .iter_mut()
        .find(|s| s.commitment.as_str() == "K4")
        .expect("K4");
    k4.snapshot.reported = 1.0;
    meeting.snapshots = kept;
    let pdf = minutes_pdf(pledge, &loaded.meetings, &meeting, &[]).expect("minutes");
    let pages = text_of(&pdf);
    let row = k4_row(&pages);
    assert!(row.contains("1 av 4 utbildningstillfällen"), "{row}");
    let flat = pages.join(" ").replace('\n', " ");
    assert!(
        flat.contains("Mätt status: 1 av 4 utbildningstillfällen"),
        "in § K4 too: {flat}"
    );
    assert!(!pages.join("\n").contains("Mötet är inte avslutat"));
}

#[test]
fn a_draft_prints_live_figures_and_says_they_are_not_kept_yet() {
    use medborgarlofte::model::meeting::MeetingState;
    let (loaded, meeting) = june_without_k4(MeetingState::Pagar);
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let mut status = medborgarlofte::status::compute(pledge, &loaded.activities, meeting.date);
    let k4 = status
        .commitments
        .iter_mut()
        .find(|c| c.id.as_str() == "K4")
        .expect("K4");
    k4.reported = 2.0;
    k4.reports = 2;
    let pdf =
        minutes_pdf(pledge, &loaded.meetings, &meeting, &status.snapshots()).expect("minutes");
    let pages = text_of(&pdf);
    let row = k4_row(&pages);
    assert!(row.contains("2 av 4 utbildningstillfällen"), "{row}");
    let all = pages.join(" ").replace('\n', " ");
    assert!(
        all.contains("Mötet är inte avslutat: siffrorna för åtaganden som inte har bedömts"),
        "{all}"
    );
}

#[test]
fn the_guard_refuses_a_personnummer_and_accepts_a_bad_check_digit() {
    let loaded = store::load(
        sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let mut meeting = loaded.meetings[1].clone();
    meeting.items[2]
        .decisions
        .push("ge 19811218-9876 ordet".into());
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let err = guard(pledge, &loaded.meetings, &meeting, &[]).expect_err("refused");
    assert!(
        matches!(&err, MinutesError::PersonalData { item: Some(3), .. }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "protokollet skrivs inte: beslut 2 i § 3 innehåller ett personnummer; ta bort det och försök igen"
    );
    meeting.items[2].decisions.pop();
    meeting.items[2]
        .decisions
        .push("ge 19811218-9875 ordet".into());
    // Justerat again with the new decision, so only the number is judged.
    meeting.fingerprint = Some(Fingerprint::of(&meeting));
    assert!(guard(pledge, &loaded.meetings, &meeting, &[]).is_ok());
}

#[test]
fn the_cli_writes_the_minutes_next_to_the_meeting_or_where_told() {
    let dir = copy();
    bin()
        .args(["minutes"])
        .arg(dir.path())
        .args(["--meeting", "2017-06-15"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("protokoll-2017-06-15.pdf"));
    let pdf = std::fs::read(dir.path().join("meetings/protokoll-2017-06-15.pdf")).expect("written");
    assert!(text_of(&pdf).join("\n").contains("Uppföljningsmöte 3"));

    let out = dir.path().join("ut.pdf");
    bin()
        .args(["minutes"])
        .arg(dir.path())
        .arg("--meeting")
        .arg(dir.path().join("meetings/2016-12-08.ron"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    assert!(
        text_of(&std::fs::read(&out).expect("written"))
            .join("\n")
            .contains("Uppföljningsmöte 1")
    );

    bin()
        .args(["minutes"])
        .arg(dir.path())
        .args(["--meeting", "2017-01-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("hittar inget möte"));
}

/// A copy of the sample whose March meeting, concluded but not justerat,
/// decides `decision` in § 3.
fn copy_with_decision(decision: &str) -> tempfile::TempDir {
    let dir = copy();
    let meeting = dir.path().join("meetings/2017-03-16.ron");
    let text = common::unjusterat(&std::fs::read_to_string(&meeting).expect("read"));
    std::fs::write(&meeting, text.replace("godkänna dagordningen", decision)).expect("write");
    dir
}

/// Runs `minutes` for the March meeting of `dir`.
fn march_minutes(dir: &tempfile::TempDir) -> assert_cmd::assert::Assert {
    bin()
        .args(["minutes"])
        .arg(dir.path())
        .args(["--meeting", "2017-03-16"])
        .assert()
}

#[test]
fn the_cli_refuses_minutes_with_a_personnummer_and_writes_nothing() {
    let dir = copy_with_decision("godkänna 811218-9876");
    march_minutes(&dir)
        .code(1)
        .stderr(predicate::str::contains("personnummer"))
        .stderr(predicate::str::contains("2017-03-16.ron:"));
    assert!(
        !dir.path()
            .join("meetings/protokoll-2017-03-16.pdf")
            .exists()
    );
}

#[cfg(feature = "system-tests")]
#[test]
fn poppler_reads_the_text_fonts_and_page_size() {
    use std::path::Path;
    let dir = copy();
    let pdf = dir.path().join("p.pdf");
    bin()
        .args(["minutes"])
        .arg(dir.path())
        .args(["--meeting", "2017-09-28", "-o"])
        .arg(&pdf)
        .assert()
        .code(0);
    let text = common::poppler("pdftotext", &[Path::new("-layout"), &pdf, Path::new("-")]);
    for needle in [
        "Protokoll – Uppföljningsmöte 4",
        "§ 15 Åtagande K4",
        "ej genomförd",
        "Sida 1 av",
        "Ingen kursledare fanns att tillgå",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    common::assert_fonts_embedded_on_a4(&pdf);
}

#[test]
fn with_source_date_epoch_the_same_meeting_gives_the_same_bytes() {
    let dir = copy();
    let make = |name: &str| {
        let out = dir.path().join(name);
        bin()
            .env("SOURCE_DATE_EPOCH", "1490000000")
            .args(["minutes"])
            .arg(dir.path())
            .args(["--meeting", "2017-03-16", "-o"])
            .arg(&out)
            .assert()
            .code(0);
        std::fs::read(out).expect("written")
    };
    assert_eq!(make("a.pdf"), make("b.pdf"));
}

#[cfg(unix)]
#[test]
fn saved_files_are_readable_by_colleagues() {
    use std::os::unix::fs::PermissionsExt;
    let dir = copy();
    bin()
        .args(["minutes"])
        .arg(dir.path())
        .args(["--meeting", "2017-03-16"])
        .assert()
        .code(0);
    let mode = std::fs::metadata(dir.path().join("meetings/protokoll-2017-03-16.pdf"))
        .expect("written")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644);
}

/// Page 1 of the March minutes rendered by poppler, compared with a
/// committed image (update with `UPDATE_SNAPSHOTS=1`). The PDF bytes are
/// fixed by SOURCE_DATE_EPOCH, so only the renderer can differ.
#[cfg(feature = "system-tests")]
#[test]
fn page_one_looks_as_committed() {
    let dir = copy();
    let pdf = dir.path().join("p.pdf");
    bin()
        .env("SOURCE_DATE_EPOCH", "1490000000")
        .args(["minutes"])
        .arg(dir.path())
        .args(["--meeting", "2017-03-16", "-o"])
        .arg(&pdf)
        .assert()
        .code(0);
    let prefix = dir.path().join("page");
    let status = std::process::Command::new("pdftoppm")
        .args([
            "-png",
            "-gray",
            "-r",
            "50",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
        ])
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .expect("poppler-utils installed");
    assert!(status.success());
    let rendered = image::open(prefix.with_extension("png"))
        .expect("png")
        .to_luma8();
    let golden_path = std::path::Path::new("tests/snapshots/minutes-page1.png");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        rendered.save(golden_path).expect("golden written");
        return;
    }
    let golden = image::open(golden_path)
        .expect("golden image committed")
        .to_luma8();
    assert_eq!(rendered.dimensions(), golden.dimensions());
    let differing = rendered
        .pixels()
        .zip(golden.pixels())
        .filter(|(a, b)| a.0[0].abs_diff(b.0[0]) > 48)
        .count();
    let total = (rendered.width() * rendered.height()) as usize;
    // Anti-aliasing may differ a little between poppler builds; a moved line
    // of text changes thousands of pixels.
    assert!(
        differing * 1000 < total * 3,
        "{differing} of {total} pixels differ"
    );
}

#[test]
fn a_case_like_decision_warns_but_the_minutes_are_written() {
    let dir = copy_with_decision("följa upp ärende nr 4711");
    march_minutes(&dir).code(0).stderr(predicate::str::contains(
        "varning: beslut 1 i § 3: \"ärende nr\" pekar på ett enskilt ärende",
    ));
    assert!(
        dir.path()
            .join("meetings/protokoll-2017-03-16.pdf")
            .is_file()
    );
}

#[test]
fn wrapping_with_the_real_font_stays_inside_the_column() {
    use medborgarlofte::minutes::layout::{Measure, Style, wrap};
    let fonts = medborgarlofte::minutes::pdf::Fonts::load().expect("fonts");
    let text = "Karlstads kommun kommer att genomföra tillsyner med inriktning på krogar, \
                restauranger och nattklubbar med inriktning överservering och ansvarsfull \
                alkoholservering. Åtgärdslistan följs upp på nästa möte; WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW.";
    let width_mm = 60.0;
    let lines = wrap(text, width_mm, Style::Regular, 10.5, &fonts);
    assert!(lines.len() > 4, "{lines:?}");
    let max_pt = width_mm * 72.0 / 25.4;
    for line in &lines {
        let w = fonts.width_pt(Style::Regular, 10.5, line);
        assert!(w <= max_pt + 0.01, "{line:?} is {w} pt, more than {max_pt}");
    }
    // Bold is wider than regular for the same text: the metrics are real.
    assert!(
        fonts.width_pt(Style::Bold, 10.5, "Åtgärdslista")
            > fonts.width_pt(Style::Regular, 10.5, "Åtgärdslista")
    );
}

#[test]
fn the_minutes_name_who_signed_apart_from_who_also_carries_out_the_work() {
    let mut loaded = store::load(
        sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    with_roles(loaded.pledge.as_mut().expect("pledge"));
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let meeting = &loaded.meetings[1];
    let pages = text_of(&minutes_pdf(pledge, &loaded.meetings, meeting, &[]).expect("minutes"));
    let all = pages.join("\n");
    assert_eq!(
        all.lines().next(),
        Some("LPO Karlstad och Karlstads kommun"),
        "the letterhead names the signatories only"
    );
    let flat = all.replace('\n', " ");
    assert!(
        flat.contains(
            "Undertecknat av LPO Karlstad och Karlstads kommun (2016-09-15). \
             Genomförs också av Bostadsbolaget."
        ),
        "{all}"
    );
    // In § G1.
    let g1 = &flat[flat.find("Åtagande G1").expect("§ G1")..];
    let g1 = &g1[..g1.find("Åtagande G2").expect("§ G2")];
    assert!(g1.contains("Leds av: Karlstads kommun"), "{g1}");
    assert!(
        g1.contains("Genomförs också av: Räddningstjänsten och Länsstyrelsen Värmland"),
        "{g1}"
    );
}

#[test]
fn what_was_done_instead_is_in_the_minutes_with_its_commitment() {
    use medborgarlofte::model::meeting::ItemKind;
    let loaded = store::load(
        sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let mut meeting = loaded.meetings[3].clone();
    for item in &mut meeting.items {
        if let ItemKind::Atagande(review) = &mut item.kind
            && review.commitment.as_str() == "K3"
            && let Some(s) = review.snapshot.as_mut()
        {
            s.instead = vec![
                "ANDT-folder hem till alla vårdnadshavare (april 2017). Skäl: föräldramötena ställdes in"
                    .into(),
            ];
        }
    }
    // Justerat again with the change, as after a reopening in the app.
    meeting.fingerprint = Some(Fingerprint::of(&meeting));
    let pdf = minutes_pdf(pledge, &loaded.meetings, &meeting, &[]).expect("minutes");
    let all = text_of(&pdf).join(" ").replace('\n', " ");
    let all = all.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        all.contains("I stället: ANDT-folder hem till alla vårdnadshavare (april 2017)."),
        "{all}"
    );
    assert!(all.contains("Skäl: föräldramötena ställdes in"), "{all}");
}

#[test]
fn a_concluded_meeting_prints_the_effects_it_kept_not_values_added_later() {
    use medborgarlofte::model::IndicatorValue;
    use medborgarlofte::model::meeting::MeetingState;
    let (loaded, mut meeting) = june_without_k4(MeetingState::Avslutat);
    let mut pledge = loaded.pledge.clone().expect("pledge");
    // Kept at the conclusion, as the app does.
    meeting.effects = medborgarlofte::status::indicators::snapshots(&pledge, meeting.date);
    assert!(!meeting.effects.is_empty(), "the sample has indicators");
    let kept = meeting.effects[0].latest.clone();
    // Later a value dated before the meeting is added to the pledge.
    let first = pledge.indicators.first_mut().expect("an indicator");
    first.values.push(IndicatorValue {
        date: meeting.date.add_days(-1).into(),
        value: Some(1.0),
        qualifier: medborgarlofte::model::Qualifier::Exakt,
        text: None,
        source: None,
    });
    let live = medborgarlofte::status::indicators::snapshots(&pledge, meeting.date);
    assert_ne!(
        live[0].latest, kept,
        "the new value would change the figure"
    );
    let pdf = minutes_pdf(&pledge, &loaded.meetings, &meeting, &[]).expect("minutes");
    let all = text_of(&pdf).join(" ");
    let all = all.split_whitespace().collect::<Vec<_>>().join(" ");
    let kept_words = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    let live_words = live[0]
        .latest
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(all.contains(&kept_words), "{kept_words} in {all}");
    assert!(
        !all.contains(&live_words),
        "{live_words} must not be printed"
    );
}

#[test]
fn the_minutes_show_the_revisions_known_at_the_meeting() {
    use medborgarlofte::model::{Revision, RevisionChange};
    let loaded = store::load(
        sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let mut pledge = loaded.pledge.clone().expect("pledge");
    let previous = pledge
        .commitment(&"K1".into())
        .and_then(|c| c.target.clone());
    pledge.revisions.push(Revision {
        date: "2017-02".parse().expect("a month"),
        commitment: "K1".into(),
        change: RevisionChange::MalAndrat { previous },
        reason: "Beslut i styrgruppen".into(),
    });
    pledge.revisions.push(Revision {
        date: "2017-09-01".parse().expect("a day"),
        commitment: "K1".into(),
        change: RevisionChange::Utgar,
        reason: "Senare".into(),
    });
    let meeting = loaded.meetings[1].clone();
    assert_eq!(meeting.date.to_string(), "2017-03-16");
    let pdf = minutes_pdf(&pledge, &loaded.meetings, &meeting, &[]).expect("minutes");
    let all = text_of(&pdf).join(" ");
    let all = all.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        all.contains("Målet ändrat: februari 2017: Beslut i styrgruppen. Tidigare mål: minst"),
        "{all}"
    );
    assert!(
        !all.contains("Senare"),
        "a revision after the meeting is not in its minutes"
    );
}

#[test]
fn every_page_of_justerade_minutes_prints_the_fingerprint_and_a_draft_none() {
    let loaded = store::load(
        sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let march = loaded
        .meetings
        .iter()
        .find(|m| m.date.to_string() == "2017-03-16")
        .expect("March");
    let short = march.fingerprint.as_ref().expect("fingerprinted").short();
    assert_eq!(short.len(), 9, "{short}");
    let pages = text_of(&minutes_pdf(pledge, &loaded.meetings, march, &[]).expect("minutes"));
    assert!(pages.len() > 1);
    for page in &pages {
        assert!(page.contains(&format!("Fingeravtryck {short}")), "{page}");
    }
    // A draft has not been signed: no fingerprint to match.
    let mut draft = march.clone();
    draft.state = medborgarlofte::model::meeting::MeetingState::Avslutat;
    let pages = text_of(&minutes_pdf(pledge, &loaded.meetings, &draft, &[]).expect("minutes"));
    assert!(pages.iter().all(|p| !p.contains("Fingeravtryck")));
}

#[test]
fn the_cli_refuses_minutes_of_a_justerat_meeting_changed_afterwards() {
    let dir = copy();
    let meeting = dir.path().join("meetings/2017-03-16.ron");
    let text = std::fs::read_to_string(&meeting).expect("read");
    let edited = text.replace(
        "öka takten till minst 15 tillsyner",
        "öka takten till minst 10 tillsyner",
    );
    assert_ne!(edited, text);
    std::fs::write(&meeting, edited).expect("write");
    march_minutes(&dir)
        .code(1)
        .stderr(predicate::str::contains(
            "fel: mötet har ändrats efter justeringen (§ 12, beslut 1)",
        ))
        .stderr(predicate::str::contains("2017-03-16.ron:"));
    assert!(
        !dir.path()
            .join("meetings/protokoll-2017-03-16.pdf")
            .exists()
    );
}

/// The words of all pages as one line: a phrase that wraps still matches.
fn flat(pages: &[String]) -> String {
    pages
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn justerade_minutes_say_when_and_by_whom_on_the_first_page_and_where_the_original_is_kept() {
    let dir = copy();
    let meeting = dir.path().join("meetings/2017-03-16.ron");
    // The justering's "förvaringsplats", set when it was justerat: the
    // file's fingerprint is taken again, as the app would.
    let (mut march, _) = store::read_meeting(&meeting).expect("reads");
    if let Some(adjustment) = &mut march.adjustment {
        adjustment.kept_at = Some("Polisen, LPO Karlstad, registraturen".into());
    }
    march.fingerprint = Some(medborgarlofte::model::fingerprint::Fingerprint::of(&march));
    let loaded = store::load(
        sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let pages = text_of(&minutes_pdf(pledge, &loaded.meetings, &march, &[]).expect("minutes"));
    let first = flat(&pages[..1]);
    assert!(
        first.contains("Justerat: 2017-03-23 av Erik Holm och Anna Berglund"),
        "{first}"
    );
    let all = flat(&pages);
    assert!(
        all.contains("Förvaringsplats för protokollet: Polisen, LPO Karlstad, registraturen"),
        "{all}"
    );
    assert!(all.contains("Justerandes signatur"));

    // The copy to publish: no lines to sign on, and it says so.
    let published = medborgarlofte::minutes::document_pdf(
        medborgarlofte::minutes::Document::Published,
        pledge,
        &loaded.meetings,
        &march,
        &[],
    )
    .expect("published copy");
    let pages = text_of(&published);
    let all = flat(&pages);
    assert!(
        all.contains(
            "Justerat protokoll. Det underskrivna originalet förvaras hos Polisen, LPO Karlstad, registraturen."
        ),
        "{all}"
    );
    assert!(all.contains("Justerare: Erik Holm"), "{all}");
    assert!(all.contains("Ordförande: Anna Berglund"), "{all}");
    assert!(!all.contains("Justerandes signatur"), "{all}");
    for page in &pages {
        assert!(page.contains("Justerat protokoll, publicerat utan underskrifter"));
        assert!(page.contains("Fingeravtryck"));
        assert!(!page.contains("UTKAST"));
    }
}

#[test]
fn the_cli_publishes_justerade_minutes_only() {
    let dir = copy();
    bin()
        .args(["minutes"])
        .arg(dir.path())
        .args(["--meeting", "2017-03-16", "--publish"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "protokoll-2017-03-16-publicering.pdf",
        ));
    let pdf = std::fs::read(
        dir.path()
            .join("meetings/protokoll-2017-03-16-publicering.pdf"),
    )
    .expect("written");
    // Without a förvaringsplats, the convener keeps the original.
    assert!(
        flat(&text_of(&pdf))
            .contains("Justerat protokoll. Det underskrivna originalet förvaras hos LPO Karlstad.")
    );
    let meeting = dir.path().join("meetings/2017-03-16.ron");
    let text = common::unjusterat(&std::fs::read_to_string(&meeting).expect("read"));
    std::fs::write(&meeting, text).expect("write");
    bin()
        .args(["minutes"])
        .arg(dir.path())
        .args(["--meeting", "2017-03-16", "--publish", "-o"])
        .arg(dir.path().join("ut.pdf"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "fel: --publish: mötet 2017-03-16 är avslutat; bara ett justerat protokoll publiceras utan underskrifter",
        ));
    assert!(!dir.path().join("ut.pdf").exists());
}

/// `minutes --format html` writes the web page next to the meeting, from
/// the same content as the PDF; `-o x.html` picks the format by itself;
/// any other name is a PDF.
#[test]
fn the_cli_writes_the_minutes_as_a_web_page_with_the_same_content_as_the_pdf() {
    let dir = copy();
    bin()
        .args(["minutes"])
        .arg(dir.path())
        .args(["--meeting", "2017-03-16", "--format", "html"])
        .assert()
        .success()
        .stdout(predicate::str::contains("protokoll-2017-03-16.html"));
    let page = dir.path().join("meetings/protokoll-2017-03-16.html");
    let html = std::fs::read_to_string(&page).expect("the page");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
    assert!(html.contains("<h2>§ 4 Uppföljning av föregående mötes åtgärder</h2>"));
    assert!(html.contains("<th scope=\"col\">Ansvarig</th>"));
    // What the PDF says, the page says: every § heading of the PDF.
    let pdf = sample_minutes("2017-03-16");
    let text = flat(&text_of(&pdf));
    let headings: Vec<&str> = html
        .match_indices("<h2>")
        .filter_map(|(i, _)| html[i + 4..].split("</h2>").next())
        .collect();
    assert!(headings.len() >= 15, "{headings:?}");
    for heading in &headings {
        assert!(text.contains(heading), "{heading} is in the PDF too");
    }

    let published = dir.path().join("publicera.html");
    bin()
        .args(["minutes"])
        .arg(dir.path())
        .args(["--meeting", "2017-03-16", "--publish", "-o"])
        .arg(&published)
        .assert()
        .success();
    let html = std::fs::read_to_string(&published).expect("the published page");
    assert!(html.contains("Justerat protokoll. Det underskrivna originalet förvaras hos"));
    assert!(html.contains("<p>Justerat protokoll, publicerat utan underskrifter</p>"));

    // Any other name is a PDF, as before there was a choice.
    let plain = dir.path().join("protokoll");
    bin()
        .args(["minutes"])
        .arg(dir.path())
        .args(["--meeting", "2017-03-16", "-o"])
        .arg(&plain)
        .assert()
        .success();
    assert!(
        std::fs::read(&plain)
            .expect("written")
            .starts_with(b"%PDF-")
    );
}

/// The minutes' web page passes the same axe-core check as the report's,
/// at desktop and phone widths, and never scrolls sideways.
#[cfg(feature = "system-tests")]
#[test]
fn axe_finds_no_accessibility_violations_in_the_minutes_web_page() {
    let dir = copy();
    for date in ["2017-03-16", "2017-09-28"] {
        bin()
            .args(["minutes"])
            .arg(dir.path())
            .args(["--meeting", date, "--format", "html"])
            .assert()
            .success();
        let page = dir.path().join(format!("meetings/protokoll-{date}.html"));
        for width in ["1280", "390"] {
            common::axe(&page, width, &format!("minutes-{date}"));
        }
    }
}

/// `minutes --paragraphs 15,7` writes a protokollsutdrag: the header, only
/// § 7 and § 15 in the meeting's order, the justering facts and the
/// utdragsbestyrkande; a § the meeting lacks, or with --publish, is a usage
/// error and writes nothing.
#[test]
fn the_cli_writes_an_extract_of_the_chosen_paragraphs() {
    let dir = copy();
    bin()
        .args(["minutes"])
        .arg(dir.path())
        .args(["--meeting", "2017-06-15", "--paragraphs", "15,7,15"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Protokollsutdraget skrevs till"));
    let pdf = std::fs::read(
        dir.path()
            .join("meetings/protokollsutdrag-2017-06-15-paragraf-7_15.pdf"),
    )
    .expect("the extract, named by its §");
    let text = flat(&text_of(&pdf));
    for needle in [
        "Protokollsutdrag – Uppföljningsmöte 3",
        "Närvarande",
        "Justerat: 2017-06-22 av Erik Holm och Anna Berglund",
        "§ 7 Åtagande G3",
        "§ 15 Åtagande K4",
        "Justeringens plats och tid: Karlstad, 2017-06-22",
        "Utdragsbestyrkande Utdraget överensstämmer med originalprotokollet.",
        "Utdrag ur protokollet 2017-06-15",
        "Fingeravtryck ",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    assert!(
        text.find("§ 7 Åtagande G3") < text.find("§ 15 Åtagande K4"),
        "the meeting's order"
    );
    for absent in ["§ 1 ", "§ 12 ", "Åtgärdslista", "Översikt av åtagandena"] {
        assert!(!text.contains(absent), "{absent} is not in the extract");
    }

    for (args, said) in [
        (
            &["--paragraphs", "40"][..],
            "fel: --paragraphs: protokollsutdraget skrivs inte: § 40 finns inte; mötet har § 1–18",
        ),
        (
            &["--paragraphs", "7", "--publish"][..],
            "kan inte anges tillsammans med --publish",
        ),
    ] {
        bin()
            .args(["minutes"])
            .arg(dir.path())
            .args(["--meeting", "2017-06-15"])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(said));
    }
    let written: Vec<_> = std::fs::read_dir(dir.path().join("meetings"))
        .expect("meetings")
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("protokollsutdrag")
        })
        .collect();
    assert_eq!(written.len(), 1, "the refused ones wrote nothing");

    // As a web page too.
    bin()
        .args(["minutes"])
        .arg(dir.path())
        .args([
            "--meeting",
            "2017-06-15",
            "--paragraphs",
            "7",
            "--format",
            "html",
        ])
        .assert()
        .success();
    let html = std::fs::read_to_string(
        dir.path()
            .join("meetings/protokollsutdrag-2017-06-15-paragraf-7.html"),
    )
    .expect("the extract's web page");
    assert!(html.contains("<h2>§ 7 Åtagande G3</h2>"));
    assert!(!html.contains("<h2>§ 8 "));
}

/// The minutes are a tagged PDF: marked, in Swedish, titled, and with a
/// structure whose headings never skip a level, whose tables have header
/// cells, whose decisions are lists and whose chart has its figures in
/// words.
#[test]
fn the_minutes_are_tagged_with_headings_tables_lists_and_a_described_chart() {
    use lopdf::Object;
    let pdf = sample_minutes("2017-03-16");
    let (doc, elements) = common::structure_of(&pdf);
    let catalog = doc.catalog().expect("catalog");
    let marked = catalog
        .get(b"MarkInfo")
        .and_then(Object::as_dict)
        .and_then(|m| m.get(b"Marked"))
        .and_then(Object::as_bool);
    assert_eq!(marked.ok(), Some(true));
    let lang = catalog.get(b"Lang").and_then(Object::as_str).expect("Lang");
    assert_eq!(lang, b"sv-SE");
    let shows_title = catalog
        .get(b"ViewerPreferences")
        .and_then(Object::as_dict)
        .and_then(|v| v.get(b"DisplayDocTitle"))
        .and_then(Object::as_bool);
    assert_eq!(shows_title.ok(), Some(true));

    let names: Vec<&str> = elements.iter().map(|(s, _, _)| s.as_str()).collect();
    assert_eq!(names.first(), Some(&"Document"));
    let mut last = 0;
    for level in names
        .iter()
        .filter_map(|n| n.strip_prefix('H').and_then(|l| l.parse::<u8>().ok()))
    {
        assert!(level <= last + 1, "H{last} then H{level}: {names:?}");
        last = level;
    }
    assert_eq!(names.iter().filter(|n| **n == "H1").count(), 1);
    assert!(
        names.iter().filter(|n| **n == "H2").count() >= 18,
        "{names:?}"
    );
    // Every table starts with a row of header cells.
    let tables: Vec<usize> = (0..names.len()).filter(|&i| names[i] == "Table").collect();
    assert!(tables.len() >= 3, "{names:?}");
    for t in tables {
        assert_eq!(names.get(t + 1), Some(&"TR"), "{names:?}");
        assert_eq!(names.get(t + 2), Some(&"TH"), "{names:?}");
    }
    // The decisions are lists of labelled items.
    let first_list = names.iter().position(|n| *n == "L").expect("a list");
    assert_eq!(
        &names[first_list + 1..first_list + 4],
        ["LI", "Lbl", "LBody"]
    );
    // The chart says its figures.
    let figure = elements
        .iter()
        .find(|(s, _, _)| s == "Figure")
        .expect("the chart is a figure");
    let alt = figure.1.as_deref().unwrap_or_default();
    assert!(alt.contains("G1 92\u{a0}%"), "{alt}");
    // Each page's marked content is owned: the parent tree has an entry
    // per page, as many as its MCIDs.
    for (_, page) in doc.get_pages() {
        let key = doc
            .get_dictionary(page)
            .and_then(|p| p.get(b"StructParents"))
            .and_then(Object::as_i64);
        assert!(key.is_ok(), "every page has StructParents");
        let content = String::from_utf8_lossy(&doc.get_page_content(page)).into_owned();
        assert_eq!(
            content.matches(" BDC").count() + content.matches(" BMC").count(),
            content.matches("EMC").count(),
            "balanced marked content"
        );
        assert!(content.contains("/Artifact <</Subtype/Footer/Type/Pagination>> BDC"));
    }
    // pdftotext still reads å, ä, ö and §.
    let text = flat(&text_of(&pdf));
    assert!(text.contains("§ 3 Godkännande av dagordningen"));
    assert!(text.contains("Närvarande"));
}

/// poppler reads the tags: `Tagged: yes`, and the structure's text in
/// reading order has the headings, the § and the table cells, but not the
/// page furniture.
#[cfg(feature = "system-tests")]
#[test]
fn poppler_reads_the_minutes_as_tagged_in_reading_order() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("protokoll.pdf");
    std::fs::write(&path, sample_minutes("2017-03-16")).expect("write");
    let info = common::poppler("pdfinfo", &[path.as_path()]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Tagged:") && l.trim_end().ends_with("yes")),
        "{info}"
    );
    let structure = common::poppler("pdfinfo", &[std::path::Path::new("-struct-text"), &path]);
    let order = [
        "Protokoll – Uppföljningsmöte 2 – medborgarlöften Karlstad",
        "Närvarande",
        "Anna Berglund",
        "§ 1 Mötets öppnande",
        "förklara mötet öppnat",
        "§ 4 Uppföljning av föregående mötes åtgärder",
        "Ansvarig",
        "§ 12 Åtagande K1",
    ];
    let mut at = 0;
    for needle in order {
        let found = structure[at..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} after byte {at} in\n{structure}"));
        at += found + needle.len();
    }
    assert!(
        !structure.contains("Sida 1 av"),
        "the footer is an artifact"
    );
    assert!(!structure.contains("Justerandes signatur"));
}

/// Runs `minutes` with `args` on `dir` and returns the PDF written to `name`.
fn minutes_file(dir: &tempfile::TempDir, args: &[&str], name: &str) -> Vec<u8> {
    let out = dir.path().join(name);
    bin()
        .args(["minutes"])
        .arg(dir.path())
        .args(args)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    std::fs::read(out).expect("written")
}

/// Justerade minutes, their copy to publish and their extracts are
/// PDF/A-2u by default, identified as PDF/UA-1 too, with an sRGB output
/// intent and metadata that agrees with the Info dictionary;
/// `--no-pdfa` leaves the archival profile out but keeps the rest.
#[test]
fn justerade_minutes_are_pdf_a_2u_unless_turned_off() {
    let dir = copy();
    let title = "Protokoll – Uppföljningsmöte 2 – medborgarlöften Karlstad 2016–2017";
    let pdf = minutes_file(&dir, &["--meeting", "2017-03-16"], "a.pdf");
    common::assert_pdf_a_2u(&pdf, title);
    let published = minutes_file(&dir, &["--meeting", "2017-03-16", "--publish"], "p.pdf");
    common::assert_pdf_a_2u(&published, title);
    let extract = minutes_file(
        &dir,
        &["--meeting", "2017-03-16", "--paragraphs", "7"],
        "u.pdf",
    );
    common::assert_pdf_a_2u(
        &extract,
        "Protokollsutdrag – Uppföljningsmöte 2 – medborgarlöften Karlstad 2016–2017",
    );

    let plain = minutes_file(&dir, &["--meeting", "2017-03-16", "--no-pdfa"], "b.pdf");
    let id = common::identification(&plain);
    assert_eq!(id.pdfa, None, "{}", id.xmp);
    assert!(id.intents.is_empty());
    assert_eq!(id.pdfua.as_deref(), Some("1"));
    assert_eq!(id.xmp_facts[0].as_deref(), Some(title));
    // The same pages either way: only what the file says of itself differs.
    assert_eq!(text_of(&plain), text_of(&pdf));
}

/// A draft is not archived and a kallelse is a letter: both are tagged
/// PDF/UA, neither claims PDF/A.
#[test]
fn drafts_and_invitations_are_not_pdf_a() {
    let dir = copy_with_decision("godkänna dagordningen");
    let draft = minutes_file(&dir, &["--meeting", "2017-03-16"], "d.pdf");
    let id = common::identification(&draft);
    assert_eq!(id.pdfa, None);
    assert!(id.intents.is_empty());
    assert_eq!(id.pdfua.as_deref(), Some("1"));

    let out = dir.path().join("k.pdf");
    bin()
        .args(["kallelse"])
        .arg(dir.path())
        .args(["--meeting", "2017-06-15", "-o"])
        .arg(&out)
        .assert()
        .code(0);
    let id = common::identification(&std::fs::read(out).expect("written"));
    assert_eq!(id.pdfa, None);
    assert_eq!(
        id.xmp_facts[0].as_deref(),
        Some("Kallelse – Uppföljningsmöte 3 – medborgarlöften Karlstad 2016–2017")
    );
}

/// A character the font has no glyph for is printed as U+FFFD, which
/// text extraction reads, never as glyph 0 (`.notdef`): an empty box that
/// PDF/A-2u and PDF/UA forbid. Text the font has is untouched.
#[test]
fn a_character_the_font_lacks_is_printed_as_a_replacement_not_notdef() {
    use lopdf::{Object, content::Content};
    let dir = copy_with_decision("godkänna dagordningen 👍 漢");
    let pdf = minutes_file(&dir, &["--meeting", "2017-03-16"], "m.pdf");
    let text = flat(&text_of(&pdf));
    assert!(
        text.contains("godkänna dagordningen \u{fffd} \u{fffd}"),
        "{text}"
    );
    let doc = lopdf::Document::load_mem(&pdf).expect("parses");
    let mut strings = 0;
    for (_, page) in doc.get_pages() {
        let content = Content::decode(&doc.get_page_content(page)).expect("content");
        for op in content.operations.iter().filter(|o| o.operator == "Tj") {
            let Some(Object::String(bytes, _)) = op.operands.first() else {
                panic!("Tj takes a string: {op:?}");
            };
            strings += 1;
            assert!(
                bytes.chunks(2).all(|gid| gid != [0, 0]),
                "glyph 0 printed: {bytes:?}"
            );
        }
    }
    assert!(strings > 100, "{strings} strings");
}

/// poppler reads the metadata (with `pdfinfo -meta`) and qpdf finds no
/// syntax or stream error in justerade minutes, the copy to publish or the
/// report.
#[cfg(feature = "system-tests")]
#[test]
fn poppler_reads_the_pdf_a_metadata_and_qpdf_finds_no_errors() {
    let dir = copy();
    let pdf = dir.path().join("a.pdf");
    std::fs::write(
        &pdf,
        minutes_file(&dir, &["--meeting", "2017-03-16"], "x.pdf"),
    )
    .expect("write");
    let meta = common::poppler("pdfinfo", &[std::path::Path::new("-meta"), &pdf]);
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "{meta}");
    assert!(meta.contains("<pdfaid:conformance>U</pdfaid:conformance>"));
    assert!(meta.contains("<pdfuaid:part>1</pdfuaid:part>"));
    let info = common::poppler("pdfinfo", &[&pdf]);
    assert!(info.contains("Metadata Stream: yes"), "{info}");
    assert!(
        info.lines()
            .any(|l| l.starts_with("PDF version:") && l.ends_with("1.7"))
    );
    let report = dir.path().join("r.pdf");
    bin()
        .args(["report"])
        .arg(dir.path())
        .args(["--as-of", "2017-03-16", "-o"])
        .arg(&report)
        .assert()
        .code(0);
    for file in [&pdf, &report] {
        let out = std::process::Command::new("qpdf")
            .arg("--check")
            .arg(file)
            .output()
            .expect("qpdf installed (.ci/run)");
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{said}");
        assert!(
            said.contains("No syntax or stream encoding errors"),
            "{said}"
        );
    }
}
