"""`nkfacts cite`: citations ready to paste (markdown, wikitext, bibtex, csl-json, plain)."""

from __future__ import annotations

import json
import re
from typing import Any

from nkfacts.errors import UsageError

Record = dict[str, Any]
STYLES = ("plain", "markdown", "wikitext", "bibtex", "csl-json")


def _statement(kind: str, r: Record) -> str:
    """One neutral, attributed sentence for the record."""
    if kind == "casualty":
        who = "the article" if r["claimant"] == "unattributed" else r["claimant"]
        return (
            f"{r['figure']} ({r['party']}, {r['category']}, {r['measure']}, {r['period']}), "
            f"according to {who}"
        )
    if kind == "position":
        return f"{r['actor']}: {r['summary']}"
    if kind == "ceasefire":
        return f"{r['name']} ({r['when']})"
    if kind == "violation":
        return f"{r['when']}: {r['description']}"
    return f"{r.get('when', '')}: {r.get('title') or r.get('summary')}"


def _ref_text(c: Record) -> str:
    return f"ref. [{c['ref']}]" if c["ref"] else "no reference label"


def _bib_escape(text: str) -> str:
    return re.sub(r"([{}&%$#_])", r"\\\1", text)


def cite(records: list[tuple[str, Record]], style: str) -> str:
    """Render citations for (kind, record) pairs in one style."""
    if style not in STYLES:
        raise UsageError(f"unknown style '{style}'. Valid: {', '.join(STYLES)}")
    if style == "csl-json":
        items = []
        for kind, r in records:
            for i, c in enumerate(r["citations"]):
                items.append(
                    {
                        "id": f"{r['id']}-{i + 1}" if len(r["citations"]) > 1 else r["id"],
                        "type": "entry-encyclopedia",
                        "title": c["title"],
                        "container-title": "Wikipedia",
                        "publisher": "Wikipedia",
                        "URL": c["url"],
                        "language": "en",
                        "note": f'{_statement(kind, r)}. Quote: "{r["quote"]}". Article {_ref_text(c)}.',
                    }
                )
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    out: list[str] = []
    footnotes: list[str] = []
    for kind, r in records:
        refs = ", ".join(_ref_text(c) for c in r["citations"])
        c = r["citations"][0]
        if style == "plain":
            out.append(
                f'{_statement(kind, r)}. "{r["quote"]}" — {c["title"]}, Wikipedia, {refs}. {c["url"]}'
            )
        elif style == "markdown":
            out.append(f"{_statement(kind, r)}.[^{r['id']}]")
            footnotes.append(
                f'[^{r["id"]}]: "{r["quote"]}" — [{c["title"]}]({c["url"]}), Wikipedia, {refs}.'
            )
        elif style == "wikitext":
            quote = r["quote"].replace("|", "{{!}}")
            out.append(
                f"{{{{cite web |title={c['title']} |url={c['url']} |website=Wikipedia "
                f"|publisher=Wikimedia Foundation |quote={quote}}}}}"
                f"<!-- nkfacts {r['id']}: {refs} -->"
            )
        elif style == "bibtex":
            key = re.sub(r"[^A-Za-z0-9]+", "", r["id"].title())
            out.append(
                f"@misc{{{key},\n"
                f"  title = {{{_bib_escape(c['title'])}}},\n"
                f"  howpublished = {{Wikipedia}},\n"
                f"  url = {{{c['url']}}},\n"
                f"  note = {{{_bib_escape(_statement(kind, r))}. Quote: ``{_bib_escape(r['quote'])}''. {refs}}}\n"
                f"}}"
            )
    text = "\n\n".join(out) if style == "bibtex" else "\n".join(out)
    if footnotes:
        text += "\n\n" + "\n".join(footnotes)
    return text + "\n"
