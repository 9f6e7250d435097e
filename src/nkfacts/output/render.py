"""Renderers: one registry of output formats, one column list per record view.

None of the formats imports rich: its import alone would exceed the time budget of a query.
JSON output is exactly the records the query layer returns (the public contract).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TextIO

from nkfacts.core.errors import UsageError
from nkfacts.output.terminal import FORMATS, MAX_WIDTH, check_format, json_array, terminal_width
from nkfacts.output.views import VIEWS, Column, Record, clean, tsv_line

__all__ = [
    "FORMATS",
    "MAX_WIDTH",
    "VIEWS",
    "Column",
    "check_format",
    "raw",
    "render",
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
        from nkfacts.core.escape import markdown_text  # no value opens a link or HTML

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
        out.write(json_array(data))
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
