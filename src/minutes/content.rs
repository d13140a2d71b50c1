//! What the minutes (protokoll) say, in Swedish protocol form, as layout
//! blocks: header, numbered paragraphs (§), action list, status overview and
//! signatures. The figures come from the snapshots stored in the meeting, so
//! printed minutes never change when reports are corrected later.
//!
//! The invitation (kallelse) is built from the same pieces: the same title
//! block, the same § numbers and headings, the same action table and the
//! same status overview, so what the parties read before the meeting is
//! what the minutes will say about it.

use std::fmt::Write as _;

use crate::format;
use crate::model::meeting::{
    ActionItem, ActionStatus, CommitmentSnapshot, ItemKind, Meeting, MeetingState, Organisation,
    Participant, Role, StatusSnapshot, actions_before, latest_assessment, open_actions,
};
use crate::model::{CommitmentId, Date, Pledge, roles};
use crate::status::words::snapshot_words;

use super::Document;
use super::layout::{Bar, Block, HEADING_PT, Style, TITLE_PT};

/// What the minutes and the invitation say when no earlier action is open.
const NO_EARLIER_ACTIONS: &str = "Inga öppna åtgärder från tidigare möten.";

fn paragraph(text: impl Into<String>, style: Style) -> Block {
    Block::paragraph(text, style)
}

fn organisation(pledge: &Pledge, organisation: &Organisation) -> String {
    match organisation {
        Organisation::Part(id) => pledge
            .party(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone()),
        Organisation::Annan(name) => name.clone(),
    }
}

/// "Lena Dahl (Länsstyrelsen Värmland)", for the lists after the tables.
fn name_and_organisation(pledge: &Pledge, p: &Participant) -> String {
    format!("{} ({})", p.name, organisation(pledge, &p.organisation))
}

/// "§ 5": the number of the agenda item at index `n`, the same in the
/// invitation's agenda as in the minutes' headings.
fn section(n: usize) -> String {
    format!("§ {}", n + 1)
}

/// The figures the minutes print for a commitment: those the meeting kept
/// ([`Meeting::figures`]: at its assessment, else at its conclusion); for a
/// meeting not yet concluded, the live figures where it kept none. A
/// concluded meeting's minutes never take live figures: they are a record.
fn figures<'a>(
    meeting: &'a Meeting,
    live: &'a [CommitmentSnapshot],
    id: &CommitmentId,
) -> Option<&'a StatusSnapshot> {
    meeting.figures(id).or_else(|| {
        live.iter()
            .filter(|_| !meeting.has_concluded())
            .find(|s| &s.commitment == id)
            .map(|s| &s.snapshot)
    })
}

/// A commitment's § opens with its wording at the meeting date, who leads
/// and who else carries it out, and the revisions decided by then.
fn commitment_header(
    pledge: &Pledge,
    c: &crate::model::Commitment,
    meeting: &Meeting,
) -> Vec<Block> {
    let mut out = Vec::new();
    out.push(paragraph(
        pledge.wording_at(c, meeting.date).to_owned(),
        Style::Italic,
    ));
    if let Some(lead) = roles::lead_name(pledge, c) {
        out.push(Block::Labelled {
            label: format!("{}:", roles::LEAD_LABEL),
            text: lead,
        });
    }
    let others = roles::other_actors(c);
    if !others.is_empty() {
        out.push(Block::Labelled {
            label: format!("{}:", roles::ALSO_LABEL),
            text: crate::format::list(&others),
        });
    }
    // The changes decided by the meeting date: the record
    // says which wording and target it followed up.
    for r in pledge
        .revisions
        .iter()
        .filter(|r| r.commitment == c.id && r.date.first() <= meeting.date)
    {
        let (label, text) = crate::status::words::revision(r);
        out.push(Block::Labelled { label, text });
    }
    out
}

/// The blocks of the minutes of `meeting`; `meetings` are all the pledge's
/// meetings (for the actions carried into this one); `live` every
/// commitment's figures at the meeting date as the reports stand now, used
/// only while the meeting is not concluded (see [`figures`]).
pub fn blocks(
    pledge: &Pledge,
    meetings: &[Meeting],
    meeting: &Meeting,
    live: &[CommitmentSnapshot],
) -> Vec<Block> {
    minutes_blocks(pledge, meetings, meeting, live, None)
}

