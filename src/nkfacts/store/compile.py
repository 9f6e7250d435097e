"""Compile checked records into the SQLite index: one writer per record kind.

Only the rebuild path imports this module. Each record is stored with its JSON (the public
contract) and, for the listing views, its TSV row already rendered, so warm queries print
without converting anything. `index.VIEW_SIGNATURE` keys the index on those columns.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from nkfacts.core.claims import claim_sentence
from nkfacts.core.kinds import RECORDS, Kind
from nkfacts.core.vocab import MEASURES, fold
from nkfacts.output.views import VIEWS, tsv_header, tsv_line
from nkfacts.store import derived

if TYPE_CHECKING:
    from nkfacts.load.validate import Dataset

Rec = dict[str, Any]
DDL = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
-- Answers derived from the whole index, stored on first use (store/memo.py).
CREATE TABLE memo(key TEXT PRIMARY KEY, value BLOB);
-- Every cited record's id and kind; its JSON is stored once, in its kind's table (by id).
-- Casualties (the many) are found through their own table's id index, not listed again.
CREATE TABLE other_records(id TEXT PRIMARY KEY, kind TEXT) WITHOUT ROWID;
CREATE VIEW records AS SELECT id, 'casualty' AS kind FROM casualties
  UNION ALL SELECT id, kind FROM other_records;
-- Its indexes (CASUALTY_INDEXES) are made once its rows are in: one sort each, not a
-- b-tree insert per row and index (the rebuild of 100,000 records, issue 26).
CREATE TABLE casualties(seq INTEGER PRIMARY KEY, id TEXT, start TEXT, "end" TEXT, party TEXT,
  category TEXT, measure TEXT, claimant TEXT, source TEXT, event TEXT, place TEXT, claim TEXT,
  json TEXT, tsv TEXT, low INTEGER, high INTEGER, start_precision TEXT, part_of TEXT,
  as_of TEXT, at_least INTEGER, ref TEXT);
-- low … ref: what `disputes` compares (with party, category, measure, period, claimant,
-- source), read without the JSON; only the records of a disagreement are read whole.
-- seq is the output order (period, then party, then id); one row per calendar year a
-- figure's period touches, so `--year Y` reads only its own rows, already in order.
CREATE TABLE casualty_years(year INTEGER, seq INTEGER, PRIMARY KEY (year, seq)) WITHOUT ROWID;
CREATE TABLE events(id TEXT PRIMARY KEY, date TEXT, "end" TEXT, type TEXT, actors TEXT,
  places TEXT, source TEXT, text TEXT, happening TEXT, json TEXT, tsv TEXT);
CREATE INDEX events_date ON events(date, "end");
CREATE INDEX events_happening ON events(happening) WHERE happening IS NOT NULL;
CREATE TABLE ceasefires(id TEXT PRIMARY KEY, signed TEXT, "end" TEXT, text TEXT, json TEXT);
CREATE TABLE violations(id TEXT PRIMARY KEY, ceasefire TEXT, date TEXT, claimant TEXT,
  source TEXT, json TEXT);
CREATE TABLE positions(id TEXT PRIMARY KEY, actor TEXT, kind TEXT, stance TEXT, start TEXT,
  "end" TEXT, period TEXT, source TEXT, json TEXT, tsv TEXT);
CREATE INDEX positions_actor ON positions(actor);
CREATE TABLE sources(id TEXT PRIMARY KEY, title TEXT, json TEXT);
CREATE TABLE names(kind TEXT, name TEXT, canonical TEXT, display TEXT);
CREATE INDEX names_name ON names(kind, name);
"""
CASUALTY_INDEXES = """
CREATE UNIQUE INDEX casualties_id ON casualties(id);
CREATE INDEX casualties_period ON casualties(start, "end");
-- `show`: the other records of a claim, and the claims competing with one (same party,
-- category and measure over an overlapping period), found by index, not by reading JSON.
CREATE INDEX casualties_claim ON casualties(claim) WHERE claim IS NOT NULL;
CREATE INDEX casualties_series ON casualties(party, category, measure, start);
CREATE INDEX casualties_event ON casualties(event);
"""
# Full-text search uses FTS5 where this SQLite has it; otherwise a plain table and LIKE.
# `body` is what a person reads (snippets come from it); `extra` the words that also find a
# record: other spellings of its places and actors, its type, its date as written, the
# words for its measure. With FTS5 the texts are an external content table (issue 26: a
# leaner index): only `body` and the unindexed columns are stored, once; `extra` is indexed
# but never stored, as nothing shows it.
FTS = """CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, id UNINDEXED, date UNINDEXED, body,
  extra, content='search_view', content_rowid='n',
  tokenize='porter unicode61 remove_diacritics 2');
CREATE TABLE search_text(kind TEXT, id TEXT, date TEXT, body TEXT);
CREATE VIEW search_view AS SELECT rowid AS n, kind, id, date, body, '' AS extra FROM search_text;"""
NO_FTS = "CREATE TABLE search(kind TEXT, id TEXT, date TEXT, body TEXT, extra TEXT);"


def _az(text: str) -> str:
    """`text` with Azerbaijani letters folded (ə → e, Ə → E, ı → i); most texts have none."""
    if "ə" in text or "Ə" in text or "ı" in text:
        return text.replace("ə", "e").replace("Ə", "E").replace("ı", "i")
    return text


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class SearchRow(NamedTuple):
    kind: str
    id: str
    date: str
    body: str
    extra: str


def _text(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


def _bar(values: Iterable[str]) -> str:
    """'|a|b|' so that `LIKE '%|a|%'` matches one whole name."""
    vals = list(values)
    return "|" + "|".join(vals) + "|" if vals else ""


class Writer:
    """Writes one index: names first (aliases expand search texts), then each record kind."""

    def __init__(
        self, con: sqlite3.Connection, progress: Callable[[str], None], fts: bool = False
    ) -> None:
        self.con = con
        self.progress = progress
        self.fts = fts
        self.searched = 0  # search rows written (their rowids with FTS5)
        self.aliases: dict[str, dict[str, list[str]]] = {"actor": {}, "place": {}}
        self.search: list[SearchRow] = []
        # A linked record's words, searched with the records that link to it: the 170 killed
        # are found by their event's "fuel depot" though their own quote says "fuel storage".
        self.linked: dict[str, str] = {}

    def link_texts(self, events: list[Rec], ceasefires: list[Rec]) -> None:
        """Remember each event's title and places, each ceasefire's name and place."""
        for e in events:
            self.linked[e["id"]] = _text(e["title"], *self.with_aliases("place", e["places"]))
        for c in ceasefires:
            places = [c["place"]] if c.get("place") else []
            self.linked[c["id"]] = _text(c["name"], *self.with_aliases("place", places))

    def record(self, kind: str, rid: str) -> None:
        self.con.execute("INSERT INTO other_records VALUES (?,?)", (rid, kind))

    def searchable(self, kind: str, rid: str, date: str, body: str, extra: str) -> None:
        """Queue a search row; Azerbaijani letters folded so 'Xankendi' finds 'Xankəndi'."""
        self.search.append(SearchRow(kind, rid, date, _az(body), _az(extra)))

    def with_aliases(self, kind: str, names: list[str]) -> list[str]:
        return [a for n in names for a in (n, *self.aliases[kind].get(n, []))]

    def names(self, kind: str, entries: list[Rec]) -> None:
        for e in entries:
            self.aliases[kind][e["name"]] = e["aliases"]
            self.con.executemany(
                "INSERT INTO names VALUES (?,?,?,?)",
                [(kind, fold(n), e["name"], n) for n in (e["name"], *e["aliases"])],
            )

    def sources(self, sources: list[Rec]) -> None:
        for s in sources:
            self.con.execute("INSERT INTO sources VALUES (?,?,?)", (s["id"], s["title"], _dumps(s)))

    def casualties(self, records: Iterable[Rec]) -> None:
        """Already in output order; each record is converted and written in turn."""
        rows: list[tuple[Any, ...]] = []
        years: list[tuple[int, int]] = []
        for seq, c in enumerate(records):
            j = _dumps(c)
            years.extend((y, seq) for y in range(int(c["start"][:4]), int(c["end"][:4]) + 1))
            rows.append(
                (
                    seq,
                    c["id"],
                    c["start"],
                    c["end"],
                    c["party"],
                    c["category"],
                    c["measure"],
                    c["claimant"],
                    c["citations"][0]["source"],
                    c["event"],
                    c["place"],
                    c.get("claim"),
                    j,
                    tsv_line(VIEWS["casualties"], c),
                    c["low"],
                    c["high"],
                    c["start_precision"],
                    c["part_of"],
                    c["as_of"],
                    c["at_least"],
                    c["citations"][0]["ref"],
                )
            )
            body = f"{claim_sentence(c, 'search', people=False, voice=False)}: “{c['quote']}”"
            extra = _text(
                *MEASURES.get(c["measure"], ()),
                *self.with_aliases("place", [c["place"]] if c["place"] else []),
                c["note"],
                self.linked.get(c["event"] or "", ""),
            )
            self.searchable("casualty", c["id"], c["start"], body, extra)
            if len(rows) >= 5000:
                self._flush_casualties(rows, years)
                self.progress(f"casualties: {seq + 1:,} records")
        self._flush_casualties(rows, years)

    def _flush_casualties(self, rows: list[tuple[Any, ...]], years: list[tuple[int, int]]) -> None:
        """Write one batch of casualty rows, their year entries and search texts; empty the lists."""
        con = self.con
        con.executemany("INSERT INTO casualties VALUES (" + ",".join("?" * 21) + ")", rows)
        years.sort()  # in key order: the table's b-tree is filled page after page
        con.executemany("INSERT INTO casualty_years VALUES (?,?)", years)
        self.write_search()
        rows.clear()
        years.clear()

    def write_search(self) -> None:
        """Write the queued search rows (FTS5: the texts, then the index over them)."""
        rows, self.search = self.search, []
        if not self.fts:
            self.con.executemany("INSERT INTO search VALUES (?,?,?,?,?)", rows)
            return
        first = self.searched + 1
        self.searched += len(rows)
        self.con.executemany(
            "INSERT INTO search_text(rowid, kind, id, date, body) VALUES (?,?,?,?,?)",
            [(n, r.kind, r.id, r.date, r.body) for n, r in enumerate(rows, first)],
        )
        self.con.executemany(
            "INSERT INTO search(rowid, body, extra) VALUES (?,?,?)",
            [(n, r.body, r.extra) for n, r in enumerate(rows, first)],
        )

    def events(self, events: list[Rec]) -> None:
        for e in events:
            places = self.with_aliases("place", e["places"])
            actors = self.with_aliases("actor", e["actors"])
            text = _text(
                e["title"], e["type"], e["when"], e["description"], e["quote"], *places, *actors
            )
            j = _dumps(e)
            self.con.execute(
                "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    e["id"],
                    e["date"],
                    e["end"],
                    e["type"],
                    _bar(a.lower() for a in e["actors"]),
                    _bar(p.lower() for p in e["places"]),
                    e["citations"][0]["source"],
                    text.lower(),
                    e.get("happening"),
                    j,
                    tsv_line(VIEWS["events"], e),
                ),
            )
            self.record("event", e["id"])
            body = _text(e["title"] + ".", e["description"], f"“{e['quote']}”")
            extra = _text(e["type"], e["when"], *places, *actors)
            self.searchable("event", e["id"], e["date"], body, extra)

    def ceasefires(self, ceasefires: list[Rec]) -> None:
        for c in ceasefires:
            start = c["signed"] or c["effective"]
            last = max([start, *(v["date"] for v in c["violations"])])
            text = _text(
                c["name"],
                c["place"],
                c["outcome_summary"],
                c["quote"],
                *c["brokers"],
                *c["signatories"],
                *c["terms"],
            )
            j = _dumps(c)
            self.con.execute(
                "INSERT INTO ceasefires VALUES (?,?,?,?,?)", (c["id"], start, last, text.lower(), j)
            )
            self.record("ceasefire", c["id"])
            body = _text(c["name"] + ".", c["outcome_summary"], f"“{c['quote']}”")
            self.searchable("ceasefire", c["id"], start, body, text)

    def violations(self, violations: list[Rec]) -> None:
        for v in violations:
            j = _dumps(v)
            self.con.execute(
                "INSERT INTO violations VALUES (?,?,?,?,?,?)",
                (v["id"], v["ceasefire"], v["date"], v["claimant"], v["citations"][0]["source"], j),
            )
            self.record("violation", v["id"])
            body = _text(v["description"], f"“{v['quote']}”")
            extra = _text(
                v["claimant"], v["accused"], v["when"], self.linked.get(v["ceasefire"] or "", "")
            )
            self.searchable("violation", v["id"], v["date"], body, extra)

    def positions(self, positions: list[Rec]) -> None:
        for p in positions:
            j = _dumps(p)
            self.con.execute(
                "INSERT INTO positions VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    p["id"],
                    p["actor"],
                    p["kind"],
                    p["stance"],
                    p["start"],
                    p["end"],
                    p["period"],
                    p["citations"][0]["source"],
                    j,
                    tsv_line(VIEWS["positions"], p),
                ),
            )
            self.record("position", p["id"])
            body = _text(p["summary"], p["denied"], f"“{p['quote']}”")
            extra = _text(*self.with_aliases("actor", [p["actor"]]), p["attributed_to"], p["when"])
            self.searchable("position", p["id"], p["start"] or "", body, extra)

    def derived(self, kind: Kind, recs: list[Rec]) -> None:
        """A kind whose table the registry derives (store/derived.py)."""
        self.con.executescript(derived.ddl(kind))
        for r in recs:
            self.con.execute(derived.insert(kind), derived.row(kind, r, _dumps(r)))
            self.record(kind.name, r["id"])
            self.searchable(kind.name, r["id"], r["date"], *derived.search(kind, r))


