"""Hardening, `check` input: the draft is untrusted. It is read in chunks up to a size cap
(exit 2 above it, /dev/zero included), its patterns run in linear time, its integers are
parsed with a digit cap, and a file name that is not valid UTF-8 still opens.

Work is bounded by CPU-time and memory limits on the child process (generous: many times
what the fixed code needs, far less than what the quadratic passes took), not by wall-clock
timing. Timings are measured in benchmarks/bench.py.
"""

from __future__ import annotations

import io
import json
import os
import resource
from collections.abc import Callable
from pathlib import Path

import pytest
from _harden import BIN, needs_bin, nk, no_traceback, uncovered

from nkfacts import checkdraft
from nkfacts.checkdraft import reading
from nkfacts.core.errors import UsageError

pytestmark = needs_bin
CAP = reading.MAX_DRAFT_BYTES
EXAMPLE = Path(__file__).resolve().parent / "data" / "check_example.md"


def _limits(cpu_s: int = 20, memory: int = 500 * 1024 * 1024) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s))
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return apply


def _check(*args: str | bytes, **kw: object) -> tuple[int, str, str]:
    r = nk("check", *args, env=uncovered(), preexec_fn=_limits(), timeout=120, **kw)  # type: ignore[arg-type]
    return r.returncode, r.stdout, r.stderr


