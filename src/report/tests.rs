//! The selection: what reaches the public report and what never does.

use super::*;
use crate::model::meeting::{
    ActionItem, ActionStatus, ActionUpdate, Adjustment, AgendaItem, ItemKind, NextMeeting,
    Organisation, Participant, Reopening, Role,
};
use crate::store::{self, Loaded};

fn date(text: &str) -> Date {
    text.parse().expect("a date")
}

fn sample() -> Loaded {
    store::load(crate::sample::karlstad(), date("2026-01-01"))
}

fn report_at(loaded: &Loaded, as_of: &str) -> Report {
    let pledge = loaded.pledge.as_ref().expect("the sample pledge");
    select(pledge, &loaded.activities, &loaded.meetings, date(as_of))
}

#[test]
fn every_commitment_is_there_in_pledge_order() {
    let loaded = sample();
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let report = report_at(&loaded, "2017-03-31");
    let ids: Vec<&str> = report.commitments().map(|c| c.id.as_str()).collect();
    let expected: Vec<&str> = pledge.commitments.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, expected);
    let total: usize = report.measured_counts.iter().map(|(_, n)| n).sum();
    assert_eq!(total, pledge.commitments.len());
    let assessed: usize = report.assessment_counts.iter().map(|(_, n)| n).sum();
    assert_eq!(assessed, pledge.commitments.len());
    assert_eq!(report.groups[0].heading, "Gemensamma åtaganden");
    assert!(
        report
            .groups
            .iter()
            .any(|g| g.heading == "LPO Karlstads åtaganden"),
        "{:?}",
        report.groups.iter().map(|g| &g.heading).collect::<Vec<_>>()
    );
}

#[test]
fn the_assessment_comes_from_the_latest_justerat_meeting_before_the_date() {
    let loaded = sample();
    // K1 was försenad in March and genomförd in September in the sample.
    let march = report_at(&loaded, "2017-03-31");
    let k1 = march
        .commitments()
        .find(|c| c.id.as_str() == "K1")
        .expect("K1");
    let a = k1.assessment.as_ref().expect("assessed in March");
    assert_eq!(a.date, date("2017-03-16"));
    assert_eq!(a.assessment, Assessment::Forsenad);
    assert!(a.reason.is_some(), "a försenad commitment tells why");
    let september = report_at(&loaded, "2017-09-30");
    let k1 = september
        .commitments()
        .find(|c| c.id.as_str() == "K1")
        .expect("K1");
    assert_eq!(
        k1.assessment.as_ref().map(|a| a.assessment),
        Some(Assessment::Genomford)
    );
    assert_eq!(k1.assessment.as_ref().and_then(|a| a.reason.clone()), None);
    // Before the first meeting nothing is assessed.
    let october = report_at(&loaded, "2016-10-31");
    assert!(october.commitments().all(|c| c.assessment.is_none()));
    assert_eq!(october.next_meeting, None);
}

#[test]
fn the_reason_for_ej_genomford_is_told() {
    let loaded = sample();
    let report = report_at(&loaded, "2017-09-30");
    let k4 = report
        .commitments()
        .find(|c| c.id.as_str() == "K4")
        .expect("K4");
    let a = k4.assessment.as_ref().expect("K4 assessed");
    assert_eq!(a.assessment, Assessment::EjGenomford);
    assert!(a.reason.as_deref().is_some_and(|r| !r.is_empty()));
}

#[test]
fn next_meeting_comes_from_a_justerat_meeting_and_lies_ahead() {
    let loaded = sample();
    let report = report_at(&loaded, "2017-03-31");
    assert_eq!(report.next_meeting, Some(date("2017-06-15")));
}

#[test]
fn places_are_counted_per_commitment_and_most_used_first() {
    let loaded = sample();
    let report = report_at(&loaded, "2017-09-30");
    let g1 = report
        .commitments()
        .find(|c| c.id.as_str() == "G1")
        .expect("G1");
    assert!(!g1.places.is_empty());
    assert!(g1.places.windows(2).all(|w| w[0].1 >= w[1].1));
    assert!(g1.done.contains("tillsyner"), "{}", g1.done);
    assert!(g1.done.contains("\u{a0}%"), "{}", g1.done);
}

#[test]
fn places_words_shorten_long_lists() {
    let places: Vec<(String, usize)> = (0..10).map(|i| (format!("Plats {i}"), 10 - i)).collect();
    let text = places_words(&places).expect("words");
    assert!(text.starts_with("Plats 0 (10), Plats 1 (9)"), "{text}");
    assert!(text.ends_with("och 2 platser till"), "{text}");
    assert_eq!(places_words(&[]), None);
}

const MARKER: &str = "HEMLIGT";

