"""Extraction: the draft's sentences, the figures in them and, for each, who, what and when.

Rules (README, "Check a draft"):
- Markdown code, URLs, link targets, footnote and reference markers are ignored; dates and
  named periods are read as periods, never as figures.
- A figure's *measure* (killed, wounded, …) must be in its own clause: the words after it up to
  the next figure or clause break, else the words before it; a figure in a list ('88 Armenian
  and 94 Azerbaijani soldiers were killed') shares its neighbour's, and so does one the
  sentence compares or adds ('as did 12', 'up from the 7,633', 'Baku's count of 2,906'). No
  measure, or a thing counted ('255 tanks', '16 villages'): not a casualty figure, skipped.
- *Claimant*: who says it ('according to X', 'X said', 'X's count', 'Western estimates of',
  a dataset named; `claimant`, `who`), read apart from the party.
- *Party* and *category*: the words right after the figure ('91 Armenian soldiers'), else the
  nearest before it in its clause ('Azerbaijan lost 94'), never the claimant's words or the
  side doing harm ('by Armenian shelling'); else 'its soldiers' → the sentence's subject, a
  state's own statement → its side, a label ('Azerbaijan: 2,906'), the nearest in the
  sentence; list members share a party or category only one of them names (`who`).
- *Period*: the period named nearest in the sentence (a date inside a named period also named
  there counts as the named one; 'by 28 October 2020' reads as the war up to that day; a date
  of saying is the claim's `as_of`, not its period), else the paragraph's, the section
  heading's, the document's war, the date it was said (`periods`, `when`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from nkfacts.checkdraft import context as ctx
from nkfacts.checkdraft import periods, when, who
from nkfacts.checkdraft.claimant import Claimant, claimants
from nkfacts.checkdraft.numbers import Figure, figures
from nkfacts.checkdraft.text import Sentence, blank, mask, sentences, table_cells

# 'For 2016 it gives 141, for 2014 just 46': a comma and 'for'/'in' start the next figure's
# period.
_PERIOD_BREAK = re.compile(
    r";|,\s+(?:and|but|while|whereas)\s|,\s+(?:and\s+)?(?:for|in)\s", re.IGNORECASE
)
_CLAUSE_BREAK = re.compile(
    r";|:|,\s+(?:after|before|when|while|which|who|whereas|but|because|since|although)\b|"
    r",\s+and\s+(?=[A-Z]|the\s)|"
    r"\s(?:after|before|when|while|whereas|although)\s",
    re.IGNORECASE,
)
_NOT_A_TOLL = re.compile(
    r"\b(?:deployed|stationed|sent|dispatched|arrived\s+to\s+(?:guard|patrol)|guard|patrol|"
    r"territor\w+|control)\b",
    re.IGNORECASE,
)
# A closed list of things counted in war reporting that are not people: '255 tanks',
# 'seven combat vehicles', '16 villages' (up to two words may stand before the noun).
_THINGS = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:tanks?|vehicles?|drones?|UAVs?|aircraft|planes?|jets?|"
    r"helicopters?|guns?|howitzers?|mortars?|artillery|launchers?|systems?|pieces?|weapons?|"
    r"rifles?|missiles?|rockets?|shells?|rounds|mines|villages?|towns?|cities|settlements?|"
    r"districts?|regions?|provinces?|posts?|positions?|outposts?|hills?|heights?|km|"
    r"kilomet\w*|miles?|hectares?|votes?|signatures?|delegates?|seats?|buses|trucks?|cars?|"
    r"convoys?|houses?|homes?|buildings?|schools?|hospitals?|churches|mosques?|bridges?|"
    r"roads?|dollars?|euros?|manats?|drams?|rubles?|tonnes?|tons?|litres?|barrels?|"
    r"meetings?|resolutions?|times|points?|percent|per\s*cent)\b(?!['’]s\b)",
    re.IGNORECASE,
)
_ELLIPSIS = re.compile(
    r"(?:\b(?:along\s+with|alongside|together\s+with|as\s+(?:was|were|did|had)|including|"
    r"among\s+them|of\s+(?:whom|which)|"
    r"as\s+well\s+as|(?:up|down)\s+from|against|compared\s+(?:with|to)|versus|plus)|"
    r"\b(?:count|figure|tally|toll|estimate|number|total)\s+(?:of|at|to|was|is|stood\s+at))"
    r"(?:\s+(?:the|just|only|some|about|around))?\s*$",
    re.IGNORECASE,
)
_RELEASED = re.compile(
    r"\b(?:released|freed|repatriated|returned|handed\s+over|exchanged|in\s+exchange)\b", re.I
)
_JOIN = re.compile(r",|\band\b|\bor\b|\bwhile\b|\bwhereas\b|\bas\s+well\s+as\b", re.I)
_COORDINATION = re.compile(
    r"^[\s\w'’-]{0,48}?(?:,|\band\b|\bor\b|\bwhile\b|\bas\s+well\s+as\b|\bas\s+(?:was|were|did)\b|"
    r"\balong\s+with\b|\balongside\b|\btogether\s+with\b|\bplus\b|\bagainst\b|\bversus\b|"
    r"\b(?:up|down)\s+from(?:\s+the)?\b|\bcompared\s+(?:with|to)(?:\s+the)?\b|—|–|:|\()\s*$",
    re.I,
)


@dataclass
class Found:
    """One figure with the context it was read in."""

    figure: Figure
    sentence: Sentence
    party: str | None
    category: str | None
    measure: str | None
    period: ctx.Period | None
    period_from: str | None  # 'sentence', 'paragraph', 'heading', 'document' or None
    claimant: str | None = None  # who says it, as the data names claimants
    as_of: str | None = None  # when it was said ('said on 11 January 2021'), ISO day
    unnamed_war: bool = False  # no period, but the sentence speaks of 'the war'


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
        gap_lo = llo
        llo, lhi = _clause(self.masked, llo, lhi, after=False)
        if i > 0 and llo == gap_lo:  # '91 Armenian soldiers and 94 …': 'Armenian' is 91's
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
        lead = _words(pattern, table, self.masked, self.s.start, self.figs[0].start)
        return lead[-1][1] if lead else None

    def measures(self) -> list[str | None]:
        """Each figure's measure, or None: not a casualty figure."""
        out: list[str | None] = []
        things: set[int] = set()
        for i in range(len(self.figs)):
            (llo, lhi), (rlo, rhi) = self.gaps(i)
            rlo, rhi = _clause(self.masked, rlo, rhi, after=True)
            head = self.masked[rlo:rhi]
            first = ctx.MEASURE_RE.search(head)
            thing = _THINGS.match(head)  # 'left their homes' is a measure, not homes
            thing = thing if thing and not (first and first.start() < thing.end()) else None
            if _NOT_A_TOLL.search(head[: first.start()] if first else head) or thing:
                things.add(i)
                out.append(None)
                continue
            measure = self.pick(ctx.MEASURE_RE, ctx.MEASURE_WORDS, i, False)
            # 'released 44 prisoners of war': the verb says what happened to the prisoners.
            if measure == "captured" and _RELEASED.search(self.masked, llo, rhi):
                measure = "released"
            out.append(measure)
        # A figure in a list shares its neighbour's measure ('88 Armenian and 94 Azerbaijani');
        # so does one the sentence compares or adds ('as did 12', 'up from the 7,633').
        for i in range(len(out)):
            if out[i] is not None or i in things:
                continue
            (llo, lhi), (rlo, rhi) = self.gaps(i)
            left = self.masked[llo:lhi]
            if i + 1 < len(out) and out[i + 1] and _COORDINATION.match(self.masked[rlo:rhi]):
                out[i] = out[i + 1]
            elif i > 0 and out[i - 1] and (_COORDINATION.match(left) or _ELLIPSIS.search(left)):
                out[i] = out[i - 1]
            elif i > 0 and out[i - 1] and _bare(left, self.masked[rlo:rhi]):
                out[i] = out[i - 1]  # '14 soldiers and Azerbaijan three', 'and an Azerbaijani one'
        return out


