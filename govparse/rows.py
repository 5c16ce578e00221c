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
  after a full row (the columns a scraper pads a row with) are layout, where the table
  pads its rows or where none of the row's values is blank or printed twice
  (``stray-empty-cell``: a blank after them cannot be one of them);
- where a crawler ran the cells together (``Glue``), a row's digits are split by
  govparse.digits when exactly one split fits its columns and identities
  (``split-by-identity`` when the identity decided), and are null with an
  ``ambiguous-digits`` warning naming the candidates when several do.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from mypy_extensions import mypyc_attr

from .cells import Cell, holds_space
from .diagnostics import Diagnostics
from .digits import Constraint, DigitSplit, forced_parts, holds, split_digits
from .grammar import UNKNOWN, VALUES, TableGrammar, out_of_order
from .lexer import TableToken
from .runtogether import row_groups
from .values import Kind, read_value

# The identity that binds a row, as the tables name it and give its constraints: (name, (row key, width) -> ...).
Confirm = tuple[str, Callable[[str, int], tuple[Constraint, ...]]]

MAX_REPORTED = 20  # events of one kind reported one by one in a table; the rest as a count
# A cell holding several values a tool ran together (pdftotext's 13 13, a markdown converter's 1 / 0 or — 1):
# numbers and null marks apart by white space.
_ONE_VALUE = r"(?:[+-]?\d[\d,.]*|[/\\、无]|[-—–]{1,2})"
_SEVERAL_VALUES = re.compile(rf"{_ONE_VALUE}(?:\s+{_ONE_VALUE})+$")


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
HEADER_LINE = "/"  # in a Printed header: the labels after it start on a later line (text whose lines are table rows)


@mypyc_attr(acyclic=True)
class Printed:
    """One row as printed: its label token, its values token (or None) and the header above it.
    A plain slotted class, like Placed: some thirty are made per table, and compiled it is made
    natively, where a named tuple is made (and ``_replace``d) through Python. Acyclic, like a Cell
    (it holds tokens, a tuple of names and numbers): compiled, the garbage collector does not track it."""

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
    # Text placed by x (pypdf's layout mode), where a row short of a cell has more often lost a blank than
    # run two cells together: a split stands only where the identities show it, never by the format alone.
    shown: bool = False
    applies: Callable[[], bool] | None = None  # whether cells may run together, asked at the first row needing it

    def live(self) -> bool:
        return self.applies is None or self.applies()

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
                 reading_order: bool = False, set_aside: frozenset[int] = frozenset(),
                 rows_on_lines: bool = True) -> list[Printed]:
    """Every row label with its values and the header above it, in printed order; numbers
    that no row label heads are reported here and go nowhere. In pdftotext's ``reading_order``
    a label's line does not end its row (``_own_line``: its values follow on lines of their own)
    and the header's blocks come out of column order: no header places the values. Nor does it
    where cells stand a line each (not ``rows_on_lines``: a value on the label's line was run on
    after it, 行政规范性文件0, and the row's others follow)."""
    listed = tokens if isinstance(tokens, list) else list(tokens)  # compiled, a list is indexed natively
    rows: list[Printed] = []
    header: list[str] = []
    in_force: tuple[str, ...] = ()  # the header as rows below it see it, made once per block
    header_open = False  # header labels met since the last row: a new header block
    header_line = -1  # the line the last header label met starts on
    beside: list[TableToken] = []  # group labels (三、本年度办理结果) in the table row of the next row label
    bare: list[TableToken] = []  # row labels and label pieces met one after another with no values (reading order)
    label_end = 0  # the last line of the last label (a row's, a group's or a piece) met
    label_column: TableToken | None = None  # the first row label met after a column of labels
    index = 0
    count = len(listed)
    while index < count:
        token = listed[index]
        kind = token.type
        following = listed[index + 1] if index + 1 < count else None
        values = following if following is not None and following.type == VALUES else None
        if kind in grammar.row_of:
            if len(in_force) != len(header):
                in_force = tuple(header)
            step = 2 if values is not None else 1  # the label, and its values token if any
            if reading_order:
                if bare and not _next_in_column(label_end, token.cells[0].line, set_aside):
                    bare = []
                label_end = token.cells[-1].line
                if values is not None and len(bare) >= _LABEL_COLUMN and any(t.type in grammar.row_of for t in bare):
                    _after_label_column(token, values, bare, events)
                    values = None  # and its values token passed over (step 2)
                    if sum(1 for t in bare if t.type in grammar.row_of) >= 2:
                        label_column = label_column or token  # a column of row labels: the whole table's
                    bare = []
                else:
                    bare = bare + [token] if values is None else []
            if not token.cells[-1].text:
                # printed with blank cells only (规章 | | |): its values are blank, not absent, and
                # numbers on a line below are no more its own (a row whose label was lost): they
                # are left to be reported as numbers under no row label
                values = TableToken(VALUES, tuple([cell for cell in token.cells if not cell.text]))
                step = 1
            elif values is not None and not reading_order and rows_on_lines:
                values = _own_line(token, values, events)
            rows.append(Printed(grammar.row_of[kind], token, values, () if reading_order else in_force,
                                False, lead=_lead(token, beside, values), labels=1 + len(beside)))
            header_open = False
            beside = []
            index += step
            continue
        if reading_order and (kind in grammar.structure_terminals or kind in grammar.header_terminals):
            label_end = token.cells[-1].line  # group labels and header words may stand in the label column
        elif reading_order and kind == UNKNOWN:  # pieces of labels: the column's, where they stand in it
            end = index
            while end < count and listed[end].type == UNKNOWN:
                if bare and not _next_in_column(label_end, listed[end].cells[0].line, set_aside):
                    bare = []
                bare.append(listed[end])
                label_end = listed[end].cells[-1].line
                end += 1
            if end < count and listed[end].type == VALUES:
                bare = []  # an unknown row with its values (unknown_row keeps them out)
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
            elif rows_on_lines and token.cells[0].line > header_line:
                header.append(HEADER_LINE)
            header_line = token.cells[0].line
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
            index = unknown_row(listed, index, events)
            continue
        elif kind == VALUES:
            bare = []
            cells = token.cells
            events.add("warning", "stray-values", f"{len(cells)} value cell(s) under no row label "
                       f"({_shown(cells)}) ignored", token.line, token.column)
        index += 1
    if label_column is not None:
        rows = _without_values(rows, label_column, events)
    moved = out_of_order([row.key for row in rows], grammar.rows)  # the rows TableGrammar.order sets aside
    return [row._replace(out_of_order=True) if at in moved else row for at, row in enumerate(rows)] if moved else rows


