//! Three-way merge of a meeting: the version that was loaded (or last
//! saved), ours (the edits in this app) and theirs (the file as someone
//! else saved it meanwhile).
//!
//! A meeting is chaired on one laptop while a secretary corrects a name on
//! another: most such edits touch different fields and need no one's
//! judgement. The merge takes every change made on one side only, keeps a
//! change made the same way on both sides once, and lists a change made
//! differently on both sides as a [`FieldConflict`] with both values and a
//! Swedish field name ("§ 3 Bedömning", "Plats", "A4 Ansvarig"), so the
//! user chooses per field.
//!
//! # How list elements are matched
//! Lists are merged element by element; an element is recognised across
//! the three versions by a key, and the n-th element with the same key
//! matches the n-th (so two participants of the same name stay two):
//! - agenda items by what they are about: the commitment of an *Åtagande*
//!   item, the heading of an *Annat* item, the kind of a standard item;
//! - participants by name (a renamed participant is one removed and one
//!   added);
//! - action items by id, and decisions about earlier actions by the
//!   action's id; both sides adding an action with the same id but
//!   different content (each app numbered its own) keeps both, ours with
//!   the next free id;
//! - decision clauses by position: an item's clauses merge clause by clause
//!   when neither side added or removed one, additions at the end from both
//!   sides are kept, and anything else is one conflict for the item's
//!   decisions.
//!
//! Elements keep our order; an element only theirs added goes after the
//! element it follows in their version. An element removed by one side and
//! changed by the other is a conflict ("borttagen" against the changed
//! value); removed by one side and unchanged by the other, it goes.
//!
//! Whole values: the next meeting, the justering, the reopenings and the
//! figures and effect indicators kept at the conclusion each merge as one
//! field, since their parts only mean something together.

use super::ids::ActionId;
use super::meeting::{
    ActionItem, ActionUpdate, Adjustment, AgendaItem, ClockTime, CommitmentReview, ItemKind,
    Meeting, NextMeeting, Organisation, Participant, StatusSnapshot,
};

/// Which version of a conflicting field to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    /// The file as someone else saved it.
    Theirs,
    /// Our edits.
    #[default]
    Ours,
}

/// One field changed differently on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldConflict {
    /// The field in Swedish ("§ 3 Bedömning", "Plats", "A4 Ansvarig").
    pub field: String,
    /// Its value in the file on disk, in words.
    pub theirs: String,
    /// Our value, in words.
    pub ours: String,
}

/// The result of merging: the merged meeting (each conflict resolved as
/// ours until chosen otherwise) and what the merge did.
#[derive(Debug, Clone)]
pub struct Merge {
    base: Meeting,
    ours: Meeting,
    theirs: Meeting,
    first_free_action: usize,
    merged: Meeting,
    /// The fields changed differently on both sides, in meeting order.
    pub conflicts: Vec<FieldConflict>,
    /// The fields changed on one side (or the same on both) and merged
    /// without a question, in meeting order.
    pub automatic: Vec<String>,
    /// Those of [`Merge::automatic`] taken from the file on disk.
    pub from_theirs: Vec<String>,
    /// Our new action items that got another id, as (was, now).
    pub renumbered: Vec<(ActionId, ActionId)>,
}

impl Merge {
    /// Merges `ours` and `theirs`, both edited from `base`. Our new action
    /// items that clash with theirs get ids from `A<first_free_action>` up
    /// (the lowest number no meeting of the pledge uses), or above every id
    /// of the three versions if that is higher.
    pub fn new(base: &Meeting, ours: &Meeting, theirs: &Meeting, first_free_action: usize) -> Self {
        let mut walk = Merger::new(&[]);
        let (merged, renumbered) = walk.meeting(base, ours, theirs, first_free_action);
        Merge {
            base: base.clone(),
            ours: ours.clone(),
            theirs: theirs.clone(),
            first_free_action,
            merged,
            conflicts: walk.conflicts,
            automatic: walk.automatic,
            from_theirs: walk.from_theirs,
            renumbered,
        }
    }

    /// The merged meeting with every conflict resolved as ours.
    pub fn meeting(&self) -> &Meeting {
        &self.merged
    }

    /// The file's version the merge was made against.
    pub fn theirs(&self) -> &Meeting {
        &self.theirs
    }

    /// Whether nothing needs a choice.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    /// The merged meeting with conflict `i` resolved as `choices[i]`
    /// (ours where `choices` is shorter).
    pub fn resolved(&self, choices: &[Side]) -> Meeting {
        let mut merger = Merger::new(choices);
        merger
            .meeting(&self.base, &self.ours, &self.theirs, self.first_free_action)
            .0
    }
}

/// A list element's key and which occurrence of that key it is.
type Keyed<'a, K, T> = Vec<((K, usize), &'a T)>;

