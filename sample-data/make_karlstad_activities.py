#!/usr/bin/env python3
"""Writes the synthetic activity reports of the Karlstad 2016-17 sample.

The reports are invented (seeded, reproducible): a plausible year of work with
seasonal variation, one commitment behind plan (P2), one over-fulfilled (G1),
one with no reports (K4), a range report (K2) and a cumulative series (P4).
No persons, no individual cases. Run from this folder:
    python3 make_karlstad_activities.py
"""
import datetime as dt
import random

rng = random.Random(2016)
START, END = dt.date(2016, 10, 1), dt.date(2017, 9, 30)
PLACES_CENTRE = ["centrala Karlstad", "Stora torget", "Kungsgatan", "Drottninggatan"]
AREAS = ["Kronoparken", "Rud", "Orrholmen", "Våxnäs", "Herrhagen", "Gruvlyckan", "Sandbäcken"]
OUTLYING = ["Skåre", "Molkom", "Väse", "Vålberg", "Edsvalla"]
POLICE, MUNI = "lpo-karlstad", "karlstads-kommun"


def days():
    d = START
    while d <= END:
        yield d
        d += dt.timedelta(days=1)


def season(d):
    """More nightlife work at the university's autumn start, December and summer."""
    if d.month in (8, 9):
        return 1.8
    if d.month in (6, 7, 12):
        return 1.4
    if d.month in (1, 2):
        return 0.7
    return 1.0


def q(amount, unit, qualifier=None):
    if isinstance(amount, float) and amount.is_integer():
        amount = int(amount)
    s = f'quantity: (amount: {amount}, unit: "{unit}"'
    if qualifier:
        s += f", qualifier: {qualifier}"
    return s + ")"


def entry(date, commitments, party, quantity=None, place=None, note=None, until=None, cumulative=False):
    parts = [f'date: "{date.isoformat()}"']
    if until:
        parts.append(f'until: "{until.isoformat()}"')
    parts.append("commitments: [" + ", ".join(f'"{c}"' for c in commitments) + "]")
    parts.append(f'party: "{party}"')
    if quantity:
        parts.append(quantity)
    if place:
        parts.append(f'place: "{place}"')
    if note:
        parts.append(f'note: "{note}"')
    if cumulative:
        parts.append("cumulative: true")
    return "        (\n" + "".join(f"            {p},\n" for p in parts) + "        ),\n"


def write(path, reporter, note, entries):
    entries.sort(key=lambda e: e[0])
    with open(path, "w", encoding="utf-8") as f:
        f.write("#![enable(implicit_some)]\n")
        f.write("// SYNTETISKA DATA: påhittade aktivitetsrapporter för exemplet, inga verkliga händelser eller personer.\n")
        f.write("(\n    version: 1,\n")
        f.write(f'    reporter: "{reporter}",\n    note: "{note}",\n    entries: [\n')
        for _, text in entries:
            f.write(text)
        f.write("    ],\n)\n")
    print(path, len(entries), "entries")


police = []
# P1: foot patrols, about three patrols a week, 5-9 hours each.
for d in days():
    if rng.random() < 3 / 7:
        where = rng.choice([PLACES_CENTRE, AREAS, OUTLYING, PLACES_CENTRE])
        hours = rng.choice([5, 6, 6.5, 7, 7.5, 8, 9])
        note = rng.choice([None, None, "Kvällspass med två poliser.", "Dialog med näringsidkare och boende.", "Fokus på skolgårdar och centrumhållplatser."])
        police.append((d, entry(d, ["P1"], POLICE, q(float(hours), "timmar"), rng.choice(where), note)))
# P2: actions against drug dealing aimed at young people; clearly behind the planned 12.
for d, place in [(dt.date(2016, 11, 18), "centrala Karlstad"), (dt.date(2017, 2, 10), "Kronoparken"),
                 (dt.date(2017, 4, 21), "Rud"), (dt.date(2017, 6, 16), "centrala Karlstad"),
                 (dt.date(2017, 8, 25), "Orrholmen")]:
    police.append((d, entry(d, ["P2"], POLICE, q(1, "insatser"), place,
                            "Riktad insats utifrån underrättelseläget; resultat redovisas i antal, inte per person.")))
# G1 + P3: joint inspections of bars and nightclubs, Thursday-Saturday nights.
seen = set()
for d in days():
    if d.weekday() in (3, 4, 5) and rng.random() < 0.22 * season(d):
        place = rng.choice(PLACES_CENTRE)
        key = (d, place)
        if key in seen:
            continue
        seen.add(key)
        n = rng.choice([1, 1, 1, 2])
        note = rng.choice([None, "Gemensam tillsyn med kommunens alkoholhandläggare.",
                           "Berusningsnivån bedömd som hög vid stängning.", "Inga anmärkningar."])
        police.append((d, entry(d, ["G1", "P3"], POLICE, q(n, "tillsyner"), place, note)))
