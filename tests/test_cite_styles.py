"""cite in every style, checked with the clients that read it: bibtexparser, pandoc (citeproc),
citeproc-py, mwparserfromhell; LaTeX safety by characters (pdflatex when installed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import pytest
from typer.testing import CliRunner

from nkfacts.cite.bibtex import unique_keys
from nkfacts.cite.latex import latex
from nkfacts.cli import app

SHARE_CACHE = True  # its tests only read: one index per data directory (conftest)

runner = CliRunner()
ID = "cas-nk-table-2016-armenia-soldiers"  # refs 167 and 174 of the Wikipedia article
UCDP_ROW = "388,2016,Government of Azerbaijan,Republic of Artsakh,141,141,263"
DATASET_SOURCE = """
- id: ucdp-test
  kind: dataset
  title: UCDP Battle-Related Deaths Dataset (dyadic), version 24.1
  url: https://ucdp.uu.se/downloads/brd/x.zip?a=1|b=2
  publisher: Uppsala Conflict Data Program (UCDP)
  authors: ["Davies, Shawn", "Engström, Garoun", "Pettersson, Therése", "Öberg, Magnus"]
  year: 2024
  version: "24.1"
  license: CC BY 4.0
  cite_as: "Davies, Shawn, Garoun Engström, Therése Pettersson & Magnus Öberg (2024). Organized violence 1989–2023, and the prevalence of organized crime groups. Journal of Peace Research 61(4): 673–693. doi:10.1177/00223433241262912"
"""
DATASET_RECORD = f"""
- id: cas-ucdp-388-2016
  party: Both sides
  category: total
  measure: killed
  start: "2016"
  low: 141
  high: 263
  best: 141
  claimant: UCDP
  citations: [{{source: ucdp-test, ref: "388/2016"}}]
  quote: "{UCDP_ROW}"
"""


@pytest.fixture
def with_dataset(mini: Path) -> Path:
    """The mini data set plus a dataset source and one record citing a row of it."""
    with open(mini / "sources.yaml", "a", encoding="utf-8") as fh:
        fh.write(DATASET_SOURCE)
    with open(mini / "casualties.yaml", "a", encoding="utf-8") as fh:
        fh.write(DATASET_RECORD)
    return mini


def cite(*args: str, data: Path | None = None) -> tuple[int, str, str]:
    pre = ["--data-dir", str(data)] if data else []
    r = runner.invoke(app, [*pre, "cite", *args])
    return r.exit_code, r.stdout, r.stderr


# --- CSL-JSON -----------------------------------------------------------------------------


def test_csl_json_one_item_per_record_with_the_record_id() -> None:
    code, out, _ = cite(ID, "cf-2023-09-20", ID, "--style", "csl-json")
    items = json.loads(out)
    assert code == 0 and [i["id"] for i in items] == [ID, "cf-2023-09-20"]
    it = items[0]
    assert it["type"] == "entry-encyclopedia" and it["title"] == "Nagorno-Karabakh conflict"
    assert it["container-title"] == "Wikipedia"
    assert "“108–112 soldiers”" in it["genre"] and "refs. [167], [174]" in it["genre"]
    assert it["abstract"] == "108–112 soldiers"


CSL_TYPES = {"entry-encyclopedia", "webpage", "dataset", "article-journal", "book"}
CSL_STRING = {"id", "type", "title", "URL", "language", "container-title", "publisher"}
CSL_STRING |= {"genre", "note", "abstract", "version"}


def check_csl_schema(item: dict[str, object]) -> None:
    """The CSL-JSON schema's rules for the fields nkfacts writes (csl-data.json, v1.0)."""
    assert isinstance(item["id"], str) and item["type"] in CSL_TYPES
    for key, value in item.items():
        if key in ("author",):
            assert isinstance(value, list)
            for name in value:
                assert isinstance(name, dict)
                assert set(name) <= {"family", "given", "literal"} and name
        elif key == "issued":
            assert isinstance(value, dict)
            parts = value["date-parts"]
            assert isinstance(parts, list) and all(isinstance(p, int) for p in parts[0])
        else:
            assert key in CSL_STRING, key
            assert isinstance(value, str)


