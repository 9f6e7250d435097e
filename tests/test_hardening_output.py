"""Hardening, output media (issue 23): untrusted text (data, drafts, arguments, paths) is
escaped for the medium it goes to — a terminal, CSV, HTML, wikitext, BibTeX, Markdown, a shell
line, a narrow output encoding. Data fixtures are copies of tests/data/small with hostile
values injected; each medium's escaper has its own test (against nkfacts.core.escape)."""

from __future__ import annotations

import csv
import html.parser
import io
import json
import re
import shlex
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
import test_terminal as terminal
from _harden import env_with, needs_bin, nk, no_traceback
from typer.testing import CliRunner

from nkfacts.cite.latex import latex
from nkfacts.cli import app
from nkfacts.core import escape

runner = CliRunner()
SMALL = Path(__file__).resolve().parent / "data" / "small"
# An OSC title, a bell, a clear screen, a bidi override and a zero-width space.
EVIL = "\x1b]0;PWNED\x07\x1b[2J\u202eX\u200b"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar (JSON's syntax) holding `text` exactly."""
    body = json.dumps(text, ensure_ascii=False)
    return re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", body)


def hostile(tmp_path: Path, **values: str) -> Path:
    """tests/data/small with values replaced: `event_title`, `claimant`, `source_title`,
    `source_url`, `quote` (p-news, citing source 'three'), `alias`."""
    data = tmp_path / "data"
    shutil.copytree(SMALL, data)

    def sub(name: str, old: str, new: str) -> None:
        path = data / name
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    if "event_title" in values:
        sub(
            "events.yaml",
            "title: Clash near Khojavend",
            "title: " + yaml_str(values["event_title"]),
        )
    if "claimant" in values:
        sub(
            "casualties.yaml",
            "claimant: Azerbaijani authorities",
            "claimant: " + yaml_str(values["claimant"]),
        )
    if "source_title" in values:
        sub("sources.yaml", "title: A news report", "title: " + yaml_str(values["source_title"]))
    if "source_url" in values:
        sub(
            "sources.yaml",
            "url: https://news.example.org/report",
            "url: " + yaml_str(values["source_url"]),
        )
    if "quote" in values:
        sub(
            "positions.yaml",
            'quote: "Russia urged both sides to return to talks"',
            "quote: " + yaml_str(values["quote"]),
        )
    if "alias" in values:
        sub(
            "actors.yaml",
            "aliases: [Russian Federation]",
            "aliases: [" + yaml_str(values["alias"]) + "]",
        )
    return data


def run(data: Path, *args: str) -> tuple[int, str, str]:
    r = runner.invoke(app, ["--data-dir", str(data), *args])
    return r.exit_code, r.stdout, r.stderr


def in_pty(*args: str, env: dict[str, str] | None = None) -> str:
    """stdout of `nkfacts ARGS` in a pseudo-terminal (80 columns)."""
    return terminal.in_pty(80, *args, env=env, height=50).replace("\n", "\r\n")


def without_colours(text: str) -> str:
    """The output minus nkfacts' own SGR colours (bold, dim, verdict colours)."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text).replace("\r\n", "\n")


# --- 1. terminal ----------------------------------------------------------------------------


def test_escape_terminal_shows_controls_bidi_and_zero_width_visibly() -> None:
    assert escape.terminal("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert escape.terminal("\x07\x08\x7f\x9b\r\t\n") == "\\x07\\x08\\x7f\\x9b\\r\\t\\n"
    assert escape.terminal("x\u202ey\u2066\u200b\u200f\u2060\ufeff") == (
        "x\\u202ey\\u2066\\u200b\\u200f\\u2060\\ufeff"
    )
    assert escape.terminal("two\nlines", "\n") == "two\nlines"
    assert escape.terminal("Şuşa – 3,825 «x»") == "Şuşa – 3,825 «x»"  # printable text as is
    assert escape.terminal("\u202e", json=True) == "\\u202e"
    assert escape.terminal(escape.terminal(EVIL)) == escape.terminal(EVIL)  # idempotent
    assert not RAW.search(escape.terminal(EVIL))


@pytest.mark.parametrize(
    "args",
    [
        ("events", "--format", "table"),
        ("show", "ev-clash"),
        ("search", "Khojavend", "--format", "table"),
        ("cite", "ev-clash"),
        ("cite", "ev-clash", "--style", "markdown"),
        ("cite", "ev-clash", "--style", "wikitext"),
        ("show", "ev-clash", "--format", "markdown"),
    ],
    ids=lambda a: " ".join(a),
)
def test_data_reaches_no_terminal_raw(tmp_path: Path, args: tuple[str, ...]) -> None:
    data = hostile(tmp_path, event_title=f"Clash {EVIL} near Khojavend")
    code, out, err = run(data, *args)
    assert code == 0, err
    assert not RAW.search(out) and "PWNED\\x07\\x1b" in out


def test_sources_table_and_legend_escape_titles(tmp_path: Path) -> None:
    data = hostile(tmp_path, source_title=f"News {EVIL}")
    code, out, _ = run(data, "sources", "--format", "table")
    assert code == 0 and not RAW.search(out) and "\\x1b]0;PWNED" in out
    code, out, _ = run(data, "positions", "--format", "table")  # the sources legend
    assert code == 0 and not RAW.search(out) and "\\x1b]0;PWNED" in out


def test_chart_escapes_claimants(tmp_path: Path) -> None:
    data = hostile(tmp_path, claimant=f"Office {EVIL}")
    code, out, _ = run(data, "casualties", "--chart")
    assert code == 0 and not RAW.search(out) and "\\x1b[2J" in out


def test_matrix_headers_and_disputes_headings_escape(tmp_path: Path) -> None:
    data = hostile(tmp_path, claimant=f"Office {EVIL}")
    code, out, _ = run(data, "disputes", "--format", "table")
    assert code == 0 and not RAW.search(out)


@needs_bin
@pytest.mark.subprocess
@pytest.mark.parametrize("fmt", ["tsv", "markdown", "csv", "json", "jsonl"])
def test_data_formats_written_to_a_terminal_are_escaped(tmp_path: Path, fmt: str) -> None:
    data = hostile(tmp_path, event_title=f"Clash {EVIL}")
    env = env_with(tmp_path / "cache")
    seen = without_colours(in_pty("--data-dir", str(data), "events", "--format", fmt, env=env))
    assert "Clash" in seen and not RAW.search(seen.replace("\n", "")), repr(seen[:300])
    if fmt in ("json", "jsonl"):  # JSON escapes: still valid JSON, with the same values
        first = seen.strip().splitlines()[0 if fmt == "jsonl" else 1].rstrip(",")
        assert json.loads(first)["title"] in ("Capture of Shusha", f"Clash {EVIL}")
    # Into a pipe CSV and JSON keep the value as it is in the data; TSV and Markdown values
    # are one line with controls shown visibly, wherever they go.
    r = nk("--data-dir", str(data), "events", "--format", fmt, env=env)
    if fmt in ("tsv", "markdown"):
        assert r.returncode == 0 and not RAW.search(r.stdout) and "PWNED" in r.stdout
    else:
        assert r.returncode == 0 and ("\x1b" in r.stdout or "\\u001b]0;PWNED" in r.stdout)


@pytest.mark.parametrize(
    "args",
    [("validate",), ("search", "Khojavend"), ("events",), ("show", "ev-clash")],
    ids=lambda a: " ".join(a),
)
def test_the_default_pipe_formats_carry_no_raw_control(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    data = hostile(tmp_path, event_title=f"Clash {EVIL} near Khojavend")
    if args == ("validate",):
        path = data / "events.yaml"
        text = path.read_text(encoding="utf-8").replace("type: clash", "type: " + yaml_str(EVIL), 1)
        path.write_text(text, encoding="utf-8")
    code, out, err = run(data, *args)
    assert code in (0, 3) and out and not RAW.search(out) and not RAW.search(err), out


@needs_bin
@pytest.mark.subprocess
def test_show_in_a_terminal_rich_panel_is_escaped(tmp_path: Path) -> None:
    data = hostile(tmp_path, event_title=f"Clash {EVIL}")
    seen = in_pty("--data-dir", str(data), "show", "ev-clash", env=env_with(tmp_path / "cache"))
    assert "Clash" in seen and "\x1b]0;" not in seen and "\x1b[2J" not in seen
    assert "\u202e" not in seen and "\\u202e" in seen


def test_validate_messages_and_the_errors_summary_are_escaped(tmp_path: Path) -> None:
    data = hostile(tmp_path)
    path = data / "casualties.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "party: Armenia", "party: " + yaml_str(f"Arm{EVIL}"), 1
        ),
        encoding="utf-8",
    )
    path = data / "events.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "type: clash", "type: " + yaml_str(f"cl\n{EVIL}"), 1
        ),
        encoding="utf-8",
    )
    code, out, err = run(data, "validate", "--format", "table")
    assert code == 3 and not RAW.search(out) and not RAW.search(err)
    code, out, err = run(data, "casualties")
    assert code == 3 and "the data files have" in err and not RAW.search(err)
    summary = err.splitlines()
    assert all(line.startswith(("nkfacts:", "  ")) for line in summary), summary


def test_check_never_echoes_the_draft_raw(tmp_path: Path) -> None:
    """The issue's repro: the draft set the window title and cleared the screen."""
    draft = tmp_path / "d.md"
    draft.write_text(
        "In 2016, \x1b]0;PWNED\x07\x1b[2J 91 Armenian soldiers were killed \u202ein 2016.\n"
    )
    code, out, _ = run(SMALL, "check", str(draft), "--format", "table")
    assert code in (0, 4) and "91" in out
    assert not RAW.search(out) and "\\x1b]0;PWNED\\x07\\x1b[2J" in out


def test_completion_alias_with_a_line_break_is_one_candidate(tmp_path: Path) -> None:
    data = hostile(tmp_path, alias="Russian\nFed\x1b[2J")
    assert run(data, "sources")[0] == 0  # the index exists: completion never builds it
    env = {
        "_NKFACTS_COMPLETE": "complete_bash",
        "COMP_WORDS": "nkfacts --data-dir " + shlex.quote(str(data)) + " positions --actor Russian",
        "COMP_CWORD": "5",
    }
    r = runner.invoke(app, [], env=env, prog_name="nkfacts")
    candidates = r.stdout.splitlines()
    assert "Russian\\nFed\\x1b[2J" in candidates and not RAW.search(r.stdout.replace("\n", ""))
    assert "Fed\x1b[2J" not in candidates


def test_echoed_arguments_are_escaped() -> None:
    code, _, err = run(SMALL, "casualties", "--party", f"x{EVIL}")
    assert code == 2 and "unknown party" in err and not RAW.search(err)
    code, _, err = run(SMALL, "search", "x", "--limit", f"1{EVIL}")
    assert code == 2 and not RAW.search(err) and "\\x1b]0;PWNED" in err


@needs_bin
@pytest.mark.subprocess
def test_click_usage_errors_are_escaped_in_a_real_process(tmp_path: Path) -> None:
    """Click quotes some values with repr() (escaped), but not an extra argument or an unknown
    option's name."""
    env = env_with(tmp_path / "cache")
    for args in (("sources", f"extra{EVIL}"), ("sources", f"--x{EVIL}"), (f"nope{EVIL}",)):
        r = nk(*args, env=env)
        assert r.returncode == 2 and no_traceback(r.stderr) and "Error" in r.stderr
        assert not RAW.search(r.stderr) and "PWNED" in r.stderr, r.stderr


# --- 25, 26. paths in notes, the datasette hint -----------------------------------------------


def test_paths_in_notes_stay_on_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "no\nsuch\x1b[2J"
    code, _, err = run(bad, "validate")
    assert code == 3 and len(err.strip().splitlines()) == 1 and "no\\nsuch\\x1b[2J" in err
    out = tmp_path / "a\nb\x1b[2J.json"
    code, _, err = run(SMALL, "export", "--format", "json", "--output", str(out))
    assert code == 0 and out.is_file()
    assert err.count("\n") == 1 and err.startswith("nkfacts: wrote ") and "a\\nb\\x1b[2J" in err


@pytest.mark.parametrize("name", ["my db; rm -rf ~.db", "it's $(id).db", "line\nbreak.db"])
def test_the_datasette_hint_is_shell_quoted(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    code, _, err = run(SMALL, "export", "--format", "sqlite", "--output", str(out))
    assert code == 0 and out.is_file() and err.count("\n") == 1
    hint = err.split("open with: ", 1)[1].strip()
    if "\n" in name:  # bash's $'…' quoting keeps it one line
        words = subprocess.run(
            ["bash", "-c", 'printf "%s\\0" ' + hint], capture_output=True, text=True, check=True
        ).stdout.split("\0")[:-1]
    else:
        words = shlex.split(hint)
    assert words == ["datasette", str(out), "-m", str(out.with_name(out.stem + ".metadata.json"))]


def test_escape_shell_word() -> None:
    assert escape.shell_word("plain.db") == "plain.db"
    assert escape.shell_word("a b;c") == "'a b;c'"
    assert escape.shell_word("a\nb'") == "$'a\\x0ab\\x27'"


# --- 2, 11. CSV -------------------------------------------------------------------------------


def test_escape_csv_cells_and_quoting() -> None:
    for cell in ("=1+2", "+1+2", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1", "\r=1"):
        assert escape.csv_cell(cell) == "'" + cell
    for cell in ("-5", "+1,000", "12.5", "Shusha", "", "a=b"):
        assert escape.csv_cell(cell) == cell  # numbers and plain text as they are
    out = io.StringIO()
    escape.csv_writer(out).writerow(["a\rb", "c\nd", "e,f", 'g"h', "", "=x"])
    assert out.getvalue() == '"a\rb","c\nd","e,f","g""h",,\'=x\n'


FORMULA = '=HYPERLINK("http://evil.example","x")'


def test_csv_format_neutralises_formulas_and_quotes_a_bare_cr(tmp_path: Path) -> None:
    data = hostile(tmp_path, event_title=FORMULA + "\rSecond line")
    code, out, _ = run(data, "events", "--format", "csv", "--claims")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    n = len(json.loads(run(data, "events", "--format", "json", "--claims")[1]))
    assert code == 0 and len({len(r) for r in rows}) == 1 and len(rows) == 1 + n
    (title,) = [r[2] for r in rows if "HYPERLINK" in r[2]]
    assert title == "'" + FORMULA + "\rSecond line"


def test_export_csv_neutralises_formulas_and_quotes_a_bare_cr(tmp_path: Path) -> None:
    data = hostile(tmp_path, event_title="@SUM(1+1)\rx", claimant="-1+cmd|' /C calc'!A0")
    code, _, err = run(data, "export", "--format", "csv", "--output", str(tmp_path / "csv"))
    assert code == 0, err
    with open(tmp_path / "csv" / "events.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    n = len(json.loads(run(data, "events", "--format", "json", "--claims")[1]))
    assert len(rows) == n and "'@SUM(1+1)\rx" in [r["title"] for r in rows]
    with open(tmp_path / "csv" / "casualties.csv", newline="", encoding="utf-8") as fh:
        claimants = [r["claimant"] for r in csv.DictReader(fh)]
    assert "'-1+cmd|' /C calc'!A0" in claimants and not any(c.startswith("-") for c in claimants)


def test_check_csv_quotes_a_bare_cr_from_the_draft(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_bytes(b"In 2016\r-2015, 42 Armenian soldiers were killed.\n")
    code, out, _ = run(SMALL, "check", str(draft), "--format", "csv")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert code in (0, 4) and len(rows) == 2 and len(rows[1]) == len(rows[0])
    assert rows[1][6] == "2016\r-2015"


# --- 3. HTML (Datasette metadata) -------------------------------------------------------------


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[list[tuple[str, str | None]]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "a":
            self.links.append(attrs)


def test_escape_html_attributes_and_links() -> None:
    assert escape.html_attr("a\"b<c>&'") == "a&quot;b&lt;c&gt;&amp;&#x27;"
    assert escape.html_link("javascript:alert(1)", "t") == "t"
    assert escape.html_link('https://x.org/?a=1&b="2"', "<b>") == (
        '<a href="https://x.org/?a=1&amp;b=&quot;2&quot;">&lt;b&gt;</a>'
    )
    assert not escape.http_url("data:text/html,x") and not escape.http_url("https://x.org/\x1b")
    assert escape.http_url("https://example.org/a|b") and escape.http_url("HTTP://X.ORG")


def test_datasette_metadata_has_no_injected_attribute(tmp_path: Path) -> None:
    url = 'https://news.example.org/"onmouseover="alert(1)"x=<script>'
    data = hostile(tmp_path, source_url=url, source_title="<img src=x onerror=alert(1)>")
    db = tmp_path / "x.db"
    code, _, err = run(data, "export", "--format", "sqlite", "--output", str(db))
    assert code == 0, err
    meta = json.loads((tmp_path / "x.metadata.json").read_text(encoding="utf-8"))
    parser = _Links()
    parser.feed(meta["description_html"])
    assert set(parser.tags) <= {"p", "ul", "li", "a"}
    hrefs = [dict(a) for a in parser.links]
    assert all(set(a) == {"href"} for a in hrefs)
    assert url in [a["href"] for a in hrefs]
    sqlite3.connect(db).close()


# --- 4. wikitext ------------------------------------------------------------------------------


def test_escape_wikitext_values_are_inert() -> None:
    mw = pytest.importorskip("mwparserfromhell")
    value = "A}} [[Category:Spam]] ~~~~ ''bold'' [[Link|x]] {{evil}} [http://e.x y] __NOTOC__ <b>|"
    text = "{{cite web |title=" + escape.wikitext(value) + " |at=ref. [167]}}"
    code = mw.parse(text)
    (t,) = code.filter_templates()
    assert {str(p.name) for p in t.params} == {"title", "at"}
    assert not code.filter_wikilinks() and not code.filter_external_links()
    assert not code.filter_tags() and "~~~" not in text and "''" not in text
    assert str(t.get("at").value).strip() == "ref. [167]"


def test_cite_wikitext_keeps_one_template_with_its_parameters(tmp_path: Path) -> None:
    mw = pytest.importorskip("mwparserfromhell")
    title = "News}"  # a value ending in } closed the template early (}}})
    quote = "x [[Category:Spam]] ~~~~ ''it'' [[Main Page]] {{delete}} }} [http://evil.example y]"
    data = hostile(tmp_path, source_title=title, quote=quote)
    code, out, _ = run(data, "cite", "p-news", "--style", "wikitext", "--ref")
    assert code == 0
    parsed = mw.parse(out)
    (t,) = parsed.filter_templates()
    names = {str(p.name).strip() for p in t.params}
    # One person per parameter: "Doe, Jane" as last1/first1, a newsroom as author2.
    assert names == {
        *("last1", "first1", "author2", "year", "title", "url", "publisher", "at", "quote")
    }
    import html as html_module

    assert html_module.unescape(str(t.get("title").value).strip()) == title
    assert html_module.unescape(str(t.get("quote").value).strip()) == quote
    assert not parsed.filter_wikilinks() and "~~~~" not in out and "''" not in out
    links = [str(x.url) for x in parsed.filter_external_links()]
    assert links == ["https://news.example.org/report"]  # the url parameter only


# --- 5. BibTeX --------------------------------------------------------------------------------


def _balanced(value: str) -> bool:
    depth = 0
    for ch in value:  # as BibTeX counts: a backslash does not hide a brace
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def test_escape_latex_braces_balance() -> None:
    for text in ("a \\} b", "}{", "{{{", "x\\", "a}b{c\\}"):
        assert _balanced(latex(text)), latex(text)
    assert latex("{x}") == "\\textbraceleft{}x\\textbraceright{}"


@pytest.mark.parametrize("title", ["Evil \\} title", "Unbalanced } title {", "Ends in \\"])
def test_bibtex_entry_survives_braces_in_title_and_quote(tmp_path: Path, title: str) -> None:
    bibtexparser = pytest.importorskip("bibtexparser")
    url = "https://news.example.org/x{y}}\\"
    data = hostile(tmp_path, source_title=title, quote="a } b { c \\} d", source_url=url)
    code, out, _ = run(data, "cite", "p-news", "p-blog", "--style", "bibtex")
    assert code == 0 and out.isascii()
    lib = bibtexparser.parse_string(out)
    assert not lib.failed_blocks and [e.key for e in lib.entries] == ["p-news", "p-blog"]
    for e in lib.entries:
        assert all(_balanced(f.value) for f in e.fields)
    assert "Unbalanced" not in title or "textbraceright" in lib.entries[0]["title"]
    assert "textbraceright{} d" in lib.entries[0]["note"]
    if shutil.which("bibtex"):
        _real_bibtex(tmp_path, out)


def _real_bibtex(tmp_path: Path, bib: str) -> None:
    """BibTeX 0.99d itself: no error, both entries in the .bbl (it skipped broken ones)."""
    (tmp_path / "refs.bib").write_text(bib, encoding="ascii")
    (tmp_path / "doc.aux").write_text(
        "\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n", encoding="ascii"
    )
    r = subprocess.run(["bibtex", "doc"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    bbl = (tmp_path / "doc.bbl").read_text(encoding="ascii")
    assert r.returncode == 0 and "error" not in r.stdout.lower(), r.stdout
    assert bbl.count("\\bibitem") == 2


# --- 6. Markdown ------------------------------------------------------------------------------


def test_escape_markdown_text_and_url() -> None:
    assert escape.markdown_text("[x](javascript:alert(1)) <b>\n`c` \\") == (
        "\\[x\\](javascript:alert(1)) \\<b\\> \\`c\\` \\\\"
    )
    assert escape.markdown_url("javascript:alert(1)") is None
    assert escape.markdown_url("https://x.org/a) [x](javascript:y)") is None  # a space: no URL
    assert escape.markdown_url("https://x.org/a)[x](y)") == "https://x.org/a%29%5Bx%5D%28y%29"


def test_cite_markdown_adds_no_link(tmp_path: Path) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    url = "https://news.example.org/a)[x](javascript:alert(1))"
    data = hostile(
        tmp_path,
        source_url=url,
        source_title="News](javascript:alert(2)) [y",
        quote="[click](javascript:alert(3)) <a href='javascript:alert(4)'>z</a>",
    )
    code, out, _ = run(data, "cite", "p-news", "--style", "markdown")
    assert code == 0
    rendered = markdown_it.MarkdownIt("commonmark").render(out)
    parser = _Links()
    parser.feed(rendered)
    hrefs = [dict(a).get("href") for a in parser.links]
    assert hrefs == ["https://news.example.org/a%29%5Bx%5D%28javascript:alert%281%29%29"]
    assert "javascript:alert(3)" in out and parser.tags.count("a") == 1


LINKS = "[a](javascript:alert(1)) ![i](https://t.example/x.png) <img src=x onerror=alert(2)> <javascript:alert(3)>"


@pytest.mark.parametrize(
    "args",
    [("events", "--format", "markdown"), ("show", "ev-clash", "--format", "markdown")],
    ids=lambda a: " ".join(a),
)
def test_markdown_outputs_add_no_link_or_html(tmp_path: Path, args: tuple[str, ...]) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    data = hostile(tmp_path, event_title=f"Clash {LINKS} [12]")
    code, out, _ = run(data, *args)
    assert code == 0 and "[12]" in out  # a reference label reads as it is
    rendered = markdown_it.MarkdownIt("commonmark").enable("table").render(out)
    parser = _Links()
    parser.feed(rendered)
    assert not parser.links and not {"img", "script"} & set(parser.tags), rendered


def test_check_markdown_adds_no_link_or_html(tmp_path: Path) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    data = hostile(tmp_path, claimant="[a](javascript:alert(1)) <b>x</b>")
    draft = tmp_path / "d.md"
    draft.write_text("In 2015, at least 64 Armenian soldiers were killed.\n")
    code, out, _ = run(data, "check", str(draft), "--format", "markdown")
    assert code in (0, 4) and "javascript" in out
    parser = _Links()
    parser.feed(markdown_it.MarkdownIt("commonmark").enable("table").render(out))
    assert not parser.links and not {"img", "b"} & set(parser.tags)


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "https://", "ftp://x.org/f"],
)
def test_validate_rejects_urls_other_than_http(tmp_path: Path, url: str) -> None:
    data = hostile(tmp_path, source_url=url)
    code, out, _ = run(data, "validate", "--format", "json")
    problems = json.loads(out)
    assert code == 3 and [p["code"] for p in problems if p["field"] == "url"] == ["url"]


# --- 15. output encodings ---------------------------------------------------------------------


def test_escape_encode_errors_never_fail() -> None:
    assert (
        "Şuşa – 😀".encode("ascii", escape.ENCODE_ERRORS)
        == b"\\u015eu\\u015fa \\u2013 \\ud83d\\ude00"
    )
    assert (
        json.loads('"' + "é–".encode("latin-1", escape.ENCODE_ERRORS).decode("latin-1") + '"')
        == "é–"
    )


ENCODINGS = [
    {"PYTHONIOENCODING": "ascii"},
    {"PYTHONIOENCODING": "latin-1"},
    {
        "LC_ALL": "C",
        "LANG": "C",
        "PYTHONUTF8": "0",
        "PYTHONCOERCECLOCALE": "0",
        "PYTHONIOENCODING": "",
    },
]
COMMANDS = [
    ("casualties", "--format", "table"),
    ("casualties", "--format", "csv"),
    ("casualties", "--format", "markdown"),
    ("casualties", "--format", "tsv"),
    ("casualties", "--format", "json"),
    ("casualties", "--chart"),
    ("events", "--format", "table"),
    ("show", "ev-shusha"),
    ("show", "ev-shusha", "--format", "json"),
    ("cite", "ev-shusha", "--style", "plain"),
    ("search", "Shusha", "--format", "table"),
    ("sources", "--format", "table"),
    ("disputes", "--format", "table"),
]


@needs_bin
@pytest.mark.subprocess
@pytest.mark.parametrize("extra", ENCODINGS, ids=["ascii", "latin-1", "C-locale"])
def test_a_narrow_output_encoding_never_crashes(tmp_path: Path, extra: dict[str, str]) -> None:
    data = hostile(tmp_path, event_title="Şuşa – «ə» 😀 captured")
    env = env_with(tmp_path / "cache", **extra)
    draft = tmp_path / "d.md"
    draft.write_text("In 2015, 42 Armenian soldiers were killed in Şuşa – «ə».\n", encoding="utf-8")
    for args in [*COMMANDS, ("check", str(draft), "--format", "table")]:
        r = nk("--data-dir", str(data), *args, env=env)
        assert r.returncode in (0, 4) and no_traceback(r.stderr), (args, r.stderr)
        if args[-1] == "json":
            json.loads(r.stdout)  # still valid JSON


@needs_bin
@pytest.mark.subprocess
def test_compare_and_its_chart_in_ascii(tmp_path: Path) -> None:
    env = env_with(tmp_path / "cache", PYTHONIOENCODING="ascii")
    for args in (("compare", "--format", "table"), ("compare", "--chart")):
        r = nk(*args, "--from", "2016", "--to", "2020", env=env)
        assert r.returncode == 0 and no_traceback(r.stderr) and r.stdout.isascii(), r.stderr
