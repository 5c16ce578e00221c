"""Table 三 in pdftotext's reading order read as one assignment of its values to its rows.

What pdftotext does to table 三 (seen on the word boxes of the PDFs ``pdftotext -bbox-layout``
shows): it writes a page's cells row by row, left to right, each row's cells in column order,
but blocks standing right of a column edge of the page's table (the right-hand columns of the
rows printed one column right of the others, those under a group label's cell) form a flow of
their own, written after the page's footer in row order, or after a later row's cells where a
tall cell (a wrapped label, a group label) holds them back. So each row's values are its first
columns where the row stands (``k`` of them, the first of them at times after the others: its
label's block), then the rest (``7 - k``, in order) among its page's values after the footer, or
together after a later row's values. Labels land anywhere: they are not used to cut the values
into rows; the count of rows and the identities are.

The reader: a search over (row, values used where they stand, moved values used, the row whose
last columns are still to come, the identities' sums so far) finds every way to cut the values so
that each row meets I1 (its total is the sum of its six), total_processed I2 (each column the sum
of the outcome rows), carried_forward S1, every value where it stands is used, in order, and the
moved ones in order (some left for no row: other tables' blocks stand there too). The cut is
taken only where all such ways give one table (the same numbers in every cell). Otherwise none is
(the rules of govparse.pdforder read what they can). The search tries at most ``MAX_STEPS``
moves (a few thousand for a table of 25 rows; the bound keeps a hostile input's cost linear).

That every value is used is a proof only where no cell is blank (a blank cell leaves no trace, and
I1 holds for a row of zeros whatever 0 completes it): where a cell may be blank, a row all 0 takes
no value from apart from where it stands (a moved 0 would fill its blank total, and every row
after it shift by one: held-out blank-cells 6510 read two blank totals 0 so).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

COLUMNS = 7  # table 三: six applicant columns and their total
MAX_STEPS = 40_000  # moves the search may try; more: no assignment (the rules read the table)
STREAM = -1  # the page of a row's last columns where they come after a later row's values


class Cut(NamedTuple):
    """Where a row's seven values stand: its first ``count`` from ``first`` in the values where the
    rows stand (the last of them its first column where ``turned``: its label's block, written after
    the row's other cells), the rest from ``start`` among page ``page``'s values after its footer, or
    among the values where the rows stand (``page`` STREAM)."""

    row: int
    first: int
    size: int
    turned: bool
    page: int
    start: int


class Roles(NamedTuple):
    """Where the rows of the identities stand among table 三's rows."""

    first_outcome: int  # granted: the outcome rows run from it to total_processed (I2)
    total: int  # total_processed
    forward: int  # carried_forward (S1 with rows 0 and 1), or -1 where the search leaves it out


State = tuple[int, int, int, int]  # (row, stream position, page of the moved values in use, moved position)
# The row owed its last columns (they come after a later row's values): (row, first, count, turned as
# 0 or 1), or the empty tuple.
# A state, the outcome rows' sums, S1's side so far (new_received + carried_over, less total_processed
# once read), and the row owed its last columns (or the empty tuple).
Key = tuple[State, tuple[int, ...], tuple[int, ...], tuple[int, ...]]
Table = tuple[tuple[int, tuple[int, ...]], ...]  # (row, its numbers), by row
Move = tuple[Cut | None, tuple[int, ...], Key]  # the row a move closes (or none), its numbers, the key after
_ZERO = (0,) * COLUMNS
_NONE: tuple[int, ...] = ()


def assign(stream: Sequence[int | None], pages: Sequence[int], owners: Sequence[int],
           moved: dict[int, list[int | None]], rows: int, roles: Roles,
           open_end: bool = False, whole: Callable[[], bool] = lambda: True) -> tuple[list[Cut], State] | None:
    """Each row's cut, by row, and the state after the last row, or None.

    ``stream``: the numbers where they stand, in order (None: not a count), ``pages`` the page of
    each, ``owners`` the row whose label's text shares its line (-2 another text's, -1 none: a value
    on a row's label's line is that row's); ``moved``: by page, the
    numbers written after its footer, in order. With ``open_end`` the rows need not take every
    value where they stand (the table's last row is left out: other tables' values stand among its
    own). ``whole``: whether no cell may be blank (asked once, where a row all 0 would take values from
    apart). None where no cut fits, where cuts give two tables, or where the search passes its bound."""
    search = _Search(stream, pages, owners, moved, rows, roles, open_end, whole)
    key: Key = ((0, 0, pages[0] if pages else 0, 0), _ZERO, _ZERO, _NONE)
    tables = search.tables(key)
    if tables is None or len(tables) != 1 or search.steps > MAX_STEPS:
        return None
    wanted = tables[0]
    cuts: dict[int, Cut] = {}
    while len(cuts) < rows:
        step = next(((cut, after) for cut, vector, after in search.moves(key)
                     if (cut is None or (cut.row, vector) in wanted)
                     and search.tables(after) == [tuple(item for item in wanted
                                                        if item[0] not in cuts and (cut is None or item[0] != cut.row))]),
                    None)
        if step is None:
            return None
        if step[0] is not None:
            cuts[step[0].row] = step[0]
        key = step[1]
    return [cuts[row] for row in range(rows)], key[0]


class _Search:
    """The cuts of the values into rows that meet the identities, as a memo of the tables each key
    leads to (the rows it has still to close, by their numbers): none, one, or None (more)."""

    def __init__(self, stream: Sequence[int | None], pages: Sequence[int], owners: Sequence[int],
                 moved: dict[int, list[int | None]], rows: int, roles: Roles, open_end: bool,
                 whole: Callable[[], bool]) -> None:
        self.stream = stream
        self.pages = pages
        self.owners = owners
        self.roles = roles
        self.open_end = open_end
        self.moved = moved
        self.rows = rows
        self.last_page = pages[-1] if pages else 0
        self.steps = 0
        self.memo: dict[Key, list[Table] | None] = {}
        self.whole = whole
        self.zeros_apart: bool | None = None  # whether a row all 0 may take values from apart (``whole``)

    def moves(self, key: Key) -> list[Move]:
        """Each way on from ``key``: the next row closed (its first columns here, the rest after the
        page's footer), the next row opened (its first columns here, the rest to come after a later
        row's), or the row owed its last columns closed with the values here; each meeting I1, and
        I2 and S1 where the row closes one."""
        state, sums, carried, owed = key
        row, at, page, position = state
        size = len(self.stream)
        here = self.pages[at] if at < size else self.last_page
        if here != page:  # a new page: its moved values, from their first
            page, position = here, 0
        found: list[Move] = []
        if owed:  # the owed row's last columns, here
            owed_row, first, count, flag = owed
            turned = bool(flag)
            need = COLUMNS - count
            tail = self.stream[at:at + need]
            head = self._head(first, count, turned)
            if (len(tail) == need and head is not None and all(number is not None for number in tail)
                    and self._owns(owed_row, at, need)):
                self.steps += 1
                vector = tuple(number or 0 for number in [*head, *tail])
                closed = self._closes(owed_row, vector, sums, carried) if self._apart(vector) else None
                if closed is not None:
                    found.append((Cut(owed_row, first, count, turned, STREAM, at), vector,
                                  ((row, at + need, page, position), closed[0], closed[1], _NONE)))
        if row >= self.rows or owed and row in (self.roles.total, self.roles.forward):
            return found  # the identities' rows wait for the row owed
        pool = self.moved.get(page, [])
        for count in range(min(COLUMNS, size - at), -1, -1):
            self.steps += 1
            if any(self.pages[at + index] != page for index in range(count)) or not self._owns(row, at, count):
                continue
            turned = count > 1 and self.owners[at + count - 1] != -1 and self.owners[at] == -1
            head = self._head(at, count, turned)
            if head is None:
                continue
            need = COLUMNS - count
            if need == 1 and not owed and row != self.roles.forward:  # its total held back
                found.append((None, _NONE, ((row + 1, at + count, page, position), sums, carried,
                                            (row, at, count, int(turned)))))  # the row owed
            for start in [position] if not need else range(position, len(pool) - need + 1):
                self.steps += 1
                tail = pool[start:start + need]
                if any(number is None for number in tail):
                    continue
                vector = tuple(number or 0 for number in [*head, *tail])
                closed = self._closes(row, vector, sums, carried) if not need or self._apart(vector) else None
                if closed is not None:
                    found.append((Cut(row, at, count, turned, page, start), vector,
                                  ((row + 1, at + count, page, start + need), closed[0], closed[1], owed)))
        return found

    def _apart(self, vector: tuple[int, ...]) -> bool:
        """Whether a row of ``vector`` may take values from apart from where it stands: I1 checks them
        unless the row is all 0, and then only where no cell may be blank."""
        if any(vector):
            return True
        if self.zeros_apart is None:
            self.zeros_apart = self.whole()
        return self.zeros_apart

    def _owns(self, row: int, first: int, count: int) -> bool:
        """Whether values ``first`` .. ``first + count - 1`` may be row ``row``'s: none on another row's
        label's line."""
        return all(self.owners[index] in (-1, -2, row) for index in range(first, first + count))

    def _head(self, first: int, count: int, turned: bool) -> list[int | None] | None:
        head = list(self.stream[first:first + count])
        if any(number is None for number in head):
            return None
        return [head[-1], *head[:-1]] if turned else head

    def _closes(self, row: int, vector: tuple[int, ...], sums: tuple[int, ...], carried: tuple[int, ...]
                ) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
        """The sums after row ``row`` closes with ``vector``, or None where an identity fails."""
        if sum(vector[:-1]) != vector[-1]:
            return None
        if row < 2:  # new_received, carried_over: S1's left side
            return sums, _plus(carried, vector, 1)
        if row == self.roles.total:
            return (sums, _plus(carried, vector, -1)) if vector == sums else None
        if row == self.roles.forward:
            return (sums, carried) if vector == carried else None
        if self.roles.first_outcome <= row < self.roles.total:
            return _plus(sums, vector, 1), carried
        return sums, carried

    def tables(self, key: Key) -> list[Table] | None:
        """The tables (the rows ``key`` has still to close, by their numbers) the cuts from ``key``
        give, every value where they stand taken: none or one; None where they are more, or the
        search passes its bound."""
        if key in self.memo:
            return self.memo[key]
        state, owed = key[0], key[3]
        found: set[Table] | None = set()
        if state[0] == self.rows and not owed:
            if self.open_end or state[1] == len(self.stream):
                found = {()}
        else:
            for cut, vector, after in self.moves(key):
                rest = self.tables(after) if self.steps <= MAX_STEPS else None
                if rest is None or found is None:
                    found = None
                    break
                if cut is None:
                    found.update(rest)
                else:
                    found.update(tuple(sorted(((cut.row, vector), *table))) for table in rest)
                if len(found) > 1:
                    found = None
                    break
        result = None if found is None else sorted(found)
        self.memo[key] = result
        return result


def _plus(sums: tuple[int, ...], vector: tuple[int, ...], sign: int) -> tuple[int, ...]:
    return tuple(total + sign * number for total, number in zip(sums, vector))
