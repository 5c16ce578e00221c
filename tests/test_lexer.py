from govparse.cells import Cell
from govparse.grammar import UNKNOWN, VALUES, load
from govparse.lexer import Labels, lex, spellings
from govparse.normalize import translate


def _cells(*texts):
    return [Cell(t, i + 1, 1) for i, t in enumerate(texts)]


def labels(name):
    return Labels(load(name))


def test_labels_match_in_compact_form_with_or_without_enumerator():
    table = labels("applications_2021")
    assert table.lookup("（一）予以公开") == "GRANTED"
    assert table.lookup("(一) 予以公开") == "GRANTED"
    assert table.lookup("予以公开") == "GRANTED"
    assert table.lookup("3.危及“三安全一稳定”") == "DENIED_SECURITY_STABILITY"
    assert table.lookup("（二）部分公开（区分处理的，只计这一情况，不计其他情况）") == "PARTIALLY_GRANTED"
    # "其他" is a column; "3.其他" is a row; the bare word stays the column
    assert table.lookup("其他") == "OTHER_ORG"
    assert table.lookup("3.其他") == "OTHER_MISC"
    assert table.lookup("（七）总计") == "TOTAL_PROCESSED"
    assert table.lookup("总计") == "TOTAL"
    assert table.lookup("本年度工作") is None


def test_variant_labels_of_table_two():
    table = labels("active_disclosure_2021")
    assert table.lookup("规范性文件") == table.lookup("行政规范性文件") == "NORMATIVE_DOCUMENTS"
    assert table.lookup("第二十条 第(一)项") == "ITEM_1"
    assert table.lookup("本年收费金额(单位:万元)") == "AMOUNT_WAN"


def test_labels_broken_across_cells_are_joined():
    lexed = lex(_cells("结果", "维持", "其他", "结果", "尚未", "审结", "总计", "0"), labels("review_litigation"))
    assert lexed.types == ("UPHELD", "OTHER", "PENDING", "TOTAL", VALUES)
    assert [t.text for t in lexed.joined] == ["结果 维持", "其他 结果", "尚未 审结"]


def test_value_runs_are_one_token_and_blank_runs_are_layout():
    lexed = lex(_cells("规章", "", "0", "", "1", "2", "", "", "行政许可", ""),
                labels("active_disclosure_2021"))
    assert lexed.types == ("REGULATIONS", VALUES, "LICENSING")
    assert [c.text for c in lexed.tokens[1].cells] == ["", "0", "", "1", "2", "", ""]


def test_text_that_names_no_label_keeps_the_numbers_after_it():
    # 小计 is no row: its numbers are its own, not more values of 规章
    lexed = lex(_cells("规章", "0", "1", "小计", "2", "3", "行政许可", "4"), labels("active_disclosure_2021"))
    assert lexed.types == ("REGULATIONS", VALUES, UNKNOWN, VALUES, "LICENSING", VALUES)
    assert [c.text for c in lexed.tokens[3].cells] == ["2", "3"]
    assert [c.text for c in lexed.unmatched] == ["小计"]


def test_spanned_column_pipes_after_a_label_are_not_values():
    # 总计 | |||||  then a row of numbers: the five empty cells pad the header row.
    cells = [Cell("总计", 1, 1), *(Cell("", 1, 5 + i) for i in range(5)),
             Cell("", 2, 1), Cell("7", 3, 1)]
    lexed = lex(cells, labels("review_litigation"))
    assert lexed.types == ("TOTAL", VALUES)
    assert [c.text for c in lexed.tokens[1].cells] == ["", "7"]  # the blank alone on its line is a cell


def test_labels_match_as_traditional_pages_give_them_back():
    # s2t writes 反复 as 反覆, and 覆 is simplified already: the label must still be found.
    assert labels("applications_2021").lookup(translate("4．無正當理由大量反覆申請")) == "REJECTED_EXCESSIVE"


