"""Who says a figure: the claimant phrases of a sentence ('according to X', 'X said', 'X's
count', 'Western estimates of', a dataset named in it), read apart from whose losses they are.

A claimant is named as the data names claimants: a state's ministries, officials, capital or
the state itself are '<Armenian> authorities' (several: 'Armenian and Artsakh authorities'),
'<Armenian> sources' and '<Armenian> media' stay so, the datasets are 'UCDP' and 'Correlates of
War Project', anyone else by the words of the draft ('most observers', 'Western and Russian
estimates', 'Syrian Observatory for Human Rights').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

# Nation words: (pattern, party, adjective).
_NATIONS: tuple[tuple[str, str, str], ...] = (
    (r"armenia|armenian|armenians|yerevan", "Armenia", "Armenian"),
    (r"azerbaijan|azerbaijani|azerbaijanis|azeri|azeris|baku", "Azerbaijan", "Azerbaijani"),
    (
        r"artsakh|karabakh|nagorno[-\s]karabakh|stepanakert|nkr|karabakh\s+armenians?|"
        r"ethnic\s+armenians?|"
        r"separatists?|breakaway|the\s+(?:region|enclave)['’]s",
        "Artsakh",
        "Artsakh",
    ),
    (r"russia|russian|moscow|kremlin", "Russia", "Russian"),
    (r"turkey|turkish|ankara|türkiye", "Turkey", "Turkish"),
    (r"iran|iranian|tehran", "Iran", "Iranian"),
)
_NATION_RE = [(re.compile(rf"\b(?:{p})\b", re.I), party, adj) for p, party, adj in _NATIONS]
DATASETS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"\b(?:UCDP|Uppsala|dyads?)\b"), "UCDP", "battle-related"),  # its term: a dyad
    (
        re.compile(r"\bCorrelates\s+of\s+War\b|\bCOW\b"),
        "Correlates of War Project",
        "combatant",
    ),
)
DATASET_TERM = {name: term for _pattern, name, term in DATASETS}  # its name → its category
_STATE = re.compile(
    r"\b(?:ministry|ministries|minister|government|officials?|authorities|president|"
    r"prosecutors?|office|army|military|command|spokes\w+|leadership|official|state|"
    r"ombudsman|defen[cs]e|figures|count|tally|data|statement|spokes\w*)\b",
    re.I,
)
_DEFENCE_MINISTRY = re.compile(
    r"\b(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|MoD)\b", re.I
)
UNNAMED = "authorities"  # a state's authorities, the state not named in the phrase
_COUNT_WORDS = re.compile(r"\b(?:figures|count|tally|data|statement)\b", re.I)
_KEEP = re.compile(r"\b(?:sources|media|press)\b", re.I)
_SAY = (
    r"said|says|say|reported|reports|report|claimed|claims|claim|stated|states|announced|"
    r"announces|put|puts|gave|gives|give|counted|counts|count|recorded|records|record|"
    r"(?:is|are|was|were)\s+(?:claiming|saying|reporting|announcing|insisting)|"
    r"documented|documents|estimated|estimates|listed|lists|list|tallied|confirmed|confirms|"
    r"insisted|insists|acknowledged|acknowledges|admitted|admits|registered|registers|"
    r"noted|told|spoke\s+of|speaks\s+of|cited|cites|published|publishes|raised|revised"
)
_WORD = r"(?:[\w’'.-]+)"
# ('gave back', 'put … home': prisoners given back, not a figure given)
_SAY_RE = re.compile(rf"\b(?:{_SAY})\b(?!\s+(?:back|home)\b)", re.I)
# Words between a subject and its verb: 'Baku, for its part, said', 'the ministry later said'.
_ADVERBS = re.compile(
    r"(?:\s*,?\s*(?:also|later|then|now|first|had|has|have|initially|officially|"
    r"by\s+contrast|in\s+contrast|however|meanwhile|instead|"
    r"for\s+(?:its|their)\s+part|"
    # an apposition: 'the Syrian Observatory for Human Rights, a UK-based monitor, counted'
    r",\s*(?:an?|the)\s+[\w'’-]+(?:\s+[\w'’-]+){0,4}\s*,)\s*,?)*\s*,?\s*$",
    re.I,
)
_OBJECT_HEAD = re.compile(
    r"^.*\b(?:toll|figures?|count|numbers?|estimates?|tally|totals?)\s+(?:that\s+|which\s+)?",
    re.I,
)
_LAST_WORDS = re.compile(r"(?:[\w’'.-]+\s+){0,7}[\w’'.-]+$")
# 'Azerbaijan officially lost 398 soldiers': the state's own count.
_OFFICIALLY = re.compile(r"(?P<x>\b[A-Z][\w-]+)\s+officially\b")
# 'confirmed dead by Yerevan', 'reported by the ministry': the agent of a verb of saying.
_BY_SAYER = re.compile(
    r"\b(?:confirmed|reported|recorded|acknowledged|claimed|announced|counted|registered)\s+"
    r"(?:[a-z]+\s+)?by\s+(?P<x>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3})"
)
_DID_SAY = re.compile(
    rf"\b(?:did|does|do)\s+(?P<x>{_WORD}(?:\s+{_WORD}){{0,5}}?)\s+(?:report|say|announce|"
    rf"confirm|admit|acknowledge|publish)\b",
    re.I,
)
# 'according to the Union of … Missing in Action Soldiers': a preposition inside a name (before
# a capitalised word that is not a month or a weekday) does not end it.
_MONTH_OR_DAY = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_ACCORDING = re.compile(
    r"\b(?:according\s+to|per(?!\s+(?:cent|day|week|month|year|capita|hour)\b))\s+"
    r"(?P<x>[^,;:.()]+?)(?=\s*(?:[,;:.()]|$|\b(?:in|on|at|as|by|from|who)\b(?!\s+(?!"
    rf"{_MONTH_OR_DAY})[A-Z])))",
    re.I,
)
_POSSESSIVE = re.compile(
    r"(?P<x>\b[A-Z][\w.-]*(?:\s+(?:of\s+|for\s+|the\s+)*[A-Z][\w.-]*){0,5})(?:'s|’s|s')\s+"
    r"(?:own\s+)?(?:[\w-]+\s+){0,3}?(?:count|figures?|tally|estimates?|toll|data|numbers?|"
    r"reckoning|records?)\b"
)
# 'fourteen dead, said Stepanakert': a verb of saying before who says it, at a clause's end;
# '3,825 is Armenia's': the figure is the state's own.
_SAID_BY = re.compile(
    r"(?:[,;]\s*(?:said|says|claimed|claims|reported|reports|according\s+to)|"
    r"\b(?:is|was|are|were)(?=\s+[A-Z][\w-]*(?:'s|’s)\s*(?:[.;,]|$)))\s+"
    r"(?P<x>(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}?)(?:'s|’s)?(?=\s*(?:[.;,]|$))"
)
_ESTIMATES = re.compile(
    r"(?P<x>(?:\b[A-Z][\w-]*\s+(?:and\s+|or\s+)?){1,4})(?P<e>estimates?)\s+(?:of|put|ran|"
    r"range|say|ranged|go)\b"
)
_LEAD = re.compile(
    r"^(?:(?:the|a|an|only|but|and|however|yet|so|then|meanwhile|while|whereas|that|later|"
    r"earlier|in|on|at|for|of|its|their|his|her|also|both|which|when|after|before|"
    # when it was said is not who said it: 'Late in October Baku insisted'
    r"early|late|mid|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"yesterday|today)\b,?\s+)+",
    re.I,
)
_CUT = re.compile(r"^.*\b(?:that|which|who|but|while|whereas|when|after|before)\s+", re.I)
_NOT_CLAIMANT = re.compile(
    r"^(?:it|they|he|she|we|i|you|this|these|those|there|one|some|many|others?|who|which|a|an|"
    r"that|what|people|\d[\d,]*)$",
    re.I,
)
# A passive ('deaths are put at'), or the figure's own words: not who says it.
_NOT_A_SUBJECT = re.compile(
    r"\b(?:is|are|was|were|be|been|being)$|\b(?:deaths?|dead|losses|killed|casualties|toll|"
    r"wounded|injured|missing|soldiers|civilians|people|troops|servicemen)\b",
    re.I,
)
_INSTITUTION = re.compile(
    r"\b(?:observers|experts|analysts|monitors|researchers|historians|estimates|"
    r"observatory|institute|committee|organi[sz]ation|watch|international|nations|union|"
    r"council|project|group|centre|center|agency|defender|foundation|red\s+cross|icrc|"
    r"hrw|amnesty|journalists)\b",
    re.I,
)


@dataclass(frozen=True)
class Claimant:
    """A claimant phrase: its span, the name it reads as, the state it speaks for (a national
    authority), and the category a dataset counts in (datasets only)."""

    start: int
    end: int
    name: str
    nation: str | None = None
    dataset_category: str | None = None


@lru_cache(maxsize=64)  # asked per figure of a sentence: a sentence's string hashes once
def nations(text: str) -> tuple[tuple[int, str, str], ...]:
    """(position, party, adjective) of every nation word in the text, left to right."""
    spans = sorted(
        (
            (m.start(), -m.end(), party, adj)
            for r, party, adj in _NATION_RE
            for m in r.finditer(text)
        )
    )
    out: list[tuple[int, str, str]] = []
    end = -1
    for start, neg_end, party, adj in spans:  # 'ethnic Armenian': one word, not two nations
        if start >= end:
            out.append((start, party, adj))
            end = -neg_end
    return tuple(out)


def _dataset(phrase: str) -> tuple[str, str] | None:
    for pattern, name, category in DATASETS:
        if pattern.search(phrase):
            return name, category
    return None


def clean(phrase: str) -> str:
    """The phrase without the clause before it ('… and the ministry') and leading words, its
    spaces collapsed (a blanked date leaves a run of them)."""
    phrase = re.sub(r"\s+", " ", phrase)
    return _LEAD.sub("", _CUT.sub("", phrase.strip(" ,"))).strip(" ,")


# Words that never name anyone alone: 'By the', 'as of the' (a date blanked between them).
_FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "by",
        "of",
        "as",
        "at",
        "in",
        "on",
        "to",
        "from",
        "for",
        "with",
        "and",
        "or",
        "but",
        "that",
        "this",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "until",
        "since",
        "after",
        "before",
        "during",
    ]
)
_OMBUDSMAN = re.compile(r"\b(?:ombudsman|ombudsperson|human\s+rights\s+defender)\b", re.I)
_COUNTRY = {"Artsakh": "Artsakh", "Armenia": "Armenia", "Azerbaijan": "Azerbaijan"}


def _office(phrase: str) -> tuple[str, str | None, str | None] | None:
    """An office named by its title: 'the region's ombudsman' → Human Rights Defender of
    Artsakh (the data's name), speaking for its side."""
    if not _OMBUDSMAN.search(phrase):
        return None
    found = [party for _, party, _ in nations(phrase) if party in _COUNTRY]
    if not found:
        return "Human Rights Defender", None, None
    return f"Human Rights Defender of {_COUNTRY[found[0]]}", found[0], None


def normalise(phrase: str) -> tuple[str, str | None, str | None] | None:
    """(name, nation, dataset category) a cleaned phrase names, or None: nobody."""
    if not phrase or _NOT_CLAIMANT.match(phrase) or len(phrase) > 80:
        return None
    if all(w.lower() in _FUNCTION for w in phrase.split()):
        return None
    office = _office(phrase)
    if office is not None:
        return office
    if phrase[:1].isupper() and _INSTITUTION.search(phrase) and not nations(phrase[:12]):
        return phrase, None, None  # a named body: 'Union of Relatives of … Missing Soldiers'
    if _NOT_A_SUBJECT.search(phrase):
        return None
    ds = _dataset(phrase)
    if ds:
        return ds[0], None, ds[1]
    if re.search(r"\bestimates?$", phrase, re.I) or _INSTITUTION.search(phrase):
        return phrase, None, None
    state = _state(phrase)
    if state is not None:
        return state
    if any(w[:1].isupper() and w.lower() not in _FUNCTION for w in phrase.split()):
        return phrase, None, None  # a name; not 'By its final (count)'
    return None


def _state(phrase: str) -> tuple[str, str | None, str | None] | None:
    """A state's voice: 'Armenian sources', 'the Azerbaijani defence ministry' (the data names
    it apart), 'Baku', 'officials' (whose: read from the paragraph)."""
    found = nations(phrase)
    adjs = " and ".join(dict.fromkeys(adj for _, _, adj in found))
    keep = _KEEP.search(phrase)
    if adjs and keep:  # 'Armenian sources' speak for their side
        return f"{adjs} {keep.group(0).lower()}", found[0][1], None
    ministry = _DEFENCE_MINISTRY.search(phrase)
    if adjs and ministry and len(found) == 1:
        return f"{adjs} Ministry of Defence", found[0][1], None
    only_nations = all(nations(w) or w.lower() in ("and", "or") for w in phrase.split())
    if adjs and (_STATE.search(phrase) or len(phrase.split()) <= 2 or only_nations):
        return f"{adjs} authorities", found[0][1], None
    if _STATE.search(_COUNT_WORDS.sub("", phrase)):  # not 'a separate tally' alone
        return ("Ministry of Defence" if ministry else UNNAMED), None, None
    return None


# A sentence names a few claimants; an adversarial one with thousands would make the overlap
# checks below quadratic: past this many, the rest are not read.
MAX_CLAIMANTS = 40


def _subjects(text: str, lo: int, hi: int) -> list[Claimant]:
    """'X said', 'X, for its part, said': up to eight words before a verb of saying."""
    out: list[Claimant] = []
    for n, v in enumerate(_SAY_RE.finditer(text, lo, hi)):
        if len(out) >= MAX_CLAIMANTS or n >= 5 * MAX_CLAIMANTS:
            break
        before = text[max(lo, v.start() - 120) : v.start()]
        before = before[: _ADVERBS.search(before).start()]  # type: ignore[union-attr]
        m = _LAST_WORDS.search(before)
        if not m:
            continue
        phrase = clean(m.group(0))
        head = _OBJECT_HEAD.match(phrase)  # 'that was the toll Karabakh's authorities gave'
        if head and phrase[head.end() :].strip():
            phrase = phrase[head.end() :]
        read = normalise(phrase)
        if read is not None:
            end = v.start() - (len(text[max(lo, v.start() - 120) : v.start()]) - len(before))
            out.append(Claimant(end - len(phrase), end, *read))
    return out


# 'put forward by Western and Russian analysts': their estimates; 'observers believe'.
_BY_ANALYSTS = re.compile(
    r"\b(?:put\s+forward|given|cited|estimated|suggested|proposed|advanced)\s+by\s+"
    r"(?P<x>(?:[A-Z][\w-]*\s+(?:and\s+|or\s+)?){1,4})(?:analysts|experts|researchers|observers)\b"
)
_OBSERVERS = re.compile(
    r"\b(?:most\s+)?observers\s+(?:believe|say|think|estimate|agree|reckon)\b", re.I
)


def _observers(text: str, lo: int, hi: int) -> list[Claimant]:
    """Estimates of analysts ('put forward by Western analysts') and of most observers."""
    out = [
        Claimant(m.start("x"), m.end("x"), f"{m.group('x').strip()} estimates")
        for m in _BY_ANALYSTS.finditer(text, lo, hi)
    ]
    out += [
        Claimant(m.start(), m.end(), "most observers") for m in _OBSERVERS.finditer(text, lo, hi)
    ]
    return out[:MAX_CLAIMANTS]


def claimants(text: str, lo: int, hi: int) -> list[Claimant]:
    """The claimant phrases of the sentence text[lo:hi], left to right, never overlapping."""
    out: list[Claimant] = []
    patterns = (_ESTIMATES, _ACCORDING, _POSSESSIVE, _DID_SAY, _OFFICIALLY, _BY_SAYER, _SAID_BY)
    for pattern in patterns:
        for m in pattern.finditer(text, lo, hi):
            if len(out) >= MAX_CLAIMANTS:
                break
            raw = m.group("x")
            phrase = clean(raw) if pattern is not _ESTIMATES else _LEAD.sub("", raw.strip())
            if pattern is _ESTIMATES:
                phrase = f"{phrase} {m.group('e')}"
            read = normalise(phrase)
            if read is None:
                continue
            start = m.start("x") + max(0, raw.find(phrase.split()[0]))
            c = Claimant(start, m.end("x") if pattern is not _ESTIMATES else m.end("e"), *read)
            if all(c.end <= o.start or c.start >= o.end for o in out):
                out.append(c)
    for c in (*_observers(text, lo, hi), *_subjects(text, lo, hi)):
        if all(c.end <= o.start or c.start >= o.end for o in out):
            out.append(c)
    return sorted(_datasets(text, lo, hi, out), key=lambda c: c.start)


def _datasets(text: str, lo: int, hi: int, out: list[Claimant]) -> list[Claimant]:
    """The claimants with the datasets named in text[lo:hi] added or marked as datasets."""
    for pattern, name, category in DATASETS:
        hit = pattern.search(text, lo, hi)
        if hit and not any(c.name == name for c in out):
            out.append(Claimant(hit.start(), hit.end(), name, dataset_category=category))
        elif hit:  # 'the Correlates of War Project estimates': read as a subject, a dataset
            out = [replace(c, dataset_category=category) if c.name == name else c for c in out]
    return out
