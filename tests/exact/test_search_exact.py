"""Search on the small fixture, exact: which records, in which order, with which snippet and
date, through FTS5 and through the fallback without it (nkfacts.answers.search)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from nkfacts.answers.search import SEARCH_MAX_CHARS, SEARCH_MAX_WORDS, completions, search
from nkfacts.core.errors import UsageError
from nkfacts.store import index

SMALL = Path(__file__).resolve().parent.parent / "data" / "small"


@pytest.fixture
def con(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    data = tmp_path / "small"
    shutil.copytree(SMALL, data)
    index.open_index(data).close()
    target = index.last_opened
    assert target is not None
    c = sqlite3.connect(target)
    yield c
    c.close()


def _ids(hits: list[dict[str, object]]) -> list[object]:
    return [h["id"] for h in hits]


def test_all_words_must_occur_best_match_first(con: sqlite3.Connection) -> None:
    hits = search(con, "agreement signed")
    assert _ids(hits) == ["ev-agreement-one", "ev-agreement-two"]
    assert hits[0] == {
        "kind": "event",
        "id": "ev-agreement-one",
        "date": "2020-11-09",
        "when": "9 November 2020",
        "snippet": "«Agreement» «signed». “«signed» on 9 November 2020”",
        "score": hits[0]["score"],
    }
    assert isinstance(hits[0]["score"], float) and hits[0]["score"] > hits[1]["score"]
    assert search(con, "agreement Shusha") == []


def test_limit_keeps_the_best(con: sqlite3.Connection) -> None:
    assert _ids(search(con, "agreement", limit=1)) == ["ev-agreement-one"]


def test_aliases_and_spellings_find_the_place(con: sqlite3.Connection) -> None:
    for text in ("Shushi", "Şuşa", "shusha", "SHUSHA capture"):
        assert "ev-shusha" in _ids(search(con, text)), text
    # the clash by its place alias, and the casualty linked to it by the clash's place (issue 24)
    assert _ids(search(con, "Martuni")) == ["ev-clash", "c-2016-clash"]


def test_stop_words_are_ignored_unless_they_are_all_there_is(con: sqlite3.Connection) -> None:
    assert _ids(search(con, "the capture of Shusha")) == _ids(search(con, "capture Shusha"))
    assert _ids(search(con, "the of")) == ["v-2020", "c-war-1988-1994"]


def test_word_forms_match(con: sqlite3.Connection) -> None:
    assert _ids(search(con, "captured")) == _ids(search(con, "capture")) != []


def test_dates_of_hits_are_as_people_write_them(con: sqlite3.Connection) -> None:
    hits = {h["id"]: h for h in search(con, "2020")}
    assert hits["ev-year-only"]["when"] == "2020"
    assert hits["ev-year-only"]["date"] == "2020-01-01"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "search needs at least one word"),
        ("  ,; ", "search needs at least one word"),
        (
            "x" * (SEARCH_MAX_CHARS + 1),
            f"search text too long ({SEARCH_MAX_CHARS + 1:,} characters",
        ),
        (
            " ".join(f"w{i}" for i in range(SEARCH_MAX_WORDS + 1)),
            f"too many search words ({SEARCH_MAX_WORDS + 1}; limit {SEARCH_MAX_WORDS})",
        ),
    ],
)
def test_unusable_search_text_is_a_usage_error(
    con: sqlite3.Connection, text: str, message: str
) -> None:
    with pytest.raises(UsageError) as e:
        search(con, text)
    assert str(e.value).startswith(message)


def test_as_many_words_as_allowed_is_fine(con: sqlite3.Connection) -> None:
    assert search(con, " ".join(["agreement"] * (SEARCH_MAX_WORDS + 5))) != []
    assert search(con, "x" * SEARCH_MAX_CHARS) == []


@pytest.fixture
def plain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[sqlite3.Connection]:
    """The index as a SQLite without FTS5 builds it (a plain `search` table)."""
    from nkfacts.store import compile as compiling

    monkeypatch.setattr(compiling, "FTS", "CREATE VIRTUAL TABLE search USING no_fts5(x);")
    data = tmp_path / "small"
    shutil.copytree(SMALL, data)
    index.open_index(data).close()
    assert index.last_opened is not None
    c = sqlite3.connect(index.last_opened)
    assert c.execute("SELECT value FROM meta WHERE key = 'fts'").fetchone() == ("0",)
    yield c
    c.close()


def test_without_fts5_every_word_is_a_substring_ranked_by_count(
    plain: sqlite3.Connection,
) -> None:
    con = plain
    hits = search(con, "signed agreement")
    assert _ids(hits) == ["ev-agreement-one", "ev-agreement-two"]
    assert hits[0]["score"] == 4.0 and hits[0]["when"] == "9 November 2020"
    assert hits[0]["snippet"] == "Agreement signed. “signed on 9 November 2020”…"
    assert _ids(search(con, "signed agreement", limit=1)) == ["ev-agreement-one"]
    assert search(con, "agreement shusha") == []
    long = {h["id"]: h["snippet"] for h in search(con, "october")}["v-2020"]
    assert long == "…enia accused Azerbaijan of breaking the October ceasefire”…"


def test_completions_match_any_case_and_spelling(con: sqlite3.Connection) -> None:
    assert completions(con, "place", "shu") == ["Shusha", "Shushi"]
    assert completions(con, "actor", "RU") == ["Russia", "Russian Federation"]
    assert completions(con, "actor", "") == [
        "Armenia",
        "Azerbaijan",
        "Iran",
        "Russia",
        "Russian Federation",
        "Turkey",
        "Türkiye",
    ]
    assert completions(con, "claimant", "az") == ["Azerbaijani authorities"]
    assert "ev-agreement-one" in completions(con, "id", "ev-agr")
    assert all(i.startswith("ev-agr") for i in completions(con, "id", "ev-agr"))
