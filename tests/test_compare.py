"""`nkfacts compare`: per-year cells, never summed; readable at 80 columns; a log-scale chart."""

from __future__ import annotations

import json
import math

from typer.testing import CliRunner

from nkfacts.cli import app
from nkfacts.core.figures import figure
from nkfacts.output import compare as compare_view

runner = CliRunner()


def run(*args: str, **env: str) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args), env=env or None)
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.stdout, r.stderr


def _years(*args: str) -> dict[int, list[dict]]:  # type: ignore[type-arg]
    code, out, _ = run("compare", *args, "--format", "json")
    assert code == 0
    return {row["year"]: row["cells"] for row in json.loads(out)}


def test_each_source_keeps_its_own_figure_per_year() -> None:
    years = _years("--from", "1991", "--to", "2023")
    assert min(years) == 1991 and max(years) == 2023
    y2020 = {(c["source"], c["figure"]) for c in years[2020]}
    assert y2020 == {
        ("nk-conflict", "7,717"),
        ("ucdp-brd-24-1", "7,646 (7,548–9,077)"),
        ("ucdp-brd-21-1", "7,633 (7,535–9,063)"),
    }
    ucdp = next(c for c in years[2016] if c["source"] == "ucdp-brd-24-1")
    assert (ucdp["best"], ucdp["low"], ucdp["high"]) == (141, 141, 263)
    assert ucdp["ids"] == ["cas-ucdp-brd-24-1-388-2016"]
    assert [c["ref"] for c in ucdp["citations"]] == ["388/2016"]
    # Article figures that are not whole-year totals of both sides are left out: the 2016
    # table's soldiers (217–221) and the 2014 figure "as of 20 June" (16).
    assert {c["source"] for c in years[2016]} == {"ucdp-brd-24-1", "ucdp-brd-21-1"}
    assert [c["figure"] for c in years[2014] if c["source"] == "nk-conflict"] == ["72"]


def test_cow_whole_war_figures_appear_in_every_year_the_war_covers() -> None:
    years = _years("--from", "1990", "--to", "1995")
    cow = {
        y: sorted(
            (c["source"], c["party"], c["low"]) for c in cells if c["source"].startswith("cow")
        )
        for y, cells in years.items()
    }
    intra = [
        ("cow-intra-4-1", "Armenia", 1000),
        ("cow-intra-4-1", "Artsakh", 3000),
        ("cow-intra-4-1", "Azerbaijan", 7000),
    ]
    inter = [("cow-inter-4-0", "Armenia", 5500), ("cow-inter-4-0", "Azerbaijan", 8500)]
    assert cow[1990] == [] and cow[1991] == cow[1992] == intra
    assert cow[1993] == sorted(intra + inter) and cow[1994] == inter and 1995 not in years
    # 1990: the two Soviet-period UCDP conflicts, one cell each, never added up.
    assert sorted(c["low"] for c in years[1990] if c["source"] == "ucdp-brd-24-1") == [29, 49]


def test_table_fits_80_columns_and_explains_the_definitions() -> None:
    code, out, _ = run(
        "compare", "--from", "1991", "--to", "2023", "--format", "table", COLUMNS="80"
    )
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0].split()[:2] == ["year", "|"] and "ucdp-brd-24-1" in lines[0]
    assert "141 (141–263)" in out and "[4]388/2016" in out
    assert "never summed or averaged" in out and out.count("counts:") == 5
    assert "whole-period figure (26 December 1991 – 5 February 1993)" in out
    wide = run("compare", "--from", "2016", "--to", "2016", "-f", "table", COLUMNS="120")[1]
    assert "141 (141–263) [4]388/2016" in wide  # one line per cell when there is room


def test_tsv_has_one_column_per_source() -> None:
    code, out, _ = run("compare", "--from", "2020", "--to", "2020")
    assert code == 0
    header, row = out.splitlines()
    assert header.split("\t") == ["year", "nk-conflict", "ucdp-brd-24-1", "ucdp-brd-21-1"]
    assert row.split("\t") == [
        "2020",
        "7,717 [45]",
        "7,646 (7,548–9,077) [388/2020]",
        "7,633 (7,535–9,063) [388/2020]",
    ]


def test_chart_is_log_scale_and_fits() -> None:
    code, out, _ = run("compare", "--from", "1991", "--to", "2023", "--chart", COLUMNS="80")
    assert code == 0 and max(len(line) for line in out.splitlines()) <= 80
    bars = {
        line.split()[0]: line.split()[1]
        for line in out.splitlines()
        if line.startswith("  [4]388/")
    }
    # ASCII in a pipe: '#' up to low, '=' low–high, '|' best. 7,646 vs 35: 218x the deaths,
    # but on a log scale from 10 the bar is (log 7646 - 1) / (log 35 - 1) = 5.3 times longer.
    assert set(bars["[4]388/2020"]) <= {"#", "=", "|"}
    ratio = len(bars["[4]388/2020"]) / len(bars["[4]388/1991"])
    assert 4.5 < ratio < 6
    axis = next(line for line in out.splitlines() if "10,000" in line)
    assert axis.split() == ["10", "100", "1,000", "10,000"]


def test_log_positions_are_even_per_decade() -> None:
    lo_exp, hi_exp, bar_w = 1, 4, 30
    pos = [round((math.log10(v) - lo_exp) / (hi_exp - lo_exp) * bar_w) for v in (10, 100, 1000)]
    assert pos[1] - pos[0] == pos[2] - pos[1] == 10


def test_no_figure_in_range_exits_1() -> None:
    code, _, err = run("compare", "--from", "1800", "--to", "1801")
    assert code == 1 and "no figures matched" in err


def test_widths_shrink_the_widest_first_never_below_the_least() -> None:
    assert compare_view._widths([10, 30, 20], [4, 8, 8], 60) == [10, 30, 20]
    assert compare_view._widths([10, 30, 20], [4, 8, 8], 40) == [10, 15, 15]
    assert compare_view._widths([10, 30, 20], [4, 8, 8], 10) == [4, 8, 8]


def test_best_estimate_display() -> None:
    base = {"low": 141, "high": 263, "best": 141}
    assert figure(base) == "141 (141–263)"
    assert figure({**base, "low": 462, "high": 462, "best": 462}) == "462"
    assert figure({"low": 7548, "high": 9077, "best": 7646}) == "7,646 (7,548–9,077)"
    assert figure({"low": 108, "high": 112}) == "108–112"
