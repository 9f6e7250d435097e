"""The command-line layer: the only package that imports Typer.

`app` is the Typer application with every command registered (imported when first asked
for: a pipe query may be answered without Typer); `main` is the entry point.
"""

from typing import Any

from nkfacts.cli.main import completion_words, invoked_command, main

__all__ = ["app", "completion_words", "invoked_command", "main"]


def __getattr__(name: str) -> Any:
    if name == "app":
        from nkfacts.cli.main import typer_app

        return typer_app()
    raise AttributeError(f"module 'nkfacts.cli' has no attribute {name!r}")
