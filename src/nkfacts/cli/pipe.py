"""The pipe half of the listing commands, without Typer: `casualties`, `events`, `positions`,
`search`, `disputes` and `ask` as functions of plain values (the data directory and the
options' values, named as the Typer commands name them). The Typer commands call them, and so
does the fast path (`cli/fast.py`); the listings end in the same `listing`.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Mapping, Sequence

from nkfacts.answers import query
from nkfacts.answers.rows import header as stored_header
from nkfacts.cli.process import err
from nkfacts.core import paths
from nkfacts.core.errors import NoMatch, UsageError
from nkfacts.core.statictypes import TYPE_CHECKING
from nkfacts.output.lines import write
from nkfacts.output.terminal import Output

if TYPE_CHECKING:
    from typing import Any, TypeAlias

    from nkfacts.ask.route import Answer

Rows: TypeAlias = "Sequence[Mapping[str, Any]]"  # records read (the contract's TypedDicts)
Many: TypeAlias = "list[str] | None"


_opened: list[Any] = []  # the index this command opened (its source numbers)


def connect(data_dir: str | None) -> Any:
    from nkfacts.store.index import open_index

    con = open_index(paths.data_dir(data_dir))
    _opened[:] = [con]
    return con


def source_numbers() -> dict[str, int]:
    """Each source's [n], the same in every view (the order of sources.yaml)."""
    return query.source_numbers(_opened[0]) if _opened else {}


def casualties(
    data_dir: str | None,
    *,
    year: int | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    overlapping: bool = False,
    party: Many = None,
    category: Many = None,
    measure: Many = None,
    claimant: Many = None,
    source: Many = None,
    event: Many = None,
    chart: bool = False,
    fmt: str | None = None,
) -> None:
    """`nkfacts casualties`."""
    when = query.span(year, date_from, date_to, overlapping)
    fetch = functools.partial(
        query.casualties,
        connect(data_dir),
        party=party,
        category=category,
        measure=measure,
        claimant=claimant,
        source=source,
        event=event,
    )
    if chart:
        _chart(fetch(when=when))
        return
    listing("casualties", fetch, fmt, "casualty figures", when=when, merge=_merge_claims)


def _chart(rows: Rows) -> None:
    """`casualties --chart`: figures per year as a terminal chart."""
    from nkfacts.core.escape import terminal_lines
    from nkfacts.output.chart import chart as draw

    if not rows:
        raise NoMatch("no casualty figures matched")
    where = Output.stdout()
    sys.stdout.write(terminal_lines(draw(rows, width=where.width(80), unicode=where.isatty)))


def events(
    data_dir: str | None,
    *,
    year: int | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    overlapping: bool = False,
    type_: Many = None,
    actor: Many = None,
    place: Many = None,
    grep: Many = None,
    source: Many = None,
    claims: bool = False,
    fmt: str | None = None,
) -> None:
    """`nkfacts events`."""
    fetch = functools.partial(
        query.events,
        connect(data_dir),
        type_=type_,
        actor=actor,
        place=place,
        grep=grep,
        source=source,
    )
    when = query.span(year, date_from, date_to, overlapping)
    merge = None if claims else _merge_happenings
    listing("events", fetch, fmt, "events", when=when, merge=merge)


def positions(
    data_dir: str | None,
    *,
    actor: Many = None,
    stance: Many = None,
    kind: Many = None,
    period: Many = None,
    source: Many = None,
    own: bool = False,
    year: int | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    overlapping: bool = False,
    matrix: bool = False,
    by_actor: bool = False,
    fmt: str | None = None,
) -> None:
    """`nkfacts positions`: a list, a matrix (actors × periods) or one row per actor."""
    fetch = positions_fetch(data_dir, actor, stance, kind, period, source, own)
    when = query.span(year, date_from, date_to, overlapping)
    if matrix:
        from nkfacts.output.matrix import legend, matrix_rows

        view_rows, cols = matrix_rows(fetch(when=when))
        if not view_rows:
            raise NoMatch("no positions matched")
        footer = [
            "Markers: " + legend() + ". A marker with * comes only from others' readings "
            "(attributed_to), not the actor's own statements. Record ids per cell: --format json."
        ]
        output("matrix", view_rows, fmt, "positions", columns=cols, footer=footer)
    elif by_actor:
        from nkfacts.answers.supporters import strongest_per_actor

        rows = strongest_per_actor(fetch(when=when))
        footer = ["One row per actor: its own acts first, then statements, then others' readings."]
        output("positions", rows, fmt, "positions", footer=footer)
    else:
        listing("positions", fetch, fmt, "positions", when=when)


