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

import re
from functools import lru_cache
from typing import Final

from .grammar import grammar_names, load
from .normalize import compact, translate
from .textgrid import code_width
from .values import Kind, kind_of

# Of the gaps before a value, at least this share is one space: cells written one space apart.
_SINGLE_SHARE: Final = 0.8
_MIN_SINGLE_GAPS: Final = 12
_MAX_BLANKS_IN_GAP: Final = 8
_MIN_MARGIN: Final = 2  # spaces before every line of a browser's dump (lynx: three)


def _words(text: str) -> list[tuple[int, str]]:
    """(start, text) of each run of characters other than white space: the words ``split`` gives,
    each starting at the first character after the one before it that is its first character (only
    white space stands between, none of it that character: no search for the word called)."""
    words: list[tuple[int, str]] = []
    position = 0
    for word in text.split():
        first = ord(word[0])
        while ord(text[position]) != first:
            position += 1
        words.append((position, word))
        position += len(word)
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


def _spans(text: str, words: list[tuple[int, str]], by_shown: bool) -> tuple[list[int], list[int]]:
    """Where each word of ``text`` starts and ends, counted by character (pdftotext's grid, a browser's dump)
    or by display column (text laid out for the eye, a Chinese character two columns); a form feed (a page's
    start, pdftotext) takes no place. Each word's place is the last one's and what stands from its start to
    this word's (nothing, for a word placed at or before it: a blank at a value's start); one walk over the
    characters, each told by its code (no character made)."""
    starts: list[int] = []
    ends: list[int] = []
    if "\f" not in text and (not by_shown or text.isascii()):
        for start, word in words:  # a character a place: where each word starts
            starts.append(start)
            ends.append(start + len(word))
        return starts, ends
    # position: the place of character ``at``, walked from the last word's start (``last``, at ``last_place``)
    position = at = last = last_place = 0
    for start, word in words:
        if start < at:
            position, at = last_place, last  # a word placed before the last one ends: walked again from there
            if start < at:
                at = start  # placed before the last one: at its place
        while at < start:
            code = ord(text[at])
            if code != 12:
                position += code_width(code) if by_shown else 1
            at += 1
        starts.append(position)
        last, last_place = start, position
        span = 0  # the word's own width (a form feed in it, were there one, counted: it prints)
        stop = start + len(word)
        while at < stop:
            code = ord(text[at])
            size = code_width(code) if by_shown else 1
            span += size
            if code != 12:
                position += size
            at += 1
        ends.append(last_place + span)
    return starts, ends


class _Lines:
    """A table's lines as ``aligned_cells`` reads them: each one's words (``words``, a row's blanks added
    once placed), which of its words are values (``values``: told once, of its words as read; blanks are no
    values) and where each word starts and ends counted by character or by display column, worked out once
    a line and way: a block's header tests and the blocks below it ask again."""

    def __init__(self, texts: list[str], words: list[list[tuple[int, str]]], values: list[list[bool]]) -> None:
        self.texts = texts  # what places a character in a column
        self.words = words
        self.values = values
        self._spans: list[tuple[list[int], list[int]] | None] = [None] * (2 * len(texts))

    def spans(self, index: int, by_shown: bool) -> tuple[list[int], list[int]]:
        """Where line ``index``'s words start and end, counted one way."""
        at = 2 * index + (1 if by_shown else 0)
        found = self._spans[at]
        if found is None:
            found = _spans(self.texts[index], self.words[index], by_shown)
            self._spans[at] = found
        return found

    def first(self, index: int, by_shown: bool) -> tuple[int, int]:
        """Where line ``index``'s first word starts and ends, counted one way (that word alone walked, unless
        the line's places are known)."""
        found = self._spans[2 * index + (1 if by_shown else 0)]
        if found is None:
            found = _spans(self.texts[index], self.words[index][:1], by_shown)
        return found[0][0], found[1][0]

    def placed(self, index: int, by_shown: bool) -> list[tuple[int, int, str]]:
        """(place, end, text) of each word of line ``index``, counted one way."""
        starts, ends = self.spans(index, by_shown)
        return [(place, end, word) for place, end, (_, word) in zip(starts, ends, self.words[index])]

    def replace(self, index: int, cells: list[tuple[int, str]]) -> None:
        """Line ``index`` read as ``cells`` (its words and blanks)."""
        self.words[index] = cells
        self._spans[2 * index] = None
        self._spans[2 * index + 1] = None


