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

from .model import APPLICANT_COLUMNS, Applications, Applications2019, ReviewLitigation, outcome_rows

APPLICANT_PARTS = APPLICANT_COLUMNS[:-1]
OUTCOME_PARTS = ("upheld", "corrected", "other", "pending")


@dataclass(frozen=True, slots=True)
class Check:
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
        return {
            "id": self.id, self.scope: self.name, "ok": self.ok,
            "lhs": self.lhs, "rhs": self.rhs, "difference": self.difference,
            "cells": {"lhs": list(self.lhs_cells), "rhs": list(self.rhs_cells)},
            "missing": list(self.missing),
        }


def _check(id_: str, scope: str, name: str, table, lhs: list[tuple[str, str]],
           rhs: list[tuple[str, str]], table_key: str) -> Check:
    missing = []

    def total(cells):
        values = []
        for row, column in cells:
            value = getattr(getattr(table, row), column)
            if value is None:
                missing.append(f"{table_key}.{row}.{column}")
            values.append(value)
        return None if any(v is None for v in values) else sum(values)

    left, right = total(lhs), total(rhs)
    return Check(
        id_, scope, name,
        tuple(f"{table_key}.{r}.{c}" for r, c in lhs), tuple(f"{table_key}.{r}.{c}" for r, c in rhs),
        left, right, tuple(missing),
    )


def check_applications(table: Applications | Applications2019) -> list[Check]:
    key = "applications"
    checks = []
    for column in APPLICANT_COLUMNS:
        checks.append(_check("S1", "column", column, table,
                             [("new_received", column), ("carried_over", column)],
                             [("total_processed", column), ("carried_forward", column)], key))
    for row in (f for f in table.__dataclass_fields__):
        checks.append(_check("I1", "row", row, table, [(row, "total")],
                             [(row, c) for c in APPLICANT_PARTS], key))
    for column in APPLICANT_COLUMNS:
        checks.append(_check("I2", "column", column, table, [("total_processed", column)],
                             [(row, column) for row in outcome_rows(type(table))], key))
    return checks


def check_review_litigation(table: ReviewLitigation) -> list[Check]:
    key = "review_litigation"
    return [
        _check("I3", "group", group, table, [(group, "total")],
               [(group, part) for part in OUTCOME_PARTS], key)
        for group in table.__dataclass_fields__
    ]


def check_all(applications: Applications | Applications2019 | None, review: ReviewLitigation | None) -> list[Check]:
    checks: list[Check] = []
    if applications is not None:
        checks.extend(check_applications(applications))
    if review is not None:
        checks.extend(check_review_litigation(review))
    return checks
