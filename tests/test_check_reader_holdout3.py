"""Classes of reading errors of `nkfacts check` found on drafts written outside the project
(issue 21, fifth pass, developed on holdout3.yaml), one test per class, in sentences written
for these tests (never the corpus's): a measure verb in any of its forms, what became of the
missing, prisoners given back, leaving a place."""

from __future__ import annotations

from _reading import by_text


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
