"""What every citation style needs: the record with its source (`Item`), the claim sentence,
where in the source, year, authors, publisher.

A record cites its own source: a Wikipedia article (with the reference label(s) printed next
to the fact, or the label closing its paragraph, `passage_ref`) or a dataset (authors, year,
version, licence, the row's key). Wikitext never hands out a Wikipedia citation for Wikipedia
(circular sourcing): it says so and names the reference to follow instead.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from nkfacts.core.claims import claim_sentence

Record = Mapping[str, Any]  # a record read (the contract's TypedDicts)


class Cited(NamedTuple):
    """The text to print, and warnings for stderr."""

    text: str
    warnings: list[str]


class Item(NamedTuple):
    """One record with what its citation needs."""

    kind: str
    rec: Record
    source: Record

    @property
    def is_dataset(self) -> bool:
        return self.source.get("kind") == "dataset"

    @property
    def is_wikipedia(self) -> bool:
        s = self.source
        return not self.is_dataset and (
            "wikipedia.org/" in (s.get("url") or "") or s.get("publisher") == "Wikipedia"
        )


def load_sources(con: sqlite3.Connection) -> dict[str, Record]:
    """Every source record (the `sources` JSON), by id."""
    return {sid: json.loads(j) for sid, j in con.execute("SELECT id, json FROM sources")}


def statement(kind: str, r: Record) -> str:
    """One neutral, attributed sentence for the record."""
    if kind == "casualty":  # whose people in words (core.people); the article's own voice
        return claim_sentence(r, "cite")
    if kind == "position":
        text = f"{r['actor']}: {r['summary']}"
    elif kind == "ceasefire":
        text = f"{r['name']} ({r['when']})"
    elif kind == "violation":
        text = f"{r['when']}: {r['description']}"
    else:
        text = f"{r.get('when', '')}: {r.get('title') or r.get('summary')}"
    return text.removesuffix(".")  # every style ends the sentence itself


def where(item: Item) -> str:
    """Where in the source: 'ref. [167], [174]', 'row 388/2016', the passage's label, …"""
    cs = item.rec["citations"]
    if item.is_dataset:
        rows = [c["ref"] for c in cs if c["ref"]]
        return "row " + ", ".join(rows) if rows else "the whole dataset"
    refs = [f"[{c['ref']}]" for c in cs if c["ref"]]
    passages = [f"[{c['passage_ref']}]" for c in cs if not c["ref"] and c.get("passage_ref")]
    parts = []
    if refs:
        parts.append(("refs. " if len(refs) > 1 else "ref. ") + ", ".join(refs))
    if passages:
        parts.append("no label on the sentence; label of the passage: " + ", ".join(passages))
    if len(refs) + len(passages) < len(cs):
        parts.append("no reference label")
    return "; ".join(parts)


WIKIPEDIA_AUTHOR = "Wikipedia contributors"  # how Wikipedia asks to be cited (Special:Cite)
HASH_SHOWN = 16  # hex digits of the snapshot's SHA-256 in text for people


def quote_text(item: Item) -> str:
    """The quote for a citation: a dataset's row in words (`rows.readable`; the verbatim row
    stays the record's `quote`), an article's sentence as it is."""
    if not item.is_dataset:
        return str(item.rec["quote"])
    from nkfacts.cite.rows import readable

    return readable(item.rec["quote"], item.source.get("title") or "")


def snapshot(item: Item, *, full: bool = False) -> str | None:
    """The snapshot a Wikipedia citation was verified against: 'snapshot sha256:… verified by
    nkfacts (no revision id, so no permanent link)'; None without a recorded hash."""
    digest = item.source.get("sha256")
    if not item.is_wikipedia or not digest:
        return None
    shown = digest if full else digest[:HASH_SHOWN] + "…"
    return f"snapshot sha256:{shown} verified by nkfacts; no revision id, so no permanent link"


def year(source: Record) -> int | None:
    """The source's year, if known."""
    y = source.get("year")
    return int(y) if isinstance(y, int) else None


def authors_text(source: Record) -> str:
    """'Doe, Jane; Roe, Richard & Example Newsroom': names written family first are separated
    by semicolons, so the list cannot be misread."""
    names = [str(n) for n in source.get("authors") or []]
    sep = "; " if any(", " in n for n in names) else ", "
    if len(names) > 1:
        return sep.join(names[:-1]) + " & " + names[-1]
    return names[0] if names else ""


def _byline(s: Record, who: str) -> str:
    """'Doe, Jane (2021). ', 'UCDP. ' or nothing."""
    y = year(s)
    return f"{who} ({y}). " if who and y else (f"{who}. " if who else "")


def source_text(item: Item) -> str:
    """'Title, Wikipedia, ref. [167]. URL' or, for a dataset, author (year), title, … URL."""
    s = item.source
    if item.is_dataset:
        who = authors_text(s) or s.get("publisher") or ""
        parts = [f"{_byline(s, who)}{s['title']}"]
        if s.get("version") and s["version"] not in s["title"]:
            parts.append(f"version {s['version']}")
        if s.get("publisher") and s["publisher"] != who:
            parts.append(s["publisher"])
        text = ", ".join(parts) + f", {where(item)}. {s['url']}"
        if s.get("license"):
            text += f" (licence: {s['license']})"
        if s.get("cite_as"):
            text += f". Cite as: {s['cite_as']}"
        return text
    title = ", ".join(x for x in (s["title"], publisher(item)) if x)
    snap = snapshot(item)
    at = f"{where(item)}; {snap}" if snap else where(item)
    return f"{_byline(s, authors_text(s))}{title}, {at}. {s['url']}"


def publisher(item: Item) -> str | None:
    """Who published an article: its `publisher`, else Wikipedia for a Wikipedia URL."""
    return item.source.get("publisher") or ("Wikipedia" if item.is_wikipedia else None)


def items_for(
    records: Sequence[tuple[str, Record]], sources: Mapping[str, Record] | None
) -> list[Item]:
    seen: set[str] = set()
    out = []
    for kind, r in records:
        if r["id"] in seen:  # the same record twice: one citation
            continue
        seen.add(r["id"])
        c = r["citations"][0]
        src = (sources or {}).get(c["source"]) or {
            "id": c["source"],
            "title": c["title"],
            "url": c["url"],
            "kind": "article",
        }
        out.append(Item(kind, r, src))
    return out
