"""The compiled index: the validated YAML, compiled once into SQLite, queried on every call.

The YAML stays the single source of truth. The index is keyed by a fingerprint of the data
files (name, size, mtime) plus the code version; a query whose fingerprint differs rebuilds it.
Rebuilds write a temporary file beside the index and rename it into place, so concurrent first
runs never see a half-written file. Where the cache directory cannot be written the index is
built in memory for this call only. A corrupt index file is rebuilt.

This module is on the warm path: it must not import yaml, rich or the validator at top level.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nkfacts import __version__, paths
from nkfacts.errors import DataError
from nkfacts.render import VIEWS, tsv_line

if TYPE_CHECKING:
    from nkfacts.validate import Dataset

SCHEMA_VERSION = "7"
DATA_FILES = (
    "sources.yaml",
    "actors.yaml",
    "places.yaml",
    "events.yaml",
    "casualties.yaml",
    "ceasefires.yaml",
    "violations.yaml",
    "positions.yaml",
)
KIND_TABLES = {
    "casualty": "casualties",
    "event": "events",
    "ceasefire": "ceasefires",
    "violation": "violations",
    "position": "positions",
    "source": "sources",
}

_DDL = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE records(id TEXT PRIMARY KEY, kind TEXT, json TEXT);
CREATE TABLE casualties(seq INTEGER PRIMARY KEY, id TEXT UNIQUE, start TEXT, "end" TEXT, party TEXT, category TEXT,
  measure TEXT, claimant TEXT, source TEXT, event TEXT, place TEXT, json TEXT, tsv TEXT);
CREATE INDEX casualties_period ON casualties(start, "end");
-- seq is the output order (period, then party, then id); one row per calendar year a
-- figure's period touches, so `--year Y` reads only its own rows, already in order.
CREATE TABLE casualty_years(year INTEGER, seq INTEGER, PRIMARY KEY (year, seq)) WITHOUT ROWID;
CREATE INDEX casualties_party ON casualties(party);
CREATE INDEX casualties_event ON casualties(event);
CREATE TABLE events(id TEXT PRIMARY KEY, date TEXT, "end" TEXT, type TEXT, actors TEXT,
  places TEXT, source TEXT, text TEXT, json TEXT, tsv TEXT);
CREATE INDEX events_date ON events(date, "end");
CREATE TABLE ceasefires(id TEXT PRIMARY KEY, signed TEXT, "end" TEXT, text TEXT, json TEXT);
CREATE TABLE violations(id TEXT PRIMARY KEY, ceasefire TEXT, date TEXT, claimant TEXT,
  source TEXT, json TEXT);
CREATE TABLE positions(id TEXT PRIMARY KEY, actor TEXT, kind TEXT, stance TEXT, start TEXT,
  "end" TEXT, period TEXT, source TEXT, json TEXT, tsv TEXT);
CREATE INDEX positions_actor ON positions(actor);
CREATE TABLE sources(id TEXT PRIMARY KEY, title TEXT, json TEXT);
CREATE TABLE names(kind TEXT, name TEXT, canonical TEXT, display TEXT);
CREATE INDEX names_name ON names(kind, name);
"""
# Full-text search uses FTS5 where this SQLite has it; otherwise a plain table and LIKE.
_FTS = """CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, id UNINDEXED, date UNINDEXED, body,
  tokenize='unicode61 remove_diacritics 2');"""
_NO_FTS = "CREATE TABLE search(kind TEXT, id TEXT, date TEXT, body TEXT);"


def _data_files(data_dir: Path) -> list[Path]:
    return [data_dir / n for n in DATA_FILES]


def fingerprint(data_dir: Path) -> str:
    """Cheap identity of the data: every file's name, size and mtime, plus the code version."""
    parts = [__version__, SCHEMA_VERSION, str(data_dir.resolve())]
    for path in _data_files(data_dir):
        try:
            st = path.stat()
            parts.append(f"{path.name}:{st.st_size}:{st.st_mtime_ns}:{int(path.is_dir())}")
        except OSError:
            parts.append(f"{path.name}:-")
    return "|".join(parts)


def data_version(data_dir: Path) -> str:
    """Short content hash of the data files: the 'data version' shown by --version."""
    import hashlib

    h = hashlib.sha256()
    for path in _data_files(data_dir):
        with contextlib.suppress(OSError):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


