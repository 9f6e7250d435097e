"""The schema's field checkers through `check_record`: each error's problem code, record id,
field, line and message, and the values at every limit (mutation testing: the survivors of
`nkfacts.load.schema`, docs/development.md "Mutation testing")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from nkfacts.core import vocab
from nkfacts.load.schema import INT_MAX, MAX_TEXT, SPECS, FieldProblem, _vocab, check_record
from nkfacts.load.yamlsafe import LDict, LList

FILE = "casualties.yaml"
Problem = tuple[Any, ...]  # (code, file, line, record id, field, message)

CASUALTY: dict[str, Any] = {
    "id": "cas-test",
    "party": "Armenia",
    "category": "military",
    "measure": "killed",
    "start": "2016",
    "low": 10,
    "claimant": "Armenia",
    "citations": [{"source": "src-a", "ref": "12"}],
    "quote": "ten soldiers were killed",
}
POSITION: dict[str, Any] = {
    "id": "pos-test",
    "actor": "Russia",
    "kind": "statement",
    "stance": "neutral",
    "summary": "called for a ceasefire",
    "citations": [{"source": "src-a", "ref": "3"}],
    "quote": "Russia called for a ceasefire",
}
SOURCE: dict[str, Any] = {"id": "src-a", "title": "An article", "url": "https://example.org/a"}


def check(kind: str, raw: Any) -> tuple[dict[str, Any] | None, list[Problem]]:
    problems: list[Problem] = []

    def report(*args: Any) -> None:
        problems.append(args)

    return check_record(kind, raw, FILE, report), problems


def record(base: dict[str, Any], line: int = 4, **fields: Any) -> LDict:
    """A record as the YAML reader gives it: its line, and each key on the lines after."""
    raw = LDict(line)
    for n, (key, value) in enumerate({**base, **fields}.items()):
        raw[key] = value
        raw.key_lines[key] = line + n
    return raw


def field_problem(kind: str, base: dict[str, Any], field: str, value: Any) -> tuple[str, str]:
    """(code, message) of the one problem a bad value gives, reported at the field's own line
    with the record's id."""
    raw = record(base, **{field: value})
    clean, problems = check(kind, raw)
    assert clean is None
    assert len(problems) == 1, problems
    code, file, line, rid, name, message = problems[0]
    assert (file, line, rid, name) == (FILE, raw.key_lines[field], raw.get("id"), field)
    return code, message


LONG = "a" * 59  # repr() is 61 characters: shortened to 60 and "…"


