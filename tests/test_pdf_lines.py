"""PDF text as pdfplumber's and pypdf's ``extract_text()`` write it: a line per printed line, words
one space apart, no positions. Each test is a small hand-made table in one of the shapes these
tools give (corpus/tools/README.md describes them); values are right or null, never others.
"""

from __future__ import annotations

import govparse
from govparse.cells import Cell
from govparse.grammar import UNKNOWN, VALUES
from govparse.lexer import lex
from govparse.pipeline import labels_for
from govparse.wrapped import lone_blanks, wrapped_readings, wrapped_rows

FOUR = "四、政府信息公开行政复议、行政诉讼情况"
FIVE = "五、存在的主要问题及改进情况"


def _parse(*lines: str) -> dict:
    return govparse.parse("\n".join(lines) + "\n").to_dict()


def _codes(result: dict) -> set[str]:
    return {diagnostic["code"] for diagnostic in result["diagnostics"]}


def _cells(*lines: str) -> list[Cell]:
    return [Cell(word, number, 1) for number, line in enumerate(lines, 1) for word in line.split()]


# --- a header printed line by line around its middle line -----------------------------------------

# Two-line header cells (结果 / 维持) around one-line ones (总计), as an extractor without positions
# writes a header row whose cells a PDF centres: the top lines of all cells, the middle line, the
# bottom lines. Which piece goes with which is not in the text.
STACKED_FOUR = [
    FOUR,
    "行政",
    "行政诉讼",
    "复议",
    "结果 结果 其他 尚未 未经复议 复议",
    "总计 后起诉",
    "维持 纠正 结果 审结 直接起诉",
    "结果 结果 其他 尚未 结果 结果 其他 尚未",
    "总计 总计",
    "维持 纠正 结果 审结 维持 纠正 结果 审结",
]


def test_a_header_broken_into_pieces_above_the_numbers_leaves_them_to_the_statutory_order():
    result = _parse(*STACKED_FOUR, "1 2 0 0 3 4 5 0 0 9 0 0 6 1 7", FIVE)
    assert result["review_litigation"] == {
        "review": {"upheld": 1, "corrected": 2, "other": 0, "pending": 0, "total": 3},
        "suit_direct": {"upheld": 4, "corrected": 5, "other": 0, "pending": 0, "total": 9},
        "suit_after_review": {"upheld": 0, "corrected": 0, "other": 6, "pending": 1, "total": 7}}
    assert "header-unread" in _codes(result)
    assert "unknown-row" not in _codes(result)


def test_header_pieces_are_no_tokens_but_text_naming_no_header_label_is_one():
    labels = labels_for("review_litigation")
    tokens = lex(_cells("结果 结果 其他 尚未", "维持 纠正 结果 审结", "1 2 0 0 3"), labels).tokens
    assert [token.type for token in tokens] == [VALUES]
    tokens = lex(_cells("结果 结果", "小计", "1 2 0 0 3"), labels).tokens
    assert [token.type for token in tokens] == [UNKNOWN, VALUES]  # 小计 is a row of its own


def test_a_header_piece_after_the_numbers_is_still_text_naming_no_label():
    labels = labels_for("review_litigation")
    tokens = lex(_cells("1 2 0 0 3", "结果", "4 5 0 0 9"), labels).tokens
    assert [token.type for token in tokens] == [VALUES, UNKNOWN, VALUES]


def test_a_row_naming_no_label_under_a_broken_header_keeps_its_numbers_out():
    result = _parse(*STACKED_FOUR, "其中：本级 1 2 0 0 3 4 5 0 0 9 0 0 6 1 7", FIVE)
    assert all(value is None for group in result["review_litigation"].values() for value in group.values())
    assert "unknown-row" in _codes(result)


# --- a blank cell written as a no-break space --------------------------------------------------------

def test_a_lone_no_break_space_among_values_is_a_blank_and_one_in_text_is_spacing():
    assert lone_blanks("规章 0 891 \u00a0") == [9]
    assert lone_blanks("\u00a0 0 5") == [0]
    assert lone_blanks("0 \u00a0 7") == [2]
    assert lone_blanks("三、\u00a0收到和处理 \u00a0 情况") == []  # no value on the line
    assert lone_blanks("规章\u00a00 891") == []  # glued to the label: spacing
    assert lone_blanks("规章 0   \u00a0   891") == []  # inside wide padding: not pypdf's blank


def test_a_no_break_space_cell_keeps_the_values_after_it_in_their_columns():
    lines = ["2．重复申请 0 \u00a0 4 0 0 0 4", "3．要求提供公开出版物 0 0 0 0 0 1 \u00a0"]
    texts = [line.replace("\u00a0", " ") for line in lines]  # as normalizing gives them
    rows = [[text for text, _, _ in row] for row in wrapped_rows(texts, lines)]
    assert rows == [["2．重复申请", "0", "", "4", "0", "0", "0", "4"],
                    ["3．要求提供公开出版物", "0", "0", "0", "0", "0", "1", ""]]


