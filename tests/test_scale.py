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


def _clean_slow(text: str) -> str:
    """`cells.clean` without its fast path (the regex and the escape for every cell)."""
    import re

    from nkfacts.core.escape import terminal

    return terminal(re.sub(r"[ \t\r\n\f\v]+", " ", text).strip())


def test_clean_fast_path_gives_what_the_regex_gives() -> None:
    import random

    from nkfacts.output.cells import clean

    alphabet = "ab əü“” \t\n\r\x0b\x0c\x1b\x85\xa0\u200b\u202e\u2028\u3000\ufeff\U000e0001é"
    rng = random.Random(26)
    samples = ["", " ", "  a  ", "a  b", " a", "a ", "Xankəndi", "\xa0x\xa0", "x\u3000y"]
    samples += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(3000)
    ]
    for s in samples:
        assert clean(s) == _clean_slow(s), repr(s)


def test_each_records_json_is_stored_once() -> None:
    con = open_index(DATA)
    columns = [r[1] for r in con.execute("PRAGMA table_info(records)")]
    assert columns == ["id", "kind"]
    for rid, kind in con.execute("SELECT id, kind FROM records ORDER BY random() LIMIT 50"):
        assert query.get(con, rid)[0] == kind and query.get(con, rid)[1]["id"] == rid
    con.close()


def test_streamed_json_export_is_the_whole_dump(tmp_path: Path) -> None:
    import io
    import json

    from nkfacts.export import dump, streamed

    con = open_index(DATA)
    fh = io.StringIO()
    n = streamed.write_json(fh, dump._tables(con))
    whole = dump.dataset(con)
    assert fh.getvalue() == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert n == sum(len(whole[t]) for t, _ in dump.KINDS)
    empty = io.StringIO()
    streamed.write_json(empty, {"a": lambda: iter([]), "b": lambda: iter([{"x": []}])})
    assert empty.getvalue() == json.dumps({"a": [], "b": [{"x": []}]}, indent=2) + "\n"
    con.close()


def test_listings_stream_in_batches(monkeypatch: object) -> None:
    import io

    from nkfacts.answers.rows import Raw
    from nkfacts.output.render import stream

    con = open_index(DATA)
    lines = query.casualties(con, raw="json")
    assert isinstance(lines, Raw)
    whole = [line for batch in query.casualties(con, raw="json") for line in batch]
    monkeypatch.setattr(Raw, "BATCH", 7)  # type: ignore[attr-defined]
    batches = list(query.casualties(con, raw="json"))
    assert len(batches) > 2 and all(len(b) <= 7 for b in batches)
    out = io.StringIO()
    stream("casualties", batches, "json", out)
    assert out.getvalue() == "[\n" + ",\n".join(x.decode() for x in whole) + "\n]\n"
    con.close()
