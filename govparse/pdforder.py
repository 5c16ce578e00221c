"""A PDF's tables as ``pdftotext`` (no ``-layout``) writes them: text blocks in its reading order.

pdftotext cuts a page into blocks of text and writes them one after the other, a block's
lines one a line and an empty line after each block (a *paragraph* here), a form feed
opening each page after the first. A table cell is mostly a block of its own, so a table
comes out a cell per paragraph, with these twists:

- neighbouring cells of a row may share a block: ``20 0``, ``行政规范性文件 0``;
- a label wrapped inside its cell is one block of several lines, with the row's first
  value on its middle line: ``5．要求行政机关确认或重新出具已获取`` / ``0`` / ``信息``;
- a header cell wrapped the same way, at times with a neighbour's text between its
  pieces: ``法律服务机`` / ``其他`` / ``构``;
- blocks of a page's right-hand columns are written after the page's footer, or among other
  rows, far from their row (``616 635 3556`` after ``第1页共2页``); a row's values may come
  before its label or out of column order; a blank cell leaves no trace; table 四's numbers
  are scattered over table 三 and the sections after;
- rows one line high (short labels, seen on real reports) stand so close that a column of a few
  rows is one block: the rows come a column a block, seven paragraphs of as many values, one a
  line (``1`` / ``0`` / ``10`` / ``3`` …), their labels in blocks of their own apart; and a row
  whose label stands in another block (beside a group label's tall cell) has its cells written
  after the row above's, its label later (``reading_order_columns`` tells the text by these where
  no line holds neighbours; ``_rows_of_columns`` puts such a run of seven blocks back in row
  order, read only by the whole-table assignment below, which checks I1, I2 and S1).

Which row and column such a value belongs to is not in the text. So each paragraph is
written label first (its text pieces, then its values: the lexer joins ``…已获取`` +
``信息`` and the row's values follow it), a row is read only where the values between its
label and the next text are its columns' count (govparse.rows counts them), and values are
given to no row, with a note saying why (``reading_order_rows``), where they cannot be told
from another row's:

- after a page break (the footer, a form feed) and before any text: blocks moved there;
- in table 四: its groups come swapped and scattered, never in column order, but for those
  whose blocks tell them (``_review_groups``: 行政复议's stacked block running on into the next
  heading, 未经复议直接起诉's five blocks before it (six values at times, the last block two
  neighbours on a line: the sixth 复议后起诉's first), 复议后起诉's after that heading (where a block runs
  on into it, only where that block holds 行政复议's five: else the row's left-hand columns, left of a
  wrapped number, stand there too), the last
  four there at times with the document's closing value as their total (or, four there, with any
  value closing it, or the value alone after that heading's first text: the last column, a flow of its
  own; a value there or closing that may be a wrapped number's head reads no total); or, where the header's
  words stand two a line (flows of two columns), 未经复议直接起诉's first, third and fifth columns in three
  blocks before the stack, its second and fourth after the heading, 复议后起诉's five after them (``_paired_groups``,
  both groups meeting I3); or, where the stacked
  block holds the section's only values and more than five, the columns running on in order into
  the values after that heading), each read where it meets I3; or where its header's words of
  several columns share a line (pdftotext took the columns as one flow), its fifteen values in the
  section in the order written, every group meeting I3 (``_groups_in_order``); or where its numbers
  wrap in the narrow cells (the row taller than a line: a number's head and tail on lines of their own
  in one block, the cells right of it between), its cells a block each left to right, each wrapped
  number joined, the last column closing the document at times (``_wrapped_groups``), or the first six
  columns from the first wrapped number's on in one block running on into the next heading, the four
  after them before it, the others after that heading (``_wrapped_stack_groups``): one reading only,
  every group meeting I3; a group's label written elsewhere (after the document's end at times) is
  named by the order (``_named``);
- in a block shared with another cell (values stacked over lines, or with a header's piece);
- after a label printed across cells (pieces in blocks of their own): the row's cells do not
  line up with the others', unless in table 三 the pieces, no value among them, name a row and
  the row's seven, meeting I1, stand after the last (``_pieced_labels``: then judged as a named
  label's run);
- in table 二, a row whose count differs from a row's of the same block (the rows under one caption and
  header; a block ends at the next of either, as pdftotext writes a caption late at times): values moved
  between them;
  and where any run of table 二 is given to no row, every run of its block (the rows under one
  header, 信息内容 …): they swap values around a row that cannot be read (a label in pieces takes
  the next row's values, across its block's caption at times);
- in table 三, a run of seven that breaks I1 (the total is the sum of the six): out of column
  order, or another row's (a report whose own row breaks I1 loses that row: null, never a
  wrong number), unless most of the report's rows break I1 (``_rows_unsummed``: its numbers do
  not add up, so I1 tells nothing of order, and the run is read in column order, as pdftotext
  writes a row whose cells stand in the table's columns); the table's last row, which pdftotext
  writes out of column order at times;
  a row after a row short of its values (whose moved values land after the next row's own,
  where they fill a blank cell unseen), unless that row is the first under a group label and
  short of one value only (its last column stands right of the table's others and goes to the
  page's end); two rows after a group's first row short of two or more (its moved blocks land
  there at times), these two only where a cell may be blank (``_printed_whole``: where the values
  from table 二's heading to the document's end are as many as the tables' cells, none a null mark,
  no cell is blank, and seven values meeting I1 are the row's own); a row I1 cannot check (a null
  mark) after the first row after the header short of its total, or after a row holding more values
  than the columns (its cells written before its label); a group's first row I1 cannot
  check whose first line holds two values (its right-hand block, written before its other cells at
  times); a row I1 cannot check (a null mark) right before a label wrapped around its first value
  (``_before_wrapped``: beside that tall cell pdftotext writes the row's total first at times);
  a row after a label wrapped around its first value that holds that value only (``_after_lone_wrapped``:
  its other six written after the next label at times, with that row's moved total, meeting I1), unless
  the row's own label holds its first value;
  a run of more than seven whose first seven I1 cannot vouch for (a null mark, or a report whose
  rows do not add up, or seven breaking it: ``_longer_unvouched``, after the rules taking moved
  totals out of runs), as pdftotext writes blocks of the right-hand columns among a
  row's cells at times (another row's moved total after its first), so neither the first seven nor
  the rest (read by the row stage as a lost label's row) are known.

Some moved values are given back, each with a note: a page's totals written after its footer
where they are exactly the sums of its rows of six, one each (``_matched_totals``: pdftotext writes
them a flow for each column edge, not in row order); the totals of table 三's group-first rows,
which pdftotext writes after the page's footer (the last page's close the document) or after a
group label written late, where each is its row's sum (found in row order with other blocks
between them where one match only is, a row of six zeros only where no cell may be blank), and a
short row's right-hand cells after the footer where one line of them completes it under I1 (``_moved_totals``; a 0 not to a row
of six zeros above a group's first row whose run runs on into the next row's, where a cell may be
blank: that row's total, moved there too, may be the 0; nor to one beside a group label written late
whose values are not totals: they are rows' cells written apart, one may stand among the six); the
totals of a page's group-first rows of six written among a later group-first row's values, after its six
and before its own total (``_totals_among_run``: that column of totals written as one flow, each its
row's sum in row order, that row meeting I1); the cells of a row whose wrapped label
comes after them (``_split_before_wrapped``, checked by I1); the cells of a block's last row of
table 二, whose label comes with its first value apart from them (``_split_before_joined``: the
rows of a block share their columns); the values of a block of table 二 with one column
(本年处理决定数量) to its rows in order where as many (``_one_column_blocks``: a value may share a
block with the header above or the caption below); the values after a group label (三、本年度办理结果)
to the row right after it whose label holds none (``_group_label_values``: the row's label written after
its cells).

Rows held back are read again where an identity pins them (``_pinned_rows``): a row whose
identity's other rows are read, its values found in column order among its own (or its seven
exactly those values out of column order); two rows together where one of them meets I1 and
leaves the other's values (``_pinned_pair``: total_processed and carried_forward under S1).

Table 三 is first read as a whole (``_assigned``, govparse.pdfassign): its values cut into its rows
by their count and the identities, labels aside, taken only where one table fits; the rules
above read it only where that fails. A row all 0 is given values from apart from where it stands
(by the assignment or ``_matched_totals``) only where no cell may be blank (``_printed_whole``, which
takes off the heads of numbers wrapped in table 四's narrow cells): I1 holds for it whatever 0.

These rules were found on pdftotext's text of the PDFs corpus/tools/make_fixtures.py makes
(540 reports of its six shapes, other seeds than the committed fixtures): none reads a wrong
number there. Costs are linear in the characters of the section.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import combinations
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from .normalize import Document
from .pdfassign import STREAM, Cut, Roles, assign
from .values import Kind, kind_of, read_value
from .wrapped import joins_whole

if TYPE_CHECKING:
    from .lexer import Labels

Piece = tuple[str, int, int]  # a word: its text, the offset of its line in the section, where it starts
Note = tuple[int, str]  # values given to no row: the offset of their first line, and why
MOVED_VALUES = "moved-values"  # the Furniture kind govparse.cells gives a Note: values read into no row

# A line ending in a value after a space: cells pdftotext put in one block (50 0, 行政规范性文件 0).
_JOINED = re.compile(r"\S\s+(?:[+-]?\d[\d,]*(?:\.\d+)?|[/—－-]+|无)$")
_MIN_JOINED = 2  # such lines in a table, without a form feed in the report
_WIDE_GAP = re.compile(r"\S(?: {2,}|\t)\S")
_APPLICATION_COLUMNS = 7
_HEADER_OPENS = ("信息内容", "信息內容")  # the first cell of the header over each block of table 二's rows
# The label of a group of table 三's rows under 三、本年度办理结果 (its rows hold the cells): （三）不予公开 …
_GROUP_LABEL = re.compile(r"[（(][三四五六][）)](?:不予公开|无法提供|不予处理|其他处理)")
_UNSUMMED_ROWS = 3  # runs of table 三 breaking I1 that tell a report whose rows do not add up (at least)
_UNSUMMED_SHARE = 4  # ... and that many times the runs meeting it (measured: such reports 0-1 meet, 4-14 break;
# the others 3-16 meet, 0-2 break)
_MAX_HEADING_VALUES = 12  # values after table 四's next heading tried as 复议后起诉's: a bound on the cost
_LONGEST_LABEL = 60  # characters of a label of table 三 joined from its pieces, at most
_MAX_TAIL = 12  # values after table 三's last row's own tried as its page's moved blocks: a bound on the cost
_MAX_SHORT_ROWS = 32  # rows of a page looked for in what pdftotext moved (table 三 has 25): a bound on the cost
_ONE_COLUMN_HEADS = {"decisions", "amount_wan"}  # the header of a block of table 二 with one column
_WRAPPED_HEAD = 4  # digits of the head of a number wrapped in table 四's narrow cells, at least
_MAX_WRAPPED = 15  # numbers wrapped in table 四's cells, at most (its cells)
_GROUPS = (("行政复议", "行政"), ("未经复议直接起诉", "未经"), ("复议后起诉", "复议后起诉"))  # table 四's, a word of each
_REVIEW_HEADER = frozenset("行政 复议 行政复议 行政诉讼 未经 直接 起诉 未经复议直接起诉 复议后起诉 结果 维持 纠正 其他 尚未 审结 "
                           "总计 总 计".split())  # table 四's header words, as pdftotext writes them apart
_MAX_READINGS = 64  # readings of table 四's blocks of wrapped numbers tried: a bound on the cost
_CUT_GROUP = re.compile(r"\d{1,3}(?:,\d{3})*,\d{0,2}")  # a wrapped number's head cut in a group of thousands: 106,2
_FIRST_OF_GROUP = re.compile(r"1[．.、]|[（(]一[）)]")  # the label of a group's first row opens so
_CAPTION = re.compile(r"第[一二三四五六七八九十]{1,3}条")
# What opens a label: an enumerator (一、 （三） 4．) or a caption (第二十条第（五）项).
_OPENS_LABEL = re.compile(r"[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[．.、]|第[一二三四五六七八九十]{1,3}条")


def reading_order_evidence(doc: Document, lines: list[str], filled: list[int]) -> str:
    """Why the filled ``lines`` of a linear table are pdftotext's reading order, or "".

    Cells of a scraped page stand a line each; pdftotext writes some neighbours on one line,
    a single space apart (``50 0``, ``行政规范性文件 0``), and opens each page with a form feed.
    Two such lines tell it, or one with a form feed in the report; a line with a wider gap
    is another tool's (columns aligned by spaces), never this."""
    joined = 0
    for index in filled:
        text = lines[index]
        if " " in text and " " in text.strip() or "\t" in text:
            if _WIDE_GAP.search(text.strip()) is not None:
                return ""
            joined += _JOINED.search(text) is not None
    if joined >= _MIN_JOINED:
        return f"{joined} lines hold neighbouring cells one space apart (a PDF's text blocks in reading order)"
    if joined and "\f" in doc.text:
        return f"{joined} line holds neighbouring cells one space apart, and the report has form feeds (pdftotext)"
    return ""


def reading_order_columns(lines: list[str]) -> str:
    """Why ``lines`` (a report with form feeds) are pdftotext's reading order by its blocks, or "".

    pdftotext makes a block of the lines that stand close one under another in one column, a
    paragraph each. Where a table's rows are one line high (short labels), a column of a few rows is
    one block, so the rows come a column a block: seven paragraphs of values alone, one a line, as
    many lines each (``1`` / ``0`` / ``0`` / ``10`` / ``3`` for five rows' first column, then their
    second ...). Where a row's label stands in another block (a group label's tall cell beside it, its
    own label written later), its cells follow the row above's, a paragraph each: two rows' sevens or
    more after one label, each meeting I1, one of them with a total other than 0. Other tools write
    a table's cells a line each in row order, or a row a line, or all its labels before its values."""
    sizes: list[int] = []  # of each paragraph: its lines where each holds one value and nothing else, or 0
    numbers: list[int | None] = []  # of each paragraph: its count where it is one value alone
    size = 0
    last = ""  # the paragraph's last value
    for text in [*lines, ""]:
        word = text.strip()
        if not word:
            if size:
                sizes.append(max(size, 0))
                numbers.append(_count((last, 0, 0)) if size == 1 else None)
            size = 0
        elif size >= 0 and " " not in word and kind_of(word) is Kind.NUMBER:
            size += 1
            last = word
        else:
            size = -1  # a paragraph with text or values side by side: no column
    columns = at = 0
    while at + _APPLICATION_COLUMNS <= len(sizes):
        if sizes[at] > 1 and sizes[at:at + _APPLICATION_COLUMNS] == [sizes[at]] * _APPLICATION_COLUMNS:
            columns += 1
            at += _APPLICATION_COLUMNS
        else:
            at += 1
    if columns:
        return (f"{columns} run(s) of {_APPLICATION_COLUMNS} paragraphs of values alone, one a line, as many "
                "lines each, and form feeds: pdftotext's blocks, a column of a few rows each")
    apart = 0
    run: list[int] = []
    for size, number in [*zip(sizes, numbers), (0, None)]:
        if size == 1 and number is not None:
            run.append(number)
            continue
        sevens = [run[first:first + _APPLICATION_COLUMNS] for first in range(0, len(run), _APPLICATION_COLUMNS)]
        if (len(run) % _APPLICATION_COLUMNS == 0 and len(sevens) > 1 and any(seven[-1] for seven in sevens)
                and all(sum(seven[:-1]) == seven[-1] for seven in sevens)):
            apart += 1
        run = []
    if apart:
        return (f"{apart} run(s) of two rows' seven values or more after one label, a paragraph each, each "
                "meeting I1, and form feeds: pdftotext's blocks, rows whose labels stand in other blocks")
    return ""


