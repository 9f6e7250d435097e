"""`typing`'s run-time pieces the warm path needs, without importing `typing` (≈ 2 ms of a
≈ 30 ms query; issue 26). To the type checker these are `typing`'s own names (mypy reads
`TYPE_CHECKING` as true whatever module it comes from; ruff is told by `typing-modules` in
pyproject.toml). Modules off the warm path import `typing` as usual.

    from nkfacts.core.statictypes import TYPE_CHECKING
    if TYPE_CHECKING:
        from typing import Any
"""

from __future__ import annotations

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import cast, overload
else:  # what they do at run time

    def cast(_type: object, value: object) -> object:
        return value

    def overload(fn: object) -> object:
        return fn


__all__ = ["TYPE_CHECKING", "cast", "overload"]
