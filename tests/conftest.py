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


@pytest.fixture(scope="module")
def module_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_cache(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    """A cache directory of the test's own; or, in a module that sets `SHARE_CACHE = True`
    (its tests only read), one per module, so each data directory is compiled once."""
    if getattr(request.module, "SHARE_CACHE", False):
        cache: Path = request.getfixturevalue("module_cache")
    else:
        cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("NKFACTS_DATA_DIR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return cache


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under mutation testing (mutmut sets MUTANT_UNDER_TEST), a test that runs nkfacts or a
    real client in another process cannot see the mutant: it is skipped, not run in vain."""
    if os.environ.get("MUTANT_UNDER_TEST"):
        skip = pytest.mark.skip(reason="a subprocess cannot see a mutant")
        for item in items:
            if item.get_closest_marker("subprocess"):
                item.add_marker(skip)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the small valid fixture data set, safe to edit."""
    dest = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", dest)
    return dest
