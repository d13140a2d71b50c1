//! Editing a meeting: every change is a [`MeetingEdit`] applied by
//! [`MeetingEditor::apply`], the one place that changes a meeting. That place
//! keeps undo/redo, the unsaved-changes flag and the read-only rule for
//! *justerat* meetings, so the GUI, autosave and tests all see the same thing.
//!
//! Undo keeps whole snapshots of the meeting before each step: a meeting is a
//! few kilobytes, and snapshots make "apply then undo gives the identical
//! document" true by construction.

use super::date::Date;
use super::ids::ActionId;
use super::meeting::{
    ActionItem, ActionStatus, ActionUpdate, Adjustment, AgendaItem, Assessment, ClockTime,
    CommitmentSnapshot, EffectSnapshot, ItemKind, Meeting, MeetingState, NextMeeting, Participant,
    Reopening, StatusSnapshot,
};

/// One change to a meeting.
#[derive(Debug, Clone, PartialEq)]
pub enum MeetingEdit {
    /// Move the meeting to another state (see [`MeetingEditor::apply`] for the rules).
    /// To *avslutat* a meeting goes by [`MeetingEdit::Conclude`], which keeps
    /// the figures; resuming it (back to *pågår*) drops them.
    SetState(MeetingState),
    /// Conclude the meeting (to *avslutat*) keeping every commitment's
    /// figures at the meeting date, assessed or not. The model computes no
    /// status, so the caller takes them from it. They replace the figures of
    /// an earlier conclusion: a meeting resumed and concluded again keeps
    /// the figures of its last conclusion, never stale ones. Reopening a
    /// *justerat* meeting keeps them (the record as adjusted); to take them
    /// again, resume the meeting and conclude it.
    Conclude {
        /// One per commitment of the pledge, in pledge order.
        snapshots: Vec<CommitmentSnapshot>,
        /// The effect indicators at the meeting date, as printed.
        effects: Vec<EffectSnapshot>,
    },
    /// Open a *justerat* meeting again; the reason is recorded in the file.
    Reopen {
        /// Today.
        date: Date,
        /// Why.
        reason: String,
    },
    /// Mark an agenda item as dealt with, or not.
    SetHandled {
        /// Agenda index.
        item: usize,
        /// Dealt with.
        handled: bool,
    },
    /// Set (or clear) the assessment of a commitment item.
    SetAssessment {
        /// Agenda index.
        item: usize,
        /// The assessment.
        assessment: Option<Assessment>,
    },
    /// Set the reason of a commitment item's assessment.
    SetReason {
        /// Agenda index.
        item: usize,
        /// The reason (empty clears it).
        text: String,
    },
    /// Keep the measured status at the meeting with a commitment item.
    SetSnapshot {
        /// Agenda index.
        item: usize,
        /// The snapshot.
        snapshot: Option<StatusSnapshot>,
    },
    /// Replace an item's discussion text.
    SetDiscussion {
        /// Agenda index.
        item: usize,
        /// The text.
        text: String,
    },
    /// Add an "att …" decision clause at the end of an item.
    AddDecision {
        /// Agenda index.
        item: usize,
        /// The clause without "att".
        text: String,
    },
    /// Replace a decision clause.
    SetDecision {
        /// Agenda index.
        item: usize,
        /// Clause index.
        index: usize,
        /// The clause.
        text: String,
    },
    /// Remove a decision clause.
    RemoveDecision {
        /// Agenda index.
        item: usize,
        /// Clause index.
        index: usize,
    },
    /// Insert an agenda item at a position.
    InsertItem {
        /// Position (the end if past it).
        at: usize,
        /// What it is about.
        kind: ItemKind,
    },
    /// Remove an agenda item.
    RemoveItem {
        /// Agenda index.
        item: usize,
    },
    /// Move an agenda item.
    MoveItem {
        /// From this index.
        from: usize,
        /// To this index.
        to: usize,
    },
    /// Add a participant.
    AddParticipant(Participant),
    /// Replace a participant.
    SetParticipant {
        /// Index.
        index: usize,
        /// The participant.
        participant: Participant,
    },
    /// Remove a participant.
    RemoveParticipant {
        /// Index.
        index: usize,
    },
    /// Add an action item.
    AddAction(ActionItem),
    /// Replace an action item.
    SetAction {
        /// Index in this meeting's actions.
        index: usize,
        /// The action.
        action: ActionItem,
    },
    /// Remove an action item.
    RemoveAction {
        /// Index.
        index: usize,
    },
    /// Set the meeting's name, times and place (the date names the file and stays).
    SetDetails {
        /// Name.
        title: String,
        /// Start time.
        start: Option<ClockTime>,
        /// End time.
        end: Option<ClockTime>,
        /// Place.
        place: String,
    },
    /// Set or clear the next meeting.
    SetNextMeeting(Option<NextMeeting>),
    /// Set or clear where and when the minutes are checked.
    SetAdjustment(Option<Adjustment>),
    /// Several edits as one step: all are applied, or none.
    Batch(Vec<MeetingEdit>),
    /// Replace the whole meeting (restoring an autosaved version).
    Replace(Box<Meeting>),
    /// Decide about an earlier meeting's action item (open carries it over).
    SetActionUpdate {
        /// The action.
        action: ActionId,
        /// Its status after this meeting.
        status: ActionStatus,
        /// A note.
        note: Option<String>,
    },
}

