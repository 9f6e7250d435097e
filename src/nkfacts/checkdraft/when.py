"""Dates that lean on an earlier one: a day or month without its year ('on 5 October', 'in late
April'), relative years and days ('the following year', 'that year', 'six days later'), and
durations ending on a day ('in three days of fighting', announced on 2 August).

Each takes the date named last before it in the text (its paragraph's, else a heading's or the
title's); with none, it stays undated.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from nkfacts.checkdraft.context import EXODUS, MONTH, OFFENSIVE_2023, Mention, Period
from nkfacts.checkdraft.numbers import words_value
from nkfacts.core import dates

_MONTHS = {m.lower(): i + 1 for i, m in enumerate(dates.MONTHS)}
_N = r"(\d{1,2}|[a-z]+)"
_DAY_MONTH = re.compile(rf"^(\d{{1,2}})\s+({MONTH})$|^({MONTH})\s+(\d{{1,2}})$", re.I)
_MONTH_ALONE = re.compile(
    r"\b(?:in|during|by|until|through|throughout|from|between)\s+(?:early\s+|late\s+|mid-?\s*)?"
    rf"({MONTH})(?:\s+(?:and|to|until|–|-)\s+(?:early\s+|late\s+|mid-?\s*)?({MONTH}))?"
    r"(?:\s+of\s+(?:that|the\s+same)\s+year)?\b"
    r"(?!,?\s*(?:of\s+)?(?:1[89]|20)\d\d)(?!\s+\d)",
    re.I,
)
# 'the August toll': the toll of that month of the year before
_THE_MONTH = re.compile(
    rf"\bthe\s+({MONTH})()(?=\s+(?:death\s+)?(?:toll|total|count|tally|deaths|losses|dead)\b)",
    re.I,
)
_BY = re.compile(r"(?:by|until|through)\b", re.I)
_RELATIVE_YEAR = re.compile(
    r"\b(?:the\s+(following|next|previous|preceding|same)(?:\s+year|(?=\s*[.,;]))|"
    r"(that|the)\s+(?:whole\s+|entire\s+|same\s+)?year\b(?!\s+(?:1[89]|20)\d\d\b)|"
    r"a\s+year\s+(later|earlier)|" + _N + r"\s+years\s+(later|earlier))\b",
    re.I,
)
# 'the day before' counts from the last date only when no other date or event follows it
# ('the day before the ceasefire' is not the day before the last date named).
_DAYS_LATER = re.compile(
    r"\b(?:" + _N + r"\s+days?\s+(later|earlier)|a\s+day\s+(later|earlier)|"
    r"the\s+(?:(previous|next|following)\s+day|day\s+(before|after)(?!\s+(?:the|a|an|its|"
    r"their|his|her)\b|\s+\d|\s+[A-Z])))\b",
    re.I,
)
# 'the offensive' after a date of September 2023: the 2023 offensive (a date, not a name:
# it does not date the document).
_THE_OFFENSIVE = re.compile(
    r"\b(?:the|its|Azerbaijan['’]s|Baku['’]s)\s+(?:(?:military|Azerbaijani|one-day|lightning)\s+)?"
    r"(?:offensive|operation)\b",
    re.I,
)
_AN_OFFENSIVE = re.compile(r"\b(?:offensive|operation)\b", re.I)


def _offensive(text: str, taken: _Spans, first: Period | None) -> list[Mention]:
    """'the offensive' after a date within the 2023 offensive and exodus: that offensive (in
    a draft naming no year, `first`: the 2023 one)."""
    out = []
    for x in _THE_OFFENSIVE.finditer(text):
        # before the document's first date, that date ('its offensive; … on 24 September')
        free = taken.free(x.start(), x.end())
        base = (taken.base(x.start()) or taken.first() or first) if free else None
        if base is not None and EXODUS.start <= base.start and base.end <= EXODUS.end:
            found = Mention(x.start(), x.end(), OFFENSIVE_2023)
            out.append(found)
            taken.add(found)
    return out


# 'between the truce and September 2020', after 'the 1994 ceasefire': that ceasefire.
_THE_TRUCE = re.compile(
    r"(?<=\s)the\s+(?:ceasefire|truce|armistice)\b(?!\s+(?:of|in|on|that|which|was|line))",
    re.I,
)


def _the_truce(text: str, ms: list[Mention], taken: _Spans) -> list[Mention]:
    """'the truce' after a ceasefire named with its date: that ceasefire's date."""
    named = [m for m in ms if m.period is not None and _CEASEFIRE_AFTER.match(text, m.end)]
    starts = [m.start for m in named]
    out = []
    for x in _THE_TRUCE.finditer(text):
        k = bisect.bisect_left(starts, x.start()) - 1
        if k < 0 or not taken.free(x.start(), x.end()):
            continue
        p = named[k].period
        if p is not None and p.precision == "year" and p.start[:4] == "1994":
            p = CEASEFIRE_1994
        found = Mention(x.start(), x.end(), p)
        out.append(found)
        taken.add(found)
    return out


