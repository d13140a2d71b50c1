//! Minutes (protokoll) as PDF: [`content`] says what they contain, [`layout`]
//! places it on A4 pages with real font metrics, [`pdf`] writes the pages
//! with printpdf's low-level operations. Before anything is written, the
//! personal-data guard checks every text that goes into the minutes.

pub mod content;
pub mod layout;
pub mod pdf;

use crate::model::Pledge;
use crate::model::meeting::{ItemKind, Meeting, MeetingState};
use crate::privacy::find_id_numbers;

/// Why the minutes were not written.
#[derive(Debug, thiserror::Error)]
pub enum MinutesError {
    /// A personnummer or samordningsnummer in a text of the minutes.
    #[error(
        "protokollet skrivs inte: {field} i § {item} innehåller ett {kind}; ta bort det och försök igen"
    )]
    PersonalData {
        /// The § number (1-based); 0 for the action list.
        item: usize,
        /// Which text ("diskussionen", "beslut 2", …).
        field: String,
        /// Which kind of number.
        kind: String,
    },
    /// The PDF could not be made.
    #[error(transparent)]
    Pdf(#[from] pdf::PdfError),
}

/// The first identity number in a text that goes into the minutes.
pub fn guard(meeting: &Meeting) -> Result<(), MinutesError> {
    let found = |item: usize, field: String, text: &str| {
        find_id_numbers(text)
            .first()
            .map(|n| MinutesError::PersonalData {
                item,
                field,
                kind: n.kind.to_string(),
            })
    };
    for (i, item) in meeting.items.iter().enumerate() {
        let n = i + 1;
        if let Some(e) = found(n, "diskussionen".into(), &item.discussion) {
            return Err(e);
        }
        for (d, decision) in item.decisions.iter().enumerate() {
            if let Some(e) = found(n, format!("beslut {}", d + 1), decision) {
                return Err(e);
            }
        }
        if let ItemKind::Atagande(review) = &item.kind
            && let Some(e) = found(n, "skälet".into(), review.reason.as_deref().unwrap_or(""))
        {
            return Err(e);
        }
    }
    for action in &meeting.actions {
        if let Some(e) = found(0, format!("åtgärd {}", action.id), &action.text) {
            return Err(e);
        }
    }
    Ok(())
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

/// The minutes of `meeting` as PDF bytes; `meetings` are all the pledge's
/// meetings (for the actions carried into it).
pub fn minutes_pdf(
    pledge: &Pledge,
    meetings: &[Meeting],
    meeting: &Meeting,
) -> Result<Vec<u8>, MinutesError> {
    guard(meeting)?;
    let fonts = pdf::Fonts::load()?;
    let blocks = content::blocks(pledge, meetings, meeting);
    let pages = layout::layout(&blocks, &fonts);
    let convener = pledge
        .party(&pledge.convener)
        .map_or_else(|| pledge.convener.to_string(), |p| p.name.clone());
    let info = pdf::DocInfo {
        title: format!("Protokoll – {}", meeting.title),
        author: convener,
        draft: meeting.state != MeetingState::Justerat,
        footer: "Justerandes signatur".into(),
        initials: true,
    };
    Ok(pdf::write(&pages, &fonts, &info)?)
}
