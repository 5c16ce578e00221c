"""Stage 7 (builder): a grammar plan plus the tokens' cells become the typed model.

The plan says which token holds each row's label and values; this module fits
the value cells to the row's columns (govparse.values.fit_row), turns them into
``int`` or ``Decimal``, and reports each null with its reason and source line.
Every value's source line and column is recorded in ``sources``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .cells import Cell
from .diagnostics import Diagnostics
from .grammar import Plan
from .lexer import TableToken
from .model import COUNT, DELTA, columns_of, empty_row, rows_of
from .values import Kind, fit_row, read_value

SourceKey = tuple[str, str, str]  # (table, row, column)


@dataclass(slots=True)
class BuildContext:
    table: str
    tokens: list[TableToken]
    diagnostics: Diagnostics
    sources: dict[SourceKey, tuple[int, int]] = field(default_factory=dict)
    line: int | None = None  # the table's heading: where a row that is not there is reported


def build_rows(ctx: BuildContext, plan: Plan, table_class: type):
    """Generic builder: one plan row per field of ``table_class``."""
    built = {}
    for row_key, row_class in rows_of(table_class):
        row = plan.rows.get(row_key)
        if row is None or row.label is None:
            ctx.diagnostics.warning("missing-row", f"{ctx.table}: row {row_key} not found; its cells are null",
                                    ctx.line)
            built[row_key] = empty_row(row_class)
            continue
        label = ctx.tokens[row.label]
        if row.values is None:
            ctx.diagnostics.warning(
                "empty-row", f"{ctx.table}: row {row_key} ({label.text}) has no values; its cells are null",
                label.line, label.column)
            built[row_key] = empty_row(row_class)
            continue
        built[row_key] = build_row(ctx, row_key, row_class, ctx.tokens[row.values].cells, label.line)
    return table_class(**built)


def build_row(ctx: BuildContext, row_key: str, row_class: type, cells: tuple[Cell, ...], line: int):
    columns = columns_of(row_class)
    return row_class(*fit_values(ctx, row_key, columns, cells, line))


def fit_values(ctx: BuildContext, row_key: str, columns, cells: tuple[Cell, ...], line: int) -> list:
    """Values for ``columns`` from a row's cells, null with a diagnostic where unreadable."""
    fitted = fit_row(cells, len(columns))
    if fitted.cells is None:
        ctx.diagnostics.error(
            "cell-count", f"{ctx.table}: row {row_key}: {fitted.problem}; its cells are null",
            cells[0].line if cells else line)
        return [None] * len(columns)
    if fitted.dropped:
        count = len(fitted.dropped)
        ctx.diagnostics.info(
            "stray-empty-cell",
            f"{ctx.table}: row {row_key}: {count} empty cell{'s' if count > 1 else ''} beside its values ignored",
            fitted.dropped[0].line)
    values = []
    sources, table = ctx.sources, ctx.table
    for (column, kind), cell in zip(columns, fitted.cells):
        if cell is None:
            values.append(None)
            continue
        sources[(table, row_key, column)] = (cell.line, cell.column)
        if kind is COUNT:
            count = _COUNTS.get(cell.text)
            if count is not None:
                values.append(count)
                continue
        values.append(cell_value(ctx, row_key, column, kind, cell))
    return values


# Cell text -> count, for the texts that read as a plain count (0, 14, 12,251):
# most cells of a corpus, worth remembering.
_COUNTS: dict[str, int] = {}
_COUNTS_LIMIT = 65536


def cell_value(ctx: BuildContext, row_key: str, column: str, kind: str, cell: Cell):
    where = f"{ctx.table}.{row_key}.{column}"
    value = read_value(cell.text)
    if value.kind is Kind.BLANK:
        ctx.diagnostics.warning("blank-cell", f"{where} is blank; null", cell.line, cell.column)
        return None
    if value.kind is Kind.NULL_MARK:
        ctx.diagnostics.warning("null-mark", f"{where} holds {cell.text!r}; null", cell.line, cell.column)
        return None
    if value.kind is not Kind.NUMBER:
        ctx.diagnostics.warning("unreadable-value", f"{where}: cannot read {cell.text!r}; null",
                                cell.line, cell.column)
        return None
    number: Decimal = value.number
    if kind in (COUNT, DELTA):
        if number != number.to_integral_value():
            ctx.diagnostics.warning("not-a-count", f"{where}: {cell.text!r} is not a whole number; null",
                                    cell.line, cell.column)
            return None
        count = int(number)
        if count < 0 and kind == COUNT:
            ctx.diagnostics.warning("negative-count", f"{where} is negative ({count})", cell.line, cell.column)
        elif kind == COUNT and len(_COUNTS) < _COUNTS_LIMIT:
            _COUNTS[cell.text] = count
        return count
    return number
