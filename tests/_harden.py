"""Helpers shared by the tests/test_hardening_*.py files: run the installed CLI as a process."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

BIN = shutil.which("nkfacts", path=str(Path(sys.executable).parent)) or shutil.which("nkfacts")
needs_bin = pytest.mark.skipif(BIN is None, reason="the nkfacts entry point is not installed")


def nk(
    *args: str | bytes,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    prefix: list[str] | None = None,
    **kw: Any,
) -> subprocess.CompletedProcess[str]:
    """Run the installed `nkfacts` with `args`; text output (bad bytes escaped)."""
    assert BIN is not None
    kw.setdefault("capture_output", "stdout" not in kw and "stderr" not in kw)
    return subprocess.run(
        [*(prefix or []), BIN, *args],
        text=True,
        errors="backslashreplace",
        env=env if env is not None else dict(os.environ),
        timeout=timeout,
        **kw,
    )


def env_with(cache: Path, **extra: str) -> dict[str, str]:
    return dict(os.environ, XDG_CACHE_HOME=str(cache), **extra)


def uncovered(env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment without coverage's subprocess hook: for tests of start-up timing or
    of a full disk, where measuring the child would change what is measured."""
    return {k: v for k, v in (env or os.environ).items() if not k.startswith("COVERAGE_")}


def no_traceback(stderr: str) -> bool:
    return all(s not in stderr for s in ("Traceback", "Exception ignored", "Error:\n"))


def temp_files(cache: Path) -> list[Path]:
    return sorted((cache / "nkfacts").glob(".*.tmp*")) if (cache / "nkfacts").is_dir() else []


def unprivileged() -> list[str]:
    """A command prefix under which permission bits count (root ignores them): as root, drop
    the capabilities that bypass them (the interpreter may live in root's private home)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permission bits cannot be tested")
    caps = "-dac_override,-dac_read_search,-fowner"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}", "--"]


@contextlib.contextmanager
def restore_modes(*paths: Path) -> Iterator[None]:
    """Put permission bits back afterwards, so that pytest can remove its tmp_path."""
    try:
        yield
    finally:
        for p in paths:
            with contextlib.suppress(OSError):
                p.chmod(0o755)
