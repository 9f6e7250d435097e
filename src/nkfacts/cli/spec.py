"""The command-line spec, derived from the Typer app by `cli/specgen.py` (do not edit:
`python -m nkfacts.cli.specgen` regenerates it; `tests/test_fast.py` checks it).

For the root ("") and each command the fast path answers: parameter name -> (options, secondary options, type,
is a flag, may repeat); the type "argument" is a positional argument.
"""

Param = tuple[tuple[str, ...], tuple[str, ...], str, bool, bool]

SPEC: dict[str, dict[str, Param]] = {
    "": {
        "data_dir": (("--data-dir",), (), "str", False, False),
        "version": (("--version",), (), "boolean", True, False),
        "install_completion": (("--install-completion",), (), "boolean", True, False),
        "show_completion": (("--show-completion",), (), "boolean", True, False),
    },
    "casualties": {
        "year": (("--year", "-y"), (), "int", False, False),
        "date_from": (("--from",), (), "str", False, False),
        "date_to": (("--to",), (), "str", False, False),
        "overlapping": (("--overlapping",), (), "boolean", True, False),
        "party": (("--party", "-p"), (), "str", False, True),
        "category": (("--category", "-c"), (), "str", False, True),
        "measure": (("--measure", "-m"), (), "str", False, True),
        "claimant": (("--claimant",), (), "str", False, True),
        "source": (("--source",), (), "str", False, True),
        "event": (("--event",), (), "str", False, True),
        "chart": (("--chart",), (), "boolean", True, False),
        "fmt": (("--format", "-f"), (), "str", False, False),
    },
    "events": {
        "year": (("--year", "-y"), (), "int", False, False),
        "date_from": (("--from",), (), "str", False, False),
        "date_to": (("--to",), (), "str", False, False),
        "overlapping": (("--overlapping",), (), "boolean", True, False),
        "type_": (("--type", "-t"), (), "str", False, True),
        "actor": (("--actor", "-a"), (), "str", False, True),
        "place": (("--place",), (), "str", False, True),
        "grep": (("--grep", "-g"), (), "str", False, True),
        "source": (("--source",), (), "str", False, True),
        "claims": (("--claims",), (), "boolean", True, False),
        "fmt": (("--format", "-f"), (), "str", False, False),
    },
    "positions": {
        "actor": (("--actor", "-a"), (), "str", False, True),
        "stance": (("--stance", "-s"), (), "str", False, True),
        "kind": (("--kind", "-k"), (), "str", False, True),
        "year": (("--year", "-y"), (), "int", False, False),
        "date_from": (("--from",), (), "str", False, False),
        "date_to": (("--to",), (), "str", False, False),
        "overlapping": (("--overlapping",), (), "boolean", True, False),
        "period": (("--period",), (), "str", False, True),
        "matrix": (("--matrix",), (), "boolean", True, False),
        "source": (("--source",), (), "str", False, True),
        "own": (("--own",), (), "boolean", True, False),
        "by_actor": (("--by-actor",), (), "boolean", True, False),
        "fmt": (("--format", "-f"), (), "str", False, False),
    },
}
