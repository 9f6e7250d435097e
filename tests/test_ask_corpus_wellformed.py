"""The `nkfacts ask` evaluation corpus (tests/data/ask_corpus.yaml) is well formed: every id it
names exists in the shipped data, it is large and varied enough for issue 22, and it covers every
record kind and the datasets. This tests the corpus only, never the `ask` command."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from nkfacts.answers import query
from nkfacts.core import paths
from nkfacts.store.index import open_index

SHARE_CACHE = True  # read-only: compile the shipped data once for the module

CORPUS_PATH = Path(__file__).parent / "data" / "ask_corpus.yaml"
CORPUS: list[dict[str, Any]] = yaml.safe_load(CORPUS_PATH.read_text("utf-8"))
SHAPES = {
    "how_many",
    "when",
    "what_happened",
    "did_happen",
    "ceasefire",
    "position",
    "supporters",
    "dataset",
    "compare",
    "not_covered",
}
KEYS = {"q", "shape", "must_show", "any_of", "covered", "vague", "note"}
KINDS = {"casualty", "event", "ceasefire", "violation", "position"}


@pytest.fixture(scope="module")
def con() -> Iterator[sqlite3.Connection]:
    connection = open_index(paths.data_dir(None))
    yield connection
    connection.close()


def _ids(item: dict[str, Any]) -> list[str]:
    return list(item["must_show"]) + list(item.get("any_of", []))


def _kind(con: sqlite3.Connection, rid: str) -> str:
    return query.get(con, rid)[0]


def test_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 80
    assert len({item["q"].strip().lower() for item in CORPUS}) == len(CORPUS), "duplicate questions"


@pytest.mark.parametrize("item", CORPUS, ids=[item["q"][:50] for item in CORPUS])
def test_question_is_well_formed(item: dict[str, Any]) -> None:
    assert set(item) <= KEYS, set(item) - KEYS
    assert isinstance(item["q"], str) and item["q"].strip()
    assert item["shape"] in SHAPES
    assert isinstance(item["covered"], bool)
    assert item["covered"] == (item["shape"] != "not_covered")
    ids = _ids(item)
    assert len(ids) == len(set(ids)), "an id is listed twice"
    if item["covered"]:
        assert 1 <= len(item["must_show"]) <= 4
    else:
        assert item["must_show"] == [] and not item.get("any_of")
        assert not item.get("vague")
    if "any_of" in item:
        assert len(item["any_of"]) >= 1


@pytest.mark.parametrize("item", CORPUS, ids=[item["q"][:50] for item in CORPUS])
def test_every_id_exists(item: dict[str, Any], con: sqlite3.Connection) -> None:
    for rid in _ids(item):
        assert _kind(con, rid) in KINDS, rid  # query.get raises UsageError for an unknown id


def test_every_shape_is_present() -> None:
    counts = Counter(item["shape"] for item in CORPUS)
    assert set(counts) == SHAPES, SHAPES - set(counts)
    assert counts["not_covered"] >= 6
    assert sum(1 for item in CORPUS if item.get("vague")) >= 4


def test_every_record_kind_is_required_somewhere(con: sqlite3.Connection) -> None:
    kinds = {_kind(con, rid) for item in CORPUS for rid in item["must_show"]}
    assert kinds == KINDS, KINDS - kinds


def test_the_datasets_are_required_somewhere(con: sqlite3.Connection) -> None:
    datasets = {s["id"] for s in query.sources(con) if s.get("kind") == "dataset"}
    required = set()
    for item in CORPUS:
        for rid in item["must_show"]:
            kind, rec = query.get(con, rid)
            if kind == "casualty":
                required |= {c["source"] for c in rec["citations"]} & datasets
    assert any(s.startswith("ucdp-") for s in required), required
    assert any(s.startswith("cow-") for s in required), required
    assert {item["shape"] for item in CORPUS if set(item["must_show"]) & _dataset_ids(con)} >= {
        "dataset",
        "how_many",
        "compare",
    }


def _dataset_ids(con: sqlite3.Connection) -> set[str]:
    return {
        r["id"] for r in query.casualties(con) if r["category"] in ("battle-related", "combatant")
    }


def test_aliases_writers_use_are_in_the_questions() -> None:
    text = " ".join(item["q"].lower() for item in CORPUS)
    for alias in (
        "shushi",
        "khankendi",
        "stepanakert",
        "artsakh",
        "nkr",
        "44-day war",
        "four-day war",
        "first karabakh war",
        "2023 offensive",
    ):
        assert alias in text, alias


def test_ids_follow_the_merged_row_rule(con: sqlite3.Connection) -> None:
    """Rule 1 of the corpus: a casualty id is its claim's key, and no question requires two
    events of one happening (the views print them as one row)."""
    for item in CORPUS:
        happenings = []
        for rid in _ids(item):
            kind, rec = query.get(con, rid)
            if kind == "casualty":
                assert rec["claim"] == rid, (item["q"], rid, rec["claim"])
            elif kind == "event" and rec.get("happening") and rid in item["must_show"]:
                happenings.append(rec["happening"])
        assert len(happenings) == len(set(happenings)), item["q"]
