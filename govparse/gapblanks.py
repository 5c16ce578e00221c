"""Blank cells of rows whose cells are one space apart, read from the wider gaps they leave.

A text browser (``lynx -dump``) that cannot align a wide table writes each row's cells one
space apart; a blank cell (``&nbsp;``) prints as a space of its own between two separators,
so it leaves a gap of three spaces (two blanks: five). Split on white space, such a row
loses its blanks and every value after them moves a column left. Gaps are read as blanks
only in a table dumped by a browser (every line indented, as a browser's dump margins its
text) whose values are one space apart almost everywhere and whose wider gaps are all of
that odd width: a table aligned by padding (gaps of any width) is read as before, and so is
a text typed with a wide gap here and there (no margin).
A blank at the end of a row leaves no trace (the browser trims the line); the row stays one
cell short, and the row stage nulls it.

A table the browser could align (tables 二 and 四) pads its cells to columns, so a gap tells
nothing; there a row whose values each start exactly where a column of the header above it
starts, its label under the header's first, has a blank cell under each column it leaves
empty (``规章      0      891`` under four header columns: the last one is blank), where
another row under that header fills every column (the columns are the table's, not the
pieces of a label with a space inside).
"""

from __future__ import annotations

from typing import Final

from .textgrid import display_columns, width
from .values import Kind, kind_of

# Of the gaps before a value, at least this share is one space: cells written one space apart.
_SINGLE_SHARE: Final = 0.8
_MIN_SINGLE_GAPS: Final = 12
_MAX_BLANKS_IN_GAP: Final = 8
_MIN_MARGIN: Final = 2  # spaces before every line of a browser's dump (lynx: three)


def _words(text: str) -> list[tuple[int, str]]:
    """(start, text) of each run of characters other than white space: the words ``split`` gives,
    each found where the one before it ends (only white space stands between)."""
    words: list[tuple[int, str]] = []
    position = 0
    for word in text.split():
        start = text.find(word, position)
        words.append((start, word))
        position = start + len(word)
    return words


def _is_value(text: str) -> bool:
    kind = kind_of(text)
    return kind == Kind.NUMBER or kind == Kind.NULL_MARK


def gaps_hold_blanks(texts: list[str]) -> bool:
    """Whether the table's values are one space apart, with blanks as gaps of 3, 5, … spaces."""
    single = wide = 0
    for text in texts:
        if not text or text.isspace():
            continue
        if not text.startswith(" " * _MIN_MARGIN):
            return False  # no browser's margin
        words = _words(text)
        for (before, previous), (start, word) in zip(words, words[1:]):
            if not _is_value(word):
                continue
            stop = before + len(previous)
            gap = start - stop
            if text[stop:start] != " " * gap:
                return False  # a tab or another space between: not this shape
            if gap == 1:
                single += 1
            elif gap % 2 == 1 and gap <= 2 * _MAX_BLANKS_IN_GAP + 1:
                wide += 1
            else:
                return False  # an even gap: cells padded to columns, not one space apart
    return single >= _MIN_SINGLE_GAPS and single >= _SINGLE_SHARE * (single + wide)


