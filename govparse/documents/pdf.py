"""A PDF's text layer, with its tables taken from the ruling lines the page draws.

PDFium (pypdfium2) gives every character with its box and every path the page
draws. The statutory tables are printed ruled, so the grid is in the drawing:

1. the page's horizontal and vertical strokes (a line, a thin filled strip of
   any thickness up to MAX_STRIP as one line along its middle, the edges of a
   cell's shading; white ones are not seen and not taken) are merged into rules:
   pieces on one line within SNAP, gaps up to JOIN bridged. A browser printing an
   HTML table with cell spacing (``<table border=1>``) draws every cell as a box of
   its own, a gap between boxes: two parallel lines closer than a line of text,
   with no text and no rule across the gap between them, are one (_closed_gaps),
   and the room the table's frame leaves beside a shorter row is no cell
   (_background);
2. rules that cross or touch make one table; its rules' positions cut it into a
   grid of atoms, and atoms with no rule between them are one cell (a merged
   cell, a label over several rows);
3. each character goes to the cell its centre lies in; a cell's text is its
   lines top to bottom, so a label wrapped inside its cell stays one label and a
   number wrapped in a narrow column stays one number. Two digits with a gap
   between them are two numbers, however narrow the gap (DIGIT_GAP).

A table row becomes one line of tab-separated cells, each cell once, in the first
row it covers: the lines the HTML path gives (govparse.html). Text outside the
tables becomes a line per printed line. Page numbers and running headers in the
top and bottom margins are page furniture, left out, so a table that runs over a
page break is read as one; a merged label the break cuts in two is joined again
(_continue_cells). Kangxi radicals some fonts print for 一 二 人 are read as those.

Bounds: compressed streams unpacked past MAX_INFLATED are refused before PDFium
unpacks them (a decompression bomb); pages past ``max_pages`` are not read;
characters and path segments per page, rules per page and atoms per grid are
capped (a page past one is read as text without tables, and a note says so).
Speed: 5 to 20 ms a page (the more paths a page draws, the more), most of it in
PDFium calls, one per character and one per path segment.
"""

from __future__ import annotations

import ctypes
import math
import zlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

import regex

from . import PDF, DocumentError, Grid, Lines, Reading

SNAP = 2.0  # points: strokes closer than this across their length are one rule
JOIN = 3.0  # points: a gap bridged along a rule, and how far a rule may stop short of a crossing
MIN_RULE = 2.0  # points: shorter strokes are no rule (the ends of a thin rectangle)
TOUCH = 0.5  # points: pieces of a line this close along it touch (one cell's edge, not two cells')
MAX_STRIP = 4.5  # points: a closed shape this thin (and MIN_RULE long or more) is one rule, a border as thick as it
MAX_GAP_SPAN = 20.0  # points: wider than any gap closed (GAP_SHARE of a page's type), to look gaps up by where they start
STRIP = 1.0  # points: strokes this close across, each to the next, are one line (a border's two faces)
GAP_SHARE = 0.75  # of the page's median glyph height: a gap between two cells' boxes narrower than this holds no text
MAX_GAP_CHECKS = 500_000  # lines, crossing lines and glyphs looked at on one page while closing gaps between boxes
MAX_PAGE_CHARS = 50_000
MAX_PAGE_OBJECTS = 20_000
MAX_PAGE_SEGMENTS = 100_000
MAX_RULES = 2_000  # of each direction on a page
MAX_ATOMS = 40_000  # grid atoms of one table
MAX_FORM_DEPTH = 4
MARGIN = 0.1  # share of the page height at the top and the bottom where furniture stands
WHITE = 245  # a colour channel this high or higher on every channel: not seen on paper
DIGIT_GAP = 0.1  # of a line's height: a gap this wide between two digits parts two numbers
COLUMN_UNIT = 0.5  # of the page's median glyph height: the width of a text column of text outside tables
TITLE_SIZE = 1.3  # times the body's type: the title's
TITLE_LINES = 3  # lines a title is printed over, at most
PICTURE_SHARE = 0.15  # of a page's area: a picture this large could be a table
MAX_PICTURES = 50  # pictures looked at on one page
MIN_TEXT = 10  # characters in the whole document, below which it has no text layer
MAX_INFLATED = 128 * 1024 * 1024  # bytes all compressed streams but images may unpack to
_PIECE = 4 * 1024 * 1024
_STREAM = regex.compile(rb"stream\r?\n")
_STREAM_DICT_SPAN = 1024  # bytes before a stream keyword where its dictionary stands

_PAGE_NUMBER = regex.compile(
    r"^[-–—－―\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/,，、]?\s*(?:共\s*\d{1,4}\s*页|\d{1,4}))?[-–—－―\s]*$"
    r"|^(?:page|Page|PAGE)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$")
_DIGITS = regex.compile(r"\d+")
_VALUE_TEXT = regex.compile(r"^[\d０-９.,，+\-－—/／%元万 ]+$")  # a cell of values only
_NUMERALS = frozenset("0123456789０１２３４５６７８９")
_LATIN = regex.compile(r"[A-Za-z]")
# a space with something other than a Latin letter or digit on one side of it
_SPREAD = regex.compile(r"(?<![0-9A-Za-z]) | (?![0-9A-Za-z])")


# Fonts of some word processors map 一 二 人 … to the Kangxi radicals that look the same (⼀ ⼆ ⼈,
# U+2F00-2FDF, and the supplement from U+2E80): read as the characters they stand for.
_RADICALS_FIRST = "\u2e80"
_RADICALS_LAST = "\u2fdf"
# Text a reader cannot use: a font without a Unicode map gives private-use code points or U+FFFD.
_UNMAPPED = regex.compile(r"[\ue000-\uf8ff\ufffd]")
UNMAPPED_SHARE = 0.3


@cache
def _radical(char: str) -> str:
    import unicodedata

    mapped = unicodedata.normalize("NFKC", char)
    return mapped if len(mapped) == 1 else char


@cache
def _pdfium():
    try:
        import pypdfium2
        import pypdfium2.raw
    except ImportError as error:  # a dependency of govparse; only a broken install lacks it
        raise DocumentError("reading a PDF needs pypdfium2, which is missing: pip install pypdfium2") from error
    return pypdfium2, pypdfium2.raw


@dataclass(slots=True)
class Glyph:
    """One character and its box, y growing down the page."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(slots=True)
class Rule:
    """A merged stroke: its position across (y of a horizontal, x of a vertical) and its extent along."""

    at: float
    start: float
    stop: float


@dataclass(slots=True)
class Gap:
    """A gap between two cells' own boxes (see _closed_gaps): from one line's position to the next
    one's, across; ``spans`` are where along it boxes face each other across it, sorted, apart."""

    low: float
    high: float
    spans: list[tuple[float, float]]

    def beside(self, along: float) -> bool:
        k = bisect_right(self.spans, (along + JOIN, math.inf)) - 1
        return k >= 0 and self.spans[k][1] >= along - JOIN


@dataclass(slots=True)
class Boxes:
    """What closing the gaps between cells' own boxes on a page found (see _closed_gaps): the gaps
    closed across x and across y, sorted, and the lines as drawn, to tell a cell's own box from the
    room its table's frame leaves beside shorter rows (see _background)."""

    gaps_x: list[Gap]
    gaps_y: list[Gap]
    down: list[Rule]  # vertical lines, by position
    across: list[Rule]  # horizontal lines, by position
    reach: float  # how far past a cell's corner a line runs that is no side of its own box


