"""The narrative's application figures are checked against table 三."""

import pytest

import govparse
from conftest import SEEDS, needs_seeds

TABLE_THREE = """三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 | 14 | 0 | 0 | 0 | 0 | 0 | 14 |
二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
（七）总计 | 13 | 0 | 0 | 0 | 0 | 0 | 13 |
四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
"""


def _mismatches(narrative):
    result = govparse.parse(f"一、总体情况\n{narrative}\n" + TABLE_THREE)
    return [d for d in result.diagnostics if d.code == "narrative-mismatch"]


def test_agreeing_narrative_is_quiet():
    assert _mismatches("2023年全县共收到依申请公开信息14件，上年结转0件，当年办结13件，结转下年度1件。") == []


def test_each_disagreeing_figure_is_a_warning_on_its_line():
    found = _mismatches("共收到政府信息公开申请15件，上年结转2件，办结13件，结转下年度3件。")
    assert [d.message.split(";")[0] for d in found] == [
        "the narrative says 2 applications carried over",
        "the narrative says 3 applications carried forward",
        "the narrative says 15 applications received",
    ]
    assert {d.line for d in found} == {2}
    assert all(d.level == "warning" for d in found)


def test_rates_and_other_numbers_are_not_claims():
    assert _mismatches("依申请公开办结率100%，发布信息2921条，收到群众来信5封。") == []


@needs_seeds()
def test_seed_002_says_ten_where_its_table_says_zero():
    result = govparse.parse_file(SEEDS / "002_0e4e257e85503a3b.txt")
    (warning,) = [d for d in result.diagnostics if d.code == "narrative-mismatch"]
    assert "10" in warning.message and "new_received.total is 0" in warning.message


def test_a_long_sentence_is_read_too():
    # past the length the standard re is given, the timed regex patterns read it
    assert len(_mismatches("共收到政府信息公开申请15件，" + "并依法办理，" * 100 + "上年结转2件。")) == 2


def test_a_matched_figure_is_not_read_twice():
    # "上年结转2件" is the carried-over claim; "依申请公开" cannot then take its 2
    assert [d.message.split(";")[0] for d in _mismatches("依申请公开上年结转2件。")] == [
        "the narrative says 2 applications carried over"]
