"""Answers derived from the whole index, kept in it on first use (the `memo` table).

`nkfacts disputes` without dates compares every casualty; its answer depends only on the data
and on the code that compares, so the first call stores it in the index and later calls read
it back. The index is rebuilt when the data change, which empties the table; the key carries
the comparing code's stamp, so an edited module is never answered from an old result.

Written like `index._refresh`: through a connection of its own, in one transaction, and only
into an index built from the same data and code as the one read (another process may have
renamed a newer build into place meanwhile). A cache that cannot be written (read-only,
busy, in memory) is simply not used: the answer is computed again next time.

Answers are stored marshalled (plain lists, dicts, strings and numbers): read back without
importing json. On the warm path: no import of json, hashlib or the validator here.
"""

from __future__ import annotations

import contextlib
import marshal
import sqlite3
import sys
from typing import Any

from nkfacts import __version__
from nkfacts.store import index

_IDENTITY = "SELECT key, value FROM meta WHERE key IN ('code', 'data_version') ORDER BY key"


def key(name: str, modules: tuple[str, ...]) -> str:
    """`name` with the stamp (size, mtime) of the package modules that compute it."""
    parts = [name, __version__, "py{}.{}".format(*sys.version_info[:2])]  # marshal's format
    return "|".join([*parts, *index.module_stamps(modules)])


def get(con: sqlite3.Connection, memo_key: str) -> Any:
    """The stored answer, or None."""
    try:
        row = con.execute("SELECT value FROM memo WHERE key = ?", (memo_key,)).fetchone()
        return marshal.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError, EOFError, TypeError):
        return None


def put(con: sqlite3.Connection, memo_key: str, value: Any) -> None:
    """Store an answer computed from `con`'s index into the file behind it, if that file still
    holds the same data and code; anything in the way leaves the cache as it is."""
    target = index.last_opened
    if target is None:
        return  # built in memory for this call only
    with contextlib.suppress(sqlite3.Error, OSError):
        read = con.execute(_IDENTITY).fetchall()
        writer = sqlite3.connect(target, timeout=0.1, isolation_level=None)
        try:
            writer.execute("BEGIN IMMEDIATE")
            if writer.execute(_IDENTITY).fetchall() != read:
                writer.execute("ROLLBACK")
                return  # another build got there first: its own first call will store it
            writer.execute("DELETE FROM memo WHERE key LIKE ?", (memo_key.split("|")[0] + "|%",))
            writer.execute("INSERT INTO memo VALUES (?, ?)", (memo_key, marshal.dumps(value)))
            writer.execute("COMMIT")
        finally:
            writer.close()
