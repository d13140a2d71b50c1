//! Meeting files: the sample's history of assessments and action items, a
//! new meeting built from earlier ones, and every meeting validation rule
//! with its exact file, line and column.

use medborgarlofte::model::fingerprint::Fingerprint;
use medborgarlofte::model::meeting::{
    ActionStatus, Assessment, ItemKind, Meeting, MeetingState, actions_before, assessment_history,
    latest_assessment, open_actions,
};
use medborgarlofte::model::{CommitmentId, Date, ProblemKind, Severity};
use medborgarlofte::sample;
use medborgarlofte::store::{self, Inputs, Loaded, Source};

fn d(text: &str) -> Date {
    text.parse().expect("valid date")
}

fn sample_loaded() -> Loaded {
    store::load(sample::karlstad(), d("2026-01-01"))
}

#[test]
fn the_sample_meetings_load_without_problems_in_date_order() {
    let loaded = sample_loaded();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let dates: Vec<String> = loaded.meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(
        dates,
        ["2016-12-08", "2017-03-16", "2017-06-15", "2017-09-28"]
    );
    assert!(
        loaded
            .meetings
            .iter()
            .all(|m| m.state == MeetingState::Justerat)
    );
    // Every meeting takes up all eleven commitments.
    assert!(loaded.meetings.iter().all(|m| m.reviews().count() == 11));
}

#[test]
fn a_delayed_commitment_is_later_done_and_one_is_not_done_with_a_reason() {
    let loaded = sample_loaded();
    let k1: Vec<Assessment> = assessment_history(&loaded.meetings, &CommitmentId::new("K1"))
        .iter()
        .map(|r| r.assessment)
        .collect();
    assert_eq!(
        k1,
        [
            Assessment::Forsenad,
            Assessment::Forsenad,
            Assessment::Forsenad,
            Assessment::Genomford
        ]
    );
    let k4 = latest_assessment(&loaded.meetings, &CommitmentId::new("K4"), d("2017-09-30"))
        .expect("K4 assessed");
    assert_eq!(k4.assessment, Assessment::EjGenomford);
    assert!(k4.reason.is_some_and(|r| r.contains("kursledare")));
    // Before the first meeting there is no assessment; in July the June one counts.
    assert!(
        latest_assessment(&loaded.meetings, &CommitmentId::new("K1"), d("2016-11-01")).is_none()
    );
    let july = latest_assessment(&loaded.meetings, &CommitmentId::new("K1"), d("2017-07-01"));
    assert_eq!(july.map(|r| r.date), Some(d("2017-06-15")));
}

#[test]
fn action_items_are_carried_until_closed() {
    let loaded = sample_loaded();
    let ids = |date: &str| -> Vec<String> {
        open_actions(&loaded.meetings, d(date))
            .iter()
            .map(|a| a.id.to_string())
            .collect()
    };
    assert_eq!(ids("2017-03-16"), ["A1", "A2", "A3"]);
    assert_eq!(ids("2017-06-15"), ["A3", "A4"]);
    assert_eq!(ids("2017-09-28"), ["A3", "A5"]);
    assert!(ids("2017-10-01").is_empty());
    let all = actions_before(&loaded.meetings, d("2017-10-01"));
    let a3 = all.iter().find(|s| s.item.id.as_str() == "A3").expect("A3");
    assert_eq!(a3.status, ActionStatus::Struken);
    assert_eq!(a3.created, d("2016-12-08"));
    assert_eq!(a3.closed, Some(d("2017-09-28")));
}

