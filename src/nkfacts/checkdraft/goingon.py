"""Numbers that go on from a figure before them, and numbers that never do: 'and Azerbaijan 37
soldiers', '— or 20', 'a tweet said 451' count what the figure before counted; a denominator,
an age, a population, a range's end, a size ('a town of 6,000'), an agent ('attended by 40')
or people doing something else ('40 volunteers fought on') count nothing (`clauses`)."""

from __future__ import annotations

import re

from nkfacts.checkdraft import context as ctx

# What a figure going on from the one before may be followed by: nothing, a preposition, its
# clause's subject or verb.
_NOTHING_NEW = re.compile(
    r"\s*(?:[.,;:!?)—–]|$)|\s+(?:in|for|by|as|according|on|at|over|during|from|to|they|it|"
    r"who|that|were|was|had|have|has|or|and|ones|dead)\b",
    re.IGNORECASE,
)
_HEAD = re.compile(r"\s+(?:[\w'’-]+\s+)?[\w'’-]+")
_PEOPLE_NOUN = re.compile(
    r"\b(?:ones|people|persons|men|women|Armenians|Azerbaijanis|Azeris|Russians)\b", re.I
)


def names_nothing_new(masked: str, lo: int, hi: int) -> bool:
    """After a figure (from lo, up to hi): nothing, a preposition, a verb, or people (up to
    two words: 'Azerbaijani soldiers', 'Armenians') — no thing of another kind."""
    if _NOTHING_NEW.match(masked, lo, hi):
        return True
    head = _HEAD.match(masked, lo, hi)
    said = head.group(0) if head else ""
    return bool(said and (ctx.CATEGORY_RE.search(said) or _PEOPLE_NOUN.search(said)))


# A number that is not a count of the same: a denominator, an age, a population, a range's
# end ('from 300,000 to half a million'), a label ('their Mi-24').
# … or a strength or size ('a town of 6,000', 'an army of 45,000', 'the brigade had 400 men'),
# or an agent ('attended by 40 reporters').
NOT_A_COUNT_OF = re.compile(
    r"\b(?:out\s+of|aged?|age\s+of)\s+(?:[\w-]+\s+(?:and|or|to)\s+)?$|\b(?:population|out\s+of)\b[^.;:]{0,40}$|[A-Za-z]-$|"
    r"\b(?:an?|its|their)\s+(?:[\w-]+\s+)?(?!(?:figure|total|toll|count|tally|estimate|number|"
    r"loss|death)s?\b)[\w-]+\s+of\s+(?:(?:some|about|around|nearly|over|"
    r"roughly|more\s+than|at\s+least|up\s+to)\s+)?$|"
    r"(?<!\bas\s)\b(?:had|has|have|numbering|numbered|mobili[sz]ed|fielded|deployed|by)\s+(?:(?:some|about|"
    r"around|nearly|over|roughly|more\s+than|at\s+least|up\s+to)\s+)?$",
    re.I,
)
JUST_JOINED = re.compile(r"\s*(?:,|,?\s*(?:and|or))\s*", re.I)
RANGE_END = re.compile(r"\s*(?:to|–|-)\s")
# … or people who are not casualties: 'between 50 and 1,000 Armenians still living there'.
NOT_CASUALTIES = re.compile(
    r"[^.;:]{0,40}?\b(?:liv(?:e|es|ed|ing)|remain(?:s|ed|ing)?|stay(?:s|ed|ing)?|fought|"
    r"serv(?:e|es|ed|ing)|population|joined|took\s+part|participated|covered|attended|"
    r"guarded|patrolled|volunteered|enlisted|trained)\b",
    re.I,
)
# … nor the object of a verb of another deed: 'killed 17 soldiers and destroyed 4' (a verb
# of saying or counting keeps the count: 'a tweet said 451', 'the ministry revised it to 20').
OTHER_DEED = re.compile(
    r"\b(?!(?:said|reported|claimed|stated|counted|recorded|estimated|listed|added|confirmed|"
    r"cited|quoted|tallied|numbered|registered|documented|announced|revised|updated|raised|"
    r"lowered|corrected|increased|decreased|reached|totall?ed|exceeded|named|identified|"
    r"published|suggested|believed|insisted|gave|put)\b)[a-z]+ed\s+"
    r"(?:(?:some|about|around|another|only|just|nearly|over|at\s+least)\s+)?$",
)
