//! Follow-up meetings (`meetings/YYYY-MM-DD.ron`): who took part, the agenda
//! as numbered items (§), the assessment and decisions per commitment, and
//! the action items carried from meeting to meeting.
//!
//! A meeting file is a record of a public authority: the measured status is
//! stored as a snapshot at the meeting date, so the minutes stay true when
//! activity reports are corrected later.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::activity::Qualifier;
use super::date::Date;
use super::ids::{ActionId, CommitmentId, PartyId};
use super::measured::MeasuredStatus;
use super::pledge::Pledge;

/// The file format version this build reads and writes.
pub const MEETING_FORMAT_VERSION: u32 = 1;

/// A time of day, written "13:30".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime {
    minutes: u16,
}

impl ClockTime {
    /// `hour`:`minute`, if both are in range.
    pub fn new(hour: u16, minute: u16) -> Option<Self> {
        (hour < 24 && minute < 60).then_some(ClockTime {
            minutes: hour * 60 + minute,
        })
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.minutes / 60, self.minutes % 60)
    }
}

impl std::str::FromStr for ClockTime {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("\"{text}\" är ingen tid; skriv den som TT:MM, till exempel 13:30");
        let (h, m) = text.split_once(':').ok_or_else(bad)?;
        if h.len() != 2 || m.len() != 2 {
            return Err(bad());
        }
        let (Ok(h), Ok(m)) = (h.parse::<u16>(), m.parse::<u16>()) else {
            return Err(bad());
        };
        ClockTime::new(h, m).ok_or_else(bad)
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ClockTime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("en tid som \"TT:MM\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ClockTime, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// Where a meeting is in its life.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum MeetingState {
    /// Being prepared.
    #[default]
    Utkast,
    /// Being held.
    Pagar,
    /// Held; minutes not yet checked.
    Avslutat,
    /// Minutes checked and signed: read-only.
    Justerat,
}

impl fmt::Display for MeetingState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MeetingState::Utkast => "utkast",
            MeetingState::Pagar => "pågår",
            MeetingState::Avslutat => "avslutat",
            MeetingState::Justerat => "justerat",
        })
    }
}

/// A participant's role in the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Chairs the meeting (the convener's representative).
    Ordforande,
    /// Keeps the minutes.
    Sekreterare,
    /// Checks and co-signs the minutes.
    Justerare,
    /// Member.
    Ledamot,
    /// Co-opted or otherwise present without being a member.
    Adjungerad,
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Role::Ordforande => "ordförande",
            Role::Sekreterare => "sekreterare",
            Role::Justerare => "justerare",
            Role::Ledamot => "ledamot",
            Role::Adjungerad => "adjungerad",
        })
    }
}

/// Whom a participant represents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Organisation {
    /// A party of the pledge.
    Part(PartyId),
    /// Anyone else ("Länsstyrelsen Värmland").
    Annan(String),
}

/// One person at (or excused from) the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Name as it appears in the minutes.
    pub name: String,
    /// Title or function ("kommunpolis"); optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Whom they represent.
    pub organisation: Organisation,
    /// Role in the meeting.
    pub role: Role,
    /// Excused with notice (anmält förhinder) rather than present.
    #[serde(default, skip_serializing_if = "crate::model::is_false")]
    pub excused: bool,
}

/// The meeting's conclusion about a commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Assessment {
    /// Done.
    Genomford,
    /// Under way as planned.
    PagarEnligtPlan,
    /// Behind.
    Forsenad,
    /// Not done (a reason is required).
    EjGenomford,
    /// Dropped or changed (a reason is required).
    UtgarAndras,
    /// Not taken up at this meeting.
    EjBehandlad,
    /// Partly done (a reason is required: what was and was not done).
    DelvisGenomford,
    /// The target's condition was not met ("om underrättelseläget medger
    /// detta"), so the commitment could not apply; only for a target with
    /// a condition, and a reason is required.
    VillkoretUppfylldesInte,
}