#[test]
fn a_new_meeting_carries_participants_open_actions_and_all_commitments() {
    let loaded = sample_loaded();
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let next = Meeting::after(pledge, &loaded.meetings, d("2017-06-15"), "Möte".into());
    // Participants of the March meeting, all marked present (Sandberg was excused).
    assert_eq!(next.participants.len(), 5);
    assert!(next.participants.iter().all(|p| !p.excused));
    let carried: Vec<&str> = next
        .action_updates
        .iter()
        .map(|u| u.action.as_str())
        .collect();
    assert_eq!(carried, ["A3", "A4"]);
    assert!(
        next.action_updates
            .iter()
            .all(|u| u.status == ActionStatus::Oppen)
    );
    assert_eq!(next.reviews().count(), pledge.commitments.len());
    assert!(matches!(
        next.items.first().map(|i| &i.kind),
        Some(ItemKind::Oppnande)
    ));
    assert!(matches!(
        next.items.last().map(|i| &i.kind),
        Some(ItemKind::Avslutning)
    ));
    assert_eq!(next.state, MeetingState::Utkast);
    assert_eq!(next.place, "Polishuset, Karlstad");
}

const PLEDGE: &str = r#"(
    version: 1,
    title: "Testlöfte",
    parties: [
        (id: "polis", name: "LPO Test", kind: Polis),
        (id: "kommun", name: "Testkommun", kind: Kommun),
    ],
    convener: "polis",
    communication_lead: "polis",
    period: (start: "2016-10-01", end: "2017-09-30"),
    problem_areas: [(number: 3, title: "Narkotika", focus: true)],
    commitments: [
        (id: "G1", text: "Gemensamma tillsyner.", owners: ["polis", "kommun"]),
        (id: "P4", text: "Beivra förtäring.", owners: ["polis"]),
    ],
)
"#;

const FIRST: &str = r#"(
    version: 1,
    title: "Möte 1",
    date: "2016-12-08",
    place: "Polishuset",
    state: Avslutat,
    participants: [
        (name: "Anna Test", organisation: Part("polis"), role: Ordforande),
        (name: "Bo Test", organisation: Part("kommun"), role: Sekreterare),
    ],
    items: [
        (kind: Atagande(commitment: "G1", assessment: Genomford)),
    ],
    actions: [
        (id: "A1", text: "Gör något", responsible: "Anna Test", party: "polis", due: "2017-01-31"),
    ],
)
"#;

fn load(second: &str) -> Loaded {
    store::load(
        Inputs {
            pledge: Source::from_text("mapp/pledge.ron", PLEDGE),
            activities: Vec::new(),
            meetings: vec![
                Source::from_text("mapp/meetings/2016-12-08.ron", FIRST),
                Source::from_text("mapp/meetings/2017-03-16.ron", second),
            ],
        },
        d("2017-06-01"),
    )
}

