"""govparse.rows and the table readers: rows by their labels, columns by the header, and
counting that never guesses. Each case is a small table as a real scrape prints it."""

import govparse
import pytest

from govparse.cells import Cell
from govparse.rows import HEADER_LINE, Columns, fit_cells, header_order, out_of_order

APPLICANTS = Columns(("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org",
                      "total"), (("LEGAL_PERSON", ("commercial", "research", "social_welfare", "legal_service",
                                                   "other_org")),))


def _cells(*texts):
    return tuple(Cell(t, i + 1, 1) for i, t in enumerate(texts))


def test_a_row_is_its_cells_or_the_padding_its_table_gives_it():
    assert [c.text for c in fit_cells(_cells("1", "2", "3"), 3)] == ["1", "2", "3"]
    assert [c.text for c in fit_cells(_cells("1", "", "3", "", ""), 3, room=5)] == ["1", "", "3"]
    # a table that pads no row: a blank cell after a full row is a blank value with a cell too many
    assert fit_cells(_cells("1", "", "3", ""), 3) is None
    # a table that pads its rows to five cells: a row of four is a cell short, whatever its blanks
    assert fit_cells(_cells("1", "3", "", ""), 3, room=5) is None
    assert fit_cells(_cells("1", "2", "3", "4", ""), 3, room=5) is None


def test_a_label_broken_over_cells_takes_no_padding_for_a_value():
    # a pipe table that pads every row with an empty cell: a row whose label is broken over two cells fills
    # the padding's column with it; with a value lost, its last cell (the padding) would pass for a blank
    # total and every value after the lost one stand a column left (other_org 7: the long run's delete-cell)
    rows = ["一、本年新收政府信息公开申请数量 | 1 | 2 | 0 | 0 | 0 | 0 | 3 | ||",
            "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||",
            "（四）无法提供 | 1．本机关不掌握相关政府信息 | 1 | 0 | 47 | 0 | 272 | 0 | 320 | |",
            "2．没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||",
            "（五）不予处理 | 1．信访举报 | 投诉类申请 | 30 | — | 0 | 0 | / | 7 | |",
            "2．重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||"]
    result = govparse.parse("\n".join(["三、收到和处理政府信息公开申请情况", *rows, "四、政府信息公开行政复议、行政诉讼情况"]))
    petition = result.applications.rejected_petition
    assert petition.other_org is None and petition.natural_person is None
    assert [d.code for d in result.diagnostics if d.row == "rejected_petition"] == ["cell-count"]
    assert result.applications.new_received.total == 3 and result.applications.rejected_duplicate.total == 0


@pytest.mark.parametrize("texts", [
    ("0", "0", "0", "0", "0", "0", "", "0"),  # a blank among seven values: stray, or a blank with one too many?
    ("1", "2", "3", "4", "5", "6"),  # one short
    tuple("12345678"),  # one too many
    ("", "1", "2"),  # a leading blank
])
def test_a_row_that_does_not_fit_is_never_guessed(texts):
    assert fit_cells(_cells(*texts), len(texts) - 1 if len(texts) in (3, 8) else 7) is None


def test_a_two_level_header_printed_line_by_line_places_the_columns():
    # 自然人 | 法人或其他组织 (five columns below it) | 总计, then the five: total printed before them
    header = ("APPLICANT_INFO", "NATURAL_PERSON", "LEGAL_PERSON", "TOTAL", "COMMERCIAL", "RESEARCH",
              "SOCIAL_WELFARE", "LEGAL_SERVICE", "OTHER_ORG")
    assert header_order(header, APPLICANTS) == APPLICANTS.keys


def test_a_header_in_another_order_gives_that_order():
    header = ("NATURAL_PERSON", "LEGAL_PERSON", "TOTAL", "SOCIAL_WELFARE", "RESEARCH", "COMMERCIAL",
              "LEGAL_SERVICE", "OTHER_ORG")
    assert header_order(header, APPLICANTS) == ("natural_person", "social_welfare", "research", "commercial",
                                                "legal_service", "other_org", "total")