impl Assessment {
    /// In the order of the digit keys 1–8 in the chairing view (the two
    /// added later come last, so the keys people know keep their meaning).
    pub const ALL: [Assessment; 8] = [
        Assessment::Genomford,
        Assessment::PagarEnligtPlan,
        Assessment::Forsenad,
        Assessment::EjGenomford,
        Assessment::UtgarAndras,
        Assessment::EjBehandlad,
        Assessment::DelvisGenomford,
        Assessment::VillkoretUppfylldesInte,
    ];

    /// Whether the minutes must say why.
    pub fn needs_reason(self) -> bool {
        matches!(
            self,
            Assessment::EjGenomford
                | Assessment::UtgarAndras
                | Assessment::DelvisGenomford
                | Assessment::VillkoretUppfylldesInte
        )
    }

    /// Whether it only applies to a commitment whose target has a condition.
    pub fn needs_condition(self) -> bool {
        self == Assessment::VillkoretUppfylldesInte
    }
}

impl fmt::Display for Assessment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Assessment::Genomford => "genomförd",
            Assessment::PagarEnligtPlan => "pågår enligt plan",
            Assessment::Forsenad => "försenad",
            Assessment::EjGenomford => "ej genomförd",
            Assessment::UtgarAndras => "utgår/ändras",
            Assessment::EjBehandlad => "ej behandlad",
            Assessment::DelvisGenomford => "delvis genomförd",
            Assessment::VillkoretUppfylldesInte => "villkoret uppfylldes inte",
        })
    }
}

/// What the figures showed at the meeting date, kept with the minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusSnapshot {
    /// The date the figures describe.
    pub as_of: Date,
    /// Reported by then.
    #[serde(serialize_with = "crate::model::plain_number")]
    pub reported: f64,
    /// How exact `reported` is ("minst 200", "ca 60"). Left out for an
    /// exact figure, so files written before the field existed keep their
    /// meaning: they printed every figure as exact.
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub qualifier: Qualifier,
    /// Unit of `reported`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Number of reports.
    pub reports: usize,
    /// Expected by then, for count targets.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::plain_number_opt"
    )]
    pub expected: Option<f64>,
    /// The whole period's target.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::plain_number_opt"
    )]
    pub target: Option<f64>,
    /// Measured status.
    pub measured: MeasuredStatus,
    /// What was done instead of the promise, as the minutes say it ("I
    /// stället: …"), known by then.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instead: Vec<String>,
    /// Each part's status in words, for a commitment followed up in parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
}

/// One commitment's figures when the meeting was concluded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitmentSnapshot {
    /// The commitment.
    pub commitment: CommitmentId,
    /// Its measured status at the meeting date.
    pub snapshot: StatusSnapshot,
}

/// A commitment taken up at the meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitmentReview {
    /// The commitment.
    pub commitment: CommitmentId,
    /// The meeting's assessment, once made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Assessment>,
    /// Why (required for *ej genomförd* and *utgår/ändras*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The measured status at the meeting date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<StatusSnapshot>,
}

/// What an agenda item is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ItemKind {
    /// Mötets öppnande.
    Oppnande,
    /// Val av justerare.
    ValAvJusterare,
    /// Godkännande av dagordningen.
    Dagordning,
    /// Uppföljning av föregående mötes åtgärder.
    ForegaendeAtgarder,
    /// One commitment.
    Atagande(CommitmentReview),
    /// Övriga frågor.
    OvrigaFragor,
    /// Nästa möte.
    NastaMote,
    /// Mötets avslutande.
    Avslutning,
    /// Any other item, with its heading.
    Annat(String),
}

impl ItemKind {
    /// The standard heading of the item.
    pub fn heading(&self) -> String {
        match self {
            ItemKind::Oppnande => "Mötets öppnande".into(),
            ItemKind::ValAvJusterare => "Val av justerare".into(),
            ItemKind::Dagordning => "Godkännande av dagordningen".into(),
            ItemKind::ForegaendeAtgarder => "Uppföljning av föregående mötes åtgärder".into(),
            ItemKind::Atagande(review) => format!("Åtagande {}", review.commitment),
            ItemKind::OvrigaFragor => "Övriga frågor".into(),
            ItemKind::NastaMote => "Nästa möte".into(),
            ItemKind::Avslutning => "Mötets avslutande".into(),
            ItemKind::Annat(title) => title.clone(),
        }
    }
}

