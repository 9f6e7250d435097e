"""The listing commands: casualties, events, ceasefires, positions, disputes.

Each body gathers its options, calls the query layer and hands the rows to `listing`; TSV and
JSON come pre-rendered from the index, tables merge identical claims and happenings.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

import typer

from nkfacts.answers import query
from nkfacts.cli import pipe
from nkfacts.cli.common import app, boundary, complete, connect, data_dir_of_option, output
from nkfacts.cli.options import (
    ActorOpt,
    CategoryOpt,
    ClaimantOpt,
    FormatOpt,
    FromOpt,
    Many,
    MeasureOpt,
    OverlappingOpt,
    PartyOpt,
    PlaceOpt,
    SourceOpt,
    ToOpt,
    YearOpt,
)
from nkfacts.core.errors import NoMatch, UsageError
from nkfacts.output.terminal import Output

Rows = Sequence[Mapping[str, Any]]  # records read (the contract's TypedDicts)


@app.command()
@boundary
def casualties(
    ctx: typer.Context,
    year: YearOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    overlapping: OverlappingOpt = False,
    party: PartyOpt = None,
    category: CategoryOpt = None,
    measure: MeasureOpt = None,
    claimant: ClaimantOpt = None,
    source: SourceOpt = None,
    event: Annotated[
        Many,
        typer.Option(
            "--event",
            help="Only figures linked to this event id (e.g. ev-2016-april-clashes).",
            autocompletion=complete("id"),
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
    pipe.casualties(
        data_dir_of_option(ctx),
        year=year,
        date_from=date_from,
        date_to=date_to,
        overlapping=overlapping,
        party=party,
        category=category,
        measure=measure,
        claimant=claimant,
        source=source,
        event=event,
        chart=chart,
        fmt=fmt,
    )


@app.command()
@boundary
def events(
    ctx: typer.Context,
    year: YearOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    overlapping: OverlappingOpt = False,
    type_: Annotated[
        Many,
        typer.Option("--type", "-t", help="capture, clash, ceasefire, statement, … Repeatable."),
    ] = None,
    actor: ActorOpt = None,
    place: PlaceOpt = None,
    grep: Annotated[
        Many,
        typer.Option(
            "--grep", "-g", help="Case-insensitive text in title, description, quote. Repeatable."
        ),
    ] = None,
    source: SourceOpt = None,
    claims: Annotated[
        bool,
        typer.Option("--claims", help="One row per record, not one per happening (tables)."),
    ] = False,
    fmt: FormatOpt = None,
) -> None:
    """Dated events in chronological order, each cited; one table row per happening.

    Examples:

      nkfacts events --year 2020 --type capture

      nkfacts events --from 2023-09-19 --to 2023-10-15

      nkfacts events --place Khankendi --format json
    """
    pipe.events(
        data_dir_of_option(ctx),
        year=year,
        date_from=date_from,
        date_to=date_to,
        overlapping=overlapping,
        type_=type_,
        actor=actor,
        place=place,
        grep=grep,
        source=source,
        claims=claims,
        fmt=fmt,
    )


@app.command()
@boundary
def ceasefires(
    ctx: typer.Context,
    violations: Annotated[
        bool, typer.Option("--violations", help="List the reported violations instead.")
    ] = False,
    ceasefire: Annotated[
        Many,
        typer.Option("--ceasefire", help="With --violations: only this ceasefire id. Repeatable."),
    ] = None,
    claimant: Annotated[
        Many, typer.Option("--claimant", help="With --violations: who reported it. Repeatable.")
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
    con = connect(ctx)
    when = query.span(year, date_from, date_to)
    if violations:
        rows = query.violations(con, when=when, ceasefire=ceasefire, claimant=claimant)
        print_rows("violations", rows, fmt, "violations")
    else:
        if ceasefire or claimant:
            raise UsageError("--ceasefire and --claimant go with --violations")
        print_rows("ceasefires", query.ceasefires(con, when=when), fmt, "ceasefires")


def print_rows(view: str, rows: Rows, fmt: str | None, what: str, **kw: Any) -> None:
    """Rows already fetched, in the chosen format."""
    output(view, rows, fmt, what, **kw)


@app.command()
@boundary
def disputes(
    ctx: typer.Context,
    year: YearOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    party: PartyOpt = None,
    fmt: FormatOpt = None,
) -> None:
    """Where the sources disagree: competing claims, revisions, inconsistencies, dates, totals.

    Examples:

      nkfacts disputes --year 2020

      nkfacts disputes --party armenia --format json
    """
    pipe.disputes(
        data_dir_of_option(ctx),
        year=year,
        date_from=date_from,
        date_to=date_to,
        party=party,
        fmt=fmt,
    )


@app.command()
@boundary
def compare(
    ctx: typer.Context,
    year: YearOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    chart: Annotated[
        bool, typer.Option("--chart", help="Draw the figures on a log-scale terminal chart.")
    ] = False,
    fmt: FormatOpt = None,
) -> None:
    """Per year, every source's own whole-conflict death figures side by side, each cited.

    Articles' totals for that year, UCDP per version, COW for the years its war covers —
    never summed or averaged; what each source counts is in the footer.

    Examples:

      nkfacts compare --from 1991 --to 2023

      nkfacts compare --from 2014 --to 2023 --chart

      nkfacts compare --format json
    """
    from nkfacts.answers.compare import compare as find
    from nkfacts.core.escape import terminal_lines
    from nkfacts.output import compare as cmp

    result = find(connect(ctx), query.span(year, date_from, date_to))
    where = Output.stdout()
    chosen = where.format(fmt)
    if not result.rows:
        raise NoMatch("no figures matched")
    width, unicode = where.width(80), where.unicode
    if chart:
        sys.stdout.write(terminal_lines(cmp.chart(result, width=width, unicode=unicode)))
    elif chosen == "table":
        sys.stdout.write(terminal_lines(cmp.table(result, width=width, unicode=unicode)))
    else:
        output("compare", result.rows, chosen, "figures", columns=cmp.columns(result))