@pytest.mark.parametrize(
    ("kind", "base", "field", "value", "code", "message"),
    [
        ("casualty", CASUALTY, "quote", "  ", "type", "expected non-empty text, got '  '"),
        ("casualty", CASUALTY, "quote", "x" * (MAX_TEXT + 1), "type", "text longer than 4000 characters"),
        ("source", SOURCE, "url", "ftp://example.org/a", "url",
         "url must be an http:// or https:// address, got 'ftp://example.org/a'"),
        ("source", SOURCE, "sha256", "ABC", "type", "sha256 must be 64 lowercase hex digits, got 'ABC'"),
        ("casualty", CASUALTY, "id", "Cas_Test", "id-format",
         "id 'Cas_Test' must be lower-case letters, digits and single hyphens"),
        ("casualty", CASUALTY, "low", -1, "type", "expected a whole number ≥ 0, got -1"),
        ("casualty", CASUALTY, "low", "a" * 58, "type", f"expected a whole number ≥ 0, got '{'a' * 58}'"),
        ("casualty", CASUALTY, "low", LONG, "type", f"expected a whole number ≥ 0, got '{LONG[:59]}…"),
        ("casualty", CASUALTY, "high", INT_MAX + 1, "type",
         f"number too large: {INT_MAX + 1} (limit {INT_MAX})"),
        ("casualty", CASUALTY, "at_least", "yes", "type", "expected true or false, got 'yes'"),
        ("casualty", CASUALTY, "start", "1799", "date", "'1799' is outside the years 1800–2100"),
        ("casualty", CASUALTY, "end", "2101-01", "date", "'2101-01' is outside the years 1800–2100"),
        ("casualty", CASUALTY, "measure", "Killed", "vocabulary",
         "unknown measure 'Killed' — did you mean 'killed'? Valid: " + ", ".join(vocab.MEASURES)),
        ("casualty", CASUALTY, "category", 7, "vocabulary",
         "unknown category '7' Valid: " + ", ".join(vocab.CATEGORIES)),
        ("source", SOURCE, "authors", "Doe, Jane", "type", "expected a list of names, got 'Doe, Jane'"),
        ("casualty", CASUALTY, "citations", [], "citation", "expected a non-empty list of {source, ref}"),
        ("casualty", CASUALTY, "citations", ["src-a"], "citation",
         "citation must be a mapping {source, ref}, got 'src-a'"),
        ("casualty", CASUALTY, "citations", [{"source": "src-a", "ref": "1", "page": 2, "at": 3}],
         "unknown-field", "unknown citation field(s): at, page"),
        ("casualty", CASUALTY, "citations", [{"source": "src-a"}], "citation",
         "citation needs both 'source' and 'ref' (ref: null when the text prints no label)"),
        ("casualty", CASUALTY, "citations", [{"source": "src-a", "ref": "1", "passage_ref": "b"}],
         "citation", "passage_ref goes only with ref: null"),
        ("casualty", CASUALTY, "citations", [{"source": "src-a", "ref": True}], "citation",
         'ref must be a label like "160", "c" or "388/2016" (or null), got True'),
        ("position", POSITION, "figures", [{"value": 1, "note": "x"}], "type",
         "figure must be {value, unit, label}, got {'value': 1, 'note': 'x'}"),
        ("position", POSITION, "figures", [{"value": -(INT_MAX + 1)}], "type",
         f"figure value out of range: {-(INT_MAX + 1)}"),
    ],
)  # fmt: skip
def test_a_bad_value_gives_its_code_and_message(
    kind: str, base: dict[str, Any], field: str, value: Any, code: str, message: str
) -> None:
    assert field_problem(kind, base, field, value) == (code, message)


@pytest.mark.parametrize(
    ("kind", "base", "field", "value", "clean"),
    [
        ("casualty", CASUALTY, "quote", "x" * MAX_TEXT, "x" * MAX_TEXT),
        ("casualty", CASUALTY, "quote", "  ten killed \n", "ten killed"),
        ("casualty", CASUALTY, "low", 0, 0),
        ("casualty", CASUALTY, "high", INT_MAX, INT_MAX),
        ("casualty", CASUALTY, "start", "1800", "1800"),
        ("casualty", CASUALTY, "end", "2100-12-31", "2100-12-31"),
        ("casualty", CASUALTY, "citations", [{"source": "src-a", "ref": 160}],
         [{"source": "src-a", "ref": "160"}]),
        ("casualty", CASUALTY, "citations", [{"source": "src-a", "ref": None, "passage_ref": "c"}],
         [{"source": "src-a", "ref": None, "passage_ref": "c"}]),
        ("position", POSITION, "figures", [{"value": INT_MAX}],
         [{"value": INT_MAX, "unit": "", "label": ""}]),
    ],
)  # fmt: skip
def test_a_value_at_the_limit_is_accepted(
    kind: str, base: dict[str, Any], field: str, value: Any, clean: Any
) -> None:
    checked, problems = check(kind, record(base, **{field: value}))
    assert problems == []
    assert checked is not None
    assert checked[field] == clean


