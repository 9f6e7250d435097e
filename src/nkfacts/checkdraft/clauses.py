"""Clauses: where a figure's own words are (up to its neighbours and clause breaks), which
numbers are things rather than people, and how list members, comparisons and bare figures
join ('88 Armenian and 94 Azerbaijani', 'as did 12', 'and injured three')."""

from __future__ import annotations

import re

from nkfacts.checkdraft import context as ctx
from nkfacts.checkdraft.counted import not_a_casualty_count
from nkfacts.checkdraft.goingon import (
    JUST_JOINED,
    NOT_A_COUNT_OF,
    NOT_CASUALTIES,
    OTHER_DEED,
    RANGE_END,
    names_nothing_new,
)
from nkfacts.checkdraft.numbers import Figure
from nkfacts.checkdraft.text import Sentence

# 'For 2016 it gives 141, for 2014 just 46': a comma and 'for'/'in' start the next figure's
# period.
PERIOD_BREAK = re.compile(
    r";|,\s+(?:and|but|while|whereas)\s|,\s+(?:and\s+)?(?:for|in)\s", re.IGNORECASE
)
CLAUSE_BREAK = re.compile(
    r";|:|,\s+(?:after|before|when|while|which|who|whereas|but|because|since|although)\b|"
    r",\s+and\s+(?=[A-Z]|the\s)|"
    r"\s(?:after|before|when|while|whereas|although)\s",
    re.IGNORECASE,
)
NOT_A_TOLL = re.compile(
    r"\b(?:deployed|stationed|sent|dispatched|arrived\s+to\s+(?:guard|patrol)|guard|patrol|"
    r"territor\w+|control)\b",
    re.IGNORECASE,
)
# A closed list of things counted in war reporting that are not people: '255 tanks',
# 'seven combat vehicles', '16 villages' (up to two words may stand before the noun).
_THING_NOUNS = (
    r"(?:tanks?|vehicles?|drones?|UAVs?|aircraft|planes?|jets?|"
    r"helicopters?|guns?|howitzers?|mortars?|artillery|launchers?|systems?|pieces?|weapons?|"
    r"rifles?|missiles?|rockets?|shells?|rounds|mines|villages?|towns?|cities|settlements?|"
    r"districts?|regions?|provinces?|posts?|positions?|outposts?|hills?|heights?|km|"
    r"kilomet\w*|miles?|hectares?|votes?|signatures?|delegates?|seats?|buses|trucks?|cars?|"
    r"convoys?|houses?|homes?|buildings?|schools?|hospitals?|churches|mosques?|bridges?|"
    r"roads?|dollars?|euros?|manats?|drams?|rubles?|tonnes?|tons?|litres?|barrels?|"
    r"meetings?|resolutions?|times|points?|percent|per\s*cent)"
)
THINGS = re.compile(rf"^\s+(?:[\w-]+\s+){{0,2}}?{_THING_NOUNS}\b(?!['’]s\b)", re.IGNORECASE)
# The nouns a part ('103 of them') may refer back to: a thing, or people.
_NOUN = re.compile(
    rf"\b(?:(?P<thing>{_THING_NOUNS})|soldiers|servicemen|troops|civilians|people|men|"
    r"Armenians|Azerbaijanis|prisoners|fighters|refugees|children|residents)\b",
    re.IGNORECASE,
)


def part_of_things(masked: str, lo: int, fig: Figure) -> bool:
    """'255 tanks lost, 103 of them captured': a part whose antecedent (the last noun before
    it, within 200 characters of its sentence) is a thing."""
    part = PART_OF.match(masked, fig.end)
    if part is None:
        return False
    whole = part.group(0).split()[-1]
    if whole.lower() not in ("them", "whom", "those", "these", "which"):  # '103 of the tanks'
        owner = masked[part.end() : part.end() + 2] in ("'s", "’s")  # 'of the town's residents'
        return not owner and re.fullmatch(_THING_NOUNS, whole, re.IGNORECASE) is not None
    nouns = list(_NOUN.finditer(masked, max(lo, fig.start - 200), fig.start))
    return bool(nouns) and nouns[-1].group("thing") is not None


