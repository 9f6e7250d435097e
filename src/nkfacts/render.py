"""Renderers: one registry of output formats, one column list per record view.

None of the formats imports rich: its import alone would exceed the time budget of a query.
JSON output is exactly the records the query layer returns (the public contract).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TextIO

from nkfacts.columns import VIEWS, Column, Record, clean, tsv_line
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
    footer: Sequence[str] = (),
) -> None:
    """Write rows in the chosen format (to a terminal, escaped: README, Security)."""
    cols = columns if columns is not None else VIEWS[view]
    if fmt != "table" and isatty:  # a table escapes its cells itself, keeping its colours
        from nkfacts.escape import for_terminal

        out = for_terminal(out, isatty, fmt)
    if fmt in ("json", "jsonl"):
        import json

        raw(view, [json.dumps(r, ensure_ascii=False) for r in rows], fmt, out)
    elif fmt == "tsv":
        raw(view, [tsv_line(cols, r) for r in rows], fmt, out, columns=cols)
    elif fmt == "csv":
        from nkfacts.escape import csv_writer

        w = csv_writer(out)
        w.writerow([c.header for c in cols])
        for r in rows:
            w.writerow([c.plain(r) for c in cols])
    elif fmt == "markdown":
        from nkfacts.escape import markdown_text  # no value opens a link or HTML

        shown = [c for c in cols if c.in_table]
        out.write("| " + " | ".join(c.header for c in shown) + " |\n")
        out.write("|" + "|".join("---:" if c.justify == "right" else "---" for c in shown) + "|\n")
        for r in rows:
            out.write(
                "| "
                + " | ".join(markdown_text(clean(c.plain(r))).replace("|", "\\|") for c in shown)
                + " |\n"
            )
    elif fmt == "table":
        from nkfacts.table import table
        from nkfacts.tablecols import table_columns

        width = terminal_width(out, isatty)
        table(
            table_columns(view, cols),
            rows,
            out,
            isatty=isatty,
            width=width,
            title=title,
            footer=footer,
        )
    else:  # pragma: no cover - guarded by check_format
        raise UsageError(f"unknown format '{fmt}'")


def raw(
    view: str,
    lines: Sequence[str] | Sequence[bytes],
    fmt: str,
    out: TextIO,
    *,
    columns: list[Column] | None = None,
) -> None:
    """Write pre-rendered lines: compact JSON objects (json, jsonl) or TSV rows (tsv).

    `json` is one array with one object per line, so it streams and diffs well. Lines come
    as text, or as UTF-8 bytes straight from the index (written to the byte stream).
    """
    if lines and isinstance(lines[0], bytes) and hasattr(out, "buffer") and _utf8(out):
        return _raw_bytes(view, lines, fmt, out, columns)  # type: ignore[arg-type]
    data = [x.decode("utf-8") if isinstance(x, bytes) else x for x in lines]
    if fmt == "json":
        out.write("[\n" + ",\n".join(data) + "\n]\n" if data else "[]\n")
    elif fmt == "jsonl":
        out.write("".join(line + "\n" for line in data))
    else:
        cols = columns if columns is not None else VIEWS[view]
        out.write("\t".join(c.header for c in cols) + "\n")
        out.write("".join(line + "\n" for line in data))
    return None


def _utf8(out: TextIO) -> bool:
    """Whether the stream encodes UTF-8 (else pre-rendered bytes go through its encoder)."""
    name = str(getattr(out, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return name == "utf8"


def _raw_bytes(
    view: str, lines: list[bytes], fmt: str, out: TextIO, columns: list[Column] | None
) -> None:
    out.flush()
    buf = out.buffer
    if fmt == "json":
        buf.write(b"[\n" + b",\n".join(lines) + b"\n]\n")
    elif fmt == "jsonl":
        buf.write(b"".join(line + b"\n" for line in lines))
    else:
        cols = columns if columns is not None else VIEWS[view]
        buf.write(("\t".join(c.header for c in cols) + "\n").encode())
        buf.write(b"".join(line + b"\n" for line in lines))
    buf.flush()


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
    # A table into a pipe (`--format table | head`) fits the terminal the user sits at.
    streams = [out] if isatty else [sys.stderr, sys.stdin]
    for stream in streams:
        try:
            return min(os.get_terminal_size(stream.fileno()).columns, MAX_WIDTH) or default
        except (OSError, ValueError, AttributeError):
            continue
    return default
