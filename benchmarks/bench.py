"""Performance targets of nkfacts, measured as ratios in one run (issue: "Instant at any size").

Usage: python benchmarks/bench.py [--rounds N] [--records N]

Runs in the current virtualenv (nkfacts must be installed there). Every ratio compares medians
of interleaved runs against the framework floor, `python -c "import typer"`, measured in the
same rounds. Also builds a data directory with --records casualty records (the real ones
replicated under new ids) and measures the cold rebuild, the warm query there, and peak memory.
Prints a table and exits 1 if any target is missed.
"""

from __future__ import annotations

import argparse
import os
import pty
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

import nkfacts.core.paths

PY = sys.executable
NK = [PY, "-m", "nkfacts"]
BIN = shutil.which("nkfacts", path=str(Path(PY).parent)) or "nkfacts"


# `ask` against the view it routes to (the same records): what reading the question costs.
ASK = [BIN, "ask", "How many Armenian soldiers died in the 2020 war?", "--format", "tsv"]
ASK_VIEW = [BIN, "casualties", "--party", "Armenia", "--category", "military", "--measure"]
ASK_VIEW += ["killed", "--from", "2020-09-27", "--to", "2020-11-10", "--overlapping"]
ASK_VIEW += ["--format", "tsv"]


def run(cmd: list[str], env: dict[str, str], tty: bool = False) -> tuple[float, int, int]:
    """Wall time (s), peak RSS (KB) and exit code of one command; stdout to /dev/null or a pty."""
    if tty:
        master, slave = pty.openpty()
        out: int = slave
    else:
        out = subprocess.DEVNULL
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, env=env)
    if tty:
        os.close(slave)
        while True:  # drain the pty so the child never blocks
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    if tty:
        os.close(master)
    if proc.stderr:
        proc.stderr.close()
    return elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


class NoAliasDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """nkfacts refuses YAML aliases, so the replicated records must not share nodes."""

    def ignore_aliases(self, data: object) -> bool:
        return True


CHUNK = 100_000  # records per file: a larger data set is a folder of files (issue 26)


