"""Hardening, signals and streams: Ctrl-C and SIGTERM at any moment, closed pipes, full disks,
closed stderr. Each case is a real process."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _harden import BIN, env_with, needs_bin, nk, no_traceback, temp_files, uncovered

pytestmark = needs_bin
REPO = Path(__file__).resolve().parent.parent


def _big(tmp_path: Path, copies: int = 60) -> Path:
    """The real data with casualties replicated: a rebuild slow enough to interrupt."""
    data = tmp_path / "big"
    shutil.copytree(REPO / "data", data)
    text = (data / "casualties.yaml").read_text()
    body = "\n".join(text.splitlines()[3:])
    extra = "".join(body.replace("- id: cas-", f"- id: x{i}-cas-") + "\n" for i in range(copies))
    (data / "casualties.yaml").write_text(text + extra)
    return data


def _rebuild_then(tmp_path: Path, signum: int) -> tuple[subprocess.Popen[str], str]:
    cache = tmp_path / "cache"
    p = subprocess.Popen(
        [BIN or "nkfacts", "--data-dir", str(_big(tmp_path)), "casualties"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env_with(cache),
    )
    deadline = time.monotonic() + 30
    while not temp_files(cache) and time.monotonic() < deadline and p.poll() is None:
        time.sleep(0.01)  # wait until the temporary index file exists
    if p.poll() is not None:
        pytest.skip("the rebuild finished before the signal could be sent")
    p.send_signal(signum)
    _out, err = p.communicate(timeout=60)
    return p, err


@pytest.mark.parametrize(("signum", "code", "word"), [(signal.SIGINT, 130, "interrupted"),
                                                      (signal.SIGTERM, 143, "terminated")])  # fmt: skip
def test_signal_during_rebuild_leaves_nothing(
    tmp_path: Path, signum: int, code: int, word: str
) -> None:
    p, err = _rebuild_then(tmp_path, signum)
    assert p.returncode == code and no_traceback(err) and f"nkfacts: {word}" in err, err
    assert not temp_files(tmp_path / "cache")


def test_kill_9_leftovers_are_swept_by_the_next_rebuild(tmp_path: Path, mini: Path) -> None:
    p, _err = _rebuild_then(tmp_path, signal.SIGKILL)
    assert p.returncode == -9 and temp_files(tmp_path / "cache")
    # Any later rebuild in the same cache directory sweeps them (here: another data dir).
    r = nk("--data-dir", str(mini), "sources", env=env_with(tmp_path / "cache"))
    assert r.returncode == 0 and not temp_files(tmp_path / "cache")


@pytest.fixture(scope="module")
def interpreter_start() -> float:
    """How long the interpreter takes, now, to reach nkfacts's first import (the entry script
    imports re and sys first): the slowest of three, as the machine's load moves it."""
    times = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import re, sys"], check=True, env=uncovered())
        times.append(time.perf_counter() - t)
    return max(times)


@pytest.mark.parametrize("delay", [0.0, 0.03, 0.08, 0.12, 0.2])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_signal_at_start_up_never_prints_a_traceback(
    delay: float, signum: int, interpreter_start: float
) -> None:
    p = subprocess.Popen(
        [BIN or "nkfacts", "casualties", "--year", "2016", "-f", "tsv"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=uncovered(),
    )
    time.sleep(delay)
    p.send_signal(signum)
    _out, err = p.communicate(timeout=60)
    if delay < max(0.08, 1.5 * interpreter_start):
        # The interpreter itself may still be starting (~20-30 ms here, more on a loaded
        # machine): before nkfacts's first import nothing of ours runs, so only "no hang, no
        # internal error" is asked.
        assert p.returncode in (0, 1, 128 + signum, -signum), err
        return
    # From nkfacts's first import on (the Typer import takes most of the first ~100 ms).
    assert p.returncode in (0, 128 + signum), err
    assert no_traceback(err) and "KeyboardInterrupt" not in err, err
    if p.returncode:
        assert err.strip().endswith("interrupted" if signum == signal.SIGINT else "terminated")


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=uncovered()
    )