/// Why an edit was refused; the meeting is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The meeting is *justerat*.
    #[error(
        "mötet är justerat och kan inte ändras; öppna det igen med ett skäl om något måste rättas"
    )]
    ReadOnly,
    /// Reopening needs a reason.
    #[error("ange varför det justerade mötet öppnas igen")]
    ReasonRequired,
    /// Only a *justerat* meeting can be reopened.
    #[error("bara ett justerat möte kan öppnas igen")]
    NotAdjusted,
    /// Concluding without the figures (see [`MeetingEdit::Conclude`]).
    #[error("ett möte avslutas med siffrorna för alla åtaganden: använd Avsluta mötet")]
    ConcludeWithFigures,
    /// A state change that the meeting's life does not allow.
    #[error("mötet kan inte gå från {from} till {to}")]
    Transition {
        /// Current state.
        from: MeetingState,
        /// Requested state.
        to: MeetingState,
    },
    /// No agenda item (or clause, participant, action) at that index.
    #[error("det finns ingen punkt nummer {0}")]
    NoSuchIndex(usize),
    /// The item is not about a commitment.
    #[error("punkt {0} gäller inget åtagande")]
    NotACommitment(usize),
    /// The action item is not open from an earlier meeting.
    #[error("åtgärd {0} finns inte bland de tidigare mötenas åtgärder på dagordningen")]
    UnknownAction(String),
    /// The edit would put a personnummer or samordningsnummer in the
    /// meeting, which is printed in minutes that are published.
    #[error(
        "ett {kind} får inte skrivas i mötet ({field}): protokollet publiceras; skriv aldrig personnummer där"
    )]
    PersonalData {
        /// The § number (1-based) when the text belongs to one.
        item: Option<usize>,
        /// Where, in words ("ansvarig för åtgärd A6").
        field: String,
        /// Which kind of number.
        kind: String,
    },
}

impl MeetingEdit {
    fn apply(&self, meeting: &mut Meeting) -> Result<(), EditError> {
        use MeetingEdit as E;
        // A justerat meeting only changes by being reopened with a reason, or
        // by restoring a version in which that reopening is recorded.
        let reopens = match self {
            E::Reopen { .. } => true,
            E::Replace(other) => other.reopenings.len() > meeting.reopenings.len(),
            _ => false,
        };
        if meeting.state == MeetingState::Justerat && !reopens {
            return Err(EditError::ReadOnly);
        }
        match self {
            E::Replace(replacement) => {
                meeting.clone_from(replacement);
                Ok(())
            }
            E::Batch(edits) => {
                let mut copy = meeting.clone();
                for edit in edits {
                    edit.apply(&mut copy)?;
                }
                *meeting = copy;
                Ok(())
            }
            E::SetState(to) => set_state(meeting, *to),
            E::Conclude { snapshots, effects } => conclude(meeting, snapshots, effects),
            E::SetDetails {
                title,
                start,
                end,
                place,
            } => {
                meeting.title.clone_from(title);
                meeting.start = *start;
                meeting.end = *end;
                meeting.place.clone_from(place);
                Ok(())
            }
            E::SetNextMeeting(next) => {
                meeting.next_meeting.clone_from(next);
                Ok(())
            }
            E::SetAdjustment(adjustment) => {
                meeting.adjustment.clone_from(adjustment);
                Ok(())
            }
            E::Reopen { date, reason } => reopen(meeting, *date, reason),
            E::SetHandled { item, handled } => {
                item_mut(meeting, *item)?.handled = *handled;
                Ok(())
            }
            E::SetAssessment { item, assessment } => {
                review_mut(meeting, *item)?.assessment = *assessment;
                Ok(())
            }
            E::SetReason { item, text } => {
                review_mut(meeting, *item)?.reason = (!text.is_empty()).then(|| text.clone());
                Ok(())
            }
            E::SetSnapshot { item, snapshot } => {
                review_mut(meeting, *item)?.snapshot.clone_from(snapshot);
                Ok(())
            }
            E::SetDiscussion { item, text } => {
                item_mut(meeting, *item)?.discussion.clone_from(text);
                Ok(())
            }
            E::AddDecision { item, text } => {
                item_mut(meeting, *item)?.decisions.push(text.clone());
                Ok(())
            }
            E::SetDecision { item, index, text } => {
                let clause = item_mut(meeting, *item)?
                    .decisions
                    .get_mut(*index)
                    .ok_or(EditError::NoSuchIndex(*index))?;
                clause.clone_from(text);
                Ok(())
            }
            E::RemoveDecision { item, index } => {
                remove(&mut item_mut(meeting, *item)?.decisions, *index)
            }
            E::InsertItem { .. } | E::RemoveItem { .. } | E::MoveItem { .. } => {
                self.apply_to_agenda(meeting)
            }
            _ => self.apply_to_lists(meeting),
        }
    }

