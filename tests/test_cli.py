"""CLI behaviour through Typer's runner: formats, filters, exit codes, the JSON contract."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from nkfacts.cli import app
from nkfacts.core.contract import fields

SHARE_CACHE = True  # its tests only read: one index per data directory (conftest)

runner = CliRunner()
CASUALTY_FIELDS = set(fields("casualties"))


def run(*args: str, **env: str) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args), env=env or None)
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.stdout, r.stderr


def test_acceptance_2016_rows_with_claimant_and_reference() -> None:
    code, out, _ = run("casualties", "--year", "2016", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    seen = {(r["party"], r["figure"], r["category"]) for r in rows}
    for want in [
        ("Armenia", "108–112", "military"),
        ("Azerbaijan", "109", "military"),
        ("Armenia", "91", "military"),
        ("Azerbaijan", "94", "military"),
        ("Armenia", "88", "military"),
        ("Azerbaijan", "31–92", "military"),
    ]:
        assert want in seen, want
    for r in rows:
        assert r["claimant"]
        assert r["start"] <= "2016-12-31" and r["end"] >= "2016-01-01"
    table = next(r for r in rows if r["figure"] == "108–112")
    assert [c["ref"] for c in table["citations"]] == ["167", "174"]


def test_json_contract_holds_for_every_casualty() -> None:
    code, out, _ = run("casualties", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) >= 200
    for r in rows:
        assert set(r) >= CASUALTY_FIELDS, r["id"]
        assert isinstance(r["low"], int) and isinstance(r["high"], int) and r["low"] <= r["high"]
        assert r["best"] is None or r["low"] <= r["best"] <= r["high"]
        for c in r["citations"]:
            assert set(c) == {"source", "title", "url", "ref", "passage_ref"}
            assert c["ref"] is None or isinstance(c["ref"], str)
            assert c["url"].startswith("https://") and c["source"] in KNOWN_SOURCES


KNOWN_SOURCES = {
    "nk-conflict",
    "war-2020",
    "offensive-2023",
    "ucdp-brd-24-1",
    "ucdp-brd-21-1",
    "cow-inter-4-0",
    "cow-intra-4-1",
}


def test_ucdp_figures_carry_best_and_show_it_first() -> None:
    code, out, _ = run("casualties", "--claimant", "UCDP", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and {r["claimant"] for r in rows} == {"UCDP"}
    c388 = [r for r in rows if r["citations"][0]["ref"].startswith("388/")]
    by_version: dict[str, set[str]] = {}
    for r in c388:
        by_version.setdefault(r["citations"][0]["source"], set()).add(r["start"][:4])
    assert len(by_version["ucdp-brd-24-1"]) == 17 and len(by_version["ucdp-brd-21-1"]) == 14
    y2016 = next(r for r in c388 if r["id"] == "cas-ucdp-brd-24-1-388-2016")
    assert (y2016["best"], y2016["low"], y2016["high"]) == (141, 141, 263)
    assert y2016["figure"] == "141 (141–263)" and y2016["category"] == "battle-related"
    exact = next(r for r in c388 if r["id"] == "cas-ucdp-brd-24-1-388-2023")
    assert exact["figure"] == "462"  # best = low = high: no bracket
    _, table, _ = run("casualties", "--year", "2016", "--format", "table", COLUMNS="120")
    assert "141 (141–263)" in table and "108–112" in table
    assert "(ucdp-brd-24-1)" in table and "Dataset (dyadic) (Wikipedia)" not in table


def test_cow_per_side_figures() -> None:
    code, out, _ = run("casualties", "--claimant", "Correlates", "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert sorted((r["party"], r["figure"], r["category"]) for r in rows) == [
        ("Armenia", "1,000", "combatant"),
        ("Armenia", "5,500", "combatant"),
        ("Artsakh", "3,000", "combatant"),
        ("Azerbaijan", "7,000", "combatant"),
        ("Azerbaijan", "8,500", "combatant"),
    ]


def test_default_output_in_a_pipe_is_tsv_with_header() -> None:
    code, out, _ = run("casualties", "--year", "2015")
    lines = out.splitlines()
    assert code == 0 and lines[0].split("\t")[:3] == ["figure", "party", "category"]
    assert all(len(line.split("\t")) == len(lines[0].split("\t")) for line in lines)
    assert "\x1b[" not in out


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "markdown", "table"])
def test_other_formats_parse(fmt: str) -> None:
    code, out, _ = run("casualties", "--year", "2015", "--format", fmt)
    assert code == 0
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert any(r["figure"] == "42" and r["party"] == "Armenia" for r in rows)
    elif fmt == "jsonl":
        assert all(json.loads(line)["id"] for line in out.splitlines())
    elif fmt == "markdown":
        assert out.startswith("| figure | party |") and "|---:|" in out
    else:
        assert "Sources ([n]label" in out and "Nagorno-Karabakh conflict" in out


def test_no_match_exits_1_with_message_on_stderr() -> None:
    code, out, err = run("casualties", "--year", "1066")
    assert code == 1 and out == "" and "no casualty figures matched" in err


@pytest.mark.parametrize(
    "args, expect",
    [
        (["casualties", "--party", "armenai"], "did you mean 'Armenia'"),
        (["casualties", "--measure", "exploded"], "Valid: killed, wounded"),
        (["casualties", "--format", "xml"], "Valid: table, tsv, csv, json, jsonl, markdown"),
        (["casualties", "--from", "2016-02-30"], "not a real date"),
        (["casualties", "--claimant", "Martians"], "unknown claimant"),
        (["events", "--type", "party"], "unknown event type"),
        (["positions", "--stance", "loves"], "unknown stance"),
        (["show", "no-such-id"], "no record with id"),
    ],
)
def test_unknown_values_are_usage_errors_listing_valid_ones(args: list[str], expect: str) -> None:
    code, _, err = run(*args)
    assert code == 2 and expect in err and "Traceback" not in err


def test_unknown_option_is_exit_2() -> None:
    code, _, _ = run("casualties", "--colour")
    assert code == 2


def test_aliases_match_case_insensitively() -> None:
    _, a, _ = run("casualties", "--party", "nagorno-karabakh republic", "--format", "json")
    _, b, _ = run("casualties", "--party", "ARTSAKH", "--format", "json")
    assert json.loads(a) == json.loads(b) and json.loads(a)


def test_filters_combine() -> None:
    _, out, _ = run(
        "casualties",
        "--party",
        "Azerbaijan",
        "--measure",
        "missing",
        "--from",
        "2020-09",
        "--to",
        "2021",
        "--format",
        "json",
    )
    rows = json.loads(out)
    assert rows and all(r["party"] == "Azerbaijan" and r["measure"] == "missing" for r in rows)
    assert all(r["end"] >= "2020-09-01" and r["start"] <= "2021-12-31" for r in rows)


def test_claimant_filter_keeps_claims_apart() -> None:
    _, out, _ = run("casualties", "--claimant", "Syrian Observatory", "--format", "json")
    rows = json.loads(out)
    assert rows and all("Syrian Observatory" in r["claimant"] for r in rows)


def test_events_capture_2020_and_2023_chronology() -> None:
    code, out, _ = run("events", "--year", "2020", "--type", "capture", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and any("Shusha" in r["places"] for r in rows)
    _, out, _ = run("events", "--from", "2023-09-19", "--to", "2023-10-15", "--format", "json")
    rows = json.loads(out)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert {"ev-2023-offensive", "ev-2023-fuel-depot-explosion"} <= {r["id"] for r in rows}


def test_place_filter_matches_alternative_names() -> None:
    _, a, _ = run("events", "--place", "Martuni", "--format", "json")
    _, b, _ = run("events", "--place", "khojavend", "--format", "json")
    assert json.loads(a) == json.loads(b) and json.loads(a)


def test_ceasefires_and_violations_2023() -> None:
    code, out, _ = run("ceasefires", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) >= 6
    for c in rows:
        assert {"id", "name", "signed", "effective", "citations", "violations", "outcome"} <= set(c)
    code, out, _ = run("ceasefires", "--violations", "--year", "2023", "--format", "json")
    rows = json.loads(out)
    assert any(v["ceasefire"] == "cf-2023-09-20" and v["claimant"] for v in rows)


def test_positions_acceptance() -> None:
    _, out, _ = run("positions", "--actor", "Russia", "--kind", "arms", "--format", "json")
    shares = {f["value"] for p in json.loads(out) for f in p["figures"]}
    assert {55, 85, 31} <= shares
    code, out, _ = run(
        "positions", "--year", "2023", "--stance", "condemns-azerbaijan", "--format", "json"
    )
    rows = json.loads(out)
    assert code == 0 and len({r["actor"] for r in rows}) >= 5
    assert all(r["citations"] and r["start"] for r in rows)
    code, out, _ = run("positions", "--matrix", "--format", "json")
    matrix = json.loads(out)
    assert code == 0 and all(
        cell["ids"] or not cell["marks"]
        for row in matrix
        for k, cell in row.items()
        if k != "actor"
    )


def test_validate_reports_and_exit_codes(mini: Path, sources: Path) -> None:
    code, _, err = run("--data-dir", str(mini), "validate")
    assert code == 0 and "valid" in err
    (mini / "casualties.yaml").write_text(
        (mini / "casualties.yaml").read_text().replace("low: 42", "low: 420")
    )
    code, out, _ = run(
        "--data-dir", str(mini), "validate", "--sources", str(mini), "--format", "json"
    )
    problems = json.loads(out)
    assert code == 3
    assert any(
        p["code"] == "quote-figure" and p["id"] == "c-arm-2015" and p["line"] for p in problems
    )


def test_data_dir_env_and_option(mini: Path) -> None:
    code, out, _ = run("casualties", "--format", "json", NKFACTS_DATA_DIR=str(mini))
    assert code == 0 and len(json.loads(out)) == 4
    code, out, _ = run("--data-dir", str(mini), "events", "--format", "json")
    assert [e["id"] for e in json.loads(out)] == ["ev-clash"]


def test_version_shows_code_and_data_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("nkfacts 0.") and "data " in out


def test_show_follows_links_and_lists_competitors() -> None:
    code, out, _ = run("show", "cas-nk-table-2016-armenia-soldiers", "--format", "json")
    full = json.loads(out)
    assert code == 0 and full["kind"] == "casualty"
    assert full["record"]["figure"] == "108–112"
    code, out, _ = run("show", "ev-2016-april-clashes", "--format", "json")
    assert json.loads(out)["casualties"]


def test_disputes_find_2015_total_and_2020_competing_claims() -> None:
    _, out, _ = run("disputes", "--year", "2015", "--format", "json")

    def figures(d: dict[str, Any]) -> list[str]:
        return [c["figure"] for c in d["claims"]]

    assert any(
        d["kind"] == "table-total" and "77" in figures(d) and "= 106" in d["subject"]
        for d in json.loads(out)
    )
    _, out, _ = run("disputes", "--year", "2020", "--format", "json")
    rows = json.loads(out)
    assert any(d["kind"] == "competing" and {"3,825", "5,000+"} <= set(figures(d)) for d in rows)
    revision = [d for d in rows if d["kind"] == "revision" and "2,853" in figures(d)]
    assert revision and figures(revision[0]).index("2,853") < figures(revision[0]).index("2,906")


def test_search_ranks_and_exit_1_when_nothing() -> None:
    code, out, _ = run("search", "fuel depot", "--format", "json")
    hits = json.loads(out)
    assert code == 0 and "ev-2023-fuel-depot-explosion" in [h["id"] for h in hits]
    code, _, err = run("search", "zzzqqqxxx")
    assert code == 1 and "no records matched" in err


def test_sources_counts() -> None:
    _, out, _ = run("sources", "--format", "json")
    rows = json.loads(out)
    articles = {r["id"] for r in rows if r["kind"] == "article"}
    assert articles == {"nk-conflict", "war-2020", "offensive-2023"}
    assert all(r["records"] > 50 for r in rows if r["kind"] == "article")
    datasets = {r["id"]: r for r in rows if r["kind"] == "dataset"}
    assert set(datasets) == {"ucdp-brd-24-1", "ucdp-brd-21-1", "cow-inter-4-0", "cow-intra-4-1"}
    assert [datasets["ucdp-brd-24-1"][k] for k in ("records", "version", "year", "license")] == [
        20,
        "24.1",
        2024,
        "CC BY 4.0",
    ]
    assert datasets["ucdp-brd-24-1"]["authors"][0] == "Davies, Shawn"
    assert datasets["cow-intra-4-1"]["records"] == 3 and datasets["cow-inter-4-0"]["records"] == 2


def test_chart_degrades_to_ascii_in_a_pipe() -> None:
    code, out, _ = run("casualties", "--year", "2016", "--chart", COLUMNS="80")
    assert code == 0 and "#" in out and "█" not in out
    assert all(len(line) <= 80 for line in out.splitlines()[:-1])


def test_every_command_has_help_with_examples_and_is_in_the_readme() -> None:
    commands = [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
    assert len(commands) == 14
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    for cmd in commands:
        code, out, _ = run(cmd, "--help")
        assert code == 0 and "Examples" in out and "nkfacts " + cmd in out, cmd
        assert f"nkfacts {cmd}" in readme, cmd


def test_event_filter_follows_the_link() -> None:
    code, out, _ = run("casualties", "--event", "ev-2016-april-clashes", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and rows and all(r["event"] == "ev-2016-april-clashes" for r in rows)
    code, _, err = run("casualties", "--event", "ev-nowhere")
    assert code == 2 and "no event with id" in err


def test_search_without_fts5_falls_back_to_substrings(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nkfacts.store.compile

    monkeypatch.setattr(
        nkfacts.store.compile, "FTS", "CREATE VIRTUAL TABLE search USING no_such_module(x);"
    )
    code, out, _ = run("--data-dir", str(mini), "search", "martuni", "--format", "json")
    hits = json.loads(out)
    # the clash by its place alias, the casualty linked to it by the clash's place
    assert code == 0 and [h["id"] for h in hits] == ["ev-clash", "c-2016"]
    code, _, _ = run("--data-dir", str(mini), "search", "zzzz")
    assert code == 1


def test_internal_errors_are_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import nkfacts.answers.query

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(nkfacts.answers.query, "casualties", broken)
    code, out, err = run("casualties")
    assert (
        code == 70 and "internal error: RuntimeError: boom" in err and "Traceback" not in err + out
    )