/// Line and column (1-based, in characters) of the only occurrence of `needle`.
fn pos(text: &str, needle: &str) -> (usize, usize) {
    assert_eq!(text.matches(needle).count(), 1, "{needle:?} must be unique");
    let offset = text.find(needle).expect("present");
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn second(body: &str) -> String {
    format!(
        "(\n    version: 1,\n    title: \"Möte 2\",\n    date: \"2017-03-16\",\n    place: \"Polishuset\",\n    \
         participants: [(name: \"Anna Test\", organisation: Part(\"polis\"), role: Ordforande)],\n{body})\n"
    )
}

fn only(loaded: &Loaded, pred: impl Fn(&ProblemKind) -> bool) -> &medborgarlofte::model::Problem {
    let found: Vec<_> = loaded.problems.iter().filter(|p| pred(&p.kind)).collect();
    assert_eq!(found.len(), 1, "problems: {:#?}", loaded.problems);
    found[0]
}

#[test]
fn a_valid_second_meeting_has_no_problems() {
    let text = second(
        "    action_updates: [(action: \"A1\", status: Klar)],\n    items: [(kind: Atagande(commitment: \"P4\", assessment: Forsenad))],\n",
    );
    let loaded = load(&text);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert_eq!(loaded.meetings.len(), 2);
}

#[test]
fn an_unknown_commitment_on_the_agenda_is_located_with_a_suggestion() {
    let text = second("    items: [(kind: Atagande(commitment: \"P5\"))],\n");
    let loaded = load(&text);
    let p = only(&loaded, |k| {
        matches!(k, ProblemKind::UnknownCommitment { .. })
    });
    assert_eq!(p.file, "mapp/meetings/2017-03-16.ron");
    assert_eq!((p.line, p.col), pos(&text, "\"P5\""));
    assert_eq!(p.message(), "okänt åtagande \"P5\" — menade du \"P4\"?");
    assert_eq!(p.severity, Severity::Fel);
}

#[test]
fn figures_kept_for_an_unknown_commitment_are_located_with_a_suggestion() {
    let text = second(
        "    state: Avslutat,\n    snapshots: [\n        (commitment: \"P4\", snapshot: (as_of: \"2017-03-16\", reported: 3, unit: \"ingripanden\", reports: 3, measured: Kvalitativ)),\n        (commitment: \"P5\", snapshot: (as_of: \"2017-03-16\", reported: 0, reports: 0, measured: IngaRapporter)),\n    ],\n",
    );
    let loaded = load(&text);
    let p = only(&loaded, |k| {
        matches!(k, ProblemKind::UnknownCommitment { .. })
    });
    assert_eq!(p.file, "mapp/meetings/2017-03-16.ron");
    assert_eq!((p.line, p.col), pos(&text, "\"P5\""));
    assert_eq!(p.message(), "okänt åtagande \"P5\" — menade du \"P4\"?");
    assert_eq!(p.severity, Severity::Fel);
}

#[test]
fn not_done_without_a_reason_is_an_error() {
    let text =
        second("    items: [(kind: Atagande(commitment: \"P4\", assessment: EjGenomford))],\n");
    let loaded = load(&text);
    let p = only(&loaded, |k| matches!(k, ProblemKind::ReasonMissing(_)));
    assert_eq!((p.line, p.col), pos(&text, "EjGenomford"));
    assert_eq!(
        p.message(),
        "bedömningen \"ej genomförd\" kräver ett skäl; skriv det i reason"
    );
    let with_reason = second(
        "    items: [(kind: Atagande(commitment: \"P4\", assessment: EjGenomford, reason: \"Ingen personal.\"))],\n",
    );
    assert!(load(&with_reason).problems.is_empty());
}

#[test]
fn action_problems_are_located() {
    let text = second(
        "    action_updates: [(action: \"A2\", status: Klar)],\n    actions: [\n        (id: \"A1\", text: \"Igen\", responsible: \"Okänd Person\", party: \"polisen\", due: \"2017-01-01\"),\n    ],\n",
    );
    let loaded = load(&text);
    let unknown = only(&loaded, |k| matches!(k, ProblemKind::UnknownAction { .. }));
    assert_eq!((unknown.line, unknown.col), pos(&text, "\"A2\""));
    assert_eq!(
        unknown.message(),
        "okänd åtgärd \"A2\"; den finns inte i något tidigare möte — menade du \"A1\"?"
    );
    let dup = only(&loaded, |k| matches!(k, ProblemKind::DuplicateId { .. }));
    assert_eq!((dup.line, dup.col), pos(&text, "\"A1\""));
    assert!(
        dup.message().contains("mapp/meetings/2016-12-08.ron:"),
        "{}",
        dup.message()
    );
    let party = only(&loaded, |k| matches!(k, ProblemKind::UnknownParty { .. }));
    assert_eq!((party.line, party.col), pos(&text, "\"polisen\""));
    let due = only(&loaded, |k| {
        matches!(k, ProblemKind::DueBeforeMeeting { .. })
    });
    assert_eq!(due.severity, Severity::Varning);
    assert_eq!((due.line, due.col), pos(&text, "\"2017-01-01\""));
    assert_eq!(
        due.message(),
        "åtgärden ska vara klar 2017-01-01, före mötet 2017-03-16 där den beslutades"
    );
    let who = only(&loaded, |k| matches!(k, ProblemKind::UnknownParticipant(_)));
    assert_eq!(who.severity, Severity::Varning);
    assert_eq!((who.line, who.col), pos(&text, "\"Okänd Person\""));
}

#[test]
fn a_participant_from_an_unknown_party_and_a_bad_time_are_reported() {
    let text = "(\n    version: 1,\n    title: \"Möte 2\",\n    date: \"2017-03-16\",\n    start: \"25:00\",\n    place: \"Polishuset\",\n)\n";
    let loaded = load(text);
    let p = only(&loaded, |k| matches!(k, ProblemKind::Syntax(_)));
    assert_eq!(p.line, 5);
    assert!(
        p.message().contains("\"25:00\" är ingen tid"),
        "{}",
        p.message()
    );

    let text = second("").replace("Part(\"polis\")", "Part(\"polisen\")");
    let loaded = load(&text);
    let p = only(&loaded, |k| matches!(k, ProblemKind::UnknownParty { .. }));
    assert_eq!((p.line, p.col), pos(&text, "Part(\"polisen\")"));
}

#[test]
fn every_sample_meeting_survives_a_save_and_load_round_trip() {
    let loaded = sample_loaded();
    let texts: Vec<Source> = loaded
        .meetings
        .iter()
        .map(|meeting| {
            let text = store::meeting_to_ron(meeting).expect("serialises");
            assert!(
                text.contains("Atagande(\n"),
                "newtype variants unwrapped:\n{text}"
            );
            Source::from_text(format!("{}.ron", meeting.date), text)
        })
        .collect();
    let again = store::load(
        Inputs {
            pledge: sample::karlstad().pledge,
            activities: Vec::new(),
            meetings: texts,
        },
        d("2026-01-01"),
    );
    assert!(again.problems.is_empty(), "{:#?}", again.problems);
    assert_eq!(again.meetings, loaded.meetings);
}

#[test]
fn saving_keeps_a_backup_and_never_overwrites_a_file_changed_by_someone_else() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("2017-03-16.ron");
    let loaded = sample_loaded();
    let mut meeting = loaded.meetings[1].clone();
    // A new file: written; saving "new" again over it is a conflict.
    store::save_meeting(&path, &meeting, None).expect("new file saved");
    let first = std::fs::read_to_string(&path).expect("read");
    assert!(matches!(
        store::save_meeting(&path, &meeting, None),
        Err(store::SaveError::Conflict { .. })
    ));
    // Saved over what was read: the previous version becomes the backup.
    meeting.place = "Stadshuset".into();
    store::save_meeting(&path, &meeting, Some(&first)).expect("saved");
    assert_eq!(
        std::fs::read_to_string(store::backup_path(&path)).expect("backup"),
        first
    );
    let second = std::fs::read_to_string(&path).expect("read");
    assert!(second.contains("Stadshuset"));
    // Someone else saves meanwhile: our save is refused and their file stays.
    std::fs::write(&path, second.replace("Stadshuset", "Rådhuset")).expect("other edit");
    meeting.place = "Polishuset".into();
    let err = store::save_meeting(&path, &meeting, Some(&second)).expect_err("conflict");
    assert!(
        err.to_string().contains("har ändrats av någon annan"),
        "{err}"
    );
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("Rådhuset")
    );
    // Backup files are not read as meetings.
    let folder = dir.path().join("pledge");
    std::fs::create_dir_all(folder.join("meetings")).expect("dir");
    std::fs::write(folder.join("pledge.ron"), sample::files()[0].1).expect("pledge");
    std::fs::copy(&path, folder.join("meetings/2017-03-16.ron")).expect("copy");
    std::fs::copy(
        store::backup_path(&path),
        folder.join("meetings/2017-03-16.ron.bak"),
    )
    .expect("copy");
    let inputs = Inputs::open(&folder, &[]).expect("opens");
    assert_eq!(inputs.meetings.len(), 1);
}

