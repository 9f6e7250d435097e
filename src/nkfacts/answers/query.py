"""Pure filters over the compiled index. The listings return the JSON contract's records, typed
as its TypedDicts (core/contract.py; plain dicts at run time), or with `raw` the stored lines."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from nkfacts.answers.filters import Many, Span, Where, span
from nkfacts.answers.rows import Raw, records, rows
from nkfacts.core import vocab
from nkfacts.core.errors import UsageError
from nkfacts.core.kinds import BY_NAME, RECORDS
from nkfacts.core.periods import PERIOD_NAMES
from nkfacts.core.statictypes import TYPE_CHECKING, cast, overload

__all__ = ["Many", "Span", "span"]  # what every listing takes (answers/filters.py)
if TYPE_CHECKING:
    from typing import Any, TypeAlias

    from typing_extensions import Unpack  # typing.Unpack from Python 3.11

    from nkfacts.answers.filters import CasualtyFilters, EventFilters, PositionFilters
    from nkfacts.core.contract import Casualty, Ceasefire, Event, ListedViolation, Position, Source

Record: TypeAlias = "dict[str, Any]"
Con = sqlite3.Connection


def _substring(con: sqlite3.Connection, table: str, column: str, value: str, what: str) -> str:
    """Validate a free-text filter: it must occur in at least one value, else list them."""
    known = [r[0] for r in con.execute(f"SELECT DISTINCT {column} FROM {table} ORDER BY {column}")]
    if not any(value.lower() in k.lower() for k in known if k):
        raise UsageError(
            vocab.unknown_value_message(
                value, [k for k in known if k], what, [k.lower() for k in known if k]
            )
        )
    return f"%{value.lower()}%"


def resolve_source(con: sqlite3.Connection, value: str) -> str:
    """A source id from an id or (part of) an article title."""
    known = con.execute("SELECT id, title FROM sources ORDER BY id").fetchall()
    for sid, title in known:
        if value.lower() in (sid.lower(), title.lower()):
            return str(sid)
    hits = [sid for sid, title in known if value.lower() in title.lower()]
    if len(hits) == 1:
        return str(hits[0])
    raise UsageError(
        vocab.unknown_value_message(value, [r[0] for r in known], "source", [r[0] for r in known])
    )


def resolve_name(con: sqlite3.Connection, kind: str, value: str) -> str:
    """Canonical actor/place name for any of its names or aliases (case-insensitive)."""
    key = vocab.fold(value)
    row = con.execute(
        "SELECT canonical FROM names WHERE kind = ? AND name = ?", (kind, key)
    ).fetchone()
    if row:
        return str(row[0])
    known = [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT canonical FROM names WHERE kind = ? ORDER BY canonical", (kind,)
        )
    ]
    names = [r[0] for r in con.execute("SELECT name FROM names WHERE kind = ?", (kind,))]
    raise UsageError(vocab.unknown_value_message(value, known, kind, names))


@overload
def casualties(con: Con, *, raw: None = None, **f: Unpack[CasualtyFilters]) -> list[Casualty]: ...
@overload
def casualties(con: Con, *, raw: str, **f: Unpack[CasualtyFilters]) -> Raw: ...
def casualties(
    con: Con, *, raw: str | None = None, **f: Unpack[CasualtyFilters]
) -> list[Casualty] | Raw:
    """Casualty figures, sorted by period then party; with `raw`, their stored lines."""
    return cast("list[Casualty] | Raw", rows(con, *_casualties(con, **f), raw))


def casualties_sql(con: Con, **f: Unpack[CasualtyFilters]) -> tuple[str, list[Any]]:
    """The query `casualties` runs (`SELECT json FROM casualties …`) and its arguments."""
    return _casualties(con, **f)


def _casualties(
    con: Con,
    *,
    when: Span | None = None,
    party: Many = None,
    category: Many = None,
    measure: Many = None,
    claimant: Many = None,
    source: Many = None,
    event: Many = None,
) -> tuple[str, list[Any]]:
    w = Where()
    if when and when.year is not None:
        w.add("seq IN (SELECT seq FROM casualty_years WHERE year = ?)", when.year)
    w.period(when, "start", "end")
    if party:
        w.any_of("party", [vocab.resolve(p, vocab.PARTIES, "party") for p in party])
    if category:
        w.any_of("category", [vocab.resolve(c, vocab.CATEGORIES, "category") for c in category])
    if measure:
        w.any_of("measure", [vocab.resolve(m, vocab.MEASURES, "measure") for m in measure])
    if claimant:
        w.any_like(
            "lower(claimant)",
            [_substring(con, "casualties", "claimant", c, "claimant") for c in claimant],
        )
    if source:
        w.any_of("source", [resolve_source(con, s) for s in source])
    if event:
        for e in event:
            if con.execute("SELECT 1 FROM events WHERE id = ?", (e,)).fetchone() is None:
                raise UsageError(f"no event with id '{e}'. Try `nkfacts events --grep ...`")
        w.any_of("event", list(event))
    return f"SELECT json FROM casualties{w.sql()} ORDER BY seq", w.args


@overload
def events(con: Con, *, raw: None = None, **f: Unpack[EventFilters]) -> list[Event]: ...
@overload
def events(con: Con, *, raw: str, **f: Unpack[EventFilters]) -> Raw: ...
def events(con: Con, *, raw: str | None = None, **f: Unpack[EventFilters]) -> list[Event] | Raw:
    """Dated events in chronological order; with `raw`, their stored lines."""
    return cast("list[Event] | Raw", rows(con, *_events(con, **f), raw))


def _events(
    con: Con,
    *,
    when: Span | None = None,
    type_: Many = None,
    actor: Many = None,
    place: Many = None,
    grep: Many = None,
    source: Many = None,
    in_happening: bool = False,
) -> tuple[str, list[Any]]:
    """With `in_happening`, only the events that are records of a happening (what `disputes`
    compares: a tenth of them, read as JSON)."""
    w = Where()
    w.period(when, "date", "end")
    if in_happening:
        w.add("happening IS NOT NULL AND happening != ''")
    if type_:
        w.any_of("type", [vocab.resolve(t, vocab.EVENT_TYPES, "event type") for t in type_])
    if actor:
        w.any_like("actors", [f"%|{resolve_name(con, 'actor', a).lower()}|%" for a in actor])
    if place:
        w.any_like("places", [f"%|{resolve_name(con, 'place', p).lower()}|%" for p in place])
    if grep:
        w.add(
            "(" + " OR ".join("instr(text, ?) > 0" for _ in grep) + ")", *(g.lower() for g in grep)
        )
    if source:
        w.any_of("source", [resolve_source(con, s) for s in source])
    return f'SELECT json FROM events{w.sql()} ORDER BY date, "end", id', w.args


def ceasefires(con: Con, *, when: Span | None = None) -> list[Ceasefire]:
    """Ceasefires and agreements (with their violations) whose life overlaps the range."""
    w = Where()
    if when:
        w.add('signed <= ? AND "end" >= ?', when.last, when.first)
    sql = f"SELECT json FROM ceasefires{w.sql()} ORDER BY signed, id"
    return cast("list[Ceasefire]", records(con, sql, w.args))


def violations(
    con: sqlite3.Connection,
    *,
    when: Span | None = None,
    ceasefire: Many = None,
    claimant: Many = None,
) -> list[ListedViolation]:
    """Reported ceasefire violations, chronological, each with the ceasefire's name added."""
    w = Where()
    if when:
        w.add("date BETWEEN ? AND ?", when.first, when.last)
    if ceasefire:
        known = [r[0] for r in con.execute("SELECT id FROM ceasefires ORDER BY signed")]
        for c in ceasefire:
            if c not in known:
                raise UsageError(vocab.unknown_value_message(c, known, "ceasefire", known))
        w.any_of("ceasefire", list(ceasefire))
    if claimant:
        w.any_like(
            "lower(claimant)",
            [_substring(con, "violations", "claimant", c, "claimant") for c in claimant],
        )
    names = dict(con.execute("SELECT id, json_extract(json, '$.name') FROM ceasefires").fetchall())
    out = records(con, f"SELECT json FROM violations{w.sql()} ORDER BY date, id", w.args)
    for v in out:
        v["ceasefire_name"] = names.get(v["ceasefire"])
    return cast("list[ListedViolation]", out)


