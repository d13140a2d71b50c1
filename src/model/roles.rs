//! Who is who in a pledge: the parties that signed it, the parties that
//! carry out work without having signed, and a commitment's lead party and
//! other actors — with the one Swedish phrasing that the app's detail
//! panel, the minutes and the public report share.
//!
//! A pledge is signed by some of its parties (`Party::signed`); others (a
//! housing company, a city-centre association) may do part of the work
//! without signing it. Listing them all as signatories would tell citizens
//! something the pledge does not say.

use crate::format;

use super::date::Span;
use super::pledge::{Commitment, Party, Pledge};

/// The label for a commitment's lead party: "Leds av".
pub const LEAD_LABEL: &str = "Leds av";

/// The label for those who carry out work without having signed:
/// "Genomförs också av".
pub const ALSO_LABEL: &str = "Genomförs också av";

/// The parties that signed the pledge, in pledge order.
pub fn signers(pledge: &Pledge) -> Vec<&Party> {
    pledge.parties.iter().filter(|p| p.signed).collect()
}

/// The parties that take part without having signed, in pledge order.
/// Empty while no party has signed: then the pledge itself is not signed
/// yet (a renewal being prepared), and its parties are not "others".
pub fn non_signers(pledge: &Pledge) -> Vec<&Party> {
    if pledge.parties.iter().any(|p| p.signed) {
        pledge.parties.iter().filter(|p| !p.signed).collect()
    } else {
        Vec::new()
    }
}

/// The names to head a document with: the signatories, or every party of
/// a pledge not signed yet.
pub fn letterhead(pledge: &Pledge) -> Vec<String> {
    let signed = signers(pledge);
    let parties = if signed.is_empty() {
        pledge.parties.iter().collect()
    } else {
        signed
    };
    parties.into_iter().map(|p| p.name.clone()).collect()
}

/// "Undertecknat av LPO Karlstad och Karlstads kommun (2016-09-15)", the
/// date left out when it is not known; "Ännu inte undertecknat" without
/// signatories.
pub fn signed_words<S: AsRef<str>>(signatories: &[S], signed: Option<Span>) -> String {
    if signatories.is_empty() {
        return "Ännu inte undertecknat".to_owned();
    }
    let names = format::list(signatories);
    match signed {
        // With the precision the pledge gives: "(mars 2019)", never an
        // invented day.
        Some(date) => format!("Undertecknat av {names} ({})", date.words()),
        None => format!("Undertecknat av {names}"),
    }
}

/// "Genomförs också av Räddningstjänsten och Bostadsbolaget"; `None` when
/// there is no one.
pub fn also_words<S: AsRef<str>>(others: &[S]) -> Option<String> {
    (!others.is_empty()).then(|| format!("{ALSO_LABEL} {}", format::list(others)))
}

/// The pledge's roles in one or two sentences: "Undertecknat av A och B
/// (2016-09-15). Genomförs också av C."
pub fn pledge_words(pledge: &Pledge) -> String {
    let signed: Vec<&str> = signers(pledge).iter().map(|p| p.name.as_str()).collect();
    let others: Vec<&str> = non_signers(pledge)
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    sentences(&signed, pledge.period.signed, &others)
}

/// [`pledge_words`] from the names: the signatories, the signing date and
/// the parties that take part without signing.
pub fn sentences<S: AsRef<str>, T: AsRef<str>>(
    signatories: &[S],
    signed: Option<Span>,
    others: &[T],
) -> String {
    let mut text = format!("{}.", signed_words(signatories, signed));
    if let Some(also) = also_words(others) {
        text.push(' ');
        text.push_str(&also);
        text.push('.');
    }
    text
}

/// The name of a commitment's lead party (its id when the party is unknown).
pub fn lead_name(pledge: &Pledge, commitment: &Commitment) -> Option<String> {
    let lead = commitment.lead.as_ref()?;
    Some(
        pledge
            .party(lead)
            .map_or_else(|| lead.to_string(), |p| p.name.clone()),
    )
}

/// A commitment's other actors, trimmed, empty ones left out.
pub fn other_actors(commitment: &Commitment) -> Vec<String> {
    commitment
        .other_actors
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .map(ToOwned::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, PartyId, PartyKind};

    fn party(id: &str, name: &str, signed: bool) -> Party {
        Party {
            id: PartyId::new(id),
            name: name.into(),
            kind: PartyKind::Annan("part".into()),
            signed,
        }
    }

    /// The Karlstad sample with other parties (struct literals would break
    /// whenever the model grows a field).
    fn pledge(parties: Vec<Party>, signed: Option<Date>) -> Pledge {
        let loaded = crate::store::load(
            crate::sample::karlstad(),
            Date::from_ymd(2026, 1, 1).expect("valid"),
        );
        let mut pledge = loaded.pledge.expect("the sample pledge");
        pledge.parties = parties;
        pledge.period.signed = signed.map(Span::day);
        pledge
    }

    #[test]
    fn signatories_and_other_performers_are_told_apart() {
        let p = pledge(
            vec![
                party("polisen", "LPO Vingåker", true),
                party("kommunen", "Vingåkers kommun", true),
                party("bolaget", "Bostadsbolaget", false),
            ],
            Date::from_ymd(2017, 1, 10),
        );
        assert_eq!(
            pledge_words(&p),
            "Undertecknat av LPO Vingåker och Vingåkers kommun (2017-01-10). \
             Genomförs också av Bostadsbolaget."
        );
        assert_eq!(letterhead(&p), ["LPO Vingåker", "Vingåkers kommun"]);
        let three = pledge(
            vec![
                party("a", "A", true),
                party("b", "B", true),
                party("c", "C", true),
            ],
            None,
        );
        assert_eq!(pledge_words(&three), "Undertecknat av A, B och C.");
        // "Undertecknat i februari 2019": the month, never an invented day.
        let mut month = three.clone();
        month.period.signed = "2019-02".parse().ok();
        assert_eq!(
            pledge_words(&month),
            "Undertecknat av A, B och C (februari 2019)."
        );
    }

    #[test]
    fn a_pledge_nobody_has_signed_yet_says_so_and_heads_with_every_party() {
        let p = pledge(
            vec![party("a", "Polisen", false), party("b", "Kommunen", false)],
            None,
        );
        assert!(non_signers(&p).is_empty());
        assert_eq!(pledge_words(&p), "Ännu inte undertecknat.");
        assert_eq!(letterhead(&p), ["Polisen", "Kommunen"]);
    }

    #[test]
    fn a_commitments_lead_and_other_actors() {
        let p = pledge(vec![party("polisen", "LPO Luleå", true)], None);
        let mut c = p.commitments[0].clone();
        c.lead = Some(PartyId::new("polisen"));
        c.other_actors = vec!["Systembolaget".into(), " ".into(), " BC Luleå ".into()];
        assert_eq!(lead_name(&p, &c).as_deref(), Some("LPO Luleå"));
        let others = other_actors(&c);
        assert_eq!(others, ["Systembolaget", "BC Luleå"]);
        assert_eq!(
            also_words(&others).as_deref(),
            Some("Genomförs också av Systembolaget och BC Luleå")
        );
        c.lead = Some(PartyId::new("okand"));
        assert_eq!(lead_name(&p, &c).as_deref(), Some("okand"));
        c.lead = None;
        assert_eq!(lead_name(&p, &c), None);
        assert_eq!(also_words::<String>(&[]), None);
    }
}
