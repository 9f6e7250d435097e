"""Cross-record checks: unique ids, links, citations, dates, ranges, quotes, table totals.

Each check reports typed problems through `Flag` (README: `nkfacts validate` checks; the codes
are listed in docs/data-model.md). A record with an error is marked `_bad` and left out.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from nkfacts.core import dates, totals
from nkfacts.core.kinds import KINDS
from nkfacts.load import guards, quotes, spill
from nkfacts.load.schema import Report

Rec = dict[str, Any]
Records = list[Rec] | spill.Spilled  # a kind's records: spilled to disk past SPILL_AT
# flag(record, code, field, message, severity="error")
Flag = Callable[..., None]
# The cited record kinds, in the order their files are read (kinds.KINDS).
LINKED_KINDS = tuple(k.name for k in KINDS if k.is_record)


def flagger(report: Report) -> Flag:
    """A `flag` that reports against a record and marks it bad on errors."""

    def flag(rec: Rec, code: str, fld: str, msg: str, severity: str = "error") -> None:
        report(code, rec["_file"], rec["_line"], rec.get("id"), fld, msg, severity)
        if severity == "error":
            rec["_bad"] = True

    return flag


def unique_ids(cleaned: Mapping[str, Any], flag: Flag) -> None:
    """Ids are unique across every file. Only the ids whose hash occurs twice are remembered
    with where they were first seen: a million ids as dict keys would take ~150 MB."""
    kinds = ("source", *LINKED_KINDS)
    hashes = sorted(array("q", (hash(r["id"]) for k in kinds for r in cleaned.get(k, []))))
    twice = {a for a, b in itertools.pairwise(hashes) if a == b}
    del hashes
    if not twice:
        return
    seen: dict[str, tuple[str, int | None]] = {}
    for kind in kinds:
        for rec in cleaned.get(kind, []):
            rid = rec["id"]
            if hash(rid) not in twice:
                continue
            if rid in seen:
                f0, l0 = seen[rid]
                flag(rec, "duplicate-id", "id", f"id '{rid}' is used twice (first at {f0}:{l0})")
            else:
                seen[rid] = (rec["_file"], rec["_line"])


def names(entries: Iterable[Rec]) -> dict[str, str]:
    """name/alias (lower-case) -> canonical name."""
    table: dict[str, str] = {}
    for e in entries:
        table[e["name"].lower()] = e["name"]
        for a in e.get("aliases", []):
            table[a.lower()] = e["name"]
    return table


def unambiguous_aliases(cleaned: Mapping[str, list[Rec]], report: Report) -> None:
    """No actor or place name may name two entries."""
    for kind in ("actor", "place"):
        seen: dict[str, str] = {}
        for e in cleaned.get(kind, []):
            for n in (e["name"], *e.get("aliases", [])):
                if n.lower() in seen and seen[n.lower()] != e["name"]:
                    report(
                        "ambiguous-alias",
                        e["_file"],
                        e["_line"],
                        e["name"],
                        "aliases",
                        f"{kind} '{e['name']}': the name '{n}' already names '{seen[n.lower()]}'",
                    )
                seen[n.lower()] = e["name"]


def citations(rec: Rec, sources: Mapping[str, Rec], flag: Flag) -> None:
    """Every citation names a known source, and all of a record's name the same one."""
    srcs = {c["source"] for c in rec["citations"]}
    for sid in sorted(srcs - set(sources)):
        flag(
            rec,
            "citation",
            "citations",
            f"unknown source '{sid}'. Known: {', '.join(sources) or '(none)'}",
        )
    if len(srcs) > 1:
        flag(rec, "citation", "citations", "all citations of one record must name the same source")


def date_order(rec: Rec, flag: Flag) -> None:
    """start ≤ end, date ≤ end, signed ≤ effective."""
    for a, b in (("start", "end"), ("date", "end"), ("signed", "effective")):
        if rec.get(a) and rec.get(b):
            first = dates.parse(rec[a])[0]
            last = dates.parse(rec[b])[1]
            if first > last:
                flag(rec, "date-order", b, f"{b} {rec[b]} is before {a} {rec[a]}")


def figures(rec: Rec, flag: Flag) -> None:
    """low ≤ best ≤ high; not both 'at least' and 'up to'."""
    rec.setdefault("high", rec["low"])
    if rec["high"] < rec["low"]:
        flag(rec, "range", "high", f"low {rec['low']} is greater than high {rec['high']}")
    best = rec.get("best")
    if best is not None and not rec["low"] <= best <= rec["high"]:
        flag(rec, "range", "best", f"best {best} is outside low–high {rec['low']}–{rec['high']}")
    if rec.get("at_least") and rec.get("upper_bound"):
        flag(rec, "range", "at_least", "a figure cannot be both 'at least' and 'up to'")


