"""Split a run of glued digits back into a row's cells, or say that it cannot be done.

Crawlers that flatten an HTML table drop the separators between cells: the row
``64 | 0 | 0 | 2 | 0 | 4 | 70`` reaches us as ``640020470``. The count of cells,
the format of a count (no leading zero unless it is a lone ``0``) and the
identities the row must satisfy (I1: the total is the sum of the six applicant
columns; I3 per group of table 四; values pinned by S1/I2 through other rows)
often leave exactly one split. This module finds it, or reports every split that
fits: it never picks one of several.

Pure: no I/O, no knowledge of report text. The caller hands over the digit runs
of one row (``groups``: a space between them is a sure cell boundary, more may
lie inside a group), the number of cells and the constraints.

Cell formats (``kinds``, one per cell; all ``COUNT`` by default):

- ``COUNT``: ``0`` or digits without a leading zero; an ``int``.
- ``SIGNED``: a count with an optional ``+`` or ``-``, or ``增`` or ``减`` (the trial edition's 本年增/减).
- ``DECIMAL``: money, ``0`` or a count, optionally with ``.`` and one or more
  digits; a ``Decimal``. The digits after the point may belong to the next cell
  as well as to this one, and the digits before it to the previous cell, so money
  glued to a count (``13575394432.52``: 135 projects and 75394432.52) fits many
  splits and comes back ambiguous, i.e. null: a decimal part is only ever given
  when the format and the constraints leave one split. A unit (``元``, ``万元``)
  is not a digit: the caller strips it before and reports it as values.py does.

Cost, bounded: the splits that fit the count and format are counted exactly by
a dynamic programme over (position, cells left), O(characters × cells ×
MAX_PART_CHARS); the search for those that also satisfy the constraints walks
only states from which the count and format can still be met, prunes a branch
as soon as an interval bound shows a constraint can no longer hold, and stops
after MAX_STEPS steps (then: ambiguous, "gave up"). Input longer than MAX_CHARS
characters or more than MAX_CELLS cells is refused at once. Measured on 3,000
random rows each (a step is some 15-20 µs): 7-cell table 三 rows under I1 with
five-digit natural persons and four-digit other cells, 30-34 digits: at most
5,800 steps, 120 ms; table 四's 15 cells of up to three digits under I3, 25-29
digits: at most 555 steps, 26 ms; none came near MAX_STEPS (tests/test_digits.py::test_cost
pins two such rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import product
from typing import Final, Sequence, Union

COUNT: Final = "count"
SIGNED: Final = "signed"
DECIMAL: Final = "decimal"

MAX_PART_CHARS: Final = 15  # a cell of a statutory table: counts, signed deltas, money with cents
MAX_CHARS: Final = 240  # characters of one row's runs; a table 四 row is some 15-40
MAX_CELLS: Final = 32
MAX_STEPS: Final = 20_000  # search steps (some 15 µs each) before giving up as ambiguous
MAX_CANDIDATES: Final = 12  # splits kept for the diagnostic
# Null marks a row's values may hold among its digits (runtogether sets them apart), each a blank cell;
# a hyphen glued among digits may be a sign or one of them: each reading is counted, up to this many hyphens.
NULL_MARKS: Final = frozenset({"-", "—", "——", "/", "无"})
MAX_HYPHENS: Final = 6
MAX_MARKED: Final = 512  # splits of a row with null marks listed before the constraints are asked
_MARK: Final = "x"  # a null mark's place in the joined text: no format takes it

# A count with thousands separators has three digits after each comma: the digits after a comma's third
# begin the next cell (137,7950: 137,795|0), and a comma never stands between two cells.
_WHOLE: Final = r"(?:0|[1-9][0-9]*|[1-9][0-9]{0,2}(?:,[0-9]{3})+)"
_FORMATS: Final = {
    COUNT: re.compile(_WHOLE),
    SIGNED: re.compile(rf"[+\-增减]?{_WHOLE}"),  # 增3 / 减8: the trial edition's words for + and -
    DECIMAL: re.compile(rf"{_WHOLE}(?:\.[0-9]+)?"),
}
_GROUP: Final = re.compile(r"[0-9.,+\-增减]+")
_SIGN_WORDS: Final = str.maketrans({"增": "+", "减": "-", ",": None})  # signs in words; separators dropped
_POWERS: Final = [10 ** n for n in range(MAX_CHARS + 2)]

Number = Union[int, Decimal]


@dataclass(frozen=True, slots=True)
class Constraint:
    """sum(parts[plus]) - sum(parts[minus]) == const.

    I1 for a 7-cell row of table 三: ``Constraint(plus=(6,), minus=(0, 1, 2, 3, 4, 5))``;
    a pin (cell 3 is known to be 12): ``Constraint(plus=(3,), const=12)``.
    """

    plus: tuple[int, ...] = ()
    minus: tuple[int, ...] = ()
    const: Number = 0


_LEADING_ZEROS: Final = re.compile(r"(0+)([0-9]*)")


def forced_parts(text: str) -> list[str] | None:
    """The cuts of a run of digits that no count of cells decides: no count but ``0`` itself starts with ``0``,
    so each leading zero is a cell, and the digits after them one more, taken whole as any cell's text is
    (``00``: 0|0, ``03``: 0|3, ``0179717``: 0|179717); None where nothing is cut (a lone ``0``, ``30``,
    text other than digits)."""
    found = _LEADING_ZEROS.fullmatch(text)
    if found is None or len(text) < 2:
        return None
    zeros, rest = found.groups()
    return list(zeros) + ([rest] if rest else [])


def row_sum(cells: int) -> Constraint:
    """The last cell is the sum of the others (I1 over a table 三 row)."""
    return Constraint(plus=(cells - 1,), minus=tuple(range(cells - 1)))


def group_sums(groups: int, width: int) -> tuple[Constraint, ...]:
    """Each group of ``width`` cells ends in their sum (I3 over table 四: 3 groups of 5)."""
    return tuple(Constraint(plus=(g * width + width - 1,), minus=tuple(range(g * width, g * width + width - 1)))
                 for g in range(groups))


def pin(cell: int, value: Number) -> Constraint:
    """Cell ``cell`` is known to hold ``value`` (from S1 or I2 through other rows)."""
    return Constraint(plus=(cell,), const=value)


@dataclass(frozen=True, slots=True)
class DigitSplit:
    parts: tuple[Number | None, ...] | None  # the one split that fits (None for a null mark's cell), or None
    candidates: tuple[tuple[str, ...], ...] = ()  # splits that fit count, format and constraints (at most MAX_CANDIDATES)
    fitting: int = 0  # how many splits fit count and format (constraints aside)
    by_identity: bool = False  # several fit the format; the constraints left exactly this one
    problem: str | None = None  # why parts is None
    steps: int = 0  # search steps taken (for the cost tests)
    run: str = field(default="")  # the groups as given, for messages
    options: tuple[tuple[Number | None, ...], ...] = ()  # the candidates' values
    exhaustive: bool = False  # the candidates are every split that fits (none left out, no give-up)

    def shown(self) -> str:
        """The candidate splits as text, for an ``ambiguous-digits`` diagnostic."""
        return ", ".join("|".join(split) for split in self.candidates)


def split_digits(groups: Sequence[str], cells: int, constraints: Sequence[Constraint] = (),
                 kinds: Sequence[str] | None = None) -> DigitSplit:
    """The one way to cut ``groups`` into ``cells`` parts that fits format and constraints, or None and why.

    A space between groups is a sure boundary (each group holds one part or more). A null mark
    (``—``, ``/``, ``无``, a lone ``-``) is a blank cell of its own; a hyphen glued among digits is
    a sign or such a mark (``2-26``: 2|-2|6 or 2|-|26), and every reading is counted. Where the
    format alone leaves one split, it is the row's, whatever the constraints say (a broken identity
    is a finding about the report, not a reason to drop its numbers); where it leaves several, the
    constraints must leave exactly one.
    """
    run = " ".join(groups)
    if kinds is None:
        kinds = (COUNT,) * cells
    readings = _readings(groups)
    if readings is None:
        return DigitSplit(None, problem=f"{run!r}: over {MAX_HYPHENS} hyphens, each a sign or a null mark",
                          run=run)
    if len(readings) == 1 and not any(group in NULL_MARKS for group in readings[0]):
        return _split_plain(groups, cells, constraints, kinds, run)
    return _split_marked(readings, cells, constraints, kinds, run)


def _split_plain(groups: Sequence[str], cells: int, constraints: Sequence[Constraint], kinds: Sequence[str],
                 run: str) -> DigitSplit:
    """split_digits for digit runs without a null mark: the search prunes by the constraints."""
    problem = _refuse(groups, cells, kinds, constraints)
    if problem is not None:
        return DigitSplit(None, problem=problem, run=run)
    text, ends, _ = _joined(groups)
    size = len(text)
    formats = [_FORMATS[kind] for kind in kinds]
    pieces = _pieces(text, ends, formats, kinds, {})  # pieces[k][start] -> {end: value}
    ways = _ways(size, cells, pieces)
    fitting = ways[0][0]
    if fitting == 0:
        return DigitSplit(None, problem=f"no split of {run!r} into {cells} cells fits the cell format",
                          run=run)
    if fitting == 1:
        constraints = ()  # the format decides; the identities are checked on the numbers later
    if _from_the_right(cells, constraints):
        found, steps, complete = _search_from_the_right(size, cells, pieces, constraints, kinds, text)
    else:
        found, steps, complete = _search(size, cells, pieces, ways, constraints, kinds, seps=_separators(text))
    candidates = tuple(tuple(text[a:b] for a, b in split) for split in found)
    options = tuple(tuple(pieces[k][a][b] for k, (a, b) in enumerate(split)) for split in found)
    return _verdict(candidates, options, fitting, complete, steps, bool(constraints), cells, run)


def _split_marked(readings: list[list[str]], cells: int, constraints: Sequence[Constraint], kinds: Sequence[str],
                  run: str) -> DigitSplit:
    """split_digits where null marks stand among the digits, or a hyphen may be one: every split of
    every reading that fits the format is listed (at most MAX_MARKED of them, else ambiguous), then
    the constraints asked of each, a blank cell in one telling nothing."""
    steps = 0
    complete = True
    problem: str | None = None
    listed: dict[tuple[Number | None, ...], tuple[str, ...]] = {}  # each split's values -> as printed
    for groups in readings:
        refused = _refuse(groups, cells, kinds, constraints)
        if refused is not None:
            problem = problem or refused
            continue
        text, ends, marks = _joined(groups)
        formats = [_FORMATS[kind] for kind in kinds]
        pieces = _pieces(text, ends, formats, kinds, marks)
        ways = _ways(len(text), cells, pieces)
        if ways[0][0] > MAX_MARKED:
            complete = False
            break
        found, taken, done = _search(len(text), cells, pieces, ways, (), kinds, MAX_MARKED + 1)
        steps += taken
        complete = complete and done
        for split in found:
            # readings of one dash run as one mark or two (—— or — —) give one split: counted once
            listed.setdefault(tuple(pieces[k][a][b] for k, (a, b) in enumerate(split)),
                              tuple(marks.get(a, text[a:b]) for a, b in split))
        if len(listed) > MAX_MARKED:
            complete = False
            break
    fitting = len(listed)
    if complete and fitting == 0:
        why = problem if problem is not None else f"no split of {run!r} into {cells} cells fits the cell format"
        return DigitSplit(None, problem=why, run=run)
    kept = [(texts, values) for values, texts in listed.items()
            if fitting == 1 or all(holds(constraint, values) for constraint in constraints)]
    candidates = tuple(texts for texts, _ in kept)
    options = tuple(values for _, values in kept)
    return _verdict(candidates, options, fitting, complete, steps, bool(constraints) and fitting > 1, cells, run)


def _verdict(candidates: tuple[tuple[str, ...], ...], options: tuple[tuple[Number | None, ...], ...], fitting: int,
             complete: bool, steps: int, constrained: bool, cells: int, run: str) -> DigitSplit:
    """The split when exactly one is left and the search was complete; else None and why."""
    exhaustive = complete and len(candidates) < MAX_CANDIDATES
    if len(candidates) == 1 and complete:
        return DigitSplit(options[0], candidates, fitting, fitting > 1 and constrained, None, steps, run,
                          options, True)
    shown = candidates[:MAX_CANDIDATES]
    if not candidates and complete:
        problem = (f"no split of {run!r} into {cells} cells satisfies the identities "
                   f"({fitting} fit the cell format)")
    elif not complete:
        problem = (f"{run!r} into {cells} cells: gave up after {steps} steps, "
                   f"{fitting} splits fit the cell format")
    else:
        more = "" if len(candidates) < MAX_CANDIDATES else " or more"
        problem = f"{run!r} into {cells} cells: {len(shown)}{more} splits fit: " + \
            ", ".join("|".join(split) for split in shown)
    return DigitSplit(None, shown, fitting, False, problem, steps, run, options[:MAX_CANDIDATES], exhaustive)


def _readings(groups: Sequence[str]) -> list[list[str]] | None:
    """Each way to read a row's hyphens and dashes: a hyphen glued among digits is the sign of the
    digits after it or a null mark of its own (``2-26``: ``2-26`` or ``2`` ``-`` ``26``), and ``——``
    one mark or two (``—`` ``—``, two blank cells glued); None over MAX_HYPHENS of them."""
    choices: list[list[list[str]]] = []
    hyphens = 0
    for group in groups:
        if group == "——":
            choices.append([[group], ["—", "—"]])  # one mark, or two cells of — glued
            hyphens += 1
            if hyphens > MAX_HYPHENS:
                return None
            continue
        at = [index for index, char in enumerate(group) if char == "-"] if group not in NULL_MARKS else []
        hyphens += len(at)
        if hyphens > MAX_HYPHENS:
            return None
        ways: list[list[str]] = []
        for mask in range(1 << len(at)):
            pieces: list[str] = []
            start = 0
            for bit, index in enumerate(at):
                if mask >> bit & 1:
                    pieces += [group[start:index], "-"]
                    start = index + 1
            pieces.append(group[start:])
            ways.append([piece for piece in pieces if piece])
        choices.append(ways)
    return [[group for part in choice for group in part] for choice in product(*choices)]


def _joined(groups: Sequence[str]) -> tuple[str, set[int], dict[int, str]]:
    """The groups as one text (a null mark as one placeholder character), where each group ends,
    and each mark's place and printed text."""
    parts: list[str] = []
    ends: set[int] = set()
    marks: dict[int, str] = {}
    position = 0
    for group in groups:
        if group in NULL_MARKS:
            marks[position] = group
            group = _MARK
        parts.append(group)
        position += len(group)
        ends.add(position)
    return "".join(parts), ends, marks


