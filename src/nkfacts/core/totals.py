"""A table's 'Both sides' total against its parts: the rule `validate` warns with and
`disputes` reports (never summed for display: only compared)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

Record = TypeVar("Record", bound=Mapping[str, Any])  # checked records or the contract's


def group(r: Mapping[str, Any]) -> tuple[Any, ...]:
    """What a total and its parts share: source, period, category, measure, claimant, as of."""
    return (
        r["citations"][0]["source"],
        r["start"],
        r.get("end") or r["start"],
        r["category"],
        r["measure"],
        r["claimant"],
        r.get("as_of"),
    )


def low_high(r: Mapping[str, Any]) -> tuple[int, int]:
    """A figure's bounds as integers (an exact figure: low twice)."""
    return int(r["low"]), int(r.get("high") or r["low"])


def total_mismatches(rows: Sequence[Record]) -> list[tuple[Record, Record, Record, int, int]]:
    """'Both sides' totals that no pair of exact Armenia + Azerbaijan figures from the same
    source, period, category, measure and claimant adds up to: (total, armenia, azerbaijan, lo, hi)."""
    out = []
    groups: dict[tuple[Any, ...], dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        groups[group(r)][r["party"]].append(r)
    for parties in groups.values():
        # Index parts by their (low, high) so large data sets stay linear, not quadratic.
        arm = {low_high(r): r for r in parties.get("Armenia", []) if not r.get("at_least")}
        aze = {low_high(r): r for r in parties.get("Azerbaijan", []) if not r.get("at_least")}
        if not arm or not aze:
            continue
        sums = {
            (a[0] + z[0], a[1] + z[1]): (ra, rz) for a, ra in arm.items() for z, rz in aze.items()
        }
        for total in parties.get("Both sides", []):
            t = low_high(total)
            if t not in sums:
                (lo, hi), (a_rec, z_rec) = next(iter(sums.items()))
                out.append((total, a_rec, z_rec, lo, hi))
    return out
