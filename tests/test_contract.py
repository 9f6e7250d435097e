"""The JSON contract holds for every record of every view: the keys, in order, of
`nkfacts.core.contract` (README, "JSON contract"), on the shipped data."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nkfacts.cli import app
from nkfacts.core.contract import fields

SHARE_CACHE = True  # its tests only read: one index per data directory (conftest)

runner = CliRunner()
VIEWS = {
    "casualties": ["casualties"],
    "events": ["events"],
    "ceasefires": ["ceasefires"],
    "violations": ["ceasefires", "--violations"],
    "positions": ["positions"],
    "sources": ["sources"],
}


@pytest.mark.parametrize("view", list(VIEWS))
def test_every_record_has_exactly_the_contract_fields(view: str) -> None:
    out = runner.invoke(app, [*VIEWS[view], "--format", "json"]).stdout
    records = json.loads(out)
    assert records
    for rec in records:
        assert list(rec) == fields(view), rec.get("id")
        for c in rec.get("citations", []):
            assert list(c) == fields("citation"), rec["id"]
        if view == "ceasefires":
            for v in rec["violations"]:
                assert list(v) == fields("violations")[:-1], v["id"]


# Fields a pipe or a database gets in another form: citations as one `citations` column (and
# a `citations` table), a ceasefire's violations as their count (and a `violations` table), a
# source's counts from the other tables.
ELSEWHERE = {"citations", "violations", "records", "by_kind"}


@pytest.mark.parametrize("view", list(VIEWS))
def test_every_contract_field_is_a_tsv_column(view: str) -> None:
    out = runner.invoke(app, [*VIEWS[view], "--format", "tsv"]).stdout
    header = out.splitlines()[0].split("\t")
    assert set(fields(view)) - {"violations"} <= set(header)


@pytest.mark.parametrize("view", [v for v in VIEWS if v != "sources"])
def test_every_contract_field_is_a_column_of_the_sqlite_export(view: str, tmp_path: Path) -> None:
    path = tmp_path / "nk.db"
    assert (
        runner.invoke(app, ["export", "--format", "sqlite", "--output", str(path)]).exit_code == 0
    )
    db = sqlite3.connect(path)
    cols = [r[1] for r in db.execute(f'PRAGMA table_info("{view}")')]
    assert cols == [f for f in fields(view) if f not in ELSEWHERE] + ["source"]
    if view == "casualties":
        linked = db.execute(
            "SELECT count(*) FROM casualties a JOIN casualties b ON a.part_of = b.id"
        ).fetchone()[0]
        assert (
            linked
            == db.execute("SELECT count(*) FROM casualties WHERE part_of IS NOT NULL").fetchone()[0]
            > 0
        )
        assert db.execute("SELECT count(DISTINCT claim) FROM casualties").fetchone()[0] > 100
