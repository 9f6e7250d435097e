"""Derive the command-line spec (`cli/spec.py`) from the Typer app: every command's options as
click sees them once Typer has built them from the commands' signatures and `Annotated`
options. The fast path reads that spec instead of importing Typer; `tests/test_fast.py` fails
when the spec no longer matches the app (regenerate: `python -m nkfacts.cli.specgen`).
"""

from __future__ import annotations

import pprint
import sys
from pathlib import Path
from typing import Any

HEADER = '''"""The command-line spec, derived from the Typer app by `cli/specgen.py` (do not edit:
`python -m nkfacts.cli.specgen` regenerates it; `tests/test_fast.py` checks it).

For the root ("") and each command the fast path answers (`fast.FAST`): parameter name ->
(options, secondary options, type, is a flag, may repeat, default); the type "argument" is a
positional argument ("may repeat": it takes every word left).
"""

Param = tuple[tuple[str, ...], tuple[str, ...], str, bool, bool, object]

'''


Param = tuple[tuple[str, ...], tuple[str, ...], str, bool, bool, object]


def _params(command: Any) -> dict[str, Param]:
    out: dict[str, Param] = {}
    for p in command.params:
        if type(p).__name__.endswith("Argument"):
            many = p.nargs == -1 or bool(p.multiple)
            out[p.name] = ((), (), "argument", False, many, p.default)
            continue
        kind = str(p.type.name)
        flag, many = bool(p.is_flag), bool(p.multiple)
        out[p.name] = (tuple(p.opts), tuple(p.secondary_opts), kind, flag, many, p.default)
    return out


def derive_completion() -> dict[str, dict[str, tuple[str, ...]]]:
    """For each command the fast path answers, its options' completion sources (see
    `typerfix.completes`); any other command's completion is Typer's, so a new command leaves the spec
    alone."""
    import typer.main

    from nkfacts.cli import app, typerfix
    from nkfacts.cli.fast import FAST

    group: Any = typer.main.get_command(app)
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for name in sorted(FAST):
        params = group.commands[name].params
        found = {p.name: c for p in params if (c := typerfix.completes(p)) is not None}
        if found:
            out[name] = found
    return out


def derive() -> dict[str, dict[str, Param]]:
    """The spec of the Typer app: the root's options and those of the commands the fast path
    answers (`fast.FAST`; any other command is Typer's, so a new command leaves it alone)."""
    import typer.main

    from nkfacts.cli import app
    from nkfacts.cli.fast import FAST

    group: Any = typer.main.get_command(app)
    spec = {"": _params(group)}
    for name in sorted(FAST):
        spec[name] = _params(group.commands[name])
    return spec


def source() -> str:
    """The text of `cli/spec.py`."""
    return (
        HEADER
        + "SPEC: dict[str, dict[str, Param]] = "
        + pprint.pformat(derive(), width=100, sort_dicts=False)
        + '\n\n# What each option\'s values complete from: ("index", what) or ("values", *values).\n'
        + "COMPLETION: dict[str, dict[str, tuple[str, ...]]] = "
        + pprint.pformat(derive_completion(), width=100, sort_dicts=False)
        + "\n"
    )


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    Path(__file__).with_name("spec.py").write_text(source(), encoding="utf-8")
    sys.stdout.write("wrote spec.py\n")
