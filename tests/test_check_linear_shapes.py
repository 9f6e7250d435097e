"""The reader's shapes that keep `check` fast on drafts at the size cap (issue 21/26 bench
targets), each asserted by what it reads, not by time (timings: benchmarks/bench.py)."""

from __future__ import annotations

import glob
import re
from pathlib import Path

import pytest
import yaml

from nkfacts.checkdraft import context, text, words
from nkfacts.checkdraft.reading import MAX_DATES
from nkfacts.core.errors import UsageError

ROOT = Path(__file__).resolve().parent


def _naive(table: dict[str, str], framed: dict[str, str] | None = None) -> re.Pattern[str]:
    """The word pattern as it was before the words were grouped by their first letter."""
    alts = [
        re.escape(a).replace(r"\ ", r"[\s-]+")
        for a in sorted(table, key=len, reverse=True)
        if a not in (framed or {})
    ]
    alts += list((framed or {}).values())
    return re.compile(r"\b(" + "|".join(alts) + r")(?:'s|’s)?\b", re.IGNORECASE)


def _texts() -> list[str]:
    out = []
    for path in sorted(glob.glob(str(ROOT / "data" / "check_eval" / "*.yaml"))):
        out += [d["text"] for d in yaml.safe_load(Path(path).read_text())["drafts"]]
    return out


@pytest.mark.parametrize(
    ("grouped", "table", "framed"),
    [
        (words.PARTY_RE, words.PARTY_WORDS, None),
        (words.CATEGORY_RE, words.CATEGORY_WORDS, None),
        (words.MEASURE_RE, words.MEASURE_WORDS, words._MEASURE_FRAMED),
    ],
    ids=["party", "category", "measure"],
)
def test_words_grouped_by_first_letter_match_as_the_plain_alternation(
    grouped: re.Pattern[str], table: dict[str, str], framed: dict[str, str] | None
) -> None:
    naive = _naive(table, framed)
    samples = _texts() + [f"the {w}'s men and {w.upper()}, {w.title()}." for w in table]
    for sample in samples:
        got = [(m.span(), m.group(1)) for m in grouped.finditer(sample)]
        assert got == [(m.span(), m.group(1)) for m in naive.finditer(sample)], sample
    # one group per first letter: each place tries a group, not every word
    firsts = {w[0].lower() for w in table if w not in (framed or {})}
    assert all(re.escape(f) + "(?:" in grouped.pattern for f in firsts)
    assert len(firsts) < len(table) / 2


def test_a_capital_alone_before_its_stop_is_an_initial_not_a_sentence_end() -> None:
    draft = "Ilham H. Aliyev said 5 soldiers died. The U. S. envoy said more. A. B. C."
    found = [draft[s.start : s.end] for s in text.sentences(draft)]
    assert found == [
        "Ilham H. Aliyev said 5 soldiers died.",
        "The U. S. envoy said more.",
        "A. B. C.",
    ]
    assert len(text.sentences("A. " * 1000)) == 1  # not a thousand sentences


def test_too_many_dates_is_refused_with_no_date_read_in_context(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[int] = []
    original = context._date

    def counting(t: str, kind: str, m: re.Match[str]) -> context.Mention:
        read.append(m.start())
        return original(t, kind, m)

    monkeypatch.setattr(context, "_date", counting)
    with pytest.raises(UsageError, match="dates and named periods"):
        context.mentions("2016 " * (MAX_DATES + 1))
    assert read == []
    found = context.mentions("In May 2016, and on 2 April 2016, as of 2020.")
    assert [m.start for m in found] == sorted(m.start for m in found) and len(read) == 3
