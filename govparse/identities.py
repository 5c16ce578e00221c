"""Stage 8: the identities the form prints (勾稽关系), checked and reported.

- S1, table 三, per column: new_received + carried_over = total_processed + carried_forward
- I1, table 三, per row: total = the six applicant columns
- I2, table 三, per column: total_processed = every outcome row from granted to the last other row
- I3, table 四, per group: total = upheld + corrected + other + pending

A broken identity is a finding about the report: it carries the cells on each
side and the difference, and never changes a value. A check with a null cell on
either side cannot be decided: ``ok`` is None and ``missing`` names the cells.

Each identity is made for every column (or row, or group) of a table: the table
is read once into its values end to end, and each check sums the places of its
two sides there (compiled, a native loop over ints: no iterator, call or tuple
made per value or per row).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mypy_extensions import mypyc_attr

from .model import (APPLICANT_COLUMNS, Applications, Applications2019, ReviewLitigation, columns_of, outcome_rows,
                    rows_of, table_values)

APPLICANT_PARTS = APPLICANT_COLUMNS[:-1]
OUTCOME_PARTS = ("upheld", "corrected", "other", "pending")


@mypyc_attr(acyclic=True)
@dataclass(slots=True, init=False)
class Check:
    """One identity check's outcome. Read-only by convention: not frozen, since dozens are
    made per report and a frozen dataclass costs four times as much to build. Its ``__init__``
    written out: compiled with mypyc it is native, where the dataclass's own stays Python.
    Acyclic (names, tuples of names and numbers): compiled, the garbage collector does not track
    the forty-odd a report keeps."""

    id: str
    scope: str  # "column", "row" or "group"
    name: str  # the column, row or group the check is about
    lhs_cells: tuple[str, ...]
    rhs_cells: tuple[str, ...]
    lhs: int | None
    rhs: int | None
    missing: tuple[str, ...]

    def __init__(self, id: str, scope: str, name: str, lhs_cells: tuple[str, ...], rhs_cells: tuple[str, ...],
                 lhs: int | None, rhs: int | None, missing: tuple[str, ...] = ()) -> None:
        self.id = id
        self.scope = scope
        self.name = name
        self.lhs_cells = lhs_cells
        self.rhs_cells = rhs_cells
        self.lhs = lhs
        self.rhs = rhs
        self.missing = missing

    @property
    def ok(self) -> bool | None:
        if self.lhs is None or self.rhs is None:
            return None
        return self.lhs == self.rhs

    @property
    def difference(self) -> int | None:
        if self.lhs is None or self.rhs is None:
            return None
        return self.lhs - self.rhs

    def to_dict(self) -> dict:
        """The JSON form. A check that holds is named by its id and row, column or
        group; one that fails or cannot be decided also lists its cells (and the
        null ones), which is where a reader goes next. Listing them for every
        check would make them four fifths of a report's record."""
        document: dict[str, object] = {"id": self.id, self.scope: self.name, "ok": self.ok,
                                       "lhs": self.lhs, "rhs": self.rhs, "difference": self.difference}
        if self.ok is not True:
            document["cells"] = {"lhs": list(self.lhs_cells), "rhs": list(self.rhs_cells)}
            document["missing"] = list(self.missing)
        return document

    def __reduce__(self) -> tuple:
        # Pickled by its fields, as govparse.cells.Cell is: compiled, the class has no state
        # methods, and a Result must cross a process pool.
        return Check, (self.id, self.scope, self.name, self.lhs_cells, self.rhs_cells, self.lhs, self.rhs,
                       self.missing)


Values = list  # a table's values, rows end to end: row r's column c at r * (its columns) + c


@dataclass(frozen=True, slots=True)
class Identity:
    """One check to make: which values each side sums, as places in the table's values."""

    id: str
    scope: str
    name: str
    lhs: tuple[int, ...]
    rhs: tuple[int, ...]
    lhs_names: tuple[str, ...]
    rhs_names: tuple[str, ...]


