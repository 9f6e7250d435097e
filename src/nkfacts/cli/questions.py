"""`nkfacts ask`: a question in plain words, answered on one screen with the equivalent command."""

from __future__ import annotations

from typing import Annotated

import typer

from nkfacts.cli import pipe
from nkfacts.cli.common import app, boundary, data_dir_of_option
from nkfacts.cli.options import FormatOpt


@app.command()
@boundary
def ask(
    ctx: typer.Context,
    question: Annotated[list[str], typer.Argument(help="The question, quoted or not.")],
    fmt: FormatOpt = None,
) -> None:
    """Answer a question in plain words from the cited records (exit 1: nothing matches).

    Says how it read the question and the equivalent command, then the answer: how many
    (claims side by side, the datasets beside them), when / what happened, ceasefires (who
    signed, who brokered, terms), positions (the actor's own words and acts first), who
    supports a side (one line per actor). Otherwise the closest records by search.

    Examples:

      nkfacts ask "How many Armenian soldiers died in the 2020 war?"

      nkfacts ask who supports Azerbaijan

      nkfacts ask "When was the Bishkek ceasefire signed?" --format json
    """
    pipe.ask(data_dir_of_option(ctx), question=question, fmt=fmt)
