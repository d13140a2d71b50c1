//! load → save → load is lossless, saves are atomic and stable.

use medborgarlofte::model::{ActivityFile, Date, Pledge};
use medborgarlofte::store::{self, Inputs, save_activities, save_pledge, to_ron};

fn today() -> Date {
    "2026-01-01".parse().expect("valid")
}

#[test]
fn the_sample_survives_a_save_and_reload_unchanged() {
    let loaded = store::load(medborgarlofte::sample::karlstad(), today());
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let pledge = loaded.pledge.clone().expect("sample pledge parses");
    let files = loaded.activities.clone();

    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("activities")).expect("mkdir");
    save_pledge(&dir.path().join("pledge.ron"), &pledge).expect("save pledge");
    for (i, file) in files.iter().enumerate() {
        save_activities(&dir.path().join(format!("activities/{i:02}.ron")), file)
            .expect("save activities");
    }

    let again = store::load(
        Inputs::open(dir.path(), &[]).expect("folder opens"),
        today(),
    );
    assert!(again.problems.is_empty(), "{:#?}", again.problems);
    assert_eq!(again.pledge.as_ref(), Some(&pledge));
    assert_eq!(again.activities, files, "same entries in the same order");

    // A second save of the reloaded data is byte-identical: saving is stable.
    let first = to_ron(&pledge).expect("serialise");
    let second = to_ron(again.pledge.as_ref().expect("reloaded")).expect("serialise");
    assert_eq!(first, second);
}

#[test]
fn optional_fields_are_written_without_some() {
    let loaded = store::load(medborgarlofte::sample::karlstad(), today());
    let text = to_ron(loaded.pledge.as_ref().expect("sample")).expect("serialise");
    assert!(
        text.starts_with("#![enable(implicit_some)]"),
        "{}",
        &text[..80]
    );
    assert!(!text.contains("Some("));
    let back: Pledge = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&text)
        .expect("parses back");
    assert_eq!(Some(&back), loaded.pledge.as_ref());
}

#[test]
fn atomic_save_replaces_the_file_and_leaves_no_temp_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kommunen.ron");
    std::fs::write(&path, "gammalt innehåll").expect("write");
    let file = ActivityFile {
        version: 1,
        reporter: Some("Test".into()),
        note: None,
        entries: Vec::new(),
    };
    save_activities(&path, &file).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("reporter: \"Test\""), "{text}");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["kommunen.ron".to_owned()]);
}

#[test]
fn saving_into_a_missing_folder_fails_without_touching_anything() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("finns-inte/kommunen.ron");
    let file = ActivityFile {
        version: 1,
        reporter: None,
        note: None,
        entries: Vec::new(),
    };
    let err = save_activities(&path, &file).expect_err("no such folder");
    assert!(err.to_string().starts_with("kunde inte spara "), "{err}");
}

#[test]
fn a_target_window_survives_load_save_load() {
    // Files without `from`/`until` load unchanged (they default to none) …
    let loaded = store::load(medborgarlofte::sample::karlstad(), today());
    let mut pledge = loaded.pledge.expect("sample pledge parses");
    let before = to_ron(&pledge).expect("serialise");
    assert!(!before.contains("from: \"") && !before.contains("until:"));
    // … and a window set on a target is written plainly and read back.
    let target = pledge
        .commitments
        .iter_mut()
        .find_map(|c| c.target.as_mut())
        .expect("the sample has targets");
    target.from = Some("2016-11-01".parse().expect("valid"));
    target.until = Some("2017-06-30".parse().expect("valid"));
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("activities")).expect("mkdir");
    save_pledge(&dir.path().join("pledge.ron"), &pledge).expect("save pledge");
    let text = std::fs::read_to_string(dir.path().join("pledge.ron")).expect("read");
    assert!(text.contains("from: \"2016-11-01\""), "{text}");
    assert!(text.contains("until: \"2017-06-30\""), "{text}");
    let again = store::load(
        Inputs::open(dir.path(), &[]).expect("folder opens"),
        today(),
    );
    assert_eq!(again.pledge.as_ref(), Some(&pledge));
    let second = to_ron(again.pledge.as_ref().expect("reloaded")).expect("serialise");
    assert_eq!(to_ron(&pledge).expect("serialise"), second);
}
