//! Load + validate + status for a generated pledge with 100,000 activities in
//! 10 files (target ≤ 150 ms), and status alone after one edit (target ≤ 5 ms):
//! the edited file re-interned, then everything recomputed, as the GUI does.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use medborgarlofte::model::Date;
use medborgarlofte::store::{self, Inputs};
use medborgarlofte::synthetic::{Size, write_folder};
use medborgarlofte::{sample, status};

const SIZE: Size = Size {
    commitments: 60,
    activities: 100_000,
    files: 10,
    seed: 2016,
};

fn today() -> Date {
    Date::from_ymd(2026, 1, 1).expect("valid date")
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    write_folder(dir.path(), SIZE).expect("write synthetic folder");
    let as_of = Date::from_ymd(2017, 3, 16).expect("valid date");

    let mut group = c.benchmark_group("100k_activities");
    group.sample_size(20);
    group.bench_function("load_validate_status", |b| {
        b.iter(|| {
            let inputs = Inputs::open(dir.path(), &[]).expect("folder opens");
            let loaded = store::load(inputs, today());
            assert!(loaded.problems.is_empty(), "{:?}", loaded.problems.first());
            let pledge = loaded.pledge.as_ref().expect("pledge");
            black_box(status::compute(pledge, &loaded.activities, as_of))
        });
    });

    let loaded = store::load(Inputs::open(dir.path(), &[]).expect("opens"), today());
    let pledge = loaded.pledge.clone().expect("pledge");
    let mut files = loaded.activities;
    // What the GUI holds between edits: the entries interned once.
    let mut prepared = status::Prepared::new(&pledge, &files);
    group.bench_function("status_after_one_edit", |b| {
        let mut toggle = false;
        b.iter(|| {
            // One edit, as the GUI applies it: change an entry, re-intern
            // only its file, recompute everything.
            toggle = !toggle;
            if let Some(q) = files[0].entries[0].quantity.as_mut() {
                q.amount = if toggle { 2.0 } else { 3.0 };
            }
            prepared.update_file(&pledge, 0, &files[0]);
            black_box(prepared.compute(&pledge, as_of))
        });
    });
    group.bench_function("status_from_scratch", |b| {
        b.iter(|| black_box(status::compute(&pledge, &files, as_of)));
    });
    group.finish();

    c.bench_function("sample_load_validate_status", |b| {
        b.iter(|| {
            let loaded = store::load(sample::karlstad(), today());
            let pledge = loaded.pledge.as_ref().expect("sample pledge");
            black_box(status::compute(pledge, &loaded.activities, as_of))
        });
    });
}

criterion_group!(load_status, benches);
criterion_main!(load_status);
