"""A DOCX's main part: paragraphs and tables in document order, read with lxml.

No python-docx: the body is walked directly (``w:p`` a line, ``w:tbl`` its rows),
which keeps every byte read under a bound and costs no dependency beyond lxml.

- A row is one line of tab-separated cells. A cell merged across columns
  (``w:gridSpan``) is one cell; a cell merged down rows (``w:vMerge``) appears
  once, in the row it starts in (as the HTML path gives a rowspan), so labels
  decide the columns, not positions. A cell's paragraphs join into one text, so
  a label on two lines of its cell is one label. A table inside a cell (a report
  laid out in a one-cell table) is read as a table of its own, after its row.
- Content controls (``w:sdt``), tracked insertions and smart tags are read through;
  deleted text and the fallback copy of alternate content are not.
- Headers and footers live in parts of their own, so page furniture never enters.

Bounds: the ZIP's directory, and the main part read at most MAX_PART_BYTES
uncompressed (a zip bomb stops there with a clear error); lxml parses with
entities unresolved and its default depth limits.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from functools import cache

from . import DOCX, DocumentError, Grid, Lines, Reading

MAX_PART_BYTES = 64 * 1024 * 1024  # uncompressed main part; a long report's is a few MB
MAX_ENTRIES = 10_000
MAX_CELLS = 200_000  # table cells in the whole document
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
_P, _TBL, _TR, _TC, _T = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "t"
_TAB, _BR, _CR = _W + "tab", _W + "br", _W + "cr"
_SDT, _SDT_CONTENT = _W + "sdt", _W + "sdtContent"
_DEL_TEXT = _W + "delText"
# Containers whose children are body blocks (paragraphs, tables) read through.
_THROUGH = frozenset({_SDT, _SDT_CONTENT, _W + "customXml", _W + "ins", _W + "smartTag"})


@cache
def _etree():
    from lxml import etree

    return etree, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


def read_docx(data: bytes) -> Reading:
    xml = _main_part(data)
    etree, parser = _etree()
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as error:
        raise DocumentError(f"this DOCX is damaged: its main part is not well-formed XML ({error})") from error
    body = root.find(_W + "body")
    if body is None:
        raise DocumentError("this DOCX has no document body: not a Word document govparse can read")
    reader = _Reader()
    reader.blocks(body)
    notes = (f"the DOCX has more than {MAX_CELLS} table cells; the rest are not read",) if reader.cut else ()
    return Reading(DOCX, tuple(reader.lines.lines), tuple(reader.lines.places), tuple(reader.grids), notes=notes)


def _main_part(data: bytes) -> bytes:
    """The main document part's bytes, read under MAX_PART_BYTES whatever the ZIP claims."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise DocumentError(f"this DOCX holds {len(infos)} entries, far more than a Word document: "
                                    "not read")
            names = {info.filename for info in infos}
            name = _main_name(archive, names)
            if name not in names:
                raise DocumentError("this DOCX has no main document part (word/document.xml): not read")
            with archive.open(name) as part:
                xml = part.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError,
            RuntimeError, KeyError, zlib.error) as error:
        raise DocumentError(f"this DOCX is damaged and cannot be unpacked ({error})") from error
    if len(xml) > MAX_PART_BYTES:
        raise DocumentError(f"this DOCX's main part unpacks to more than {MAX_PART_BYTES // 1048576} MiB "
                            "(a zip bomb, or not a report): not read")
    return xml


def _main_name(archive: zipfile.ZipFile, names: set[str]) -> str:
    """The main part named by the package's relationships, else the usual word/document.xml."""
    if "_rels/.rels" in names:
        etree, parser = _etree()
        with archive.open("_rels/.rels") as part:
            rels = part.read(1024 * 1024)
        try:
            root = etree.fromstring(rels, parser)
        except etree.XMLSyntaxError:
            return "word/document.xml"
        for relationship in root.iter(_RELATIONSHIPS):
            if (relationship.get("Type") or "").endswith(_OFFICE_DOCUMENT):
                target = relationship.get("Target") or ""
                return posixpath.normpath(target.lstrip("/"))
    return "word/document.xml"


class _Reader:
    def __init__(self) -> None:
        self.lines = Lines()
        self.grids: list[Grid] = []
        self.tables = 0
        self.cells = 0
        self.cut = False

    def blocks(self, parent) -> None:
        for child in parent:
            tag = child.tag
            if tag == _P:
                self.lines.text(_paragraph_text(child))
            elif tag == _TBL:
                self.table(child)
            elif tag in _THROUGH:
                self.blocks(child)

    def table(self, table) -> None:
        self.tables += 1
        number = self.tables
        shown = []
        width = 0
        nested: list = []  # tables inside this table's cells: read after the row that holds them
        for row_number, row in enumerate(_children(table, _TR), 1):
            texts: list[str] = []
            cells: list[int] = []
            columns: list[int] = []
            column = 1  # of the table's grid, where this cell starts
            for cell_number, cell in enumerate(_children(row, _TC), 1):
                self.cells += 1
                if self.cells > MAX_CELLS:
                    self.cut = True
                    return
                span, continued = _merge(cell)
                if not continued:  # a cell merged down from the row above appeared there
                    texts.append("".join(_paragraph_text(p) for p in _children(cell, _P)))
                    nested.extend(_children(cell, _TBL))
                    cells.append(cell_number)
                    columns.append(column)
                column += span
            width = max(width, column - 1)
            self.lines.row(texts, cells, None, number, row_number)
            if any(texts):
                shown.append((row_number, tuple(zip(columns, texts))))
            for inner in nested:  # a report laid out inside a table: its own tables are tables too
                self.table(inner)
            nested.clear()
        self.grids.append(Grid(f"table {number}", width, tuple(shown)))


def _merge(cell) -> tuple[int, bool]:
    """The grid columns a cell spans (w:gridSpan), and whether it continues the cell above (w:vMerge)."""
    properties = cell.find(_W + "tcPr")
    if properties is None:
        return 1, False
    span = properties.find(_W + "gridSpan")
    merge = properties.find(_W + "vMerge")
    try:
        columns = max(1, min(int(span.get(_W + "val", "1")), 1000)) if span is not None else 1
    except ValueError:
        columns = 1
    return columns, merge is not None and merge.get(_W + "val", "continue") == "continue"


def _children(parent, tag: str):
    """The children of ``parent`` with ``tag`` (a table's rows, a row's cells), through content
    controls around them, not into a nested table."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _THROUGH:
            yield from _children(child, tag)


def _paragraph_text(paragraph) -> str:
    parts = []
    for node in paragraph.iter(_T, _TAB, _BR, _CR):
        if _in_fallback(node, paragraph):
            continue
        if node.tag == _T:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append(" ")
    return "".join(parts)


def _in_fallback(node, stop) -> bool:
    """Whether ``node`` is in the fallback copy of alternate content (its choice is read instead)."""
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == _MC_FALLBACK:
            return True
        parent = parent.getparent()
    return False