/// A numbered paragraph (§) of the agenda and the minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// What it is about.
    pub kind: ItemKind,
    /// Whether the meeting has dealt with it.
    #[serde(default, skip_serializing_if = "crate::model::is_false")]
    pub handled: bool,
    /// Discussion (internal: never in the public report).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub discussion: String,
    /// Decisions, each an "att …" clause without the "att".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<String>,
}

impl AgendaItem {
    /// An item not yet dealt with.
    pub fn new(kind: ItemKind) -> Self {
        AgendaItem {
            kind,
            handled: false,
            discussion: String::new(),
            decisions: Vec::new(),
        }
    }
}

/// Where an action item stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum ActionStatus {
    /// To do.
    #[default]
    Oppen,
    /// Done.
    Klar,
    /// Cancelled.
    Struken,
}

impl fmt::Display for ActionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ActionStatus::Oppen => "öppen",
            ActionStatus::Klar => "klar",
            ActionStatus::Struken => "struken",
        })
    }
}

/// An action item (åtgärd) created at this meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    /// Unique across the pledge's meetings ("A3").
    pub id: ActionId,
    /// What is to be done.
    pub text: String,
    /// Who is responsible (a person, as in the minutes).
    pub responsible: String,
    /// The party responsible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<PartyId>,
    /// To be done by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// Status when this meeting ended.
    #[serde(default)]
    pub status: ActionStatus,
    /// The § of this meeting where it was decided (1-based, as the minutes
    /// number them), so the view and the minutes can say "A6 (beslutad i
    /// § 12)". Kept in step when agenda items are added, moved or removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
}

impl ActionItem {
    /// "beslutad i § 12", for the view and the minutes of its meeting.
    pub fn decided_words(&self) -> Option<String> {
        self.paragraph.map(|p| format!("beslutad i § {p}"))
    }
}

/// A later meeting's decision about an earlier meeting's action item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionUpdate {
    /// The action item.
    pub action: ActionId,
    /// Its status after this meeting (open means carried over).
    pub status: ActionStatus,
    /// A short note ("klar i februari", "flyttas till nästa möte").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Date, time and place of the next meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextMeeting {
    /// Date.
    pub date: Date,
    /// Start time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<ClockTime>,
    /// Place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// Where and when the minutes are checked (justering).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adjustment {
    /// Place.
    pub place: String,
    /// Date.
    pub date: Date,
    /// Where the signed original is kept ("Förvaringsplats för
    /// protokollet": "Polisen, LPO Karlstad, diariet"), printed with the
    /// justering and in the copy published without signatures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_at: Option<String>,
}

/// A justerat meeting opened again, with the reason on record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reopening {
    /// When.
    pub date: Date,
    /// Why.
    pub reason: String,
}

/// One follow-up meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// File format version ([`MEETING_FORMAT_VERSION`]).
    pub version: u32,
    /// Name of the meeting ("Uppföljningsmöte 2").
    pub title: String,
    /// Date.
    pub date: Date,
    /// Start time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<ClockTime>,
    /// End time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<ClockTime>,
    /// Place.
    pub place: String,
    /// Where the meeting is in its life.
    #[serde(default)]
    pub state: MeetingState,
    /// Everyone present or excused.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    /// The agenda in order (§ 1, § 2 …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<AgendaItem>,
    /// Decisions about earlier meetings' action items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub action_updates: Vec<ActionUpdate>,
    /// Action items created at this meeting.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionItem>,
    /// The next meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_meeting: Option<NextMeeting>,
    /// Justering: place and date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjustment: Option<Adjustment>,
    /// Times a justerat meeting was opened again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reopenings: Vec<Reopening>,
    /// Every commitment's figures at the meeting date, taken when the
    /// meeting was concluded (assessed or not), so the minutes' overview
    /// has figures for all of them. Taken again at each conclusion and
    /// dropped when the meeting is resumed; kept when a justerat meeting is
    /// reopened (see [`crate::model::meeting_edit::MeetingEdit::Conclude`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<CommitmentSnapshot>,
    /// The effect indicators as the minutes print them, taken with the
    /// figures at the conclusion: the record stays as concluded even when
    /// values are added to the pledge later.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effects: Vec<EffectSnapshot>,
    /// What the justerare signed, recorded when the meeting became
    /// *justerat* and dropped when it is reopened, so a later change to the
    /// file shows ([`crate::model::fingerprint`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<super::fingerprint::Fingerprint>,
}

