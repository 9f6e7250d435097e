"""Shell completion values, without Typer: from the compiled index (names, ids, claimants)
or from a fixed list. The Typer options' `autocompletion` functions (`common.complete`,
`common.static`) and the fast path's bash completion (`fast.complete`) both use these.
"""

from __future__ import annotations

from collections.abc import Iterable

from nkfacts.core import paths


def from_index(data_dir: str | None, what: str, incomplete: str) -> list[str]:
    """Values of `what` ('actor', 'place', 'id', 'claimant') that complete `incomplete`.
    Never a rebuild on a key press: a stale index answers as it is, a missing one not."""
    try:
        from nkfacts.store.index import open_existing

        con = open_existing(paths.data_dir(data_dir))
        from nkfacts.answers.search import completions

        return [] if con is None else for_shell(completions(con, what, incomplete), incomplete)
    except Exception:  # completion must never break the shell
        return []


def from_values(values: Iterable[str], incomplete: str) -> list[str]:
    """The values that start with `incomplete`, regardless of case."""
    return for_shell([v for v in values if v.lower().startswith(incomplete.lower())], incomplete)


def for_shell(values: list[str], incomplete: str) -> list[str]:
    """Completion values that Typer keeps: it drops any value not starting with what was typed,
    so a value matched regardless of case or diacritics ('ir' → 'Iran', 'su' → 'Şuşa') is
    returned with the typed prefix ('iran'), which every filter accepts just the same."""
    n = len(incomplete)
    if not all(v.isascii() and v.isprintable() for v in values):
        from nkfacts.core.escape import terminal

        # A value with a line break would be two candidates: shown escaped (README, Security).
        values = [terminal(v) for v in values]
    return [v if v.startswith(incomplete) else incomplete + v[n:] for v in values]
