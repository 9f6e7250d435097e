"""BibTeX entries that compile with pdflatex, with BibTeX and with biblatex/biber.

`@misc` is known to every style (classic BibTeX and biblatex); fields are ASCII-only LaTeX
(`latex.latex`), titles are brace-protected so no style changes their case, and the key is the
record id, made unique within one output.
"""

from __future__ import annotations

import re

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
from nkfacts.cite.latex import PREAMBLE, latex, needs_preamble


def unique_keys(ids: list[str]) -> list[str]:
    """BibTeX keys for record ids: unsafe characters dropped; keys that collide get a, b, …"""
    base = [re.sub(r"[^A-Za-z0-9:._-]+", "", i) or "nkfacts" for i in ids]
    counts: dict[str, int] = {}
    for b in base:
        counts[b] = counts.get(b, 0) + 1
    seen: dict[str, int] = {}
    out = []
    for b in base:
        if counts[b] == 1:
            out.append(b)
            continue
        n = seen.get(b, 0)
        seen[b] = n + 1
        out.append(b + _suffix(n))
    return out


def _suffix(n: int) -> str:
    """0 → a, 25 → z, 26 → aa."""
    s = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(97 + rem) + s
    return s


def _field(name: str, value: str) -> str:
    return f"  {name} = {{{value}}},"


def _authors(item: Item) -> str | None:
    """BibTeX's author field: 'Family, Given' as is, a body's name braced whole, and
    {Wikipedia contributors} for a Wikipedia article (as Wikipedia asks to be cited)."""
    s = item.source
    names = s.get("authors") or []
    if names:
        return " and ".join(latex(n) if ", " in n else "{" + latex(n) + "}" for n in names)
    if item.is_wikipedia:
        return "{" + WIKIPEDIA_AUTHOR + "}"
    if item.is_dataset and s.get("publisher"):
        return "{" + latex(s["publisher"]) + "}"
    return None


def _url(url: str) -> str:
    """A URL whose braces balance and that has no backslash before the closing one."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def _note(item: Item) -> str:
    """The claim, the quote (a dataset row in words), where in the source and the snapshot."""
    s, r = item.source, item.rec
    snap = snapshot(item, full=True)
    at = f"{where(item)}; {snap}" if snap else where(item)
    note = f"{statement(item.kind, r)}. Quoted: \u201c{quote_text(item)}\u201d ({at})."
    if s.get("license"):
        note += f" Licence: {s['license']}."
    return note


def entry(item: Item, key: str) -> str:
    """One @misc entry: `howpublished = {\\url{…}}` so `plain` and `alpha` print the link (they
    ignore `url`), `url` for biblatex and natbib styles, a `year` only when the source has one."""
    s = item.source
    fields = []
    names = _authors(item)
    if names:
        fields.append(_field("author", names))
    fields.append(_field("title", "{" + latex(s["title"]) + "}"))
    url = _url(s["url"])
    if item.is_dataset:
        kind = "Dataset" + (f", version {s['version']}" if s.get("version") else "")
    else:
        kind = publisher(item) or ""
    fields.append(_field("howpublished", (latex(kind) + ", " if kind else "") + f"\\url{{{url}}}"))
    if item.is_dataset:
        if s.get("version"):
            fields.append(_field("version", latex(s["version"])))
        if s.get("publisher"):
            fields.append(_field("organization", latex(s["publisher"])))
    elif publisher(item):
        fields.append(_field("organization", latex(publisher(item) or "")))
    if year(s):
        fields.append(_field("year", str(year(s))))
    fields.append(_field("url", url))
    fields.append(_field("note", latex(_note(item))))
    if s.get("cite_as"):
        fields.append(_field("addendum", latex("Cite as: " + s["cite_as"])))
    return f"@misc{{{key},\n" + "\n".join(fields) + "\n}"


def bibtex(items: list[Item]) -> str:
    """Every entry, keys unique; the schwa fallback preamble first when needed."""
    keys = unique_keys([it.rec["id"] for it in items])
    entries = [entry(it, k) for it, k in zip(items, keys, strict=True)]
    text = "\n\n".join(entries)
    if needs_preamble(text):
        text = PREAMBLE + "\n\n" + text
    return text + "\n"