MAX_COMBINATIONS: Final = 4096  # choices of one split per row tried by choose_rows


@dataclass(frozen=True, slots=True)
class RowChoice:
    rows: tuple[tuple[Number | None, ...], ...] | None  # one split per row, or None
    combinations: int  # choices there were
    fitting: int  # choices that satisfied the constraints (0 when not tried)
    problem: str | None = None


def choose_rows(options: Sequence[Sequence[Sequence[Number | None]]], width: int,
                constraints: Sequence[Constraint]) -> RowChoice:
    """The one choice of a split per row that satisfies constraints across rows, or None.

    For identities that span rows (S1 and I2 over table 三's columns): ``options[r]``
    lists every split row r may have (a row read without doubt has one; a blank
    cell is None), and cell (r, c) is index ``r * width + c`` in ``constraints``.
    Each ambiguous row's options must be all the splits that fit it
    (DigitSplit.exhaustive): a unique fit among some of them could be a guess.
    A constraint with a None cell in it tells nothing and is skipped. At most
    MAX_COMBINATIONS choices are tried.
    """
    combinations = 1
    for row in options:
        combinations *= len(row)
        if combinations > MAX_COMBINATIONS:
            return RowChoice(None, combinations, 0, f"over {MAX_COMBINATIONS} ways to choose the rows' splits")
    if combinations == 0:
        return RowChoice(None, 0, 0, "a row has no split")
    fits: list[tuple[tuple[Number | None, ...], ...]] = []
    for choice in product(*options):
        cells = [value for row in choice for value in row]
        if all(holds(constraint, cells) for constraint in constraints):
            fits.append(tuple(tuple(row) for row in choice))
            if len(fits) > 1:
                break
    if len(fits) == 1:
        return RowChoice(fits[0], combinations, 1)
    if not fits:
        return RowChoice(None, combinations, 0, "no choice of the rows' splits satisfies the identities")
    return RowChoice(None, combinations, len(fits), "several choices of the rows' splits satisfy the identities")


