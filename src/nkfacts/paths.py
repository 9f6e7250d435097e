"""Where the data and the compiled index live."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

ENV_DATA_DIR = "NKFACTS_DATA_DIR"


def builtin_data_dir() -> Path:
    """The curated data shipped inside the package (or, in a source checkout, `data/`)."""
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "data"


def data_dir(option: str | None) -> Path:
    """--data-dir wins, then $NKFACTS_DATA_DIR, then the built-in data."""
    chosen = option or os.environ.get(ENV_DATA_DIR) or None
    return Path(chosen).expanduser() if chosen else builtin_data_dir()


def cache_dir() -> Path | None:
    """$XDG_CACHE_HOME/nkfacts, else ~/.cache/nkfacts; None when neither can be found."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        home = os.environ.get("HOME")
        if not home:
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "nkfacts"


def index_path(data: Path) -> Path | None:
    """One index file per data directory, named by a hash of its absolute path."""
    base = cache_dir()
    if base is None:
        return None
    # crc32, not hashlib: importing OpenSSL costs milliseconds on every call.
    key = zlib.crc32(str(data.resolve()).encode("utf-8", "surrogateescape"))
    return base / f"index-{key:08x}.sqlite"
