"""The record commands: validate, show, cite, search, sources, export."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from nkfacts import query
from nkfacts.cli import (
    _boundary,
    _complete,
    _con,
    _data_dir,
    _err,
    _isatty,
    _output,
    _static,
    _stdin_is_terminal,
    app,
)
from nkfacts.errors import ExitStatus, NkfactsError, UsageError
from nkfacts.options import FormatOpt
from nkfacts.render import check_format, render


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
    from nkfacts.index import shown
    from nkfacts.validate import check

    data = _data_dir(ctx)
    if not data.is_dir():
        raise NkfactsError(f"{shown(data)}: data directory not found")
    if sources is not None and not sources.is_dir():
        raise UsageError(f"--sources {shown(sources)}: not a directory")
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
        f"{shown(data)}: {status} — {n_err} error(s), {n_warn} warning(s); {counts}"
        + ("; quotes checked against " + shown(sources) if sources else "")
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
    from nkfacts.escape import for_terminal, terminal_lines

    con = _con(ctx)
    full = detail(con, record_id)
    chosen = check_format(fmt, _isatty())
    if chosen in ("json", "jsonl"):
        import json

        for_terminal(sys.stdout, _isatty(), chosen).write(
            json.dumps(full, ensure_ascii=False, indent=2 if chosen == "json" else None) + "\n"
        )
    elif chosen == "table" and _isatty() and os.environ.get("TERM") != "dumb":
        # In a terminal: a framed view (rich; not on any time-critical path).
        from rich.console import Console
        from rich.panel import Panel

        body = terminal_lines(detail_text(full))
        head, _, rest = body.partition("\n")
        Console(highlight=False, emoji=False, markup=False).print(
            Panel(rest.rstrip(), title=head, title_align="left")
        )
    else:
        sys.stdout.write(terminal_lines(detail_text(full, markdown=chosen == "markdown")))


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
    from nkfacts.cite import load_sources
    from nkfacts.escape import for_terminal, terminal_lines

    con = _con(ctx)
    records = [query.get(con, rid) for rid in record_ids]
    out = make(records, style, load_sources(con), ref=ref)
    for warning in out.warnings:
        _err(warning)
    if style == "csl-json":  # data: escaped only for a terminal (README, Security)
        for_terminal(sys.stdout, _isatty(), style).write(out.text)
    else:
        sys.stdout.write(terminal_lines(out.text))


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
    from nkfacts.search import search as find

    _output("search", find(_con(ctx), text, limit), fmt, "records")


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
            autocompletion=_static(["sqlite", "json", "csv"]),
        ),
    ] = "sqlite",
) -> None:
    """The whole dataset as SQLite (opens in sqlite3/Datasette), JSON, or CSV files.

    Examples:

      nkfacts export --format sqlite --output nkfacts.db   # + nkfacts.metadata.json

      nkfacts export --format csv --output nkfacts-csv/
    """
    from nkfacts.export import export as run

    written = run(_con(ctx), fmt, output)
    _err(f"wrote {written}")


@app.command()
@_boundary
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
            help="Also give the citations of every matched claim: markdown, wikitext, bibtex, "
            "csl-json, plain.",
            autocompletion=_static(["markdown", "wikitext", "bibtex", "csl-json", "plain"]),
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

    chosen = check_format(fmt, _isatty())
    if draft in (None, "-") and _stdin_is_terminal():  # someone typing: say how to end it
        _err("reading the draft from the terminal (end with Ctrl-D)")
    text = checkdraft.read_draft(draft)
    con = _con(ctx)
    # A part of another figure (11 non-combat deaths of the 91) is not a competing toll.
    claims = [c for c in query.casualties(con) if not c.get("part_of")]
    findings = checkdraft.check(text, claims)
    block = None
    if cite_style is not None:
        from nkfacts.cite import load_sources

        findings, block, warnings = checkdraft.with_citations(
            findings, claims, cite_style, load_sources(con)
        )
        for warning in dict.fromkeys(warnings):
            _err(warning)
    if not findings:
        _err("no casualty figures found in the draft")
    write(findings, text, chosen, sys.stdout, isatty=_isatty(), cite_block=block)
    sys.stdout.flush()
    if any(f["verdict"] == "differs" for f in findings):
        raise typer.Exit(int(ExitStatus.FIGURES_DIFFER))
