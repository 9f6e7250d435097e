"""Six behaviours no test guarded (issue 20): each test fails on the bug named in its docstring.

Through the command line (Typer's runner), on the shipped data where it has the case, else on
a copy of the mini fixture with the one record or source the case needs."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA
from typer.testing import CliRunner

from nkfacts.answers.search import search
from nkfacts.cli import app
from nkfacts.core.figures import figure
from nkfacts.store import index

SHARE_CACHE = True  # the shipped data is compiled once; each mini copy has its own path

runner = CliRunner()


def nk(*args: str) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args))
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.stdout, r.stderr


def nk_json(*args: str) -> Any:
    code, out, err = nk(*args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def _add(data: Path, fname: str, text: str) -> None:
    path = data / fname
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# 1. ceasefires --year: a ceasefire whose life overlaps the year, not only one within it


def test_ceasefires_year_lists_a_ceasefire_signed_before_and_breached_in_that_year() -> None:
    """Bug: a "within" rule instead of "overlaps" drops Bishkek (1994) from --year 2016."""
    ids = [c["id"] for c in nk_json("ceasefires", "--year", "2016")]
    assert "cf-1994-bishkek" in ids
    # the case is real: Bishkek was signed in 1994 and the shipped data has 2016 breaches of it
    bishkek = next(c for c in nk_json("ceasefires") if c["id"] == "cf-1994-bishkek")
    assert bishkek["signed"].startswith("1994")
    violations = nk_json("ceasefires", "--violations", "--ceasefire", "cf-1994-bishkek")
    assert any(v["date"].startswith("2016") for v in violations)
    assert "cf-2020-11-10-tripartite" not in ids  # signed after 2016: still left out


# 2. events --actor: whole actor names, not prefixes


def test_events_actor_armenia_leaves_out_the_armenian_diaspora() -> None:
    """Bug: a prefix match (`%|armenia%`) adds the 4 events that name "Armenian diaspora" and
    not Armenia."""
    diaspora = nk_json("events", "--actor", "Armenian diaspora")
    not_armenia = {e["id"] for e in diaspora if "Armenia" not in e["actors"]}
    assert len(not_armenia) >= 4  # the shipped data has the case
    armenia = nk_json("events", "--actor", "Armenia")
    assert armenia and all("Armenia" in e["actors"] for e in armenia)
    assert not not_armenia & {e["id"] for e in armenia}


# 3. an approximate upper bound keeps both marks


def test_approximate_upper_bound_prints_both_marks(mini: Path) -> None:
    """Bug: `elif` for one of the marks prints '≈3,000' (or '≤3,000') for 'as many as about
    3,000'."""
    both = {"low": 3000, "high": 3000, "approx": True, "upper_bound": True}
    assert figure(both) == "≤≈3,000"
    assert figure({**both, "upper_bound": False}) == "≈3,000"
    assert figure({**both, "approx": False}) == "≤3,000"
    (mini / "article.txt").write_text(
        (mini / "article.txt").read_text(encoding="utf-8")
        + "As many as about 3,000 people were displaced in 2016.\n",
        encoding="utf-8",
    )
    _add(
        mini,
        "casualties.yaml",
        "- id: c-displaced\n  party: Armenia\n  category: total\n  measure: displaced\n"
        "  start: '2016'\n  low: 3000\n  approx: true\n  upper_bound: true\n"
        "  claimant: unattributed\n  citations: [{source: art, ref: null}]\n"
        "  quote: 'As many as about 3,000 people'\n",
    )
    rows = nk_json("--data-dir", str(mini), "casualties", "--measure", "displaced")
    assert [r["figure"] for r in rows] == ["≤≈3,000"]
    code, out, _ = nk("--data-dir", str(mini), "casualties", "--measure", "displaced")
    assert code == 0 and "≤≈3,000" in out


# 4. the same figure and period from two claimants: two claims


def test_same_figure_from_two_claimants_is_two_claims(mini: Path) -> None:
    """Bug: a claim key without the claimant merges the two into one row (citing the first
    record's reference for both) and `show` calls them the same claim."""
    record = (
        "- id: {rid}\n  party: Armenia\n  category: military\n  measure: killed\n"
        "  start: '2015'\n  low: 42\n  claimant: {who}\n"
        "  citations: [{{source: art, ref: '{ref}'}}]\n  quote: '42 Armenian soldiers'\n"
    )
    _add(mini, "casualties.yaml", record.format(rid="c-arm-am", who="Armenian authorities", ref=97))
    _add(mini, "casualties.yaml", record.format(rid="c-arm-again", who="unattributed", ref=98))
    rows = {r["id"]: r for r in nk_json("--data-dir", str(mini), "casualties")}
    assert rows["c-arm-am"]["claim"] == "c-arm-am"  # a claim of its own
    assert rows["c-arm-again"]["claim"] == "c-arm-2015"  # same claimant: the same claim
    code, out, _ = nk("--data-dir", str(mini), "casualties", "--format", "markdown")
    forty_two = [line for line in out.splitlines() if line.startswith("| 42 |")]
    assert len(forty_two) == 2, out
    am = next(line for line in forty_two if "Armenian authorities" in line)
    assert "art [97]" in am and "96" not in am  # its own reference, not the first record's
    shown = nk_json("--data-dir", str(mini), "show", "c-arm-am")
    assert shown["same_claim"] == []
    assert [r["id"] for r in shown["competing"]] == ["c-arm-2015"]
    code, out, _ = nk("--data-dir", str(mini), "show", "c-arm-am")
    assert code == 0 and "the same claim" not in out
    again = nk_json("--data-dir", str(mini), "show", "c-arm-again")
    assert [r["id"] for r in again["same_claim"]] == ["c-arm-2015"]


