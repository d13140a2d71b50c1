//! Copies of a file that sync services and Explorer make beside it.
//!
//! On a OneDrive or SharePoint folder, two laptops that saved the same
//! activity file while one was offline leave `kommunen-LAPTOP-7.ron`
//! beside `kommunen.ron`; Dropbox writes `kommunen (Annas kopia i konflikt
//! 2024-03-01).ron` or `(… conflicted copy …)`, some services
//! `kommunen.ron.conflict`, and Explorer's copy and paste `kommunen (1).ron`
//! or `kommunen - Kopia.ron`. Read as one more activity file, such a copy
//! counts every report of the original a second time. So a name that reads
//! as such a copy *of a file in the same folder* is reported as a warning
//! ("möjlig konfliktkopia av kommunen.ron") and kept out of the follow-up;
//! the warning says whether it holds entries the original lacks.
//!
//! The rule, for `<namn>.ron` (case does not matter) in `activities/` or
//! `meetings/`, with `<bas>.ron` another file of that folder:
//!
//! - `<bas> (N).ron` with N a number, `<bas> - Kopia.ron`, `<bas> - Copy.ron`
//!   (also followed by ` (N)`);
//! - `<bas> (… konflikt …).ron` or `(… conflict …)` (Dropbox, in Swedish
//!   and English);
//! - `<bas>-DATORNAMN.ron`, where DATORNAMN looks like a Windows computer
//!   name: 1–15 characters, upper-case letters, digits and hyphens, at least
//!   one letter, not starting or ending with a hyphen (`LAPTOP-7`,
//!   `DESKTOP-4F2K9QX`, `KOMMUN123`). Only upper case: Windows shows
//!   computer names so, and the app's own files are named by party ids,
//!   which are lower case (`lpo-karlstad.ron` is no copy of `lpo.ron`). A
//!   number alone is no computer name: `kommunen-2.ron` is a second file.
//!
//! and any `<bas>.ron.conflict`, which is never loaded as a file of its own.
//! A file whose base is not there (`skolan.ron`, `kommunen (1).ron` without
//! `kommunen.ron`) is an ordinary file.

use std::path::Path;

use crate::model::meeting::Meeting;
use crate::model::{ActivityFile, CopyDifference, Problem, ProblemKind, Severity};

use super::Source;

/// For each of `sources`, the file name of the source in the same folder
/// it is a copy of, if it is one.
pub(super) fn originals(sources: &[Source]) -> Vec<Option<String>> {
    let name = |s: &Source| {
        s.path
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_owned)
    };
    sources
        .iter()
        .map(|source| {
            let own = name(source)?;
            let dir = source.path.parent();
            let names: Vec<String> = sources
                .iter()
                .filter(|s| s.path.parent() == dir)
                .filter_map(name)
                .collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            original_of(&own, &names)
        })
        .collect()
}

/// The warning for the copy at `path`.
pub(super) fn warning(path: &Path, kind: ProblemKind) -> Problem {
    Problem {
        severity: Severity::Varning,
        file: path.display().to_string(),
        line: 1,
        col: 1,
        kind,
        related: None,
    }
}

/// The source of the file named `original` beside the source `copy`.
fn original_source(sources: &[Source], copy: usize, original: &str) -> Option<usize> {
    let dir = sources.get(copy)?.path.parent();
    sources.iter().position(|s| {
        s.path.parent() == dir
            && s.path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.to_lowercase() == original.to_lowercase())
    })
}

/// One warning per activity copy, saying how many of its entries the
/// original lacks. `copies`: (source, original's name, the parsed copy).
pub(super) fn activity_copy_warnings(
    sources: &[Source],
    copies: Vec<(usize, String, Option<ActivityFile>)>,
    activities: &[ActivityFile],
    activity_sources: &[usize],
) -> Vec<Problem> {
    copies
        .into_iter()
        .filter_map(|(source, original, copy)| {
            let path = &sources.get(source)?.path;
            let of_original = original_source(sources, source, &original)
                .and_then(|s| activity_sources.iter().position(|a| *a == s))
                .and_then(|i| activities.get(i));
            let difference = match (copy, of_original) {
                (Some(copy), Some(original)) => match extra_entries(&copy, original) {
                    Some(0) => CopyDifference::Nothing,
                    Some(n) => CopyDifference::Entries(n),
                    None => CopyDifference::Unknown,
                },
                _ => CopyDifference::Unknown,
            };
            Some(warning(
                path,
                ProblemKind::SyncCopy {
                    original,
                    difference,
                },
            ))
        })
        .collect()
}