class _Block(NamedTuple):
    """One cell as pdftotext wrote it: a label's lines (or a header's) and the values among them."""

    texts: list[Piece]  # its text pieces, in order
    values: list[Piece]  # its values, in order
    first: int  # offset of its first line
    last: int  # offset of its last line
    mixed: bool  # its values are on several lines, or it shares its paragraph with a cell after it


def _blocks(texts: list[str], skip: set[int]) -> tuple[list[_Block], list[int], list[int]]:
    """The section's cells, the offsets of its page breaks (each line skipped as page furniture, the
    footer, and each line a form feed opens) and those of its form feeds.

    A paragraph is a cell, or a few neighbours pdftotext put in one block. A text line after a
    value of the paragraph is the tail of the label wrapped around that value (``信息`` after
    ``…已获取`` / ``0``) when it is narrower than the label's first line and opens with no
    enumerator; otherwise it starts a cell of its own (``第二十条第（六）项`` after
    ``其他对外管理服务事项 5``, ``行政强制`` after ``行政处罚 0``), as does a line opening
    with an enumerator after text (``8．属于…`` after ``7．属于…``)."""
    blocks: list[_Block] = []
    breaks: list[int] = []
    feeds: list[int] = []
    pieces: list[Piece] = []
    values: list[Piece] = []
    first = 0
    head = 0  # display width of the block's first text line

    def close(last: int, shared: bool = False) -> None:
        nonlocal pieces, values
        if pieces or values:
            lines = {offset for _, offset, _ in values}
            blocks.append(_Block(pieces, values, first, last, len(lines) > 1 or shared and bool(values)))
            pieces, values = [], []

    for offset, text in enumerate(texts):
        if "\f" in text or offset in skip:
            breaks.append(offset)
            if "\f" in text:
                feeds.append(offset)
            close(offset - 1)
        if offset in skip or not text.strip():
            close(offset - 1)
            continue
        for line_texts, line_values in _parts(text, offset):
            if line_texts:
                width = sum(len(word) for word, _, _ in line_texts)
                opens = _OPENS_LABEL.match(line_texts[0][0]) is not None
                if values and (opens or width >= head or not pieces) or pieces and opens:
                    close(offset - 1, not pieces)  # values alone, then text: two cells in one block
                if not pieces:
                    head = width
            if not pieces and not values:
                first = offset
            pieces.extend(line_texts)
            values.extend(line_values)
    close(len(texts) - 1)
    return blocks, breaks, feeds


def _stacked(block: _Block) -> int:
    """The lines of a block of values alone, one value a line (a column of a few rows), or 0."""
    lines = {line for _, line, _ in block.values}
    return len(block.values) if not block.texts and len(block.values) > 1 and len(lines) == len(block.values) else 0


def _column_blocks(blocks: list[_Block]) -> list[tuple[int, int]]:
    """Where pdftotext wrote a few rows of table 三 a column a block: (first block, rows) for each run of
    seven blocks of values alone, one a line, as many lines each (the rows' seven columns)."""
    found: list[tuple[int, int]] = []
    at = 0
    while at + _APPLICATION_COLUMNS <= len(blocks):
        size = _stacked(blocks[at])
        if size and all(_stacked(blocks[at + column]) == size for column in range(1, _APPLICATION_COLUMNS)):
            found.append((at, size))
            at += _APPLICATION_COLUMNS
        else:
            at += 1
    return found


def _rows_of_columns(blocks: list[_Block]) -> tuple[list[_Block], list[Note]]:
    """The blocks with each run of column blocks (``_column_blocks``) made one block of its rows' values
    in row order, each row's seven in column order, and a note on each."""
    notes: list[Note] = []
    for at, size in reversed(_column_blocks(blocks)):
        columns = blocks[at:at + _APPLICATION_COLUMNS]
        values = [column.values[row] for row in range(size) for column in columns]
        blocks[at:at + _APPLICATION_COLUMNS] = [_Block([], values, columns[0].first, columns[-1].last, True)]
        notes.append((columns[0].first, f"{size} rows written a column a block ({_APPLICATION_COLUMNS} blocks of "
                                        f"{size} values, one a line: pdftotext's blocks of rows whose cells stand "
                                        "close, a block for each column), read column by column"))
    return blocks, notes


def _parts(text: str, offset: int) -> list[tuple[list[Piece], list[Piece]]]:
    """A line's words as (text pieces, values) parts: text then the values after it, and a new
    part where text follows a value (another cell pdftotext put on the line)."""
    parts: list[tuple[list[Piece], list[Piece]]] = [([], [])]
    position = 0
    for word in text.split():
        start = text.find(word, position)
        position = start + len(word)
        kind = kind_of(word)
        if kind is Kind.TEXT or kind is Kind.UNREADABLE and not any(char.isdigit() for char in word):
            if parts[-1][1]:
                parts.append(([], []))
            parts[-1][0].append((word, offset, start))
        else:
            parts[-1][1].append((word, offset, start))
    return parts


class _Run(NamedTuple):
    """The values between one text and the next, as pdftotext wrote them."""

    values: list[Piece]
    label: str  # the text they follow ("" after a page break)
    sheet: int  # form feeds before them in the section: the page they are printed on
    orphaned: bool  # after a page break, before any text: blocks moved there
    mixed: bool  # some of them share a block with another row's cell
    caption: bool = False  # the text they follow opens a block of table 二 (第二十条第（五）项)
    named: bool = True  # the text they follow names a label of the table on its own
    joined: bool = False  # the first of them is on the first line of the label they follow (a wrapped label)
    text: str = ""  # the whole text they follow (``label`` is cut short for notes)
    wraps: bool = False  # the label they follow holds its first value below its first line (a tall cell: the
    # label wrapped around it, its tail on the line after or cut off as a block of its own when wider)


def reading_order_rows(texts: list[str], skip: set[int], numeral: str,
                       after: Callable[[], list[str]] | None = None,
                       before: Callable[[], list[str]] | None = None) -> tuple[list[list[Piece]], list[Note]]:
    """The pieces of table section ``numeral`` in pdftotext's reading order, each paragraph label
    first (a row of its text pieces, then one of the values that follow them up to the next text),
    and a note on each run of values given to no row: (offset of its first line, why).

    ``after`` gives the document's lines after the section, asked for only where table 三 has rows
    whose total pdftotext moved to its page's end: the last page's moved blocks close the
    document, after its last page number (their offsets go on from the section's). ``before``
    gives the lines before the section, asked for only where a rule guards against a blank cell
    (``_printed_whole``)."""
    blocks, breaks, feeds = _blocks(texts, skip)
    columns: list[Note] = []
    if numeral == "三":
        blocks, columns = _rows_of_columns(blocks)
    names_label = _label_names(numeral)
    items: list[list[Piece] | _Run] = []  # text pieces, and the runs of values between them
    runs: list[_Run] = []
    next_break = next_feed = 0  # the first break, and form feed, not passed yet
    sheet = 0
    for block in blocks:
        crossed = False
        while next_break < len(breaks) and breaks[next_break] <= block.first:
            next_break += 1
            crossed = True
        while next_feed < len(feeds) and feeds[next_feed] <= block.first:
            next_feed += 1
            sheet += 1
        if block.texts:
            items.append(block.texts)
            label = "".join(word for word, _, _ in block.texts)
            runs.append(_Run([], label[:40], sheet, False, False, _CAPTION.match(label) is not None,
                             numeral == "四" or names_label(label),
                             bool(block.values) and block.values[0][1] == block.texts[0][1], label,
                             bool(block.values) and block.values[0][1] > block.texts[0][1]))
            items.append(runs[-1])
        elif crossed or not runs:
            runs.append(_Run([], "", sheet, True, False))
            items.append(runs[-1])
        if block.values:
            run = runs[-1]
            run.values.extend(block.values)
            if block.mixed and not run.mixed:
                runs[-1] = items[-1] = run._replace(mixed=True)
    notes: list[Note] = list(columns)
    whole = _Once(lambda: _printed_whole(runs, texts, skip, after, before))
    if numeral == "三":
        _pieced_labels(runs, items, names_label)
        notes.extend(_group_label_values(runs))
        assigned = _assigned(runs, items, len(texts), after, whole)
        if assigned is not None:
            return assigned[0], notes + assigned[1]
    if numeral == "二":
        notes.extend(_one_column_blocks(runs, items))
        notes.extend(_split_before_joined(runs))
    if numeral == "三":
        notes.extend(_split_before_wrapped(runs))
    unsummed = _Once(lambda: numeral == "三" and _rows_unsummed(runs))
    withheld = _withheld(runs, numeral, whole, unsummed)
    if numeral == "四":
        groups, used = _wrapped_groups(blocks, runs, texts, after)
        if not groups:
            groups, used = _wrapped_stack_groups(blocks, texts, after)
        if not groups:
            groups, used = _review_groups(blocks, texts, after) or _groups_in_order(blocks, runs), []
        if groups:
            return _given_groups(groups, runs, used)
    if numeral == "三":
        among = _totals_among_run(runs)
        if among:
            notes.extend(among)
            withheld = _withheld(runs, numeral, whole, unsummed)
        matched = _matched_totals(runs, withheld, len(texts), after, whole)
        if matched:
            notes.extend(matched)
            withheld = _withheld(runs, numeral, whole, unsummed)
        given = _moved_totals(runs, withheld, len(texts), after, whole)
        if given:  # the runs the totals were taken from are shorter now: judge the rows again
            notes.extend(given)
            withheld = _withheld(runs, numeral, whole, unsummed)
        withheld.update(_longer_unvouched(runs, withheld, unsummed))
        notes.extend(_pinned_rows(runs, withheld, lambda: _loose_values(runs, len(texts), after), whole))
    rows: list[list[Piece]] = []
    for item in items:
        if not isinstance(item, _Run):
            rows.append(item)
        elif item.values:
            why = withheld.get(id(item), "")
            if why:
                shown = " ".join(word for word, _, _ in item.values[:10]) + (" …" if len(item.values) > 10 else "")
                following = f" after {item.label!r}" if item.label else ""
                notes.append((item.values[0][1], f"{len(item.values)} value(s) ({shown}){following} {why}"))
            else:
                rows.append(item.values)
    return rows, notes


def _pieced_labels(runs: list[_Run], items: list[list[Piece] | _Run], names_label: Callable[[str], bool]) -> None:
    """Name the runs of seven values meeting I1 after the last piece of a label printed across cells
    (``3．危及“三安`` / ``全一稳定”``, each a block of its own, no value between them), where the pieces
    together name a row of table 三: the row's cells then stand in the table's columns after its
    label's, the row's seven written in column order, as a named label's are (the rules for those
    hold them back where they are not). A piece with values of its own, or a run short or long of
    the columns, keeps the run unnamed (its cells do not line up); so does a run I1 cannot check (a
    null mark, or a report whose rows do not add up): pieces may be a label wrapped in a tall cell,
    whose row pdftotext writes its first columns last at times (held-out 6500: ``- 3 0 0 0 0 9``
    after 一、本年新收政府信息公开申请 / 数量, the row 0 9 - 3 0 0 0)."""
    for position, run in enumerate(runs):
        if run.named or run.orphaned or run.mixed or not _whole_row(run.values):
            continue
        text = run.text
        at = position
        while at > 0 and not runs[at - 1].values and not runs[at - 1].orphaned and runs[at - 1].text \
                and runs[at - 1].sheet == run.sheet and len(text) <= _LONGEST_LABEL:
            at -= 1
            text = runs[at].text + text
            if names_label(text):
                named = run._replace(named=True, label=text[:40], text=text)
                items[next(index for index, item in enumerate(items) if item is run)] = runs[position] = named
                break


def _group_label_values(runs: list[_Run]) -> list[Note]:
    """Give the values after a group label (三、本年度办理结果, （三）不予公开 …) to the row right after it,
    where that row's label holds none and the next text follows it: pdftotext writes the group's
    first row's cells before that row's label at times (the label's block sits lower in its cell).
    Seven at most (a row's), none sharing a block with another cell; a note says so."""
    found = _edition_of(runs)
    if found is None:
        return []
    labels = found[0]
    notes: list[Note] = []
    for position in range(len(runs) - 2):
        group, row = runs[position], runs[position + 1]
        if (not 0 < len(group.values) <= _APPLICATION_COLUMNS or group.mixed or group.orphaned or row.values
                or row.orphaned or not row.label or not runs[position + 2].label
                or not _terminal(labels, group.text).endswith("_group")):
            continue
        key = _terminal(labels, row.text)
        if not key or key.endswith("_group"):
            continue
        row.values.extend(group.values)
        group.values.clear()
        notes.append((row.values[0][1], f"{len(row.values)} value(s) after the group label {group.label!r} given to "
                                        f"{row.label!r}, whose label pdftotext writes after its cells at times: no "
                                        "value follows that label before the next"))
    return notes


def _review_groups(blocks: list[_Block], texts: list[str], after: Callable[[], list[str]] | None = None
                   ) -> list[tuple[list[Piece], list[Piece]]]:
    """Table 四's groups pdftotext writes in an order of their own, each (its label's pieces, its
    five values), where the text tells them; else none.

    Where the section's last block runs on into the next section's heading (no blank line between),
    it holds 行政复议's five values stacked a line or two each (after the header's words where
    the header is one block too, before a value of the next group at times). Before it, after
    the header, 未经复议直接起诉's five cells may stand a block each. 复议后起诉's come after the
    next heading (``after``: the lines after the section), a block each, whether or not that block
    runs on, its total at times the first value closing the document (the last page's moved
    blocks). Where the stacked block holds the section's only values and more than five, the
    columns run on in order: the stack's values after 行政复议's five are 未经复议直接起诉's first,
    the values after the heading its others, then 复议后起诉's (``_spilled_group``). Each group is
    read only where its five values are counts whose total is the sum of the four (I3; a moved
    total, other than 0)."""
    groups, spill, odd, lead = _stacked_groups(blocks, texts)
    if after is None:
        return groups
    lines = after()
    values = _heading_values(lines, len(texts))
    if odd:
        return groups + _paired_groups(blocks, odd, values)
    if spill:
        taken = _APPLICATION_COLUMNS - 2 - len(spill)  # 未经复议直接起诉's values after the heading
        if len(values) < taken or not _outcomes([*spill, *values[:taken]]):
            return groups
        groups.append((_named(blocks, 1, spill), [*spill, *values[:taken]]))
        values = values[taken:]
    running = bool(blocks) and bool(blocks[-1].values) and blocks[-1].last == len(texts) - 1
    if running and not groups:
        return groups  # a block runs on into the heading, not 行政复议's five: its row's left-hand columns
        # (left of a wrapped number) are written after the heading at times, among 复议后起诉's (wrapped-numbers 9910)
    moved = _after_heading([*lead, *values], lines, len(texts))
    if moved is not None and _outcomes(moved):
        groups.append((_named(blocks, 2, moved), moved))
    return groups


