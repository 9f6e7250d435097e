"""What the figures of one sentence share: list members the party or category only one of
them names, a bare figure the previous one's side, a whole before its parts both sides,
'respectively' the sides in order, and a sentence naming no side the paragraph's people or,
for the fighting, both sides."""

from __future__ import annotations

import re

from nkfacts.checkdraft import context as ctx
from nkfacts.checkdraft import who
from nkfacts.checkdraft.clauses import (
    AMONG_THE,
    BARE,
    COORDINATION,
    ELLIPSIS,
    PART_BEFORE,
    PART_OF,
    Reader,
    bare,
)
from nkfacts.checkdraft.found import Found

# The fighting between the sides (a named war is read as a period, not here).
_FIGHTING = re.compile(
    r"\b(?:fighting|clashes|war|conflict|hostilities|front(?:\s*line)?|line\s+of\s+contact|"
    r"skirmishes|shoot-?outs|border|violence|ceasefire|truce|bloodiest|deadliest)\b",
    re.IGNORECASE,
)
# The fighting as where someone was or what they were doing, not what killed them.
_NEAR = re.compile(r"\b(?:near|along|at|on|across)\s+(?:the\s+)?$", re.IGNORECASE)
_DOING = re.compile(
    r"\b(?:covering|cover|filming|film|reporting\s+on|report\s+on)\s+(?:the\s+)?$", re.I
)
_OF_NO_SIDE = frozenset({"journalist", "peacekeeper", "mercenary"})
_IN_KARABAKH = re.compile(
    r"\b(?:in|near|at|around|outside|inside)\s+(?:the\s+enclave\b|Stepanakert|Khankendi|"
    r"(?:Nagorno[-\s])?Karabakh\b(?![-\s](?:conflict|war)))",
    re.IGNORECASE,
)
_OWN_PEOPLE = re.compile(r"\s+(?:ethnic\s+)?([A-Z][\w-]+s)\b")
_APPOSITION = re.compile(r"^[\s\w'’-]{0,60}?(?:—|–|:|\()\s*$")


def _people(text: str) -> list[str]:
    return [m.group(1) for m in ctx.PARTY_RE.finditer(text)]


def _respectively(reader: Reader, read: list[Found | None], victims: str) -> None:
    """'Armenia and Azerbaijan lost 3,825 and 2,906 soldiers respectively': in order; with no
    sides named before them, those of the list before ('42 Armenian and 64 Azerbaijani
    soldiers in 2015, 22 and 19 respectively in 2017')."""
    s = reader.s
    r = re.search(r"\brespectively\b", reader.masked[s.start : s.end], re.IGNORECASE)
    if not r:
        return
    at = s.start + r.start()
    last = sum(1 for g in reader.figs if g.end <= at) - 1
    k = last  # the first of the figures joined just before 'respectively'
    while k > 0 and _JUST_AND.fullmatch(reader.masked, *reader.gaps(k - 1)[1]):
        k -= 1
    group = list(range(k, last + 1))
    lead = victims[s.start : reader.figs[k].start] if group else ""
    sides = [ctx.PARTY_WORDS.get(re.sub(r"[\s-]+", " ", w.lower())) for w in _people(lead)]
    found = [read[j] for j in group if read[j] is not None]
    if len(sides) != len(found) and k >= len(found):  # the sides of the list before
        sides = [g.party if g else None for g in read[k - len(found) : k]]
    if len(sides) == len(found) > 1 and None not in sides and len(set(sides)) == len(sides):
        for f, side in zip(found, sides, strict=True):
            if f is not None:
                f.party = side


# 'Of the injured, 142 …': a part of a whole the sentences before gave.
_OF_THE_START = re.compile(r"\s*of\s+the\s+[\w-]+\s*,\s*$", re.IGNORECASE)
_JUST_AND = re.compile(r"\s*(?:,|and|or)\s*", re.IGNORECASE)


def is_part(plain: str, reader: Reader, i: int, left: str) -> bool:
    """Whether figure i is a part of a figure before it: 'eight of them', 'including 11', 'Of
    the injured, 142', 'were among the dead'; or of a list of parts ('five and four of them
    respectively')."""
    fig, figs = reader.figs[i], reader.figs
    return bool(
        PART_OF.match(plain, fig.end)
        or ((i > 0 or _OF_THE_START.match(left)) and PART_BEFORE.search(left))
        or AMONG_THE.match(plain, fig.end)
        or (
            i + 1 < len(figs)
            and _JUST_AND.fullmatch(plain, *reader.gaps(i)[1])
            and PART_OF.match(plain, figs[i + 1].end)
        )
    )


