"""Text measured in terminal cells: display width, word wrap that keeps tokens whole, padding."""

from __future__ import annotations

import re
import unicodedata


def cell_len(text: str) -> int:
    """Display width in terminal cells (wide East Asian characters count 2, combining 0)."""
    if text.isascii():
        return len(text)
    n = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n


_DASH = re.compile(r"(?<=[–/_-])(?=.)")  # after a dash, a slash or an underscore (paths, URLs)
_RANGE = re.compile(r"(?<=–)(?=.)|(?<= /)(?= )")  # between two dates: after '–' or ' /'


def pieces(word: str) -> list[str]:
    """A word split after its dashes ('January–September' -> 'January–', 'September')."""
    return _DASH.split(word)


def _cut(word: str, width: int) -> list[str]:
    """Split one over-long word into pieces of at most `width` cells: after a dash if that
    is enough, else anywhere."""
    out: list[str] = []
    cur = ""
    for part in pieces(word):
        if cur and cell_len(cur + part) > width:
            out.append(cur)
            cur = ""
        cur += part
        while cell_len(cur) > width:  # no dash to break at: cut
            head = ""
            for ch in cur:
                if head and cell_len(head + ch) > width:
                    break
                head += ch
            out.append(head)
            cur = cur[len(head) :]
    return [*out, cur] if cur else out


def wrap(text: str, width: int, *, breakable: bool) -> list[str]:
    """Greedy word wrap by display width; words longer than `width` are cut only if breakable."""
    lines: list[str] = []
    cur = ""
    for word in text.split(" "):  # plain spaces only: a no-break space keeps words together
        if not word:
            continue
        parts = _cut(word, width) if breakable and cell_len(word) > width else [word]
        for part in parts:
            if not cur:
                cur = part
            elif cell_len(cur) + 1 + cell_len(part) <= width:
                cur += " " + part
            else:
                lines.append(cur)
                cur = part
    return [*lines, cur] if cur else (lines or [""])


def date_units(text: str) -> list[str]:
    """A date or a range of dates split only between its dates: '27 September 2020 –',
    '10 November 2020'; 'January–', 'September 2020'. A day-month-year is never split."""
    return [u.strip() for u in _RANGE.split(text) if u.strip()] or [""]


def wrap_dates(text: str, width: int) -> list[str]:
    """A date cell wrapped only after the dash between two dates (`date_units`); a date wider
    than `width` is broken at its spaces as a last resort, never inside a word."""
    lines: list[str] = []
    cur = ""
    for unit in _RANGE.split(text):
        glued = cur + unit
        if cur and cell_len(glued.rstrip()) > width:
            lines.append(cur.rstrip())
            glued = unit.lstrip()
        cur = glued
    lines.append(cur.strip())
    return [part for line in lines for part in wrap(line, width, breakable=False)]


def pack(fields: list[str], width: int, sep: str = " · ") -> list[str]:
    """Fields side by side, `sep` between them, a new line before a field that does not fit;
    a field wider than `width` is wrapped on its own."""
    lines: list[str] = []
    cur = ""
    for f in fields:
        if cur and cell_len(cur + sep + f) <= width:
            cur += sep + f
            continue
        if cur:
            lines.append(cur)
        *done, cur = wrap(f, width, breakable=True)
        lines += done
    return [*lines, cur] if cur else lines


def pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(0, width - cell_len(text))
    return gap + text if right else text + gap
