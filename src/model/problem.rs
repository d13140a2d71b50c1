//! What can be wrong with the files, as typed values with Swedish messages.
//!
//! Validation produces [`Finding`]s that point at a logical place in a
//! document (`entries[3].date`); the store turns them into [`Problem`]s with
//! file, line and column, looking positions up only for files that have
//! findings, so clean data costs nothing extra to load.

use std::fmt;

use super::date::Date;

/// Whether the data can still be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The data cannot be used as written.
    Fel,
    /// It can, with care.
    Varning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Fel => "fel",
            Severity::Varning => "varning",
        })
    }
}

/// One step in a path to a value inside a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathSeg {
    /// A struct field by name.
    Field(&'static str),
    /// An element of a list or tuple.
    Index(usize),
}

/// A path from the document root to a value, e.g. `entries[3].date`.
pub type FieldPath = Vec<PathSeg>;

/// Which loaded document a finding concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocRef {
    /// The pledge file.
    Pledge,
    /// The n-th activity file, in load order.
    Activities(usize),
    /// The n-th meeting file, in load order.
    Meetings(usize),
}

/// A validation result before positions are known.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// The document.
    pub doc: DocRef,
    /// Where in it.
    pub path: FieldPath,
    /// What is wrong.
    pub kind: ProblemKind,
    /// Another place the message refers to (the first of two duplicates).
    pub related: Option<(DocRef, FieldPath)>,
}

/// What a sync copy ([`ProblemKind::SyncCopy`]) holds compared with the
/// file it copies: what the user has to do before removing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyDifference {
    /// Nothing the original lacks: it can be removed.
    Nothing,
    /// Activity entries that are not in the original.
    Entries(usize),
    /// A meeting that differs from the original.
    Differs,
    /// The copy (or the original) cannot be read to compare.
    Unknown,
}