fn keyed<K: PartialEq + Clone, T>(list: &[T], key: impl Fn(&T) -> K) -> Keyed<'_, K, T> {
    let mut out: Keyed<'_, K, T> = Vec::with_capacity(list.len());
    for element in list {
        let k = key(element);
        let nth = out.iter().filter(|((other, _), _)| *other == k).count();
        out.push(((k, nth), element));
    }
    out
}

fn find<'a, K: PartialEq, T>(list: &Keyed<'a, K, T>, key: &(K, usize)) -> Option<&'a T> {
    list.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
}

/// Merges one element found on both sides: (merger, our position, base,
/// ours, theirs) to the merged element.
type MergeOne<'f, 'c, T> = dyn FnMut(&mut Merger<'c>, usize, Option<&T>, &T, &T) -> T + 'f;

/// How to merge one kind of list element.
struct ListRules<'f, T> {
    /// The element's name in a conflict or a change ("§ 5 Åtagande K1").
    label: &'f dyn Fn(&T, usize) -> String,
    /// The element in words, for a removal conflict.
    summary: &'f dyn Fn(&T) -> String,
}

/// The walk of one merge, collecting conflicts in a fixed order so that
/// the n-th conflict of one run is the n-th of the next.
struct Merger<'c> {
    choices: &'c [Side],
    conflicts: Vec<FieldConflict>,
    automatic: Vec<String>,
    from_theirs: Vec<String>,
}

const REMOVED: &str = "(borttagen)";

impl<'c> Merger<'c> {
    fn new(choices: &'c [Side]) -> Self {
        Merger {
            choices,
            conflicts: Vec::new(),
            automatic: Vec::new(),
            from_theirs: Vec::new(),
        }
    }

    /// Records a conflict and says which side to keep.
    fn conflict(&mut self, field: String, theirs: String, ours: String) -> Side {
        let side = self
            .choices
            .get(self.conflicts.len())
            .copied()
            .unwrap_or_default();
        self.conflicts.push(FieldConflict {
            field,
            theirs,
            ours,
        });
        side
    }

    fn taken(&mut self, field: String, from_theirs: bool) {
        if from_theirs {
            self.from_theirs.push(field.clone());
        }
        self.automatic.push(field);
    }

    /// One field: `base` is `None` when both sides added the element.
    fn pick<T: Clone + PartialEq>(
        &mut self,
        field: &dyn Fn() -> String,
        base: Option<&T>,
        ours: &T,
        theirs: &T,
        show: &dyn Fn(&T) -> String,
    ) -> T {
        if ours == theirs {
            if base != Some(ours) {
                self.taken(field(), false);
            }
            return ours.clone();
        }
        if base == Some(ours) {
            self.taken(field(), true);
            return theirs.clone();
        }
        if base == Some(theirs) {
            self.taken(field(), false);
            return ours.clone();
        }
        match self.conflict(field(), show(theirs), show(ours)) {
            Side::Theirs => theirs.clone(),
            Side::Ours => ours.clone(),
        }
    }

    /// A keyed list (see the module docs for the rules).
    fn list<T: Clone + PartialEq, K: PartialEq + Clone>(
        &mut self,
        lists: [&[T]; 3],
        key: impl Fn(&T) -> K,
        rules: &ListRules<'_, T>,
        merge_one: &mut MergeOne<'_, 'c, T>,
    ) -> Vec<T> {
        let [base, ours, theirs] = lists;
        let (b, o, t) = (keyed(base, &key), keyed(ours, &key), keyed(theirs, &key));
        let mut out: Vec<((K, usize), T)> = Vec::with_capacity(o.len().max(t.len()));
        for (position, (k, ov)) in o.iter().enumerate() {
            match (find(&b, k), find(&t, k)) {
                (None, Some(tv)) if tv == *ov => {
                    // Added the same way by both.
                    self.taken((rules.label)(ov, position), false);
                    out.push((k.clone(), (*ov).clone()));
                }
                (bv, Some(tv)) => {
                    let merged = merge_one(self, position, bv, ov, tv);
                    out.push((k.clone(), merged));
                }
                (Some(bv), None) if bv == *ov => {
                    // Removed by them, untouched by us.
                    self.taken((rules.label)(ov, position), true);
                }
                (Some(_), None) => {
                    let label = (rules.label)(ov, position);
                    if self.conflict(label, REMOVED.to_owned(), (rules.summary)(ov)) == Side::Ours {
                        out.push((k.clone(), (*ov).clone()));
                    }
                }
                (None, None) => {
                    self.taken((rules.label)(ov, position), false);
                    out.push((k.clone(), (*ov).clone()));
                }
            }
        }
        // Theirs that we do not have: added by them, or removed by us.
        let mut cursor = 0;
        for (position, (k, tv)) in t.iter().enumerate() {
            if let Some(at) = out.iter().position(|(ok, _)| ok == k) {
                cursor = at + 1;
                continue;
            }
            let keep = match find(&b, k) {
                None => {
                    self.taken((rules.label)(tv, position), true);
                    true
                }
                Some(bv) if bv == *tv => {
                    self.taken((rules.label)(tv, position), false);
                    false
                }
                Some(_) => {
                    let label = (rules.label)(tv, position);
                    self.conflict(label, (rules.summary)(tv), REMOVED.to_owned()) == Side::Theirs
                }
            };
            if keep {
                out.insert(cursor.min(out.len()), (k.clone(), (*tv).clone()));
                cursor += 1;
            }
        }
        out.into_iter().map(|(_, v)| v).collect()
    }

