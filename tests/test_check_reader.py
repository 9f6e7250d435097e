"""The reader of `nkfacts check` (`nkfacts.checkdraft.read`), one general pattern of news and
encyclopedic prose per test: claimants apart from parties, dates of saying, ranges, yearless and
relative dates, durations, the document's war, region and people words, list, apposition and
ellipsis structure, things that are not people. Sentences written for these tests."""

from __future__ import annotations

import pytest

from nkfacts.checkdraft import Found, read


def _one(text: str, figure: str) -> Found:
    found = [f for f in read(text) if text[f.figure.start : f.figure.end].endswith(figure)]
    assert len(found) == 1, [text[f.figure.start : f.figure.end] for f in read(text)]
    return found[0]


def _figures(text: str) -> list[str]:
    return [text[f.figure.start : f.figure.end] for f in read(text)]


def _period(f: Found) -> tuple[str, str] | None:
    return (f.period.start, f.period.end) if f.period else None


@pytest.mark.parametrize(
    ("text", "figure", "claimant"),
    [
        (
            "According to the health ministry of Armenia, 12 civilians died in 2021.",
            "12",
            "Armenian authorities",
        ),
        ("Turkish officials said 40 soldiers were wounded in 2019.", "40", "Turkish authorities"),
        ("Moscow, for its part, said 3 servicemen died in 2020.", "3", "Russian authorities"),
        ("In 2012 the Uppsala data records 60 battle-related deaths.", "60", "UCDP"),
        ("By Yerevan's own count, 150 soldiers died in 2016.", "150", "Armenian authorities"),
        (
            "Independent analysts estimated that 900 soldiers died in 2020.",
            "900",
            "Independent analysts",
        ),
        (
            "The Helsinki Committee documented 31 civilian deaths in 2014.",
            "31",
            "Helsinki Committee",
        ),
        ("In 2016, 90 soldiers died.", "90", None),
    ],
)
def test_claimant(text: str, figure: str, claimant: str | None) -> None:
    assert _one(text, figure).claimant == claimant


def test_claimant_words_are_not_the_party() -> None:
    f = _one("In 2016 Russian and Western estimates of Armenia's dead ran to 200.", "200")
    assert (f.party, f.claimant) == ("Armenia", "Russian and Western estimates")
    f = _one("Iran said that in 2021 its border guards lost 4 men, killed by Turkish fire.", "4")
    assert f.party == "Iran"
    f = _one("In 2019 six Azerbaijani civilians were killed by Armenian artillery.", "six")
    assert f.party == "Azerbaijan"


def test_a_states_statement_and_its_pronoun_are_its_side() -> None:
    assert _one("Baku said 40 servicemen died in 2018.", "40").party == "Azerbaijan"
    f = _one("Armenia announced in 2019 that 12 of its soldiers had been killed.", "12")
    assert f.party == "Armenia"


def test_a_date_of_saying_is_as_of_and_the_war_is_the_period() -> None:
    f = _one("Armenia reported on 3 March 2021 that 3,900 soldiers died in the war.", "3,900")
    assert f.as_of == "2021-03-03"
    assert _period(f) == ("2020-09-27", "2020-11-10")
    f = _one("On 9 May 2017, Stepanakert announced that two soldiers had died.", "two")
    assert f.as_of == "2017-05-09" and f.claimant == "Artsakh authorities"
    assert _period(f) == ("2017-05-09", "2017-05-09")


@pytest.mark.parametrize(
    ("text", "figure", "period"),
    [
        ("Between 2 and 4 April 2016, 70 soldiers died.", "70", ("2016-04-02", "2016-04-04")),
        ("From March 1992 to June 1993, 900 civilians died.", "900", ("1992-03-01", "1993-06-30")),
        ("From 3 May to 9 July 2015 nine soldiers died.", "nine", ("2015-05-03", "2015-07-09")),
        (
            "In 2012 three soldiers died. The next year 19 soldiers died.",
            "19",
            ("2013-01-01", "2013-12-31"),
        ),
        (
            "Clashes began in 2014. In late June, 11 soldiers died.",
            "11",
            ("2014-06-01", "2014-06-30"),
        ),
        (
            "Fighting flared on 4 May 2018. Eight soldiers died on 6 May.",
            "Eight",
            ("2018-05-06", "2018-05-06"),
        ),
        (
            "The army said on 10 June 2012 that 5 soldiers died in four days of fighting.",
            "5",
            ("2012-06-07", "2012-06-10"),
        ),
        (
            "The data's 2021 release counts 30 battle-related deaths in 2019.",
            "30",
            ("2019-01-01", "2019-12-31"),
        ),
    ],
)
def test_periods(text: str, figure: str, period: tuple[str, str]) -> None:
    assert _period(_one(text, figure)) == period


def test_the_documents_war_dates_an_undated_figure() -> None:
    text = "# The Second Karabakh War\n\n## Losses\n\nThe fighting displaced 90,000 people."
    f = _one(text, "90,000")
    assert (f.period_from, _period(f)) == ("document", ("2020-09-27", "2020-11-10"))


@pytest.mark.parametrize(
    "text",
    [
        "In 2020 the army lost 40 tanks and 12 armoured vehicles.",
        "Azerbaijan retook 300 villages in 2020.",
        "The convoy of 120 buses left on 2 October 2023.",
        "In 2019 the drones hit 14 positions.",
    ],
)
def test_things_are_not_figures(text: str) -> None:
    assert _figures(text) == []


def test_region_people_are_the_artsakh_side() -> None:
    assert _one("In 2023, 1,200 people in Nagorno-Karabakh fled.", "1,200").party == "Artsakh"
    assert _one("In 2016 six Karabakh soldiers died.", "six").party == "Artsakh"
    f = _one("In 2016 the Nagorno-Karabakh conflict killed 91 Azerbaijani soldiers.", "91")
    assert f.party == "Azerbaijan"


def test_whole_and_parts_are_different_figures() -> None:
    text = "In 2016 shelling killed nine civilians — five Armenians and four Azerbaijanis."
    found = read(text)
    assert [(text[f.figure.start : f.figure.end], f.party) for f in found] == [
        ("nine", "Both sides"),
        ("five", "Armenia"),
        ("four", "Azerbaijan"),
    ]
    assert {f.category for f in found} == {"civilian"} and {f.measure for f in found} == {"killed"}


def test_list_ellipsis_and_bare_figures_share() -> None:
    f = _one("In 2017 a mine killed 6 Armenian soldiers and injured two.", "two")
    assert (f.party, f.category, f.measure) == ("Armenia", "military", "wounded")
    f = _one("In 2013, 20 Armenian soldiers died, as did 3 Armenian civilians.", "3")
    assert (f.measure, f.category) == ("killed", "civilian")
    f = _one("Skirmishes in 2011 cost Armenia 9 soldiers and Azerbaijan five.", "five")
    assert (f.party, f.category, f.measure) == ("Azerbaijan", "military", "killed")


def test_a_people_named_before_carries_to_the_next_sentence() -> None:
    text = "In 2020 Karabakh Armenians fled again. Some 90,000 left their homes."
    assert _one(text, "90,000").party == "Artsakh"


def test_killed_and_injured_stay_apart() -> None:
    text = "In 2018 shelling killed 4 civilians and injured 11 civilians."
    assert [f.measure for f in read(text)] == ["killed", "wounded"]


def test_after_the_ceasefire_starts_at_the_wars_end() -> None:
    f = _one("After the ceasefire, 4 Armenian civilians died by the end of 2020.", "4")
    assert _period(f) == ("2020-11-10", "2020-12-31")
    f = _one("After the ceasefire, 4 Armenian civilians died in December 2020.", "4")
    assert _period(f) == ("2020-12-01", "2020-12-31")


def test_a_part_is_not_the_wholes_category() -> None:
    f = _one("In 2012, 30 people, most of them soldiers, were killed in clashes.", "30")
    assert f.category is None


def test_a_war_named_nowhere_is_left_to_the_matcher() -> None:
    f = _one("Officials said 85 civilians had been killed in the war.", "85")
    assert (f.period, f.unnamed_war) == (None, True)


def test_more_ways_of_saying_who_and_how_many() -> None:
    f = _one("The Armenian health ministry put the toll at 3,773 in the 2020 war.", "3,773")
    assert (f.measure, f.claimant) == ("killed", "Armenian authorities")
    f = _one("At least 40 people died on the Armenian side in 2012, officials said.", "40")
    assert (f.party, f.claimant) == ("Armenia", "Armenian authorities")
    assert _one("In 2010, 6 Armenian troops died, per most estimates.", "6").claimant == (
        "most estimates"
    )
    text = "The first war killed about 30,000 people and displaced over a million."
    assert [(f.figure.low, f.measure) for f in read(text)] == [
        (30_000, "killed"),
        (1_000_000, "displaced"),
    ]
    f = _one("By mid-October 2020, at least 1,000 Armenian soldiers had died.", "1,000")
    assert _period(f) == ("2020-09-27", "2020-10-31")


def test_respectively_including_and_parallel_clauses() -> None:
    text = "Armenia and Azerbaijan lost 30 and 20 soldiers respectively in 2016."
    assert [f.party for f in read(text)] == ["Armenia", "Azerbaijan"]
    text = "In 2016 fighting killed 50 soldiers, including 20 Armenians."
    assert [(f.figure.low, f.party, f.measure) for f in read(text)] == [
        (50, None, "killed"),
        (20, "Armenia", "killed"),
    ]
    text = "Armenian sources reported 9 killed in May 2016; Azerbaijani sources, 4."
    assert [f.party for f in read(text)] == ["Armenia", "Azerbaijan"]
    text = "In 2016 shelling killed 20 Armenians and 12 Azerbaijani soldiers."
    assert [f.category for f in read(text)] == [None, "military"]


def test_abbreviations_and_partitive_relatives() -> None:
    text = "Armenian losses in 2016: 90 KIA, 12 WIA, 5 MIA."
    assert [f.measure for f in read(text)] == ["killed", "wounded", "missing"]
    f = _one("In 2016 Azerbaijan took 8 Armenian POWs, of whom 5 were freed.", "5")
    assert (f.party, f.measure) == ("Armenia", "released")
    f = _one("Some 30 Syrians died fighting for Azerbaijan in 2020.", "30")
    assert f.party == "Syrian fighters"


def test_wholes_exchanges_and_operations() -> None:
    text = "In 2023 more than 900 of the town's 1,200 residents had left."
    assert [(f.figure.low, f.measure) for f in read(text)] == [(900, "displaced")]
    text = "Baku handed over 5 Armenian prisoners in 2021 in exchange for two Azerbaijani soldiers."
    assert [(f.figure.at_least, f.measure) for f in read(text)] == [
        (False, "released"),
        (False, "released"),
    ]
    f = _one("Baku said 19 of its soldiers were killed during the 2023 operation.", "19")
    assert _period(f) == ("2023-09-19", "2023-09-20")


def test_said_during_a_war_is_the_war_so_far_and_parallel_sides() -> None:
    f = _one("Baku claimed on 4 October 2020 that 2,000 Armenian troops had died.", "2,000")
    assert (_period(f), f.as_of) == (("2020-09-27", "2020-10-04"), "2020-10-04")
    text = "In 2016 the Azerbaijani side lost 94 soldiers, the Armenian side 91."
    assert [(f.party, f.measure) for f in read(text)] == [
        ("Azerbaijan", "killed"),
        ("Armenia", "killed"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "About 120,000 people lived in Nagorno-Karabakh before the 2023 offensive.",
        "Russia sent 1,960 peacekeepers to the region after the 2020 war.",
        "The soldier, aged 19, was killed in 2021.",
        "The victims included a 70-year-old man killed in 2020.",
        "The war lasted 44 days and ended on 10 November 2020.",
        "Parliament voted 120 to 12 to recognise the killings in 2020.",
        "The 1994 ceasefire held for 26 years, though hundreds died.",
    ],
)
def test_numbers_that_are_not_tolls(text: str) -> None:
    assert _figures(text) == []


def test_the_whole_a_part_is_taken_from() -> None:
    assert _figures("Of the 150 soldiers in the unit, 40 were killed in 2020.") == ["40"]


def test_dataset_statements() -> None:
    text = (
        "The Correlates of War project puts Azerbaijani battle deaths in the inter-state war at 9."
    )
    f = read(text)[0]
    assert (f.party, f.category, f.claimant) == (
        "Azerbaijan",
        "combatant",
        "Correlates of War Project",
    )
    assert _period(f) == ("1993-02-06", "1994-05-12")
    f = _one("UCDP's best estimate for 2013 is 30.", "30")
    assert (f.party, f.category, f.measure) == ("Both sides", "battle-related", "killed")
    assert _figures("UCDP lists 3 dyads for the conflict in 2016.") == []


def test_back_references_across_sentences() -> None:
    text = (
        "Armenia's defence ministry published its figures in January 2021. "
        "It said 3,800 soldiers had died in the war."
    )
    f = _one(text, "3,800")
    assert (f.party, f.claimant) == (
        "Armenia",
        "Armenian Ministry of Defence",
    )  # as the data names one
    assert _period(f) == ("2020-09-27", "2020-11-10")
    text = "The Azerbaijani government was slower. Its final count of the 2016 dead was 90."
    f = _one(text, "90")
    assert (f.party, f.claimant) == ("Azerbaijan", "Azerbaijani authorities")
    f = _one("Civilians were hit in 2016: Armenian prosecutors counted 10 deaths.", "10")
    assert f.claimant == "Armenian authorities"


def test_lists_and_tables() -> None:
    text = (
        "## Losses in 2016\n\n- Armenia: 90 soldiers killed\n- Azerbaijan: 94\n\n"
        "| Side | Killed | Missing |\n|---|---|---|\n| Armenia | 91 | 5 |\n"
    )
    read_as = [(f.figure.low, f.party, f.measure) for f in read(text)]
    assert read_as == [
        (90, "Armenia", "killed"),
        (94, "Azerbaijan", "killed"),
        (91, "Armenia", "killed"),
        (5, "Armenia", "missing"),
    ]
    assert {_period(f) for f in read(text)} == {("2016-01-01", "2016-12-31")}


def test_a_new_clause_with_its_own_speaker() -> None:
    text = "Azerbaijan says it lost 90 servicemen in 2016; Armenia puts its own toll at 91."
    assert [(f.party, f.claimant) for f in read(text)] == [
        ("Azerbaijan", "Azerbaijani authorities"),
        ("Armenia", "Armenian authorities"),
    ]
