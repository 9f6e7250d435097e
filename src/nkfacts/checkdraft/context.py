"""The words around a figure that say who, what and when: the rule set of `nkfacts check`.

Parties, categories and measures come from the data's own vocabularies and aliases
(`nkfacts.core.vocab`) plus the words writers use for them ('servicemen', 'fled', 'lost');
periods are dates as writers write them and the conflict's named periods ('the 2020 war').
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from nkfacts.checkdraft.reading import MAX_DATES, too_many

# The words for who and what (parties, categories, measures) live in `words`; read here too.
from nkfacts.checkdraft.words import CATEGORY_RE as CATEGORY_RE
from nkfacts.checkdraft.words import CATEGORY_WORDS as CATEGORY_WORDS
from nkfacts.checkdraft.words import MEASURE_RE as MEASURE_RE
from nkfacts.checkdraft.words import MEASURE_WORDS as MEASURE_WORDS
from nkfacts.checkdraft.words import PARTY_RE as PARTY_RE
from nkfacts.checkdraft.words import PARTY_WORDS as PARTY_WORDS
from nkfacts.checkdraft.words import PEOPLE as PEOPLE
from nkfacts.core import dates

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
MONTH = _MONTH  # the month names, as a regular expression
_MONTHS = {m.lower(): i + 1 for i, m in enumerate(dates.MONTHS)}


@dataclass(frozen=True, slots=True)
class Period:
    """A period as understood from the draft (ISO days; precision of its start)."""

    start: str
    end: str
    precision: str
    label: str

    def public(self) -> dict[str, str]:
        return {
            "start": self.start,
            "end": self.end,
            "precision": self.precision,
            "text": self.label,
        }


# The conflict's named periods: (pattern, label, first day, last day, precision).
NAMED: tuple[tuple[str, str, str, str, str], ...] = (
    (
        r"(?:the\s+)?(?:2020\s+(?:Nagorno[-\s]Karabakh\s+|Karabakh\s+)?(?:war|conflict)|44[-\s]day\s+war|"
        r"second\s+(?:Nagorno[-\s]Karabakh\s+|Karabakh\s+)?war)",
        "the 2020 war",
        "2020-09-27",
        "2020-11-10",
        "day",
    ),
    (
        r"(?:the\s+)?(?:four[-\s]day\s+war|april\s+(?:2016\s+)?(?:war|clashes|escalation|fighting)|"
        r"2016\s+(?:Nagorno[-\s]Karabakh\s+)?(?:clashes|escalation|war|fighting))",
        "the four-day war (1–5 April 2016)",
        "2016-04-01",
        "2016-04-05",
        "day",
    ),
    (
        r"(?:the\s+)?(?:(?:september\s+)?2023\s+(?:Azerbaijani\s+)?(?:military\s+)?(?:offensive|operation)|"
        r"one[-\s]day\s+(?:war|offensive)|"
        r"(?:2023\s+)?exodus)",
        "the 2023 offensive (19–20 September 2023)",
        "2023-09-19",
        "2023-09-20",
        "day",
    ),
    (
        r"(?:the\s+)?(?:first\s+(?:Nagorno[-\s]Karabakh\s+|Karabakh\s+)?war|1988[–-]1994\s+war|"
        r"(?:19)?90s\s+war|war\s+of\s+the\s+(?:19)?90s|artsakh\s+liberation\s+war)",
        "the first war (1988–1994)",
        "1988-01-01",
        "1994-12-31",
        "year",
    ),
    # The Correlates of War's two phases of the first war (the data's COW records).
    (
        r"(?:the\s+)?inter-?state\s+(?:war|phase)",
        "the inter-state phase (6 Feb 1993 – 12 May 1994)",
        "1993-02-06",
        "1994-05-12",
        "day",
    ),
    (
        r"(?:the\s+)?intra-?state\s+(?:war|phase)",
        "the intra-state phase (26 Dec 1991 – 5 Feb 1993)",
        "1991-12-26",
        "1993-02-05",
        "day",
    ),
)
# The 2023 offensive's exodus: for displacement figures the offensive runs to the last convoy.
EXODUS = Period("2023-09-19", "2023-10-03", "day", "the 2023 offensive and exodus (19 Sep – 3 Oct)")
_NAMED_RE = [
    (re.compile(p, re.IGNORECASE), Period(a, b, pr, label)) for p, label, a, b, pr in NAMED
]
NAMED_PERIODS: tuple[Period, ...] = tuple(period for _pattern, period in _NAMED_RE)
OFFENSIVE_2023 = NAMED_PERIODS[2]
WARS = NAMED_PERIODS[:4]  # the conflict's wars (the rest are phases of one)

_D = r"(\d{1,2})"
_Y = r"((?:1[89]|20)\d\d)"
_DASH = r"\s*(?:–|—|-|to|until)\s*"
_DATE_FORMS: tuple[tuple[str, str], ...] = (
    ("m-y-m-y", rf"\b({_MONTH})\s+(?:of\s+)?{_Y}(?:{_DASH}|\s+and\s+)({_MONTH})\s+(?:of\s+)?{_Y}"),
    ("d-d-m-y", rf"\b(?:between\s+)?{_D}(?:{_DASH}|\s+and\s+){_D}\s+({_MONTH}),?\s+{_Y}"),
    (
        "d-m-d-m-y",
        rf"\b{_D}\s+({_MONTH}),?(?:\s+{_Y})?(?:{_DASH}|\s+and\s+){_D}\s+({_MONTH}),?\s+{_Y}",
    ),
    ("m-m-y", rf"\b({_MONTH})(?:{_DASH}|\s+and\s+)({_MONTH})\s+(?:of\s+)?{_Y}"),
    ("d-m-y", rf"\b{_D}\s+({_MONTH}),?\s+{_Y}"),
    ("m-d-y", rf"\b({_MONTH})\s+{_D},?\s+{_Y}"),
    ("m-y", rf"\b({_MONTH})\s+(?:of\s+)?{_Y}"),
    ("s-y", rf"\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_Y}"),
    # '19–20 September' without a year: the first day only needs masking
    (
        "d-",
        rf"\b(?:between\s+\d{{1,2}}\s+and|\d{{1,2}}\s*(?:–|—|-|to))\s*(?=\d{{1,2}}\s+(?:{_MONTH})\b)",
    ),
    ("d-m", rf"\b{_D}\s+({_MONTH})\b|\b({_MONTH})\s+{_D}\b(?!,?\s*\d)"),
    ("y-y", rf"\b(?:between\s+|from\s+)?{_Y}(?:{_DASH}|\s+and\s+){_Y}\b"),
    ("y", rf"\b{_Y}s?\b"),
)
_DATE_RE = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in _DATE_FORMS]
_SINCE = re.compile(r"\b(?:since|after|before|from)\s+(?:the\s+)?$", re.IGNORECASE)
# 'On 2 August 2014, Azerbaijani authorities announced that …', 'on 11 January 2021 did the
# ministry report': a day opening a statement is when it was said.
_REPORTED_AFTER = re.compile(
    r"\s*,?\s+(?:did\s+|does\s+)?(?:[\w'’-]+\s+){0,5}?(?:said|announced|reported|report|"
    r"stated|claimed|confirmed|declared|gave|published|revised|updated|issued)\b",
    re.IGNORECASE,
)
_PUBLICATION = re.compile(
    r"\s+(?:release|version|edition|report|update|yearbook|dataset|data\s+release)\b", re.I
)
_RANGES = frozenset({"m-y-m-y", "d-d-m-y", "d-m-d-m-y", "m-m-y", "y-y"})
# A date after a verb of saying is when it was said (the claim's as_of), not the period.
_REPORTED = re.compile(
    r"\b(?:said|says|announced|reported|reports|stated|claimed|confirmed|declared|updated|"
    r"revised|published|released|added|wrote|told\s+\w+|according\s+to\s+[^,;.]{1,60}?|"
    r"report(?:ed)?|statement|figures?|count|tally|data|"
    r"(?:claim|statement|announcement|estimate)s?\s*,?\s+(?:made|issued|given))"
    r"(?:\s+(?:its|their|the)\s+(?:\w+\s+)?(?:losses|figures|data|count|toll|tally|numbers))?"
    r"\s*,?\s+(?:on|in)\s+$",
    re.IGNORECASE,
)
# A wire dateline, 'STEPANAKERT, April 6 (wire) —': the day the story was filed, never the
# period of its figures.
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?-i:[A-Z][A-Z'’. -]{1,30}),[ \t]*$", re.I)
_DATELINE_AFTER = re.compile(r",?[ \t]*(?:(?:1[89]|20)\d\d[ \t]*)?(?:\([^)\n]{1,30}\)[ \t]*)?[—–-]")
_AS_OF = re.compile(
    r"\b(?:by(?:\s+the)?|as\s+of|as\s+at|until|up\s+to|through)\s+(?:the\s+(?:\w+\s+){1,2}(?:of|in)\s+)?"
    r"(?:mid-?\s*|early\s+|late\s+)?$",
    re.IGNORECASE,
)


# 'the decade after 2010', 'the five years since 2016': that many years after the year.
_SPAN_AFTER = re.compile(
    r"\b(?:decade|(\w+)\s+years)\s+(?:after|since|following)\s+$", re.IGNORECASE
)


def _years_after(year: Period, span: re.Match[str]) -> Period:
    from nkfacts.checkdraft.numbers import words_value  # numbers imports this module's caps

    word = span.group(1)
    n = 10 if word is None else (int(word) if word.isdigit() else words_value(word) or 0)
    first = int(year.start[:4]) + 1
    last = first + max(n, 1) - 1
    return Period(f"{first}-01-01", f"{last}-12-31", "year", f"{span.group(0)}{year.label}")


@dataclass(frozen=True, slots=True)
class Mention:
    """A period named in the text, where it is, and whether it is an 'as of' date ('by …')."""

    start: int
    end: int
    period: Period | None  # None: a date that only needs masking ('19 September')
    named: bool = False
    as_of: bool = False
    reported: bool = False  # 'said on 11 January 2021': when it was said
    opens: Period | None = None  # 'from 1994', 'since July': the period a range starts from


def _month(name: str) -> int:
    return _MONTHS[name.lower()]


def _day(y: str, m: int, d: str) -> str:
    return f"{int(y):04d}-{m:02d}-{int(d):02d}"


def _period(kind: str, g: tuple[str | None, ...], text: str) -> Period | None:
    """The Period of one date form's groups (None when it is not a real date)."""
    try:
        if kind == "d-d-m-y":
            m = _month(str(g[2]))
            a, b = _day(str(g[3]), m, str(g[0])), _day(str(g[3]), m, str(g[1]))
            dates.parse(a), dates.parse(b)
            return Period(a, b, "day", text)
        if kind == "d-m-d-m-y":
            y2 = str(g[5])
            a = _day(g[2] or y2, _month(str(g[1])), str(g[0]))
            b = _day(y2, _month(str(g[4])), str(g[3]))
            dates.parse(a), dates.parse(b)
            return Period(a, b, "day", text)
        if kind == "m-y-m-y":
            a = dates.parse(f"{g[1]}-{_month(str(g[0])):02d}")[0]
            b = dates.parse(f"{g[3]}-{_month(str(g[2])):02d}")[1]
            return Period(a, b, "month", text)
        if kind == "m-m-y":
            y = str(g[2])
            a = dates.parse(f"{y}-{_month(str(g[0])):02d}")[0]
            return Period(a, dates.parse(f"{y}-{_month(str(g[1])):02d}")[1], "month", text)
        if kind in ("d-m-y", "m-d-y"):
            mon, d = (g[1], g[0]) if kind == "d-m-y" else (g[0], g[1])
            day = _day(str(g[2]), _month(str(mon)), str(d))
            dates.parse(day)
            return Period(day, day, "day", text)
        if kind == "m-y":
            a, b, _ = dates.parse(f"{g[1]}-{_month(str(g[0])):02d}")
            return Period(a, b, "month", text)
        if kind == "s-y":
            return _season(str(g[0]).lower(), int(str(g[1])), text)
        if kind == "y-y":
            return Period(f"{g[0]}-01-01", f"{g[1]}-12-31", "year", text)
        if kind == "y" and text.lower().endswith("s"):  # a decade: '1990s'
            return Period(f"{g[0]}-01-01", f"{int(str(g[0])) + 9}-12-31", "year", text)
        if kind == "y":
            return Period(f"{g[0]}-01-01", f"{g[0]}-12-31", "year", text)
    except (dates.DateFormatError, ValueError):
        return None
    return None  # 'd-m': a day without a year only needs masking


