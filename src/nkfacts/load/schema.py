"""The data files' schema: which files hold which record kind, and every field's checker.

A checker takes the raw YAML value and returns the clean value or raises FieldProblem with a
stable problem code (README: validate checks). `check_record` applies one kind's spec.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from nkfacts.core import dates, vocab
from nkfacts.core.kinds import FILE_KINDS
from nkfacts.load.yamlsafe import LDict

# file name -> (record kind, required?), from the registry of kinds
FILES: dict[str, tuple[str, bool]] = dict(FILE_KINDS)
SOURCE_FIELDS = (
    "id",
    "kind",
    "title",
    "url",
    "publisher",
    "authors",
    "year",
    "version",
    "cite_as",
    "license",
    "definition",
    "file",
    "note",
    "sha256",
)
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_TEXT = 4000


class FieldProblem(Exception):
    """One field's value is wrong; `code` is the stable problem code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


Checker = Callable[[Any], Any]


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise FieldProblem("type", f"expected non-empty text, got {value!r}")
    if len(value) > MAX_TEXT:
        raise FieldProblem("type", f"text longer than {MAX_TEXT} characters")
    return value.strip()


def _url(value: Any) -> str:
    """An http(s) URL: nkfacts links it (Datasette, Markdown, wikitext), so no other scheme
    (javascript:, data:, file:) and no whitespace or control character."""
    from nkfacts.core.escape import http_url

    url = _text(value)
    if not http_url(url):
        raise FieldProblem("url", f"url must be an http:// or https:// address, got {_short(url)}")
    return url


def _sha256(value: Any) -> str:
    """A snapshot's SHA-256: 64 lowercase hex digits (`sha256sum FILE`)."""
    text = _text(value)
    if not re.fullmatch(r"[0-9a-f]{64}", text):
        raise FieldProblem("type", f"sha256 must be 64 lowercase hex digits, got {_short(text)}")
    return text


def _id(value: Any) -> str:
    if not isinstance(value, str) or not ID_RE.fullmatch(value):
        raise FieldProblem(
            "id-format", f"id {value!r} must be lower-case letters, digits and single hyphens"
        )
    return value


INT_MAX = 2**63 - 1  # SQLite's INTEGER range: larger values cannot be stored or exported


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FieldProblem("type", f"expected a whole number ≥ 0, got {_short(value)}")
    if value > INT_MAX:
        raise FieldProblem("type", f"number too large: {_short(value)} (limit {INT_MAX})")
    return value


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "…"


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldProblem("type", f"expected true or false, got {value!r}")
    return value


# Years a record may name (README: validate checks): 0000 broke date arithmetic, and a
# figure dated 0000–9999 added one index row per year.
MIN_YEAR, MAX_YEAR = 1800, 2100


def _date(value: Any) -> str:
    try:
        first, last, _ = dates.parse(value)
    except dates.DateFormatError as exc:
        raise FieldProblem("date", str(exc)) from None
    if not MIN_YEAR <= int(first[:4]) <= int(last[:4]) <= MAX_YEAR:
        raise FieldProblem("date", f"'{value}' is outside the years {MIN_YEAR}–{MAX_YEAR}")
    return str(value)


def _vocab(table: Mapping[str, tuple[str, ...]], what: str) -> Checker:
    def check(value: Any) -> str:
        if isinstance(value, str) and value in table:
            return value
        spellings = {s: c for c, a in table.items() for s in (c.lower(), *a)}
        raise FieldProblem(
            "vocabulary", vocab.unknown_value_message(str(value), list(table), what, spellings)
        )

    return check