# Row labels and pieces of labels on lines one after another (a blank line apart at most, group labels and
# header words among them) with no values between them, a row label among them: PDF text whose writer put
# the label column in one block and the numbers in others (pdfminer's text boxes). Two can be a label
# wrapped over its row's values. With two row labels in the column, no value of the table is placed
# (``_without_values``); with one (pdftotext: a label whose values pdforder set aside), only the next row's.
_LABEL_COLUMN = 3


def _next_in_column(end: int, start: int, set_aside: frozenset[int]) -> bool:
    """Whether a label starting on line ``start`` follows one ending on line ``end`` in a column of labels:
    on the next line or after one blank line, no values between that the reading-order reader set aside."""
    return start - end == 1 or start - end == 2 and end + 1 not in set_aside


def _after_label_column(token: TableToken, values: TableToken, bare: list[TableToken], events: Events) -> None:
    """The values after a column of row labels printed with none of their own: whose they are is not in the
    text (the last label's, or the first's, or spread over them); they go to no row, with a warning."""
    events.add("warning", "reading-order", f"{len(values.cells)} value(s) ({_shown(values.cells)}) after "
               f"{len(bare) + 1} labels or pieces of labels printed one after another with no values between them "
               f"({bare[0].cells[0].text[:12]} … {token.cells[0].text[:12]}): the labels and the numbers are in "
               "blocks of their own, so whose values these are is not known; given to no row",
               values.line, values.column)


def _without_values(rows: list[Printed], label_column: TableToken, events: Events) -> list[Printed]:
    """Every row's values set aside: where a table's labels come as a column of their own, its numbers come
    in blocks of their own too, and a number after a label is not the label's (pdfminer: 0 0 — 0 0 0 22 after
    1．属于国家秘密, whose own row is 14 23 …)."""
    held = [row for row in rows if row.values is not None]
    if held:
        events.add("warning", "reading-order", f"the labels stand in a column of their own (before "
                   f"{label_column.cells[0].text[:12]!r}), so the numbers after a label need not be its own: the "
                   f"values of {len(held)} row(s) are given to no row", label_column.line, label_column.column)
    return [row._replace(values=None) if row.values is not None else row for row in rows]


def counted_rows(rows: list[Printed], tokens: Sequence[TableToken], order: Sequence[str],
                 structure: frozenset[str], widths: dict[str, int], events: Events) -> list[Printed]:
    """Each row with the cells the table gives it: ``room`` where the table pads its rows with
    blank cells to one width, and its own cells only where the numbers of a row whose label was
    lost run on after them (``order``: the row keys in statutory order; ``structure``: the
    caption and group label terminals; ``widths``: each row's columns). Counting never guesses: blank cells after a row's values are padding only where
    every table row is padded to one width, and the numbers after a row are set aside only where
    they are exactly the cells of the next row, whose label is not in the table."""
    misfits = sum(1 for row in rows if row.values is not None and len(row.values.cells) != widths[row.key])
    if not misfits:
        return rows  # every row its own cells exactly: nothing is padding, nothing runs on
    # a label broken over cells of its line counted as the cells it fills, or as one: whichever
    # gives the table's rows one width more nearly, and where both do as nearly, whichever lets more
    # rows be read (a row short of a cell by a label in two cells fits the one count by chance), and
    # where as many, whichever reads fewer of them with a blank last value (the padding it may be)
    grid, off = _grid_width(rows, tokens, structure, widths, True, misfits)
    if all(row.lead == row.labels for row in rows if row.values is not None):
        by_labels, off_by_labels = grid, off  # no label broken over cells: both counts are one
    else:
        by_labels, off_by_labels = _grid_width(rows, tokens, structure, widths, False, misfits)
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
            elif by_cells and grid - lead <= width and lead > row.labels and len(cells) == width \
                    and not cells[-1].text:
                # its label broken over cells fills the column where the table pads (or more: 政府集中 | 采 | 购
                # in a grid of four): its blank last cell may be that padding (a value lost) as well as a blank
                # value, which no count tells apart
                room = width + 1
            if habit and len(cells) > width and not any(cell.text for cell in cells[width:]):
                room = len(cells)
            own = room or width
            if len(cells) > own:
                row = _without_lost_row(row, own, grid, order, present, widths, events)
            row = Printed(row.key, row.label, row.values, row.header, row.out_of_order, row.unreadable, lead,
                          row.labels, room)  # row._replace(lead=lead, room=room), made natively
        out.append(row)
    return out


def _fitting(rows: Sequence[Printed], grid: int, by_cells: bool, widths: dict[str, int]) -> tuple[int, int]:
    """How many rows' cells fit their columns in a table that pads its rows to ``grid`` cells, a label
    broken over cells counted as the cells it fills (``by_cells``) or as one; and how many of those
    fit with their last value filled (a row that fits only by taking a blank cell for its last value
    fits as well one cell short, the blank its padding: a row lost a cell beside a label in two)."""
    fitting = filled = 0
    for row in rows:
        if row.values is not None:
            width = widths[row.key]
            room = grid - (row.lead if by_cells else row.labels)
            cells = fit_cells(row.values.cells, width, room if room > width else 0)
            if cells is not None:
                fitting += 1
                filled += bool(cells[-1].text)
    return fitting, filled


