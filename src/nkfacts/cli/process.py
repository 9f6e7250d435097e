"""The process around a command: exit statuses, standard streams, argv, final flush.

The one mapping from an exception to a message on stderr and a documented exit code lives
here (`exit_status`), used by the CLI's error boundary and by `main()` alike. No Typer here.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from collections.abc import Callable

from nkfacts.core.errors import ExitStatus, Interrupted, NkfactsError
from nkfacts.core.statictypes import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

_WRITE_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def exit_status(exc: BaseException) -> int:
    """The one mapping from an exception to a message on stderr and a documented exit code."""
    if isinstance(exc, NkfactsError):
        err(str(exc))
        return int(exc.exit_status)
    if isinstance(exc, BrokenPipeError):
        quiet_pipe()
        return int(ExitStatus.OK)
    if isinstance(exc, (KeyboardInterrupt, Interrupted)):
        from nkfacts.core.interrupts import message

        signum = exc.signum if isinstance(exc, Interrupted) else 2
        err(message(signum))
        return 128 + signum
    if (isinstance(exc, OSError) and exc.errno in _WRITE_ERRNOS) or disk_full(exc):
        quiet_pipe()  # nothing more can be written; keep the exit quiet
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        err(f"cannot write output: {reason}")
        return int(ExitStatus.IO_ERROR)
    if isinstance(exc, OSError) and exc.filename is not None:
        from nkfacts.store.cachefiles import shown

        err(f"{shown(exc.filename)}: {exc.strerror or exc}")
        return int(ExitStatus.INVALID_DATA)
    if os.environ.get("NKFACTS_DEBUG"):
        raise exc
    err(f"internal error: {type(exc).__name__}: {exc} (NKFACTS_DEBUG=1 shows the traceback)")
    return int(ExitStatus.INTERNAL)


def retrying(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """`fn(*args, **kwargs)`; a query that fails inside SQLite means a damaged index cache:
    it is set aside and `fn` runs once more on a fresh one (the error boundary's first half)."""
    try:
        return fn(*args, **kwargs)
    except sqlite3.DatabaseError as exc:
        from nkfacts.store import cachefiles, index

        damaged = None if disk_full(exc) else index.discard_last()
        if damaged is None:
            raise
        err(f"the index cache {cachefiles.shown(damaged)} is damaged ({exc}); rebuilding it")
        return fn(*args, **kwargs)


def disk_full(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "disk is full" in str(exc)


def err(message: str) -> None:
    """A message on stderr; in a terminal, each line wrapped at its width (words stay whole).
    Whatever it quotes (values, paths, arguments) is escaped for a terminal (README, Security)."""
    try:
        from nkfacts.core.escape import terminal

        text = f"nkfacts: {terminal(message, chr(10))}"
        if sys.stderr.isatty():
            text = _wrapped(text, os.get_terminal_size(sys.stderr.fileno()).columns)
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    except Exception:  # closed or missing stderr must never change the exit code
        pass


def _wrapped(text: str, width: int) -> str:
    from nkfacts.output.textcells import wrap

    out = []
    for line in text.split("\n"):
        body = line.lstrip(" ")
        indent = " " * (len(line) - len(body))
        room = max(20, width - len(indent))
        out += [indent + piece for piece in wrap(body, room, breakable=True)]
    return "\n".join(out)


def quiet_pipe() -> None:
    """The reader went away (`| head`) or the disk is full: discard whatever is still buffered."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


_PATH_OPTIONS = ("--data-dir", "--sources", "--output", "-o")
_PATH_PREFIXES = tuple(o + "=" for o in _PATH_OPTIONS)
_CHECK_VALUES = ("--cite", "--format", "-f")  # options of `check` that take a value


def _command_at(argv: list[str]) -> int | None:
    """Where the command is: the first word that is not an option or a path option's value."""
    skip = False
    for i, word in enumerate(argv):
        if skip:
            skip = False
        elif word in _PATH_OPTIONS:
            skip = True
        elif not word.startswith("-"):
            return i
    return None


def clean_argv(argv: list[str]) -> list[str]:
    """Arguments that were not valid UTF-8 get U+FFFD for the bad bytes (a clean 'unknown
    value' or 'no match' later); the values of path options and the draft named after `check`
    keep their bytes, as paths may."""
    out: list[str] = []
    keep = False
    at = _command_at(argv)
    start = at + 1 if at is not None and argv[at] == "check" else len(argv)
    for i, arg in enumerate(argv):
        # `check FILE`: the draft's name is a path too (any bytes a file name may hold).
        draft = i >= start and not arg.startswith("-") and argv[i - 1] not in _CHECK_VALUES
        if not keep and not draft and not arg.startswith(_PATH_PREFIXES):
            try:
                arg.encode("utf-8")
            except UnicodeEncodeError:
                try:
                    arg = os.fsencode(arg).decode("utf-8", "replace")
                except UnicodeError:
                    arg = arg.encode("utf-8", "replace").decode("utf-8")
        out.append(arg)
        keep = arg in _PATH_OPTIONS
    return out


def std_streams() -> None:
    """A closed stdin/stdout/stderr (`2>&-`) becomes /dev/null: output and notes are dropped,
    exit codes stay as documented, and no file we open later can land on fd 0-2."""
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
            if getattr(sys, name) is not None:
                continue
        except OSError:
            try:
                null = os.open(os.devnull, os.O_RDWR)
                if null != fd:
                    os.dup2(null, fd)
                    os.close(null)
            except OSError:
                continue
        setattr(sys, name, open(fd, "r" if fd == 0 else "w", closefd=False))  # noqa: SIM115
    _safe_encoding()
    cols = os.environ.get("COLUMNS", "")
    if cols.isascii() and cols.isdigit() and (len(cols) > 4 or int(cols) > 1000):
        os.environ["COLUMNS"] = "1000"  # rich, click and our tables all read it


def _safe_encoding() -> None:
    """An output encoding that cannot hold a character (PYTHONIOENCODING=ascii, LC_ALL=C, a
    Latin-1 terminal) writes it as `\\uXXXX` instead of failing (exit 70)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = str(getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding.replace("_", "") == "utf8":
            errors = "backslashreplace"  # only a lone surrogate; no import on the fast path
        else:
            from nkfacts.core.escape import ENCODE_ERRORS as errors
        try:
            stream.reconfigure(errors=errors)  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            continue


def finish(code: int) -> int:
    """Flush what is still buffered: a closed pipe is quiet, a full disk is exit 74."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BaseException as exc:
        status = exit_status(exc)
        return code if status == 0 else status
    return code
