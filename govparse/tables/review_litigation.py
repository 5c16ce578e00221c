"""Table 四 政府信息公开行政复议、行政诉讼情况 → ``review_litigation``.

One row of fifteen numbers under a two-level header (grammars/review_litigation.lark):

===================  ===========================  ==========================================
group key            label                        columns
===================  ===========================  ==========================================
review               行政复议                      upheld 结果维持 · corrected 结果纠正 ·
                                                  other 其他结果 · pending 尚未审结 · total 总计
suit_direct          行政诉讼 / 未经复议直接起诉     same five
suit_after_review    行政诉讼 / 复议后起诉          same five
===================  ===========================  ==========================================

The header places the numbers: the groups in the order it prints them (行政诉讼
spans its two), the five outcomes of each group in the order printed under it.
Where it does not name them all once (scrapes often lose a 总计 or break 结果 /
维持 apart), the statutory order is used and a diagnostic says so. A table cut
into one small table per group (``### 行政复议`` then a five-column table) is
read group by group, by the group label above each.

Example::

    13 | 1 | 4 | 5 | 23 | 0 | 0 | 0 | 0 | 0 | 8 | 0 | 5 | 3 | 16 |

gives ``{"review": {"upheld": 13, "corrected": 1, "other": 4, "pending": 5, "total": 23}, …}``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from ..cells import Cell
from ..grammar import UNKNOWN, VALUES, TableGrammar
from ..lexer import TableToken
from ..model import OutcomeCounts, ReviewLitigation, columns_of, rows_of
from ..digits import group_sums, holds, split_digits
from ..gapblanks import tails_joined, tails_under
from ..rows import (HEADER_UNREAD, Columns, Events, Placed, cells_apart, fit_cells, glued_cells, header_order,
                    several_values, shown_by, unknown_row)
from ..runtogether import row_groups
from ..transform import BuildContext, build_table
from ..wrapped import wrapped_readings

KEY = "review_litigation"
SECTION = "四"
GRAMMARS = {"2019": "review_litigation", "2021": "review_litigation"}
MODELS = {"2019": ReviewLitigation, "2021": ReviewLitigation}

GROUPS = Columns(tuple(key for key, _ in rows_of(ReviewLitigation)),
                 (("LITIGATION", ("suit_direct", "suit_after_review")),))
OUTCOMES = Columns(tuple(key for key, _ in columns_of(OutcomeCounts)), ())
_WIDTH = len(OUTCOMES.keys)


_ALL_GROUPS = ", ".join(GROUPS.keys)  # how a diagnostic about the whole row names its rows


def read(ctx: BuildContext, tokens: Sequence[TableToken], grammar: TableGrammar,
         model: type = ReviewLitigation) -> ReviewLitigation:
    events = Events(ctx.table, ctx.diagnostics)
    parts = _parts(tokens, events)
    placed: dict[str, Placed] = {}
    by_group = [part for part in parts if len(_groups_named(part[0])) == 1]
    if parts and len(by_group) == len(parts) and (len(parts) > 1 or len(parts[0][1].cells) == _WIDTH):
        for header, values in parts:  # one small table per group (or one group alone), each under its label
            _group_part(header, values, placed, events)
    elif parts:
        glued_by_x = ctx.glued_by_x
        glued = (lambda: True) if ctx.glued else glued_by_x if glued_by_x is not None else (lambda: False)
        placed = _whole_rows(parts, events, glued, tokens, ctx.wrapping)
    else:
        events.add("warning", "empty-row", f"rows {_ALL_GROUPS}: no numbers under the header; their cells are null",
                   ctx.line)
        placed = {key: Placed(key, None, None, True) for key in GROUPS.keys}
    return build_table(ctx, model, placed)


def _groups_named(header: list[str]) -> list[str]:
    return [group for group in GROUPS.keys if GROUPS.terminal(group) in header]


def _whole_rows(parts: list[tuple[list[str], TableToken]], events: Events, glued: Callable[[], bool],
                tokens: Sequence[TableToken], wrapping: bool) -> dict[str, Placed]:
    """The row of fifteen numbers, printed once or more (a copy after a page break): read
    once when the copies agree, null with an error when they differ."""
    header = [terminal for part_header, _ in parts for terminal in part_header]
    readings = [_whole_row(header, _off_header_lines(values), events, glued, tokens, wrapping)
                for _, values in parts]
    if len(readings) > 1:
        texts = {tuple(None if found.cells is None else tuple([c.text for c in found.cells])
                       for found in reading.values()) for reading in readings}
        lines = ", ".join(str(values.line) for _, values in parts)
        first = parts[1][1]
        if len(texts) > 1:
            events.add("error", "duplicate-row", f"rows {_ALL_GROUPS}: the fifteen numbers are printed "
                       f"{len(parts)} times (lines {lines}) with different values; their cells are null", first.line)
            return {key: Placed(key, first, None, True) for key in GROUPS.keys}
        events.add("info", "duplicate-row", f"rows {_ALL_GROUPS}: the fifteen numbers are printed {len(parts)} "
                   f"times (lines {lines}); the copies agree, read once", first.line)
    return readings[0]


def _parts(tokens: Sequence[TableToken], events: Events) -> list[tuple[list[str], TableToken]]:
    """Each run of numbers with the labels printed since the numbers before it."""
    parts: list[tuple[list[str], TableToken]] = []
    header: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == UNKNOWN:
            stop = index
            while stop < len(tokens) and tokens[stop].type == UNKNOWN:
                stop += 1
            if stop < len(tokens) and tokens[stop].type == VALUES and _header_words(tokens[index:stop]):
                # The header's words out of their cells (a header printed vertically, read line by line):
                # no row of its own, and no order to read the numbers by.
                text = " ".join(token.text for token in tokens[index:stop])[:60]
                if _legible(header):
                    events.add("info", "unrecognized-cell", f"{text!r}: header words out of their cells; ignored",
                               tokens[index].line, tokens[index].column)
                else:
                    events.add("warning", "header-unread", f"rows {_ALL_GROUPS}: the header above the numbers is "
                               f"not legible ({text!r}); values placed in the statutory order", tokens[stop].line)
                    header = [HEADER_UNREAD]
                index = stop
                continue
            index = unknown_row(tokens, index, events)
            continue
        if token.type == VALUES:
            parts.append((header, token))
            header = []
        else:
            header.append(token.type)
        index += 1
    return parts


def _off_header_lines(values: TableToken) -> TableToken:
    """``values`` without blank cells on lines above its numbers where the numbers fill every column: a
    detector's grid (pymupdf4llm) writes the header's lines as rows of cells, the spanned columns blank
    (``||||||维持|纠正|…``), and the blank cells of its last line join the numbers below. Fifteen numbers
    leave no column to a blank, so those blanks are none of the row's: where they share a line, as a grid
    row's cells do."""
    cells = values.cells
    width = _WIDTH * len(GROUPS.keys)
    if len(cells) <= width or cells[0].text:
        return values
    first = next((cell.line for cell in cells if cell.text), -1)
    kept = tuple([cell for cell in cells if cell.text or cell.line >= first])
    if len(kept) != width or any(not cell.text for cell in kept):
        return values
    if len({cell.line for cell in cells if cell.line < first}) == len(cells) - width:
        # each blank alone on its line (text a cell a line): a blank first value, not a header row's
        # spanned columns; fifteen numbers after it are one too many (a number printed twice), not a fit
        return values
    return TableToken(VALUES, kept)