/// The blocks of the copy of justerade minutes published without
/// signatures, as municipalities publish an accessible copy: the same
/// minutes, with the signers' names in place of the signature lines and a
/// line that says where the signed original is kept (the justering's
/// "förvaringsplats", else `keeper`, the convener).
pub fn published_blocks(
    pledge: &Pledge,
    meetings: &[Meeting],
    meeting: &Meeting,
    live: &[CommitmentSnapshot],
    keeper: &str,
) -> Vec<Block> {
    minutes_blocks(pledge, meetings, meeting, live, Some(keeper))
}

/// The minutes' blocks; `published` names who keeps the signed original
/// when this is the copy published without signatures.
fn minutes_blocks(
    pledge: &Pledge,
    meetings: &[Meeting],
    meeting: &Meeting,
    live: &[CommitmentSnapshot],
    published: Option<&str>,
) -> Vec<Block> {
    let mut out = header(pledge, meeting, "Protokoll");
    for n in 0..meeting.items.len() {
        out.extend(item_blocks(pledge, meetings, meeting, live, n));
    }
    out.extend(action_list(meetings, meeting));
    out.extend(overview(Document::Minutes, pledge, meetings, meeting, live));
    out.extend(effects(pledge, meeting));
    match published {
        None => out.extend(signatures(meeting)),
        Some(keeper) => out.extend(published_signatures(meeting, keeper)),
    }
    out
}

/// § `n + 1` of the minutes: its heading, for a commitment its figures and
/// assessment, the discussion and the "att …" decisions.
fn item_blocks(
    pledge: &Pledge,
    meetings: &[Meeting],
    meeting: &Meeting,
    live: &[CommitmentSnapshot],
    n: usize,
) -> Vec<Block> {
    let mut out = Vec::new();
    let Some(item) = meeting.items.get(n) else {
        return out;
    };
    out.push(Block::Heading {
        text: format!("{} {}", section(n), item.kind.heading()),
        size_pt: HEADING_PT,
    });
    match &item.kind {
        ItemKind::Atagande(review) => {
            if let Some(c) = pledge.commitment(&review.commitment) {
                out.extend(commitment_header(pledge, c, meeting));
            }
            if let Some(snapshot) = figures(meeting, live, &review.commitment) {
                out.push(Block::Labelled {
                    label: "Mätt status:".into(),
                    text: snapshot_words(snapshot),
                });
                for part in &snapshot.parts {
                    out.push(Block::Labelled {
                        label: "Del:".into(),
                        text: part.clone(),
                    });
                }
                for instead in &snapshot.instead {
                    out.push(Block::Labelled {
                        label: "I stället:".into(),
                        text: instead.clone(),
                    });
                }
            }
            if let Some(assessment) = review.assessment {
                out.push(Block::Labelled {
                    label: "Bedömning:".into(),
                    text: assessment.to_string(),
                });
            }
            if let Some(reason) = &review.reason {
                out.push(Block::Labelled {
                    label: "Skäl:".into(),
                    text: reason.clone(),
                });
            }
        }
        ItemKind::ForegaendeAtgarder => out.extend(earlier_actions(meetings, meeting)),
        ItemKind::NastaMote => {
            if let Some(next) = &meeting.next_meeting {
                let time = next.time.map(|t| format!(" kl. {t}")).unwrap_or_default();
                let place = next
                    .place
                    .as_ref()
                    .map(|p| format!(", {p}"))
                    .unwrap_or_default();
                out.push(paragraph(
                    format!("Nästa möte: {}{time}{place}.", next.date),
                    Style::Regular,
                ));
            }
        }
        _ => {}
    }
    if !item.discussion.trim().is_empty() {
        out.push(paragraph(item.discussion.clone(), Style::Regular));
    }
    if !item.decisions.is_empty() {
        out.push(paragraph("Beslut", Style::Bold));
        out.push(paragraph("Mötet beslutar", Style::Regular));
        for decision in &item.decisions {
            out.push(Block::Item {
                marker: "att".into(),
                text: decision.clone(),
            });
        }
    }
    out
}

