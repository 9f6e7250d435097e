"""The register-only-the-invoked-command trick and shell completion (README, Performance)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nkfacts import cli


def names(app: object) -> list[str]:
    return [cli._command_name(c) for c in app.registered_commands]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["casualties", "--year", "2016"], "casualties"),
        (["--data-dir", "x", "events"], "events"),
        (["--data-dir", "casualties", "events"], "events"),  # the option's value is skipped
        (["--help", "casualties"], None),  # top-level help lists every command
        (["-h"], None),
        (["--version"], None),
        (["nosuch"], None),
        ([], None),
    ],
)
def test_invoked_command(argv: list[str], expected: str | None) -> None:
    assert cli.invoked_command(argv) == expected


def test_app_for_builds_one_command_and_leaves_the_global_app_whole() -> None:
    before = names(cli.app)
    only = cli.app_for("events")
    assert names(only) == ["events"]
    assert names(cli.app) == before and len(before) == 13
    assert cli.app_for(None) is cli.app


@pytest.mark.parametrize(
    ("environ", "words"),
    [
        ({}, None),
        (
            {"_NKFACTS_COMPLETE": "complete_bash", "COMP_WORDS": "nkfacts events --actor Uni"},
            ["events", "--actor", "Uni"],
        ),
        (
            {"_NKFACTS_COMPLETE": "complete_bash", "COMP_WORDS": "nkfacts\nevents\n--actor"},
            ["events", "--actor"],
        ),
        (
            {"_NKFACTS_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "nkfacts positions --ac"},
            ["positions", "--ac"],
        ),
        (
            {"_NKFACTS_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": "nkfacts cite 'cas-"},
            ["cite", "'cas-"],
        ),
    ],
)
def test_completion_words_for_bash_zsh_and_fish(
    environ: dict[str, str], words: list[str] | None
) -> None:
    assert cli.completion_words(environ) == words


def test_bash_gets_escaped_values_zsh_and_fish_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_NKFACTS_COMPLETE", "complete_bash")
    assert cli.for_shell(["United States", "Côte d'Ivoire", "Iran"]) == [
        "United\\ States",
        "Côte\\ d\\'Ivoire",
        "Iran",
    ]
    monkeypatch.setenv("_NKFACTS_COMPLETE", "complete_zsh")
    assert cli.for_shell(["United States"]) == ["United States"]


def _complete(shell: str, line: str, tmp: Path) -> list[str]:
    env = {**os.environ, "_NKFACTS_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        words = line.split(" ")
        env.update(COMP_WORDS=line, COMP_CWORD=str(len(words) - 1))
    else:
        env.update(_TYPER_COMPLETE_ARGS=line, _TYPER_COMPLETE_FISH_ACTION="get-args")
    out = subprocess.run(
        [sys.executable, "-m", "nkfacts"], env=env, capture_output=True, text=True, timeout=60
    )
    return out.stdout.splitlines()


def test_completing_a_name_with_a_space_gives_a_working_command_line(tmp_path: Path) -> None:
    subprocess.run(  # completion never builds the index: build it first, as a user would
        [sys.executable, "-m", "nkfacts", "sources"], capture_output=True, check=True
    )
    got = _complete("bash", "nkfacts positions --actor Unit", tmp_path)
    assert "United\\ States" in got
    # The completed line, as the shell reads it, runs and finds the actor's positions.
    line = "positions --actor United\\ States --format tsv"
    run = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m nkfacts {line}"], capture_output=True, text=True
    )
    assert run.returncode == 0 and "\tUnited States\t" in run.stdout
    zsh = _complete("zsh", "nkfacts positions --actor Unit", tmp_path)
    assert any('"United States"' in x for x in zsh)
    fish = _complete("fish", "nkfacts positions --actor Unit", tmp_path)
    assert "United States" in fish