def _text_list(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise FieldProblem("type", f"expected a list of names, got {value!r}")
    return [_text(v) for v in value]


def _citations(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not value:
        raise FieldProblem("citation", "expected a non-empty list of {source, ref}")
    out = []
    for c in value:
        if not isinstance(c, dict):
            raise FieldProblem("citation", f"citation must be a mapping {{source, ref}}, got {c!r}")
        extra = set(c) - {"source", "ref", "passage_ref"}
        if extra:
            raise FieldProblem(
                "unknown-field", f"unknown citation field(s): {', '.join(map(str, sorted(extra)))}"
            )
        if "source" not in c or "ref" not in c:
            raise FieldProblem(
                "citation",
                "citation needs both 'source' and 'ref' (ref: null when the text prints no label)",
            )
        ref = c["ref"]
        entry: dict[str, Any] = {"source": _text(c["source"]), "ref": _label(ref)}
        if c.get("passage_ref") is not None:
            if ref is not None:
                raise FieldProblem("citation", "passage_ref goes only with ref: null")
            entry["passage_ref"] = _label(c["passage_ref"])
        out.append(entry)
    return out


_LABEL = re.compile(r"[0-9a-z]{1,6}|[0-9a-z]+(?:[:/.-][0-9a-z]+){1,4}")


def _label(ref: Any) -> str | None:
    """A reference label: '160', 'c', or a dataset row key such as '388/2016'."""
    if isinstance(ref, int) and not isinstance(ref, bool):
        ref = str(ref)
    if ref is not None and (not isinstance(ref, str) or not _LABEL.fullmatch(ref)):
        raise FieldProblem(
            "citation", f'ref must be a label like "160", "c" or "388/2016" (or null), got {ref!r}'
        )
    return ref


def _figures(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise FieldProblem("type", "figures must be a list of {value, unit, label}")
    out = []
    for f in value:
        if not isinstance(f, dict) or set(f) - {"value", "unit", "label"} or "value" not in f:
            raise FieldProblem("type", f"figure must be {{value, unit, label}}, got {f!r}")
        v = f["value"]
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise FieldProblem("type", f"figure value must be a number, got {_short(v)}")
        if (isinstance(v, float) and not math.isfinite(v)) or (
            isinstance(v, int) and abs(v) > INT_MAX
        ):
            raise FieldProblem("type", f"figure value out of range: {_short(v)}")
        out.append(
            {"value": v, "unit": str(f.get("unit") or ""), "label": str(f.get("label") or "")}
        )
    return out


REQ, OPT = True, False
SPECS: dict[str, dict[str, tuple[Checker, bool]]] = {
    "source": {
        "id": (_id, REQ),
        "title": (_text, REQ),
        "url": (_url, REQ),
        "kind": (_vocab(vocab.SOURCE_KINDS, "source kind"), OPT),
        "publisher": (_text, OPT),
        "authors": (_text_list, OPT),
        "year": (_int, OPT),
        "version": (_text, OPT),
        "cite_as": (_text, OPT),
        "license": (_text, OPT),
        "definition": (_text, OPT),
        "file": (_text, OPT),
        "note": (_text, OPT),
        "sha256": (_sha256, OPT),
    },
    "actor": {"name": (_text, REQ), "aliases": (_text_list, OPT), "note": (_text, OPT)},
    "place": {"name": (_text, REQ), "aliases": (_text_list, OPT), "note": (_text, OPT)},
    "casualty": {
        "id": (_id, REQ),
        "party": (_vocab(vocab.PARTIES, "party"), REQ),
        "category": (_vocab(vocab.CATEGORIES, "category"), REQ),
        "measure": (_vocab(vocab.MEASURES, "measure"), REQ),
        "start": (_date, REQ),
        "end": (_date, OPT),
        "low": (_int, REQ),
        "high": (_int, OPT),
        "best": (_int, OPT),
        "at_least": (_bool, OPT),
        "approx": (_bool, OPT),
        "upper_bound": (_bool, OPT),
        "claimant": (_text, REQ),
        "as_of": (_date, OPT),
        "event": (_id, OPT),
        "part_of": (_id, OPT),
        "place": (_text, OPT),
        "citations": (_citations, REQ),
        "quote": (_text, REQ),
        "note": (_text, OPT),
    },
    "event": {
        "id": (_id, REQ),
        "date": (_date, REQ),
        "end": (_date, OPT),
        "happening": (_id, OPT),
        "title": (_text, REQ),
        "description": (_text, OPT),
        "type": (_vocab(vocab.EVENT_TYPES, "event type"), REQ),
        "places": (_text_list, OPT),
        "actors": (_text_list, OPT),
        "citations": (_citations, REQ),
        "quote": (_text, REQ),
        "note": (_text, OPT),
    },
    "ceasefire": {
        "id": (_id, REQ),
        "name": (_text, REQ),
        "signed": (_date, OPT),
        "effective": (_date, OPT),
        "effective_time": (_text, OPT),
        "place": (_text, OPT),
        "brokers": (_text_list, REQ),
        "signatories": (_text_list, REQ),
        "terms": (_text_list, REQ),
        "outcome": (_vocab(vocab.OUTCOMES, "outcome"), REQ),
        "outcome_summary": (_text, OPT),
        "event": (_id, OPT),
        "citations": (_citations, REQ),
        "quote": (_text, REQ),
        "note": (_text, OPT),
    },
    "violation": {
        "id": (_id, REQ),
        "ceasefire": (_id, OPT),  # only where the text names the ceasefire broken
        "date": (_date, REQ),
        "claimant": (_text, REQ),
        "accused": (_text, OPT),
        "description": (_text, REQ),
        "citations": (_citations, REQ),
        "quote": (_text, REQ),
        "note": (_text, OPT),
    },
    "position": {
        "id": (_id, REQ),
        "actor": (_text, REQ),
        "kind": (_vocab(vocab.POSITION_KINDS, "position kind"), REQ),
        "stance": (_vocab(vocab.STANCES, "stance"), REQ),
        "start": (_date, OPT),
        "end": (_date, OPT),
        "summary": (_text, REQ),
        "figures": (_figures, OPT),
        "attributed_to": (_text, OPT),
        "denied": (_text, OPT),
        "citations": (_citations, REQ),
        "quote": (_text, REQ),
        "note": (_text, OPT),
    },
}


Report = Callable[..., None]
# One record's unknown fields reported one by one (each with a "did you mean"); the rest counted.
MAX_UNKNOWN_REPORTED = 20


def check_record(kind: str, raw: Any, file: str, report: Report) -> dict[str, Any] | None:
    """Check one record's fields; return the cleaned values, or None if it has errors."""
    line = getattr(raw, "line", None)
    if not isinstance(raw, dict):
        report(
            "type",
            file,
            line,
            None,
            None,
            f"each record must be a mapping, got {type(raw).__name__}",
        )
        return None
    spec = SPECS[kind]
    rid = raw.get("id") if isinstance(raw.get("id"), str) else raw.get("name")
    rid = rid if isinstance(rid, str) else None
    key_lines = raw.key_lines if isinstance(raw, LDict) else {}
    clean: dict[str, Any] = {}
    unknown = [key for key in raw if key not in spec]
    for key in unknown[:MAX_UNKNOWN_REPORTED]:
        close = [k for k in spec if len(str(key)) <= 100 and _similar(str(key), k)]
        hint = f" — did you mean '{close[0]}'?" if close else ""
        report(
            "unknown-field",
            file,
            key_lines.get(key, line),
            rid,
            str(key)[:100],
            f"unknown field '{str(key)[:100]}'{hint} Allowed: {', '.join(spec)}",
        )
    if len(unknown) > MAX_UNKNOWN_REPORTED:
        more = len(unknown) - MAX_UNKNOWN_REPORTED
        report("unknown-field", file, line, rid, None, f"… and {more:,} more unknown fields")
    ok = not unknown
    for name, (checker, required) in spec.items():
        if name not in raw or raw[name] is None:
            if required:
                report("required", file, line, rid, name, f"missing required field '{name}'")
                ok = False
            continue
        try:
            clean[name] = checker(raw[name])
        except FieldProblem as exc:
            report(exc.code, file, key_lines.get(name, line), rid, name, str(exc))
            ok = False
    clean["_line"] = line
    return clean if ok else None


def _similar(a: str, b: str) -> bool:
    import difflib

    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.75