    fn meeting(
        &mut self,
        base: &Meeting,
        ours: &Meeting,
        theirs: &Meeting,
        first_free_action: usize,
    ) -> (Meeting, Vec<(ActionId, ActionId)>) {
        let b = Some(base);
        macro_rules! whole {
            ($field:ident, $name:expr, $show:expr) => {
                self.pick(
                    &|| $name.to_owned(),
                    b.map(|m| &m.$field),
                    &ours.$field,
                    &theirs.$field,
                    &$show,
                )
            };
        }
        let version = whole!(version, "Filformatets version", |v: &u32| v.to_string());
        let title = whole!(title, "Mötets namn", text);
        let date = whole!(date, "Datum", |d: &super::Date| d.to_string());
        let start = whole!(start, "Starttid", time);
        let end = whole!(end, "Sluttid", time);
        let place = whole!(place, "Plats", text);
        let state = whole!(state, "Status", |s: &super::meeting::MeetingState| s
            .to_string());
        let participants = self.participants(base, ours, theirs);
        let items = self.items(base, ours, theirs);
        let action_updates = self.action_updates(base, ours, theirs);
        let (our_actions, renumbered) = renumber(base, ours, theirs, first_free_action);
        let actions = self.actions(base, &our_actions, theirs);
        let next_meeting = whole!(next_meeting, "Nästa möte", next);
        let adjustment = whole!(adjustment, "Justering", adjusted);
        let reopenings = whole!(reopenings, "Öppnat igen", |r: &Vec<
            super::meeting::Reopening,
        >| {
            r.iter()
                .map(|r| format!("{} ({})", r.date, r.reason))
                .collect::<Vec<_>>()
                .join("; ")
        });
        let snapshots = whole!(
            snapshots,
            "Siffrorna från mötets avslutning",
            |s: &Vec<super::meeting::CommitmentSnapshot>| crate::format::count(
                s.len(),
                "åtagande",
                "åtaganden"
            )
        );
        let effects = whole!(
            effects,
            "Effektmåtten från mötets avslutning",
            |e: &Vec<super::meeting::EffectSnapshot>| crate::format::count(
                e.len(),
                "indikator",
                "indikatorer"
            )
        );
        let fingerprint = whole!(
            fingerprint,
            "Fingeravtryck från justeringen",
            |f: &Option<super::fingerprint::Fingerprint>| f.as_ref().map_or_else(
                || "inget".to_owned(),
                super::fingerprint::Fingerprint::short
            )
        );
        let merged = Meeting {
            version,
            title,
            date,
            start,
            end,
            place,
            state,
            participants,
            items,
            action_updates,
            actions,
            next_meeting,
            adjustment,
            reopenings,
            snapshots,
            effects,
            fingerprint,
        };
        (merged, renumbered)
    }

    fn participants(
        &mut self,
        base: &Meeting,
        ours: &Meeting,
        theirs: &Meeting,
    ) -> Vec<Participant> {
        let label = |p: &Participant, _: usize| format!("Deltagare {}", p.name);
        let rules = ListRules {
            label: &label,
            summary: &participant,
        };
        self.list(
            [&base.participants, &ours.participants, &theirs.participants],
            |p| p.name.clone(),
            &rules,
            &mut |m, _, b, o, t| {
                let name = &o.name;
                let field = |what: &str| format!("Deltagare {name}, {what}");
                Participant {
                    name: o.name.clone(),
                    title: m.pick(
                        &|| field("titel"),
                        b.map(|p| &p.title),
                        &o.title,
                        &t.title,
                        &optional,
                    ),
                    organisation: m.pick(
                        &|| field("organisation"),
                        b.map(|p| &p.organisation),
                        &o.organisation,
                        &t.organisation,
                        &organisation,
                    ),
                    role: m.pick(
                        &|| field("roll"),
                        b.map(|p| &p.role),
                        &o.role,
                        &t.role,
                        &|r| r.to_string(),
                    ),
                    excused: m.pick(
                        &|| field("anmält förhinder"),
                        b.map(|p| &p.excused),
                        &o.excused,
                        &t.excused,
                        &|e| if *e { "ja" } else { "nej" }.to_owned(),
                    ),
                }
            },
        )
    }

