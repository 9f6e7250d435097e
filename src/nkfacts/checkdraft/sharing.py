"""What the figures of one sentence share: list members the party or category only one of
them names, a bare figure the previous one's side, a whole before its parts both sides,
'respectively' the sides in order, and a sentence naming no side the paragraph's people or,
for the fighting, both sides."""

from __future__ import annotations

import re

from nkfacts.checkdraft import context as ctx
from nkfacts.checkdraft import who
from nkfacts.checkdraft.clauses import BARE, COORDINATION, ELLIPSIS, Reader, bare
from nkfacts.checkdraft.found import Found

# The fighting between the sides (a named war is read as a period, not here).
_FIGHTING = re.compile(
    r"\b(?:fighting|clashes|war|conflict|hostilities|front(?:\s*line)?|line\s+of\s+contact|"
    r"skirmishes|shoot-?outs|border|violence|ceasefire|truce|bloodiest|deadliest)\b",
    re.IGNORECASE,
)
# A war as the agent of the deaths: 'the 2020 war alone cost 7,717 lives'.
_WAR_KILLED = re.compile(
    r"\b(?:war|fighting|clashes|conflict|escalation)\s+(?:\w+\s+){0,2}?(?:killed|cost|claimed)\b",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"^[\s\w'’-]{0,60}?(?:—|–|:|\()\s*$")


def _people(text: str) -> list[str]:
    return [m.group(1) for m in ctx.PARTY_RE.finditer(text)]


def _respectively(reader: Reader, read: list[Found | None], victims: str) -> None:
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


_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those)\b", re.IGNORECASE)


def _parts(reader: Reader, read: list[Found | None], victims: str) -> None:
    """'released 28 of them', 'thirteen Azerbaijanis, one of them a civilian': a part is of its
    antecedent's side (the figure before it, else the people named before it in the sentence)
    and, naming no kind of its own, of its kind."""
    for i, f in enumerate(read):
        if f is None or not _OF_THEM.match(reader.masked, reader.figs[i].end):
            continue
        whole = next((g for g in reversed(read[:i]) if g is not None), None)
        if whole is not None:
            f.party = whole.party or f.party
            f.category = f.category or whole.category
            continue
        people = [
            ctx.PEOPLE.get(re.sub(r"[\s-]+", " ", w.lower()))
            for w in _people(victims[reader.s.start : reader.figs[i].start])
        ]
        f.party = next((p for p in reversed(people) if p), f.party)


def _one_side(read: list[Found | None]) -> None:
    """'… 5,000 Armenian servicemen had been killed, and X later spoke of some 5,000 dead': a
    figure naming no side, after figures of its measure all of one side, is of that side (not
    a whole before its parts: '50 soldiers, including 20 Armenians')."""
    for i, f in enumerate(read):
        if f is None or f.party is not None:
            continue
        sides = {g.party for g in read[:i] if g is not None and g.measure == f.measure} - {None}
        if len(sides) == 1:
            f.party = next(iter(sides))


def share(reader: Reader, read: list[Found | None], victims: str, para: who.Paragraph) -> None:
    """Figures of one list share what only one of them says ('17 Armenian and ten Azerbaijani
    soldiers': the category; 'twelve Azerbaijani civilians and two soldiers': the party); a
    bare figure takes the previous one's ('killed 14 Armenian soldiers and injured three'); a
    whole before its parts ('ten civilians — six Azerbaijanis and four Armenians') is of both
    sides. In a sentence naming no side at all, a figure is of the side the paragraph's last
    sentence named alone, else (a figure of the fighting) of both sides."""
    for i, f in enumerate(read):
        if f is None:
            continue
        own_category = f.category
        (llo, lhi), (rlo, rhi) = reader.gaps(i)
        left, right = reader.masked[llo:lhi], reader.masked[rlo:rhi]
        is_bare = i > 0 and bare(left, right)
        joined = COORDINATION.match(left) or ELLIPSIS.search(left) or is_bare
        prev = next((g for g in reversed(read[:i]) if g is not None), None) if joined else None
        nxt = read[i + 1] if i + 1 < len(read) and COORDINATION.match(right) else None
        if f.category is None:
            # '17 Armenian and ten Azerbaijani soldiers', not '200 Armenians and 192 … soldiers'
            own_noun = any(re.sub(r"[\s-]+", " ", w.lower()) in ctx.PEOPLE for w in _people(right))
            after = None if own_noun else nxt
            f.category = (after and after.category) or (prev and prev.category) or None
        before = next((g for g in reversed(read[:i]) if g is not None), None)
        if f.category is None and before and before.measure == f.measure and BARE.match(right):
            f.category = before.category  # 'lost 88 soldiers while … losses were … 31 and 92.'

        if f.party is None and prev is not None and not _APPOSITION.match(left):
            # '91 Armenian soldiers dead, 94 Azerbaijani soldiers dead and 15 civilians
            # killed': after members of two sides, a member naming none is of both.
            sides = {g.party for g in read[:i] if g is not None} - {None}
            other_kind = own_category is not None and own_category != prev.category
            f.party = "Both sides" if len(sides) > 1 and other_kind else prev.party
        if f.party is None and nxt is not None and nxt.party == "Both sides":
            f.party = nxt.party  # '77 soldiers and five civilians on the two sides'
        parts = [g for g in read[i + 1 :] if g is not None]
        if f.party is None and _APPOSITION.match(right):
            sides = {g.party for g in parts} - {None}
            f.party = "Both sides" if len(sides) > 1 else None
    _parts(reader, read, victims)
    sentence = victims[reader.s.start : reader.s.end]
    _respectively(reader, read, victims)
    if ctx.PARTY_RE.search(sentence):
        _one_side(read)
        return
    fighting = _FIGHTING.search(sentence) or _WAR_KILLED.search(para.text)
    side = para.party or ("Both sides" if fighting else None)
    for f in read:
        if f is not None and f.party is None:
            # else the one side of the paragraph's last figures, when these count the same
            f.party = side or (para.side if f.measure == para.measure else None)
