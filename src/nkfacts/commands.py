"""The listing commands: casualties, events, ceasefires, positions, disputes.

Each body gathers its options, calls the query layer and hands the rows to `listing`; TSV and
JSON come pre-rendered from the index, tables merge identical claims and happenings.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer

from nkfacts import query, vocab
from nkfacts.cli import _boundary, _complete, _con, _err, _isatty, _output, app
from nkfacts.errors import NoMatch, UsageError
from nkfacts.options import (
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
from nkfacts.render import check_format, raw, render, terminal_width

Rows = list[dict[str, Any]]


def listing(
    view: str,
    fetch: Callable[..., list[Any]],
    fmt: str | None,
    what: str,
    *,
    when: query.Span | None = None,
    merge: Callable[[Rows], Rows] | None = None,
    **kw: Any,
) -> None:
    """Print what `fetch` returns: pre-rendered for pipes, merged and laid out for people."""
    isatty = _isatty()
    chosen = check_format(fmt, isatty)
    if chosen in ("tsv", "json", "jsonl"):
        lines = fetch(when=when, raw="tsv" if chosen == "tsv" else "json")
        if not lines:
            raise NoMatch(f"no {what} matched")
        out = sys.stdout
        if isatty:  # data formats are escaped only for a terminal (README, Security)
            from nkfacts.escape import for_terminal

            out = for_terminal(out, isatty, chosen)
        raw(view, lines, chosen, out)
        sys.stdout.flush()
        return
    rows = fetch(when=when)
    if isatty and when is not None and not when.overlapping:
        more = len(fetch(when=when.widened(), raw="tsv")) - len(rows)
        if more > 0:
            _err(f"{more} more of the {what} only overlap these dates (--overlapping shows them)")
    if not rows:
        raise NoMatch(f"no {what} matched")
    footer: list[str] = list(kw.pop("footer", []))
    if merge is not None and chosen in ("table", "markdown"):
        from nkfacts.claims import merged_note

        merged = merge(rows)
        footer += merged_note(rows, merged, "claim" if view == "casualties" else "happening")
        rows = merged
    render(view, rows, chosen, sys.stdout, isatty=isatty, footer=footer, **kw)
    sys.stdout.flush()


def _merge_claims(rows: Rows) -> Rows:
    from nkfacts.claims import merge_claims

    return merge_claims(rows)


def _merge_happenings(rows: Rows) -> Rows:
    from nkfacts.claims import merge_happenings

    return merge_happenings(rows)


@app.command()
@_boundary
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
    when = query.span(year, date_from, date_to, overlapping)
    fetch = functools.partial(
        query.casualties,
        _con(ctx),
        party=party,
        category=category,
        measure=measure,
        claimant=claimant,
        source=source,
        event=event,
    )
    if chart:
        from nkfacts.chart import chart as draw
        from nkfacts.escape import terminal_lines

        rows = fetch(when=when)
        if not rows:
            raise NoMatch("no casualty figures matched")
        width = terminal_width(sys.stdout, _isatty(), 80)
        sys.stdout.write(terminal_lines(draw(rows, width=width, unicode=_isatty())))
        return
    listing("casualties", fetch, fmt, "casualty figures", when=when, merge=_merge_claims)


@app.command()
@_boundary
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
    fetch = functools.partial(
        query.events,
        _con(ctx),
        type_=type_,
        actor=actor,
        place=place,
        grep=grep,
        source=source,
    )
    when = query.span(year, date_from, date_to, overlapping)
    merge = None if claims else _merge_happenings
    listing("events", fetch, fmt, "events", when=when, merge=merge)


@app.command()
@_boundary
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
    con = _con(ctx)
    when = query.span(year, date_from, date_to)
    if violations:
        rows = query.violations(con, when=when, ceasefire=ceasefire, claimant=claimant)
        _print("violations", rows, fmt, "violations")
    else:
        if ceasefire or claimant:
            raise UsageError("--ceasefire and --claimant go with --violations")
        _print("ceasefires", query.ceasefires(con, when=when), fmt, "ceasefires")


def _print(view: str, rows: Rows, fmt: str | None, what: str, **kw: Any) -> None:
    """Rows already fetched, in the chosen format."""
    _output(view, rows, fmt, what, **kw)


@app.command()
@_boundary
def positions(
    ctx: typer.Context,
    actor: ActorOpt = None,
    stance: Annotated[
        Many,
        typer.Option(
            "--stance", "-s", help="e.g. condemns-azerbaijan, calls-for-peace. Repeatable."
        ),
    ] = None,
    kind: Annotated[
        Many,
        typer.Option("--kind", "-k", help="e.g. statement, arms-supply, vote. Repeatable."),
    ] = None,
    year: YearOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    overlapping: OverlappingOpt = False,
    period: Annotated[
        Many,
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

      nkfacts positions --actor Iran --actor Turkey --year 2020

      nkfacts positions --matrix
    """
    fetch = functools.partial(
        query.positions,
        _con(ctx),
        actor=actor,
        stance=stance,
        kind=kind,
        period=period,
        source=source,
    )
    when = query.span(year, date_from, date_to, overlapping)
    if matrix:
        from nkfacts.matrix import legend, matrix_rows

        view_rows, cols = matrix_rows(fetch(when=when))
        if not view_rows:
            raise NoMatch("no positions matched")
        footer = [
            "Markers: " + legend() + ". A marker with * comes only from others' readings "
            "(attributed_to), not the actor's own statements. Record ids per cell: --format json."
        ]
        _print("matrix", view_rows, fmt, "positions", columns=cols, footer=footer)
        return
    listing("positions", fetch, fmt, "positions", when=when)


@app.command()
@_boundary
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
    from nkfacts.disputes import find

    con = _con(ctx)
    when = query.span(year, date_from, date_to, overlapping=True)
    rows = find(
        query.casualties(con, when=when),
        query.events(con, when=when),
        party=[vocab.resolve(p, vocab.PARTIES, "party") for p in party or []],
    )
    if check_format(fmt, _isatty()) in ("table", "markdown"):
        claims = [
            {**c, "_heading": f"{d['kind']}: {d['subject']}" if i == 0 else None}
            for d in rows
            for i, c in enumerate(d["claims"])
        ]
        _print("dispute-claims", claims, fmt, "disputes", footer=[DISPUTE_KINDS])
        return
    _print("disputes", rows, fmt, "disputes")


DISPUTE_KINDS = (
    "competing: different claimants; revision: one claimant over time; inconsistent: one "
    "claimant (or the article's own voice) with different figures; date: one happening, "
    "different dates; table-total: a total that is not the sum of its parts."
)


@app.command()
@_boundary
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
    from nkfacts import compare as cmp
    from nkfacts.escape import terminal_lines

    result = cmp.compare(_con(ctx), query.span(year, date_from, date_to))
    isatty = _isatty()
    chosen = check_format(fmt, isatty)
    if not result.rows:
        raise NoMatch("no figures matched")
    width = terminal_width(sys.stdout, isatty, 80)
    unicode = isatty and os.environ.get("TERM") != "dumb"
    if chart:
        sys.stdout.write(terminal_lines(cmp.chart(result, width=width, unicode=unicode)))
    elif chosen == "table":
        sys.stdout.write(terminal_lines(cmp.table(result, width=width, unicode=unicode)))
    else:
        _output("compare", result.rows, chosen, "figures", columns=cmp.columns(result))
