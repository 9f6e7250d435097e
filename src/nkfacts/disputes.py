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

Record = dict[str, Any]


def _claim(r: Record) -> str:
    ref = ",".join(c["ref"] or "no label" for c in r["citations"])
    when = f" as of {r['as_of']}" if r.get("as_of") else ""
    return f"{r['figure']} per {r['claimant']}{when} [{r['citations'][0]['source']} {ref}]"


def find(rows: list[Record]) -> list[Record]:
    """Disputes among the given casualty records, in period order."""
    out: list[Record] = []
    groups: dict[tuple[str, ...], list[Record]] = defaultdict(list)
    for r in rows:
        groups[(r["party"], r["category"], r["measure"], r["start"], r["end"])].append(r)
    for (party, category, measure, start, _end), recs in groups.items():
        figures = {(r["low"], r["high"], r["at_least"], r["upper_bound"]) for r in recs}
        if len(figures) < 2:
            continue
        claimants = {r["claimant"] for r in recs}
        subject = f"{party} {category} {measure}, {recs[0]['period']}"
        by_claimant: dict[str, list[Record]] = defaultdict(list)
        for r in recs:
            by_claimant[r["claimant"]].append(r)
        for claimant, own in by_claimant.items():
            dated = [r for r in own if r.get("as_of")]
            if len({(r["low"], r["high"]) for r in own}) > 1 and dated:
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
        if len(claimants) > 1:
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
