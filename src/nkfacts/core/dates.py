"""Partial dates ("2016", "2016-04", "2016-04-01") and how people write periods."""

from __future__ import annotations

import functools
import re

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


class DateFormatError(ValueError):
    """Not a date nkfacts understands; the message says what is accepted."""


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def parse(value: object) -> tuple[str, str, str]:
    """Return (first day ISO, last day ISO, precision) for a partial date; precision is day/month/year."""
    if type(value) is str:  # the usual case, remembered: a rebuild parses each date ~6 times
        return _parse_text(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        value = str(value)
    if not isinstance(value, str):
        raise DateFormatError(
            f'expected a date string like "2016", "2016-04" or "2016-04-01", got {value!r}'
        )
    return _parse_text(str(value))


@functools.lru_cache(maxsize=8192)
def _parse_text(value: str) -> tuple[str, str, str]:
    m = _DATE.fullmatch(value.strip())
    if not m:
        raise DateFormatError(f"'{value}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m[1]), m[2], m[3]
    if month is None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31", "year"
    mon = int(month)
    if not 1 <= mon <= 12:
        raise DateFormatError(f"'{value}' has no month {mon}")
    last = _days_in_month(year, mon)
    if day is None:
        return f"{year:04d}-{mon:02d}-01", f"{year:04d}-{mon:02d}-{last:02d}", "month"
    d = int(day)
    if not 1 <= d <= last:
        raise DateFormatError(
            f"'{value}' is not a real date ({MONTHS[mon - 1]} {year} has {last} days)"
        )
    return f"{year:04d}-{mon:02d}-{d:02d}", f"{year:04d}-{mon:02d}-{d:02d}", "day"


def parse_bound(value: str, *, end: bool) -> str:
    """A user's --from/--to value as an ISO day: the first day of it, or the last for --to."""
    first, last, _ = parse(value)
    return last if end else first


def human(iso: str, precision: str) -> str:
    """'2016-04-01' at day precision -> '1 April 2016'."""
    y, m, d = iso.split("-")
    if precision == "year":
        return y
    if precision == "month":
        return f"{MONTHS[int(m) - 1]} {y}"
    return f"{int(d)} {MONTHS[int(m) - 1]} {y}"


def period(start: str, sp: str, end: str, ep: str) -> str:
    """How a person writes a period: '2016', '1–5 April 2016', '1988–1994', 'May 1994 – August 2009'."""
    a, b = human(start, sp), human(end, ep)
    if sp == "year" and ep == "year":
        return a if a == b else f"{a}–{b}"
    if (start, sp) == (end, ep) or a == b:
        return a
    if sp == ep == "day" and start[:7] == end[:7]:
        return f"{int(start[8:])}–{b}"
    if sp == ep == "month" and start[:4] == end[:4]:
        return f"{MONTHS[int(start[5:7]) - 1]}–{b}"
    return f"{a} – {b}"


def overlap(a_first: str, a_last: str, b_first: str, b_last: str) -> float:
    """Shared days / days covered by either period (1.0 = the same period, 0 = disjoint)."""

    def days(lo: str, hi: str) -> int:
        return day_number(hi) - day_number(lo) + 1

    shared = days(max(a_first, b_first), min(a_last, b_last))
    return max(shared, 0) / days(min(a_first, b_first), max(a_last, b_last))


@functools.lru_cache(maxsize=8192)
def day_number(iso: str) -> int:
    """An ISO day as a day count (`disputes` compares the same few periods many times)."""
    from datetime import date

    return date.fromisoformat(iso).toordinal()
