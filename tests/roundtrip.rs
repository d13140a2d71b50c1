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

#[test]
fn the_fields_of_revisions_milestones_weekdays_and_joint_entries_round_trip() {
    use medborgarlofte::model::{Revision, RevisionChange, Target, TargetShape, Weekday};
    let loaded = store::load(medborgarlofte::sample::karlstad(), today());
    let mut pledge = loaded.pledge.expect("sample pledge parses");
    let mut files = loaded.activities;
    let shapes = [
        TargetShape::Weekdays {
            amount: 1.0,
            days: vec![Weekday::Fredag, Weekday::Lordag],
        },
        TargetShape::Milestone { by: None },
        TargetShape::Milestone {
            by: Some("2017-01-31".parse().expect("valid")),
        },
        TargetShape::Rate {
            amount: 4.0,
            per: medborgarlofte::model::RateUnit::Ar,
            average: false,
        },
    ];
    let mut previous: Option<Target> = None;
    for (c, shape) in pledge.commitments.iter_mut().zip(shapes) {
        let target = c.target.get_or_insert_with(|| Target {
            shape: shape.clone(),
            unit: "insatser".into(),
            bound: medborgarlofte::model::Bound::Minst,
            from: None,
            until: None,
            condition: None,
            example: false,
        });
        previous = Some(target.clone());
        target.shape = shape;
    }
    let id = pledge.commitments[0].id.clone();
    for (date, change) in [
        ("2017-02-01", RevisionChange::MalAndrat { previous }),
        ("2017-03-01", RevisionChange::MalAndrat { previous: None }),
        ("2017-04-01", RevisionChange::Tillagt),
        ("2017-05-01", RevisionChange::Utgar),
    ] {
        pledge.revisions.push(Revision {
            date: date.parse().expect("valid"),
            commitment: id.clone(),
            change,
            reason: "Beslut i styrgruppen".into(),
        });
    }
    let entry = files
        .iter_mut()
        .find_map(|f| f.entries.first_mut())
        .expect("the sample has entries");
    entry.with = vec!["karlstads-kommun".into()];
    entry.milestone_reached = true;
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("activities")).expect("mkdir");
    save_pledge(&dir.path().join("pledge.ron"), &pledge).expect("save pledge");
    for (i, file) in files.iter().enumerate() {
        save_activities(&dir.path().join(format!("activities/{i:02}.ron")), file)
            .expect("save activities");
    }
    let text = std::fs::read_to_string(dir.path().join("pledge.ron")).expect("read");
    assert!(
        text.contains("Weekdays(") && text.contains("Fredag"),
        "{text}"
    );
    assert!(
        text.contains("Milestone()") || text.contains("Milestone(\n"),
        "{text}"
    );
    assert!(text.contains("by: \"2017-01-31\""), "{text}");
    assert!(text.contains("per: Ar"), "{text}");
    assert!(text.contains("MalAndrat("), "{text}");
    let again = store::load(
        Inputs::open(dir.path(), &[]).expect("folder opens"),
        today(),
    );
    assert_eq!(again.pledge.as_ref(), Some(&pledge));
    assert_eq!(again.activities, files);
    // `Some(…)` written by hand reads too, as does the plain date.
    let by_hand = text.replace("by: \"2017-01-31\"", "by: Some(\"2017-01-31\")");
    let back: Pledge = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&by_hand)
        .expect("parses");
    assert_eq!(back, pledge);
}

#[test]
fn indicator_goals_qualifiers_and_texts_round_trip() {
    let loaded = store::load(medborgarlofte::sample::karlstad(), today());
    let pledge = loaded.pledge.expect("sample pledge parses");
    let text = to_ron(&pledge).expect("serialise");
    for written in [
        "goal: Minska",
        "goal: Niva(\n                value: 20,",
        "value: 28,",
        "qualifier: Cirka",
        "text: \"har minskat enligt polisens lägesbild\"",
    ] {
        assert!(text.contains(written), "{written} in\n{text}");
    }
    let back: Pledge = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&text)
        .expect("parses back");
    assert_eq!(back.indicators, pledge.indicators);
    let i3 = back
        .indicators
        .iter()
        .find(|i| i.id.as_str() == "I3")
        .expect("I3");
    assert_eq!(i3.values.first().and_then(|v| v.value), None, "no number");
}
