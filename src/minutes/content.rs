//! What the minutes (protokoll) say, in Swedish protocol form, as layout
//! blocks: header, numbered paragraphs (§), action list, status overview and
//! signatures. The figures come from the snapshots stored in the meeting, so
//! printed minutes never change when reports are corrected later.

use std::fmt::Write as _;

use crate::format;
use crate::model::meeting::{
    ActionStatus, CommitmentSnapshot, ItemKind, Meeting, Organisation, Role, StatusSnapshot,
    actions_before,
};
use crate::model::{CommitmentId, Date, Pledge, roles};
use crate::status::words::snapshot_words;

use super::layout::{Bar, Block, HEADING_PT, Style, TITLE_PT};

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
    let mut out = header(pledge, meeting);
    for (n, item) in meeting.items.iter().enumerate() {
        out.push(Block::Heading {
            text: format!("§ {} {}", n + 1, item.kind.heading()),
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
    }
    out.extend(action_list(meetings, meeting));
    out.extend(overview(pledge, meeting, live));
    out.extend(effects(pledge, meeting));
    out.extend(signatures(meeting));
    out
}

fn header(pledge: &Pledge, meeting: &Meeting) -> Vec<Block> {
    let parties = roles::letterhead(pledge);
    let time = match (meeting.start, meeting.end) {
        (Some(s), Some(e)) => format!(" kl. {s}–{e}"),
        (Some(s), None) => format!(" kl. {s}"),
        _ => String::new(),
    };
    let mut out = vec![
        paragraph(crate::format::list(&parties), Style::Bold),
        Block::Heading {
            text: format!("Protokoll – {}", meeting.title),
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
            text: format!("{}, {}{time}", meeting.place, meeting.date),
        },
    ];
    let line = |p: &crate::model::meeting::Participant| {
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
        .map(|p| format!("{} ({})", p.name, organisation(pledge, &p.organisation)))
        .collect();
    let excused: Vec<String> = meeting
        .participants
        .iter()
        .filter(|p| p.excused)
        .map(|p| format!("{} ({})", p.name, organisation(pledge, &p.organisation)))
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
    if !excused.is_empty() {
        out.push(Block::Labelled {
            label: "Anmält förhinder:".into(),
            text: crate::format::list(&excused),
        });
    }
    out
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
        return vec![paragraph(
            "Inga öppna åtgärder från tidigare möten.",
            Style::Regular,
        )];
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
        .map(|s| {
            vec![
                s.item.id.to_string(),
                s.item.text.clone(),
                s.item.responsible.clone(),
                date_or_dash(s.item.due),
            ]
        })
        .collect();
    rows.extend(
        meeting
            .actions
            .iter()
            .filter(|a| a.status == ActionStatus::Oppen)
            .map(|a| {
                vec![
                    a.id.to_string(),
                    a.text.clone(),
                    a.responsible.clone(),
                    date_or_dash(a.due),
                ]
            }),
    );
    let mut out = vec![Block::Heading {
        text: "Åtgärdslista".into(),
        size_pt: HEADING_PT,
    }];
    if rows.is_empty() {
        out.push(paragraph("Inga öppna åtgärder.", Style::Regular));
    } else {
        out.push(Block::Table {
            columns: vec![
                ("Nr".into(), 0.08),
                ("Åtgärd".into(), 0.5),
                ("Ansvarig".into(), 0.25),
                ("Klart senast".into(), 0.17),
            ],
            rows,
        });
    }
    out
}

/// Every commitment of the pledge (and any other on the agenda), with the
/// figures the minutes keep for it and the meeting's assessment.
fn overview(pledge: &Pledge, meeting: &Meeting, live: &[CommitmentSnapshot]) -> Vec<Block> {
    let mut ids: Vec<&CommitmentId> = pledge.commitments.iter().map(|c| &c.id).collect();
    for review in meeting.reviews() {
        if !ids.contains(&&review.commitment) {
            ids.push(&review.commitment);
        }
    }
    let assessment = |id: &CommitmentId| {
        meeting
            .reviews()
            .filter(|r| &r.commitment == id)
            .find_map(|r| r.assessment)
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
                assessment(id).map_or_else(|| "–".to_owned(), |a| a.to_string()),
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
    let mut out = vec![Block::Heading {
        text: format!("Översikt av åtagandena per {}", meeting.date),
        size_pt: HEADING_PT,
    }];
    if !meeting.has_concluded() {
        out.push(paragraph(
            "Mötet är inte avslutat: siffrorna för åtaganden som inte har bedömts är beräknade \
             för mötesdagen ur rapporterna som finns nu. De sparas i protokollet när mötet avslutas.",
            Style::Italic,
        ));
    }
    out.extend([Block::Table {
        columns: vec![
            ("Id".into(), 0.07),
            ("Åtagande".into(), 0.43),
            ("Mätt status".into(), 0.32),
            ("Bedömning".into(), 0.18),
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
    let mut out = vec![Block::Space(6.0)];
    if let Some(adjustment) = &meeting.adjustment {
        out.push(Block::Labelled {
            label: "Justeringens plats och tid:".into(),
            text: format!("{}, {}", adjustment.place, adjustment.date),
        });
    }
    if !signers.is_empty() {
        out.push(Block::Signatures(signers));
    }
    out
}
