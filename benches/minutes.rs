//! Minutes as PDF bytes: the largest sample meeting (target ≤ 20 ms), a
//! generated meeting of about 40 pages (target ≤ 200 ms), and the largest
//! meeting that passes `check` (target ≤ 2 s).

#[path = "limits/mod.rs"]
mod limits;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use medborgarlofte::minutes::minutes_pdf;
use medborgarlofte::model::Date;
use medborgarlofte::model::meeting::{AgendaItem, ItemKind, Meeting};
use medborgarlofte::{sample, store};

/// The sample's largest meeting with many more items, to fill ~40 pages.
fn stress_meeting(base: &Meeting) -> Meeting {
    let mut meeting = base.clone();
    for n in 0..160 {
        let mut item = AgendaItem::new(ItemKind::Annat(format!("Övrig punkt {n}")));
        item.discussion = "Mötet diskuterade tillsynerna i centrala Karlstad och på Kronoparken, \
            hur samverkan med fastighetsägarna fungerar och vilka platser som behöver fler \
            kvällspass under hösten."
            .repeat(2);
        item.decisions = vec![
            "följa upp frågan vid nästa möte".into(),
            "ge samordnaren i uppdrag att sammanställa underlag".into(),
        ];
        meeting.items.push(item);
    }
    // Justerat with all of it, so the fingerprint covers the added items.
    if meeting.fingerprint.is_some() {
        meeting.fingerprint = Some(medborgarlofte::model::fingerprint::Fingerprint::of(
            &meeting,
        ));
    }
    meeting
}

fn benches(c: &mut Criterion) {
    let loaded = store::load(
        sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let pledge = loaded.pledge.as_ref().expect("sample pledge");
    let largest = loaded
        .meetings
        .iter()
        .max_by_key(|m| store::meeting_to_ron(m).map_or(0, |t| t.len()))
        .expect("sample meetings");
    c.bench_function("minutes_sample_largest", |b| {
        b.iter(|| black_box(minutes_pdf(pledge, &loaded.meetings, largest, &[]).expect("pdf")));
    });
    let stress = stress_meeting(largest);
    let fonts = medborgarlofte::minutes::pdf::Fonts::load().expect("fonts");
    let blocks = medborgarlofte::minutes::content::blocks(pledge, &loaded.meetings, &stress, &[]);
    let pages = medborgarlofte::minutes::layout::layout(&blocks, &fonts).len();
    assert!(
        (35..=50).contains(&pages),
        "stress meeting has {pages} pages"
    );
    eprintln!("stress meeting: {pages} pages");
    c.bench_function("minutes_40_pages", |b| {
        b.iter(|| black_box(minutes_pdf(pledge, &loaded.meetings, &stress, &[]).expect("pdf")));
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let big = limits::folder(dir.path());
    let pledge = big.pledge.as_ref().expect("pledge");
    let largest = big
        .meetings
        .iter()
        .max_by_key(|m| m.items.len())
        .expect("meetings");
    let mut group = c.benchmark_group("minutes_at_the_limits");
    group.sample_size(10);
    group.bench_function("pdf", |b| {
        b.iter(|| black_box(minutes_pdf(pledge, &big.meetings, largest, &[]).expect("pdf")));
    });
    group.finish();
}

criterion_group!(minutes, benches);
criterion_main!(minutes);
