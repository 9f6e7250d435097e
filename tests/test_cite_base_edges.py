"""What every citation style is built from, in-process: the claim sentence, where in the source,
the snapshot, authors, byline, source line and the item of a record whose source is not loaded
(mutation testing: the survivors of `nkfacts.cite.base`, docs/development.md "Mutation
testing")."""

from __future__ import annotations

from typing import Any

from nkfacts.cite.base import (
    Item,
    authors_text,
    items_for,
    quote_text,
    snapshot,
    source_text,
    statement,
    where,
)

DIGEST = "0123456789abcdef" * 4
WIKI = {"id": "w", "title": "2020 war", "url": "https://en.wikipedia.org/wiki/2020_war"}
COW_ROW = (
    "1,Nagorno-Karabakh War,1,373,Armenia,1,9,27,2020,11,10,2020,"
    "-8,-8,-8,-8,-8,-8,0,1,1,2,0,3825,4.0"
)


def cites(*refs: tuple[str | None, str | None]) -> dict[str, Any]:
    return {
        "id": "r",
        "quote": "q",
        "citations": [
            {"source": "s", "ref": r, **({"passage_ref": p} if p else {})} for r, p in refs
        ],
    }


def dataset(**more: Any) -> dict[str, Any]:
    return {
        "id": "d",
        "kind": "dataset",
        "title": "Battle deaths",
        "url": "https://x.org/d",
        **more,
    }


def test_the_sentence_of_each_kind_ends_without_its_full_stop() -> None:
    assert statement("position", {"actor": "Russia", "summary": "urged talks."}) == (
        "Russia: urged talks"
    )
    assert statement("ceasefire", {"name": "Moscow truce", "when": "10 October 2020"}) == (
        "Moscow truce (10 October 2020)"
    )
    assert statement("violation", {"when": "2021", "description": "Shelling."}) == "2021: Shelling"
    assert statement("event", {"when": "2020", "title": "War.", "summary": "s"}) == "2020: War"
    assert statement("event", {"when": "2020", "title": None, "summary": "A war"}) == "2020: A war"
    assert statement("event", {"title": "War"}) == ": War"


def test_where_in_a_dataset_is_its_rows_or_the_whole_of_it() -> None:
    data = dataset()
    assert where(Item("casualty", cites(("388/2016", None), ("389/2016", None)), data)) == (
        "row 388/2016, 389/2016"
    )
    assert where(Item("casualty", cites((None, None)), data)) == "the whole dataset"


def test_where_in_an_article_names_labels_passages_and_unlabelled_sentences() -> None:
    item = Item("casualty", cites(("167", None), (None, "a"), (None, "b"), (None, None)), WIKI)
    assert where(item) == (
        "ref. [167]; no label on the sentence; label of the passage: [a], [b]; no reference label"
    )
    assert where(Item("casualty", cites(("1", None), ("2", None)), WIKI)) == "refs. [1], [2]"


def test_a_dataset_quote_is_read_as_the_format_its_title_names() -> None:
    """A 25-field row is a UCDP row unless the title says Correlates of War."""
    item = Item("casualty", {"quote": COW_ROW}, dataset(title="Correlates of War inter-state wars"))
    assert quote_text(item) == (
        "war 1 (Nagorno-Karabakh War), 27 September 2020 – 10 November 2020: "
        "Armenia 3,825 battle deaths"
    )
    untitled = Item("casualty", {"quote": COW_ROW}, {"kind": "dataset"})
    assert quote_text(untitled).startswith("conflict 1, 2020: ")


def test_a_wikipedia_snapshot_is_shown_short_unless_asked_in_full() -> None:
    item = Item("casualty", cites(("1", None)), {**WIKI, "sha256": DIGEST})
    tail = "verified by nkfacts; no revision id, so no permanent link"
    assert snapshot(item) == f"snapshot sha256:0123456789abcdef… {tail}"
    assert snapshot(item, full=True) == f"snapshot sha256:{DIGEST} {tail}"
    assert snapshot(Item("casualty", cites(("1", None)), WIKI)) is None
    other = {**WIKI, "url": "https://example.org/a", "sha256": DIGEST}
    assert snapshot(Item("casualty", cites(("1", None)), other)) is None


def test_authors_are_joined_so_that_names_cannot_be_misread() -> None:
    assert authors_text({}) == ""
    assert authors_text({"authors": ["Jane Doe"]}) == "Jane Doe"
    assert authors_text({"authors": ["Jane Doe", "Richard Roe"]}) == "Jane Doe & Richard Roe"
    assert authors_text({"authors": ["A", "B", "C"]}) == "A, B & C"
    assert authors_text({"authors": ["Doe, Jane", "Roe, Richard", "Newsroom"]}) == (
        "Doe, Jane; Roe, Richard & Newsroom"
    )


def test_an_article_line_has_a_byline_only_with_an_author() -> None:
    item = Item("casualty", cites(("1", None)), {**WIKI, "year": 2021})
    assert source_text(item) == f"2020 war, Wikipedia, ref. [1]. {WIKI['url']}"
    item = Item("casualty", cites(("1", None)), {**WIKI, "authors": ["Jane Doe"]})
    assert source_text(item) == f"Jane Doe. 2020 war, Wikipedia, ref. [1]. {WIKI['url']}"


def test_an_article_line_names_the_snapshot_it_was_checked_against() -> None:
    item = Item("casualty", cites(("1", None)), {**WIKI, "sha256": DIGEST})
    assert source_text(item) == (
        "2020 war, Wikipedia, ref. [1]; snapshot sha256:0123456789abcdef… verified by nkfacts; "
        f"no revision id, so no permanent link. {WIKI['url']}"
    )


def test_a_dataset_line_with_only_a_title() -> None:
    item = Item("casualty", cites(("7", None)), dataset())
    assert source_text(item) == "Battle deaths, row 7. https://x.org/d"


def test_a_dataset_by_its_publisher_names_it_once() -> None:
    item = Item("casualty", cites(("7", None)), dataset(publisher="UCDP", year=2024))
    assert source_text(item) == "UCDP (2024). Battle deaths, row 7. https://x.org/d"


def test_a_dataset_line_adds_a_version_not_in_its_title_and_a_second_publisher() -> None:
    src = dataset(authors=["Doe, Jane"], publisher="UCDP", version="24.1", license="CC BY 4.0")
    assert source_text(Item("casualty", cites(("7", None)), src)) == (
        "Doe, Jane. Battle deaths, version 24.1, UCDP, row 7. https://x.org/d (licence: CC BY 4.0)"
    )
    src = dataset(title="Battle deaths 24.1", version="24.1", cite_as="Doe (2024)")
    assert source_text(Item("casualty", cites(("7", None)), src)) == (
        "Battle deaths 24.1, row 7. https://x.org/d. Cite as: Doe (2024)"
    )


def test_a_record_whose_source_is_not_loaded_cites_the_title_and_url_it_carries() -> None:
    rec = {
        "id": "r",
        "citations": [{"source": "s", "ref": "1", "title": "An article", "url": "https://a.org"}],
    }
    expected = {"id": "s", "title": "An article", "url": "https://a.org", "kind": "article"}
    assert [i.source for i in items_for([("event", rec), ("event", rec)], None)] == [expected]
    assert [i.source for i in items_for([("event", rec)], {"other": {}})] == [expected]
