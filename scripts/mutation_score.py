"""Mutation score per module from `mutmut results --all true` (scripts/mutation.sh).

score = killed / (killed + survived + timeout + suspicious); mutants no test reaches ("no
tests") and those marked equivalent (`# pragma: no mutate` with a reason) are listed apart.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

LINE = re.compile(r"^\s*(nkfacts\.[\w.]+?)\.x_?\w+__mutmut_\d+: (.+)$")


def main() -> int:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: list[str] = []
    for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
        m = LINE.match(line)
        if not m:
            continue
        module, status = m[1], m[2].strip()
        counts[module][status] += 1
        if status == "survived":
            survivors.append(line.strip().split(":")[0])
    total = Counter[str]()
    print(f"{'module':28} {'killed':>7} {'survived':>9} {'other':>6} {'no tests':>9} {'score':>6}")
    for module in sorted(counts):
        c = counts[module]
        total.update(c)
        print(_row(module, c))
    print(_row("all", total))
    print(f"\n{len(survivors)} survivors (mutmut show NAME):")
    print("\n".join(f"  {s}" for s in survivors))
    return 0


def _row(name: str, c: Counter[str]) -> str:
    killed, survived = c["killed"], c["survived"]
    other = c["timeout"] + c["suspicious"] + c["segfault"]
    judged = killed + survived + other
    score = f"{100 * killed / judged:5.1f}%" if judged else "   –"
    return f"{name:28} {killed:7} {survived:9} {other:6} {c['no tests']:9} {score:>6}"


if __name__ == "__main__":
    raise SystemExit(main())
