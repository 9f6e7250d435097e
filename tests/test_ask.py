"""`nkfacts ask`: how questions are read, where they are routed, what the answer holds, and
that the equivalent command it prints returns the records it shows."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nkfacts.ask import answer, read
from nkfacts.ask.screen import SCREEN, screen
from nkfacts.cli import app
from nkfacts.core.contract import fields
from nkfacts.store.index import open_index

SHARE_CACHE = True
DATA = Path(__file__).resolve().parent.parent / "data"
runner = CliRunner()
ACTORS = {
    "russia": "Russia",
    "iran": "Iran",
    "turkey": "Turkey",
    "european union": "European Union",
}
PLACES = {"shusha": "Shusha", "shushi": "Shusha", "susa": "Shusha", "bishkek": "Bishkek"}


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("How many Armenian soldiers died in the 2020 war?", "count"),
        ("death toll of the four-day war", "count"),
        ("how many refugees fled in 2023", "count"),
        ("What does UCDP count for 2016?", "count"),
        ("When was the Bishkek ceasefire signed?", "ceasefire"),
        ("who brokered the truce", "ceasefire"),
        ("What is Russia's position?", "position"),
        ("what did Iran say about the war", "position"),
        ("Who supports Azerbaijan?", "supporters"),
        ("which countries back Armenia", "supporters"),
        ("When did Shushi fall?", "event"),
        ("what happened in the 2020 war", "event"),
        ("tell me about the weather", "search"),
    ],
)
def test_the_intent_is_read_from_question_words(question: str, intent: str) -> None:
    assert read(question, ACTORS, PLACES).intent == intent


def test_a_count_question_gives_party_category_measure_and_the_named_war() -> None:
    r = read("How many Armenian soldiers died in the 2020 war?", ACTORS, PLACES)
    assert (r.party, r.category, r.measure) == ("Armenia", "military", "killed")
    assert r.period is not None and (r.period.start, r.period.end) == ("2020-09-27", "2020-11-10")
    assert read("how many were wounded", ACTORS, PLACES).measure == "wounded"
    assert read("how many people died", ACTORS, PLACES).measure == "killed"  # the default


def test_names_are_found_in_any_spelling_and_possessive() -> None:
    assert read("What is Russia's position?", ACTORS, PLACES).actors == ["Russia"]
    assert read("When did Šuša fall?", ACTORS, PLACES).places == ["Shusha"]
    assert read("when did shushi fall", ACTORS, PLACES).event_type == "capture"
    assert read("a question about nothing", ACTORS, PLACES).actors == []


def test_a_position_question_without_an_actor_is_not_a_position() -> None:
    assert read("what was the reaction", ACTORS, PLACES).intent == "search"


def _ask(*args: str) -> dict[str, object]:
    result = runner.invoke(app, ["ask", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _ids_of(command: str) -> set[str]:
    argv = shlex.split(command)[1:]
    result = runner.invoke(app, [*argv, "--format", "json"])
    assert result.exit_code == 0, result.output
    return {str(r["id"]) for r in json.loads(result.stdout)}


QUESTIONS = [
    "How many Armenian soldiers died in the 2020 war?",
    "how many soldiers died in April 2016",
    "When was the Bishkek ceasefire signed?",
    "What is Iran's position?",
    "Who supports Azerbaijan?",
    "When did Shusha fall?",
    "what happened in the four-day war",
    "what does UCDP count for 2020",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_equivalent_command_returns_every_record_the_answer_shows(question: str) -> None:
    got = _ask(question)
    shown = {str(r["id"]) for r in got["records"]}  # type: ignore[attr-defined]
    assert shown and shown <= _ids_of(str(got["command"]))


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_answer_fits_one_screen_and_says_how_it_read_the_question(question: str) -> None:
    con = open_index(DATA)
    text = screen(answer(con, question), 80)
    con.close()
    lines = text.splitlines()
    assert len(lines) <= SCREEN and max(len(line) for line in lines) <= 80
    assert lines[0].startswith("Read as: ") and lines[1].startswith("Same as: nkfacts ")


def test_a_count_answer_shows_competing_claims_and_the_datasets_for_the_year() -> None:
    got = _ask("How many Armenian soldiers died in the 2020 war?")
    ids = {r["id"] for r in got["records"]}  # type: ignore[attr-defined]
    assert {
        "cas-nk-2020-war-armenia-soldiers-killed",
        "cas-w20-armenia-military-killed-azerbaijani-claim",
    } <= ids
    assert {d["claimant"] for d in got["datasets"]} == {"UCDP"}  # type: ignore[attr-defined]
    assert got["command"] == (
        "nkfacts casualties --party Armenia --category military --measure killed "
        "--from 2020-09-27 --to 2020-11-10 --overlapping"
    )
    for r in got["records"]:  # type: ignore[attr-defined]
        assert set(r) <= set(fields("casualties"))


def test_who_supports_gives_each_actors_strongest_records_acts_before_words() -> None:
    got = _ask("who", "supports", "Azerbaijan")  # unquoted words are one question
    rows = got["records"]
    actors = [r["actor"] for r in rows]  # type: ignore[attr-defined]
    # at most an actor's two strongest records, each actor's records together
    assert max(actors.count(a) for a in actors) <= 2 and actors[0] == "Turkey"
    assert [a for i, a in enumerate(actors) if i == 0 or actors[i - 1] != a] == list(
        dict.fromkeys(actors)
    )
    assert rows[0]["kind"] == "military-support"  # type: ignore[index]


def test_a_ceasefire_named_by_its_place_comes_alone() -> None:
    got = _ask("When was the Bishkek ceasefire signed?")
    assert [r["id"] for r in got["records"]] == ["cf-1994-bishkek"]  # type: ignore[attr-defined]


def test_a_question_about_nothing_says_so_and_exits_1() -> None:
    result = runner.invoke(app, ["ask", "zzzq qqxx", "--format", "table"])
    assert result.exit_code == 1
    assert "Read as: " in result.stdout and "say nothing about 'zzzq'" in result.stdout


def test_an_empty_or_huge_question_is_a_usage_error() -> None:
    assert runner.invoke(app, ["ask", "  "]).exit_code == 2
    assert runner.invoke(app, ["ask", "x" * 1001]).exit_code == 2


def test_pipes_get_the_views_columns() -> None:
    result = runner.invoke(app, ["ask", "who supports Armenia", "--format", "tsv"])
    assert result.exit_code == 0
    assert result.stdout.split("\n")[0].split("\t")[:4] == ["when", "actor", "kind", "stance"]


def test_an_answer_of_mixed_kinds_pipes_as_search_rows() -> None:
    result = runner.invoke(app, ["ask", "Did Aliyev apologise to Putin?", "--format", "tsv"])
    assert result.exit_code == 0
    header, first = result.stdout.splitlines()[:2]
    assert header.split("\t")[:3] == ["kind", "id", "date"]
    assert first.split("\t")[1] == "ev-o23-2023-09-aliyev-apologises-putin"


def test_a_ceasefire_asked_whether_it_held_comes_with_its_breaches() -> None:
    got = _ask("did the Moscow ceasefire hold?")
    about: list[dict[str, str]] = got["about"]  # type: ignore[assignment]
    breaches: list[dict[str, str]] = got["records"]  # type: ignore[assignment]
    assert [c["id"] for c in about] == ["cf-2020-10-10-moscow"]
    assert breaches and all(v["ceasefire"] == "cf-2020-10-10-moscow" for v in breaches)
