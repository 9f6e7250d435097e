"""How a record becomes cell text: `Column` (header, text, table hints), `View` (a view's
columns and terminal layout), field getters, citation labels, one-line cleaning, TSV rows."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from nkfacts.core.statictypes import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, TypeAlias

Record: TypeAlias = "Mapping[str, Any]"  # a record read (the contract's TypedDicts)


class Column:
    """One output column: header, plain text for pipes, and whether a terminal table shows it."""

    __slots__ = ("header", "in_table", "justify", "plain", "priority", "wrap")

    def __init__(
        self,
        header: str,
        plain: Callable[[Record], str],
        in_table: bool = True,
        wrap: bool = False,
        justify: str = "left",
        priority: int = 5,
    ) -> None:
        self.header = header
        self.plain = plain
        self.in_table = in_table
        self.wrap = wrap  # long text: wrap in the terminal table
        self.justify = justify
        self.priority = priority  # terminal tables drop the highest numbers first; 0 never

    def but(self, *, priority: int, wrap: bool | None = None) -> Column:
        """This column with a table priority (and wrapping) of its own."""
        return Column(
            self.header,
            self.plain,
            True,
            self.wrap if wrap is None else wrap,
            self.justify,
            priority,
        )


class View:
    """One view, declared once: its columns in pipe order (TSV/CSV/JSON; `in_table` for
    Markdown) and its terminal table: (header, priority, wrap) in drawing order. Priority 0 is
    never dropped; the others go highest first when the terminal is narrow."""

    __slots__ = ("columns", "table")

    def __init__(
        self, columns: list[Column], table: tuple[tuple[str, int, bool | None], ...] = ()
    ) -> None:
        self.columns = columns
        self.table = table


def field(key: str) -> Callable[[Record], str]:
    def get(rec: Record) -> str:
        v = rec.get(key)
        if type(v) is str:  # the usual case first
            return v
        if v is None:
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, list):
            return "; ".join(str(x) for x in v)
        return str(v)

    return get


def _label(c: Record) -> str:
    if c["ref"]:
        return f"[{c['ref']}]"
    if c.get("passage_ref"):
        return f"(no label; passage [{c['passage_ref']}])"
    return "(no label)"


def cite_plain(rec: Record) -> str:
    """'nk-conflict [167][174]'; a sentence without a label shows '(no label)', or
    '(no label; passage [171])' where the label closing its paragraph is recorded."""
    by_source: dict[str, list[str]] = {}
    for c in rec.get("citations", []):
        by_source.setdefault(c["source"], []).append(_label(c))
    return "; ".join(f"{s} {''.join(refs)}" for s, refs in by_source.items())


def claim_text(c: Record) -> str:
    """'3,825 per Armenian authorities as of 2021-01-11 [war-2020 58]' (disputes in pipes)."""
    when = f" as of {c['as_of']}" if c.get("as_of") else ""
    return f"{c['figure']} per {c['claimant']}{when} [{cite_plain(c)}]"


def col(header: str, key: str, **kw: Any) -> Column:
    """A column showing the record's field `key` as text."""
    return Column(header, field(key), **kw)


_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def clean(text: str) -> str:
    """One line: tabs and line breaks become spaces (a no-break space stays one); any other
    control, bidi or zero-width character is shown visibly (`\\x1b`, `\\u202e`: README,
    Security), so a TSV row, a table cell or a Markdown cell never carries one raw.
    Most cells need nothing: printable text (no control, bidi, zero-width or no-break space:
    none of those is printable) without a double space is only stripped, with no regex."""
    if text.isprintable() and "  " not in text:
        return text.strip()
    text = _SPACE.sub(" ", text).strip()
    if text.isascii() and text.isprintable():
        return text
    from nkfacts.core.escape import terminal

    return terminal(text)


def tsv_header(cols: list[Column]) -> str:
    """The TSV header line of these columns (stored in the index beside the rows)."""
    return "\t".join(c.header for c in cols)


def tsv_line(cols: list[Column], rec: Record) -> str:
    """One TSV row: tabs and line breaks inside values become spaces, controls are shown
    visibly (`clean`); nothing is truncated."""
    return "\t".join([clean(c.plain(rec)) for c in cols])
