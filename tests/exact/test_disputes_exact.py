"""`disputes` decisions at their edges, exact (nkfacts.answers.disputes): when periods are comparable,
which figures are left out, how claims group, the order of a revision, and the subject lines."""

from __future__ import annotations

from typing import Any

from nkfacts.answers.disputes import comparable, date_disputes, find, series

Rec = dict[str, Any]


def _c(**kw: Any) -> Rec:
    base: Rec = {
        "id": "x",
        "party": "Armenia",
        "category": "military",
        "measure": "killed",
        "start": "2016-04-01",
        "end": "2016-04-04",
        "start_precision": "day",
        "period": "1–4 April 2016",
        "low": 88,
        "high": 88,
        "at_least": False,
        "figure": "88",
        "claimant": "unattributed",
        "as_of": None,
        "citations": [{"source": "s", "ref": "1", "title": "t", "url": "u"}],
    }
    return base | kw


def _span(first: str, last: str, precision: str = "day") -> Rec:
    return {"start": first, "end": last, "start_precision": precision}


def test_periods_sharing_half_their_days_are_comparable() -> None:
    # 1–4 and 3–6 April share 2 of the 6 days they cover: a third, not comparable
    assert not comparable(_span("2016-04-01", "2016-04-04"), _span("2016-04-03", "2016-04-06"))
    # 1–4 and 2–5 April share 3 of 5 days; 1–4 and 3–4 April share 2 of 4: exactly half
    assert comparable(_span("2016-04-01", "2016-04-04"), _span("2016-04-02", "2016-04-05"))
    assert comparable(_span("2016-04-01", "2016-04-04"), _span("2016-04-03", "2016-04-04"))


def test_a_whole_year_is_never_compared_with_part_of_it() -> None:
    year = _span("2016-01-01", "2016-12-31", "year")
    assert not comparable(year, _span("2016-01-01", "2016-12-31", "day"))
    assert not comparable(_span("2016-01-01", "2016-12-31", "month"), year)
    assert comparable(year, year)
    month = _span("2016-01-01", "2016-12-31", "month")
    assert comparable(month, _span("2016-01-01", "2016-12-31", "day"))


def test_figures_of_exactly_one_and_parts_never_compete_but_one_to_two_does() -> None:
    assert find([_c(id="a"), _c(id="b", low=1, high=1, figure="1", claimant="Y")]) == []
    assert find([_c(id="a"), _c(id="b", low=5, high=5, claimant="Y", part_of="a")]) == []
    found = find([_c(id="a"), _c(id="b", low=1, high=2, claimant="Y")])
    assert [d["kind"] for d in found] == ["competing"]
    found = find([_c(id="a", low=2, high=2), _c(id="b", low=3, high=3, claimant="Y")])
    assert [d["kind"] for d in found] == ["competing"]


def test_one_claimant_alone_is_inconsistent_never_competing() -> None:
    found = find([_c(id="a"), _c(id="b", low=91, high=91, figure="91")])
    assert [d["kind"] for d in found] == ["inconsistent"]
    assert found[0]["subject"] == "Armenia military killed, 1–4 April 2016 (per the article)"


def test_a_revision_is_in_date_order_and_undated_figures_last() -> None:
    found = find(
        [
            _c(id="early", low=2906, high=2906, figure="2,906", claimant="Y", as_of="2021-01"),
            _c(id="late", low=2853, high=2853, figure="2,853", claimant="Y", as_of="2021-03"),
            _c(id="none", low=10, high=10, figure="10", claimant="Y"),
        ]
    )
    assert [d["kind"] for d in found] == ["revision"]
    claims = found[0]["claims"]
    assert [c["id"] for c in claims] == ["early", "late", "none"]
    assert [c["as_of"] for c in claims] == ["2021-01", "2021-03", None]


def test_a_chain_of_overlapping_periods_is_one_dispute() -> None:
    # 1–4 ~ 2–5 ~ 3–6 April, but 1–4 and 3–6 share too little: one maximal group
    a = _c(id="a", claimant="A")
    b = _c(
        id="b", start="2016-04-02", end="2016-04-05", period="2–5", low=90, high=90, claimant="B"
    )
    c = _c(
        id="c", start="2016-04-03", end="2016-04-06", period="3–6", low=95, high=95, claimant="C"
    )
    found = find([c, b, a])
    assert [d["kind"] for d in found] == ["competing"]
    assert [x["id"] for x in found[0]["claims"]] == ["a", "b", "c"]
    assert found[0]["subject"] == "Armenia military killed, 1–4 April 2016"
    assert found[0]["start"] == "2016-04-01"


def test_series_is_the_first_part_of_a_dataset_label() -> None:
    def ref(label: str | None) -> Rec:
        return {"citations": [{"source": "d", "ref": label}]}

    assert series(ref("872/373/1")) == "872"
    assert series(ref("376/1991")) == "376"
    assert series(ref("160")) == "" and series(ref(None)) == ""


def _side(party: str, low: int, high: int | None = None, **kw: Any) -> Rec:
    h = low if high is None else high
    fig = f"{low:,}" if h == low else f"{low:,}–{h:,}"
    return _c(id=f"{party[:3]}-{low}", party=party, low=low, high=h, figure=fig, **kw)


