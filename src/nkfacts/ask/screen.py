"""An answer laid out for a person at a terminal: how the question was read, the equivalent
command, then the answer, all within one screen (the last line says what did not fit)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from nkfacts.ask.route import Answer
from nkfacts.core.people import voice
from nkfacts.output.table import Legend
from nkfacts.output.textcells import cell_len, wrap

Record = Mapping[str, Any]  # a record read (the contract's TypedDicts)
SCREEN = 23  # lines: an 80×24 terminal keeps its prompt line
MAX_DATASETS = 3  # dataset rows kept room for beside the claims
INDENT = "    "


class Screen:
    """Lines that fit the width; a body that stops before the screen is full."""

    def __init__(self, width: int, arrow: str, numbers: Mapping[str, int] | None = None) -> None:
        self.width = max(40, width)
        self.lines: list[str] = []
        self.legend = Legend(arrow, numbers)
        self.last_actor = ""  # supporters: an actor's second record goes under its first

    def add(self, text: str, indent: str = "", first: str = "") -> None:
        """`text` wrapped to the width: `first` before its first line, `indent` before the rest."""
        room = self.width - max(cell_len(first), cell_len(indent))
        parts = wrap(text, room, breakable=True) or [""]
        self.lines.append(first + parts[0])
        self.lines.extend(indent + p for p in parts[1:])

    def block(self, lines: list[str]) -> bool:
        """Add a record's lines if they fit the screen (room kept for the closing lines)."""
        if len(self.lines) + len(lines) > SCREEN - 3:
            return False
        self.lines.extend(lines)
        return True


def _reading(a: Answer) -> str:
    r = a.reading
    what = {
        "count": "how many",
        "event": "what happened",
        "ceasefire": "ceasefire",
        "position": "position",
        "supporters": "who supports",
        "search": "search",
    }[r.intent]
    parts = [what, r.claimant, r.party, r.category, r.measure, r.period.label if r.period else None]
    parts += [*r.actors, *r.places]
    return " · ".join(dict.fromkeys(p for p in parts if p))


def _wrapped(width: int, text: str, first: str, indent: str = INDENT) -> list[str]:
    room = width - max(cell_len(first), cell_len(indent))
    parts = wrap(text, room, breakable=True) or [""]
    return [first + parts[0], *(indent + p for p in parts[1:])]


def _claim(s: Screen, c: Record, shared: set[str]) -> list[str]:
    who = " · ".join(c[k] for k in ("party", "category", "measure") if k not in shared)
    head = f"{c['figure']:>8}  " + (f"{who}, " if who else "")
    when = "" if "period" in shared else f"{c['period']}, "
    as_of = f", as of {c['as_of']}" if c.get("as_of") else ""
    text = f"{when}per {voice(c['claimant'])}{as_of}  {s.legend.marker(c)}"
    return [*_wrapped(s.width, text, head, " " * 10), " " * 10 + c["id"]]


def _dataset(s: Screen, c: Record) -> list[str]:
    version = c["citations"][0]["source"]
    text = f"{version}, {c['period']}: {c['figure']} {c['category']}  {s.legend.marker(c)}"
    return [*_wrapped(s.width, text, "  "), INDENT + c["id"]]


def _event(s: Screen, e: Record) -> list[str]:
    text = f"{e['title']}  {s.legend.marker(e)}"
    return [*_wrapped(s.width, text, f"  {e['when']}: "), INDENT + e["id"]]


def _ceasefire_line(s: Screen, c: Record) -> list[str]:
    """A ceasefire in a list of several: name, date, who signed and brokered, the id."""
    parties = [
        f"{label} {', '.join(c[key])}"
        for label, key in (("signed by", "signatories"), ("brokered by", "brokers"))
        if c.get(key)
    ]
    text = f"{c['name']} — {c['when']}" + (f" ({'; '.join(parties)})" if parties else "")
    return [*_wrapped(s.width, text, "  "), f"{INDENT}{s.legend.marker(c)}  {c['id']}"]


def _ceasefire(s: Screen, c: Record) -> list[str]:
    out = _wrapped(s.width, f"{c['name']} — {c['when']}", "  ")
    for label, key in (("signed by", "signatories"), ("brokered by", "brokers")):
        if c.get(key):
            out += _wrapped(s.width, ", ".join(c[key]), f"{INDENT}{label}: ")
    if c.get("terms"):
        terms = "; ".join(c["terms"]) if isinstance(c["terms"], list) else str(c["terms"])
        out += _wrapped(s.width, _short(terms, 2 * s.width), f"{INDENT}terms: ")
    if c.get("outcome"):
        outcome = _short(str(c.get("outcome_summary") or c["outcome"]), 2 * s.width - 20)
        out += _wrapped(s.width, outcome, f"{INDENT}outcome: ")
    return [*out, f"{INDENT}{s.legend.marker(c)}  {c['id']}"]


def _position(s: Screen, p: Record) -> list[str]:
    reader = f"reading by {p['attributed_to']}: " if p.get("attributed_to") else ""
    when = p.get("when") or "undated"
    text = f"{reader}{p['stance']}: {p['summary']}"
    lines = _wrapped(s.width, text, f"  {when} · ")
    if len(lines) > 1:
        lines = [lines[0][: s.width - 2].rstrip() + " …"]
    return [*lines, f"{INDENT}{s.legend.marker(p)}  {p['id']}"]


