"""`nkfacts disputes`: where the figures disagree, computed from the data (never hand-listed).

Three kinds:
- competing: different claimants give different figures for the same party, category,
  measure and period;
- revision: one claimant gives different figures for the same thing at different dates (as_of);
- table-total: a 'Both sides' total differs from the sum of the two sides' figures from the
  same source, period and claimant.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from nkfacts import dates

Record = dict[str, Any]


def _claim(r: Record) -> str:
    ref = ",".join(c["ref"] or "no label" for c in r["citations"])
    when = f" as of {r['as_of']}" if r.get("as_of") else ""
    return f"{r['figure']} per {r['claimant']}{when} [{r['citations'][0]['source']} {ref}]"


def comparable(a: Record, b: Record) -> bool:
    """Periods sharing at least half their days, unless a whole-year figure would be compared
    with one for a part of that year (they count different things)."""
    if dates.overlap(a["start"], a["end"], b["start"], b["end"]) < 0.5:
        return False
    coarse = {a["start_precision"], b["start_precision"]}
    return not ("year" in coarse and len(coarse) > 1)


def _clusters(rows: list[Record]) -> list[list[Record]]:
    """Groups of figures for the same party, category and measure over (mostly) the same
    period: each record with every record whose period shares at least half its days."""
    by_subject: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
    for r in rows:
        if r["low"] == r["high"] == 1:
            continue  # one named person, not a toll
        by_subject[(r["party"], r["category"], r["measure"])].append(r)
    seen: set[frozenset[str]] = set()
    out = []
    for recs in by_subject.values():
        for r in recs:
            group = [o for o in recs if comparable(r, o)]
            key = frozenset(o["id"] for o in group)
            if len(group) > 1 and key not in seen:
                seen.add(key)
                out.append(group)
    # Keep only maximal groups: a group inside a larger one adds nothing.
    return [g for g in out if not any({o["id"] for o in g} < {o["id"] for o in h} for h in out)]


def find(rows: list[Record]) -> list[Record]:
    """Disputes among the given casualty records, in period order."""
    out: list[Record] = []
    for recs in _clusters(rows):
        figures = {(r["low"], r["high"], r["at_least"], r["upper_bound"]) for r in recs}
        if len(figures) < 2:
            continue
        first = recs[0]
        party, start = first["party"], first["start"]
        subject = f"{party} {first['category']} {first['measure']}, {first['period']}"
        by_claimant: dict[str, list[Record]] = defaultdict(list)
        for r in recs:
            by_claimant[r["claimant"]].append(r)
        for claimant, own in by_claimant.items():
            if len({(r["low"], r["high"]) for r in own}) > 1 and any(r.get("as_of") for r in own):
                own = sorted(own, key=lambda r: r.get("as_of") or "9999")
                out.append(
                    {
                        "kind": "revision",
                        "subject": f"{subject} (per {claimant})",
                        "party": party,
                        "start": start,
                        "claims": " → ".join(_claim(r) for r in own),
                        "ids": ", ".join(r["id"] for r in own),
                    }
                )
        if len(by_claimant) > 1:
            out.append(
                {
                    "kind": "competing",
                    "subject": subject,
                    "party": party,
                    "start": start,
                    "claims": " | ".join(_claim(r) for r in recs),
                    "ids": ", ".join(r["id"] for r in recs),
                }
            )
    out.extend(_totals(rows))
    out.sort(key=lambda d: (d["start"], d["kind"], d["subject"]))
    return out


def total_mismatches(rows: list[Record]) -> list[tuple[Record, Record, Record, int, int]]:
    """'Both sides' totals that no pair of exact Armenia + Azerbaijan figures from the same
    source, period, category, measure and claimant adds up to: (total, armenia, azerbaijan, lo, hi)."""
    out = []
    groups: dict[tuple[Any, ...], dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        key = (
            r["citations"][0]["source"],
            r["start"],
            r.get("end") or r["start"],
            r["category"],
            r["measure"],
            r["claimant"],
            r.get("as_of"),
        )
        groups[key][r["party"]].append(r)
    for parties in groups.values():
        # Index parts by their (low, high) so large data sets stay linear, not quadratic.
        arm = {
            (int(r["low"]), int(r.get("high") or r["low"])): r
            for r in parties.get("Armenia", [])
            if not r.get("at_least")
        }
        aze = {
            (int(r["low"]), int(r.get("high") or r["low"])): r
            for r in parties.get("Azerbaijan", [])
            if not r.get("at_least")
        }
        if not arm or not aze:
            continue
        sums = {
            (a[0] + z[0], a[1] + z[1]): (ra, rz) for a, ra in arm.items() for z, rz in aze.items()
        }
        for total in parties.get("Both sides", []):
            t = (int(total["low"]), int(total.get("high") or total["low"]))
            if t not in sums:
                (lo, hi), (a_rec, z_rec) = next(iter(sums.items()))
                out.append((total, a_rec, z_rec, lo, hi))
    return out


def _totals(rows: list[Record]) -> list[Record]:
    out = []
    for total, a, z, lo, hi in total_mismatches(rows):
        out.append(
            {
                "kind": "table-total",
                "party": "Both sides",
                "start": total["start"],
                "subject": f"{total['category']} {total['measure']}, {total['period']}: total vs parts",
                "claims": f"total {_claim(total)} | parts {_claim(a)} + {_claim(z)} = "
                + (f"{lo:,}" if lo == hi else f"{lo:,}–{hi:,}"),
                "ids": ", ".join(r["id"] for r in (total, a, z)),
            }
        )
    return out
