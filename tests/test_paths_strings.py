"""The data and cache paths are strings, spelled as `pathlib` spells them (issue 26: a warm
query imports no `pathlib`); what a user sees of a path did not change."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest

from nkfacts.core import paths
from nkfacts.core.errors import DataError, UsageError

SPELLINGS = [
    ".",
    "./",
    "a",
    "a/",
    "./a/./b//c/",
    "/",
    "//",
    "///",
    "//a/b",
    "///a",
    "a/../b",
    "../x",
    ".//.",
    "/.",
    "a/.",
    "mydata/2024 copy/",
]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_plain_spells_a_path_as_pathlib_does(spelling: str) -> None:
    assert paths.plain(spelling) == str(PurePosixPath(spelling))


def test_data_dir_is_the_option_spelled_plainly_with_home_expanded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    assert paths.data_dir("./mydata//x/") == "mydata/x"
    assert paths.data_dir("~/d/") == f"{tmp_path}/d"
    assert paths.data_dir("~nosuchuser/d") == "~nosuchuser/d"  # pathlib raised here
    monkeypatch.setenv(paths.ENV_DATA_DIR, "env/dir/")
    assert paths.data_dir(None) == "env/dir"
    monkeypatch.delenv(paths.ENV_DATA_DIR)
    assert paths.data_dir(None) == paths.builtin_data_dir()


def test_builtin_data_and_index_paths_are_strings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    builtin = paths.builtin_data_dir()
    assert isinstance(builtin, str) and os.path.isfile(os.path.join(builtin, "casualties.yaml"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    found = paths.index_path(tmp_path / "a" / ".." / "a")
    assert found == paths.index_path(str(tmp_path / "a"))  # one index per real directory
    assert found is not None and found.startswith(f"{tmp_path}/nkfacts/index-")


def test_a_data_dir_of_up_to_path_max_bytes_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    longest = "d" * paths.MAX_PATH
    assert paths.data_dir(longest) == longest
    with pytest.raises(
        UsageError, match=f"path too long \\(4,097 bytes; limit {paths.MAX_PATH}\\)"
    ):
        paths.data_dir(longest + "d")


def test_only_a_relative_data_dir_needs_the_working_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def gone() -> str:
        raise FileNotFoundError("deleted")

    monkeypatch.setattr(os, "getcwd", gone)
    assert paths.data_dir(str(tmp_path)) == str(tmp_path)
    with pytest.raises(DataError, match="--data-dir rel: a relative path, but the current"):
        paths.data_dir("rel")
