"""The command-line interface: parse options, call the library, render. Nothing else.

Only this module imports Typer. Every command body goes through `_boundary`, the single place
where domain errors become messages on stderr and documented exit codes (README: Exit codes).
"""

import contextlib
import functools
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from nkfacts import __version__, paths, process, query
from nkfacts.errors import ExitStatus, NkfactsError, NoMatch, UsageError
from nkfacts.process import clean_argv
from nkfacts.process import err as _err
from nkfacts.process import quiet_pipe as _quiet_pipe
from nkfacts.render import FORMATS, check_format, raw, render, terminal_width

EXIT_CODES = (
    "Exit codes: 0 results printed; 1 nothing matched; 2 usage error (unknown option or value); "
    "3 data files missing or invalid; 74 output could not be written; 130 interrupted; "
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


def _complete(what: str) -> Callable[[typer.Context, str], list[str]]:
    """Dynamic completion from the compiled index (no YAML parsing on a key press)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        # Never a rebuild on a key press: a stale index answers as it is, a missing one not.
        try:
            root = ctx.find_root()
            data = paths.data_dir((root.params or {}).get("data_dir"))
            from nkfacts.index import open_existing

            con = open_existing(data)
            return [] if con is None else query.completions(con, what, incomplete)
        except Exception:  # completion must never break the shell
            return []

    return complete


def _static(values: Any) -> Callable[[str], list[str]]:
    return lambda incomplete: [v for v in values if v.lower().startswith(incomplete.lower())]


def _output(view: str, rows: list[dict[str, Any]], fmt: str | None, what: str, **kw: Any) -> None:
    isatty = _isatty()
    chosen = check_format(fmt, isatty)
    if not rows:
        raise NoMatch(f"no {what} matched")
    render(view, rows, chosen, sys.stdout, isatty=isatty, **kw)
    sys.stdout.flush()


def _list(view: str, fetch: Callable[..., list[Any]], fmt: str | None, what: str) -> None:
    """List records; TSV and JSON come pre-rendered from the index (fast at any size)."""
    isatty = _isatty()
    chosen = check_format(fmt, isatty)
    if chosen in ("tsv", "json", "jsonl"):
        lines = fetch(raw="tsv" if chosen == "tsv" else "json")
        if not lines:
            raise NoMatch(f"no {what} matched")
        raw(view, lines, chosen, sys.stdout)
        sys.stdout.flush()
        return
    _output(view, fetch(), chosen, what)


FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help=f"Output format: {', '.join(FORMATS)}. Default: table in a terminal, tsv in a pipe.",
        autocompletion=_static(FORMATS),
        show_default=False,
    ),
]
YearOpt = Annotated[
    int | None, typer.Option("--year", "-y", help="Records whose period overlaps this year.")
]
FromOpt = Annotated[
    str | None, typer.Option("--from", help="Start of a date range: YYYY, YYYY-MM or YYYY-MM-DD.")
]
ToOpt = Annotated[str | None, typer.Option("--to", help="End of a date range (inclusive).")]
SourceOpt = Annotated[
    str | None, typer.Option("--source", help="Only records citing this source (id or title).")
]


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


@app.command()
@_boundary
def casualties(
    ctx: typer.Context,
    year: YearOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    party: Annotated[
        str | None,
        typer.Option(
            "--party",
            "-p",
            help="Whose losses: Armenia, Artsakh, Azerbaijan, Russia, … (aliases accepted).",
            autocompletion=_static(
                [
                    "Armenia",
                    "Artsakh",
                    "Azerbaijan",
                    "Russia",
                    "Turkey",
                    "Iran",
                    "Syrian fighters",
                    "Both sides",
                    "Other",
                ]
            ),
        ),
    ] = None,
    category: Annotated[
        str | None, typer.Option("--category", "-c", help="military, civilian, mercenary, …")
    ] = None,
    measure: Annotated[
        str | None, typer.Option("--measure", "-m", help="killed, wounded, missing, …")
    ] = None,
    claimant: Annotated[
        str | None,
        typer.Option(
            "--claimant",
            help="Who asserts the figure (case-insensitive part of the name).",
            autocompletion=_complete("claimant"),
        ),
    ] = None,
    source: SourceOpt = None,
    event: Annotated[
        str | None,
        typer.Option(
            "--event",
            help="Only figures linked to this event id (e.g. ev-2016-april-clashes).",
            autocompletion=_complete("id"),
        ),
    ] = None,
    chart: Annotated[
        bool, typer.Option("--chart", help="Draw figures per year as a terminal chart.")
    ] = False,
    fmt: FormatOpt = None,
) -> None:
    """Casualty figures, each with its claimant and citation, sorted by period then party.

    Examples:

      nkfacts casualties --year 2016

      nkfacts casualties --party artsakh --measure missing --format json

      nkfacts casualties --year 2020 --format tsv | sort -t$'\\t' -k2,2
    """
    fetch = functools.partial(
        query.casualties,
        _con(ctx),
        when=query.span(year, date_from, date_to),
        party=party,
        category=category,
        measure=measure,
        claimant=claimant,
        source=source,
        event=event,
    )
    if chart:
        from nkfacts.chart import chart as draw

        rows = fetch()
        if not rows:
            raise NoMatch("no casualty figures matched")
        sys.stdout.write(
            draw(rows, width=terminal_width(sys.stdout, _isatty(), 80), unicode=_isatty())
        )
        return
    _list("casualties", fetch, fmt, "casualty figures")


@app.command()
@_boundary
def events(
    ctx: typer.Context,
    year: YearOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    type_: Annotated[
        str | None, typer.Option("--type", "-t", help="capture, clash, ceasefire, statement, …")
    ] = None,
    actor: Annotated[
        str | None,
        typer.Option(
            "--actor", "-a", help="An actor or any of its names.", autocompletion=_complete("actor")
        ),
    ] = None,
    place: Annotated[
        str | None,
        typer.Option(
            "--place",
            help="A place by any of its names (Martuni/Khojavend).",
            autocompletion=_complete("place"),
        ),
    ] = None,
    grep: Annotated[
        str | None,
        typer.Option("--grep", "-g", help="Case-insensitive text in title, description, quote."),
    ] = None,
    source: SourceOpt = None,
    fmt: FormatOpt = None,
) -> None:
    """Dated events in chronological order, each cited.

    Examples:

      nkfacts events --year 2020 --type capture

      nkfacts events --from 2023-09-19 --to 2023-10-15

      nkfacts events --place Khankendi --format json
    """
    fetch = functools.partial(
        query.events,
        _con(ctx),
        when=query.span(year, date_from, date_to),
        type_=type_,
        actor=actor,
        place=place,
        grep=grep,
        source=source,
    )
    _list("events", fetch, fmt, "events")


@app.command()
@_boundary
def ceasefires(
    ctx: typer.Context,
    violations: Annotated[
        bool, typer.Option("--violations", help="List the reported violations instead.")
    ] = False,
    ceasefire: Annotated[
        str | None, typer.Option("--ceasefire", help="With --violations: only this ceasefire id.")
    ] = None,
    claimant: Annotated[
        str | None, typer.Option("--claimant", help="With --violations: who reported it.")
    ] = None,
    year: YearOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    fmt: FormatOpt = None,
) -> None:
    """Ceasefires and agreements (brokers, signatories, outcome), or their reported violations.

    Examples:

      nkfacts ceasefires

      nkfacts ceasefires --violations --year 2023

      nkfacts ceasefires --format json | python -m json.tool
    """
    con = _con(ctx)
    when = query.span(year, date_from, date_to)
    if violations:
        _output(
            "violations",
            query.violations(con, when=when, ceasefire=ceasefire, claimant=claimant),
            fmt,
            "violations",
        )
    else:
        if ceasefire or claimant:
            raise UsageError("--ceasefire and --claimant go with --violations")
        _output("ceasefires", query.ceasefires(con, when=when), fmt, "ceasefires")


@app.command()
@_boundary
def positions(
    ctx: typer.Context,
    actor: Annotated[
        str | None,
        typer.Option(
            "--actor",
            "-a",
            help="A third party by any of its names.",
            autocompletion=_complete("actor"),
        ),
    ] = None,
    stance: Annotated[
        str | None,
        typer.Option("--stance", "-s", help="e.g. condemns-azerbaijan, calls-for-peace."),
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", "-k", help="e.g. statement, arms-supply, vote.")
    ] = None,
    year: YearOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="1988–1994 war, 1994–2020, 2020 war, 2020–2023, 2023 offensive, undated.",
        ),
    ] = None,
    matrix: Annotated[
        bool, typer.Option("--matrix", help="Actors × periods, one stance marker per record.")
    ] = False,
    source: SourceOpt = None,
    fmt: FormatOpt = None,
) -> None:
    """Third parties' stated positions and involvement, attributed, dated and cited.

    Examples:

      nkfacts positions --actor Russia --kind arms

      nkfacts positions --year 2023 --stance condemns-azerbaijan

      nkfacts positions --matrix
    """
    fetch = functools.partial(
        query.positions,
        _con(ctx),
        when=query.span(year, date_from, date_to),
        actor=actor,
        stance=stance,
        kind=kind,
        period=period,
        source=source,
    )
    if matrix:
        from nkfacts.matrix import legend, matrix_rows

        view_rows, cols = matrix_rows(fetch())
        _output(
            "matrix",
            view_rows,
            fmt,
            "positions",
            columns=cols,
            title="Stance markers: " + legend() + ". Record ids per cell: --format json.",
        )
        return
    _list("positions", fetch, fmt, "positions")


@app.command()
@_boundary
def validate(
    ctx: typer.Context,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            metavar="DIR",
            help="Also check every quote verbatim against the snapshots in DIR.",
        ),
    ] = None,
    fmt: FormatOpt = None,
) -> None:
    """Check the data files and report every problem (exit 0 valid, 3 invalid).

    Examples:

      nkfacts validate

      nkfacts validate --sources ../shared/sources

      nkfacts --data-dir ./mydata validate --format json
    """
    from nkfacts.validate import check

    data = _data_dir(ctx)
    if not data.is_dir():
        raise NkfactsError(f"{data}: data directory not found")
    if sources is not None and not sources.is_dir():
        raise UsageError(f"--sources {sources}: not a directory")
    ds = check(data, sources)
    isatty = _isatty()
    chosen = check_format(fmt, isatty)
    if ds.problems:
        render("problems", ds.problems, chosen, sys.stdout, isatty=isatty)
    elif chosen in ("json",):
        sys.stdout.write("[]\n")
    n_err, n_warn = len(ds.errors), len(ds.problems) - len(ds.errors)
    counts = ", ".join(f"{len(v)} {k}" for k, v in ds.records.items())
    status = "valid" if ds.valid else "INVALID"
    _err(
        f"{data}: {status} — {n_err} error(s), {n_warn} warning(s); {counts}"
        + ("; quotes checked against " + str(sources) if sources else "")
    )
    if not ds.valid:
        raise typer.Exit(int(ExitStatus.INVALID_DATA))


@app.command()
@_boundary
def show(
    ctx: typer.Context,
    record_id: Annotated[
        str, typer.Argument(metavar="ID", help="Any record id.", autocompletion=_complete("id"))
    ],
    fmt: FormatOpt = None,
) -> None:
    """One record in full: every field, quote, citations, linked and competing records.

    Examples:

      nkfacts show cas-nk-table-2016-armenia-soldiers

      nkfacts show cf-2020-11-10-tripartite --format json
    """
    from nkfacts.detail import detail, detail_text

    con = _con(ctx)
    full = detail(con, record_id)
    chosen = check_format(fmt, _isatty())
    if chosen in ("json", "jsonl"):
        import json

        sys.stdout.write(
            json.dumps(full, ensure_ascii=False, indent=2 if chosen == "json" else None) + "\n"
        )
    elif chosen == "table" and _isatty() and os.environ.get("TERM") != "dumb":
        # In a terminal: a framed view (rich; not on any time-critical path).
        from rich.console import Console
        from rich.panel import Panel

        body = detail_text(full)
        head, _, rest = body.partition("\n")
        Console(highlight=False, emoji=False, markup=False).print(
            Panel(rest.rstrip(), title=head, title_align="left")
        )
    else:
        sys.stdout.write(detail_text(full, markdown=chosen == "markdown"))


@app.command()
@_boundary
def cite(
    ctx: typer.Context,
    record_ids: Annotated[
        list[str],
        typer.Argument(metavar="ID...", help="Record ids.", autocompletion=_complete("id")),
    ],
    style: Annotated[
        str,
        typer.Option(
            "--style",
            help="markdown, wikitext, bibtex, csl-json, plain.",
            autocompletion=_static(["markdown", "wikitext", "bibtex", "csl-json", "plain"]),
        ),
    ] = "plain",
) -> None:
    """A citation ready to paste, for one or more records.

    Examples:

      nkfacts cite cas-nk-table-2016-armenia-soldiers --style wikitext

      nkfacts cite ID1 ID2 --style bibtex > refs.bib
    """
    from nkfacts.cite import cite as make

    con = _con(ctx)
    records = [query.get(con, rid) for rid in record_ids]
    sys.stdout.write(make(records, style))


@app.command()
@_boundary
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words to look for (all must occur).")],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=10000, help="At most this many hits.")
    ] = 50,
    fmt: FormatOpt = None,
) -> None:
    """Full-text search across every record kind, best match first (exit 1: nothing found).

    Examples:

      nkfacts search Shusha

      nkfacts search "fuel depot" --format json
    """
    _output("search", query.search(_con(ctx), text, limit), fmt, "records")


@app.command()
@_boundary
def sources(ctx: typer.Context, fmt: FormatOpt = None) -> None:
    """The source articles, their URLs and how many records cite each.

    Examples:

      nkfacts sources

      nkfacts sources --format json
    """
    _output("sources", query.sources(_con(ctx)), fmt, "sources")


@app.command()
@_boundary
def disputes(
    ctx: typer.Context,
    year: YearOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    party: Annotated[
        str | None, typer.Option("--party", "-p", help="Only disputes about this party's losses.")
    ] = None,
    fmt: FormatOpt = None,
) -> None:
    """Where the sources disagree: competing claims, revisions, totals that differ from their parts.

    Examples:

      nkfacts disputes --year 2020

      nkfacts disputes --year 2015 --format json
    """
    from nkfacts.disputes import find

    con = _con(ctx)
    rows = find(query.casualties(con, when=query.span(year, date_from, date_to), party=None))
    if party:
        from nkfacts import vocab

        p = vocab.resolve(party, vocab.PARTIES, "party")
        rows = [r for r in rows if r["party"] == p]
    _output("disputes", rows, fmt, "disputes")


@app.command()
@_boundary
def export(
    ctx: typer.Context,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write (for csv: a directory).")
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="sqlite, json or csv.",
            autocompletion=_static(["sqlite", "json", "csv"]),
        ),
    ] = "sqlite",
) -> None:
    """The whole dataset as SQLite (opens in sqlite3/Datasette), JSON, or CSV files.

    Examples:

      nkfacts export --format sqlite --output nkfacts.db

      nkfacts export --format csv --output nkfacts-csv/
    """
    from nkfacts.export import export as run

    written = run(_con(ctx), fmt, output)
    _err(f"wrote {written}")


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


def _run(argv: list[str]) -> int:
    """Run the command line; every way out becomes an exit code."""
    try:
        # Not standalone: click returns the exit code of typer.Exit instead of exiting, and
        # leaves its usage errors to us (shown below, even when stderr is gone).
        status = app(args=argv, prog_name="nkfacts", standalone_mode=False)
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
            with contextlib.suppress(Exception):
                exc.show()
            return status
        return process.exit_status(exc)


def main() -> None:
    """Entry point (`nkfacts` and `python -m nkfacts`)."""
    from nkfacts import interrupts

    interrupts.install()
    code: int = int(ExitStatus.INTERNAL)
    try:
        process.std_streams()
        argv = clean_argv(sys.argv[1:])
        # Typer builds a click command for every registered command on each call (~15 ms for
        # eleven). When the command line names one, register only that one: help, errors and
        # behaviour of that command are unchanged, and unknown names still get click's message.
        words = (
            os.environ.get("COMP_WORDS", "").split()[1:]
            if os.environ.get("_NKFACTS_COMPLETE")
            else argv
        )
        name = invoked_command(words)
        if name is not None:
            app.registered_commands = [
                c for c in app.registered_commands if _command_name(c) == name
            ]
        code = process.finish(_run(argv))
    except BaseException as exc:  # a signal between the steps above
        code = process.exit_status(exc)
    interrupts.install_early()  # from here on a signal has nothing left to unwind
    sys.exit(code)
