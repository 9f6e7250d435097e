"""The index table of a derived record kind (`kinds.Kind.filters`), made from the registry:
its id, `date` and `end` (the period `--year`, `--from` and `--to` select by), one column per
filter, its first source, its JSON and its pre-rendered TSV row. `answers.query.listing` reads
it; `compile.Writer.derived` writes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nkfacts.core.kinds import Kind
from nkfacts.output.views import VIEWS, tsv_line


def _columns(kind: Kind) -> list[str]:
    return ["id", "date", "end", *(kind.filters or ()), "source", "json", "tsv"]


def ddl(kind: Kind) -> str:
    """CREATE TABLE and its date index."""
    cols = ", ".join(f'"{c}" TEXT' + (" PRIMARY KEY" if c == "id" else "") for c in _columns(kind))
    return f'CREATE TABLE {kind.view}({cols});\nCREATE INDEX {kind.view}_date ON {kind.view}(date, "end");'


def insert(kind: Kind) -> str:
    return f"INSERT INTO {kind.view} VALUES ({','.join('?' * len(_columns(kind)))})"


def row(kind: Kind, r: dict[str, Any], json_text: str) -> tuple[Any, ...]:
    """The table's row for record `r` (each filter a field of one text value)."""
    assert kind.view is not None and kind.filters is not None
    filters = (r[f] for f in kind.filters)
    end = r.get("end") or r["date"]
    source = r["citations"][0]["source"]
    return (r["id"], r["date"], end, *filters, source, json_text, tsv_line(VIEWS[kind.view], r))


def search(kind: Kind, r: Mapping[str, Any]) -> tuple[str, str]:
    """(body, extra) for full-text search: the kind's searched fields, the quote in quotation
    marks; the date as written and the note also find it."""
    words = [_text(r.get(f)) for f in kind.search if f not in ("quote", "note")]
    body = " ".join(w for w in [*words, f"“{r['quote']}”"] if w)
    extra = " ".join(w for w in (_text(r.get("when")), _text(r.get("note"))) if w)
    return body, extra


def _text(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return "" if value is None else str(value)
