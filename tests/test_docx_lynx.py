"""python-docx's merged cells (govparse.docxrows) and lynx's blank cells (govparse.gapblanks):
the cells of each row, checked against the values the sample was made from.

Samples in tests/data/readers/ (README.md there says how each was made): a LibreOffice DOCX
read by python-docx (rows lost their spans, each row's last cell fills the grid), a DOCX made
by pandoc, a Word table built with python-docx (spans and vertical merges), and lynx's dump
of a page with blank cells. A row is right when it holds exactly its columns' values;
a row left long or short is nulled by the row stage (honest); a row of other values is the
failure these tests exist to catch.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from test_readers import DATA, TABLE_KEYS, _number, _rows, _section_three, _table

from govparse.cells import Cell
from govparse.docxrows import collapse_merged
from govparse.gapblanks import aligned_cells, gapped_cells, gaps_hold_blanks
from govparse.layout import MERGED_REPEATED, SPACE_DELIMITED, TAB_DELIMITED

BLANK_CELLS = json.loads((DATA / "blank-cells.expected.json").read_text(encoding="utf-8"))


def _values(texts: list[str]) -> list[object]:
    return [_number(text) for text in texts]


def _wanted(columns: dict) -> list[object]:
    return [None if value is None else Decimal(str(value)) for value in columns.values()]


def _table_rows(text: str, numeral: str) -> dict[str, list[str]]:
    """Row key -> the cells after its label; table 四's one row under the key ``review_litigation``."""
    _, cells, _ = _table(text, numeral)
    rows = _rows(cells, numeral)
    if numeral == "四":
        return {"review_litigation": next(iter(rows.values()))}
    return rows


def _expected_rows(expected: dict, numeral: str) -> dict[str, list[object]]:
    table = expected[TABLE_KEYS[numeral]]
    if numeral == "四":
        return {"review_litigation": [value for group in table.values() for value in _wanted(group)]}
    return {key: _wanted(columns) for key, columns in table.items()}


def _exact(rows: dict[str, list[str]], expected: dict[str, list[object]]) -> tuple[list[str], list[str]]:
    """(rows holding exactly their values, rows holding other values or another count)."""
    right, other = [], []
    for key, want in expected.items():
        (right if key in rows and _values(rows[key]) == want else other).append(key)
    return right, other


# --- python-docx ---------------------------------------------------------------------------------


@pytest.mark.parametrize("numeral", ["二", "三", "四"])
def test_libreoffice_docx_rows_hold_exactly_their_values(numeral):
    """LibreOffice lost the row spans of table 三, so each row's last cell (总计) fills the grid:
    three times after one label, twice after a group label and a label; table 二's single
    columns span three grid columns, as their headers show; blank cells stay blank."""
    text = (DATA / "python-docx--blank-cells.txt").read_text(encoding="utf-8")
    layout, _, _ = _table(text, numeral)
    assert (layout.format, layout.style) == (TAB_DELIMITED, MERGED_REPEATED), layout.evidence
    right, other = _exact(_table_rows(text, numeral), _expected_rows(BLANK_CELLS, numeral))
    assert other == [], f"rows not read as their values: {other}"
    assert right


def test_pandoc_docx_rows():
    """pandoc's DOCX has the same shape (its rows' last cells fill the grid), read off the sample."""
    text = (DATA / "python-docx--merged-cells.txt").read_text(encoding="utf-8")
    two, three = _table_rows(text, "二"), _table_rows(text, "三")
    assert two["licensing"] == ["0"] and two["punishment"] == ["29"] and two["coercion"] == ["23"]
    assert two["fees"] == ["0"] and two["regulations"] == ["0", "0", "16"]
    assert three["new_received"] == ["0", "179529", "45", "624", "87738", "110", "268046"]
    assert three["carried_over"] == ["0", "0", "0", "0", "0", "295", "295"]
    assert three["granted"] == ["0", "9", "0", "0", "0", "0", "9"]
    assert three["denied_prohibited_by_law"] == ["0"] * 7
    assert three["other_no_correction"] == ["0", "179499", "0", "0", "0", "0", "179499"]
    assert _table_rows(text, "四")["review_litigation"] == \
        ["15", "0", "0", "11", "26", "19", "28", "0", "30", "77", "9", "0", "0", "0", "9"]


