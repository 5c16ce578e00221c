"""The proofs corpus/tools/make_fixtures.py gives that a tool destroyed a cell: claimed only where the tool's text
shows it, for any reader (a false claim would hide a cell govparse should read from the score)."""

from __future__ import annotations

import json
from decimal import Decimal

from conftest import CORPUS, load_corpus_tool

TOOLS = CORPUS / "tools"


make_fixtures = load_corpus_tool("make_fixtures.py", "tool_corpus_make_fixtures")


def _fixture(name: str) -> tuple[dict, str]:
    expected = json.loads((TOOLS / f"{name}.expected.json").read_text(encoding="utf-8"), parse_float=Decimal)
    return expected, (TOOLS / f"{name}.txt").read_text(encoding="utf-8")


def _rows(lost: dict[str, str]) -> set[str]:
    return {path.rsplit(".", 1)[0] for path in lost}


def test_a_run_of_the_rows_digits_elsewhere_is_no_proof():
    """规范性文件 — 0 15 (a null mark for the blank), and 0 / 15 among table 四's numbers: the blank left a trace."""
    expected, text = _fixture("pdftotext--2019-null-marks-split-labels-first-value-apart")
    assert expected["active_disclosure"]["normative_documents"]["made"] is None
    assert "—\n\n0\n\n15" in text and "\n0\n15\n" in text
    assert "active_disclosure.normative_documents" not in _rows(make_fixtures.traceless_blanks(expected, text))


def test_a_row_whose_values_follow_its_label_with_no_trace_is_lost():
    expected, text = _fixture("html-text--2021-blank-cells")
    line = "4．保护第三方合法权益 0 0 0 0 0 70269\n"
    assert line in text
    lost = make_fixtures.traceless_blanks(expected, text)
    assert lost["applications.denied_third_party.other_org"].endswith(
        "come out as '0 0 0 0 0 70269': the blank leaves no trace")
    # a null mark after the values is the blank's trace; a number after them may be the row's too
    for after in (" —\n", " 5\n"):
        changed = make_fixtures.traceless_blanks(expected, text.replace(line, line[:-1] + after))
        assert "applications.denied_third_party" not in _rows(changed)
