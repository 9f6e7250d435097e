"""`positions --own` (the actor's own words and acts, not others' readings) and `--by-actor`
(one row per actor, strongest evidence first) — issue 24."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from nkfacts.cli import app

SHARE_CACHE = True
runner = CliRunner()


def _rows(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["positions", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_own_drops_others_readings_and_keeps_the_actors_words() -> None:
    every = _rows("--actor", "Russia")
    own = _rows("--actor", "Russia", "--own")
    readings = [p for p in every if p.get("attributed_to")]
    assert readings and not any(p.get("attributed_to") for p in own)
    assert len(own) == len(every) - len(readings)


def test_by_actor_gives_one_row_per_actor_acts_before_words() -> None:
    rows = _rows("--stance", "supports-azerbaijan", "--stance", "supplies-azerbaijan", "--by-actor")
    actors = [p["actor"] for p in rows]
    assert len(actors) == len(set(actors)) > 5
    kinds = [p["kind"] for p in rows if not p.get("attributed_to")]
    assert kinds[0] == "military-support" and "statement" not in kinds[: kinds.index("arms-supply")]
    # every own row comes before every reading
    flags = [bool(p.get("attributed_to")) for p in rows]
    assert flags == sorted(flags)
