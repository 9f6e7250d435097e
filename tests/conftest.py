"""Shared fixtures: an isolated cache per test, the source snapshots, a small valid data set."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
FIXTURES = Path(__file__).resolve().parent / "data"


def sources_dir() -> Path | None:
    """$NKFACTS_SOURCES, else ../shared/sources beside the repository."""
    env = os.environ.get("NKFACTS_SOURCES")
    path = Path(env) if env else REPO.parent / "shared" / "sources"
    return path if (path / "index.yaml").is_file() else None


@pytest.fixture
def sources() -> Path:
    path = sources_dir()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("source snapshots not found: CI must set NKFACTS_SOURCES (see .ci/run)")
        pytest.skip(
            "source snapshots (../shared/sources) are not on this machine; "
            "set NKFACTS_SOURCES to check quotes verbatim"
        )
    return path


@pytest.fixture(autouse=True)
def isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("NKFACTS_DATA_DIR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return cache


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the small valid fixture data set, safe to edit."""
    dest = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", dest)
    return dest
