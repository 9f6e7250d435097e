"""Plain text and Markdown (footnote) citations."""

from __future__ import annotations

from nkfacts.cite.base import Cited, Item, quote_text, source_text, statement
from nkfacts.core.escape import markdown_text, markdown_url


def plain_or_markdown(items: list[Item], style: str) -> Cited:
    """Plain: one line per record; markdown: a sentence with a footnote per record."""
    out: list[str] = []
    footnotes: list[str] = []
    for it in items:
        r = it.rec
        quoted = f"Dataset row: {quote_text(it)}" if it.is_dataset else f'"{r["quote"]}"'
        if style == "plain":
            out.append(f"{statement(it.kind, r)}. {quoted} — {source_text(it)}")
        else:  # markdown: every value escaped, so none can add a link (README, Security)
            out.append(f"{markdown_text(statement(it.kind, r))}.[^{r['id']}]")
            footnotes.append(f"[^{r['id']}]: {markdown_text(quoted)} — {_md_source(it)}")
    text = "\n".join(out)
    if footnotes:
        text += "\n\n" + "\n".join(footnotes)
    return Cited(text + "\n", [])


def _md_source(item: Item) -> str:
    """The source text with its title linked to its URL (the bare URL dropped); every value
    Markdown-escaped, and only an http(s) URL becomes a link."""
    s = item.source
    url = markdown_url(s["url"])
    safe = {k: markdown_text(v) if isinstance(v, str) and k != "url" else v for k, v in s.items()}
    if isinstance(s.get("authors"), list):
        safe["authors"] = [markdown_text(str(a)) for a in s["authors"]]
    text = source_text(Item(item.kind, item.rec, safe)).replace(f". {s['url']}", ".", 1)
    if url is not None:
        text = text.replace(safe["title"], f"[{safe['title']}]({url})", 1)
    return text if text.endswith(".") else text + "."
