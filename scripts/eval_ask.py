"""Measure `nkfacts ask` on the question corpus (tests/data/ask_corpus.yaml).

For each question: the answer as it appears on an 80×24 terminal's first screen; a question
counts as answered when every `must_show` id (or one of `any_of`) is on that screen; a question
the sources do not cover (`covered: false`) counts as answered when the screen says so and no
record is offered as its answer. Prints the share per shape and overall; `--failures` lists
every miss. Exit 0 (a report), 2 if the corpus is malformed.

Usage: python scripts/eval_ask.py [--corpus FILE] [--failures] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "data" / "ask_corpus.yaml"


def load(path: Path) -> list[dict[str, Any]]:
    """The corpus's questions; SystemExit(2) when it is malformed."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    questions = data.get("questions") if isinstance(data, dict) else data
    if not isinstance(questions, list) or not all(
        isinstance(q, dict) and isinstance(q.get("q"), str) for q in questions
    ):
        print(f"{path}: expected a list of questions with `q`", file=sys.stderr)
        raise SystemExit(2)
    return questions


def _shown(rid: str, screen_text: str, same: dict[str, set[str]]) -> bool:
    """On screen: the id itself, or a record of the same claim or happening (one merged row)."""
    return any(i in screen_text for i in same.get(rid, {rid}))


def judge(
    question: dict[str, Any], screen_text: str, same: dict[str, set[str]]
) -> tuple[bool, str]:
    """Answered on the first screen? And why not."""
    lines = screen_text.splitlines()
    if len(lines) > 23 or any(len(line) > 80 for line in lines):
        return False, f"does not fit 80×24 ({len(lines)} lines)"
    if not question.get("covered", True):
        said = "say nothing" in screen_text or "nothing recorded" in screen_text
        return (said, "" if said else "offers records for an uncovered question")
    missing = [i for i in question.get("must_show") or [] if not _shown(i, screen_text, same)]
    any_of = question.get("any_of") or []
    if any_of and not any(_shown(i, screen_text, same) for i in any_of):
        missing.append("one of " + ", ".join(any_of))
    return (not missing, "missing " + ", ".join(missing) if missing else "")


def run(questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from nkfacts.ask import answer
    from nkfacts.ask.screen import screen
    from nkfacts.core.paths import data_dir
    from nkfacts.store.index import open_index

    con = open_index(data_dir(None))
    groups: dict[str, set[str]] = {}
    for table, key in (("casualties", "claim"), ("events", "happening")):
        sql = f"SELECT id, coalesce(json_extract(json, '$.{key}'), id) FROM {table}"
        for rid, group in con.execute(sql):
            groups.setdefault(group, set()).add(rid)
    same = {rid: ids for ids in groups.values() for rid in ids}
    out = []
    for q in questions:
        found = answer(con, q["q"])
        text = screen(found, 80)
        ok, why = judge(q, text, same)
        out.append(
            {"q": q["q"], "shape": q.get("shape", "?"), "ok": ok, "why": why, "screen": text}
        )
    return out


def report(results: list[dict[str, Any]], failures: bool) -> str:
    total: Counter[str] = Counter()
    good: Counter[str] = Counter()
    for r in results:
        total[r["shape"]] += 1
        good[r["shape"]] += r["ok"]
    lines = [f"{'shape':<16}{'answered':>10}{'questions':>11}{'share':>8}"]
    for shape in sorted(total):
        lines.append(
            f"{shape:<16}{good[shape]:>10}{total[shape]:>11}{good[shape] / total[shape]:>8.0%}"
        )
    n, k = sum(total.values()), sum(good.values())
    lines.append(f"{'all':<16}{k:>10}{n:>11}{(k / n if n else 0):>8.0%}")
    if failures:
        for r in results:
            if not r["ok"]:
                lines += ["", f"MISS [{r['shape']}] {r['q']}: {r['why']}", r["screen"].rstrip()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--failures", action="store_true", help="list every miss with its screen")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = run(load(args.corpus))
    if args.json:
        shown = [{k: v for k, v in r.items() if k != "screen"} for r in results]
        sys.stdout.write(json.dumps(shown, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(report(results, args.failures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
