"""Editions are told by labels, never the year, and table by table."""

from decimal import Decimal
from pathlib import Path

import govparse
from govparse.model import ActiveDisclosure2019, Applications, Applications2019

DATA = Path(__file__).parent / "data"
TRIAL = (DATA / "edition_2019_pipe.txt").read_text(encoding="utf-8")

TABLE_THREE_2021 = """三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
（六）其他处理 | | | | | | | |
1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
四、政府信息公开行政复议、行政诉讼情况
"""


def test_trial_edition_table_two_with_signed_changes_and_procurement():
    result = govparse.parse(TRIAL)
    assert result.edition == "2019"
    table = result.active_disclosure
    assert isinstance(table, ActiveDisclosure2019)
    assert table.licensing.delta == 3 and table.licensing.decisions == 4511
    assert table.other_services.delta == -2  # 减2
    assert table.punishment.delta == -8
    assert table.procurement.amount == Decimal("70487")  # 70487元
    assert not [d for d in result.diagnostics if d.code == "negative-count"]


def test_trial_edition_table_three_has_a_single_other_row():
    result = govparse.parse(TRIAL)
    assert isinstance(result.applications, Applications2019)
    assert result.applications.other.total == 1
    assert "other" in result.to_dict()["applications"]


def test_hybrid_report_is_read_table_by_table():
    head, _, _ = TRIAL.partition("三、收到和处理")
    result = govparse.parse(head + TABLE_THREE_2021)
    assert isinstance(result.active_disclosure, ActiveDisclosure2019)
    assert isinstance(result.applications, Applications)
    assert result.applications.other_misc.total == 1
    assert result.edition == "mixed"


def test_year_does_not_decide_the_edition():
    result = govparse.parse(TRIAL.replace("2020年", "2023年"))
    assert result.edition == "2019" and result.meta.year == 2023


def test_labels_split_by_pipes_and_spaces_still_tell_the_edition():
    from govparse.edition import detect_edition
    from govparse.normalize import Document
    from govparse.sections import locate_sections

    doc = Document("二、主动公开政府信息情况\n信息内容 | 本年 制发 | 件数 |\n本年废止件数 |\n三、收到和处理政府信息公开申请情况\n（六）其他 处理\n")
    sections, _ = locate_sections(doc)
    assert detect_edition(doc, sections["二"]) == ("2021", "labels 本年制发件数、本年废止件数")
    assert detect_edition(doc, sections["三"]) == ("2019", "（六）其他处理 without its 2021 sub-rows")


def test_a_2021_label_wrapped_across_box_lines_is_found_in_the_cells():
    # w3m wraps 逾期未按收费通知 over two lines of its box, other columns' text between: the section's
    # lines show no 2021 word, the cells the grid reader joins do
    from govparse.edition import EDITION_2019, EDITION_2021, recheck_in_cells

    cells = ["（六）其他处理", "1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "0"]
    assert recheck_in_cells("三", EDITION_2019, cells)[0] == EDITION_2021
    assert recheck_in_cells("三", EDITION_2019, ["（六）其他处理", "0"]) is None
    assert recheck_in_cells("二", EDITION_2019, cells) is None


NO_EDITION_WORD = """某县人民政府政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项 | | | |
信息内容 | 栏目甲 | 栏目乙 | 栏目丙 |
规章 | 0 | 1 | 2 |
行政规范性文件 | 5 | 5 | 120 |
第二十条第（五）项 | | | |
行政许可 | 42 | | |
"""


def test_no_label_tells_the_edition_rows_whose_columns_it_names_are_null():
    # 规章's three columns are 本年制发件数 … in one edition and 本年新制作数量 … in the other: with no
    # label anywhere saying which, placing its values would be a guess
    result = govparse.parse(NO_EDITION_WORD)
    assert result.edition is None
    table = result.active_disclosure
    assert (table.regulations.issued, table.regulations.repealed, table.regulations.in_force) == (None, None, None)
    assert table.normative_documents.in_force is None
    assert table.licensing.decisions == 42  # one value: the 2021 row's width; the trial edition's has three
    unknown = [d for d in result.diagnostics if d.code == "edition-unknown"]
    assert [d.line for d in unknown] == [5, 6] and all(d.level == "error" for d in unknown)
    assert ("active_disclosure", "regulations", "issued") not in result.sources


def test_a_word_of_the_edition_told_anywhere_places_those_rows():
    result = govparse.parse(NO_EDITION_WORD.replace("栏目甲", "本年制发件数"))
    assert result.active_disclosure.regulations.repealed == 1
    assert not [d for d in result.diagnostics if d.code == "edition-unknown"]


def test_a_split_header_of_the_trial_edition_is_found_in_the_cells():
    # a grid tool (pandoc's rst) breaks 本年新制作数量 over cells and lines: the section's lines show
    # no trial-edition word, the cells the grid reader joins do, and the rows follow them
    from govparse.edition import EDITION_2019, EDITION_2021, recheck_in_cells

    cells = ["信息内容", "本年新制作数量", "本年新公开数量", "规章", "0"]
    assert recheck_in_cells("二", EDITION_2021, cells, told=False)[0] == EDITION_2019
    assert recheck_in_cells("二", EDITION_2021, cells, told=True) is None
    assert recheck_in_cells("二", EDITION_2021, ["规章", "0"], told=False) is None
