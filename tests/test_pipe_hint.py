"""In a pipe, the default output is TSV; a person piping to `head` or `less` (stderr still a
terminal) is told so in one stderr line, once; scripts (stderr redirected) hear nothing."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest
from test_terminal import drain

from nkfacts.output.terminal import PIPE_HINT

pytestmark = pytest.mark.subprocess


def _run(*args: str, stderr_tty: bool) -> tuple[str, str]:
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "nkfacts", *args],
        stdout=subprocess.PIPE,
        stderr=slave if stderr_tty else subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    os.close(slave)
    out, err_pipe = proc.communicate(timeout=120)
    raw = drain(master) if stderr_tty else (err_pipe or b"")
    os.close(master)
    err = raw.decode()
    return out.decode(), err


def test_a_person_piping_is_told_once_that_the_output_is_tsv() -> None:
    out, err = _run("disputes", "--year", "2016", stderr_tty=True)
    assert out.startswith("kind\tsubject")
    assert err.count(PIPE_HINT) == 1


def test_nothing_is_said_when_stderr_is_redirected_or_a_format_is_given() -> None:
    _, err = _run("casualties", "--year", "2016", stderr_tty=False)
    assert PIPE_HINT not in err
    _, err = _run("casualties", "--year", "2016", "--format", "tsv", stderr_tty=True)
    assert PIPE_HINT not in err
