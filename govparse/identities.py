"""Stage 8: the identities the form prints (勾稽关系), checked and reported.

- S1, table 三, per column: new_received + carried_over = total_processed + carried_forward
- I1, table 三, per row: total = the six applicant columns
- I2, table 三, per column: total_processed = every outcome row from granted to the last other row
- I3, table 四, per group: total = upheld + corrected + other + pending

A broken identity is a finding about the report: it carries the cells on each
side and the difference, and never changes a value. A check with a null cell on
either side cannot be decided: ``ok`` is None and ``missing`` names the cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .model import APPLICANT_COLUMNS, Applications, Applications2019, ReviewLitigation, outcome_rows

APPLICANT_PARTS = APPLICANT_COLUMNS[:-1]
OUTCOME_PARTS = ("upheld", "corrected", "other", "pending")


@dataclass(slots=True)
class Check:
    """One identity check's outcome. Read-only by convention: not frozen, since dozens are
    made per report and a frozen dataclass costs four times as much to build."""

    id: str
    scope: str  # "column", "row" or "group"
    name: str  # the column, row or group the check is about
    lhs_cells: tuple[str, ...]
    rhs_cells: tuple[str, ...]
    lhs: int | None
    rhs: int | None
    missing: tuple[str, ...] = ()

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
        document = {"id": self.id, self.scope: self.name, "ok": self.ok,
                    "lhs": self.lhs, "rhs": self.rhs, "difference": self.difference}
        if self.ok is not True:
            document["cells"] = {"lhs": list(self.lhs_cells), "rhs": list(self.rhs_cells)}
            document["missing"] = list(self.missing)
        return document


@dataclass(frozen=True, slots=True)
class Identity:
    """One check to make: which cells each side sums (as (row, column) pairs)."""

    id: str
    scope: str
    name: str
    lhs: tuple[tuple[str, str], ...]
    rhs: tuple[tuple[str, str], ...]
    lhs_names: tuple[str, ...]
    rhs_names: tuple[str, ...]


def _identity(table_key: str, id_: str, scope: str, name: str, lhs, rhs) -> Identity:
    def names(cells):
        return tuple(f"{table_key}.{row}.{column}" for row, column in cells)
    return Identity(id_, scope, name, tuple(lhs), tuple(rhs), names(lhs), names(rhs))


@lru_cache(maxsize=None)
def identities_for(table_class: type) -> tuple[Identity, ...]:
    """The checks a table of this class gets, built once per class."""
    if table_class is ReviewLitigation:
        key = "review_litigation"
        return tuple(
            _identity(key, "I3", "group", group, [(group, "total")], [(group, part) for part in OUTCOME_PARTS])
            for group in table_class.__dataclass_fields__
        )
    key = "applications"
    checks = []
    for column in APPLICANT_COLUMNS:
        checks.append(_identity(key, "S1", "column", column,
                                [("new_received", column), ("carried_over", column)],
                                [("total_processed", column), ("carried_forward", column)]))
    for row in table_class.__dataclass_fields__:
        checks.append(_identity(key, "I1", "row", row, [(row, "total")], [(row, c) for c in APPLICANT_PARTS]))
    for column in APPLICANT_COLUMNS:
        checks.append(_identity(key, "I2", "column", column, [("total_processed", column)],
                                [(row, column) for row in outcome_rows(table_class)]))
    return tuple(checks)


def _side(table, cells, names, missing: list[str]) -> int | None:
    """Sum of one side, or None when a cell is null (named in ``missing``)."""
    total = 0
    complete = True
    for (row, column), name in zip(cells, names):
        value = getattr(getattr(table, row), column)
        if value is None:
            missing.append(name)
            complete = False
        else:
            total += value
    return total if complete else None


def _evaluate(identity: Identity, table) -> Check:
    missing: list[str] = []
    left = _side(table, identity.lhs, identity.lhs_names, missing)
    right = _side(table, identity.rhs, identity.rhs_names, missing)
    return Check(identity.id, identity.scope, identity.name, identity.lhs_names, identity.rhs_names,
                 left, right, tuple(missing))


def check_all(applications: Applications | Applications2019 | None, review: ReviewLitigation | None) -> list[Check]:
    checks: list[Check] = []
    for table in (applications, review):
        if table is not None:
            checks.extend(_evaluate(identity, table) for identity in identities_for(type(table)))
    return checks
