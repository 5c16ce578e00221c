"""Shapes found in held-out tool output (other seeds than corpus/tools/), each as a small text built here."""

from __future__ import annotations

from pathlib import Path

import govparse

TABLE_TWO = """二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年新制作数量 本年新公开数量 对外公开总数量
规章 410 5 4
规范性文件 0 0 0
第二十条第（八）项
{fees_header}
行政事业性收费 0 +7
三、收到和处理政府信息公开申请情况
"""


def _fees(fees_header: str) -> tuple[dict, list]:
    result = govparse.parse(TABLE_TWO.format(fees_header=fees_header))
    return result.to_dict()["active_disclosure"]["fees"], result.diagnostics


def test_a_header_cell_wrapped_around_the_header_line_does_not_order_the_columns():
    # pdfplumber: 本年增/减 wraps in its cell, the head above the header line and the tail below it, with no
    # position; read as a header, 本年增 would put delta before prev_items and swap the row's values.
    fees, diagnostics = _fees("本年增\n信息内容 上一年项目数量\n/减")
    assert fees == {"prev_items": 0, "delta": 7}
    assert any(d.code == "header-unread" and d.row == "fees" for d in diagnostics)


def test_a_header_read_whole_still_orders_the_columns():
    fees, diagnostics = _fees("信息内容 本年增/减 上一年项目数量")
    assert fees == {"prev_items": 7, "delta": 0}
    assert any(d.code == "column-order" and d.row == "fees" for d in diagnostics)


def test_a_line_after_a_repeated_merged_cell_opens_the_next_row():
    # python-docx: 总计 merged over three grid columns is written in each, whole; 商业 on the next line is
    # the first paragraph of the next row's first cell (商业\n企业), never a piece of 总计.
    from govparse.docxrows import row_spans

    texts = ["自然人\t总计\t总计", "商业", "企业\t其他\t其他", "一、本年新收政府信息公开申请数量\t1\t2"]
    assert row_spans(texts) == {1: 3}
    assert row_spans(["自然人\t法人\t总计", "商业", "企业\t其他\t其他", "一、本年新收\t1\t2"]) == {}


def _row(label: str, places: dict[int, str]) -> str:
    line = label
    for place, value in sorted(places.items()):
        line = line.ljust(place) + value
    return line


def test_a_row_written_one_space_apart_gets_no_blank_from_its_places():
    # pypdf ran 16 and 0 together (160): one space apart, 160 fills the room of 16 and 0 and the row's
    # places fit its neighbours' with a column to spare, which is no blank.
    from govparse.gapblanks import aligned_cells

    texts = ["7、属于行政执法案卷 0 0 0 0 0 0 0", "8．属于行政查询事项 0 0 0 160 0 16", "9．属于行政查询事项 0 0 0 0 0 0 0"]
    assert [word for _, word in aligned_cells(texts)[1]] == ["8．属于行政查询事项", "0", "0", "0", "160", "0", "16"]


def test_a_padded_row_still_gets_its_blank_from_its_places():
    from govparse.gapblanks import aligned_cells

    full = {12 + 3 * column: "0" for column in range(7)}
    short = {12: "0", 15: "0", 18: "0", 21: "16", 27: "0", 30: "16"}
    texts = [_row("7、属于行政执法案卷", full), _row("8．属于行政查询事项", short), _row("9．属于行政查询事项", full)]
    assert [word for _, word in aligned_cells(texts)[1]] == ["8．属于行政查询事项", "0", "0", "0", "16", "", "0", "16"]


PANDOC_GFM_MIXED = """# 某局2019年政府信息公开工作年度报告

二、主动公开政府信息情况

| 第二十条第（一）项 |  |  |  |
|---|---|---|---|
| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
| 规章 | 1 | 2 | 3 |
| 规范性文件 | \\- | 5 | 6 |

三、收到和处理政府信息公开申请情况

<table><tr><td>申请人情况</td><td>自然人</td></tr><tr><td>一、本年新收政府信息公开申请数量</td><td>1</td></tr></table>
"""


def test_markdown_pipe_tables_beside_html_tables_are_read():
    # pandoc -t gfm keeps a table with spans as HTML and writes a simple one as pipes (a - as \\-): the page
    # is HTML, and the pipe rows are lines of their own, read as a markdown table.
    result = govparse.parse(PANDOC_GFM_MIXED)
    table = result.to_dict()["active_disclosure"]
    assert table["regulations"] == {"made": 1, "published": 2, "total_published": 3}
    assert table["normative_documents"] == {"made": None, "published": 5, "total_published": 6}
    assert any(d.code == "null-mark" and d.row == "normative_documents" for d in result.diagnostics)


