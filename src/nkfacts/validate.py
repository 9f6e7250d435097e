"""Read every data file strictly, check it, and build the normalised records.

`check(data_dir)` never raises for bad data: it returns a Dataset whose `problems` list holds
every problem found (code, severity, file, line, id, field, message), in the spirit of
frictionless' reports. Records with errors are left out of the dataset; callers refuse to
answer from data with any error (exit 3).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nkfacts import dates, vocab
from nkfacts.periods import period_of
from nkfacts.yamlsafe import LDict, YamlError, iter_records

# file name -> (record kind, required?)
FILES: dict[str, tuple[str, bool]] = {
    "sources.yaml": ("source", True),
    "actors.yaml": ("actor", False),
    "places.yaml": ("place", False),
    "events.yaml": ("event", True),
    "casualties.yaml": ("casualty", True),
    "ceasefires.yaml": ("ceasefire", False),
    "violations.yaml": ("violation", False),
    "positions.yaml": ("position", False),
}
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


def _id(value: Any) -> str:
    if not isinstance(value, str) or not ID_RE.fullmatch(value):
        raise FieldProblem(
            "id-format", f"id {value!r} must be lower-case letters, digits and single hyphens"
        )
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FieldProblem("type", f"expected a whole number ≥ 0, got {value!r}")
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldProblem("type", f"expected true or false, got {value!r}")
    return value


def _date(value: Any) -> str:
    try:
        dates.parse(value)
    except dates.DateFormatError as exc:
        raise FieldProblem("date", str(exc)) from None
    return str(value)


def _vocab(table: Mapping[str, tuple[str, ...]], what: str) -> Checker:
    def check(value: Any) -> str:
        if isinstance(value, str) and value in table:
            return value
        spellings = [s for c, a in table.items() for s in (c.lower(), *a)]
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
            raise FieldProblem("type", f"figure value must be a number, got {v!r}")
        out.append(
            {"value": v, "unit": str(f.get("unit") or ""), "label": str(f.get("label") or "")}
        )
    return out


REQ, OPT = True, False
SPECS: dict[str, dict[str, tuple[Checker, bool]]] = {
    "source": {
        "id": (_id, REQ),
        "title": (_text, REQ),
        "url": (_text, REQ),
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
        "ceasefire": (_id, REQ),
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


@dataclass
class Dataset:
    """Normalised records by kind, plus every problem found while reading them."""

    data_dir: Path
    records: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    problems: list[dict[str, Any]] = field(default_factory=list)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def errors(self) -> list[dict[str, Any]]:
        return [p for p in self.problems if p["severity"] == "error"]

    @property
    def valid(self) -> bool:
        return not self.errors

    def take_public(self, kind: str) -> Iterator[dict[str, Any]]:
        """The public (JSON contract) records of a kind, in output order, consuming the list."""
        recs = self.records.get(kind, [])
        recs.reverse()
        while recs:
            r = recs.pop()
            yield public_casualty(r, self.sources) if kind == "casualty" else r


class _Reporter:
    def __init__(self, ds: Dataset) -> None:
        self.ds = ds

    def __call__(
        self,
        code: str,
        file: str,
        line: int | None,
        rid: str | None,
        fld: str | None,
        message: str,
        severity: str = "error",
    ) -> None:
        self.ds.problems.append(
            {
                "severity": severity,
                "code": code,
                "file": file,
                "line": line,
                "id": rid,
                "field": fld,
                "message": message,
            }
        )


def _check_record(kind: str, raw: Any, file: str, report: _Reporter) -> dict[str, Any] | None:
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
    ok = True
    clean: dict[str, Any] = {}
    for key in raw:
        if key not in spec:
            close = [k for k in spec if _similar(str(key), k)]
            hint = f" — did you mean '{close[0]}'?" if close else ""
            report(
                "unknown-field",
                file,
                key_lines.get(key, line),
                rid,
                str(key),
                f"unknown field '{key}'{hint} Allowed: {', '.join(spec)}",
            )
            ok = False
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


def check(
    data_dir: Path, sources_dir: Path | None = None, progress: Callable[[str], None] | None = None
) -> Dataset:
    """Read and check every data file in `data_dir`; optionally verify quotes against snapshots."""
    ds = Dataset(data_dir)
    report = _Reporter(ds)
    cleaned: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fname, (kind, required) in FILES.items():
        path = data_dir / fname
        if not path.exists() and not required:
            continue
        if progress:
            progress(f"reading {fname}")
        fname_str = str(path)
        try:
            for n, raw in enumerate(iter_records(path), 1):
                if progress and n % 20000 == 0:
                    progress(f"reading {fname}: {n:,} records")
                rec = _check_record(kind, raw, fname_str, report)
                if rec is not None:
                    rec["_file"] = fname_str
                    cleaned[kind].append(rec)
        except YamlError as exc:
            report(exc.code, fname_str, exc.line, None, None, exc.message)
    _cross_check(ds, cleaned, report, sources_dir)
    return ds


def _names(entries: Iterable[dict[str, Any]]) -> dict[str, str]:
    """name/alias (lower-case) -> canonical name."""
    table: dict[str, str] = {}
    for e in entries:
        table[e["name"].lower()] = e["name"]
        for a in e.get("aliases", []):
            table[a.lower()] = e["name"]
    return table


def _cross_check(
    ds: Dataset,
    cleaned: Mapping[str, list[dict[str, Any]]],
    report: _Reporter,
    sources_dir: Path | None,
) -> None:
    # Unique ids across every file.
    seen: dict[str, tuple[str, int | None]] = {}
    for kind in ("source", "event", "casualty", "ceasefire", "violation", "position"):
        for rec in cleaned.get(kind, []):
            rid = rec["id"]
            if rid in seen:
                f0, l0 = seen[rid]
                report(
                    "duplicate-id",
                    rec["_file"],
                    rec["_line"],
                    rid,
                    "id",
                    f"id '{rid}' is used twice (first at {f0}:{l0})",
                )
                rec["_bad"] = True
            else:
                seen[rid] = (rec["_file"], rec["_line"])
    for kind in ("actor", "place"):
        names: dict[str, str] = {}
        for e in cleaned.get(kind, []):
            for n in (e["name"], *e.get("aliases", [])):
                if n.lower() in names and names[n.lower()] != e["name"]:
                    report(
                        "ambiguous-alias",
                        e["_file"],
                        e["_line"],
                        e["name"],
                        "aliases",
                        f"{kind} name '{n}' also names '{names[n.lower()]}'",
                    )
                names[n.lower()] = e["name"]
    sources = {s["id"]: s for s in cleaned.get("source", [])}
    actors = _names(cleaned.get("actor", [])) if cleaned.get("actor") else None
    places = _names(cleaned.get("place", [])) if cleaned.get("place") else None
    events = {e["id"] for e in cleaned.get("event", [])}
    ceasefires = {c["id"] for c in cleaned.get("ceasefire", [])}
    texts: dict[str, str] = {}
    if sources_dir is not None:
        for sid, s in sources.items():
            path = sources_dir / s.get("file", f"{sid}.txt")
            try:
                texts[sid] = path.read_text(encoding="utf-8")
            except OSError as exc:
                report(
                    "source-file",
                    s["_file"],
                    s["_line"],
                    sid,
                    "file",
                    f"snapshot {path} cannot be read: {exc.strerror or exc}",
                )

    def bad(rec: dict[str, Any], code: str, fld: str, msg: str, severity: str = "error") -> None:
        report(code, rec["_file"], rec["_line"], rec.get("id"), fld, msg, severity)
        if severity == "error":
            rec["_bad"] = True

    for kind in ("event", "casualty", "ceasefire", "violation", "position"):
        for rec in cleaned.get(kind, []):
            srcs = {c["source"] for c in rec["citations"]}
            for sid in sorted(srcs - set(sources)):
                bad(
                    rec,
                    "citation",
                    "citations",
                    f"unknown source '{sid}'. Known: {', '.join(sources) or '(none)'}",
                )
            if len(srcs) > 1:
                bad(
                    rec,
                    "citation",
                    "citations",
                    "all citations of one record must name the same source",
                )
            _check_dates(rec, bad)
            if kind == "ceasefire" and not (rec.get("signed") or rec.get("effective")):
                bad(
                    rec, "required", "signed", "a ceasefire needs 'signed' or 'effective' (or both)"
                )
            if kind == "casualty":
                rec.setdefault("high", rec["low"])
                if rec["high"] < rec["low"]:
                    bad(
                        rec, "range", "high", f"low {rec['low']} is greater than high {rec['high']}"
                    )
                if rec.get("at_least") and rec.get("upper_bound"):
                    bad(rec, "range", "at_least", "a figure cannot be both 'at least' and 'up to'")
            for fld, target, known in (
                ("event", "event", events),
                ("ceasefire", "ceasefire", ceasefires),
            ):
                if (
                    kind in ("casualty", "ceasefire", "violation")
                    and rec.get(fld)
                    and rec[fld] not in known
                ):
                    bad(rec, "link", fld, f"{target} '{rec[fld]}' does not exist")
            if actors is not None:
                for fld in ("actors", "brokers", "signatories", "actor", "accused"):
                    vals = rec.get(fld)
                    if vals is None or (kind == "violation" and fld != "accused"):
                        continue
                    for v in [vals] if isinstance(vals, str) else vals:
                        if v.lower() not in actors:
                            bad(rec, "link", fld, f"unknown actor '{v}' (add it to actors.yaml)")
                        elif actors[v.lower()] != v:
                            bad(
                                rec,
                                "link",
                                fld,
                                f"actor '{v}' is an alias; use '{actors[v.lower()]}'",
                            )
            if places is not None:
                for v in rec.get("places", []):
                    if v.lower() not in places:
                        bad(rec, "link", "places", f"unknown place '{v}' (add it to places.yaml)")
            sid = rec["citations"][0]["source"]
            if sid in texts:
                q = rec["quote"]
                if q not in texts[sid]:
                    bad(
                        rec,
                        "quote",
                        "quote",
                        f"quote is not verbatim in {sources[sid].get('file', sid)}: {q!r}",
                    )
                elif kind == "casualty" and not _quote_has_figure(q, rec["low"], rec["high"]):
                    bad(
                        rec,
                        "quote-figure",
                        "quote",
                        f"quote does not contain the figure {rec['low']}"
                        + (f"–{rec['high']}" if rec["high"] != rec["low"] else ""),
                    )
    _warn_table_totals(cleaned.get("casualty", []), bad)
    for kind, recs in cleaned.items():
        for rec in recs:
            if not rec.pop("_bad", False):
                ds.records[kind].append(rec)
    if ds.valid:
        _normalise(ds, sources)


def _check_dates(rec: dict[str, Any], bad: Callable[..., None]) -> None:
    for a, b in (("start", "end"), ("date", "end"), ("signed", "effective")):
        if rec.get(a) and rec.get(b):
            first = dates.parse(rec[a])[0]
            last = dates.parse(rec[b])[1]
            if first > last:
                bad(rec, "date-order", b, f"{b} {rec[b]} is before {a} {rec[a]}")


_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_forms(n: int) -> list[str]:
    """Ways a text may write n: '3825', '3,825', '3 825', 'twelve', 'forty-two', 'two hundred'."""
    forms = [str(n), f"{n:,}", f"{n:,}".replace(",", " ")]
    if n < 20:
        forms.append(_WORDS[n])
    elif n < 100:
        forms.append(_TENS[n // 10] + ("" if n % 10 == 0 else "-" + _WORDS[n % 10]))
    elif n < 1000 and n % 100 == 0:
        forms.append(_WORDS[n // 100] + " hundred")
    if n % 1000 == 0 and 0 < n // 1000 < 20:
        forms.append(_WORDS[n // 1000] + " thousand")
    if n % 1_000_000 == 0 and n:
        forms.append(f"{n // 1_000_000} million")
    if n == 1:
        forms += ["a ", "an ", "single"]
    if n == 2:
        forms += ["both", "pair", "couple"]
    return forms


def _quote_has_figure(quote: str, low: int, high: int) -> bool:
    """True if the quote writes the figure; a figure of exactly 1 may be carried by a name."""
    q = quote.lower()
    if low == high == 1:
        return True

    def has(n: int) -> bool:
        for form in number_forms(n):
            if form[0].isdigit():
                if re.search(rf"(?<![\d,.]){re.escape(form)}(?![\d]|,\d)", q):
                    return True
            elif form in q:
                return True
        return False

    return has(low) and has(high)


def _warn_table_totals(recs: list[dict[str, Any]], bad: Callable[..., None]) -> None:
    """Warn where a 'Both sides' total differs from the sum of the two sides' figures."""
    from nkfacts.disputes import total_mismatches

    for t, a, z, lo, hi in total_mismatches(recs):
        parts = f"{a['low']}" + (f"–{a['high']}" if a.get("high", a["low"]) != a["low"] else "")
        parts += f" + {z['low']}" + (f"–{z['high']}" if z.get("high", z["low"]) != z["low"] else "")
        bad(
            t,
            "table-total",
            "low",
            f"total {t['low']} differs from the sum of its parts ({parts} = {lo}"
            + (f"–{hi}" if hi != lo else "")
            + f"; see {a['id']}, {z['id']})",
            "warning",
        )


