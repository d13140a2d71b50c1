//! The pledge (medborgarlöfte): parties, period, problem areas, commitments,
//! targets, outcome indicators and revisions.
//!
//! The types are deliberately general: pledges elsewhere have more than two
//! parties, commitments owned by any subset of them, and targets of several
//! shapes or none at all.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::activity::Qualifier;
use super::date::{Date, Span};
use super::ids::{CommitmentId, IndicatorId, PartyId};

/// The file format version this build reads and writes.
pub const PLEDGE_FORMAT_VERSION: u32 = 1;

/// A whole pledge as stored in `pledge.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pledge {
    /// File format version ([`PLEDGE_FORMAT_VERSION`]).
    pub version: u32,
    /// Title, e.g. "Medborgarlöften för Karlstad 2016–2017".
    pub title: String,
    /// Where the text comes from (document, date, url); shown in reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Every party; at least one.
    pub parties: Vec<Party>,
    /// The party that convenes and leads follow-up (sammankallande), when
    /// the pledge says (many do not).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_some"
    )]
    pub convener: Option<PartyId>,
    /// The party that leads communicating progress to citizens, when the
    /// pledge says.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_some"
    )]
    pub communication_lead: Option<PartyId>,
    /// How citizens can get in touch (for the public report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Period of validity and signing date.
    pub period: Period,
    /// Numbered problem areas.
    pub problem_areas: Vec<ProblemArea>,
    /// The commitments, in the pledge's order.
    pub commitments: Vec<Commitment>,
    /// Outcome indicators (effektuppföljning); never summed with activities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Changes to the pledge during the period, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<Revision>,
}

/// A party to the pledge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Short stable id used in the other files.
    pub id: PartyId,
    /// Name as written in the pledge ("LPO Karlstad").
    pub name: String,
    /// What kind of organisation it is.
    pub kind: PartyKind,
    /// Whether it signed the pledge (performers may take part without signing).
    #[serde(default = "yes")]
    pub signed: bool,
}

fn yes() -> bool {
    true
}

fn one() -> f64 {
    1.0
}

/// Kinds of organisation that take part in Swedish citizen promises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PartyKind {
    /// A local police area (lokalpolisområde).
    Polis,
    /// A municipality.
    Kommun,
    /// A district or administration within a municipality.
    Kommundel,
    /// A property owners' association (fastighetsägare).
    Fastighetsagare,
    /// A housing company (bostadsbolag).
    Bostadsbolag,
    /// A city-centre association (cityförening).
    Cityforening,
    /// Anything else, named.
    Annan(String),
}

impl fmt::Display for PartyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PartyKind::Polis => "polis",
            PartyKind::Kommun => "kommun",
            PartyKind::Kommundel => "kommundel",
            PartyKind::Fastighetsagare => "fastighetsägare",
            PartyKind::Bostadsbolag => "bostadsbolag",
            PartyKind::Cityforening => "cityförening",
            PartyKind::Annan(name) => name,
        })
    }
}

/// When the pledge applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day of the period. A month or year may be written ("2020"
    /// for "2020–2023"): it means its first day.
    #[serde(deserialize_with = "first_day")]
    pub start: Date,
    /// Last day of the period (inclusive). A month or year may be written
    /// ("2023"): it means its last day.
    #[serde(deserialize_with = "last_day")]
    pub end: Date,
    /// Signing date, which may differ from the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// A day, or a month or year when that is all the source says
    /// ("undertecknat i mars 2019": `"2019-03"`).
    pub signed: Option<Span>,
}

impl Period {
    /// Number of days in the period, both ends included (0 if end is before start).
    pub fn days(&self) -> i64 {
        (self.start.days_until(self.end) + 1).max(0)
    }

    /// Whether `date` lies within the period.
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    /// `date` moved into the period.
    pub fn clamp(&self, date: Date) -> Date {
        date.clamp(self.start, self.end.max(self.start))
    }