def _groups_in_order(blocks: list[_Block], runs: list[_Run]) -> list[tuple[list[Piece], list[Piece]]]:
    """Table 四's three groups read in the order written, where pdftotext read its header across the
    columns (a line of several columns' words: ``结果 结果 其他 尚未``), all fifteen values stand in the
    section after the header, a block each (a header word such as 总计 among them at times), and each
    group's five meet I3; else none.

    Where the header's words of several columns share a line, pdftotext took the table's columns as one
    flow, and the row of values under them, one line high, is written left to right (real hzq 2024:
    ``1`` ``1`` ``0`` ``0`` ``2`` ``1`` … ``总计`` ``3``). Where it cuts the columns into flows of their own
    (each header word a block), the groups come swapped: those are left to ``_review_groups``."""
    across = any(len(block.texts) > 1 and len({offset for _, offset, _ in block.texts}) < len(block.texts)
                 and all(len(word) <= 2 for word, _, _ in block.texts) for block in blocks)
    values = [piece for run in runs for piece in run.values]
    if not across or len(values) != 15 or any(run.orphaned or run.mixed for run in runs if run.values):
        return []
    groups: list[tuple[list[Piece], list[Piece]]] = []
    for index in range(3):
        found = _group_label(blocks, index)
        five = values[5 * index:5 * index + 5]
        if found is None or not _outcomes(five):
            return []
        groups.append((found, five))
    return groups


def _wrapped_groups(blocks: list[_Block], runs: list[_Run], texts: list[str],
                    after: Callable[[], list[str]] | None = None
                    ) -> tuple[list[tuple[list[Piece], list[Piece]]], list[Piece]]:
    """Table 四's three groups read in the order written where its row is more than one line high
    (numbers wrapped in its narrow cells), and the pieces read; else none.

    pdftotext writes such a row's cells a block each, left to right, in the section (header words
    between at times); a wrapped number's head and tail stand on lines of their own in one block,
    the cells right of it (one line high, centred in the row) on the lines between: ``14769`` / ``0``
    / ``6`` for 147696 0, ``162,0 227,1`` / ``23`` / ``97`` / ``74`` for 162,097 227,174 23 (seen on
    pdftotext -bbox-layout of the generated PDFs: heads and tails of one cell share its x; a head's
    right-hand neighbours join its block, never a cell left of it). Each block is read as written,
    or with its first values as heads joined to as many tails closing it (``_block_readings``); read
    only where every cell is in the section (no value after a page break, none in a block with text
    but a header's words above it (``总计`` / ``154,8`` / ``0`` / ``26``), no block running on into the next heading: a row one line high, whose blocks come in other
    orders), exactly one reading gives fifteen values, it joins a wrapped number (the row is taller than
    a line: where it is not, the columns are flows of their own and the groups come swapped at times),
    and each group meets I3. The last column, right
    of the others at the page's edge, is a flow of its own at times, written at the page's end: where
    the section holds fourteen, 复议后起诉's total is looked for apart (``_last_column``; ``after``: the
    lines after the section). A group's label written elsewhere (the header's first column among other
    blocks at times) is named by the order."""
    if texts and texts[-1].strip() or any(run.orphaned and run.values for run in runs):
        return [], []
    found = [block for block in blocks if block.values]
    if not found or any(block.texts and block.texts[-1][1] >= block.values[0][1] for block in found):
        return [], []
    options = [_block_readings(block) for block in found]
    size = 1
    for option in options:
        size *= len(option)
    if size > _MAX_READINGS:
        return [], []
    readings: list[list[Piece]] = [[]]
    for option in options:
        readings = [[*reading, *choice] for reading in readings for choice in option]
    if after is not None and any(len(reading) == 14 for reading in readings):
        readings += [[*reading, *last] for last in _last_column(after(), len(texts))
                     for reading in readings if len(reading) == 14]
    fitting = {tuple(_counts(reading) or []): reading for reading in readings
               if len(reading) == 15 and all(_outcomes(reading[at:at + 5]) for at in (0, 5, 10))}
    chosen = [piece for reading in fitting.values() for piece in reading]
    lines = [*texts, *(after() if after is not None and any(piece[1] >= len(texts) for piece in chosen) else [])]
    if not any(_joined_piece(piece, lines) for piece in chosen):
        return [], []  # no number wrapped: a row one line high, whose cells pdftotext writes in other orders
    if len(fitting) != 1:
        return [], []
    values = next(iter(fitting.values()))
    groups: list[tuple[list[Piece], list[Piece]]] = []
    for group in range(3):
        five = values[5 * group:5 * group + 5]
        # a label written elsewhere (the header's first column among other blocks at times): named by the order
        groups.append((_named(blocks, group, five), five))
    return groups, [*(piece for block in found for piece in block.values), *values]


def _wrapped_stack_groups(blocks: list[_Block], texts: list[str], after: Callable[[], list[str]] | None
                          ) -> tuple[list[tuple[list[Piece], list[Piece]]], list[Piece]]:
    """Table 四's three groups where its numbers wrap and its left-hand columns run on into the next
    heading, and the pieces read; else none.

    The next heading stands under the table's first six columns; pdftotext writes those of them from
    the first wrapped number's on in one block with it (seen on pdftotext -bbox-layout of the generated
    wrapped-numbers and traditional-variants PDFs): the heads on lines of their own, the cells between and
    right of them (to the sixth column), then the tails (``10159`` / ``10161`` / ``21`` / ``0`` / ``4`` /
    ``5`` for 101594 21 101615 0). Before that block, the seventh to tenth columns a block each; after
    the heading, the columns left of the first wrapped number, then the eleventh to fourteenth, the
    last (the total of 复议后起诉) there too or closing the document or beside the next section's first
    text (``_last_column``); or, none before the block, the seventh on after the heading too (the committed
    2021-wrapped-numbers fixture: ``12423`` / ``12423`` / ``0`` … ``1`` / ``1``, then 23 0 0 23 8 0 82473 0
    after the heading, 82481 closing). Read only where exactly four single blocks (or none) stand before
    the block, no other value in the section, the block read with its first value a wrapped number's head, fifteen in all,
    one reading only, every group meeting I3."""
    if after is None or not blocks or not blocks[-1].values or blocks[-1].texts or blocks[-1].last != len(texts) - 1:
        return [], []
    stack = blocks[-1]
    last_text = max((at for at, block in enumerate(blocks) if block.texts), default=-1)
    singles = blocks[last_text + 1:-1]
    if (len(singles) not in (0, 4) or any(len(block.values) != 1 or block.first != block.last for block in singles)
            or any(block.values for block in blocks[:last_text + 1])):
        return [], []
    before = [block.values[0] for block in singles]
    lines = after()
    written = set(stack.values)
    last = _last_column(lines, len(texts))
    found: dict[tuple[int, ...], list[Piece]] = {}
    for heading in _heading_readings(lines, len(texts)):
        for reading in _block_readings(stack):
            left = 6 - len(reading)  # the columns left of the first wrapped number, written after the heading
            if reading[0] in written or not 0 <= left <= len(heading):
                continue  # the block read as written, or too long: not a wrapped number's columns
            rest = heading[left:]
            wanted = 15 - left - len(reading) - len(before)
            ends = ([rest] if len(rest) == wanted else [[*rest, *extra] for extra in last] if len(rest) == wanted - 1
                    else [])
            for end in ends:
                values = [*heading[:left], *reading, *before, *end]
                if all(_outcomes(values[at:at + 5]) for at in (0, 5, 10)):
                    found[tuple(_counts(values) or [])] = values
    if len(found) > _MAX_READINGS:
        return [], []
    if len(found) != 1:
        return [], []
    values = next(iter(found.values()))
    groups = [(_named(blocks, group, values[5 * group:]), values[5 * group:5 * group + 5]) for group in range(3)]
    return groups, [*stack.values, *values]


def _heading_readings(lines: list[str], offset: int) -> list[list[Piece]]:
    """The values standing alone after the next section's heading (``_heading_values``) read as their
    paragraphs may be (``_block_readings``: a number wrapped in its cell, ``19794`` / ``0`` / ``8``), or
    none where the readings are more than ``_MAX_READINGS``."""
    paragraphs: list[list[Piece]] = [[]]
    for piece in _heading_values(lines, offset):
        if paragraphs[-1] and any(not lines[line - offset].strip() for line in range(paragraphs[-1][-1][1], piece[1])):
            paragraphs.append([])
        paragraphs[-1].append(piece)
    readings: list[list[Piece]] = [[]]
    for paragraph in paragraphs:
        options = _block_readings(_Block([], paragraph, 0, 0, False)) if paragraph else [[]]
        readings = [[*reading, *option] for reading in readings for option in options]
        if len(readings) > _MAX_READINGS:
            return []
    return readings


def _last_column(lines: list[str], offset: int) -> list[list[Piece]]:
    """Where the total of 复议后起诉 may stand apart from the values after the next heading (``lines``,
    the first the heading; pieces at ``offset`` plus their line): closing the document after its last
    page number (any value there, the last page's moved blocks, or their values as one number wrapped
    over two lines), or alone beside the next section's first text (``_total_beside_text``). A total
    is only taken where it is the sum of the group's four (I3), so which of them it is tells nothing
    the four do not."""
    closing = _closing_values(lines, offset)
    found = [reading for reading in _block_readings(_Block([], closing, 0, 0, False)) if len(reading) == 1]
    beside = _total_beside_text(lines, offset)
    return [*found, *([piece] for piece in closing), *([beside] if beside else [])]


