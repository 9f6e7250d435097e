"""A reference to follow for every claim: passage_ref, checked against the snapshot."""

from __future__ import annotations

from pathlib import Path

from conftest import DATA

from nkfacts.load.quotes import passage_label
from nkfacts.load.validate import check

SHARE_CACHE = True  # its tests only read: one index per data directory (conftest)


def _problems(data: Path, sources: Path, code: str) -> list[dict[str, object]]:
    return [p for p in check(data, sources).problems if p["code"] == code]


def test_passage_label_is_the_next_label_in_the_same_paragraph() -> None:
    text = "A claim here. Another sentence.[12][13] More.\nNext paragraph [99]."
    assert passage_label(text, "A claim here") == "12"
    assert passage_label(text, "More.") is None  # the paragraph ends before any label
    assert passage_label(text, "Next paragraph") == "99"
    assert passage_label(text, "absent") is None
    # Editorial brackets inside quotations are not labels; note letters are.
    quoted = 'He said "they [would] leave...[and] go".[58] Later [c] too.'
    assert passage_label(quoted, "He said") == "58"
    assert passage_label(quoted, "Later") == "c"


def test_every_unlabelled_claim_has_its_passage_label(sources: Path) -> None:
    assert _problems(DATA, sources, "passage-ref") == []
    # and the shipped data really uses it
    text = (DATA / "positions.yaml").read_text(encoding="utf-8")
    assert text.count("passage_ref:") > 50


def _mini_with_article(mini: Path, tmp_path: Path, article: str, ref: str | None) -> Path:
    snap = tmp_path / "snap"
    snap.mkdir()
    (snap / "article.txt").write_text(article, encoding="utf-8")
    events = (mini / "events.yaml").read_text(encoding="utf-8")
    cite = (
        "{source: art, ref: null}"
        if ref is None
        else f"{{source: art, ref: null, passage_ref: '{ref}'}}"
    )
    (mini / "events.yaml").write_text(
        events.replace("{source: art, ref: null}", cite, 1), encoding="utf-8"
    )
    return snap


def test_validate_fails_on_a_wrong_passage_ref(mini: Path, tmp_path: Path) -> None:
    article = (
        (mini / "article.txt")
        .read_text(encoding="utf-8")
        .replace("about 90 people.", "about 90 people.[7]")
    )
    snap = _mini_with_article(mini, tmp_path, article, "8")
    problems = _problems(mini, snap, "passage-ref")
    assert problems and problems[0]["severity"] == "error" and "'7'" in str(problems[0]["message"])


def test_validate_accepts_the_right_passage_ref_and_warns_when_missing(
    mini: Path, tmp_path: Path
) -> None:
    article = (
        (mini / "article.txt")
        .read_text(encoding="utf-8")
        .replace("about 90 people.", "about 90 people.[7]")
    )
    snap = _mini_with_article(mini, tmp_path, article, "7")
    assert _problems(mini, snap, "passage-ref") == []


def test_validate_warns_when_a_passage_ref_is_missing(mini: Path, tmp_path: Path) -> None:
    article = (
        (mini / "article.txt")
        .read_text(encoding="utf-8")
        .replace("about 90 people.", "about 90 people.[7]")
    )
    snap = _mini_with_article(mini, tmp_path, article, None)
    problems = _problems(mini, snap, "passage-ref")
    assert problems and problems[0]["severity"] == "warning"


def test_the_2023_ceasefire_cites_every_sentence_it_uses() -> None:
    import yaml

    cfs = yaml.safe_load((DATA / "ceasefires.yaml").read_text(encoding="utf-8"))
    cf = next(c for c in cfs if c["id"] == "cf-2023-09-20")
    assert {"9", "89", "90"} <= {c["ref"] for c in cf["citations"]}


def test_attributed_readings_name_their_reader() -> None:
    import yaml

    positions = yaml.safe_load((DATA / "positions.yaml").read_text(encoding="utf-8"))
    unnamed = [
        p["id"]
        for p in positions
        if p.get("attributed_to") and p["attributed_to"].lower() not in p["summary"].lower()
    ]
    assert not unnamed, unnamed
