"""Exports are atomic and never replace what is not a regular file (issue 13)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from typer.testing import CliRunner

from nkfacts.cli import app

runner = CliRunner()
REPO = Path(__file__).resolve().parent.parent


def export(fmt: str, out: str) -> tuple[int, str]:
    r = runner.invoke(app, ["export", "--format", fmt, "--output", out])
    return r.exit_code, r.stderr


def leftovers(d: Path) -> list[str]:
    return [p.name for p in d.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("fmt", ["sqlite", "json"])
def test_failure_midway_keeps_the_old_file_whole(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    out.write_text("OLD", encoding="utf-8")
    target = (
        "nkfacts.export.sqlite.write" if fmt == "sqlite" else "nkfacts.export.streamed.write_json"
    )
    with mock.patch(target, side_effect=OSError(28, "No space left on device")):
        code, err = export(fmt, str(out))
    assert code == 3 and "No space left on device" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "OLD" and leftovers(tmp_path) == []


def test_interrupt_leaves_no_temp_file(tmp_path: Path) -> None:
    out = tmp_path / "nk.db"
    with mock.patch("nkfacts.export.sqlite.write", side_effect=KeyboardInterrupt):
        code, _ = export("sqlite", str(out))
    assert code == 130 and not out.exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("make", "what"),
    [
        (lambda p: os.mkfifo(p), "a FIFO"),
        (lambda p: os.symlink("/dev/null", p), "a symbolic link"),
        (lambda p: os.mkdir(p), "a directory"),
    ],
)
def test_refuses_to_replace_what_is_not_a_regular_file(tmp_path: Path, make, what: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "target"
    make(out)
    before = os.lstat(out)
    for fmt in ("sqlite", "json"):
        code, err = export(fmt, str(out))
        assert code == 2 and f"it is {what}" in err
    after = os.lstat(out)
    assert (before.st_mode, before.st_ino) == (after.st_mode, after.st_ino)
    assert leftovers(tmp_path) == []


def test_device_is_refused() -> None:
    code, err = export("sqlite", "/dev/null")
    assert code == 2 and "character device" in err
    assert os.path.exists("/dev/null") and not Path("/dev/null").is_file()


def test_missing_directory_and_empty_path(tmp_path: Path) -> None:
    code, err = export("json", str(tmp_path / "nope" / "out.json"))
    assert code == 2 and "does not exist" in err
    code, err = export("csv", str(tmp_path / "nope" / "csv"))
    assert code == 2 and "does not exist" in err
    for blank in ("", "  "):
        code, err = export("sqlite", blank)
        assert code == 2 and "--output is empty" in err


def test_csv_directory_handling(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("x", encoding="utf-8")
    code, err = export("csv", str(f))
    assert code == 2 and "is a file" in err and f.read_text(encoding="utf-8") == "x"
    d = tmp_path / "csv"
    d.mkdir()
    (d / "events.csv").mkdir()  # a directory where a file would go: refused before writing
    code, err = export("csv", str(d))
    assert code == 2 and "events.csv" in err and not (d / "casualties.csv").exists()
    os.rmdir(d / "events.csv")
    code, _ = export("csv", str(d))
    assert code == 0 and (d / "events.csv").is_file() and leftovers(d) == []


def test_keeps_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    out.write_text("{}", encoding="utf-8")
    out.chmod(0o640)
    assert export("json", str(out))[0] == 0
    assert (out.stat().st_mode & 0o777) == 0o640 and json.loads(out.read_text())["events"]


def test_concurrent_exports_each_complete(tmp_path: Path) -> None:
    out = tmp_path / "nk.db"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    cmd = [sys.executable, "-m", "nkfacts", "export", "--format", "sqlite", "--output", str(out)]
    runner.invoke(app, ["casualties", "--year", "2016"])  # warm the index first
    procs = [subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE) for _ in range(4)]
    codes = [p.wait(timeout=120) for p in procs]
    assert codes == [0, 0, 0, 0]
    db = sqlite3.connect(out)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT count(*) FROM casualties").fetchone()[0] >= 200
    assert leftovers(tmp_path) == []
