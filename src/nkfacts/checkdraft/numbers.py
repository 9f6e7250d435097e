"""Numbers as writers write them: '3,825', '3825', '108–112', 'between 88 and 92', 'eleven',
'twenty-seven', '1.5 million', with their hedges: 'more than', 'about', 'nearly', 'up to', '5,000+'.

The rules (README, "Check a draft"):
- digits with or without thousands separators, decimals only before 'million'/'thousand';
- number words from 'one' to 'ninety-nine' with 'hundred', 'thousand' and 'million' (also
  'eleven and a half thousand'), 'a dozen', 'two dozen' (never 'half a dozen', 'a few dozen');
  'one' only when a person follows ('one soldier'), never in 'one of', 'no one';
- a range is two numbers joined by '–', '-', 'to', or 'between … and …';
- a four-digit number from 1800 to 2099 is a year unless a casualty word follows it;
- 'three more', 'another 20', 'a further 12' are figures added to an earlier count
  (`Figure.increment`: checked, but never said to differ from a total);
- a number followed by a unit ('44-day', '5 km', '20 percent', '3rd') or preceded by '$',
  'No.', 'Resolution', 'Article' is not a figure; vague amounts ('thousands') are not either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nkfacts.checkdraft.reading import MAX_NUMBERS, too_many
from nkfacts.load.quotes import TENS, UNITS

_UNITS = UNITS
_TENS = TENS
_WORD_VALUE = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
# Integers are parsed with a cap: a longer number is not a figure (README, "Check a draft").
MAX_DIGITS = 12
MAX_VALUE = 10**MAX_DIGITS - 1
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "dozen": 12}


def _by_first_letter(words: list[str]) -> str:
    """An alternation of `words` (tried longest first) grouped by first letter: the same
    matches, but a position is tried against one group, not against every word."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(word[1:])
    return "(?:" + "|".join(f"{k}(?:{'|'.join(rest)})" for k, rest in groups.items()) + ")"


_WORD = _by_first_letter([*_WORD_VALUE, *_SCALES])
# 'and' joins number words only after a scale: 'three hundred and five', not 'five and seven'.
# At most 16 words in a run: a failed run (one-one-one-…-one-) backtracks over a bounded
# stretch, not over the rest of the text from every word (that was quadratic).
_WORD_RUN = (
    rf"\b{_WORD}(?:(?:(?:(?<=hundred)|(?<=thousand)|(?<=million))[\s-]+and[\s-]+|"
    r"\s+and\s+a\s+half\s+(?=thousand|million)|[\s-]+)"
    rf"{_WORD}){{0,15}}\b(?![\w-])"
)
_DIGITS = r"(?<![\w.,/])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w/]|[.,]\d)"
_SCALE_AFTER = re.compile(r"\s*(million|thousand)\b", re.IGNORECASE)
NUMBER = re.compile(rf"{_DIGITS}|{_WORD_RUN}", re.IGNORECASE)

# Text right after a number that makes it a measurement, ordinal or label, not a toll.
_UNIT_AFTER = re.compile(
    r"(?:st|nd|rd|th)\b|[-\s]?(?:%|per\s?cent|percent|km|kilomet|mile|metre|meter|square|sq\b|"
    r"hectare|day\b|days\b|-day|hour|week|month|year|decade|century|times\b|tanks?\b|drones?\b|"
    r"aircraft|helicopters?\b|villages?\b|towns?\b|points?\b|dollars?|euros?|manat|drams?|sides?\b|"
    r"rubles?|roubles?|o'clock|a\.m\.|p\.m\.|am\b|pm\b)",
    re.IGNORECASE,
)
_LABEL_BEFORE = re.compile(
    r"(?:[$€£#]|(?:\bno\.|\bresolutions?|\barticles?|\bpages?|\bprotocol|\bpoint|"
    r"(?:^|\b(?:the|a|room|phone|flight|unit|house|case)\s+|[(\[])number|"
    r"\bchapter|\bsection|\bfig\.?|\bvol\.?|\baged?|\bages|"
    # a label noun naming one thing of a series: 'Flight 217', 'table 2', 'Road 4', 'ID 388'
    r"\b(?:flight|bus|road|route|highway|paragraph|table|footnote|annex|appendix|clause|"
    r"checkpoint|ward|bulletin|volume|ids?|code|dyad)|"
    # a dataset's identifier: '(conflict 388)', '(UCDP conflict 388)'
    r"[(\[][ \t]*(?:[\w-]+[ \t]+)?conflict)[ \t]*)$",
    re.IGNORECASE,
)
# 'one' is a figure only of a person: 'one soldier', 'one Armenian died', 'one of its soldiers',
# 'one member of a group', a member of a casualty list ('three dead and one injured'), or a part
# naming its kind ('thirteen Azerbaijanis, one of them a civilian').
_PERSON = (
    r"(?:soldier|serviceman|civilian|person|man|woman|child|peacekeeper|journalist|policeman|"
    r"officer|volunteer|resident|conscript|fighter|medic|worker|member|guard|pilot|commander|"
    r"militant|saboteur|prisoner|captive|detainee|hostage|doctor|nurse|driver|teenager|boy|girl|"
    r"citizen|national|baby|infant|pensioner|villager|farmer|shepherd)"
)
_ONE_PERSON = re.compile(
    r"\s+(?:more\s+)?(?:(?:of\s+(?:its|their|the|our)\s+(?:own\s+)?)?(?:[\w-]+\s+){0,2}?"
    rf"{_PERSON}|[A-Z][\w-]+\s+(?:died|was\s+"
    r"(?:killed|wounded|injured|captured)|went\s+missing|and|or)\b|"
    r"(?:was\s+|had\s+been\s+)?(?:killed|wounded|injured|dead|missing|captured|hurt)\b|"
    r"of\s+(?:them|whom)\s+(?:was\s+)?an?\s+(?:soldier|serviceman|civilian|policeman|"
    r"peacekeeper|journalist|police\s+officer)\b|"
    # 'a sniper had killed one more.': one more of those counted before
    r"more\s*(?:[.,;:)]|$))"
)
# '… killed three soldiers and wounded one.': one, the object of a casualty verb, ends its clause.
_VERB_BEFORE = re.compile(r"\b(?:killed|wounded|injured|captured)\s+$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*(?:[.;:)]|,\s+(?:and|while)\b|$)")


