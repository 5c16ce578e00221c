"""Stage 8 (builder): each row's placed cells become the typed model.

govparse.rows says which cell holds each column of each row; this module turns
the cells into ``int`` or ``Decimal``, reports each null with its reason and
source line, and records every value's source line and column in ``sources``
(a ``Sources``). One path for every table: row by row, cell by cell, with the
values of the commonest cell texts remembered (``_KNOWN``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .cells import Cell
from .diagnostics import Diagnostics
from .model import COUNT, DELTA, MONEY, columns_of, rows_of, table_constructor
from .rows import Placed
from .values import Kind, read_value

SourceKey = tuple[str, str, str]  # (table, row, column)


class Sources(Mapping):
    """(table, row, column) -> (line, column) in the source text, for each value read from a cell.

    Some 230 entries a report, which few callers ever read (``Result.source_of``, as records
    does): the builder hands over the keys and the cells of each row, and the dict of them is
    made when it is first read. Reads, compares and pickles as that
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

    def forget(self, keys: Sequence[SourceKey]) -> None:
        """These values were read and then taken back (made null): they have no source."""
        found = self._read()
        for key in keys:
            found.pop(key, None)

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


@dataclass(slots=True, init=False)
class BuildContext:
    """What the builder knows of one table's text. Its ``__init__`` written out, as govparse.identities.Check's
    is: compiled with mypyc it is native, where the dataclass's own stays Python (some 6,000 instructions a
    table)."""

    table: str
    diagnostics: Diagnostics
    sources: Sources
    line: int | None  # where the table starts: where a row that is not there is reported
    glued: bool  # cells run together (run-together layout): a row's digits may need splitting
    reading_order: bool  # pdftotext's blocks: a label's line ends no row, the header's order places nothing
    set_aside: frozenset[int]  # lines of values the reading-order reader gave to no row
    linear: bool  # a cell a line: a label's line does not end its row (a value run on after it, 规章0)
    wrapping: bool  # text with no cell marks, as PDF text is: a narrow cell's number may wrap over two lines
    # Text that may be laid out by x (space-delimited): whether two cells may have run together there, asked
    # only once a row does not fit its columns (the answer reads the table's lines again)
    glued_by_x: Callable[[], bool] | None
    # Cells run together in text placed by x, not by a crawler: a split stands only where the identities show it
    glue_shown: bool
    page_lines: bool  # a PDF's text a line a span in page order: a blank cell's space stands in its place
    table_starts: tuple[int, ...]  # where each markdown table begins (a table detector's grids: pymupdf4llm)
    detector_grid: bool  # markdown tables a PDF table detector drew: its columns may be wrong

    def __init__(self, table: str, diagnostics: Diagnostics, sources: Sources | None = None, line: int | None = None,
                 glued: bool = False, reading_order: bool = False, set_aside: frozenset[int] = frozenset(),
                 linear: bool = False, wrapping: bool = False, glued_by_x: Callable[[], bool] | None = None,
                 glue_shown: bool = False, page_lines: bool = False, table_starts: tuple[int, ...] = (),
                 detector_grid: bool = False) -> None:
        self.table = table
        self.diagnostics = diagnostics
        self.sources = Sources() if sources is None else sources
        self.line = line
        self.glued = glued
        self.reading_order = reading_order
        self.set_aside = set_aside
        self.linear = linear
        self.wrapping = wrapping
        self.glued_by_x = glued_by_x
        self.glue_shown = glue_shown
        self.page_lines = page_lines
        self.table_starts = table_starts
        self.detector_grid = detector_grid


_KNOWN_LIMIT = 65536  # texts each kind of column remembers

Known = dict[str, "int | Decimal"]  # cell text -> its value in the columns of one kind


def _whole(number: Decimal) -> int | None:
    return int(number) if number == number.to_integral_value() else None


def _count(number: Decimal) -> int | None:
    count = _whole(number)
    return count if count is not None and count >= 0 else None


def _money(number: Decimal) -> Decimal | None:
    return number


# For each kind of column, the texts that cell_value reads as such a value with nothing to
# report: most cells (0, 14, 12,251; 2389.27441 as money). Worked out on first sight and
# remembered, since cells repeat across reports; any other text is left to cell_value and
# its diagnostics. (Plain dicts, looked up by the builder directly.)
_READING: dict[str, Callable[[Decimal], int | Decimal | None]] = {COUNT: _count, DELTA: _whole, MONEY: _money}
_KNOWN: dict[str, Known] = {kind: {} for kind in _READING}


def _learned(kind: str, text: str) -> int | Decimal | None:
    """The value of ``text`` in a column of ``kind`` when it is one with nothing to report
    (remembered from then on), else None."""
    value = read_value(text)
    if value.kind is not Kind.NUMBER or value.number is None:
        return None
    known = _READING[kind](value.number)
    if known is not None and len(_KNOWN[kind]) < _KNOWN_LIMIT:
        _KNOWN[kind][text] = known
    return known


