"""Answers kept in the index on first use (store/memo.py): `disputes` without dates is stored
by its first call and read back unchanged; never into a newer build; keyed by the code."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from nkfacts.answers import disputes, query
from nkfacts.cli import pipe
from nkfacts.core import paths
from nkfacts.store import index, memo


def _every(con: sqlite3.Connection) -> list[dict[str, object]]:
    when = query.span(None, None, None, overlapping=True)
    events = query.events(con, when=when, in_happening=True)
    return disputes.find(query.casualties(con, when=when), events)


def test_every_dispute_is_stored_on_first_use_and_read_back_the_same() -> None:
    con = index.open_index(paths.builtin_data_dir())
    key = memo.key("disputes", pipe.DISPUTE_CODE)
    assert memo.get(con, key) is None
    first = pipe.every_dispute(con)
    assert memo.get(con, key) is not None
    again = index.open_index(paths.builtin_data_dir())
    assert pipe.every_dispute(again) == first == _every(con)
    assert len(first) > 10


def test_a_newer_build_is_not_given_an_old_answer() -> None:
    con = index.open_index(paths.builtin_data_dir())
    assert index.last_opened is not None
    target = Path(index.last_opened)
    newer = target.with_name("newer.sqlite")
    shutil.copyfile(target, newer)
    with sqlite3.connect(newer) as w:
        w.execute("UPDATE meta SET value = 'other data' WHERE key = 'data_version'")
    os.replace(newer, target)  # another process renamed its build into place
    memo.put(con, "disputes|x", [])
    assert memo.get(sqlite3.connect(target), "disputes|x") is None
    fresh = index.open_index(paths.builtin_data_dir())
    memo.put(fresh, "disputes|x", [])
    assert memo.get(fresh, "disputes|x") == []


def test_the_key_carries_the_stamp_of_the_comparing_code() -> None:
    here = os.path.dirname(os.path.dirname(pipe.__file__))
    st = os.stat(os.path.join(here, "answers/disputes.py"))
    key = memo.key("disputes", pipe.DISPUTE_CODE)
    assert f"answers/disputes.py:{st.st_size}:{st.st_mtime_ns}" in key
    assert key.startswith("disputes|")


def test_an_index_in_memory_stores_nothing() -> None:
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE memo(key TEXT PRIMARY KEY, value BLOB)")
    saved, index.last_opened = index.last_opened, None
    try:
        memo.put(con, "disputes|x", [])
    finally:
        index.last_opened = saved
    assert memo.get(con, "disputes|x") is None