def _did_one(before: str, after: str) -> bool:
    return bool(_VERB_BEFORE.search(before) and _CLAUSE_END.match(after))


_HALF_A = re.compile(r"\b(?:half\s+an?|few|several|many)\s+$", re.IGNORECASE)
_NO_ONE = re.compile(r"\b(?:no|any|every|some)[\s-]*$", re.IGNORECASE)  # 'no one was hurt'
# 'and an Azerbaijani one': one more of the noun named before.
_AN_X_ONE = re.compile(r"\ban?\s+[A-Z][\w-]+\s+$")
# '100,000 of the region's 120,000', 'Of the 150 soldiers in the unit, 40 …': the whole.
_OF_THE_WHOLE = re.compile(
    r"\d\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’]+\s+)?$|"
    r"(?:^|[.!?:;]\s+|\n\s*)Of\s+(?:the|its|their|all)\s+$"
)
_INCREMENT_AFTER = re.compile(r"\s+(?:more|additional|further|extra)\b(?!\s+than)", re.I)
_INCREMENT_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+$", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:–|—|-|to)\s*$", re.IGNORECASE)
_AND_JOIN = re.compile(r"^\s*and\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|from)\s*$", re.IGNORECASE)
_REVISED = re.compile(
    r"\b(?:revis|rais|lower|correct|updat|increas|decreas|r[oi]s|fell|fall|went|jump|climb)"
    r"\w*\b[^.;:]{0,40}\bfrom\s*$",
    re.IGNORECASE,
)

# Hedges, matched against the words right before (or after) the number.
_AT_LEAST = re.compile(
    r"\b(?:more\s+than|(?<!handed\s)(?<!hands\s)(?<!hand\s)(?<!turned\s)over|at\s+least|"
    r"upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|"
    r"no\s+less\s+than|exceeding|above)\s*$",
    re.IGNORECASE,
)
_UPPER = re.compile(
    r"\b(?:up\s+to|as\s+many\s+as|no\s+more\s+than|fewer\s+than|less\s+than|under|at\s+most|"
    r"a\s+maximum\s+of)\s*$",
    re.IGNORECASE,
)
_APPROX = re.compile(
    r"(?:\b(?:about|around|some|roughly|approximately|nearly|almost|close\s+to|an\s+estimated|"
    r"estimated|circa|c\.|approx\.|perhaps|reportedly\s+some)|~|≈)\s*$",
    re.IGNORECASE,
)
# Matched at a position (`.match(text, pos)`), never on a copy of the rest of the text.
_AT_LEAST_AFTER = re.compile(r"\+|\s+or\s+more\b|\s+plus\b", re.IGNORECASE)


@dataclass
class Figure:
    """A figure in the draft: its span in the text and what it says."""

    start: int
    end: int
    low: int
    high: int
    at_least: bool = False
    approx: bool = False
    upper_bound: bool = False
    increment: bool = False  # 'three more', 'another 50': added to an earlier count

    def public(self) -> dict[str, object]:
        """The JSON `figure` object."""
        return {
            "low": self.low,
            "high": self.high,
            "at_least": self.at_least,
            "approx": self.approx,
            "upper_bound": self.upper_bound,
        }


