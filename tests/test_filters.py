"""Every documented filter and view on the small fixture (tests/data/small), asserting what is
printed. Each test names the behaviour it guards; each would fail if that filter were dropped
or inverted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from nkfacts.cli import app

SHARE_CACHE = True  # its tests only read: one index per data directory (conftest)

SMALL = Path(__file__).resolve().parent / "data" / "small"
runner = CliRunner()


def run(*args: str, **env: str) -> tuple[int, str, str]:
    r = runner.invoke(app, ["--data-dir", str(SMALL), *args], env=env or None)
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.stdout, r.stderr


def ids(*args: str) -> list[str]:
    code, out, err = run(*args, "--format", "json")
    if code == 1:
        return []
    assert code == 0, err
    return [r["id"] for r in json.loads(out)]


def rows(*args: str) -> list[dict[str, Any]]:
    code, out, err = run(*args, "--format", "json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


# casualties ------------------------------------------------------------------------------


def test_casualties_source_filter_by_id_and_title() -> None:
    two = ["c-arm-2015-civilians", "c-arm-2015-two", "c-arm-2015-wounded", "c-aze-2015"]
    assert ids("casualties", "--source", "two") == two
    assert ids("casualties", "--source", "Second test article") == two
    assert set(ids("casualties", "--source", "one", "--source", "two")) == set(ids("casualties"))


def test_casualties_claimant_party_category_measure() -> None:
    assert ids("casualties", "--claimant", "azerbaijani") == ["c-arm-2015-aze-claim"]
    assert ids("casualties", "--measure", "refugees") == ["c-2016-displaced"]
    soldiers = ["c-arm-2015-one", "c-arm-2015-two", "c-arm-2015-aze-claim", "c-arm-2015-accidents"]
    killed = ["--measure", "killed"]
    assert sorted(ids("casualties", "--category", "soldiers", "--party", "armenian", *killed)) == (
        sorted(soldiers)
    )
    assert ids("casualties", "--measure", "wounded") == ["c-arm-2015-wounded"]
    assert ids("casualties", "--category", "civilian") == ["c-arm-2015-civilians"]
    both = ids("casualties", "--party", "both sides")
    assert set(both) == {"c-2016-clash", "c-2016-displaced", "c-war-1988-1994"}
    assert ids("casualties", "--party", "azerbaijan") == ["c-aze-2015"]
    assert set(ids("casualties", "--party", "armenia", "--party", "both")) == set(
        ids("casualties")
    ) - {"c-aze-2015"}


def test_casualties_event_filter() -> None:
    assert ids("casualties", "--event", "ev-clash") == ["c-2016-clash"]
    code, _, err = run("casualties", "--event", "ev-nope")
    assert code == 2 and "no event with id 'ev-nope'" in err


def test_dates_mean_within_and_overlapping_widens() -> None:
    assert ids("casualties", "--from", "2016-04-01", "--to", "2016-04-30") == ["c-2016-clash"]
    wide = ids("casualties", "--from", "2016-04-01", "--to", "2016-04-30", "--overlapping")
    assert set(wide) == {"c-2016-clash", "c-2016-displaced"}
    assert set(ids("casualties", "--year", "2016")) == {"c-2016-clash", "c-2016-displaced"}
    assert ids("casualties", "--year", "2017") == []


def test_inverted_range_is_a_usage_error() -> None:
    code, _, err = run("casualties", "--from", "2021", "--to", "2020")
    assert code == 2 and "--from after --to" in err


def test_figure_forms_keep_their_qualifiers() -> None:
    figs = {r["id"]: r["figure"] for r in rows("casualties")}
    assert figs["c-arm-2015-aze-claim"] == "64+"
    assert figs["c-2016-clash"] == "≈90"
    assert figs["c-2016-displaced"] == "≤3,000"
    _, tsv, _ = run("casualties", "--format", "tsv")
    assert "\t64+\t" in "\t" + tsv.replace("\n", "\t")


def test_identical_claims_share_a_claim_id_and_one_table_row() -> None:
    by_id = {r["id"]: r for r in rows("casualties")}
    assert by_id["c-arm-2015-two"]["claim"] == "c-arm-2015-one"
    assert by_id["c-arm-2015-aze-claim"]["claim"] == "c-arm-2015-aze-claim"
    _, table, _ = run("casualties", "--format", "table", COLUMNS="160")
    assert table.count("c-arm-2015-one") == 1 and "c-arm-2015-two" not in table
    assert "[1]10 [2]20" in table  # both sentences' labels on the one row
    assert "1 record(s) merged" in table
    _, md, _ = run("casualties", "--format", "markdown")
    assert md.count("| 42 |") == 1


def test_passage_label_is_shown_distinctly() -> None:
    _, table, _ = run("casualties", "--format", "table", COLUMNS="160")
    assert "[1]→12" in table and "label closing its passage" in table


# events ----------------------------------------------------------------------------------


def test_events_actor_place_grep_type_source() -> None:
    assert ids("events", "--actor", "Russian Federation") == [
        "ev-agreement-one",
        "ev-agreement-two",
    ]
    assert ids("events", "--actor", "Iran") == []
    assert ids("events", "--place", "Shushi") == ["ev-shusha"]
    assert ids("events", "--place", "Şuşa") == ["ev-shusha"]
    assert ids("events", "--place", "susa") == ["ev-shusha"]
    assert ids("events", "--place", "martuni", "--place", "shusha") == ["ev-shusha", "ev-clash"]
    assert ids("events", "--grep", "second article") == ["ev-agreement-two"]
    assert ids("events", "--type", "capture") == ["ev-shusha"]
    assert ids("events", "--source", "two") == ["ev-shusha", "ev-agreement-two"]


def test_events_year_only_dates_are_not_inside_a_few_days() -> None:
    assert ids("events", "--from", "2020-11-08", "--to", "2020-11-10") == [
        "ev-agreement-one",
        "ev-agreement-two",
    ]
    assert "ev-year-only" in ids(
        "events", "--from", "2020-11-08", "--to", "2020-11-10", "--overlapping"
    )
    _, table, _ = run("events", "--year", "2020", "--format", "table", COLUMNS="160")
    assert "2020-01-01" not in table


def test_events_table_one_row_per_happening_unless_claims() -> None:
    _, table, _ = run("events", "--year", "2020", "--format", "table", COLUMNS="160")
    assert "9 November 2020 / 10 November 2020" in table
    assert table.count("Agreement signed") == 1 and "[1]18 [2]22" in table
    _, claims, _ = run("events", "--year", "2020", "--claims", "--format", "table", COLUMNS="160")
    assert claims.count("Agreement signed") == 2
    assert [r["happening"] for r in rows("events", "--actor", "russia")] == ["hp-agreement"] * 2


# ceasefires and violations -----------------------------------------------------------------


def test_ceasefires_year_keeps_those_alive_in_it() -> None:
    assert ids("ceasefires", "--year", "2020") == ["cf-october"]
    assert ids("ceasefires", "--year", "1994") == ["cf-bishkek"]
    assert ids("ceasefires", "--year", "2000") == []


def test_violations_by_ceasefire_and_claimant() -> None:
    assert ids("ceasefires", "--violations") == ["v-1994", "v-2020"]
    assert ids("ceasefires", "--violations", "--ceasefire", "cf-bishkek") == ["v-1994"]
    assert ids("ceasefires", "--violations", "--claimant", "armenian") == ["v-2020"]
    code, _, err = run("ceasefires", "--ceasefire", "cf-bishkek")
    assert code == 2 and "go with --violations" in err
    code, _, err = run("ceasefires", "--violations", "--ceasefire", "cf-nope")
    assert code == 2 and "unknown ceasefire" in err
    v = rows("ceasefires", "--violations", "--ceasefire", "cf-october")[0]
    assert v["ceasefire_name"] == "October ceasefire" and v["ceasefire"] == "cf-october"


# positions -------------------------------------------------------------------------------


def test_positions_repeatable_actor_and_period() -> None:
    assert ids("positions", "--actor", "Iran", "--actor", "Turkey") == ["p-iran", "p-turkey"]
    assert ids("positions", "--actor", "Türkiye") == ["p-turkey"]
    assert ids("positions", "--period", "1994-2020") == ["p-iran", "p-russia"]
    code, _, err = run("positions", "--period", "1994")  # two periods name 1994
    assert code == 2 and "unknown period" in err
    assert ids("positions", "--period", "2020-2023") == ["p-news", "p-blog", "p-turkey"]
    assert ids("positions", "--stance", "mediator") == ["p-iran"]
    assert ids("positions", "--kind", "mediation", "--kind", "statement") == [
        "p-iran",
        "p-russia",
        "p-news",
        "p-blog",
        "p-turkey",
    ]
    code, _, err = run("positions", "--period", "war")
    assert code == 2 and "unknown period" in err


def test_matrix_marks_and_legend() -> None:
    _, out, _ = run("positions", "--matrix", "--format", "table", COLUMNS="100")
    line = next(x for x in out.splitlines() if x.startswith("Turkey"))
    assert "Z" in line
    assert "Z supports-azerbaijan" in out
    matrix = rows("positions", "--matrix")
    iran = next(r for r in matrix if r["actor"] == "Iran")
    assert iran["1994–2020"] == {"marks": "M", "ids": ["p-iran"], "attributed": ""}


# disputes --------------------------------------------------------------------------------


def test_disputes_kinds_and_party_filter() -> None:
    found = rows("disputes")
    kinds = {d["kind"]: d for d in found}
    assert set(kinds) == {"competing", "date"}
    competing = kinds["competing"]
    assert [c["figure"] for c in competing["claims"]] == ["42", "64+"]
    assert competing["claims"][0]["ids"] == ["c-arm-2015-one", "c-arm-2015-two"]
    assert [c["figure"] for c in kinds["date"]["claims"]] == ["9 November 2020", "10 November 2020"]
    assert [d["kind"] for d in rows("disputes", "--party", "armenia")] == ["competing"]
    code, _, _ = run("disputes", "--party", "azerbaijan")
    assert code == 1


def test_disputes_table_lists_claims_under_their_subject() -> None:
    _, out, _ = run("disputes", "--format", "table", COLUMNS="80")
    lines = out.splitlines()
    head = next(i for i, x in enumerate(lines) if x.startswith("competing:"))
    assert "42" in lines[head + 1] and "unattributed" in lines[head + 1]
    assert any("64+" in x and "Azerbaijani" in x for x in lines[head + 1 : head + 6])


# show, search ------------------------------------------------------------------------------


def test_show_lists_same_claim_and_competitors() -> None:
    _, out, _ = run("show", "c-arm-2015-one", "--format", "json")
    full = json.loads(out)
    assert [r["id"] for r in full["same_claim"]] == ["c-arm-2015-two"]
    assert [r["id"] for r in full["competing"]] == ["c-arm-2015-aze-claim"]
    _, text, _ = run("show", "c-arm-2015-one", "--format", "tsv")
    assert "competing figures" in text and "64+" in text and "c-arm-2015-aze-claim" in text
    assert "the same claim, also stated in" in text
    _, text, _ = run("show", "c-2016-clash", "--format", "tsv")
    assert "(no label; passage [12])" in text


def test_show_event_lists_its_happening() -> None:
    full = json.loads(run("show", "ev-agreement-one", "--format", "json")[1])
    assert [r["id"] for r in full["same_happening"]] == ["ev-agreement-two"]


@pytest.mark.parametrize(
    ("query", "hit"),
    [("Shushi", "ev-shusha"), ("capture of Şuşa", "ev-shusha"), ("Martuni", "ev-clash")],
)
def test_search_names_and_word_forms(query: str, hit: str) -> None:
    assert hit in ids("search", query)


def test_every_view_has_one_column_per_name() -> None:
    from nkfacts.output.views import VIEWS

    for view, cols in VIEWS.items():
        headers = [c.header for c in cols]
        assert len(headers) == len(set(headers)), (view, headers)


def test_a_part_of_another_figure_is_shown_as_such_and_never_competes(tmp_path: Path) -> None:
    by_id = {r["id"]: r for r in rows("casualties", "--year", "2015")}
    assert by_id["c-arm-2015-accidents"]["part_of"] == "c-arm-2015-one"
    _, table, _ = run("casualties", "--year", "2015", "--format", "table", COLUMNS="160")
    assert "5 of 42" in table
    competing = rows("disputes")[0]
    assert "5" not in [c["figure"] for c in competing["claims"]]
    full = json.loads(run("show", "c-arm-2015-one", "--format", "json")[1])
    assert "c-arm-2015-accidents" not in [r["id"] for r in full["competing"]]


def test_part_of_must_name_a_figure_that_can_hold_it(tmp_path: Path) -> None:
    import shutil

    from nkfacts.load.validate import check

    data = tmp_path / "small"
    shutil.copytree(SMALL, data)
    text = (data / "casualties.yaml").read_text(encoding="utf-8")
    for bad, message in [
        ("part_of: c-nope", "does not exist"),
        ("part_of: c-2016-clash", "another party or measure"),
    ]:
        (data / "casualties.yaml").write_text(
            text.replace("part_of: c-arm-2015-one", bad), encoding="utf-8"
        )
        problems = [p for p in check(data).problems if p["field"] == "part_of"]
        assert problems and message in str(problems[0]["message"]), problems
