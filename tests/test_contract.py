"""The JSON contract holds for every record of every view: the keys, in order, of
`nkfacts.contract` (README, "JSON contract"), on the shipped data."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from nkfacts.cli import app
from nkfacts.contract import fields

runner = CliRunner()
VIEWS = {
    "casualties": ["casualties"],
    "events": ["events"],
    "ceasefires": ["ceasefires"],
    "violations": ["ceasefires", "--violations"],
    "positions": ["positions"],
    "sources": ["sources"],
}


@pytest.mark.parametrize("view", list(VIEWS))
def test_every_record_has_exactly_the_contract_fields(view: str) -> None:
    out = runner.invoke(app, [*VIEWS[view], "--format", "json"]).stdout
    records = json.loads(out)
    assert records
    for rec in records:
        assert list(rec) == fields(view), rec.get("id")
        for c in rec.get("citations", []):
            assert list(c) == fields("citation"), rec["id"]
        if view == "ceasefires":
            for v in rec["violations"]:
                assert list(v) == fields("violations")[:-1], v["id"]
