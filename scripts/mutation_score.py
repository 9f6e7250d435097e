"""Mutation score per module from `mutmut results --all true` (scripts/mutation.sh).

    python scripts/mutation_score.py mutants.txt [--survivors]

score = killed / (killed + survived + timeout + suspicious). Two kinds of surviving mutants are
counted apart, as equivalent (no test can tell them from the code, because they do not change
what the program does), each with its reason, and listed so anyone can check them:

- SQL letter case: the mutant only changes the letter case of SQL text (keywords, functions,
  table or column names), which SQLite reads regardless of case. Recognised from the mutated
  source in `mutants/`: exactly one string literal differs, only in case, it is SQL (it holds
  an upper-case SQL keyword or an SQL function call, or it is a table or column name passed to
  the query builder: `w.any_of`, `w.any_like`, `w.period`, `_substring`), and its quoted
  values ('files', '$.name'), whose case does matter, are unchanged.
- reviewed by hand: `scripts/equivalent_mutants.txt`, one `name: reason` per line.

Mutants no test reaches ("no tests") are counted apart too.
"""

from __future__ import annotations

import ast
import difflib
import io
import re
import sys
import tokenize
from collections import Counter, defaultdict
from pathlib import Path

LINE = re.compile(r"^\s*((nkfacts\.[\w.]+?)\.(x\S+?)__mutmut_(\d+)): (.+)$")
HERE = Path(__file__).resolve().parent
# The modules the tests issue names (query, disputes, figures, dates, periods, render, cite,
# validate, index), under the names they have since the splits: render's tables went to
# table/tablecols/textcells/columns, validate became schema/checks/quotes/normalise/validate,
# index became index/compile; since the packages (issue 20) they live in core/, load/, output/,
# store/, answers/ and cite/. search and merge (was claims) are mutated too, outside this total.
LISTED = {
    f"nkfacts.{m}"
    for m in [
        "answers.query",
        "answers.disputes",
        "core.figures",
        "core.dates",
        "core.periods",
        "core.totals",
        "output.render",
        "output.table",
        "output.layout",
        "output.textcells",
        "output.views",
        "output.cells",
        "cite.base",
        "cite.plain",
        "cite.csl",
        "load.validate",
        "load.schema",
        "load.checks",
        "load.quotes",
        "load.normalise",
        "store.index",
        "store.cachefiles",
        "store.compile",
    ]
}
# An SQL keyword as the code writes them (upper case), or an SQL function call.
SQL_WORD = re.compile(
    r"\b(SELECT|FROM|WHERE|AND|OR|BETWEEN|IS|NOT|NULL|ORDER BY|LIMIT|LIKE|IN)\b|"
    r"\b(instr|lower|json_extract|coalesce|count)\("
)
QUOTED = re.compile(r"'[^']*'")  # SQL string values and JSON paths: their case matters
# Calls whose string arguments before the value are table or column names.
SQL_NAME_ARG = re.compile(
    r"(w\.(any_of|any_like)\(\s*|w\.period\(\s*[^,]+,\s*(\"[^\"]*\",\s*)?|"
    r"_substring\(\s*con,\s*(\"[^\"]*\",\s*)?)$"
)


def _strings(line: str) -> list[tuple[str, str]]:
    """(text before the literal, literal) for each string literal on a line of code."""
    out = []
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(line.strip() + "\n").readline))
    except (tokenize.TokenError, IndentationError):
        return []
    text = line.strip()
    for t in tokens:
        if t.type == tokenize.STRING:
            out.append((text[: t.start[1]], t.string))
    return out


def sql_case_only(removed: list[str], added: list[str]) -> bool:
    """True if the change is the letter case of one SQL string literal."""
    if len(removed) != 1 or len(added) != 1 or removed[0].lower() != added[0].lower():
        return False
    a, b = _strings(removed[0]), _strings(added[0])
    changed = [(before, x) for (before, x), (_, y) in zip(a, b, strict=False) if x != y]
    if len(a) != len(b) or len(changed) != 1:
        return False
    before, literal = changed[0]
    mutated = next(y for (_, x), (_, y) in zip(a, b, strict=False) if x != y)
    if QUOTED.findall(literal[1:-1]) != QUOTED.findall(mutated[1:-1]):
        return False
    return bool(SQL_WORD.search(literal)) or bool(SQL_NAME_ARG.search(before))


class Sources:
    """The mutated modules in `mutants/`, parsed once: each mutant's function and its original."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.functions: dict[str, dict[str, str]] = {}

    def _module(self, module: str) -> dict[str, str]:
        if module not in self.functions:
            path = self.root / "src" / Path(*module.split(".")).with_suffix(".py")
            funcs: dict[str, str] = {}
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                for node in ast.walk(ast.parse(text)):
                    if isinstance(node, ast.FunctionDef) and "__mutmut_" in node.name:
                        funcs[node.name] = ast.get_source_segment(text, node) or ""
            self.functions[module] = funcs
        return self.functions[module]

    def diff(self, module: str, func: str, n: str) -> tuple[list[str], list[str]]:
        funcs = self._module(module)
        orig = funcs.get(f"{func}__mutmut_orig", "").splitlines()[1:]
        mutant = funcs.get(f"{func}__mutmut_{n}", "").splitlines()[1:]
        lines = list(difflib.unified_diff(orig, mutant, lineterm="", n=0))[2:]
        removed = [x[1:] for x in lines if x.startswith("-")]
        added = [x[1:] for x in lines if x.startswith("+")]
        return removed, added


def reviewed() -> dict[str, str]:
    path = HERE / "equivalent_mutants.txt"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else []:
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.partition(":")
            out[name.strip()] = reason.strip()
    return out


def main() -> int:
    sources = Sources(Path("mutants"))
    by_hand = reviewed()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: list[str] = []
    equivalent: list[str] = []
    for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
        m = LINE.match(line)
        if not m:
            continue
        name, module, func, n, status = m[1], m[2], m[3], m[4], m[5].strip()
        if status == "survived":
            if name in by_hand:
                status = "equivalent"
                equivalent.append(f"  {name}: {by_hand[name]}")
            elif sql_case_only(*sources.diff(module, func, n)):
                status = "equivalent"
                equivalent.append(f"  {name}: SQL letter case")
            else:
                survivors.append(name)
        counts[module][status] += 1
    total = Counter[str]()
    print(
        f"{'module':28} {'killed':>7} {'survived':>9} {'other':>6} {'equiv.':>7} "
        f"{'no tests':>9} {'score':>6}"
    )
    for module in sorted(counts):
        total.update(counts[module])
        print(_row(module, counts[module]))
    listed = Counter[str]()
    for module in LISTED & set(counts):
        listed.update(counts[module])
    print(_row("listed modules", listed))
    print(_row("all", total))
    print(f"\n{len(equivalent)} equivalent mutants:")
    print("\n".join(equivalent))
    if "--survivors" in sys.argv:
        print(f"\n{len(survivors)} survivors (mutmut show NAME):")
        print("\n".join(f"  {s}" for s in survivors))
    return 0


def _row(name: str, c: Counter[str]) -> str:
    killed, survived = c["killed"], c["survived"]
    other = c["timeout"] + c["suspicious"] + c["segfault"]
    judged = killed + survived + other
    score = f"{100 * killed / judged:5.1f}%" if judged else "   –"
    return (
        f"{name:28} {killed:7} {survived:9} {other:6} {c['equivalent']:7} {c['no tests']:9} "
        f"{score:>6}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
