"""Extraction: the draft's sentences, the figures in them and, for each, who, what and when.

Rules (README, "Check a draft"):
- Markdown code, URLs, link targets, footnote and reference markers are ignored; dates and
  named periods are read as periods, never as figures.
- A figure's *measure* (killed, wounded, …) must be in its own clause: the words after it up to
  the next figure or clause break, else the words before it; a figure in a list ('88 Armenian
  and 94 Azerbaijani soldiers were killed') shares its neighbour's, and so does one the
  sentence compares or adds ('as did 12', 'up from the 7,633', 'Baku's count of 2,906'), and so
  does one after a count phrase ('is put at', 'X counted:') or the next member of a list ('27
  servicemen and six civilians'). No measure, or a thing counted ('255 tanks', '16 villages'):
  not a casualty figure, skipped.
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

from nkfacts.checkdraft import context as ctx
from nkfacts.checkdraft import durations, periods, sharing, when, who
from nkfacts.checkdraft.claimant import DATASET_TERM, Claimant, claimants
from nkfacts.checkdraft.clauses import (
    BARE,
    COUNT_IS,
    ELLIPSIS,
    LIST_NEXT,
    SAID_BARE,
    Reader,
    bare,
    words,
)
from nkfacts.checkdraft.counted import not_a_casualty_count
from nkfacts.checkdraft.found import Found
from nkfacts.checkdraft.goingon import NOT_CASUALTIES, names_nothing_new
from nkfacts.checkdraft.numbers import Figure, figures
from nkfacts.checkdraft.period_of import sentence_period
from nkfacts.checkdraft.reading import MAX_FIGURES, too_many
from nkfacts.checkdraft.scene import LABEL, Scene
from nkfacts.checkdraft.text import Sentence, blank, mask, sentences, table_cells


def extract(text: str) -> list[Found]:
    """Every casualty figure of the text (Markdown or plain), in order, read into a `Found`:
    the figure and its hedges, party, category, measure, period (and where it came from),
    claimant and the date it was said. Public as `nkfacts.checkdraft.read`."""
    masked = mask(text)
    ms = when.complete(masked, ctx.mentions(masked))
    plain = blank(masked, [(m.start, m.end) for m in ms])
    ms = when.ranges(masked, ms)
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
    mention_starts = [m.start for m in ms]  # `ms` is in text order
    for k, s in enumerate(sents):
        own = periods.mentions_in(ms, s, mention_starts)
        para.enter(s.paragraph, s.item)
        if s.heading:
            frame.heading = periods.as_of(own[-1]) if own else None
            continue
        cls = claimants(plain, s.start, s.end)
        para.text = masked[s.start : s.end]
        found = _read(plain, s, by_sentence.get(k, []), own, frame, cls, para)
        out.extend(found)
        if len(out) > MAX_FIGURES:
            raise too_many("casualty figures", MAX_FIGURES)
        _remember(para, plain, s, cls, found)
        # a dataset's own term ('battle-related') is its claimant's, not a kind to go on with
        kinds = [f.category for f in found if f.category and not DATASET_TERM.get(f.claimant or "")]
        para.category = kinds[-1] if kinds else para.category
        frame.update(s, own)
        last = found[-1] if found else None
        # 'Azerbaijan said on 11 January 2021 that … during the war': the next sentence goes
        # on about the war the figures were read as, not the day it was said
        said_only = bool(own) and all(m.reported for m in own)
        if said_only and last and last.period_from == "sentence" and last.period in ctx.WARS:
            frame.paragraph, frame.said = (s.paragraph, last.period), False
    return out


def _remember(
    para: who.Paragraph, plain: str, s: Sentence, cls: list[Claimant], found: list[Found]
) -> None:
    """What the paragraph keeps of a sentence: its sides, measures, the side its figures
    were read as."""
    # the sentence alone, blanked: a copy of the whole text per sentence was quadratic
    own_text = who.blank_spans(
        plain[s.start : s.end],
        [(a - s.start, b - s.start) for a, b in who.not_the_victims(plain, s.start, s.end, cls)],
    )
    sides = {ctx.PEOPLE.get(re.sub(r"[\s-]+", " ", w.lower()), "") for w in _party_words(own_text)}
    # the one side its figures were read as ('Azerbaijan stated that 398 of its soldiers
    # …': Azerbaijan, though a claimant's word), for an 'its' in the next sentence
    read_as = {f.party for f in found if f.party and f.party != "Both sides"}
    # … or, in a sentence of no figures, the one side it names ('Azerbaijan's losses were
    # argued over. Its military dead …')
    named = {
        ctx.PARTY_WORDS.get(re.sub(r"[\s-]+", " ", w.lower()), "") for w in _party_words(own_text)
    }
    read_as = read_as or (named if not found and len(named) == 1 else set()) - {"", "Both sides"}
    para.side = next(iter(read_as)) if len(read_as) == 1 else (None if found else para.side)
    # '… up to 3,000 people were killed. The decade … added more than 540 deaths.'
    para.both = {f.party for f in found} == {"Both sides"} if found else para.both
    para.measures = {f.measure for f in found if f.measure} or para.measures
    # the sides its figures were read as count too: 'two Karabakh soldiers and one
    # soldier from Armenia' named two
    if len((sides - {""}) | read_as) > 1:
        sides |= read_as
    measure = next((f.measure for f in found), None)
    para.attacker = who.attacker(para.text) or para.attacker  # (named periods unblanked)
    para.after(plain[s.start : s.end], cls, measure, sides - {""}, own_text)


def _party_words(sentence: str) -> list[str]:
    return [m.group(1) for m in ctx.PARTY_RE.finditer(sentence)]


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
    reader = Reader(plain, s, figs)
    not_kinds = [
        *_PARTITIVE.finditer(plain, s.start, s.end),
        *_AUDIENCE.finditer(plain, s.start, s.end),
    ]
    kinds = who.blank_spans(victims, sorted(m.span() for m in not_kinds))
    scene = Scene(
        plain,
        s,
        reader,
        Reader(victims, s, figs),
        subject,
        own,
        cls,
        Reader(kinds, s, figs),
        para.side,
    )
    read: list[Found | None] = []
    for i, measure in enumerate(reader.measures()):
        read.append(_one(scene, i, measure, frame, para))
        scene.last_measure = next((f.measure for f in reversed(read) if f), None)
        scene.last_period = next((f.period for f in reversed(read) if f), None)
        scene.last_claimant = scene.claimant if read[-1] else scene.last_claimant
    speakers = {c.nation for c in cls if c.nation}
    sharing.share(reader, read, victims, para, speakers.pop() if len(speakers) == 1 else None)
    return [f for f in read if f is not None]


def _one(
    scene: Scene, i: int, measure: str | None, frame: periods.Frame, para: who.Paragraph
) -> Found | None:
    """Figure i of the scene's sentence, read (None: not a casualty figure)."""
    plain, s, reader, fig = scene.plain, scene.s, scene.reader, scene.reader.figs[i]
    claimant = scene.claimant_of(i, para)
    cell = table_cells(plain, fig.start) if s.item else None
    measure = measure or _implied_measure(scene, claimant, para, cell, i)
    if measure is None or not_a_casualty_count(plain, fig.start, fig.end):
        return None
    reported = scene.reported
    # '72 deaths, not 172', '19 — or 20': a figure set against the one before is of its period
    left = plain[reader.gaps(i)[0][0] : fig.start]
    instead = scene.last_period if i > 0 and _INSTEAD.search(left) else None
    period, sure = sentence_period(plain, reader, i, scene.dates, instead)
    source: str | None = "sentence" if period else None
    if period is None:
        if scene.fallback is None:
            scene.fallback = periods.fallback_period(scene.sentence, s, frame, reported, para.war)
        period, source = scene.fallback
    days = scene.days
    if period is not None and days and period.precision == "day" and period.start == period.end:
        began = any(  # 'the four days of fighting that began on 1 April'
            m.period == period and when.BEGAN.search(plain, max(0, m.start - 30), m.start)
            for m in scene.own
        )
        period = durations.ending_on(period, days, began)
    if period is not None and period not in ctx.NAMED_PERIODS and scene.after_war:
        period = periods.after_the_war(period)
    elif period is not None:
        period = periods.toll_of_the_war(period)
        if periods.up_to_a_day(period):  # (rare: the story is looked up only then)
            period = periods.from_the_start(period, _story(scene, frame, fig.start))
    period = periods.of_the_measure(period, measure, frame)
    category = _category(scene, i, measure, para, cell)
    party = _party(scene, i, claimant, category)
    party = None if party is BARE_MARK else party
    category, party = scene.of_them(i, category, party)
    if cell is not None:
        party = party or _word_of(cell[1], ctx.PARTY_RE, ctx.PARTY_WORDS)
    if claimant is not None and claimant.dataset_category:  # a dataset counts in its own way
        category = claimant.dataset_category
        party = who.party_for_dataset(party, claimant)
    if category == "mercenary" and party is None:
        party = "Syrian fighters"
    as_of = reported[0].period.end if reported and reported[0].period else None
    name = claimant.name if claimant is not None else None
    unnamed = period is None and scene.generic_war
    part = sharing.is_part(plain, reader, i, left)
    per_side = party == "Both sides" and scene.per_side
    found = Found(
        fig, s, party, category, measure, period, source, name, as_of, unnamed, part, per_side
    )
    found.days, found.sure = days, sure
    return found


