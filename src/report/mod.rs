//! The public progress report (lägesrapport): what the parties tell citizens
//! about the pledge, from the same files as the dashboard and the minutes.
//!
//! Safety comes from the shape of the code, not from care in the renderers:
//! [`select`] copies the few public facts into a [`Report`], and the PDF
//! ([`pdf`]) and HTML ([`html`]) views only ever see that [`Report`]. Nothing
//! internal — discussion, decisions, names, action items, activity notes,
//! anything from meetings that are not justerat — has a field to travel in.
//! Before anything is written, the personal-data guard checks every text of
//! the report.

pub mod html;
pub mod pdf;

use crate::format;
use crate::model::meeting::{Assessment, Meeting, MeetingState, assessment_history};
use crate::model::validate::entry_is_usable;
use crate::model::{
    ActivityFile, CommitmentId, Date, IndicatorId, MeasuredStatus, Pledge, RevisionChange, roles,
};
use crate::privacy::{Guarded, Step, individual_case_hint};
use crate::status::places::PlaceCounts;
use crate::status::{self, CommitmentStatus, words};

/// The public report: only what may be published, already in words.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Report {
    /// The pledge's title.
    pub title: String,
    /// The names the report is headed with: the parties that signed (every
    /// party while none has), in pledge order.
    pub parties: Vec<String>,
    /// The parties that signed the pledge, in pledge order.
    pub signed_by: Vec<String>,
    /// When the pledge was signed, if known.
    pub signed_on: Option<crate::model::Span>,
    /// Parties that carry out work without having signed.
    pub also_by: Vec<String>,
    /// The party that leads communication (the convener in Karlstad), when the pledge names one.
    pub communication_lead: Option<String>,
    /// First and last day of the pledge.
    pub period: (Date, Date),
    /// The date the report describes ("Läget per …").
    pub as_of: Date,
    /// The problem areas, in pledge order.
    pub areas: Vec<Area>,
    /// Commitments per measured status, in [`MeasuredStatus::ALL`] order.
    pub measured_counts: [(MeasuredStatus, usize); MeasuredStatus::COUNT],
    /// Commitments per latest justerat assessment (those with none last).
    pub assessment_counts: Vec<(Option<Assessment>, usize)>,
    /// The commitments grouped by who made them, in pledge order.
    pub groups: Vec<Group>,
    /// The next follow-up meeting, as set by the latest justerat meeting.
    pub next_meeting: Option<Date>,
    /// How citizens get in touch (the pledge's contact field).
    pub contact: Option<String>,
    /// The effect indicators at `as_of` ("Har problemen minskat?"), in
    /// pledge order; apart from the commitments and never counted with them.
    pub effects: Vec<PublicIndicator>,
}

/// The heading of the report's section on the effect indicators.
pub const EFFECTS_HEADING: &str = "Har problemen minskat?";

/// What that section is, said before the indicators.
pub const EFFECTS_INTRO: &str = "Effektmåtten visar om problemen har förändrats, inte vad parterna har gjort; \
     de räknas inte ihop med åtagandena. Ett effektmått kan påverkas av mycket annat än löftets arbete.";

/// One effect indicator as citizens see it, already in words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PublicIndicator {
    /// Its id ("I1").
    pub id: IndicatorId,
    /// What is measured.
    pub name: String,
    /// The problem areas it speaks to, as "1. Våld i offentlig miljö".
    pub areas: Vec<String>,
    /// The latest value with its date: "ca 96 % (2017-05-31)".
    pub latest: String,
    /// The change since the first value with a number.
    pub change: String,
    /// The goal and whether it moves toward it: "ska minska: ● går åt rätt håll".
    pub verdict: String,
    /// Every value known at the as-of date, oldest first.
    pub values: Vec<PublicIndicatorValue>,
}

/// One value of an indicator in words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PublicIndicatorValue {
    /// The date it describes.
    pub date: crate::model::Span,
    /// The value in words: "212 anmälningar", "har minskat enligt polisens lägesbild".
    pub value: String,
    /// Where it comes from.
    pub source: Option<String>,
}

/// A problem area.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Area {
    /// Its number in the pledge.
    pub number: u32,
    /// Its title.
    pub title: String,
    /// Whether it is the pledge's focus.
    pub focus: bool,
}