_SEMI = re.compile(r";\s*$")
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those)\b", re.IGNORECASE)
_OWN_SIDE = re.compile(
    r"\s+(?:were\s+|was\s+)?(?:ethnic\s+)?([A-Z][\w-]+)\b(?!\s+(?:forces|shelling))"
)


def _parts(reader: Reader, read: list[Found | None], victims: str) -> None:
    """'released 28 of them', 'thirteen Azerbaijanis, one of them a civilian': a part is of its
    antecedent's side (the figure before it, else the people named before it in the sentence)
    and, naming no kind of its own, of its kind."""
    people: list[tuple[int, str]] | None = None  # the sentence's people words, read once
    whole: Found | None = None
    for i, f in enumerate(read):
        if f is None:
            continue
        of_them = _OF_THEM.match(reader.masked, reader.figs[i].end)
        if of_them:
            # 'six of them Azerbaijani': a part naming its own side is of it
            own = _OWN_SIDE.match(victims, of_them.end())
            side = ctx.PARTY_WORDS.get(own.group(1).lower()) if own else None
            if side is not None and side != "Both sides":
                f.party = side
            elif whole is not None:
                f.party = whole.party or f.party
                f.category = f.category or whole.category
            else:
                if people is None:
                    people = _people_at(victims, reader.s.start, reader.s.end)
                before = [p for at, p in people if at < reader.figs[i].start]
                f.party = before[-1] if before else f.party
        whole = whole if f.part and whole is not None else f  # not a part of a list of parts


def _people_at(victims: str, lo: int, hi: int) -> list[tuple[int, str]]:
    out = []
    for m in ctx.PARTY_RE.finditer(victims, lo, hi):
        side = ctx.PEOPLE.get(re.sub(r"[\s-]+", " ", m.group(1).lower()))
        if side:
            out.append((m.start(), side))
    return out


_PARTS = 8
_AMONG_THE = re.compile(r"\bamong\s+(?:the\s+)?$", re.IGNORECASE)


def _wholes(reader: Reader, read: list[Found | None]) -> None:
    """A figure naming no side whose parts follow and name two sides is of both: 'Among the
    72 killed were …, six Armenians and two Azerbaijanis'; 'ten civilians, six Armenians and
    four Azerbaijanis' (the next figures add up to it)."""
    for i, f in enumerate(read):
        # a side not its own is the list's before it ('94 Azerbaijani soldiers, plus 15
        # civilians: nine Armenians and six Azerbaijanis')
        if f is None or (f.party is not None and ctx.PARTY_RE.match(reader.masked, f.figure.end)):
            continue
        if f.party is not None and ctx.PARTY_RE.search(reader.masked, *reader.gaps(i)[1]):
            continue
        # a whole's parts come right after it: a bounded look keeps a long list linear
        later = [g for g in read[i + 1 : i + 1 + _PARTS] if g is not None]
        llo, lhi = reader.gaps(i)[0]
        if _AMONG_THE.search(reader.masked, llo, lhi):
            sides = {g.party for g in later} - {None}
        else:
            sides, total = set(), 0
            for g in later:
                total += g.figure.low
                sides.add(g.party)
                if total >= f.figure.low:
                    break
            if total != f.figure.low or f.figure.low != f.figure.high:
                continue
        if len(sides - {None, "Both sides"}) > 1:
            f.party = "Both sides"


_OPEN = re.compile(r"[^()\d;.]{0,30}\(")
_OR_AS = re.compile(r"\s*,?\s*or\s+(?:as\s+|at\s+)?", re.IGNORECASE)


def _breakdown(reader: Reader, read: list[Found | None]) -> None:
    """'the Azerbaijani toll reached 39 (37 servicemen and two civilians)': the figures in
    brackets right after a figure are its parts — of its side unless they name their own —
    and a whole of parts of two kinds counts all kinds."""
    m = reader.masked
    for i, f in enumerate(read):
        if f is None or not _OPEN.match(m, f.figure.end):
            continue
        close = m.find(")", f.figure.end, f.figure.end + 120)
        parts = [
            (k, g)
            for k, g in enumerate(read[i + 1 : i + 1 + _PARTS], i + 1)
            if g is not None and reader.figs[k].end < close
        ]
        for k, g in parts:
            if not ctx.PARTY_RE.search(m, f.figure.end, min(close, reader.figs[k].end + 30)):
                g.party = f.party
        if len({g.category for _, g in parts}) > 1:
            f.category = None
        # '… either as 10 (six Azerbaijanis and four Armenians) or as 15': the other count of it
        k = i + 1 + len(parts)
        if parts and k < len(read) and _OR_AS.fullmatch(m, close + 1, reader.figs[k].start):
            other = read[k]
            if other is not None:
                other.party, other.category = f.party, other.category or f.category