/// One effect indicator as a concluded meeting's minutes print it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffectSnapshot {
    /// The indicator's id.
    pub indicator: crate::model::IndicatorId,
    /// What is measured.
    pub name: String,
    /// The latest value in words.
    pub latest: String,
    /// The change since the first value, in words.
    pub change: String,
    /// Whether it moves toward its goal, in words.
    pub verdict: String,
}

impl Meeting {
    /// The commitment reviews of the agenda, in agenda order.
    pub fn reviews(&self) -> impl Iterator<Item = &CommitmentReview> {
        self.items.iter().filter_map(|item| match &item.kind {
            ItemKind::Atagande(review) => Some(review),
            _ => None,
        })
    }

    /// Whether its conclusions count (a draft's do not).
    pub fn has_concluded(&self) -> bool {
        self.state >= MeetingState::Avslutat
    }

    /// The figures this meeting keeps for `commitment`: the snapshot taken
    /// when it was assessed (what the assessment rests on), else the one
    /// taken when the meeting was concluded; `None` when it kept neither.
    pub fn figures(&self, commitment: &CommitmentId) -> Option<&StatusSnapshot> {
        self.reviews()
            .filter(|r| &r.commitment == commitment)
            .find_map(|r| r.snapshot.as_ref())
            .or_else(|| {
                self.snapshots
                    .iter()
                    .find(|s| &s.commitment == commitment)
                    .map(|s| &s.snapshot)
            })
    }

    /// A new meeting after `earlier` (any order): the standard agenda with
    /// every commitment of the pledge in pledge order, the participants of
    /// the latest earlier meeting (all marked present), and every action
    /// item still open carried into the follow-up item as "öppen".
    pub fn after(pledge: &Pledge, earlier: &[Meeting], date: Date, title: String) -> Meeting {
        let previous = earlier
            .iter()
            .filter(|m| m.date < date)
            .max_by_key(|m| m.date);
        let participants = previous.map_or_else(Vec::new, |m| {
            m.participants
                .iter()
                .map(|p| Participant {
                    excused: false,
                    ..p.clone()
                })
                .collect()
        });
        let mut items = vec![
            AgendaItem::new(ItemKind::Oppnande),
            AgendaItem::new(ItemKind::ValAvJusterare),
            AgendaItem::new(ItemKind::Dagordning),
            AgendaItem::new(ItemKind::ForegaendeAtgarder),
        ];
        items.extend(pledge.commitments.iter().map(|c| {
            AgendaItem::new(ItemKind::Atagande(CommitmentReview {
                commitment: c.id.clone(),
                assessment: None,
                reason: None,
                snapshot: None,
            }))
        }));
        items.extend([
            AgendaItem::new(ItemKind::OvrigaFragor),
            AgendaItem::new(ItemKind::NastaMote),
            AgendaItem::new(ItemKind::Avslutning),
        ]);
        let action_updates = open_actions(earlier, date)
            .into_iter()
            .map(|a| ActionUpdate {
                action: a.id.clone(),
                status: ActionStatus::Oppen,
                note: None,
            })
            .collect();
        // The day, time and place the previous meeting decided, when this is
        // that meeting.
        let decided = previous
            .and_then(|m| m.next_meeting.as_ref())
            .filter(|n| n.date == date);
        Meeting {
            version: MEETING_FORMAT_VERSION,
            title,
            date,
            start: decided.and_then(|n| n.time),
            end: None,
            place: decided
                .and_then(|n| n.place.clone())
                .or_else(|| previous.map(|m| m.place.clone()))
                .unwrap_or_default(),
            state: MeetingState::Utkast,
            participants,
            items,
            action_updates,
            actions: Vec::new(),
            next_meeting: None,
            adjustment: None,
            reopenings: Vec::new(),
            snapshots: Vec::new(),
            effects: Vec::new(),
            fingerprint: None,
        }
    }
}

