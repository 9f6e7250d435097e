"""Fill `passage_ref` for every citation whose sentence prints no label (issue: a reference to
follow for every claim). Mechanical: the first reference label after the record's quote in the
same paragraph of the snapshot (`nkfacts.load.quotes.passage_label`; `validate --sources` checks it).

    python scripts/passage_refs.py [--sources ../shared/sources] [data/]

Rewrites `- {source: X, ref: null}` lines in place; idempotent; prints what it changed.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import yaml

from nkfacts.load.quotes import passage_label

FILES = ("casualties", "events", "ceasefires", "violations", "positions")
CITE = re.compile(r"^(\s*- \{source: ([a-z0-9-]+), ref: null)(?:, passage_ref: '[^']*')?\}\s*$")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default="data", type=Path)
    ap.add_argument("--sources", default="../shared/sources", type=Path)
    args = ap.parse_args()
    index = {s["id"]: s for s in yaml.safe_load((args.data / "sources.yaml").read_text())}
    texts = {
        sid: (args.sources / s["file"]).read_text(encoding="utf-8")
        for sid, s in index.items()
        if s.get("kind", "article") == "article"
    }
    for name in FILES:
        path = args.data / f"{name}.yaml"
        records = {r["id"]: r for r in yaml.safe_load(path.read_text(encoding="utf-8"))}
        lines = path.read_text(encoding="utf-8").split("\n")
        rid, changed, none = None, 0, 0
        for i, line in enumerate(lines):
            m = re.match(r"^- id: (\S+)", line)
            if m:
                rid = m[1]
                continue
            c = CITE.match(line)
            if not c or rid is None or c[2] not in texts:
                continue
            label = passage_label(texts[c[2]], records[rid]["quote"])
            new = f"{c[1]}, passage_ref: '{label}'}}" if label else f"{c[1]}}}"
            none += label is None
            if new != line:
                lines[i] = new
                changed += 1
        path.write_text("\n".join(lines), encoding="utf-8")
        print(f"{path}: {changed} citation line(s) changed; {none} with no label after the quote")


if __name__ == "__main__":
    main()
