"""Checks against the source snapshots: quotes verbatim, figures present in their quotes."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Flag = Callable[..., None]

# Number words, shared with the draft checker (checkdraft.numbers).
UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORDS = UNITS
_TENS = ["_", "_", *TENS]


def number_forms(n: int) -> list[str]:
    """Ways a text may write n: '3825', '3,825', '3 825', 'twelve', 'forty-two', 'two hundred'."""
    forms = [str(n), f"{n:,}", f"{n:,}".replace(",", " ")]
    if n < 20:
        forms.append(_WORDS[n])
    elif n < 100:
        forms.append(_TENS[n // 10] + ("" if n % 10 == 0 else "-" + _WORDS[n % 10]))
    elif n < 1000 and n % 100 == 0:
        forms.append(_WORDS[n // 100] + " hundred")
    if n % 1000 == 0 and 0 < n // 1000 < 20:
        forms.append(_WORDS[n // 1000] + " thousand")
    if n % 1_000_000 == 0 and n:
        forms.append(f"{n // 1_000_000} million")
    if n == 1:
        forms += ["a ", "an ", "single"]
    if n == 2:
        forms += ["both", "pair", "couple"]
    return forms


def quote_has_figure(quote: str, low: int, high: int) -> bool:
    """True if the quote writes the figure; a figure of exactly 1 may be carried by a name."""
    q = quote.lower()
    if low == high == 1:
        return True

    def has(n: int) -> bool:
        for form in number_forms(n):
            if form[0].isdigit():
                if re.search(rf"(?<![\d,.]){re.escape(form)}(?![\d]|,\d)", q):
                    return True
            elif form in q:
                return True
        return False

    return has(low) and has(high)


LABEL = re.compile(r"\[ ?([0-9]{1,4}|[a-z]) ?\]")  # [160], [c]; not [and], [is]


def passage_label(text: str, quote: str) -> str | None:
    """The first reference label after `quote` in its own paragraph (line) of `text`."""
    at = text.find(quote)
    if at < 0:
        return None
    end = text.find("\n", at + len(quote))
    m = LABEL.search(text, at + len(quote), end if end >= 0 else len(text))
    return m[1] if m else None


def check_passage_refs(rec: dict[str, Any], text: str, flag: Flag) -> None:
    """A citation with no label of its own carries the paragraph's next label (passage_ref)."""
    for c in rec["citations"]:
        if c["ref"] is not None:
            continue
        want = passage_label(text, rec["quote"])
        got = c.get("passage_ref")
        if got is not None and got != want:
            flag(
                rec,
                "passage-ref",
                "citations",
                f"passage_ref '{got}' is not the first label after the quote in its paragraph"
                + (f" (that is '{want}')" if want else " (there is none)"),
            )
        elif got is None and want is not None:
            flag(
                rec,
                "passage-ref",
                "citations",
                f"no passage_ref: its paragraph's next label is '{want}' "
                "(scripts/passage_refs.py fills it)",
                "warning",
            )


_SIDE_PARTY = {"nagorno-karabakh": "Artsakh"}


def _dataset_expected(row: dict[str, str], party: str) -> dict[str, int] | None:
    """The figures a dataset row gives: UCDP best/low/high, COW deaths of the party's side."""
    if "bd_best" in row:
        return {"best": int(row["bd_best"]), "low": int(row["bd_low"]), "high": int(row["bd_high"])}
    if "BatDeath" in row:
        return {"low": int(row["BatDeath"]), "high": int(row["BatDeath"])}
    for side in ("A", "B"):
        name = row.get(f"Side{side}", "")
        if _SIDE_PARTY.get(name.lower(), name) == party:
            n = int(row[f"Side{side}Deaths"])
            return {"low": n, "high": n}
    return None


def check_dataset_row(rec: dict[str, Any], text: str, source: dict[str, Any], flag: Flag) -> None:
    """A dataset quote is one whole row of the file, and the record's figures are its columns."""
    import csv

    lines = text.splitlines()
    if rec["quote"] not in lines[1:]:
        flag(rec, "quote", "quote", f"quote is not a whole row of {source.get('file')}")
        return
    try:
        header = next(csv.reader([lines[0]]))
        row = dict(zip(header, next(csv.reader([rec["quote"]])), strict=False))
        want = _dataset_expected(row, rec["party"])
    except (csv.Error, KeyError, ValueError) as exc:
        # A snapshot is untrusted: a missing column or a cell that is not a whole number
        # is a problem of the record's row, never a crash.
        what = f"no column {exc}" if isinstance(exc, KeyError) else f"{exc}"
        flag(rec, "dataset-figure", "quote", f"the row cannot be read as figures ({what[:200]})")
        return
    if want is None:
        flag(rec, "dataset-figure", "party", f"no column of this row counts party {rec['party']}")
        return
    for fld, value in want.items():
        if rec.get(fld) != value:
            flag(
                rec,
                "dataset-figure",
                fld,
                f"{fld} {rec.get(fld)} differs from the row's {value}",
            )