def search(
    data_dir: str | None, *, words: list[str], limit: int = 50, fmt: str | None = None
) -> None:
    """`nkfacts search`."""
    from nkfacts.answers.search import search as find

    rows = find(connect(data_dir), " ".join(words), limit)
    output("search", rows, fmt, "records")


DISPUTE_KINDS = (
    "competing: different claimants; revision: one claimant over time; inconsistent: one "
    "claimant (or the article's own voice) with different figures; date: one happening, "
    "different dates; table-total: a total that is not the sum of its parts."
)


def disputes(
    data_dir: str | None,
    *,
    year: int | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    party: Many = None,
    fmt: str | None = None,
) -> None:
    """`nkfacts disputes`."""
    from nkfacts.core import vocab

    con = connect(data_dir)
    when = query.span(year, date_from, date_to, overlapping=True)
    parties = [vocab.resolve(p, vocab.PARTIES, "party") for p in party or []]
    if year is None and date_from is None and date_to is None:
        rows = [d for d in every_dispute(con) if not parties or d["party"] in parties]
    else:
        rows = _disputes(con, when, parties)
    if Output.stdout().format(fmt) in ("table", "markdown"):
        claims = [
            {**c, "_heading": f"{d['kind']}: {d['subject']}" if i == 0 else None}
            for d in rows
            for i, c in enumerate(d["claims"])
        ]
        output("dispute-claims", claims, fmt, "disputes", footer=[DISPUTE_KINDS])
        return
    output("disputes", rows, fmt, "disputes")


def _disputes(con: Any, when: query.Span | None, parties: list[str]) -> list[dict[str, Any]]:
    from nkfacts.answers.disputes import find_in

    sql, args = query.casualties_sql(con, when=when)
    events = query.events(con, when=when, in_happening=True)  # the only events it compares
    return find_in(con, sql, args, events, parties)


# The modules that decide what `disputes` finds: a stored answer is keyed by their stamp.
DISPUTE_CODE = ("answers/disputes.py", "core/claims.py", "core/people.py", "core/totals.py")


def every_dispute(con: Any) -> list[dict[str, Any]]:
    """Every dispute in the data (no dates): stored in the index on first use (`store/memo.py`),
    read back as it was computed."""
    from nkfacts.store import memo

    key = memo.key("disputes", DISPUTE_CODE)
    found: list[dict[str, Any]] | None = memo.get(con, key)
    if found is None:
        found = _disputes(con, query.span(None, None, None, overlapping=True), [])
        memo.put(con, key, found)
    return found


def output(view: str, rows: Rows, fmt: str | None, what: str, **kw: Any) -> None:
    """Rows already fetched, in the chosen format (`common.output`)."""
    where = Output.stdout()
    chosen = where.format(fmt)
    if not rows:
        raise NoMatch(f"no {what} matched")
    if chosen == "table":
        kw.setdefault("numbers", source_numbers())
    from nkfacts.output.render import render  # not on the pre-rendered path (`listing`)

    render(view, rows, chosen, where.stream, isatty=where.isatty, **kw)
    sys.stdout.flush()


def positions_fetch(
    data_dir: str | None,
    actor: Many,
    stance: Many,
    kind: Many,
    period: Many,
    source: Many,
    own: bool,
) -> Callable[..., Any]:
    return functools.partial(
        query.positions,
        connect(data_dir),
        actor=actor,
        stance=stance,
        kind=kind,
        period=period,
        source=source,
        own=own,
    )


