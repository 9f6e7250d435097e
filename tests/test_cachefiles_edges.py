"""The index cache's file helpers, in-process: paths as printed, stat identities, content
hashes, file: URIs, read-only connections and setting a damaged cache aside (mutation testing:
the survivors of `nkfacts.store.cachefiles`, docs/development.md "Mutation testing")."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from nkfacts.core.errors import DataError
from nkfacts.store.cachefiles import file_state, file_uri, note, read_only, set_aside, sha, shown


class BrokenStream:
    def write(self, text: str) -> int:
        raise OSError("stderr is gone")

    def flush(self) -> None:
        raise OSError("stderr is gone")


def test_a_note_on_a_closed_stderr_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stderr", BrokenStream())
    note("the index cache is damaged")  # no exception: a note is never worth a crash


def test_a_note_is_one_line_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    note("rebuilding")
    assert capsys.readouterr().err == "nkfacts: rebuilding\n"


def test_a_path_of_200_characters_is_shown_whole_and_a_longer_one_cut_in_the_middle() -> None:
    assert shown("a" * 200) == "a" * 200
    assert shown("a" * 100 + "b" + "c" * 100) == "a" * 100 + "…" + "c" * 100


def test_a_path_is_shown_with_its_controls_escaped_unless_asked_not_to() -> None:
    assert shown("cache\nfile") == "cache\\nfile"
    assert shown("cache\nfile", escape=False) == "cache\nfile"


def test_a_missing_file_has_no_state(tmp_path: Path) -> None:
    assert file_state(tmp_path / "missing.yaml") == ("-", 0)
    (tmp_path / "plain").write_text("x")
    assert file_state(tmp_path / "plain" / "below") == ("-", 0)


def test_a_regular_file_state_is_its_size_times_and_inode(tmp_path: Path) -> None:
    f = tmp_path / "casualties.yaml"
    f.write_text("- id: x\n")
    st = os.stat(f)
    key, newest = file_state(f)
    assert key == f"8:{st.st_mtime_ns}:{st.st_ino}:{st.st_ctime_ns}"
    assert newest == max(st.st_mtime_ns, st.st_ctime_ns)


def test_a_directory_where_a_file_should_be_is_special(tmp_path: Path) -> None:
    d = tmp_path / "events.yaml"
    d.mkdir()
    st = os.stat(d)
    assert file_state(d)[0] == f"special:{stat.S_IFDIR}:{st.st_ino}:{st.st_ctime_ns}"


def test_an_unreadable_path_is_a_data_error_naming_it_and_why(tmp_path: Path) -> None:
    long = tmp_path / ("x" * 300)  # longer than a file name may be
    with pytest.raises(DataError) as exc:
        file_state(long)
    assert str(exc.value) == f"{shown(long)}: cannot read: File name too long"


def test_the_hash_is_the_sha256_of_the_whole_file(tmp_path: Path) -> None:
    f = tmp_path / "sources.yaml"
    content = b"- id: src-a\n" * 1000
    f.write_bytes(content)
    assert sha(f) == hashlib.sha256(content).hexdigest()
    assert sha(tmp_path / "missing") == ""


def test_a_file_uri_is_absolute_and_percent_encoded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    base = "".join(c if c.isalnum() or c in "-._~/" else f"%{ord(c):02X}" for c in str(tmp_path))
    assert file_uri("my cache?#.db") == f"file://{base}/my%20cache%3F%23.db"
    assert file_uri("é") == f"file://{base}/%C3%A9"


def test_a_read_only_connection_reads_the_file_and_cannot_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "index cache.db"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE t (x)")
        con.execute("INSERT INTO t VALUES (1)")
    con.close()
    ro = read_only(db)
    try:
        assert ro.execute("SELECT x FROM t").fetchall() == [(1,)]
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ro.execute("INSERT INTO t VALUES (2)")
    finally:
        ro.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index cache.db"]


def test_setting_aside_a_missing_cache_only_notes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "index.db"
    set_aside(target, "not a database")
    assert capsys.readouterr().err == (
        f"nkfacts: the index cache {target} is damaged (not a database); rebuilding it\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_damaged_cache_file_and_an_empty_directory_are_removed(tmp_path: Path) -> None:
    f = tmp_path / "index.db"
    f.write_text("garbage")
    set_aside(f, "not a database")
    d = tmp_path / "index2.db"
    d.mkdir()
    set_aside(d, "a directory")
    assert list(tmp_path.iterdir()) == []


def test_a_directory_with_files_is_moved_aside_not_deleted(tmp_path: Path) -> None:
    d = tmp_path / "index.db"
    d.mkdir()
    (d / "keep.txt").write_text("someone's file")
    set_aside(d, "a directory")
    [moved] = list(tmp_path.iterdir())
    assert moved.name.startswith("index.db.broken-")
    assert moved.name.removeprefix("index.db.broken-").isdigit()
    assert (moved / "keep.txt").read_text() == "someone's file"
