"""Untrusted text, escaped for the medium it goes to: one function per medium (issue 23).

Text from the data files, a draft, a source snapshot, the environment or the command line is
never written raw. Each medium has its escaper here, and the writers call it:

- a terminal (`terminal`, `TerminalWriter`): C0/C1 controls, DEL, bidi overrides and
  zero-width characters are shown visibly, as `ls` does (`\\x1b`, `\\u202e`); nkfacts' own
  colours are added after the escaping, so they are kept;
- CSV (`csv_writer`): RFC 4180 quoting (a bare CR too) and formula cells neutralised with a
  leading apostrophe (`csv_cell`);
- HTML (`html_text`, `html_attr`) and URLs (`http_url`): only http(s) URLs become links;
- wikitext (`wikitext`, `wiki_url`): no value can end a template or start a link (free links
  too), a template, a signature, a magic word, a tag or bold/italics;
- BibTeX/LaTeX: `nkfacts.cite.latex` (ASCII LaTeX whose braces always balance);
- Markdown (`markdown_text`, `markdown_url`): no value (a cell, a quote, a title) can open a
  link, an image or HTML;
- a shell command line (`shell_word`);
- an output encoding that cannot hold a character (`ENCODE_ERRORS`): `\\uXXXX`, never a crash.

Cheap to import (patterns are compiled on first use); the fast paths — TSV or JSON into a
pipe, shell completion of plain names — do not import it at all.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterable

from nkfacts.core.statictypes import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, TextIO

# --- terminal -------------------------------------------------------------------------------

# Patterns are strings, compiled by `re` on first use (and cached): importing stays cheap.

# C0 controls (tab and newline too: a caller keeps them explicitly), DEL and C1 controls,
# the Arabic letter mark, zero-width and bidi characters, line/paragraph separators, the
# invisible operators, the BOM, interlinear annotations, lone surrogates (undecodable bytes)
# and the tag characters (invisible "ASCII smuggling").
_UNSAFE = (
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
    "\ud800-\udfff\U000e0000-\U000e007f]"
)


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(ch: str) -> str:
    n = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if n < 0x100:
        return f"\\x{n:02x}"
    return f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


def _json_visible(ch: str) -> str:
    """The same character as a JSON escape: the JSON text means exactly what it meant."""
    n = ord(ch)
    if n < 0x10000:
        return f"\\u{n:04x}"
    n -= 0x10000
    return f"\\u{0xD800 + (n >> 10):04x}\\u{0xDC00 + (n & 0x3FF):04x}"


def terminal(text: str, keep: str = "", *, json: bool = False) -> str:
    """`text` safe for a terminal: every control, bidi and zero-width character (except those
    in `keep`, e.g. "\\n") shown as a visible escape; `json`: as a JSON escape (`\\u001b`)."""
    if text.isascii() and text.isprintable():
        return text
    show = _json_visible if json else _visible
    return re.sub(_UNSAFE, lambda m: m.group() if m.group() in keep else show(m.group()), text)


def terminal_lines(text: str) -> str:
    """Multi-line text for people (`show`, `cite`, charts): line breaks kept, nothing else."""
    return terminal(text, "\n")


class TerminalWriter(io.TextIOBase):
    """A text stream for a terminal: everything written is escaped (`terminal`), except line
    breaks and tabs (the structure of TSV, CSV and JSON lines). `json`: JSON escapes, so the
    output stays valid JSON with the same values."""

    def __init__(self, out: TextIO, *, json: bool = False) -> None:
        super().__init__()
        self.out = out
        self.json = json

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self.out, "encoding", None) or "utf-8")

    def write(self, s: str) -> int:
        self.out.write(terminal(s, "\n\t", json=self.json))
        return len(s)

    def flush(self) -> None:
        self.out.flush()

    def isatty(self) -> bool:
        return True

    def writable(self) -> bool:
        return True


def for_terminal(out: TextIO, isatty: bool, fmt: str = "") -> TextIO:
    """`out` itself, or, when it is a terminal, a `TerminalWriter` around it."""
    if not isatty:
        return out
    return TerminalWriter(out, json=fmt in ("json", "jsonl", "csl-json"))  # type: ignore[return-value]


# --- output encodings -----------------------------------------------------------------------

ENCODE_ERRORS = "nkfacts-escape"


def _encode_error(exc: UnicodeError) -> tuple[str, int]:
    """What an output encoding cannot hold becomes `\\uXXXX` (valid inside JSON strings too)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return "".join(_json_visible(ch) for ch in exc.object[exc.start : exc.end]), exc.end


codecs.register_error(ENCODE_ERRORS, _encode_error)


# --- CSV ------------------------------------------------------------------------------------

_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER = r"[+-]?\d[\d,]*(?:\.\d+)?"


def csv_cell(value: str) -> str:
    """A cell a spreadsheet will not run: one starting with = + - @ (or a tab or line break)
    gets a leading apostrophe, unless it is a plain number such as -5 (OWASP's advice)."""
    if value.startswith(_FORMULA) and not re.fullmatch(_NUMBER, value):
        return "'" + value
    return value


