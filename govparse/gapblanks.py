"""Blank cells of rows whose cells are one space apart, read from the wider gaps they leave.

A text browser (``lynx -dump``) that cannot align a wide table writes each row's cells one
space apart; a blank cell (``&nbsp;``) prints as a space of its own between two separators,
so it leaves a gap of three spaces (two blanks: five). Split on white space, such a row
loses its blanks and every value after them moves a column left. Gaps are read as blanks
only in a table whose values are one space apart almost everywhere and whose wider gaps are
all of that odd width: a table aligned by padding (gaps of any width) is read as before.
A blank at the end of a row leaves no trace (the browser trims the line); the row stays one
cell short, and the row stage nulls it.
"""

from __future__ import annotations

from typing import Final

from .values import Kind, kind_of

# Of the gaps before a value, at least this share is one space: cells written one space apart.
_SINGLE_SHARE: Final = 0.8
_MIN_SINGLE_GAPS: Final = 12
_MAX_BLANKS_IN_GAP: Final = 8


def _words(text: str) -> list[tuple[int, int]]:
    """(start, stop) of each run of characters other than a space."""
    words: list[tuple[int, int]] = []
    position = 0
    length = len(text)
    while position < length:
        while position < length and text[position].isspace():
            position += 1
        if position >= length:
            break
        start = position
        while position < length and not text[position].isspace():
            position += 1
        words.append((start, position))
    return words


def _is_value(text: str) -> bool:
    kind = kind_of(text)
    return kind == Kind.NUMBER or kind == Kind.NULL_MARK


def gaps_hold_blanks(texts: list[str]) -> bool:
    """Whether the table's values are one space apart, with blanks as gaps of 3, 5, … spaces."""
    single = wide = 0
    for text in texts:
        if "  " not in text and " " not in text.strip():
            continue
        words = _words(text)
        for (_, stop), (start, end) in zip(words, words[1:]):
            if not _is_value(text[start:end]):
                continue
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
    words = _words(text)
    previous_stop = -1
    for start, end in words:
        word = text[start:end]
        if previous_stop >= 0 and _is_value(word):
            gap = start - previous_stop
            for blank in range((gap - 1) // 2):
                cells.append((previous_stop + 1 + 2 * blank, ""))
        cells.append((start, word))
        previous_stop = end
    return cells


__all__ = ["gaps_hold_blanks", "gapped_cells"]
