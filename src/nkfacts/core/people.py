"""Whose losses, in words that cannot be misread, and whose voice a figure is in.

`party` is the side whose people a figure counts (docs/data-model.md). For displacement that
reads wrongly as a state: "Armenia · displaced 230,000" would be Armenia's own population,
while the source counts Armenians who fled Azerbaijan. The rule (README, Reading a table):
for a `displaced` record whose quote names the party's people ("Armenians", "Azerbaijanis"),
the human text names those people as the quote does, with where they were displaced from
when it says so ("Armenians from Azerbaijan"); otherwise it is the party. Pipes (TSV, CSV,
JSON) keep `party` as recorded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from nkfacts.core.statictypes import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

PEOPLE = {"Armenia": "Armenians", "Azerbaijan": "Azerbaijanis"}
_PLACE = r"[A-Z][\w-]*(?: [A-Z][\w-]*)*"
_NAMED = re.compile(rf"\b(Armenians|Azerbaijanis)(?: from ({_PLACE}(?:,? and {_PLACE})*))?")


def who(rec: Mapping[str, Any]) -> str:
    """'Armenians from Azerbaijan', 'Azerbaijanis', or the party as recorded."""
    party = str(rec["party"])
    people = PEOPLE.get(party)
    if rec.get("measure") != "displaced" or people is None:
        return party
    for m in _NAMED.finditer(str(rec.get("quote") or "")):
        if m.group(1) == people:
            return f"{people} from {m.group(2)}" if m.group(2) else people
    return party


def voice(claimant: str) -> str:
    """Whose word a figure is: its claimant, or the article itself for `unattributed`."""
    return "the article" if claimant == "unattributed" else claimant
