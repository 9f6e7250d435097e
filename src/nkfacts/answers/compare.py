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
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from nkfacts.answers import query
from nkfacts.output.views import Column, clean

Record = dict[str, Any]
ARTICLE_COUNTS = (
    "the article's own total of people killed on both sides, as stated for exactly that "
    "calendar year (soldiers and civilians, however the article counts them)"
)
_GROUP = ("party", "low", "high", "best", "at_least", "approx", "upper_bound", "start", "end")


@dataclass
class Comparison:
    """Per-year rows (the JSON contract) and the sources with at least one cell, in order."""

    rows: list[Record] = field(default_factory=list)
    sources: list[Record] = field(default_factory=list)

    def number(self, source: str) -> int:
        """The [n] of a source in the legend."""
        return next(i for i, s in enumerate(self.sources, 1) if s["id"] == source)


def _whole_year(rec: Record) -> bool:
    return rec["start"][:4] == rec["end"][:4] and (rec["start"][5:], rec["end"][5:]) == (
        "01-01",
        "12-31",
    )


def _counts(rec: Record, kind: str) -> bool:
    """Is this a whole-conflict death figure of its source (module docstring)?"""
    if rec["measure"] != "killed":
        return False
    if kind == "dataset":
        return True
    return rec["party"] == "Both sides" and rec["category"] == "total" and _whole_year(rec)


def _cell(recs: list[Record]) -> Record:
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
    groups: dict[tuple[Any, ...], list[Record]] = {}
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
    return out


# --- plain text (TSV, CSV, Markdown) -------------------------------------------------------


def _item(cell: Record, marker: str) -> str:
    who = "" if cell["party"] == "Both sides" else cell["party"] + " "
    return f"{who}{cell['figure']} {marker}"


def _refs(cell: Record) -> str:
    return ",".join(c["ref"] or "–" for c in cell["citations"])


def columns(result: Comparison) -> list[Column]:
    """year + one column per source; a cell is '141 (141–263) [388/2016]', several joined by ';'."""

    def source_column(sid: str) -> Column:
        def plain(row: Record) -> str:
            cells = [c for c in row["cells"] if c["source"] == sid]
            return "; ".join(_item(c, f"[{_refs(c)}]") for c in cells)

        return Column(sid, plain)

    return [
        Column("year", lambda r: str(r["year"])),
        *(source_column(s["id"]) for s in result.sources),
    ]


# --- terminal table ------------------------------------------------------------------------


def _lines(items: Sequence[str], width: int) -> list[str]:
    out: list[str] = []
    for item in items:
        out.extend(textwrap.wrap(item, width, break_on_hyphens=False) or [""])
    return out