def aligned_cells(texts: list[str], shapes: list[str] | None = None) -> list[list[tuple[int, str]]]:
    """(start, text) of each cell of each line: words, with blank cells where a row's values sit
    under some of the columns of the header line above it, columns that another row under that
    header fills at every start (a label with a space inside is no column: see the module). Starts
    are compared by character, or where no row fills the header's columns so, by display column;
    where rows fill them both ways, a row short of values is placed only where both ways agree. ``shapes``:
    each line as the source prints it (full-width digits two columns wide), where it is as long as the text."""
    lines = [_words(text) for text in texts]
    values = [[_is_value(word) for _, word in words] for words in lines]  # told once per word
    table = _Lines(shapes if shapes is not None else texts, lines, values)
    # a lone character beside other words (行    政    强制 0, 信  息内容): words spaced out, whose pieces
    # tell no columns where no row fills them (a block's caption aside: 第二十条第（一） 项)
    spaced = any(len(words) >= 2 and not words[0][1].startswith("第二十")
                 and any(len(word) == 1 and not word.isascii() and not valued
                         for (_, word), valued in zip(words, flags))
                 for words, flags in zip(lines, values))
    header = -1  # the last header line
    block: list[int] = []  # lines under it with values
    for index, words in enumerate(lines):
        if len(words) >= 2 and True not in values[index]:
            _end_block(table, header, block, spaced)
            header, block = index, []
        elif True in values[index]:
            block.append(index)
    _end_block(table, header, block, spaced)
    return lines


def _end_block(table: _Lines, header: int, block: list[int], spaced: bool) -> None:
    """Blanks in the rows under one header: under its columns' starts (a browser's table), else
    where rows of one shape place their values alike (a PDF's, govparse.gapblanks.placed_columns).
    The header's words are found once a way, for both tests."""
    if not block:
        return  # a header line after a header line (a header of several lines, a caption): no row to place
    if header < 0:
        if len(block) >= 2:
            _fill_placed(table, block)
        return
    fills: list[dict[int, list[tuple[int, str]]]] = []
    texts = table.texts
    wide = not texts[header].isascii() or not all(texts[index].isascii() for index in block)
    ways = [False, True] if wide else [False]
    heads: list[list[tuple[int, int, str]]] = []  # the header's words, each way, once found
    if _fills_header(table, header, block):
        for by_shown in ways:
            heads.append(_header_words(table, header, block, by_shown))
            fill = _under_header(table, heads[-1], block, by_shown)
            if fill is not None:
                fills.append(fill)
    if len(fills) == 2:
        # both ways find a full row: a row is placed only where both place it alike
        fills = [{index: cells for index, cells in fills[0].items() if fills[1].get(index) == cells}]
    if not fills and not spaced and all(not table.values[index][0] and all(table.values[index][1:])
                                        for index in block):
        # no row fills the header's columns (table 二's narrow blocks, each row lacking a value): its
        # values are placed where the header's names start, where every row's values do so one way only
        # (each row a label and values: another row places none, whatever the header; its words not found)
        for way, by_shown in enumerate(ways):
            if way == len(heads):
                heads.append(_header_words(table, header, block, by_shown))
            fill = _at_name_starts(table, heads[way], block, by_shown)
            if fill is not None:
                fills.append(fill)
        if len(fills) == 2:
            fills = [{index: cells for index, cells in fills[0].items() if fills[1].get(index) == cells}]
    if fills:
        for index, cells in fills[0].items():
            table.replace(index, cells)
    elif len(block) >= 2:
        _fill_placed(table, block)


_OPENING: Final = frozenset("（(［[【《")


def _header_words(table: _Lines, header: int, block: list[int], by_shown: bool) -> list[tuple[int, int, str]]:
    """(place, end, text) of each word of a header line, places counted one way, with the cells stacked
    around it: the header's lines above ``block`` where their words right of its labels are the format's
    names (``_stacked_names``: 本年废 现行有效 / 止件数 件数), else a word alone on the line above and one
    alone on the line below at one place, clear of the header line's words (现行有 / 效件数 beside 信息内容
    本年制发件数 本年废止件数: a PDF centres a one-line row's wrapped cell on it), in order of place."""
    named = _stacked_names(table, block, by_shown)
    if named is not None:
        return named
    words = table.placed(header, by_shown)
    lines, values = table.words, table.values
    if 0 < header < len(lines) - 1 and len(lines[header - 1]) == 1 == len(lines[header + 1]) \
            and not values[header - 1][0] and not values[header + 1][0]:
        (top, top_end, above), (bottom, bottom_end, below) = \
            table.placed(header - 1, by_shown)[0], table.placed(header + 1, by_shown)[0]
        if top == bottom and not any(place < max(top_end, bottom_end) and top < end for place, end, _ in words):
            words = sorted([*words, (top, max(top_end, bottom_end), above + below)])
    return words