def test_a_header_with_a_column_among_the_columns_of_one_label_does_not_order_them():
    # pdftotext -layout, table 三's header cut by a page break: 法人或其他组织 lost, 总计 read between its
    # columns. Printed in any order, the columns under one label stand side by side: this is no order.
    text = ("三、收到和处理政府信息公开申请情况\n申请人情况\n"
            "自然人  商业企业  科研机构  总计  社会公益组织  法律服务机构  其他\n"
            "一、本年新收政府信息公开申请数量  15  7  1  17  328  26  394\n"
            "二、上年结转政府信息公开申请数量  0  785  5  1  0  0  791\n"
            "四、政府信息公开行政复议、行政诉讼情况\n")
    result = govparse.parse(text)
    assert result.to_dict()["applications"]["new_received"] == {
        "natural_person": 15, "commercial": 7, "research": 1, "social_welfare": 17, "legal_service": 328,
        "other_org": 26, "total": 394}
    assert any(d.code == "header-unread" and d.row == "new_received" for d in result.diagnostics)


def test_a_no_break_space_blank_stays_where_it_stands_when_places_fit_elsewhere():
    # pypdf: the blank is the no-break space after the label; read by its places, the row fits the row
    # above with its last column blank, and every value would move a column left.
    from govparse.gapblanks import aligned_cells

    lines = ["三、收到和处理政府信息公开申请情况", "5．属于三类内部事务信息 0 30 0 0 0 0 30", "8．属于行政查询事项 \u00a0 0 10 0 0 0 10",
             "四、政府信息公开行政复议、行政诉讼情况"]
    assert aligned_cells([line.replace("\u00a0", " ") for line in lines[1:3]])[1][-1][1] == ""  # the places' guess
    row = govparse.parse("\n".join(lines)).to_dict()["applications"]["denied_admin_query"]
    assert row == {"natural_person": None, "commercial": 0, "research": 10, "social_welfare": 0, "legal_service": 0,
                   "other_org": 0, "total": 10}


def test_a_null_mark_wrapped_around_its_row_goes_back_on_the_row_line():
    # pdftotext -layout: —— too wide for its cell prints — above the row and — below it, at the cell's place.
    from govparse.wrappedmarks import rejoined_marks

    mark = " " * 30 + "—"
    lines = [_row("5．要求行政机关确认", {14: "24", 21: "0", 30: "0", 40: "0"}), mark,
             _row("（六）其他处理", {14: "0", 21: "0", 40: "0"}), mark, _row("（七）总计", {14: "653", 21: "0", 30: "13", 40: "0"})]
    texts, shapes = rejoined_marks(lines, lines)
    assert texts[2] == _row("（六）其他处理", {14: "0", 21: "0", 30: "——", 40: "0"}) and texts[1] == texts[3] == ""
    assert shapes == texts


def test_a_lone_mark_that_is_no_wrapped_cell_is_left_alone():
    from govparse.wrappedmarks import rejoined_marks

    mark = " " * 30 + "—"
    row = _row("（六）其他处理", {14: "0", 21: "0", 40: "0"})
    above_only = [mark, row, _row("（七）总计", {14: "1"})]
    taken = [mark, _row("（六）其他处理", {14: "0", 21: "0", 30: "7", 40: "0"}), mark]
    apart = [mark, row, " " * 26 + "—"]
    assert rejoined_marks(above_only, above_only) is None
    assert rejoined_marks(taken, taken) is None  # the place holds a value of the row
    assert rejoined_marks(apart, apart) is None  # not at one place: two marks of their own


def test_a_number_glued_to_a_null_mark_is_two_cells():
    # pypdf writes the cells —— and 0 as ——0; —— is no minus sign, so the number starts after it.
    from govparse.wrapped import wrapped_rows

    lines = ["8．属于行政查询事项 269 13 0 20 ——0 无", "2．其他法律行政法规禁止公开 0 0 10 1 0 19 0"]
    rows = [[text for text, _, _ in row] for row in wrapped_rows(lines, lines)]
    assert rows[0] == ["8．属于行政查询事项", "269", "13", "0", "20", "——", "0", "无"]
    assert [[text for text, _, _ in row] for row in wrapped_rows(["规章 -5 3 2"], ["规章 -5 3 2"])] == [["规章", "-5", "3", "2"]]


W3M_TABLE_TWO_2019 = """二、主动公开政府信息情况
┌────────────┬───────────────┬────────────┬────────────┬────────────┐
│第二十条第（一）项                                                 │
├────────────┬───────────────┬────────────┬────────────┬────────────┤
│信息内容    │本年新制作数   │量          │本年新公开数│对外公开总数│
│            │               │            │量          │量          │
├────────────┼───────────────┼────────────┼────────────┼────────────┤
│规章        │29             │0           │-           │            │
├────────────┼───────────────┼────────────┼────────────┼────────────┤
│规范性文件  │13             │0           │0           │            │
└────────────┴───────────────┴────────────┴────────────┴────────────┘
三、收到和处理政府信息公开申请情况
"""


def test_an_edition_label_split_across_box_drawn_cells_tells_the_edition():
    # w3m: 本年新制作数│量, one label cut across two boxes. Unread, the table was taken for the 2021 edition and its
    # numbers put under that edition's columns (issued 29: a number under another meaning).
    result = govparse.parse(W3M_TABLE_TWO_2019).to_dict()
    assert result["edition"] == "2019"
    assert result["active_disclosure"]["regulations"] == {"made": 29, "published": 0, "total_published": None}


TABLE_FOUR_VERTICAL = """四、政府信息公开行政复议、行政诉讼情况

行政
      行政诉讼
复议
                         未经
结果    结果 其他      尚未      复议
                    总计      复议后起诉
维持    纠正 结果      审结      直接
                         起诉
结果    结果 其他      尚未      结果 结果        其他 尚未
                    总计                        总计
维持    纠正 结果      审结      维持 纠正        结果 审结
7  30 0  0  37           0        0   3   0   3    15        29   0    0       44
五、存在的主要问题及改进情况
"""


def test_table_four_under_a_header_printed_vertically_is_read_in_the_statutory_order_with_a_warning():
    # pdftotext -layout: each header cell's words stacked a character pair a line; the pieces name no
    # column, and the last line's were taken for a row label that kept the fifteen numbers out.
    result = govparse.parse(TABLE_FOUR_VERTICAL)
    table = result.to_dict()["review_litigation"]
    assert [list(table[group].values()) for group in ("review", "suit_direct", "suit_after_review")] == [
        [7, 30, 0, 0, 37], [0, 0, 3, 0, 3], [15, 29, 0, 0, 44]]
    assert any(d.code == "header-unread" and d.level == "warning" and "statutory order" in d.message
               for d in result.diagnostics)


def test_table_four_header_words_out_of_their_cells_under_a_legible_header_keep_its_order():
    # the header names every column (here the other group order); a stray piece of it above the numbers
    # is ignored, and the numbers are placed by the header, not by the statutory order
    text = ("四、政府信息公开行政复议、行政诉讼情况\n行政诉讼 行政复议\n复议后起诉 未经复议直接起诉\n"
            + "结果维持 结果纠正 其他结果 尚未审结 总计 " * 3 + "\n结果\n"
            + "1 0 0 0 1 2 0 0 0 2 3 0 0 0 3\n五、存在的主要问题及改进情况\n")
    result = govparse.parse(text)
    table = result.to_dict()["review_litigation"]
    assert {group: table[group]["total"] for group in ("review", "suit_direct", "suit_after_review")} == {
        "review": 3, "suit_direct": 2, "suit_after_review": 1}
    assert not any(d.code == "header-unread" for d in result.diagnostics)


_MARKDOWN_NULL_MARKS = Path(__file__).parent.parent / "corpus/tools/pymupdf4llm--2019-null-marks-split-labels.txt"


def test_a_detector_grid_whose_rows_all_count_their_columns_is_read_by_count():
    # pymupdf4llm: made-up columns run through table 三 (|一、本年新收政府信息公开申请|数量||0|3||5|25|0|8|358||),
    # a null mark in a cell of its own, I1 broken in the report: every row holds its seven values, so each is
    # read one a column in printed order; a cut number's 0-led tail (111|05) joins the number before it
    result = govparse.parse(_MARKDOWN_NULL_MARKS.read_text(encoding="utf-8"))
    table = result.to_dict()["applications"]
    assert list(table["new_received"].values()) == [0, 3, 5, 25, 0, 8, 358]
    assert list(table["carried_over"].values()) == [17, 0, 1, 0, 24, None, 14]
    assert table["unable_needs_creation"]["total"] == 11105
    assert list(table["rejected_duplicate"].values()) == [0, 413, 15, 0, 0, 0, 5]  # 2．重复申 | | | 请, joined
    assert any(d.code == "read-by-count" and d.row == "new_received" for d in result.diagnostics)


def test_a_detector_grid_with_a_row_short_of_a_value_is_not_read_by_count():
    # one row one value short (a blank of its own left as an empty cell, or a value lost): a row elsewhere could
    # hold such a blank and a number cut in two, its count right and its values in the wrong columns
    text = _MARKDOWN_NULL_MARKS.read_text(encoding="utf-8").replace(
        "|4．保护第三方合法权益|||559|0||0|5|3|0|17||", "|4．保护第三方合法权益|||559|0||0||3|0|17||")
    result = govparse.parse(text)
    table = result.to_dict()["applications"]
    assert set(table["new_received"].values()) == {None}
    assert set(table["denied_third_party"].values()) == {None}
    assert not any(d.code == "read-by-count" for d in result.diagnostics)
    assert any(d.code == "cell-count" and d.row == "new_received" for d in result.diagnostics)