def _period_name(value: str) -> str:
    """A matrix period from any unambiguous part of its name ('2020 war', '1988-1994')."""

    def norm(text: str) -> str:
        return text.lower().replace("-", "–")

    match = [p for p in (*PERIOD_NAMES, "undated") if norm(value) in norm(p)]
    if len(match) != 1:
        raise UsageError(
            vocab.unknown_value_message(
                value, [*PERIOD_NAMES, "undated"], "period", [p.lower() for p in PERIOD_NAMES]
            )
        )
    return match[0]


@overload
def positions(con: Con, *, raw: None = None, **f: Unpack[PositionFilters]) -> list[Position]: ...
@overload
def positions(con: Con, *, raw: str, **f: Unpack[PositionFilters]) -> Raw: ...
def positions(
    con: Con, *, raw: str | None = None, **f: Unpack[PositionFilters]
) -> list[Position] | Raw:
    """Third-party positions, by actor then date (undated last within an actor); `own`: only
    the actor's own statements and acts, not others' readings of them; with `raw`, their
    stored lines."""
    return cast("list[Position] | Raw", rows(con, *_positions(con, **f), raw))


def _positions(
    con: Con,
    *,
    when: Span | None = None,
    actor: Many = None,
    stance: Many = None,
    kind: Many = None,
    period: Many = None,
    source: Many = None,
    own: bool = False,
) -> tuple[str, list[Any]]:
    w = Where()
    if own:
        w.add("json_extract(json, '$.attributed_to') IS NULL")
    if when:
        w.add("start IS NOT NULL")
        w.period(when, "start", "end")
    if actor:
        w.any_of("actor", [resolve_name(con, "actor", a) for a in actor])
    if stance:
        w.any_of("stance", [vocab.resolve(s, vocab.STANCES, "stance") for s in stance])
    if kind:
        w.any_of("kind", [vocab.resolve(k, vocab.POSITION_KINDS, "position kind") for k in kind])
    if period:
        w.any_of("period", [_period_name(p) for p in period])
    if source:
        w.any_of("source", [resolve_source(con, s) for s in source])
    return f"SELECT json FROM positions{w.sql()} ORDER BY actor, start IS NULL, start, id", w.args


