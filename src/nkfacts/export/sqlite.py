"""The SQLite export, made for Datasette and sqlite-utils.

Every link is a real foreign key (Datasette turns it into a link), booleans are integers 0/1,
dates keep their precision and display form, lists are JSON arrays, and each record table has
an external-content FTS5 table `<table>_fts` (what `sqlite-utils enable-fts` makes), so
Datasette shows a search box. `metadata()` is the Datasette metadata written beside the file.
"""

from __future__ import annotations

import json
import sqlite3
import types
import typing
from pathlib import Path
from typing import Any

from nkfacts.core.escape import html_link, html_text
from nkfacts.core.kinds import RECORDS

Record = dict[str, Any]

# table -> [(column, SQL type and constraints)]; "bool" columns hold 0/1, "json" a JSON array.
T, INT, B, J = "TEXT", "INTEGER", "bool", "json"
SRC = ("source", "TEXT NOT NULL REFERENCES sources(id)")
# Links that Datasette shows as links; every other column's type comes from the contract.
LINKS = {
    "id": "TEXT PRIMARY KEY",
    "event": "TEXT REFERENCES events(id)",
    "part_of": "TEXT REFERENCES casualties(id)",
    "ceasefire": "TEXT REFERENCES ceasefires(id)",
    "actor": "TEXT REFERENCES actors(name)",
}
# Contract fields with tables of their own (citations; a ceasefire's violations) or that are
# counts over the other tables (a source's records and by_kind).
ELSEWHERE = ("citations", "violations", "records", "by_kind")


def _sql_type(annotation: Any) -> str:
    """SQLite type of a contract field: lists and mappings are JSON, `X | None` is X's."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if isinstance(annotation, types.UnionType) and len(args) == 1:
        return _sql_type(args[0])
    if typing.get_origin(annotation) in (list, dict):
        return J
    return {bool: B, int: INT}.get(annotation, T)


def from_contract(view: str, source: bool = True) -> list[tuple[str, str]]:
    """A record table's columns: the JSON contract's fields (nkfacts.core.contract) in its order,
    typed from their annotations, plus the record's first source."""
    from nkfacts.core.contract import SHAPES

    cols = [
        (name, LINKS.get(name) or _sql_type(annotation))
        for name, annotation in SHAPES[view].__annotations__.items()
        if name not in ELSEWHERE
    ]
    return [*cols, SRC] if source else cols


TABLES: dict[str, list[tuple[str, str]]] = {
    "sources": from_contract("sources", source=False),
    "actors": [("name", "TEXT PRIMARY KEY"), ("aliases", J)],
    "places": [("name", "TEXT PRIMARY KEY"), ("aliases", J)],
    **{k.view or k.name: from_contract(k.view or k.name) for k in RECORDS},
    "citations": [
        ("record_id", "TEXT NOT NULL"),
        ("record_kind", T),
        ("position", INT),
        ("source", "TEXT NOT NULL REFERENCES sources(id)"),
        ("ref", T),
        ("passage_ref", T),
    ],
    "event_places": [
        ("event", "TEXT NOT NULL REFERENCES events(id)"),
        ("place", "TEXT NOT NULL REFERENCES places(name)"),
    ],
    "event_actors": [
        ("event", "TEXT NOT NULL REFERENCES events(id)"),
        ("actor", "TEXT NOT NULL REFERENCES actors(name)"),
    ],
}
KEYS = {
    "citations": "record_id, position",
    "event_places": "event, place",
    "event_actors": "event, actor",
}
# Text columns searched by each table's FTS5 table (Datasette's search box).
FTS = {k.view or k.name: k.search for k in RECORDS}
RECORD_TABLES = tuple(FTS)


def _cell(kind: str, v: Any) -> Any:
    if kind == B:
        return None if v is None else int(bool(v))
    if kind == J or isinstance(v, (list, dict)):
        return json.dumps(v if v is not None else [], ensure_ascii=False)
    return v


def _ddl(table: str) -> str:
    cols = [f'"{c}" {"INTEGER" if t == B else "TEXT" if t == J else t}' for c, t in TABLES[table]]
    if table in KEYS:
        cols.append(f"PRIMARY KEY ({KEYS[table]})")
    return f'CREATE TABLE "{table}" ({", ".join(cols)})'


