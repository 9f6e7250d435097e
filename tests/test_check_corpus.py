"""`nkfacts check` against the real data: a corpus of sentences written for it, each with its
expected verdicts, plus the extraction and agreement rules one by one."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from nkfacts.answers import query
from nkfacts.checkdraft import check
from nkfacts.checkdraft.extract import extract
from nkfacts.checkdraft.match import agrees
from nkfacts.checkdraft.numbers import Figure, figures, words_value
from nkfacts.core.contract import Casualty
from nkfacts.store.rebuild import build

REPO = Path(__file__).resolve().parent.parent
CORPUS = yaml.safe_load((Path(__file__).parent / "data" / "check_corpus.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def claims() -> list[Casualty]:
    con, _ = build(REPO / "data", "test", None, lambda _m: None)  # in memory, no cache
    return query.casualties(con)


def _period(f: dict[str, Any]) -> list[str] | None:
    p = f["context"]["period"]
    return [p["start"], p["end"]] if p else None


@pytest.mark.parametrize("item", CORPUS, ids=[c["text"][:50] for c in CORPUS])
def test_corpus_sentence(item: dict[str, Any], claims: list[dict[str, Any]]) -> None:
    got = check(item["text"], claims)
    assert [(f["span"]["text"], f["verdict"]) for f in got] == [
        (e["figure"], e["verdict"]) for e in item["expect"]
    ]
    for f, e in zip(got, item["expect"], strict=True):
        for key in ("party", "category", "measure"):
            if key in e:
                assert f["context"][key] == e[key], key
        if "period" in e:
            assert _period(f) == e["period"]


def test_corpus_covers_what_the_issue_asks() -> None:
    expected = [e for item in CORPUS for e in item["expect"]]
    assert len(CORPUS) >= 40
    assert set(Counter(e["verdict"] for e in expected)) == {
        "matches",
        "disputed",
        "differs",
        "unknown",
    }
    texts = " ".join(e["figure"].lower() for e in expected)
    for hedge in ("more than", "at least", "about", "some", "nearly", "up to", "as many as"):
        assert hedge in texts, hedge
    assert any(e["figure"][0].isalpha() and " " not in e["figure"] for e in expected)  # words
    assert {"-", "between"} <= {t for t in ("-", "between") if t in texts}  # ranges
    parties = {e.get("party") for e in expected}
    assert {"Armenia", "Artsakh", "Azerbaijan", "Russia", "Turkey", "Iran"} <= parties
    assert {"Syrian fighters", "Both sides"} <= parties


def test_every_matched_claim_is_named_with_claimant_and_citation(
    claims: list[dict[str, Any]],
) -> None:
    [f] = check("Armenia lost 3,825 soldiers in the 2020 war.", claims)
    roles = {(c["role"], c["figure"], c["claimant"]) for c in f["claims"]}
    assert ("match", "3,825", "Armenian authorities") in roles
    assert ("disagrees", "5,000+", "Azerbaijani authorities") in roles
    assert all(c["citations"] and c["citations"][0]["url"] for c in f["claims"])


def test_bare_figure_against_a_lower_bound_says_so(claims: list[dict[str, Any]]) -> None:
    [f] = check("In the 2020 war, 541 Syrian fighters were killed.", claims)
    assert f["verdict"] == "matches"
    assert any("lower bound" in n for n in f["notes"])


def test_differs_shows_the_nearest_claims(claims: list[dict[str, Any]]) -> None:
    [f] = check("Some 4,000 Azerbaijani soldiers were killed in the 2020 war.", claims)
    assert f["verdict"] == "differs"
    assert [c["figure"] for c in f["claims"]][:2] == ["2,906", "2,853"]
    assert {c["role"] for c in f["claims"]} == {"nearest"}


def test_paragraph_and_heading_carry_the_period(claims: list[dict[str, Any]]) -> None:
    text = (
        "# The four-day war\n\nEighty-eight Armenian soldiers died.\n\n"
        "In 2016 as a whole, 109 Azerbaijani soldiers died. Armenia lost 110 soldiers."
    )
    a, b, c = check(text, claims)
    assert (a["context"]["period_from"], _period(a)) == ("heading", ["2016-04-01", "2016-04-05"])
    assert b["context"]["period_from"] == "sentence"
    assert (c["context"]["period_from"], _period(c)) == ("paragraph", ["2016-01-01", "2016-12-31"])
    assert c["verdict"] == "matches"  # 110 is inside 108–112


def test_spans_point_into_the_original_text(claims: list[dict[str, Any]]) -> None:
    text = "Intro with a [link](https://x.org/2020/5000) and `code 300`.\n\nIn 2016, 109 Azerbaijani soldiers died.[12]"
    [f] = check(text, claims)
    assert text[f["span"]["start"] : f["span"]["end"]] == "109" == f["span"]["text"]
    assert f["line"] == 3


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("3,825", (3825, 3825, False, False, False)),
        ("3825", (3825, 3825, False, False, False)),
        ("108–112", (108, 112, False, False, False)),
        ("108-112", (108, 112, False, False, False)),
        ("between 88 and 92", (88, 92, False, False, False)),
        ("some 5,000", (5000, 5000, False, True, False)),
        ("more than 100,000", (100000, 100000, True, False, False)),
        ("about 90,000", (90000, 90000, False, True, False)),
        ("nearly 30,000", (30000, 30000, False, True, False)),
        ("up to 230,000", (230000, 230000, False, False, True)),
        ("5,000+", (5000, 5000, True, False, False)),
        ("two", (2, 2, False, False, False)),
        ("eleven", (11, 11, False, False, False)),
        ("twenty-seven", (27, 27, False, False, False)),
        ("1.5 million", (1500000, 1500000, False, False, False)),
        ("1–1.5 million", (1000000, 1500000, False, False, False)),
    ],
)
def test_numbers_as_writers_write_them(text: str, want: tuple[int, int, bool, bool, bool]) -> None:
    [f] = figures(text + " soldiers")
    assert (f.low, f.high, f.at_least, f.approx, f.upper_bound) == want
    assert (f.start, f.end) == (0, len(text))


@pytest.mark.parametrize(
    "text",
    ["in 2020 the", "a 44-day war", "one of the", "Resolution 822", "41 percent", "the 3rd day"],
)
def test_not_figures(text: str) -> None:
    assert figures(text) == []


def test_words_value() -> None:
    assert words_value("three hundred and five") == 305
    assert words_value("two thousand") == 2000
    assert words_value("ninety-nine") == 99


def _claim(low: int, high: int | None = None, **flags: bool) -> dict[str, Any]:
    high = low if high is None else high
    text = f"{low:,}" if low == high else f"{low:,}–{high:,}"
    return {"low": low, "high": high, "figure": text, **flags}


@pytest.mark.parametrize(
    ("fig", "claim", "ok"),
    [
        (Figure(0, 0, 3825, 3825), _claim(3825), True),
        (Figure(0, 0, 3800, 3800), _claim(3825), False),  # a bare figure is exact
        (Figure(0, 0, 3800, 3800, approx=True), _claim(3825), True),  # 'about' rounds (5%)
        (Figure(0, 0, 110, 110), _claim(108, 112), True),  # inside a range
        (Figure(0, 0, 88, 92), _claim(88), False),
        (Figure(0, 0, 5000, 5000, at_least=True), _claim(5000, at_least=True), True),
        (Figure(0, 0, 5000, 5000), _claim(5000, at_least=True), True),  # note: lower bound
        (Figure(0, 0, 6000, 6000), _claim(5000, at_least=True), False),
        (Figure(0, 0, 100000, 100000, at_least=True), _claim(100617), True),
        (Figure(0, 0, 100, 100, at_least=True), _claim(3825), False),  # true but not the claim
        (Figure(0, 0, 230000, 230000, upper_bound=True), _claim(230000, upper_bound=True), True),
    ],
)
def test_agreement_rules(fig: Figure, claim: dict[str, Any], ok: bool) -> None:
    assert agrees(fig, claim)[0] is ok


def test_a_figure_without_a_measure_is_not_checked() -> None:
    assert extract("Armenia had 3,000 tanks and 40,000 men under arms in 2020.") == []
