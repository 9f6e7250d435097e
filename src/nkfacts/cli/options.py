"""The command-line options shared by several commands, defined once (Typer annotations).

Every filter may be given more than once and then means "any of" (`--actor Iran --actor
Turkey`). Value lists for help and completion come from their single definitions in `vocab`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from nkfacts.cli.common import complete, static
from nkfacts.core import vocab
from nkfacts.output.render import FORMATS

Many = list[str] | None

FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help=f"Output format: {', '.join(FORMATS)}. Default: table in a terminal, tsv in a pipe.",
        autocompletion=static(FORMATS),
        show_default=False,
    ),
]
YearOpt = Annotated[
    int | None,
    typer.Option("--year", "-y", help="Records whose period lies within this year."),
]
FromOpt = Annotated[
    str | None, typer.Option("--from", help="Start of a date range: YYYY, YYYY-MM or YYYY-MM-DD.")
]
ToOpt = Annotated[str | None, typer.Option("--to", help="End of a date range (inclusive).")]
OverlappingOpt = Annotated[
    bool,
    typer.Option(
        "--overlapping",
        help="Also keep records that only overlap the date range (multi-year totals, "
        "records known only to the year or month).",
    ),
]
SourceOpt = Annotated[
    Many,
    typer.Option("--source", help="Only records citing this source (id or title). Repeatable."),
]
PartyOpt = Annotated[
    Many,
    typer.Option(
        "--party",
        "-p",
        help=f"Whose losses: {', '.join(vocab.PARTIES)} (aliases accepted). Repeatable.",
        autocompletion=static(list(vocab.PARTIES)),
    ),
]
CategoryOpt = Annotated[
    Many,
    typer.Option(
        "--category",
        "-c",
        help=f"{', '.join(vocab.CATEGORIES)}. Repeatable.",
        autocompletion=static(list(vocab.CATEGORIES)),
    ),
]
MeasureOpt = Annotated[
    Many,
    typer.Option(
        "--measure",
        "-m",
        help=f"{', '.join(vocab.MEASURES)}. Repeatable.",
        autocompletion=static(list(vocab.MEASURES)),
    ),
]
ClaimantOpt = Annotated[
    Many,
    typer.Option(
        "--claimant",
        help="Who asserts it (case-insensitive part of the name). Repeatable.",
        autocompletion=complete("claimant"),
    ),
]
ActorOpt = Annotated[
    Many,
    typer.Option(
        "--actor",
        "-a",
        help="An actor by any of its names. Repeatable.",
        autocompletion=complete("actor"),
    ),
]
PlaceOpt = Annotated[
    Many,
    typer.Option(
        "--place",
        help="A place by any of its names (Martuni/Khojavend, Shusha/Shushi/Şuşa). Repeatable.",
        autocompletion=complete("place"),
    ),
]
