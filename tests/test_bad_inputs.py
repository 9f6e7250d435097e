"""Hostile and broken data files: each must give exit 3, a message naming the file (and line
where it applies), and never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nkfacts.cli import app

runner = CliRunner()
GOOD = """- id: c-1
  party: Armenia
  category: military
  measure: killed
  start: "2015"
  low: 42
  claimant: unattributed
  citations: [{source: art, ref: "96"}]
  quote: "42 Armenian soldiers"
"""


def _with(field: str, value: str) -> str:
    lines = [ln for ln in GOOD.splitlines() if not ln.strip().startswith(field + ":")]
    return "\n".join(lines) + (f"\n  {field}: {value}\n" if value else "\n")


# (name, casualties.yaml content (str) or bytes, expected text in message, expect a line number)
CASES: list[tuple[str, str | bytes, str, bool]] = [
    ("python tag", "- !!python/object/apply:os.system ['echo hacked']\n", "not allowed", True),
    ("python name tag", "- !!python/name:os.system\n", "not allowed", True),
    ("custom tag", "- !custom {a: 1}\n", "not allowed", True),
    (
        "alias bomb",
        "- &a [x, x, x, x]\n- &b [*a, *a, *a, *a]\n- [*b, *b, *b, *b]\n",
        "anchors",
        True,
    ),
    ("top-level mapping with alias", "a: &a [x]\nb: *a\n", "must be a list", True),
    ("alias only", "- *undefined\n", "aliases", True),
    ("duplicate key", GOOD + "  low: 43\n", "duplicate key 'low'", True),
    ("invalid utf-8", b"- id: c-1\n  note: \xff\xfe\n", "invalid UTF-8", True),
    ("binary", b"\x00\x01\x02garbage", "binary", True),
    ("empty", "", "empty", False),
    ("only comments", "# nothing\n", "empty", False),
    ("top-level mapping", "id: c-1\n", "must be a list", True),
    ("top-level scalar", "hello\n", "must be a list", True),
    ("deep nesting", "- " + "[" * 200 + "]" * 200 + "\n", "nesting", True),
    ("syntax error", "- id: [unclosed\n", "syntax", True),
    ("two documents", GOOD + "---\n" + GOOD, "more than one YAML document", True),
    ("record not a mapping", "- just text\n", "mapping", False),
    ("unknown field (typo)", GOOD + "  hihg: 50\n", "unknown field 'hihg'", True),
    ("missing required", _with("claimant", ""), "missing required field 'claimant'", True),
    ("bad party", _with("party", "Armenai"), "did you mean 'Armenia'", True),
    ("bad category", _with("category", "soldiers"), "unknown category", True),
    ("bad measure", _with("measure", "exploded"), "unknown measure", True),
    ("30 February", _with("start", '"2016-02-30"'), "not a real date", True),
    ("month 13", _with("start", '"2016-13"'), "no month 13", True),
    ("date not a string", _with("start", "[2016]"), "date", True),
    ("end before start", GOOD + '  end: "2014"\n', "is before start", True),
    ("low > high", GOOD + "  high: 10\n", "greater than high", True),
    ("negative", _with("low", "-5"), "whole number", True),
    ("bool as number", _with("low", "true"), "whole number", True),
    ("bad id", GOOD.replace("- id: c-1", '- id: "C 1!"'), "lower-case", True),
    (
        "unknown source",
        _with("citations", "[{source: nowhere, ref: '1'}]"),
        "unknown source 'nowhere'",
        True,
    ),
    ("citation without ref", _with("citations", "[{source: art}]"), "ref: null", True),
    ("bad ref label", _with("citations", "[{source: art, ref: '[96]'}]"), "ref must be", True),
    ("empty citations", _with("citations", "[]"), "non-empty list", True),
    (
        "unknown event link",
        GOOD + "  event: ev-nowhere\n",
        "event 'ev-nowhere' does not exist",
        True,
    ),
    (
        "at least and up to",
        GOOD + "  at_least: true\n  upper_bound: true\n",
        "cannot be both",
        True,
    ),
    ("huge number", _with("low", "9" * 40), "number too large", True),
    ("duplicate id", GOOD + GOOD.replace("c-1", "c-1"), "used twice", True),
]


@pytest.mark.parametrize("name, content, expect, has_line", CASES, ids=[c[0] for c in CASES])
def test_bad_casualties_file(
    mini: Path, name: str, content: str | bytes, expect: str, has_line: bool
) -> None:
    path = mini / "casualties.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    for args in (["validate"], ["casualties"]):
        r = runner.invoke(app, ["--data-dir", str(mini), *args])
        assert r.exit_code == 3, (args, r.stdout, r.stderr)
        text = r.stdout + r.stderr
        assert expect in text, text
        assert "casualties.yaml" in text and "Traceback" not in text
        if has_line:
            assert "casualties.yaml:" in text


def test_assert_at_least_30_cases() -> None:
    assert len(CASES) >= 30


def test_missing_file_directory_and_missing_dir(mini: Path, tmp_path: Path) -> None:
    (mini / "events.yaml").unlink()
    r = runner.invoke(app, ["--data-dir", str(mini), "events"])
    assert r.exit_code == 3 and "events.yaml: file not found" in r.stderr
    (mini / "events.yaml").mkdir()
    r = runner.invoke(app, ["--data-dir", str(mini), "validate"])
    assert r.exit_code == 3 and "is a directory" in r.stdout
    r = runner.invoke(app, ["--data-dir", str(tmp_path / "nope"), "casualties"])
    assert r.exit_code == 3 and "not found" in r.stderr


def test_quote_not_verbatim_with_sources(mini: Path) -> None:
    path = mini / "events.yaml"
    path.write_text(path.read_text().replace("near Martuni", "close to Martuni"))
    r = runner.invoke(app, ["--data-dir", str(mini), "validate", "--sources", str(mini)])
    assert r.exit_code == 3 and "not verbatim" in r.stdout and "events.yaml:" in r.stdout


def test_unresolved_actor_and_place(mini: Path) -> None:
    path = mini / "events.yaml"
    path.write_text(
        path.read_text()
        .replace("[Khojavend]", "[Atlantis]")
        .replace("[Armenia, Azerbaijan]", "[Narnia]")
    )
    r = runner.invoke(app, ["--data-dir", str(mini), "validate", "--format", "json"])
    assert (
        r.exit_code == 3
        and "unknown place 'Atlantis'" in r.stdout
        and "unknown actor 'Narnia'" in r.stdout
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(mini: Path) -> None:
    (mini / "casualties.yaml").chmod(0)
    r = runner.invoke(app, ["--data-dir", str(mini), "casualties"])
    assert r.exit_code == 3 and "permission denied" in r.stderr


def test_warning_is_not_an_error(mini: Path) -> None:
    r = runner.invoke(app, ["--data-dir", str(mini), "validate", "--format", "json"])
    assert r.exit_code == 0 and '"table-total"' in r.stdout
