//! A justerat meeting's fingerprint: what the justerare signed, so that a
//! later change shows.
//!
//! The files live on shared drives where anyone can edit them, and JO has
//! criticised minutes whose decisions were reworded after they were signed.
//! When a meeting becomes *justerat* the editor records a [`Fingerprint`]:
//! a SHA-256 over a canonical form of the meeting's content, not over the
//! file's bytes, so saving again, reformatting or re-indenting the file does
//! not change it. Beside the whole, each part (a participant, a §, its
//! discussion, each decision, each action item…) keeps a short hash of its
//! own, so a change can be named: "§ 7, beslut 1".
//!
//! This shows accidental and casual changes. It is no signature: someone who
//! edits the content and recomputes the fingerprint is not stopped. The
//! printed minutes carry its short form ([`Fingerprint::short`]), so a
//! signed paper copy can be matched to the file.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::meeting::Meeting;
use super::problem::{FieldPath, PathSeg::Field, PathSeg::Index};

/// How many hex digits of each part's hash are kept: 64 bits, plenty to
/// notice a change in one part (the whole keeps all 256).
const PART_DIGITS: usize = 16;

/// The fingerprint recorded when a meeting became *justerat*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fingerprint {
    /// SHA-256 over every part, in hex.
    pub sha256: String,
    /// Each part's name ("§ 7, beslut 1") and the first 16 hex digits of
    /// its own SHA-256, in the meeting's order.
    pub parts: Vec<(String, String)>,
}

/// One part of a meeting's content: its name in Swedish (as messages name
/// it), where it is in the file, and its canonical text.
struct Part {
    name: String,
    path: FieldPath,
    canonical: String,
}

/// A part that differs from the fingerprint: its name and where it is in
/// the file (the fingerprint itself for a part that was removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    /// The part in words ("§ 7, beslut 1").
    pub name: String,
    /// Where it is in the meeting file.
    pub path: FieldPath,
}

impl Fingerprint {
    /// The fingerprint of `meeting` as it is now (its own `fingerprint` and
    /// its state are not part of it).
    pub fn of(meeting: &Meeting) -> Fingerprint {
        Fingerprint::of_parts(&parts(meeting))
    }

    /// The fingerprint of content already split into its parts.
    fn of_parts(parts: &[Part]) -> Fingerprint {
        let mut whole = Sha256::new();
        let mut named = Vec::with_capacity(parts.len());
        for part in parts {
            whole.update(part.name.as_bytes());
            whole.update(b"\n");
            whole.update(part.canonical.as_bytes());
            whole.update(b"\n");
            let mut own = hex(&Sha256::digest(part.canonical.as_bytes()));
            own.truncate(PART_DIGITS);
            named.push((part.name.clone(), own));
        }
        Fingerprint {
            sha256: hex(&whole.finalize()),
            parts: named,
        }
    }

    /// The hash of the part named `name`, if it has one.
    pub fn part(&self, name: &str) -> Option<&str> {
        self.parts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, hash)| hash.as_str())
    }

    /// The first eight hex digits in two groups ("3f2a 9c1e"), as the
    /// minutes print it.
    pub fn short(&self) -> String {
        let head: String = self.sha256.chars().take(8).collect();
        let (a, b) = head.split_at(head.len().min(4));
        format!("{a} {b}")
    }
}

/// The parts of a justerat `meeting` that differ from its recorded
/// fingerprint, in the meeting's order, then the removed ones; `None` when
/// it has no fingerprint or its content still matches. An empty list means
/// the whole differs but no single part can be named (parts reordered).
pub fn changes(meeting: &Meeting) -> Option<Vec<Changed>> {
    let recorded = meeting.fingerprint.as_ref()?;
    // Split once: the same parts give the fingerprint now and name what
    // changed (`now.parts` are in their order, one for one).
    let parts = parts(meeting);
    let now = Fingerprint::of_parts(&parts);
    if now.sha256 == recorded.sha256 {
        return None;
    }
    let mut changed: Vec<Changed> = parts
        .into_iter()
        .zip(&now.parts)
        .filter(|(p, (_, own))| recorded.part(&p.name) != Some(own.as_str()))
        .map(|(p, _)| Changed {
            name: p.name,
            path: p.path,
        })
        .collect();
    changed.extend(
        recorded
            .parts
            .iter()
            .map(|(name, _)| name)
            .filter(|name| now.part(name).is_none())
            .map(|name| Changed {
                name: format!("{name} (borttagen)"),
                path: vec![Field("fingerprint")],
            }),
    );
    Some(changed)
}

/// Parts as they are named; a second part of one name (a duplicated
/// action id, an error of its own) is kept apart as "åtgärd A4 (2)".
#[derive(Default)]
struct Named(Vec<Part>);

impl Named {
    fn push(&mut self, name: String, path: FieldPath, canonical: String) {
        let taken = |u: &str| self.0.iter().any(|p| p.name == u);
        let unique = if taken(&name) {
            let mut n = 2;
            loop {
                let numbered = format!("{name} ({n})");
                if !taken(&numbered) {
                    break numbered;
                }
                n += 1;
            }
        } else {
            name
        };
        self.0.push(Part {
            name: unique,
            path,
            canonical,
        });
    }
}

/// The meeting's content, part by part, in the order of the file.
fn parts(meeting: &Meeting) -> Vec<Part> {
    let mut out = Named::default();
    let mut push = |name, path, canonical| out.push(name, path, canonical);
    push(
        "mötets namn, datum, tid och plats".to_owned(),
        vec![Field("title")],
        canonical(&(
            &meeting.title,
            meeting.date,
            meeting.start,
            meeting.end,
            &meeting.place,
        )),
    );
    for (p, participant) in meeting.participants.iter().enumerate() {
        push(
            format!("deltagare {}", p + 1),
            vec![Field("participants"), Index(p)],
            canonical(participant),
        );
    }
    items(&mut push, meeting);
    for (u, update) in meeting.action_updates.iter().enumerate() {
        push(
            format!("beslutet om åtgärd {}", update.action),
            vec![Field("action_updates"), Index(u)],
            canonical(update),
        );
    }
    for (a, action) in meeting.actions.iter().enumerate() {
        push(
            format!("åtgärd {}", action.id),
            vec![Field("actions"), Index(a)],
            canonical(action),
        );
    }
    if let Some(next) = &meeting.next_meeting {
        push(
            "nästa möte".to_owned(),
            vec![Field("next_meeting")],
            canonical(next),
        );
    }
    if let Some(adjustment) = &meeting.adjustment {
        push(
            "justeringen".to_owned(),
            vec![Field("adjustment")],
            canonical(adjustment),
        );
    }
    for (r, reopening) in meeting.reopenings.iter().enumerate() {
        push(
            format!("återöppning {}", r + 1),
            vec![Field("reopenings"), Index(r)],
            canonical(reopening),
        );
    }
    for (s, kept) in meeting.snapshots.iter().enumerate() {
        push(
            format!("de sparade siffrorna för {}", kept.commitment),
            vec![Field("snapshots"), Index(s)],
            canonical(kept),
        );
    }
    for (e, effect) in meeting.effects.iter().enumerate() {
        push(
            format!("effektmåttet {}", effect.indicator),
            vec![Field("effects"), Index(e)],
            canonical(effect),
        );
    }
    out.0
}

/// Each agenda item: its kind and assessment, discussion and decisions.
fn items(push: &mut impl FnMut(String, FieldPath, String), meeting: &Meeting) {
    for (i, item) in meeting.items.iter().enumerate() {
        let paragraph = i + 1;
        let at = |rest: &[super::problem::PathSeg]| {
            let mut path = vec![Field("items"), Index(i)];
            path.extend_from_slice(rest);
            path
        };
        push(
            format!("§ {paragraph}"),
            at(&[]),
            canonical(&(&item.kind, item.handled)),
        );
        if !item.discussion.is_empty() {
            push(
                format!("§ {paragraph}, diskussionen"),
                at(&[Field("discussion")]),
                canonical(&item.discussion),
            );
        }
        for (d, decision) in item.decisions.iter().enumerate() {
            push(
                format!("§ {paragraph}, beslut {}", d + 1),
                at(&[Field("decisions"), Index(d)]),
                canonical(decision),
            );
        }
    }
}

