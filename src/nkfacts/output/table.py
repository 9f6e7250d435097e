"""Terminal tables that fit: measured in display cells, wrapped at word boundaries, tokens whole.

The layout (README, Reading a table):
- every column has a priority; when the terminal is too narrow, the least important columns
  are dropped first (never the figure or who it is about); a column that can move under its
  row (the claimant) does so only when the table cannot hold it at all, never because of
  one wide cell;
- prose wraps at spaces; token columns (figures, ids, reference labels) only wrap between
  their tokens, so `[1]167,174` or an id is never split; a figure only before a best
  estimate's '(low–high)'; a date column only between two dates ('27 September 2020 –' /
  '10 November 2020'); a header only between its words;
- when the id column does not fit, each record's id is printed under the row, with what else
  moved there, in one order and at one indent for the whole table, so it can still be copied
  into `show` or `cite`.

Hand-rolled rather than rich: importing rich costs more than a table query's time budget.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple, TextIO

from nkfacts.core.escape import terminal
from nkfacts.output.layout import DATES, ON_NEXT_LINE, WHOLE
from nkfacts.output.terminal import Output
from nkfacts.output.textcells import cell_len, date_units, pack, pad, pieces, wrap, wrap_dates
from nkfacts.output.views import Column, Record, clean

MIN_PROSE = 10  # narrowest a wrapping text column gets
COMFORT = 16  # a prose column this wide (or its natural width) reads well
MAIN_COMFORT = 30  # the same for the text a row is about
MAIN = ("title", "summary", "description", "snippet", "message", "name")
OPTIONAL = 4  # columns from this priority on give way to readable text
MAX_WORD = 24  # longer words in prose may be broken
UNDER = 40  # what moves under a row gets at least this many cells (or the width) to read in


class Style:
    """How the table is drawn: colour, box characters, width."""

    def __init__(self, out: TextIO, isatty: bool, width: int) -> None:
        where = Output(out, isatty)
        self.color = where.color
        fancy = where.fancy
        self.bar, self.cross, self.rule = (" │ ", "─┼─", "─") if fancy else (" | ", "-+-", "-")
        self.arrow = "→" if fancy else "->"
        self.width = max(20, width)

    def compact(self) -> None:
        """Narrower rules between columns ('│ '), for a table whose narrowest columns do not
        fit between the usual ones."""
        self.bar, self.cross = self.bar[1:], self.cross[1:]

    def bold(self, text: str) -> str:
        return f"\x1b[1m{text}\x1b[0m" if self.color else text

    def dim(self, text: str) -> str:
        return f"\x1b[2m{text}\x1b[0m" if self.color else text


class Legend:
    """Numbers sources [1], [2], … and writes each row's citations. With `order` (the index's
    `source_numbers`: the order of sources.yaml) a source has the same number in every view;
    without it, or for a source not in it, numbers follow first use."""

    def __init__(self, arrow: str, order: Mapping[str, int] | None = None) -> None:
        self.arrow = arrow
        self.order = order or {}
        self.numbers: dict[str, int] = {}
        self.titles: dict[str, tuple[str, str]] = {}
        self.passage = False

    def number(self, source: str) -> int:
        """The source's [n]: its place in `order`, else the next number after every other."""
        if source not in self.numbers:
            taken = max([len(self.order), *self.numbers.values()])
            self.numbers[source] = self.order.get(source) or taken + 1
        return self.numbers[source]

    def used(self) -> list[tuple[str, int]]:
        """(source, n) of every source cited so far, by number."""
        return sorted(self.numbers.items(), key=lambda x: x[1])

    def marker(self, rec: Record) -> str:
        """'[1]167,174 [2]→277': labels per source; '→' a passage label; '–' none."""
        parts: dict[int, list[str]] = {}
        for c in rec.get("citations", []):
            n = self.number(c["source"])
            self.titles[c["source"]] = (c["title"], c["url"])
            if c["ref"]:
                label = c["ref"]
            elif c.get("passage_ref"):
                label = self.arrow + c["passage_ref"]
                self.passage = True
            else:
                label = "–"
            if label not in parts.setdefault(n, []):
                parts[n].append(label)
        return " ".join(f"[{n}]{','.join(labels)}" for n, labels in parts.items())

    def lines(self) -> list[str]:
        if not self.numbers:
            return []
        out = ["", "Sources ([n]label; '–': the sentence carries no reference label):"]
        if self.passage:
            out[1] = (
                f"Sources ([n]label; [n]{self.arrow}label: no label in the sentence, the label "
                "closing its passage; '–': none):"
            )
        for sid, n in self.used():
            title, url = self.titles[sid]
            out.append(terminal(f"[{n}] {title} ({sid})"))
            out.append(f"    {terminal(url)}")
        return out


