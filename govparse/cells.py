"""Stage 5: read a table section's lines into one canonical stream of cells.

Whatever the layout, later stages see the same thing: cells in reading order,
each with its stripped text and the source line and column it came from. A
blank cell is a cell with empty text.

- linear-cell: one cell per line. When cells are separated by one blank line
  (the common scrape of an HTML table), a longer run of blank lines holds empty
  cells, one per two blank lines; when cells sit on consecutive lines, every
  blank line is an empty cell.
- pipe-delimited: cells end with ``|``, one or many per line (``0 |``,
  ``a | b | c |``); a line of only pipes is that many empty cells; a line with
  no pipe is one cell; blank lines are nothing. Markdown rows (``| a | b |``)
  open with a pipe too, which is not a cell, and their ``|---|`` rule is skipped.
- tab-delimited (and HTML rows, converted to it): cells between tabs.
- space-delimited: cells between runs of spaces; a label with a space inside
  falls into pieces that the lexer joins again.
"""

from __future__ import annotations

import regex

from .layout import BLANK_SEPARATED, HTML, MARKDOWN, PIPE_DELIMITED, SPACE_DELIMITED, TAB_DELIMITED, TableLayout
from .normalize import ColumnMap, Document, source_column
from .sections import Section


class Cell:
    """One cell: its stripped text and the 1-based source line and column it starts at.

    A plain slotted class, not a dataclass: hundreds are made per report, and
    compiled with mypyc it is a native class, made six times faster than a
    dataclass would be (58 against 345 ns). Never mutated.
    """

    __slots__ = ("text", "line", "column")

    def __init__(self, text: str, line: int, column: int) -> None:
        self.text = text
        self.line = line
        self.column = column

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Cell):
            return NotImplemented
        return (self.text, self.line, self.column) == (other.text, other.line, other.column)

    def __hash__(self) -> int:
        return hash((self.text, self.line, self.column))

    def __repr__(self) -> str:
        return f"Cell({self.text!r} @{self.line}:{self.column})"

    def __reduce__(self) -> tuple:
        # Pickled by its constructor arguments, as is every class of a compiled module
        # that a Result holds: compiled, a frozen dataclass loses the state methods
        # pickle needs and a native class has none, so a Result could not cross a
        # process pool.
        return Cell, (self.text, self.line, self.column)


def _cell(doc: Document, index: int, start: int, piece: str) -> Cell:
    """The cell ``piece`` found at ``start`` of normalized line ``index``."""
    return _piece(doc.number(index), doc.columns(index), start, piece)


def _piece(number: int, columns: ColumnMap | None, start: int, piece: str) -> Cell:
    text = piece.strip()
    # piece is white space up to its first non-space character, text[0]
    offset = start + piece.find(text[0]) if text else start
    return Cell(text, number, offset + 1 if columns is None else source_column(columns, offset))


# A table row is a few hundred characters; a longer line in a table section is
# prose or junk, read as one (shortened) text cell so its cost stays bounded.
MAX_LINE_CHARS = 20_000
_SHORTENED = 200


def _bounded(text: str) -> str:
    if len(text) <= MAX_LINE_CHARS:
        return text
    head = text[:_SHORTENED].replace("|", " ").replace("\t", " ")
    return f"{head} … ({len(text)} characters)"


def read_cells(doc: Document, section: Section, layout: TableLayout) -> list[Cell]:
    """The cells of ``section`` in reading order."""
    texts = doc.texts(section.start, section.stop)
    for position, text in enumerate(texts):
        if len(text) > MAX_LINE_CHARS:
            texts[position] = _bounded(text)
    if layout.format == PIPE_DELIMITED:
        return _pipe_cells(doc, section.start, texts, layout.style == MARKDOWN)
    if layout.format == TAB_DELIMITED or layout.format == HTML:
        return _tabbed_cells(doc, section.start, texts)
    if layout.format == SPACE_DELIMITED:
        return _spaced_cells(doc, section.start, texts)
    return _linear_cells(doc, section.start, texts, layout.style == BLANK_SEPARATED)


_MARKDOWN_RULE = regex.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$")

# Each reader takes the section's normalized lines (``texts``) and the index of
# its first line in the document (``first``).


def _pipe_cells(doc: Document, first: int, texts: list[str], markdown: bool) -> list[Cell]:
    cells: list[Cell] = []
    for index, text in enumerate(texts, first):
        if "|" not in text:
            if text.strip():
                cells.append(_cell(doc, index, 0, text))
            continue
        if markdown and "---" in text and _MARKDOWN_RULE.match(text):
            continue
        pieces = text.split("|")
        if not pieces[-1].strip():
            pieces.pop()  # what follows the last pipe is not a cell
        start = 0
        if markdown and len(pieces) > 1 and not pieces[0].strip():
            start = len(pieces.pop(0)) + 1  # the opening pipe of | a | b |
        number, columns = doc.number(index), doc.columns(index)
        for piece in pieces:
            cells.append(_piece(number, columns, start, piece))
            start += len(piece) + 1
    return cells


def _tabbed_cells(doc: Document, first: int, texts: list[str]) -> list[Cell]:
    cells: list[Cell] = []
    for index, text in enumerate(texts, first):
        if not text.strip():
            continue
        start = 0
        number, columns = doc.number(index), doc.columns(index)
        for piece in text.split("\t"):
            cells.append(_piece(number, columns, start, piece))
            start += len(piece) + 1
    return cells


def _spaced_cells(doc: Document, first: int, texts: list[str]) -> list[Cell]:
    cells: list[Cell] = []
    for index, text in enumerate(texts, first):
        number, columns = doc.number(index), doc.columns(index)
        position = 0
        for word in text.split():
            start = text.find(word, position)
            position = start + len(word)
            cells.append(Cell(word, number, start + 1 if columns is None else source_column(columns, start)))
    return cells


def _linear_cells(doc: Document, first: int, texts: list[str], blank_separated: bool) -> list[Cell]:
    cells: list[Cell] = []
    blanks: list[int] = []  # blank lines since the last filled one
    for index, text in enumerate(texts, first):
        stripped = text.strip()
        if not stripped:
            blanks.append(index)
            continue
        if blanks:
            if cells:
                _empty_cells(doc, blanks, blank_separated, cells)
            blanks.clear()
        if stripped is text and doc.columns(index) is None:
            cells.append(Cell(text, doc.number(index), 1))  # the common case: nothing to strip or map
        else:
            cells.append(_cell(doc, index, 0, text))
    if cells:
        # Blank cells closing the last row (a blank 总计 of table 四) are read by
        # the same rule: the row fit drops them again where the row is complete.
        _empty_cells(doc, blanks, blank_separated, cells)
    return cells


def _empty_cells(doc: Document, blanks: list[int], blank_separated: bool, cells: list[Cell]) -> None:
    """The empty cells a run of blank lines holds: one per blank line, or per two
    where cells are separated by one blank line anyway."""
    count = len(blanks) // 2 if blank_separated else len(blanks)
    for blank in blanks[len(blanks) - count:]:
        cells.append(Cell("", doc.number(blank), 1))
