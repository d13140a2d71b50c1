//! Planning after signing, as edits on the pledge: targets, places and lead
//! parties can be set freely; the promised text is protected — changing it
//! is a revision with a date and a reason, and the earlier wording is kept.
//! Also: a new pledge from scratch, or renewed from the previous period's.

use super::date::Date;
use super::ids::{CommitmentId, PartyId};
use super::pledge::{
    CarriedOver, Commitment, PLEDGE_FORMAT_VERSION, Party, PartyKind, Period, Pledge, ProblemArea,
    Revision, RevisionChange, Target, TargetShape,
};

/// One change to a pledge's planning or wording.
#[derive(Debug, Clone, PartialEq)]
pub enum PledgeEdit {
    /// Set or clear a commitment's target.
    SetTarget {
        /// Which commitment.
        commitment: CommitmentId,
        /// The target, or none.
        target: Option<Target>,
    },
    /// Set the places a commitment concerns.
    SetPlaces {
        /// Which commitment.
        commitment: CommitmentId,
        /// The places, in order.
        places: Vec<String>,
    },
    /// Set or clear the lead party of a joint commitment.
    SetLead {
        /// Which commitment.
        commitment: CommitmentId,
        /// One of its owners, or none.
        lead: Option<PartyId>,
    },
    /// Change the target from a date: a `MalAndrat` revision keeps the
    /// target valid before, so earlier figures and the history stay.
    ChangeTarget {
        /// Which commitment.
        commitment: CommitmentId,
        /// The target from `date` on, or none.
        target: Option<Target>,
        /// When the parties decided it; the new target applies from then.
        date: Date,
        /// Why.
        reason: String,
    },
    /// Change the promised text: a revision with date and reason.
    ReviseText {
        /// Which commitment.
        commitment: CommitmentId,
        /// The new wording.
        text: String,
        /// When the parties decided it.
        date: Date,
        /// Why.
        reason: String,
    },
}

/// Why an edit was refused; the pledge is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PledgeEditError {
    /// No such commitment.
    #[error("åtagandet {0} finns inte i löftet")]
    UnknownCommitment(String),
    /// The lead must be one of the commitment's owners.
    #[error(
        "{party} är inte part i åtagande {commitment}; ledande part måste vara en av dess parter"
    )]
    LeadNotOwner {
        /// The party.
        party: String,
        /// The commitment.
        commitment: String,
    },
    /// A target amount must be positive and finite.
    #[error("målet måste vara ett positivt tal")]
    BadAmount,
    /// A count target needs a unit.
    #[error("målet behöver en enhet, t.ex. tillsyner eller timmar")]
    NoUnit,
    /// A revision needs a reason.
    #[error("ange skälet till att texten ändras; ändringen sparas som en revidering av löftet")]
    NoReason,
    /// A target change dated before one already made: the history would
    /// no longer say which target applied when.
    #[error("målet ändrades redan {0}; ett nytt målbyte måste gälla från det datumet eller senare")]
    LaterTargetChange(Date),
    /// A weekday target without a weekday.
    #[error("välj minst en veckodag för målet")]
    NoWeekday,
    /// A target change that changes nothing.
    #[error("det nya målet är detsamma som förut")]
    SameTarget,
    /// The text is empty or the same as before.
    #[error("den nya texten är tom eller densamma som förut")]
    SameText,
    /// The revision date lies outside the period.
    #[error("revideringens datum {date} ligger utanför löftets period {start} – {end}")]
    OutsidePeriod {
        /// The date.
        date: Date,
        /// Period start.
        start: Date,
        /// Period end.
        end: Date,
    },
}

/// A revision is a decision: it needs a reason and a date in the period.
fn check_decision(reason: &str, date: Date, period: Period) -> Result<(), PledgeEditError> {
    if reason.trim().is_empty() {
        return Err(PledgeEditError::NoReason);
    }
    if !period.contains(date) {
        return Err(PledgeEditError::OutsidePeriod {
            date,
            start: period.start,
            end: period.end,
        });
    }
    Ok(())
}

/// A count target needs a positive amount and a unit.
fn check_target(t: &Target) -> Result<(), PledgeEditError> {
    let amount = match t.shape {
        TargetShape::Total { amount }
        | TargetShape::Rate { amount, .. }
        | TargetShape::Weekdays { amount, .. }
        | TargetShape::Coverage { times: amount, .. } => Some(amount),
        TargetShape::Milestone { .. } => None,
    };
    if amount.is_some_and(|a| !a.is_finite() || a <= 0.0) {
        return Err(PledgeEditError::BadAmount);
    }
    if amount.is_some() && t.unit.trim().is_empty() {
        return Err(PledgeEditError::NoUnit);
    }
    if let TargetShape::Weekdays { days, .. } = &t.shape
        && days.is_empty()
    {
        return Err(PledgeEditError::NoWeekday);
    }
    Ok(())
}

