"""Classes of reading errors of `nkfacts check` found on drafts written outside the project
(issue 21, seventh pass, developed on holdout5.yaml), one test per class, in sentences written
for these tests (never the corpus's)."""

from __future__ import annotations

from _reading import by_text, span

from nkfacts.checkdraft import read


def _said(text: str) -> list[str]:
    return [text[f.figure.start : f.figure.end] for f in read(text)]


def test_a_label_noun_or_a_datasets_identifier_is_no_figure() -> None:
    for text, label in (
        ("In 2021 UCDP (conflict 388) recorded 40 deaths.", "388"),
        ("In 2022 the dataset, under conflict ID 388, counts 400 deaths.", "388"),
        ("In 2020 Flight 217 flew 30 wounded soldiers to Yerevan.", "217"),
        ("In 2016 table 2 of the report lists 91 soldiers killed.", "2"),
        ("In 2023 Road 4 was shelled and 12 refugees were hurt.", "4"),
    ):
        said = _said(text)
        assert label not in said, (text, said)
        assert len(said) == 1, (text, said)


def test_a_wire_dateline_is_when_it_was_filed() -> None:
    got = by_text(
        "BAKU, May 3 (agency) — Clashes on the Tavush border in July 2020 killed 12 "
        "Azerbaijani soldiers."
    )
    assert span(got["12"]) == ("2020-07-01", "2020-07-31")
    got = by_text(
        "STEPANAKERT, 2 October (wire) — Some 40 civilians were hurt during Azerbaijan's "
        "offensive, local officials said."
    )
    assert span(got["40"]) == ("2023-09-19", "2023-09-20")  # a draft naming no year: 2023's
    got = by_text("YEREVAN, 30 April 2016 (wire) — Since 1 April, 93 soldiers have died.")
    assert got["93"].as_of == "2016-04-30"


def test_days_of_fighting_ending_a_named_period_are_that_period() -> None:
    got = by_text(
        "Four days of fighting ended on 5 April 2016 with 88 Armenian soldiers dead. In 2020, "
        "44 days of war ended on 10 November 2020: 2,900 Azerbaijani soldiers had died."
    )
    assert span(got["88"]) == ("2016-04-01", "2016-04-05")
    assert span(got["2,900"]) == ("2020-09-27", "2020-11-10")


def test_a_date_after_a_parts_clause_dates_the_whole_list() -> None:
    text = (
        "Shelling killed 30 Armenian soldiers, four of them conscripts, and 20 Azerbaijani "
        "soldiers in the week to 9 August 2014. The war took 120 Azerbaijani lives, three of "
        "them in May 1993."
    )
    got = by_text(text)
    assert span(got["30"]) == span(got["20"])
    assert span(got["30"]) is not None and span(got["30"]) != ("2014-01-01", "2014-12-31")
    assert span(got["three"]) == ("1993-05-01", "1993-05-31")
    assert span(got["120"]) != ("1993-05-01", "1993-05-31")


def test_a_semicolon_list_goes_on_with_its_first_item() -> None:
    text = (
        "UCDP, by year: 2019, 30 deaths (low estimate 25); 2020, some 6,700; 2021, 41.\n\n"
        "Correlates of War gives combatant deaths: Azerbaijan 6,000 in 1992; Armenia 3,500."
    )
    got = by_text(text)
    assert [got[n].claimant for n in ("30", "25", "6,700", "41")] == ["UCDP"] * 4
    assert [got[n].measure for n in ("25", "6,700", "41")] == ["killed"] * 3
    assert span(got["25"]) == ("2019-01-01", "2019-12-31")
    assert span(got["6,700"]) == ("2020-01-01", "2020-12-31")
    assert got["3,500"].claimant == "Correlates of War Project"
    got = by_text("UCDP counts 140 battle deaths in 2021; five Armenian soldiers died in 2022.")
    assert got["five"].claimant is None  # an item naming its own side is not the dataset's
    assert got["five"].party == "Armenia"


def test_authorities_of_the_regions_armenians_are_artsakhs() -> None:
    text = (
        "In 2023 the enclave's ethnic Armenian authorities said 31 people were killed.\n\n"
        "In 2020 ethnic Armenian officials in Stepanakert said 14 civilians were hurt."
    )
    got = by_text(text)
    assert got["31"].claimant == "Artsakh authorities"
    assert got["31"].party == "Artsakh"
    assert got["14"].party == "Artsakh"


def test_a_total_combined_or_along_the_line_is_of_both_sides() -> None:
    got = by_text(
        "In 2011 the combined toll was 19. In 2012, all told, 25 soldiers died. In 2013 "
        "twelve soldiers were killed along the line of contact; in 2014 three Armenian "
        "soldiers died at home."
    )
    assert [got[n].party for n in ("19", "25", "twelve")] == ["Both sides"] * 3
    assert got["three"].party == "Armenia"


def test_its_goes_back_to_the_side_a_sentence_without_figures_names() -> None:
    got = by_text(
        "In 2016 Armenia's losses were hotly debated. Its military dead numbered 88 by one "
        "count.\n\nIn 2020 Azerbaijan's toll stayed secret for weeks. Its soldiers killed: 2,783."
    )
    assert got["88"].party == "Armenia"
    assert got["2,783"].party == "Azerbaijan"


def test_days_and_months_named_from_the_month_before() -> None:
    got = by_text(
        "Think back to March 2012. On the 9th two Armenian soldiers were killed. By the 20th "
        "another died. The March toll came to 5 in the end."
    )
    assert span(got["two"]) == ("2012-03-09", "2012-03-09")
    assert span(got["5"]) == ("2012-03-01", "2012-03-31")


