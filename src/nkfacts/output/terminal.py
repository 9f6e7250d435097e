"""Where output goes and how it may look: the one object that knows whether stdout is a
terminal, how wide it is, whether colour and box-drawing characters may be used, and which
format a command prints in. Every command asks it (`Output.stdout()`); tests build their own.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

from nkfacts.core.errors import UsageError
from nkfacts.core.statictypes import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TextIO

FORMATS = ("table", "tsv", "csv", "json", "jsonl", "markdown")
MAX_WIDTH = 1000  # an absurd COLUMNS must not allocate absurd lines


def check_format(fmt: str | None, isatty: bool) -> str:
    """Default: a table in a terminal, TSV in a pipe; an unknown name is a usage error."""
    if fmt is None:
        return "table" if isatty else "tsv"
    f = fmt.lower()
    if f in ("md",):
        f = "markdown"
    if f not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'. Valid: {', '.join(FORMATS)}")
    return f


def terminal_width(out: TextIO, isatty: bool, default: int = 120) -> int:
    """COLUMNS if set, else the terminal's width, else `default` (pipes); at most MAX_WIDTH."""
    cols = os.environ.get("COLUMNS", "")
    if cols.isascii() and cols.isdigit() and cols.strip("0"):
        return MAX_WIDTH if len(cols) > 6 else min(int(cols), MAX_WIDTH)
    # A table into a pipe (`--format table | head`) fits the terminal the user sits at.
    streams = [out] if isatty else [sys.stderr, sys.stdin]
    for stream in streams:
        try:
            return min(os.get_terminal_size(stream.fileno()).columns, MAX_WIDTH) or default
        except (OSError, ValueError, AttributeError):
            continue
    return default


_hinted: list[bool] = []
PIPE_HINT = "nkfacts: output is TSV in a pipe; --format table for a table (or csv, json, markdown)"


def _hint_once(stderr: TextIO | None = None) -> None:
    err = stderr if stderr is not None else sys.stderr
    try:
        if _hinted or not err.isatty():
            return
        _hinted.append(True)
        err.write(PIPE_HINT + "\n")
        err.flush()
    except (AttributeError, ValueError, OSError):
        return


def json_array(items: Sequence[str]) -> str:
    """Compact JSON objects as one array, one object per line (streams and diffs well)."""
    return "[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n"


class Output:
    """A stream with what is known about it: terminal or not, width, colour, characters."""

    def __init__(
        self, stream: TextIO, isatty: bool, environ: Mapping[str, str] | None = None
    ) -> None:
        self.stream = stream
        self.isatty = isatty
        self.environ = os.environ if environ is None else environ

    @classmethod
    def stdout(cls) -> Output:
        """Standard output, asked once whether it is a terminal."""
        try:
            isatty = sys.stdout.isatty()
        except (AttributeError, ValueError):
            isatty = False
        return cls(sys.stdout, isatty)

    def format(self, fmt: str | None) -> str:
        """The format to print in: `fmt`, else a table for a terminal and TSV for a pipe.

        A person piping to `head` or `less` would otherwise see tabs without a word: when
        stdout is a pipe but stderr a terminal, one line on stderr says so (once a process)."""
        chosen = check_format(fmt, self.isatty)
        if fmt is None and chosen == "tsv":
            _hint_once()
        return chosen

    def width(self, default: int = 120) -> int:
        """The width to fit (COLUMNS, the terminal's, or `default`)."""
        return terminal_width(self.stream, self.isatty, default)

    @property
    def dumb(self) -> bool:
        """TERM=dumb: no colour, no box characters, no framed views."""
        return self.environ.get("TERM") == "dumb"

    @property
    def color(self) -> bool:
        """Colour only for a terminal that can show it, and never under NO_COLOR."""
        return self.isatty and not self.dumb and not self.environ.get("NO_COLOR")

    @property
    def fancy(self) -> bool:
        """Box-drawing characters and arrows: a UTF-8 stream that is not a dumb terminal."""
        encoding = (getattr(self.stream, "encoding", None) or "ascii").lower().replace("-", "")
        return encoding in ("utf8", "utf_8") and not self.dumb

    @property
    def unicode(self) -> bool:
        """Unicode charts: a terminal that is not dumb."""
        return self.isatty and not self.dumb