def extract(text: str) -> list[Found]:
    """Every casualty figure of the text (Markdown or plain), in order, read into a `Found`:
    the figure and its hedges, party, category, measure, period (and where it came from),
    claimant and the date it was said. Public as `nkfacts.checkdraft.read`."""
    masked = mask(text)
    ms = when.complete(masked, ctx.mentions(masked))
    plain = blank(masked, [(m.start, m.end) for m in ms])
    figs = figures(plain)
    sents = sentences(masked)
    starts = [s.start for s in sents]
    by_sentence: dict[int, list[Figure]] = {}
    for f in figs:
        k = bisect.bisect_right(starts, f.start) - 1
        if k >= 0:
            by_sentence.setdefault(k, []).append(f)
    out: list[Found] = []
    frame = periods.Frame(document=periods.document_period(sents, ms))
    para = who.Paragraph()
    for k, s in enumerate(sents):
        own = periods.mentions_in(ms, s)
        para.enter(s.paragraph, s.item)
        if s.heading:
            frame.heading = periods.as_of(own[-1]) if own else None
            continue
        cls = claimants(plain, s.start, s.end)
        para.text = masked[s.start : s.end]
        found = _read(plain, s, by_sentence.get(k, []), own, frame, cls, para)
        out.extend(found)
        victims = who.blank_spans(plain, who.not_the_victims(plain, s.start, s.end, cls))
        sides = {
            ctx.PEOPLE.get(re.sub(r"[\s-]+", " ", w.lower()), "") for w in _party_words(victims, s)
        }
        para.after(
            plain[s.start : s.end], cls, next((f.measure for f in found), None), sides - {""}
        )
        para.category = next((f.category for f in reversed(found) if f.category), para.category)
        frame.update(s, own)
    return out