# A toll taken: 'the war claimed 30 lives', 'the line of contact claimed 11 to 13 soldiers' (a
# figure right after 'claimed'; 'claimed that …' is a claim).
_TOLL_TAKEN = re.compile(
    r"\bclaimed\s+(?:(?:some|about|around|over|more\s+than|up\s+to|at\s+least|another)\s+)?$",
    re.IGNORECASE,
)
# A part of the figure before it: '103 of them', 'eight of whom', '142 of the injured'.
PART_OF = re.compile(r"\s+of\s+(?:them|whom|those|these|which|the\s+[\w-]+)\b", re.IGNORECASE)
# A part named before it: 'including 11', 'among them two', 'of the wounded, 142'.
PART_BEFORE = re.compile(
    r"\b(?:including|among\s+(?:them|whom)(?:\s+(?:were|was))?(?:\s+the)?|of\s+(?:them|whom|these|"
    r"those|the\s+[\w-]+)\s*,)\s*$",
    re.IGNORECASE,
)
# … or after it: 'Eight children were among the eleven civilians hurt'.
AMONG_THE = re.compile(r"(?:\s+[\w-]+){0,2}\s+(?:were|was)\s+among\s+(?:the|them)\b", re.I)
# The rest of a list after a part: '…, one of them a civilian, and [five Armenians]'.
AFTER_PART = re.compile(r"^\s+of\s+(?:them|whom)\b[^,;.:]{0,40},\s*(?:and\s+|or\s+)?$", re.I)
ELLIPSIS = re.compile(
    r"(?:\b(?:along\s+with|alongside|together\s+with|as\s+(?:was|were|did|had)|including|"
    r"among\s+them|of\s+(?:whom|which)|"
    r"as\s+well\s+as|(?:up|down)\s+from|(?:against|compared\s+(?:with|to)|versus)(?:\s+[\w-]+['’]s)?|plus|"
    r"another|a\s+further|(?:(?:far|well|much)\s+)?(?:below|above|short\s+of|exceed(?:s|ed|ing)?|"
    r"(?:higher|lower|more|less|fewer)\s+than\s+(?:the|its|their))|"
    r"(?:[\w'’]+\s+)?(?:\w+['’]s|the\s+[\w-]+)\s+(?:number|figure|count|toll)s?\s+(?:are|were|is|was))|"
    r"\b(?:count|figure|tally|toll|estimate|number|total)s?\s+(?:of|at|to|was|is|are|were|"
    r"stood\s+at))"
    r"(?:\s+(?:the|just|only|some|about|around))?\s*$",
    re.IGNORECASE,
)
RELEASED = re.compile(
    r"\b(?:released|freed|repatriated|returned|handed\s+over|exchanged|in\s+exchange)\b", re.I
)
JOIN = re.compile(r",|\band\b|\bor\b|\bwhile\b|\bwhereas\b|\bas\s+well\s+as\b", re.I)
# '2,906 dead soldiers; Yerevan's is 3,825': the same count, another's.
_THEIRS = re.compile(
    r"(?:;|,|\band|\bwhile|\bwhereas)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?['’]s\s+(?:own\s+)?"
    r"(?:is|was|stands\s+at|stood\s+at|came\s+to|comes\s+to)\s+$",
    re.IGNORECASE,
)
# '2,906 servicemen, plus 100 civilians dead': a comma before an adding word.
_COMMA_PLUS = re.compile(
    r"^[\s\w'’-]{0,48}?,\s*(?:plus|as\s+well\s+as|along\s+with|together\s+with)\s*$", re.I
)
COORDINATION = re.compile(
    r"^[\s\w'’-]{0,48}?(?:,|\band\b|\bor\b|\bwhile\b|\bas\s+well\s+as\b|\bas\s+(?:was|were|did)\b|"
    r"\balong\s+with\b|\balongside\b|\btogether\s+with\b|\bplus\b|\bagainst\b|\bversus\b|"
    r"\b(?:up|down)\s+from(?:\s+the)?\b|\bcompared\s+(?:with|to)(?:\s+the)?\b|"
    r"\bamong(?:\s+the)?\b|—|–|:|\()\s*$",
    re.I,
)


BARE = re.compile(
    r"\s*(?:others?\b\s*)?(?:(?:on|in|at|by)\s+)?(?:[.,;:)]|$|(?:had\s+been\s+|have\s+been\s+|were\s+|was\s+|"
    r"went\s+|had\s+gone\s+)?(?:killed|wounded|"
    r"injured|hurt|dead|died|missing|captured|released|freed|displaced)\b)",
    re.IGNORECASE,
)