def named_columns(words: list[tuple[int, int, int, str]]) -> list[tuple[int, int, str, int]] | None:
    """A header's words, each (place, end, line, text), as the columns the format names: grouped by where each
    starts (one place a column: a name stacked over lines, 本年废 / 止件数 or 上一年项目数 / 量, or names one space
    apart on a line, 本年制发件数 本年废止件数), each group, its words joined in line order, a column name the
    format prints. (place, end, name, the index in ``words`` of its top word) of each column, in order of place;
    None where the words make fewer than two groups or a group is no such name (a wrapped label's tail, a
    variant: the words say less). The one test of where a header's columns stand that the readers of text
    placed by x share (govparse.wrapped for rows wrapped over lines, ``aligned_cells`` for rows a line)."""
    groups: dict[int, list[int]] = {}
    for at, (place, _, _, _) in enumerate(words):
        groups.setdefault(place, []).append(at)
    if len(groups) < 2:
        return None
    columns: list[tuple[int, int, str, int]] = []
    for place in sorted(groups):
        members = sorted(groups[place], key=lambda at: words[at][2])
        text = "".join(words[at][3] for at in members)
        if not is_column_name(text):
            return None
        columns.append((place, max(words[at][1] for at in members), text, members[0]))
    return columns


_KNOWN_NAMES: Final[dict[str, bool]] = {}  # text: whether it is a column name, told once
_KNOWN_LIMIT: Final = 4096  # distinct texts remembered; a header's words repeat from report to report


def is_column_name(text: str) -> bool:
    """Whether ``text`` (compacted) is a column name of a table's header (``column_names``); a header's
    words are asked again for every block and way of counting, and again in every report."""
    known = _KNOWN_NAMES.get(text)
    if known is None:
        known = column_names().fullmatch(compact(text)) is not None
        if len(_KNOWN_NAMES) < _KNOWN_LIMIT:
            _KNOWN_NAMES[text] = known
    return known


@lru_cache(maxsize=1)
def column_names() -> re.Pattern:
    """The column names of every table's header, as the grammars write them (compact), one pattern."""
    names: list[str] = []
    for name in grammar_names():
        grammar = load(name)
        names.extend(re.escape(compact(translate(pattern))) if literal else translate(pattern)
                     for terminal, pattern, literal in grammar.label_terminals()
                     if terminal in grammar.header_terminals)
    return re.compile("|".join(f"(?:{name})" for name in sorted(set(names))))


def _stacked_names(table: _Lines, block: list[int], by_shown: bool) -> list[tuple[int, int, str]] | None:
    """The header over ``block`` as its label column's name and the names of its value columns, where the
    header's lines (those above the block's first row with no value, as many as make it so) hold the
    label column's name alone at the rows' label start and right of every row's label only words that group
    into the format's column names (``named_columns``; 本年废 现行有效 / 信息内容 本年制发件数 / 止件数 件数: two
    names stacked over lines one space apart, which the header's last line alone does not tell), places
    counted one way. None where no such lines are."""
    top = block[0] - 1  # (a line of one word below the header, the tail of a name stacked over it, counts)
    if top < 0 or not table.words[top] or True in table.values[top]:
        return None
    values = table.values
    start, reach = table.first(block[0], by_shown)
    for index in block:  # the rows' labels: their first words alone, each at the first one's place
        place, end = table.first(index, by_shown)
        if place != start or values[index][0]:
            return None
        reach = max(reach, end)
    found: list[tuple[int, int, str]] | None = None
    words: list[tuple[int, int, int, str]] = []
    label: list[tuple[int, int, str]] = []
    while top >= 0 and table.words[top] and True not in values[top]:
        for place, end, text in table.placed(top, by_shown):
            if place >= reach:
                words.append((place, end, top, text))
            elif place == start:
                label.append((place, end, text))
            else:
                return found  # a word over the rows' labels: no header line of these names
        named = named_columns(words) if len(label) == 1 else None
        if named is not None:
            found = [label[0], *[(place, end, text) for place, end, text, _ in named]]
        top -= 1
    return found


