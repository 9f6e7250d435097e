"""Renderers: one registry of output formats, one column list per record view.

None of the formats imports rich: its import alone would exceed the time budget of a query.
JSON output is exactly the records the query layer returns (the public contract).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TextIO

from nkfacts.columns import CITE, VIEWS, Column, Record, clean, tsv_line
from nkfacts.errors import UsageError

__all__ = ["FORMATS", "VIEWS", "Column", "check_format", "raw", "render", "terminal_width"]
FORMATS = ("table", "tsv", "csv", "json", "jsonl", "markdown")


def render(
    view: str,
    rows: Sequence[Record],
    fmt: str,
    out: TextIO,
    *,
    isatty: bool = False,
    columns: list[Column] | None = None,
    title: str | None = None,
) -> None:
    """Write rows in the chosen format."""
    cols = columns if columns is not None else VIEWS[view]
    if fmt in ("json", "jsonl"):
        import json

        raw(view, [json.dumps(r, ensure_ascii=False) for r in rows], fmt, out)
    elif fmt == "tsv":
        raw(view, [tsv_line(cols, r) for r in rows], fmt, out, columns=cols)
    elif fmt == "csv":
        import csv

        w = csv.writer(out, lineterminator="\n")
        w.writerow([c.header for c in cols])
        for r in rows:
            w.writerow([c.plain(r) for c in cols])
    elif fmt == "markdown":
        shown = [c for c in cols if c.in_table]
        out.write("| " + " | ".join(c.header for c in shown) + " |\n")
        out.write("|" + "|".join("---:" if c.justify == "right" else "---" for c in shown) + "|\n")
        for r in rows:
            out.write(
                "| " + " | ".join(clean(c.plain(r)).replace("|", "\\|") for c in shown) + " |\n"
            )
    elif fmt == "table":
        _table(cols, rows, out, isatty=isatty, title=title)
    else:  # pragma: no cover - guarded by check_format
        raise UsageError(f"unknown format '{fmt}'")


def raw(
    view: str, lines: Sequence[str], fmt: str, out: TextIO, *, columns: list[Column] | None = None
) -> None:
    """Write pre-rendered lines: compact JSON objects (json, jsonl) or TSV rows (tsv).

    `json` is one array with one object per line, so it streams and diffs well.
    """
    if fmt == "json":
        out.write("[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n")
    elif fmt == "jsonl":
        out.write("".join(line + "\n" for line in lines))
    else:
        cols = columns if columns is not None else VIEWS[view]
        out.write("\t".join(c.header for c in cols) + "\n")
        out.write("".join(line + "\n" for line in lines))


def check_format(fmt: str | None, isatty: bool) -> str:
    """Default: a table in a terminal, TSV in a pipe; an unknown name is a usage error."""
    if fmt is None:
        return "table" if isatty else "tsv"
    f = fmt.lower()
    if f in ("md",):
        f = "markdown"
    if f not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'. Valid: {', '.join(FORMATS)}")
    return f


MAX_WIDTH = 1000  # an absurd COLUMNS must not allocate absurd lines


def terminal_width(out: TextIO, isatty: bool, default: int = 120) -> int:
    """COLUMNS if set, else the terminal's width, else `default` (pipes); at most MAX_WIDTH."""
    cols = os.environ.get("COLUMNS", "")
    if cols.isascii() and cols.isdigit() and cols.strip("0"):
        return MAX_WIDTH if len(cols) > 6 else min(int(cols), MAX_WIDTH)
    if isatty:
        try:
            return min(os.get_terminal_size(out.fileno()).columns, MAX_WIDTH) or default
        except (OSError, ValueError, AttributeError):
            pass
    return default


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


def _table(
    cols: list[Column], rows: Sequence[Record], out: TextIO, *, isatty: bool, title: str | None
) -> None:
    """A boxed table sized to the terminal; long text wraps, figures and ids never do.

    Hand-rolled rather than rich: importing rich costs more than the whole time budget of a
    table query (README, Performance). Honours COLUMNS, NO_COLOR and TERM=dumb.
    """
    dumb = os.environ.get("TERM") == "dumb"
    color = isatty and not dumb and not os.environ.get("NO_COLOR")
    encoding = (getattr(out, "encoding", None) or "ascii").lower().replace("-", "")
    fancy = encoding in ("utf8", "utf_8") and not dumb
    bar, cross, rule = (" │ ", "─┼─", "─") if fancy else (" | ", "-+-", "-")
    width = terminal_width(out, isatty)
    shown = [c for c in cols if c.in_table]
    legend: dict[str, int] = {}
    titles: dict[str, tuple[str, str]] = {}

    def marker(rec: Record) -> str:
        parts: dict[int, list[str]] = {}
        for c in rec.get("citations", []):
            n = legend.setdefault(c["source"], len(legend) + 1)
            titles[c["source"]] = (c["title"], c["url"])
            parts.setdefault(n, []).append(c["ref"] or "–")
        return " ".join(f"[{n}]{','.join(refs)}" for n, refs in parts.items())

    cells = [[clean(marker(r) if c is CITE else c.plain(r)) for c in shown] for r in rows]
    natural = [max([len(c.header), *(len(row[i]) for row in cells)]) for i, c in enumerate(shown)]
    keep = [i for i, c in enumerate(shown) if c.header == "figure" or any(row[i] for row in cells)]

    def fixed(ix: list[int]) -> int:
        return sum(min(natural[i], 12) if shown[i].wrap else natural[i] for i in ix) + 3 * (
            len(ix) - 1
        )

    for optional in ("as_of", "attributed_to", "id", "category", "accused", "places", "brokers"):
        if fixed(keep) <= width:
            break
        keep = [i for i in keep if shown[i].header != optional]
    widths = {i: natural[i] for i in keep}
    wrapping = [i for i in keep if shown[i].wrap]
    spare = width - (sum(natural[i] for i in keep if not shown[i].wrap) + 3 * (len(keep) - 1))
    if wrapping:
        want = sum(natural[i] for i in wrapping)
        for i in wrapping:
            share = spare * natural[i] // want if want else spare // len(wrapping)
            widths[i] = max(min(natural[i], 12), min(natural[i], share))

    def line(values: list[str]) -> str:
        parts = [
            v.rjust(widths[i]) if shown[i].justify == "right" else v.ljust(widths[i])
            for i, v in zip(keep, values, strict=True)
        ]
        return bar.join(parts).rstrip()

    if title:
        out.write(title + "\n")
    header = line([shown[i].header for i in keep])
    out.write((f"\x1b[1m{header}\x1b[0m" if color else header) + "\n")
    out.write(cross.join(rule * widths[i] for i in keep) + "\n")
    for row in cells:
        wrapped = [_wrap(row[i], widths[i]) if shown[i].wrap else [row[i]] for i in keep]
        for k in range(max(len(w) for w in wrapped)):
            out.write(line([w[k] if k < len(w) else "" for w in wrapped]) + "\n")
    if legend:
        out.write("\nSources ([n]ref — '–' means the sentence carries no reference label):\n")
        for sid, n in legend.items():
            t, url = titles[sid]
            out.write(f"  [{n}] {t} (Wikipedia)\n      {url}\n")