def test_table_two_rows_with_a_no_break_space_blank_read_it_as_blank():
    result = _parse("二、主动公开政府信息情况",
                    "第二十条第（一）项",
                    "信息内容 本年制发件数 本年废止件数 现行有效件数",
                    "规章 3 \u00a0 5",
                    "行政规范性文件 0 2 \u00a0",
                    "第二十条第（五）项",
                    "信息内容 本年处理决定数量",
                    "行政许可 7",
                    "三、收到和处理政府信息公开申请情况")
    disclosure = result["active_disclosure"]
    assert disclosure["regulations"] == {"issued": 3, "repealed": None, "in_force": 5}
    assert disclosure["normative_documents"] == {"issued": 0, "repealed": 2, "in_force": None}


# --- rows whose label lines sit around their values (pdfplumber, cells centred in their rows) --------

def _rows(*lines: str) -> list[list[str]]:
    return [[text for text, _, _ in row] for row in wrapped_rows(list(lines), list(lines))]


# A two-line label with its values on a line between its lines: the evidence that labels sit around values.
AROUND = ["（二）部分公开（区分处理的，只计这一", "0 1 0 0 0 0 1", "情形，不计其他情形）"]


def test_a_label_in_two_cells_takes_the_line_above_its_values_not_the_row_before():
    rows = _rows(*AROUND,
                 "2．没有现成信息需要另行制作 0 0 0 0 0 0 0",
                 "后申请内容仍",  # the two-line cell beside 3．补正, its first line above the values
                 "3．补正 0 0 2 0 0 0 2",
                 "不明确")
    assert rows[1] == ["2．没有现成信息需要另行制作", "0", "0", "0", "0", "0", "0", "0"]
    assert rows[2] == ["3．补正", "后申请内容仍", "不明确", "0", "0", "2", "0", "0", "0", "2"]


def test_a_one_line_label_with_a_space_beside_a_two_line_inner_label_stays_whole():
    rows = _rows(*AROUND, "1．本机关不掌握", "（四）无法提 供 0 0 0 0 0 0 0", "相关政府信息")
    assert rows[1][:4] == ["（四）无法提", "供", "1．本机关不掌握", "相关政府信息"]


def test_the_middle_line_of_a_three_line_inner_label_goes_with_it():
    rows = _rows(*AROUND, "1．申请人无正当理由逾期不补正、", "（六）其他处理 行政机关不再处理其政府信息公开申 5 0 0 0 0 0 5", "请")
    assert rows[1][:5] == ["（六）其他处理", "1．申请人无正当理由逾期不补正、", "行政机关不再处理其政府信息公开申", "请", "5"]


def test_header_lines_above_the_first_row_are_no_part_of_its_label():
    rows = _rows("申请人情况", "自然人 法人或其他组织 总计", "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1", *AROUND)
    assert rows[0] == ["申请人情况", "自然人", "法人或其他组织", "总计"]
    assert rows[1][0] == "一、本年新收政府信息公开申请数量"


def test_a_row_printed_with_its_values_on_its_first_line_keeps_its_full_width_tail():
    rows = _rows(*AROUND,
                 "2．申请人逾期未按收费通知要求缴纳费 0 0 0 0 0 0 0",
                 "用、行政机关不再处理其政府信息公开申",
                 "请",
                 "3．其他 0 0 0 1 0 0 1")
    assert rows[1][:3] == ["2．申请人逾期未按收费通知要求缴纳费", "用、行政机关不再处理其政府信息公开申", "请"]
    assert rows[2][0] == "3．其他"


def test_labels_above_their_values_are_not_read_around_them():
    # pypdf: a label's lines, then its values on a line of their own, then the next row's label
    rows = _rows("5．要求行政机关确认或重新出具已获取", "信息", "0 0 1 0 0 0 1",
                 "（六）其他处理 0 0 0 0 0 0 0")
    assert rows == [["5．要求行政机关确认或重新出具已获取", "信息", "0", "0", "1", "0", "0", "0", "1"],
                    ["（六）其他处理", "0", "0", "0", "0", "0", "0", "0"]]


def test_a_header_piece_after_a_row_label_is_no_header():
    labels = labels_for("active_disclosure_2021")
    tokens = lex([Cell("行政许可", 1, 1), Cell("单位", 2, 1), Cell("3", 3, 1)], labels).tokens
    assert [token.type for token in tokens] == ["LICENSING", UNKNOWN, VALUES]  # 3 stays with the text before it


# --- a vertical group label's pieces between the lines of the row label beside it ------------------------

def test_a_group_label_piece_between_two_lines_of_a_row_label_is_gone_over():
    labels = labels_for("applications_2021")
    cells = [Cell(text, number, 1) for number, text in enumerate(
        ["（六）其", "2．申请人逾期未按收费通知要", "他处理", "求缴纳费用、行政机关不再处理", "其政府信息公开申请",
         "6", "0", "0", "0", "0", "0", "6"], 1)]
    tokens = lex(cells, labels).tokens
    assert [token.type for token in tokens] == ["OTHER_FEE_UNPAID", VALUES]
    assert tokens[0].line == 2