def holds(constraint: Constraint, cells: Sequence[Number | None]) -> bool:
    """Whether ``cells`` meet ``constraint`` (a blank cell among its terms tells nothing: True)."""
    terms = [cells[k] for k in constraint.plus + constraint.minus]
    if any(term is None for term in terms):
        return True  # a blank cell: nothing to tell
    plus = sum(cells[k] or 0 for k in constraint.plus)
    minus = sum(cells[k] or 0 for k in constraint.minus)
    return plus - minus == constraint.const


def _refuse(groups: Sequence[str], cells: int, kinds: Sequence[str], constraints: Sequence[Constraint]) -> str | None:
    if cells < 1 or cells > MAX_CELLS:
        return f"{cells} cells: not a table row (1 to {MAX_CELLS})"
    if len(kinds) != cells or any(kind not in _FORMATS for kind in kinds):
        return "one known kind per cell is needed"
    if not groups or any(not group or _GROUP.fullmatch(group) is None and group not in NULL_MARKS
                         for group in groups):
        return f"{' '.join(groups)!r}: not runs of digits"
    if sum(len(group) for group in groups) > MAX_CHARS:
        return f"a run of over {MAX_CHARS} characters is no table row"
    if len(groups) > cells:
        return f"{len(groups)} space-separated runs for {cells} cells"
    for constraint in constraints:
        if any(not 0 <= k < cells for k in constraint.plus + constraint.minus):
            return "a constraint names a cell the row does not have"
    return None


