"""`positions --matrix`: actors × periods, one stance marker per record in each cell."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from nkfacts.core.periods import PERIOD_NAMES
from nkfacts.core.vocab import STANCE_MARKS
from nkfacts.output.views import Column

Record = Mapping[str, Any]  # a record read (the contract's TypedDicts)


def matrix_rows(positions: Sequence[Record]) -> tuple[list[dict[str, Any]], list[Column]]:
    """Rows (one per actor) whose cells hold stance markers and the ids behind them."""
    periods = [*PERIOD_NAMES, "undated"]
    by_actor: dict[str, dict[str, list[Record]]] = {}
    for p in positions:
        by_actor.setdefault(p["actor"], {}).setdefault(p["period"], []).append(p)
    rows = []
    for actor in sorted(by_actor):
        row: dict[str, Any] = {"actor": actor}
        for period in periods:
            recs = by_actor[actor].get(period, [])
            marks = sorted({STANCE_MARKS[r["stance"]] for r in recs})
            own = {STANCE_MARKS[r["stance"]] for r in recs if not r.get("attributed_to")}
            row[period] = {
                "marks": "".join(marks),
                "ids": [r["id"] for r in recs],
                # markers that only others' readings give (attributed_to), not the actor
                "attributed": "".join(m for m in marks if m not in own),
            }
        rows.append(row)
    cols = [Column("actor", lambda r: str(r["actor"]))]
    for period in periods:
        cols.append(Column(period, _marks(period)))
    cols.append(
        Column("ids", lambda r: " ".join(i for p in periods for i in r[p]["ids"]), in_table=False)
    )
    return rows, cols


def _marks(period: str) -> Callable[[Record], str]:
    return lambda r: str(r[period]["marks"])


def legend() -> str:
    """'Z supports-azerbaijan, A supports-armenia, …'."""
    return ", ".join(f"{m} {s}" for s, m in STANCE_MARKS.items())


def table_marks(cell: Record) -> str:
    """'A a*': the markers of a cell, '*' on those only others attribute to the actor."""
    return " ".join(m + ("*" if m in cell.get("attributed", "") else "") for m in cell["marks"])
