//! One dashboard frame (UI logic: layout, widgets, AccessKit tree; no GPU
//! painting) with the generated 100,000-activity, 60-commitment folder.
//! Target: ≤ 2 ms median.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use medborgarlofte::gui::state::Command;
use medborgarlofte::gui::{App, Start};
use medborgarlofte::model::{CommitmentId, Date};
use medborgarlofte::synthetic::{Size, write_folder};
use medborgarlofte::workspace::Origin;

const SIZE: Size = Size {
    commitments: 60,
    activities: 100_000,
    files: 10,
    seed: 2016,
};

fn harness(origin: Origin) -> Harness<'static, App> {
    let start = Start {
        origin,
        today: Date::from_ymd(2017, 3, 16).expect("valid date"),
        poll_interval_secs: 1.0,
        file_dialogs: false,
        resume: false,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 760.0))
        .with_accessibility_check(false)
        .build_eframe(move |cc| App::new(cc, start));
    h.run();
    h
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    write_folder(dir.path(), SIZE).expect("write synthetic folder");

    let mut group = c.benchmark_group("frame_100k");
    let mut h = harness(Origin::path(dir.path()));
    assert_eq!(h.state().visible_commitments().len(), SIZE.commitments);
    group.bench_function("dashboard", |b| {
        b.iter(|| {
            h.step();
            black_box(h.output());
        });
    });
    let first = h
        .state()
        .visible_commitments()
        .first()
        .cloned()
        .unwrap_or_else(|| CommitmentId::new("G1"));
    h.state_mut().handle(Command::OpenDetail(first));
    h.run();
    group.bench_function("dashboard_with_detail", |b| {
        b.iter(|| {
            h.step();
            black_box(h.output());
        });
    });
    group.finish();

    let mut sample = harness(Origin::Sample);
    c.bench_function("frame_sample_dashboard", |b| {
        b.iter(|| {
            sample.step();
            black_box(sample.output());
        });
    });
}

criterion_group!(frame, benches);
criterion_main!(frame);
