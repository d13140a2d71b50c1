//! Importing a 50,000-row xlsx into a copy of the sample, end to end: read
//! the workbook (calamine), map and check every row, skip what is there,
//! write each party's file (target ≤ 1 s). Reading and planning alone are
//! measured too, to see where the time goes.

use std::hint::black_box;
use std::path::Path;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use medborgarlofte::import::{self, Context, Mapping};
use medborgarlofte::model::Date;
use medborgarlofte::store;
use medborgarlofte::workspace::copy_sample_to;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const ROWS: u32 = 50_000;

fn write_log(path: &Path) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    for (col, heading) in [
        "Datum",
        "Åtagande",
        "Part",
        "Antal",
        "Enhet",
        "Plats",
        "Kommentar",
    ]
    .iter()
    .enumerate()
    {
        sheet
            .write_string(0, u16::try_from(col).expect("col"), *heading)
            .expect("heading");
    }
    let places = [
        "Kronoparken",
        "Stora torget",
        "Kungsgatan",
        "Herrhagen",
        "Våxnäs",
    ];
    for row in 1..=ROWS {
        let month = u8::try_from(1 + row % 9).expect("month");
        let day = u8::try_from(1 + row % 28).expect("day");
        let date = ExcelDateTime::from_ymd(2017, month, day).expect("date");
        sheet
            .write_datetime_with_format(row, 0, &date, &date_format)
            .expect("date");
        let (id, party, unit) = if row % 2 == 0 {
            ("P1", "Polisen", "timmar")
        } else {
            ("K1", "Kommunen", "tillsyner")
        };
        sheet.write_string(row, 1, id).expect("id");
        sheet.write_string(row, 2, party).expect("party");
        sheet
            .write_number(row, 3, f64::from(row % 7 + 1))
            .expect("n");
        sheet.write_string(row, 4, unit).expect("unit");
        sheet
            .write_string(
                row,
                5,
                places[usize::try_from(row).expect("row") % places.len()],
            )
            .expect("place");
        sheet
            .write_string(row, 6, format!("Rad {row} i loggen."))
            .expect("note");
    }
    workbook.save(path).expect("saved");
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("dir");
    let xlsx = dir.path().join("logg.xlsx");
    write_log(&xlsx);
    let today = Date::from_ymd(2026, 1, 1).expect("date");
    let mut group = c.benchmark_group("import_50k_xlsx");
    group.sample_size(10);
    group.bench_function("read", |b| {
        b.iter(|| black_box(import::table::read(&xlsx, None).expect("read")));
    });
    let folder = dir.path().join("karlstad");
    copy_sample_to(&folder).expect("copy");
    let loaded = store::load(store::Inputs::open(&folder, &[]).expect("open"), today);
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let table = import::table::read(&xlsx, None).expect("read");
    let mapping = Mapping::guess(&table.headers);
    let ctx = Context {
        pledge,
        existing: &loaded.activities,
        default_party: None,
        today,
    };
    group.bench_function("plan", |b| {
        b.iter(|| black_box(import::plan(&table, &mapping, &ctx)));
    });
    group.bench_function("read_plan_write", |b| {
        b.iter_batched(
            || {
                let target = tempfile::tempdir().expect("dir");
                copy_sample_to(target.path()).expect("copy");
                target
            },
            |target| {
                let loaded = store::load(
                    store::Inputs::open(target.path(), &[]).expect("open"),
                    today,
                );
                let pledge = loaded.pledge.as_ref().expect("pledge");
                let table = import::table::read(&xlsx, None).expect("read");
                let mapping = Mapping::guess(&table.headers);
                let plan = import::plan(
                    &table,
                    &mapping,
                    &Context {
                        pledge,
                        existing: &loaded.activities,
                        default_party: None,
                        today,
                    },
                );
                assert_eq!(
                    plan.entries.len(),
                    ROWS as usize,
                    "{:?}",
                    plan.problems.first()
                );
                let files: Vec<_> = loaded.activity_files().collect();
                let summary =
                    import::apply(&plan, target.path(), &files, pledge).expect("imported");
                black_box(summary);
                target
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(import_benches, benches);
criterion_main!(import_benches);
