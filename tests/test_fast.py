"""The fast path (issue 26): pipe queries answered without Typer give the same stdout, stderr
and exit status as Typer's path, for every command line of the README and every usage error;
its spec is the Typer app's."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from nkfacts.cli import fast, spec, specgen

SHARE_CACHE = True
README = Path(__file__).resolve().parent.parent / "README.md"


def readme_lines() -> list[list[str]]:
    """Every documented `nkfacts …` command line: comments and pipes after it dropped."""
    out = []
    for line in README.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(?:\$ )?nkfacts (.*)$", line)
        if m is None:
            continue
        words = shlex.split(m.group(1).split(" | ")[0].split("  #")[0])
        out.append(words)
    return out


USAGE_ERRORS = [
    ["casualties", "--year", "abc"],
    ["casualties", "--year"],
    ["casualties", "--yaer", "2016"],
    ["casualties", "--party"],
    ["casualties", "--party", "narnia"],
    ["casualties", "--format", "xml"],
    ["casualties", "--format=xml"],
    ["casualties", "--format="],
    ["casualties", "-y2016"],
    ["casualties", "-y", "2016", "-y", "2020"],
    ["casualties", "--year=2016", "--overlapping=yes"],
    ["casualties", "extra"],
    ["casualties", "--", "--year"],
    ["casualties", "--year", "99999"],
    ["casualties", "--year", "-5"],
    ["casualties", "--claimant", "nobody at all"],
    ["casualties", "--event", "ev-none"],
    ["casualties", "--from", "2020", "--to", "2019"],
    ["casualties", "--data-dir", "x"],
    ["casualties", "--help"],
    ["events", "--type", "nonsense"],
    ["events", "--from", "2023-13-01"],
    ["events", "--place", ""],
    ["events", "--grep", "zzzz-nothing"],
    ["positions", "--actor", "Narnia"],
    ["positions", "--stance", "nonsense"],
    ["positions", "--matrix", "--format", "tsv"],
    ["--data-dir", "/nonexistent/dir", "casualties"],
    ["--data-dir=/nonexistent/dir", "events"],
    ["casuals"],
    ["--version"],
    [],
    ["-h"],
    ["search"],
    ["search", "--limit", "0", "Shusha"],
    ["search", "-n", "3", "Shusha"],
    ["search", "--limit=2", "Shusha"],
    ["search", "--", "-Shusha"],
    ["search", "-x"],
    ["search", ""],
    ["search", "-"],
    ["search", "zzzz-nothing-at-all"],
    ["search", "x" * 1001],
    ["search", "Shusha", "--format", "xml"],
    ["search", "Shusha", "--help"],
    ["disputes", "--party", "narnia"],
    ["disputes", "--year", "abc"],
    ["disputes", "extra"],
    ["disputes", "--from", "2020", "--to", "2019"],
    ["disputes", "--year", "1850"],
    ["ask"],
    ["ask", ""],
    ["ask", "-"],
    ["ask", "x" * 1001],
    ["ask", "how", "many", "died", "--format", "xml"],
    ["ask", "how many died in 2016?", "--help"],
    ["ask", "zzqx florp blorp?"],
    ["ask", "--", "-how many died?"],
]
FORMATS = [
    [*line, "--format", fmt]
    for line in (["casualties", "--year", "2016"], ["events", "--year", "2020"])
    for fmt in ("tsv", "csv", "json", "jsonl", "markdown")
] + [["positions", "--actor", "Russia", "-f", "jsonl"], ["casualties", "-y", "2020", "-p", "am"]]
FORMATS += [
    [*line, "--format", fmt]
    for line in (["search", "Shusha"], ["disputes", "--year", "2020"], ["disputes"])
    for fmt in ("tsv", "csv", "json", "jsonl", "markdown")
] + [
    ["search", "fuel", "--format", "json", "depot"],
    ["search", "-f", "jsonl", "Stepanakert", "shelling"],
    ["disputes", "-p", "armenia", "-f", "jsonl"],
    *(
        ["ask", question, "--format", fmt]
        for question in ("How many Armenian soldiers died in the 2020 war?", "who supports Armenia")
        for fmt in ("tsv", "csv", "json", "jsonl", "markdown")
    ),
    ["ask", "when", "was", "the", "Bishkek", "ceasefire", "signed?", "-f", "tsv"],
    ["disputes", "--party", "az", "--party", "am", "--from", "2016-04-01", "--to", "2016-04-30"],
]


def run(args: list[str], fast_path: bool, cwd: Path, **more: str) -> tuple[bytes, bytes, int]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COVERAGE_", "NKFACTS_"))}
    env["NKFACTS_FAST"] = "1" if fast_path else "0"
    env.update(more)
    env["COLUMNS"] = "100"
    proc = subprocess.run(
        [sys.executable, "-m", "nkfacts", *args],
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    return proc.stdout, proc.stderr, proc.returncode


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory, module_cache: Path) -> Iterator[Path]:
    """A working directory, and the index built once in the module's cache (the first
    call's notes aside)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(module_cache))  # the tests get it from conftest
        cwd = tmp_path_factory.mktemp("fast")
        run(["casualties", "--year", "2016"], False, cwd)
    yield cwd


def test_the_spec_is_the_typer_apps() -> None:
    assert specgen.derive() == spec.SPEC
    assert specgen.derive_completion() == spec.COMPLETION


@pytest.mark.parametrize("args", readme_lines() + USAGE_ERRORS + FORMATS, ids=shlex.join)
def test_both_ways_give_the_same_bytes_and_status(args: list[str], warm: Path) -> None:
    assert run(args, True, warm) == run(args, False, warm)


