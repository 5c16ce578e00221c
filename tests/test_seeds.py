"""Every seed report parses to exactly its *.expected.json: every cell, nulls included.

Cases are discovered by file name (``<name>.txt`` next to ``<name>.expected.json``),
so a new case is a new file pair. Failures name the seed and the exact field.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import govparse
from conftest import SEEDS, needs_seeds, seed_reports

pytestmark = needs_seeds()

TABLES = ("active_disclosure", "applications", "review_litigation")


def _expected(report: Path) -> dict:
    return json.loads(report.with_name(report.name[:-4] + ".expected.json").read_text(encoding="utf-8"))


def _same(expected, actual) -> bool:
    if isinstance(actual, Decimal) and isinstance(expected, (str, int, float)):
        return actual == Decimal(str(expected))
    return type(expected) is type(actual) and expected == actual


def _diff(expected: dict, actual: dict) -> list[str]:
    """Every field where the parse differs from the expected file, by path."""
    problems = []
    for table in TABLES:
        want, got = expected[table], actual[table]
        if want is None or got is None:
            if want is not got:
                problems.append(f"{table}: expected {'null' if want is None else 'a table'}, got "
                                f"{'null' if got is None else 'a table'}")
            continue
        if set(want) != set(got):
            problems.append(f"{table}: rows differ: missing {sorted(set(want) - set(got))}, "
                            f"extra {sorted(set(got) - set(want))}")
        for row in want:
            for column, value in want[row].items():
                found = got.get(row, {}).get(column, "<absent>")
                if not _same(value, found):
                    problems.append(f"{table}.{row}.{column}: expected {value!r}, got {found!r}")
    return problems


@pytest.mark.parametrize("report", seed_reports(), ids=lambda p: p.stem)
def test_seed_parses_to_expected(report: Path):
    expected = _expected(report)
    actual = govparse.parse_file(report).to_dict()
    assert actual["edition"] == expected["edition"], f"{report.name}: edition"
    for key, value in expected.get("meta", {}).items():
        assert actual["meta"][key] == value, f"{report.name}: meta.{key}"
    problems = _diff(expected, actual)
    assert not problems, f"{report.name}:\n  " + "\n  ".join(problems)


def test_every_seed_has_expected_values():
    reports = seed_reports()
    assert reports, f"no seed reports in {SEEDS}"
    for report in reports:
        assert report.with_name(report.name[:-4] + ".expected.json").is_file(), report.name
