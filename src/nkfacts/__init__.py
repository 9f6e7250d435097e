"""nkfacts: cited fact lookup for the Nagorno-Karabakh conflict."""

__version__ = "0.1.0"

# Run as the program (`nkfacts`, `python -m nkfacts`): from this first import on, Ctrl-C or
# SIGTERM while the modules load ends the process with a note, not a traceback.
import sys as _sys


def _as_program() -> bool:
    argv0 = _sys.argv[0] if _sys.argv else ""
    if argv0.replace("\\", "/").rsplit("/", 1)[-1] == "nkfacts":
        return True
    orig = list(getattr(_sys, "orig_argv", []))
    return "-m" in orig and orig[orig.index("-m") + 1 : orig.index("-m") + 2] == ["nkfacts"]


if _as_program():
    from nkfacts.core import interrupts as _interrupts

    _interrupts.install_early()
