"""A kind's checked records kept on disk while a large data set is validated (issue 26).

Validation needs every record twice: the cross-record checks go over them several times, and
the index is written from them afterwards in output order. Held as dicts, a million casualty
records take about 1.4 GB. Past `SPILL_AT` records of one kind, `validate.check` moves them
into a `Spilled` list: each record marshalled in an unnamed temporary file, only its offset
in memory. Iterating decodes each record afresh, so what a check changes in a record is lost,
except the one change the checks make, the `_bad` mark of a record with an error, which is
remembered by position. The checks that need records of the whole kind at once keep only
small tuples (`checks.py`), never the records themselves.

Below `SPILL_AT` the records stay a plain list and nothing here runs.
"""

from __future__ import annotations

import itertools
import marshal
import os
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

Rec = dict[str, Any]
SPILL_AT = 200_000  # records of one kind held as dicts; more are spilled to disk
_BLOCK = 1 << 20  # bytes read at once when the records are read in file order


class Spilled:
    """A list of records of one kind in a temporary file, in reading order (or the order
    `sort` gave them): append, len, iterate, sort, drop the bad ones."""

    def __init__(self, records: Iterable[Rec] = ()) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        self._starts = array("q")
        self._sizes = array("l")
        self._end = 0
        self._bad: set[int] = set()
        self._order: array[int] | None = None  # positions, once sorted or filtered
        self._flushed = False
        self._in_order = True  # positions increase: read in blocks, not one record at a time
        for rec in records:
            self.append(rec)

    def append(self, rec: Rec) -> None:
        if self._order is not None or self._flushed:
            raise RuntimeError("records are appended only before they are read")
        data = marshal.dumps(rec)
        self._starts.append(self._end)
        self._sizes.append(len(data))
        self._file.write(data)
        self._end += len(data)

    def __len__(self) -> int:
        return len(self._starts if self._order is None else self._order)

    def __bool__(self) -> bool:
        return len(self) > 0

    def _fd(self) -> int:
        if not self._flushed:
            self._file.flush()
            self._flushed = True
        return self._file.fileno()

    def _positions(self) -> Iterable[int]:
        return range(len(self._starts)) if self._order is None else self._order

    def at(self, pos: int) -> Rec:
        """The record at a position (its place in reading order)."""
        return self._decode(pos, os.pread(self._fd(), self._sizes[pos], self._starts[pos]))

    def _decode(self, pos: int, data: bytes) -> Rec:
        rec: Rec = marshal.loads(data)
        if pos in self._bad:
            rec["_bad"] = True
        return rec

    def _records(self) -> Iterator[tuple[int, Rec]]:
        """(position, record) in order. Read with pread, not mapped: pages of a mapped file
        count in the process's resident memory."""
        if not self._in_order:
            for pos in self._positions():
                yield pos, self.at(pos)
            return
        fd, block, block_start = self._fd(), b"", 0
        for pos in self._positions():
            start, size = self._starts[pos], self._sizes[pos]
            if start + size > block_start + len(block) or start < block_start:
                block_start = start
                block = os.pread(fd, max(size, _BLOCK), start)
            offset = start - block_start
            yield pos, self._decode(pos, block[offset : offset + size])

    def __iter__(self) -> Iterator[Rec]:
        for pos, rec in self._records():
            yield rec
            if rec.get("_bad"):
                self._bad.add(pos)

    def positioned(self) -> Iterator[tuple[int, Rec]]:
        """(position, record) in order; a position names the record for `mark_bad`."""
        for pos, rec in self._records():
            yield pos, rec
            if rec.get("_bad"):
                self._bad.add(pos)

    def mark_bad(self, pos: int) -> None:
        self._bad.add(pos)

    def drop_bad(self) -> Spilled:
        """Leave out the records marked bad (as `validate.check` does with a list)."""
        self._order = array("q", (p for p in self._positions() if p not in self._bad))
        self._bad.clear()  # positions still increase: `_in_order` holds
        return self

    def sort(self, key: Callable[[Rec], tuple[str, ...]]) -> None:
        """A stable sort by `key`, a tuple of strings, done by SQLite in a temporary database
        (its sort spills to disk too): a million keys in a Python list would take ~150 MB.
        SQLite compares text as UTF-8 bytes, which orders as Python orders code points."""
        try:
            order = _sorted_positions(self.positioned(), key)
        except (UnicodeEncodeError, _NotText):  # a lone surrogate, a key not all text
            keys = [(key(rec), pos) for pos, rec in self.positioned()]
            keys.sort()
            order = array("q", (pos for _, pos in keys))
        self._order, self._in_order = order, False

    def close(self) -> None:
        self._file.close()


class _NotText(Exception):
    """A sort key with a part that is not a string: SQLite would order it differently."""


def _sorted_positions(
    records: Iterator[tuple[int, Rec]], key: Callable[[Rec], tuple[str, ...]]
) -> array[int]:
    import sqlite3

    first = next(records, None)
    if first is None:
        return array("q")
    width = len(key(first[1]))
    cols = [f"k{i}" for i in range(width)]

    def rows() -> Iterator[tuple[Any, ...]]:
        for pos, rec in itertools.chain([first], records):
            parts = key(rec)
            if len(parts) != width or not all(isinstance(p, str) for p in parts):
                raise _NotText
            yield (*parts, pos)

    con = sqlite3.connect("")  # a private temporary database on disk
    try:
        con.execute(f"CREATE TABLE k({', '.join(cols)}, pos INTEGER)")
        con.executemany(f"INSERT INTO k VALUES ({', '.join('?' * (width + 1))})", rows())
        order = ", ".join([*cols, "pos"])
        return array("q", (p for (p,) in con.execute(f"SELECT pos FROM k ORDER BY {order}")))
    finally:
        con.close()


def positioned(records: list[Rec] | Spilled) -> Iterator[tuple[int, Rec]]:
    """(position, record) of a list or a `Spilled` list."""
    if isinstance(records, Spilled):
        return records.positioned()
    return enumerate(records)


def mark_bad(records: list[Rec] | Spilled, pos: int) -> None:
    """Mark the record at `pos` bad (an error was reported against it)."""
    if isinstance(records, Spilled):
        records.mark_bad(pos)
    else:
        records[pos]["_bad"] = True
