"""A PDF's text a line a span, in the page's order (PyMuPDF ``get_text``, ``pdftohtml``: layout pdf-lines).

These tools write each printed line of a page as it stands, left to right, top to bottom. A row's
values sit on its middle line, so a label wrapped in its cell puts its values after the line of the
label they share a baseline with: ``（二）部分公开（区分处理的，只计这一0`` (PyMuPDF runs the first
value on) or ``行政机关不再处理其政府信息公开申 5`` (pdftohtml, a space between), the label's last line
after the values. The lexer puts the label's lines together again; here the value run on after a
label's line is made a cell of its own, as it was printed. No statutory label ends in a digit, so the
digits after a line's text are never the label's.
"""

from __future__ import annotations

from typing import Final

import regex

from .cells import Cell

# Text with a CJK character in it, then one number or more (each as a value is printed), and nothing after.
_RUN_ON: Final = regex.compile(r"(?<=\p{Han}[^\d\s]*)\s*([+-]?\d[\d,]*(?:\.\d+)?(?:\s+[+-]?\d[\d,]*(?:\.\d+)?)*)$")


def values_apart(cells: list[Cell]) -> list[Cell]:
    """``cells`` with each text cell that ends in values run on after a line of label text cut in two:
    the text, then the values (together, as the tool wrote them: neighbours on one line)."""
    apart: list[Cell] = []
    for cell in cells:
        text = cell.text
        if not text or not text[-1].isdigit():
            apart.append(cell)
            continue
        found = _RUN_ON.search(text)
        head = text[:found.start()].rstrip() if found is not None else ""
        if found is None or not head:
            apart.append(cell)
            continue
        apart.append(Cell(head, cell.line, cell.column))
        apart.append(Cell(found.group(1), cell.line, cell.column + found.start(1)))
    return apart
