"""`nkfacts cite`: citations ready to paste (plain, markdown, wikitext, bibtex, csl-json, and
APA, Chicago, MLA, Harvard or any CSL style through citeproc-py: `styled`).

A record cites its own source: a Wikipedia article (with the reference label(s) printed next
to the fact, or the label closing its paragraph, `passage_ref`) or a dataset (authors, year,
version, licence, the row's key). Wikitext never hands out a Wikipedia citation for Wikipedia
(circular sourcing): it says so and names the reference to follow instead. One module per
style; `base` holds what they share.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from nkfacts.cite.base import Cited, items_for, load_sources
from nkfacts.core.errors import UsageError
from nkfacts.core.vocab import CITE_STYLES, CSL_STYLES

Record = Mapping[str, Any]  # a record read (the contract's TypedDicts)
STYLES = CITE_STYLES


def is_csl(style: str) -> bool:
    """A style rendered by the CSL processor: apa, chicago, mla, harvard, csl:NAME."""
    return style in CSL_STYLES or (style.startswith("csl:") and len(style) > 4)


__all__ = ["STYLES", "Cited", "cite", "is_csl", "load_sources"]


def cite(
    records: Sequence[tuple[str, Record]],
    style: str,
    sources: Mapping[str, Record] | None = None,
    *,
    ref: bool = False,
    fmt: str = "text",
) -> Cited:
    """Render citations for (kind, record) pairs in one style; `ref` wraps wikitext in <ref>;
    `fmt` (text, html, markdown) is the markup of a CSL style."""
    if style not in STYLES and not is_csl(style):
        valid = ", ".join([*STYLES, *CSL_STYLES, "csl:NAME"])
        raise UsageError(f"unknown style '{style}'. Valid: {valid}")
    items = items_for(records, sources)
    if is_csl(style):
        from nkfacts.cite.styled import render

        return Cited(render(items, style, fmt), [])
    if style == "csl-json":
        from nkfacts.cite.csl import csl_item

        return Cited(
            json.dumps([csl_item(i) for i in items], ensure_ascii=False, indent=2) + "\n", []
        )
    if style == "bibtex":
        from nkfacts.cite.bibtex import bibtex

        return Cited(bibtex(items), [])
    if style == "wikitext":
        from nkfacts.cite.wikitext import wikitext

        return wikitext(items, ref=ref)
    from nkfacts.cite.plain import plain_or_markdown

    return plain_or_markdown(items, style)