/// Puts a marker string into every field that must stay internal: activity
/// notes and file notes, every text of every meeting, and the assessments of
/// a meeting that is not justerat.
fn with_markers(loaded: &mut Loaded) {
    for (f, file) in loaded.activities.iter_mut().enumerate() {
        file.reporter = Some(format!("{MARKER}-reporter-{f}"));
        file.note = Some(format!("{MARKER}-filnote-{f}"));
        for (i, entry) in file.entries.iter_mut().enumerate() {
            entry.note = Some(format!("{MARKER}-note-{f}-{i}"));
        }
    }
    for meeting in &mut loaded.meetings {
        meeting.title = format!("{MARKER}-title");
        meeting.place = format!("{MARKER}-place");
        meeting.participants.push(Participant {
            name: format!("{MARKER}-name"),
            title: Some(format!("{MARKER}-titel")),
            organisation: Organisation::Annan(format!("{MARKER}-org")),
            role: Role::Adjungerad,
            excused: false,
        });
        for p in &mut meeting.participants {
            p.name = format!("{MARKER}-name");
        }
        for item in &mut meeting.items {
            item.discussion = format!("{MARKER}-discussion");
            item.decisions.push(format!("{MARKER}-decision"));
            if let ItemKind::Atagande(review) = &mut item.kind
                && review.reason.is_none()
            {
                // Reasons of on-track assessments are internal too.
                review.reason = Some(format!("{MARKER}-reason-on-track"));
            }
        }
        meeting
            .items
            .push(AgendaItem::new(ItemKind::Annat(format!("{MARKER}-item"))));
        meeting.actions.push(ActionItem {
            id: crate::model::ActionId::new(format!("X{}", meeting.date)),
            text: format!("{MARKER}-action"),
            responsible: format!("{MARKER}-responsible"),
            party: None,
            due: None,
            status: ActionStatus::Oppen,
            paragraph: None,
        });
        for update in &mut meeting.action_updates {
            update.note = Some(format!("{MARKER}-update"));
        }
        meeting.action_updates.push(ActionUpdate {
            action: crate::model::ActionId::new("A1"),
            status: ActionStatus::Oppen,
            note: Some(format!("{MARKER}-update")),
        });
        if let Some(next) = &mut meeting.next_meeting {
            next.place = Some(format!("{MARKER}-nextplace"));
        }
        meeting.adjustment = Some(Adjustment {
            place: format!("{MARKER}-adjustment"),
            date: meeting.date,
            kept_at: Some(format!("{MARKER}-kept")),
        });
        meeting.reopenings.push(Reopening {
            date: meeting.date,
            reason: format!("{MARKER}-reopening"),
        });
    }
    // A later meeting that is not justerat: its assessments, reasons and
    // next-meeting date stay out.
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let mut draft = Meeting::after(
        pledge,
        &loaded.meetings,
        date("2017-09-29"),
        format!("{MARKER}-draft"),
    );
    for item in &mut draft.items {
        if let ItemKind::Atagande(review) = &mut item.kind {
            review.assessment = Some(Assessment::EjGenomford);
            review.reason = Some(format!("{MARKER}-draft-reason"));
        }
    }
    draft.next_meeting = Some(NextMeeting {
        date: date("2017-09-30"),
        time: None,
        place: Some(format!("{MARKER}-draft-next")),
    });
    loaded.meetings.push(draft);
}

#[test]
fn no_internal_field_reaches_either_format() {
    let mut loaded = sample();
    with_markers(&mut loaded);
    let report = report_at(&loaded, "2017-09-30");
    // Reasons of försenad / ej genomförd assessments are public by design;
    // the markers above only touch reasons that must stay internal.
    let html = html::render(&report.clone().guard().expect("no personnummer"));
    assert!(!html.contains(MARKER), "the HTML leaks: {}", {
        let at = html.find(MARKER).unwrap_or(0);
        &html[at.saturating_sub(80)..(at + 80).min(html.len())]
    });
    let blocks = format!("{:?}", pdf::blocks(&report));
    assert!(!blocks.contains(MARKER), "the PDF leaks");
    // The draft's ej genomförd did not replace the justerat assessments.
    assert!(
        report
            .commitments()
            .filter_map(|c| c.assessment.as_ref())
            .all(|a| a.date <= date("2017-09-28"))
    );
    assert_eq!(report.next_meeting, None);
    // And the report is still complete.
    let all = loaded.pledge.as_ref().map_or(0, |p| p.commitments.len());
    assert_eq!(report.commitments().count(), all);
    assert!(html.contains("K4"));
}