/// One meeting's assessment of a commitment, for its history.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentRecord<'a> {
    /// The meeting date.
    pub date: Date,
    /// The meeting's name.
    pub meeting: &'a str,
    /// The meeting's state (only concluded meetings are listed).
    pub state: MeetingState,
    /// The assessment.
    pub assessment: Assessment,
    /// The reason given, if any.
    pub reason: Option<&'a str>,
}

/// The assessments of `commitment` by concluded meetings, oldest first.
pub fn assessment_history<'a>(
    meetings: &'a [Meeting],
    commitment: &CommitmentId,
) -> Vec<AssessmentRecord<'a>> {
    let mut records: Vec<AssessmentRecord<'a>> = meetings
        .iter()
        .filter(|m| m.has_concluded())
        .flat_map(|m| {
            m.reviews()
                .filter(|r| &r.commitment == commitment)
                .filter_map(move |r| {
                    Some(AssessmentRecord {
                        date: m.date,
                        meeting: m.title.as_str(),
                        state: m.state,
                        assessment: r.assessment?,
                        reason: r.reason.as_deref(),
                    })
                })
        })
        .collect();
    records.sort_by_key(|r| r.date);
    records
}

/// The latest assessment of `commitment` by a concluded meeting held on or
/// before `as_of`; *ej behandlad* does not replace an earlier assessment.
pub fn latest_assessment<'a>(
    meetings: &'a [Meeting],
    commitment: &CommitmentId,
    as_of: Date,
) -> Option<AssessmentRecord<'a>> {
    assessment_history(meetings, commitment)
        .into_iter()
        .rfind(|r| r.date <= as_of && r.assessment != Assessment::EjBehandlad)
}

/// An action item with its status after the meetings before a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionState<'a> {
    /// The item as created.
    pub item: &'a ActionItem,
    /// The meeting that created it.
    pub created: Date,
    /// Its status after the latest meeting before the date.
    pub status: ActionStatus,
    /// The meeting that closed it (klar or struken), if one did.
    pub closed: Option<Date>,
}

/// Every action item created before `date`, with its status after the
/// meetings held before `date` (in date order), oldest first.
pub fn actions_before(meetings: &[Meeting], date: Date) -> Vec<ActionState<'_>> {
    let mut ordered: Vec<&Meeting> = meetings.iter().filter(|m| m.date < date).collect();
    ordered.sort_by_key(|m| m.date);
    let mut states: Vec<ActionState<'_>> = Vec::new();
    for meeting in ordered {
        for update in &meeting.action_updates {
            if let Some(state) = states.iter_mut().find(|s| s.item.id == update.action) {
                state.status = update.status;
                state.closed = (update.status != ActionStatus::Oppen).then_some(meeting.date);
            }
        }
        states.extend(meeting.actions.iter().map(|item| ActionState {
            item,
            created: meeting.date,
            status: item.status,
            closed: (item.status != ActionStatus::Oppen).then_some(meeting.date),
        }));
    }
    states
}

/// The action items still open before `date`.
pub fn open_actions(meetings: &[Meeting], date: Date) -> Vec<&ActionItem> {
    actions_before(meetings, date)
        .into_iter()
        .filter(|s| s.status == ActionStatus::Oppen)
        .map(|s| s.item)
        .collect()
}

