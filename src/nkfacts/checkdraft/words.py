"""The words that say who and what: parties, categories and measures from the data's own
vocabularies and aliases (`nkfacts.core.vocab`) plus the words writers use for them
('servicemen', 'fled', 'lost', 'KIA'), the region's people and forces as the Artsakh side."""

from __future__ import annotations

import re
from collections.abc import Mapping

from nkfacts.core import vocab


def _words(table: Mapping[str, str], framed: Mapping[str, str] | None = None) -> re.Pattern[str]:
    """The table's words (longest first), then `framed` words: a word that is one only before
    its frame (a lookahead).

    The words are grouped by their first letter (`a(?:rmenia|zeri)|k(?:arabakh)`): the same
    matches in the same order of preference (two words with different first letters never
    match at one place), but each place of a text tries one group instead of every word. A
    case-insensitive alternation of hundreds of words cost ~1 µs per word boundary, 0.4 s on
    a draft at the size cap (the adversarial drafts of `benchmarks/bench.py`)."""
    groups: dict[str, list[str]] = {}
    for a in sorted(table, key=len, reverse=True):
        if a not in (framed or {}):
            rest = re.escape(a[1:]).replace(r"\ ", r"[\s-]+")
            groups.setdefault(a[0].lower(), []).append(rest)
    alts = [
        re.escape(first).replace(r"\ ", r"[\s-]+") + "(?:" + "|".join(rests) + ")"
        for first, rests in groups.items()
    ]
    alts += list((framed or {}).values())
    return re.compile(r"\b(" + "|".join(alts) + r")(?:'s|’s)?\b", re.IGNORECASE)


def _inflected(forms: Mapping[str, str]) -> dict[str, str]:
    """'lose lost' → lose, loses, losing, lost: a verb's forms (a final 'e' dropped before
    -ing), each the measure given. Not for verbs that are nouns too ('release', 'wound')."""
    out = {}
    for spec, measure in forms.items():
        lemma, *rest = spec.split()
        stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
        for form in (lemma, lemma + "s", stem + "ing", *rest):
            out[form] = measure
    return out


def _from_vocab(
    vocabulary: Mapping[str, tuple[str, ...]], skip: set[str], extra: Mapping[str, str]
) -> dict[str, str]:
    table = {}
    for canonical, aliases in vocabulary.items():
        for word in (canonical.lower(), *aliases):
            if word not in skip and len(word) > 2:
                table[word] = canonical
    table.update(extra)
    return table