# A season's months (winter: the December before): (first month, last month).
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (0, 2),
}


def _season(name: str, year: int, text: str) -> Period:
    """'the autumn of 2020': its three months — or the war they hold (the 2020 war)."""
    first, last = _SEASONS[name]
    y0, m0 = (year - 1, 12) if first == 0 else (year, first)
    start = dates.parse(f"{y0}-{m0:02d}")[0]
    end = dates.parse(f"{year}-{last:02d}")[1]
    held = [w for w in WARS if start <= w.start and w.end[:7] <= end[:7]]
    return held[0] if held else Period(start, end, "month", text)


class _Taken:
    """Spans already taken, sorted and never overlapping: `free` is a binary search, not a scan
    (100 KB of '2016 ' made 20,000 spans, and the scans quadratic)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.new: list[tuple[int, int]] = []

    def free(self, a: int, b: int) -> bool:
        k = bisect.bisect_right(self.ends, a)  # the first span ending after a
        return k == len(self.starts) or self.starts[k] >= b

    def take(self, a: int, b: int) -> None:
        self.new.append((a, b))  # one pattern's matches never overlap each other

    def commit(self) -> None:
        """Merge one pattern's spans in (sorting two sorted runs is linear)."""
        if self.new:
            spans = sorted([*zip(self.starts, self.ends, strict=True), *self.new])
            self.starts = [a for a, _ in spans]
            self.ends = [b for _, b in spans]
            self.new = []


