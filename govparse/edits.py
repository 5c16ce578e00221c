"""Local edits of a rendered table, each knowing which rows it touched (issue 12).

Why this exists: real reports are not clean renderings. A row comes twice, two
rows trade places, a label is lost or misspelled, a subtotal the form does not
have is printed, the columns come in another order, a page break repeats the
header, a cell is lost or doubled. A careful reader loses at most the rows such
a defect touches: every other cell is still right, and a touched cell is right
or null with a diagnostic naming its row. tests/test_local_edits.py checks the
parser against that, one edit at a time, in every layout.

An edit acts on the clean grid of one table (govparse.render.grids, before any
perturbation) and returns a ``Touch``: the model rows whose cells it touched
(right, or null with a diagnostic naming the row) and the cells it made
ambiguous (the text now gives two different values: only null, with an error,
is right). The edited grid is then perturbed and written like the others, and
put in place of the table render() wrote (``render_edited``). No edit changes
the model: the right answer is always the report's own values.

Kinds (``KINDS``) and what they touch:

- ``duplicate-row``: a body row printed twice, same values. Touches the row.
- ``duplicate-row-different``: a row printed twice, the copy with other values
  in some columns. Touches the row; the columns that differ are ambiguous.
- ``swap-rows``: two body rows of a table trade places, labels and values.
  Touches both rows.
- ``delete-label``: a row's own label (not its group's, such as （三）不予公开)
  emptied or taken out. Touches the row.
- ``misspell-label``: one character of a row's own label replaced, dropped or
  doubled. Touches the row.
- ``unknown-row``: a row the form does not have (小计, 其中：行政确认,
  其他主动公开文件) with numbers, after a body row. Touches nothing: the
  form's rows are all still there, each under its own label.
- ``swap-columns``: two columns printed in the other order, header and data
  together (结果维持/结果纠正 in 表四, 商业企业/社会公益组织 in 表三,
  本年制发件数/现行有效件数 in 表二). Touches nothing: the header says where
  each value goes, and every layout the renderer writes keeps the header's
  labels in the columns' order, so the header can always be read (the columns
  of 表三's middle five sit under 法人或其他组织 in every layout).
- ``page-break``: a page-number line (``- 4 -``) and the table's header rows
  again, before a body row (in HTML the table is closed and opened again).
  Touches nothing.
- ``delete-cell``: one value cell taken out of a row. Touches the row (the
  reader cannot tell which cell went; in 表四 that is all three groups).
- ``duplicate-cell``: one value cell printed twice in its place. Touches the row.

Table 四 prints its fifteen numbers in one row, so an edit of that row touches
review, suit_direct and suit_after_review; it has no row labels, so the label
and row-order edits (and ``unknown-row``) apply to 表二 and 表三 only.

The ``spaces`` perturbation is not supported by ``render_edited``: its text part
rewrites the spaces of the table render() wrote, so that table can no longer be
found in the text to be replaced. Every other perturbation is.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .layout import BLANK_SEPARATED, HTML
from .model import columns_of, rows_of
from .render import (
    HEADER,
    LABEL,
    OUTCOME_HEADERS,
    PERTURBATIONS,
    VALUE,
    WRITERS,
    Grid,
    GridCell,
    GridRow,
    Layout,
    Report,
    _in_text_nodes,
    _layout,
    _paragraph,
    _value_text,
    grids,
    render,
)
from .result import TABLE_KEYS  # the order of grids() too

DUPLICATE_ROW = "duplicate-row"
CONFLICTING_ROW = "duplicate-row-different"
SWAP_ROWS = "swap-rows"
DELETE_LABEL = "delete-label"
MISSPELL_LABEL = "misspell-label"
UNKNOWN_ROW = "unknown-row"
SWAP_COLUMNS = "swap-columns"
PAGE_BREAK = "page-break"
DELETE_CELL = "delete-cell"
DUPLICATE_CELL = "duplicate-cell"

UNKNOWN_LABELS = ("小计", "其中：行政确认", "其他主动公开文件")
PAGE_NUMBERS = ("- {n} -", "—{n}—", "第{n}页", "第 {n} 页 共 {m} 页")
# Characters a misspelling puts in a label: common ones, none of them making another label of the form.
TYPO_CHARACTERS = "的文件公开政务信息处理申请年度数量"


@dataclass(frozen=True, slots=True)
class Touch:
    """What one edit did, and what a careful reader gives back for the cells it touched.

    ``rows``: the model rows of ``table`` whose cells may be lost: each is the
    model's value, or null with a diagnostic naming its row. ``ambiguous``:
    (row, column) cells the text now gives two different values for: only null,
    with an error naming the row, is right. Every other cell of the report is
    the model's value.
    """

    kind: str
    table: str
    rows: frozenset[str] = frozenset()
    ambiguous: frozenset[tuple[str, str]] = frozenset()
    note: str = ""


@dataclass(slots=True)
class TableGrid:
    """One table's clean grid, with the model rows each printed row holds."""

    key: str
    grid: Grid
    printed: dict[int, tuple[str, ...]]  # grid row index -> model rows it prints (three for 表四's row)
    columns: dict[str, tuple[str, ...]]  # model row -> its columns
    breaks: dict[int, str] = field(default_factory=dict)  # grid row index -> page-number line written before it

    @property
    def body(self) -> list[int]:
        """Grid rows that hold values, in order."""
        return sorted(self.printed)

    @property
    def labelled(self) -> list[int]:
        """Body rows with a row label (表二 and 表三)."""
        return [i for i in self.body if any(c.role == LABEL for c in self.grid.rows[i].cells)]