def _party_words(text: str, s: Sentence) -> list[str]:
    return [m.group(1) for m in ctx.PARTY_RE.finditer(text, s.start, s.end)]


def _sentence_period(
    plain: str, reader: _Reader, i: int, own: list[ctx.Mention]
) -> ctx.Period | None:
    """The period named for figure i in its sentence: in its own clause first, a named period
    before a date (a sentence naming a war is about the war; other dates there date the
    claim); an 'as of' date ('by 28 October') only in its own clause."""
    (llo, lhi), (rlo, rhi) = reader.gaps(i)
    fig = reader.figs[i]
    llo = _clause(plain, llo, lhi, after=False, pattern=_PERIOD_BREAK)[0]
    rhi = _clause(plain, rlo, rhi, after=True, pattern=_PERIOD_BREAK)[1]
    clause = [m for m in own if llo <= m.start < rhi]
    # An 'as of' date opening the sentence ('As of 9 November, …') dates all of it.
    opening = [m for m in own if m.as_of and m.start - reader.s.start < 12]
    elsewhere = [m for m in own if (not m.as_of or m in opening) and m not in clause]
    for group in (clause, elsewhere):
        best = [m for m in group if m.named or m.as_of] or group
        if best:
            nearest = min(best, key=lambda m: min(abs(m.start - fig.end), abs(m.end - fig.start)))
            return periods.as_of(nearest)
    return None


@dataclass
class _Scene:
    """One sentence as `_read` needs it."""

    plain: str
    s: Sentence
    reader: _Reader
    by_victim: _Reader
    subject_text: str
    own: list[ctx.Mention]
    cls: list[Claimant]
    by_kind: _Reader  # 'most of them soldiers' blanked: a part, not the whole's category

    @property
    def sentence(self) -> str:
        return self.plain[self.s.start : self.s.end]


def _read(
    plain: str,
    s: Sentence,
    figs: list[Figure],
    own: list[ctx.Mention],
    frame: periods.Frame,
    cls: list[Claimant],
    para: who.Paragraph,
) -> list[Found]:
    if not figs:
        return []
    victims = who.blank_spans(plain, who.not_the_victims(plain, s.start, s.end, cls))
    subject = who.blank_spans(plain, [(c.start, c.end) for c in cls if not c.nation])
    reader = _Reader(plain, s, figs)
    kinds = who.blank_spans(plain, [m.span() for m in _PARTITIVE.finditer(plain, s.start, s.end)])
    scene = _Scene(
        plain, s, reader, _Reader(victims, s, figs), subject, own, cls, _Reader(kinds, s, figs)
    )
    read = [_one(scene, i, measure, frame, para) for i, measure in enumerate(reader.measures())]
    _share(reader, read, victims, para)
    return [f for f in read if f is not None]


