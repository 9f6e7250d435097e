"""Reading the source snapshots of `validate --sources DIR`, which the data names untrusted.

A source's `file:` must name a regular file inside DIR: relative, without `..`, and still
inside DIR once symbolic links are resolved. It is opened without blocking and checked with
`fstat` (a FIFO, device or socket is refused unread), and at most MAX_SNAPSHOT_BYTES are read.
Each refusal is a reason for a `source-file` problem, never an exception out of `validate`.
"""

from __future__ import annotations

from pathlib import Path, PurePath

from nkfacts.core import paths

MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024  # 16 MiB; the largest snapshot today is 80 KB


class SnapshotError(Exception):
    """Why a snapshot is not read (the message completes 'snapshot X cannot be read: ')."""


def confined(sources_dir: Path, name: str) -> Path:
    """The path of `name` inside `sources_dir`, symbolic links resolved; SnapshotError if it
    is absolute, climbs with '..' or leads outside the directory."""
    if not name or "\0" in name:
        raise SnapshotError("not a file name")
    rel = PurePath(name)
    if rel.is_absolute() or rel.drive:
        raise SnapshotError("an absolute path (a snapshot is named relative to --sources)")
    if ".." in rel.parts:
        raise SnapshotError("'..' leads outside --sources")
    root = sources_dir.resolve()
    real = (root / rel).resolve()
    if real != root and root not in real.parents:
        raise SnapshotError("a symbolic link leads outside --sources")
    return real


def read_snapshot(sources_dir: Path, name: str, limit: int = MAX_SNAPSHOT_BYTES) -> str:
    """The UTF-8 text of snapshot `name`; SnapshotError (with the reason) if it cannot be read."""
    path = confined(sources_dir, name)
    try:
        with paths.open_regular(path) as fh:
            data = fh.read(limit + 1)
    except paths.NotRegularFile as exc:
        raise SnapshotError(str(exc)) from None
    except OSError as exc:
        raise SnapshotError(exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise SnapshotError(f"larger than {limit:,} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SnapshotError(str(exc)) from None


__all__ = ["MAX_SNAPSHOT_BYTES", "SnapshotError", "confined", "read_snapshot"]