_COMMA_AND = re.compile(r"^[\s\w'’-]{0,48}?,\s*(?:and|or)\s*$", re.IGNORECASE)
_COLON_LIST = re.compile(
    r":\s*(?:(?:some|about|around|nearly|almost|roughly|over|more\s+than|at\s+least|up\s+to)\s+)?$",
    re.IGNORECASE,
)
BARE_LEFT = re.compile(r"(?:\band|\bor|,)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


# A verb acting on the figure right after it: the words before it are the subject doing it.
ACTS = re.compile(
    r"\b(?:killed|killing|shot|shooting|wounded|wounding|injured|injuring|captured|capturing|"
    r"arrested|detained|seized|took|taking|moved|moving|evacuated|evacuating|rescued|rescuing|"
    r"carried|carrying|brought|bringing|transported|transporting)"
    r"(?:\s+(?:down|away|out|off))?\s+(?:(?:some|about|around|at\s+least|another|a\s+further|"
    r"more\s+than|nearly|over|up\s+to|as\s+many\s+as)\s+)?$",
    re.IGNORECASE,
)


def bare(left: str, right: str) -> bool:
    """A figure saying nothing more: just after 'and' or a comma (up to two words between),
    and before punctuation or a measure word ('and injured three.', 'and Azerbaijan three,')."""
    return bool(BARE_LEFT.search(left) and BARE.match(right))


def clause(
    masked: str, lo: int, hi: int, *, after: bool, pattern: re.Pattern[str] | None = None
) -> tuple[int, int]:
    """Narrow [lo, hi) to the figure's own clause: cut at the first (after) or last break."""
    breaks = list((pattern or CLAUSE_BREAK).finditer(masked, lo, hi))
    if not breaks:
        return lo, hi
    return (lo, breaks[0].start()) if after else (breaks[-1].end(), hi)


def words(
    pattern: re.Pattern[str], table: dict[str, str], masked: str, lo: int, hi: int
) -> list[tuple[int, str]]:
    out = []
    for m in pattern.finditer(masked, lo, hi):
        key = re.sub(r"[\s-]+", " ", m.group(1).lower())
        value = table.get(key) or table.get(m.group(1).lower())
        if value:
            out.append((m.start(), value))
    return out


class Reader:
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
        self,
        pattern: re.Pattern[str],
        table: dict[str, str],
        i: int,
        sentence_wide: bool,
        agents: bool = False,
    ) -> str | None:
        """The word nearest figure i: right after it, else before it in its clause (not the
        previous figure's words, nor unless `agents` the subject of a verb acting on the
        figure: 'its troops killed one', 'peacekeepers moved 5,000'), else (sentence_wide)
        before the sentence's first figure."""
        (llo, lhi), (rlo, rhi) = self.gaps(i)
        rlo, rhi = clause(self.masked, rlo, rhi, after=True)
        gap_lo = llo
        llo, lhi = clause(self.masked, llo, lhi, after=False)
        acts = None if agents else ACTS.search(self.masked, llo, lhi)
        if acts is not None:
            llo = acts.end()
            gap_lo = -1  # the subject is cut off: no list join to look for
        if i > 0 and llo == gap_lo:  # '91 Armenian soldiers and 94 …': 'Armenian' is 91's
            joins = list(JOIN.finditer(self.masked, llo, lhi))
            llo = joins[-1].end() if joins else llo
        if i + 1 < len(self.figs) and rhi == self.figs[i + 1].start:
            # '… 3,825 soldiers, and Azerbaijan lost 2,906': the words after the last join
            # belong to the next figure.
            joins = list(JOIN.finditer(self.masked, rlo, rhi))
            rhi = joins[-1].start() if joins else rhi
        right = words(pattern, table, self.masked, rlo, rhi)
        if right:
            return right[0][1]
        left = words(pattern, table, self.masked, llo, lhi)
        if left:
            return left[-1][1]
        if not sentence_wide or i == 0:
            return None
        lead = words(pattern, table, self.masked, self.s.start, self.figs[0].start)
        return lead[-1][1] if lead else None

    def measures(self) -> list[str | None]:
        """Each figure's measure, or None: not a casualty figure."""
        out: list[str | None] = []
        things: set[int] = set()
        for i in range(len(self.figs)):
            (llo, lhi), (rlo, rhi) = self.gaps(i)
            rlo, rhi = clause(self.masked, rlo, rhi, after=True)
            if self._counts_no_casualties(i, self.masked[rlo:rhi], llo, lhi):
                things.add(i)
                out.append(None)
                continue
            measure = self._after_aside(i) or self.pick(
                ctx.MEASURE_RE, ctx.MEASURE_WORDS, i, False, agents=True
            )
            if measure is None and _TOLL_TAKEN.search(self.masked, llo, lhi):
                measure = "killed"  # 'the line of contact claimed 11 soldiers'

            # 'released 44 prisoners of war': the verb of the figure's own clause says what
            # happened to the prisoners ('captured 38 … and later released 28': not 38's).
            own = JOIN.search(self.masked, rlo, rhi)
            joins = list(JOIN.finditer(self.masked, llo, lhi))
            lo = joins[-1].end() if i > 0 and joins else llo
            if measure == "captured" and RELEASED.search(
                self.masked, lo, own.start() if own else rhi
            ):
                measure = "released"
            out.append(measure)
        # people doing something else ('and 40 volunteers fought on') borrow no measure
        things |= {
            i
            for i in range(len(out))
            if out[i] is None
            and (
                NOT_CASUALTIES.match(self.masked, *self.gaps(i)[1])
                or NOT_A_COUNT_OF.search(self.masked, *self.gaps(i)[0])
            )
        }
        for i in range(1, len(out)):  # 'aged 40 and 45': a list of such numbers
            if (
                out[i] is None
                and i - 1 in things
                and JUST_JOINED.fullmatch(self.masked, *self.gaps(i)[0])
            ):
                things.add(i)
        self._share(out, things)
        for i, m in enumerate(out):
            if m is None and i not in things:
                out[i] = self._before_colon(*self.gaps(i)[0])
        self._go_on(out, things)
        return out

    def _after_aside(self, i: int) -> str | None:
        """'11 civilians, including eight children, had been wounded': a whole's verb after
        the part set in commas after it."""
        if i + 1 >= len(self.figs) or not _ASIDE_OPENS.fullmatch(self.masked, *self.gaps(i)[1]):
            return None
        lo, hi = self.gaps(i + 1)[1]
        comma = self.masked.find(",", lo, hi)
        hi = clause(self.masked, comma + 1, hi, after=True)[1] if comma >= 0 else lo
        found = words(ctx.MEASURE_RE, ctx.MEASURE_WORDS, self.masked, comma + 1, hi)
        return found[0][1] if comma >= 0 and found else None

    def _go_on(self, out: list[str | None], things: set[int]) -> None:
        """A figure naming nothing new after one with a measure counts what that one did: a
        bare number or one of people ('and Azerbaijan 37 soldiers', 'and 94 Azerbaijani
        ones', '19 — or 20', 'a tweet said 451', 'twice the 27 they reported'), never a
        denominator ('out of 120,000 residents') nor a number of other things."""
        last: str | None = None
        for i, m in enumerate(out):
            if m is not None:
                last = m
                continue
            if last is None or i in things:
                continue
            (llo, lhi), (rlo, rhi) = self.gaps(i)
            if NOT_A_COUNT_OF.search(self.masked, llo, lhi) or RANGE_END.match(
                self.masked, llo, lhi
            ):
                continue
            if names_nothing_new(self.masked, rlo, rhi):
                out[i] = last

    def _counts_no_casualties(self, i: int, head: str, llo: int, lhi: int) -> bool:
        """Figure i counts things ('255 tanks'; a part of them: '103 of them captured'), people
        who are no casualties (`counted`), or what another deed did ('and destroyed 4')."""
        first = ctx.MEASURE_RE.search(head)
        thing = THINGS.match(head)  # 'left their homes' is a measure, not homes
        thing = thing if thing and not (first and first.start() < thing.end()) else None
        return bool(
            NOT_A_TOLL.search(head[: first.start()] if first else head)
            or thing
            or part_of_things(self.masked, self.s.start, self.figs[i])
            or not_a_casualty_count(self.masked, self.figs[i].start, self.figs[i].end)
            or (not first and self._other_deed(llo, lhi))
        )

    def _other_deed(self, lo: int, hi: int) -> bool:
        """The figure is the object of a verb of another deed than a casualty's."""
        deed = OTHER_DEED.search(self.masked, lo, hi)
        return bool(deed and not ctx.MEASURE_RE.search(deed.group(0)))

    def _before_colon(self, lo: int, hi: int) -> str | None:
        """'claimed far higher losses: 7,630 soldiers': a list after a colon counts what the
        words before the colon name."""
        colon = _COLON_LIST.search(self.masked, lo, hi)
        if colon is None:
            return None
        found = words(ctx.MEASURE_RE, ctx.MEASURE_WORDS, self.masked, lo, colon.start())
        return found[-1][1] if found else None

    def _share(self, out: list[str | None], things: set[int]) -> None:
        """A figure in a list shares its neighbour's measure ('88 Armenian and 94 Azerbaijani');
        so does one the sentence compares or adds ('as did 12', 'up from the 7,633'). A chain
        takes its last member's: 'Ten civilians — six Armenians and four Azerbaijanis — died'
        (right to left first, so each member passes it on)."""
        for i in range(len(out) - 2, -1, -1):
            if out[i] is None and i not in things and out[i + 1]:
                rlo, rhi = self.gaps(i)[1]
                right = self.masked[rlo:rhi]
                if COORDINATION.match(right) or _COMMA_PLUS.match(right):
                    out[i] = out[i + 1]
        for i in range(1, len(out)):
            if out[i] is not None or i in things or not out[i - 1]:
                continue
            (llo, lhi), (rlo, rhi) = self.gaps(i)
            left = self.masked[llo:lhi]
            if (
                COORDINATION.match(left)
                or _COMMA_AND.match(left)  # 'more than 290 were hurt, and 142 of them'
                or ELLIPSIS.search(left)
                or _THEIRS.search(left)  # '…; Yerevan's is 3,825'
                or AFTER_PART.match(
                    left
                )  # 'thirteen Azerbaijanis, one of them a civilian, and five'
                or bare(left, self.masked[rlo:rhi])  # 'and Azerbaijan three', 'an Azerbaijani one'
            ):
                out[i] = out[i - 1]


