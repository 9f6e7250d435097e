"""Records spilled to disk during validation (issue 26: a million records in bounded memory)
give the same problems, in the same order, and the same records as records held in a list."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA

from nkfacts.load import spill, validate

BROKEN = """
- id: cas-nk-infobox-1988-1994-killed
  party: Armenia
  category: military
  measure: killed
  start: '2016'
  low: 5
  claimant: unattributed
  citations:
  - {source: nk-conflict, ref: '42'}
  quote: a duplicate id
- id: cas-spill-part-missing
  party: Armenia
  category: military
  measure: killed
  start: '2016'
  low: 5
  claimant: unattributed
  part_of: cas-spill-nowhere
  citations:
  - {source: nk-conflict, ref: '42'}
  quote: 5 killed
- id: cas-spill-part-self
  party: Armenia
  category: military
  measure: killed
  start: '2016'
  low: 5
  claimant: unattributed
  part_of: cas-spill-part-self
  citations:
  - {source: nk-conflict, ref: '42'}
  quote: 5 killed
- id: cas-spill-whole
  party: Azerbaijan
  category: military
  measure: killed
  start: '2016'
  low: 10
  high: 12
  claimant: unattributed
  citations:
  - {source: nk-conflict, ref: '42'}
  quote: 10 to 12 killed
- id: cas-spill-part-other-party
  party: Armenia
  category: military
  measure: killed
  start: '2016'
  low: 5
  claimant: unattributed
  part_of: cas-spill-whole
  citations:
  - {source: nk-conflict, ref: '42'}
  quote: 5 killed
- id: cas-spill-part-too-big
  party: Azerbaijan
  category: military
  measure: killed
  start: '2016'
  low: 20
  claimant: unattributed
  part_of: cas-spill-whole
  citations:
  - {source: nk-conflict, ref: '42'}
  quote: 20 killed
- id: cas-spill-total
  party: Both sides
  category: military
  measure: killed
  start: '2016'
  low: 99
  claimant: unattributed
  citations:
  - {source: nk-conflict, ref: '42'}
  quote: 99 killed
- id: cas-spill-final
  party: Azerbaijan
  category: military
  measure: killed
  start: '2016'
  low: 11
  claimant: unattributed
  as_of: '2016-05'
  citations:
  - {source: nk-conflict, ref: '42'}
  quote: the final figure, 11 killed
  note: The final figure.
- id: cas-spill-range
  party: Azerbaijan
  category: military
  measure: killed
  start: '2017'
  end: '2016'
  low: 9
  high: 3
  claimant: unattributed
  citations:
  - {source: nk-conflict, ref: '42'}
  quote: 9 killed
