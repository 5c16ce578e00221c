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
