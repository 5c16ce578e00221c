"""Stage 9: the result, and its JSON form (SPEC §7).

``Result`` holds the typed tables and everything a debugger wants (layouts with
their evidence, sections, token streams); ``to_dict`` gives exactly the JSON
document of SPEC §7, plus ``encoding``. Money stays ``Decimal`` in ``to_dict``;
``to_json`` writes it as an exact JSON number.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .diagnostics import Diagnostic
from .documents import Place, Reading, place_at
from .identities import Check
from .layout import TableLayout
from .meta import Meta
from .model import ActiveDisclosure, Applications, ReviewLitigation, to_plain
from .sections import Section
from .transform import Sources

TABLE_KEYS = ("active_disclosure", "applications", "review_litigation")


@dataclass(frozen=True, slots=True)
class TableTrace:
    """How one table was read: for ``govparse dump`` and for tests."""

    key: str
    section: Section | None
    edition: str | None
    edition_evidence: str
    layout: TableLayout | None
    cells: tuple = ()
    tokens: tuple = ()
    grammar: str | None = None
    found_by: str = ""  # "heading", or "labels" when the table was found by the labels it holds
    edition_in_cells: bool = False  # the edition was told by the table's cells as read, not its lines


@dataclass(frozen=True, slots=True)
class Result:
    edition: str | None
    layout: str | None
    encoding: str
    meta: Meta
    active_disclosure: ActiveDisclosure | None
    applications: Applications | None
    review_litigation: ReviewLitigation | None
    checks: tuple[Check, ...]
    diagnostics: tuple[Diagnostic, ...]
    sources: Sources = field(default_factory=Sources)  # (table, row, column) -> (line, column)
    traces: dict[str, TableTrace] = field(default_factory=dict)
    document: Reading | None = None  # a PDF or DOCX as read: its lines, their places, its table grids

    @property
    def findings(self) -> list[Check]:
        """Identity checks that failed."""
        return [c for c in self.checks if c.ok is False]

    def table(self, key: str):
        return getattr(self, key)

    def source_of(self, table: str, row: str, column: str) -> Source | None:
        """(line, column) in the source text of one value, when it came from a cell; for a PDF
        or DOCX its ``place`` too (page, or table, row and cell), and line is that of its reading."""
        found = self.sources.get((table, row, column))
        if found is None:
            return None
        place = place_at(self.document.places, *found) if self.document is not None else None
        return Source(found[0], found[1], place)

    def to_dict(self) -> dict[str, Any]:
        return {
            "edition": self.edition,
            "layout": self.layout,
            "encoding": self.encoding,
            "meta": self.meta.to_dict(),
            **{key: to_plain(getattr(self, key)) for key in TABLE_KEYS},
            "checks": [c.to_dict() for c in self.checks],
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }

    def to_json(self, indent: int | None = None) -> str:
        return dumps(self.to_dict(), indent=indent)


class Source(tuple):
    """(line, column) of a value's cell, as a tuple; ``place`` says where in a PDF or DOCX it is."""

    place: Place | None

    def __new__(cls, line: int, column: int, place: Place | None = None) -> Source:
        source = super().__new__(cls, (line, column))
        source.place = place
        return source

    def __reduce__(self) -> tuple:
        return Source, (self[0], self[1], self.place)

    @property
    def line(self) -> int:
        return self[0]

    @property
    def column(self) -> int:
        return self[1]

    def __str__(self) -> str:
        where = f"line {self[0]}, column {self[1]}"
        return where if self.place is None else f"{self.place} ({where})"


_MARK = "\x00decimal:"
_MARKED = re.compile(r'"\\u0000decimal:(-?[0-9]+(?:\.[0-9]+)?)"')


def _mark(value):
    if isinstance(value, Decimal):
        return _MARK + format(value, "f")
    if isinstance(value, dict):
        return {k: _mark(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mark(v) for v in value]
    return value


def dumps(document: dict, indent: int | None = None) -> str:
    """JSON text with Decimal money written as exact JSON numbers.

    The standard encoder has no exact decimal, so each Decimal travels as a
    marked string and the mark is swapped for the bare digits afterwards.
    """
    text = json.dumps(_mark(document), ensure_ascii=False, indent=indent)
    return _MARKED.sub(r"\1", text)
