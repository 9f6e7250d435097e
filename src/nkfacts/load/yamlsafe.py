"""Strict YAML reading: plain data only, with line numbers, never running code.

PyYAML's own loaders keep the last of two duplicate keys (silent data loss), expand aliases
(the "billion laughs" bomb) and recurse without bound. This reader walks PyYAML's event
stream instead of its constructor, so it can refuse each of those with the file and line:
- no tags other than the plain core ones (so no Python objects, nothing executed);
- no anchors or aliases at all (curated facts never need them);
- duplicate mapping keys are errors naming both lines;
- nesting is bounded (MAX_DEPTH) and the file size is bounded (MAX_BYTES);
- dates stay strings (no implicit timestamp conversion); only `true`/`false` are booleans.
"""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from nkfacts.core import kinds, paths

MAX_DEPTH = 32
MAX_BYTES = 256 * 1024 * 1024

_PLAIN_TAGS = {
    None,
    "!",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)")
_FLOAT = re.compile(r"[-+]?([0-9][0-9_]*)?\.[0-9]+([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
# What a null, a boolean or a number above can start with; a plain value that starts with
# anything else is text.
_NOT_ONLY_TEXT = frozenset("~nNtTfF+-.0123456789")
_CONSTANTS = {**dict.fromkeys(_NULLS), **dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}


class YamlError(Exception):
    """A file that is not acceptable YAML for nkfacts; `str()` names the file and line."""

    def __init__(
        self, path: Path, message: str, line: int | None = None, code: str = "yaml"
    ) -> None:
        self.path = path
        self.code = code
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


class LDict(dict[Any, Any]):
    """A mapping that remembers its own line and the line of each key."""

    __slots__ = ("key_lines", "line")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[Any, int] = {}


class LList(list[Any]):
    """A sequence that remembers its line."""

    __slots__ = ("line",)

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line


def _scalar(event: Any, path: Path, line: int) -> Any:
    # Interned: curated files repeat the same short values (party, claimant, dates, keys)
    # thousands of times, and a big data set must fit the memory budget.
    value: str = sys.intern(event.value) if len(event.value) <= 48 else event.value
    tag = event.tag
    if tag == "tag:yaml.org,2002:str" or not event.implicit[0]:
        return value
    if value and value[0] not in _NOT_ONLY_TEXT:  # most values: no null, bool or number
        return value
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        if len(value) > 30:
            raise YamlError(path, f"number too large: {value[:20]}…", line)
        return int(value.replace("_", ""))
    if _FLOAT.fullmatch(value):
        return float(value.replace("_", ""))
    return value


def _too_large(path: Path) -> str:
    where = "smaller files"
    if path.name in kinds.FILE_KINDS:
        where = f"files of a folder {kinds.folder(path.name)}/*.yaml"
    return f"file too large (more than {MAX_BYTES} bytes); split its records into {where}"


def read_bytes(path: Path) -> bytes:
    """Read a data file, with a clear error for every way that can fail; the bytes are UTF-8.

    Only regular files are read (a FIFO, device or socket is refused without blocking), and
    the size limit applies to what is actually read, not to what `stat` claims.
    """
    try:
        with paths.open_regular(path) as f:
            if os.fstat(f.fileno()).st_size > MAX_BYTES:  # refused before reading a byte
                raise YamlError(path, _too_large(path))
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise YamlError(path, "file not found") from None
    except IsADirectoryError:
        raise YamlError(path, "is a directory, expected a YAML file") from None
    except PermissionError:
        raise YamlError(path, "permission denied") from None
    except paths.NotRegularFile as exc:
        raise YamlError(path, f"{exc}, expected a YAML file") from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket cannot even be opened
            raise YamlError(path, "not a regular file (a socket), expected a YAML file") from None
        raise YamlError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:  # grew while being read
        raise YamlError(path, _too_large(path))
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise YamlError(path, "binary content (NUL byte); expected UTF-8 YAML text", line)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise YamlError(path, f"invalid UTF-8 (byte 0x{data[exc.start]:02x})", line) from None
    return data.removeprefix(b"\xef\xbb\xbf")


def loads(text: str, path: Path) -> Any:
    """Parse YAML text; `path` is only used in messages."""
    return next(_build(_parse(text, path), path, stream=False))


def iter_records(path: Path) -> Iterator[Any]:
    """Stream the items of a file whose top level is a list, one at a time (bounded memory)."""
    return _build(_parse(read_bytes(path), path), path, stream=True)


_CONTENT = re.compile(r"^[ \t]*[^#\s]", re.M)
_CONTENT_B = re.compile(rb"^[ \t]*[^#\s]", re.M)


def _parse(source: str | bytes, path: Path) -> _Events:
    # Empty = nothing but blank and comment lines (searched, not split: files can be large).
    found = _CONTENT.search(source) if isinstance(source, str) else _CONTENT_B.search(source)
    if found is None:
        raise YamlError(path, "file is empty (expected a list of records)")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return _Events(loader(source))


class _Events:
    """The parser's events: `yaml.parse` without its `check_event` call before each one (a
    parser's `get_event` returns None after the last), iterated without a Python frame per
    event; `close` lets the parser go."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def __iter__(self) -> Iterator[Any]:
        return iter(self.loader.get_event, None)

    def close(self) -> None:
        self.loader.dispose()


class _Builder:
    """Values built from parser events, refusing tags, anchors, aliases, duplicates, depth."""

    def __init__(self, path: Path, stream: bool) -> None:
        self.path = path
        self.stream = stream
        self.stack: list[Any] = []
        self.pending: list[Any] = []  # per open collection: the key awaiting a value (or _NOKEY)
        self.root: Any = _NOKEY
        self.documents = 0

    def refuse(self, event: Any, line: int | None) -> None:
        """Raise for what plain data never has: several documents, aliases, anchors, tags."""
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise YamlError(self.path, "more than one YAML document (---) in the file", line)
        if isinstance(event, yaml.AliasEvent):
            raise YamlError(self.path, f"aliases (*{event.anchor}) are not allowed", line)
        if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            if event.anchor is not None:
                raise YamlError(self.path, f"anchors (&{event.anchor}) are not allowed", line)
            if event.tag not in _PLAIN_TAGS:
                raise YamlError(
                    self.path, f"tag {event.tag} is not allowed (plain data only)", line
                )

    def open(self, event: Any, line: int | None) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise YamlError(self.path, f"nesting deeper than {MAX_DEPTH} levels", line)
        is_map = isinstance(event, yaml.MappingStartEvent)
        if self.stream and not self.stack and is_map:
            raise YamlError(
                self.path,
                "the file must be a list of records (- id: ...), not a mapping",
                line,
                code="top-level",
            )
        self.stack.append(LDict(line or 0) if is_map else LList(line or 0))
        self.pending.append(_NOKEY)

    def place(self, value: Any, line: int | None) -> Any:
        """Put a finished value into its parent; return it when it is a streamed top-level
        item (else _NOKEY). Not a generator: this runs for every value of a big file."""
        if not self.stack:
            self.root = value
            return _NOKEY
        parent = self.stack[-1]
        if type(parent) is LList:
            if self.stream and len(self.stack) == 1:
                return value
            parent.append(value)
        elif self.pending[-1] is _NOKEY:
            if isinstance(value, (LDict, LList, float)):
                raise YamlError(self.path, "mapping keys must be plain strings", line)
            if value in parent:
                first = parent.key_lines[value]
                raise YamlError(
                    self.path, f"duplicate key '{value}' (first at line {first}, again here)", line
                )
            parent.key_lines[value] = line or 0
            self.pending[-1] = value
        else:
            parent[self.pending[-1]] = value
            self.pending[-1] = _NOKEY
        return _NOKEY

    def feed(self, event: Any) -> Any:
        """Take one parser event; return a finished streamed item, or _NOKEY."""
        cls = type(event)
        if cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            value = self.stack.pop()
            self.pending.pop()
            return self.place(value, value.line)
        line = event.start_mark.line + 1 if event.start_mark else None
        if cls is yaml.ScalarEvent and event.anchor is None and event.tag in _PLAIN_TAGS:
            return self.place(_scalar(event, self.path, line or 0), line)  # the common case
        starts = cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent
        if starts and event.anchor is None and event.tag in _PLAIN_TAGS:  # nothing to refuse
            self.open(event, line)
            return _NOKEY
        self.refuse(event, line)
        if cls is yaml.ScalarEvent:
            return self.place(_scalar(event, self.path, line or 0), line)
        if cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
            self.open(event, line)
        elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            value = self.stack.pop()
            self.pending.pop()
            return self.place(value, value.line)
        return _NOKEY

    def finish(self) -> Iterator[Any]:
        if self.root is _NOKEY or self.root is None:
            raise YamlError(self.path, "file is empty (expected a list of records)")
        if not self.stream:
            yield self.root
        elif not isinstance(self.root, LList):
            kind = "text" if isinstance(self.root, str) else type(self.root).__name__
            raise YamlError(
                self.path,
                f"the file must be a list of records (- id: ...), not {kind}",
                1,
                code="top-level",
            )


def _build(events: _Events, path: Path, stream: bool) -> Iterator[Any]:
    """Turn parser events into values, refusing tags, anchors, aliases, duplicates, depth.

    With `stream`, the top level must be a sequence and its items are yielded one by one
    instead of being collected; otherwise the single root value is yielded.
    """
    builder = _Builder(path, stream)
    try:
        yield from _walk(events, builder)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = mark.line + 1 if mark else None
        raise YamlError(path, f"YAML syntax error: {exc.problem or exc.context}", where) from None
    except yaml.YAMLError as exc:
        raise YamlError(path, f"YAML error: {exc}") from None
    except RecursionError:
        raise YamlError(path, "nesting too deep") from None
    finally:
        events.close()
    yield from builder.finish()


def _walk(events: Iterable[Any], builder: _Builder) -> Iterator[Any]:
    """The streamed items of `events` (the body of `_build`, without its error handling).

    Inline, the most common events (nine in ten): an untagged scalar that `_plain` resolves
    (text, null, boolean, plain integer) inside a mapping or a nested list, and the end of a
    collection. Exactly what `feed` does with them, without its calls; the rest goes there."""
    feed, place, stack, pending = builder.feed, builder.place, builder.stack, builder.pending
    scalar, stream = yaml.ScalarEvent, builder.stream
    for event in events:
        if type(event) is scalar and event.tag is None and event.anchor is None and stack:
            v = _plain(event.value, event.implicit[0])
            if v is not _NOKEY:
                parent = stack[-1]
                if type(parent) is LDict:
                    key = pending[-1]
                    if key is not _NOKEY:
                        parent[key] = v
                        pending[-1] = _NOKEY
                        continue
                    line = event.start_mark.line + 1 if event.start_mark else 0
                    if v in parent:
                        place(v, line)  # raises: a duplicate key
                    parent.key_lines[v] = line
                    pending[-1] = v
                    continue
                if len(stack) > 1 or not stream:
                    parent.append(v)
                    continue
        elif type(event) in _ENDS:
            value = stack.pop()
            pending.pop()
            if (item := place(value, value.line)) is not _NOKEY:
                yield item
            continue
        if (item := feed(event)) is not _NOKEY:
            yield item


def _plain(v: str, implicit: bool) -> Any:
    """An untagged scalar's value as `_scalar` makes it, or _NOKEY (a float, a signed or
    oversized number: `_scalar` decides, with the line for its error)."""
    if not implicit or (v and v[0] not in _NOT_ONLY_TEXT):
        return sys.intern(v) if len(v) <= 48 else v
    if v in _CONSTANTS:
        return _CONSTANTS[v]
    if v.isdigit() and v.isascii() and (v[0] != "0" or v == "0") and len(v) <= 30:
        return int(v)
    if _INT.fullmatch(v) or _FLOAT.fullmatch(v):
        return _NOKEY
    return sys.intern(v) if len(v) <= 48 else v  # text starting like a number (a date)


_ENDS = frozenset([yaml.MappingEndEvent, yaml.SequenceEndEvent])


class _NoKey:
    __slots__ = ()


_NOKEY: Any = _NoKey()
