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
    output,
    static,
    stdin_is_terminal,
)
from nkfacts.cli.options import FormatOpt
from nkfacts.cli.process import err
from nkfacts.core.errors import ExitStatus, NkfactsError, UsageError
from nkfacts.output.render import render
from nkfacts.output.terminal import FORMATS, Output, json_array


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

    data = data_dir_of(ctx)
    if not data.is_dir():
        raise NkfactsError(f"{data}: data directory not found")
    if sources is not None and not sources.is_dir():
        raise UsageError(f"--sources {sources}: not a directory")
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
        f"{data}: {status} — {n_err} error(s), {n_warn} warning(s); {counts}"
        + ("; quotes checked against " + str(sources) if sources else "")
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
    fmt: FormatOpt = None,
) -> None:
    """One record in full: every field, quote, citations, linked and competing records.

    Examples:

      nkfacts show cas-nk-table-2016-armenia-soldiers

      nkfacts show cf-2020-11-10-tripartite --format json
    """
    from nkfacts.answers.show import detail, detail_text

    con = connect(ctx)
    full = detail(con, record_id)
    where = Output.stdout()
    chosen = where.format(fmt)
    if chosen in ("json", "jsonl"):
        import json

        sys.stdout.write(
            json.dumps(full, ensure_ascii=False, indent=2 if chosen == "json" else None) + "\n"
        )
    elif chosen == "table" and where.isatty and not where.dumb:
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
            help="markdown, wikitext, bibtex, csl-json, plain.",
            autocompletion=static(["markdown", "wikitext", "bibtex", "csl-json", "plain"]),
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

    con = connect(ctx)
    records = [query.get(con, rid) for rid in record_ids]
    out = make(records, style, load_sources(con), ref=ref)
    for warning in out.warnings:
        err(warning)
    sys.stdout.write(out.text)


@app.command()
@boundary
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
    from nkfacts.answers.search import search as find

    output("search", find(connect(ctx), text, limit), fmt, "records")


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


CHECK_FORMATS = (*FORMATS, "claimreview")
CheckFormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help=f"Output format: {', '.join(CHECK_FORMATS)} (schema.org ClaimReview JSON-LD). "
        "Default: table in a terminal, tsv in a pipe.",
        autocompletion=static(CHECK_FORMATS),
        show_default=False,
    ),
]


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
            help="Also give the citations of every matched claim: markdown, wikitext, bibtex, "
            "csl-json, plain.",
            autocompletion=static(["markdown", "wikitext", "bibtex", "csl-json", "plain"]),
        ),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option(
            "--url",
            metavar="URL",
            help="With --format claimreview: where the draft is published (else its path).",
        ),
    ] = None,
    publisher: Annotated[
        str,
        typer.Option(
            "--publisher",
            metavar="NAME",
            help="With --format claimreview: who publishes the reviews (default nkfacts).",
        ),
    ] = "nkfacts",
    fmt: CheckFormatOpt = None,
) -> None:
    """Fact-check the casualty figures of a draft against every recorded claim.

    Each figure gets a verdict: matches, disputed, differs or unknown, with the claims and
    their citations. Exit 4 when some figure differs from every claim (0 otherwise).

    Examples:

      nkfacts check article.md

      pbpaste | nkfacts check --format json

      nkfacts check draft.txt --cite wikitext

      nkfacts check draft.md --format claimreview --url https://example.org/story --publisher "Newsroom"
    """
    from nkfacts import checkdraft
    from nkfacts.checkdraft.report import write

    where = Output.stdout()
    review = (fmt or "").lower() == "claimreview"
    chosen = "json" if review else where.format(fmt)
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
    if review:
        from nkfacts.checkdraft.claimreview import claimreviews, dumps

        appearance = url or (draft if draft not in (None, "-") else "stdin")
        reviews = claimreviews(
            findings, text, appearance=str(appearance), is_url=url is not None, publisher=publisher
        )
        sys.stdout.write(dumps(reviews))
    else:
        write(findings, text, chosen, sys.stdout, isatty=where.isatty, cite_block=block)
    sys.stdout.flush()
    if any(f["verdict"] == "differs" for f in findings):
        raise typer.Exit(int(ExitStatus.FIGURES_DIFFER))