#[test]
fn a_personnummer_in_a_decision_is_an_error() {
    let text = second("    items: [(kind: Oppnande, decisions: [\"ge 811218-9876 ordet\"])],\n");
    let loaded = load(&text);
    let p = only(&loaded, |k| matches!(k, ProblemKind::IdentityNumber { .. }));
    assert_eq!((p.line, p.col), pos(&text, "\"ge 811218-9876 ordet\""));
    assert_eq!(p.severity, Severity::Fel);
    // A number with a wrong check digit is not one.
    let fine = second("    items: [(kind: Oppnande, decisions: [\"ge 811218-9875 ordet\"])],\n");
    assert!(load(&fine).problems.is_empty());
}

/// The sample's meetings loaded again from text, with `changed` in place
/// of the sample's meeting on its date (the others keep its action items
/// known).
fn reload_with(changed: &Meeting) -> Loaded {
    let texts: Vec<Source> = sample_loaded()
        .meetings
        .iter()
        .map(|m| if m.date == changed.date { changed } else { m })
        .map(|m| {
            Source::from_text(
                format!("{}.ron", m.date),
                store::meeting_to_ron(m).expect("serialises"),
            )
        })
        .collect();
    store::load(
        Inputs {
            pledge: sample::karlstad().pledge,
            activities: Vec::new(),
            meetings: texts,
        },
        d("2026-01-01"),
    )
}