def test_a_column_on_a_line_below_the_spanning_label_it_follows_gives_no_order():
    # PDF text of a real report (pypdf's layout mode): 自然人 and 总计, two header rows tall, centred below
    # 法人或其他组织; read line by line 自然人 follows the spanning label, and whether it stands left or right
    # of it the text does not say: the statutory order, not the five columns first (a silent swap of
    # natural_person and commercial before)
    header = ("APPLICANT_INFO", HEADER_LINE, "LEGAL_PERSON", HEADER_LINE, "NATURAL_PERSON", "SOCIAL_WELFARE",
              "LEGAL_SERVICE", "TOTAL", HEADER_LINE, "COMMERCIAL", "RESEARCH", "OTHER_ORG")
    assert header_order(header, APPLICANTS) is None
    # the same labels a line each (cell-per-line text) or on one line are the printed order
    one_a_line = ("LEGAL_PERSON", HEADER_LINE, "NATURAL_PERSON", HEADER_LINE, "TOTAL", HEADER_LINE, "COMMERCIAL",
                  HEADER_LINE, "RESEARCH", HEADER_LINE, "SOCIAL_WELFARE", HEADER_LINE, "LEGAL_SERVICE", HEADER_LINE,
                  "OTHER_ORG")
    expected = ("commercial", "research", "social_welfare", "legal_service", "other_org", "natural_person", "total")
    assert header_order(one_a_line, APPLICANTS) == expected
    assert header_order(tuple(t for t in one_a_line if t != HEADER_LINE), APPLICANTS) == expected
    # a column beside the spanning label on its line, before it, is placed by the header as printed
    header = ("NATURAL_PERSON", "LEGAL_PERSON", "TOTAL", HEADER_LINE, "SOCIAL_WELFARE", "RESEARCH", "COMMERCIAL",
              "LEGAL_SERVICE", "OTHER_ORG")
    assert header_order(header, APPLICANTS) == ("natural_person", "social_welfare", "research", "commercial",
                                                "legal_service", "other_org", "total")


def test_a_header_that_misses_a_column_gives_no_order():
    assert header_order(("NATURAL_PERSON", "COMMERCIAL", "TOTAL"), APPLICANTS) is None
    assert header_order((), APPLICANTS) is None


TABLE_TWO = """二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
{rows}
第二十条第（五）项
信息内容 | 本年处理决定数量 |
行政许可 | 12 |
第二十条第（六）项
信息内容 | 本年处理决定数量 |
行政处罚 | 30 |
行政强制 | 4 |
第二十条第（八）项
信息内容 | 本年收费金额（单位：万元） |
行政事业性收费 | 1.5 |
三、收到和处理政府信息公开申请情况
"""


def _table_two(rows: str, header: str = "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |"):
    text = TABLE_TWO.format(rows=rows).replace("信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |", header)
    result = govparse.parse(text)
    return result.to_dict()["active_disclosure"], result.diagnostics


def _codes(diagnostics):
    return {d.code for d in diagnostics}


def test_rows_swapped_are_read_by_their_labels():
    table, diagnostics = _table_two("行政规范性文件 | 4 | 5 | 6 |\n规章 | 1 | 2 | 3 |")
    assert table["regulations"] == {"issued": 1, "repealed": 2, "in_force": 3}
    assert table["normative_documents"] == {"issued": 4, "repealed": 5, "in_force": 6}
    assert "row-order" in _codes(diagnostics)


def test_two_rows_swapped_are_the_two_reported():
    # all but a longest run of rows in statutory order: the rows between two swapped ones are in order
    assert out_of_order(list("abkdefghijcl"), "abcdefghijkl") == {2, 10}
    assert len(out_of_order(list("bacd"), "abcd")) == 1  # one of a swapped pair, moved, restores the order
    assert out_of_order(list("aabbcd"), "abcd") == set()  # a row printed twice in a row is in order
    assert out_of_order(["x", "a", "b"], "ab") == set()  # a key the order does not know sorts first


def test_a_row_printed_twice_alike_is_read_once():
    table, diagnostics = _table_two("规章 | 1 | 2 | 3 |\n规章 | 1 | 2 | 3 |\n行政规范性文件 | 4 | 5 | 6 |")
    assert table["regulations"] == {"issued": 1, "repealed": 2, "in_force": 3}
    assert "duplicate-row" in _codes(diagnostics)