def table_grids(report: Report) -> list[TableGrid]:
    """The three clean grids of ``report``, each body row mapped to the model rows it prints."""
    models = (report.active_disclosure, report.applications, report.review_litigation)
    out = []
    for key, grid, model in zip(TABLE_KEYS, grids(report), models):
        row_keys = [name for name, _ in rows_of(type(model))]
        body = [i for i, row in enumerate(grid.rows) if any(c.role == VALUE for c in row.cells)]
        if len(body) == 1 and len(row_keys) > 1:
            printed = {body[0]: tuple(row_keys)}  # 表四: every group in one row
        else:
            if len(body) != len(row_keys):
                raise RuntimeError(f"{key}: {len(body)} printed rows for {len(row_keys)} model rows")
            printed = {i: (name,) for i, name in zip(body, row_keys)}
        columns = {name: tuple(column for column, _ in columns_of(cls)) for name, cls in rows_of(type(model))}
        out.append(TableGrid(key, grid, printed, columns))
    return out


# --- helpers ---------------------------------------------------------------------------


def _copy(row: GridRow) -> GridRow:
    return GridRow([dataclasses.replace(cell) for cell in row.cells], row.pad)


def _values_at(row: GridRow) -> list[int]:
    return [i for i, cell in enumerate(row.cells) if cell.role == VALUE]


def _own_label(row: GridRow) -> int:
    """Index of the row's own label: the last label cell (a group label such as （三）不予公开 comes first)."""
    return max(i for i, cell in enumerate(row.cells) if cell.role == LABEL)


def _touch(table: TableGrid, kind: str, at: Iterable[int], note: str,
           ambiguous: Iterable[tuple[str, str]] = ()) -> Touch:
    rows = frozenset(name for i in at for name in table.printed[i])
    return Touch(kind, table.key, rows, frozenset(ambiguous), note)


def _columns_of(table: TableGrid, at: int) -> list[tuple[str, str]]:
    """(model row, column) of each value cell of a clean body row, in order."""
    return [(name, column) for name in table.printed[at] for column in table.columns[name]]


# --- the edits -------------------------------------------------------------------------
# Each takes a table's clean grid, a place (an index into its candidates) and a random
# source for the details, edits the grid in place and says what it touched.