fn commitment_mut<'a>(
    pledge: &'a mut Pledge,
    id: &CommitmentId,
) -> Result<&'a mut Commitment, PledgeEditError> {
    pledge
        .commitments
        .iter_mut()
        .find(|c| &c.id == id)
        .ok_or_else(|| PledgeEditError::UnknownCommitment(id.to_string()))
}

impl PledgeEdit {
    /// Applies the edit, or refuses it leaving the pledge unchanged.
    pub fn apply(&self, pledge: &mut Pledge) -> Result<(), PledgeEditError> {
        let period = pledge.period;
        match self {
            PledgeEdit::ChangeTarget {
                commitment,
                target,
                date,
                reason,
            } => {
                check_decision(reason, *date, period)?;
                if let Some(t) = target {
                    check_target(t)?;
                }
                let later = pledge.revisions.iter().find(|r| {
                    &r.commitment == commitment
                        && r.date.first() > *date
                        && matches!(r.change, RevisionChange::MalAndrat { .. })
                });
                if let Some(later) = later {
                    return Err(PledgeEditError::LaterTargetChange(later.date.first()));
                }
                let c = commitment_mut(pledge, commitment)?;
                if &c.target == target {
                    return Err(PledgeEditError::SameTarget);
                }
                let previous = std::mem::replace(&mut c.target, target.clone());
                pledge.revisions.push(Revision {
                    date: (*date).into(),
                    commitment: commitment.clone(),
                    change: RevisionChange::MalAndrat { previous },
                    reason: reason.trim().to_owned(),
                });
            }
            PledgeEdit::SetTarget { commitment, target } => {
                if let Some(t) = target {
                    check_target(t)?;
                }
                commitment_mut(pledge, commitment)?
                    .target
                    .clone_from(target);
            }
            PledgeEdit::SetPlaces { commitment, places } => {
                commitment_mut(pledge, commitment)?.places = places
                    .iter()
                    .map(|p| p.trim().to_owned())
                    .filter(|p| !p.is_empty())
                    .collect();
            }
            PledgeEdit::SetLead { commitment, lead } => {
                let c = commitment_mut(pledge, commitment)?;
                if let Some(lead) = lead
                    && !c.owners.contains(lead)
                {
                    return Err(PledgeEditError::LeadNotOwner {
                        party: lead.to_string(),
                        commitment: commitment.to_string(),
                    });
                }
                c.lead.clone_from(lead);
            }
            PledgeEdit::ReviseText {
                commitment,
                text,
                date,
                reason,
            } => {
                check_decision(reason, *date, period)?;
                let c = commitment_mut(pledge, commitment)?;
                let text = text.trim();
                if text.is_empty() || text == c.text {
                    return Err(PledgeEditError::SameText);
                }
                let previous_text = std::mem::replace(&mut c.text, text.to_owned());
                pledge.revisions.push(Revision {
                    date: (*date).into(),
                    commitment: commitment.clone(),
                    change: RevisionChange::Omformulerat { previous_text },
                    reason: reason.trim().to_owned(),
                });
            }
        }
        Ok(())
    }
}

/// A pledge from scratch: a police area and a municipality, the police
/// convening and leading communication, no commitments yet.
pub fn new_pledge(title: &str, period: Period, police: &str, municipality: &str) -> Pledge {
    let party = |id: &str, name: &str, kind| Party {
        id: PartyId::new(id),
        name: name.trim().to_owned(),
        kind,
        signed: false,
    };
    Pledge {
        version: PLEDGE_FORMAT_VERSION,
        title: title.trim().to_owned(),
        source: None,
        parties: vec![
            party("polisen", police, PartyKind::Polis),
            party("kommunen", municipality, PartyKind::Kommun),
        ],
        convener: Some(PartyId::new("polisen")),
        communication_lead: Some(PartyId::new("polisen")),
        contact: None,
        period: Period {
            signed: None,
            ..period
        },
        problem_areas: Vec::new(),
        commitments: Vec::new(),
        indicators: Vec::new(),
        revisions: Vec::new(),
    }
}

