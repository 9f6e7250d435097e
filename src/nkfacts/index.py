"""The compiled index: the validated YAML, compiled once into SQLite, queried on every call.

The YAML stays the single source of truth. The index is keyed by a fingerprint of the data
files (name, size, mtime) plus the code version; a query whose fingerprint differs rebuilds it.
Rebuilds write a temporary file beside the index and rename it into place, so concurrent first
runs never see a half-written file. Where the cache directory cannot be written the index is
built in memory for this call only. A corrupt index file is rebuilt.

This module is on the warm path: it must not import yaml, rich or the validator at top level.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nkfacts import __version__, paths
from nkfacts.errors import DataError

if TYPE_CHECKING:
    pass

SCHEMA_VERSION = "8"
DATA_FILES = (
    "sources.yaml",
    "actors.yaml",
    "places.yaml",
    "events.yaml",
    "casualties.yaml",
    "datasets.yaml",
    "ceasefires.yaml",
    "violations.yaml",
    "positions.yaml",
)


def _data_files(data_dir: Path) -> list[Path]:
    return [data_dir / n for n in DATA_FILES]


def fingerprint(data_dir: Path) -> str:
    """Cheap identity of the data: every file's name, size and mtime, plus the code version."""
    from nkfacts.columns import signature

    parts = [__version__, SCHEMA_VERSION, signature(), str(data_dir.resolve())]
    for path in _data_files(data_dir):
        try:
            st = path.stat()
            parts.append(f"{path.name}:{st.st_size}:{st.st_mtime_ns}:{int(path.is_dir())}")
        except OSError:
            parts.append(f"{path.name}:-")
    return "|".join(parts)


def data_version(data_dir: Path) -> str:
    """Short content hash of the data files: the 'data version' shown by --version."""
    import hashlib

    h = hashlib.sha256()
    for path in _data_files(data_dir):
        with contextlib.suppress(OSError):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


class Progress:
    """Progress on stderr, but only once a rebuild has taken longer than a second."""

    def __init__(self, stream: Any = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.t0 = time.monotonic()

    def __call__(self, message: str) -> None:
        if time.monotonic() - self.t0 < 1.0:
            return
        with contextlib.suppress(OSError, ValueError):
            self.stream.write(f"nkfacts: building index: {message}\n")
            self.stream.flush()


def open_index(data_dir: Path, progress: Callable[[str], None] | None = None) -> sqlite3.Connection:
    """A connection to an up-to-date index for `data_dir`, rebuilding it when needed."""
    if not data_dir.is_dir():
        raise DataError(
            f"{data_dir}: data directory not found"
            if not data_dir.exists()
            else f"{data_dir}: not a directory"
        )
    fp = fingerprint(data_dir)
    target = paths.index_path(data_dir)
    if target is not None and target.is_file():
        try:
            con = _read_only(target)
            row = con.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
            if row is not None and row[0] == fp:
                return con
            con.close()
        except sqlite3.DatabaseError:
            pass  # corrupt or foreign file: rebuild below
    return build(data_dir, fp, target, progress or Progress())


def _read_only(path: Path) -> sqlite3.Connection:
    # A proper file: URI, so cache paths with spaces, '?' or '#' work.
    return sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)


def build(
    data_dir: Path, fp: str, target: Path | None, progress: Callable[[str], None]
) -> sqlite3.Connection:
    """Validate the YAML and compile it; raise DataError (exit 3) if it has any error."""
    from nkfacts.validate import check  # heavy: yaml + validation, only on rebuild

    ds = check(data_dir, progress=progress)
    if not ds.valid:
        raise DataError(_summary(ds.errors), ds.errors)
    tmp: Path | None = None
    if target is not None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
            con = sqlite3.connect(tmp)
        except (OSError, sqlite3.Error):
            tmp = None
    if tmp is None:
        con = sqlite3.connect(":memory:")
    try:
        from nkfacts.compile import fill

        fill(con, ds, {"fingerprint": fp, "data_version": data_version(data_dir)}, progress)
    except BaseException:
        con.close()
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    if tmp is not None and target is not None:
        con.close()
        try:
            os.replace(tmp, target)
            return _read_only(target)
        except OSError:
            # Could not publish it; still answer from the file we wrote.
            return _read_only(tmp)
    return con


def _summary(errors: list[dict[str, Any]]) -> str:
    lines = [
        f"the data files have {len(errors)} error(s); run `nkfacts validate` for the full report"
    ]
    for p in errors[:10]:
        where = f"{p['file']}:{p['line']}" if p.get("line") else str(p["file"])
        rid = f" [{p['id']}]" if p.get("id") else ""
        fld = f" {p['field']}" if p.get("field") else ""
        lines.append(f"  {where}:{rid}{fld} {p['message']}")
    if len(errors) > 10:
        lines.append(f"  … and {len(errors) - 10} more")
    return "\n".join(lines)
