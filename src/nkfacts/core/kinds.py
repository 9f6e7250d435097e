"""The one registry of record kinds. Everything that lists kinds derives from it: the data
files `validate` reads and the index watches, the views, the export's tables with their
full-text columns and Datasette titles, and the `sources` counts. `tests/test_kinds.py` checks
that every registered kind appears in every derived place.

Adding a record kind (docs/architecture.md, "Where a change goes"): its entry here (with
`filters`, so that its index table, builder and query are derived), its contract
(core/contract.py), its fields (load/schema.py), its view (output/views.py) and its command
(cli/listings.py): five files. `tests/test_kinds.py` adds a toy kind in exactly those five.

A light module: it imports nothing, so the warm path can read it.
"""

from __future__ import annotations


class Kind:
    """One kind of record: its names, data files, and what the export says of it. A plain
    class: a dataclass imports inspect and ast, a NamedTuple builds its class slowly (the warm
    path reads this module)."""

    __slots__ = ("description", "files", "filters", "name", "search", "title", "view")

    def __init__(
        self,
        name: str,  # singular, as in `show`'s "kind" and the search table: "casualty"
        view: str | None,  # its view and table, plural: "casualties" (None: names only)
        files: tuple[tuple[str, bool], ...],  # (data file, required?), in reading order
        title: str = "",  # the export's table title (Datasette)
        description: str = "",
        search: tuple[str, ...] = (),  # the export's full-text columns (Datasette's search box)
        # A derived kind: the fields its index table holds as columns and its command filters
        # by (any of the values), beside its `date`/`end` and first source. Its records are
        # built field by field from its contract (load/normalise.py `derived`), its table
        # written by store/derived.py and queried by `answers.query.listing`. None: the
        # kind's own builder, table and query (casualties, events, …: older and faster).
        filters: tuple[str, ...] | None = None,
    ) -> None:
        self.name = name
        self.view = view
        self.files = files
        self.title = title
        self.description = description
        self.search = search
        self.filters = filters

    def __repr__(self) -> str:
        return f"Kind({self.name!r})"

    @property
    def is_record(self) -> bool:
        """A cited record kind (listed, exported, searched), not sources or names."""
        return bool(self.search)


# In the order the data files are read (sources and names first: records refer to them).
KINDS: tuple[Kind, ...] = (
    Kind("source", "sources", (("sources.yaml", True),)),
    Kind("actor", None, (("actors.yaml", False),)),
    Kind("place", None, (("places.yaml", False),)),
    Kind(
        "event",
        "events",
        (("events.yaml", True),),
        "Events",
        "Dated events; places and actors in event_places / event_actors.",
        ("title", "description", "quote", "note"),
    ),
    Kind(
        "casualty",
        "casualties",
        (("casualties.yaml", True), ("datasets.yaml", False)),
        "Casualty figures",
        "One figure per party, category, measure, period and claimant.",
        ("figure", "party", "claimant", "place", "quote", "note"),
    ),
    Kind(
        "ceasefire",
        "ceasefires",
        (("ceasefires.yaml", False),),
        "Ceasefires and agreements",
        "Brokers, signatories, terms and outcome.",
        ("name", "outcome_summary", "quote", "note"),
    ),
    Kind(
        "violation",
        "violations",
        (("violations.yaml", False),),
        "Ceasefire violations",
        "Reported breaches, each linked to its ceasefire.",
        ("description", "claimant", "accused", "quote", "note"),
    ),
    Kind(
        "position",
        "positions",
        (("positions.yaml", False),),
        "Third-party positions",
        "Stated positions and involvement of other states.",
        ("actor", "summary", "attributed_to", "denied", "quote", "note"),
    ),
)
BY_NAME = {k.name: k for k in KINDS}
# The cited record kinds in the order listings and exports give them.
RECORD_ORDER = ("casualty", "event", "ceasefire", "violation", "position")
RECORDS: tuple[Kind, ...] = tuple(BY_NAME[n] for n in RECORD_ORDER)
DATA_FILES: tuple[str, ...] = tuple(f for k in KINDS for f, _ in k.files)
FILE_KINDS: dict[str, tuple[str, bool]] = {f: (k.name, req) for k in KINDS for f, req in k.files}


def folder(file: str) -> str:
    """The folder that may hold a data file's records split into several files
    (`casualties/*.yaml` beside or instead of `casualties.yaml`): no single file need grow
    past the reader's size limit. `paths.data_files` lists what a data directory has."""
    return file.removesuffix(".yaml")