/// The blocks of a protokollsutdrag: an extract of § `paragraphs` (1-based,
/// in the meeting's order whatever order they are given in) to send one
/// decision on to a nämnd or a board. The same header as the minutes, only
/// those §, the justering facts, and "Utdragsbestyrkande" with a line for
/// whoever certifies that the extract is true to the original.
pub fn extract_blocks(
    pledge: &Pledge,
    meetings: &[Meeting],
    meeting: &Meeting,
    live: &[CommitmentSnapshot],
    paragraphs: &[usize],
) -> Vec<Block> {
    let mut out = header(pledge, meeting, "Protokollsutdrag");
    for n in (0..meeting.items.len()).filter(|n| paragraphs.contains(&(n + 1))) {
        out.extend(item_blocks(pledge, meetings, meeting, live, n));
    }
    // The action items decided under those §, with who does them and when.
    let decided: Vec<Vec<String>> = meeting
        .actions
        .iter()
        .filter(|a| a.paragraph.is_some_and(|p| paragraphs.contains(&p)))
        .map(decided_row)
        .collect();
    if !decided.is_empty() {
        out.push(paragraph("Åtgärder beslutade under dessa §", Style::Bold));
        out.push(actions_table(decided));
    }
    out.push(Block::Space(6.0));
    if let Some(adjustment) = &meeting.adjustment {
        out.push(Block::Labelled {
            label: "Justeringens plats och tid:".into(),
            text: format!("{}, {}", adjustment.place, adjustment.date),
        });
    }
    out.extend(kept_at(meeting));
    // Only a justerat protocol is an original an extract can be true to:
    // a draft's extract (marked UTKAST) certifies nothing.
    if meeting.state == MeetingState::Justerat {
        out.push(paragraph("Utdragsbestyrkande", Style::Bold));
        out.push(paragraph(
            "Utdraget överensstämmer med originalprotokollet.",
            Style::Regular,
        ));
        out.push(Block::Signatures(vec![(
            "Underskrift och namnförtydligande".into(),
            String::new(),
        )]));
    }
    out
}

/// The blocks of the invitation (kallelse) to `meeting`, arguments as for
/// [`blocks`]: time and place, who is invited, the agenda, the action items
/// still open from earlier meetings, and every commitment's status at the
/// meeting date as underlag.
pub fn invitation_blocks(
    pledge: &Pledge,
    meetings: &[Meeting],
    meeting: &Meeting,
    live: &[CommitmentSnapshot],
) -> Vec<Block> {
    let mut out = title_block(pledge, meeting, "Kallelse");
    out.extend(invited(pledge, meeting));
    out.extend(agenda(meeting));
    out.extend(open_earlier_actions(meetings, meeting));
    out.extend(overview(
        Document::Invitation,
        pledge,
        meetings,
        meeting,
        live,
    ));
    out.extend(effects(pledge, meeting));
    out
}

/// The top of a meeting's document: the parties, "Protokoll – …" or
/// "Kallelse – …" with the meeting's title, the pledge and its period, and
/// Plats och tid.
fn title_block(pledge: &Pledge, meeting: &Meeting, kind: &str) -> Vec<Block> {
    let parties = roles::letterhead(pledge);
    let time = match (meeting.start, meeting.end) {
        (Some(s), Some(e)) => format!(" kl. {s}–{e}"),
        (Some(s), None) => format!(" kl. {s}"),
        _ => String::new(),
    };
    // A draft prepared ahead may have no place yet: no stray comma then.
    let place = if meeting.place.trim().is_empty() {
        String::new()
    } else {
        format!("{}, ", meeting.place)
    };
    vec![
        paragraph(crate::format::list(&parties), Style::Bold),
        Block::Heading {
            text: format!("{kind} – {}", meeting.title),
            size_pt: TITLE_PT,
        },
        paragraph(
            format!(
                "Uppföljning av medborgarlöfte {} – {}",
                pledge.period.start, pledge.period.end
            ),
            Style::Regular,
        ),
        paragraph(roles::pledge_words(pledge), Style::Regular),
        Block::Space(2.0),
        Block::Labelled {
            label: "Plats och tid:".into(),
            text: format!("{place}{}{time}", meeting.date),
        },
    ]
}

