"""One table row per claim: identical casualty claims and records of one happening merged.

TSV, CSV and JSON keep one row per record (the contract); these merges are for people
reading a table. A merged row keeps the first record's fields and id, and every citation of
the group (`nkfacts show ID` lists the other records).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

Record = dict[str, Any]  # a merged row (a new dict)
Rec = Mapping[str, Any]  # a record read (the contract's TypedDicts)
_RANK = {"day": 0, "month": 1, "year": 2}


def _merge(group: Sequence[Rec]) -> Record:
    first = dict(group[0])
    cites: list[Rec] = []
    for r in group:
        for c in r["citations"]:
            if c not in cites:
                cites.append(c)
    first["citations"] = cites
    return first


def merge_claims(rows: Sequence[Rec]) -> list[Record]:
    """Casualty rows grouped by `claim` (same party, category, measure, period, figure,
    claimant), in the order of each group's first record."""
    groups: dict[str, list[Rec]] = {}
    for r in rows:
        groups.setdefault(r.get("claim") or r["id"], []).append(r)
    merged = [_merge(g) for g in groups.values()]
    whole = {r["id"]: r["figure"] for r in rows}
    for r in merged:  # "11 of 91": a part of another figure says so
        if r.get("part_of"):
            r["figure"] = f"{r['figure']} of {whole.get(r['part_of'], '…')}"
    return merged


def merge_happenings(rows: Sequence[Rec]) -> list[Record]:
    """Event rows grouped by `happening`; the most precise record leads, and records of the
    same precision that disagree on the date show every date ('9 November 2020 / 10 …')."""
    groups: dict[str, list[Rec]] = {}
    for r in rows:
        groups.setdefault(r.get("happening") or r["id"], []).append(r)
    out = []
    for group in groups.values():
        group = sorted(group, key=lambda r: (_RANK[r["precision"]], r["date"], r["id"]))
        merged = _merge(group)
        whens = [r["when"] for r in group if r["precision"] == group[0]["precision"]]
        merged["when"] = " / ".join(dict.fromkeys(whens))
        out.append(merged)
    out.sort(key=lambda r: (r["date"], r["end"], r["id"]))
    return out


def merged_note(rows: Sequence[Rec], merged: Sequence[Rec], what: str) -> list[str]:
    """A footer line saying how many records were merged, if any."""
    n = len(rows) - len(merged)
    if n <= 0:
        return []
    return [
        f"{n} record(s) merged into rows of the same {what} (all citations kept; "
        "`nkfacts show ID` lists them; --format tsv has one row per record)."
    ]