def test_a_row_printed_twice_differently_is_null_with_an_error():
    table, diagnostics = _table_two("规章 | 1 | 2 | 3 |\n规章 | 1 | 9 | 3 |\n行政规范性文件 | 4 | 5 | 6 |")
    assert table["regulations"] == {"issued": None, "repealed": None, "in_force": None}
    assert table["normative_documents"]["issued"] == 4
    assert any(d.code == "duplicate-row" and d.level == "error" and d.row == "regulations" for d in diagnostics)


def test_an_unknown_row_keeps_its_numbers():
    table, diagnostics = _table_two("规章 | |||\n小计 | 7 | 8 | 9 |\n行政规范性文件 | 4 | 5 | 6 |")
    assert table["regulations"] == {"issued": None, "repealed": None, "in_force": None}
    assert table["normative_documents"] == {"issued": 4, "repealed": 5, "in_force": 6}
    assert any(d.code == "unknown-row" and "小计" in d.message for d in diagnostics)


def test_columns_follow_the_header():
    table, diagnostics = _table_two("规章 | 3 | 1 | 2 |\n行政规范性文件 | 6 | 4 | 5 |",
                                    header="信息内容 | 现行有效件数 | 本年制发件数 | 本年废止件数 |")
    assert table["regulations"] == {"issued": 1, "repealed": 2, "in_force": 3}
    assert table["normative_documents"] == {"issued": 4, "repealed": 5, "in_force": 6}
    assert "column-order" in _codes(diagnostics)


def test_a_row_with_one_cell_too_many_is_null_with_its_line():
    table, diagnostics = _table_two("规章 | 1 | | 2 | 3 |\n行政规范性文件 | 4 | 5 | 6 |")
    assert table["regulations"] == {"issued": None, "repealed": None, "in_force": None}
    error = next(d for d in diagnostics if d.code == "cell-count")
    assert error.row == "regulations" and error.line == 4


def test_values_read_as_printed_or_null():
    table, diagnostics = _table_two("规章 | 12（件） | 约3 | -1 |\n行政规范性文件 | 4 | 5 | 6 |")
    assert table["regulations"] == {"issued": 12, "repealed": None, "in_force": None}
    assert {"unreadable-value", "negative-count"} <= _codes(diagnostics)


TABLE_FOUR = """四、政府信息公开行政复议、行政诉讼情况
{header}
{values}
五、存在的主要问题及改进情况
"""
OUTCOMES = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |"


def _table_four(header, values):
    result = govparse.parse(TABLE_FOUR.format(header=header, values=values))
    return result.to_dict()["review_litigation"], result.diagnostics


def test_table_four_columns_follow_the_header():
    header = f"行政复议 | 行政诉讼 |\n结果纠正 | 结果维持 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n" \
             f"{OUTCOMES} {OUTCOMES}"
    table, diagnostics = _table_four(header, "2 | 1 | 3 | 4 | 10 | 5 | 6 | 7 | 8 | 26 | 0 | 0 | 0 | 0 | 0 |")
    assert table["review"] == {"upheld": 1, "corrected": 2, "other": 3, "pending": 4, "total": 10}
    assert table["suit_direct"] == {"upheld": 5, "corrected": 6, "other": 7, "pending": 8, "total": 26}
    assert "column-order" in _codes(diagnostics)


def test_table_four_one_small_table_per_group():
    text = "\n".join(f"### {group}\n| {OUTCOMES}\n|---|---|---|---|---|\n| {values} |" for group, values in (
        ("行政复议", "1 | 0 | 0 | 0 | 1"), ("行政诉讼（未经复议直接起诉）", "2 | 0 | 0 | 0 | 2"),
        ("行政诉讼（复议后起诉）", "3 | 0 | 0 | 0 | 3")))
    table, _ = _table_four(text, "")
    assert [table[g]["total"] for g in ("review", "suit_direct", "suit_after_review")] == [1, 2, 3]


def _applications(rows, header="申请人情况 | 自然人 | 法人或其他组织 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |"):
    text = "三、收到和处理政府信息公开申请情况\n" + header + "\n" + "\n".join(
        label + " | " + " | ".join(map(str, values)) + " |" for label, values in rows) + "\n四、政府信息公开行政复议、行政诉讼情况\n"
    result = govparse.parse(text)
    return result.to_dict()["applications"], result.diagnostics


