"""From a reading to an answer: the view that answers the question, its records (in the
views' JSON contract), the equivalent command, and what else the sources have on it."""

from __future__ import annotations

import shlex
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from nkfacts.answers import query
from nkfacts.ask import lookups
from nkfacts.ask.reading import INTENT_WORDS, Reading, read
from nkfacts.checkdraft import context as ctx

if TYPE_CHECKING:
    from nkfacts.answers.filters import CasualtyFilters

Record = Mapping[str, Any]  # a record read (the contract's TypedDicts)
VIEW_KIND = {
    "casualties": "casualty",
    "events": "event",
    "ceasefires": "ceasefire",
    "positions": "position",
    "supporters": "position",
    "violations": "violation",
}


@dataclass
class Answer:
    """What `ask` prints: the reading, the command that shows the same records, the records."""

    reading: Reading
    view: str  # casualties, events, ceasefires, positions, supporters or search
    command: list[str]
    records: Sequence[Record] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # each record's kind (casualty, event, …)
    datasets: Sequence[Record] = field(default_factory=list)  # UCDP / COW beside article claims
    about: Sequence[Record] = field(default_factory=list)  # the record the answer is about
    disputes: int = 0  # disputes rows that concern the records shown
    note: str = ""  # a plain word when the sources do not cover the question

    def __post_init__(self) -> None:
        if not self.kinds:
            kind = VIEW_KIND.get(self.view, "")
            self.kinds = [kind or str(r.get("kind", "")) for r in self.records]

    @property
    def command_line(self) -> str:
        return shlex.join(["nkfacts", *self.command])

    def public(self) -> dict[str, Any]:
        """The answer as JSON: the reading, the command, and the records in the views' contract."""
        return {
            "question": self.reading.question,
            "reading": self.reading.public(),
            "view": self.view,
            "command": self.command_line,
            "records": self.records,
            "record_kinds": self.kinds,
            "datasets": self.datasets,
            "about": self.about,
            "disputes": self.disputes,
            "note": self.note or None,
        }


def answer(con: sqlite3.Connection, question: str) -> Answer:
    """Read `question` and answer it from the index."""
    actors, places = lookups.names(con)
    reading = read(question, actors, places)
    unknown = lookups.unknown_words(con, reading)
    if unknown:
        out = Answer(reading, "search", ["search", " ".join(reading.words)])
        out.note = "the sources nkfacts holds say nothing about " + ", ".join(
            f"'{w}'" for w in unknown
        )
        return out
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
        if fallback.records:
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


def _when(period: ctx.Period | None) -> query.Span | None:
    return query.span(None, period.start, period.end, True) if period else None


def _count(con: sqlite3.Connection, r: Reading) -> Answer:
    filters: dict[str, list[str]] = {}
    named = r.claimant is not None and not r.compare  # "what does UCDP count"
    if r.party and not named:
        filters["party"] = [r.party]
    if r.category and not named:
        filters["category"] = [r.category]
    if r.measure:
        filters["measure"] = [r.measure]
    if named and r.claimant:
        filters["claimant"] = [r.claimant]
    period = r.period
    if r.measure == "displaced" and period == ctx.OFFENSIVE_2023:
        period = ctx.EXODUS  # the offensive's displacement runs to the last convoy (as `check`)
    rows, overlapping = _casualties(con, period, filters)
    command = ["casualties", *_options(filters), *_span_args(period, overlapping)]
    claims = [c for c in rows if c["claimant"] not in lookups.DATASET_CLAIMANTS or named]
    whole = r.party is None and r.category is None  # "how many died": both sides' totals first
    out = Answer(r, "casualties", command, lookups.adjacent(claims, period, totals_first=whole))
    if not named and r.measure in (None, "killed"):
        sets = lookups.datasets(con, r.period, every_version=r.claimant == "UCDP")
        # the asked party's own dataset rows (COW counts per side) before the others
        out.datasets = sorted(sets, key=lambda d: r.party is not None and d["party"] != r.party)
    out.disputes = lookups.disputed(claims)
    return out


def _casualties(
    con: sqlite3.Connection, period: ctx.Period | None, filters: dict[str, list[str]]
) -> tuple[Sequence[Record], bool]:
    """Figures within the period and those known only to its years (a figure for "2020" in a
    question about the 2020 war); if there are none, every figure that overlaps it."""
    typed = cast("CasualtyFilters", filters)  # party, category, measure, claimant (_count)
    if period is None:
        return query.casualties(con, **typed), False
    when = query.span(None, period.start, period.end, True)
    within: CasualtyFilters = {**typed, "when": when}
    rows = query.casualties(con, **within)
    years = (period.start[:4], period.end[:4])
    near = [r for r in rows if years[0] <= r["start"][:4] and r["end"][:4] <= years[1]]
    return (near or rows), True