def duplicate_row(table: TableGrid, place: int, rng: random.Random) -> Touch:
    at = table.body[place % len(table.body)]
    table.grid.rows.insert(at + 1, _copy(table.grid.rows[at]))
    table.printed = _shifted(table.printed, at + 1)
    return _touch(table, DUPLICATE_ROW, [at], f"row {at} printed twice")


def conflicting_row(table: TableGrid, place: int, rng: random.Random) -> Touch:
    at = table.body[place % len(table.body)]
    original = table.grid.rows[at]
    copy = _copy(original)
    value_cells = _values_at(copy)
    changed = sorted(rng.sample(range(len(value_cells)), rng.randint(1, len(value_cells))))
    names = _columns_of(table, at)
    for index in changed:
        cell = copy.cells[value_cells[index]]
        value = rng.randint(1, 9) if cell.value is None else cell.value + rng.randint(1, 9)
        copy.cells[value_cells[index]] = GridCell(_value_text(value, cell.signed), VALUE, value, cell.signed)
    first = rng.random() < 0.5
    table.grid.rows.insert(at if first else at + 1, copy)
    touched = _touch(table, CONFLICTING_ROW, [at], f"row {at} printed twice, columns {changed} differ in the "
                     f"{'first' if first else 'second'} copy", [names[i] for i in changed])
    table.printed = _shifted(table.printed, at if first else at + 1)
    return touched


def swap_rows(table: TableGrid, place: int, rng: random.Random) -> Touch:
    pairs = _pairs(table.labelled)
    a, b = pairs[place % len(pairs)]
    rows = table.grid.rows
    rows[a], rows[b] = rows[b], rows[a]
    touched = _touch(table, SWAP_ROWS, [a, b], f"rows {a} and {b} swapped")
    table.printed[a], table.printed[b] = table.printed[b], table.printed[a]
    return touched


def delete_label(table: TableGrid, place: int, rng: random.Random) -> Touch:
    at = table.labelled[place % len(table.labelled)]
    row = table.grid.rows[at]
    own = _own_label(row)
    if rng.random() < 0.5:
        row.cells[own] = GridCell("", LABEL)
        how = "emptied"
    else:
        del row.cells[own]
        how = "taken out"
    return _touch(table, DELETE_LABEL, [at], f"label of row {at} {how}")


def misspell_label(table: TableGrid, place: int, rng: random.Random) -> Touch:
    at = table.labelled[place % len(table.labelled)]
    cell = table.grid.rows[at].cells[_own_label(table.grid.rows[at])]
    known = {c.text for row in table.grid.rows for c in row.cells if c.role in (HEADER, LABEL)}
    before = cell.text
    for _ in range(20):
        cell.text = misspelled(before, rng)
        if cell.text not in known:
            break
    return _touch(table, MISSPELL_LABEL, [at], f"label of row {at}: {before!r} -> {cell.text!r}")


def misspelled(label: str, rng: random.Random) -> str:
    """``label`` with one of its Chinese characters after the enumerator replaced, dropped or doubled."""
    start = _enumerator_end(label)
    spots = [i for i in range(start, len(label)) if "\u4e00" <= label[i] <= "\u9fff"]
    at = rng.choice(spots)
    how = rng.choice(("replace", "drop", "double")) if len(spots) > 2 else "replace"
    if how == "drop":
        return label[:at] + label[at + 1:]
    if how == "double":
        return label[:at + 1] + label[at:]
    typo = rng.choice([c for c in TYPO_CHARACTERS if c != label[at]])
    return label[:at] + typo + label[at + 1:]


def _enumerator_end(label: str) -> int:
    for close in ("、", "）", "．"):
        at = label.find(close)
        if 0 < at <= 3:
            return at + 1
    return 0