    /// Adding, removing and moving agenda items, with the actions' § kept
    /// in step.
    fn apply_to_agenda(&self, meeting: &mut Meeting) -> Result<(), EditError> {
        use MeetingEdit as E;
        match self {
            E::InsertItem { at, kind } => {
                let at = (*at).min(meeting.items.len());
                meeting.items.insert(at, AgendaItem::new(kind.clone()));
                renumber_actions(meeting, |i| Some(if i >= at { i + 1 } else { i }));
                Ok(())
            }
            E::RemoveItem { item } => {
                remove(&mut meeting.items, *item)?;
                let item = *item;
                renumber_actions(meeting, |i| match i.cmp(&item) {
                    std::cmp::Ordering::Less => Some(i),
                    std::cmp::Ordering::Equal => None,
                    std::cmp::Ordering::Greater => Some(i - 1),
                });
                Ok(())
            }
            E::MoveItem { from, to } => {
                if *from >= meeting.items.len() || *to >= meeting.items.len() {
                    return Err(EditError::NoSuchIndex((*from).max(*to)));
                }
                let moved = meeting.items.remove(*from);
                meeting.items.insert(*to, moved);
                let (from, to) = (*from, *to);
                renumber_actions(meeting, |i| {
                    Some(if i == from {
                        to
                    } else if from < to && i > from && i <= to {
                        i - 1
                    } else if to < from && i >= to && i < from {
                        i + 1
                    } else {
                        i
                    })
                });
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The edits of participants and action items.
    fn apply_to_lists(&self, meeting: &mut Meeting) -> Result<(), EditError> {
        use MeetingEdit as E;
        match self {
            E::AddParticipant(p) => {
                meeting.participants.push(p.clone());
                Ok(())
            }
            E::SetParticipant { index, participant } => {
                let slot = meeting
                    .participants
                    .get_mut(*index)
                    .ok_or(EditError::NoSuchIndex(*index))?;
                slot.clone_from(participant);
                Ok(())
            }
            E::RemoveParticipant { index } => remove(&mut meeting.participants, *index),
            E::AddAction(action) => {
                meeting.actions.push(action.clone());
                Ok(())
            }
            E::SetAction { index, action } => {
                let slot = meeting
                    .actions
                    .get_mut(*index)
                    .ok_or(EditError::NoSuchIndex(*index))?;
                slot.clone_from(action);
                Ok(())
            }
            E::RemoveAction { index } => remove(&mut meeting.actions, *index),
            E::SetActionUpdate {
                action,
                status,
                note,
            } => {
                let update = meeting
                    .action_updates
                    .iter_mut()
                    .find(|u| &u.action == action)
                    .ok_or_else(|| EditError::UnknownAction(action.to_string()))?;
                *update = ActionUpdate {
                    action: action.clone(),
                    status: *status,
                    note: note.clone(),
                };
                Ok(())
            }
            // Handled by `apply`; never reached with these.
            _ => Ok(()),
        }
    }
}

/// Forward through the life of a meeting one step at a time (any step from a
/// draft), or back from *avslutat* to *pågår* to resume. *Justerat* is left
/// only by [`MeetingEdit::Reopen`].
fn set_state(meeting: &mut Meeting, to: MeetingState) -> Result<(), EditError> {
    use MeetingState as S;
    let from = meeting.state;
    let allowed = matches!(
        (from, to),
        (S::Utkast, S::Pagar | S::Avslutat)
            | (S::Pagar, S::Avslutat)
            | (S::Avslutat, S::Pagar | S::Justerat)
    ) || from == to;
    if !allowed {
        return Err(EditError::Transition { from, to });
    }
    if to == S::Avslutat && from != to {
        return Err(EditError::ConcludeWithFigures);
    }
    if from == S::Avslutat && to == S::Pagar {
        // Resumed: the figures are taken again when it is concluded.
        meeting.snapshots.clear();
        meeting.effects.clear();
    }
    meeting.state = to;
    if to == S::Justerat {
        // What the justerare signs: a later change to the file shows.
        meeting.fingerprint = Some(super::fingerprint::Fingerprint::of(meeting));
    }
    Ok(())
}

/// To *avslutat* from a draft, a meeting being held, or (taking the
/// figures again) an *avslutat* one; never from *justerat* (read-only).
fn conclude(
    meeting: &mut Meeting,
    snapshots: &[CommitmentSnapshot],
    effects: &[EffectSnapshot],
) -> Result<(), EditError> {
    use MeetingState as S;
    if meeting.state == S::Justerat {
        return Err(EditError::Transition {
            from: S::Justerat,
            to: S::Avslutat,
        });
    }
    meeting.state = S::Avslutat;
    meeting.snapshots = snapshots.to_vec();
    meeting.effects = effects.to_vec();
    Ok(())
}

fn reopen(meeting: &mut Meeting, date: Date, reason: &str) -> Result<(), EditError> {
    if meeting.state != MeetingState::Justerat {
        return Err(EditError::NotAdjusted);
    }
    if reason.trim().is_empty() {
        return Err(EditError::ReasonRequired);
    }
    meeting.reopenings.push(Reopening {
        date,
        reason: reason.trim().to_owned(),
    });
    meeting.state = MeetingState::Avslutat;
    // Open again: the next justering records a new fingerprint.
    meeting.fingerprint = None;
    Ok(())
}

fn item_mut(meeting: &mut Meeting, item: usize) -> Result<&mut AgendaItem, EditError> {
    meeting
        .items
        .get_mut(item)
        .ok_or(EditError::NoSuchIndex(item))
}

fn review_mut(
    meeting: &mut Meeting,
    item: usize,
) -> Result<&mut super::meeting::CommitmentReview, EditError> {
    match &mut item_mut(meeting, item)?.kind {
        ItemKind::Atagande(review) => Ok(review),
        _ => Err(EditError::NotACommitment(item)),
    }
}

/// Keeps each action's § in step with the agenda: `map` takes an item's
/// old 0-based index to its new one (none when the item is gone).
fn renumber_actions(meeting: &mut Meeting, map: impl Fn(usize) -> Option<usize>) {
    for action in &mut meeting.actions {
        action.paragraph = action
            .paragraph
            .and_then(|p| p.checked_sub(1))
            .and_then(&map)
            .map(|i| i + 1);
    }
}

fn remove<T>(list: &mut Vec<T>, index: usize) -> Result<(), EditError> {
    if index >= list.len() {
        return Err(EditError::NoSuchIndex(index));
    }
    list.remove(index);
    Ok(())
}

/// A text field being typed into, named by the view (any number that is
/// stable for the field, such as its widget id). The model only compares
/// them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FieldId(pub u64);

/// One undo step: the meeting before it, and the field it types into (none
/// for any other edit and for a redone step, which never continue).
#[derive(Debug, Clone)]
struct Step {
    before: Meeting,
    field: Option<FieldId>,
}

/// A meeting being edited, with undo/redo and the unsaved-changes flag.
#[derive(Debug, Clone)]
pub struct MeetingEditor {
    meeting: Meeting,
    undo: Vec<Step>,
    redo: Vec<Meeting>,
    /// The meeting as last saved (or loaded), to tell whether it changed.
    saved: Meeting,
    /// Set when typing ended (the field lost focus) and after undo, redo and
    /// save, so the next typing starts a new step.
    break_merge: bool,
    /// Counts every change (edit, undo, redo), for autosave.
    version: u64,
    /// How many identity numbers the meeting held when it was loaded (a
    /// file written by hand may hold one; the loader reports it). An edit
    /// may never add one.
    known_leaks: usize,
}

impl MeetingEditor {
    /// Starts editing `meeting` (as loaded or just created: nothing unsaved).
    pub fn new(meeting: Meeting) -> Self {
        MeetingEditor {
            known_leaks: crate::privacy::leaks(&meeting).len(),
            saved: meeting.clone(),
            meeting,
            undo: Vec::new(),
            redo: Vec::new(),
            break_merge: false,
            version: 0,
        }
    }

    /// The meeting as it is now.
    pub fn meeting(&self) -> &Meeting {
        &self.meeting
    }

    /// Applies one edit as an undo step of its own.
    #[expect(
        clippy::needless_pass_by_value,
        reason = "an edit is a command handed over, as from the view's queue"
    )]
    pub fn apply(&mut self, edit: MeetingEdit) -> Result<(), EditError> {
        self.step(&edit, None)
    }

    /// Applies an edit typed into `field`. While the chair keeps typing in
    /// the same field the edits are one undo step, from the moment the field
    /// got focus until it lost it ([`MeetingEditor::end_typing`]): a name or
    /// a paragraph is undone whole, never letter by letter.
    #[expect(
        clippy::needless_pass_by_value,
        reason = "an edit is a command handed over, as from the view's queue"
    )]
    pub fn type_into(&mut self, field: FieldId, edit: MeetingEdit) -> Result<(), EditError> {
        self.step(&edit, Some(field))
    }

    /// The field being typed into lost focus: the next edit is a new step.
    pub fn end_typing(&mut self) {
        self.break_merge = true;
    }

    fn step(&mut self, edit: &MeetingEdit, field: Option<FieldId>) -> Result<(), EditError> {
        let before = self.meeting.clone();
        edit.apply(&mut self.meeting)?;
        // Refused as it is typed, so it never reaches the meeting file, its
        // .bak or its recovery file: checked on the whole meeting, not on
        // the fields someone remembered.
        let leaks = crate::privacy::leaks(&self.meeting);
        if leaks.len() > self.known_leaks {
            let leak = leaks
                .iter()
                .find(|l| crate::privacy::find_leak(&before, &l.digits).is_none())
                .or(leaks.last());
            let (item, field) = leak.map_or((None, String::new()), |l| {
                super::meeting_field::field_words(&self.meeting, &l.path)
            });
            let kind = leak.map(|l| l.kind.to_string()).unwrap_or_default();
            self.meeting = before;
            return Err(EditError::PersonalData { item, field, kind });
        }
        // One typed away is gone for good: it may not come back by typing.
        self.known_leaks = leaks.len();
        self.redo.clear();
        let continues = !self.break_merge
            && field.is_some()
            && self.undo.last().is_some_and(|step| step.field == field);
        if !continues {
            self.undo.push(Step { before, field });
        }
        self.break_merge = false;
        self.version += 1;
        Ok(())
    }

    /// A number that changes with every change, for "has this version been
    /// autosaved yet".
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Undoes the last step; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        let after = std::mem::replace(&mut self.meeting, step.before);
        self.redo.push(after);
        // Undo only returns to versions that held no new number.
        self.known_leaks = crate::privacy::leaks(&self.meeting).len();
        self.break_merge = true;
        self.version += 1;
        true
    }

    /// Redoes the last undone step; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let Some(after) = self.redo.pop() else {
            return false;
        };
        let before = std::mem::replace(&mut self.meeting, after);
        self.known_leaks = crate::privacy::leaks(&self.meeting).len();
        self.undo.push(Step {
            before,
            field: None,
        });
        self.break_merge = true;
        self.version += 1;
        true
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Whether the meeting differs from what was last saved.
    pub fn has_unsaved_changes(&self) -> bool {
        self.meeting != self.saved
    }

    /// The meeting as last saved or loaded.
    pub fn saved(&self) -> &Meeting {
        &self.saved
    }

    /// Records that the meeting as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.saved = self.meeting.clone();
        self.break_merge = true;
    }

    /// Records that the file now holds `saved` (someone else's version,
    /// merged with ours), so unsaved changes count from it and the next
    /// merge starts from it. Undo keeps its steps.
    pub fn set_saved(&mut self, saved: Meeting) {
        self.saved = saved;
        self.break_merge = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::CommitmentId;
    use crate::model::meeting::{CommitmentReview, Organisation, Role};

    fn date(text: &str) -> Date {
        text.parse().expect("valid date")
    }

    /// The sample's June meeting, made editable again.
    fn meeting() -> Meeting {
        crate::model::meeting::test_support::june_being_held()
    }

    fn commitment_item(m: &Meeting) -> usize {
        m.items
            .iter()
            .position(|i| matches!(i.kind, ItemKind::Atagande(_)))
            .expect("a commitment item")
    }

    /// Figures for every commitment on the agenda, as a caller takes them
    /// from the status: a distinct reported amount per commitment.
    fn figures(m: &Meeting) -> Vec<CommitmentSnapshot> {
        m.reviews()
            .zip(1..)
            .map(|(r, n)| CommitmentSnapshot {
                commitment: r.commitment.clone(),
                snapshot: StatusSnapshot {
                    as_of: m.date,
                    reported: f64::from(n),
                    qualifier: crate::model::Qualifier::Exakt,
                    unit: Some("tillsyner".into()),
                    reports: 1,
                    expected: None,
                    target: None,
                    measured: crate::model::MeasuredStatus::Kvalitativ,
                    instead: Vec::new(),
                    parts: Vec::new(),
                },
            })
            .collect()
    }

    fn every_kind_of_edit(m: &Meeting) -> Vec<MeetingEdit> {
        let c = commitment_item(m);
        let action = ActionItem {
            id: ActionId::new("A9"),
            text: "Ny åtgärd".into(),
            responsible: "Anna Berglund".into(),
            party: None,
            due: Some(date("2017-08-01")),
            status: ActionStatus::Oppen,
            paragraph: None,
        };
        let person = Participant {
            name: "Ny Person".into(),
            title: None,
            organisation: Organisation::Annan("Räddningstjänsten".into()),
            role: Role::Adjungerad,
            excused: false,
        };
        vec![
            MeetingEdit::Conclude {
                snapshots: figures(m),
                effects: Vec::new(),
            },
            MeetingEdit::SetHandled {
                item: 0,
                handled: false,
            },
            MeetingEdit::SetAssessment {
                item: c,
                assessment: Some(Assessment::EjGenomford),
            },
            MeetingEdit::SetReason {
                item: c,
                text: "Skäl".into(),
            },
            MeetingEdit::SetSnapshot {
                item: c,
                snapshot: None,
            },
            MeetingEdit::SetDiscussion {
                item: 1,
                text: "Ny diskussion".into(),
            },
            MeetingEdit::AddDecision {
                item: 1,
                text: "göra något".into(),
            },
            MeetingEdit::SetDecision {
                item: 0,
                index: 0,
                text: "ändrat".into(),
            },
            MeetingEdit::RemoveDecision { item: 0, index: 0 },
            MeetingEdit::InsertItem {
                at: 3,
                kind: ItemKind::Annat("Information från Länsstyrelsen".into()),
            },
            MeetingEdit::RemoveItem { item: 2 },
            MeetingEdit::MoveItem { from: 1, to: 4 },
            MeetingEdit::AddParticipant(person.clone()),
            MeetingEdit::SetParticipant {
                index: 0,
                participant: person,
            },
            MeetingEdit::RemoveParticipant { index: 1 },
            MeetingEdit::AddAction(action.clone()),
            MeetingEdit::SetAction { index: 0, action },
            MeetingEdit::RemoveAction { index: 0 },
            MeetingEdit::SetActionUpdate {
                action: ActionId::new("A3"),
                status: ActionStatus::Struken,
                note: Some("stryks".into()),
            },
            MeetingEdit::SetDetails {
                title: "Nytt namn".into(),
                start: ClockTime::new(9, 0),
                end: None,
                place: "Stadshuset".into(),
            },
            MeetingEdit::SetNextMeeting(None),
            MeetingEdit::SetAdjustment(Some(Adjustment {
                place: "Karlstad".into(),
                date: date("2017-06-30"),
                kept_at: None,
            })),
            MeetingEdit::Batch(vec![
                MeetingEdit::SetHandled {
                    item: c,
                    handled: false,
                },
                MeetingEdit::SetAssessment {
                    item: c,
                    assessment: None,
                },
            ]),
        ]
    }

    #[test]
    fn every_edit_applied_and_undone_gives_the_identical_meeting() {
        let original = meeting();
        for edit in every_kind_of_edit(&original) {
            let mut editor = MeetingEditor::new(original.clone());
            editor
                .apply(edit.clone())
                .unwrap_or_else(|e| panic!("{edit:?}: {e}"));
            let edited = editor.meeting().clone();
            assert_ne!(edited, original, "{edit:?} changed nothing");
            assert!(editor.has_unsaved_changes());
            assert!(editor.undo());
            assert_eq!(editor.meeting(), &original, "{edit:?}");
            assert!(!editor.has_unsaved_changes());
            assert!(editor.redo());
            assert_eq!(editor.meeting(), &edited, "{edit:?} redo");
        }
    }

    #[test]
    fn all_edits_in_a_row_undo_back_to_the_start() {
        let original = meeting();
        let mut editor = MeetingEditor::new(original.clone());
        let edits = every_kind_of_edit(&original);
        for edit in &edits {
            // Indices refer to the original; later ones may no longer exist.
            let _ = editor.apply(edit.clone());
        }
        while editor.undo() {}
        assert_eq!(editor.meeting(), &original);
        while editor.redo() {}
        assert!(editor.has_unsaved_changes());
    }

    #[test]
    fn typing_a_paragraph_is_one_undo_step() {
        let original = meeting();
        let mut editor = MeetingEditor::new(original.clone());
        let mut text = String::new();
        for word in ["Tillsynerna ", "har ", "ökat."] {
            text.push_str(word);
            editor
                .type_into(
                    FieldId(7),
                    MeetingEdit::SetDiscussion {
                        item: 0,
                        text: text.clone(),
                    },
                )
                .expect("editable");
        }
        editor
            .apply(MeetingEdit::SetHandled {
                item: 0,
                handled: false,
            })
            .expect("editable");
        assert!(editor.undo());
        assert_eq!(
            editor.meeting().items[0].discussion,
            "Tillsynerna har ökat."
        );
        assert!(editor.undo());
        assert_eq!(editor.meeting(), &original);
        assert!(!editor.can_undo());
    }

    /// One visit to a field is one step: leaving it (focus out) ends the
    /// step, and another field's typing is a step of its own even when the
    /// same edit kind (an action's text and its responsible) sets both.
    #[test]
    fn each_visit_to_a_field_is_one_undo_step() {
        let original = meeting();
        let mut editor = MeetingEditor::new(original.clone());
        let action = original.actions[0].clone();
        let set = |f: &dyn Fn(&mut ActionItem)| {
            let mut a = action.clone();
            f(&mut a);
            MeetingEdit::SetAction {
                index: 0,
                action: a,
            }
        };
        // Ansvarig typed letter by letter: one step.
        for typed in ["K", "Ki", "Kim", "Kim B"] {
            editor
                .type_into(FieldId(1), set(&|a| a.responsible = typed.into()))
                .expect("editable");
        }
        // Then the text field: its own step.
        let with_name = editor.meeting().actions[0].clone();
        editor
            .type_into(
                FieldId(2),
                MeetingEdit::SetAction {
                    index: 0,
                    action: ActionItem {
                        text: "Boka".into(),
                        ..with_name.clone()
                    },
                },
            )
            .expect("editable");
        // Back to Ansvarig after leaving it: a new step.
        editor.end_typing();
        editor
            .type_into(
                FieldId(1),
                MeetingEdit::SetAction {
                    index: 0,
                    action: ActionItem {
                        text: "Boka".into(),
                        responsible: "Kim Berg".into(),
                        ..with_name.clone()
                    },
                },
            )
            .expect("editable");
        assert!(editor.undo());
        assert_eq!(editor.meeting().actions[0].responsible, "Kim B");
        assert_eq!(editor.meeting().actions[0].text, "Boka");
        assert!(editor.undo());
        assert_eq!(editor.meeting().actions[0], with_name);
        assert!(editor.undo());
        assert_eq!(
            editor.meeting().actions[0].responsible,
            original.actions[0].responsible,
            "the whole name, not a letter"
        );
        assert_eq!(editor.meeting(), &original);
    }

    #[test]
    fn a_personnummer_is_refused_as_it_is_typed_and_never_enters_the_meeting() {
        let original = meeting();
        let mut editor = MeetingEditor::new(original.clone());
        let refused = editor.type_into(
            FieldId(1),
            MeetingEdit::SetDiscussion {
                item: 0,
                text: "Ring 811218 – 9876 om detta".into(),
            },
        );
        match refused {
            Err(EditError::PersonalData { item, field, kind }) => {
                assert_eq!(item, Some(1));
                assert_eq!(field, "diskussionen i § 1");
                assert_eq!(kind, "personnummer");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(editor.meeting(), &original, "nothing of it was kept");
        assert!(!editor.can_undo());
        let participant = Participant {
            name: "Kim 19811218-9876".into(),
            title: None,
            organisation: Organisation::Annan(String::new()),
            role: Role::Ledamot,
            excused: false,
        };
        let message = editor
            .apply(MeetingEdit::AddParticipant(participant))
            .expect_err("refused")
            .to_string();
        assert!(message.contains("namnet på deltagare 6"), "{message}");
        assert_eq!(editor.meeting(), &original);
        // A date and a count are not a personnummer.
        editor
            .type_into(
                FieldId(1),
                MeetingEdit::SetDiscussion {
                    item: 0,
                    text: "2017-03-16 1234 besök".into(),
                },
            )
            .expect("no number");
    }

    #[test]
    fn a_justerat_meeting_is_read_only_until_reopened_with_a_reason() {
        let mut m = meeting();
        m.state = MeetingState::Justerat;
        let mut editor = MeetingEditor::new(m);
        let edit = MeetingEdit::SetDiscussion {
            item: 0,
            text: "x".into(),
        };
        assert_eq!(editor.apply(edit.clone()), Err(EditError::ReadOnly));
        assert_eq!(
            editor.apply(MeetingEdit::Reopen {
                date: date("2017-07-01"),
                reason: "  ".into()
            }),
            Err(EditError::ReasonRequired)
        );
        assert!(!editor.has_unsaved_changes());
        editor
            .apply(MeetingEdit::Reopen {
                date: date("2017-07-01"),
                reason: "Fel antal i § 5".into(),
            })
            .expect("reopens");
        assert_eq!(editor.meeting().state, MeetingState::Avslutat);
        assert_eq!(editor.meeting().reopenings.len(), 1);
        assert_eq!(editor.meeting().reopenings[0].reason, "Fel antal i § 5");
        editor.apply(edit).expect("editable again");
    }

    #[test]
    fn a_batch_is_all_or_nothing() {
        let original = meeting();
        let mut editor = MeetingEditor::new(original.clone());
        let batch = MeetingEdit::Batch(vec![
            MeetingEdit::SetDiscussion {
                item: 0,
                text: "ändrad".into(),
            },
            MeetingEdit::RemoveItem { item: 999 },
        ]);
        assert_eq!(editor.apply(batch), Err(EditError::NoSuchIndex(999)));
        assert_eq!(editor.meeting(), &original);
    }

    #[test]
    fn the_life_of_a_meeting_only_moves_as_allowed() {
        let mut m = meeting();
        m.state = MeetingState::Utkast;
        let mut editor = MeetingEditor::new(m);
        assert_eq!(
            editor.apply(MeetingEdit::SetState(MeetingState::Justerat)),
            Err(EditError::Transition {
                from: MeetingState::Utkast,
                to: MeetingState::Justerat
            })
        );
        let snapshots = figures(editor.meeting());
        for edit in [
            MeetingEdit::SetState(MeetingState::Pagar),
            MeetingEdit::Conclude {
                snapshots: snapshots.clone(),
                effects: Vec::new(),
            },
            MeetingEdit::SetState(MeetingState::Pagar),
            MeetingEdit::Conclude {
                snapshots: snapshots.clone(),
                effects: Vec::new(),
            },
            MeetingEdit::SetState(MeetingState::Justerat),
        ] {
            editor
                .apply(edit.clone())
                .unwrap_or_else(|e| panic!("{edit:?}: {e}"));
        }
        assert_eq!(
            editor.apply(MeetingEdit::SetState(MeetingState::Pagar)),
            Err(EditError::ReadOnly)
        );
    }

    #[test]
    fn justering_records_the_fingerprint_and_reopening_drops_it() {
        use crate::model::fingerprint::{Fingerprint, changes};
        let mut m = meeting();
        m.state = MeetingState::Utkast;
        m.fingerprint = None;
        let mut editor = MeetingEditor::new(m);
        editor
            .apply(MeetingEdit::Conclude {
                snapshots: figures(editor.meeting()),
                effects: Vec::new(),
            })
            .expect("concluded");
        assert_eq!(editor.meeting().fingerprint, None);
        editor
            .apply(MeetingEdit::SetState(MeetingState::Justerat))
            .expect("justerat");
        let first = editor.meeting().fingerprint.clone().expect("recorded");
        assert_eq!(first, Fingerprint::of(editor.meeting()));
        assert_eq!(changes(editor.meeting()), None);
        editor
            .apply(MeetingEdit::Reopen {
                date: date("2017-07-01"),
                reason: "Fel antal i § 5".into(),
            })
            .expect("reopened");
        assert_eq!(editor.meeting().fingerprint, None);
        editor
            .apply(MeetingEdit::SetState(MeetingState::Justerat))
            .expect("justerat again");
        let second = editor
            .meeting()
            .fingerprint
            .clone()
            .expect("recorded again");
        // The reopening is part of what was signed the second time.
        assert_ne!(second.sha256, first.sha256);
        assert!(second.part("återöppning 1").is_some());
        editor.undo();
        editor.undo();
        assert_eq!(editor.meeting().fingerprint.as_ref(), Some(&first));
    }

    #[test]
    fn concluding_keeps_the_effects_and_resuming_drops_them() {
        let mut m = meeting();
        m.snapshots.clear();
        m.effects.clear();
        let mut editor = MeetingEditor::new(m);
        let effects = vec![EffectSnapshot {
            indicator: crate::model::IndicatorId::new("I1"),
            name: "Anmälda misshandelsbrott".into(),
            latest: "187 anmälningar (2017-09-30)".into(),
            change: "−25 sedan 2016-09-30".into(),
            verdict: "ska minska: går åt rätt håll".into(),
        }];
        let snapshots = figures(editor.meeting());
        editor
            .apply(MeetingEdit::Conclude {
                snapshots,
                effects: effects.clone(),
            })
            .expect("concluded");
        assert_eq!(editor.meeting().effects, effects);
        editor
            .apply(MeetingEdit::SetState(MeetingState::Pagar))
            .expect("resumed");
        assert!(
            editor.meeting().effects.is_empty(),
            "taken again at the next conclusion"
        );
        assert!(editor.undo());
        assert_eq!(editor.meeting().effects, effects, "undo brings them back");
    }

    #[test]
    fn concluding_keeps_every_commitments_figures_and_undo_takes_them_back() {
        let mut m = meeting();
        m.snapshots.clear();
        let original = m.clone();
        let mut editor = MeetingEditor::new(m);
        // Never concluded without the figures.
        assert_eq!(
            editor.apply(MeetingEdit::SetState(MeetingState::Avslutat)),
            Err(EditError::ConcludeWithFigures)
        );
        assert_eq!(editor.meeting(), &original);
        let taken = figures(&original);
        assert_eq!(taken.len(), 11, "every commitment of the sample");
        editor
            .apply(MeetingEdit::Conclude {
                snapshots: taken.clone(),
                effects: Vec::new(),
            })
            .expect("concluded");
        assert_eq!(editor.meeting().state, MeetingState::Avslutat);
        assert_eq!(editor.meeting().snapshots, taken);
        let k4 = CommitmentId::new("K4");
        // K4 was assessed in June: the minutes keep the assessment's figures.
        assert_eq!(
            editor.meeting().figures(&k4).map(|s| s.reported),
            original.figures(&k4).map(|s| s.reported)
        );
        assert!(editor.undo());
        assert_eq!(editor.meeting(), &original, "one undo step");
        assert!(editor.redo());
        assert_eq!(editor.meeting().snapshots, taken);

        // Resumed: the figures go; concluded again: taken anew.
        editor
            .apply(MeetingEdit::SetState(MeetingState::Pagar))
            .expect("resumed");
        assert!(editor.meeting().snapshots.is_empty());
        let mut later = taken.clone();
        later[0].snapshot.reported = 99.0;
        editor
            .apply(MeetingEdit::Conclude {
                snapshots: later.clone(),
                effects: Vec::new(),
            })
            .expect("concluded again");
        assert_eq!(editor.meeting().snapshots, later);

        // Justerat, then reopened: the adjusted record keeps its figures.
        editor
            .apply(MeetingEdit::SetState(MeetingState::Justerat))
            .expect("justerat");
        assert_eq!(
            editor.apply(MeetingEdit::Conclude {
                snapshots: taken.clone(),
                effects: Vec::new(),
            }),
            Err(EditError::ReadOnly)
        );
        editor
            .apply(MeetingEdit::Reopen {
                date: date("2017-07-01"),
                reason: "Fel antal i § 5".into(),
            })
            .expect("reopened");
        assert_eq!(editor.meeting().snapshots, later);
    }

    #[test]
    fn a_figure_of_an_unassessed_commitment_comes_from_the_conclusion() {
        let mut m = meeting();
        let item = commitment_item(&m);
        let ItemKind::Atagande(review) = &mut m.items[item].kind else {
            unreachable!("a commitment item");
        };
        review.snapshot = None;
        let id = review.commitment.clone();
        assert_eq!(m.figures(&id), None);
        m.snapshots = figures(&m);
        assert_eq!(m.figures(&id).map(|s| s.reported), Some(1.0));
    }

    #[test]
    fn bad_indices_and_wrong_items_are_refused_without_change() {
        let original = meeting();
        let mut editor = MeetingEditor::new(original.clone());
        assert_eq!(
            editor.apply(MeetingEdit::SetAssessment {
                item: 0,
                assessment: Some(Assessment::Genomford)
            }),
            Err(EditError::NotACommitment(0))
        );
        assert_eq!(
            editor.apply(MeetingEdit::RemoveItem { item: 999 }),
            Err(EditError::NoSuchIndex(999))
        );
        assert_eq!(
            editor.apply(MeetingEdit::SetActionUpdate {
                action: ActionId::new("A1"),
                status: ActionStatus::Klar,
                note: None
            }),
            Err(EditError::UnknownAction("A1".into()))
        );
        assert_eq!(editor.meeting(), &original);
        assert!(!editor.can_undo());
        // A new commitment item can be added and assessed.
        editor
            .apply(MeetingEdit::InsertItem {
                at: usize::MAX,
                kind: ItemKind::Atagande(CommitmentReview {
                    commitment: CommitmentId::new("K4"),
                    assessment: None,
                    reason: None,
                    snapshot: None,
                }),
            })
            .expect("inserted at the end");
        let last = editor.meeting().items.len() - 1;
        editor
            .apply(MeetingEdit::SetAssessment {
                item: last,
                assessment: Some(Assessment::Forsenad),
            })
            .expect("assessed");
    }
}