    fn items(&mut self, base: &Meeting, ours: &Meeting, theirs: &Meeting) -> Vec<AgendaItem> {
        let label = |item: &AgendaItem, position: usize| {
            format!("§ {} {}", position + 1, item.kind.heading())
        };
        let summary = |item: &AgendaItem| item.kind.heading();
        let rules = ListRules {
            label: &label,
            summary: &summary,
        };
        self.list(
            [&base.items, &ours.items, &theirs.items],
            item_key,
            &rules,
            &mut |m, position, b, o, t| m.item(position + 1, b, o, t),
        )
    }

    /// One agenda item, numbered `n` in our agenda.
    fn item(
        &mut self,
        n: usize,
        base: Option<&AgendaItem>,
        ours: &AgendaItem,
        theirs: &AgendaItem,
    ) -> AgendaItem {
        let field = |what: &str| format!("§ {n} {what}");
        let kind = match (&ours.kind, &theirs.kind) {
            (ItemKind::Atagande(o), ItemKind::Atagande(t)) => {
                let b = base.and_then(|b| match &b.kind {
                    ItemKind::Atagande(r) => Some(r),
                    _ => None,
                });
                ItemKind::Atagande(CommitmentReview {
                    commitment: o.commitment.clone(),
                    assessment: self.pick(
                        &|| field("Bedömning"),
                        b.map(|r| &r.assessment),
                        &o.assessment,
                        &t.assessment,
                        &|a| a.map_or_else(|| "–".to_owned(), |a| a.to_string()),
                    ),
                    reason: self.pick(
                        &|| field("Skäl"),
                        b.map(|r| &r.reason),
                        &o.reason,
                        &t.reason,
                        &optional,
                    ),
                    snapshot: self.pick(
                        &|| field("Siffror vid bedömningen"),
                        b.map(|r| &r.snapshot),
                        &o.snapshot,
                        &t.snapshot,
                        &figures,
                    ),
                })
            }
            // Same key: the same kind and heading.
            _ => ours.kind.clone(),
        };
        AgendaItem {
            kind,
            handled: self.pick(
                &|| field("Behandlad"),
                base.map(|b| &b.handled),
                &ours.handled,
                &theirs.handled,
                &|h| if *h { "behandlad" } else { "inte behandlad" }.to_owned(),
            ),
            discussion: self.pick(
                &|| field("Diskussion"),
                base.map(|b| &b.discussion),
                &ours.discussion,
                &theirs.discussion,
                &text,
            ),
            decisions: self.decisions(
                n,
                base.map(|b| b.decisions.as_slice()),
                &ours.decisions,
                &theirs.decisions,
            ),
        }
    }

    /// An item's decision clauses (see the module docs).
    fn decisions(
        &mut self,
        n: usize,
        base: Option<&[String]>,
        ours: &[String],
        theirs: &[String],
    ) -> Vec<String> {
        let field = || format!("§ {n} Beslut");
        let same_length = base.is_some_and(|b| b.len() == ours.len() && b.len() == theirs.len());
        let changed = |side: &[String]| base != Some(side);
        if ours != theirs && changed(ours) && changed(theirs) {
            if let (true, Some(base)) = (same_length, base) {
                return (0..base.len())
                    .map(|i| {
                        let clause = || format!("§ {n} Beslut {}", i + 1);
                        self.pick(&clause, base.get(i), &ours[i], &theirs[i], &text)
                    })
                    .collect();
            }
            if let Some(base) = base
                && ours.starts_with(base)
                && theirs.starts_with(base)
            {
                self.taken(field(), true);
                let mut out = ours.to_vec();
                out.extend(
                    theirs[base.len()..]
                        .iter()
                        .filter(|c| !ours[base.len()..].contains(c))
                        .cloned(),
                );
                return out;
            }
        }
        self.pick(
            &field,
            base.map(<[String]>::to_vec).as_ref(),
            &ours.to_vec(),
            &theirs.to_vec(),
            &|d: &Vec<String>| clauses(d),
        )
    }

    fn action_updates(
        &mut self,
        base: &Meeting,
        ours: &Meeting,
        theirs: &Meeting,
    ) -> Vec<ActionUpdate> {
        let label = |u: &ActionUpdate, _: usize| format!("{} (tidigare åtgärd)", u.action);
        let summary = |u: &ActionUpdate| u.status.to_string();
        let rules = ListRules {
            label: &label,
            summary: &summary,
        };
        self.list(
            [
                &base.action_updates,
                &ours.action_updates,
                &theirs.action_updates,
            ],
            |u| u.action.clone(),
            &rules,
            &mut |m, _, b, o, t| {
                let id = &o.action;
                ActionUpdate {
                    action: o.action.clone(),
                    status: m.pick(
                        &|| format!("{id} Status"),
                        b.map(|u| &u.status),
                        &o.status,
                        &t.status,
                        &|s| s.to_string(),
                    ),
                    note: m.pick(
                        &|| format!("{id} Anteckning"),
                        b.map(|u| &u.note),
                        &o.note,
                        &t.note,
                        &optional,
                    ),
                }
            },
        )
    }