/// The first page's header of the minutes or an extract (`kind`): title,
/// time and place, who was there, who was excused, and the justering.
fn header(pledge: &Pledge, meeting: &Meeting, kind: &str) -> Vec<Block> {
    let mut out = title_block(pledge, meeting, kind);
    let line = |p: &Participant| {
        vec![
            p.name.clone(),
            organisation(pledge, &p.organisation),
            p.role.to_string(),
        ]
    };
    let present: Vec<Vec<String>> = meeting
        .participants
        .iter()
        .filter(|p| !p.excused && p.role != Role::Adjungerad)
        .map(line)
        .collect();
    let others: Vec<String> = meeting
        .participants
        .iter()
        .filter(|p| !p.excused && p.role == Role::Adjungerad)
        .map(|p| name_and_organisation(pledge, p))
        .collect();
    if !present.is_empty() {
        out.push(Block::Space(2.0));
        out.push(paragraph("Närvarande", Style::Bold));
        out.push(Block::Table {
            columns: vec![
                ("Namn".into(), 0.35),
                ("Organisation".into(), 0.4),
                ("Roll".into(), 0.25),
            ],
            rows: present,
        });
    }
    if !others.is_empty() {
        out.push(Block::Labelled {
            label: "Övriga närvarande:".into(),
            text: crate::format::list(&others),
        });
    }
    out.extend(excused(pledge, meeting));
    out.extend(justerat(meeting));
    out
}

/// "Justerat: 2017-03-23 av Erik Holm och Anna Berglund" on the first
/// page of justerade minutes: when, and by whom (the justerare with the
/// chair, who justerar jämte them).
fn justerat(meeting: &Meeting) -> Option<Block> {
    if meeting.state != MeetingState::Justerat {
        return None;
    }
    let by: Vec<String> = [Role::Justerare, Role::Ordforande]
        .iter()
        .flat_map(|role| {
            meeting
                .participants
                .iter()
                .filter(move |p| p.role == *role && !p.excused)
                .map(|p| p.name.clone())
        })
        .collect();
    let when = meeting.adjustment.as_ref().map(|a| a.date.to_string());
    let text = match (when, by.is_empty()) {
        (Some(date), false) => format!("{date} av {}", crate::format::list(&by)),
        (Some(date), true) => date,
        (None, false) => format!("av {}", crate::format::list(&by)),
        (None, true) => "ja".to_owned(),
    };
    Some(Block::Labelled {
        label: "Justerat:".into(),
        text,
    })
}

/// "Anmält förhinder: …", when someone has sent word they cannot come.
fn excused(pledge: &Pledge, meeting: &Meeting) -> Option<Block> {
    let excused: Vec<String> = meeting
        .participants
        .iter()
        .filter(|p| p.excused)
        .map(|p| name_and_organisation(pledge, p))
        .collect();
    (!excused.is_empty()).then(|| Block::Labelled {
        label: "Anmält förhinder:".into(),
        text: crate::format::list(&excused),
    })
}

/// Who is invited: everyone on the meeting's list with title, organisation
/// and role (the chair and the secretary are known ahead), those who sent
/// word apart, and to whom word is sent.
fn invited(pledge: &Pledge, meeting: &Meeting) -> Vec<Block> {
    let rows: Vec<Vec<String>> = meeting
        .participants
        .iter()
        .filter(|p| !p.excused)
        .map(|p| {
            vec![
                p.name.clone(),
                p.title.clone().unwrap_or_else(|| "–".to_owned()),
                organisation(pledge, &p.organisation),
                p.role.to_string(),
            ]
        })
        .collect();
    let mut out = vec![Block::Space(2.0), paragraph("Kallade", Style::Bold)];
    if rows.is_empty() {
        out.push(paragraph(
            "Inga deltagare är angivna för mötet ännu.",
            Style::Regular,
        ));
    } else {
        out.push(Block::Table {
            columns: vec![
                ("Namn".into(), 0.27),
                ("Titel".into(), 0.25),
                ("Organisation".into(), 0.3),
                ("Roll".into(), 0.18),
            ],
            rows,
        });
    }
    out.extend(excused(pledge, meeting));
    out.push(Block::Space(1.0));
    if let Some(chair) = meeting
        .participants
        .iter()
        .find(|p| p.role == Role::Ordforande && !p.excused)
    {
        out.push(paragraph(
            format!(
                "Förhinder anmäls till ordföranden, {}.",
                name_and_organisation(pledge, chair)
            ),
            Style::Regular,
        ));
    }
    out
}

/// The agenda: every item's § and heading, as the minutes will number them.
fn agenda(meeting: &Meeting) -> Vec<Block> {
    vec![
        Block::Heading {
            text: "Dagordning".into(),
            size_pt: HEADING_PT,
        },
        Block::Table {
            columns: vec![("§".into(), 0.1), ("Punkt".into(), 0.9)],
            rows: meeting
                .items
                .iter()
                .enumerate()
                .map(|(n, item)| vec![section(n), item.kind.heading()])
                .collect(),
        },
    ]
}