    /// The calendar months the period touches, as (year, month), in order;
    /// capped at 600 so a mistyped year cannot make a huge list.
    pub fn months(&self) -> Vec<(i32, u32)> {
        let mut months = Vec::new();
        let (mut year, mut month) = (self.start.year(), self.start.month());
        let last = (self.end.year(), self.end.month());
        while (year, month) <= last && months.len() < 600 {
            months.push((year, month));
            (year, month) = if month == 12 {
                (year + 1, 1)
            } else {
                (year, month + 1)
            };
        }
        months
    }
}

/// A numbered problem area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProblemArea {
    /// Number as in the pledge (1, 2, 3).
    pub number: u32,
    /// Title ("Våld i offentlig miljö").
    pub title: String,
    /// Whether the work focuses on this area in the period.
    #[serde(default, skip_serializing_if = "crate::model::is_false")]
    pub focus: bool,
}

/// One concrete commitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// Stable id (`G1`, `P2`, `K4`).
    pub id: CommitmentId,
    /// The text verbatim from the pledge.
    pub text: String,
    /// Parties that own it; a joint commitment lists several.
    pub owners: Vec<PartyId>,
    /// The party that leads the work, if one was named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<PartyId>,
    /// Others who carry out the work without having signed (free text).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_actors: Vec<String>,
    /// Numbers of the problem areas it addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problem_areas: Vec<u32>,
    /// Places where it applies, if named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// The planned amount, if the parties set one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// Set when the commitment was carried over from the previous period's
    /// pledge (renewal), so follow-up can tell old from new promises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_over: Option<CarriedOver>,
    /// Parts followed up one by one ("en permanent resurs och ett lokalt
    /// kontor"), each with its own target; entries say which part with
    /// `part`, and the commitment says how many parts are reached ("1 av 2
    /// delar").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
}

/// One part of a commitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Short id within the commitment (`"resurs"`, `"kontor"`), used by
    /// entries' `part`.
    pub id: String,
    /// The part in the pledge's words ("ett lokalt kontor").
    pub text: String,
    /// Its own target, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
}

/// Where a carried-over commitment comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CarriedOver {
    /// The previous pledge's title.
    pub from: String,
    /// The commitment's id there.
    pub id: CommitmentId,
}

/// A planned amount for a commitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// What is counted and over what time.
    pub shape: TargetShape,
    /// Unit of the count ("tillsyner", "timmar"); ignored for milestones.
    pub unit: String,
    /// Whether the amount is a minimum, exact or a maximum.
    #[serde(default)]
    pub bound: Bound,
    /// First day the target applies, when it is followed up from a later
    /// day than the period's start (default: the period's start, or the date
    /// of the revision that added the commitment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Last day the target applies, when that is before the period's end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// A condition in free text ("om underrättelseläget medger detta").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// Marks a target invented for a sample or example, not set by the parties.
    #[serde(default, skip_serializing_if = "crate::model::is_false")]
    pub example: bool,
}

/// The shape of a target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum TargetShape {
    /// A count over the whole period ("minst 8 under perioden").
    Total {
        /// The amount for the whole period.
        #[serde(serialize_with = "crate::model::plain_number")]
        amount: f64,
    },
    /// A rate ("4 per månad", optionally "i snitt").
    Rate {
        /// Amount per `per`.
        #[serde(serialize_with = "crate::model::plain_number")]
        amount: f64,
        /// The time unit of the rate.
        per: RateUnit,
        /// Whether the rate is an average over the period rather than every period.
        #[serde(default)]
        average: bool,
    },
    /// An amount on each of some weekdays ("alla fredags- och
    /// lördagskvällar"): expected is the matching days elapsed in the
    /// target's window times the amount.
    Weekdays {
        /// Amount per matching day.
        #[serde(serialize_with = "crate::model::plain_number")]
        amount: f64,
        /// The weekdays, e.g. `[Fredag, Lordag]`.
        days: Vec<Weekday>,
    },
    /// Every place of a named set, a number of times ("en kontaktperson i
    /// alla kommunala grundskolor", "alla gångtunnlar fyra gånger per
    /// år"): the set is the commitment's `places`, an entry counts for the
    /// places its `place` names, and the status says how many of them are
    /// covered ("7 av 12 skolor").
    Coverage {
        /// Visits (entries) each place needs: over the window, or per `per`.
        #[serde(default = "one", serialize_with = "crate::model::plain_number")]
        times: f64,
        /// The time unit of `times`, when it is a rate ("per år").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        per: Option<RateUnit>,
    },
    /// Something established once ("rutin fastställd senast 2017-01-31",
    /// or with no date at all). Reached only when an entry says so
    /// ([`crate::model::Activity::milestone_reached`]): reporting work
    /// towards it is not reaching it.
    Milestone {
        /// Due date, when the pledge names one.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "serialize_some_date",
            deserialize_with = "deserialize_some"
        )]
        by: Option<Date>,
    },
}