    fn actions(
        &mut self,
        base: &Meeting,
        ours: &[ActionItem],
        theirs: &Meeting,
    ) -> Vec<ActionItem> {
        let label = |a: &ActionItem, _: usize| format!("Åtgärd {}", a.id);
        let rules = ListRules {
            label: &label,
            summary: &action,
        };
        self.list(
            [&base.actions, ours, &theirs.actions],
            |a| a.id.clone(),
            &rules,
            &mut |m, _, b, o, t| {
                let id = &o.id;
                let field = |what: &str| format!("{id} {what}");
                ActionItem {
                    id: o.id.clone(),
                    text: m.pick(
                        &|| field("Åtgärd"),
                        b.map(|a| &a.text),
                        &o.text,
                        &t.text,
                        &text,
                    ),
                    responsible: m.pick(
                        &|| field("Ansvarig"),
                        b.map(|a| &a.responsible),
                        &o.responsible,
                        &t.responsible,
                        &text,
                    ),
                    party: m.pick(
                        &|| field("Part"),
                        b.map(|a| &a.party),
                        &o.party,
                        &t.party,
                        &|p| {
                            p.as_ref()
                                .map_or_else(|| "–".to_owned(), ToString::to_string)
                        },
                    ),
                    due: m.pick(
                        &|| field("Klart senast"),
                        b.map(|a| &a.due),
                        &o.due,
                        &t.due,
                        &|d| d.map_or_else(|| "–".to_owned(), |d| d.to_string()),
                    ),
                    status: m.pick(
                        &|| field("Status"),
                        b.map(|a| &a.status),
                        &o.status,
                        &t.status,
                        &|s| s.to_string(),
                    ),
                    paragraph: m.pick(
                        &|| field("Beslutad i §"),
                        b.map(|a| &a.paragraph),
                        &o.paragraph,
                        &t.paragraph,
                        &|p| p.map_or_else(|| "–".to_owned(), |p| format!("§ {p}")),
                    ),
                }
            },
        )
    }
}

/// Our action items, with those that clash with one theirs added (same id,
/// other content) given the next free ids.
fn renumber(
    base: &Meeting,
    ours: &Meeting,
    theirs: &Meeting,
    first_free_action: usize,
) -> (Vec<ActionItem>, Vec<(ActionId, ActionId)>) {
    let added = |m: &Meeting, id: &ActionId| {
        !base.actions.iter().any(|a| &a.id == id) && m.actions.iter().any(|a| &a.id == id)
    };
    let numbers = [base, ours, theirs]
        .into_iter()
        .flat_map(|m| &m.actions)
        .filter_map(|a| a.id.as_str().strip_prefix('A')?.parse::<usize>().ok());
    let mut next = numbers.max().map_or(1, |n| n + 1).max(first_free_action);
    let mut renumbered = Vec::new();
    let actions = ours
        .actions
        .iter()
        .map(|a| {
            let clashes = added(ours, &a.id)
                && added(theirs, &a.id)
                && !theirs.actions.iter().any(|t| t == a);
            if !clashes {
                return a.clone();
            }
            let id = ActionId::new(format!("A{next}"));
            next += 1;
            renumbered.push((a.id.clone(), id.clone()));
            ActionItem { id, ..a.clone() }
        })
        .collect();
    (actions, renumbered)
}

/// What an agenda item is recognised by across versions.
fn item_key(item: &AgendaItem) -> String {
    match &item.kind {
        ItemKind::Atagande(review) => format!("åtagande {}", review.commitment),
        ItemKind::Annat(title) => format!("annat {title}"),
        other => other.heading(),
    }
}

#[allow(clippy::ptr_arg)] // called through `&dyn Fn(&T)` with T = String
fn text(value: &String) -> String {
    if value.trim().is_empty() {
        "(tomt)".to_owned()
    } else {
        value.clone()
    }
}

#[allow(clippy::ref_option)] // called through `&dyn Fn(&T)` with T = Option<String>
fn optional(value: &Option<String>) -> String {
    value.as_ref().map_or_else(|| "–".to_owned(), text)
}

#[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)] // as `optional`
fn time(value: &Option<ClockTime>) -> String {
    value.map_or_else(|| "–".to_owned(), |t| t.to_string())
}

#[allow(clippy::ref_option)] // as `optional`
fn next(value: &Option<NextMeeting>) -> String {
    value.as_ref().map_or_else(
        || "–".to_owned(),
        |n| {
            let time = n.time.map(|t| format!(" {t}")).unwrap_or_default();
            let place = n
                .place
                .as_ref()
                .map(|p| format!(", {p}"))
                .unwrap_or_default();
            format!("{}{time}{place}", n.date)
        },
    )
}