def _at_name_starts(table: _Lines, words: list[tuple[int, int, str]], block: list[int],
                    by_shown: bool) -> dict[int, list[tuple[int, str]]] | None:
    """The rows under a header whose words are ``words`` (``_header_words``), where none fills its columns,
    each value where a column's name starts (places counted one way): {row: its cells, a blank under each
    column it leaves empty}; None unless every row's values all start so. A name in brackets qualifies the
    one before it (no column); a value's column is taken only where no name before it stands one space after
    the word before it (two such words may be one name: the columns before the value would be one fewer),
    unless each of the two is a name the format prints."""
    starts = [place for place, _, _ in words]
    names = [at for at in range(1, len(words)) if words[at][2][0] not in _OPENING]
    columns = {starts[at]: position for position, at in enumerate(names)}
    # where a column's index is sure: no name up to it one space after the word before it
    sure = 0
    while sure < len(names) and (starts[names[sure]] - words[names[sure] - 1][1] >= 2 or all(
            is_column_name(words[at][2]) for at in (names[sure] - 1, names[sure]))):
        sure += 1
    found: dict[int, list[tuple[int, str]]] = {}
    for index in block:
        row = table.words[index]
        valued = table.values[index]
        if valued[0] or not all(valued[1:]) or len(row) - 1 >= len(names):
            return None
        places = table.spans(index, by_shown)[0]
        if places[0] != starts[0]:
            return None
        assigned = [columns.get(place, -1) for place in places[1:]]
        if -1 in assigned or any(b <= a for a, b in zip(assigned, assigned[1:])) or assigned[-1] > sure \
                or assigned[-1] < len(names) - 1 and sure < len(names):
            return None  # (blanks after the last value: the names after it must stand apart as columns too)
        by_column = dict(zip(assigned, row[1:]))
        cells = [row[0]]
        for column in range(len(names)):
            follower = next((by_column[later] for later in range(column + 1, len(names)) if later in by_column), None)
            cells.append(by_column.get(column) or (follower[0] if follower is not None else len(table.texts[index]), ""))
        found[index] = cells
    return found


def _fills_header(table: _Lines, header: int, block: list[int]) -> bool:
    """Whether a row under ``header`` is as long as it (one more with a cell stacked around its line), its
    label and then values: one that may fill every column, however places are counted."""
    named = len(table.words[header])
    for index in block:
        valued = table.values[index]
        if len(table.words[index]) in (named, named + 1) and not valued[0] and all(valued[1:]):
            return True
    return False


def _under_header(table: _Lines, words: list[tuple[int, int, str]], block: list[int],
                  by_shown: bool) -> dict[int, list[tuple[int, str]]] | None:
    """The rows under a header whose words are ``words`` (``_header_words``) short of values, each value at
    the start of one of its columns (places counted one way): {row: its cells, a blank under each column it
    leaves empty}; None unless some row fills every column so."""
    starts = [place for place, _, _ in words]
    columns = set(starts[1:])
    confirmed = False
    partial: dict[int, list[tuple[int, str]]] = {}
    for index in block:
        row = table.words[index]
        places = table.spans(index, by_shown)[0]
        placed = _under(places, table.values[index], starts, columns)
        if placed == len(starts) - 1 and placed:
            confirmed = True
        elif placed > 0:
            by_place = {place: word for place, word in zip(places[1:], row[1:])}
            cells = [row[0]]
            for at, place in enumerate(starts[1:], 1):
                # a blank where the header's column starts (by character), or at the next value
                word = by_place.get(place)
                follower = next((by_place[later] for later in starts[at + 1:] if later in by_place), None)
                cells.append(word if word is not None else (
                    place if not by_shown else follower[0] if follower is not None else len(table.texts[index]), ""))
            partial[index] = cells
    return partial if confirmed else None


