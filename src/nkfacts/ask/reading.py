"""How a question is read: what it asks (intent) and about what (party, category, measure,
period, actor, place, claimant), with the words it did not use kept for a search."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nkfacts.checkdraft import context as ctx
from nkfacts.core import vocab

# What the question asks, first match wins (checked in this order).
INTENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("count", r"\bhow\s+many\b|\bnumber\s+of\b|\bdeath\s+toll\b|\btoll\b|\bhow\s+much\b"),
        (
            "supporters",
            r"\bwho\s+(?:\w+\s+){0,2}(?:support|back|side|arm|help|recogni[sz]|ally|sold|sell|"
            r"suppl|fought|fight)|"
            r"\b(?:supporters|backers|allies|arms\s+suppliers?)\s+of\b|"
            r"\bwhich\s+(?:countries|states|nations|foreign)\b.*\b(?:support|back|side|arm|"
            r"recogni[sz]|sold|sell|suppl|weapon|fighter|mercenar|took\s+part|fought)",
        ),
        (
            "ceasefire",
            r"\bcease[-\s]?fires?\b|\btruce\b|\barmistice\b|\bagreements?\b|\bsign(?:ed|ing)?\b|"
            r"\bbroker(?:ed)?\b|\bterms\b|\bpeace\s+(?:deal|accord|treaty)\b",
        ),
        (
            "position",
            r"\bposition\b|\bstance\b|\bview\b|\bsay\b|\bsaid\b|\bsays\b|\breact(?:ed|ion)?\b|"
            r"\brespon(?:d|ded|se)\b|\bstatement\b|\bthink\b|\bstand\b|\bcondemn(?:ed)?\b|"
            r"\bcall(?:ed)?\s+for\b|\bsupport(?:ed)?\b|\bvote[ds]?\b|\brecogni[sz]e[ds]?\b",
        ),
        (
            "event",
            r"^\s*(?:when|what\s+happened|did|was|were|how\s+did|what\s+was|where)\b|"
            r"\bhappen(?:ed)?\b|\bstart(?:ed)?\b|\bend(?:ed)?\b|\bbegin|\bbegan\b|\bcaptur|"
            r"\bfall\s+of\b|\bfell\b|\btook\b|\btaken\b|\bdissol",
        ),
        (
            "count",
            r"\bcasualt|\bkilled\b|\bdied\b|\bdead\b|\bdeaths?\b|\bwounded\b|\binjured\b|"
            r"\bmissing\b|\bdisplaced\b|\brefugees?\b|\bfled\b|\bcaptured\b|\bprisoners?\b|"
            r"\bPOWs?\b|\blosses\b|\bbattle[-\s]related\b",
        ),
    )
)
# Words that say what kind of record is asked for, not which one.
INTENT_WORDS = {
    "ceasefire": frozenset(
        [
            "ceasefire",
            "ceasefires",
            "cease-fire",
            "truce",
            "armistice",
            "agreement",
            "agreements",
            "signed",
            "signing",
            "sign",
            "broker",
            "brokered",
            "terms",
            "peace",
            "deal",
            "accord",
            "treaty",
        ]
    ),
}
# Words that name a kind of event (`events --type`).
EVENT_TYPES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (r"\b(?:fall|fell|captur\w*|taken|took|seiz\w*|retak\w*|recaptur\w*|control)\b", "capture"),
        (r"\b(?:start|started|begin|began|outbreak|broke\s+out)\b", "war-start"),
        (r"\b(?:end|ended|over|finish\w*)\b", "war-end"),
        (r"\b(?:dissol\w*|decree|declar\w*|independence)\b", "declaration"),
        (r"\b(?:strike|struck|shell\w*|bomb\w*|attack\w*|explosion|exploded)\b", "strike"),
    )
)
COMPARE = re.compile(
    r"\bcompare\b|\b(?:dis)?agree\b|\bdiffer\b|\bsources?\b|\baccording\s+to\s+whom\b",
    re.IGNORECASE,
)
VIOLATIONS = re.compile(
    r"\bviolat\w*|\bbreach\w*|\bbr(?:oke|oken|eak)\b|\bhold\b|\bheld\b|\bresum\w*|\bcollaps",
    re.IGNORECASE,
)
# Kinds of support a question narrows to (`positions --kind`).
SUPPORT_KINDS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kinds)
    for pattern, kinds in (
        (r"\b(?:fighters?|mercenar\w*|volunteers?|jihadists?)\b", ("foreign-fighters",)),
        (r"\b(?:arms?|armed|weapons?|sold|sells?|suppl\w*|drones?)\b", ("arms-supply",)),
        (r"\bmilitar\w*", ("military-support", "arms-supply", "foreign-fighters")),
        (r"\bdiplomatic\w*|\bpolitical\w*", ("statement", "vote", "recognition")),
    )
)
DATASETS = (
    (re.compile(r"\bUCDP\b|\bUppsala\b", re.IGNORECASE), "UCDP"),
    (re.compile(r"\bCOW\b|\bCorrelates\s+of\s+War\b"), "Correlates of War Project"),
)
_STOP = frozenset(
    [
        "counts",
        "records",
        "record",
        "recorded",
        "differ",
        "disagree",
        "agree",
        "comparison",
        "compare",
        "data",
        "official",
        "estimates",
        "estimate",
        "tolls",
        "numbers",
        "figures",
        "figure",
        "datasets",
        "dataset",
        "sources",
        "source",
        "articles",
        "article",
        "wikipedia",
        "near",
        "around",
        "against",
        "across",
        "among",
        "within",
        "without",
        "per",
        "will",
        "would",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "being",
        "also",
        "more",
        "most",
        "some",
        "any",
        "each",
        "every",
        "ever",
        "tell",
        "me",
        "please",
        "know",
        "like",
        "them",
        "they",
        "his",
        "her",
        "him",
        "she",
        "he",
        "you",
        "your",
        "our",
        "we",
        "us",
        "than",
        "then",
        "into",
        "over",
        "under",
        "very",
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "did",
        "do",
        "does",
        "how",
        "many",
        "much",
        "what",
        "when",
        "where",
        "who",
        "whom",
        "which",
        "why",
        "this",
        "that",
        "these",
        "those",
        "its",
        "it",
        "their",
        "there",
        "has",
        "have",
        "had",
        "say",
        "said",
        "says",
        "about",
        "during",
        "after",
        "before",
        "between",
        "since",
        "until",
        "according",
        "many",
        "number",
        "toll",
        "death",
        "deaths",
        "died",
        "dead",
        "killed",
        "war",
        "nagorno",
        "karabakh",
        "conflict",
        "fall",
        "fell",
        "happened",
        "happen",
        "start",
        "started",
        "begin",
        "began",
        "end",
        "ended",
        "take",
        "took",
        "taken",
        "decide",
        "decided",
        "itself",
        "did",
        "get",
        "got",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@dataclass
class Reading:
    """What the question was read as; `words` are its content words (for a search)."""

    question: str
    intent: str = "search"
    party: str | None = None
    category: str | None = None
    measure: str | None = None
    period: ctx.Period | None = None
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    claimant: str | None = None
    event_type: str | None = None
    compare: bool = False  # "compare", "do sources agree": every claimant, datasets beside
    violations: bool = False  # "did it hold", "who violated": the breaches too
    support_kinds: tuple[str, ...] = ()  # "militarily", "arms", "fighters", "diplomatic"
    words: list[str] = field(default_factory=list)

    def public(self) -> dict[str, object]:
        """The reading as JSON (`ask --format json`)."""
        return {
            "intent": self.intent,
            "party": self.party,
            "category": self.category,
            "measure": self.measure,
            "period": self.period.public() if self.period else None,
            "actors": self.actors,
            "places": self.places,
            "claimant": self.claimant,
            "event_type": self.event_type,
            "compare": self.compare,
            "violations": self.violations,
            "support_kinds": list(self.support_kinds),
            "words": self.words,
        }


def _lookup(table: dict[str, str], found: str) -> str | None:
    return table.get(re.sub(r"[\s-]+", " ", found.lower())) or table.get(found.lower())


def _vocab_word(pattern: re.Pattern[str], table: dict[str, str], text: str) -> str | None:
    for m in pattern.finditer(text):
        hit = _lookup(table, m.group(1))
        if hit:
            return hit
    return None


_AFTER = re.compile(r"\b(?:after|since|following)\s+(?:the\s+)?$", re.IGNORECASE)


def _period(text: str) -> ctx.Period | None:
    """The first period the question names; "after the 2023 offensive" runs from its end to
    the end of that year."""
    for mention in ctx.mentions(text):
        if mention.period is not None:
            p = mention.period
            if mention.named and _AFTER.search(text[max(0, mention.start - 20) : mention.start]):
                return ctx.Period(p.end, f"{p.end[:4]}-12-31", "day", f"after {p.label}")
            return p
    return None


def _names(text: str, names: dict[str, str]) -> list[str]:
    """Canonical names whose spelling (any alias, any case, with or without diacritics) the
    question contains as whole words, longest spellings first."""
    words = [re.sub(r"['’]s$", "", w) for w in _WORD.findall(text)]
    folded = " " + " ".join(vocab.fold(w) for w in words) + " "
    found: dict[str, int] = {}  # canonical name -> where the question names it
    for spelling in sorted(names, key=len, reverse=True):
        at = folded.find(f" {spelling} ")
        if len(spelling) > 1 and at >= 0 and names[spelling] not in found:
            found[names[spelling]] = at
            folded = folded.replace(f" {spelling} ", " " + "_" * len(spelling) + " ")
    return sorted(found, key=lambda name: found[name])  # in the order the question names them


def _without_periods(text: str) -> str:
    """The text with its named periods and dates blanked (they are read as the period)."""
    for m in reversed(ctx.mentions(text)):
        text = text[: m.start] + " " + text[m.end :]
    return text


def content_words(text: str) -> list[str]:
    """The words a search would use: no stop words, no possessive 's, no short words."""
    words = [re.sub(r"['’]s$", "", w) for w in _WORD.findall(text)]
    return [w for w in words if w.lower() not in _STOP and len(w) > 2]


