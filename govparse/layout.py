"""Stage 4: detect how a table section is laid out, and record the evidence.

Cell formats scrapers produce:
- ``linear-cell``: one cell per line, usually with a blank line between cells;
- ``pipe-delimited``: cells closed by ``|``, one per line (cell-per-line), a
  whole table row per line (row-per-line), or markdown-like ``| a | b |`` rows
  with or without a ``|---|`` line;
- ``tab-delimited``: a table row per line, cells separated by tabs;
- ``space-delimited``: a table row per line, cells separated by spaces;
- ``html``: a ``<table>``, read with an HTML parser into tab-delimited rows
  (govparse.html) before it gets here;
- ``run-together``: crawler text with no separator between cells, cut into
  space-delimited rows at the statutory labels (govparse.runtogether) before it
  gets here; a row's glued digits are split in the row stage (govparse.digits);
- ``grid``: a table drawn with rules, pandoc's ``+---+`` grid tables (``ascii-grid``)
  or w3m's box-drawn ones (``box-drawn``), read by govparse.textgrid;
- ``space-aligned``: columns aligned under a rule of dash runs (``dash-ruled``),
  pandoc's simple and multiline tables, read by govparse.textgrid; or placed by x
  position with labels wrapped around their values (``x-positioned``,
  ``pdftotext -layout``), read by govparse.wrapped;
- ``tab-delimited`` rows that repeat a merged cell in every column it spans
  (``merged-repeated``: python-docx's ``row.cells``): a repeated label is read once,
  repeated values are left for the row stage, which knows how many columns a row has;
- ``space-delimited`` rows whose labels a PDF wrapped over lines, with values on a
  line of their own (``wrapped-labels``: pdfplumber, pypdf), read by govparse.wrapped.
Headers whose labels are broken across cells (``结果`` / ``维持``) are the family
``split-header``; that is found while reading labels and recorded on the same
TableLayout (``split_header``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from mypy_extensions import mypyc_attr

from .docxrows import row_spans
from .normalize import Document
from .pdforder import reading_order_columns, reading_order_evidence
from .sections import Section
from .textgrid import is_dash_rule, is_grid_line, is_grid_rule
from .values import Kind, kind_of
from .wrapped import stacked_header

LINEAR_CELL = "linear-cell"
PIPE_DELIMITED = "pipe-delimited"
TAB_DELIMITED = "tab-delimited"
SPACE_DELIMITED = "space-delimited"
HTML = "html"
RUN_TOGETHER = "run-together"  # the name govparse.runtogether gives it
GRID = "grid"
SPACE_ALIGNED = "space-aligned"
SPLIT_HEADER = "split-header"

BLANK_SEPARATED = "blank-separated"
LINE_PER_CELL = "line-per-cell"
ROWS_APART = "rows-apart"  # a cell per line, rows apart by empty lines, a blank cell a line of white space
CELL_PER_LINE = "cell-per-line"
ROW_PER_LINE = "row-per-line"
MARKDOWN = "markdown"
PIPE_SEPARATED = "pipe-separated"
ASCII_GRID = "ascii-grid"
BOX_DRAWN = "box-drawn"
DASH_RULED = "dash-ruled"
X_POSITIONED = "x-positioned"
WRAPPED_LABELS = "wrapped-labels"
MERGED_REPEATED = "merged-repeated"
READING_ORDER = "reading-order"  # pdftotext (no -layout): text blocks in its reading order, read by govparse.pdforder
# A PDF's text a line a span in the page's own order, no blank line between cells (PyMuPDF's get_text, pdftohtml):
# a cell per line, some neighbours run together on one line (read apart where a row then fills its columns)
PDF_LINES = "pdf-lines"

LAYOUT_SAMPLE_LINES = 160
SHORT_TABLE_LINES = 40

# A row of space-separated cells ends in a value: 规章 0 0 3 / 行政许可 12,251
_VALUE_WORD = re.compile(r"[+-]?[\d,.]+\S{0,2}|[/—-]|无")
_VALUE_TEXT: Final = "0123456789,.+-—－/／%元万无增减減 \t\u3000\u00a0"  # what a line of values only holds (增1, 减178: a change in words)
_ENUMERATOR_HEAD = re.compile(r"[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]")
_ENUMERATED_HEAD = re.compile(r"[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[．.、]")
_WIDE_GAP = re.compile(r"\S {3,}\S")
_MIN_GAPPED_LINES = 3  # lines with such a gap that tell a table placed by x where nothing else does
_CAPTION_HEAD = re.compile(r"第[一二三四五六七八九十]{1,3}条")
# an enumerator standing alone as a label's first line: 5. / 5．/ （六 / (六) / 一、
_ENUMERATOR_ALONE = re.compile(r"[（(]?[一二三四五六七八九十]{1,3}[）)]?[、.．]?|\d{1,2}[．.、]")
_WRAPPING_TABLE_LINES = 20
_MIN_STACKED = 6  # lines of values only next to another that tell a row's cells a line or two each
_MIN_ROWS_ONLY = 3  # lines of rows that tell space-delimited rows among many lines of label pieces
_SEPARATOR_RULE = re.compile(r":?-{3,}:?(?:\|:?-{3,}:?)+")


@mypyc_attr(acyclic=True)
class TableLayout:
    """How a table section is laid out, and the evidence. A plain slotted class, not a frozen
    dataclass (as govparse.cells.Cell): compiled, a dataclass's __init__ stays interpreted, some
    7,000 instructions a layout (valgrind), three or more made per report. Never mutated: a
    split header is recorded on a new one (``with_split_header``)."""

    __slots__ = ("format", "style", "evidence", "split_header", "split_labels")

    def __init__(self, format: str, style: str, evidence: str, split_header: bool = False,
                 split_labels: tuple[str, ...] = ()) -> None:
        self.format = format  # LINEAR_CELL, PIPE_DELIMITED, TAB_DELIMITED, SPACE_DELIMITED or HTML
        self.style = style  # how cells sit on lines (BLANK_SEPARATED, ROW_PER_LINE, ...)
        self.evidence = evidence
        self.split_header = split_header
        self.split_labels = split_labels  # labels that were joined, e.g. "结果+维持@548"

    def _fields(self) -> tuple[str, str, str, bool, tuple[str, ...]]:
        return self.format, self.style, self.evidence, self.split_header, self.split_labels

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TableLayout):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (f"TableLayout(format={self.format!r}, style={self.style!r}, evidence={self.evidence!r}, "
                f"split_header={self.split_header!r}, split_labels={self.split_labels!r})")

    def __reduce__(self) -> tuple:
        return TableLayout, self._fields()  # see govparse.cells.Cell

    def with_split_header(self, split_labels: tuple[str, ...]) -> TableLayout:
        """This layout with its header's labels joined from pieces (``split_labels``)."""
        return TableLayout(self.format, self.style, self.evidence, True, split_labels)

    @property
    def name(self) -> str:
        """The layout family: split-header when the header had to be joined."""
        return SPLIT_HEADER if self.split_header else self.format


