"""One function writes the claim sentence (nkfacts.core.claims): every place that writes it
agrees with it, and no other module spells it out."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import nkfacts
from nkfacts.answers import disputes, query, show
from nkfacts.cite.base import statement
from nkfacts.core.claims import FORMS, claim_sentence
from nkfacts.core.contract import Casualty
from nkfacts.core.escape import terminal
from nkfacts.output.chart import chart
from nkfacts.output.showtext import detail_text
from nkfacts.store import index

SHARE_CACHE = True
DATA = Path(__file__).resolve().parent.parent / "data"
PACKAGE = Path(nkfacts.__file__).parent
_AZ = str.maketrans({"ə": "e", "Ə": "E", "ı": "i"})  # as the index folds its search text


@pytest.fixture(scope="module")
def casualties() -> list[Casualty]:
    con = index.open_index(DATA)
    rows = query.casualties(con)
    con.close()
    return rows


def _samples(rows: list[Casualty]) -> list[Casualty]:
    """A figure in the article's own voice, one naming displaced people, one of one year."""
    unattributed = next(r for r in rows if r["claimant"] == "unattributed")
    people = next(r for r in rows if r["measure"] == "displaced" and "Armenians" in r["quote"])
    one_year = next(r for r in rows if r["start"][:4] == r["end"][:4])
    return [unattributed, people, one_year]


def test_the_sentence_in_words() -> None:
    r = {"figure": "≈3,000", "party": "Armenia", "category": "military", "measure": "killed"}
    r |= {"period": "2020", "claimant": "unattributed", "quote": ""}
    assert claim_sentence(r) == "≈3,000 (Armenia, military, killed, 2020), per the article"
    assert claim_sentence(r, "label", attributed=False) == "Armenia military killed, 2020"
    raw = claim_sentence(r, "search", people=False, voice=False)
    assert raw == "≈3,000 Armenia military killed, 2020, per unattributed"
    assert claim_sentence(r, "show", subject="Armenians") == (
        "≈3,000 Armenians military killed, 2020 — per the article"
    )


def test_cite_chart_show_and_search_agree(casualties: list[Casualty]) -> None:
    con = index.open_index(DATA)
    charted = 0
    for r in _samples(casualties):
        assert statement("casualty", r) == claim_sentence(r, "cite")
        if r["start"][:4] == r["end"][:4]:
            assert terminal(claim_sentence(r, "label")) in chart([r], width=1000)
            charted += 1
        body = con.execute("SELECT body FROM search WHERE id = ?", (r["id"],)).fetchone()[0]
        said = claim_sentence(r, "search", people=False, voice=False).translate(_AZ)
        assert body.startswith(said + ": “")
    assert charted
    for r in casualties:  # `show` lists the figures competing with it
        competing = query.competing(con, r)
        if competing:
            text = detail_text(show.detail(con, r["id"]), width=1000, everything=True)
            assert claim_sentence(competing[0], "show", people=False) in text
            break
    else:
        pytest.fail("no figure with a competing one")
    con.close()


def test_dispute_headings_are_the_label_form(casualties: list[Casualty]) -> None:
    found = disputes.find(casualties)
    totals = [d for d in found if d["kind"] == "table-total"]
    assert all(d["subject"].startswith("Both sides ") for d in totals)
    figures = [d for d in found if d["kind"] in ("competing", "revision", "inconsistent")]
    assert figures and totals
    for d in figures:
        # The cluster's first record (its party and start) gives the words; a heading per
        # claimant names that claimant; whose people may be named ('Armenians').
        first = [r for r in casualties if (r["party"], r["start"]) == (d["party"], d["start"])]
        said = {
            claim_sentence({**r, "claimant": c["claimant"]}, "label", subject=s, attributed=a)
            for r in first
            for c in d["claims"]
            for s in (r["party"], "Armenians", "Azerbaijanis")
            for a in (True, False)
        }
        assert d["subject"] in said


def test_every_form_says_the_same_fields_in_the_same_order() -> None:
    order = ["subject", "category", "measure", "period"]
    for what, by in FORMS.values():
        named = [f for f in order if "{" + f + "}" in what]
        assert named == order and by.count("{claimant}") == 1
        assert what.index("{subject}") < what.index("{period}")


def test_no_other_module_spells_the_sentence_out() -> None:
    """An f-string with a record's category and measure is the claim sentence written again."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "core" / "claims.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            keys = {
                v.slice.value
                for v in ast.walk(node)
                if isinstance(v, ast.Subscript) and isinstance(v.slice, ast.Constant)
            }
            if {"category", "measure"} <= keys:
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []
