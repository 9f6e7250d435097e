"""Classes of reading errors of `nkfacts check` fixed for issue 21, one test per class, in
sentences written for these tests (not the evaluation corpus): number words in lists and
parts, increments, verbless figures, parts of things, date ranges across a sentence, dates of
an 'as of' opening, list items' own dates, sides of parts, mixed lists and 'its', the subject
doing the harm, claimants named by office, and matching a few days' figure with a count up to
the day it was said."""

from __future__ import annotations

from typing import Any

from nkfacts.checkdraft import Found, read
from nkfacts.checkdraft.match import verdict


def _all(text: str) -> list[Found]:
    return read(text)


def _by_text(text: str) -> dict[str, Found]:
    return {text[f.figure.start : f.figure.end]: f for f in read(text)}


def _span(f: Found) -> tuple[str, str] | None:
    return (f.period.start, f.period.end) if f.period else None


def _claim(
    cid: str,
    party: str,
    category: str,
    measure: str,
    low: int,
    start: str,
    end: str,
    *,
    as_of: str | None = None,
    precision: str = "day",
) -> dict[str, Any]:
    return {
        "id": cid,
        "party": party,
        "category": category,
        "measure": measure,
        "low": low,
        "high": low,
        "figure": str(low),
        "start": start,
        "end": end,
        "start_precision": precision,
        "period": f"{start} – {end}",
        "claimant": "unattributed",
        "as_of": as_of,
        "citations": [],
    }


def test_one_in_a_casualty_list_and_as_a_named_part() -> None:
    text = "A sniper duel on 3 March 2015 left two Armenian conscripts dead and one wounded."
    found = _by_text(text)
    assert found["one"].measure == "wounded"
    assert found["one"].party == "Armenia"
    text = "Shelling in 2017 killed nine Azerbaijanis, one of them a policeman, and two Armenians."
    found = _by_text(text)
    assert list(found) == ["nine", "one", "two"]
    assert (found["one"].party, found["one"].category) == ("Azerbaijan", "police")
    assert (found["two"].party, found["two"].measure) == ("Armenia", "killed")
    # 'one' that is not a head count
    assert _by_text("No one was hurt in 2019; one of the villages burned.") == {}


def test_increments_are_figures_that_never_differ() -> None:
    text = "In the 2020 war four more Armenian soldiers died."
    (f,) = _all(text)
    assert f.figure.increment and f.measure == "killed"
    claims = [_claim("c1", "Armenia", "military", "killed", 3825, "2020-09-27", "2020-11-10")]
    assert verdict(claims, f)["verdict"] == "unknown"
    (g,) = _all("Azerbaijan said another 12 of its soldiers were missing in 2016.")
    assert g.figure.increment and g.measure == "missing" and g.party == "Azerbaijan"


def test_more_measure_words() -> None:
    assert _by_text("In 2018 Armenia buried 120 of its soldiers.")["120"].measure == "killed"
    found = _by_text("In 2019 police arrested three men near the border.")
    assert found["three"].measure == "captured"
    found = _by_text("In 2021 some 40 Azerbaijani troops needed treatment.")
    assert found["some 40"].measure == "wounded"


def test_a_claimants_verbless_figure_counts_what_the_paragraph_named() -> None:
    text = "How many Azerbaijanis were killed in 2016? Baku says 31 soldiers."
    f = _by_text(text)["31"]
    assert (f.measure, f.party, f.category) == ("killed", "Azerbaijan", "military")
    assert _by_text("Baku says 31 soldiers.") == {}  # nothing named before: not a toll


def test_a_part_of_things_is_a_thing() -> None:
    text = "In 2016 drones destroyed 40 trucks, 12 of them fuel tankers, and killed 7 soldiers."
    assert list(_by_text(text)) == ["7"]
    # the whole is no figure at all ('300 howitzers' is a thing already): its part neither
    text = "In 2019 the army lost 300 howitzers, 120 of them seized intact."
    assert _by_text(text) == {}
    assert _by_text("In 2019, 30 of the trucks were seized.") == {}
    text = "In 2023 some 700 of the town's 900 residents fled."
    assert list(_by_text(text)) == ["some 700"]


def test_a_chain_of_list_members_takes_its_last_members_measure() -> None:
    text = "In 2018 twelve people — seven Armenians and five Azerbaijanis — were wounded."
    found = _by_text(text)
    assert [(n, f.measure) for n, f in found.items()] == [
        ("twelve", "wounded"),
        ("seven", "wounded"),
        ("five", "wounded"),
    ]
    assert found["twelve"].party == "Both sides"


