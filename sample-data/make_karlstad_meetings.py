#!/usr/bin/env python3
"""Writes the four sample follow-up meetings of the Karlstad 2016-17 sample.

The content (participants, assessments, decisions, action items) is written
here by hand; the status snapshots are taken from `medborgarlofte status` at
each meeting date, so they agree with the synthetic activity reports.
All names are invented; no real persons.

    cargo build --release && python3 sample-data/make_karlstad_meetings.py
"""

import json
import pathlib
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
FOLDER = HERE / "karlstad-2016-17"
BIN = HERE.parent / "target" / "release" / "medborgarlofte"

STATUS_KEYS = {
    "no_reports": "IngaRapporter",
    "behind": "EfterPlan",
    "on_track": "EnligtPlan",
    "achieved": "Uppnatt",
    "qualitative": "Kvalitativ",
}

PEOPLE = {
    "berglund": ("Anna Berglund", "kommunpolis", 'Part("lpo-karlstad")'),
    "ek": ("Maria Ek", "områdespolis", 'Part("lpo-karlstad")'),
    "nystrom": ("Sara Nyström", "trygghetssamordnare", 'Part("karlstads-kommun")'),
    "holm": ("Erik Holm", "alkoholhandläggare", 'Part("karlstads-kommun")'),
    "sandberg": ("Peter Sandberg", "förebyggande enheten", 'Part("karlstads-kommun")'),
    "dahl": ("Lena Dahl", "länssamordnare ANDT", 'Annan("Länsstyrelsen Värmland")'),
}


def q(text):
    return json.dumps(text, ensure_ascii=False)


def number(x):
    return f"{x:g}" if abs(x - round(x)) > 1e-9 else str(int(round(x)))