def _widths(natural: list[int], least: list[int], room: int) -> list[int]:
    """Shrink the widest columns first until the row fits `room` (never below `least`)."""
    widths = list(natural)
    while sum(widths) > room:
        shrinkable = [i for i, w in enumerate(widths) if w > least[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def table(result: Comparison, width: int = 80, unicode: bool = True) -> str:
    """Year rows × source columns; cells wrap inside their column; legend and definitions below."""
    bar, cross, rule = (" │ ", "─┼─", "─") if unicode else (" | ", "-+-", "-")
    heads = ["year", *(s["id"] for s in result.sources)]
    grid = [
        [
            [str(row["year"])],
            *(
                [
                    _item(c, f"[{result.number(s['id'])}]{_refs(c)}")
                    for c in row["cells"]
                    if c["source"] == s["id"]
                ]
                for s in result.sources
            ),
        ]
        for row in result.rows
    ]
    n = len(heads)
    natural = [max([len(heads[i]), *(len(t) for g in grid for t in g[i])]) for i in range(n)]
    least = [
        max(
            [len(w) for w in heads[i].replace("-", "- ").split()]
            + [len(w) for g in grid for t in g[i] for w in t.split()]
        )
        for i in range(n)
    ]
    if sum(least) + len(bar) * (n - 1) > width:
        return _by_year(heads, grid, width) + "\n".join(["", *footer(result, width)]) + "\n"
    widths = _widths(natural, least, width - len(bar) * (n - 1))

    def out_line(cells: list[list[str]]) -> list[str]:
        height = max(len(c) for c in cells)
        return [
            bar.join(
                (c[k] if k < len(c) else "").ljust(widths[i]) for i, c in enumerate(cells)
            ).rstrip()
            for k in range(height)
        ]

    head = [textwrap.wrap(h, widths[i], break_on_hyphens=True) or [""] for i, h in enumerate(heads)]
    lines = out_line(head)
    lines.append(cross.join(rule * w for w in widths))
    multiline = False
    for k, g in enumerate(grid):
        block = out_line([_lines(items, widths[i]) for i, items in enumerate(g)])
        if k and (multiline or len(block) > 1):  # a blank row between tall rows
            lines.append(bar.join(" " * w for w in widths).rstrip())
        multiline = len(block) > 1
        lines.extend(block)
    return "\n".join([*lines, "", *footer(result, width)]) + "\n"


def _by_year(heads: list[str], grid: list[list[list[str]]], width: int) -> str:
    """Too narrow for a column per source: each year, then one line per source's figure."""
    label = max(len(h) for h in heads[1:])
    lines = []
    for g in grid:
        lines.append(g[0][0])
        for head, items in zip(heads[1:], g[1:], strict=True):
            for item in items:
                lines.extend(
                    textwrap.wrap(
                        item,
                        width,
                        initial_indent=f"  {head:<{label}}  ",
                        subsequent_indent=" " * (label + 4),
                    )
                )
    return "\n".join(lines) + "\n"


def footer(result: Comparison, width: int = 80) -> list[str]:
    """The legend: each source, what it counts, and the periods of multi-year figures."""
    out = textwrap.wrap(
        "Sources ([n]ref: n = the source below, ref = its reference label or row key):", width
    )
    wrap = textwrap.TextWrapper(width=width, initial_indent="      ", subsequent_indent="      ")
    spans: dict[str, set[str]] = {}
    for row in result.rows:
        for c in row["cells"]:
            if not c["period"].isdigit():
                spans.setdefault(c["source"], set()).add(c["period"])
    said: dict[str, int] = {}
    for i, s in enumerate(result.sources, 1):
        version = f", version {s['version']}" if s.get("version") else ""
        by = "Wikipedia" if s.get("kind", "article") == "article" else s.get("publisher", "")
        out.extend(
            textwrap.wrap(
                f"[{i}] {s['id']}: {s['title']}{version}; {by}",
                width,
                initial_indent="  ",
                subsequent_indent="      ",
            )
        )
        out.extend(
            textwrap.wrap(s["url"], width, initial_indent="      ", subsequent_indent="      ")
        )
        counts = clean(s.get("definition") or ARTICLE_COUNTS)
        same = said.setdefault(counts, i)
        out.extend(wrap.wrap("counts: " + (counts if same == i else f"as [{same}]")))
        for period in sorted(spans.get(s["id"], ())):
            out.extend(wrap.wrap(f"whole-period figure ({period}), shown in every year it covers"))
    out.extend(
        textwrap.wrap(
            "Each cell is one source's own figure, never summed or averaged across sources; "
            "the sources count different things (above). Years with no figure in any source "
            "are left out; UCDP lists a year only with at least 25 battle-related deaths.",
            width,
        )
    )
    return out


# --- log-scale chart ----------------------------------------------------------------------


def chart(result: Comparison, width: int = 80, unicode: bool = True) -> str:
    """One bar per cell on a log scale ('█' up to low, '▒' low–high, '┃' best); fits `width`."""
    import math

    full, part, mark, more = ("█", "▒", "┃", "▶") if unicode else ("#", "=", "|", ">")
    whole = "░" if unicode else "."
    items = [
        (
            row["year"],
            f"[{result.number(c['source'])}]{_refs(c)}"
            + ("" if c["party"] == "Both sides" else " " + c["party"]),
            c,
        )
        for row in result.rows
        for c in row["cells"]
    ]
    label_w = min(24, max(len(label) for _, label, _ in items))
    fig_w = max(len(_shown(c)) for *_, c in items)
    bar_w = max(10, width - 2 - label_w - 1 - 1 - fig_w)
    lo_exp = math.floor(math.log10(max(1, min(c["low"] for *_, c in items))))
    hi_exp = max(lo_exp + 1, math.ceil(math.log10(max(2, max(c["high"] for *_, c in items)))))

    def pos(v: int) -> int:
        x = (math.log10(max(v, 1)) - lo_exp) / (hi_exp - lo_exp)
        return max(1, min(bar_w, round(x * bar_w)))

    lines = textwrap.wrap(
        f"Deaths per year, log scale; one bar per figure, nothing summed "
        f"({full} up to low, {part} low–high, {mark} best estimate; {whole} a whole-war total, "
        "drawn in each year its war covers, not a figure for that year).",
        width,
    )
    year = None
    for y, label, c in items:
        if y != year:
            year = y
            lines.append(str(y))
        lo, hi = pos(c["low"]), pos(c["high"])
        cells = list((whole if _multi_year(c) else full) * lo + part * (hi - lo))
        if c.get("best") is not None and c["low"] != c["high"]:
            cells[pos(c["best"]) - 1] = mark
        bar = "".join(cells) + (more if "+" in c["figure"] else "")
        lines.append(f"  {label[:label_w]:<{label_w}} {bar:<{bar_w}} {_shown(c)}".rstrip())
    lines.extend(_axis(lo_exp, hi_exp, pos, 2 + label_w + 1, bar_w, unicode))
    return "\n".join([*lines, "", *footer(result, width)]) + "\n"


def _multi_year(cell: Record) -> bool:
    return not str(cell["period"]).isdigit()


def _shown(cell: Record) -> str:
    """The figure as the chart prints it: a whole-war total says so."""
    return f"{cell['figure']} (war)" if _multi_year(cell) else str(cell["figure"])


def _axis(lo_exp: int, hi_exp: int, pos: Any, indent: int, bar_w: int, unicode: bool) -> list[str]:
    """Tick line and labels at the powers of ten."""
    line, start_, tick, end = ("─", "├", "┼", "┤") if unicode else ("-", "+", "+", "+")
    ticks = list(line * bar_w)
    labels = [" "] * (bar_w + 8)
    for e in range(lo_exp, hi_exp + 1):
        at = 0 if e == lo_exp else pos(10**e) - 1
        ticks[at] = end if e == hi_exp else start_ if e == lo_exp else tick
        text = f"{10**e:,}"
        start = max(0, min(at - len(text) // 2, len(labels) - len(text)))
        if all(ch == " " for ch in labels[max(0, start - 1) : start + len(text) + 1]):
            labels[start : start + len(text)] = text
    pad = " " * indent
    return [pad + "".join(ticks), (pad + "".join(labels)).rstrip()]