/// Everything the loader and the validator can report.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ProblemKind {
    /// The file or folder could not be read.
    Io(String),
    /// Nothing but white space.
    EmptyFile,
    /// Contains NUL bytes: not a text file.
    BinaryFile,
    /// Not valid UTF-8.
    NotUtf8 {
        /// The first offending byte.
        byte: u8,
    },
    /// Larger than the loader accepts.
    TooLarge {
        /// Size of the file.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// RON syntax or shape error, already in Swedish.
    Syntax(String),
    /// A `version` this build cannot read.
    UnsupportedVersion {
        /// Version in the file.
        found: u32,
        /// Version supported.
        supported: u32,
    },
    /// A folder without `pledge.ron`.
    NoPledgeFile,
    /// An id with characters other than letters, digits, `-` and `_`.
    MalformedId(String),
    /// The same id twice.
    DuplicateId {
        /// What kind of thing ("part", "åtagande").
        what: &'static str,
        /// The id.
        id: String,
    },
    /// A reference to a party that does not exist.
    UnknownParty {
        /// The id as written.
        id: String,
        /// The closest known id, if any is close.
        suggestion: Option<String>,
    },
    /// A reference to a commitment that does not exist.
    UnknownCommitment {
        /// The id as written.
        id: String,
        /// The closest known id, if any is close.
        suggestion: Option<String>,
    },
    /// An entry's `part` that its commitment does not have.
    UnknownPart {
        /// The part as written.
        part: String,
        /// The commitment.
        commitment: String,
        /// Its parts' ids.
        parts: Vec<String>,
    },
    /// A reference to a problem area that does not exist.
    UnknownProblemArea(u32),
    /// A pledge without parties.
    NoParties,
    /// A commitment whose owner list is empty.
    NoOwner(String),
    /// A required text is empty.
    EmptyText(&'static str),
    /// The period ends before it starts.
    PeriodEndsBeforeStart,
    /// A target amount that is not a positive number.
    InvalidTarget(String),
    /// A date outside the pledge period.
    OutsidePeriod {
        /// The date.
        date: Date,
        /// Period start.
        start: Date,
        /// Period end.
        end: Date,
    },
    /// A date after today.
    InFuture {
        /// The date.
        date: Date,
        /// Today.
        today: Date,
    },
    /// A date range whose end is before its start.
    RangeEndsBeforeStart {
        /// Start.
        start: Date,
        /// End.
        end: Date,
    },
    /// A quantity below zero.
    NegativeQuantity(f64),
    /// NaN or infinite.
    NotAFiniteNumber,
    /// An activity unit that differs from the target's.
    UnitMismatch {
        /// Unit in the report.
        unit: String,
        /// Unit of the target.
        expected: String,
        /// The commitment.
        commitment: String,
    },
    /// Same date, party, commitments, quantity and place as an earlier entry.
    LikelyDuplicate,
    /// An activity that names no commitment.
    NoCommitment,
    /// An activity file with no entries.
    NoEntries,
    /// A cumulative report without a number.
    CumulativeWithoutQuantity,
    /// The reporting party does not own the commitment.
    PartyNotOwner {
        /// The party.
        party: String,
        /// The commitment.
        commitment: String,
    },
    /// An assessment that must say why, without a reason.
    ReasonMissing(String),
    /// "villkoret uppfylldes inte" for a commitment whose target has no
    /// condition.
    AssessmentNeedsCondition(String),
    /// An action item due before the meeting that created it.
    DueBeforeMeeting {
        /// The due date.
        due: Date,
        /// The meeting date.
        meeting: Date,
    },
    /// An update of an action item no earlier meeting created.
    UnknownAction {
        /// The id as written.
        id: String,
        /// The closest known id, if any is close.
        suggestion: Option<String>,
    },
    /// A responsible person who is not among the meeting's participants.
    UnknownParticipant(String),
    /// The same commitment twice on one agenda.
    CommitmentTwiceOnAgenda(String),
    /// A copy of a meeting file (`<meeting>-kopia.ron`), kept out of the
    /// follow-up.
    MeetingCopy {
        /// The meeting file's name without `.ron`.
        original: String,
    },
    /// A file whose name reads as a copy that a sync service (OneDrive,
    /// SharePoint, Dropbox) or Explorer made of another file of its folder
    /// (`kommunen-LAPTOP-7.ron`, `kommunen (1).ron`): kept out of the
    /// follow-up, so its entries are not counted twice.
    SyncCopy {
        /// The file it copies (`kommunen.ron`).
        original: String,
        /// What it holds compared with that file.
        difference: CopyDifference,
    },
    /// A justerat meeting whose content no longer matches the fingerprint
    /// recorded at the justering: the parts that differ, in words ("§ 7,
    /// beslut 1"); empty when none can be named.
    ChangedAfterAdjustment(Vec<String>),
    /// A meeting that was justerat (it has the fingerprint) but is no
    /// longer, without a reopening recorded: the state was edited by hand.
    LeftAdjustment,
    /// A justerat meeting without a fingerprint (justerat by hand or by an
    /// earlier version): a later change could not be seen.
    NotFingerprinted,
    /// A personnummer or samordningsnummer in a text of a file.
    IdentityNumber {
        /// Which kind of number.
        kind: String,
        /// The field, as written in the file (`participants[2].name`).
        field: String,
    },
    /// The amounts reported for a commitment add up to more than a number holds.
    SumOverflow(String),
    /// More commitments than any real pledge has.
    TooManyCommitments {
        /// How many there are.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// A date before the first one spreadsheets can hold.
    BeforeSpreadsheetDates(Date),
    /// A printed file with more text than any real one.
    FileTooMuchText {
        /// Its text, in bytes.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// A text longer than any real one.
    TextTooLong {
        /// The field, as written in the file.
        field: String,
        /// Its length in characters.
        chars: usize,
        /// The limit.
        limit: usize,
    },
    /// A note that seems to describe an individual case.
    IndividualCase(String),
    /// An indicator value with neither a number nor a text: nothing was
    /// measured or observed.
    IndicatorValueEmpty(String),
}

/// Whether an id field holds several ids ("polisen, kommunen", "a och b").
fn several_ids(id: &str) -> bool {
    let id = id.trim();
    id.contains(',') || id.contains(" och ") || id.contains(" & ") || id.contains('/')
}

/// "okänd part …", or that several parties stand where one belongs.
fn unknown_party(f: &mut fmt::Formatter<'_>, id: &str, suggestion: Option<&str>) -> fmt::Result {
    if several_ids(id) {
        return write!(
            f,
            "\"{id}\" är flera parter i ett fält där bara en part får stå; skriv en aktivitet per part{}",
            suggestion.map_or_else(String::new, |s| format!(" (menade du \"{s}\"?)"))
        );
    }
    write!(f, "okänd part \"{id}\"")?;
    suggestion_suffix(f, suggestion)
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemKind as K;
        match self {
            K::Io(err) => write!(f, "kunde inte läsas: {err}"),
            K::EmptyFile => f.write_str("filen är tom"),
            K::BinaryFile => f.write_str("filen är en binärfil, inte en textfil i RON-format"),
            K::NotUtf8 { byte } => write!(
                f,
                "filen är inte UTF-8-kodad (ogiltig byte 0x{byte:02X}); spara den som UTF-8"
            ),
            K::TooLarge { bytes, limit } => write!(
                f,
                "filen är för stor ({} MB; högst {} MB läses)",
                bytes / 1_000_000,
                limit / 1_000_000
            ),
            K::Syntax(message) => f.write_str(message),
            K::UnsupportedVersion { found, supported } => write!(
                f,
                "filformatets version {found} stöds inte; den här versionen av programmet läser version {supported}"
            ),
            K::NoPledgeFile => f.write_str("mappen saknar pledge.ron (själva medborgarlöftet)"),
            K::MalformedId(id) => write!(
                f,
                "ogiltigt id \"{id}\"; använd bara bokstäverna a–z, siffror, - och _"
            ),
            K::DuplicateId { what, id } => {
                write!(f, "{what} \"{id}\" finns redan; id måste vara unika")
            }
            K::UnknownParty { id, suggestion } => unknown_party(f, id, suggestion.as_deref()),
            K::UnknownCommitment { id, suggestion } => write!(f, "okänt åtagande \"{id}\"")
                .and_then(|()| suggestion_suffix(f, suggestion.as_deref())),
            K::UnknownPart {
                part,
                commitment,
                parts,
            } => unknown_part(f, part, commitment, parts),
            K::UnknownProblemArea(n) => write!(f, "problemområde {n} finns inte i löftet"),
            K::NoParties => f.write_str("löftet har inga parter"),
            K::NoOwner(id) => write!(
                f,
                "åtagande \"{id}\" har ingen ägare; ange minst en part i owners"
            ),
            K::EmptyText(what) => write!(f, "{what} saknas (texten är tom)"),
            K::PeriodEndsBeforeStart => f.write_str("perioden slutar innan den börjar"),
            K::InvalidTarget(why) => write!(f, "ogiltigt mål: {why}"),
            K::OutsidePeriod { date, start, end } => write!(
                f,
                "datumet {date} ligger utanför löftets period {start} – {end}"
            ),
            K::InFuture { date, today } => write!(
                f,
                "datumet {date} ligger i framtiden (i dag är det {today})"
            ),
            K::RangeEndsBeforeStart { start, end } => write!(
                f,
                "perioden slutar ({end}) innan den börjar ({start}); byt plats på datumen"
            ),
            K::NegativeQuantity(amount) => write!(
                f,
                "negativt antal ({}); antal kan inte vara mindre än 0",
                crate::format::number(*amount)
            ),
            K::NotAFiniteNumber => f.write_str("antalet är inget tal"),
            K::UnitMismatch {
                unit,
                expected,
                commitment,
            } => write!(
                f,
                "enheten \"{unit}\" stämmer inte med målet för {commitment} (\"{expected}\"); rapporten räknas inte mot målet"
            ),
            K::NoCommitment => f.write_str("aktiviteten anger inget åtagande"),
            K::NoEntries => f.write_str("filen innehåller inga aktiviteter"),
            K::PartyNotOwner { party, commitment } => write!(
                f,
                "part \"{party}\" står inte som ägare av åtagande {commitment}"
            ),
            K::IdentityNumber { .. }
            | K::LikelyDuplicate
            | K::CumulativeWithoutQuantity
            | K::TextTooLong { .. }
            | K::SumOverflow(_)
            | K::FileTooMuchText { .. }
            | K::BeforeSpreadsheetDates(_)
            | K::TooManyCommitments { .. }
            | K::IndividualCase(_)
            | K::IndicatorValueEmpty(_) => self.fmt_text(f),
            K::ReasonMissing(_)
            | K::AssessmentNeedsCondition(_)
            | K::DueBeforeMeeting { .. }
            | K::UnknownAction { .. }
            | K::UnknownParticipant(_)
            | K::CommitmentTwiceOnAgenda(_)
            | K::MeetingCopy { .. }
            | K::SyncCopy { .. }
            | K::ChangedAfterAdjustment(_)
            | K::LeftAdjustment
            | K::NotFingerprinted => self.fmt_meeting(f),
        }
    }
}

/// "mötet har ändrats efter justeringen (§ 7, beslut 1; åtgärd A4)": at
/// most four parts by name, as a long list hides the point. Semicolons
/// between them, as the names hold commas.
fn changed_after_adjustment(f: &mut fmt::Formatter<'_>, parts: &[String]) -> fmt::Result {
    const NAMED: usize = 4;
    f.write_str("mötet har ändrats efter justeringen")?;
    if !parts.is_empty() {
        let named = parts[..parts.len().min(NAMED)].join("; ");
        match parts.len().checked_sub(NAMED) {
            Some(more) if more > 0 => write!(
                f,
                " ({named} och {})",
                crate::format::count(more, "del till", "delar till")
            )?,
            _ => write!(f, " ({named})")?,
        }
    }
    f.write_str(
        "; det som justerades stämmer inte längre med filen. Återställ den justerade versionen, eller öppna mötet igen i appen med ett skäl och justera det på nytt",
    )
}

/// "möjlig konfliktkopia av kommunen.ron …" with what to do about it.
fn sync_copy(
    f: &mut fmt::Formatter<'_>,
    original: &str,
    difference: CopyDifference,
) -> fmt::Result {
    write!(
        f,
        "möjlig konfliktkopia av {original} (en kopia som OneDrive, SharePoint, Dropbox eller Utforskaren gör av samma fil); den räknas inte i uppföljningen. "
    )?;
    match difference {
        CopyDifference::Nothing => write!(
            f,
            "Den innehåller inget som saknas i {original} och kan tas bort"
        ),
        CopyDifference::Entries(1) => write!(
            f,
            "1 aktivitet finns bara i kopian: för över den till {original} och ta sedan bort kopian"
        ),
        CopyDifference::Entries(n) => write!(
            f,
            "{n} aktiviteter finns bara i kopian: för över dem till {original} och ta sedan bort kopian"
        ),
        CopyDifference::Differs => write!(
            f,
            "Den skiljer sig från {original}: öppna den under Möten, för över det som ska gälla och ta sedan bort kopian"
        ),
        CopyDifference::Unknown => write!(
            f,
            "Jämför den med {original}, för över det som ska gälla och ta sedan bort kopian"
        ),
    }
}

/// "åtagande P4 har ingen del \"kontoret\"; delarna är resurs och kontor".
fn unknown_part(
    f: &mut fmt::Formatter<'_>,
    part: &str,
    commitment: &str,
    parts: &[String],
) -> fmt::Result {
    if parts.is_empty() {
        write!(
            f,
            "åtagande {commitment} följs inte upp i delar, så delen \"{part}\" finns inte; ta bort part"
        )
    } else {
        write!(
            f,
            "åtagande {commitment} har ingen del \"{part}\"; delarna är {}",
            crate::format::list(parts)
        )
    }
}

impl ProblemKind {
    /// The messages about what a text or an amount says.
    fn fmt_text(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemKind as K;
        match self {
            K::LikelyDuplicate => f.write_str(
                "sannolikt dubblett: samma datum, part, åtaganden, antal och plats som en tidigare rapport",
            ),
            K::CumulativeWithoutQuantity => {
                f.write_str("en ackumulerad rapport (cumulative) måste ha ett antal")
            }
            K::IdentityNumber { kind, field } => write!(
                f,
                "fältet \"{field}\" innehåller ett {kind}; skriv aldrig personnummer i filerna — de skrivs ut i protokoll och rapporter"
            ),
            K::SumOverflow(id) => write!(
                f,
                "summan av de rapporterade mängderna för {id} blir för stor för att räknas; rätta mängden här"
            ),
            K::TooManyCommitments { count, limit } => write!(
                f,
                "löftet har {count} åtaganden; högst {limit} får stå i ett löfte (dela upp det i flera löften)"
            ),
            K::BeforeSpreadsheetDates(date) => write!(
                f,
                "datumet {date} ligger före {}, och så tidiga datum kan Excel inte visa rätt; rätta datumet",
                Date::FIRST_SPREADSHEET_DAY
            ),
            K::FileTooMuchText { bytes, limit } => write!(
                f,
                "filen har {} byte text; en fil som skrivs ut i protokoll och rapporter får ha högst {} byte",
                crate::format::number(*bytes as f64),
                crate::format::number(*limit as f64)
            ),
            K::TextTooLong {
                field,
                chars,
                limit,
            } => write!(
                f,
                "fältet \"{field}\" har {} tecken; högst {} tecken får stå i det fältet",
                crate::format::number(*chars as f64),
                crate::format::number(*limit as f64)
            ),
            K::IndividualCase(why) => write!(
                f,
                "{why}; beskriv arbetet samlat (antal, platser), inte enskilda personer eller ärenden"
            ),
            K::IndicatorValueEmpty(id) => write!(
                f,
                "ett värde för indikator {id} har varken tal (value) eller text (text); ange vad som mättes eller iakttogs"
            ),
            _ => Ok(()),
        }
    }

    /// The messages about meeting files.
    fn fmt_meeting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemKind as K;
        match self {
            K::ReasonMissing(assessment) => write!(
                f,
                "bedömningen \"{assessment}\" kräver ett skäl; skriv det i reason"
            ),
            K::AssessmentNeedsCondition(id) => write!(
                f,
                "bedömningen \"villkoret uppfylldes inte\" gäller bara ett mål med villkor, och målet för {id} har inget villkor"
            ),
            K::DueBeforeMeeting { due, meeting } => write!(
                f,
                "åtgärden ska vara klar {due}, före mötet {meeting} där den beslutades"
            ),
            K::UnknownAction { id, suggestion } => {
                write!(
                    f,
                    "okänd åtgärd \"{id}\"; den finns inte i något tidigare möte"
                )?;
                suggestion_suffix(f, suggestion.as_deref())
            }
            K::UnknownParticipant(name) => {
                write!(f, "ansvarig \"{name}\" finns inte bland mötets deltagare")
            }
            K::CommitmentTwiceOnAgenda(id) => {
                write!(f, "åtagande {id} står två gånger på dagordningen")
            }
            K::SyncCopy {
                original,
                difference,
            } => sync_copy(f, original, *difference),
            K::ChangedAfterAdjustment(parts) => changed_after_adjustment(f, parts),
            K::LeftAdjustment => f.write_str(
                "mötet har justerats men är inte längre justerat, och ingen återöppning med skäl är antecknad; sätt tillbaka \"Justerat\" eller öppna mötet igen i appen med ett skäl",
            ),
            K::NotFingerprinted => f.write_str(
                "mötet är justerat men saknar fingeravtryck (justerat med en äldre version eller för hand), så en ändring efter justeringen syns inte; öppna det igen med ett skäl och justera det på nytt för att få ett",
            ),
            K::MeetingCopy { original } => write!(
                f,
                "kopia av mötesfilen {original}.ron, sparad när den filen hade ändrats av någon annan; kopian räknas inte i uppföljningen. Öppna den under Möten, för över det som ska gälla till mötet och ta sedan bort kopian"
            ),
            _ => Ok(()),
        }
    }
}

fn suggestion_suffix(f: &mut fmt::Formatter<'_>, suggestion: Option<&str>) -> fmt::Result {
    match suggestion {
        Some(s) => write!(f, " — menade du \"{s}\"?"),
        None => Ok(()),
    }
}

/// A located problem, ready to show: `fil:rad:kolumn: fel: meddelande`.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The file as the user named it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// What is wrong.
    pub kind: ProblemKind,
    /// Another place the message refers to, as `fil:rad:kolumn`.
    pub related: Option<String>,
}

impl Problem {
    /// The message without location.
    pub fn message(&self) -> String {
        match &self.related {
            Some(place) => format!("{} (se {place})", self.kind),
            None => self.kind.to_string(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file,
            self.line,
            self.col,
            self.severity,
            self.message()
        )
    }
}
