"""The period of a figure whose sentence names none, and what a sentence leaves to the next:
the paragraph's last period, the section heading's, the document's war (its title, first
headings or first paragraph), else the date it was said (the last war before it when the
text speaks of 'the war')."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from nkfacts.checkdraft import context as ctx
from nkfacts.checkdraft import who
from nkfacts.checkdraft.text import Sentence


def mentions_in(
    ms: list[ctx.Mention], s: Sentence, starts: list[int] | None = None
) -> list[ctx.Mention]:
    """The sentence's own periods (a date within a year overlapping a named period it also
    names is not one, unless it lies inside a named period of years: '1992, the bloodiest
    year of the first war');
    `starts` (the mentions' start offsets, in order) finds them by bisection: linear overall."""
    if starts is not None:
        lo, hi = bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)
        inside = [m for m in ms[lo:hi] if m.period is not None]
    else:
        inside = [m for m in ms if s.start <= m.start < s.end and m.period is not None]
    named = [m.period for m in inside if m.named and m.period]
    return [
        m
        for m in inside
        if m.named
        or m.as_of
        or _years(m.period)  # 'the decade after 2010' is not 'the 2020 war' named beside it
        or not any(_overlaps(m.period, n) and not _within_years(m.period, n) for n in named)
    ]


def _overlaps(p: ctx.Period | None, n: ctx.Period) -> bool:
    return p is not None and n.start <= p.end and p.start <= n.end


def _within_years(p: ctx.Period | None, n: ctx.Period) -> bool:
    """p lies inside n, a period of several years, and is shorter."""
    return (
        p is not None
        and _years(n)
        and n.start <= p.start
        and p.end <= n.end
        and (p.start, p.end) != (n.start, n.end)
    )


def _years(p: ctx.Period | None) -> bool:
    """A period over several years (a date within a year may be a named period's)."""
    return p is not None and p.start[:4] != p.end[:4]


def as_of(m: ctx.Mention) -> ctx.Period | None:
    p = m.period
    if p is None or not m.as_of:
        return p
    for named in (*ctx.NAMED_PERIODS, ctx.EXODUS):
        if named.start <= p.end <= named.end:
            return ctx.Period(named.start, p.end, named.precision, f"{named.label} up to {p.label}")
    return ctx.Period(p.end[:4] + "-01-01", p.end, "year", f"{p.end[:4]} up to {p.label}")


def toll_of_the_war(p: ctx.Period) -> ctx.Period:
    """'reported 2,853 dead by January 2021' (not after the war: 'After the truce, … until
    mid-June'): a toll up to a day just after a war is the war's."""
    return (war_just_before(p) or p) if up_to_a_day(p) else p


def up_to_a_day(p: ctx.Period) -> bool:
    """An 'as of' count from its year's start ('2014 up to 2 August', `as_of`)."""
    return p.precision == "year" and " up to " in p.label


def from_the_start(p: ctx.Period, story: list[ctx.Period]) -> ctx.Period:
    """'Between 27 July and 5 August … Baku admitted eight deaths by 2 August', 'Between the
    1994 ceasefire and September 2020 … 1,008 servicemen by 2016': a count up to a day of a
    year ('2014 up to 2 August') runs from the start of the last period named before it that
    holds that day or starts in its year before it."""
    if not up_to_a_day(p):
        return p
    starts = [
        e
        for e in story
        if e.start != p.start and e.start <= p.end and (p.end <= e.end or e.start[:4] == p.end[:4])
    ]
    if not starts:
        return p
    e = starts[-1]
    return ctx.Period(e.start, p.end, e.precision, f"{e.label} to {p.end}")


_JUST_AFTER = (
    100  # days (some three months): a toll or a 'the war' this soon after a war is of that war
)


def war_just_before(p: ctx.Period) -> ctx.Period | None:
    """The war that ended at most `_JUST_AFTER` days before p, which starts after it."""
    end = date.fromisoformat(p.end)
    for war in ctx.WARS:
        if war.end < p.start and (end - date.fromisoformat(war.end)).days <= _JUST_AFTER:
            return war
    return None


@dataclass
class Frame:
    """What a sentence without its own period falls back on, nearest first."""

    paragraph: tuple[int, ctx.Period] | None = None
    heading: ctx.Period | None = None
    document: ctx.Period | None = None
    said: bool = False  # the paragraph's period is a date of saying

    def update(self, s: Sentence, own: list[ctx.Mention]) -> None:
        """After a sentence: the period it leaves for the rest of its paragraph."""
        # A date of saying dates what follows only where the sentence names no other.
        own = [m for m in own if not m.reported] or own
        if own:
            last = ([m for m in own if m.named] or own)[-1]
            inherited = as_of(ctx.Mention(0, 0, last.period, as_of=False))
            if last.as_of and last.period:
                inherited = next(
                    (
                        n
                        for n in (*ctx.NAMED_PERIODS, ctx.EXODUS)
                        if n.start <= last.period.end <= n.end
                    ),
                    inherited,
                )
            if inherited:
                self.paragraph = (s.paragraph, inherited)
                self.said = last.reported
        elif self.paragraph and self.paragraph[0] != s.paragraph:
            self.paragraph = None


