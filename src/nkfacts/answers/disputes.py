"""`nkfacts disputes`: where the figures disagree, computed from the data (never hand-listed).

Figures are compared when they are about the same party, category and measure over
(mostly) the same period (`comparable`). Among such figures, a pair whose low–high differs is
a disagreement ('at least 541' and '541' are not; 'up to 230,000' and '300,000–500,000' are):
- competing: different claimants give different figures;
- revision: one claimant's different figures, at least one of them dated (as_of), in date order;
- inconsistent: one claimant (the article's own voice included) gives different figures with
  nothing dating them apart, within one article or across articles;
- table-total: a 'Both sides' total differs from the sum of the two sides' figures from the
  same source, period and claimant;
- date: records of one happening (events sharing `happening`) give different dates at the
  same precision.
Not compared: a whole-year figure with one for part of that year, a figure of exactly 1
(a named person, not a toll), and dataset rows of different conflicts or wars (UCDP's 376 and
388 in 1991 count different fighting). A dataset figure has its own category
(`battle-related`, `combatant`), so it never competes with an article's soldiers or civilians. Identical claims (same figure and claimant from several
sentences) count once, so the work grows with the number of distinct claims.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from nkfacts.core import dates
from nkfacts.core.claims import claim_sentence
from nkfacts.core.people import PEOPLE, who
from nkfacts.core.totals import total_mismatches

Record = dict[str, Any]  # what disputes builds
Rec = Mapping[str, Any]  # the records it reads (the contract's TypedDicts)


def comparable(a: Rec, b: Rec) -> bool:
    """Periods sharing at least half their days, unless a whole-year figure would be compared
    with one for a part of that year (they count different things)."""
    if dates.overlap(a["start"], a["end"], b["start"], b["end"]) < 0.5:
        return False
    coarse = {a["start_precision"], b["start_precision"]}
    return not ("year" in coarse and len(coarse) > 1)


def _claims(rows: Sequence[Rec]) -> list[list[Rec]]:
    """Records grouped into distinct claims (first record leads)."""
    groups: dict[str, list[Rec]] = {}
    for r in rows:
        if r["low"] == r["high"] == 1 or r.get("part_of"):
            continue  # one named person, or a part of another figure: not a competing toll
        groups.setdefault(r.get("claim") or r["id"], []).append(r)
    return list(groups.values())


def _clusters(claims: list[list[Rec]]) -> list[list[list[Rec]]]:
    """Maximal groups of comparable claims per party, category and measure (and dataset
    series). Comparability depends only on the periods, so it is decided once per pair of
    distinct periods: the work grows with the claims and the distinct periods, not with the
    square of the claims."""
    by_subject: dict[tuple[str, ...], dict[tuple[str, str, str], list[list[Rec]]]] = {}
    for c in claims:
        r = c[0]
        subject = (r["party"], r["category"], r["measure"], series(r))
        period = (r["start"], r["end"], r["start_precision"])
        by_subject.setdefault(subject, {}).setdefault(period, []).append(c)
    out: list[list[list[Rec]]] = []
    for periods in by_subject.values():
        keys = sorted(periods)
        groups = _period_groups(keys) if len(keys) > 1 else [frozenset(keys)]
        for g in groups:
            members = [c for k in sorted(g) for c in periods[k]]
            if len(members) > 1 and not any(g < h for h in groups):
                out.append(members)
    return out


def _period_groups(keys: list[tuple[str, str, str]]) -> list[frozenset[tuple[str, str, str]]]:
    """For each period (sorted), the set of periods comparable with it, each set once.

    Only periods starting between `first - length` and `last` can share half the days either
    covers (shared ≤ length, union ≥ last − start + 1), found by bisection."""
    day = dates.day_number
    days = [(day(k[0]), day(k[1]), k[2] == "year") for k in keys]
    starts = [d[0] for d in days]
    groups: dict[frozenset[tuple[str, str, str]], None] = {}
    for a in days:
        lo = bisect.bisect_left(starts, 2 * a[0] - a[1] - 1)
        hi = bisect.bisect_right(starts, a[1])
        near = range(lo, hi)
        groups.setdefault(frozenset(keys[i] for i in near if _days_comparable(a, days[i])))
    return list(groups)


def _days_comparable(a: tuple[int, int, bool], b: tuple[int, int, bool]) -> bool:
    """`comparable` of two periods as (first day, last day, whole year): sharing at least
    half the days either covers (`dates.overlap` ≥ 0.5, in integers), and not a whole year
    against a part of one."""
    shared = min(a[1], b[1]) - max(a[0], b[0]) + 1
    return 2 * shared >= max(a[1], b[1]) - min(a[0], b[0]) + 1 and a[2] == b[2]


def series(r: Rec) -> str:
    """A dataset row's conflict or war ('388' of ref '388/2016'): rows of different conflicts
    count different things and are never compared. Article records have none."""
    ref = r["citations"][0].get("ref") or ""
    return ref.split("/", 1)[0] if "/" in ref else ""


def claim_object(recs: list[Rec]) -> Record:
    """One claim as `disputes` reports it: figure, claimant, date, citations, ids."""
    r = recs[0]
    cites: list[Record] = []
    for rec in recs:
        cites.extend(c for c in rec["citations"] if c not in cites)
    return {
        "figure": r["figure"],
        "low": r["low"],
        "high": r["high"],
        "claimant": r["claimant"],
        "as_of": r.get("as_of"),
        "period": r["period"],
        "citations": cites,
        "id": r["id"],
        "ids": [x["id"] for x in recs],
    }


def _dispute(kind: str, subject: str, first: Rec, claims: list[list[Rec]]) -> Record:
    objs = [claim_object(c) for c in claims]
    return {
        "kind": kind,
        "subject": subject,
        "party": first["party"],
        "start": first["start"],
        "claims": objs,
        "ids": ", ".join(i for o in objs for i in o["ids"]),
    }


def _whose(cluster: list[list[Rec]]) -> str:
    """The party, or its people ('Armenians') where every claim's quote names them as such
    (core.people: displaced Armenians are not Armenia's own population)."""
    party = str(cluster[0][0]["party"])
    people = PEOPLE.get(party)
    if people and all(who(c[0]).startswith(people) for c in cluster):
        return people
    return party


def _differ(claims: list[list[Rec]]) -> bool:
    return len({(c[0]["low"], c[0]["high"]) for c in claims}) > 1


def _figure_disputes(cluster: list[list[Rec]]) -> list[Record]:
    first = cluster[0][0]
    whose = _whose(cluster)
    subject = claim_sentence(first, "label", subject=whose, attributed=False)
    out = []
    by_claimant: dict[str, list[list[Rec]]] = defaultdict(list)
    for c in cluster:
        by_claimant[c[0]["claimant"]].append(c)
    for claimant, own in by_claimant.items():
        if not _differ(own):
            continue
        dated = any(c[0].get("as_of") for c in own)
        kind = "revision" if dated else "inconsistent"
        own = sorted(own, key=lambda c: (c[0].get("as_of") or "9999", c[0]["low"]))
        said = claim_sentence({**first, "claimant": claimant}, "label", subject=whose)
        out.append(_dispute(kind, said, first, own))
    if len(by_claimant) > 1 and _differ(cluster):
        ordered = sorted(cluster, key=lambda c: (c[0]["low"], c[0]["high"], c[0]["claimant"]))
        out.append(_dispute("competing", subject, first, ordered))
    return out


def find(
    rows: Sequence[Rec], events: Sequence[Rec] = (), party: Sequence[str] = ()
) -> list[Record]:
    """Disputes among the given casualty records (and event dates), in period order."""
    return _assemble(_clusters(_claims(rows)), total_mismatches(rows), events, party)


def _assemble(
    clusters: list[list[list[Rec]]],
    mismatches: Sequence[tuple[Rec, Rec, Rec, int, int]],
    events: Sequence[Rec],
    party: Sequence[str],
) -> list[Record]:
    out: list[Record] = []
    for cluster in clusters:
        out.extend(_figure_disputes(cluster))
    out.extend(_totals(mismatches))
    out.extend(date_disputes(events))
    if party:
        out = [d for d in out if d["party"] in party]
    out.sort(key=lambda d: (d["start"], d["kind"], d["subject"]))
    return out


# What `find_in` reads of every casualty (columns of the index, not its JSON).
COMPARED = (
    *("id", "claim", "party", "category", "measure", "start", "end", "start_precision"),
    *("low", "high", "part_of", "claimant", "as_of", "at_least", "source", "ref"),
)


def find_in(
    con: Any, sql: str, args: list[Any], events: Sequence[Rec], party: Sequence[str]
) -> list[Record]:
    """`find` over the casualties `sql` selects (`SELECT json FROM casualties …`), the same
    disputes, reading every record's compared columns and only the records of a disagreement
    whole (the JSON of the others is never parsed)."""
    cols = ", ".join(f'"{c}"' for c in COMPARED)
    lean: list[Rec] = []
    for row in con.execute(sql.replace("SELECT json ", f"SELECT {cols} ", 1), args):
        r = dict(zip(COMPARED, row, strict=True))
        r["citations"] = [{"source": r.pop("source"), "ref": r.pop("ref")}]
        lean.append(r)
    clusters = [c for c in _clusters(_claims(lean)) if _disputed(c)]
    mismatches = total_mismatches(lean)
    ids = {r["id"] for cluster in clusters for c in cluster for r in c}
    ids.update(r["id"] for m in mismatches for r in m[:3])
    whole: dict[str, Rec]
    if 4 * len(ids) > len(lean):  # most of them: one ordered scan reads them faster
        from nkfacts.answers.rows import records

        whole = {r["id"]: r for r in records(con, sql, args) if r["id"] in ids}
    else:
        whole = _by_id(con, sorted(ids))
    clusters = [[[whole[r["id"]] for r in c] for c in cluster] for cluster in clusters]
    found = [
        (whole[t["id"]], whole[a["id"]], whole[z["id"]], lo, hi) for t, a, z, lo, hi in mismatches
    ]
    return _assemble(clusters, found, events, party)


def _disputed(cluster: list[list[Rec]]) -> bool:
    """Whether `_figure_disputes` finds anything in the cluster (from the compared fields)."""
    by_claimant: dict[str, list[list[Rec]]] = defaultdict(list)
    for c in cluster:
        by_claimant[c[0]["claimant"]].append(c)
    if len(by_claimant) > 1 and _differ(cluster):
        return True
    return any(_differ(own) for own in by_claimant.values())


def _by_id(con: Any, ids: list[str]) -> dict[str, Rec]:
    from nkfacts.answers.rows import records

    out: dict[str, Rec] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        sql = f"SELECT json FROM casualties WHERE id IN ({','.join('?' * len(chunk))})"
        out.update((r["id"], r) for r in records(con, sql, chunk))
    return out


def date_disputes(events: Sequence[Rec]) -> list[Record]:
    """Happenings whose records start on different days at the same precision (a range and a
    day it starts on agree)."""
    groups: dict[str, list[Rec]] = defaultdict(list)
    for e in events:
        if e.get("happening"):
            groups[e["happening"]].append(e)
    out = []
    for hid, recs in groups.items():
        by_prec: dict[str, dict[str, list[Rec]]] = defaultdict(dict)
        for e in recs:
            by_prec[e["precision"]].setdefault(e["date"], []).append(e)
        for whens in by_prec.values():
            if len(whens) < 2:
                continue
            first = min(recs, key=lambda e: e["date"])
            claims = [
                {
                    "figure": es[0]["when"],
                    "low": None,
                    "high": None,
                    "claimant": "unattributed",
                    "as_of": None,
                    "period": None,
                    "citations": [c for e in es for c in e["citations"]],
                    "id": es[0]["id"],
                    "ids": [e["id"] for e in es],
                }
                for _, es in sorted(whens.items())
            ]
            out.append(
                {
                    "kind": "date",
                    "subject": f"date of: {first['title']} ({hid})",
                    "party": None,
                    "start": first["date"],
                    "claims": claims,
                    "ids": ", ".join(i for c in claims for i in c["ids"]),
                }
            )
    return out


def _totals(mismatches: Sequence[tuple[Rec, Rec, Rec, int, int]]) -> list[Record]:
    out = []
    for total, a, z, lo, hi in mismatches:
        parts = f"{lo:,}" if lo == hi else f"{lo:,}–{hi:,}"
        what = claim_sentence(total, "label", subject="Both sides", attributed=False)
        subject = f"{what}: total vs parts ({a['figure']} + {z['figure']} = {parts})"
        out.append(_dispute("table-total", subject, total, [[total], [a], [z]]))
    return out
