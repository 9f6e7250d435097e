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


def _split(tmp_path: Path) -> Path:
    """The shipped data with casualties.yaml split into a folder of three files."""
    import shutil

    import yaml

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    text = (data / "casualties.yaml").read_text(encoding="utf-8")
    records = yaml.safe_load(text)
    (data / "casualties.yaml").unlink()
    (data / "casualties").mkdir()
    for i in range(3):
        part = records[i::3]
        dumped = yaml.safe_dump(part, allow_unicode=True, sort_keys=False)
        (data / "casualties" / f"part{i}.yaml").write_text(dumped, encoding="utf-8")
    (data / "casualties" / ".hidden.yaml").write_text("- nonsense\n", encoding="utf-8")
    (data / "casualties" / "notes.txt").write_text("not data\n", encoding="utf-8")
    return data


def _ids(con: object) -> list[str]:
    rows = con.execute("SELECT id FROM casualties ORDER BY seq")  # type: ignore[attr-defined]
    return [r[0] for r in rows]


def test_a_kinds_data_may_be_a_folder_of_files(tmp_path: Path) -> None:
    from nkfacts.core import paths
    from nkfacts.store import cachefiles

    data = _split(tmp_path)
    names = [n for n, kind, _ in paths.data_files(data) if kind == "casualty"]
    assert names == [
        "casualties.yaml",
        "casualties/part0.yaml",
        "casualties/part1.yaml",
        "casualties/part2.yaml",
        "datasets.yaml",
    ]
    assert dict((n, r) for n, _, r in paths.data_files(data))["casualties.yaml"] is False
    assert names[1] in cachefiles.watched(data)
    shipped = open_index(DATA)
    con = open_index(data)
    assert _ids(con) == _ids(shipped)  # same records, same order
    con.close()
    shipped.close()


def test_the_folders_files_are_watched(tmp_path: Path) -> None:
    import os

    from nkfacts.store import index

    data = _split(tmp_path)
    open_index(data).close()
    built = index.last_opened
    assert built is not None
    before = os.stat(built).st_ino
    open_index(data).close()
    assert os.stat(built).st_ino == before  # warm: not rebuilt
    import yaml

    first = yaml.safe_load((data / "casualties" / "part0.yaml").read_text(encoding="utf-8"))
    extra = {**next(r for r in first if not r.get("part_of")), "id": "cas-extra-file-test"}
    n = len(_ids(open_index(data)))
    added = data / "casualties" / "part3.yaml"
    added.write_text(yaml.safe_dump([extra], allow_unicode=True), encoding="utf-8")
    con = open_index(data)
    assert len(_ids(con)) == n + 1 and "cas-extra-file-test" in _ids(con)  # a file added
    con.close()
    added.unlink()  # a file removed: its records go
    con = open_index(data)
    assert len(_ids(con)) == n
    con.close()


def test_a_too_large_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: object) -> None:
    import pytest

    from nkfacts.core import paths
    from nkfacts.load import yamlsafe

    path = tmp_path / "casualties.yaml"
    path.write_text("- a: 1\n" * 100, encoding="utf-8")
    monkeypatch.setattr(yamlsafe, "MAX_BYTES", 50)  # type: ignore[attr-defined]
    real = paths.open_regular

    class NoRead:
        def __init__(self, p: Path) -> None:
            self.f = real(p)

        def __enter__(self) -> NoRead:
            return self

        def __exit__(self, *exc: object) -> None:
            self.f.close()

        def fileno(self) -> int:
            return self.f.fileno()

        def read(self, n: int = -1) -> bytes:
            raise AssertionError("read before the size check")

    monkeypatch.setattr(paths, "open_regular", NoRead)  # type: ignore[attr-defined]
    with pytest.raises(yamlsafe.YamlError, match=r"too large.*folder casualties/\*\.yaml"):
        yamlsafe.read_bytes(path)


def test_file_uri_is_what_pathlib_gives(tmp_path: Path) -> None:
    from nkfacts.store.cachefiles import file_uri

    for name in ("plain.sqlite", "a b?c#d%e.sqlite", "Şuşa ə.sqlite", "x\\y'z;.sqlite"):
        path = tmp_path / name
        assert file_uri(path) == path.absolute().as_uri()
