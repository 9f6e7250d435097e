"""`nkfacts check`: fact-check the casualty figures of a draft against every recorded claim.

The data flows one way: `read` (what each sentence says — figure, party, category, measure,
period, claimant, as_of — as typed `Found` findings; `extract` with `text`, `numbers`,
`context`/`words`, `when`, `periods`, `claimant`, `who`, `clauses`, `goingon`, `sharing`,
`scene`; it knows nothing of the data) → `match` (verdicts against the recorded claims, with
the `disputes` comparability rule) → `report` (table, TSV, CSV, JSON, Markdown) or
`claimreview` (schema.org ClaimReview JSON-LD).

`ask` reads questions with this package's word tables and named periods (`context`), so
importing the package loads nothing else: the names below are loaded when first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nkfacts.checkdraft.checking import check, line_of, with_citations
    from nkfacts.checkdraft.extract import extract as read
    from nkfacts.checkdraft.found import Found
    from nkfacts.checkdraft.match import VERDICTS
    from nkfacts.checkdraft.reading import MAX_DRAFT_BYTES, read_draft

__all__ = [
    "MAX_DRAFT_BYTES",
    "VERDICTS",
    "Found",
    "check",
    "line_of",
    "read",
    "read_draft",
    "with_citations",
]
# public name -> (module, name there)
_LAZY = {
    "check": ("checking", "check"),
    "line_of": ("checking", "line_of"),
    "with_citations": ("checking", "with_citations"),
    "read": ("extract", "extract"),
    "Found": ("found", "Found"),
    "VERDICTS": ("match", "VERDICTS"),
    "MAX_DRAFT_BYTES": ("reading", "MAX_DRAFT_BYTES"),
    "read_draft": ("reading", "read_draft"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'nkfacts.checkdraft' has no attribute {name!r}")
    module, attr = _LAZY[name]
    return getattr(importlib.import_module(f"nkfacts.checkdraft.{module}"), attr)