def _pieces(text: str, ends: set[int], formats, kinds, marks: dict[int, str]) -> list[list[dict[int, Number | None]]]:
    """For each cell and start, the ends of the parts it may take there and their values (a null
    mark's place, ``marks``: that mark alone, a blank cell of any kind)."""
    size = len(text)
    by_kind: dict[str, list[dict[int, Number | None]]] = {}
    out = []
    for fmt, kind in zip(formats, kinds):
        table = by_kind.get(kind)
        if table is None:
            table = []
            for start in range(size + 1):
                found: dict[int, Number | None] = {}
                if start in marks:
                    table.append({start + 1: None})
                    continue
                for end in range(start + 1, min(size, start + MAX_PART_CHARS) + 1):
                    piece = text[start:end]
                    if fmt.fullmatch(piece) is not None:
                        found[end] = Decimal(piece.replace(",", "")) if kind == DECIMAL \
                            else int(piece.translate(_SIGN_WORDS))
                    if end in ends:
                        break  # a part never runs over a space
                table.append(found)
            by_kind[kind] = table
        out.append(table)
    return out


def _ways(size: int, cells: int, pieces) -> list[list[int]]:
    """ways[k][p]: how many splits of text[p:] into cells k.. fit the format (0: none)."""
    ways = [[0] * (size + 1) for _ in range(cells + 1)]
    ways[cells][size] = 1
    for k in range(cells - 1, -1, -1):
        row, nxt = ways[k], ways[k + 1]
        for start in range(size - 1, -1, -1):
            row[start] = sum(nxt[end] for end in pieces[k][start])
    return ways