def read(question: str, actors: dict[str, str], places: dict[str, str]) -> Reading:
    """Read a question. `actors` and `places` map folded spellings to canonical names."""
    r = Reading(question.strip())
    r.intent = next((name for name, p in INTENTS if p.search(r.question)), "search")
    r.period = _period(r.question)
    r.party = _vocab_word(ctx.PARTY_RE, ctx.PARTY_WORDS, r.question)
    r.category = _vocab_word(ctx.CATEGORY_RE, ctx.CATEGORY_WORDS, r.question)
    r.measure = _vocab_word(ctx.MEASURE_RE, ctx.MEASURE_WORDS, r.question)
    r.claimant = next((name for p, name in DATASETS if p.search(r.question)), None)
    r.event_type = next((kind for p, kind in EVENT_TYPES if p.search(r.question)), None)
    r.compare = bool(COMPARE.search(r.question))
    r.violations = bool(VIOLATIONS.search(r.question))
    r.support_kinds = next((k for p, k in SUPPORT_KINDS if p.search(r.question)), ())
    r.actors = _names(r.question, actors)
    r.places = _names(r.question, places)
    r.words = content_words(_without_periods(r.question))
    if r.intent == "search" and (r.measure or r.claimant):
        r.intent = "count"
    if r.intent == "count" and r.measure is None:
        r.measure = "killed"
    if r.intent == "position" and not r.actors:
        r.intent = "event" if r.period or r.places else "search"
    return r
