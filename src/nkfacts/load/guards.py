"""Curation guards (issue 25): what a fact-checker could not defend, reported as warnings.

Pure functions, records in -> problems out; `checks.cross_check` reports each `Problem` as a
warning against its record's file:line (README: `nkfacts validate` checks; the codes and word
lists are documented in docs/data-model.md, "Curation guards"). The codes are stable:

- `note-label`: a note names a reference label (`[177]`) that none of the record's citations
  carries (`ref` or `passage_ref`).
- `quote-short`: a position quote under 3 words; a quote of an event, violation or ceasefire
  that is only a date ("June", "on 5 October 2020").
- `quote-repeated` (with --sources): the quote occurs more than once in its snapshot, so it
  does not locate the passage.
- `stance-wording`: a position's quote and summary carry none of its stance's words
  (`STANCE_WORDS`); none-stated and the vote stances are not checked.
- `order-undated`: a casualty whose id or note orders figures (final, revised, later/earlier
  figure) while it, or a figure of the same claimant, party, category, measure and period it
  is compared with, has no `as_of`.
- `total-civilian`: a casualty of category `total` whose quote names civilians or children
  and no soldiers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from nkfacts.core import dates
from nkfacts.core.kinds import RECORD_ORDER
from nkfacts.load.quotes import LABEL

Rec = dict[str, Any]


@dataclass(frozen=True)
class Problem:
    """One guard's finding about one record (always reported as a warning)."""

    rec: Rec
    code: str
    field: str
    message: str


# The one list of stance wording (docs/data-model.md, "Curation guards", shows the same list).
# Matched case-insensitively against the quote and the summary: a word matches whole, a word
# ending in `*` matches any word it begins ("condemn*": condemned, condemnation), and an entry
# of several words matches as a phrase.
def _w(entries: str) -> tuple[str, ...]:
    return tuple(e.strip() for e in entries.split(","))


_SUPPORT = _w(
    "support*, back*, side with, sided with, sides with, solidarity, stand with, stands with, "
    "stood with, ally, allies, allied, alliance, brother*, help*, assist*, aid*, sent, send*, "
    "deploy*, fought, fight*, recruit*, train*, provid*, suppl*, arms, armed, arming, weapon*, "
    "troops, military, defend*, defence, defense, congratulat*, prais*, welcom*, recogni*, "
    "sympath*, pro-*, in favour, in favor, on the side"
)
_SUPPLY = _w(
    "suppl*, sold, sell*, sale*, arms, weapon*, deliver*, export*, import*, provid*, purchas*, "
    "bought, buy*, transfer*, equip*, drone*, missile*, rocket*, munition*, ammunition, "
    "artillery, aircraft, hardware, shipment*, contract*, deal*, licen*, procure*"
)
_CONDEMN = _w(
    "condemn*, denounc*, critici*, deplor*, accus*, blam*, protest*, reject*, censur*, "
    "rebuk*, unacceptable, unjustifi*, illegal*, outrage*, aggress*, war crime*, "
    "crimes against humanity, atrocit*, genocid*, ethnic cleansing, violat*, sanction*, demand*"
)
STANCE_WORDS: Mapping[str, tuple[str, ...]] = {
    "supports-azerbaijan": _SUPPORT,
    "supports-armenia": _SUPPORT,
    "supplies-azerbaijan": _SUPPLY,
    "supplies-armenia": _SUPPLY,
    "supplies-both": _SUPPLY,
    "territorial-integrity": _w(
        "territorial integrity, sovereign*, part of azerbaijan, occup*, withdraw*, recogni*, "
        "de jure, border*, integrity"
    ),
    "self-determination": _w(
        "self-determination, self determination, right, rights, status, autonom*, "
        "independen*, will of, security of"
    ),
    "recognises-artsakh": _w("recogni*, independen*, sovereign*"),
    "neutral": _w(
        "neutral*, impartial*, not take sides, no side*, not side*, neither side, either side, "
        "balanced, even-handed, equidistan*, non-aligned, non-interference, interfer*, "
        "interven*, non-intervention, stay out, not involved, not defend"
    ),
    "mediator": _w(
        "mediat*, broker*, negotiat*, talks, host, hosted, hosting, hosts, facilitat*, meeting*, "
        "summit*, peace plan*, propos*, co-chair*, minsk group, good offices, dialogue, met, "
        "meet, meets, convene*, agreement*"
    ),
    "calls-for-peace": _w(
        "call*, urge*, urging, appeal*, ceasefire*, cease-fire*, cease fire, restraint, peace*, "
        "dialogue, negotiat*, de-escalat*, escalat*, halt*, stop*, calm*, truce*, cessation, "
        "talks, demand*, withdraw*, end the, end to, resolution*, diplomatic*, refrain*, "
        "solution*, settle*"
    ),
    "condemns-azerbaijan": _CONDEMN,
    "condemns-armenia": _CONDEMN,
    "concern": _w(
        "concern*, worr*, alarm*, troubl*, disturb*, anxi*, fear*, dismay*, distress*, "
        "deplor*, uneas*, shock*, regret*, sad*, grave*, disquiet*, consternation, apprehens*, "
        "warn*, alert*, at risk, danger*, threat*"
    ),
    "humanitarian": _w(
        "humanitarian*, aid*, help*, assist*, relief, donat*, shelter*, food, medic*, "
        "evacuat*, refugee*, rescue*, suppl*, fund*, provid*, sent, send*, deliver*, "
        "hospital*, doctor*, charit*, grant*, million, demining, mine clearance, support*"
    ),
}
# Stances the guard does not check: no stance stated, and votes (their wording is the vote).
UNCHECKED_STANCES = ("none-stated", "voted-for", "voted-against", "abstained")


