"""The three statutory tables, one module each (labels, keys, example in each docstring).

Each module names its table's key, section, grammars and model classes, and the
header labels that span several columns; tables 二 and 三 are read row by row
(``read_rows``), table 四, one row of fifteen numbers in three groups, by its own reader.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from ..grammar import TableGrammar
from ..lexer import TableToken
from ..digits import COUNT as DIGIT_COUNT, DECIMAL, SIGNED, Constraint
from ..model import COUNT, DELTA, MONEY, columns_of, rows_of
from ..rows import (Columns, Events, Glue, Placed, Printed, counted_rows, header_notes, place_rows, printed_rows,
                    values_between_labels)
from ..transform import BuildContext, build_table


Identities = tuple[str, Callable[[str, int], tuple[Constraint, ...]]]  # (name, (row key, width) -> constraints)
NO_IDENTITY: Identities = ("no identity", lambda key, width: ())


def read_rows(ctx: BuildContext, tokens: Sequence[TableToken], grammar: TableGrammar, model: type,
              spans: Mapping[str, tuple[str, ...]],
              adjust: Callable[[list[Printed], Events], list[Printed]] | None = None,
              identities: Identities = NO_IDENTITY,
              settle: Callable[[dict[str, Placed], Glue, Events, type], None] | None = None):
    """A table of labelled rows: each row found by its label, its values placed by the header.

    ``adjust`` sees the printed rows first (table 三 takes a subtotal column out there).
    Where the cells ran together (``ctx.glued``), a row's digits are split under the
    ``identities`` that bind a row, and ``settle`` may decide rows still ambiguous by
    identities across rows."""
    events = Events(ctx.table, ctx.diagnostics)
    printed = printed_rows(tokens, grammar, events, ctx.reading_order, ctx.set_aside, not ctx.linear)
    if ctx.detector_grid:
        printed = values_between_labels(printed, tokens, events, ctx.table_starts)
    printed = counted_rows(printed, tokens, grammar.rows, grammar.structure_terminals, row_widths(model), events)
    if adjust is not None:
        printed = adjust(printed, events)
    columns = columns_by_row(model, tuple(spans.items()))
    header_notes(printed, columns, events)
    glue = Glue(digit_kinds(model), identities[1], identities[0], shown=ctx.glue_shown,
                applies=None if ctx.glued else ctx.glued_by_x) if ctx.glued or ctx.glued_by_x is not None else None
    # (told by its name, not by ``is``: compiled, a tuple is boxed anew where it is passed, so the default
    # NO_IDENTITY is not the same object in the callee and a table with no identity got a confirm)
    confirm = identities if ctx.detector_grid and identities[0] != NO_IDENTITY[0] else None
    placed = place_rows(printed, columns, events, glue, ctx.page_lines, ctx.table_starts, confirm)
    if glue is not None:
        if settle is not None and glue.pending and not glue.shown:  # (across rows a blank shows nothing either)
            settle(placed, glue, events, model)
        glue.report(events)
    return build_table(ctx, model, placed)


@lru_cache(maxsize=None)
def digit_kinds(model: type) -> dict[str, tuple[str, ...]]:
    """Each row's columns as govparse.digits reads glued digits: money may have a decimal
    point, the 2019 edition's changes a sign."""
    kinds = {MONEY: DECIMAL, DELTA: SIGNED, COUNT: DIGIT_COUNT}
    return {row: tuple(kinds[kind] for _, kind in columns_of(row_class)) for row, row_class in rows_of(model)}


@lru_cache(maxsize=None)
def row_widths(model: type) -> dict[str, int]:
    """Each row's number of columns."""
    return {row: len(columns_of(row_class)) for row, row_class in rows_of(model)}


@lru_cache(maxsize=None)
def columns_by_row(model: type, spans: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, Columns]:
    """Each row's Columns; rows with the same columns share one (Columns compare by identity: the
    row stage then sees at once that a row's header and columns are those of the row before)."""
    shared: dict[tuple[str, ...], Columns] = {}
    by_row: dict[str, Columns] = {}
    for row, row_class in rows_of(model):
        keys = tuple(key for key, _ in columns_of(row_class))
        if keys not in shared:
            shared[keys] = Columns(keys, spans)
        by_row[row] = shared[keys]
    return by_row


@dataclass(frozen=True, slots=True)
class TableSpec:
    key: str  # SPEC key of the table
    numeral: str  # the section that holds it
    grammars: dict[str, str]  # edition -> grammar name
    models: dict[str, type]  # edition -> model class
    read: Callable[[BuildContext, Sequence[TableToken], TableGrammar, type], object]


from . import active_disclosure, applications, review_litigation  # noqa: E402  (they use read_rows)

TABLES: tuple[TableSpec, ...] = tuple(
    TableSpec(m.KEY, m.SECTION, m.GRAMMARS, m.MODELS, m.read)
    for m in (active_disclosure, applications, review_litigation)
)
