"""The entry point: streams and signals, which command was named, every way out an exit code.

Typer is imported only when it answers: a pipe query may be answered without it
(`cli/fast.py`; NKFACTS_FAST=0 turns that off).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import sys
from collections.abc import Mapping

from nkfacts.cli import process
from nkfacts.core.errors import ExitStatus
from nkfacts.core.statictypes import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    import typer


def typer_app() -> typer.Typer:
    """The Typer app with every command registered (the command modules register theirs on
    `app` when imported)."""
    from nkfacts.cli import drafts, listings, positions, questions, records  # noqa: F401
    from nkfacts.cli.common import app

    return app


def completion_words(environ: Mapping[str, str]) -> list[str] | None:
    """The words after `nkfacts` when the shell asks for completions (None otherwise): bash
    passes them in COMP_WORDS, zsh and fish in _TYPER_COMPLETE_ARGS."""
    mode = environ.get("_NKFACTS_COMPLETE")
    if not mode:
        return None
    line = environ.get("COMP_WORDS" if mode == "complete_bash" else "_TYPER_COMPLETE_ARGS", "")
    try:
        words = shlex.split(line)
    except ValueError:  # an open quote while typing
        words = line.split()
    return words[1:]


def invoked_command(argv: list[str]) -> str | None:
    """The subcommand named on the command line, if any (skipping global options).

    None when help is asked for before any command (`nkfacts --help casualties`): the
    top-level help must list every command.
    """
    from nkfacts.cli import typerfix

    names = {typerfix.command_name(c) for c in typer_app().registered_commands}
    args = iter(argv)
    for arg in args:
        if arg == "--data-dir":
            next(args, None)
        elif arg in ("--help", "-h"):
            return None
        elif not arg.startswith("-"):
            return arg if arg in names else None
    return None


def _run(argv: list[str], application: typer.Typer) -> int:
    """Run the command line; every way out becomes an exit code."""
    import typer

    from nkfacts.cli import typerfix

    try:
        # Not standalone: click returns the exit code of typer.Exit instead of exiting, and
        # leaves its usage errors to us (shown below, even when stderr is gone).
        status = application(args=argv, prog_name="nkfacts", standalone_mode=False)
        return status if isinstance(status, int) else 0
    except SystemExit as exc:
        code = exc.code
        if typerfix.click_met_broken_pipe():
            sys.stdout = sys.__stdout__
            process.quiet_pipe()
            return 0
        return code if isinstance(code, int) else (0 if code is None else 1)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        process.err("aborted")
        return 1
    except BaseException as exc:
        status = getattr(exc, "exit_code", None)
        if hasattr(exc, "show") and isinstance(status, int):  # click's usage errors
            _show_usage_error(exc)
            return status
        return process.exit_status(exc)


def _show_usage_error(exc: Any) -> None:
    """Click's message for a usage error, the arguments it echoes escaped for a terminal."""
    import io

    from nkfacts.core.escape import terminal

    with contextlib.suppress(Exception):
        buf = io.StringIO()
        exc.show(file=buf)
        sys.stderr.write(terminal(buf.getvalue(), "\n"))
        sys.stderr.flush()


def _typer(argv: list[str]) -> int:
    """The command line answered by Typer (help, usage errors, terminal output, everything)."""
    from nkfacts.cli import typerfix

    if any(a.startswith(("--install-completion", "--show-completion")) for a in argv):
        typerfix.bash_quotes_completions()
    words = completion_words(os.environ)
    name = invoked_command(argv if words is None else words)
    return _run(argv, typerfix.app_for(typer_app(), name))


def main() -> None:
    """Entry point (`nkfacts` and `python -m nkfacts`)."""
    from nkfacts.core import interrupts

    interrupts.install()
    code: int = int(ExitStatus.INTERNAL)
    try:
        process.std_streams()
        argv = process.clean_argv(sys.argv[1:])
        status = None
        if os.environ.get("NKFACTS_FAST") != "0":
            from nkfacts.cli import fast

            status = fast.run(argv) if fast.enabled() else fast.complete()
        code = process.finish(status if status is not None else _typer(argv))
    except BaseException as exc:  # a signal between the steps above
        code = process.exit_status(exc)
    interrupts.install_early()  # from here on a signal has nothing left to unwind
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
    interrupts.hold()  # the answer is out: a signal now no longer changes the exit status
    sys.exit(code)