# 'for a total of 45', 'in all 45': a whole after its parts.
_TOTAL_OF = re.compile(
    r"\b(?:(?:a|the)\s+(?:combined\s+)?total\s+of|in\s+all|altogether|totall?ing)\s*$", re.I
)


def _totals(reader: Reader, read: list[Found | None]) -> None:
    """A total after parts naming two sides is of both: '22 Armenian and 19 Azerbaijani
    soldiers were killed, for a total of 41' (whether or not they add up: a draft may err)."""
    for i, f in enumerate(read):
        if f is None or not _TOTAL_OF.search(reader.masked, *reader.gaps(i)[0]):
            continue
        sides = {g.party for g in read[max(0, i - _PARTS) : i] if g is not None}
        if len(sides - {None, "Both sides"}) > 1:
            f.party = "Both sides"


def _one_side(read: list[Found | None]) -> None:
    """'… 5,000 Armenian servicemen had been killed, and X later spoke of some 5,000 dead': a
    figure naming no side, after figures of its measure all of one side, is of that side (not
    a whole before its parts: '50 soldiers, including 20 Armenians')."""
    sides: dict[str | None, set[str]] = {}  # measure -> the sides of the figures so far
    for f in read:
        if f is None:
            continue
        seen = sides.setdefault(f.measure, set())
        if f.party is None and len(seen) == 1:
            f.party = next(iter(seen))
        if f.party is not None:
            seen.add(f.party)


def _kind_before(
    f: Found, before: Found | None, kin: Found | None, is_bare: bool, right: str
) -> str | None:
    """'killed three Armenian soldiers and wounded 14', '… and 187 more remain missing': the
    people counted before; else the last of its measure's ('lost 88 soldiers while … losses
    were … 31 and 92.')."""
    if before is not None and (is_bare or f.figure.increment) and before.category:
        return before.category
    return kin.category if kin and BARE.match(right) else None


def _later_sides(read: list[Found | None]) -> list[int]:
    """For each position, how many sides the figures after it name (0, 1 or 2: 'more')."""
    out = [0] * len(read)
    seen: set[str] = set()
    for i in range(len(read) - 1, -1, -1):
        out[i] = min(len(seen), 2)
        g = read[i]
        if g is not None and g.party is not None and len(seen) < 2:
            seen.add(g.party)
    return out


def _listed_kind(left: str, right: str, prev: Found | None, nxt: Found | None) -> str | None:
    """The kind a list member naming none shares: '17 Armenian and ten Azerbaijani soldiers',
    not '200 Armenians and 192 … soldiers'. After a clause of its own ('196 Armenian soldiers
    were missing, 4,210 Azerbaijanis …') a people noun of its own says no kind and takes none
    (a part after an apposition does: 'ten civilians — six Azerbaijanis and four …')."""
    own_noun = any(re.sub(r"[\s-]+", " ", w.lower()) in ctx.PEOPLE for w in _people(right))
    after = None if own_noun else nxt
    named = _OWN_PEOPLE.match(right)
    own = named is not None and ctx.PEOPLE.get(named.group(1).lower()) is not None
    if own and ctx.MEASURE_RE.search(left) and not _APPOSITION.match(left):
        return None
    return (after and after.category) or (prev and prev.category) or None