/// Commitments with the same owners ("Gemensamma åtaganden").
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Group {
    /// The group heading.
    pub heading: String,
    /// The commitments, in pledge order.
    pub commitments: Vec<PublicCommitment>,
}

/// One commitment as citizens see it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PublicCommitment {
    /// Its id ("G1").
    pub id: CommitmentId,
    /// What was promised, verbatim.
    pub text: String,
    /// Who promised it.
    pub owners: Vec<String>,
    /// The party that leads the work, if one was named.
    pub lead: Option<String>,
    /// Others who carry out the work without having signed.
    pub other_actors: Vec<String>,
    /// The problem areas it addresses, as "1. Våld i offentlig miljö".
    pub areas: Vec<String>,
    /// What has been done, in words ("14 av 24 tillsyner (58 %) i 9 rapporter").
    pub done: String,
    /// Where, with the number of reports per place, most first.
    pub places: Vec<(String, usize)>,
    /// Reported ÷ target and expected ÷ target, when there is a count target.
    pub progress: Option<Progress>,
    /// The measured status.
    pub measured: MeasuredStatus,
    /// What was expected by the date, in words, for count targets.
    pub expected: Option<String>,
    /// The latest assessment by a justerat meeting.
    pub assessment: Option<PublicAssessment>,
    /// When and why the commitment was dropped by a revision of the pledge.
    pub dropped: Option<(crate::model::Span, String)>,
    /// Changes of the promised wording or target, oldest first: the report
    /// shows the current text, and citizens should see that it is not the
    /// original.
    pub reworded: Vec<Rewording>,
    /// What was done instead of the promise, when it could not be kept
    /// ("I stället: …"); not in the figures.
    pub instead: Vec<String>,
    /// Each part's status, for a commitment followed up in parts.
    pub parts: Vec<String>,
}

/// A change of a commitment's wording or target, decided by the parties.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Rewording {
    /// When it was decided, as precisely as the pledge says.
    pub date: crate::model::Span,
    /// Why.
    pub reason: String,
    /// Whether the target changed (else the wording).
    pub target: bool,
    /// The wording, or the target in words, before the change.
    pub previous_text: String,
}

impl Rewording {
    /// The label of the change: "Ändrad lydelse" or "Ändrat mål".
    pub fn label(&self) -> &'static str {
        if self.target {
            "Ändrat mål"
        } else {
            "Ändrad lydelse"
        }
    }

    /// "2017-01-15: Beslut i styrgruppen. Tidigare lydelse: ”…”", the date
    /// with the precision the pledge gives (one wording with the minutes:
    /// [`words::decision`]).
    pub fn words(&self) -> String {
        let what = if self.target {
            "Tidigare mål"
        } else {
            "Tidigare lydelse"
        };
        words::decision(
            self.date,
            &self.reason,
            Some((what, format!("”{}”", self.previous_text))),
        )
    }
}

/// Progress against a count target, as shares of the whole target.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Progress {
    /// Reported ÷ target.
    pub reported: f64,
    /// Expected by the date ÷ target.
    pub expected: Option<f64>,
}

impl PublicCommitment {
    /// "▼ efter plan (förväntat 6 (50 %))": the status against the plan.
    pub fn against_plan(&self) -> String {
        let measured = measured_words(self.measured);
        match &self.expected {
            Some(expected) => format!("{measured} ({expected})"),
            None => measured,
        }
    }
}

impl Progress {
    /// "58 %".
    pub fn percent(&self) -> String {
        format::percent(self.reported * 100.0)
    }
}

/// A justerat meeting's assessment, with its reason when the commitment is
/// behind, not done or dropped.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PublicAssessment {
    /// The meeting's date.
    pub date: Date,
    /// The assessment.
    pub assessment: Assessment,
    /// The reason as recorded, for försenad / ej genomförd / utgår.
    pub reason: Option<String>,
}

/// Why the report was not written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A personnummer or samordningsnummer in a text of the report.
    #[error(
        "lägesrapporten skrivs inte: {field} innehåller ett {kind}; ta bort det ur filerna och försök igen"
    )]
    PersonalData {
        /// Which text ("skälet för G4", "en plats för K2").
        field: String,
        /// Which kind of number.
        kind: String,
    },
    /// The PDF could not be made.
    #[error(transparent)]
    Pdf(#[from] crate::minutes::pdf::PdfError),
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// A4 PDF, the minutes' typography.
    #[default]
    Pdf,
    /// One self-contained, accessible HTML file for a website.
    Html,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }

    /// The format a file name asks for, by its extension.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(Format::Pdf),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// The default file name: "lagesrapport-2017-03-31.pdf".
