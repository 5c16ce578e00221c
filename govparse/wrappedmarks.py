"""Null marks wrapped in their cells, put back on their row's line (pdftotext -layout).

A cell too narrow for ``——`` wraps it: the PDF prints ``—`` above the row's line and ``—``
below it, centred on the row, and ``pdftotext -layout`` writes each on a line of its own at
the cell's place. Read line by line, the row lacks a value where its cell is and the lines
around it each hold a stray mark, which a reader hands to the row above or below. Here the
two pieces go back where they stand: only where the same dash piece stands alone on the line
right above and the line right below a line of values, at the same character place, and
that place is a gap of that line wide enough to hold them with a space either side.

A cell that wraps its mark over the row's line and the next (pypdf's layout mode) leaves ``—``
among the row's values and ``—`` on the next line at the same character place, perhaps after
the rest of a wrapped label: the second piece goes back into the first, or the row would read
it as one value more and take a glued run beside it for one cell. Any other lone mark is left
alone. Linear in the lines.
"""

from __future__ import annotations

from typing import Final

_DASHES: Final = frozenset("—-－─")


def _lone_dash(text: str) -> int:
    """Where the line's one word stands when that word is dashes only; else -1."""
    start = len(text) - len(text.lstrip())
    word = text.strip()
    if not word or len(word) > 2 or not all(char in _DASHES for char in word):
        return -1
    return start


def _has_value(text: str) -> bool:
    return any(char.isdigit() for char in text)


def rejoined_marks(texts: list[str], shapes: list[str]) -> tuple[list[str], list[str]] | None:
    """``texts`` and ``shapes`` with each null mark wrapped around a row put back on the row's line
    (the pieces' lines left blank), or None when there is none (most tables)."""
    found: list[tuple[int, int]] = []  # (row line, place)
    index = 1
    while index + 1 < len(texts):
        place = _lone_dash(texts[index - 1])
        if place >= 0 and _lone_dash(texts[index + 1]) == place and texts[index - 1].strip() == texts[index + 1].strip():
            line = texts[index]
            mark = texts[index - 1].strip() + texts[index + 1].strip()
            if _has_value(line) and len(shapes[index]) == len(line) and _room(line, place, len(mark)):
                found.append((index, place))
                index += 2
                continue
        index += 1
    halves = _halves_below(texts, shapes, {row + step for row, _ in found for step in (-1, 0, 1)})
    if not found and not halves:
        return None
    texts, shapes = list(texts), list(shapes)
    for row, place in found:
        mark = texts[row - 1].strip() + texts[row + 1].strip()
        texts[row] = _put(texts[row], place, mark)
        shapes[row] = _put(shapes[row], place, mark)
        for piece in (row - 1, row + 1):
            texts[piece] = shapes[piece] = ""
    for row, place, size in halves:
        mark = texts[row][place:place + size] + texts[row + 1][place:place + size]
        texts[row] = _put(texts[row], place, mark)  # over the space after the piece: later values keep their place
        shapes[row] = _put(shapes[row], place, mark)
        rest = texts[row + 1][:place].rstrip()
        texts[row + 1] = shapes[row + 1] = rest if rest.strip() else ""
    return texts, shapes


def _halves_below(texts: list[str], shapes: list[str], taken: set[int]) -> list[tuple[int, int, int]]:
    """(row line, place, size) of each mark whose second half stands on the next line at the same
    place, as its last word, on a line with no figure and no other mark."""
    halves: list[tuple[int, int, int]] = []
    for index in range(len(texts) - 1):
        below = texts[index + 1]
        if index in taken or index + 1 in taken or _has_value(below):
            continue
        words = below.split()
        if not words or _lone_dash(words[-1]) != 0 or any(char in _DASHES for word in words[:-1] for char in word):
            continue
        last = words[-1]
        place = below.rindex(last)
        row = texts[index]
        if len(shapes[index]) != len(row) or len(shapes[index + 1]) != len(below) or not _has_value(row):
            continue
        size = len(last)
        # the piece alone on the row's line, spaces where the joined mark runs over (the next ``size`` characters)
        if row[place:place + size] == last and row[place - 1:place] == " " \
                and not row[place + size:place + 2 * size].strip(" "):
            halves.append((index, place, size))
    return halves


def _room(row: str, place: int, size: int) -> bool:
    """Whether ``row`` is blank from a space before ``place`` to a space after the mark, and has a
    word left of it (the row's label or values)."""
    if place < 2 or not row[:place - 1].strip():
        return False
    return not row[place - 1:place + size + 1].strip()


def _put(text: str, place: int, mark: str) -> str:
    padded = text.ljust(place + len(mark))
    return padded[:place] + mark + padded[place + len(mark):]


__all__ = ["rejoined_marks"]
