"""Renderers: one registry of output formats, one column list per record view.

None of the formats imports rich: its import alone would exceed the time budget of a query.
JSON output is exactly the records the query layer returns (the public contract).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from nkfacts.errors import UsageError

Record = dict[str, Any]
FORMATS = ("table", "tsv", "csv", "json", "jsonl", "markdown")


class Column:
    """One output column: header, plain text for pipes, and whether a terminal table shows it."""

    __slots__ = ("header", "in_table", "justify", "plain", "wrap")

    def __init__(
        self,
        header: str,
        plain: Callable[[Record], str],
        in_table: bool = True,
        wrap: bool = False,
        justify: str = "left",
    ) -> None:
        self.header = header
        self.plain = plain
        self.in_table = in_table
        self.wrap = wrap  # long text: wrap in the terminal table
        self.justify = justify


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
                "| " + " | ".join(_clean(c.plain(r)).replace("|", "\\|") for c in shown) + " |\n"
            )
    elif fmt == "table":
        _table(cols, rows, out, isatty=isatty, title=title)
    else:  # pragma: no cover - guarded by check_format
        raise UsageError(f"unknown format '{fmt}'")


def tsv_line(cols: list[Column], rec: Record) -> str:
    """One TSV row: tabs and line breaks inside values become spaces; nothing is truncated."""
    return "\t".join(_clean(c.plain(rec)) for c in cols)


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


def terminal_width(out: TextIO, isatty: bool, default: int = 120) -> int:
    """COLUMNS if set, else the terminal's width, else `default` (pipes)."""
    cols = os.environ.get("COLUMNS", "")
    if cols.isdigit() and int(cols) > 0:
        return int(cols)
    if isatty:
        try:
            return os.get_terminal_size(out.fileno()).columns
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

    cells = [[_clean(marker(r) if c is _CITE else c.plain(r)) for c in shown] for r in rows]
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