def _fill_placed(table: _Lines, block: list[int]) -> None:
    """The rows in ``block`` with their blanks, where rows of one shape place their values alike."""
    described: Placed = []
    for index in block:
        words = table.words[index]
        valued = table.values[index]
        labels = 0
        while labels < len(words) and not valued[labels]:
            labels += 1
        if not all(valued[labels:]):
            described.append((-1, 0, []))  # text after the values: not placed
            continue
        places, ends = table.spans(index, False)
        described.append((labels, ends[labels - 1] if labels else -1, places[labels:]))
    count = max(len(places) for _, _, places in described)
    if not any(count < 2 * len(places) <= 2 * count - 2 for _, _, places in described):
        return  # no row short of values that _placed_by would place: the display columns are not needed
    shown: Placed = []  # the same by display column
    packed: set[int] = set()  # rows whose words are all one space apart
    for index, (labels, label_end, places) in zip(block, described):
        if labels < 0:
            shown.append((-1, 0, []))
            continue
        words = table.words[index]
        if all(words[at][0] == words[at - 1][0] + len(words[at - 1][1]) + 1 for at in range(max(labels, 1), len(words))):
            # Written one space apart, a row's places come from its words' lengths alone (pypdf,
            # pdfplumber): 160 fills the room of 16 and 0, and a template's places fit it by chance.
            # A blank in a padded row leaves a wider gap; here nothing marks one.
            packed.add(index)
        shown_at, shown_ends = table.spans(index, True)
        shown.append((labels, shown_ends[labels - 1] if labels else -1, shown_at[labels:]))
    lengths = [[len(word) for _, word in table.words[index][labels:]] if labels >= 0 else []
               for index, (labels, _, _) in zip(block, described)]
    for index, (labels, _, places), columns in zip(block, described, placed_columns(described, shown, lengths)):
        if columns is None or index in packed:
            continue
        words = table.words[index]
        by_column = dict(zip(columns, words[labels:]))
        filled = words[:labels]
        for column in range(count):
            cell = by_column.get(column)
            if cell is None:
                # a blank, at the next value's start (or after the last)
                after = next((by_column[c][0] for c in range(column + 1, count) if c in by_column), None)
                cell = (after if after is not None else words[-1][0] + len(words[-1][1]), "")
            filled.append(cell)
        table.replace(index, filled)


def _under(places: list[int], valued: list[bool], header: list[int], columns: set[int]) -> int:
    """How many values a row has (``valued``: which of its words are values), each under a column
    of ``header`` (``columns``: where they start, the first aside; ``places``: where the row's words
    start, counted as the header's), its label under the first; 0 when it is no such row."""
    if not header or len(places) < 2 or valued[0] or places[0] != header[0]:
        return 0
    for at in range(1, len(places)):
        if not valued[at] or places[at] not in columns:
            return 0
    return len(places) - 1


Placed = list[tuple[int, int, list[int]]]  # per row: its shape, where its label ends, where its values start


def placed_columns(by_character: Placed, by_display: Placed,
                   lengths: list[list[int]] | None = None) -> list[list[int] | None]:
    """``_placed_by`` the way of counting places that the table's full rows agree on: pdftotext's
    grid counts characters (a Chinese one is one column), text laid out for the eye counts display
    columns, and counted the other way, rows whose labels hold more wide characters are shifted.
    The way under which the full rows of each shape show fewer distinct places is taken; where
    neither shows fewer (a full row per shape), a row is placed where one way places it and the
    other does not place it otherwise. ``lengths`` (each row's values' lengths, digits printing one column
    each) keep a value that runs over the place of a column said to be blank from being placed: two cells
    glued (``runs_over``)."""
    spread = [_templates(rows) for rows in (by_character, by_display)]
    if spread[0] < spread[1]:
        return _placed_by(by_character, lengths)
    if spread[1] < spread[0]:
        return _placed_by(by_display, lengths)
    return [found if other is None or found == other else (other if found is None else None)
            for found, other in zip(_placed_by(by_character, lengths), _placed_by(by_display, lengths))]


def _templates(rows: Placed) -> int:
    """How many distinct places the fullest rows show, shapes apart."""
    most = max((len(places) for _, _, places in rows), default=0)
    return len({(shape, tuple(places)) for shape, _, places in rows if len(places) == most})


