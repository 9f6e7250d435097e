"""Who backs whom: one position per actor, its strongest evidence first (`positions
--by-actor`, `ask "who supports …"`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

Record = Mapping[str, Any]  # a record read (the contract's TypedDicts)


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


# Words that say how strong the evidence is ("the strongest", "the main supplier").
STRONG = ("strongest", "main", "major", "primary", "chief", "largest", "key", "active", "direct")


def strong(p: Record) -> bool:
    """Does the record's own summary call the support strong ("main supplier")?"""
    return any(w in str(p.get("summary", "")).lower().split() for w in STRONG)


def kind_rank(p: Record, diplomatic: bool = False) -> int:
    ranks = DIPLOMATIC_RANK if diplomatic else KIND_RANK
    return ranks.get(p.get("kind", ""), 9)


def strongest_per_actor(
    rows: Sequence[Record], diplomatic: bool = False, per_actor: int = 1, backing: bool = False
) -> list[Record]:
    """Each actor's `per_actor` strongest positions: its own acts before statements
    (statements and votes first for diplomatic support), before others' readings; actors in
    the order of their strongest evidence, the best attested first at equal strength. With
    `backing` ("who backs X", no arms asked), support stated or shown (`supports-*`) comes
    before arms sales (`supplies-*`): a seller is not thereby a backer."""

    def key(p: Record) -> tuple[bool, bool, int, bool]:
        sells = backing and str(p.get("stance", "")).startswith("supplies-")
        return (bool(p.get("attributed_to")), sells, kind_rank(p, diplomatic), not strong(p))

    by_actor: dict[str, list[Record]] = {}
    for p in rows:
        by_actor.setdefault(p["actor"], []).append(p)
    for records in by_actor.values():
        records.sort(key=key)
    order = sorted(by_actor, key=lambda a: (*key(by_actor[a][0])[:3], -len(by_actor[a]), a))
    return [p for actor in order for p in by_actor[actor][:per_actor]]
