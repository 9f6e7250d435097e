"""SIGINT and SIGTERM end nkfacts cleanly at any moment: a one-line note, exit 128 + signal.

Two phases. While the modules load (`install_early`, first thing in the entry module) there is
nothing to clean up, so a signal writes the note and ends the process at once: no
KeyboardInterrupt traceback from the middle of an import. Once `main()` runs (`install`), a
signal raises `Interrupted`, which unwinds through the `finally`/`except` blocks that remove
temporary files, and the CLI's boundary turns it into the exit code. A second signal while
unwinding ends the process at once.
"""

from __future__ import annotations

import contextlib
import os
import signal
from types import FrameType

from nkfacts.core.errors import Interrupted

SIGNALS = (signal.SIGINT, signal.SIGTERM)


def message(signum: int) -> str:
    return "interrupted" if signum == signal.SIGINT else "terminated"


def _exit_now(signum: int, frame: FrameType | None) -> None:
    with contextlib.suppress(OSError):
        os.write(2, f"nkfacts: {message(signum)}\n".encode())
    os._exit(128 + signum)


def _raise(signum: int, frame: FrameType | None) -> None:
    install_early()  # a second signal while unwinding: stop at once
    raise Interrupted(signum)


def _set(handler: signal.Handlers | object) -> None:
    for signum in SIGNALS:
        if signal.getsignal(signum) == signal.SIG_IGN:
            continue  # ignored by whoever started us (nohup, `cmd &`): keep it so
        # Not the main thread, or an exotic platform: keep the defaults.
        with contextlib.suppress(OSError, ValueError):
            signal.signal(signum, handler)  # type: ignore[arg-type]


def install_early() -> None:
    """Signals end the process at once (nothing to clean up yet, or unwinding already)."""
    _set(_exit_now)


def install() -> None:
    """Signals raise Interrupted, so temporary files are removed on the way out."""
    _set(_raise)