@dataclass(frozen=True, slots=True)
class RowPlan:
    """What the builder needs to know about one row, worked out once per table and row class."""

    key: str  # the row as diagnostics name it
    columns: tuple[tuple[str, str], ...]  # (column key, COUNT, DELTA or MONEY)
    sources: tuple[SourceKey, ...]  # the key of each column's entry in ``sources``
    known: tuple[Known, ...]  # each column's known values (its kind's)
    nulls: tuple[None, ...]  # the row's values when it is null


@lru_cache(maxsize=None)
def table_plan(table: str, table_class: type) -> tuple[tuple[RowPlan, ...], Callable[[list], object]]:
    """The rows of a table class, in statutory order, and its constructor (model.table_constructor):
    what the builder asks once per table, in one lookup."""
    plans = []
    for row_key, row_class in rows_of(table_class):
        columns = columns_of(row_class)
        plans.append(RowPlan(row_key, columns, tuple((table, row_key, column) for column, _ in columns),
                             tuple(_KNOWN[kind] for _, kind in columns), (None,) * len(columns)))
    return tuple(plans), table_constructor(table_class)


def build_table(ctx: BuildContext, table_class: type, placed: dict[str, Placed]):
    """The table from each row's placed cells; a row not found, or unreadable, is null. Made at
    once from all its values, rows end to end (model.table_constructor: no call per row); the
    sources of its values handed over a row at a time, as the row's keys and cells (no list of them made)."""
    values: list[int | Decimal | None] = []
    sources = ctx.sources
    plans, make = table_plan(ctx.table, table_class)
    for row_plan in plans:
        found = placed.get(row_plan.key)
        if found is None or found.label is None and found.cells is None:
            ctx.diagnostics.add("warning", "missing-row", f"{ctx.table}: row {row_plan.key} not found; its cells "
                                "are null", ctx.line, table=ctx.table, row=row_plan.key)
            values.extend(row_plan.nulls)
        elif found.cells is None:
            label = found.label
            if not found.reported and label is not None:
                ctx.diagnostics.add("warning", "empty-row", f"{ctx.table}: row {row_plan.key} ({label.text[:40]}) "
                                    "has no values; its cells are null", label.line, label.column,
                                    table=ctx.table, row=row_plan.key)
            values.extend(row_plan.nulls)
        else:
            sources.add(row_plan.sources, found.cells)
            row_values(ctx, row_plan, found.cells, values)
    return make(values)


def row_values(ctx: BuildContext, row_plan: RowPlan, placed: tuple[Cell, ...],
               values: list[int | Decimal | None]) -> None:
    """Each placed cell read as its column's value, added to the table's ``values``, with a diagnostic
    for each null and doubtful one. Most cells are a text read before with nothing to report: one
    lookup in their column's known values (a loop compiled to native code, the lookups typed: the
    row's cells a tuple)."""
    known = row_plan.known
    for position in range(len(placed)):
        cell = placed[position]
        text = cell.text
        value = known[position].get(text)
        if value is None:
            column, kind = row_plan.columns[position]
            value = _learned(kind, text)
            if value is None:
                value = cell_value(ctx, row_plan.key, column, kind, cell)
        values.append(value)


def cell_value(ctx: BuildContext, row_key: str, column: str, kind: str, cell: Cell):
    where = f"{ctx.table}.{row_key}.{column}"
    value = read_value(cell.text)
    if value.kind is Kind.BLANK:
        _warn(ctx, row_key, "blank-cell", f"{where} is blank; null", cell.line, cell.column)
        return None
    if value.kind is Kind.NULL_MARK:
        _warn(ctx, row_key, "null-mark", f"{where} holds {cell.text!r}; null", cell.line, cell.column)
        return None
    number = value.number
    if value.kind is not Kind.NUMBER or number is None:
        _warn(ctx, row_key, "unreadable-value", f"{where}: cannot read {cell.text!r}; null",
                                cell.line, cell.column)
        return None
    if kind in (COUNT, DELTA):
        if number != number.to_integral_value():
            _warn(ctx, row_key, "not-a-count", f"{where}: {cell.text!r} is not a whole number; null",
                                    cell.line, cell.column)
            return None
        count = int(number)
        if count < 0 and kind == COUNT:
            _warn(ctx, row_key, "negative-count", f"{where}: {cell.text!r} is negative, which a count cannot be; "
                                    "null", cell.line, cell.column)
            return None
        return count
    if number < 0:
        _warn(ctx, row_key, "negative-amount", f"{where} is negative ({number})", cell.line, cell.column)
    return number


def _warn(ctx: BuildContext, row_key: str, code: str, message: str, line: int, column: int) -> None:
    ctx.diagnostics.add("warning", code, message, line, column, table=ctx.table, row=row_key)
