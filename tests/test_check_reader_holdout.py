"""Classes of reading errors of `nkfacts check` found on drafts written outside the project
(issue 21, third pass), one test per class, in sentences written for these tests: copular and
colon lists, comparisons, increments, parts after ', and', counts named by a possessive, the
words writers use for killing, capture, flight and return, ranges opened by an event, the
elliptical 'the next' year, datasets named as a sentence's subject and 'it counts'."""

from __future__ import annotations

from typing import Any

from _reading import by_text, span

from nkfacts.checkdraft.match import verdict


def test_copular_lists_count_what_their_subject_names() -> None:
    text = (
        "In 1999 the wounded of the northern brigade number 312 conscripts and 40 officers; "
        "in the southern brigade the figures are 120 and 17."
    )
    got = by_text(text)
    assert {n: got[n].measure for n in ("312", "40", "120", "17")} == dict.fromkeys(
        ("312", "40", "120", "17"), "wounded"
    )


def test_a_figure_compared_with_another_shares_its_measure() -> None:
    text = (
        "Yerevan's tally of 1,200 dead in 2016 is well below the 2,000 to 2,500 cited by monitors."
    )
    assert by_text(text)["2,000 to 2,500"].measure == "killed"
    text = "Monitors counted 610 wounded in 2016, against Baku's 450."
    assert by_text(text)["450"].measure == "wounded"


def test_an_increment_after_a_clause_shares_the_verb_before_it() -> None:
    text = (
        "Mortars killed nine Armenian soldiers in 2017, and mines another three Armenian civilians."
    )
    got = by_text(text)
    assert (got["three"].measure, got["three"].category) == ("killed", "civilian")


def test_a_list_after_a_colon_counts_what_precedes_the_colon() -> None:
    text = "In 2019 Baku reported heavy Armenian losses: 250 soldiers and 30 volunteers."
    got = by_text(text)
    assert got["250"].measure == "killed"


def test_a_part_after_a_comma_and_shares_the_whole_measure() -> None:
    text = "In 2017 some 60 people were injured by shelling, and 25 of them were taken to Goris."
    assert by_text(text)["25"].measure == "wounded"


def test_members_among_a_whole_share_its_measure() -> None:
    text = "Three nurses were among the nine civilians wounded in 2015."
    assert by_text(text)["Three"].measure == "wounded"


def test_a_possessive_count_with_no_measure_counts_what_was_just_asked() -> None:
    text = "How many Azerbaijani troops were wounded in 2016? Baku's count is 1,400."
    assert by_text(text)["1,400"].measure == "wounded"


def test_writers_words_for_killing_capture_flight_and_return() -> None:
    cases = {
        "About 40 villagers were massacred near the river in 1992.": ("40", "killed"),
        "In 2022 eleven officials were taken into custody at the checkpoint.": (
            "eleven",
            "captured",
        ),
        "The shelling of 1993 drove 9,000 Armenians out of their homes.": ("9,000", "displaced"),
        "Baku freed five Armenian soldiers in 2021 and got back three of its own.": (
            "three",
            "released",
        ),
        "By nightfall on 25 September 2023, 2,300 people had reached Armenia.": (
            "2,300",
            "displaced",
        ),
    }
    for text, (n, measure) in cases.items():
        assert by_text(text)[n].measure == measure, text


def test_number_as_a_verb_is_not_a_label() -> None:
    text = "The missing of 1993 number 2,000 soldiers."
    assert by_text(text)["2,000"].measure == "missing"
    assert "5" not in by_text("In 2020 house number 5 was shelled and 3 people died.")


def test_a_range_opened_by_the_ceasefire_or_the_first_wars_end() -> None:
    text = "Between the 1994 ceasefire and March 2010, 700 soldiers were killed."
    assert span(by_text(text)["700"]) == ("1994-05-01", "2010-03-31")
    text = "From the end of the first war until June 2001, 250 civilians died."
    assert span(by_text(text)["250"]) == ("1994-05-01", "2001-06-30")


