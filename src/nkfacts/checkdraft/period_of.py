"""A figure's period in its own sentence: the dates of its clause first, then the
sentence's other dates (README, "Check a draft"; `extract` falls back on the paragraph's)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from nkfacts.checkdraft import context as ctx
from nkfacts.checkdraft import periods, who
from nkfacts.checkdraft.clauses import JOIN, PART_BEFORE, PART_OF, PERIOD_BREAK, Reader, clause

_BEGAN = re.compile(
    r"\b(?:began|begun|started|erupted|broke\s+out|flared(?:\s+up)?)\s+(?:in|on)\s+$",
    re.IGNORECASE,
)

# 'missing since the first war': where a story starts dates only its own clause.
_SINCE_NAMED = re.compile(r"\b(?:since|after|following|before)\s+$", re.IGNORECASE)


@dataclass
class Dates:
    """A sentence's own dates (not those of saying), in order, and its period breaks: found
    once per sentence, so a figure's period is found by bisection in a bounded window."""

    ms: list[ctx.Mention]
    starts: list[int]
    breaks: who.Breaks
    semicolons: list[int]  # where the sentence's list items part

    def item_between(self, a: int, b: int) -> bool:
        """Whether a semicolon lies in [a, b)."""
        k = bisect.bisect_left(self.semicolons, a)
        return k < len(self.semicolons) and self.semicolons[k] < b


# Mentions looked at on each side of a figure's clause: real sentences name a few dates; an
# adversarial one naming thousands must not make every figure scan all of them.
_NEAR = 32


# 'four Armenian and four Azerbaijani soldiers': a list member's adjective and the join.
_LIST_GAP = re.compile(r"\s+(?:[A-Z][\w-]+\s+)?(?:and|or)\s+$")


def _finer_after_list(
    plain: str, reader: Reader, i: int, dates: Dates, own: list[ctx.Mention]
) -> list[ctx.Mention]:
    """'2016 had cost four Armenian and four Azerbaijani soldiers their lives in January and
    February': a list member takes the date after the member that closes the list when it
    narrows a date of its own clause."""
    if i + 1 >= len(reader.figs):
        return own
    rlo, rhi = reader.gaps(i)[1]
    if not _LIST_GAP.fullmatch(plain, rlo, rhi):
        return own
    nlo, nhi = reader.gaps(i + 1)[1]
    nhi = clause(plain, nlo, nhi, after=True, pattern=PERIOD_BREAK)[1]
    a, b = bisect.bisect_left(dates.starts, nlo), bisect.bisect_left(dates.starts, nhi)
    if not own:  # '…, 22 and 19 respectively in 2017': the list's date
        return dates.ms[a : min(b, a + _NEAR)]
    mine = own[-_NEAR:]  # bounded: a sentence of thousands of dates stays linear
    narrower = [
        m
        for m in dates.ms[a : min(b, a + _NEAR)]
        if m.period is not None
        and any(
            o.period is not None
            and o.period != m.period
            and o.period.start <= m.period.start
            and m.period.end <= o.period.end
            for o in mine
        )
    ]
    return narrower or own


def sentence_period(
    plain: str, reader: Reader, i: int, dates: Dates, instead: ctx.Period | None = None
) -> tuple[ctx.Period | None, bool]:
    """The period named for figure i in its sentence: in its own clause first, a named period
    before a date (a sentence naming a war is about the war; other dates there date the
    claim); an 'as of' date ('by 28 October') only where no break cuts it off (or before the
    sentence's first figure: 'As of 9 November, …' dates all of it); a war a story starts
    from ('missing since the first war') last. A figure set against the one before ('72, not
    172'; `instead`: that one's period) is of its period unless its clause names one. With
    it, whether it is sure: not the nearest of several dates of other clauses."""
    fig = reader.figs[i]
    llo, rhi, theirs = _own_clause(plain, reader, i)
    lo, hi = bisect.bisect_left(dates.starts, llo), bisect.bisect_left(dates.starts, rhi)
    in_clause = _finer_after_list(plain, reader, i, dates, dates.ms[lo:hi])
    # 'the crisis that began in May 2021 saw 38 … taken prisoner that year': where a story
    # began dates the figure only when its clause names nothing else
    later = [m for m in in_clause if not _BEGAN.search(plain, max(0, m.start - 24), m.start)]
    in_clause = later or in_clause
    if instead is not None and not in_clause:  # '72 deaths, not 172': the one set against
        return instead, True
    # '40 deaths in 2021, after the 2020 war': a war a story starts from dates nothing else
    dated = [m for m in in_clause if not (m.named and _started(plain, m))]
    in_clause = dated or in_clause
    first = reader.figs[0].start
    # '44 killed over those two years, three of them in August 2022': a part's date is its own
    parted = i + 1 < len(reader.figs) and (
        PART_OF.match(plain, reader.figs[i + 1].end)
        or PART_BEFORE.search(plain, reader.gaps(i + 1)[0][0], reader.figs[i + 1].start)
    )
    # … but a date after the part's own clause ('91 soldiers, 11 of them in accidents, and 94
    # …, after the truce of 5 April 2016') dates the whole list
    part = _part_clause(plain, reader, i) if parted else (0, 0)
    elsewhere = [
        m
        for m in (*dates.ms[max(0, lo - _NEAR) : lo], *dates.ms[hi : hi + _NEAR])
        if not part[0] <= m.start < part[1]
        and not theirs[0] <= m.start < theirs[1]
        and (
            not m.as_of
            or m.end <= first
            or dates.breaks.last_between(min(m.end, fig.start), max(m.start, fig.end)) is None
        )
    ]
    started = [m for m in elsewhere if m.named and _started(plain, m)]
    elsewhere = [m for m in elsewhere if m not in started]
    # '2021, 40 (high estimate 43); 2022, …': a date of the figure's own list item first
    item = [
        m for m in elsewhere if not dates.item_between(min(m.end, fig.end), max(m.start, fig.start))
    ]
    return _choose((in_clause, item, elsewhere, started), fig.start, fig.end)


