"""Scoring and the printed report of `scripts/eval_check.py`.

Alignment: a finding of the reader is aligned to the labelled number whose character span it
overlaps (a finding "more than 290" overlaps the label "290"); each label takes one finding.
A finding overlapping a trap is a false alarm; one overlapping nothing is a spurious figure.
Both count against extraction precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from eval_check import NOT_FOUND, SLOTS, VERDICTS, Draft, Finding, Label, period_span

Pair = tuple[Label, Finding | None]


def align(
    draft: Draft, findings: list[Finding]
) -> tuple[list[Pair], list[tuple[Label, Finding]], list[Finding]]:
    """(labelled figures with their finding or None, traps hit, findings aligned to nothing)."""
    taken: dict[int, Finding] = {}
    traps: list[tuple[Label, Finding]] = []
    extras: list[Finding] = []
    for f in findings:
        start, end = f["span"]["start"], f["span"]["end"]
        over = [i for i, lab in enumerate(draft.labels) if start < lab.end and lab.start < end]
        free = [i for i in over if not draft.labels[i].trap and i not in taken]
        if free:
            taken[free[0]] = f
        elif any(draft.labels[i].trap for i in over):
            traps.append((next(draft.labels[i] for i in over if draft.labels[i].trap), f))
        else:
            extras.append(f)
    figures = [(lab, taken.get(i)) for i, lab in enumerate(draft.labels) if not lab.trap]
    return figures, traps, extras


def read_value(slot: str, f: Finding) -> str:
    """What the reader read for a slot, as a label value (`none` when nothing)."""
    ctx = f.get("context") or {}
    value = ctx.get(slot, f.get(slot))
    if slot == "period":
        return f"{value['start']}/{value['end']}" if isinstance(value, dict) else "none"
    if isinstance(value, dict):  # a claimant given as an object
        value = value.get("name") or value.get("claimant")
    if value is None:
        return "any" if slot == "category" else "none"
    return str(value)


def slot_ok(slot: str, expected: list[str], read: str, names: dict[str, str]) -> bool:
    """Whether the value read is one of the expected ones (the slot's own notion of equal)."""
    if slot == "period":
        try:
            got = period_span(read, {})
        except ValueError:
            return False
        return any(period_span(e, names) == got for e in expected)
    if slot == "claimant":
        r = read.casefold()
        return r != "none" and any(e.casefold() in r or r in e.casefold() for e in expected)
    if slot == "category" and read == "total":
        return "total" in expected or "any" in expected
    return read.casefold() in {e.casefold() for e in expected}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return {"precision": p, "recall": r, "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def sentence_of(text: str, pos: int) -> str:
    """The sentence (or heading line) around a character offset, for messages and counts."""
    starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z0-9\"'])|\n\s*\n|\n#", text)]
    start = max(s for s in starts if s <= pos)
    nxt = [s for s in starts if s > pos]
    return " ".join(text[start : nxt[0] if nxt else len(text)].split())


def _text(d: Draft, f: Finding) -> str:
    return d.text[f["span"]["start"] : f["span"]["end"]]


def _verdict(lab: Label, f: Finding | None) -> tuple[str, str, bool]:
    """(effective gold class, predicted class, correct)."""
    pred = f["verdict"] if f else NOT_FOUND
    ok = pred == lab.verdict or pred in lab.acceptable
    return (pred if ok else lab.verdict), pred, ok