def unknown_row(table: TableGrid, place: int, rng: random.Random) -> Touch:
    after = table.labelled[place % len(table.labelled)]
    before = table.grid.rows[after]
    width = len(_values_at(before))
    label = rng.choice(UNKNOWN_LABELS)
    numbers = [rng.choice((0, rng.randint(1, 30), rng.randint(31, 999))) for _ in range(width)]
    cells = [GridCell(label, LABEL), *(GridCell(str(n), VALUE, n) for n in numbers)]
    row = GridRow(cells, max(0, before.pad + len(before.cells) - len(cells)))
    table.grid.rows.insert(after + 1, row)
    table.printed = _shifted(table.printed, after + 1)
    return Touch(UNKNOWN_ROW, table.key, note=f"row {label} {numbers} after row {after}")


def swap_columns(table: TableGrid, place: int, rng: random.Random) -> Touch:
    swaps = _column_swaps(table)
    header_cells, value_columns, note = swaps[place % len(swaps)]
    rows = table.grid.rows
    for (row_a, a), (row_b, b) in header_cells:
        rows[row_a].cells[a], rows[row_b].cells[b] = rows[row_b].cells[b], rows[row_a].cells[a]
    for at, columns in value_columns:
        cells = rows[at].cells
        places = _values_at(rows[at])
        for a, b in columns:
            cells[places[a]], cells[places[b]] = cells[places[b]], cells[places[a]]
    return Touch(SWAP_COLUMNS, table.key, note=note)


def page_break(table: TableGrid, place: int, rng: random.Random) -> Touch:
    header = table.body[0]  # the rows above the first body row (表二: block (一)'s item and column labels)
    spots = list(range(header, len(table.grid.rows)))
    at = spots[place % len(spots)]
    number = rng.randint(2, 30)
    line = rng.choice(PAGE_NUMBERS).format(n=number, m=number + rng.randint(1, 9))
    repeated = [_copy(row) for row in table.grid.rows[:header]]
    table.grid.rows[at:at] = repeated
    table.printed = _shifted(table.printed, at, len(repeated))
    table.breaks[at] = line
    return Touch(PAGE_BREAK, table.key, note=f"page break {line!r} and {header} header rows before row {at}")


def delete_cell(table: TableGrid, place: int, rng: random.Random) -> Touch:
    at, index = _value_cells(table)[place % len(_value_cells(table))]
    removed = table.grid.rows[at].cells.pop(index)
    return _touch(table, DELETE_CELL, [at], f"cell {removed.text!r} of row {at} taken out")


def duplicate_cell(table: TableGrid, place: int, rng: random.Random) -> Touch:
    at, index = _value_cells(table)[place % len(_value_cells(table))]
    cells = table.grid.rows[at].cells
    cells.insert(index + 1, dataclasses.replace(cells[index]))
    return _touch(table, DUPLICATE_CELL, [at], f"cell {cells[index].text!r} of row {at} printed twice")


def _shifted(printed: dict[int, tuple[str, ...]], at: int, by: int = 1) -> dict[int, tuple[str, ...]]:
    """The printed map after ``by`` rows were inserted at ``at`` (inserted rows print no model row)."""
    return {i + by if i >= at else i: names for i, names in printed.items()}


def _pairs(items: list[int]) -> list[tuple[int, int]]:
    return [(a, b) for n, a in enumerate(items) for b in items[n + 1:]]


def _value_cells(table: TableGrid) -> list[tuple[int, int]]:
    return [(at, index) for at in table.body for index in _values_at(table.grid.rows[at])]


HeaderSwap = tuple[tuple[int, int], tuple[int, int]]  # (grid row, cell) with (grid row, cell)
ColumnSwap = tuple[list[HeaderSwap], list[tuple[int, list[tuple[int, int]]]], str]


def _column_swaps(table: TableGrid) -> list[ColumnSwap]:
    """Every swap of two columns a printed table can show and its header still tells: (header cells to
    swap, for each body row the value positions to swap, a note). Not one that puts two equal labels
    side by side (table 四's 总计 | 结果维持 … swapped to 结果维持 | 结果维持): python-docx writes a merged
    cell's text once per column it spans, so no reader can tell those two columns from one."""
    return [swap for swap in _all_column_swaps(table) if not _doubles_a_label(table, swap[0])]