def _citation_objects(
    rec: Mapping[str, Any], sources: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    return [
        {
            "source": c["source"],
            "title": sources[c["source"]]["title"],
            "url": sources[c["source"]]["url"],
            "ref": c["ref"],
            "passage_ref": c.get("passage_ref"),
        }
        for c in rec["citations"]
    ]


def _span(rec: Mapping[str, Any], a: str, b: str) -> dict[str, Any]:
    first, _, sp = dates.parse(rec[a])
    _, last, ep = dates.parse(rec.get(b) or rec[a])
    return {"first": first, "last": last, "sp": sp, "ep": ep}


def _casualty_order(r: Mapping[str, Any]) -> tuple[str, str, str, str]:
    """Output order: period start, period end, party, id."""
    return (
        dates.parse(r["start"])[0],
        dates.parse(r.get("end") or r["start"])[1],
        r["party"],
        r["id"],
    )


def public_casualty(
    r: Mapping[str, Any], sources: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    """A checked casualty record in its public JSON shape (README: JSON contract)."""
    from nkfacts.figures import figure

    s = _span(r, "start", "end")
    out = {
        "id": r["id"],
        "party": r["party"],
        "category": r["category"],
        "measure": r["measure"],
        "start": s["first"],
        "end": s["last"],
        "start_precision": s["sp"],
        "end_precision": s["ep"],
        "period": dates.period(s["first"], s["sp"], s["last"], s["ep"]),
        "low": r["low"],
        "high": r["high"],
        "best": r.get("best"),
        "at_least": r.get("at_least", False),
        "approx": r.get("approx", False),
        "upper_bound": r.get("upper_bound", False),
        "figure": "",
        "claimant": r["claimant"],
        "as_of": r.get("as_of"),
        "event": r.get("event"),
        "place": r.get("place"),
        "quote": r["quote"],
        "note": r.get("note"),
        "citations": _citation_objects(r, sources),
    }
    out["figure"] = figure(out)
    return out


def _normalise(ds: Dataset, sources: Mapping[str, Mapping[str, Any]]) -> None:
    """Turn checked records into the public JSON shape (README: JSON contract)."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in ds.records.get("source", []):
        out["source"].append(
            {k: s.get(k) for k in SOURCE_FIELDS} | {"kind": s.get("kind") or "article"}
        )
    for kind in ("actor", "place"):
        for e in ds.records.get(kind, []):
            out[kind].append(
                {"name": e["name"], "aliases": e.get("aliases", []), "note": e.get("note")}
            )
    # Casualties stay in their checked form, sorted in output order, and are converted one at
    # a time by `take_public` while the index is written: a large data set never holds two
    # copies of its biggest file (README, Performance).
    out["casualty"] = ds.records.get("casualty", [])
    out["casualty"].sort(key=_casualty_order)
    for r in ds.records.get("event", []):
        s = _span(r, "date", "end")
        out["event"].append(
            {
                "id": r["id"],
                "date": s["first"],
                "end": s["last"],
                "precision": s["sp"],
                "end_precision": s["ep"],
                "when": dates.period(s["first"], s["sp"], s["last"], s["ep"]),
                "happening": r.get("happening"),
                "title": r["title"],
                "description": r.get("description"),
                "type": r["type"],
                "places": r.get("places", []),
                "actors": r.get("actors", []),
                "quote": r["quote"],
                "note": r.get("note"),
                "citations": _citation_objects(r, sources),
            }
        )
    violations: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in ds.records.get("violation", []):
        first, _, prec = dates.parse(r["date"])
        v = {
            "id": r["id"],
            "ceasefire": r["ceasefire"],
            "date": first,
            "precision": prec,
            "when": dates.human(first, prec),
            "claimant": r["claimant"],
            "accused": r.get("accused"),
            "description": r["description"],
            "quote": r["quote"],
            "note": r.get("note"),
            "citations": _citation_objects(r, sources),
        }
        out["violation"].append(v)
        violations[r["ceasefire"]].append(v)
    for r in ds.records.get("ceasefire", []):
        signed = dates.parse(r["signed"]) if r.get("signed") else None
        eff = dates.parse(r["effective"]) if r.get("effective") else None
        first, _, prec = signed or eff  # type: ignore[misc]
        out["ceasefire"].append(
            {
                "id": r["id"],
                "name": r["name"],
                "signed": signed[0] if signed else None,
                "precision": prec,
                "when": dates.human(first, prec),
                "effective": eff[0] if eff else None,
                "effective_time": r.get("effective_time"),
                "place": r.get("place"),
                "brokers": r["brokers"],
                "signatories": r["signatories"],
                "terms": r["terms"],
                "outcome": r["outcome"],
                "outcome_summary": r.get("outcome_summary"),
                "event": r.get("event"),
                "quote": r["quote"],
                "note": r.get("note"),
                "citations": _citation_objects(r, sources),
                "violations": sorted(
                    violations.get(r["id"], []), key=lambda v: (v["date"], v["id"])
                ),
            }
        )
    for r in ds.records.get("position", []):
        p_first = dates.parse(r["start"])[0] if r.get("start") else None
        p_last = dates.parse(r.get("end") or r["start"])[1] if r.get("start") else None
        sp = dates.parse(r["start"])[2] if r.get("start") else None
        ep = dates.parse(r.get("end") or r["start"])[2] if r.get("start") else None
        out["position"].append(
            {
                "id": r["id"],
                "actor": r["actor"],
                "kind": r["kind"],
                "stance": r["stance"],
                "start": p_first,
                "end": p_last,
                "when": dates.period(p_first, sp, p_last, ep)
                if p_first and p_last and sp and ep
                else "undated",
                "period": period_of(dates.parse(r["start"])[1] if r.get("start") else None),
                "summary": r["summary"],
                "figures": r.get("figures", []),
                "attributed_to": r.get("attributed_to"),
                "denied": r.get("denied"),
                "quote": r["quote"],
                "note": r.get("note"),
                "citations": _citation_objects(r, sources),
            }
        )
    ds.records = out
    ds.sources = {k: dict(v) for k, v in sources.items()}
