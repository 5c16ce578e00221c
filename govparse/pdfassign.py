"""Table 三 in pdftotext's reading order read as one assignment of its values to its rows.

What pdftotext does to table 三 (seen on the word boxes of the PDFs ``pdftotext -bbox-layout``
shows): it writes a page's cells row by row, left to right, each row's cells in column order,
but the blocks standing right of a column edge of the page's table (the right-hand columns of
the rows printed one column right of the others, those under a group label's cell) form a flow
of their own, written after the page's footer, in row order. So each row's values are its first
columns where the row stands (``k`` of them), then the rest where its page's moved blocks stand
(``7 - k``, in order, after those of the rows above it). Labels land anywhere (a wrapped label's
block, a group label's tall cell): they are not used to cut the values into rows; the count of
rows and the identities are.

The reader: a search over (row, values used where they stand, moved values used) finds every
way to cut the values so that each row meets I1 (its total is the sum of its six), all values
where they stand are used, in order, and the moved ones in order (some left for no row: other
tables' blocks stand there too). Only where every such way gives each row the same seven
numbers, and that table meets I2 (every column) and S1 (every column), is it taken. Otherwise
nothing is (the rules of govparse.pdforder read what they can). The search visits at most
``MAX_STEPS`` transitions (its states are (row, position, moved position): a few thousand for a
table of 25 rows; the bound keeps a hostile input linear).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

COLUMNS = 7  # table 三: six applicant columns and their total
MAX_STEPS = 200_000  # transitions the search may try; more: no assignment (the rules read the table)

# A row's values: (its first where they stand, how many, the page of the moved ones, the first moved one,
# whether the last where they stand is its first column: a label's block written after the row's cells)
Cut = tuple[int, int, int, int, bool]
State = tuple[int, int, int, int]  # (row, stream position, page of the moved values in use, moved position)


def assign(stream: Sequence[int | None], pages: Sequence[int], labelled: Sequence[bool],
           moved: dict[int, list[int | None]], rows: int, table_holds: Callable[[list[list[int]]], bool],
           open_end: bool = False) -> tuple[list[Cut], State] | None:
    """Each row's cut (see ``Cut``) and the state after the last row, or None.

    ``stream``: the numbers where they stand, in order (None: not a count), ``pages`` the page of
    each, ``labelled`` whether each shares a line with a label's text; ``moved``: by page, the
    numbers written after its footer, in order. ``table_holds`` judges the table the cut gives
    (I2, S1). With ``open_end`` the rows need not take every value where they stand (the table's
    last row is left out: other tables' values stand among its own). None where no cut fits, where
    two cuts give some row other numbers, where the table fails ``table_holds``, or where the
    search passes its bound."""
    search = _Search(stream, pages, labelled, moved, rows, open_end)
    if not search.ends((0, 0, pages[0] if pages else 0, 0)) or search.steps > MAX_STEPS:
        return None
    # the numbers each row takes on every cut that fits: one vector each, else no assignment
    found: list[set[tuple[int, ...]]] = [set() for _ in range(rows)]
    frontier = {(0, 0, pages[0] if pages else 0, 0)}
    for row in range(rows):
        following: set[State] = set()
        for reached in frontier:
            for vector, _, after in search.moves(reached):
                if search.ends(after):
                    found[row].add(vector)
                    following.add(after)
            if search.steps > MAX_STEPS:
                return None
        if len(found[row]) != 1:
            return None
        frontier = following
    table = [list(next(iter(vectors))) for vectors in found]
    if not table_holds(table):
        return None
    # one path through the cut (the numbers are the same on all): the first at each row from the last
    path: list[Cut] = []
    state: State = (0, 0, pages[0] if pages else 0, 0)
    for row in range(rows):
        step = next(((cut, after) for vector, cut, after in search.moves(state)
                     if search.ends(after) and list(vector) == table[row]), None)
        if step is None:
            return None
        path.append(step[0])
        state = step[1]
    return path, state


class _Search:
    """The cuts of the values into rows, as a memo of the states from which the rows left fit."""

    def __init__(self, stream: Sequence[int | None], pages: Sequence[int], labelled: Sequence[bool],
                 moved: dict[int, list[int | None]], rows: int, open_end: bool) -> None:
        self.stream = stream
        self.pages = pages
        self.labelled = labelled
        self.open_end = open_end
        self.moved = moved
        self.rows = rows
        self.last_page = pages[-1] if pages else 0
        self.steps = 0
        self.memo: dict[State, bool] = {}

    def moves(self, state: State) -> list[tuple[tuple[int, ...], Cut, State]]:
        """The row's numbers, its cut and the state after, for each way row ``state[0]`` may take its
        values from ``state`` that meets I1."""
        row, at, page, position = state
        size = len(self.stream)
        here = self.pages[at] if at < size else self.last_page
        if here != page:  # a new page: its moved values, from their first
            page, position = here, 0
        pool = self.moved.get(page, [])
        found: list[tuple[tuple[int, ...], Cut, State]] = []
        for count in range(min(COLUMNS, size - at), -1, -1):
            self.steps += 1
            head = self.stream[at:at + count]
            if any(number is None for number in head) or any(self.pages[at + index] != page
                                                            for index in range(count)):
                continue
            turned = count > 1 and self.labelled[at + count - 1] and not self.labelled[at]
            if turned:  # the first value shares its label's block, written after the row's other cells
                head = [head[-1], *head[:-1]]
            need = COLUMNS - count
            starts = [position] if not need else range(position, len(pool) - need + 1)
            for start in starts:
                self.steps += 1
                tail = pool[start:start + need]
                if any(number is None for number in tail):
                    continue
                vector = tuple(number for number in [*head, *tail] if number is not None)
                if len(vector) != COLUMNS or sum(vector[:-1]) != vector[-1]:
                    continue
                found.append((vector, (at, count, page, start, turned), (row + 1, at + count, page, start + need)))
        return found

    def ends(self, state: State) -> bool:
        """Whether the rows from ``state`` on can take the values left, every one where they stand."""
        known = self.memo.get(state)
        if known is not None:
            return known
        row, at = state[0], state[1]
        if row == self.rows or self.steps > MAX_STEPS:
            result = row == self.rows and (self.open_end or at == len(self.stream))
        else:
            result = any(self.ends(after) for _, _, after in self.moves(state))
        self.memo[state] = result
        return result
