"""Classes of reading errors of `nkfacts check` found on drafts written outside the project
(issue 21, fourth pass, developed on holdout2.yaml), one test per class, in sentences written
for these tests: figures led to by a count phrase or a list, the words 'kill' and 'arrivals',
'one' of a citizen, the side of an offensive, claimants named in apposition, 'officially', by
a passive agent or as a defence ministry, 'by late <month>', 'the first day of', a kind never
read from the claimant, ', and' parting clauses, a total after its parts."""

from __future__ import annotations

from _reading import by_text, span


def test_a_count_phrase_leads_to_the_sentences_last_measure() -> None:
    text = (
        "The northern brigade's 2005 losses were 41 dead; the year after is put at 33. "
        "In 2006 its records list 12 soldiers wounded, yet the brigade's total gives only 9."
    )
    got = by_text(text)
    assert got["33"].measure == "killed"
    assert got["9"].measure == "wounded"


def test_a_list_member_counts_what_the_one_before_it_did() -> None:
    text = (
        "In 2007, 50 soldiers were wounded along the line. "
        "The eastern sector's share was 18 conscripts and four officers."
    )
    got = by_text(text)
    assert (got["18"].measure, got["four"].measure) == ("wounded", "wounded")
    text = (
        "In 2003, 61 soldiers died. A think tank counted more: 70 servicemen and over 8 civilians."
    )
    got = by_text(text)
    assert (got["70"].measure, got["8"].measure) == ("killed", "killed")


def test_kill_arrivals_and_one_citizen_are_casualty_words() -> None:
    got = by_text("Did the 2008 shelling kill 6 Azerbaijani civilians?")
    assert got["6"].measure == "killed"
    got = by_text("By 2 October 2023 the border post had logged 80,000 arrivals from Karabakh.")
    assert got["80,000"].measure == "displaced"
    got = by_text("In 2010 one Georgian citizen was killed near the border.")
    assert got["one"].measure == "killed"


def test_the_side_of_an_offensive_is_not_the_victims() -> None:
    got = by_text(
        "Officials in Stepanakert said 12 people were killed on the first day of "
        "Azerbaijan's assault in 2023."
    )
    assert got["12"].party != "Azerbaijan"


def test_claimants_in_apposition_officially_and_by_an_agent() -> None:
    text = (
        "In 2021 the Syrian Observatory for Human Rights, a monitor based abroad, counted "
        "at least 60 Syrian fighters killed."
    )
    assert by_text(text)["60"].claimant == "Syrian Observatory for Human Rights"
    got = by_text("In 2005 Azerbaijan officially lost 30 soldiers.")
    assert got["30"].claimant == "Azerbaijani authorities"
    got = by_text("In 2006, 44 deaths were confirmed by Yerevan.")
    assert got["44"].claimant == "Armenian authorities"
    got = by_text("In 2007 Baku was claiming 25 Armenian soldiers killed.")
    assert got["25"].claimant == "Azerbaijani authorities"


def test_a_defence_ministry_is_named_as_the_data_names_it() -> None:
    text = (
        "Azerbaijan's troops held the line in 2009. Seven soldiers died, the Defence Ministry said."
    )
    assert by_text(text)["Seven"].claimant == "Azerbaijani Ministry of Defence"


def test_by_a_month_without_year_is_the_war_up_to_then() -> None:
    text = (
        "The 2020 war was costly. By late October Baku was claiming 4,000 Armenian soldiers dead."
    )
    assert span(by_text(text)["4,000"]) == ("2020-09-27", "2020-10-31")


def test_the_first_day_of_a_period_is_that_day() -> None:
    text = (
        "On 20 September 2023 the fighting stopped. On the first day of the offensive, "
        "officials said 6,000 people had been evacuated."
    )
    assert span(by_text(text)["6,000"]) == ("2023-09-19", "2023-09-19")


def test_the_kind_is_never_the_claimants() -> None:
    text = "In 2023, 9,000 people fled, while Russian peacekeepers put the number at 7,000."
    assert by_text(text)["7,000"].category is None


def test_and_before_a_subject_parts_clauses() -> None:
    text = "In 2011, 6 Armenian civilians were killed, and UCDP logged 40 battle-related deaths."
    got = by_text(text)
    assert (got["6"].party, got["6"].category, got["6"].claimant) == ("Armenia", "civilian", None)
    assert got["40"].claimant == "UCDP"


def test_a_total_after_parts_of_two_sides_is_of_both() -> None:
    text = "In 2013, 12 Armenian and 9 Azerbaijani soldiers died, for a total of 23."
    assert by_text(text)["23"].party == "Both sides"
    text = "In 2013, 12 Armenian soldiers and 3 Armenian civilians died, for a total of 15."
    assert by_text(text)["15"].party == "Armenia"


def test_a_tally_alone_is_no_state_and_estimates_range() -> None:
    text = (
        "In 2009 Armenian military deaths are given as 30. Estimates for Azerbaijan's "
        "soldiers range from 20 to 40, while another tally puts them at 45."
    )
    got = by_text(text)
    assert got["from 20 to 40"].measure == "killed"
    assert (got["45"].claimant, got["45"].party) == (None, "Azerbaijan")
