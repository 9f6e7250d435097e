"""Text to plain-ASCII LaTeX, so a .bib compiles with pdflatex whatever the font encoding.

Figures' signs become math (`$\\approx$`, `$\\le$`), dashes `--`/`---`, accented Latin
letters accent commands (`{\\'{e}}`, `{\\c{s}}`, `{\\i}`), Cyrillic is transliterated, and
the schwa is `{\\textschwa}` (tipa's command; `PREAMBLE` provides a fallback, ä, as in
ALA-LC romanisation of Azerbaijani, when tipa is not loaded).
"""

from __future__ import annotations

import re
import unicodedata

SPECIAL = {
    "\\": r"\textbackslash{}",
    # Not \{ and \}: BibTeX counts every brace, escaped or not, so an unbalanced one ended
    # the field early; these two commands are brace-balanced.
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
}
SYMBOLS = {
    "–": "--",
    "—": "---",
    "‒": "--",
    "−": "--",
    "≈": r"$\approx$",
    "≤": r"$\le$",
    "≥": r"$\ge$",
    "±": r"$\pm$",
    "×": r"$\times$",
    "→": r"$\to$",
    "“": "``",
    "”": "''",
    "„": ",,",
    "‘": "`",
    "’": "'",
    "«": "``",
    "»": "''",
    "…": r"\ldots{}",
    "\u00a0": "~",
    "\u2009": r"\,",
    "°": r"\textdegree{}",
    "€": "EUR",
    "·": r"\textperiodcentered{}",
    "ı": r"{\i}",
    "ȷ": r"{\j}",
    "ə": r"{\textschwa}",
    "Ə": r"{\textSchwa}",
    "ß": r"{\ss}",
    "ø": r"{\o}",
    "Ø": r"{\O}",
    "æ": r"{\ae}",
    "Æ": r"{\AE}",
    "œ": r"{\oe}",
    "Œ": r"{\OE}",
    "ł": r"{\l}",
    "Ł": r"{\L}",
    "đ": "d",
    "Đ": "D",
}
ACCENTS = {
    "\u0300": "`",
    "\u0301": "'",
    "\u0302": "^",
    "\u0303": "~",
    "\u0304": "=",
    "\u0306": "u",
    "\u0307": ".",
    "\u0308": '"',
    "\u030a": "r",
    "\u030b": "H",
    "\u030c": "v",
    "\u0327": "c",
    "\u0328": "k",
}
_CYR = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөүһ"
_LAT = [
    *("a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p"),
    *("r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "'", "e", "yu", "ya"),
    *("ä", "gh", "q", "ng", "ö", "ü", "h"),
]
CYRILLIC = dict(zip(_CYR, _LAT, strict=True))
PREAMBLE = (
    '@preamble{ "\\providecommand{\\textschwa}{\\"{a}}\\providecommand{\\textSchwa}{\\"{A}}" }'
)
_SPECIAL_RE = re.compile(r"[\\{}&%$#_^~<>]")


def _letter(ch: str) -> str:
    if ch in SYMBOLS:
        return SYMBOLS[ch]
    low = ch.lower()
    if low in CYRILLIC:
        lat = CYRILLIC[low]
        return latex(lat.capitalize() if ch != low else lat)
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    if base.isascii() and marks and all(m in ACCENTS for m in marks):
        out = {"i": r"\i", "j": r"\j"}.get(base, base)
        for m in marks:
            out = f"\\{ACCENTS[m]}{{{out}}}"
        return "{" + out + "}"
    ascii_ = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
    return _SPECIAL_RE.sub(lambda m: SPECIAL[m.group()], ascii_) if ascii_ else "?"


def latex(text: str) -> str:
    """`text` as ASCII-only LaTeX: specials escaped, every other character spelt in commands."""
    out = []
    for ch in text:
        if ch in SPECIAL:
            out.append(SPECIAL[ch])
        elif ch.isascii():
            out.append(ch if ch.isprintable() or ch == "\n" else " ")
        else:
            out.append(_letter(ch))
    return "".join(out)


def needs_preamble(text: str) -> bool:
    """Whether `text` uses the schwa commands that `PREAMBLE` provides a fallback for."""
    return "\\textschwa" in text or "\\textSchwa" in text
