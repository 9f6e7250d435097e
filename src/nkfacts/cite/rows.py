"""A dataset row in words: 'conflict 388, 2016: best 141, low 141, high 263 battle-related deaths'.

The record's `quote` is the row exactly as the file prints it (checked by `validate --sources`);
citations print this readable form instead, built from the row's own columns. The columns are
the published headers of the three formats nkfacts cites (UCDP's dyadic battle-related deaths,
COW's intra- and inter-state wars), recognised by their number of fields; any other row is
printed as it is.
"""

from __future__ import annotations

import csv


def _columns(text: str) -> tuple[str, ...]:
    return tuple(text.split())


UCDP_BRD = _columns(
    "conflict_id dyad_id location_inc side_a side_a_id side_a_2nd side_b side_b_id side_b_2nd "
    "incompatibility territory_name year bd_best bd_low bd_high type_of_conflict battle_location "
    "gwno_a gwno_a_2nd gwno_b gwno_b_2nd gwno_loc gwno_battle region version"
)
COW_INTRA = _columns(
    "WarNum WarName WarType CcodeA SideA CcodeB SideB Intnl StartMonth1 StartDay1 StartYear1 "
    "EndMonth1 EndDay1 EndYear1 StartMonth2 StartDay2 StartYear2 EndMonth2 EndDay2 EndYear2 "
    "TransFrom WhereFought Initiator Outcome TransTo SideADeaths SideBDeaths Version"
)
COW_INTER = _columns(
    "WarNum WarName WarType ccode StateName Side StartMonth1 StartDay1 StartYear1 EndMonth1 "
    "EndDay1 EndYear1 StartMonth2 StartDay2 StartYear2 EndMonth2 EndDay2 EndYear2 TransFrom "
    "WhereFought Initiator Outcome TransTo BatDeath Version"
)
MONTHS = _columns(
    "January February March April May June July August September October November December"
)
UNKNOWN = ("-8", "-9", "")  # COW: -8 not applicable, -9 unknown


def readable(row_text: str, title: str = "") -> str:
    """The row in words, or the row itself when its format is not one of those above."""
    try:
        fields = next(csv.reader([row_text]))
    except (csv.Error, StopIteration):
        return row_text
    for header, words in ((UCDP_BRD, _ucdp), (COW_INTRA, _cow_intra), (COW_INTER, _cow_inter)):
        if len(fields) == len(header) and _family(header, title):
            try:
                return words(dict(zip(header, fields, strict=True)))
            except (KeyError, ValueError):
                return row_text
    return row_text


def _family(header: tuple[str, ...], title: str) -> bool:
    """A title that names another dataset rules the format out (UCDP and COW inter-state rows
    both have 25 fields)."""
    t = title.lower()
    if "ucdp" in t or "battle-related" in t:
        return header is UCDP_BRD
    if "correlates of war" in t or "cow" in t.split():
        return header is not UCDP_BRD
    return True


def _n(value: str) -> str:
    return f"{int(value):,}" if value not in UNKNOWN else "unknown"


def _ucdp(r: dict[str, str]) -> str:
    return (
        f"conflict {r['conflict_id']}, {r['year']}: best {_n(r['bd_best'])}, "
        f"low {_n(r['bd_low'])}, high {_n(r['bd_high'])} battle-related deaths"
    )


def _date(r: dict[str, str], which: str) -> str:
    day, month, year = (r[f"{which}{part}1"] for part in ("Day", "Month", "Year"))
    if year in UNKNOWN:
        return "unknown"
    if month in UNKNOWN:
        return year
    text = f"{MONTHS[int(month) - 1]} {year}"
    return text if day in UNKNOWN else f"{int(day)} {text}"


def _war(r: dict[str, str]) -> str:
    return f"war {r['WarNum']} ({r['WarName']}), {_date(r, 'Start')} – {_date(r, 'End')}"


def _cow_intra(r: dict[str, str]) -> str:
    sides = [
        f"{r[f'Side{s}']} {_n(r[f'Side{s}Deaths'])}"
        for s in ("A", "B")
        if r[f"Side{s}"] not in UNKNOWN
    ]
    return f"{_war(r)}: {', '.join(sides)} battle deaths"


def _cow_inter(r: dict[str, str]) -> str:
    return f"{_war(r)}: {r['StateName']} {_n(r['BatDeath'])} battle deaths"
