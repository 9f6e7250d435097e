"""Whose losses and who says so, once a sentence's claimants are known.

- The claimant phrases are read apart: 'Western and Russian estimates of its dead' is not a
  Russian figure, 'Armenia's defence ministry put …' not an Armenian one by that word alone.
- The side that did the harm is not the party: 'by Armenian shelling', 'an Azerbaijani drone'.
- A figure with no party word: 'its' / 'their' refers back to the sentence's subject (a state
  speaking of its own losses, or the first state named); a state's own statement is about its
  own side; a dataset's count (UCDP) is of both sides together.
- A claimant named only as 'the ministry' takes the state last named in the paragraph; 'it' /
  'the dataset' in a sentence naming no claimant refers back to the paragraph's last one.
"""

from __future__ import annotations

import bisect
import functools
import re

from nkfacts.checkdraft.claimant import UNNAMED, Claimant, nations
from nkfacts.checkdraft.clauses import ACTS
from nkfacts.checkdraft.numbers import figures
from nkfacts.checkdraft.words import (
    CATEGORY_RE,
    CATEGORY_WORDS,
    MEASURE_RE,
    MEASURE_WORDS,
    PARTY_RE,
    PARTY_WORDS,
)

_AGENT = re.compile(
    r"\bby\s+(?:an?\s+|the\s+)?(?=[A-Z])[\w-]+(?:\s+[\w-]+){0,2}|"
    # A bounded word: an unbounded one re-scanned the rest of a spaceless run from every
    # position (a 1 MiB 'one-one-one-…' took minutes).
    r"\b[\w'’-]{1,40}\s+(?=(?:shelling|shells|fire|sniper|snipers|artillery|strikes?|air\s*strikes?|"
    r"missiles?|rockets?|drones?|mines?|attacks?|bombardment|offensive|gunfire|assault|invasion|incursion|blockade)\b)|"
    # 'Azerbaijan's 24-hour offensive', 'as Azerbaijan launched operations': the side acting
    r"\b[\w-]{1,40}['’]s(?:\s+[\w-]{1,40}){1,2}\s+(?=(?:offensive|assault|operations?|attacks?|"
    r"invasion|incursion|bombardment|blockade)\b)|"
    r"\b(?=[A-Z])[\w-]{1,40}\s+(?:(?:forces|troops|army)\s+)?(?=(?:launched|attacked|shelled|"
    r"struck|bombed|invaded|stormed|began|started|opened|seized|fired)\b)|"
    # 'with Moscow accusing Baku of …': who blames whom is neither side counted
    r"\b(?=[A-Z])[\w-]{1,40}\s+(?:accus|blam)[\w]{0,6}\s+(?=[A-Z])[\w-]{1,40}|"
    # 'clashes with Karabakh forces': the enemy, not the side counted
    r"\b(?:clash(?:es|ed)?|fighting|battles?|skirmish(?:es)?)\s+with\s+(?:the\s+)?(?=[A-Z])"
    r"[\w-]{1,40}(?:\s+(?:forces|troops|army|units))?",
)
# 'its soldiers', 'their own dead', 'of its servicemen': a possessive of the people counted.
# Where people went is not whose they are ('taken by ambulance to Armenia'), nor whom they
# fought for ('fighting for Azerbaijan').
_DESTINATION = re.compile(
    r"\b(?:to|into|towards?|reached|entered|crossed\s+into|fighting\s+for|fought\s+for|"
    r"on\s+behalf\s+of)\s+(?:the\s+)?(?=[A-Z])[\w-]+"
)
_PRONOUN = re.compile(
    r"\b(?:its|their|our)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:soldiers|servicemen|troops|men|dead|"
    r"losses|citizens|civilians|people|personnel|fighters|nationals|servicemembers|wounded|"
    r"military|casualties|prisoners|forces)\b",
    re.I,
)
_BACK_REFERENCE = re.compile(
    r"^\W*(?:\w+\s+){0,4}?(?:it|its|they|the\s+dataset|the\s+ministry|the\s+same\s+source|"
    # 'The earlier release, …, said 7,633': the paragraph's source in another version
    r"the\s+(?:\w+\s+)?(?:release|version|edition|update))\b",
    re.I,
)
# 'For the intra-state phase …, it counts 3,000': a clause's subject 'it' naming a count.
_IT_COUNTS = re.compile(
    r",\s+(?:it|they)\s+(?:counts?|gives?|records?|puts?|estimates?|lists?|reports?|finds?)\b",
    re.I,
)
_AGENT_REACH = 160
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
_AND_NEXT = re.compile(r",\s+and\s", re.I)
_IT = re.compile(r"\b(?:it|its|they|the\s+(?:ministry|dataset|same\s+source))\b", re.I)
_ITS_COUNT = re.compile(
    r"^\W*(?:its|their)\s+(?:own\s+|final\s+|official\s+|latest\s+)*(?:count|figures?|tally|"
    r"estimates?|toll|data)\b",
    re.I,
)
_NOT_NEWLINE = re.compile(r"[^\n]")
_APART = re.compile(
    r";|,\s*(?:while|whereas|but)\b|\s(?:while|whereas)\s|,\s*and\s+(?=(?-i:[A-Z]))", re.I
)


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans replaced by spaces (offsets kept): one pass of slices, so its
    cost is a copy of the text, not a Python step per character or a copy per span."""
    if not spans:
        return text
    pieces: list[str] = []
    pos = 0
    for a, b in sorted((max(0, a), min(len(text), b)) for a, b in spans):
        a = max(a, pos)
        if b <= a:
            continue
        pieces += [text[pos:a], _NOT_NEWLINE.sub(" ", text[a:b])]
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)


def not_the_victims(text: str, lo: int, hi: int, claims: list[Claimant]) -> list[tuple[int, int]]:
    """Spans of the sentence whose nation words do not say whose losses: claimant phrases and
    the side doing the harm ('by Armenian shelling')."""
    spans = [(c.start, c.end) for c in claims]
    spans += [m.span() for m in _AGENT.finditer(text, lo, hi)]
    spans += [m.span() for m in _DESTINATION.finditer(text, lo, hi)]
    spans += [m.span() for m in _INCLUDED.finditer(text, lo, hi)]
    return spans


# An aside naming a group inside the count is not whose count it is: 'Azerbaijan's losses,
# Syrian mercenaries included, at 7,630'; ', including foreign fighters,'.
_INCLUDED = re.compile(
    r"(?<=,)\s*(?:(?:including|excluding)\s+[^,;:\d]{1,40}|[^,;:\d]{1,40}\s+(?:in|ex)cluded)(?=,)",
    re.IGNORECASE,
)


class Breaks:
    """The clause breaks ('; ', ', while') of one sentence, found once: whether one falls
    between two positions is a bisection, not a search of the text between them (per figure
    and claimant, that was quadratic in a long sentence)."""

    def __init__(self, text: str, lo: int, hi: int, pattern: re.Pattern[str] | None = None) -> None:
        found = [m.span() for m in (pattern or _APART).finditer(text, lo, hi)]
        self.starts = [a for a, _ in found]
        self.ends = [b for _, b in found]

    def last_between(self, a: int, b: int) -> int | None:
        """The end of the last break inside [a, b), or None."""
        k = bisect.bisect_right(self.starts, b) - 1
        while k >= 0 and self.ends[k] > b:
            k -= 1
        return self.ends[k] if k >= 0 and self.starts[k] >= a else None


_VERB_THEN = re.compile(r"\s+(?:[a-z]+\s+){1,3}$")


def _says_its_own(text: str, c: Claimant) -> bool:
    """The claimant is followed by a verb and a figure of its own: 'UCDP counted 143'."""
    ahead = text[c.end : c.end + 40]
    found = figures(ahead)
    return bool(found) and bool(_VERB_THEN.fullmatch(ahead[: found[0].start]))


def nearest(claims: list[Claimant], text: str, pos: int, breaks: Breaks) -> Claimant | None:
    """The claimant of a figure at `pos`: in its own clause ('…; X said') the nearest before
    it, else the nearest after it; else the nearest before in the sentence."""
    same = [c for c in claims if breaks.last_between(min(c.end, pos), max(c.start, pos)) is None]
    before = [c for c in same if c.start < pos]
    # 'ninety died …, and in 1990 UCDP counted 143': a claimant saying a figure of its own
    # after ours is that figure's
    after = [c for c in same if c.start >= pos and not _says_its_own(text, c)]
    if (
        before
        and after
        and (
            _AND_NEXT.search(text, before[-1].end, pos)  # '…, Yerevan said, and 80 … per Baku'
            or (
                after[0].start - pos <= _AGENT_REACH  # a bounded look: no other figure between
                and _BY_AGENT.search(text, max(pos, after[0].start - 30), after[0].start)
                and len(figures(text[pos : after[0].start])) == 1
            )
        )
    ):
        return after[0]  # the figure's own source: '… the 25,000 put forward by analysts'
    if before or after:
        return before[-1] if before else after[0]
    # '…; it later raised the number to 2,906': 'it' is the sentence's earlier claimant.
    earlier = [c for c in claims if c.start < pos]
    last = breaks.last_between(earlier[-1].end, pos) if earlier else None
    if earlier and last is not None and _IT.search(text, last, pos):
        return earlier[-1]
    return None


@functools.lru_cache(maxsize=4)
def _refers_back(sentence: str) -> bool:
    """'For 2016 it gives 141', ', it counts 3,000': read once per sentence (a str keeps its
    hash), not once per figure."""
    return bool(_BACK_REFERENCE.search(sentence) or _IT_COUNTS.search(sentence))


# A dataset's own terms: a sentence speaking them goes on with the paragraph's dataset ('COW
# estimates 7,000 … The inter-state war that followed left 8,500 … combatants dead').
_TERMS = {
    "combatant": re.compile(r"\bcombatants?\b", re.IGNORECASE),
    "battle-related": re.compile(r"\bbattle(?:-related)?\s+deaths\b", re.IGNORECASE),
}


def _in_its_terms(c: Claimant | None, sentence: str) -> bool:
    terms = _TERMS.get(c.dataset_category or "") if c is not None else None
    return terms is not None and bool(terms.search(sentence))


class Paragraph:
    """What a paragraph has named so far: the last state, claimant and measure, and whether
    it spoke of 'the war'."""

    def __init__(self) -> None:
        self.number = -1
        self.nation: tuple[str, str] | None = None  # (party, adjective)
        self.claimant: Claimant | None = None
        self.measure: str | None = None
        self.party: str | None = None  # the one side the last sentence named
        self.side: str | None = None  # the one side of the last sentence with figures
        self.named_measure: str | None = None  # the last measure word, figure or not
        self.text = ""  # the sentence being read
        self.category: str | None = None  # the last figure's
        self.measures: set[str] = set()  # the measures of the last sentence with figures
        self.both = False  # its figures were all of both sides
        self.named_category: str | None = None  # the last kind named, figure or not
        self.war = False
        self.item = False
        self.attacker: str | None = None  # the side whose offensive the paragraph names

    def enter(self, number: int, item: bool = False) -> None:
        """A new sentence: a new paragraph forgets all, except from one list item (or table
        row) to the next."""
        continues = item and self.item
        self.item = item
        if continues:
            self.number = number
        elif number != self.number:
            self.number, self.nation, self.claimant, self.measure = number, None, None, None
            self.war, self.party, self.category, self.side = False, None, None, None
            self.named_measure, self.measures, self.both = None, set(), False
            self.named_category, self.attacker = None, None

    def resolve(self, c: Claimant | None, sentence: str) -> Claimant | None:
        """A claimant with its state filled in ('the ministry'), or the paragraph's last one
        for a sentence referring back ('For 2016 it gives 141')."""
        if c is None and _ITS_COUNT.search(sentence) and self.nation and not self.claimant:
            party, adj = self.nation  # 'The Armenian government … Its final count …'
            return Claimant(0, 0, f"{adj} authorities", party, None)
        if c is None:
            back = _refers_back(sentence) or _in_its_terms(self.claimant, sentence)
            return self.claimant if back else None
        if c.name not in (UNNAMED, "Ministry of Defence"):
            return c
        # 'officials said': the state last named in the paragraph, else in the sentence
        named = nations(sentence)  # cached per sentence; only its first is needed
        nation = self.nation or ((named[0][1], named[0][2]) if named else None)
        if nation is None:
            return c
        return Claimant(c.start, c.end, f"{nation[1]} {c.name}", nation[0], None)

    def after(
        self,
        sentence: str,
        claims: list[Claimant],
        measure: str | None,
        parties: set[str],
        victims: str | None = None,
    ) -> None:
        """Remember the sentence's last state, claimant, measure and its one side; the kind
        it last named from `victims` (the sentence without who speaks or acts: 'Russian
        peacekeepers reported …' names no kind of victims)."""
        self.party = next(iter(parties)) if len(parties) == 1 else None
        found = nations(sentence)
        if found:
            self.nation = (found[-1][1], found[-1][2])
        named = [c for c in claims if c.name not in (UNNAMED, "Ministry of Defence")]
        if named:
            self.claimant = named[-1]
        if measure:
            self.measure = measure
        words = [m.group(1) for m in MEASURE_RE.finditer(sentence)]
        if words:
            key = re.sub(r"[\s-]+", " ", words[-1].lower())
            self.named_measure = MEASURE_WORDS.get(key) or self.named_measure
        self.war = self.war or bool(GENERIC_WAR.search(sentence))
        kinds = [m.group(1) for m in CATEGORY_RE.finditer(sentence if victims is None else victims)]
        if kinds:
            key = re.sub(r"[\s-]+", " ", kinds[-1].lower())
            self.named_category = CATEGORY_WORDS.get(key) or self.named_category

    def measures_named(self) -> set[str | None]:
        """The measures the paragraph's last figures had, or it last named."""
        return {*self.measures, self.measure, self.named_measure} - {None}


GENERIC_WAR = re.compile(
    r"(?<!\bsince\s)(?<!\bbefore\s)\bthe\s+(?:war|fighting|conflict|hostilities)\b", re.IGNORECASE
)


def party_without_word(
    sentence_plain: str, clause: str, claimant: Claimant | None, previous: str | None = None
) -> str | None:
    """The party of a figure whose words name none (see the module's rules); 'its' with no
    state in its sentence is the side of the paragraph's last figures (`previous`)."""
    if claimant is not None and claimant.dataset_category == "battle-related":
        return "Both sides"
    if _PRONOUN.search(clause):
        if claimant is not None and claimant.nation:
            return claimant.nation
        subject = nations(sentence_plain)
        if subject:
            return subject[0][1]
        return previous
    return None


def speaker_acts(text: str, lo: int, fig_start: int, speaker: str | None) -> bool:
    """A verb acting on the figure ('moving 5,000', 'took 6') whose doer is the speaker's own
    side: no other side is named before it in the figure's clause ('Armenian shelling had
    killed 100', said by Baku, is of Baku's side)."""
    act = ACTS.search(text, lo, fig_start)
    if act is None:
        return False
    named = {
        PARTY_WORDS.get(re.sub(r"[\s-]+", " ", m.group(1).lower()))
        for m in PARTY_RE.finditer(text, lo, act.start())
    }
    return not (named - {None, speaker})


def party_of_claimant(claimant: Claimant | None) -> str | None:
    """A state's own statement, naming no side, is about its own side."""
    return claimant.nation if claimant is not None else None


def party_for_dataset(party: str | None, claimant: Claimant | None) -> str | None:
    """UCDP counts both sides together: a named side in a UCDP sentence is a dyad's side."""
    if claimant is not None and claimant.dataset_category == "battle-related":
        return "Both sides"
    return party


__all__ = [
    "GENERIC_WAR",
    "Breaks",
    "Paragraph",
    "blank_spans",
    "nearest",
    "not_the_victims",
    "party_for_dataset",
    "party_of_claimant",
    "party_without_word",
]


# The side an offensive is of: 'Azerbaijan's September 2023 offensive', 'as Azerbaijan
# launched operations'.
_ATTACKER = re.compile(
    r"\b(?P<a>(?=[A-Z])[\w-]{1,40})['’]s(?:\s+[\w-]{1,40}){0,2}\s+(?:offensive|assault|"
    r"military\s+operation|invasion|incursion)\b|"
    r"\b(?P<b>(?=[A-Z])[\w-]{1,40})\s+(?:(?:forces|troops|army)\s+)?(?:launched|attacked|"
    r"stormed|invaded)\b"
)


def attacker(sentence: str) -> str | None:
    """The side whose offensive the sentence names, if it names one."""
    for m in _ATTACKER.finditer(sentence):
        side = PARTY_WORDS.get((m.group("a") or m.group("b")).lower())
        if side in ("Azerbaijan", "Armenia", "Artsakh"):
            return side
    return None


def opponent(side: str | None, start: str | None) -> str | None:
    """Who an offensive of `side` struck: Azerbaijan's, Karabakh's Armenians (the data's
    Artsakh after the 2020 war, its Armenia before); Armenia's or Artsakh's, Azerbaijan."""
    if side == "Azerbaijan":
        return "Artsakh" if start is not None and start >= "2021" else "Armenia"
    return "Azerbaijan" if side else None
