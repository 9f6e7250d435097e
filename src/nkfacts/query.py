"""Pure filters over the compiled index. Every function returns plain dicts (the JSON contract)."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from nkfacts import dates, vocab
from nkfacts.errors import UsageError
from nkfacts.periods import PERIOD_NAMES

Record = dict[str, Any]


class Span:
    """An inclusive ISO day range a record's own period must overlap."""

    __slots__ = ("first", "last", "year")

    def __init__(self, first: str, last: str, year: int | None = None) -> None:
        self.first = first
        self.last = last
        self.year = year  # set when the range is exactly one calendar year


def span(
    year: int | None = None, date_from: str | None = None, date_to: str | None = None
) -> Span | None:
    """Combine --year/--from/--to into one range (None when no date filter was given)."""
    if year is None and date_from is None and date_to is None:
        return None
    first, last = "0000-01-01", "9999-12-31"
    try:
        if year is not None:
            if not 1000 <= year <= 9999:
                raise UsageError(f"--year {year}: expected a four-digit year")
            first, last = f"{year:04d}-01-01", f"{year:04d}-12-31"
        if date_from is not None:
            first = max(first, dates.parse_bound(date_from, end=False))
        if date_to is not None:
            last = min(last, dates.parse_bound(date_to, end=True))
    except dates.DateFormatError as exc:
        raise UsageError(f"bad date: {exc}") from None
    if first > last:
        raise UsageError(f"empty date range: it starts on {first} and ends on {last}")
    whole_year = year is not None and (first, last) == (f"{year:04d}-01-01", f"{year:04d}-12-31")
    return Span(first, last, year if whole_year else None)


class _Where:
    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.args: list[Any] = []

    def add(self, clause: str, *args: Any) -> None:
        self.clauses.append(clause)
        self.args.extend(args)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _rows(con: sqlite3.Connection, sql: str, args: list[Any], raw: str | None = None) -> list[Any]:
    """Records as dicts, or with `raw` ('json' or 'tsv') the stored pre-rendered strings."""
    if raw is not None:
        return [r[0] for r in con.execute(sql.replace("SELECT json ", f"SELECT {raw} ", 1), args)]
    import json  # not on the TSV path

    return [json.loads(r[0]) for r in con.execute(sql, args)]


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
    rows = con.execute("SELECT id, title FROM sources ORDER BY id").fetchall()
    for sid, title in rows:
        if value.lower() in (sid.lower(), title.lower()):
            return str(sid)
    hits = [sid for sid, title in rows if value.lower() in title.lower()]
    if len(hits) == 1:
        return str(hits[0])
    raise UsageError(
        vocab.unknown_value_message(value, [r[0] for r in rows], "source", [r[0] for r in rows])
    )


def resolve_name(con: sqlite3.Connection, kind: str, value: str) -> str:
    """Canonical actor/place name for any of its names or aliases (case-insensitive)."""
    key = " ".join(value.split()).lower()
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


def casualties(
    con: sqlite3.Connection,
    *,
    when: Span | None = None,
    party: str | None = None,
    category: str | None = None,
    measure: str | None = None,
    claimant: str | None = None,
    source: str | None = None,
    event: str | None = None,
    raw: str | None = None,
) -> list[Any]:
    """Casualty figures, sorted by period then party."""
    w = _Where()
    if when and when.year is not None:
        w.add("seq IN (SELECT seq FROM casualty_years WHERE year = ?)", when.year)
    elif when:
        w.add('start <= ? AND "end" >= ?', when.last, when.first)
    if party:
        w.add("party = ?", vocab.resolve(party, vocab.PARTIES, "party"))
    if category:
        w.add("category = ?", vocab.resolve(category, vocab.CATEGORIES, "category"))
    if measure:
        w.add("measure = ?", vocab.resolve(measure, vocab.MEASURES, "measure"))
    if claimant:
        w.add(
            "lower(claimant) LIKE ?",
            _substring(con, "casualties", "claimant", claimant, "claimant"),
        )
    if source:
        w.add("source = ?", resolve_source(con, source))
    if event:
        if con.execute("SELECT 1 FROM events WHERE id = ?", (event,)).fetchone() is None:
            raise UsageError(f"no event with id '{event}'. Try `nkfacts events --grep ...`")
        w.add("event = ?", event)
    return _rows(con, f"SELECT json FROM casualties{w.sql()} ORDER BY seq", w.args, raw)


