"""Atomic output files: a uniquely named temp file in the target's directory, renamed into place.

The old file stays whole on any failure, concurrent writers each produce a complete file, and
an existing path that is not a regular file (device, FIFO, socket, symlink, directory) is
refused, never replaced: run as root, `--output /dev/null` must not turn the device into a file.
A read-only file (no write bit, or not writable by us) is refused too: the rename would
otherwise replace what `chmod 444` protects.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from nkfacts.core.errors import NkfactsError, UsageError

_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
)


def what_is(path: Path) -> str | None:
    """'a directory', 'a FIFO', … for an existing non-regular path; None if absent or regular."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UsageError(f"cannot use {path}: {exc.strerror or exc}") from None
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_only(path: Path) -> bool:
    """An existing file that has no write permission bit, or that we may not write (checked by
    the bits too, as root's `access` says yes to everything): a rename must not replace it."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not mode & 0o222 or not os.access(path, os.W_OK)


def check_target(path: Path) -> None:
    """Refuse a target that is not a regular file, or whose directory does not exist."""
    kind = what_is(path)
    if kind is not None:
        raise UsageError(f"refusing to replace {path}: it is {kind}, not a regular file")
    if read_only(path):
        raise UsageError(f"refusing to replace {path}: it is read-only (chmod u+w to allow)")
    parent = path.parent
    if not parent.is_dir():
        raise UsageError(f"cannot write {path}: directory {parent} does not exist")


def output_path(raw: str) -> Path:
    """The --output argument as a path; an empty or blank one is a usage error."""
    if not raw.strip():
        raise UsageError("--output is empty: give a file name (for csv: a directory)")
    return Path(raw)


def _mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets 0666 minus the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a fresh temp path beside `path`; on success it replaces `path`, else it is removed."""
    check_target(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise NkfactsError(f"cannot write {path}: {exc.strerror or exc}") from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, _mode(path))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        check_target(path)  # it may have become a FIFO or a link while we wrote
        os.replace(tmp, path)
    except OSError as exc:
        raise NkfactsError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