def _month_alone(x: re.Match[str], base: Period) -> Period | None:
    """'in October', 'from April to June': of the year of the date before."""
    y, last_month = _year(base), x.group(2) or x.group(1)
    first = dates.parse(f"{y}-{_MONTHS[x.group(1).lower()]:02d}")[0]
    end = dates.parse(f"{y}-{_MONTHS[last_month.lower()]:02d}")[1]
    return Period(first, end, "month", x.group(0))


# 'later that month', 'the same month', 'the following month': the month of the date before
_RELATIVE_MONTH = re.compile(
    r"\b(?:(?:later|earlier)\s+(?:that|the\s+same)\s+month|(?:that|the\s+same)\s+month|"
    r"the\s+(following|next|previous|preceding)\s+month)\b",
    re.I,
)


def _relative_month(x: re.Match[str], base: Period) -> Period | None:
    shift = {"following": 1, "next": 1, "previous": -1, "preceding": -1}
    y, m = divmod(
        int(base.end[:4]) * 12 + int(base.end[5:7]) - 1 + shift.get((x.group(1) or "").lower(), 0),
        12,
    )
    first, last, _ = dates.parse(f"{y:04d}-{m + 1:02d}")
    return Period(first, last, "month", x.group(0))


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else words_value(word)


def _year(base: Period) -> int:
    return int(base.end[:4])


def _relative(m: re.Match[str], base: Period) -> Period | None:
    if m.group(4) and m.group(5):  # 'three years later'
        n = _number(m.group(4))
        if n is None:
            return None
        y = _year(base) + (n if m.group(5).lower() == "later" else -n)
    else:
        word = (m.group(1) or m.group(2) or m.group(3) or "").lower()
        shift = {"following": 1, "next": 1, "later": 1, "previous": -1, "preceding": -1}
        shift |= {"earlier": -1}
        y = _year(base) + shift.get(word, 0)
    return Period(f"{y}-01-01", f"{y}-12-31", "year", m.group(0))


def _days_later(m: re.Match[str], base: Period) -> Period | None:
    """'six days later', 'a day earlier', 'the day before', 'the next day'."""
    n = _number(m.group(1)) if m.group(1) else 1
    way = next(w for w in m.groups()[1:] if w).lower()
    if n is None or base.precision != "day" or base.start != base.end:
        return None
    later = way in ("later", "after", "next", "following")
    day = date.fromisoformat(base.end) + timedelta(days=n if later else -n)
    return Period(day.isoformat(), day.isoformat(), "day", m.group(0))


# 'February 2010 … On the 18th': that day of the month named before.
_ORDINAL_DAY = re.compile(
    r"\b(?:on|by|until)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of|century))", re.I
)


def _ordinal_day(x: re.Match[str], base: Period) -> Period | None:
    if base.precision not in ("month", "day") or base.start[:7] != base.end[:7]:
        return None
    try:
        day = dates.parse(f"{base.start[:7]}-{int(x.group(1)):02d}")[0]
    except dates.DateFormatError:
        return None
    return Period(day, day, "day", x.group(0))


_RELATIVE: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], Period], Period | None]], ...] = (
    (_MONTH_ALONE, _month_alone),
    (_THE_MONTH, _month_alone),
    (_RELATIVE_YEAR, _relative),
    (_DAYS_LATER, _days_later),
    (_RELATIVE_MONTH, _relative_month),
    (_ORDINAL_DAY, _ordinal_day),
)


_SINCE = re.compile(r"\b(?:\w+est|worst|most)\b[^.;:]{0,50}\bsince\s+(?:the\s+)?$", re.I)


