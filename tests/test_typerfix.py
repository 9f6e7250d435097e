"""The Typer/click internals `nkfacts.cli.typerfix` relies on. Each test fails loudly, naming
the workaround to revisit, if an upgrade of the pinned Typer changes what it patches."""

from __future__ import annotations

import sys
from typing import Any

import pytest
import typer
import typer.main
from typer.testing import CliRunner

from nkfacts.cli import app, typerfix


def test_typer_keeps_its_completion_scripts_where_bash_quotes_completions_patches_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer import _completion_shared as shared

    scripts = dict(shared._completion_scripts)
    monkeypatch.setattr(shared, "_completion_scripts", scripts)
    assert "complete -o default -F" in scripts["bash"], (
        "typer's bash completion script changed: revisit typerfix.bash_quotes_completions"
    )
    typerfix.bash_quotes_completions()
    assert "complete -o default -o filenames -F" in scripts["bash"]
    typerfix.bash_quotes_completions()  # idempotent
    assert scripts["bash"].count("-o filenames") == 1


def test_a_copied_app_builds_only_its_registered_commands() -> None:
    only = typerfix.app_for(app, "events")
    assert only is not app and len(app.registered_commands) > 1
    group: Any = typer.main.get_command(only)
    assert list(group.commands) == ["events"], (
        "Typer no longer builds from `registered_commands`: revisit typerfix.app_for"
    )
    assert typerfix.app_for(app, None) is app
    result = CliRunner().invoke(only, ["events", "--help"])
    assert result.exit_code == 0 and "events" in result.stdout


def test_clicks_broken_pipe_wrapper_is_still_called_pacify_flush_wrapper(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer._click.utils import PacifyFlushWrapper

    assert not typerfix.click_met_broken_pipe()
    monkeypatch.setattr(sys, "stdout", PacifyFlushWrapper(sys.stdout))
    assert typerfix.click_met_broken_pipe(), (
        "click renamed its broken-pipe wrapper: revisit typerfix.click_met_broken_pipe"
    )


def test_typer_still_wraps_an_options_completion_function_where_completes_reads_it() -> None:
    # The fast path's bash completion knows what each option completes from only through
    # `typerfix.completes`, which reads Typer's private wrapper; if Typer stops keeping it
    # there, every option reads None and the spec's COMPLETION would silently empty.
    group: Any = typer.main.get_command(app)
    params = {p.name: p for p in group.commands["casualties"].params}
    assert typerfix.completes(params["claimant"]) == ("index", "claimant")
    party = typerfix.completes(params["party"])
    assert party is not None and party[0] == "values"
    assert typerfix.completes(params["year"]) is None
