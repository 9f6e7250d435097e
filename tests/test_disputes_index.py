"""`disputes` read from the index (`disputes.find_in`: compared columns first, whole records
only for disagreements) finds exactly what `disputes.find` finds over every record, and the
integer period rule is `comparable`'s."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nkfacts.answers import disputes, query
from nkfacts.core import paths
from nkfacts.core.dates import day_number
from nkfacts.store import index

SHARE_CACHE = True

SPANS = [
    (None, None, None),
    (2020, None, None),
    (2016, None, None),
    (1994, None, None),
    (None, "2016-04-01", "2016-04-30"),
    (None, "1988", "1994"),
    (None, "2023-09-01", None),
]


@pytest.mark.parametrize(("year", "first", "last"), SPANS)
@pytest.mark.parametrize("party", [[], ["Armenia"], ["Both sides", "Azerbaijan"]])
def test_from_the_index_the_same_disputes(
    year: int | None, first: str | None, last: str | None, party: list[str]
) -> None:
    con = index.open_index(paths.builtin_data_dir())
    when = query.span(year, first, last, overlapping=True)
    events = query.events(con, when=when, in_happening=True)
    everything = disputes.find(query.casualties(con, when=when), events, party)
    sql, args = query.casualties_sql(con, when=when)
    assert disputes.find_in(con, sql, args, events, party) == everything
    if year is None and first is None and not party:
        assert {d["kind"] for d in everything} >= {"competing", "revision", "table-total"}


DAY = st.dates(min_value=date(1980, 1, 1), max_value=date(2030, 12, 31))
PRECISION = st.sampled_from(["day", "month", "year"])


@given(DAY, st.integers(0, 800), PRECISION, st.integers(-900, 900), st.integers(0, 800), PRECISION)
def test_the_integer_period_rule_is_comparable(
    a: date, a_len: int, a_p: str, shift: int, b_len: int, b_p: str
) -> None:
    b = a + timedelta(days=shift)

    def period(first: date, length: int, precision: str) -> dict[str, str]:
        last = first + timedelta(days=length)
        return {"start": first.isoformat(), "end": last.isoformat(), "start_precision": precision}

    pa, pb = period(a, a_len, a_p), period(b, b_len, b_p)

    def days(p: dict[str, str]) -> tuple[int, int, bool]:
        return (day_number(p["start"]), day_number(p["end"]), p["start_precision"] == "year")

    assert disputes._days_comparable(days(pa), days(pb)) == disputes.comparable(pa, pb)
