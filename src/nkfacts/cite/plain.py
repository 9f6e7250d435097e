"""Plain text and Markdown (footnote) citations."""

from __future__ import annotations

from nkfacts.cite.base import Cited, Item, source_text, statement


def plain_or_markdown(items: list[Item], style: str) -> Cited:
    """Plain: one line per record; markdown: a sentence with a footnote per record."""
    out: list[str] = []
    footnotes: list[str] = []
    for it in items:
        r = it.rec
        if style == "plain":
            out.append(f'{statement(it.kind, r)}. "{r["quote"]}" — {source_text(it)}')
        else:  # markdown
            out.append(f"{statement(it.kind, r)}.[^{r['id']}]")
            footnotes.append(f'[^{r["id"]}]: "{r["quote"]}" — {_md_source(it)}')
    text = "\n".join(out)
    if footnotes:
        text += "\n\n" + "\n".join(footnotes)
    return Cited(text + "\n", [])


def _md_source(item: Item) -> str:
    """The source text with its title linked to its URL (the bare URL dropped)."""
    s = item.source
    text = source_text(item).replace(f". {s['url']}", ".", 1)
    text = text.replace(s["title"], f"[{s['title']}]({s['url']})", 1)
    return text if text.endswith(".") else text + "."
