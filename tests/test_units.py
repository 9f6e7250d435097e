"""Unit tests of the small pure functions answers are made of: dates, periods, figures, text
cells. Exact values, every branch (mutation testing: scripts/mutation.sh)."""

from __future__ import annotations

import pytest

from nkfacts.core import dates
from nkfacts.core.figures import figure
from nkfacts.core.periods import period_of
from nkfacts.output.textcells import cell_len, pieces, wrap


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016", ("2016-01-01", "2016-12-31", "year")),
        (2016, ("2016-01-01", "2016-12-31", "year")),
        (" 2016-04 ", ("2016-04-01", "2016-04-30", "month")),
        ("2016-02", ("2016-02-01", "2016-02-29", "month")),  # leap year
        ("2015-02", ("2015-02-01", "2015-02-28", "month")),
        ("1900-02", ("1900-02-01", "1900-02-28", "month")),  # century: not leap
        ("2000-02", ("2000-02-01", "2000-02-29", "month")),  # 400: leap
        ("2016-01", ("2016-01-01", "2016-01-31", "month")),
        ("2016-06", ("2016-06-01", "2016-06-30", "month")),
        ("2016-09", ("2016-09-01", "2016-09-30", "month")),
        ("2016-11", ("2016-11-01", "2016-11-30", "month")),
        ("2016-12", ("2016-12-01", "2016-12-31", "month")),
        ("2016-04-05", ("2016-04-05", "2016-04-05", "day")),
        ("2020-12-31", ("2020-12-31", "2020-12-31", "day")),
    ],
)
def test_parse(value: object, expected: tuple[str, str, str]) -> None:
    assert dates.parse(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "expected a date string"),
        (99, "expected a date string"),
        (12345, "expected a date string"),
        (None, "expected a date string"),
        ("16-04", "is not a date"),
        ("2016-4", "is not a date"),
        ("2016-13", "has no month 13"),
        ("2016-00", "has no month 0"),
        ("2015-02-29", "February 2015 has 28 days"),
        ("2016-04-31", "April 2016 has 30 days"),
        ("2016-04-00", "April 2016 has 30 days"),
    ],
)
def test_parse_refuses(value: object, message: str) -> None:
    with pytest.raises(dates.DateFormatError, match=message):
        dates.parse(value)


def test_bounds() -> None:
    assert dates.parse_bound("2016-04", end=False) == "2016-04-01"
    assert dates.parse_bound("2016-04", end=True) == "2016-04-30"


@pytest.mark.parametrize(
    ("iso", "precision", "expected"),
    [
        ("2016-04-01", "year", "2016"),
        ("2016-04-01", "month", "April 2016"),
        ("2016-04-01", "day", "1 April 2016"),
        ("2016-12-25", "day", "25 December 2016"),
        ("2016-01-09", "month", "January 2016"),
    ],
)
def test_human(iso: str, precision: str, expected: str) -> None:
    assert dates.human(iso, precision) == expected


@pytest.mark.parametrize(
    ("start", "sp", "end", "ep", "expected"),
    [
        ("2016-01-01", "year", "2016-12-31", "year", "2016"),
        ("1988-01-01", "year", "1994-12-31", "year", "1988–1994"),
        ("2016-04-01", "day", "2016-04-01", "day", "1 April 2016"),
        ("2016-04-01", "day", "2016-04-05", "day", "1–5 April 2016"),
        ("2016-03-30", "day", "2016-04-05", "day", "30 March 2016 – 5 April 2016"),
        ("2016-01-01", "month", "2016-02-29", "month", "January–February 2016"),
        ("2016-04-01", "month", "2016-04-30", "month", "April 2016"),
        ("1994-05-01", "month", "2009-08-31", "month", "May 1994 – August 2009"),
        ("2016-01-01", "year", "2016-04-05", "day", "2016 – 5 April 2016"),
        ("2015-12-01", "day", "2016-01-05", "day", "1 December 2015 – 5 January 2016"),
    ],
)
def test_period(start: str, sp: str, end: str, ep: str, expected: str) -> None:
    assert dates.period(start, sp, end, ep) == expected


def test_overlap() -> None:
    assert dates.overlap("2016-04-01", "2016-04-05", "2016-04-01", "2016-04-05") == 1.0
    assert dates.overlap("2016-04-01", "2016-04-02", "2016-04-03", "2016-04-04") == 0
    assert dates.overlap("2016-04-01", "2016-04-04", "2016-04-03", "2016-04-06") == 2 / 6
    assert dates.overlap("2016-04-01", "2016-04-10", "2016-04-01", "2016-04-05") == 0.5


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (None, "undated"),
        ("1987-12-31", "before 1988"),
        ("1988-01-01", "1988–1994 war"),
        ("1994-05-31", "1988–1994 war"),
        ("1994-06-01", "1994–2020"),
        ("2020-09-26", "1994–2020"),
        ("2020-09-27", "2020 war"),
        ("2020-11-10", "2020 war"),
        ("2020-11-11", "2020–2023"),
        ("2023-09-18", "2020–2023"),
        ("2023-09-19", "2023 offensive"),
    ],
)
def test_period_of(day: str | None, expected: str) -> None:
    assert period_of(day) == expected