@dataclass(slots=True)
class Table:
    """A ruled table: the grid's positions, its cells as (column, row, last column, last row) of atoms."""

    xs: list[float]
    ys: list[float]
    cells: list[tuple[int, int, int, int]]
    atoms: list[int]  # atom (i, j) at j * (len(xs) - 1) + i -> its cell, -1 outside every cell
    glyphs: list[list[Glyph]] = field(default_factory=list)
    background: set[int] = field(default_factory=set)  # cells that are the table's background (see _background)

    def cell_at(self, x: float, y: float) -> int:
        if not (self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]):
            return -1
        i = min(bisect_right(self.xs, x) - 1, len(self.xs) - 2)
        j = min(bisect_right(self.ys, y) - 1, len(self.ys) - 2)
        return self.atoms[j * (len(self.xs) - 1) + i]


@dataclass(slots=True)
class PageText:
    """What one page holds, in reading order: text lines (top, text) and tables."""

    number: int
    height: float
    top: float
    lines: list[tuple[float, float, str]] = field(default_factory=list)  # (top, bottom, text) outside tables
    loose: list[list[Glyph]] = field(default_factory=list)  # the printed lines outside tables, as glyphs
    tables: list[Table] = field(default_factory=list)
    glyph_count: int = 0
    unmapped: int = 0  # glyphs whose code point means nothing (see _UNMAPPED)


def read_pdf(data: bytes, max_pages: int) -> Reading:
    pdfium, raw = _pdfium()
    _refuse_bombs(data)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise DocumentError(_open_error(str(error))) from error
    notes: list[str] = []
    try:
        page_count = len(document)
        if page_count == 0:
            raise DocumentError("this is a PDF with no pages")
        pages: list[PageText] = []
        for index in range(min(page_count, max_pages)):
            try:
                pages.append(_read_page(document, raw, index, notes))
            except pdfium.PdfiumError as error:
                notes.append(f"page {index + 1} could not be read ({error})")
    finally:
        document.close()
    if page_count > max_pages:
        notes.append(f"the PDF has {page_count} pages; only the first {max_pages} are read")
    if sum(page.glyph_count for page in pages) < MIN_TEXT:
        raise DocumentError(f"this is a PDF with no text layer ({page_count} pages of images: a scan?); "
                            "run OCR on it first (e.g. ocrmypdf --language chi_sim), then parse the result")
    unmapped = sum(page.unmapped for page in pages)
    if unmapped > UNMAPPED_SHARE * sum(page.glyph_count for page in pages):
        notes.append(f"{unmapped} characters have no Unicode meaning in the PDF's fonts (private-use or "
                     "unknown code points): much of its text cannot be read; OCR would read it")
    blank = [page.number for page in pages if page.glyph_count == 0]
    if blank:
        notes.append(f"pages {_ranges(blank)} have no text layer (scanned?); what they show is not read")
    # One column width for the whole document: a borderless table's columns stay put over a page break.
    body_height = _median_height([line[0] for page in pages for line in page.loose])
    unit = COLUMN_UNIT * body_height
    if pages:
        _join_title(pages[0], body_height)
    for page in pages:
        page.lines = [(min(g.y0 for g in line), max(g.y1 for g in line), _placed_text(line, unit))
                      for line in page.loose]
        page.loose = []
    return _reading(pages, page_count, notes)


def _refuse_bombs(data: bytes) -> None:
    """DocumentError when the PDF's compressed streams (all but images, which reading text never
    decodes) unpack to more than MAX_INFLATED bytes: PDFium would unpack every one into memory.

    Each ``stream`` keyword after a dictionary naming FlateDecode is inflated in pieces and
    counted, never kept; zlib ends at the stream's own end, so no /Length is trusted. A stream
    that does not inflate (encrypted, damaged) counts nothing: PDFium will say what it is."""
    inflated = 0
    for found in _STREAM.finditer(data):
        head = data[max(0, found.start() - _STREAM_DICT_SPAN):found.start()]
        head = head[head.rfind(b"obj") + 1:]  # this object's dictionary, not the one before it
        if b"FlateDecode" not in head or b"/Image" in head:
            continue
        inflater = zlib.decompressobj()
        pending = data[found.end():found.end() + MAX_INFLATED]  # deflate packs at most ~1000:1
        try:
            while pending and inflated <= MAX_INFLATED:
                inflated += len(inflater.decompress(pending, _PIECE))
                pending = inflater.unconsumed_tail
                if inflater.eof:
                    break
        except zlib.error:
            continue
        if inflated > MAX_INFLATED:
            raise DocumentError(f"this PDF's compressed streams unpack to more than {MAX_INFLATED // 1048576} MiB "
                                "(a decompression bomb, or not a report): not read")


def _open_error(message: str) -> str:
    lowered = message.lower()
    if "password" in lowered:
        return "this is an encrypted PDF that needs a password; remove the password (e.g. qpdf --decrypt) first"
    if "security" in lowered:
        return "this is a PDF with a security handler PDFium does not support; decrypt it first (e.g. qpdf --decrypt)"
    return f"this PDF is damaged and cannot be opened ({message}); repair it (e.g. qpdf) or download it again"


def _ranges(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:10]))
    return shown + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")


# --- one page ------------------------------------------------------------------------------

def _read_page(document, raw, index: int, notes: list[str]) -> PageText:
    page = document[index]
    try:
        left, bottom, right, top = page.get_bbox()
        textpage = page.get_textpage()
        try:
            view, width, height = _upright(raw, textpage, (left, bottom, right, top))
            glyphs = _glyphs(textpage, raw, view, index, notes)
        finally:
            textpage.close()
        result = PageText(index + 1, height, top)
        result.glyph_count = len(glyphs)
        result.unmapped = sum(1 for glyph in glyphs if _UNMAPPED.match(glyph.text))
        images: list[tuple[float, float, float, float]] = []
        horizontal, vertical = _strokes(page, raw, view, index, notes, images)
    finally:
        page.close()
    horizontal, vertical, boxes = _closed_gaps(horizontal, vertical, glyphs)
    tables = _tables(horizontal, vertical, index, notes)
    _pictures(images, glyphs, width * height, index, notes)
    loose: list[Glyph] = []
    for glyph in glyphs:
        cx, cy = glyph.cx, glyph.cy
        for table in tables:
            cell = table.cell_at(cx, cy)
            if cell >= 0:
                table.glyphs[cell].append(glyph)
                break
        else:
            loose.append(glyph)
    for table in tables:
        if boxes is not None:
            _background(table, boxes)
        if _ruled_cell_by_cell(table):
            result.tables.append(table)
        else:  # a frame around a borderless table: its text is laid out by x with the rest
            loose.extend(glyph for cell in table.glyphs for glyph in cell)
    result.loose = _lines(loose)
    return result


# The turn (a, b, c, d of PDF's matrix, y growing down) that sets upright text PDFium says is drawn
# at k quarter turns (FPDFText_GetCharAngle: clockwise, in the page's space, y growing up).
_TURNS = ((1.0, 0.0, 0.0, 1.0), (0.0, -1.0, 1.0, 0.0), (-1.0, 0.0, 0.0, -1.0), (0.0, 1.0, -1.0, 0.0))
_ANGLE_SAMPLE = 48  # characters whose angle tells which way the page's text runs (a page is one way)