def words_value(text: str) -> int | None:
    """'twenty-seven' -> 27, 'three hundred and five' -> 305, 'two thousand' -> 2000."""
    total, current = 0, 0
    seen = half = False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("and", "a") or not word:
            continue
        if word == "half":  # 'eleven and a half thousand': half the scale after it
            half = True
            continue
        if word in _WORD_VALUE:
            current += _WORD_VALUE[word]
            seen = True
        elif word == "hundred":
            current, seen = max(current, 1) * 100, True
        elif word in _SCALES:  # 'a million', 'two thousand'
            total += max(current, 1) * _SCALES[word] + (_SCALES[word] // 2 if half else 0)
            current, seen, half = 0, True, False
        else:
            return None
        if total + current > MAX_VALUE:
            return None  # 'hundred hundred hundred …' grows without end: not a figure
    return total + current if seen else None


def _value(text: str, after: str) -> tuple[int, int, int] | None:
    """(value, characters of a trailing 'million'/'thousand' consumed, that scale or 1);
    None for a number that is not a head count, or longer than MAX_DIGITS digits."""
    if text[0].isdigit():
        whole, _, fraction = text.replace(",", "").partition(".")
        if len(whole) + len(fraction) > MAX_DIGITS:
            return None  # a 25- or 400-digit 'figure' is not a toll: never rounded, never inf
        m = _SCALE_AFTER.match(after)
        if m:
            scale = _SCALES[m.group(1).lower()]
            value = int(whole) * scale + round(int(fraction or "0") * scale / 10 ** len(fraction))
            return (value, m.end(), scale) if value <= MAX_VALUE else None
        if fraction:
            return None  # '3.5' on its own is not a head count
        return int(whole), 0, 1
    value = words_value(text)
    return (value, 0, 1) if value is not None else None


def _is_year(token: str, after: str) -> bool:
    return bool(re.fullmatch(r"1[89]\d\d|20\d\d", token)) and not re.match(
        r"\s+(?:[A-Z][a-z]+\s+)?(?:soldiers|civilians|people|servicemen|troops|refugees|"
        r"were|had|have|died|killed|wounded|injured|missing|fled)\b",
        after,
    )


def _tokens(masked: str) -> list[tuple[int, int, int, int]]:
    """(start, end, value, written scale) of every number that may be a head count."""
    out: list[tuple[int, int, int, int]] = []
    for n, m in enumerate(NUMBER.finditer(masked)):
        if n >= MAX_NUMBERS:
            raise too_many("numbers", MAX_NUMBERS)
        if out and m.start() < out[-1][1]:
            continue  # the 'million' of '1.5 million', already read
        token = m.group(0)
        after = masked[m.end() : m.end() + 40]
        before = masked[max(0, m.start() - 20) : m.start()]
        if _is_year(token, after) or _LABEL_BEFORE.search(before):
            continue
        if token.lower() == "one" and (
            _NO_ONE.search(before)
            or not (_ONE_PERSON.match(after) or _AN_X_ONE.search(before) or _did_one(before, after))
        ):
            continue
        if token.lower() == "dozen" and _HALF_A.search(before):
            continue  # 'half a dozen', 'a few dozen': vague, not twelve
        if _OF_THE_WHOLE.search(before):
            continue  # '100,000 of the region's 120,000': the whole a part is taken from
        parsed = _value(token, after)
        if parsed is None:
            continue
        value, extra, scale = parsed
        more = _INCREMENT_AFTER.match(masked, m.end() + extra)
        if _UNIT_AFTER.match(masked, more.end() if more else m.end() + extra):
            continue  # '44-day', 'three more days'
        out.append((m.start(), m.end() + extra, value, scale))
    return out


def figures(masked: str) -> list[Figure]:
    """Every figure in `masked` (the text with dates, URLs and markup blanked out)."""
    tokens = _tokens(masked)
    out: list[Figure] = []
    i = 0
    while i < len(tokens):
        start, end, low, scale = tokens[i]
        high = low
        if i + 1 < len(tokens):
            n_start, n_end, n_value, n_scale = tokens[i + 1]
            gap = masked[end:n_start]
            between = _BETWEEN.search(masked[max(0, start - 12) : start])
            joined = _RANGE_JOIN.match(gap) or (between and _AND_JOIN.match(gap))
            if joined and _REVISED.search(masked, max(0, start - 60), start):
                joined = None  # 'revised its figure from 7,633 to 7,646': two figures
            if joined and scale == 1 and n_scale > 1 and low * n_scale <= n_value:
                low *= n_scale  # '1–1.5 million': the scale written once serves both ends
            if joined and n_value > low:
                high, end = n_value, n_end
                if between:
                    start = between.start() + max(0, start - 12)
                i += 1
        out.append(_hedged(Figure(start, end, low, high), masked))
        i += 1
    return out


def _hedged(fig: Figure, masked: str) -> Figure:
    before = masked[max(0, fig.start - 25) : fig.start]
    found = [pattern.search(before) for pattern in (_AT_LEAST, _UPPER, _APPROX)]  # once each
    fig.at_least = bool(found[0] or _AT_LEAST_AFTER.match(masked, fig.end))
    fig.upper_bound = bool(found[1]) and not fig.at_least
    fig.approx = bool(found[2])
    fig.increment = bool(
        _INCREMENT_BEFORE.search(before) or _INCREMENT_AFTER.match(masked, fig.end)
    )
    for m in found:
        if m:
            fig.start = fig.start - len(before) + m.start()
            break
    if masked[fig.end : fig.end + 1] == "+":
        fig.end += 1
    elif m2 := _AT_LEAST_AFTER.match(masked, fig.end):
        fig.end = m2.end()
    return fig
