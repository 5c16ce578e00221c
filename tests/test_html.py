"""HTML pages: read with a real parser into the same cells as scraped text."""

from decimal import Decimal
from pathlib import Path

import govparse
from govparse.html import html_to_lines, looks_like_html

PAGE = Path(__file__).parent / "data" / "html_rowspan.html"


def test_page_with_rowspan_colspan_nbsp_and_br():
    result = govparse.parse_file(PAGE)
    assert result.layout == "html"
    table = result.active_disclosure
    assert table.normative_documents.repealed is None  # &nbsp;
    assert table.licensing.decisions == 1204
    assert table.coercion.decisions is None  # —
    assert table.fees.amount_wan == Decimal("12.5")
    apps = result.applications
    assert apps.new_received.commercial == 1  # 商业<br>企业 header, rowspan group labels
    assert apps.unable_not_held.total == 2
    assert result.review_litigation.suit_after_review.corrected == 1
    assert not result.findings
    assert result.meta.published == "2024-01-30"


def test_values_point_at_the_page_line():
    result = govparse.parse_file(PAGE)
    lines = PAGE.read_text(encoding="utf-8").split("\n")
    line, _ = result.source_of("applications", "new_received", "total")
    assert "一、本年新收政府信息公开申请数量" in lines[line - 1]


def test_script_text_is_not_a_heading():
    lines, _ = html_to_lines(PAGE.read_text(encoding="utf-8"))
    assert not any("var x" in line for line in lines)


def test_plain_text_is_not_html():
    assert not looks_like_html("二、主动公开政府信息情况\n规章 | 0 |")
    assert looks_like_html("<p>二、主动公开</p>")


def test_broken_markup_still_gives_a_result():
    result = govparse.parse("<table><tr><td>规章<td>0</table></p></div><<<>>")
    assert result.to_dict()["diagnostics"]


def test_a_nested_table_is_text_of_its_cell():
    page = ("<table>\n<tr><td>外<table><tr><td>内1</td><td>内2</td></tr></table>层</td><td>9</td></tr>\n"
            "<tr><td>规章</td><td>1</td></tr>\n</table>")
    assert html_to_lines(page) == (["外内1内2层\t9", "规章\t1"], [2, 3])


def test_cells_are_the_td_and_th_children_of_a_row():
    page = "<table><td>孤</td><tr><div><td>藏</td></div><td>行</td><th>头</th><TD>大</TD></tr></table>"
    assert html_to_lines(page) == (["行\t头\t大"], [1])


def test_cell_text_joins_markup_and_folds_every_space():
    page = ("<table><tr><td>结果<br>维持</td><td><span>1</span><!-- 注 -->2</td>"
            "<td>\u3000&nbsp;3\t4\n5 </td><td></td></tr>"
            "<tr><td> </td><td>&nbsp;</td></tr></table>")  # a row of blank cells gives no line
    assert html_to_lines(page) == (["结果维持\t12\t3 4 5\t"], [1])


def test_text_around_blocks_and_tables_keeps_its_element_line():
    page = ("<p>一、总体情况</p>\n<div>甲<b>乙</b>\n丙<p>丁</p>戊</div>\n"
            "<table>\n<tr>\n<td>a</td>\n</tr>\n</table>尾巴\n<p>完</p>")
    # text after an element is numbered with that element's opening line
    assert html_to_lines(page) == (["一、总体情况", "甲乙 丙", "丁", "戊", "a", "尾巴", "完"], [1, 2, 3, 3, 5, 4, 9])


def test_only_the_space_is_printable_white_space():
    # html._clean takes printable text without runs of spaces as clean already
    assert [c for c in range(0x110000) if chr(c).isspace() and chr(c).isprintable()] == [0x20]


def test_blank_lines_in_loose_text_part_paragraphs():
    # markdown or plain text around raw HTML tables (pandoc's gfm, CMS exports): the title line must
    # stay a line of its own, not run into the lines after it; a single line break still folds
    page = ("# 某县人民政府2023年政府信息公开工作年度报告\n\n来源：某县人民政府\n发布时间：2024-01-19\n\n"
            "一、总体情况\n\n<table><tr><td>规章</td><td>1</td></tr></table>\n")
    assert html_to_lines(page) == (["# 某县人民政府2023年政府信息公开工作年度报告", "来源：某县人民政府 发布时间：2024-01-19",
                                    "一、总体情况", "规章\t1"], [1, 3, 6, 8])
    assert govparse.parse(page).meta.agency == "某县人民政府"


def test_a_no_break_space_alone_between_line_breaks_is_a_line_of_its_own():
    # pdftohtml writes a PDF's blank cell holding a no-break space as a line of it alone: the blank's only trace
    page = "<html><body><p>0<br/>\n0<br/>\n\u00a0<br/>\n70269<br/>\n</p><p>&nbsp;</p><p>end\n<br/>\n</p></body></html>"
    lines, numbers = html_to_lines(page)
    assert lines == ["0", "0", "\u00a0", "70269", "end"]  # a spacer paragraph, or a plain line end, is no line
    assert numbers[2] == 3


def test_pdftohtml_blank_cell_keeps_its_column():
    # pdftohtml's text of a table 三 row with a blank cell: 0 / 0 / 0 / 0&#160;0 / (no-break space) / 70269
    fixture = Path(__file__).parent.parent / "corpus" / "tools" / "pdftohtml--2021-blank-cells.txt"
    row_read = govparse.parse(fixture.read_text(encoding="utf-8")).to_dict()["applications"]["denied_third_party"]
    assert row_read == {"natural_person": 0, "commercial": 0, "research": 0, "social_welfare": 0,
                        "legal_service": 0, "other_org": None, "total": 70269}