/// The first day of a day, week, month or year as written.
fn first_day<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
    Span::deserialize(deserializer).map(Span::first)
}

/// The last day of a day, week, month or year as written.
fn last_day<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
    Span::deserialize(deserializer).map(Span::last)
}

/// Writes `by: "2017-01-31"` as files have always had it (never `Some(…)`).
#[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)] // serde's signature
fn serialize_some_date<S: serde::Serializer>(
    date: &Option<Date>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => date.serialize(serializer),
        None => serializer.serialize_none(),
    }
}

/// Reads an optional text-like value (a date, a party id) written plainly,
/// as every file had it when the field was required (`by: "2017-01-31"`,
/// `convener: "lpo"`, with or without `implicit_some`), and also `Some(…)`
/// and `None`; a missing field is `None` (serde default).
fn deserialize_some<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Visitor<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visitor<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("en text inom citattecken")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            T::deserialize(serde::de::value::StrDeserializer::<E>::new(v)).map(Some)
        }
        fn visit_some<D: serde::Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            T::deserialize(deserializer).map(Some)
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    deserializer.deserialize_any(Visitor(std::marker::PhantomData))
}

/// A day of the week, for [`TargetShape::Weekdays`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Weekday {
    /// Monday.
    Mandag,
    /// Tuesday.
    Tisdag,
    /// Wednesday.
    Onsdag,
    /// Thursday.
    Torsdag,
    /// Friday.
    Fredag,
    /// Saturday.
    Lordag,
    /// Sunday.
    Sondag,
}

impl Weekday {
    /// Monday to Sunday.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mandag,
        Weekday::Tisdag,
        Weekday::Onsdag,
        Weekday::Torsdag,
        Weekday::Fredag,
        Weekday::Lordag,
        Weekday::Sondag,
    ];

    /// The weekday of `date`.
    pub fn of(date: Date) -> Weekday {
        use chrono::Datelike as _;
        let index = date.naive().weekday().num_days_from_monday() as usize;
        Weekday::ALL.get(index).copied().unwrap_or(Weekday::Mandag)
    }

    /// 0 for Monday to 6 for Sunday.
    pub fn index(self) -> usize {
        usize::from(self.number())
    }

    /// 0 for Monday to 6 for Sunday, as a number for arithmetic.
    pub fn number(self) -> u8 {
        match self {
            Weekday::Mandag => 0,
            Weekday::Tisdag => 1,
            Weekday::Onsdag => 2,
            Weekday::Torsdag => 3,
            Weekday::Fredag => 4,
            Weekday::Lordag => 5,
            Weekday::Sondag => 6,
        }
    }
}

impl fmt::Display for Weekday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Weekday::Mandag => "måndag",
            Weekday::Tisdag => "tisdag",
            Weekday::Onsdag => "onsdag",
            Weekday::Torsdag => "torsdag",
            Weekday::Fredag => "fredag",
            Weekday::Lordag => "lördag",
            Weekday::Sondag => "söndag",
        })
    }
}