def headers() -> dict[str, str]:
    """Each view's TSV header line, stored beside the rows rendered under it (`header:VIEW`):
    a warm pipe query prints it without importing the views (`answers.rows.header`)."""
    return {f"header:{view}": tsv_header(cols) for view, cols in VIEWS.items()}


def fill(
    con: sqlite3.Connection,
    ds: Dataset,
    meta: dict[str, str],
    progress: Callable[[str], None],
) -> None:
    """Create the schema and write every record of `ds`, then `meta`."""
    # 16 KiB pages: a casualty row (~1.5 KB) wastes a third of a 4 KiB page on average; the
    # index is ~13% smaller (issue 26), and no warm query got slower.
    con.executescript("PRAGMA page_size=16384; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
    con.executescript(DDL)
    try:
        con.executescript(FTS)
        fts = "1"
    except sqlite3.OperationalError:  # SQLite built without FTS5
        con.executescript(NO_FTS)
        fts = "0"
    records = ds.records
    w = Writer(con, progress, fts == "1")
    for kind in ("actor", "place"):
        w.names(kind, records.get(kind, []))
    w.sources(records.get("source", []))
    w.link_texts(records.get("event", []), records.get("ceasefire", []))
    progress("casualties")
    w.casualties(ds.take_public("casualty"))
    con.executescript(CASUALTY_INDEXES)
    progress("events")
    w.events(records.get("event", []))
    w.ceasefires(records.get("ceasefire", []))
    w.violations(records.get("violation", []))
    progress("positions")
    w.positions(records.get("position", []))
    for k in RECORDS:
        if k.filters is not None:
            w.derived(k, records.get(k.name, []))
    progress("search index")
    w.write_search()
    meta = {**meta, "fts": fts, "built": str(int(time.time())), **headers()}
    con.executemany("INSERT INTO meta VALUES (?,?)", list(meta.items()))
    con.commit()
