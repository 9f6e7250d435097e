"""The claim sentence: "3,825 (Armenia, military, killed, 2020-09-27 – 2020-11-10), per
Armenian authorities". One function writes it wherever it is written (`cite`, `show`, the
chart's labels, dispute headings, the search text the index stores); `FORMS` holds the few
ways it is laid out, side by side. `tests/test_claims.py` checks that every place agrees and
that no other module spells the sentence out.

The words follow core.people: the party's people where a quote names them ("Armenians from
Azerbaijan", `people=True`), and "the article" for a figure the article states in its own
voice (`voice=True`). The raw forms (`party`, `claimant` as recorded) are for text a search
matches, not for reading. Escaping (terminal, Markdown, BibTeX) is the caller's: it escapes
the whole sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nkfacts.core import people as _people

# form → (what is claimed, how it is attributed)
FORMS: dict[str, tuple[str, str]] = {
    # cite: every citation style's sentence (the style ends it)
    "cite": ("{figure} ({subject}, {category}, {measure}, {period})", ", per {claimant}"),
    # show: the lines of the same claim, competing and linked figures
    "show": ("{figure} {subject} {category} {measure}, {period}", " — per {claimant}"),
    # label: no figure (the chart's bar and a dispute's rows say it)
    "label": ("{subject} {category} {measure}, {period}", " (per {claimant})"),
    # search: the body the index stores for full-text search
    "search": ("{figure} {subject} {category} {measure}, {period}", ", per {claimant}"),
}


def claim_sentence(
    r: Mapping[str, Any],
    form: str = "cite",
    *,
    subject: str | None = None,
    attributed: bool = True,
    people: bool = True,
    voice: bool = True,
) -> str:
    """The casualty record `r` as one sentence in `form` (see FORMS).

    subject: whose losses, when the caller knows better (a dispute names the people of a whole
    cluster); else `who(r)` with `people`, or the party as recorded. attributed: with its
    claimant ("per …"); voice: the claimant in words ("the article") or as recorded."""
    what, by = FORMS[form]
    text = what.format(
        figure=r.get("figure", ""),
        subject=subject if subject is not None else _people.who(r) if people else r["party"],
        category=r["category"],
        measure=r["measure"],
        period=r["period"],
    )
    if not attributed:
        return text
    claimant = str(r["claimant"])
    return text + by.format(claimant=_people.voice(claimant) if voice else claimant)
