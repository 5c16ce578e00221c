"""PDF and Word documents as the lines the pipeline reads, each line knowing its place.

A downloaded report is often a PDF or a DOCX. Rather than a second pipeline, a
document is read into the shape the HTML path already gives (govparse.html): a
paragraph is a line, a table row is one line of tab-separated cells, a cell that
spans rows or columns appears once, in the first row it covers. The tables come
from the document's own structure (a PDF page's ruling lines, a DOCX's table
elements), so a label wrapped inside its cell stays one cell and a page break
inside a table is no more than the next row.

Each line keeps its place (``LinePlace``): the PDF page, or the DOCX table and
row, with where each cell starts, so a value read from line and column N can be
traced back to page 4, or table 2, row 5, cell 3 (``place_at``).

- sniff.py: what the bytes are (PDF, DOCX, or text; formats not read are named);
- pdf.py: pages with pypdfium2, tables from ruling lines, page furniture left out;
- docx.py: the main part of the DOCX with lxml, tables with merged cells.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..errors import GovparseError
from .sniff import DOCX, PDF, NotAReport, document_kind

# The layout a table read from a document's own structure is reported as (Result.layout).
PDF_GRID = "pdf-grid"  # cells from a PDF page's ruling lines
DOCX_TABLE = "docx-table"  # cells from a DOCX's table elements
DOCUMENT_LAYOUTS = (PDF_GRID, DOCX_TABLE)

# A report is a few dozen pages at most; past this many only the first are read (a diagnostic says so).
MAX_PAGES = 200

__all__ = ["DOCX", "DOCX_TABLE", "DOCUMENT_LAYOUTS", "PDF", "PDF_GRID", "MAX_PAGES", "DocumentError", "Grid", "LinePlace", "Place", "Reading", "document_kind",
           "place_at", "read_document"]


class DocumentError(GovparseError):
    """A PDF or DOCX govparse cannot read (encrypted, damaged, scanned, or another format); the
    message says what the file is and what would read it."""


@dataclass(frozen=True, slots=True)
class Place:
    """Where in a document a value came from: its PDF page, or its DOCX table, row and cell.

    ``table`` counts the tables of the DOCX, or of the PDF page; ``row`` and ``cell`` are
    1-based (for a PDF, the row and column of the table's ruled grid)."""

    page: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None

    def __str__(self) -> str:
        parts = []
        for name, value in (("page", self.page), ("table", self.table), ("row", self.row), ("cell", self.cell)):
            if value is not None:
                parts.append(f"{name} {value}")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, int]:
        return {name: value for name, value in (("page", self.page), ("table", self.table), ("row", self.row),
                                                ("cell", self.cell)) if value is not None}


@dataclass(frozen=True, slots=True)
class LinePlace:
    """The place of one line of a document's reading: ``starts[k]`` is the 1-based column
    where its k-th tab-separated cell starts, ``cells[k]`` that cell's number."""

    page: int | None = None
    table: int | None = None
    row: int | None = None
    starts: tuple[int, ...] = ()
    cells: tuple[int, ...] = ()

    def at(self, column: int) -> Place:
        cell = None
        if self.starts:
            cell = self.cells[max(0, bisect_right(self.starts, column) - 1)]
        return Place(self.page, self.table, self.row, cell)


@dataclass(frozen=True, slots=True)
class Grid:
    """One table as read, for ``govparse dump``: where it is, and each row's cells at their
    columns of the table's grid (a merged cell at its first column, once)."""

    where: str  # "page 4, table 1" or "table 2"
    columns: int
    rows: tuple[tuple[int, tuple[tuple[int, str], ...]], ...]  # (row number, ((1-based grid column, text), ...))


@dataclass(frozen=True, slots=True)
class Reading:
    """A document read into lines: the lines, the place of each, and what dump shows."""

    kind: str  # PDF or DOCX
    lines: tuple[str, ...]
    places: tuple[LinePlace, ...]
    grids: tuple[Grid, ...] = ()
    pages: int = 0  # PDF pages in the file
    pages_read: int = 0
    furniture: tuple[tuple[int, str], ...] = ()  # (page, text) of page numbers and running lines left out
    notes: tuple[str, ...] = ()  # what could not be read, for warnings

    @property
    def has_tables(self) -> bool:
        return bool(self.grids)

    @property
    def layout(self) -> str:
        """What its tables' rows are made of: PDF_GRID or DOCX_TABLE."""
        return PDF_GRID if self.kind == PDF else DOCX_TABLE

    @property
    def evidence(self) -> str:
        return ("cells from the ruling lines of the PDF's pages" if self.kind == PDF else
                "cells from the DOCX's table elements") + ", a table row a line of tab-separated cells"

    def has_table_rows(self, start: int, stop: int) -> bool:
        """Whether lines ``start`` to ``stop`` (0-based, stop excluded) hold a row of a table the
        document drew; a table with no ruling lines (borderless) is text laid out by x."""
        return any(place.table is not None for place in self.places[max(0, start):max(0, stop)])

    def summary(self) -> str:
        what = f"{self.pages_read} of {self.pages} pages" if self.kind == PDF else "the main document part"
        source = "ruling lines" if self.kind == PDF else "table elements"
        left_out = f"; {len(self.furniture)} page-furniture lines left out" if self.furniture else ""
        return f"{self.kind.upper()}: {what} read, {len(self.grids)} tables from their {source}{left_out}"


def place_at(places: tuple[LinePlace, ...], line: int | None, column: int | None) -> Place | None:
    """The place of 1-based ``line`` and ``column`` of a reading, or None when outside it."""
    if line is None or not 1 <= line <= len(places):
        return None
    return places[line - 1].at(column or 1)


class Lines:
    """Builds a reading's lines and places."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.places: list[LinePlace] = []

    def text(self, text: str, page: int | None = None, placed: bool = False) -> None:
        """A line of text; ``placed`` keeps its spaces (a PDF line laid out by x), else they are
        collapsed."""
        text = text.rstrip() if placed else " ".join(text.split())
        if text.strip():
            self.lines.append(text)
            self.places.append(LinePlace(page))

    def row(self, texts: list[str], numbers: list[int], page: int | None, table: int, row: int) -> None:
        """One table row: its cells' texts and numbers; a row of empty cells is left out, as
        the HTML reader does."""
        cleaned = [" ".join(text.split()) for text in texts]
        if not any(cleaned):
            return
        starts = []
        column = 1
        for text in cleaned:
            starts.append(column)
            column += len(text) + 1
        self.lines.append("\t".join(cleaned))
        self.places.append(LinePlace(page, table, row, tuple(starts), tuple(numbers)))


def read_document(data: bytes, kind: str, max_pages: int = MAX_PAGES) -> Reading:
    """The reading of a PDF or DOCX; DocumentError when it cannot be read."""
    if kind == PDF:
        from .pdf import read_pdf

        return read_pdf(data, max_pages)
    from .docx import read_docx

    return read_docx(data)


def sniff(data: bytes) -> str | None:
    """PDF, DOCX or None (text); DocumentError for a document format govparse does not read."""
    try:
        return document_kind(data)
    except NotAReport as error:
        raise DocumentError(f"this is {error}") from error
