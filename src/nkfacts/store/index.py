"""The compiled index: the validated YAML, compiled once into SQLite, queried on every call.

The YAML stays the single source of truth, and the index must never serve anything else:
- It is keyed by the code (version, schema, every view's columns, the modules that shape the
  stored rows) and by each data file's content hash. Each file's stat identity (size, mtime,
  inode, ctime) is stored beside its hash; a warm query trusts an unchanged stat only when the
  file was last changed more than RACY_NS before the index verified it (git's "racy clean"
  rule, so coarse timestamps and same-second edits are caught), and otherwise hashes the file.
- An index that cannot be opened or answered (not a file, not a database, missing tables,
  malformed pages) is set aside and rebuilt, with a note on stderr (`discard_last` is the
  query-time half, called by the CLI's error boundary).
- Rebuilds write a uniquely named temporary file beside the index and rename it into place, so
  concurrent first runs never see a half-written file; the temporary file is removed on every
  exit path that runs Python code (errors, SIGINT, SIGTERM), and those of dead processes
  (kill -9, power loss) are swept by the next rebuild.
- Where the cache cannot be written (no HOME, unwritable or unsearchable directory, full disk)
  the index is built in memory for this call only.

This module is on the warm path: it must not import yaml, rich, hashlib or the validator at top
level.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import sys
import time
from collections.abc import Callable

from nkfacts import __version__
from nkfacts.core import paths
from nkfacts.core.errors import DataError
from nkfacts.core.statictypes import TYPE_CHECKING
from nkfacts.store import cachefiles
from nkfacts.store.cachefiles import shown

if TYPE_CHECKING:
    from typing import Any

    from nkfacts.core.paths import StrPath

SCHEMA_VERSION = "14"
# Modules whose code decides what the stored rows contain: editing one rebuilds the index.
CODE_MODULES = (
    "output/views.py",
    "output/cells.py",
    "core/people.py",
    "core/kinds.py",
    "core/contract.py",
    "load/normalise.py",
    "store/compile.py",
    "core/figures.py",
    "core/dates.py",
)
# A file changed less than this before the index was verified is "racy": its stat may not
# show a later same-size edit (1-second or 2-second timestamps), so its content is hashed.
RACY_NS = 2_000_000_000
_META_KEYS = ("code", "files", "verified")
_SEEN = ("files", "verified")

# The index file behind the last connection handed out (None: built in memory).
last_opened: str | None = None


def code_key(data_dir: StrPath) -> str:
    """What the index depends on besides the data: code version, schema, and the modules that
    shape its rows (the views among them: each view's header is stored with its rows)."""
    parts = [__version__, SCHEMA_VERSION, shown(os.path.realpath(data_dir), 1 << 16, escape=False)]
    return "|".join([*parts, *module_stamps(CODE_MODULES)])


def module_stamps(modules: tuple[str, ...]) -> list[str]:
    """Each package module (a path below the package) with its size and mtime: a key part that
    changes when the code is edited or reinstalled."""
    here = os.path.dirname(os.path.dirname(__file__))  # the package
    stamps = []
    for name in modules:
        try:
            st = os.stat(os.path.join(here, name))
            stamps.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            stamps.append(f"{name}:-")
    return stamps


def data_version(data_dir: StrPath) -> str:
    """Short content hash of the data files: the 'data version' shown by --version."""
    names = cachefiles.watched(data_dir)
    return cachefiles.version_of(
        {name: cachefiles.sha(os.path.join(data_dir, name)) for name in names}
    )


class Progress:
    """Progress on stderr, but only once a rebuild has taken longer than a second."""

    def __init__(self, stream: Any = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.t0 = time.monotonic()

    def __call__(self, message: str) -> None:
        if time.monotonic() - self.t0 < 1.0:
            return
        with contextlib.suppress(Exception):
            self.stream.write(f"nkfacts: building index: {message}\n")
            self.stream.flush()


def check_data_dir(data_dir: StrPath) -> None:
    """DataError (exit 3) unless `data_dir` is a directory this process can look into."""
    try:
        st = os.stat(data_dir)
    except FileNotFoundError:
        raise DataError(f"{shown(data_dir)}: data directory not found") from None
    except OSError as exc:
        raise DataError(f"{shown(data_dir)}: cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISDIR(st.st_mode):
        raise DataError(f"{shown(data_dir)}: not a directory")


def open_index(
    data_dir: StrPath, progress: Callable[[str], None] | None = None
) -> sqlite3.Connection:
    """A connection to an up-to-date index for `data_dir`, rebuilding it when needed."""
    global last_opened
    check_data_dir(data_dir)
    now = time.time_ns()  # before any stat: a change after this instant is always hashed
    code = code_key(data_dir)
    base = os.fspath(data_dir)
    names = cachefiles.watched(base)  # a kind's folder of files included
    states = {name: cachefiles.file_state(os.path.join(base, name)) for name in names}
    target = trusted_index(data_dir, note=True)
    if target is not None:
        con = _open_cached(target, code, states, now, data_dir)
        if con is not None:
            last_opened = target
            return con
    from nkfacts.store.rebuild import build  # the rebuild half: validation, compile, temp files

    con, last_opened = build(data_dir, code, target, progress or Progress())
    return con


def trusted_index(data_dir: StrPath, *, note: bool) -> str | None:
    """The index path for `data_dir`, or None (build in memory) when the cache directory or
    the index there is not ours (README: security), with a note on stderr."""
    target = paths.index_path(data_dir)
    if target is None:
        return None
    for path, directory in ((os.path.dirname(target), True), (target, False)):
        reason = paths.untrusted(path, directory=directory)
        if reason is not None:
            if note:
                cachefiles.note(
                    f"the index cache {shown(path)} is not used: {reason}; using memory"
                )
            return None
    return target


def open_existing(data_dir: StrPath) -> sqlite3.Connection | None:
    """Whatever index exists for `data_dir`, stale or not, without checks (shell completion)."""
    target = trusted_index(data_dir, note=False)
    try:
        if target is None or not stat.S_ISREG(os.stat(target).st_mode):
            return None
        return cachefiles.read_only(target)
    except (OSError, sqlite3.Error):
        return None


def _open_cached(
    target: str,
    code: str,
    states: dict[str, tuple[str, int]],
    now: int,
    data_dir: StrPath,
) -> sqlite3.Connection | None:
    """The cached index if it is sound and current; None to rebuild (damaged ones set aside)."""
    try:
        mode = os.lstat(target).st_mode
    except OSError:
        return None  # missing, or a cache directory we cannot search: rebuild
    if not stat.S_ISREG(mode):
        cachefiles.set_aside(target, "not a regular file")
        return None
    con: sqlite3.Connection | None = None
    try:
        con = cachefiles.read_only(target)
        marks = ",".join("?" * len(_META_KEYS))
        meta = dict(con.execute(f"SELECT key, value FROM meta WHERE key IN ({marks})", _META_KEYS))
        if meta.get("code") != code:
            con.close()
            return None  # built by other code, or not ours: an ordinary rebuild
        verdict = _verdict(meta, states, data_dir)
    except (sqlite3.DatabaseError, KeyError, ValueError) as exc:
        if con is not None:
            con.close()
        cachefiles.set_aside(target, str(exc))
        return None
    if verdict is None:
        con.close()
        return None
    if verdict:
        _refresh(target, states, verdict, now, (meta["files"], meta["verified"]))
    return con


def _verdict(
    meta: dict[str, str], states: dict[str, tuple[str, int]], data_dir: StrPath
) -> dict[str, str] | None:
    """None if any data file changed; else the hashes of files re-verified by content."""
    stored = {}
    for line in meta["files"].split("\n"):
        name, _, rest = line.rpartition("=")  # a folder's file name may hold "="
        key, _, sha = rest.rpartition(":")
        stored[name] = (key, sha)
    if len(stored) != len(states):
        return None  # a file of a kind's folder was added or removed
    verified = int(meta["verified"])
    rehashed: dict[str, str] = {}
    for name, (key, newest) in states.items():
        if name not in stored:
            return None
        old_key, sha = stored[name]
        regular = key[:1].isdigit()
        if key == old_key and (not regular or newest < verified - RACY_NS):
            continue
        if (
            not (regular and old_key[:1].isdigit())
            or cachefiles.sha(os.path.join(data_dir, name)) != sha
        ):
            return None
        rehashed[name] = sha
    return rehashed


def _refresh(
    target: str,
    states: dict[str, tuple[str, int]],
    shas: dict[str, str],
    now: int,
    seen: tuple[str, str] | None = None,
) -> None:
    """Record that re-hashed files are unchanged, so the next call trusts their stat again.

    Only into the index that was verified: the path is opened again, and another process may
    have renamed a newer build there meanwhile, so the write happens only if the `files` and
    `verified` values are still those read (`seen`, a build's identity), in one transaction.
    """
    try:
        con = sqlite3.connect(target, timeout=0.1, isolation_level=None)
        try:
            con.execute("BEGIN IMMEDIATE")
            rows = dict(con.execute("SELECT key, value FROM meta WHERE key IN (?, ?)", _SEEN))
            if seen is not None and (rows.get("files"), rows.get("verified")) != seen:
                con.execute("ROLLBACK")
                return  # another build (or a refresh) got there first: leave it as it is
            lines = []
            for line in rows["files"].split("\n"):
                name = line.rpartition("=")[0]
                if name in shas:
                    line = f"{name}={states[name][0]}:{shas[name]}"
                lines.append(line)
            con.execute("UPDATE meta SET value = ? WHERE key = 'files'", ("\n".join(lines),))
            con.execute("UPDATE meta SET value = ? WHERE key = 'verified'", (str(now),))
            con.execute("COMMIT")
        finally:
            con.close()
    except (sqlite3.Error, OSError, TypeError, KeyError):
        pass  # read-only or busy cache: the files are simply hashed again next time


def discard_last() -> str | None:
    """Set aside the index behind the last connection (it failed a query); None if in memory."""
    global last_opened
    target, last_opened = last_opened, None
    if target is None:
        return None
    with contextlib.suppress(OSError):
        os.unlink(target)
    return target