_ANY_WIDTH = -1


def _padded_lines(tokens: Sequence[TableToken]) -> frozenset[int]:
    """The width of the lines of labels that end with a blank cell (the table's empty columns), or
    ``_ANY_WIDTH`` where such lines are of two widths or more and all narrower than the fifteen numbers
    (a Word table with an empty last column: its rows of merged header cells are of any width, a header
    row of split label cells may fill it). Lines of several widths, one as wide as the numbers or wider,
    tell no width: a ragged header (stray cells after its lines) says nothing of a row's last blank."""
    widths: dict[int, int] = {}
    last: dict[int, str] = {}
    labelled: set[int] = set()  # lines with a label on them: a line of blank cells alone (a cell-per-line
    # scrape's ``|||||``, the spanned columns of a header row) says nothing of empty columns
    for token in tokens:
        if token.type == VALUES:
            continue
        for cell in token.cells:
            widths[cell.line] = widths.get(cell.line, 0) + 1
            last[cell.line] = cell.text
            if cell.text:
                labelled.add(cell.line)
    ending_blank = frozenset(widths[line] for line, text in last.items() if not text and line in labelled)
    if len(ending_blank) >= 2 and max(ending_blank) < _WIDTH * len(GROUPS.keys):
        # lines of labels of several widths end blank, none as wide as the numbers: merged header cells
        # of a table that pads its rows (where one is as wide, the table's width is known from it, and a
        # row of one cell more has a cell too many)
        return frozenset([_ANY_WIDTH])
    return ending_blank if len(ending_blank) == 1 else frozenset()


