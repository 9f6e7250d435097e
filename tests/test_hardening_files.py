"""Hardening, odd data files: only regular files are read, without blocking; limits apply to
what is read; unreadable files are exit 3; out-of-range numbers are validation errors."""

from __future__ import annotations

import json
import os
import resource
import socket
import stat
import time
from pathlib import Path
from typing import Any

import pytest
from _harden import needs_bin, nk, no_traceback, restore_modes, uncovered, unprivileged

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


def _snapshot_problems(
    mini: Path, sources: Path, timeout: float = 30
) -> tuple[int, list[dict[str, Any]]]:
    r = nk("--data-dir", str(mini), "validate", "--sources", str(sources), "-f", "json",
           timeout=timeout, env=uncovered(), preexec_fn=_memory_limit)  # fmt: skip
    assert no_traceback(r.stderr) and len(r.stderr.splitlines()) <= 2, r.stderr[-500:]
    return r.returncode, json.loads(r.stdout)


def _memory_limit() -> None:
    limit = 500 * 1024 * 1024  # the bound for any command
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@needs_bin
@pytest.mark.parametrize(
    "name", ["../outside.txt", "ABS", "link-out.txt", "/dev/zero", "fifo.txt", "dev-zero-link"]
)
def test_snapshots_are_confined_regular_files(tmp_path: Path, mini: Path, name: str) -> None:
    snaps = tmp_path / "snaps"
    snaps.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text((mini / "article.txt").read_text())  # its content would pass every quote
    (snaps / "link-out.txt").symlink_to(outside)
    (snaps / "dev-zero-link").symlink_to("/dev/zero")
    os.mkfifo(snaps / "fifo.txt")
    file = str(outside) if name == "ABS" else name
    src = mini / "sources.yaml"
    src.write_text(src.read_text().replace("file: article.txt", f"file: '{file}'"))
    code, problems = _snapshot_problems(mini, snaps)
    assert code == 3
    (p,) = [p for p in problems if p["code"] == "source-file"]
    assert "cannot be read" in p["message"] and p["id"] == "art"


@needs_bin
def test_snapshot_in_a_subdirectory_is_read(tmp_path: Path, mini: Path) -> None:
    (tmp_path / "snaps" / "sub").mkdir(parents=True)
    (tmp_path / "snaps" / "sub" / "a.txt").write_text((mini / "article.txt").read_text())
    src = mini / "sources.yaml"
    src.write_text(src.read_text().replace("file: article.txt", "file: sub/./a.txt"))
    _, problems = _snapshot_problems(mini, tmp_path / "snaps")
    assert not [p for p in problems if p["code"] == "source-file"], problems


def _dataset(mini: Path, snaps: Path, header: str, row: str) -> None:
    snaps.mkdir(exist_ok=True)
    (snaps / "article.txt").write_text((mini / "article.txt").read_text())
    (snaps / "ds.csv").write_text(f"{header}\n{row}\n")
    with (mini / "sources.yaml").open("a") as fh:
        fh.write("- id: ds\n  kind: dataset\n  title: A dataset\n  url: https://example.org/ds\n"
                 "  file: ds.csv\n")  # fmt: skip
    quote = row.replace("'", "''")
    with (mini / "casualties.yaml").open("a") as fh:
        fh.write(f"- id: c-ds\n  party: Armenia\n  category: military\n  measure: killed\n"
                 f"  start: '1993'\n  low: 5\n  claimant: COW\n"
                 f"  citations: [{{source: ds, ref: '1/2'}}]\n  quote: '{quote}'\n")  # fmt: skip


@needs_bin
@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("BatDeath,Version", "many,4"),  # a cell that is not a whole number
        ("bd_best,bd_low", "5,5"),  # bd_high missing
        ("SideA,SideB", "Armenia,Azerbaijan"),  # SideADeaths missing
    ],
)
def test_bad_dataset_rows_are_problems(tmp_path: Path, mini: Path, header: str, row: str) -> None:
    _dataset(mini, tmp_path / "snaps", header, row)
    code, problems = _snapshot_problems(mini, tmp_path / "snaps")
    assert code == 3
    assert [p["id"] for p in problems if p["severity"] == "error"] == ["c-ds"], problems


