"""Page furniture inside a table: lines a PDF's pages put there, not the table.

Text taken from a PDF (pdftotext, pdfplumber, pypdf) carries what each page
prints around its content into the middle of a table that crosses a page:

- page numbers: ``- 4 -``, ``— 4 —``, ``第 4 页``, ``第4页 共6页``, ``4 / 6``, and a
  lone number on its own line where it is one of a run of page numbers (each the
  one before plus one, on lines far apart) or sits right at a form feed;
- running headers and footers: the same line at every page break;
- the table's header printed again at the top of the next page.

Read as cells, a page number becomes a value and shifts a row; so each such line
is found, skipped by the cell readers and returned so that the pipeline can say
which line it dropped (diagnostic ``page-furniture``). A line is furniture only by
its form and its place at a page break, never because it is hard to read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import Document

PAGE_NUMBER = "page-number"
RUNNING_LINE = "running-line"
REPEATED_HEADER = "repeated-header"

_MAX_FURNITURE_CHARS = 40
_DASH = "-–—－―"
_PAGE_NUMBER = re.compile(
    rf"[{_DASH}]+ ?\d{{1,4}} ?[{_DASH}]+"  # - 4 -, — 4 —
    r"|第 ?\d{1,4} ?页(?: ?[,，、/]? ?共 ?\d{1,4} ?页)?"  # 第 4 页, 第4页 共6页
    r"|\d{1,4} ?/ ?\d{1,4}"  # 4 / 6
    r"|(?:page|Page|PAGE) ?\d{1,4}(?: ?(?:of|/) ?\d{1,4})?"
)
_LONE_NUMBER = re.compile(r"\d{1,4}")
_DIGITS = re.compile(r"\d+")
# The same forms as a whole line, spaces around them: fullmatched only on a line whose first character
# (spaces aside) may open one (``_may_open``), which few of a table's lines do.
_PAGE_NUMBER_TEXT = re.compile(rf"[ \t\u3000]*(?:{_PAGE_NUMBER.pattern})[ \t\u3000]*")
_PAGE_NUMBER_OR_LONE_TEXT = re.compile(rf"[ \t\u3000]*(?:{_PAGE_NUMBER.pattern}|\d{{1,4}})[ \t\u3000]*")
assert sorted(map(ord, _DASH)) == [45, 0x2013, 0x2014, 0x2015, 0xFF0D]  # as _may_open tells them
_VALUE_WORD = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?|[/—－-]+|无")
# A page number is set as one run of text: its figures and marks a space or two apart. Wider gaps (or a
# tab) put them in columns: ``26    /    491`` is a row's values around a null mark, not page 26 of 491.
_COLUMN_GAP = re.compile(r"\t|[ \u3000\u00a0]{3,}")
_MIN_PAGE_GAP = 10  # lines between two page numbers of a run, at least
_NEAR = 1  # a running line is the filled line next to a page break
_LOOK = 12  # lines looked at on each side of a break, at most (blank ones included)
_HEADER_LINES = 24  # a table header's lines: table 四's three header rows take nine stacked by x, 22 a cell a line
_TITLE_LINES = 3  # the document's first filled lines, where its title is


@dataclass(frozen=True, slots=True)
class Furniture:
    """A line skipped as page furniture: its 0-based document index, its text, and what it is."""

    index: int
    text: str
    kind: str

    @property
    def line(self) -> int:
        return self.index + 1


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def _page_number(text: str, raw: str) -> bool:
    """Whether squeezed ``text`` (line ``raw``) is a page number in one of its written forms that can
    count pages: page n of m only where 1 <= n <= m (``28 / 0`` is a row's values around a null mark,
    not page 28 of none); a form of figures and marks alone only where they stand as one run of text."""
    if _PAGE_NUMBER.fullmatch(text) is None:
        return False
    if "页" not in text and "age" not in text and "AGE" not in text \
            and _COLUMN_GAP.search(raw.strip(" \t\u3000\u00a0\f")) is not None:
        return False
    numbers = [int(number) for number in _DIGITS.findall(text)]
    return numbers[0] >= 1 and (len(numbers) == 1 or numbers[0] <= numbers[1])


def is_page_number(text: str) -> bool:
    """Whether a line is a page number in one of its written forms (第 4 页 共 6 页, - 4 -, 4 / 6)."""
    squeezed = _squeezed(text)
    return len(squeezed) <= _MAX_FURNITURE_CHARS and _page_number(squeezed, text)


def may_hold_furniture(doc: Document, start: int, stop: int, lone_numbers: bool) -> bool:
    """Whether lines [start, stop) hold a form feed, a page number, or (``lone_numbers``) a lone
    number: the cheap test that spares most tables the document-wide search. Line by line, a line
    looked at by its first characters only unless one may open a page number: a regular expression
    searched over the joined lines costs a match attempt of several hundred instructions a line."""
    form = _PAGE_NUMBER_OR_LONE_TEXT if lone_numbers else _PAGE_NUMBER_TEXT
    raw_lines = doc.raw_lines
    for index in range(start, stop):
        line = raw_lines[index]
        if "\f" in line:
            return True
        if _may_open(line, lone_numbers) and form.fullmatch(line) is not None:
            return True
    return False


def _may_open(line: str, lone_numbers: bool) -> bool:
    """Whether ``line`` may be a page number or (``lone_numbers``) a lone number, by its first character
    after spaces: a dash, P or p, 第 before a number, or a digit, which opens a lone number, or a page number
    only as ``4 / 6``; no form holds a pipe. By code point, not by character: compiled, no one-character
    string is made for the common ones (most lines open with a Han character or a digit, and many tables put
    a value a line)."""
    for at in range(len(line)):
        code = ord(line[at])
        if code == 32 or code == 9 or code == 0x3000:
            continue
        if _digit_at(line, at):
            return "|" not in line and (lone_numbers or "/" in line)
        if code == 0x7B2C:  # 第 4 页
            after = at + 2 if at + 2 < len(line) and line[at + 1] == " " else at + 1
            return after < len(line) and _digit_at(line, after)
        # a dash (_DASH, by code point: a set of them would be looked up as a module's global, boxed) or P, p
        return code == 45 or code == 0x2013 or code == 0x2014 or code == 0xFF0D or code == 0x2015 or code == 80 \
            or code == 112
    return False


def _digit_at(line: str, at: int) -> bool:
    """Whether ``line[at]`` is a digit as a regular expression's ``\\d`` takes one (any decimal digit)."""
    code = ord(line[at])
    if 48 <= code <= 57 or 0xFF10 <= code <= 0xFF19:
        return True
    if code < 128 or 0x3000 <= code <= 0x9FFF or 0xFF00 <= code <= 0xFFEF:
        return False  # (ASCII, Han characters and full-width forms hold no other digit)
    return line[at].isdecimal()


def page_breaks(doc: Document, lone_numbers: bool) -> dict[int, Furniture]:
    """The document's page-number lines (index -> Furniture). A lone number counts only at a form
    feed, or with ``lone_numbers`` (tables of whole rows per line, where no value stands alone)
    as one of a run of three or more counting pages on lines far apart."""
    found: dict[int, Furniture] = {}
    lone: list[tuple[int, int]] = []  # (index, number) of lines holding a lone number
    raw_lines = doc.raw_lines
    for index, raw in enumerate(raw_lines):
        if len(raw) > _MAX_FURNITURE_CHARS * 4:
            continue
        text = _squeezed(raw)
        if not text or len(text) > _MAX_FURNITURE_CHARS:
            continue
        if _page_number(text, raw):
            found[index] = Furniture(index, text, PAGE_NUMBER)
        elif lone_numbers and _LONE_NUMBER.fullmatch(text):
            if "\f" in raw or (index + 1 < len(raw_lines) and raw_lines[index + 1].startswith("\f")):
                found[index] = Furniture(index, text, PAGE_NUMBER)
            else:
                lone.append((index, int(text)))
    # Lone numbers that count pages: each the previous plus one, lines apart.
    run: list[tuple[int, int]] = []
    for index, number in lone:
        if run and number == run[-1][1] + 1 and index - run[-1][0] >= _MIN_PAGE_GAP:
            run.append((index, number))
            continue
        if run and number == run[-1][1]:
            continue
        _keep_run(run, found, doc)
        run = [(index, number)]
    _keep_run(run, found, doc)
    return found