pub fn file_name(as_of: Date, format: Format) -> String {
    format!("lagesrapport-{as_of}.{}", format.extension())
}

/// Whether an assessment is one where citizens deserve the reason.
fn explains(assessment: Assessment) -> bool {
    matches!(
        assessment,
        Assessment::Forsenad
            | Assessment::EjGenomford
            | Assessment::UtgarAndras
            | Assessment::DelvisGenomford
            | Assessment::VillkoretUppfylldesInte
    )
}

/// The latest assessment of a commitment by a *justerat* meeting held on or
/// before `as_of` (*ej behandlad* does not replace an earlier one).
fn public_assessment(
    meetings: &[Meeting],
    id: &CommitmentId,
    as_of: Date,
) -> Option<PublicAssessment> {
    let latest = assessment_history(meetings, id).into_iter().rfind(|r| {
        r.state == MeetingState::Justerat
            && r.date <= as_of
            && r.assessment != Assessment::EjBehandlad
    })?;
    let reason = latest
        .reason
        .filter(|_| explains(latest.assessment))
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(ToOwned::to_owned);
    Some(PublicAssessment {
        date: latest.date,
        assessment: latest.assessment,
        reason,
    })
}

/// Reports per place for every commitment (usable entries up to `as_of`),
/// most first. Only places and counts leave here, never notes.
fn places(pledge: &Pledge, files: &[ActivityFile], as_of: Date) -> Vec<Vec<(String, usize)>> {
    let mut counts: Vec<PlaceCounts> = std::iter::repeat_with(PlaceCounts::default)
        .take(pledge.commitments.len())
        .collect();
    for entry in files
        .iter()
        .flat_map(|f| &f.entries)
        // Counted as the figures are: from an entry's last day (rule 2).
        .filter(|e| e.last_day() <= as_of && entry_is_usable(pledge, e))
    {
        let Some(place) = entry
            .place
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        else {
            continue;
        };
        for id in &entry.commitments {
            if let Some(slot) = pledge
                .commitments
                .iter()
                .position(|c| &c.id == id)
                .and_then(|i| counts.get_mut(i))
            {
                slot.add(place);
            }
        }
    }
    counts.into_iter().map(PlaceCounts::sorted).collect()
}

/// "14 av 24 tillsyner (58 %) i 9 rapporter"; "inget rapporterat ännu".
fn done_words(s: &CommitmentStatus) -> String {
    if s.reports == 0 {
        return "Inget rapporterat ännu.".to_owned();
    }
    let mut text = words::reported_of_target(s);
    if let Some(p) = s.percent_of_target() {
        text = format!("{text} ({})", format::percent(p));
    }
    if s.unit.is_some() {
        text = format!("{text} i {}", words::reports_count(s.reports));
    }
    // Several units (hours and persons) are all told, not only the main one.
    let others: Vec<String> = s
        .by_unit
        .iter()
        .filter(|u| {
            s.unit
                .as_deref()
                .is_none_or(|m| !status::same_unit(m, &u.unit))
        })
        .map(|u| {
            format!(
                "{}{} {}",
                u.qualifier.prefix(),
                format::number(u.amount),
                u.unit
            )
        })
        .collect();
    if !others.is_empty() {
        text = format!("{text}; dessutom {}", others.join(", "));
    }
    format!("{text}.")
}

