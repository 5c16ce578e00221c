"""Diagnostics: what the parser noticed about a report, as data.

A diagnostic never changes a value; it says why a value is null, which cell was
ignored, which label was not found. Levels: ``error`` (a table or row could not
be read), ``warning`` (a value is null or doubtful), ``info`` (noise skipped).
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    level: str
    code: str
    message: str
    line: int | None = None  # 1-based source line
    column: int | None = None  # 1-based source column
    table: str | None = None  # the table it is about, when it is about one
    row: str | None = None  # the row it is about, when it is about one
    place: str | None = None  # in a PDF or DOCX: the page, or the table, row and cell, of its line

    def __reduce__(self) -> tuple:
        return Diagnostic, (self.level, self.code, self.message, self.line, self.column, self.table,
                            self.row, self.place)  # see govparse.cells.Cell

    def to_dict(self) -> dict:
        found = {"level": self.level, "code": self.code, "message": self.message, "line": self.line}
        if self.table is not None:
            found["table"] = self.table
        if self.row is not None:
            found["row"] = self.row
        if self.place is not None:
            found["place"] = self.place
        return found


class Diagnostics:
    """Collects diagnostics in the order the pipeline finds them."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(self, level: str, code: str, message: str, line: int | None = None,
            column: int | None = None, table: str | None = None, row: str | None = None) -> None:
        self.items.append(Diagnostic(level, code, message, line, column, table, row))

    def error(self, code: str, message: str, line: int | None = None, column: int | None = None,
              table: str | None = None, row: str | None = None) -> None:
        self.add(ERROR, code, message, line, column, table, row)

    def warning(self, code: str, message: str, line: int | None = None, column: int | None = None,
              table: str | None = None, row: str | None = None) -> None:
        self.add(WARNING, code, message, line, column, table, row)

    def info(self, code: str, message: str, line: int | None = None, column: int | None = None,
              table: str | None = None, row: str | None = None) -> None:
        self.add(INFO, code, message, line, column, table, row)
