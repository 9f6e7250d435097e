"""The curated data itself: verbatim quotes, resolvable citations, coverage, acceptance rows."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import DATA

from nkfacts.load.validate import check

FILES = ("casualties", "datasets", "events", "ceasefires", "violations", "positions")


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
        if name == "datasets":
            continue  # a dataset's ref is its row key: test_dataset_refs_are_the_rows_keys
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
        for r in _records("casualties") + _records("datasets")
        if texts[r["citations"][0]["source"]].count(r["quote"]) != 1
    ]
    assert not ambiguous, "\n".join(ambiguous)


def _row(source_file: Path, quote: str) -> dict[str, str]:
    lines = source_file.read_text(encoding="utf-8").splitlines()
    return dict(zip(next(csv.reader([lines[0]])), next(csv.reader([quote])), strict=True))


def test_dataset_refs_are_the_rows_keys(sources: Path) -> None:
    # UCDP: conflict_id/year; COW: WarNum/ccode of the row's state. Independent of the validator.
    files = {
        s["id"]: sources / s["file"] for s in _records("sources") if s.get("kind") == "dataset"
    }
    recs = _records("datasets")
    assert recs and all(r["citations"][0]["source"] in files for r in recs)
    for r in recs:
        row = _row(files[r["citations"][0]["source"]], r["quote"])
        ref = r["citations"][0]["ref"]
        if "bd_best" in row:
            assert ref == f"{row['conflict_id']}/{row['year']}", r["id"]
            assert (r["best"], r["low"], r["high"], r["start"]) == (
                int(row["bd_best"]),
                int(row["bd_low"]),
                int(row["bd_high"]),
                row["year"],
            ), r["id"]
        else:
            codes = {row.get("ccode"), row.get("CcodeA"), row.get("CcodeB")} - {None, "-8"}
            assert ref.split("/")[0] == row["WarNum"] and ref.split("/")[1] in codes, r["id"]


def test_every_dataset_row_is_a_record(sources: Path) -> None:
    # 37 UCDP rows (20 in 24.1, 17 in 21.1), and COW's five per-side figures (no -8 deaths).
    by_source: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    for r in _records("datasets"):
        by_source.setdefault(r["citations"][0]["source"], []).append(r)
    assert {k: len(v) for k, v in by_source.items()} == {
        "ucdp-brd-24-1": 20,
        "ucdp-brd-21-1": 17,
        "cow-intra-4-1": 3,
        "cow-inter-4-0": 2,
    }
    cow = sorted(
        (r["party"], r["low"], r["start"], r["end"])
        for r in by_source["cow-intra-4-1"] + by_source["cow-inter-4-0"]
    )
    assert cow == [
        ("Armenia", 1000, "1991-12-26", "1993-02-05"),
        ("Armenia", 5500, "1993-02-06", "1994-05-12"),
        ("Artsakh", 3000, "1991-12-26", "1993-02-05"),
        ("Azerbaijan", 7000, "1991-12-26", "1993-02-05"),
        ("Azerbaijan", 8500, "1993-02-06", "1994-05-12"),
    ]
    ucdp = {r["id"]: r for r in by_source["ucdp-brd-24-1"]}
    assert {r["claimant"] for r in by_source["ucdp-brd-21-1"]} == {"UCDP"}
    assert ucdp["cas-ucdp-brd-24-1-388-2016"]["claimant"] == "UCDP"


def test_datasets_yaml_is_what_the_importer_generates(sources: Path) -> None:
    script = DATA.parent / "scripts" / "import_datasets.py"
    proc = subprocess.run(
        [sys.executable, str(script), "--sources", str(sources), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


def test_validate_catches_a_transcription_slip_in_a_dataset_record(
    sources: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "datasets.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("- id: cas-ucdp-brd-24-1-388-2016")
    path.write_text(text[:at] + text[at:].replace("best: 141", "best: 142", 1), encoding="utf-8")
    problems = [(p["code"], p["id"], p["field"]) for p in check(data, sources).errors]
    assert problems == [("dataset-figure", "cas-ucdp-brd-24-1-388-2016", "best")]