def events(
    con: sqlite3.Connection,
    *,
    when: Span | None = None,
    type_: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    grep: str | None = None,
    source: str | None = None,
    raw: str | None = None,
) -> list[Any]:
    """Dated events in chronological order."""
    w = _Where()
    if when:
        w.add('date <= ? AND "end" >= ?', when.last, when.first)
    if type_:
        w.add("type = ?", vocab.resolve(type_, vocab.EVENT_TYPES, "event type"))
    if actor:
        w.add("actors LIKE ?", f"%|{resolve_name(con, 'actor', actor).lower()}|%")
    if place:
        w.add("places LIKE ?", f"%|{resolve_name(con, 'place', place).lower()}|%")
    if grep:
        w.add("instr(text, ?) > 0", grep.lower())
    if source:
        w.add("source = ?", resolve_source(con, source))
    return _rows(con, f'SELECT json FROM events{w.sql()} ORDER BY date, "end", id', w.args, raw)


def ceasefires(con: sqlite3.Connection, *, when: Span | None = None) -> list[Record]:
    """Ceasefires and agreements (with their violations) whose life overlaps the range."""
    w = _Where()
    if when:
        w.add('signed <= ? AND "end" >= ?', when.last, when.first)
    return _rows(con, f"SELECT json FROM ceasefires{w.sql()} ORDER BY signed, id", w.args)


def violations(
    con: sqlite3.Connection,
    *,
    when: Span | None = None,
    ceasefire: str | None = None,
    claimant: str | None = None,
) -> list[Record]:
    """Reported ceasefire violations, chronological, each with the ceasefire's name added."""
    w = _Where()
    if when:
        w.add("date BETWEEN ? AND ?", when.first, when.last)
    if ceasefire:
        known = [r[0] for r in con.execute("SELECT id FROM ceasefires ORDER BY signed")]
        if ceasefire not in known:
            raise UsageError(vocab.unknown_value_message(ceasefire, known, "ceasefire", known))
        w.add("ceasefire = ?", ceasefire)
    if claimant:
        w.add(
            "lower(claimant) LIKE ?",
            _substring(con, "violations", "claimant", claimant, "claimant"),
        )
    names = dict(con.execute("SELECT id, json_extract(json, '$.name') FROM ceasefires").fetchall())
    out = _rows(con, f"SELECT json FROM violations{w.sql()} ORDER BY date, id", w.args)
    for v in out:
        v["ceasefire_name"] = names.get(v["ceasefire"])
    return out


def positions(
    con: sqlite3.Connection,
    *,
    when: Span | None = None,
    actor: str | None = None,
    stance: str | None = None,
    kind: str | None = None,
    period: str | None = None,
    source: str | None = None,
    raw: str | None = None,
) -> list[Any]:
    """Third-party positions, by actor then date (undated last within an actor)."""
    w = _Where()
    if when:
        w.add('start IS NOT NULL AND start <= ? AND "end" >= ?', when.last, when.first)
    if actor:
        w.add("actor = ?", resolve_name(con, "actor", actor))
    if stance:
        w.add("stance = ?", vocab.resolve(stance, vocab.STANCES, "stance"))
    if kind:
        w.add("kind = ?", vocab.resolve(kind, vocab.POSITION_KINDS, "position kind"))
    if period:

        def norm(text: str) -> str:
            return text.lower().replace("-", "–")

        match = [p for p in (*PERIOD_NAMES, "undated") if norm(period) in norm(p)]
        if len(match) != 1:
            raise UsageError(
                vocab.unknown_value_message(
                    period, [*PERIOD_NAMES, "undated"], "period", [p.lower() for p in PERIOD_NAMES]
                )
            )
        w.add("period = ?", match[0])
    if source:
        w.add("source = ?", resolve_source(con, source))
    return _rows(
        con,
        f"SELECT json FROM positions{w.sql()} ORDER BY actor, start IS NULL, start, id",
        w.args,
        raw,
    )


def get(con: sqlite3.Connection, rid: str) -> tuple[str, Record]:
    """One record of any kind by id; UsageError with close ids when it does not exist."""
    row = con.execute("SELECT kind, json FROM records WHERE id = ?", (rid,)).fetchone()
    if row is None:
        ids = [r[0] for r in con.execute("SELECT id FROM records")]
        import difflib

        close = difflib.get_close_matches(rid, ids, n=3, cutoff=0.6) if len(rid) <= 100 else []
        hint = f" Did you mean: {', '.join(close)}?" if close else " Try `nkfacts search`."
        raise UsageError(f"no record with id '{rid[:100]}'.{hint}")
    import json

    return str(row[0]), json.loads(row[1])


