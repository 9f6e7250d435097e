"""How a casualty figure is written for people: '108–112', '4+', '≈90,000', '≤3,000'."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def figure(rec: Mapping[str, Any]) -> str:
    """Format low/high with its qualifiers, never losing a range or a bound."""
    low, high = rec["low"], rec["high"]
    text = f"{low:,}" if low == high else f"{low:,}–{high:,}"
    if rec.get("approx"):
        text = "≈" + text
    if rec.get("upper_bound"):
        text = "≤" + text
    if rec.get("at_least"):
        text += "+"
    return text
