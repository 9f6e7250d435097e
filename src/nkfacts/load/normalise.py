"""Checked records in their public JSON shape (README: JSON contract)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any, cast

from nkfacts.core import dates
from nkfacts.core.contract import Ceasefire, Citation, Position, Violation, stored
from nkfacts.core.kinds import RECORDS
from nkfacts.core.periods import period_of
from nkfacts.load.schema import SOURCE_FIELDS

Record = dict[str, Any]
# The kinds built by hand below; every other record kind is built by `derived`.
OWN_BUILDERS = ("casualty", "ceasefire", "position")


def _citation_objects(
    rec: Mapping[str, Any], sources: Mapping[str, Mapping[str, Any]]
) -> list[Citation]:
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


def claim_key(c: Mapping[str, Any]) -> tuple[Any, ...]:
    """What makes two casualty records the same claim: party, category, measure, period,
    figure (with its qualifiers) and claimant."""
    return (
        c["party"],
        c["category"],
        c["measure"],
        c["start"],
        c["end"],
        c["low"],
        c["high"],
        c.get("best"),
        c["at_least"],
        c["approx"],
        c["upper_bound"],
        c["claimant"],
        c.get("as_of"),
    )


def public_casualty(
    r: Mapping[str, Any], sources: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    """A checked casualty record in its public JSON shape (README: JSON contract)."""
    from nkfacts.core.figures import figure

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
        "part_of": r.get("part_of"),
        "place": r.get("place"),
        "quote": r["quote"],
        "note": r.get("note"),
        "citations": _citation_objects(r, sources),
    }
    out["figure"] = figure(out)
    return out


def derived(view: str, r: Mapping[str, Any], sources: Mapping[str, Mapping[str, Any]]) -> Record:
    """A checked record in its contract's shape (core.contract), field by field in the
    contract's order: `date` (and `end`) as ISO days with their `precision` (`end_precision`)
    and `when` as the source gives it, `citations` with each source's title and URL, a list
    field empty when absent, any other field as checked (None when absent). Events and
    violations are built so; so is any kind the registry derives (`kinds.Kind.filters`)."""
    shape: dict[str, Any] = stored(view).__annotations__
    lists = {f for f, t in shape.items() if getattr(t, "__origin__", None) is list}
    s = _span(r, "date", "end")
    if "end" in shape:
        when = dates.period(s["first"], s["sp"], s["last"], s["ep"])
    else:
        when = dates.human(s["first"], s["sp"])
    made = {"date": s["first"], "end": s["last"], "precision": s["sp"], "end_precision": s["ep"]}
    made |= {"when": when, "citations": _citation_objects(r, sources)}
    return {f: made[f] if f in made else r.get(f, [] if f in lists else None) for f in shape}


def _ceasefire(
    r: Mapping[str, Any],
    sources: Mapping[str, Mapping[str, Any]],
    violations: list[Violation],
) -> Ceasefire:
    signed = dates.parse(r["signed"]) if r.get("signed") else None
    eff = dates.parse(r["effective"]) if r.get("effective") else None
    first, _, prec = signed or eff  # type: ignore[misc]
    return {
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
        "violations": sorted(violations, key=lambda v: (v["date"], v["id"])),
    }


def _position(r: Mapping[str, Any], sources: Mapping[str, Mapping[str, Any]]) -> Position:
    first = last = sp = ep = None
    if r.get("start"):
        first, _, sp = dates.parse(r["start"])
        _, last, ep = dates.parse(r.get("end") or r["start"])
    return {
        "id": r["id"],
        "actor": r["actor"],
        "kind": r["kind"],
        "stance": r["stance"],
        "start": first,
        "end": last,
        "when": dates.period(first, sp, last, ep) if first and last and sp and ep else "undated",
        "period": period_of(dates.parse(r["start"])[1] if r.get("start") else None),
        "summary": r["summary"],
        "figures": r.get("figures", []),
        "attributed_to": r.get("attributed_to"),
        "denied": r.get("denied"),
        "quote": r["quote"],
        "note": r.get("note"),
        "citations": _citation_objects(r, sources),
    }


def normalise(
    records: Mapping[str, list[dict[str, Any]]], sources: Mapping[str, Mapping[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """Checked records by kind -> public records by kind (casualties stay checked, sorted)."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in records.get("source", []):
        out["source"].append(
            {k: s.get(k) for k in SOURCE_FIELDS} | {"kind": s.get("kind") or "article"}
        )
    for kind in ("actor", "place"):
        for e in records.get(kind, []):
            out[kind].append(
                {"name": e["name"], "aliases": e.get("aliases", []), "note": e.get("note")}
            )
    # Casualties stay in their checked form, sorted in output order, and are converted one at
    # a time by `Dataset.take_public` while the index is written: a large data set never holds
    # two copies of its biggest file (docs/development.md, Performance).
    out["casualty"] = records.get("casualty", [])
    out["casualty"].sort(key=_casualty_order)
    for k in RECORDS:  # events, violations and the derived kinds, field by field
        if k.name not in OWN_BUILDERS and k.view is not None:
            out[k.name] = [derived(k.view, r, sources) for r in records.get(k.name, [])]
    violations: dict[str, list[Violation]] = defaultdict(list)
    for v in out["violation"]:
        if v["ceasefire"]:
            violations[v["ceasefire"]].append(cast("Violation", v))
    out["ceasefire"] = _plain(
        [_ceasefire(r, sources, violations.get(r["id"], [])) for r in records.get("ceasefire", [])]
    )
    out["position"] = _plain([_position(r, sources) for r in records.get("position", [])])
    return out


def _plain(records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The builders above return the contract's TypedDicts (mypy checks each builds exactly
    its fields); the index and the renderers take them as plain dicts."""
    return cast("list[dict[str, Any]]", records)