def test_the_wars_end_said_later_is_the_war() -> None:
    got = by_text(
        "The swap of 10 January 2021 was small. 200 Armenian soldiers were still missing at "
        "the war's end, and 60 by the end of the war."
    )
    assert span(got["200"]) == ("2020-09-27", "2020-11-10")


def test_people_who_never_came_back_or_left_a_place() -> None:
    got = by_text(
        "In 1993, 300 Armenian soldiers never came back and 80 civilians vanished; 20 more "
        "disappeared. In 2023 over 90,000 people abandoned Stepanakert, and 12 abandoned "
        "their homes."
    )
    assert [got[n].measure for n in ("300", "80", "20")] == ["missing"] * 3
    assert [got[n].measure for n in ("90,000", "12")] == ["displaced"] * 2
    assert "12" not in by_text("In 1993 they abandoned 12 posts.")


def test_a_list_member_named_before_its_figure_and_another_tally() -> None:
    got = by_text(
        "COW, combatant deaths in 1993: Azerbaijan 4,000 and Armenia 2,500. In 1994 some "
        "60,000 Azerbaijanis fled; another tally has as many as 80,000 Azerbaijanis. In 2016 "
        "91 soldiers died; the brigade had 400 men."
    )
    assert got["2,500"].measure == "killed"
    assert got["2,500"].party == "Armenia"
    assert got["80,000"].measure == "displaced"
    assert "400" not in got


def test_a_bare_figure_said_or_guessed_counts_what_was_named_before() -> None:
    got = by_text(
        "Nobody counted the civilians hurt in the 2012 shelling; a doctor guessed 40. In 2016 "
        "the toll of soldiers killed was disputed: the army said 88, the veterans reckoned 93."
    )
    assert got["40"].measure == "wounded"
    assert got["88"].measure == "killed"
    assert got["93"].measure == "killed"
    assert "7" not in by_text("In 2016, 12 soldiers died and the officer said 7 times.")


def test_a_wholes_verb_after_the_part_set_in_commas() -> None:
    got = by_text(
        "In 2016 shelling killed two soldiers, and 14 civilians, including five children, "
        "were wounded; in 2020 some 30 people, among them 12 women, were displaced."
    )
    assert got["14"].measure == "wounded"
    assert got["30"].measure == "displaced"
    assert got["two"].measure == "killed"


def test_the_missing_counted_long_after_the_storys_war_are_the_wars() -> None:
    got = by_text(
        "# The missing of the first Karabakh war\n\nBy 2019 some 4,000 Azerbaijanis were "
        "still listed as missing. In 2016, 30 soldiers were killed on the line."
    )
    assert span(got["4,000"]) == ("1988-01-01", "1994-12-31")
    assert span(got["30"]) == ("2016-01-01", "2016-12-31")


def test_the_truce_named_again_is_the_ceasefire_named_before() -> None:
    got = by_text(
        "The 1994 ceasefire held, more or less. Yerevan later said 120 of its soldiers had "
        "died between the truce and March 2009."
    )
    assert span(got["120"]) == ("1994-05-01", "2009-03-31")
    got = by_text("In 2016 the truce broke down: 12 soldiers died.")  # no ceasefire named
    assert span(got["12"]) == ("2016-01-01", "2016-12-31")


def test_a_datasets_term_goes_on_only_with_the_dataset() -> None:
    got = by_text(
        "UCDP counts 140 battle-related deaths for 2021. The infobox gives 44 killed for "
        "2021–2022.\n\nFor 2020 UCDP's latest release lands at 7,646. The earlier release "
        "said 7,633."
    )
    assert got["140"].category == "battle-related"
    assert got["44"].category != "battle-related"
    assert got["7,633"].claimant == "UCDP"
    assert got["7,633"].category == "battle-related"


def test_a_season_is_its_months_or_the_war_it_holds() -> None:
    got = by_text(
        "In the summer of 2014, 12 Azerbaijani soldiers died. In autumn 2020, 3,000 soldiers "
        "died. In winter 2016 two Armenian soldiers were killed."
    )
    assert span(got["12"]) == ("2014-06-01", "2014-08-31")
    assert span(got["3,000"]) == ("2020-09-27", "2020-11-10")
    assert span(got["two"]) == ("2015-12-01", "2016-02-29")


def test_reporters_in_all_are_of_no_side() -> None:
    got = by_text("In 2020 seven reporters were injured in all; 30 soldiers died in all.")
    assert got["seven"].party is None
    assert got["30"].party == "Both sides"


def test_when_it_was_said_is_not_who_said_it() -> None:
    got = by_text(
        "Late in October Baku insisted that 5,000 Armenian soldiers had died in the 2020 war. "
        "On Tuesday Yerevan said 200 Azerbaijani soldiers had died in the 2020 war."
    )
    assert got["5,000"].claimant == "Azerbaijani authorities"
    assert got["200"].claimant == "Armenian authorities"


def test_a_part_of_them_is_of_the_people_named_before() -> None:
    got = by_text(
        "Russian peacekeepers were caught in the crossfire in 2023: six of them were killed. "
        "In 2016 Armenian conscripts held the pass; twelve of them died. In 2020, 15 "
        "civilians died, nine of them Azerbaijani."
    )
    assert (got["six"].party, got["six"].category) == ("Russia", "peacekeeper")
    assert (got["twelve"].party, got["twelve"].category) == ("Armenia", "military")
    assert got["nine"].party == "Azerbaijan"