@pytest.mark.parametrize(
    ("table", "what", "value", "message"),
    [
        (vocab.MEASURES, "measure", "Killed", "unknown measure 'Killed' — did you mean 'killed'?"),
        (vocab.PARTIES, "party", "Armenian", "unknown party 'Armenian' — did you mean 'Armenia'?"),
        (vocab.CATEGORIES, "category", 7, "unknown category '7'"),
    ],
)
def test_a_vocabulary_checker_takes_only_canonical_values(
    table: Mapping[str, tuple[str, ...]], what: str, value: Any, message: str
) -> None:
    """The checker itself (SPECS holds checkers made at import, before a test can change
    how they are made)."""
    check = _vocab(table, what)
    first = next(iter(table))
    assert check(first) == first
    with pytest.raises(FieldProblem) as exc:
        check(value)
    assert exc.value.code == "vocabulary"
    assert str(exc.value) == f"{message} Valid: {', '.join(table)}"


def test_a_record_that_is_not_a_mapping_is_reported_at_its_line() -> None:
    raw = LList(9)
    raw.append("cas-test")
    assert check("casualty", raw) == (
        None,
        [("type", FILE, 9, None, None, "each record must be a mapping, got LList")],
    )


def test_a_record_without_an_id_is_named_by_its_name() -> None:
    _, problems = check("actor", record({"name": "Ilham Aliyev"}, nicknames=["x"]))
    assert [(p[0], p[3], p[4]) for p in problems] == [
        ("unknown-field", "Ilham Aliyev", "nicknames")
    ]


def test_a_name_that_is_not_text_names_no_record() -> None:
    _, problems = check("place", record({"name": 5}))
    assert [(p[0], p[3], p[4]) for p in problems] == [("type", None, "name")]


def test_a_record_without_line_numbers_reports_without_them() -> None:
    """A record built in code (a plain dict): its problems carry no line."""
    clean, problems = check("casualty", {**CASUALTY, "low": -1})
    assert clean is None
    assert [(p[0], p[2], p[3], p[4]) for p in problems] == [("type", None, "cas-test", "low")]


def test_a_key_without_its_own_line_is_reported_at_the_record_line() -> None:
    raw = LDict(12)
    raw.update({**CASUALTY, "low": -1, "extra": 1})
    _, problems = check("casualty", raw)
    assert [(p[0], p[2], p[4]) for p in problems] == [
        ("unknown-field", 12, "extra"),
        ("type", 12, "low"),
    ]


def test_a_missing_required_field_rejects_the_record() -> None:
    raw = record({k: v for k, v in CASUALTY.items() if k != "claimant"})
    assert check("casualty", raw) == (
        None,
        [("required", FILE, 4, "cas-test", "claimant", "missing required field 'claimant'")],
    )


def test_an_unknown_field_is_named_with_a_suggestion_or_the_allowed_fields() -> None:
    allowed = ", ".join(SPECS["casualty"])
    _, problems = check("casualty", record(CASUALTY, claimnt="x", zzz="y"))
    assert [p[4:] for p in problems] == [
        ("claimnt", f"unknown field 'claimnt' — did you mean 'claimant'? Allowed: {allowed}"),
        ("zzz", f"unknown field 'zzz' Allowed: {allowed}"),
    ]


def test_a_long_unknown_field_is_shown_cut_to_100_characters() -> None:
    key = "k" * 100 + "tail"
    _, problems = check("casualty", record(CASUALTY, **{key: 1}))
    assert problems[0][4] == "k" * 100
    assert problems[0][5].startswith(f"unknown field '{'k' * 100}' Allowed: id, party")


@pytest.mark.parametrize("n", [20, 21, 1021])
def test_twenty_unknown_fields_are_reported_then_counted(n: int) -> None:
    raw = record(CASUALTY, **{f"x{i}": i for i in range(n)})
    clean, problems = check("casualty", raw)
    assert clean is None
    assert len(problems) == min(n, 21)
    assert [p[4] for p in problems[:20]] == [f"x{i}" for i in range(20)]
    if n > 20:
        more = f"{n - 20:,}"
        assert problems[20] == (
            "unknown-field",
            FILE,
            4,
            "cas-test",
            None,
            f"… and {more} more unknown fields",
        )