def test_a_signal_after_the_answer_leaves_its_exit_status() -> None:
    # Python puts the default actions back while it shuts down: a Ctrl-C in that moment killed
    # a finished `nkfacts` by the signal (status -2, no note; seen in CI at 0.2 s). Held, the
    # signal is dropped at exit and the status is the answer's.
    r = _python(
        "import os, signal, sys, time\n"
        "from nkfacts.core import interrupts\n"
        "interrupts.install_early(); interrupts.hold()\n"
        "os.kill(os.getpid(), signal.SIGINT); os.kill(os.getpid(), signal.SIGTERM)\n"
        "time.sleep(0.05); print('after'); sys.exit(3)\n"
    )
    assert (r.returncode, r.stdout, r.stderr) == (3, "after\n", "")


def test_a_signal_where_python_cannot_raise_still_ends_the_process() -> None:
    # A weakref callback inside the import system: Python prints "Exception ignored" and goes on.
    r = _python(
        "import weakref\n"
        "from nkfacts.core import interrupts\n"
        "from nkfacts.core.errors import Interrupted\n"
        "interrupts.install_early()\n"
        "class A: pass\n"
        "def cb(ref): raise Interrupted(15)\n"
        "a = A(); ref = weakref.ref(a, cb); del a\n"
        "print('went on')\n"
    )
    assert (r.returncode, r.stdout, r.stderr) == (143, "", "nkfacts: terminated\n")


def test_other_unraisable_errors_still_reach_pythons_hook() -> None:
    r = _python(
        "import weakref\n"
        "from nkfacts.core import interrupts\n"
        "interrupts.install_early(); interrupts.install_early()\n"
        "class A: pass\n"
        "def cb(ref): raise ValueError('boom')\n"
        "a = A(); ref = weakref.ref(a, cb); del a\n"
        "print('went on')\n"
    )
    assert r.returncode == 0 and r.stdout == "went on\n"
    assert "Exception ignored" in r.stderr and "ValueError: boom" in r.stderr


COMMANDS = [
    ["casualties", "--year", "2016"],
    ["show", "c-arm-2015"],
    ["cite", "c-arm-2015", "--style", "bibtex"],
    ["--version"],
    ["--help"],
    ["casualties", "--help"],
    ["validate", "--format", "json"],
    ["search", "soldiers"],
    ["positions", "--matrix"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_closed_pipe_is_silent_exit_0(mini: Path, args: list[str]) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first byte
    try:
        r = nk("--data-dir", str(mini), *args, stdout=write, stderr=subprocess.PIPE)
    finally:
        os.close(write)
    assert r.returncode == 0 and no_traceback(r.stderr) and "BrokenPipe" not in r.stderr, r.stderr
    if args[0] != "validate":
        assert r.stderr == ""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_full_disk_is_exit_74_with_one_line(mini: Path, args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        r = nk("--data-dir", str(mini), *args, stdout=full, stderr=subprocess.PIPE)
    lines = [x for x in r.stderr.splitlines() if "valid" not in x]  # validate's own summary
    assert r.returncode == 74, r.stderr
    assert lines == ["nkfacts: cannot write output: No space left on device"], r.stderr


def _closed_stderr() -> None:
    os.close(2)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["casualties", "--party", "nosuch"], 2),
        (["casualties", "--no-such-option"], 2),
        (["nosuchcommand"], 2),
        (["casualties", "--from", "2020", "--to", "2016"], 2),
        (["events", "--grep", "no such words anywhere"], 1),
        (["casualties", "--year", "2015", "-f", "tsv"], 0),
    ],
)
def test_closed_stderr_keeps_the_exit_code(mini: Path, args: list[str], code: int) -> None:
    r = nk("--data-dir", str(mini), *args, stdout=subprocess.PIPE, preexec_fn=_closed_stderr)
    assert r.returncode == code


def test_closed_stderr_invalid_data_is_still_3(mini: Path) -> None:
    (mini / "casualties.yaml").write_text("- id: [broken\n")
    for args in (["casualties"], ["validate"]):
        r = nk("--data-dir", str(mini), *args, stdout=subprocess.PIPE, preexec_fn=_closed_stderr)
        assert r.returncode == 3
