"""Which columns each view's terminal table draws, how important each is, and what moves under
its row when the terminal is too narrow (README, Output formats). The drawing is `table.py`."""

from __future__ import annotations

from collections.abc import Callable

from nkfacts.core.periods import PERIOD_NAMES
from nkfacts.output.views import EXTRA, LAYOUT, Column, Record

# The terminal layout of each view is declared with its columns (views.DECLARED). Token
# columns listed in ON_NEXT_LINE move to a line under the row instead of disappearing, so ids
# and labels stay copyable.
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
# Date columns wrap only between two dates ('27 September 2020 –' / '10 November 2020').
DATES = ("when", "period", "as_of")
WHOLE = ("measure", "as_of", "id", "kind", "severity", "code", "records")
MATRIX_PERIODS = (*PERIOD_NAMES, "undated")


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
