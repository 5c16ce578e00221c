"""Property tests: the parser gives back the model it was rendered from, and never crashes.

- Round trip: ``parse(render(report, layout, perturbations)) == report`` for every
  layout (linear, pipe, markdown with and without its rule line, tab, space, HTML),
  both editions (2021 and the 2019 trial tables) and every perturbation, alone and combined, as text and as bytes in each
  encoding. Failures name the layout, perturbations, seed and every field that differs.
- Robustness: any text (st.text(), st.binary(), report fragments, rendered reports
  with lines deleted, duplicated, swapped or cut short) gives a Result or a
  GovparseError, never another exception.
- Determinism: the same input gives the same result, whatever was parsed before
  and whatever the hash seed.

Budgets come from the hypothesis profile (tests/conftest.py): the main round trip
runs the profile's max_examples (500 under CI, 20,000 in the long profile), the
layout × perturbation grid (nine layouts, both editions drawn) a forty-fifth of it per pair (at most 250), the costlier
properties a half or a quarter. Every shrunk failure is pinned below as an ``@example`` or a named case.
"""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import govparse
from compare import meta_differences, table_differences
from govparse.model import MONEY, ActiveDisclosure, Applications, ReviewLitigation, columns_of, rows_of
from govparse.render import (
    ENCODINGS,
    LAYOUTS,
    PERTURBATION_NAMES,
    PROSE,
    Report,
    render,
    render_bytes,
)
from conftest import CORPUS
from strategies import layouts, mutated, perturbation_sets, reports, seeds

TABLES = ("active_disclosure", "applications", "review_litigation")