class Sizes(NamedTuple):
    """Per column: natural width (longest cell), minimum (nothing may be narrower), comfortable
    (prose that reads well: COMFORT or its longest word), typical (nine cells in ten fit),
    unbroken (a figure: its '(low–high)' whole on a line of its own; else the minimum)."""

    natural: list[int]
    minimum: list[int]
    comfy: list[int]
    typical: list[int]
    unbroken: list[int]


def _low(c: Column, texts: list[str], nat: int) -> int:
    """The narrowest a column may be: its longest word (a date column: its longest date; prose:
    its longest piece between dashes), never narrower than a word of its header."""
    words = [w for t in texts for w in t.split(" ")]
    if c.header in DATES:
        low = max([0, *(cell_len(u) for t in texts for u in date_units(t))])
    elif c.wrap:  # prose may break after a dash ('January–' / 'September')
        piece = max([0, *(cell_len(p) for w in words for p in pieces(w))])
        low = max(MIN_PROSE, min(piece, MAX_WORD))
    elif c.header in WHOLE:
        low = nat
    elif c.header == "figure":
        low = max([0, *(cell_len(p) for t in texts for p in _figure_units(t))])
    else:
        low = max([0, *(cell_len(w) for w in words)])
    head = max(cell_len(p) for w in c.header.split(" ") for p in pieces(w))
    return min(nat, max(low, head, 1))


def _figure_units(text: str, whole: bool = False) -> list[str]:
    """A figure breaks only before a best estimate's '(low–high)', and that after its dash
    (unless `whole`): '7,633' / '(7,535–' / '9,063)'; '11 of 91' or '108–112' stays whole."""
    head, paren, rest = text.partition(" (")
    if not paren:
        return [head]
    return [head, "(" + rest] if whole else [head, *pieces("(" + rest)]


def _measure(shown: list[Column], cells: list[list[str]]) -> Sizes:
    sizes = Sizes([], [], [], [], [])
    for i, c in enumerate(shown):
        texts = [row[i] for row in cells]
        nat = max([cell_len(c.header), *(cell_len(t) for t in texts)])
        longest = max([0, *(cell_len(w) for t in texts for w in t.split(" "))])
        low = _low(c, texts, nat)
        sizes.natural.append(nat)
        sizes.minimum.append(low)
        typical = _typical(texts)
        if c.header in MAIN:  # the text the row is about reads at a fair width
            comfy = min(nat, MAIN_COMFORT)
        elif c.wrap and c.priority <= 3 and c.header not in DATES:
            comfy = min(nat, max(COMFORT, min(longest, MAX_WORD)))
        else:
            comfy = low if c.wrap else typical
        sizes.comfy.append(max(low, comfy))
        sizes.typical.append(typical)
        units = (u for t in texts for u in _figure_units(t, whole=True))
        sizes.unbroken.append(max([low, *map(cell_len, units)]) if c.header == "figure" else low)
    return sizes


def _choose(shown: list[Column], sizes: Sizes, width: int, sep: int) -> list[int]:
    """Indexes of the columns to draw. First the optional columns go while prose lacks a
    comfortable width; an important column that can move under its row (claimant …) goes only
    when the table cannot hold it at all (the text a row is about at a fair width, the rest at
    their narrowest, so one wide cell never moves it for every row); then, by priority,
    whatever keeps the minimums from fitting."""

    def fits(keep: list[int], need: list[int]) -> bool:
        return sum(need[k] for k in keep) + sep * (len(keep) - 1) <= width

    keep = list(range(len(shown)))
    order = sorted(keep, key=lambda i: (shown[i].priority, i), reverse=True)
    held = [sizes.comfy[i] if c.header in MAIN else sizes.minimum[i] for i, c in enumerate(shown)]
    for i in order:
        if fits(keep, sizes.comfy):
            return keep
        movable = shown[i].header in ON_NEXT_LINE
        if shown[i].priority >= OPTIONAL or (movable and not fits(keep, held)):
            keep.remove(i)
    # a priority-1 column (stance, measure) goes only when prose at its narrowest cannot make room
    squeezed = [
        min(m, MIN_PROSE) if c.wrap and c.header not in DATES else m
        for m, c in zip(sizes.minimum, shown, strict=True)
    ]
    for i in order:
        if fits(keep, squeezed if shown[i].priority <= 1 else sizes.minimum):
            break
        if shown[i].priority > 0 and i in keep:
            keep.remove(i)
    return keep


