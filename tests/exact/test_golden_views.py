"""Every view of the small fixture, printed in full and compared with its approved output
(tests/data/golden/*.txt): tables at three widths, every pipe format, show, cite in every
style, disputes, search, sources and validate.

The approved files are what a person read and accepted; a change to what nkfacts prints shows
as a diff here. After an intended change, regenerate them and read the diff before committing:

    NKFACTS_UPDATE_GOLDEN=1 pytest tests/exact
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nkfacts.cli import app

TESTS = Path(__file__).resolve().parent.parent
DATA = TESTS / "data"
GOLDEN = DATA / "golden"
runner = CliRunner()
DATASET_IDS = (
    "cas-ucdp-brd-24-1-376-1990 cas-ucdp-brd-21-1-376-1991 cas-cow-intra-4-1-872-373-artsakh"
)

TABLE_VIEWS = [
    "casualties",
    "casualties --year 2015",
    "events",
    "events --claims",
    "ceasefires",
    "ceasefires --violations",
    "positions",
    "positions --matrix",
    "disputes",
    "sources",
    "search agreement",
    "show c-arm-2015-one",
    "show c-arm-2015-accidents",
    "show c-arm-2015-civilians",
    "show c-aze-2015",
    "show c-2016-displaced",
    "show c-war-1988-1994",
    "show ev-agreement-one",
    "show cf-bishkek",
    "show p-russia",
    "validate",
]
PIPE_VIEWS = [*TABLE_VIEWS[:11], "show c-arm-2015-one", "show cf-bishkek"]
FILTERS = [
    "casualties --claimant azerbaijani",
    "casualties --claimant nobody",
    "casualties --party narnia",
    "casualties --party azerbaijani",
    "casualties --category soldierz",
    "casualties --measure exploded",
    "casualties --measure wounded",
    "casualties --source nowhere",
    "casualties --source Second",
    "casualties --event ev-nope",
    "casualties --from 2016 --to 2015",
    "casualties --from 2016-13",
    "casualties --year 2016 --overlapping",
    "casualties --from 2016-04-01 --to 2016-04-30 --overlapping",
    "events --type skirmish",
    "events --type clash --type capture",
    "events --actor narnia",
    "events --actor russia",
    "events --place nowhere",
    "events --place martuni",
    "events --grep second --grep capture",
    "events --grep zzz",
    "events --source two",
    "events --year 2020",
    "ceasefires --year 1994",
    "ceasefires --year 1990",
    "ceasefires --violations --ceasefire cf-nope",
    "ceasefires --violations --ceasefire cf-october",
    "ceasefires --violations --claimant nobody",
    "ceasefires --violations --claimant armenian",
    "ceasefires --violations --year 1994",
    "positions --kind statment",
    "positions --stance nope",
    "positions --stance mediator",
    "positions --actor narnia",
    "positions --period war",
    "positions --period 1994-2020",
    "positions --year 2021",
    "positions --source three",
    "disputes --party azerbaijan",
    "disputes --party armenia",
    "disputes --year 2020",
    "disputes --from 2015 --to 2015",
    "search zzzzqqq",
    "search agreement --limit 1",
    "search shushi",
    "search died",
    "casualties --year 1990 --overlapping",
    "casualties --year 1990",
]
CASES = (
    [(f"{v} --format table", w) for v in TABLE_VIEWS for w in (60, 80, 120)]
    + [(f"{v} --format {f}", 80) for v in PIPE_VIEWS for f in ("tsv", "csv", "json", "markdown")]
    + [
        (f"cite c-arm-2015-one ev-clash cf-bishkek p-russia --style {s}", 80)
        for s in ("plain", "markdown", "wikitext", "bibtex", "csl-json")
    ]
    + [
        (f"cite p-news c-2016-clash p-blog --style {s}", 80)
        for s in ("plain", "markdown", "wikitext", "bibtex", "csl-json")
    ]
    + [("cite c-arm-2015-one --style wikitext --ref", 80), ("validate --format json", 80)]
    # filters, each with a value that matches and one that does not (exit 1 or 2, message)
    + [(f"{a} --format tsv", 80) for a in FILTERS]
    + [(a, 80) for a in ("show nope", "cite nope", "cite c-2016-clash --style nope")]
    + [("casualties --format yaml", 80), ("casualties --format MD", 80)]
    # narrower than any terminal should be: headings, actors and lines under rows wrap
    + [(f"{v} --format table", 30) for v in ("disputes", "positions --matrix", "casualties")]
    # tests/data/broken: one or more problems of every kind validate reports
    + [
        ("--data-dir <broken> validate --format json", 80),
        ("--data-dir <broken> validate --sources <broken> --format tsv", 80),
        ("--data-dir <broken> validate --sources <broken> --format table", 100),
        ("--data-dir <broken> casualties", 80),
    ]
    # the shipped datasets (generated rows, stable): dataset citations in every style
    + [
        (f"--data-dir <shipped> cite {DATASET_IDS} --style {s}", 80)
        for s in ("plain", "markdown", "wikitext", "bibtex", "csl-json")
    ]
    + [(f"--data-dir <shipped> show {DATASET_IDS.split()[0]} --format table", 80)]
)


def _slug(args: str, width: int) -> str:
    name = "".join(ch if ch.isalnum() else "-" for ch in args.replace("--data-dir ", "")).strip("-")
    while "--" in name:
        name = name.replace("--", "-")
    return f"{name}@{width}" if "table" in args else name


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One index cache for the module: each data directory is compiled once, as for a user."""
    return str(tmp_path_factory.mktemp("golden-cache"))


