"""The typed model as the builder makes it.

Rows come from ``model.constructor``, not the classes' own ``__init__``: they must be the
same frozen objects. A table is read all at once when every cell is a plain value, row by
row otherwise: both ways must give the same values, sources and diagnostics.
"""

from __future__ import annotations

import dataclasses
import random

import pytest

import govparse
from govparse.model import (ApplicantCounts, Applications, Applications2019, OutcomeCounts, ReviewLitigation,
                            constructor, rows_of, table_constructor, table_values, to_plain)
from govparse.render import LAYOUTS, random_report, render


def test_constructor_makes_the_rows_the_class_makes():
    values = [14, 0, 0, 0, 0, 0, 14]
    row = constructor(ApplicantCounts)(values)
    assert type(row) is ApplicantCounts
    assert row == ApplicantCounts(*values) and hash(row) == hash(ApplicantCounts(*values))
    assert dataclasses.astuple(row) == tuple(values)
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.total = 15  # type: ignore[misc]
    rows = [constructor(ApplicantCounts)([None] * 7) for _ in rows_of(Applications)]
    assert constructor(Applications)(rows) == Applications(*rows)


def test_a_table_made_at_once_is_the_table_its_rows_make():
    values = list(range(15))
    table = table_constructor(ReviewLitigation)(values)
    assert table == ReviewLitigation(OutcomeCounts(*values[:5]), OutcomeCounts(*values[5:10]),
                                     OutcomeCounts(*values[10:]))
    assert type(table) is ReviewLitigation and type(table.suit_direct) is OutcomeCounts
    with pytest.raises(dataclasses.FrozenInstanceError):
        table.review.total = 0  # type: ignore[misc]


@pytest.mark.parametrize("table_class", [Applications, Applications2019, ReviewLitigation])
def test_table_values_reads_back_what_table_constructor_made(table_class):
    """The identities read a table's values end to end as the builder gave them (row r's column c at
    r * its columns + c)."""
    count = sum(len(dataclasses.fields(row_class)) for _, row_class in rows_of(table_class))
    values = [None if at % 5 == 3 else at for at in range(count)]
    assert table_values(table_class)(table_constructor(table_class)(values)) == values


@pytest.mark.parametrize("seed", range(6))
def test_to_plain_gives_the_dict_tree_of_every_field(seed):
    """The dicts written out per class are the fields' tree, in field order, Decimal and None kept."""
    report = random_report(random.Random(seed))
    for key in ("active_disclosure", "applications", "review_litigation"):
        table = getattr(report, key)
        assert list(to_plain(table)) == [field.name for field in dataclasses.fields(table)]
        assert to_plain(table) == dataclasses.asdict(table)
        row = getattr(table, dataclasses.fields(table)[0].name)
        assert to_plain(row) == dataclasses.asdict(row)
    assert to_plain(None) is None and to_plain(7) == 7


def _with_cell(text: str, where: tuple[int, int], new: str) -> str:
    """``text`` with the cell starting at (line, column) written ``new`` (same width)."""
    lines = text.split("\n")
    line, column = where
    old = lines[line - 1]
    width = len(old[column - 1:].split("|")[0].split("\t")[0].split(" ")[0])
    lines[line - 1] = old[:column - 1] + new.ljust(width) + old[column - 1 + width:]
    return "\n".join(lines)


# Every text layout (an HTML cell's source column is not where a plain edit can rewrite it).
@pytest.mark.parametrize("layout", [layout for layout in LAYOUTS if "html" not in str(layout)], ids=str)
def test_one_null_mark_changes_nothing_else(layout):
    """A '/' in one cell of table 三 and of table 四 sends them row by row: everything but
    that cell (its value, the checks it is in, its one diagnostic) stays as the whole-table
    read gave it."""
    text = render(random_report(random.Random(7)), layout)
    plain = govparse.parse(text)
    cells = (("applications", "granted", "natural_person"), ("review_litigation", "suit_direct", "pending"))
    marked_text = text
    for cell in cells:
        marked_text = _with_cell(marked_text, plain.source_of(*cell), "/")
    marked = govparse.parse(marked_text)

    for key in ("active_disclosure", "applications", "review_litigation"):
        expected = dataclasses.asdict(getattr(plain, key))
        for table, row, column in cells:
            if table == key:
                expected[row][column] = None
        assert dataclasses.asdict(getattr(marked, key)) == expected, key
    assert list(marked.sources.items()) == list(plain.sources.items())
    null_marks = [d for d in marked.diagnostics if d.code == "null-mark"]
    assert [d.message.split(" ")[0] for d in null_marks] == [
        "applications.granted.natural_person", "review_litigation.suit_direct.pending"]
    assert [d for d in marked.diagnostics if d.code != "null-mark"] == list(plain.diagnostics)
    assert isinstance(marked.review_litigation, ReviewLitigation)
