"""`export --format json|csv` written as the rows are read, in batches: memory stays flat in the
data size. The output is byte for byte what dumping the whole dataset at once gives
(`json.dumps(dump.dataset(con), ensure_ascii=False, indent=2)`; the CSV files of `dump`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from typing import IO, Any

Record = dict[str, Any]
BATCH = 2000


def table_records(con: sqlite3.Connection, table: str) -> Iterator[Record]:
    """One table's records as the export gives them (ceasefires without their violations,
    violations with their ceasefire's name), read in batches."""
    names: dict[str, str] = {}
    if table == "violations":
        names = dict(con.execute("SELECT id, json_extract(json, '$.name') FROM ceasefires"))
    cur = con.cursor()  # a cursor of its own: the caller may query meanwhile
    cur.execute(f"SELECT json FROM {table} ORDER BY id")
    while batch := cur.fetchmany(BATCH):
        for (j,) in batch:
            r = json.loads(j)
            if table == "ceasefires":
                r.pop("violations", None)  # exported once, in 'violations'
            elif table == "violations":
                r["ceasefire_name"] = names.get(r["ceasefire"])
            yield r


def write_json(fh: IO[str], tables: dict[str, Callable[[], Iterator[Record]]]) -> int:
    """The JSON export, one record at a time; returns how many records of the first
    `counted` tables were written (all tables but sources, actors and places)."""
    fh.write("{")
    n = 0
    for i, (table, records) in enumerate(tables.items()):
        fh.write(("," if i else "") + f"\n  {json.dumps(table, ensure_ascii=False)}: [")
        count = 0
        for r in records():
            text = json.dumps(r, ensure_ascii=False, indent=2).replace("\n", "\n    ")
            fh.write(("," if count else "") + "\n    " + text)
            count += 1
        fh.write("\n  ]" if count else "]")
        if table not in ("sources", "actors", "places"):
            n += count
    fh.write("\n}\n" if tables else "}\n")
    return n
