"""The column list of every record view: header, plain text, and its place in a table.

One definition serves TSV, CSV, Markdown and terminal tables, and signs the index
(`signature()`): a change here can never print a header over stale pre-rendered rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Record = dict[str, Any]


class Column:
    """One output column: header, plain text for pipes, and whether a terminal table shows it."""

    __slots__ = ("header", "in_table", "justify", "plain", "priority", "wrap")

    def __init__(
        self,
        header: str,
        plain: Callable[[Record], str],
        in_table: bool = True,
        wrap: bool = False,
        justify: str = "left",
        priority: int = 5,
    ) -> None:
        self.header = header
        self.plain = plain
        self.in_table = in_table
        self.wrap = wrap  # long text: wrap in the terminal table
        self.justify = justify
        self.priority = priority  # terminal tables drop the highest numbers first; 0 never

    def but(self, *, priority: int, wrap: bool | None = None) -> Column:
        """This column with a table priority (and wrapping) of its own."""
        return Column(
            self.header,
            self.plain,
            True,
            self.wrap if wrap is None else wrap,
            self.justify,
            priority,
        )


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


def _label(c: Record) -> str:
    if c["ref"]:
        return f"[{c['ref']}]"
    if c.get("passage_ref"):
        return f"(no label; passage [{c['passage_ref']}])"
    return "(no label)"


def cite_plain(rec: Record) -> str:
    """'nk-conflict [167][174]'; a sentence without a label shows '(no label)', or
    '(no label; passage [171])' where the label closing its paragraph is recorded."""
    by_source: dict[str, list[str]] = {}
    for c in rec.get("citations", []):
        by_source.setdefault(c["source"], []).append(_label(c))
    return "; ".join(f"{s} {''.join(refs)}" for s, refs in by_source.items())


def claim_text(c: Record) -> str:
    """'3,825 per Armenian authorities as of 2021-01-11 [war-2020 58]' (disputes in pipes)."""
    when = f" as of {c['as_of']}" if c.get("as_of") else ""
    return f"{c['figure']} per {c['claimant']}{when} [{cite_plain(c)}]"


def _col(header: str, key: str, **kw: Any) -> Column:
    return Column(header, _get(key), **kw)


CITE = Column("citations", cite_plain)
VIEWS: dict[str, list[Column]] = {
    "casualties": [
        Column("figure", _get("figure"), justify="right"),
        _col("party", "party"),
        _col("category", "category"),
        _col("measure", "measure"),
        _col("period", "period", wrap=True),
        _col("claimant", "claimant", wrap=True),
        _col("as_of", "as_of"),
        CITE,
        _col("id", "id"),
        _col("start", "start", in_table=False),
        _col("end", "end", in_table=False),
        _col("low", "low", in_table=False),
        _col("high", "high", in_table=False),
        _col("best", "best", in_table=False),
        _col("at_least", "at_least", in_table=False),
        _col("approx", "approx", in_table=False),
        _col("upper_bound", "upper_bound", in_table=False),
        _col("event", "event", in_table=False),
        _col("place", "place", in_table=False),
        _col("start_precision", "start_precision", in_table=False),
        _col("end_precision", "end_precision", in_table=False),
        _col("quote", "quote", in_table=False),
        _col("note", "note", in_table=False),
        _col("claim", "claim", in_table=False),
    ],
    "events": [
        _col("when", "when"),
        _col("type", "type"),
        _col("title", "title", wrap=True),
        _col("places", "places", wrap=True),
        CITE,
        _col("id", "id"),
        _col("date", "date", in_table=False),
        _col("end", "end", in_table=False),
        _col("actors", "actors", in_table=False),
        _col("precision", "precision", in_table=False),
        _col("end_precision", "end_precision", in_table=False),
        _col("description", "description", in_table=False),
        _col("quote", "quote", in_table=False),
        _col("note", "note", in_table=False),
        _col("happening", "happening", in_table=False),
    ],
    "ceasefires": [
        _col("when", "when"),
        _col("name", "name", wrap=True),
        _col("brokers", "brokers", wrap=True),
        _col("signatories", "signatories", wrap=True),
        _col("outcome", "outcome"),
        _col("outcome_summary", "outcome_summary", in_table=False),
        Column("violations", lambda r: str(len(r.get("violations", []))), justify="right"),
        CITE,
        _col("id", "id"),
        _col("signed", "signed", in_table=False),
        _col("effective", "effective", in_table=False),
        _col("effective_time", "effective_time", in_table=False),
        _col("precision", "precision", in_table=False),
        _col("place", "place", in_table=False),
        _col("terms", "terms", in_table=False),
        _col("event", "event", in_table=False),
        _col("quote", "quote", in_table=False),
        _col("note", "note", in_table=False),
    ],
    "violations": [
        _col("when", "when"),
        _col("ceasefire_name", "ceasefire_name", wrap=True),
        _col("claimant", "claimant", wrap=True),
        _col("accused", "accused"),
        _col("description", "description", wrap=True),
        CITE,
        _col("id", "id"),
        _col("ceasefire", "ceasefire", in_table=False),
        _col("date", "date", in_table=False),
        _col("precision", "precision", in_table=False),
        _col("quote", "quote", in_table=False),
        _col("note", "note", in_table=False),
    ],
    "positions": [
        _col("when", "when"),
        _col("actor", "actor"),
        _col("kind", "kind"),
        _col("stance", "stance"),
        _col("summary", "summary", wrap=True),
        _col("attributed_to", "attributed_to", wrap=True),
        CITE,
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
        _col("note", "note", in_table=False),
    ],
    "search": [
        _col("kind", "kind"),
        _col("id", "id"),
        _col("date", "date"),
        _col("when", "when"),
        _col("snippet", "snippet", wrap=True),
        _col("score", "score", in_table=False),
    ],
    # New columns go at the end: scripts may cut TSV columns by position.
    "sources": [
        _col("id", "id"),
        _col("kind", "kind", in_table=False),
        _col("title", "title"),
        _col("url", "url"),
        _col("publisher", "publisher", in_table=False),
        _col("year", "year", in_table=False),
        _col("version", "version", in_table=False),
        _col("license", "license", in_table=False),
        Column("records", lambda r: str(r.get("records", 0)), justify="right"),
        Column(
            "by_kind",
            lambda r: ", ".join(f"{k} {v}" for k, v in r.get("by_kind", {}).items()),
            in_table=False,
        ),
        _col("authors", "authors", in_table=False),
        _col("cite_as", "cite_as", in_table=False),
        _col("definition", "definition", in_table=False),
        _col("file", "file", in_table=False),
        _col("note", "note", in_table=False),
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
        Column("claims", lambda d: " | ".join(claim_text(c) for c in d["claims"]), wrap=True),
        _col("ids", "ids", wrap=True),
    ],
    # `disputes` in a terminal: one row per claim, under its dispute's heading.
    "dispute-claims": [
        Column("figure", _get("figure"), justify="right"),
        _col("claimant", "claimant", wrap=True),
        _col("as_of", "as_of"),
        _col("period", "period", wrap=True),
        CITE,
        _col("id", "id"),
    ],
    "matrix": [],  # columns are built per call (actors x periods)
}


# Contract fields a pipe gets in another form: citations as the `citations` column, a
# ceasefire's violations as their count.
_SHOWN_AS = ("citations", "violations")


# Not mutated: it runs at import, before mutmut can switch a mutant in (test_contract checks it).
def _complete() -> None:  # pragma: no mutate block
    """Every field of the JSON contract (nkfacts.contract) is a TSV/CSV column: a field the
    lists above do not name yet is added at the end, where scripts cutting by position do not
    notice it."""
    from nkfacts.contract import fields

    for view in ("casualties", "events", "ceasefires", "violations", "positions", "sources"):
        have = {c.header for c in VIEWS[view]}
        VIEWS[view] += [
            _col(f, f, in_table=False) for f in fields(view) if f not in have | set(_SHOWN_AS)
        ]


_complete()
_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def clean(text: str) -> str:
    """One line: tabs and line breaks become spaces (a no-break space stays one); any other
    control, bidi or zero-width character is shown visibly (`\\x1b`, `\\u202e`: README,
    Security), so a TSV row, a table cell or a Markdown cell never carries one raw."""
    text = _SPACE.sub(" ", text).strip()
    if text.isascii() and text.isprintable():
        return text
    from nkfacts.escape import terminal

    return terminal(text)


def tsv_line(cols: list[Column], rec: Record) -> str:
    """One TSV row: tabs and line breaks inside values become spaces, controls are shown
    visibly (`clean`); nothing is truncated."""
    return "\t".join(clean(c.plain(rec)) for c in cols)


def signature() -> str:
    """Every view's column headers, in order: part of the index's key."""
    return ";".join(f"{v}:{','.join(c.header for c in cols)}" for v, cols in VIEWS.items())
