"""HTML pages: read with lxml into the same line and cell shapes as scraped text.

Many scrapers save the page itself. Its paragraphs become lines (the section
headings and narrative live there) and each ``<tr>`` of a ``<table>`` becomes
one line of tab-separated cells, which the tab-delimited cell reader takes from
there. ``<br>`` inside a cell joins its pieces (``结果<br>维持`` is one label), and
``&nbsp;`` is a space like any other. A cell spanning rows or columns appears
once, in the first row it covers: labels decide the columns, not positions.

Every produced line remembers the source line of the element it came from, so
values in an HTML report still point at their place in the page.
"""

from __future__ import annotations

import regex

from .normalize import PATTERN_TIMEOUT

_HTML_HINT = regex.compile(r"<(?:!doctype\s+html|html|body|table|tr|td|p|div)\b", regex.IGNORECASE)
_HINT_SPAN = 65536

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object"})
_BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "title", "section", "article",
    "header", "footer", "blockquote", "pre", "dt", "dd", "dl", "hr", "caption", "center",
})


def looks_like_html(text: str) -> bool:
    return _HTML_HINT.search(text, 0, _HINT_SPAN, timeout=PATTERN_TIMEOUT) is not None


def html_to_lines(text: str) -> tuple[list[str], list[int]] | None:
    """(lines, source line of each) for an HTML page, or None when lxml finds no document."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return None
    reader = _Reader()
    reader.walk(root)
    reader.flush()
    return reader.lines, reader.numbers


def _clean(text: str) -> str:
    return " ".join(text.split())


class _Reader:
    """Walks the element tree in document order, collecting lines."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.numbers: list[int] = []
        self.pending: list[str] = []
        self.pending_line = 1

    def add_text(self, text: str | None, line: int | None) -> None:
        if text and text.strip():
            if not self.pending:
                self.pending_line = line or self.pending_line
            self.pending.append(text)

    def flush(self) -> None:
        text = _clean("".join(self.pending))
        if text:
            self.lines.append(text)
            self.numbers.append(self.pending_line)
        self.pending.clear()

    def walk(self, element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP or not tag:
            self.add_text(element.tail, element.sourceline)
            return
        if tag == "table":
            self.flush()
            self.table(element)
            self.add_text(element.tail, element.sourceline)
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        self.add_text(element.text, element.sourceline)
        for child in element:
            self.walk(child)
        if block:
            self.flush()
        self.add_text(element.tail, element.sourceline)

    def table(self, table) -> None:
        for row in table.iter("tr"):
            if _owning_table(row) is not table:
                continue  # a nested table's rows are read with that table
            cells = [_cell_text(cell) for cell in row if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th")]
            if any(cells):
                self.lines.append("\t".join(cells))
                self.numbers.append(row.sourceline or self.pending_line)


def _owning_table(row):
    parent = row.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _cell_text(cell) -> str:
    """A cell's text with <br> pieces joined and no tabs left inside."""
    return _clean("".join(cell.itertext())).replace("\t", " ")
