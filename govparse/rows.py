"""Stage 7: a table's tokens to its rows: each row found by its label, its values put in
columns by the header above them.

This is how a careful reader goes through a scraped table, and why a local defect
costs no more than the rows it touches:

- a row is wherever its label stands; rows out of the statutory order are read all the
  same and reported (``row-order``: all but a longest run of rows in order, so two rows
  swapped far apart are two rows reported, not the rows between them; govparse.grammar's
  ``out_of_order``, the one account of row order, which its parse follows too);
- a row printed twice is read once when the copies agree (a copy with no values
  agrees with any), and is null with an error when they differ (``duplicate-row``);
- numbers under a text that names no row (``小计``, ``其中：行政确认``, a local row)
  belong to that text: reported with it (``unknown-row``), never lent to a neighbour;
- numbers under no row label at all are reported (``stray-values``), never placed;
- the columns a row's values go to are read from the header in force above the row
  (its block's header in table 二): a header printed in another order maps the values
  by it (``column-order``); where the header does not name every column once, the
  statutory order is used and a diagnostic says so (``header-unread``);
- a row whose cells do not match its columns one for one is null with an error
  naming its line (``cell-count``), whatever blank cells it has: only blank cells
  after a full row (the columns a scraper pads a row with) are layout;
- where a crawler ran the cells together (``Glue``), a row's digits are split by
  govparse.digits when exactly one split fits its columns and identities
  (``split-by-identity`` when the identity decided), and are null with an
  ``ambiguous-digits`` warning naming the candidates when several do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from mypy_extensions import mypyc_attr

from .cells import Cell
from .diagnostics import Diagnostics
from .digits import Constraint, DigitSplit, split_digits
from .grammar import UNKNOWN, VALUES, TableGrammar, out_of_order
from .lexer import TableToken
from .runtogether import row_groups

MAX_REPORTED = 20  # events of one kind reported one by one in a table; the rest as a count
_SEVERAL_NUMBERS = re.compile(r"[+-]?\d[\d,.]*(?:\s+[+-]?\d[\d,.]*)+$")


@dataclass(frozen=True, slots=True, eq=False)
class Columns:
    """A row's columns: their keys in statutory order, and the header labels that span
    several of them (法人或其他组织 over five applicant columns). Made once per row class
    and compared by identity (a cheap key for the caches below)."""

    keys: tuple[str, ...]
    spans: tuple[tuple[str, tuple[str, ...]], ...]  # (spanning terminal, the column keys under it)

    def terminal(self, key: str) -> str:
        """A column's header terminal: its key in capitals (the grammars' convention)."""
        return key.upper()


HEADER_UNREAD = "?"  # in a Printed header: text among the header's cells that names no column


class Printed:
    """One row as printed: its label token, its values token (or None) and the header above it.
    A plain slotted class, like Placed: some thirty are made per table, and compiled it is made
    natively, where a named tuple is made (and ``_replace``d) through Python."""

    __slots__ = ("key", "label", "values", "header", "out_of_order", "unreadable", "lead", "labels", "room")

    def __init__(self, key: str, label: TableToken, values: TableToken | None, header: tuple[str, ...],
                 out_of_order: bool, unreadable: bool = False, lead: int = 1, labels: int = 1,
                 room: int = 0) -> None:
        self.key = key
        self.label = label
        self.values = values
        self.header = header  # header terminals in force, in printed order
        self.out_of_order = out_of_order
        self.unreadable = unreadable  # its values cannot be placed, and why has been reported
        self.lead = lead  # cells of its table row before the values: its label, and a group label printed beside it
        self.labels = labels  # the same, a label broken over several cells counted once
        self.room = room  # cells the table gives its values, blank padding included; 0: exactly its columns

    def _replace(self, **changes: object) -> Printed:
        """A copy with ``changes`` (field name -> value), as a named tuple's ``_replace``."""
        copy = Printed(self.key, self.label, self.values, self.header, self.out_of_order, self.unreadable,
                       self.lead, self.labels, self.room)
        for name, value in changes.items():
            setattr(copy, name, value)
        return copy

    def __repr__(self) -> str:
        return f"Printed({self.key!r} @{self.label.line}, lead={self.lead}, room={self.room})"


