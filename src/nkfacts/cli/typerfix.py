"""Every workaround for Typer's and click's internals, in one place.

Each relies on something the pinned Typer does not promise; `tests/test_typerfix.py` fails
loudly if an upgrade changes it underneath us.
"""

from __future__ import annotations

import sys
from typing import Any

import typer


def bash_quotes_completions() -> None:
    """Typer's bash script inserts a value as it is, so "United States" became two words: with
    `-o filenames` bash quotes what it inserts (`United\\ States`), as zsh and fish do.

    Patches Typer's private table of completion scripts (`_completion_shared`)."""
    from typer import _completion_shared as shared

    script = shared._completion_scripts["bash"]
    if "-o filenames" not in script:
        shared._completion_scripts["bash"] = script.replace(
            "complete -o default -F", "complete -o default -o filenames -F"
        )


def command_name(info: Any) -> str:
    """The name a registered Typer command answers to."""
    return str(info.name or (info.callback.__name__ if info.callback else ""))


def app_for(app: typer.Typer, name: str | None) -> typer.Typer:
    """The app with only the command `name` registered (`app` itself is left whole).

    Typer builds a click command for every registered command on each call (~15 ms for
    thirteen). When the command line names one, only that one is built: help, errors and
    behaviour of that command are unchanged, and unknown names still get click's message.
    Relies on `Typer.registered_commands` being the list Typer builds from.
    """
    if name is None:
        return app
    only = object.__new__(type(app))  # a shallow copy, without the `copy` module
    only.__dict__.update(app.__dict__)
    only.registered_commands = [c for c in app.registered_commands if command_name(c) == name]
    return only


def click_met_broken_pipe() -> bool:
    """True when click replaced stdout after a broken pipe (its `PacifyFlushWrapper`, a class
    click does not export, so it is recognised by name)."""
    return type(sys.stdout).__name__ == "PacifyFlushWrapper"


def completes(param: Any) -> tuple[str, ...] | None:
    """What an option completes from: ("index", what) or ("values", *values) as
    `common.complete` and `common.static` tag their functions; None for anything else.

    Reads Typer's private compat wrapper (`_custom_shell_complete`) and the `autocompletion`
    function it closes over; only `specgen` calls it, when the spec is regenerated."""
    wrapper = getattr(param, "_custom_shell_complete", None)  # Typer's compat wrapper
    if wrapper is None:
        return None
    import inspect

    fn = inspect.getclosurevars(wrapper).nonlocals.get("autocompletion")
    found = getattr(fn, "completes", None)
    return tuple(found) if found is not None else None
