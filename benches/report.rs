//! The public progress report for the sample, from loaded files to bytes:
//! selection (status, places, justerat assessments) plus PDF (target ≤ 30 ms),
//! and the same with HTML; and for the largest input that passes `check`
//! (target ≤ 2 s).

#[path = "limits/mod.rs"]
mod limits;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use medborgarlofte::model::Date;
use medborgarlofte::report::{self, Format};
use medborgarlofte::{sample, store};

fn benches(c: &mut Criterion) {
    let loaded = store::load(
        sample::karlstad(),
        Date::from_ymd(2026, 1, 1).expect("date"),
    );
    let pledge = loaded.pledge.as_ref().expect("sample pledge");
    let as_of = Date::from_ymd(2017, 9, 30).expect("date");
    for (name, format) in [
        ("report_sample_pdf", Format::Pdf),
        ("report_sample_html", Format::Html),
    ] {
        c.bench_function(name, |b| {
            b.iter(|| {
                let selected = report::select(pledge, &loaded.activities, &loaded.meetings, as_of);
                black_box(report::render(&selected, format).expect("report"))
            });
        });
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let big = limits::folder(dir.path());
    let pledge = big.pledge.as_ref().expect("pledge");
    let mut group = c.benchmark_group("report_at_the_limits");
    group.sample_size(10);
    for (name, format) in [("pdf", Format::Pdf), ("html", Format::Html)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let selected = report::select(pledge, &big.activities, &big.meetings, as_of);
                black_box(report::render(&selected, format).expect("report"))
            });
        });
    }
    group.finish();
}

criterion_group!(report_benches, benches);
criterion_main!(report_benches);