def snapshots(date):
    out = subprocess.run(
        [str(BIN), "status", str(FOLDER), "--as-of", date, "--format", "json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result = {}
    for c in json.loads(out)["commitments"]:
        fields = [f'as_of: "{date}"', f"reported: {number(round(c['reported'], 1))}"]
        if c["unit"]:
            fields.append(f"unit: {q(c['unit'])}")
        fields.append(f"reports: {c['reports']}")
        if c["expected"] is not None:
            fields.append(f"expected: {number(round(c['expected'], 1))}")
        if c["target"] and c["target"]["full_amount"] is not None:
            fields.append(f"target: {number(round(c['target']['full_amount'], 1))}")
        fields.append(f"measured: {STATUS_KEYS[c['measured_status']]}")
        result[c["id"]] = "(" + ", ".join(fields) + ")"
    return result


def participants(entries):
    lines = []
    for key, role, *rest in entries:
        name, title, org = PEOPLE[key]
        excused = ", excused: true" if rest and rest[0] == "excused" else ""
        lines.append(
            f"        (name: {q(name)}, title: {q(title)}, organisation: {org}, role: {role}{excused}),"
        )
    return "\n".join(lines)


def item(kind, discussion="", decisions=(), handled=True):
    parts = [f"kind: {kind}"]
    if handled:
        parts.append("handled: true")
    if discussion:
        parts.append(f"discussion: {q(discussion)}")
    if decisions:
        inner = ", ".join(q(d) for d in decisions)
        parts.append(f"decisions: [{inner}]")
    return "        (" + ", ".join(parts) + "),"


def review(snap, cid, assessment, discussion, decisions=(), reason=None):
    fields = [f'commitment: "{cid}"', f"assessment: {assessment}"]
    if reason:
        fields.append(f"reason: {q(reason)}")
    fields.append(f"snapshot: {snap[cid]}")
    return item("Atagande(" + ", ".join(fields) + ")", discussion, decisions)


def action(aid, text, who, party, due):
    return (
        f'        (id: "{aid}", text: {q(text)}, responsible: {q(PEOPLE[who][0])}, '
        f'party: "{party}", due: "{due}"),'
    )


def update(aid, status, note):
    return f'        (action: "{aid}", status: {status}, note: {q(note)}),'


def meeting(date, number_, start, end, people, items, updates, actions, next_, adjust):
    lines = [
        "#![enable(implicit_some)]",
        "// EXEMPELDATA: påhittat uppföljningsmöte för exemplet; personerna finns inte.",
        "(",
        "    version: 1,",
        f'    title: "Uppföljningsmöte {number_} – medborgarlöften Karlstad 2016–2017",',
        f'    date: "{date}",',
        f'    start: "{start}",',
        f'    end: "{end}",',
        '    place: "Polishuset, Karlstad",',
        "    state: Justerat,",
        "    participants: [",
        participants(people),
        "    ],",
        "    items: [",
        *items,
        "    ],",
    ]
    if updates:
        lines += ["    action_updates: [", *updates, "    ],"]
    if actions:
        lines += ["    actions: [", *actions, "    ],"]
    if next_:
        lines.append(
            f'    next_meeting: (date: "{next_[0]}", time: "{next_[1]}", place: "Polishuset, Karlstad"),'
        )
    lines.append(f'    adjustment: (place: "Karlstad", date: "{adjust}"),')
    lines.append(")")
    return "\n".join(lines) + "\n"


OPENING = [
    item("Oppnande", decisions=["förklara mötet öppnat"]),
    item("ValAvJusterare", decisions=["utse Erik Holm att jämte ordföranden justera protokollet"]),
    item("Dagordning", decisions=["godkänna dagordningen"]),
]


def closing(next_text):
    return [
        item("OvrigaFragor", "Inga övriga frågor anmäldes."),
        item("NastaMote", decisions=[next_text]),
        item("Avslutning", decisions=["förklara mötet avslutat"]),
    ]


def main():
    meetings_dir = FOLDER / "meetings"
    meetings_dir.mkdir(exist_ok=True)
    base = [
        ("berglund", "Ordforande"),
        ("nystrom", "Sekreterare"),
        ("holm", "Justerare"),
        ("ek", "Ledamot"),
        ("sandberg", "Ledamot"),
    ]

    s = snapshots("2016-12-08")
    dec = meeting(
        "2016-12-08", 1, "13:00", "14:30",
        base + [("dahl", "Adjungerad")],
        OPENING
        + [item("ForegaendeAtgarder", "Första uppföljningsmötet; inga tidigare åtgärder.")]
        + [
            review(s, "G1", "PagarEnligtPlan", "Tillsynerna kom i gång i oktober i samband med terminsstarten.",
                   ["fortsätta med minst två gemensamma tillsyner i månaden"]),
            review(s, "G2", "PagarEnligtPlan", "Samverkansmöten om ungdomsärenden hålls varannan vecka."),
            review(s, "G3", "PagarEnligtPlan", "Lägesbilder utbyts på veckomötet."),
            review(s, "P1", "PagarEnligtPlan", "Fotpatrullering enligt plan, främst helgkvällar."),
            review(s, "P2", "Forsenad", "Få insatser hittills; underrättelseläget har inte medgett fler.",
                   ["be LPO redovisa planerade insatser till nästa möte"],
                   reason="Underrättelseläget har inte medgett fler insatser."),
            review(s, "P3", "PagarEnligtPlan", "Polisen deltar i kommunens tillsyner."),
            review(s, "P4", "PagarEnligtPlan", "Kontroller mot langning vid skolavslutningar planeras."),
            review(s, "K1", "Forsenad", "Tillsynerna ligger efter plan på grund av vakans.",
                   ["tillsätta vakansen på alkoholhandläggningen under januari"],
                   reason="Vakans på alkoholhandläggningen under hösten."),
            review(s, "K2", "PagarEnligtPlan", "Första kampanjen genomförd i november."),
            review(s, "K3", "PagarEnligtPlan", "Föräldramöten inbokade under våren."),
            review(s, "K4", "Forsenad", "Ingen utbildning i ansvarsfull alkoholservering ännu; kursledare söks.",
                   reason="Kursledare saknas för utbildningen i ansvarsfull alkoholservering."),
        ]
        + closing("hålla nästa möte den 16 mars 2017 kl. 13.00"),
        [],
        [
            action("A1", "Redovisa planerade narkotikainsatser mot ungdomar", "ek", "lpo-karlstad", "2017-03-16"),
            action("A2", "Tillsätta vakansen på alkoholhandläggningen", "holm", "karlstads-kommun", "2017-01-31"),
            action("A3", "Ta fram kursledare för utbildning i ansvarsfull alkoholservering", "sandberg",
                   "karlstads-kommun", "2017-02-28"),
        ],
        ("2017-03-16", "13:00"),
        "2016-12-15",
    )

    s = snapshots("2017-03-16")
    mar = meeting(
        "2017-03-16", 2, "13:00", "15:00",
        base[:4] + [("sandberg", "Ledamot", "excused")],
        OPENING
        + [item("ForegaendeAtgarder", "A2 är klar: handläggaren började i februari. A1 redovisades muntligt. "
                "A3 är inte klar; kursledare saknas fortfarande.",
                ["anse A1 och A2 avslutade", "föra A3 vidare till nästa möte"])]
        + [
            review(s, "G1", "PagarEnligtPlan", "Tillsynerna ligger över plan.", ),
            review(s, "G2", "PagarEnligtPlan", ""),
            review(s, "G3", "PagarEnligtPlan", ""),
            review(s, "P1", "PagarEnligtPlan", "Något under förväntat efter en kall februari."),
            review(s, "P2", "Forsenad", "Två insatser hittills. Målet gäller om underrättelseläget medger det.",
                   ["följa upp P2 särskilt vid nästa möte"],
                   reason="Underrättelseläget har bara medgett två insatser."),
            review(s, "P3", "PagarEnligtPlan", ""),
            review(s, "P4", "PagarEnligtPlan", ""),
            review(s, "K1", "Forsenad", "Tillsynerna har ökat sedan vakansen tillsattes men ligger fortfarande efter.",
                   ["öka takten till minst 15 tillsyner i månaden under våren"],
                   reason="Vakansen tillsattes först i februari; takten ökar men ligger efter planen."),
            review(s, "K2", "PagarEnligtPlan", ""),
            review(s, "K3", "PagarEnligtPlan", ""),
            review(s, "K4", "Forsenad", "Utbildningen är inte genomförd; kursledare saknas.",
                   reason="Kursledare saknas fortfarande."),
        ]
        + closing("hålla nästa möte den 15 juni 2017 kl. 13.00"),
        [
            update("A1", "Klar", "redovisat vid mötet"),
            update("A2", "Klar", "handläggaren började i februari"),
            update("A3", "Oppen", "förs vidare"),
        ],
        [
            action("A4", "Ta fram plan för fler tillsyner under våren", "holm", "karlstads-kommun", "2017-04-15"),
        ],
        ("2017-06-15", "13:00"),
        "2017-03-23",
    )

    s = snapshots("2017-06-15")
    jun = meeting(
        "2017-06-15", 3, "13:00", "14:45",
        base,
        OPENING
        + [item("ForegaendeAtgarder", "A4 är klar. A3 kvarstår; ingen kursledare finns att tillgå före hösten.",
                ["anse A4 avslutad", "föra A3 vidare till nästa möte"])]
        + [
            review(s, "G1", "Genomford", "Helårsmålet är redan nått.",
                   ["fortsätta tillsynerna året ut"]),
            review(s, "G2", "PagarEnligtPlan", ""),
            review(s, "G3", "PagarEnligtPlan", ""),
            review(s, "P1", "PagarEnligtPlan", ""),
            review(s, "P2", "Forsenad", "Tre insatser; underrättelseläget har inte medgett fler.",
                   reason="Underrättelseläget har bara medgett tre insatser."),
            review(s, "P3", "PagarEnligtPlan", ""),
            review(s, "P4", "PagarEnligtPlan", "Kontroller vid skolavslutningen genomförda."),
            review(s, "K1", "Forsenad", "Takten har ökat men ligger under planen.",
                   reason="Takten har ökat men ligger under planen."),
            review(s, "K2", "PagarEnligtPlan", ""),
            review(s, "K3", "PagarEnligtPlan", ""),
            review(s, "K4", "Forsenad", "Ingen kursledare före hösten.",
                   reason="Ingen kursledare finns att tillgå före hösten."),
        ]
        + closing("hålla nästa möte den 28 september 2017 kl. 13.00"),
        [
            update("A3", "Oppen", "förs vidare; ingen kursledare före hösten"),
            update("A4", "Klar", "planen togs fram i april"),
        ],
        [
            action("A5", "Sammanställa underlag till slutrapporten till medborgarna", "berglund", "lpo-karlstad",
                   "2017-09-28"),
        ],
        ("2017-09-28", "13:00"),
        "2017-06-22",
    )

    s = snapshots("2017-09-28")
    sep = meeting(
        "2017-09-28", 4, "13:00", "15:30",
        base + [("dahl", "Adjungerad")],
        OPENING
        + [item("ForegaendeAtgarder", "A5 är klar. A3 stryks: utbildningen flyttas till nästa löftesperiod.",
                ["anse A5 avslutad", "stryka A3"])]
        + [
            review(s, "G1", "Genomford", "Målet nåddes med god marginal."),
            review(s, "G2", "Genomford", "Samverkan om ungdomsärenden fungerar och fortsätter."),
            review(s, "G3", "Genomford", ""),
            review(s, "P1", "Genomford", ""),
            review(s, "P2", "Forsenad", "Fem av tolv planerade insatser; underrättelseläget medgav inte fler.",
                   ["redovisa skälen öppet i lägesrapporten till medborgarna"],
                   reason="Fem av tolv planerade insatser; underrättelseläget medgav inte fler."),
            review(s, "P3", "Genomford", ""),
            review(s, "P4", "Genomford", ""),
            review(s, "K1", "Genomford", "Helårsmålet nåddes i september efter den ökade takten under våren."),
            review(s, "K2", "PagarEnligtPlan", "Den sista kampanjen genomförs i oktober."),
            review(s, "K3", "Genomford", ""),
            review(s, "K4", "EjGenomford", "",
                   ["föra utbildningen i ansvarsfull alkoholservering till nästa löftesperiod"],
                   reason="Ingen kursledare fanns att tillgå under perioden; utbildningen flyttas till nästa "
                          "löftesperiod."),
        ]
        + closing("hålla nästa möte när det nya medborgarlöftet för 2018 har undertecknats"),
        [
            update("A3", "Struken", "utbildningen flyttas till nästa löftesperiod"),
            update("A5", "Klar", "underlaget är sammanställt"),
        ],
        [],
        None,
        "2017-10-05",
    )

    for date, text in [("2016-12-08", dec), ("2017-03-16", mar), ("2017-06-15", jun), ("2017-09-28", sep)]:
        (meetings_dir / f"{date}.ron").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
