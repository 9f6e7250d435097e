"""`nkfacts check` through the CLI: formats, the JSON contract, exit codes, --cite, stdin,
80-column terminal output, and speed on a 2,000-word article."""

from __future__ import annotations

import json
import time
from pathlib import Path

from typer.testing import CliRunner

from nkfacts.answers import query
from nkfacts.checkdraft import check
from nkfacts.cli import app
from nkfacts.core import paths
from nkfacts.core.contract import Casualty
from nkfacts.store.index import open_index

runner = CliRunner()
EXAMPLE = Path(__file__).parent / "data" / "check_example.md"
README = Path(__file__).resolve().parent.parent / "README.md"


def run(*args: str, stdin: str | None = None, **env: str) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args), input=stdin, env=env or None)
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.stdout, r.stderr


def test_example_paragraph_says_which_figure_is_which() -> None:
    code, out, _ = run("check", str(EXAMPLE), "--format", "json")
    assert code == 4  # one figure differs
    rows = json.loads(out)
    verdicts = [(f["span"]["text"], f["verdict"]) for f in rows]
    assert verdicts == [
        ("3,825", "disputed"),
        ("2,906", "disputed"),
        ("Around 90,000", "matches"),
        ("two", "matches"),
        ("91", "disputed"),
        ("120", "differs"),
        ("more than 100,000", "matches"),
        ("27", "matches"),
    ]
    first = rows[0]
    assert set(first) >= {"span", "figure", "context", "verdict", "claims", "notes", "line"}
    assert set(first["span"]) == {"start", "end", "text"}
    assert set(first["figure"]) >= {"low", "high", "at_least", "approx"}
    assert set(first["context"]) >= {"party", "category", "measure", "period"}
    claim = first["claims"][0]
    assert set(claim) >= {"id", "figure", "claimant", "citations"}
    assert claim["citations"][0]["url"].startswith("https://")
    text = EXAMPLE.read_text("utf-8")
    for f in rows:
        assert text[f["span"]["start"] : f["span"]["end"]] == f["span"]["text"]


def test_readme_shows_the_example_as_it_is() -> None:
    readme = README.read_text("utf-8")
    section = readme.split("## Check a draft", 1)[1].split("\n## Output formats", 1)[0]
    code, out, _ = run("check", str(EXAMPLE), "--format", "table", COLUMNS="80")
    assert code == 4
    for line in out.splitlines():
        assert line.rstrip() in section, line


def test_exit_0_when_nothing_differs_and_stdin_dash() -> None:
    code, out, _ = run(
        "check", "-", "--format", "tsv", stdin="Azerbaijan lost 109 soldiers in 2016.\n"
    )
    assert code == 0
    header, row = out.splitlines()
    assert header.split("\t")[:3] == ["line", "figure", "verdict"]
    assert row.split("\t")[1:3] == ["109", "matches"]


def test_no_argument_reads_stdin_and_no_figures_is_not_an_error() -> None:
    code, out, err = run("check", "--format", "json", stdin="The war ended on 10 November 2020.")
    assert (code, out) == (0, "[]\n")
    assert "no casualty figures" in err


def test_terminal_report_fits_80_columns() -> None:
    long = EXAMPLE.read_text("utf-8") * 3
    code, out, _ = run("check", "-", "--format", "table", stdin=long, COLUMNS="80")
    assert code == 4
    assert "«3,825»(1)" in out and "DISPUTED" in out and "DIFFERS" in out
    assert max(len(line) for line in out.splitlines()) <= 80
    code, out, _ = run("check", "-", "--format", "table", stdin=long, COLUMNS="60")
    assert max(len(line) for line in out.splitlines()) <= 60


def test_markdown_and_csv() -> None:
    code, out, _ = run("check", str(EXAMPLE), "--format", "markdown")
    assert code == 4
    assert out.startswith("| line | figure | verdict |")
    assert "| **differs** |" in out
    code, out, _ = run("check", str(EXAMPLE), "--format", "csv")
    assert out.splitlines()[0].startswith("line,figure,verdict,")


def test_cite_appends_citations_of_matched_claims() -> None:
    code, out, _ = run("check", str(EXAMPLE), "--format", "table", "--cite", "wikitext")
    assert code == 4
    block = out.split("Citations for the matched claims:", 1)[1]
    # Wikipedia facts are not citations on Wikipedia: each names the reference to follow.
    assert block.count("NOT A CITATION") >= 8 and "{{cite web" not in block
    assert "cas-w20-artsakh-displaced-armenian-authorities" in block
    code, out, _ = run("check", str(EXAMPLE), "--format", "json", "--cite", "markdown")
    rows = json.loads(out)
    assert "[^cas-" in rows[0]["cite"]
    assert next(r for r in rows if r["verdict"] == "differs")["cite"] is None


def test_unknown_cite_style_and_missing_file_are_usage_errors() -> None:
    code, out, err = run("check", str(EXAMPLE), "--cite", "nope")
    assert code == 2 and out == "" and "unknown style" in err
    code, _, err = run("check", "/nonexistent/draft.md")
    assert code == 2 and "cannot read the draft" in err


def test_help_documents_exit_4() -> None:
    code, out, _ = run("check", "--help")
    assert code == 0 and "Exit 4" in out


def test_two_thousand_words_well_under_a_second() -> None:
    con = open_index(paths.data_dir(None))
    claims = query.casualties(con)
    paragraph = EXAMPLE.read_text("utf-8")
    article = "\n\n".join([paragraph] * (2000 // len(paragraph.split()) + 1))
    assert len(article.split()) >= 2000
    t = time.perf_counter()
    findings = check(article, claims)
    elapsed = time.perf_counter() - t
    assert len(findings) >= 8 * 20
    assert elapsed < 0.5, elapsed


def _claims() -> list[Casualty]:
    return [c for c in query.casualties(open_index(paths.data_dir(None))) if not c.get("part_of")]


def test_the_war_named_nowhere_is_the_one_war_with_the_figure() -> None:
    [f] = check("Armenian officials said 3,825 soldiers were killed in the war.", _claims())
    assert f["verdict"] in ("matches", "disputed")
    assert f["context"]["claimant"] == "Armenian authorities"
    assert any("the only war with this figure" in n for n in f["notes"])
    [g] = check("Armenian officials said 3,826 soldiers were killed in the war.", _claims())
    assert g["verdict"] == "unknown"


def test_hedges_and_swapped_measures_do_not_match() -> None:
    text = (
        "The explosion at the fuel depot on 25 September 2023 injured over 170 people "
        "and killed more than 290."
    )
    assert [f["verdict"] for f in check(text, _claims())] == ["differs", "differs"]
