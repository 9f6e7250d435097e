"""`nkfacts show`: one record in full, with what it links to and what competes with it."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from nkfacts import query

Record = dict[str, Any]


def detail(con: sqlite3.Connection, rid: str) -> Record:
    """The record plus `kind`, its linked event/ceasefire, linked casualties and competing claims."""
    kind, rec = query.get(con, rid)
    out: Record = {"kind": kind, "record": rec}
    if rec.get("event"):
        out["event"] = query.get(con, rec["event"])[1]
    if kind == "violation":
        out["ceasefire"] = query.get(con, rec["ceasefire"])[1]
    if kind == "casualty":
        out["competing"] = _one_per_claim(query.competing(con, rec))
        out["same_claim"] = _same(con, "casualties", "claim", rec.get("claim"), rid)
    if kind == "event":
        out["same_happening"] = _same(con, "events", "happening", rec.get("happening"), rid)
        out["casualties"] = query.casualties(con, event=[rid])
        rows = con.execute(
            "SELECT json FROM ceasefires WHERE json_extract(json, '$.event') = ?", (rid,)
        )
        out["ceasefires"] = [json.loads(r[0]) for r in rows]
    return out


def _one_per_claim(records: list[Record]) -> list[Record]:
    """The first record of each claim (the 3,825 stated in four sentences is one claim)."""
    seen: dict[str, Record] = {}
    for r in records:
        seen.setdefault(r.get("claim") or r["id"], r)
    return list(seen.values())


def _same(con: sqlite3.Connection, table: str, key: str, value: Any, rid: str) -> list[Record]:
    """The other records of a claim or happening (the rows a table merges into one)."""
    if not value:
        return []
    rows = con.execute(
        f"SELECT json FROM {table} WHERE json_extract(json, '$.{key}') = ? AND id != ?",
        (value, rid),
    )
    return [json.loads(r[0]) for r in rows]


def _lines(rec: Record, skip: tuple[str, ...] = ()) -> list[str]:
    lines = []
    for key, value in rec.items():
        if key in skip or value in (None, [], "", False) or key.endswith("precision"):
            continue
        if key == "citations":
            for c in value:
                ref = (
                    f"ref [{c['ref']}]" if c["ref"] else "no reference label in the source sentence"
                )
                if not c["ref"] and c.get("passage_ref"):
                    ref += f"; label of the passage: [{c['passage_ref']}]"
                by = "Wikipedia" if "wikipedia.org" in c["url"] else c["source"]
                lines.append(f"  citation: {c['title']} ({by}), {ref} — {c['url']}")
        elif key == "violations":
            lines.append(
                f"  violations: {len(value)} (nkfacts ceasefires --violations --ceasefire {rec['id']})"
            )
        elif key == "quote":
            lines.append(f'  quote: "{value}"')
        elif isinstance(value, list):
            items = [v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value]
            lines.append(f"  {key}: {'; '.join(items)}")
        elif isinstance(value, bool):
            lines.append(f"  {key}: {'true' if value else 'false'}")
        else:
            lines.append(f"  {key}: {value}")
    return lines


def _summary(kind: str, r: Record) -> str:
    if kind == "casualty":
        return f"{r['figure']} {r['party']} {r['category']} {r['measure']}, {r['period']} — per {r['claimant']} ({r['id']})"
    title = r.get("title") or r.get("name") or r.get("summary") or r.get("description")
    when = r.get("when") or r.get("period") or ""
    return f"{when} {title} ({r['id']})".strip()


def detail_text(full: Record, markdown: bool = False) -> str:
    """Plain text for people (or Markdown with --format markdown)."""
    rec, kind = full["record"], full["kind"]
    head = f"{kind} {rec['id']}"
    out = [head, *_lines(rec)]
    for key, label in (("event", "linked event"), ("ceasefire", "ceasefire")):
        if full.get(key):
            out.append(f"{label}: {_summary('event', full[key])}")
    for key, label in (
        ("same_claim", "the same claim, also stated in"),
        ("same_happening", "the same happening, also recorded as"),
        ("competing", "competing figures (same party, category, measure, overlapping period)"),
        ("casualties", "casualty figures linked to this event"),
        ("ceasefires", "ceasefires linked to this event"),
    ):
        if full.get(key):
            out.append(f"{label}:")
            sub = {"ceasefires": "ceasefire", "same_happening": "event"}.get(key, "casualty")
            out.extend(f"  - {_summary(sub, r)}" for r in full[key])
    if markdown:  # no value opens a link or HTML
        from nkfacts.escape import markdown_text

        out = [f"## {head}", *(markdown_text(line) for line in out[1:])]
    return "\n".join(out) + "\n"