# P4: running total of interventions against drinking in the prohibited zone, reported monthly.
total = 0
month = dt.date(2016, 10, 1)
while month <= END:
    nxt = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    last = nxt - dt.timedelta(days=1)
    total += int(rng.randint(6, 14) * season(month))
    police.append((last, entry(last, ["P4"], POLICE, q(total, "ingripanden"), "förbudsområdet i centrala Karlstad",
                               "Löpande summa sedan periodens start (ackumulerad).", cumulative=True)))
    month = nxt
write("karlstad-2016-17/activities/polisen.ron", "LPO Karlstad, områdespolisverksamheten",
      "Syntetiska exempeldata för LPO Karlstad.", police)

muni = []
# K1: the municipality's own licensing inspections.
seen = set()
for d in days():
    if d.weekday() < 6 and rng.random() < 0.32 * season(d):
        place = rng.choice(PLACES_CENTRE + ["Våxnäs", "Herrhagen", "Skåre"])
        if (d, place) in seen:
            continue
        seen.add((d, place))
        n = rng.choice([1, 1, 2])
        note = rng.choice([None, "Tillsyn av ansvarsfull alkoholservering.", "Kontroll av överservering vid stängning.",
                           "Uppföljande tillsyn efter tidigare anmärkning."])
        muni.append((d, entry(d, ["K1"], MUNI, q(n, "tillsyner"), place, note)))
# K2: ANDT information campaigns; the summer campaign is a range report.
for d, place, note in [(dt.date(2016, 10, 20), "gymnasieskolor i Karlstad", "Kampanj om alkohol och narkotika inför höstlovet."),
                       (dt.date(2016, 12, 8), "centrala Karlstad", "Kampanj om langning inför jul och nyår."),
                       (dt.date(2017, 3, 15), "högstadieskolor i Karlstad", "ANDT-kampanj för föräldrar."),
                       (dt.date(2017, 8, 28), "Karlstads universitet", "Kampanj om ansvarsfull alkoholkonsumtion vid terminsstart.")]:
    muni.append((d, entry(d, ["K2"], MUNI, q(1, "kampanjer"), place, note)))
muni.append((dt.date(2017, 5, 1), entry(dt.date(2017, 5, 1), ["K2"], MUNI, q(1, "kampanjer"), "hela kommunen",
                                         "Sommarkampanj maj–juli om langning till unga (rapporterad som en period).",
                                         until=dt.date(2017, 7, 31))))
# K3: work with young people at risk, monthly aggregate figures (about).
month = dt.date(2016, 10, 1)
while month <= END:
    nxt = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    last = nxt - dt.timedelta(days=1)
    reached = rng.choice([30, 35, 40, 45, 50, 60])
    muni.append((last, entry(last, ["K3"], MUNI, q(reached, "personer nådda", "Cirka"), rng.choice(AREAS),
                             "Fältassistenternas uppsökande arbete; antal i grupp, inga enskilda ärenden.")))
    month = nxt
write("karlstad-2016-17/activities/kommunen.ron", "Karlstads kommun, alkoholhandläggning och förebyggande enheten",
      "Syntetiska exempeldata för Karlstads kommun.", muni)

joint = []
# G3: situation reports exchanged roughly every other week.
d = dt.date(2016, 10, 7)
while d <= END:
    joint.append((d, entry(d, ["G3"], POLICE, q(1, "lägesbilder"), "LPO Karlstad",
                           "Gemensam lägesbild om berusningsnivåer och oroshärdar.")))
    d += dt.timedelta(days=rng.choice([13, 14, 14, 15]))
# G2: cooperation meetings on youth cases.
for m in [10, 11, 12, 2, 3, 4, 5, 6, 8, 9]:
    y = 2016 if m >= 10 else 2017
    day = dt.date(y, m, rng.randint(8, 20))
    joint.append((day, entry(day, ["G2"], MUNI, q(1, "samverkansmöten"), "Karlstads kommun",
                             "Samverkansmöte socialtjänst–polis om rutiner för ungdomsärenden, på aggregerad nivå.")))
write("karlstad-2016-17/activities/gemensamt.ron", "Samverkansgruppen LPO Karlstad och Karlstads kommun",
      "Syntetiska exempeldata för gemensamma åtaganden.", joint)
