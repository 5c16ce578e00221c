"""govparse.runtogether: tables whose cells a crawler glued together, told and cut back into rows."""

from __future__ import annotations

import dataclasses
import json
import random

import pytest

import govparse
from hypothesis import given
from hypothesis import strategies as st

from govparse.digits import group_sums, row_sum, split_digits
from govparse.grammar import VALUES, load
from govparse.lexer import Labels
from govparse.normalize import Document, compact
from govparse.render import LABEL, LAYOUTS, VALUE, grids, random_report, render
from govparse.runtogether import detect, reflow, row_groups
from govparse.sections import locate_sections
from govparse.tables import TABLES

from conftest import SHARED

REAL = SHARED / "reports" / "real"
PINGTAN = ("pingtan-2019-crawler-text", "pingtan-2021-crawler-text")


def _row_terminals(grammar_name: str) -> dict[str, str]:
    """row key -> the label terminal of that row."""
    out = {}
    for rule in load(grammar_name).parser.rules:
        names = [symbol.name for symbol in rule.expansion]
        if VALUES in names:
            out[rule.origin.name] = names[0]
    return out


def _rows_by_terminal(lines: list[str], labels: Labels) -> dict[str, list[str]]:
    """Each line that starts with a label: the terminal it names -> the rest of each such line."""
    found: dict[str, list[str]] = {}
    for line in lines:
        head, _, rest = line.partition(" ")
        name = labels.lookup(head)
        if name is not None:
            found.setdefault(name, []).append(rest)
    return found