def _violation(s: Screen, v: Record) -> list[str]:
    accused = f" (accused: {v['accused']})" if v.get("accused") else ""
    text = f"per {v['claimant']}{accused}: {v['description']}  {s.legend.marker(v)}"
    return [*_wrapped(s.width, _short(text, 2 * s.width), f"  {v['when']}: "), INDENT + v["id"]]


def _any_claim(s: Screen, c: Record) -> list[str]:
    return _claim(s, c, set())


def _supporter(s: Screen, p: Record) -> list[str]:
    """A line per actor: its strongest evidence (kind) and the record to `show`; the actor's
    next record on a line of its own under it."""
    reader = f"reading by {p['attributed_to']}: " if p.get("attributed_to") else ""
    rest = f"{reader}{p['kind']:<16} {p['id']}"
    actor = "" if p["actor"] == s.last_actor else p["actor"]
    s.last_actor = p["actor"]
    if cell_len(actor) <= 16 and 19 + cell_len(rest) <= s.width:
        return [f"  {actor:<16} {rest}"]
    head = [f"  {actor}"] if actor else []  # an actor's second record: no line of its own
    return [*head, *_wrapped(s.width, rest, " " * 19, " " * 19)]


def _hit(s: Screen, h: Record) -> list[str]:
    text = f"{h['snippet']}"
    return [*_wrapped(s.width, text, f"  {h['kind']} {h.get('when') or ''}: "), INDENT + h["id"]]


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _shared(rows: Sequence[Record], a: Answer) -> set[str]:
    keys = {k for k in ("party", "category", "measure") if len({r[k] for r in rows}) == 1}
    periods = {r["period"] for r in rows}
    return keys | ({"period"} if len(periods) == 1 else set())


def screen(
    a: Answer, width: int = 80, arrow: str = "→", numbers: Mapping[str, int] | None = None
) -> str:
    """The answer as it fits one terminal screen."""
    s = Screen(width, arrow, numbers)
    s.add(_reading(a), INDENT, "Read as: ")
    s.add(a.command_line, INDENT, "Same as: ")
    if a.note:
        s.add(a.note, INDENT, "Note: ")
    shown = _body(s, a)
    _closing(s, a, shown)
    return "\n".join(line.rstrip() for line in s.lines) + "\n"


RENDER: dict[str, Callable[[Screen, Record], list[str]]] = {
    "violations": _violation,
    "events": _event,
    "ceasefires": _ceasefire,
    "positions": _position,
    "supporters": _supporter,
    "search": _hit,
}
# Answers that mix kinds (search-led "what happened", ceasefires with their breaches).
BY_KIND: dict[str, Callable[[Screen, Record], list[str]]] = {
    "event": _event,
    "ceasefire": _ceasefire,
    "position": _position,
    "violation": _violation,
    "casualty": _any_claim,
}


def _body(s: Screen, a: Answer) -> int:
    """The records that fit; returns how many were shown."""
    s.lines.append("")
    for rec in a.about:
        s.block(_ceasefire(s, rec) if "signatories" in rec else _hit(s, rec))
    if a.view == "casualties":
        return _casualties(s, a)
    shown = 0
    for rec, kind in zip(a.records, a.kinds, strict=True):
        draw = RENDER.get(a.view) or BY_KIND.get(kind, _hit)
        if a.view == "ceasefires" and len(a.records) > 1:  # several: one or two lines each
            draw = _ceasefire_line
        if not s.block(draw(s, rec)):
            break
        shown += 1
    return shown


def _casualties(s: Screen, a: Answer) -> int:
    """Each claim once (identical records merged, all citations kept), then the datasets."""
    from nkfacts.output.merge import merge_claims

    claims = merge_claims(a.records)
    size: dict[str, int] = {}  # records behind each merged claim
    for r in a.records:
        key = r.get("claim") or r["id"]
        size[key] = size.get(key, 0) + 1
    shared = _shared(claims, a) if claims else set()
    common = [claims[0][k] for k in ("party", "category", "measure") if k in shared]
    if claims and common:
        period = f", {claims[0]['period']}" if "period" in shared else ""
        s.lines.append(" · ".join(common) + period + ":")
    shown = 0
    room = 1 + 2 * min(len(a.datasets), MAX_DATASETS) if a.datasets else 0
    for c in claims:
        lines = _claim(s, c, shared)
        if len(s.lines) + len(lines) + room > SCREEN - 3:
            break
        s.lines.extend(lines)
        shown += size.get(c.get("claim") or c["id"], 1)
    if a.datasets:
        s.block(["Datasets (their own definitions; `nkfacts sources`):"])
        for d in a.datasets[:MAX_DATASETS]:
            if not s.block(_dataset(s, d)):
                break
    return shown


def _closing(s: Screen, a: Answer, shown: int) -> None:
    if a.disputes:
        s.add(f"The sources disagree here: {a.disputes} row(s) in `nkfacts disputes`.", INDENT, "")
    if s.legend.numbers:
        s.add(" ".join(f"[{n}] {sid}" for sid, n in s.legend.used()), INDENT, "Sources: ")
    more = len(a.records) - shown
    if more > 0:
        s.add(f"{more} more: {a.command_line}", INDENT, "")
