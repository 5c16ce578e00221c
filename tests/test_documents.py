"""PDF and DOCX reports in (govparse.documents): recognised by their bytes, read exactly, traced to
their page or table cell, and refused clearly when they cannot be read.

The documents in corpus/documents/ were made from rendered reports (corpus/documents/make_documents.py,
corpus/tools/make_fixtures.py) and carry the values of the model they were made from; the real PDF
in ../shared is checked against its hand-read values (skipped without ../shared).
"""

from __future__ import annotations

import io
import json
import sys
import time
import zipfile
from pathlib import Path

import pytest

import govparse
from compare import meta_differences, table_differences
from conftest import ROOT
from govparse.documents import DOCX, DOCX_TABLE, PDF, PDF_GRID, DocumentError, Place, read_document, sniff
from govparse.documents.pdf import Rule, _tables
from govparse.result import Source

DOCUMENTS = ROOT / "corpus" / "documents"
FIXTURES = sorted(p for p in DOCUMENTS.iterdir() if p.suffix in (".pdf", ".docx"))


def _expected(path: Path) -> dict:
    return json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))


def test_the_fixtures_are_both_kinds_and_both_editions():
    kinds = {(path.suffix, _expected(path)["edition"]) for path in FIXTURES}
    assert kinds == {(".pdf", "2021"), (".pdf", "2019"), (".docx", "2021"), (".docx", "2019")}
    assert sum(path.stat().st_size for path in DOCUMENTS.iterdir()) < 1_000_000  # the repository stays small
    # tables drawn as offices draw them (make_documents.VARIANTS): no rules, a frame, ruled and not in one
    # report, a heading repeated over a page break that cuts a row, pages drawn sideways under /Rotate;
    # and a browser's print of the web page, each cell its own box (make_documents.BROWSER_DOCUMENTS)
    assert {path.name.split("-pdf--")[0] for path in FIXTURES if "-pdf--" in path.name} >= \
        {"borderless", "frame", "mixed", "split", "rotated", "chromium"}


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_fixture_reads_exactly(path):
    expected = _expected(path)
    result = govparse.parse_file(path)
    actual = result.to_dict()
    problems = table_differences(expected, actual) + meta_differences(expected, actual)
    assert not problems, "\n".join(problems)
    assert result.edition == expected["edition"]
    assert result.encoding == path.suffix[1:]
    if expected["rendered"].get("ruling", "ruled") == "ruled":  # table rows from the document's own cells
        assert result.layout == (PDF_GRID if path.suffix == ".pdf" else DOCX_TABLE)
    else:  # a table the PDF draws no grid for is read from its text, laid out by x
        assert result.layout not in (PDF_GRID, DOCX_TABLE, "html")


def test_a_row_cut_by_a_page_break_is_one_row_and_the_repeated_header_is_left_out():
    reading = read_document((DOCUMENTS / "split-pdf--2021-clean.pdf").read_bytes(), PDF)
    parts = [grid for grid in reading.grids if any("（七）总计" in text for _, cells in grid.rows for _, text in cells)]
    assert parts and parts[0].where.startswith("page 2")  # table 三 runs from page 1 to page 2
    assert sum("申请人情况" in line for line in reading.lines) == 1  # its heading rows, repeated on page 2: once
    # the row the break cut (its label's last two characters on page 2) is one row, on page 1
    [line] = [line for line in reading.lines if line.startswith("5．要求行政机关确认")]
    assert line.startswith("5．要求行政机关确认或重新出具已获取信息\t")
    assert reading.places[reading.lines.index(line)].page == 1


def test_a_page_drawn_sideways_reads_upright():
    turned = read_document((DOCUMENTS / "rotated-pdf--2021-clean.pdf").read_bytes(), PDF)
    upright = read_document((DOCUMENTS / "form-pdf--2021-clean.pdf").read_bytes(), PDF)
    assert [line.split() for line in turned.lines] == [line.split() for line in upright.lines]
    assert turned.grids == upright.grids


def test_a_borderless_table_is_read_from_its_text_laid_out_by_x():
    result = govparse.parse_file(DOCUMENTS / "borderless-pdf--2021-blank-cells.pdf")
    assert not result.document.has_tables
    assert result.traces["applications"].layout.style == "x-positioned"
    # a blank cell is a text column with nothing in it: null, never the next column's value
    blanks = [d for d in result.diagnostics if d.code == "blank-cell" and d.table == "applications"]
    assert blanks and all(d.place and d.place.startswith("page ") for d in blanks)


