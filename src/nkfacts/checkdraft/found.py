"""A figure of the draft as read: the typed finding `nkfacts.checkdraft.read` returns."""

from __future__ import annotations

from dataclasses import dataclass

from nkfacts.checkdraft import context as ctx
from nkfacts.checkdraft.numbers import Figure
from nkfacts.checkdraft.text import Sentence


@dataclass
class Found:
    """One figure with the context it was read in."""

    figure: Figure
    sentence: Sentence
    party: str | None
    category: str | None
    measure: str | None
    period: ctx.Period | None
    period_from: str | None  # 'sentence', 'paragraph', 'heading', 'document' or None
    claimant: str | None = None  # who says it, as the data names claimants
    as_of: str | None = None  # when it was said ('said on 11 January 2021'), ISO day
    unnamed_war: bool = False  # no period, but the sentence speaks of 'the war'
    part: bool = False  # a part of a figure before it: 'eight of them', '142 of the injured'
    per_side: bool = False  # 'four soldiers died on each side': each side's figure, not a sum
    days: int | None = None  # the days its sentence says it counts: 'in three days'
    sure: bool = True  # its period not a guess among several dates of other clauses