def detect_layout(doc: Document, section: Section, source_format: str | None = None,
                  prior: str | None = None) -> TableLayout:
    """The layout of one table section; ``source_format`` is HTML for converted pages,
    ``prior`` the format of the report's tables read before this one."""
    # The first lines tell the layout as well as all of them, at a bounded cost.
    if source_format == RUN_TOGETHER:
        return TableLayout(RUN_TOGETHER, ROW_PER_LINE, "cells run together, cut into rows at the statutory "
                           "labels (govparse.runtogether); a row's digits split by govparse.digits")
    lines = doc.texts(section.start, min(section.stop, section.start + LAYOUT_SAMPLE_LINES))
    # A page's <table> rows are tab-separated lines; a section with none holds its table as text
    # (pandoc's gfm writes a simple table as markdown pipes beside the complex ones it keeps as HTML).
    if source_format == HTML and any("\t" in text for text in lines):
        return TableLayout(HTML, ROW_PER_LINE, "the page's <table> rows, read by an HTML parser")
    # What the sample holds at all, told once: most tables have no pipe or no tab, so their lines are not
    # each asked; rules are looked for line by line only in a table that has their characters.
    joined = "\n".join(lines)
    pipes = "|" in joined
    tabs = "\t" in joined
    filled: list[int] = []  # indices of the lines with something on them
    piped: list[str] = []
    tabbed = 0
    for index, text in enumerate(lines):
        if text and not text.isspace():  # text.strip() without making it
            filled.append(index)
            if pipes and "|" in text:
                piped.append(text)
            if tabs and "\t" in text and "\t" in text.strip():
                tabbed += 1
    grid_rules = grid_lines = boxed = dash_rules = 0
    dashed = "---" in joined
    if dashed or "+-" in joined or "─" in joined or "━" in joined or "═" in joined:
        for index in filled:
            stripped = lines[index].strip()
            head = stripped[0]  # told by the first character, most lines are none of these
            if head == "+" or "\u2500" <= head <= "\u257f" and head not in "│┃║":
                if is_grid_rule(stripped):
                    grid_rules += 1
                    boxed += head != "+"
            elif head in "|│┃║":
                grid_lines += is_grid_line(stripped)
            elif head == "-":
                dash_rules += is_dash_rule(stripped)
    if not filled:
        return TableLayout(LINEAR_CELL, LINE_PER_CELL, "section is empty")
    count = len(filled)
    # Before the pipes: a grid's lines hold '|' too. A grid has rules between its rows.
    if grid_rules >= 2 and grid_lines >= 2 and (grid_rules + grid_lines) * 10 >= count * 3:
        return TableLayout(GRID, BOX_DRAWN if boxed * 2 > grid_rules else ASCII_GRID,
                           f"{grid_rules} rule lines and {grid_lines} lines between vertical bars "
                           f"of {count} non-blank lines; {boxed} rules box-drawn")
    if dash_rules and len(piped) * 10 < count * 3 and _dash_columns(lines, filled) >= 2:
        return TableLayout(SPACE_ALIGNED, DASH_RULED,
                           f"{dash_rules} rules of dash runs of {count} non-blank lines, "
                           f"the widest with {_dash_columns(lines, filled)} columns")
    # A third is enough: a short table (四 is four pipe rows) with a prose line
    # before and after it and a label wrapped onto its own line is still piped,
    # and other layouts have no '|' at all.
    if len(piped) * 10 >= count * 3:
        return _pipe_layout(piped, count, dashed)
    if tabbed * 10 >= count * 3:
        # A merged header cell shows in the table's first rows: four are looked at.
        # A row whose cells hold line breaks (python-docx) is looked at whole. Each row row_spans
        # walks holds a tab and this walk steps as it does: its first four rows are enough.
        spans = row_spans(lines, 4)
        checked = 0
        repeated = 0
        offset = 0
        while offset < len(lines) and checked < 4:
            stop = spans.get(offset, offset + 1)
            text = "".join(lines[offset:stop])
            if "\t" in text:
                repeated += _repeats_a_label(text)
                checked += 1
            offset = stop
        if repeated:
            return TableLayout(TAB_DELIMITED, MERGED_REPEATED,
                               f"{tabbed} of {count} non-blank lines hold a tab; {repeated} repeat a label in the "
                               "next cell (a merged cell written once per column it spans, as python-docx does)")
        return TableLayout(TAB_DELIMITED, ROW_PER_LINE, f"{tabbed} of {count} non-blank lines hold a tab")
    # Rows of words two or more spaces apart, and values on a line of their own indented past the
    # table's margin to their column or a header cell printed around the header's middle line: a
    # PDF's cells placed by x (pdftotext -layout), whatever prose stands around the table and however
    # few of its lines are rows. Looked for only in a table with a run of spaces at all.
    # (A table of rows, three in ten lines or more, is told by its stacked header below.)
    spaced = sum(1 for i in filled if _spaced_row(lines[i]))
    if "    " in joined:
        placed = _placed_values(lines, filled)
        if placed or spaced * 10 < count * 3 and stacked_header(lines):
            wide = _gapped_lines(lines, filled)
            if wide >= 2:
                return TableLayout(SPACE_ALIGNED, X_POSITIONED,
                                   f"{placed} of {count} non-blank lines hold values only, indented to their "
                                   f"columns past the table's margin, {wide} hold words two or more spaces "
                                   "apart: cells placed by x" if placed else
                                   f"{wide} of {count} non-blank lines hold words two or more spaces apart, a "
                                   "header cell printed above and below its header's middle line: a PDF's cells "
                                   "placed by x")
    # Values on a line of their own, a label's pieces around them: a PDF's wrapped cells.
    alone = inner = stacked = 0  # lines of values only; of them, those with more of the table below, and
    # those next to another (a row's values over several lines: a PDF's text a span or two a line, pdftohtml)
    if spaced * 10 >= count * 3:
        only = [_values_only(lines[i]) for i in filled]
        alone = sum(only)
        inner = alone - only[-1]
        stacked = sum(1 for at in range(len(only)) if only[at] and (at and only[at - 1] or
                                                                     at + 1 < len(only) and only[at + 1]))
    # A label wrapped around its row holds one line of the row's values; lines of values one under another,
    # most of them so, are a row's cells a line or two each, whose pairs (0 0) pass for space-separated rows.
    cells_a_line = stacked >= _MIN_STACKED and stacked * 2 > alone
    wide = _gapped_lines(lines, filled) if inner else 0
    # A label's tail below its row (第 1 页 aside): a line of text alone after a line ending in values,
    # looked for in a long table (三, the one whose labels wrap) with one line of values alone, or with
    # none after a row opening with an enumerator (5．要求行政机关确认或重新出具已 0 0 … / 获取信息:
    # every row's values beside a line of its label; a piece of a label split across cells, 行政许 /
    # 可 0 0 0 / 其, is no enumerated row's tail); never a caption or the head of a label whose rest opens
    # the next line of values (_label_head).
    tails = sum(1 for at in range(len(filled) - 1) if _text_only(lines[filled[at + 1]])
                and _ends_in_value(lines[filled[at]])
                and (inner or _ENUMERATED_HEAD.match(lines[filled[at]].lstrip()) is not None)
                and not _label_head(lines, filled, at + 1)) \
        if inner <= 1 and alone < 2 and count >= _WRAPPING_TABLE_LINES and spaced * 10 >= count * 3 else 0
    # One line of values alone is evidence only inside a long table, not in 四, whose one row may
    # have prose after it.
    if not cells_a_line and (alone >= 2 or count >= _WRAPPING_TABLE_LINES and (inner and wide * 10 >= count * 6 or tails)):
        if wide * 10 >= count * 3:
            return TableLayout(SPACE_ALIGNED, X_POSITIONED,
                               f"{alone} of {count} non-blank lines hold values only, {wide} hold words "
                               "two or more spaces apart: labels wrapped around their values, placed by x")
        return TableLayout(SPACE_DELIMITED, WRAPPED_LABELS,
                           f"{alone} of {count} non-blank lines hold values only, {tails} a label's tail "
                           f"after a row's values, {spaced} are space-separated rows: labels wrapped over "
                           "lines around their values")
    if spaced * 10 >= count * 3 and stacked_header(lines):
        return TableLayout(SPACE_ALIGNED, X_POSITIONED,
                           f"{spaced} of {count} non-blank lines are space-separated, a header cell printed above and "
                           "below its header's middle line: a PDF's cells placed by x")
    if spaced * 10 >= count * 3 and not cells_a_line:
        return TableLayout(SPACE_DELIMITED, ROW_PER_LINE,
                           f"{spaced} of {count} non-blank lines are three or more space-separated cells "
                           "or a label and its values")
    rows = _rows_only(lines, filled) if spaced >= _MIN_ROWS_ONLY else 0
    opened = _opened_by_enumerator(lines, filled) if rows and count >= _WRAPPING_TABLE_LINES else 0
    if opened >= _MIN_ROWS_ONLY:
        return TableLayout(SPACE_DELIMITED, WRAPPED_LABELS,
                           f"{spaced} of {count} non-blank lines are space-separated cells, {opened} of them a row's "
                           "values after its enumerator alone (5. 0 0 0 …, the label's words on the lines below): "
                           "labels wrapped below the line that holds their values")
    if rows:
        return TableLayout(SPACE_DELIMITED, ROW_PER_LINE,
                           f"{spaced} of {count} non-blank lines are space-separated cells, and the {rows} lines "
                           "with values all hold them after a label or other values: rows, their labels broken "
                           "over the lines above")
    # Words three or more spaces apart on a third of the lines (each line a label and its values, a header's
    # names): cells placed by x, though most rows print no value (a table 二 of blank cells), so no line of
    # them is a cell of its own
    if "    " in joined:
        gapped = _gapped_lines(lines, filled)
        if gapped >= _MIN_GAPPED_LINES and gapped * 10 >= count * 3:
            return TableLayout(SPACE_ALIGNED, X_POSITIONED,
                               f"{gapped} of {count} non-blank lines hold words three or more spaces apart, "
                               f"{spaced} of them rows with values: cells placed by x")
    # A short table (四: a header and one row; 二: a few rows) whose header is
    # broken over many lines has too few rows to show its format; if some rows
    # show the format the report's other tables have, the report was scraped one way.
    if count <= SHORT_TABLE_LINES and ((prior == SPACE_DELIMITED and spaced >= 2) or (prior == TAB_DELIMITED and tabbed >= 2)):
        return TableLayout(prior, ROW_PER_LINE, f"a short table ({count} non-blank lines), "
                           f"{spaced or tabbed} of them rows like the report's other {prior} tables")
    # Neighbouring filled lines one blank apart (blank-separated cells) against
    # those with none between (line-per-cell, or a label wrapped inside a cell).
    # Wider gaps hold empty cells in either style and tell nothing.
    separated, adjacent = _gaps(filled)
    evidence = (f"{len(piped)} of {count} non-blank lines hold '|'; of neighbouring cells, "
                f"{separated} are one blank line apart and {adjacent} on consecutive lines")
    if separated < 2 * adjacent and adjacent < 2 * separated:
        # Undecided: a short table with many blank cells (line-per-cell) looks
        # like one with wrapped labels (blank-separated). The whole report was
        # scraped one way, so its other lines decide.
        separated, adjacent = _gaps([i for i, raw in enumerate(doc.raw_lines) if raw and not raw.isspace()])
        evidence += f"; in the whole report {separated} and {adjacent}"
    style = BLANK_SEPARATED if separated > adjacent else LINE_PER_CELL
    # pdftotext's neighbours one space apart on a line: none where no line holds a space or a tab
    reading = reading_order_evidence(doc, lines, filled) if " " in joined or "\t" in joined else ""
    columns = "" if reading or "\f" not in doc.text else reading_order_columns(doc.texts(section.start, section.stop))
    if columns:
        # pdftotext's blocks a column of rows each, or rows after a label not theirs: its reading order,
        # whatever the gaps between cells (the whole section looked at: such blocks stand anywhere in it)
        return TableLayout(LINEAR_CELL, READING_ORDER, f"{evidence}; {columns}")
    if reading and style == BLANK_SEPARATED:
        return TableLayout(LINEAR_CELL, READING_ORDER, f"{evidence}; {reading}")
    if reading:
        # pdftotext parts its text blocks by blank lines; with none between cells, the text is the PDF's
        # own order, row by row
        return TableLayout(LINEAR_CELL, PDF_LINES, f"{evidence}; {reading}, no blank line between cells (a PDF's "
                           "text a line a span, in the page's order)")
    if style == LINE_PER_CELL:
        apart = _rows_apart(doc, section)
        if apart:
            return TableLayout(LINEAR_CELL, ROWS_APART, f"{evidence}; {apart}")
    return TableLayout(LINEAR_CELL, style, evidence)