def _at_cap(unit: str) -> str:
    return (unit * (CAP // len(unit) + 1))[:CAP]


@pytest.mark.parametrize(
    "name",
    [
        "lt",
        "link",
        "code",
        "one-line example",
        "number words",
        "newlines",
        "yearless months",
        "relative years",
        "claimants",
        "one sentence of figures",
        "one sentence of dated figures",
        "counts after a question",
        "wholes and parts",
        "a list dated after it",
    ],
)
def test_pathological_drafts_at_the_cap_are_read_in_bounded_work(tmp_path: Path, name: str) -> None:
    body = EXAMPLE.read_text().replace("\n", " ")
    units = {
        "lt": "<",  # 100 KB took 15–22 s (a tag pattern tried from every '<')
        "link": "](",  # 60 KB took 2.6 s (a link target tried from every '](')
        "code": "`",
        "one-line example": body,  # 1 MB took 23 s
        "number words": "one-",  # a failed run of number words was retried from every word
        "newlines": "\n",
        # the reader's passes: every yearless month and relative year completed by scanning
        # every mention, the first paragraph's periods likewise, and the overlap checks of a
        # sentence's claimants, were quadratic (85 s, 22 s and minutes at the cap)
        "yearless months": "In 2016, in May, ",
        "relative years": "two years later. In 2016 ",
        "claimants": "the ministry said its soldiers ",
        # some 17,000 figures in one sentence: per figure, searches of the whole sentence
        # (its claimants' clause breaks, its nations, its durations) took minutes
        "one sentence of figures": "5 Armenian soldiers killed and 4 of them wounded, the war ",
        # each figure weighed every date of its sentence, and each 'as of' date's clause
        # breaks, again (40 s for 3,000; far more at the cap)
        "one sentence of dated figures": "5 soldiers killed by 5 May 2016 ",
        # the third pass's rules (a paragraph's kind, wholes of parts, list members' dates)
        "counts after a question": "How many soldiers died in 2016? Baku's count is 5. ",
        "wholes and parts": "Among the 72 people killed in 2014 were 8 civilians, 6 Armenians, ",
        "a list dated after it": "2016 had cost 4 Armenian and 4 soldiers in March and April, ",
    }
    draft = tmp_path / "draft.md"
    draft.write_text(_at_cap(units[name]))
    code, _, err = _check(str(draft), "-f", "json")
    assert code in (0, 2, 4) and no_traceback(err), err[-500:]
    if code == 2:  # a cap on figures or dates: one line, never a partial answer
        assert len(err.splitlines()) == 1 and "the limit of `nkfacts check`" in err


@pytest.mark.parametrize("unit", ["2016 ", "1 ", "91 soldiers were killed. "])
def test_too_many_dates_or_numbers_are_a_usage_error(tmp_path: Path, unit: str) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(_at_cap(unit))  # '2016 ' × 20,000 took 6.8 s: quadratic overlap checks
    code, out, err = _check(str(draft))
    assert code == 2 and out == "" and len(err.splitlines()) == 1, err[-500:]
    assert "the limit of `nkfacts check`" in err


@pytest.mark.parametrize(
    "how", ["file", "stdin", "dev-zero", "stdin-dev-zero", "stdin-endless-text"]
)
def test_input_above_the_cap_is_exit_2(tmp_path: Path, how: str) -> None:
    big = tmp_path / "big.md"
    big.write_text("All quiet. " * (CAP // 11 + 10))
    if how == "file":
        code, out, err = _check(str(big))
    elif how == "stdin":
        with big.open("rb") as fh:
            code, out, err = _check("-", stdin=fh)
    elif how == "dev-zero":
        code, out, err = _check("/dev/zero")
    elif how == "stdin-dev-zero":
        with open("/dev/zero", "rb") as fh:
            code, out, err = _check(stdin=fh)
    else:
        code, out, err = _check(input="a" * (CAP + 1))
    assert code == 2 and out == "" and len(err.splitlines()) == 1, err[-500:]
    assert no_traceback(err)


def test_a_draft_at_the_cap_is_read(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_bytes(b"x" * (CAP - 60) + b"\nIn 2016, 91 Armenian soldiers were killed.\n")
    code, out, err = _check(str(draft), "-f", "json")
    assert code in (0, 4) and len(json.loads(out)) == 1, err


class _Endless(io.RawIOBase):
    """A stream that never ends, counting what was asked of it."""

    def __init__(self, byte: bytes) -> None:
        self.byte, self.given = byte, 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        assert n > 0, "an unbounded read"
        self.given += n
        return self.byte * n


def test_reading_stops_right_after_the_cap() -> None:
    stream = _Endless(b"a")
    with pytest.raises(UsageError, match="larger than"):
        reading.read_capped(stream, "stdin", limit=1000)  # type: ignore[arg-type]
    assert stream.given == 1001
    stream = _Endless(b"\0")
    with pytest.raises(UsageError, match="binary"):
        reading.read_capped(stream, "stdin", limit=1 << 20)  # type: ignore[arg-type]
    assert stream.given <= 1 << 16


@pytest.mark.parametrize("digits", [25, 309, 400, 5000])
def test_over_long_numbers_are_not_figures(digits: int) -> None:
    text = f"In 2016, {'9' * digits} Armenian soldiers were killed. In 2016, 91 were killed."
    findings = checkdraft.check(text, [])  # 309+ digits: OverflowError; 25: silently rounded
    assert [f["figure"]["low"] for f in findings] == [91]


def test_long_but_capped_numbers_are_exact() -> None:
    findings = checkdraft.check("In 2016, 123456789012 Armenian soldiers were killed.", [])
    assert findings[0]["figure"]["low"] == 123456789012
    findings = checkdraft.check("In 2020, 1.15 million people were displaced.", [])
    assert findings[0]["figure"]["low"] == 1_150_000


def test_number_words_without_end_are_not_figures() -> None:
    text = "In 2016, " + "hundred " * 5000 + "soldiers were killed."
    assert checkdraft.check(text, []) == []


def test_line_numbers_stay_right(tmp_path: Path) -> None:
    text = "\n\nIn 2016, 91 Armenian soldiers were killed.\n\n\nIn 2020, more than 3,825 died.\n"
    lines = [f["line"] for f in checkdraft.check(text, [])]
    assert lines == [3, 6]
    assert lines == [
        checkdraft.line_of(text, f["span"]["start"]) for f in checkdraft.check(text, [])
    ]


def test_draft_named_in_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    name = os.path.join(os.fsencode(tmp_path), b"draft-\xff\xfe.md")
    with open(name, "wb") as fh:
        fh.write(b"In 2016, 91 Armenian soldiers were killed.\n")
    r = nk(b"check", name, b"-f", b"json")
    assert r.returncode in (0, 4) and len(json.loads(r.stdout)) == 1, r.stderr
    r = nk(b"check", name + b"-missing")
    assert r.returncode == 2 and no_traceback(r.stderr) and len(r.stderr.splitlines()) == 1


def test_one_ctrl_d_ends_a_draft_typed_at_a_terminal() -> None:
    import pty
    import subprocess
    import time

    assert BIN is not None
    master, slave = pty.openpty()
    proc = subprocess.Popen([BIN, "check", "-f", "json"], stdin=slave, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)  # fmt: skip
    os.close(slave)
    try:
        time.sleep(0.5)
        os.write(master, b"In 2016, 91 Armenian soldiers were killed.\n")
        time.sleep(0.2)
        os.write(master, b"\x04")  # the chunked reader must not wait for a second one
        out, _ = proc.communicate(timeout=30)
    finally:
        proc.kill()
        os.close(master)
    assert proc.returncode in (0, 4) and len(json.loads(out)) == 1
