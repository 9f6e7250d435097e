"""A table's 'Both sides' total against its Armenia and Azerbaijan parts: which records are
compared and what a mismatch reports (mutation testing: the survivors of `nkfacts.core.totals`,
docs/development.md "Mutation testing")."""

from __future__ import annotations

from typing import Any

import pytest

from nkfacts.core.totals import total_mismatches


def fig(party: str, low: int, high: int | None = None, **more: Any) -> dict[str, Any]:
    r: dict[str, Any] = {
        "id": f"{party[:3].lower()}-{low}",
        "party": party,
        "low": low,
        "high": high,
        "start": "2020-09-27",
        "end": "2020-11-10",
        "category": "military",
        "measure": "killed",
        "claimant": "Armenia",
        "as_of": None,
        "citations": [{"source": "src-a", "ref": "1"}],
    }
    r.update(more)
    return r


def test_a_total_that_is_the_sum_of_its_parts_is_not_reported() -> None:
    assert total_mismatches([fig("Armenia", 10), fig("Azerbaijan", 5), fig("Both sides", 15)]) == []


def test_a_total_that_is_not_the_sum_is_reported_with_the_parts_and_their_sum() -> None:
    arm, aze, total = fig("Armenia", 10), fig("Azerbaijan", 5), fig("Both sides", 16)
    assert total_mismatches([arm, aze, total]) == [(total, arm, aze, 15, 15)]


def test_ranges_add_up_bound_by_bound() -> None:
    arm, aze = fig("Armenia", 10, 20), fig("Azerbaijan", 5)
    assert total_mismatches([arm, aze, fig("Both sides", 15, 25)]) == []
    exact = fig("Both sides", 15)
    assert total_mismatches([arm, aze, exact]) == [(exact, arm, aze, 15, 25)]
    low_only = fig("Both sides", 25)
    assert total_mismatches([arm, aze, low_only]) == [(low_only, arm, aze, 15, 25)]


def test_any_pair_of_parts_may_make_the_total() -> None:
    """Two figures for each side: the total only has to be one of the four sums."""
    rows = [fig("Armenia", 10), fig("Armenia", 12), fig("Azerbaijan", 5), fig("Azerbaijan", 7)]
    for t in (15, 17, 19):
        assert total_mismatches([*rows, fig("Both sides", t)]) == []
    total = fig("Both sides", 100)
    [(reported, a, z, lo, hi)] = total_mismatches([*rows, total])
    assert reported is total
    assert (a["low"], z["low"], lo, hi) == (10, 5, 15, 15)


def test_every_total_of_the_group_is_checked() -> None:
    arm, aze = fig("Armenia", 10), fig("Azerbaijan", 5)
    bad1, good, bad2 = fig("Both sides", 1), fig("Both sides", 15), fig("Both sides", 2)
    assert total_mismatches([arm, aze, bad1, good, bad2]) == [
        (bad1, arm, aze, 15, 15),
        (bad2, arm, aze, 15, 15),
    ]


def test_a_lower_bound_part_is_never_summed() -> None:
    rows = [fig("Armenia", 10, at_least=True), fig("Azerbaijan", 5), fig("Both sides", 99)]
    assert total_mismatches(rows) == []
    rows = [fig("Armenia", 10), fig("Azerbaijan", 5, at_least=True), fig("Both sides", 99)]
    assert total_mismatches(rows) == []


def test_without_both_parts_there_is_nothing_to_compare() -> None:
    assert total_mismatches([fig("Armenia", 10), fig("Both sides", 99)]) == []
    assert total_mismatches([fig("Azerbaijan", 10), fig("Both sides", 99)]) == []
    assert total_mismatches([fig("Armenia", 10), fig("Azerbaijan", 5)]) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("citations", [{"source": "src-b", "ref": "1"}]),
        ("start", "2020-09-28"),
        ("end", "2020-11-09"),
        ("category", "civilian"),
        ("measure", "wounded"),
        ("claimant", "Azerbaijan"),
        ("as_of", "2021"),
    ],
)
def test_a_total_is_only_compared_with_parts_of_its_own_table(field: str, value: Any) -> None:
    """Same source, period, category, measure, claimant and as-of date, or no comparison."""
    total = fig("Both sides", 99, **{field: value})
    assert total_mismatches([fig("Armenia", 10), fig("Azerbaijan", 5), total]) == []


def test_a_period_without_an_end_is_the_same_as_one_ending_where_it_starts() -> None:
    arm, aze = fig("Armenia", 10, end=None), fig("Azerbaijan", 5, end=None)
    total = fig("Both sides", 99, end="2020-09-27")
    assert total_mismatches([arm, aze, total]) == [(total, arm, aze, 15, 15)]
