"""`nkfacts export`: the whole dataset as SQLite (for Datasette), JSON or CSV files.

Every file is written atomically (`atomic.replacing`): a failed or interrupted export leaves
the previous file whole and no temp file behind. Column names mean what the JSON fields of the
same name mean (README: Output formats); the tables are `exportdb.TABLES`.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from nkfacts.core.errors import NkfactsError, UsageError
from nkfacts.core.escape import csv_writer, shell_word
from nkfacts.core.kinds import RECORDS
from nkfacts.export import sqlite as exportdb
from nkfacts.export import streamed
from nkfacts.store.atomic import check_target, output_path, replacing, what_is
from nkfacts.store.cachefiles import shown

Record = dict[str, Any]
FORMATS = ("sqlite", "json", "csv")
KINDS = tuple((k.view or k.name, k.name) for k in RECORDS)  # (table, kind)


def _names(con: sqlite3.Connection, kind: str) -> list[Record]:
    """Actors or places from the index: canonical name and every other spelling."""
    out: dict[str, list[str]] = {}
    for canonical, display in con.execute(
        "SELECT canonical, display FROM names WHERE kind = ? ORDER BY canonical, display", (kind,)
    ):
        aliases = out.setdefault(canonical, [])
        if display != canonical and display not in aliases:
            aliases.append(display)
    return [{"name": n, "aliases": a} for n, a in out.items()]


def dataset(con: sqlite3.Connection) -> dict[str, list[Record]]:
    """Every record of every kind, as the JSON contract gives them, plus actors and places."""
    return {table: list(records()) for table, records in _tables(con).items()}


def _tables(con: sqlite3.Connection) -> dict[str, Callable[[], Iterator[Record]]]:
    """Each table of the export, read lazily, in the order `dataset` gives them."""
    out: dict[str, Callable[[], Iterator[Record]]] = {
        t: functools.partial(streamed.table_records, con, t)
        for t in (*(t for t, _ in KINDS), "sources")
    }
    out["actors"] = lambda: iter(_names(con, "actor"))
    out["places"] = lambda: iter(_names(con, "place"))
    return out


def _citation_rows(con: sqlite3.Connection) -> Iterator[Record]:
    """`citations` read record by record from the index (never the whole dataset at once)."""
    for table, kind in KINDS:
        for r in streamed.table_records(con, table):
            yield from _cites(r, kind)


def citations(data: dict[str, list[Record]]) -> list[Record]:
    """One row per citation of every record (passage_ref where the sentence has no label)."""
    return [row for table, kind in KINDS for r in data[table] for row in _cites(r, kind)]


def _cites(r: Record, kind: str) -> Iterator[Record]:
    for i, c in enumerate(r["citations"]):
        yield {
            "record_id": r["id"],
            "record_kind": kind,
            "position": i + 1,
            "source": c["source"],
            "ref": c["ref"],
            "passage_ref": c.get("passage_ref"),
        }


def export(con: sqlite3.Connection, fmt: str, output: Path | str) -> str:
    """Write the dataset; returns a description of what was written."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format '{fmt}'. Valid: {', '.join(FORMATS)}")
    path = output_path(str(output)) if isinstance(output, str) else output
    if fmt != "csv":
        check_target(path)  # before the work: a bad path fails fast
    if fmt == "json":
        with replacing(path) as tmp, open(tmp, "w", encoding="utf-8") as fh:
            n = streamed.write_json(fh, _tables(con))
        return f"{shown(path)} (JSON, {n} records)"
    if fmt == "csv":
        return _csv(con, path)
    data = dataset(con)
    cites = citations(data)
    n = sum(len(data[t]) for t, _ in KINDS)
    meta_path = path.with_name(path.stem + ".metadata.json")
    check_target(meta_path)
    with replacing(path) as tmp:
        exportdb.write(tmp, data, cites)
    meta = exportdb.metadata(path.stem, data["sources"])
    with replacing(meta_path) as tmp:
        tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return (
        f"{shown(path)} (SQLite, {n} records) and {shown(meta_path.name)}; "
        f"open with: datasette {shell_word(str(path))} -m {shell_word(str(meta_path))}"
    )


def csv_value(v: Any) -> str:
    """JSON semantics in CSV: null → empty, booleans true/false, lists as JSON arrays."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def _csv(con: sqlite3.Connection, out: Path) -> str:
    """One CSV file per table in directory `out` (created if missing; each file atomic),
    written as the rows are read."""
    _csv_dir(out)
    tables = _tables(con)
    rows: dict[str, Callable[[], Iterable[Record]]] = {
        **{t: functools.partial(_with_source, tables[t]) for t in exportdb.RECORD_TABLES},
        "sources": tables["sources"],
        "citations": functools.partial(_citation_rows, con),
    }
    targets = [out / f"{t}.csv" for t in rows]
    for target in targets:
        check_target(target)
    for table, records in rows.items():
        cols = [c for c, _ in exportdb.TABLES[table]]
        with (
            replacing(out / f"{table}.csv") as tmp,
            open(tmp, "w", newline="", encoding="utf-8") as fh,
        ):
            w = csv_writer(fh)  # RFC 4180, formulas neutralised (README, Security)
            w.writerow(cols)
            w.writerows([csv_value(r.get(c)) for c in cols] for r in records())
    return f"{shown(out)}/ (CSV: {', '.join(rows)})"


def _with_source(records: Callable[[], Iterator[Record]]) -> Iterator[Record]:
    for r in records():
        yield {**r, "source": r["citations"][0]["source"]}


def _csv_dir(out: Path) -> None:
    """Make sure `out` is a directory CSV files can be written into."""
    kind = what_is(out)
    if kind is not None and kind != "a directory":
        raise UsageError(
            f"refusing to write CSV files into {shown(out)}: it is {kind}, not a directory"
        )
    if kind is None:
        if out.exists():
            raise UsageError(f"{shown(out)} is a file; csv export writes a directory of files")
        if not out.parent.is_dir():
            raise UsageError(
                f"cannot write {shown(out)}: directory {shown(out.parent)} does not exist"
            )
        try:
            os.mkdir(out)
        except FileExistsError:
            pass  # a concurrent export made it
        except OSError as exc:
            raise NkfactsError(f"cannot create {shown(out)}: {exc.strerror or exc}") from None