/// What differs between two versions of a meeting, in Swedish, one line per
/// difference (for restoring an autosaved version: the user sees what they get).
pub fn differences(from: &Meeting, to: &Meeting) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = |name: &str, a: String, b: String| {
        if a != b {
            out.push(format!("{name}: {a} → {b}"));
        }
    };
    field("namn", from.title.clone(), to.title.clone());
    field("datum", from.date.to_string(), to.date.to_string());
    field("plats", from.place.clone(), to.place.clone());
    field("status", from.state.to_string(), to.state.to_string());
    field(
        "deltagare",
        from.participants.len().to_string(),
        to.participants.len().to_string(),
    );
    field(
        "punkter på dagordningen",
        from.items.len().to_string(),
        to.items.len().to_string(),
    );
    for (n, (a, b)) in from.items.iter().zip(&to.items).enumerate() {
        let heading = format!("§ {} {}", n + 1, b.kind.heading());
        if let (ItemKind::Atagande(ra), ItemKind::Atagande(rb)) = (&a.kind, &b.kind) {
            let word =
                |r: &CommitmentReview| r.assessment.map_or("–".to_owned(), |x| x.to_string());
            if ra.assessment != rb.assessment {
                out.push(format!("{heading}: bedömning {} → {}", word(ra), word(rb)));
            }
            if ra.reason != rb.reason {
                out.push(format!("{heading}: skälet ändrat"));
            }
        }
        if a.discussion != b.discussion {
            out.push(format!("{heading}: diskussionen ändrad"));
        }
        if a.decisions != b.decisions {
            out.push(format!(
                "{heading}: beslut ändrade ({} → {})",
                a.decisions.len(),
                b.decisions.len()
            ));
        }
        if a.handled != b.handled {
            out.push(format!(
                "{heading}: {}",
                if b.handled {
                    "markerad som behandlad"
                } else {
                    "inte längre behandlad"
                }
            ));
        }
    }
    if from.actions != to.actions {
        out.push(format!(
            "åtgärder ändrade ({} → {})",
            from.actions.len(),
            to.actions.len()
        ));
    }
    if from.action_updates != to.action_updates {
        out.push("beslut om tidigare åtgärder ändrade".to_owned());
    }
    if from.snapshots != to.snapshots {
        let count = |m: &Meeting| crate::format::count(m.snapshots.len(), "åtagande", "åtaganden");
        out.push(format!(
            "siffrorna från mötets avslutning: {} → {}",
            count(from),
            count(to)
        ));
    }
    if from.next_meeting != to.next_meeting || from.adjustment != to.adjustment {
        out.push("nästa möte eller justering ändrad".to_owned());
    }
    out
}

/// What the model's own tests edit.
#[cfg(test)]
pub(crate) mod test_support {
    use super::{Meeting, MeetingState};
    use crate::{sample, store};

    /// A justerat meeting file's text made `Avslutat` with no fingerprint,
    /// for tests that edit its content for another reason than the
    /// justering (an edited justerat meeting is an error of its own).
    pub fn unjusterat(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut in_fingerprint = false;
        for line in text.split_inclusive('\n') {
            let bare = line.trim_end();
            if bare == "    fingerprint: (" {
                in_fingerprint = true;
            } else if in_fingerprint {
                in_fingerprint = bare != "    ),";
            } else {
                out.push_str(line);
            }
        }
        assert!(out.contains("state: Justerat,"), "a justerat meeting");
        out.replacen("state: Justerat,", "state: Avslutat,", 1)
    }

    /// The sample's June meeting, being held again (editable).
    pub fn june_being_held() -> Meeting {
        let today = "2026-01-01".parse().expect("valid date");
        let june = "2017-06-15".parse().expect("valid date");
        let loaded = store::load(sample::karlstad(), today);
        let mut m = loaded
            .meetings
            .into_iter()
            .find(|m| m.date == june)
            .expect("June meeting");
        m.state = MeetingState::Pagar;
        m
    }
}