# A count named with no measure: what was last said ("Yerevan's count is 3,825", "the
# following year is put at 1,171", "X counted far more: 1,008").
COUNT_IS = re.compile(
    r"(?:\b(?:count|figure|tally|toll|estimate|total|number|share)s?\s+(?:is|was|are|were|"
    r"stands\s+at|stood\s+at|comes\s+to|came\s+to|gives|gave|at)(?:\s+only)?|"
    # 'the following year is put at', 'a tally puts them at', 'estimates range from'
    r"\b(?:is|are|was|were|be|been)\s+put\s+at|"
    r"\bputs?\s+(?:it|them)\s+at|\brange[sd]?(?:\s+from)?|"
    # 'X counted far more: 1,008 servicemen', 'gave far higher numbers for 1994–2016: 1,008'
    r"\bcount(?:ed|s)\b[^.;:]{0,24}:?|"
    r"\b(?:numbers|figures|estimates|tallies|totals|counts)\b[^.;:]{0,30}:)\s+"
    r"(?:(?:some|about|around|nearly|roughly|over|more\s+than|at\s+least|up\s+to)\s+)?$",
    re.IGNORECASE,
)

_ASIDE_OPENS = re.compile(r"[\w\s-]*,\s*(?:including|among\s+them)\s*", re.IGNORECASE)
# A bare figure said, guessed or known: 'one official guessed 60.', 'the release said 7,633,'.
SAID_BARE = re.compile(
    r"\b(?:said|says|guessed|guesses|reckoned|reckons|estimated|knows|knew|recites?)\s+$", re.I
)

# After a figure and its noun, the next member of its list: ' servicemen and (over) '.
LIST_NEXT = re.compile(
    r"\s*(?:[A-Za-z-]+\s+){0,2}(?:,\s*)?(?:and|or)\s+"
    r"(?:(?-i:[A-Z])[\w-]+\s+)?"  # 'Azerbaijan 8,500 and Armenia 5,500': the member's name
    r"(?:(?:some|about|around|nearly|roughly|over|more\s+than|at\s+least|up\s+to)\s+)?$",
    re.IGNORECASE,
)
