"""Rendering the findings of `nkfacts check`: an annotated draft in a terminal, or one row /
object per finding (TSV, CSV, JSON, JSON lines, Markdown)."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Mapping
from typing import Any, TextIO

from nkfacts.core.escape import csv_writer, for_terminal, markdown_text, terminal, terminal_lines
from nkfacts.output.terminal import Output, json_array
from nkfacts.output.views import Column, clean, tsv_header, tsv_line

Record = dict[str, Any]
_COLOURS = {"matches": "32", "disputed": "33", "differs": "31", "unknown": "2"}
_ROLE = {"match": "matches", "disagrees": "against", "nearest": "nearest"}


def understood(f: Record) -> str:
    """'Armenia, military, killed, the 2020 war' (what the figure was read as)."""
    c = f["context"]
    period = c["period"]["text"] if c["period"] else "no period"
    parts = [c["party"] or "party?", c["category"] or "any category", c["measure"], period]
    return ", ".join(str(p) for p in parts)


def grouped(claims: list[Record]) -> list[Record]:
    """Claims with the same role, figure, claimant and date merged (their citations joined)."""
    out: dict[tuple[Any, ...], Record] = {}
    for c in claims:
        key = (c["role"], c["figure"], c["claimant"], c["as_of"], c["party"], c["category"])
        if key not in out:
            out[key] = {**c, "ids": [c["id"]], "citations": list(c["citations"])}
            continue
        g = out[key]
        g["ids"].append(c["id"])
        seen = {(x["source"], x["ref"]) for x in g["citations"]}
        g["citations"] += [x for x in c["citations"] if (x["source"], x["ref"]) not in seen]
    return list(out.values())


def _who(c: Record) -> str:
    who = "the article (unattributed)" if c["claimant"] == "unattributed" else c["claimant"]
    when = f", as of {c['as_of']}" if c.get("as_of") else ""
    return f"{c['figure']} per {who}{when}"


def _claim_plain(c: Record) -> str:
    refs = ", ".join(
        f"{x['source']} [{x['ref']}]" if x["ref"] else x["source"] for x in c["citations"]
    )
    return f"{_ROLE[c['role']]}: {_who(c)} ({refs})"


def _claims_plain(f: Mapping[str, Any]) -> str:
    return " | ".join(_claim_plain(c) for c in grouped(f["claims"]))


def _get(key: str) -> Any:
    return lambda f: "" if f.get(key) is None else str(f[key])


COLUMNS = [
    Column("line", _get("line"), justify="right"),
    Column("figure", lambda f: f["span"]["text"]),
    Column("verdict", _get("verdict")),
    Column("party", lambda f: f["context"]["party"] or ""),
    Column("category", lambda f: f["context"]["category"] or ""),
    Column("measure", lambda f: f["context"]["measure"] or ""),
    Column("period", lambda f: f["context"]["period"]["text"] if f["context"]["period"] else ""),
    Column("claims", _claims_plain, wrap=True),
    Column("notes", lambda f: "; ".join(f["notes"]), wrap=True),
    Column("ids", lambda f: ", ".join(c["id"] for c in f["claims"])),
]


def summary(findings: list[Record]) -> str:
    """'12 figures checked: 3 matches, 5 disputed, 2 differs, 2 unknown.'"""
    n = Counter(f["verdict"] for f in findings)
    counts = ", ".join(f"{n[v]} {v}" for v in ("matches", "disputed", "differs", "unknown"))
    return f"{len(findings)} figure(s) checked: {counts}."


def write(
    findings: list[Record],
    text: str,
    fmt: str,
    out: TextIO,
    *,
    isatty: bool,
    cite_block: str | None = None,
    numbers: Mapping[str, int] | None = None,
) -> None:
    """Write the findings in one of the formats. With `cite_block` (from `--cite`), JSON
    objects carry `cite`, TSV/CSV a `cite` column, and the other formats end with the block."""
    cols = [*COLUMNS, Column("cite", _get("cite"))] if cite_block is not None else COLUMNS
    if fmt != "table":  # the annotated draft escapes its text itself, keeping its colours
        out = for_terminal(out, isatty, fmt)
    if fmt in ("json", "jsonl"):
        import json

        lines = [json.dumps(f, ensure_ascii=False) for f in findings]
        if fmt == "jsonl":
            out.write("".join(line + "\n" for line in lines))
        else:
            out.write(json_array(lines))
    elif fmt == "tsv":
        out.write(tsv_header(cols) + "\n")
        out.write("".join(tsv_line(cols, f) + "\n" for f in findings))
    elif fmt == "csv":
        w = csv_writer(out)
        w.writerow([c.header for c in cols])
        w.writerows([[c.plain(f) for c in cols] for f in findings])
    else:
        if fmt == "markdown":
            _markdown(findings, out)
        else:
            _annotated(findings, text, out, isatty=isatty, numbers=numbers or {})
        if cite_block:
            out.write("\nCitations for the matched claims:\n\n" + terminal_lines(cite_block))


def _markdown(findings: list[Record], out: TextIO) -> None:
    out.write(
        "| line | figure | verdict | read as | claims | notes |\n|---:|---|---|---|---|---|\n"
    )
    for f in findings:
        md = markdown_text  # the draft's and the data's text: no link, no HTML
        cells = [
            str(f["line"]),
            md(f["span"]["text"]),
            f"**{f['verdict']}**",
            md(understood(f)),
            "<br>".join(md(_claim_plain(c)) for c in grouped(f["claims"])),
            md("; ".join(f["notes"])),
        ]
        out.write("| " + " | ".join(clean(c).replace("|", "\\|") for c in cells) + " |\n")
    out.write("\n" + summary(findings) + "\n")


class _Style:
    """Colour, rule characters and width for the annotated report."""

    def __init__(self, out: TextIO, isatty: bool) -> None:
        where = Output(out, isatty)
        self.color = where.color
        self.fancy = where.fancy
        self.width = max(40, where.width(80))

    def paint(self, text: str, verdict: str) -> str:
        return f"\x1b[{_COLOURS[verdict]}m{text}\x1b[0m" if self.color else text

    def mark(self, text: str, n: int) -> str:
        left, right = ("«", "»") if self.fancy else ("<<", ">>")
        return f"{left}{text}{right}({n})"

    def wrap(self, text: str, indent: str, first: str | None = None) -> list[str]:
        """Lines of at most `width`; the draft's and the data's text escaped for a terminal."""
        return textwrap.wrap(
            terminal(text),
            self.width,
            initial_indent=first if first is not None else indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        ) or [indent]


def _marked_sentence(text: str, group: list[tuple[int, Record]], style: _Style) -> str:
    s = group[0][1]["sentence"]
    pieces, pos = [], s["start"]
    for n, f in group:
        a, b = f["span"]["start"], f["span"]["end"]
        pieces += [terminal(text[pos:a], " \t\n\r\f\v"), "\ue000" + str(n) + "\ue001"]
        pos = b
    pieces.append(terminal(text[pos : s["end"]], " \t\n\r\f\v"))
    sentence = clean("".join(pieces))
    for n, f in group:
        mark = style.mark(f["span"]["text"], n)
        sentence = sentence.replace("\ue000" + str(n) + "\ue001", mark, 1)
    return sentence


def _annotated(
    findings: list[Record], text: str, out: TextIO, *, isatty: bool, numbers: Mapping[str, int]
) -> None:
    """The draft's sentences with their findings; sources numbered as in every view."""
    style = _Style(out, isatty)
    legend = _Legend(numbers)
    by_sentence: dict[int, list[tuple[int, Record]]] = {}
    for n, f in enumerate(findings, 1):
        by_sentence.setdefault(f["sentence"]["start"], []).append((n, f))
    for group in by_sentence.values():
        head = f"line {group[0][1]['line']}: "
        out.write("\n".join(style.wrap(_marked_sentence(text, group, style), "    ", head)) + "\n")
        for n, f in group:
            _finding(n, f, out, style, legend)
        out.write("\n")
    out.write("\n".join(style.wrap(summary(findings), "")) + "\n")
    if legend:
        head = (
            "Sources ([n]label; [n]→label: no label in the sentence, the label closing its "
            "passage; '–': none):"
        )
        out.write("\n" + "\n".join(style.wrap(head, "")) + "\n")
        for sid, (n, title, url) in sorted(legend.items(), key=lambda x: x[1][0]):
            out.write("\n".join(style.wrap(f"[{n}] {title} ({sid})", "      ", "  ")) + "\n")
            indent = "    " if len(url) + 4 <= style.width else ""
            out.write("\n".join(style.wrap(url, indent)) + "\n")


class _Legend(dict[str, tuple[int, str, str]]):
    """Source id → (its [n], title, URL): n from `numbers` (the order of sources.yaml), else
    the next free number."""

    def __init__(self, numbers: Mapping[str, int]) -> None:
        super().__init__()
        self.order = numbers

    def number(self, c: Record) -> int:
        if c["source"] not in self:
            taken = max([len(self.order), *(v[0] for v in self.values())])
            n = self.order.get(c["source"]) or taken + 1
            self[c["source"]] = (n, c["title"], c["url"])
        return self[c["source"]][0]


def _refs(c: Record, legend: _Legend) -> str:
    """'[1]189 [2]–,58,220': reference labels per source, numbered as in the legend."""
    parts: dict[int, list[str]] = {}
    for x in c["citations"]:
        k = legend.number(x)
        label = x["ref"] or ("→" + x["passage_ref"] if x.get("passage_ref") else "–")
        parts.setdefault(k, []).append(label)
    return " ".join(f"[{k}]{','.join(refs)}" for k, refs in parts.items())


def _finding(n: int, f: Record, out: TextIO, style: _Style, legend: _Legend) -> None:
    arrow = "→" if style.fancy else "->"
    word = f["verdict"].upper()
    lines = style.wrap(f"({n}) {f['span']['text']} {arrow} {word}: {understood(f)}", "      ", "  ")
    lines[0] = lines[0].replace(word, style.paint(word, f["verdict"]), 1)
    for c in grouped(f["claims"]):
        text = f"{_ROLE[c['role']]}: {_who(c)} {_refs(c, legend)}"
        lines += style.wrap(text, "          ", "      ")
    for note in f["notes"]:
        lines += style.wrap(f"note: {note}", "          ", "      ")
    out.write("\n".join(lines) + "\n")
