"""Stage 7 (builder): a grammar plan plus the tokens' cells become the typed model.

The plan says which token holds each row's label and values; this module fits
the value cells to the row's columns (govparse.values.fit_row), turns them into
``int`` or ``Decimal``, and reports each null with its reason and source line.
Every value's source line and column is recorded in ``sources`` (a ``Sources``).

Most tables have every row, each a value per column that reads with nothing
to report (maybe after blank cells to drop): such a table is read at once, a
few passes over all its cells with one dict lookup per cell (``_Known``). Any
other table is read row by row, and a row with anything to report cell by
cell (``cell_value``); both ways give the same values, sources and diagnostics.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any
from itertools import chain
from operator import attrgetter, ge, getitem

from .cells import Cell
from .diagnostics import Diagnostics
from .grammar import Plan
from .lexer import TableToken
from .model import COUNT, DELTA, MONEY, columns_of, constructor, rows_of, table_constructor
from .values import Kind, fit_row, read_value

SourceKey = tuple[str, str, str]  # (table, row, column)


class Sources(Mapping):
    """(table, row, column) -> (line, column) in the source text, for each value read from a cell.

    Some 230 entries a report, which few callers ever read (``Result.source_of``, as records
    does): the builder hands over the keys and the cells of a table, or of a row, at once,
    and the dict of them is made when it is first read. Reads, compares and pickles as that
    dict."""

    __slots__ = ("_pieces", "_found")

    def __init__(self, found: Mapping[SourceKey, tuple[int, int]] | None = None) -> None:
        self._pieces: list[tuple[Sequence[SourceKey], Sequence[Cell]]] = []
        self._found: dict[SourceKey, tuple[int, int]] = dict(found) if found else {}

    def add(self, keys: Sequence[SourceKey], cells: Sequence[Cell]) -> None:
        """``keys[i]`` was read from ``cells[i]``, for each of them."""
        self._pieces.append((keys, cells))

    def _read(self) -> dict[SourceKey, tuple[int, int]]:
        if self._pieces:
            for keys, cells in self._pieces:
                self._found.update(zip(keys, [(cell.line, cell.column) for cell in cells]))
            self._pieces.clear()
        return self._found

    def __getitem__(self, key: SourceKey) -> tuple[int, int]:
        return self._read()[key]

    def __iter__(self) -> Iterator[SourceKey]:
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())

    def __contains__(self, key: object) -> bool:
        return key in self._read()

    def get(self, key, default=None):
        return self._read().get(key, default)

    def keys(self):
        return self._read().keys()

    def values(self):
        return self._read().values()

    def items(self):
        return self._read().items()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sources):
            return self._read() == other._read()
        return self._read() == other if isinstance(other, Mapping) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._read())

    def __reduce__(self) -> tuple:
        return Sources, (self._read(),)


@dataclass(slots=True)
class BuildContext:
    table: str
    tokens: list[TableToken]
    diagnostics: Diagnostics
    sources: Sources = field(default_factory=Sources)
    line: int | None = None  # the table's heading: where a row that is not there is reported


_KNOWN_LIMIT = 65536  # texts a _Known remembers


class _Known(dict):
    """Cell text -> its value in the columns of one kind, for each text that cell_value reads
    as such a value with nothing to report: most cells (0, 14, 12,251; 2389.27441 as money).
    Worked out on first sight and remembered, since cells repeat across reports. Any other
    text is a KeyError, left to cell_value and its diagnostics."""

    __slots__ = ("reading",)

    def __init__(self, reading: Callable[[Decimal], int | Decimal | None]) -> None:
        super().__init__()
        self.reading = reading  # a number -> the column's value, None when it needs a diagnostic

    def __missing__(self, text: str) -> int | Decimal:
        value = read_value(text)
        known = self.reading(value.number) if value.kind is Kind.NUMBER and value.number is not None else None
        if known is None:
            raise KeyError(text)
        if len(self) < _KNOWN_LIMIT:
            self[text] = known
        return known


def _whole(number: Decimal) -> int | None:
    return int(number) if number == number.to_integral_value() else None


def _count(number: Decimal) -> int | None:
    count = _whole(number)
    return count if count is not None and count >= 0 else None


_KNOWN = {COUNT: _Known(_count), DELTA: _Known(_whole), MONEY: _Known(lambda number: number)}


@dataclass(frozen=True, slots=True)
class RowPlan:
    """What the builder needs to know about one row, worked out once per table and row class."""

    key: str  # the row as diagnostics name it
    columns: tuple[tuple[str, str], ...]  # (column as diagnostics name it, COUNT, DELTA or MONEY)
    sources: tuple[SourceKey, ...]  # the key of each column's entry in ``sources``
    make: Callable[[list], Any]  # values in column order -> the row
    known: tuple[_Known, ...]  # each column's known values
    width: int  # how many columns

    @classmethod
    def of(cls, key: str, columns, sources, make) -> RowPlan:
        columns = tuple(columns)
        return cls(key, columns, tuple(sources), make, tuple(_KNOWN[kind] for _, kind in columns), len(columns))

    def empty(self):
        return self.make([None] * self.width)


@dataclass(frozen=True, slots=True)
class TablePlan:
    """A table class's rows, and all their columns end to end (to read a whole table at once)."""

    rows: tuple[RowPlan, ...]
    make: Callable[[list], Any]  # rows in table order -> the table
    known: tuple[_Known, ...]
    sources: tuple[SourceKey, ...]
    widths: list[int]  # each row's width (a list, as the lengths it is compared with)
    heads: tuple[slice, ...]  # each row's first ``width`` cells: its columns
    tails: tuple[slice, ...]  # and the cells after them
    make_at_once: Callable[[list], Any]  # all the rows' values end to end -> the table
    # id(grammar plan) -> (that plan, the index of each row's values token in it, or None
    # when a row lacks its label or values). The entry holds the plan, so its id stays its own.
    places: dict[int, tuple[Plan, tuple[int, ...] | None]] = field(default_factory=dict)


