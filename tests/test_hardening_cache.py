"""Hardening, the index cache: it never serves stale data, heals when damaged, falls back to
memory when it cannot be written, and leaves no temporary files behind."""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from _harden import (
    env_with,
    needs_bin,
    nk,
    no_traceback,
    restore_modes,
    temp_files,
    uncovered,
    unprivileged,
)

from nkfacts.core import paths
from nkfacts.store import cachefiles, index, rebuild


def _armenia(mini: Path, env: dict[str, str]) -> int:
    r = nk("--data-dir", str(mini), "casualties", "--party", "Armenia", "-f", "json", env=env)
    assert r.returncode == 0, r.stderr
    return int(json.loads(r.stdout)[0]["low"])


def _edit_keeping_size_and_mtime(path: Path, old: str, new: str) -> None:
    st = path.stat()
    text = path.read_text()
    assert len(old) == len(new) and old in text
    path.write_text(text.replace(old, new))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns


@needs_bin
def test_same_size_same_mtime_edit_is_seen(tmp_path: Path, mini: Path) -> None:
    env = env_with(tmp_path / "cache")
    assert _armenia(mini, env) == 42
    _edit_keeping_size_and_mtime(mini / "casualties.yaml", "low: 42", "low: 43")
    assert _armenia(mini, env) == 43


@needs_bin
def test_restore_with_cp_p_is_seen(tmp_path: Path, mini: Path) -> None:
    env = env_with(tmp_path / "cache")
    backup = tmp_path / "casualties.yaml.bak"
    subprocess.run(["cp", "-p", str(mini / "casualties.yaml"), str(backup)], check=True)
    _edit_keeping_size_and_mtime(mini / "casualties.yaml", "low: 42", "low: 41")
    assert _armenia(mini, env) == 41
    subprocess.run(["cp", "-p", str(backup), str(mini / "casualties.yaml")], check=True)
    assert _armenia(mini, env) == 42


