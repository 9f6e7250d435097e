"""Terminal views, run in a real pseudo-terminal of a given size (not COLUMNS alone) and read
back through a terminal emulator (pyte): every table fits, tokens stay whole, and the
casualty table always tells civilians from soldiers."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios

import pyte
import pytest

WIDTHS = (60, 80, 100, 120)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def in_pty(width: int, *args: str, env: dict[str, str] | None = None, height: int = 200) -> str:
    """stdout of `nkfacts ARGS` in a pseudo-terminal `width` columns wide (stderr apart)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    environ = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    environ.update({"TERM": "xterm-256color", **(env or {})})
    proc = subprocess.Popen(
        [sys.executable, "-m", "nkfacts", *args],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.DEVNULL,
        env=environ,
    )
    os.close(slave)
    data = drain(master)
    proc.wait(timeout=60)
    os.close(master)
    return data.decode("utf-8").replace("\r\n", "\n")


def drain(fd: int) -> bytes:
    """Everything a pseudo-terminal's master end yields until the other end is closed."""
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)


def screen_lines(raw: str, width: int) -> list[str]:
    """What a person sees: the output drawn by a terminal emulator of that width."""
    lines = raw.count("\n") + 2
    screen = pyte.Screen(width, lines)
    stream = pyte.Stream(screen)
    stream.feed(raw.replace("\n", "\r\n"))
    return [line.rstrip() for line in screen.display]


def json_of(*args: str) -> list[dict[str, object]]:
    out = subprocess.run(
        [sys.executable, "-m", "nkfacts", *args, "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)  # type: ignore[no-any-return]


VIEWS = [
    ("casualties", "--year", "2016"),
    ("casualties", "--year", "2020"),
    ("events", "--year", "2023"),
    ("ceasefires",),
    ("ceasefires", "--violations"),
    ("positions", "--year", "2023"),
    ("positions", "--matrix"),
    ("sources",),
    ("disputes",),
    ("search", "Shusha"),
    ("validate",),
    ("compare", "--from", "1991", "--to", "2023"),
    ("compare", "--from", "1991", "--to", "2023", "--chart"),
    ("casualties", "--year", "2016", "--chart"),
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("view", VIEWS, ids=lambda v: " ".join(v))
def test_every_table_fits_the_terminal(view: tuple[str, ...], width: int) -> None:
    raw = ANSI.sub("", in_pty(width, *view))
    lines = raw.split("\n")
    assert len(lines) > 3
    too_wide = [line for line in lines if len(line) > width]
    assert not too_wide, f"{len(too_wide)} lines wider than {width}: {too_wide[:2]}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    "view",
    [("casualties", "--year", "2016"), ("events", "--year", "2016"), ("ceasefires",)],
    ids=lambda v: " ".join(v),
)
def test_ids_and_reference_labels_appear_whole(view: tuple[str, ...], width: int) -> None:
    seen = "\n".join(screen_lines(in_pty(width, *view), width))
    words = set(re.findall(r"[^\s│|]+", seen))
    for rec in json_of(*view):
        # A merged row (same claim, same happening) shows its first record's id.
        assert rec["id"] in words or rec.get("claim", rec["id"]) in words or rec.get("happening")
        for c in rec["citations"]:  # type: ignore[attr-defined]
            if c["ref"]:
                assert re.search(rf"\]{re.escape(c['ref'])}\b|,{re.escape(c['ref'])}\b", seen), c


@pytest.mark.parametrize("width", WIDTHS)
def test_casualty_table_tells_civilians_from_soldiers(width: int) -> None:
    seen = screen_lines(in_pty(width, "casualties", "--year", "2016", "--party", "armenia"), width)
    rows = [line for line in seen if "Armenia" in line and "killed" in line]
    civ = [line for line in rows if "civilian" in line and re.match(r"^\s*9 ", line)]
    mil = [line for line in rows if "military" in line and "108–112" in line]
    assert civ and mil


def test_colour_only_in_a_terminal_and_never_with_no_color() -> None:
    assert "\x1b[1m" in in_pty(80, "sources")
    assert "\x1b[" not in in_pty(80, "sources", env={"NO_COLOR": "1"})
    dumb = in_pty(80, "sources", env={"TERM": "dumb"})
    assert "\x1b[" not in dumb and "│" not in dumb and " | " in dumb


def test_one_row_per_claim_in_the_table_one_row_per_record_in_tsv() -> None:
    recs = json_of("casualties", "--party", "armenia", "--measure", "killed", "--overlapping")
    same = [r for r in recs if r["claim"] != r["id"]]
    assert same, "the data has identical claims from several sentences"
    claim = same[0]["claim"]
    group = [r for r in recs if r["claim"] == claim]
    seen = "\n".join(
        screen_lines(
            in_pty(120, "casualties", "--party", "armenia", "--measure", "killed", "--overlapping"),
            120,
        )
    )
    assert seen.count(str(claim)) == 1
    for r in group[1:]:
        assert str(r["id"]) not in seen
    assert "merged" in seen


def test_dates_within_unless_overlapping() -> None:
    within = json_of("events", "--from", "2020-11-08", "--to", "2020-11-10")
    assert within and all(
        str(e["date"]) >= "2020-11-08" and str(e["end"]) <= "2020-11-10" for e in within
    )
    wider = json_of("events", "--from", "2020-11-08", "--to", "2020-11-10", "--overlapping")
    assert len(wider) > len(within)
    seen = "\n".join(screen_lines(in_pty(100, "casualties", "--year", "2016"), 100))
    assert "1994–2016" not in seen and "2010–2019" not in seen
