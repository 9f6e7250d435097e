"""The rebuild half of the index cache: validate, compile into a temporary file, publish.

Only a rebuild imports this module (`index.open_index` decides when). The temporary file is
named `.<index>.<pid>.<ns>.tmp` beside the index: unique per process, removed on every exit
path that runs Python code, and swept by a later rebuild once its process is gone.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nkfacts.core import paths
from nkfacts.core.errors import DataError
from nkfacts.store import cachefiles
from nkfacts.store.compile import fill

if TYPE_CHECKING:
    from nkfacts.core.paths import StrPath
    from nkfacts.load.validate import Dataset

_TEMP = re.compile(r"\.index-[0-9a-f]+\.sqlite\.(\d+)\.\d+\.tmp(-journal)?")
# A temporary file this old is swept even if its pid is alive again (pid reuse).
_STALE_NS = 24 * 3600 * 10**9


def build(
    data: StrPath,
    code: str,
    index_file: str | None,
    progress: Callable[[str], None],
) -> tuple[sqlite3.Connection, str | None]:
    """Validate the YAML and compile it; raise DataError (exit 3) if it has any error.

    Returns the connection and the index file behind it (None: built in memory)."""
    data_dir, target = Path(data), None if index_file is None else Path(index_file)
    now = time.time_ns()  # before the files are read: later changes will look racy
    names = cachefiles.watched(data_dir)  # a kind's folder of files included
    states = {name: cachefiles.file_state(data_dir / name) for name in names}
    shas = {
        name: cachefiles.sha(data_dir / name) if k != "-" else "" for name, (k, _) in states.items()
    }
    meta = {
        "code": code,
        "files": "\n".join(f"{name}={states[name][0]}:{shas[name]}" for name in names),
        "verified": str(now),
        "data_version": cachefiles.version_of(shas),
    }
    ds = _check(data_dir, progress)
    if target is not None:
        tmp = _temp_path(target)
        if tmp is not None:
            try:
                con = _fill_file(tmp, ds, meta, progress)
                if con is not None:
                    con, published = _publish(con, tmp, target)
                    return con, None if published is None else str(published)
            except BaseException:  # a signal between two steps: still nothing left behind
                _remove(tmp)
                raise
            ds = _check(data_dir, progress)  # the failed write consumed the records
    con = sqlite3.connect(":memory:")
    fill(con, ds, meta, progress)
    return con, None


def _check(data_dir: Path, progress: Callable[[str], None]) -> Dataset:
    from nkfacts.load.validate import check  # heavy: yaml + validation, only on rebuild

    ds = check(data_dir, progress=progress)
    if not ds.valid:
        raise DataError(_summary(ds.errors), ds.errors)
    return ds


def _temp_path(target: Path) -> Path | None:
    """A fresh temporary path beside `target` (None if the cache directory is unusable)."""
    try:
        # Ours alone (0700): a directory others may write would not be trusted next time.
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if paths.untrusted(target.parent, directory=True):  # someone else's after all
            return None
        sweep_temps(target.parent)
    except OSError:
        return None
    return target.with_name(f".{target.name}.{os.getpid()}.{time.time_ns()}{cachefiles.TMP_SUFFIX}")


def _fill_file(
    tmp: Path, ds: Dataset, meta: dict[str, str], progress: Callable[[str], None]
) -> sqlite3.Connection | None:
    """Compile into `tmp`; None (and no file left) when the cache cannot be written."""
    try:
        con = sqlite3.connect(tmp)
    except (OSError, sqlite3.Error):
        return None
    try:
        fill(con, ds, meta, progress)
    except (OSError, sqlite3.Error) as exc:
        # Full disk, quota, I/O error, read-only: answer from memory for this call.
        con.close()
        _remove(tmp)
        cachefiles.note(f"cannot write the index cache ({exc}); using memory for this call")
        return None
    except BaseException:  # Ctrl-C, SIGTERM, a bug: leave nothing behind
        con.close()
        _remove(tmp)
        raise
    return con


def _publish(
    con: sqlite3.Connection, tmp: Path, target: Path
) -> tuple[sqlite3.Connection, Path | None]:
    """Rename the finished file into place; if that fails, answer from a copy in memory."""
    con.close()
    try:
        with contextlib.suppress(OSError):
            if not os.path.isfile(target) and os.path.lexists(target):
                cachefiles.set_aside(target, "not a regular file")
        os.replace(tmp, target)
    except OSError:
        mem = sqlite3.connect(":memory:")
        try:
            src = cachefiles.read_only(tmp)
            src.backup(mem)
            src.close()
        finally:
            _remove(tmp)
        return mem, None
    except BaseException:
        _remove(tmp)
        raise
    return cachefiles.read_only(target), target


def _remove(tmp: Path) -> None:
    for path in (tmp, Path(f"{tmp}-journal")):
        with contextlib.suppress(OSError):
            path.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def sweep_temps(cache: Path) -> list[Path]:
    """Remove temporary index files left by processes that are gone; returns what was removed."""
    removed = []
    now = time.time_ns()
    with os.scandir(cache) as entries:
        for entry in entries:
            m = _TEMP.fullmatch(entry.name)
            if m is None:
                continue
            try:
                old = now - entry.stat(follow_symlinks=False).st_mtime_ns > _STALE_NS
                if old or not _alive(int(m.group(1))):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
            except OSError:
                continue
    return removed


def _summary(errors: list[dict[str, Any]]) -> str:
    lines = [
        f"the data files have {len(errors)} error(s); run `nkfacts validate` for the full report"
    ]
    from nkfacts.core.escape import terminal

    for p in errors[:10]:
        where = f"{p['file']}:{p['line']}" if p.get("line") else str(p["file"])
        rid = f" [{p['id']}]" if p.get("id") else ""
        fld = f" {p['field']}" if p.get("field") else ""
        lines.append(terminal(f"  {where}:{rid}{fld} {p['message']}"))  # one line each
    if len(errors) > 10:
        lines.append(f"  … and {len(errors) - 10} more")
    return "\n".join(lines)