/// The action items still open when the meeting starts: what its
/// "Uppföljning av föregående mötes åtgärder" will go through.
fn open_earlier_actions(meetings: &[Meeting], meeting: &Meeting) -> Vec<Block> {
    let rows: Vec<Vec<String>> = open_actions(meetings, meeting.date)
        .into_iter()
        .map(action_row)
        .collect();
    vec![
        Block::Heading {
            text: "Öppna åtgärder från tidigare möten".into(),
            size_pt: HEADING_PT,
        },
        if rows.is_empty() {
            paragraph(NO_EARLIER_ACTIONS, Style::Regular)
        } else {
            actions_table(rows)
        },
    ]
}

fn date_or_dash(date: Option<Date>) -> String {
    date.map_or_else(|| "–".to_owned(), |d| d.to_string())
}

fn earlier_actions(meetings: &[Meeting], meeting: &Meeting) -> Vec<Block> {
    let states = actions_before(meetings, meeting.date);
    let rows: Vec<Vec<String>> = meeting
        .action_updates
        .iter()
        .filter_map(|update| {
            let state = states.iter().find(|s| s.item.id == update.action)?;
            let mut decided = update.status.to_string();
            if let Some(note) = &update.note {
                let _ = write!(decided, " – {note}");
            }
            Some(vec![
                format!("{} {}", state.item.id, state.item.text),
                state.item.responsible.clone(),
                date_or_dash(state.item.due),
                decided,
            ])
        })
        .collect();
    if rows.is_empty() {
        return vec![paragraph(NO_EARLIER_ACTIONS, Style::Regular)];
    }
    vec![Block::Table {
        columns: vec![
            ("Åtgärd".into(), 0.45),
            ("Ansvarig".into(), 0.2),
            ("Klart senast".into(), 0.15),
            ("Status".into(), 0.2),
        ],
        rows,
    }]
}

fn action_list(meetings: &[Meeting], meeting: &Meeting) -> Vec<Block> {
    let states = actions_before(meetings, meeting.date);
    let mut rows: Vec<Vec<String>> = meeting
        .action_updates
        .iter()
        .filter(|u| u.status == ActionStatus::Oppen)
        .filter_map(|u| states.iter().find(|s| s.item.id == u.action))
        .map(|s| action_row(s.item))
        .collect();
    // This meeting's own actions also say under which § they were decided.
    rows.extend(
        meeting
            .actions
            .iter()
            .filter(|a| a.status == ActionStatus::Oppen)
            .map(decided_row),
    );
    let mut out = vec![Block::Heading {
        text: "Åtgärdslista".into(),
        size_pt: HEADING_PT,
    }];
    if rows.is_empty() {
        out.push(paragraph("Inga öppna åtgärder.", Style::Regular));
    } else {
        out.push(actions_table(rows));
    }
    out
}

/// This meeting's action item as a row that says under which § it was
/// decided ("(beslutad i § 12)").
fn decided_row(a: &ActionItem) -> Vec<String> {
    let mut row = action_row(a);
    if let (Some(words), Some(text)) = (a.decided_words(), row.get_mut(1)) {
        let _ = write!(text, " ({words})");
    }
    row
}

/// An action item as a row of [`actions_table`].
fn action_row(a: &ActionItem) -> Vec<String> {
    vec![
        a.id.to_string(),
        a.text.clone(),
        a.responsible.clone(),
        date_or_dash(a.due),
    ]
}

/// Open action items: what, who and by when.
fn actions_table(rows: Vec<Vec<String>>) -> Block {
    Block::Table {
        columns: vec![
            ("Nr".into(), 0.08),
            ("Åtgärd".into(), 0.5),
            ("Ansvarig".into(), 0.25),
            ("Klart senast".into(), 0.17),
        ],
        rows,
    }
}