class _Spans:
    """The mentions taken so far, by start: is a span free, and the last dated one before a
    position — by bisection, so completing a draft stays linear (a 160 KB draft of
    'In 2016, in May, ' took 8 s when every check scanned every mention)."""

    def __init__(self, ms: list[Mention], text: str) -> None:
        self.starts = [m.start for m in ms]
        self.ends = [m.end for m in ms]
        # where a story starts dates what follows too: 'After the November 2020 ceasefire, …
        # by the end of the year' — not a superlative's ('the heaviest fighting since 1994; …
        # that year' is the year of the story, not 1994)
        dated = [
            (m.start, m.period or m.opens)
            for m in ms
            if m.period or (m.opens and not _SINCE.search(text, max(0, m.start - 80), m.start))
        ]
        self.dated_starts = [start for start, _ in dated]
        self.periods = [p for _, p in dated]

    def free(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, b) - 1
        return i < 0 or self.ends[i] <= a

    def first(self) -> Period | None:
        return self.periods[0] if self.periods else None

    def base(self, pos: int) -> Period | None:
        k = bisect.bisect_left(self.dated_starts, pos) - 1
        return self.periods[k] if k >= 0 else None

    def add(self, m: Mention) -> None:
        i = bisect.bisect_left(self.starts, m.start)
        self.starts.insert(i, m.start)
        self.ends.insert(i, m.end)
        k = bisect.bisect_left(self.dated_starts, m.start)
        self.dated_starts.insert(k, m.start)
        self.periods.insert(k, m.period)


def _first_period(text: str, ms: list[Mention]) -> Period | None:
    """What dates a yearless day before any dated mention: the first one after it; in a draft
    naming no year at all, an offensive ('the 19 September operation': the 2023 offensive,
    the data's only one)."""
    first = next((m.period for m in ms if m.period is not None), None)
    return first or (OFFENSIVE_2023 if _AN_OFFENSIVE.search(text) else None)


def complete(text: str, ms: list[Mention]) -> list[Mention]:
    """The mentions with yearless days and months, relative years and days dated."""
    out: list[Mention] = []
    first = last = _first_period(text, ms)  # the period of the last dated mention so far
    for m in ms:
        dm = _DAY_MONTH.match(text[m.start : m.end]) if m.period is None else None
        if dm is not None and last is not None:
            day, month = dm.group(1) or dm.group(4), dm.group(2) or dm.group(3)
            iso = f"{_year(last):04d}-{_MONTHS[month.lower()]:02d}-{int(day):02d}"
            try:
                dates.parse(iso)
                day = Period(iso, iso, "day", text[m.start : m.end])
                if m.opens is None and _OPENS.search(text, max(0, m.start - 30), m.start):
                    m = replace(m, opens=day)  # 'from 27 July', yearless
                else:
                    m = replace(m, period=day)
            except dates.DateFormatError:
                pass
        out.append(m)
        # a yearless day is of the story's year, not of when it was said ('said on 11 January
        # 2021 that … as of 9 November', in a paragraph of the 2020 war)
        if m.period is not None and not (m.reported and last is not None):
            last = m.period
    taken = _Spans(out, text)
    extra: list[Mention] = _offensive(text, taken, first) + _the_truce(text, out, taken)
    for pattern, reader in _RELATIVE:
        for x in pattern.finditer(text):
            a, b = x.start(1) if pattern is _MONTH_ALONE else x.start(), x.end()
            base = taken.base(a) if taken.free(a, b) else None
            period = reader(x, base) if base is not None else None
            if period is not None:
                # 'by late October': up to then, as 'by 28 October 2020' (`periods.as_of`)
                by = pattern is _MONTH_ALONE and bool(_BY.match(x.group(0)))
                found = Mention(x.start() if by else a, b, period, as_of=by)
                extra.append(found)
                taken.add(found)
    return sorted(map(functools.partial(_day_of, text), out + extra), key=lambda m: m.start)


# 'on the first day of the offensive', 'the last day of the war': that one day; 'the first
# nine months of 2020', 'the last two weeks of the war': those.
_DAY_OF = re.compile(
    r"\b(first|opening|last|final)\s+(?:day|" + _N + r"\s+(days|weeks|months))\s+of\s+(?:the\s+)?$",
    re.I,
)


