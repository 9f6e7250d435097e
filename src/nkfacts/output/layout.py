"""Which columns each view's terminal table draws, how important each is, and what moves under
its row when the terminal is too narrow (README, Output formats). The drawing is `table.py`."""

from __future__ import annotations

from collections.abc import Callable

from nkfacts.core.periods import PERIOD_NAMES
from nkfacts.output.views import Column, Record

# Terminal layout per view: (column header, priority, wrap). Priority 0 is never dropped; the
# others go highest first when the terminal is narrow. Token columns listed in ON_NEXT_LINE
# move to a line under the row instead of disappearing, so ids and labels stay copyable.
LAYOUT: dict[str, list[tuple[str, int, bool | None]]] = {
    "casualties": [
        ("figure", 0, None),
        ("who", 0, None),
        ("measure", 1, None),
        ("period", 2, True),
        ("claimant", 3, True),
        ("as_of", 4, None),
        ("citations", 6, None),
        ("id", 8, None),
    ],
    "events": [
        ("when", 0, True),
        ("title", 0, True),
        ("type", 4, None),
        ("places", 5, True),
        ("citations", 6, None),
        ("id", 8, None),
    ],
    "ceasefires": [
        ("when", 0, True),
        ("name", 0, True),
        ("outcome", 1, None),
        ("violations", 2, None),
        ("signatories", 4, True),
        ("brokers", 3, True),
        ("citations", 6, None),
        ("id", 8, None),
    ],
    "violations": [
        ("when", 0, True),
        ("description", 0, True),
        ("claimant", 1, True),
        ("ceasefire_name", 3, True),
        ("accused", 4, True),
        ("citations", 6, None),
        ("id", 8, None),
    ],
    "positions": [
        ("when", 0, True),
        ("actor", 0, True),
        ("stance", 1, True),
        ("summary", 0, True),
        ("attributed_to", 4, True),
        ("kind", 5, None),
        ("citations", 6, None),
        ("id", 8, None),
    ],
    "dispute-claims": [
        ("figure", 0, None),
        ("claimant", 0, True),
        ("as_of", 3, None),
        ("period", 4, True),
        ("citations", 6, None),
        ("id", 8, None),
    ],
    "search": [
        ("when", 0, True),
        ("kind", 2, None),
        ("snippet", 0, True),
        ("id", 8, None),
    ],
    "sources": [
        ("id", 0, None),
        ("kind", 3, None),
        ("title", 0, True),
        ("version", 2, None),
        ("records", 1, None),
        ("url", 8, None),
    ],
    "problems": [
        ("severity", 0, None),
        ("code", 2, None),
        ("where", 3, True),
        ("field", 4, None),
        ("message", 0, True),
        ("id", 8, None),
    ],
}
# Columns that move under their row instead of disappearing, with the words that say what
# they are there: a claimant is never dropped ("no bare numbers"), nor whose reading it is.
ON_NEXT_LINE = {
    "claimant": "claimant: ",
    "attributed_to": "reading of: ",
    "as_of": "as of ",
    "citations": "",
    "id": "",
    "url": "",
}
WHOLE = ("measure", "as_of", "id", "kind", "severity", "code", "records")
MATRIX_PERIODS = (*PERIOD_NAMES, "undated")
NBSP = "\u00a0"  # keeps "Both sides" together; wraps only at the " · "
EXTRA = {
    "who": Column(
        "who", lambda r: f"{r['party'].replace(' ', NBSP)} · {r['category'].replace(' ', NBSP)}"
    ),
    "when": Column("when", lambda r: str(r.get("when") or r.get("date") or "")),
}


def table_columns(view: str, cols: list[Column]) -> list[Column]:
    """The columns a terminal table of `view` draws, with their priorities."""
    if view == "matrix":  # every period stays; markers spaced so a cell can wrap
        return [
            Column(c.header, _spaced(c), wrap=c.header == "actor", priority=0)
            for c in cols
            if c.in_table
        ]
    if view not in LAYOUT:
        return [c for c in cols if c.in_table]
    by_header = {c.header: c for c in cols}
    out = []
    for header, priority, wraps in LAYOUT[view]:
        col = by_header.get(header) or EXTRA.get(header)
        if col is not None:
            out.append(col.but(priority=priority, wrap=wraps))
    return out


def _spaced(col: Column) -> Callable[[Record], str]:
    from nkfacts.output.matrix import table_marks

    if col.header not in MATRIX_PERIODS:
        return col.plain
    return lambda r: table_marks(r[col.header])