@pytest.mark.skipif(not REAL.is_dir(), reason=f"real reports not found at {REAL}")
@pytest.mark.parametrize("name", PINGTAN)
def test_real_crawler_text_rows_start_lines_with_their_digits(name):
    text = (REAL / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((REAL / f"{name}.expected.json").read_text(encoding="utf-8"))
    found = detect(text)
    assert found is not None and "glued to digits" in found.evidence
    flowed = reflow(text)
    assert len(flowed.lines) == len(flowed.numbers) == len(flowed.columns)
    edition = expected["edition"]
    for spec in TABLES:
        if spec.key == "review_litigation":
            continue
        grammar = spec.grammars[edition]
        rows = _rows_by_terminal(flowed.lines, Labels(load(grammar)))
        for key, terminal in _row_terminals(grammar).items():
            values = expected[spec.key].get(key)
            if values is None:
                continue
            assert terminal in rows, f"{spec.key}.{key}: its label starts no line"
            digits = "".join(rows[terminal][0].replace("元", "").split())
            assert digits == "".join(str(v) for v in values.values()), f"{spec.key}.{key}: {rows[terminal]}"
    # table 四: a header line, then its fifteen cells' digits on a line of their own
    review = expected["review_litigation"]
    glued = "".join(str(v) for group in review.values() for v in group.values())
    assert glued in [line.replace(" ", "") for line in flowed.lines]
    # the section headings are lines of their own, so sections.py finds them
    sections, _ = locate_sections(Document.from_lines(flowed.lines, flowed.numbers))
    assert set("二三四五") <= set(sections)


def _glued_report(seed: int, edition: str) -> tuple[str, object]:
    """A rendered report (space-delimited rows) with the spaces inside its table sections removed
    and every line joined to the next: what a crawler keeping only a page's text gives."""
    rng = random.Random(seed)
    report = random_report(rng, edition=edition)
    text = render(report, "space-delimited/row-per-line", seed=seed)
    doc = Document(text)
    sections, _ = locate_sections(doc)
    table_lines = {index for numeral in "二三四" for index in range(sections[numeral].start, sections[numeral].stop)}
    lines = [line.replace(" ", "") if index in table_lines else line for index, line in enumerate(doc.raw_lines)]
    return "".join(lines), report


@pytest.mark.parametrize("edition", ["2021", "2019"])
@pytest.mark.parametrize("seed", range(6))
def test_synthetic_glued_report_reflows_to_its_rows(seed, edition):
    text, report = _glued_report(seed, edition)
    assert "\n" not in text.strip()
    assert detect(text) is not None
    flowed = reflow(text)
    for grid, spec in zip(grids(report), TABLES):
        grammar = spec.grammars[edition]
        rows = _rows_by_terminal(flowed.lines, Labels(load(grammar)))
        for grid_row in grid.rows:
            label = next((cell.text for cell in reversed(grid_row.cells) if cell.role == LABEL), None)
            values = [cell.text for cell in grid_row.cells if cell.role == VALUE]
            if label is None:
                if values:  # table 四: the digits of its one row on a line of their own
                    assert "".join(values) in [line.replace(" ", "") for line in flowed.lines]
                continue
            name = Labels(load(grammar)).lookup(label)
            assert name in rows, f"{label!r} starts no line"
            assert "".join(values) in ["".join(rest.split()) for rest in rows[name]], (label, rows[name])


@pytest.mark.parametrize("seed", range(6))
def test_synthetic_glued_report_rows_split_right_or_null(seed):
    """The whole path: reflow, then each table 三 row under I1 and table 四 under I3 gives its
    true cells or null, never others."""
    text, report = _glued_report(seed, "2021")
    flowed = reflow(text)
    labels = Labels(load("applications_2021"))
    rows = _rows_by_terminal(flowed.lines, labels)
    terminals = _row_terminals("applications_2021")
    unique = 0
    for key, terminal in terminals.items():
        truth = dataclasses.astuple(getattr(report.applications, key))
        split = split_digits(rows[terminal][0].split(), 7, (row_sum(7),))
        assert split.parts is None or split.parts == truth, (key, split)
        unique += split.parts is not None
    assert unique >= len(terminals) // 2  # most rows of small counts are unique under I1
    outcome = [v for group in dataclasses.astuple(report.review_litigation) for v in group]
    digits = "".join(map(str, outcome))
    split = split_digits([digits], 15, group_sums(3, 5))
    assert split.parts is None or list(split.parts) == outcome


@pytest.mark.parametrize("layout", LAYOUTS, ids=str)
def test_other_layouts_are_not_run_together(layout):
    for seed in range(3):
        report = random_report(random.Random(seed))
        assert detect(render(report, layout, seed=seed)) is None
    assert reflow(render(random_report(random.Random(9)), layout, seed=9)) is None


def test_prose_and_headings_alone_are_not_run_together():
    text = "一、总体情况本年共公开信息3条。二、主动公开政府信息情况本年制发规章0件，行政许可12件。" * 20
    assert detect(text) is None


def test_label_enumerator_glued_to_the_digits_before_it_goes_with_the_label():
    text = ("三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计"
            "一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开"
            "270020130（四）无法提供1.本机关不掌握相关政府信息4910000502.没有现成信息需要另行制作0000000"
            "四、政府信息公开行政复议、行政诉讼情况五、存在的主要问题及改进情况无。")
    flowed = reflow(text)
    assert flowed is not None
    assert "1.本机关不掌握相关政府信息 491000050" in flowed.lines
    assert "2.没有现成信息需要另行制作 0000000" in flowed.lines
    assert "（一）予以公开 270020130" in flowed.lines
    assert flowed.lines[0] == "三、收到和处理政府信息公开申请情况"
    column = flowed.columns[flowed.lines.index("2.没有现成信息需要另行制作 0000000")]
    assert text[column - 1:].startswith("2.没有现成信息")


def test_a_row_ends_where_its_values_do_and_a_glued_null_mark_is_a_cell_of_its_own():
    """Found by the tool shapes' round trip: ``行政规范性文件 520 0无`` gave the cell ``0无`` (text,
    dropped) and the row's values ``520`` alone, split 5|2|0; a note glued after the last row's
    values (``…0注：以上数据…``) hid them the same way."""
    text = ("三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计"
            "一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开"
            "270020130（四）无法提供1.本机关不掌握相关政府信息49 10 000—无2.没有现成信息需要另行制作00 0/00 0"
            "四、结转下年度继续办理 1 0 0 0 0 0 1注：以上数据统计时限为2023年1月1日至12月31日。"
            "四、政府信息公开行政复议、行政诉讼情况五、存在的主要问题及改进情况无。")
    flowed = reflow(text)
    assert "1.本机关不掌握相关政府信息 49 10 000 — 无" in flowed.lines
    assert "2.没有现成信息需要另行制作 00 0 / 00 0" in flowed.lines
    assert "四、结转下年度继续办理 1 0 0 0 0 0 1" in flowed.lines
    assert "注：以上数据统计时限为2023年1月1日至12月31日。" in flowed.lines


def test_compact_key_of_each_line_label_is_kept():
    text, _ = _glued_report(3, "2021")
    flowed = reflow(text)
    # every character of the tables survives: only spaces are added
    assert compact("".join(flowed.lines)) == compact(text)


def test_row_groups():
    assert row_groups("23 0 00 0 023") == (["23", "0", "00", "0", "023"], None)
    assert row_groups("13575394432.52元") == (["13575394432.52"], "元")
    assert row_groups("２４２５２.３１") == (["24252.31"], None)
    assert row_groups("12—0") is None and row_groups("") is None and row_groups("见附件") is None


def test_glued_tables_without_a_heading_to_go_by_are_still_cut():
    text = ("本机关情况说明如下\n申请人情况自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计"
            "一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000（一）予以公开"
            "270020130（四）无法提供1.本机关不掌握相关政府信息4910000502.没有现成信息需要另行制作0000000\n")
    flowed = reflow(text)
    assert flowed.lines[0] == "本机关情况说明如下"
    assert "一、本年新收政府信息公开申请数量 640020470" in flowed.lines
    assert set(flowed.numbers[1:]) == {2}


_PIECES = ["第二十条第（一）项", "规章", "行政规范性文件", "一、本年新收政府信息公开申请数量", "（三）不予公开", "2.",
           "1.属于国家秘密", "结果维持", "总计", "二、主动公开政府信息情况", "四、政府信息公开行政复议、行政诉讼情况",
           "（七）总计", "申请数量", "无法提供", "不予处理", "0", "12", "3 4", "。", "（", "）", "\n", "元", "x"]


@given(st.lists(st.sampled_from(_PIECES), max_size=80))
def test_any_mix_of_labels_and_digits_reflows_without_losing_text(pieces):
    text = "".join(pieces)
    flowed = reflow(text)
    if flowed is not None:
        assert compact("".join(flowed.lines)) == compact(text)
        assert len(flowed.lines) == len(flowed.numbers) == len(flowed.columns)
        assert all(1 <= number <= text.count("\n") + 1 for number in flowed.numbers)


@pytest.mark.parametrize("edition", ["2021", "2019"])
@pytest.mark.parametrize("seed", range(8))
def test_glued_report_parses_right_or_null_with_a_reason(seed, edition):
    """End to end through govparse.parse: every cell the model's, or null with a diagnostic
    naming its row (ambiguous-digits) or its table; never another number."""
    text, report = _glued_report(seed, edition)
    result = govparse.parse(text)
    assert result.layout == "run-together"
    expected = report.expected("space-delimited/row-per-line")
    got = result.to_dict()
    named = {(d.table, d.row) for d in result.diagnostics if d.code == "ambiguous-digits"}
    whole = {d.table for d in result.diagnostics if d.code == "ambiguous-digits" and d.row is None}
    read = 0
    for table in ("active_disclosure", "applications", "review_litigation"):
        for row, columns in expected[table].items():
            for column, value in columns.items():
                found = got[table][row][column]
                if found is None and value is not None:
                    assert (table, row) in named or table in whole, (table, row, column)
                else:
                    assert found == value, (table, row, column, found, value)
                    read += 1
    assert read >= 100  # most cells of small counts split one way
