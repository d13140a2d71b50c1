//! Minutes (protokoll) as PDF: [`content`] says what they contain, [`layout`]
//! places it on A4 pages with real font metrics, [`pdf`] writes the pages
//! with printpdf's low-level operations. Before anything is written, the
//! personal-data guard checks every text that goes into the minutes.
//!
//! The invitation (kallelse) to a meeting is printed the same way, from
//! the same blocks, so the two never describe one meeting two ways; and
//! [`html`] makes the web page of the minutes from those blocks too.

pub mod archive;
pub mod content;
pub mod html;
pub mod layout;
pub mod pdf;
pub mod structure;

use crate::model::meeting::{CommitmentSnapshot, Meeting, MeetingState};
use crate::model::{Date, Pledge};
use crate::privacy::{self, Guarded, Leak, path_words};

/// Which document of a meeting is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// The minutes (protokoll): the record of the meeting.
    Minutes,
    /// The invitation (kallelse): prepared ahead from a draft, it says
    /// when and where, who is invited, the agenda, the open action items
    /// and where every commitment stands.
    Invitation,
    /// Justerade minutes as published: no signature lines, the signers by
    /// name and where the signed original is kept.
    Published,
    /// A protokollsutdrag: the header, chosen § and the justering facts,
    /// with "Utdragsbestyrkande" ([`guard_extract`] chooses the §).
    Extract,
}

impl Document {
    /// The default file name, next to the meeting file:
    /// "protokoll-2017-06-15.pdf", "kallelse-2017-06-15.pdf",
    /// "protokoll-2017-06-15-publicering.pdf".
    pub fn file_name(self, date: Date) -> String {
        match self {
            Document::Minutes => format!("protokoll-{date}.pdf"),
            Document::Invitation => format!("kallelse-{date}.pdf"),
            Document::Published => format!("protokoll-{date}-publicering.pdf"),
            Document::Extract => format!("protokollsutdrag-{date}.pdf"),
        }
    }

    /// An extract's file name names its §: "protokollsutdrag-2017-03-16-
    /// paragraf-7_12.pdf" (not "7-12", which reads as § 7 to 12), so
    /// extracts of one meeting never replace each other; after eight §,
    /// "_m.fl", so a long choice still makes a name Windows accepts.
    pub fn extract_file_name(date: Date, paragraphs: &[usize]) -> String {
        const NAMED: usize = 8;
        let mut list: Vec<String> = paragraphs
            .iter()
            .take(NAMED)
            .map(ToString::to_string)
            .collect();
        if paragraphs.len() > NAMED {
            list.push("m.fl".to_owned());
        }
        format!("protokollsutdrag-{date}-paragraf-{}.pdf", list.join("_"))
    }

    /// The default file name of what is written: [`Document::file_name`],
    /// or for an extract [`Document::extract_file_name`] of `paragraphs`;
    /// `.html` instead of `.pdf` for the web page.
    pub fn output_name(self, date: Date, paragraphs: &[usize], web: bool) -> String {
        let pdf = if self == Document::Extract {
            Document::extract_file_name(date, paragraphs)
        } else {
            self.file_name(date)
        };
        if web {
            format!("{}.html", pdf.trim_end_matches(".pdf"))
        } else {
            pdf
        }
    }

    /// [`case_warnings`] for the texts this document prints: the
    /// invitation prints no discussion or decision, so it has none.
    pub fn case_warnings(self, meeting: &Meeting) -> Vec<String> {
        match self {
            Document::Minutes | Document::Published | Document::Extract => case_warnings(meeting),
            Document::Invitation => Vec::new(),
        }
    }
}

impl std::fmt::Display for Document {
    /// The document in the definite form, as messages name it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Document::Minutes => "protokollet",
            Document::Invitation => "kallelsen",
            Document::Published => "protokollet för publicering",
            Document::Extract => "protokollsutdraget",
        })
    }
}

