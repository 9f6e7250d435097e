"""The look-ups `ask` routes to, beyond the views' own queries: names from the index, a
search that widens until something matches, the datasets beside article claims, the
strongest evidence per actor."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from nkfacts.answers import query
from nkfacts.answers.search import search
from nkfacts.answers.supporters import kind_rank, strongest_per_actor
from nkfacts.checkdraft import context as ctx
from nkfacts.core import vocab
from nkfacts.core.errors import UsageError

Record = dict[str, Any]
__all__ = ["kind_rank", "strongest_per_actor"]


def names(con: sqlite3.Connection) -> tuple[dict[str, str], dict[str, str]]:
    """Actors and places: every folded spelling → the canonical name."""
    out: dict[str, dict[str, str]] = {"actor": {}, "place": {}}
    for kind, name, canonical in con.execute("SELECT kind, name, canonical FROM names"):
        if kind in out:
            out[kind][name] = canonical
    return out["actor"], out["place"]


DATASET_CLAIMANTS = frozenset({"UCDP", "Correlates of War Project"})
# "Who supports X": the stances that say so, in the actor's words or acts.
SUPPORT: dict[str, tuple[str, ...]] = {
    "Azerbaijan": ("supports-azerbaijan", "supplies-azerbaijan"),
    "Armenia": ("supports-armenia", "supplies-armenia"),
    "Artsakh": ("supports-armenia", "recognises-artsakh", "self-determination"),
}


def adjacent(claims: Sequence[Record]) -> list[Record]:
    """Figures of the same party, category, measure and period next to each other."""
    return sorted(
        claims, key=lambda c: (c["start"], c["end"], c["party"], c["category"], c["measure"])
    )


def datasets(con: sqlite3.Connection, period: ctx.Period | None) -> list[Record]:
    """UCDP's and COW's death counts for the years the period touches (none without one)."""
    if period is None:
        return []
    when = query.span(None, period.start[:4], period.end[:4], True)
    rows = [
        r
        for claimant in sorted(DATASET_CLAIMANTS)
        for r in query.casualties(con, when=when, claimant=[claimant], measure=["killed"])
    ]
    return sorted(rows, key=lambda r: (r["claimant"], r["start"], r["id"]))


def disputed(claims: Sequence[Record]) -> int:
    """How many `disputes` rows concern these claims."""
    from nkfacts.answers.disputes import find

    ids = {i for c in claims for i in (c.get("ids") or [c["id"]])}
    return sum(1 for d in find(list(claims)) if ids & set(d.get("ids", [])))


def war_first(e: Record, period: ctx.Period, event_type: str | None) -> tuple[int, int, str]:
    """Sort key for a named war's events: the war itself (its whole span), then its start and
    end (the asked one first), then the rest by date."""
    whole = e.get("date") == period.start and (e.get("end") or e.get("date")) == period.end
    kinds = [event_type] if event_type in ("war-start", "war-end") else []
    kinds += ["war-start", "war-end", "offensive"]
    rank = kinds.index(e["type"]) if e.get("type") in kinds else len(kinds)
    return (0 if whole else 1, rank, e.get("date") or "")


def mentioning(rows: Sequence[Record], words: Sequence[str]) -> list[Record]:
    """The rows whose name or place holds one of the words (folded), most words first."""
    folded = [vocab.fold(w) for w in words if len(w) > 3]

    def score(r: Record) -> int:
        text = vocab.fold(" ".join(str(r.get(k) or "") for k in ("name", "place", "id")))
        return sum(1 for w in folded if w in text)

    return sorted((r for r in rows if score(r)), key=lambda r: -score(r))


def ranked_search(
    con: sqlite3.Connection, words: Sequence[str], kinds: tuple[str, ...] | None
) -> tuple[list[Record], list[str]]:
    """A search for all the words; while nothing matches, the rarest word is dropped.
    Returns the hits and the words that found them (the equivalent `nkfacts search`)."""
    left = list(dict.fromkeys(w for w in words if w.strip()))
    while left:
        hits = _hits(con, " ".join(left), kinds, 50)
        if hits:
            return hits, left
        counts = {w: len(_hits(con, w, kinds, 200)) for w in left}
        left.remove(min(left, key=lambda w: (counts[w], -left.index(w))))
    return [], []


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
