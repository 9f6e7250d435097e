"""The register-only-the-invoked-command trick and shell completion (docs/development.md, Performance)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from nkfacts import cli
from nkfacts.cli import common as cli_common
from nkfacts.cli import typerfix


def names(app: typer.Typer) -> list[str]:
    return [typerfix.command_name(c) for c in app.registered_commands]


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
    only = typerfix.app_for(cli.app, "events")
    assert names(only) == ["events"]
    assert names(cli.app) == before and len(before) == 14
    assert typerfix.app_for(cli.app, None) is cli.app


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


def test_completions_keep_the_typed_prefix_so_typer_keeps_them() -> None:
    assert cli_common.for_shell(["Iran", "ireland"], "ir") == ["iran", "ireland"]
    assert cli_common.for_shell(["Şuşa"], "su") == ["suşa"]
    assert cli_common.for_shell(["United States"], "United St") == ["United States"]


def _complete(shell: str, line: str) -> list[str]:
    env = {**os.environ, "_NKFACTS_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        words = line.split("\n")
        env.update(COMP_WORDS=line, COMP_CWORD=str(len(words) - 1))
    else:
        env.update(_TYPER_COMPLETE_ARGS=line, _TYPER_COMPLETE_FISH_ACTION="get-args")
    out = subprocess.run(
        [sys.executable, "-m", "nkfacts"], env=env, capture_output=True, text=True, timeout=60
    )
    return out.stdout.splitlines()


def _bash_line(keys: str, where: Path, until: str) -> str:
    """Type `keys` into an interactive bash with nkfacts's completion loaded; what the screen
    shows once `until` appears on it (or after 8 s)."""
    import pty
    import select
    import time

    script = subprocess.run(
        [sys.executable, "-m", "nkfacts", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rc = where / "bashrc"
    shim = where / "bin"
    shim.mkdir()
    (shim / "nkfacts").write_text(f'#!/bin/sh\nexec {sys.executable} -m nkfacts "$@"\n')
    (shim / "nkfacts").chmod(0o755)
    rc.write_text(f"PS1='$ '\nexport PATH={shim}:$PATH\n{script}\n")
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        ["bash", "--rcfile", str(rc), "-i"], stdin=slave, stdout=slave, stderr=slave
    )
    os.close(slave)

    def read(seconds: float, done: str) -> str:
        out, end = b"", time.monotonic() + seconds
        while time.monotonic() < end and done not in out.decode(errors="replace").replace(
            "\x07", ""
        ):
            if select.select([master], [], [], 0.1)[0]:
                try:
                    out += os.read(master, 4096)
                except OSError:
                    break
        return out.decode(errors="replace")

    try:
        read(4, "$ ")  # the prompt: bash has read its rc file
        os.write(master, keys.encode())
        return read(8, until).replace("\x07", "")
    finally:
        proc.kill()
        proc.wait()
        os.close(master)


@pytest.mark.skipif(not Path("/bin/bash").exists(), reason="bash is not installed")
@pytest.mark.subprocess
def test_completing_a_name_with_a_space_gives_a_working_command_line(tmp_path: Path) -> None:
    subprocess.run(  # completion never builds the index: build it first, as a user would
        [sys.executable, "-m", "nkfacts", "sources"], capture_output=True, check=True
    )
    # Typer reads the shell from the parent processes unless told not to; with no shell among
    # them (a test runner started by a service) it printed "Shell  not supported." and exited 1.
    shown = subprocess.run(
        [sys.executable, "-m", "nkfacts", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        env={**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
    )
    # bash quotes what it inserts (stderr and status shown if the script is missing)
    assert "complete -o default -o filenames -F" in shown.stdout, (shown.returncode, shown.stderr)
    assert "United States" in _complete("bash", "nkfacts\npositions\n--actor\nUnited\\ St")
    assert "iran" in _complete("bash", "nkfacts\npositions\n--actor\nir")
    typed = _bash_line("nkfacts positions --actor United\\ St\t", tmp_path, "United\\ States")
    assert "United\\ States" in typed
    # The completed line, as the shell reads it, runs and finds the actor's positions.
    run = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m nkfacts positions --actor United\\ States -f tsv"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0 and "\tUnited States\t" in run.stdout
    assert any('"United States"' in x for x in _complete("zsh", "nkfacts positions --actor Unit"))
    assert "United States" in _complete("fish", "nkfacts positions --actor Unit")
