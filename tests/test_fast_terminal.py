"""The fast path in a terminal (issue 26, third round): tables of `casualties`, `events`,
`positions`, `search` and `disputes` drawn without Typer are the bytes Typer's path draws, in a
real pseudo-terminal of several widths, with TERM=dumb and with NO_COLOR; stdout and stderr
(both on the terminal, as a person sees them) and the exit status are the same both ways."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_fast import PROBE, USAGE_ERRORS, readme_lines

from nkfacts.cli import fast

SHARE_CACHE = True

LINES = [a for a in readme_lines() if a and a[0] in fast.FAST] + [
    ["casualties", "--year", "2016", "--format", "tsv"],  # escaped for a terminal
    ["events", "--year", "2020", "--format", "json"],
    ["search", "Shusha", "-f", "markdown"],
    ["disputes", "--year", "2020", "--format", "csv"],
    ["casualties", "--year", "2016", "--format", "table"],
    ["positions", "--actor", "Russia", "--from", "2020-01-01", "--to", "2020-12-31"],
]
ENVIRONS = {"xterm": {}, "dumb": {"TERM": "dumb"}, "no-colour": {"NO_COLOR": "1"}}


def in_pty(
    args: list[str], fast_path: bool, width: int, more: dict[str, str], cwd: Path
) -> tuple[bytes, int]:
    """What `nkfacts ARGS` writes to a pseudo-terminal `width` columns wide (stdout and stderr
    both on it), and its exit status."""
    env = {"TERM": "xterm-256color", "NKFACTS_FAST": "1" if fast_path else "0", **more}
    return run_in_pty([sys.executable, "-m", "nkfacts", *args], width, env, cwd)


def run_in_pty(cmd: list[str], width: int, more: dict[str, str], cwd: Path) -> tuple[bytes, int]:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, width, 0, 0))
    env = {
        k: v
        for k, v in os.environ.items()
        if k != "COLUMNS" and not k.startswith(("COVERAGE_", "NKFACTS_"))
    }
    env.update(more)
    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not data:
            break
        chunks.append(data)
    status = proc.wait(timeout=120)
    os.close(master)
    return b"".join(chunks), status


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory, module_cache: Path) -> Iterator[Path]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(module_cache))
        cwd = tmp_path_factory.mktemp("fastpty")
        in_pty(["casualties", "--year", "2016"], False, 80, {}, cwd)
        yield cwd


def test_there_are_terminal_lines_the_fast_path_answers() -> None:
    assert len(LINES) >= 20
    assert sum(fast.parse(a) is not None for a in LINES) >= 15


# Every line at 80 columns; every width and environment on one line of each command (both
# paths draw with the same code: what can differ is how they read the terminal and the
# environment, which does not depend on the command line).
ONE_EACH = [next(a for a in LINES if a[0] == name) for name in sorted({a[0] for a in LINES})]
CASES = [(a, 80, "xterm") for a in LINES] + [
    (a, width, environ)
    for a in ONE_EACH
    for width in (60, 80, 120)
    for environ in ENVIRONS
    if (width, environ) != (80, "xterm")
]


@pytest.mark.parametrize(
    ("args", "width", "environ"), CASES, ids=[f"{' '.join(a)} {w} {e}" for a, w, e in CASES]
)
def test_a_terminal_sees_the_same_bytes_both_ways(
    args: list[str], width: int, environ: str, warm: Path
) -> None:
    more = ENVIRONS[environ]
    drawn = in_pty(args, True, width, more, warm)
    assert drawn == in_pty(args, False, width, more, warm)
    assert drawn[0]


def test_every_command_is_tried_at_every_width_and_environment() -> None:
    assert {a[0] for a in ONE_EACH} == set(fast.FAST)


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=" ".join)
def test_usage_errors_in_a_terminal_both_ways(args: list[str], warm: Path) -> None:
    assert in_pty(args, True, 80, {}, warm) == in_pty(args, False, 80, {}, warm)


@pytest.mark.parametrize(
    "args",
    [
        ["casualties", "--year", "2016"],
        ["events", "--year", "2023"],
        ["positions", "--actor", "Russia"],
        ["search", "Shusha"],
        ["disputes"],
    ],
    ids=" ".join,
)
def test_a_table_in_a_terminal_imports_no_typer_or_click(args: list[str], warm: Path) -> None:
    probe = PROBE.format(args=args).replace('sys.stderr.write("MODULES "', "print('MODULES '")
    probe = probe.replace(' + "\\n")', ")")
    out, status = run_in_pty([sys.executable, "-c", probe], 100, {"TERM": "xterm"}, warm)
    assert status == 0
    mods = out.rsplit(b"MODULES ", 1)[1].decode().split()
    assert "nkfacts.output.table" in mods
    assert not {m for m in mods if m.split(".")[0] in ("typer", "click", "rich")}