def _from_the_right(cells: int, constraints: Sequence[Constraint]) -> bool:
    """Whether to fill cells from the last: when the constraints' lone terms (a row's total,
    a group's total) sit after the cells they sum, knowing them first bounds the rest."""
    votes = 0
    for constraint in constraints:
        for lone, others in ((constraint.plus, constraint.minus), (constraint.minus, constraint.plus)):
            if len(lone) == 1 and others:
                votes += 1 if lone[0] > max(others) else -1 if lone[0] < min(others) else 0
    return votes > 0


def _separators(text: str) -> list[int]:
    """For each position of ``text``, the thousands separators from there on: no digit, so no part of a value's
    size (the search's bounds count digits)."""
    after = [0] * (len(text) + 1)
    for position in range(len(text) - 1, -1, -1):
        after[position] = after[position + 1] + (text[position] == ",")
    return after


def _search_from_the_right(size, cells, pieces, constraints, kinds, text: str):
    """_search on the mirrored row: cell k becomes cells-1-k, position p becomes size-p."""
    mirrored = [[{} for _ in range(size + 1)] for _ in range(cells)]
    for k in range(cells):
        target = mirrored[cells - 1 - k]
        for start, ends in enumerate(pieces[k]):
            for end, value in ends.items():
                target[size - end][size - start] = value
    flip = lambda ks: tuple(cells - 1 - k for k in ks)  # noqa: E731
    flipped = [Constraint(flip(c.plus), flip(c.minus), c.const) for c in constraints]
    found, steps, complete = _search(size, cells, mirrored, _ways(size, cells, mirrored), flipped,
                                     list(reversed(kinds)), seps=_separators(text[::-1]))
    return [[(size - b, size - a) for a, b in reversed(split)] for split in found], steps, complete


