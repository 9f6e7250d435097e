"""The `compare` view: a column per source for pipes, the year × source table and the
log-scale chart for terminals. Widths are measured in display cells (`textcells.cell_len`).

It renders any comparison (`answers.compare.Comparison`): rows of per-year cells, the sources
in legend order, and each source's number in the legend.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from nkfacts.output.textcells import cell_len, pad
from nkfacts.output.views import Column, clean

Record = Mapping[str, Any]  # rows and cells read
ARTICLE_COUNTS = (
    "the article's own total of people killed on both sides, as stated for exactly that "
    "calendar year (soldiers and civilians, however the article counts them)"
)


class Compared(Protocol):
    """What the view needs of a comparison."""

    @property
    def rows(self) -> Sequence[Record]: ...
    @property
    def sources(self) -> Sequence[Record]: ...
    def number(self, source: str) -> int: ...


# --- plain text (TSV, CSV, Markdown) -------------------------------------------------------


def _item(cell: Record, marker: str) -> str:
    who = "" if cell["party"] == "Both sides" else cell["party"] + " "
    return f"{who}{cell['figure']} {marker}"


def _refs(cell: Record) -> str:
    return ",".join(c["ref"] or "–" for c in cell["citations"])


def columns(result: Compared) -> list[Column]:
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


def table(result: Compared, width: int = 80, unicode: bool = True) -> str:
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
    natural = [
        max([cell_len(heads[i]), *(cell_len(t) for g in grid for t in g[i])]) for i in range(n)
    ]
    least = [
        max(
            [cell_len(w) for w in heads[i].replace("-", "- ").split()]
            + [cell_len(w) for g in grid for t in g[i] for w in t.split()]
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
                pad(c[k] if k < len(c) else "", widths[i], False) for i, c in enumerate(cells)
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


def footer(result: Compared, width: int = 80) -> list[str]:
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
    for s in result.sources:
        i = result.number(s["id"])
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


def chart(result: Compared, width: int = 80, unicode: bool = True) -> str:
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
