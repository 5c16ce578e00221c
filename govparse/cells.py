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

from dataclasses import dataclass

import regex

from .layout import BLANK_SEPARATED, HTML, MARKDOWN, PIPE_DELIMITED, SPACE_DELIMITED, TAB_DELIMITED, TableLayout
from .normalize import Document, Line
from .sections import Section


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    line: int  # 1-based source line
    column: int  # 1-based source column

    def __repr__(self) -> str:
        return f"Cell({self.text!r} @{self.line}:{self.column})"


def _cell(line: Line, start: int, piece: str) -> Cell:
    text = piece.strip()
    offset = start + (len(piece) - len(piece.lstrip())) if text else start
    return Cell(text, line.number, line.source_column(offset))


# A table row is a few hundred characters; a longer line in a table section is
# prose or junk, read as one (shortened) text cell so its cost stays bounded.
MAX_LINE_CHARS = 20_000
_SHORTENED = 200


def _bounded(line: Line) -> Line:
    if len(line.text) <= MAX_LINE_CHARS:
        return line
    head = line.text[:_SHORTENED].replace("|", " ").replace("\t", " ")
    return Line(f"{head} … ({len(line.text)} characters)", line.number, line.columns)


def read_cells(doc: Document, section: Section, layout: TableLayout) -> list[Cell]:
    """The cells of ``section`` in reading order."""
    lines = [_bounded(line) for line in doc.lines(section.start, section.stop)]
    if layout.format == PIPE_DELIMITED:
        return _pipe_cells(lines, markdown=layout.style == MARKDOWN)
    if layout.format in (TAB_DELIMITED, HTML):
        return _split_cells(lines, "\t")
    if layout.format == SPACE_DELIMITED:
        return _spaced_cells(lines)
    return _linear_cells(lines, blank_separated=layout.style == BLANK_SEPARATED)


_MARKDOWN_RULE = regex.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$")


def _pipe_cells(lines: list[Line], *, markdown: bool) -> list[Cell]:
    cells: list[Cell] = []
    for line in lines:
        text = line.text
        if "|" not in text:
            if text.strip():
                cells.append(_cell(line, 0, text))
            continue
        if markdown and _MARKDOWN_RULE.match(text):
            continue
        pieces = text.split("|")
        if not pieces[-1].strip():
            pieces.pop()  # what follows the last pipe is not a cell
        start = 0
        if markdown and len(pieces) > 1 and not pieces[0].strip():
            start = len(pieces.pop(0)) + 1  # the opening pipe of | a | b |
        for piece in pieces:
            cells.append(_cell(line, start, piece))
            start += len(piece) + 1
    return cells


def _split_cells(lines: list[Line], separator: str) -> list[Cell]:
    cells: list[Cell] = []
    for line in lines:
        text = line.text
        if not text.strip():
            continue
        start = 0
        for piece in text.split(separator):
            cells.append(_cell(line, start, piece))
            start += len(piece) + len(separator)
    return cells


_WORD = regex.compile(r"\S+")


def _spaced_cells(lines: list[Line]) -> list[Cell]:
    return [Cell(word.group(), line.number, line.source_column(word.start()))
            for line in lines for word in _WORD.finditer(line.text)]


def _linear_cells(lines: list[Line], *, blank_separated: bool) -> list[Cell]:
    cells: list[Cell] = []
    blanks: list[Line] = []

    def empties() -> None:
        count = len(blanks) // 2 if blank_separated else len(blanks)
        for blank in blanks[len(blanks) - count:]:
            cells.append(Cell("", blank.number, 1))
        blanks.clear()

    for line in lines:
        if not line.text.strip():
            blanks.append(line)
            continue
        if cells:
            empties()
        blanks.clear()
        cells.append(_cell(line, 0, line.text))
    if cells:
        # Blank cells closing the last row (a blank 总计 of table 四) are read by
        # the same rule: the row fit drops them again where the row is complete.
        empties()
    return cells
