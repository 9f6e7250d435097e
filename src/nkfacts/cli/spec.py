"""The command-line spec, derived from the Typer app by `cli/specgen.py` (do not edit:
`python -m nkfacts.cli.specgen` regenerates it; `tests/test_fast.py` checks it).

For the root ("") and each command the fast path answers (`fast.FAST`): parameter name ->
(options, secondary options, type, is a flag, may repeat, default); the type "argument" is a
positional argument ("may repeat": it takes every word left).
"""

Param = tuple[tuple[str, ...], tuple[str, ...], str, bool, bool, object]

SPEC: dict[str, dict[str, Param]] = {
    "": {
        "data_dir": (("--data-dir",), (), "str", False, False, None),
        "version": (("--version",), (), "boolean", True, False, False),
        "install_completion": (("--install-completion",), (), "boolean", True, False, None),
        "show_completion": (("--show-completion",), (), "boolean", True, False, None),
    },
    "ask": {
        "question": ((), (), "argument", False, True, None),
        "fmt": (("--format", "-f"), (), "str", False, False, None),
    },
    "casualties": {
        "year": (("--year", "-y"), (), "int", False, False, None),
        "date_from": (("--from",), (), "str", False, False, None),
        "date_to": (("--to",), (), "str", False, False, None),
        "overlapping": (("--overlapping",), (), "boolean", True, False, False),
        "party": (("--party", "-p"), (), "str", False, True, None),
        "category": (("--category", "-c"), (), "str", False, True, None),
        "measure": (("--measure", "-m"), (), "str", False, True, None),
        "claimant": (("--claimant",), (), "str", False, True, None),
        "source": (("--source",), (), "str", False, True, None),
        "event": (("--event",), (), "str", False, True, None),
        "chart": (("--chart",), (), "boolean", True, False, False),
        "fmt": (("--format", "-f"), (), "str", False, False, None),
    },
    "disputes": {
        "year": (("--year", "-y"), (), "int", False, False, None),
        "date_from": (("--from",), (), "str", False, False, None),
        "date_to": (("--to",), (), "str", False, False, None),
        "party": (("--party", "-p"), (), "str", False, True, None),
        "fmt": (("--format", "-f"), (), "str", False, False, None),
    },
    "events": {
        "year": (("--year", "-y"), (), "int", False, False, None),
        "date_from": (("--from",), (), "str", False, False, None),
        "date_to": (("--to",), (), "str", False, False, None),
        "overlapping": (("--overlapping",), (), "boolean", True, False, False),
        "type_": (("--type", "-t"), (), "str", False, True, None),
        "actor": (("--actor", "-a"), (), "str", False, True, None),
        "place": (("--place",), (), "str", False, True, None),
        "grep": (("--grep", "-g"), (), "str", False, True, None),
        "source": (("--source",), (), "str", False, True, None),
        "claims": (("--claims",), (), "boolean", True, False, False),
        "fmt": (("--format", "-f"), (), "str", False, False, None),
    },
    "positions": {
        "actor": (("--actor", "-a"), (), "str", False, True, None),
        "stance": (("--stance", "-s"), (), "str", False, True, None),
        "kind": (("--kind", "-k"), (), "str", False, True, None),
        "year": (("--year", "-y"), (), "int", False, False, None),
        "date_from": (("--from",), (), "str", False, False, None),
        "date_to": (("--to",), (), "str", False, False, None),
        "overlapping": (("--overlapping",), (), "boolean", True, False, False),
        "period": (("--period",), (), "str", False, True, None),
        "matrix": (("--matrix",), (), "boolean", True, False, False),
        "source": (("--source",), (), "str", False, True, None),
        "own": (("--own",), (), "boolean", True, False, False),
        "by_actor": (("--by-actor",), (), "boolean", True, False, False),
        "fmt": (("--format", "-f"), (), "str", False, False, None),
    },
    "search": {
        "words": ((), (), "argument", False, True, None),
        "limit": (("--limit", "-n"), (), "int range", False, False, 50),
        "fmt": (("--format", "-f"), (), "str", False, False, None),
    },
}

# What each option's values complete from: ("index", what) or ("values", *values).
COMPLETION: dict[str, dict[str, tuple[str, ...]]] = {
    "ask": {"fmt": ("values", "table", "tsv", "csv", "json", "jsonl", "markdown")},
    "casualties": {
        "party": (
            "values",
            "Armenia",
            "Artsakh",
            "Azerbaijan",
            "Russia",
            "Turkey",
            "Iran",
            "Syrian fighters",
            "Both sides",
            "Other",
        ),
        "category": (
            "values",
            "military",
            "civilian",
            "mercenary",
            "peacekeeper",
            "journalist",
            "police",
            "total",
            "battle-related",
            "combatant",
        ),
        "measure": (
            "values",
            "killed",
            "wounded",
            "missing",
            "casualties",
            "captured",
            "released",
            "displaced",
            "remains-recovered",
        ),
        "claimant": ("index", "claimant"),
        "event": ("index", "id"),
        "fmt": ("values", "table", "tsv", "csv", "json", "jsonl", "markdown"),
    },
    "disputes": {
        "party": (
            "values",
            "Armenia",
            "Artsakh",
            "Azerbaijan",
            "Russia",
            "Turkey",
            "Iran",
            "Syrian fighters",
            "Both sides",
            "Other",
        ),
        "fmt": ("values", "table", "tsv", "csv", "json", "jsonl", "markdown"),
    },
    "events": {
        "actor": ("index", "actor"),
        "place": ("index", "place"),
        "fmt": ("values", "table", "tsv", "csv", "json", "jsonl", "markdown"),
    },
    "positions": {
        "actor": ("index", "actor"),
        "fmt": ("values", "table", "tsv", "csv", "json", "jsonl", "markdown"),
    },
    "search": {"fmt": ("values", "table", "tsv", "csv", "json", "jsonl", "markdown")},
}