def _doubles_a_label(table: TableGrid, heads: list[HeaderSwap]) -> bool:
    """Whether swapping ``heads`` leaves two equal header labels side by side in a row."""
    texts = {at: [cell.text for cell in row.cells] for at, row in enumerate(table.grid.rows)}
    for (row_a, a), (row_b, b) in heads:
        texts[row_a][a], texts[row_b][b] = texts[row_b][b], texts[row_a][a]
    touched = {row for pair in heads for row, _ in pair}
    return any(left and left == right for row in touched for left, right in zip(texts[row], texts[row][1:]))


def _all_column_swaps(table: TableGrid) -> list[ColumnSwap]:
    rows = table.grid.rows
    if table.key == "applications":
        # header row 1: 自然人 · 法人或其他组织 · 总计; row 2: the five under 法人或其他组织
        swaps: list[ColumnSwap] = [([((1, 0), (1, 2))], [(at, [(0, 6)]) for at in table.body], "自然人/总计")]
        for a, b in _pairs(list(range(5))):
            note = f"{rows[2].cells[a].text}/{rows[2].cells[b].text}"
            swaps.append(([((2, a), (2, b))], [(at, [(a + 1, b + 1)]) for at in table.body], note))
        return swaps
    if table.key == "review_litigation":
        # header row 1: five outcomes of 行政复议, 未经复议直接起诉, 复议后起诉; row 2: five outcomes twice
        starts = [(1, 0), (2, 0), (2, 5)]  # where each group's five outcome labels begin
        (value_row,) = table.body
        swaps = []
        for a, b in _pairs(list(range(5))):
            for groups in ((0, 1, 2), (0,), (1,), (2,)):
                heads = [((starts[g][0], starts[g][1] + a), (starts[g][0], starts[g][1] + b)) for g in groups]
                values = [(g * 5 + a, g * 5 + b) for g in groups]
                note = f"{OUTCOME_HEADERS[a]}/{OUTCOME_HEADERS[b]} in groups {groups}"
                swaps.append((heads, [(value_row, values)], note))
        heads = [((1, 5), (1, 6))] + [((2, i), (2, 5 + i)) for i in range(5)]
        swaps.append((heads, [(value_row, [(5 + i, 10 + i) for i in range(5)])], "未经复议直接起诉/复议后起诉"))
        return swaps
    swaps = []  # 表二: within a block, under its 信息内容 row
    heads = [at for at, row in enumerate(rows) if row.cells[0].text == "信息内容"]
    for at, end in zip(heads, [*heads[1:], len(rows)]):
        row = rows[at]
        body = [i for i in table.body if at < i < end]
        for a, b in _pairs(list(range(len(row.cells) - 1))):
            note = f"{row.cells[1 + a].text}/{row.cells[1 + b].text}"
            swaps.append(([((at, 1 + a), (at, 1 + b))], [(i, [(a, b)]) for i in body], note))
    return swaps


# --- which edits apply where -----------------------------------------------------------

EditFunction = Callable[[TableGrid, int, random.Random], Touch]


@dataclass(frozen=True, slots=True)
class EditKind:
    name: str
    edit: EditFunction
    places: Callable[[TableGrid], int]  # how many places the edit can take in a table (0: not in this table)


def _labelled_rows(table: TableGrid) -> int:
    return len(table.labelled)