def _one(
    scene: _Scene, i: int, measure: str | None, frame: periods.Frame, para: who.Paragraph
) -> Found | None:
    """Figure i of the scene's sentence, read (None: not a casualty figure)."""
    plain, s, reader, fig = scene.plain, scene.s, scene.reader, scene.reader.figs[i]
    claimant = para.resolve(who.nearest(scene.cls, plain, fig.start), scene.sentence)
    cell = table_cells(plain, fig.start) if s.item else None
    measure = measure or _implied_measure(scene, claimant, para, cell)
    if measure is None:
        return None
    reported = [m for m in scene.own if m.reported and m.period]
    period = _sentence_period(plain, reader, i, [m for m in scene.own if not m.reported])
    source: str | None = "sentence" if period else None
    if period is None:
        period, source = periods.fallback_period(scene.sentence, s, frame, reported, para.war)
    days = when.duration(scene.sentence)
    if period is not None and days and period.precision == "day" and period.start == period.end:
        period = when.ending_on(period, days)
    if period is not None and period not in ctx.NAMED_PERIODS:
        period = periods.after_the_war(scene.sentence, period)
    if period is not None and measure == "displaced" and period == ctx.OFFENSIVE_2023:
        period = ctx.EXODUS
    party = _party(scene, i, claimant)
    category = scene.by_kind.pick(ctx.CATEGORY_RE, ctx.CATEGORY_WORDS, i, False) or _label(
        scene, ctx.CATEGORY_RE, ctx.CATEGORY_WORDS
    )
    party = None if party is _BARE_MARK else party
    if cell is not None:
        party = party or _word_of(cell[1], ctx.PARTY_RE, ctx.PARTY_WORDS)
        category = category or _word_of(" ".join(cell), ctx.CATEGORY_RE, ctx.CATEGORY_WORDS)
    if category is None and measure == para.measure and _LABEL.match(scene.sentence):
        category = para.category  # a list of the same measure: 'Azerbaijan: 2,906.'
    if claimant is not None and claimant.dataset_category:  # a dataset counts in its own way
        category = claimant.dataset_category
        party = who.party_for_dataset(party, claimant)
    if category == "mercenary" and party is None:
        party = "Syrian fighters"
    as_of = reported[0].period.end if reported and reported[0].period else None
    name = claimant.name if claimant is not None else None
    unnamed = period is None and bool(who.GENERIC_WAR.search(scene.sentence))
    return Found(fig, s, party, category, measure, period, source, name, as_of, unnamed)


_PARTITIVE = re.compile(
    r"\b(?:most|many|some|half|all|several|a\s+third|two-thirds|the\s+majority)\s+of\s+"
    r"(?:them|whom)\s+(?:were\s+)?[\w-]+",
    re.IGNORECASE,
)
_BARE_MARK = "\0bare"  # a figure saying nothing of whose: the previous one's
_BARE = re.compile(
    r"\s*(?:(?:on|in|at|by)\s+)?(?:[.,;:)]|$|(?:had\s+been\s+|have\s+been\s+|were\s+|was\s+)?(?:killed|wounded|"
    r"injured|dead|died|missing|captured|released|freed|displaced)\b)",
    re.IGNORECASE,
)


