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
- tab-delimited (and HTML rows, converted to it): cells between tabs; where a merged cell is
  written once per grid column it spans (python-docx), read once (govparse.docxrows).
- space-delimited: cells between runs of spaces; a label with a space inside
  falls into pieces that the lexer joins again. Where cells are one space apart
  (lynx), a wider gap holds blank cells; a row whose values sit under some of the
  header's columns has blanks under the others (govparse.gapblanks).
- grid (pandoc ``+---+``, w3m ``┌─┬─┐``) and space-aligned under dash rules (pandoc's
  simple and multiline tables): a row's cells in column order, an empty cell where
  the grid has one, a cell wrapped over lines joined (govparse.textgrid).

Page furniture (page numbers, running headers, a header repeated after a page
break; govparse.furniture) is skipped in every layout but HTML, and returned by
``read_table`` so that the pipeline can report each line it skipped.
"""

from __future__ import annotations

from typing import Final

import regex
from mypy_extensions import mypyc_attr

from .docxrows import collapse_merged, row_spans
from .furniture import REPEATED_HEADER, Furniture, is_value_cell, may_hold_furniture, page_breaks, table_furniture
from .gapblanks import aligned_cells, gapped_cells, gaps_hold_blanks
from .layout import (BLANK_SEPARATED, GRID, HTML, LINEAR_CELL, MARKDOWN, MERGED_REPEATED, PDF_LINES,
                     PIPE_DELIMITED, PIPE_SEPARATED, READING_ORDER, ROW_PER_LINE, ROWS_APART, RUN_TOGETHER,
                     SPACE_ALIGNED, SPACE_DELIMITED, TAB_DELIMITED, WRAPPED_LABELS, X_POSITIONED, TableLayout)
from .normalize import ColumnMap, Document, source_column
from .pdforder import MOVED_VALUES, reading_order_rows
from .sections import Section
from .textgrid import Row, aligned_rows, grid_rows, join_piece
from .wrapped import lone_blanks, physical_rows, wrapped_rows
from .wrappedmarks import rejoined_marks


@mypyc_attr(acyclic=True)
class Cell:
    """One cell: its stripped text and the 1-based source line and column it starts at.

    A plain slotted class, not a dataclass: hundreds are made per report, and
    compiled with mypyc it is a native class, made six times faster than a
    dataclass would be (58 against 345 ns). Never mutated. Acyclic (it holds a
    string and two numbers): compiled, the garbage collector does not track it,
    so the hundreds made per report neither cost a link each nor bring on collections.
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


# A table row is a few hundred characters; a longer line in a table section is
# prose or junk, read as one (shortened) text cell so its cost stays bounded.
MAX_LINE_CHARS: Final = 20_000
_SHORTENED: Final = 200


def _bounded(text: str) -> str:
    if len(text) <= MAX_LINE_CHARS:
        return text
    head = text[:_SHORTENED].replace("|", " ").replace("\t", " ")
    return f"{head} … ({len(text)} characters)"


def read_cells(doc: Document, section: Section, layout: TableLayout) -> list[Cell]:
    """The cells of ``section`` in reading order."""
    return read_table(doc, section, layout)[0]


def read_table(doc: Document, section: Section, layout: TableLayout) -> tuple[list[Cell], list[Furniture]]:
    """The cells of ``section`` in reading order, and the page furniture lines skipped to read them."""
    texts = doc.texts(section.start, section.stop)
    for position, text in enumerate(texts):
        if len(text) > MAX_LINE_CHARS:
            texts[position] = _bounded(text)
    furniture: list[Furniture] = []
    # A lone number is a value in a linear table or a page's table cell, never furniture by its
    # place alone; a page number's own form (- 6 -, 第6页) is furniture in any layout (a Word
    # page saved as HTML keeps its page breaks as paragraphs between the table's rows).
    lone_numbers = layout.format != LINEAR_CELL and layout.format != HTML
    if may_hold_furniture(doc, section.start, section.stop, lone_numbers):
        found = table_furniture(doc, section.start, section.stop, page_breaks(doc, lone_numbers))
        furniture = [found[index] for index in sorted(found)]
    skip = {item.index - section.start for item in furniture}
    if layout.style == READING_ORDER:
        # pdftotext's blocks: rows rebuilt label first; values it moved away from their rows are
        # given to none, each run noted as MOVED_VALUES (reported with the furniture)
        after: list[str] = []

        def rest() -> list[str]:  # the lines after the section, where the last page's moved blocks close it
            if not after:
                after.extend(doc.texts(section.stop))
            return after
        rows, notes = reading_order_rows(texts, skip, section.numeral, rest, lambda: doc.texts(0, section.start))
        moved = [Furniture(section.start + offset, why, MOVED_VALUES) for offset, why in notes]
        return _row_cells(doc, section.start, texts + after, rows), furniture + moved
    if not furniture:
        return _read(doc, section.start, texts, layout, set()), furniture
    if layout.format != LINEAR_CELL:
        for offset in skip:
            texts[offset] = ""  # blank lines are nothing in these layouts
    headers = {item.index - section.start for item in furniture if item.kind == REPEATED_HEADER}
    return _read(doc, section.start, texts, layout, skip, headers), furniture