# 5. a wikipedia.org URL without `publisher` is still Wikipedia


@pytest.fixture
def wiki_mini(mini: Path) -> Path:
    """The mini fixture whose one article is on wikipedia.org and names no publisher."""
    sources = (mini / "sources.yaml").read_text(encoding="utf-8")
    assert "publisher" not in sources
    (mini / "sources.yaml").write_text(
        sources.replace("https://example.org/test-article", "https://en.wikipedia.org/wiki/Test"),
        encoding="utf-8",
    )
    return mini


def test_wikipedia_url_without_publisher_is_circular_in_wikitext(wiki_mini: Path) -> None:
    """Bug: recognising Wikipedia by `publisher` alone hands out a Wikipedia citation for
    Wikipedia (and the wrong CSL type)."""
    code, out, err = nk("--data-dir", str(wiki_mini), "cite", "c-arm-2015", "--style", "wikitext")
    assert code == 0
    assert out.startswith("<!-- nkfacts c-arm-2015: NOT A CITATION.") and "WP:CIRCULAR" in out
    assert "{{cite" not in out and "follow its reference [96]" in out
    assert "circular sourcing" in err
    code, out, _ = nk("--data-dir", str(wiki_mini), "cite", "c-arm-2015", "--style", "csl-json")
    (item,) = json.loads(out)
    assert item["type"] == "entry-encyclopedia"
    assert item["container-title"] == "Wikipedia"


def test_a_page_elsewhere_is_cited_as_a_web_page(mini: Path) -> None:
    """The near miss: the same source on example.org is an ordinary web page."""
    code, out, err = nk("--data-dir", str(mini), "cite", "c-arm-2015", "--style", "wikitext")
    assert code == 0 and out.startswith("{{cite") and "CIRCULAR" not in out + err
    code, out, _ = nk("--data-dir", str(mini), "cite", "c-arm-2015", "--style", "csl-json")
    assert json.loads(out)[0]["type"] == "webpage"


# 6. search folds diacritics in every word


def _records_with(text: str) -> set[str]:
    """Ids of shipped records whose own fields contain `text` (as written, with diacritics)."""
    import yaml

    found: set[str] = set()
    for name in ("events", "positions", "casualties", "violations", "ceasefires"):
        for rec in yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8")):
            if text in json.dumps(rec, ensure_ascii=False):
                found.add(rec["id"])
    return found


FOLDED = pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("Erdogan", "Erdoğan"),
        ("Szijjarto", "Szijjártó"),
        ("Asagi", "Aşağı"),
        ("Qarabag", "Qarabağ"),
    ],
)


@FOLDED
def test_search_folds_diacritics_in_every_word(typed: str, written: str) -> None:
    """Bug: search without diacritic folding finds 'Erdoğan' only when typed with the ğ."""
    want = _records_with(written)
    if written == "Qarabağ":  # only an alias of a place: the records that name that place
        want = {e["id"] for e in nk_json("events", "--place", "Nagorno-Karabakh")}
    assert want, f"the shipped data no longer writes {written!r}"
    hits = {h["id"] for h in nk_json("search", typed, "--limit", "1000")}
    assert not want - hits, f"search {typed} misses {sorted(want - hits)[:5]}"
    # and exactly what a search with the diacritics finds
    assert hits == {h["id"] for h in nk_json("search", written, "--limit", "1000")}


@pytest.fixture(scope="module")
def like_only_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data's index as a SQLite without FTS5 builds it (the substring fallback),
    in a cache of its own."""
    from nkfacts.store import compile as compiling

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(compiling, "FTS", "CREATE VIRTUAL TABLE search USING no_fts5(x);")
        mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("like-only")))
        index.open_index(DATA).close()
    assert index.last_opened is not None
    return Path(index.last_opened)


@pytest.fixture
def like_only(like_only_index: Path) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(like_only_index)
    assert con.execute("SELECT value FROM meta WHERE key = 'fts'").fetchone() == ("0",)
    yield con
    con.close()


@FOLDED
def test_search_without_fts5_folds_diacritics_too(
    like_only: sqlite3.Connection, typed: str, written: str
) -> None:
    """Was broken: the fallback compared lower-cased text only, so 'Szijjarto' found nothing."""
    hits = {h["id"] for h in search(like_only, typed, 1000)}
    assert hits and hits == {h["id"] for h in search(like_only, written, 1000)}