def _prebuilt(data: str, cache: str) -> None:
    """Compile `data` into `cache` silently first: how long a rebuild of the shipped data takes
    (its progress lines after a second) depends on the machine, not on the code under test."""
    from nkfacts.store.index import open_index

    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = cache
    try:
        open_index(Path(data), progress=lambda _message: None).close()
    finally:
        if before is None:
            del os.environ["XDG_CACHE_HOME"]
        else:
            os.environ["XDG_CACHE_HOME"] = before


def _transcript(args: str, width: int, cache: str) -> str:
    shipped = str(TESTS.parent / "data")
    if "<shipped>" in args:
        _prebuilt(shipped, cache)
    argv = args.replace("<broken>", "broken").replace("<shipped>", shipped).split()
    r = runner.invoke(
        app,
        argv if "--data-dir" in argv else ["--data-dir", "small", *argv],
        env={
            "COLUMNS": str(width),
            "NO_COLOR": "1",
            "NKFACTS_DATA_DIR": None,
            "XDG_CACHE_HOME": cache,
        },
    )
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    text = f"$ nkfacts {args}  (COLUMNS={width})\nexit {r.exit_code}\n--- stdout\n{r.stdout}"
    text += f"--- stderr\n{r.stderr}"
    return text.replace(shipped, "<shipped>")


# Runs first: it compiles the small fixture into the module's cache, so it is the test that
# sees the index being built (the others read it). Every record of every kind, as JSON.
ALL_JSON = [
    f"{v} --format json"
    for v in ("casualties", "events --claims", "ceasefires", "ceasefires --violations", "positions")
] + ["sources --format json", "search agreement --format json"]


def test_every_record_as_built(cache: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    got = "".join(_transcript(args, 80, cache) for args in ALL_JSON)
    path = GOLDEN / "all-records-json.txt"
    if os.environ.get("NKFACTS_UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "width"), CASES, ids=[_slug(a, w) for a, w in CASES])
def test_output_is_the_approved_one(
    args: str, width: int, cache: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(DATA)  # data directories by relative name: paths print the same anywhere
    path = GOLDEN / f"{_slug(args, width)}.txt"
    got = _transcript(args, width, cache)
    if os.environ.get("NKFACTS_UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8")
    assert path.is_file(), f"no approved output yet: NKFACTS_UPDATE_GOLDEN=1 pytest {__file__}"
    assert got == path.read_text(encoding="utf-8")
