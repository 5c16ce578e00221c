"""Merged cells of a Word table written out cell by grid cell (python-docx's ``row.cells``),
collapsed to one cell each.

python-docx gives a cell that spans grid columns once per column it covers, so its text
repeats: ``行政许可\t0\t0\t0`` is one label and one value under a header whose
``本年处理决定数量`` spans three columns. Equal neighbours are common in real tables
(``0 0 0``), so a run of equal cells is collapsed only where the table shows the span:

- header spans: the header row above a block of rows repeats a label across the columns it
  spans; where every row of the block repeats its cell across each such span too, each
  span is one cell (a header span that some row breaks describes no row, and is not used);
- a stretched last cell: a converter that lost a table's row spans (LibreOffice turning an
  HTML table into a DOCX) lets each row's last cell fill the grid, which every header row
  shows as a run at its end. Then each row holds its values and its last one repeated; the
  values a row holds are at least its cells less its trailing run of equal cells plus one,
  and the block's largest such count (over three rows or more) is taken as every row's. A
  row whose last cell spans fewer columns than its trailing run of equal values would be cut
  short by this, never given another row's number: the row stage counts its cells and
  nulls it.

Where neither holds, a row is left as printed (a label repeated side by side is still read
once: no table prints a label twice in a row), and the row stage nulls a row with too many
cells. Cost: linear in the cells.

A cell of several paragraphs (``总\n计``, a label broken by the author's line breaks) puts its
row on several lines; ``row_spans`` finds them. Every row of a Word table has one cell per grid
column, so as many tabs: lines are one row where their tabs add up to the table's count (the
count most lines have), each line break inside a label, never beside a value. Text lines
between two rows finish the last row's last cell where they make it the merged cell its
neighbour repeats, or where values follow them (a header's last cell, wrapped); else they open
the next row's first cell after a row ending in a value or an empty cell, and after one ending
in text they stay lines of their own (either reading is possible; the lexer joins label pieces).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .values import Kind, kind_of

if TYPE_CHECKING:
    from .cells import Cell

# A block needs this many rows of values to tell how many values its rows hold by their
# trailing runs (table 四's one row cannot).
MIN_STRETCHED_ROWS = 3
# The most lines one row's cells may put it on (15 cells of four paragraphs): bounds the search.
MAX_ROW_LINES: Final = 64


def row_spans(texts: list[str], most_rows: int = -1) -> dict[int, int]:
    """The rows that cells holding line breaks put on several lines: first line -> the line after
    the row (offsets in ``texts``); a row on one line is not listed. Linear: each start looks at
    most MAX_ROW_LINES lines ahead, and a row found is skipped whole. With ``most_rows``, those of
    the first rows holding a tab only (a line of tabs making no row counts as one): layout detection
    looks at a few."""
    tabs = [text.count("\t") for text in texts]
    width = _row_width(tabs)
    spans: dict[int, int] = {}
    if width == 0:
        return spans
    count = len(texts)
    after_row = False  # the line before ``offset`` ends a row: text lines may open the next one
    offset = 0
    rows = 0
    while offset < count and rows != most_rows:
        stop = -1
        if tabs[offset] or after_row and _fragment(texts[offset]):
            stop = _row_stop(texts, tabs, offset, width)
        if stop < 0:
            after_row = False
            if tabs[offset]:
                rows += 1  # a line of tabs that makes no row: a row as the layout's look counts them
            offset += 1
            continue
        stop = _continued(texts, tabs, offset, stop)
        if stop - offset > 1:
            spans[offset] = stop
        # Text lines after a row whose last cell is text may end that cell or open the next row's
        # first: neither is joined (the lexer joins label pieces in reading order). A last cell
        # that repeats the one before it is a merged cell written again, whole in each copy: a
        # line after it is no piece of it, so it opens the next row.
        pieces = texts[stop - 1].rsplit("\t", 2)
        last = pieces[-1].strip()
        after_row = not last or kind_of(last) != Kind.TEXT or len(pieces) == 3 and pieces[1].strip() == last
        offset = stop
        rows += 1
    return spans


def _row_width(tabs: list[int]) -> int:
    """The most tabs two lines or more hold (0 if no two lines hold as many): a whole row's, as
    the pieces of a row on several lines hold fewer and whole rows are many."""
    counts: dict[int, int] = {}
    for count in tabs:
        if count:
            counts[count] = counts.get(count, 0) + 1
    width = max(counts, key=lambda count: (counts[count] >= 2, count), default=0)
    return width if counts.get(width, 0) >= 2 else 0  # one line alone tells no table's width


def _fragment(text: str) -> bool:
    """A line of text (no value): a piece of a cell's label, perhaps."""
    stripped = text.strip()
    return bool(stripped) and kind_of(stripped) == Kind.TEXT


def _row_stop(texts: list[str], tabs: list[int], offset: int, width: int) -> int:
    """The line after the row starting at ``offset`` when its lines' tabs add up to ``width``
    with each line break inside a label (or an empty paragraph); else -1."""
    total = 0
    for line in range(offset, min(len(texts), offset + MAX_ROW_LINES)):
        if line > offset and not _breakable(texts[line - 1].rsplit("\t", 1)[-1], texts[line].split("\t", 1)[0]):
            return -1
        total += tabs[line]
        if total == width:
            return line + 1
        if total > width:
            return -1
    return -1


def _breakable(before: str, after: str) -> bool:
    """Whether a cell may hold ``before`` and ``after`` as two paragraphs: neither a value."""
    for piece in (before.strip(), after.strip()):
        if piece and kind_of(piece) != Kind.TEXT:
            return False
    return True


def _continued(texts: list[str], tabs: list[int], offset: int, stop: int) -> int:
    """``stop`` moved past the text lines after a row that finish its last cell: where they make
    it the merged cell the cell before it repeats (``总\n计`` once per column), or where values
    follow them (a header's last cell wrapped above the row of values)."""
    following = stop
    while following < len(texts) and following - stop < MAX_ROW_LINES and tabs[following] == 0 \
            and _fragment(texts[following]):
        following += 1
    if following == stop:
        return stop
    cells = "\n".join(texts[offset:stop]).split("\t")
    last = cells[-1].strip()
    if not last or kind_of(last) != Kind.TEXT or len(cells) < 2:
        return stop
    before = [piece.strip() for piece in cells[-2].split("\n")]
    if len(before) > 1 and before[0] == last:
        wanted = len(before) - 1
        if stop + wanted <= following and [text.strip() for text in texts[stop:stop + wanted]] == before[1:]:
            return stop + wanted
    if following < len(texts) and tabs[following]:
        head = texts[following].split("\t", 1)[0].strip()
        if head and kind_of(head) != Kind.TEXT:
            return following
    return stop


def collapse_merged(rows: list[list[Cell]]) -> list[Cell]:
    """``rows`` (tab-separated rows, one list of cells each) with each merged cell read once."""
    kept: list[Cell] = []
    index = 0
    headers: list[list[Cell]] = []  # the header rows above the rows being read
    while index < len(rows):
        row = rows[index]
        if _is_header(row):
            if index and not _is_header(rows[index - 1]):
                headers = []
            headers.append(row)
            kept.extend(_without_repeated_labels(row))
            index += 1
            continue
        stop = index
        while stop < len(rows) and not _is_header(rows[stop]):
            stop += 1
        for collapsed in _block(headers, rows[index:stop]):
            kept.extend(collapsed)
        index = stop
    return kept


def _is_label(cell: Cell) -> bool:
    return kind_of(cell.text) == Kind.TEXT


def _is_header(row: list[Cell]) -> bool:
    """Two cells or more, each a label, or empty where the grid's filler is, more filled than
    not: a header (or caption) row. (A row printed blank is a label or two and more empties.)"""
    filled = 0
    for cell in row:
        if cell.text:
            if not _is_label(cell):
                return False
            filled += 1
    return filled >= 2 and filled * 2 > len(row)


def _label_count(row: list[Cell]) -> int:
    """How many cells lead the row before its first value (its label and group label)."""
    count = 0
    while count < len(row) and _is_label(row[count]):
        count += 1
    return count


def _block(headers: list[list[Cell]], rows: list[list[Cell]]) -> list[list[Cell]]:
    """The rows under one header, each with its merged cells read once."""
    if not headers:
        return [_without_repeated_labels(row) for row in rows]
    header = headers[-1]
    width = len(header)
    fitting = [row for row in rows if len(row) == width and _has_values(row)]
    stretched = _stretched(headers)
    # A header span is a merged cell of the rows where every row repeats its cell across it.
    spans = [span for span in _header_spans(header) if all(_repeats_across(row, span) for row in fitting)] \
        if fitting else []
    if stretched and spans and spans[-1][1] == width and len(fitting) < MIN_STRETCHED_ROWS:
        spans.pop()  # the header's last cell filling the grid, and too few rows to tell a span
    read: list[list[Cell]] = []
    collapsed: list[list[Cell]] = []
    # Rows ending elsewhere than the header (a label split over two cells in one of them) do not
    # line up with it: their last value is read once per grid column the header's last label spans.
    last_span = 1 if stretched else _last_span(header)
    ends = len(_filled_part(header))
    for row in rows:
        misaligned = last_span >= 2 and _has_values(row) and len(_filled_part(row)) != ends
        if len(row) == width and _has_values(row):
            printed = len(_filled_part(row))
            row = _collapse_spans(row, spans) if spans else row
            collapsed.append(row)
            misaligned = misaligned and len(_filled_part(row)) == printed  # or a header span read it already
        read.append(_collapse_last_span(row, last_span) if misaligned else row)
    if stretched and len(collapsed) >= MIN_STRETCHED_ROWS:
        # Empty cells after a row's last one fill the grid too (a label split over cells made
        # it wider): the stretched cell is the last filled one.
        values = max(_values_held(_filled_part(row)) for row in collapsed)
        held = {id(row) for row in collapsed}
        read = [_collapse_tail(row, values) if id(row) in held else row for row in read]
    return [_without_repeated_labels(row) for row in read]


def _last_span(header: list[Cell]) -> int:
    """How many grid columns the header's last label spans (its trailing run, empty filler
    after it aside), where the header is more than that one label; else 1."""
    filled = _filled_part(header)
    run = _trailing_run(filled)
    return run if run < len(filled) and filled[-1].text else 1


def _collapse_last_span(row: list[Cell], span: int) -> list[Cell]:
    """A row whose cells the header's do not line up with (a label split over two cells in one of
    them): its last value repeated ``span`` times or more read once less ``span`` - 1 times, where
    no other value repeats beside itself (then the run is the one merged cell that can have made
    the row long; a row cut short by a coincidence is nulled by the row stage, never shifted)."""
    filled = _filled_part(row)
    labels = _label_count(filled)
    run = min(_trailing_run(filled), len(filled) - labels)
    if run < span:
        return row
    for position in range(labels + 1, len(filled) - run + 1):
        if filled[position].text == filled[position - 1].text:
            return row
    return filled[:len(filled) - span + 1]


def _has_values(row: list[Cell]) -> bool:
    return _label_count(row) < len(row)


def _header_spans(header: list[Cell]) -> list[tuple[int, int]]:
    """(first, stop) of each run of two or more equal cells in the header row."""
    spans: list[tuple[int, int]] = []
    start = 0
    for position in range(1, len(header) + 1):
        if position == len(header) or header[position].text != header[start].text:
            if position - start >= 2:
                spans.append((start, position))
            start = position
    return spans


def _repeats_across(row: list[Cell], span: tuple[int, int]) -> bool:
    """Whether the row holds one text across the span (a merged cell, as the header says)."""
    start, stop = span
    first = row[start].text
    for position in range(start + 1, stop):
        if row[position].text != first:
            return False
    return True


def _collapse_spans(row: list[Cell], spans: list[tuple[int, int]]) -> list[Cell]:
    kept: list[Cell] = []
    span = 0
    for position, cell in enumerate(row):
        while span < len(spans) and spans[span][1] <= position:
            span += 1
        if span < len(spans) and spans[span][0] < position < spans[span][1]:
            continue  # the same merged cell again
        kept.append(cell)
    return kept


def _stretched(headers: list[list[Cell]]) -> bool:
    """Whether the header rows show each row's last cell filling the grid: two header rows or
    more (a caption across the whole table aside) end in runs of equal cells (empty cells after
    them aside), and not all of the same length (a merged cell spans the same columns in every
    row; a filler does not)."""
    filled = [_filled_part(header) for header in headers]
    runs = [_trailing_run(header) for header in filled if _trailing_run(header) < len(header)]
    return len(runs) >= 2 and min(runs) >= 2 and min(runs) != max(runs)


def _filled_part(row: list[Cell]) -> list[Cell]:
    """The row up to its last filled cell (all of it if none is filled)."""
    stop = len(row)
    while stop > 1 and not row[stop - 1].text:
        stop -= 1
    return row if stop == len(row) else row[:stop]


def _trailing_run(row: list[Cell]) -> int:
    """How many cells at the end of the row hold the same text."""
    run = 1
    while run < len(row) and row[-run - 1].text == row[-1].text:
        run += 1
    return run


def _values_held(row: list[Cell]) -> int:
    """The fewest values the row can hold if only its last cell was stretched."""
    labels = _label_count(row)
    run = min(_trailing_run(row), len(row) - labels)
    return len(row) - labels - run + 1


def _collapse_tail(row: list[Cell], values: int) -> list[Cell]:
    """The row cut to hold ``values`` values where all it loses is its last kept cell again
    (stretched) and empty filler after that; else as printed."""
    keep = _label_count(row) + values
    if keep >= len(row) or keep < 1:
        return row
    last = row[keep - 1].text
    position = keep
    while position < len(row) and row[position].text == last:
        position += 1
    while position < len(row) and not row[position].text:
        position += 1
    return row[:keep] if position == len(row) else row


def _without_repeated_labels(row: list[Cell]) -> list[Cell]:
    """A label cell equal to the one before it dropped: the same merged cell again. Values
    and null marks are kept, repeated or not: ``0 0`` and ``— —`` may be two cells."""
    kept: list[Cell] = []
    for cell in row:
        if kept and cell.text and cell.text == kept[-1].text and _is_label_text(cell.text):
            continue
        kept.append(cell)
    return kept


def _is_label_text(text: str) -> bool:
    """Two Chinese characters or more: a label, never a value or a null mark (无, ——)."""
    han = 0
    for char in text:
        if "\u4e00" <= char <= "\u9fff":
            han += 1
    return han >= 2


__all__ = ["collapse_merged", "row_spans"]