def follow_reading_order(layouts: dict[str, TableLayout], rows_whole: Callable[[], bool] = lambda: False) -> None:
    """Where a report's table is pdftotext's reading order (or a PDF's lines in page order), so are its
    others that read as one cell or a few words a line (table 四's header pieces, 结果 结果 其他 尚未, and
    lines of two values run together pass for space-delimited rows): one tool wrote the whole report.
    ``rows_whole``: whether table 三 prints its rows whole, their values on one line (``rows_printed_whole``;
    asked only where a PDF's lines would lead a table of rows)."""
    followed = next((style for style in (READING_ORDER, PDF_LINES)
                     if any(layout.style == style for layout in layouts.values())), None)
    if followed is None:
        return
    rows = next((layout for key, layout in layouts.items()
                 if layout.style == WRAPPED_LABELS and key != SHORT_TABLE
                 or key == LONG_TABLE and layout.format == SPACE_DELIMITED), None)
    if rows is not None and (followed == READING_ORDER or rows_whole()):
        # A table of a PDF's wrapped rows (pypdf, pdfplumber, pdftotext -raw, pypdfium2: rows of a label
        # and its values, lines of values alone or labels' tails), or table 三 (26 rows) as rows of a label
        # and its values, is never pdftotext's reading order nor a PDF's text a span a line (PyMuPDF),
        # whose table 三 is a cell or two a line: the table read as either is a PDF's rows with a header a
        # cell a line (信息内容 / 本年制发件数 / …, table 四's header pieces), told again knowing the
        # report's other tables (govparse.pipeline).
        for key, layout in list(layouts.items()):
            if layout.style == followed:
                layouts[key] = TableLayout(LINEAR_CELL, LINE_PER_CELL, f"{layout.evidence}; but another table is "
                                           f"a PDF's wrapped rows ({rows.evidence})")
        return
    for key, layout in list(layouts.items()):
        if layout.style != followed and (layout.format == LINEAR_CELL or layout.format == SPACE_DELIMITED):
            layouts[key] = TableLayout(LINEAR_CELL, followed, f"{layout.evidence}; the report's other tables "
                                       f"are {'pdftotext' if followed == READING_ORDER else 'a PDF'}'s {followed}")


