"""The Typer app, its root callback and what every command shares: the error boundary, the
index connection, completion and the output call.

Only the `cli` package imports Typer. Every command body goes through `boundary`, the single
place where domain errors become messages on stderr and documented exit codes (README: Exit
codes). The commands register themselves on `app` in `listings` and `records`.
"""

import functools
import sqlite3
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from nkfacts import __version__
from nkfacts.cli import completing, process
from nkfacts.core import paths

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


def boundary(fn: F) -> F:
    """Turn domain errors into a message and an exit code; never a traceback.

    A query that fails inside SQLite means a damaged index cache: it is set aside and the
    command runs once more on a fresh one.
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return process.retrying(fn, *args, **kwargs)
        except (typer.Exit, SystemExit):
            raise
        except BaseException as exc:
            raise typer.Exit(process.exit_status(exc)) from None

    return wrapper  # type: ignore[return-value]


def data_dir_of_option(ctx: typer.Context) -> str | None:
    """What --data-dir (or $NKFACTS_DATA_DIR, read by click) said; None: not given."""
    return (ctx.obj or {}).get("data_dir")


def data_dir_of(ctx: typer.Context) -> Path:
    return Path(paths.data_dir((ctx.obj or {}).get("data_dir")))


def connect(ctx: typer.Context) -> sqlite3.Connection:
    """The index for this command's data directory (remembered for its source numbers)."""
    from nkfacts.cli import pipe

    con: sqlite3.Connection = pipe.connect(data_dir_of_option(ctx))
    return con


def source_numbers() -> dict[str, int]:
    """Each source's [n], the same in every view (the order of sources.yaml), from the index
    this command opened; empty before one is (numbers then follow first use)."""
    from nkfacts.cli import pipe

    return pipe.source_numbers()


def stdin_is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def complete(what: str) -> Callable[[typer.Context, str], list[str]]:
    """Dynamic completion from the compiled index (no YAML parsing on a key press)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        try:
            data_dir = (ctx.find_root().params or {}).get("data_dir")
        except Exception:  # completion must never break the shell
            return []
        return completing.from_index(data_dir, what, incomplete)

    complete.completes = ("index", what)  # type: ignore[attr-defined]  # read by specgen
    return complete


def static(values: Any) -> Callable[[str], list[str]]:
    def static(incomplete: str) -> list[str]:
        return completing.from_values(values, incomplete)

    static.completes = ("values", *values)  # type: ignore[attr-defined]  # read by specgen
    return static


for_shell = completing.for_shell


def _version(ctx: typer.Context, data_dir: str | None) -> None:
    from nkfacts.store.cachefiles import shown
    from nkfacts.store.index import data_version

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


def output(
    view: str, rows: Sequence[Mapping[str, Any]], fmt: str | None, what: str, **kw: Any
) -> None:
    """Rows already fetched, in the chosen format; a table numbers its sources as every view
    does (the order of sources.yaml)."""
    from nkfacts.cli import pipe
    from nkfacts.output.terminal import Output

    if Output.stdout().format(fmt) == "table":
        kw.setdefault("numbers", source_numbers())
    pipe.output(view, rows, fmt, what, **kw)
