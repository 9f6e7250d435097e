"""Generate data/datasets.yaml from the dataset extracts: one casualty record per row and side.

    python scripts/import_datasets.py [--sources DIR] [--output data/datasets.yaml] [--check]

Deterministic: the same CSV files give the same YAML, byte for byte (`--check` exits 1 if the
file on disk differs, for CI). The quote of each record is its CSV row verbatim, the reference
its row key, and the figures the row's columns — `nkfacts validate --sources DIR` checks all
three (quotes.check_dataset_row). Which sources are datasets, and their files, is read from
data/sources.yaml; what each dataset counts is written in its `definition` there.

UCDP (Battle-Related Deaths, dyadic): one record per row — party "Both sides", category
battle-related, period the row's year, best/low/high = bd_best/bd_low/bd_high, ref
"conflict_id/year". COW (inter- and intra-state wars): one record per participant with deaths
(not -8) — category combatant, period the war's dates, ref "WarNum/ccode" of the row's state.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
Record = dict[str, Any]

# When each release was published (as_of): only as precise as the sources say.
RELEASED = {"21.1": "2021-04", "24.1": "2024"}
UCDP_CLAIMANT = "UCDP"
COW_CLAIMANT = "Correlates of War Project"
# COW names a side "Nagorno-Karabakh"; the data model calls that party Artsakh.
COW_PARTY = {"Nagorno-Karabakh": "Artsakh"}
UCDP_CONFLICTS = {
    "376": "a conflict of the Soviet period (1990–1991), distinct from conflict 388",
    "377": "APF = Azerbaijani Popular Front; a conflict of the Soviet period (1990), distinct "
    "from conflict 388",
}
UCDP_WHAT = (
    "Battle-related deaths of both sides together (combatants and civilians killed in fighting; "
    "one-sided killings excluded)."
)
COW_WHAT = (
    "Battle deaths of this participant's combatants over the whole war (civilians not counted)."
)


def rows(path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """(verbatim line, parsed row) for every data row of a CSV extract."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = next(csv.reader([lines[0]]))
    for line in lines[1:]:
        if line.strip():
            yield line, dict(zip(header, next(csv.reader([line])), strict=True))


def _sides(row: dict[str, str]) -> str:
    def side(s: str) -> str:
        second = row[f"side_{s}_2nd"]
        return row[f"side_{s}"] + (f" (secondary: {second})" if second else "")

    return f"{side('a')} vs {side('b')}"


def ucdp(source: Record, path: Path) -> list[Record]:
    """One record per dyad-year row."""
    out = []
    for line, r in rows(path):
        cid, year, version = r["conflict_id"], r["year"], r["version"]
        what = UCDP_CONFLICTS.get(cid, "")
        note = (
            f"UCDP {version}, conflict {cid}, dyad {r['dyad_id']}: {_sides(r)}, territory "
            f"{r['territory_name']}{'; ' + what if what else ''}. {UCDP_WHAT} "
            f"Best {int(r['bd_best']):,}, low {int(r['bd_low']):,}, high {int(r['bd_high']):,}."
        )
        out.append(
            {
                "id": f"cas-{source['id']}-{cid}-{year}",
                "party": "Both sides",
                "category": "battle-related",
                "measure": "killed",
                "start": year,
                "low": int(r["bd_low"]),
                "high": int(r["bd_high"]),
                "best": int(r["bd_best"]),
                "claimant": UCDP_CLAIMANT,
                "as_of": RELEASED[version],
                "citations": [{"source": source["id"], "ref": f"{cid}/{year}"}],
                "quote": line,
                "note": note,
            }
        )
    return out


def _date(r: dict[str, str], which: str) -> str:
    return (
        f"{int(r[which + 'Year1']):04d}-{int(r[which + 'Month1']):02d}-{int(r[which + 'Day1']):02d}"
    )


