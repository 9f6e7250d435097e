"""The command-line interface: parse options, call the library, render. Nothing else.

Only this module imports Typer. Every command body goes through `_boundary`, the single place
where domain errors become messages on stderr and documented exit codes (README: Exit codes).
"""

import contextlib
import copy
import functools
import os
import shlex
import sqlite3
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from nkfacts import __version__, paths, process
from nkfacts.errors import ExitStatus, NoMatch
from nkfacts.process import clean_argv
from nkfacts.process import err as _err
from nkfacts.process import quiet_pipe as _quiet_pipe
from nkfacts.render import check_format, render

EXIT_CODES = (
    "Exit codes: 0 results printed; 1 nothing matched; 2 usage error (unknown option or value); "
    "3 data files missing or invalid; 4 (check) a figure of the draft differs from every claim; "
    "74 output could not be written; 130 interrupted; "
    "143 terminated."
)
app = typer.Typer(
    name="nkfacts",
    help="Cited facts on the Nagorno-Karabakh conflict: casualties, events, ceasefires and "
    "third-party positions, each with its claimant and source.\n\n" + EXIT_CODES,
    no_args_is_help=False,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    # Plain help: rich-formatted help imports rich (~45 ms), over the --help time budget.
    rich_markup_mode=None,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
F = TypeVar("F", bound=Callable[..., Any])


def _boundary(fn: F) -> F:
    """Turn domain errors into a message and an exit code; never a traceback.

    A query that fails inside SQLite means a damaged index cache: it is set aside and the
    command runs once more on a fresh one.
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            try:
                return fn(*args, **kwargs)
            except sqlite3.DatabaseError as exc:
                from nkfacts import index

                damaged = None if process.disk_full(exc) else index.discard_last()
                if damaged is None:
                    raise
                _err(f"the index cache {index.shown(damaged)} is damaged ({exc}); rebuilding it")
                return fn(*args, **kwargs)
        except (typer.Exit, SystemExit):
            raise
        except BaseException as exc:
            raise typer.Exit(process.exit_status(exc)) from None

    return wrapper  # type: ignore[return-value]


def _data_dir(ctx: typer.Context) -> Path:
    return paths.data_dir((ctx.obj or {}).get("data_dir"))


def _con(ctx: typer.Context) -> sqlite3.Connection:
    from nkfacts.index import open_index

    return open_index(_data_dir(ctx))


def _isatty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _complete(what: str) -> Callable[[typer.Context, str], list[str]]:
    """Dynamic completion from the compiled index (no YAML parsing on a key press)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        # Never a rebuild on a key press: a stale index answers as it is, a missing one not.
        try:
            root = ctx.find_root()
            data = paths.data_dir((root.params or {}).get("data_dir"))
            from nkfacts.index import open_existing

            con = open_existing(data)
            from nkfacts.search import completions

            return [] if con is None else for_shell(completions(con, what, incomplete), incomplete)
        except Exception:  # completion must never break the shell
            return []

    return complete


def _static(values: Any) -> Callable[[str], list[str]]:
    return lambda incomplete: for_shell(
        [v for v in values if v.lower().startswith(incomplete.lower())], incomplete
    )


def for_shell(values: list[str], incomplete: str) -> list[str]:
    """Completion values that Typer keeps: it drops any value not starting with what was typed,
    so a value matched regardless of case or diacritics ('ir' → 'Iran', 'su' → 'Şuşa') is
    returned with the typed prefix ('iran'), which every filter accepts just the same."""
    n = len(incomplete)
    if not all(v.isascii() and v.isprintable() for v in values):
        from nkfacts.escape import terminal

        # A value with a line break would be two candidates: shown escaped (README, Security).
        values = [terminal(v) for v in values]
    return [v if v.startswith(incomplete) else incomplete + v[n:] for v in values]


def _bash_quotes_completions() -> None:
    """Typer's bash script inserts a value as it is, so "United States" became two words: with
    `-o filenames` bash quotes what it inserts (`United\\ States`), as zsh and fish do."""
    from typer import _completion_shared as shared

    script = shared._completion_scripts["bash"]
    if "-o filenames" not in script:
        shared._completion_scripts["bash"] = script.replace(
            "complete -o default -F", "complete -o default -o filenames -F"
        )


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


def _output(view: str, rows: list[dict[str, Any]], fmt: str | None, what: str, **kw: Any) -> None:
    isatty = _isatty()
    chosen = check_format(fmt, isatty)
    if not rows:
        raise NoMatch(f"no {what} matched")
    render(view, rows, chosen, sys.stdout, isatty=isatty, **kw)
    sys.stdout.flush()


def _version(ctx: typer.Context, data_dir: str | None) -> None:
    from nkfacts.index import data_version, shown

    data = paths.data_dir(data_dir)
    sys.stdout.write(f"nkfacts {__version__} (data {data_version(data)}, {shown(data)})\n")


@app.callback()
def root(
    ctx: typer.Context,
    data_dir: Annotated[
        str | None,
        typer.Option(
            "--data-dir",
            envvar=paths.ENV_DATA_DIR,
            metavar="DIR",
            help="Read the data files from DIR instead of the built-in data (same layout).",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", help="Show code and data versions and exit.")
    ] = False,
) -> None:
    """Cited facts on the Nagorno-Karabakh conflict."""
    ctx.obj = {"data_dir": data_dir}
    if version:
        _version(ctx, data_dir)
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:
        sys.stdout.write(ctx.get_help() + "\n")
        raise typer.Exit(0)


# The commands register themselves on `app` when imported (after the helpers above exist).
from nkfacts import commands, records  # noqa: E402

__all__ = ["_err", "_quiet_pipe", "app", "commands", "main", "records"]


def _command_name(info: Any) -> str:
    return str(info.name or (info.callback.__name__ if info.callback else ""))


def invoked_command(argv: list[str]) -> str | None:
    """The subcommand named on the command line, if any (skipping global options).

    None when help is asked for before any command (`nkfacts --help casualties`): the
    top-level help must list every command.
    """
    names = {_command_name(c) for c in app.registered_commands}
    args = iter(argv)
    for arg in args:
        if arg == "--data-dir":
            next(args, None)
        elif arg in ("--help", "-h"):
            return None
        elif not arg.startswith("-"):
            return arg if arg in names else None
    return None


def app_for(name: str | None) -> typer.Typer:
    """The app with only the command `name` registered (the global `app` is left whole).

    Typer builds a click command for every registered command on each call (~15 ms for
    thirteen). When the command line names one, only that one is built: help, errors and
    behaviour of that command are unchanged, and unknown names still get click's message.
    """
    if name is None:
        return app
    only = copy.copy(app)
    only.registered_commands = [c for c in app.registered_commands if _command_name(c) == name]
    return only


def _run(argv: list[str], application: typer.Typer) -> int:
    """Run the command line; every way out becomes an exit code."""
    try:
        # Not standalone: click returns the exit code of typer.Exit instead of exiting, and
        # leaves its usage errors to us (shown below, even when stderr is gone).
        status = application(args=argv, prog_name="nkfacts", standalone_mode=False)
        return status if isinstance(status, int) else 0
    except SystemExit as exc:
        code = exc.code
        if type(sys.stdout).__name__ == "PacifyFlushWrapper":  # click met a broken pipe
            sys.stdout = sys.__stdout__
            _quiet_pipe()
            return 0
        return code if isinstance(code, int) else (0 if code is None else 1)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        _err("aborted")
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

    from nkfacts.escape import terminal

    with contextlib.suppress(Exception):
        buf = io.StringIO()
        exc.show(file=buf)
        sys.stderr.write(terminal(buf.getvalue(), "\n"))
        sys.stderr.flush()


def main() -> None:
    """Entry point (`nkfacts` and `python -m nkfacts`)."""
    from nkfacts import interrupts

    interrupts.install()
    code: int = int(ExitStatus.INTERNAL)
    try:
        process.std_streams()
        argv = clean_argv(sys.argv[1:])
        if any(a.startswith(("--install-completion", "--show-completion")) for a in argv):
            _bash_quotes_completions()
        words = completion_words(os.environ)
        name = invoked_command(argv if words is None else words)
        code = process.finish(_run(argv, app_for(name)))
    except BaseException as exc:  # a signal between the steps above
        code = process.exit_status(exc)
    interrupts.install_early()  # from here on a signal has nothing left to unwind
    sys.exit(code)