def _own_clause(plain: str, reader: Reader, i: int) -> tuple[int, int, tuple[int, int]]:
    """Where figure i's own clause starts and ends, and where the next figure's dates lie
    before it ('143 in …, and for 1991, 220': a date after the join is 220's)."""
    (llo, lhi), (rlo, rhi) = reader.gaps(i)
    llo = clause(plain, llo, lhi, after=False, pattern=PERIOD_BREAK)[0]
    if i > 0:  # '2,167 in 1992, 1,171 in 1993': a date before the join is the previous one's
        joins = list(JOIN.finditer(plain, llo, lhi))
        llo = joins[-1].end() if joins else llo
    theirs = (rhi, rhi)
    if i + 1 < len(reader.figs):
        said = [m.start() for m in JOIN.finditer(plain, rlo, rhi) if m.group()[0].isalpha()]
        theirs = (said[-1], rhi) if said else theirs
    rhi = min(clause(plain, rlo, rhi, after=True, pattern=PERIOD_BREAK)[1], theirs[0])
    return llo, rhi, theirs


def _choose(
    groups: tuple[list[ctx.Mention], ...], start: int, end: int
) -> tuple[ctx.Period | None, bool]:
    """The period of the first group naming one (its named or 'as of' dates first, the nearest
    of them), and whether it is sure: the nearest of other clauses' dates is a guess when
    they name another time."""
    for group in groups:
        best = [m for m in group if m.named or m.as_of] or group
        if best:
            nearest = min(best, key=lambda m: _distance(m, start, end))
            nearest = _named_ending(group, nearest)
            own = group is groups[0]
            chosen = periods.as_of(_finer_inside(group, nearest, start, end, own))
            guess = not own and any(_apart(m.period, chosen) for m in group)
            return chosen, not guess
    return None, True


def _named_ending(group: list[ctx.Mention], chosen: ctx.Mention) -> ctx.Mention:
    """'the inter-state war that followed until May 1994': a date up to which the figure
    counts, where a named period of its clause ends, says where that period ends: the named."""
    p = chosen.period
    if not chosen.as_of or p is None:
        return chosen
    ending = [m for m in group if m.named and m.period and p.start <= m.period.end <= p.end]
    return ending[0] if ending else chosen


def _apart(p: ctx.Period | None, q: ctx.Period | None) -> bool:
    """Whether two periods share no day ('24 September' and '3 October')."""
    return p is not None and q is not None and (p.end < q.start or q.end < p.start)


def _part_clause(plain: str, reader: Reader, i: int) -> tuple[int, int]:
    """Where the part after figure i is told: from it to the end of its clause."""
    part = reader.figs[i + 1]
    rlo, rhi = reader.gaps(i + 1)[1]  # up to the next figure: linear over the sentence
    return part.start, clause(plain, rlo, rhi, after=True, pattern=PERIOD_BREAK)[1]


def _started(plain: str, m: ctx.Mention) -> bool:
    return bool(_SINCE_NAMED.search(plain, max(0, m.start - 12), m.start))


def _distance(m: ctx.Mention, start: int, end: int) -> int:
    return min(abs(m.start - end), abs(m.end - start))


def _finer_inside(
    group: list[ctx.Mention], chosen: ctx.Mention, start: int, end: int, own: bool
) -> ctx.Mention:
    """'2,167 deaths in 1992, the bloodiest year of the first war': a plain date nearer the
    figure than the named period it lies inside is the figure's (the war is where the year
    lies); a named period inside a date ('the four-day war of April 2016') stays. In the
    figure's own clause, a date after it inside a date before it is its time ('Then 2011:
    three soldiers die in late April'; not '… of March 2008: 30 were killed that year')."""
    p = chosen.period
    if not (chosen.named or own) or chosen.as_of or p is None:
        return chosen
    inside = [
        m
        for m in group
        if not m.named
        and not m.as_of
        and m.period is not None
        and p.start <= m.period.start
        and m.period.end <= p.end
        and (m.period.start, m.period.end) != (p.start, p.end)
        and (
            _distance(m, start, end) < _distance(chosen, start, end)
            if chosen.named
            else chosen.end <= start and end <= m.start
        )
    ]
    return min(inside, key=lambda m: _distance(m, start, end)) if inside else chosen
