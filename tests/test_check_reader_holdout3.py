"""Classes of reading errors of `nkfacts check` found on drafts written outside the project
(issue 21, fifth pass, developed on holdout3.yaml), one test per class, in sentences written
for these tests (never the corpus's): a measure verb in any of its forms, what became of the
missing, prisoners given back, leaving a place."""

from __future__ import annotations

from _reading import by_text, span


def test_a_measure_verb_in_any_of_its_forms() -> None:
    text = (
        "Did the northern brigade lose 60 soldiers in 2012? Each winter it loses 12 men, "
        "the report of 2013 says. In 2014 the village kept losing residents: 30 fled. "
        "Shelling injures nine civilians in 2015, the ministry says."
    )
    got = by_text(text)
    assert got["60"].measure == "killed"
    assert got["12"].measure == "killed"
    assert got["30"].measure == "displaced"
    assert got["nine"].measure == "wounded"


def test_what_became_of_the_missing() -> None:
    text = (
        "In 2015, 30 Armenian soldiers and 12 civilians were never found. "
        "Of the Azerbaijani dead of 1993, 14 soldiers have not been located. "
        "Eight shepherds taken in 2001 were never identified."
    )
    got = by_text(text)
    assert [got[n].measure for n in ("30", "12", "14", "Eight")] == ["missing"] * 4


def test_prisoners_given_back_are_released_and_say_nothing() -> None:
    text = (
        "In 2017 Baku handed back 12 Armenian soldiers, and Yerevan gave back three "
        "Azerbaijanis. In 2018 Armenia sent home four Azerbaijani conscripts."
    )
    got = by_text(text)
    assert [got[n].measure for n in ("12", "three", "four")] == ["released"] * 3
    assert got["three"].claimant is None  # 'gave back' gives no figure


def test_leaving_a_place_is_flight_but_a_toll_left_is_not() -> None:
    text = (
        "In 1992, 5,000 Armenians left Baku; in 1993, 2,000 Azerbaijanis left the region. "
        "Clashes in 2014 left 72 dead and three posts."
    )
    got = by_text(text)
    assert got["5,000"].measure == "displaced"
    assert got["2,000"].measure == "displaced"
    assert got["72"].measure == "killed"


def test_a_figure_naming_nothing_new_counts_what_the_one_before_did() -> None:
    text = (
        "In 2011 Armenia lost 9 soldiers and Azerbaijan 12 conscripts and two civilians. "
        "In 2012 shelling killed 17 Azerbaijani soldiers — or 18, by a later tally. "
        "A 2013 ambush killed four Armenian soldiers and three Azerbaijani ones. "
        "The monitor's count of deaths in 2014 was 60, though a blogger wrote 600. "
        "In 2015 officials said 31 died, half the 62 a website claimed."
    )
    got = by_text(text)
    assert (got["12"].measure, got["12"].party) == ("killed", "Azerbaijan")
    assert got["18"].measure == "killed"
    assert (got["three"].measure, got["three"].party) == ("killed", "Azerbaijan")
    assert got["600"].measure == "killed"
    assert got["62"].measure == "killed"


def test_numbers_going_on_that_are_not_casualties() -> None:
    text = (
        "In 2023 some 100,000 residents fled, out of roughly 120,000 people. "
        "In 1994, 20 Armenian soldiers were killed and about 40 volunteers fought on. "
        "In 2020, 2 pilots died when their Su-25 fell; a village of 300 remained. "
        "In 1992, 5,000 people fled, and a survey found between 80 and 90 Armenians living there."
    )
    got = by_text(text)
    for n in ("120,000", "40", "25", "300", "80"):
        assert n not in got
    text = (
        "In 2016, 91 soldiers died; the brigade had 400 men. "
        "In 2020, 3,825 Armenian soldiers were killed, out of an army of 45,000 troops. "
        "In 1992, 20 civilians died in Khojaly, a town of 6,000 residents. "
        "In 2020, 5,000 people fled, and 10,000 volunteers joined the army. "
        "In 2014, 5 soldiers were killed and 200 soldiers took part in the exercise. "
        "In 2016, 12 soldiers died, 3 of them officers aged 40 and 45."
    )
    got = by_text(text)
    for n in ("400", "45,000", "6,000", "10,000", "200", "45"):
        assert n not in got
    got = by_text(
        "In 2016, 91 soldiers died, the ministry told a briefing attended by 40 reporters."
    )
    assert "40" not in got
    # a figure or a total of: still a count
    got = by_text("In 2017, 22 Armenian and 19 Azerbaijani soldiers died, a total of 41.")
    assert got["41"].measure == "killed"