NEW, CARRIED, FORWARD = "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "四、结转下年度继续办理"


@pytest.mark.parametrize("at", [1, 6])
def test_a_subtotal_column_is_told_by_its_identity_and_kept_out(at):
    def row(natural, five, total):
        cells = [natural, *five, total]
        cells.insert(at, sum(five))
        return cells
    table, diagnostics = _applications([(NEW, row(5, [1, 2, 0, 0, 0], 8)), (CARRIED, [0] * 8),
                                        (FORWARD, row(1, [2, 0, 0, 0, 0], 3))])
    assert table["new_received"] == {"natural_person": 5, "commercial": 1, "research": 2, "social_welfare": 0,
                                     "legal_service": 0, "other_org": 0, "total": 8}
    assert table["carried_forward"]["commercial"] == 2
    assert any(d.code == "subtotal-column" and d.level == "info" for d in diagnostics)


def test_a_subtotal_that_could_stand_in_two_places_nulls_the_rows_it_changes():
    # 自然人 1, then 2 0 0 0 0 2: the 2s could each be the subtotal; the five differ by the choice
    table, diagnostics = _applications([(NEW, [1, 2, 0, 0, 0, 0, 2, 3]), (CARRIED, [0] * 8)])
    assert table["new_received"]["total"] is None
    assert table["carried_over"]["total"] == 0  # all zeros read the same either way
    assert any(d.code == "subtotal-column" and d.level == "error" for d in diagnostics)


def test_numbers_below_a_row_printed_blank_are_no_more_its_own():
    # 行政处罚 printed blank on its line, 行政强制's label lost on the next: its 7 is nobody's
    table, diagnostics = _table_two("规章 | 1 | 2 | 3 |\n行政规范性文件 | 4 | 5 | 6 |")
    text = TABLE_TWO.format(rows="规章 | 1 | 2 | 3 |\n行政规范性文件 | 4 | 5 | 6 |").replace(
        "行政处罚 | 30 |\n行政强制 | 4 |", "行政处罚 | |\n | 7 |")
    result = govparse.parse(text)
    disclosure = result.to_dict()["active_disclosure"]
    assert disclosure["punishment"]["decisions"] is None and disclosure["coercion"]["decisions"] is None
    assert any(d.code == "stray-values" for d in result.diagnostics)


def test_numbers_on_the_line_after_a_one_line_row_are_not_its_own():
    text = TABLE_TWO.format(rows="规章 | 1 | 2 | 3 |\n | 4 | 5 | 6 |")
    result = govparse.parse(text)
    disclosure = result.to_dict()["active_disclosure"]
    assert disclosure["regulations"] == {"issued": 1, "repealed": 2, "in_force": 3}
    assert disclosure["normative_documents"]["issued"] is None
    assert any(d.code == "stray-values" for d in result.diagnostics)


def test_a_two_level_header_that_lost_its_spanning_label_gives_no_order():
    # 自然人 总计 over the five without 法人或其他组织: read as one row it would put 总计 second
    header = ("NATURAL_PERSON", "TOTAL", "COMMERCIAL", "RESEARCH", "SOCIAL_WELFARE", "LEGAL_SERVICE", "OTHER_ORG")
    assert header_order(header, APPLICANTS) is None


LINEAR_TABLE_TWO = "\n".join(["二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数",
                              "现行有效件数", "规章", "{regulations}", "行政规范性文件", "{normative}", "第二十条第（五）项",
                              "信息内容", "本年处理决定数量", "行政许可", "12", "三、收到和处理政府信息公开申请情况", ""])


def _read_data(stem: str):
    """The parse of tests/data/``stem``.txt and its cells as a dict, having checked that no cell read differs
    from ``stem``.expected.json (a cell may be null; the test says which must be read)."""
    from test_layout_text import _every_cell

    result, read, _, wrong = _every_cell(stem)
    assert not wrong
    return result, read