def test_a_group_label_piece_after_a_whole_label_is_not_taken_into_it():
    labels = labels_for("applications_2021")
    cells = [Cell(text, number, 1) for number, text in enumerate(["1．属于国家秘密", "开", "0", "1", "0", "0", "0", "0", "1"], 1)]
    tokens = lex(cells, labels).tokens
    assert [token.type for token in tokens] == ["DENIED_STATE_SECRET", VALUES]
    assert [cell.text for cell in tokens[0].cells] == ["1．属于国家秘密"]


def test_values_printed_just_above_their_one_line_label_go_with_it():
    # pdfplumber on a real report: a row's numbers a little higher than its label make a line of their own
    rows = _rows("（二）部分公开（区分处理的，只计这一情形，", "4 0 0 0 0 0 4", "不计其他情形）",
                 "1 0 0 0 0 0 1", "1．属于国家秘密",
                 "2．其他法律行政法规禁止公开 0 0 0 0 0 0 0")
    assert rows == [["（二）部分公开（区分处理的，只计这一情形，", "不计其他情形）", "4", "0", "0", "0", "0", "0", "4"],
                    ["1．属于国家秘密", "1", "0", "0", "0", "0", "0", "1"],
                    ["2．其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0"]]


CUT = ["申请人情况", *AROUND, "二、上年结转政府信息公开申请数量之和 0 4 0 0 24 1 29", ""]  # "": a page break
NEXT = "三、本年度办理结果 （一）予以公开 0 0 0 0 0 0 0"


def test_a_row_a_page_break_cut_goes_on_after_it():
    rows = _rows(*CUT, "本年", NEXT)
    assert rows[-2][:3] == ["二、上年结转政府信息公开申请数量之和", "本年", "0"]


def test_a_running_header_or_the_tables_header_after_a_page_break_is_no_tail():
    for line in ("平安区人民政府二〇二三年政府信息公开工作年度报告", "申请人情况"):
        rows = _rows(*CUT, line, NEXT)
        assert rows[-3][:2] == ["二、上年结转政府信息公开申请数量之和", "0"], line
        assert rows[-2] == [line]


# --- numbers a narrow cell of table 四 wrapped, in text without positions --------------------------------

def _four(*value_lines: str) -> dict:
    result = _parse(*STACKED_FOUR, *value_lines, FIVE)
    return result


def _groups(result: dict) -> list[list[object]]:
    return [list(group.values()) for group in result["review_litigation"].values()]


def test_a_number_cut_inside_a_thousands_group_is_joined_with_the_piece_after_it():
    result = _four("1 2 0 0 3 4 123,4 56 0 0 123,4 60 0 0 0 7 7")
    assert _groups(result) == [[1, 2, 0, 0, 3], [4, 123456, 0, 0, 123460], [0, 0, 0, 7, 7]]
    assert "wrapped-number" in _codes(result)


def test_neighbour_pieces_are_joined_where_only_one_way_meets_i3_and_it_says_so():
    result = _four("12423 1 0 0 0 12423 1 0 23 0 0 23 8 0 82473 0 82481")
    assert _groups(result) == [[124231, 0, 0, 0, 124231], [0, 23, 0, 0, 23], [8, 0, 82473, 0, 82481]]
    assert "split-by-identity" in _codes(result)


def test_heads_above_and_tails_below_the_values_go_where_i3_puts_them():
    result = _four("12345", "99999 23457 0 0 0 0 0 0 0 0 0 0 0 0", "6")
    assert _groups(result) == [[99999, 23457, 0, 0, 123456], [0] * 5, [0] * 5]
    assert "split-by-identity" in _codes(result)


def test_cells_the_readings_that_meet_i3_differ_on_are_null_the_others_read():
    result = _four("12423 12423", "0 0 0 0 23 0 0 23 8 0 82473 0 82481", "1 1")  # 124231 in any of four places
    assert _groups(result) == [[None, None, None, None, 124231], [0, 23, 0, 0, 23], [8, 0, 82473, 0, 82481]]
    unread = [d["message"] for d in result["diagnostics"] if d["code"] == "unreadable-value"]
    assert len(unread) == 4 and all("0|124231" in message for message in unread)
    assert "split-by-identity" in _codes(result)


def test_wrapped_numbers_no_reading_of_which_meets_i3_leave_the_row_null():
    result = _four("12423 12423", "0 0 0 0 23 0 0 23 8 0 82473 0 82480", "1 1")  # suit_after_review breaks I3
    assert all(value is None for group in _groups(result) for value in group)
    assert "cell-count" in _codes(result)


def test_a_reading_the_format_alone_allows_is_taken_with_i3_broken():
    result = _four("1 2 0 0 4 4 123,4 56 0 0 123,4 60 0 0 0 7 7")  # review breaks I3 as printed
    assert _groups(result) == [[1, 2, 0, 0, 4], [4, 123456, 0, 0, 123460], [0, 0, 0, 7, 7]]


def test_wrapped_readings_keep_to_one_head_length_and_whole_numbers():
    pieces = [(text, 1) for text in "123 4 56 7 0 0 0 0 0 0 0 0 0 0 0 0".split()]
    readings = wrapped_readings(pieces, 15)
    assert readings == [[(0, 1), *[(at,) for at in range(2, 16)]]]  # 56+7: a head of another length
    assert wrapped_readings([(text, 1) for text in "12,3 4 0 0".split()], 3) == []  # 12,34 is no number