def test_a_total_that_is_not_the_sum_of_its_parts() -> None:
    rows = [_side("Armenia", 90), _side("Azerbaijan", 30, 40), _side("Both sides", 150)]
    found = find(rows)
    assert [d["kind"] for d in found] == ["table-total"]
    assert found[0]["subject"] == (
        "Both sides military killed, 1–4 April 2016: total vs parts (90 + 30–40 = 120–130)"
    )
    assert [c["id"] for c in found[0]["claims"]] == ["Bot-150", "Arm-90", "Aze-30"]
    assert find([_side("Armenia", 90), _side("Azerbaijan", 30), _side("Both sides", 120)]) == []
    exact = find([_side("Armenia", 1000), _side("Azerbaijan", 30), _side("Both sides", 9)])
    assert exact[0]["subject"].endswith("(1,000 + 30 = 1,030)")


def test_parts_from_another_claimant_or_at_least_figures_do_not_add_up() -> None:
    assert (
        find([_side("Armenia", 90, claimant="Q"), _side("Azerbaijan", 30), _side("Both sides", 9)])
        == []
    )
    assert (
        find([_side("Armenia", 90, at_least=True), _side("Azerbaijan", 30), _side("Both sides", 9)])
        == []
    )


def _ev(rid: str, date: str, precision: str = "day", happening: str | None = "hp") -> Rec:
    return {
        "id": rid,
        "date": date,
        "precision": precision,
        "when": date,
        "title": f"T {rid}",
        "happening": happening,
        "citations": [{"source": "s", "ref": rid}],
    }


def test_each_precision_of_a_happening_is_compared_on_its_own() -> None:
    found = date_disputes(
        [
            _ev("y", "2020-01-01", "year"),  # alone at its precision: no dispute there
            _ev("a", "2020-11-09"),
            _ev("b", "2020-11-10"),
            _ev("m1", "2020-10-01", "month", "hp2"),
            _ev("m2", "2020-11-01", "month", "hp2"),
            _ev("lone", "2020-11-11", happening=None),
        ]
    )
    assert [(d["subject"], d["start"]) for d in found] == [
        ("date of: T y (hp)", "2020-01-01"),
        ("date of: T m1 (hp2)", "2020-10-01"),
    ]
    assert [c["ids"] for c in found[0]["claims"]] == [["a"], ["b"]]


def test_disputes_kinds_from_exact_claims() -> None:
    rows = [
        _c(id="a"),
        _c(id="b", low=91, high=91, figure="91"),
        _c(id="c", low=5000, high=5000, figure="5,000+", at_least=True, claimant="X"),
        _c(id="d", low=2853, high=2853, claimant="Y", as_of="2021-01-11", figure="2,853"),
        _c(id="e", low=2906, high=2906, claimant="Y", as_of="2021-03-01", figure="2,906"),
        _c(id="f", party="Iran", low=1, high=1, figure="1"),  # a named person: no toll
        _c(id="g", party="Iran", low=7, high=7, figure="7", part_of="f"),
    ]
    found = find(rows)
    kinds = sorted(d["kind"] for d in found)
    assert kinds == ["competing", "inconsistent", "revision"]
    by = {d["kind"]: d for d in found}
    assert [c["id"] for c in by["inconsistent"]["claims"]] == ["a", "b"]
    assert [c["figure"] for c in by["revision"]["claims"]] == ["2,853", "2,906"]
    assert by["revision"]["subject"].endswith("(per Y)")
    competing = [c["figure"] for c in by["competing"]["claims"]]
    assert competing == ["88", "91", "2,853", "2,906", "5,000+"]
    obj = by["inconsistent"]["claims"][0]
    assert set(obj) == {
        "figure",
        "low",
        "high",
        "claimant",
        "as_of",
        "period",
        "citations",
        "id",
        "ids",
    }
    assert obj["ids"] == ["a"] and obj["period"] == "1–4 April 2016"
    assert by["inconsistent"]["ids"] == "a, b" and by["inconsistent"]["party"] == "Armenia"
    assert by["inconsistent"]["start"] == "2016-04-01"


def test_dataset_rows_of_different_conflicts_never_compete() -> None:
    one = _c(id="u1", citations=[{"source": "ucdp", "ref": "376/1991"}], low=220, high=220)
    two = _c(id="u2", citations=[{"source": "ucdp", "ref": "388/1991"}], low=35, high=35)
    assert series(one) == "376" and series(two) == "388" and series(_c()) == ""
    assert find([one, two]) == []


def test_date_disputes_need_different_first_days_at_one_precision() -> None:
    def ev(rid: str, date: str, precision: str = "day", when: str = "") -> dict[str, object]:
        return {
            "id": rid,
            "date": date,
            "precision": precision,
            "when": when or date,
            "title": f"T {rid}",
            "happening": "hp-x",
            "citations": [{"source": "s", "ref": rid}],
        }

    assert date_disputes([ev("a", "2020-11-10"), ev("b", "2020-11-10")]) == []
    assert date_disputes([ev("a", "2020-01-01", "year"), ev("b", "2020-11-10")]) == []
    found = date_disputes([ev("b", "2020-11-10"), ev("a", "2020-11-09"), ev("c", "2020-11-10")])
    assert len(found) == 1
    d = found[0]
    assert d["kind"] == "date" and d["start"] == "2020-11-09" and d["party"] is None
    assert [c["figure"] for c in d["claims"]] == ["2020-11-09", "2020-11-10"]
    assert [c["ids"] for c in d["claims"]] == [["a"], ["b", "c"]]
    assert d["subject"] == "date of: T a (hp-x)" and d["ids"] == "a, b, c"
    assert [c["ref"] for c in d["claims"][1]["citations"]] == ["b", "c"]