/// Every commitment of the pledge (and any other on the agenda), with the
/// figures the minutes keep for it (see [`figures`]). The minutes add the
/// meeting's assessment; the invitation, printed before the meeting has
/// assessed anything, the latest assessment of an earlier meeting: what
/// stands when the meeting opens.
fn overview(
    document: Document,
    pledge: &Pledge,
    meetings: &[Meeting],
    meeting: &Meeting,
    live: &[CommitmentSnapshot],
) -> Vec<Block> {
    let mut ids: Vec<&CommitmentId> = pledge.commitments.iter().map(|c| &c.id).collect();
    for review in meeting.reviews() {
        if !ids.contains(&&review.commitment) {
            ids.push(&review.commitment);
        }
    }
    let assessment = |id: &CommitmentId| match document {
        Document::Minutes | Document::Published | Document::Extract => meeting
            .reviews()
            .filter(|r| &r.commitment == id)
            .find_map(|r| r.assessment)
            .map(|a| a.to_string()),
        Document::Invitation => latest_assessment(meetings, id, meeting.date.add_days(-1))
            .map(|r| format!("{} ({})", r.assessment, r.date)),
    };
    let rows: Vec<Vec<String>> = ids
        .iter()
        .map(|id| {
            let text = pledge.commitment(id).map_or_else(String::new, |c| {
                pledge.wording_at(c, meeting.date).to_owned()
            });
            vec![
                id.to_string(),
                text,
                figures(meeting, live, id).map_or_else(|| "–".to_owned(), snapshot_words),
                assessment(id).unwrap_or_else(|| "–".to_owned()),
            ]
        })
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    let bars: Vec<Bar> = ids
        .iter()
        .filter_map(|id| {
            let s = figures(meeting, live, id)?;
            let target = s.target.filter(|t| *t > 0.0)?;
            Some(Bar {
                label: id.to_string(),
                reported: share(s.reported / target),
                expected: s.expected.map(|e| share(e / target)),
                value: format::percent(s.reported / target * 100.0),
            })
        })
        .collect();
    let mut chart = Vec::new();
    if !bars.is_empty() {
        chart.push(Block::Bars {
            caption: "Rapporterat mot målet (mörk stapel; ljus bakgrund = hela målet) och förväntat vid mötet (streck):".into(),
            bars,
        });
    }
    let (heading, live_note, assessed) = match document {
        Document::Minutes | Document::Published | Document::Extract => (
            format!("Översikt av åtagandena per {}", meeting.date),
            "Mötet är inte avslutat: siffrorna för åtaganden som inte har bedömts är beräknade \
             för mötesdagen ur rapporterna som finns nu. De sparas i protokollet när mötet avslutas.",
            "Bedömning",
        ),
        Document::Invitation => (
            format!("Underlag: läget för åtagandena per {}", meeting.date),
            "Siffrorna är beräknade för mötesdagen ur rapporterna som fanns när kallelsen skrevs \
             ut; rapporter som kommer in före mötet kan ändra dem. Senaste bedömning är den från \
             det senaste avslutade mötet.",
            "Senaste bedömning",
        ),
    };
    let mut out = vec![Block::Heading {
        text: heading,
        size_pt: HEADING_PT,
    }];
    if !meeting.has_concluded() {
        out.push(paragraph(live_note, Style::Italic));
    }
    out.extend([Block::Table {
        columns: vec![
            ("Id".into(), 0.07),
            ("Åtagande".into(), 0.43),
            ("Mätt status".into(), 0.32),
            (assessed.into(), 0.18),
        ],
        rows,
    }]);
    out.extend(chart);
    out
}

/// The pledge's effect indicators at the meeting date: latest value,
/// change and verdict, apart from the commitments and never summed with
/// them. A concluded meeting prints what it kept at its conclusion (so a
/// value added to the pledge later does not change its record); a draft,
/// or a meeting concluded before indicators were kept, reads them from the
/// pledge file (values dated on or before the meeting). Nothing when the
/// pledge has none.
fn effects(pledge: &Pledge, meeting: &Meeting) -> Vec<Block> {
    let kept = meeting.has_concluded() && !meeting.effects.is_empty();
    let indicators = if kept {
        meeting.effects.clone()
    } else {
        crate::status::indicators::snapshots(pledge, meeting.date)
    };
    if indicators.is_empty() {
        return Vec::new();
    }
    let rows = indicators
        .into_iter()
        .map(|i| {
            vec![
                i.indicator.to_string(),
                i.name,
                i.latest,
                i.change,
                i.verdict,
            ]
        })
        .collect();
    vec![
        paragraph(format!("Effektmått per {}", meeting.date), Style::Bold),
        paragraph(
            "Hur problemen har förändrats enligt löftets effektmått, med värden daterade till och med \
             mötesdagen. De räknas inte ihop med åtagandena.",
            Style::Italic,
        ),
        Block::Table {
            columns: vec![
                ("Id".into(), 0.06),
                ("Effektmått".into(), 0.28),
                ("Senaste värde".into(), 0.2),
                ("Förändring".into(), 0.26),
                ("Mot målet".into(), 0.2),
            ],
            rows,
        },
    ]
}