def share(
    reader: Reader,
    read: list[Found | None],
    victims: str,
    para: who.Paragraph,
    speaker: str | None = None,
) -> None:
    """Figures of one list share what only one of them says ('17 Armenian and ten Azerbaijani
    soldiers': the category; 'twelve Azerbaijani civilians and two soldiers': the party); a
    bare figure takes the previous one's ('killed 14 Armenian soldiers and injured three'); a
    whole before its parts ('ten civilians — six Azerbaijanis and four Armenians') is of both
    sides. In a sentence naming no side at all, a figure is of the side the paragraph's last
    sentence named alone, else (a figure of the fighting) of both sides, else of the state
    speaking in it (`speaker`), else of the paragraph's last figures' side."""
    later = _later_sides(read)
    before: Found | None = None  # the figure before this one
    sides: set[str] = set()  # the sides of the figures before this one
    last_of: dict[str | None, Found] = {}  # the last figure of each measure so far
    for i, f in enumerate(read):
        if f is None:
            continue
        own_category = f.category
        (llo, lhi), (rlo, rhi) = reader.gaps(i)
        left, right = reader.masked[llo:lhi], reader.masked[rlo:rhi]
        # 'killed three Armenian soldiers; 41 were injured': bare after a semicolon too
        is_bare = i > 0 and (bare(left, right) or bool(_SEMI.search(left) and BARE.match(right)))
        joined = COORDINATION.match(left) or ELLIPSIS.search(left) or is_bare
        prev = before if joined else None
        if not COORDINATION.match(left):  # '…, and landmines another two …': a new list
            sides = set()
        nxt = read[i + 1] if i + 1 < len(read) and COORDINATION.match(right) else None
        if nxt is not None and nxt.part:  # '72 people …, 64 of them soldiers': not the whole's
            nxt = None
        if f.category is None:
            f.category = _listed_kind(left, right, prev, nxt)
        kin = last_of.get(f.measure)
        last_of[f.measure] = f
        if f.category is None:
            f.category = _kind_before(f, before, kin, is_bare, right)

        of_sides = f.category not in _OF_NO_SIDE  # reporters take no side from a list
        if f.party is None and prev is not None and of_sides and not _APPOSITION.match(left):
            # '91 Armenian soldiers dead, 94 Azerbaijani soldiers dead and 15 civilians
            # killed': after members of two sides, a member naming none is of both.
            other_kind = own_category is not None and own_category != prev.category
            f.party = "Both sides" if len(sides) > 1 and other_kind else prev.party
        if f.party is None and nxt is not None and nxt.party == "Both sides":
            f.party = nxt.party  # '77 soldiers and five civilians on the two sides'
        if f.party is None and _APPOSITION.match(right):
            f.party = "Both sides" if later[i] > 1 else None
        if f.party is not None:
            sides.add(f.party)
        before = f
    _wholes(reader, read)
    _totals(reader, read)
    _breakdown(reader, read)
    _parts(reader, read, victims)
    _respectively(reader, read, victims)
    _unnamed(reader, read, victims, para, speaker)
    _parts(reader, read, victims)  # a part of a whole given a side just now


def _unnamed(
    reader: Reader,
    read: list[Found | None],
    victims: str,
    para: who.Paragraph,
    speaker: str | None,
) -> None:
    """The side of figures naming none (see `share`): a sentence naming a side shares it
    (`_one_side`); else the paragraph's, the fighting's, the speaker's; a place in Karabakh
    ('a fuel depot blew up near Stepanakert') when nothing else says."""
    sentence = victims[reader.s.start : reader.s.end]
    place = "Artsakh" if _IN_KARABAKH.search(sentence) else None
    if ctx.PARTY_RE.search(sentence):
        _one_side(read)
        for f in read:
            if f is not None and f.party is None:
                f.party = place
        return
    # the fighting as what killed, not where or what someone was doing ('died near the
    # front', 'injured while covering the fighting')
    before = [sentence[max(0, m.start() - 30) : m.start()] for m in _FIGHTING.finditer(sentence)]
    fighting = any(not _DOING.search(b) and not _NEAR.search(b) for b in before)
    near = any(_NEAR.search(b) for b in before)
    # a war named (a period, blanked in `sentence`) is fighting for a toll of all kinds:
    # 'from the end of the first war …, up to 3,000 people were killed' (not '3,000 soldiers')
    war_named = not before and bool(_FIGHTING.search(para.text))
    for i, f in enumerate(read):
        if f is not None and f.party is None:
            all_kinds = war_named and f.category is None
            # 'peacekeepers said they were evacuating 2,000': the speaker acts, is not the side
            acts = who.speaker_acts(reader.masked, reader.gaps(i)[0][0], f.figure.start, speaker)
            # journalists are neither side's; soldiers at the front are the sides'
            of_sides = f.category not in _OF_NO_SIDE
            by_fighting = fighting or (near and f.category in (None, "military"))
            side = para.party or ("Both sides" if (by_fighting or all_kinds) and of_sides else None)
            # else the one side of the paragraph's last figures, when these count the same
            same = f.measure == para.measure or f.measure in para.measures
            last = para.side or ("Both sides" if para.both else None)
            last = last if of_sides else None
            f.party = side or (None if acts else speaker) or place or (last if same else None)
            # 'Azerbaijan's offensive … At least 30 people were killed': those it struck
            struck = who.opponent(para.attacker, f.period.start if f.period else None)
            f.party = f.party or (struck if f.category != "military" else None)
