"""Start-up invariants: what the warm paths import, and the register-only-the-invoked-command
trick (docs/development.md, Performance)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = """
import sys
sys.argv = ["nkfacts", *{args!r}]
from nkfacts.cli import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("MODULES " + " ".join(sorted(sys.modules)) + "\\n")
"""


def modules_after(*args: str, fast: str = "") -> set[str]:
    # Without coverage's subprocess hook, which imports modules of its own.
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    env["NKFACTS_FAST"] = fast  # "0": Typer answers every command line
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    line = next(x for x in proc.stderr.splitlines() if x.startswith("MODULES "))
    return set(line.split()[1:])


@pytest.fixture
def warm() -> None:
    """Build the index in this test's cache, so the probe takes the warm path."""
    subprocess.run(
        [sys.executable, "-m", "nkfacts", "casualties", "--year", "2016", "--format", "tsv"],
        capture_output=True,
        check=True,
    )


@pytest.mark.parametrize("fast", ["", "0"])
def test_warm_tsv_query_imports_no_yaml_rich_json_or_validator(warm: None, fast: str) -> None:
    mods = modules_after("casualties", "--year", "2016", "--format", "tsv", fast=fast)
    # the probe really ran the command (with NKFACTS_FAST=0 through Typer)
    assert ("nkfacts.cli.listings" if fast == "0" else "nkfacts.cli.pipe") in mods
    heavy = {
        "yaml",
        "rich",
        "json",
        "nkfacts.load.validate",
        "nkfacts.load.schema",
        "nkfacts.store.compile",
    }
    assert not heavy & mods, heavy & mods


@pytest.mark.parametrize("fmt", ["tsv", "json"])
def test_warm_pipe_query_imports_neither_typing_pathlib_nor_the_views(warm: None, fmt: str) -> None:
    """Issue 26: the fast path's own imports trimmed (`core/statictypes.py`, string paths in
    `core/paths.py`, the TSV header stored with the rows in the index)."""
    mods = modules_after("casualties", "--year", "2016", "--format", fmt)
    assert "nkfacts.output.lines" in mods  # the probe took the pre-rendered path
    trimmed = {
        "typer",
        "click",
        "typing",
        "pathlib",
        "urllib.parse",
        "ipaddress",
        "nkfacts.output.views",
        "nkfacts.output.render",
        "nkfacts.core.contract",
    }
    assert not trimmed & mods, trimmed & mods


@pytest.mark.parametrize("fast", ["", "0"])
def test_warm_json_query_imports_no_yaml_or_rich(warm: None, fast: str) -> None:
    mods = modules_after("events", "--year", "2016", "--format", "json", fast=fast)
    assert not {"yaml", "rich", "nkfacts.load.validate"} & mods


def test_help_imports_no_rich_or_yaml() -> None:
    mods = modules_after("--help")
    assert not {"yaml", "rich"} & mods