def _slots(pairs: list[Pair], names: dict[str, str], fails: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for slot in SLOTS:
        scored = correct = 0
        for lab, f in pairs:
            if f is None or slot not in lab.expected:
                continue
            scored += 1
            read = read_value(slot, f)
            if slot_ok(slot, lab.expected[slot], read, names):
                correct += 1
            else:
                want = " | ".join(lab.expected[slot])
                fails.append(f"{lab.draft} {lab.n!r}: {slot} read {read}, expected {want}")
        out[slot] = {"scored": scored, "correct": correct, "accuracy": _ratio(correct, scored)}
    return out


def _verdicts(pairs: list[Pair], fails: list[str]) -> dict[str, Any]:
    rows = [(lab, *_verdict(lab, f)) for lab, f in pairs]
    for lab, _gold, pred, ok in rows:
        if not ok and pred != NOT_FOUND:
            want = " | ".join((lab.verdict, *lab.acceptable))
            fails.append(f"{lab.draft} {lab.n!r}: verdict {pred}, expected {want}")
    found = [r for r in rows if r[2] != NOT_FOUND]
    per_class = {}
    for c in VERDICTS:
        tp = sum(1 for r in rows if r[1] == c and r[2] == c)
        fp = sum(1 for r in rows if r[2] == c and r[1] != c)
        fn = sum(1 for r in rows if r[1] == c and r[2] != c)
        per_class[c] = {**_prf(tp, fp, fn), "support": sum(1 for r in rows if r[1] == c)}
    confusion = {g: dict.fromkeys((*VERDICTS, NOT_FOUND), 0) for g in VERDICTS}
    for _lab, gold, pred, _ok in rows:
        confusion[gold][pred] += 1
    correct = sum(1 for r in rows if r[3])
    return {
        "total": len(rows),
        "correct": correct,
        "accuracy": _ratio(correct, len(rows)),
        "found": len(found),
        "correct_found": sum(1 for r in found if r[3]),
        "accuracy_found": _ratio(sum(1 for r in found if r[3]), len(found)),
        "per_class": per_class,
        "confusion": confusion,
    }


@dataclass
class Tally:
    """Everything aligned, over the whole corpus."""

    pairs: list[Pair] = field(default_factory=list)
    trap_hits: list[tuple[Label, Finding]] = field(default_factory=list)
    extras: int = 0
    trap_sentences: set[tuple[str, str]] = field(default_factory=set)
    alarm_sentences: set[tuple[str, str]] = field(default_factory=set)
    fails: list[str] = field(default_factory=list)

    def add(self, d: Draft, findings: list[Finding]) -> None:
        figs, traps, extra = align(d, findings)
        self.pairs += figs
        self.trap_hits += traps
        self.extras += len(extra)
        self.trap_sentences |= {(d.id, sentence_of(d.text, t.start)) for t in d.labels if t.trap}
        self.alarm_sentences |= {(d.id, sentence_of(d.text, t.start)) for t, _ in traps}
        for lab, f in figs:
            if f is None:
                self.fails.append(
                    f"{d.id} {lab.n!r}: not found in «{sentence_of(d.text, lab.start)}»"
                )
        for t, f in traps:
            self.fails.append(f"{d.id} {t.n!r}: trap reported as a figure ({f['verdict']})")
        for f in extra:
            self.fails.append(f"{d.id} {_text(d, f)!r}: spurious figure ({f['verdict']})")


def score(
    drafts: list[Draft], results: dict[str, list[Finding]], names: dict[str, str]
) -> dict[str, Any]:
    """The whole report as a JSON-able dict (`failures`: one line per miss)."""
    t = Tally()
    for d in drafts:
        t.add(d, results.get(d.id, []))
    tp = sum(1 for _, f in t.pairs if f is not None)
    fp, fn = len(t.trap_hits) + t.extras, len(t.pairs) - tp
    return {
        "corpus": {
            "drafts": len(drafts),
            "figures": len(t.pairs),
            "traps": sum(1 for d in drafts for lab in d.labels if lab.trap),
            "trap_sentences": len(t.trap_sentences),
        },
        "extraction": {
            "true_positives": tp,
            "false_positives": fp,
            "false_negatives": fn,
            **_prf(tp, fp, fn),
        },
        "traps": {
            "false_alarms": len(t.trap_hits),
            "sentences_with_false_alarm": len(t.alarm_sentences),
            "spurious_figures": t.extras,
        },
        "slots": _slots(t.pairs, names, t.fails),
        "verdicts": _verdicts(t.pairs, t.fails),
        "failures": t.fails,
    }


def render(rep: dict[str, Any], failures: bool) -> str:
    """The plain-text report."""
    c, e, t, v = rep["corpus"], rep["extraction"], rep["traps"], rep["verdicts"]
    lines = [
        f"corpus: {c['drafts']} drafts, {c['figures']} labelled figures, {c['traps']} trap numbers in {c['trap_sentences']} sentences",
        "",
        "extraction       precision  recall     F1     TP   FP   FN",
        f"  figures        {e['precision']:9.3f} {e['recall']:7.3f} {e['f1']:6.3f} {e['true_positives']:6d} {e['false_positives']:4d} {e['false_negatives']:4d}",
        f"  trap false alarms: {t['false_alarms']} numbers in {t['sentences_with_false_alarm']} of {c['trap_sentences']} trap sentences; spurious figures elsewhere: {t['spurious_figures']}",
        "",
        "reading (figures found)  accuracy  correct/scored",
    ]
    lines += [
        f"  {s:<22} {r['accuracy']:8.3f}  {r['correct']:4d}/{r['scored']}"
        for s, r in rep["slots"].items()
    ]
    lines += ["", "verdict          precision  recall     F1  support"]
    lines += [
        f"  {k:<14} {r['precision']:9.3f} {r['recall']:7.3f} {r['f1']:6.3f} {r['support']:8d}"
        for k, r in v["per_class"].items()
    ]
    lines += [
        f"  accuracy (all labelled figures; not found = wrong): {v['accuracy']:.3f} ({v['correct']}/{v['total']})",
        f"  accuracy (figures found):                           {v['accuracy_found']:.3f} ({v['correct_found']}/{v['found']})",
        "",
        "confusion (rows: expected, an accepted alternative counting as expected; columns: read)",
        "  " + " " * 10 + "".join(f"{p:>12}" for p in (*VERDICTS, NOT_FOUND)),
    ]
    lines += [
        "  " + f"{g:<10}" + "".join(f"{n:>12d}" for n in row.values())
        for g, row in v["confusion"].items()
    ]
    if failures:
        lines += ["", f"failures ({len(rep['failures'])}):", *(f"  {x}" for x in rep["failures"])]
    return "\n".join(lines) + "\n"


__all__ = ["align", "read_value", "render", "score", "sentence_of", "slot_ok"]
