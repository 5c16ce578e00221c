"""Readers for the table shapes extraction tools make: each row's cells, checked against the model.

Fixtures in tests/data/readers/ are real tool outputs (README.md there says which tool and
command made each) of pages rendered from a model, whose values are in the .expected.json.
A row is read right (its cells are the row's values, in column order, blank where the table
is blank), or short / absent (the row stage nulls it); a row whose cells are other values is
the failure these tests exist to catch.
"""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path

import pytest

from govparse.cells import read_cells, read_table
from govparse.furniture import PAGE_NUMBER, REPEATED_HEADER, RUNNING_LINE
from govparse.layout import (ASCII_GRID, BOX_DRAWN, DASH_RULED, GRID, LINEAR_CELL, MERGED_REPEATED, PIPE_SEPARATED,
                             SPACE_ALIGNED, SPACE_DELIMITED, WRAPPED_LABELS, X_POSITIONED, detect_layout)
from govparse.lexer import lex
from govparse.normalize import Document
from govparse.pipeline import _layouts, labels_for
from govparse.sections import locate_sections
from govparse.values import Kind, kind_of

DATA = Path(__file__).parent / "data" / "readers"
GRAMMARS = {"二": "active_disclosure_2021", "三": "applications_2021", "四": "review_litigation"}
TABLE_KEYS = {"二": "active_disclosure", "三": "applications", "四": "review_litigation"}


def _table(text: str, numeral: str):
    """The layout (as the pipeline settles it, knowing the report's other tables), cells and furniture."""
    doc = Document(text)
    sections, _ = locate_sections(doc)
    section = sections[numeral]
    layout = _layouts(doc, sections, None)[TABLE_KEYS[numeral]]
    cells, furniture = read_table(doc, section, layout)
    return layout, cells, furniture


def _rows_read_as(text: str, form: str, style: str) -> dict[str, list[str]]:
    """Table 三's rows, having checked the layout it was read as."""
    layout, cells, _ = _table(text, "三")
    assert (layout.format, layout.style) == (form, style), layout.evidence
    return _rows(cells, "三")


def _section_three(*lines: str) -> str:
    """Table 三's lines between its heading and the next one."""
    return "\n".join(["三、收到和处理政府信息公开申请情况", *lines, "四、政府信息公开行政复议、行政诉讼情况"])


def _rows(cells, numeral: str) -> dict[str, list[str]]:
    """Row key -> the texts of the value cells right after the row's label (as the lexer groups them)."""
    tokens = lex(cells, labels_for(GRAMMARS[numeral])).tokens
    rows: dict[str, list[str]] = {}
    for token, following in zip(tokens, tokens[1:]):
        if token.type != "VALUES" and following.type == "VALUES":
            rows.setdefault(token.type.lower(), [cell.text for cell in following.cells])
    return rows


def _number(text: str):
    if kind_of(text) in (Kind.BLANK, Kind.NULL_MARK):
        return None
    try:
        return Decimal(text.replace(",", ""))
    except ArithmeticError:
        return text  # not a number: never equal to one


def _verdicts(rows: dict[str, list[str]], expected: dict) -> dict[str, list[str]]:
    """Row keys by verdict: right; short (fewer cells than columns, or the row not found) or long
    (more: the next row's label was not found), which the row stage nulls by counting; wrong."""
    verdicts: dict[str, list[str]] = {"right": [], "short": [], "long": [], "wrong": []}
    for key, columns in expected.items():
        want = [None if value is None else Decimal(str(value)) for value in columns.values()]
        got = rows.get(key)
        if got is None or len(got) < len(want):
            verdicts["short"].append(key)
            continue
        values = [_number(text) for text in got]
        while len(values) > len(want) and values[-1] is None:  # columns a label spans, printed empty
            values.pop()
        if len(values) > len(want):
            verdicts["long"].append(key)
        else:
            verdicts["right" if values == want else "wrong"].append(key)
    return verdicts


# --- whole tables from the tools: no row wrong, and what each tool lets a reader recover ------------------

EXPECTED = json.loads((DATA / "rowspans-blanks.expected.json").read_text(encoding="utf-8"))

