"""The command-line layer: the only package that imports Typer.

`app` is the Typer application with every command registered; `main` is the entry point.
"""

from nkfacts.cli.common import app
from nkfacts.cli.main import completion_words, invoked_command, main

__all__ = ["app", "completion_words", "invoked_command", "main"]