@mypyc_attr(acyclic=True)
class Placed:
    """A row's cells, one per column in statutory order (None for the whole row: unreadable).
    A plain slotted class, like a Cell: compiled, it is made natively, where a named tuple is
    made through Python (some forty per report)."""

    __slots__ = ("key", "label", "cells", "reported")

    def __init__(self, key: str, label: TableToken | None, cells: tuple[Cell, ...] | None,
                 reported: bool = False) -> None:
        self.key = key
        self.label = label
        self.cells = cells
        self.reported = reported  # why ``cells`` is None has been reported already


@dataclass(slots=True)
class Glue:
    """How a table's rows are split where a crawler ran their cells together: each row's
    cell formats (govparse.digits kinds) and the identities that bind a row (I1, I3)."""

    kinds: Mapping[str, tuple[str, ...]]  # row key -> the digits kind of each column
    identities: Callable[[str, int], tuple[Constraint, ...]]  # (row key, width) -> constraints
    identity_name: str  # as diagnostics name them: I1, I3
    pending: dict[str, tuple[Printed, DigitSplit]] = field(default_factory=dict)  # rows left ambiguous

    def report(self, events: "Events") -> None:
        """Each row still ambiguous: null, with its run and the splits that fit."""
        for key, (printed, split) in self.pending.items():
            line = printed.values.line if printed.values is not None else printed.label.line
            events.add("warning", "ambiguous-digits", f"row {key}: {split.problem}; its cells are null", line,
                       row=key)
        self.pending.clear()


class Events:
    """Diagnostics of one table, with a bound on how many of a kind are listed."""

    def __init__(self, table: str, diagnostics: Diagnostics) -> None:
        self.table = table
        self.diagnostics = diagnostics
        self.counts: dict[str, int] = {}

    def add(self, level: str, code: str, message: str, line: int | None, column: int | None = None,
            row: str | None = None) -> None:
        count = self.counts.get(code, 0) + 1
        self.counts[code] = count
        if count <= MAX_REPORTED:
            self.diagnostics.add(level, code, f"{self.table}: {message}", line, column, table=self.table, row=row)
        elif count == MAX_REPORTED + 1:
            self.diagnostics.add(level, code, f"{self.table}: more {code} events not listed", line, column,
                                 table=self.table)


def printed_rows(tokens: Sequence[TableToken], grammar: TableGrammar, events: Events,
                 reading_order: bool = False) -> list[Printed]:
    """Every row label with its values and the header above it, in printed order; numbers
    that no row label heads are reported here and go nowhere. In pdftotext's ``reading_order``
    a label's line does not end its row (``_own_line``: its values follow on lines of their own)
    and the header's blocks come out of column order: no header places the values."""
    rows: list[Printed] = []
    header: list[str] = []
    in_force: tuple[str, ...] = ()  # the header as rows below it see it, made once per block
    header_open = False  # header labels met since the last row: a new header block
    beside: list[TableToken] = []  # group labels (三、本年度办理结果) in the table row of the next row label
    index = 0
    count = len(tokens)
    while index < count:
        token = tokens[index]
        kind = token.type
        following = tokens[index + 1] if index + 1 < count else None
        values = following if following is not None and following.type == VALUES else None
        if kind in grammar.row_of:
            if len(in_force) != len(header):
                in_force = tuple(header)
            step = 2 if values is not None else 1  # the label, and its values token if any
            if not token.cells[-1].text:
                # printed with blank cells only (规章 | | |): its values are blank, not absent, and
                # numbers on a line below are no more its own (a row whose label was lost): they
                # are left to be reported as numbers under no row label
                values = TableToken(VALUES, tuple([cell for cell in token.cells if not cell.text]))
                step = 1
            elif values is not None and not reading_order:
                values = _own_line(token, values, events)
            rows.append(Printed(grammar.row_of[kind], token, values, () if reading_order else in_force,
                                False, lead=_lead(token, beside, values), labels=1 + len(beside)))
            header_open = False
            beside = []
            index += step
            continue
        # a group label with no blank cells after it shares its table row with the row label after it
        if kind in grammar.structure_terminals and not _opens_block(grammar, kind) and token.cells[-1].text:
            beside.append(token)
        else:
            beside = []
        if kind in grammar.header_terminals:
            if not header_open:
                header = []
                in_force = ()
                header_open = True
            header.append(kind)
        elif kind in grammar.structure_terminals:
            header_open = False
            if _opens_block(grammar, kind):
                header = []
                in_force = ()
        elif kind == UNKNOWN:
            if header_open and header[-1] != HEADER_UNREAD:
                # text in the header that names no column (a wrapped header cell's tail, /减, whose head
                # 本年增 stands on a line of its own): where that cell stands among the others is not
                # known, so the header cannot order the columns
                header.append(HEADER_UNREAD)
            index = unknown_row(tokens, index, events)
            continue
        elif kind == VALUES:
            cells = token.cells
            events.add("warning", "stray-values", f"{len(cells)} value cell(s) under no row label "
                       f"({_shown(cells)}) ignored", token.line, token.column)
        index += 1
    moved = out_of_order([row.key for row in rows], grammar.rows)  # the rows TableGrammar.order sets aside
    return [row._replace(out_of_order=True) if at in moved else row for at, row in enumerate(rows)] if moved else rows