/// The next period's pledge from this one: the same parties (not yet
/// signed), problem areas and commitments with their wording, owners, lead
/// and places; each commitment marked as carried over from this pledge.
/// Targets are not carried: the parties plan them anew. Dropped
/// commitments stay behind; revisions and indicator values start empty.
pub fn renew(previous: &Pledge, title: &str, period: Period) -> Pledge {
    let dropped = |id: &CommitmentId| previous.dropped_on(id, previous.period.end).is_some();
    Pledge {
        version: PLEDGE_FORMAT_VERSION,
        title: title.trim().to_owned(),
        source: None,
        parties: previous
            .parties
            .iter()
            .map(|p| Party {
                signed: false,
                ..p.clone()
            })
            .collect(),
        convener: previous.convener.clone(),
        communication_lead: previous.communication_lead.clone(),
        contact: previous.contact.clone(),
        period: Period {
            signed: None,
            ..period
        },
        problem_areas: previous
            .problem_areas
            .iter()
            .map(|a| ProblemArea { ..a.clone() })
            .collect(),
        commitments: previous
            .commitments
            .iter()
            .filter(|c| !dropped(&c.id))
            .map(|c| Commitment {
                target: None,
                carried_over: Some(CarriedOver {
                    from: previous.title.clone(),
                    id: c.id.clone(),
                }),
                ..c.clone()
            })
            .collect(),
        indicators: previous
            .indicators
            .iter()
            .map(|i| super::pledge::Indicator {
                values: Vec::new(),
                ..i.clone()
            })
            .collect(),
        revisions: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Pledge {
        crate::store::load(
            crate::sample::karlstad(),
            Date::from_ymd(2026, 1, 1).expect("date"),
        )
        .pledge
        .expect("sample pledge")
    }

    fn id(s: &str) -> CommitmentId {
        CommitmentId::new(s)
    }

    #[test]
    fn planning_is_free_but_the_text_is_revised_with_a_reason() {
        let mut p = sample();
        let original = p.clone();
        PledgeEdit::SetPlaces {
            commitment: id("K1"),
            places: vec!["Herrhagen ".into(), String::new(), "Våxnäs".into()],
        }
        .apply(&mut p)
        .expect("places");
        assert_eq!(
            p.commitment(&id("K1")).map(|c| c.places.clone()),
            Some(vec!["Herrhagen".into(), "Våxnäs".into()])
        );
        let refused = PledgeEdit::ReviseText {
            commitment: id("K1"),
            text: "Ny text.".into(),
            date: Date::from_ymd(2017, 2, 1).expect("date"),
            reason: " ".into(),
        };
        assert_eq!(refused.apply(&mut p), Err(PledgeEditError::NoReason));
        let revise = PledgeEdit::ReviseText {
            commitment: id("K1"),
            text: "Ny text.".into(),
            date: Date::from_ymd(2017, 2, 1).expect("date"),
            reason: "Beslut i styrgruppen".into(),
        };
        revise.apply(&mut p).expect("revised");
        let old_text = original
            .commitment(&id("K1"))
            .map(|c| c.text.clone())
            .expect("K1");
        assert_eq!(
            p.revisions.last().map(|r| &r.change),
            Some(&RevisionChange::Omformulerat {
                previous_text: old_text
            })
        );
        assert_eq!(
            PledgeEdit::SetLead {
                commitment: id("K1"),
                lead: Some(PartyId::new("lpo-karlstad")),
            }
            .apply(&mut p),
            Err(PledgeEditError::LeadNotOwner {
                party: "lpo-karlstad".into(),
                commitment: "K1".into()
            })
        );
        // A revised pledge still validates without errors.
        let findings = crate::model::validate::validate_pledge(&p);
        assert!(
            findings
                .iter()
                .all(|f| f.severity != crate::model::Severity::Fel),
            "{findings:?}"
        );
    }

    #[test]
    fn renewal_carries_commitments_over_without_targets() {
        let p = sample();
        let next = renew(
            &p,
            "Medborgarlöften Karlstad 2017–2018",
            Period {
                start: Date::from_ymd(2017, 10, 1).expect("date"),
                end: Date::from_ymd(2018, 9, 30).expect("date"),
                signed: None,
            },
        );
        assert_eq!(next.commitments.len(), p.commitments.len());
        assert!(next.commitments.iter().all(|c| c.target.is_none()));
        assert!(next.parties.iter().all(|p| !p.signed));
        let k1 = next.commitment(&id("K1")).expect("K1");
        assert_eq!(
            k1.carried_over.as_ref().map(|c| c.from.as_str()),
            Some("Medborgarlöften Karlstad 2016–2017")
        );
        assert!(
            crate::model::validate::validate_pledge(&next)
                .iter()
                .all(|f| f.severity != crate::model::Severity::Fel)
        );
        let fresh = new_pledge(
            "Medborgarlöften Ort 2018",
            next.period,
            "LPO Ort",
            "Orts kommun",
        );
        assert_eq!(fresh.parties.len(), 2);
        assert!(fresh.commitments.is_empty());
    }
}
