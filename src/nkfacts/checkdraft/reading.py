"""Reading the draft of `nkfacts check`: a file or stdin, in chunks, up to a size cap.

The draft is untrusted: `/dev/zero`, an endless pipe or a huge file must stop at the cap with
a one-line usage error (exit 2), never fill the memory. File names are used as the bytes the
shell gave (`os.fsencode` round trip), so a name that is not valid UTF-8 still opens.
"""

from __future__ import annotations

import os
import sys
from typing import IO

from nkfacts.core.errors import UsageError

# The limits of `check` (README, "Check a draft"): with them any input is answered in about a
# second, and a larger one is refused at once (exit 2).
MAX_DRAFT_BYTES = 512 * 1024  # 512 KiB: some 75,000 words, five long articles
MAX_FIGURES = 500  # casualty figures checked in one draft
MAX_NUMBERS = 20_000  # numbers read in one draft
MAX_DATES = 100_000  # dates and named periods read in one draft
_CHUNK = 1 << 16


def _shown(path: str) -> str:
    from nkfacts.store.cachefiles import shown

    return shown(path)


def read_capped(stream: IO[bytes], name: str, limit: int = MAX_DRAFT_BYTES) -> bytes:
    """Everything in `stream` if it is at most `limit` bytes; UsageError as soon as it is more
    (or as soon as its first 8 KiB hold a NUL byte: binary data)."""
    parts: list[bytes] = []
    total = 0
    while True:
        want = min(_CHUNK, limit + 1 - total)
        chunk = stream.read(want)
        if b"\0" in chunk[: max(0, 8192 - total)]:
            raise UsageError(f"{name}: not text (binary data)")
        parts.append(chunk)
        total += len(chunk)
        if total > limit:
            raise _too_large(name, limit)
        if len(chunk) < want:  # a buffered read is short only at the end (one Ctrl-D ends it)
            return b"".join(parts)


def too_many(what: str, limit: int) -> UsageError:
    return UsageError(
        f"the draft has more than {limit:,} {what}, the limit of `nkfacts check`; split it"
    )


def _too_large(name: str, limit: int) -> UsageError:
    return UsageError(
        f"{name}: the draft is larger than {limit:,} bytes ({limit / 1048576:g} MiB), "
        "the limit of `nkfacts check`; split it"
    )


def read_draft(path: str | None) -> str:
    """The draft's text from a file, or stdin for None or '-'."""
    if path is None or path == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:  # a text stream without bytes underneath (tests)
            text = str(sys.stdin.read(MAX_DRAFT_BYTES + 1))
            if len(text) > MAX_DRAFT_BYTES:
                raise _too_large("stdin", MAX_DRAFT_BYTES)
            return text
        data = read_capped(buffer, "stdin")
    else:
        try:
            with open(os.fsencode(path), "rb") as fh:
                data = read_capped(fh, _shown(path))
        except OSError as exc:
            raise UsageError(
                f"cannot read the draft {_shown(path)}: {exc.strerror or exc}"
            ) from None
    return data.decode("utf-8", errors="replace")
