"""Format choice and width, exact (nkfacts.output.render): what a pipe gets by default, the names a
format may go by, and the width a table fits, from COLUMNS, the terminal, or the default."""

from __future__ import annotations

import io
import os
import sys
from typing import Any

import pytest

from nkfacts.core.errors import UsageError
from nkfacts.output.render import FORMATS, MAX_WIDTH, check_format, render, terminal_width


def test_default_format_is_a_table_in_a_terminal_and_tsv_in_a_pipe() -> None:
    assert check_format(None, True) == "table"
    assert check_format(None, False) == "tsv"


@pytest.mark.parametrize(("given", "meant"), [("JSON", "json"), ("md", "markdown"), ("Tsv", "tsv")])
def test_format_names_any_case_and_md(given: str, meant: str) -> None:
    assert check_format(given, True) == meant


def test_unknown_format_lists_the_valid_ones() -> None:
    with pytest.raises(UsageError) as e:
        check_format("yaml", False)
    assert str(e.value) == f"unknown format 'yaml'. Valid: {', '.join(FORMATS)}"


class Tty(io.StringIO):
    def __init__(self, fd: int) -> None:
        super().__init__()
        self.fd = fd

    def fileno(self) -> int:
        return self.fd


@pytest.fixture
def sizes(monkeypatch: pytest.MonkeyPatch) -> dict[int, int]:
    """Terminal widths by file descriptor; any other descriptor is not a terminal."""
    widths: dict[int, int] = {}

    def size(fd: int) -> os.terminal_size:
        if fd not in widths:
            raise OSError("not a terminal")
        return os.terminal_size((widths[fd], 24))

    monkeypatch.setattr(os, "get_terminal_size", size)
    monkeypatch.delenv("COLUMNS", raising=False)
    return widths


@pytest.mark.parametrize(
    ("columns", "width"),
    [("72", 72), ("0072", 72), ("1000", 1000), ("1001", MAX_WIDTH), ("9" * 7, MAX_WIDTH)],
)
def test_columns_wins(
    sizes: dict[int, int], monkeypatch: pytest.MonkeyPatch, columns: str, width: int
) -> None:
    sizes[5] = 90
    monkeypatch.setenv("COLUMNS", columns)
    assert terminal_width(Tty(5), True) == width


@pytest.mark.parametrize("columns", ["", "0", "000", "-5", "abc", "８０", " 80"])
def test_unusable_columns_is_ignored(
    sizes: dict[int, int], monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    sizes[5] = 90
    monkeypatch.setenv("COLUMNS", columns)
    assert terminal_width(Tty(5), True) == 90


def test_a_terminal_gives_its_width_capped(sizes: dict[int, int]) -> None:
    sizes[5] = 5000
    assert terminal_width(Tty(5), True) == MAX_WIDTH
    sizes[5] = 0  # some terminals report 0
    assert terminal_width(Tty(5), True) == 120
    assert terminal_width(Tty(5), True, default=77) == 77


def test_a_pipe_fits_the_terminal_on_stderr_then_stdin(
    sizes: dict[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stderr", Tty(7))
    monkeypatch.setattr(sys, "stdin", Tty(8))
    pipe = Tty(5)
    sizes[5] = 50  # never asked: output into a pipe
    sizes[8] = 66
    assert terminal_width(pipe, False) == 66
    sizes[7] = 44
    assert terminal_width(pipe, False) == 44
    sizes.clear()
    assert terminal_width(pipe, False) == 120
    assert terminal_width(io.StringIO(), True) == 120  # no descriptor at all


ROWS: list[dict[str, Any]] = [
    {
        "kind": "event",
        "id": "e|1",
        "date": "2020",
        "when": "2020",
        "snippet": "a\tb\nc",
        "score": 1.5,
    },
    {"kind": "event", "id": "e2", "date": None, "when": None, "snippet": "x", "score": 0.5},
]


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (
            "tsv",
            "kind\tid\tdate\twhen\tsnippet\tscore\nevent\te|1\t2020\t2020\ta b c\t1.5\n"
            "event\te2\t\t\tx\t0.5\n",
        ),
        (
            "csv",
            'kind,id,date,when,snippet,score\nevent,e|1,2020,2020,"a\tb\nc",1.5\n'
            "event,e2,,,x,0.5\n",
        ),
        (
            "markdown",
            "| kind | id | date | when | snippet |\n|---|---|---|---|---|\n"
            "| event | e\\|1 | 2020 | 2020 | a b c |\n| event | e2 |  |  | x |\n",
        ),
        (
            "jsonl",
            '{"kind": "event", "id": "e|1", "date": "2020", "when": "2020", '
            '"snippet": "a\\tb\\nc", "score": 1.5}\n{"kind": "event", "id": "e2", "date": null, '
            '"when": null, "snippet": "x", "score": 0.5}\n',
        ),
    ],
)
def test_each_pipe_format_exactly(fmt: str, expected: str) -> None:
    out = io.StringIO()
    render("search", ROWS, fmt, out)
    assert out.getvalue() == expected


def test_json_is_one_array_one_record_per_line_and_empty_is_an_empty_array() -> None:
    out = io.StringIO()
    render("search", ROWS[1:], "json", out)
    assert out.getvalue() == (
        '[\n{"kind": "event", "id": "e2", "date": null, "when": null, "snippet": "x", '
        '"score": 0.5}\n]\n'
    )
    out = io.StringIO()
    render("search", [], "json", out)
    assert out.getvalue() == "[]\n"


def test_raw_bytes_go_to_the_byte_stream_with_the_header() -> None:
    from nkfacts.output.render import raw

    buf = io.BytesIO()
    out = io.TextIOWrapper(buf, encoding="utf-8")
    raw("search", [b"event\te1", b"x"], "tsv", out)
    assert buf.getvalue() == b"kind\tid\tdate\twhen\tsnippet\tscore\nevent\te1\nx\n"
    buf2 = io.BytesIO()
    out2 = io.TextIOWrapper(buf2, encoding="utf-8")
    raw("search", [b"{}", b"{}"], "json", out2)
    assert buf2.getvalue() == b"[\n{},\n{}\n]\n"
    buf3 = io.BytesIO()
    out3 = io.TextIOWrapper(buf3, encoding="utf-8")
    raw("search", [b"{}", b"{}"], "jsonl", out3)
    assert buf3.getvalue() == b"{}\n{}\n"
    text = io.StringIO()  # no byte stream: decoded
    raw("search", [b"{}"], "json", text)
    assert text.getvalue() == "[\n{}\n]\n"
    text = io.StringIO()
    raw("search", [], "json", text)
    assert text.getvalue() == "[]\n"
    text = io.StringIO()
    raw("search", ["a"], "jsonl", text)
    assert text.getvalue() == "a\n"


def test_a_table_for_a_terminal_fits_its_width_and_has_colour(sizes: dict[int, int]) -> None:
    sizes[5] = 40
    out = Tty(5)
    render("search", ROWS, "table", out, isatty=True, title="Hits")
    lines = out.getvalue().splitlines()
    assert lines[0] == "Hits"
    assert lines[1].startswith("\x1b[1m")  # a terminal gets bold headers
    assert max(len(x) for x in lines) <= 40 + len("\x1b[1m\x1b[0m")
    assert any("e|1" in x for x in lines)