def counted_rows(rows: list[Printed], tokens: Sequence[TableToken], order: Sequence[str],
                 structure: frozenset[str], widths: Mapping[str, int], events: Events) -> list[Printed]:
    """Each row with the cells the table gives it: ``room`` where the table pads its rows with
    blank cells to one width, and its own cells only where the numbers of a row whose label was
    lost run on after them (``order``: the row keys in statutory order; ``structure``: the
    caption and group label terminals; ``widths``: each row's columns). Counting never guesses: blank cells after a row's values are padding only where
    every table row is padded to one width, and the numbers after a row are set aside only where
    they are exactly the cells of the next row, whose label is not in the table."""
    if all(row.values is None or len(row.values.cells) == widths[row.key] for row in rows):
        return rows  # every row its own cells exactly: nothing is padding, nothing runs on
    # a label broken over cells of its line counted as the cells it fills, or as one: whichever
    # gives the table's rows one width more nearly, and where both do as nearly, whichever lets more
    # rows be read (a row short of a cell by a label in two cells fits the one count by chance)
    grid, off = _grid_width(rows, tokens, structure, widths, True)
    by_labels, off_by_labels = _grid_width(rows, tokens, structure, widths, False)
    by_cells = by_labels == 0 or (grid > 0 and off <= off_by_labels)
    if by_cells and by_labels and off == off_by_labels and any(row.lead != row.labels for row in rows) \
            and _fitting(rows, by_labels, False, widths) > _fitting(rows, grid, True, widths):
        by_cells = False
    if not by_cells:
        grid = by_labels
    habit = not grid and _padded_by_habit(rows, widths)
    present = {row.key for row in rows}
    out: list[Printed] = []
    for row in rows:
        if row.values is not None:
            cells = row.values.cells
            width = widths[row.key]
            lead = row.lead if by_cells else row.labels
            room = grid - lead if grid - lead > width else 0
            if room - width >= 2 and len(cells) == width:
                room = 0  # printed without its padding (cut at the table's end): one lost cell leaves more
            if habit and len(cells) > width and not any(cell.text for cell in cells[width:]):
                room = len(cells)
            own = room or width
            if len(cells) > own:
                row = _without_lost_row(row, own, grid, order, present, widths, events)
            row = row._replace(lead=lead, room=room)
        out.append(row)
    return out


def _fitting(rows: Sequence[Printed], grid: int, by_cells: bool, widths: Mapping[str, int]) -> int:
    """How many rows' cells fit their columns in a table that pads its rows to ``grid`` cells, a label
    broken over cells counted as the cells it fills (``by_cells``) or as one."""
    fitting = 0
    for row in rows:
        if row.values is not None:
            width = widths[row.key]
            room = grid - (row.lead if by_cells else row.labels)
            fitting += fit_cells(row.values.cells, width, room if room > width else 0) is not None
    return fitting


