"""What the tests of the check reader's classes share: the figures of a text by what the text
says, and a figure's period as (start, end)."""

from __future__ import annotations

from nkfacts.checkdraft import Found, read


def by_text(text: str) -> dict[str, Found]:
    """The figures read, by their text and by their text without a hedge ('over 90' → '90')."""
    out = {}
    for f in read(text):
        said = text[f.figure.start : f.figure.end]
        out[said] = f
        out[said.split()[-1]] = f
    return out


def span(f: Found) -> tuple[str, str] | None:
    return (f.period.start, f.period.end) if f.period else None
