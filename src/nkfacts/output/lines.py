"""Pre-rendered lines to a stream: the JSON and TSV rows stored in the index, written as they
are read, batch by batch. Nothing here knows the views (`output/views.py`): a warm pipe query
imports neither them nor `typing` (issue 26); the TSV header comes with the rows (the index
stores each view's header line when it stores the rows rendered under it)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from nkfacts.core.statictypes import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import BinaryIO, TextIO


def write(
    batches: Iterable[Sequence[str] | Sequence[bytes]],
    fmt: str,
    out: TextIO,
    *,
    header: str | None = None,
) -> None:
    """Write pre-rendered lines batch by batch, holding one batch at a time (a full dump's
    memory stays flat). `json` is one array with one object per line, so it streams and
    diffs well. Lines come as text, or as UTF-8 bytes straight from the index (written to the
    byte stream when the stream encodes UTF-8)."""
    sink = _Sink(out)
    if header is not None:
        sink.write(header + "\n")
    n = 0
    for batch in batches:
        if not batch:
            continue
        if fmt == "json":
            sink.write("[\n" if n == 0 else ",\n")
            sink.join(batch, ",\n", "")
        else:
            sink.join(batch, "\n", "\n")
        n += len(batch)
    if fmt == "json":
        sink.write("\n]\n" if n else "[]\n")
    sink.close()


class _Sink:
    """Text or UTF-8 bytes to one stream: bytes go to its byte buffer when it has one and
    encodes UTF-8 (text is flushed before them, so the order of writes is kept)."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.buffer: BinaryIO | None = None
        if hasattr(out, "buffer") and _utf8(out):
            out.flush()
            self.buffer = out.buffer

    def write(self, chunk: str | bytes) -> None:
        if isinstance(chunk, str):
            self.out.write(chunk)  # the stream's own encoder and error handler
            if self.buffer is not None:
                self.out.flush()  # before any bytes go to its buffer
        elif self.buffer is not None:
            self.buffer.write(chunk)
        else:
            self.out.write(chunk.decode("utf-8"))

    def join(self, batch: Sequence[str] | Sequence[bytes], sep: str, end: str) -> None:
        """The batch's lines joined by `sep`, then `end`."""
        if isinstance(batch[0], bytes):
            self.write(sep.encode().join(batch) + end.encode())  # type: ignore[arg-type]
        else:
            self.write(sep.join(batch) + end)  # type: ignore[arg-type]

    def close(self) -> None:
        if self.buffer is not None:
            self.buffer.flush()


def _utf8(out: TextIO) -> bool:
    """Whether the stream encodes UTF-8 (else pre-rendered bytes go through its encoder)."""
    name = str(getattr(out, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return name == "utf8"