/// Why the minutes (or the invitation) were not written.
#[derive(Debug, thiserror::Error)]
pub enum MinutesError {
    /// A personnummer or samordningsnummer in a text of the document.
    #[error("{document} skrivs inte: {field} innehåller ett {kind}; ta bort det och försök igen")]
    PersonalData {
        /// The document refused.
        document: Document,
        /// The § number (1-based) when the text belongs to one.
        item: Option<usize>,
        /// Where the text comes from ("beslut 2 i § 3", "fältet
        /// \"parties[1].name\" i löftesfilen").
        field: String,
        /// Which kind of number.
        kind: String,
    },
    /// A justerat meeting whose content differs from what was justerat
    /// (its fingerprint): printing it would put the justering on text
    /// nobody signed.
    #[error("{document} skrivs inte: {problem}")]
    ChangedAfterAdjustment {
        /// The document refused.
        document: Document,
        /// The problem as `check` words it.
        problem: crate::model::ProblemKind,
    },
    /// The published copy of minutes that are not justerade.
    #[error(
        "protokollet för publicering skrivs inte: mötet är {0}; bara ett justerat protokoll publiceras utan underskrifter"
    )]
    NotJusterat(MeetingState),
    /// An extract of no §.
    #[error("protokollsutdraget skrivs inte: välj minst en §; {}", paragraphs_held(*.count))]
    NoParagraph {
        /// How many § the meeting has.
        count: usize,
    },
    /// An extract of a § the meeting does not have.
    #[error("protokollsutdraget skrivs inte: § {missing} finns inte; {}", paragraphs_held(*.count))]
    NoSuchParagraph {
        /// The § asked for.
        missing: usize,
        /// How many § the meeting has.
        count: usize,
    },
    /// The PDF could not be made.
    #[error(transparent)]
    Pdf(#[from] pdf::PdfError),
}

/// "mötet har § 1–18", "mötet har bara § 1", "mötet har inga §".
fn paragraphs_held(count: usize) -> String {
    match count {
        0 => "mötet har inga §".to_owned(),
        1 => "mötet har bara § 1".to_owned(),
        n => format!("mötet har § 1–{n}"),
    }
}

/// The minutes of `meeting` as one guarded document: every text they will
/// print (header, §, tables, signatures, PDF title and author) has passed
/// the personal-data guard. `meetings` are all the pledge's meetings (for
/// the actions carried into this one); `live` is every commitment's figures
/// at the meeting date as the reports stand now
/// ([`crate::status::StatusReport::snapshots`]), printed only while the
/// meeting is not concluded: a concluded meeting prints what it kept.
pub fn guard(
    pledge: &Pledge,
    meetings: &[Meeting],
    meeting: &Meeting,
    live: &[CommitmentSnapshot],
) -> Result<Guarded<pdf::Printed>, MinutesError> {
    guard_document(Document::Minutes, pledge, meetings, meeting, live)
}

/// The minutes or the invitation of `meeting` as one guarded document;
/// the arguments as for [`guard`]. Both pass the same guard, so a
/// personnummer typed into a draft stops its kallelse as it would stop
/// its minutes, naming the field.
pub fn guard_document(
    document: Document,
    pledge: &Pledge,
    meetings: &[Meeting],
    meeting: &Meeting,
    live: &[CommitmentSnapshot],
) -> Result<Guarded<pdf::Printed>, MinutesError> {
    let every: Vec<usize> = (1..=meeting.items.len()).collect();
    guard_with(document, &every, pledge, meetings, meeting, live)
}

