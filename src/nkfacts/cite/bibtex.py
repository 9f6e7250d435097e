"""BibTeX entries that compile with pdflatex, with BibTeX and with biblatex/biber.

`@misc` is known to every style (classic BibTeX and biblatex); fields are ASCII-only LaTeX
(`latex.latex`), titles are brace-protected so no style changes their case, and the key is the
record id, made unique within one output.
"""

from __future__ import annotations

import re

from nkfacts.cite.base import Item, publisher, statement, where, year
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


def entry(item: Item, key: str) -> str:
    """One @misc entry."""
    s, r = item.source, item.rec
    fields = []
    names = s.get("authors") or []
    if names:  # "Family, Given" is BibTeX's own form; a body's name is braced whole
        fields.append(
            _field(
                "author",
                " and ".join(latex(n) if ", " in n else "{" + latex(n) + "}" for n in names),
            )
        )
    elif item.is_dataset and s.get("publisher"):
        fields.append(_field("author", "{" + latex(s["publisher"]) + "}"))
    fields.append(_field("title", "{" + latex(s["title"]) + "}"))
    if item.is_dataset:
        version = f", version {s['version']}" if s.get("version") else ""
        fields.append(_field("howpublished", latex("Dataset" + version)))
        if s.get("version"):
            fields.append(_field("version", latex(s["version"])))
        if s.get("publisher"):
            fields.append(_field("organization", latex(s["publisher"])))
    else:
        by = publisher(item)
        if by:
            fields.append(_field("howpublished", latex(by)))
            fields.append(_field("organization", latex(by)))
    if year(s):
        fields.append(_field("year", str(year(s))))
    url = s["url"].replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")
    fields.append(_field("url", url))  # braces balance, no backslash before the closing one
    note = f"{statement(item.kind, r)}. Quoted: \u201c{r['quote']}\u201d ({where(item)})."
    if s.get("license"):
        note += f" Licence: {s['license']}."
    fields.append(_field("note", latex(note)))
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