# A table whose rows print their values a little above their one-line labels (pdfplumber on a real report),
# beside a group label printed a character a line.
VALUES_ABOVE = ["（二）部分公开（区分处理的，只计这一情形，", "4 0 0 0 0 0 4", "不计其他情形）",
                "1 0 0 0 0 0 1", "1．属于国家秘密",
                "三 2．其他法律行政法规禁止公开 0 0 0 0 0 0 0",
                "、", "0 2 0 0 0 0 2", "本 3．危及“三安全一稳定”",
                "年", "度 4．保护第三方合法权益 0 0 0 0 0 0 0",
                "（四）无法提供", "3 0 0 0 0 0 3", "1．本机关不掌握相关政府信息",
                "2．没有现成信息需要另行制作 0 0 0 0 0 0 0"]


def _lexed(rows: list[list[str]]) -> dict[str, list[str]]:
    """Table 三's row terminals with the value texts after each, as the lexer reads the rows' cells."""
    cells = [Cell(text, number, 1) for number, row in enumerate(rows, 1) for text in row]
    tokens = lex(cells, labels_for("applications_2021")).tokens
    return {token.type: [cell.text for cell in after.cells]
            for token, after in zip(tokens, tokens[1:]) if token.type != VALUES and after.type == VALUES}


def test_where_values_sit_above_their_labels_a_group_label_over_them_is_left_over():
    rows = _rows(*VALUES_ABOVE)
    assert ["（四）无法提供"] in rows
    lexed = _lexed(rows)
    assert lexed["DENIED_STATE_SECRET"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert lexed["DENIED_PROHIBITED_BY_LAW"] == ["0"] * 7
    assert lexed["DENIED_SECURITY_STABILITY"] == ["0", "2", "0", "0", "0", "0", "2"]
    assert lexed["UNABLE_NOT_HELD"] == ["3", "0", "0", "0", "0", "0", "3"]
    assert lexed["UNABLE_NEEDS_CREATION"] == ["0"] * 7


def test_a_line_opening_a_label_is_no_tail_of_the_row_above():
    rows = _rows(*AROUND, "5．属于三类内部事务信 0 0 0 0 0 0 0", "理 （三）不予公开",
                 "息 6．属于四类过程性信息 0 1 0 0 0 0 1")
    assert rows[1][:2] == ["5．属于三类内部事务信", "0"]


def test_the_comma_of_a_group_label_printed_a_character_a_line_is_no_value():
    labels = labels_for("applications_2021")
    cells = [Cell(text, number, 1) for number, text in enumerate(
        ["1．属于国家秘密", *"1000001", "三", "、", "2．其他法律行政法规禁止公开", *"0000000"], 1)]
    tokens = lex(cells, labels).tokens
    assert [token.type for token in tokens] == ["DENIED_STATE_SECRET", VALUES, "DENIED_PROHIBITED_BY_LAW", VALUES]
    assert len(tokens[1].cells) == 7


# --- PyMuPDF's and pdftohtml's text: a line a span, in the page's order (layout pdf-lines) -------------------

THREE = "三、收到和处理政府信息公开申请情况"
# Table 三's head as these tools write it: a cell a line, neighbours on one line one space apart.
PAGE_LINES_HEAD = ["申请人情况", "自然人", "法人或其他组织", "总计", "商业企业 科研机构", "社会公益组织", "法律服务机构 其他"]


def _page_lines_three(*rows: tuple[str, list[str]]) -> list[str]:
    lines = [THREE, *PAGE_LINES_HEAD]
    for label, values in rows:
        lines.append(label)
        lines.extend(values)
    return lines


def test_a_blank_written_as_its_space_stands_in_its_column_where_neighbours_share_lines():
    # A row's cells a line each, two neighbours on one line (0 7), a blank cell as a line of a no-break space:
    # where the text is a PDF's lines in page order, the blank is the column it stands in.
    result = _parse(*_page_lines_three(
        ("一、本年新收政府信息公开申请数量", ["3", "0 7", "0", "0", "\u00a0", "10"]),
        ("二、上年结转政府信息公开申请数量", ["1", "0", "0 0", "0", "0", "1"]),
        ("四、结转下年度继续办理", ["0", "2 0", "0", "0", "0", "2"])), FOUR)
    table = result["applications"]
    assert table["new_received"] == {"natural_person": 3, "commercial": 0, "research": 7, "social_welfare": 0,
                                     "legal_service": 0, "other_org": None, "total": 10}
    assert table["carried_over"]["total"] == 1


def test_an_empty_line_in_page_lines_is_a_page_end_not_a_blank_cell():
    # PyMuPDF ends a page with an empty line: inside a row cut by the page break it is no cell, and the row,
    # a cell short, is null, never read one column off.
    result = _parse(*_page_lines_three(
        ("一、本年新收政府信息公开申请数量", ["3", "0 7", "0", "第 1 页 共 2 页", "", "0", "10"]),
        ("二、上年结转政府信息公开申请数量", ["1", "0", "0 0", "0", "0", "1"])), FOUR)
    table = result["applications"]
    assert set(table["new_received"].values()) == {None}
    assert table["carried_over"]["total"] == 1


# Table 四's header as pdftohtml writes it: each printed line of the header row across its cells, so that no
# label is whole (行政 / 复议 行政诉讼, 结果 结果 其他 尚未 / 维持 纠正 结果 审结 总计 …).
SLICED_FOUR = ["行政", "复议 行政诉讼", "未经", "结果 结果 其他 尚未", "复议", "维持 纠正 结果 审结 总计 直接 复议后起诉",
               "起诉", "结果 结果 其他 尚未", "结果 其他 尚未", "维持 纠正 结果 审结 总计 结果", "维持 纠正 结果 审结 总计"]


def test_table_four_under_its_heading_with_a_header_of_slices_is_read_there():
    values = ["7", "0", "7", "1", "15", "832", "0", "0", "2", "834", "25", "0", "27", "10", "62"]
    result = _parse(*_page_lines_three(
        ("一、本年新收政府信息公开申请数量", ["3", "0 7", "0", "0", "0", "10"]),
        ("四、结转下年度继续办理", ["0", "2 0", "0", "0", "0", "2"])), FOUR, *SLICED_FOUR, *values, FIVE)
    assert result["review_litigation"] == {
        "review": {"upheld": 7, "corrected": 0, "other": 7, "pending": 1, "total": 15},
        "suit_direct": {"upheld": 832, "corrected": 0, "other": 0, "pending": 2, "total": 834},
        "suit_after_review": {"upheld": 25, "corrected": 0, "other": 27, "pending": 10, "total": 62}}
    assert "header-unread" in _codes(result)


def test_a_label_wrapped_around_its_values_is_one_label_with_a_group_label_between_its_lines():
    # pdftohtml: a three-line label's first line, the group label beside it, its middle line with the first
    # value run on, the other values, then its last line
    labels = labels_for("applications_2021")
    texts = ["1．申请人无正当理由逾期不补正、", "（六）其他处理", "行政机关不再处理其政府信息公开申", "5", "0", "0 0", "0",
             "0", "5", "请", "2．申请人逾期未按收费通知要求缴纳费"]
    tokens = lex([Cell(text, number, 1) for number, text in enumerate(texts, 1)], labels).tokens
    assert [token.type for token in tokens][:3] == ["OTHER_GROUP", "OTHER_NO_CORRECTION", VALUES]
    assert tokens[2].text.split() == ["5", "0", "0", "0", "0", "0", "5"]


def test_a_label_wrapped_around_its_values_with_a_piece_of_a_vertical_group_label_between_its_lines():
    # markitdown on a real report's PDF: （六）其他处理 printed down the rows, its piece 他处理 between the
    # label's first two lines; the piece is noise, never a token that ends the label
    labels = labels_for("applications_2021")
    texts = ["（六）其", "2、申请人逾期未按收费通知要", "他处理", "求缴纳费用、行政机关不再处理", "6", "0 0", "0", "0 0", "6",
             "其政府信息公开申请", "3、其他"]
    tokens = lex([Cell(text, number, 1) for number, text in enumerate(texts, 1)], labels).tokens
    assert [token.type for token in tokens] == ["OTHER_FEE_UNPAID", VALUES, "OTHER_MISC"]
    assert tokens[1].text.split() == ["6", "0", "0", "0", "0", "0", "6"]
    # text between the label's lines that is no piece of a group label ends it
    texts[2] = "附注"
    assert "OTHER_FEE_UNPAID" not in [token.type for token in lex([Cell(t, n, 1) for n, t in enumerate(texts, 1)],
                                                                  labels).tokens]


THREE = "三、收到和处理政府信息公开申请情况"
VALUES_ROW = "|     | {} 0 | 0 0 | 0 0 | {}   |\n| --- | --- | --- | --- | --- |"


def test_markdown_rows_of_values_above_their_labels_are_read_only_where_both_labels_agree():
    # markitdown on a real report's PDF: each row's numbers sit higher than its label's first line, so the
    # values come before the label; read after it, each row took the next row's (8 silent wrong numbers)
    rows = ["| （二）部分公开（区分处理的，只计这一情 形，不 |     |     |     |     |", VALUES_ROW.format(4, 4),
            "计其他情形）", VALUES_ROW.format(1, 1), "1.属于国家秘密", VALUES_ROW.format(0, 0),
            "2.其他法律行政法规禁止公开", VALUES_ROW.format(0, 0), "3.危及“三安全一稳定”", VALUES_ROW.format(2, 2),
            "4.保护第三方合法权益", VALUES_ROW.format(7, 7)]
    result = govparse.parse("\n".join([THREE, *rows, FOUR]) + "\n").to_dict()["applications"]
    assert result["denied_state_secret"]["natural_person"] is None  # 1 above it, 0 below
    assert result["denied_prohibited_by_law"]["natural_person"] == 0  # 0 above and below: either way
    assert result["denied_security_stability"]["natural_person"] is None  # 0 above, 2 below
    assert result["denied_third_party"]["natural_person"] is None  # 2 above, 7 below


def test_markdown_values_after_a_row_of_blank_cells_are_no_sign_of_values_above_labels():
    # markitdown: a label's markdown row of blank cells, its values in the next row; the rows after it hold
    # their values below their labels
    rows = ["| 法提供 | 2.没有现成信息需要另行制作 |     |     |     |     |     |     |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
            "|     |     |     | 11  | 0 0 | 0   | 0 0 | 11  |", "3.补正后申请内容仍不明确",
            "|     |     |     | 1   | 0 0 | 0   | 0 0 | 1   |", "| --- | --- | --- | --- | --- | --- | --- | --- |",
            "1.信访举报投诉类申请", "|     |     |     | 56  | 6 0 | 0   | 0 0 | 62  |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    result = govparse.parse("\n".join([THREE, *rows, FOUR]) + "\n").to_dict()["applications"]
    assert result["unable_unclear"]["total"] == 1 and result["rejected_petition"]["total"] == 62


def test_a_markdown_rows_empty_cells_among_a_wrapped_labels_pieces_are_no_values():
    # markitdown's PDF tables: the label's first line above the table row, the group label and its middle line
    # in the row with the grid's empty cells between them, its last line below; the empty cells are no values
    labels = labels_for("applications_2021")
    texts = ["1．申请人无正当理由逾期不补正、", "（六）其他处理", "", "行政机关不再处理其政府信息公开申", "", "", "5 0", "0 0",
             "0 0 5", "请", "2．申请人逾期未按收费通知要求缴纳费"]
    tokens = lex([Cell(text, number, 1) for number, text in enumerate(texts, 1)], labels).tokens
    assert [token.type for token in tokens][:3] == ["OTHER_GROUP", "OTHER_NO_CORRECTION", VALUES]
    assert [cell.text for cell in tokens[2].cells if cell.text] == ["5 0", "0 0", "0 0 5"]


def test_text_around_values_that_makes_no_label_with_the_line_before_stays_apart():
    # 规范性文件 / values / 行政许可: the text after the values is the next row's label, never a tail
    labels = labels_for("applications_2021")
    texts = ["1．申请人无正当理由逾期不补正、", "5", "0", "0", "0", "0", "0", "5", "3．其他"]
    tokens = lex([Cell(text, number, 1) for number, text in enumerate(texts, 1)], labels).tokens
    assert [token.type for token in tokens] == [UNKNOWN, VALUES, "OTHER_MISC"]


def test_values_run_on_after_a_label_line_in_page_lines_are_the_rows():
    # pdftohtml and PyMuPDF write a row's first value on the line of the label line beside it
    for run_on in ("（二）部分公开（区分处理的，只计这一 4", "（二）部分公开（区分处理的，只计这一4"):
        result = _parse(*_page_lines_three(
            ("一、本年新收政府信息公开申请数量", ["3", "0 7", "0", "0", "0", "10"]),
            ("三、本年度办理结果", []), ("（一）予以公开", ["0", "0 0", "0", "0", "0", "0"]),
            (run_on, ["0", "0 0", "1", "0", "5"]), ("情形，不计其他情形）", [])), FOUR)
        assert result["applications"]["partially_granted"] == {
            "natural_person": 4, "commercial": 0, "research": 0, "social_welfare": 0, "legal_service": 1,
            "other_org": 0, "total": 5}


def test_a_number_wrapped_in_its_cell_in_table_four_is_joined_where_i3_shows_it():
    # PyMuPDF and pdftohtml write a six-digit number wrapped in table 四's narrow cell as two lines
    values = ["212", "30", "27", "0", "269", "19", "21", "0", "0", "40", "428", "0", "11419", "9", "6", "11463", "3"]
    result = _parse(*_page_lines_three(
        ("一、本年新收政府信息公开申请数量", ["3", "0 7", "0", "0", "0", "10"]),
        ("四、结转下年度继续办理", ["0", "2 0", "0", "0", "0", "2"])), FOUR, *SLICED_FOUR, *values, FIVE)
    assert result["review_litigation"]["suit_after_review"] == {
        "upheld": 428, "corrected": 0, "other": 114199, "pending": 6, "total": 114633}
    assert result["review_litigation"]["review"]["total"] == 269


# --- pymupdf4llm: PyMuPDF's table finder as markdown tables ------------------------------------------------

def _md_row(label: str, values: list[str], pad: int = 0) -> str:
    return "|" + "|".join([label, *values] + [""] * pad) + "|"


MD_THREE_HEAD = ["|申请人情况||||||||", "|---|---|---|---|---|---|---|---|",
                 "|自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计||"]


def _md_three(first_rows: list[str], second_rows: list[str], width: int) -> str:
    """Table 三 as two markdown tables: the page before the break and the page after, each its own grid."""
    second_head = ["|" + "|".join(["（三）不予公开", "1．属于国家秘密", *["0"] * 7]) + "|",
                   "|" + "|".join(["---"] * width) + "|"]
    return "\n".join([THREE, *MD_THREE_HEAD, *first_rows, "", *second_head, *second_rows, FOUR]) + "\n"


SECOND_PAGE = [_md_row("3．危及“三安全一稳定”", ["0"] * 7, 1), _md_row("4．保护第三方合法权益", ["0"] * 7, 1),
               _md_row("5．属于三类内部事务信息", ["0"] * 7, 1)]


def test_a_blank_in_a_markdown_table_of_its_own_grid_stands_where_printed():
    # the first table ran two cells into one (0 503): its grid is wrong, its blanks may have moved; the
    # table after the page break has a grid of its own, where a row's blank is its column's
    first = [_md_row("一、本年新收政府信息公开申请数量", ["45", "33", "848", "0 503", "70305", "71734"])]
    second = [*SECOND_PAGE, _md_row("2．其他法律行政法规禁止公开", ["0", "0", "", "0", "0", "0", "0"], 1)]
    result = govparse.parse(_md_three(first, second, 9)).to_dict()["applications"]
    assert result["denied_prohibited_by_law"] == {"natural_person": 0, "commercial": 0, "research": None,
                                                  "social_welfare": 0, "legal_service": 0, "other_org": 0,
                                                  "total": 0}
    assert result["new_received"]["social_welfare"] == 0 and result["new_received"]["legal_service"] == 503


def test_a_blank_in_the_markdown_table_that_ran_cells_together_is_not_placed():
    first = [_md_row("一、本年新收政府信息公开申请数量", ["45", "33", "848", "0 503", "70305", "71734"]),
             _md_row("二、上年结转政府信息公开申请数量", ["0", "", "24", "0", "6", "30"], 1)]
    result = govparse.parse(_md_three(first, SECOND_PAGE, 9)).to_dict()["applications"]
    assert set(result["carried_over"].values()) == {None}


def test_markdown_tables_of_a_row_or_two_show_no_grid_of_their_own():
    # markitdown's PDF tables: a rule under nearly every row; such a table is no evidence of a grid found right
    rows = [_md_row("3．危及“三安全一稳定”", ["0", "", "0", "0", "0", "0", "0"], 1), "|---|---|---|---|---|---|---|---|---|"]
    first = [_md_row("一、本年新收政府信息公开申请数量", ["45", "33", "848", "0 503", "70305", "71734"])]
    result = govparse.parse(_md_three(first, rows, 9)).to_dict()["applications"]
    assert set(result["denied_security_stability"].values()) == {None}


def test_a_heading_as_a_one_cell_markdown_table_opens_its_section():
    # pymupdf4llm takes a heading in a ruled box for a table of one cell
    from govparse.normalize import Document
    from govparse.sections import locate_sections

    lines = [THREE, "|四、结转下年度继续办理|0|2|", "", "|四、政府信息公开行政复议、行政诉讼情况|", "|---|", FIVE]
    sections, _ = locate_sections(Document("\n".join(lines)))
    assert sections["四"].heading == 3
    assert sections["三"].stop == 3  # the row of table 三 that starts with 四、 is no heading


def test_a_number_wrapped_in_its_markdown_cell_in_table_four_is_joined_where_i3_shows_it():
    # pymupdf4llm: 114199 wrapped in its cell (11419<br>9); the cell of two neighbours (3<br>18441<br>6) too
    cells = ["13", "0", "0", "0", "13", "874", "22", "0", "2", "898", "3", "68927", "3<br>18441<br>6", "25334<br>9"]
    text = "\n".join([FOUR, "|行政复议|行政诉讼|", "|---|---|", "|" + "|".join(cells) + "|", FIVE]) + "\n"
    result = govparse.parse(text).to_dict()["review_litigation"]
    assert result["suit_after_review"] == {"upheld": 3, "corrected": 68927, "other": 3, "pending": 184416,
                                           "total": 253349}


def test_the_blank_cells_of_a_grids_header_line_are_no_values_of_the_row_below():
    # pymupdf4llm on a real report's PDF: the header's lines are rows of the grid, its spanned columns blank;
    # the blank cells of its last line, on no line of the numbers, are none of the fifteen numbers' cells
    header = ["|行政复|议||||行政诉|讼|||||||||", "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
              "||||||未经复|议直接起|诉|||复议后|起诉||||", "|结果|结果|其他结|尚未||||||||||||",
              "|维持|纠正|果|审结|总计|结果|结果|其他|尚未|总计|结果|结果|其他|尚未审|总计|",
              "||||||维持|纠正|结果|审结||维持|纠正|结果|结||"]
    values = "|72|64|178|37|351|13|4|8|1|26|12|1|1|6|20|"
    result = govparse.parse("\n".join([FOUR, *header, values, FIVE]) + "\n").to_dict()["review_litigation"]
    assert result["review"] == {"upheld": 72, "corrected": 64, "other": 178, "pending": 37, "total": 351}
    assert result["suit_after_review"] == {"upheld": 12, "corrected": 1, "other": 1, "pending": 6, "total": 20}
    # one number fewer: a blank may be a value's cell, so nothing is read
    short = "|72|64|178|37|351|13|4|8|1|26|12|1|1|6|"
    result = govparse.parse("\n".join([FOUR, *header, short, FIVE]) + "\n").to_dict()["review_litigation"]
    assert all(value is None for group in result.values() for value in group.values())


def test_wrapped_numbers_heads_and_tails_in_markdown_rows_of_their_own_are_joined_where_i3_shows_it():
    # markitdown's PDF tables: 124231 wrapped in its cell puts its head (12423) in a row above the values and
    # its tail (1) in a row below, in the grid's columns, among empty cells whose places say nothing
    rows = ["| 12423 |       | 12423 |       |      |         |         |",
            "| 0     | 0 0   | 0 23  | 0 0   | 23 8 | 0 82473 | 0 82481 |",
            "| 1     |       | 1     |       |      |         |         |"]
    text = "\n".join([FOUR, "|行政复议|行政诉讼|", "|---|---|", *rows, FIVE]) + "\n"
    result = govparse.parse(text).to_dict()["review_litigation"]
    assert result["suit_direct"] == {"upheld": 0, "corrected": 23, "other": 0, "pending": 0, "total": 23}
    assert result["suit_after_review"] == {"upheld": 8, "corrected": 0, "other": 82473, "pending": 0, "total": 82481}
    assert result["review"]["total"] == 124231 and result["review"]["upheld"] is None  # 0|124231: I3 cannot tell


def test_a_line_of_values_with_the_null_mark_wu_among_them_is_values_run_together():
    # pdftohtml writes neighbours on one line: 30 无 is two cells, 30 and the null mark 无
    result = _parse(*_page_lines_three(
        ("一、本年新收政府信息公开申请数量", ["—", "0", "8", "30 无", "0", "11"]),
        ("二、上年结转政府信息公开申请数量", ["1", "0", "0 0", "0", "0", "1"])), FOUR)
    assert result["applications"]["new_received"] == {
        "natural_person": None, "commercial": 0, "research": 8, "social_welfare": 30, "legal_service": None,
        "other_org": 0, "total": 11}


def _detector_three(*rows: str) -> dict:
    head = ["|申请人情况||||||||||", "|---|---|---|---|---|---|---|---|---|---|",
            "|自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计||||"]
    return govparse.parse("\n".join([THREE, *head, *rows, FOUR]) + "\n").to_dict()


def test_a_detector_grid_row_is_read_where_its_values_fill_the_columns_and_meet_i1():
    # the detector's grid has columns of its own (empty in every row) and ran two neighbours into one cell
    result = _detector_three("|2．其他法律|行政法规禁止公开||0|||||0 3|0|0|12|15|",
                             "|3．危及“三安全一稳定”||0||||0|0|0|0|0|0|")
    row = result["applications"]["denied_prohibited_by_law"]
    assert row == {"natural_person": 0, "commercial": 0, "research": 3, "social_welfare": 0, "legal_service": 0,
                   "other_org": 12, "total": 15}
    assert any(d["code"] == "read-by-identity" for d in result["diagnostics"])


def test_a_detector_grid_row_that_breaks_i1_or_holds_a_mark_stays_null():
    # a number the grid cut in two (1,03 | 8), a blank of the row's own: seven pieces that break I1
    result = _detector_three("|2．其他法律行政法规禁止公开||30|||||512|427|21|37|1,03|8|",
                             "|3．危及“三安全一稳定”||0||||0|0|—|0|0|0|",
                             "|4．保护第三方合法权益||1||||2|3|4|5|6|100|")
    table = result["applications"]
    for key in ("denied_prohibited_by_law", "denied_security_stability", "denied_third_party"):
        assert set(table[key].values()) == {None}, key


def test_inline_markup_in_a_markdown_cell_is_no_text():
    # pymupdf4llm sets text printed smaller as <sup>…</sup>: 总计 is still the header label
    values = ["1", "2", "0", "0", "3", "4", "5", "0", "0", "9", "0", "0", "6", "1", "7"]
    text = "\n".join([FOUR, "|行政复议|行政诉讼|", "|---|---|",
                      "|结果维持|结果纠正|其他结果|尚未审结|<sup>总计</sup>|", "|" + "|".join(values) + "|", FIVE]) + "\n"
    result = govparse.parse(text)
    assert result.to_dict()["review_litigation"]["review"]["total"] == 3
    assert not any(d.code == "unknown-row" for d in result.diagnostics)


def test_a_label_piece_with_wu_stays_text_and_values_with_wu_are_values():
    from govparse.values import Kind, kind_of

    assert kind_of("4．无") == Kind.TEXT  # 4．无 / 正当理由大量反复申请: a label broken after 无
    assert kind_of("30 无") == Kind.UNREADABLE and kind_of("无 0 5") == Kind.UNREADABLE


def test_a_row_that_fits_a_grid_which_ran_cells_together_but_breaks_i1_is_null():
    # pymupdf4llm: 12 cut in two by the grid (1|2), the row's blank column dropped: seven numbers that fit the
    # count and break I1, in a table that ran two cells into one (29 0) elsewhere
    result = _detector_three("|4．无正当理由大量反复申请|0|0|0|1|2|129943|129955||",
                             "|5．要求行政机关确认或重新出具已获取信息|0|0|0|29 0||0|29||")
    table = result["applications"]
    assert set(table["rejected_excessive"].values()) == {None}
    assert table["rejected_confirmation"]["total"] == 29