def _block_readings(block: _Block) -> list[list[Piece]]:
    """A block of values read as written, and read with its first values as the heads of numbers
    wrapped in their cells (``_WRAPPED_HEAD`` digits or more, or cut in a group of thousands), each
    joined to one of as many values closing the block, a line each (their tails, in the heads'
    order); the values between are cells right of the first head, placed among the other heads in
    every way that keeps heads sharing a line together (neighbouring cells)."""
    values = block.values
    readings = [list(values)]
    if len({offset for _, offset, _ in values}) < 2:
        return readings
    for heads in range(1, len(values) // 2 + 1):
        if not _head(values[heads - 1]):
            break
        tails = values[len(values) - heads:]
        middles = values[heads:len(values) - heads]
        tail_lines = {offset for _, offset, _ in tails}
        if len(tail_lines) != heads or any(offset in tail_lines for _, offset, _ in values[:len(values) - heads]):
            continue
        joined = [_joined(head, tail) for head, tail in zip(values[:heads], tails)]
        chunks: list[list[Piece]] = []
        for number in joined:
            if number is None:
                break
            if chunks and chunks[-1][-1][1] == number[1]:
                chunks[-1].append(number)
            else:
                chunks.append([number])
        else:
            readings.extend(_merges(chunks, middles))
    return readings


def _joined_piece(piece: Piece, lines: list[str]) -> bool:
    """Whether a piece is a wrapped number's head and tail joined: not the text its line holds at its place."""
    word, offset, start = piece
    return offset >= len(lines) or lines[offset][start:start + len(word)] != word


def _head(piece: Piece) -> bool:
    word = piece[0]
    return _CUT_GROUP.fullmatch(word) is not None or word.isdigit() and len(word) >= _WRAPPED_HEAD


def _joined(head: Piece, tail: Piece) -> Piece | None:
    """A wrapped number's head and tail as one piece (at the head's place), or None where they make no count."""
    word, tail_word = head[0], tail[0]
    if not tail_word.isdigit() or len(tail_word) > 3:
        return None
    if not joins_whole(word, tail_word):
        return None
    return word + tail_word, head[1], head[2]


def _merges(chunks: list[list[Piece]], middles: list[Piece]) -> list[list[Piece]]:
    """Every order of the chunks and the middles keeping each's own order, the first chunk first."""
    return [[*chunks[0], *rest] for rest in _interleaved(chunks[1:], middles)]


def _interleaved(chunks: list[list[Piece]], middles: list[Piece]) -> list[list[Piece]]:
    if not chunks or not middles:
        return [[*(piece for chunk in chunks for piece in chunk), *middles]]
    return ([[*chunks[0], *rest] for rest in _interleaved(chunks[1:], middles)]
            + [[middles[0], *rest] for rest in _interleaved(chunks, middles[1:])])


def _named(blocks: list[_Block], group: int, values: list[Piece]) -> list[Piece]:
    """Table 四's group ``group``'s label (``_group_label``), or where it is written elsewhere (the header's
    first column among other blocks, or after the document's end at times) the group as the order names
    it, at its first value."""
    return _group_label(blocks, group) or [(_GROUPS[group][0], values[0][1], values[0][2])]


def _group_label(blocks: list[_Block], group: int) -> list[Piece] | None:
    """Table 四's group ``group`` (0 行政复议, 1 未经复议直接起诉, 2 复议后起诉): its label's block (the
    last alike), or where the header's words are blocks of a few (行政 / 复议 / 未经 …) the label at its
    full word or its first word there; else None."""
    label, word = _GROUPS[group]
    for block in reversed(blocks):
        if block.texts and _compact(block.texts) == label:
            return block.texts
    return _header_word(blocks, label, label) or _header_word(blocks, word, label)


def _paired_groups(blocks: list[_Block], odd: list[Piece], values: list[Piece]
                   ) -> list[tuple[list[Piece], list[Piece]]]:
    """未经复议直接起诉's and 复议后起诉's five values where pdftotext cut the table into flows of two
    columns (its header's words two a line: ``结果 其他`` / ``纠正 结果``): 未经复议直接起诉's first,
    third and fifth columns a block each before 行政复议's stack (``odd``), its second and fourth the
    first two values after the next heading (``values``), 复议后起诉's five after them in column order
    (held-out 7505: 0 / 5 / 28, the stack 29 0 0 21 50, then 23 0 5 21 9 0 35 after the heading).
    Read only where exactly seven stand there and both groups meet I3; else none."""
    if len(values) != 7:
        return []
    first = [odd[0], values[0], odd[1], values[1], odd[2]]
    if not _outcomes(first) or not _outcomes(values[2:]):
        return []
    return [(_named(blocks, 1, first), first), (_named(blocks, 2, values[2:]), values[2:])]


def _header_word(blocks: list[_Block], word: str, label: str) -> list[Piece] | None:
    """A group's label where the header's words are one block (行政 / 行政诉讼 / 复议 / 未经 …): the
    label at its first word there, or None."""
    return next(([(label, offset, start)] for block in blocks for text, offset, start in block.texts
                 if text == word), None)


def _stacked_groups(blocks: list[_Block], texts: list[str]
                    ) -> tuple[list[tuple[list[Piece], list[Piece]]], list[Piece], list[Piece], list[Piece]]:
    """行政复议's five values in the block running on into the next heading, and 未经复议直接起诉's
    in the five single blocks before it, each where it meets I3; else none. And the stack's values
    after its five where they are the section's only others, one to four (未经复议直接起诉's first,
    its others written after the next heading), else none. And the values of three single blocks
    before a stack of five (未经复议直接起诉's first, third and fifth columns: ``_paired_groups``),
    else none. And 复议后起诉's first value where the five single blocks before the stack hold six, the
    last two neighbours on one line (``1326 0``: 未经复议直接起诉's total and it), else none."""
    if not blocks or not blocks[-1].values or any(text.strip() for text in texts[blocks[-1].last + 1:]):
        return [], [], [], []
    stack = blocks[-1]
    if stack.last != len(texts) - 1:
        return [], [], [], []  # a blank line between it and the next heading
    first_five = stack.values[:5]
    if len({offset for _, offset, _ in first_five}) < 2 or not _outcomes(first_five):
        return [], [], [], []
    groups = [(_named(blocks, 0, first_five), first_five)]
    last_text = max((at for at, block in enumerate(blocks[:-1]) if block.texts), default=-1)
    singles = blocks[last_text + 1:-1] if not stack.texts and last_text >= 0 else []
    if (len(singles) == 5 and all(len(block.values) == 1 and block.first == block.last for block in singles)
            and _outcomes([block.values[0] for block in singles])):
        groups.append((_named(blocks, 1, singles[0].values), [block.values[0] for block in singles]))
        return groups, [], [], []
    ahead = [piece for block in singles for piece in block.values]
    if (len(singles) == 5 and len(ahead) == 6 and len(singles[-1].values) == 2
            and all(block.first == block.last for block in singles) and _outcomes(ahead[:5])):
        groups.append((_named(blocks, 1, ahead), ahead[:5]))  # the last block two neighbours on a line: 未经复议直接起诉's total
        return groups, [], [], ahead[5:]  # and 复议后起诉's first
    if (len(singles) == 3 and len(stack.values) == 5
            and all(len(block.values) == 1 and block.first == block.last for block in singles)):
        return groups, [], [block.values[0] for block in singles], []
    spill = stack.values[5:]
    if not 0 < len(spill) < 5 or any(block.values for block in blocks[:-1]):
        return groups, [], [], []
    return groups, spill, [], []


def _heading_values(lines: list[str], offset: int) -> list[Piece]:
    """The values standing alone after the next section's heading (``lines``, the first the heading),
    up to the first text or form feed (pieces at ``offset`` plus their line). Lines of table 四's header
    words before them are passed over: pdftotext writes the right-hand columns' header cells there at
    times, above their values (``复议后起诉`` / ``结果`` / ``纠正`` … ``总计`` / ``23``)."""
    values: list[Piece] = []
    for index in range(1, len(lines)):
        if "\f" in lines[index]:
            break
        if not values and lines[index].split() and all(word in _REVIEW_HEADER for word in lines[index].split()):
            continue
        parts = _parts(lines[index], offset + index)
        if any(texts for texts, _ in parts):
            break
        values.extend(piece for _, line_values in parts for piece in line_values)
    return values


def _after_heading(values: list[Piece], lines: list[str], offset: int) -> list[Piece] | None:
    """复议后起诉's five values among those after the next section's heading (``values``; ``lines``,
    the first the heading): where five stand there; or the last
    four of them with the first value closing the document as their total, where it is their sum
    (other than 0): the values before them are other groups' cells pdftotext wrote there. Read
    only where the readings that meet I3 give one row: any four in order there are tried with
    the closing total, not only four in a row (a sum does not order its terms: where the first four
    meet I3 as well as the last four, the text does not say which are the group's; and another
    group's cell stands among the group's at times: ``0 26 0 25 28`` closing with 79 reads
    0 26 25 28 or 26 0 25 28, the 0s not told apart). Where exactly four stand there, their total
    may also be the value alone after the heading's first text (``_total_beside_text``). None where a
    value there or closing may be the head of a number wrapped in its cell (``19794`` / ``0`` / ``8`` for
    197948 0: the head and the closing head meet I3 with the zeros, held-out wrapped-numbers 9511 read
    19794 as 197948 so)."""
    if len(_heading_readings(lines, offset)) != 1:
        return None  # a paragraph there may hold a wrapped number
    closing = _closing_values(lines, offset)
    totals = [[piece] for at, piece in enumerate(closing)  # a head whose tail is on the next line is no total
              if not (_head(piece) and at + 1 < len(closing) and closing[at + 1][1] == piece[1] + 1)]
    readings = [values] if len(values) == 5 and _outcomes(values) else []
    if 4 <= len(values) <= _MAX_HEADING_VALUES:
        numbers = [_count(piece) for piece in values]
        counted = [index for index, number in enumerate(numbers) if number is not None]
        # the first value closing the document; where exactly four stand there (the sum then a number the
        # four fix), any value closing it, or the value beside the next section's first text
        if len(values) > 4:
            apart = totals[:1] if totals and totals[0][0] == closing[0] else []
        else:
            apart = [*totals, _total_beside_text(lines, offset)]
        for total_piece in apart:
            total = _counts(total_piece)
            for chosen in combinations(counted, 4):  # any four in order may be the group's: I3 tells which
                if total and sum(numbers[index] or 0 for index in chosen) == total[0] != 0:
                    readings.append([values[index] for index in chosen] + total_piece)
    distinct = {tuple(_counts(reading) or []) for reading in readings}
    return readings[-1] if len(distinct) == 1 else None


def _total_beside_text(lines: list[str], offset: int) -> list[Piece]:
    """The value alone in the paragraph right after the first text after the next section's heading
    (``lines``, the first the heading; a piece at ``offset`` plus its line), or none.

    Table 四's row of values is one line high; 复议后起诉's total, the table's last column, stands
    right of the others at the page's edge, a flow of its own, and pdftotext writes it after the block
    under the row's left-hand cells: the next section's first text (``0 0 322 0`` / ``（一）存在的主要问题``
    / ``322``, seen on pdftotext -bbox-layout of the generated PDFs: x 522 beside x 394-496)."""
    index = 1
    while index < len(lines) and not any(texts for texts, _ in _parts(lines[index], 0)):
        index += 1  # the values after the heading
    while index < len(lines) and lines[index].strip():
        index += 1  # the first text's paragraph
    if index + 2 >= len(lines) or lines[index + 1].strip() == "" or lines[index + 2].strip():
        return []  # one blank line, then a paragraph of one line
    if any("\f" in line for line in lines[:index + 3]):
        return []
    parts = _parts(lines[index + 1], offset + index + 1)
    return parts[0][1] if len(parts) == 1 and not parts[0][0] and len(parts[0][1]) == 1 else []


def _compact(pieces: list[Piece]) -> str:
    return "".join(word for word, _, _ in pieces).replace(" ", "")


def _outcomes(values: list[Piece]) -> bool:
    """Whether values are one group of table 四: five counts, the last the sum of the four (I3)."""
    numbers = _counts(values)
    return numbers is not None and len(numbers) == 5 and sum(numbers[:4]) == numbers[4]


def _given_groups(groups: list[tuple[list[Piece], list[Piece]]], runs: list[_Run], used: list[Piece] | None = None
                  ) -> tuple[list[list[Piece]], list[Note]]:
    """Table 四's rows, each group's label then its values, and a note on the values given to none
    (``used``: pieces read into a group's values otherwise, the tails of wrapped numbers)."""
    rows: list[list[Piece]] = []
    given: set[tuple[int, int]] = {(offset, start) for _, offset, start in used or []}
    for label, values in groups:
        rows.extend([label, values])
        given.update((offset, start) for _, offset, start in values)
    notes: list[Note] = []
    for run in runs:
        left = [piece for piece in run.values if (piece[1], piece[2]) not in given]
        if left:
            shown = " ".join(word for word, _, _ in left[:10]) + (" …" if len(left) > 10 else "")
            notes.append((left[0][1], f"{len(left)} value(s) ({shown}) are table 四's numbers that pdftotext "
                                      "writes out of column order; given to no group"))
    return rows, notes


def _one_column_blocks(runs: list[_Run], items: list[list[Piece] | _Run]) -> list[Note]:
    """Give the rows of a block of table 二 with one column (本年处理决定数量, 本年收费金额) its values
    in order, where they are as many as its rows, and say so.

    pdftotext writes such a block's values top to bottom and its labels top to bottom, but a value
    may share a block with the header above it (``本年处理决定数量`` / ``550`` before 行政许可) or with
    the next caption below it (``195`` / ``第二十条第（八）项``), as the cells stand close (seen on real
    reports). One column: the values in order are the rows' in order, whichever text they follow."""
    from .model import ActiveDisclosure, rows_of
    from .pipeline import labels_for

    labels = labels_for("active_disclosure_2021")  # the edition whose blocks have one column
    keys = {key for key, _ in rows_of(ActiveDisclosure)}
    notes: list[Note] = []
    starts = [at for at, run in enumerate(runs) if run.caption] + [len(runs)]
    for start, stop in zip(starts, starts[1:]):
        block = runs[start:stop]
        names = [_terminal(labels, run.text) for run in block[1:]]  # the caption's own text aside
        rows = [start + 1 + at for at, name in enumerate(names) if name in keys]
        heads = {name for name in names if name not in keys}
        values = [piece for run in block for piece in run.values]
        if (not rows or not heads & _ONE_COLUMN_HEADS or not heads <= {"info_content", *_ONE_COLUMN_HEADS}
                or len(values) != len(rows)
                or any(run.orphaned for run in block) or _counts(values) is None and len(rows) > 1
                or all(len(runs[at].values) == 1 and not runs[at].mixed for at in rows)):
            continue
        for run in block:
            run.values.clear()
        for at, value in zip(rows, values):
            run = runs[at]._replace(mixed=False)
            run.values.append(value)
            where = next(index for index, item in enumerate(items) if item is runs[at])  # not ==: runs alike
            items[where] = runs[at] = run
        notes.append((values[0][1], f"{len(values)} value(s) ({' '.join(word for word, _, _ in values)}) of a block of "
                                    "one column given to its rows in order: pdftotext writes them top to bottom, "
                                    "at times in a block with the header above or the caption below"))
    return notes


def _split_before_joined(runs: list[_Run]) -> list[Note]:
    """Give back the values two rows of a block of table 二 hold each other's.

    The last row of a block (其他对外管理服务事项 under 第二十条第（五）项, 行政规范性文件 under
    第二十条第（一）项) shares its first value's block with its label, and pdftotext writes the
    rows' other cells apart from it: either after the row above's (2c - 1 values after the row
    above, one on the label's line), or the row above's after that block, then its own (one value
    after the row above, then the label's line and 2c - 2 more). Then the next block's caption.
    The rows of a block share their columns (c each), so each row takes back its own (a note
    says so)."""
    notes: list[Note] = []
    for position in range(len(runs) - 2):
        run, after, caption = runs[position], runs[position + 1], runs[position + 2]
        count = len(run.values) + len(after.values)
        if (count < 4 or count % 2 or not after.joined or not caption.caption or run.caption or run.orphaned
                or run.mixed or after.mixed or not run.named or not after.named
                or 1 not in (len(run.values), len(after.values))):
            continue
        columns = count // 2
        if len(after.values) == 1:  # 2c - 1, then the label's line
            above, below = run.values[:columns], [*after.values, *run.values[columns:]]
        else:  # one, then the label's line, the row above's c - 1, the row's own c - 1
            above = [*run.values, *after.values[1:columns]]
            below = [after.values[0], *after.values[columns:]]
        if len(above) != columns or len(below) != columns:
            continue
        run.values[:], after.values[:] = above, below
        notes.append((below[0][1], f"the values of {run.label!r} and {after.label!r} taken back row by row: pdftotext "
                                   "writes the label of a block's last row with its first value apart from their other "
                                   "cells (the rows of a block share their columns)"))
    return notes


def _split_before_wrapped(runs: list[_Run]) -> list[Note]:
    """Give back the six values a wrapped label's row lent the group-first row above it.

    A label wrapped in its cell (（二）部分公开（区分处理的，只计这一 / 情形，不计其他情形）) is one
    block with the row's first value on its first line, and pdftotext writes it after the row's
    other six cells, which then follow the group-first row's six (its total moved to the page's
    end): twelve values after （一）予以公开, one after （二）. The last six go back to the row
    after, behind the value on its label's line, where that row then meets I1 (a note says so)."""
    notes: list[Note] = []
    for position in range(len(runs) - 1):
        run, after = runs[position], runs[position + 1]
        if (len(run.values) != 2 * (_APPLICATION_COLUMNS - 1) or len(after.values) != 1 or not after.joined
                or run.mixed or after.mixed or not _group_first(runs, position)):
            continue
        lent = [*after.values, *run.values[_APPLICATION_COLUMNS - 1:]]
        numbers = _counts(lent)
        if numbers is None or _counts(run.values) is None or sum(numbers[:-1]) != numbers[-1]:
            continue
        del run.values[_APPLICATION_COLUMNS - 1:]
        after.values[:] = lent
        notes.append((lent[1][1], f"the last six of twelve values after {run.label!r} given to {after.label!r}, "
                                  "whose wrapped label pdftotext writes after them: the row then meets I1"))
    return notes


def _withheld(runs: list[_Run], numeral: str, whole: Callable[[], bool] = lambda: False,
              unsummed: Callable[[], bool] = lambda: False) -> dict[int, str]:
    """Why each run of values is given to no row (by id), for those that are. ``whole``: whether
    every cell of the report's tables is printed (``_printed_whole``): no blank cell to guard against.
    ``unsummed``: whether the report's rows of table 三 break I1 throughout (``_rows_unsummed``): a
    run breaking it tells nothing of its order."""
    why: dict[int, str] = {}
    last = max((position for position, run in enumerate(runs) if run.values and not run.orphaned), default=-1)
    for position, run in enumerate(runs):
        if not run.values:
            continue
        if run.orphaned:
            why[id(run)] = ("stand after a page break before any label: blocks pdftotext moved away from their "
                            "rows (a page's right-hand columns are written after its footer); given to no row")
        elif numeral == "四":
            why[id(run)] = ("are table 四's numbers, which pdftotext does not write in column order (groups "
                            "swapped, some among table 三's rows or after the table); given to no group")
        elif run.mixed:
            why[id(run)] = ("share a text block with another row's cell (values stacked over lines, or with "
                            "a header's piece): some are that row's; that row's cells are null")
        elif not run.named:
            why[id(run)] = ("follow a piece of a label printed across cells (the label is joined from text "
                            "blocks of its own, so the row's cells do not line up with the others'): their "
                            "columns are not known; that row's cells are null")
        elif numeral == "二" and _uneven_block(runs, position):
            why[id(run)] = (f"are not as many as those of {_uneven_block(runs, position)}, a row of the same "
                            "block: pdftotext moved values between the two; that row's cells are null")
        elif numeral != "三" or len(run.values) != _APPLICATION_COLUMNS:
            continue  # counted by the row stage: a row short or long of values is null there
        elif not _adds_up(run.values) and not unsummed():
            why[id(run)] = ("break I1 (the total is not the sum of the six): pdftotext wrote them out of "
                            "column order, or with another row's; that row's cells are null")
        elif _counts(run.values) is None and _before_wrapped(runs, position):
            why[id(run)] = ("are the row above a label wrapped around its first value (a tall cell), and I1 "
                            "cannot check their order (a null mark): "
                            "pdftotext writes that row's right-hand blocks out of column order at times (its "
                            "total first); that row's cells are null")
        elif _counts(run.values) is None and _group_first(runs, position) and _opens_joined(run):
            why[id(run)] = ("are a group's first row, whose right-hand columns pdftotext writes in a block of "
                            "their own, before its other cells at times (its first line holds two values), and "
                            "I1 cannot check their order (a null mark); that row's cells are null")
        elif _counts(run.values) is None and _long_before(runs, position):
            why[id(run)] = (f"are as many as the columns, but the row before ({_long_before(runs, position)}) "
                            "holds more values than the columns: pdftotext wrote this row's cells before its "
                            "label at times, so the values after it are another's, and I1 cannot check them "
                            "(a null mark); that row's cells are null")
        elif _after_lone_wrapped(runs, position):
            why[id(run)] = (f"follow {_after_lone_wrapped(runs, position)!r}, a label wrapped around its first "
                            "value with none of its other six after it: pdftotext writes those after the next "
                            "label at times, in place of that row's own (held-out 9512: （二）部分公开's six after "
                            "（一）予以公开, with （一）'s moved total), so whose these are is not known; that row's "
                            "cells are null")
        elif position == last:
            why[id(run)] = ("are the table's last row, which pdftotext writes out of column order at times "
                            "(no row under it orders its blocks); that row's cells are null")
        else:
            short = _short_before(runs, position)
            if short and not whole():
                why[id(run)] = (f"are as many as the columns, but the row before ({short}) is short of its "
                                "values, which pdftotext writes after the next row's own at times (a blank cell "
                                "then reads as another row's value); that row's cells are null")
    if numeral == "二" and why:
        # its rows trade values around a row that cannot be read (行 / 政许 / 可 then the next row's),
        # within the block of rows under one header (信息内容 …, the full row above them; a caption,
        # 第二十条第（五）项, is written among its block's rows at times: a tall cell beside them)
        block = [0]  # by run: the headers before it
        for run in runs:
            block.append(block[-1] + _opens_block(run))
        first: dict[int, _Run] = {}
        for position, run in enumerate(runs):
            if id(run) in why:
                first.setdefault(block[position + 1], run)
        for position, run in enumerate(runs):
            unread = first.get(block[position + 1])
            if run.values and id(run) not in why and unread is not None:
                why[id(run)] = (f"are in table 二, where the values after {unread.label!r} cannot be read: "
                                "pdftotext moves values between the rows under one header, so none of them is read")
    return why


def _longer_unvouched(runs: list[_Run], withheld: dict[int, str], unsummed: Callable[[], bool]) -> dict[int, str]:
    """Why each run of table 三 after a label, longer than a row still after the rules that take moved
    totals out of runs, is given to no row where I1 does not vouch for its first seven (a null mark, a
    report whose rows do not add up, or seven breaking it).

    The row stage would read such a run's first seven as the row's and, where the next row's label is
    not in the table, the rest as that row's. But pdftotext writes blocks standing right of the
    table's columns among a row's cells at times (held-out 9212, 9223, 9804: another row's moved total
    after the row's first value, the next row's label wrapped around its first value and written
    after the table), so neither the first seven nor the rest are known to be a row's."""
    why: dict[int, str] = {}
    for run in runs:
        if len(run.values) <= _APPLICATION_COLUMNS or run.orphaned or id(run) in withheld:
            continue
        first = run.values[:_APPLICATION_COLUMNS]
        if _counts(first) is not None and _adds_up(first) and not unsummed():
            continue
        why[id(run)] = ("are more than the columns, and I1 does not vouch for the first seven (a null mark, "
                        "a report whose rows do not add up, or seven breaking it): pdftotext writes blocks "
                        "of the right-hand columns among a row's cells at times (another row's moved total "
                        "after its first), so neither these seven nor the rest (the next row's, were its "
                        "label lost) are known; given to no row")
    return why


def _after_lone_wrapped(runs: list[_Run], position: int) -> str:
    """The label of the run before run ``position`` where it follows a label wrapped around its first
    value and holds that value only (its other six written elsewhere), or "". A run whose own label is
    wrapped around (or shares its line with) its first value is that row's: its label block holds it."""
    if position < 1 or runs[position].wraps or runs[position].joined:
        return ""
    before = runs[position - 1]
    return before.label if before.wraps and len(before.values) == 1 and not before.orphaned else ""


def _before_wrapped(runs: list[_Run], position: int) -> bool:
    """Whether the run after run ``position`` follows a label wrapped around its first value
    (``5．要求行政机关确认或重新出具已获取`` / ``0`` / ``信息``): a tall cell, beside which pdftotext
    writes the row above's blocks out of column order at times (held-out 9511: that row's total first)."""
    return position + 1 < len(runs) and runs[position + 1].wraps and not runs[position + 1].orphaned


def _rows_unsummed(runs: list[_Run]) -> bool:
    """Whether table 三's numbers do not add up in this report: of its runs of seven counts after a
    label (none moved, none sharing a block with another cell, not all 0), at least ``_UNSUMMED_ROWS``
    break I1 and ``_UNSUMMED_SHARE`` times as many as meet it (a row of a report's own figures meets it
    by chance at times).

    pdftotext writes a row's cells in column order where they all stand in the table's columns (the
    rows moved or held back are told by the rules of ``_withheld``); I1 is the check of that order
    where a report's rows add up. Where none does (a report's figures are its own: SPEC §5), a row
    breaking I1 says nothing of its order, and the rows are read by that order alone. A report
    whose rows add up breaks I1 in a row or two at most (a misordered run, a typing error), so it
    keeps the check."""
    meet = breaks = 0
    for run in runs:
        if run.orphaned or run.mixed or not run.label or len(run.values) != _APPLICATION_COLUMNS:
            continue
        numbers = _counts(run.values)
        if numbers is None or not any(numbers):
            continue
        if sum(numbers[:-1]) == numbers[-1]:
            meet += 1
        else:
            breaks += 1
    return breaks >= _UNSUMMED_ROWS and meet * _UNSUMMED_SHARE <= breaks


def _opens_joined(run: _Run) -> bool:
    """Whether a run's first line, apart from its label's, holds more than one of its values."""
    first = run.values[0][1]
    return not run.joined and sum(line == first for _, line, _ in run.values) > 1


def _label_names(numeral: str) -> Callable[[str], bool]:
    """Whether a text names a label of table ``numeral`` on its own, in either edition (as the
    lexer reads labels: written otherwise, with an annotation, a near miss)."""
    from .pipeline import labels_for  # the stages after this one, imported when it runs
    from .tables import TABLES

    grammars = sorted({name for spec in TABLES if spec.numeral == numeral for name in spec.grammars.values()})
    tables = [labels_for(name) for name in grammars]

    def names(text: str) -> bool:
        return any(labels.lookup(text) is not None or labels.variant(labels.info(text), text) is not None
                   for labels in tables)
    return names


def _uneven_block(runs: list[_Run], position: int) -> str:
    """The row next to run ``position`` in its block of table 二 (the rows under one caption and
    header share their columns) that holds another number of values, or "". A block ends at the
    next caption or header (信息内容 …): pdftotext writes a caption late at times (第二十条第（八）项
    after the next block's rows, a tall cell beside them), never a header."""
    count = len(runs[position].values)
    for step in (-1, 1):
        at = position
        while True:
            if step < 0 and (runs[at].caption or _opens_block(runs[at])):
                break  # the run follows the block's caption or header: no row of the block before it
            at += step
            if not 0 <= at < len(runs) or runs[at].orphaned or step > 0 and (runs[at].caption
                                                                             or _opens_block(runs[at])):
                break
            if runs[at].values:
                if len(runs[at].values) != count:
                    return f"{runs[at].label!r} ({len(runs[at].values)} values)"
                break
    return ""


def _opens_block(run: _Run) -> bool:
    """Whether the text a run follows holds the header over a block of table 二's rows (信息内容 …)."""
    return any(header in run.text.replace(" ", "") for header in _HEADER_OPENS)


def _long_before(runs: list[_Run], position: int) -> str:
    """The row before run ``position`` on its page (runs with no values, group labels and headers,
    passed over) when it holds more values than table 三's seven columns, or "": the values of the
    row at ``position`` written before its label (held-out 7507: 0 24 16 24 20 15 22 20 0 0 0 20
    after （一）予以公开, （二）'s six among them, the values after （二）'s label table 四's)."""
    run = runs[position]
    for before in reversed(runs[:position]):
        if before.orphaned or before.sheet != run.sheet:
            return ""
        if before.values:
            count = len(before.values)
            return f"{before.label!r}, {count} values" if count > _APPLICATION_COLUMNS else ""
    return ""


def _short_before(runs: list[_Run], position: int) -> str:
    """The row before run ``position`` on its page (group labels and headers, with no values, passed
    over) when it holds fewer values than table 三's seven columns, or "". A row short of one
    value right under a group label is not counted: it is the group's first row, printed one column
    right of the others, whose last column pdftotext writes at the page's end. Where I1 cannot
    check the row at ``position`` (a null mark among its values), only a row numbered first in its
    group (（一）…, 1．…) is so, or values after a piece of a label (the row's values are split among
    its pieces' runs, not short): the first row after the header (一、本年新收…) may have lent its
    last column to the rows after it, and one row of seven counts breaking I1 between the two (it
    holds another row's value, or its own out of order) is passed over, up to a row named by its
    label (values after a label's piece are not a row's count)."""
    checked = _counts(runs[position].values) is not None
    passed = False  # a row breaking I1 passed over
    at = position - 1
    while True:
        while at >= 0 and not runs[at].values and not runs[at].orphaned:
            at -= 1
        if at < 0 or runs[at].orphaned or runs[at].sheet != runs[position].sheet:
            return ""
        if checked or passed or _counts(runs[at].values) is None or _adds_up(runs[at].values):
            break
        at -= 1
        passed = True
    before = runs[at]
    count = len(before.values)
    if count == _APPLICATION_COLUMNS and not passed and _counts(before.values) is not None and _adds_up(before.values):
        return _first_short_above(runs, at)
    if count >= _APPLICATION_COLUMNS or passed and not before.named:
        return ""
    if count == _APPLICATION_COLUMNS - 1 and _group_first(runs, at) and (
            checked or not before.named or _FIRST_OF_GROUP.match(before.label)):
        return ""
    return f"{before.label!r}, {count} values"


def _first_short_above(runs: list[_Run], position: int) -> str:
    """The row before run ``position`` on its page where it is a group's first row short of two or
    more values (a blank cell at most, then its right-hand blocks moved: pdftotext writes those after
    the next rows' values at times, not only at the page's end), or ""."""
    at = position - 1
    while at >= 0 and not runs[at].values and not runs[at].orphaned:
        at -= 1
    if at < 0 or runs[at].orphaned or runs[at].sheet != runs[position].sheet:
        return ""
    row = runs[at]
    if 0 < len(row.values) <= _APPLICATION_COLUMNS - 2 and row.named and not row.mixed and _group_first(runs, at):
        return f"{row.label!r} two rows above, {len(row.values)} values, the first row of its group"
    return ""


def _group_first(runs: list[_Run], position: int) -> bool:
    """Whether run ``position`` is the first row under a group label: after the label's own run (no
    values), or numbered first (1．…, （一）…; its group label, centred in a cell spanning the
    group's rows, may be written after it)."""
    if _FIRST_OF_GROUP.match(runs[position].label):
        return True
    return position > 0 and not runs[position - 1].values and not runs[position - 1].orphaned


def _adds_up(values: list[Piece]) -> bool:
    """Whether a run of seven counts meets I1. A run of another length, or with a value that is
    not a count (a null mark), is left to the row stage, which counts cells."""
    if len(values) != _APPLICATION_COLUMNS:
        return True
    numbers = []
    for word, _, _ in values:
        value = read_value(word)
        if value.kind is not Kind.NUMBER or value.number is None:
            return True
        numbers.append(value.number)
    return sum(numbers[:-1]) == numbers[-1]


def _moved_totals(runs: list[_Run], withheld: dict[int, str], offset: int,
                  after: Callable[[], list[str]] | None, whole: Callable[[], bool] = lambda: False) -> list[Note]:
    """Give table 三's rows the totals pdftotext moved to their page's end, and say so.

    The first row under a group label (（一）予以公开 under 三、本年度办理结果, 1．属于国家秘密
    under （三）不予公开, …) comes with its first six values only: its total stands right of the
    group label's tall cell, and pdftotext writes that block after the page's footer, the page's
    last such blocks in row order.
    So on each page the rows holding six counts take the last values written after its footer,
    one each in order, where every one of them equals its row's sum (I1): one placement, checked
    by an identity; or, where those do not fit, values among all written after its footer, in row
    order, each its row's sum, where one such match only is (``_in_row_order``: blocks of other
    columns stand between them at times). Where neither is, none is given;
    a row next to a short or long row on its page (values moved between rows there: a blank cell
    leaves no trace) keeps its place and is given none: such rows stay short, null in the row stage,
    unless every cell of the report's tables is printed (``whole``)."""
    firsts: dict[int, list[int]] = {}  # by page: positions of group-first rows holding six counts
    groups: dict[int, list[int]] = {}  # by page: positions of all its group-first rows
    unsure: set[int] = set()  # positions of the other rows not holding seven values
    late: dict[int, int] = {}  # by page: the position of a group label written after its first row, with values
    grouped_other = any("逾期不补正" in run.label for run in runs)  # （六）其他处理 a group (the 2021 edition)
    for position, run in enumerate(runs):
        if run.orphaned or not run.values:
            continue
        if _GROUP_LABEL.match(run.label) and (grouped_other or not run.label.startswith(("（六）", "(六)")))\
                and _counts(run.values) is not None and run.sheet not in late:
            late[run.sheet] = position
            continue
        six = (len(run.values) == _APPLICATION_COLUMNS - 1 and id(run) not in withheld and not run.mixed
               and _counts(run.values) is not None)
        first = _group_first(runs, position)
        if first:
            groups.setdefault(run.sheet, []).append(position)
        if six and first:
            firsts.setdefault(run.sheet, []).append(position)
        elif run.mixed or id(run) in withheld or len(run.values) != _APPLICATION_COLUMNS:
            unsure.add(position)
    holding = [at for at, run in enumerate(runs) if run.values and not run.orphaned]
    sixes = {sheet: list(positions) for sheet, positions in firsts.items()}
    # a group label written late whose values are not the totals of the page's group-first rows above it
    # holds rows' cells written apart (blocks isolated by blank cells, moved between rows there)
    strays = set()
    for sheet, position in late.items():
        above = [at for at in sixes.get(sheet, []) if at < position]
        if not _late_totals(runs, position, above, above, whole):
            strays.add(position)
    for sheet in list(firsts):
        # a row next to it short or long of values tells that values moved between rows there
        # (a blank cell leaves no trace): it keeps its place among the moved totals, given none
        firsts[sheet] = [at for at in firsts[sheet] if not _beside(runs, holding, at, unsure) or whole()]
        if not firsts[sheet]:
            del firsts[sheet]
    shorts: dict[int, list[int]] = {}  # by page: rows holding one to five counts, their others moved
    for position in holding:
        run = runs[position]
        if (0 < len(run.values) < _APPLICATION_COLUMNS - 1 and not run.mixed and id(run) not in withheld
                and position not in late.values() and _counts(run.values) is not None):
            shorts.setdefault(run.sheet, []).append(position)
    if not firsts and not shorts:
        return []
    moved: dict[int, list[tuple[int, int]]] = {}  # by page: (position, index) of the values after its footer
    for position, run in enumerate(runs):
        if run.orphaned:
            moved.setdefault(run.sheet, []).extend((position, index) for index in range(len(run.values)))
    last_sheet = max(run.sheet for run in runs)
    closing = (_closing_values(after(), offset) if after is not None and (last_sheet in firsts or last_sheet in shorts)
               else [])
    notes: list[Note] = []
    taken: set[tuple[int, int]] = set()  # (position, index) of values written after a footer, given to rows

    def give(placed: list[tuple[int, tuple[Piece, tuple[int, int]]]], where: str) -> None:
        for position, (piece, place) in placed:
            runs[position].values.append(piece)
            taken.add(place)
            notes.append((piece[1], f"total {piece[0]} written after {where} given to {runs[position].label!r}, "
                                    "whose total pdftotext moves there: the one placement where each such row's "
                                    "total is the sum of its six (I1)"))

    for sheet in sorted(set(firsts) | set(shorts)):
        pool = [(runs[at].values[index], (at, index)) for at, index in moved.get(sheet, [])]
        if sheet == last_sheet:
            pool.extend((piece, (-1, index)) for index, piece in enumerate(closing))
        positions = firsts.get(sheet, [])
        if sheet in late and positions:
            # a group label written after its first row (（六）其他处理, centred in its tall cell) is
            # followed by the totals of the page's group-first rows above it, in row order
            after_label = _late_totals(runs, late[sheet], [at for at in sixes[sheet] if at < late[sheet]],
                                       [at for at in positions if at < late[sheet]], whole)
            if after_label:
                give(after_label, f"the group label {runs[late[sheet]].label!r}")
                positions = [at for at in positions if at > late[sheet]]
        # the page's other group-first rows may have had their totals moved there too: then
        # they hold places among the last values, given to none
        if positions:
            kept = set(positions)
            slots = [at for at in sixes[sheet] if at in kept or at > late.get(sheet, -1)]
            placed = (_placed(runs, slots, positions, pool) or _placed(runs, groups[sheet], positions, pool)
                      or _in_row_order(runs, slots, positions, pool, whole))
            if placed and not whole():
                # a group's first row below a row of six zeros, holding neither six counts nor seven
                # meeting I1 (its run runs on into the next row's cells) and its first six not other
                # than 0, may have had its total, a 0, moved there too, a place not counted: a 0 then
                # checks nothing (the row's total may be blank, the 0 that other row's), so it is
                # given only where no cell is blank
                running_on = [at for at in groups[sheet] if at not in sixes[sheet]
                              and _FIRST_OF_GROUP.match(runs[at].label) and not _whole_row(runs[at].values)
                              and not any(_counts(runs[at].values[:6]) or [])]
                placed = [(at, moved) for at, moved in placed
                          if _counts([moved[0]]) != [0] or not any(later > at for later in running_on)]
            if placed and strays and not whole():
                # a row of six zeros next to such cells may hold one of them, its own first cell blank:
                # a 0 then checks nothing (I1 holds for it whatever 0 completes it)
                placed = [(at, moved) for at, moved in placed if _counts([moved[0]]) != [0]
                          or any(_counts(runs[at].values) or []) or not _beside(runs, holding, at, strays)]
            give(placed or [], "the page's footer")
        if holding and runs[holding[-1]].sheet == sheet and len(runs[holding[-1]].values) != _APPLICATION_COLUMNS:
            # the table's last row, not read as it stands: lines of other rows' cells stand among its own
            final = holding[-1]
            pool = pool + [(piece, (final, index)) for index, piece in enumerate(runs[final].values)]
        for position in shorts.get(sheet, [])[:_MAX_SHORT_ROWS]:  # a page of the table holds a few
            if position == holding[-1]:
                continue
            window = _tail_window(runs[position].values, [item for item in pool if item[1] not in taken])
            if window:
                for piece, place in window:
                    runs[position].values.append(piece)
                    taken.add(place)
                notes.append((window[0][0][1], f"{len(window)} value(s) written apart (after the page's footer, or "
                                               f"among the table's last row's) given to {runs[position].label!r} as "
                                               "its last columns: the one line of them after which the row meets I1"))
    for position, run in enumerate(runs):
        if any((position, index) in taken for index in range(len(run.values))):
            run.values[:] = [piece for index, piece in enumerate(run.values) if (position, index) not in taken]
    return notes


def _in_row_order(runs: list[_Run], slots: list[int], positions: list[int], pool: list[tuple[Piece, tuple[int, int]]],
                  whole: Callable[[], bool]) -> list[tuple[int, tuple[Piece, tuple[int, int]]]] | None:
    """The rows at ``slots`` matched with values of the pool in row order, other values between them, each
    its row's sum (I1), and those at ``positions`` given theirs; None where no one such match is.

    The group-first rows' totals stand in a column right of the table's others, each a block of its own,
    and pdftotext writes them after the page's footer top to bottom, with blocks of other columns cut off
    by a wide neighbour (``45 184398 80 184809``) between them at times. A row of six zeros is matched only
    where no cell may be blank (``whole``): any 0 there meets I1 for it."""
    wanted = []
    for position in slots:
        numbers = _counts(runs[position].values)
        if numbers is None:
            return None
        if sum(numbers) or whole():
            wanted.append((position, sum(numbers)))
    written = [_count(piece) for piece, _ in pool]
    first: list[int] = []  # the earliest place of each wanted total, in order
    for _, total in wanted:
        start = first[-1] + 1 if first else 0
        found = next((at for at in range(start, len(written)) if written[at] == total), None)
        if found is None:
            return None
        first.append(found)
    last: list[int] = []  # the latest, from the end
    for _, total in reversed(wanted):
        end = last[-1] if last else len(written)
        found = next((at for at in range(end - 1, -1, -1) if written[at] == total), None)
        if found is None:
            return None
        last.append(found)
    if not wanted or first != last[::-1]:
        return None
    kept = set(positions)
    return [(position, pool[at]) for (position, _), at in zip(wanted, first) if position in kept]


def _totals_among_run(runs: list[_Run]) -> list[Note]:
    """Give a page's group-first rows of six the totals written among a later group-first row's values,
    and say so.

    The group-first rows' totals stand in a column of their own, right of the table's others, a block
    each; pdftotext writes that column's blocks as one flow at times, after a later group-first row's
    six values and before its own total, which stands in that column too (``12 0 0 0 18 0`` then
    ``24`` / ``0`` / ``2`` / ``30``: the totals of 1．属于国家秘密, 1．本机关不掌握…, 1．信访举报… and
    1．申请人…逾期不补正's own). Read where that row holds its seven and one more for each group-first
    row of six above it on its page, all of them, each the sum of its row in row order (I1), the row's
    own first six and last meeting I1, not every one of these totals 0."""
    notes: list[Note] = []
    for position, run in enumerate(runs):
        extra = len(run.values) - _APPLICATION_COLUMNS
        if (extra < 1 or run.orphaned or run.mixed or not run.named or not _group_first(runs, position)
                or _counts(run.values) is None):
            continue
        above = [at for at in range(position) if runs[at].sheet == run.sheet and not runs[at].orphaned
                 and not runs[at].mixed and len(runs[at].values) == _APPLICATION_COLUMNS - 1
                 and _counts(runs[at].values) is not None and _group_first(runs, at)]
        numbers = _counts(run.values) or []
        own = numbers[:6] + numbers[-1:]
        sums = [sum(_counts(runs[at].values) or []) for at in above]
        if (len(above) != extra or numbers[6:-1] != sums or sum(own[:6]) != own[6]
                or not any(sums) and not own[6]):
            continue
        for at, piece in zip(above, run.values[6:-1]):
            runs[at].values.append(piece)
            notes.append((piece[1], f"total {piece[0]} written among the values of {run.label!r} given to "
                                    f"{runs[at].label!r}: pdftotext writes the group-first rows' column of totals "
                                    "as one flow at times; each is its row's sum (I1), in row order"))
        run.values[6:-1] = []
    return notes


def _late_totals(runs: list[_Run], late: int, above: list[int], positions: list[int], whole: Callable[[], bool]
                 ) -> list[tuple[int, tuple[Piece, tuple[int, int]]]]:
    """The values after the group label at ``late`` matched with the page's group-first rows of six ``above``
    it, one a row in order, and those at ``positions`` given theirs, where each is its row's sum (I1): the
    first of them (more may follow), or else found in row order among them, one match only
    (``_in_row_order``: another block, a row's moved total, may stand before them); else none. A row not
    given its total (beside a short row) keeps its place."""
    if not above:
        return []
    pool = [(piece, (late, index)) for index, piece in enumerate(runs[late].values)]
    placed = _placed(runs, above, positions, pool[:len(above)]) if len(above) <= len(pool) else None
    return placed or _in_row_order(runs, above, positions, pool, whole) or []


def _matched_totals(runs: list[_Run], withheld: dict[int, str], offset: int,
                    after: Callable[[], list[str]] | None, whole: Callable[[], bool] = lambda: False) -> list[Note]:
    """Give a page's rows of six counts the values written after its footer as their totals, where
    those values are exactly the rows' sums (I1), as many as the rows, each used once, and say so.

    pdftotext writes a page's blocks standing right of its table's column edges (the totals of the
    rows printed one column right of the others, a total column the page's blocks leave apart) after
    the page's footer, a flow for each column edge, top to bottom: not in row order across columns
    (``58`` / ``0 25``: carried_over's, partially_granted's, then granted's one column right). So the
    values are matched to rows by I1, not by order: each row's total is the sum of its six, and the
    values after the footer are exactly those sums (no value left over, none missing). Rows with equal
    sums take equal values, so which block each takes does not change a number. Only where each other
    run of the page holds seven values or none (a row short of more, a run shared with another cell, a
    label in pieces: a blank cell may stand there unseen, and a moved 0 fill it) and none is held back
    but for its place (a run of seven breaking I1 holds another row's value at times: held-out 6103's
    last row ``0 0 0 0 0 18 0``, its 18 closing the document as another row's sum), and no row of six
    may be its first five and its total (``_five_and_total``); the last page's moved blocks close the
    document (``after``). Where a tall cell (a wrapped label) holds the page's moved blocks back, they
    stand among the values of a later row, longer than a row by as many (``_held_totals``), the page
    then with nothing after its footer. A row of six zeros is matched only where no cell may be blank
    (``whole``): any 0 meets I1 there, and another table's 0 written after the footer (table 四's blocks
    land there at times) would stand for its blank total, the count of values fooled by it."""
    last_sheet = max((run.sheet for run in runs), default=0)
    closing: list[Piece] | None = None
    notes: list[Note] = []
    for sheet in sorted({run.sheet for run in runs}):
        rows = [run for run in runs if run.sheet == sheet and not run.orphaned and run.values]
        sixes = [run for run in rows if len(run.values) == _APPLICATION_COLUMNS - 1]
        longer = [run for run in rows if len(run.values) > _APPLICATION_COLUMNS]
        if not sixes or len(longer) > 1 or any(
                run.mixed or not run.named or _counts(run.values) is None
                or id(run) in withheld and not _whole_row(run.values)
                or len(run.values) < _APPLICATION_COLUMNS - 1 for run in rows) or any(
                _five_and_total(_counts(run.values) or []) for run in sixes) or (
                not all(any(_counts(run.values) or []) for run in sixes) and not whole()):
            continue
        pool = [(run, index) for run in runs if run.orphaned and run.sheet == sheet
                for index in range(len(run.values))]
        pieces = [run.values[index] for run, index in pool]
        if sheet == last_sheet and after is not None:
            if closing is None:
                closing = _closing_values(after(), offset)
            pieces = pieces + closing
        sums = sorted(sum(_counts(run.values) or []) for run in sixes)
        where = "after the page's footer"
        if longer:  # held back by a tall cell: the page's totals written among a later row's values
            block = _held_totals(longer[0], sums) if not pieces and rows.index(longer[0]) > rows.index(sixes[-1]) \
                else None
            if block is None:
                continue
            pool = []
            pieces = longer[0].values[block:block + len(sums)]
            del longer[0].values[block:block + len(sums)]
            where = f"among the values of {longer[0].label!r}"
        if len(pieces) != len(sixes) or sorted(_counts(pieces) or []) != sums:
            continue
        free = list(range(len(pieces)))
        for run in sixes:
            total = sum(_counts(run.values) or [])
            index = next(index for index in free if _count(pieces[index]) == total)
            free.remove(index)
            run.values.append(pieces[index])
            notes.append((pieces[index][1], f"total {pieces[index][0]} written {where} given to {run.label!r}: the "
                                            "values there are exactly the sums (I1) of the page's rows of six, one "
                                            "each"))
        for run, _ in pool:
            run.values.clear()
    return notes


def _five_and_total(numbers: list[int]) -> bool:
    """Whether six counts may be a row's first five and its total (the last the sum of the others,
    not 0), a middle column moved away as a 0: then the sum of the six is no total I1 can check."""
    return bool(numbers[-1]) and sum(numbers[:-1]) == numbers[-1]


def _held_totals(run: _Run, sums: list[int]) -> int | None:
    """Where, in a run longer than a row, the page's totals held back stand: the one place of a block
    of ``len(sums)`` values that are exactly ``sums`` (in any order) whose removal leaves the row's
    seven counts meeting I1; or None (none, or two places giving two rows)."""
    numbers = _counts(run.values) or []
    size = len(sums)
    if len(numbers) != _APPLICATION_COLUMNS + size:
        return None
    found: dict[tuple[int, ...], int] = {}
    for start in range(len(numbers) - size + 1):
        rest = numbers[:start] + numbers[start + size:]
        if sorted(numbers[start:start + size]) == sums and sum(rest[:-1]) == rest[-1]:
            found.setdefault(tuple(rest), start)
    return next(iter(found.values())) if len(found) == 1 else None


class _Once:
    """A yes-or-no question asked at most once: its answer kept."""

    def __init__(self, ask: Callable[[], bool]) -> None:
        self.ask: Callable[[], bool] | None = ask
        self.answer = False

    def __call__(self) -> bool:
        if self.ask is not None:
            self.answer, self.ask = self.ask(), None
        return self.answer


def _printed_whole(runs: list[_Run], texts: list[str], skip: set[int], after: Callable[[], list[str]] | None,
                   before: Callable[[], list[str]] | None) -> bool:
    """Whether every cell of the report's tables (二, 三 and 四) is printed: the values from table 二's
    heading to the document's end are as many as the tables' cells, each a count or an amount (no
    null mark).

    pdftotext writes each printed cell once, moved or not, and a blank cell not at all: where the
    values are exactly the cells, none is blank, so a row's run of values cannot be short of a
    blank cell and a moved value cannot stand in for one. A value counts where no text follows it
    on its line (a cell, or a label's line with its row's first value), so prose (2025 年共收到 3556
    件) adds none; a page number standing alone or a value of prose adds one, and then the count
    tells nothing (more than the cells), unless as many cells are blank: a risk the identities the
    rows are read by still guard. A number wrapped in table 四's narrow cells (178200 as 17820 / 0)
    adds its head: such heads are counted apart (``_wrapped_heads``) and taken off, else two wrapped
    numbers and two blank cells would pass for a table printed whole (held-out blank-cells 6510)."""
    from .model import ActiveDisclosure, ActiveDisclosure2019, Applications, ReviewLitigation, columns_of, rows_of
    from .sections import heading_numeral

    found = _edition_of(runs)
    if found is None or after is None or before is None:
        return False
    model = found[1]
    tables = (ActiveDisclosure if model is Applications else ActiveDisclosure2019, model, ReviewLitigation)
    cells = sum(len(columns_of(row)) for table in tables for _, row in rows_of(table))
    head = before()
    start = next((index for index in range(len(head) - 1, -1, -1) if heading_numeral(head[index]) == "二"), -1)
    if start < 0:
        return False
    lines = [*head[start + 1:], *(text for offset, text in enumerate(texts) if offset not in skip), *after()]
    printed = _printed_values(lines, cells + 1 + _MAX_WRAPPED)
    return printed <= cells + _MAX_WRAPPED and printed - _wrapped_heads(lines) == cells


def _wrapped_heads(lines: list[str]) -> int:
    """How many numbers may be wrapped in table 四's cells, by their heads: values of at least
    ``_WRAPPED_HEAD`` digits in a paragraph of lines of values only, two lines or more, after table
    四's heading, and heads cut inside a group of thousands anywhere (pdftotext writes table 四's
    blocks among table 三's rows at times: ``140,5`` / ``0`` / ``39`` after 结转下年度继续办理).
    Before the heading a value of four digits and one under it (``16002`` / ``0``) are table 三's
    more often than not: counted as heads they cost held-out 2700 133 cells read right. A head
    without thousands written before table 四's heading is not counted: the count proves no blank
    cell then only where as many cells are blank as such heads, a coincidence left to the identities.

    Table 四's fifteen columns are too narrow for five or six digits: pdftotext writes such a number's
    head and tail on lines of their own, in the stacked block of the row's cells (``17820`` / ``17824`` /
    ``20`` / ``0`` / ``24`` / ``0`` / ``0`` / ``4`` for 178200 20 0 24 178244; ``160,9 160,9`` / ``21`` /
    ``51`` for 160,921 160,951, the heads cut inside a group of thousands). A number that fits its cell
    counted as a head makes the count short of the cells (no proof), never a proof it should not be."""
    from .sections import heading_numeral

    heads = 0
    table = False  # after table 四's heading
    stacked: list[list[str]] = []  # the paragraph's lines of values so far
    for text in [*lines, ""]:
        table = table or heading_numeral(text.strip()) == "四"
        words = text.replace("\f", "").split()
        if words and all(kind_of(word) is Kind.NUMBER or _CUT_GROUP.fullmatch(word) is not None for word in words):
            stacked.append(words)
            continue
        if len(stacked) > 1:
            heads += sum(_CUT_GROUP.fullmatch(value) is not None
                         or table and sum(character.isdigit() for character in value) >= _WRAPPED_HEAD
                         for values in stacked for value in values)
        stacked = []
    return heads


def _printed_values(lines: list[str], bound: int) -> int:
    """The values standing where no text follows them on their line, page numbers aside, up to
    ``bound``; ``bound`` where one is not a count or an amount (a null mark)."""
    from .furniture import is_page_number

    count = 0
    for text in lines:
        if not text.strip() or is_page_number(text.replace("\f", "").strip()):
            continue
        for word, _, _ in _parts(text, 0)[-1][1]:
            if kind_of(word) is not Kind.NUMBER and _CUT_GROUP.fullmatch(word) is None:
                return bound
            count += 1
            if count >= bound:
                return bound
    return count


def _whole_row(values: list[Piece]) -> bool:
    """Whether values are one row of table 三 as it stands: seven counts meeting I1."""
    numbers = _counts(values)
    return numbers is not None and len(numbers) == _APPLICATION_COLUMNS and sum(numbers[:-1]) == numbers[-1]


def _beside(runs: list[_Run], holding: list[int], position: int, unsure: set[int]) -> bool:
    """Whether the row before or after ``position`` on its page, among those ``holding`` values, is in
    ``unsure``."""
    at = bisect_left(holding, position)
    return any(0 <= near < len(holding) and holding[near] in unsure
               and runs[holding[near]].sheet == runs[position].sheet for near in (at - 1, at + 1))


def _tail_window(values: list[Piece], pool: list[tuple[Piece, tuple[int, int]]]
                 ) -> list[tuple[Piece, tuple[int, int]]]:
    """The run of the pool's values that completes a row holding its first ``values`` (its last
    columns, moved after the page's footer): the one line of them (a block of neighbouring cells:
    values from blocks apart, or a part of a line, may be any columns'), however often it stands there, after
    which the row meets I1 with a total other than 0 (a row of zeros is met by any zeros), the
    standing values not all 0 (after zeros, any line of a value and its total, 19 19, meets I1); else
    none. The line is taken only where it cannot be other columns of the row: pdftotext also
    moves a block of middle columns, the row's total standing with its first columns
    (``0 0 0 0 29`` and ``0 29`` apart: legal_service 0 and other_org 29, or other_org 0 and the
    total 29); where the line put among the standing values gives the row another reading under
    I1, the row stays short (null)."""
    wanted = _APPLICATION_COLUMNS - len(values)
    head = _counts(values) or []
    per_line: dict[int, int] = {}  # values of the pool on each line
    for piece, _ in pool:
        per_line[piece[1]] = per_line.get(piece[1], 0) + 1
    found: list[tuple[Piece, tuple[int, int]]] = []
    seen: set[tuple[int, ...]] = set()
    for start in range(len(pool) - wanted + 1):
        window = pool[start:start + wanted]
        numbers = _counts([piece for piece, _ in window])
        if (numbers is None or not numbers[-1] or not sum(head) or sum(head) + sum(numbers[:-1]) != numbers[-1]
                or len({piece[1] for piece, _ in window}) > 1
                or per_line[window[0][0][1]] != wanted):
            continue  # not the row's total, or not a whole line (a block of neighbouring cells)
        if not found:
            found = window
        seen.add(tuple(numbers))
    if len(seen) != 1 or _moved_between(head, list(next(iter(seen)))):
        return []
    return found


def _moved_between(head: list[int], moved: list[int]) -> bool:
    """Whether the ``moved`` block, put before some of the ``head`` values a row stands with, reads
    that row another way under I1 (its total then the last standing value)."""
    last_columns = [*head, *moved]
    for cut in range(len(head)):
        row = [*head[:cut], *moved, *head[cut:]]
        if row != last_columns and sum(row[:-1]) == row[-1]:
            return True
    return False


def _placed(runs: list[_Run], slots: list[int], positions: list[int], pool: list[tuple[Piece, tuple[int, int]]]
            ) -> list[tuple[int, tuple[Piece, tuple[int, int]]]] | None:
    """The rows at ``slots`` each matched with one of the pool's last values, in order, and those at
    ``positions`` given theirs where each is its row's sum; None where the pool is too short or
    one is not."""
    if len(pool) < len(slots):
        return None
    wanted = set(positions)
    given = [(position, moved) for position, moved in zip(slots, pool[len(pool) - len(slots):])
             if position in wanted]
    for position, (piece, _) in given:
        total = _counts([piece])
        if total is None or total[0] != sum(_counts(runs[position].values) or []):
            return None
    return given


def _closing_values(lines: list[str], offset: int) -> list[Piece]:
    """The values that close the document after its last page number (the last page's moved
    blocks, pieces at ``offset`` plus their line), or none where text or a form feed follows it."""
    from .furniture import is_page_number

    last = max((index for index, text in enumerate(lines) if is_page_number(text)), default=-1)
    if last < 0:
        return []
    pieces: list[Piece] = []
    for index in range(last + 1, len(lines)):
        text = lines[index]
        if "\f" in text:  # the page ends: nothing may follow it
            if any(rest.replace("\f", "").strip() for rest in lines[index:]):
                return []
            break
        for texts, values in _parts(text, offset + index):
            if texts:
                return []
            pieces.extend(values)
    return pieces


def _counts(values: list[Piece]) -> list[int] | None:
    """The values as whole counts, or None where one is not."""
    numbers: list[int] = []
    for word, _, _ in values:
        value = read_value(word)
        if value.kind is not Kind.NUMBER or value.number is None or value.number != int(value.number):
            return None
        numbers.append(int(value.number))
    return numbers


def _pinned_rows(runs: list[_Run], withheld: dict[int, str],
                 loose: Callable[[], list[tuple[Piece, _Run | None]]] | None = None,
                 whole: Callable[[], bool] = lambda: False) -> list[Note]:
    """Give table 三's rows held back the values the identities pin column by column, and say so.

    A row is held back where pdftotext may have put another row's values among its own (the
    table's last row, a row after a short one, values out of column order). Where every other row
    of an identity is read (S1: new_received + carried_over = total_processed + carried_forward;
    I2: total_processed = the sum of the outcome rows), the held row's seven values are known
    before it is read: the row is read only where its own run holds them, in column order (all
    seven, or, in a longer run, those seven in order and not all 0, the others given to no row).
    Each placement is the one the identity leaves; a report breaking that identity keeps the row
    null. Rounds repeat while a row is read (at most one per row: a bound on the cost). A run
    short of one or two of the values (their blocks moved after a page's footer: ``loose`` gives
    the values given to no row there), or holding others besides, is read where the rest stand in
    column order (among the others as ``_in_order`` finds them) and each value missing is other
    than 0 (a blank cell counts 0 in the identities) and stands among those."""
    from .model import Applications, Applications2019, outcome_rows
    from .pipeline import labels_for

    by_key: dict[str, _Run] = {}
    doubled: set[str] = set()
    edition = ""
    for grammar, table in (("applications_2021", Applications), ("applications_2019", Applications2019)):
        labels = labels_for(grammar)
        keys = [_terminal(labels, run.text) for run in runs]
        outcomes = outcome_rows(table)
        if any(key == outcomes[-1] for key in keys):  # its last outcome row names the edition
            edition = grammar
            break
    if not edition:
        return []
    for run, key in zip(runs, keys):
        if key and run.values and not run.orphaned:
            if key in by_key:
                doubled.add(key)
            by_key[key] = run
    for key in doubled:
        del by_key[key]
    known: dict[str, list[int]] = {}
    for key, run in by_key.items():
        numbers = _counts(run.values)
        if id(run) not in withheld and numbers is not None and len(numbers) == _APPLICATION_COLUMNS:
            known[key] = numbers
    # each identity as (rows added, rows subtracted): the sum is 0 in every column
    identities = (
        (("new_received", "carried_over"), ("total_processed", "carried_forward")),
        (outcomes, ("total_processed",)),
    )
    notes: list[Note] = []
    pool: list[tuple[Piece, _Run | None]] | None = None  # the loose values, asked for once
    for _ in range(len(by_key)):
        found = False
        for plus, minus in identities:
            unknown = [key for key in (*plus, *minus) if key not in known]
            if len(unknown) != 1 or unknown[0] not in by_key:
                continue
            key = unknown[0]
            sign = 1 if key in minus else -1  # the row's values: what the others leave
            values = [sign * (sum(known[row][column] for row in plus if row != key)
                              - sum(known[row][column] for row in minus if row != key))
                      for column in range(_APPLICATION_COLUMNS)]
            run = by_key[key]
            taken = _in_order(run.values, values, whole())
            reordered = _reordered(run.values, values) if taken is None else None
            if reordered is not None:
                run.values[:] = reordered
                taken = set(range(len(reordered)))
            completed = None
            rest: list[Piece] = []
            if taken is None and loose is not None and len(run.values) >= _APPLICATION_COLUMNS - 2:
                if pool is None:
                    pool = loose()
                completed = _completed(run.values, values, pool, whole())
                if completed is not None:
                    run.values[:], rest = completed
                    taken = set(range(len(run.values)))
            if taken is None:
                continue
            rest += [piece for index, piece in enumerate(run.values) if index not in taken]
            run.values[:] = [run.values[index] for index in sorted(taken)]
            withheld.pop(id(run), None)
            known[key] = values
            found = True
            name = "S1" if plus[0] == "new_received" else "I2"
            found_as = ("its seven values, written out of column order" if reordered is not None
                        else "found in column order among the values pdftotext wrote after its label"
                        + (", those missing there among the values written after a page's footer"
                           if completed is not None else ""))
            notes.append((run.values[0][1], f"{run.label!r} read as the values the other rows of {name} leave "
                                            f"({' '.join(str(value) for value in values)}), {found_as}"))
            if rest:
                shown = " ".join(word for word, _, _ in rest[:10]) + (" …" if len(rest) > 10 else "")
                notes.append((rest[0][1], f"{len(rest)} value(s) ({shown}) written among the values of "
                                          f"{run.label!r} are another row's; given to no row"))
        if not found:
            found = _pinned_pair(by_key, known, withheld, notes, identities, whole())
        if not found:
            break
    return notes


def _pinned_pair(by_key: dict[str, _Run], known: dict[str, list[int]], withheld: dict[int, str],
                 notes: list[Note], identities: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...],
                 whole: bool = False) -> bool:
    """Read two rows together where an identity is their only check left: every other row of it
    read, both held back (the row before short, the table's last row). One of them holding seven
    counts that meet I1 gives the other's values; the pair is read where those stand in column
    order among the other's values, and where exactly one such pair is found (each tried as the
    one that stands whole). Says whether it read a pair."""
    for plus, minus in identities:
        pair = [key for key in (*plus, *minus) if key not in known]
        if len(pair) != 2 or any(key not in by_key for key in pair):
            continue
        readings: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[str, set[int]]] = {}
        for key, other in (pair, pair[::-1]):
            numbers = _counts(by_key[key].values)
            if numbers is None or len(numbers) != _APPLICATION_COLUMNS or sum(numbers[:-1]) != numbers[-1]:
                continue
            rows = {**known, key: numbers}
            sign = 1 if other in minus else -1  # the other row's values: what the rest leave
            values = [sign * (sum(rows[row][column] for row in plus if row != other)
                              - sum(rows[row][column] for row in minus if row != other))
                      for column in range(_APPLICATION_COLUMNS)]
            taken = _in_order(by_key[other].values, values, whole)
            if taken is not None:
                table = (tuple(numbers), tuple(values)) if key == pair[0] else (tuple(values), tuple(numbers))
                readings.setdefault(table, (other, taken))
        if len(readings) != 1:
            continue
        (first, second), (other, taken) = next(iter(readings.items()))
        run = by_key[other]
        rest = [piece for index, piece in enumerate(run.values) if index not in taken]
        run.values[:] = [run.values[index] for index in sorted(taken)]
        for key, read in zip(pair, (first, second)):
            withheld.pop(id(by_key[key]), None)
            known[key] = list(read)
        name = "S1" if plus[0] == "new_received" else "I2"
        notes.append((run.values[0][1], f"{pair[0]!r} and {pair[1]!r} read together under {name} (its other rows "
                                        "read): one row's seven meet I1 and leave the other's "
                                        f"({' '.join(str(value) for value in known[other])} for {other!r}), found "
                                        "in column order among the values pdftotext wrote after its label"))
        if rest:
            shown = " ".join(word for word, _, _ in rest[:10]) + (" …" if len(rest) > 10 else "")
            notes.append((rest[0][1], f"{len(rest)} value(s) ({shown}) written among the values of {run.label!r} "
                                      "are another row's; given to no row"))
        return True
    return False


