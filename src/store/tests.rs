//! Folders and files as Windows, OneDrive and colleagues leave them: CR LF
//! lines and a byte-order mark, names in another case, sync copies.

use std::path::{Path, PathBuf};

use super::*;
use crate::model::activity_edit::ActivityEdit;
use crate::model::pledge_edit::PledgeEdit;

fn today() -> Date {
    "2026-01-01".parse().expect("date")
}

/// A writable copy of the sample.
fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    crate::workspace::copy_sample_to(dir.path()).expect("sample copied");
    dir
}

/// Every `.ron` file under `dir`.
fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(ron_files(&path));
        } else if paths::has_extension(&path, "ron") {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// Rewrites a file as Notepad on Windows may save it: a byte-order mark and
/// CR LF line endings.
fn to_windows(path: &Path) {
    let text = std::fs::read_to_string(path).expect("read");
    let style = newlines::TextStyle {
        crlf: true,
        bom: true,
    };
    std::fs::write(path, style.apply(&text)).expect("write");
}

/// No line feed without its carriage return.
fn all_crlf(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .enumerate()
        .all(|(i, b)| *b != b'\n' || (i > 0 && bytes[i - 1] == b'\r'))
}

fn load_folder(folder: &Path) -> Loaded {
    load(Inputs::open(folder, &[]).expect("opens"), today())
}

#[test]
fn crlf_files_with_a_byte_order_mark_load_as_the_same_data_and_positions() {
    let unix = sample_copy();
    let windows = sample_copy();
    let break_it = |folder: &Path| {
        // A syntax error and an unknown commitment, to compare positions.
        let kommunen = folder.join("activities/kommunen.ron");
        let text = std::fs::read_to_string(&kommunen).expect("read");
        let text = text
            .replacen("(amount: 2, unit", "(amount: två, unit", 1)
            .replacen(r#"commitment: "K4""#, r#"commitment: "K9""#, 1);
        std::fs::write(&kommunen, text).expect("write");
        let june = folder.join("meetings/2017-06-15.ron");
        let text = std::fs::read_to_string(&june).expect("read");
        std::fs::write(&june, text.replacen(r#""K4""#, r#""K9""#, 1)).expect("write");
    };
    let (clean_unix, clean_windows) = {
        for file in ron_files(windows.path()) {
            to_windows(&file);
        }
        (load_folder(unix.path()), load_folder(windows.path()))
    };
    assert!(
        clean_windows.problems.is_empty(),
        "{:?}",
        clean_windows.problems
    );
    assert_eq!(clean_windows.pledge, clean_unix.pledge);
    assert_eq!(clean_windows.activities, clean_unix.activities);
    assert_eq!(clean_windows.meetings, clean_unix.meetings);

    break_it(unix.path());
    break_it(windows.path());
    let positions = |loaded: &Loaded, root: &Path| {
        loaded
            .problems
            .iter()
            .map(|p| {
                let file = p.file.replace(&root.display().to_string(), "");
                (file, p.line, p.col, p.kind.to_string())
            })
            .collect::<Vec<_>>()
    };
    let (a, b) = (load_folder(unix.path()), load_folder(windows.path()));
    let (a, b) = (positions(&a, unix.path()), positions(&b, windows.path()));
    assert!(a.len() >= 2, "{a:?}");
    assert_eq!(a, b);
}

#[test]
fn an_entry_added_to_a_crlf_file_gets_crlf_and_the_rest_stays_byte_for_byte() {
    let dir = sample_copy();
    let path = dir.path().join("activities/kommunen.ron");
    to_windows(&path);
    let original = std::fs::read(&path).expect("read");
    let loaded = load_folder(dir.path());
    let (_, file) = loaded
        .activity_files()
        .find(|(p, _)| p.ends_with("kommunen.ron"))
        .expect("kommunen");
    let mut entry = file.entries.first().cloned().expect("an entry");
    entry.note = Some("Tillagd på Windows.".into());
    let undo =
        activities::apply_to_file(&path, &ActivityEdit::append(file, entry), None).expect("added");
    let written = std::fs::read(&path).expect("read");
    assert!(
        written.starts_with(newlines::BOM.as_bytes()),
        "the mark stays"
    );
    assert!(all_crlf(&written), "no bare LF");
    let end = original.len() - b"    ],\r\n)\r\n".len();
    assert_eq!(
        &written[..end],
        &original[..end],
        "nothing before it changed"
    );
    assert!(String::from_utf8_lossy(&written).contains("Tillagd på Windows."));
    activities::apply_to_file(&path, &undo, None).expect("undone");
    assert_eq!(std::fs::read(&path).expect("read"), original);
}

#[test]
fn a_saved_meeting_keeps_its_line_endings_and_mark_and_backs_up_the_old_bytes() {
    let dir = sample_copy();
    let path = dir.path().join("meetings/2017-03-16.ron");
    to_windows(&path);
    let original = std::fs::read(&path).expect("read");
    let (mut meeting, text) = read_meeting(&path).expect("reads");
    meeting.place = "Stadshuset, Karlstad".into();
    save_meeting(&path, &meeting, Some(&text)).expect("saved, no false conflict");
    let written = std::fs::read(&path).expect("read");
    assert!(written.starts_with(newlines::BOM.as_bytes()));
    assert!(all_crlf(&written));
    assert_eq!(read_meeting(&path).expect("reads back").0, meeting);
    assert_eq!(std::fs::read(backup_path(&path)).expect(".bak"), original);
    // Saved again from the text as now read: still no false conflict.
    let (again, text) = read_meeting(&path).expect("reads");
    save_meeting(&path, &again, Some(&text)).expect("saved again");
}

#[test]
fn pledge_edits_keep_crlf_whether_spliced_or_rewritten() {
    let dir = sample_copy();
    let path = dir.path().join("pledge.ron");
    to_windows(&path);
    let original = std::fs::read(&path).expect("read");
    let read = |path: &Path| parse::<Pledge>(&Source::read(path)).expect("the pledge reads");
    let before = read(&path);
    let mut planned = before.clone();
    PledgeEdit::ReviseText {
        commitment: "P2".into(),
        text: "Insatser mot försäljning av narkotika.".into(),
        date: "2017-01-15".parse().expect("date"),
        reason: "beslut i styrgruppen".into(),
    }
    .apply(&mut planned)
    .expect("applies");
    update_pledge(&path, &before, &planned).expect("spliced");
    let spliced = std::fs::read(&path).expect("read");
    assert!(spliced.starts_with(newlines::BOM.as_bytes()) && all_crlf(&spliced));
    assert_eq!(read(&path), planned);
    assert_eq!(std::fs::read(backup_path(&path)).expect(".bak"), original);
    let mut renamed = planned.clone();
    renamed.title = "Medborgarlöften Karlstad 2017–2018".into();
    update_pledge(&path, &planned, &renamed).expect("rewritten");
    let rewritten = std::fs::read(&path).expect("read");
    assert!(rewritten.starts_with(newlines::BOM.as_bytes()) && all_crlf(&rewritten));
    assert_eq!(read(&path), renamed);
}

/// The sample with its names as a Windows user may have typed them.
fn windows_cased_copy() -> tempfile::TempDir {
    let dir = sample_copy();
    let root = dir.path();
    let rename =
        |from: &str, to: &str| std::fs::rename(root.join(from), root.join(to)).expect(from);
    rename("pledge.ron", "Pledge.RON");
    rename("activities", "Activities");
    rename("meetings", "MEETINGS");
    rename("Activities/kommunen.ron", "Activities/Kommunen.RON");
    rename("MEETINGS/2017-03-16.ron", "MEETINGS/2017-03-16.RON");
    dir
}

#[test]
fn names_in_another_case_are_found() {
    let plain = load(crate::sample::karlstad(), today());
    let dir = windows_cased_copy();
    let loaded = load_folder(dir.path());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.pledge, plain.pledge);
    assert_eq!(loaded.activities.len(), plain.activities.len());
    assert_eq!(loaded.meetings.len(), plain.meetings.len());
    // Shown as the folder spells it (Pledge.RON; under Wine, which keeps
    // no case-only renames, pledge.ron).
    let listed = |name: &str| {
        std::fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .map(|e| e.file_name())
            .find(|n| n.eq_ignore_ascii_case(name))
    };
    assert_eq!(
        loaded.sources[0].path.file_name(),
        listed("pledge.ron").as_deref()
    ); // A new party's file goes into the folder that is there.
    let new = activities::party_file(dir.path(), [], &crate::model::PartyId::new("skolan"));
    let activities = listed("activities").expect("the folder");
    assert_eq!(new, dir.path().join(activities).join("skolan.ron"));
    // And an output never replaces one of them, in any case.
    let protected = output::Protected::of_loaded(&loaded, Some(dir.path()));
    for name in [
        "pledge.ron",
        "PLEDGE.RON",
        "Activities/kommunen.ron",
        "activities/KOMMUNEN.ron",
        "MEETINGS/2017-03-16.ron",
    ] {
        assert!(
            output::check_output_path(&dir.path().join(name), &protected).is_err(),
            "{name}"
        );
    }
}

#[test]
fn sync_copies_are_reported_and_not_counted_and_real_second_files_are() {
    let plain = load_folder(sample_copy().path());
    let dir = sample_copy();
    let activities = dir.path().join("activities");
    let meetings = dir.path().join("meetings");
    let kommunen = std::fs::read_to_string(activities.join("kommunen.ron")).expect("read");
    let copy = |name: &str, text: &str| std::fs::write(activities.join(name), text).expect(name);
    copy("kommunen (1).ron", &kommunen);
    copy("kommunen.ron.conflict", &kommunen);
    // Two entries the original lacks (the laptop was offline).
    let list = splice::entries_list(&kommunen).expect("entries");
    let final_entry = list.items.last().expect("an entry").clone();
    let extra = &kommunen[final_entry];
    let with_two_more = splice::insert(
        &kommunen,
        &list,
        list.items.len(),
        &[
            extra.replace("2017-", "2018-"),
            extra.replace("2017-", "2016-"),
        ],
    );
    copy("kommunen-LAPTOP-7.ron", &with_two_more);
    let june = std::fs::read_to_string(meetings.join("2017-06-15.ron")).expect("read");
    std::fs::write(
        meetings.join("2017-06-15 (Konflikt 2024-03-01).ron"),
        crate::model::meeting::test_support::unjusterat(&june).replace("Polishuset", "Stadshuset"),
    )
    .expect("write");
    std::fs::write(meetings.join("2017-06-15-DESKTOP-4F2K9QX.ron"), &june).expect("write");
    // A real second file of the party: counted.
    let first = &kommunen[list.items.first().expect("an entry").clone()];
    let second = format!("(\n    version: 1,\n    entries: [\n        {first},\n    ],\n)\n");
    copy("kommunen-2.ron", &second);

    let loaded = load_folder(dir.path());
    let entries = |l: &Loaded| l.activities.iter().map(|f| f.entries.len()).sum::<usize>();
    assert_eq!(
        entries(&loaded),
        entries(&plain) + 1,
        "only kommunen-2 adds"
    );
    assert_eq!(loaded.meetings, plain.meetings);
    assert_eq!(loaded.copies.len(), 2, "listed under Möten");
    let new: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.kind.to_string().contains("konfliktkopia"))
        .map(|p| {
            let name = Path::new(&p.file)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            format!("{name}: {}", p.kind)
        })
        .collect();
    let said = |name: &str, what: &str| {
        assert!(
            new.iter()
                .any(|line| line.starts_with(name) && line.contains(what)),
            "{name}: {what} in {new:#?}"
        );
    };
    assert_eq!(new.len(), 5, "{new:#?}");
    said("kommunen (1).ron", "möjlig konfliktkopia av kommunen.ron");
    said(
        "kommunen (1).ron",
        "inget som saknas i kommunen.ron och kan tas bort",
    );
    said("kommunen.ron.conflict", "inget som saknas");
    said("kommunen-LAPTOP-7.ron", "2 aktiviteter finns bara i kopian");
    said(
        "2017-06-15 (Konflikt 2024-03-01).ron",
        "skiljer sig från 2017-06-15.ron",
    );
    said(
        "2017-06-15-DESKTOP-4F2K9QX.ron",
        "inget som saknas i 2017-06-15.ron",
    );
    // Warnings only: the folder still has no errors.
    assert!(!loaded.has_errors(), "{:?}", loaded.problems);
}
