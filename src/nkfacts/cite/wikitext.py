"""Wikitext citations for Wikipedia editors.

Wikipedia is not a source for Wikipedia (WP:CIRCULAR): for a fact taken from a Wikipedia
article nothing citable is printed, only an HTML comment (and a warning on stderr) naming the
article, the reference label(s) to follow there and the quote. Datasets get `{{cite web}}`,
plus `{{cite journal}}` for the article the dataset asks to be cited with.
"""

from __future__ import annotations

import re

from nkfacts.cite.base import Cited, Item, quote_text, snapshot, statement, where, year


def esc(value: str) -> str:
    """A template parameter value that stays one inert value (nkfacts.escape.wikitext)."""
    from nkfacts.core.escape import wikitext as escaped

    return escaped(value)


def esc_url(url: str) -> str:
    from nkfacts.core.escape import wiki_url

    return wiki_url(url)


def comment(text: str) -> str:
    """An HTML comment that cannot be closed early."""
    return "<!-- " + text.replace("--", "‐‐").replace(">", "&gt;") + " -->"


def template(name: str, params: list[tuple[str, str | None]]) -> str:
    parts = [
        f"|{k}={esc_url(v) if k == 'url' else esc(v)}" for k, v in params if v not in (None, "")
    ]
    return "{{" + name + " " + " ".join(parts) + "}}"


JOURNAL = re.compile(
    r"^(?P<authors>.+?) \((?P<year>\d{4})\)\. (?P<title>.+?)\. (?P<journal>[^.\d]+?) "
    r"(?P<volume>\d+)\((?P<issue>\d+)\): (?P<pages>[\d–-]+)\.?(?: doi:(?P<doi>\S+?))?\.?$"
)


def journal(cite_as: str) -> str | None:
    """`{{cite journal}}` for a 'Authors (year). Title. Journal 61(4): 1–2. doi:…' reference."""
    m = JOURNAL.match(cite_as.strip())
    if not m:
        return None
    g = m.groupdict()
    return template(
        "cite journal",
        [
            *people(byline(g["authors"])),
            ("year", g["year"]),
            ("title", g["title"]),
            ("journal", g["journal"]),
            ("volume", g["volume"]),
            ("issue", g["issue"]),
            ("pages", g["pages"]),
            ("doi", g["doi"]),
        ],
    )


def people(names: list[str]) -> list[tuple[str, str | None]]:
    """One person per numbered parameter: 'Family, Given' as last1=/first1=, a body's name as
    author1= (one joined string would read ambiguously)."""
    out: list[tuple[str, str | None]] = []
    for i, name in enumerate(names, 1):
        family, sep, given = name.partition(", ")
        out += [(f"last{i}", family), (f"first{i}", given)] if sep else [(f"author{i}", name)]
    return out


def byline(text: str) -> list[str]:
    """'Davies, Shawn, Garoun Engström & Magnus Öberg' → ['Davies, Shawn', 'Engström, Garoun',
    'Öberg, Magnus']: the first name is written family first, the others given first."""
    parts = [p.strip() for p in re.split(r",\s+|\s+&\s+|\s+and\s+", text) if p.strip()]
    if len(parts) < 2:
        return parts
    out = [f"{parts[0]}, {parts[1]}"]
    for name in parts[2:]:
        given, _, family = name.rpartition(" ")
        out.append(f"{family}, {given}" if given else family)
    return out


def dataset(item: Item) -> str:
    s = item.source
    params = people(s.get("authors") or [])
    y = year(s)
    params += [
        ("year", str(y) if y else None),
        ("title", s["title"]),
        ("url", s["url"]),
        ("publisher", s.get("publisher")),
        ("type", f"Dataset, version {s['version']}" if s.get("version") else "Dataset"),
        ("at", where(item)),
        ("quote", quote_text(item)),
    ]
    text = template("cite web", params)
    if s.get("cite_as"):
        j = journal(s["cite_as"])
        text += " " + (j if j else "Cite as: " + esc(s["cite_as"]))
    return text


def article(item: Item) -> str:
    s, r = item.source, item.rec
    y = year(s)
    return template(
        "cite web",
        [
            *people(s.get("authors") or []),
            ("year", str(y) if y else None),
            ("title", s["title"]),
            ("url", s["url"]),
            ("publisher", s.get("publisher")),
            ("at", where(item)),
            ("quote", r["quote"]),
        ],
    )


def circular(item: Item) -> tuple[str, str]:
    """(HTML comment for the output, warning for stderr) for a fact from Wikipedia."""
    s, r = item.source, item.rec
    cs = r["citations"]
    refs = [f"[{c['ref']}]" for c in cs if c["ref"]]
    passages = [f"[{c['passage_ref']}]" for c in cs if not c["ref"] and c.get("passage_ref")]
    if refs:
        todo = f"follow its reference {', '.join(refs)} and cite that source directly"
    elif passages:
        todo = (
            "the sentence carries no reference label; follow the label of the passage, "
            f"{', '.join(passages)}, and cite that source directly"
        )
    else:
        todo = "the sentence carries no reference label: find a reliable source for it"
    note = (
        f"nkfacts {r['id']}: NOT A CITATION. Wikipedia is not a source for Wikipedia "
        f"(WP:CIRCULAR). {statement(item.kind, r)}. In the Wikipedia article "
        f'"{s["title"]}" ({s["url"]}) {todo}. Quote: "{r["quote"]}"'
    )
    snap = snapshot(item, full=True)
    if snap:
        note += f". Checked against the {snap}"
    warn = (
        f"{r['id']}: Wikipedia is not a source for Wikipedia (circular sourcing); in "
        f'"{s["title"]}" {todo}'
    )
    return comment(note), warn


def wikitext(items: list[Item], *, ref: bool = False) -> Cited:
    """One line per record; `ref` wraps each citable one in <ref name="…">."""
    lines, warnings = [], []
    for it in items:
        if it.is_wikipedia:
            line, warn = circular(it)
            lines.append(line)
            warnings.append(warn)
            continue
        text = dataset(it) if it.is_dataset else article(it)
        text += comment(f"nkfacts {it.rec['id']}")
        if ref:
            text = f'<ref name="{it.rec["id"]}">{text}</ref>'
        lines.append(text)
    return Cited("\n".join(lines) + "\n", warnings)
