"""Curation guards (issue 25): one broken record per guard that trips it, one near miss that
does not. Each guard is a warning (exit 0) reported at the record's file:line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO
from typer.testing import CliRunner

from nkfacts.cli import app
from nkfacts.load import guards
from nkfacts.load.validate import check


def _add(data: Path, fname: str, text: str) -> None:
    path = data / fname
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _flagged(data: Path, code: str, sources: Path | None = None) -> dict[str, int | None]:
    """The ids a guard warns about, with the line it reports; no guard is ever an error."""
    ds = check(data, sources)
    assert ds.valid, ds.errors
    found = [p for p in ds.problems if p["code"] == code]
    assert all(p["severity"] == "warning" for p in found)
    return {p["id"]: p["line"] for p in found}


def _position(
    rid: str, quote: str, summary: str, stance: str = "calls-for-peace", **extra: str
) -> str:
    more = "".join(f"  {k}: {v!r}\n" for k, v in extra.items())
    return (
        f"- id: {rid}\n  actor: Russia\n  kind: statement\n  stance: {stance}\n"
        f"  summary: {summary!r}\n  citations: [{{source: art, ref: null}}]\n"
        f"  quote: {quote!r}\n{more}"
    )


def _casualty(rid: str, quote: str, category: str = "total", **extra: str) -> str:
    more = "".join(f"  {k}: {v!r}\n" for k, v in extra.items())
    return (
        f"- id: {rid}\n  party: Armenia\n  category: {category}\n  measure: killed\n"
        f"  start: '2015'\n  low: 5\n  claimant: unattributed\n"
        f"  citations: [{{source: art, ref: '96'}}]\n  quote: {quote!r}\n{more}"
    )


def _event(rid: str, quote: str, cite: str = "ref: null", **extra: str) -> str:
    more = "".join(f"  {k}: {v!r}\n" for k, v in extra.items())
    return (
        f"- id: {rid}\n  date: '2016-04-02'\n  title: A clash\n  type: clash\n"
        f"  citations: [{{source: art, {cite}}}]\n  quote: {quote!r}\n{more}"
    )


# 1. a note naming a label the citations lack


def test_note_label_not_cited_is_flagged_at_its_line(mini: Path) -> None:
    cite = "ref: '6'}, {source: art, ref: null, passage_ref: '7'"
    _add(mini, "events.yaml", _event("ev-broken", "Fighting on", cite, note="See [12]."))
    _add(mini, "events.yaml", _event("ev-near", "Fighting on", cite, note="[6], [7]; [and]."))
    flagged = _flagged(mini, "note-label")
    lines = (mini / "events.yaml").read_text(encoding="utf-8").splitlines()
    assert list(flagged) == ["ev-broken"]  # [6] [7] are cited; [and] is not a label
    line = flagged["ev-broken"]
    assert line is not None and lines[line - 1] == "- id: ev-broken"


def test_note_label_counts_ref_and_passage_ref() -> None:
    rec = {"citations": [{"ref": "11"}, {"ref": None, "passage_ref": "c"}], "note": "[11] [c]"}
    assert list(guards.note_labels(rec)) == []
    rec["note"] = "[11] [c] [d] [177]"
    (problem,) = guards.note_labels(rec)
    assert "[d], [177]" in problem.message


# 2. a quote shorter than its fact


def test_position_quote_under_three_words(mini: Path) -> None:
    _add(mini, "positions.yaml", _position("p-broken", "Russia called", "Russia called for calm."))
    _add(
        mini, "positions.yaml", _position("p-near", "Russia called for", "Russia called for calm.")
    )
    assert list(_flagged(mini, "quote-short")) == ["p-broken"]


def test_event_quote_that_is_only_a_date(mini: Path) -> None:
    _add(mini, "events.yaml", _event("ev-broken", "on 2 April 2016"))
    _add(mini, "events.yaml", _event("ev-near", "Fighting on 2 April 2016"))
    assert list(_flagged(mini, "quote-short")) == ["ev-broken"]


@pytest.mark.parametrize(
    ("quote", "only_date"),
    [
        ("June", True),
        ("throughout December", True),
        ("27 September 2020", True),
        ("between 1 and 5 April 2016", True),
        ("1994", True),
        ("85% in 2010–14", False),
        ("1,000 and 3,000", False),
        ("June clashes", False),
        ("on 300 days", False),
    ],
)
def test_date_only(quote: str, only_date: bool) -> None:
    assert guards.date_only(quote) is only_date


def test_quote_repeated_in_its_snapshot_needs_sources(mini: Path) -> None:
    # "Fighting" opens two sentences of article.txt; the longer quote is unique
    _add(mini, "events.yaml", _event("ev-broken", "Fighting"))
    _add(mini, "events.yaml", _event("ev-near", "Fighting on 2 April"))
    assert _flagged(mini, "quote-repeated") == {}  # without --sources nothing is compared
    flagged = _flagged(mini, "quote-repeated", sources=mini)
    assert list(flagged) == ["ev-broken"]
    problems = check(mini, mini).problems
    (msg,) = [p["message"] for p in problems if p["code"] == "quote-repeated"]
    assert "2 times in article.txt" in msg


# 3. a stance whose wording the quote and summary lack


def test_stance_without_its_wording(mini: Path) -> None:
    quote, summary = "Russia called for restraint in 2016", "Russia called for restraint."
    _add(mini, "positions.yaml", _position("p-broken", quote, summary, stance="concern"))
    _add(mini, "positions.yaml", _position("p-near", quote, summary, stance="calls-for-peace"))
    _add(mini, "positions.yaml", _position("p-unstated", quote, summary, stance="none-stated"))
    _add(mini, "positions.yaml", _position("p-vote", quote, summary, stance="voted-against"))
    assert list(_flagged(mini, "stance-wording")) == ["p-broken"]


def test_stance_wording_of_a_reading_is_checked_too(mini: Path) -> None:
    quote = "Russia called for restraint in 2016"
    reading = "Per an analyst, Russia was deeply worried."
    _add(mini, "positions.yaml", _position("p-broken", quote, quote, "neutral", attributed_to="X"))
    _add(mini, "positions.yaml", _position("p-near", quote, reading, "concern", attributed_to="X"))
    flagged = _flagged(mini, "stance-wording")
    assert list(flagged) == ["p-broken"]
    (msg,) = [p["message"] for p in check(mini).problems if p["code"] == "stance-wording"]
    assert "(X's reading)" in msg


@pytest.mark.parametrize(
    ("stance", "text", "passes"),
    [
        ("condemns-azerbaijan", "France condemned the offensive", True),
        ("condemns-azerbaijan", "the condemnation was issued", True),
        ("neutral", "Russia will not take sides", True),
        ("neutral", "Russia did not directly interfere", True),
        ("neutral", "Russia plays both sides", False),
        ("supports-armenia", "Armenia and Armenians", False),  # "arms" is a word, not a prefix
        ("supplies-armenia", "Russia sold arms to Armenia", True),
        ("mediator", "the hostilities resumed", False),  # "host" is a whole word
        ("mediator", "Russia hosted the talks", True),
        ("concern", "the UN was alarmed", True),
    ],
)
def test_stance_word_lists(stance: str, text: str, passes: bool) -> None:
    rec = {"stance": stance, "quote": text, "summary": text}
    assert (list(guards.stance_wording(rec)) == []) is passes


def test_every_checked_stance_has_a_word_list_and_the_guide_shows_it() -> None:
    from nkfacts.core.vocab import STANCES

    assert set(guards.STANCE_WORDS) | set(guards.UNCHECKED_STANCES) == set(STANCES)
    guide = (REPO / "docs" / "data-model.md").read_text(encoding="utf-8")
    for stance, words in guards.STANCE_WORDS.items():
        row = re.search(rf"^\| [^|]*`{re.escape(stance)}`[^|]* \| (.*) \|$", guide, re.M)
        assert row, f"docs/data-model.md has no row for {stance}"
        assert row[1] == ", ".join(words), stance


# 4. an order (final, revised, later, earlier) between figures that are not both dated


def test_final_figure_without_as_of(mini: Path) -> None:
    _add(mini, "casualties.yaml", _casualty("c-arm-final", "5 civilians", "civilian"))
    _add(
        mini,
        "casualties.yaml",
        _casualty("c-arm-dated", "5 civilians", "civilian", as_of="2015-12", note="Revised."),
    )
    _add(
        mini,
        "casualties.yaml",
        _casualty("c-arm-text", "5 civilians", "civilian", note="Given two sentences later."),
    )
    flagged = _flagged(mini, "order-undated")
    # c-arm-dated is dated, but the figure it is ordered against (c-arm-final) is not
    assert sorted(flagged) == ["c-arm-dated", "c-arm-final"]


def test_order_between_dated_figures_is_fine(mini: Path) -> None:
    _add(mini, "casualties.yaml", _casualty("c-a", "5 civilians", "civilian", as_of="2016-01"))
    _add(
        mini,
        "casualties.yaml",
        _casualty("c-b-final", "5 civilians", "civilian", as_of="2016-02", note="Later figure."),
    )
    assert _flagged(mini, "order-undated") == {}


# 5. civilians or children filed under category total


def test_total_that_counts_civilians(mini: Path) -> None:
    _add(mini, "casualties.yaml", _casualty("c-broken", "5 civilians"))
    _add(mini, "casualties.yaml", _casualty("c-child", "killing a 13-year-old"))
    _add(mini, "casualties.yaml", _casualty("c-near", "42 Armenian soldiers and 5 civilians"))
    _add(mini, "casualties.yaml", _casualty("c-right", "5 civilians", "civilian"))
    # a mixed count: the civilians are a part of it
    _add(mini, "casualties.yaml", _casualty("c-mixed", "5 Azeris, including one civilian"))
    assert sorted(_flagged(mini, "total-civilian")) == ["c-broken", "c-child"]


# through the command line: warnings, exit 0, file:line


def test_validate_reports_the_guards_as_warnings(mini: Path) -> None:
    _add(mini, "positions.yaml", _position("p-broken", "Russia called", "Russia called."))
    r = CliRunner().invoke(app, ["--data-dir", str(mini), "validate", "--format", "tsv"])
    assert r.exit_code == 0, r.output
    row = next(x for x in r.stdout.splitlines() if "\tquote-short\t" in x).split("\t")
    assert row[0] == "warning" and row[3] == "p-broken"
    assert re.fullmatch(r".*positions\.yaml:\d+", row[2])