#[test]
fn a_personnummer_anywhere_in_the_report_refuses_it() {
    let mut loaded = sample();
    if let Some(entry) = loaded
        .activities
        .iter_mut()
        .flat_map(|f| &mut f.entries)
        .find(|e| e.place.is_some())
    {
        entry.place = Some("Torget 19811218-9876".into());
    }
    let report = report_at(&loaded, "2017-09-30");
    let err = render(&report, Format::Html).expect_err("refused");
    let text = err.to_string();
    assert!(text.contains("personnummer"), "{text}");
    assert!(text.contains("en plats för"), "{text}");
}

#[test]
fn a_changed_wording_is_told_with_the_earlier_text() {
    let mut loaded = sample();
    let pledge = loaded.pledge.as_mut().expect("pledge");
    let edit = crate::model::pledge_edit::PledgeEdit::ReviseText {
        commitment: CommitmentId::new("G2"),
        text: "Polisen och kommunen utvecklar samverkan kring ungdomar.".into(),
        date: date("2017-01-15"),
        reason: "Beslut i styrgruppen.".into(),
    };
    edit.apply(pledge).expect("revised");
    let report = report_at(&loaded, "2017-03-31");
    let g2 = report
        .commitments()
        .find(|c| c.id.as_str() == "G2")
        .expect("G2");
    assert_eq!(
        g2.text,
        "Polisen och kommunen utvecklar samverkan kring ungdomar."
    );
    let told = "2017-01-15: Beslut i styrgruppen. Tidigare lydelse: ”Polisen och kommunen kommer tillsammans utveckla samverkan";
    assert!(g2.reworded[0].words().starts_with(told));
    assert!(html::render(&report.clone().guard().expect("no personnummer")).contains(told));
    let blocks = format!("{:?}", pdf::blocks(&report));
    assert!(blocks.contains("Ändrad lydelse:"), "{blocks}");
    assert!(blocks.contains(told), "{blocks}");
    // The reason is public text too: the guard reads it.
    let pledge = loaded.pledge.as_mut().expect("pledge");
    pledge.revisions[0].reason = "Anmälan av 19811218-9876".into();
    let err = render(&report_at(&loaded, "2017-03-31"), Format::Html).expect_err("refused");
    assert!(err.to_string().contains("ändrad lydelse för G2"), "{err}");
}

#[test]
fn a_dropped_commitment_gives_the_reason_of_the_revision_that_dropped_it_by_then() {
    let mut loaded = sample();
    let pledge = loaded.pledge.as_mut().expect("pledge");
    for (day, change, reason) in [
        ("2017-01-10", RevisionChange::Utgar, "lokalen stängd"),
        ("2017-02-01", RevisionChange::Tillagt, "lokalen öppnad igen"),
        ("2017-06-01", RevisionChange::Utgar, "uppdraget flyttat"),
    ] {
        pledge.revisions.push(crate::model::Revision {
            date: date(day).into(),
            commitment: CommitmentId::new("G2"),
            change,
            reason: reason.into(),
        });
    }
    let dropped = |as_of: &str| {
        report_at(&loaded, as_of)
            .commitments()
            .find(|c| c.id.as_str() == "G2")
            .and_then(|c| c.dropped.clone())
            .map(|(d, reason)| format!("{d} {reason}"))
    };
    assert_eq!(
        dropped("2017-01-31").as_deref(),
        Some("2017-01-10 lokalen stängd")
    );
    assert_eq!(dropped("2017-03-31"), None, "added back");
    assert_eq!(
        dropped("2017-09-30").as_deref(),
        Some("2017-06-01 uppdraget flyttat")
    );
}

#[test]
fn html_is_escaped() {
    let mut loaded = sample();
    if let Some(pledge) = &mut loaded.pledge {
        pledge.contact = Some("<script>alert(1)</script> & \"mer\"".into());
    }
    let report = report_at(&loaded, "2017-09-30");
    let html = html::render(&report.clone().guard().expect("no personnummer"));
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;mer&quot;"));
}

#[test]
fn commitments_without_a_target_are_described_in_plain_words() {
    let loaded = sample();
    let report = report_at(&loaded, "2017-03-31");
    let qualitative = report
        .commitments()
        .filter(|c| c.measured == MeasuredStatus::Kvalitativ)
        .count();
    assert!(
        qualitative > 0,
        "the sample has commitments without a target"
    );
    let html = html::render(&report.clone().guard().expect("no personnummer"));
    assert!(html.contains("◆ utan mätbart mål"), "{html}");
    assert!(!html.contains("kvalitativ"));
}

#[test]
fn format_follows_the_extension() {
    use std::path::Path;
    assert_eq!(Format::from_path(Path::new("a.PDF")), Some(Format::Pdf));
    assert_eq!(Format::from_path(Path::new("a.htm")), Some(Format::Html));
    assert_eq!(Format::from_path(Path::new("a.txt")), None);
    assert_eq!(
        file_name(date("2017-03-31"), Format::Html),
        "lagesrapport-2017-03-31.html"
    );
}

