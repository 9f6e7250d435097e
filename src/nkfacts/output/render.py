"""Renderers: one registry of output formats, one column list per record view.

None of the formats imports rich: its import alone would exceed the time budget of a query.
JSON output is exactly the records the query layer returns (the public contract).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from nkfacts.core.errors import UsageError
from nkfacts.core.statictypes import TYPE_CHECKING
from nkfacts.output.lines import write
from nkfacts.output.terminal import FORMATS, MAX_WIDTH, check_format, terminal_width
from nkfacts.output.views import VIEWS, Column, Record, clean, tsv_header, tsv_line

if TYPE_CHECKING:
    from typing import TextIO

__all__ = [
    "FORMATS",
    "MAX_WIDTH",
    "VIEWS",
    "Column",
    "check_format",
    "raw",
    "render",
    "stream",
    "terminal_width",
]


def render(
    view: str,
    rows: Sequence[Record],
    fmt: str,
    out: TextIO,
    *,
    isatty: bool = False,
    columns: list[Column] | None = None,
    title: str | None = None,
    footer: Sequence[str] = (),
    numbers: Mapping[str, int] | None = None,
) -> None:
    """Write rows in the chosen format (to a terminal, escaped: README, Security); `numbers`
    gives each source its [n] in a table (the order of sources.yaml: `query.source_numbers`)."""
    cols = columns if columns is not None else VIEWS[view]
    if fmt != "table" and isatty:  # a table escapes its cells itself, keeping its colours
        from nkfacts.core.escape import for_terminal

        out = for_terminal(out, isatty, fmt)
    if fmt in ("json", "jsonl"):
        import json

        raw(view, [json.dumps(r, ensure_ascii=False) for r in rows], fmt, out)
    elif fmt == "tsv":
        raw(view, [tsv_line(cols, r) for r in rows], fmt, out, columns=cols)
    elif fmt == "csv":
        from nkfacts.core.escape import csv_writer

        w = csv_writer(out)
        w.writerow([c.header for c in cols])
        for r in rows:
            w.writerow([c.plain(r) for c in cols])
    elif fmt == "markdown":
        _markdown(cols, rows, out)
    elif fmt == "table":
        from nkfacts.output.layout import table_columns
        from nkfacts.output.table import table

        width = terminal_width(out, isatty)
        table(
            table_columns(view, cols),
            rows,
            out,
            isatty=isatty,
            width=width,
            title=title,
            footer=footer,
            numbers=numbers,
        )
    else:  # pragma: no cover - guarded by check_format
        raise UsageError(f"unknown format '{fmt}'")


def _markdown(cols: Sequence[Column], rows: Sequence[Record], out: TextIO) -> None:
    """A Markdown table of the columns shown in tables (`in_table`)."""
    from nkfacts.core.escape import markdown_text  # no value opens a link or HTML

    shown = [c for c in cols if c.in_table]
    out.write("| " + " | ".join(c.header for c in shown) + " |\n")
    out.write("|" + "|".join("---:" if c.justify == "right" else "---" for c in shown) + "|\n")
    for r in rows:
        cells = (markdown_text(clean(c.plain(r))).replace("|", "\\|") for c in shown)
        out.write("| " + " | ".join(cells) + " |\n")


def raw(
    view: str,
    lines: Sequence[str] | Sequence[bytes],
    fmt: str,
    out: TextIO,
    *,
    columns: list[Column] | None = None,
) -> None:
    """Write pre-rendered lines: compact JSON objects (json, jsonl) or TSV rows (tsv)."""
    stream(view, [lines], fmt, out, columns=columns)


def stream(
    view: str,
    batches: Iterable[Sequence[str] | Sequence[bytes]],
    fmt: str,
    out: TextIO,
    *,
    columns: list[Column] | None = None,
) -> None:
    """`output.lines.write` with the view's TSV header (its columns, or `columns`)."""
    header = None
    if fmt == "tsv":
        header = tsv_header(columns if columns is not None else VIEWS[view])
    write(batches, fmt, out, header=header)
