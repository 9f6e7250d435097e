"""`ask` on the question corpus (tests/data/ask_corpus.yaml), in a real pseudo-terminal of
80×24: every answer fits the first screen and says how it read the question and the
equivalent command; that command, run, returns the records the answer shows; and the share of
questions answered on the first screen (scripts/eval_ask.py) does not fall below the measured
floor."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import pytest
from test_terminal import in_pty, screen_lines
from typer.testing import CliRunner

from nkfacts.ask import answer
from nkfacts.cli import app
from nkfacts.store.index import open_index

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
import eval_ask  # noqa: E402

SHARE_CACHE = True
QUESTIONS = eval_ask.load(eval_ask.CORPUS)
FLOOR = 0.62  # measured 0.66 on 2026-12-07 (README, Ask): raise it as the reading improves
runner = CliRunner()


@pytest.mark.subprocess
def test_every_answer_fits_80_by_24_in_a_terminal() -> None:
    # one process for all questions: the pty harness runs `nkfacts ask` per question
    for q in QUESTIONS[::4]:  # a quarter in a real pty (each is a process); all in-process below
        lines = screen_lines(in_pty(80, "ask", q["q"]), 80)
        while lines and not lines[-1]:
            lines.pop()
        assert len(lines) <= 23, q["q"]
        assert lines[0].startswith("Read as: "), q["q"]
        assert any(line.startswith("Same as: nkfacts ") for line in lines[1:4]), q["q"]


def test_every_answer_fits_and_its_command_returns_what_it_shows() -> None:
    from nkfacts.ask.screen import screen
    from nkfacts.core.paths import data_dir

    con = open_index(data_dir(None))
    for q in QUESTIONS:
        found = answer(con, q["q"])
        text = screen(found, 80)
        lines = text.splitlines()
        assert len(lines) <= 23 and max(map(len, lines)) <= 80, q["q"]
        shown = {r["id"] for r in found.records if r["id"] in text}
        if not shown or found.view == "search":
            continue
        argv = shlex.split(found.command_line)[1:]
        result = runner.invoke(app, [*argv, "--format", "json"])
        assert result.exit_code == 0, (q["q"], found.command_line, result.output)
        assert shown <= {r["id"] for r in json.loads(result.stdout)}, q["q"]


def test_the_share_answered_on_the_first_screen_holds() -> None:
    results = eval_ask.run(QUESTIONS)
    share = sum(r["ok"] for r in results) / len(results)
    assert share >= FLOOR, eval_ask.report(results, failures=False)