def gapped_cells(text: str) -> list[tuple[int, str]]:
    """(start, text) of each cell of one line, a blank cell for each blank a wider gap before a
    value holds (its start is the gap's first space after the separator)."""
    cells: list[tuple[int, str]] = []
    previous_stop = -1
    for start, word in _words(text):
        if previous_stop >= 0 and _is_value(word):
            gap = start - previous_stop
            for blank in range((gap - 1) // 2):
                cells.append((previous_stop + 1 + 2 * blank, ""))
        cells.append((start, word))
        previous_stop = start + len(word)
    return cells


def aligned_cells(texts: list[str]) -> list[list[tuple[int, str]]]:
    """(start, text) of each cell of each line: words, with blank cells where a row's values sit
    under some of the columns of the header line above it, columns that another row under that
    header fills at every start (a label with a space inside is no column: see the module)."""
    lines = [_words(text) for text in texts]
    values = [[_is_value(word) for _, word in words] for words in lines]  # told once per word
    header: list[int] = []  # where the columns of the last header line start
    columns: set[int] = set()  # the same, the label's column aside
    confirmed = False  # a row under it has a value at each of its columns
    partial: list[int] = []  # lines under it with values under some of its columns
    block: list[int] = []  # lines under it with values
    for index, words in enumerate(lines):
        valued = values[index]
        has_value = True in valued
        if len(words) >= 2 and not has_value:
            _end_block(texts, lines, values, confirmed, partial, header, block)
            header, confirmed, partial, block = [start for start, _ in words], False, [], []
            columns = set(header[1:])
            continue
        if has_value:
            block.append(index)
        placed = _under(words, valued, header, columns)
        if placed == len(header) - 1 and placed:
            confirmed = True
        elif placed > 0:
            partial.append(index)
    _end_block(texts, lines, values, confirmed, partial, header, block)
    return lines


def _end_block(texts: list[str], lines: list[list[tuple[int, str]]], values: list[list[bool]], confirmed: bool,
               partial: list[int], header: list[int], block: list[int]) -> None:
    """Blanks in the rows under one header: under its columns' starts (a browser's table), else
    where rows of one shape place their values alike (a PDF's, govparse.gapblanks.placed_columns)."""
    if confirmed:
        _fill(lines, partial, header)
    elif len(block) >= 2:
        _fill_placed(texts, lines, values, block)


def _fill_placed(texts: list[str], lines: list[list[tuple[int, str]]], values: list[list[bool]],
                 block: list[int]) -> None:
    """``lines``' rows in ``block`` (``values``: which of each line's words are values) with their
    blanks, where rows of one shape place their values alike."""
    described: Placed = []
    for index in block:
        words = lines[index]
        valued = values[index]
        labels = 0
        while labels < len(words) and not valued[labels]:
            labels += 1
        if not all(valued[labels:]):
            described.append((-1, 0, []))  # text after the values: not placed
            continue
        label_end = words[labels - 1][0] + len(words[labels - 1][1]) if labels else -1
        described.append((labels, label_end, [start for start, _ in words[labels:]]))
    count = max(len(places) for _, _, places in described)
    if not any(count < 2 * len(places) <= 2 * count - 2 for _, _, places in described):
        return  # no row short of values that _placed_by would place: the display columns are not needed
    shown: Placed = []  # the same by display column
    packed: set[int] = set()  # rows whose words are all one space apart
    for index, (labels, label_end, places) in zip(block, described):
        if labels < 0:
            shown.append((-1, 0, []))
            continue
        words = lines[index]
        if all(words[at][0] == words[at - 1][0] + len(words[at - 1][1]) + 1 for at in range(max(labels, 1), len(words))):
            # Written one space apart, a row's places come from its words' lengths alone (pypdf,
            # pdfplumber): 160 fills the room of 16 and 0, and a template's places fit it by chance.
            # A blank in a padded row leaves a wider gap; here nothing marks one.
            packed.add(index)
        shown_at = display_columns(texts[index])
        shown.append((labels, shown_at[label_end - 1] + width(texts[index][label_end - 1]) if labels else -1,
                      [shown_at[start] for start in places]))
    for index, (labels, _, places), columns in zip(block, described, placed_columns(described, shown)):
        if columns is None or index in packed:
            continue
        words = lines[index]
        by_column = dict(zip(columns, words[labels:]))
        filled = words[:labels]
        for column in range(count):
            cell = by_column.get(column)
            if cell is None:
                # a blank, at the next value's start (or after the last)
                after = next((by_column[c][0] for c in range(column + 1, count) if c in by_column), None)
                cell = (after if after is not None else words[-1][0] + len(words[-1][1]), "")
            filled.append(cell)
        lines[index] = filled


def _under(words: list[tuple[int, str]], valued: list[bool], header: list[int], columns: set[int]) -> int:
    """How many values a row has (``valued``: which of its words are values), each under a column
    of ``header`` (``columns``: where they start, the first aside), its label under the first; 0
    when it is no such row."""
    if not header or len(words) < 2 or valued[0] or words[0][0] != header[0]:
        return 0
    for at in range(1, len(words)):
        if not valued[at] or words[at][0] not in columns:
            return 0
    return len(words) - 1


def _fill(lines: list[list[tuple[int, str]]], partial: list[int], header: list[int]) -> None:
    for index in partial:
        words = lines[index]
        by_start = dict(words[1:])
        lines[index] = [words[0]] + [(start, by_start.get(start, "")) for start in header[1:]]


Placed = list[tuple[int, int, list[int]]]  # per row: its shape, where its label ends, where its values start


def placed_columns(by_character: Placed, by_display: Placed) -> list[list[int] | None]:
    """``_placed_by`` the way of counting places that the table's full rows agree on: pdftotext's
    grid counts characters (a Chinese one is one column), text laid out for the eye counts display
    columns, and counted the other way, rows whose labels hold more wide characters are shifted.
    The way under which the full rows of each shape show fewer distinct places is taken; where
    neither shows fewer (a full row per shape), a row is placed where one way places it and the
    other does not place it otherwise."""
    spread = [_templates(rows) for rows in (by_character, by_display)]
    if spread[0] < spread[1]:
        return _placed_by(by_character)
    if spread[1] < spread[0]:
        return _placed_by(by_display)
    return [found if other is None or found == other else (other if found is None else None)
            for found, other in zip(_placed_by(by_character), _placed_by(by_display))]


def _templates(rows: Placed) -> int:
    """How many distinct places the fullest rows show, shapes apart."""
    most = max((len(places) for _, _, places in rows), default=0)
    return len({(shape, tuple(places)) for shape, _, places in rows if len(places) == most})


def _placed_by(rows: Placed) -> list[list[int] | None]:
    """For rows placed by x (pdftotext -layout), each given as (its shape: how many label pieces
    stand beside its values, where its label ends, where each of its values starts, by character),
    the column of each value of a row short of values, or None (a full row, or one not placed).

    pdftotext lays each line out on its own character grid, so places compare only between rows
    of one shape (a row beside a group label, ``（三）不予公开 1．属于国家秘密``, is pushed right)
    and a long number pushes the values after it: a full row of the shape is a template where its
    places are exactly the short row's (its first value aside, when a wrapped label's piece beside
    it pushed it: then it is the first column). A short row is placed when the templates of its
    shape that fit all place it alike, each column it leaves blank lies right of its label, it
    holds more than half of the columns and no line of a few values without a label (a wrapped
    number's head or tail) stands beside it; otherwise it is left short, for the row stage to null. Linear in the values, times the
    distinct templates of a shape (a handful)."""
    most = max((len(places) for _, _, places in rows), default=0)
    counts = [len(places) for _, _, places in rows]
    if counts.count(most) == 1 and counts.count(most - 1) >= 2:
        # One row longer than all others, which agree on one value fewer, is no template: a cell
        # doubled or a row run on; read by it, every other row would look short of a value.
        return [None] * len(rows)
    templates: dict[int, set[tuple[int, ...]]] = {}
    for shape, _, places in rows:
        if len(places) == most:
            templates.setdefault(shape, set()).add(tuple(places))
    # A line of a few values and no label: a wrapped number's head or tail (12423 above a row,
    # 1 below it). It is no row with blanks, and the rows beside it lack that number, not a blank.
    pieces = [shape == 0 and 0 < 2 * len(places) <= most for shape, _, places in rows]
    found: list[list[int] | None] = []
    for index, (shape, label_end, places) in enumerate(rows):
        if not most < 2 * len(places) <= 2 * most - 2 or shape not in templates \
                or index and pieces[index - 1] or index + 1 < len(rows) and pieces[index + 1]:
            found.append(None)
            continue
        fits = {fit for fit in (_fit(places, template, label_end) for template in templates[shape]) if fit is not None}
        found.append(list(fits.pop()) if len(fits) == 1 else None)
    return found


def _fit(places: list[int], template: tuple[int, ...], label_end: int) -> tuple[int, ...] | None:
    """The column of each value where ``template`` has it at its exact place (the first value
    may sit anywhere left of the second's column if that column is the second), the columns
    left blank all right of the label; else None."""
    index = {place: column for column, place in enumerate(template)}
    columns: list[int] = []
    for place in places[1:]:
        column = index.get(place, -1)
        if column < 0 or columns and column <= columns[-1]:
            return None
        columns.append(column)
    first = index.get(places[0], -1)
    if first < 0 or columns and first >= columns[0]:
        if not columns or columns[0] != 1 or places[0] >= places[1]:
            return None
        first = 0
    columns.insert(0, first)
    taken = set(columns)
    if any(column not in taken and place <= label_end for column, place in enumerate(template)):
        return None  # the label runs over a column said to be blank: another shape of row
    return tuple(columns)


__all__ = ["aligned_cells", "gaps_hold_blanks", "gapped_cells", "placed_columns"]