_PARTITIVE = re.compile(
    r"\b(?:most|many|some|half|all|several|a\s+third|two-thirds|the\s+majority)\s+of\s+"
    r"(?:them|whom)\s+(?:were\s+)?[\w-]+",
    re.IGNORECASE,
)
# Who a claim was told to is not who it counts: 'a spokesman told reporters'.
_AUDIENCE = re.compile(
    r"\b(?:told|briefed|addressed|informed|quoted\s+by)\s+(?:the\s+|foreign\s+|local\s+)?"
    r"(?:reporters|journalists|correspondents|press|media)\b",
    re.IGNORECASE,
)
BARE_MARK = "\0bare"  # a figure saying nothing of whose: the previous one's


def _story(scene: Scene, frame: periods.Frame, pos: int) -> list[ctx.Period]:
    """The periods named before a figure: its paragraph's, then its sentence's, in order."""
    out = (
        [frame.paragraph[1]] if frame.paragraph and frame.paragraph[0] == scene.s.paragraph else []
    )
    k = bisect.bisect_left(scene.dates.starts, pos)
    near = scene.dates.ms[max(0, k - 32) : k]  # bounded: a sentence of thousands of dates
    return out + [m.period for m in near if m.period and not m.as_of and m.end <= pos]


def _party(scene: Scene, i: int, claimant: Claimant | None, category: str | None) -> str | None:
    """The party of figure i: its own words; else (a bare figure after another, 'killed 14
    soldiers and injured three': BARE_MARK) the previous figure's; else 'its' → the subject,
    the claimant's state, a list label, the sentence's nearest word."""
    s, reader = scene.s, scene.reader
    party = scene.by_victim.pick(ctx.PARTY_RE, ctx.PARTY_WORDS, i, False)
    if category == "journalist" and party in (None, "Both sides"):
        return None  # reporters are of no side, unless their own words name one ('in all')
    (llo, _), (rlo, rhi) = reader.gaps(i)
    left = scene.plain[llo : reader.figs[i].start]
    joined = bare(left, scene.plain[rlo:rhi]) or ELLIPSIS.search(left)
    # '27 soldiers and six civilians': a list member naming no side is of the one before's
    joined = joined or LIST_NEXT.fullmatch(scene.plain, llo, reader.figs[i].start)
    if party is None and i > 0 and joined and ";" not in left:
        party = BARE_MARK
    right = scene.plain[rlo:rhi]
    if party is None and i > 0 and _SEMI_BARE.search(left) and BARE.match(right):
        party = BARE_MARK  # '… three Armenian soldiers in Karabakh; 41 were injured'

    if party is None:
        party = who.party_without_word(
            scene.subject_text[s.start : s.end], scene.plain[llo:rhi], claimant, scene.previous
        )
    # 'Russian peacekeepers reported moving 5,000': who acts on the figure is not its side
    nation = claimant.nation if claimant is not None else None
    acting = who.speaker_acts(scene.plain, llo, reader.figs[i].start, nation)
    if party is not None or acting:
        return party
    party = who.party_of_claimant(claimant) or _label(scene, ctx.PARTY_RE, ctx.PARTY_WORDS)
    party = party or scene.by_victim.pick(ctx.PARTY_RE, ctx.PARTY_WORDS, i, True)
    return party or ("Both sides" if scene.both_sides(i) else None)


