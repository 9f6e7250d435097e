"""Read every data file strictly, check it, and build the normalised records.

`check(data_dir)` never raises for bad data: it returns a Dataset whose `problems` list holds
every problem found (code, severity, file, line, id, field, message), in the spirit of
frictionless' reports. Records with errors are left out of the dataset; callers refuse to
answer from data with any error (exit 3).

The work is split along the data flow: `schema` (fields, one record), `checks` (across
records), `quotes` (against the snapshots), `normalise` (the public shapes).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from nkfacts.core import paths
from nkfacts.load import spill
from nkfacts.load.checks import cross_check
from nkfacts.load.normalise import claim_key, normalise, public_casualty
from nkfacts.load.quotes import number_forms
from nkfacts.load.schema import check_record
from nkfacts.load.spill import Spilled
from nkfacts.load.yamlsafe import YamlError, iter_records

__all__ = ["Dataset", "check", "number_forms", "public_casualty"]


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
        first: dict[tuple[Any, ...], str] = {}
        for r in _consume(self.records.get(kind, [])):
            if kind != "casualty":
                yield r
                continue
            pub = public_casualty(r, self.sources)
            # `claim`: the id of the first record making the same claim (README: one row per claim)
            pub["claim"] = first.setdefault(claim_key(pub), pub["id"])
            yield pub


def _consume(recs: list[dict[str, Any]] | Spilled) -> Iterator[dict[str, Any]]:
    """The records in order, each let go of once taken (a spilled list's file closed)."""
    if isinstance(recs, Spilled):
        yield from recs
        recs.close()
        return
    recs.reverse()
    while recs:
        yield recs.pop()


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


def check(
    data_dir: Path, sources_dir: Path | None = None, progress: Callable[[str], None] | None = None
) -> Dataset:
    """Read and check every data file in `data_dir`; optionally verify quotes against snapshots."""
    ds = Dataset(data_dir)
    report = _Reporter(ds)
    cleaned: dict[str, Any] = defaultdict(list)  # a list, or Spilled past SPILL_AT records
    for fname, kind, required in paths.data_files(data_dir):
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
                rec = check_record(kind, raw, fname_str, report)
                if rec is not None:
                    rec["_file"] = fname_str
                    _add(cleaned, kind, rec)
        except YamlError as exc:
            report(exc.code, fname_str, exc.line, None, None, exc.message)
    cross_check(cleaned, report, sources_dir)
    for kind, recs in cleaned.items():
        if isinstance(recs, Spilled):  # iterated, sorted and consumed as a list is
            ds.records[kind] = cast("list[dict[str, Any]]", recs.drop_bad())
        else:
            ds.records[kind].extend(r for r in recs if not r.pop("_bad", False))
    if ds.valid:
        ds.sources = {s["id"]: dict(s) for s in ds.records.get("source", [])}
        ds.records = normalise(ds.records, ds.sources)
    return ds


def _add(cleaned: dict[str, Any], kind: str, rec: dict[str, Any]) -> None:
    """Keep a checked record; a kind's records go to disk once there are SPILL_AT of them."""
    if kind == "casualty" and "low" in rec:
        # What `checks.figures` sets: a spilled record keeps no change made while checking.
        rec.setdefault("high", rec["low"])
    recs = cleaned[kind]
    recs.append(rec)
    if isinstance(recs, list) and len(recs) >= spill.SPILL_AT:
        cleaned[kind] = Spilled(recs)
        recs.clear()