/// A ratio as a bar length (f32 is what the layout draws with).
#[allow(clippy::cast_possible_truncation)] // a bar needs no f64 precision
fn share(ratio: f64) -> f32 {
    ratio as f32
}

fn signatures(meeting: &Meeting) -> Vec<Block> {
    let signers = signers(meeting);
    let mut out = vec![Block::Space(6.0)];
    if let Some(adjustment) = &meeting.adjustment {
        out.push(Block::Labelled {
            label: "Justeringens plats och tid:".into(),
            text: format!("{}, {}", adjustment.place, adjustment.date),
        });
    }
    out.extend(kept_at(meeting));
    if !signers.is_empty() {
        out.push(Block::Signatures(signers));
    }
    out
}

/// Who signs, with the role each signs in: the secretary, the chair, the
/// justerare (present ones only).
fn signers(meeting: &Meeting) -> Vec<(String, String)> {
    let name = |role: Role| {
        meeting
            .participants
            .iter()
            .filter(|p| p.role == role && !p.excused)
            .map(|p| p.name.clone())
            .collect::<Vec<_>>()
    };
    let mut signers = Vec::new();
    for secretary in name(Role::Sekreterare) {
        signers.push(("Vid protokollet (sekreterare)".to_owned(), secretary));
    }
    for chair in name(Role::Ordforande) {
        signers.push(("Ordförande".to_owned(), chair));
    }
    for adjuster in name(Role::Justerare) {
        signers.push(("Justerare".to_owned(), adjuster));
    }
    signers
}

/// "Förvaringsplats för protokollet: …", when the justering says.
fn kept_at(meeting: &Meeting) -> Option<Block> {
    let kept = meeting.adjustment.as_ref()?.kept_at.as_ref()?;
    (!kept.trim().is_empty()).then(|| Block::Labelled {
        label: "Förvaringsplats för protokollet:".into(),
        text: kept.trim().to_owned(),
    })
}