def test_racy_files_are_hashed_and_old_ones_trusted(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index.open_index(mini).close()
    path = mini / "casualties.yaml"
    frozen = {n: cachefiles.file_state(os.path.join(mini, n)) for n in cachefiles.DATA_FILES}
    # A filesystem whose stat shows nothing of the edit (1-second timestamps, same size):
    _edit_keeping_size_and_mtime(path, "low: 42", "low: 44")
    monkeypatch.setattr(cachefiles, "file_state", lambda p: frozen[os.path.basename(p)])
    con = index.open_index(mini)  # changed within RACY_NS of the build: hashed, so rebuilt
    assert (
        json.loads(con.execute("SELECT json FROM casualties WHERE id='c-arm-2015'").fetchone()[0])[
            "low"
        ]
        == 44
    )
    # Verified again later, the stat is trusted and no file is hashed on the warm path.
    later = time.time_ns() + 3 * index.RACY_NS
    monkeypatch.setattr("nkfacts.store.index.time.time_ns", lambda: later)
    frozen = {n: cachefiles.file_state(os.path.join(mini, n)) for n in cachefiles.DATA_FILES}
    index.open_index(mini).close()
    monkeypatch.setattr(cachefiles, "sha", lambda p: pytest.fail("hashed on the warm path"))
    index.open_index(mini).close()


def test_code_changes_rebuild(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index.open_index(mini).close()
    before = index.code_key(mini)
    monkeypatch.setattr(index, "CODE_MODULES", (*index.CODE_MODULES, "output/render.py"))
    assert index.code_key(mini) != before
    con = index.open_index(mini)
    code = con.execute("SELECT value FROM meta WHERE key='code'").fetchone()[0]
    assert code == index.code_key(mini)


def _damage(cache: Path, how: str) -> None:
    (target,) = (cache / "nkfacts").glob("index-*.sqlite")
    if how == "directory":
        target.unlink()
        (target / "sub").mkdir(parents=True)
        return
    if how == "pages":
        data = bytearray(target.read_bytes())
        for at in range(8192, len(data), 4096):
            data[at : at + 200] = b"\xa5" * 200
        target.write_bytes(bytes(data))
        return
    con = sqlite3.connect(target)
    con.execute({"table": "DROP TABLE casualties", "meta": "DROP TABLE meta",
                 "schema": "ALTER TABLE casualties DROP COLUMN tsv"}[how])  # fmt: skip
    con.commit()
    con.close()


@needs_bin
@pytest.mark.parametrize("how", ["table", "meta", "schema", "pages", "directory"])
def test_damaged_index_heals_once(tmp_path: Path, mini: Path, how: str) -> None:
    env = env_with(tmp_path / "cache")
    assert _armenia(mini, env) == 42
    _damage(tmp_path / "cache", how)
    r = nk("--data-dir", str(mini), "casualties", "-f", "tsv", env=env)
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 5, r.stderr
    assert no_traceback(r.stderr) and len(r.stderr.splitlines()) <= 1
    r = nk("--data-dir", str(mini), "casualties", "-f", "tsv", env=env)
    assert r.returncode == 0 and r.stderr == ""  # healed: no note the second time
    assert not temp_files(tmp_path / "cache")


@needs_bin
@pytest.mark.parametrize("mode", [0o555, 0o666])  # not writable; not searchable
def test_unusable_cache_dir_uses_memory(tmp_path: Path, mini: Path, mode: int) -> None:
    cache = tmp_path / "cache"
    (cache / "nkfacts").mkdir(parents=True)
    (cache / "nkfacts").chmod(mode)
    with restore_modes(cache / "nkfacts"):
        r = nk("--data-dir", str(mini), "casualties", "-f", "json", env=env_with(cache),
               prefix=unprivileged())  # fmt: skip
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 4, r.stderr


def _small_files() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


@needs_bin
def test_full_disk_for_the_cache_uses_memory(tmp_path: Path, mini: Path) -> None:
    env = uncovered(env_with(tmp_path / "cache"))
    r = nk("--data-dir", str(mini), "casualties", "-f", "json", env=env, preexec_fn=_small_files)
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 4, r.stderr
    assert no_traceback(r.stderr) and not temp_files(tmp_path / "cache")


@needs_bin
def test_temp_files_of_dead_processes_are_swept(tmp_path: Path, mini: Path) -> None:
    cache = tmp_path / "cache" / "nkfacts"
    cache.mkdir(parents=True)
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = cache / f".index-0badcafe.sqlite.{dead.pid}.1.tmp"
    live = cache / f".index-0badcafe.sqlite.{os.getpid()}.1.tmp"
    for p in (stale, live):
        p.write_bytes(b"x" * 1000)
    assert nk("--data-dir", str(mini), "sources", env=env_with(tmp_path / "cache")).returncode == 0
    assert not stale.exists() and live.exists()
    assert rebuild.sweep_temps(cache) == []


def _complete(env: dict[str, str], words: str) -> subprocess.CompletedProcess[str]:
    env = dict(env, _NKFACTS_COMPLETE="complete_bash", COMP_WORDS=words,
               COMP_CWORD=str(len(words.split()) - 1))  # fmt: skip
    return nk(env=env)


@needs_bin
def test_completion_never_rebuilds(tmp_path: Path, mini: Path) -> None:
    env = env_with(tmp_path / "cache")
    r = _complete(env, f"nkfacts --data-dir {mini} show c-a")
    assert r.returncode == 0 and r.stdout.strip() == ""  # no index yet: nothing, and none built
    assert not list((tmp_path / "cache").rglob("index-*"))
    assert nk("--data-dir", str(mini), "sources", env=env).returncode == 0
    (target,) = (tmp_path / "cache" / "nkfacts").glob("index-*.sqlite")
    built = target.stat().st_mtime_ns
    path = mini / "casualties.yaml"
    path.write_text(path.read_text().replace("c-arm-2015", "c-arx-2015"))
    t0 = time.monotonic()
    r = _complete(env, f"nkfacts --data-dir {mini} show c-a")
    assert r.returncode == 0 and "c-arm-2015" in r.stdout  # the stale index answers
    assert time.monotonic() - t0 < 5 and target.stat().st_mtime_ns == built


def test_cache_paths_are_per_data_dir(tmp_path: Path) -> None:
    a, b = paths.index_path(tmp_path / "a"), paths.index_path(tmp_path / "b")
    assert a is not None and b is not None and a != b


def _plant(cache: Path, mini: Path) -> Path:
    """Build the index, then plant a figure in it (as another user could in a shared dir)."""
    env = env_with(cache)
    assert _armenia(mini, env) == 42
    (target,) = (cache / "nkfacts").glob("index-*.sqlite")
    con = sqlite3.connect(target)
    con.execute("""UPDATE casualties SET json = replace(json, '"low":42,', '"low":4242,')""")
    con.commit()
    con.close()
    assert _armenia(mini, env) == 4242  # our own index is trusted as it is
    return target


OTHER_UID = 4242


def _needs_chown() -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root")


@needs_bin
@pytest.mark.parametrize("what", ["directory", "index"])
def test_cache_of_another_user_is_ignored(tmp_path: Path, mini: Path, what: str) -> None:
    _needs_chown()
    target = _plant(tmp_path / "cache", mini)
    os.chown(target.parent if what == "directory" else target, OTHER_UID, -1)
    r = nk("--data-dir", str(mini), "casualties", "--party", "Armenia", "-f", "json",
           env=env_with(tmp_path / "cache"))  # fmt: skip
    assert r.returncode == 0 and json.loads(r.stdout)[0]["low"] == 42, r.stderr
    assert "owned by another user" in r.stderr and len(r.stderr.splitlines()) == 1
    assert "damaged" not in r.stderr and target.exists()  # not theirs to delete either


@needs_bin
def test_cache_writable_by_others_is_ignored_unless_sticky(tmp_path: Path, mini: Path) -> None:
    target = _plant(tmp_path / "cache", mini)
    target.parent.chmod(0o777)
    with restore_modes(target.parent):
        r = nk("--data-dir", str(mini), "casualties", "--party", "Armenia", "-f", "json",
               env=env_with(tmp_path / "cache"))  # fmt: skip
        assert r.returncode == 0 and json.loads(r.stdout)[0]["low"] == 42, r.stderr
        assert "writable by other users" in r.stderr
        target.parent.chmod(0o1777)  # sticky: others cannot replace what is ours
        assert _armenia(mini, env_with(tmp_path / "cache")) == 4242


def test_ownership_rule_in_process(
    tmp_path: Path, mini: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    index.open_index(mini).close()
    capsys.readouterr()
    monkeypatch.setattr(os, "geteuid", lambda: os.getuid() + 1)  # as if another user ran it
    con = index.open_index(mini)
    assert index.last_opened is None  # built in memory
    assert con.execute("SELECT count(*) FROM casualties").fetchone()[0] == 4
    assert "owned by another user" in capsys.readouterr().err
    assert index.open_existing(mini) is None  # completion does not read it either


@needs_bin
def test_unreadable_index_of_another_user_is_not_called_damaged(tmp_path: Path, mini: Path) -> None:
    _needs_chown()
    target = _plant(tmp_path / "cache", mini)
    os.chown(target, OTHER_UID, -1)
    target.chmod(0o000)
    for _ in range(2):
        r = nk("--data-dir", str(mini), "sources", env=env_with(tmp_path / "cache"),
               prefix=unprivileged())  # fmt: skip
        assert r.returncode == 0 and "damaged" not in r.stderr, r.stderr
        assert "owned by another user" in r.stderr


def test_refresh_writes_only_into_the_index_it_verified(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index.open_index(mini).close()
    found = paths.index_path(mini)
    assert found is not None
    target = Path(found)
    newer = target.with_name("newer.sqlite")
    path = mini / "casualties.yaml"
    original = path.read_text()
    # Another process builds from an edited file and renames its index into place while
    # this one verifies the old index against the restored file.
    _edit_keeping_size_and_mtime(path, "low: 42", "low: 43")
    index.open_index(mini).close()  # racy: rehashed, rebuilt with 43
    os.replace(target, newer)
    _edit_keeping_size_and_mtime(path, "low: 43", "low: 42")
    assert path.read_text() == original
    index.open_index(mini).close()  # the index of 42 again
    verdict = index._verdict

    def swap_in_between(*args: object) -> object:
        result = verdict(*args)  # type: ignore[arg-type]
        os.replace(newer, target)  # the build of 43 lands after the check, before the write
        return result

    monkeypatch.setattr(index, "_verdict", swap_in_between)
    con = index.open_index(mini)
    con.close()
    monkeypatch.setattr(index, "_verdict", verdict)
    # The build of 43 must not have been told that today's file (42) is what it was built from.
    con = index.open_index(mini)
    low = json.loads(
        con.execute("SELECT json FROM casualties WHERE id='c-arm-2015'").fetchone()[0]
    )["low"]
    assert low == 42


@pytest.mark.parametrize("value", ["relative/cache", ".", "~/cache"])
def test_relative_xdg_cache_home_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", value)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.cache_dir() == str(tmp_path / ".cache" / "nkfacts")
    monkeypatch.setenv("HOME", "relative-home")
    assert paths.cache_dir() is None


@needs_bin
def test_relative_xdg_cache_home_creates_nothing_here(tmp_path: Path, mini: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    env = dict(os.environ, XDG_CACHE_HOME="cache-here", HOME=str(tmp_path / "home"))
    r = nk("--data-dir", str(mini), "sources", env=env, cwd=work)
    assert r.returncode == 0 and list(work.iterdir()) == [], r.stderr
    assert list((tmp_path / "home" / ".cache" / "nkfacts").glob("index-*.sqlite"))


def test_group_writable_cache_of_our_own_group_is_trusted(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index.open_index(mini).close()
    found = paths.index_path(mini)
    assert found is not None
    target = Path(found)
    target.parent.chmod(0o770)  # umask 002 with a user private group
    assert paths.untrusted(target.parent, directory=True) is None
    monkeypatch.setattr(os, "getegid", lambda: os.getgid() + 1)  # a group shared with others
    assert paths.untrusted(target.parent, directory=True) is not None
    target.parent.chmod(0o700)
    assert paths.untrusted(target.parent, directory=True) is None