def _keep_run(run: list[tuple[int, int]], found: dict[int, Furniture], doc: Document) -> None:
    if len(run) >= 3:
        for index, number in run:
            found[index] = Furniture(index, str(number), PAGE_NUMBER)


def _break_at(doc: Document, index: int, pages: dict[int, Furniture]) -> bool:
    """Whether line ``index`` is a page break: a page number, or a form feed opening it."""
    return index in pages or "\f" in doc.raw_lines[index]


def table_furniture(doc: Document, start: int, stop: int, pages: dict[int, Furniture]) -> dict[int, Furniture]:
    """The furniture among lines [start, stop) of a table section (document index -> Furniture)."""
    found = {index: furniture for index, furniture in pages.items() if start <= index < stop}
    breaks = sorted({index for index in range(start, stop) if _break_at(doc, index, pages)})
    if not breaks:
        return found
    # Lines near each break, by text: a text that pages repeat (_running_texts) found
    # nowhere else in the section is a running header or footer.
    near: dict[str, list[int]] = {}
    for brk in breaks:
        for index in _neighbours(doc, brk, start, stop, pages):
            near.setdefault(_squeezed(doc.raw_lines[index]), []).append(index)
    counts: dict[str, int] = {}
    for index in range(start, stop):
        text = _squeezed(doc.raw_lines[index])
        if text in near:
            counts[text] = counts.get(text, 0) + 1
    running = _running_texts(doc, pages, set(near)) if near else set()
    for text, indices in near.items():
        if text in running and counts.get(text, 0) == len(set(indices)):
            for index in indices:
                found.setdefault(index, Furniture(index, text, RUNNING_LINE))
    # The table's first lines printed again after a break: its header on the new page.
    header: list[int] = []  # the table's first lines, up to its first page break
    for index in range(start, min(stop, breaks[0], start + _LOOK * 4)):
        if len(header) < _HEADER_LINES and doc.raw_lines[index].strip() and index not in found:
            header.append(index)
    # Empty cells (a pipe cell-per-line table's ``|`` lines) are left out of the comparison: the
    # header's stray empty cells differ from page to page.
    header_texts = [_squeezed(doc.raw_lines[index]) for index in header
                    if not _has_digit(doc.raw_lines[index]) and not _empty_cells(doc.raw_lines[index])]
    for brk in breaks:
        _header_again(doc, brk, stop, header, header_texts, found)
    return found


