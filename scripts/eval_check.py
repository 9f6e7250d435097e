#!/usr/bin/env python3
"""Measure `nkfacts check` on the labelled corpus (tests/data/check_eval/corpus.yaml).

Reports, like CheckThat!/FEVER-style evaluations: extraction precision / recall / F1 (figures
found vs labelled), trap false alarms, reading accuracy per slot over the figures found, and
verdict precision / recall / F1 per class, overall accuracy and a confusion matrix.

    python scripts/eval_check.py [--corpus FILE] [--split dev|test|all] [--json] [--failures] [--cli]

`--split dev` keeps the drafts at even positions of the corpus file (0, 2, 4, …), `--split
test` those at odd positions: develop the reader against dev, and read test only to report.

Exit 0 (it is a report) unless the corpus is malformed (exit 2).
"""

from __future__ import annotations

import argparse
import calendar
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "check_eval" / "corpus.yaml"
VERDICTS = ("matches", "disputed", "differs", "unknown")
SLOTS = ("party", "category", "measure", "period", "claimant")
STYLES = ("journalist", "wikipedia", "blog")
NOT_FOUND = "(not found)"
Finding = dict[str, Any]


class CorpusError(Exception):
    """The corpus is malformed (every problem, one per line)."""


@dataclass
class Label:
    """One labelled number text of a draft: a casualty figure, or a trap when `trap`."""

    draft: str
    n: str
    start: int
    end: int
    trap: bool
    expected: dict[str, list[str]] = field(default_factory=dict)
    verdict: str = ""
    acceptable: tuple[str, ...] = ()


@dataclass
class Draft:
    id: str
    text: str
    labels: list[Label]


# ------------------------------------------------------------------ the corpus


def _vocab() -> dict[str, set[str]]:
    from nkfacts.core import vocab

    return {
        "party": set(vocab.PARTIES) | {"none"},
        "category": set(vocab.CATEGORIES) | {"any"},
        "measure": set(vocab.MEASURES),
    }


_PART = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_PERIOD = re.compile(rf"^({_PART})(?:/({_PART}))?$")


def _bounds(part: str, last: bool) -> date:
    """First (or last) day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
    bits = [int(b) for b in part.split("-")]
    year, month, day = bits[0], bits[1] if len(bits) > 1 else 0, bits[2] if len(bits) > 2 else 0
    if not month:
        return date(year, 12, 31) if last else date(year, 1, 1)
    if not day:
        return date(year, month, calendar.monthrange(year, month)[1] if last else 1)
    return date(year, month, day)


def period_span(spec: str, names: dict[str, str]) -> tuple[date, date] | None:
    """A period label as (first day, last day); None for `none`; ValueError if malformed."""
    if spec == "none":
        return None
    m = _PERIOD.match(names.get(spec, spec))
    if not m:
        raise ValueError(f"bad period {spec!r}")
    first, last = m.group(1), m.group(2) or m.group(1)
    return _bounds(first, False), _bounds(last, True)


def _as_list(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return ["none" if v is None else str(v) for v in values]


def locate(text: str, n: str, at: int) -> tuple[int, int] | str:
    """The span of the `at`-th whole-token occurrence of `n`, or an error message."""
    hits = [m.span() for m in re.finditer(rf"(?<![\w.,-]){re.escape(n)}(?![\w-]|[.,]\d)", text)]
    if not hits:
        return f"number text {n!r} does not occur in the draft"
    if len(hits) > 1 and not at:
        return f"number text {n!r} occurs {len(hits)} times: say which with `at`"
    if (at or 1) > len(hits):
        return f"number text {n!r} has no occurrence {at}"
    return hits[(at or 1) - 1]


def _figure(item: dict[str, Any], draft: str, names: dict[str, str]) -> tuple[Label, list[str]]:
    errors: list[str] = []
    vocab = _vocab()
    expected: dict[str, list[str]] = {}
    for slot in SLOTS:
        if slot not in item:
            if slot != "claimant":
                errors.append(f"{slot} missing")
            continue
        values = _as_list(item[slot])
        for v in values:
            if slot in vocab and v not in vocab[slot]:
                errors.append(f"{slot} {v!r} is not in the data's vocabulary")
            if slot == "period":
                try:
                    period_span(v, names)
                except ValueError as exc:
                    errors.append(str(exc))
        expected[slot] = values
    verdict = str(item.get("verdict", ""))
    acceptable = tuple(_as_list(item.get("acceptable", [])))
    for v in (verdict, *acceptable):
        if v not in VERDICTS:
            errors.append(f"verdict {v!r} is not one of {', '.join(VERDICTS)}")
    label = Label(draft, str(item.get("n", "")), 0, 0, False, expected, verdict, acceptable)
    return label, errors


def _draft(raw: Any, names: dict[str, str]) -> tuple[Draft, list[str]]:
    errors: list[str] = []
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        return Draft("?", "", []), [f"a draft without text: {raw!r:.60}"]
    did = str(raw.get("id", "?"))
    title = raw.get("title")
    text = (f"# {title}\n\n" if title else "") + raw["text"]
    if raw.get("style") not in STYLES:
        errors.append(f"{did}: style must be one of {', '.join(STYLES)}")
    labels: list[Label] = []
    for kind in ("figures", "traps"):
        for item in raw.get(kind) or []:
            if not isinstance(item, dict) or not isinstance(item.get("n"), str):
                errors.append(f"{did}: a label without a number text `n`: {item!r:.60}")
                continue
            if kind == "figures":
                label, errs = _figure(item, did, names)
            else:
                label, errs = Label(did, str(item.get("n", "")), 0, 0, True), []
            span = locate(text, label.n, int(item.get("at", 0)))
            if isinstance(span, str):
                errs.append(span)
            else:
                label.start, label.end = span
            errors += [f"{did} {label.n!r}: {e}" for e in errs]
            labels.append(label)
    spans = [(lab.start, lab.end) for lab in labels]
    if len(set(spans)) != len(spans):
        errors.append(f"{did}: two labels name the same number")
    return Draft(did, text, labels), errors


def load_corpus(path: Path) -> tuple[list[Draft], dict[str, str]]:
    """The drafts and the period names; CorpusError listing every problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path}: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("drafts"), list):
        raise CorpusError(f"{path}: expected a mapping with a `drafts` list")
    names = {str(k): str(v) for k, v in (data.get("periods") or {}).items()}
    drafts, errors = [], []
    for raw in data["drafts"]:
        d, errs = _draft(raw, names)
        drafts.append(d)
        errors += errs
    ids = [d.id for d in drafts]
    errors += [f"duplicate draft id {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    if errors:
        raise CorpusError("\n".join(errors))
    return drafts, names


def split(drafts: list[Draft], which: str) -> list[Draft]:
    """The dev (even positions in the file), test (odd positions) or all drafts."""
    if which == "all":
        return drafts
    parity = 0 if which == "dev" else 1
    return [d for i, d in enumerate(drafts) if i % 2 == parity]


# ------------------------------------------------------------------ running the reader


def run_in_process(drafts: list[Draft]) -> dict[str, list[Finding]]:
    """Every draft through the public `nkfacts.checkdraft.check`, with the CLI's claims."""
    from nkfacts import checkdraft
    from nkfacts.answers import query
    from nkfacts.core import paths
    from nkfacts.store.index import open_index

    con = open_index(paths.data_dir(None))
    claims = list(query.casualties(con))  # as the CLI: `check` sets the parts apart
    return {d.id: checkdraft.check(d.text, claims) for d in drafts}


def run_cli(drafts: list[Draft]) -> dict[str, list[Finding]]:
    """Every draft through `nkfacts check - --format json` (slower; the real command)."""
    out: dict[str, list[Finding]] = {}
    for d in drafts:
        proc = subprocess.run(
            [sys.executable, "-m", "nkfacts", "check", "-", "--format", "json"],
            input=d.text,
            capture_output=True,
            text=True,
            check=False,
        )
        out[d.id] = json.loads(proc.stdout) if proc.stdout.strip() else []
    return out


# ------------------------------------------------------------------ the command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the labelled corpus (YAML)")
    parser.add_argument("--json", action="store_true", help="the report as JSON")
    parser.add_argument("--failures", action="store_true", help="list every miss")
    parser.add_argument("--cli", action="store_true", help="run `nkfacts check` per draft")
    parser.add_argument(
        "--split",
        choices=("dev", "test", "all"),
        default="all",
        help="dev: drafts at even positions in the file; test: odd positions (default all)",
    )
    args = parser.parse_args(argv)
    try:
        drafts, names = load_corpus(args.corpus)
    except CorpusError as exc:
        print(f"malformed corpus:\n{exc}", file=sys.stderr)
        return 2
    drafts = split(drafts, args.split)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from eval_check_score import render, score

    results = run_cli(drafts) if args.cli else run_in_process(drafts)
    report = score(drafts, results, names)
    if args.json:
        if not args.failures:
            report.pop("failures")
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(render(report, args.failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
