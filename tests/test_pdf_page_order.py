"""A PDF's text a line a span in the page's own order (PyMuPDF's get_text, pdftohtml): cells a line each with
no blank line between them, some neighbours run together on one line, a row label with its first value run on.
Read from the tool corpus (corpus/tools/make_fixtures.py made these files with the real tools)."""

from __future__ import annotations

from pathlib import Path

import govparse
from govparse.layout import LINEAR_CELL, PDF_LINES

TOOLS = Path(__file__).resolve().parent.parent / "corpus" / "tools"


def test_pymupdf_text_is_the_pages_order_not_pdftotexts_blocks():
    result = govparse.parse((TOOLS / "pymupdf--2021-clean.txt").read_bytes())
    assert {(trace.layout.format, trace.layout.style) for trace in result.traces.values()} == {(LINEAR_CELL, PDF_LINES)}
    assert "no blank line between cells" in result.traces["applications"].layout.evidence
    tables = result.to_dict()
    # 424 / 55 / 1826 / 0 / 616 635 3556: seven values for seven columns, the last three on one line
    assert tables["applications"]["new_received"] == {
        "natural_person": 424, "commercial": 55, "research": 1826, "social_welfare": 0, "legal_service": 616,
        "other_org": 635, "total": 3556}
    assert any(d.code == "merged-cells" and d.row == "new_received" for d in result.diagnostics)
    # 行政规范性文件0 / 6 / 0: the label with its first value run on, the others on lines of their own
    assert tables["active_disclosure"]["normative_documents"] == {"issued": 0, "repealed": 6, "in_force": 0}


def test_pdftotext_text_with_blank_lines_between_blocks_stays_reading_order():
    result = govparse.parse((TOOLS / "pdftotext--2021-clean.txt").read_bytes())
    assert result.traces["applications"].layout.style == "reading-order"
