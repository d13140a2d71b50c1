//! The largest inputs that still pass `check`: the Karlstad sample blown up
//! to the limits — the most commitments a pledge may have, the pledge and a
//! meeting just under their text limit, party names, participants, places
//! and headings as single unbreakable words of the longest name allowed,
//! eight such places per commitment. The minutes and the report of this
//! must stay within the budget of issue 14 (≤ 2 s, ≤ 300 MB).

use std::path::Path;

use medborgarlofte::model::meeting::{AgendaItem, ItemKind, Meeting};
use medborgarlofte::model::{Activity, ActivityFile, Commitment, Date, Quantity};
use medborgarlofte::privacy::{MAX_COMMITMENTS, MAX_NAME_CHARS, MAX_PRINTED_FILE_BYTES};
use medborgarlofte::store::{self, Inputs, Loaded};
use medborgarlofte::workspace::copy_sample_to;

/// One word, no break opportunity, at the name limit.
fn long_word(seed: usize) -> String {
    let stem = format!("Trygghetssamverkansområde{seed}");
    stem.repeat(MAX_NAME_CHARS / stem.chars().count() + 1)
        .chars()
        .take(MAX_NAME_CHARS)
        .collect()
}

/// Ordinary words, `chars` long.
fn long_text(seed: usize, chars: usize) -> String {
    let sentence = format!(
        "Polisen och kommunen genomför gemensamma tillsyner nummer {seed} i centrala Karlstad. "
    );
    sentence
        .repeat(chars / sentence.chars().count() + 1)
        .chars()
        .take(chars)
        .collect()
}

/// Writes the blown-up sample into `dir` and loads it; it passes `check`.
pub fn folder(dir: &Path) -> Loaded {
    copy_sample_to(dir).expect("sample copy");
    let today = Date::from_ymd(2026, 1, 1).expect("date");
    let base = store::load(Inputs::open(dir, &[]).expect("opens"), today);
    let mut pledge = base.pledge.clone().expect("sample pledge");
    for (i, party) in pledge.parties.iter_mut().enumerate() {
        party.name = long_word(i);
    }
    let template: Commitment = pledge.commitments.first().cloned().expect("a commitment");
    // As many commitments as allowed, their texts sharing what is left of
    // the pledge's text limit.
    let per_text = MAX_PRINTED_FILE_BYTES * 9 / 10 / MAX_COMMITMENTS;
    for c in &mut pledge.commitments {
        c.text = long_text(0, per_text);
        c.places = vec![long_word(99)];
    }
    for n in pledge.commitments.len()..MAX_COMMITMENTS {
        let mut c = template.clone();
        c.id = format!("X{n}").as_str().into();
        c.text = long_text(n, per_text);
        c.target = None;
        c.carried_over = None;
        pledge.commitments.push(c);
    }
    store::save_pledge(&dir.join(store::PLEDGE_FILE), &pledge).expect("pledge saved");
    // Eight long places per commitment, as reported in a new activity file.
    let party = pledge.parties.first().map(|p| p.id.clone()).expect("party");
    let mut entries = Vec::new();
    for (i, c) in pledge.commitments.iter().enumerate() {
        for p in 0..8 {
            entries.push(Activity {
                date: Date::from_ymd(2016, 10, 3)
                    .expect("date")
                    .add_days(i64::try_from(p + i % 200).unwrap_or(0))
                    .into(),
                until: None,
                commitments: [c.id.clone()].into_iter().collect(),
                party: party.clone(),
                quantity: Some(Quantity {
                    amount: 1.0,
                    unit: c
                        .target
                        .as_ref()
                        .map_or("insatser".into(), |t| t.unit.as_str().into()),
                    qualifier: medborgarlofte::model::Qualifier::Exakt,
                }),
                place: Some(long_word(1000 + i * 8 + p).as_str().into()),
                note: None,
                cumulative: false,
                milestone_reached: false,
                instead: None,
                part: None,
                with: Vec::new(),
            });
        }
    }
    let file = ActivityFile {
        version: medborgarlofte::model::ACTIVITY_FORMAT_VERSION,
        reporter: None,
        note: None,
        entries,
    };
    store::save_activities(&dir.join("activities/gransen.ron"), &file).expect("activities");
    // The largest meeting, with discussions up to its text limit.
    let mut meeting: Meeting = base
        .meetings
        .iter()
        .max_by_key(|m| store::meeting_to_ron(m).map_or(0, |t| t.len()))
        .cloned()
        .expect("sample meetings");
    for p in &mut meeting.participants {
        p.name = long_word(7);
    }
    let mut k = 0;
    let size = |m: &Meeting| store::meeting_to_ron(m).map_or(0, |t| t.len());
    while size(&meeting) + 4 * 2_000 < MAX_PRINTED_FILE_BYTES {
        k += 1;
        let mut item = AgendaItem::new(ItemKind::Annat(long_word(k)));
        item.discussion = long_text(k, 2_000);
        item.decisions = vec![long_word(k + 1), long_text(k, 500)];
        meeting.items.push(item);
    }
    // Justerat with all of it, as the app would after a reopening: the
    // fingerprint covers the blown-up content.
    if meeting.fingerprint.is_some() {
        meeting.fingerprint = Some(medborgarlofte::model::fingerprint::Fingerprint::of(
            &meeting,
        ));
    }
    let path = dir.join("meetings").join(format!("{}.ron", meeting.date));
    let read = std::fs::read_to_string(&path).expect("meeting file");
    store::save_meeting(&path, &meeting, Some(&read)).expect("meeting saved");
    let loaded = store::load(Inputs::open(dir, &[]).expect("opens"), today);
    let errors: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.severity == medborgarlofte::model::Severity::Fel)
        .map(ToString::to_string)
        .take(3)
        .collect();
    assert!(
        errors.is_empty(),
        "the blown-up sample passes check: {errors:?}"
    );
    loaded
}