def competing(con: sqlite3.Connection, rec: Record) -> list[Record]:
    """Casualty records for the same party, category and measure over (mostly) the same period
    whose figure or claimant differs: the claims a careful writer must mention alongside.
    "Same period" is the rule `disputes` uses (disputes.comparable)."""
    from nkfacts.disputes import comparable

    out = []
    for other in casualties(
        con,
        when=Span(rec["start"], rec["end"]),
        party=rec["party"],
        category=rec["category"],
        measure=rec["measure"],
    ):
        if other["id"] == rec["id"]:
            continue
        differs = (other["low"], other["high"]) != (rec["low"], rec["high"]) or other[
            "claimant"
        ] != rec["claimant"]
        if differs and comparable(rec, other):
            out.append(other)
    return out


SEARCH_MAX_CHARS = 1000
SEARCH_MAX_WORDS = 50


def search(con: sqlite3.Connection, text: str, limit: int = 50) -> list[Record]:
    """Full-text search over every record kind, best match first; all words must occur."""
    if len(text) > SEARCH_MAX_CHARS:
        raise UsageError(
            f"search text too long ({len(text):,} characters; limit {SEARCH_MAX_CHARS})"
        )
    # Each distinct word once (dict keeps their order): the cost grows with the words, no more.
    tokens = list(dict.fromkeys(t.lower() for t in re.findall(r"\w+", text, flags=re.UNICODE)))
    if not tokens:
        raise UsageError("search needs at least one word")
    if len(tokens) > SEARCH_MAX_WORDS:
        raise UsageError(f"too many search words ({len(tokens)}; limit {SEARCH_MAX_WORDS})")
    fts = con.execute("SELECT value FROM meta WHERE key = 'fts'").fetchone()
    if fts is not None and fts[0] == "0":
        return _search_like(con, tokens, limit)
    match = " ".join(f'"{t}"' for t in tokens)
    sql = (
        "SELECT kind, id, date, snippet(search, 3, '«', '»', '…', 12), bm25(search) FROM search "
        "WHERE search MATCH ? ORDER BY bm25(search), date LIMIT ?"
    )
    return [
        {"kind": k, "id": i, "date": d or None, "snippet": s, "score": round(-b, 3)}
        for k, i, d, s, b in con.execute(sql, (match, limit))
    ]


def _search_like(con: sqlite3.Connection, tokens: list[str], limit: int) -> list[Record]:
    """Fallback without FTS5: every word as a substring, ranked by how often they occur."""
    where = " AND ".join("instr(lower(body), ?) > 0" for _ in tokens)
    words = [t.lower() for t in tokens]
    hits = []
    for k, i, d, body in con.execute(
        f"SELECT kind, id, date, body FROM search WHERE {where}", words
    ):
        low = body.lower()
        score = sum(low.count(w) for w in words)
        at = low.find(words[0])
        snippet = ("…" if at > 40 else "") + body[max(0, at - 40) : at + 80] + "…"
        hits.append(
            {"kind": k, "id": i, "date": d or None, "snippet": snippet, "score": float(score)}
        )
    hits.sort(key=lambda h: (-h["score"], h["date"] or ""))
    return hits[:limit]


def sources(con: sqlite3.Connection) -> list[Record]:
    """Source articles with the number of records citing each."""
    out = []
    for (j,) in con.execute("SELECT json FROM sources ORDER BY id"):
        import json

        s = json.loads(j)
        counts = {}
        for table in ("casualties", "events", "violations", "positions"):
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
    return out


def completions(con: sqlite3.Connection, what: str, prefix: str) -> list[str]:
    """Values for shell completion: 'actor', 'place', 'id', 'claimant'."""
    p = prefix.lower()
    if what in ("actor", "place"):
        # Any name or alias the filter accepts, as written in the data.
        rows = con.execute(
            "SELECT DISTINCT display FROM names WHERE kind = ? AND name >= ? AND name < ? ORDER BY display",
            (what, p, p + "\uffff"),
        )
    elif what == "id":
        rows = con.execute(
            "SELECT id FROM records WHERE id >= ? AND id < ? ORDER BY id LIMIT 200",
            (p, p + "\uffff"),
        )
    elif what == "claimant":
        rows = con.execute("SELECT DISTINCT claimant FROM casualties ORDER BY claimant")
    else:
        return []
    return [r[0] for r in rows if r[0].lower().startswith(p)]