@overload
def listing(
    con: Con,
    kind: str,
    *,
    when: Span | None = ...,
    source: Many = ...,
    raw: None = ...,
    **filters: Many,
) -> list[Record]: ...
@overload
def listing(
    con: Con, kind: str, *, when: Span | None = ..., source: Many = ..., raw: str, **filters: Many
) -> Raw: ...
def listing(
    con: Con,
    kind: str,
    *,
    when: Span | None = None,
    source: Many = None,
    raw: str | None = None,
    **filters: Many,
) -> list[Record] | Raw:
    """The records of a derived kind (`kinds.Kind.filters`; its table: store/derived.py) in
    date order: within the range (or sharing a day with it, `overlapping`), of any of the
    sources, and for each filter any of its values (a value as recorded, in any case)."""
    k = BY_NAME[kind]
    w = Where()
    w.period(when, "date", "end")
    for name, values in filters.items():
        if name not in (k.filters or ()):
            raise TypeError(f"{kind} has no filter '{name}'")
        if values:
            known = [r[0] for r in con.execute(f'SELECT DISTINCT "{name}" FROM {k.view}')]
            w.any_of(f'"{name}"', [_recorded(v, sorted(known), name) for v in values])
    if source:
        w.any_of("source", [resolve_source(con, s) for s in source])
    sql = f'SELECT json FROM {k.view}{w.sql()} ORDER BY date, "end", id'
    return cast("list[Record] | Raw", rows(con, sql, w.args, raw))


