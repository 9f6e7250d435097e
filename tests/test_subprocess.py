"""The installed entry point as a real process: other directories, pipes, signals, locale,
terminals, and the compiled index under concurrency, corruption, staleness and no cache."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

BIN = (
    shutil.which("nkfacts", path=str(Path(sys.executable).parent)) or shutil.which("nkfacts") or ""
)
pytestmark = pytest.mark.skipif(not BIN, reason="the nkfacts entry point is not installed")


def nk(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, **kw: object
) -> subprocess.CompletedProcess[str]:
    result: subprocess.CompletedProcess[str] = subprocess.run(  # type: ignore[call-overload]
        [BIN, *args],
        capture_output=True,
        text=True,
        env=env or dict(os.environ),
        cwd=cwd,
        timeout=120,
        **kw,
    )
    return result


def test_runs_from_another_directory_and_as_module(tmp_path: Path) -> None:
    r = nk("casualties", "--year", "2016", "--format", "json", cwd=tmp_path)
    assert r.returncode == 0 and any(x["figure"] == "108–112" for x in json.loads(r.stdout))
    r = subprocess.run(
        [sys.executable, "-m", "nkfacts", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert r.returncode == 0 and r.stdout.startswith("nkfacts ")


def test_json_pipes_into_json_tool() -> None:
    p1 = subprocess.Popen([BIN, "casualties", "--format", "json"], stdout=subprocess.PIPE)
    r = subprocess.run(
        [sys.executable, "-m", "json.tool"], stdin=p1.stdout, capture_output=True, timeout=60
    )
    assert p1.wait(timeout=60) == 0 and r.returncode == 0 and b'"party"' in r.stdout


def test_broken_pipe_is_quiet() -> None:
    r = subprocess.run(
        f"'{BIN}' events --format tsv | head -n 2",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        executable="/bin/bash",
    )
    assert len(r.stdout.splitlines()) == 2
    assert "Traceback" not in r.stderr and "Broken pipe" not in r.stderr
    r = subprocess.run(
        f"set -o pipefail; '{BIN}' positions --format jsonl | head -c 10 >/dev/null",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        executable="/bin/bash",
    )
    assert r.returncode == 0 and r.stderr == ""


def test_c_locale_with_non_ascii_names() -> None:
    env = dict(os.environ, LC_ALL="C", LANG="C", PYTHONIOENCODING="")
    r = subprocess.run(
        [BIN, "events", "--place", "Füzuli", "--format", "tsv"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert b"Fuzuli" in r.stdout
    r = subprocess.run([BIN, "search", "Zəngilan"], capture_output=True, env=env, timeout=60)
    assert r.returncode in (0, 1) and b"Traceback" not in r.stderr
    r = subprocess.run(
        [BIN, "casualties", "--year", "2023", "--format", "tsv"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert r.returncode == 0 and "Aşağı Ayrım".encode() in r.stdout


def test_no_color_and_dumb_terminal_give_plain_tables() -> None:
    for extra in ({"NO_COLOR": "1"}, {"TERM": "dumb"}):
        env = dict(os.environ, COLUMNS="60", **extra)
        r = nk("casualties", "--year", "2015", "--format", "table", env=env)
        assert r.returncode == 0 and "\x1b[" not in r.stdout
        assert max(len(line) for line in r.stdout.splitlines()) <= 60 + 20  # legend URLs may run on


def test_sigint_exits_130_without_traceback(tmp_path: Path) -> None:
    # A rebuild of a large data dir is slow enough to interrupt.
    data = tmp_path / "big"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", data)
    text = (data / "casualties.yaml").read_text()
    body = "\n".join(text.splitlines()[3:])
    (data / "casualties.yaml").write_text(
        text + "".join(body.replace("- id: cas-", f"- id: x{i}-cas-") + "\n" for i in range(120))
    )
    p = subprocess.Popen(
        [BIN, "--data-dir", str(data), "casualties"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)  # well past start-up (imports), well inside the rebuild
    p.send_signal(signal.SIGINT)
    _out, err = p.communicate(timeout=60)
    if p.returncode == 0:
        pytest.skip("the command finished before the signal arrived")
    assert p.returncode == 130 and "Traceback" not in err and "interrupted" in err


def _env(cache: Path, **kw: str) -> dict[str, str]:
    return dict(os.environ, XDG_CACHE_HOME=str(cache), **kw)


def test_concurrent_first_runs_on_an_empty_cache(tmp_path: Path) -> None:
    env = _env(tmp_path / "cache")
    procs = [
        subprocess.Popen(
            [BIN, "casualties", "--year", "2016", "--format", "json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in outs]
    assert len({o for o, _ in outs}) == 1
    assert not list((tmp_path / "cache" / "nkfacts").glob("*.tmp"))


def test_corrupt_and_stale_index_and_edits_show(tmp_path: Path, mini: Path) -> None:
    env = _env(tmp_path / "cache")
    r = nk("--data-dir", str(mini), "casualties", "--format", "json", env=env)
    assert r.returncode == 0
    (index,) = (tmp_path / "cache" / "nkfacts").glob("index-*.sqlite")
    index.write_bytes(b"this is not sqlite" * 100)
    r = nk("--data-dir", str(mini), "casualties", "--format", "json", env=env)
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 4
    path = mini / "casualties.yaml"
    path.write_text(path.read_text().replace("low: 42", "low: 43"))
    r = nk("--data-dir", str(mini), "casualties", "--party", "Armenia", "--format", "json", env=env)
    assert json.loads(r.stdout)[0]["low"] == 43


def test_unwritable_cache_and_no_home(tmp_path: Path, mini: Path) -> None:
    cache = tmp_path / "ro"
    cache.mkdir()
    (cache / "nkfacts").write_text("a file where a directory should be")
    r = nk("--data-dir", str(mini), "casualties", "--format", "json", env=_env(cache))
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 4
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    r = nk("casualties", "--year", "2016", "--format", "tsv", env=env)
    assert r.returncode == 0 and "108–112" in r.stdout


def test_completion_offers_dynamic_values(tmp_path: Path) -> None:
    assert nk("sources", env=_env(tmp_path / "cache")).returncode == 0  # completion never builds
    env = _env(
        tmp_path / "cache",
        _NKFACTS_COMPLETE="complete_bash",
        COMP_WORDS="nkfacts events --place Khank",
        COMP_CWORD="3",
    )
    r = nk(env=env)
    assert r.returncode == 0 and "Khankendi" in r.stdout


def test_cache_path_with_spaces_and_specials(tmp_path: Path) -> None:
    cache = tmp_path / "my cache #1?"
    env = _env(cache)
    for _ in range(2):  # build, then read the built index
        r = nk("casualties", "--year", "2016", "--format", "tsv", env=env)
        assert r.returncode == 0 and "108–112" in r.stdout
    assert list((cache / "nkfacts").glob("index-*.sqlite"))