/// The protokollsutdrag of § `paragraphs` (1-based) of `meeting`, guarded
/// as the minutes are; a § the meeting does not have is an error.
pub fn guard_extract(
    paragraphs: &[usize],
    pledge: &Pledge,
    meetings: &[Meeting],
    meeting: &Meeting,
    live: &[CommitmentSnapshot],
) -> Result<Guarded<pdf::Printed>, MinutesError> {
    let count = meeting.items.len();
    if paragraphs.is_empty() {
        return Err(MinutesError::NoParagraph { count });
    }
    if let Some(&missing) = paragraphs.iter().find(|&&n| n == 0 || n > count) {
        return Err(MinutesError::NoSuchParagraph { missing, count });
    }
    guard_with(
        Document::Extract,
        paragraphs,
        pledge,
        meetings,
        meeting,
        live,
    )
}

/// [`guard_extract`] of `paragraphs` for an extract, else
/// [`guard_document`]: what the CLI and the app print goes through one
/// choice.
pub fn guard_chosen(
    document: Document,
    paragraphs: &[usize],
    pledge: &Pledge,
    meetings: &[Meeting],
    meeting: &Meeting,
    live: &[CommitmentSnapshot],
) -> Result<Guarded<pdf::Printed>, MinutesError> {
    if document == Document::Extract {
        guard_extract(paragraphs, pledge, meetings, meeting, live)
    } else {
        guard_document(document, pledge, meetings, meeting, live)
    }
}

/// [`guard_document`], with the § an extract prints.
fn guard_with(
    document: Document,
    paragraphs: &[usize],
    pledge: &Pledge,
    meetings: &[Meeting],
    meeting: &Meeting,
    live: &[CommitmentSnapshot],
) -> Result<Guarded<pdf::Printed>, MinutesError> {
    if document == Document::Published && meeting.state != MeetingState::Justerat {
        return Err(MinutesError::NotJusterat(meeting.state));
    }
    // The convener when the pledge names one, else the parties that signed.
    let convener = match &pledge.convener {
        Some(id) => pledge
            .party(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone()),
        None => crate::format::list(&crate::model::roles::letterhead(pledge)),
    };
    // A justerat meeting's documents are final and kept; any other's are
    // drafts.
    let justerat = meeting.state == MeetingState::Justerat;
    let (info, blocks) = match document {
        Document::Published => (
            pdf::DocInfo {
                title: format!("Protokoll – {}", meeting.title),
                author: convener.clone(),
                draft: !justerat,
                footer: "Justerat protokoll, publicerat utan underskrifter".into(),
                initials: false,
                mark: fingerprint_mark(meeting),
                archival: justerat,
            },
            content::published_blocks(pledge, meetings, meeting, live, &convener),
        ),
        Document::Minutes => (
            pdf::DocInfo {
                title: format!("Protokoll – {}", meeting.title),
                author: convener,
                draft: !justerat,
                footer: "Justerandes signatur".into(),
                initials: true,
                mark: fingerprint_mark(meeting),
                archival: justerat,
            },
            content::blocks(pledge, meetings, meeting, live),
        ),
        Document::Extract => (
            pdf::DocInfo {
                title: format!("Protokollsutdrag – {}", meeting.title),
                author: convener,
                draft: !justerat,
                footer: format!("Utdrag ur protokollet {}", meeting.date),
                initials: false,
                mark: fingerprint_mark(meeting),
                archival: justerat,
            },
            content::extract_blocks(pledge, meetings, meeting, live, paragraphs),
        ),
        // An invitation is final when sent: no draft mark, nothing to initial.
        Document::Invitation => (
            pdf::DocInfo {
                title: format!("Kallelse – {}", meeting.title),
                author: convener,
                draft: false,
                footer: format!("Kallelse till mötet {}", meeting.date),
                initials: false,
                mark: None,
                archival: false,
            },
            content::invitation_blocks(pledge, meetings, meeting, live),
        ),
    };
    // A personnummer first: its refusal takes the chair to the field.
    let guarded = privacy::guard(pdf::Printed { info, blocks }, |_, leak| {
        source_of(document, pledge, meetings, meeting, leak)
    })?;
    if document != Document::Invitation
        && meeting.state == MeetingState::Justerat
        && let Some(changed) = crate::model::fingerprint::changes(meeting)
    {
        return Err(MinutesError::ChangedAfterAdjustment {
            document,
            problem: crate::model::ProblemKind::ChangedAfterAdjustment(
                changed.into_iter().map(|c| c.name).collect(),
            ),
        });
    }
    Ok(guarded)
}