def test_the_next_alone_is_the_following_year() -> None:
    text = "In 2011 twelve soldiers were killed, and nine the next."
    assert span(by_text(text)["nine"]) == ("2012-01-01", "2012-12-31")
    text = "Fighting flared in March 2013. Over the whole year 20 soldiers died."
    assert span(by_text(text)["20"]) == ("2013-01-01", "2013-12-31")


def test_a_dataset_named_as_the_subject_counts_in_its_own_way() -> None:
    text = (
        "Azerbaijani forces took the heaviest losses: 7,000 battle deaths between December "
        "1991 and February 1993, the Correlates of War Project estimates. For the phase that "
        "followed, it counts 5,000 among Armenian forces."
    )
    got = by_text(text)
    assert got["7,000"].category == "combatant"
    assert got["5,000"].claimant == "Correlates of War Project"


def _claim(low: int, start: str, end: str, precision: str) -> dict[str, Any]:
    return {
        "id": f"c-{low}",
        "party": "Azerbaijan",
        "category": "military",
        "measure": "killed",
        "low": low,
        "high": low,
        "figure": str(low),
        "start": start,
        "end": end,
        "start_precision": precision,
        "end_precision": "month",
        "period": f"{start} – {end}",
        "claimant": "unattributed",
        "as_of": None,
        "citations": [],
    }


def test_a_span_of_years_is_compared_with_claims_over_years_not_a_war_inside() -> None:
    text = "Between the 1994 ceasefire and September 2020, 500 Azerbaijani soldiers were killed."
    f = by_text(text)["500"]
    over_years = _claim(500, "1994-01-01", "2020-09-30", "year")
    inside = _claim(500, "2016-04-01", "2016-04-05", "day")
    assert verdict([over_years], f)["verdict"] == "matches"
    got = verdict([inside], f)
    assert got["verdict"] == "unknown" and got["period"] == f.period


def test_the_region_forces_and_the_de_facto_state_are_the_artsakh_side() -> None:
    got = by_text("In 2015 the Karabakh army lost four men near Martakert.")
    assert got["four"].party == "Artsakh"
    text = "In 2022 two ministers of the breakaway republic were taken into custody."
    assert by_text(text)["two"].party == "Artsakh"


def test_a_bare_figure_after_a_semicolon_is_of_the_previous_side() -> None:
    text = "A shell of 3 May 2019 killed two Azerbaijani soldiers; nine were wounded."
    got = by_text(text)["nine"]
    assert (got.party, got.category, got.measure) == ("Azerbaijan", "military", "wounded")


def test_a_bare_figure_that_went_missing_is_of_the_previous_side() -> None:
    text = "Sixty Armenian soldiers died in March 2017 and five went missing."
    assert by_text(text)["five"].party == "Armenia"


def test_a_whole_of_parts_naming_two_sides_is_of_both() -> None:
    text = "Among the 40 people killed in 2013 were ten civilians, seven Armenians and three Azerbaijanis."
    got = by_text(text)
    assert (got["40"].party, got["ten"].party) == ("Both sides", "Both sides")


def test_the_source_of_a_later_clause_is_its_own() -> None:
    text = (
        "In May 2021 Azerbaijani fire killed 12 Armenian soldiers, Yerevan said, and 9 "
        "Azerbaijani soldiers died, according to Baku."
    )
    assert by_text(text)["9"].claimant == "Azerbaijani authorities"
    text = "Sixty soldiers were killed in 2017: that was the toll Azerbaijan's ministry gave."
    assert by_text(text)["Sixty"].claimant is not None


def test_a_kind_with_no_count_of_its_own_differs_from_the_count_of_all() -> None:
    f = by_text("In 2017 shelling killed 20 Azerbaijani soldiers.")["20"]
    total = {**_claim(15, "2017-01-01", "2017-12-31", "year"), "category": "total"}
    assert verdict([total], f)["verdict"] == "differs"
    # the count of all having it says nothing of soldiers alone
    same = {**_claim(20, "2017-01-01", "2017-12-31", "year"), "category": "total"}
    assert verdict([same], f)["verdict"] == "unknown"