_BARE_LEFT = re.compile(r"(?:\band|,)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def _bare(left: str, right: str) -> bool:
    """A figure saying nothing more: just after 'and' or a comma (up to two words between),
    and before punctuation or a measure word ('and injured three.', 'and Azerbaijan three,')."""
    return bool(_BARE_LEFT.search(left) and _BARE.match(right))


def _party(scene: _Scene, i: int, claimant: Claimant | None) -> str | None:
    """The party of figure i: its own words; else (a bare figure after another, 'killed 14
    soldiers and injured three': _BARE_MARK) the previous figure's; else 'its' → the subject,
    the claimant's state, a list label, the sentence's nearest word."""
    s, reader = scene.s, scene.reader
    party = scene.by_victim.pick(ctx.PARTY_RE, ctx.PARTY_WORDS, i, False)
    (llo, _), (rlo, rhi) = reader.gaps(i)
    left = scene.plain[llo : reader.figs[i].start]
    if party is None and i > 0 and (_bare(left, scene.plain[rlo:rhi]) or _ELLIPSIS.search(left)):
        party = _BARE_MARK
    if party is None:
        party = who.party_without_word(
            scene.subject_text[s.start : s.end], scene.plain[llo:rhi], claimant
        )
    party = party or who.party_of_claimant(claimant)
    party = party or _label(scene, ctx.PARTY_RE, ctx.PARTY_WORDS)
    if party is None:
        party = scene.by_victim.pick(ctx.PARTY_RE, ctx.PARTY_WORDS, i, True)
    return party


# The fighting between the sides (a named war is read as a period, not here).
_FIGHTING = re.compile(
    r"\b(?:fighting|clashes|war|conflict|hostilities|front\s*line|line\s+of\s+contact|"
    r"skirmishes|shoot-?outs|border|violence)\b",
    re.IGNORECASE,
)
# A war as the agent of the deaths: 'the 2020 war alone cost 7,717 lives'.
_WAR_KILLED = re.compile(
    r"\b(?:war|fighting|clashes|conflict|escalation)\s+(?:\w+\s+){0,2}?(?:killed|cost|claimed)\b",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"^[\s\w'’-]{0,30}?(?:—|–|:|\()\s*$")


_ESTIMATE = re.compile(r"\b(?:estimates?|count|figure|toll|tally)\b", re.IGNORECASE)
_LABEL = re.compile(r"^\s*[\w'’ -]{1,40}:\s")


def _implied_measure(
    scene: _Scene, claimant: Claimant | None, para: who.Paragraph, cell: tuple[str, str] | None
) -> str | None:
    """The measure of a figure whose words name none: the paragraph's, for a sentence going
    on about its claimant ('For 2016 it gives 141.'); deaths, for a dataset's estimate; a
    table column's header; a list label's, else the list's ('Azerbaijan: 2,906.')."""
    if claimant is not None and claimant not in scene.cls and para.measure:
        return para.measure
    if claimant is not None and claimant.dataset_category and _ESTIMATE.search(scene.sentence):
        return "killed"
    if cell is not None:
        return _word_of(cell[0], ctx.MEASURE_RE, ctx.MEASURE_WORDS)
    if _LABEL.match(scene.sentence):
        return _label(scene, ctx.MEASURE_RE, ctx.MEASURE_WORDS) or para.measure
    return None


def _word_of(text: str, pattern: re.Pattern[str], table: dict[str, str]) -> str | None:
    found = _words(pattern, table, text, 0, len(text))
    return found[0][1] if found else None


def _label(scene: _Scene, pattern: re.Pattern[str], table: dict[str, str]) -> str | None:
    """In a sentence 'Label: figure' ('Syrian mercenaries: 541.'), the label's word."""
    m = _LABEL.match(scene.sentence)
    if not m:
        return None
    found = _words(pattern, table, scene.plain, scene.s.start, scene.s.start + m.end())
    return found[0][1] if found else None


def _people(text: str) -> list[str]:
    return [m.group(1) for m in ctx.PARTY_RE.finditer(text)]


def _respectively(reader: _Reader, read: list[Found | None], victims: str) -> None:
    """'Armenia and Azerbaijan lost 3,825 and 2,906 soldiers respectively': in order."""
    s = reader.s
    if not re.search(r"\brespectively\b", reader.masked[s.start : s.end], re.IGNORECASE):
        return
    lead = victims[s.start : reader.figs[0].start]
    sides = [ctx.PARTY_WORDS.get(re.sub(r"[\s-]+", " ", w.lower())) for w in _people(lead)]
    found = [f for f in read if f is not None]
    if len(sides) == len(found) > 1:
        for f, side in zip(found, sides, strict=True):
            f.party = side


def _share(reader: _Reader, read: list[Found | None], victims: str, para: who.Paragraph) -> None:
    """Figures of one list share what only one of them says ('17 Armenian and ten Azerbaijani
    soldiers': the category; 'twelve Azerbaijani civilians and two soldiers': the party); a
    bare figure takes the previous one's ('killed 14 Armenian soldiers and injured three'); a
    whole before its parts ('ten civilians — six Azerbaijanis and four Armenians') is of both
    sides. In a sentence naming no side at all, a figure is of the side the paragraph's last
    sentence named alone, else (a figure of the fighting) of both sides."""
    for i, f in enumerate(read):
        if f is None:
            continue
        (llo, lhi), (rlo, rhi) = reader.gaps(i)
        left, right = reader.masked[llo:lhi], reader.masked[rlo:rhi]
        bare = i > 0 and _bare(left, right)
        joined = _COORDINATION.match(left) or _ELLIPSIS.search(left) or bare
        prev = next((g for g in reversed(read[:i]) if g is not None), None) if joined else None
        nxt = read[i + 1] if i + 1 < len(read) and _COORDINATION.match(right) else None
        if f.category is None:
            # '17 Armenian and ten Azerbaijani soldiers', not '200 Armenians and 192 … soldiers'
            own_noun = any(re.sub(r"[\s-]+", " ", w.lower()) in ctx.PEOPLE for w in _people(right))
            after = None if own_noun else nxt
            f.category = (after and after.category) or (prev and prev.category) or None
        before = next((g for g in reversed(read[:i]) if g is not None), None)
        if f.category is None and before and before.measure == f.measure and _BARE.match(right):
            f.category = before.category  # 'lost 88 soldiers while … losses were … 31 and 92.'

        if f.party is None and prev is not None and not _APPOSITION.match(left):
            f.party = prev.party
        if f.party is None and nxt is not None and nxt.party == "Both sides":
            f.party = nxt.party  # '77 soldiers and five civilians on the two sides'
        parts = [g for g in read[i + 1 :] if g is not None]
        if f.party is None and _APPOSITION.match(right):
            sides = {g.party for g in parts} - {None}
            f.party = "Both sides" if len(sides) > 1 else None
    sentence = victims[reader.s.start : reader.s.end]
    _respectively(reader, read, victims)
    if ctx.PARTY_RE.search(sentence):
        return
    fighting = _FIGHTING.search(sentence) or _WAR_KILLED.search(para.text)
    side = para.party or ("Both sides" if fighting else None)
    for f in read:
        if f is not None and f.party is None:
            f.party = side
