"""SIGINT and SIGTERM end nkfacts cleanly at any moment: a one-line note, exit 128 + signal.

Two phases. While the modules load (`install_early`, first thing in the entry module) there is
nothing to clean up, so a signal writes the note and ends the process at once: no
KeyboardInterrupt traceback from the middle of an import. Once `main()` runs (`install`), a
signal raises `Interrupted`, which unwinds through the `finally`/`except` blocks that remove
temporary files, and the CLI's boundary turns it into the exit code. A second signal while
unwinding ends the process at once, and so does a signal that struck where Python cannot
raise (a weakref callback inside an import). Once the answer is written (`hold`), signals wait
and are dropped at exit: the exit status is the answer's.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from types import FrameType

from nkfacts.core.errors import Interrupted
from nkfacts.core.statictypes import TYPE_CHECKING

if TYPE_CHECKING:
    from sys import UnraisableHookArgs

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


def _unraisable(hook: UnraisableHookArgs) -> None:
    """A signal that struck inside a callback Python cannot raise from (a weakref callback in
    the import system) would be printed as 'Exception ignored' and then forgotten: end the
    process as the signal asked. Anything else goes to the hook that was there before."""
    if isinstance(hook.exc_value, Interrupted):
        _exit_now(hook.exc_value.signum, None)
    _before(hook)


_before = sys.unraisablehook


def install_early() -> None:
    """Signals end the process at once (nothing to clean up yet, or unwinding already)."""
    global _before
    if sys.unraisablehook is not _unraisable:
        _before, sys.unraisablehook = sys.unraisablehook, _unraisable
    _set(_exit_now)


def hold() -> None:
    """The answer is written: signals from now on wait, and are dropped when the process ends.

    Python puts the default actions back while it shuts down, so a Ctrl-C in that last moment
    would kill the process by the signal (status -2, no note) although the answer is complete.
    Blocked, the signal stays pending and the process exits with the status of its answer.
    """
    with contextlib.suppress(AttributeError, OSError, ValueError):  # no pthread_sigmask
        signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)


def install() -> None:
    """Signals raise Interrupted, so temporary files are removed on the way out."""
    _set(_raise)