def _typical(texts: list[str]) -> int:
    """The width that holds nine cells in ten on one line."""
    lengths = sorted(cell_len(t) for t in texts) or [0]
    return lengths[int(0.9 * (len(lengths) - 1))]


def _widths(shown: list[Column], keep: list[int], sizes: Sizes, room: int) -> dict[int, int]:
    """Start at the minimums; prose gets a comfortable width, token columns the width most of
    their cells need, then everything shares what is left."""
    natural, minimum = sizes.natural, sizes.minimum
    widths = {i: minimum[i] for i in keep}
    spare = room - sum(widths.values())
    prose = [i for i in keep if shown[i].wrap]
    tokens = sorted((i for i in keep if not shown[i].wrap), key=lambda k: shown[k].priority)

    def grow(steps: list[tuple[int, int]]) -> None:
        nonlocal spare
        for i, target in steps:
            more = max(0, min(spare, target - widths[i]))
            widths[i] += more
            spare -= more

    prose.sort(key=lambda k: (shown[k].header not in MAIN, shown[k].priority))
    # a token column gets the width most of its cells need; then a figure room for its
    # '(low–high)' on a line of its own; then figure, who and measure grow whole where they are
    # not much wider than most
    grow([(i, sizes.comfy[i]) for i in prose] + [(i, sizes.typical[i]) for i in tokens])
    main = [i for i in tokens if shown[i].priority <= 1]
    grow([(i, sizes.unbroken[i]) for i in main])
    grow([(i, min(natural[i], max(sizes.typical[i], MAX_WORD))) for i in main])
    want = sum(natural[i] - widths[i] for i in prose)
    if want and spare > 0:  # prose shares the rest by what it lacks
        share = min(1.0, spare / want)
        for i in prose:
            more = int((natural[i] - widths[i]) * share)
            widths[i] += more
            spare -= more
    grow([(i, natural[i]) for i in tokens] + [(i, natural[i]) for i in prose])
    return widths


class Layout:
    """Which columns fit, how wide each is, and which move under the row."""

    def __init__(self, shown: list[Column], cells: list[list[str]], width: int, sep: int) -> None:
        sizes = _measure(shown, cells)
        self.keep = _choose(shown, sizes, width, sep)
        minimum = sizes.minimum
        over = sum(minimum[k] for k in self.keep) + sep * (len(self.keep) - 1) - width
        for i in self.keep:  # still too wide: prose gives up its long words first
            prose = shown[i].wrap and shown[i].header not in DATES
            if over > 0 and prose and minimum[i] > MIN_PROSE:
                give = min(over, minimum[i] - MIN_PROSE)
                minimum[i] -= give
                over -= give
        self.over = over  # > 0: the narrowest columns still do not fit
        room = width - sep * (len(self.keep) - 1)
        self.widths = _widths(shown, self.keep, sizes, room)
        dropped = [i for i in range(len(shown)) if i not in self.keep]
        self.below = [i for i in dropped if shown[i].header in ON_NEXT_LINE]
        self.hidden = [shown[i].header for i in dropped if i not in self.below]
        self.second = self.widths[self.keep[0]] + sep if len(self.keep) > 1 else 0


