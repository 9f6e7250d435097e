"""Extraction: the draft's sentences, the figures in them and, for each, who, what and when.

Rules (README, "Check a draft"):
- Markdown code, URLs, link targets, footnote and reference markers are ignored; dates and
  named periods are read as periods, never as figures.
- A figure's *measure* (killed, wounded, …) must be in its own clause: the words after it up to
  the next figure or clause break, else the words before it; a figure in a list ('88 Armenian
  and 94 Azerbaijani soldiers were killed') shares its neighbour's. No measure: not a casualty
  figure, skipped.
- *Party* and *category*: the words right after the figure ('91 Armenian soldiers'), else the
  nearest before it in its clause ('Azerbaijan lost 94'), else the nearest in the sentence.
- *Period*: the period named nearest in the sentence (a date inside a named period also named
  there counts as the named one; 'by 28 October 2020' reads as the war up to that day), else
  the last one named earlier in the paragraph, else in the section's heading.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from nkfacts.checkdraft import context as ctx
from nkfacts.checkdraft.nearest import SentenceMentions
from nkfacts.checkdraft.numbers import Figure, figures
from nkfacts.checkdraft.reading import MAX_FIGURES, too_many

# Linear time: a tag may not hold '<' and a link target may not hold ']', so a failed match
# stops at the next possible start (100 KB of '<' or '](' used to take seconds).
_MASK = re.compile(
    r"```.*?```|`[^`\n]*`|<[^<>\n]+>|\]\([^)\]\s]*\)|\bhttps?://\S+|\bwww\.\S+|"
    r"\[\^?[\w,\s–-]{1,12}\]",
    re.DOTALL,
)
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]*_]*\s+(?=[\"“‘(*_]*[A-Z0-9])")
_BLOCK_START = re.compile(r"[ \t]*(?:#|[-*+][ \t]|\d+\.[ \t]|\|)")
_PERIOD_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\s", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(
    r";|:|,\s+(?:after|before|when|while|which|who|whereas|but|because|since|although)\b|"
    r"\s(?:after|before|when|while|whereas|although)\s",
    re.IGNORECASE,
)
_NOT_A_TOLL = re.compile(
    r"\b(?:deployed|stationed|sent|dispatched|arrived\s+to\s+(?:guard|patrol)|guard|patrol|"
    r"shells|rockets|missiles|kilomet|votes?|signatures|delegates|districts?|regions?|"
    r"provinces?|positions|villages|towns|cities|settlements|territor\w+|control)\b",
    re.IGNORECASE,
)
_RELEASED = re.compile(r"\b(?:released|freed|repatriated|returned|handed\s+over|exchanged)\b", re.I)
_JOIN = re.compile(r",|\band\b|\bor\b|\bwhile\b|\bwhereas\b|\bas\s+well\s+as\b", re.I)
_COORDINATION = re.compile(
    r"^[\s\w'’-]{0,48}?(?:,|\band\b|\bor\b|\bwhile\b|\bas\s+well\s+as\b)\s*$", re.I
)


@dataclass(slots=True)  # a 1 MiB draft may hold 350,000 sentences
class Sentence:
    start: int
    end: int
    paragraph: int
    heading: bool


@dataclass
class Found:
    """One figure with the context it was read in."""

    figure: Figure
    sentence: Sentence
    party: str | None
    category: str | None
    measure: str | None
    period: ctx.Period | None
    period_from: str | None  # 'sentence', 'paragraph', 'heading' or None


def mask(text: str) -> str:
    """The text with code, URLs, link targets and reference markers blanked (offsets kept)."""
    return _MASK.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _blocks(masked: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_heading) of paragraphs, headings and list items."""
    out: list[tuple[int, int, bool]] = []
    start: int | None = None
    pos = 0
    for line in masked.splitlines(keepends=True):
        body = line.strip()
        new_block = not body or _BLOCK_START.match(line)
        if new_block and start is not None:
            out.append((start, pos, False))
            start = None
        if body.startswith("#"):
            out.append((pos, pos + len(line.rstrip()), True))
        elif body and start is None:
            start = pos
        pos += len(line)
    if start is not None:
        out.append((start, pos, False))
    return out


