"""The record commands: validate, show, cite, search, sources, export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from nkfacts.answers import query
from nkfacts.cli.common import (
    app,
    boundary,
    complete,
    connect,
    data_dir_of,
    static,
    stdin_is_terminal,
)
from nkfacts.cli.options import FormatOpt
from nkfacts.cli.pipe import output
from nkfacts.cli.process import err
from nkfacts.core.errors import ExitStatus, NkfactsError, UsageError
from nkfacts.core.vocab import CITE_STYLES as STYLES
from nkfacts.output.render import render
from nkfacts.output.terminal import Output, json_array


@app.command()
@boundary
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
    from nkfacts.load.validate import check
    from nkfacts.store.cachefiles import shown

    data = data_dir_of(ctx)
    if not data.is_dir():
        raise NkfactsError(f"{shown(data)}: data directory not found")
    if sources is not None and not sources.is_dir():
        raise UsageError(f"--sources {shown(sources)}: not a directory")
    ds = check(data, sources)
    where = Output.stdout()
    chosen = where.format(fmt)
    if ds.problems:
        render("problems", ds.problems, chosen, sys.stdout, isatty=where.isatty)
    elif chosen in ("json",):
        sys.stdout.write(json_array([]))
    n_err, n_warn = len(ds.errors), len(ds.problems) - len(ds.errors)
    counts = ", ".join(f"{len(v)} {k}" for k, v in ds.records.items())
    status = "valid" if ds.valid else "INVALID"
    err(
        f"{shown(data)}: {status} — {n_err} error(s), {n_warn} warning(s); {counts}"
        + ("; quotes checked against " + shown(sources) if sources else "")
    )
    if not ds.valid:
        raise typer.Exit(int(ExitStatus.INVALID_DATA))


@app.command()
@boundary
def show(
    ctx: typer.Context,
    record_id: Annotated[
        str, typer.Argument(metavar="ID", help="Any record id.", autocompletion=complete("id"))
    ],
    full: Annotated[
        bool, typer.Option("--full", help="Every line, even past one screen (terminal).")
    ] = False,
    fmt: FormatOpt = None,
) -> None:
    """One record in one glance: its fields, quote, sources, linked and competing records.

    In a terminal at most 40 lines at 80 columns (`--full` for everything); pipes get it all.

    Examples:

      nkfacts show cas-nk-table-2016-armenia-soldiers

      nkfacts show cf-2020-11-10-tripartite --format json
    """
    from nkfacts.answers.show import detail
    from nkfacts.core.escape import for_terminal, terminal_lines
    from nkfacts.output.showtext import detail_text

    con = connect(ctx)
    record = detail(con, record_id)
    where = Output.stdout()
    chosen = where.format(fmt)
    if chosen in ("json", "jsonl"):
        import json

        for_terminal(sys.stdout, where.isatty, chosen).write(
            json.dumps(record, ensure_ascii=False, indent=2 if chosen == "json" else None) + "\n"
        )
    elif chosen == "table":  # for people: wrapped to the width, one screen unless --full
        text = terminal_lines(detail_text(record, width=where.width(80), everything=full))
        head, _, rest = text.partition("\n")
        sys.stdout.write(f"\x1b[1m{head}\x1b[0m\n{rest}" if where.color else text)
    else:  # pipes: every line whole
        markdown = chosen == "markdown"
        text = detail_text(record, width=10**6, markdown=markdown, everything=True)
        sys.stdout.write(terminal_lines(text))


@app.command()
@boundary
def cite(
    ctx: typer.Context,
    record_ids: Annotated[
        list[str],
        typer.Argument(metavar="ID...", help="Record ids.", autocompletion=complete("id")),
    ],
    style: Annotated[
        str,
        typer.Option(
            "--style",
            help=", ".join(STYLES) + ".",
            autocompletion=static(STYLES),
        ),
    ] = "plain",
    ref: Annotated[
        bool, typer.Option("--ref", help='wikitext: wrap each citation in <ref name="ID">.')
    ] = False,
) -> None:
    """A citation ready to paste, for one or more records.

    Wikitext for a fact taken from Wikipedia is not a citation (Wikipedia is not a source for
    Wikipedia): it names the article's reference label(s) to follow instead.

    Examples:

      nkfacts cite cas-nk-table-2016-armenia-soldiers --style wikitext

      nkfacts cite ID1 ID2 --style bibtex > refs.bib
    """
    from nkfacts.cite import cite as make
    from nkfacts.cite.base import load_sources
    from nkfacts.core.escape import for_terminal, terminal_lines

    con = connect(ctx)
    records = [query.get(con, rid) for rid in record_ids]
    out = make(records, style, load_sources(con), ref=ref)
    for warning in out.warnings:
        err(warning)
    if style == "csl-json":  # data: escaped only for a terminal (README, Security)
        for_terminal(sys.stdout, Output.stdout().isatty, style).write(out.text)
    else:
        sys.stdout.write(terminal_lines(out.text))


@app.command()
@boundary
def search(
    ctx: typer.Context,
    words: Annotated[
        list[str], typer.Argument(help="Words to look for, quoted or not (all must occur).")
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=10000, help="At most this many hits.")
    ] = 50,
    fmt: FormatOpt = None,
) -> None:
    """Full-text search across every record kind, best match first (exit 1: nothing found).

    Examples:

      nkfacts search Shusha

      nkfacts search fuel depot --format json
    """
    from nkfacts.answers.search import search as find

    output("search", find(connect(ctx), " ".join(words), limit), fmt, "records")


@app.command()
@boundary
def sources(ctx: typer.Context, fmt: FormatOpt = None) -> None:
    """The source articles, their URLs and how many records cite each.

    Examples:

      nkfacts sources

      nkfacts sources --format json
    """
    output("sources", query.sources(connect(ctx)), fmt, "sources")


@app.command()
@boundary
def export(
    ctx: typer.Context,
    output: Annotated[
        str, typer.Option("--output", "-o", help="File to write (for csv: a directory).")
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="sqlite, json or csv.",
            autocompletion=static(["sqlite", "json", "csv"]),
        ),
    ] = "sqlite",
) -> None:
    """The whole dataset as SQLite (opens in sqlite3/Datasette), JSON, or CSV files.

    Examples:

      nkfacts export --format sqlite --output nkfacts.db   # + nkfacts.metadata.json

      nkfacts export --format csv --output nkfacts-csv/
    """
    from nkfacts.export.dump import export as run

    written = run(connect(ctx), fmt, output)
    err(f"wrote {written}")


@app.command()
@boundary
def check(
    ctx: typer.Context,
    draft: Annotated[
        str | None,
        typer.Argument(
            metavar="[FILE|-]", help="The draft: Markdown or plain text ('-' or none: stdin)."
        ),
    ] = None,
    cite_style: Annotated[
        str | None,
        typer.Option(
            "--cite",
            metavar="STYLE",
            help=f"Also give the citations of every matched claim: {', '.join(STYLES)}.",
            autocompletion=static(STYLES),
        ),
    ] = None,
    fmt: FormatOpt = None,
) -> None:
    """Fact-check the casualty figures of a draft against every recorded claim.

    Each figure gets a verdict: matches, disputed, differs or unknown, with the claims and
    their citations. Exit 4 when some figure differs from every claim (0 otherwise).

    Examples:

      nkfacts check article.md

      pbpaste | nkfacts check --format json

      nkfacts check draft.txt --cite wikitext
    """
    from nkfacts import checkdraft
    from nkfacts.checkdraft.report import write

    where = Output.stdout()
    chosen = where.format(fmt)
    if draft in (None, "-") and stdin_is_terminal():  # someone typing: say how to end it
        err("reading the draft from the terminal (end with Ctrl-D)")
    text = checkdraft.read_draft(draft)
    con = connect(ctx)
    # A part of another figure (11 non-combat deaths of the 91) is not a competing toll.
    claims = [c for c in query.casualties(con) if not c.get("part_of")]
    findings = checkdraft.check(text, claims)
    block = None
    if cite_style is not None:
        from nkfacts.cite.base import load_sources

        findings, block, warnings = checkdraft.with_citations(
            findings, claims, cite_style, load_sources(con)
        )
        for warning in dict.fromkeys(warnings):
            err(warning)
    if not findings:
        err("no casualty figures found in the draft")
    write(findings, text, chosen, sys.stdout, isatty=where.isatty, cite_block=block)
    sys.stdout.flush()
    if any(f["verdict"] == "differs" for f in findings):
        raise typer.Exit(int(ExitStatus.FIGURES_DIFFER))
