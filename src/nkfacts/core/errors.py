"""Domain exceptions and exit codes. Only cli.py turns these into process exits."""

from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    """Documented exit codes (README, `nkfacts --help`)."""

    OK = 0
    NO_MATCH = 1
    USAGE = 2
    INVALID_DATA = 3
    FIGURES_DIFFER = 4  # `check`: some figure of the draft differs from every recorded claim
    INTERNAL = 70  # a bug in nkfacts (EX_SOFTWARE); NKFACTS_DEBUG=1 shows the traceback
    IO_ERROR = 74  # the output could not be written (EX_IOERR): full disk, I/O error
    INTERRUPTED = 130  # SIGINT (Ctrl-C): 128 + 2
    TERMINATED = 143  # SIGTERM (kill, timeout, systemd, docker stop): 128 + 15


class NkfactsError(Exception):
    """Base class: the message is shown to the user as is."""

    exit_status = ExitStatus.INVALID_DATA


class UsageError(NkfactsError):
    """The user asked for something that does not exist (unknown value, bad date, ...)."""

    exit_status = ExitStatus.USAGE


class NoMatch(NkfactsError):
    """A query matched nothing; like grep, exit 1 with a note on stderr."""

    exit_status = ExitStatus.NO_MATCH


class DataError(NkfactsError):
    """The data files cannot be read or are invalid; carries the validation report."""

    exit_status = ExitStatus.INVALID_DATA

    def __init__(self, message: str, problems: list[dict[str, object]] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived: unwind (removing temporary files) and exit 128 + signal.

    A BaseException, like KeyboardInterrupt, so that no `except Exception` swallows it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.exit_status = 128 + signum