def sentences(masked: str) -> list[Sentence]:
    """Sentences in order, each with its paragraph number and whether it is a heading."""
    out: list[Sentence] = []
    for n, (lo, hi, heading) in enumerate(_blocks(masked)):
        pos = lo
        for m in [*_SENTENCE_END.finditer(masked, lo, hi), None]:
            end = m.start() + 1 if m else hi
            chunk = masked[pos:end]
            body = chunk.strip()
            if body:
                first = pos + len(chunk) - len(chunk.lstrip())
                out.append(Sentence(first, first + len(body), n, heading))
            if m is None:
                break
            pos = m.end()
    return out


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _clause(
    masked: str, lo: int, hi: int, *, after: bool, pattern: re.Pattern[str] | None = None
) -> tuple[int, int]:
    """Narrow [lo, hi) to the figure's own clause: cut at the first (after) or last break."""
    breaks = list((pattern or _CLAUSE_BREAK).finditer(masked, lo, hi))
    if not breaks:
        return lo, hi
    return (lo, breaks[0].start()) if after else (breaks[-1].end(), hi)


def _words(
    pattern: re.Pattern[str], table: dict[str, str], masked: str, lo: int, hi: int
) -> list[tuple[int, str]]:
    out = []
    for m in pattern.finditer(masked, lo, hi):
        key = re.sub(r"[\s-]+", " ", m.group(1).lower())
        value = table.get(key) or table.get(m.group(1).lower())
        if value:
            out.append((m.start(), value))
    return out


class _Reader:
    """Reads the context of each figure of one sentence."""

    def __init__(self, masked: str, sentence: Sentence, figs: list[Figure]) -> None:
        self.masked, self.s, self.figs = masked, sentence, figs
        self.leads: dict[str, str | None] = {}

    def gaps(self, i: int) -> tuple[tuple[int, int], tuple[int, int]]:
        """(left, right) spans of figure i: up to its neighbours or the sentence's ends."""
        fig = self.figs[i]
        left_lo = self.figs[i - 1].end if i > 0 else self.s.start
        right_hi = self.figs[i + 1].start if i + 1 < len(self.figs) else self.s.end
        return (left_lo, fig.start), (fig.end, right_hi)

    def pick(
        self, pattern: re.Pattern[str], table: dict[str, str], i: int, sentence_wide: bool
    ) -> str | None:
        """The word nearest figure i: right after it, else before it in its clause (not the
        previous figure's words), else (sentence_wide) before the sentence's first figure."""
        (llo, lhi), (rlo, rhi) = self.gaps(i)
        rlo, rhi = _clause(self.masked, rlo, rhi, after=True)
        llo, lhi = _clause(self.masked, llo, lhi, after=False)
        if i > 0:  # '91 Armenian soldiers and 94 …': the words before 'and' belong to 91
            joins = list(_JOIN.finditer(self.masked, llo, lhi))
            llo = joins[-1].end() if joins else llo
        if i + 1 < len(self.figs) and rhi == self.figs[i + 1].start:
            # '… 3,825 soldiers, and Azerbaijan lost 2,906': the words after the last join
            # belong to the next figure.
            joins = list(_JOIN.finditer(self.masked, rlo, rhi))
            rhi = joins[-1].start() if joins else rhi
        right = _words(pattern, table, self.masked, rlo, rhi)
        if right:
            return right[0][1]
        left = _words(pattern, table, self.masked, llo, lhi)
        if left:
            return left[-1][1]
        if not sentence_wide or i == 0:
            return None
        if pattern.pattern not in self.leads:  # the same for every figure: read it once
            lead = _words(pattern, table, self.masked, self.s.start, self.figs[0].start)
            self.leads[pattern.pattern] = lead[-1][1] if lead else None
        return self.leads[pattern.pattern]

    def measures(self) -> list[str | None]:
        """Each figure's measure, or None: not a casualty figure."""
        out: list[str | None] = []
        for i in range(len(self.figs)):
            (llo, lhi), (rlo, rhi) = self.gaps(i)
            rlo, rhi = _clause(self.masked, rlo, rhi, after=True)
            head = self.masked[rlo:rhi]
            first = ctx.MEASURE_RE.search(head)
            if _NOT_A_TOLL.search(head[: first.start()] if first else head):
                out.append(None)
                continue
            measure = self.pick(ctx.MEASURE_RE, ctx.MEASURE_WORDS, i, False)
            # 'released 44 prisoners of war': the verb says what happened to the prisoners.
            if measure == "captured" and _RELEASED.search(self.masked, llo, rhi):
                measure = "released"
            out.append(measure)
        # A figure in a list shares its neighbour's measure ('88 Armenian and 94 Azerbaijani').
        for i in range(len(out)):
            if out[i] is not None:
                continue
            (llo, lhi), (rlo, rhi) = self.gaps(i)
            if i + 1 < len(out) and out[i + 1] and _COORDINATION.match(self.masked[rlo:rhi]):
                out[i] = out[i + 1]
            elif i > 0 and out[i - 1] and _COORDINATION.match(self.masked[llo:lhi]):
                out[i] = out[i - 1]
        return out