def _padded_by_habit(rows: Sequence[Printed], widths: dict[str, int]) -> bool:
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
                widths: dict[str, int], by_cells: bool, unpadded_misfits: int) -> tuple[int, int]:
    """How many cells the table pads each of its rows to (label cells included), or 0 when it does
    not, and how many rows are not that wide. The width is the one all its rows but one have (label cells and value cells); the padding
    must show in the layout: a line of two or more blank cells and nothing else (a cell-per-line
    scrape writes a row's spanned columns as ``|||``), or two rows narrower than that, or captions,
    made that width with blank cells at their end (a markdown table), or one where every row is
    that width. A row one cell short or long, a blank last value, or a header cell left blank, is
    no evidence of padding. A label broken over cells of its line is counted as
    the cells it fills (``by_cells``: the table gave it those columns), or else as one.
    ``unpadded_misfits``: the rows whose cells are not exactly their columns."""
    spans: dict[int, int] = {}
    counted = 0
    for row in rows:
        if row.values is not None:
            span = (row.lead if by_cells else row.labels) + len(row.values.cells)
            spans[span] = spans.get(span, 0) + 1
            counted += 1
    width = most = 0  # the span most rows have, the first met of equals (loops: compiled, no call per item)
    for span, times in spans.items():
        if times > most:
            width, most = span, times
    if counted - most > max(1, counted // 10):
        return 0, counted - most
    shown = against = 0
    for row in rows:
        if row.values is not None:
            lead = row.lead if by_cells else row.labels
            if not row.values.cells[-1].text:
                shown += lead + len(row.values.cells) == width and lead + widths[row.key] < width
            else:
                # rows narrower than that printed at their own width, their last value filled, speak against
                # it: a row padded where another as narrow is not may be a row with a cell doubled (0 0 ∅ for 0 ∅)
                against += len(row.values.cells) == widths[row.key] and lead + widths[row.key] < width
    if against > shown:
        # more rows printed narrower at their own width than padded: captions or a line of blank cells
        # show how wide the grid is, not that its rows are padded to it
        return 0, counted - most
    shown -= against
    for token in tokens:  # (width is a row's span, 1 or more: a token this wide has a last cell)
        shown += len(token.cells) == width and not token.cells[-1].text and token.type in structure
    if shown == 1:
        shown += _padded_header_lines(tokens, structure, widths, width)
    # or padding fits more rows than no padding does (a row printed wrong either way is one row)
    evident = shown >= 2 or shown == 1 and (most == counted or counted - most < unpadded_misfits) \
        or _pad_line(tokens)
    return (width if evident else 0), counted - most


def _padded_header_lines(tokens: Sequence[TableToken], structure: frozenset[str], widths: dict[str, int],
                         width: int) -> int:
    """How many header lines (column names only: no caption, row label or value on the line) the table
    prints ``width`` cells wide with a blank last cell: a header made as wide as the grid with blank cells
    shows the padding as a caption does. Asked only where one row shows it: a cell lost from the other row
    that showed it (``0 | |`` for ``0 | | |``) must not turn the table's padding into cell-count errors
    in rows it did not touch."""
    cells: dict[int, list[Cell]] = {}
    other: set[int] = set()
    for token in tokens:
        header = token.type != "VALUES" and token.type not in structure and token.type.lower() not in widths
        for cell in token.cells:
            if header:
                cells.setdefault(cell.line, []).append(cell)
            else:
                other.add(cell.line)
    padded = 0
    for line, held in cells.items():
        if line not in other and len(held) == width and not max(held, key=_column_of).text:
            padded += 1
    return padded


def _column_of(cell: Cell) -> int:
    return cell.column


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
                      widths: dict[str, int], events: Events) -> Printed:
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
    if rest[0].line == cells[own - 1].line:
        return row  # one printed line is one row: cells too many on it are no row of their own
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
    lead = 0  # loops, not a generator over (*beside, label): compiled, they make nothing per row
    for token in beside:
        for cell in token.cells:
            lead += cell.line == line
    for cell in label.cells:
        lead += cell.line == line
    return lead


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


def values_between_labels(rows: list[Printed], tokens: Sequence[TableToken], events: Events,
                          table_starts: Sequence[int]) -> list[Printed]:
    """Rows whose values stand between two labels, read only where both labels would read alike.

    A converter that writes a PDF's table rows as markdown rows of their own, their labels as lines
    between them (markitdown), puts a row's values before its label where the numbers sit higher on
    the page than the label's first line (a label wrapped over two lines): then each row's values are
    the ones above its label, and read after the label every row takes the next row's. The sign is a
    block of values that went to no row right above such a row, a value on each of its lines and nothing
    but its table's rule between them (``table_starts``: the line above each rule), and not the one block
    after a row whose cells are
    all blank (which may be that row's, on the next line). From there on, a row whose
    values after its label differ from the block above it is null with a warning (a run of zeros reads
    alike either way and is kept)."""
    if len(rows) < 2:
        return rows
    place = {id(token): at for at, token in enumerate(tokens)}
    owned = {id(row.values) for row in rows if row.values is not None}
    out = list(rows)
    doubt = False  # a block of values went to no row above a row whose values stand below its label
    for at, row in enumerate(rows):
        values = row.values
        if values is None or values.cells[0].line <= row.label.cells[-1].line:
            continue
        start = place.get(id(row.label), 0) - 1
        while start >= 0 and tokens[start].type != VALUES:
            start -= 1
        if start < 0:
            continue
        if not doubt:
            if id(tokens[start]) in owned:
                continue
            block = tokens[start].cells
            end = block[-1].line
            if row.label.cells[0].line - end > (2 if end in table_starts else 1) \
                    or {cell.line for cell in block} != {cell.line for cell in block if cell.text}:
                continue  # lines between the block and the label, or lines of it holding no value (a label's
                # pieces around it): not the sign
            if at > 0 and _printed_none(rows[at - 1]) and not any(
                    token.type == VALUES and id(token) not in owned
                    for token in tokens[place.get(id(rows[at - 1].label), 0) + 1:start]):
                continue  # the one block after a row whose own cells are all blank may be that row's values
            doubt = True
        before = tokens[start]
        if [cell.text for cell in values.cells] != [cell.text for cell in before.cells]:
            events.add("warning", "reading-order", f"row {row.key}: values stand both above its label "
                       f"({_shown(before.cells)}) and below it ({_shown(values.cells)}), and values above such a "
                       "row went to no row: which are its own is not in the text; its cells are null",
                       row.label.line, row.label.column, row=row.key)
            out[at] = row._replace(unreadable=True)
    return out


def _printed_none(row: Printed) -> bool:
    """Whether a row's own line holds no value: no values, or blank cells only."""
    return row.values is None or not any(cell.text for cell in row.values.cells)


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