/// Time unit of a rate target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RateUnit {
    /// Per day.
    Dag,
    /// Per week.
    Vecka,
    /// Per month.
    Manad,
    /// Per year ("fyra gånger per år").
    Ar,
}

impl fmt::Display for RateUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RateUnit::Dag => "dag",
            RateUnit::Vecka => "vecka",
            RateUnit::Manad => "månad",
            RateUnit::Ar => "år",
        })
    }
}

/// How a target amount bounds the result.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Bound {
    /// At least the amount (the usual case).
    #[default]
    Minst,
    /// Exactly the amount.
    Exakt,
    /// At most the amount.
    Hogst,
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Bound::Minst => "minst",
            Bound::Exakt => "exakt",
            Bound::Hogst => "högst",
        })
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.shape {
            TargetShape::Total { amount } => write!(
                f,
                "{} {} {} under perioden",
                self.bound,
                crate::format::number(*amount),
                self.unit
            )?,
            TargetShape::Rate {
                amount,
                per,
                average,
            } => {
                write!(
                    f,
                    "{} {} {} per {per}",
                    self.bound,
                    crate::format::number(*amount),
                    self.unit
                )?;
                if *average {
                    f.write_str(" i snitt")?;
                }
            }
            TargetShape::Weekdays { amount, days } => {
                let names: Vec<String> = days.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "{} {} {} varje {}",
                    self.bound,
                    crate::format::number(*amount),
                    self.unit,
                    crate::format::list(&names)
                )?;
            }
            TargetShape::Coverage { times, per } => {
                write!(f, "alla {}", self.unit)?;
                if (*times - 1.0).abs() > f64::EPSILON || per.is_some() {
                    let times = crate::format::number(*times);
                    let word = if times == "1" { "gång" } else { "gånger" };
                    write!(f, ", {} {times} {word}", self.bound)?;
                    if let Some(per) = per {
                        write!(f, " per {per}")?;
                    }
                }
            }
            TargetShape::Milestone { by: Some(by) } => write!(f, "klart senast {by}")?,
            TargetShape::Milestone { by: None } => f.write_str("klart under perioden")?,
        }
        if let Some(condition) = &self.condition {
            write!(f, " ({condition})")?;
        }
        Ok(())
    }
}

/// An outcome indicator (effektuppföljning), e.g. reported crimes per year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable id (`I1`).
    pub id: IndicatorId,
    /// What is measured.
    pub name: String,
    /// Unit of the values ("anmälda brott", "procent").
    pub unit: String,
    /// Problem areas it speaks to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problem_areas: Vec<u32>,
    /// What the parties want the indicator to do, if they said. Without
    /// it the change is told but not judged: more reported drug crimes can
    /// be more police work as well as more crime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<IndicatorGoal>,
    /// Measured values, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<IndicatorValue>,
}

/// The goal of an indicator: a direction, or a level to reach.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum IndicatorGoal {
    /// *Ska minska*: lower is better.
    Minska,
    /// *Ska öka*: higher is better.
    Oka,
    /// A level to reach ("högst 150 anmälningar", "90 % ska känna sig
    /// trygga"): moving closer to it is the right way.
    Niva {
        /// The level, in the indicator's unit.
        #[serde(serialize_with = "crate::model::plain_number")]
        value: f64,
    },
}

impl IndicatorGoal {
    /// The goal in words, with the indicator's unit for a level: "ska
    /// minska", "ska öka", "mål 150 anmälningar", "mål 90 %".
    pub fn words(self, unit: &str) -> String {
        match self {
            IndicatorGoal::Minska => "ska minska".to_owned(),
            IndicatorGoal::Oka => "ska öka".to_owned(),
            IndicatorGoal::Niva { value } => format!("mål {}", amount_in_unit(value, unit)),
        }
    }
}

/// Whether an indicator's unit is a percentage ("procent", "%",
/// "andel i procent"), so its values read "96 %" and its changes are in
/// procentenheter.
pub fn is_percent_unit(unit: &str) -> bool {
    let unit = unit.trim().to_lowercase();
    unit == "%" || unit.contains("procent")
}

