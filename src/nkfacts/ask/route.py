"""From a reading to an answer: the view that answers the question, its records (in the
views' JSON contract), the equivalent command, and what else the sources have on it."""

from __future__ import annotations

import shlex
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from nkfacts.answers import query
from nkfacts.ask import lookups
from nkfacts.ask.reading import INTENT_WORDS, Reading, read
from nkfacts.checkdraft import context as ctx

Record = dict[str, Any]


@dataclass
class Answer:
    """What `ask` prints: the reading, the command that shows the same records, the records."""

    reading: Reading
    view: str  # casualties, events, ceasefires, positions, supporters or search
    command: list[str]
    records: list[Record] = field(default_factory=list)
    datasets: list[Record] = field(default_factory=list)  # UCDP / COW beside article claims
    disputes: int = 0  # disputes rows that concern the records shown
    note: str = ""  # a plain word when the sources do not cover the question

    @property
    def command_line(self) -> str:
        return shlex.join(["nkfacts", *self.command])

    def public(self) -> Record:
        """The answer as JSON: the reading, the command, and the records in the views' contract."""
        return {
            "question": self.reading.question,
            "reading": self.reading.public(),
            "view": self.view,
            "command": self.command_line,
            "records": self.records,
            "datasets": self.datasets,
            "disputes": self.disputes,
            "note": self.note or None,
        }


def answer(con: sqlite3.Connection, question: str) -> Answer:
    """Read `question` and answer it from the index."""
    actors, places = lookups.names(con)
    reading = read(question, actors, places)
    route = {
        "count": _count,
        "ceasefire": _ceasefire,
        "position": _position,
        "supporters": _supporters,
        "event": _event,
    }.get(reading.intent, _search)
    found = route(con, reading)
    if not found.records and found.view != "search":
        fallback = _search(con, reading)
        fallback.note = f"nothing recorded as {_what(reading)}; closest records by search"
        return fallback
    return found


def _what(r: Reading) -> str:
    parts = [r.party, r.category, r.measure, r.period.label if r.period else None]
    return " · ".join(p for p in parts if p) or r.intent


def _span_args(period: ctx.Period | None, overlapping: bool) -> list[str]:
    if period is None:
        return []
    args = ["--from", period.start, "--to", period.end]
    return [*args, "--overlapping"] if overlapping else args


def _count(con: sqlite3.Connection, r: Reading) -> Answer:
    filters: dict[str, list[str]] = {}
    if r.party and r.claimant is None:
        filters["party"] = [r.party]
    if r.category and r.claimant is None:
        filters["category"] = [r.category]
    if r.measure:
        filters["measure"] = [r.measure]
    if r.claimant:
        filters["claimant"] = [r.claimant]
    rows, overlapping = _casualties(con, r.period, filters)
    command = ["casualties", *_options(filters), *_span_args(r.period, overlapping)]
    claims = [c for c in rows if c["claimant"] not in lookups.DATASET_CLAIMANTS or r.claimant]
    out = Answer(r, "casualties", command, lookups.adjacent(claims))
    if r.claimant is None and (r.measure in (None, "killed")):
        out.datasets = lookups.datasets(con, r.period)
    out.disputes = lookups.disputed(claims)
    return out


def _casualties(
    con: sqlite3.Connection, period: ctx.Period | None, filters: dict[str, list[str]]
) -> tuple[list[Record], bool]:
    """Figures within the period; if none lies within, those that overlap it."""
    for overlapping in (False, True):
        when = query.span(None, period.start, period.end, overlapping) if period else None
        rows = query.casualties(con, when=when, **filters)  # type: ignore[arg-type]
        if rows or period is None:
            return rows, overlapping
    return [], True


def _options(filters: dict[str, list[str]]) -> list[str]:
    return [arg for key, values in filters.items() for v in values for arg in (f"--{key}", v)]


def _ceasefire(con: sqlite3.Connection, r: Reading) -> Answer:
    when = query.span(None, r.period.start, r.period.end, True) if r.period else None
    rows = query.ceasefires(con, when=when)
    generic = INTENT_WORDS["ceasefire"]
    named = lookups.mentioning(rows, [w for w in [*r.places, *r.words] if w.lower() not in generic])
    command = ["ceasefires", *_span_args(r.period, True)]
    return Answer(r, "ceasefires", command, named or rows)


def _position(con: sqlite3.Connection, r: Reading) -> Answer:
    actor = r.actors[0]
    when = query.span(None, r.period.start, r.period.end, True) if r.period else None
    rows = query.positions(con, actor=[actor], when=when)
    rows.sort(key=lambda p: (bool(p.get("attributed_to")), lookups.kind_rank(p)))
    command = ["positions", "--actor", actor, *_span_args(r.period, True)]
    return Answer(r, "positions", command, rows)


def _supporters(con: sqlite3.Connection, r: Reading) -> Answer:
    side = r.party if r.party in ("Armenia", "Azerbaijan", "Artsakh") else None
    if side is None:
        return _search(con, r)
    stances = lookups.SUPPORT[side]
    rows = query.positions(con, stance=list(stances))
    command = ["positions", *(a for s in stances for a in ("--stance", s))]
    diplomatic = "diplomatic" in r.question.lower()
    return Answer(r, "supporters", command, lookups.strongest_per_actor(rows, diplomatic))


def _event(con: sqlite3.Connection, r: Reading) -> Answer:
    if r.period is not None and not r.words:
        when = query.span(None, r.period.start, r.period.end, False)
        rows = query.events(con, when=when)
        period = r.period
        rows.sort(key=lambda e: lookups.war_first(e, period, r.event_type))
        return Answer(r, "events", ["events", *_span_args(r.period, False)], rows)
    hits, used = lookups.ranked_search(con, r.words, kinds=("event",))
    rows = lookups.records(con, hits)
    if r.event_type:  # 'when did Shusha fall': its capture first
        rows.sort(key=lambda e: e.get("type") != r.event_type)
    return Answer(r, "events", ["search", " ".join(used)], rows)


def _search(con: sqlite3.Connection, r: Reading) -> Answer:
    hits, used = lookups.ranked_search(con, r.words or r.question.split(), kinds=None)
    out = Answer(r, "search", ["search", " ".join(used or r.words)], hits)
    if not hits:
        out.note = "the sources nkfacts holds say nothing that matches this question"
    return out
