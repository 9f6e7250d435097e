"""Every registered record kind appears in every place derived from the registry
(nkfacts.core.kinds): data files, the index, views, the export and its Datasette metadata,
search, show and the commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nkfacts.cli import app
from nkfacts.core import contract, kinds
from nkfacts.export import dump
from nkfacts.export import sqlite as exportdb
from nkfacts.load import schema
from nkfacts.output import views
from nkfacts.store import cachefiles, index

SHARE_CACHE = True
DATA = Path(__file__).resolve().parent.parent / "data"
runner = CliRunner()
RECORDS = [k for k in kinds.KINDS if k.is_record]
# The command that lists each record kind.
LISTING = {"casualty": ["casualties"], "event": ["events"], "ceasefire": ["ceasefires"]}
LISTING |= {"violation": ["ceasefires", "--violations"], "position": ["positions"]}


def test_the_registry_names_each_kind_and_file_once() -> None:
    names = [k.name for k in kinds.KINDS]
    assert len(names) == len(set(names)) and names[:3] == ["source", "actor", "place"]
    assert len(kinds.DATA_FILES) == len(set(kinds.DATA_FILES))
    assert [k.name for k in kinds.RECORDS] == list(kinds.RECORD_ORDER)
    assert sorted(kinds.RECORD_ORDER) == sorted(k.name for k in RECORDS)


def test_data_files_come_from_the_registry() -> None:
    assert tuple(schema.FILES) == kinds.DATA_FILES == cachefiles.DATA_FILES
    for k in kinds.KINDS:
        for name, required in k.files:
            assert schema.FILES[name] == (k.name, required)
            assert (DATA / name).is_file() or not required


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda k: k.name)
def test_every_kind_with_a_view_has_its_contract_columns_and_layout(kind: kinds.Kind) -> None:
    if kind.view is None:
        return
    assert kind.view in contract.SHAPES
    headers = [c.header for c in views.VIEWS[kind.view]]
    assert set(contract.fields(kind.view)) - {"citations", "violations"} <= set(headers)
    assert kind.view in views.LAYOUT


@pytest.mark.parametrize("kind", RECORDS, ids=lambda k: k.name)
def test_every_record_kind_is_indexed_exported_and_described(kind: kinds.Kind) -> None:
    con = index.open_index(DATA)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    searched = {r[0] for r in con.execute("SELECT DISTINCT kind FROM search")}
    con.close()
    table = kind.view or kind.name
    assert table in tables and kind.name in searched
    assert (table, kind.name) in dump.KINDS
    assert table in exportdb.TABLES and table in exportdb.RECORD_TABLES
    assert exportdb.FTS[table] == kind.search
    meta = exportdb.metadata("db", [])["databases"]["db"]["tables"][table]
    assert meta["title"] == kind.title and meta["description"].startswith(kind.description)


@pytest.mark.parametrize("kind", RECORDS, ids=lambda k: k.name)
def test_every_record_kind_is_listed_shown_and_exported(kind: kinds.Kind, tmp_path: Path) -> None:
    out = runner.invoke(app, [*LISTING[kind.name], "--format", "json"])
    assert out.exit_code == 0, out.output
    first = json.loads(out.stdout)[0]["id"]
    shown = runner.invoke(app, ["show", first, "--format", "json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["kind"] == kind.name
    target = tmp_path / "all.json"
    assert (
        runner.invoke(app, ["export", "--format", "json", "--output", str(target)]).exit_code == 0
    )
    assert json.loads(target.read_text())[kind.view or kind.name]