def _words_re(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern for a word list: whole words; `*` ends a prefix; phrases as written."""
    alts = [re.escape(w[:-1]) if w.endswith("*") else re.escape(w) + r"(?!\w)" for w in words]
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + ")", re.I)


_STANCE_RE = {stance: _words_re(words) for stance, words in STANCE_WORDS.items()}


def note_labels(rec: Rec) -> Iterator[Problem]:
    """A note that names a reference label the record's citations do not carry."""
    cited = {c.get(k) for c in rec["citations"] for k in ("ref", "passage_ref")}
    found = {m for m in LABEL.findall(rec.get("note") or "") if m not in cited}
    missing = sorted(found, key=lambda m: (len(m), m))  # [c], [6], [61]: numbers by value
    if missing:
        names = ", ".join(f"[{m}]" for m in missing)
        yield Problem(
            rec,
            "note-label",
            "note",
            f"the note names {names}, which no citation carries: cite the sentence it labels "
            "(or say which sentence it is without the label)",
        )


_MONTHS = ("january february march april may june july august september october november "
           "december jan feb mar apr jun jul aug sep sept oct nov dec")  # fmt: skip
_DATE_FILLERS = ("on in of the early late mid by since until till from to and between "
                 "throughout during around about st nd rd th")  # fmt: skip
_DATE_WORDS = frozenset((_MONTHS + " " + _DATE_FILLERS).split())


def date_only(quote: str) -> bool:
    """True if the quote says nothing but a date: "June", "on 5 October 2020", "1994"."""
    tokens = re.findall(r"[^\W\d_]+|\d+", quote.lower())
    if not tokens or re.search(r"\d[,.]\d|[^\w\s,.–-]", quote):
        return False
    dated = False
    for t in tokens:
        if t.isdigit():
            if len(t) not in (1, 2, 4):
                return False
            dated = True
        elif t not in _DATE_WORDS:
            return False
        elif t in _MONTHS.split():
            dated = True
    return dated


def short_quote(kind: str, rec: Rec) -> Iterator[Problem]:
    """A quote too short to carry its fact."""
    q = rec["quote"]
    if kind == "position" and len(q.split()) < 3:
        yield Problem(
            rec,
            "quote-short",
            "quote",
            f"quote {q!r} is under 3 words: quote the actor and what it did or said",
        )
    elif kind in ("event", "violation", "ceasefire") and date_only(q):
        yield Problem(
            rec,
            "quote-short",
            "quote",
            f"quote {q!r} is only a date: quote what happened, with its date",
        )


def repeated_quote(rec: Rec, text: str, where: str) -> Iterator[Problem]:
    """A quote that occurs more than once in its snapshot does not locate the passage."""
    n = text.count(rec["quote"])
    if n > 1:
        yield Problem(
            rec,
            "quote-repeated",
            "quote",
            f"quote occurs {n} times in {where}: lengthen it until it is unique",
        )


def stance_wording(rec: Rec) -> Iterator[Problem]:
    """A stance whose wording neither the quote nor the summary carries."""
    stance = rec["stance"]
    pattern = _STANCE_RE.get(stance)
    if pattern is None or pattern.search(rec["quote"] + " \n " + rec["summary"]):
        return
    reader = f" ({rec['attributed_to']}'s reading)" if rec.get("attributed_to") else ""
    yield Problem(
        rec,
        "stance-wording",
        "stance",
        f"stance '{stance}'{reader}: neither quote nor summary has any of its words "
        f"({', '.join(w.strip() for w in STANCE_WORDS[stance][:6])}, …); "
        "use none-stated, or attributed_to with the reader whose words these are",
    )


_ORDER_NOTE = re.compile(
    r"\b(?:final|revised|revision|revises|(?:later|earlier)\s+(?:than|figure|figures|estimate|"
    r"estimates|count|toll|total|report|revision|official|number|update|data|statement))\b",
    re.I,
)
_ORDER_ID = frozenset(("final", "later", "earlier", "revised", "revision", "updated"))
_ORDER_STEMS = ("final", "revis", "later", "earlier")  # every word of _ORDER_NOTE has one


def _orders(rec: Rec) -> str | None:
    """The word by which a casualty's id or note orders it against other figures, if any."""
    rid: str = rec["id"]
    for token in rid.split("-"):
        if token in _ORDER_ID:
            return token
    note = rec.get("note") or ""
    if note.isascii():  # most notes have none of the words: skip the regex (same answer)
        low = note.lower()
        if not any(w in low for w in _ORDER_STEMS):
            return None
    m = _ORDER_NOTE.search(note)
    return m[0] if m else None


def _period(rec: Rec) -> tuple[str, str]:
    return dates.parse(rec["start"])[0], dates.parse(rec.get("end") or rec["start"])[1]


def _key(rec: Rec) -> tuple[str, str, str, str]:
    return rec["claimant"], rec["party"], rec["category"], rec["measure"]


_SLIM = (
    "id",
    "_file",
    "_line",
    "as_of",
    "start",
    "end",
    "claimant",
    "party",
    "category",
    "measure",
)


def _slim(rec: Rec) -> Rec:
    """What `undated_order` reads of a record and reports it by."""
    return {k: rec[k] for k in _SLIM if k in rec}


# The undated figures of one claim key: per distinct period (first, last), the first three
# (position, id) in reading order. Three are all `_undated_peers` can name, so a million
# figures of a few periods take a few entries, and each check looks at periods, not records.
Undated = dict[tuple[str, str], list[tuple[int, str]]]


def _undated_peers(rec: Rec, undated: Undated) -> list[str]:
    """Up to 3 undated figures of the same claimant, party, category and measure whose
    period overlaps this one's (the figures an order word compares it with), in reading
    order."""
    first, last = _period(rec)
    found = [
        entry
        for (r_first, r_last), entries in undated.items()
        if r_first <= last and first <= r_last
        for entry in entries
    ]
    return [rid for _, rid in sorted(found)[:3]]


def undated_order(casualties: Iterable[Rec]) -> Iterator[Problem]:
    """'final', 'revised', 'later figure' … where the compared figures are not all dated.
    Only what the check reads of each record is held (the records may be spilled to disk)."""
    ordered = [(_slim(rec), word) for rec in casualties if (word := _orders(rec))]
    keys = {_key(rec) for rec, _ in ordered if rec.get("as_of")}
    undated: dict[tuple[str, str, str, str], Undated] = {}
    for pos, r in enumerate(casualties if keys else ()):
        if not r.get("as_of") and _key(r) in keys:
            entries = undated.setdefault(_key(r), {}).setdefault(_period(r), [])
            if len(entries) < 3:
                entries.append((pos, r["id"]))
    for rec, word in ordered:
        if not rec.get("as_of"):
            which = "it has no as_of"
        else:
            peers = _undated_peers(rec, undated.get(_key(rec), {}))
            if not peers:
                continue
            names = ", ".join(peers[:2]) + (" and more" if len(peers) > 2 else "")
            which = f"{names} (same claim) has no as_of"
        yield Problem(
            rec,
            "order-undated",
            "as_of",
            f"'{word}' orders this figure against other figures, but {which}: "
            "say only what the text dates",
        )


_CIVILIAN_RE = _words_re(
    _w(
        "civilian*, child, children, childhood, kid, kids, baby, babies, infant*, resident*, "
        "inhabitant*, villager*, boy, boys, girl, girls, grandmother*, grandfather*, "
        "grandchild*, woman, women, elderly, pensioner*, schoolchild*, schoolboy*, schoolgirl*, "
        "teenager*, minor, minors, family, families"
    )
)
_AGE_RE = re.compile(r"\w+-year-old", re.I)  # "a 13-year-old", "a two-year-old"
_MILITARY_RE = _words_re(
    _w(
        "soldier*, servicem*, troop*, military, combatant*, fighter*, army, armies, officer*, "
        "personnel, conscript*, volunteer*"
    )
)


# "Thirteen Azeris, including one civilian": the civilians are a part of a mixed count.
_PART_OF_MIXED = re.compile(
    r"\b(?:including|among\s+them|of\s+whom|incl\.)\s+(?:\w+\s+){0,2}$", re.I
)


def total_civilians(rec: Rec) -> Iterator[Problem]:
    """Category `total` where the quote names civilians or children and no soldiers, and not
    as a part of a mixed count ("including one civilian")."""
    q = rec["quote"]
    if rec["category"] != "total" or _MILITARY_RE.search(q):
        return
    m = _CIVILIAN_RE.search(q) or _AGE_RE.search(q)
    if m and not _PART_OF_MIXED.search(q[: m.start()]):
        yield Problem(
            rec,
            "total-civilian",
            "category",
            f"category 'total' but the quote names {m[0]!r}: use 'civilian' "
            "(or 'total' only where the figure counts soldiers too)",
        )


def guard(
    cleaned: Mapping[str, list[Rec]], texts: Mapping[str, str], sources: Mapping[str, Rec]
) -> Iterator[Problem]:
    """Every curation guard over the records; `texts` (the snapshots) may be empty."""
    for kind in RECORD_ORDER:
        for rec in cleaned.get(kind, []):
            yield from note_labels(rec)
            yield from short_quote(kind, rec)
            sid = rec["citations"][0]["source"]
            if sid in texts and sources[sid].get("kind") != "dataset":
                yield from repeated_quote(rec, texts[sid], sources[sid].get("file", sid))
            if kind == "position":
                yield from stance_wording(rec)
            elif kind == "casualty":
                yield from total_civilians(rec)
    yield from undated_order(cleaned.get("casualty", []))