def big_data(n: int, dest: Path, vary: bool = False) -> Path:
    """A data dir with n casualty records: the real ones replicated under new ids (with
    `vary`, each copy's figure raised by its copy number, so every copy is a claim of its own
    and `disputes` has that many claims to compare). Up to CHUNK records go to casualties.yaml;
    more go to a folder casualties/*.yaml of CHUNK records each (no file near the size cap)."""
    src = Path(nkfacts.core.paths.builtin_data_dir())
    shutil.copytree(src, dest)
    recs = yaml.safe_load((src / "casualties.yaml").read_text(encoding="utf-8"))
    if vary:
        texts = (_dump([_copy(recs[k % len(recs)], k // len(recs), True)]) for k in range(n))
    else:  # each record dumped once, its copies by replacing the copy number (fast at 1M)
        tpl = [_dump([_copy(r, "COPYNUM", False)]) for r in recs]
        texts = (tpl[k % len(recs)].replace("COPYNUM", str(k // len(recs))) for k in range(n))
    if n <= CHUNK:
        (dest / "casualties.yaml").write_text("".join(texts), encoding="utf-8")
        return dest
    (dest / "casualties.yaml").unlink()
    folder = dest / "casualties"
    folder.mkdir()
    for part in range(0, n, CHUNK):
        with (folder / f"part{part // CHUNK:03d}.yaml").open("w", encoding="utf-8") as f:
            for _ in range(min(CHUNK, n - part)):
                f.write(next(texts))
    return dest


def check_drafts(tmp: Path, env: dict[str, str]) -> tuple[float, int, str]:
    """`check` on adversarial drafts at its size cap and on a 5 MB one (refused at once):
    the slowest wall time (s), the largest peak RSS (KB) and the slowest draft's name."""
    from nkfacts.checkdraft.reading import MAX_DRAFT_BYTES as cap

    example = (Path(__file__).resolve().parent.parent / "tests/data/check_example.md").read_text()
    prose = example.split("\n", 2)[2]
    units = {
        "prose": prose,
        "one-line example": example.replace("\n", " "),
        "<": "<",
        "](": "](",
        "2016 ": "2016 ",
        "one-": "one-",
        "A. ": "A. ",
        "1 ": "1 ",
    }
    worst = (0.0, 0, "")
    rss = 0
    for name, unit in [*units.items(), ("5 MB prose", prose)]:
        size = 5_000_000 if name == "5 MB prose" else cap
        draft = tmp / "draft.md"
        draft.write_text((unit * (size // len(unit) + 1))[:size])
        t, m, code = run([BIN, "check", str(draft), "--format", "json"], env)
        assert code in (0, 2, 4), (name, code)
        worst = max(worst, (t, m, name))
        rss = max(rss, m)
    return worst[0], rss, worst[2]


def two_thousand_words() -> str:
    """A 2,000-word draft of varied prose: the labelled drafts of the check corpus, joined."""
    corpus = Path(__file__).resolve().parent.parent / "tests" / "data" / "check_eval"
    drafts = yaml.safe_load((corpus / "corpus.yaml").read_text(encoding="utf-8"))["drafts"]
    text, words = [], 0
    while words < 2000:
        for d in drafts:
            text.append(d["text"])
            words += len(d["text"].split())
            if words >= 2000:
                break
    return "\n\n".join(text)


def check_seconds(rounds: int) -> float:
    """Median seconds of `nkfacts.checkdraft.check` on a 2,000-word draft (claims loaded once,
    as the command does before checking)."""
    from nkfacts import checkdraft
    from nkfacts.answers import query
    from nkfacts.store.index import open_index

    claims = [c for c in query.casualties(open_index(nkfacts.core.paths.data_dir(None)))]
    draft = two_thousand_words()
    times = []
    for _ in range(max(3, rounds)):
        t0 = time.perf_counter()
        checkdraft.check(draft, claims)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _copy(r: dict[str, object], i: object, vary: bool) -> dict[str, object]:
    c = dict(r)
    c["id"] = f"{r['id']}-x{i}"
    if r.get("part_of"):  # a part names the whole of its own copy
        c["part_of"] = f"{r['part_of']}-x{i}"
    if vary and i:
        c["low"] = int(str(r["low"])) + int(str(i))
        c["high"] = int(str(r.get("high", r["low"]))) + int(str(i))
        c["quote"] = str(c["quote"])  # figure no longer in the quote: not checked here
    return c


def _dump(items: list[dict[str, object]]) -> str:
    return str(yaml.dump(items, Dumper=NoAliasDumper, allow_unicode=True, sort_keys=False))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--disputes-records", type=int, default=50_000)
    ap.add_argument(
        "--million",
        action="store_true",
        help="also rebuild, dump and show 1,000,000 records (a folder of files; minutes)",
    )
    ap.add_argument("--scale-rounds", type=int, default=3, help="rounds of the dump/show runs")
    ap.add_argument("--generate", metavar="DIR", help=argparse.SUPPRESS)
    ap.add_argument("--vary", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.generate:
        big_data(args.records, Path(args.generate), vary=args.vary)
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="nkbench-"))
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp / "cache"), COLUMNS="120")
    env.pop("NKFACTS_DATA_DIR", None)
    q = [BIN, "casualties", "--year", "2016"]
    comp_env = dict(
        env,
        _NKFACTS_COMPLETE="complete_bash",
        COMP_WORDS="nkfacts casualties --claimant Az",
        COMP_CWORD="3",
    )
    print(
        f"python {sys.version.split()[0]}; nkfacts at {BIN}; {args.rounds} interleaved rounds",
        flush=True,
    )
    # Generated in a child process: the children measured below must not inherit this
    # process's memory high-water mark (Linux carries ru_maxrss across fork/exec).
    big = tmp / "big"
    subprocess.run(
        [PY, __file__, "--records", str(args.records), "--generate", str(big)], check=True
    )
    big_q = [BIN, "--data-dir", str(big), "casualties", "--year", "2016", "--format", "tsv"]
    varied = tmp / "varied"
    n_disp = args.disputes_records
    subprocess.run(
        [PY, __file__, "--records", str(n_disp), "--generate", str(varied), "--vary"], check=True
    )
    disputes_q = [BIN, "--data-dir", str(varied), "disputes", "--format", "tsv"]
    run(disputes_q, env)  # builds that index; the query below is the warm one
    t_disputes, _, code = run(disputes_q, env)
    assert code == 0, "disputes on the varied data failed"

    # Cold rebuild of the big index (first query after the data changed), with peak memory.
    t_cold, rss_cold, code = run(big_q, env)
    assert code == 0, "big query failed"
    # The data changed (a touch is not enough: the index checks content, not only mtime).
    with (big / "casualties.yaml").open("a", encoding="utf-8") as f:
        f.write("# changed\n")
    proc = subprocess.run(big_q, env=env, capture_output=True, text=True)
    progress_shown = "building index" in proc.stderr
    # Warm both indexes: the first query after a rebuild may hash a just-changed file once.
    run(big_q, env)
    run([*q, "--format", "tsv"], env)

    # The practical floor (issue 26): a bare script printing the same bytes from the index.
    data = str(nkfacts.core.paths.builtin_data_dir())
    script = [PY, str(Path(__file__).with_name("floor.py")), data]
    same = subprocess.run(script, env=env, capture_output=True).stdout
    assert same == subprocess.run([*q, "--format", "tsv"], env=env, capture_output=True).stdout
    typer_env = dict(env, NKFACTS_FAST="0")
    cases = {
        "floor": ([PY, "-c", "import typer"], env, False),
        "script": (script, env, False),
        "json": ([*q, "--format", "json"], env, False),
        "search": ([BIN, "search", "Shusha", "--format", "tsv"], env, False),
        "disputes_real": ([BIN, "disputes", "--format", "tsv"], env, False),
        "tsv": ([*q, "--format", "tsv"], env, False),
        "table_pty": (q, env, True),
        "help": ([BIN, "--help"], env, True),
        "completion": ([BIN], comp_env, False),
        "big_tsv": (big_q, env, False),
        "ask": (ASK, env, False),
        "ask_view": (ASK_VIEW, env, False),
        # The fast path is on by default (issue 26): the same queries through Typer.
        "typer_tsv": ([*q, "--format", "tsv"], typer_env, False),
        "typer_json": ([*q, "--format", "json"], typer_env, False),
        "typer_search": ([BIN, "search", "Shusha", "--format", "tsv"], typer_env, False),
        "typer_table_pty": (q, typer_env, True),
        # `disputes` with dates is computed on every call (without, it is stored on first use).
        "disputes_2020": ([BIN, "disputes", "--year", "2020", "--format", "tsv"], env, False),
    }
    times: dict[str, list[float]] = {k: [] for k in cases}
    rss: dict[str, int] = dict.fromkeys(cases, 0)
    for _ in range(args.rounds):
        for name, (cmd, e, tty) in cases.items():
            t, m, code = run(cmd, e, tty)
            assert code == 0, (name, code)
            times[name].append(t)
            rss[name] = max(rss[name], m)
    med = {k: statistics.median(v) for k, v in times.items()}
    floor = med["floor"]
    rows = [
        ("warm `casualties --year 2016 --format tsv` / floor", med["tsv"] / floor, 1.25),
        (
            "`ask` − the view it routes to (ms; issue 22)",
            (med["ask"] - med["ask_view"]) * 1e3,
            50.0,
        ),
        ("warm table in a pty / floor", med["table_pty"] / floor, 2.0),
        ("`--help` / floor", med["help"] / floor, 1.6),
        ("shell completion / floor", med["completion"] / floor, 1.25),
        (f"warm query, {args.records:,} records / real data", med["big_tsv"] / med["tsv"], 1.5),
    ]
    print("\nmedians: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in med.items()))
    ok = True
    print(f"\n{'measure':58} {'value':>8} {'target':>8}")
    for label, value, target in rows:
        ok &= value <= target
        print(
            f"{label:58} {value:8.2f} {'≤' + str(target):>8} {'ok' if value <= target else 'MISSED'}"
        )
    checks = [
        ("`check` of a 2,000-word draft, in process (s)", check_seconds(args.rounds), 0.5),
        (f"first query after data change, {args.records:,} records (s)", t_cold, 60.0),
        ("peak memory of that rebuild (MB)", rss_cold / 1024, 300.0),
        ("peak memory of a warm big query (MB)", rss["big_tsv"] / 1024, 300.0),
        (f"`disputes`, {n_disp:,} distinct claims (s)", t_disputes, 10.0),
    ]
    t_check, rss_check, slowest = check_drafts(tmp, env)
    checks += [
        (f"`check`, slowest adversarial draft at the cap (s): {slowest}", t_check, 2.0),
        ("peak memory of `check` on those drafts (MB)", rss_check / 1024, 500.0),
    ]
    for label, value, target in checks:
        ok &= value <= target
        print(
            f"{label:58} {value:8.1f} {'≤' + str(target):>8} {'ok' if value <= target else 'MISSED'}"
        )
    base = med["script"]
    print("\nagainst the minimal script (benchmarks/floor.py; issue 26's targets, reported only):")
    against: tuple[tuple[str, str, float | None], ...] = (
        ("warm TSV", "tsv", 2.0),
        ("warm JSON", "json", 2.0),
        ("completion", "completion", 2.0),
        ("search Shusha", "search", 2.5),
        ("disputes", "disputes_real", 2.5),
        ("table in a pty", "table_pty", 3.0),
        ("warm TSV, Typer path (NKFACTS_FAST=0)", "typer_tsv", None),
        ("warm JSON, Typer path (NKFACTS_FAST=0)", "typer_json", None),
        ("search Shusha, Typer path (NKFACTS_FAST=0)", "typer_search", None),
        ("table in a pty, Typer path (NKFACTS_FAST=0)", "typer_table_pty", None),
        ("disputes --year 2020 (computed on each call)", "disputes_2020", None),
    )
    for label, name, goal in against:
        value = med[name] / base
        shown = "" if goal is None else "≤" + str(goal)
        print(f"{label + ' / script':58} {value:8.2f} {shown:>8}")
    print(f"{'progress shown on stderr during the slow rebuild':58} {progress_shown!s:>8}")
    ok &= progress_shown or t_cold < 1
    print(f"\nissue 26 at scale (reported only; {args.scale_rounds} interleaved rounds):")
    targets = scale_targets(big, args.records, t_cold, rss_cold, env, args.scale_rounds)
    targets += [("cold rebuild of the real data (s; unchanged or faster)", cold_real(env), None)]
    if args.million:
        million = tmp / "million"
        subprocess.run(
            [PY, __file__, "--records", "1000000", "--generate", str(million)], check=True
        )
        t_m, rss_m, code = run([BIN, "--data-dir", str(million), *big_q[3:]], env)
        assert code == 0, "the million-record rebuild failed"
        targets += scale_targets(million, 1_000_000, t_m, rss_m, env, args.scale_rounds)
    for label, value, goal in targets:
        verdict = "" if goal is None else ("ok" if value <= goal else "MISSED")
        shown_target = "" if goal is None else f"≤{goal:g}"
        print(f"{label:58} {value:8.2f} {shown_target:>8} {verdict}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if ok else 1


SHOW_ID = "ev-nk-1988-02-20-nkao-vote"  # an event: its output is the same at any size


def scale_targets(
    data: Path, n: int, t_rebuild: float, rss_rebuild: int, env: dict[str, str], rounds: int
) -> list[tuple[str, float, float | None]]:
    """Issue 26's targets on a generated data dir whose index was just rebuilt: rebuild per
    record, its peak memory, index size against the YAML, a full JSON-lines dump against the
    minimal script (time and peak memory), `show` against the real data."""
    yaml_size = sum(f.stat().st_size for f in data.rglob("*.yaml"))
    index = _index_file(data, env)
    dump = [BIN, "--data-dir", str(data), "casualties", "--format", "jsonl"]
    floor_dump = [PY, str(Path(__file__).with_name("floor.py")), str(data), "--dump"]
    assert _digest(floor_dump, env) == _digest(dump, env), "the dump differs from the script's"
    show_big = [BIN, "--data-dir", str(data), "show", SHOW_ID, "--format", "json"]
    show_real = [BIN, "show", SHOW_ID, "--format", "json"]
    typer_env = dict(env, NKFACTS_FAST="0")
    cases = {
        "dump": (dump, env),
        "dump_typer": (dump, typer_env),
        "floor_dump": (floor_dump, env),
        "show": (show_big, env),
        "show_real": (show_real, env),
    }
    times: dict[str, list[float]] = {k: [] for k in cases}
    rss: dict[str, int] = dict.fromkeys(cases, 0)
    for _ in range(rounds):
        for name, (cmd, e) in cases.items():
            t, m, code = run(cmd, e)
            assert code == 0, (name, code)
            times[name].append(t)
            rss[name] = max(rss[name], m)
    med = {k: statistics.median(v) for k, v in times.items()}
    label = f"{n:,} records:"
    out: list[tuple[str, float, float | None]] = [
        (f"{label} rebuild per record (µs)", t_rebuild / n * 1e6, 100.0 if n <= 200_000 else None),
        (f"{label} rebuild, first query after the change (s)", t_rebuild, 150.0),
        (f"{label} rebuild peak memory (MB)", rss_rebuild / 1024, 600.0),
        (f"{label} index size / YAML size", index.stat().st_size / yaml_size, 4.0),
        (f"{label} full JSONL dump / minimal script", med["dump"] / med["floor_dump"], 1.3),
        (
            f"{label} the same, Typer path (NKFACTS_FAST=0)",
            med["dump_typer"] / med["floor_dump"],
            None,
        ),
        (f"{label} full JSONL dump peak memory (MB)", rss["dump"] / 1024, 50.0),
        (f"{label} minimal script's dump peak memory (MB)", rss["floor_dump"] / 1024, None),
        (f"{label} `show {SHOW_ID}` / real data", med["show"] / med["show_real"], 1.5),
    ]
    return out


def _digest(cmd: list[str], env: dict[str, str]) -> str:
    """SHA-256 of a command's stdout, read in chunks: this process must not hold a dump (its
    memory high-water mark would be inherited by the children measured after it)."""
    import hashlib

    h = hashlib.sha256()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env)
    assert proc.stdout is not None
    while chunk := proc.stdout.read(1 << 20):
        h.update(chunk)
    assert proc.wait() == 0, cmd
    return h.hexdigest()


def _index_file(data: Path, env: dict[str, str]) -> Path:
    """The index file of `data` under the benchmark's cache."""
    import zlib

    key = zlib.crc32(os.path.realpath(data).encode("utf-8", "surrogateescape"))
    return Path(env["XDG_CACHE_HOME"]) / "nkfacts" / f"index-{key:08x}.sqlite"


def cold_real(env: dict[str, str], rounds: int = 3) -> float:
    """Median first query on the real data with an empty cache (a full rebuild)."""
    times = []
    for i in range(rounds):
        cold_env = dict(env, XDG_CACHE_HOME=f"{env['XDG_CACHE_HOME']}-cold{i}")
        t, _, code = run([BIN, "casualties", "--year", "2016", "--format", "tsv"], cold_env)
        assert code == 0
        times.append(t)
    return statistics.median(times)


if __name__ == "__main__":
    sys.exit(main())
