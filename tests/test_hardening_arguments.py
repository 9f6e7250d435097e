"""Hardening, arguments: any bytes, absurd sizes and inverted ranges give a clean answer."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from _harden import needs_bin, nk, no_traceback

from nkfacts.answers import query
from nkfacts.cli import invoked_command
from nkfacts.cli.process import clean_argv
from nkfacts.core.errors import UsageError

pytestmark = needs_bin
BAD = b"\xff\xfe\xc3("  # not UTF-8


@pytest.mark.parametrize(
    "args",
    [
        [b"casualties", b"--party", BAD],
        [b"casualties", b"--claimant", BAD],
        [b"casualties", b"--from", BAD],
        [b"casualties", b"--format", BAD],
        [b"events", b"--grep", BAD],
        [b"events", b"--actor", BAD],
        [b"events", b"--place", b"Martuni" + BAD],
        [b"positions", b"--stance", BAD],
        [b"search", BAD],
        [b"search", b"soldiers " + BAD],
        [b"show", BAD],
        [b"cite", BAD, b"--style", BAD],
        [BAD],
        [b"--" + BAD],
        [b"casualties", b"--" + BAD],
    ],
    ids=lambda a: repr(b" ".join(a))[2:-1],
)
def test_invalid_utf8_arguments_are_clean(mini: Path, args: list[bytes]) -> None:
    r = nk(b"--data-dir", str(mini).encode(), *args)
    assert r.returncode in (0, 1, 2), r.stderr  # a match, no match or a usage error; never 70
    assert no_traceback(r.stderr) and len(r.stderr.splitlines()) <= 5, r.stderr


def test_data_dir_with_non_utf8_name(tmp_path: Path, mini: Path) -> None:
    odd = os.path.join(os.fsencode(tmp_path), b"data-" + BAD)
    os.rename(mini, odd)
    r = nk(b"--data-dir", odd, b"casualties", b"-f", b"json")
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 4, r.stderr
    r = nk(b"--data-dir", odd + b"-missing", b"events")
    assert r.returncode == 3 and no_traceback(r.stderr) and "not found" in r.stderr
    r = nk(b"--data-dir", odd, b"--version")
    assert r.returncode == 0 and r.stdout.startswith("nkfacts ")


def test_clean_argv_keeps_paths_and_replaces_bad_bytes() -> None:
    bad = os.fsdecode(BAD)
    out = clean_argv(["--data-dir", bad, "casualties", "--party", bad, f"--output={bad}"])
    assert out[1] == bad and out[-1] == f"--output={bad}"
    assert out[4].encode("utf-8") and "\ufffd" in out[4]


@pytest.mark.parametrize("size", [5000, 131_000])
def test_huge_data_dir_is_a_usage_error(size: int) -> None:
    for args in (["casualties"], ["validate"], ["--version"]):
        r = nk("--data-dir", "d" * size, *args)
        assert r.returncode == 2 and no_traceback(r.stderr), r.stderr
        assert len(r.stderr) < 300 and "too long" in r.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["casualties", "--from", "2020", "--to", "2016"],
        ["events", "--from", "2020-05-02", "--to", "2020-05-01"],
        ["casualties", "--year", "2016", "--from", "2017"],
        ["positions", "--year", "2016", "--to", "2015-12"],
        ["disputes", "--from", "2021", "--to", "2020"],
        ["ceasefires", "--from", "2021", "--to", "2020"],
    ],
)
def test_inverted_ranges_are_usage_errors(args: list[str]) -> None:
    r = nk(*args)
    assert r.returncode == 2 and "empty date range" in r.stderr and r.stdout == "", r.stderr


def test_span_refuses_an_empty_range() -> None:
    with pytest.raises(UsageError):
        query.span(None, "2020", "2016")
    s = query.span(None, "2016", "2016")
    assert s is not None and (s.first, s.last) == ("2016-01-01", "2016-12-31")


@pytest.mark.parametrize("cols", ["1000000000000", "99999999999999999999999999", "100000"])
def test_absurd_columns_are_clamped(cols: str) -> None:
    env = dict(os.environ, COLUMNS=cols)
    t0 = time.monotonic()
    for args in (["casualties", "--year", "2016", "--chart"], ["casualties", "-f", "table"],
                 ["--help"]):  # fmt: skip
        r = nk(*args, env=env, timeout=30)
        assert r.returncode == 0 and no_traceback(r.stderr), r.stderr
        assert max(len(line) for line in r.stdout.splitlines()) <= 1000 + 200
    assert time.monotonic() - t0 < 20


def test_search_is_bounded_and_linear() -> None:
    t0 = time.monotonic()
    r = nk("search", " ".join(f"word{i}" for i in range(5000)), timeout=30)
    assert r.returncode == 2 and "too long" in r.stderr and time.monotonic() - t0 < 10
    r = nk("search", " ".join(f"w{i}" for i in range(60)))
    assert r.returncode == 2 and "too many search words" in r.stderr
    r = nk("search", " ".join(["soldiers"] * 100))  # repeats count once
    assert r.returncode == 0, r.stderr
    r = nk("search", "Shusha " * 3, "-f", "json")
    assert r.returncode == 0 and json.loads(r.stdout)


def test_help_before_a_command_lists_every_command() -> None:
    assert invoked_command(["--help", "casualties"]) is None
    assert invoked_command(["casualties", "--help"]) == "casualties"
    for args in (
        ["--help", "casualties"],
        ["-h", "show", "x"],
        ["--data-dir", "x", "--help", "events"],
    ):
        r = nk(*args)
        assert r.returncode == 0, r.stderr
        for name in ("casualties", "events", "ceasefires", "positions", "show", "cite", "search",
                     "sources", "disputes", "export", "validate"):  # fmt: skip
            assert f"  {name}" in r.stdout, (args, name)


@pytest.mark.parametrize("args", [["casualties"], ["validate"], ["--version"]])
def test_relative_data_dir_in_a_deleted_directory(
    tmp_path: Path, mini: Path, args: list[str]
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()

    def leave_a_deleted_directory() -> None:
        os.chdir(gone)
        os.rmdir(gone)

    r = nk("--data-dir", "mini", *args, preexec_fn=leave_a_deleted_directory)
    assert r.returncode == 3 and no_traceback(r.stderr), r.stderr
    assert len(r.stderr.splitlines()) == 1 and "current directory no longer exists" in r.stderr


def test_clean_argv_keeps_only_the_drafts_name() -> None:
    bad = os.fsdecode(BAD)
    fixed = os.fsencode(bad).decode("utf-8", "replace")
    assert clean_argv(["check", bad]) == ["check", bad]
    assert clean_argv(["--data-dir", "check", "search", bad]) == [
        "--data-dir",
        "check",
        "search",
        fixed,
    ]
    assert clean_argv(["search", "check", bad]) == ["search", "check", fixed]
    assert clean_argv(["check", "--cite", bad, "-f", bad, bad]) == [
        "check",
        "--cite",
        fixed,
        "-f",
        fixed,
        bad,
    ]
