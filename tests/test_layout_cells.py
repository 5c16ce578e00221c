from govparse.cells import read_cells
from govparse.layout import (BLANK_SEPARATED, CELL_PER_LINE, LINE_PER_CELL, LINEAR_CELL, PIPE_DELIMITED,
                             ROW_PER_LINE, detect_layout)
from govparse.normalize import Document
from govparse.sections import Section


def _read(body: str):
    doc = Document("heading\n" + body)
    section = Section("三", 0, 1, len(doc))
    layout = detect_layout(doc, section)
    return layout, [c.text for c in read_cells(doc, section, layout)]


def test_linear_blank_separated_with_an_empty_cell():
    layout, cells = _read("规章\n\n0\n\n\n\n1\n\n2\n")
    assert (layout.format, layout.style) == (LINEAR_CELL, BLANK_SEPARATED)
    assert cells == ["规章", "0", "", "1", "2"]


def test_linear_line_per_cell_every_blank_line_is_a_cell():
    layout, cells = _read("规章\n0\n\n1\n2\n3\n")
    assert (layout.format, layout.style) == (LINEAR_CELL, LINE_PER_CELL)
    assert cells == ["规章", "0", "", "1", "2", "3"]


def test_pipe_cell_per_line():
    layout, cells = _read("规章 |\n0 |\n|\n1 |\n||\n")
    assert (layout.format, layout.style) == (PIPE_DELIMITED, CELL_PER_LINE)
    assert cells == ["规章", "0", "", "1", "", ""]


def test_pipe_row_per_line_keeps_columns():
    layout, cells = _read("规章 | 0 | 0 | 3 |\n行政许可 | 5 | ||\n")
    assert (layout.format, layout.style) == (PIPE_DELIMITED, ROW_PER_LINE)
    assert cells == ["规章", "0", "0", "3", "行政许可", "5", "", ""]


def test_cells_point_at_source_line_and_column():
    doc = Document("h\n  規章 | １２ |")
    section = Section("二", 0, 1, 2)
    cells = read_cells(doc, section, detect_layout(doc, section))
    assert [(c.text, c.line, c.column) for c in cells] == [("规章", 2, 3), ("12", 2, 8)]