def csv_field(value: str) -> str:
    """RFC 4180: quoted when it holds a comma, a quote, a CR or a LF (a bare CR too)."""
    value = csv_cell(value)
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


class CsvWriter:
    """`csv.writer`'s interface (LF line ends, as before), every cell through `csv_field`."""

    def __init__(self, out: Any) -> None:
        self.out = out

    def writerow(self, row: Iterable[str]) -> None:
        cells = [csv_field(str(c)) for c in row]
        self.out.write((",".join(cells) if cells != [""] else '""') + "\n")

    def writerows(self, rows: Iterable[Iterable[str]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(out: Any) -> CsvWriter:
    return CsvWriter(out)


# --- URLs and HTML --------------------------------------------------------------------------

_URL = r"(?i:https?)://[^\s/?#@]+(?:[/?#]\S*)?"


def http_url(url: str) -> bool:
    """An http(s) URL with a host and no whitespace or control character: the only URLs that
    nkfacts turns into links (and the only ones `validate` accepts)."""
    return bool(re.fullmatch(_URL, url)) and terminal(url) == url


def html_text(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def html_attr(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def html_link(url: str, text: str) -> str:
    """`<a href="URL">text</a>` for an http(s) URL; any other is shown as text, not linked."""
    if not http_url(url):
        return html_text(text)
    return f'<a href="{html_attr(url)}">{html_text(text)}</a>'


# --- wikitext -------------------------------------------------------------------------------

_WIKI = (
    r"(?P<label>\[[A-Za-z0-9/._-]{1,40}\](?!\]))"  # a reference label such as [167]: plain text
    # a URL scheme: no free link (a bare http://… in a quote stays text)
    r"|(?P<scheme>(?i:\b(?:https?|ftps?|sftp|mailto|news|nntp|irc|ircs|gopher|telnet|svn|git|"
    r"ssh|mms|sips?|sms|tel|urn|xmpp|geo|bitcoin|magnet|matrix|redis|worldwind)):)"
    r"|(?P<run>'{2,}|~{3,}|_{2,})"  # bold/italics, signatures, magic words (__NOTOC__)
    r"|[\[\]{}|<\t\n\r]"
)
_WIKI_CHARS = {
    "[": "&#91;",
    "]": "&#93;",
    "{": "&#123;",
    "}": "&#125;",
    "|": "&#124;",
    "<": "&lt;",
    "'": "&#39;",
    "~": "&#126;",
    "_": "&#95;",
    "\t": " ",
    "\n": " ",
    "\r": " ",
}


def _wiki_sub(m: re.Match[str]) -> str:
    if m.group("label"):
        return m.group()
    if m.group("scheme"):
        return m.group()[:-1] + "&#58;"
    return "".join(_WIKI_CHARS[c] for c in m.group())


def wikitext(value: str) -> str:
    """A template parameter value that stays one inert value: braces, pipes, brackets (links,
    categories), '' (bold/italics), ~~~ (signatures), __ (magic words), < (tags) and the colon
    of a URL scheme (free links) become entities; a reference label such as [167] stays."""
    return re.sub(_WIKI, _wiki_sub, value)


def wiki_url(url: str) -> str:
    """A URL parameter: characters that would end it or the template percent-encoded."""
    return _pct(url, " \"<>[]{}|'\\^`")


def _pct(url: str, unsafe: str) -> str:
    out = []
    for ch in url:
        if ch in unsafe or terminal(ch) != ch:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
        else:
            out.append(ch)
    return "".join(out)


# --- Markdown -------------------------------------------------------------------------------

# A reference label such as [167] stays as it reads (no link: nothing defines it, and it is
# never followed by "("); any other bracket, backslash, <, > and backtick is escaped.
_MD = r"(?P<label>\[[A-Za-z0-9/._-]{1,40}\](?!\())|[\\\[\]<>`]|[\t\r\n]+"


def _md_sub(m: re.Match[str]) -> str:
    text = m.group()
    if m.group("label"):
        return text
    return " " if text[0] in "\t\r\n" else "\\" + text


def markdown_text(text: str) -> str:
    """Text (a table cell, a quote, a title as link text) that cannot open a link, an image,
    HTML or a code span, nor start a new line: backslash-escaped, line breaks as spaces."""
    return re.sub(_MD, _md_sub, text)


def markdown_url(url: str) -> str | None:
    """A link destination, or None (no link) when the URL is not http(s)."""
    if not http_url(url):
        return None
    return _pct(url, ' "<>()[]\\`')


# --- shell ----------------------------------------------------------------------------------


def shell_word(text: str) -> str:
    """One shell word to copy: `shlex.quote`, or bash's $'…' when it holds control characters
    (a file name with a line break stays one word on one line)."""
    if terminal(text) == text:
        import shlex

        return shlex.quote(text)
    data = text.encode("utf-8", "surrogateescape")
    body = "".join(
        chr(b) if 0x20 <= b < 0x7F and chr(b) not in "'\\" else f"\\x{b:02x}" for b in data
    )
    return f"$'{body}'"
