"""What a figure counts. A casualty figure is a count of people (or of deaths, casualties,
bodies) with a measure that applies to them: a number of anything else is never one, whatever
its sentence says of the figures around it — 'two Soviet-era conflicts', '12 dyads', 'buried
in three cemeteries', '40 pages'; nor a number of people who stayed ('50 Armenians left in
the region', 'some 100 remained') or who live somewhere ('home to 60,000 Armenians', 'a
village of 300 people')."""

from __future__ import annotations

import re


def _words(text: str) -> list[str]:
    return text.split()


# Nouns of people and of what befalls them, as writers count them (plural, lower case; a
# nation's name is capitalised and never tried). A plural noun not in this list counts
# things: 'conflicts', 'dyads', 'pages', 'cemeteries', 'rounds', 'delegations'.
_PEOPLE = frozenset(
    _words(
        """soldiers servicemen servicemembers troops civilians people persons men women children
        boys girls babies infants teenagers minors adults elderly pensioners residents
        inhabitants villagers citizens nationals refugees evacuees migrants returnees
        arrivals displaced prisoners captives detainees hostages internees pows fighters
        militants militiamen mercenaries combatants volunteers conscripts recruits
        reservists cadets officers commanders generals sergeants privates guards
        policemen police personnel pilots sailors crewmen crews medics doctors nurses
        paramedics rescuers firefighters deminers sappers engineers workers farmers
        shepherds herders drivers journalists reporters correspondents cameramen
        photographers bloggers advisers advisors instructors specialists contractors
        diplomats observers monitors experts delegates students pupils teachers patients
        relatives members families individuals souls victims ones others dead deaths
        casualties fatalities losses lives bodies remains wounded injured missing killed
        survivors peacekeepers gunmen snipers saboteurs infiltrators attackers defenders
        spies agents staff employees clergy priests servicepeople forces presidents
        leaders ministers officials politicians deputies lawmakers mayors governors
        ambassadors envoys chiefs heads employees scientists priests monks nuns
        protesters demonstrators activists mothers fathers sons daughters brothers
        sisters wives husbands parents"""
    )
)
_DOERS = ("ers", "ors", "ists", "ians", "ents", "ants")
_DOER_THINGS = frozenset(
    _words(
        """numbers papers letters chapters borders orders shelters layers towers quarters
        headquarters centers centres computers containers meters metres kilometers
        kilometres corridors sectors factors motors tractors monitors incidents
        documents events statements agreements governments departments settlements
        segments instruments amendments comments elements points parliaments tournaments
        regiments contingents battalions plants grants warrants restaurants"""
    )
)
# Words that end the noun phrase after a number: prepositions, verbs, determiners.
_STOP = frozenset(
    _words(
        """in of per by for to at on over during from were was had have has and or who that which
        the a an as its their his her is are be been being since after before with while
        when but than more including among according said says say reported while whom
        whose each out into across between within"""
    )
)
_WORD = re.compile(r"\s+([\w'’-]+)")


def counts_things(text: str, end: int) -> bool:
    """Whether the figure ending at `end` counts things: the first plural noun in lower case
    within its next three words, before a preposition, verb or determiner, names no people."""
    pos = end
    for _ in range(3):
        m = _WORD.match(text, pos)
        if m is None:
            return False
        word = m.group(1).lower()
        if word in _STOP or word.endswith("ed"):
            return False
        pos = m.end()
        if not m.group(1)[0].islower():
            continue  # a name: 'two Soviet-era conflicts', 'two Le Monde reporters'
        if _plural(word):
            return not _people(word.rsplit("-", 1)[-1])
    return False


def _people(noun: str) -> bool:
    """A noun of people: listed, or named for what they do or are ('presidents', 'activists',
    'protesters', 'musicians', 'investigators'), not a thing of those endings ('numbers')."""
    if noun in _PEOPLE:
        return True
    return noun.endswith(_DOERS) and noun not in _DOER_THINGS


def _plural(word: str) -> bool:
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous", "'s", "’s"))
    )


# People who stayed or live somewhere are not casualties: '50 Armenians left in the region',
# 'some 100 remained there', 'home to 60,000 Armenians'.
STAYED = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:(?:were|are|was|is)\s+)?(?:still\s+)?"
    r"(?:left|remain(?:ed|ing|s)?|stay(?:ed|ing|s)?)\s+(?:in|at|behind|there|on)\b",
    re.IGNORECASE,
)
HOME_TO = re.compile(
    r"\b(?:home\s+to|(?:village|town|city|settlement|community|enclave|district|region|country)"
    r"\s+of)\s+(?:(?:some|about|around|nearly|over|roughly|almost)\s+)?$",
    re.I,
)


# A measurement, a rate or a time: '19 or 20 years old' (the unit after the next number),
# '2 in every 100 men', '1 for every 3 shells', 'at 5 in the morning', 'the youngest 18'.
_MEASURED_AFTER = re.compile(
    r"\s*(?:or|to|and|–|-)\s*[\w,.]+[\s-]*(?:years?|days?|weeks?|months?|hours?|km|kilomet\w*|"
    r"metres?|meters?|miles?|per\s?cent|percent)\b|\s*(?:or|to|and|–|-)\s*[\w,.]+%|"
    r"\s+(?:in|for|out\s+of)\s+every\b|"
    r"\s+in\s+the\s+(?:morning|afternoon|evening)\b|\s+at\s+night\b|:\d\d",
    re.IGNORECASE,
)
_MEASURED_BEFORE = re.compile(
    r"\b(?:every|(?:youngest|oldest|eldest)\s+(?:(?:was|being|aged)\s+)?)\s*$", re.I
)


def not_a_casualty_count(text: str, start: int, end: int) -> bool:
    """Whether the figure from `start` to `end` counts no casualties: things, people who
    stayed, a place's population, a measurement, rate or time."""
    before = max(0, start - 40)
    return (
        counts_things(text, end)
        or bool(STAYED.match(text, end) or _MEASURED_AFTER.match(text, end))
        or bool(HOME_TO.search(text, before, start) or _MEASURED_BEFORE.search(text, before, start))
    )