def place_rows(rows: Sequence[Printed], columns: dict[str, Columns], events: Events,
               glue: Glue | None = None, blanks_in_place: bool = False,
               table_starts: Sequence[int] = (), confirm: Confirm | None = None) -> dict[str, Placed]:
    """Each row key's cells, one per column: copies of a row reconciled, out-of-order rows
    read and reported; with ``glue``, glued digits split (rows left ambiguous wait in
    ``glue.pending`` for identities across rows). ``blanks_in_place``: the text is a PDF's lines in
    the page's order, where a blank cell's space stands where it was printed or nowhere (then its row
    has a cell too few), never elsewhere, even where neighbours share a line. ``table_starts``: the
    lines where a markdown table begins, each with a grid of its own. ``confirm``: the identity that
    binds a row, by which a row of a table detector's grid that does not fit is read where its values,
    blanks left out, are as many as its columns and meet it (``_confirmed``)."""
    by_key: dict[str, list[Printed]] = {}
    for printed in rows:
        copies = by_key.get(printed.key)
        if copies is None:
            by_key[printed.key] = [printed]  # (compiled, setdefault with a new list costs several times this)
        else:
            copies.append(printed)
    merged = _merged_cell(rows)
    if confirm is not None and merged is None:
        confirm = _if_misfits(confirm, rows, columns)
    counts = _CountsProve(rows, columns, table_starts) if confirm is not None else None
    positions = _Positions()
    suspects = _merged_tables(rows, table_starts) if merged is not None and table_starts else None
    placed: dict[str, Placed] = {}
    for key, copies in by_key.items():
        first = copies[0]
        if first.out_of_order and len(copies) == 1:
            events.add("info", "row-order", f"row {key} ({first.label.text[:30]}) is out of the statutory "
                       "order; read by its label", first.label.line, row=key)
        ran = merged
        if suspects is not None and copies[0].values is not None:
            ran = suspects.get(bisect_right(table_starts, copies[0].values.cells[0].line), merged)
        placed[key] = _reconciled(key, copies, columns[key], events, glue, merged, positions,
                                  blanks_in_place or ran is None, confirm, counts)
    return placed


def _if_misfits(confirm: Confirm, rows: Sequence[Printed], columns: dict[str, Columns]) -> Confirm:
    """``confirm`` with no rule for any row unless two or more of the table's rows do not fit their
    columns: a grid's made-up columns show in more rows than one; one row off is its own cell doubled or
    lost. Counted once, at the first row that asks (in most tables every row fits and none asks)."""
    name, constraints = confirm
    many: list[bool] = []

    def rules(key: str, width: int) -> tuple[Constraint, ...]:
        if not many:
            many.append(_misfits(rows, columns) >= 2)
        return constraints(key, width) if many[0] else ()

    return name, rules


def _misfits(rows: Sequence[Printed], columns: dict[str, Columns]) -> int:
    """How many rows' cells do not fit their columns as counted: a table detector makes up blank columns
    for its whole grid, so they show in many rows; a cell of a row's own printed twice or lost, in one."""
    count = 0
    for row in rows:
        if row.values is not None and fit_cells(row.values.cells, len(columns[row.key].keys), row.room) is None:
            count += 1
    return count


class _Positions:
    """``_positions`` for the rows of one table, the last answer kept: the rows of a header block
    share its header tuple (and most their Columns), so most rows ask again what the row before
    asked, answered by identity without hashing the header."""

    __slots__ = ("header", "columns", "found")

    def __init__(self) -> None:
        self.header: tuple[str, ...] | None = None
        self.columns: Columns | None = None
        self.found: tuple[int, ...] | None = None

    def of(self, header: tuple[str, ...], columns: Columns) -> tuple[int, ...] | None:
        if header is not self.header or columns is not self.columns:
            self.header, self.columns, self.found = header, columns, _positions(header, columns)
        return self.found


def _merged_tables(rows: Sequence[Printed], table_starts: Sequence[int]) -> dict[int, Cell | None]:
    """Each markdown table (by its place among ``table_starts``) with the first cell of several values in
    it, or None for a table of ``_MIN_GRID_ROWS`` rows or more with none. Where a table detector ran cells
    together it found that table's columns wrong, and its rows' blanks may not stand where they were
    printed; a table of its own grid (the page after) is not under suspicion. (A converter that writes a
    table a row or two, markitdown's PDF tables, shows no grid of its own: its rows stay under suspicion.)"""
    found: dict[int, Cell | None] = {}
    sizes: dict[int, int] = {}
    for printed in rows:
        if printed.values is not None:
            table = bisect_right(table_starts, printed.values.cells[0].line)
            sizes[table] = sizes.get(table, 0) + 1
            for cell in printed.values.cells:
                if several_values(cell) and found.get(bisect_right(table_starts, cell.line)) is None:
                    found[bisect_right(table_starts, cell.line)] = cell
    for table, size in sizes.items():
        if size >= _MIN_GRID_ROWS and table not in found:
            found[table] = None
    return found


_MIN_GRID_ROWS = 4  # rows of a markdown table that show a grid of its own


def _merged_cell(rows: Sequence[Printed]) -> Cell | None:
    """The first cell of the table holding several values: the tool that wrote the table found its
    columns itself (a PDF table detector) and ran cells together there."""
    for printed in rows:
        if printed.values is not None:
            for cell in printed.values.cells:
                if several_values(cell):
                    return cell
    return None


def _reconciled(key: str, copies: list[Printed], columns: Columns, events: Events, glue: Glue | None,
                merged: Cell | None, positions: _Positions, blanks_in_place: bool,
                confirm: Confirm | None = None, counts: _CountsProve | None = None) -> Placed:
    printed: Printed | None = None  # the first copy with values (a loop: compiled, no list made per row)
    for copy in copies:
        if copy.values is not None:
            printed = copy
            break
    if printed is None:
        return Placed(key, copies[0].label, None)
    cells = _placed_cells(key, printed, columns, events, glue, merged, positions, blanks_in_place, confirm, counts)
    if len(copies) > 1:
        with_values = [other for other in copies if other.values is not None]
        readings = [cells] + [_placed_cells(key, other, columns, events, glue, merged, positions, blanks_in_place,
                                            confirm, counts)
                              for other in with_values[1:]]
        lines = ", ".join(str(p.label.line) for p in copies)
        texts = {None if found is None else tuple([cell.text for cell in found]) for found in readings}
        if len(texts) > 1:
            events.add("error", "duplicate-row", f"row {key} is printed {len(copies)} times (lines {lines}) "
                       "with different values; its cells are null", copies[1].label.line, row=key)
            return Placed(key, printed.label, None, True)
        events.add("info", "duplicate-row", f"row {key} is printed {len(copies)} times (lines {lines}); "
                   "the copies agree, read once", copies[1].label.line, row=key)
    return Placed(key, printed.label, cells, cells is None)