"""


def outcome(data: Path, sources: Path | None, spill_at: int) -> tuple[Any, ...]:
    before = spill.SPILL_AT
    spill.SPILL_AT = spill_at
    try:
        ds = validate.check(data, sources)
    finally:
        spill.SPILL_AT = before
    if ds.valid:  # the public records, in output order
        return ds.problems, {k: list(ds.take_public(k)) for k in list(ds.records)}, True
    return ds.problems, {k: list(v) for k, v in ds.records.items()}, False  # the good ones


@pytest.mark.parametrize("spill_at", [1, 50])
def test_the_real_data_spilled_or_not(sources: Path, spill_at: int) -> None:
    held = outcome(DATA, sources, 1_000_000)
    assert held[2] and held[1] is not None and len(held[1]["casualty"]) > 200
    assert outcome(DATA, sources, spill_at) == held


def test_errors_spilled_or_not(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "casualties.yaml"
    path.write_text(path.read_text(encoding="utf-8") + BROKEN, encoding="utf-8")
    held = outcome(data, None, 1_000_000)
    codes = {p["code"] for p in held[0]}
    assert {"duplicate-id", "link", "range", "date-order", "table-total"} <= codes, codes
    assert outcome(data, None, 1) == held
    bad = {p["id"] for p in held[0] if p["severity"] == "error"}
    assert "cas-spill-part-missing" in bad and "cas-spill-whole" not in bad
    kept = [r["id"] for r in held[1]["casualty"]]
    assert not (bad - {"cas-nk-infobox-1988-1994-killed"}) & set(kept)
    assert kept.count("cas-nk-infobox-1988-1994-killed") == 1  # the first, not its duplicate


def test_a_spilled_list_sorts_stably_and_drops_the_bad() -> None:
    recs: list[dict[str, Any]] = [{"id": f"r{i}", "k": str(i % 3), "bad": i == 4} for i in range(9)]
    s = spill.Spilled(recs)
    assert len(s) == 9 and list(s) == recs
    for r in s:
        if r["bad"]:
            r["_bad"] = True
    assert s.at(4)["_bad"] is True
    s.drop_bad()
    s.sort(key=lambda r: (r["k"],))
    expected = sorted((r for r in recs if not r["bad"]), key=lambda r: str(r["k"]))
    assert list(s) == expected
    s.close()


def test_a_key_with_a_nul_still_sorts_as_tuples() -> None:
    recs = [{"k": "a\0b"}, {"k": "a"}, {"k": "a\0"}]
    s = spill.Spilled(recs)
    s.sort(key=lambda r: (r["k"], "x"))
    assert list(s) == sorted(recs, key=lambda r: (r["k"], "x"))
    s.close()


def test_a_key_not_all_text_sorts_in_python() -> None:
    recs: list[dict[str, Any]] = [{"n": 10}, {"n": 9}, {"n": 100}]
    s = spill.Spilled(recs)
    s.sort(key=lambda r: ("x", r["n"]))  # not all text: sorted in Python
    assert [r["n"] for r in s] == [9, 10, 100]
    s.close()
    assert len(spill.Spilled()) == 0
    empty = spill.Spilled()
    empty.sort(key=lambda r: ("x",))
    assert list(empty) == []


def _undated_reference(casualties: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """`guards.undated_order` as it was before it held only three figures per period."""
    from nkfacts.load.guards import _key, _orders, _period

    ordered = [(rec, word) for rec in casualties if (word := _orders(rec))]
    keys = {_key(rec) for rec, _ in ordered if rec.get("as_of")}
    undated: dict[Any, list[dict[str, Any]]] = {}
    for r in casualties:
        if not r.get("as_of") and _key(r) in keys:
            undated.setdefault(_key(r), []).append(r)
    out = []
    for rec, _word in ordered:
        if not rec.get("as_of"):
            out.append((rec["id"], "it has no as_of"))
            continue
        first, last = _period(rec)
        peers = []
        for r in undated.get(_key(rec), []):
            r_first, r_last = _period(r)
            if r is not rec and r_first <= last and first <= r_last:
                peers.append(r["id"])
                if len(peers) == 3:
                    break
        if peers:
            out.append((rec["id"], ", ".join(peers[:2]) + (" and more" if len(peers) > 2 else "")))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_undated_order_names_the_same_peers_as_before(seed: int) -> None:
    import random

    from nkfacts.load import guards

    rnd = random.Random(seed)
    recs = []
    for i in range(300):
        start = rnd.randint(2015, 2022)
        rec: dict[str, Any] = {
            "id": f"cas-{i}" + rnd.choice(["", "", "", "-final", "-revised"]),
            "claimant": rnd.choice(["A", "B"]),
            "party": rnd.choice(["Armenia", "Azerbaijan"]),
            "category": "military",
            "measure": "killed",
            "start": str(start),
            "end": str(start + rnd.randint(0, 2)),
            "_file": "f",
            "_line": i,
        }
        if rnd.random() < 0.3:
            rec["as_of"] = "2023"
        recs.append(rec)
    found = []
    for p in guards.undated_order(recs):
        which = p.message.split("but ", 1)[1].split(": say", 1)[0]
        found.append((p.rec["id"], which.removesuffix(" (same claim) has no as_of")))
    assert found == _undated_reference(recs)
    assert any("and more" in w for _, w in found)
