"""The period mentions of one sentence, indexed so that each figure finds its nearest in
logarithmic time (a sentence of a 5 MB draft may hold a hundred thousand dates and figures;
a scan of them all per figure was quadratic)."""

from __future__ import annotations

import bisect

from nkfacts.checkdraft import context as ctx


class SentenceMentions:
    """`own`: the sentence's mentions, sorted by start and never overlapping."""

    def __init__(self, own: list[ctx.Mention]) -> None:
        self.own = own
        self.starts = [m.start for m in own]
        self.named = [i for i, m in enumerate(own) if m.named]
        self.plain = [i for i, m in enumerate(own) if not m.as_of]

    def between(self, lo: int, hi: int) -> tuple[int, int]:
        """Index range of the mentions starting in [lo, hi)."""
        return bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)

    def nearest(self, lo: int, hi: int, fig_start: int, fig_end: int) -> ctx.Mention | None:
        """The mention nearest the figure, preferring those in its clause [lo, hi): there a
        named or 'as of' one first; outside it, a named one first, never an 'as of' one."""
        a, b = self.between(lo, hi)
        clause = self.own[a:b]
        best = [m for m in clause if m.named or m.as_of] or clause
        if best:
            return min(best, key=lambda m: _distance(m, fig_start, fig_end))
        for indexes in (self.named, self.plain):
            # Outside the clause: the last one before it or the first one after it (the
            # mentions do not overlap, so they are the nearest on each side).
            k = bisect.bisect_left(indexes, a)
            sides = [self.own[indexes[k - 1]]] if k > 0 else []
            j = bisect.bisect_left(indexes, b)
            if j < len(indexes):
                sides.append(self.own[indexes[j]])
            if sides:
                return min(sides, key=lambda m: _distance(m, fig_start, fig_end))
        return None


def _distance(m: ctx.Mention, fig_start: int, fig_end: int) -> int:
    return min(abs(m.start - fig_end), abs(m.end - fig_start))