KINDS: tuple[EditKind, ...] = (
    EditKind(DUPLICATE_ROW, duplicate_row, lambda t: len(t.body)),
    EditKind(CONFLICTING_ROW, conflicting_row, lambda t: len(t.body)),
    EditKind(SWAP_ROWS, swap_rows, lambda t: len(_pairs(t.labelled))),
    EditKind(DELETE_LABEL, delete_label, _labelled_rows),
    EditKind(MISSPELL_LABEL, misspell_label, _labelled_rows),
    EditKind(UNKNOWN_ROW, unknown_row, _labelled_rows),
    EditKind(SWAP_COLUMNS, swap_columns, lambda t: len(_column_swaps(t))),
    EditKind(PAGE_BREAK, page_break, lambda t: len(t.grid.rows) - t.body[0]),
    EditKind(DELETE_CELL, delete_cell, lambda t: len(_value_cells(t))),
    EditKind(DUPLICATE_CELL, duplicate_cell, lambda t: len(_value_cells(t))),
)
KIND_NAMES: tuple[str, ...] = tuple(kind.name for kind in KINDS)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}


def tables_for(kind: str, report: Report) -> list[str]:
    """The tables of ``report`` the edit ``kind`` can be made in."""
    places = KIND_BY_NAME[kind].places
    return [t.key for t in table_grids(report) if places(t) > 0]


# --- writing the edited report ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EditedReport:
    text: str
    touch: Touch


def render_edited(report: Report, layout: Layout | str, kind: str, table: int = 0, place: int = 0,
                  perturbations: Iterable[str] = (), seed: int = 0, edit_seed: int = 0) -> EditedReport:
    """``render(report, layout, perturbations, seed)`` with one edit of ``kind`` in one table.

    ``table`` and ``place`` choose among the tables and places the edit can take
    (taken modulo their number, so any integers do); ``edit_seed`` draws the
    details (which columns differ, which character is misspelled). Deterministic.
    """
    layout = _layout(layout)
    names = set(perturbations)
    if "spaces" in names:
        raise ValueError("render_edited cannot take the 'spaces' perturbation (see the module docstring)")
    chosen = [p for p in PERTURBATIONS if p.name in names]
    if len(chosen) != len(names):
        raise ValueError(f"unknown perturbations: {sorted(names - {p.name for p in chosen})}")
    on_grids = [p for p in chosen if p.cells is not None]
    on_text = [p for p in chosen if p.text is not None]
    plain = render(report, layout, [p.name for p in chosen if p.text is None], seed)

    # The tables as render() wrote them: its first steps, again (same seed, same order).
    rng = random.Random(seed)
    written = grids(report)
    for perturbation in on_grids:
        perturbation.cells(written, rng)

    options = tables_for(kind, report)
    key = options[table % len(options)]
    index = TABLE_KEYS.index(key)
    target = table_grids(report)[index]
    edit = KIND_BY_NAME[kind]
    touch = edit.edit(target, place % edit.places(target), random.Random(edit_seed))
    edit_rng = random.Random(edit_seed + 1)
    for perturbation in on_grids:
        perturbation.cells([target.grid], edit_rng)

    before = WRITERS[layout](written[index])
    if plain.count(before) != 1:
        raise RuntimeError(f"table {key} found {plain.count(before)} times in the rendered text "
                             "(render() no longer writes tables as render_edited expects)")
    text = plain.replace(before, write_table(target, layout), 1)
    text_rng = random.Random(seed + 1)
    for perturbation in on_text:
        assert perturbation.text is not None
        if layout.format == HTML and perturbation.name != "bom":
            text = _in_text_nodes(text, perturbation.text, text_rng)
        else:
            text = perturbation.text(text, text_rng)
    return EditedReport(text, touch)


def write_table(table: TableGrid, layout: Layout) -> str:
    """The table in ``layout``, cut at its page breaks: each piece written as a table of its own, the page
    number between them on a line of its own (in HTML a paragraph between two tables)."""
    write = WRITERS[layout]
    if not table.breaks:
        return write(table.grid)
    pieces = []
    start = 0
    for at in sorted(table.breaks):
        pieces.append(write(Grid(table.grid.numeral, table.grid.rows[start:at])))
        line = table.breaks[at]
        pieces.append(_paragraph(line) if layout.format == HTML else line)
        start = at
    pieces.append(write(Grid(table.grid.numeral, table.grid.rows[start:])))
    return ("\n\n" if layout.style == BLANK_SEPARATED else "\n").join(pieces)