# tool -> (format, style of table 三, rows of table 三 read right at least). The PDF tools print a
# blank cell as nothing: a row with a blank comes out short, never shifted (15 of the 25 rows here
# hold a blank); pdftotext -layout places values by x only where the columns agree, which they do
# not in this PDF (its layout grid moves a column by a character or two from row to row).
TOOLS = {
    "html2text-py": ("pipe-delimited", PIPE_SEPARATED, 25),
    "pandoc-plain": (SPACE_ALIGNED, DASH_RULED, 25),
    "w3m": (GRID, BOX_DRAWN, 25),
    "pdftotext-layout": (SPACE_ALIGNED, X_POSITIONED, 9),
    "pdfplumber": (SPACE_DELIMITED, WRAPPED_LABELS, 8),
    "pypdf": (SPACE_DELIMITED, WRAPPED_LABELS, 9),
}


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_no_row_of_table_three_is_read_wrong(tool):
    text = (DATA / f"{tool}--rowspans-blanks.txt").read_text(encoding="utf-8")
    layout, cells, _ = _table(text, "三")
    form, style, floor = TOOLS[tool]
    assert (layout.format, layout.style) == (form, style), layout.evidence
    verdicts = _verdicts(_rows(cells, "三"), EXPECTED["applications"])
    assert verdicts["wrong"] == [], f"{tool}: rows read as other values: {verdicts['wrong']}"
    assert len(verdicts["right"]) >= floor, f"{tool}: {len(verdicts['right'])} rows right; short: {verdicts['short']}"


@pytest.mark.parametrize("tool", sorted(TOOLS))
@pytest.mark.parametrize("numeral", ["二", "四"])
def test_no_row_of_tables_two_and_four_is_read_wrong(tool, numeral):
    text = (DATA / f"{tool}--rowspans-blanks.txt").read_text(encoding="utf-8")
    _, cells, _ = _table(text, numeral)
    expected = EXPECTED[TABLE_KEYS[numeral]]
    if numeral == "四":  # fifteen values in one row, after the header labels
        tokens = lex(cells, labels_for(GRAMMARS[numeral])).tokens
        runs = [token for token in tokens if token.type == "VALUES"]
        values = [_number(cell.text) for cell in runs[-1].cells]
        want = [None if v is None else Decimal(v) for group in expected.values() for v in group.values()]
        assert values == want or len(values) < len(want), values
        return
    assert _verdicts(_rows(cells, numeral), expected)["wrong"] == []


# --- ruled grids: pandoc's +---+ tables, w3m's box drawing ---------------------------------------------------

@pytest.mark.parametrize("tool, style", [("pandoc-plain", ASCII_GRID), ("w3m", BOX_DRAWN)])
def test_grid_rows_join_a_wrapped_cell_and_keep_blank_cells(tool, style):
    text = (DATA / f"{tool}--grid-cells.txt").read_text(encoding="utf-8")
    layout, cells, _ = _table(text, "三")
    assert (layout.format, layout.style) == (GRID, style)
    assert "rule lines" in layout.evidence
    rows = _rows(cells, "三")
    assert rows["new_received"] == ["12", "1,204", "1,216"]
    assert rows["partially_granted"] == ["3", "", "3"]  # the blank cell stays, in its column
    assert rows["unable_needs_creation"] == ["0", "—", "0"]
    joined = [cell for cell in cells if cell.text.startswith("一、")]
    assert [cell.text for cell in joined] == ["一、本年新收政府信息公开申请数量"]


def test_a_grid_cell_points_at_its_first_line_and_column():
    text = (DATA / "pandoc-plain--grid-cells.txt").read_text(encoding="utf-8")
    _, cells, _ = _table(text, "三")
    lines = text.split("\n")
    for cell in cells:
        if cell.text:
            source = lines[cell.line - 1]
            assert source[cell.column - 1] == cell.text[0].replace("(", "（").replace(",", "，") or \
                source[cell.column - 1] == cell.text[0], (cell, source)


