"""The curated data itself: verbatim quotes, resolvable citations, coverage, acceptance rows."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from conftest import DATA

from nkfacts.validate import check

FILES = ("casualties", "events", "ceasefires", "violations", "positions")


def _records(name: str) -> list[dict]:  # type: ignore[type-arg]
    return yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_every_quote_is_verbatim_in_its_snapshot(sources: Path) -> None:
    # Independent of the validator: plain PyYAML and `in`.
    index = {s["id"]: s["file"] for s in _records("sources")}
    texts = {sid: (sources / f).read_text(encoding="utf-8") for sid, f in index.items()}
    missing = []
    total = 0
    for name in FILES:
        for rec in _records(name):
            total += 1
            src = rec["citations"][0]["source"]
            if rec["quote"] not in texts[src]:
                missing.append(f"{name}:{rec['id']}: {rec['quote']!r}")
    assert total > 900
    assert not missing, "\n".join(missing)


def test_reference_labels_are_printed_in_the_quoted_article(sources: Path) -> None:
    index = {s["id"]: s["file"] for s in _records("sources")}
    texts = {sid: (sources / f).read_text(encoding="utf-8") for sid, f in index.items()}
    unknown = []
    for name in FILES:
        for rec in _records(name):
            for c in rec["citations"]:
                if c["ref"] is not None and not re.search(
                    rf"\[ ?{re.escape(c['ref'])} ?\]", texts[c["source"]]
                ):
                    unknown.append(f"{rec['id']}: [{c['ref']}] not in {c['source']}")
    assert not unknown, "\n".join(unknown)


def test_validator_finds_no_error_in_the_shipped_data(sources: Path) -> None:
    ds = check(DATA, sources)
    assert ds.errors == []
    assert len(ds.records["casualty"]) >= 200
    assert len(ds.records["event"]) >= 150
    assert len(ds.records["ceasefire"]) >= 6


def test_ids_unique_and_dates_real() -> None:
    seen: set[str] = set()
    for name in FILES:
        for rec in _records(name):
            assert rec["id"] not in seen, rec["id"]
            seen.add(rec["id"])
    ds = check(DATA)
    assert not [
        p for p in ds.errors if p["code"] in ("date", "date-order", "duplicate-id", "range")
    ]


def test_the_six_required_ceasefires_exist() -> None:
    ids = {c["id"] for c in _records("ceasefires")}
    assert {
        "cf-1994-bishkek",
        "cf-2020-10-10-moscow",
        "cf-2020-10-17-second",
        "cf-2020-10-26-us",
        "cf-2020-11-10-tripartite",
        "cf-2023-09-20",
    } <= ids


def test_contested_2020_figures_are_separate_records() -> None:
    recs = _records("casualties")
    arm = [r for r in recs if r["low"] == 3825 and r["party"] == "Armenia"]
    aze_claim = [
        r for r in recs if r["low"] == 5000 and r["party"] == "Armenia" and r.get("at_least")
    ]
    assert arm and aze_claim
    assert {r["claimant"] for r in arm}.isdisjoint({r["claimant"] for r in aze_claim})
    revised = {
        (r["low"], r.get("as_of"))
        for r in recs
        if r["party"] == "Azerbaijan" and r["low"] in (2853, 2906)
    }
    assert (2853, "2021-01-11") in revised and any(low == 2906 for low, _ in revised)


def test_casualty_quotes_point_to_one_place(sources: Path) -> None:
    # A reader searching the article for the quote must land on the right sentence or cell.
    index = {s["id"]: s["file"] for s in _records("sources")}
    texts = {sid: (sources / f).read_text(encoding="utf-8") for sid, f in index.items()}
    ambiguous = [
        f"{r['id']}: {r['quote']!r} occurs {texts[r['citations'][0]['source']].count(r['quote'])}x"
        for r in _records("casualties")
        if texts[r["citations"][0]["source"]].count(r["quote"]) != 1
    ]
    assert not ambiguous, "\n".join(ambiguous)
