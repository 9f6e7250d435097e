"""What the index and its rebuild share: the data files, their stat identity and content hash,
the data version, read-only connections, setting a damaged index aside, notes on stderr."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import sys
import time

from nkfacts.core import paths
from nkfacts.core.errors import DataError
from nkfacts.core.kinds import DATA_FILES  # the registry of kinds
from nkfacts.core.statictypes import TYPE_CHECKING

if TYPE_CHECKING:
    from nkfacts.core.paths import StrPath

__all__ = [
    "DATA_FILES",
    "TMP_SUFFIX",
    "file_state",
    "note",
    "read_only",
    "set_aside",
    "sha",
    "shown",
    "watched",
]

TMP_SUFFIX = ".tmp"


def note(message: str) -> None:
    with contextlib.suppress(Exception):
        sys.stderr.write(f"nkfacts: {message}\n")
        sys.stderr.flush()


def shown(path: StrPath, limit: int = 200, *, escape: bool = True) -> str:
    """A path as it can be printed in one line (long ones shortened; line breaks and other
    controls escaped, as `ls` shows them, unless `escape` is false: the index key)."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    if escape:
        from nkfacts.core.escape import terminal

        text = terminal(text)
    return text if len(text) <= limit else text[: limit // 2] + "…" + text[-limit // 2 :]


def file_state(path: StrPath) -> tuple[str, int]:
    """(stat identity, newest of mtime/ctime); '-' for a missing file. DataError if unreadable."""
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return "-", 0
    except OSError as exc:
        raise DataError(f"{shown(path)}: cannot read: {exc.strerror or exc}") from None
    if stat.S_ISREG(st.st_mode):
        key = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}:{st.st_ctime_ns}"
    else:
        key = f"special:{stat.S_IFMT(st.st_mode)}:{st.st_ino}:{st.st_ctime_ns}"
    return key, max(st.st_mtime_ns, st.st_ctime_ns)


def sha(path: StrPath) -> str:
    """Content hash of a regular file ('' if it cannot be read)."""
    import hashlib

    h = hashlib.sha256()
    try:
        with paths.open_regular(path) as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
    except OSError:
        return ""
    return h.hexdigest()


def watched(data_dir: StrPath) -> list[str]:
    """The data files the index depends on (`paths.data_files`: a kind's folder included)."""
    return [name for name, _, _ in paths.data_files(data_dir)]


def version_of(shas: dict[str, str]) -> str:
    """The data version from each file's content hash ('' for a missing file), in the order
    of `watched`."""
    import hashlib

    h = hashlib.sha256()
    for name in shas:
        if shas[name]:
            h.update(name.encode())
            h.update(shas[name].encode())
    return h.hexdigest()[:12]


# Bytes a file: URI keeps as they are (RFC 3986 unreserved, and the path's slashes).
_URI_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")


def file_uri(path: StrPath) -> str:
    """`Path.absolute().as_uri()` without urllib (percent-encoded UTF-8 bytes)."""
    raw = os.fsencode(os.path.join(os.getcwd(), path))
    return "file://" + "".join(chr(b) if b in _URI_SAFE else f"%{b:02X}" for b in raw)


def read_only(path: StrPath) -> sqlite3.Connection:
    # A proper file: URI, so cache paths with spaces, '?' or '#' work.
    return sqlite3.connect(file_uri(path) + "?mode=ro", uri=True)


def set_aside(target: StrPath, reason: str) -> None:
    """Move a damaged index (or whatever sits at its path) out of the way, with a note."""
    note(f"the index cache {shown(target)} is damaged ({reason}); rebuilding it")
    with contextlib.suppress(OSError):
        if stat.S_ISDIR(os.lstat(target).st_mode):
            try:
                os.rmdir(target)
            except OSError:
                os.replace(target, f"{os.fspath(target)}.broken-{time.time_ns()}")
        else:
            os.unlink(target)