def _split(values: TableToken, events: Events, shown: bool = False) -> tuple | None:
    """Fifteen glued numbers split under I3 (each group's total is the sum of its four), or None; with
    ``shown`` (text placed by x), only a split I3 shows in every group (see govparse.rows.Glue)."""
    found = row_groups(values.text)
    assert found is not None
    sums = group_sums(len(GROUPS.keys), _WIDTH)
    split = split_digits(found[0], _WIDTH * len(GROUPS.keys), sums)
    if split.parts is not None and shown and not shown_by(sums, split.parts, split.candidates[0], found[0]):
        split = replace(split, parts=None, problem=f"{split.run!r} split as {'|'.join(split.candidates[0])} fits "
                        "the cell format, but I3 does not show it in every group")
    if split.parts is None:
        events.add("warning", "ambiguous-digits", f"rows {_ALL_GROUPS}: {split.problem}; their cells are null",
                   values.line)
        return None
    if split.by_identity:
        events.add("warning", "split-by-identity", f"rows {_ALL_GROUPS}: {split.run!r} split as "
                   f"{'|'.join(map(str, split.parts))}, the one of {split.fitting} splits that meets I3 (were I3 "
                   "broken in the report, these numbers would be wrong)", values.line)
    return glued_cells(values, split.parts, split.candidates[0])