/// "Fingeravtryck 3f2a 9c1e" for justerade minutes' footer, so a printed
/// or published copy can be matched to the file. A justerat meeting
/// without one (an older file, or one whose
/// fingerprint was removed) says so, so the copy cannot pass for checked.
fn fingerprint_mark(meeting: &Meeting) -> Option<String> {
    (meeting.state == MeetingState::Justerat).then(|| {
        meeting.fingerprint.as_ref().map_or_else(
            || "Utan fingeravtryck".to_owned(),
            |f| format!("Fingeravtryck {}", f.short()),
        )
    })
}

/// Where a number the guard found in the printed minutes was written, in
/// words the chair can act on.
fn source_of(
    document: Document,
    pledge: &Pledge,
    meetings: &[Meeting],
    meeting: &Meeting,
    leak: &Leak,
) -> MinutesError {
    let (item, field) = if let Some(found) = privacy::find_leak(meeting, &leak.digits) {
        crate::model::meeting_field::field_words(meeting, &found.path)
    } else if let Some((other, found)) = meetings
        .iter()
        .find_map(|m| Some((m, privacy::find_leak(m, &leak.digits)?)))
    {
        (
            None,
            format!(
                "fältet \"{}\" i mötesfilen för {}",
                path_words(&found.path),
                other.date
            ),
        )
    } else if let Some(found) = privacy::find_leak(pledge, &leak.digits) {
        (
            None,
            format!("fältet \"{}\" i löftesfilen", path_words(&found.path)),
        )
    } else {
        (None, format!("en text i {document}"))
    };
    MinutesError::PersonalData {
        document,
        item,
        field,
        kind: leak.kind.to_string(),
    }
}

/// Texts of the minutes that read like an individual case ("ärende nr",
/// "Kalle, 15 år"), as Swedish warnings naming the § and field. The minutes
/// are still written: the chair decides.
pub fn case_warnings(meeting: &Meeting) -> Vec<String> {
    use crate::privacy::individual_case_hint;
    let mut out = Vec::new();
    for (i, item) in meeting.items.iter().enumerate() {
        let mut texts: Vec<(String, &str)> =
            vec![("diskussionen".into(), item.discussion.as_str())];
        texts.extend(
            item.decisions
                .iter()
                .enumerate()
                .map(|(d, t)| (format!("beslut {}", d + 1), t.as_str())),
        );
        for (field, text) in texts {
            if let Some(why) = individual_case_hint(text) {
                out.push(format!(
                    "{field} i § {}: {why}; beskriv arbetet samlat, inte enskilda personer eller ärenden",
                    i + 1
                ));
            }
        }
    }
    out
}

/// The minutes of `meeting` as PDF bytes, after the personal-data guard;
/// `meetings` and `live` as for [`guard`].
pub fn minutes_pdf(
    pledge: &Pledge,
    meetings: &[Meeting],
    meeting: &Meeting,
    live: &[CommitmentSnapshot],
) -> Result<Vec<u8>, MinutesError> {
    document_pdf(Document::Minutes, pledge, meetings, meeting, live)
}

/// The minutes or the invitation of `meeting` as PDF bytes, after the
/// personal-data guard; the arguments as for [`guard_document`].
pub fn document_pdf(
    document: Document,
    pledge: &Pledge,
    meetings: &[Meeting],
    meeting: &Meeting,
    live: &[CommitmentSnapshot],
) -> Result<Vec<u8>, MinutesError> {
    write_pdf(
        &guard_document(document, pledge, meetings, meeting, live)?,
        pdf::PdfA::WhenArchival,
    )
}