def cow(source: Record, path: Path) -> list[Record]:
    """One record per participant with deaths: inter-state rows are one state each, intra-state
    rows carry side A and side B."""
    out = []
    for line, r in rows(path):
        war = r["WarNum"]
        if "BatDeath" in r:  # inter-state: one participant per row
            sides = [(r["StateName"], r["BatDeath"], r["ccode"])]
        else:
            key = r["CcodeA"] if r["CcodeA"] != "-8" else r["CcodeB"]
            sides = [(r[f"Side{s}"], r[f"Side{s}Deaths"], key) for s in "AB"]
        for name, deaths, ccode in sides:
            if deaths == "-8" or name == "-8":
                continue
            party = COW_PARTY.get(name, name)
            n = int(deaths)
            out.append(
                {
                    "id": f"cas-{source['id']}-{war}-{ccode}-{party.lower()}",
                    "party": party,
                    "category": "combatant",
                    "measure": "killed",
                    "start": _date(r, "Start"),
                    "end": _date(r, "End"),
                    "low": n,
                    "claimant": COW_CLAIMANT,
                    "citations": [{"source": source["id"], "ref": f"{war}/{ccode}"}],
                    "quote": line,
                    "note": f'COW {source.get("version", "")}, war {war} "{r["WarName"]}", '
                    f"row of state {ccode}: {name} {n:,}"
                    + (f" (recorded as party {party})" if party != name else "")
                    + f". {COW_WHAT}",
                }
            )
    return out


def _q(value: str) -> str:
    """A YAML single-quoted scalar (CSV rows are full of double quotes)."""
    return "'" + value.replace("'", "''") + "'"


def dump(records: list[Record]) -> str:
    """The YAML text, in the house style of casualties.yaml (fixed key order, quoted dates)."""
    out = [
        "# GENERATED by scripts/import_datasets.py from the dataset extracts in ../shared/sources —",
        "# do not edit by hand; re-run the script. One casualty record per dataset row and side:",
        "# the quote is the CSV row verbatim, the ref the row's key (README, Sources).",
        "",
    ]
    for r in records:
        out.append(f"- id: {r['id']}")
        for key in ("party", "category", "measure"):
            out.append(f"  {key}: {r[key]}")
        for key in ("start", "end"):
            if key in r:
                out.append(f"  {key}: {_q(r[key])}")
        for key in ("low", "high", "best"):
            if key in r:
                out.append(f"  {key}: {r[key]}")
        out.append(f"  claimant: {r['claimant']}")
        if "as_of" in r:
            out.append(f"  as_of: {_q(r['as_of'])}")
        out.append("  citations:")
        for c in r["citations"]:
            out.append(f"  - {{source: {c['source']}, ref: {_q(c['ref'])}}}")
        out.append(f"  quote: {_q(r['quote'])}")
        out.append(f"  note: {_q(r['note'])}")
        out.append("")
    return "\n".join(out)


def generate(sources_dir: Path, sources_yaml: Path) -> list[Record]:
    """Every dataset source's records, in sources.yaml order."""
    records: list[Record] = []
    for s in yaml.safe_load(sources_yaml.read_text(encoding="utf-8")):
        if s.get("kind") != "dataset":
            continue
        path = sources_dir / s["file"]
        records.extend(ucdp(s, path) if s["id"].startswith("ucdp-") else cow(s, path))
    return records


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("NKFACTS_SOURCES") or str(REPO.parent / "shared" / "sources")
    ap.add_argument("--sources", type=Path, default=Path(default), help="the extracts' directory")
    ap.add_argument("--data", type=Path, default=REPO / "data", help="the data directory")
    ap.add_argument("--check", action="store_true", help="exit 1 if the file is not up to date")
    args = ap.parse_args()
    records = generate(args.sources, args.data / "sources.yaml")
    text = dump(records)
    target = args.data / "datasets.yaml"
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target} is not up to date: run scripts/import_datasets.py", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({len(records)} records)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