def test_list_members_and_alternatives_keep_the_side_before_them() -> None:
    text = (
        "In 2011 Yerevan lost 9 soldiers and one civilian, and Baku 12 conscripts and "
        "three villagers. In 2012 Azerbaijan lost 17 soldiers — or 18, by a later tally. "
        "In 2013 Armenia admitted the loss of 40 servicemen."
    )
    got = by_text(text)
    assert got["one"].party == "Armenia"
    assert got["three"].party == "Azerbaijan"
    assert got["18"].party == "Azerbaijan"
    assert got["40"].measure == "killed"


def test_a_year_of_a_war_of_years_is_the_figures_period() -> None:
    text = (
        "The toll was 900 dead in 1991, early in the first war, and 2,400 in 1993, its worst "
        "year. During the first war, 1993 alone cost 300 Armenian soldiers."
    )
    got = by_text(text)
    assert span(got["900"]) == ("1991-01-01", "1991-12-31")
    assert span(got["2,400"]) == ("1993-01-01", "1993-12-31")
    assert span(got["300"]) == ("1993-01-01", "1993-12-31")
    # a named war inside a date stays the war
    got = by_text("In the four-day war of April 2016, 30 Armenian soldiers died.")
    assert span(got["30"]) == ("2016-04-01", "2016-04-05")


def test_a_war_a_story_starts_from_dates_nothing_else_in_its_clause() -> None:
    text = (
        "In the years after the 2020 war the count fell: 55 deaths in 2021 and 90 in 2022. "
        "Since the first war, 400 soldiers were killed in 2009 alone."
    )
    got = by_text(text)
    assert span(got["55"]) == ("2021-01-01", "2021-12-31")
    assert span(got["90"]) == ("2022-01-01", "2022-12-31")
    assert span(got["400"]) == ("2009-01-01", "2009-12-31")


def test_a_yearless_day_before_any_year_takes_the_first_years() -> None:
    text = (
        "On 3 April the shelling killed two Azerbaijani civilians. The four-day war of 2016 "
        "had begun two days earlier."
    )
    got = by_text(text)
    assert span(got["two"]) == ("2016-04-03", "2016-04-03")


def test_an_offensive_in_a_draft_naming_no_year_is_the_2023_one() -> None:
    text = (
        "Stepanakert said 14 civilians died on 19 September, the first day of the operation. "
        "Baku has never given a toll for its offensive; it said on 25 September that "
        "one of its soldiers was killed on 22 September."
    )
    got = by_text(text)
    assert span(got["14"]) == ("2023-09-19", "2023-09-19")
    assert str(span(got["one"])).startswith("('2023-09")


def test_by_a_dated_event_is_the_war_up_to_it() -> None:
    got = by_text("By the May 1994 truce, 30 of the volunteers had been killed.")
    assert span(got["30"]) == ("1988-01-01", "1994-05-31")


def test_where_a_story_starts_dates_the_year_after_it() -> None:
    text = (
        "Since the November 2020 ceasefire the shooting has gone on: by the end of the year "
        "seven Armenian soldiers had been killed."
    )
    got = by_text(text)
    assert str(span(got["seven"])).endswith("'2020-12-31')")


def test_a_toll_just_after_a_war_is_the_wars() -> None:
    text = (
        "Yerevan had counted 3,000 dead soldiers by January 2021. "
        "On 20 December 2020 the ministry said 50 of its soldiers were captured during the war."
    )
    got = by_text(text)
    assert span(got["3,000"]) == ("2020-09-27", "2020-11-10")
    text = (
        "On 12 December 2020 a swap took place. Baku says about 70 of its men went missing "
        "in the war."
    )
    assert span(by_text(text)["70"]) == ("2020-09-27", "2020-11-10")
    # after the truce, up to a later day: not the war
    got = by_text("After the truce of 5 April 2016, fighting until late May killed 9 soldiers.")
    assert span(got["9"]) != ("2016-04-01", "2016-04-05")


def test_a_datasets_figure_is_of_deaths() -> None:
    text = (
        "For 2016, UCDP's newest release has 141, down from 150 in an older version. "
        "The Correlates of War Project splits the war in two."
    )
    got = by_text(text)
    assert (got["141"].measure, got["150"].measure) == ("killed", "killed")
    assert "two" not in got


def test_the_fighting_as_a_place_or_a_job_names_no_side() -> None:
    text = (
        "In 2019 two camera operators were hurt while filming the clashes. "
        "In 2017 four civilian deminers died near the front line. "
        "In 2016 the fighting killed 12 people."
    )
    got = by_text(text)
    assert got["two"].party is None
    assert got["four"].party is None
    assert got["12"].party == "Both sides"
    got = by_text("Six journalists were injured in the fighting of 2020.")
    assert got["Six"].party is None


def test_a_part_named_before_it_is_a_part() -> None:
    text = (
        "In 2016, 40 Armenian soldiers died, including 6 in accidents. "
        "In 2017, 300 people were hurt; of the injured, 120 were flown abroad. "
        "In 2018, 50 were captured, among them 9 officers."
    )
    got = by_text(text)
    assert got["6"].part and got["120"].part and got["9"].part
    assert not got["40"].part
    got = by_text("In 2019, 12 civilians were hurt. Five children were among the injured.")
    assert got["Five"].part and not got["12"].part


def test_a_part_is_compared_with_the_recorded_parts() -> None:
    from nkfacts.answers import query
    from nkfacts.checkdraft import check
    from nkfacts.core import paths
    from nkfacts.store.index import open_index

    claims = list(query.casualties(open_index(paths.data_dir(None))))
    text = "In April 2016 Armenia lost 91 soldiers in four days, including 11 to accidents."
    [whole, part] = check(text, claims)
    assert whole["verdict"] in ("matches", "disputed")
    assert part["verdict"] == "matches"
    assert any("recorded parts" in n for n in part["notes"])
    # a recorded part is no competing toll: a whole of 11 is not matched by it
    [f] = check("In April 2016 Armenia lost 11 soldiers in four days.", claims)
    assert f["verdict"] == "differs"


def test_a_day_carried_over_is_tried_as_its_year() -> None:
    from nkfacts.answers import query
    from nkfacts.checkdraft import check
    from nkfacts.core import paths
    from nkfacts.store.index import open_index

    claims = list(query.casualties(open_index(paths.data_dir(None))))
    text = (
        "On 21 September 2023 the first buses left Stepanakert. "
        "Yerevan later put up 53,000 refugees in hotels and schools."
    )
    [f] = check(text, claims)
    assert f["verdict"] in ("matches", "disputed")
    assert any("as the year 2023" in n for n in f["notes"])


def test_a_figure_set_against_the_one_before_is_of_its_period() -> None:
    text = (
        "The 1992 count is 900 dead, and the dataset's figure for 2011 is 30 deaths, not 300 "
        "as a forum post had it. In 2012, 14 soldiers died — or 15."
    )
    got = by_text(text)
    assert span(got["300"]) == ("2011-01-01", "2011-12-31")
    assert span(got["15"]) == ("2012-01-01", "2012-12-31")


def test_a_parts_date_is_its_own() -> None:
    text = (
        "Border clashes flared in 2021 and 2022. Over those two years 60 soldiers were "
        "killed, five of them in March 2022."
    )
    got = by_text(text)
    assert span(got["60"]) == ("2021-01-01", "2022-12-31")
    assert span(got["five"]) == ("2022-03-01", "2022-03-31")
    text = (
        "During the 2020 war nine medics were hurt, among them four nurses wounded in "
        "Stepanakert on 3 October."
    )
    assert span(by_text(text)["nine"]) == ("2020-09-27", "2020-11-10")


def test_a_publication_date_is_no_period() -> None:
    text = "For the 2020 war, the dataset's June 2022 version gives 7,500 deaths per UCDP."
    got = by_text(text)
    assert span(got["7,500"]) == ("2020-09-27", "2020-11-10")


def test_the_first_or_last_months_weeks_or_days_of_a_period() -> None:
    text = (
        "In the first nine months of 2019, 12 Armenian soldiers died. "
        "In the last two weeks of 2015, 3 Azerbaijani soldiers died. "
        "In the first three days of the 2020 war, 80 soldiers died on both sides."
    )
    got = by_text(text)
    assert span(got["12"]) == ("2019-01-01", "2019-09-30")
    assert span(got["3"]) == ("2015-12-18", "2015-12-31")
    assert span(got["80"]) == ("2020-09-27", "2020-09-29")


def test_who_acts_on_a_figure_is_not_its_side_even_when_it_says_so() -> None:
    text = (
        "On 20 September 2023 Russian peacekeepers said they were evacuating 2,000 people. "
        "In 2021 Baku said its border guards took 6 prisoners."
    )
    got = by_text(text)
    assert got["2,000"].party != "Russia"
    assert got["6"].party != "Azerbaijan"
    # the other side acting: the speaker's own side is the victims'
    text = "Baku said that in 2016 Armenian shelling killed 7 civilians."
    assert by_text(text)["7"].party == "Azerbaijan"


