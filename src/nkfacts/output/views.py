"""The column list of every record view: header, plain text, and its place in a table.

One definition serves TSV, CSV, Markdown and terminal tables. The index stores each view's
header with the rows rendered under it (`store.compile.headers`), and a change here rebuilds
it (`store.index.CODE_MODULES`): a header is never printed over stale pre-rendered rows.
"""

from __future__ import annotations

from nkfacts.core.kinds import KINDS
from nkfacts.core.people import who
from nkfacts.output.cells import (
    Column,
    Record,
    View,
    cite_plain,
    claim_text,
    clean,
    col,
    field,
    tsv_header,
    tsv_line,
)

__all__ = [
    "LAYOUT",
    "VIEWS",
    "Column",
    "Record",
    "View",
    "cite_plain",
    "clean",
    "tsv_header",
    "tsv_line",
]


CITE = Column("citations", cite_plain)
NBSP = "\u00a0"  # keeps "Both sides" together; wraps only at the " · "


def _who(r: Record) -> str:
    """'Armenia · military', 'Armenians from Azerbaijan · total' (core.people: whose people)."""
    text = who(r)
    words = text.replace(" ", NBSP) if text == r["party"] else text  # 'Both sides' stays whole
    return f"{words} · {r['category'].replace(' ', NBSP)}"


