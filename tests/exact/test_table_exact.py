"""The table's drawing choices, exact: colour only for a terminal that wants it, box
characters only where the encoding has them, and the colour codes of headers and the lines
under a row (nkfacts.output.table)."""

from __future__ import annotations

import io

import pytest

from nkfacts.output.layout import table_columns
from nkfacts.output.table import Style, table
from nkfacts.output.views import VIEWS


class Out(io.StringIO):
    def __init__(self, encoding: str | None) -> None:
        super().__init__()
        self._enc = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._enc  # type: ignore[return-value]


@pytest.fixture(autouse=True)
def plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.mark.parametrize("encoding", ["utf-8", "UTF-8", "utf_8", "utf8"])
def test_unicode_terminals_get_box_characters(encoding: str) -> None:
    s = Style(Out(encoding), True, 80)
    assert (s.bar, s.cross, s.rule, s.arrow) == (" │ ", "─┼─", "─", "→")


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", None])
def test_other_encodings_get_ascii(encoding: str | None) -> None:
    s = Style(Out(encoding), True, 80)
    assert (s.bar, s.cross, s.rule, s.arrow) == (" | ", "-+-", "-", "->")


def test_colour_only_in_a_terminal_without_no_color_or_term_dumb(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Style(Out("utf-8"), True, 80).color is True
    assert Style(Out("utf-8"), False, 80).color is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert Style(Out("utf-8"), True, 80).color is False
    monkeypatch.setenv("NO_COLOR", "")  # empty: not set (no-color.org)
    assert Style(Out("utf-8"), True, 80).color is True
    monkeypatch.setenv("TERM", "dumb")
    s = Style(Out("utf-8"), True, 80)
    assert s.color is False and s.bar == " | "


def test_bold_and_dim_codes() -> None:
    s = Style(Out("utf-8"), True, 80)
    assert s.bold("x") == "\x1b[1mx\x1b[0m"
    assert s.dim("x") == "\x1b[2mx\x1b[0m"
    s = Style(Out("utf-8"), False, 80)
    assert (s.bold("x"), s.dim("x")) == ("x", "x")


def test_width_is_at_least_twenty() -> None:
    assert Style(Out("utf-8"), True, 5).width == 20
    assert Style(Out("utf-8"), True, 21).width == 21


CASUALTY = {
    "figure": "42",
    "party": "Armenia",
    "category": "military",
    "measure": "killed",
    "period": "2015",
    "claimant": "Azerbaijani authorities",
    "as_of": None,
    "id": "c-one",
    "citations": [
        {"source": "one", "title": "One", "url": "https://x.org/1", "ref": "10"},
        {
            "source": "one",
            "title": "One",
            "url": "https://x.org/1",
            "ref": None,
            "passage_ref": "12",
        },
        {"source": "two", "title": "Two", "url": "https://x.org/2", "ref": None},
    ],
}


def test_a_coloured_table_bolds_the_header_and_dims_what_moved_under_the_row() -> None:
    out = Out("utf-8")
    cols = table_columns("casualties", VIEWS["casualties"])
    table(cols, [CASUALTY], out, isatty=True, width=44, title="Casualties")
    assert out.getvalue() == (
        "Casualties\n"
        "\x1b[1mfigure │ who              │ measure │ period\x1b[0m\n"
        "───────┼──────────────────┼─────────┼───────\n"
        "    42 │ Armenia ·        │ killed  │ 2015\n"
        "       │ military         │         │\n"
        "  \x1b[2mclaimant: Azerbaijani authorities\x1b[0m\n"
        "  \x1b[2m[1]10,→12 [2]– · c-one\x1b[0m\n"
        "\n"
        "Under each row: claimant, citations, id\n"
        "(`nkfacts show ID`, `nkfacts cite ID`).\n"
        "\n"
        "Sources ([n]label; [n]→label: no label in\n"
        "the sentence, the label closing its passage;\n"
        "'–': none):\n"
        "[1] One (one)\n"
        "    https://x.org/1\n"
        "[2] Two (two)\n"
        "    https://x.org/2\n"
    )


def test_the_line_under_a_row_starts_under_the_second_column_when_its_words_fit() -> None:
    out = Out("utf-8")
    cols = table_columns("casualties", VIEWS["casualties"])
    rec = {**CASUALTY, "claimant": "Baku"}
    table(cols, [rec], out, isatty=True, width=70)
    lines = out.getvalue().split("\n")
    assert lines[3] == "         \x1b[2m[1]10,→12 [2]– · c-one\x1b[0m"


def test_a_table_without_a_terminal_has_no_escape_codes() -> None:
    out = Out("utf-8")
    cols = table_columns("casualties", VIEWS["casualties"])
    table(cols, [CASUALTY], out, isatty=False, width=60)
    assert "\x1b" not in out.getvalue()
    assert out.getvalue().endswith("    https://x.org/2\n")
