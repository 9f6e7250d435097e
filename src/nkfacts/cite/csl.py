"""CSL-JSON items (pandoc, Zotero, citeproc): one per record, the record id as `id`."""

from __future__ import annotations

from typing import Any

from nkfacts.cite.base import (
    WIKIPEDIA_AUTHOR,
    Item,
    publisher,
    quote_text,
    snapshot,
    statement,
    where,
    year,
)

Record = dict[str, Any]


def csl_item(item: Item) -> Record:
    """One CSL-JSON item; `id` is the record id so `[@id]` resolves in pandoc."""
    s, r = item.source, item.rec
    quote = f"“{quote_text(item)}”"
    out: Record = {"id": r["id"], "title": s["title"], "URL": s["url"], "language": "en"}
    names = s.get("authors") or []
    if names:
        out["author"] = [_csl_name(n) for n in names]
    if item.is_dataset:
        out["type"] = "dataset"
        if not names and s.get("publisher"):
            out["author"] = [{"literal": s["publisher"]}]
        if s.get("version"):
            out["version"] = s["version"]
        if s.get("publisher"):
            out["publisher"] = s["publisher"]
    else:
        out["type"] = "entry-encyclopedia" if item.is_wikipedia else "webpage"
        if item.is_wikipedia and not names:
            out["author"] = [{"literal": WIKIPEDIA_AUTHOR}]
        if publisher(item):
            out["container-title"] = publisher(item)
        if item.is_wikipedia:
            out["publisher"] = "Wikimedia Foundation"
    if year(s):
        out["issued"] = {"date-parts": [[year(s)]]}
    # Chicago (pandoc's default) and APA print `genre` after the title; `note` and `abstract`
    # are not printed by them but travel to Zotero and to styles that print notes.
    kind = (
        "Dataset" if item.is_dataset else "Wikipedia article" if item.is_wikipedia else "Web page"
    )
    snap = snapshot(item)
    at = f"{where(item)}, {snap.replace('; ', ', ')}" if snap else where(item)
    out["genre"] = f"{kind}, {at}, quoted: {quote}"
    out["note"] = statement(item.kind, r) + "."
    if snap:
        out["note"] += f" {(snapshot(item, full=True) or '').capitalize()}."
    out["abstract"] = r["quote"]  # the record's quote: a dataset's row verbatim
    if s.get("cite_as"):
        out["note"] += f" Cite as: {s['cite_as']}"
    return out


def _csl_name(name: str) -> Record:
    family, sep, given = name.partition(", ")
    return {"family": family, "given": given} if sep else {"literal": name}
