"""The SQLite export opened the way its users open it: Datasette, sqlite3, pandas-like reads."""

from __future__ import annotations

import asyncio
import csv
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nkfacts.cli import app

runner = CliRunner()
ID = "cas-nk-table-2016-armenia-soldiers"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "nkfacts.db"
    r = runner.invoke(app, ["export", "--format", "sqlite", "--output", str(out)])
    assert r.exit_code == 0, r.stderr
    assert "nkfacts.metadata.json" in r.stderr
    return out


def test_foreign_keys_for_every_link(exported: Path) -> None:
    db = sqlite3.connect(exported)

    def fks(table: str) -> set[tuple[str, str, str]]:
        return {(r[3], r[2], r[4]) for r in db.execute(f"PRAGMA foreign_key_list({table})")}

    assert ("event", "events", "id") in fks("casualties")
    assert ("event", "events", "id") in fks("ceasefires")
    assert ("ceasefire", "ceasefires", "id") in fks("violations")
    assert ("source", "sources", "id") in fks("citations")
    assert ("actor", "actors", "name") in fks("positions")
    assert {("event", "events", "id"), ("place", "places", "name")} <= fks("event_places")
    assert ("actor", "actors", "name") in fks("event_actors")
    for table in ("casualties", "events", "ceasefires", "violations", "positions"):
        assert ("source", "sources", "id") in fks(table)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_types_precision_and_display(exported: Path) -> None:
    db = sqlite3.connect(exported)
    types = {r[0] for r in db.execute("SELECT typeof(at_least) FROM casualties")}
    assert types == {"integer"}
    assert {r[0] for r in db.execute("SELECT DISTINCT approx FROM casualties")} == {0, 1}
    row = db.execute(
        "SELECT low, high, start, start_precision, period FROM casualties WHERE id = ?", (ID,)
    ).fetchone()
    assert row == (108, 112, "2016-01-01", "year", "2016")
    # A month-precision date keeps its precision and display form.
    month = db.execute(
        "SELECT signed, precision, \"when\" FROM ceasefires WHERE precision = 'month'"
    ).fetchone()
    assert month is not None and month[0].endswith("-01") and month[2][0].isalpha()
    places = db.execute(
        "SELECT places FROM events WHERE id = 'ev-2023-fuel-depot-explosion'"
    ).fetchone()[0]
    assert isinstance(json.loads(places), list)


def test_fts_matches_sqlite_utils_layout(exported: Path) -> None:
    db = sqlite3.connect(exported)
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'events_fts'").fetchone()[0]
    assert "USING FTS5" in sql and "content=[events]" in sql
    hits = db.execute(
        "SELECT id FROM events WHERE rowid IN "
        '(SELECT rowid FROM events_fts WHERE events_fts MATCH \'"fuel" "depot"\')'
    ).fetchall()
    assert ("ev-2023-fuel-depot-explosion",) in hits


def test_datasette_links_searches_and_shows_metadata(exported: Path) -> None:
    datasette_app = pytest.importorskip("datasette.app")
    meta = json.loads(exported.with_name("nkfacts.metadata.json").read_text(encoding="utf-8"))
    ds = datasette_app.Datasette([str(exported)], metadata=meta)
    linked, event = (
        sqlite3.connect(exported)
        .execute("SELECT id, event FROM casualties WHERE event IS NOT NULL LIMIT 1")
        .fetchone()
    )

    async def get(path: str) -> tuple[int, str]:
        r = await ds.client.get(path)
        return r.status_code, r.text

    async def run() -> None:
        status, page = await get("/nkfacts/casualties")
        assert status == 200 and "Casualty figures" in page
        status, html = await get(f"/nkfacts/casualties?id={linked}")
        assert status == 200 and f'href="/nkfacts/events/{event}"' in html  # the event link
        status, body = await get("/nkfacts/events.json?_search=fuel+depot&_shape=objects")
        rows = json.loads(body)["rows"]
        assert status == 200 and 0 < len(rows) < 10
        assert "ev-2023-fuel-depot-explosion" in {r["id"] for r in rows}
        status, body = await get("/nkfacts/casualties.json?_search=zzzznothing&_shape=objects")
        assert json.loads(body)["rows"] == []  # search filters, it does not return every row
        status, index = await get("/")
        assert (
            "CC BY-SA 4.0" in index and "en.wikipedia.org/wiki/Nagorno-Karabakh_conflict" in index
        )

    asyncio.run(run())


def test_csv_export_uses_json_semantics(tmp_path: Path) -> None:
    out = tmp_path / "csv"
    r = runner.invoke(app, ["export", "--format", "csv", "--output", str(out)])
    assert r.exit_code == 0
    with open(out / "casualties.csv", encoding="utf-8", newline="") as fh:
        rows = {row["id"]: row for row in csv.DictReader(fh)}
    row = rows[ID]
    assert (row["at_least"], row["approx"], row["as_of"]) == ("false", "false", "")
    assert row["start"] == "2016-01-01" and row["period"] == "2016"
    with open(out / "citations.csv", encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == ["record_id", "record_kind", "position", "source", "ref", "passage_ref"]
    with open(out / "violations.csv", encoding="utf-8", newline="") as fh:
        v = next(csv.DictReader(fh))
    assert v["ceasefire"].startswith("cf-") and v["ceasefire_name"] and v["date"][4] == "-"
