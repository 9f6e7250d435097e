"""`nkfacts show` for people: one record in one glance. Dates as the source gives them, each
source's URL once, each distinct claim once with the number of records stating it, wrapped
lines that keep their indent, and at most `LIMIT` lines unless everything is asked for."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from nkfacts.core.claims import claim_sentence
from nkfacts.output.textcells import wrap

Record = Mapping[str, Any]
LIMIT = 40  # lines at 80 columns, for any record (`--full` shows everything)
FIELD_LINES = 4  # a long field (terms, note) shows its first lines
# Machine forms of dates that `when`/`period` already say as the source wrote them.
ISO_DATES = ("date", "end", "start", "signed", "effective")
FIRST = ("title", "name", "figure", "summary", "when", "period")
SKIP = ("id", "citations", "violations", "claim", "happening", "ids")
# A casualty's figure already says its bounds; party, category and measure read as one line.
FIGURE_PARTS = ("low", "high", "best", "at_least", "approx", "upper_bound")
WHO = ("party", "category", "measure")
LISTS = (
    ("same_claim", "the same claim, also stated in"),
    ("same_happening", "the same happening, also recorded as"),
    ("competing", "competing figures (same party, category, measure, overlapping period)"),
    ("casualties", "casualty figures linked to this event"),
    ("ceasefires", "ceasefires linked to this event"),
)


def _field(key: str, value: Any) -> str | None:
    if value in (None, [], "", False) or key.endswith("precision") or key in SKIP:
        return None
    if key == "quote":
        return f'"{value}"'
    if isinstance(value, bool):
        return "true"
    if isinstance(value, list):
        return "; ".join(v if isinstance(v, str) else _figure(v) for v in value)
    return str(value)


def _figure(v: Any) -> str:
    if isinstance(v, Mapping) and "value" in v:
        return f"{v['value']}{v.get('unit', '')} {v.get('label', '')}".strip()
    return json.dumps(v, ensure_ascii=False)


def _fields(rec: Record) -> list[tuple[str, str]]:
    spoken = bool(rec.get("when") or rec.get("period"))
    casualty = "figure" in rec
    keys = [k for k in FIRST if k in rec] + [k for k in rec if k not in FIRST]
    out = []
    if casualty:
        keys = [k for k in keys if k not in (*FIGURE_PARTS, *WHO)]
        out.append(("who", " · ".join(str(rec[k]) for k in WHO)))
    for key in keys:
        if spoken and key in ISO_DATES:
            continue
        text = _field(key, rec[key])
        if text is not None:
            out.append((key, text))
    return out


def _sources(rec: Record, numbers: Mapping[str, int]) -> list[tuple[str, str]]:
    """One line per source: its [n] (as in every table's footer), its labels in order, then its
    URL once."""
    by_source: dict[str, list[str]] = {}
    first: dict[str, Mapping[str, Any]] = {}
    for c in rec.get("citations", []):
        first.setdefault(c["source"], c)
        if c["ref"]:
            label = f"[{c['ref']}]"
        elif c.get("passage_ref"):
            label = f"(no label; passage [{c['passage_ref']}])"
        else:
            label = "(no label)"
        if label not in by_source.setdefault(c["source"], []):
            by_source[c["source"]].append(label)
    out = []
    for sid, labels in by_source.items():
        c = first[sid]
        by = "Wikipedia" if "wikipedia.org" in (c.get("url") or "") else sid
        n = f"[{numbers[sid]}] " if sid in numbers else ""
        text = f"{n}{c.get('title', sid)} ({by}) {' '.join(labels)} — {c.get('url')}"
        out.append(("source", text))
    return out


def _summary(kind: str, r: Record) -> str:
    if kind == "casualty":  # the party as recorded, as on the record's own "who" line
        return claim_sentence(r, "show", people=False)
    title = r.get("title") or r.get("name") or r.get("summary") or r.get("description")
    when = r.get("when") or r.get("period") or ""
    return f"{when} {title}".strip()


def _claims(kind: str, rows: Sequence[Record]) -> list[tuple[str, list[str]]]:
    """Each distinct line once, with the ids of the records behind it."""
    seen: dict[str, list[str]] = {}
    for r in rows:
        seen.setdefault(_summary(kind, r), []).append(r["id"])
    return list(seen.items())


def _item(text: str, ids: list[str]) -> str:
    if len(ids) == 1:
        return f"{text} ({ids[0]})"
    return f"{text} ({len(ids)} records: {ids[0]}, …)"


def _wrapped(width: int, first: str, text: str, indent: str) -> list[str]:
    room = max(20, width - len(indent))
    parts = wrap(text, max(20, width - len(first)), breakable=True) or [""]
    rest = " ".join(parts[1:])
    more = wrap(rest, room, breakable=True) if rest else []
    return [first + parts[0], *(indent + p for p in more)]


def detail_text(
    full: Mapping[str, Any],
    *,
    width: int = 80,
    markdown: bool = False,
    everything: bool = False,
    numbers: Mapping[str, int] | None = None,
) -> str:
    """The record, its links and what competes with it, as lines for people; `numbers`: each
    source's [n], as in the tables' footers."""
    rec, kind = full["record"], full["kind"]
    head = f"{kind} {rec['id']}"
    top = [f"## {head}" if markdown else head]
    cut = False
    for key, text in [*_fields(rec), *_sources(rec, numbers or {})]:
        lines = _wrapped(width, f"  {key}: ", text, "      ")
        if not everything and key != "source" and len(lines) > FIELD_LINES:
            last = lines[FIELD_LINES - 1]
            lines = [*lines[: FIELD_LINES - 1], last[: width - 2].rstrip() + " …"]
            cut = True
        top += lines
    if rec.get("violations"):
        command = f"nkfacts ceasefires --violations --ceasefire {rec['id']}"
        top += _wrapped(width, "  violations: ", f"{len(rec['violations'])} ({command})", "      ")
    for key, label in (("event", "linked event"), ("ceasefire", "ceasefire")):
        if full.get(key):
            linked = full[key]
            top += _wrapped(
                width, f"{label}: ", _item(_summary("event", linked), [linked["id"]]), "    "
            )
    groups = []
    for key, label in LISTS:
        if full.get(key):
            sub = {"ceasefires": "ceasefire", "same_happening": "event"}.get(key, "casualty")
            groups.append((label, _claims(sub, full[key]), len(full[key])))
    lines = _fit(top, groups, width, everything, rec["id"], cut)
    if markdown:  # no value opens a link or HTML
        from nkfacts.core.escape import markdown_text

        lines = [lines[0], *(markdown_text(line) for line in lines[1:])]
    return "\n".join(lines) + "\n"


def _fit(
    top: list[str],
    groups: list[tuple[str, list[tuple[str, list[str]]], int]],
    width: int,
    everything: bool,
    rid: str,
    cut: bool,
) -> list[str]:
    """The record's lines, then each list; lists shortened until the whole fits LIMIT."""
    cap = max((len(items) for _, items, _ in groups), default=0)
    while True:
        lines = list(top)
        for label, items, records in groups:
            counted = f" ({records} records, {len(items)} distinct)" if records > len(items) else ""
            lines.append(f"{label}{counted}:")
            for text, ids in items[:cap]:
                lines += _wrapped(width, "  - ", _item(text, ids), "    ")
            if len(items) > cap:
                cut = True
                lines.append(f"  … {len(items) - cap} more")
        if everything or len(lines) < LIMIT or cap <= 1:  # room for the --full line
            break
        cap -= 1
    if cut:
        lines += _wrapped(width, "All of them: ", f"nkfacts show {rid} --full", "    ")
    return lines