/// Entry comparisons beyond which two files are not compared: a copy
/// differs from its original in a few entries at the end, and a file of
/// shuffled tens of thousands of entries is not worth seconds of loading.
const MAX_COMPARISONS: usize = 20_000_000;

/// How many entries of `copy` are not in `original` (counting repeats);
/// `None` when that would take too long to find out.
fn extra_entries(copy: &ActivityFile, original: &ActivityFile) -> Option<usize> {
    let same = copy
        .entries
        .iter()
        .zip(&original.entries)
        .take_while(|(a, b)| a == b)
        .count();
    let copy_rest = copy.entries.get(same..).unwrap_or_default();
    let original_rest = original.entries.get(same..).unwrap_or_default();
    if copy_rest.len().saturating_mul(original_rest.len()) > MAX_COMPARISONS {
        return None;
    }
    let mut used = vec![false; original_rest.len()];
    let mut extra = 0;
    for entry in copy_rest {
        let found = original_rest
            .iter()
            .zip(used.iter_mut())
            .find(|(o, used)| !**used && *o == entry);
        match found {
            Some((_, used)) => *used = true,
            None => extra += 1,
        }
    }
    Some(extra)
}

/// Fills in, for each meeting sync copy among `copies`, whether it differs
/// from the meeting it copies.
pub(super) fn compare_meeting_copies(
    sources: &[Source],
    kinds: &mut [ProblemKind],
    copies: &[Meeting],
    copy_sources: &[usize],
    meetings: &[Meeting],
    meeting_sources: &[usize],
) {
    for ((kind, copy), &source) in kinds.iter_mut().zip(copies).zip(copy_sources) {
        let ProblemKind::SyncCopy {
            original,
            difference,
        } = kind
        else {
            continue;
        };
        let of_original = original_source(sources, source, original)
            .and_then(|s| meeting_sources.iter().position(|m| *m == s))
            .and_then(|i| meetings.get(i));
        *difference = match of_original {
            Some(m) if m == copy => CopyDifference::Nothing,
            Some(_) => CopyDifference::Differs,
            None => CopyDifference::Unknown,
        };
    }
}

/// The file in `names` (file names of the same folder) that `name` is
/// likely a sync or Explorer copy of, by the rule of the module docs. For
/// `*.ron.conflict` the base name is returned whether or not it is there.
pub fn original_of(name: &str, names: &[&str]) -> Option<String> {
    if let Some(base) = strip_suffix_ignore_case(name, ".conflict") {
        return ends_with_ignore_case(base, ".ron").then(|| base.to_owned());
    }
    let stem = strip_suffix_ignore_case(name, ".ron")?;
    let exists = |base: &str| {
        let wanted = format!("{base}.ron");
        names
            .iter()
            .find(|n| n.to_lowercase() == wanted.to_lowercase() && **n != name)
            .map(|n| (*n).to_owned())
    };
    candidate_bases(stem)
        .into_iter()
        .find_map(|base| exists(&base))
}

/// Whether `name` (in a folder with `names`) is such a copy.
pub fn is_copy(name: &str, names: &[&str]) -> bool {
    original_of(name, names).is_some()
}

/// Every base stem `stem` may be a copy of, most specific first.
fn candidate_bases(stem: &str) -> Vec<String> {
    let mut bases = Vec::new();
    let mut rest = stem;
    // `kommunen - Kopia (2)`: the number first, then the copy mark.
    if let Some((head, inner)) = parenthesised_tail(rest) {
        let lower = inner.to_lowercase();
        if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
            rest = head;
            bases.push(head.to_owned());
        } else if lower.contains("konflikt") || lower.contains("conflict") {
            bases.push(head.to_owned());
            return bases;
        }
    }
    for mark in [" - Kopia", " - Copy"] {
        if let Some(head) = strip_suffix_ignore_case(rest, mark) {
            bases.push(head.to_owned());
        }
    }
    for (i, _) in stem.match_indices('-') {
        let (head, name) = (&stem[..i], &stem[i + 1..]);
        if !head.is_empty() && is_computer_name(name) {
            bases.push(head.to_owned());
        }
    }
    bases.retain(|b| !b.trim().is_empty());
    bases
}