#[test]
fn a_snapshot_keeps_its_qualifier_through_save_and_load() {
    use medborgarlofte::model::Qualifier;
    let loaded = sample_loaded();
    // Files written before the field existed load as exact figures, which
    // is what they printed.
    assert!(
        loaded
            .meetings
            .iter()
            .flat_map(Meeting::reviews)
            .filter_map(|r| r.snapshot.as_ref())
            .all(|s| s.qualifier == Qualifier::Exakt)
    );
    let mut meeting = loaded.meetings[1].clone();
    let snapshot = meeting
        .items
        .iter_mut()
        .find_map(|i| match &mut i.kind {
            ItemKind::Atagande(r) => r.snapshot.as_mut(),
            _ => None,
        })
        .expect("a snapshot");
    snapshot.qualifier = Qualifier::Minst;
    // Justerat again with the change, as the app would after a reopening.
    meeting.fingerprint = Some(Fingerprint::of(&meeting));
    let text = store::meeting_to_ron(&meeting).expect("serialises");
    assert_eq!(text.matches("qualifier: Minst").count(), 1, "{text}");
    assert!(
        !text.contains("qualifier: Exakt"),
        "exact is the default and left out"
    );
    let again = reload_with(&meeting);
    assert!(again.problems.is_empty(), "{:#?}", again.problems);
    assert_eq!(again.meetings[1], meeting);
}

#[test]
fn the_figures_kept_at_conclusion_survive_save_and_load() {
    use medborgarlofte::model::meeting::CommitmentSnapshot;
    let loaded = sample_loaded();
    let pledge = loaded.pledge.as_ref().expect("pledge");
    let mut meeting = loaded.meetings[2].clone();
    let status = medborgarlofte::status::compute(pledge, &loaded.activities, meeting.date);
    meeting.snapshots = status.snapshots();
    // Justerat again with the figures, as the app would after a reopening.
    meeting.fingerprint = Some(Fingerprint::of(&meeting));
    assert_eq!(meeting.snapshots.len(), 11);
    assert!(
        meeting
            .snapshots
            .iter()
            .zip(&pledge.commitments)
            .all(|(s, c): (&CommitmentSnapshot, _)| s.commitment == c.id
                && s.snapshot.as_of == meeting.date)
    );
    let text = store::meeting_to_ron(&meeting).expect("serialises");
    assert!(text.contains("snapshots: ["), "{text}");
    let again = reload_with(&meeting);
    assert!(again.problems.is_empty(), "{:#?}", again.problems);
    assert_eq!(again.meetings[2], meeting);
}
