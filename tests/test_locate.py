"""Tables found by the labels they hold: without their heading, under a heading numbered
otherwise or marked up, in a text that starts inside a table (govparse.locate)."""

import random

import pytest

import govparse
from govparse.normalize import Document
from govparse.render import LAYOUTS, random_report, render
from govparse.sections import locate_sections

LAYOUT = LAYOUTS[3]  # pipe-delimited rows
TABLES = ("active_disclosure", "applications", "review_litigation")


def _report(seed=3):
    report = random_report(random.Random(seed))
    text = render(report, LAYOUT, (), seed=1)
    return text, report.expected(LAYOUT)


def _headings(text):
    lines = text.split("\n")
    sections, _ = locate_sections(Document(text))
    return lines, {numeral: section.heading for numeral, section in sections.items()}


def _tables(result):
    document = result.to_dict()
    return {key: document[key] for key in TABLES}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_tables_without_any_heading_are_found_by_their_labels(seed):
    text, expected = _report(seed)
    lines, headings = _headings(text)
    for numeral in "二三四":
        lines[headings[numeral]] = "（表格）"
    result = govparse.parse("\n".join(lines))
    assert _tables(result) == {key: expected[key] for key in TABLES}
    assert {trace.found_by for trace in result.traces.values()} == {"labels"}


def test_headings_numbered_otherwise_still_lead_to_the_tables():
    text, expected = _report()
    lines, headings = _headings(text)
    lines[headings["二"]] = "一、主动公开政府信息情况"
    lines[headings["三"]] = "二、收到和处理政府信息公开申请情况"
    result = govparse.parse("\n".join(lines))
    assert _tables(result) == {key: expected[key] for key in TABLES}


def test_markdown_headings_are_headings():
    text, expected = _report()
    lines, headings = _headings(text)
    for numeral in "二三四":
        lines[headings[numeral]] = "## " + lines[headings[numeral]].strip()
    result = govparse.parse("\n".join(lines))
    assert _tables(result) == {key: expected[key] for key in TABLES}
    assert {trace.found_by for trace in result.traces.values()} == {"heading"}


def test_a_text_that_starts_inside_a_table_gives_the_rows_that_are_there():
    text, expected = _report()
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if "予以公开" in line)
    result = govparse.parse("\n".join(lines[start:]))
    applications = result.to_dict()["applications"]
    for row in ("granted", "partially_granted", "total_processed", "carried_forward"):
        assert applications[row] == expected["applications"][row]
    for row in ("new_received", "carried_over"):  # cut off: null, and said so
        assert set(applications[row].values()) == {None}
        assert any(d.code == "missing-row" and d.row == row for d in result.diagnostics)
    assert result.traces["applications"].found_by == "labels"
    assert result.to_dict()["review_litigation"] == expected["review_litigation"]
    assert result.to_dict()["active_disclosure"] is None