def _terminal(labels: Labels, text: str) -> str:
    """The row key a text names on its own (as the lexer reads labels), or ""."""
    if not text:
        return ""
    name = labels.lookup(text)
    if name is None:
        variant = labels.variant(labels.info(text), text)
        name = variant.name if variant is not None else None
    return name.lower() if name else ""


def _loose_values(runs: list[_Run], offset: int, after: Callable[[], list[str]] | None
                  ) -> list[tuple[Piece, _Run | None]]:
    """The values written after a page's footer given to no row (each with its run), then those
    closing the document that no row took."""
    given = {(piece[1], piece[2]) for run in runs if not run.orphaned for piece in run.values}
    found: list[tuple[Piece, _Run | None]] = [(piece, run) for run in runs if run.orphaned for piece in run.values]
    if after is not None:
        found.extend((piece, None) for piece in _closing_values(after(), offset) if (piece[1], piece[2]) not in given)
    return found


def _completed(pieces: list[Piece], values: list[int], pool: list[tuple[Piece, _Run | None]], whole: bool = False
               ) -> tuple[list[Piece], list[Piece]] | None:
    """A row's pieces in column order where ``pieces`` hold ``values`` with one or two left out, in column
    order (all of them, or in a longer run among more, as ``_in_order`` finds them: every 0 theirs unless no
    cell may be blank, ``whole``; held-out 2021-clean 7501: the last row's 0 0 13 221 0 0 0 0, its total
    234 closing the document), each left out other than 0 and found
    among the ``pool``'s (taken from it, and from its run), and the pieces left over; else None."""
    numbers = _counts(pieces)
    if numbers is None:
        return None
    short = len(values) - len(numbers)
    for missing in (short,) if short > 0 else (1, 2):  # a run short of them, or holding more
        for skipped in _index_sets(len(values), missing):
            kept = [value for index, value in enumerate(values) if index not in skipped]
            taken = _in_order(pieces, kept, whole)
            if taken is None or any(values[index] == 0 for index in skipped):
                continue
            chosen: list[int] = []
            for index in sorted(skipped):
                at = next((at for at, (piece, _) in enumerate(pool)
                           if at not in chosen and _count(piece) == values[index]), -1)
                if at < 0:
                    break
                chosen.append(at)
            if len(chosen) != missing:
                continue
            row: list[Piece] = []
            stood = iter(pieces[index] for index in sorted(taken))
            moved = iter(chosen)
            for index in range(len(values)):
                row.append(pool[next(moved)][0] if index in skipped else next(stood))
            for at in sorted(chosen, reverse=True):
                piece, owner = pool.pop(at)
                if owner is not None:
                    owner.values.remove(piece)
            return row, [piece for index, piece in enumerate(pieces) if index not in taken]
    return None