/// `("kommunen", "1")` for `kommunen (1)`.
fn parenthesised_tail(stem: &str) -> Option<(&str, &str)> {
    let inner_and_head = stem.strip_suffix(')')?;
    let open = inner_and_head.rfind(" (")?;
    Some((&inner_and_head[..open], &inner_and_head[open + 2..]))
}

/// Whether `name` looks like a Windows computer name (see the module docs).
pub fn is_computer_name(name: &str) -> bool {
    (1..=15).contains(&name.len())
        && !name.starts_with('-')
        && !name.ends_with('-')
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
        && name.bytes().any(|b| b.is_ascii_uppercase())
}

fn strip_suffix_ignore_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(suffix.len())?;
    let tail = text.get(cut..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &text[..cut])
}

fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    strip_suffix_ignore_case(text, suffix).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FOLDER: &[&str] = &[
        "kommunen.ron",
        "polisen.ron",
        "lpo-karlstad.ron",
        "lpo.ron",
        "2017-03-16.ron",
    ];

    #[test]
    fn sync_and_explorer_copies_are_recognised() {
        for (name, original) in [
            ("kommunen-LAPTOP-7.ron", "kommunen.ron"),
            ("kommunen-DESKTOP-4F2K9QX.ron", "kommunen.ron"),
            ("kommunen-KOMMUN123.ron", "kommunen.ron"),
            ("Kommunen-LAPTOP-7.RON", "kommunen.ron"),
            ("kommunen (1).ron", "kommunen.ron"),
            ("kommunen (12).ron", "kommunen.ron"),
            ("kommunen (Konflikt 2024-03-01).ron", "kommunen.ron"),
            (
                "kommunen (Annas kopia i konflikt 2024-03-01).ron",
                "kommunen.ron",
            ),
            (
                "polisen (Anna Berg's conflicted copy 2024-03-01).ron",
                "polisen.ron",
            ),
            ("kommunen - Kopia.ron", "kommunen.ron"),
            ("kommunen - Copy (2).ron", "kommunen.ron"),
            ("kommunen.ron.conflict", "kommunen.ron"),
            ("skolan.ron.CONFLICT", "skolan.ron"),
            ("2017-03-16-LAPTOP-7.ron", "2017-03-16.ron"),
            ("2017-03-16 (1).ron", "2017-03-16.ron"),
        ] {
            assert_eq!(
                original_of(name, FOLDER).as_deref(),
                Some(original),
                "{name}"
            );
        }
    }

    #[test]
    fn real_second_files_are_not_misread() {
        for name in [
            "kommunen.ron",
            "kommunen-2.ron",
            "kommunen-2024.ron",
            "kommunen-skolan.ron",
            "lpo-karlstad.ron",
            "skolan.ron",
            "skolan (1).ron",
            "skolan-LAPTOP-7.ron",
            "kommunen (extra).ron",
            "kommunen-LAPTOP-.ron",
            "kommunen-ABCDEFGHIJKLMNOP.ron",
            "kommunen-LAPTOP-7.ron.bak",
            "2017-03-16-kopia.ron",
            "2017-06-15.ron",
            " (1).ron",
        ] {
            assert_eq!(original_of(name, FOLDER), None, "{name}");
        }
    }

    #[test]
    fn computer_names() {
        for name in ["LAPTOP-7", "DESKTOP-4F2K9QX", "PC1", "KANSLI"] {
            assert!(is_computer_name(name), "{name}");
        }
        for name in ["7", "2024", "laptop-7", "Laptop", "-PC", "PC-", "", "ÅSA"] {
            assert!(!is_computer_name(name), "{name}");
        }
    }
}