@pytest.mark.parametrize(
    ("rec", "expected"),
    [
        ({"low": 42, "high": 42}, "42"),
        ({"low": 3825, "high": 3825}, "3,825"),
        ({"low": 108, "high": 112}, "108–112"),
        ({"low": 4, "high": 4, "at_least": True}, "4+"),
        ({"low": 541, "high": 547, "at_least": True}, "541–547+"),
        ({"low": 90000, "high": 90000, "approx": True}, "≈90,000"),
        ({"low": 3000, "high": 3000, "upper_bound": True}, "≤3,000"),
        ({"low": 141, "high": 263, "best": 141}, "141 (141–263)"),
        ({"low": 462, "high": 462, "best": 462}, "462"),
    ],
)
def test_figure(rec: dict[str, object], expected: str) -> None:
    assert figure(rec) == expected


def test_text_cells() -> None:
    assert cell_len("abc") == 3
    assert cell_len("Şuşa") == 4
    assert cell_len("e\u0301") == 1  # combining accent takes no cell
    assert cell_len("日本") == 4  # wide characters take two
    assert pieces("January–September") == ["January–", "September"]
    assert pieces("a-b-c") == ["a-", "b-", "c"]
    assert wrap("one two three", 7, breakable=False) == ["one two", "three"]
    assert wrap("January–September 2020", 10, breakable=True) == ["January–", "September", "2020"]
    assert wrap("abcdefghij", 4, breakable=True) == ["abcd", "efgh", "ij"]
    assert wrap("abcdefghij", 4, breakable=False) == ["abcdefghij"]
    assert wrap("", 5, breakable=True) == [""]
    assert wrap("Both\u00a0sides · x", 6, breakable=False) == ["Both\u00a0sides", "· x"]


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, ["0", "0", "0", "zero"]),
        (1, ["1", "1", "1", "one", "a ", "an ", "single"]),
        (2, ["2", "2", "2", "two", "both", "pair", "couple"]),
        (19, ["19", "19", "19", "nineteen"]),
        (20, ["20", "20", "20", "twenty"]),
        (42, ["42", "42", "42", "forty-two"]),
        (99, ["99", "99", "99", "ninety-nine"]),
        (100, ["100", "100", "100", "one hundred"]),
        (300, ["300", "300", "300", "three hundred"]),
        (350, ["350", "350", "350"]),
        (3825, ["3825", "3,825", "3 825"]),
        (5000, ["5000", "5,000", "5 000", "five thousand"]),
        (19000, ["19000", "19,000", "19 000", "nineteen thousand"]),
        (20000, ["20000", "20,000", "20 000"]),
        (1000000, ["1000000", "1,000,000", "1 000 000", "1 million"]),
        (3000000, ["3000000", "3,000,000", "3 000 000", "3 million"]),
    ],
)
def test_number_forms(n: int, expected: list[str]) -> None:
    from nkfacts.load.quotes import number_forms

    assert number_forms(n) == expected


@pytest.mark.parametrize(
    ("quote", "low", "high", "ok"),
    [
        ("42 Armenian soldiers", 42, 42, True),
        ("142 soldiers", 42, 42, False),  # not a figure inside another number
        ("4,2 soldiers", 2, 2, False),
        ("3,825 troops", 3825, 3825, True),
        ("forty-two dead", 42, 42, True),
        ("108–112 soldiers", 108, 112, True),
        ("108 soldiers", 108, 112, False),
        ("Arayik Harutyunyan was detained", 1, 1, True),  # one named person
    ],
)
def test_quote_has_figure(quote: str, low: int, high: int, ok: bool) -> None:
    from nkfacts.load.quotes import quote_has_figure

    assert quote_has_figure(quote, low, high) is ok


def test_column_values_as_pipes_write_them() -> None:
    from nkfacts.output.cells import field as _get

    rec = {"n": None, "t": True, "f": False, "l": ["a", "b"], "i": 3, "s": "x"}
    assert [_get(k)(rec) for k in ("n", "t", "f", "l", "i", "s", "missing")] == [
        "",
        "true",
        "false",
        "a; b",
        "3",
        "x",
        "",
    ]