def part_of(casualties: Records, flag: Flag) -> None:
    """A figure that is part of another (11 non-combat deaths of the 91) names a casualty
    record of the same party and measure whose figure can hold it. Only the parts and the
    figures they name are held, as small records and tuples."""
    parts = [
        (pos, {k: rec.get(k) for k in _PART_FIELDS})
        for pos, rec in spill.positioned(casualties)
        if rec.get("part_of") is not None
    ]
    if not parts:
        return
    named = {part["part_of"] for _, part in parts}
    # the last record of each id named, as a dict by id would hold it: (position, id, party,
    # measure, low, high)
    wholes = {
        rec["id"]: (pos, rec["id"], rec["party"], rec["measure"], rec["low"], rec.get("high"))
        for pos, rec in spill.positioned(casualties)
        if rec["id"] in named
    }
    for pos, rec in parts:
        whole = wholes.get(rec["part_of"] or "")
        if whole is None or whole[0] == pos:
            flag(rec, "link", "part_of", f"casualty '{rec['part_of']}' does not exist")
        elif (whole[2], whole[3]) != (rec["party"], rec["measure"]):
            flag(rec, "link", "part_of", f"'{whole[1]}' counts another party or measure")
        elif rec["low"] > (whole[4] if whole[5] is None else whole[5]):
            flag(rec, "range", "part_of", f"{rec['low']} cannot be part of {whole[4]}")
        if rec.get("_bad"):
            spill.mark_bad(casualties, pos)


_PART_FIELDS = ("id", "part_of", "party", "measure", "low", "_file", "_line")


def links(kind: str, rec: Rec, known: Mapping[str, set[str]], flag: Flag) -> None:
    """event / ceasefire links resolve."""
    if kind not in ("casualty", "ceasefire", "violation"):
        return
    for fld in ("event", "ceasefire"):
        if rec.get(fld) and rec[fld] not in known[fld]:
            flag(rec, "link", fld, f"{fld} '{rec[fld]}' does not exist")


def actor_names(kind: str, rec: Rec, actors: Mapping[str, str], flag: Flag) -> None:
    """Actor fields use canonical names from actors.yaml."""
    for fld in ("actors", "brokers", "signatories", "actor", "accused"):
        vals = rec.get(fld)
        if vals is None or (kind == "violation" and fld != "accused"):
            continue
        for v in [vals] if isinstance(vals, str) else vals:
            if v.lower() not in actors:
                flag(rec, "link", fld, f"unknown actor '{v}' (add it to actors.yaml)")
            elif actors[v.lower()] != v:
                flag(rec, "link", fld, f"actor '{v}' is an alias; use '{actors[v.lower()]}'")


def place_names(rec: Rec, places: Mapping[str, str], flag: Flag) -> None:
    """Places resolve to places.yaml."""
    for v in rec.get("places", []):
        if v.lower() not in places:
            flag(rec, "link", "places", f"unknown place '{v}' (add it to places.yaml)")


def read_snapshots(sources: Mapping[str, Rec], sources_dir: Path, report: Report) -> dict[str, str]:
    """The text of every source snapshot that can be read; a problem for each that cannot."""
    from nkfacts.load.snapshots import SnapshotError, read_snapshot

    texts: dict[str, str] = {}
    for sid, s in sources.items():
        name = s.get("file", f"{sid}.txt")
        path = sources_dir / name
        try:
            texts[sid] = read_snapshot(sources_dir, name)
            # the snapshot verified is the one pinned (its SHA-256 in sources.yaml)
            snapshot_hash(s, texts[sid].encode("utf-8"), path, report)
        except SnapshotError as exc:
            reason = exc
            report(
                "source-file",
                s["_file"],
                s["_line"],
                sid,
                "file",
                f"snapshot {path} cannot be read: {reason}",
            )
    return texts


def snapshot_hash(s: Rec, data: bytes, path: Path, report: Report) -> None:
    """The snapshot is the one the data was verified against: its SHA-256 as recorded in
    `sha256` (a mismatch is an error; a source with a `file` and no `sha256`, a warning)."""
    import hashlib

    actual = hashlib.sha256(data).hexdigest()
    where = (s["_file"], s["_line"], s["id"], "sha256")
    if not s.get("sha256"):
        if s.get("file"):
            report(
                "unpinned",
                *where,
                f"no sha256 recorded for {path.name}; add `sha256: {actual}` to pin the "
                "snapshot the citations name",
                "warning",
            )
        return
    if s["sha256"] != actual:
        report(
            "source-hash",
            *where,
            f"snapshot {path} is not the one recorded: sha256 {actual}, recorded "
            f"{s['sha256']} (the file changed since it was verified: re-check the quotes, "
            "then record the new hash)",
        )


