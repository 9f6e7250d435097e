"""Renderers: one registry of output formats, one column list per record view.

The pipe formats (tsv, csv, json, jsonl, markdown) never import rich; only `table` does.
JSON output is exactly the records the query layer returns (the public contract).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from nkfacts.errors import UsageError

Record = dict[str, Any]
FORMATS = ("table", "tsv", "csv", "json", "jsonl", "markdown")


@dataclass(frozen=True)
class Column:
    """One output column: header, plain text for pipes, and whether a terminal table shows it."""

    header: str
    plain: Callable[[Record], str]
    in_table: bool = True
    wrap: bool = False  # long text: wrap in the terminal table
    justify: str = "left"


def _get(key: str) -> Callable[[Record], str]:
    def get(rec: Record) -> str:
        v = rec.get(key)
        if v is None:
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, list):
            return "; ".join(str(x) for x in v)
        return str(v)

    return get


def cite_plain(rec: Record) -> str:
    """'nk-conflict [167][174]'; a citation whose sentence has no label shows '(no label)'."""
    by_source: dict[str, list[str]] = {}
    for c in rec.get("citations", []):
        by_source.setdefault(c["source"], []).append(f"[{c['ref']}]" if c["ref"] else "(no label)")
    return "; ".join(f"{s} {''.join(refs)}" for s, refs in by_source.items())


def _col(header: str, key: str, **kw: Any) -> Column:
    return Column(header, _get(key), **kw)


_CITE = Column("citations", cite_plain)
VIEWS: dict[str, list[Column]] = {
    "casualties": [
        Column("figure", _get("figure"), justify="right"),
        _col("party", "party"),
        _col("category", "category"),
        _col("measure", "measure"),
        _col("period", "period", wrap=True),
        _col("claimant", "claimant", wrap=True),
        _col("as_of", "as_of"),
        _CITE,
        _col("id", "id"),
        _col("start", "start", in_table=False),
        _col("end", "end", in_table=False),
        _col("low", "low", in_table=False),
        _col("high", "high", in_table=False),
        _col("at_least", "at_least", in_table=False),
        _col("approx", "approx", in_table=False),
        _col("upper_bound", "upper_bound", in_table=False),
        _col("event", "event", in_table=False),
        _col("place", "place", in_table=False),
        _col("quote", "quote", in_table=False),
    ],
    "events": [
        _col("when", "when"),
        _col("type", "type"),
        _col("title", "title", wrap=True),
        _col("places", "places", wrap=True),
        _CITE,
        _col("id", "id"),
        _col("date", "date", in_table=False),
        _col("end", "end", in_table=False),
        _col("actors", "actors", in_table=False),
        _col("quote", "quote", in_table=False),
    ],
    "ceasefires": [
        _col("signed", "when"),
        _col("name", "name", wrap=True),
        _col("brokers", "brokers", wrap=True),
        _col("signatories", "signatories", wrap=True),
        _col("outcome", "outcome"),
        _col("outcome_summary", "outcome_summary", in_table=False),
        Column("violations", lambda r: str(len(r.get("violations", []))), justify="right"),
        _CITE,
        _col("id", "id"),
        _col("effective", "effective", in_table=False),
        _col("effective_time", "effective_time", in_table=False),
        _col("place", "place", in_table=False),
        _col("terms", "terms", in_table=False),
    ],
    "violations": [
        _col("date", "when"),
        _col("ceasefire", "ceasefire_name", wrap=True),
        _col("claimant", "claimant", wrap=True),
        _col("accused", "accused"),
        _col("description", "description", wrap=True),
        _CITE,
        _col("id", "id"),
        _col("ceasefire_id", "ceasefire", in_table=False),
        _col("quote", "quote", in_table=False),
    ],
    "positions": [
        _col("when", "when"),
        _col("actor", "actor"),
        _col("kind", "kind"),
        _col("stance", "stance"),
        _col("summary", "summary", wrap=True),
        _col("attributed_to", "attributed_to", wrap=True),
        _CITE,
        _col("id", "id"),
        _col("period", "period", in_table=False),
        _col("start", "start", in_table=False),
        _col("end", "end", in_table=False),
        _col("denied", "denied", in_table=False),
        Column(
            "figures",
            lambda r: "; ".join(
                f"{f['value']}{f['unit']} {f['label']}".strip() for f in r.get("figures", [])
            ),
            in_table=False,
        ),
        _col("quote", "quote", in_table=False),
    ],
    "search": [
        _col("kind", "kind"),
        _col("id", "id"),
        _col("date", "date"),
        _col("snippet", "snippet", wrap=True),
        _col("score", "score", in_table=False),
    ],
    "sources": [
        _col("id", "id"),
        _col("title", "title"),
        _col("url", "url"),
        Column("records", lambda r: str(r.get("records", 0)), justify="right"),
        Column(
            "by_kind",
            lambda r: ", ".join(f"{k} {v}" for k, v in r.get("by_kind", {}).items()),
            wrap=True,
        ),
    ],
    "problems": [
        _col("severity", "severity"),
        _col("code", "code"),
        Column(
            "where",
            lambda r: f"{r['file']}:{r['line']}" if r.get("line") else str(r["file"]),
            wrap=True,
        ),
        _col("id", "id"),
        _col("field", "field"),
        _col("message", "message", wrap=True),
    ],
    "disputes": [
        _col("kind", "kind"),
        _col("subject", "subject", wrap=True),
        _col("claims", "claims", wrap=True),
        _col("ids", "ids", wrap=True),
    ],
    "matrix": [],  # columns are built per call (actors x periods)
}


def _clean(text: str) -> str:
    return " ".join(text.split())


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
    if fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "tsv":
        out.write("\t".join(c.header for c in cols) + "\n")
        for r in rows:
            out.write("\t".join(_clean(c.plain(r)) for c in cols) + "\n")
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
                "| " + " | ".join(_clean(c.plain(r)).replace("|", "\\|") for c in shown) + " |\n"
            )
    elif fmt == "table":
        _table(cols, rows, out, isatty=isatty, title=title)
    else:  # pragma: no cover - guarded by check_format
        raise UsageError(f"unknown format '{fmt}'")


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


def console(out: TextIO, isatty: bool) -> Any:
    """A rich Console honouring NO_COLOR, TERM=dumb and COLUMNS (imported only for tables)."""
    from rich.console import Console

    term_dumb = os.environ.get("TERM") == "dumb"
    width = None
    if not isatty:
        width = int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else 120
    return Console(
        file=out,
        force_terminal=isatty and not term_dumb,
        no_color=bool(os.environ.get("NO_COLOR")) or term_dumb,
        width=width,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )


def _table(
    cols: list[Column], rows: Sequence[Record], out: TextIO, *, isatty: bool, title: str | None
) -> None:
    from rich import box
    from rich.table import Table

    con = console(out, isatty)
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

    table = Table(
        box=box.SIMPLE_HEAD if con.is_terminal else box.ASCII2,
        title=title,
        expand=False,
        show_lines=False,
        header_style="bold" if con.is_terminal else "",
    )
    cells = [[marker(r) if c is _CITE else c.plain(r) for c in shown] for r in rows]
    widths = [max([len(c.header), *(len(row[i]) for row in cells)]) for i, c in enumerate(shown)]
    # Drop empty columns, then the least needed ones, until the fixed columns fit the width.
    keep = [i for i, c in enumerate(shown) if any(row[i] for row in cells) or c.header == "figure"]
    for optional in ("as_of", "attributed_to", "id", "category", "accused"):
        fixed = sum(min(widths[i], 10) if shown[i].wrap else widths[i] for i in keep) + 3 * len(
            keep
        )
        if fixed <= con.width:
            break
        keep = [i for i in keep if shown[i].header != optional]
    for i in keep:
        c = shown[i]
        table.add_column(
            c.header,
            justify=c.justify,  # type: ignore[arg-type]
            overflow="fold",
            no_wrap=not c.wrap,
            min_width=min(widths[i], 10) if c.wrap else widths[i],
            ratio=1 if c.wrap else None,
        )
    for row in cells:
        table.add_row(*(row[i] for i in keep))
    con.print(table)
    if legend:
        con.print("Sources ([n]ref — '–' means the sentence carries no reference label):")
        for sid, n in legend.items():
            t, url = titles[sid]
            con.print(f"  [{n}] {t} (Wikipedia) — {url}")
