"""How a casualty figure is written for people: '108–112', '4+', '≈90,000', '≤3,000', and a
best estimate with its range: '141 (141–263)'."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def figure(rec: Mapping[str, Any]) -> str:
    """Format low/high with its qualifiers, never losing a range or a bound; a best estimate
    leads, with the range in brackets (UCDP: best 141, low 141, high 263 -> '141 (141–263)')."""
    low, high, best = rec["low"], rec["high"], rec.get("best")
    text = f"{low:,}" if low == high else f"{low:,}–{high:,}"
    if best is not None and low != high:
        text = f"{best:,} ({text})"
    if rec.get("approx"):
        text = "≈" + text
    if rec.get("upper_bound"):
        text = "≤" + text
    if rec.get("at_least"):
        text += "+"
    return text