def _placed_cells(key: str, printed: Printed, columns: Columns, events: Events, glue: Glue | None,
                  merged: Cell | None, positions: _Positions, blanks_in_place: bool = False,
                  confirm: Confirm | None = None, counts: _CountsProve | None = None) -> tuple[Cell, ...] | None:
    """A row's cells, one per column in statutory order, or None (reported). ``merged``: the table's
    first cell holding several values (_merged_cell), None where no cell of it holds several. ``counts``:
    whether a detector grid's rows are read by their values' count (_CountsProve)."""
    assert printed.values is not None
    if printed.unreadable:
        return None

    if merged is not None:
        apart = cells_apart(f"row {key}", printed.values.cells, len(columns.keys), events, key,
                            blanks_in_place)
        if apart is not None:
            return _in_header_order(apart, positions.of(printed.header, columns))
    cells = fit_cells(printed.values.cells, len(columns.keys), printed.room)
    if cells is None and glue is not None and glue.shown:
        cells = forced_apart(key, printed.values.cells, len(columns.keys), events)
    if cells is None and glue is not None and row_groups(printed.values.text) is not None and glue.live():
        return split_glued(key, printed, len(columns.keys), glue, events)
    if cells is None and confirm is not None:
        cells = _confirmed(key, printed.values.cells, len(columns.keys), confirm, events)
        if cells is None and counts is not None:
            cells = _by_count(key, printed.values.cells, printed.label, len(columns.keys), counts, events)
        if cells is not None:
            return _in_header_order(cells, positions.of(printed.header, columns))
    if cells is None and merged is None:
        cells = _before_trailing_blanks(key, printed.values.cells, len(columns.keys), events)
    if cells is None:
        found = printed.values.cells
        filled = sum(1 for cell in found if cell.text)
        padded = f", in a table that pads each row to {printed.lead + printed.room} cells (this one: " \
                 f"{printed.lead + len(found)})" if printed.room else ""
        events.add("error", "cell-count", f"row {key}: {filled} values and {len(found) - filled} blank cells "
                   f"for {len(columns.keys)} columns{padded} ({_shown(found)}); its cells are null",
                   found[0].line, found[0].column, row=key)
        return None
    joined = None
    if merged is not None:  # else no cell of the table holds several values: _merged_cell asked each
        for cell in cells:  # a loop, not next() over a generator: compiled, it makes nothing per row
            if several_values(cell):
                joined = cell
                break
    confirmed = None
    if confirm is not None and (joined is not None or merged is not None and not blanks_in_place
                                and any(not cell.text for cell in cells)):
        confirmed = _confirmed(key, printed.values.cells, len(columns.keys), confirm, events)
        if confirmed is None and counts is not None:
            confirmed = _by_count(key, printed.values.cells, printed.label, len(columns.keys), counts, events)
    if confirmed is not None:
        return _in_header_order(confirmed, positions.of(printed.header, columns))
    if joined is not None:
        # Cells a tool ran into one: how many there are, and which columns they fill, is no longer known.
        events.add("error", "cell-count", f"row {key}: {joined.text!r} is several values in one cell, so its "
                   "cells cannot be counted; its cells are null", joined.line, joined.column, row=key)
        return None
    if merged is not None and not blanks_in_place and any(not cell.text for cell in cells) \
            and not all(not cell.text for cell in cells):
        # pymupdf4llm drops a blank cell here and pads the row at its end there: where a table's writer
        # ran cells together, the places of a row's blanks are not known either. (In a PDF's lines in
        # page order, two cells on one line are neighbours, and a blank's space stands in its place.)
        events.add("error", "cell-count", f"row {key}: blank cells among its values ({_shown(cells)}) in a table "
                   f"whose writer ran cells together (line {merged.line}: {merged.text!r}), so the blanks may "
                   "not stand where they were printed; its cells are null", cells[0].line, cells[0].column, row=key)
        return None
    if confirm is not None and merged is not None and not blanks_in_place and _breaks(key, cells, confirm):
        counted = _by_count(key, cells, printed.label, len(columns.keys), counts, events) if counts is not None else None
        if counted is not None:
            return _in_header_order(counted, positions.of(printed.header, columns))
        # the grid that ran two cells into one may also have cut a number in two (1|2 for 12) where the row
        # had a blank: the count fits, the identity does not
        events.add("error", "cell-count", f"row {key}: its values ({_shown(cells)}) break {confirm[0]} in a table "
                   f"whose writer ran cells together (line {merged.line}: {merged.text!r}), where a number cut in "
                   "two may stand for a blank cell; its cells are null", cells[0].line, cells[0].column, row=key)
        return None
    return _in_header_order(cells, positions.of(printed.header, columns))


def _before_trailing_blanks(key: str, found: Sequence[Cell], width: int, events: Events) -> tuple[Cell, ...] | None:
    """A row's first ``width`` cells where blank cells follow them and none of them is blank or printed twice
    (two equal cells side by side): then a blank after them is padding or a stray cell, and cannot be one
    of the row's values (its values would be one too many, and no value stands twice to be the one more).
    A row padded where the table's other rows no longer show it (the cell lost from one of two padded rows:
    ``- | 0 |`` below ``0 | |``) is read so; ``0 | 0 |`` is not (a 0 printed twice before a blank value)."""
    if len(found) <= width or found[width - 1].text == "":
        return None
    for at in range(width, len(found)):
        if found[at].text:
            return None
    for at in range(width):
        if not found[at].text or at and found[at].text == found[at - 1].text:
            return None
    events.add("warning", "stray-empty-cell", f"row {key}: {len(found) - width} blank cell(s) after its {width} "
               f"values ({_shown(found)}), none of them blank or printed twice: read as padding", found[width].line,
               found[width].column, row=key)
    return tuple(found[:width])


def forced_apart(key: str, found: Sequence[Cell], width: int, events: Events) -> tuple[Cell, ...] | None:
    """A row of text placed by x (its blanks placed where printed) with cells run together after a zero, cut
    where no count decides (``00``: 0|0, ``0179717``: 0|179717, govparse.digits.forced_parts), where that makes
    exactly its columns; else None. The cut rests on no count nor identity: a row that lost a blank stays a
    cell short, and the digits after the zeros are taken whole, as in any row that fits."""
    cells: list[Cell] = []
    cut: list[str] = []
    for cell in found:
        parts = forced_parts(cell.text)
        if parts is None:
            cells.append(cell)
            continue
        cut.append(cell.text)
        cells.extend(Cell(part, cell.line, cell.column + at) for at, part in enumerate(parts))
    if not cut or len(cells) != width:
        return None
    events.add("info", "merged-cells", f"row {key}: cells run together after a zero ({', '.join(cut)}) cut "
               f"after it: {_shown(cells)}", found[0].line, found[0].column, row=key)
    return tuple(cells)