def _placed(*pieces: tuple[int, str]) -> str:
    """A line with each text starting at its display column (a Chinese character prints two wide)."""
    line, width = "", 0
    for column, text in pieces:
        line += " " * (column - width) + text
        width = column + sum(2 if ord(char) > 0x2e80 else 1 for char in text)
    return line


def test_label_column_blanks_are_not_values():
    """pandoc drops a label's colspan and w3m prints a row-spanning label as empty cells in the
    rows below: an empty cell in a column no row has a value in, before the row's values, is not one."""
    text = _section_three(
        _placed((2, "-" * 18), (21, "-" * 16), (38, "-" * 10), (49, "-" * 6), (56, "-" * 6)),
        _placed((2, "三、本年度办理结果"), (21, "（一）予以公开"), (49, "0"), (56, "28")),
        _placed((21, "（二）部分公开"), (49, "5")),
        _placed((2, "-" * 18), (21, "-" * 16), (38, "-" * 10), (49, "-" * 6), (56, "-" * 6)),
    )
    _, cells, _ = _table(text, "三")
    rows = _rows(cells, "三")
    assert rows["granted"] == ["0", "28"]  # not ["", "0", "28"]: the third column never holds a value
    assert rows["partially_granted"] == ["5", ""]  # a blank after a value is a blank value


# --- dash-ruled aligned tables (pandoc simple and multiline) ----------------------------------------------

def test_multiline_table_rows_are_blocks_between_blank_lines():
    text = _section_three(
        "  ---------------- ------ ------",
        "  一、本年新收政     12     3",
        "  府信息公开申请",
        "  数量",
        "",
        "  二、上年结转政     0      ",
        "  府信息公开申请",
        "  数量",
        "  ---------------- ------ ------",
    )
    rows = _rows_read_as(text, SPACE_ALIGNED, DASH_RULED)
    assert rows == {"new_received": ["12", "3"], "carried_over": ["0", ""]}


# --- PDF text: labels wrapped around their values --------------------------------------------------------

def test_pdfplumber_label_tail_after_the_values_goes_back_to_its_row():
    text = (DATA / "pdfplumber--rowspans-blanks.txt").read_text(encoding="utf-8")
    layout, cells, _ = _table(text, "三")
    assert "values only" in layout.evidence
    texts = [cell.text for cell in cells]
    head = texts.index("2.其他法律行政法规禁")
    assert texts[head + 1] == "止公开"  # the tail printed below the values, put back before them
    assert texts[head + 2:head + 9] == ["0", "0", "0", "0", "0", "27", "27"]


def test_pypdf_glued_label_and_number_are_cut_apart():
    text = _section_three(
        "一、本年新收政府信息",
        "公开申请数量 0 0 5 0 3 3 11",
        "二、上年结转政府信息",
        "公开申请数量",
        "0 0 1 0 0 0 1",
        "（三）不予公开 1．属于国家秘密 6 24 0 4 18 13 65",
        "2．其他法律行政法规禁25 0 0 0 7 0 32",
        "止公开",
        "3．危及“三安全一稳",
        "定”",
        "0 0 0 0 0 0 0",
    )
    rows = _rows_read_as(text, SPACE_DELIMITED, WRAPPED_LABELS)
    assert rows["denied_prohibited_by_law"] == ["25", "0", "0", "0", "7", "0", "32"]
    assert rows["carried_over"] == ["0", "0", "1", "0", "0", "0", "1"]
    assert rows["denied_state_secret"] == ["6", "24", "0", "4", "18", "13", "65"]


def test_a_second_label_column_wrapped_above_the_first_comes_after_it():
    text = _section_three(
        "一、本年新收政府",
        "0 0 5 0 3 3 11",
        "信息公开申请数量",
        "二、上年结转政府信息公开申请数量 34 0 0 0 0 0 34",
        "（一）予以公开 1 0 0 0 0 0 1",
        "1．本机关不掌握",
        "（四）无法提供 0 0 0 0 0 0 0",
        "相关政府信息",
        "2．没有现成信息需要另",
        "0 0 0 0 0 0 0",
        "行制作",
    )
    _, cells, _ = _table(text, "三")
    assert [cell.text for cell in cells[:3]] == ["一、本年新收政府", "信息公开申请数量", "0"]
    assert _rows(cells, "三")["unable_not_held"] == ["0"] * 7