def _linear_table_two(regulations, normative, normative_label="行政规范性文件"):
    text = LINEAR_TABLE_TWO.format(regulations="\n".join(regulations), normative="\n".join(normative))
    result = govparse.parse(text.replace("行政规范性文件", normative_label))
    return result.to_dict()["active_disclosure"], result.diagnostics


@pytest.mark.parametrize("label", ["", None])  # emptied (a blank cell where it stood), or taken out
def test_a_row_whose_label_is_lost_costs_no_neighbour(label):
    # a cell per line: 规章's three numbers, then 行政规范性文件's three with no label before them
    text = LINEAR_TABLE_TWO.format(regulations="1\n2\n3", normative="4\n5\n6")
    text = text.replace("行政规范性文件\n", "" if label is None else " \n")
    result = govparse.parse(text)
    table = result.to_dict()["active_disclosure"]
    assert table["regulations"] == {"issued": 1, "repealed": 2, "in_force": 3}
    assert table["normative_documents"] == {"issued": None, "repealed": None, "in_force": None}
    assert any(d.code == "lost-label" and d.row == "normative_documents" for d in result.diagnostics)


def test_numbers_after_a_row_are_set_aside_only_when_they_are_the_lost_rows_cells():
    # four numbers after 规章's three, and 行政规范性文件 (three columns) printed: a cell too many
    table, diagnostics = _linear_table_two(["1", "2", "3", "9"], ["4", "5", "6"])
    assert table["regulations"] == {"issued": None, "repealed": None, "in_force": None}
    assert table["normative_documents"] == {"issued": 4, "repealed": 5, "in_force": 6}
    assert any(d.code == "cell-count" and d.row == "regulations" for d in diagnostics)


def test_a_doubled_cell_before_a_blank_one_is_never_read_as_padding():
    # 0 0 (blank) with the first 0 printed twice: 0 0 0 (blank), which would read in_force 0
    table, diagnostics = _linear_table_two(["0", "0", "0", ""], ["4", "5", "6"])
    assert table["regulations"] == {"issued": None, "repealed": None, "in_force": None}
    assert any(d.code == "cell-count" and d.level == "error" and d.row == "regulations" for d in diagnostics)


MARKDOWN_TABLE_TWO = """二、主动公开政府信息情况
| 第二十条第（一）项 |  |  |  |
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 1 | 2 | 3 |
| 行政规范性文件 | 4 | 5 | 6 |
| 第二十条第（五）项 |  |  |  |
| 信息内容 | 本年处理决定数量 |  |  |
| 行政许可 | {licensing} |
| 第二十条第（六）项 |  |  |  |
| 信息内容 | 本年处理决定数量 |  |  |
| 行政处罚 | 30 |  |  |
| 行政强制 | 4 |  |  |
三、收到和处理政府信息公开申请情况
"""


def test_cells_too_many_on_a_rows_own_line_are_never_a_lost_rows():
    # 规章 printed with a blank cell before each value (a PDF whose cells are drawn apart, read with
    # thin empty columns between them) and 行政规范性文件 not in the table: the three cells after the
    # first three are on 规章's own line, so they are no lost row's, and ∅ 1 ∅ is not 规章's row
    text = MARKDOWN_TABLE_TWO.format(licensing="7 |  |  ").replace("| 规章 | 1 | 2 | 3 |", "| 规章 |  | 1 |  | 2 |  | 3 |")
    result = govparse.parse(text.replace("| 行政规范性文件 | 4 | 5 | 6 |\n", ""))
    table = result.to_dict()["active_disclosure"]
    assert table["regulations"] == {"issued": None, "repealed": None, "in_force": None}
    assert any(d.code == "cell-count" and d.row == "regulations" and d.line == 4 for d in result.diagnostics)
    assert not any(d.code == "lost-label" for d in result.diagnostics)


def test_a_padded_row_a_cell_short_is_null_with_its_line():
    # a markdown table pads every row to four cells: 行政许可 | (blank) | (blank) is a cell short, and which
    # of its blanks is padding and which the value (blank, or lost) no count tells
    result = govparse.parse(MARKDOWN_TABLE_TWO.format(licensing=" |  "))
    table = result.to_dict()["active_disclosure"]
    assert table["licensing"]["decisions"] is None
    assert table["punishment"]["decisions"] == 30
    error = next(d for d in result.diagnostics if d.code == "cell-count")
    assert error.row == "licensing" and error.line == 8 and error.level == "error"
    full = govparse.parse(MARKDOWN_TABLE_TWO.format(licensing="7 |  |  ")).to_dict()["active_disclosure"]
    assert full["licensing"]["decisions"] == 7