def _budget(share: int, cap: int | None = None, floor: int = 5) -> settings:
    """A share of the profile's examples (at most ``cap``), for tests that run once per parameter
    or cost more per example; the main round trip takes the whole budget."""
    examples = max(floor, settings.default.max_examples // share)
    return settings(max_examples=min(examples, cap) if cap else examples)


def zero_report(**changes) -> Report:
    """An all-zero report with ``changes`` as ``{"table.row.column": value}``; for pinned examples."""

    def table(cls, key):
        rows = {}
        for row_key, row_cls in rows_of(cls):
            values = {column: changes.get(f"{key}.{row_key}.{column}", Decimal(0) if kind == MONEY else 0)
                      for column, kind in columns_of(row_cls)}
            rows[row_key] = row_cls(**values)
        return cls(**rows)

    return Report(table(ActiveDisclosure, "active_disclosure"), table(Applications, "applications"),
                  table(ReviewLitigation, "review_litigation"))


def assert_round_trip(report: Report, layout, perturbations, seed: int, encoding: str | None = None):
    if encoding is None:
        data = render(report, layout, perturbations, seed)
    else:
        data = render_bytes(report, layout, perturbations, seed, encoding)
    result = govparse.parse(data)
    where = f"layout={layout.name} perturbations={perturbations} seed={seed} encoding={encoding}"
    actual = result.to_dict()
    expected = report.expected(layout)
    problems = meta_differences(expected, actual) + table_differences(expected, actual)
    errors = [f"{d.code}: {d.message} (line {d.line})" for d in result.diagnostics if d.level == "error"]
    assert not problems and not errors, f"{where}\n  " + "\n  ".join(problems + errors)
    assert result.edition == report.edition, where
    assert result.layout == layout.format, f"{where}: read as {result.layout}"
    for key in TABLES:
        style = result.traces[key].layout.style
        assert style == layout.style, f"{where}: {key} read as {style}"
    if PROSE not in perturbations:
        ignored = [d.message for d in result.diagnostics if d.code == "unrecognized-cell"]
        assert not ignored, f"{where}: labels not recognized: {ignored}"
    return result


# --- round trip ----------------------------------------------------------------------------


@given(report=reports(), layout=layouts, perturbations=perturbation_sets, seed=seeds,
       encoding=st.sampled_from((None, *ENCODINGS)))
@example(zero_report(), LAYOUTS[0], (), 0, None)
# Shrunk failures, pinned. Parser bugs:
# - a blank last cell of table 四 at the end of a linear section was lost (cells.py);
@example(zero_report(**{"review_litigation.suit_after_review.total": None}), LAYOUTS[0], (), 0, None)
# - the header's spanned-column pipes (|||||) were read as blank values and the
#   row cut to fifteen cells, shifting every number (lexer.padding, values.fit_row);
@example(zero_report(**{"review_litigation.suit_after_review.total": None}), LAYOUTS[2], (), 0, None)
# - 反复 comes back from a traditional page as 反覆: 4．无正当理由大量反复申请 was not found (lexer.Labels);
@example(zero_report(), LAYOUTS[0], ("traditional",), 0, None)
# - table 二 in row-per-line was reported as cell-per-line (layout.detect_layout);
@example(zero_report(), LAYOUTS[3], (), 0, None)
# - wrapped labels and blank cells made a blank-separated table 二 read as line-per-cell (layout.detect_layout);
@example(zero_report(**{"active_disclosure.normative_documents.in_force": None,
                        "active_disclosure.licensing.decisions": None}),
         LAYOUTS[0], ("label-variants", "split-header", "stray-cells"), 259, None)
# - blank and stray cells made a short line-per-cell table look blank-separated (layout.detect_layout
#   now lets the whole report decide when the table's own lines do not);
@example(zero_report(), LAYOUTS[1], ("label-variants", "stray-cells"), 255, None)
# - prose lines and wrapped labels left table 四's four pipe rows under half its lines: read as
#   space-delimited (layout.detect_layout);
@example(zero_report(**{f"applications.{row}.total": None for row in (
    "rejected_duplicate", "rejected_publication", "rejected_excessive", "rejected_confirmation",
    "other_no_correction", "other_fee_unpaid", "other_misc", "total_processed", "carried_forward")}),
    LAYOUTS[3], ("label-variants", "null-marks", "prose", "spaces", "split-header", "stray-cells", "thousands"),
    6193, None)
# - a label broken around a piece that reads as a null mark (1．申请人 / 无 / 正当理由…) was not
#   joined, and, once it was, 行政规范性文件 + —— named the label (lexer._ends_join);
@example(zero_report(), LAYOUTS[0], ("split-header",), 117, None)
@example(zero_report(**{"active_disclosure.normative_documents.issued": None}), LAYOUTS[0],
         ("label-variants", "null-marks"), 0, None)
# - a header split at a single space (信息内容 本年处 理决定数量) taken for two columns, a blank put after the one
#   value of each row under it (gapblanks._at_name_starts: the names after a row's last value must stand apart);
@example(zero_report(), LAYOUTS[7], ("split-header",), 42926705, None)
# Renderer bugs (the report it wrote had lost information):
# - a label split after its enumerator's digit (2 / 、重复申请) or into bare punctuation (、);
@example(zero_report(), LAYOUTS[0], ("label-variants", "split-header"), 1, None)
@example(zero_report(), LAYOUTS[0], ("label-variants", "split-header"), 2856, None)
# - both pinyin styles injected after one character: 第(qing)(zhèng);
@example(zero_report(), LAYOUTS[0], ("label-variants", "pinyin", "pinyin-toneless", "split-header"), 0, None)
# - a stray empty cell in the run of a row with a blank value (render.stray_cells says why that is lossy).
@example(zero_report(**{"review_litigation.suit_after_review.total": None}), LAYOUTS[0], ("stray-cells",), 0, None)
def test_round_trip(report, layout, perturbations, seed, encoding):
    """Any report, in any layout, with any combination of perturbations, parses back to itself."""
    assert_round_trip(report, layout, perturbations, seed, encoding)


GRID = [(layout, name) for layout in LAYOUTS for name in ("none", *PERTURBATION_NAMES)]


@pytest.mark.parametrize(("layout", "perturbation"), GRID, ids=[f"{l.style}-{p}" for l, p in GRID])
@_budget(45, cap=250)
@given(report=reports(), seed=seeds)
def test_round_trip_each_layout_and_perturbation(layout, perturbation, report, seed):
    """Each perturbation alone in each layout, so that every pair is exercised in every run."""
    assert_round_trip(report, layout, () if perturbation == "none" else (perturbation,), seed)


@_budget(4)
@given(report=reports(consistent=True), layout=layouts, perturbations=perturbation_sets, seed=seeds)
def test_consistent_reports_have_no_findings(report, layout, perturbations, seed):
    """A report that keeps every identity parses to checks that all hold."""
    result = assert_round_trip(report, layout, perturbations, seed)
    assert result.checks and not result.findings, [c.to_dict() for c in result.findings]


# --- robustness --------------------------------------------------------------------------


def parses_or_refuses(data) -> None:
    """A Result, or a GovparseError: nothing else may come out of parse."""
    try:
        result = govparse.parse(data)
    except govparse.GovparseError:
        return
    assert isinstance(result, govparse.Result)
    result.to_json()


@given(st.text())
def test_any_text_parses(text):
    parses_or_refuses(text)


@given(st.binary())
def test_any_bytes_parse(data):
    parses_or_refuses(data)


# Pieces real reports are made of, so that random text reaches the grammars.
FRAGMENTS = (
    "\n", "\n", "\n\n", " | ", "|", "||", " ", "\u3000", "\r\n", "0", "14", "2,389.5", "/", "-", "无",
    "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况", "第二十条第（一）项", "第二十条第(八)项", "信息内容", "本年制发件数",
    "规章", "行政规范性文件", "行政许可", "行政事业性收费", "本年收费金额（单位：万元）", "自然人", "商业", "企业",
    "总计", "一、本年新收政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开", "（三）不予公开",
    "1．属于国家秘密", "3．其他", "（七）总计", "四、结转下年度继续办理", "行政复议", "结果", "维持",
    "尚未审结", "報(bào)告", "(wen)", "2023年", "（", "）", "\ufeff",
)


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=300).map("".join))
def test_report_fragments_parse(text):
    parses_or_refuses(text)