def _category(
    scene: Scene, i: int, measure: str, para: who.Paragraph, cell: tuple[str, str] | None
) -> str | None:
    """The kind of figure i: its own words, a table row's, a list label's; none for 'people'
    ('13 people, among them a civilian'); with no noun, in a sentence naming no kind, the
    paragraph's ('Ninety-four Azerbaijani soldiers died … Armenia's toll is put at 88')."""
    fig = scene.reader.figs[i]
    if _PEOPLE_OF_ALL.match(scene.plain, fig.end):
        return None
    category = scene.by_kind.pick(ctx.CATEGORY_RE, ctx.CATEGORY_WORDS, i, False) or _label(
        scene, ctx.CATEGORY_RE, ctx.CATEGORY_WORDS
    )
    if cell is not None:
        category = category or _word_of(" ".join(cell), ctx.CATEGORY_RE, ctx.CATEGORY_WORDS)
    if category is None and measure == para.measure and scene.labelled:
        category = para.category  # a list of the same measure: 'Azerbaijan: 2,906.'
    if category is None and scene.no_kind(fig.end) and measure in para.measures_named():
        category = para.category or para.named_category
    return category


# Only people after a figure, up to the sentence's end: '3,825 soldiers.', '50 Armenian troops.'
_PEOPLE_AFTER = re.compile(
    r"\s+(?:[A-Z][\w-]+\s+)?(?:soldiers|servicemen|troops|civilians|people|fighters|"
    r"conscripts|men)\s*(?:[.!?]|$)"
)
_SEMI_BARE = re.compile(r";\s*$")
_INSTEAD = re.compile(
    r"^[^.;:]{0,30}?(?:,|—|–)\s*(?:(?:and|but)\s+)?(?:not|or|rather\s+than|instead\s+of)\s+"
    r"(?:(?:the|some|about|around|nearly|over|more\s+than|at\s+least)\s+)?$",
    re.IGNORECASE,
)
_INTO = re.compile(r"\b(?:in|into)\s+$", re.IGNORECASE)