def _header_again(doc: Document, brk: int, stop: int, header: list[int], header_texts: list[str],
                  found: dict[int, Furniture]) -> None:
    """The table's header printed again right after the page break ``brk``, line for line, into ``found``,
    with the empty cells that are its own: those among its lines and after them where a label follows,
    or a line of several (a spanned cell's pad) where a value does (table 四's row opens with values: one
    empty cell there is its first, blank); and where the break follows a header line (the header
    printed again before the first row), the empty cells between that line and the break."""
    position = 0
    index = brk + 1
    empty: list[int] = []  # empty-cell lines since the last header line matched
    while index < stop and index - brk <= _LOOK + _HEADER_LINES:
        text = _squeezed(doc.raw_lines[index])
        if not text or index in found:
            index += 1
            continue
        if _empty_cells(text):
            if position:
                empty.append(index)
            index += 1
            continue
        again = position < len(header_texts) and text == header_texts[position] and index not in header
        if not again:
            value_next = is_value_cell(text)
            _mark(doc, [at for at in empty if not value_next or doc.raw_lines[at].count("|") > 1], found)
            break
        _mark(doc, empty, found)
        empty.clear()
        found[index] = Furniture(index, text, REPEATED_HEADER)
        position += 1
        index += 1
    if not position:
        return
    before: list[int] = []  # empty-cell lines right before the break
    index = brk - 1
    while index >= 0 and brk - index <= _LOOK:
        text = _squeezed(doc.raw_lines[index])
        if text and not _empty_cells(text) and index not in found:
            if text in header_texts[:position]:
                _mark(doc, before, found)
            return
        if text and index not in found:
            before.append(index)
        index -= 1


def _mark(doc: Document, indices: list[int], found: dict[int, Furniture]) -> None:
    for index in indices:
        found[index] = Furniture(index, _squeezed(doc.raw_lines[index]), REPEATED_HEADER)


def is_value_cell(text: str) -> bool:
    """Whether a line of one cell (``0``, ``12 |``, ``— |``) holds a value: a number or a null mark."""
    return _VALUE_WORD.fullmatch(text.strip().strip("|").strip()) is not None


def _empty_cells(text: str) -> bool:
    """A line of empty cells and nothing else (``|``, ``| |``, ``|||``)."""
    return "|" in text and not text.replace("|", "").strip()


def _running_texts(doc: Document, pages: dict[int, Furniture], wanted: set[str]) -> set[str]:
    """Those of ``wanted`` (texts next to a table's page breaks) that the document's pages repeat:
    next to two page breaks of the whole document or more (a table crossing one page break
    shows its running header once; the others are at breaks outside it), or the document's
    title (one of its first filled lines) printed again at a page's top or foot."""
    title: set[str] = set()
    for raw in doc.raw_lines:
        if len(title) >= _TITLE_LINES:
            break
        if raw.strip():
            title.add(_squeezed(raw))
    breaks = set(pages)
    breaks.update(index for index, raw in enumerate(doc.raw_lines) if "\f" in raw)
    seen: dict[str, set[int]] = {}
    page = 0  # a page break's lines (a page number, blank lines, the form feed after it) are one break
    previous: int | None = None
    for brk in sorted(breaks):
        if previous is not None and (brk - previous > _LOOK
                                     or any(raw.strip() for raw in doc.raw_lines[previous + 1:brk])):
            page += 1
        previous = brk
        for index in _neighbours(doc, brk, 0, len(doc.raw_lines), pages):
            text = _squeezed(doc.raw_lines[index])
            if text in wanted:
                seen.setdefault(text, set()).add(page)
    return {text for text, at in seen.items() if len(at) >= 2 or text in title}


def _holds_values(text: str) -> bool:
    """Two values or more among a line's words (``0 0 12``, ``规章 1 0 11``): a table row, however
    often it repeats, never a running header or footer."""
    return sum(1 for word in text.split() if _VALUE_WORD.fullmatch(word)) >= 2


def _has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


def _neighbours(doc: Document, brk: int, start: int, stop: int, pages: dict[int, Furniture]) -> list[int]:
    """The filled lines within _NEAR of a page break (the break's own line aside)."""
    picked = []
    for step in (-1, 1):
        index, seen = brk + step, 0
        while start <= index < stop and seen < _NEAR and abs(index - brk) <= _LOOK:
            raw = doc.raw_lines[index]
            if raw.strip() and index not in pages:
                seen += 1
                if not _holds_values(raw):
                    picked.append(index)
            index += step
    if "\f" in doc.raw_lines[brk] and doc.raw_lines[brk].strip() and brk not in pages:
        picked.append(brk)
    return picked
