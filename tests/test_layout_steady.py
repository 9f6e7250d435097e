"""A steady table layout (issue 24, items 4 and 5), as a person sees it in a terminal of 60,
80, 100 and 120 columns: what moves under a row starts at one indent in the whole table; one
wide figure never moves a column under every row; a date is never split inside its
day-month-year; the matrix headers break between words; whose people a figure counts reads
in words that cannot be misread."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from functools import cache

import pytest
from test_terminal import in_pty, screen_lines

from nkfacts.cite.base import statement
from nkfacts.output.layout import table_columns
from nkfacts.output.table import table
from nkfacts.output.views import VIEWS

WIDTHS = [60, 80, 100, 120]
BAR = "│"
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# a day-month-year, a month-year, or a day-month whose year was pushed to the next line
DAY_MONTH_YEAR = re.compile(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b")
BROKEN_DATE = re.compile(rf"(?:(?:^|\s)\d{{1,2}}|\b(?:{MONTHS}))$")


@cache
def screen(width: int, *args: str) -> tuple[str, ...]:
    return tuple(screen_lines(in_pty(width, *args), width))


def body(lines: tuple[str, ...]) -> list[str]:
    """The table's lines between its header rule and the first blank line."""
    start = next(i for i, line in enumerate(lines) if "┼" in line) + 1
    end = next(i for i in range(start, len(lines)) if not lines[i].strip())
    return list(lines[start:end])


def header(lines: tuple[str, ...]) -> list[str]:
    """The header cells, joined across the header's lines, column by column."""
    head = lines[: next(i for i, line in enumerate(lines) if "┼" in line)]
    columns: list[list[str]] = []
    for line in head:
        for k, cell in enumerate(line.split(BAR)):
            while len(columns) <= k:
                columns.append([])
            if cell.strip():
                columns[k].append(cell.strip())
    return [" ".join(parts) for parts in columns]


