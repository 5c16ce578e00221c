from govparse.meta import read_meta
from govparse.normalize import Document
from govparse.sections import locate_sections


def _meta(text):
    doc = Document(text)
    return read_meta(doc, locate_sections(doc)[0])


def test_title_gives_agency_and_year():
    meta = _meta("某某县人民政府2023年政府信息公开工作年度报告\n发布时间：2024-01-19 10:00\n一、总体情况\n正文")
    assert (meta.agency, meta.year, meta.published) == ("某某县人民政府", 2023, "2024-01-19")


def test_year_first_title():
    meta = _meta("2022年度某某市统计局政府信息公开工作年度报告\n一、总体情况\n")
    assert (meta.agency, meta.year) == ("某某市统计局", 2022)


def test_without_title_the_signature_and_section_one_speak():
    meta = _meta("一、总体情况\n2022年,某镇做了工作。\n六、其他需要报告的事项\n无\n某镇人民政府\n2023年1月5日")
    assert meta.title is None
    assert (meta.agency, meta.year, meta.published) == ("某镇人民政府", 2022, "2023-01-05")


def test_nothing_to_find():
    meta = _meta("")
    assert (meta.title, meta.agency, meta.year, meta.published) == (None, None, None, None)


def test_date_on_a_long_line_near_the_top():
    # past the length the standard re is given, the timed regex pattern reads it
    line = "来源：某县人民政府 发布时间：2024-01-19 " + "正文" * 400
    meta = _meta(f"某县人民政府2023年政府信息公开工作年度报告\n{line}\n一、总体情况\n")
    assert meta.published == "2024-01-19"


def test_date_lines_after_the_preamble_and_a_bad_date():
    meta = _meta("某县2023年政府信息公开工作年度报告\n根据条例编制本报告。\n日期：2024-13-01\n时间：2024年2月3日\n一、总体情况\n")
    assert meta.published == "2024-02-03"


def test_title_marks_and_field_names_are_not_the_title():
    for line in ("# 某县人民政府2023年政府信息公开工作年度报告", "**某县人民政府2023年政府信息公开工作年度报告**",
                 "标题: 某县人民政府2023年政府信息公开工作年度报告", "> 文章标题：某县人民政府2023年政府信息公开工作年度报告"):
        meta = _meta(f"{line}\n一、总体情况\n")
        assert (meta.title, meta.agency, meta.year) == ("某县人民政府2023年政府信息公开工作年度报告", "某县人民政府", 2023), line


def test_spaces_pdf_text_puts_around_the_year_are_not_the_title():
    meta = _meta("某县人民政府 2023 年政府信息公开工作年度报告\n一、总体情况\n")
    assert (meta.title, meta.agency) == ("某县人民政府2023年政府信息公开工作年度报告", "某县人民政府")


def test_a_title_on_two_lines_takes_its_agency_from_the_line_above():
    meta = _meta("- 1 -\n某市人民政府\n2024 年政府信息公开工作年度报告\n一、总体情况\n")
    assert (meta.title, meta.agency, meta.year) == ("某市人民政府2024年政府信息公开工作年度报告", "某市人民政府", 2024)


def test_a_title_without_an_agency_names_none():
    # the lazy agency of 2024年政府信息公开… is the word 政府, not an agency; the line above is prose
    meta = _meta("本报告由办公室编制，如有疑问请联系我们。\n2024年政府信息公开工作年度报告\n一、总体情况\n")
    assert (meta.agency, meta.year) == (None, 2024)


def test_a_publisher_field_names_the_agency_when_nothing_else_does():
    meta = _meta("来源：某镇人民政府 发布时间：2024-01-19 点击数：12\n一、总体情况\n2023年，某镇做了工作。\n")
    assert (meta.agency, meta.year, meta.published) == ("某镇人民政府", 2023, "2024-01-19")
    assert _meta("来源：本网 发布时间：2024-01-19\n一、总体情况\n").agency is None
