"""`nkfacts export`: the whole dataset as SQLite, JSON or CSV files."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from nkfacts.errors import NkfactsError, UsageError

Record = dict[str, Any]
KINDS = (
    ("casualties", "casualty"),
    ("events", "event"),
    ("ceasefires", "ceasefire"),
    ("violations", "violation"),
    ("positions", "position"),
)
# Scalar columns per table; lists (places, actors, brokers, terms, figures) are stored as JSON text.
COLUMNS = {
    "casualties": [
        "id",
        "party",
        "category",
        "measure",
        "start",
        "end",
        "period",
        "low",
        "high",
        "best",
        "at_least",
        "approx",
        "upper_bound",
        "figure",
        "claimant",
        "as_of",
        "event",
        "place",
        "quote",
        "note",
    ],
    "events": [
        "id",
        "date",
        "end",
        "precision",
        "title",
        "description",
        "type",
        "places",
        "actors",
        "quote",
        "note",
    ],
    "ceasefires": [
        "id",
        "name",
        "signed",
        "effective",
        "effective_time",
        "place",
        "brokers",
        "signatories",
        "terms",
        "outcome",
        "outcome_summary",
        "event",
        "quote",
        "note",
    ],
    "violations": [
        "id",
        "ceasefire",
        "date",
        "claimant",
        "accused",
        "description",
        "quote",
        "note",
    ],
    "positions": [
        "id",
        "actor",
        "kind",
        "stance",
        "start",
        "end",
        "period",
        "summary",
        "figures",
        "attributed_to",
        "denied",
        "quote",
        "note",
    ],
    "sources": ["id", "title", "url", "publisher", "file", "note"],
}


def dataset(con: sqlite3.Connection) -> dict[str, list[Record]]:
    """Every record of every kind, as the JSON contract gives them."""
    out = {}
    for table in (*(t for t, _ in KINDS), "sources"):
        out[table] = [
            json.loads(r[0]) for r in con.execute(f"SELECT json FROM {table} ORDER BY id")
        ]
    for c in out["ceasefires"]:
        c.pop("violations", None)  # exported once, in 'violations'
    return out


def _value(v: Any) -> Any:
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return v


def export(con: sqlite3.Connection, fmt: str, output: Path) -> str:
    """Write the dataset; returns a description of what was written."""
    data = dataset(con)
    citations = [
        {
            "record_id": r["id"],
            "record_kind": kind,
            "position": i + 1,
            "source": c["source"],
            "ref": c["ref"],
        }
        for table, kind in KINDS
        for r in data[table]
        for i, c in enumerate(r["citations"])
    ]
    try:
        if fmt == "json":
            output.write_text(
                json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            return f"{output} (JSON, {sum(len(v) for v in data.values())} records)"
        if fmt == "csv":
            output.mkdir(parents=True, exist_ok=True)
            for table, cols in [
                *COLUMNS.items(),
                ("citations", list(citations[0]) if citations else []),
            ]:
                rows = citations if table == "citations" else data[table]
                with open(output / f"{table}.csv", "w", newline="", encoding="utf-8") as fh:
                    w = csv.writer(fh)
                    w.writerow(cols)
                    w.writerows([[_value(r.get(c)) for c in cols] for r in rows])
            return f"{output}/ (CSV: {', '.join(COLUMNS)}, citations)"
        if fmt == "sqlite":
            return _sqlite(data, citations, output)
    except OSError as exc:
        raise NkfactsError(f"cannot write {output}: {exc.strerror or exc}") from None
    raise UsageError(f"unknown export format '{fmt}'. Valid: sqlite, json, csv")


def _sqlite(data: dict[str, list[Record]], citations: list[Record], output: Path) -> str:
    tmp = output.with_name(output.name + ".tmp")
    if tmp.exists():
        tmp.unlink()
    db = sqlite3.connect(tmp)
    db.execute(
        "CREATE TABLE sources (id TEXT PRIMARY KEY, title TEXT, url TEXT, publisher TEXT, file TEXT, note TEXT)"
    )
    for table, cols in COLUMNS.items():
        if table == "sources":
            continue
        defs = ", ".join(
            f'"{c}" {"INTEGER" if c in ("low", "high", "best") else "TEXT"}'
            + (" PRIMARY KEY" if c == "id" else "")
            for c in cols
        )
        fk = ""
        if table == "violations":
            fk = ", FOREIGN KEY (ceasefire) REFERENCES ceasefires(id)"
        db.execute(f"CREATE TABLE {table} ({defs}{fk})")
    db.execute(
        "CREATE TABLE citations (record_id TEXT, record_kind TEXT, position INTEGER, "
        "source TEXT REFERENCES sources(id), ref TEXT, PRIMARY KEY (record_id, position))"
    )
    for table, cols in COLUMNS.items():
        marks = ", ".join("?" for _ in cols)
        db.executemany(
            f"INSERT INTO {table} VALUES ({marks})",
            [[_value(r.get(c)) for c in cols] for r in data[table]],
        )
    db.executemany(
        "INSERT INTO citations VALUES (?,?,?,?,?)",
        [
            (c["record_id"], c["record_kind"], c["position"], c["source"], c["ref"])
            for c in citations
        ],
    )
    db.commit()
    db.close()
    os.replace(tmp, output)
    return f"{output} (SQLite: {', '.join(COLUMNS)}, citations)"
