"""Rows of the index as records, or as pre-rendered lines read in batches (`Raw`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from nkfacts.core.statictypes import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, TypeAlias

Record: TypeAlias = "dict[str, Any]"


class Raw:
    """Pre-rendered lines ('json' or 'tsv' column) as UTF-8 bytes, read in batches
    (fetchmany) and written out as they are: a full dump never holds every row, so its memory
    stays flat in the data size. Iterating yields the batches; truth is "any row"."""

    BATCH = 2000

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self.cursor = cursor
        self.head: list[bytes] = [r[0] for r in cursor.fetchmany(self.BATCH)]

    def __bool__(self) -> bool:
        return bool(self.head)

    def __iter__(self) -> Iterator[list[bytes]]:
        batch, self.head = self.head, []
        while batch:
            yield batch
            batch = [r[0] for r in self.cursor.fetchmany(self.BATCH)]

    def count(self) -> int:
        """How many lines (reads them all)."""
        return sum(len(b) for b in self)


def rows(con: sqlite3.Connection, sql: str, args: list[Any], raw: str | None = None) -> Any:
    """Records as dicts (a list), or with `raw` ('json' or 'tsv') the stored pre-rendered
    lines as UTF-8 bytes in batches (`Raw`; no decoding and encoding of megabytes of text)."""
    if raw is not None:
        query = sql.replace("SELECT json ", f"SELECT CAST({raw} AS BLOB) ", 1)
        return Raw(con.execute(query, args))
    return records(con, sql, args)


def records(con: sqlite3.Connection, sql: str, args: list[Any]) -> list[Record]:
    import json  # not on the TSV path

    texts = [r[0] for r in con.execute(sql, args)]
    # One array parsed at once: a `json.loads` call per record costs more than its parsing.
    return json.loads("[" + ",".join(texts) + "]") if texts else []


def header(con: sqlite3.Connection, view: str) -> str:
    """The TSV header line of `view`, as stored with its pre-rendered rows (`compile.headers`)."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", (f"header:{view}",)).fetchone()
    if row is None:  # every index of this schema has it: a damaged one is set aside
        raise sqlite3.DatabaseError(f"the index has no header for {view}")
    return str(row[0])
