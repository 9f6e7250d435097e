"""Issue 26: lookups by index, a lean index, streaming dumps, a kind's data in a folder."""

from __future__ import annotations

from pathlib import Path

from nkfacts.answers import query
from nkfacts.answers.show import detail
from nkfacts.store.index import open_index

SHARE_CACHE = True
DATA = Path(__file__).resolve().parent.parent / "data"


def _plan(con: object, sql: str, args: list[object]) -> str:
    rows = con.execute(f"EXPLAIN QUERY PLAN {sql}", args).fetchall()  # type: ignore[attr-defined]
    return " ".join(str(r[-1]) for r in rows)


def test_claim_and_happening_are_looked_up_by_index() -> None:
    con = open_index(DATA)
    claim = _plan(con, "SELECT json FROM casualties WHERE claim = ? AND id != ?", ["x", "y"])
    hap = _plan(con, "SELECT json FROM events WHERE happening = ? AND id != ?", ["x", "y"])
    assert "casualties_claim" in claim and "events_happening" in hap
    series = _plan(
        con,
        "SELECT json FROM casualties WHERE party = ? AND category = ? AND measure = ? "
        'AND start <= ? AND "end" >= ?',
        ["a", "b", "c", "d", "e"],
    )
    assert "casualties_series" in series
    con.close()


def test_same_claim_and_happening_match_the_json() -> None:
    con = open_index(DATA)
    import json

    for (j,) in con.execute("SELECT json FROM events WHERE happening IS NOT NULL LIMIT 20"):
        e = json.loads(j)
        others = query.same(con, "events", "happening", e["happening"], e["id"])
        assert all(o["happening"] == e["happening"] and o["id"] != e["id"] for o in others)
    full = detail(con, "ev-2020-war")
    assert all(e["happening"] == full["record"]["happening"] for e in full["same_happening"])
    assert query.same(con, "records", "json", "x", "y") == []  # only the two indexed columns
    con.close()
