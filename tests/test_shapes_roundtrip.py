"""Property tests: a report rendered in the shape an extraction tool gives it parses back (issue 13, part 4).

The shapes (govparse.render.TOOL_LAYOUTS): pandoc's ``+---+`` grid table, w3m's
box-drawn table, a PDF's text in reading order (pypdf, pdfplumber), a PDF's text in
physical layout (``pdftotext -layout``), crawler text with the cells run together.

The property, cell by cell (``shape_problems``): every table cell of the parse is
the rendered value, or, where the shape destroyed it (``Rendered.lossy``: pdftotext -layout's
one row of table 四 with a blank cell, which column is blank not in the text; a
run-together row whose glued digits split into its cells in more than one way by
the cells' formats alone), null with a diagnostic naming its table and row. A
null elsewhere is a failure; a number other than the rendered one is a failure
always, lossy or not: the parser may give up on a cell, never guess it.

The round trip holds for the grid shapes; the shapes it does not hold for yet are
strict xfails, each held by a pinned example it misreads (ROUND_TRIP_GAPS says
what). No wrong number holds for every shape. Budgets come from the hypothesis
profile (tests/conftest.py), each shape a fifth of it (a tenth for the checks
that need less); every shrunk failure is pinned as an ``@example``.
"""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import govparse
from compare import meta_differences, same
from govparse.model import DELTA, MONEY, ActiveDisclosure2019, Applications2019, columns_of, rows_of
from govparse.render import (
    PANDOC_GRID,
    PDF_PHYSICAL,
    PDF_READING_ORDER,
    RUN_TOGETHER,
    TOOL_LAYOUTS,
    TOOL_PERTURBATIONS,
    W3M_BOX,
    Report,
    display_width,
    glued_splits,
    random_report,
    render,
    render_shape,
)
from strategies import reports, seeds
from test_roundtrip import zero_report

TABLES = ("active_disclosure", "applications", "review_litigation")


