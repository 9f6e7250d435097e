"""Whether a recorded claim says what the draft's figure says: hedges read as written,
rounded figures within a few percent (the matcher's `agrees`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nkfacts.checkdraft.numbers import Figure

ROUNDING = 0.05  # 'about 3,800' agrees with 3,825: hedged figures may differ by 5%
HEDGE_SPAN = 0.10  # 'more than 100,000' agrees with 100,617: the claim within 10% above


def _near(a: int, b: int, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(a, b)


def agrees(f: Figure, c: Mapping[str, Any]) -> tuple[bool, str | None]:
    """Whether the claim says what the draft's figure says, and a note when only nearly."""
    lo, hi = int(c["low"]), int(c["high"])
    tol = ROUNDING if (f.approx or c.get("approx")) else 0.0
    if f.at_least:
        if c.get("at_least"):
            return _near(f.low, lo, tol), None
        if c.get("upper_bound"):
            return False, None
        ok = f.low <= lo <= f.low * (1 + HEDGE_SPAN)
        return ok, f"the claim is {c['figure']}" if ok else None
    if f.upper_bound:
        if c.get("upper_bound"):
            return _near(f.high, hi, tol), None
        ok = not c.get("at_least") and f.high * (1 - HEDGE_SPAN) <= hi <= f.high
        return ok, f"the claim is {c['figure']}" if ok else None
    if f.low != f.high:
        if (f.low, f.high) == (lo, hi):
            return True, None
        if lo <= f.low and f.high <= hi:
            return True, f"within the claim's range {c['figure']}"
        return (tol > 0 and _near(f.low, lo, tol) and _near(f.high, hi, tol)), None
    n = f.low
    if c.get("at_least"):
        ok = _near(n, lo, tol)
        return ok, f"the claim is a lower bound: {c['figure']}" if ok else None
    if c.get("upper_bound"):
        ok = _near(n, hi, tol)
        return ok, f"the claim is an upper bound: {c['figure']}" if ok else None
    if lo <= n <= hi:
        return True, None
    ok = tol > 0 and lo * (1 - tol) <= n <= hi * (1 + tol)
    return ok, f"rounded: the claim is {c['figure']}" if ok else None