def test_blanks_after_values_none_blank_or_twice_are_padding_whatever_the_count():
    # 行政许可 | 7 | (blank), a cell short of the table's padding: a blank after values none of which is blank
    # or printed twice cannot be one of them
    text = MARKDOWN_TABLE_TWO.format(licensing="7 |  ")
    result = govparse.parse(text)
    table = result.to_dict()["active_disclosure"]
    assert table["licensing"]["decisions"] == 7 and table["punishment"]["decisions"] == 30
    warned = [d for d in result.diagnostics if d.code == "stray-empty-cell"]
    assert warned and all(d.level == "warning" and d.row in ("licensing", "punishment") for d in warned)
    assert not any(d.code == "cell-count" for d in result.diagnostics)


def test_blanks_after_a_value_printed_twice_are_not_read_as_padding():
    # 行政处罚 | 30 | 30 | (blank) in a table that does not pad: a 30 printed twice before a blank value, or
    # 30 and 30 before a stray blank: no count tells, so the row is null with its line
    text = MARKDOWN_TABLE_TWO.format(licensing="7 |  |  ").replace("| 行政处罚 | 30 |  |  |", "| 行政处罚 | 30 | 30 |  |")
    result = govparse.parse(text)
    assert result.to_dict()["active_disclosure"]["punishment"]["decisions"] is None
    assert any(d.code == "cell-count" and d.row == "punishment" and d.level == "error" for d in result.diagnostics)


@pytest.mark.parametrize("joined", ["1 / 0", "— 1", "13 13"])
def test_a_cell_holding_several_values_nulls_its_row_only(joined):
    """A converter that misplaces columns (markitdown's PDF tables) puts two values in one cell and leaves
    another blank: the row has as many cells as columns, but which value is whose is lost."""
    table, diagnostics = _applications([(NEW, ["", "", 0, 0, 0, joined, 0]), (CARRIED, [1, 0, 0, 0, 0, 0, 1])])
    assert set(table["new_received"].values()) == {None}
    assert table["carried_over"]["total"] == 1
    assert any(d.code == "cell-count" and d.row == "new_received" and "several values" in d.message
               for d in diagnostics)


def test_blanks_are_not_placed_in_a_table_whose_writer_ran_cells_together():
    """pymupdf4llm finds a PDF table's columns itself: where it put two values in one cell (0<br>0), it may
    also have dropped a blank cell in another row and padded that row at its end (12 0 0 0 0 12 _ for
    12 0 0 0 _ 0 12): a row with blanks is not read in such a table; full rows are."""
    table, diagnostics = _applications([(NEW, [12, 0, 0, 0, 0, 12, ""]), (CARRIED, [1, 0, 0, 0, 0, 0, 1]),
                                        ("（一）予以公开", [0, 0, 0, 0, "0 0", 0])])
    assert set(table["new_received"].values()) == {None}
    assert table["carried_over"]["total"] == 1
    assert any(d.code == "cell-count" and d.row == "new_received" and "ran cells together" in d.message
               for d in diagnostics)
    alone, _ = _applications([(NEW, [12, 0, 0, 0, 0, 12, ""]), (CARRIED, [1, 0, 0, 0, 0, 0, 1])])
    assert alone["new_received"]["other_org"] == 12  # nothing says the blank moved: as printed, with a warning


def test_values_after_a_column_of_labels_go_to_no_row():
    """pdfminer.six writes a PDF table's label column as one block of text boxes and the numbers in others:
    the numbers after the column's last label are not that label's (here 0 0 0 0 0 0 0 after 1．属于国家秘密,
    whose own row is 0 0 0 0 561 0 561). They go to no row, with a warning; none is a wrong number."""
    from pathlib import Path
    fixture = Path(__file__).resolve().parent.parent / "corpus" / "tools" / "pdfminer--2021-clean.txt"
    result = govparse.parse(fixture.read_bytes())
    assert set(result.to_dict()["applications"]["denied_state_secret"].values()) == {None}
    assert any(d.code == "reading-order" and "labels or pieces of labels printed one after another" in d.message
               for d in result.diagnostics)
    # a column of row labels: the numbers after any label of the table need not be its own
    assert any(d.code == "reading-order" and "labels stand in a column of their own" in d.message
               for d in result.diagnostics)
    assert all(value is None for row in result.to_dict()["applications"].values() for value in row.values())