def test_the_kind_a_paragraph_carries_is_never_its_speakers() -> None:
    text = (
        "On 20 September 2023 Russian peacekeepers reported evacuating 900 people from a "
        "village. A post claiming 9,000 were evacuated that day is wrong."
    )
    got = by_text(text)
    assert got["9,000"].category is None


def test_a_claimant_saying_a_figure_of_its_own_is_not_the_one_befores() -> None:
    text = (
        "In 1991 about 40 villagers were killed in raids, and in 1992 UCDP counted "
        "2,167 battle-related deaths."
    )
    got = by_text(text)
    assert got["40"].claimant is None
    assert got["2,167"].claimant == "UCDP"
    text = "In 2016, 91 Armenian soldiers died, Yerevan said."
    assert by_text(text)["91"].claimant == "Armenian authorities"


def test_rows_of_two_conflicts_of_a_dataset_do_not_disagree() -> None:
    from nkfacts.answers import query
    from nkfacts.checkdraft import check
    from nkfacts.core import paths
    from nkfacts.store.index import open_index

    claims = list(query.casualties(open_index(paths.data_dir(None))))
    text = "For 1990 UCDP has 143 battle-related deaths in one conflict and 49 in another."
    assert [f["verdict"] for f in check(text, claims)] == ["matches", "matches"]


def test_a_count_up_to_a_day_runs_from_the_story_before_it() -> None:
    text = (
        "From 12 June to 20 June 2009, 9 soldiers were killed; Yerevan had admitted 4 dead "
        "by 15 June."
    )
    got = by_text(text)
    assert span(got["4"]) == ("2009-06-12", "2009-06-15")
    got = by_text("Fighting flared on 3 May 2011. By 9 May, 12 Azerbaijani soldiers had died.")
    assert span(got["12"]) == ("2011-05-03", "2011-05-09")
    text = (
        "From the 1994 truce to 2010, Armenia lost 300 soldiers. A think tank counted 90 "
        "Armenian civilians killed by 2005."
    )
    got = by_text(text)
    assert str(span(got["90"])).startswith("('1994-")
    assert str(span(got["90"])).endswith("'2005-12-31')")
    # a story that does not hold the day leaves the year
    got = by_text("Clashes in 2008 killed 30 soldiers. By 5 August 2009, 12 more had died.")
    assert span(got["12"]) == ("2009-01-01", "2009-08-05")


def test_a_list_after_count_nouns_and_a_colon_counts_the_paragraphs_measure() -> None:
    text = (
        "In 2005 skirmishes killed 30 soldiers on the line. A think tank published quite "
        "different figures for that year: 45 servicemen and two civilians."
    )
    got = by_text(text)
    assert (got["45"].measure, got["two"].measure) == ("killed", "killed")


def test_a_sentence_in_a_datasets_terms_goes_on_with_its_dataset() -> None:
    text = (
        "UCDP counted 100 battle-related deaths in 2005. The year after brought 120 battle "
        "deaths. Armenia lost 12 soldiers in 2006."
    )
    got = by_text(text)
    assert got["120"].claimant == "UCDP"
    assert got["12"].claimant is None


def test_later_that_month_and_the_following_month() -> None:
    text = (
        "On 3 May 2011 two Armenian soldiers were killed, and four Azerbaijani soldiers "
        "died later that month. The following month 6 Armenian civilians were wounded."
    )
    got = by_text(text)
    assert span(got["four"]) == ("2011-05-01", "2011-05-31")
    assert span(got["6"]) == ("2011-06-01", "2011-06-30")


def test_a_whole_takes_no_kind_from_its_parts() -> None:
    text = "In 2011, 40 people were killed on both sides, 30 of them soldiers and ten civilians."
    got = by_text(text)
    assert got["40"].category is None
    assert got["30"].category == "military"


def test_a_toll_claimed_by_the_fighting() -> None:
    text = (
        "In 2009 the front line claimed 14 to 16 soldiers. In 2010 the minefields claimed "
        "about 5 shepherds. Baku claimed that 3 of its soldiers were wounded in 2011."
    )
    got = by_text(text)
    assert got["14 to 16"].measure == "killed"
    assert got["5"].measure == "killed"
    assert got["3"].measure == "wounded"
