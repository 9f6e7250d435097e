"""Queries without the framework: `casualties`, `events`, `positions`, `search`, `disputes`
and `ask` answered without importing Typer or click — in a pipe (tsv, csv, json, jsonl,
markdown) and in a terminal (the tables nkfacts draws itself, `output/table.py`, or a format
asked for) — from the spec that `cli/specgen.py` derives from the Typer app (`cli/spec.py`):
one declaration of commands, options and defaults.

Only what is certain is taken: long and short options exactly as declared (`--opt VALUE`,
`--opt=VALUE`, `-o VALUE`), `--data-dir` before the command, the words of `search`. Anything
else — help, a value starting with "-", an unknown option, another positional argument, `--`,
a bad number, a bounded number (`--limit`), `--format table` into a pipe, a chart, a matrix,
`--version`, completion — returns None and Typer handles the command line as ever.
The commands' bodies and the error boundary are the ones Typer runs (`cli/pipe.py`,
`process.retrying`, `process.exit_status`), so stdout, stderr and exit status are the same
(`tests/test_fast.py` runs the README's command lines and usage errors both ways;
`tests/test_fast_terminal.py` does so in pseudo-terminals of several widths).

On unless NKFACTS_FAST=0 (README, Performance).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from nkfacts.cli.spec import COMPLETION, SPEC, Param
from nkfacts.core.statictypes import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

# The commands the fast path runs, with the flags that leave them to Typer.
FAST: dict[str, tuple[str, ...]] = {
    "casualties": ("chart",),
    "events": (),
    "positions": ("matrix", "by_actor"),
    "search": (),
    "disputes": (),
    "ask": (),
}
PIPE_FORMATS = ("tsv", "csv", "json", "jsonl", "markdown")
# In a terminal: the tables nkfacts draws itself (`output/table.py`), and the data formats
# escaped for a terminal, as the Typer commands print them (the same `cli/pipe.py` bodies).
FORMATS = ("table", *PIPE_FORMATS)


class _Refuse(Exception):
    """Not certain: leave the command line to Typer."""


def enabled(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    return environ.get("NKFACTS_FAST") != "0" and not environ.get("_NKFACTS_COMPLETE")


def parse(argv: list[str]) -> tuple[str, dict[str, Any], str | None] | None:
    """(command, its options' values, --data-dir) or None when Typer must decide."""
    try:
        args = iter(argv)
        root = _options(SPEC[""], args, stop_at_word=True)
        name = root.pop("_word", None)
        if name not in FAST or set(root) - {"data_dir"}:
            return None
        values = _options(SPEC[name], args, stop_at_word=False)
    except _Refuse:
        return None
    if any(values.get(flag) for flag in FAST[name]):
        return None
    given = _defaults(SPEC[name], values)
    for flag in FAST[name]:
        del given[flag]  # off: the pipe function has no such parameter
    return name, given, root.get("data_dir")


def _options(spec: dict[str, Param], args: Iterator[str], stop_at_word: bool) -> dict[str, Any]:
    """The options of one level; with `stop_at_word` the first word is returned as `_word`;
    otherwise words go to the command's one argument that takes every word left."""
    by_opt = {o: name for name, p in spec.items() for o in p[0]}
    words = [name for name, p in spec.items() if p[2] == "argument" and p[4]]
    values: dict[str, Any] = {}
    for arg in args:
        if not arg.startswith("-") or arg == "-":
            if stop_at_word and arg:
                values["_word"] = arg
                return values
            if stop_at_word or len(words) != 1 or not arg or arg == "-":
                raise _Refuse
            values.setdefault(words[0], []).append(arg)
            continue
        opt, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        name = by_opt.get(opt)
        if name is None or spec[name][2] == "argument":
            raise _Refuse  # --help, -h, --, an unknown or abbreviated option, -y2016
        values[name] = _value(spec[name], eq, value, args, values.get(name))
    if stop_at_word or any(w not in values for w in words):
        raise _Refuse  # no command (the root's help), or a missing argument (a usage error)
    return values


def _value(param: Param, eq: str, value: str, args: Iterator[str], before: Any) -> Any:
    kind, flag, many = param[2:5]
    if flag:
        if eq:
            raise _Refuse
        return True
    if not eq:
        value = next(args, None)  # type: ignore[assignment]
        if value is None or value.startswith("-"):
            raise _Refuse
    if kind == "int":
        try:
            converted: Any = int(value)
        except ValueError:
            raise _Refuse from None
    elif kind == "str":
        converted = value
    else:
        raise _Refuse  # e.g. "int range" (`search --limit`): Typer checks the bounds
    return [*(before or []), converted] if many else converted


def _defaults(spec: dict[str, Param], values: dict[str, Any]) -> dict[str, Any]:
    """Every parameter of the command: given, or its default."""
    return {name: values.get(name, p[5]) for name, p in spec.items()}


def complete(environ: dict[str, str] | os._Environ[str] = os.environ) -> int | None:
    """Bash completion of an option's value (`--claimant Az<Tab>`), printed as Typer prints
    it; None (Typer answers) for other shells, option names, commands, arguments, quotes or
    backslashes on the line, or anything the parser is not certain of."""
    if environ.get("NKFACTS_FAST") == "0" or environ.get("_NKFACTS_COMPLETE") != "complete_bash":
        return None
    line, cword = environ.get("COMP_WORDS", ""), environ.get("COMP_CWORD", "")
    plain = all(c in " \t\r\n" or not c.isspace() for c in line)
    if not (cword.isascii() and cword.isdigit()) or not plain or any(c in line for c in "\"'\\"):
        return None
    words = line.split()
    n = int(cword)
    incomplete = words[n] if 0 < n < len(words) else ""
    found = _completing(words[1:n], incomplete) if n <= len(words) else None
    if found is None:
        return None
    source, data_dir = found
    from nkfacts.cli import completing

    if source[0] == "index":
        values = completing.from_index(data_dir, source[1], incomplete)
    else:
        values = completing.from_values(source[1:], incomplete)
    import sys

    sys.stdout.write("".join(v + "\n" for v in values if v.startswith(incomplete)) or "\n")
    return 0


def _completing(args: list[str], incomplete: str) -> tuple[tuple[str, ...], str | None] | None:
    """What the value being typed completes from, and --data-dir; None when not certain."""
    if not args or incomplete.startswith("-") or "=" in incomplete:
        return None
    try:
        it = iter(args[:-1])
        root = _options(SPEC[""], it, stop_at_word=True)
        name = root.pop("_word", None)
        if name not in COMPLETION or set(root) - {"data_dir"}:
            return None
        spec = SPEC[name]
        if any(p[2] == "argument" for p in spec.values()):
            return None  # the words before an option are the argument's: left to Typer
        _options(spec, it, stop_at_word=False)
    except _Refuse:
        return None
    param = next((p for p, opts in spec.items() if args[-1] in opts[0]), None)
    if param is None or spec[param][3] or param not in COMPLETION[name]:
        return None
    return COMPLETION[name][param], root.get("data_dir")


def run(argv: list[str]) -> int | None:
    """The exit status of the command line answered here, or None (Typer answers it)."""
    parsed = parse(argv)
    if parsed is None:
        return None
    name, values, data_dir = parsed
    from nkfacts.output.terminal import Output

    where = Output.stdout()
    try:
        fmt = where.format(values.get("fmt"))
    except Exception:  # an unknown format: Typer's path reports it
        return None
    if fmt not in (FORMATS if where.isatty else PIPE_FORMATS):
        return None
    from nkfacts.cli import pipe, process

    body: Callable[..., None] = getattr(pipe, name)
    try:
        process.retrying(body, data_dir, **values)
    except BaseException as exc:
        return process.exit_status(exc)
    return 0
