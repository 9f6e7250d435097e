"""Date ranges and record lookup, exact (nkfacts.answers.query.span, nkfacts.answers.query.get)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from nkfacts.answers.query import Span, get, span
from nkfacts.core.errors import UsageError
from nkfacts.store import index

SMALL = Path(__file__).resolve().parent.parent / "data" / "small"


def _s(sp: Span | None) -> tuple[str, str, int | None, bool]:
    assert sp is not None
    return sp.first, sp.last, sp.year, sp.overlapping


def test_no_date_option_is_no_range() -> None:
    assert span() is None
    assert span(overlapping=True) is None


def test_a_year_is_its_days_and_remembers_the_year() -> None:
    assert _s(span(2016)) == ("2016-01-01", "2016-12-31", 2016, False)
    assert _s(span(1000)) == ("1000-01-01", "1000-12-31", 1000, False)
    assert _s(span(9999)) == ("9999-01-01", "9999-12-31", 9999, False)
    assert _s(span(2016, overlapping=True)) == ("2016-01-01", "2016-12-31", 2016, True)


@pytest.mark.parametrize("year", [999, 10000, 0, -5])
def test_a_year_has_four_digits(year: int) -> None:
    with pytest.raises(UsageError) as e:
        span(year)
    assert str(e.value) == f"--year {year}: expected a four-digit year"


def test_from_and_to_narrow_the_range_and_a_narrowed_year_is_no_whole_year() -> None:
    assert _s(span(None, "2016-04", None)) == ("2016-04-01", "9999-12-31", None, False)
    assert _s(span(None, None, "2016-04")) == ("0000-01-01", "2016-04-30", None, False)
    assert _s(span(2016, "2016-04-02", None)) == ("2016-04-02", "2016-12-31", None, False)
    assert _s(span(2016, "2015", "2017")) == ("2016-01-01", "2016-12-31", 2016, False)
    assert _s(span(None, "2016-04-02", "2016-04-02")) == ("2016-04-02", "2016-04-02", None, False)


def test_an_empty_or_malformed_range_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as e:
        span(None, "2016-04-03", "2016-04-02")
    assert str(e.value) == (
        "empty date range: it starts on 2016-04-03 and ends on 2016-04-02 (--from after --to?)"
    )
    with pytest.raises(UsageError) as e:
        span(None, "2016-02-30", None)
    assert str(e.value).startswith("bad date: '2016-02-30'")


def test_span_clauses_within_and_overlapping() -> None:
    sp = Span("2016-01-01", "2016-12-31")
    assert sp.clause("start", "end") == ('start >= ? AND "end" <= ?', ["2016-01-01", "2016-12-31"])
    wide = sp.widened()
    assert (wide.first, wide.last, wide.year, wide.overlapping) == (
        "2016-01-01",
        "2016-12-31",
        None,
        True,
    )
    assert wide.clause("s", "e") == ('s <= ? AND "e" >= ?', ["2016-12-31", "2016-01-01"])


@pytest.fixture
def con(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    data = tmp_path / "small"
    shutil.copytree(SMALL, data)
    c = index.open_index(data)
    yield c
    c.close()


def test_get_gives_the_kind_and_the_record(con: sqlite3.Connection) -> None:
    kind, rec = get(con, "ev-clash")
    assert kind == "event" and rec["id"] == "ev-clash" and rec["title"] == "Clash near Khojavend"


def test_an_unknown_id_suggests_up_to_three_close_ones(con: sqlite3.Connection) -> None:
    with pytest.raises(UsageError) as e:
        get(con, "c-arm-2015")
    assert str(e.value) == (
        "no record with id 'c-arm-2015'. Did you mean: c-arm-2015-two, c-arm-2015-one, c-aze-2015?"
    )
    with pytest.raises(UsageError) as e:
        get(con, "zzzz")
    assert str(e.value) == "no record with id 'zzzz'. Try `nkfacts search`."


def test_ids_up_to_100_characters_get_suggestions_longer_ones_are_cut(tmp_path: Path) -> None:
    data = tmp_path / "long"
    shutil.copytree(SMALL, data)
    long_id = "ev-" + "y" * 96  # 99 characters
    events = (data / "events.yaml").read_text(encoding="utf-8")
    (data / "events.yaml").write_text(events.replace("ev-year-only", long_id), encoding="utf-8")
    c = index.open_index(data)
    try:
        for typed in (long_id + "z", long_id[:-1] + "zz"):  # 100 characters: looked for
            with pytest.raises(UsageError) as e:
                get(c, typed)
            assert str(e.value) == f"no record with id '{typed}'. Did you mean: {long_id}?"
        typed = long_id + "zz"  # 101 characters: cut, and no suggestion
        with pytest.raises(UsageError) as e:
            get(c, typed)
        assert str(e.value) == f"no record with id '{typed[:100]}'. Try `nkfacts search`."
    finally:
        c.close()


def test_number_forms_of_a_thousand() -> None:
    from nkfacts.load.quotes import number_forms

    assert number_forms(1000) == ["1000", "1,000", "1 000", "one thousand"]
    assert number_forms(900) == ["900", "900", "900", "nine hundred"]


def test_a_range_from_zero_to_one_must_be_written() -> None:
    from nkfacts.load.quotes import quote_has_figure

    assert quote_has_figure("3 people", 0, 1) is False
    assert quote_has_figure("0 to 1 people", 0, 1) is True
    assert quote_has_figure("Arayik Harutyunyan", 1, 1) is True


def test_the_passage_label_follows_the_first_occurrence_of_the_quote() -> None:
    from nkfacts.load.quotes import passage_label

    text = "They said 42 died. Later [3]\nAgain, 42 died. [4]\n"
    assert passage_label(text, "42 died") == "3"
    assert passage_label(text, "Again") == "4"
    assert passage_label("No label here.\nNext line [9]", "label") is None
    assert passage_label("last line, no newline [5]", "last") == "5"
    assert passage_label(text, "absent") is None
