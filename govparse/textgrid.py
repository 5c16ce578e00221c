"""Tables drawn in text by converters: ruled grids and dash-ruled aligned columns.

Tools that turn a page into text draw its tables two ways this module reads:

- a ruled grid: pandoc's grid tables (``+----+----+`` rules, ``| a | b |`` lines)
  and w3m's box-drawn tables (``┌─┬─┐``, ``│ a │ b │``). A table row lies between
  two rule lines and may take several lines (a wrapped cell); its cells lie
  between the vertical bars that every line of the row has at the same place.
- aligned columns under a dash rule: pandoc's simple and multiline tables
  (``----  ------`` rules). Each run of dashes is a column; a character belongs
  to the column whose run starts at or before it. A row is one line, or in a
  multiline table a block of lines between blank lines.

Places are display columns, not character indices: converters align text by how
wide it prints, and a Chinese character prints two columns wide. A cell keeps the
source line and column of its first character. The text of a cell wrapped over
lines is joined without a space between Chinese pieces (a label broken by the
wrap) and between digits (a number broken by it), with one between words.

Each function takes the section's lines (normalized) and the lines whose characters
tell the display places (the source lines, where normalizing kept their length:
normalizing makes full-width punctuation half-width), and gives rows: lists of (text, line
offset, character index) in column order, an empty cell where the grid has one.
Costs are linear in the characters read.
"""

from __future__ import annotations

import re
from unicodedata import east_asian_width

_VERTICALS = frozenset("|│┃║")
_DASHES = frozenset("-=─━═")
_ASCII_RULE = frozenset("+-=:| ")


def _box(char: str) -> bool:
    return "\u2500" <= char <= "\u257f"


def is_grid_rule(text: str) -> bool:
    """A rule line of a grid: rule characters only (``+-=:|`` or box drawing), three dashes at least."""
    stripped = text.strip()
    if len(stripped) < 3:
        return False
    dashes = 0
    for char in stripped:
        if char in _DASHES:
            dashes += 1
        elif char not in _ASCII_RULE and not _box(char):
            return False
    return dashes >= 3 and (stripped[0] in "+" or _box(stripped[0]))


def is_grid_line(text: str) -> bool:
    """A content line of a grid: it opens and closes with a vertical bar."""
    stripped = text.strip()
    return len(stripped) >= 2 and stripped[0] in _VERTICALS and stripped[-1] in _VERTICALS


def is_dash_rule(text: str) -> bool:
    """A rule of pandoc's simple or multiline tables: runs of three or more dashes and spaces only."""
    stripped = text.strip()
    return len(stripped) >= 3 and not stripped.strip("- ") and "---" in stripped


def width(char: str) -> int:
    """How many columns ``char`` prints: two for wide and full-width characters."""
    return code_width(ord(char))


def code_width(code: int) -> int:
    """``width`` of the character ``code``: the ranges a Chinese table prints (Han characters, CJK
    punctuation, full-width forms; all wide, as unicodedata has them) told without asking unicodedata."""
    if code < 0x1100:
        return 1
    if 0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303E or 0xFF01 <= code <= 0xFF60 or 0x3400 <= code <= 0x4DBF:
        return 2
    return 2 if east_asian_width(chr(code)) in ("W", "F") else 1


def text_width(text: str) -> int:
    """How many columns ``text`` prints (the sum of its characters' ``width``)."""
    if text.isascii():
        return len(text)
    total = 0
    for at in range(len(text)):
        total += code_width(ord(text[at]))
    return total


def display_columns(text: str) -> list[int]:
    """The display column each character of ``text`` starts at (0-based)."""
    columns = []
    position = 0
    for char in text:
        columns.append(position)
        position += width(char)
    return columns


Row = list[tuple[str, int, int]]  # (text, line offset in the section, character index)


def join_piece(text: str, piece: str) -> str:
    """A wrapped cell's text and its next line's piece, joined as the wrap had not happened."""
    if not text:
        return piece
    if not piece:
        return text
    last, first = text[-1], piece[0]
    if last.isascii() and first.isascii() and last.isalnum() and first.isalnum() \
            and not (last.isdigit() and first.isdigit()):
        return f"{text} {piece}"
    return text + piece


_Placed = tuple[str, int, int, int]  # (text, line offset, character index, display place of its column)
_VALUE = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?\S{0,2}|[/／—－-]+|无")


def _merge(cells: list[list], pieces: list[_Placed]) -> None:
    """Add one line's pieces (text, offset, index, place) to the row's cells, column by column."""
    for column, (piece, offset, index, place) in enumerate(pieces):
        if column >= len(cells):
            cells.append(["", offset, index, place])
        cell = cells[column]
        if piece:
            if not cell[0]:
                cell[1], cell[2] = offset, index
            cell[0] = join_piece(cell[0], piece)


def grid_rows(texts: list[str], shapes: list[str]) -> list[Row]:
    """The rows of every ruled grid in ``texts``; lines outside a grid are rows of one cell each."""
    rows: list[list[_Placed]] = []
    block: list[int] = []  # offsets of the content lines of the row being read
    for offset, text in enumerate(texts):
        if is_grid_line(text):
            block.append(offset)
            continue
        if block:
            rows.append(_grid_row(texts, shapes, block))
            block = []
        if is_grid_rule(text) or not text.strip():
            continue
        rows.append(_whole(texts, offset))
    if block:
        rows.append(_grid_row(texts, shapes, block))
    return _value_cells_only_blank(rows, True)


def _bars(text: str) -> dict[int, int]:
    """Display column -> character index of each vertical bar in ``text``."""
    bars = {}
    position = 0
    for index, char in enumerate(text):
        if char in _VERTICALS:
            bars[position] = index
        position += width(char)
    return bars


def _grid_row(texts: list[str], shapes: list[str], block: list[int]) -> list[_Placed]:
    """One grid row from its content lines: cells between the bars all its lines share."""
    bars_of = [_bars(shapes[offset]) for offset in block]
    shared = set(bars_of[0])
    for bars in bars_of[1:]:
        shared &= set(bars)
    places = sorted(shared)
    cells: list[list] = []
    starts: dict[int, list[int]] = {}  # line offset -> character index where each cell starts on it
    for offset, bars in zip(block, bars_of):
        text = texts[offset]
        pieces = []
        for left, right in zip(places, places[1:]):
            start, stop = bars[left] + 1, bars[right]
            piece = text[start:stop].strip()
            pieces.append((piece, offset, text.index(piece, start) if piece else start, left))
        starts[offset] = [start for _, _, start, _ in pieces]
        _merge(cells, pieces)
    _blanks_on_filled_lines(cells, starts)
    return [(cell[0], cell[1], cell[2], cell[3]) for cell in cells]


def _blanks_on_filled_lines(cells: list[list], starts: dict[int, list[int]]) -> None:
    """Put each empty cell of a row on the line of the next filled cell after it (else of the last
    one before it). An empty cell has no line of its own, and the cell stream tells a row by its
    line: w3m centres each cell of a row vertically, so the values sit on a later line than a
    taller label's first one, and an empty cell left on that first line reads as the label's
    padding (dropped), not as the row's blank value."""
    after: list[int | None] = [None] * len(cells)  # the line of the next filled cell, by column
    line: int | None = None
    for column in range(len(cells) - 1, -1, -1):
        after[column] = line
        if cells[column][0]:
            line = cells[column][1]
    line = None
    for column, cell in enumerate(cells):
        if cell[0]:
            line = cell[1]
            continue
        chosen = after[column] if after[column] is not None else line
        if chosen is not None and column < len(starts[chosen]):
            cell[1], cell[2] = chosen, starts[chosen][column]


def _runs(text: str) -> list[int]:
    """Display columns where the runs of dashes of a rule line start."""
    starts = []
    position = 0
    previous = " "
    for char in text:
        if char == "-" and previous != "-":
            starts.append(position)
        previous = char
        position += width(char)
    return starts


def aligned_rows(texts: list[str], shapes: list[str]) -> list[Row]:
    """The rows of a dash-ruled aligned table in ``texts``; lines outside it are rows of one cell each.

    The table runs from its first rule to its last; its columns are those of the
    rule with the most runs. A table with blank lines between its rows (pandoc's
    multiline tables) has a row per block of lines, others a row per line.
    """
    rules = [offset for offset, text in enumerate(texts) if is_dash_rule(text)]
    if not rules:
        return _value_cells_only_blank([_whole(texts, offset) for offset, text in enumerate(texts) if text.strip()], False)
    starts = max((_runs(shapes[offset]) for offset in rules), key=len)
    first, last = rules[0], rules[-1] if rules[-1] > rules[0] else len(texts)
    inner = range(first + 1, last)
    blank_separated = any(not texts[offset].strip() and texts[offset - 1].strip() and texts[offset + 1].strip()
                          and not is_dash_rule(texts[offset - 1]) and not is_dash_rule(texts[offset + 1])
                          for offset in range(first + 2, last - 1))
    rows: list[list[_Placed]] = [_whole(texts, offset) for offset in range(first) if texts[offset].strip()]
    block: list[int] = []
    for offset in inner:
        text = texts[offset]
        if is_dash_rule(text) or not text.strip():
            if block:
                rows.append(_aligned_row(texts, shapes, block, starts))
                block = []
            continue
        block.append(offset)
        if not blank_separated:
            rows.append(_aligned_row(texts, shapes, block, starts))
            block = []
    if block:
        rows.append(_aligned_row(texts, shapes, block, starts))
    rows.extend(_whole(texts, offset) for offset in range(last + 1, len(texts)) if texts[offset].strip())
    return _value_cells_only_blank(rows, False)


def _whole(texts: list[str], offset: int) -> list[_Placed]:
    """A line outside the table: one cell."""
    text = texts[offset]
    stripped = text.strip()
    return [(stripped, offset, text.index(stripped[0]), -1)]


def _aligned_row(texts: list[str], shapes: list[str], block: list[int], starts: list[int]) -> list[_Placed]:
    """One row of an aligned table: each line's characters put in the column their place falls in."""
    cells: list[list] = []
    count = len(starts)
    for offset in block:
        text = texts[offset]
        bounds = [len(text)] * (count + 1)  # character index where each column begins
        bounds[0] = 0
        column = 0
        position = 0
        for index, char in enumerate(shapes[offset]):
            while column + 1 < count and position >= starts[column + 1]:
                column += 1
                bounds[column] = index
            position += width(char)
        pieces = []
        for column in range(count):
            start, stop = bounds[column], bounds[column + 1]
            piece = text[start:stop].strip()
            pieces.append((piece, offset, text.index(piece, start) if piece else start, starts[column]))
        _merge(cells, pieces)
    return [(cell[0], cell[1], cell[2], cell[3]) for cell in cells]


def _value_cells_only_blank(rows: list[list[_Placed]], ruled: bool) -> list[Row]:
    """Rows without the empty cells of label columns: an empty cell before a row's first value
    is dropped at a place where no row has a value and some row has its label (text before its
    first value) or no row any text. A converter that drops a label's column span (pandoc) or
    prints a row-spanning label as empty cells below it (w3m) leaves empty cells in label
    columns; read as values they would shift the row's values by a column. Anywhere else an
    empty cell is a blank value: after a value, in a column only a header names (every
    本年废止件数 blank), before the values of a row with no label (table 四's one row, its
    first cell blank). Without ruled cells (dash-ruled text), a column where no row, header included,
    has any text is no column of the table (pandoc's empty column at its right): read as a cell it
    would make a full row one cell too long; a grid's rules show a column a spanning header covers."""
    value_places: set[int] = set()
    label_places: set[int] = set()
    text_places: set[int] = set()
    for row in rows:
        before: list[int] | None = []  # places of the texts before the row's first value (None after it)
        for text, _, _, place in row:
            if text and _VALUE.fullmatch(text):
                value_places.add(place)
                if before is not None:
                    label_places.update(before)
                    before = None
            elif text and before is not None:
                before.append(place)
            if text:
                text_places.add(place)
    kept: list[Row] = []
    for row in rows:
        cells: Row = []
        valued = False
        for text, offset, index, place in row:
            if text or (ruled or place in text_places) and \
                    (valued or place in value_places or place in text_places and place not in label_places):
                cells.append((text, offset, index))
                valued = valued or bool(text) and _VALUE.fullmatch(text) is not None
        kept.append(cells)
    return kept