def document_period(sents: list[Sentence], ms: list[ctx.Mention]) -> ctx.Period | None:
    """The war the document is about: the first named period of its title, its first
    headings or its first paragraph."""
    first_paragraph = next((s.paragraph for s in sents if not s.heading), None)
    starts = [m.start for m in ms]  # by bisection: a first paragraph may be the whole draft
    for s in sents:
        if not s.heading and s.paragraph != first_paragraph:
            break
        named = [m.period for m in mentions_in(ms, s, starts) if m.named and m.period]
        if named:
            return named[0]
    return None


_THE_WAR = re.compile(
    r"\b(?:during|in|throughout|over)\s+the\s+war\b|\bthe\s+war['’]s\s+end\b|"
    r"\b(?:end|close)\s+of\s+the\s+war\b",
    re.I,
)
_SO_FAR = re.compile(r"\b(?:so\s+far|to\s+date|in\s+total|overall|in\s+all|still|since)\b", re.I)


def fallback_period(
    sentence: str, s: Sentence, frame: Frame, reported: list[ctx.Mention], war: bool
) -> tuple[ctx.Period | None, str | None]:
    """The period of a figure whose sentence names none (only a date of saying, if any)."""
    if frame.paragraph and frame.paragraph[0] == s.paragraph:
        here = frame.paragraph[1]
        if frame.said and who.GENERIC_WAR.search(sentence):  # said in December: 'the war'
            ended = [w for w in ctx.WARS if w.start <= here.end]
            if ended:
                return max(ended, key=lambda p: p.end), "paragraph"
        # 'On 15 December 2020 … taken prisoner during the war': the war just before it
        just_before = war_just_before(here) if _THE_WAR.search(sentence) else None
        return just_before or here, "paragraph"
    if frame.heading:
        return frame.heading, "heading"
    if frame.document:
        return frame.document, "document"
    said = reported[0].period if reported else None
    if said is None:
        return None, None
    if war or who.GENERIC_WAR.search(sentence):
        # 'said in 2021 that … during the war': the last war begun before it was said (the
        # war it was said in: 'said on 9 November 2020 that … during the war').
        begun = [p for p in ctx.WARS if p.start <= said.end]
        if begun:
            return max(begun, key=lambda p: p.start), "sentence"
    in_war = any(w.start <= said.end <= w.end for w in ctx.NAMED_PERIODS)
    if in_war or _SO_FAR.search(sentence):  # said during a war: the war so far
        return as_of(ctx.Mention(0, 0, said, as_of=True)), "sentence"
    return said, "sentence"  # 'claimed on 30 September that a sniper had killed one'


def of_the_measure(period: ctx.Period | None, measure: str, frame: Frame) -> ctx.Period | None:
    """The period as the measure counts it: the 2023 offensive's displaced are its exodus's;
    the missing counted at a date after the war of the story ('As of 2014, 239 soldiers
    remained unaccounted for', under a heading or title of the first war) are that war's."""
    if period is not None and measure == "displaced" and period == ctx.OFFENSIVE_2023:
        return ctx.EXODUS
    war = next((p for p in (frame.heading, frame.document) if p in ctx.WARS), None)
    if measure == "missing" and period is not None and war is not None and period.start > war.end:
        return war
    return period


_AFTER_WAR = re.compile(
    r"\b(?:after|since|following)\s+the\s+(?:ceasefire|truce|armistice|war|end\s+of\s+the\s+war)\b",
    re.IGNORECASE,
)


def after_war(sentence: str) -> bool:
    """Whether the sentence is about the time after a war ('After the ceasefire, …')."""
    return bool(_AFTER_WAR.search(sentence))


def after_the_war(period: ctx.Period) -> ctx.Period:
    """In a sentence about the time after a war (`after_war`: 'After the ceasefire, … by the
    end of 2020'): from the end of the war that ends inside the year named to the period's end
    (a month or a range named is kept as written)."""
    if period.precision != "year":
        return period
    ended = [w for w in ctx.NAMED_PERIODS if period.start <= w.end < period.end]
    if not ended:
        return period
    war = max(ended, key=lambda w: w.end)
    return ctx.Period(war.end, period.end, "day", f"after {war.label} to {period.end}")


def days(p: ctx.Period) -> int:
    """How many days a period spans, both ends included."""
    return (date.fromisoformat(p.end) - date.fromisoformat(p.start)).days + 1