LONG_TABLE = "applications"  # table 三: its rows tell how a tool wrote a report's tables
# table 四: one row of values under a header of pieces; pdftotext's header lines of a few words
# (结果 结果 其他 尚未) and its stacked values pass for wrapped rows, so its own layout tells nothing
SHORT_TABLE = "review_litigation"
_WHOLE_ROW_VALUES = 5  # values on one line of table 三 (seven a row) that make it a row printed whole
_MIN_WHOLE_ROWS = 13  # half of table 三's 26 rows


def rows_printed_whole(doc: Document, section: Section) -> bool:
    """Whether half of table 三's rows or more stand on lines of their own with their values
    (pdftotext -raw, pypdfium2: a PDF's rows a line each, a wrapped label's lines around them). A PDF's
    text a span a line (PyMuPDF, pdftohtml) holds a value or two a line, run together where they sat
    close, and never a whole row of seven."""
    whole = 0
    for text in doc.texts(section.start, section.stop):
        if sum(1 for word in text.split() if _VALUE_WORD.fullmatch(word)) >= _WHOLE_ROW_VALUES:
            whole += 1
            if whole >= _MIN_WHOLE_ROWS:
                return True
    return False
MIN_ROW_GAPS = 3
MAX_REPORT_LINES = 5000


def _rows_apart(doc: Document, section: Section) -> str:
    """Evidence that empty lines only part rows (BeautifulSoup's get_text: a cell per line, an
    empty line after each row, a blank cell a line holding a no-break space), or "".

    Told over the whole report, as it was scraped one way: every row ends with an empty line
    (a value, then an empty line, then the next row's label), and no empty line stands between
    two values, where a blank cell would be one. A table whose rows all end in a blank cell
    looks the same, so one table alone cannot tell.
    """
    raws = doc.raw_lines
    if not any(not raw for raw in raws[section.start:section.stop]):
        return ""  # no empty line in the table: nothing parts its rows
    before_text = 0
    previous_value = False  # whether the last filled line is a value
    gap = False
    for offset in range(min(len(doc), MAX_REPORT_LINES)):
        raw = raws[offset]
        if not raw.strip():
            if raw.strip("\r") == "":
                gap = True  # an empty line; white space alone is a cell
            continue
        kind = kind_of(raw.strip())  # a value reads the same raw or normalized, but for full-width digits
        value = kind == Kind.NUMBER or kind == Kind.NULL_MARK
        if previous_value:
            if gap == value:  # an empty line between two values, or none after a row's values
                return ""
            if gap:
                before_text += 1
        previous_value, gap = value, False
    if before_text < MIN_ROW_GAPS:
        return ""
    return (f"in the whole report, {before_text} rows end with an empty line and none without, and no "
            "empty line stands between two values: empty lines part rows, a line of white space is a blank cell")


