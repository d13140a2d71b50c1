//! The invitation (kallelse) to a meeting prepared ahead, from the CLI:
//! where it is written, what it says (read back from the PDF with
//! printpdf's own parser, so plain `cargo test` needs no system tools),
//! and the personal-data guard. Checks with poppler's tools sit behind the
//! `system-tests` feature.

use medborgarlofte::minutes::{Document, MinutesError, guard_document};
use medborgarlofte::store;
use predicates::prelude::*;

mod common;
use common::{bin, files, prepared_june};

/// Runs `kallelse` for the June meeting of `dir`, with `extra` arguments.
fn june_invitation(
    dir: &std::path::Path,
    extra: &[&std::ffi::OsStr],
) -> assert_cmd::assert::Assert {
    bin()
        .arg("kallelse")
        .arg(dir)
        .args(["--meeting", "2017-06-15"])
        .args(extra)
        .assert()
}

/// The whole text of a PDF on one line: table cells wrap.
fn flat_text(pdf: &[u8]) -> String {
    common::pdf_pages(pdf).join("\n").replace('\n', " ")
}

#[test]
fn the_kallelse_of_a_draft_is_written_next_to_the_meeting_and_says_what_the_meeting_needs() {
    let (dir, draft) = prepared_june();
    let before = files(dir.path());
    let started = std::time::Instant::now();
    june_invitation(dir.path(), &[])
        .code(0)
        .stdout(predicate::str::starts_with("Kallelsen skrevs till "))
        .stdout(predicate::str::contains("kallelse-2017-06-15.pdf"));
    let took = started.elapsed();
    assert!(took.as_secs() < 5, "printed in {took:?}");
    let path = dir.path().join("meetings/kallelse-2017-06-15.pdf");
    let pdf = std::fs::read(&path).expect("written next to the meeting file");
    assert!(pdf.starts_with(b"%PDF"));

    // Nothing else changed: the draft and every input are as they were.
    let mut after = files(dir.path());
    assert!(after.remove(&path).is_some());
    assert_eq!(after, before, "only the kallelse was added");
    assert!(draft.is_file());

    let pages = common::pdf_pages(&pdf);
    let n = pages.len();
    assert!((2..=4).contains(&n), "{n} pages");
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Sida {} av {n}", i + 1)),
            "page {}",
            i + 1
        );
        assert!(page.contains("Kallelse till mötet 2017-06-15"), "footer");
        // Sent as it is: no draft mark, no initials for justerare.
        assert!(!page.contains("UTKAST"), "page {}", i + 1);
        assert!(!page.contains("Justerandes signatur"), "page {}", i + 1);
    }
    let all = flat_text(&pdf);
    for needle in [
        "LPO Karlstad och Karlstads kommun",
        "Kallelse – Uppföljningsmöte 3",
        // Time and place.
        "Plats och tid: Polishuset, Karlstad, 2017-06-15 kl. 13:00–15:00",
        // Who is invited, with title and organisation.
        "Kallade",
        "Anna Berglund kommunpolis LPO Karlstad ordförande",
        "Sara Nyström trygghetssamordnare Karlstads kommun sekreterare",
        "Anmält förhinder: Maria Ek (LPO Karlstad)",
        "Förhinder anmäls till ordföranden, Anna Berglund (LPO Karlstad).",
        // The agenda, numbered as the minutes will be.
        "Dagordning",
        "§ 1 Mötets öppnande",
        "§ 4 Uppföljning av föregående mötes åtgärder",
        "§ 5 Åtagande G1",
        "§ 15 Åtagande K4",
        "§ 18 Mötets avslutande",
        // The actions still open after March, with who and by when.
        "Öppna åtgärder från tidigare möten",
        "A3 Ta fram kursledare för utbildning i ansvarsfull",
        "Peter Sandberg 2017-02-28",
        "A4 Ta fram plan för fler tillsyner under våren Erik Holm 2017-04-15",
        // Every commitment's status at the meeting date, as underlag.
        "Underlag: läget för åtagandena per 2017-06-15",
        "Siffrorna är beräknade för mötesdagen ur rapporterna som fanns när kallelsen skrevs ut",
        "Senaste bedömning",
        "34 av 24 tillsyner, 142\u{a0}% — förväntat 71\u{a0}% per 2017-06-15 (uppnått)",
        "3 av 12 insatser, 25\u{a0}% — förväntat 71\u{a0}% per 2017-06-15 (efter plan)",
        "försenad (2017-03-16)",
        "Rapporterat mot målet",
    ] {
        assert!(all.contains(needle), "{needle:?} missing in:\n{all}");
    }
    // A1 and A2 were closed in March; March's discussion is no underlag.
    for absent in ["A1 ", "A2 ", "Tillsynerna ligger över plan"] {
        assert!(!all.contains(absent), "{absent:?} in:\n{all}");
    }
    for id in [
        "G1", "G2", "G3", "P1", "P2", "P3", "P4", "K1", "K2", "K3", "K4",
    ] {
        assert!(
            all.contains(&format!("Åtagande {id}")),
            "{id} on the agenda"
        );
    }
}

