"""The practical floor of a warm pipe query (issue 26): the least a program can do to print
`nkfacts casualties --year 2016 --format tsv` — open the same compiled index and write the same
bytes — with nothing of nkfacts, Typer or click imported.

Usage: python benchmarks/floor.py DATA_DIR [YEAR]   (the index must exist: run nkfacts once)
       python benchmarks/floor.py DATA_DIR --dump   (every casualty as JSON lines, in
       batches: the floor of `nkfacts casualties --format jsonl`)

Its output is byte-identical to nkfacts' (benchmarks/bench.py checks that before it times
it); every ratio in the benchmark is measured against this script's time.
"""

import os
import sqlite3
import sys
import zlib

HEADER = "\t".join(
    [
        "figure",
        "party",
        "category",
        "measure",
        "period",
        "claimant",
        "as_of",
        "citations",
        "id",
        "start",
        "end",
        "low",
        "high",
        "best",
        "at_least",
        "approx",
        "upper_bound",
        "event",
        "place",
        "start_precision",
        "end_precision",
        "quote",
        "note",
        "claim",
        "part_of",
    ]
).encode()


def main() -> None:
    data = os.path.realpath(sys.argv[1])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.environ["HOME"], ".cache")
    key = zlib.crc32(data.encode("utf-8", "surrogateescape"))
    con = sqlite3.connect(f"file:{base}/nkfacts/index-{key:08x}.sqlite?mode=ro", uri=True)
    con.text_factory = bytes
    out = sys.stdout.buffer
    if sys.argv[2:] == ["--dump"]:
        cur = con.execute("SELECT json FROM casualties ORDER BY seq")
        while batch := cur.fetchmany(2000):
            out.write(b"".join(r[0] + b"\n" for r in batch))
        return
    year = int(sys.argv[2]) if len(sys.argv) > 2 else 2016
    rows = con.execute(
        "SELECT tsv FROM casualties WHERE seq IN "
        "(SELECT seq FROM casualty_years WHERE year = ?) "
        'AND start >= ? AND "end" <= ? ORDER BY seq',
        (year, f"{year}-01-01", f"{year}-12-31"),
    )
    out.write(HEADER + b"\n")
    out.write(b"".join(r[0] + b"\n" for r in rows))


if __name__ == "__main__":
    main()
