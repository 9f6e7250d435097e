"""The cache decisions, in-process and exact: when the index is trusted, when a file is hashed
again, what a re-verification records, and what makes the index rebuild (docs/development.md, Performance;
nkfacts.store.index)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from nkfacts import __version__
from nkfacts.answers import rows
from nkfacts.core import paths
from nkfacts.core.errors import DataError
from nkfacts.output.views import VIEWS
from nkfacts.store import cachefiles, index

SMALL = Path(__file__).resolve().parent.parent / "data" / "small"
S = 1_000_000_000


@pytest.fixture
def data(tmp_path: Path) -> Path:
    dest = tmp_path / "small"
    shutil.copytree(SMALL, dest)
    return dest


def _index_file(data: Path) -> Path:
    """The index file of `data` (the package spells paths as strings)."""
    target = paths.index_path(data)
    assert target is not None
    return Path(target)


def _meta(target: Path) -> dict[str, str]:
    con = sqlite3.connect(target)
    try:
        return dict(con.execute("SELECT key, value FROM meta"))
    finally:
        con.close()


def _files(target: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in _meta(target)["files"].split("\n"))


def test_code_key_names_version_schema_data_dir_and_modules(data: Path) -> None:
    key = index.code_key(data).split("|")
    assert key[:3] == [__version__, index.SCHEMA_VERSION, str(data.resolve())]
    assert [k.split(":")[0] for k in key[3:]] == list(index.CODE_MODULES)
    package = Path(index.__file__).parent.parent
    st = os.stat(package / "output" / "views.py")
    assert key[3] == f"output/views.py:{st.st_size}:{st.st_mtime_ns}"
    # the views' modules are among them: their headers are stored with the rows
    assert {"output/views.py", "output/cells.py", "core/contract.py"} <= set(index.CODE_MODULES)


def test_the_index_stores_each_views_tsv_header_with_its_rows(data: Path) -> None:
    con = index.open_index(data)
    try:
        for view, cols in VIEWS.items():
            assert rows.header(con, view) == "\t".join(c.header for c in cols)
    finally:
        con.close()
    bare = sqlite3.connect(":memory:")
    bare.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
    with pytest.raises(sqlite3.DatabaseError, match="no header for events"):
        rows.header(bare, "events")  # the caller sets the index aside and rebuilds it


def test_a_built_index_records_each_file_by_stat_and_content(data: Path) -> None:
    con = index.open_index(data)
    con.close()
    target = _index_file(data)
    assert target is not None and index.last_opened == str(target)
    files = _files(target)
    assert list(files) == list(cachefiles.DATA_FILES)
    key, sha = files["casualties.yaml"].rsplit(":", 1)
    assert key == cachefiles.file_state(data / "casualties.yaml")[0]
    assert sha == cachefiles.sha(data / "casualties.yaml") and len(sha) == 64
    assert files["datasets.yaml"] == "-:"  # absent from this data set
    assert _meta(target)["data_version"] == index.data_version(data)


def _stored(**files: tuple[str, str]) -> dict[str, str]:
    return {
        "files": "\n".join(f"{n}={k}:{s}" for n, (k, s) in files.items()),
        "verified": str(100 * S),
    }


def test_verdict_trusts_an_unchanged_stat_verified_long_after_the_change(data: Path) -> None:
    meta = _stored(**{"a.yaml": ("1:2:3:4", "abc")})
    old = 100 * S - index.RACY_NS - 1
    assert index._verdict(meta, {"a.yaml": ("1:2:3:4", old)}, data) == {}


def test_verdict_hashes_a_racy_file_and_keeps_it_when_the_content_is_the_same(data: Path) -> None:
    sha = cachefiles.sha(data / "events.yaml")
    meta = _stored(**{"events.yaml": ("1:2:3:4", sha)})
    racy = 100 * S - index.RACY_NS  # changed just inside the racy window
    assert index._verdict(meta, {"events.yaml": ("1:2:3:4", racy)}, data) == {"events.yaml": sha}


def test_verdict_rebuilds_when_a_changed_file_has_new_content(data: Path) -> None:
    meta = _stored(**{"events.yaml": ("1:2:3:4", "0" * 64)})
    assert index._verdict(meta, {"events.yaml": ("9:2:3:4", 0)}, data) is None


def test_verdict_accepts_a_new_stat_with_the_same_content(data: Path) -> None:
    sha = cachefiles.sha(data / "events.yaml")
    meta = _stored(**{"events.yaml": ("1:2:3:4", sha)})
    assert index._verdict(meta, {"events.yaml": ("9:2:3:4", 0)}, data) == {"events.yaml": sha}


def test_verdict_looks_at_every_file_after_an_unchanged_one(data: Path) -> None:
    old = 100 * S - index.RACY_NS - 1
    meta = _stored(**{"a.yaml": ("1:2:3:4", "x"), "events.yaml": ("1:2:3:4", "0" * 64)})
    states = {"a.yaml": ("1:2:3:4", old), "events.yaml": ("9:2:3:4", 0)}
    assert index._verdict(meta, states, data) is None


def test_verdict_rebuilds_for_a_file_it_never_saw(data: Path) -> None:
    meta = _stored(**{"events.yaml": ("1:2:3:4", "x")})
    assert index._verdict(meta, {"other.yaml": ("1:2:3:4", 0)}, data) is None


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("-", "-", {}),  # still missing: nothing to hash
        ("special:4096:7:8", "special:4096:7:8", {}),  # same special file, any time
        ("-", "1:2:3:4", None),  # a file appeared
        ("1:2:3:4", "-", None),  # a file went away
        ("special:4096:7:8", "1:2:3:4", None),  # a FIFO became a file
    ],
)
def test_verdict_on_missing_and_special_files(
    data: Path, old: str, new: str, expected: dict[str, str] | None
) -> None:
    meta = _stored(**{"events.yaml": (old, "")})
    assert index._verdict(meta, {"events.yaml": (new, 200 * S)}, data) == expected


def test_a_touched_file_is_hashed_once_then_trusted_again(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index.open_index(data).close()
    target = _index_file(data)
    assert target is not None
    before = _meta(target)
    f = data / "events.yaml"
    st = os.stat(f)
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 7 * S))  # same content, new mtime
    new_key = cachefiles.file_state(f)[0]
    assert _files(target)["events.yaml"].rsplit(":", 1)[0] != new_key

    index.open_index(data).close()  # re-verified by content: refreshed, not rebuilt
    after = _meta(target)
    assert after["data_version"] == before["data_version"]
    assert _files(target)["events.yaml"] == f"{new_key}:{cachefiles.sha(f)}"
    for name in cachefiles.DATA_FILES:
        if name != "events.yaml":
            assert (
                _files(target)[name]
                == before["files"].split("\n")[cachefiles.DATA_FILES.index(name)].split("=", 1)[1]
            )
    assert int(after["verified"]) > int(before["verified"])

    # Verified now, long after the file's change... once the racy window has passed.
    con = sqlite3.connect(target)
    con.execute("UPDATE meta SET value = ? WHERE key = 'verified'", (str(10**20),))
    con.commit()
    con.close()
    monkeypatch.setattr(cachefiles, "sha", lambda p: pytest.fail(f"hashed {p} again"))
    index.open_index(data).close()


def test_refresh_changes_only_the_rehashed_lines_and_the_time(data: Path) -> None:
    index.open_index(data).close()
    target = _index_file(data)
    assert target is not None
    files = _files(target)
    states = {n: (f"new-{n}", 0) for n in cachefiles.DATA_FILES}
    index._refresh(str(target), states, {"places.yaml": "feed"}, 12345)
    got = _files(target)
    assert got["places.yaml"] == "new-places.yaml:feed"
    assert {n: v for n, v in got.items() if n != "places.yaml"} == {
        n: v for n, v in files.items() if n != "places.yaml"
    }
    assert list(got) == list(files)
    assert _meta(target)["verified"] == "12345"


def test_refresh_of_a_read_only_cache_is_silent(data: Path, tmp_path: Path) -> None:
    index._refresh(str(tmp_path / "missing" / "index.db"), {}, {"a": "b"}, 1)  # no exception


def test_an_index_of_other_code_is_rebuilt_quietly(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index.open_index(data).close()
    target = _index_file(data)
    assert target is not None
    con = sqlite3.connect(target)
    con.execute("UPDATE meta SET value = 'other' WHERE key = 'code'")
    con.commit()
    con.close()
    index.open_index(data).close()
    assert _meta(target)["code"] == index.code_key(data)
    assert capsys.readouterr().err == ""


def test_a_damaged_index_is_set_aside_with_a_note(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index.open_index(data).close()
    target = _index_file(data)
    assert target is not None
    target.write_bytes(b"not a database at all, just bytes" * 100)
    con = index.open_index(data)
    assert con.execute("SELECT count(*) FROM casualties").fetchone()[0] == 10
    con.close()
    err = capsys.readouterr().err
    assert err.startswith(f"nkfacts: the index cache {cachefiles.shown(target)} is damaged (")
    assert err.rstrip().endswith("); rebuilding it")


def test_a_directory_in_place_of_the_index_is_removed(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _index_file(data)
    assert target is not None
    target.parent.mkdir(parents=True, exist_ok=True)
    target.mkdir()
    index.open_index(data).close()
    assert target.is_file()
    assert "(not a regular file)" in capsys.readouterr().err


def test_discard_last_removes_the_index_it_handed_out(data: Path) -> None:
    index.open_index(data).close()
    target = _index_file(data)
    assert index.discard_last() == str(target)
    assert target is not None and not target.exists()
    assert index.discard_last() is None


def test_open_existing_gives_any_index_or_none(data: Path) -> None:
    assert index.open_existing(data) is None
    index.open_index(data).close()
    con = index.open_existing(data)
    assert con is not None
    with pytest.raises(sqlite3.OperationalError):  # read-only
        con.execute("DELETE FROM meta")
    con.close()


def test_check_data_dir_names_the_problem(data: Path) -> None:
    with pytest.raises(DataError, match=r"missing: data directory not found$"):
        index.check_data_dir(data / "missing")
    with pytest.raises(DataError, match=r"events.yaml: not a directory$"):
        index.check_data_dir(data / "events.yaml")


def test_shown_shortens_long_paths_in_the_middle() -> None:
    assert cachefiles.shown("/a/b") == "/a/b"
    long = "x" * 150 + "y" * 150
    assert cachefiles.shown(long, 20) == "x" * 10 + "…" + "y" * 10
    assert cachefiles.shown("z" * 200) == "z" * 200
    assert cachefiles.shown(os.fsdecode(b"/a/\xff")) == "/a/\\xff"


def test_version_of_skips_missing_files_and_is_short() -> None:
    a = cachefiles.version_of({"events.yaml": "1"})
    assert len(a) == 12
    assert a == cachefiles.version_of({"events.yaml": "1", "places.yaml": ""})
    assert a != cachefiles.version_of({"events.yaml": "2"})
    assert a != cachefiles.version_of({"places.yaml": "1"})


def test_progress_is_silent_for_the_first_second(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    clock = iter([0.0, 0.5, 1.5])
    import types

    monkeypatch.setattr(
        "nkfacts.store.index.time", types.SimpleNamespace(monotonic=lambda: next(clock))
    )
    out = io.StringIO()
    p = index.Progress(out)
    p("reading")
    assert out.getvalue() == ""
    p("writing")
    assert out.getvalue() == "nkfacts: building index: writing\n"