def mentions(text: str) -> list[Mention]:
    """Every named period and date in the text, left to right, never overlapping."""
    taken = _Taken()
    out: list[Mention] = []
    for pattern, named in _NAMED_RE:
        for m in pattern.finditer(text):
            if len(out) >= MAX_DATES:
                raise too_many("dates and named periods", MAX_DATES)
            if taken.free(m.start(), m.end()):
                taken.take(m.start(), m.end())
                out.append(Mention(m.start(), m.end(), named, named=True))
        taken.commit()
    dates: list[tuple[str, re.Match[str]]] = []
    for kind, pattern in _DATE_RE:
        for m in pattern.finditer(text):
            if not taken.free(m.start(), m.end()):
                continue
            if len(out) + len(dates) >= MAX_DATES:  # before any date's context is read
                raise too_many("dates and named periods", MAX_DATES)
            taken.take(m.start(), m.end())
            dates.append((kind, m))
        taken.commit()
    out += [_date(text, kind, m) for kind, m in dates]
    out.sort(key=lambda x: x.start)
    return out


def _date(text: str, kind: str, m: re.Match[str]) -> Mention:
    """A date found by `kind`'s pattern, read with its context: said on that day, as of it,
    a dateline, since it, published then, a span after it."""
    before = text[max(0, m.start() - 40) : m.start()]
    as_of = bool(_AS_OF.search(before))
    reported = not as_of and bool(
        _REPORTED.search(text[max(0, m.start() - 80) : m.start()])
        or (kind == "d-m-y" and _REPORTED_AFTER.match(text, m.end()))
        or (
            _DATELINE_BEFORE.search(text, max(0, m.start() - 40), m.start())
            and _DATELINE_AFTER.match(text, m.end())
        )
    )
    # 'since 1994' and 'after 2020' say where a story starts, not a figure's period.
    since = kind not in _RANGES and _SINCE.search(before)
    # 'its 2024 release', 'its April 2021 version': when it was published
    since = since or _PUBLICATION.match(text, m.end())
    period = _period(kind, m.groups(), m.group(0))
    span = _SPAN_AFTER.search(before) if kind == "y" and period else None
    if span and period:  # 'in the decade after 2010': the years after it
        since, period = False, _years_after(period, span)
    return Mention(
        m.start(),
        m.end(),
        None if since else period,
        as_of=as_of,
        reported=reported,
        opens=period if since else None,
    )