def _repeats_a_label(text: str) -> bool:
    """Two neighbouring cells holding the same text that is not a value (``第二十条第（一）项``
    twice): no table has a label twice side by side, so a merged cell repeated."""
    cells = text.split("\t")
    return any(a == b and _is_label_text(a) for a, b in zip(cells, cells[1:]))


def _is_label_text(text: str) -> bool:
    """Text with two Chinese characters or more: a label (not 无, not a null mark such as ——)."""
    return sum(1 for char in text if "\u4e00" <= char <= "\u9fff") >= 2


def _ends_in_value(text: str) -> bool:
    words = text.split()
    return len(words) >= 2 and _VALUE_WORD.fullmatch(words[-1]) is not None


def _text_only(text: str) -> bool:
    """One piece of text, no value, no enumerator or caption (第二十条第（五）项) opening it: a wrapped
    label's tail."""
    if " " in text.strip():
        return False  # most lines of a table of rows: told without splitting them
    words = text.split()
    return len(words) == 1 and not any(char.isdigit() for char in words[0]) and \
        _ENUMERATOR_HEAD.match(words[0]) is None and _CAPTION_HEAD.match(words[0]) is None


def _rows_only(lines: list[str], filled: list[int]) -> int:
    """How many lines hold values, where each holds them after other words (规 / 章 0 0 0: rows whose
    labels are broken over lines, the rest of a row's line being its values); 0 where a value stands
    alone on a line, as cells a line (linear-cell) or pdftotext's reading order (行政规范性文件 0, then
    6) put them. Stops at the first such line, which such text has within its first rows."""
    rows = 0
    for index in filled:
        words = lines[index].split()
        if _VALUE_WORD.fullmatch(words[-1]) is None:
            continue
        if len(words) == 1:
            return 0
        rows += 1
    return rows if rows >= _MIN_ROWS_ONLY else 0


