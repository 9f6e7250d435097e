"""`nkfacts check`: a draft's casualty figures against every recorded claim."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from nkfacts.answers import query
from nkfacts.cli.common import app, boundary, connect, source_numbers, static, stdin_is_terminal
from nkfacts.cli.process import err
from nkfacts.core.errors import ExitStatus
from nkfacts.core.vocab import CITE_STYLES as STYLES
from nkfacts.output.terminal import FORMATS, Output

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
DraftArg = Annotated[
    str | None,
    typer.Argument(
        metavar="[FILE|-]", help="The draft: Markdown or plain text ('-' or none: stdin)."
    ),
]
CiteOpt = Annotated[
    str | None,
    typer.Option(
        "--cite",
        metavar="STYLE",
        help=f"Also give the citations of every matched claim: {', '.join(STYLES)}, csl:NAME.",
        autocompletion=static(STYLES),
    ),
]
UrlOpt = Annotated[
    str | None,
    typer.Option(
        "--url",
        metavar="URL",
        help="With --format claimreview: where the draft is published (else its path).",
    ),
]
PublisherOpt = Annotated[
    str,
    typer.Option(
        "--publisher",
        metavar="NAME",
        help="With --format claimreview: who publishes the reviews (default nkfacts).",
    ),
]


@app.command()
@boundary
def check(
    ctx: typer.Context,
    draft: DraftArg = None,
    cite_style: CiteOpt = None,
    url: UrlOpt = None,
    publisher: PublisherOpt = "nkfacts",
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

    if draft in (None, "-") and stdin_is_terminal():  # someone typing: say how to end it
        err("reading the draft from the terminal (end with Ctrl-D)")
    text = checkdraft.read_draft(draft)
    findings, block = _findings(ctx, text, cite_style)
    if (fmt or "").lower() == "claimreview":
        from nkfacts.checkdraft.claimreview import claimreviews, dumps

        appearance = url or (draft if draft not in (None, "-") else "stdin")
        reviews = claimreviews(
            findings, text, appearance=str(appearance), is_url=url is not None, publisher=publisher
        )
        sys.stdout.write(dumps(reviews))
    else:
        _write(findings, text, fmt, block)
    sys.stdout.flush()
    if any(f["verdict"] == "differs" for f in findings):
        raise typer.Exit(int(ExitStatus.FIGURES_DIFFER))


def _findings(
    ctx: typer.Context, text: str, cite_style: str | None
) -> tuple[list[dict[str, Any]], str | None]:
    """Every figure of the draft judged, with its citations when a style is asked for."""
    from nkfacts import checkdraft

    con = connect(ctx)
    # parts of other figures too: `check` compares them only with the draft's parts
    claims = list(query.casualties(con))
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
    return findings, block


def _write(findings: list[dict[str, Any]], text: str, fmt: str | None, block: str | None) -> None:
    from nkfacts.checkdraft.report import write

    where = Output.stdout()
    write(
        findings,
        text,
        where.format(fmt),
        sys.stdout,
        isatty=where.isatty,
        cite_block=block,
        numbers=source_numbers(),
    )
