"""The periods of `positions --matrix` (and `--period`), importable without yaml."""

from __future__ import annotations

# (name, first day, last day). A position falls in the period containing the LAST day of its
# start date, so "2023-09" (September 2023) counts as the 2023 offensive.
PERIODS: tuple[tuple[str, str, str], ...] = (
    ("1988–1994 war", "1988-01-01", "1994-05-31"),
    ("1994–2020", "1994-06-01", "2020-09-26"),
    ("2020 war", "2020-09-27", "2020-11-10"),
    ("2020–2023", "2020-11-11", "2023-09-18"),
    ("2023 offensive", "2023-09-19", "9999-12-31"),
)
PERIOD_NAMES: tuple[str, ...] = tuple(p[0] for p in PERIODS)


def period_of(day: str | None) -> str:
    """The period an ISO day falls in; 'undated' for None, 'before 1988' for earlier days."""
    if day is None:
        return "undated"
    for name, lo, hi in PERIODS:
        if lo <= day <= hi:
            return name
    return "before 1988"