def test_cells_run_together_are_read_apart_when_they_fill_every_column():
    """pymupdf4llm runs neighbouring cells into one (0<br>20, 15<br>0<br>0): where the row then holds
    exactly as many values as columns, with only blank padding after them, each column has its value in
    the printed order; with a blank among them, which column is blank is lost."""
    table, diagnostics = _applications([(NEW, [0, 0, "20 0", 0, 0, 20, ""]), (CARRIED, [1, 0, 0, 0, 0, 0, 1]),
                                        ("（一）予以公开", ["", 0, "3 0", 0, 0, 3])])
    assert table["new_received"] == {"natural_person": 0, "commercial": 0, "research": 20, "social_welfare": 0,
                                     "legal_service": 0, "other_org": 0, "total": 20}
    assert any(d.code == "merged-cells" and d.row == "new_received" for d in diagnostics)
    assert set(table["granted"].values()) == {None}  # a blank before its values


def test_table_four_cells_holding_several_values_are_read_apart_or_null():
    """PyMuPDF runs table 四's narrow cells together on a line (93224 93224 0): fifteen values read apart
    fill the columns in printed order; any other count is null, never fifteen cells with one unreadable."""
    header = f"行政复议 | 未经复议直接起诉 | 复议后起诉 |\n{OUTCOMES} {OUTCOMES} {OUTCOMES}"
    table, diagnostics = _table_four(header, "0 | 0 | 0 | 93224 93224 0 | 552 | 25 | 0 | 577 | 1 | 0 | 0 | 0 | 1 |")
    assert table["review"] == {"upheld": 0, "corrected": 0, "other": 0, "pending": 93224, "total": 93224}
    assert table["suit_after_review"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
    assert "merged-cells" in _codes(diagnostics)
    # 107120 wrapped in its cell as 10712 / 0: seventeen values, none placed
    table, diagnostics = _table_four(header, "0 | 0 | 0 | 93224 93224 0 | 552 | 25 | 0 | 577 | 10712 0 | 0 | 0 | 0 | 10712 0 |")
    assert all(value is None for group in table.values() for value in group.values())
    assert "cell-count" in _codes(diagnostics)


def test_a_repeated_digit_cut_in_two_is_not_shown_by_i1_alone():
    """Text placed by x: a row short of a cell may have lost a blank (0 0 0 0 0 _ 22), and 22 cut as 2|2 meets
    I1 whatever the row was; a longer number cut into two equal halves (764764) rarely does by chance."""
    from govparse.digits import Constraint
    from govparse.rows import shown_by

    i1 = [Constraint(plus=(6,), minus=(0, 1, 2, 3, 4, 5))]
    zeros = ("0",) * 5
    assert not shown_by(i1, (0, 0, 0, 0, 0, 2, 2), zeros + ("2", "2"), zeros + ("22",))
    assert shown_by(i1, (0, 0, 0, 0, 0, 2, 2), zeros + ("2", "2"), zeros + ("2", "2"))  # printed apart
    assert shown_by(i1, (0, 0, 0, 0, 0, 764, 764), zeros + ("764", "764"), zeros + ("764764",))
    assert shown_by(i1, (0, 0, 1, 0, 0, 1, 2), ("0", "0", "1", "0", "0", "1", "2"), ("0", "0", "1", "0", "0", "12"))


def test_x_positioned_row_short_of_its_blank_reads_no_number_from_a_repeated_digit():
    # pdftotext -layout of a held-out report (3505, 2021 blank cells): （一）予以公开 0 0 0 0 0 _ 22
    result, read = _read_data("pdftotext-layout-blank-before-repeated-digit-total")
    assert read["applications"]["granted"]["total"] is None
    assert any(d.code == "ambiguous-digits" and d.row == "granted" for d in result.diagnostics)


def test_detector_grid_rows_short_of_a_blank_read_by_the_cells_of_their_tables_full_rows():
    # markitdown's PDF of a held-out report (3310, 2021 blank cells): a blank cell prints nothing, the row is a
    # value short, and its cells hold the columns the table's full rows of that shape show them holding
    result, read = _read_data("markitdown-pdf-blanks-in-grid-cells")
    table = read["applications"]
    # | （二）部分公开… | | | | 0 0 | 0 0 | 0 0 |: the first value's cell empty, its column blank, the others read
    assert list(table["partially_granted"].values()) == [None, 0, 0, 0, 0, 0, 0]
    # | 2．其他法律… | | | 0 | | 0 | 0 | 19 0 0 |: three values in the cell that holds four: those four are null
    assert list(table["denied_prohibited_by_law"].values()) == [0, 0, 0, None, None, None, None]
    # a markdown table of its own (（六）其他处理 and its label's lines around it) draws a grid of its own: its row
    # is not read by the cells of another table's rows (there its values stand a cell further right)
    assert all(value is None for value in table["other_no_correction"].values())
    codes = {(d.code, d.row) for d in result.diagnostics}
    assert ("read-by-groups", "denied_prohibited_by_law") in codes and ("read-by-groups", "other_no_correction") not in codes


def test_detector_grid_cells_holding_more_values_than_the_full_rows_are_not_read_by_groups():
    from govparse.cells import Cell
    from govparse.lexer import TableToken
    from govparse.rows import Columns, Events, Printed, _by_groups, _CountsProve
    from govparse.diagnostics import Diagnostics

    keys = tuple("abcde")
    columns = {key: Columns(keys, ()) for key in ("r1", "r2", "r3")}

    def printed(key: str, line: int, texts: list[str]) -> Printed:
        label = TableToken("LABEL", (Cell(key, line, 1),))
        return Printed(key, label, TableToken("VALUES", tuple(Cell(text, line, 10 + 5 * at)
                                                               for at, text in enumerate(texts))), (), False)

    rows = [printed("r1", 1, ["1", "2 3", "4 5"]), printed("r2", 2, ["6", "7 8", "9 10"]),
            printed("r3", 3, ["1", "2", "4 5"])]
    events = Events("applications", Diagnostics())
    counts = _CountsProve(rows, columns, (1,))
    found = _by_groups("r3", rows[2].values.cells, rows[2].label, 5, counts, events)
    assert [cell.text for cell in found] == ["1", "", "", "4", "5"]
    short = printed("r3", 3, ["1 2", "3", "4"])  # a cell holding more than in the full rows: another grid
    assert _by_groups("r3", short.values.cells, short.label, 5, counts, events) is None
    alone = _CountsProve(rows[:1] + rows[2:], columns, (1,))  # one full row shows no grid
    assert _by_groups("r3", rows[2].values.cells, rows[2].label, 5, alone, events) is None
    # a grid that cut a number in two somewhere (111 | 05 for 11105) could have cut one whose tail fills the
    # cell of a blank, the count right: no row of the table is read by its cells
    columns["r4"] = columns["r1"]
    cutting = _CountsProve(rows + [printed("r4", 4, ["111", "05 1", "2 3"])], columns, (1,))
    assert _by_groups("r3", rows[2].values.cells, rows[2].label, 5, cutting, events) is None


def test_detector_grid_row_with_a_value_in_its_label_cell_is_not_read_by_groups():
    # pymupdf4llm of a held-out report (5002, 2019 null marks): |2．没有现成信息需要另行 制作<br>2|13|28|14|110|11|0||,
    # the row's first value in its label's cell and the others a cell further left than in the rows whose label
    # cell holds none (|（三）不予公开<br>1．属于国家秘密|0|0|0|15|0|12|14|): read by those rows' cells, 13 would be
    # the first column's and the total blank
    result, read = _read_data("pymupdf4llm-value-in-label-cell")
    assert all(value is None for value in read["applications"]["unable_needs_creation"].values())
    assert list(read["applications"]["denied_state_secret"].values()) == [0, 0, 0, 15, 0, 12, 14]  # by groups