def test_after_a_date_of_saying_the_next_sentence_keeps_the_figures_period() -> None:
    text = (
        "Baku said on 3 March 2021 that 40 of its soldiers had died during the 2020 war. "
        "Some analysts put its dead at 60."
    )
    f = _by_text(text)["60"]
    assert (_span(f), f.period_from) == (("2020-09-27", "2020-11-10"), "paragraph")


def test_date_ranges_across_a_sentence() -> None:
    f = _by_text("Shelling that started on 3 June 2019 had killed 6 Armenian civilians by 9 June.")
    assert _span(f["6"]) == ("2019-06-03", "2019-06-09")
    f = _by_text("Baku said 70 of its soldiers died from 2001 until March 2005.")
    assert _span(f["70"]) == ("2001-01-01", "2005-03-31")
    text = "In 2013 the front was quiet. Clashes from early May to late July killed 11 soldiers."
    assert _span(_by_text(text)["11"]) == ("2013-05-01", "2013-07-31")


def test_an_as_of_date_opening_a_sentence_dates_all_of_it() -> None:
    text = "As of 4 March 2021, Armenian officials counted 40 civilians dead and 90 wounded."
    found = _by_text(text)
    assert _span(found["40"]) == _span(found["90"]) == ("2021-01-01", "2021-03-04")


def test_a_list_items_date_is_its_own() -> None:
    text = "The dataset lists 40 battle-related deaths in 2001, 55 in 2002 and 61 in 2003."
    found = _by_text(text)
    assert [_span(found[n]) for n in ("40", "55", "61")] == [
        ("2001-01-01", "2001-12-31"),
        ("2002-01-01", "2002-12-31"),
        ("2003-01-01", "2003-12-31"),
    ]


def test_a_part_is_of_its_wholes_side_and_the_verb_of_its_own_clause() -> None:
    text = "In 2019 Azerbaijan detained 20 Armenian fighters and later freed 6 of them."
    found = _by_text(text)
    assert found["20"].measure == "captured"
    assert (found["6"].party, found["6"].category, found["6"].measure) == (
        "Armenia",
        "military",
        "released",
    )
    text = "Ethnic Armenians left en masse in 2023: over 90,000 of them fled within a week."
    assert _by_text(text)["over 90,000"].party == "Artsakh"


def test_sides_in_a_list_of_both_sides() -> None:
    text = "In 2017, 20 Armenian soldiers died, 25 Azerbaijani soldiers died and 9 civilians were killed."
    assert _by_text(text)["9"].party == "Both sides"
    text = "In 2017, 20 Armenian civilians died and 30 Azerbaijani civilians died, and 9 were hurt."
    assert _by_text(text)["9"].party == "Azerbaijan"  # a bare figure: the one before


def test_its_refers_to_the_paragraphs_last_side() -> None:
    text = "In 2018 Baku reported 22 soldiers killed. Independent analysts put its dead at 30."
    assert _by_text(text)["30"].party == "Azerbaijan"


def test_the_subject_doing_the_harm_is_not_the_victims() -> None:
    f = _by_text("In 2020 Russian peacekeepers evacuated 300 people from the village.")["300"]
    assert (f.party, f.category, f.measure) == (None, None, "displaced")
    f = _by_text("In 2015 Azerbaijani troops killed 3 members of a reconnaissance unit.")["3"]
    assert f.party is None and f.category is None


def test_claimants_named_by_office_and_never_by_function_words() -> None:
    f = _by_text("The Armenian ombudsman said 15 civilians were wounded in 2021.")["15"]
    assert f.claimant == "Human Rights Defender of Armenia"
    f = _by_text("The separatist authorities said 12 soldiers were killed in 2022.")["12"]
    assert f.claimant == "Artsakh authorities"
    text = (
        "According to the Committee for the Search of Missing in Action Persons, "
        "40 soldiers were still missing in 2010."
    )
    assert _by_text(text)["40"].claimant == (
        "Committee for the Search of Missing in Action Persons"
    )
    text = "The Armenian government counted refugees. By 9 May 2021 the tally stood at 14 dead."
    assert _by_text(text)["14"].claimant != "By the"


def test_a_few_days_figure_and_a_count_up_to_the_same_day() -> None:
    (f,) = _all("On 9 May 2021 Armenia said 3 of its soldiers had been killed.")
    up_to = _claim("c", "Armenia", "military", "killed", 3, "2021-05-01", "2021-05-09")
    assert verdict([up_to], f)["verdict"] == "matches"
    said = _claim(
        "y",
        "Armenia",
        "military",
        "killed",
        3,
        "2021-01-01",
        "2021-12-31",
        as_of="2021-05-09",
        precision="year",
    )
    assert verdict([said], f)["verdict"] == "matches"
    # a count over months is not the few days' figure
    months = _claim("m", "Armenia", "military", "killed", 9, "2021-01-01", "2021-05-20")
    assert verdict([months], f)["verdict"] == "unknown"
    # a month's last day is no day anything was said: a figure of 31 May is not May's count
    (g,) = _all("On 31 May 2021 Armenia said 3 of its soldiers had been killed.")
    may = {**_claim("may", "Armenia", "military", "killed", 9, "2021-05-01", "2021-05-31")}
    may["end_precision"] = "month"
    assert verdict([may], g)["verdict"] == "unknown"


def test_the_year_behind_a_war_is_not_read_for_a_hedged_figure() -> None:
    (f,) = _all("At least 100 Azerbaijani soldiers were killed in the four-day war.")
    claims = [
        _claim("w", "Azerbaijan", "military", "killed", 94, "2016-04-01", "2016-04-05"),
        _claim(
            "y",
            "Azerbaijan",
            "military",
            "killed",
            109,
            "2016-01-01",
            "2016-12-31",
            precision="year",
        ),
    ]
    assert verdict(claims, f)["verdict"] == "differs"


def test_years_after_a_year() -> None:
    f = _by_text("In the decade after 2005 some 400 soldiers died, and the 2020 war cost more.")
    assert _span(f["some 400"]) == ("2006-01-01", "2015-12-31")
    f = _by_text("In the three years since 2017, 60 Armenian soldiers were killed.")
    assert _span(f["60"]) == ("2018-01-01", "2020-12-31")


def test_each_side_is_compared_with_each_sides_claims() -> None:
    (f,) = _all("In March 2014 three soldiers died on each side.")
    assert (f.party, f.per_side) == ("Both sides", True)
    claims = [
        _claim("a", "Armenia", "military", "killed", 3, "2014-03-01", "2014-03-31"),
        _claim("s", "Both sides", "military", "killed", 6, "2014-03-01", "2014-03-31"),
    ]
    result = verdict(claims, f)
    assert result["verdict"] == "matches"
    assert [c["id"] for c in result["claims"]] == ["a"]  # never against the sum


def test_the_day_before_and_the_next_day() -> None:
    text = "Baku said on 9 May 2019 that 2 of its soldiers had been killed the day before."
    assert _span(_by_text(text)["2"]) == ("2019-05-08", "2019-05-08")
    text = "Shelling began on 6 June 2018; the next day 4 civilians died."
    assert _span(_by_text(text)["4"]) == ("2018-06-07", "2018-06-07")
    text = "On 6 June 2018, 4 soldiers died the day before the truce."
    assert _span(_by_text(text)["4"]) == ("2018-06-06", "2018-06-06")


def test_a_list_after_a_comma_and_the_state_speaking() -> None:
    text = (
        "In 2019 Yerevan reported 12 soldiers killed. "
        "Baku's count for 2019 was 30 troops, plus 4 civilians dead and 9 hurt."
    )
    found = _by_text(text)
    assert found["30"].measure == "killed"  # from the list member after ', plus'
    # no side named but the state speaking: its own, not the paragraph's last side
    assert [found[n].party for n in ("30", "4", "9")] == ["Azerbaijan"] * 3


def test_a_people_noun_after_a_clause_of_its_own_and_where_a_story_starts() -> None:
    text = (
        "In 2022, 150 Armenian soldiers were still missing, 3,000 Azerbaijanis had been "
        "missing since the first war, and 25 Armenian prisoners were held."
    )
    found = _by_text(text)
    assert found["150"].category == "military"
    assert found["3,000"].category is None  # 'Azerbaijanis': no kind of its own
    assert _span(found["3,000"]) == ("1988-01-01", "1994-12-31")  # its own clause's war
    assert _span(found["25"]) == ("2022-01-01", "2022-12-31")  # not the war it started in
    text = "In 2018 the clashes killed eight civilians — five Armenians and three Azerbaijanis."
    assert {f.category for f in read(text)} == {"civilian"}  # parts after an apposition


def test_anothers_count_of_the_same() -> None:
    text = "For 2016, Baku's own figure is 94 dead soldiers; Yerevan's is 91."
    found = _by_text(text)
    assert (found["91"].party, found["91"].measure) == ("Armenia", "killed")
