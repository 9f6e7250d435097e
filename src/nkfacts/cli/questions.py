"""`nkfacts ask`: a question in plain words, answered on one screen with the equivalent command."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Annotated

import typer

from nkfacts.cli.common import app, boundary, connect, source_numbers
from nkfacts.cli.options import FormatOpt
from nkfacts.core.errors import NoMatch, UsageError
from nkfacts.output.render import render
from nkfacts.output.terminal import Output

# The view whose columns a pipe format uses for each kind of answer.
PIPE_VIEW = {"supporters": "positions"}
MAX_QUESTION = 1000


def _as_hit(kind: str, rec: Mapping[str, object]) -> dict[str, object]:
    """A record of any kind as a `search` row (kind, id, date, when, text)."""
    text = next((rec[k] for k in ("title", "name", "summary", "description") if rec.get(k)), "")
    date = rec.get("date") or rec.get("start") or rec.get("signed")
    return {
        "kind": kind,
        "id": rec["id"],
        "date": date,
        "when": rec.get("when") or rec.get("period"),
        "snippet": text,
        "score": None,
    }


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
    from nkfacts.ask import answer
    from nkfacts.ask.screen import screen

    text = " ".join(question).strip()
    if not text:
        raise UsageError('ask needs a question, e.g. nkfacts ask "how many died in 2016?"')
    if len(text) > MAX_QUESTION:
        raise UsageError(f"question too long ({len(text):,} characters; limit {MAX_QUESTION})")
    where = Output.stdout()
    chosen = where.format(fmt)
    found = answer(connect(ctx), text)
    if chosen == "table":
        arrow = "→" if where.fancy else "->"
        sys.stdout.write(screen(found, where.width(80), arrow, source_numbers()))
    elif chosen == "json":
        import json

        sys.stdout.write(json.dumps(found.public(), ensure_ascii=False, indent=2) + "\n")
    elif found.records and found.view == "records":  # kinds mixed: one row each, as search
        rows = [_as_hit(kind, rec) for kind, rec in zip(found.kinds, found.records, strict=True)]
        render("search", rows, chosen, sys.stdout, isatty=where.isatty)
    elif found.records:
        view = PIPE_VIEW.get(found.view, found.view)
        render(view, found.records, chosen, sys.stdout, isatty=where.isatty)
    sys.stdout.flush()
    if not found.records:
        raise NoMatch("nothing in the records matches this question")
