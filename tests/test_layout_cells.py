import pytest

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


def test_markdown_rows_with_a_rule_line():
    from govparse.layout import MARKDOWN
    layout, cells = _read("| 信息内容 | 本年制发件数 |\n|---|:---:|\n| 规章 | 0 |\n| 行政许可 | |\n")
    assert (layout.format, layout.style) == (PIPE_DELIMITED, MARKDOWN)
    assert cells == ["信息内容", "本年制发件数", "规章", "0", "行政许可", ""]


def test_markdown_line_breaks_in_cells_join_a_label_and_keep_numbers_apart():
    """pymupdf4llm and markitdown print a line break inside a cell as <br>: a label's wrapped pieces are one
    label, and two numbers a tool put in one cell stay two (a row that holds them cannot be counted)."""
    from govparse.layout import MARKDOWN
    layout, cells = _read("| 信息内容 | 本年制发件数 |\n|---|---|\n| 法律服务机<br>构 | 0<br>6 |\n| 社会公<BR/>益组织 | 3 <br /> |\n")
    assert (layout.format, layout.style) == (PIPE_DELIMITED, MARKDOWN)
    assert cells == ["信息内容", "本年制发件数", "法律服务机构", "0 6", "社会公益组织", "3"]
    # a number wrapped inside a thousands group (65,06<br>9) is one number
    assert _read("| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 65,06<br>9 |\n")[1][-1] == "65,069"


def test_tab_separated_rows():
    from govparse.layout import TAB_DELIMITED
    layout, cells = _read("规章\t0\t1\t2\n行政许可\t\t5\n说明\n")
    assert layout.format == TAB_DELIMITED
    assert cells == ["规章", "0", "1", "2", "行政许可", "", "5", "说明"]


def test_space_separated_rows_split_labels_into_words():
    from govparse.layout import SPACE_DELIMITED
    layout, cells = _read("商业 企业  科研机构\n规章 0 1 2\n行政许可   12,251\n")
    assert layout.format == SPACE_DELIMITED
    assert cells == ["商业", "企业", "科研机构", "规章", "0", "1", "2", "行政许可", "12,251"]


@pytest.mark.parametrize("number, perturbations", [
    (2212, ("split-header", "thousands", "stray-cells", "prose")),  # table 四, after the others
    (13732, ("split-header", "spaces", "full-width")),  # table 二, before the others
])
def test_short_table_takes_the_format_of_the_reports_other_tables(number, perturbations):
    """Found by the benchmark corpus (seed 1): a space-separated table whose header is broken
    over many lines shows too few rows to look space-separated on its own."""
    import random

    import govparse
    from govparse.render import LAYOUT_BY_NAME, random_report, render

    rng = random.Random(f"govparse-bench-1-{number}")
    report = random_report(rng, consistent=rng.random() < 0.8)
    text = render(report, LAYOUT_BY_NAME["space-delimited/row-per-line"], perturbations, seed=number)
    result = govparse.parse(text)
    assert result.layout == "space-delimited"
    assert result.active_disclosure == report.active_disclosure
    assert result.review_litigation == report.review_litigation


def test_rows_apart_by_empty_lines_with_blank_cells_as_white_space():
    # BeautifulSoup's get_text("\n"): a cell per line, an empty line after each row, a blank
    # cell a line holding a no-break space; the empty line under table 四's header is no cell.
    import govparse

    rows = ["一、本年新收政府信息公开申请数量", "1", "\u00a0", "0", "0", "0", "0", "1", "",
            "二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0", "",
            "四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0", ""]
    header = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3
    text = "\n".join(["三、收到和处理政府信息公开申请情况", "", "申请人情况", "自然人", "法人或其他组织", "总计", "",
                      *rows, "四、政府信息公开行政复议、行政诉讼情况", "", "行政复议", "行政诉讼", "",
                      *header, "", "", *[str(n) for n in range(15)], "", "五、存在的主要问题及改进情况"])
    result = govparse.parse(text)
    assert result.traces["applications"].layout.style == "rows-apart"
    applications = result.to_dict()["applications"]
    assert applications["new_received"] == {"natural_person": 1, "commercial": None, "research": 0,
                                            "social_welfare": 0, "legal_service": 0, "other_org": 0, "total": 1}
    assert result.to_dict()["review_litigation"]["review"]["upheld"] == 0
    assert result.to_dict()["review_litigation"]["suit_after_review"]["total"] == 14