def _physical(rows: list[tuple[str, str, str, str, str]]) -> str:
    """A pdftotext -layout table: a label's two lines around its values, placed right-aligned
    in columns of six, a blank line between rows."""
    lines = ["三、收到和处理政府信息公开申请情况"]
    for head, tail, *values in rows:
        lines += [head, " " * 14 + "".join(f"{value:>6}" for value in values), tail, ""]
    return "\n".join(lines + ["四、政府信息公开行政复议、行政诉讼情况"])


FULL_ROWS = [("一、本年新收政府", "信息公开申请数量", "10", "20", "30"),
             ("二、上年结转政府", "信息公开申请数量", "11", "21", "32"),
             ("（一）予以公开", "", "12", "22", "34")]


def test_physical_layout_places_a_short_rows_values_under_their_columns():
    text = _physical(FULL_ROWS + [("（二）部分公开（区分处理", "的，只计这一情形，不计其他情形）", "", "23", "23"),
                                  ("（七）总计", "", "33", "", "")])
    read = _rows_read_as(text, SPACE_ALIGNED, X_POSITIONED)
    assert read["new_received"] == ["10", "20", "30"]
    assert read["partially_granted"] == ["", "23", "23"]  # under its columns, the blank first
    assert read["total_processed"] == ["33", "", ""]


def test_physical_layout_leaves_a_row_short_when_its_values_sit_between_columns():
    text = _physical(FULL_ROWS + [("（二）部分公开", "", "", "", "")]).replace(
        "（二）部分公开\n" + " " * 32, "（二）部分公开\n" + " " * 21 + "23   23")
    _, cells, _ = _table(text, "三")
    assert _rows(cells, "三")["partially_granted"] == ["23", "23"]  # short: the row stage nulls it


# --- page furniture ------------------------------------------------------------------------------------

PAGE_NUMBERS = ["- 4 -", "— 4 —", "第 4 页", "第4页 共6页", "4 / 6", "－4－"]


@pytest.mark.parametrize("page_number", PAGE_NUMBERS)
def test_page_number_inside_a_table_is_skipped_and_reported(page_number):
    text = _section_three(
        "一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119",
        page_number,
        "二、上年结转政府信息公开申请数量 34 0 0 0 0 0 34",
    )
    _, cells, furniture = _table(text, "三")
    assert [(item.line, item.text, item.kind) for item in furniture] == [(3, page_number, PAGE_NUMBER)]
    assert page_number not in [cell.text for cell in cells]
    assert _rows(cells, "三")["carried_over"] == ["34", "0", "0", "0", "0", "0", "34"]


@pytest.mark.parametrize("values", ["28 / 0", "3 / 0", "0 / 5", "- 0 -", "第0页"])
def test_a_row_of_values_shaped_like_a_page_number_that_counts_no_page_is_a_row(values):
    # pdftotext -raw writes a wrapped label's values on a line of their own: 28, a null mark, 0 is no
    # page 28 of none (taken for one, the row above took the next label's values)
    from govparse.furniture import is_page_number

    assert not is_page_number(values)
    assert is_page_number("3 / 5") and is_page_number("第 2 页 共 2 页")


@pytest.mark.parametrize("values", ["26          /          491", "— 6\t—", "4\t/\t6", "-    3    -"])
def test_figures_and_marks_set_in_columns_are_a_row_not_a_page_number(values):
    # pdftotext -layout: a values line between a label's wrapped pieces, '/' a blank's mark, keeps each
    # cell in its column; a page number is set as one run of text
    from govparse.furniture import is_page_number

    assert not is_page_number(values)
    assert is_page_number("  26 / 491  ") and is_page_number("—  6  —") and is_page_number("第 2 页      共 2 页")