def _search(size, cells, pieces, ways, constraints, kinds, keep: int = MAX_CANDIDATES,
            seps: Sequence[int] | None = None):
    """Depth-first over cells left to right, through states that can still fit the format, up to
    ``keep`` splits found. ``seps``: the thousands separators from each position on (none where not given).

    Returns (splits found, steps taken, whether the search was exhaustive).
    """
    coefs = [[(k, 1) for k in c.plus] + [(k, -1) for k in c.minus] for c in constraints]
    # per cell: the constraints it is in, with its coefficient
    member: list[list[tuple[int, int]]] = [[] for _ in range(cells)]
    for index, terms in enumerate(coefs):
        for k, coef in terms:
            member[k].append((index, coef))
    # For each constraint and each cell k: how many of cells k.. may push its sum up and down
    # (a signed cell both ways), and whether cells k.. are all on one side and all plain counts,
    # so that their sum has a floor too (the remaining characters must go somewhere).
    ups: list[list[int]] = []
    downs: list[list[int]] = []
    whole: list[list[int]] = []  # +1 or -1: every cell from k on is in it on that side; 0: not so
    for terms in coefs:
        side = dict(terms)
        ups.append([sum(1 for j in range(at, cells) if j in side and (side[j] > 0 or kinds[j] == SIGNED))
                    for at in range(cells + 1)])
        downs.append([sum(1 for j in range(at, cells) if j in side and (side[j] < 0 or kinds[j] == SIGNED))
                      for at in range(cells + 1)])
        row = []
        for at in range(cells + 1):
            signs = {side.get(j, 0) for j in range(at, cells)}
            plain = all(kinds[j] == COUNT for j in range(at, cells))
            row.append(signs.pop() if at < cells and len(signs) == 1 and plain else 0)
        whole.append(row)
    remaining = [c.const for c in constraints]  # const - sum of the terms filled so far
    found: list[list[tuple[int, int]]] = []
    path: list[tuple[int, int]] = []
    steps = 0
    count = len(coefs)

    def ceiling(n: int, chars: int, left: int) -> int:
        # The largest sum of n of the ``left`` cells still to fill from ``chars`` characters:
        # one as long as the others allow, the rest one digit each.
        if n == 0:
            return 0
        return _POWERS[min(MAX_PART_CHARS, chars - (left - 1))] - 1 + 9 * (n - 1)

    def floor(chars: int, left: int) -> int:
        # The smallest sum of all ``left`` cells from ``chars`` characters: lengths as even as can be.
        share, extra = divmod(chars, left)
        low = _POWERS[share - 1] if share > 1 else 0
        return extra * _POWERS[share] + (left - extra) * low

    def feasible(k: int, start: int) -> bool:
        left = cells - k
        chars = size - start - (seps[start] if seps is not None else 0)  # digits (and signs) left
        for index in range(count):
            target = remaining[index]  # what the cells from k on must add up to, signed
            up = ups[index][k]
            down = downs[index][k]
            if up == 0 and down == 0:
                if target != 0:
                    return False
                continue
            if target > ceiling(up, chars, left) or -target > ceiling(down, chars, left):
                return False
            sign = whole[index][k]
            if sign:
                # all the cells left add up to sign * target, so none is longer than it
                total = sign * target
                if total < floor(chars, left) or chars > left * len(str(total)):
                    return False
        return True

    def walk(k: int, start: int) -> bool:
        nonlocal steps
        steps += 1
        if steps > MAX_STEPS:
            return False
        if k == cells:
            found.append(list(path))
            return len(found) < keep
        for end, value in pieces[k][start].items():
            if not ways[k + 1][end]:
                continue
            for index, coef in member[k]:
                remaining[index] -= coef * value
            path.append((start, end))
            ok = True
            if feasible(k + 1, end):
                ok = walk(k + 1, end)
            path.pop()
            for index, coef in member[k]:
                remaining[index] += coef * value
            if not ok:
                return False
        return True

    if not feasible(0, 0):
        return [], 1, True
    complete = walk(0, 0)
    if not complete and len(found) >= keep:
        complete = True  # stopped for having enough to show: ambiguous for sure
    return found, steps, complete and steps <= MAX_STEPS