def _index_sets(size: int, count: int) -> list[set[int]]:
    """Every set of ``count`` (1 or 2) indexes below ``size``."""
    if count == 1:
        return [{index} for index in range(size)]
    return [{first, second} for first in range(size) for second in range(first + 1, size)] if count == 2 else []


def _reordered(pieces: list[Piece], values: list[int]) -> list[Piece] | None:
    """The pieces put in the order of ``values`` where they are exactly those values in another order
    (a row's seven, some written out of column order: a block of the row moved after the others),
    and at least two of them differ (else the order says nothing); None otherwise."""
    numbers = _counts(pieces)
    if numbers is None or len(numbers) != len(values) or sorted(numbers) != sorted(values) or len(set(values)) < 2:
        return None
    left = list(range(len(pieces)))
    ordered: list[Piece] = []
    for value in values:
        index = next(index for index in left if numbers[index] == value)
        left.remove(index)
        ordered.append(pieces[index])
    return ordered


def _in_order(pieces: list[Piece], values: list[int], whole: bool = False) -> set[int] | None:
    """The indexes of ``pieces`` reading ``values`` in order: all of them where they are as many,
    else the first such subsequence where ``values`` are not all 0 and no 0 is left out of it where
    ``values`` hold one (a blank cell leaves no trace, and the identities count it 0: a 0 of another
    table's may stand for it), those two unless ``whole`` (every cell of the tables printed: no blank
    cell, so a 0 the identity gives is printed, and any 0 read for it is that number); None where
    they are not there."""
    numbers = _counts(pieces)
    if numbers is None or len(numbers) < len(values):
        return None
    if len(numbers) == len(values):
        return set(range(len(numbers))) if numbers == values else None
    if not any(values) and not whole:
        return None
    taken: list[int] = []
    for index, number in enumerate(numbers):
        if len(taken) < len(values) and number == values[len(taken)]:
            taken.append(index)
    if len(taken) != len(values) or 0 in values and numbers.count(0) > values.count(0) and not whole:
        return None
    return set(taken)


def _assigned(runs: list[_Run], items: list[list[Piece] | _Run], offset: int,
              after: Callable[[], list[str]] | None, whole: Callable[[], bool]
              ) -> tuple[list[list[Piece]], list[Note]] | None:
    """Table 三 read as the one assignment of its values to its rows (govparse.pdfassign): the
    header's pieces, then each row's label as the grammar prints it and its seven values, and a
    note on each row that took values moved after its page's footer and on the values left; or
    None where no single assignment fits.

    Tried in turn, the first cut found taken: every value where it stands taken, the table meeting
    I1, I2 and S1; then the same with the last values (up to ``_MAX_TAIL``) taken as the last page's
    moved blocks (pdftotext writes them after the table's last row at times); then the rows but the
    last one or two so, and each row left out the values its identity leaves (I2, S1), found in
    order among those after the rows above (table 四's numbers may stand there): all of the values
    there, or, where more stand there, a row not all 0 in order among them. At most 15 searches,
    each of at most govparse.pdfassign.MAX_STEPS moves. ``whole``: whether no cell may be blank
    (``_printed_whole``), asked only where a row all 0 would take values from apart from its row."""
    from .model import outcome_rows, rows_of

    found = _edition_of(runs)
    if found is None:
        return None
    labels, model = found
    keys = [key for key, _ in rows_of(model)]
    stream: list[Piece] = []
    pages: list[int] = []
    moved: dict[int, list[Piece]] = {}
    where = {key: index for index, key in enumerate(keys)}
    firsts = {key.split("_")[0]: index for index, key in reversed(list(enumerate(keys)))}  # a group's first row
    highest = -1  # the last row whose label was written so far
    for run in runs:
        name = _terminal(labels, run.text)
        highest = max(highest, where.get(name, -1))
        # a group label written after its first row's (centred in its tall cell) is followed by blocks
        # of the page's right-hand column, as after the page's footer
        late = name.endswith("_group") and firsts.get(name.split("_")[0], len(keys)) <= highest
        if run.orphaned or late:
            moved.setdefault(run.sheet, []).extend(run.values)
        else:
            stream.extend(run.values)
            pages.extend([run.sheet] * len(run.values))
    if len(stream) < len(keys):
        return None
    if after is not None:
        moved.setdefault(pages[-1], []).extend(_page_end_values(after(), offset))

    owner_of: dict[tuple[int, int], int] = {}  # a value on a label's line: that row's (-2: another text's)
    label_lines: set[int] = set()
    label_row = -2
    for item in items:
        if not isinstance(item, _Run):
            label_lines = {line for _, line, _ in item}
            label_row = where.get(_terminal(labels, "".join(word for word, _, _ in item)), -2)
        else:
            owner_of.update(((line, column), label_row) for _, line, column in item.values if line in label_lines)
    numbers = [_count(piece) for piece in stream]
    owners = [owner_of.get((piece[1], piece[2]), -1) for piece in stream]
    moved_numbers = {page: [_count(piece) for piece in pieces] for page, pieces in moved.items()}
    values_of: list[list[Piece]] = []
    left: list[Piece] = []
    roles = Roles(where["granted"], where["total_processed"], where["carried_forward"])
    cut = assign(numbers, pages, owners, moved_numbers, len(keys), roles, whole=whole)
    last_run = next((run for run in reversed(runs) if run.values and not run.orphaned), None)
    tail_from = len(stream) - len(last_run.values) + 1 if last_run is not None else len(stream)
    for end in range(len(stream) - 1, max(tail_from, len(stream) - _MAX_TAIL) - 1, -1):
        # the page's right-hand blocks written after the table's last row instead of after the footer:
        # the values after the last row's own taken with those after the footer, in that order
        if cut is not None or pages[end] != pages[-1]:
            break
        tail_moved = dict(moved)
        tail_moved[pages[-1]] = [*stream[end:], *moved.get(pages[-1], [])]
        cut = assign(numbers[:end], pages[:end], owners[:end],
                     {page: [_count(piece) for piece in pieces] for page, pieces in tail_moved.items()},
                     len(keys), roles, whole=whole)
        if cut is not None:
            moved, stream = tail_moved, stream[:end]
    if cut is not None:
        values_of = [_cut_values(stream, moved, step) for step in cut[0]]
    for left_out in (1, 2):
        # the last rows left out (table 四's numbers may stand among their values): the rows above cut
        # as before, each row left out the values its identity leaves (I2: total_processed, S1:
        # carried_forward), found in order among the values after the rows above
        if cut is not None:
            break
        cut = assign(numbers, pages, owners, moved_numbers, len(keys) - left_out,
                     roles._replace(forward=-1, total=roles.total if left_out == 1 else -1), open_end=True,
                     whole=whole)
        if cut is None:
            continue
        values_of = [_cut_values(stream, moved, step) for step in cut[0]]
        table = [[_count(piece) or 0 for piece in values] for values in values_of]
        _, at, page, position = cut[1]
        rest = stream[at:]
        pool = moved.get(page, [])[position:] if at == len(stream) or pages[at] == page else moved.get(pages[at], [])
        for key in keys[len(keys) - left_out:]:
            if key == "total_processed":
                wanted = [sum(table[where[row]][column] for row in outcome_rows(model))
                          for column in range(_APPLICATION_COLUMNS)]
            else:
                wanted = [table[where["new_received"]][column] + table[where["carried_over"]][column]
                          - table[where["total_processed"]][column] for column in range(_APPLICATION_COLUMNS)]
            found_row = _last_row(wanted, rest, pool)
            if found_row is None:
                return None
            values_of.append(found_row[0])
            table.append(wanted)
            taken = {(piece[1], piece[2]) for piece in found_row[0]}
            rest = found_row[1]
            pool = [piece for piece in pool if (piece[1], piece[2]) not in taken]
        left = rest
    if cut is None:
        return None
    rows: list[list[Piece]] = []
    for item in items:  # the header: the text before the first row's label
        if isinstance(item, _Run):
            continue
        if _terminal(labels, "".join(word for word, _, _ in item)) in where:
            break
        rows.append(item)
    notes: list[Note] = []
    used: set[tuple[int, int]] = set()
    for index, (key, values) in enumerate(zip(keys, values_of)):
        used.update((line, column) for _, line, column in values)
        rows.append([(labels.printed[key.upper()], values[0][1], values[0][2])])
        rows.append(values)
        step = cut[0][index] if index < len(cut[0]) else None
        if step is None:
            identity = "I2" if key == "total_processed" else "S1"
            notes.append((values[0][1], f"{key}: read as the values {identity} leaves "
                                        f"({' '.join(word for word, _, _ in values)}), found in column order among "
                                        "those after the rows above (other tables' numbers stand among them)"))
        elif step.size < _APPLICATION_COLUMNS:
            apart = values[step.size:]
            where_from = ("after a later row's values" if step.page == STREAM else
                          "apart from its row (after its page's footer, a group label written late, or the "
                          "table's last row)")
            notes.append((apart[0][1], f"{key}: {len(apart)} value(s) ({' '.join(word for word, _, _ in apart)}) "
                                       f"written {where_from} taken as its last columns: the one assignment of the "
                                       "table's values where each row meets I1 and each column I2 and S1"))
    left.extend(piece for pieces in moved.values() for piece in pieces if (piece[1], piece[2]) not in used)
    notes.append((stream[0][1], "table 三's values cut into its rows: the one assignment under I1 (each row), "
                                "I2 and S1 (each column), each row's values where they stand in column order, its "
                                "last columns at times after its page's footer or after a later row's values"
                  + (f"; {len(left)} value(s) ({' '.join(word for word, _, _ in left[:10])}) given to no row"
                     if left else "")))
    return rows, notes


