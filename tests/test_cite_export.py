"""cite and export, checked with real parsers."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from nkfacts.cli import app

SHARE_CACHE = True  # its tests only read: one index per data directory (conftest)

runner = CliRunner()
ID = "cas-nk-table-2016-armenia-soldiers"


def test_markdown_footnote() -> None:
    r = runner.invoke(app, ["cite", ID, "--style", "markdown"])
    assert f"[^{ID}]" in r.stdout and f'[^{ID}]: "108–112 soldiers"' in r.stdout


def test_unknown_style_is_usage_error() -> None:
    r = runner.invoke(app, ["cite", ID, "--style", "nope"])
    assert r.exit_code == 2 and "Valid: plain" in r.stderr and "csl:NAME" in r.stderr


def test_export_sqlite_tables_and_keys(tmp_path: Path) -> None:
    out = tmp_path / "nk.db"
    r = runner.invoke(app, ["export", "--format", "sqlite", "--output", str(out)])
    assert r.exit_code == 0
    db = sqlite3.connect(out)
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "casualties",
        "events",
        "ceasefires",
        "violations",
        "positions",
        "sources",
        "citations",
    } <= tables
    n = db.execute("SELECT count(*) FROM casualties").fetchone()[0]
    assert n >= 200
    orphan = db.execute(
        "SELECT count(*) FROM citations WHERE source NOT IN (SELECT id FROM sources)"
    ).fetchone()[0]
    assert orphan == 0
    row = db.execute("SELECT low, high FROM casualties WHERE id = ?", (ID,)).fetchone()
    assert row == (108, 112)


def test_export_json_and_csv(tmp_path: Path) -> None:
    r = runner.invoke(app, ["export", "--format", "json", "--output", str(tmp_path / "all.json")])
    data = json.loads((tmp_path / "all.json").read_text())
    assert r.exit_code == 0 and len(data["events"]) >= 150
    r = runner.invoke(app, ["export", "--format", "csv", "--output", str(tmp_path / "csv")])
    assert r.exit_code == 0 and (tmp_path / "csv" / "citations.csv").stat().st_size > 1000
