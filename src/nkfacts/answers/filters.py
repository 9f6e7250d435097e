"""The filters every listing shares: the date range (`Span`, from --year/--from/--to) and the
WHERE clause a query builds (`Where`)."""

from __future__ import annotations

from collections.abc import Sequence

from nkfacts.core import dates
from nkfacts.core.errors import UsageError
from nkfacts.core.statictypes import TYPE_CHECKING


class Span:
    """An inclusive ISO day range. A record's period must lie within it, or with `overlapping`
    only share a day with it (multi-year totals, records known only to the year or month)."""

    __slots__ = ("first", "last", "overlapping", "year")

    def __init__(
        self, first: str, last: str, year: int | None = None, overlapping: bool = False
    ) -> None:
        self.first = first
        self.last = last
        self.year = year  # set when the range is exactly one calendar year
        self.overlapping = overlapping

    def widened(self) -> Span:
        """The same range with `overlapping` set."""
        return Span(self.first, self.last, self.year, True)

    def clause(self, start: str, end: str) -> tuple[str, list[str]]:
        """SQL keeping records whose [start, end] lies within (or overlaps) the range."""
        if self.overlapping:
            return f'{start} <= ? AND "{end}" >= ?', [self.last, self.first]
        return f'{start} >= ? AND "{end}" <= ?', [self.first, self.last]


def span(
    year: int | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    overlapping: bool = False,
) -> Span | None:
    """Combine --year/--from/--to into one range (None when no date filter was given)."""
    if year is None and date_from is None and date_to is None:
        return None
    first, last = "0000-01-01", "9999-12-31"
    try:
        if year is not None:
            if not 1000 <= year <= 9999:
                raise UsageError(f"--year {year}: expected a four-digit year")
            first, last = f"{year:04d}-01-01", f"{year:04d}-12-31"
        if date_from is not None:
            first = max(first, dates.parse_bound(date_from, end=False))
        if date_to is not None:
            last = min(last, dates.parse_bound(date_to, end=True))
    except dates.DateFormatError as exc:
        raise UsageError(f"bad date: {exc}") from None
    if first > last:
        raise UsageError(
            f"empty date range: it starts on {first} and ends on {last} (--from after --to?)"
        )
    whole_year = year is not None and (first, last) == (f"{year:04d}-01-01", f"{year:04d}-12-31")
    return Span(first, last, year if whole_year else None, overlapping)


class Where:
    """A query's WHERE clauses and their arguments."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.args: list[Any] = []

    def add(self, clause: str, *args: Any) -> None:
        self.clauses.append(clause)
        self.args.extend(args)

    def any_of(self, column: str, values: Sequence[str]) -> None:
        """`column` equals any of the values (repeatable options mean "any of")."""
        self.add(f"{column} IN ({','.join('?' * len(values))})", *values)

    def any_like(self, column: str, patterns: Sequence[str]) -> None:
        self.add("(" + " OR ".join(f"{column} LIKE ?" for _ in patterns) + ")", *patterns)

    def period(self, when: Span | None, start: str, end: str) -> None:
        if when is not None:
            clause, args = when.clause(start, end)
            self.add(clause, *args)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


Many = Sequence[str] | None  # a repeatable filter: any of these values


if TYPE_CHECKING:  # the listings' keyword arguments, for the type checker only
    from typing import Any, TypedDict

    class CasualtyFilters(TypedDict, total=False):
        """`query.casualties`' filters (each: any of the values)."""

        when: Span | None
        party: Many
        category: Many
        measure: Many
        claimant: Many
        source: Many
        event: Many

    class EventFilters(TypedDict, total=False):
        when: Span | None
        type_: Many
        actor: Many
        place: Many
        grep: Many
        source: Many
        in_happening: bool

    class PositionFilters(TypedDict, total=False):
        when: Span | None
        actor: Many
        stance: Many
        kind: Many
        period: Many
        source: Many
        own: bool