# The region alone is not a party ('the Nagorno-Karabakh conflict'); its people and forces are
# the Artsakh side: 'Karabakh soldiers', 'people in Nagorno-Karabakh', 'Armenians of the enclave'.
_REGIONS = ("karabakh", "nagorno-karabakh", "artsakh", "the enclave", "the region")
_REGION_PEOPLE = (
    {
        f"{r} {noun}": "Artsakh"
        for r in _REGIONS[:3]
        for noun in (
            "soldiers",
            "troops",
            "forces",
            "servicemen",
            "civilians",
            "people",
            "residents",
            "army",
            "men",
            "fighters",
            "conscripts",
        )
    }
    | {
        f"{noun} {prep} {r}": "Artsakh"
        for r in _REGIONS
        for noun in (
            *("people", "residents", "civilians", "armenians", "inhabitants", "population"),
            *("displaced", "refugees", "evacuees"),
        )
        for prep in ("in", "of", "from")
    }
    | {"the enclave's": "Artsakh", "karabakh's": "Artsakh", "the region's": "Artsakh"}
    # the de facto state by its description: 'three former presidents of the self-declared
    # republic'
    | {f"the {a} republic": "Artsakh" for a in ("self-declared", "breakaway", "unrecognised")}
    | {"the unrecognized republic": "Artsakh"}
)
# Words that name the region or an institution rather than whose losses: not parties alone.
PARTY_WORDS = _from_vocab(
    vocab.PARTIES,
    {"karabakh", "nagorno-karabakh", "total", "both", "combined", "other", "syrians", "syrian"},
    {
        "armenia": "Armenia",
        "yerevan": "Armenia",
        "azerbaijan": "Azerbaijan",
        "baku": "Azerbaijan",
        "artsakh": "Artsakh",
        "stepanakert": "Artsakh",
        "karabakh armenian": "Artsakh",
        "ethnic armenians": "Artsakh",
        "syrian fighters": "Syrian fighters",
        "syrians": "Syrian fighters",
        "syrian mercenaries": "Syrian fighters",
        "both sides": "Both sides",
        "each side": "Both sides",
        "in all": "Both sides",
        "in total": "Both sides",
        "altogether": "Both sides",
        **_REGION_PEOPLE,
        "either side": "Both sides",
        "the two sides": "Both sides",
        "moscow": "Russia",
        # foreign people of no side the data names: 'two French reporters', 'Kuban Cossacks'
        **dict.fromkeys(("french", "german", "italian", "spanish", "dutch", "cossacks"), "Other"),
    },
)
CATEGORY_WORDS = _from_vocab(
    vocab.CATEGORIES,
    {"all", "press", "total", "people", "battle-related", "brd", "combatant"},
    {
        "servicemen": "military",
        "serviceman": "military",
        "servicemembers": "military",
        "soldiers": "military",
        "soldier": "military",
        "troops": "military",
        "conscripts": "military",
        "military": "military",
        "combatants": "military",
        "fighters": "military",
        "civilian": "civilian",
        "residents": "civilian",
        "villagers": "civilian",
        "children": "civilian",
        "farmers": "civilian",
        "shepherds": "civilian",
        "non-combatants": "civilian",
        "mercenaries": "mercenary",
        "syrian fighters": "mercenary",
        "foreign fighters": "mercenary",
        "peacekeeper": "peacekeeper",
        "journalist": "journalist",
        "reporters": "journalist",
        "policeman": "police",
        "police": "police",
    },
)
MEASURE_WORDS = _from_vocab(
    vocab.MEASURES,
    {"returned", "remains", "exchanged", "casualties"},
    {
        "killing": "killed",
        "die": "killed",
        "kill": "killed",
        "kills": "killed",
        "dying": "killed",
        "death toll": "killed",
        "toll": "killed",
        "kia": "killed",
        "killed in action": "killed",
        "wia": "wounded",
        "death": "killed",
        "lost": "killed",
        "losses": "killed",
        "loss": "killed",
        "lives": "killed",
        "wounding": "wounded",
        "injuring": "wounded",
        "injuries": "wounded",
        "unaccounted": "missing",
        "missing in action": "missing",
        "taken prisoner": "captured",
        "prisoners of war": "captured",
        "captives": "captured",
        "repatriated": "released",
        "handed over": "released",
        "in exchange for": "released",
        "fleeing": "displaced",
        "expelled": "displaced",
        "refugee": "displaced",
        "uprooted": "displaced",
        "evacuees": "displaced",
        "arrivals": "displaced",
        "exodus": "displaced",
        "casualties": "casualties",
        "cost": "killed",
        "hurt": "wounded",
        "never accounted for": "missing",
        "vanished": "missing",
        "disappeared": "missing",
        "never came home": "missing",
        "never came back": "missing",
        "never returned": "missing",
        "not accounted for": "missing",
        "fate is unknown": "missing",
        "fate remains unknown": "missing",
        "flee": "displaced",
        "flight": "displaced",
        "forced from": "displaced",
        "driven from": "displaced",
        "left for good": "displaced",
        "had left": "displaced",
        "have left": "displaced",
        "has left": "displaced",
        "left within": "displaced",
        "left their homes": "displaced",
        "lost their homes": "displaced",
        "lost their home": "displaced",
        "left the region": "displaced",
        "go home": "released",
        "went home": "released",
        "to safety": "displaced",
        "buried": "killed",
        "burials": "killed",
        "fallen": "killed",
        "perished": "killed",
        "lost their lives": "killed",
        "needed treatment": "wounded",
        "hospitalised": "wounded",
        "hospitalized": "wounded",
        "arrested": "captured",
        "abducted": "captured",
        "taken captive": "captured",
        "held captive": "captured",
        "taken hostage": "captured",
        "taken into custody": "captured",
        "massacred": "killed",
        "slain": "killed",
        "murdered": "killed",
        "from their homes": "displaced",
        "out of their homes": "displaced",
        "got back": "released",
        "own back": "released",
        "reached armenia": "displaced",
        "arrived in armenia": "displaced",
        "crossed into armenia": "displaced",
        "dies": "killed",
        "left": "displaced",  # framed: `_MEASURE_FRAMED`
        "abandoned": "displaced",  # framed too: 'abandoned Nagorno-Karabakh'
        "prisoner": "captured",  # framed: 'took 28 soldiers prisoner'
        "captive": "captured",
        "hostage": "captured",
        **_inflected(
            {
                "lose lost": "killed",
                "kill killed": "killed",
                "injure injured": "wounded",
                "capture captured": "captured",
                "flee fled": "displaced",
                "evacuate evacuated": "displaced",
                "displace displaced": "displaced",
            }
        ),
        # what became of the missing: 'were never found', 'have not been located'
        **{
            f"{neg} {been}{seen}": "missing"
            for neg in ("never", "not")
            for been in ("", "been ")
            for seen in ("found", "located", "recovered", "identified")
        },
        # prisoners given back: 'Baku handed back 32', 'Yerevan sent home two'
        **{
            f"{verb} {back}": "released"
            for verb in ("handed", "hands", "gave", "given", "gives", "sent", "sends", "flown")
            for back in ("back", "home")
        },
    },
)
# 'left' is a measure only of leaving a place: 'left Baku', 'left the region', 'left home'
# (never 'left 72 dead'); 'prisoner' only after the people taken
_MEASURE_FRAMED = {
    "left": r"left(?=\s+(?:(?-i:[A-Z])|(?:the|their)\s+(?:region|enclave|country|city|homes?)\b|"
    r"home\b))",
    "abandoned": r"abandoned(?=\s+(?:(?-i:[A-Z])|(?:the|their)\s+(?:region|enclave|city|homes?)\b))",
    # 'took 28 Armenian soldiers prisoner', 'held two men hostage': after the people taken
    **{w: rf"(?<=s\s){w}(?!s)" for w in ("prisoner", "captive", "hostage")},
}
# The party words that name a people (a sentence's subject the next sentence may go on about:
# 'Ethnic Armenians of the enclave were uprooted twice. About 90,000 fled …').
_PEOPLE_WORDS = {
    "armenians",
    "azerbaijanis",
    "azeris",
    "russians",
    "syrians",
    "ethnic armenians",
    "karabakh armenians",
    "karabakh armenian",
}
PEOPLE = {k: v for k, v in PARTY_WORDS.items() if k in _PEOPLE_WORDS or k in _REGION_PEOPLE}
PARTY_RE = _words(PARTY_WORDS)
CATEGORY_RE = _words(CATEGORY_WORDS)
MEASURE_RE = _words(MEASURE_WORDS, _MEASURE_FRAMED)