def _insert(db: sqlite3.Connection, table: str, rows: list[Record]) -> None:
    spec = TABLES[table]
    marks = ", ".join("?" for _ in spec)
    db.executemany(
        f'INSERT INTO "{table}" VALUES ({marks})',
        [[_cell(t, r.get(c)) for c, t in spec] for r in rows],
    )


def with_source(rows: list[Record]) -> list[Record]:
    return [{**r, "source": r["citations"][0]["source"]} for r in rows]


def _names(rows: list[Record], used: set[str]) -> list[Record]:
    """Actor/place rows; a name used by a record but missing from the list is added bare."""
    known = {r["name"] for r in rows}
    return rows + [{"name": n, "aliases": []} for n in sorted(used - known)]


def write(path: Path, data: dict[str, list[Record]], citations: list[Record]) -> None:
    """Write the whole export into the (new, empty) SQLite file at `path`."""
    db = sqlite3.connect(path)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        for table in TABLES:
            db.execute(_ddl(table))
        events = data["events"]
        places = {p for e in events for p in e["places"]}
        actors = {a for e in events for a in e["actors"]} | {p["actor"] for p in data["positions"]}
        _insert(db, "sources", data["sources"])
        _insert(db, "places", _names(data.get("places", []), places))
        _insert(db, "actors", _names(data.get("actors", []), actors))
        for table in RECORD_TABLES:
            _insert(db, table, with_source(data[table]))
        _insert(db, "citations", citations)
        _insert(
            db,
            "event_places",
            [{"event": e["id"], "place": p} for e in events for p in set(e["places"])],
        )
        _insert(
            db,
            "event_actors",
            [{"event": e["id"], "actor": a} for e in events for a in set(e["actors"])],
        )
        _fts(db)
        db.commit()
        bad = db.execute("PRAGMA foreign_key_check").fetchall()
        if bad:  # pragma: no cover - validate guarantees every link resolves
            raise RuntimeError(f"export has dangling links: {bad[:3]}")
    finally:
        db.close()


def _fts(db: sqlite3.Connection) -> None:
    """`<table>_fts` with content=[<table>], as `sqlite-utils enable-fts` builds it."""
    for table, cols in FTS.items():
        names = ", ".join(f"[{c}]" for c in cols)
        try:
            db.execute(
                f"CREATE VIRTUAL TABLE [{table}_fts] USING FTS5 ({names}, "
                f"tokenize='unicode61 remove_diacritics 2', content=[{table}])"
            )
        except sqlite3.OperationalError:  # pragma: no cover - SQLite without FTS5
            return
        db.execute(f"INSERT INTO [{table}_fts] ([{table}_fts]) VALUES ('rebuild')")


TITLES = {
    **{k.view or k.name: (k.title, k.description) for k in RECORDS},
    "sources": ("Sources", "The articles and datasets every record cites, with licences."),
    "citations": ("Citations", "Every citation of every record: source and reference label."),
}
WIKIPEDIA_LICENSE = ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/")


def _licence(s: Record) -> str:
    if s.get("license"):
        return str(s["license"])
    if "wikipedia.org" in (s.get("url") or "") or s.get("publisher") == "Wikipedia":
        return WIKIPEDIA_LICENSE[0]
    return "see source"


def metadata(db_name: str, sources: list[Record]) -> dict[str, Any]:
    """Datasette metadata: titles, descriptions, source URLs and licences."""
    lines = "".join(
        f"<li>{html_link(s['url'], s['title'])} ({_esc(s.get('publisher') or '')}; "
        f"licence: {_esc(_licence(s))})</li>"
        for s in sources
    )
    tables: dict[str, Any] = {
        t: {"title": title, "description": desc} for t, (title, desc) in TITLES.items()
    }
    tables["events"]["label_column"] = "title"
    tables["sources"]["label_column"] = "title"
    for t, cols in FTS.items():
        tables[t]["description"] += f" Search covers: {', '.join(cols)}."
    licences = sorted({_licence(s) for s in sources})
    return {
        "title": "nkfacts: cited facts on the Nagorno-Karabakh conflict",
        "description_html": "<p>Every record names its claimant, its source and a verbatim quote. "
        f"Sources:</p><ul>{lines}</ul>",
        "license": "; ".join(licences) or None,
        "license_url": WIKIPEDIA_LICENSE[1] if licences == [WIKIPEDIA_LICENSE[0]] else None,
        "databases": {db_name: {"title": "nkfacts", "tables": tables}},
    }


def _esc(text: str) -> str:
    return html_text(text)