def _options(filters: dict[str, list[str]]) -> list[str]:
    return [arg for key, values in filters.items() for v in values for arg in (f"--{key}", v)]


def _ceasefire(con: sqlite3.Connection, r: Reading) -> Answer:
    rows = query.ceasefires(con, when=_when(r.period))
    generic = INTENT_WORDS["ceasefire"]
    named = lookups.mentioning(rows, [w for w in [*r.places, *r.words] if w.lower() not in generic])
    chosen = named or rows
    if not r.violations:
        return Answer(r, "ceasefires", ["ceasefires", *_span_args(r.period, False)], chosen)
    ids = [c["id"] for c in named]
    # whole years: a breach the source dates only to its year still belongs to the question
    p = r.period
    years = ctx.Period(f"{p.start[:4]}-01-01", f"{p.end[:4]}-12-31", "year", "") if p else None
    breaches = query.violations(con, when=_when(years), ceasefire=ids or None)
    breaches.sort(key=lambda v: -lookups.fit({"start": v["date"], "end": v["date"]}, r.period))
    command = ["ceasefires", "--violations", *(a for i in ids for a in ("--ceasefire", i))]
    command += _span_args(years, False)
    out = Answer(r, "violations", command, breaches)
    out.about = named[:1]  # the ceasefire asked about, shown above its breaches
    return out


def _position(con: sqlite3.Connection, r: Reading) -> Answer:
    # "did France condemn Azerbaijan": the third party is whose position is asked
    third = [a for a in r.actors if a not in lookups.SUPPORT]
    actor = (third or r.actors)[0]
    rows = query.positions(con, actor=[actor], when=_when(r.period))
    rows.sort(key=lambda p: lookups.position_first(p, r.question))
    command = ["positions", "--actor", actor, *_span_args(r.period, True)]
    return Answer(r, "positions", command, rows)


def _supporters(con: sqlite3.Connection, r: Reading) -> Answer:
    side = r.party if r.party in lookups.SUPPORT else None
    if side is None and not r.support_kinds:
        return _search(con, r)
    stances = list(lookups.SUPPORT[side]) if side else None
    kinds = list(r.support_kinds) or None
    others = [a for a in r.actors if a != side]
    rows = query.positions(
        con, actor=others or None, stance=stances, kind=kinds, when=_when(r.period)
    )
    command = ["positions", *(a for o in others for a in ("--actor", o))]
    command += [a for s in stances or [] for a in ("--stance", s)]
    command += [a for k in kinds or [] for a in ("--kind", k)] + _span_args(r.period, True)
    diplomatic = "statement" in r.support_kinds
    if others:  # "does Turkey support Azerbaijan": that actor's own evidence, strongest first
        rows.sort(key=lambda p: lookups.support_rank(p, diplomatic))
        return Answer(r, "positions", command, rows)
    backing = not r.support_kinds  # "who backs X": stated support before arms sales
    best = lookups.strongest_per_actor(rows, diplomatic, per_actor=2, backing=backing)
    return Answer(r, "supporters", command, best)


def _event(con: sqlite3.Connection, r: Reading) -> Answer:
    if r.period is not None and not r.words:
        when = query.span(None, r.period.start, r.period.end, True)
        rows = lookups.near(query.events(con, when=when), r.period)
        period, size = r.period, lookups.happening_sizes(con)
        rows.sort(key=lambda e: lookups.war_first(e, period, r.event_type, size))
        return Answer(r, "events", ["events", *_span_args(r.period, True)], rows)
    hits, used, matched = lookups.ranked_search(con, r.words, kinds=None)
    hits = lookups.within(hits, r.period)
    if r.event_type:  # 'when did Shusha fall': its capture first
        typed = lookups.typed(con, hits, r.event_type)
        hits.sort(key=lambda h: h["id"] not in typed)
    records = lookups.records(con, hits)
    kinds = [h["kind"] for h in hits]
    out = Answer(r, "records", _search_command(used), records, kinds)
    out.note = _partly(r, matched)
    return out


def _search_command(words: list[str]) -> list[str]:
    return ["search", " ".join(words), "--limit", str(lookups.WIDEST)]


def _partly(r: Reading, used: list[str]) -> str:
    """When the records match fewer than half of the question's words, say so plainly."""
    dropped = [w for w in r.words if w not in used]
    if not used or len(used) * 2 >= len(r.words):
        return ""
    said = ", ".join(f"'{w}'" for w in dropped)
    return f"the sources nkfacts holds say nothing about {said}; closest records by search"


def _search(con: sqlite3.Connection, r: Reading) -> Answer:
    hits, used, matched = lookups.ranked_search(con, r.words or r.question.split(), kinds=None)
    out = Answer(r, "search", _search_command(used or r.words), hits)
    out.note = _partly(r, matched)
    if not hits:
        out.note = "the sources nkfacts holds say nothing that matches this question"
    return out
