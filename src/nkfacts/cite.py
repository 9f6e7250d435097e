"""`nkfacts cite`: citations ready to paste (plain, markdown, wikitext, bibtex, csl-json).

A record cites its own source: a Wikipedia article (with the reference label(s) printed next
to the fact, or the label closing its paragraph, `passage_ref`) or a dataset (authors, year,
version, licence, the row's key). Wikitext never hands out a Wikipedia citation for Wikipedia
(circular sourcing): it says so and names the reference to follow instead.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any, NamedTuple

from nkfacts.errors import UsageError

Record = dict[str, Any]
STYLES = ("plain", "markdown", "wikitext", "bibtex", "csl-json")


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
    if kind == "casualty":
        who = "the source" if r["claimant"] == "unattributed" else r["claimant"]
        return (
            f"{r['figure']} ({r['party']}, {r['category']}, {r['measure']}, {r['period']}), "
            f"according to {who}"
        )
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


def year(source: Record) -> int | None:
    """The source's year, if known."""
    y = source.get("year")
    return int(y) if isinstance(y, int) else None


def authors_text(source: Record) -> str:
    names = [str(n) for n in source.get("authors") or []]
    if len(names) > 1:
        return ", ".join(names[:-1]) + " & " + names[-1]
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
    return f"{_byline(s, authors_text(s))}{title}, {where(item)}. {s['url']}"


def publisher(item: Item) -> str | None:
    """Who published an article: its `publisher`, else Wikipedia for a Wikipedia URL."""
    return item.source.get("publisher") or ("Wikipedia" if item.is_wikipedia else None)


def _items(records: list[tuple[str, Record]], sources: dict[str, Record] | None) -> list[Item]:
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


def csl_item(item: Item) -> Record:
    """One CSL-JSON item; `id` is the record id so `[@id]` resolves in pandoc."""
    s, r = item.source, item.rec
    quote = f"“{r['quote']}”"
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
    out["genre"] = f"{kind}, {where(item)}, quoted: {quote}"
    out["note"] = statement(item.kind, r) + "."
    out["abstract"] = r["quote"]
    if s.get("cite_as"):
        out["note"] += f" Cite as: {s['cite_as']}"
    return out


def _csl_name(name: str) -> Record:
    family, sep, given = name.partition(", ")
    return {"family": family, "given": given} if sep else {"literal": name}


def cite(
    records: list[tuple[str, Record]],
    style: str,
    sources: dict[str, Record] | None = None,
    *,
    ref: bool = False,
) -> Cited:
    """Render citations for (kind, record) pairs in one style; `ref` wraps wikitext in <ref>."""
    if style not in STYLES:
        raise UsageError(f"unknown style '{style}'. Valid: {', '.join(STYLES)}")
    items = _items(records, sources)
    if style == "csl-json":
        return Cited(
            json.dumps([csl_item(i) for i in items], ensure_ascii=False, indent=2) + "\n", []
        )
    if style == "bibtex":
        from nkfacts.bibtex import bibtex

        return Cited(bibtex(items), [])
    if style == "wikitext":
        from nkfacts.wikitext import wikitext

        return wikitext(items, ref=ref)
    out: list[str] = []
    footnotes: list[str] = []
    for it in items:
        r = it.rec
        if style == "plain":
            out.append(f'{statement(it.kind, r)}. "{r["quote"]}" — {source_text(it)}')
        else:  # markdown: every value escaped, so none can add a link (README, Security)
            from nkfacts.escape import markdown_text

            out.append(f"{markdown_text(statement(it.kind, r))}.[^{r['id']}]")
            footnotes.append(f'[^{r["id"]}]: "{markdown_text(r["quote"])}" — {_md_source(it)}')
    text = "\n".join(out)
    if footnotes:
        text += "\n\n" + "\n".join(footnotes)
    return Cited(text + "\n", [])


def _md_source(item: Item) -> str:
    """The source text with its title linked to its URL (the bare URL dropped); every value
    Markdown-escaped, and only an http(s) URL becomes a link."""
    from nkfacts.escape import markdown_text, markdown_url

    s = item.source
    url = markdown_url(s["url"])
    safe = {k: markdown_text(v) if isinstance(v, str) and k != "url" else v for k, v in s.items()}
    if isinstance(s.get("authors"), list):
        safe["authors"] = [markdown_text(str(a)) for a in s["authors"]]
    text = source_text(Item(item.kind, item.rec, safe)).replace(f". {s['url']}", ".", 1)
    if url is not None:
        text = text.replace(safe["title"], f"[{safe['title']}]({url})", 1)
    return text if text.endswith(".") else text + "."