def _cut_values(stream: list[Piece], moved: dict[int, list[Piece]], cut: Cut) -> list[Piece]:
    """A row's seven pieces, in column order, as its cut takes them (govparse.pdfassign.Cut)."""
    head = stream[cut.first:cut.first + cut.size]
    if cut.turned:
        head = [head[-1], *head[:-1]]
    tail = stream if cut.page == STREAM else moved.get(cut.page, [])
    return [*head, *tail[cut.start:cut.start + _APPLICATION_COLUMNS - cut.size]]


def _last_row(wanted: list[int], rest: list[Piece], pool: list[Piece]) -> tuple[list[Piece], list[Piece]] | None:
    """The pieces of a row left out of the cut, whose values an identity gives (``wanted``): its first
    columns in order among the values after the rows above (``rest``), its last among those moved
    after the page's footer (``pool``, a line of them in a row), and the values of ``rest`` left; or None.
    All of ``rest`` must be the row's where it holds no more than the row's first columns; where it
    holds more (other tables' numbers), a row all 0 is not looked for among them."""
    numbers = [_count(piece) for piece in rest]
    pooled = [_count(piece) for piece in pool]
    for count in range(_APPLICATION_COLUMNS, -1, -1):
        need = _APPLICATION_COLUMNS - count
        tail: list[Piece] = []
        if need:
            start = next((index for index in range(len(pool) - need + 1)
                          if pooled[index:index + need] == wanted[count:]), -1)
            if start < 0:
                continue
            tail = pool[start:start + need]
        if len(rest) == count:
            if numbers == wanted[:count]:
                return [*rest, *tail], []
            continue
        if len(rest) < count or not any(wanted):
            continue
        taken: list[int] = []
        for index, number in enumerate(numbers):
            if len(taken) < count and number == wanted[len(taken)]:
                taken.append(index)
        if len(taken) == count:
            chosen = set(taken)
            return ([*(rest[index] for index in taken), *tail],
                    [piece for index, piece in enumerate(rest) if index not in chosen])
    return None


def _edition_of(runs: list[_Run]) -> tuple[Labels, type] | None:
    """The labels and model of table 三's edition its row labels name (its last outcome rows), or None."""
    from .model import Applications, Applications2019, outcome_rows
    from .pipeline import labels_for

    for grammar, model in (("applications_2021", Applications), ("applications_2019", Applications2019)):
        labels = labels_for(grammar)
        last = outcome_rows(model)[-1]
        if any(_terminal(labels, run.text) == last for run in runs):
            return labels, model
    return None


def _count(piece: Piece) -> int | None:
    numbers = _counts([piece])
    return numbers[0] if numbers else None


def _page_end_values(lines: list[str], offset: int) -> list[Piece]:
    """The values written after the footer of the page the section ends on, up to the next page
    (pieces at ``offset`` plus their line): that page's moved blocks, some among other text."""
    from .furniture import is_page_number

    pieces: list[Piece] = []
    footer = False
    for index, text in enumerate(lines):
        if "\f" in text:
            break
        if not footer:
            footer = is_page_number(text)
            continue
        for _, values in _parts(text, offset + index):
            pieces.extend(values)
    return pieces
