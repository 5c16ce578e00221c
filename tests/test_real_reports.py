"""The whole real reports in ../shared/reports/real (crawler text with cells run together, PDF
text, a markdown conversion of a PDF), against the values read from them by hand.

Every cell is right or null; never a different number. A null cell must be one the text
cannot settle: listed by the report's expected file under ``_ambiguous_in_text`` (null with
``ambiguous-digits``), or listed below with the reason, checked the same way.
"""

from __future__ import annotations

import json

import pytest

import govparse
from compare import TABLES, same
from conftest import SHARED

REAL = SHARED / "reports" / "real"

# Cells the text cannot settle beyond those the expected files list, each with the diagnostic
# that must say so. pingtan-2019: '898989' (normative documents) splits 10 ways into three counts,
# '350' (fees, 上一年项目数量 and 本年增/减) as 3|50 or 35|0; the hand-reader took them from the HTML.
UNSETTLED = {
    "pingtan-2019-crawler-text": {
        "active_disclosure.normative_documents": "ambiguous-digits",
        "active_disclosure.fees": "ambiguous-digits",
    },
}


# Reports whose text shape a reader not yet merged handles, with the reason: a strict xfail, so
# the test fails when they start passing and the mark must go.
WAITING: dict[str, str] = {}


def _reports():
    if not REAL.is_dir():
        return []
    return [pytest.param(path, marks=pytest.mark.xfail(strict=True, reason=WAITING[name])) if name in WAITING
            else path for path in sorted(REAL.glob("*.expected.json"))
            for name in [path.name.removesuffix(".expected.json")]]


@pytest.mark.skipif(not REAL.is_dir(), reason=f"real reports not found at {REAL}")
@pytest.mark.parametrize("expected_file", _reports(), ids=lambda p: getattr(p, "name", "").removesuffix(".expected.json"))
def test_real_report_reads_every_cell_it_can_and_no_wrong_one(expected_file):
    name = expected_file.name.removesuffix(".expected.json")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    result = govparse.parse_file(REAL / f"{name}.txt")
    got = result.to_dict()
    allowed = {entry.split(" ")[0]: "ambiguous-digits" for entry in expected.get("_ambiguous_in_text", [])}
    allowed.update(UNSETTLED.get(name, {}))
    codes = {(d.table, d.row): d.code for d in result.diagnostics if d.row}
    table_codes = {d.table: d.code for d in result.diagnostics if d.table and not d.row}
    problems = []
    for table in TABLES:
        for row, columns in expected[table].items():
            for column, value in columns.items():
                found = (got[table] or {}).get(row, {}).get(column)
                where = f"{table}.{row}.{column}"
                if found is None:
                    code = allowed.get(f"{table}.{row}") or allowed.get(table)
                    if code is None:
                        problems.append(f"{where}: null, expected {value!r}")
                    elif codes.get((table, row), table_codes.get(table)) != code:
                        problems.append(f"{where}: null without a {code} diagnostic")
                elif not same(value, found):
                    problems.append(f"{where}: WRONG: expected {value!r}, got {found!r}")
    assert not problems, f"{name}:\n  " + "\n  ".join(problems)
    assert got["edition"] == expected["edition"]
