"""The real PDF report in ../shared/reports/real through the PDF tools users run on it (poppler's
pdftotext in its three modes), against the values read from it by hand.

corpus/tools/ holds what the tools make of the project's own rendered reports; this is what they make
of a report a real agency published. Every cell read is right (never a different number), and each
mode reads at least its floor: what it read when the test was written, rounded down, so a change that
loses cells on real tool output fails here. Skips when the report or pdftotext is absent (.ci/run
installs poppler-utils).
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

import govparse
from compare import TABLES, same
from conftest import REAL_PDF

# pdftotext's options for each mode, and the share of the report's cells read (percent, rounded down) when
# measured: reading order loses table 四 (its groups' numbers come out interleaved with header words; table
# 三's rows whose labels it writes apart are read by the whole-table assignment, 60 -> 92 %); the layout and raw
# modes keep each row on its line.
MODES = {
    "pdftotext": ([], 92),
    "pdftotext-layout": (["-layout"], 99),
    "pdftotext-raw": (["-raw"], 99),
}


@pytest.mark.skipif(not REAL_PDF.is_file(), reason=f"the real PDF report is not at {REAL_PDF}")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("mode", sorted(MODES))
def test_the_real_pdf_through_pdftotext_reads_no_wrong_number(mode):
    options, floor = MODES[mode]
    text = subprocess.run(["pdftotext", *options, "-enc", "UTF-8", str(REAL_PDF), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    expected = json.loads(REAL_PDF.with_name("huaian-2024-pdf-text.expected.json").read_text(encoding="utf-8"))
    got = govparse.parse(text).to_dict()
    right = total = 0
    wrong: list[str] = []
    for table in TABLES:
        for row, columns in expected[table].items():
            for column, value in columns.items():
                found = (got[table] or {}).get(row, {}).get(column)
                total += 1
                if found is None:
                    continue
                if same(value, found):
                    right += 1
                else:
                    wrong.append(f"{table}.{row}.{column}: expected {value!r}, read {found!r}")
    assert not wrong, f"{mode}: wrong numbers:\n  " + "\n  ".join(wrong)
    assert right * 100 >= floor * total, f"{mode}: {right} of {total} cells read, under the floor of {floor} %"