DATA = Path(__file__).resolve().parent.parent / "data"
COMPLETIONS = [
    ("nkfacts casualties --claimant Az", 3),
    ("nkfacts casualties --claimant ", 3),
    ("nkfacts casualties --claimant zzz", 3),
    ("nkfacts casualties --format ", 3),
    ("nkfacts casualties --format j", 3),
    ("nkfacts casualties -f J", 3),
    ("nkfacts positions --actor ir", 3),
    ("nkfacts events --place su", 3),
    ("nkfacts events --actor Azerbaijan", 3),
    ("nkfacts casualties --party b", 3),
    ("nkfacts casualties -p A", 3),
    ("nkfacts casualties --year 2016 --party A", 5),
    ("nkfacts casualties --chart --party A", 4),
    ("nkfacts casualties --party A --party ", 5),
    ("nkfacts casualties --event ev-2016", 3),
    ("nkfacts --data-dir /nonexistent/dir casualties --claimant A", 5),
    (f"nkfacts --data-dir {DATA} casualties --claimant A", 5),
    ("nkfacts casualties --claimant=Az", 2),
    ("nkfacts casualties --cl", 2),
    ("nkfacts cas", 1),
    ("nkfacts show cas-nk", 2),
    ("nkfacts search Shusha --format j", 4),
    ('nkfacts casualties --claimant "Az', 3),
    ("nkfacts casualties --claimant United\\ St", 3),
    ("nkfacts casualties --claimant Az extra", 3),
    ("nkfacts casualties --claimant Az", 9),
    ("nkfacts casualties --claimant Az", 0),
    ("nkfacts casualties --year --party A", 4),
    ("nkfacts casualties --overlapping", 2),
    ("nkfacts export --format s", 3),
    ("nkfacts disputes --party a", 3),
    ("nkfacts ceasefires --format m", 3),
    ("nkfacts cite --style a", 3),
    ("nkfacts casualties --measure k", 3),
]


@pytest.mark.parametrize(("words", "cword"), COMPLETIONS, ids=lambda x: str(x))
def test_bash_completion_both_ways(words: str, cword: int, warm: Path) -> None:
    more = {"_NKFACTS_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    assert run([], True, warm, **more) == run([], False, warm, **more)


def test_completion_of_a_value_imports_no_typer(warm: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COVERAGE_", "NKFACTS_"))}
    env.update(
        _NKFACTS_COMPLETE="complete_bash",
        COMP_WORDS="nkfacts casualties --claimant Az",
        COMP_CWORD="3",
    )
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=[])],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.stdout.startswith("Azerbaijani"), proc.stdout
    mods = proc.stderr.rsplit("MODULES ", 1)[1].split()
    assert not {m for m in mods if m.split(".")[0] in ("typer", "click")}


def test_the_readme_has_command_lines_for_the_fast_path() -> None:
    lines = readme_lines()
    assert len(lines) > 30
    assert sum(fast.parse(a) is not None for a in lines) >= 10


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


def modules_after(args: list[str]) -> list[str]:
    """The modules a fast-path run of `nkfacts ARGS` imported (PROBE), without coverage's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    env["NKFACTS_FAST"] = "1"
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    return proc.stderr.rsplit("MODULES ", 1)[1].split()


@pytest.mark.parametrize(
    "args",
    [
        ["casualties", "--year", "2016", "--format", "tsv"],
        ["events", "--year", "2020", "--format", "json"],
        ["positions", "--actor", "Russia"],
        ["search", "Shusha"],
        ["disputes", "--year", "2020", "--format", "json"],
    ],
)
def test_a_pipe_query_imports_no_typer_or_click(args: list[str], warm: Path) -> None:
    mods = modules_after(args)
    assert "nkfacts.cli.pipe" in mods
    assert not {m for m in mods if m.split(".")[0] in ("typer", "click", "dataclasses")}


def test_a_question_in_a_pipe_imports_no_typer_or_click(warm: Path) -> None:
    mods = modules_after(["ask", "How many Armenian soldiers died in the 2020 war?", "-f", "tsv"])
    assert "nkfacts.ask" in mods  # the question was answered
    assert not {m for m in mods if m.split(".")[0] in ("typer", "click")}


def test_the_parser_takes_the_words_of_search_and_its_defaults() -> None:
    assert fast.parse(["search", "fuel", "-f", "json", "depot"]) == (
        "search",
        {"words": ["fuel", "depot"], "limit": 50, "fmt": "json"},
        None,
    )


def test_the_parser_leaves_anything_uncertain_to_typer() -> None:
    assert fast.parse(["casualties", "--year", "2016"]) is not None
    assert fast.parse(["--data-dir", "d", "events", "--grep=x", "-g", "y"]) == (
        "events",
        {
            "year": None,
            "date_from": None,
            "date_to": None,
            "overlapping": False,
            "type_": None,
            "actor": None,
            "place": None,
            "grep": ["x", "y"],
            "source": None,
            "claims": False,
            "fmt": None,
        },
        "d",
    )
    for args in (
        ["casualties", "--chart"],
        ["casualties", "-y2016"],
        ["casualties", "--year", "x"],
        ["casualties", "--overlapping=1"],
        ["casualties", "--grep", "x"],
        ["casualties", "--party", "-x"],
        ["show", "x"],
        ["--version"],
        [],
        ["positions", "--by-actor"],
        ["search"],
        ["search", "--limit", "5", "x"],
        ["search", "x", "--", "y"],
        ["disputes", "x"],
    ):
        assert fast.parse(args) is None, args