@lru_cache(maxsize=None)
def table_plan(table: str, table_class: type) -> TablePlan:
    rows = tuple(
        RowPlan.of(row_key, columns_of(row_class), [(table, row_key, column) for column, _ in columns_of(row_class)],
                   constructor(row_class))
        for row_key, row_class in rows_of(table_class)
    )
    widths = [row.width for row in rows]
    return TablePlan(rows, constructor(table_class), tuple(known for row in rows for known in row.known),
                     tuple(source for row in rows for source in row.sources), widths,
                     tuple(slice(width) for width in widths), tuple(slice(width, None) for width in widths),
                     table_constructor(table_class))


def build_rows(ctx: BuildContext, plan: Plan, table_class: type):
    """Generic builder: one plan row per field of ``table_class``."""
    table = table_plan(ctx.table, table_class)
    values = _known_table(ctx, plan, table)
    if values is not None:
        return table.make_at_once(values)
    return table.make([_row(ctx, plan, row_plan) for row_plan in table.rows])


_TEXT = attrgetter("text")
_PLACES_LIMIT = 256  # grammar plans a TablePlan remembers; a corpus has a few per table


def _value_tokens(plan: Plan, table: TablePlan) -> tuple[int, ...] | None:
    """The index of each row's values token, or None when some row lacks its label or values.
    The same for every report whose table has the same shape: worked out once per plan."""
    place = table.places.get(id(plan))
    if place is None:
        found = [plan.rows.get(row_plan.key) for row_plan in table.rows]
        at = None if any(row is None or row.label is None or row.values is None for row in found) else \
            tuple(row.values for row in found)
        place = (plan, at)
        if len(table.places) < _PLACES_LIMIT:
            table.places[id(plan)] = place
    return place[1]


def _known_table(ctx: BuildContext, plan: Plan, table: TablePlan) -> list | None:
    """Every row's values, end to end, read in a few passes over all the table's cells when
    each row is there and its cells are placed with a known value in each column, as in most
    tables: the only thing to report then is stray blank cells. None when some row is not
    like that."""
    at = _value_tokens(plan, table)
    if at is None:
        return None
    tokens = ctx.tokens
    found = [tokens[index].cells for index in at]  # each row's value cells
    lengths = list(map(len, found))
    strays: list[tuple[RowPlan, tuple[Cell, ...]]] = []  # (row, blank cells dropped from it)
    if lengths == table.widths:  # a cell per column in each row: half the tables
        placed = list(chain.from_iterable(found))
    elif all(map(ge, lengths, table.widths)) and \
            not any(map(_TEXT, chain.from_iterable(map(getitem, found, table.tails)))):
        # Each row its columns, then blank cells (as fit_row would take them): most others.
        placed = list(chain.from_iterable(map(getitem, found, table.heads)))
    else:
        placed = []
        for row_plan, cells in zip(table.rows, found):
            if len(cells) != row_plan.width:
                fitted = fit_row(cells, row_plan.width)
                if fitted.cells is None:
                    return None
                if fitted.dropped:
                    strays.append((row_plan, fitted.dropped))
                cells = fitted.cells
            placed.extend(cells)
    try:
        values = list(map(dict.__getitem__, table.known, map(_TEXT, placed)))
    except KeyError:
        return None
    for row_plan, dropped in strays:
        _report_strays(ctx, row_plan, dropped)
    ctx.sources.add(table.sources, placed)
    return values