def _read(doc: Document, first: int, texts: list[str], layout: TableLayout, skip: set[int],
          headers: set[int] | None = None) -> list[Cell]:
    if layout.format == GRID:
        return _row_cells(doc, first, texts, grid_rows(texts, _shapes(doc, first, texts)))
    if layout.format == SPACE_ALIGNED:
        shapes = _shapes(doc, first, texts)
        if layout.style == X_POSITIONED:
            rejoined = rejoined_marks(texts, shapes)  # ——, wrapped in its cell around the row's line
            if rejoined is not None:
                texts, shapes = rejoined
            return _row_cells(doc, first, texts, physical_rows(texts, shapes))
        return _row_cells(doc, first, texts, aligned_rows(texts, shapes))
    if layout.format == SPACE_DELIMITED and layout.style == WRAPPED_LABELS:
        shapes = _shapes(doc, first, texts)
        rejoined = rejoined_marks(texts, shapes)
        if rejoined is not None:
            texts, shapes = rejoined
        return _row_cells(doc, first, texts, wrapped_rows(texts, shapes))
    if layout.format == PIPE_DELIMITED:
        return _pipe_cells(doc, first, texts, layout.style == MARKDOWN, layout.style == PIPE_SEPARATED)
    if layout.format == TAB_DELIMITED or layout.format == HTML:
        if layout.style != MERGED_REPEATED:
            return [cell for row in _tabbed_rows(doc, first, texts, {}) for cell in row]
        # python-docx's rows (merged cells repeated): a cell of several paragraphs puts its row on several lines
        return collapse_merged(_tabbed_rows(doc, first, texts, row_spans(texts)))
    if layout.format == SPACE_DELIMITED and gaps_hold_blanks(texts):
        return _placed_cells(doc, first, texts, [gapped_cells(text) for text in texts])
    if layout.format == SPACE_DELIMITED and layout.style == ROW_PER_LINE:
        return _placed_cells(doc, first, texts, aligned_cells(texts, _shapes(doc, first, texts)))
    if layout.format == SPACE_DELIMITED or layout.format == RUN_TOGETHER:
        return _spaced_cells(doc, first, texts)
    if layout.style == PDF_LINES:
        # a PDF's lines in page order (PyMuPDF, pdftohtml): a blank cell is its space, like rows apart, and a
        # label's line may carry the row's first value (govparse.pagelines)
        from .pagelines import values_apart  # here: it builds on Cell

        return values_apart(_linear_cells(doc, first, texts, False, skip, True, headers))
    return _linear_cells(doc, first, texts, layout.style == BLANK_SEPARATED, skip, layout.style == ROWS_APART,
                         headers)


def _shapes(doc: Document, first: int, texts: list[str]) -> list[str]:
    """Each line as the source prints it, where normalizing kept its length (full-width
    punctuation made half-width prints narrower): what places a character in a column."""
    shapes: list[str] = []
    for offset, text in enumerate(texts):
        raw = doc.raw_lines[first + offset]
        shapes.append(raw if len(raw) == len(text) else text)
    return shapes


def _row_cells(doc: Document, first: int, texts: list[str], rows: list[Row]) -> list[Cell]:
    """Cells from rows read by govparse.textgrid, with their source lines and columns."""
    cells: list[Cell] = []
    for row in rows:
        for text, offset, index in row:
            columns = _columns(doc, first + offset, texts[offset])
            cells.append(Cell(text, doc.number(first + offset),
                              index + 1 if columns is None else source_column(columns, index)))
    return cells