def _placed_by(rows: Placed, lengths: list[list[int]] | None = None) -> list[list[int] | None]:
    """For rows placed by x (pdftotext -layout), each given as (its shape: how many label pieces
    stand beside its values, where its label ends, where each of its values starts, by character),
    the column of each value of a row short of values, or None (a full row, or one not placed).

    pdftotext lays each line out on its own character grid, so places compare only between rows
    of one shape (a row beside a group label, ``（三）不予公开 1．属于国家秘密``, is pushed right)
    and a long number pushes the values after it: a full row of the shape is a template where its
    places are exactly the short row's (its first value aside, when a wrapped label's piece beside
    it pushed it: then it is the first column). A short row is placed when the templates of its
    shape that fit all place it alike, each column it leaves blank lies right of its label, it
    holds more than half of the columns and no line of a few values without a label (a wrapped
    number's head or tail) stands beside it; otherwise it is left short, for the row stage to null. Linear in the values, times the
    distinct templates of a shape (a handful)."""
    most = max((len(places) for _, _, places in rows), default=0)
    counts = [len(places) for _, _, places in rows]
    if counts.count(most) == 1 and counts.count(most - 1) >= 2:
        # One row longer than all others, which agree on one value fewer, is no template: a cell
        # doubled or a row run on; read by it, every other row would look short of a value.
        return [None] * len(rows)
    templates: dict[int, set[tuple[int, ...]]] = {}
    for shape, _, places in rows:
        if len(places) == most:
            templates.setdefault(shape, set()).add(tuple(places))
    # A line of a few values and no label: a wrapped number's head or tail (12423 above a row,
    # 1 below it). It is no row with blanks, and the rows beside it lack that number, not a blank.
    pieces = [shape == 0 and 0 < 2 * len(places) <= most for shape, _, places in rows]
    found: list[list[int] | None] = []
    for index, (shape, label_end, places) in enumerate(rows):
        if not most < 2 * len(places) <= 2 * most - 2 or shape not in templates \
                or index and pieces[index - 1] or index + 1 < len(rows) and pieces[index + 1]:
            found.append(None)
            continue
        sizes = lengths[index] if lengths is not None else []
        fits = {fit for fit in (_fit(places, template, label_end, sizes) for template in templates[shape])
                if fit is not None}
        found.append(list(fits.pop()) if len(fits) == 1 else None)
    return found


def _fit(places: list[int], template: tuple[int, ...], label_end: int, lengths: list[int]) -> tuple[int, ...] | None:
    """The column of each value where ``template`` has it at its exact place (the first value
    may sit anywhere left of the second's column if that column is the second), the columns
    left blank all right of the label, and no value (``lengths``: how long each is, where known) running
    over the place of a column left blank after it; else None."""
    index = {place: column for column, place in enumerate(template)}
    columns: list[int] = []
    for place in places[1:]:
        column = index.get(place, -1)
        if column < 0 or columns and column <= columns[-1]:
            return None
        columns.append(column)
    first = index.get(places[0], -1)
    if first < 0 or columns and first >= columns[0]:
        if not columns or columns[0] != 1 or places[0] >= places[1]:
            return None
        first = 0
    columns.insert(0, first)
    taken = set(columns)
    if any(column not in taken and place <= label_end for column, place in enumerate(template)):
        return None  # the label runs over a column said to be blank: another shape of row
    for place, length, column in zip(places, lengths, columns):
        if column + 1 < len(template) and column + 1 not in taken and runs_over(place + length, template[column + 1]):
            return None  # two cells glued, one of them taken for this column and the other for a blank
    return tuple(columns)


_MIN_PLACED_VALUES: Final = 3  # values on a line that show how a table spaces them


def placed_by_x(texts: list[str]) -> bool:
    """Whether a table's lines of values are laid out by x: most lines of three values or more hold a gap
    of two spaces or more between two values (a PDF tool placing text by position, pypdf's layout mode,
    pdftotext -layout), not a value a space apart as pdfplumber and pypdf's plain text write them. There two
    cells printed close may come out run together (``2590`` for 259 and 0), as a crawler's text does."""
    lines = wide = 0
    for text in texts:
        values = [(start, word) for start, word in _words(text) if _is_value(word)]
        if len(values) < _MIN_PLACED_VALUES:
            continue
        lines += 1
        if any(start - (before + len(previous)) >= 2 for (before, previous), (start, _) in zip(values, values[1:])):
            wide += 1
    return 2 * wide > lines


def runs_over(stop: int, next_start: int) -> bool:
    """Whether a value placed by x that ends at ``stop`` runs over the place where the next column's
    values start (``next_start``; negative where the rows do not agree on it): in text laid out by x
    two cells printed close come out with no space between (pypdf's layout mode: ``2590`` for 259 and
    0), one value to the eye that is two cells; placed as one, it would put a wrong number in a column
    and leave its neighbour blank."""
    return next_start >= 0 and stop > next_start


_MIN_WRAPPED_HEAD: Final = 3  # digits: a number wraps only where its cell is full, never at one or two


def _under_heads(cells: list[tuple[str, int, int]]) -> tuple[list[tuple[str, int]], list[tuple[int, int, str]]] | None:
    """The values line (text, column) and, per piece of the line below, the value it stands under, where in
    that value, and its digits; None unless the cells are two lines, the second of digits only, each under a
    value of the first."""
    lines = sorted({line for _, line, _ in cells})
    if len(lines) != 2:
        return None
    row = [(text, column) for text, line, column in cells if line == lines[0]]
    if any(line == lines[1] for _, line, _ in cells[:len(row)]):
        return None  # the lines' cells interleaved: not a row and its tails
    found: list[tuple[int, int, str]] = []
    for tail, line, column in cells[len(row):]:
        under = [at for at, (text, start) in enumerate(row) if start - 1 <= column < start + len(text)]
        if not tail.isdigit() or not tail.isascii() or len(under) != 1:
            return None
        found.append((under[0], max(column - row[under[0]][1], 0), tail))
    return row, found


def tails_under(cells: list[tuple[str, int, int]]) -> bool:
    """Whether a row's cells (text, line, column) are a line of values placed by x and below it a line of
    digits, each piece under a number of the line above: the tails of numbers wrapped in their cells."""
    return _under_heads(cells) is not None


def tails_joined(cells: list[tuple[str, int, int]], held: int | None = None) -> tuple[list[str], set[int]] | None:
    """A row of values placed by x, given as its cells (text, line, column), whose numbers too wide for
    their narrow cells wrapped: the line of values, and below it a line of the numbers' tails, each under
    its head (pypdf's layout mode: ``4    193243    0    19325`` over ``     7              4``). The
    values line's texts with each tail joined to the value it stands under, after as many digits as the
    row's wrapped heads hold (the cells are of one width; a head longer than that is glued to the next
    cell, ``19324`` and ``3``: the tail goes between, and a space after it, the number's end), and the
    indexes of the texts joined; None where
    the cells are not so. Whether the joins are right is for the row's identities to tell. ``held``: the digits
    a cell holds, where not the fewest the row shows (a head may be glued to its neighbour, 149700 for 14970 and
    0, and the places of a line laid out by x may stand closer than a cell's digits: either way may be wrong)."""
    found = _under_heads(cells)
    if found is None:
        return None
    row, under_heads = found
    heads: dict[int, list[tuple[int, str]]] = {}  # value -> (where in it its cell starts, the tail)
    for at, offset, tail in under_heads:
        head = row[at][0]
        if not head.isdigit() or not head.isascii() or len(head) < _MIN_WRAPPED_HEAD or head[0] == "0":
            return None  # (a head with a thousands separator, 162,0 for 162,094, is not joined)
        heads.setdefault(at, []).append((offset, tail))
    # Digits a full cell holds: a wrapped head fills its cell; cells run together fill theirs; the row's
    # places are a cell apart at least.
    sizes = [len(row[at][0]) for at, pieces in heads.items() if len(pieces) == 1 and pieces[0][0] == 0]
    sizes += [later - earlier for pieces in heads.values() for (earlier, _), (later, _) in zip(pieces, pieces[1:])]
    sizes += [later - earlier for (_, earlier), (_, later) in zip(row, row[1:])]
    if held is None:
        held = min(sizes)
    if held < _MIN_WRAPPED_HEAD or any(len(tail) > held for pieces in heads.values() for _, tail in pieces):
        return None
    texts = [text for text, _ in row]
    for at, pieces in heads.items():
        text = texts[at]
        for offset, tail in reversed(pieces):  # a tail under the middle of cells run together: its own cell's
            cut = offset + held
            if cut > len(text) or any(cut <= other + held for other, _ in pieces if other < offset):
                return None
            text = text[:cut] + tail + (" " if cut < len(text) else "") + text[cut:]  # then the next cell
        texts[at] = text
    return texts, set(heads)


__all__ = ["aligned_cells", "gaps_hold_blanks", "gapped_cells", "placed_by_x", "placed_columns", "runs_over",
           "tails_joined",
           "tails_under"]