def _breaks(key: str, cells: Sequence[Cell], confirm: Confirm) -> bool:
    """Whether a row's cells, all numbers, break the identity that binds it (a blank or a mark: no)."""
    numbers: list[Decimal | None] = []
    for cell in cells:
        value = read_value(cell.text)
        if value.kind != Kind.NUMBER:
            return False
        numbers.append(value.number)
    rules = confirm[1](key, len(cells))
    return bool(rules) and not all(holds(rule, numbers) for rule in rules)


def _confirmed(key: str, found: Sequence[Cell], width: int, confirm: Confirm,
               events: Events) -> tuple[Cell, ...] | None:
    """A row of a table detector's grid (pymupdf4llm), whose blank cells may be columns it made up and whose
    cells may hold two neighbours' values (0 503), as its values one a column in printed order: where,
    blanks left out and run-together cells cut, they are exactly as many as its columns, every one a
    number, and they meet the identity that binds the row (I1); else None. A number the grid cut in two
    (1,03 | 8) makes one too many, or, with a blank of the row's own, as many: the identity is what tells."""
    values: list[Cell] = []
    for cell in found:
        text = cell.text
        if not text:
            continue
        for part in text.split() if several_values(cell) else (text,):
            if read_value(part).kind != Kind.NUMBER:
                return None  # a null mark or a damaged number: nothing to check the row by
            values.append(Cell(part, cell.line, cell.column))
    name, constraints = confirm
    rules = constraints(key, width)
    if len(values) != width or not rules:
        return None
    numbers = [read_value(cell.text).number for cell in values]
    if not all(holds(rule, numbers) for rule in rules):
        return None
    events.add("warning", "read-by-identity", f"row {key}: its {width} values read one a column in printed order, "
               f"blanks left out ({_shown(found)}), as they meet {name} (a table detector's columns; were {name} "
               "broken in the report, these numbers could stand in the wrong columns)", found[0].line,
               found[0].column, row=key)
    return tuple(values)


def _value_parts(found: Sequence[Cell], label: TableToken) -> tuple[list[Cell], bool] | None:
    """A detector grid's row as its values in printed order, and whether one is a null mark: blank cells
    left out (a made-up column and a blank of the row's own look the same), run-together cells cut
    (0 179717), null marks kept (a mark is a cell's), and a piece that no number begins with (05: a leading
    zero) joined to the number before it, the tail of a number the grid cut in two (111 | 05 for 11105).
    None where a piece is neither a number nor a null mark (label text, a damaged number): nothing to
    count. A null mark the grid put in the label's cell, after its text (1．信访举报投诉类申请——), is the
    row's first value. (A plain count, most pieces, is told by two string tests, without read_value.)"""
    values: list[Cell] = []
    last = label.cells[-1]
    mark = _MARK_AFTER_LABEL.search(last.text)
    marked = mark is not None
    if mark is not None:
        values.append(Cell(mark.group(1), last.line, last.column + mark.start(1)))
    after_number = False  # whether the last value is a number (a cut number's tail joins only one)
    for cell in found:
        text = cell.text
        if not text:
            continue
        for part in text.split() if several_values(cell) else (text,):
            if part.isdigit() and part.isascii():
                kind = Kind.NUMBER
            else:
                kind = read_value(part).kind
                if kind == Kind.NUMBER and "," in part and _GROUPED.fullmatch(part) is None:
                    return None  # a number cut inside its thousands groups (1,03 | 8): which pieces join is unknown
            if kind == Kind.NUMBER and _TAIL.match(part) is not None:
                if not after_number:
                    return None
                values[-1] = Cell(values[-1].text + part, values[-1].line, values[-1].column)
                continue
            if kind == Kind.NULL_MARK:
                marked = True
            elif kind != Kind.NUMBER:
                return None
            values.append(Cell(part, cell.line, cell.column))
            after_number = kind == Kind.NUMBER
    return values, marked


_MARK_AFTER_LABEL = re.compile(r"[\u4e00-\u9fff）)]\s*([—–-]{1,2}|/)$")
_TAIL = re.compile(r"0\d")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # a number in whole thousands groups  # digits no number is printed with at its start: a cut number's tail


class _CountsProve:
    """Whether a detector grid's rows may be read by the count of their values (``_value_parts``): only
    where every row of the table counts as many values as its columns, none more or fewer, none with a
    number cut inside its thousands groups or a piece that is no value (a number the grid cut in two
    whose tail shows nothing of it, a blank cell of a row's own left as an empty cell: the two together
    would make a row's count right with its values in the wrong columns, and such a table shows one or
    the other elsewhere), and where the table prints a blank as a null mark somewhere (its writer marks
    its blanks: an empty cell is then a made-up column, not a blank of a row's own; a table without a mark
    is read by count nowhere, as rows that fit a grid which ran cells together but break I1 are not). Asked
    at the first row that needs it, then kept."""

    __slots__ = ("rows", "columns", "answer", "shapes", "table_starts")

    def __init__(self, rows: Sequence[Printed], columns: dict[str, Columns], table_starts: Sequence[int] = ()) -> None:
        self.rows = rows
        self.columns = columns
        self.table_starts = table_starts  # the lines where a markdown table begins, each with a grid of its own
        self.answer: bool | None = None
        self.shapes: dict[tuple[int, int, int], tuple[int, ...] | None] | None = None  # _by_groups' full rows

    def groups(self, line: int, cells: int, width: int) -> tuple[int, ...] | None:
        """How many values each of a row's ``cells`` cells holds in the full rows of that many cells and ``width``
        columns of the markdown table holding ``line`` (``_cell_values``; a table detector draws a grid per
        table), where two or more such rows agree on it; else None."""
        if self.shapes is None:
            shapes: dict[tuple[int, int, int], tuple[int, ...] | None] = {}
            seen: dict[tuple[int, int, int], int] = {}
            if any(_cut_number(row.values.cells) for row in self.rows if row.values is not None) \
                    or _misfits(self.rows, self.columns) < 2:
                # a grid that cuts numbers (111 | 05) may cut one whose tail fills a blank's cell; and where one row
                # alone does not fit its columns, it is its own cell lost or doubled, not a grid's made-up columns
                self.shapes = shapes
                return None
            for row in self.rows:
                if row.values is None or row.unreadable:
                    continue
                held = _cell_values(row.values.cells, row.label)
                size = len(self.columns[row.key].keys)
                if held is None or sum(len(parts) for parts in held) != size:
                    continue
                shape = (bisect_right(self.table_starts, row.values.cells[0].line), len(held), size)
                counts = tuple(len(parts) for parts in held)
                seen[shape] = seen.get(shape, 0) + 1
                if shapes.setdefault(shape, counts) != counts:
                    shapes[shape] = None  # full rows of one shape holding their values otherwise: no grid of its own
            self.shapes = {shape: counts if seen[shape] >= _MIN_GROUP_ROWS else None for shape, counts in shapes.items()}
        return self.shapes.get((bisect_right(self.table_starts, line), cells, width))

    def __call__(self) -> bool:
        if self.answer is None:
            marked = False
            for row in self.rows:
                if row.values is None or row.unreadable:
                    continue
                parts = _value_parts(row.values.cells, row.label)
                if parts is None or len(parts[0]) != len(self.columns[row.key].keys):
                    self.answer = False
                    return False
                marked = marked or parts[1]
            self.answer = marked
        return self.answer


def _by_count(key: str, found: Sequence[Cell], label: TableToken, width: int, counts: _CountsProve,
              events: Events) -> tuple[Cell, ...] | None:
    """A row of a detector's grid as its values one a column in printed order, null marks as nulls, where
    they are exactly as many as its columns and every row of the table counts as many as its own
    (``_CountsProve``); else as the cells of its table's grid hold them (``_by_groups``), or None."""
    parts = _value_parts(found, label)
    if parts is None or len(parts[0]) != width or not counts():
        return _by_groups(key, found, label, width, counts, events)
    values = parts[0]
    events.add("warning", "read-by-count", f"row {key}: its {width} values read one a column in printed order, "
               f"blanks left out ({_shown(found)}): every row of the table has as many values as columns (a "
               "table detector's columns)", found[0].line, found[0].column, row=key)
    return tuple(values)


_MIN_GROUP_ROWS = 2  # full rows of a shape that show which columns each cell of a detector's grid holds


def _cut_number(found: Sequence[Cell]) -> bool:
    """Whether a row's cells hold a piece of a number the grid cut in two: digits no number begins with (the
    05 of 111 | 05 for 11105), or a number cut inside its thousands groups (1,03 | 8)."""
    for cell in found:
        for part in cell.text.split():
            if part[0].isdigit() and (_TAIL.match(part) is not None or "," in part and _GROUPED.fullmatch(part) is None):
                return True
    return False


def _cell_values(found: Sequence[Cell], label: TableToken) -> list[list[Cell]] | None:
    """Each cell of a detector grid's row as the values it holds (run-together cells cut, a null mark a value,
    an empty cell none); None where a piece is neither a number nor a mark, a number's tail (05) or one cut
    inside its thousands groups (a cell holding part of another's number), or a mark or a number stands in the
    label's cell after its text (pymupdf4llm: 2．没有现成信息需要另行制作<br>2, the row's first value in the label's
    cell, its others a cell further left than in the rows whose label cell holds none)."""
    last = label.cells[-1].text
    if _MARK_AFTER_LABEL.search(last) is not None:
        return None
    pieces = last.split()
    if len(pieces) > 1 and read_value(pieces[-1]).kind == Kind.NUMBER:
        return None
    held: list[list[Cell]] = []
    for cell in found:
        parts: list[Cell] = []
        for part in cell.text.split():
            kind = read_value(part).kind
            if kind == Kind.NUMBER and (_TAIL.match(part) is not None
                                        or "," in part and _GROUPED.fullmatch(part) is None):
                return None
            if kind != Kind.NUMBER and kind != Kind.NULL_MARK:
                return None
            parts.append(Cell(part, cell.line, cell.column))
        held.append(parts)
    return held


def _by_groups(key: str, found: Sequence[Cell], label: TableToken, width: int, counts: _CountsProve,
               events: Events) -> tuple[Cell, ...] | None:
    """A row of a detector's grid read by the cells of its grid, where the table's rows are not all read by
    count (a row short of values: a blank cell of its own printed nothing; a grid of made-up columns that not
    every row fills alike): where two or more full rows with as many cells hold the same number of values in each
    (``_CountsProve.groups``: the grid gives each of its cells the same columns in every row of that shape),
    a cell holding as many values as in those rows holds its columns' values in order (rows of one markdown
    table: a table of a row or two, as markitdown writes some, draws a grid of its own), and a cell holding
    fewer holds a blank somewhere among its columns, which is not in the text: those columns are null. None
    where a cell holds more values than in the full rows, or no full rows show the grid, or the grid cuts numbers
    (``_cut_number`` in a row of the table: a number's tail could fill a blank's cell, the count right), or the
    row is the one row of its table that does not fit its columns (``_misfits``: a cell of its own lost)."""
    held = _cell_values(found, label)
    if held is None:
        return None
    template = counts.groups(found[0].line, len(held), width)
    if template is None:
        return None
    cells: list[Cell] = []
    unknown: list[str] = []
    for parts, count in zip(held, template):
        if len(parts) > count:
            return None
        if len(parts) == count:
            cells.extend(parts)
            continue
        at = found[len(cells) if len(cells) < len(found) else -1]
        if parts:
            unknown.append(f"{' '.join(part.text for part in parts)!r} for {count}")
        cells.extend(Cell("", at.line, at.column) for _ in range(count))
    shown = f"; cells holding fewer values than their columns ({', '.join(unknown)}): which of their columns is " \
            "blank is not in the text, so all are null" if unknown else ""
    events.add("warning", "read-by-groups", f"row {key}: read by the cells of the table detector's grid, each "
               f"holding the columns it holds in the full rows of that shape ({_shown(found)}){shown}",
               found[0].line, found[0].column, row=key)
    return tuple(cells)


def _in_header_order(cells: tuple[Cell, ...], positions: tuple[int, ...] | None) -> tuple[Cell, ...]:
    """``cells`` in statutory order, from where the header puts each column (None: that order)."""
    if positions is None:
        return cells
    return tuple([cells[position] for position in positions])


def several_values(cell: Cell) -> bool:
    """Whether a cell holds several values a tool ran together (13 13, 1 / 0, — 1): values apart by white
    space, so none where the cell holds none (most cells: 0, 12,251, —), asked before the pattern."""
    text = cell.text
    return bool(text) and not text.isdigit() and holds_space(text) and _SEVERAL_VALUES.match(text) is not None