def _padded_by_habit(rows: Sequence[Printed], widths: Mapping[str, int]) -> bool:
    """Whether most rows (two or more) end with blank cells after their columns: a table with
    empty columns at its right, whose rows are not all one width (an HTML table with merged
    cells). There blank cells after a row's values are those columns; in a table where only
    one row has them, they are a blank value with a cell too many, which no count tells apart."""
    padded = 0
    counted = 0
    for row in rows:
        if row.values is not None:
            counted += 1
            cells = row.values.cells
            width = widths[row.key]
            if len(cells) > width and not any(cell.text for cell in cells[width:]):
                padded += 1
    return padded >= 2 and padded * 2 > counted


def _grid_width(rows: Sequence[Printed], tokens: Sequence[TableToken], structure: frozenset[str],
                widths: Mapping[str, int], by_cells: bool) -> tuple[int, int]:
    """How many cells the table pads each of its rows to (label cells included), or 0 when it does
    not, and how many rows are not that wide. The width is the one all its rows but one have (label cells and value cells); the padding
    must show in the layout: a line of two or more blank cells and nothing else (a cell-per-line
    scrape writes a row's spanned columns as ``|||``), or two rows narrower than that, or captions,
    made that width with blank cells at their end (a markdown table), or one where every row is
    that width. A row one cell short or long, a blank last value, or a header cell left blank, is
    no evidence of padding. A label broken over cells of its line is counted as
    the cells it fills (``by_cells``: the table gave it those columns), or else as one."""
    spans: dict[int, int] = {}
    counted = 0
    for row in rows:
        if row.values is not None:
            span = (row.lead if by_cells else row.labels) + len(row.values.cells)
            spans[span] = spans.get(span, 0) + 1
            counted += 1
    width, most = max(spans.items(), key=lambda item: item[1], default=(0, 0))
    if counted - most > max(1, counted // 10):
        return 0, counted - most
    shown = sum(1 for row in rows if row.values is not None and not row.values.cells[-1].text
                and (row.lead if by_cells else row.labels) + len(row.values.cells) == width
                and (row.lead if by_cells else row.labels) + widths[row.key] < width)
    shown += sum(1 for token in tokens if token.type in structure and len(token.cells) == width
                 and not token.cells[-1].text)
    # or padding fits more rows than no padding does (a row printed wrong either way is one row)
    unpadded_misfits = sum(1 for row in rows if row.values is not None and len(row.values.cells) != widths[row.key])
    evident = shown >= 2 or shown == 1 and (most == counted or counted - most < unpadded_misfits) \
        or _pad_line(tokens)
    return (width if evident else 0), counted - most


def _pad_line(tokens: Sequence[TableToken]) -> bool:
    """Whether a line holds two or more blank cells and nothing else."""
    blanks: dict[int, int] = {}
    filled: set[int] = set()
    for token in tokens:
        for cell in token.cells:
            if cell.text:
                filled.add(cell.line)
            else:
                blanks[cell.line] = blanks.get(cell.line, 0) + 1
    return any(count >= 2 and line not in filled for line, count in blanks.items())


def _without_lost_row(row: Printed, own: int, grid: int, order: Sequence[str], present: set[str],
                      widths: Mapping[str, int], events: Events) -> Printed:
    """``row`` with only its own cells, when the ones after them are exactly the cells of the row
    that follows it in the statute and whose label is nowhere in the table (its label lost; a blank
    cell where the label stood is allowed): those are reported, never read. Else ``row`` unchanged."""
    assert row.values is not None
    position = order.index(row.key) if row.key in order else -1
    if position < 0 or position + 1 >= len(order) or order[position + 1] in present:
        return row
    lost = order[position + 1]
    cells = row.values.cells
    theirs = grid - 1 if grid - 1 > widths[lost] else widths[lost]  # the lost row's cells, its label gone
    rest = cells[own:]
    if len(rest) != theirs and not (len(rest) == theirs + 1 and not rest[0].text):
        return row
    events.add("warning", "lost-label", f"row {lost}: its label is not in the table, and the {len(rest)} "
               f"cells after row {row.key}'s {own} ({_shown(rest)}) are as many as its own: they are not read; "
               f"its cells are null", rest[0].line, rest[0].column, row=lost)
    return row._replace(values=TableToken(VALUES, cells[:own]))


def _lead(label: TableToken, beside: list[TableToken], values: TableToken | None) -> int:
    """Cells of a row's table row before its values: on the line of its values, the cells of its
    label and of the group labels beside it (a label broken over two cells of one line is two); a
    row printed a cell per line, one for its label and one for each group label."""
    if values is None or values.cells[0].line != label.cells[-1].line:
        return 1 + len(beside)
    line = values.cells[0].line
    return sum(1 for token in (*beside, label) for cell in token.cells if cell.line == line)


def _own_line(label: TableToken, values: TableToken, events: Events) -> TableToken:
    """A row printed on one line (its label and values side by side) ends with its line:
    numbers on the lines below are a row whose label was lost, never more of this one."""
    line = label.cells[-1].line
    cells = values.cells
    if cells[0].line != line or cells[-1].line == line:
        return values
    cut = next(position for position, cell in enumerate(cells) if cell.line != line)
    rest = cells[cut:]
    events.add("warning", "stray-values", f"{len(rest)} value cell(s) on the lines after row "
               f"{label.text[:30]!r} and under no row label ({_shown(rest)}) ignored", rest[0].line, rest[0].column)
    return TableToken(VALUES, cells[:cut])


def _opens_block(grammar: TableGrammar, terminal: str) -> bool:
    """Captions (第二十条第（一）项) open a block with a header of its own; group labels
    (（三）不予公开) sit inside one."""
    return terminal.startswith("ITEM_")


def unknown_row(tokens: Sequence[TableToken], index: int, events: Events) -> int:
    """Report a run of text cells that name no label, with the numbers under it; return the
    index after them."""
    start = index
    while index < len(tokens) and tokens[index].type == UNKNOWN:
        index += 1
    text = " ".join(token.text for token in tokens[start:index])[:60]
    first = tokens[start]
    if index < len(tokens) and tokens[index].type == VALUES:
        cells = tokens[index].cells
        events.add("warning", "unknown-row", f"{text!r} names no row of the table; its values "
                   f"({_shown(cells)}) are kept out of it", first.line, first.column)
        return index + 1
    events.add("info", "unrecognized-cell", f"{text!r} names no label; ignored", first.line, first.column)
    return index


def _shown(cells: Sequence[Cell]) -> str:
    texts = [cell.text or "∅" for cell in cells[:10]]
    return " ".join(texts) + (" …" if len(cells) > 10 else "")


def place_rows(rows: Sequence[Printed], columns: Mapping[str, Columns], events: Events,
               glue: Glue | None = None) -> dict[str, Placed]:
    """Each row key's cells, one per column: copies of a row reconciled, out-of-order rows
    read and reported; with ``glue``, glued digits split (rows left ambiguous wait in
    ``glue.pending`` for identities across rows)."""
    by_key: dict[str, list[Printed]] = {}
    for printed in rows:
        by_key.setdefault(printed.key, []).append(printed)
    placed: dict[str, Placed] = {}
    for key, copies in by_key.items():
        first = copies[0]
        if first.out_of_order and len(copies) == 1:
            events.add("info", "row-order", f"row {key} ({first.label.text[:30]}) is out of the statutory "
                       "order; read by its label", first.label.line, row=key)
        placed[key] = _reconciled(key, copies, columns[key], events, glue)
    return placed


def _reconciled(key: str, copies: list[Printed], columns: Columns, events: Events, glue: Glue | None) -> Placed:
    with_values = [printed for printed in copies if printed.values is not None]
    if not with_values:
        return Placed(key, copies[0].label, None)
    printed = with_values[0]
    cells = _placed_cells(key, printed, columns, events, glue)
    if len(copies) > 1:
        readings = [cells] + [_placed_cells(key, other, columns, events, glue) for other in with_values[1:]]
        lines = ", ".join(str(p.label.line) for p in copies)
        texts = {None if found is None else tuple([cell.text for cell in found]) for found in readings}
        if len(texts) > 1:
            events.add("error", "duplicate-row", f"row {key} is printed {len(copies)} times (lines {lines}) "
                       "with different values; its cells are null", copies[1].label.line, row=key)
            return Placed(key, printed.label, None, True)
        events.add("info", "duplicate-row", f"row {key} is printed {len(copies)} times (lines {lines}); "
                   "the copies agree, read once", copies[1].label.line, row=key)
    return Placed(key, printed.label, cells, cells is None)


def _placed_cells(key: str, printed: Printed, columns: Columns, events: Events,
                  glue: Glue | None) -> tuple[Cell, ...] | None:
    assert printed.values is not None
    if printed.unreadable:
        return None
    cells = fit_cells(printed.values.cells, len(columns.keys), printed.room)
    if cells is None and glue is not None and row_groups(printed.values.text) is not None:
        return split_glued(key, printed, len(columns.keys), glue, events)
    if cells is None:
        found = printed.values.cells
        filled = sum(1 for cell in found if cell.text)
        padded = f", in a table that pads each row to {printed.lead + printed.room} cells (this one: " \
                 f"{printed.lead + len(found)})" if printed.room else ""
        events.add("error", "cell-count", f"row {key}: {filled} values and {len(found) - filled} blank cells "
                   f"for {len(columns.keys)} columns{padded} ({_shown(found)}); its cells are null",
                   found[0].line, found[0].column, row=key)
        return None
    joined = next((cell for cell in cells if not cell.text.isdigit() and _SEVERAL_NUMBERS.match(cell.text)), None)
    if joined is not None:
        # Cells a tool ran into one (pdftotext's 13 13): how many there are, and which
        # columns they fill, is no longer known.
        events.add("error", "cell-count", f"row {key}: {joined.text!r} is several numbers in one cell, so its "
                   "cells cannot be counted; its cells are null", joined.line, joined.column, row=key)
        return None
    positions = _positions(printed.header, columns)
    if positions is None:
        return cells
    return tuple([cells[position] for position in positions])


@lru_cache(maxsize=1024)
def _positions(header: tuple[str, ...], columns: Columns) -> tuple[int, ...] | None:
    """Where each column's value stands in a row under ``header``; None for the statutory order."""
    order = header_order(header, columns)
    if order is None or order == columns.keys:
        return None
    return tuple(order.index(column) for column in columns.keys)


def split_glued(key: str, printed: Printed, width: int, glue: Glue, events: Events) -> tuple[Cell, ...] | None:
    """A row's glued digits as its cells, when exactly one split fits; else None, the row
    kept in ``glue.pending`` (reported by ``Glue.report`` unless identities across rows settle it)."""
    assert printed.values is not None
    found = row_groups(printed.values.text)
    assert found is not None
    split = split_digits(found[0], width, glue.identities(key, width), glue.kinds[key])
    if split.parts is None:
        glue.pending[key] = (printed, split)
        return None
    if split.by_identity:
        # a warning: the numbers rest on the identity holding, which reports sometimes break
        events.add("warning", "split-by-identity", f"row {key}: {split.run!r} split as "
                   f"{'|'.join(map(str, split.parts))}, the one of {split.fitting} splits that meets "
                   f"{glue.identity_name} (were {glue.identity_name} broken in the report, these numbers would "
                   "be wrong)", printed.values.line, row=key)
    return glued_cells(printed.values, split.parts, split.candidates[0])


def glued_cells(values: TableToken, parts: Sequence[int | Decimal | None],
                texts: Sequence[str] = ()) -> tuple[Cell, ...]:
    """Cells for the parts of a split run, placed where the run stands; a blank part as its null
    mark's text where ``texts`` (the split as printed) gives it (read as values.py reads a mark)."""
    return tuple(Cell((texts[index] if index < len(texts) else "") if part is None else str(part), values.line,
                      values.column) for index, part in enumerate(parts))


def fit_cells(cells: Sequence[Cell], width: int, room: int = 0) -> tuple[Cell, ...] | None:
    """A row's cells for ``width`` columns: as many as columns, or, in a table that pads its
    rows (``room``: the cells it gives this row), that many with blank cells after the values.
    Anything else cannot be placed without guessing: a blank cell more or less is a blank
    value or padding, which no count tells apart."""
    if room > width:
        if len(cells) == room and not any(cell.text for cell in cells[width:]):
            return tuple(cells[:width])
        return None
    if len(cells) == width:
        return tuple(cells)  # a tuple already in the common case: no copy
    return None


@lru_cache(maxsize=4096)
def header_order(header: tuple[str, ...], columns: Columns) -> tuple[str, ...] | None:
    """The columns in the order the header prints them, or None when it does not name each
    column once (then the statutory order holds). A spanning label (法人或其他组织) stands
    for its columns, in the order they are printed below it. Remembered: headers repeat."""
    if len(columns.keys) < 2 or HEADER_UNREAD in header:
        return None
    wanted = {columns.terminal(key): key for key in columns.keys}
    spans = dict(columns.spans)
    spanned = {child for parent, children in spans.items() if parent in header for child in children}
    top: list[str] = []
    for terminal in header:
        if terminal in spans:
            top.append(terminal)
        elif terminal in wanted and wanted[terminal] not in spanned:
            top.append(wanted[terminal])
    order: list[str] = []
    for item in top:
        if item in spans:
            children = set(spans[item])
            order.extend(wanted[t] for t in header if t in wanted and wanted[t] in children)
        else:
            order.append(item)
    if sorted(order) != sorted(columns.keys) or len(set(order)) != len(order):
        return None
    for parent, under in spans.items():
        if parent in header:
            continue
        # A two-level header that lost its spanning label prints the columns beside it (总计) before
        # the ones under it: read as one row, such a header would misplace them. Without the label,
        # only the columns the statute puts before the spanned ones may come before them.
        first = min(order.index(child) for child in under)
        before = set(columns.keys[:min(columns.keys.index(child) for child in under)])
        if not set(order[:first]) <= before:
            return None
        # The columns under one label stand side by side however the header is printed: another
        # column among them (总计 read between 科研机构 and 社会公益组织, a header cut by a page
        # break) is a header read out of its order.
        if max(order.index(child) for child in under) - first + 1 != len(under):
            return None
    return tuple(order)


def header_notes(rows: Sequence[Printed], columns: Mapping[str, Columns], events: Events) -> None:
    """Say once per header how the values of the rows under it were placed."""
    seen: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    last: tuple[tuple[str, ...], Columns] | None = None  # the header and columns of the row before
    for printed in rows:
        row_columns = columns[printed.key]
        if len(row_columns.keys) < 2 or printed.values is None:
            continue
        if last is not None and printed.header is last[0] and row_columns is last[1]:
            continue  # the very header of the row before (one tuple per block): seen, without hashing it
        last = (printed.header, row_columns)
        mark = (printed.header, row_columns.keys)
        if mark in seen:
            continue
        seen.add(mark)
        order = header_order(printed.header, row_columns)  # once per distinct header
        line = printed.label.line
        if order is None:
            named = sum(1 for key in row_columns.keys if row_columns.terminal(key) in printed.header)
            what = "no header" if not printed.header else f"a header naming {named} of {len(row_columns.keys)} columns"
            if HEADER_UNREAD in printed.header:
                what += " and text that names none"
            events.add("info", "header-unread", f"row {printed.key} and the rows with it: {what}; values placed "
                       f"in the statutory column order ({', '.join(row_columns.keys)})", line, row=printed.key)
        elif order != row_columns.keys:
            events.add("warning", "column-order", f"the header above row {printed.key} prints its columns as "
                       f"{', '.join(order)}; values placed by the header", line, row=printed.key)


__all__ = ["Columns", "Events", "Placed", "Printed", "counted_rows", "fit_cells", "header_notes", "header_order",
           "out_of_order", "place_rows", "printed_rows", "unknown_row"]
