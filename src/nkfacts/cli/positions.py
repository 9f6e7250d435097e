"""`nkfacts positions`: third parties' positions, as a list, a matrix or one row per actor."""

from __future__ import annotations

from typing import Annotated

import typer

from nkfacts.cli import pipe
from nkfacts.cli.common import app, boundary, data_dir_of_option
from nkfacts.cli.options import (
    ActorOpt,
    FormatOpt,
    FromOpt,
    Many,
    OverlappingOpt,
    SourceOpt,
    ToOpt,
    YearOpt,
)

StanceOpt = Annotated[
    Many,
    typer.Option("--stance", "-s", help="e.g. condemns-azerbaijan, calls-for-peace. Repeatable."),
]
KindOpt = Annotated[
    Many, typer.Option("--kind", "-k", help="e.g. statement, arms-supply, vote. Repeatable.")
]
PeriodOpt = Annotated[
    Many,
    typer.Option(
        "--period", help="1988–1994 war, 1994–2020, 2020 war, 2020–2023, 2023 offensive, undated."
    ),
]
MatrixOpt = Annotated[
    bool, typer.Option("--matrix", help="Actors × periods, one stance marker per record.")
]
OwnOpt = Annotated[
    bool,
    typer.Option("--own", help="Only the actor's own statements and acts, not others' readings."),
]
ByActorOpt = Annotated[
    bool,
    typer.Option(
        "--by-actor", help="One row per actor: its strongest evidence (acts before words)."
    ),
]


@app.command()
@boundary
def positions(
    ctx: typer.Context,
    actor: ActorOpt = None,
    stance: StanceOpt = None,
    kind: KindOpt = None,
    year: YearOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    overlapping: OverlappingOpt = False,
    period: PeriodOpt = None,
    matrix: MatrixOpt = False,
    source: SourceOpt = None,
    own: OwnOpt = False,
    by_actor: ByActorOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Third parties' stated positions and involvement, attributed, dated and cited.

    Examples:

      nkfacts positions --actor Russia --kind arms

      nkfacts positions --actor Iran --actor Turkey --year 2020

      nkfacts positions --matrix

      nkfacts positions --stance supports-azerbaijan --stance supplies-azerbaijan --by-actor
    """
    pipe.positions(
        data_dir_of_option(ctx),
        actor=actor,
        stance=stance,
        kind=kind,
        period=period,
        source=source,
        own=own,
        year=year,
        date_from=date_from,
        date_to=date_to,
        overlapping=overlapping,
        matrix=matrix,
        by_actor=by_actor,
        fmt=fmt,
    )