def test_word_table_with_spans_and_vertical_merges():
    """A Word table (made with python-docx): 总计 spans two grid columns in the header and in
    every row; labels span both label columns; a group label merged down repeats on each row."""
    text = (DATA / "python-docx--word-merged.txt").read_text(encoding="utf-8")
    two, three = _table_rows(text, "二"), _table_rows(text, "三")
    assert two == {"regulations": ["2", "0", "2"], "normative_documents": ["0", "0", "7"], "licensing": ["5"],
                   "punishment": ["0"], "coercion": ["0"], "fees": ["0"]}
    assert three["new_received"] == ["3", "0", "0", "0", "0", "3", "6"]
    assert three["carried_over"] == ["0", "0", "0", "0", "0", "1", "1"]  # other 1 and total 1: two cells
    assert three["granted"] == ["2", "0", "0", "0", "0", "2", "4"]
    assert three["partially_granted"] == ["0"] * 7
    assert three["denied_prohibited_by_law"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert three["carried_forward"] == ["0", "0", "0", "0", "0", "2", "2"]
    assert _table_rows(text, "四")["review_litigation"] == \
        ["0", "0", "0", "0", "0", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"]


def _cells(*rows: str) -> list[list[Cell]]:
    return [[Cell(text, line, column + 1) for column, text in enumerate(row.split("\t"))]
            for line, row in enumerate(rows, 1)]


def _texts(cells: list[Cell]) -> list[list[str]]:
    rows: dict[int, list[str]] = {}
    for cell in cells:
        rows.setdefault(cell.line, []).append(cell.text)
    return list(rows.values())


def test_equal_values_without_a_span_stay_cells():
    """No header span over them: ``0 0 0`` is three values."""
    cells = _cells("信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t0\t0\t0", "行政规范性文件\t5\t5\t5")
    assert _texts(collapse_merged(cells))[1:] == [["规章", "0", "0", "0"], ["行政规范性文件", "5", "5", "5"]]


def test_a_header_span_that_a_row_breaks_is_no_merged_cell():
    """The header repeats 本年处理决定数量, but one row below holds different values across it: the
    header describes no row, and no row is collapsed (the row stage nulls the long ones)."""
    cells = _cells("信息内容\t本年处理决定数量\t本年处理决定数量", "行政处罚\t4\t4", "行政强制\t4\t7")
    assert _texts(collapse_merged(cells))[1:] == [["行政处罚", "4", "4"], ["行政强制", "4", "7"]]


def test_table_four_of_zeros_under_stretched_headers_keeps_fifteen_cells():
    """Every header row ends in a run (the converter's filler), the one row is all zeros: the
    header's trailing 总计 run is no evidence of a span with a single row under it."""
    header = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    cells = _cells("\t".join(["行政复议"] + ["行政诉讼"] * 14),
                   "\t".join(header + ["未经复议直接起诉"] + ["复议后起诉"] * 9),
                   "\t".join(header * 2 + ["总计"] * 5),
                   "\t".join(["0"] * 15))
    assert _texts(collapse_merged(cells))[-1] == ["0"] * 15


def test_stretched_last_cell_is_cut_to_the_values_the_rows_show():
    """Each row's last cell fills the grid (header rows end in runs of 4 and 3): rows hold the
    most values any row shows (three), each row's trailing run cut to that, zeros included."""
    header = ["说明\t申请人情况\t申请人情况\t申请人情况\t申请人情况", "自然人\t法人\t总计\t总计\t总计"]
    rows = ["一、本年新收政府信息公开申请数量\t1\t2\t3\t3", "二、上年结转政府信息公开申请数量\t0\t0\t0\t0",
            "（七）总计\t4\t5\t9\t9"]
    assert _texts(collapse_merged(_cells(*header, *rows)))[2:] == [
        ["一、本年新收政府信息公开申请数量", "1", "2", "3"],
        ["二、上年结转政府信息公开申请数量", "0", "0", "0"],
        ["（七）总计", "4", "5", "9"]]


def test_a_row_showing_more_values_stops_the_cutting():
    """One row of four different values: rows may hold four, and no row's run is cut (the
    long rows are nulled later, never cut into another reading)."""
    header = ["说明\t申请人情况\t申请人情况\t申请人情况\t申请人情况", "自然人\t法人\t总计\t总计\t总计"]
    rows = ["一、本年新收政府信息公开申请数量\t1\t2\t3\t3", "二、上年结转政府信息公开申请数量\t0\t0\t0\t0",
            "四、结转下年度继续办理\t1\t2\t3\t4"]
    assert _texts(collapse_merged(_cells(*header, *rows)))[2:] == [row.split("\t") for row in rows]


def test_too_few_rows_tell_no_filler():
    """Two rows under stretched headers: too few to tell how many values a row holds."""
    cells = _cells("说明\t申请人情况\t申请人情况\t申请人情况", "自然人\t法人\t总计\t总计",
                   "一、本年新收政府信息公开申请数量\t1\t2\t2", "二、上年结转政府信息公开申请数量\t0\t1\t1")
    assert _texts(collapse_merged(cells))[2:] == [["一、本年新收政府信息公开申请数量", "1", "2", "2"],
                                                   ["二、上年结转政府信息公开申请数量", "0", "1", "1"]]


def test_collapsing_is_linear():
    """Thousands of rows under one header: read in time proportional to them."""
    import time

    rows = ["说明\t申请人情况\t申请人情况\t申请人情况", "自然人\t法人\t总计\t总计"]
    rows += [f"（七）总计\t{index}\t{index + 1}\t{index + 1}" for index in range(20_000)]
    started = time.perf_counter()
    collapsed = collapse_merged(_cells(*rows))
    assert time.perf_counter() - started < 5
    assert len(collapsed) == 2 + 3 + 20_000 * 3


# --- lynx ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("numeral", ["二", "三", "四"])
def test_lynx_rows_with_blank_cells(numeral):
    """Table 三 is written one space apart (too wide to align): a blank is a three-space gap.
    A blank at a row's end leaves no trace (lynx trims the line): that row is one cell short,
    never shifted. Tables 二 and 四 are aligned by padding: their gaps are no blanks, and a
    value sits under its header column (规章's blank 现行有效件数 is the column it leaves empty)."""
    text = (DATA / "lynx--blank-cells.txt").read_text(encoding="utf-8")
    layout, _, _ = _table(text, numeral)
    assert layout.format == SPACE_DELIMITED, layout.evidence
    rows = _table_rows(text, numeral)
    expected = _expected_rows(BLANK_CELLS, numeral)
    right, other = _exact(rows, expected)
    short = [key for key in other if key in rows and len(rows[key]) == len(expected[key]) - 1
             and expected[key][-1] is None and _values(rows[key]) == expected[key][:-1]]
    assert sorted(other) == sorted(short), f"rows not read as their values: {set(other) - set(short)}"
    if numeral == "二":
        assert rows["regulations"] == ["0", "891", ""] and len(right) == 6
    if numeral == "三":
        assert short == ["rejected_excessive"] and len(right) == 24
        assert rows["denied_third_party"] == ["0", "0", "0", "0", "0", "", "70269"]


def test_gaps_are_blanks_only_where_cells_are_one_space_apart():
    """Rows spaced by three (a renderer's space-delimited table) hold no blank in their gaps."""
    spaced = _section_three(*[f"{label}   0   2   29   456   0   0   487" for label in
                              ("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（七）总计")])
    assert not gaps_hold_blanks(spaced.splitlines())
    layout, cells, _ = _table(spaced, "三")
    assert _rows(cells, "三")["new_received"] == ["0", "2", "29", "456", "0", "0", "487"]
    single = [f"   {label} 0 2 29 456 0 0 487" for label in ("一、本年新收政府信息公开申请数量", "（七）总计")]
    assert gaps_hold_blanks(single + ["   二、上年结转政府信息公开申请数量 0   29 456 0     487"])
    assert gapped_cells("二、上年结转政府信息公开申请数量 0   29 456 0     487") == [
        (0, "二、上年结转政府信息公开申请数量"), (17, "0"), (19, ""), (21, "29"), (24, "456"), (28, "0"),
        (30, ""), (32, ""), (34, "487")]


def test_a_wide_gap_in_text_without_a_browser_margin_is_no_blank():
    """Found by test_model (space-delimited, a null mark written over 832, padded to its width):
    ``4 /   1222`` in a row one space apart is a typed gap, not lynx's blank, where the lines have
    no browser's margin; read as a blank it would give table 四 sixteen cells."""
    row = "0 0 160976 16 160992 383 3 4 /   1222 7 0 0 11 18"
    assert not gaps_hold_blanks(["行政复议 行政诉讼", row])
    assert gaps_hold_blanks(["   行政复议 行政诉讼", "   " + row])


def test_an_even_gap_means_padding_not_blanks():
    lines = [f"行政处罚 {index} {index}" for index in range(10)] + ["行政强制 1  2"]
    assert not gaps_hold_blanks(lines)


def test_values_under_header_columns_leave_blanks_in_the_others():
    """Aligned rows (lynx's table 二): a row with values under some of the header's columns has
    blanks under the others, once a row under the header fills them all."""
    lines = ["   信息内容    本年制发件数 本年废止件数 现行有效件数",
             "   规章" + " " * 13 + "891",  # under 本年废止件数 (column 18)
             "   行政规范性文件 0      0      924"]
    cells = aligned_cells(lines)
    assert [word for _, word in cells[1]] == ["规章", "", "891", ""]
    assert [word for _, word in cells[2]] == ["行政规范性文件", "0", "0", "924"]


def test_a_label_with_a_space_in_the_header_makes_no_column():
    """No row fills every piece of the header: its pieces are no columns, and no blank is added."""
    lines = ["商业 企业  科研机构", "行政许可   12,251"]
    assert [[word for _, word in line] for line in aligned_cells(lines)] == [["商业", "企业", "科研机构"],
                                                                              ["行政许可", "12,251"]]


# --- python-docx: cells of several paragraphs -------------------------------------------------------

from govparse.docxrows import row_spans  # noqa: E402


def test_a_label_of_two_paragraphs_puts_its_row_on_two_lines():
    """``规范\\n性文件`` as one cell: its row's two lines hold as many tabs as a whole row."""
    texts = ["信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t0\t1\t2", "行政规范", "性文件\t3\t4\t5"]
    assert row_spans(texts) == {2: 4}


def test_a_cell_broken_in_the_middle_of_a_row():
    """``法\\n律\\n服务机构`` in the middle: the lines before and after it are one row."""
    texts = ["自然人\t商业企业\t法", "律", "服务机构\t总计\t总计", "一、本年新收政府信息公开申请数量\t1\t2\t3\t6",
             "二、上年结转政府信息公开申请数量\t0\t0\t0\t0"]
    assert row_spans(texts) == {0: 3}


def test_a_merged_last_cell_of_two_paragraphs_ends_its_own_row():
    """``总\\n计`` written once per column it spans: the lone ``计`` after the row finishes its
    last cell (it then repeats the cell before it), not the next row's label."""
    texts = ["自然人\t总", "计\t总", "计\t总", "计", "一、本年新收政府信息公开申请数量\t1\t2\t3",
             "二、上年结转政府信息公开申请数量\t0\t0\t0"]
    assert row_spans(texts) == {0: 4}


def test_a_header_cell_wrapped_above_the_values_ends_the_header():
    texts = ["结果维持\t结果纠正\t总", "计", "0\t1\t1"]
    assert row_spans(texts) == {0: 2}


def test_text_after_a_row_of_values_opens_the_next_row():
    """After ``0 0 0`` a line of text is no paragraph of a value: the next row's label."""
    texts = ["行政处罚\t0\t0\t0", "行政", "强制\t1\t1\t1"]
    assert row_spans(texts) == {1: 3}


def test_a_break_beside_a_value_joins_nothing():
    """Tabs that add up, but a line break beside a number: no Word cell holds that, no join."""
    texts = ["规章\t0\t1\t2", "规范性文件\t3", "4\t5", "行政许可\t1\t2\t3"]
    assert row_spans(texts) == {}


def test_prose_before_a_table_is_no_cell_of_it():
    """A paragraph before the table's first row stays a paragraph, though the row is a whole one."""
    texts = ["单位：件", "信息内容\t本年制发件数\t本年废止件数", "规章\t0\t1"]
    assert row_spans(texts) == {}


def test_finding_rows_is_linear():
    import time

    texts = ["规章\t0"] * 2000 + ["a", "b\tc"] * 20_000 + ["x"] * 20_000
    started = time.perf_counter()
    row_spans(texts)
    assert time.perf_counter() - started < 5


def _docx_report(*table_three: str) -> str:
    """A report whose table 三 is the given python-docx lines (tables 二 and 四 minimal)."""
    return "\n".join([
        "一、总体情况", "本机关依法公开政府信息。",
        "二、主动公开政府信息情况",
        "第二十条第（一）项\t第二十条第（一）项\t第二十条第（一）项\t第二十条第（一）项",
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t0\t0\t1", "行政规范性文件\t0\t0\t2",
        "三、收到和处理政府信息公开申请情况", *table_three,
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议\t行政诉讼", "0\t" * 14 + "0", "五、存在的主要问题及改进情况", "无。"])


def test_stretched_rows_with_filler_and_labels_of_several_paragraphs():
    """LibreOffice lost the row spans and split labels widened the grid: each row's total fills the
    grid up to empty filler cells, labels hold line breaks; every row holds its seven values."""
    import govparse

    filler = "\t\t"
    rows = [
        "说明" + "\t申\n请人情况" * 9 + filler,
        "自然人\t法人或其他组织" + "\t总\n计" * 10,
        "商业企业\t科研机构\t社会公益组织\t法\n律\n服务机构" + "\t其他" * 7 + "\t",
        "一、本年新收政府信息公开申请数量\t1\t2\t3\t4\t5\t6\t21\t21\t21" + filler,
        "二、上年结转政府信息公开申请\n数量\t0\t0\t0\t0\t0\t1\t1\t1\t1" + filler,
        "三、本年度\n办理结果\t（一）予以公开\t1\t0\t0\t0\t0\t0\t1\t1" + filler,
        "（七）总计\t5\t5\t5\t5\t5\t5\t30\t30\t30" + filler,
        "四、结转下年度继续办理" + "\t0" * 6 + "\t" * 3 + filler,
    ]
    assert {len(row.split("\t")) for row in rows} == {12}  # one cell per grid column, as python-docx writes
    result = govparse.parse(_docx_report(*"\n".join(rows).split("\n")))
    three = result.to_dict()["applications"]
    assert [three["new_received"][key] for key in ("natural_person", "other_org", "total")] == [1, 6, 21]
    assert three["carried_over"]["total"] == 1 and three["carried_over"]["other_org"] == 1
    assert three["granted"]["natural_person"] == 1 and three["granted"]["total"] == 1
    assert three["total_processed"]["total"] == 30
    assert three["carried_forward"]["natural_person"] == 0 and three["carried_forward"]["total"] is None


def test_text_after_a_row_ending_in_text_is_joined_to_neither_row():
    """``处理`` / ``决定数量`` or ``决定数量`` / ``行政许可``: after a header ending in a label, a line of
    text may end its last cell or open the next row's first; it stays a line of its own."""
    texts = ["信息内容\t上一年项目数量\t本年增/减\t处理", "决定数量", "行政许可\t0\t0\t0", "行政处罚\t1\t1\t1"]
    assert row_spans(texts) == {}


def _block_rows(*rows: str) -> list[list[str]]:
    return _texts(collapse_merged(_cells("第二十条第（九）项\t第二十条第（九）项\t第二十条第（九）项\t第二十条第（九）项\t\t",
                                         *rows)))[2:]


def test_a_row_not_lined_up_with_its_header_reads_the_last_span_once():
    """A label split over two header cells: the header's 采购总金额 spans its last two grid columns, the
    row's amount is printed twice one column to the left; it is read once."""
    header = "信息内 容\t采购项目数\t量\t采购总金额\t采购总金额\t"
    assert _block_rows(header, "政府集中采购\t0\t—\t—\t\t") == [["政府集中采购", "0", "—"]]
    assert _block_rows(header, "政府集中采购\t3\t5\t5\t\t") == [["政府集中采购", "3", "5"]]


def test_a_row_with_another_repeated_value_is_left_as_printed():
    """Two runs of equal values: which one is the merged cell is not known; the row stays long."""
    header = "信息内 容\t采购项目数\t量\t采购总金额\t采购总金额\t"
    assert _block_rows(header, "政府集中采购\t3\t3\t5\t5") == [["政府集中采购", "3", "3", "5", "5"]]