#[allow(clippy::ref_option)] // as `optional`
fn adjusted(value: &Option<Adjustment>) -> String {
    value
        .as_ref()
        .map_or_else(|| "–".to_owned(), |a| format!("{}, {}", a.place, a.date))
}

#[allow(clippy::ref_option)] // as `optional`
fn figures(value: &Option<StatusSnapshot>) -> String {
    value.as_ref().map_or_else(
        || "–".to_owned(),
        |s| {
            let target = s
                .target
                .map(|t| format!(" av {}", crate::format::number(t)))
                .unwrap_or_default();
            let unit = s.unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default();
            format!(
                "{}{target}{unit} per {}",
                crate::format::number(s.reported),
                s.as_of
            )
        },
    )
}

fn organisation(value: &Organisation) -> String {
    match value {
        Organisation::Part(id) => id.to_string(),
        Organisation::Annan(name) => name.clone(),
    }
}

fn participant(p: &Participant) -> String {
    let title = p
        .title
        .as_ref()
        .map(|t| format!(" ({t})"))
        .unwrap_or_default();
    format!("{}{title}, {}", p.name, p.role)
}

fn action(a: &ActionItem) -> String {
    format!(
        "{} {} (ansvarig: {})",
        a.id,
        text(&a.text),
        text(&a.responsible)
    )
}