@pytest.mark.parametrize(("line", "lone_numbers", "may_hold"), [
    ("\u3000 - 4 -\t", False, True), ("  第 3 页 共 9 页", False, True), ("4 / 6", False, True), ("Page 2 of 5", False, True),
    ("x\fy", False, True), ("  12", True, True), ("  12", False, False), ("12 0", True, False), ("| 4 |", True, False),
    ("| - 4 - |", False, False), ("（一）规章 4", True, False), ("\u3000\u3000", True, False), ("- 4 - 5", False, False),
])
def test_a_table_may_hold_furniture_only_where_a_whole_line_is_a_page_number_or_a_form_feed(line, lone_numbers, may_hold):
    # told line by line by the first character past the padding, then the whole line matched (a piped row,
    # a label, values after a figure are none of the forms)
    from govparse.furniture import may_hold_furniture

    doc = Document("\n".join(["三、收到和处理政府信息公开申请情况", "规章 1 2", line, "规章 3 4"]))
    assert may_hold_furniture(doc, 1, 4, lone_numbers) is may_hold
    assert not may_hold_furniture(doc, 1, 2, lone_numbers) and not may_hold_furniture(doc, 3, 4, lone_numbers)


def test_lone_numbers_counting_pages_are_furniture_in_row_tables_only():
    filler = [f"{n}．属于国家秘密 1 2 3 4 5 6 21" for n in range(1, 12)]
    pages = []
    for page in (3, 4, 5):
        pages += filler + [str(page)]
    text = "\n".join(["三、收到和处理政府信息公开申请情况", *pages, "四、政府信息公开行政复议、行政诉讼情况"])
    _, _, furniture = _table(text, "三")
    assert [item.text for item in furniture] == ["3", "4", "5"]
    # The same lone numbers in a linear table are values: never dropped for their place.
    linear = "\n".join(["三、收到和处理政府信息公开申请情况", *["规章", "3", *["x"] * 11, "4", *["x"] * 11, "5"],
                        "四、政府信息公开行政复议、行政诉讼情况"])
    layout, cells, furniture = _table(linear, "三")
    assert layout.format == LINEAR_CELL and furniture == []
    assert [cell.text for cell in cells if cell.text.isdigit()] == ["3", "4", "5"]


def test_running_header_and_repeated_table_header_after_a_page_break():
    header = "信息内容 本年制发件数 本年废止件数 现行有效件数"
    text = "\n".join([
        "二、主动公开政府信息情况",
        header,
        "规章 1 0 11",
        "\f××区人民政府2023年政府信息公开工作年度报告",
        header,
        "行政规范性文件 8 26 66",
        "- 2 -",
        "\f××区人民政府2023年政府信息公开工作年度报告",
        "行政许可 447",
        "三、收到和处理政府信息公开申请情况",
    ])
    _, cells, furniture = _table(text, "二")
    kinds = {(item.line, item.kind) for item in furniture}
    assert kinds == {(4, RUNNING_LINE), (5, REPEATED_HEADER), (7, PAGE_NUMBER), (8, RUNNING_LINE)}
    assert [cell.text for cell in cells].count("本年制发件数") == 1
    assert _rows(cells, "二")["normative_documents"] == ["8", "26", "66"]


def test_running_title_at_the_one_page_break_of_a_table_splitting_a_label():
    """A table crossing one page: its running header shows once, but it is the report's title (found
    by the round trip, pypdf's shape: the label's two pieces joined around the page's furniture)."""
    title = "青山县人民政府2023年政府信息公开工作年度报告"
    text = "\n".join([title, _section_three(
        "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3",
        "（六）其他处理",
        "1．申请人无正当理由逾期不补正、行政",
        "- 4 -",
        title,
        "机关不再处理其政府信息公开申请 0 0 1 0 0 0 1",
    )])
    _, cells, furniture = _table(text, "三")
    assert {(item.line, item.kind) for item in furniture} == {(6, PAGE_NUMBER), (7, RUNNING_LINE)}
    assert _rows(cells, "三")["other_no_correction"] == ["0", "0", "1", "0", "0", "0", "1"]


