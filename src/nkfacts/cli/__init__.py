"""The command-line layer: the only package that imports Typer.

`app` is the Typer application with every command registered (imported when first asked
for: a pipe query may be answered without Typer); `main` is the entry point.
"""

from __future__ import annotations

from nkfacts.cli.main import completion_words, invoked_command, main
from nkfacts.core.statictypes import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

__all__ = ["app", "completion_words", "invoked_command", "main"]


def __getattr__(name: str) -> Any:
    if name == "app":
        from nkfacts.cli.main import typer_app

        return typer_app()
    raise AttributeError(f"module 'nkfacts.cli' has no attribute {name!r}")
