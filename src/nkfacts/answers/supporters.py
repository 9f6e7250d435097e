"""Who backs whom: one position per actor, its strongest evidence first (`positions
--by-actor`, `ask "who supports …"`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Record = dict[str, Any]


# Strongest evidence first: acts before words.
KIND_RANK = {
    "military-support": 0,
    "arms-supply": 1,
    "foreign-fighters": 2,
    "recognition": 3,
    "sanctions": 4,
    "vote": 5,
    "statement": 6,
}


# "Diplomatic supporters": words and votes before arms.
DIPLOMATIC_RANK = {"statement": 0, "vote": 1, "recognition": 2, "sanctions": 3}


def kind_rank(p: Record, diplomatic: bool = False) -> int:
    ranks = DIPLOMATIC_RANK if diplomatic else KIND_RANK
    return ranks.get(p.get("kind", ""), 9)


def strongest_per_actor(rows: Sequence[Record], diplomatic: bool = False) -> list[Record]:
    """One position per actor: its own acts before statements (statements and votes first for
    diplomatic support), before others' readings."""

    def key(p: Record) -> tuple[bool, int]:
        return (bool(p.get("attributed_to")), kind_rank(p, diplomatic))

    best: dict[str, Record] = {}
    for p in rows:
        have = best.get(p["actor"])
        if have is None or key(p) < key(have):
            best[p["actor"]] = p
    return sorted(best.values(), key=lambda p: (*key(p), p["actor"]))