/// An indicator's number in its unit: "212 anmälningar", "96 %" (with a
/// no-break space, for any unit that is a percentage).
pub fn amount_in_unit(value: f64, unit: &str) -> String {
    if is_percent_unit(unit) {
        format!("{}\u{a0}%", crate::format::number(value))
    } else if unit.trim().is_empty() {
        crate::format::number(value)
    } else {
        format!("{} {}", crate::format::number(value), unit.trim())
    }
}

/// One measured value of an indicator: a number, or an observation in
/// words ("har minskat enligt polisens lägesbild"), or both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorValue {
    /// The day the value describes, or a week, month or year ("2019-03"):
    /// it is known from its last day and shown as written.
    pub date: Span,
    /// The value; `None` for an observation without a number (then `text`
    /// says what was observed).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::plain_number_opt"
    )]
    pub value: Option<f64>,
    /// How exact the value is: "cirka 96 %" is `Cirka`, never shown as "96 %".
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub qualifier: Qualifier,
    /// The value in words, as the source says it; with no number, the
    /// observation itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A change to the pledge during its period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// When the change was decided: a day, or a month ("2019-03") when
    /// that is all the source says, taken to apply from its first day.
    pub date: Span,
    /// The commitment concerned.
    pub commitment: CommitmentId,
    /// What changed.
    pub change: RevisionChange,
    /// Why.
    pub reason: String,
}

/// The kinds of revision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RevisionChange {
    /// The commitment was added during the period.
    Tillagt,
    /// The wording changed; the earlier text is kept here.
    Omformulerat {
        /// The text before the change.
        previous_text: String,
    },
    /// The commitment was dropped (utgår).
    Utgar,
    /// The target changed from this date ("rondering en gång i månaden"
    /// becomes "varje vecka"); the commitment's `target` is the new one and
    /// the one valid before is kept here, so the history stays and expected
    /// amounts are the sum over the periods each target applied.
    MalAndrat {
        /// The target before the change (`None`: there was none).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        previous: Option<Target>,
    },
}

impl RevisionChange {
    /// The change in a word, as the minutes and the app say it.
    pub fn word(&self) -> &'static str {
        match self {
            RevisionChange::Tillagt => "tillagt",
            RevisionChange::Omformulerat { .. } => "omformulerat",
            RevisionChange::Utgar => "utgår",
            RevisionChange::MalAndrat { .. } => "målet ändrat",
        }
    }
}

impl Pledge {
    /// The party with `id`, if any.
    pub fn party(&self, id: &PartyId) -> Option<&Party> {
        self.parties.iter().find(|p| &p.id == id)
    }

    /// The commitment with `id`, if any.
    pub fn commitment(&self, id: &CommitmentId) -> Option<&Commitment> {
        self.commitments.iter().find(|c| &c.id == id)
    }

    /// The date a revision added a commitment during the period, if one did.
    pub fn added_on(&self, id: &CommitmentId) -> Option<Date> {
        self.revisions
            .iter()
            .find(|r| &r.commitment == id && r.change == RevisionChange::Tillagt)
            .map(|r| r.date.first())
    }

    /// The commitment's wording valid at `as_of`: its text, or the text a
    /// later rewording replaced (the earliest rewording after `as_of` keeps
    /// the wording that was valid then).
    pub fn wording_at<'a>(&'a self, commitment: &'a Commitment, as_of: Date) -> &'a str {
        self.revisions
            .iter()
            .filter(|r| r.commitment == commitment.id && r.date.first() > as_of)
            .filter_map(|r| match &r.change {
                RevisionChange::Omformulerat { previous_text } => {
                    Some((r.date.first(), previous_text))
                }
                _ => None,
            })
            .min_by_key(|(date, _)| *date)
            .map_or(commitment.text.as_str(), |(_, text)| text.as_str())
    }