def test_csl_json_fields_follow_the_schema(with_dataset: Path) -> None:
    code, out, _ = cite("c-arm-2015", "cas-ucdp-388-2016", "--style", "csl-json", data=with_dataset)
    assert code == 0
    for item in json.loads(out):
        check_csl_schema(item)


def test_csl_json_dataset_item(with_dataset: Path) -> None:
    _, out, _ = cite("cas-ucdp-388-2016", "--style", "csl-json", data=with_dataset)
    (it,) = json.loads(out)
    assert it["type"] == "dataset" and it["issued"] == {"date-parts": [[2024]]}
    assert it["author"][0] == {"family": "Davies", "given": "Shawn"}
    assert it["version"] == "24.1" and UCDP_ROW in it["genre"] and "row 388/2016" in it["genre"]
    assert "Journal of Peace Research" in it["note"]


@pytest.mark.subprocess
@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_citeproc_resolves_every_record_id(tmp_path: Path) -> None:
    ids = [ID, "cf-2023-09-20", "cas-o23-fuel-depot-injured-brought-to-armenia"]
    _, out, _ = cite(*ids, "--style", "csl-json")
    (tmp_path / "refs.json").write_text(out, encoding="utf-8")
    (tmp_path / "doc.md").write_text(" ".join(f"[@{i}]" for i in ids) + "\n", encoding="utf-8")
    r = subprocess.run(
        ["pandoc", "--citeproc", "--bibliography", "refs.json", "doc.md", "-t", "plain"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert "not found" not in r.stderr and "???" not in r.stdout
    assert "quoted: “108–112 soldiers" in r.stdout.replace("\n", " ")  # the quote is printed


def test_citeproc_py_reads_the_items(with_dataset: Path) -> None:
    citeproc = pytest.importorskip("citeproc")
    from citeproc.source.json import CiteProcJSON

    _, out, _ = cite("c-arm-2015", "cas-ucdp-388-2016", "--style", "csl-json", data=with_dataset)
    src = CiteProcJSON(json.loads(out))
    style = citeproc.CitationStylesStyle("harvard-cite-them-right", validate=False)
    bib = citeproc.CitationStylesBibliography(style, src, citeproc.formatter.plain)
    for key in ("c-arm-2015", "cas-ucdp-388-2016"):
        bib.register(citeproc.Citation([citeproc.CitationItem(key)]))
    text = "\n".join(str(b) for b in bib.bibliography())
    assert "Davies, S." in text and "(2024)" in text and "Test article" in text


# --- BibTeX -------------------------------------------------------------------------------


def test_bibtex_parses_with_record_ids_as_keys() -> None:
    code, out, _ = cite(ID, "cf-2023-09-20", "--style", "bibtex")
    lib = bibtexparser.parse_string(  # type: ignore[attr-defined]
        out
    )
    assert code == 0 and not lib.failed_blocks
    assert [e.key for e in lib.entries] == [ID, "cf-2023-09-20"]
    e = lib.entries[0]
    assert e.entry_type == "misc" and e["title"] == "{Nagorno-Karabakh conflict}"
    assert e["url"] == "https://en.wikipedia.org/wiki/Nagorno-Karabakh_conflict"
    assert "108--112 soldiers" in e["note"] and "refs. [167], [174]" in e["note"]


def test_bibtex_is_ascii_latex_for_every_record(tmp_path: Path) -> None:
    """Every character pdflatex could stop on (≈, ≤, ə, …) is spelt in ASCII commands."""
    export = tmp_path / "all.json"
    runner.invoke(app, ["export", "--format", "json", "--output", str(export)])
    data = json.loads(export.read_text(encoding="utf-8"))
    ids = [
        r["id"]
        for t in ("casualties", "events", "ceasefires", "violations", "positions")
        for r in data[t]
    ]
    code, out, _ = cite(*ids, "--style", "bibtex")
    assert code == 0 and out.isascii()
    lib = bibtexparser.parse_string(  # type: ignore[attr-defined]
        out
    )
    assert not lib.failed_blocks and len(lib.entries) == len(ids)
    for e in lib.entries:
        for v in e.fields_dict.values():
            depth = 0
            for ch in re.sub(r"\\[{}]", "", v.value):
                depth += {"{": 1, "}": -1}.get(ch, 0)
                assert depth >= 0
            assert depth == 0
    assert "$\\approx$" in out and "$\\le$" in out


@pytest.mark.parametrize(
    ("text", "tex"),
    [
        ("≈90,000", "$\\approx$90,000"),
        ("≤3,000", "$\\le$3,000"),
        ("108–112", "108--112"),
        ("Xankəndi", "Xank{\\textschwa}ndi"),
        ("Ağdam Füzuli Şuşa", 'A{\\u{g}}dam F{\\"{u}}zuli {\\c{S}}u{\\c{s}}a'),
        ("İsmayıl", "{\\.{I}}smay{\\i}l"),
        # Braces as brace-balanced commands: BibTeX counts \{ and \} as braces too (issue 23).
        ("50% a_b {x} #1 $", "50\\% a\\_b \\textbraceleft{}x\\textbraceright{} \\#1 \\$"),
        ("Шаблон", "Shablon"),
    ],
)
def test_latex_escapes(text: str, tex: str) -> None:
    assert latex(text) == tex


def test_schwa_comes_with_a_fallback_preamble(with_dataset: Path) -> None:
    (with_dataset / "casualties.yaml").write_text(
        (with_dataset / "casualties.yaml")
        .read_text(encoding="utf-8")
        .replace("claimant: unattributed", "claimant: Xankəndi office", 1),
        encoding="utf-8",
    )
    _, out, _ = cite("c-arm-2015", "--style", "bibtex", data=with_dataset)
    assert out.startswith("@preamble{") and "\\providecommand{\\textschwa}" in out


def test_bibtex_keys_unique_per_output() -> None:
    assert unique_keys(["c1-aze-2015", "c1-aze-2015 ", "x"]) == [
        "c1-aze-2015a",
        "c1-aze-2015b",
        "x",
    ]
    code, out, _ = cite(ID, ID, "cf-2023-09-20", "--style", "bibtex")
    keys = [
        e.key
        for e in bibtexparser.parse_string(  # type: ignore[attr-defined]
            out
        ).entries
    ]
    assert code == 0 and keys == [ID, "cf-2023-09-20"]


def test_bibtex_dataset_entry(with_dataset: Path) -> None:
    _, out, _ = cite("cas-ucdp-388-2016", "--style", "bibtex", data=with_dataset)
    (e,) = bibtexparser.parse_string(  # type: ignore[attr-defined]
        out
    ).entries
    assert (
        e["author"]
        == 'Davies, Shawn and Engstr{\\"{o}}m, Garoun and Pettersson, Ther{\\\'{e}}se and {\\"{O}}berg, Magnus'
    )
    assert e["year"] == "2024" and e["version"] == "24.1"
    assert e["title"].startswith("{UCDP Battle-Related Deaths")
    assert "row 388/2016" in e["note"] and "Journal of Peace Research" in e["addendum"]


@pytest.mark.subprocess
@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex is not installed")
def test_pdflatex_compiles_every_entry(tmp_path: Path) -> None:  # pragma: no cover - no TeX here
    # Every record of every kind, as a writer citing the whole dataset would.
    ids = []
    for view in ("casualties", "events", "ceasefires", "positions"):
        listed = runner.invoke(app, [view, "--format", "json"]).stdout
        ids += [r["id"] for r in json.loads(listed)]
    ids += [
        r["id"]
        for r in json.loads(runner.invoke(app, ["ceasefires", "--violations", "-f", "json"]).stdout)
    ]
    assert len(ids) > 1300
    out = runner.invoke(app, ["cite", *ids, "--style", "bibtex"]).stdout
    (tmp_path / "refs.bib").write_text(out, encoding="ascii")
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\\usepackage{url}\\begin{document}\\nocite{*}"
        "\\bibliographystyle{plain}\\bibliography{refs}\\end{document}\n"
    )
    latex_run = ["pdflatex", "-halt-on-error", "doc"]
    for cmd in (latex_run, ["bibtex", "doc"], latex_run):
        r = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stdout[-2000:]


# --- wikitext -----------------------------------------------------------------------------


def test_wikitext_refuses_circular_sourcing() -> None:
    code, out, err = cite(ID, "--style", "wikitext", "--ref")
    assert code == 0 and "{{cite" not in out and "<ref" not in out
    assert out.startswith("<!--") and out.rstrip().endswith("-->")
    assert "Wikipedia is not a source for Wikipedia" in out and "[167], [174]" in out
    assert '"Nagorno-Karabakh conflict"' in out and "108–112 soldiers" in out
    assert "circular sourcing" in err and "[167], [174]" in err


def test_wikitext_names_the_label_of_the_passage(mini: Path) -> None:
    src = mini / "sources.yaml"
    src.write_text(src.read_text(encoding="utf-8") + "  publisher: Wikipedia\n", encoding="utf-8")
    cas = mini / "casualties.yaml"
    cas.write_text(
        cas.read_text(encoding="utf-8").replace(
            '[{source: art, ref: null}]\n  quote: "64 Azerbaijani soldiers"',
            '[{source: art, ref: null, passage_ref: "97"}]\n  quote: "64 Azerbaijani soldiers"',
        ),
        encoding="utf-8",
    )
    code, out, err = cite("c-aze-2015", "--style", "wikitext", data=mini)
    assert code == 0 and "label of the passage, [97]" in out and "[97]" in err
    code, out, _ = cite("c-aze-2015", "--style", "plain", data=mini)
    assert "label of the passage: [97]" in out
    tsv = runner.invoke(app, ["--data-dir", str(mini), "casualties", "--format", "tsv"]).stdout
    assert "art (no label; passage [97])" in tsv


def test_wikitext_dataset_is_a_cite_web_and_cite_journal(with_dataset: Path) -> None:
    mw = pytest.importorskip("mwparserfromhell")
    code, out, err = cite("cas-ucdp-388-2016", "--style", "wikitext", "--ref", data=with_dataset)
    assert code == 0 and err == ""
    assert out.startswith('<ref name="cas-ucdp-388-2016">{{cite web') and out.rstrip().endswith(
        "</ref>"
    )
    templates = mw.parse(out).filter_templates()
    web = next(t for t in templates if t.name.strip() == "cite web")
    journal = next(t for t in templates if t.name.strip() == "cite journal")
    assert str(web.get("url").value).strip() == "https://ucdp.uu.se/downloads/brd/x.zip?a=1%7Cb=2"
    assert (
        str(web.get("last1").value).strip() == "Davies"
        and str(web.get("first1").value).strip() == "Shawn"
        and str(web.get("last4").value).strip() == "Öberg"
        and str(web.get("year").value).strip() == "2024"
    )
    assert not web.has("author1")  # one person per parameter, never a joined list
    assert str(journal.get("last2").value).strip() == "Engström"
    assert str(web.get("quote").value).strip() == UCDP_ROW and "388/2016" in str(
        web.get("at").value
    )
    assert str(journal.get("journal").value).strip() == "Journal of Peace Research"
    assert str(journal.get("doi").value).strip() == "10.1177/00223433241262912"
    assert {str(p.name).strip() for p in web.params} >= {"title", "publisher", "type"}


def test_wikitext_escapes_pipes_and_braces(mini: Path) -> None:
    mw = pytest.importorskip("mwparserfromhell")
    src = mini / "sources.yaml"
    src.write_text(
        "- id: art\n  title: A | B }} C\n  url: https://example.org/a|b\n"
        "  publisher: Example Press\n  file: article.txt\n",
        encoding="utf-8",
    )
    code, out, _ = cite("c-arm-2015", "--style", "wikitext", data=mini)
    (t,) = mw.parse(out).filter_templates(recursive=False)
    assert code == 0 and t.name.strip() == "cite web"
    assert {str(p.name).strip() for p in t.params} == {"title", "url", "publisher", "at", "quote"}
    # A pipe as an entity, not {{!}}: no template inside a value (issue 23).
    assert "&#124;" in str(t.get("title").value) and str(t.get("url").value).strip().endswith(
        "a%7Cb"
    )


def test_plain_and_markdown_dataset(with_dataset: Path) -> None:
    _, out, _ = cite("cas-ucdp-388-2016", "--style", "plain", data=with_dataset)
    assert "Davies, Shawn; Engström, Garoun; Pettersson, Therése & Öberg, Magnus (2024)" in out
    assert "row 388/2016" in out and "licence: CC BY 4.0" in out and "Wikipedia" not in out
    _, out, _ = cite("cas-ucdp-388-2016", "--style", "markdown", data=with_dataset)
    assert "[^cas-ucdp-388-2016]:" in out and "[UCDP Battle-Related" in out