def _mentions_in(ms: list[ctx.Mention], s: Sentence, starts: list[int]) -> list[ctx.Mention]:
    lo, hi = bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)
    if lo == hi:
        return []
    inside = [m for m in ms[lo:hi] if m.period is not None]
    named = {m.period for m in inside if m.named and m.period}  # at most the few named ones
    return [
        m
        for m in inside
        if m.named
        or m.as_of
        or not any(n.start <= m.period.end and m.period.start <= n.end for n in named if m.period)
    ]


def _as_of(m: ctx.Mention) -> ctx.Period | None:
    p = m.period
    if p is None or not m.as_of:
        return p
    for named in (*ctx.NAMED_PERIODS, ctx.EXODUS):
        if named.start <= p.end <= named.end:
            return ctx.Period(named.start, p.end, named.precision, f"{named.label} up to {p.label}")
    return ctx.Period(p.end[:4] + "-01-01", p.end, "year", f"{p.end[:4]} up to {p.label}")


def extract(text: str) -> list[Found]:
    """Every casualty figure of the draft, in order, with its context."""
    masked = mask(text)
    ms = ctx.mentions(masked)
    plain = _blank(masked, [(m.start, m.end) for m in ms])
    figs = figures(plain)
    sents = sentences(masked)
    starts = [s.start for s in sents]
    by_sentence: dict[int, list[Figure]] = {}
    for f in figs:
        k = bisect.bisect_right(starts, f.start) - 1
        if k >= 0:
            by_sentence.setdefault(k, []).append(f)
    out: list[Found] = []
    para_period: tuple[int, ctx.Period] | None = None
    heading_period: ctx.Period | None = None
    mention_starts = [m.start for m in ms]
    for k, s in enumerate(sents):
        own = _mentions_in(ms, s, mention_starts)
        if s.heading:
            heading_period = _as_of(own[-1]) if own else None
            continue
        found = by_sentence.get(k, [])
        if found:
            out.extend(_read(plain, s, found, own, para_period, heading_period))
            if len(out) > MAX_FIGURES:
                raise too_many("casualty figures", MAX_FIGURES)
        if own:
            last = ([m for m in own if m.named] or own)[-1]
            inherited = _as_of(ctx.Mention(0, 0, last.period, as_of=False))
            if last.as_of and last.period:
                inherited = next(
                    (n for n in ctx.NAMED_PERIODS if n.start <= last.period.end <= n.end),
                    inherited,
                )
            if inherited:
                para_period = (s.paragraph, inherited)
        elif para_period and para_period[0] != s.paragraph:
            para_period = None
    return out


def _sentence_period(
    plain: str, reader: _Reader, i: int, own: SentenceMentions
) -> ctx.Period | None:
    """The period named for figure i in its sentence: in its own clause first, a named period
    before a date (a sentence naming a war is about the war; other dates there date the
    claim); an 'as of' date ('by 28 October') only in its own clause."""
    (llo, lhi), (rlo, rhi) = reader.gaps(i)
    fig = reader.figs[i]
    llo = _clause(plain, llo, lhi, after=False, pattern=_PERIOD_BREAK)[0]
    rhi = _clause(plain, rlo, rhi, after=True, pattern=_PERIOD_BREAK)[1]
    nearest = own.nearest(llo, rhi, fig.start, fig.end)
    return None if nearest is None else _as_of(nearest)


def _read(
    plain: str,
    s: Sentence,
    figs: list[Figure],
    own: list[ctx.Mention],
    para_period: tuple[int, ctx.Period] | None,
    heading_period: ctx.Period | None,
) -> list[Found]:
    reader = _Reader(plain, s, figs)
    indexed = SentenceMentions(own)
    out = []
    for i, (fig, measure) in enumerate(zip(figs, reader.measures(), strict=True)):
        if measure is None:
            continue
        period = _sentence_period(plain, reader, i, indexed)
        source: str | None = "sentence" if period else None
        if period is not None:
            pass
        elif para_period and para_period[0] == s.paragraph:
            period, source = para_period[1], "paragraph"
        elif heading_period:
            period, source = heading_period, "heading"
        if period is not None and measure == "displaced" and period == ctx.OFFENSIVE_2023:
            period = ctx.EXODUS
        party = reader.pick(ctx.PARTY_RE, ctx.PARTY_WORDS, i, True)
        category = reader.pick(ctx.CATEGORY_RE, ctx.CATEGORY_WORDS, i, False)
        if category == "mercenary" and party is None:
            party = "Syrian fighters"
        out.append(Found(fig, s, party, category, measure, period, source))
    return out
