"""`nkfacts compare`: one row per year, every source's own whole-conflict death figures side by side.

What each source contributes to a year (README, Sources):
- an article: its `Both sides` `total` `killed` figures stated for exactly that calendar year;
- a dataset: every `killed` figure whose period touches the year — UCDP's per-year rows, and
  COW's per-participant figures for the whole war, repeated in each year the war covers.

Nothing is summed or averaged: a cell is one source's figure(s), each with its citation. The
sources count different things; the footer says what each counts.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from nkfacts.answers import query
from nkfacts.core.contract import Casualty

Record = dict[str, Any]
Rec = Mapping[str, Any]  # a record read (the contract's TypedDicts)
_GROUP = ("party", "low", "high", "best", "at_least", "approx", "upper_bound", "start", "end")


@dataclass
class Comparison:
    """Per-year rows (the JSON contract) and the sources with at least one cell, in order."""

    rows: list[Record] = field(default_factory=list)
    sources: list[Record] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)

    def number(self, source: str) -> int:
        """The [n] of a source: its place in sources.yaml, as in every view."""
        if source in self.numbers:
            return self.numbers[source]
        return next(i for i, s in enumerate(self.sources, 1) if s["id"] == source)


def _whole_year(rec: Rec) -> bool:
    return rec["start"][:4] == rec["end"][:4] and (rec["start"][5:], rec["end"][5:]) == (
        "01-01",
        "12-31",
    )


def _counts(rec: Rec, kind: str) -> bool:
    """Is this a whole-conflict death figure of its source (module docstring)?"""
    if rec["measure"] != "killed":
        return False
    if kind == "dataset":
        return True
    return rec["party"] == "Both sides" and rec["category"] == "total" and _whole_year(rec)


def _cell(recs: list[Casualty]) -> Record:
    """One cell: one figure of one source, with every record that states it."""
    r = recs[0]
    return {
        "source": r["citations"][0]["source"],
        "claimant": r["claimant"],
        "party": r["party"],
        "category": r["category"],
        "period": r["period"],
        "figure": r["figure"],
        "low": r["low"],
        "high": r["high"],
        "best": r.get("best"),
        "ids": [x["id"] for x in recs],
        "citations": [c for x in recs for c in x["citations"]],
    }


def compare(con: sqlite3.Connection, when: query.Span | None = None) -> Comparison:
    """The comparison for the whole years that `when` touches (every year when None)."""
    sources = [json.loads(j) for (j,) in con.execute("SELECT json FROM sources ORDER BY rowid")]
    kinds = {s["id"]: s.get("kind") or "article" for s in sources}
    first = int(when.first[:4]) if when else 0
    last = int(when.last[:4]) if when else 9999
    span = query.Span(f"{first:04d}-01-01", f"{last:04d}-12-31", overlapping=True) if when else None
    groups: dict[tuple[Any, ...], list[Casualty]] = {}
    for r in query.casualties(con, when=span, measure=["killed"]):
        sid = r["citations"][0]["source"]
        if _counts(r, kinds.get(sid, "article")):
            groups.setdefault((sid, *(r.get(k) for k in _GROUP)), []).append(r)
    order = {s["id"]: i for i, s in enumerate(sources)}
    by_year: dict[int, list[Record]] = {}
    for recs in groups.values():
        cell = _cell(recs)
        lo, hi = int(recs[0]["start"][:4]), int(recs[0]["end"][:4])
        for year in range(max(lo, first), min(hi, last) + 1):
            by_year.setdefault(year, []).append(cell)
    out = Comparison()
    for year in sorted(by_year):
        cells = sorted(
            by_year[year], key=lambda c: (order[c["source"]], c["citations"][0]["ref"] or "")
        )
        out.rows.append({"year": year, "cells": cells})
    used = {c["source"] for row in out.rows for c in row["cells"]}
    out.sources = [s for s in sources if s["id"] in used]
    out.numbers = {s["id"]: n for n, s in enumerate(sources, 1)}
    return out