def _opened_by_enumerator(lines: list[str], filled: list[int]) -> int:
    """How many lines hold a row's values after nothing but an enumerator (``5.``, ``（六 1.``) with a line of
    text alone after them: a narrow label cell wrapped a few characters a line, its values printed beside
    its first line and the rest of its words below (a borderless table of a Word document, as a PDF lays it
    out), where rows whose labels are broken over the lines above open with the label's last words."""
    opened = 0
    for at in range(len(filled) - 1):
        words = lines[filled[at]].split()
        if len(words) < 3 or _VALUE_WORD.fullmatch(words[-1]) is None or not _text_only(lines[filled[at + 1]]):
            continue
        head = 0
        while head < len(words) and _ENUMERATOR_ALONE.fullmatch(words[head]) is not None:
            head += 1
        if head and head < len(words) and _VALUE_WORD.fullmatch(words[head]) is not None:
            opened += 1
    return opened


def _label_head(lines: list[str], filled: list[int], at: int) -> bool:
    """Whether the text alone on ``lines[filled[at]]`` opens what follows rather than ending the row above: a
    caption (第 / 二十条第（五）项, 第二十 / 条 第（一）项 after a page break), or the head of a label whose rest opens the next line with values
    (行政规范性文 / 件 0 0 0: a label broken before its row, not wrapped after it, as a row's tail is
    followed by a row that opens with its enumerator). Each run of text lines is looked through once."""
    text = lines[filled[at]].strip()
    after = at + 1
    while after < len(filled) and _text_only(lines[filled[after]]):
        after += 1
    if at + 1 < len(filled) and _CAPTION_HEAD.match(text + lines[filled[at + 1]].lstrip()) or _CAPTION_HEAD.match(text):
        return True
    if after == len(filled) or not _ends_in_value(lines[filled[after]]):
        return False
    first = lines[filled[after]].split()[0]
    return _VALUE_WORD.fullmatch(first) is None and _ENUMERATED_HEAD.match(first) is None