def _whole_row(header: list[str], values: TableToken, events: Events, glued: Callable[[], bool],
               tokens: Sequence[TableToken], wrapping: bool) -> dict[str, Placed]:
    """Fifteen numbers in one row, placed by the header above them. Blank cells after them are
    empty columns at the table's right where a line of its header is as wide and ends with blank
    cells too, or where there are two or more after a filled fifteenth cell (a cell printed twice
    makes one more cell, not two); one blank cell more is a blank value or padding, which no count
    tells apart. (``tokens``: the table's, whose lines of labels tell its padding; looked at only for a
    row of more cells than columns.)"""
    width = _WIDTH * len(GROUPS.keys)
    found = values.cells
    if any(several_values(cell) for cell in found):
        # cells a tool ran together (PyMuPDF: 93224 93224 0): read apart where they fill the columns
        cells = cells_apart(f"rows {_ALL_GROUPS}", found, width, events)
        if cells is None and wrapping:
            # more numbers than columns: a number wrapped in its narrow cell (pymupdf4llm: 11419<br>9) makes
            # two, next to its neighbours' cells run together; joined only as _unwrapped allows
            pieces = _pieces(found)
            if len(pieces) > width:
                cells = _unwrapped(TableToken(VALUES, pieces), events)
        if cells is None:
            events.add("error", "cell-count", f"rows {_ALL_GROUPS}: cells holding several values among them "
                       f"({values.text[:60]}) do not make {width} values; their cells are null", values.line,
                       values.column)
            return {key: Placed(key, values, None, True) for key in GROUPS.keys}
        return _placed_groups(header, cells, values, events)
    if wrapping:  # placed by x, wrapped numbers' tails under the values (the places made only where text wraps)
        placed = [(cell.text, cell.line, cell.column) for cell in found]
        if tails_under(placed) and glued():
            return _tails_joined(header, values, tails_joined(placed), events, placed)
    if len(found) == width:
        cells = fit_cells(found, width)  # exactly its columns: no padding to tell
    else:
        padded = _padded_lines(tokens)
        empty_columns = len(found) in padded or _ANY_WIDTH in padded and not found[-1].text or \
            (len(found) >= width + 2 and found[width - 1].text != "")
        cells = fit_cells(found, width, len(found) if empty_columns else 0)
    if cells is None and len(found) < width and row_groups(values.text) is not None \
            and len({cell.line for cell in found}) == 1 and glued():  # (runs glued make fewer cells, never more)
        cells = _split(values, events, wrapping)
        if cells is None:
            return {key: Placed(key, values, None, True) for key in GROUPS.keys}
    if cells is None and wrapping and len(values.cells) > _WIDTH * len(GROUPS.keys):
        # only PDF text wraps numbers in their cells: elsewhere a cell too many is one printed twice
        cells = _unwrapped(values, events)
    if cells is None:
        found = values.cells
        events.add("error", "cell-count", f"rows {_ALL_GROUPS}: {len([c for c in found if c.text])} values and "
                   f"{len([c for c in found if not c.text])} blank cells for {_WIDTH * len(GROUPS.keys)} columns; "
                   "their cells are null", values.line, values.column)
        return {key: Placed(key, values, None, True) for key in GROUPS.keys}
    return _placed_groups(header, cells, values, events)


def _tails_joined(header: list[str], values: TableToken, tails: tuple[list[str], set[int]] | None,
                  events: Events, placed: list[tuple[str, int, int]]) -> dict[str, Placed]:
    """The row with its wrapped numbers' tails joined by place (govparse.gapblanks.tails_joined), cells run
    together split under I3, read only where each group holding a joined number shows I3 met (no blank
    in it): a join the identity does not confirm may be a wrong number; and only where the tails joined
    after another count of digits a cell (``placed``: the row's cells; 149700 is 14970 and 0 glued or 1497 and
    00, which the places do not always tell) give no other reading that meets I3."""
    width = _WIDTH * len(GROUPS.keys)
    if tails is None:
        events.add("warning", "wrapped-number", f"rows {_ALL_GROUPS}: the tails of numbers wrapped in their cells "
                   "below the values do not join the numbers above them as one cell's width; their cells are null",
                   values.line)
        return {key: Placed(key, values, None, True) for key in GROUPS.keys}
    texts, joined = tails
    sums = group_sums(len(GROUPS.keys), _WIDTH)
    split, parts = _proven_split(tails, width, sums)
    shown = ", ".join(texts[at] for at in sorted(joined))
    if parts is None:
        why = "" if split is None or split.problem is None else f" ({split.problem})"
        events.add("warning", "wrapped-number", f"rows {_ALL_GROUPS}: with the tails below joined to the numbers "
                   f"above them ({shown}), the values do not make {width} numbers whose groups meet I3{why}; their "
                   "cells are null", values.line)
        return {key: Placed(key, values, None, True) for key in GROUPS.keys}
    for held in range(_MIN_HEAD, max(len(text) for text, _, _ in placed) + 1):
        other = tails_joined(placed, held)
        if other is None or other[0] == texts:
            continue
        other_parts = _proven_split(other, width, sums)[1]
        if other_parts is not None and other_parts != parts:
            events.add("warning", "wrapped-number", f"rows {_ALL_GROUPS}: the tails below joined to the numbers "
                       f"above them ({shown}) meet I3 after {held} digits a cell as well "
                       f"({', '.join(other[0][at] for at in sorted(other[1]))}): which is not in the text; their "
                       "cells are null", values.line)
            return {key: Placed(key, values, None, True) for key in GROUPS.keys}
    events.add("warning", "split-by-identity", f"rows {_ALL_GROUPS}: numbers wrapped in their cells joined by "
               f"place ({shown}) and read as {'|'.join(map(str, parts))}, their groups meeting I3 (were I3 broken "
               "in the report, these numbers would be wrong)", values.line)
    return _placed_groups(header, glued_cells(values, parts, split.candidates[0]), values, events)


def _proven_split(tails: tuple[list[str], set[int]], width: int, sums: tuple) -> tuple:
    """``(split, parts)``: the row's texts with tails joined (``tails``) split into ``width`` cells, and the
    parts where every group holding a joined number meets I3 (else None); split is None where the texts are
    not one run of numbers."""
    texts, joined = tails
    found = row_groups(" ".join(texts))
    if found is None or len(found[0]) != _words(texts):
        return None, None
    split = split_digits(found[0], width, sums)
    proven = split.parts is not None and _joins_proven(texts, joined, split.candidates[0], split.parts, sums)
    return split, split.parts if proven else None


_MIN_HEAD = 3  # digits: a number wraps only where its cell is full, never at one or two


def _words(texts: list[str]) -> int:
    """How many space-separated pieces ``texts`` hold (a joined number's end is a space: see tails_joined)."""
    return sum(len(text.split()) for text in texts)


def _joins_proven(texts: list[str], joined: set[int], printed: tuple[str, ...],
                  parts: tuple, sums: tuple) -> bool:
    """Whether every group of five cells holding a part of a joined text (``printed``: the split's
    cells as printed, ``texts`` cut into them in order) is all numbers and meets I3."""
    cell = 0
    for at, text in enumerate(texts):
        first, taken, size = cell, "", len(text) - text.count(" ")
        while cell < len(printed) and len(taken) < size:
            taken += printed[cell]
            cell += 1
        if at in joined:
            for group in range(first // _WIDTH, (cell - 1) // _WIDTH + 1):
                chunk = parts[group * _WIDTH:(group + 1) * _WIDTH]
                if any(value is None for value in chunk) or not holds(sums[group], parts):
                    return False
    return True


def _pieces(found: Sequence[Cell]) -> tuple[Cell, ...]:
    """A row's cells with those holding several values cut into one cell per value, in printed order (blank
    cells after the last value left out: a table's padding; and the blank cells of lines above and below
    the values' line, lines of wrapped numbers' heads and tails, whose places the grid does not keep)."""
    pieces: list[Cell] = []
    end = len(found)
    while end > 0 and not found[end - 1].text:
        end -= 1
    lines: dict[int, int] = {}
    for cell in found[:end]:
        lines[cell.line] = lines.get(cell.line, 0) + (len(cell.text.split()) if cell.text else 0)
    main = max(lines, key=lambda line: lines[line]) if lines else -1
    for cell in found[:end]:
        if not cell.text and cell.line != main:
            continue
        if not several_values(cell):
            pieces.append(cell)
            continue
        at = 0
        for part in cell.text.split():
            at = cell.text.index(part, at)
            pieces.append(Cell(part, cell.line, cell.column + at))
            at += len(part)
    return tuple(pieces)


def _placed_groups(header: list[str], cells: tuple[Cell, ...], values: TableToken,
                   events: Events) -> dict[str, Placed]:
    """Fifteen cells as the three groups, in the order the header gives them."""
    groups, orders = _header_places(header)
    _note_order(groups, orders, header, values, events)
    placed: dict[str, Placed] = {}
    for position, group in enumerate(groups):
        chunk = cells[position * _WIDTH:(position + 1) * _WIDTH]
        order = orders[position] if orders is not None else OUTCOMES.keys
        placed[group] = Placed(group, values, tuple(chunk[order.index(key)] for key in OUTCOMES.keys))
    return placed


_OUTCOME_TERMINALS = frozenset(OUTCOMES.terminal(key) for key in OUTCOMES.keys)


def _unwrapped(values: TableToken, events: Events) -> tuple[Cell, ...] | None:
    """Fifteen numbers from more pieces, numbers a narrow cell wrapped put back together
    (govparse.wrapped.wrapped_readings): the one reading the format allows, else the readings that
    meet I3, a cell on which they differ unreadable (its candidates, ``0|124231``: null); None when
    no reading does."""
    pieces = [(cell.text, cell.line) for cell in values.cells]
    readings = [[("".join(pieces[at][0] for at in part), part) for part in reading]
                for reading in wrapped_readings(pieces, _WIDTH * len(GROUPS.keys))]
    fitting = readings if len(readings) == 1 else [reading for reading in readings
                                                   if _meets_i3([text for text, _ in reading])]
    one_line = len({line for _, line in pieces}) == 1
    if len(readings) == 1 and _joined_unproven(readings[0], one_line):
        # one reading, but a group it joins a number in breaks I3, or, the pieces all on one line (where a
        # cell printed twice, 100 0 for 100, makes as many), does not meet it: not known to be a wrap
        joined = "+".join(pieces[at][0] for _, part in readings[0] if len(part) > 1 for at in part)
        events.add("warning", "wrapped-number", f"rows {_ALL_GROUPS}: {len(pieces)} numbers for "
                   f"{_WIDTH * len(GROUPS.keys)} columns; with {joined} read as one number wrapped in its cell, "
                   "its group does not meet I3, as with a cell printed twice: not joined", values.line)
        return None
    if not fitting:
        return None
    cells = values.cells
    placed: list[Cell] = []
    for column in range(_WIDTH * len(GROUPS.keys)):
        texts = sorted({reading[column][0] for reading in fitting}, key=lambda text: (len(text), text))
        first = cells[fitting[0][column][1][0]]
        placed.append(Cell("|".join(texts), first.line, first.column))
    joined = ", ".join(sorted({"+".join(pieces[at][0] for at in part)
                               for reading in fitting for _, part in reading if len(part) > 1}))
    if len(readings) == 1:
        events.add("info", "wrapped-number", f"rows {_ALL_GROUPS}: numbers wrapped in their cells joined: "
                   f"{joined}", values.line)
    else:
        doubt = "" if len(fitting) == 1 else (f"; {len(fitting)} readings meet it, the cells on which they differ "
                                              "are null")
        events.add("warning", "split-by-identity", f"rows {_ALL_GROUPS}: numbers wrapped in their cells ({joined}) "
                   f"placed by I3 among {len(readings)} readings{doubt} (were I3 broken in the report, these "
                   "numbers would be wrong)", values.line)
    return tuple(placed)


def _joined_unproven(reading: list[tuple[str, tuple[int, ...]]], one_line: bool) -> bool:
    """Whether a group holding a joined number in ``reading`` breaks I3, its five cells all numbers, or,
    ``one_line``, does not show that it meets I3 (a blank or a mark among its cells)."""
    for group in range(len(GROUPS.keys)):
        chunk = reading[group * _WIDTH:(group + 1) * _WIDTH]
        if not any(len(part) > 1 for _, part in chunk):
            continue
        texts = [text.replace(",", "") for text, _ in chunk]
        if not all(text.isdigit() for text in texts):
            if one_line:
                return True
        elif int(texts[-1]) != sum(int(text) for text in texts[:-1]):
            return True
    return False


def _meets_i3(texts: list[str]) -> bool:
    """Whether fifteen cells are numbers that meet I3 (a blank or a mark among them: no)."""
    plain = [text.replace(",", "") for text in texts]
    if not all(text.isdigit() for text in plain):
        return False
    numbers = [int(text) for text in plain]
    return all(holds(constraint, numbers) for constraint in group_sums(len(GROUPS.keys), _WIDTH))


@lru_cache(maxsize=1024)
def _outcome_orders(outcomes: tuple[str, ...], groups: int) -> list[tuple[str, ...]] | None:
    """Each group's outcome columns in printed order, when the header prints five per group."""
    if len(outcomes) != _WIDTH * groups:
        return None
    orders = []
    for position in range(groups):
        order = header_order(outcomes[position * _WIDTH:(position + 1) * _WIDTH], OUTCOMES)
        if order is None:
            return None
        orders.append(order)
    return orders


# Every character of table 四's header labels: text made of them alone is the header's words.
_HEADER_CHARACTERS = frozenset("行政复议诉讼未经直接起诉后结果维持纠正其他尚未审结总计 ")


def _header_words(tokens: Sequence[TableToken]) -> bool:
    return all(set(token.text) <= _HEADER_CHARACTERS for token in tokens)


def _header_places(header: list[str]) -> tuple[Sequence[str], list[tuple[str, ...]] | None]:
    """(the groups in the header's order, each group's outcome columns in its order) that _whole_row
    places the fifteen numbers by; the orders None where the header does not name each group's five
    columns once."""
    groups = header_order(tuple(header), GROUPS) or GROUPS.keys
    return groups, _outcome_orders(tuple([terminal for terminal in header if terminal in _OUTCOME_TERMINALS]),
                                   len(groups))


def _legible(header: list[str]) -> bool:
    """Whether a header names each group's five columns once (what _whole_row places values by)."""
    return _header_places(header)[1] is not None


def _note_order(groups: Sequence[str], orders, header: list[str], values: TableToken, events: Events) -> None:
    if orders is None and HEADER_UNREAD not in header:  # (an illegible header has had its warning)
        events.add("info", "header-unread", f"rows {_ALL_GROUPS}: the header does not name each group's five "
                   "columns once; values placed in the statutory order", values.line)
    if tuple(groups) != GROUPS.keys or (orders is not None and any(order != OUTCOMES.keys for order in orders)):
        shown = "; ".join(f"{group}: {', '.join(order)}" for group, order in
                          zip(groups, orders or [OUTCOMES.keys] * len(groups)))
        events.add("warning", "column-order", f"rows {_ALL_GROUPS}: the header prints the columns as {shown}; "
                   "values placed by the header", values.line)


def _group_part(header: list[str], values: TableToken, placed: dict[str, Placed], events: Events) -> None:
    """Five numbers under a group label of their own (one small table per group)."""
    named = _groups_named(header)
    if len(named) != 1:
        events.add("warning", "stray-values", f"numbers ({values.text[:40]}) under no single group label "
                   "(行政复议, 未经复议直接起诉, 复议后起诉); ignored", values.line, values.column)
        return
    group = named[0]
    several = any(several_values(cell) for cell in values.cells)
    cells = cells_apart(f"row {group}", values.cells, _WIDTH, events, group) if several else \
        fit_cells(values.cells, _WIDTH)
    if cells is None:
        events.add("error", "cell-count", f"row {group}: {len(values.cells)} cells for {_WIDTH} columns"
                   f"{', several values in one' if several else ''}; its cells are null", values.line,
                   values.column, row=group)
        placed[group] = Placed(group, values, None, True)
        return
    if group in placed:
        earlier = placed[group].cells
        same = earlier is not None and [c.text for c in earlier] == [c.text for c in cells]
        if not same:
            events.add("error", "duplicate-row", f"row {group} is printed twice with different values; its cells "
                       "are null", values.line, row=group)
            placed[group] = Placed(group, values, None, True)
        return
    order = header_order(tuple([terminal for terminal in header if terminal in _OUTCOME_TERMINALS]), OUTCOMES)
    if order is None:
        events.add("info", "header-unread", f"row {group}: the header does not name its five columns once; values "
                   "placed in the statutory order", values.line, row=group)
        order = OUTCOMES.keys
    elif order != OUTCOMES.keys:
        events.add("warning", "column-order", f"row {group}: the header prints its columns as {', '.join(order)}; "
                   "values placed by the header", values.line, row=group)
    placed[group] = Placed(group, values, tuple(cells[order.index(key)] for key in OUTCOMES.keys))
