"""Checking a draft: each figure read, judged against the claims, and cited."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from nkfacts.checkdraft.extract import extract as read
from nkfacts.checkdraft.match import verdict


def line_of(text: str, pos: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, pos) + 1


def check(text: str, claims: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One finding per casualty figure of the draft (the JSON objects of `check --format json`).
    A recorded part of another figure (11 non-combat deaths of the 91) is not a competing
    toll: only a part the draft gives ('eight of them', 'including 11') is compared with it."""
    totals = [c for c in claims if not c.get("part_of")]
    parts = [c for c in claims if c.get("part_of")]
    out = []
    line, counted = 1, 0  # figures come in order: count the newlines once, not per figure
    for found in read(text):
        f, s = found.figure, found.sentence
        if f.start >= counted:
            line += text.count("\n", counted, f.start)
        else:  # a hedge ('more than') moved the start back
            line -= text.count("\n", f.start, counted)
        counted = f.start
        v = verdict(totals, found, parts)
        period = v["period"]
        out.append(
            {
                "line": line,
                "span": {"start": f.start, "end": f.end, "text": text[f.start : f.end]},
                "sentence": {"start": s.start, "end": s.end},
                "figure": f.public(),
                "context": {
                    "party": found.party,
                    "category": found.category,
                    "measure": found.measure,
                    "period": period.public() if period else None,
                    "period_from": found.period_from,
                    "claimant": found.claimant,
                    "as_of": found.as_of,
                },
                "verdict": v["verdict"],
                "notes": v["notes"],
                "claims": v["claims"],
            }
        )
    return out


def with_citations(
    findings: list[dict[str, Any]],
    claims: Sequence[Mapping[str, Any]],
    style: str,
    sources: Mapping[str, Mapping[str, Any]] | None = None,
) -> tuple[list[dict[str, Any]], str, list[str]]:
    """Citations in `style` for every matched claim: one `cite` text per finding, and all of
    them together (each record once, in order of appearance)."""
    from nkfacts.cite import cite

    by_id = {c["id"]: c for c in claims}
    cite([], style, sources)  # an unknown style fails before anything is printed
    every: dict[str, Mapping[str, Any]] = {}
    out = []
    for f in findings:
        ids = [c["id"] for c in f["claims"] if c["role"] == "match"]
        every.update((i, by_id[i]) for i in ids)
        text = cite([("casualty", by_id[i]) for i in ids], style, sources).text if ids else ""
        out.append({**f, "cite": text.rstrip("\n") or None})
    if not every:
        return out, "", []
    block = cite([("casualty", r) for r in every.values()], style, sources)
    return out, block.text, block.warnings