/// The signature section of the published copy: it says it is a copy of
/// justerade minutes and where the signed original is kept, and names
/// the signers without lines to sign on.
fn published_signatures(meeting: &Meeting, keeper: &str) -> Vec<Block> {
    let kept = meeting
        .adjustment
        .as_ref()
        .and_then(|a| a.kept_at.as_deref())
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .unwrap_or(keeper);
    let mut out = vec![
        Block::Space(6.0),
        paragraph(
            format!("Justerat protokoll. Det underskrivna originalet förvaras hos {kept}."),
            Style::Bold,
        ),
    ];
    if let Some(adjustment) = &meeting.adjustment {
        out.push(Block::Labelled {
            label: "Justeringens plats och tid:".into(),
            text: format!("{}, {}", adjustment.place, adjustment.date),
        });
    }
    for (role, name) in signers(meeting) {
        out.push(Block::Labelled {
            label: format!("{role}:"),
            text: name,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::meeting::ClockTime;

    /// The sample in early June 2017 with its June meeting prepared ahead
    /// (the app's new draft after March), every commitment's live figures
    /// at the meeting date, and the meetings held before it.
    fn june_draft() -> (Pledge, Vec<Meeting>, Meeting, Vec<CommitmentSnapshot>) {
        let today = Date::from_ymd(2017, 6, 1).expect("date");
        let mut loaded = crate::store::load(crate::sample::karlstad(), today);
        let pledge = loaded.pledge.take().expect("the sample's pledge");
        let date = Date::from_ymd(2017, 6, 15).expect("date");
        let held: Vec<Meeting> = loaded
            .meetings
            .into_iter()
            .filter(|m| m.date < date)
            .collect();
        let mut draft = Meeting::after(&pledge, &held, date, "Uppföljningsmöte 3".into());
        draft.start = ClockTime::new(13, 0);
        let live = crate::status::compute(&pledge, &loaded.activities, date).snapshots();
        (pledge, held, draft, live)
    }

    /// Every text of the blocks, in order.
    fn texts(blocks: &[Block]) -> Vec<String> {
        let mut out = Vec::new();
        crate::privacy::walk::strings(blocks, &mut |_, text| out.push(text.to_owned()));
        out
    }

    /// The rows of the table right after the heading `heading`.
    fn table_after<'b>(blocks: &'b [Block], heading: &str) -> &'b [Vec<String>] {
        let at = blocks
            .iter()
            .position(|b| matches!(b, Block::Heading { text, .. } if text.starts_with(heading)))
            .unwrap_or_else(|| panic!("no heading {heading:?}"));
        blocks[at..]
            .iter()
            .find_map(|b| match b {
                Block::Table { rows, .. } => Some(rows.as_slice()),
                _ => None,
            })
            .expect("a table follows")
    }

    #[test]
    fn the_invitation_says_when_who_what_and_where_every_commitment_stands() {
        let (pledge, held, draft, live) = june_draft();
        let invitation = invitation_blocks(&pledge, &held, &draft, &live);
        let all = texts(&invitation);
        let at = |needle: &str| {
            all.iter()
                .position(|t| t == needle)
                .unwrap_or_else(|| panic!("{needle:?} missing in {all:#?}"))
        };
        // In this order: title, time and place, who, agenda, actions, status.
        let order = [
            at("Kallelse – Uppföljningsmöte 3"),
            at("Polishuset, Karlstad, 2017-06-15 kl. 13:00"),
            at("Kallade"),
            at("Dagordning"),
            at("Öppna åtgärder från tidigare möten"),
            at("Underlag: läget för åtagandena per 2017-06-15"),
        ];
        assert!(order.is_sorted(), "{order:?}");
        // March's five participants, with titles; Peter Sandberg was excused
        // in March, but a new meeting invites everyone.
        let invited = invitation
            .iter()
            .find_map(|b| match b {
                Block::Table { columns, rows } if columns[1].0 == "Titel" => Some(rows),
                _ => None,
            })
            .expect("the invited");
        assert_eq!(invited.len(), 5);
        assert_eq!(
            invited[0],
            ["Anna Berglund", "kommunpolis", "LPO Karlstad", "ordförande"]
        );
        assert!(invited.iter().any(|r| r[0] == "Peter Sandberg"));

        // The agenda numbers the items as the minutes' headings will.
        let agenda = table_after(&invitation, "Dagordning");
        let minutes = texts(&blocks(&pledge, &held, &draft, &live));
        assert_eq!(agenda.len(), draft.items.len());
        for row in agenda {
            let heading = row.join(" ");
            assert!(minutes.contains(&heading), "{heading} in the minutes");
        }
        assert_eq!(agenda[4], ["§ 5", "Åtagande G1"]);

        // A1 and A2 were closed in March; A3 and A4 are open.
        let actions = table_after(&invitation, "Öppna åtgärder");
        let ids: Vec<&str> = actions.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(ids, ["A3", "A4"]);
        assert_eq!(
            actions[1],
            [
                "A4",
                "Ta fram plan för fler tillsyner under våren",
                "Erik Holm",
                "2017-04-15"
            ]
        );

        // Every commitment, in the minutes' words, with March's assessment.
        let status = table_after(&invitation, "Underlag:");
        assert_eq!(status.len(), pledge.commitments.len());
        let g1 = live
            .iter()
            .find(|s| s.commitment.as_str() == "G1")
            .expect("G1");
        assert_eq!(status[0][2], snapshot_words(&g1.snapshot));
        assert!(status[0][2].ends_with("(uppnått)"), "{}", status[0][2]);
        let p2 = status.iter().find(|r| r[0] == "P2").expect("P2");
        assert_eq!(p2[3], "försenad (2017-03-16)");

        // Nothing of what the meeting will discuss or decide.
        for absent in [
            "Beslut",
            "Åtgärdslista",
            "Justerare",
            "Tillsynerna ligger över plan.",
        ] {
            assert!(!all.iter().any(|t| t == absent), "{absent:?}");
        }
    }

    #[test]
    fn a_first_meeting_invites_with_an_empty_list_said_in_words() {
        let (pledge, _, mut draft, live) = june_draft();
        draft.participants.clear();
        draft.place.clear();
        let invitation = invitation_blocks(&pledge, &[], &draft, &live);
        let all = texts(&invitation);
        for needle in [
            "2017-06-15 kl. 13:00",
            "Inga deltagare är angivna för mötet ännu.",
            "Inga öppna åtgärder från tidigare möten.",
        ] {
            assert!(all.iter().any(|t| t == needle), "{needle:?} in {all:#?}");
        }
        assert!(!all.iter().any(|t| t.starts_with("Förhinder anmäls")));
        // No earlier meeting: no assessment stands yet.
        let status = table_after(&invitation, "Underlag:");
        assert!(status.iter().all(|r| r[3] == "–"), "{status:?}");
    }
}
