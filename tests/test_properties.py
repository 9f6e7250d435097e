"""Property-based: whatever YAML comes in, the reader and validator load data or report
problems — they never crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nkfacts.load.validate import check
from nkfacts.load.yamlsafe import YamlError, loads

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.text(max_size=20),
    st.sampled_from(["2016", "2016-02-30", "Armenia", "killed", "art", "c-1"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
FIELDS = [
    "id",
    "party",
    "category",
    "measure",
    "start",
    "end",
    "low",
    "high",
    "claimant",
    "citations",
    "quote",
    "at_least",
    "event",
    "typo",
]
records = st.lists(st.dictionaries(st.sampled_from(FIELDS), values, max_size=10), max_size=4)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_reader_never_crashes_on_any_text(text: str) -> None:
    try:
        loads(text, Path("x.yaml"))
    except YamlError as exc:
        assert str(exc).startswith("x.yaml")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records)
def test_validator_reports_instead_of_crashing(recs: list[dict[str, object]]) -> None:
    with tempfile.TemporaryDirectory() as d:
        data = Path(d)
        (data / "sources.yaml").write_text("- {id: art, title: T, url: 'https://example.org'}\n")
        (data / "events.yaml").write_text("[]\n")
        (data / "casualties.yaml").write_text(yaml.safe_dump(recs, allow_unicode=True))
        ds = check(data)
        for p in ds.problems:
            assert {"severity", "code", "file", "line", "id", "field", "message"} <= set(p)
        if ds.valid:
            for rec in ds.take_public("casualty"):
                assert rec["low"] <= rec["high"] and rec["start"] <= rec["end"]
