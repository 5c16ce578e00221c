"""HTML pages: read with lxml into the same line and cell shapes as scraped text.

Many scrapers save the page itself. Its paragraphs become lines (the section
headings and narrative live there) and each ``<tr>`` of a ``<table>`` becomes
one line of tab-separated cells, which the tab-delimited cell reader takes from
there. ``<br>`` inside a cell joins its pieces (``结果<br>维持`` is one label), and
``&nbsp;`` is a space like any other (a line of one alone between ``<br>``s, pdftohtml's blank
cell, is kept as a line of white space). A cell spanning rows or columns appears
once, in the first row it covers: labels decide the columns, not positions.

Every produced line remembers the source line of the element it came from, so
values in an HTML report still point at their place in the page.

Speed: libxml2's parse is about half the cost (some 150 µs for a report page of
300 cells); the walk keeps the Python work per table cell to a few attribute reads,
which is most of the rest.
"""

from __future__ import annotations

import re

from functools import cache
from typing import Any, Final

import regex

from .normalize import PATTERN_TIMEOUT

_HTML_HINT = regex.compile(r"<(?:!doctype\s+html|html|body|table|tr|td|p|div)\b", regex.IGNORECASE)
_HINT_SPAN = 65536

_SKIP: Final = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object"})
_BLOCK: Final = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "title", "section", "article",
    "header", "footer", "blockquote", "pre", "dt", "dd", "dl", "hr", "caption", "center",
})


# A blank line in text outside any block element: a paragraph break in text that mixes markdown or plain
# lines with HTML tables (pandoc's gfm, CMS exports), where the browser would join the paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
# A markdown table's row in such text (pandoc's gfm writes a simple table as pipes, a complex one as HTML):
# a line of its own, as its reader takes it, never joined with the rows around it.
_PIPE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t\r]*$", re.MULTILINE)


def looks_like_html(text: str) -> bool:
    # Every hint opens with "<": a text without one (most reports) is settled by one find.
    return text.find("<", 0, _HINT_SPAN) >= 0 and \
        _HTML_HINT.search(text, 0, _HINT_SPAN, timeout=PATTERN_TIMEOUT) is not None


@cache
def _lxml():
    """lxml.etree and one HTML parser, loaded on the first page so text-only runs never import lxml.

    A plain etree parser, not lxml.html's: that one runs a Python class lookup for
    every element the walk touches (about 130 µs a page). The parse options are
    the same: libxml2's defaults, whose depth limit keeps deep nesting bounded.
    """
    from lxml import etree

    return etree, etree.HTMLParser()


def html_to_lines(text: str) -> tuple[list[str], list[int]] | None:
    """(lines, source line of each) for an HTML page, or None when lxml finds no document."""
    etree, parser = _lxml()
    try:
        root = etree.fromstring(text, parser)
    except (etree.ParserError, ValueError):
        return None
    if root is None:  # lxml's "Document is empty"
        return None
    reader = _Reader(etree.tostring)
    reader.walk(root)
    reader.flush()
    return reader.lines, reader.numbers


def _clean(text: str) -> str:
    """White space runs as one space, none at the ends. Text with no white space but
    single spaces (most cells) is found so by two C calls, cheaper than splitting it:
    every white space character but the space is unprintable."""
    if " " in text or not text.isprintable():
        return " ".join(text.split())
    return text