class Progress:
    """Progress on stderr, but only once a rebuild has taken longer than a second."""

    def __init__(self, stream: Any = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.t0 = time.monotonic()

    def __call__(self, message: str) -> None:
        if time.monotonic() - self.t0 < 1.0:
            return
        with contextlib.suppress(OSError, ValueError):
            self.stream.write(f"nkfacts: building index: {message}\n")
            self.stream.flush()


def open_index(data_dir: Path, progress: Callable[[str], None] | None = None) -> sqlite3.Connection:
    """A connection to an up-to-date index for `data_dir`, rebuilding it when needed."""
    if not data_dir.is_dir():
        raise DataError(
            f"{data_dir}: data directory not found"
            if not data_dir.exists()
            else f"{data_dir}: not a directory"
        )
    fp = fingerprint(data_dir)
    target = paths.index_path(data_dir)
    if target is not None and target.is_file():
        try:
            con = _read_only(target)
            row = con.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
            if row is not None and row[0] == fp:
                return con
            con.close()
        except sqlite3.DatabaseError:
            pass  # corrupt or foreign file: rebuild below
    return build(data_dir, fp, target, progress or Progress())


def _read_only(path: Path) -> sqlite3.Connection:
    # A proper file: URI, so cache paths with spaces, '?' or '#' work.
    return sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)


def build(
    data_dir: Path, fp: str, target: Path | None, progress: Callable[[str], None]
) -> sqlite3.Connection:
    """Validate the YAML and compile it; raise DataError (exit 3) if it has any error."""
    from nkfacts.validate import check  # heavy: yaml + validation, only on rebuild

    ds = check(data_dir, progress=progress)
    if not ds.valid:
        raise DataError(_summary(ds.errors), ds.errors)
    tmp: Path | None = None
    if target is not None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
            con = sqlite3.connect(tmp)
        except (OSError, sqlite3.Error):
            tmp = None
    if tmp is None:
        con = sqlite3.connect(":memory:")
    try:
        _fill(con, ds, fp, data_dir, progress)
    except BaseException:
        con.close()
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    if tmp is not None and target is not None:
        con.close()
        try:
            os.replace(tmp, target)
            return _read_only(target)
        except OSError:
            # Could not publish it; still answer from the file we wrote.
            return _read_only(tmp)
    return con


def _summary(errors: list[dict[str, Any]]) -> str:
    lines = [
        f"the data files have {len(errors)} error(s); run `nkfacts validate` for the full report"
    ]
    for p in errors[:10]:
        where = f"{p['file']}:{p['line']}" if p.get("line") else str(p["file"])
        rid = f" [{p['id']}]" if p.get("id") else ""
        fld = f" {p['field']}" if p.get("field") else ""
        lines.append(f"  {where}:{rid}{fld} {p['message']}")
    if len(errors) > 10:
        lines.append(f"  … and {len(errors) - 10} more")
    return "\n".join(lines)


def _bar(values: list[str]) -> str:
    """'|a|b|' so that `LIKE '%|a|%'` matches one whole name."""
    return "|" + "|".join(values) + "|" if values else ""