def test_a_frame_around_columns_of_numbers_is_no_grid():
    from govparse.documents.pdf import Glyph, Table, _ruled_cell_by_cell

    def cell(*words):
        return [Glyph(char, x + 6 * k, y, x + 6 * k + 5, y + 10) for x, y, word in words for k, char in enumerate(word)]

    framed = Table([0.0, 300.0], [0.0, 20.0, 60.0], [(0, 0, 0, 0), (0, 1, 0, 1)], [0, 1],
                   [cell((5, 5, "规章")), cell((5, 25, "规章"), (100, 25, "12"), (200, 25, "3"))])
    assert not _ruled_cell_by_cell(framed)
    wrapped = Table([0.0, 30.0], [0.0, 40.0], [(0, 0, 0, 0)], [0], [cell((2, 5, "1242"), (2, 18, "31"))])
    assert _ruled_cell_by_cell(wrapped)  # a number wrapped in its narrow cell is one number


def test_placed_text_puts_a_word_at_the_column_of_its_x():
    from govparse.documents.pdf import Glyph, _placed_text

    line = [Glyph("规", 0, 0, 10, 10), Glyph("章", 10, 0, 20, 10), Glyph("1", 100, 0, 105, 10),
            Glyph("2", 105, 0, 110, 10), Glyph("3", 200, 0, 205, 10)]
    assert _placed_text(line, 5.0) == "规章" + " " * 18 + "12" + " " * 18 + "3"
    # a word whose x column is taken already starts one column after the word before
    assert _placed_text([Glyph("法", 0, 0, 10, 10), Glyph("人", 14, 0, 24, 10)], 10.0) == "法 人"


def test_two_numbers_printed_close_stay_two_numbers():
    # a borderless table with little cell padding (WeasyPrint's print of <table border=1>, which draws no
    # rules): 540 and 0 of two columns stand 3 points apart, less than a word space, but a number's
    # digits stand edge to edge, so they are two numbers, never 5400
    from govparse.documents.pdf import Glyph, _line_text, _placed_text

    def digits(text, x, gap=0.0):
        return [Glyph(char, x + k * (7 + gap), 0, x + k * (7 + gap) + 7, 14) for k, char in enumerate(text)]

    line = digits("540", 100) + digits("0", 124)
    assert _placed_text(line, 3.5).split() == ["540", "0"] and _line_text(line).split() == ["540", "0"]
    assert _placed_text(digits("1158", 100), 3.5).split() == ["1158"]
    assert _placed_text(digits("1158", 100, gap=1.0), 3.5).split() == ["1158"]  # letter-spaced: one number


def test_document_output_meets_the_schema():
    from jsonschema import Draft202012Validator

    from govparse import schema

    validator = Draft202012Validator(schema.load())
    for path in FIXTURES:
        document = json.loads(govparse.parse_file(path).to_json())
        assert [error.message for error in validator.iter_errors(document)] == [], path.name
        assert document["encoding"] == path.suffix[1:]


def test_the_real_pdf_reads_to_its_hand_read_values(real_pdf):
    expected = json.loads(real_pdf.with_name("huaian-2024-pdf-text.expected.json").read_text(encoding="utf-8"))
    result = govparse.parse_file(real_pdf)
    actual = result.to_dict()
    assert not table_differences(expected, actual)
    # its title is printed over two lines (淮安市人民政府 / 2024年…年度报告): one title, naming its agency
    assert not meta_differences(expected, actual)
    assert actual["meta"]["title"] == "淮安市人民政府2024年政府信息公开工作年度报告"
    # table 三 runs from page 4 to page 5; the page numbers (-4-) are left out, not read as cells
    assert result.source_of("applications", "new_received", "total").place.page == 4
    assert result.source_of("applications", "carried_forward", "total").place.page == 5
    assert [text for _, text in result.document.furniture] == [f"-{n}-" for n in range(1, 7)]
    assert not [d for d in result.diagnostics if d.level != "info" and d.table == "applications"]


def test_a_label_wrapped_in_its_cell_stays_one_label(real_pdf):
    reading = read_document(real_pdf.read_bytes(), PDF)
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t447\t7\t0\t0\t0\t0\t454" in reading.lines
    assert "行政事业性收费\t96171.6" in reading.lines
    # a merged label down the rows it heads appears once, in its first row
    assert sum("三、本年度办理结果" in line for line in reading.lines) == 1
    # （四）无法提供 is cut by the page break after 无: one label again, in the row it starts in
    assert "（四）无法提供\t1.本机关不掌握相关政府信息\t746\t12\t0\t0\t10\t1\t769" in reading.lines
    assert "2.没有现成信息需要另行制作\t11\t0\t0\t0\t0\t0\t11" in reading.lines


# --- the page and the cell a value came from ---------------------------------------------------