def quote(
    kind: str, rec: Rec, texts: Mapping[str, str], sources: Mapping[str, Rec], flag: Flag
) -> None:
    """The quote is verbatim in its snapshot and (casualties) carries the figure."""
    sid = rec["citations"][0]["source"]
    if sid not in texts:
        return
    text = texts[sid]
    if sources[sid].get("kind") == "dataset":
        quotes.check_dataset_row(rec, text, sources[sid], flag)
        return
    q = rec["quote"]
    if q not in text:
        flag(
            rec,
            "quote",
            "quote",
            f"quote is not verbatim in {sources[sid].get('file', sid)}: {q!r}",
        )
        return
    if kind == "casualty" and not quotes.quote_has_figure(q, rec["low"], rec["high"]):
        flag(
            rec,
            "quote-figure",
            "quote",
            f"quote does not contain the figure {rec['low']}"
            + (f"–{rec['high']}" if rec["high"] != rec["low"] else ""),
        )
    quotes.check_passage_refs(rec, text, flag)


def table_totals(recs: Records, flag: Flag) -> None:
    """Warn where a 'Both sides' total differs from the sum of the two sides' figures: what
    `core.totals.total_mismatches` finds in a list of rows, in two passes that hold only
    each group's distinct Armenian and Azerbaijani figures."""
    groups: dict[tuple[Any, ...], int] = {}  # in order of first appearance
    sides: dict[tuple[int, str], dict[tuple[int, int], Rec]] = {}
    for r in recs:
        g = groups.setdefault(totals.group(r), len(groups))
        if r["party"] in ("Armenia", "Azerbaijan") and not r.get("at_least"):
            sides.setdefault((g, r["party"]), {})[totals.low_high(r)] = _slim(r)
    sums = {}
    for (g, party), arm in sides.items():
        aze = sides.get((g, "Azerbaijan")) if party == "Armenia" else None
        if aze:
            sums[g] = {
                (a[0] + z[0], a[1] + z[1]): (ra, rz)
                for a, ra in arm.items()
                for z, rz in aze.items()
            }
    if not sums:
        return
    found = []
    for n, r in enumerate(recs):
        g = groups[totals.group(r)] if r["party"] == "Both sides" else -1
        if g in sums and totals.low_high(r) not in sums[g]:
            found.append((g, n, _slim(r)))
    for g, _, t in sorted(found, key=lambda f: (f[0], f[1])):
        (lo, hi), (a, z) = next(iter(sums[g].items()))
        parts = f"{a['low']}" + (f"–{a['high']}" if a.get("high", a["low"]) != a["low"] else "")
        parts += f" + {z['low']}" + (f"–{z['high']}" if z.get("high", z["low"]) != z["low"] else "")
        flag(
            t,
            "table-total",
            "low",
            f"total {t['low']} differs from the sum of its parts ({parts} = {lo}"
            + (f"–{hi}" if hi != lo else "")
            + f"; see {a['id']}, {z['id']})",
            "warning",
        )


def _slim(r: Rec) -> Rec:
    """What a message and a report need of a record."""
    return {k: r[k] for k in ("id", "low", "high", "_file", "_line") if k in r}


def cross_check(cleaned: Mapping[str, list[Rec]], report: Report, sources_dir: Path | None) -> None:
    """Every cross-record check; marks bad records `_bad`."""
    flag = flagger(report)
    unique_ids(cleaned, flag)
    unambiguous_aliases(cleaned, report)
    sources = {s["id"]: s for s in cleaned.get("source", [])}
    actors = names(cleaned["actor"]) if cleaned.get("actor") else None
    places = names(cleaned["place"]) if cleaned.get("place") else None
    known = {
        "event": {e["id"] for e in cleaned.get("event", [])},
        "ceasefire": {c["id"] for c in cleaned.get("ceasefire", [])},
    }
    texts = read_snapshots(sources, sources_dir, report) if sources_dir is not None else {}
    for kind in LINKED_KINDS:
        for rec in cleaned.get(kind, []):
            citations(rec, sources, flag)
            date_order(rec, flag)
            if kind == "ceasefire" and not (rec.get("signed") or rec.get("effective")):
                flag(
                    rec, "required", "signed", "a ceasefire needs 'signed' or 'effective' (or both)"
                )
            if kind == "casualty":
                figures(rec, flag)
            links(kind, rec, known, flag)
            if actors is not None:
                actor_names(kind, rec, actors, flag)
            if places is not None:
                place_names(rec, places, flag)
            quote(kind, rec, texts, sources, flag)
    part_of(cleaned.get("casualty", []), flag)
    table_totals(cleaned.get("casualty", []), flag)
    for p in guards.guard(cleaned, texts, sources):  # curation guards: warnings only
        flag(p.rec, p.code, p.field, p.message, "warning")
