"""`nkfacts check --format claimreview`: schema.org ClaimReview JSON-LD, read back with a real
JSON-LD processor (pyld), with the fields Google's fact-check markup requires: claimReviewed,
reviewRating (with alternateName), url or itemReviewed, author, datePublished."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from pyld import jsonld
from typer.testing import CliRunner

from nkfacts.checkdraft.claimreview import RATING, claimreviews
from nkfacts.cli import app

runner = CliRunner()
EXAMPLE = Path(__file__).parent / "data" / "check_example.md"
S = "http://schema.org/"
# The schema.org context, offline: every term in the schema.org vocabulary, URLs as IRIs.
CONTEXT = {"@context": {"@vocab": S, "url": {"@type": "@id"}}}


def _loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


def _expanded(doc: Any) -> list[dict[str, Any]]:
    return jsonld.expand(doc, {"documentLoader": _loader})  # type: ignore[no-any-return]


def _value(node: dict[str, Any], term: str) -> Any:
    values = node[S + term]
    first = values[0]
    return first.get("@value", first.get("@id", first))


def _run(*extra: str) -> tuple[int, list[dict[str, Any]]]:
    r = runner.invoke(app, ["check", str(EXAMPLE), "--format", "claimreview", *extra])
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, json.loads(r.stdout)


def test_one_review_per_figure_with_googles_required_fields() -> None:
    code, doc = _run("--url", "https://news.example/story", "--publisher", "Newsroom")
    assert code == 4  # the exit status is the check's: one figure differs
    nodes = _expanded(doc)
    assert len(nodes) == len(doc) == 8
    today = date.today().isoformat()
    for n, node in enumerate(nodes, 1):
        assert node["@type"] == [S + "ClaimReview"]
        assert _value(node, "claimReviewed")
        assert _value(node, "datePublished") == today
        assert _value(node, "url") == f"https://news.example/story#figure-{n}"
        author = node[S + "author"][0]
        assert author["@type"] == [S + "Organization"]
        assert _value(author, "name") == "Newsroom"
        rating = node[S + "reviewRating"][0]
        verdict = _value(rating, "alternateName")
        assert _value(rating, "ratingValue") == RATING[verdict]
        assert (_value(rating, "bestRating"), _value(rating, "worstRating")) == (4, 1)
        item = node[S + "itemReviewed"][0]
        assert item["@type"] == [S + "Claim"]
        where = item[S + "appearance"][0]
        assert _value(where, "url") == "https://news.example/story"
    verdicts = [_value(n[S + "reviewRating"][0], "alternateName") for n in nodes]
    assert verdicts[:2] == ["disputed", "disputed"] and "differs" in verdicts


def test_matching_claims_are_the_evidence_with_their_citations() -> None:
    _, doc = _run()
    first = _expanded(doc)[0]
    assert "3,825" in _value(first, "claimReviewed")
    evidence = first[S + "isBasedOn"]
    matching = [e for e in evidence if _value(e, "description") == "matches"]
    assert matching and all(e["@type"] == [S + "Claim"] for e in matching)
    cited = matching[0][S + "citation"][0]
    assert _value(cited, "url").startswith("https://")
    sources = first[S + "citation"]
    assert {_value(s, "url") for s in sources} >= {_value(cited, "url")}
    assert any(S + "position" in s for s in sources)  # the reference label


def test_without_url_the_appearance_is_the_path_and_the_publisher_defaults() -> None:
    _, doc = _run()
    assert "url" not in doc[0]
    assert doc[0]["itemReviewed"]["appearance"]["name"] == str(EXAMPLE)
    assert doc[0]["author"]["name"] == "nkfacts"


def test_building_reviews_directly() -> None:
    finding = {
        "verdict": "unknown",
        "notes": ["no period: name a year, a date or the war"],
        "claims": [],
        "span": {"start": 0, "end": 2, "text": "50"},
        "sentence": {"start": 0, "end": 22},
    }
    [r] = claimreviews([finding], "50 soldiers died.  Yes", appearance="d.md", is_url=False)
    assert r["reviewRating"]["ratingValue"] == 2
    assert r["claimReviewed"] == "50 soldiers died. Yes"
    assert r["isBasedOn"] == [] and r["citation"] == []
    assert "no period" in r["reviewRating"]["ratingExplanation"]