# Table-only columns a layout may name: who (whose people · category) and when.
EXTRA = {
    "who": Column("who", _who),
    "when": Column("when", lambda r: str(r.get("when") or r.get("date") or "")),
}
DECLARED: dict[str, View] = {
    "casualties": View(
        [
            Column("figure", field("figure"), justify="right"),
            col("party", "party"),
            col("category", "category"),
            col("measure", "measure"),
            col("period", "period", wrap=True),
            col("claimant", "claimant", wrap=True),
            col("as_of", "as_of"),
            CITE,
            col("id", "id"),
            col("start", "start", in_table=False),
            col("end", "end", in_table=False),
            col("low", "low", in_table=False),
            col("high", "high", in_table=False),
            col("best", "best", in_table=False),
            col("at_least", "at_least", in_table=False),
            col("approx", "approx", in_table=False),
            col("upper_bound", "upper_bound", in_table=False),
            col("event", "event", in_table=False),
            col("place", "place", in_table=False),
            col("start_precision", "start_precision", in_table=False),
            col("end_precision", "end_precision", in_table=False),
            col("quote", "quote", in_table=False),
            col("note", "note", in_table=False),
            col("claim", "claim", in_table=False),
        ],
        table=(
            ("figure", 0, None),
            ("who", 0, None),
            ("measure", 1, None),
            ("period", 2, True),
            ("claimant", 3, True),
            ("as_of", 4, None),
            ("citations", 6, None),
            ("id", 8, None),
        ),
    ),
    "events": View(
        [
            col("when", "when"),
            col("type", "type"),
            col("title", "title", wrap=True),
            col("places", "places", wrap=True),
            CITE,
            col("id", "id"),
            col("date", "date", in_table=False),
            col("end", "end", in_table=False),
            col("actors", "actors", in_table=False),
            col("precision", "precision", in_table=False),
            col("end_precision", "end_precision", in_table=False),
            col("description", "description", in_table=False),
            col("quote", "quote", in_table=False),
            col("note", "note", in_table=False),
            col("happening", "happening", in_table=False),
        ],
        table=(
            ("when", 0, True),
            ("title", 0, True),
            ("type", 4, None),
            ("places", 5, True),
            ("citations", 6, None),
            ("id", 8, None),
        ),
    ),
    "ceasefires": View(
        [
            col("when", "when"),
            col("name", "name", wrap=True),
            col("brokers", "brokers", wrap=True),
            col("signatories", "signatories", wrap=True),
            col("outcome", "outcome"),
            col("outcome_summary", "outcome_summary", in_table=False),
            Column("violations", lambda r: str(len(r.get("violations", []))), justify="right"),
            CITE,
            col("id", "id"),
            col("signed", "signed", in_table=False),
            col("effective", "effective", in_table=False),
            col("effective_time", "effective_time", in_table=False),
            col("precision", "precision", in_table=False),
            col("place", "place", in_table=False),
            col("terms", "terms", in_table=False),
            col("event", "event", in_table=False),
            col("quote", "quote", in_table=False),
            col("note", "note", in_table=False),
        ],
        table=(
            ("when", 0, True),
            ("name", 0, True),
            ("outcome", 1, None),
            ("violations", 2, None),
            ("signatories", 4, True),
            ("brokers", 4, True),
            ("citations", 6, None),
            ("id", 8, None),
        ),
    ),
    "violations": View(
        [
            col("when", "when"),
            col("ceasefire_name", "ceasefire_name", wrap=True),
            col("claimant", "claimant", wrap=True),
            col("accused", "accused"),
            col("description", "description", wrap=True),
            CITE,
            col("id", "id"),
            col("ceasefire", "ceasefire", in_table=False),
            col("date", "date", in_table=False),
            col("precision", "precision", in_table=False),
            col("quote", "quote", in_table=False),
            col("note", "note", in_table=False),
        ],
        table=(
            ("when", 0, True),
            ("description", 0, True),
            ("claimant", 1, True),
            ("ceasefire_name", 3, True),
            ("accused", 4, True),
            ("citations", 6, None),
            ("id", 8, None),
        ),
    ),
    "positions": View(
        [
            col("when", "when"),
            col("actor", "actor"),
            col("kind", "kind"),
            col("stance", "stance"),
            col("summary", "summary", wrap=True),
            col("attributed_to", "attributed_to", wrap=True),
            CITE,
            col("id", "id"),
            col("period", "period", in_table=False),
            col("start", "start", in_table=False),
            col("end", "end", in_table=False),
            col("denied", "denied", in_table=False),
            Column(
                "figures",
                lambda r: "; ".join(
                    f"{f['value']}{f['unit']} {f['label']}".strip() for f in r.get("figures", [])
                ),
                in_table=False,
            ),
            col("quote", "quote", in_table=False),
            col("note", "note", in_table=False),
        ],
        table=(
            ("when", 0, True),
            ("actor", 0, True),
            ("stance", 1, True),
            ("summary", 0, True),
            ("attributed_to", 4, True),
            ("kind", 5, None),
            ("citations", 6, None),
            ("id", 8, None),
        ),
    ),
    "search": View(
        [
            col("kind", "kind"),
            col("id", "id"),
            col("date", "date"),
            col("when", "when"),
            col("snippet", "snippet", wrap=True),
            col("score", "score", in_table=False),
        ],
        table=(
            ("when", 0, True),
            ("kind", 2, None),
            ("snippet", 0, True),
            ("id", 8, None),
        ),
    ),
    # New columns go at the end: scripts may cut TSV columns by position.
    "sources": View(
        [
            col("id", "id"),
            col("kind", "kind", in_table=False),
            col("title", "title"),
            col("url", "url"),
            col("publisher", "publisher", in_table=False),
            col("year", "year", in_table=False),
            col("version", "version", in_table=False),
            col("license", "license", in_table=False),
            Column("records", lambda r: str(r.get("records", 0)), justify="right"),
            Column(
                "by_kind",
                lambda r: ", ".join(f"{k} {v}" for k, v in r.get("by_kind", {}).items()),
                in_table=False,
            ),
            col("authors", "authors", in_table=False),
            col("cite_as", "cite_as", in_table=False),
            col("definition", "definition", in_table=False),
            col("file", "file", in_table=False),
            col("note", "note", in_table=False),
            col("sha256", "sha256", in_table=False),
            Column("n", lambda r: str(r.get("n", "")), justify="right"),
        ],
        table=(
            ("n", 0, None),
            ("id", 0, None),
            ("kind", 3, None),
            ("title", 0, True),
            ("version", 2, None),
            ("records", 1, None),
            ("url", 8, None),
        ),
    ),
    "problems": View(
        [
            col("severity", "severity"),
            col("code", "code"),
            Column(
                "where",
                lambda r: f"{r['file']}:{r['line']}" if r.get("line") else str(r["file"]),
                wrap=True,
            ),
            col("id", "id"),
            col("field", "field"),
            col("message", "message", wrap=True),
        ],
        table=(
            ("severity", 0, None),
            ("code", 2, None),
            ("where", 3, True),
            ("field", 4, None),
            ("message", 0, True),
            ("id", 8, None),
        ),
    ),
    "disputes": View(
        [
            col("kind", "kind"),
            col("subject", "subject", wrap=True),
            Column("claims", lambda d: " | ".join(claim_text(c) for c in d["claims"]), wrap=True),
            col("ids", "ids", wrap=True),
        ],
    ),
    # `disputes` in a terminal: one row per claim, under its dispute's heading.
    "dispute-claims": View(
        [
            Column("figure", field("figure"), justify="right"),
            col("claimant", "claimant", wrap=True),
            col("as_of", "as_of"),
            col("period", "period", wrap=True),
            CITE,
            col("id", "id"),
        ],
        table=(
            ("figure", 0, None),
            ("claimant", 0, True),
            ("as_of", 3, None),
            ("period", 4, True),
            ("citations", 6, None),
            ("id", 8, None),
        ),
    ),
    "matrix": View([]),  # columns are built per call (actors x periods)
}

# Derived from DECLARED: the columns of each view, and each view's terminal layout.
VIEWS: dict[str, list[Column]] = {name: view.columns for name, view in DECLARED.items()}
LAYOUT: dict[str, tuple[tuple[str, int, bool | None], ...]] = {
    name: view.table for name, view in DECLARED.items() if view.table
}


# Contract fields a pipe gets in another form: citations as the `citations` column, a
# ceasefire's violations as their count.
_SHOWN_AS = ("citations", "violations")


# Not mutated: it runs at import, before mutmut can switch a mutant in (test_contract checks it).
def _complete() -> None:  # pragma: no mutate block
    """Every field of the JSON contract (nkfacts.core.contract) is a TSV/CSV column: a field the
    lists above do not name yet is added at the end, where scripts cutting by position do not
    notice it."""
    from nkfacts.core.contract import fields

    for view in (k.view for k in KINDS if k.view):
        have = {c.header for c in VIEWS[view]}
        VIEWS[view] += [
            col(f, f, in_table=False) for f in fields(view) if f not in have | set(_SHOWN_AS)
        ]


_complete()
