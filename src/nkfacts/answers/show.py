"""`nkfacts show`: one record in full, with what it links to and what competes with it."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from nkfacts.answers import query
from nkfacts.core.contract import Casualty

Record = dict[str, Any]


def detail(con: sqlite3.Connection, rid: str) -> Record:
    """The record plus `kind`, its linked event/ceasefire, linked casualties and competing claims."""
    kind, rec = query.get(con, rid)
    out: Record = {"kind": kind, "record": rec}
    if rec.get("event"):
        out["event"] = query.get(con, rec["event"])[1]
    if kind == "violation" and rec.get("ceasefire"):  # linked only where the text names it
        out["ceasefire"] = query.get(con, rec["ceasefire"])[1]
    if kind == "casualty":
        out["competing"] = _one_per_claim(query.competing(con, rec))
        out["same_claim"] = query.same(con, "casualties", "claim", rec.get("claim"), rid)
    if kind == "event":
        out["same_happening"] = query.same(con, "events", "happening", rec.get("happening"), rid)
        out["casualties"] = query.casualties(con, event=[rid])
        rows = con.execute(
            "SELECT json FROM ceasefires WHERE json_extract(json, '$.event') = ?", (rid,)
        )
        out["ceasefires"] = [json.loads(r[0]) for r in rows]
    return out


def _one_per_claim(records: list[Casualty]) -> list[Casualty]:
    """The first record of each claim (the 3,825 stated in four sentences is one claim)."""
    seen: dict[str, Casualty] = {}
    for r in records:
        seen.setdefault(r.get("claim") or r["id"], r)
    return list(seen.values())
