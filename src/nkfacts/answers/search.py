"""`nkfacts search` and shell completion: text lookups over the compiled index.

Search runs on SQLite FTS5 (porter stemming, diacritics removed) where available, otherwise on
substrings (diacritics removed too); place and actor names expand to all their spellings (Shushi finds Shusha).
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from nkfacts.core import vocab
from nkfacts.core.errors import UsageError
from nkfacts.core.kinds import BY_NAME

Record = dict[str, Any]

SEARCH_MAX_CHARS = 1000
SEARCH_MAX_WORDS = 50


def search(con: sqlite3.Connection, text: str, limit: int = 50) -> list[Record]:
    """Full-text search over every record kind, best match first; all words must occur."""
    if len(text) > SEARCH_MAX_CHARS:
        raise UsageError(
            f"search text too long ({len(text):,} characters; limit {SEARCH_MAX_CHARS})"
        )
    # Each distinct word once (dict keeps their order): the cost grows with the words, no more.
    words = re.findall(r"\w+", text.translate(_AZ), flags=re.UNICODE)
    tokens = list(dict.fromkeys(t.lower() for t in words))
    if not tokens:
        raise UsageError("search needs at least one word")
    if len(tokens) > SEARCH_MAX_WORDS:
        raise UsageError(f"too many search words ({len(tokens)}; limit {SEARCH_MAX_WORDS})")
    tokens = [t for t in tokens if t not in _STOP] or tokens
    fts = con.execute("SELECT value FROM meta WHERE key = 'fts'").fetchone()
    if fts is not None and fts[0] == "0":
        return _search_like(con, tokens, limit)
    match = " AND ".join(_alternatives(con, t) for t in tokens)
    sql = (
        "SELECT kind, id, date, snippet(search, 3, '«', '»', '…', 16), bm25(search) FROM search "
        "WHERE search MATCH ? ORDER BY bm25(search), date LIMIT ?"
    )
    hits = [
        {"kind": k, "id": i, "date": d or None, "when": None, "snippet": s, "score": round(-b, 3)}
        for k, i, d, s, b in con.execute(sql, (match, limit))
    ]
    return _with_when(con, hits)


def _with_when(con: sqlite3.Connection, hits: list[Record]) -> list[Record]:
    """Each hit's date as people write it ('2020', '1–5 April 2016'), never a first day."""
    sql = (
        "SELECT coalesce(json_extract(json, '$.when'), json_extract(json, '$.period')) "
        "FROM {} WHERE id = ?"
    )
    for h in hits:
        kind = BY_NAME.get(h["kind"])
        table = kind.view if kind else None
        row = con.execute(sql.format(table), (h["id"],)).fetchone() if table else None
        h["when"] = row[0] if row else None
    return hits


_STOP = frozenset(
    ["a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)
_AZ = str.maketrans({"ə": "e", "Ə": "E", "ı": "i"})


def _alternatives(con: sqlite3.Connection, token: str) -> str:
    """'"shushi"' or, for a place/actor alias, '("shusha" OR "shushi" OR "şuşa")'."""
    rows = con.execute(
        "SELECT display FROM names WHERE canonical IN (SELECT canonical FROM names WHERE name = ?)",
        (vocab.fold(token),),
    ).fetchall()
    words = dict.fromkeys([token, *(r[0] for r in rows if re.fullmatch(r"\w+", r[0]))])
    quoted = [f'"{w.translate(_AZ)}"' for w in words]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def _fold(text: str) -> str:
    """Lower case without diacritics, as FTS5 compares ('Erdoğan' -> 'erdogan'); a letter
    stays one character, so positions in the folded text point into the original."""
    low = text.lower()
    if low.isascii():
        return low
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))


def _search_like(con: sqlite3.Connection, tokens: list[str], limit: int) -> list[Record]:
    """Fallback without FTS5: every word as a substring (diacritics folded, as FTS5 does),
    ranked by how often they occur."""
    con.create_function("nkfold", 1, _fold, deterministic=True)
    where = " AND ".join("instr(nkfold(body || ' ' || extra), ?) > 0" for _ in tokens)
    words = [_fold(t) for t in tokens]
    hits = []
    for k, i, d, body, extra in con.execute(
        f"SELECT kind, id, date, body, extra FROM search WHERE {where}", words
    ):
        score = sum(_fold(f"{body} {extra}").count(w) for w in words)
        low = _fold(body)  # the snippet shows the text a person reads, as FTS5's does
        at = max(0, low.find(words[0]))
        snippet = ("…" if at > 40 else "") + body[max(0, at - 40) : at + 80] + "…"
        hits.append(
            {"kind": k, "id": i, "date": d or None, "snippet": snippet, "score": float(score)}
        )
    hits.sort(key=lambda h: (-h["score"], h["date"] or ""))
    return _with_when(con, hits[:limit])


def completions(con: sqlite3.Connection, what: str, prefix: str) -> list[str]:
    """Values for shell completion: 'actor', 'place', 'id', 'claimant'."""
    p = prefix.lower()
    if what in ("actor", "place"):
        p = vocab.fold(prefix)
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
    if what in ("actor", "place"):
        return [r[0] for r in rows]
    return [r[0] for r in rows if r[0].lower().startswith(p)]
