"""`nkfacts casualties --chart`: figures per year as bars from low to high.

One bar per claim (identical claims from several sentences merged) whose period lies within a
single year; multi-year figures cannot be placed on a per-year axis and are counted in a
footer instead. Nothing is summed. Each bar says who, what, when, per whom, and where it
is cited. '▒' spans low..high, '▶' marks an open upper end ("at least").
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

Record = Mapping[str, Any]  # a record read (the contract's TypedDicts)


def chart(rows: Sequence[Record], width: int = 80, unicode: bool = True) -> str:
    """Text chart; ASCII when `unicode` is false (pipes, dumb terminals)."""
    from nkfacts.output.merge import merge_claims

    full, part, more = ("█", "▒", "▶") if unicode else ("#", "=", ">")
    yearly = [r for r in merge_claims(rows) if r["start"][:4] == r["end"][:4]]
    skipped = len({r.get("claim") or r["id"] for r in rows}) - len(yearly)
    if not yearly:
        return f"no single-year figures to chart ({skipped} multi-year figures)\n"
    label_w = max(len(_label(r)) for r in yearly)
    fig_w = max(len(r["figure"]) for r in yearly)  # "141 (141–263)" with a best estimate
    # Label and bar on one line when both fit (a bar of at least 10); else the label above.
    inline = label_w + fig_w + 16 <= width
    bar_w = max(1, width - fig_w - 6 - (label_w if inline else 0))
    top = max(r["high"] for r in yearly) or 1
    lines = []
    year = ""
    for r in yearly:
        if r["start"][:4] != year:
            year = r["start"][:4]
            lines.append(year)
        lo = max(1 if r["low"] else 0, round(r["low"] / top * bar_w))  # a toll is never blank
        hi = max(lo, round(r["high"] / top * bar_w))
        bar = full * lo + part * (hi - lo) + (more if r["at_least"] else "")
        if inline:
            lines.append(f"  {_label(r):<{label_w}} {bar} {r['figure']}")
        else:
            lines.extend(
                textwrap.wrap(_label(r), width, initial_indent="  ", subsequent_indent="    ")
            )
            lines.append(f"    {bar} {r['figure']}")
        lines.extend(
            textwrap.wrap(
                f"{_cited(r)} {r['id']}",
                width,
                initial_indent="    ",
                subsequent_indent="    ",
                break_on_hyphens=False,
            )
        )
    foot = f"scale: full width = {top:,}; one bar per claim, nothing summed."
    if skipped:
        foot += f" {skipped} multi-year figure(s) not shown."
    lines.extend(textwrap.wrap(foot, width))
    return "\n".join(lines) + "\n"


def _label(r: Record) -> str:
    from nkfacts.core.claims import claim_sentence
    from nkfacts.core.escape import terminal

    return terminal(claim_sentence(r, "label"))


def _cited(r: Record) -> str:
    """'nk-conflict [167][174]' — every source of the claim and its labels."""
    from nkfacts.core.escape import terminal
    from nkfacts.output.views import cite_plain

    return terminal(cite_plain(r))