fn party_name(pledge: &Pledge, id: &crate::model::PartyId) -> String {
    pledge
        .party(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// One commitment's public facts.
fn public_commitment(
    pledge: &Pledge,
    meetings: &[Meeting],
    c: &crate::model::Commitment,
    s: &CommitmentStatus,
    places: Vec<(String, usize)>,
    as_of: Date,
) -> PublicCommitment {
    let assessment = public_assessment(meetings, &c.id, as_of);
    // The same revision the status engine counts as dropping it.
    let dropped = pledge
        .dropping_revision(&c.id, as_of)
        .map(|r| (r.date, r.reason.clone()));
    let reworded = pledge
        .revisions
        .iter()
        // Only rewordings decided by the as-of date: a later one is not
        // known then, and the text shown is the one valid at that date.
        .filter(|r| r.commitment == c.id && r.date.first() <= as_of)
        .filter_map(|r| match &r.change {
            RevisionChange::Omformulerat { previous_text } => Some(Rewording {
                date: r.date,
                reason: r.reason.clone(),
                target: false,
                previous_text: previous_text.clone(),
            }),
            RevisionChange::MalAndrat { previous } => Some(Rewording {
                date: r.date,
                reason: r.reason.clone(),
                target: true,
                previous_text: previous
                    .as_ref()
                    .map_or_else(|| "inget mål".to_owned(), ToString::to_string),
            }),
            _ => None,
        })
        .collect();
    let progress = match (s.full_target, s.unit.is_some()) {
        (Some(full), true) if full > 0.0 => Some(Progress {
            reported: s.reported / full,
            expected: s.expected.map(|e| e / full),
        }),
        _ => None,
    };
    PublicCommitment {
        id: c.id.clone(),
        text: pledge.wording_at(c, as_of).to_owned(),
        owners: c.owners.iter().map(|o| party_name(pledge, o)).collect(),
        lead: roles::lead_name(pledge, c),
        other_actors: roles::other_actors(c),
        areas: c
            .problem_areas
            .iter()
            .map(|n| {
                pledge
                    .problem_areas
                    .iter()
                    .find(|a| a.number == *n)
                    .map_or_else(|| n.to_string(), |a| format!("{n}. {}", a.title))
            })
            .collect(),
        done: done_words(s),
        places,
        progress,
        measured: s.measured,
        expected: words::expected_by_date(s),
        assessment,
        dropped,
        reworded,
        instead: s.instead.iter().map(words::instead).collect(),
        parts: s.parts.iter().map(words::part).collect(),
    }
}

/// "1. Våld i offentlig miljö" for a problem-area number.
fn area_words(pledge: &Pledge, n: u32) -> String {
    pledge
        .problem_areas
        .iter()
        .find(|a| a.number == n)
        .map_or_else(|| n.to_string(), |a| format!("{n}. {}", a.title))
}

/// The effect indicators at `as_of`, in words: only what the pledge file
/// publishes about them (name, values, sources), nothing from meetings.
fn effects(pledge: &Pledge, as_of: Date) -> Vec<PublicIndicator> {
    pledge
        .indicators
        .iter()
        .map(|indicator| {
            let s = status::indicators::compute_one(indicator, as_of);
            PublicIndicator {
                id: s.id.clone(),
                name: s.name.clone(),
                areas: indicator
                    .problem_areas
                    .iter()
                    .map(|n| area_words(pledge, *n))
                    .collect(),
                latest: s.latest_words(),
                change: s.change_words(),
                verdict: s.verdict_words(),
                values: s
                    .values
                    .iter()
                    .map(|v| PublicIndicatorValue {
                        date: v.date,
                        value: status::indicators::value_words(v, &s.unit),
                        source: v
                            .source
                            .as_deref()
                            .map(str::trim)
                            .filter(|t| !t.is_empty())
                            .map(ToOwned::to_owned),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The explicit selection: every public fact of the report is copied here,
/// and nothing else. Uses only justerat meetings and usable activity entries
/// dated on or before `as_of`.
pub fn select(
    pledge: &Pledge,
    files: &[ActivityFile],
    meetings: &[Meeting],
    as_of: Date,
) -> Report {
    // Citizens are told what justerade minutes say, nothing else.
    let justerade: Vec<Meeting> = meetings
        .iter()
        .filter(|m| m.state == crate::model::meeting::MeetingState::Justerat)
        .cloned()
        .collect();
    let status = status::compute(pledge, files, as_of).with_assessments(pledge, &justerade);
    let places = places(pledge, files, as_of);
    let mut groups: Vec<Group> = Vec::new();
    let mut group_keys: Vec<Vec<crate::model::PartyId>> = Vec::new();
    let mut assessment_counts: Vec<(Option<Assessment>, usize)> = Assessment::ALL
        .iter()
        .filter(|a| **a != Assessment::EjBehandlad)
        .map(|a| (Some(*a), 0))
        .chain(std::iter::once((None, 0)))
        .collect();
    for ((c, s), places) in pledge
        .commitments
        .iter()
        .zip(&status.commitments)
        .zip(places)
    {
        let public = public_commitment(pledge, meetings, c, s, places, as_of);
        let key = public.assessment.as_ref().map(|a| a.assessment);
        if let Some(slot) = assessment_counts.iter_mut().find(|(a, _)| *a == key) {
            slot.1 += 1;
        }
        if let Some(group) = group_keys
            .iter()
            .position(|k| *k == c.owners)
            .and_then(|i| groups.get_mut(i))
        {
            group.commitments.push(public);
        } else {
            let heading = match c.owners.as_slice() {
                [one] => format!("{}s åtaganden", party_name(pledge, one)),
                _ => "Gemensamma åtaganden".to_owned(),
            };
            group_keys.push(c.owners.clone());
            groups.push(Group {
                heading,
                commitments: vec![public],
            });
        }
    }
    let counts = status.counts();
    let measured_counts = std::array::from_fn(|i| (MeasuredStatus::ALL[i], counts[i]));
    Report {
        title: pledge.title.clone(),
        parties: roles::letterhead(pledge),
        signed_by: roles::signers(pledge)
            .into_iter()
            .map(|p| p.name.clone())
            .collect(),
        signed_on: pledge.period.signed,
        also_by: roles::non_signers(pledge)
            .into_iter()
            .map(|p| p.name.clone())
            .collect(),
        communication_lead: pledge
            .communication_lead
            .as_ref()
            .map(|id| party_name(pledge, id)),
        period: (pledge.period.start, pledge.period.end),
        as_of,
        areas: pledge
            .problem_areas
            .iter()
            .map(|a| Area {
                number: a.number,
                title: a.title.clone(),
                focus: a.focus,
            })
            .collect(),
        measured_counts,
        assessment_counts,
        groups,
        next_meeting: next_meeting(meetings, as_of),
        contact: pledge
            .contact
            .as_ref()
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty()),
        effects: effects(pledge, as_of),
    }
}

/// The next meeting set by the latest justerat meeting held on or before
/// `as_of`, if it lies after `as_of`.
fn next_meeting(meetings: &[Meeting], as_of: Date) -> Option<Date> {
    meetings
        .iter()
        .filter(|m| m.state == MeetingState::Justerat && m.date <= as_of)
        .max_by_key(|m| m.date)
        .and_then(|m| m.next_meeting.as_ref())
        .map(|n| n.date)
        .filter(|d| *d > as_of)
}

impl Report {
    /// Who tells citizens how it goes: "LPO Karlstad leder arbetet med att
    /// berätta om läget."; empty when the pledge does not say.
    pub fn told_by(&self) -> String {
        self.communication_lead
            .as_ref()
            .map(|lead| format!(" {lead} leder arbetet med att berätta om läget."))
            .unwrap_or_default()
    }

    /// The PDF's author: who leads communication, else the parties.
    pub fn author(&self) -> String {
        self.communication_lead
            .clone()
            .unwrap_or_else(|| crate::format::list(&self.parties))
    }

    /// "Undertecknat av A och B (2016-09-15). Genomförs också av C."
    pub fn roles_words(&self) -> String {
        roles::sentences(&self.signed_by, self.signed_on, &self.also_by)
    }

    /// Every text of the report with a Swedish name of where it comes
    /// from: all the strings in it, found by walking the value, so a field
    /// added later is read too.
    fn texts(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        crate::privacy::walk::strings(self, &mut |path, text| {
            out.push((self.field_words(path), text.to_owned()));
        });
        out
    }

    /// "texten för G1", "en plats för K2": a path in the report in words.
    fn field_words(&self, path: &[Step]) -> String {
        let what = |field: &str| match field {
            "title" => "titeln",
            "parties" | "owners" | "signed_by" | "also_by" | "lead" => "en parts namn",
            "other_actors" => "en av dem som också genomför åtagandet",
            "communication_lead" => "den som leder kommunikationen",
            "areas" => "ett problemområde",
            "contact" => "kontaktuppgiften i löftesfilen",
            "heading" => "en rubrik",
            "text" => "texten",
            "places" => "en plats",
            "done" => "det som gjorts",
            "expected" => "det förväntade",
            "reason" => "skälet",
            "dropped" => "skälet till att åtagandet utgår",
            "previous_text" => "tidigare lydelse",
            "name" => "namnet",
            "latest" | "value" => "ett värde",
            "change" => "förändringen",
            "verdict" => "målet",
            "source" => "källan",
            "id" => "id",
            _ => "en text",
        };
        let last_field = path.iter().rev().find_map(|s| match s {
            Step::Field(f) => Some(*f),
            Step::Index(_) => None,
        });
        let reworded = path.contains(&Step::Field("reworded"));
        let words = match (path.first(), last_field.unwrap_or_default()) {
            (_, "reason") if reworded => "skälet till ändrad lydelse",
            (Some(Step::Field("areas")), _) => "ett problemområde",
            (_, field) => what(field),
        };
        match path {
            [
                Step::Field("groups"),
                Step::Index(g),
                Step::Field("commitments"),
                Step::Index(c),
                ..,
            ] => {
                let id = self
                    .groups
                    .get(*g)
                    .and_then(|group| group.commitments.get(*c))
                    .map_or_else(String::new, |commitment| commitment.id.to_string());
                format!("{words} för {id}")
            }
            [Step::Field("effects"), Step::Index(i), ..] => {
                let id = self
                    .effects
                    .get(*i)
                    .map_or_else(String::new, |e| e.id.to_string());
                format!("{words} för effektmåttet {id}")
            }
            _ => words.to_owned(),
        }
    }

    /// Refuses a report that would publish a personnummer or
    /// samordningsnummer, anywhere in it.
    pub fn guard(self) -> Result<Guarded<Report>, ReportError> {
        crate::privacy::guard(self, |report, leak| ReportError::PersonalData {
            field: report.field_words(&leak.path),
            kind: leak.kind.to_string(),
        })
    }

    /// Texts that read like an individual case, as Swedish warnings; the
    /// report is still written, the communication lead decides.
    pub fn case_warnings(&self) -> Vec<String> {
        self.texts()
            .into_iter()
            .filter_map(|(field, text)| {
                individual_case_hint(&text).map(|why| {
                    format!("{field}: {why}; beskriv arbetet samlat innan rapporten publiceras")
                })
            })
            .collect()
    }

    /// All commitments, in pledge order.
    pub fn commitments(&self) -> impl Iterator<Item = &PublicCommitment> {
        self.groups.iter().flat_map(|g| &g.commitments)
    }
}

/// The report in `format` as bytes, after the personal-data guard.
pub fn render(report: &Report, format: Format) -> Result<Vec<u8>, ReportError> {
    render_guarded(&report.clone().guard()?, format)
}

/// A report that has already passed the guard, in `format` as bytes (the
/// app guards first, to show a refusal at once, then writes in the
/// background).
pub fn render_guarded(report: &Guarded<Report>, format: Format) -> Result<Vec<u8>, ReportError> {
    match format {
        Format::Pdf => pdf::render(report),
        Format::Html => Ok(html::render(report).into_bytes()),
    }
}

/// Status words shared by both formats: "▼ efter plan". The report is read
/// by citizens, so the app's short word "kvalitativ" is said plainly here.
pub fn measured_words(status: MeasuredStatus) -> String {
    match status {
        MeasuredStatus::Kvalitativ => format!("{} utan mätbart mål", status.symbol()),
        _ => format!("{} {status}", status.symbol()),
    }
}

/// The label of a row in the assessment counts.
pub fn assessment_label(assessment: Option<Assessment>) -> String {
    assessment.map_or_else(
        || "ännu inte bedömt vid ett justerat möte".to_owned(),
        |a| a.to_string(),
    )
}

/// "Stora torget (12), Kungsgatan (10) och 5 platser till".
pub fn places_words(places: &[(String, usize)]) -> Option<String> {
    const SHOWN: usize = 8;
    if places.is_empty() {
        return None;
    }
    let shown: Vec<String> = places
        .iter()
        .take(SHOWN)
        .map(|(p, n)| format!("{p} ({})", format::number(*n as f64)))
        .collect();
    let rest = places.len().saturating_sub(SHOWN);
    Some(if rest == 0 {
        shown.join(", ")
    } else {
        format!(
            "{} och {} till",
            shown.join(", "),
            format::count(rest, "plats", "platser")
        )
    })
}

#[cfg(test)]
mod tests;
