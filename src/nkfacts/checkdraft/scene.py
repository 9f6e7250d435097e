"""A sentence being read (`extract`): its text, readers, dates and claimants, and what is
the same for every figure in it, read once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from nkfacts.checkdraft import context as ctx
from nkfacts.checkdraft import durations, periods, who
from nkfacts.checkdraft.claimant import Claimant
from nkfacts.checkdraft.clauses import PERIOD_BREAK, Reader, clause, words
from nkfacts.checkdraft.goingon import names_nothing_new
from nkfacts.checkdraft.period_of import Dates
from nkfacts.checkdraft.text import Sentence

PER_SIDE = re.compile(r"\b(?:each|either|per)\s+side\b", re.IGNORECASE)
ESTIMATE = re.compile(r"\b(?:estimates?|count|figure|toll|tally)\b", re.IGNORECASE)
LABEL = re.compile(r"^\s*[\w'’ -]{1,40}:\s")
ALL_PEOPLE = re.compile(r"\b(?:people|persons|lives|all)\b", re.IGNORECASE)
# The next item of a semicolon list, opened by a short key ('…; 2022, around 400', '…; 1997,
# 29', '…; Armenia 5,500'): it counts what the item before it counted, for the same claimant.
_NEXT_ITEM = re.compile(
    r";[\s,]*(?:(?:(?-i:[A-Z])[\w'’.–-]*[\s,]+){0,3}?|"  # a name; a date there is blanked
    # '…; another tally has as many as 800,000': a count of the same by another
    r"(?:[\w'’-]+\s+){0,2}(?:tally|count|estimate|figure|source|report|version)s?\s+"
    r"(?:[\w'’-]+\s+)?)"
    r"(?:(?:some|about|around|nearly|roughly|approximately|over|more\s+than|at\s+least|"
    r"up\s+to)\s+)?",
    re.IGNORECASE,
)
# Totals of both sides named so: 'a combined 77', 'All told, 72 people died' (before the
# figure, in its clause); 'killed along the line of contact', 'died on the front' (after it).
_BOTH_BEFORE = re.compile(r"\b(?:combined|all\s+told|jointly)\b", re.IGNORECASE)
_BOTH_AFTER = re.compile(
    r"\b(?:along|on|across)\s+(?:the\s+)?(?:whole\s+)?(?:line(?:\s+of\s+contact)?|"
    r"front(?:\s*line)?|contact\s+line)\b",
    re.IGNORECASE,
)
_HEAD = re.compile(r"\s+(?!and\b)[\w'’-]+(?:\s+[\w'’-]+)?")
# Right after a figure with no noun: punctuation, a preposition, a verb or a measure word.
_NO_NOUN = re.compile(
    r"\s*(?:[.,;:)]|$|(?:in|by|for|according|at|on|during|had|have|has|were|was|more|dead|"
    r"killed|died|wounded|injured|missing)\b)",
    re.IGNORECASE,
)
# 'six of them', 'two of whom': a part of the people named before
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\b", re.IGNORECASE)
_SEMICOLON = re.compile(";")
# A figure's aside: '72 (range 65–121)', '40 (high estimate 43)'.
_ASIDE = re.compile(r"\s*\((?:[a-z-]+\s+){0,3}", re.IGNORECASE)


@dataclass
class Scene:
    """One sentence as `extract._read` needs it: what is the same for all its figures."""

    plain: str
    s: Sentence
    reader: Reader
    by_victim: Reader
    subject_text: str
    own: list[ctx.Mention]
    cls: list[Claimant]
    by_kind: Reader  # 'most of them soldiers' blanked: a part, not the whole's category
    previous: str | None = None  # the one side of the paragraph's last figures
    fallback: tuple[ctx.Period | None, str | None] | None = None  # the sentence's, once read
    last_measure: str | None = None  # the measure of the sentence's last figure read
    last_period: ctx.Period | None = None  # … and its period
    last_claimant: Claimant | None = None  # … and who said it
    claimant: Claimant | None = None  # who says the figure being read

    # What is the same for every figure of the sentence is read once: per figure, a search
    # of the whole sentence made a sentence of 19,000 figures quadratic (minutes).
    @cached_property
    def sentence(self) -> str:
        return self.plain[self.s.start : self.s.end]

    @cached_property
    def breaks(self) -> who.Breaks:
        return who.Breaks(self.plain, self.s.start, self.s.end)

    @cached_property
    def dates(self) -> Dates:
        ms = [m for m in self.own if not m.reported]
        breaks = who.Breaks(self.plain, self.s.start, self.s.end, PERIOD_BREAK)
        semicolons = [m.start() for m in _SEMICOLON.finditer(self.plain, self.s.start, self.s.end)]
        return Dates(ms, [m.start for m in ms], breaks, semicolons)

    @cached_property
    def days(self) -> int | None:
        return durations.duration(self.sentence)

    @cached_property
    def generic_war(self) -> bool:
        return bool(who.GENERIC_WAR.search(self.sentence))

    @cached_property
    def after_war(self) -> bool:
        return periods.after_war(self.sentence)

    @cached_property
    def per_side(self) -> bool:
        return bool(PER_SIDE.search(self.sentence))

    @cached_property
    def labelled(self) -> bool:
        return bool(LABEL.match(self.sentence))

    @cached_property
    def reported(self) -> list[ctx.Mention]:
        """The sentence's dates of saying."""
        return [m for m in self.own if m.reported and m.period]

    @cached_property
    def names_a_kind(self) -> bool:
        """A kind of people named in the sentence ('soldiers', 'people', 'lives')."""
        return bool(ctx.CATEGORY_RE.search(self.sentence) or ALL_PEOPLE.search(self.sentence))

    @cached_property
    def estimate(self) -> bool:
        return bool(ESTIMATE.search(self.sentence))

    def next_item(self, i: int) -> bool:
        """Figure i opens the next item of a semicolon list after a figure read with a measure,
        naming nothing new after it."""
        if i == 0 or self.last_measure is None:
            return False
        (lo, _), (rlo, rhi) = self.reader.gaps(i)
        fig = self.reader.figs[i]
        if _ASIDE.fullmatch(self.plain, lo, fig.start):  # '40 (high estimate 43)'
            return True
        semi = self.plain.rfind(";", lo, fig.start)  # the gaps partition the sentence
        return (
            semi >= 0
            and bool(_NEXT_ITEM.fullmatch(self.plain, semi, fig.start))
            and (names_nothing_new(self.plain, rlo, rhi) or self.plain.startswith(" (", rlo))
        )

    def both_sides(self, i: int) -> bool:
        """Figure i, of no side of its own, is a total of both: 'a combined 77', 'Thirty
        soldiers were killed along the line of contact'."""
        (llo, lhi), (rlo, rhi) = self.reader.gaps(i)
        llo = clause(self.plain, llo, lhi, after=False)[0]
        rhi = clause(self.plain, rlo, rhi, after=True)[1]
        return bool(
            _BOTH_BEFORE.search(self.plain, llo, lhi) or _BOTH_AFTER.search(self.plain, rlo, rhi)
        )

    def claimant_of(self, i: int, para: who.Paragraph) -> Claimant | None:
        """Who says figure i: the nearest claimant of its clause, the paragraph's, or the one
        of the item before in a semicolon list ('UCDP: 1997, 29; 1998, 34')."""
        fig = self.reader.figs[i]
        near = who.nearest(self.cls, self.plain, fig.start, self.breaks)
        claimant = para.resolve(near, self.sentence)
        rlo, rhi = self.reader.gaps(i)[1]
        head = _HEAD.match(self.plain, rlo, rhi)  # '; five Armenian soldiers': its own side
        own_side = head and ctx.PARTY_RE.search(self.plain, rlo, head.end())
        if claimant is None and self.next_item(i) and not own_side:
            claimant = self.last_claimant
        self.claimant = claimant
        return claimant

    def measure_before(self, pos: int) -> str | None:
        """The last measure the sentence names before pos, or the last figure's."""
        lo = max(self.s.start, pos - 300)  # bounded: a sentence of many 'said 5' stays linear
        found = words(ctx.MEASURE_RE, ctx.MEASURE_WORDS, self.plain, lo, pos)
        return found[-1][1] if found else self.last_measure

    def no_kind(self, fig_end: int) -> bool:
        """No noun after the figure, and no kind of people named in its sentence."""
        return bool(_NO_NOUN.match(self.plain, fig_end)) and not self.names_a_kind

    def of_them(
        self, i: int, category: str | None, party: str | None
    ) -> tuple[str | None, str | None]:
        """'Moscow's peacekeepers …: six of them were killed': a part takes the kind and side
        of the people named before it (since the figure before) that its own words leave open."""
        fig = self.reader.figs[i]
        if not _OF_THEM.match(self.plain, fig.end) or (category and party):
            return category, party
        lo = self.reader.gaps(i)[0][0]
        kinds = words(ctx.CATEGORY_RE, ctx.CATEGORY_WORDS, self.plain, lo, fig.start)
        sides = words(ctx.PARTY_RE, ctx.PARTY_WORDS, self.plain, lo, fig.start)
        return category or (kinds[-1][1] if kinds else None), party or (
            sides[-1][1] if len({v for _, v in sides}) == 1 else None
        )
