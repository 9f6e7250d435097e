"""Hardening, odd data files: only regular files are read, without blocking; limits apply to
what is read; unreadable files are exit 3; out-of-range numbers are validation errors."""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

import pytest
from _harden import needs_bin, nk, no_traceback, restore_modes, unprivileged

from nkfacts.load import yamlsafe
from nkfacts.load.yamlsafe import YamlError

ARGS = (["casualties"], ["validate"], ["--version"])


def _replace_with(path: Path, kind: str) -> socket.socket | None:
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "dev-null":
        path.symlink_to("/dev/null")
    elif kind == "directory":
        path.mkdir()
    elif kind == "socket":
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(path))
        return s
    return None


@needs_bin
@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dev-null", "directory", "socket"])
def test_only_regular_files_are_read(mini: Path, kind: str) -> None:
    if kind == "socket" and len(str(mini)) > 90:
        pytest.skip("path too long for a unix socket")
    sock = _replace_with(mini / "casualties.yaml", kind)
    try:
        for args in ARGS:
            t0 = time.monotonic()
            r = nk("--data-dir", str(mini), *args, timeout=20)
            assert time.monotonic() - t0 < 10 and no_traceback(r.stderr), r.stderr
            if args[0] == "--version":
                assert r.returncode == 0
            else:
                assert r.returncode == 3 and "casualties.yaml" in r.stdout + r.stderr, r.stderr
    finally:
        if sock is not None:
            sock.close()


def test_limit_applies_to_what_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(yamlsafe, "MAX_BYTES", 64)
    # /proc files claim a size of 0 but have content: st_size must not be trusted.
    proc = Path("/proc/self/status")
    if proc.exists():
        assert proc.stat().st_size == 0
        with pytest.raises(YamlError, match="too large"):
            yamlsafe.read_bytes(proc)
    big = tmp_path / "big.yaml"
    big.write_text("- a: 1\n" * 100)
    with pytest.raises(YamlError, match="too large"):
        yamlsafe.read_bytes(big)
    ok = tmp_path / "ok.yaml"
    ok.write_text("- a: 1\n")
    assert yamlsafe.read_bytes(ok) == b"- a: 1\n"


@needs_bin
@pytest.mark.parametrize(
    ("target", "mode"),
    [("casualties.yaml", 0o000), ("events.yaml", 0o200), (".", 0o600), (".", 0o000)],
)
def test_unreadable_files_and_directories_are_exit_3(mini: Path, target: str, mode: int) -> None:
    path = mini / target
    path.chmod(mode)
    with restore_modes(path):
        for args in (["casualties"], ["validate"], ["events"]):
            r = nk("--data-dir", str(mini), *args, prefix=unprivileged())
            assert r.returncode == 3 and no_traceback(r.stderr), r.stderr
            assert "ermission denied" in r.stdout + r.stderr


def _add_field(mini: Path, name: str, line: str) -> None:
    path = mini / name
    text = path.read_text()
    first_record_end = text.index("\n- ", 1) if "\n- " in text[1:] else len(text)
    path.write_text(text[:first_record_end] + "\n" + line + text[first_record_end:])


@needs_bin
def test_huge_vocabulary_value_is_fast_and_short(mini: Path) -> None:
    r = nk("--data-dir", str(mini), "show", "c" * 100_000, timeout=30)
    assert r.returncode == 2 and len(r.stderr) < 1000
    path = mini / "casualties.yaml"
    path.write_text(path.read_text().replace("party: Armenia", "party: " + "x" * 2_000_000, 1))
    t0 = time.monotonic()
    r = nk("--data-dir", str(mini), "validate", timeout=30)
    assert r.returncode == 3 and time.monotonic() - t0 < 15 and "unknown party" in r.stdout
    assert len(r.stdout) + len(r.stderr) < 20_000 and "did you mean" not in r.stdout


@needs_bin
@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("casualties.yaml", "low: 42", "low: 9223372036854775808"),
        ("casualties.yaml", "low: 42", "low: 99999999999999999999999"),
        ("positions.yaml", "summary:", "figures: [{value: 1e400}]\n  summary:"),
        ("positions.yaml", "summary:", "figures: [{value: -1e400}]\n  summary:"),
        ("positions.yaml", "summary:", "figures: [{value: .inf}]\n  summary:"),
        ("positions.yaml", "summary:", "figures: [{value: .nan}]\n  summary:"),
        ("positions.yaml", "summary:", "figures: [{value: 9223372036854775808}]\n  summary:"),
    ],
)
def test_out_of_range_numbers_are_validation_errors(
    mini: Path, file: str, old: str, new: str
) -> None:
    path = mini / file
    path.write_text(path.read_text().replace(old, new, 1))
    r = nk("--data-dir", str(mini), "validate", "--format", "json")
    assert r.returncode == 3, r.stderr
    problems = json.loads(r.stdout)
    assert any(p["file"].endswith(file) and p["severity"] == "error" for p in problems)
    r = nk("--data-dir", str(mini), "positions", "--format", "json")
    assert r.returncode == 3 and "Infinity" not in r.stdout and "NaN" not in r.stdout


@needs_bin
def test_largest_integer_is_accepted(mini: Path) -> None:
    path = mini / "casualties.yaml"
    path.write_text(path.read_text().replace("low: 42", "low: 9223372036854775807", 1))
    r = nk("--data-dir", str(mini), "validate")
    assert r.returncode in (0, 3) and "number too large" not in r.stdout + r.stderr
