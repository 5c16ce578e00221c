"""The pipeline end to end on small inputs: always a Result, errors as data."""

import json

import pytest

import govparse
from govparse import GovparseError

TABLE_TWO = """二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
规章 | 1 | 0 | 2 |
行政规范性文件 | 3 | / | 5 |
第二十条第（五）项
行政许可 | 12,251 |
第二十条第（六）项
行政处罚 | 7 |
行政强制 | 0 |
第二十条第（八）项
行政事业性收费 | 1.50 |
"""


def test_a_report_with_only_table_two():
    result = govparse.parse(TABLE_TWO)
    table = result.active_disclosure
    assert table.regulations.in_force == 2
    assert table.normative_documents.repealed is None
    assert table.licensing.decisions == 12251
    assert str(table.fees.amount_wan) == "1.50"
    assert result.applications is None and result.review_litigation is None
    codes = [d.code for d in result.diagnostics]
    assert "null-mark" in codes and codes.count("table-missing") == 2
    assert result.source_of("active_disclosure", "licensing", "decisions") == (7, 8)


def test_to_json_writes_money_as_an_exact_number():
    document = json.loads(govparse.parse(TABLE_TWO).to_json(), parse_float=str)
    assert document["active_disclosure"]["fees"]["amount_wan"] == "1.50"
    assert set(document) == {"edition", "layout", "encoding", "meta", "active_disclosure", "applications",
                             "review_litigation", "checks", "diagnostics"}


def test_a_row_whose_cells_cannot_be_placed_is_null_with_an_error():
    result = govparse.parse(TABLE_TWO.replace("规章 | 1 | 0 | 2 |", "规章 | 1 | 0 |"))
    assert result.active_disclosure.regulations.issued is None
    assert any(d.code == "cell-count" and d.line == 4 for d in result.diagnostics)


@pytest.mark.parametrize("data", [b"", "", b"\x00\xff" * 50, "一、总体情况\n二、主动公开政府信息情况\n",
                                  "|||\n" * 20, "二、主动公开政府信息情况\n四、结转下年度继续办理\n0"])
def test_odd_inputs_give_a_result(data):
    result = govparse.parse(data)
    assert result.to_dict()["diagnostics"]


def test_wrong_type_is_a_govparse_error():
    with pytest.raises(GovparseError):
        govparse.parse(12)


def test_unreadable_file_is_a_govparse_error(tmp_path):
    with pytest.raises(GovparseError, match="cannot read"):
        govparse.parse_file(tmp_path / "missing.txt")


def test_truncated_report_keeps_the_tables_it_has(tmp_path):
    from conftest import SEEDS
    seed = SEEDS / "004_8e88544a5aba1fdd.txt"
    if not seed.exists():
        pytest.skip("seed reports not available")
    lines = seed.read_text(encoding="utf-8").split("\n")
    cut = next(i for i, line in enumerate(lines) if line.startswith("(五)不予处理"))
    result = govparse.parse("\n".join(lines[:cut]))
    assert result.active_disclosure.punishment.decisions == 2991
    apps = result.applications
    assert apps.new_received.total == 11 and apps.unable_not_held.total == 11
    assert apps.rejected_petition.total is None and apps.carried_forward.total is None
    codes = [d.code for d in result.diagnostics]
    assert "missing-row" in codes
    assert result.review_litigation is None and "table-missing" in codes


def test_a_missing_row_points_at_its_table_heading():
    text = "一、总体情况\n无\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
    result = govparse.parse(text)
    missing = [d for d in result.diagnostics if d.code == "missing-row"]
    assert missing and all(d.line == 3 for d in missing)


def test_a_result_pickles_whole(tmp_path):
    """A Result crosses a process pool (compiled wheel too: make test-compiled)."""
    import pickle
    import random

    from govparse.render import LAYOUTS, random_report, render_bytes

    for number, layout in enumerate(LAYOUTS):
        report = random_report(random.Random(number))
        result = govparse.parse(render_bytes(report, layout, (), seed=number))
        again = pickle.loads(pickle.dumps(result))
        assert again == result
        assert again.to_dict() == result.to_dict()


def test_sources_read_as_the_dict_of_each_value_s_cell():
    """Result.sources is made from the cells only when read; it reads, compares, prints and
    pickles as the dict (table, row, column) -> (line, column) it stands for."""
    import pickle

    result = govparse.parse(TABLE_TWO)
    sources = result.sources
    expected = {("active_disclosure", "regulations", "issued"): (4, 6),
                ("active_disclosure", "licensing", "decisions"): (7, 8)}
    assert {key: sources[key] for key in expected} == expected
    assert len(sources) == len(list(sources)) == 10
    assert ("active_disclosure", "fees", "amount_wan") in sources
    assert sources.get(("applications", "granted", "total")) is None
    as_dict = dict(sources.items())
    assert sources == as_dict and as_dict == sources and repr(sources) == repr(as_dict)
    assert sources == govparse.parse(TABLE_TWO).sources  # read or not yet read
    again = pickle.loads(pickle.dumps(result))
    assert again.sources == sources and type(again.sources) is type(sources)
