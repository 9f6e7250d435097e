"""The evaluation corpus of `nkfacts check` (tests/data/check_eval/corpus.yaml) and its held-out
companions (holdout.yaml, holdout2.yaml, holdout3.yaml, holdout4.yaml,
holdout5.yaml, holdout6.yaml, holdout7.yaml) are well formed, and
`scripts/eval_check.py` runs and prints its report. The reader's scores are NOT asserted:
they are what the script measures."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
sys.path.insert(0, str(SCRIPTS))

import eval_check  # noqa: E402
from eval_check import CORPUS, CorpusError, load_corpus, locate, period_span  # noqa: E402

HOLDOUT = CORPUS.parent / "holdout.yaml"
HOLDOUT2 = CORPUS.parent / "holdout2.yaml"
HOLDOUT3 = CORPUS.parent / "holdout3.yaml"
HOLDOUT4 = CORPUS.parent / "holdout4.yaml"
HOLDOUT5 = CORPUS.parent / "holdout5.yaml"
HOLDOUT6 = CORPUS.parent / "holdout6.yaml"
HOLDOUT7 = CORPUS.parent / "holdout7.yaml"

Corpus = tuple[list[eval_check.Draft], dict[str, str]]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(CORPUS)


@pytest.fixture(
    scope="module",
    params=[CORPUS, HOLDOUT, HOLDOUT2, HOLDOUT3, HOLDOUT4, HOLDOUT5, HOLDOUT6, HOLDOUT7],
    ids=[
        "corpus",
        "holdout",
        "holdout2",
        "holdout3",
        "holdout4",
        "holdout5",
        "holdout6",
        "holdout7",
    ],
)
def any_corpus(request: pytest.FixtureRequest) -> Corpus:
    path: Path = request.param
    return load_corpus(path)


def test_counts(corpus: Corpus) -> None:
    drafts, _ = corpus
    figures = [lab for d in drafts for lab in d.labels if not lab.trap]
    traps = [lab for d in drafts for lab in d.labels if lab.trap]
    assert len(drafts) >= 60
    assert len(figures) >= 250
    assert len(traps) >= 20
    assert len({(t.draft, t.start) for t in traps}) == len(traps)
    assert {f.verdict for f in figures} == set(eval_check.VERDICTS)
    assert sum(1 for d in drafts if not any(not lab.trap for lab in d.labels)) >= 5  # trap-only


@pytest.mark.parametrize(
    ("path", "prefix"),
    [
        (HOLDOUT, "ho-"),
        (HOLDOUT2, "h2-"),
        (HOLDOUT3, "h3-"),
        (HOLDOUT4, "h4-"),
        (HOLDOUT5, "h5-"),
        (HOLDOUT6, "h6-"),
        (HOLDOUT7, "h7-"),
    ],
    ids=["holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7"],
)
def test_holdout_counts(path: Path, prefix: str) -> None:
    drafts, _ = load_corpus(path)
    figures = [lab for d in drafts for lab in d.labels if not lab.trap]
    traps = [lab for d in drafts for lab in d.labels if lab.trap]
    assert len(drafts) >= 30
    assert len(figures) >= 80
    assert len(traps) >= 15
    assert all(d.id.startswith(prefix) for d in drafts)
    assert {f.verdict for f in figures} == set(eval_check.VERDICTS)
    others = {
        d.text
        for p in (CORPUS, HOLDOUT, HOLDOUT2, HOLDOUT3, HOLDOUT4, HOLDOUT5, HOLDOUT6, HOLDOUT7)
        if p != path
        for d in load_corpus(p)[0]
    }
    assert not others & {d.text for d in drafts}


def test_every_number_text_is_where_the_label_says(any_corpus: Corpus) -> None:
    for d in drafts_of(any_corpus):
        for lab in d.labels:
            assert d.text[lab.start : lab.end] == lab.n, (d.id, lab.n)


def drafts_of(corpus: Corpus) -> list[eval_check.Draft]:
    return corpus[0]


def test_drafts_are_short(any_corpus: Corpus) -> None:
    for d in drafts_of(any_corpus):
        body = "\n".join(line for line in d.text.splitlines() if not line.startswith("#"))
        sentences = [s for s in body.replace("?", ".").split(". ") if s.strip()]
        assert 1 <= len(sentences) <= 5, d.id


def test_vocabularies(any_corpus: Corpus) -> None:
    from nkfacts.core import vocab

    drafts, names = any_corpus
    for d in drafts:
        for lab in d.labels:
            if lab.trap:
                continue
            assert set(lab.expected["party"]) <= set(vocab.PARTIES) | {"none"}
            assert set(lab.expected["category"]) <= set(vocab.CATEGORIES) | {"any"}
            assert set(lab.expected["measure"]) <= set(vocab.MEASURES)
            for p in lab.expected["period"]:
                assert p == "none" or period_span(p, names) is not None
            assert lab.verdict in eval_check.VERDICTS


@pytest.mark.parametrize(
    "phrase",
    [
        "between 1 and 5 April 2016",
        "from February 1993 to May 1994",
        "said on 11 January 2021",
        "Western and Russian estimates",
        "according to",
        "officials said",
        "the ministry reported",
        "people in Nagorno-Karabakh",
        "Karabakh Armenians",
        "ethnic Armenians of the enclave",
        "Correlates of War",
        "UCDP",
        "battle-related deaths",
        "ten civilians — six Azerbaijanis and four Armenians",
        "more than 290",
        "at least 170",
        "255 Armenian tanks",
    ],
)
def test_every_failure_class_is_covered(phrase: str) -> None:
    assert phrase.casefold() in CORPUS.read_text(encoding="utf-8").casefold()


def test_period_spans() -> None:
    names = {"war": "2020-09-27/2020-11-10"}
    assert str(period_span("2016", {})) == (
        "(datetime.date(2016, 1, 1), datetime.date(2016, 12, 31))"
    )
    assert str(period_span("2016-02", {})) == (
        "(datetime.date(2016, 2, 1), datetime.date(2016, 2, 29))"
    )
    assert period_span("war", names) == period_span("2020-09-27/2020-11-10", {})
    assert period_span("none", {}) is None
    with pytest.raises(ValueError):
        period_span("April 2016", {})


def test_locate_whole_tokens() -> None:
    text = "In the four-day war, four soldiers and 14 others; 4,210 missing."
    assert locate(text, "four", 0) == (21, 25)
    assert locate(text, "4", 0) == "number text '4' does not occur in the draft"
    assert "occurs 2 times" in str(locate("one and one", "one", 0))
    assert locate("one and one", "one", 2) == (8, 11)


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "corpus.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_malformed_corpus_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(
        tmp_path,
        "drafts:\n- id: x\n  style: blog\n  text: Nine soldiers died in 2014.\n"
        "  figures:\n  - {n: '12', party: Narnia, category: military, measure: killed,"
        " period: 2014, verdict: maybe}\n",
    )
    assert eval_check.main(["--corpus", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "'12' does not occur" in err
    assert "party 'Narnia'" in err
    assert "verdict 'maybe'" in err
    with pytest.raises(CorpusError):
        load_corpus(_write(tmp_path, "just text"))
    with pytest.raises(CorpusError, match="without a number text"):
        load_corpus(_write(tmp_path, "drafts:\n- {id: y, style: blog, text: t, traps: [5]}\n"))


def test_the_script_prints_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert eval_check.main(["--failures"]) == 0
    out = capsys.readouterr().out
    for heading in ("extraction", "trap false alarms", "reading", "claimant", "verdict"):
        assert heading in out
    for verdict in ("matches", "disputed", "differs", "unknown", "accuracy", "confusion"):
        assert verdict in out
    assert "failures (" in out


def test_the_script_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert eval_check.main(["--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["corpus"]["figures"] >= 250
    assert set(report["slots"]) == {"party", "category", "measure", "period", "claimant"}
    assert set(report["verdicts"]["per_class"]) == set(eval_check.VERDICTS)
    assert 0 <= report["extraction"]["precision"] <= 1
    assert "failures" not in report


def test_scoring_on_a_made_up_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Alignment and counts, independent of the real reader."""
    path = _write(
        tmp_path,
        "drafts:\n- id: x\n  style: blog\n  text: In 2014, 27 Armenian soldiers died and 14 tanks"
        " were lost; 5 km away, 3 more.\n"
        "  figures:\n  - {n: '27', party: Armenia, category: military, measure: killed,"
        " period: 2014, claimant: UCDP, verdict: matches}\n"
        "  traps:\n  - {n: '14', why: equipment}\n",
    )

    def reader(drafts: list[eval_check.Draft]) -> dict[str, list[dict[str, object]]]:
        def found(start: int, end: int, verdict: str) -> dict[str, object]:
            ctx = {"party": "Armenia", "category": None, "measure": "killed", "period": None}
            return {"span": {"start": start, "end": end}, "context": ctx, "verdict": verdict}

        return {"x": [found(9, 11, "disputed"), found(39, 41, "unknown"), found(70, 71, "x")]}

    monkeypatch.setattr(eval_check, "run_in_process", reader)
    assert eval_check.main(["--corpus", str(path), "--json", "--failures"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["extraction"] == {
        "true_positives": 1,
        "false_positives": 2,
        "false_negatives": 0,
        "precision": 0.333,
        "recall": 1.0,
        "f1": 0.5,
    }
    assert rep["traps"]["false_alarms"] == 1
    assert rep["slots"]["party"]["correct"] == 1
    assert rep["slots"]["category"]["correct"] == 0
    assert rep["slots"]["claimant"] == {"scored": 1, "correct": 0, "accuracy": 0.0}
    assert rep["verdicts"]["confusion"]["matches"]["disputed"] == 1
    assert rep["verdicts"]["accuracy"] == 0.0
    assert any("trap reported" in f for f in rep["failures"])
