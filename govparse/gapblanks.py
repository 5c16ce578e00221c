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
    header: list[int] = []  # where the columns of the last header line start
    columns: set[int] = set()  # the same, the label's column aside
    confirmed = False  # a row under it has a value at each of its columns
    partial: list[int] = []  # lines under it with values under some of its columns
    for index, words in enumerate(lines):
        if len(words) >= 2 and not any(_is_value(word) for _, word in words):
            if confirmed:
                _fill(lines, partial, header)
            header, confirmed, partial = [start for start, _ in words], False, []
            columns = set(header[1:])
            continue
        placed = _under(words, header, columns)
        if placed == len(header) - 1 and placed:
            confirmed = True
        elif placed > 0:
            partial.append(index)
    if confirmed:
        _fill(lines, partial, header)
    return lines


def _under(words: list[tuple[int, str]], header: list[int], columns: set[int]) -> int:
    """How many values a row has, each under a column of ``header`` (``columns``: where they
    start, the first aside), its label under the first; 0 when it is no such row."""
    if not header or len(words) < 2 or _is_value(words[0][1]) or words[0][0] != header[0]:
        return 0
    for start, word in words[1:]:
        if not _is_value(word) or start not in columns:
            return 0
    return len(words) - 1


def _fill(lines: list[list[tuple[int, str]]], partial: list[int], header: list[int]) -> None:
    for index in partial:
        words = lines[index]
        by_start = dict(words[1:])
        lines[index] = [words[0]] + [(start, by_start.get(start, "")) for start in header[1:]]


__all__ = ["aligned_cells", "gaps_hold_blanks", "gapped_cells"]
