"""A new record kind touches five source files (docs/architecture.md, "Where a change goes").

The proof: a copy of the package gets a toy kind, `sanction`, by declarations in exactly
core/kinds.py, core/contract.py, load/schema.py, output/views.py and cli/listings.py; then,
run from that copy, the kind is in every place derived from the registry: the data files
`validate` reads and the index watches, the index's tables and search, its view, `show`,
`sources` counts, the JSON export and the SQLite export with its Datasette metadata.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import nkfacts

PACKAGE = Path(nkfacts.__file__).parent
MINI = Path(__file__).resolve().parent / "data" / "mini"

# (file, anchor, text inserted before the anchor); `None` appends at the end.
EDITS: list[tuple[str, str | None, str]] = [
    (
        "core/kinds.py",
        "\n)\nBY_NAME = ",
        """
    Kind(
        "sanction",
        "sanctions",
        (("sanctions.yaml", False),),
        "Sanctions",
        "Measures a state took against a party.",
        ("actor", "measure", "description", "quote", "note"),
        filters=("actor", "measure"),
    ),""",
    ),
    (
        "core/contract.py",
        "\n\nSHAPES: dict[str, type] = {",
        """

class Sanction(TypedDict):
    id: str
    date: str
    precision: str
    when: str
    actor: str
    measure: str
    description: str
    quote: str
    note: str | None
    citations: list[Citation]
""",
    ),
    ("core/contract.py", '    "sources": Source,', '    "sanctions": Sanction,\n'),
    (
        "load/schema.py",
        '    "position": {',
        """    "sanction": {
        "id": (_id, REQ),
        "date": (_date, REQ),
        "actor": (_text, REQ),
        "measure": (_text, REQ),
        "description": (_text, REQ),
        "citations": (_citations, REQ),
        "quote": (_text, REQ),
        "note": (_text, OPT),
    },
""",
    ),
    (
        "output/views.py",
        '    "positions": View(',
        """    "sanctions": View(
        [
            col("when", "when"),
            col("actor", "actor"),
            col("measure", "measure"),
            col("description", "description", wrap=True),
            CITE,
            col("id", "id"),
            col("date", "date", in_table=False),
            col("precision", "precision", in_table=False),
            col("quote", "quote", in_table=False),
            col("note", "note", in_table=False),
        ],
        table=(("when", 0, True), ("actor", 0, True), ("description", 1, True), ("id", 8, None)),
    ),
""",
    ),
    (
        "cli/listings.py",
        None,
        '''

@app.command()
@boundary
def sanctions(
    ctx: typer.Context,
    year: YearOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    overlapping: OverlappingOpt = False,
    actor: ActorOpt = None,
    source: SourceOpt = None,
    fmt: FormatOpt = None,
) -> None:
    """Sanctions: what a state took against a party."""
    when = query.span(year, date_from, date_to, overlapping)
    rows = query.listing(connect(ctx), "sanction", when=when, source=source, actor=actor)
    print_rows("sanctions", rows, fmt, "sanctions")
''',
    ),
]
# and in core/kinds.py, the listing order names it:
REPLACE = ('"violation", "position")', '"violation", "position", "sanction")')
SANCTIONS = """- id: s-1
  date: "2016"
  actor: Russia
  measure: statement
  description: Russia called for restraint.
  citations: [{source: art, ref: null}]
  quote: "Russia called for restraint in 2016"
"""

CHECK = """
import json, sys
from pathlib import Path
from typer.testing import CliRunner
import nkfacts
from nkfacts.cli import app
from nkfacts.core import contract, kinds
from nkfacts.export import dump, sqlite as exportdb
from nkfacts.load import schema
from nkfacts.output import views
from nkfacts.store import cachefiles, index