class Table:
    """One table being written: its style, legend, columns, cells and layout."""

    def __init__(
        self,
        cols: list[Column],
        rows: Sequence[Record],
        style: Style,
        numbers: Mapping[str, int] | None = None,
    ) -> None:
        self.style = style
        self.legend = Legend(style.arrow, numbers)
        cells = [
            [
                terminal(clean(self.legend.marker(r) if c.header == "citations" else c.plain(r)))
                for c in cols
            ]
            for r in rows
        ]
        present = [i for i, c in enumerate(cols) if c.priority == 0 or any(r[i] for r in cells)]
        self.shown = [cols[i] for i in present]
        self.cells = [[r[i] for i in present] for r in cells]
        self.lay = Layout(self.shown, self.cells, style.width, cell_len(style.bar))
        if self.lay.over > 0:
            style.compact()
            self.lay = Layout(self.shown, self.cells, style.width, cell_len(style.bar))
        self.indent = self.under_indent()

    def under_indent(self) -> int:
        """Where what moved under a row starts: at one indent in the whole table, under the
        second column when its longest word (an id) fits there, else two cells in, else 0."""
        lay, width = self.lay, self.style.width
        words = [
            cell_len(w)
            for row in self.cells
            for i in lay.below
            for w in (ON_NEXT_LINE[self.shown[i].header] + row[i]).split(" ")
        ]
        need = max([min(UNDER, width - 2), *words])
        return next((n for n in (lay.second, 2) if width - n >= need), 0)

    def line(self, values: list[str]) -> str:
        """One screen line of the kept columns."""
        parts = [
            pad(v, self.lay.widths[i], self.shown[i].justify == "right")
            for i, v in zip(self.lay.keep, values, strict=True)
        ]
        return self.style.bar.join(parts).rstrip()

    def block(self, texts: list[list[str]]) -> list[str]:
        """Lines for cells already wrapped to their columns, side by side."""
        height = max(len(t) for t in texts)
        return [self.line([t[k] if k < len(t) else "" for t in texts]) for k in range(height)]

    def head(self) -> list[str]:
        keep, widths = self.lay.keep, self.lay.widths
        heads = [wrap(terminal(self.shown[i].header), widths[i], breakable=True) for i in keep]
        rule = self.style.cross.join(self.style.rule * widths[i] for i in keep)
        return [*(self.style.bold(x) for x in self.block(heads)), rule]

    def row(self, rec: Record, row: list[str]) -> list[str]:
        """A record's lines: its heading if any, its cells, then what moved under it."""
        style, keep = self.style, self.lay.keep
        out = []
        if rec.get("_heading"):
            out += [
                "",
                *(
                    style.bold(x)
                    for x in wrap(terminal(rec["_heading"]), style.width, breakable=True)
                ),
            ]
        out += self.block([self.wrapped(i, row[i]) for i in keep])
        fields = [ON_NEXT_LINE[self.shown[i].header] + row[i] for i in self.lay.below if row[i]]
        indent = " " * self.indent  # the same for every row of the table
        return out + [indent + style.dim(line) for line in pack(fields, style.width - self.indent)]

    def wrapped(self, i: int, text: str) -> list[str]:
        """A cell's lines: dates wrap only between two dates, prose at spaces and dashes."""
        width, col = self.lay.widths[i], self.shown[i]
        if col.header in DATES:
            return wrap_dates(text, width)
        if col.header == "figure" and cell_len(text) > width:
            head, paren, rest = text.partition(" (")
            return [head, *(wrap("(" + rest, width, breakable=True) if paren else [])]
        return wrap(text, width, breakable=col.wrap)

    def foot(self, footer: Sequence[str]) -> list[str]:
        notes = [terminal(note) for note in footer]
        if self.lay.below:
            moved = ", ".join(self.shown[i].header for i in self.lay.below)
            ids = any(self.shown[i].header == "id" for i in self.lay.below)
            tail = " (`nkfacts show ID`, `nkfacts cite ID`)" if ids else ""
            notes.insert(0, f"Under each row: {moved}{tail}.")
        if self.lay.hidden:
            hidden = ", ".join(self.lay.hidden)
            notes.append(f"Not shown at this width: {hidden} (--format tsv has all).")
        out = [""] if notes else []
        for note in [*notes, *self.legend.lines()]:
            fits = cell_len(note) <= self.style.width
            out += [note] if fits else wrap(note, self.style.width, breakable=True)
        return out


def table(
    cols: list[Column],
    rows: Sequence[Record],
    out: TextIO,
    *,
    isatty: bool,
    width: int,
    title: str | None = None,
    footer: Sequence[str] = (),
    numbers: Mapping[str, int] | None = None,
) -> None:
    """Write `rows` as a table that fits `width` display cells; `numbers`: each source's [n]."""
    t = Table(cols, rows, Style(out, isatty, width), numbers)
    lines = wrap(terminal(title), t.style.width, breakable=True) if title else []
    lines += t.head()
    for rec, row in zip(rows, t.cells, strict=True):
        lines += t.row(rec, row)
    lines += t.foot(footer)
    out.write("".join(line + "\n" for line in lines))