def listing(
    view: str,
    fetch: Callable[..., Any],
    fmt: str | None,
    what: str,
    *,
    when: query.Span | None = None,
    merge: Callable[[Rows], Rows] | None = None,
    **kw: Any,
) -> None:
    """Print what `fetch` returns: pre-rendered for pipes, merged and laid out for people."""
    where = Output.stdout()
    isatty, chosen = where.isatty, where.format(fmt)
    if chosen in ("tsv", "json", "jsonl"):
        lines = fetch(when=when, raw="tsv" if chosen == "tsv" else "json")
        if not lines:
            raise NoMatch(f"no {what} matched")
        out = sys.stdout
        if isatty:  # data formats are escaped only for a terminal (README, Security)
            from nkfacts.core.escape import for_terminal

            out = for_terminal(out, isatty, chosen)
        header = stored_header(_opened[0], view) if chosen == "tsv" else None
        write(lines, chosen, out, header=header)
        sys.stdout.flush()
        return
    rows = fetch(when=when)
    if isatty and when is not None and not when.overlapping:
        more = fetch(when=when.widened(), raw="tsv").count() - len(rows)
        if more > 0:
            err(f"{more} more of the {what} only overlap these dates (--overlapping shows them)")
    if not rows:
        raise NoMatch(f"no {what} matched")
    footer: list[str] = list(kw.pop("footer", []))
    if merge is not None and chosen in ("table", "markdown"):
        from nkfacts.output.merge import merged_note

        merged = merge(rows)
        footer += merged_note(rows, merged, "claim" if view == "casualties" else "happening")
        rows = merged
    if chosen == "table":
        kw.setdefault("numbers", source_numbers())
    from nkfacts.output.render import render

    render(view, rows, chosen, sys.stdout, isatty=isatty, footer=footer, **kw)
    sys.stdout.flush()


def _merge_claims(rows: Rows) -> Rows:
    from nkfacts.output.merge import merge_claims

    return merge_claims(rows)


def _merge_happenings(rows: Rows) -> Rows:
    from nkfacts.output.merge import merge_happenings

    return merge_happenings(rows)


# The view whose columns a pipe format uses for each kind of answer.
PIPE_VIEW = {"supporters": "positions"}
MAX_QUESTION = 1000  # characters


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


def ask(data_dir: str | None, *, question: list[str], fmt: str | None = None) -> None:
    """`nkfacts ask`."""
    from nkfacts.ask import answer
    from nkfacts.ask.screen import screen

    text = " ".join(question).strip()
    if not text:
        raise UsageError('ask needs a question, e.g. nkfacts ask "how many died in 2016?"')
    if len(text) > MAX_QUESTION:
        raise UsageError(f"question too long ({len(text):,} characters; limit {MAX_QUESTION})")
    where = Output.stdout()
    chosen = where.format(fmt)
    found = answer(connect(data_dir), text)
    if chosen == "table":
        arrow = "→" if where.fancy else "->"
        sys.stdout.write(screen(found, where.width(80), arrow, source_numbers()))
    elif chosen == "json":
        import json

        sys.stdout.write(json.dumps(found.public(), ensure_ascii=False, indent=2) + "\n")
    else:
        _ask_rows(found, chosen, where.isatty)
    sys.stdout.flush()
    if not found.records:
        raise NoMatch("nothing in the records matches this question")


def _ask_rows(found: Answer, chosen: str, isatty: bool) -> None:
    """An answer's records in a pipe format: one row each as `search` rows when kinds are
    mixed, else in its view's columns."""
    from nkfacts.output.render import render

    if found.records and found.view == "records":  # kinds mixed: one row each, as search
        rows = [_as_hit(kind, rec) for kind, rec in zip(found.kinds, found.records, strict=True)]
        render("search", rows, chosen, sys.stdout, isatty=isatty)
    elif found.records:
        view = PIPE_VIEW.get(found.view, found.view)
        render(view, found.records, chosen, sys.stdout, isatty=isatty)