@_budget(2)
@given(data=st.data(), report=reports(), layout=layouts, perturbations=perturbation_sets, seed=seeds)
def test_mutated_reports_parse(data, report, layout, perturbations, seed):
    """Rendered reports with lines deleted, duplicated, swapped or cut short: a Result, never a crash."""
    text = data.draw(mutated(render(report, layout, perturbations, seed)), label="mutated")
    parses_or_refuses(text)
    parses_or_refuses(text.encode("utf-8", errors="surrogatepass"))


# --- determinism -------------------------------------------------------------------------


@_budget(4)
@given(first=reports(), other=reports(), layout=layouts, perturbations=perturbation_sets, seed=seeds)
def test_parse_is_deterministic(first, other, layout, perturbations, seed):
    """The same text parses the same, whatever was parsed in between (caches are not state)."""
    text = render(first, layout, perturbations, seed)
    before = govparse.parse(text).to_json()
    govparse.parse(render(other, layout, (), seed))
    assert govparse.parse(text).to_json() == before


@_budget(4)
@given(report=reports(), layout=layouts, perturbations=perturbation_sets, seed=seeds)
def test_render_is_deterministic(report, layout, perturbations, seed):
    assert render(report, layout, perturbations, seed) == render(report, layout, perturbations, seed)


_DUMP = "import sys, govparse; [print(govparse.parse_file(p).to_json()) for p in sys.argv[1:]]"


def test_parse_is_deterministic_across_hash_seeds():
    """Set and dict order must not leak into results: two interpreters, two hash seeds, one output."""
    files = sorted(str(p) for p in CORPUS.glob("*.txt"))
    assert files, f"no corpus in {CORPUS}"
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        run = subprocess.run([sys.executable, "-c", _DUMP, *files], capture_output=True, text=True, env=env,
                             check=True, timeout=300)
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1]