class _Reader:
    """Walks the element tree in document order, collecting lines."""

    def __init__(self, tostring) -> None:
        self.tostring = tostring  # lxml.etree.tostring, passed in because lxml is imported late
        self.lines: list[str] = []
        self.numbers: list[int] = []
        self.pending: list[str] = []
        self.pending_line = 1
        self.spaced_line = 0  # source line of a line of no-break space alone, between two <br> (0: none)

    def add_text(self, text: str | None, element) -> None:
        """Queue text for the current line; its number is that of the element it came with,
        plus the lines before it where a blank line splits the text into paragraphs."""
        if not text or text.isspace():
            if text and "\xa0" in text and element.tag == "br" and element.sourceline:
                # a line of a no-break space alone (pdftohtml writes a PDF's blank cell so): kept as one, the
                # blank's trace in a PDF's lines (govparse.cells); other white space between lines is nothing
                self.spaced_line = element.sourceline + text.count("\n", 0, text.index("\xa0"))
            return
        start = 0
        for found in _breaks(text) if "\n" in text else ():
            self._queue(text[start:found[0]], element.sourceline, text.count("\n", 0, start))
            self.flush()
            start = found[1]
        self._queue(text[start:], element.sourceline, text.count("\n", 0, start))

    def _queue(self, text: str, sourceline: int | None, lines_before: int = 0) -> None:
        if text and not text.isspace():
            if not self.pending:
                self.pending_line = sourceline + lines_before if sourceline else self.pending_line
            self.pending.append(text)

    def flush(self) -> None:
        if self.pending:
            text = _clean("".join(self.pending))
            if text:
                self.lines.append(text)
                self.numbers.append(self.pending_line)
            self.pending.clear()
        elif self.spaced_line:
            self.lines.append("\xa0")
            self.numbers.append(self.spaced_line)
        self.spaced_line = 0

    def walk(self, element) -> None:
        tag = element.tag
        tag = tag.lower() if isinstance(tag, str) else ""  # comments and processing instructions have no name
        if tag == "table":
            self.flush()
            self.table(element)
        elif tag and tag not in _SKIP:
            block = tag in _BLOCK
            if block:
                self.flush()
            self.add_text(element.text, element)
            if len(element):  # most paragraphs have none: no iterator for them
                for child in element:
                    self.walk(child)
            if block:
                self.flush()
        self.add_text(element.tail, element)

    def table(self, table) -> None:
        """One line per row of this table; a table nested in a cell only adds to that cell's text.

        Cells come from one tag-filtered pass over the table, matched to their row:
        cheaper per cell than looping over each row's children. A plain cell reads
        its one text node; a cell with markup inside (<br>, or the <p><span> of pages
        saved from Word) has its text nodes joined by libxml2, about ten times faster
        than joining itertext() in Python. Comments are not text in either.
        """
        text_of = self.tostring
        # A nested table's rows are text of the cell that holds it. A row whose parent is
        # the table is its own; only the others (in a <tbody>, or nested) need the walk
        # up, which is cheaper than searching the table for a nested one.
        cells_of_row: dict[Any, list[str]] = {row: [] for row in table.iter("tr")
                                              if row.getparent() is table or _owning_table(row) is table}
        for cell in table.iter("td", "th"):  # libxml2 lowercases tag names
            cells = cells_of_row.get(cell.getparent())
            if cells is not None:  # a cell of this table's row, not of a nested one or astray
                if len(cell) == 0:
                    text = cell.text
                    if text is None:
                        cells.append("")
                        continue
                else:
                    text = text_of(cell, method="text", encoding=str, with_tail=False)
                cells.append(_clean(text))
        for row, cells in cells_of_row.items():
            if any(cells):
                self.lines.append("\t".join(cells))
                self.numbers.append(row.sourceline or self.pending_line)


def _breaks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line break in loose text that ends a line: a blank line, and the breaks
    before and after a markdown table's row, in order."""
    breaks = [(found.start(), found.end()) for found in _PARAGRAPH_BREAK.finditer(text)]
    for row in _PIPE_ROW.finditer(text):
        if row.start() > 0:
            breaks.append((row.start() - 1, row.start()))
        if row.end() < len(text):
            breaks.append((row.end(), row.end() + 1))
    breaks.sort()
    kept: list[tuple[int, int]] = []
    for found in breaks:  # a break inside one already kept (a blank line beside a row) is that break
        if kept and found[0] < kept[-1][1]:
            kept[-1] = (kept[-1][0], max(kept[-1][1], found[1]))
        else:
            kept.append(found)
    return kept


def _owning_table(row):
    parent = row.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent
