"""The look-ups `ask` routes to, beyond the views' own queries: names from the index, a
search that widens until something matches, the datasets beside article claims, the
strongest evidence per actor."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from nkfacts.answers import query
from nkfacts.answers.search import search
from nkfacts.answers.supporters import kind_rank, strong, strongest_per_actor
from nkfacts.checkdraft import context as ctx
from nkfacts.core import dates, vocab
from nkfacts.core.errors import UsageError

Record = Mapping[str, Any]  # a record read (the contract's TypedDicts)
__all__ = ["kind_rank", "strongest_per_actor"]


def names(con: sqlite3.Connection) -> tuple[dict[str, str], dict[str, str]]:
    """Actors and places: every folded spelling → the canonical name."""
    out: dict[str, dict[str, str]] = {"actor": {}, "place": {}}
    for kind, name, canonical in con.execute("SELECT kind, name, canonical FROM names"):
        if kind in out:
            out[kind][name] = canonical
    return out["actor"], out["place"]


ENOUGH = 5  # a search that finds fewer is widened (its least telling word dropped)
WIDEST = 200  # hits of the widest search kept (the equivalent command's --limit)
DATASET_CLAIMANTS = frozenset({"UCDP", "Correlates of War Project"})
# "Who supports X": the stances that say so, in the actor's words or acts.
SUPPORT: dict[str, tuple[str, ...]] = {
    "Azerbaijan": ("supports-azerbaijan", "supplies-azerbaijan"),
    "Armenia": ("supports-armenia", "supplies-armenia"),
    "Artsakh": ("supports-armenia", "recognises-artsakh", "self-determination"),
}


def fit(r: Record, period: ctx.Period | None) -> float:
    """How closely a record's period is the one asked (1.0 the same, 0 disjoint), by tenths."""
    if period is None:
        return 1.0
    return round(dates.overlap(r["start"], r["end"], period.start, period.end), 1)


def adjacent(
    claims: Sequence[Record], period: ctx.Period | None = None, totals_first: bool = False
) -> list[Record]:
    """The figures for the period asked first (a figure for part of it, or for a longer span,
    after); figures of the same party, category and measure next to each other; with
    `totals_first` (no party or category asked), both sides' totals lead."""

    def key(c: Record) -> tuple[Any, ...]:
        lead = (c["party"] != "Both sides", c["category"] != "total") if totals_first else ()
        return (-fit(c, period), *lead, c["party"], c["category"], c["measure"], c["start"])

    return sorted(claims, key=key)


def datasets(
    con: sqlite3.Connection, period: ctx.Period | None, every_version: bool = False
) -> list[Record]:
    """UCDP's and COW's death counts for the years the period touches (none without one):
    UCDP's newest version only, unless every version is asked for."""
    if period is None:
        return []
    when = query.span(None, period.start[:4], period.end[:4], True)
    rows: list[Record] = [
        r
        for claimant in sorted(DATASET_CLAIMANTS)
        for r in query.casualties(con, when=when, claimant=[claimant], measure=["killed"])
    ]
    if not every_version:
        newest: dict[tuple[str, str, str], Record] = {}
        for r in rows:
            key = (r["claimant"], r["start"], r["party"])
            if key not in newest or str(r.get("as_of")) > str(newest[key].get("as_of")):
                newest[key] = r
        rows = list(newest.values())
    return sorted(rows, key=lambda r: (-fit(r, period), r["claimant"] != "UCDP", r["start"]))


def disputed(claims: Sequence[Record]) -> int:
    """How many `disputes` rows concern these claims."""
    from nkfacts.answers.disputes import find

    ids = {i for c in claims for i in (c.get("ids") or [c["id"]])}
    return sum(1 for d in find(list(claims)) if ids & set(d.get("ids", [])))


# What a stance verb in the question asks for ("did France condemn …").
STANCE_WORDS = (
    ("condemn", "condemns-"),
    ("support", "supports-"),
    ("recogni", "recognises-"),
    ("territorial", "territorial-integrity"),
    ("ceasefire", "calls-for-peace"),
    ("peace", "calls-for-peace"),
    ("neutral", "neutral"),
)


def position_first(p: Record, question: str) -> tuple[Any, ...]:
    """Sort key for an actor's positions: its own words and acts before others' readings, the
    stance the question names, a stated stance before none, statements before acts, newest."""
    q = question.lower()
    asked = [stance for word, stance in STANCE_WORDS if word in q]
    named = any(p["stance"].startswith(a) for a in asked)
    statement = p.get("kind") in ("statement", "vote", "recognition", "mediation")
    return (
        bool(p.get("attributed_to")),
        not named,
        p["stance"] == "none-stated",
        not statement,
        "".join(chr(0x10FFFF - ord(ch)) for ch in str(p.get("start") or "")),
    )


def support_rank(p: Record, diplomatic: bool) -> tuple[Any, ...]:
    """Sort key for one actor's supporting positions: own first, strongest kind and wording."""
    return (bool(p.get("attributed_to")), kind_rank(p, diplomatic), not strong(p))


def within(hits: list[Record], period: ctx.Period | None) -> list[Record]:
    """Search hits dated within the period (all of them when none is, or none is asked)."""
    if period is None:
        return hits
    inside = [h for h in hits if h.get("date") and period.start <= h["date"] <= period.end]
    return inside or hits


def typed(con: sqlite3.Connection, hits: Sequence[Record], event_type: str) -> set[str]:
    """The ids among the hits of events of this type."""
    ids = [h["id"] for h in hits if h["kind"] == "event"]
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    sql = f"SELECT id FROM events WHERE type = ? AND id IN ({marks})"
    return {r[0] for r in con.execute(sql, (event_type, *ids))}


def unknown_words(con: sqlite3.Connection, r: Any) -> list[str]:
    """Words of the question that nothing in the records contains: a proper noun the sources
    never mention, or two or more such words, mean the question is about something else."""
    known = {w.lower() for n in (*r.actors, *r.places) for w in n.split()}
    candidates = [w for w in r.words if w.lower() not in known]
    missing = [w for w in candidates if not _hits(con, w, None, 1)]
    first = r.question.split()[0] if r.question.split() else ""
    proper = [w for w in missing if w[:1].isupper() and w != first.strip("?¿!,.")]
    if proper or len(missing) >= 2 or (missing and len(missing) == len(candidates)):
        return missing
    return []


def war_first(
    e: Record, period: ctx.Period, event_type: str | None, size: Mapping[str, int]
) -> tuple[int, int, int, str]:
    """Sort key for a period's events: the war itself (its whole span), then its start and
    end (the asked one first) and offensives, then the happenings most sources report, then
    the rest by date."""
    whole = e.get("date") == period.start and (e.get("end") or e.get("date")) == period.end
    kinds = [event_type] if event_type in ("war-start", "war-end") else []
    kinds += ["war-start", "war-end", "offensive"]
    rank = kinds.index(e["type"]) if e.get("type") in kinds else len(kinds)
    reported = size.get(e.get("happening") or e["id"], 1)
    return (0 if whole else 1, rank, -reported, e.get("date") or "")


def happening_sizes(con: sqlite3.Connection) -> dict[str, int]:
    """How many records report each happening (more sources: a more central event)."""
    sql = "SELECT happening, count(*) FROM events GROUP BY happening"
    return {h: n for h, n in con.execute(sql) if h}


def near(events: Sequence[Record], period: ctx.Period) -> list[Record]:
    """Events of the period, and those that overlap it by at most a year more (the offensive
    of 19–20 September for a question about the 19th; not a decades-long conflict)."""
    last = str(int(period.end[:4]) + 1) + period.end[4:]
    first = str(int(period.start[:4]) - 1) + period.start[4:]
    return [e for e in events if e["date"] >= first and (e.get("end") or e["date"]) <= last]


def mentioning(rows: Sequence[Record], words: Sequence[str]) -> list[Record]:
    """The rows whose name or place holds one of the words (folded), most words first."""
    folded = [vocab.fold(w) for w in words if len(w) > 3]

    def score(r: Record) -> int:
        text = vocab.fold(" ".join(str(r.get(k) or "") for k in ("name", "place", "id")))
        return sum(1 for w in folded if w in text)

    return sorted((r for r in rows if score(r)), key=lambda r: -score(r))


def ranked_search(
    con: sqlite3.Connection, words: Sequence[str], kinds: tuple[str, ...] | None
) -> tuple[list[Record], list[str], list[str]]:
    """A search for all the words; while fewer than `ENOUGH` match, the least telling word
    is dropped and what the fewer words find is added after. Returns the hits and the words of
    the widest search (the equivalent `nkfacts search … --limit 200`, which finds them all)
    and those of the narrowest that found anything (what the records do match)."""
    left = list(dict.fromkeys(w for w in words if w.strip()))
    found: dict[str, Record] = {}
    used: list[str] = []
    first: list[str] = []  # the words of the narrowest search that found something
    while left and len(found) < ENOUGH:
        hits = _hits(con, " ".join(left), kinds, 50)
        for h in hits:
            found.setdefault(h["id"], h)
        if hits:
            used = list(left)
            first = first or list(left)
        if len(left) == 1:
            break
        counts = {w: len(_hits(con, w, kinds, 200)) for w in left}
        # a word found nowhere goes first; then the commonest, which says least (a place
        # named in hundreds of records), so the rare words that say what is asked stay
        left.remove(max(left, key=lambda w: (counts[w] == 0, counts[w], left.index(w))))
    if not used:
        return [], [], []
    # What the widest search (the equivalent command) returns, the narrower finds first.
    widest = {h["id"] for h in _hits(con, " ".join(used), kinds, WIDEST)}
    return [h for h in found.values() if h["id"] in widest], used, first


def _hits(
    con: sqlite3.Connection, text: str, kinds: tuple[str, ...] | None, n: int
) -> list[Record]:
    try:
        hits = search(con, text, limit=n)
    except UsageError:
        return []
    return [h for h in hits if kinds is None or h["kind"] in kinds]


def records(con: sqlite3.Connection, hits: Sequence[Record]) -> list[Record]:
    """The full records behind search hits, in their order."""
    return [query.get(con, h["id"])[1] for h in hits]
