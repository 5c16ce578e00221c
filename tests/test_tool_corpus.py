"""What govparse reads from the text real extraction tools give: never a wrong number, and a share read per tool
that only goes up.

corpus/tools/ holds ``<tool>--<shape>.txt`` (the output of pdftotext, pdfplumber,
html2text, pandoc, w3m, python-docx … on a document made from a rendered report)
beside ``<tool>--<shape>.expected.json`` (the model's values). They are made by
corpus/tools/make_fixtures.py and discovered by name: a new fixture is a new file
pair. These tests only read the committed files; none of the tools is needed.

- Every value read equals the expected one (a null is allowed, a wrong number
  never). Fixtures listed in corpus/tools/known_wrong.json are strict xfails: the
  test says so when one is fixed.
- Per tool, the share of cells read is at least its floor in
  corpus/tools/coverage_floor.json, a ratchet raised as the readers improve.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CORPUS, load_corpus_tool

TOOLS = CORPUS / "tools"


score = load_corpus_tool("score.py", "tool_corpus_score")
FIXTURES = score.fixtures(TOOLS)
KNOWN_WRONG: dict[str, str] = json.loads((TOOLS / "known_wrong.json").read_text(encoding="utf-8"))
FLOORS: dict[str, float] = json.loads((TOOLS / "coverage_floor.json").read_text(encoding="utf-8"))


def _case(fixture: Path):
    if fixture.stem in KNOWN_WRONG:
        return pytest.param(fixture, id=fixture.stem,
                            marks=pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[fixture.stem]))
    return pytest.param(fixture, id=fixture.stem)


@pytest.mark.parametrize("fixture", [_case(f) for f in FIXTURES])
def test_no_wrong_number(fixture: Path):
    wrong = [cell for cell in score.score_fixture(fixture) if cell.outcome == score.WRONG]
    assert not wrong, f"{fixture.name}: wrong numbers:\n  " + "\n  ".join(
        f"table {c.table}, row {c.row}, column {c.column}: expected {c.expected}, read {c.actual}" for c in wrong)


@pytest.mark.parametrize("tool", sorted({score.tool_of(f) for f in FIXTURES}))
def test_share_read_is_at_least_the_floor(tool: str):
    assert tool in FLOORS, f"{tool} has fixtures but no floor in corpus/tools/coverage_floor.json"
    tally = score.Tally()
    for fixture in FIXTURES:
        if score.tool_of(fixture) == tool:
            tally.add(score.score_fixture(fixture))
    assert tally.share_read >= FLOORS[tool], (
        f"{tool}: {tally.share_read:.1f}% of cells read ({tally.right} right, {tally.null} null, "
        f"{tally.wrong} wrong), below its floor {FLOORS[tool]}%")


def test_fixtures_are_paired_and_listed():
    assert FIXTURES, "no fixtures in corpus/tools/"
    for fixture in FIXTURES:
        assert fixture.with_name(fixture.name[:-4] + ".expected.json").is_file(), fixture.name
    names = {f.stem for f in FIXTURES}
    assert set(KNOWN_WRONG) <= names, f"known_wrong.json names no fixture: {sorted(set(KNOWN_WRONG) - names)}"
    assert set(FLOORS) <= {score.tool_of(f) for f in FIXTURES}, "coverage_floor.json names a tool without fixtures"