def test_a_pdf_value_names_its_page():
    path = DOCUMENTS / "form-pdf--2021-clean.pdf"
    result = govparse.parse_file(path)
    source = result.source_of("applications", "new_received", "total")
    assert isinstance(source, Source) and source.place.page in (1, 2)
    line, column = source  # still the (line, column) of the text read
    assert result.document.lines[line - 1].startswith("一、本年新收政府信息公开申请数量\t")
    assert result.document.places[line - 1].page == source.place.page
    assert str(source).startswith(f"page {source.place.page}, table ")
    # its table 三 runs over the page break, and is read as one table all the same
    assert source.place.page == 1 and result.source_of("applications", "carried_forward", "total").place.page == 2


def test_a_docx_value_names_its_table_row_and_cell():
    result = govparse.parse_file(DOCUMENTS / "form-docx--2021-clean.docx")
    # table 三 is the document's second table; its row 4 is 一、本年新收… (merged over three grid
    # columns: one cell), then the seven applicant columns: total is the row's eighth cell
    assert result.source_of("applications", "new_received", "total").place == Place(table=2, row=4, cell=8)
    # a row under labels merged down (w:vMerge): Word counts their continuations as cells of this row
    # (三、本年度办理结果, （三）不予公开), then the item's label: the first value is cell 4
    assert result.source_of("applications", "denied_prohibited_by_law", "natural_person").place == \
        Place(table=2, row=9, cell=4)


def test_diagnostics_name_the_page_or_the_cell():
    pdf = govparse.parse_file(DOCUMENTS / "libreoffice-pdf--2019-null-marks-split-labels.pdf")
    docx = govparse.parse_file(DOCUMENTS / "libreoffice-docx--2019-null-marks-split-labels.docx")
    for result, start in ((pdf, "page "), (docx, "table ")):
        marks = [d for d in result.diagnostics if d.code == "null-mark"]
        assert marks and all(d.place and d.place.startswith(start) for d in marks)
        assert all(d.to_dict()["place"] == d.place for d in marks)
    text = govparse.parse((DOCUMENTS.parent / "pipe-delimited-row-per-line--plain.txt").read_bytes())
    assert all(d.place is None and "place" not in d.to_dict() for d in text.diagnostics)
    assert text.source_of("applications", "new_received", "total").place is None


# --- recognised by the bytes, not the name ---------------------------------------------------

def test_documents_are_recognised_by_their_bytes(tmp_path):
    for path in (DOCUMENTS / "form-pdf--2019-clean.pdf", DOCUMENTS / "form-docx--2021-clean.docx"):
        renamed = tmp_path / (path.stem + ".txt")
        renamed.write_bytes(path.read_bytes())
        assert govparse.parse_file(renamed).applications is not None
    assert sniff(b"%PDF-1.7\n") == PDF
    assert sniff(b"junk before the header\r\n" + b"%PDF-1.4\n") == PDF
    assert sniff("报告以 %PDF-1.4 格式发布".encode()) is None  # a text that mentions the header
    assert sniff((DOCUMENTS / "form-docx--2021-clean.docx").read_bytes()) == DOCX
    text = "一、总体情况\n" * 200 + "%PDF-1.7"  # the header's bytes past where a reader looks: text
    assert sniff(text.encode()) is None
    assert sniff("<html><body><table></table></body></html>".encode()) is None


