//! Copies of a meeting file: what "Spara som kopia" writes when the meeting
//! file changed on disk under unsaved edits and the user keeps both.
//!
//! A copy is an ordinary meeting file next to the meeting, named
//! `<meeting>-kopia.ron` (then `-kopia-2.ron`, `-kopia-3.ron` …), so the
//! folder loads it, the app lists it under Möten and it opens like any
//! meeting. It is kept out of the follow-up: a second version of one
//! meeting would count its assessments twice and repeat its action ids.
//! Loading reports it as a warning, and validates it as if it stood in place
//! of the meeting it copies, so its own problems are still found.

use std::path::{Path, PathBuf};

use crate::model::meeting::Meeting;
use crate::model::validate::validate_meetings;
use crate::model::{DocRef, Pledge, Problem, ProblemKind, Severity};

use super::{Source, locate_findings};

/// What marks a copy's file name, before its number.
const COPY_MARK: &str = "-kopia";

/// The meeting file name (without `.ron`) that `path` is a copy of:
/// `2017-06-15` for `2017-06-15-kopia.ron` and `2017-06-15-kopia-2.ron`;
/// `None` for any other file.
pub fn copy_of(path: &Path) -> Option<String> {
    if !super::paths::has_extension(path, "ron") {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    let without_number = match stem.rsplit_once('-') {
        Some((head, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => head,
        _ => stem,
    };
    let original = without_number.strip_suffix(COPY_MARK)?;
    (!original.is_empty()).then(|| original.to_owned())
}

/// Where a copy of the meeting file at `path` goes: the first of
/// `<meeting>-kopia.ron`, `<meeting>-kopia-2.ron` … not taken. A copy of a
/// copy is numbered after the same meeting, never `-kopia-kopia`.
pub fn copy_path(path: &Path) -> PathBuf {
    let original = copy_of(path).or_else(|| {
        path.file_stem()
            .and_then(|s| s.to_str())
            .map(ToOwned::to_owned)
    });
    let original = original.unwrap_or_else(|| "möte".to_owned());
    let dir = path.parent().unwrap_or(Path::new("."));
    // Never more than a few copies; the bound only ends the search.
    (1..10_000)
        .map(|n| {
            let name = if n == 1 {
                format!("{original}{COPY_MARK}.ron")
            } else {
                format!("{original}{COPY_MARK}-{n}.ron")
            };
            dir.join(name)
        })
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| dir.join(format!("{original}{COPY_MARK}.ron")))
}

/// The meetings and copies of one load, with where each was read.
pub(super) struct Loading<'a> {
    pub meetings: &'a [Meeting],
    pub meeting_sources: &'a [usize],
    pub copies: &'a [Meeting],
    pub copy_sources: &'a [usize],
    /// The warning for each copy: one of ours ([`ProblemKind::MeetingCopy`])
    /// or a sync service's ([`ProblemKind::SyncCopy`]).
    pub copy_kinds: &'a [ProblemKind],
}

/// A warning per copy (ours or a sync service's), and each copy's problems as if it stood in place of
/// the meeting of its date.
pub(super) fn check(
    pledge: Option<&Pledge>,
    all: &Loading<'_>,
    sources: &[Source],
    activity_sources: &[usize],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for ((copy, &source), kind) in all.copies.iter().zip(all.copy_sources).zip(all.copy_kinds) {
        let Some(file) = sources.get(source) else {
            continue;
        };
        problems.push(Problem {
            severity: Severity::Varning,
            file: file.path.display().to_string(),
            line: 1,
            col: 1,
            kind: kind.clone(),
            related: None,
        });
        let Some(pledge) = pledge else {
            continue;
        };
        let (mut alike, mut alike_sources): (Vec<Meeting>, Vec<usize>) = all
            .meetings
            .iter()
            .zip(all.meeting_sources)
            .filter(|(m, _)| m.date != copy.date)
            .map(|(m, s)| (m.clone(), *s))
            .unzip();
        alike.push(copy.clone());
        alike_sources.push(source);
        let own = DocRef::Meetings(alike.len() - 1);
        let findings = validate_meetings(pledge, &alike)
            .into_iter()
            .filter(|f| f.doc == own)
            .collect();
        problems.extend(locate_findings(sources, findings, |doc| match doc {
            DocRef::Pledge => Some(0),
            DocRef::Activities(i) => activity_sources.get(i).copied(),
            DocRef::Meetings(i) => alike_sources.get(i).copied(),
        }));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_named_after_the_meeting_and_numbered() {
        let dir = tempfile::tempdir().expect("temp dir");
        let meeting = dir.path().join("2017-06-15.ron");
        assert_eq!(copy_of(&meeting), None);
        let first = copy_path(&meeting);
        assert_eq!(first, dir.path().join("2017-06-15-kopia.ron"));
        assert_eq!(copy_of(&first).as_deref(), Some("2017-06-15"));
        std::fs::write(&first, "").expect("write");
        let second = copy_path(&meeting);
        assert_eq!(second, dir.path().join("2017-06-15-kopia-2.ron"));
        assert_eq!(copy_of(&second).as_deref(), Some("2017-06-15"));
        std::fs::write(&second, "").expect("write");
        // A copy of a copy is the next copy of the meeting.
        assert_eq!(copy_path(&first), dir.path().join("2017-06-15-kopia-3.ron"));
        assert_eq!(copy_of(Path::new("2017-06-15-kopia.recovery")), None);
        assert_eq!(copy_of(Path::new("-kopia.ron")), None);
        assert_eq!(copy_of(Path::new("2017-06-15-2.ron")), None);
    }

    /// The sample with a copy of its June meeting next to it.
    fn with_copy(edit: impl Fn(String) -> String) -> super::super::Loaded {
        let mut inputs = crate::sample::karlstad();
        let june = inputs
            .meetings
            .iter()
            .find(|s| s.path.ends_with("2017-06-15.ron"))
            .and_then(|s| s.text.clone().ok())
            .expect("the June meeting");
        inputs.meetings.push(Source::from_text(
            "karlstad/meetings/2017-06-15-kopia.ron",
            edit(crate::model::meeting::test_support::unjusterat(&june)),
        ));
        super::super::load(inputs, "2026-01-01".parse().expect("date"))
    }

    #[test]
    fn a_copy_loads_with_one_warning_and_is_kept_out_of_the_follow_up() {
        let plain = super::super::load(
            crate::sample::karlstad(),
            "2026-01-01".parse().expect("date"),
        );
        let loaded = with_copy(|text| text.replace("Polishuset", "Stadshuset"));
        assert_eq!(loaded.meetings.len(), plain.meetings.len());
        assert_eq!(loaded.meetings, plain.meetings);
        let copies: Vec<_> = loaded.meeting_copies().collect();
        assert_eq!(copies.len(), 1);
        assert!(copies[0].0.ends_with("2017-06-15-kopia.ron"));
        assert!(copies[0].1.place.contains("Stadshuset"));
        // The same action ids as the meeting it copies, yet no error.
        let new: Vec<String> = loaded
            .problems
            .iter()
            .filter(|p| !plain.problems.contains(p))
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            new,
            vec![
                "karlstad/meetings/2017-06-15-kopia.ron:1:1: varning: kopia av mötesfilen 2017-06-15.ron, sparad när den filen hade ändrats av någon annan; kopian räknas inte i uppföljningen. Öppna den under Möten, för över det som ska gälla till mötet och ta sedan bort kopian"
            ]
        );
    }

    #[test]
    fn a_copys_own_problems_are_reported_in_it() {
        let loaded = with_copy(|text| text.replace(r#"commitment: "K4""#, r#"commitment: "K9""#));
        let in_copy: Vec<String> = loaded
            .problems
            .iter()
            .filter(|p| p.file.ends_with("-kopia.ron"))
            .map(ToString::to_string)
            .collect();
        assert_eq!(in_copy.len(), 2, "{in_copy:?}");
        assert!(
            in_copy[1].contains(":33:37: fel:") && in_copy[1].contains("okänt åtagande \"K9\""),
            "{in_copy:?}"
        );
    }
}