fn clauses(decisions: &[String]) -> String {
    if decisions.is_empty() {
        return "–".to_owned();
    }
    decisions
        .iter()
        .map(|d| format!("att {d}"))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;
    use crate::model::meeting::{ActionStatus, Assessment, Role};

    fn date(text: &str) -> Date {
        text.parse().expect("valid date")
    }

    /// The sample's June meeting, being held.
    fn base() -> Meeting {
        crate::model::meeting::test_support::june_being_held()
    }

    /// The agenda index of commitment `id`'s item.
    fn item_of(m: &Meeting, id: &str) -> usize {
        m.items
            .iter()
            .position(|i| matches!(&i.kind, ItemKind::Atagande(r) if r.commitment.as_str() == id))
            .expect("on the agenda")
    }

    fn review<'a>(m: &'a mut Meeting, id: &str) -> &'a mut CommitmentReview {
        let i = item_of(m, id);
        match &mut m.items[i].kind {
            ItemKind::Atagande(r) => r,
            _ => unreachable!("item_of finds commitment items"),
        }
    }

    fn action(id: &str, text: &str) -> ActionItem {
        ActionItem {
            id: ActionId::new(id),
            text: text.into(),
            responsible: "Maria Ek".into(),
            party: None,
            due: None,
            status: ActionStatus::Oppen,
            paragraph: None,
        }
    }

    #[test]
    fn nothing_changed_merges_to_the_same_meeting() {
        let m = base();
        let merge = Merge::new(&m, &m, &m, 6);
        assert_eq!(merge.meeting(), &m);
        assert!(merge.is_clean());
        assert!(merge.automatic.is_empty());
    }

    #[test]
    fn changes_to_different_fields_and_items_merge_by_themselves() {
        let base = base();
        let mut ours = base.clone();
        review(&mut ours, "K1").assessment = Some(Assessment::Genomford);
        ours.items[0].decisions.push("notera närvaron".into());
        ours.participants[3].excused = true;
        let mut theirs = base.clone();
        theirs.place = "Stadshuset, Karlstad".into();
        review(&mut theirs, "P2").reason = Some("Tre insatser, enligt läget.".into());
        theirs.actions[0].responsible = "Maria Ek".into();
        theirs.participants[1].title = Some("säkerhetssamordnare".into());

        let merge = Merge::new(&base, &ours, &theirs, 6);
        assert!(merge.is_clean(), "{:?}", merge.conflicts);
        let m = merge.meeting();
        assert_eq!(m.place, "Stadshuset, Karlstad");
        assert_eq!(
            review(&mut m.clone(), "K1").assessment,
            Some(Assessment::Genomford)
        );
        assert_eq!(
            review(&mut m.clone(), "P2").reason.as_deref(),
            Some("Tre insatser, enligt läget.")
        );
        assert_eq!(m.items[0].decisions.len(), 2);
        assert!(m.participants[3].excused);
        assert_eq!(
            m.participants[1].title.as_deref(),
            Some("säkerhetssamordnare")
        );
        assert_eq!(m.actions[0].responsible, "Maria Ek");
        assert_eq!(merge.automatic.len(), 7, "{:?}", merge.automatic);
        let k1 = item_of(&base, "K1") + 1;
        assert!(merge.automatic.contains(&format!("§ {k1} Bedömning")));
        assert_eq!(
            merge.from_theirs,
            vec![
                "Plats".to_owned(),
                "Deltagare Sara Nyström, titel".to_owned(),
                format!("§ {} Skäl", item_of(&base, "P2") + 1),
                "A5 Ansvarig".to_owned(),
            ]
        );
    }

    #[test]
    fn the_same_field_changed_on_both_sides_is_a_conflict_with_both_values() {
        let base = base();
        let mut ours = base.clone();
        ours.place = "Rådhuset".into();
        review(&mut ours, "K1").assessment = Some(Assessment::Genomford);
        ours.actions[0].responsible = "Erik Holm".into();
        let mut theirs = base.clone();
        theirs.place = "Stadshuset".into();
        review(&mut theirs, "K1").assessment = Some(Assessment::EjGenomford);
        theirs.actions[0].responsible = "Maria Ek".into();

        let merge = Merge::new(&base, &ours, &theirs, 6);
        let k1 = item_of(&base, "K1") + 1;
        assert_eq!(
            merge.conflicts,
            vec![
                FieldConflict {
                    field: "Plats".into(),
                    theirs: "Stadshuset".into(),
                    ours: "Rådhuset".into(),
                },
                FieldConflict {
                    field: format!("§ {k1} Bedömning"),
                    theirs: "ej genomförd".into(),
                    ours: "genomförd".into(),
                },
                FieldConflict {
                    field: "A5 Ansvarig".into(),
                    theirs: "Maria Ek".into(),
                    ours: "Erik Holm".into(),
                },
            ]
        );
        assert_eq!(merge.meeting(), &ours, "ours until chosen otherwise");
        let chosen = merge.resolved(&[Side::Theirs, Side::Ours, Side::Theirs]);
        assert_eq!(chosen.place, "Stadshuset");
        assert_eq!(
            review(&mut chosen.clone(), "K1").assessment,
            Some(Assessment::Genomford)
        );
        assert_eq!(chosen.actions[0].responsible, "Maria Ek");
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let base = base();
        let mut ours = base.clone();
        ours.place = "Stadshuset".into();
        review(&mut ours, "G2").assessment = Some(Assessment::Genomford);
        let theirs = ours.clone();
        let merge = Merge::new(&base, &ours, &theirs, 6);
        assert!(merge.is_clean());
        assert_eq!(merge.meeting(), &ours);
        assert_eq!(merge.automatic.len(), 2);
        assert!(merge.from_theirs.is_empty(), "nothing new from the file");
    }

    #[test]
    fn an_item_added_by_one_side_and_a_field_changed_by_the_other_both_stay() {
        let base = base();
        let mut ours = base.clone();
        ours.items.insert(
            5,
            AgendaItem::new(ItemKind::Annat("Information från Länsstyrelsen".into())),
        );
        ours.actions.push(action("A6", "Boka lokal"));
        let mut theirs = base.clone();
        theirs.items[4].discussion = "Målet nått redan i maj.".into();
        let p3 = item_of(&base, "P3");
        theirs.items.insert(
            p3 + 1,
            AgendaItem::new(ItemKind::Annat("Ny lokal för mötena".into())),
        );
        theirs.participants.push(Participant {
            name: "Lena Ström".into(),
            title: None,
            organisation: Organisation::Annan("Länsstyrelsen Värmland".into()),
            role: Role::Adjungerad,
            excused: false,
        });

        let merge = Merge::new(&base, &ours, &theirs, 6);
        assert!(merge.is_clean(), "{:?}", merge.conflicts);
        let m = merge.meeting();
        assert_eq!(m.items.len(), base.items.len() + 2);
        assert_eq!(m.items[4].discussion, "Målet nått redan i maj.");
        assert!(matches!(&m.items[5].kind, ItemKind::Annat(t) if t.contains("Länsstyrelsen")));
        // Theirs goes after the item it follows in their agenda.
        let after_p3 = item_of(m, "P3") + 1;
        assert!(
            matches!(&m.items[after_p3].kind, ItemKind::Annat(t) if t == "Ny lokal för mötena")
        );
        assert_eq!(
            m.participants.last().map(|p| p.name.as_str()),
            Some("Lena Ström")
        );
        assert_eq!(m.actions.len(), 2);
    }

    #[test]
    fn a_removal_against_an_edit_is_a_conflict_and_an_untouched_removal_goes() {
        let base = base();
        let mut ours = base.clone();
        // We change the discussion of "Övriga frågor"; they remove that item.
        let other = base
            .items
            .iter()
            .position(|i| i.kind == ItemKind::OvrigaFragor)
            .expect("övriga frågor");
        ours.items[other].discussion = "Fråga om lokalen.".into();
        // They remove a participant we did not touch.
        let mut theirs = base.clone();
        theirs.items.remove(other);
        theirs.participants.remove(4);

        let merge = Merge::new(&base, &ours, &theirs, 6);
        assert_eq!(
            merge.conflicts,
            vec![FieldConflict {
                field: format!("§ {} Övriga frågor", other + 1),
                theirs: "(borttagen)".into(),
                ours: "Övriga frågor".into(),
            }]
        );
        assert_eq!(merge.meeting().participants.len(), 4, "removed by them");
        assert_eq!(merge.meeting().items.len(), base.items.len(), "ours kept");
        let theirs_chosen = merge.resolved(&[Side::Theirs]);
        assert_eq!(theirs_chosen.items.len(), base.items.len() - 1);

        // The other way round: we remove what they changed.
        let merge = Merge::new(
            &base,
            &theirs_with_edit(&base, other),
            &ours_removed(&base, other),
            6,
        );
        assert_eq!(merge.conflicts.len(), 1);
        assert_eq!(merge.conflicts[0].ours, "Övriga frågor");
        assert_eq!(merge.conflicts[0].theirs, "(borttagen)");
    }

    fn theirs_with_edit(base: &Meeting, item: usize) -> Meeting {
        let mut m = base.clone();
        m.items[item].discussion = "Fråga om lokalen.".into();
        m
    }

    fn ours_removed(base: &Meeting, item: usize) -> Meeting {
        let mut m = base.clone();
        m.items.remove(item);
        m
    }

    #[test]
    fn we_remove_what_they_changed_and_choose_theirs_to_keep_it() {
        let base = base();
        let mut ours = base.clone();
        ours.actions.clear();
        let mut theirs = base.clone();
        theirs.actions[0].due = Some(date("2017-09-20"));
        let merge = Merge::new(&base, &ours, &theirs, 6);
        assert_eq!(
            merge.conflicts,
            vec![FieldConflict {
                field: "Åtgärd A5".into(),
                theirs: "A5 Sammanställa underlag till slutrapporten till medborgarna (ansvarig: Anna Berglund)".into(),
                ours: "(borttagen)".into(),
            }]
        );
        assert!(merge.meeting().actions.is_empty());
        let kept = merge.resolved(&[Side::Theirs]);
        assert_eq!(kept.actions.len(), 1);
        assert_eq!(kept.actions[0].due, Some(date("2017-09-20")));
    }

    #[test]
    fn actions_both_sides_numbered_alike_are_both_kept() {
        let base = base();
        let mut ours = base.clone();
        ours.actions.push(action("A6", "Boka lokal"));
        let mut theirs = base.clone();
        theirs.actions.push(action("A6", "Skicka kallelse"));
        let merge = Merge::new(&base, &ours, &theirs, 6);
        assert!(merge.is_clean(), "{:?}", merge.conflicts);
        let texts: Vec<(&str, &str)> = merge
            .meeting()
            .actions
            .iter()
            .map(|a| (a.id.as_str(), a.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            vec![
                (
                    "A5",
                    "Sammanställa underlag till slutrapporten till medborgarna"
                ),
                // Theirs after the action it follows in their version.
                ("A6", "Skicka kallelse"),
                ("A7", "Boka lokal"),
            ]
        );
        assert_eq!(
            merge.renumbered,
            vec![(ActionId::new("A6"), ActionId::new("A7"))]
        );
        // The next free number of the pledge wins when it is higher.
        let merge = Merge::new(&base, &ours, &theirs, 9);
        assert_eq!(merge.renumbered[0].1.as_str(), "A9");
    }

    #[test]
    fn decisions_added_at_the_end_on_both_sides_are_all_kept() {
        let base = base();
        let mut ours = base.clone();
        ours.items[3]
            .decisions
            .push("följa upp A3 i augusti".into());
        let mut theirs = base.clone();
        theirs.items[3]
            .decisions
            .push("bjuda in en kursledare".into());
        let merge = Merge::new(&base, &ours, &theirs, 6);
        assert!(merge.is_clean());
        assert_eq!(
            merge.meeting().items[3].decisions,
            vec![
                "anse A4 avslutad".to_owned(),
                "föra A3 vidare till nästa möte".to_owned(),
                "följa upp A3 i augusti".to_owned(),
                "bjuda in en kursledare".to_owned(),
            ]
        );
        // One clause edited differently: a conflict for that clause only.
        let mut ours = base.clone();
        ours.items[3].decisions[1] = "föra A3 vidare till hösten".into();
        let mut theirs = base.clone();
        theirs.items[3].decisions[1] = "stryka A3".into();
        theirs.items[3].decisions[0] = "anse A4 klar".into();
        let merge = Merge::new(&base, &ours, &theirs, 6);
        assert_eq!(merge.conflicts.len(), 1);
        assert_eq!(merge.conflicts[0].field, "§ 4 Beslut 2");
        assert_eq!(merge.meeting().items[3].decisions[0], "anse A4 klar");
    }
}