def _budget(share: int) -> settings:
    """A share of the profile's examples (failures come back shrunk: pin them as ``@example``)."""
    return settings(max_examples=max(5, settings.default.max_examples // share))


def zero_report_2019(**changes) -> Report:
    """An all-zero report of the 2019 trial edition with ``changes`` as ``{"table.row.column": value}``."""
    base = zero_report(**changes)

    def table(cls, key):
        return cls(**{row: row_cls(**{column: changes.get(f"{key}.{row}.{column}",
                                                          Decimal(0) if kind == MONEY else 0)
                                      for column, kind in columns_of(row_cls)})
                      for row, row_cls in rows_of(cls)})

    return Report(table(ActiveDisclosure2019, "active_disclosure"), table(Applications2019, "applications"),
                  base.review_litigation, year=2019, published="2020-01-01")


def cell_paths(report: Report) -> list[tuple[str, str, str]]:
    return [(key, row, column) for key in TABLES for row, cls in rows_of(type(getattr(report, key)))
            for column, _ in columns_of(cls)]


def _named(result) -> set[tuple[str, str | None]]:
    """(table, row) for each warning or error, (table, None) for one about a whole table or a run of rows
    (table 四's one glued run; a table-missing error names its table in its message)."""
    named: set[tuple[str, str | None]] = set()
    for d in result.diagnostics:
        if d.level == "info":
            continue
        table = d.table or next((t for t in TABLES if d.message.startswith(t + ":")), None)
        named.add((table, d.row))
    return named


def shape_problems(report: Report, layout, perturbations, seed: int) -> tuple[list[str], list[str], int]:
    """(wrong numbers, other problems, cells right) of parsing ``report`` rendered in ``layout``."""
    rendered = render_shape(report, layout, perturbations, seed)
    result = govparse.parse(rendered.text)
    actual = result.to_dict()
    expected = report.expected(layout)
    named = _named(result)
    # A run-together row split through an identity (I1, I3, I2/S1) is right only if the report keeps
    # the identity; the parser says so with a split-by-identity warning naming the row, so a number
    # that differs there is flagged, not silent (SPEC: right, or flagged; never silently wrong).
    by_identity = {(d.table, d.row) for d in result.diagnostics if d.code == "split-by-identity"}
    wrong, problems, right = [], [], 0
    for table, row, column in cell_paths(report):
        want = expected[table][row][column]
        got = (actual[table] or {}).get(row, {}).get(column)
        path = f"{table}.{row}.{column}"
        if same(want, got):
            right += 1
        elif got is not None and ((table, row) in by_identity or (table, None) in by_identity):
            right += 0  # flagged: the split rests on an identity the report breaks
        elif got is not None:
            wrong.append(f"{path}: expected {want!r}, got {got!r}")
        elif path not in rendered.lossy:
            problems.append(f"{path}: expected {want!r}, got null")
        elif (table, row) not in named and (table, None) not in named:
            problems.append(f"{path}: null (lossy) without a diagnostic naming {table}.{row}")
    problems.extend(meta_differences(expected, actual))
    return wrong, problems, right


def assert_shape_round_trip(report: Report, layout, perturbations, seed: int) -> None:
    wrong, problems, _ = shape_problems(report, layout, perturbations, seed)
    where = f"layout={layout.name} perturbations={perturbations} seed={seed}"
    assert not wrong and not problems, f"{where}\n  WRONG " + "\n  WRONG ".join(wrong) + "\n  " + \
        "\n  ".join(problems)


def _perturbation_sets(layout) -> st.SearchStrategy:
    return st.frozensets(st.sampled_from(TOOL_PERTURBATIONS[layout])).map(lambda s: tuple(sorted(s)))


# Every perturbation some shape takes; a test drops those its shape does not.
TOOL_PERTURBATION_SETS = st.frozensets(st.sampled_from(sorted({p for ps in TOOL_PERTURBATIONS.values()
                                                                for p in ps}))).map(lambda s: tuple(sorted(s)))


# --- round trip, each shape ----------------------------------------------------------------

SHAPES = [pytest.param(layout, id=layout.style) for layout in TOOL_LAYOUTS]
# The round trip, every cell right, holds for every tool shape. A shape that stops holding is marked here (a strict
# xfail held by a pinned example it misreads, so that it loses its mark once it holds again) with its reason.
# (PDF_PHYSICAL was the last: its mark was taken off on branch xpos8, put back at the end of that session for a
# dev-profile draw, seed 496, and 7 of 2,000 census draws on the merged main, seed 385; both fixed and pinned below.)
ROUND_TRIP_GAPS: dict = {}
ROUND_TRIP_SHAPES = [
    pytest.param(layout, id=layout.style, marks=[pytest.mark.xfail(strict=True, raises=AssertionError,
                                                                   reason=ROUND_TRIP_GAPS[layout])]
                 if layout in ROUND_TRIP_GAPS else [])
    for layout in TOOL_LAYOUTS
]


@pytest.mark.parametrize("layout", ROUND_TRIP_SHAPES)
@_budget(5)
@given(report=reports(), perturbations=TOOL_PERTURBATION_SETS, seed=seeds)
@example(zero_report(), (), 0)
# Shrunk failures, pinned (grid readers):
# - table 四's first cell blank: an empty cell before a row's first value was dropped where no row has a
#   value in that column (a colspan pandoc dropped looks the same), so the row fell short;
@example(zero_report(**{"review_litigation.review.upheld": None, "review_litigation.review.total": 0}), (), 1206)
# - a column of table 二 blank in every row (本年废止件数): the same rule dropped its cells (a long run);
@example(zero_report(**{"active_disclosure.regulations.repealed": None,
                        "active_disclosure.normative_documents.issued": None,
                        "active_disclosure.normative_documents.repealed": None}), (), 0)
# - w3m centres a row's cells vertically: a blank first value stayed on the first line of a taller label,
#   on no line with the row's numbers, and was read as the label's padding.
@example(zero_report(**{"applications.other_no_correction.natural_person": None}), (), 0)
# - pdftotext -layout, a dev-profile random draw (fresh clone, end of the ninth session): table 二's first block
#   with its last column blank under label variants read null: 本年废止件数's long annotation wraps over four
#   lines, skipping the header's middle line, and 本年制发件 ran into its second one space apart (fixed: wrapped.
#   _header_lines looks two lines below for the piece a cut needs)
@example(zero_report(**{"active_disclosure.regulations.in_force": None,
                        "active_disclosure.normative_documents.in_force": None}), ("bom", "full-width", "label-variants"),
         496)
# - pdftotext -layout, 2019 table 二 with no full row in a block (行政许可 0 _ 0, 行政事业性收费 0 _): its stacked
#   header cells ran together one space apart (本年新公开 对外公开总数 / 数量 量) were no evidence of a layout by x,
#   the table was read as space-delimited rows and the short rows null (fixed: wrapped.stacked_header pairs the
#   pieces word by word; census seed 385)
@example(zero_report_2019(**{"active_disclosure.licensing.delta": None, "active_disclosure.other_services.delta": None,
                             "active_disclosure.fees.delta": None, "active_disclosure.procurement.amount": None}), (),
         385)
# - pdftotext -layout, a table 二 whose rows mostly print no value, a page's footer and running header between its
#   header and rows: no line of values alone, no row of three cells but two, no stacked header, so it was taken for
#   a cell a line (census seed 956; fixed: layout, words three or more spaces apart on a third of the lines)
@example(zero_report(**{"active_disclosure.regulations.issued": 2, "active_disclosure.regulations.repealed": None,
                        "active_disclosure.regulations.in_force": 6, "active_disclosure.normative_documents.issued": 4,
                        "active_disclosure.normative_documents.repealed": 6,
                        "active_disclosure.normative_documents.in_force": None,
                        "active_disclosure.licensing.decisions": None, "active_disclosure.punishment.decisions": None,
                        "active_disclosure.coercion.decisions": None, "active_disclosure.fees.amount_wan": None}), (),
         956)
# - pdftotext -layout, 2019 table 二 under label variants: 其他对外管理服务事项's values alone on the middle line of
#   its wrapped label (0 減178 1849634) were no line of values (a change in words), so the table was not taken
#   for one placed by x and 行政许可 with its first cell blank was null (census with perturbations, seed 710322;
#   fixed: layout._VALUE_TEXT holds 增, 减, 減)
@example(zero_report_2019(**{"active_disclosure.licensing.prev_items": None, "active_disclosure.licensing.delta": 11423,
                             "active_disclosure.other_services.delta": -178}), ("label-variants", "traditional"), 710322)
# Pinned failures of the shapes still marked (ROUND_TRIP_GAPS), and of those that once were: zero_report(),
# (), 0 above misread pdftotext -layout's sub-label around its group label (wrapped: places by the table's
# count); these, pypdf's wrapped label, run-together's null mark and broken identity, pdftotext -layout's
# 尚未审结 总计 one cell (lexer: labels one space apart) and a note read as the last row's tail (still).
@example(zero_report(), ("prose",), 63)
# - pdftotext -layout: table 二 with prose lines around it taken for linear cells (layout detection: values
#   indented to their column on a line of their own, words two or more spaces apart, now x-positioned)
@example(random_report(random.Random(7)), ("prose",), 1)
# - pdftotext -layout: 2019's 其他对外管理 / 0 0 0 / 服务事项 (a label centred around its values) read as the
#   tail of 行政许可's row above it
@example(zero_report_2019(), (), 133)
# - pdftotext -layout: 行政处罚 with its one cell blank (printing nothing) read as the head of 行政强制's label
#   (fixed: wrapped._whole_label, a line well short of the label column's width is no wrapped head)
@example(zero_report(**{"active_disclosure.punishment.decisions": None}), (), 1)
# - pdftotext -layout: 政府集中采购 0 with its first cell blank, the one row of its block (fixed: wrapped.
#   _under_header, each value where a column's name starts on the header's one line)
@example(zero_report_2019(**{"active_disclosure.procurement.projects": None}), (), 1)
# - pdftotext -layout: 行政事业性收费 _ 0 under 上一年项目数量 本年增/减, two names one space apart (one piece): its 0
#   was nulled (fixed: each word a column name the format prints, each is a column: wrapped._statutory_names)
@example(zero_report_2019(**{"active_disclosure.fees.prev_items": None}), (), 94)
# - pdftotext -layout: 本年废 现行有效 / 止件数 件数, two names stacked over lines one space apart, in a table 二
#   read as rows a line: 规章 1000 0 (its third cell blank) was nulled, gapblanks._at_name_starts taking the
#   header's last line only (fixed: the header's lines group into the format's names, gapblanks.named_columns,
#   the test wrapped._format_columns makes too)
@example(zero_report(**{"active_disclosure.regulations.issued": 1000, "active_disclosure.regulations.in_force": None,
                        "active_disclosure.normative_documents.in_force": None}), (), 7)
# - pdftotext -layout, found by 2,000 derandomized draws (xpos8), shrunk: 规章 (its row blank) over 行政规范性文 /
#   0 0 0 / 件 read as one label's head (fixed: a whole label above a label centred around its values is a row)
@example(zero_report(**dict.fromkeys(["active_disclosure.regulations.issued", "active_disclosure.regulations.repealed",
                                      "active_disclosure.regulations.in_force"])), (), 9653)
# - （六）其他处 逾期不补正、行政机关: table 三's first label column filled to its edge one space before the second's
#   piece, read as one piece (fixed: cut where the word after the space starts at the second column's piece on
#   the line above or below, wrapped._cut_at_columns)
@example(zero_report(**{"active_disclosure.fees.amount_wan": None}), (), 2566)
@example(zero_report(), (), 995596686)
# - a table 三 (2019) whose rows beside a group label (（一）予以公开, shifted a column right) all leave their total
#   blank: the shifted rows' last column lies past the groups the values show (fixed: wrapped._clustered lets
#   their window end one group past the last), or one of them alone fills it (a last group of one value)
@example(zero_report_2019(**dict.fromkeys(["applications.granted.total", "applications.denied_state_secret.total",
                                           "applications.unable_not_held.total"])), (), 736)
@example(zero_report_2019(**dict.fromkeys(["applications.granted.legal_service", "applications.denied_state_secret.total",
                                           "applications.unable_not_held.total",
                                           "applications.rejected_petition.total"])), (), 104972)
# - 本年新 / 本年新制作数量 公开数 / 量: a cell stacked over three lines whose middle word the name before runs
#   into one space apart; its head and tail joined without it (fixed: wrapped._cut_under_stacks)
@example(zero_report_2019(**dict.fromkeys(["active_disclosure.regulations.made",
                                           "active_disclosure.regulations.published"])), (), 2504)
# - 信息内容 本年制发件数 本年废止件数 one space apart under 现行有 / 效件数, rows of two values each: the names one
#   space apart were taken for perhaps one name (fixed: two words each a name the format prints are two)
@example(zero_report(**dict.fromkeys(["active_disclosure.regulations.issued",
                                      "active_disclosure.normative_documents.issued"])), ("label-variants", "prose"),
         2714)
@example(zero_report(**dict.fromkeys(["active_disclosure.regulations.repealed",
                                      "active_disclosure.normative_documents.in_force",
                                      "active_disclosure.punishment.decisions"])), ("label-variants",), 375528217)
# - label-variants' （包括自然失效和不再按规 / 范性文件管理） printed as a cell of its own over the third column's
#   values, pushing 现行有效件数 right: 行政规范性文件's one 0 there stood in no name's span (fixed: under a header a
#   full row confirms, a value where the full rows put that column's is placed there)
@example(zero_report(**dict.fromkeys(["active_disclosure.normative_documents.issued",
                                      "active_disclosure.normative_documents.repealed"])), ("label-variants",), 71)
# - a page break inside table 三, its header printed again: 申请人情况, two spaces after the note's line, at the
#   second label column's place, read as the tail of 1．属于国家秘密 above it (fixed: physical_rows, as
#   wrapped_rows, takes a line of the header printed again for no label's tail)
@example(zero_report_2019(**dict.fromkeys(["active_disclosure.normative_documents.made",
                                           "active_disclosure.licensing.delta",
                                           "active_disclosure.licensing.decisions"])), ("full-width", "prose"), 20080)
# - 2019's 行政强制 0 under 上一年项目 / 数量, its 0 nulled: 行政事业性收 / 费 (its row printing nothing) read with
#   the next block's header, and its 费 taken for a name spaced out (fixed: wrapped._spaced_out looks at the
#   label column name's line, with other words on it, only)
@example(zero_report_2019(**dict.fromkeys(["active_disclosure.punishment.decisions", "active_disclosure.coercion.delta",
                                           "active_disclosure.coercion.decisions", "active_disclosure.fees.prev_items",
                                           "active_disclosure.fees.delta"])), (), 219)
# - table 四 whose header cells at the margin wrap around the lines between (行政复 / 行政诉讼 / 议, 结果维 / 结果纠正 …
#   / 持): the section was not told x-positioned and read as a cell a line (fixed: wrapped.stacked_header)
@example(zero_report_2019(**dict.fromkeys([
    "applications.carried_over.research", "applications.carried_over.social_welfare", "applications.carried_over.other_org",
    "applications.granted.total", "applications.partially_granted.total",
    "applications.denied_security_stability.natural_person", "applications.denied_security_stability.legal_service",
    "applications.denied_security_stability.total", "applications.denied_third_party.research",
    "applications.denied_internal_affairs.natural_person", "applications.denied_internal_affairs.legal_service",
    "applications.denied_admin_query.natural_person", "applications.unable_not_held.research",
    "applications.unable_needs_creation.other_org", "applications.rejected_duplicate.natural_person",
    "applications.rejected_publication.research", "applications.rejected_confirmation.commercial",
    "applications.rejected_confirmation.legal_service", "applications.total_processed.legal_service",
    "applications.carried_forward.social_welfare", "applications.carried_forward.legal_service",
    "review_litigation.review.other", "review_litigation.suit_direct.corrected"])),
    ("full-width", "label-variants", "null-marks", "prose"), 360)
# - run-together (the long run): 行政强制０增9- (a blank decisions as -, glued after 增9), the hyphen cut
#   off a run only where it ends one, else the cell read as text and the row short
@example(zero_report_2019(**{"active_disclosure.coercion.delta": 9, "active_disclosure.coercion.decisions": None,
                             "active_disclosure.punishment.decisions": None}),
         ("bom", "crlf", "full-width", "label-variants", "null-marks"), 0)
@example(zero_report(), (), 8)
# - pypdf / pdfplumber (wrapped-labels), shrunk from long runs: 2019's （六）其他处理 0 0 … with the page break
#   after it and the table's header printed again, read as that row's label tail (the label looked full: the
#   group labels on lines of their own set the table's full width); the note under table 三 (注：…。) read as
#   the last row's tail where the header printed again above that row was taken for its label's head.
@example(zero_report_2019(**{"active_disclosure.regulations.total_published": None,
                             "active_disclosure.normative_documents.total_published": None,
                             "active_disclosure.other_services.decisions": None,
                             "active_disclosure.punishment.delta": None, "active_disclosure.coercion.delta": None,
                             "active_disclosure.coercion.decisions": None}), ("bom", "prose"), 24049)
@example(zero_report(), ("bom", "crlf", "full-width", "label-variants", "null-marks", "prose"), 3308843)
@example(zero_report(**{"active_disclosure.regulations.issued": None}), (), 0)
@example(zero_report(**{"applications.new_received.natural_person": 5}), (), 0)
def test_shape_round_trip(layout, report, perturbations, seed):
    """Any report in any tool shape, with any perturbation that shape takes, parses back to itself (lossy
    cells null with a diagnostic at worst)."""
    taken = tuple(p for p in perturbations if p in TOOL_PERTURBATIONS[layout])
    assert_shape_round_trip(report, layout, taken, seed)


# pdftotext -layout's narrow blocks of table 二 with blank cells that the x-positioned reader places (held here
# while the shape's round trip was a strict xfail; kept, each run whatever the profile): (report, seed, what it
# read before).
X_POSITIONED_HELD = [
    pytest.param(zero_report(**{"active_disclosure.punishment.decisions": None}), 1,
                 id="whole-label-above-next"),  # 行政处罚 (blank) joined to 行政强制 0 as one label
    pytest.param(zero_report_2019(**{"active_disclosure.punishment.prev_items": None}), 1,
                 id="stacked-header-tail"),  # 上一年 / 项目数 / 量 over 行政处罚 +1 0: 量 read as the row's label
    pytest.param(zero_report_2019(**{"active_disclosure.licensing.delta": None,
                                     "active_disclosure.licensing.decisions": None}), 31,
                 id="caption-over-header"),  # 第二十条第（五）项 over 信息内容 joined as one header cell
    # Where no row under a block's header fills every column (the renderer's draws, issue 13): the values
    # are placed under the header's names on its one line, each starting where a name starts.
    pytest.param(zero_report_2019(**{"active_disclosure.procurement.amount": None}), 1,
                 id="one-row-its-last-cell-blank"),  # 政府集中采购 0 under two columns, the row nulled
    pytest.param(zero_report(**{"active_disclosure.regulations.in_force": None,
                                "active_disclosure.normative_documents.repealed": None}), 1,
                 id="block-of-three-with-no-full-row"),  # 规章 0 0 / 行政规范性文件 0 _ 0 both nulled
    pytest.param(zero_report_2019(**{"active_disclosure.fees.delta": None,
                                     "active_disclosure.punishment.delta": None}), 5,
                 id="short-rows-in-two-blocks"),  # 行政事业性收费 0 placed, 政府集中采购 padded unlike it
]


# Found by 2,000 derandomized draws (xround2), shrunk to all-zero reports: (report, perturbations, seed).
X_POSITIONED_HELD_PERTURBED = [
    pytest.param(zero_report(**{"active_disclosure.regulations.in_force": None,
                                "active_disclosure.normative_documents.repealed": None}), (), 12,
                 id="stacked-name-around-one-line-rows"),  # 现行有 / 效件数: a column of aligned_cells' header
    pytest.param(zero_report_2019(**{"active_disclosure.fees.delta": None}), (), 58,
                 id="stacked-cell-around-two-names"),  # 上一年 / 项目数 本年增/减 / 量 joined as one cell
    pytest.param(zero_report_2019(**{"active_disclosure.normative_documents.total_published": None}),
                 ("full-width", "label-variants"), 8,
                 id="full-width-digits-two-columns"),  # ０ placed by the line as printed, not as normalized
    pytest.param(zero_report_2019(**{"active_disclosure.fees.delta": -30, "active_disclosure.procurement.amount": None}),
                 ("label-variants",), 5,
                 id="caption-with-a-lone-character"),  # 第二十条第（八） 项: no words spaced out
]


@pytest.mark.parametrize("report, seed", X_POSITIONED_HELD)
def test_x_positioned_narrow_blocks(report, seed):
    assert_shape_round_trip(report, PDF_PHYSICAL, (), seed)


@pytest.mark.parametrize("report, perturbations, seed", X_POSITIONED_HELD_PERTURBED)
def test_x_positioned_blocks_found_by_long_runs(report, perturbations, seed):
    assert_shape_round_trip(report, PDF_PHYSICAL, perturbations, seed)


def test_x_positioned_value_under_the_second_of_two_names_one_space_apart():
    """上一年项目数量 本年增/减 one space apart, 0 under the second: each word a column name the format prints,
    each is a column (no one cell holds two of the format's names)."""
    assert_shape_round_trip(zero_report_2019(**{"active_disclosure.fees.prev_items": None}), PDF_PHYSICAL, (), 94)


def test_x_positioned_values_line_set_like_a_page_number_is_a_row():
    """26 / 491 on a line of its own between 其他对外管理服务 and 事项, '/' a blank's mark, each in its column:
    a row's values, not page 26 of 491 (a page number is set as one run of text)."""
    assert_shape_round_trip(zero_report_2019(**{"active_disclosure.other_services.prev_items": 26,
                                                "active_disclosure.other_services.delta": None,
                                                "active_disclosure.other_services.decisions": 491}),
                            PDF_PHYSICAL, ("null-marks",), 2)


def test_x_positioned_bracketed_note_is_no_column():
    """label-variants' 本年废止件数 with its note （包括自然失效…） printed as a cell of its own over no values:
    rows of three values under four names are full, not short of a column (a guard of the placing above)."""
    assert_shape_round_trip(zero_report(), PDF_PHYSICAL,
                            ("bom", "crlf", "full-width", "label-variants", "null-marks", "prose"), 3308843)


@pytest.mark.parametrize("layout", SHAPES)
@_budget(10)
@given(report=reports(), seed=seeds)
# Shrunk failures, pinned (readers merged, pdftotext -layout):
# - a 2019 table 二 whose 本年增/减 header is stacked over two lines (本年增/ above, 减 below, the other
#   headers on a line between): +1 under 本年增/减 read as 上一年项目数量 (columns taken in line order);
@example(zero_report_2019(**{"active_disclosure.coercion.delta": 1}), 35)
# - table 四's third header row (ten labels) does not sit over the fifteen values: the values placed by x
#   under it put suit_after_review.other's 6 in suit_direct.other.
@example(zero_report(**{"review_litigation.suit_after_review.other": 6}), 115)
# Shrunk failure (main, run-together): table 四's suit_after_review printed as 0 1 208 2 0 (I3 broken, as
# real reports break it) glues to …0120820, which the digit splitter reads as 0|12|0|8|20, "the one split
# that meets I3" (an info split-by-identity): a wrong number. It must be null with ambiguous-digits.
@example(zero_report(**{"review_litigation.suit_after_review.corrected": 1,
                        "review_litigation.suit_after_review.other": 208,
                        "review_litigation.suit_after_review.pending": 2}), 0)
def test_no_wrong_numbers(layout, report, seed):
    """Whatever a reader makes of a shape it does not know yet, it never gives a number that is not the
    rendered one (a null is allowed here: this is the rule of SPEC, not the round trip)."""
    wrong, _, _ = shape_problems(report, layout, (), seed)
    assert not wrong, f"layout={layout.name} seed={seed}\n  " + "\n  ".join(wrong)


# Wrong numbers that many draws found (random draws with perturbations, which test_no_wrong_numbers does
# not take), shrunk by hand, not fixed on this branch (their readers are others' work): strict xfails, so
# that a fix must drop them. Each is a silent wrong number.
KNOWN_WRONG = [
    pytest.param(PDF_PHYSICAL, zero_report(**{"active_disclosure.regulations.issued": 1}), ("label-variants",), 58,
                 id="x-positioned-stacked-header-in-line-order"),  # fixed: wrapped._top_level_first
    pytest.param(RUN_TOGETHER, zero_report_2019(**{"active_disclosure.punishment.prev_items": 2,
                                                   "active_disclosure.punishment.delta": None,
                                                   "active_disclosure.punishment.decisions": 26}), ("null-marks",), 1,
                 id="run-together-hyphen-mark-read-as-sign"),  # fixed: 行政处罚2-26 is 2|-2|6 or 2|-|26, null
]


@pytest.mark.parametrize("layout, report, perturbations, seed", KNOWN_WRONG)
def test_known_wrong_numbers(layout, report, perturbations, seed):
    wrong, _, _ = shape_problems(report, layout, perturbations, seed)
    assert not wrong, f"layout={layout.name} seed={seed}\n  " + "\n  ".join(wrong)


# --- the renderer's own properties ---------------------------------------------------------


@pytest.mark.parametrize("layout", TOOL_LAYOUTS, ids=[layout.style for layout in TOOL_LAYOUTS])
@_budget(10)
@given(report=reports(), data=st.data(), seed=seeds)
def test_shape_is_deterministic(layout, report, data, seed):
    perturbations = data.draw(_perturbation_sets(layout))
    first = render_shape(report, layout, perturbations, seed)
    assert first == render_shape(report, layout, perturbations, seed)
    assert render(report, layout, perturbations, seed) == first.text


@pytest.mark.parametrize("layout", (PANDOC_GRID, W3M_BOX), ids=("ascii-grid", "box-drawn"))
@_budget(10)
@given(report=reports(), seed=seeds)
def test_grid_lines_are_rectangular(layout, report, seed):
    """Every line of a drawn table is as wide as its rules (a reader finds columns by display column)."""
    text = render_shape(report, layout, (), seed).text
    table: list[str] = []
    for line in [*text.split("\n"), ""]:
        if line[:1] in ("+", "|", "┌", "│", "├", "└"):
            table.append(line)
        elif table:
            widths = {display_width(row) for row in table}
            assert len(widths) == 1, table
            table = []


@pytest.mark.parametrize("layout", TOOL_LAYOUTS, ids=[layout.style for layout in TOOL_LAYOUTS])
@_budget(10)
@given(report=reports(), seed=seeds)
def test_every_value_is_printed(layout, report, seed):
    """Each filled value's digits are in the text (a shape never breaks a number), and only run-together
    text and pdftotext -layout's table of one row with a blank cell (which column is blank is not in the
    text) have lossy cells."""
    rendered = render_shape(report, layout, (), seed)
    text = rendered.text if layout == RUN_TOGETHER else rendered.text.replace("\n", " ")
    for table, row, column in cell_paths(report):
        value = getattr(getattr(getattr(report, table), row), column)
        if value is not None:
            printed = format(value, "f") if not isinstance(value, int) else str(value)
            assert printed.lstrip("-") in text, f"{table}.{row}.{column} = {value} not printed"
    assert layout in (RUN_TOGETHER, PDF_PHYSICAL) or not rendered.lossy
    assert layout != PDF_PHYSICAL or all(path.startswith("review_litigation.") for path in rendered.lossy)


def test_run_together_lossy_rows():
    """A glued row is lossy exactly when its digits split more than one way: 0000000 is seven zeros,
    000 three; 640020470 and 24027 are many rows."""
    assert glued_splits("0000000", ["count"] * 7) == 1
    assert glued_splits("000", ["count"] * 3) == 1
    assert glued_splits("640020470", ["count"] * 7) == 2
    assert glued_splits("24027", ["count"] * 3) == 2
    assert glued_splits("24 0 27", ["count"] * 3) == 1
    assert glued_splits("12 /", ["count", "blank"]) == 1
    assert glued_splits("2-26", ["count", DELTA, "count"]) == 2  # the hyphen a mark, or the sign of -2
    assert glued_splits("/25——007", ["count"] * 7) == 2  # —— one mark (2 and 5 two cells) or two
    assert glued_splits("４37０", ["count", MONEY]) == 2  # 4 and 370, 43 and 70, …: full width read as digits
    assert glued_splits("1+3", ["count", DELTA]) == 1
    rendered = render_shape(zero_report(), RUN_TOGETHER, (), 0)
    assert not rendered.lossy  # every row of zeros splits one way


def test_pdf_reading_order_breaks_pages():
    """Some seed puts a page number inside a table and repeats table 三's header after it."""
    seen_number = seen_repeat = False
    report = random_report(random.Random(4))
    for seed in range(40):
        text = render_shape(report, PDF_READING_ORDER, (), seed).text
        seen_number = seen_number or any(line.startswith(("- ", "第 ", "— ")) and line.rstrip().endswith(
            ("-", "页", "—")) for line in text.split("\n"))
        seen_repeat = seen_repeat or text.count("申请人情况") > 1
    assert seen_number and seen_repeat


def test_tool_layouts_refuse_perturbations_they_do_not_take():
    with pytest.raises(ValueError, match="does not take"):
        render_shape(zero_report(), PANDOC_GRID, ("split-header",), 0)
    with pytest.raises(ValueError, match="does not take"):
        render_shape(zero_report(), RUN_TOGETHER, ("thousands",), 0)