def _upright(raw, textpage, bbox: tuple[float, float, float, float]) -> tuple[tuple, float, float]:
    """The matrix from the page's space to one where its text runs left to right and lines go
    down (y growing down, from 0), and the page's width and height there. A landscape table page is often
    drawn sideways in a portrait page's space and shown upright by /Rotate, or printed sideways:
    the angle most characters are drawn at says which quarter turn reads it (pdftotext, too,
    reads by the text's direction, not by /Rotate)."""
    left, bottom, right, top = bbox
    count = min(textpage.count_chars(), MAX_PAGE_CHARS)
    turns = [0, 0, 0, 0]
    for position in range(0, count, max(1, count // _ANGLE_SAMPLE)):
        angle = raw.FPDFText_GetCharAngle(textpage.raw, position)
        if angle >= 0:
            turns[round(angle / (math.pi / 2)) % 4] += 1
    turn = _TURNS[max(range(4), key=lambda k: (turns[k], k == 0))]
    view = _compose((1.0, 0.0, 0.0, -1.0, 0.0, top), (*turn, 0.0, 0.0))  # y down, then the turn
    corners = [_apply(view, x, y) for x in (left, right) for y in (bottom, top)]
    low_x, low_y = min(x for x, _ in corners), min(y for _, y in corners)
    view = view[:4] + (view[4] - low_x, view[5] - low_y)
    return view, max(x for x, _ in corners) - low_x, max(y for _, y in corners) - low_y


def _apply(matrix: tuple, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _pictures(images: list[tuple[float, float, float, float]], glyphs: list[Glyph], area: float, index: int,
              notes: list[str]) -> None:
    """A note for each picture that covers a good part of a page and has (almost) no text over it:
    a table pasted as an image (a screenshot of a spreadsheet) is not in the text layer, and only
    OCR would read it. A seal or a logo is too small, a scanned page's text layer is the OCR's."""
    for x0, y0, x1, y1 in images[:MAX_PICTURES]:
        size = (x1 - x0) * (y1 - y0)
        if size < PICTURE_SHARE * area:
            continue
        over = sum(1 for g in glyphs if x0 <= g.cx <= x1 and y0 <= g.cy <= y1)
        if over < MIN_TEXT:
            notes.append(f"page {index + 1} shows a picture of {x1 - x0:.0f} x {y1 - y0:.0f} pt with no text on it; "
                         "a table printed as a picture is not read (OCR would read it, e.g. ocrmypdf)")


def _glyphs(textpage, raw, view: tuple, index: int, notes: list[str]) -> list[Glyph]:
    count = textpage.count_chars()
    if count > MAX_PAGE_CHARS:
        notes.append(f"page {index + 1} has {count} characters; only the first {MAX_PAGE_CHARS} are read")
        count = MAX_PAGE_CHARS
    text = textpage.get_text_range(0, count) if count else ""
    aligned = len(text) == count  # one UTF-16 unit per character: no character past the basic plane
    handle = textpage.raw
    box = raw.FS_RECTF()
    glyphs: list[Glyph] = []
    for position in range(count):
        char = text[position] if aligned else chr(raw.FPDFText_GetUnicode(handle, position))
        if char.isspace() or not char.isprintable():
            continue  # spaces, generated or printed, come back from the gaps between boxes
        if _RADICALS_FIRST <= char <= _RADICALS_LAST:
            char = _radical(char)
        if not raw.FPDFText_GetLooseCharBox(handle, position, box):
            continue
        x0, y0 = _apply(view, box.left, box.top)
        x1, y1 = _apply(view, box.right, box.bottom)
        glyphs.append(Glyph(char, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    return glyphs


def _strokes(page, raw, view: tuple, index: int, notes: list[str],
             images: list[tuple[float, float, float, float]]) -> tuple[list[Rule], list[Rule]]:
    """The page's horizontal and vertical strokes, in the upright view (``_upright``), not yet merged."""
    horizontal: list[Rule] = []
    vertical: list[Rule] = []
    budget = [MAX_PAGE_OBJECTS, MAX_PAGE_SEGMENTS]
    objects = [raw.FPDFPage_GetObject(page.raw, k) for k in range(min(raw.FPDFPage_CountObjects(page.raw),
                                                                      MAX_PAGE_OBJECTS))]
    _walk(raw, objects, view, 0, horizontal, vertical, budget, images)
    if budget[0] <= 0 or budget[1] <= 0:
        notes.append(f"page {index + 1} draws too many paths to look for table rules in all of them")
    return horizontal, vertical


def _walk(raw, objects, outer, depth: int, horizontal: list[Rule], vertical: list[Rule],
          budget: list[int], images: list[tuple[float, float, float, float]]) -> None:
    matrix = raw.FS_MATRIX()
    for obj in objects:
        budget[0] -= 1
        if budget[0] < 0 or budget[1] < 0:
            return
        kind = raw.FPDFPageObj_GetType(obj)
        if kind != raw.FPDF_PAGEOBJ_PATH and kind != raw.FPDF_PAGEOBJ_FORM and kind != raw.FPDF_PAGEOBJ_IMAGE:
            continue
        if not raw.FPDFPageObj_GetMatrix(obj, matrix):
            continue
        placed = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
        if kind == raw.FPDF_PAGEOBJ_IMAGE:  # drawn on the unit square its matrix places
            (x0, y0), (x1, y1) = _apply(placed, 0.0, 0.0), _apply(placed, 1.0, 1.0)
            images.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
        elif kind == raw.FPDF_PAGEOBJ_FORM:
            if depth < MAX_FORM_DEPTH:
                inner = [raw.FPDFFormObj_GetObject(obj, k) for k in range(min(raw.FPDFFormObj_CountObjects(obj),
                                                                              max(budget[0], 0)))]
                _walk(raw, inner, placed, depth + 1, horizontal, vertical, budget, images)
        else:
            painted = _painted(raw, obj)
            if painted:
                _path(raw, obj, placed, painted == FILLED, horizontal, vertical, budget)


def _compose(inner: tuple, outer: tuple) -> tuple:
    """The matrix applying ``inner`` then ``outer`` (PDF's a b c d e f)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


STROKED = 1
FILLED = 2


def _painted(raw, obj) -> int:
    """How a path paints something a reader sees, not in white: STROKED (its outline, filled or
    not), FILLED (its inside only), or 0 (nothing seen)."""
    fill_mode = ctypes.c_int()
    stroke = ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke)):
        return 0
    red, green, blue, alpha = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    for painted, colour, kind in ((stroke.value, raw.FPDFPageObj_GetStrokeColor, STROKED),
                                  (fill_mode.value, raw.FPDFPageObj_GetFillColor, FILLED)):
        if painted and colour(obj, ctypes.byref(red), ctypes.byref(green), ctypes.byref(blue), ctypes.byref(alpha)):
            if alpha.value > 0 and min(red.value, green.value, blue.value) < WHITE:
                return kind
    return 0


def _path(raw, obj, matrix: tuple, filled: bool, horizontal: list[Rule], vertical: list[Rule],
          budget: list[int]) -> None:
    """The strokes of a path; a filled one's subpaths are closed (filling closes them)."""
    a, b, c, d, e, f = matrix
    count = raw.FPDFPath_CountSegments(obj)
    budget[1] -= count
    if budget[1] < 0:
        return
    x = ctypes.c_float()
    y = ctypes.c_float()
    shape: list[tuple[float, float]] = []  # the points of the subpath drawn so far, while all its segments are lines
    start = current = None
    for k in range(count):
        segment = raw.FPDFPath_GetPathSegment(obj, k)
        if not raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            continue
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO or current is None:
            if len(shape) > 1:
                _strokes_of(shape, filled, False, horizontal, vertical)
            start = point
            shape = [point]
        elif kind == raw.FPDF_SEGMENT_LINETO:
            if shape:
                shape.append(point)
            else:
                _stroke(current, point, horizontal, vertical)
        else:  # a curve: no strip, its straight pieces are strokes as they come
            if len(shape) > 1:
                _strokes_of(shape, filled, False, horizontal, vertical)
            shape = []
        current = point
        if raw.FPDFPathSegment_GetClose(segment) and start is not None:
            if len(shape) > 1:
                _strokes_of(shape, filled, True, horizontal, vertical)
                shape = []
            elif shape:
                shape = []
            else:
                _stroke(current, start, horizontal, vertical)
            current = start
    if len(shape) > 1:
        _strokes_of(shape, filled, False, horizontal, vertical)


def _strokes_of(shape: list[tuple[float, float]], filled: bool, drawn_close: bool, horizontal: list[Rule],
                vertical: list[Rule]) -> None:
    """The strokes of a subpath of straight lines, closed by the path (``drawn_close``) or by
    filling. A closed one that is a thin strip (a browser fills each side of a cell's border as one,
    a bevelled quadrilateral as thick as the border) is one rule along its middle, however thick: its
    two long sides are not two lines, its ends no rule. Else its lines are strokes, the closing one
    where it was drawn."""
    if (filled or drawn_close) and len(shape) >= 3:
        x0, x1 = min(x for x, _ in shape), max(x for x, _ in shape)
        y0, y1 = min(y for _, y in shape), max(y for _, y in shape)
        if x1 - x0 >= MIN_RULE and y1 - y0 <= MAX_STRIP:
            horizontal.append(Rule((y0 + y1) / 2, x0, x1))
            return
        if y1 - y0 >= MIN_RULE and x1 - x0 <= MAX_STRIP:
            vertical.append(Rule((x0 + x1) / 2, y0, y1))
            return
    for p, q in zip(shape, shape[1:]):
        _stroke(p, q, horizontal, vertical)
    if drawn_close:
        _stroke(shape[-1], shape[0], horizontal, vertical)


def _stroke(p: tuple[float, float], q: tuple[float, float], horizontal: list[Rule], vertical: list[Rule]) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) <= 0.5 and abs(x1 - x0) >= MIN_RULE:
        horizontal.append(Rule((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x0 - x1) <= 0.5 and abs(y1 - y0) >= MIN_RULE:
        vertical.append(Rule((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


# --- rules to tables -------------------------------------------------------------------------

def _merged(strokes: list[Rule], join: float = JOIN, step: float = 0.0) -> list[Rule]:
    """Strokes within SNAP of each other across are one line (with ``step``: strokes each within
    ``step`` of the one before); along it, pieces ``join`` apart are one rule."""
    strokes.sort(key=lambda rule: rule.at)
    rules: list[Rule] = []
    group: list[Rule] = []
    for stroke in strokes + [Rule(float("inf"), 0.0, 0.0)]:
        if group and (stroke.at - group[-1].at > step if step else stroke.at - group[0].at > SNAP):
            at = sum(rule.at for rule in group) / len(group)
            group.sort(key=lambda rule: rule.start)
            piece = Rule(at, group[0].start, group[0].stop)
            for rule in group[1:]:
                if rule.start <= piece.stop + join:
                    piece.stop = max(piece.stop, rule.stop)
                else:
                    rules.append(piece)
                    piece = Rule(at, rule.start, rule.stop)
            rules.append(piece)
            group = []
        group.append(stroke)
    return rules


def _closed_gaps(horizontal: list[Rule], vertical: list[Rule],
                 glyphs: list[Glyph]) -> tuple[list[Rule], list[Rule], Boxes | None]:
    """The strokes with each gap between two cells' own boxes closed: a browser printing an HTML table
    with cell spacing (``<table border=1>``) draws every cell's box apart from its neighbours', so two
    parallel lines stand a few points apart where a reader sees one, and the grid would get a thin empty
    column or row between every two real ones. Two neighbouring parallel lines are one where the gap
    between them is narrower than the page's text is high (no line of text fits in it), holds no text
    beside them, and no rule crosses it between them (a thin cell has its top and bottom run across it;
    the gap between two boxes has none): the lines beside it, and the ends of the rules meeting them,
    move to its middle.

    Lines here are strokes each within STRIP of the next across (the faces of a border drawn as two
    strokes are one line), so that two boxes' sides a gap apart never fall into one line by where a
    greedy grouping starts. Two tables on a page may have gaps that meet at a line of each (one table's
    box side where the other's gap starts): each line, and each rule's end, goes to the gap beside it,
    where its own boxes face each other, so a table's columns stay where they are on every page."""
    if not glyphs or not horizontal or not vertical:
        return horizontal, vertical, None
    widest = GAP_SHARE * _median_height(glyphs)
    budget = [MAX_GAP_CHECKS]
    across = _merged(horizontal, TOUCH, STRIP)
    down = _merged(vertical, TOUCH, STRIP)
    if not (_near(across, widest) or _near(down, widest)):
        return horizontal, vertical, None  # a table ruled as one grid: its lines stand rows apart
    gaps_y = _gaps(across, down, widest, sorted((g.cy, g.cx) for g in glyphs), budget)
    gaps_x = _gaps(down, across, widest, sorted((g.cx, g.cy) for g in glyphs), budget)
    if budget[0] < 0 or not (gaps_x or gaps_y):
        return horizontal, vertical, None
    return ([_moved_rule(rule, gaps_y, gaps_x) for rule in across], [_moved_rule(rule, gaps_x, gaps_y) for rule in down],
            Boxes(gaps_x, gaps_y, down, across, widest))


def _near(lines: list[Rule], widest: float) -> bool:
    """Whether two of the lines (sorted by position) stand apart by ``widest`` or less."""
    return any(0 < after.at - before.at <= widest for before, after in zip(lines, lines[1:]))


def _gaps(lines: list[Rule], crossing: list[Rule], widest: float, points: list[tuple[float, float]],
          budget: list[int]) -> list[Gap]:
    """The gaps across ``lines`` (sorted by position) to close (see _closed_gaps): each from a line to
    the nearest one beyond it that runs beside it (two tables' lines may stand between), no further
    than ``widest``; ``points`` are the glyphs' centres (across, along), sorted; ``budget`` counts the
    lines, crossing lines and glyphs looked at, and below zero means the page drew too many."""
    positions: list[float] = []
    members: list[list[Rule]] = []
    for line in lines:
        if not positions or line.at != positions[-1]:
            positions.append(line.at)
            members.append([])
        members[-1].append(line)
    for here in members:
        here.sort(key=lambda rule: rule.start)  # apart along their line: by start is by stop too
    stops = [[rule.stop for rule in here] for here in members]
    facing: dict[tuple[int, int], list[tuple[float, float]]] = {}  # (k, m) -> where lines at k and m face
    for k, here in enumerate(members):
        for one in here:
            m = k + 1
            while m < len(positions) and positions[m] - positions[k] <= widest:
                first = bisect_left(stops[m], one.start + MIN_RULE)
                last = bisect_right(members[m], one.stop - MIN_RULE, key=lambda rule: rule.start)
                budget[0] -= 1 + max(0, last - first)
                if budget[0] < 0:
                    return []
                spans = [(max(one.start, other.start), min(one.stop, other.stop)) for other in members[m][first:last]
                         if min(one.stop, other.stop) - max(one.start, other.start) >= MIN_RULE]
                if spans:
                    facing.setdefault((k, m), []).extend(spans)
                    break
                m += 1
    crossing = sorted(crossing, key=lambda rule: rule.at)
    crossing_at = [rule.at for rule in crossing]
    gaps: list[Gap] = []
    for (k, m), spans in sorted(facing.items()):
        low, high = positions[k], positions[m]
        margin = (high - low) / 4
        crossed = False
        for start, stop in spans:
            first, last = bisect_left(crossing_at, start - TOUCH), bisect_right(crossing_at, stop + TOUCH)
            budget[0] -= last - first
            if budget[0] < 0:
                return []
            if any(rule.start <= low + margin and rule.stop >= high - margin for rule in crossing[first:last]):
                crossed = True
                break
        if crossed:
            continue
        beside = members[k] + members[m]  # text in the gap beside them; a cell spanning it may hold text
        inside = points[bisect_right(points, (low, math.inf)):bisect_left(points, (high, -math.inf))]
        budget[0] -= len(inside) * len(beside)
        if budget[0] < 0:
            return []
        if not any(rule.start <= along <= rule.stop for _, along in inside for rule in beside):
            gaps.append(Gap(low, high, _joined_spans(spans)))
    return _chained(gaps, widest)


def _chained(gaps: list[Gap], widest: float) -> list[Gap]:
    """Gaps that follow one another where the same boxes face each other (a double border's two
    lines, then the cell spacing, then the next box's two lines) as one gap, no wider than
    ``widest``; gaps of two tables that meet at a line, beside other rows, stay apart."""
    chains: list[Gap] = []
    ending: dict[float, list[Gap]] = {}  # chains by where they end
    for gap in gaps:  # by where they start
        before = next((chain for chain in ending.get(gap.low, []) if gap.high - chain.low <= widest and
                       _overlapping(chain.spans, gap.spans)), None)
        if before is None:
            chains.append(gap)
            ending.setdefault(gap.high, []).append(gap)
            continue
        ending[gap.low].remove(before)
        before.high = gap.high
        before.spans = _joined_spans(before.spans + gap.spans)
        ending.setdefault(gap.high, []).append(before)
    return chains


def _overlapping(spans: list[tuple[float, float]], others: list[tuple[float, float]]) -> bool:
    """Whether two sorted lists of spans share a stretch MIN_RULE long or more."""
    k = m = 0
    while k < len(spans) and m < len(others):
        if min(spans[k][1], others[m][1]) - max(spans[k][0], others[m][0]) >= MIN_RULE:
            return True
        if spans[k][1] < others[m][1]:
            k += 1
        else:
            m += 1
    return False


def _joined_spans(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    spans.sort()
    joined = [spans[0]]
    for start, stop in spans[1:]:
        if start <= joined[-1][1] + JOIN:
            joined[-1] = (joined[-1][0], max(joined[-1][1], stop))
        else:
            joined.append((start, stop))
    return joined


def _moved_rule(rule: Rule, gaps: list[Gap], gaps_along: list[Gap]) -> Rule:
    """A rule with its position moved to the middle of the gap it borders, and each end out to the
    middle of a gap across it that the end reaches (see _moved), never in: a dash of a dashed
    border near a gap stays as long as it is, to meet the next."""
    return Rule(_moved(gaps, rule.at, (rule.start + rule.stop) / 2, 0.0),
                min(rule.start, _moved(gaps_along, rule.start, rule.at, JOIN)),
                max(rule.stop, _moved(gaps_along, rule.stop, rule.at, JOIN)))


def _moved(gaps: list[Gap], at: float, along: float, reach: float) -> float:
    """``at`` moved to the middle of a gap it lies in or within ``reach`` of: of those, the gap
    beside ``along`` (where that gap's boxes face each other) first, then the nearest; else unchanged.
    A rule's end is moved from up to JOIN away: it may stop as short of a line as _walls lets it, and
    still meet the line moved to the gap's middle."""
    k = bisect_right(gaps, at + reach, key=lambda gap: gap.low)
    best: Gap | None = None
    best_key = (True, reach)
    while k > 0 and gaps[k - 1].low >= at - reach - MAX_GAP_SPAN:
        k -= 1
        gap = gaps[k]
        distance = max(gap.low - at, at - gap.high, 0.0)
        key = (not gap.beside(along), distance)
        if distance <= reach and (best is None or key < best_key):
            best, best_key = gap, key
    return at if best is None else (best.low + best.high) / 2


def _background(table: Table, boxes: Boxes) -> None:
    """Add to the table's background its empty cells that are no box of their own: in a table drawn
    a box a cell, with the gaps between closed, a cell's side at a closed gap is the nearest line on
    its inner side of the gap, and that line is its own box's side, ending at its corners. The room
    the table's frame leaves beside its shorter rows (an HTML row with fewer cells) has the frame, or
    a neighbouring box's outer side, running on past its corners: it is the table's background."""
    xs, ys = table.xs, table.ys
    for k, (i0, j0, i1, j1) in enumerate(table.cells):
        if table.glyphs[k]:
            continue
        top, bottom, left, right = ys[j0], ys[j1 + 1], xs[i0], xs[i1 + 1]
        if not (_own_side(boxes.down, boxes.gaps_x, boxes.gaps_y, left, 1, top, bottom, boxes.reach) and
                _own_side(boxes.down, boxes.gaps_x, boxes.gaps_y, right, -1, top, bottom, boxes.reach) and
                _own_side(boxes.across, boxes.gaps_y, boxes.gaps_x, top, 1, left, right, boxes.reach) and
                _own_side(boxes.across, boxes.gaps_y, boxes.gaps_x, bottom, -1, left, right, boxes.reach)):
            table.background.add(k)


def _own_side(lines: list[Rule], gaps: list[Gap], gaps_along: list[Gap], at: float, inward: int, start: float,
              stop: float, reach: float) -> bool:
    """Whether a cell's side at ``at`` (its inside towards ``inward``, from ``start`` to ``stop``
    along) is its own box's: False only where it stands at a closed gap beside it and the line
    nearest the cell's inside there runs more than ``reach`` past one of its corners."""
    middle = (start + stop) / 2
    here = [gap for gap in gaps[bisect_left(gaps, at - MAX_GAP_SPAN, key=lambda gap: gap.low):]
            if gap.low <= at and abs((gap.low + gap.high) / 2 - at) <= 0.01]
    if not here:
        return True  # no gap closed here: a table ruled as one grid, nothing to tell
    gap = next((gap for gap in here if gap.beside(middle)), here[0])  # the room beside short rows faces no box
    nearest: Rule | None = None
    nearest_start = nearest_stop = 0.0
    first = bisect_left(lines, gap.low, key=lambda line: line.at)
    for line in lines[first:bisect_right(lines, gap.high, key=lambda line: line.at)]:
        moved = _moved_rule(line, [], gaps_along)
        line_start, line_stop = moved.start, moved.stop
        if min(line_stop, stop) - max(line_start, start) < MIN_RULE:
            continue
        if nearest is None or (line.at - nearest.at) * inward > 0:
            nearest, nearest_start, nearest_stop = line, line_start, line_stop
    return nearest is None or (nearest_start >= start - reach and nearest_stop <= stop + reach)


def _tables(horizontal_strokes: list[Rule], vertical_strokes: list[Rule], index: int,
            notes: list[str]) -> list[Table]:
    horizontal = _merged(horizontal_strokes)
    vertical = _merged(vertical_strokes)
    if len(horizontal) < 2 or len(vertical) < 2:
        return []
    if len(horizontal) > MAX_RULES or len(vertical) > MAX_RULES:
        notes.append(f"page {index + 1} has too many rules to be a report's table; read as text")
        return []
    # rules that cross or touch are one table (union-find over both directions)
    parent = list(range(len(horizontal) + len(vertical)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    vertical.sort(key=lambda rule: rule.at)
    positions = [rule.at for rule in vertical]
    offset = len(horizontal)
    for h, rule in enumerate(horizontal):
        for v in range(bisect_left(positions, rule.start - JOIN), bisect_right(positions, rule.stop + JOIN)):
            other = vertical[v]
            if other.start - JOIN <= rule.at <= other.stop + JOIN:
                parent[find(h)] = find(offset + v)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for h, rule in enumerate(horizontal):
        groups.setdefault(find(h), ([], []))[0].append(rule)
    for v, rule in enumerate(vertical):
        groups.setdefault(find(offset + v), ([], []))[1].append(rule)
    tables = []
    for across, down in groups.values():
        if len(across) >= 2 and len(down) >= 2:
            table = _grid(across, down)
            if table is None:
                notes.append(f"page {index + 1} has a table too finely ruled to read as one; read as text")
            elif len(table.cells) > 1 and len(table.xs) > 2:  # a box, or boxes stacked in one column (a frame, a
                # boxed note, a borderless table in a frame with its header ruled off) holds text, not a table
                tables.append(table)
    tables.sort(key=lambda table: (table.ys[0], table.xs[0]))
    return tables


def _positions(rules: list[Rule]) -> list[float]:
    positions: list[float] = []
    for at in sorted(rule.at for rule in rules):
        if not positions or at - positions[-1] > SNAP:
            positions.append(at)
    return positions


def _grid(across: list[Rule], down: list[Rule]) -> Table | None:
    """The cells of one table: atoms between its rules' positions, joined where no rule parts them.
    A side the table leaves open (no outer rule) is closed where its rules end."""
    xs = _positions(down)
    ys = _positions(across)
    implied: set[float] = set()
    _close(xs, min(rule.start for rule in across), max(rule.stop for rule in across), implied)
    _close(ys, min(rule.start for rule in down), max(rule.stop for rule in down), implied)
    columns, rows = len(xs) - 1, len(ys) - 1
    if columns * rows > MAX_ATOMS:
        return None
    walls_down = _walls(down, xs, ys, implied)  # walls_down[i][j]: a rule at xs[i] beside row j
    walls_across = _walls(across, ys, xs, implied)  # walls_across[j][i]: a rule at ys[j] above column i
    parent = list(range(columns * rows))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    open_atoms = set()
    for j in range(rows):
        for i in range(columns):
            atom = j * columns + i
            if i + 1 < columns and not walls_down[i + 1][j]:
                parent[find(atom)] = find(atom + 1)
            if j + 1 < rows and not walls_across[j + 1][i]:
                parent[find(atom)] = find(atom + columns)
            if (i == 0 and not walls_down[0][j]) or (i + 1 == columns and not walls_down[columns][j]) or \
                    (j == 0 and not walls_across[0][i]) or (j + 1 == rows and not walls_across[rows][i]):
                open_atoms.add(atom)
    open_roots = {find(atom) for atom in open_atoms}
    spans: dict[int, list[int]] = {}
    for j in range(rows):
        for i in range(columns):
            root = find(j * columns + i)
            if root in open_roots:
                continue
            span = spans.get(root)
            if span is None:
                spans[root] = [i, j, i, j]
            else:
                span[0], span[1] = min(span[0], i), min(span[1], j)
                span[2], span[3] = max(span[2], i), max(span[3], j)
    order = sorted(spans, key=lambda root: (spans[root][1], spans[root][0]))
    number = {root: k for k, root in enumerate(order)}
    atoms = [number.get(find(atom), -1) for atom in range(columns * rows)]
    cells = [(spans[root][0], spans[root][1], spans[root][2], spans[root][3]) for root in order]
    return Table(xs, ys, cells, atoms, [[] for _ in cells])


def _close(positions: list[float], first: float, last: float, implied: set[float]) -> None:
    """Where the crossing rules run past the outermost position, an open side: closed where they end."""
    if first < positions[0] - 2 * JOIN:
        positions.insert(0, first)
        implied.add(first)
    if last > positions[-1] + 2 * JOIN:
        positions.append(last)
        implied.add(last)


def _walls(rules: list[Rule], positions: list[float], bands: list[float], implied: set[float]) -> list[list[bool]]:
    """For each position, whether a rule stands there along each band between ``bands``."""
    walls = []
    for at in positions:
        if at in implied:
            walls.append([True] * (len(bands) - 1))
            continue
        pieces = [rule for rule in rules if abs(rule.at - at) <= SNAP]
        row = []
        for k in range(len(bands) - 1):
            low, high = bands[k], bands[k + 1]
            row.append(any(rule.start <= low + JOIN and rule.stop >= high - JOIN for rule in pieces))
        walls.append(row)
    return walls


# --- text ------------------------------------------------------------------------------------

def _lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs as printed lines, top to bottom, each left to right: a glyph whose centre lies
    within a line's height belongs to it."""
    lines: list[list[Glyph]] = []
    bands: list[tuple[float, float]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.y0, g.x0)):
        cy = glyph.cy
        if bands and bands[-1][0] <= cy <= bands[-1][1]:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
            bands.append((glyph.y0, glyph.y1))
    for line in lines:
        line.sort(key=lambda g: g.x0)
    return lines


def _numbers_apart(before: Glyph, glyph: Glyph, gap: float, height: float) -> bool:
    """Whether two digits side by side are two numbers: a number's digits stand edge to edge, so a
    gap between digits, however much narrower than a word space, parts two columns' numbers printed
    close (a borderless table with little cell padding: 540 and 0 are not 5400)."""
    return gap > DIGIT_GAP * height and before.text in _NUMERALS and glyph.text in _NUMERALS


def _line_text(line: list[Glyph]) -> str:
    """A printed line's text: a gap wider than a quarter of the line's height is a space, a
    wider one several (as pdftotext -layout keeps columns apart)."""
    height = max(g.y1 - g.y0 for g in line) or 1.0
    parts = [line[0].text]
    for before, glyph in zip(line, line[1:]):
        gap = glyph.x0 - before.x1
        if gap > 0.25 * height or _numbers_apart(before, glyph, gap, height):
            parts.append(" " * max(1, round(gap / (0.5 * height))) if gap > 1.5 * height else " ")
        parts.append(glyph.text)
    return "".join(parts)


def _ruled_cell_by_cell(table: Table) -> bool:
    """Whether the rules part every cell of the table: no cell holds two numbers apart on one
    printed line (two columns of values with no rule between them, as in a borderless table
    drawn in a frame, or with only its header ruled off). Such a grid is not the table's."""
    for glyphs in table.glyphs:
        if len(glyphs) < 3:
            continue
        for line in _lines(glyphs):
            height = max(g.y1 - g.y0 for g in line)
            for before, glyph in zip(line, line[1:]):
                if glyph.x0 - before.x1 > height and before.text in _NUMERALS and glyph.text in _NUMERALS:
                    return False
    return True


def _join_title(page: PageText, body_height: float) -> None:
    """The title printed over two or three lines at the top of the first page (淮安市人民政府 /
    2024年政府信息公开工作年度报告), in one type larger than the body's, is one line again, as a web
    page gives it: the report's title names its agency and year."""
    lines = page.loose
    count = 0
    while count < min(len(lines), TITLE_LINES):
        heights = [g.y1 - g.y0 for g in lines[count]]
        height = sum(heights) / len(heights)
        if height < TITLE_SIZE * body_height or (count and (
                abs(height - first) > 0.1 * first or
                min(g.y0 for g in lines[count]) - max(g.y1 for g in lines[count - 1]) > 0.8 * first)):
            break
        if not count:
            first = height
        count += 1
    if count >= 2:
        page.loose[:count] = [[glyph for line in lines[:count] for glyph in line]]


def _median_height(glyphs: list[Glyph]) -> float:
    heights = sorted(g.y1 - g.y0 for g in glyphs)
    return (heights[len(heights) // 2] if heights else 0.0) or 1.0


def _placed_text(line: list[Glyph], unit: float) -> str:
    """A printed line outside every ruled table, laid out as pdftotext -layout lays it out: a
    word (glyphs closer than a quarter of the line's height) starts at the text column of its x
    (``unit`` points a column, counted from the page's left edge), at least one column after
    the word before. Words in one column of a borderless table start in one text column, line
    after line and page after page, so the text path reads the table by x (a blank cell is a
    column with nothing in it), as it reads pdftotext -layout's text."""
    height = max(g.y1 - g.y0 for g in line) or 1.0
    parts: list[str] = []
    column = 0
    before: Glyph | None = None
    for glyph in line:
        if before is None or glyph.x0 - before.x1 > 0.25 * height or \
                _numbers_apart(before, glyph, glyph.x0 - before.x1, height):
            at = max(0, round(glyph.x0 / unit))
            if before is not None:
                at = max(at, column + 1)
            parts.append(" " * (at - column))
            column = at
        parts.append(glyph.text)
        column += 1
        before = glyph
    return "".join(parts)


def _cell_text(glyphs: list[Glyph]) -> str:
    """A cell's lines joined: a wrapped label or number is one again. Spaces stay only between
    Latin letters or digits; between Chinese characters they are the spread of a justified label
    (商 业 企 业)."""
    text = ""
    for line in _lines(glyphs):
        piece = _SPREAD.sub("", " ".join(_line_text(line).split()))
        if text and piece and _LATIN.match(text[-1]) and _LATIN.match(piece[0]):
            text += " "  # words wrapped apart; a number wrapped in its column is one number again
        text += piece
    return text


# --- the pages to a reading -------------------------------------------------------------------

def _furniture(pages: list[PageText]) -> set[tuple[int, int]]:
    """(page, line index) of the lines outside tables in the top or bottom margin that are a page
    number, or the same on two pages or more (digits aside): running headers and footers."""
    found: set[tuple[int, int]] = set()
    seen: dict[str, list[tuple[int, int]]] = {}
    for page in pages:
        margin = MARGIN * page.height
        for k, (top, bottom, text) in enumerate(page.lines):
            if top > margin and bottom < page.height - margin:
                continue
            if _PAGE_NUMBER.match(text):
                found.add((page.number, k))
            else:
                seen.setdefault(_DIGITS.sub("#", "".join(text.split())), []).append((page.number, k))
    for places in seen.values():
        if len({page for page, _ in places}) >= 2:
            found.update(places)
    return found


def _repeated_lines(pages: list[PageText], furniture: set[tuple[int, int]]) -> None:
    """Add to ``furniture`` the lines at the top of a page that repeat, character for character
    and column for column, two or more lines in a row of the page before, none holding a digit:
    a borderless table's heading rows the word processor printed again on the new page."""
    before: list[str] = []
    for page in pages:
        body = [(k, text) for k, (_, _, text) in enumerate(page.lines) if (page.number, k) not in furniture]
        if before and body and (not page.tables or page.tables[0].ys[0] > page.lines[body[0][0]][0]):
            longest = 0
            for start in (i for i, text in enumerate(before) if text == body[0][1]):
                run = 0
                while run < len(body) and start + run < len(before) and before[start + run] == body[run][1] and \
                        not any(char in _NUMERALS for char in body[run][1]):
                    run += 1
                longest = max(longest, run)
            if longest >= 2:
                furniture.update((page.number, k) for k, _ in body[:longest])
        before = [text for _, text in body]


def _reading(pages: list[PageText], page_count: int, notes: list[str]) -> Reading:
    furniture = _furniture(pages)
    _repeated_lines(pages, furniture)
    flow: list[tuple[int, str | Table, int]] = []  # (page, a line's text or a table, its number on the page)
    left_out: list[tuple[int, str]] = []
    for page in pages:
        items: list[tuple[float, int, int]] = [(top, 0, k) for k, (top, _, _) in enumerate(page.lines)]
        items.extend((table.ys[0], 1, k) for k, table in enumerate(page.tables))
        for _, is_table, k in sorted(items):
            if is_table:
                flow.append((page.number, page.tables[k], k + 1))
            elif (page.number, k) in furniture:
                left_out.append((page.number, " ".join(page.lines[k][2].split())))
            else:
                flow.append((page.number, page.lines[k][2], 0))
    texts = {id(item): [_cell_text(glyphs) for glyphs in item.glyphs] for _, item, _ in flow if isinstance(item, Table)}
    joined: set[tuple[int, int]] = set()  # (table, cell) whose text went to the cell above the page break
    header_rows: dict[int, int] = {}  # table -> grid rows at its top repeating the header of its first page
    first_part: dict[int, Table] = {}  # table -> the part of it on the first page it spans
    for (page, upper, _), (next_page, lower, _) in zip(flow, flow[1:]):
        if isinstance(upper, Table) and isinstance(lower, Table) and next_page == page + 1 and \
                abs(upper.xs[0] - lower.xs[0]) <= SNAP and abs(upper.xs[-1] - lower.xs[-1]) <= SNAP:
            head = first_part.setdefault(id(lower), first_part.get(id(upper), upper))
            first = header_rows[id(lower)] = _repeated_header(head, lower, texts)
            _continue_cells(upper, lower, texts, joined, first)
            _continue_row(upper, lower, texts, joined, first)
    lines = Lines()
    grids: list[Grid] = []
    for page, item, number in flow:
        if isinstance(item, Table):
            grids.append(_emit_table(item, texts[id(item)], joined, page, number, lines,
                                     header_rows.get(id(item), -1)))
        else:
            lines.text(item, page, placed=True)
    return Reading(PDF, tuple(lines.lines), tuple(lines.places), tuple(grids), page_count, len(pages),
                   tuple(left_out), tuple(notes))


def _row_cells(table: Table, row: int) -> list[int]:
    """The cells that start in grid row ``row``, left to right."""
    return sorted((k for k, cell in enumerate(table.cells) if cell[1] == row), key=lambda k: table.cells[k][0])


def _repeated_header(head: Table, lower: Table, texts: dict[int, list[str]]) -> int:
    """How many grid rows at the top of ``lower`` (a table going on from the page before) repeat the
    rows at the top of the table where it began (``head``), as a word processor repeats a heading row
    on every page: the same texts in cells of the same columns, no cell running on below them."""
    repeated = 0
    for row in range(min(len(head.ys), len(lower.ys)) - 1):
        above, below = _row_cells(head, row), _row_cells(lower, row)
        if len(above) != len(below) or not any(texts[id(lower)][k] for k in below):
            break
        if any(texts[id(head)][a] != texts[id(lower)][b] or abs(head.xs[head.cells[a][0]] - lower.xs[lower.cells[b][0]])
               > SNAP for a, b in zip(above, below)):
            break
        repeated = row + 1
    if any(lower.cells[k][1] < repeated <= lower.cells[k][3] for k in range(len(lower.cells))):
        return 0  # a cell runs from the repeated rows into the body: not a header of its own
    return repeated


def _runs_on(upper: Table, k: int, lower: Table, m: int, first: int) -> bool:
    """Whether cell ``k``'s text runs down to the bottom of the page's part of the table and cell
    ``m``'s starts at the top of the next page's part (below its repeated header rows): one text
    the page break cut."""
    height = max(g.y1 - g.y0 for g in lower.glyphs[m])
    return max(g.y1 for g in upper.glyphs[k]) >= upper.ys[-1] - 1.5 * height and \
        min(g.y0 for g in lower.glyphs[m]) <= lower.ys[first] + 1.5 * height


def _bottom_cells(upper: Table) -> dict[tuple[int, int], int]:
    """The cells along the bottom of the page's part of a table, by their left and right x, rounded."""
    bottom = len(upper.ys) - 2
    return {(round(upper.xs[i0]), round(upper.xs[i1 + 1])): k for k, (i0, _, i1, j1) in enumerate(upper.cells)
            if j1 == bottom}


def _partner(upper: Table, bottom: dict[tuple[int, int], int], lower: Table, m: int) -> int | None:
    i0, _, i1, _ = lower.cells[m]
    return next((k for (left, right), k in bottom.items()
                 if abs(left - lower.xs[i0]) <= SNAP and abs(right - lower.xs[i1 + 1]) <= SNAP), None)


def _continue_cells(upper: Table, lower: Table, texts: dict[int, list[str]], joined: set[tuple[int, int]],
                    first: int = 0) -> None:
    """A merged cell cut by a page break: the table at the top of a page goes on from the one at the
    bottom of the page before (the same outer rules), and a cell of its first body row merged down
    several rows starts with text that flows on from a cell in the same columns whose text runs to the
    page's table bottom. Its text goes to that cell (（四）无 | 法提供 is （四）无法提供); a merged cell that
    starts on the new page has its text centred, away from its top, and stays itself."""
    bottom = _bottom_cells(upper)
    for m, (i0, j0, i1, j1) in enumerate(lower.cells):
        if j0 != first or j1 == first or not lower.glyphs[m]:
            continue
        k = _partner(upper, bottom, lower, m)
        if k is not None and upper.glyphs[k] and _runs_on(upper, k, lower, m, first):
            texts[id(upper)][k] += texts[id(lower)][m]
            joined.add((id(lower), m))


def _continue_row(upper: Table, lower: Table, texts: dict[int, list[str]], joined: set[tuple[int, int]],
                  first: int) -> None:
    """A row cut by a page break: the first body row of the table on the new page holds only the
    tails of texts the last row on the page before holds, each in a cell of the same columns,
    running on from the page's bottom to the new page's top. Its texts go to the cells above and
    the row is no row of its own. Either the tails are a wrapped label's last lines, the row's
    values standing on one page or the other (a cell of values filled on both pages is then two
    rows, left as they are); or the row holds nothing but the last digits of numbers wrapped in
    their narrow cells (12423 | 1), each under a number that fills its cell's width."""
    if first >= len(lower.ys) - 1:
        return
    bottom = _bottom_cells(upper)
    filled = [m for m in _row_cells(lower, first) if lower.cells[m][3] == first and texts[id(lower)][m]]
    digits_only = all(_VALUE_TEXT.match(texts[id(lower)][m]) for m in filled)
    pairs = []
    tails = 0
    for m in filled:  # a cell merged down the rows below is _continue_cells' to join
        k = _partner(upper, bottom, lower, m)
        if k is None or (id(lower), m) in joined:
            return
        above = texts[id(upper)][k]
        if above:
            if not _runs_on(upper, k, lower, m, first):
                return
            if digits_only:
                if not _VALUE_TEXT.match(above) or not _fills_width(upper, k):
                    return
            elif _VALUE_TEXT.match(above) or _VALUE_TEXT.match(texts[id(lower)][m]):
                return
            tails += 1
        elif digits_only:
            return
        pairs.append((k, m))
    if not tails:
        return
    for k, m in pairs:
        texts[id(upper)][k] += texts[id(lower)][m]
        joined.add((id(lower), m))


def _fills_width(table: Table, k: int) -> bool:
    """Whether the last printed line of cell ``k`` reaches (within a character) its right edge:
    the line was full, and what follows it wrapped."""
    last = _lines(table.glyphs[k])[-1]
    width = max(g.x1 - g.x0 for g in last)
    return table.xs[table.cells[k][2] + 1] - last[-1].x1 <= width + JOIN


def _emit_table(table: Table, texts: list[str], joined: set[tuple[int, int]], page: int, number: int,
                lines: Lines, header_rows: int) -> Grid:
    """The table's rows as lines: each cell once, in the first grid row it covers. Where a table goes
    on from the page before (``header_rows`` 0 or more, else -1), the header repeated at its top is
    left out, and so, in its first body row, is a merged label's part on this page that is an empty
    cell down the rows (or whose text went to the part above)."""
    rows: dict[int, list[int]] = {}
    for k, (_, first_row, _, _) in enumerate(table.cells):
        if (k in table.background and not texts[k]) or (id(table), k) in joined or first_row < header_rows:
            continue
        rows.setdefault(first_row, []).append(k)
    shown = []
    for row, cells in sorted(rows.items()):
        row_texts = [texts[k] for k in cells]
        columns = [table.cells[k][0] + 1 for k in cells]
        while row == header_rows and len(row_texts) > 1 and not row_texts[0] and \
                table.cells[cells[0]][3] > table.cells[cells[0]][1]:
            del row_texts[0], columns[0], cells[0]
        lines.row(row_texts, columns, page, number, row + 1)
        shown.append((row + 1, tuple(zip(columns, row_texts))))
    return Grid(f"page {page}, table {number}", len(table.xs) - 1, tuple(shown))
