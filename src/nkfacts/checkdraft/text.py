"""The draft as text: Markdown code, URLs and reference markers blanked, and its sentences,
each with its paragraph (headings, list items and table rows are blocks of their own), and
for a table row, the header cell above a position."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

# Linear time: a tag may not hold '<' and a link target may not hold ']', so a failed match
# stops at the next possible start (100 KB of '<' or '](' used to take seconds).
_MASK = re.compile(
    r"```.*?```|`[^`\n]*`|<[^<>\n]+>|\]\([^)\]\s]*\)|\bhttps?://\S+|\bwww\.\S+|"
    r"\[\^?[\w,\s–-]{1,12}\]",
    re.DOTALL,
)
# A capital letter alone before its full stop is an initial ("Ilham H. Aliyev", "U. S."), not
# a sentence's end (and a draft of "A. A. A. …" is not 175,000 sentences).
_SENTENCE_END = re.compile(r"(?:(?<!\b[A-Z])\.|[!?])[\"”’')\]*_]*\s+(?=[\"“‘(*_]*[A-Z0-9])")
_BLOCK_START = re.compile(r"[ \t]*(?:#|[-*+][ \t]|\d+\.[ \t]|\|)")
_ITEM = re.compile(r"[ \t]*(?:[-*+][ \t]|\d+\.[ \t]|\|)")


@dataclass(slots=True)  # a 1 MiB draft may hold 350,000 sentences
class Sentence:
    start: int
    end: int
    paragraph: int
    heading: bool
    item: bool = False  # in a list item or a table row


def mask(text: str) -> str:
    """The text with code, URLs, link targets and reference markers blanked (offsets kept)."""
    return _MASK.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _blocks(masked: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_heading) of paragraphs, headings and list items."""
    out: list[tuple[int, int, bool]] = []
    start: int | None = None
    pos = 0
    for line in masked.splitlines(keepends=True):
        body = line.strip()
        new_block = not body or _BLOCK_START.match(line)
        if new_block and start is not None:
            out.append((start, pos, False))
            start = None
        if body.startswith("#"):
            out.append((pos, pos + len(line.rstrip()), True))
        elif body and start is None:
            start = pos
        pos += len(line)
    if start is not None:
        out.append((start, pos, False))
    return out


def sentences(masked: str) -> list[Sentence]:
    """Sentences in order, each with its paragraph number and whether it is a heading."""
    out: list[Sentence] = []
    for n, (lo, hi, heading) in enumerate(_blocks(masked)):
        pos = lo
        for m in [*_SENTENCE_END.finditer(masked, lo, hi), None]:
            end = m.start() + 1 if m else hi
            chunk = masked[pos:end]
            if chunk.strip():
                first = pos + len(chunk) - len(chunk.lstrip())
                item = bool(_ITEM.match(masked, lo))
                out.append(Sentence(first, first + len(chunk.strip()), n, heading, item))
            if m is None:
                break
            pos = m.end()
    return out


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    """(start, end, text) of the cells of a table row."""
    bars = [offset + m.start() for m in re.finditer(r"\|", line)]
    return [(a + 1, b, line[a + 1 - offset : b - offset].strip()) for a, b in pairwise(bars)]


def table_cells(masked: str, pos: int) -> tuple[str, str] | None:
    """For a position in a Markdown table row: (its column's header text, the row's first
    cell), or None outside a table."""
    start = masked.rfind("\n", 0, pos) + 1
    end = masked.find("\n", pos)
    line = masked[start : end if end >= 0 else len(masked)]
    if not line.lstrip().startswith("|"):
        return None
    header_start = start
    while header_start > 0:
        prev = masked.rfind("\n", 0, header_start - 1) + 1
        if not masked[prev:header_start].lstrip().startswith("|"):
            break
        header_start = prev
    header_end = masked.find("\n", header_start)
    header = _cells(masked[header_start:header_end], 0)
    row = _cells(line, start)
    column = next((k for k, (a, b, _t) in enumerate(row) if a <= pos < b), None)
    if column is None or header_start == start or column >= len(header) or not row:
        return None
    return header[column][2], row[0][2]