@needs_bin
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('start: "2015"', 'start: "0000"'),
        ('start: "2015"', 'start: "1799"'),
        ('start: "2015"', 'start: "2101-01-01"'),
        ('start: "2015"', 'start: "0001"\n  end: "9999"'),
    ],
)
def test_years_are_bounded(mini: Path, old: str, new: str) -> None:
    path = mini / "casualties.yaml"
    path.write_text(path.read_text().replace(old, new, 1))
    r = nk("--data-dir", str(mini), "validate", "-f", "json")
    assert r.returncode == 3 and no_traceback(r.stderr)
    assert any(p["code"] == "date" and "1800–2100" in p["message"] for p in json.loads(r.stdout))
    for args in (["disputes"], ["check", "-"], ["casualties"]):
        r = nk("--data-dir", str(mini), *args, input="In 2015, 42 Armenian soldiers died.")
        assert r.returncode == 3 and no_traceback(r.stderr), r.stderr


@needs_bin
def test_edge_years_are_accepted(mini: Path) -> None:
    path = mini / "casualties.yaml"
    path.write_text(path.read_text().replace('start: "2015"', 'start: "1800"\n  end: "2100"', 1))
    r = nk("--data-dir", str(mini), "validate", "-f", "json")
    assert not [p for p in json.loads(r.stdout) if p["code"] == "date"], r.stdout


@needs_bin
def test_many_unknown_keys_are_capped(mini: Path) -> None:
    path = mini / "casualties.yaml"
    keys = "".join(f"  lowx{i}: 1\n" for i in range(50_000))  # each a "did you mean 'low'"
    path.write_text(path.read_text().replace("  low: 42\n", "  low: 42\n" + keys, 1))
    r = nk("--data-dir", str(mini), "validate", "-f", "json", timeout=60)
    assert r.returncode == 3 and no_traceback(r.stderr)
    unknown = [p for p in json.loads(r.stdout) if p["code"] == "unknown-field"]
    assert len(unknown) == 21 and "50,000" not in unknown[-1]["message"]
    assert "49,980 more" in unknown[-1]["message"]


@needs_bin
@pytest.mark.parametrize("fmt", ["json", "sqlite", "csv"])
def test_export_refuses_a_read_only_file(tmp_path: Path, mini: Path, fmt: str) -> None:
    out = tmp_path / ("out" if fmt == "csv" else f"out.{fmt}")
    target = out / "casualties.csv" if fmt == "csv" else out
    target.parent.mkdir(exist_ok=True)
    target.write_text("precious\n")
    target.chmod(0o444)
    with restore_modes(target):
        r = nk("--data-dir", str(mini), "export", "-f", fmt, "-o", str(out))
        assert r.returncode == 2 and len(r.stderr.splitlines()) == 1, r.stderr
        assert "read-only" in r.stderr and target.read_text() == "precious\n"
        assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_snapshot_rules_in_process(tmp_path: Path) -> None:
    from nkfacts.load.snapshots import SnapshotError, confined, read_snapshot

    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "ok.txt").write_text("fine")
    (tmp_path / "s" / "bad.txt").write_bytes(b"\xff")
    (tmp_path / "s" / "big.txt").write_text("x" * 11)
    os.mkfifo(tmp_path / "s" / "fifo")
    assert read_snapshot(tmp_path / "s", "ok.txt") == "fine"
    assert confined(tmp_path / "s", "./ok.txt") == (tmp_path / "s" / "ok.txt").resolve()
    cases = {"": "not a file name", "/etc/passwd": "absolute", "a/../ok.txt": "'..'",
             "fifo": "FIFO", "missing.txt": "No such file", "bad.txt": "utf-8", ".": "directory"}  # fmt: skip
    for name, reason in cases.items():
        with pytest.raises(SnapshotError, match=reason):
            read_snapshot(tmp_path / "s", name)
    with pytest.raises(SnapshotError, match="larger than 10 bytes"):
        read_snapshot(tmp_path / "s", "big.txt", limit=10)
