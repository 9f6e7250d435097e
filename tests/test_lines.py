"""`output.lines.write`: pre-rendered lines to a stream, batch by batch (the warm path's
writer; the views' header comes from the index)."""

from __future__ import annotations

import io

import pytest

from nkfacts.output.lines import write


def _text(batches: list[list[bytes]], fmt: str, header: str | None = None) -> str:
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
    write(batches, fmt, out, header=header)
    out.flush()
    return raw.getvalue().decode("utf-8")


def test_empty_batches_are_skipped_not_an_end() -> None:
    assert _text([[], [b"a\tb"], [], [b"c\td"]], "tsv", "x\ty") == "x\ty\na\tb\nc\td\n"
    assert _text([[], [b'{"a":1}'], [b'{"b":2}']], "json") == '[\n{"a":1},\n{"b":2}\n]\n'
    assert _text([[b'{"a":1}'], [], [b'{"b":2}']], "jsonl") == '{"a":1}\n{"b":2}\n'


@pytest.mark.parametrize(("fmt", "empty"), [("json", "[]\n"), ("jsonl", ""), ("tsv", "h\n")])
def test_no_lines_at_all(fmt: str, empty: str) -> None:
    assert _text([[], []], fmt, "h" if fmt == "tsv" else None) == empty


def test_text_lines_and_a_stream_that_does_not_encode_utf8() -> None:
    out = io.StringIO()  # no byte buffer: bytes are decoded and written as text
    write([[b"\xc3\xa9t\xc3\xa9"], ["plain"]], "jsonl", out)
    assert out.getvalue() == "été\nplain\n"
    raw = io.BytesIO()
    latin = io.TextIOWrapper(raw, encoding="latin-1", newline="")
    write([[b"\xc3\xa9"]], "jsonl", latin, header=None)  # through the stream's own encoder
    latin.flush()
    assert raw.getvalue() == b"\xe9\n"