def _fill(
    con: sqlite3.Connection,
    ds: Dataset,
    fp: str,
    data_dir: Path,
    progress: Callable[[str], None],
) -> None:
    records = ds.records
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
    con.executescript(_DDL)
    try:
        con.executescript(_FTS)
        fts = "1"
    except sqlite3.OperationalError:  # SQLite built without FTS5
        con.executescript(_NO_FTS)
        fts = "0"
    import json

    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    aliases: dict[str, dict[str, list[str]]] = {"actor": {}, "place": {}}
    for kind in ("actor", "place"):
        for e in records.get(kind, []):
            aliases[kind][e["name"]] = e["aliases"]
            con.executemany(
                "INSERT INTO names VALUES (?,?,?,?)",
                [(kind, n.lower(), e["name"], n) for n in (e["name"], *e["aliases"])],
            )

    def with_aliases(kind: str, names: list[str]) -> list[str]:
        return [a for n in names for a in (n, *aliases[kind].get(n, []))]

    search: list[tuple[str, str, str, str]] = []
    rows: list[tuple[Any, ...]] = []
    for s in records.get("source", []):
        con.execute("INSERT INTO sources VALUES (?,?,?)", (s["id"], s["title"], dumps(s)))
    progress("casualties")
    years: list[tuple[int, int]] = []
    # Already in output order; each record is converted and written in turn.
    for seq, c in enumerate(ds.take_public("casualty")):
        j = dumps(c)
        years.extend((y, seq) for y in range(int(c["start"][:4]), int(c["end"][:4]) + 1))
        rows.append(
            (
                seq,
                c["id"],
                c["start"],
                c["end"],
                c["party"],
                c["category"],
                c["measure"],
                c["claimant"],
                c["citations"][0]["source"],
                c["event"],
                c["place"],
                j,
                tsv_line(VIEWS["casualties"], c),
            )
        )
        search.append(
            (
                "casualty",
                c["id"],
                c["start"],
                " ".join(
                    filter(
                        None,
                        (
                            c["figure"],
                            c["party"],
                            c["category"],
                            c["measure"],
                            c["claimant"],
                            c["place"],
                            c["quote"],
                            c["note"],
                        ),
                    )
                ),
            )
        )
        if len(rows) >= 5000:
            _flush_casualties(con, rows, years, search)
            progress(f"casualties: {seq + 1:,} records")
    _flush_casualties(con, rows, years, search)
    rows = []
    progress("events")
    for e in records.get("event", []):
        places = with_aliases("place", e["places"])
        text = " ".join(
            filter(None, (e["title"], e["description"], e["quote"], *places, *e["actors"]))
        )
        rows.append(
            (
                e["id"],
                e["date"],
                e["end"],
                e["type"],
                _bar([a.lower() for a in e["actors"]]),
                _bar([p.lower() for p in places]),
                e["citations"][0]["source"],
                text.lower(),
                dumps(e),
                tsv_line(VIEWS["events"], e),
            )
        )
        search.append(("event", e["id"], e["date"], text))
    con.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT INTO records VALUES (?, 'event', ?)", [(r[0], r[-2]) for r in rows])
    for c in records.get("ceasefire", []):
        start = c["signed"] or c["effective"]
        last = max([start, *(v["date"] for v in c["violations"])])
        text = " ".join(
            filter(
                None,
                (
                    c["name"],
                    c["place"],
                    c["outcome_summary"],
                    c["quote"],
                    *c["brokers"],
                    *c["signatories"],
                    *c["terms"],
                ),
            )
        )
        con.execute(
            "INSERT INTO ceasefires VALUES (?,?,?,?,?)",
            (c["id"], start, last, text.lower(), dumps(c)),
        )
        con.execute("INSERT INTO records VALUES (?, 'ceasefire', ?)", (c["id"], dumps(c)))
        search.append(("ceasefire", c["id"], start, text))
    for v in records.get("violation", []):
        con.execute(
            "INSERT INTO violations VALUES (?,?,?,?,?,?)",
            (
                v["id"],
                v["ceasefire"],
                v["date"],
                v["claimant"],
                v["citations"][0]["source"],
                dumps(v),
            ),
        )
        con.execute("INSERT INTO records VALUES (?, 'violation', ?)", (v["id"], dumps(v)))
        search.append(
            (
                "violation",
                v["id"],
                v["date"],
                " ".join(filter(None, (v["description"], v["claimant"], v["accused"], v["quote"]))),
            )
        )
    progress("positions")
    for p in records.get("position", []):
        j = dumps(p)
        con.execute(
            "INSERT INTO positions VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                p["id"],
                p["actor"],
                p["kind"],
                p["stance"],
                p["start"],
                p["end"],
                p["period"],
                p["citations"][0]["source"],
                j,
                tsv_line(VIEWS["positions"], p),
            ),
        )
        con.execute("INSERT INTO records VALUES (?, 'position', ?)", (p["id"], j))
        search.append(
            (
                "position",
                p["id"],
                p["start"] or "",
                " ".join(
                    filter(
                        None,
                        (
                            p["actor"],
                            *aliases["actor"].get(p["actor"], []),
                            p["summary"],
                            p["attributed_to"],
                            p["denied"],
                            p["quote"],
                        ),
                    )
                ),
            )
        )
    progress("search index")
    con.executemany("INSERT INTO search VALUES (?,?,?,?)", search)
    meta = {
        "fts": fts,
        "fingerprint": fp,
        "data_version": data_version(data_dir),
        "built": str(int(time.time())),
    }
    con.executemany("INSERT INTO meta VALUES (?,?)", list(meta.items()))
    con.commit()


def _flush_casualties(
    con: sqlite3.Connection,
    rows: list[tuple[Any, ...]],
    years: list[tuple[int, int]],
    search: list[tuple[str, str, str, str]],
) -> None:
    """Write one batch of casualty rows, their year entries and search texts; empty the lists."""
    con.executemany("INSERT INTO casualties VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT INTO records VALUES (?, 'casualty', ?)", [(r[1], r[-2]) for r in rows])
    con.executemany("INSERT INTO casualty_years VALUES (?,?)", years)
    con.executemany("INSERT INTO search VALUES (?,?,?,?)", search)
    rows.clear()
    years.clear()
    search.clear()


def meta(con: sqlite3.Connection, key: str) -> str | None:
    """A value from the index's meta table (e.g. 'data_version')."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])