def _gapped_lines(lines: list[str], filled: list[int]) -> int:
    """How many of the filled lines hold words three or more spaces apart (``_WIDE_GAP``)."""
    return sum(1 for i in filled if _WIDE_GAP.search(lines[i].strip()))


def _values_only(text: str) -> bool:
    """A line of two values or more alone (``0 0 11 0``): digits, separators and null marks
    only, told by stripping those from the line, which stops at the first other character (most
    lines are rows with a label: their first)."""
    stripped = text.strip()
    # most lines open with a label: told by their first character, before stripping from the right
    return " " in stripped and stripped[0] in _VALUE_TEXT and not stripped.strip(_VALUE_TEXT)


_PLACED_INDENT = 4  # spaces past the table's margin that put a line of values in a column


def _placed_values(lines: list[str], filled: list[int]) -> int:
    """How many filled lines hold values only (one or more), indented ``_PLACED_INDENT`` spaces or
    more past the least indented filled line: values printed at their column's x with nothing left
    of them (a label wrapped around them above and below)."""
    margin = 0
    if all(lines[i][0] == " " for i in filled):  # most tables start a line at the margin: told at once
        margin = min(len(lines[i]) - len(lines[i].lstrip(" ")) for i in filled)
    indent = " " * (margin + _PLACED_INDENT)
    placed = 0
    for i in filled:
        text = lines[i]
        if text.startswith(indent):
            stripped = text.strip()  # (not blank: a filled line)
            placed += stripped[0] in _VALUE_TEXT and not stripped.strip(_VALUE_TEXT)
    return placed


