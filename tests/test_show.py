"""`show` in one glance (issue 24): dates as the source gives them, each source's URL once,
each distinct claim once, wrapped lines that keep their indent, ≤ 40 lines at 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_terminal import in_pty, screen_lines

from nkfacts.answers.show import detail
from nkfacts.output.showtext import LIMIT, detail_text
from nkfacts.store.index import open_index

SHARE_CACHE = True
DATA = Path(__file__).resolve().parent.parent / "data"


def test_every_shipped_record_fits_40_lines_at_80_columns() -> None:
    con = open_index(DATA)
    ids = [r[0] for r in con.execute("SELECT id FROM records")]
    over = []
    for rid in ids:
        lines = detail_text(detail(con, rid), width=80).splitlines()
        if len(lines) > LIMIT or max(len(line) for line in lines) > 80:
            over.append((rid, len(lines)))
    con.close()
    assert len(ids) > 1000 and over == []


def test_month_dates_are_written_as_the_source_gives_them() -> None:
    con = open_index(DATA)
    text = detail_text(detail(con, "cf-1994-bishkek"), width=80)
    assert "  when: May 1994" in text and "1994-05-01" not in text


def test_each_url_once_and_each_claim_once_with_its_count() -> None:
    con = open_index(DATA)
    full = detail(con, "ev-2020-war")
    text = detail_text(full, width=80, everything=True)
    url = "https://en.wikipedia.org/wiki/Second_Nagorno-Karabakh_War"
    assert text.count(url) == 1
    assert text.count("3,825 Armenia military killed") == 1
    assert "records: " in text  # "(N records: first-id, …)"
    short = detail_text(full, width=80)
    assert len(short.splitlines()) <= LIMIT and "nkfacts show ev-2020-war --full" in short


@pytest.mark.subprocess
@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_wrapped_lines_keep_their_indent_in_a_terminal(width: int) -> None:
    lines = screen_lines(in_pty(width, "show", "cf-2020-11-10-tripartite"), width)
    body = [line for line in lines[1:] if line]
    assert body and all(line.startswith(("  ", "linked event", "All of them")) for line in body)
    assert len(body) <= LIMIT and max(len(line) for line in body) <= width
    assert any(line.startswith("      ") for line in body)  # continuation lines indented
