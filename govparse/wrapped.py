"""Table rows whose labels a PDF wrapped over lines, put back together.

A PDF's table cell wraps its label over lines at the cell's width, and text
extractors write each printed line as a line of text:

- ``pdfplumber`` and ``pypdf`` (``extract_text``): words of a line separated by
  single spaces, the values on the line the extractor met them, which is the
  first, the middle or the last line of the wrapped label::

      4．保护第三方合
      0 0 11 0 0 0 11
      法权益

- ``pdftotext -layout``: each line placed by its x position, a blank line between
  table rows (the cell padding), the values beside the middle line of the label,
  a second label column (``（四）无法提供`` / ``1．本机关不掌握``) at its own place.

Read in line order, the cells would give a label's head, the row's values, then
the label's tail, which names no label and shifts nothing but loses the row. So
rows are rebuilt: each row is its label pieces, then its values, in column order.

Which line belongs to which row:

- by blank lines where the table has them between rows (``pdftotext -layout``),
  a block of lines being one row when it holds one line of values; label pieces
  are joined per label column (their x place), top to bottom;
- where rows' labels sit around their values (pdfplumber writes lines by height,
  and a PDF centres a row's cells on its middle: a line of values only between a
  label's head and its tail says so, and no row's label ends above it), by count:
  a row has as many label lines below its values as above them; lines above that
  no tail answers are the row before's tail (top-aligned cells) or a header;
- otherwise by the wrap itself: a wrapped cell's lines are all as wide as the
  cell but the last, so a text line after a row's values continues that row's
  label only when the label's last line is full width (the width most text lines
  of the table have) and the line does not open with an enumerator (``二、``,
  ``（三）``, ``4．``) as every row label of these tables does.

A no-break space standing alone among a row's values is a blank cell (pypdf).
Numbers too wide for table 四's narrow cells come in two pieces: ``wrapped_readings``
lists the ways to put them back, for the table's reader to choose among by I3.

Nothing is guessed about values: a row's values are the values on its value line
in order. Where a row has fewer values than the table's fullest rows (a blank
cell prints nothing), the places of the ones it has (``pdftotext -layout``, and
pypdf's layout mode) put each under its column with an empty cell for each gap,
when full rows agree on every column's place (pdftotext: three or more, within
three display columns; pypdf: two or more, by character exactly) and each value
sits at exactly one column's place; otherwise the row is left short for the row
stage to report.
Costs are linear in the characters read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import combinations
from unicodedata import east_asian_width

from .digits import forced_parts
from .gapblanks import named_columns, placed_by_x, placed_columns, runs_over
from .textgrid import Row, text_width, width

# (the trial edition writes a change in words, 增3 / 减少4: a value, never a label glued to its number)
_SIGNED_IN_WORDS = r"[增减][加少]?\d{1,9}"
_VALUE = re.compile(rf"[+-]?\d[\d,]*(?:\.\d+)?(?:元|万元|%)?|[/／—－-]+|无|{_SIGNED_IN_WORDS}")
_SIGNED_WORD = re.compile(_SIGNED_IN_WORDS)
_ENUMERATED = re.compile(r"[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[．.、]")
# pypdf drops the space between a label and what follows at times: 法规禁25, 办理结果（一）予以公开.
# (and a number glued to the null mark —— before it, as pypdf writes two cells: ——0; —— is never a minus sign)
_GLUED = re.compile(r"(?<=[\u4e00-\u9fff）”])(?=\d[\d,]*(?:\.\d+)?$)|(?<=[\u4e00-\u9fff])(?=[（(][一二三四五六七八九十]{1,3}[）)])"
                    r"|(?<=——)(?=\d[\d,]*(?:\.\d+)?$)")
_CAPTION = re.compile(r"第[一二三四五六七八九十]{1,3}条")
_PLACED_VALUES = re.compile(r"\d {2,}\d")  # two values two spaces apart or more: a line laid out by x
_MIN_FULL = 8  # display columns: a narrower text line is never taken for a full-width wrapped line
_PLACE_SLACK = 3  # display columns a value may sit off its column's place
# Display columns two full lines of one wrapped cell may differ by: each falls short of the cell's
# width by less than the character that did not fit, and normalizing narrows full-width punctuation.
_FULL_SLACK = 4
_NOTE = re.compile(r"(?:注|备注|说明|数据来源|资料来源)[:：]")


class _Token:
    __slots__ = ("text", "offset", "index", "place", "value", "shown", "source")

    def __init__(self, text: str, offset: int, index: int, place: int, value: bool, shown: int = -1,
                 source: str = "") -> None:
        self.text = text
        self.offset = offset
        self.index = index
        self.place = place  # display column where it starts
        self.value = value
        self.shown = place if shown < 0 else shown  # display column, where ``place`` counts characters
        # the line as the source prints it, where ``text`` is its piece at ``index`` (normalizing narrows
        # full-width punctuation: where a word inside the piece starts is counted on it)
        self.source = source


def _tokens(text: str, shape: str, offset: int, wide_gaps: bool) -> list[_Token]:
    """The words of a line: runs of non-space characters, or with ``wide_gaps`` runs of text
    separated by two spaces or more (a label with one space inside stays one piece; a value
    is a piece of its own, as values are at times one space apart), placed by character:
    pdftotext -layout lays its grid out in characters, a Chinese one taking one column
    (the label column of ``（六）其他处理`` + spaces and of spaces + ``1．申请人…`` start at
    the same character, not the same display column). Words one space apart, a no-break space
    standing alone among a row's values is a blank cell (see ``lone_blanks``)."""
    tokens = _words_of(text, shape, offset, wide_gaps)
    if not wide_gaps and "\u00a0" in shape:
        blanks = lone_blanks(shape)
        if blanks and any(token.value for token in tokens):
            tokens += [_Token("", offset, start, start, True) for start in blanks]
            tokens.sort(key=lambda token: token.index)
    return tokens


def lone_blanks(shape: str) -> list[int]:
    """Where a no-break space stands alone between spaces or at a line's edge (``0 0 \u00a0 0``,
    ``规章 0 891 \u00a0``), on a line one or more of whose words are values: pypdf writes an empty
    table cell so. (One inside text, ``三、\u00a0收到``, or beside other white space runs, is spacing; on a
    line laid out by x, values two spaces apart or more, as pypdf's layout mode writes it, spaces of any
    width stand around such a blank, and it may stand glued to a value's digits, one side or the other.)"""
    blanks: list[int] = []
    start = shape.find("\u00a0")
    placed = _PLACED_VALUES.search(shape) is not None
    while start >= 0:
        stop = start
        while stop < len(shape) and shape[stop] == "\u00a0":
            stop += 1
        opens = start == 0 or (shape[start - 1] == " " and (start == 1 or placed or not shape[start - 2].isspace()))
        closes = stop == len(shape) or (shape[stop] == " " and (stop + 1 == len(shape) or placed
                                                                or not shape[stop + 1].isspace()))
        # laid out by x, an empty cell printed close to a value comes out glued to its digits (0\u00a0: the 0
        # and a blank beside it), as two values do (00)
        glued = placed and stop - start == 1 and (
            opens and stop < len(shape) and shape[stop].isdigit()
            or closes and start > 0 and shape[start - 1].isdigit())
        if opens and closes or glued:
            blanks.append(start)
        start = shape.find("\u00a0", stop)
    if blanks and not any(_VALUE.fullmatch(word) for word in shape.split()):
        return []
    return blanks


def _words_of(text: str, shape: str, offset: int, wide_gaps: bool) -> list[_Token]:
    words: list[tuple[int, int, int]] = []  # (start, stop, display place)
    shown: dict[int, int] = {}  # start: display column, where places count characters
    position = shown_position = 0
    start = -1
    start_place = 0
    for index, char in enumerate(shape):
        if char == "\f":
            continue  # a page's start (pdftotext): it takes no place on the line
        if char.isspace():
            if start >= 0:
                words.append((start, index, start_place))
                start = -1
        elif start < 0:
            start, start_place = index, position
            shown[index] = shown_position
        position += 1 if wide_gaps else width(char)
        shown_position += width(char)
    if start >= 0:
        words.append((start, len(shape), start_place))
    if not wide_gaps:
        words = _unglued(text, words)
    tokens: list[_Token] = []
    previous_stop = -10
    for start, stop, place in words:
        piece = text[start:stop]
        value = _VALUE.fullmatch(piece) is not None
        if wide_gaps and tokens and start - previous_stop == 1 and not value and not tokens[-1].value \
                and not _ENUMERATED.match(piece):  # 三、本年度办理结果 （一）予以公开: two labels
            last = tokens[-1]
            last.text = text[last.index:stop]
        else:
            tokens.append(_Token(piece, offset, start, place, value, shown.get(start, place), shape))
        previous_stop = stop
    return tokens


def _unglued(text: str, words: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Words with a number or an enumerated label glued to the label before them cut apart (a change
    written in words, 增1, is one value)."""
    cut: list[tuple[int, int, int]] = []
    for start, stop, place in words:
        if stop - start < 2 or text[start:stop].isascii() or _SIGNED_WORD.fullmatch(text, start, stop):
            cut.append((start, stop, place))
            continue
        begin = start
        for match in _GLUED.finditer(text, start, stop):
            if match.start() > begin:
                cut.append((begin, match.start(), place + text_width(text[start:begin])))
                begin = match.start()
        cut.append((begin, stop, place + text_width(text[start:begin])))
    return cut


def _split(tokens: list[_Token]) -> tuple[list[_Token], list[_Token]]:
    """A line's label pieces (the words before its first value) and the rest (values, and any
    text after them, kept in order)."""
    for position, token in enumerate(tokens):
        if token.value:
            return tokens[:position], tokens[position:]
    return tokens, []


def _full_width(lines: list[list[_Token]]) -> int:
    """The width most lines of one piece of text have: a wrapped cell's full line. Widths are
    counted together within ``_FULL_SLACK`` below each (a wrap falls short of the cell by up to a
    character, and normalizing narrows full-width punctuation), so that the full lines of several
    wrapped labels outnumber the group labels (（三）不予公开) of one width on lines of their own."""
    counts: dict[int, int] = {}
    for tokens in lines:
        if len(tokens) == 1 and not tokens[0].value:  # a line of pieces is a header's or two label columns'
            line_width = _span(tokens)
            if line_width >= _MIN_FULL:
                counts[line_width] = counts.get(line_width, 0) + 1
    if not counts:
        return 1 << 30
    near = {w: sum(count for other, count in counts.items() if w - _FULL_SLACK < other <= w) for w in counts}
    return max(near, key=lambda w: (near[w], w))


def _span(tokens: list[_Token]) -> int:
    """How wide a line's pieces print, quotes and other ambiguous-width characters as wide
    (Chinese fonts print them so; a wrapped line holding one is as full as the others)."""
    last = tokens[-1]
    return last.place + sum(_print_width(char) for char in last.text) - tokens[0].place


def _print_width(char: str) -> int:
    if char < "\u00a1":
        return 1
    return 2 if east_asian_width(char) in ("W", "F", "A") else 1


def wrapped_rows(texts: list[str], shapes: list[str]) -> list[Row]:
    """Rows of a table whose words are separated by single spaces (pdfplumber, pypdf), or placed by x with
    their labels wrapped (pypdf's layout mode: blanks and cells glued after a zero by place, ``_blanks_by_place``)."""
    lines = [_tokens(texts[offset], shapes[offset], offset, False) for offset in range(len(texts))]
    kept = [tokens for tokens in lines if tokens]
    centred, values_above = _centred(lines)
    after_gap = {tokens[0].offset for tokens in kept if tokens[0].offset > 0 and not lines[tokens[0].offset - 1]}
    again = _header_again(kept, texts)
    if not centred:
        rows = _by_wrap(kept, _full_width(lines), after_gap=after_gap, again=again)
    else:
        rows = _by_centre(kept, _full_width(lines), after_gap, again, values_above)
    # (values two spaces apart somewhere, a regex's scan, before the words of every line are looked at)
    if any(_PLACED_VALUES.search(text) is not None for text in texts) and placed_by_x(texts):
        return _blanks_by_place(rows)
    return rows


def _header_again(kept: list[list[_Token]], texts: list[str]) -> set[int]:
    """Offsets of the lines of the table's header printed again (after a page break): no label's tail."""
    first_values = next((position for position, tokens in enumerate(kept) if any(t.value for t in tokens)), 0)
    header = {texts[tokens[0].offset] for tokens in kept[:first_values]}
    return {tokens[0].offset for tokens in kept[first_values:] if texts[tokens[0].offset] in header}


_MIN_TEMPLATES = 2  # full rows whose values' places show the table's columns


def _blanks_by_place(rows: list[Row]) -> list[Row]:
    """Rows of text placed by x (pypdf's layout mode writes each word at its x, counted in characters) with
    cells run together after a zero cut there (``_cells_apart``), and a row short of values given a blank
    cell in each column it leaves empty, where its values stand exactly at the places of some of a full row's
    values (a full row: as many values as the fullest rows; a row beside a second label column has its
    values further right, and may stand at another full row's places), every full row it fits so places it
    alike, and each column left blank lies right of the label pieces on its values' line. A column whose place
    a value before it runs over (``1730`` over the place after 173: two cells glued, or a long number and a
    blank) is neither: the row stays short of it, for the row stage to split the run where the identities
    show it, and a blank placed elsewhere in the row keeps it from being split (a blank shows nothing).
    Else the row is left as it was."""
    split: list[tuple[Row, Row] | None] = []
    for row in rows:
        at = 0
        while at < len(row) and (not row[at][0] or _VALUE.fullmatch(row[at][0]) is None):
            at += 1
        while at > 0 and not row[at - 1][0]:
            at -= 1  # a blank cell before the first value is a value's (pypdf's lone no-break space)
        values = row[at:]
        if not values or any(text and _VALUE.fullmatch(text) is None for text, _, _ in values) \
                or len({offset for _, offset, _ in values}) != 1:
            split.append(None)
            continue
        split.append((row[:at], _cells_apart(values)))
    counts = [len(found[1]) for found in split if found is not None]
    if not counts:
        return rows
    width = max(counts)
    templates = {tuple(index for _, _, index in values) for found in split if found is not None
                 for values in (found[1],) if len(values) == width}
    if counts.count(width) < _MIN_TEMPLATES:
        return rows
    out: list[Row] = []
    for row, found in zip(rows, split):
        if found is None:
            out.append(row)
            continue
        labels, values = found
        if len(values) == width:
            out.append(labels + values)
            continue
        line = values[0][1]
        label_end = max((index + len(text) for text, offset, index in labels if offset == line), default=-1)
        fits = {fit for fit in (_place_in(values, template, label_end) for template in templates) if fit is not None}
        if len(fits) != 1:
            out.append(labels + values)
            continue
        columns, covered = fits.pop()
        by_column = dict(zip(columns, values))
        cells: Row = []
        for column in range(width):
            cell = by_column.get(column)
            if cell is None and column in covered:
                continue  # under a value before it: no cell of its own here
            if cell is None:
                follower = next((by_column[c] for c in range(column + 1, width) if c in by_column), values[-1])
                cell = ("", follower[1], follower[2])
            cells.append(cell)
        out.append(labels + cells)
    return out


_DASHES = frozenset("—-－─")


def _cells_apart(values: Row) -> Row:
    """A row's value cells with cells run together after a zero cut there (pypdf's layout mode writes two cells
    printed close with no space between: ``00``, ``0179717``): no count but ``0`` starts with ``0``, so each
    leading zero is a cell and the digits after it one more (govparse.digits.forced_parts). The cell after a
    zero starts where the zero ends, at its column's place: text placed by x glues a cell to the one before
    only where its place is no further right than that one's end, and a column is wider than a digit."""
    cut: Row = []
    for text, offset, index in values:
        parts = forced_parts(text) if text else None
        if parts is None:
            cut.append((text, offset, index))
            continue
        at = 0
        for part in parts:
            cut.append((part, offset, index + at))
            at += len(part)
    return cut


def _place_in(values: Row, template: tuple[int, ...],
              label_end: int) -> tuple[tuple[int, ...], frozenset[int]] | None:
    """The column of each value where each stands at one of ``template``'s places, in order, and the columns
    no value stands at whose place a value before them runs over; None where a value stands elsewhere or a
    column left blank lies at or left of ``label_end``."""
    where = {place: column for column, place in enumerate(template)}
    columns = tuple(where.get(index, -1) for _, _, index in values)
    if -1 in columns or any(b <= a for a, b in zip(columns, columns[1:])):
        return None
    taken = set(columns)
    covered: set[int] = set()
    for (text, _, index), column in zip(values, columns):
        after = column + 1
        while after < len(template) and after not in taken and runs_over(index + len(text), template[after]):
            covered.add(after)
            after += 1
    if any(column not in taken and column not in covered and place <= label_end
           for column, place in enumerate(template)):
        return None
    return columns, frozenset(covered)


def _centred(lines: list[list[_Token]]) -> tuple[bool, bool]:
    """Whether rows' label lines sit around their values rather than above them: some line holding
    values only has a label line above it and a label's tail below (``5．要求…已获取`` / ``0 0 910`` /
    ``信息``: pdfplumber, which writes lines by height, where a PDF centres a row's cells on its middle),
    and none has the next row's label below (pypdf, writing a cell's lines before the next cell's);
    and whether some rows print their values a little above their label (see below)."""
    around = below = first = 0
    for position in range(1, len(lines) - 1):
        tokens, above, after = lines[position], lines[position - 1], lines[position + 1]
        if not tokens or not above or not after or not all(token.value for token in tokens) \
                or any(token.value for token in after):
            continue
        if any(token.value for token in above) or (
                position >= 2 and _may_be_tail(above, [], False) and any(t.value for t in lines[position - 2])):
            # right under a row's values (or their tail), over an opening label: values printed a little
            # above their one-line label (pdfplumber, where a row's cells sit at different heights)
            first += 0 if _may_be_tail(after, [], False) else 1
        elif _may_be_tail(after, [], False):
            around += 1
        elif position >= 2 and lines[position - 2] and not any(token.value for token in lines[position - 2]):
            below += 1  # two label lines above: this row's (a line right after a row's values may be its tail)
    return first > 0 or (around > 0 and below == 0), first > 0


def _level(token: _Token) -> int:
    """How deep a label's enumerator sits: 一、 0, （一） 1, 1． 2; none 3."""
    match = _ENUMERATED.match(token.text)
    if match is None:
        return 3
    head = match.group()
    return 1 if head[0] in "（(" else (2 if head[0].isdigit() else 0)


class _Label:
    """One line's label pieces within a row, its width, and whether a wrap may continue it."""

    __slots__ = ("tokens", "open", "beside_values")

    def __init__(self, tokens: list[_Token], full: int, beside_values: bool = False) -> None:
        self.tokens = tokens
        self.beside_values = beside_values  # on the line of the row's values
        self.open = _span(tokens) >= full - 3  # a wrap leaves up to a wide and a narrow character of room


def _opens_left_of(label: _Token, pending: list[_Label]) -> bool:
    """Whether ``label`` opens a row label (an enumerator) at or left of every pending piece: the
    pending lines, none enumerated, cannot be the head of a label that starts here."""
    return _level(label) < 3 and _level(pending[0].tokens[0]) == 3 and \
        label.place <= min(token.place for line in pending for token in line.tokens) + 2


def _beyond(pending: list[_Label], labels: list[_Token]) -> bool:
    """Whether every pending piece lies right of the row's own label (placed by x): the head of a
    second label column wrapped around the values' line (``正后申请内容`` over ``3．补 0 0 …``),
    not a stray piece of the first column."""
    end = max(token.place + len(token.text) for token in labels)
    return all(token.place > end for line in pending for token in line.tokens)


def _touches(label: _Token, value: _Token) -> bool:
    """Whether a label ends within a wide character and a space of the value after it."""
    return value.place - (label.place + len(label.text)) <= 3


def _by_wrap(lines: list[list[_Token]], full: int, placed: bool = False, counted: tuple[bool, ...] = (),
             after_gap: set[int] | None = None, again: set[int] | None = None) -> list[Row]:
    """Rows from lines in order, a label's tail after its values put back (see the module
    docstring); ``placed``: the words carry their x places (pdftotext -layout). A line after a page
    break (``after_gap``, by offset) wider than the row's label, or one of the table's header printed
    again (``again``), is no tail."""
    rows: list[tuple[list[_Label], list[_Token]]] = []  # (label lines, values and what follows)
    pending: list[_Label] = []  # label lines not yet followed by values
    headers: set[int] = set()  # rows that are a header's lines, read line by line
    heads = _centred_heads(lines) if placed else set()
    label_full = _label_column_width(lines) if placed else 0
    for tokens in lines:
        labels, values = _split(tokens)
        if not values:
            offset = tokens[0].offset
            if again is not None and offset in again or after_gap is not None and offset in after_gap and rows \
                    and (not rows[-1][0] or not _fits_under(labels, rows[-1][0])):
                pending.append(_Label(labels, full))
                continue
            if placed and pending and _CAPTION.match("".join([token.text for token in labels[:4]])):
                # a block's caption (第二十条第（六）项): the lines before it end there, a row that printed
                # no values (行政许可 with its one cell blank) among them, read line by line
                headers.add(len(rows))
                rows.append((pending, []))
                pending = []
            if rows and not pending and offset not in heads and _may_be_tail(labels, rows[-1][1], placed, counted) \
                    and _attach(rows[-1][0], labels, full, placed, rows[-1][1][0].offset if rows[-1][1] else -1):
                continue  # the tail of a label whose values came before it
            pending.append(_Label(labels, full))
            continue
        if placed and pending:
            count, header = _header_lines(pending, values[0], counted)
            if count:
                headers.add(len(rows))
                rows.append((header, []))  # a header over the value columns: a row of its own
                pending = pending[count:]
        if placed and pending and labels and _whole_label(pending[-1].tokens, labels[0], label_full):
            rows.append((pending, []))  # a row that printed no values (行政处罚, its one cell blank)
            pending = []
        elif placed and len(pending) >= 2 and not labels and pending[-1].tokens[0].offset in heads \
                and _whole_label(pending[-2].tokens, pending[-1].tokens[0], label_full):
            # the same above a label centred around its values (规章 over 行政规范性文 / 15908 0 / 件)
            rows.append((pending[:-1], []))
            pending = pending[-1:]
        stray, ordered = _row_labels(labels, values, pending, full, placed)
        if stray:
            rows.append((stray, []))  # a header or a stray tail: not this row's, whose label opens left of it
        rows.append((ordered, values))
        pending = []
    columns: list[list[int] | None] = [None] * len(rows)
    width = 0
    under: dict[int, tuple[list[int], int]] = {}
    if placed:
        columns, width = _blank_columns(rows, headers)
        under = _under_header(rows, headers, columns, width, counted)
    result: list[Row] = [[_cell(token) for label in labels for token in label.tokens] if index in headers
                         else _label_cells(labels, placed, counted) + (
                             _with_blanks(values, *under[index]) if index in under
                             else _with_blanks(values, columns[index], width))
                         for index, (labels, values) in enumerate(rows)]
    if pending:
        if placed:  # lines of text with no values below them in the table's block: a header's
            pending = _header_lines(pending, None, counted)[1]
        result.append([_cell(token) for label in pending for token in label.tokens])
    return result


def _label_column_width(lines: list[list[_Token]]) -> int:
    """How wide the label column prints: the widest first label piece beside values, or alone right above
    a line of values only (a label centred around its values: 行政规范性文 / 0 374 0 / 件), on lines that
    open at the table's left edge (0 where fewer than two lines show it)."""
    edge = min((tokens[0].place for tokens in lines if tokens), default=0)
    widths = [text_width(tokens[0].text) for position, tokens in enumerate(lines)
              if tokens and not tokens[0].value and tokens[0].place <= edge + 1 and (
                  len(tokens) >= 2 and tokens[1].value
                  or len(tokens) == 1 and position + 1 < len(lines) and bool(lines[position + 1])
                  and all(token.value for token in lines[position + 1]))]
    return max(widths) if len(widths) >= 2 else 0


def _whole_label(pending: list[_Token], label: _Token, label_full: int) -> bool:
    """Whether a line of text above a row's label, in its column, is a whole label, not its wrapped head:
    a cell wraps a label at its column's width, and this line falls short of it by more than a wrap
    leaves (行政处罚 over 行政强制 0, its row printing nothing): a wide character, or where the line holds
    other characters than ideographs, what normalizing narrows as well (_FULL_SLACK)."""
    if len(pending) != 1 or pending[0].value or _ENUMERATED.match(label.text) is not None \
            or abs(pending[0].place - label.place) > 1 or label_full <= 0:
        return False
    text = pending[0].text
    slack = 2 if all("\u4e00" <= char <= "\u9fff" for char in text) else _FULL_SLACK
    return text_width(text) < label_full - slack


def _centred_heads(lines: list[list[_Token]]) -> set[int]:
    """Offsets of the lines of one piece of text right above a line of values alone with a piece at the
    same place right below it (其他对外管理 / 0 0 0 / 服务事项): the head of a label pdftotext centred
    around its row's values, never the tail of the row above."""
    heads: set[int] = set()
    for position in range(len(lines) - 2):
        above, middle, below = lines[position], lines[position + 1], lines[position + 2]
        if len(above) == 1 and not above[0].value and middle and all(token.value for token in middle) \
                and below and not below[0].value and abs(below[0].place - above[0].place) <= 2:
            heads.add(above[0].offset)
    return heads


def _row_labels(labels: list[_Token], values: list[_Token], pending: list[_Label], full: int, placed: bool,
                centred: bool = False) -> tuple[list[_Label], list[_Label]]:
    """A row's label lines in reading order, from the label pieces beside its values (``labels``) and the
    lines above them (``pending``); and, placed by x, the pending lines that are not its own (or [])."""
    own = [_Label(labels, full, True)] if labels else []
    if own and placed and _touches(labels[-1], values[0]):
        own[0].open = True  # the label runs up to the values: its cell is full, the wrap goes on
    if not own or not pending:
        return [], pending + own
    # A label of the second column wrapped above the first column's (1．本机关不掌握 /
    # （四）无法提供 0 0 … / 相关政府信息): the outer label comes first.
    if _level(labels[0]) < _level(pending[0].tokens[0]) < 3:
        if not placed and len(labels) >= 2 and _level(labels[1]) == 3 and \
                abs(_span(labels[1:]) - _span(pending[-1].tokens)) <= _FULL_SLACK:
            # （六）其他处理 行政机关不再处理…申 after 1．申请人…补正、: the outer label, then the
            # second column's head and the piece beside the values that goes on with it, a full
            # line of that column as the head is (beside a two-line head: 无法提 供, one label).
            inner = _Label(labels[1:], full, True)
            inner.open = own[0].open
            return [], [_Label(labels[:1], full, True)] + pending + [inner]
        return [], own + pending
    if placed and _opens_left_of(labels[0], pending) and not _beyond(pending, labels):
        return pending, own
    if centred and _level(labels[0]) < 3 == _level(pending[0].tokens[0]):
        return [], own + pending  # the label opens beside the values; a cell of it beside runs over lines
    return [], pending + own


def _by_centre(lines: list[list[_Token]], full: int, after_gap: set[int], again: set[int],
               values_above: bool = False) -> list[Row]:
    """Rows from lines in order where rows' label lines sit around their values, as many below them
    as above (see ``_centred``). Lines above a row's values that its label has no tail for are not its
    label: the tail of the row before, where that row's last label line is full (a row whose values
    sit beside its label's first line, as top-aligned cells print), else a row of their own (a header,
    read line by line). A page break (``after_gap``: the lines after one, by offset) ends a row's tails;
    ``again``: lines of the table's header printed again. A line of values with no label beside it and
    no tail below takes the opening label after it (values printed a little above their one-line label);
    where the table shows that (``values_above``), even with lines above it, which are then left over."""
    built: list[tuple[list[_Label], list[_Token]]] = []  # (label lines, values)
    pending: list[_Label] = []  # label lines not yet followed by values
    row: tuple[list[_Token], list[_Label], list[_Token]] | None = None  # own pieces, lines above, values
    tails: list[list[_Token]] = []
    for tokens in lines:
        if tokens[0].offset in after_gap and row is not None:
            _add_centred(built, row, tails, full, after_gap, again)
            row, tails = None, []
        labels, values = _split(tokens)
        if not values and tokens[0].offset in again:
            # the table's header printed again (after a page break): it ends the row, and is no row's label
            if row is not None:
                _add_centred(built, row, tails, full, after_gap, again)
                row, tails = None, []
            if pending:
                _add_left_over(built, pending, full, after_gap, again)
                pending = []
            built.append(([_Label(labels, full)], []))
            continue
        if not values:
            if row is not None and not pending and len(tails) < len(row[1]) and _may_be_tail(labels, [], False) \
                    and not any(_level(token) < 3 for token in labels) and not _prose(labels):
                tails.append(labels)  # (a line holding an opening label, 理 （三）不予公开, is no tail)
            elif row is not None and not row[0] and not tails and not pending and (values_above or not row[1]) \
                    and any(_level(token) < 3 for token in labels):
                row = (labels, row[1], row[2])  # values printed a little above their one-line label
            else:
                pending.append(_Label(labels, full))
            continue
        if row is not None:
            _add_centred(built, row, tails, full, after_gap, again)
        elif pending and not built:
            # the lines above the table's first values: its caption and header, then perhaps the first
            # row's label head, which opens with an enumerator (一、本年新收…); the header is no head
            # (规范性 / 文 below a row whose label was lost are the next row's label, not its tails)
            heads = next((at for at in range(len(pending) - 1, -1, -1) if _level(pending[at].tokens[0]) < 3), len(pending))
            if heads:
                built.append((pending[:heads], []))
                pending = pending[heads:]
        row, tails, pending = (labels, pending, values), [], []
    if row is not None:
        _add_centred(built, row, tails, full, after_gap, again)
    if pending:
        _add_left_over(built, pending, full, after_gap, again)
    return [_label_cells(labels, False) + [_cell(token) for token in values] for labels, values in built]


def _add_centred(built: list[tuple[list[_Label], list[_Token]]], row: tuple[list[_Token], list[_Label], list[_Token]],
                 tails: list[list[_Token]], full: int, after_gap: set[int], again: set[int]) -> None:
    """Add one row of a centred table, its label put together from the lines above its values, beside
    them and below them; the lines above that its tails leave over go first (see ``_by_centre``)."""
    labels, above, values = row
    heads = above
    if len(tails) < len(above) and (labels or tails):
        heads = above[len(above) - len(tails):]
        _add_left_over(built, above[:len(above) - len(tails)], full, after_gap, again)
    _, ordered = _row_labels(labels, values, heads, full, False, True)
    for tail in tails:
        _attach(ordered, tail, full, due=True)
    built.append((ordered, values))


def _add_left_over(built: list[tuple[list[_Label], list[_Token]]], lines: list[_Label], full: int,
                   after_gap: set[int], again: set[int]) -> None:
    """Label lines no row's centred label claims: the tail of the row before while its last label line is
    full (after a page break, if it fits under that label: not a running header; never a line of the table's
    header printed again), the rest a row of their own."""
    for position, label in enumerate(lines):
        tokens = label.tokens
        if not built or not built[-1][1] or not _may_be_tail(tokens, [], False) \
                or (tokens[0].offset in after_gap and not _fits_under(tokens, built[-1][0])) \
                or tokens[0].offset in again \
                or not _attach(built[-1][0], tokens, full):
            built.append((lines[position:], []))
            return


def _fits_under(tokens: list[_Token], labels: list[_Label]) -> bool:
    """Whether a line is no wider than a row's widest label line: a line after a page break may go on
    with the label of the row it cut, in its cell; a running header or a title is wider. A row printed
    with no label line has no width to fit under."""
    return bool(labels) and _span(tokens) <= max(_span(label.tokens) for label in labels) + _FULL_SLACK


def _blank_columns(rows: list[tuple[list[_Label], list[_Token]]],
                   headers: set[int]) -> tuple[list[list[int] | None], int]:
    """The column of each value of a row short of values, placed by x among rows of its shape
    (govparse.gapblanks.placed_columns), None where it is not placed; and how many columns."""
    described: list[tuple[int, int, list[int]]] = []
    shown: list[tuple[int, int, list[int]]] = []  # the same by display column
    for index, (labels, values) in enumerate(rows):
        beside = [token for label in labels if label.beside_values for token in label.tokens]
        if index in headers or not all(token.value for token in values):
            described.append((-1, 0, []))  # text after the values: not placed
            shown.append((-1, 0, []))
            continue
        # Its shape: how many label columns it has (a second one wrapped around the values' line
        # pushes them right as much as one beside them)
        shape = len(_label_cells(labels, True))
        label_end = max((token.place + len(token.text) for token in beside), default=-1)
        described.append((shape, label_end, [token.place for token in values]))
        shown_end = max((token.shown + text_width(token.text) for token in beside), default=-1)
        shown.append((shape, shown_end, [token.shown for token in values]))
    lengths = [[len(token.text) for token in values] for _, values in rows]
    found = placed_columns(described, shown, lengths)
    width = max((len(places) for _, _, places in described), default=0)
    if any(columns is None and _may_place(len(places), width) for columns, (_, _, places) in zip(found, described)):
        # Each way of counting places whose values group tightly; where both do, they must agree. A row's
        # label here is all its pieces, on every line: how far right it reaches tells its window.
        reach = [[_reach(labels, by_shown) for labels, _ in rows] for by_shown in (False, True)]
        ways = [placed for placed in (
            _clustered([(shape, end, places) for (shape, _, places), end in zip(described, reach[0])], width, lengths),
            _clustered([(shape, end, places) for (shape, _, places), end in zip(shown, reach[1])], width, lengths))
            if placed is not None]
        for index, columns in enumerate(found):
            if columns is None and ways and all(placed[index] == ways[0][index] for placed in ways):
                found[index] = ways[0][index]
    return found, width


def _under_header(rows: list[tuple[list[_Label], list[_Token]]], headers: set[int],
                  found: list[list[int] | None], width: int,
                  counted: tuple[bool, ...] = ()) -> dict[int, tuple[list[int], int]]:
    """Rows of a narrow block (table 二: one to three values a row) short of values that no other row
    places, placed under the header above them: each value within the span of one header piece right of
    the row's label, in order, counted as the table counts (``counted``; where it does not tell, by
    character and by display alike); the row's columns are those
    pieces (a blank cell prints nothing, and the header says where each column stands), as many as
    another row under the header holds values, or, where none does (a block of one row, 政府集中采购 8), as
    many as the header names on its one line, each value starting where its column's name starts. Confirmed
    (a row as wide), a value in no piece's span is placed where all the full rows put one of that column (a
    note printed as a cell of its own, （包括自然失效…）, pushes the names after it right of their values). Where
    the table pads its narrow rows to its widest (``found`` places a row with blanks after its values), a
    row placed here is padded alike, to ``width``. {row: (the column of each value, how many columns)}; a
    row not placed so is left short for the row stage."""
    placed: dict[int, tuple[list[int], int]] = {}
    header: list[_Token] = []
    fullest = 0  # the most values a row under the header holds
    full_rows: list[list[_Token]] = []  # the rows under the header that hold that many
    pads = any(columns == list(range(len(values))) for columns, (_, values) in zip(found, rows) if columns is not None)
    spaced_out = any(_spaced_out(rows[index][0]) for index in headers)
    for index, (labels, values) in enumerate(rows):
        if index in headers:
            header = [token for label in labels for token in label.tokens if not token.value]
            following = next((at for at in range(index + 1, len(rows)) if at in headers), len(rows))
            fullest = max((len(rows[at][1]) for at in range(index + 1, following)), default=0)
            full_rows = [rows[at][1] for at in range(index + 1, following)
                         if len(rows[at][1]) == fullest and all(token.value for token in rows[at][1])]
            continue
        if not values or found[index] is not None or not header or not all(token.value for token in values):
            continue
        counts = counted or (False, True)
        ways: list[tuple[list[int], int]] = []
        for by_shown in counts:
            pieces = _right_of(header, labels, by_shown)
            named = _format_columns(pieces, by_shown)
            columns = pieces if named is None else named
            # A row under the header as wide as its columns says they are the table's; where no row is, the
            # columns are the header's cells on one line (pieces of a cell stacked over lines joined there:
            # a piece left on a line of its own may be a wrapped cell's tail, no column) and each value
            # starts where its column's piece starts (cells placed alike: nothing else tells the columns)
            # A name with a space inside may be two names printed one space apart (a narrow column filled to
            # its edge: 上一年项目数量 本年增/减): the columns may be more than the pieces, and no row confirms
            # them (a row of as many values as pieces may lack a name's). Unconfirmed, a value is placed only
            # at a piece no such piece stands before (its column is the same either way), the columns after
            # it as many as the names at most (the row stage holds the row to its own width)
            names = [len(column.text.split(" ")) for column in columns]
            count = sum(names)
            confirmed = fullest == len(columns) == count
            if not len(values) < count < _WIDE_TABLE or fullest > len(columns) \
                    or not confirmed and (spaced_out or named is None and len({column.offset for column in columns}) != 1):
                break
            # Each column's span: its piece's, up to the next piece (a cell stacked over lines and joined,
            # 采购项 / 目数量, reads as wide as both lines' text)
            starts = [_at(column, by_shown) for column in columns]
            ends = [min(start + (text_width(column.text) if by_shown else len(column.text)),
                        starts[position + 1] if position + 1 < len(starts) and starts[position + 1] > start else 1 << 30)
                    for position, (start, column) in enumerate(zip(starts, columns))]
            # Confirmed, the full rows' places, where all alike, are the columns' too (a note in brackets printed
            # as a cell of its own, （包括自然失效…）, may push the names after it right of their values)
            templates = {tuple(_at(token, by_shown) for token in row) for row in full_rows} if confirmed else set()
            template: tuple[int, ...] = templates.pop() if len(templates) == 1 else ()
            assigned: list[int] = []
            for token in values:
                at = _at(token, by_shown)
                hits = [position for position in range(len(columns)) if starts[position] - 1 <= at < ends[position]]
                if not hits and at in template:
                    hits = [template.index(at)]
                if len(hits) != 1 or assigned and hits[0] <= assigned[-1] \
                        or not confirmed and abs(at - starts[hits[0]]) > 1:
                    break
                assigned.append(hits[0])
            if len(assigned) != len(values) or any(sum(names[:column]) != column for column in assigned):
                break
            # as wide as the table's rows where its narrow rows are padded to them (blanks after the values)
            ways.append((assigned, max(count, width) if pads else count))
        if len(ways) == len(counts) and all(way == ways[0] for way in ways):
            placed[index] = ways[0]
    return placed


def _format_columns(pieces: list[_Token], by_shown: bool) -> list[_Token] | None:
    """A header's pieces as the columns the format names, where they are (govparse.gapblanks.named_columns,
    their words grouped by where each starts: 上一年项目数 / 量, or 本年增 处理决定 over /减 数量). One token a
    column, at its start, in order of place; None where a group is no such name."""
    words = [word for piece in pieces for word in _words_in(piece)]
    named = named_columns([(_at(word, by_shown), 0, word.offset, word.text) for word in words])
    if named is None:
        return None
    return [_Token(text, words[top].offset, words[top].index, words[top].place, False, words[top].shown)
            for _, _, text, top in named]


def _spaced_out(header: list[_Label]) -> bool:
    """Whether the line of a header's label-column name (信息内容: the lowest piece at its left edge with other
    words on its line, under the caption) holds a lone character (采  购项目数量, 信  息内容, 本年增/减 处): words
    spaced out, whose pieces are no cells; the table's headers do not tell its columns unconfirmed. (A lone
    character on a line of its own, 量 under 上一年项目数, is a stacked cell's tail, and 费 under 行政事业性收
    a label's, a row that printed no values read with the header.)"""
    tokens = [token for label in header for token in label.tokens if not token.value]
    if not tokens:
        return False
    edge = min(token.place for token in tokens)
    words = {offset: [word for token in tokens if token.offset == offset for word in token.text.split()]
             for offset in {token.offset for token in tokens if token.place == edge}}
    lines = [offset for offset, on in words.items() if len(on) >= 2]
    return bool(lines) and any(len(word) < 2 for word in words[max(lines)])


def _right_of(header: list[_Token], labels: list[_Label], by_shown: bool) -> list[_Token]:
    """The header's pieces right of every piece of a row's label: its value columns' names. A piece in
    brackets (（单位：万元）, （包括自然失效…）) qualifies the name before it: no column of its own. (Two names
    printed one space apart stay one piece: a piece joined from a cell stacked over lines, 本年新 / 制作数
    本年新公开数量 / 量, holds words of several lines, and where its second word starts is not known.)"""
    reach = _reach(labels, by_shown)
    return [token for token in header if _at(token, by_shown) > reach and token.text[0] not in _OPENING]


def _reach(labels: list[_Label], by_shown: bool) -> int:
    """How far right a row's label reaches, all its pieces on every line, counted by character or by
    display column (``by_shown``); -1 for a row with no label."""
    return max((_at(token, by_shown) + (text_width(token.text) if by_shown else len(token.text))
                for label in labels for token in label.tokens), default=-1)


_OPENING = frozenset("（(［[【《")
_MIN_CLUSTERED_ROWS = 3  # rows whose values, taken together, must show every column's place
_WIDE_TABLE = 5  # values in a full row: a table of one width (三's seven), not blocks of one to three (二)


def _may_place(count: int, width: int) -> bool:
    """Whether a row of ``count`` values is short of a ``width``-wide table's and may be placed by groups:
    holding more than half of the columns, or any in a wide table, whose rows are all that wide (table 二's
    blocks are one to three values wide: a row of one value there is no short row of three)."""
    return 0 < count < width and (2 * count > width or width >= _WIDE_TABLE)


def _clustered(rows: list[tuple[int, int, list[int]]], width: int,
               lengths: list[list[int]]) -> list[list[int] | None] | None:
    """The column of each value of a row short of values, from the places of all values of the table's rows
    (full or not) taken together, where they fall in tight groups (places one apart at most), each held by
    two values or more: a table whose every row lacks some value (a third of its cells blank) shows no
    full row to take places from, and its rows together show them all. A row beside a group label
    (（三）不予公开 1．属于国家秘密) has its values a column further right, so a row's columns are the
    ``width`` groups from the one window of consecutive groups that holds all its values, leaves no
    column said to be blank under its label (all its pieces, ``rows``' second field: how far right they
    reach), and starts right of a group its label reaches (a window starting after a group the label
    does not reach would leave that group's column to no row; where no shifted row fills its last column, the
    window of a shifted row ends one group past the last, that column blank); where two windows fit, a value falls
    in no group, or a value (``lengths``: each row's values' lengths) runs over the group of a column said
    to be blank after it (two cells glued, ``180`` for 18 and 0: ``runs_over``), None
    (the row stage reports the short row). None where the values do not group so: places not counted the
    way the table counts them."""
    places = [place for shape, _, row in rows if shape >= 0 for place in row]
    if sum(1 for shape, _, row in rows if shape >= 0 and row) < _MIN_CLUSTERED_ROWS or not places:
        return None
    ordered = sorted(places)
    spans: list[list[int]] = [[ordered[0], ordered[0], 1]]
    for place in ordered[1:]:
        if place - spans[-1][1] <= 1:
            spans[-1][1] = place
            spans[-1][2] += 1
        else:
            spans.append([place, place, 1])
    # (a row beside a group label shifts its values by one column, no more: a group past the columns is the
    # shifted rows' last column, which one of them may fill alone)
    if not width <= len(spans) <= width + 1 or any(count < 2 for _, _, count in spans[:width]):
        return None
    # Where the groups are as many as the columns, a shifted row's last column lies past the last group (no
    # shifted row fills it): its window may end there, the column blank.
    past = 1 if len(spans) == width else 0
    found: list[list[int] | None] = []
    for (shape, label_end, row), sizes in zip(rows, lengths):
        if shape < 0 or not _may_place(len(row), width):
            found.append(None)
            continue
        groups = [next((at for at, (first, last, _) in enumerate(spans) if first <= place <= last), -1) for place in row]
        if -1 in groups or any(b <= a for a, b in zip(groups, groups[1:])):
            found.append(None)
            continue
        taken = set(groups)
        if any(group + 1 < len(spans) and group + 1 not in taken and runs_over(place + size, spans[group + 1][0])
               for group, place, size in zip(groups, row, sizes)):
            found.append(None)
            continue
        windows = [start for start in range(max(0, groups[-1] - width + 1), groups[0] + 1)
                   if start + width <= len(spans) + past and (start == 0 or spans[start - 1][0] <= label_end)
                   and not any(at not in taken and spans[at][0] <= label_end
                               for at in range(start, min(start + width, len(spans))))]
        found.append([group - windows[0] for group in groups] if len(windows) == 1 else None)
    return found


def _with_blanks(values: list[_Token], columns: list[int] | None, width: int) -> Row:
    """The row's value cells, with an empty cell in each of the ``width`` columns that
    ``columns`` (each value's) leaves out, placed at the next value (or the last)."""
    if columns is None:
        return [_cell(token) for token in values]
    by_column = dict(zip(columns, values))
    cells: Row = []
    for column in range(width):
        token = by_column.get(column)
        if token is None:
            follower = next((by_column[c] for c in range(column + 1, width) if c in by_column), values[-1])
            cells.append(("", follower.offset, follower.index))
        else:
            cells.append(_cell(token))
    return cells


def _header_lines(pending: list[_Label], first: _Token | None, counted: tuple[bool, ...] = ()) -> tuple[int, list[_Label]]:
    """How many of the pending lines, down to the last one with a piece over the value columns (at or right of
    ``first``, the row's first value, by every way of counting places the table allows: a label line's wide
    characters put a second label column's piece at the values' character place; None: all lines), are a
    header, and its lines: never a head of the row's label, which wraps inside the label columns left of the
    values. A cell wrapped around the header's middle
    line (``本年增/`` above, ``减`` below, the other headers on the line between) is joined and
    put on that middle line at its place; other pieces stay on their lines, in line order."""
    last = -1
    for position, label in enumerate(pending):
        if first is None or any(_over(token, first, counted) or any(_at_or_right(word, first, counted)
                                                                   for word in _words_in(token)[1:])
                                for token in label.tokens):
            last = position
    if last < 0:
        return 0, []
    while last + 1 < len(pending) and _stacked_tail(pending[last + 1].tokens, pending[:last + 1], counted):
        last += 1
    lines = [list(label.tokens) for label in pending[:last + 1]]
    # A block's caption (第二十条第（五）项) above the header is no piece of a header cell: kept out of the joins
    # (its 第 over 信息内容 read as one cell wrapped around the line between)
    caption = lines[:1] if len(lines) > 1 and _CAPTION.match("".join([token.text for token in lines[0][:4]])) else []
    lines = lines[len(caption):]
    metrics = counted or _metrics(lines)
    for middle in range(1, len(lines) - 1):
        below = lines[middle + 1] + lines[middle + 2] if middle + 2 < len(lines) else lines[middle + 1]
        _cut_under_stacks(lines[middle - 1], lines[middle], below, metrics)
    for middle in range(1, len(lines) - 1):
        _join_paired(lines[middle - 1], lines[middle], lines[middle + 1], metrics)
    lines = [tokens for tokens in lines if tokens]
    for middle in range(1, len(lines) - 1):
        _join_through(lines[middle - 1], lines[middle], lines[middle + 1], metrics)
    for middle in range(1, len(lines) - 1):
        _join_stacked(lines[middle - 1], lines[middle], lines[middle + 1], metrics, bool(counted))
    lines = _joined_tall([tokens for tokens in lines if tokens], metrics)
    lines = _top_level_first([tokens for tokens in lines if tokens], metrics)
    return last + 1, [_Label(tokens, 1 << 30) for tokens in caption + lines]


def _stacked_tail(tokens: list[_Token], header: list[_Label], counted: tuple[bool, ...]) -> bool:
    """Whether a line after a header's lines is the last piece of a header cell stacked over them (上一年 /
    项目数 / 量 over the first value column, where the row below prints nothing: its first value is
    right of it): each piece under a piece of the header right of its label column, by every way of
    counting places the table allows, none opening a label."""
    for by_shown in counted or (False, True):
        left = min(_at(token, by_shown) for label in header for token in label.tokens)
        places = [_at(token, by_shown) for label in header for token in label.tokens
                  if _at(token, by_shown) > left + _PLACE_SLACK]
        if not all(not token.value and _ENUMERATED.match(token.text) is None
                   and any(abs(_at(token, by_shown) - place) <= 1 for place in places) for token in tokens):
            return False
    return True


def _joined_tall(lines: list[list[_Token]], metrics: tuple[bool, ...]) -> list[list[_Token]]:
    """A header cell wrapped over more lines than the pairs and stacks above join (本年废 / 止件数 / （包括 /
    … / 理）: a long label variant in a narrow column), running through the header's fullest line: its
    pieces at one place on lines above it, on it and below it, joined top to bottom into one cell on that
    line at its place: read line by line, its head would stand first in the header and misplace the
    columns. Places are taken one way, and only where ``metrics`` holds one (the table's count); otherwise
    the lines are left as they are (a cell around the line, none on it, is ``_join_stacked``'s)."""
    if len(metrics) != 1 or len(lines) < 3:
        return lines
    by_shown = metrics[0]
    middle = max(range(len(lines)), key=lambda at: (len(lines[at]), -at))
    for place in sorted({_at(token, by_shown) for at, tokens in enumerate(lines) if at < middle for token in tokens}):
        column = [(at, token) for at, tokens in enumerate(lines) for token in tokens
                  if not token.value and abs(_at(token, by_shown) - place) <= 1]
        above = [at for at, _ in column if at < middle]
        below = [at for at, _ in column if at > middle]
        if not above or not below or \
                sum(1 for at, _ in column if at == middle) != 1 or len(set(above + below)) != len(above + below):
            continue
        if any(len(lines[at]) > 1 for at in above + below):
            continue  # a line of several pieces is a header row of its own, no piece of a tall cell
        head = column[0][1]
        joined = _Token("".join(token.text for _, token in column), lines[middle][0].offset, head.index,
                        head.place, False, head.shown)
        for at, token in column:
            lines[at].remove(token)
        lines[middle] = sorted(lines[middle] + [joined], key=lambda token: _at(token, by_shown))
    return [tokens for tokens in lines if tokens]


def _by_place(tokens: list[_Token], by_shown: bool) -> list[_Token]:
    """``tokens`` in the order of their places counted one way. (A function of its own: compiled
    with mypyc, a lambda inside a generator expression cannot see the generator's variable.)"""
    return sorted(tokens, key=lambda token: _at(token, by_shown))


def _top_level_first(lines: list[list[_Token]], metrics: tuple[bool, ...]) -> list[list[_Token]]:
    """A header's lines as one line in the order of their places, where a top-level cell (one nothing
    above covers: 自然人 and 总计 beside 法人或其他组织) sits on a line below another's: a cell spanning
    the header's rows is centred on them, so it prints lower than a cell of the first row beside it,
    and read line by line the header would misplace the columns. Unchanged where the top level is all
    on the first line, or where the ways of counting places disagree on the order."""
    orders: list[list[_Token]] = []
    for by_shown in metrics:
        covered: list[tuple[int, int]] = []  # the spans of the lines above
        lower = False  # a cell below the first line that nothing above covers
        for position, tokens in enumerate(lines):
            spans = [(_at(token, by_shown), _at(token, by_shown) + (text_width(token.text) if by_shown else len(token.text)))
                     for token in tokens]
            lower = lower or position > 0 and any(not any(start < right and left < end for left, right in covered)
                                                  for start, end in spans)
            covered.extend(spans)
        if not lower:
            return lines
        orders.append(sorted([token for tokens in lines for token in tokens],
                             key=lambda token: (_at(token, by_shown), token.offset)))
    if any(order != orders[0] for order in orders):
        return lines
    return [orders[0]]


def _counted(lines: list[list[_Token]]) -> tuple[bool, ...]:
    """How the table's places are counted, told by its value lines: the rows holding the most values
    put them at the same places counted one way (characters on pdftotext's grid, display columns in
    text laid out for the eye) and at places shifted by their labels' wide characters the other way.
    Where the fullest rows do not tell, all value places do, if one way shows fewer distinct ones.
    ``(by_display,)``, or () when the rows do not tell (then each header tells, see ``_metrics``)."""
    rows = [[token for token in tokens if token.value] for tokens in lines]
    most = max((len(values) for values in rows), default=0)
    full = [values for values in rows if len(values) == most and most >= 2]
    spread = [len({tuple(_at(token, by_shown) for token in values) for values in full}) for by_shown in (False, True)]
    if spread[0] == spread[1]:
        # too few full rows to tell (a table of blank cells): the places of all values, one way
        # falling on fewer distinct places than the other
        spread = [len({_at(token, by_shown) for values in rows for token in values}) for by_shown in (False, True)]
        if spread[0] == spread[1]:
            return ()
    return (spread[1] < spread[0],)


def _metrics(lines: list[list[_Token]]) -> tuple[bool, ...]:
    """How a header's places are counted: by character (pdftotext's grid) or by display column
    (text laid out for the eye). A stacked cell or a paired row (see ``_join_paired``) that one way
    finds and the other finds on a piece of the middle line tells which; told nothing, both are
    taken and must agree."""
    by_character = by_display = False
    for middle in range(1, len(lines) - 1):
        for top in lines[middle - 1]:
            found = [_stacked_at(top, lines[middle], lines[middle + 1], by_shown) for by_shown in (False, True)]
            by_character |= found[0] is not None and found[1] is None
            by_display |= found[1] is not None and found[0] is None
        if len(lines[middle - 1]) < 2:
            continue  # one pair tells nothing: a cell at the line's end pairs by any count
        paired = [_paired(lines[middle - 1], lines[middle], lines[middle + 1], by_shown) for by_shown in (False, True)]
        by_character |= paired[0] and not paired[1]
        by_display |= paired[1] and not paired[0]
    if by_character != by_display:
        return (by_display,)
    return (False, True)


def _join_stacked(above: list[_Token], middle: list[_Token], below: list[_Token],
                  metrics: tuple[bool, ...] = (False, True), trusted: bool = False) -> None:
    """Join a piece above ``middle`` with the piece below it at the same place into one cell on
    ``middle``, when ``middle`` has pieces left and right of that place and none at it (pdftotext
    centres a one-line cell on a row's middle line, a wrapped one around it). Places are counted
    the ``metrics`` ways (see ``_metrics``): where several find the cell, they must put it between
    the same two pieces, or it is left as printed."""
    for top in list(above):
        if top.value:
            continue
        found = [_stacked_at(top, middle, below, by_shown) for by_shown in metrics]
        places = {found_at for found_at in found if found_at is not None}
        if len(places) != 1 or len(metrics) == 1 and not trusted and _beside_all(top, middle, below, not metrics[0]):
            # not stacked, or the ways of placing it disagree on its column (one of them putting
            # it beside all of the middle line's pieces: no cell between two, as that way reads it)
            continue
        position, bottom = places.pop()
        above.remove(top)
        below.remove(bottom)
        # On the middle line, a header cell of that line: the line a header cell is on tells its row.
        middle.insert(position, _Token(top.text + bottom.text, middle[0].offset, top.index, top.place, False,
                                       top.shown))


def _join_paired(above: list[_Token], middle: list[_Token], below: list[_Token], metrics: tuple[bool, ...]) -> None:
    """A header row whose cells wrap in two lines around its one-line cells (pdftotext centres
    ``结果`` / ``维持`` around ``总计``): when each piece above has one below it at its place and each
    below one above, by every way of counting places, and the line between has pieces at none of
    those places, each pair is joined into one cell on the middle line, at its place. Two cells one space
    apart are one piece (``本年废 现行有效`` over ``止件数 件数``): where the words pair, they are the cells."""
    tops, bottoms = _piece_words(above), _piece_words(below)
    if not all(_paired(tops, middle, bottoms, by_shown) for by_shown in metrics):
        tops, bottoms = above, below
        if not all(_paired(tops, middle, bottoms, by_shown) for by_shown in metrics):
            return
    joined = [_Token(top.text + bottom.text, middle[0].offset, top.index, top.place, False, top.shown)
              for top, bottom in zip(tops, bottoms)]
    merged = sorted(middle + joined, key=lambda token: token.place)
    if any(_by_place(middle + joined, by_shown) != merged for by_shown in metrics):
        return  # the ways of counting places order them differently: left as printed
    above.clear()
    below.clear()
    middle[:] = merged


def _paired(above: list[_Token], middle: list[_Token], below: list[_Token], by_shown: bool) -> bool:
    """Whether each piece above has one below at its place, and the middle line none there."""
    if not above or not middle or len(above) != len(below):
        return False
    for top, bottom in zip(above, below):
        at = _at(top, by_shown)
        if top.value or bottom.value or abs(_at(bottom, by_shown) - at) > 1:
            return False
        if any(abs(_at(token, by_shown) - at) <= 1 for token in middle):
            return False
    return True


def _join_through(above: list[_Token], middle: list[_Token], below: list[_Token], metrics: tuple[bool, ...]) -> None:
    """A cell wrapped over three lines or more whose middle piece a pairing joined (``未经`` /
    ``复议直接`` / ``起诉``): a piece alone above and one alone below, both at a piece of the middle
    line's place by every way of counting, are that piece's head and tail."""
    if len(above) != 1 or len(below) != 1 or above[0].value or below[0].value:
        return
    top, bottom = above[0], below[0]
    centre = [token for token in middle if all(abs(_at(token, by_shown) - _at(top, by_shown)) <= 1 and
                                               abs(_at(token, by_shown) - _at(bottom, by_shown)) <= 1
                                               for by_shown in metrics)]
    if len(centre) != 1 or centre[0].value:
        return
    piece = centre[0]
    own, rest = _own_word(piece, top, bottom)
    middle[middle.index(piece):middle.index(piece) + 1] = [
        _Token(top.text + own.text + bottom.text, piece.offset, piece.index, piece.place, False, piece.shown),
        *([rest] if rest is not None else [])]
    above.clear()
    below.clear()


def _at_or_right(word: _Token, first: _Token, counted: tuple[bool, ...]) -> bool:
    """Whether a word inside a piece starts at or right of a row's first value, by every way of counting
    places the table allows: a second name over the values (项目数 本年增/减), not a wrapped label's word near
    them (1．属 于国 beside its values' line)."""
    return all(_at(word, by_shown) >= _at(first, by_shown) for by_shown in counted or (False, True))


def _words_in(piece: _Token) -> list[_Token]:
    """A piece's words one space apart, each placed where it starts: a header piece may be two names
    printed one space apart (项目数 本年增/减, the second over the values while the first is not)."""
    if " " not in piece.text:
        return [piece]
    words: list[_Token] = []
    skip = 0
    for word in piece.text.split(" "):
        words.append(_Token(word, piece.offset, piece.index + skip, piece.place + skip, piece.value,
                            _shown_after(piece, skip), piece.source))
        skip += len(word) + 1
    return words


def _shown_after(piece: _Token, skip: int) -> int:
    """The display column ``skip`` characters into a piece, counted on the line as printed where known."""
    if piece.source:
        return piece.shown + text_width(piece.source[piece.index:piece.index + skip])
    return piece.shown + text_width(piece.text[:skip])


def _own_word(piece: _Token, top: _Token, bottom: _Token) -> tuple[_Token, _Token | None]:
    """The part of a middle piece that goes with a cell's head and tail stacked at its place, and the rest
    (or None). A cell wraps at its column's width, so its head fills the column: where the piece's first
    word is as wide as the head (and the tail no wider), the column ends there and the words one space
    after it are the next column's name printed one space apart (上一年 / 项目数 本年增/减 / 量)."""
    first, space, after = piece.text.partition(" ")
    if not space or abs(text_width(first) - text_width(top.text)) > 1 or text_width(bottom.text) > text_width(first) + 1:
        return piece, None
    skip = len(first) + 1
    return (_Token(first, piece.offset, piece.index, piece.place, False, piece.shown, piece.source),
            _Token(after, piece.offset, piece.index + skip, piece.place + skip, False, _shown_after(piece, skip),
                   piece.source))


def _beside_all(top: _Token, middle: list[_Token], below: list[_Token], by_shown: bool) -> bool:
    """Whether, placed one way, ``top`` and a piece below it sit left or right of all of the
    middle line's pieces."""
    at = _at(top, by_shown)
    if not any(abs(_at(token, by_shown) - at) <= 2 for token in below):
        return False
    return all(_at(token, by_shown) < at - 2 for token in middle) or all(_at(token, by_shown) > at + 2 for token in middle)


def _stacked_at(top: _Token, middle: list[_Token], below: list[_Token], by_shown: bool) -> tuple[int, _Token] | None:
    """Where ``top`` and its piece below go on ``middle`` (how many pieces are left of it), by one
    way of placing; None unless it sits between two pieces of ``middle`` with a piece below it."""
    at = _at(top, by_shown)
    bottom = next((token for token in below if abs(_at(token, by_shown) - at) <= 2), None)
    if bottom is None or bottom.value or any(abs(_at(token, by_shown) - at) <= 2 for token in middle):
        return None
    left = sum(1 for token in middle if _at(token, by_shown) < at)
    if left == 0 or left == len(middle):
        return None
    return left, bottom


def stacked_header(texts: list[str]) -> bool:
    """Whether a header cell is printed around the header's middle line (indented pieces above and
    below a line of pieces left and right of them, or at the margin above and below a line of pieces
    indented past them): a PDF's layout by x, which centres a row's one-line cells on its middle line;
    text tables put a wrapped cell's lines from its top."""
    made: dict[int, list[_Token]] = {}  # each line's tokens, made when first looked at

    def tokens(offset: int) -> list[_Token]:
        found = made.get(offset)
        if found is None:
            found = made[offset] = _tokens(texts[offset], texts[offset], offset, True)
        return found

    margin = min((len(text) - len(text.lstrip()) for text in texts if text.strip()), default=0)
    for middle in range(1, len(texts) - 1):
        if not texts[middle - 1][:1].isspace() and not texts[middle][:1].isspace():
            continue  # the line above and this one both start at the margin: no test below can hold
        if any(character.isdigit() for character in texts[middle]):
            continue  # a header's middle line holds labels, never figures: not worth tokenizing
        above, below = tokens(middle - 1), tokens(middle + 1)
        if len(above) >= 2 and any(_paired(above, tokens(middle), below, by_shown) for by_shown in (False, True)):
            return True  # a header row's two-line cells around its one-line ones (结果 / 总计 / 维持)
        if any(" " in token.text for token in above) and _paired_by_words(above, tokens(middle), below):
            return True  # two such cells one space apart, one piece (本年新公开 对外公开总数 over 数量 量)
        if len(above) == 1 == len(below) and not above[0].value and not below[0].value \
                and above[0].place == below[0].place == margin and len(tokens(middle)) >= 2 \
                and tokens(middle)[0].place > max(above[0].place + len(above[0].text), below[0].place + len(below[0].text)):
            return True  # the first column's cell wrapped around a middle line indented past it (结果维 / 持)
        if above and below and min(token.place for token in above + below) >= _MIN_FULL:
            count = len(above)
            _join_stacked(above, list(tokens(middle)), below)
            if len(above) < count or len(above) == 1 and len(below) == 1 and _through(above[0], tokens(middle), below[0]):
                return True
    return False


def _paired_by_words(above: list[_Token], middle: list[_Token], below: list[_Token]) -> bool:
    """Whether the words of the pieces above pair with those below (``_paired``), either way of counting."""
    tops, bottoms = _piece_words(above), _piece_words(below)
    return any(_paired(tops, middle, bottoms, by_shown) for by_shown in (False, True))


def _piece_words(pieces: list[_Token]) -> list[_Token]:
    """The words of a line's pieces, in order (``_words_in``)."""
    return [word for piece in pieces for word in _words_in(piece)]


def _through(top: _Token, middle: list[_Token], bottom: _Token) -> bool:
    """Whether a cell runs through the middle line: a piece above, one on the middle line and one below at
    one place, by either count, with pieces of the middle line left and right of it (本年废止件数 /
    （包括自然失 / 效和不再按规 beside 本年制发件数 and 现行有效件数 / 范性文件管 / 理）)."""
    for by_shown in (False, True):
        at = _at(top, by_shown)
        if abs(_at(bottom, by_shown) - at) > 1:
            continue
        on = [position for position, token in enumerate(middle) if abs(_at(token, by_shown) - at) <= 1]
        if len(on) == 1 and on[0] > 0 and not middle[on[0]].value:
            return True
    return False


def _at(token: _Token, by_shown: bool) -> int:
    return token.shown if by_shown else token.place


def _may_be_tail(labels: list[_Token], values: list[_Token], placed: bool, counted: tuple[bool, ...] = ()) -> bool:
    """Whether a line of text after a row may be its label's tail: not when it opens a label (an
    enumerator) or a table's caption (第二十条第（六）项, also when split into pieces: 第 二十条 第 （六）项),
    nor, placed by x, when it sits over the row's values (a header's piece: ``本年增/`` above the next
    header line)."""
    if _ENUMERATED.match(labels[0].text) or _CAPTION.match("".join([token.text for token in labels[:4]])):
        return False
    return not (placed and values and any(_over(token, values[0], counted) for token in labels))


def _over(token: _Token, first: _Token, counted: tuple[bool, ...]) -> bool:
    """Whether a piece sits over the value columns, at or right of a row's first value, by every way of
    counting places the table allows (``counted``): a label line's wide characters put a second label
    column's piece at the values' character place, where by display column it is well left of them."""
    return all(_at(token, by_shown) >= _at(first, by_shown) - _PLACE_SLACK for by_shown in counted or (False, True))


def _label_cells(labels: list[_Label], placed: bool, counted: tuple[bool, ...] = ()) -> Row:
    """A row's label cells: its pieces in order, or where they carry x places, one cell per label
    column, its pieces joined top to bottom (（六）其他处理 beside 1．申请人… / 行政机关… / 申请), places
    counted as the table counts them (``counted``, see ``_counted``)."""
    tokens = [token for label in labels for token in label.tokens]
    if placed:
        tokens.sort(key=lambda token: token.offset)  # stable: line by line, left to right
        tokens = _by_column(tokens, counted)
    return [_cell(token) for token in tokens]


def _wrapped_around(labels: list[_Label], in_column: list[int], values_at: int) -> bool:
    """Whether a label column holds more lines above the values' line (line ``values_at``) than
    below it: pdftotext -layout prints a row's values on its label's middle line (or between two
    lines), so a cell's lines below the values match those above, however narrow the cell."""
    above = below = 0
    for position in in_column:
        offset = labels[position].tokens[0].offset
        if offset < values_at:
            above += 1
        elif offset > values_at:
            below += 1
    return above > below


def _attach(labels: list[_Label], tail: list[_Token], full: int, placed: bool = False, values_at: int = -1,
            due: bool = False) -> bool:
    """Put ``tail`` after the row's last label line when a wrap may continue it, or, when that
    line is the one beside the values (``（一）予以公开 0 0 …``), after the last label line above
    it that may (``三、本年度办理结`` … ``果``); False if none. Placed by x, the lowest line with a
    piece in the tail's column, if a wrap may continue it (``申请`` under ``行政机关不再处理…公开 0 0``,
    not under the second label column's head above it)."""
    if placed:
        in_column = [position for position, label in enumerate(labels)
                     if any(abs(token.place - tail[0].place) <= 2 for token in label.tokens)]
        if not in_column:
            return False
        position = max(in_column, key=lambda at: labels[at].tokens[0].offset)  # its lowest line
        if not labels[position].open and not _wrapped_around(labels, in_column, values_at):
            return False
        if _prose(tail):
            return False
        labels[position].open = False
        labels.insert(position + 1, _Label(tail, full))
        return True
    alike = [label for label in labels if len(label.tokens) == len(tail)]
    if len(tail) >= 2 and len(alike) == 1 and not any(_ENUMERATED.match(piece.text) for piece in tail):
        # A tail of several pieces, none opening a label, continues a line of as many label
        # columns, piece by piece (三、本年度 （一）予以公 / 0 0 … / 办理结果 开).
        alike[0].tokens = [_Token(head.text + piece.text, head.offset, head.index, head.place, False, head.shown)
                           for head, piece in zip(alike[0].tokens, tail)]
        return True
    if due:  # a tail the row's label is known to have (centred): it ends the label
        labels[-1].open = False
        labels.append(_Label(tail, full))
        return True
    for position in range(len(labels) - 1, -1, -1):
        label = labels[position]
        if label.open and position < len(labels) - 1 and _level(label.tokens[0]) == 3:
            return False  # above the values' line only a group label (三、本年度办理结) goes on below it, not a header
        if label.open:
            if _prose(tail):
                return False
            label.open = False
            labels.insert(position + 1, _Label(tail, full))
            return True
        if not label.beside_values:
            return False
    return False


def _prose(tail: list[_Token]) -> bool:
    """Whether a line is a sentence or a note under the table (注：以上数据…。, 数据来源：…), no tail of
    a label: a label ends in no full stop and opens with no note's name. (Its width is no sign: a
    wrap may not break inside a quotation, 3．危 / 及“三安全一稳定”, so a tail can be the wider line.)"""
    text = "".join(token.text for token in tail)
    return text.endswith("。") or _NOTE.match(text) is not None


def _cell(token: _Token) -> tuple[str, int, int]:
    return token.text, token.offset, token.index


def physical_rows(texts: list[str], shapes: list[str]) -> list[Row]:
    """Rows of a table laid out by x position (pdftotext -layout).

    With blank lines between rows, a block of lines holding one line of values is
    one row, a block with several is read line by line, as single-spaced text is
    (``_by_wrap``); a tight table (most rows not apart) is read line by line whole.
    """
    lines = _numbers_unwrapped([_tokens(texts[offset], shapes[offset], offset, True) for offset in range(len(texts))])
    full = _full_width(lines)
    blocks = _blocks(lines)
    if len(blocks) < _MIN_BLOCKS or len(blocks) * 2 < sum(_value_lines(block) for block in blocks):
        # A tight table, most rows not a blank line apart (or two blocks: a page break between them):
        # the blank lines are a page break's.
        kept = [tokens for tokens in lines if tokens]
        return _by_wrap(kept, full, True, _counted(lines), again=_header_again(kept, texts))
    rows: list[Row] = []
    built: list[tuple[list[_Token], list[_Token]]] = []  # rows read from a block, to place values
    for block in blocks:
        if _value_lines(block) == 1:
            at = next(position for position, tokens in enumerate(block) if any(token.value for token in tokens))
            count, header = _header_lines([_Label(tokens, full) for tokens in block[:at]], _split(block[at])[1][0],
                                          _counted(lines))
            if count:
                rows.append([_cell(token) for label in header for token in label.tokens])
                block = block[count:]
            built.append(_block_row(block))
            rows.append([])  # filled below, once the columns' places are known
        else:
            rows.extend(_by_wrap(block, full, True, _counted(lines)))
    places = _column_places([values for _, values in built])
    position = 0
    for index, row in enumerate(rows):
        if row:
            continue
        labels, values = built[position]
        position += 1
        rows[index] = [_cell(token) for token in labels] + _placed(values, places)
    return rows


_MIN_BLOCKS = 3  # runs of lines apart that show a table's rows apart by blank lines, not a page break
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_MIN_WRAPPED = 3  # characters: a number wraps only where its cell is full, never at one or two


def _numbers_unwrapped(lines: list[list[_Token]]) -> list[list[_Token]]:
    """Lines with numbers a narrow cell wrapped put back (pdftotext -layout: ``12423`` above the
    row's values, ``1`` below, at the cell's left edge, a gap in the values between). A line of
    numbers only above a line of values and one below are the heads and tails of wrapped numbers
    when they pair one for one at one place, the heads all of one length (the cells' width, these
    columns being of one width), no tail longer than its head, the values line printing nothing
    where they are, and each head and tail making one well-formed number; the two lines then
    go, each number joined into the values line at its place. Anything else is left as printed."""
    result: list[list[_Token]] = []
    position = 0
    while position < len(lines):
        tokens = lines[position]
        if 0 < position < len(lines) - 1 and result and result[-1] is lines[position - 1]:
            joined = _unwrapped(lines[position - 1], tokens, lines[position + 1])
            if joined is not None:
                result[-1] = joined
                position += 2
                continue
        result.append(tokens)
        position += 1
    return result


def _unwrapped(heads: list[_Token], values: list[_Token], tails: list[_Token]) -> list[_Token] | None:
    """``values`` with the wrapped numbers of ``heads`` and ``tails`` joined in, or None."""
    if not heads or len(heads) != len(tails) or not any(token.value for token in values):
        return None
    head_length = len(heads[0].text)
    joined: list[_Token] = []
    for head, tail in zip(heads, tails):
        if len(head.text) != head_length or head_length < _MIN_WRAPPED or len(tail.text) > head_length:
            return None
        if abs(head.place - tail.place) > 1 or head.shown != head.place or tail.shown != tail.place:
            return None  # not one grid: a line with wide characters before the number
        text = head.text + tail.text
        if _NUMBER.fullmatch(text) is None:
            return None
        stop = head.place + head_length
        if any(token.place < stop and token.place + len(token.text) > head.place for token in values):
            return None  # the values line prints something there: not a gap for this number
        joined.append(_Token(text, head.offset, head.index, head.place, True, head.shown))
    # The values line is placed by character: its own places must be display places too.
    if any(token.shown != token.place for token in values if token.value):
        return None
    return sorted(values + joined, key=lambda token: token.place)


def _value_lines(block: list[list[_Token]]) -> int:
    return sum(1 for tokens in block if any(token.value for token in tokens))


def _blocks(lines: list[list[_Token]]) -> list[list[list[_Token]]]:
    """The runs of non-blank lines."""
    blocks: list[list[list[_Token]]] = []
    block: list[list[_Token]] = []
    for tokens in lines:
        if tokens:
            block.append(tokens)
        elif block:
            blocks.append(block)
            block = []
    if block:
        blocks.append(block)
    return blocks


def _column_places(value_rows: list[list[_Token]]) -> list[tuple[int, int]] | None:
    """Each value column's place, (left, right) display columns, from the rows holding the most
    values; None unless three rows or more hold that many and agree on every column's place."""
    rows = [[token for token in values if token.value] for values in value_rows]
    most = max((len(values) for values in rows), default=0)
    full = [values for values in rows if len(values) == most]
    if most < 2 or len(full) < 3:
        return None
    places = []
    for column in range(most):
        lefts = [values[column].place for values in full]
        rights = [values[column].place + text_width(values[column].text) for values in full]
        left_agrees = max(lefts) - min(lefts) <= _PLACE_SLACK
        right_agrees = max(rights) - min(rights) <= _PLACE_SLACK
        if not left_agrees and not right_agrees:
            return None
        places.append((sorted(lefts)[len(lefts) // 2] if left_agrees else -1 << 20,
                       sorted(rights)[len(rights) // 2] if right_agrees else -1 << 20))
    return places


def _placed(values: list[_Token], places: list[tuple[int, int]] | None) -> Row:
    """A row's values as cells; a row short of values gets an empty cell for each column it
    lacks when every value it has sits at one column's place and at no other's."""
    cells = [_cell(token) for token in values]
    numbers = [token for token in values if token.value]
    if places is None or len(numbers) != len(values) or len(values) >= len(places):
        return cells
    columns: list[int] = []
    for token in values:
        left, right = token.place, token.place + text_width(token.text)
        near = [column for column, (at_left, at_right) in enumerate(places)
                if abs(at_left - left) <= _PLACE_SLACK or abs(at_right - right) <= _PLACE_SLACK]
        if len(near) != 1 or (columns and near[0] <= columns[-1]):
            return cells  # between columns, or at two: left short for the row stage
        if near[0] + 1 < len(places) and runs_over(right, places[near[0] + 1][0]):
            return cells  # two cells glued (pypdf's 2590 for 259 and 0): left short for the row stage
        columns.append(near[0])
    placed: Row = []
    by_column = dict(zip(columns, values))
    for column in range(len(places)):
        found = by_column.get(column)
        if found is None:
            follower = next((by_column[c] for c in range(column + 1, len(places)) if c in by_column), values[-1])
            placed.append(("", follower.offset, follower.index))
        else:
            placed.append(_cell(found))
    return placed


def _block_row(block: list[list[_Token]]) -> tuple[list[_Token], list[_Token]]:
    """One row from a block: its label pieces joined per label column (by place), then its values."""
    labels: list[_Token] = []
    values: list[_Token] = []
    for tokens in block:
        own, rest = _split(tokens)
        if rest:
            values = rest
        labels += own
    return _by_column(labels), values


def _by_column(tokens: list[_Token], counted: tuple[bool, ...] = ()) -> list[_Token]:
    """Label pieces in line order joined per label column (pieces starting at one place, by the table's
    count of places, ``counted``: by display column, a piece after a group label's wide characters on the
    values' line starts where the lines above and below start theirs), left to right."""
    columns: list[list[_Token]] = []  # label pieces of each label column, top to bottom
    ways = counted or (False,)
    for token in _cut_at_columns(tokens, ways):
        column = None
        if _ENUMERATED.match(token.text) is None:  # an enumerated piece opens a label of its own
            column = next((c for c in reversed(columns)
                           if any(abs(_at(c[0], by_shown) - _at(token, by_shown)) <= 2 for by_shown in ways)), None)
        if column is None:
            columns.append([token])
        else:
            column.append(token)
    columns.sort(key=lambda column: column[0].place)  # stable: a column's labels stay top to bottom
    joined = []
    for column in columns:
        head = column[0]
        joined.append(_Token("".join(token.text for token in column), head.offset, head.index, head.place, False))
    return joined


def _cut_at_columns(tokens: list[_Token], ways: tuple[bool, ...]) -> list[_Token]:
    """Label pieces with one cut where a word inside starts where a piece of the line above or below starts
    (by every way of counting in ``ways``): a label column filled to its edge, one space, then the next
    column's piece (（六）其他处 逾期不补正、行政机关 under 1．申请人无正当理由, at the second column's place),
    two cells run together on one line."""
    cut: list[_Token] = []
    for token in tokens:
        others = [other for other in tokens if abs(other.offset - token.offset) == 1]
        cut.extend(_cut_where(token, lambda word: any(all(_at(other, by_shown) == _at(word, by_shown) for by_shown in ways)
                                                      for other in others)))
    return cut


def _cut_under_stacks(above: list[_Token], middle: list[_Token], below: list[_Token],
                      metrics: tuple[bool, ...]) -> None:
    """Cut a piece of a header's middle line where a word inside starts at a piece above and a piece below
    (by every way of counting): a cell stacked over three lines whose middle word the next name runs into
    one space before it (本年新 / 本年新制作数量 公开数 / 量), to be joined with its head and tail. ``below``
    may hold two lines: a cell of four lines or more skips the header's middle line, where the one-line
    cells are (本年废止件数(包 / 本年制发件 括自然失效和不再 / 信息内容 … 现行有效件数 / 按规范性文件管)."""
    if not above or not below:
        return
    middle[:] = [part for piece in middle for part in _cut_where(piece, lambda word: all(
        any(abs(_at(token, by_shown) - _at(word, by_shown)) <= 1 for token in above)
        and any(abs(_at(token, by_shown) - _at(word, by_shown)) <= 1 for token in below) for by_shown in metrics))]


def _cut_where(piece: _Token, starts: Callable[[_Token], bool]) -> list[_Token]:
    """A piece cut before its first word after the first that ``starts`` holds for (one piece, or two)."""
    if " " not in piece.text or piece.value:
        return [piece]
    words = _words_in(piece)
    at = next((position for position in range(1, len(words)) if starts(words[position])), 0)
    if not at:
        return [piece]
    skip = sum(len(word.text) + 1 for word in words[:at])
    word = words[at]
    return [_Token(piece.text[:skip - 1], piece.offset, piece.index, piece.place, False, piece.shown, piece.source),
            _Token(piece.text[skip:], word.offset, word.index, word.place, False, word.shown, piece.source)]


# --- numbers a narrow cell wrapped, in text without positions -------------------------------------

_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})*")
_HEAD = re.compile(r"[1-9][\d,]*")
_TAIL = re.compile(r"\d+")
MAX_WRAPPED = 4  # numbers wrapped in one row that a reading is looked for; more, and none is
_MAX_READINGS = 4096  # placements tried, at most


def wrapped_readings(pieces: list[tuple[str, int]], count: int) -> list[list[tuple[int, ...]]]:
    """The ways to read a row's value pieces (text and line, in reading order) as ``count`` numbers,
    where numbers too wide for their narrow cells (table 四's fifteen columns) were wrapped in two:
    each reading lists, per number, the pieces it is made of.

    - pypdf writes a wrapped number's head and tail one after the other among the row's values
      (``0 17 0 15817 1 28``): pairs of neighbours are joined;
    - pdfplumber writes the heads on a line above the row's values and the tails on a line below, in
      order (``15483 15483`` / ``0 0 13 …`` / ``6 6``): head and tail pair up, and where each goes among
      the values is not in the text, so every place is a reading.

    A head is as long as the other heads (the cells are of one width), three characters at least, a
    tail no longer than its head, and the two make one well-formed number (``158,1`` + ``71``; a head
    that is a number cut inside a thousands group must be joined). Which reading is right, if any, is
    for the row's identities to tell; none is returned when more than ``MAX_WRAPPED`` numbers would
    have wrapped or the placements to try are too many."""
    wrapped = len(pieces) - count
    if wrapped < 1 or wrapped > MAX_WRAPPED:
        return []
    lines = sorted({line for _, line in pieces})
    if len(lines) == 3:
        heads = [index for index, (_, line) in enumerate(pieces) if line == lines[0]]
        tails = [index for index, (_, line) in enumerate(pieces) if line == lines[2]]
        if len(heads) == len(tails) == wrapped:
            return _placed_wraps(pieces, heads, tails, count)
    return _neighbour_wraps(pieces, wrapped)


def _wraps(head: str, tail: str, length: int) -> bool:
    """Whether ``head`` and ``tail`` are the two lines of one number wrapped at ``length`` characters."""
    if len(head) != length or length < _MIN_WRAPPED or len(tail) > length or _HEAD.fullmatch(head) is None \
            or _TAIL.fullmatch(tail) is None:
        return False
    return joins_whole(head, tail)


def joins_whole(head: str, tail: str) -> bool:
    """Whether a wrapped number's head and tail make one well-formed number: in whole thousands groups where
    the head has a comma (``158,1`` + ``71``), digits only where not."""
    return _GROUPED.fullmatch(head + tail) is not None if "," in head else (head + tail).isdigit()


def _cut_inside_group(text: str) -> bool:
    """A number cut inside a thousands group (``158,1``): it cannot stand alone."""
    return "," in text and _GROUPED.fullmatch(text) is None


def _neighbour_wraps(pieces: list[tuple[str, int]], wrapped: int) -> list[list[tuple[int, ...]]]:
    texts = [text for text, _ in pieces]
    readings: list[list[tuple[int, ...]]] = []
    for length in sorted({len(text) for text in texts if len(text) >= _MIN_WRAPPED}):
        starts = [at for at in range(len(texts) - 1) if _wraps(texts[at], texts[at + 1], length)]
        if len(starts) > 16:
            return []  # too many places to try: no reading
        for chosen in combinations(starts, wrapped):
            if any(later - earlier < 2 for earlier, later in zip(chosen, chosen[1:])):
                continue
            joined = set(chosen)
            reading: list[tuple[int, ...]] = []
            at = 0
            while at < len(texts):
                if at in joined:
                    reading.append((at, at + 1))
                    at += 2
                else:
                    reading.append((at,))
                    at += 1
            if not any(len(part) == 1 and _cut_inside_group(texts[part[0]]) for part in reading):
                readings.append(reading)
    return readings


def _placed_wraps(pieces: list[tuple[str, int]], heads: list[int], tails: list[int],
                  count: int) -> list[list[tuple[int, ...]]]:
    length = len(pieces[heads[0]][0])
    if not all(_wraps(pieces[head][0], pieces[tail][0], length) for head, tail in zip(heads, tails)):
        return []
    values = [index for index in range(len(pieces)) if index not in heads and index not in tails]
    if any(_cut_inside_group(pieces[index][0]) for index in values):
        return []
    readings: list[list[tuple[int, ...]]] = []
    for places in combinations(range(count), len(heads)):
        if len(readings) >= _MAX_READINGS:
            return []
        reading: list[tuple[int, ...]] = []
        rest = iter(values)
        pairs = iter(zip(heads, tails))
        for place in range(count):
            reading.append(next(pairs) if place in places else (next(rest),))
        readings.append(reading)
    return readings