def _family(table_key: str, id_: str, scope: str, rows: list[str], columns: list[str],
            lhs: tuple[str, ...], rhs: tuple[str, ...], *, by_column: bool) -> tuple[Identity, ...]:
    """For each column (``by_column``: ``lhs`` and ``rhs`` name rows) or each row (they name
    columns): the cells at ``lhs`` sum to the cells at ``rhs``."""
    lines, places = (columns, rows) if by_column else (rows, columns)
    width = len(columns)
    lhs_at = [places.index(name) for name in lhs]
    rhs_at = [places.index(name) for name in rhs]

    def identity(line: int, name: str) -> Identity:
        def cells(at: list[int]) -> tuple[int, ...]:
            return tuple(place * width + line if by_column else line * width + place for place in at)

        def names(side: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(f"{table_key}.{place}.{name}" if by_column else f"{table_key}.{name}.{place}"
                         for place in side)

        return Identity(id_, scope, name, cells(lhs_at), cells(rhs_at), names(lhs), names(rhs))

    return tuple(identity(line, name) for line, name in enumerate(lines))


@dataclass(frozen=True, slots=True)
class TableIdentities:
    """A table class's checks, and how to read its values."""

    read: Callable[[object], Values]
    identities: tuple[Identity, ...]


def _identities_for(table_class: type) -> TableIdentities:
    """The checks a table of this class gets. Its rows are all of one class, with several columns."""
    (row_class,) = {cls for _, cls in rows_of(table_class)}
    rows = [row for row, _ in rows_of(table_class)]
    columns = [column for column, _ in columns_of(row_class)]
    read = table_values(table_class)
    if table_class is ReviewLitigation:
        return TableIdentities(read, _family("review_litigation", "I3", "group", rows, columns, ("total",),
                                             OUTCOME_PARTS, by_column=False))
    key = "applications"
    return TableIdentities(read, (
        _family(key, "S1", "column", rows, columns, ("new_received", "carried_over"),
                ("total_processed", "carried_forward"), by_column=True)
        + _family(key, "I1", "row", rows, columns, ("total",), APPLICANT_PARTS, by_column=False)
        + _family(key, "I2", "column", rows, columns, ("total_processed",), outcome_rows(table_class),
                  by_column=True)))


_IDENTITIES: dict[type, TableIdentities] = {
    table_class: _identities_for(table_class) for table_class in (Applications, Applications2019, ReviewLitigation)
}


def check_all(applications: Applications | Applications2019 | None, review: ReviewLitigation | None) -> list[Check]:
    checks: list[Check] = []
    for table in (applications, review):
        if table is not None:
            identities = _IDENTITIES[type(table)]
            values: list[int | None] = identities.read(table)
            for identity in identities.identities:
                left = _total(values, identity.lhs)
                right = _total(values, identity.rhs)
                if left is None or right is None:  # a null cell: named in the check
                    checks.append(_evaluate_one(identity, values))
                else:
                    checks.append(Check(identity.id, identity.scope, identity.name, identity.lhs_names,
                                        identity.rhs_names, left, right))
    return checks


def _total(values: list[int | None], places: tuple[int, ...]) -> int | None:
    """The sum of the values at ``places``, or None when one is null. A loop over typed values:
    compiled, the sum is native arithmetic, no iterator or call made per value."""
    total = 0
    for place in places:
        value = values[place]
        if value is None:
            return None
        total += value
    return total


def _evaluate_one(identity: Identity, values: list[int | None]) -> Check:
    missing: list[str] = []
    left = _side(values, identity.lhs, identity.lhs_names, missing)
    right = _side(values, identity.rhs, identity.rhs_names, missing)
    return Check(identity.id, identity.scope, identity.name, identity.lhs_names, identity.rhs_names,
                 left, right, tuple(missing))


def _side(values: list[int | None], places: tuple[int, ...], names: tuple[str, ...], missing: list[str]) -> int | None:
    """Sum of one side, or None when a cell is null (named in ``missing``)."""
    total = 0
    complete = True
    for place, name in zip(places, names):
        value = values[place]
        if value is None:
            missing.append(name)
            complete = False
        else:
            total += value
    return total if complete else None