    /// The targets of a commitment over time as known at `as_of`: the
    /// target changes decided by then, oldest first, as (first day, target
    /// valid from that day); the first has no date (it applies from the
    /// window's start). A change decided after `as_of` is not known yet, so
    /// the target valid at `as_of` is taken to apply to the end.
    pub fn targets_at<'a>(
        &'a self,
        commitment: &'a Commitment,
        as_of: Date,
    ) -> Vec<(Option<Date>, Option<&'a Target>)> {
        let mut changes: Vec<(Date, Option<&Target>)> = self
            .revisions
            .iter()
            .filter(|r| r.commitment == commitment.id)
            .filter_map(|r| match &r.change {
                RevisionChange::MalAndrat { previous } => Some((r.date.first(), previous.as_ref())),
                _ => None,
            })
            .collect();
        changes.sort_by_key(|(date, _)| *date);
        // Each change keeps the target before it: the first one's is the
        // original; the target after the last is the commitment's own.
        let mut out = Vec::with_capacity(changes.len() + 1);
        let mut valid_from = None;
        for (date, before) in &changes {
            out.push((valid_from, *before));
            if *date > as_of {
                return out;
            }
            valid_from = Some(*date);
        }
        out.push((valid_from, commitment.target.as_ref()));
        out
    }

    /// The target valid at `as_of`: the commitment's own, or the one a
    /// later target change replaced.
    pub fn target_at<'a>(&'a self, commitment: &'a Commitment, as_of: Date) -> Option<&'a Target> {
        self.targets_at(commitment, as_of)
            .last()
            .and_then(|(_, target)| *target)
    }

    /// The date a commitment was dropped, if a revision up to `as_of` dropped it.
    pub fn dropped_on(&self, id: &CommitmentId, as_of: Date) -> Option<Date> {
        self.dropping_revision(id, as_of).map(|r| r.date.first())
    }

    /// The revision up to `as_of` that dropped a commitment (with its date
    /// and reason), unless a later one added it back.
    pub fn dropping_revision(&self, id: &CommitmentId, as_of: Date) -> Option<&Revision> {
        self.revisions
            .iter()
            .filter(|r| &r.commitment == id && r.date.first() <= as_of)
            .fold(None, |state, r| match r.change {
                RevisionChange::Utgar => Some(r),
                RevisionChange::Tillagt => None,
                RevisionChange::Omformulerat { .. } | RevisionChange::MalAndrat { .. } => state,
            })
    }
}

/// A heading and the commitments under it, as the pledge presents them.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentGroup<'a> {
    /// "Gemensamma åtaganden" or a party's name.
    pub title: String,
    /// The commitments, in pledge order.
    pub commitments: Vec<&'a Commitment>,
}

impl Pledge {
    /// Commitments grouped as pledges present them: joint ones (more than
    /// one owner) first, then one group per party in party order. Works for
    /// any number of parties; empty groups are left out.
    pub fn groups(&self) -> Vec<CommitmentGroup<'_>> {
        let mut groups = vec![CommitmentGroup {
            title: "Gemensamma åtaganden".to_owned(),
            commitments: self
                .commitments
                .iter()
                .filter(|c| c.owners.len() > 1)
                .collect(),
        }];
        for party in &self.parties {
            groups.push(CommitmentGroup {
                title: party.name.clone(),
                commitments: self
                    .commitments
                    .iter()
                    .filter(|c| c.owners.len() == 1 && c.owners.first() == Some(&party.id))
                    .collect(),
            });
        }
        let grouped: usize = groups.iter().map(|g| g.commitments.len()).sum();
        if grouped < self.commitments.len() {
            groups.push(CommitmentGroup {
                title: "Utan känd ägare".to_owned(),
                commitments: self
                    .commitments
                    .iter()
                    .filter(|c| {
                        c.owners.len() <= 1
                            && c.owners.first().is_none_or(|o| self.party(o).is_none())
                    })
                    .collect(),
            });
        }
        groups.retain(|g| !g.commitments.is_empty());
        groups
    }
}