def _recorded(value: str, known: list[str], what: str) -> str:
    """`value` as the records spell it (any case); UsageError listing the values otherwise."""
    for v in known:
        if v.lower() == value.lower():
            return v
    raise UsageError(vocab.unknown_value_message(value, known, what, [v.lower() for v in known]))


def get(con: sqlite3.Connection, rid: str) -> tuple[str, Record]:
    """One record of any kind by id; UsageError with close ids when it does not exist."""
    row = con.execute("SELECT kind FROM records WHERE id = ?", (rid,)).fetchone()
    if row is not None:  # the JSON is stored once, in the kind's own table
        table = BY_NAME[row[0]].view
        row = con.execute(f"SELECT ?, json FROM {table} WHERE id = ?", (row[0], rid)).fetchone()
    if row is None:
        ids = [r[0] for r in con.execute("SELECT id FROM records")]
        import difflib

        close = difflib.get_close_matches(rid, ids, n=3, cutoff=0.6) if len(rid) <= 100 else []
        hint = f" Did you mean: {', '.join(close)}?" if close else " Try `nkfacts search`."
        raise UsageError(f"no record with id '{rid[:100]}'.{hint}")
    import json

    return str(row[0]), json.loads(row[1])


def same(con: sqlite3.Connection, table: str, key: str, value: Any, rid: str) -> list[Record]:
    """The other records of a claim (`casualties.claim`) or happening (`events.happening`):
    the rows a table merges into one, read through that column's index."""
    if not value or (table, key) not in (("casualties", "claim"), ("events", "happening")):
        return []
    sql = f"SELECT json FROM {table} WHERE {key} = ? AND id != ? ORDER BY rowid"
    return records(con, sql, [value, rid])


def competing(con: Con, rec: Mapping[str, Any]) -> list[Casualty]:
    """Casualty records for the same party, category and measure over (mostly) the same period
    whose figure or claimant differs: the claims a careful writer must mention alongside.
    "Same period" is the rule `disputes` uses (disputes.comparable). Read through the
    (party, category, measure, start) index; records of the same claim are never read."""
    from nkfacts.answers.disputes import comparable, series

    found = records(
        con,
        "SELECT json FROM casualties WHERE party = ? AND category = ? AND measure = ? "
        'AND start <= ? AND "end" >= ? AND id != ? AND claim IS NOT ? ORDER BY seq',
        [rec[k] for k in ("party", "category", "measure", "end", "start", "id")]
        + [rec.get("claim")],
    )
    out = []
    for other in found:
        differs = (other["low"], other["high"]) != (rec["low"], rec["high"]) or other[
            "claimant"
        ] != rec["claimant"]
        parts = rec.get("part_of") or other.get("part_of")  # a part never competes
        if differs and not parts and comparable(rec, other) and series(rec) == series(other):
            out.append(other)
    return cast("list[Casualty]", out)


def source_numbers(con: sqlite3.Connection) -> dict[str, int]:
    """Each source's [n] in every view: its place in sources.yaml (the `sources` table is
    written in that order, so its rowid order is the file's)."""
    rows = con.execute("SELECT id FROM sources ORDER BY rowid")
    return {sid: n for n, (sid,) in enumerate(rows, 1)}


def sources(con: Con) -> list[Source]:
    """The sources in sources.yaml order, each with its [n] (the same in every view) and the
    number of records citing it."""
    out = []
    for n, (j,) in enumerate(con.execute("SELECT json FROM sources ORDER BY rowid"), 1):
        import json

        s = json.loads(j)
        s["n"] = n
        counts = {}
        for table in (k.view for k in RECORDS if k.name != "ceasefire" and k.view):
            counts[table] = con.execute(
                f"SELECT count(*) FROM {table} WHERE source = ?", (s["id"],)
            ).fetchone()[0]
        counts["ceasefires"] = con.execute(
            "SELECT count(*) FROM ceasefires WHERE json_extract(json, '$.citations[0].source') = ?",
            (s["id"],),
        ).fetchone()[0]
        s["records"] = sum(counts.values())
        s["by_kind"] = counts
        out.append(s)
    return cast("list[Source]", out)