VIEWS_UNDER = [
    ("casualties", "--year", "2020"),
    ("casualties", "--year", "2016"),
    ("ceasefires", "--violations"),
    ("events", "--year", "2023"),
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", VIEWS_UNDER)
def test_every_line_under_a_row_starts_at_one_indent(width: int, args: tuple[str, ...]) -> None:
    under = [line for line in body(screen(width, *args)) if BAR not in line]
    indents = {len(line) - len(line.lstrip(" ")) for line in under}
    assert len(indents) <= 1, (indents, under[:6])


@pytest.mark.parametrize("width", WIDTHS)
def test_the_line_under_a_row_names_its_fields_in_one_order(width: int) -> None:
    rows: list[list[str]] = []
    for line in body(screen(width, "casualties", "--year", "2020")):
        if BAR in line:
            rows.append([])
        else:
            rows[-1].append(line.strip())
    for under in (" ".join(r) for r in rows if r):
        at = [under.find(f) for f in ("claimant: ", "as of ", "[")]
        found = [a for a in at if a >= 0]
        assert found == sorted(found), under
        assert under.split(" ")[-1].startswith("cas-"), under  # the id last


def _columns(rows: list[dict[str, object]], width: int) -> list[str]:
    out = io.StringIO()
    table(table_columns("casualties", VIEWS["casualties"]), rows, out, isatty=False, width=width)
    return [h.strip() for h in out.getvalue().split("\n")[0].split("|")]


@pytest.mark.parametrize("width", WIDTHS)
def test_one_wide_figure_does_not_move_the_claimant_for_the_whole_table(width: int) -> None:
    rows = json.loads(
        subprocess.run(
            [sys.executable, "-m", "nkfacts", "casualties", "--year", "2020", "--format", "json"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    wide = [r for r in rows if "(" in r["figure"]]
    assert wide, "the 2020 casualties hold UCDP's best estimates with their range"
    others = [r for r in rows if r not in wide]
    with_wide, without = _columns(rows, width), _columns(others, width)
    assert ("claimant" in with_wide) == ("claimant" in without)
    assert with_wide[:4] == without[:4]


@pytest.mark.parametrize("width", [80, 100, 120])
def test_the_claimant_keeps_its_column_from_80_columns_on(width: int) -> None:
    lines = screen(width, "casualties", "--year", "2020")
    assert "claimant" in header(lines)
    wide = [line for line in body(lines) if line.lstrip().startswith("7,633")]
    assert wide and "UCDP" in wide[0]  # the wide figure breaks before its '('
    assert not any(line.lstrip().startswith("claimant:") for line in body(lines))


DATED = [
    ("casualties", "--year", "2020"),
    ("ceasefires",),
    ("ceasefires", "--violations"),
    ("events", "--year", "2020"),
    ("disputes",),
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", DATED)
def test_a_date_is_never_split_inside_its_day_month_year(width: int, args: tuple[str, ...]) -> None:
    lines = screen(width, *args)
    heads = header(lines)
    columns = [k for k, h in enumerate(heads) if h in ("when", "period", "as_of")]
    assert columns
    for line in body(lines):
        cells = line.split(BAR)
        if len(cells) == 1:
            continue  # a line under a row
        for k in columns:
            if k < len(cells):
                cell = cells[k].strip()
                assert not BROKEN_DATE.search(cell), (cell, line)


@pytest.mark.parametrize("width", WIDTHS)
def test_date_ranges_wrap_after_their_dash(width: int) -> None:
    lines = screen(width, "casualties", "--year", "2020")
    if "period" not in header(lines):
        pytest.skip("no period column at this width")
    k = header(lines).index("period")
    cells = [line.split(BAR)[k].strip() for line in body(lines) if BAR in line]
    for cell in cells:
        if cell.endswith(" –"):  # a whole date before the dash between two dates
            assert DAY_MONTH_YEAR.search(cell) or re.fullmatch(r"\d{4} –", cell), cell


@pytest.mark.parametrize("width", WIDTHS)
def test_matrix_headers_break_between_words(width: int) -> None:
    lines = screen(width, "positions", "--matrix")
    heads = header(lines)
    assert heads[0] == "actor"
    for h in heads:
        joined = h.replace("– ", "–")  # a break after a dash is a word boundary
        assert joined in {
            "actor",
            "1988–1994 war",
            "1994–2020",
            "2020 war",
            "2020–2023",
            "2023 offensive",
            "undated",
        }, heads
    assert max(len(line) for line in lines) <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_the_armenians_displaced_from_azerbaijan_read_so(width: int) -> None:
    lines = screen(width, "casualties", "--measure", "displaced")
    k = header(lines).index("who")
    text = " ".join(line.split(BAR)[k].strip() for line in body(lines) if BAR in line)
    assert "Armenians from Azerbaijan · total" in text
    assert "Azerbaijanis from Armenia and Karabakh · total" in text
    assert "Armenia · total" not in text


def test_the_claim_sentence_says_whose_people_and_the_articles_voice() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "nkfacts", "cite", "cas-nk-first-war-armenians-displaced"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.startswith(
        "≤230,000 (Armenians from Azerbaijan, total, displaced, 1988–1994), per the article."
    )
    assert "according to the source" not in out and "per unattributed" not in out


def test_a_party_without_such_a_quote_stays_the_party() -> None:
    rec = {
        "figure": "≈40,000",
        "party": "Azerbaijan",
        "category": "total",
        "measure": "displaced",
        "period": "2020",
        "claimant": "Azerbaijani authorities",
        "quote": "displaced approximately 40,000 people in Azerbaijan",
    }
    assert statement("casualty", rec) == (
        "≈40,000 (Azerbaijan, total, displaced, 2020), per Azerbaijani authorities"
    )


def test_the_pipe_keeps_party_and_claimant_as_recorded() -> None:
    rows = json.loads(
        subprocess.run(
            [
                sys.executable,
                "-m",
                "nkfacts",
                "casualties",
                "--measure",
                "displaced",
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    rec = next(r for r in rows if r["id"] == "cas-nk-first-war-armenians-displaced")
    assert (rec["party"], rec["claimant"]) == ("Armenia", "unattributed")


@pytest.mark.parametrize("width", WIDTHS)
def test_whole_dates_do_not_push_out_a_positions_stance(width: int) -> None:
    lines = screen(width, "positions", "--year", "2023")
    assert header(lines)[:4] == ["when", "actor", "stance", "summary"]
