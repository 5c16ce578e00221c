"""Every seed report parses to exactly its *.expected.json: every cell, nulls included.

Cases are discovered by file name (``<name>.txt`` next to ``<name>.expected.json``),
so a new case is a new file pair. Failures name the seed and the exact field.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govparse
from compare import meta_differences, table_differences
from conftest import SEEDS, needs_seeds, seed_reports

pytestmark = needs_seeds()


def _expected(report: Path) -> dict:
    return json.loads(report.with_name(report.name[:-4] + ".expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("report", seed_reports(), ids=lambda p: p.stem)
def test_seed_parses_to_expected(report: Path):
    expected = _expected(report)
    actual = govparse.parse_file(report).to_dict()
    assert actual["edition"] == expected["edition"], f"{report.name}: edition"
    problems = meta_differences(expected, actual) + table_differences(expected, actual)
    assert not problems, f"{report.name}:\n  " + "\n  ".join(problems)


def test_every_seed_has_expected_values():
    reports = seed_reports()
    assert reports, f"no seed reports in {SEEDS}"
    for report in reports:
        assert report.with_name(report.name[:-4] + ".expected.json").is_file(), report.name
