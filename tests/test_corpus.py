"""Every corpus report parses to its *.expected.json, which was written from the model it was rendered from.

corpus/ is made by ``python -m govparse.render corpus``: each ``<layout>--<why>.txt``
sits next to ``<layout>--<why>.expected.json`` (jc-style pairs, discovered by file
name, so a new case is a new pair). The expected values never come from the
parser. A second test checks that regenerating the corpus gives the committed
bytes, so the files and the renderer cannot drift apart.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import govparse
from compare import meta_differences, table_differences
from conftest import CORPUS
from govparse.render import LAYOUTS, SAMPLES, write_corpus

REPORTS = sorted(CORPUS.glob("*.txt"))


def _expected(report: Path) -> dict:
    text = report.with_name(report.name[:-4] + ".expected.json").read_text(encoding="utf-8")
    return json.loads(text, parse_float=Decimal)


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.stem)
def test_corpus_report_parses_to_expected(report: Path):
    expected = _expected(report)
    actual = govparse.parse_file(report).to_dict()
    problems = [f"{key}: expected {expected[key]!r}, got {actual[key]!r}"
                for key in ("edition", "layout") if actual[key] != expected[key]]
    problems += meta_differences(expected, actual) + table_differences(expected, actual)
    errors = [d["message"] for d in actual["diagnostics"] if d["level"] == "error"]
    assert not problems and not errors, f"{report.name}:\n  " + "\n  ".join(problems + errors)


def test_corpus_covers_every_layout_and_is_paired():
    assert len(REPORTS) == len(SAMPLES), "corpus/ and govparse.render.SAMPLES differ: regenerate the corpus"
    for report in REPORTS:
        assert report.with_name(report.name[:-4] + ".expected.json").is_file(), report.name
    expected = [_expected(r)["rendered"]["layout"] for r in REPORTS]
    assert {layout.name for layout in LAYOUTS} <= set(expected)


def test_corpus_is_what_the_renderer_writes(tmp_path: Path):
    """Regenerating gives the committed files byte for byte (the renderer is deterministic)."""
    written = write_corpus(tmp_path)
    for path in written:
        for name in (path.name, path.name[:-4] + ".expected.json"):
            assert (tmp_path / name).read_bytes() == (CORPUS / name).read_bytes(), \
                f"{name} differs from corpus/: run python -m govparse.render corpus"
