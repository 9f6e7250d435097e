"""The draft as text: Markdown code, URLs and reference markers blanked, and its sentences,
each with its paragraph (headings and list items are blocks of their own)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MASK = re.compile(
    r"```.*?```|`[^`\n]*`|<[^>\n]+>|\]\([^)\s]*\)|\bhttps?://\S+|\bwww\.\S+|\[\^?[\w,\s–-]{1,12}\]",
    re.DOTALL,
)
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]*_]*\s+(?=[\"“‘(*_]*[A-Z0-9])")
_BLOCK_START = re.compile(r"[ \t]*(?:#|[-*+][ \t]|\d+\.[ \t]|\|)")


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int
    heading: bool


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
                out.append(Sentence(first, first + len(chunk.strip()), n, heading))
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