def _implied_measure(
    scene: Scene,
    claimant: Claimant | None,
    para: who.Paragraph,
    cell: tuple[str, str] | None,
    i: int,
) -> str | None:
    """The measure of a figure whose words name none: the paragraph's, for a sentence going
    on about its claimant ('For 2016 it gives 141.'); deaths, for a dataset's estimate; a
    table column's header; a list label's, else the list's ('Azerbaijan: 2,906.')."""
    fig = scene.reader.figs[i]
    if claimant is not None and claimant not in scene.cls and para.measure:
        return para.measure
    # 'How many Armenians died in 2020? Yerevan says 3,825 soldiers.': a claimant's figure of
    # people with no verb counts what the paragraph last asked or said.
    if claimant is not None and para.named_measure and _PEOPLE_AFTER.match(scene.plain, fig.end):
        return para.named_measure
    # 'Yerevan's count is 3,825': a count named with no measure is of what was last said.
    if COUNT_IS.search(scene.plain, max(scene.s.start, fig.start - 120), fig.start):
        return scene.last_measure or para.named_measure or para.measure
    if scene.next_item(i):  # '2021, 40; 2022, around 400'
        return scene.last_measure
    said = SAID_BARE.search(scene.plain, max(scene.s.start, fig.start - 30), fig.start)
    if said and names_nothing_new(scene.plain, *scene.reader.gaps(i)[1]):  # '… guessed 60.'
        return scene.measure_before(fig.start) or para.named_measure or para.measure
    # '27 servicemen and six civilians': a list member counts what the one before it did
    left = scene.reader.gaps(i)[0][0]
    if scene.last_measure and i > 0 and LIST_NEXT.fullmatch(scene.plain, left, fig.start):
        right = scene.reader.gaps(i)[1]
        return None if NOT_CASUALTIES.match(scene.plain, *right) else scene.last_measure
    # a dataset counts deaths only: 'UCDP's 2024 release gives 7,646' (not 'splits it in two')
    if claimant is not None and claimant.dataset_category:
        (llo, lhi), right = scene.reader.gaps(i)
        if scene.estimate or (
            names_nothing_new(scene.plain, *right) and not _INTO.search(scene.plain, llo, lhi)
        ):
            return "killed"
    if cell is not None:
        return _word_of(cell[0], ctx.MEASURE_RE, ctx.MEASURE_WORDS)
    if scene.labelled:
        return _label(scene, ctx.MEASURE_RE, ctx.MEASURE_WORDS) or para.measure
    return None


# Right after a figure with no noun: punctuation, a preposition, a verb or a measure word.
_PEOPLE_OF_ALL = re.compile(r"\s+(?:[A-Z][\w-]+\s+)?(?:people|persons)\b")


def _word_of(text: str, pattern: re.Pattern[str], table: dict[str, str]) -> str | None:
    found = words(pattern, table, text, 0, len(text))
    return found[0][1] if found else None


def _label(scene: Scene, pattern: re.Pattern[str], table: dict[str, str]) -> str | None:
    """In a sentence 'Label: figure' ('Syrian mercenaries: 541.'), the label's word."""
    m = LABEL.match(scene.sentence)
    if not m:
        return None
    found = words(pattern, table, scene.plain, scene.s.start, scene.s.start + m.end())
    return found[0][1] if found else None