def _row(ctx: BuildContext, plan: Plan, row_plan: RowPlan):
    row = plan.rows.get(row_plan.key)
    if row is None or row.label is None:
        ctx.diagnostics.warning(
            "missing-row", f"{ctx.table}: row {row_plan.key} not found; its cells are null", ctx.line)
        return row_plan.empty()
    label = ctx.tokens[row.label]
    if row.values is None:
        ctx.diagnostics.warning(
            "empty-row", f"{ctx.table}: row {row_plan.key} ({label.text}) has no values; its cells are null",
            label.line, label.column)
        return row_plan.empty()
    return row_plan.make(row_values(ctx, row_plan, ctx.tokens[row.values].cells, label))


def row_values(ctx: BuildContext, row_plan: RowPlan, cells: tuple[Cell, ...], label: TableToken) -> list:
    """Values for the row's columns, null with a diagnostic where unreadable; ``label``'s line
    is where a row with no cells is reported."""
    fitted = fit_row(cells, row_plan.width)
    if fitted.cells is None:
        ctx.diagnostics.error(
            "cell-count", f"{ctx.table}: row {row_plan.key}: {fitted.problem}; its cells are null",
            cells[0].line if cells else label.line)
        return [None] * row_plan.width
    if fitted.dropped:
        _report_strays(ctx, row_plan, fitted.dropped)
    values = _known_values(ctx, row_plan, fitted.cells)
    if values is None:
        values = _read_values(ctx, row_plan, fitted.cells)
    return values


def _report_strays(ctx: BuildContext, row_plan: RowPlan, dropped: tuple[Cell, ...]) -> None:
    count = len(dropped)
    ctx.diagnostics.info(
        "stray-empty-cell",
        f"{ctx.table}: row {row_plan.key}: {count} empty cell{'s' if count > 1 else ''} beside its values ignored",
        dropped[0].line)


def _known_values(ctx: BuildContext, row_plan: RowPlan, placed: tuple[Cell, ...]) -> list | None:
    """The values of cells placed in the row's columns when each is known (their sources
    recorded), else None."""
    try:
        values = list(map(dict.__getitem__, row_plan.known, [cell.text for cell in placed]))
    except KeyError:
        return None
    ctx.sources.add(row_plan.sources, placed)
    return values


def _read_values(ctx: BuildContext, row_plan: RowPlan, placed: tuple[Cell, ...]) -> list:
    """Each cell read on its own, with a diagnostic for each null and doubtful value."""
    ctx.sources.add(row_plan.sources, placed)
    values = []
    for (column, kind), known, cell in zip(row_plan.columns, row_plan.known, placed):
        try:
            values.append(known[cell.text])
        except KeyError:
            values.append(cell_value(ctx, row_plan.key, column, kind, cell))
    return values


def cell_value(ctx: BuildContext, row_key: str, column: str, kind: str, cell: Cell):
    where = f"{ctx.table}.{row_key}.{column}"
    value = read_value(cell.text)
    if value.kind is Kind.BLANK:
        ctx.diagnostics.warning("blank-cell", f"{where} is blank; null", cell.line, cell.column)
        return None
    if value.kind is Kind.NULL_MARK:
        ctx.diagnostics.warning("null-mark", f"{where} holds {cell.text!r}; null", cell.line, cell.column)
        return None
    number = value.number
    if value.kind is not Kind.NUMBER or number is None:
        ctx.diagnostics.warning("unreadable-value", f"{where}: cannot read {cell.text!r}; null",
                                cell.line, cell.column)
        return None
    if kind in (COUNT, DELTA):
        if number != number.to_integral_value():
            ctx.diagnostics.warning("not-a-count", f"{where}: {cell.text!r} is not a whole number; null",
                                    cell.line, cell.column)
            return None
        count = int(number)
        if count < 0 and kind == COUNT:
            ctx.diagnostics.warning("negative-count", f"{where} is negative ({count})", cell.line, cell.column)
        return count
    return number
