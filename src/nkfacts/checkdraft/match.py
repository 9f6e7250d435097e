"""Matching: each figure of the draft against the recorded claims, and its verdict.

Candidates are the claims for the same party, category (any, when the draft names none),
measure and period, where "same period" is the rule `disputes` uses (`disputes.comparable`:
sharing at least half their days; a whole-year figure is not compared with a part-year one).
The draft's Armenian and Artsakh figures are compared with both parties' claims: the data's
`Armenia` covers Armenia and Karabakh Armenian forces, `Artsakh` only where a source names it.
A claim of exactly one (a named person) is a candidate only for a figure of one.

Verdicts:
- matches: a claim has this figure (or a range containing it; hedges read as written);
- disputed: it matches a claim, and other claims for the same thing disagree;
- differs: no claim has it (the nearest claims are shown); with no party named, only when the
  comparable claims are all of one party (the figure can only be about it);
- unknown: no period or no party to compare on, or nothing recorded for it. A figure of
  'the war' with no war named anywhere is read as the one war whose claims have it, if
  exactly one has (with a note).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from nkfacts.answers.disputes import comparable, series
from nkfacts.checkdraft import context as ctx
from nkfacts.checkdraft import periods
from nkfacts.checkdraft.agree import agrees as agrees
from nkfacts.checkdraft.found import Found
from nkfacts.checkdraft.numbers import Figure
from nkfacts.core import dates
from nkfacts.core.figures import figure as figure_text

Record = dict[str, Any]  # a claim as the report shows it (built here)
Rec = Mapping[str, Any]  # a recorded claim read (the contract's Casualty)
VERDICTS = ("matches", "disputed", "differs", "unknown")
_ARMENIAN_SIDE = frozenset({"Armenia", "Artsakh"})
_MEASURES = {"casualties": {"casualties", "killed"}}
_DATASET_CATEGORIES = {"battle-related", "combatant"}
_OF_ALL = {"military", "civilian"}  # kinds compared with a count of all when none of their own
_FEW_DAYS = 7  # a figure of at most a week said on a claim's last day is its count
_SHARE = 50  # a figure under a fiftieth of every comparable claim counts a unit, not the total


def _parties(party: str | None) -> frozenset[str] | None:
    if party is None:
        return None
    return _ARMENIAN_SIDE if party in _ARMENIAN_SIDE else frozenset({party})


def candidates(claims: Sequence[Rec], found: Found, period: ctx.Period) -> list[Rec]:
    """The recorded claims this figure can be compared with."""
    pseudo = {"start": period.start, "end": period.end, "start_precision": period.precision}
    # 'four died on each side': compared with each side's claims, never with their sum
    parties = None if found.per_side else _parties(found.party)
    measures = _MEASURES.get(found.measure or "", {found.measure})
    one = found.figure.low == found.figure.high == 1
    out = []
    for c in claims:
        if c["measure"] not in measures or (parties is not None and c["party"] not in parties):
            continue
        if found.per_side and c["party"] == "Both sides":
            continue
        if found.category is None:
            if c["category"] in _DATASET_CATEGORIES:
                continue
        elif c["category"] != found.category:
            continue
        if c["low"] == c["high"] == 1 and not one:
            continue
        if comparable(_as_precise(pseudo, c), c) or _up_to_the_day(period, c):
            out.append(c)
    return out


def _as_precise(pseudo: dict[str, str], c: Rec) -> dict[str, str]:
    """Over several years, the draft's 'from May 1994' and a claim's 'from 1994' are not a
    whole year against a part of it: both span years (their overlap decides)."""
    start, end = str(c.get("start") or ""), str(c.get("end") or "")
    if pseudo["start"][:4] != pseudo["end"][:4] and start[:4] != end[:4]:
        return {**pseudo, "start_precision": str(c.get("start_precision"))}
    return pseudo


def _up_to_the_day(period: ctx.Period, c: Rec) -> bool:
    """A count up to the day it was said covers a few days' figure said that day: one period
    inside the other, both ending on the same day (or the shorter on the day the claim was
    made), the shorter at most a week ('1 killed, 20 September – 2 October, said on 2 October'
    and 'on 2 October Armenia said one soldier was killed'; '1,050 refugees by 24 September'
    and a claim of 24 September)."""
    start, end = c.get("start"), c.get("end")
    if not start or not end or period.precision != "day":
        return False
    mine, theirs = (period.start, period.end), (str(start), str(end))

    def days(p: tuple[str, str]) -> int:
        return (date.fromisoformat(p[1]) - date.fromisoformat(p[0])).days

    said: tuple[object, ...]
    if days(mine) <= days(theirs):  # the draft's few days, said on the claim's last day
        # the claim's last day, if a day (a month's last day is no day anything was said)
        last = theirs[1] if c.get("end_precision", "day") == "day" else None
        (a, b), (outer_a, outer_b), said = mine, theirs, (last, c.get("as_of"))
    else:  # the claim's few days, at the end of the draft's period
        (a, b), (outer_a, outer_b), said = theirs, mine, (mine[1],)
    return outer_a <= a and b <= outer_b and b in said and days((a, b)) < _FEW_DAYS


def _subject(c: Rec) -> tuple[str, str, str, str]:
    """What a claim counts: rows of two conflicts of a dataset never disagree ('143 in the
    clashes with the Popular Front, 49 in those with Armenian militias', both UCDP 1990)."""
    return (c["party"], c["category"], c["measure"], series(c) if c.get("citations") else "")


def _claim(c: Rec, role: str, note: str | None = None) -> Record:
    """A claim as the report shows it (JSON `claims` item)."""
    return {
        "id": c["id"],
        "role": role,
        "figure": c.get("figure") or figure_text(c),
        "claimant": c["claimant"],
        "as_of": c.get("as_of"),
        "party": c["party"],
        "category": c["category"],
        "measure": c["measure"],
        "period": c.get("period"),
        "note": note,
        "citations": c["citations"],
    }


def _nearest(f: Figure, cands: Sequence[Rec], n: int = 3) -> list[Rec]:
    centre = max((f.low + f.high) / 2, 1)
    seen: set[tuple[str, str]] = set()
    out = []
    for c in sorted(
        cands, key=lambda c: abs(math.log(max((c["low"] + c["high"]) / 2, 1) / centre))
    ):
        key = (c.get("figure") or figure_text(c), c["claimant"])
        if key not in seen:
            seen.add(key)
            out.append(c)
        if len(out) == n:
            break
    return out


def _alternatives(found: Found, period: ctx.Period) -> list[ctx.Period]:
    """Other readings of a period to try when its own claims do not match: the named periods
    inside a year or month ('2020' holds the 2020 war); for a day carried over from an earlier
    sentence, the named period around it and its month ('On 27 September 2020 Azerbaijan
    attacked. Armenia lost 3,825 soldiers.')."""
    named = [ctx.EXODUS] if found.measure == "displaced" else []
    named += [p for p in ctx.NAMED_PERIODS if p.precision == "day"]
    if period.start[:4] != period.end[:4]:  # '1994 to 2020' is not the 2016 war inside it
        return []
    if period.precision != "day":  # the exodus may run past the month it starts in
        return [
            p
            for p in named
            if period.start <= p.start <= period.end and (p.end <= period.end or p is ctx.EXODUS)
        ]
    if found.period_from not in ("paragraph", "heading"):
        return []
    around = [p for p in named if p.start <= period.start and period.end <= p.end]
    first, last, _ = dates.parse(period.start[:7])
    month = ctx.Period(first, last, "month", dates.human(first, "month"))
    return [*around, month] if period.end <= last else around


def verdict(claims: Sequence[Rec], found: Found, parts: Sequence[Rec] = ()) -> dict[str, Any]:
    """The verdict for one figure (`_verdict`); an increment ('three more', 'another 50') or a
    part ('eight of them', '142 of the injured') is not a total, so it never differs from the
    totals recorded: unknown instead — unless a recorded part (`parts`) has it."""
    out = _verdict(claims, found)
    # 'in three days', in a period of ten (four days of the four-day war are the war)
    few = found.days and out["period"] and 2 * found.days < periods.days(out["period"])
    if few and out["verdict"] in ("differs", "unknown"):
        out = _in_days(claims, found, out["period"])
    if found.part and parts and out["verdict"] not in ("matches", "disputed"):
        # a part the draft gives, against the recorded parts: these may match or differ
        again = _verdict(parts, found)
        if again["verdict"] in ("matches", "disputed", "differs"):
            again["notes"] = [*again["notes"], "compared with the recorded parts of a figure"]
            return again
    if out["verdict"] == "differs" and not found.sure:
        out["verdict"] = "unknown"
        out["notes"] = [*out["notes"], "its period is a guess among the sentence's dates"]
    elif out["verdict"] == "differs" and found.figure.increment:
        out["verdict"] = "unknown"
        out["notes"] = [*out["notes"], "an increment ('more', 'another'): not a total"]
    elif out["verdict"] == "differs" and found.part:
        out["verdict"] = "unknown"
        out["notes"] = [
            *out["notes"],
            "a part of a figure before it ('eight of them'): not a total",
        ]
    return out


def _in_days(claims: Sequence[Rec], found: Found, period: ctx.Period) -> dict[str, Any]:
    """'eight dead in three days of clashes', in a sentence of 27 July – 5 August: a few days
    inside the period read, where they fall unknown. A claim of the figure counted up to a day
    inside the period has it (compared with the claims of its own period); else the figure is
    not said to differ (unknown)."""
    inside: dict[tuple[str, str, str], list[Rec]] = {}
    for c in claims:
        if c.get("start") and period.start <= str(c["end"]) <= period.end:
            key = (str(c["start"]), str(c["end"]), str(c.get("start_precision") or "day"))
            inside.setdefault(key, []).append(c)
    for (start, end, precision), theirs in sorted(inside.items()):
        label = f"{dates.human(start, precision)} – {dates.human(end, 'day')}"
        out = _judge(theirs, found, ctx.Period(start, end, precision, label))
        if out["verdict"] in ("matches", "disputed"):
            note = f"{found.days} days inside {period.label}: counted up to {end}"
            out["notes"] = [note, *out["notes"]]
            return out
    note = f"{found.days} days inside {period.label}, which days unknown: not compared"
    return _result("unknown", period, [], [note])


def _verdict(claims: Sequence[Rec], found: Found) -> dict[str, Any]:
    """The verdict for one figure: verdict, the understood period, claims and notes.

    A year or month whose own claims do not match is also read as the named period inside
    it ('in April 2016' → the four-day war) when the figure matches there.
    """
    period = found.period
    if period is None and found.unnamed_war and found.party:
        return _which_war(claims, found)
    if period is None:
        return _result("unknown", None, [], ["no period: name a year, a date or the war"])
    notes = []
    if found.period_from in ("paragraph", "heading"):
        notes.append(f"period from the {found.period_from}: {period.label}")
    first = _judge(claims, found, period)
    if first["verdict"] in ("matches", "disputed"):
        first["notes"] = notes + first["notes"]
        return first
    # Without a party, a looser reading of the period would match anything.
    nearer: dict[str, Any] | None = None  # another reading with claims where the first has none
    for named in _alternatives(found, period) if found.party else []:
        again = _judge(claims, found, named)
        if again["verdict"] in ("matches", "disputed") or (again["claims"] and not first["claims"]):
            again["notes"] = [*notes, f"read '{period.label}' as {named.label}", *again["notes"]]
            if again["verdict"] in ("matches", "disputed"):
                return again
            nearer = nearer or again
    day = _event_day(claims, found, period)
    if day is not None:
        return day
    # the year (holding more than the war) only for a figure as written, or when the named
    # period has no comparable claim: 'at least 100' is not the year's 109 when the war has 94
    f = found.figure
    hedged = f.at_least or f.upper_bound or f.approx
    carried = found.period_from in ("paragraph", "heading")
    year = _year_of(period, carried) or _so_far(period)
    year = year if not (first["claims"] and hedged) else None
    by_year = _judge(claims, found, year) if year and found.party else None
    if year and by_year is not None and by_year["verdict"] in ("matches", "disputed"):
        note = f"read '{period.label}' as the year {year.label}"
        by_year["notes"] = [*notes, note, *by_year["notes"]]
        return by_year
    if nearer is not None:
        return nearer
    first["notes"] = notes + first["notes"]
    return first


_EVENTS = {"released", "captured"}  # exchanges and arrests happen on a day
_DAY_OF = {True: "the exchange", False: "the figure's claim"}


def _event_day(claims: Sequence[Rec], found: Found, period: ctx.Period) -> dict[str, Any] | None:
    """A month's release or capture is its one day's exchange ('the December 2023 swap … freed
    32'); any month's figure, its one day's claim that has it ('… of September 2023: 170')."""
    if period.precision != "month":
        return None
    event = found.measure in _EVENTS and bool(found.party)
    days = {
        str(c["start"])
        for c in claims
        if c["measure"] == found.measure
        and c.get("start") == c.get("end")
        and period.start <= str(c["start"]) <= period.end
        and (event or (found.party in (None, c["party"]) and agrees(found.figure, c)[0]))
    }
    if len(days) != 1:
        return None
    out = _judge(claims, found, ctx.Period(d := days.pop(), d, "day", dates.human(d, "day")))
    if out["verdict"] not in (("matches", "disputed", "differs") if event else ("matches",)):
        return None
    out["notes"] = [f"read '{period.label}' as the day of {_DAY_OF[event]}, {d}", *out["notes"]]
    return out


def _which_war(claims: Sequence[Rec], found: Found) -> dict[str, Any]:
    """'… killed in the war', no war named anywhere: the war whose claims have this figure,
    when exactly one has (said in a note); else unknown."""
    hits = [(w, _judge(claims, found, w)) for w in ctx.WARS]
    hits = [(w, r) for w, r in hits if r["verdict"] in ("matches", "disputed")]
    if len(hits) != 1:
        return _result("unknown", None, [], ["no period: name a year, a date or the war"])
    war, result = hits[0]
    note = f"'the war' read as {war.label}: the only war with this figure"
    result["notes"] = [note, *result["notes"]]
    return result


def _so_far(period: ctx.Period) -> ctx.Period | None:
    """'the first seven months of 2017' is also the year up to its end, as the data gives a
    count 'as of' a day ('2017 – 25 July')."""
    if period.precision == "year" or not period.start.endswith("-01-01"):
        return None
    if period.start[:4] != period.end[:4] or period.end.endswith("-12-31"):
        return None
    return ctx.Period(period.start, period.end, "year", f"{period.start[:4]} up to {period.end}")


def _year_of(period: ctx.Period, carried: bool = False) -> ctx.Period | None:
    """The year of a named period within one year: 'the 2020 war cost 7,717 lives' agrees
    with a count for 2020 (only a match counts: the year holds more than the war); so does
    a period carried over from another sentence ('On 19 September … Armenia later said it had
    housed 53,000': the figure's own sentence names no day)."""
    if period.start[:4] != period.end[:4] or period.precision == "year":
        return None
    if period not in ctx.NAMED_PERIODS and not carried:
        return None
    y = period.start[:4]
    return ctx.Period(f"{y}-01-01", f"{y}-12-31", "year", y)


def _result(
    v: str, period: ctx.Period | None, claims: list[Record], notes: list[str]
) -> dict[str, Any]:
    return {"verdict": v, "period": period, "claims": claims, "notes": list(dict.fromkeys(notes))}


def _judge(claims: Sequence[Rec], found: Found, period: ctx.Period) -> dict[str, Any]:
    cands = candidates(claims, found, period)
    if not cands and found.category in _OF_ALL:
        # '18 soldiers' where only a count of all people is recorded: compared with it
        cands = candidates(claims, replace(found, category="total"), period)
        if cands:  # only a figure none of them has can be said to differ
            out = _weigh(cands, found, period)
            if out["verdict"] != "differs":
                return _result("unknown", period, [], [f"only a count of all has {f_text(found)}"])
            out["notes"] = [*out["notes"], f"no {found.category} count recorded: compared with all"]
            return out
    if not cands:
        return _result(
            "unknown", period, [], ["nothing recorded for this party, category, measure and period"]
        )
    return _weigh(cands, found, period)


def f_text(found: Found) -> str:
    """The figure as the notes write it."""
    f = found.figure
    return f"{f.low:,}" if f.low == f.high else f"{f.low:,}–{f.high:,}"


def _weigh(cands: list[Rec], found: Found, period: ctx.Period) -> dict[str, Any]:
    """The verdict among the comparable claims."""
    f = found.figure
    matched: list[Record] = []
    for c in cands:
        ok, note = agrees(f, c)
        if ok:
            matched.append(_claim(c, "match", note))
    if not matched:
        near = [_claim(c, "nearest") for c in _nearest(f, cands)]
        if found.party is None and len({c["party"] for c in cands}) > 1:
            return _result("unknown", period, near, ["no party named: say whose losses these are"])
        if f.high * _SHARE < min(int(c["low"]) for c in cands):  # 'four diaspora fighters'
            return _result("unknown", period, near, ["far below every count: a part of one?"])
        return _result("differs", period, near, [])
    ids = {m["id"] for m in matched}
    subjects = {_subject(c) for c in cands if c["id"] in ids}
    others = [
        _claim(c, "disagrees") for c in cands if c["id"] not in ids and _subject(c) in subjects
    ]
    notes = [m["note"] for m in matched if m["note"]]
    claimants = {m["claimant"] for m in matched} - {"unattributed"}
    for o in others:
        if o["claimant"] in claimants:
            when = f" as of {o['as_of']}" if o["as_of"] else ""
            notes.append(f"{o['claimant']} also gave {o['figure']}{when}")
    return _result("disputed" if others else "matches", period, matched + others, notes)