copy, data, tmp = (Path(a) for a in sys.argv[1:4])
assert Path(nkfacts.__file__).is_relative_to(copy), nkfacts.__file__
k = kinds.BY_NAME["sanction"]
assert k in kinds.RECORDS and "sanctions.yaml" in kinds.DATA_FILES
assert "sanctions.yaml" in schema.FILES and "sanctions.yaml" in cachefiles.DATA_FILES
assert contract.fields("sanctions")[0] == "id" and "sanctions" in views.VIEWS
assert "sanctions" in views.LAYOUT
con = index.open_index(data)
tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
assert "sanctions" in tables, tables
assert con.execute("SELECT kind FROM records WHERE id = 's-1'").fetchone() == ("sanction",)
assert con.execute("SELECT id FROM search WHERE kind = 'sanction'").fetchall() == [("s-1",)]
con.close()
assert ("sanctions", "sanction") in dump.KINDS and "sanctions" in exportdb.TABLES
assert exportdb.FTS["sanctions"] == k.search
meta = exportdb.metadata("db", [])["databases"]["db"]["tables"]["sanctions"]
assert meta["title"] == "Sanctions"

run = CliRunner().invoke
base = ["--data-dir", str(data)]
def ok(*args):
    out = run(app, [*base, *args])
    assert out.exit_code == 0, (args, out.output)
    return out.stdout
ok("validate")
listed = json.loads(ok("sanctions", "--format", "json"))
assert [r["id"] for r in listed] == ["s-1"] and listed[0]["when"] == "2016"
assert json.loads(ok("sanctions", "--actor", "russia", "--year", "2016", "--format", "json"))
assert "s-1" not in run(app, [*base, "sanctions", "--year", "1994", "--format", "tsv"]).stdout
assert "s-1" in ok("sanctions", "--format", "tsv")
assert json.loads(ok("show", "s-1", "--format", "json"))["kind"] == "sanction"
assert "s-1" in ok("search", "restraint", "--format", "tsv")
assert "Russia called for restraint" in ok("cite", "s-1")
counts = json.loads(ok("sources", "--format", "json"))[0]["by_kind"]
assert counts["sanctions"] == 1, counts
ok("export", "--format", "json", "--output", str(tmp / "all.json"))
assert json.loads((tmp / "all.json").read_text())["sanctions"][0]["id"] == "s-1"
ok("export", "--format", "sqlite", "--output", str(tmp / "all.db"))
import sqlite3
db = sqlite3.connect(tmp / "all.db")
assert db.execute("SELECT id, actor FROM sanctions").fetchall() == [("s-1", "Russia")]
print("sanction: everywhere")
"""


def _add_kind(copy: Path) -> list[str]:
    """Apply EDITS to the copy; the files changed."""
    for file, anchor, text in EDITS:
        path = copy / file
        source = path.read_text(encoding="utf-8")
        if anchor is None:
            source += text
        else:
            assert source.count(anchor) == 1, f"{file}: anchor {anchor!r} not found once"
            source = source.replace(anchor, text + anchor)
        if file == "core/kinds.py":
            source = source.replace(*REPLACE)
        path.write_text(source, encoding="utf-8")
    return sorted({file for file, _, _ in EDITS})


def _changed(a: Path, b: Path) -> list[str]:
    out = []
    for path in sorted(a.rglob("*.py")):
        rel = path.relative_to(a)
        if not (b / rel).is_file() or not filecmp.cmp(path, b / rel, shallow=False):
            out.append(rel.as_posix())
    return out


@pytest.mark.subprocess
def test_a_new_kind_in_five_files_is_everywhere(tmp_path: Path) -> None:
    copy = tmp_path / "src" / "nkfacts"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    files = _add_kind(copy)
    assert _changed(copy, PACKAGE) == files and len(files) == 5
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "sanctions.yaml").write_text(SANCTIONS, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "src"), "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("NKFACTS_DATA_DIR", None)
    for name in [n for n in env if n.startswith("COVERAGE_")]:
        env.pop(name)  # the copy is not the package: coverage would count its files as unrun
    done = subprocess.run(
        [sys.executable, "-c", CHECK, str(copy), str(data), str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "sanction: everywhere" in done.stdout


def test_the_edits_still_find_their_anchors() -> None:
    """The anchors above are still in the package (a rename fails here, not in a subprocess)."""
    for file, anchor, _ in EDITS:
        if anchor is not None:
            assert (PACKAGE / file).read_text(encoding="utf-8").count(anchor) == 1, file
    assert (PACKAGE / "core/kinds.py").read_text(encoding="utf-8").count(REPLACE[0]) == 1