_MARKDOWN_RULE = regex.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$")

# Each reader takes the section's normalized lines (``texts``) and the index of
# its first line in the document (``first``).


_MARKDOWN_ESCAPE: Final = regex.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash before ASCII punctuation
# A line break inside a markdown cell (pymupdf4llm, markitdown and GFM writers print one as <br>): a label's
# wrapped pieces join with nothing between them (法律服务机<br>构), numbers stay apart (0<br>6 is two numbers,
# which a row then cannot count), never glued into one.
_MARKDOWN_BREAK: Final = regex.compile(r"\s*<br\s*/?>\s*", regex.IGNORECASE)


def _cell_break(found) -> str:
    text, start, end = found.string, found.start(), found.end()
    if _WRAPPED_GROUP.search(text, 0, start) is not None and end < len(text) and text[end].isdigit():
        return ""  # a number wrapped in its cell inside a thousands group (65,06<br>9): one number
    digit = (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())
    return " " if digit else ""


_WRAPPED_GROUP: Final = regex.compile(r"\d,\d{0,2}$")
# Inline markup a markdown writer puts in a cell's text (pymupdf4llm: <sup>总计</sup> for text set smaller, <u>):
# the text is the cell's, the tags are nothing.
_INLINE_TAG: Final = regex.compile(r"</?(?:sup|sub|u|b|i|strong|em|span)\b[^>]*>", regex.IGNORECASE)  # a thousands group not yet three digits long


def _pipe_cells(doc: Document, first: int, texts: list[str], markdown: bool, separated: bool) -> list[Cell]:
    cells: list[Cell] = []
    for offset, text in enumerate(texts):  # enumerate(texts, first) is not compiled to a plain loop
        index = first + offset
        bar = text.find("|")
        if bar < 0:
            if not _blank(text, 0, len(text)):
                cells.append(_between(text, 0, len(text), doc.number(index), _columns(doc, index, text)))
            continue
        if (markdown or separated) and "---" in text and _MARKDOWN_RULE.match(text):
            continue
        if bar == len(text) - 1:  # one cell and its closing pipe: the cell-per-line style
            cells.append(_between(text, 0, bar, doc.number(index), _columns(doc, index, text)))
            continue
        # The cells lie between pipes. What follows the last pipe is a cell only when
        # not blank; markdown's opening pipe (| a | b |) opens the first cell instead
        # of closing a blank one, unless that blank one would be the line's only cell.
        last = text.rfind("|")
        stop = len(text)
        if _blank(text, last + 1, stop) and not separated:
            stop = last
        start = 0
        if markdown and (stop == len(text) or bar != last) and _blank(text, 0, bar):
            start = bar + 1
        first_cell = len(cells)
        _cut_cells(text, "|", start, stop, doc.number(index), _columns(doc, index, text), cells)
        if markdown and ("\\" in text or "<" in text):
            for at in range(first_cell, len(cells)):  # markdown's escapes: pandoc writes a cell's - as \-
                cell = cells[at]
                if "\\" in cell.text or "<" in cell.text:
                    unescaped = _MARKDOWN_BREAK.sub(_cell_break, _MARKDOWN_ESCAPE.sub(r"\1", cell.text))
                    unescaped = _INLINE_TAG.sub("", unescaped).strip() if "<" in unescaped else unescaped.strip()
                    cells[at] = Cell(unescaped, cell.line, cell.column)
    return cells


def markdown_table_starts(doc: Document, section: Section) -> tuple[int, ...]:
    """The source line of each markdown table's first row in ``section``: the line above each ``|---|``
    rule. A PDF's table detector (pymupdf4llm) writes each table it finds with a grid of its own."""
    starts: list[int] = []
    for index in range(max(section.start, 1), section.stop):
        text = doc.raw_lines[index]
        if "---" in text and _MARKDOWN_RULE.match(text):
            starts.append(doc.number(index - 1))
    return tuple(starts)


def _cut_cells(text: str, separator: str, start: int, stop: int, number: int, columns: ColumnMap | None,
               cells: list[Cell]) -> None:
    """The cells of ``text[start:stop]`` between ``separator``s, stripped, added to ``cells``."""
    while True:
        end = text.find(separator, start, stop)
        if end < 0:
            end = stop
        cells.append(_between(text, start, end, number, columns))
        if end >= stop:
            break
        start = end + 1


def _columns(doc: Document, index: int, text: str) -> ColumnMap | None:
    """``doc.columns(index)`` for normalized line ``text``, asked only where normalizing
    shortened the line: the character table keeps lengths, and only the injected pinyin
    it cuts gives a line a column map (asking costs a dict lookup of a boxed int)."""
    return None if len(text) == len(doc.raw_lines[index]) else doc.columns(index)


def _between(text: str, start: int, end: int, number: int, columns: ColumnMap | None) -> Cell:
    """The cell ``text[start:end]`` holds, stripped, found without slicing out the unstripped piece.
    A blank cell is where its piece begins."""
    first = start
    while first < end and _space(ord(text[first])):
        first += 1
    if first == end:
        return Cell("", number, start + 1 if columns is None else source_column(columns, start))
    while _space(ord(text[end - 1])):
        end -= 1
    return Cell(text[first:end], number, first + 1 if columns is None else source_column(columns, first))


def _blank(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is white space only (or empty)."""
    while start < end:
        if not _space(ord(text[start])):
            return False
        start += 1
    return True


def holds_space(text: str) -> bool:
    """Whether ``text`` holds a character of white space (as ``\\s`` takes one), told without a
    regular expression's call (some 2,000 instructions compiled) or a character made per character."""
    for at in range(len(text)):
        if _space(ord(text[at])):
            return True
    return False


def _space(code: int) -> bool:
    """``chr(code).isspace()``, answered without making the character for the common ones."""
    if code <= 32:
        return code == 32 or 9 <= code <= 13 or 28 <= code <= 31
    if code < 0x85 or code > 0x3000:  # letters, digits, Han, full-width punctuation
        return False
    return chr(code).isspace()


def _tabbed_rows(doc: Document, first: int, texts: list[str], spans: dict[int, int]) -> list[list[Cell]]:
    """The cells of each row; a row that ``spans`` puts on several lines (cells of several
    paragraphs, govparse.docxrows.row_spans) read across them."""
    rows: list[list[Cell]] = []
    offset = 0
    while offset < len(texts):
        stop = spans.get(offset, -1)
        if stop > 0:
            rows.append(_spanned_cells(doc, first, texts, offset, stop))
            offset = stop
            continue
        text = texts[offset]
        index = first + offset
        offset += 1
        if _blank(text, 0, len(text)):
            continue
        cells: list[Cell] = []
        _cut_cells(text, "\t", 0, len(text), doc.number(index), _columns(doc, index, text), cells)
        rows.append(cells)
    return rows


def _spanned_cells(doc: Document, first: int, texts: list[str], start: int, stop: int) -> list[Cell]:
    """One row's cells over lines ``start`` to ``stop``: a line break inside a cell joins its
    paragraphs (as a wrap would be joined); the cell starts where its first filled piece does."""
    cells: list[Cell] = []
    text_so_far = ""
    opening: Cell | None = None  # where the cell being read starts
    for offset in range(start, stop):
        text = texts[offset]
        index = first + offset
        number, columns = doc.number(index), _columns(doc, index, text)
        position = 0
        while True:
            end = text.find("\t", position)
            closes = end >= 0 or offset == stop - 1  # a tab, or the row's last line, ends the cell
            if end < 0:
                end = len(text)
            piece = _between(text, position, end, number, columns)
            if opening is None or piece.text and not text_so_far:
                opening = piece
            text_so_far = join_piece(text_so_far, piece.text)
            if closes:
                cells.append(Cell(text_so_far, opening.line, opening.column))
                text_so_far, opening = "", None
            if end >= len(text):
                break
            position = end + 1
    return cells


def _spaced_cells(doc: Document, first: int, texts: list[str]) -> list[Cell]:
    cells: list[Cell] = []
    for offset, text in enumerate(texts):
        index = first + offset
        number, columns = doc.number(index), _columns(doc, index, text)
        position = 0
        for word in text.split():
            start = text.find(word, position)
            position = start + len(word)
            cells.append(Cell(word, number, start + 1 if columns is None else source_column(columns, start)))
    return cells


def _placed_cells(doc: Document, first: int, texts: list[str], lines: list[list[tuple[int, str]]]) -> list[Cell]:
    """Cells of space-separated lines as govparse.gapblanks read them: (start, text) per line."""
    cells: list[Cell] = []
    for offset, text in enumerate(texts):
        index = first + offset
        number, columns = doc.number(index), _columns(doc, index, text)
        words = lines[offset]
        if "\u00a0" in doc.raw_lines[index] and columns is None:
            # a no-break space alone among the values: a blank cell (pypdf), placed where it stands;
            # the text marks it there, so blanks placed by the row's places give way to it
            lone = lone_blanks(doc.raw_lines[index])
            if lone:
                words = sorted([word for word in words if word[1]] + [(start, "") for start in lone])
        for start, word in words:
            cells.append(Cell(word, number, start + 1 if columns is None else source_column(columns, start)))
    return cells


def _linear_cells(doc: Document, first: int, texts: list[str], blank_separated: bool,
                  skip: set[int], rows_apart: bool = False, headers: set[int] | None = None) -> list[Cell]:
    """Cells a line each. Page furniture (``skip``; ``headers``: the table's header printed again) is
    no cell, and the blank lines between its lines are its own empty cells. So are, around a header
    printed again, those after it where a label follows, and those before the break where it follows
    a header line (the break before the first row): empty cells there are no row's."""
    cells: list[Cell] = []
    blanks = 0  # blank lines since the last filled one
    held = -1  # blank lines before a run of furniture lines (its separator taken), -1 outside one
    header_again = False  # the run holds a header printed again
    before_run = ""  # the filled line before the run
    for offset, text in enumerate(texts):
        if skip and offset in skip:
            if held >= 0:
                blanks = held  # blank lines between furniture lines are its own
            else:
                before_run = _filled_before(texts, offset)
                if blank_separated and blanks:
                    blanks -= 1  # page furniture: neither a cell nor a blank line, nor its separator
            held = blanks
            header_again = header_again or headers is not None and offset in headers
            continue
        index = first + offset
        stripped = text.strip()
        if not stripped:
            if rows_apart:
                # an empty line parts rows; a line of white space (a no-break space) is a blank cell
                if doc.raw_lines[index].strip("\r") != "":
                    cells.append(Cell("", doc.number(index), 1))
                continue
            blanks += 1
            continue
        if held >= 0:
            if header_again:
                after = blanks - held
                if headers is not None and before_run in {texts[at].strip() for at in headers}:
                    held = 0
                if not is_value_cell(stripped):
                    after = min(after, 1) if blank_separated else 0
                blanks = held + after
            held, header_again = -1, False
        if blanks:
            if cells:
                _empty_cells(doc, index, blanks, blank_separated, cells)
            blanks = 0
        if stripped is text and _columns(doc, index, text) is None:
            cells.append(Cell(text, doc.number(index), 1))  # the common case: nothing to strip or map
        else:
            cells.append(_between(text, 0, len(text), doc.number(index), _columns(doc, index, text)))
    if cells:
        # Blank cells closing the last row (a blank 总计 of table 四) are read by
        # the same rule: the row fit drops them again where the row is complete.
        _empty_cells(doc, first + len(texts), blanks, blank_separated, cells)
    return cells


def _filled_before(texts: list[str], offset: int) -> str:
    """The text of the last filled line before ``offset``."""
    for before in range(offset - 1, -1, -1):
        if texts[before].strip():
            return texts[before].strip()
    return ""


def _empty_cells(doc: Document, stop: int, blanks: int, blank_separated: bool, cells: list[Cell]) -> None:
    """The empty cells the run of ``blanks`` blank lines before line ``stop`` holds: one
    per blank line, or, where cells are separated by one blank line anyway, one per two
    blank lines after the separator (3 lines: one empty cell). A doubled separator (2
    lines) is no cell: were it a cell whose line was lost, the row falls a cell short
    and is reported, where reading it as a cell could shift a full row."""
    count = (blanks - 1) // 2 if blank_separated else blanks
    for blank in range(stop - count, stop):
        cells.append(Cell("", doc.number(blank), 1))
