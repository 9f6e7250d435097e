"""`search` as people type it: unquoted words are one query, and a casualty is found by the
words of the event it is linked to (issue 24)."""

from __future__ import annotations

from typer.testing import CliRunner

from nkfacts.cli import app

SHARE_CACHE = True
runner = CliRunner()


def _ids(*words: str) -> list[str]:
    result = runner.invoke(app, ["search", *words, "--format", "tsv"])
    assert result.exit_code == 0, result.output
    return [line.split("\t")[1] for line in result.stdout.splitlines()[1:]]


def test_unquoted_words_are_one_query() -> None:
    assert _ids("decree", "dissolving")[0] == "ev-o23-2023-09-28-dissolution-decree"
    assert _ids("decree dissolving") == _ids("decree", "dissolving")


def test_a_casualty_is_found_by_its_linked_events_words() -> None:
    # Its own quote says "fuel storage facility"; its event is the "fuel depot" explosion.
    assert "cas-o23-2023-09-25-fuel-depot-killed" in _ids("fuel", "depot")