def test_a_label_piece_that_reads_as_a_null_mark_is_joined():
    lexed = lex(_cells("1．申请人", "无", "正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "0", "行政许可", "无"),
                labels("applications_2021"))
    assert lexed.types[0] == "OTHER_NO_CORRECTION"
    assert [t.text for t in lexed.joined] == ["1．申请人 无 正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]
    lexed = lex(_cells("行政规范性文件", "——", "0", "0"), labels("active_disclosure_2021"))
    assert [t.text for t in lexed.tokens] == ["行政规范性文件", "—— 0 0"]


def test_label_patterns_are_spelled_out_for_lookup():
    assert set(spellings("(行政)?规范性文件")) == {"规范性文件", "行政规范性文件"}
    assert len(spellings("部分公开(区分处理的只计这一情[形况]不计其他情[形况])?")) == 5
    assert spellings("申请.*") is None  # endless: stays a pattern
    table = labels("active_disclosure_2021")
    assert not table.patterns
    assert table.lookup("行政规范性文件") == table.lookup("规范性文件") == "NORMATIVE_DOCUMENTS"


def test_a_join_grows_only_while_it_can_still_name_a_label():
    table = labels("review_litigation")
    assert table.may_grow("结果")  # 结果 / 维持 …
    assert table.may_grow("一")  # an enumerator alone
    assert not table.may_grow("予以公开")  # a label of another table
    # 结果 joins the 维持 below it, but a complete label is not joined to the next one
    tokens = lex(_cells("结果", "维持", "尚未审结", "总计"), table).tokens
    assert [t.type for t in tokens][:1] == [labels("review_litigation").lookup("结果维持")]
    assert [len(t.cells) for t in tokens] == [2, 1, 1]


def test_labels_one_space_apart_in_one_cell_are_each_a_token():
    # pdftotext -layout keeps words a single space apart in one cell: 尚未审结 总计
    lexed = lex(_cells("结果维持", "尚未审结 总计", "0"), labels("review_litigation"))
    assert lexed.types == ("UPHELD", "PENDING", "TOTAL", VALUES)
    assert [(cell.text, cell.column) for token in lexed.tokens[1:3] for cell in token.cells] == [("尚未审结", 1),
                                                                                                ("总计", 6)]
    # not where a word names no label (a note), nor for a word in brackets
    assert lex(_cells("尚未审结 合计", "0"), labels("review_litigation")).types == (UNKNOWN, VALUES)


def test_a_pad_line_after_a_caption_stays_with_it():
    # a cell-per-line scrape writes a caption's spanned columns as a line of pipes (第二十条第（一）项 | / |||):
    # kept with the caption, they show how wide the table's rows are; after a row label they are not its
    cells = [Cell("第二十条第（一）项", 1, 1), Cell("", 2, 1), Cell("", 2, 2), Cell("", 2, 3), Cell("信息内容", 3, 1)]
    lexed = lex(cells, labels("active_disclosure_2019"))
    assert lexed.types == ("ITEM_1", "INFO_CONTENT") and len(lexed.tokens[0].cells) == 4
    cells = [Cell("规章", 1, 1), Cell("", 2, 1), Cell("", 2, 2), Cell("0", 3, 1)]
    lexed = lex(cells, labels("active_disclosure_2019"))
    assert lexed.types == ("REGULATIONS", VALUES) and len(lexed.tokens[0].cells) == 1


def test_a_row_label_with_its_first_value_run_on_is_split():
    # PyMuPDF's get_text() runs a row's label and its first value together (行政规范性文件26, 行政事业性收费0)
    lexed = lex(_cells("规章", "15", "0", "0", "行政规范性文件26", "10", "19", "第二十条第（八）项", "行政事业性收费6632.1752"),
                labels("active_disclosure_2021"))
    assert lexed.types == ("REGULATIONS", VALUES, "NORMATIVE_DOCUMENTS", VALUES, "ITEM_8", "FEES", VALUES)
    assert [c.text for c in lexed.tokens[3].cells] == ["26", "10", "19"]
    assert lexed.tokens[3].cells[0].column == 8  # where the value stands in its line
    assert lexed.tokens[6].cells[0].text == "6632.1752"
    # text that is no row label keeps its digits (a note, a caption, a heading with a year)
    assert lex(_cells("本年度2023", "1"), labels("active_disclosure_2021")).types == (UNKNOWN, VALUES)