/// The places add up with the figures: an entry counts from its last day,
/// so a range not yet over (K2's campaign 2017-05-01 – 2017-07-30) is not
/// among the places on 2017-06-15 either.
#[test]
fn places_count_only_the_reports_the_figures_count() {
    let loaded = sample();
    let pledge = loaded.pledge.as_ref().expect("pledge");
    for as_of in ["2016-12-31", "2017-06-15", "2017-07-30", "2017-09-30"] {
        let report = report_at(&loaded, as_of);
        let status = crate::status::compute(pledge, &loaded.activities, date(as_of));
        for (c, s) in report.commitments().zip(&status.commitments) {
            let at_places: usize = c.places.iter().map(|(_, n)| n).sum();
            assert!(
                at_places <= s.reports,
                "{as_of} {}: {at_places} at places, {} reports",
                c.id,
                s.reports
            );
        }
    }
}

#[test]
fn what_was_done_instead_is_told_with_the_commitment_and_not_counted() {
    let mut loaded = sample();
    let before = report_at(&loaded, "2017-09-30");
    let k3 = |r: &Report| {
        r.commitments()
            .find(|c| c.id.as_str() == "K3")
            .cloned()
            .expect("K3")
    };
    let mut entry = loaded
        .activities
        .iter()
        .flat_map(|f| &f.entries)
        .find(|e| e.commitments.iter().any(|c| c.as_str() == "K3"))
        .cloned()
        .expect("K3 has entries");
    entry.date = "2017-04".parse().expect("a month");
    entry.until = None;
    entry.note = Some("ANDT-folder hem till alla vårdnadshavare".into());
    entry.instead = Some("föräldramötena ställdes in".into());
    loaded.activities[0].entries.push(entry);
    let after = report_at(&loaded, "2017-09-30");
    assert_eq!(
        k3(&after).instead,
        ["ANDT-folder hem till alla vårdnadshavare (april 2017). Skäl: föräldramötena ställdes in"]
    );
    assert_eq!(
        k3(&after).done,
        k3(&before).done,
        "the figures are unchanged"
    );
    let html = String::from_utf8(render(&after, Format::Html).expect("renders")).expect("utf-8");
    assert!(html.contains("<dt>I stället</dt>"), "{html}");
    assert!(html.contains("ANDT-folder hem till alla vårdnadshavare (april 2017)"));
    // Before April is over it is not known yet.
    assert!(k3(&report_at(&loaded, "2017-04-29")).instead.is_empty());
}

#[test]
fn the_effect_indicators_are_in_words_and_guarded_like_every_text() {
    let report = report_at(&sample(), "2017-09-30");
    let ids: Vec<&str> = report.effects.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["I1", "I2", "I3"]);
    let i1 = &report.effects[0];
    assert_eq!(i1.areas, ["1. Våld i offentlig miljö"]);
    assert_eq!(i1.latest, "187 anmälningar (2017-09-30)");
    assert_eq!(i1.verdict, "ska minska: ● går åt rätt håll");
    assert_eq!(i1.values.len(), 2);
    assert_eq!(i1.values[0].source.as_deref(), Some("Syntetiskt exempel"));
    // Never counted with the commitments.
    let counted: usize = report.measured_counts.iter().map(|(_, n)| n).sum();
    assert_eq!(counted, 11);
    // A personnummer in an indicator's words refuses the report, and says where.
    let mut loaded = sample();
    if let Some(value) = loaded
        .pledge
        .as_mut()
        .and_then(|p| p.indicators.get_mut(2))
        .and_then(|i| i.values.first_mut())
    {
        value.text = Some("enligt 19811218-9876".into());
    }
    let report = report_at(&loaded, "2017-09-30");
    let text = render(&report, Format::Pdf)
        .expect_err("refused")
        .to_string();
    assert!(text.contains("personnummer"), "{text}");
    assert!(text.contains("för effektmåttet I3"), "{text}");
}

#[test]
fn a_rewording_keeps_the_precision_of_its_date_with_or_without_a_reason() {
    let rewording = |reason: &str| Rewording {
        date: "2021-03".parse().expect("a month"),
        reason: reason.into(),
        target: false,
        previous_text: "Den gamla lydelsen".into(),
    };
    assert_eq!(
        rewording("Beslut i styrgruppen.").words(),
        "mars 2021: Beslut i styrgruppen. Tidigare lydelse: ”Den gamla lydelsen”"
    );
    assert_eq!(
        rewording("").words(),
        "mars 2021. Tidigare lydelse: ”Den gamla lydelsen”"
    );
}