def _day_of(text: str, m: Mention) -> Mention:
    p = m.period
    if p is None or p.start == p.end:
        return m
    x = _DAY_OF.search(text, max(0, m.start - 40), m.start)
    n = (_number(x.group(2)) if x.group(2) else 1) if x else None
    if x is None or n is None:
        return m
    first, last = date.fromisoformat(p.start), date.fromisoformat(p.end)
    early = x.group(1).lower() in ("first", "opening")
    unit = (x.group(3) or "day").lower()
    if unit == "months":
        a, b = _months_of(first, last, n, early)
    else:
        days = n * (7 if unit == "weeks" else 1) - 1
        a, b = (first, first + timedelta(days=days)) if early else (last - timedelta(days), last)
    a, b = max(a, first), min(b, last)
    precision = "month" if unit == "months" else "day"
    label = text[x.start() : m.end]
    return replace(
        m, start=x.start(), period=Period(a.isoformat(), b.isoformat(), precision, label)
    )


def _months_of(first: date, last: date, n: int, early: bool) -> tuple[date, date]:
    """The first (early) or last n months of [first, last], whole months."""
    if early:
        y, mo = divmod(first.month - 1 + n, 12)
        return first, date(first.year + y, mo + 1, 1) - timedelta(days=1)
    y, mo = divmod(last.month - n, 12)
    return date(last.year + y, mo + 1, 1), last


BEGAN = re.compile(
    r"\b(?:began|begun|beginning|started|starting|opened|broke\s+out)\s+(?:on\s+)?$", re.I
)


# 'from 1994 until September 2020', 'began on 27 July 2014 … by 5 August': one period from the
# first date to the second (both in one sentence, the second after the first).
_OPENS = re.compile(
    r"\b(?:from|since|between|(?:began|begun|beginning|started|starting)\s+(?:on|in))\s+"
    r"(?:the\s+end\s+of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+end\s+of\s+)?(?:the\s+)?$", re.IGNORECASE)
_AND = re.compile(r"\band\s+(?:the\s+end\s+of\s+)?(?:early\s+|late\s+|mid-?\s*)?$", re.I)
_END_OF = re.compile(r"\bend\s+of\s+$", re.IGNORECASE)
# The Bishkek ceasefire ended the first war in May 1994: 'between the 1994 ceasefire and …',
# 'from the end of the first war until …' start then.
CEASEFIRE_1994 = Period("1994-05-01", "1994-05-31", "month", "the May 1994 ceasefire")
_CEASEFIRE_AFTER = re.compile(r"\s+(?:ceasefire|truce|armistice)\b", re.IGNORECASE)


def _start(text: str, a: Mention) -> Period | None:
    """Where a range opened at mention `a` starts: the 1994 ceasefire for the end of the
    first war or 'the 1994 ceasefire'; else the date's own start (never a named period's)."""
    p = a.period
    ends_1994 = p is not None and p.end[:4] == "1994"
    if ends_1994 and (
        (a.named and _END_OF.search(text, max(0, a.start - 12), a.start))
        or (
            not a.named
            and p is not None
            and p.precision == "year"
            and _CEASEFIRE_AFTER.match(text, a.end)
        )
    ):
        return CEASEFIRE_1994
    return a.opens or (None if a.named or a.reported else a.period)


_CLOSES = re.compile(
    r"\b(?:to|until|till|through|by|up\s+to)\s+(?:the\s+end\s+of\s+)?(?:early\s+|late\s+|mid-?\s*)?$",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.;!?]\s")


def ranges(text: str, ms: list[Mention]) -> list[Mention]:
    """The mentions with each 'from A … until B' pair read as one period A–B (placed at A)."""
    out: list[Mention] = []
    i = 0
    while i < len(ms):
        a = ms[i]
        b = ms[i + 1] if i + 1 < len(ms) else None
        first = _start(text, a)
        if (
            b is not None
            and first is not None
            and b.period is not None
            and not b.named
            and b.start - a.end <= 160
            and first.start <= b.period.end
            and _OPENS.search(text, max(0, a.start - 40), a.start)
            and _closes(text, a, b)
            and not _SENTENCE_BREAK.search(text, a.end, b.start)
        ):
            label = f"{first.label} – {b.period.label}"
            span = Period(first.start, b.period.end, first.precision, label)
            out.append(Mention(a.start, a.end, span))
            out.append(replace(b, period=None))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _closes(text: str, a: Mention, b: Mention) -> bool:
    """'until B', or 'and B' after 'between A'."""
    lo = max(a.end, b.start - 40)
    if _CLOSES.search(text, lo, b.start):
        return True
    return bool(_BETWEEN.search(text, max(0, a.start - 40), a.start)) and bool(
        _AND.search(text, lo, b.start)
    )