#[test]
fn the_kallelse_goes_where_told_and_never_over_an_input() {
    let (dir, draft) = prepared_june();
    let out = dir.path().join("till-deltagarna.pdf");
    bin()
        .arg("kallelse")
        .arg(dir.path())
        .arg("--meeting")
        .arg(&draft)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("till-deltagarna.pdf"));
    assert!(
        flat_text(&std::fs::read(&out).expect("written")).contains("Kallelse – Uppföljningsmöte 3")
    );
    assert!(!dir.path().join("meetings/kallelse-2017-06-15.pdf").exists());

    // Never over the meeting file it is printed from.
    let text = std::fs::read(&draft).expect("read");
    june_invitation(dir.path(), &["-o".as_ref(), draft.as_os_str()])
        .code(2)
        .stderr(predicate::str::starts_with("fel: "));
    assert_eq!(
        std::fs::read(&draft).expect("read"),
        text,
        "the draft is untouched"
    );

    bin()
        .arg("kallelse")
        .arg(dir.path())
        .args(["--meeting", "2017-07-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "fel: hittar inget möte \"2017-07-01\"",
        ));
}

#[test]
fn a_personnummer_in_a_participants_title_refuses_the_kallelse_and_writes_nothing() {
    let (dir, draft) = prepared_june();
    let text = std::fs::read_to_string(&draft).expect("read");
    assert!(text.contains("\"kommunpolis\""));
    std::fs::write(
        &draft,
        text.replace("\"kommunpolis\"", "\"kommunpolis 811218-9876\""),
    )
    .expect("write");
    june_invitation(dir.path(), &[])
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("2017-06-15.ron:"))
        .stderr(predicate::str::contains(
            "fältet \"participants[0].title\" innehåller ett personnummer",
        ))
        .stderr(predicate::str::contains(
            "fel: kallelsen skrivs inte eftersom filerna har fel (se ovan)",
        ));
    assert!(!dir.path().join("meetings/kallelse-2017-06-15.pdf").exists());
}

#[test]
fn the_guard_names_the_participant_whose_title_holds_a_personnummer() {
    // The app guards the meeting as edited, before it is saved: the same
    // guard as the minutes, in the kallelse's words.
    let (dir, draft) = prepared_june();
    let inputs = store::Inputs::open(dir.path(), &[]).expect("opens");
    let loaded = store::load(inputs, "2017-06-01".parse().expect("date"));
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let (mut meeting, _) = store::read_meeting(&draft).expect("the draft reads");
    meeting.participants[1].title = Some("samordnare 811218-9876".into());
    let err = guard_document(
        Document::Invitation,
        pledge,
        &loaded.meetings,
        &meeting,
        &[],
    )
    .expect_err("refused");
    assert!(
        matches!(
            &err,
            MinutesError::PersonalData {
                document: Document::Invitation,
                item: None,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "kallelsen skrivs inte: titeln för deltagare 2 innehåller ett personnummer; ta bort det och försök igen"
    );
    // The guard checks what is printed: the minutes print no titles.
    assert!(
        guard_document(Document::Minutes, pledge, &loaded.meetings, &meeting, &[]).is_ok(),
        "the minutes carry no title"
    );
    // A name is printed in both, and refused in each one's words.
    meeting.participants[1].name = "Sara 811218-9876".into();
    let minutes = guard_document(Document::Minutes, pledge, &loaded.meetings, &meeting, &[])
        .expect_err("refused");
    assert_eq!(
        minutes.to_string(),
        "protokollet skrivs inte: namnet på deltagare 2 innehåller ett personnummer; ta bort det och försök igen"
    );
    meeting.participants[1].name = "Sara Nyström".into();
    meeting.participants[1].title = Some("samordnare 811218-9875".into());
    assert!(
        guard_document(
            Document::Invitation,
            pledge,
            &loaded.meetings,
            &meeting,
            &[]
        )
        .is_ok(),
        "a bad check digit is no personnummer"
    );
}

#[cfg(feature = "system-tests")]
#[test]
fn poppler_reads_the_kallelse_text_fonts_and_page_size() {
    use std::path::Path;
    let (dir, _) = prepared_june();
    let pdf = dir.path().join("k.pdf");
    june_invitation(dir.path(), &["-o".as_ref(), pdf.as_os_str()]).code(0);
    let text = common::poppler("pdftotext", &[Path::new("-layout"), &pdf, Path::new("-")]);
    for needle in [
        "Kallelse – Uppföljningsmöte 3",
        "Plats och tid: Polishuset, Karlstad, 2017-06-15 kl. 13:00–15:00",
        "Anna Berglund",
        "Erik Holm",
        // pdftotext -layout reads "§ 5" as "§5" in the narrow column;
        // two digits keep their space.
        "§ 15",
        "Åtagande K4",
        "§ 16",
        "Övriga frågor",
        "A3",
        "A4",
        "Underlag: läget för åtagandena per 2017-06-15",
        "(efter plan)",
        "Sida 1 av",
    ] {
        assert!(text.contains(needle), "{needle:?} missing in:\n{text}");
    }
    common::assert_fonts_embedded_on_a4(&pdf);
}
