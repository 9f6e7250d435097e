"""The JSON contract (README, "JSON contract"): one TypedDict per record kind, in output order.

These are the single field lists: the normalisers are typed to build exactly these shapes
(mypy checks them), every field is a TSV/CSV column (`columns.py` adds any its lists do not
name), the SQLite export's record tables are made from them (`exportdb.from_contract`), and
the contract test checks every record of every view against `fields(view)`. Additions are fine (documented, CHANGELOG); renames and
removals break scripts that depend on nkfacts.

No `from __future__ import annotations` here: string annotations would make each TypedDict
compile its field types at import, which costs the warm TSV path ~2 ms (TSV columns are
completed from these lists, nkfacts.output.views).
"""

from typing import Any, TypedDict


class Citation(TypedDict):
    source: str
    title: str
    url: str
    ref: str | None
    passage_ref: str | None


class Casualty(TypedDict):
    id: str
    party: str
    category: str
    measure: str
    start: str
    end: str
    start_precision: str
    end_precision: str
    period: str
    low: int
    high: int
    best: int | None
    at_least: bool
    approx: bool
    upper_bound: bool
    figure: str
    claimant: str
    as_of: str | None
    event: str | None
    part_of: str | None
    place: str | None
    quote: str
    note: str | None
    citations: list[Citation]
    claim: str


class Event(TypedDict):
    id: str
    date: str
    end: str
    precision: str
    end_precision: str
    when: str
    happening: str | None
    title: str
    description: str | None
    type: str
    places: list[str]
    actors: list[str]
    quote: str
    note: str | None
    citations: list[Citation]


class Violation(TypedDict):
    id: str
    ceasefire: str | None  # None: the text names no ceasefire
    date: str
    precision: str
    when: str
    claimant: str
    accused: str | None
    description: str
    quote: str
    note: str | None
    citations: list[Citation]


class ListedViolation(Violation):
    """`ceasefires --violations` adds the ceasefire's name."""

    ceasefire_name: str | None


class Ceasefire(TypedDict):
    id: str
    name: str
    signed: str | None
    precision: str
    when: str
    effective: str | None
    effective_time: str | None
    place: str | None
    brokers: list[str]
    signatories: list[str]
    terms: list[str]
    outcome: str
    outcome_summary: str | None
    event: str | None
    quote: str
    note: str | None
    citations: list[Citation]
    violations: list[Violation]


class Position(TypedDict):
    id: str
    actor: str
    kind: str
    stance: str
    start: str | None
    end: str | None
    when: str
    period: str
    summary: str
    figures: list[dict[str, Any]]
    attributed_to: str | None
    denied: str | None
    quote: str
    note: str | None
    citations: list[Citation]


class Source(TypedDict):
    id: str
    kind: str
    title: str
    url: str
    publisher: str | None
    authors: list[str] | None
    year: int | None
    version: str | None
    cite_as: str | None
    license: str | None
    definition: str | None
    file: str | None
    note: str | None
    sha256: str | None
    n: int
    records: int
    by_kind: dict[str, int]


SHAPES: dict[str, type] = {
    "casualties": Casualty,
    "events": Event,
    "ceasefires": Ceasefire,
    "violations": ListedViolation,
    "positions": Position,
    "sources": Source,
    "citation": Citation,
}


# Where a view's listing adds fields to the records it reads (`ceasefires --violations` adds
# each ceasefire's name), the shape the records are built and stored in.
STORED: dict[str, type] = {"violations": Violation}


def stored(view: str) -> type:
    """The TypedDict a view's records are built and stored as."""
    return STORED.get(view) or SHAPES[view]


def fields(view: str) -> list[str]:
    """The contract's field names for a view, in output order."""
    return list(SHAPES[view].__annotations__)
