"""Where the data and the compiled index live."""

from __future__ import annotations

import contextlib
import os
import stat
import zlib

from nkfacts.core.errors import DataError, UsageError
from nkfacts.core.kinds import KINDS, folder
from nkfacts.core.statictypes import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import IO, TypeAlias

# A path as the functions here take it: a string (what they return), or a pathlib.Path.
StrPath: TypeAlias = "str | os.PathLike[str]"
ENV_DATA_DIR = "NKFACTS_DATA_DIR"
MAX_PATH = 4096  # PATH_MAX on Linux: longer paths cannot be opened anyway


def builtin_data_dir() -> str:
    """The curated data shipped inside the package (or, in a source checkout, `data/`)."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    packaged = os.path.join(package, "data")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(package)), "data")


def data_dir(option: str | None) -> str:
    """--data-dir wins, then $NKFACTS_DATA_DIR, then the built-in data."""
    chosen = option or os.environ.get(ENV_DATA_DIR) or None
    if not chosen:
        return builtin_data_dir()
    size = len(os.fsencode(chosen))
    if size > MAX_PATH:
        raise UsageError(f"--data-dir: path too long ({size:,} bytes; limit {MAX_PATH})")
    path = plain(os.path.expanduser(chosen))
    if not os.path.isabs(path):
        try:
            os.getcwd()
        except OSError:  # the working directory was deleted: a relative path means nothing
            raise DataError(
                f"--data-dir {chosen}: a relative path, but the current directory no longer "
                "exists; give an absolute path"
            ) from None
    return path


def plain(path: str) -> str:
    """`path` spelled as `pathlib` spells it (no empty or "." parts, no trailing slash), without
    importing pathlib (and urllib, ipaddress) on every query; ".." stays (it may cross a link)."""
    lead = "/" if path.startswith("/") else ""
    if path.startswith("//") and not path.startswith("///"):
        lead = "//"  # POSIX leaves two leading slashes to the implementation
    return lead + "/".join(p for p in path.split("/") if p not in ("", ".")) or "."


def cache_dir() -> str | None:
    """$XDG_CACHE_HOME/nkfacts, else ~/.cache/nkfacts; None when neither can be found.

    A relative XDG_CACHE_HOME is ignored, as the XDG spec says (and a relative HOME too):
    the cache would move with the working directory.
    """
    base = os.environ.get("XDG_CACHE_HOME")
    if not base or not os.path.isabs(base):
        home = os.environ.get("HOME")
        if not home or not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "nkfacts")


def untrusted(path: StrPath, *, directory: bool) -> str | None:
    """Why an existing cache directory or index must not be used (None: it may be).

    Only what the current user owns is trusted: in a shared or sticky directory another user
    could plant an index whose figures would be printed with real citations. A directory that
    others may write (world-writable, or group-writable by a group not our own) is trusted only
    with the sticky bit (they cannot then replace our files).
    A missing path is not untrusted (it will be created, ours).
    """
    try:
        st = os.stat(path) if directory else os.lstat(path)
    except OSError:
        return None
    if st.st_uid != os.geteuid():
        return f"owned by another user (uid {st.st_uid})"
    # Group-writable is fine when the group is our own (user private groups, umask 002).
    shared = st.st_mode & 0o002 or (st.st_mode & 0o020 and st.st_gid != os.getegid())
    if directory and shared and not st.st_mode & stat.S_ISVTX:
        return "writable by other users (and not sticky)"
    return None


def index_path(data: StrPath) -> str | None:
    """One index file per data directory, named by a hash of its absolute path."""
    base = cache_dir()
    if base is None:
        return None
    # crc32, not hashlib: importing OpenSSL costs milliseconds on every call.
    key = zlib.crc32(os.path.realpath(data).encode("utf-8", "surrogateescape"))
    return os.path.join(base, f"index-{key:08x}.sqlite")


class NotRegularFile(OSError):
    """A FIFO, device or socket where a data file should be."""


def data_files(data_dir: StrPath) -> list[tuple[str, str, bool]]:
    """Every data file of `data_dir` as (name relative to it, kind, required?), in reading
    order, derived from the registry of kinds: each registered file, then the YAML files of
    its folder (`kinds.folder`: `casualties/*.yaml`, by name). A required file may be missing
    when its folder has files. These are the files the index watches."""
    base = os.fspath(data_dir)
    out = []
    for k in KINDS:
        for name, required in k.files:
            parts = _folder_files(base, folder(name))
            out.append((name, k.name, required and not parts))
            out.extend((part, k.name, False) for part in parts)
    return out


def _folder_files(base: str, name: str) -> list[str]:
    try:
        with os.scandir(os.path.join(base, name)) as entries:
            found = [e.name for e in entries if _part(e.name)]
    except OSError:  # no such folder (the usual case), or not a directory
        return []
    return [f"{name}/{n}" for n in sorted(found)]


def _part(name: str) -> bool:
    """A YAML file of a kind's folder: not hidden; no line break or other control in its name
    (the index lists the files one a line)."""
    return name.endswith(".yaml") and name[0] != "." and name.isprintable()


def open_regular(path: StrPath) -> IO[bytes]:
    """Open a file for reading only if it is a regular file; never blocks on a FIFO or device.

    Raises IsADirectoryError for a directory and NotRegularFile for anything else that is not
    a regular file (checked on the opened descriptor, so a swapped path cannot slip through).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(f"not a regular file ({_kind(mode)})")
        with contextlib.suppress(AttributeError, OSError):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"
