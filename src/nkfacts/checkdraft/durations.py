"""Durations: 'in three days of fighting', 'Four days of fighting … 5 April 2016' — the days
a figure counts, ending (or starting) on the day named, as the named period they fill."""

from __future__ import annotations

import re
from datetime import date, timedelta

from nkfacts.checkdraft.context import NAMED_PERIODS, Period
from nkfacts.checkdraft.numbers import words_value

_N = r"(\d{1,2}|[a-z]+)"
_DURATION = re.compile(
    r"\b(?:(?:in|over|during|within|after)\s+(?:the\s+)?(?:past\s+|last\s+|first\s+)?|"
    # 'Four days of fighting killed …': the fighting's days, with no preposition
    r"(?=\w+\s+days\s+of\s+(?:fighting|clashes|combat|war|hostilities)\b))"
    + _N
    + r"\s+(days?|weeks?)\b",
    re.I,
)


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else words_value(word)


def duration(sentence: str) -> int | None:
    """Days of a duration named in the sentence ('in three days of fighting'), or None."""
    m = _DURATION.search(sentence)
    if not m:
        return None
    n = _number(m.group(1))
    if n is None:
        return None
    return n * (7 if m.group(2).lower().startswith("week") else 1)


def ending_on(period: Period, days: int, forward: bool = False) -> Period:
    """The `days` days ending on a day ('eight died in three days', said on 2 August), or
    (`forward`) starting on it ('in the four days of fighting that began on 1 April 2016')."""
    day = date.fromisoformat(period.end)
    span = timedelta(days=days - 1)
    if forward:
        end = day + span
        return Period(day.isoformat(), end.isoformat(), "day", f"{days} days from {period.label}")
    start = day - span
    return _named_around(start, day) or Period(
        start.isoformat(), day.isoformat(), "day", f"{days} days to {period.label}"
    )


def _named_around(start: date, end: date) -> Period | None:
    """The named period that days ending on its last day fill at least half of ('four days
    of fighting' to 5 April 2016: the four-day war), or None."""
    for named in NAMED_PERIODS:
        first, last = date.fromisoformat(named.start), date.fromisoformat(named.end)
        if end == last and first <= start and 2 * (end - start).days + 2 >= (last - first).days + 1:
            return named
    return None