/// Minutes that have already passed the guard as PDF bytes (the app guards
/// first, to take the chair to the § at once, then writes in the
/// background).
pub fn write_pdf(
    printed: &Guarded<pdf::Printed>,
    pdfa: pdf::PdfA,
) -> Result<Vec<u8>, MinutesError> {
    let fonts = pdf::Fonts::load()?;
    Ok(pdf::write(printed, &fonts, pdfa)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An extract of § that are not there says what the meeting has, in
    /// words that fit a meeting of no, one or many §.
    #[test]
    fn an_extract_of_missing_paragraphs_says_which_there_are() {
        let today = Date::from_ymd(2026, 1, 1).expect("date");
        let loaded = crate::store::load(crate::sample::karlstad(), today);
        let pledge = loaded.pledge.as_ref().expect("pledge");
        let mut meeting = crate::model::meeting::test_support::june_being_held();
        let refused = |meeting: &Meeting, paragraphs: &[usize]| {
            guard_extract(paragraphs, pledge, &loaded.meetings, meeting, &[])
                .map(|_| ())
                .map_err(|e| e.to_string())
        };
        assert_eq!(
            refused(&meeting, &[0]),
            Err("protokollsutdraget skrivs inte: § 0 finns inte; mötet har § 1–18".to_owned())
        );
        assert_eq!(
            refused(&meeting, &[]),
            Err("protokollsutdraget skrivs inte: välj minst en §; mötet har § 1–18".to_owned())
        );
        assert!(refused(&meeting, &[18]).is_ok());
        // Being held again: the extract is a draft and certifies nothing.
        let draft = guard_extract(&[1], pledge, &loaded.meetings, &meeting, &[]).expect("draft");
        assert!(draft.info.draft);
        assert!(!format!("{:?}", draft.blocks).contains("Utdragsbestyrkande"));
        meeting.items.truncate(1);
        assert_eq!(
            refused(&meeting, &[2]),
            Err("protokollsutdraget skrivs inte: § 2 finns inte; mötet har bara § 1".to_owned())
        );
        meeting.items.clear();
        assert_eq!(
            refused(&meeting, &[1]),
            Err("protokollsutdraget skrivs inte: § 1 finns inte; mötet har inga §".to_owned())
        );
    }

    #[test]
    fn an_extracts_file_name_lists_its_paragraphs_and_stays_short() {
        let date = Date::from_ymd(2017, 6, 15).expect("date");
        assert_eq!(
            Document::extract_file_name(date, &[7, 12]),
            "protokollsutdrag-2017-06-15-paragraf-7_12.pdf"
        );
        let many: Vec<usize> = (1..=60).collect();
        assert_eq!(
            Document::extract_file_name(date, &many),
            "protokollsutdrag-2017-06-15-paragraf-1_2_3_4_5_6_7_8_m.fl.pdf"
        );
    }

    /// Justerade minutes without a fingerprint (an older file, or one
    /// removed by hand) say so in the footer instead of passing for checked.
    #[test]
    fn justerade_minutes_without_a_fingerprint_say_so() {
        let today = Date::from_ymd(2026, 1, 1).expect("date");
        let loaded = crate::store::load(crate::sample::karlstad(), today);
        let pledge = loaded.pledge.as_ref().expect("pledge");
        let mut march = loaded
            .meetings
            .iter()
            .find(|m| m.date.to_string() == "2017-03-16")
            .expect("March")
            .clone();
        let mark = |m: &Meeting| {
            guard(pledge, &loaded.meetings, m, &[])
                .map(|g| g.info.mark.clone())
                .expect("guarded")
        };
        assert!(mark(&march).is_some_and(|m| m.starts_with("Fingeravtryck ")));
        march.fingerprint = None;
        assert_eq!(mark(&march).as_deref(), Some("Utan fingeravtryck"));
        march.state = MeetingState::Avslutat;
        assert_eq!(mark(&march), None);
    }
}