def test_a_header_stacked_over_nine_lines_repeated_after_a_page_break():
    """pdftotext -layout stacks table 四's header words over nine lines; all of them repeated after a page
    break are furniture (found by the round trip: the ninth read as a label holding the row's numbers)."""
    header = [
        "行政复议  行政诉讼",
        "                                               未经复",
        "                        其他结",
        "结果维持  结果纠正             尚未审结   总计 议直接   复议后起诉",
        "                        果",
        "                                               起诉",
        "                        其他结                 结果维   结果纠",
        "结果维持  结果纠正             尚未审结   总计                      其他结果  尚未审结   总计",
        "                        果                     持       正",
    ]
    text = "\n".join(["四、政府信息公开行政复议、行政诉讼情况", *header, "", "", " " * 37 + "第6页共7页",
                      "\f" + header[0], *header[1:],
                      "1         5             0      26         27   0        0           13        16         0   0"
                      "   20   0     30    767", "五、存在的主要问题及改进情况"])
    _, _, furniture = _table(text, "四")
    assert [item.kind for item in furniture] == [PAGE_NUMBER] + [REPEATED_HEADER] * 9


def test_read_cells_gives_the_cells_of_read_table():
    text = (DATA / "w3m--grid-cells.txt").read_text(encoding="utf-8")
    doc = Document(text)
    section = locate_sections(doc)[0]["三"]
    layout = detect_layout(doc, section)
    assert read_cells(doc, section, layout) == read_table(doc, section, layout)[0]


# --- bounded on hostile input ------------------------------------------------------------------------------

@pytest.mark.parametrize("body, form", [
    (["+---+---+", "| a | 1 |"] * 3000, GRID),  # thousands of rules
    (["├" + "───┼" * 1000 + "┤", "│" + " x │" * 1000] * 40, GRID),  # rows of a thousand cells
    (["--- " * 1000, ("a" * 9000 + " 1 ") * 2, "--- " * 1000], SPACE_ALIGNED),  # long lines under long rules
    (["规章 1 2", "0 " * 2000, "一 " * 2000, "0 " * 2000] * 10, SPACE_DELIMITED),  # long wrapped rows
    (["规章  1  2", "   " + "0    " * 2000, "标签" * 2000, "   " + "0    " * 2000] * 10, SPACE_ALIGNED),
    ([f"{n}" for n in range(3000)], LINEAR_CELL),  # lone numbers: a linear table, never furniture
    (["- 4 -", "规章 1 2 3"] * 3000, SPACE_DELIMITED),  # a page number on every other line
])
def test_readers_stay_linear_on_hostile_tables(body, form):
    text = _section_three(*body)
    started = time.perf_counter()
    layout, cells, _ = _table(text, "三")
    assert time.perf_counter() - started < 5
    assert layout.format == form, layout.evidence  # the reader meant is the one that ran


def test_repeated_null_marks_are_not_a_merged_cell():
    """Found by the round trip (tab-delimited, null-marks, seed 2190): ``——`` twice side by side
    is two blank values, not a merged label."""
    text = _section_three("\t".join(["信息内容", "自然人", "商业企业"]),
                          "\t".join(["一、本年新收政府信息公开申请数量", "——", "——"]),
                          "\t".join(["二、上年结转政府信息公开申请数量", "无", "无"]))
    layout, cells, _ = _table(text, "三")
    assert (layout.format, layout.style) == ("tab-delimited", "row-per-line"), layout.evidence
    assert _rows(cells, "三") == {"new_received": ["——", "——"], "carried_over": ["无", "无"]}


def test_table_four_with_prose_after_its_row_stays_space_delimited():
    """Found by the round trip (space-delimited, prose + spaces + stray cells, seed 1024): table 四's
    one row of values with a note after it, words spaced wide, is no PDF's wrapped table."""
    text = "\n".join([
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议   行政诉讼",
        "结果维持   结果纠正 其他结果   尚未审结 总计",
        "0   2   29   456   487   0   166960   0   0   166960   0   0   0   0   0",
        "注：以上数据统计时限为2019年1月1日至12月31日。",
        "五、存在的主要问题及改进情况",
    ])
    layout, cells, _ = _table(text, "四")
    assert (layout.format, layout.style) == (SPACE_DELIMITED, "row-per-line"), layout.evidence
