"""Classes of reading errors of `nkfacts check` found on drafts written outside the project
(issue 21, sixth pass, developed on holdout4.yaml), one test per class, in sentences written
for these tests (never the corpus's)."""

from __future__ import annotations

from _reading import by_text, span

from nkfacts.checkdraft import read


def test_the_victims_of_a_sides_offensive_are_the_other_side() -> None:
    text = (
        "Azerbaijan's lightning offensive of 2023 was over in a day. At least 40 people died "
        "in its first hours and 6,000 fled to the hills.\n\n"
        "In 2020 Azerbaijan launched an assault on the south. Some 70 people were hurt."
    )
    got = by_text(text)
    assert got["40"].party == "Artsakh"
    assert got["6,000"].party == "Artsakh"
    assert got["70"].party == "Armenia"


def test_the_side_acting_is_not_the_side_counted() -> None:
    text = (
        "In 2016 Karabakh's army lost 12 soldiers during Azerbaijan's three-day offensive. "
        "In 2023 some 20 civilians were hurt in Stepanakert as Azerbaijan launched strikes."
    )
    got = by_text(text)
    assert got["12"].party == "Artsakh"
    assert got["20"].party == "Artsakh"


def test_people_taken_prisoner_are_captured() -> None:
    text = (
        "In 2019 Baku took six Armenian shepherds prisoner, and in 2022 Karabakh forces held "
        "three Azerbaijani soldiers captive; in 2018 rebels kept two men hostage."
    )
    got = by_text(text)
    assert [got[n].measure for n in ("six", "three", "two")] == ["captured"] * 3


def test_a_day_said_is_not_the_storys_time() -> None:
    text = (
        "During the 2020 war (27 September – 10 November 2020) Baku said little. On 2 March "
        "2021 it said that 93 civilians had died as of 5 November.\n\n"
        "The figure of 700 dead was a claim made on 3 October 2020 by Yerevan.\n\n"
        "Baku said on 8 November 2020 that 90 of its civilians had died during the war."
    )
    got = by_text(text)
    assert span(got["93"]) == ("2020-09-27", "2020-11-05")
    assert got["700"].as_of == "2020-10-03"
    assert span(got["90"]) == ("2020-09-27", "2020-11-10")


def test_who_a_claim_was_told_to_is_not_who_it_counts() -> None:
    text = (
        "In 2016 the ministry told journalists that 31 soldiers had died; an official "
        "briefed the press that 12 had been hurt."
    )
    got = by_text(text)
    assert got["31"].category == "military"
    assert got["12"].category != "journalist"


def test_one_is_a_person_with_words_before_its_noun_or_one_more() -> None:
    text = (
        "In 2015 shelling killed one 70-year-old Armenian shepherd. In 2016 mines killed two "
        "Azerbaijani soldiers, and in 2017 a sniper killed one more. One of them was over 40."
    )
    got = [(text[f.figure.start : f.figure.end], f.measure, span(f)) for f in read(text)]
    assert got == [
        ("one", "killed", ("2015-01-01", "2015-12-31")),
        ("two", "killed", ("2016-01-01", "2016-12-31")),
        ("one", "killed", ("2017-01-01", "2017-12-31")),
    ]


def test_days_that_began_on_a_day_run_from_it() -> None:
    text = (
        "Some 30 soldiers died in the three days of clashes that began on 2 August 2014. "
        "In the two days of shelling that started on 5 May 2015, 12 civilians were hurt."
    )
    got = by_text(text)
    assert span(got["30"]) == ("2014-08-02", "2014-08-04")
    assert span(got["12"]) == ("2015-05-05", "2015-05-06")


def test_who_says_it_after_a_verb_of_saying_or_as_the_figures_owner() -> None:
    text = (
        "In 2015 twelve soldiers died, said Yerevan; nine Azerbaijani dead, claimed Baku. "
        "For 2016, 31 soldiers killed is Armenia's own count, and 40 is Azerbaijan's."
    )
    got = by_text(text)
    assert got["twelve"].claimant == "Armenian authorities"
    assert got["nine"].claimant == "Azerbaijani authorities"
    assert got["31"].claimant == "Armenian authorities"
    assert got["40"].claimant == "Azerbaijani authorities"


def test_a_figure_dated_by_its_month_matches_its_days_claim() -> None:
    from nkfacts.answers import query
    from nkfacts.checkdraft import check
    from nkfacts.core import paths
    from nkfacts.store.index import open_index

    claims = list(query.casualties(open_index(paths.data_dir(None))))
    text = (
        "In September 2023 a depot exploded near Stepanakert: at least 170 died and more "
        "than 290 were hurt. In September 2023, 400 died in another blast."
    )
    [dead, hurt, other] = check(text, claims)
    assert dead["verdict"] == "matches"
    assert hurt["verdict"] == "matches"
    assert any("2023-09-25" in n for n in dead["notes"])
    assert other["verdict"] != "matches"  # no day of the month has it


def test_a_bare_figure_or_n_more_counts_the_people_before_it() -> None:
    text = (
        "In 2017, 40 Armenian conscripts died and 12 more are still missing. "
        "In 2018 mines killed six Azerbaijani civilians, and injured nine. "
        "In 2019 snipers killed two soldiers on the line, and in May a shell killed three more."
    )
    got = by_text(text)
    assert got["12"].category == "military"
    assert got["nine"].category == "civilian"
    assert got["three"].category == "military"


def test_the_enemy_fought_and_a_war_a_comparison_starts_from_are_not_the_figures() -> None:
    text = (
        "Baku said on 3 May 2012 that five of its soldiers had died in fighting with Armenian "
        "units, its worst day since the war. In 2013 Yerevan lost two men in clashes with "
        "Azerbaijani troops."
    )
    got = by_text(text)
    assert got["five"].party == "Azerbaijan"
    assert span(got["five"]) != ("1988-01-01", "1994-12-31")
    assert got["two"].party == "Armenia"


def test_a_dyad_is_the_datasets_and_a_revision_gives_two_figures() -> None:
    text = (
        "The Armenia–Azerbaijan dyad shows 39 battle-related deaths in 2011. In 2013 the "
        "ministry raised its toll from 12 to 19, and the count of wounded rose from 30 to 41. "
        "Estimates for 2014 range from 25 to 30 dead."
    )
    got = by_text(text)
    assert got["39"].claimant == "UCDP"
    assert all(n in got for n in ("12", "19", "30", "41"))
    assert got["from 25 to 30"].figure.high == 30  # a range stays one figure


def test_a_dozen_is_twelve_but_a_few_dozen_is_no_figure() -> None:
    text = (
        "In 1993 the unit lost a dozen volunteers and two dozen conscripts. After 1995 the "
        "toll fell to a few dozen a year, and half a dozen deaths in 1996."
    )
    said = {text[f.figure.start : f.figure.end]: f.figure.low for f in read(text)}
    assert said == {"dozen": 12, "two dozen": 24}


def test_reporters_take_no_side_from_a_list_or_the_figures_before() -> None:
    text = (
        "Foreign losses in 2020: Russia, three soldiers killed; journalists, five wounded, "
        "among them two French reporters. In 2021 shelling killed nine Azerbaijani soldiers "
        "and wounded four Azerbaijani journalists."
    )
    got = by_text(text)
    assert got["three"].party == "Russia"
    assert got["five"].party is None
    assert got["four"].party == "Azerbaijan"  # their own words name it