/// The canonical text of a value: compact JSON, whose field order is the
/// types' own and whose numbers are written the shortest exact way, so the
/// same content always gives the same text, however the file is laid out.
fn canonical<T: Serialize + ?Sized>(value: &T) -> String {
    // Serialising these plain types to a string cannot fail (no maps with
    // non-string keys); an empty text would still be hashed consistently.
    serde_json::to_string(value).unwrap_or_default()
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::meeting::test_support::june_being_held;

    fn justerat() -> Meeting {
        let mut m = june_being_held();
        m.fingerprint = Some(Fingerprint::of(&m));
        m
    }

    #[test]
    fn an_unchanged_meeting_matches_and_the_hash_is_full_length() {
        let m = justerat();
        assert_eq!(changes(&m), None);
        let fp = m.fingerprint.as_ref().expect("recorded");
        assert_eq!(fp.sha256.len(), 64);
        assert!(fp.sha256.chars().all(|c| c.is_ascii_hexdigit()));
        assert!(fp.parts.iter().all(|(_, h)| h.len() == PART_DIGITS));
        assert_eq!(fp.parts[0].0, "mötets namn, datum, tid och plats");
        assert_eq!(fp.short().len(), 9);
        assert_eq!(fp.short().replace(' ', ""), fp.sha256[..8]);
    }

    #[test]
    fn its_state_and_its_own_fingerprint_are_not_part_of_it() {
        let mut m = justerat();
        let before = Fingerprint::of(&m);
        m.state = crate::model::meeting::MeetingState::Justerat;
        m.fingerprint = None;
        assert_eq!(Fingerprint::of(&m), before);
    }

    #[test]
    fn a_reworded_decision_is_named_by_its_paragraph_and_number() {
        let mut m = justerat();
        let (i, item) = m
            .items
            .iter()
            .enumerate()
            .find(|(_, item)| !item.decisions.is_empty())
            .expect("an item with a decision");
        let paragraph = i + 1;
        let _ = item;
        m.items[i].decisions[0].push_str(" senast i maj");
        let changed = changes(&m).expect("changed");
        assert_eq!(
            changed,
            vec![Changed {
                name: format!("§ {paragraph}, beslut 1"),
                path: vec![Field("items"), Index(i), Field("decisions"), Index(0)],
            }]
        );
    }

    #[test]
    fn a_removed_decision_and_a_changed_responsible_are_both_named() {
        let mut m = justerat();
        let i = m
            .items
            .iter()
            .position(|item| !item.decisions.is_empty())
            .expect("an item with a decision");
        let last = m.items[i].decisions.len();
        m.items[i].decisions.pop();
        m.actions[0].responsible = "Någon annan".into();
        let names: Vec<String> = changes(&m)
            .expect("changed")
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(
            names,
            vec![
                format!("åtgärd {}", m.actions[0].id),
                format!("§ {}, beslut {last} (borttagen)", i + 1),
            ]
        );
    }

    #[test]
    fn the_same_content_gives_the_same_fingerprint_after_a_round_trip_through_ron() {
        let m = justerat();
        let pretty =
            ron::ser::to_string_pretty(&m, ron::ser::PrettyConfig::default()).expect("serialises");
        let compact = ron::to_string(&m).expect("serialises");
        for text in [pretty, compact] {
            let back: Meeting = ron::from_str(&text).expect("parses");
            assert_eq!(changes(&back), None);
            assert_eq!(Fingerprint::of(&back), *m.fingerprint.as_ref().expect("fp"));
        }
    }
}