def cells_apart(name: str, found: Sequence[Cell], width: int, events: Events,
                row: str | None = None, blanks_in_place: bool = False) -> tuple[Cell, ...] | None:
    """A row with cells a table's writer ran together (0<br>20) as its values one by one, when they are
    exactly as many as its columns and only blank cells follow them: then every column has its value, in
    the order printed, and the blanks are padding. None otherwise (and where no cell holds several).
    ``blanks_in_place``: a blank cell stands where it was printed (a PDF's lines in page order), so it
    is a column's, and no row is padded. ``name`` names the row (or rows) in the warning."""
    values: list[Cell] = []
    joined = False
    for cell in found:
        text = cell.text
        if not text:
            if blanks_in_place:
                values.append(cell)
            elif len(values) < width:
                return None  # a blank among the values: which column it is, the merge hides
            continue
        if several_values(cell):
            joined = True
            at = 0
            for part in text.split():
                at = text.index(part, at)
                values.append(Cell(part, cell.line, cell.column + at))
                at += len(part)
        else:
            values.append(cell)
    if not joined or len(values) != width:
        return None
    events.add("warning", "merged-cells", f"{name}: cells holding several values ({_shown(found)}) read one "
               f"value a column, in printed order: exactly {width} values for {width} columns",
               found[0].line, found[0].column, row=row)
    return tuple(values)


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
    constraints = glue.identities(key, width)
    split = split_digits(found[0], width, constraints, glue.kinds[key])
    if split.parts is not None and glue.shown and any(not cell.text for cell in printed.values.cells):
        # a blank cell where it was printed (text placed by x): the split, blind to it, may put a value in its
        # column, and an identity with a blank term shows nothing
        split = replace(split, parts=None, problem=f"{split.run!r} beside a blank cell: {glue.identity_name} "
                        "cannot show how it splits")
    elif split.parts is not None and glue.shown and not shown_by(constraints, split.parts, split.candidates[0],
                                                                   found[0]):
        split = replace(split, parts=None, problem=f"{split.run!r} split as {'|'.join(split.candidates[0])} fits "
                        f"the cell format, but {glue.identity_name} does not show it (a row of text placed by x "
                        "short of a cell may have lost a blank)")
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


def shown_by(constraints: Sequence[Constraint], parts: Sequence[int | Decimal | None],
             texts: Sequence[str] = (), groups: Sequence[str] = ()) -> bool:
    """Whether ``constraints`` show ``parts`` right: there are some, each with all its terms present, and
    each holds (a blank among the terms shows nothing), and none only as two one-digit parts cut from one
    printed group (``texts``: the split as printed; ``groups``: the run it cut) being equal, the rest zero: a
    digit repeated (22) meets that one time in ten, whichever cells it fills (a row 0 0 0 0 0 _ 22 short of its
    blank reads 2|2, I1 holding), where 764764 cut as 764|764 does one time in a thousand."""
    if not constraints:
        return False
    group_of = _group_of(texts, groups)
    return all(all(parts[k] is not None for k in c.plus + c.minus) and holds(c, parts)
               and not _equal_cut(c, parts, group_of) for c in constraints)


def _group_of(texts: Sequence[str], groups: Sequence[str]) -> list[int]:
    """For each part of a split (``texts``), the index of the printed group it was cut from (-1 where the
    texts do not rebuild the groups)."""
    owner: list[int] = []
    group, taken = 0, ""
    for text in texts:
        if group >= len(groups):
            return [-1] * len(texts)
        owner.append(group)
        taken += text
        if taken == groups[group]:
            group, taken = group + 1, ""
    return owner if group == len(groups) else [-1] * len(texts)


def _equal_cut(constraint: Constraint, parts: Sequence[int | Decimal | None], group_of: Sequence[int]) -> bool:
    """Whether ``constraint`` (holding) says no more than that two one-digit parts cut from one group, one a
    side, are equal: its only terms not zero."""
    if constraint.const or not group_of:
        return False
    plus = [k for k in constraint.plus if parts[k]]
    minus = [k for k in constraint.minus if parts[k]]
    if len(plus) != 1 or len(minus) != 1:
        return False
    value = parts[plus[0]]
    return value is not None and -10 < value < 10 and group_of[plus[0]] == group_of[minus[0]] != -1


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
        if len(cells) != room:
            return None
        for at in range(width, room):  # (an index loop: compiled, no slice or generator made per row)
            if cells[at].text:
                return None
        return tuple(cells[:width])
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
    if HEADER_LINE in header and _below_span(header, columns):
        return None
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


def _below_span(header: tuple[str, ...], columns: Columns) -> bool:
    """Whether a column stands on a line below a spanning label that comes before it in ``header``, a line
    holding other header labels too (so the lines are the header's rows, not a cell a line): 自然人 centred
    in its cell of two rows is printed below 法人或其他组织 in PDF text, and left or right of that label,
    the text does not say."""
    spans = dict(columns.spans)
    wanted = {columns.terminal(key): key for key in columns.keys}
    spanned = {child for parent, children in spans.items() if parent in header for child in children}
    lines: list[list[str]] = [[]]
    for terminal in header:
        if terminal == HEADER_LINE:
            lines.append([])
        else:
            lines[-1].append(terminal)
    span_line = next((at for at, line in enumerate(lines) if any(terminal in spans for terminal in line)), -1)
    if span_line < 0:
        return False
    return any(len(line) >= 2 and any(terminal in wanted and wanted[terminal] not in spanned for terminal in line)
               for line in lines[span_line + 1:])


def header_notes(rows: Sequence[Printed], columns: dict[str, Columns], events: Events) -> None:
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
            elif HEADER_LINE in printed.header and _below_span(printed.header, row_columns):
                what += ", one of them on a line below the label spanning others that it follows, so the text " \
                        "does not say on which side of that label it stands"
            events.add("info", "header-unread", f"row {printed.key} and the rows with it: {what}; values placed "
                       f"in the statutory column order ({', '.join(row_columns.keys)})", line, row=printed.key)
        elif order != row_columns.keys:
            events.add("warning", "column-order", f"the header above row {printed.key} prints its columns as "
                       f"{', '.join(order)}; values placed by the header", line, row=printed.key)


__all__ = ["Columns", "Events", "Placed", "Printed", "counted_rows", "fit_cells", "header_notes", "header_order",
           "out_of_order", "place_rows", "printed_rows", "unknown_row", "values_between_labels"]