def test_a_months_exchange_is_the_exchange_day_recorded_in_it() -> None:
    f = by_text("In the June 2022 prisoner swap, Baku freed 17 Armenian soldiers.")["17"]
    day = {
        **_claim(17, "2022-06-09", "2022-06-09", "day"),
        "party": "Armenia",
        "measure": "released",
    }
    assert verdict([day], f)["verdict"] == "matches"


def test_a_place_in_karabakh_names_the_side_when_nothing_else_does() -> None:
    text = "On 2 May 2019 a mine exploded near Stepanakert and nine people were hurt."
    assert by_text(text)["nine"].party == "Artsakh"


def test_a_war_named_is_fighting_and_both_sides_carry_to_the_next_toll() -> None:
    text = (
        "Up to 2,000 people were killed from the end of the first war until May 2001. "
        "The next decade added more than 300 deaths."
    )
    got = by_text(text)
    assert (got["2,000"].party, got["300"].party) == ("Both sides", "Both sides")


def test_a_sentence_whose_figures_are_of_two_sides_leaves_no_one_side() -> None:
    text = (
        "In June 2017 three Karabakh soldiers and one soldier from Armenia were killed. "
        "The following year at least six soldiers died on the front line."
    )
    assert by_text(text)["six"].party == "Both sides"


def test_where_a_story_began_does_not_date_a_figure_its_clause_dates_otherwise() -> None:
    text = "The standoff that began in March 2019 saw 14 soldiers captured that year."
    assert span(by_text(text)["14"]) == ("2019-01-01", "2019-12-31")


def test_a_figure_with_no_noun_counts_the_kind_the_paragraph_named() -> None:
    text = (
        "How many Azerbaijani soldiers died in 2017? Baku's count is 12. "
        "Armenia's toll is put at 30 in one account."
    )
    got = by_text(text)
    assert (got["12"].category, got["30"].category) == ("military", "military")
    # a sentence naming people of all kinds keeps its own
    got = by_text("Twenty soldiers died in 2016. In 2017, 40 people died.")
    assert got["40"].category is None


def test_capitals_together_are_their_states_authorities() -> None:
    text = "Baku and Ankara claimed 400 Armenian soldiers were killed in 2017."
    assert by_text(text)["400"].claimant == "Azerbaijani and Turkish authorities"


def test_analysts_after_the_figure_and_observers_are_its_source() -> None:
    text = (
        "Yerevan's count of 90 dead in 2017 is well below the 150 put forward by "
        "Russian and Turkish analysts."
    )
    got = by_text(text)
    assert got["150"].claimant == "Russian and Turkish estimates"
    assert got["90"].claimant == "Armenian authorities"
    text = "In 2003 some 40 people were killed, observers believe."
    assert by_text(text)["40"].claimant == "most observers"


def test_people_after_a_figure_are_of_all_kinds_whatever_their_parts() -> None:
    text = "In 2018 Armenia lost 9 people, among them a civilian and a colonel."
    assert by_text(text)["9"].category is None


def test_another_count_of_the_same_measure_takes_its_kind() -> None:
    text = (
        "In 2017 twenty Armenian soldiers died and one went missing, by one count; "
        "another source gives between 12 and 18 dead."
    )
    assert by_text(text)["18"].category == "military"


def test_the_offensive_after_a_date_of_it_is_the_2023_offensive() -> None:
    text = (
        "Shelling on 19 September 2023 killed two Armenian civilians. "
        "Baku later said 150 of its soldiers had died in the offensive."
    )
    assert span(by_text(text)["150"]) == ("2023-09-19", "2023-09-20")


def test_a_list_after_an_increment_starts_its_own_sides() -> None:
    text = (
        "Sniper fire killed six Armenian and four Azerbaijani soldiers in 2019, and mines "
        "another three Armenian troops and two civilians."
    )
    assert by_text(text)["two"].party == "Armenia"


def test_list_members_share_the_narrower_date_after_the_list() -> None:
    text = (
        "2018 had cost three Armenian and two Azerbaijani soldiers their lives in March and April."
    )
    got = by_text(text)
    assert span(got["three"]) == span(got["two"]) == ("2018-03-01", "2018-04-30")
