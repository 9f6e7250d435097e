"""Numbers that are not casualty figures, in wordings of our own (issue 21, sixth pass): a
casualty figure is a count of people with a measure that applies to them, so sizes,
populations, people who stayed, units, ages, money, equipment, agents, durations, scores,
votes, distances and percentages never are — even right after a sentence with a toll."""

from __future__ import annotations

import pytest

from nkfacts.checkdraft import read

LEAD = "In 2016 the shelling killed 17 Armenian soldiers. "
TRAPS = [
    (LEAD + "The village of 300 people was evacuated by 2017.", ["300"]),
    (LEAD + "A unit of 30 soldiers held the ridge.", ["30"]),
    (LEAD + "Some 40 reporters attended the briefing.", ["40"]),
    (LEAD + "The bodies were returned within 24 hours.", ["24"]),
    (LEAD + "The national team won 3 to 1 that week.", ["3", "1"]),
    (LEAD + "The resolution passed with 39 votes, 7 against.", ["39", "7"]),
    (LEAD + "The post lies 15 kilometres from Tavush.", ["15"]),
    (LEAD + "Turnout was 62 per cent in the vote that followed.", ["62"]),
    (LEAD + "Stepanakert, a city of 55,000 Armenians, was shelled.", ["55,000"]),
    (LEAD + "One of the dead was 19 years old.", ["19"]),
    (LEAD + "Baku spent 2.2 billion dollars on arms that year.", ["2.2"]),
    (LEAD + "Azerbaijan lost 14 tanks and two drones.", ["14", "two"]),
    (LEAD + "The ministry counted 17, and its report ran to 40 pages.", ["40"]),
    (LEAD + "The town, home to 8,000 Armenians, emptied.", ["8,000"]),
    (LEAD + "About 2,000 Russian peacekeepers were deployed.", ["2,000"]),
    (LEAD + "Armenia has about 45,000 soldiers under arms.", ["45,000"]),
    (LEAD + "Four presidents met in Moscow to discuss it.", ["Four"]),
    (LEAD + "It was the first of 3 rounds of talks.", ["3"]),
    (LEAD + "The two sides exchanged fire along a 200-kilometre line.", ["two", "200-kilometre"]),
    (LEAD + "The dataset lists two conflicts and 12 dyads.", ["two", "12"]),
    (LEAD + "Only about 100 Armenians remained in the city.", ["100"]),
    (LEAD + "Between 50 and 500 Armenians stayed behind.", ["50"]),
    (LEAD + "Between 20 and 60 Armenians were left in the town.", ["20"]),
    (LEAD + "The brigade numbered 800 men.", ["800"]),
    (LEAD + "The report was signed by 23 experts.", ["23"]),
    (LEAD + "A crowd of 5,000 protested in Yerevan.", ["5,000"]),
    (LEAD + "Some 3,000 people gathered in Baku.", ["3,000"]),
    (LEAD + "The army recruited 4,000 volunteers.", ["4,000"]),
    (LEAD + "The 17 were buried in three cemeteries.", ["three"]),
    (LEAD + "Of the 150 observers, 20 were from Russia.", ["150", "20"]),
    (LEAD + "The school had 300 pupils before the war.", ["300"]),
    (LEAD + "Prices rose 30 percent in two months.", ["30", "two"]),
    (LEAD + "He was 45 when he joined the army.", ["45"]),
    (LEAD + "Ten countries condemned the attack.", ["Ten"]),
    (LEAD + "The ceasefire held for 48 hours.", ["48"]),
    (LEAD + "The league table put them 5 points ahead.", ["5"]),
    (LEAD + "In all, 60 journalists covered the fighting.", ["60"]),
    (LEAD + "The region is home to some 120,000 people.", ["120,000"]),
    (LEAD + "It also records two Soviet-era wars.", ["two"]),
    (LEAD + "The talks involved 3 mediators and 2 delegations.", ["3", "2"]),
    (LEAD + "In 2023 the offensive of 19–20 September followed a blockade.", ["19"]),
    (LEAD + "In 2020, between 27 and 30 September, the front moved.", ["27"]),
    (LEAD + "In UCDP's data, it also codes two Soviet-era wars with Moscow.", ["two"]),
    (LEAD + "Baku, home to some two million people, mourned.", ["two million"]),
    (LEAD + "After the exodus only 50 Armenians stayed in Stepanakert.", ["50"]),
    # after a toll in the same sentence (the rule of a figure going on from one before)
    ("In 2016 shelling killed 17 soldiers, who were 19 or 20 years old.", ["19"]),
    ("In 2016 shelling killed 17 soldiers, the youngest 18.", ["18"]),
    ("In 2016 shelling killed 17 soldiers and destroyed 4.", ["4"]),
    ("In 2016 shelling killed 17 soldiers at 5 in the morning.", ["5"]),
    ("In 2016 shelling killed 17 soldiers, a loss of 2 in every 100 men.", ["2", "100"]),
    ("In 2016 shelling killed 17 soldiers, 1 for every 3 shells fired.", ["1", "3"]),
    ("In 2016 shelling killed 17 soldiers, citing 2 sources.", ["2"]),
    # a label naming one of a series, a dataset's identifier (seventh pass)
    (LEAD + "UCDP files the fighting under conflict ID 388.", ["388"]),
    (LEAD + "The fighting (UCDP conflict 388) flared again in 2022.", ["388"]),
    (LEAD + "The dyad (ID 11345) ended that year.", ["11345"]),
    (LEAD + "Flight 217 carried the wounded to Yerevan.", ["217"]),
    (LEAD + "Paragraph 4 of the statement covers the prisoners.", ["4"]),
    (LEAD + "The killed were listed in table 2 of the report.", ["2"]),
    (LEAD + "Bus 12 carried the refugees to Goris.", ["12"]),
    (LEAD + "Road 4 was shelled as the refugees fled.", ["4"]),
    (LEAD + "Checkpoint 3 was closed to the displaced.", ["3"]),
    (LEAD + "Annex 2 names the missing.", ["2"]),
    (LEAD + "Volume 2 of the report lists the dead.", ["2"]),
    (LEAD + "Ward 6 of the hospital held the wounded.", ["6"]),
]


@pytest.mark.parametrize(("text", "traps"), TRAPS, ids=[t[-40:] for t, _ in TRAPS])
def test_a_trap_yields_no_figure(text: str, traps: list[str]) -> None:
    said = [text[f.figure.start : f.figure.end] for f in read(text)]
    assert said[0] == "17"  # the toll before the trap is read
    for trap in traps:
        assert not any(s == trap or s.endswith(" " + trap) for s in said[1:]), (trap, said)


def test_counts_of_people_beside_the_traps_still_read() -> None:
    text = (
        "In 2019 three former ministers were detained and two Le Monde reporters were "
        "wounded; eleven and a half thousand soldiers died in 1993; in 2021, 40 protesters "
        "were hurt and 12 deminers killed."
    )
    said = {text[f.figure.start : f.figure.end]: f.measure for f in read(text)}
    assert said == {
        "three": "captured",
        "two": "wounded",
        "eleven and a half thousand": "killed",
        "40": "wounded",
        "12": "killed",
    }
