from govparse.cells import Cell
from govparse.grammar import VALUES, load
from govparse.lexer import Labels, lex


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
    lexed = lex(_cells("规章", "", "0", "", "1", "说明文字", "2", "", "", "行政许可", ""),
                labels("active_disclosure_2021"))
    assert lexed.types == ("REGULATIONS", VALUES, "LICENSING")
    assert [c.text for c in lexed.tokens[1].cells] == ["", "0", "", "1", "2", "", ""]
    assert [c.text for c in lexed.unmatched] == ["说明文字"]