def test_other_documents_are_named_with_what_would_read_them():
    with pytest.raises(DocumentError, match=r"old binary Office file .*convert it to DOCX or PDF"):
        govparse.parse(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(DocumentError, match="RTF"):
        govparse.parse(b"{\\rtf1\\ansi hello}")
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<x/>")
    with pytest.raises(DocumentError, match="OpenDocument"):
        govparse.parse(packed.getvalue())
    assert issubclass(DocumentError, govparse.GovparseError)


# --- hostile documents ---------------------------------------------------------------------

sys.path.insert(0, str(Path(__file__).parent))
from hostile_documents import cases as hostile_cases  # noqa: E402

REFUSED = {
    "PDF, encrypted": "encrypted PDF that needs a password",
    "PDF, scanned (no text layer)": "no text layer .* run OCR",
    "PDF, cut short": "PDF is damaged",
    "PDF, header only": "PDF is damaged",
    "PDF, decompression bomb": "unpack to more than 128 MiB",
    "DOCX, zip bomb": "unpacks to more than 64 MiB",
    "DOCX, cut short": "damaged ZIP archive",
    "DOC, old binary Word": "old binary Office file",
}


@pytest.fixture(scope="module")
def hostile() -> dict[str, bytes]:
    return hostile_cases()


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_document_that_cannot_be_read_is_a_clear_error(hostile, name):
    started = time.perf_counter()
    with pytest.raises(DocumentError, match=REFUSED[name]):
        govparse.parse(hostile[name])
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("name", ["form-pdf--2021-clean.pdf", "form-docx--2021-clean.docx"])
def test_a_damaged_document_gives_a_result_or_a_clear_error(name):
    """Bytes changed here and there, the end cut off: a Result or a GovparseError, never a bug's."""
    import random

    rng = random.Random(name)  # the same damage every run
    original = (DOCUMENTS / name).read_bytes()
    for _ in range(30):
        data = bytearray(original)
        for _ in range(rng.choice((1, 5, 50))):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.3:
            del data[rng.randrange(len(data)):]
        try:
            govparse.parse(bytes(data))
        except govparse.InternalError as error:
            pytest.fail(f"{error}")
        except govparse.GovparseError:
            pass


def test_a_table_printed_as_a_picture_is_named(hostile):
    result = govparse.parse(hostile["PDF, text and a picture of a table"])
    notes = [d.message for d in result.diagnostics if d.code == "document" and d.level == "warning"]
    assert len(notes) == 1 and notes[0].startswith("page 1 shows a picture of 500 x 500 pt with no text on it")
    assert "OCR" in notes[0]


def test_a_pdf_of_thousands_of_pages_is_read_to_the_page_limit(hostile):
    started = time.perf_counter()
    result = govparse.parse(hostile["PDF, 5000 pages"])
    assert time.perf_counter() - started < 30
    notes = [d.message for d in result.diagnostics if d.code == "document" and d.level == "warning"]
    assert notes == ["the PDF has 5000 pages; only the first 200 are read"]
    assert result.document.pages == 5000 and result.document.pages_read == 200


def test_the_size_limit_holds_for_documents(tmp_path):
    path = DOCUMENTS / "form-pdf--2021-clean.pdf"
    with pytest.raises(govparse.InputTooLarge):
        govparse.parse_file(path, max_bytes=10_000)


# --- the grid from ruling lines --------------------------------------------------------------

def _rules(*spec):
    return [Rule(*rule) for rule in spec]


def test_ruling_lines_make_cells_and_merged_cells():
    # a 3 x 2 grid whose top row is one cell over all three columns (no rule at x=40, 70 above y=20)
    across = _rules((0, 0, 100), (20, 0, 100), (40, 0, 100))
    down = _rules((0, 0, 40), (40, 20, 40), (70, 20, 40), (100, 0, 40))
    [table] = _tables(across, down, 0, [])
    assert table.cells == [(0, 0, 2, 0), (0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 1)]
    assert table.cell_at(50, 10) == 0 and table.cell_at(55, 30) == 2


def test_a_table_open_at_its_sides_is_closed_where_its_rules_end():
    # three-rule style: horizontal rules over the full width, verticals only between the columns
    across = _rules((0, 0, 100), (20, 0, 100), (40, 0, 100))
    down = _rules((50, 0, 40))
    assert _tables(across, down, 0, []) == []  # one vertical: not a grid
    down = _rules((30, 0, 40), (60, 0, 40))
    [table] = _tables(across, down, 0, [])
    assert table.xs == [0, 30, 60, 100] and len(table.cells) == 6


def test_rules_apart_are_tables_apart_and_pieces_of_a_rule_are_one():
    across = _rules((0, 0, 49), (0, 50.5, 100), (20, 0, 100), (200, 0, 100), (220, 0, 100))
    down = _rules((0, 0, 20), (30, 0, 20), (100, 0, 20), (0, 200, 220), (30, 200, 220), (100, 200, 220))
    tables = _tables(across, down, 0, [])
    assert [len(t.cells) for t in tables] == [2, 2]  # the top rule in two pieces 1.5 apart is one rule


def _boxed_table(widths: list[float], rows: list[int], spacing: float, glyph_rows: int | None = None,
                 double: bool = False):
    """Strokes and glyphs of a table drawn a box a cell, as a browser prints ``<table border=1>``: a frame,
    then each row's cells as boxes ``spacing`` apart and from the frame; row j has ``rows[j]`` cells of
    ``widths``, 20 high; a glyph 12 high in each cell of the first ``glyph_rows`` rows (all by default);
    ``double``: each box's sides drawn twice, 1.5 apart (a double border)."""
    from govparse.documents.pdf import Glyph

    across, down, glyphs = [], [], []
    right = spacing + sum(widths) + spacing * len(widths)
    bottom = spacing + (20 + spacing) * len(rows)
    across += _rules((0, 0, right), (bottom, 0, right))
    down += _rules((0, 0, bottom), (right, 0, bottom))
    for j, count in enumerate(rows):
        top = spacing + j * (20 + spacing)
        left = spacing
        for width in widths[:count]:
            across += _rules((top, left, left + width), (top + 20, left, left + width))
            down += _rules((left, top, top + 20), (left + width, top, top + 20))
            if double:
                inner = (left + 1.5, top + 1.5, left + width - 1.5, top + 18.5)
                across += _rules((inner[1], inner[0], inner[2]), (inner[3], inner[0], inner[2]))
                down += _rules((inner[0], inner[1], inner[3]), (inner[2], inner[1], inner[3]))
            if glyph_rows is None or j < glyph_rows:
                glyphs.append(Glyph("1", left + 2, top + 4, left + 8, top + 16))
            left += width + spacing
    return across, down, glyphs


def _boxed_tables(across, down, glyphs):
    """The tables read from the strokes, gaps between boxes closed, glyphs in their cells."""
    from govparse.documents.pdf import _background, _closed_gaps

    across, down, boxes = _closed_gaps(across, down, glyphs)
    tables = _tables(across, down, 0, [])
    for table in tables:
        for glyph in glyphs:
            cell = table.cell_at(glyph.cx, glyph.cy)
            if cell >= 0:
                table.glyphs[cell].append(glyph)
        if boxes is not None:
            _background(table, boxes)
    return tables


@pytest.mark.parametrize("spacing, double", [(0.75, False), (1.5, False), (3.0, False), (6.0, False), (1.5, True),
                                             (3.0, True)])
def test_cells_drawn_as_boxes_apart_are_one_grid(spacing, double):
    # every cell its own box, the cell spacing between (a browser's <table border=1>): no thin empty
    # column or row between two real ones, whatever the spacing, as long as no text fits in it; a
    # double border's two lines and the spacing after them are one gap
    [table] = _boxed_tables(*_boxed_table([60, 40, 40], [3, 3, 3], spacing, double=double))
    assert len(table.xs) == 4 and len(table.ys) == 4 and len(table.cells) == 9 and not table.background


def test_the_room_beside_a_shorter_row_is_no_cell():
    # the second row has two cells; the frame leaves room where a third would stand: that room is the
    # table's background, left out of the row, while a drawn box with nothing in it stays a blank cell
    from govparse.documents import Lines
    from govparse.documents.pdf import _emit_table

    [table] = _boxed_tables(*_boxed_table([60, 40, 40], [3, 2, 3], 1.5, glyph_rows=2))
    assert len(table.xs) == 4 and len(table.cells) == 9
    [room] = table.background
    assert table.cells[room] == (2, 1, 2, 1)
    lines = Lines()
    _emit_table(table, ["1" if glyphs else "" for glyphs in table.glyphs], set(), 1, 1, lines, -1)
    assert lines.lines == ["1\t1\t1", "1\t1"]  # the third row's three empty boxes: a row of blanks, left out
    [table] = _boxed_tables(*_boxed_table([60, 40, 40], [3, 2, 3], 1.5))
    lines = Lines()
    _emit_table(table, ["1" if glyphs else "" for glyphs in table.glyphs], set(), 1, 1, lines, -1)
    assert lines.lines == ["1\t1\t1", "1\t1", "1\t1\t1"]


def test_a_thin_column_or_text_between_two_lines_keeps_them_apart():
    from govparse.documents.pdf import Glyph

    # a grid ruled as one, with an empty column 3 points wide: its row rules run across it
    across = _rules((0, 0, 103), (20, 0, 103), (40, 0, 103))
    down = _rules((0, 0, 40), (50, 0, 40), (53, 0, 40), (103, 0, 40))
    [table] = _boxed_tables(across, down, [Glyph("1", 10, 4, 16, 16), Glyph("2", 60, 24, 66, 36)])
    assert table.xs == [0, 50, 53, 103]
    # two boxes 3 points apart with a character standing between them: no gap to close
    across, down, glyphs = _boxed_table([60, 40], [2, 2], 3.0)
    glyphs.append(Glyph("|", 64, 29, 65, 41))  # centred in the gap between the second row's boxes
    [table] = _boxed_tables(across, down, glyphs)
    assert table.xs == [1.5, 63, 66, 107.5]


def test_two_tables_whose_gaps_interleave_keep_their_own_columns():
    # table A's boxes 5 apart at x 100..105, table B's (below it) at 102.5..107.5: each gap closes on its
    # own, each table's column boundary in the middle of its own gap (one table's lines not the other's)
    from govparse.documents.pdf import Glyph

    across, down = [], []
    for top, left in ((0, 100), (100, 102.5)):
        for x0, x1 in ((0, left), (left + 5, 200)):
            across += _rules((top, x0, x1), (top + 20, x0, x1))
            down += _rules((x0, top, top + 20), (x1, top, top + 20))
    glyphs = [Glyph("1", 10, top + 4, 16, top + 16) for top in (0, 100)]
    first, second = _boxed_tables(across, down, glyphs)
    assert first.xs == [0, 102.5, 200] and second.xs == [0, 105, 200]


def test_closing_gaps_on_a_page_of_thousands_of_boxes_is_bounded():
    # 14,400 small boxes 1.5 apart (a pattern, not a report): the lines looked at are counted, and past
    # the count nothing is closed; the page is read as it is drawn, in a bounded time
    from govparse.documents.pdf import MAX_GAP_CHECKS, Glyph, _closed_gaps

    across, down = [], []
    for i in range(120):
        for j in range(120):
            x, y = i * 4.5, j * 4.5
            across += _rules((y, x, x + 3), (y + 3, x, x + 3))
            down += _rules((x, y, y + 3), (x + 3, y, y + 3))
    started = time.process_time()
    closed_across, closed_down, boxes = _closed_gaps(across, down, [Glyph("1", 0, 0, 6, 12)])
    assert time.process_time() - started < 2.0 and MAX_GAP_CHECKS <= 1_000_000
    assert boxes is None and closed_across is across and closed_down is down


def _merged_label_table(label_top: float, text: str) -> "Table":
    """Two columns, two rows; the first column one cell merged down both rows, its text at label_top."""
    from govparse.documents.pdf import Glyph, Table

    glyphs = [Glyph(char, 5 + 8 * k, label_top, 13 + 8 * k, label_top + 8) for k, char in enumerate(text)]
    return Table([0.0, 50.0, 100.0], [0.0, 20.0, 40.0], [(0, 0, 0, 1), (1, 0, 1, 0), (1, 1, 1, 1)], [0, 1, 0, 2],
                 [glyphs, [Glyph("1", 60, 5, 65, 13)], [Glyph("2", 60, 25, 65, 33)]])


def test_a_merged_cell_cut_by_a_page_break_is_one_cell_again():
    from govparse.documents.pdf import _continue_cells

    upper = _merged_label_table(30, "（四）无")  # its text runs down to the table's bottom
    for lower, joins in ((_merged_label_table(2, "法提供"), True),  # flows on from the top of the next page
                         (_merged_label_table(16, "（五）不予处理"), False)):  # centred: a label of its own
        texts = {id(upper): ["（四）无", "1", "2"], id(lower): ["", "1", "2"]}
        texts[id(lower)][0] = "".join(g.text for g in lower.glyphs[0])
        joined: set = set()
        _continue_cells(upper, lower, texts, joined)
        assert (texts[id(upper)][0] == "（四）无法提供") is joins and (joined == {(id(lower), 0)}) is joins


def _one_row_table(top: float, bottom: float, cells: list[tuple[str, float, float]]) -> "Table":
    """A table of one grid row from ``top`` to ``bottom``, its cells side by side 40 pt wide, each
    (text, x where it starts, y where its line starts), digits 6 pt wide."""
    from govparse.documents.pdf import Glyph, Table

    xs = [40.0 * k for k in range(len(cells) + 1)]
    glyphs = [[Glyph(char, x + 6 * n, y, x + 6 * n + 6, y + 8) for n, char in enumerate(text)] for text, x, y in cells]
    return Table(xs, [top, bottom], [(k, 0, k, 0) for k in range(len(cells))], list(range(len(cells))), glyphs)


def test_numbers_wrapped_in_their_cells_and_cut_by_a_page_break_are_whole_again():
    from govparse.documents.pdf import _continue_row

    # 12423 fills its 40 pt cell (its last digit 3 pt from the rule) and its 1 wrapped onto the next page
    upper = _one_row_table(700, 720, [("123456", 2, 710), ("0", 17, 710)])
    lower = _one_row_table(50, 70, [("7", 2, 52), ("", 0, 0)])
    texts = {id(upper): ["123456", "0"], id(lower): ["7", ""]}
    joined: set = set()
    _continue_row(upper, lower, texts, joined, 0)
    assert texts[id(upper)] == ["1234567", "0"] and joined == {(id(lower), 0)}
    # a number centred in its cell did not wrap: a number under it on the next page is a row of its own
    lower = _one_row_table(50, 70, [("", 0, 0), ("5", 17, 52)])
    texts = {id(upper): ["123456", "0"], id(lower): ["", "5"]}
    _continue_row(upper, lower, texts, joined := set(), 0)
    assert texts[id(upper)] == ["123456", "0"] and not joined
    # a label's tail beside no number of its own goes to the label; a row with its own numbers does not
    upper = _one_row_table(700, 720, [("5．要求", 2, 710), ("9", 17, 710)])
    for lower_texts, joins in ((["信息", ""], True), (["6．其他", "3"], False)):
        lower = _one_row_table(50, 70, [(lower_texts[0], 2, 52), (lower_texts[1], 17, 52)])
        texts = {id(upper): ["5．要求", "9"], id(lower): list(lower_texts)}
        _continue_row(upper, lower, texts, joined := set(), 0)
        assert (texts[id(upper)][0] == "5．要求信息") is joins and bool(joined) is joins


def test_a_single_box_is_no_table():
    # a frame around the page (or a boxed note): its text is read as text, not as one cell
    assert _tables(_rules((10, 10, 580), (830, 10, 580)), _rules((10, 10, 830), (580, 10, 830)), 0, []) == []


def test_a_page_drawing_thousands_of_rules_is_read_as_text():
    across = _rules(*[(y * 3.0, 0, 100) for y in range(3000)])
    down = _rules((0, 0, 9000), (100, 0, 9000))
    notes: list[str] = []
    assert _tables(across, down, 0, notes) == [] and "too many rules" in notes[0]


def test_page_numbers_and_running_lines_in_the_margins_are_furniture():
    from govparse.documents.pdf import PageText, _furniture

    pages = []
    for number in (1, 2):
        page = PageText(number, 842.0, 842.0)
        page.lines = [(20.0, 32.0, "某县人民政府办公室文件"),  # a running header, on both pages
                      (400.0, 412.0, "规章 1 0 11"),  # the same text in the body: kept
                      (420.0, 432.0, f"第 {number} 页"),  # a page number's form, but in the body: kept
                      (800.0, 812.0, f"- {number} -")]  # a page number in the bottom margin
        pages.append(page)
    assert _furniture(pages) == {(1, 0), (2, 0), (1, 3), (2, 3)}
    assert _furniture(pages[:1]) == {(1, 3)}  # one page: a line alone in its margin is no running line


def test_heading_lines_repeated_at_the_top_of_a_page_are_left_out():
    from govparse.documents.pdf import PageText, _repeated_lines

    header = ["          申请人情况", "   自然人    法人或其他组织    总计"]
    first, second = PageText(1, 842.0, 842.0), PageText(2, 842.0, 842.0)
    first.lines = [(100.0 + 20 * k, 110.0 + 20 * k, text) for k, text in enumerate(
        ["三、收到和处理政府信息公开申请情况", *header, "一、本年新收   3   0   3"])]
    second.lines = [(60.0 + 20 * k, 70.0 + 20 * k, text) for k, text in enumerate([*header, "取信息", "（七）总计  3"])]
    furniture: set = set()
    _repeated_lines([first, second], furniture)
    assert furniture == {(2, 0), (2, 1)}
    # one line alike, or lines alike but placed apart, or lines holding digits: kept
    for lines in ([header[0], "取信息"], [" " + header[0], header[1]], ["一、本年新收   3   0   3", "（七）总计  3"]):
        second.lines = [(60.0 + 20 * k, 70.0 + 20 * k, text) for k, text in enumerate(lines)]
        first.lines.append((300.0, 310.0, "（七）总计  3"))
        _repeated_lines([first, second], furniture := set())
        assert not furniture, lines


def test_a_title_printed_over_two_lines_is_one_line():
    from govparse.documents.pdf import Glyph, PageText, _join_title

    def line(text, top, size):
        return [Glyph(char, 100 + size * k, top, 100 + size * (k + 1), top + size) for k, char in enumerate(text)]

    page = PageText(1, 842.0, 842.0)
    title = [line("某县人民政府", 60, 18), line("2024年政府信息公开工作年度报告", 82, 18)]
    page.loose = [*title, line("本报告由某县人民政府办公室编制。", 120, 10.5)]
    _join_title(page, 10.5)
    assert ["".join(g.text for g in glyphs) for glyphs in page.loose] == \
        ["某县人民政府2024年政府信息公开工作年度报告", "本报告由某县人民政府办公室编制。"]
    # lines of body type, a line of another size, a line far below: not one title
    for loose in ([line("一、总体情况", 60, 10.5), line("（一）主动公开", 75, 10.5)],
                  [line("某县人民政府文件", 60, 26), line("2024年政府信息公开工作年度报告", 92, 18)],
                  [line("某县人民政府", 60, 18), line("2024年政府信息公开工作年度报告", 140, 18)]):
        page.loose = list(loose)
        _join_title(page, 10.5)
        assert len(page.loose) == 2


def test_kangxi_radicals_read_as_the_characters_they_look_like():
    from govparse.documents.pdf import _radical

    assert "".join(_radical(char) for char in "⼀⼆⼈⾏⽂") == "一二人行文"


# --- DOCX structure ------------------------------------------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def _docx(body: str, document: str = "") -> bytes:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("word/document.xml", document or
                         f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>')
    return packed.getvalue()


def _cell(text: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def test_docx_merged_cells_appear_once_and_paragraphs_keep_their_order():
    body = ("<w:p><w:r><w:t>三、收到和处理</w:t></w:r></w:p>"
            "<w:tbl><w:tr>" + _cell("三、本年度办理结果", '<w:vMerge w:val="restart"/>') + _cell("（一）予以公开", '<w:gridSpan w:val="2"/>')
            + _cell("5") + "</w:tr><w:tr>" + _cell("", "<w:vMerge/>") + _cell("（三）不予") + _cell("1．属于国家秘密")
            + _cell("2") + "</w:tr></w:tbl>"
            "<w:sdt><w:sdtContent><w:p><w:r><w:t>四、</w:t></w:r>"
            "<mc:AlternateContent><mc:Choice><w:r><w:t>行政</w:t></w:r></mc:Choice>"
            "<mc:Fallback><w:r><w:t>行政</w:t></w:r></mc:Fallback></mc:AlternateContent>"
            "<w:r><w:delText>删去</w:delText><w:t>复议</w:t></w:r></w:p></w:sdtContent></w:sdt>")
    reading = read_document(_docx(body), DOCX)
    assert reading.lines == ("三、收到和处理", "三、本年度办理结果\t（一）予以公开\t5", "（三）不予\t1．属于国家秘密\t2",
                             "四、行政复议")
    assert reading.places[2].at(len("（三）不予\t1．属于国家秘密\t") + 1) == Place(table=1, row=2, cell=4)
    assert reading.grids[0].columns == 4
    assert reading.grids[0].rows[1] == (2, ((2, "（三）不予"), (3, "1．属于国家秘密"), (4, "2")))


def test_a_docx_cell_of_two_paragraphs_is_one_label():
    body = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>结果</w:t></w:r></w:p><w:p><w:r><w:t>维持</w:t></w:r></w:p></w:tc>" \
           + _cell("3") + "</w:tr></w:tbl>"
    assert read_document(_docx(body), DOCX).lines == ("结果维持\t3",)


def test_a_table_inside_a_cell_is_a_table_of_its_own():
    inner = "<w:tbl><w:tr>" + _cell("规章") + _cell("1") + "</w:tr></w:tbl>"
    body = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>二、主动公开</w:t></w:r></w:p>" + inner + "</w:tc></w:tr></w:tbl>"
    reading = read_document(_docx(body), DOCX)
    assert reading.lines == ("二、主动公开", "规章\t1")
    assert [grid.where for grid in reading.grids] == ["table 2", "table 1"]  # the inner one is read first
    assert reading.places[1].at(4) == Place(table=2, row=1, cell=2)


def test_a_docx_with_entities_or_without_a_body_is_refused_or_read_safely():
    with pytest.raises(DocumentError, match="no document body"):
        read_document(_docx("", f'<?xml version="1.0"?><w:document {W}/>'), DOCX)
    laughs = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' \
             b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' \
             b"<w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("word/document.xml", laughs)
    assert "aaaaaaaaaa" not in "".join(read_document(packed.getvalue(), DOCX).lines)  # entities not expanded


# --- the command line ----------------------------------------------------------------------

def test_dump_shows_the_grid_read_from_each_page():
    from typer.testing import CliRunner

    from govparse.cli import app

    path = DOCUMENTS / "form-pdf--2021-clean.pdf"
    result = CliRunner().invoke(app, ["dump", str(path), "--stage", "pages", "--stage", "diagnostics"],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "page 1, table 1" in result.output and "page 2, table 1" in result.output
    assert "申请人情况" in result.output and "（七）总计" in result.output
    assert "page furniture left out: page 1: '第 1 页 共 2 页'" in result.output


def test_batch_takes_pdf_and_docx_like_any_report(tmp_path):
    from govparse.batch import run_batch

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("form-pdf--2019-clean.pdf", "form-docx--2021-clean.docx"):
        (folder / name).write_bytes((DOCUMENTS / name).read_bytes())
    (folder / "report.txt").write_bytes((DOCUMENTS.parent / "pipe-delimited-row-per-line--plain.txt").read_bytes())
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    out = tmp_path / "out.jsonl"
    summary = run_batch(str(folder), out, fmt="jsonl", jobs=1, resume=False, timeout=60)
    records = {Path(r["file"]).name: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert summary.failed == 1 and not records["old.doc"]["ok"] and "old binary" in records["old.doc"]["error"]
    for name in ("form-pdf--2019-clean.pdf", "form-docx--2021-clean.docx", "report.txt"):
        assert records[name]["ok"] and records[name]["applications"] is not None, name
    assert records["form-pdf--2019-clean.pdf"]["encoding"] == "pdf"