def _dash_columns(lines: list[str], filled: list[int]) -> int:
    """The most dash runs (columns) a dash rule among the filled lines has."""
    return max((len(lines[i].split()) for i in filled if is_dash_rule(lines[i])), default=0)


def _one_closed_cell(text: str) -> bool:
    """A line ``x |`` (or a lone ``|``): one pipe, closing the line. The usual line of a
    cell-per-line table, told without a pattern."""
    return text.count("|") == 1 and text.rstrip().endswith("|")


def _spaced_row(text: str) -> bool:
    """Three or more space-separated cells, or some text and a value after a space."""
    if " " not in text or " " not in text.strip():  # most lines hold no space: no copy made
        return False
    words = text.split(None, 2)
    return len(words) == 3 or len(words) == 2 and _VALUE_WORD.fullmatch(text.rsplit(None, 1)[1]) is not None


def _two_filled_cells(text: str) -> bool:
    """Two cells or more with something in them: a filled cell, its pipe, and something after it that is
    neither white space nor a pipe. The pieces between pipes are looked at in turn, up to the second filled
    one (a row's label and its first value), each told by str.isspace: cheaper than a pattern's match, and
    than a split into every piece."""
    filled = False
    start = 0
    while True:
        bar = text.find("|", start)
        end = len(text) if bar < 0 else bar
        if end > start and not text[start:end].isspace():
            if filled:
                return True
            filled = True
        if bar < 0:
            return False
        start = bar + 1


def _gaps(filled: list[int]) -> tuple[int, int]:
    """(pairs of neighbouring filled lines one blank line apart, pairs on consecutive lines)."""
    separated = sum(1 for a, b in zip(filled, filled[1:]) if b - a == 2)
    adjacent = sum(1 for a, b in zip(filled, filled[1:]) if b - a == 1)
    return separated, adjacent


def _pipe_layout(piped: list[str], count: int, dashed: bool) -> TableLayout:
    framed = wide = 0
    # html2text writes ``a| b| c`` under a ``---|---`` rule: pipes between cells, none at either
    # end, so a blank last cell is the blank after the last pipe.
    open_ended = 0
    separator_rule = False
    for text in piped:
        stripped = text.strip()
        inner = stripped.strip("|")
        framed += stripped.startswith("|") and stripped.endswith("|") and inner != "" and not inner.isspace()
        # Cell-per-line never has two filled cells on a line; row-per-line has them on
        # most lines, even in table 二 whose rows are one to four cells wide.
        wide += not _one_closed_cell(text) and _two_filled_cells(text)
        if dashed:  # the table has a run of dashes: a rule line, maybe
            open_ended += not stripped.startswith("|")
            separator_rule = separator_rule or "---" in stripped and _SEPARATOR_RULE.fullmatch(stripped) is not None
    if framed * 2 >= len(piped):
        style = MARKDOWN
    elif separator_rule and open_ended * 10 >= len(piped) * 9:
        style = PIPE_SEPARATED
    elif wide * 10 >= len(piped) * 3:
        style = ROW_PER_LINE
    else:
        style = CELL_PER_LINE
    return TableLayout(
        PIPE_DELIMITED, style,
        f"{len(piped)} of {count} non-blank lines hold '|'; {wide} hold two or more filled cells; "
        f"{framed} start and end with '|'; {open_ended} do not start with one; "
        f"{'a' if separator_rule else 'no'} ---|--- rule",
    )
