"""A local defect costs one row (issue 12): one edit of one table, every other cell still right.

For each kind of edit in govparse.edits (a row twice, two rows swapped, a label
lost or misspelled, an unknown row, two columns in the other order, a page
break with the header again, a cell lost or doubled), hypothesis draws a report,
a layout, perturbations, the table and the place of the edit, and checks the
parse against the model:

- every cell the edit did not touch is the model's value (in all three tables);
- a touched cell is the model's value, or null with a diagnostic naming its row;
  a cell the text now gives two values for is null with an error naming its row;
  (the promise ``local``);
- ``not-silent``, the weaker promise: no cell is a number other than the model's
  unless a warning names its row or an identity check the model keeps fails on
  it, and no cell is null without a warning naming its row or an error its table.

A kind the stages cannot meet is marked ``xfail(strict=True)`` (FAILING_NOW,
SILENT_NOW): when a change makes it pass, the mark turns the pass into a failure,
and the mark is removed.

Budgets: each kind runs a share of the profile's examples (``_budget``, as in
tests/test_roundtrip.py): about 15 s for the module under the CI profile. The
long run by hand, 1,000 examples a kind and promise, 20,000 in all (about 13 CPU
minutes for the module; 27 minutes on a shared two-core machine under load)::

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_local_edits.py

A kind marked xfail stops at the first pinned case that fails, so the long run
searches the kinds that pass; remove a mark (or add ``--runxfail``) to search a
kind that fails now. ``tests/edit_census.py`` counts the outcomes of each kind
instead of stopping at the first failure. Every shrunk failure found is pinned
below in REGRESSIONS (an ``@example`` of every promise and kind).
"""

from __future__ import annotations

import dataclasses
import random
import re
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import govparse
from compare import same
from govparse.diagnostics import ERROR, INFO
from govparse.edits import KIND_NAMES, TableGrid, Touch, misspelled, render_edited, swap_columns, table_grids
from govparse.identities import check_all
from govparse.model import MONEY, ActiveDisclosure2019, Applications2019, FeeItems, columns_of, rows_of, to_plain
from govparse.render import LABEL, LAYOUTS, PERTURBATION_NAMES, VALUE, Report, grids, random_report, render
from strategies import reports, seeds
from test_roundtrip import _budget, zero_report
from test_shapes_roundtrip import zero_report_2019

TABLES = ("active_disclosure", "applications", "review_litigation")
EDIT_PERTURBATIONS = tuple(name for name in PERTURBATION_NAMES if name != "spaces")  # see govparse.edits
perturbation_sets = st.frozensets(st.sampled_from(EDIT_PERTURBATIONS)).map(lambda s: tuple(sorted(s)))


# 表四 prints its three groups in one row, which the grammar-based stages call ``outcomes``: a diagnostic
# about that printed row names each group's row.
PRINTED_ROWS = {"review_litigation": "outcomes"}


def names_row(diagnostic, table: str, row: str) -> bool:
    """Whether ``diagnostic`` names ``row`` of ``table``: by the fields the row stage of issue 12 adds
    (``table``, ``row``), or, until then, by the row key as a word in a message about the table
    (``applications: row granted …``, ``applications.granted.total is blank``)."""
    names = {row, PRINTED_ROWS.get(table, row)}
    if getattr(diagnostic, "row", None) in names and getattr(diagnostic, "table", table) == table:
        return True
    message = diagnostic.message
    return table in message and any(re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", message) is not None
                                    for name in names)


def names_cell(diagnostic, table: str, row: str, column: str) -> bool:
    """``names_row``, unless the diagnostic is about another cell of the row (``applications.granted.total
    is blank`` says nothing about granted.natural_person)."""
    if not names_row(diagnostic, table, row):
        return False
    cells = re.findall(rf"(?<![\w]){re.escape(table)}\.{re.escape(row)}\.(\w+)", diagnostic.message)
    return not cells or column in cells


def names_table(diagnostic, table: str) -> bool:
    """An error about the whole table (``review_litigation: … table is null``)."""
    return diagnostic.level == ERROR and (getattr(diagnostic, "table", None) == table
                                           or diagnostic.message.startswith(f"{table}:"))


RIGHT = "right"
NULL_NAMED = "null, row named"  # a touched cell lost, as allowed
NULL_UNNAMED = "null, row not named"
NULL_SILENT = "null, nothing said"  # neither its row nor its table named
WRONG_FLAGGED = "other number, flagged"  # a diagnostic names the row or a failing identity involves the cell
WRONG_SILENT = "other number, silent"
AMBIGUOUS_READ = "a number for an ambiguous cell"  # the model's, or another one flagged


def _new_findings(result, report: Report) -> set[str]:
    """Cells of the identity checks that fail in ``result`` but not on the model's own values (an identity
    the report itself breaks says nothing about a number read wrong)."""
    held = {(c.id, c.name) for c in check_all(report.applications, report.review_litigation) if c.ok is not False}
    return {name for check in result.findings if (check.id, check.name) in held
            for name in (*check.lhs_cells, *check.rhs_cells)}


def verdicts(result, report: Report, touch: Touch) -> list[tuple[str, str, str]]:
    """(cell, verdict, what was found) for every cell of the three tables that is not as it should be.

    A diagnostic counts for a cell when it is a warning or an error (an info says noise was skipped) and
    names the cell's row and no other cell of it (``names_cell``).
    """
    document = result.to_dict()
    failing = _new_findings(result, report)
    warnings = [d for d in result.diagnostics if d.level != INFO]  # info is noise skipped, no warning
    out = []
    for table in TABLES:
        want_table = to_plain(getattr(report, table))
        got_table = document[table] or {}
        for row, columns in want_table.items():
            touched = table == touch.table and row in touch.rows
            for column, want in columns.items():
                found = got_table.get(row, {}).get(column)
                cell = f"{table}.{row}.{column}"
                named = any(names_cell(d, table, row, column) for d in warnings)
                if table == touch.table and (row, column) in touch.ambiguous:
                    errors = any(d.level == ERROR and names_cell(d, table, row, column) for d in warnings)
                    if found is None and errors:
                        continue
                    verdict = NULL_UNNAMED if found is None else \
                        WRONG_SILENT if not (same(want, found) or named or cell in failing) else AMBIGUOUS_READ
                elif same(want, found):
                    continue
                elif found is None:
                    if touched and named:
                        continue
                    verdict = NULL_NAMED if named else NULL_UNNAMED
                    if not named and not any(names_table(d, table) for d in warnings):
                        verdict = NULL_SILENT
                else:
                    verdict = WRONG_FLAGGED if named or cell in failing else WRONG_SILENT
                out.append((cell, verdict, repr(found)))
    return out


def _parse_edited(report, layout, kind, table, place, perturbations, seed, edit_seed):
    edited = render_edited(report, layout, kind, table, place, perturbations, seed, edit_seed)
    result = govparse.parse(edited.text)
    where = (f"kind={kind} layout={layout.name} perturbations={perturbations} seed={seed} table={table} "
             f"place={place} edit_seed={edit_seed}\n  edit: {edited.touch.table}: {edited.touch.note}")
    return result, edited.touch, where


def _explain(result, problems) -> str:
    lines = [f"{cell}: {verdict} ({found})" for cell, verdict, found in problems[:30]]
    lines += [f"[{d.level}] {d.code}: {d.message} (line {d.line})" for d in result.diagnostics
              if d.level != "info"][:15]
    return "\n  ".join(lines)


def assert_local(report, layout, kind, table, place, perturbations, seed, edit_seed) -> None:
    """Untouched cells right; touched cells right or null with their row named; ambiguous ones null."""
    result, touch, where = _parse_edited(report, layout, kind, table, place, perturbations, seed, edit_seed)
    problems = verdicts(result, report, touch)
    assert not problems, f"{where}\n  {_explain(result, problems)}"


def assert_not_silent(report, layout, kind, table, place, perturbations, seed, edit_seed) -> None:
    """No other number without a diagnostic or a failing identity, no null without a word."""
    result, touch, where = _parse_edited(report, layout, kind, table, place, perturbations, seed, edit_seed)
    problems = [p for p in verdicts(result, report, touch) if p[1] in (WRONG_SILENT, NULL_SILENT)]
    assert not problems, f"{where}\n  {_explain(result, problems)}"


# --- what the current stages cannot do yet --------------------------------------------

ROWS_BY_LABEL = "not yet: see the comment of FAILING_NOW / SILENT_NOW"
# Kinds that still fail the local property (the census, tests/edit_census.py, says how often). Fixed: a
# caption's pad line (|||) kept by the lexer ("lost-cell-fees-2019-cell-per-line"); the wrapped-labels reader
# takes no caption in pieces for a label's tail ("lost-label-split-header-2019-space",
# "page-break-split-labels-2019"), no header line for a lost row's label, no line wider than a label's for its
# tail ("note-under-table-two-2019-space"); space-delimited rows with labels broken before their values are no
# PDF's wrapped labels where a lost label or a folio leaves one line of values alone: a caption, or text
# whose rest opens the next line of values, is no label's tail (layout._label_head;
# "lost-first-label-split-2019-space", "page-break-delta-in-words-2019-space"); table 四's blank last cell
# is no padding after a doubled cell (see SILENT_NOW); a header repeated after a page break in cell-a-line text
# with its own empty cells around it (furniture._header_again, cells._linear_cells:
# "page-break-header-again-blank-separated-2019", "page-break-table-four-*"); a doubled cell in a 2019 table 二
# whose captions, split in two cells with stray empty cells after them, looked padded to the table's width while
# no row was padded and one printed at its own width beside it (行政事业性收费 0 0: nulled, named): captions show
# the grid's width, not that rows are padded to it ("doubled-null-mark-padded-by-captions-2019",
# rows._grid_width). A kind still failing is held by a pinned case (in REGRESSIONS, so that the strict xfail
# holds on every run):
FAILING_NOW: frozenset = frozenset()
# Kinds that give another number than the model's with no warning naming its row and no new failing
# identity (REGRESSIONS keeps a case of each kind that once did). Fixed: a doubled cell read as a padded row's
# values ("doubled-cell-padded-by-caption-2019", rows._grid_width: a row narrower than the table printed at its own
# width speaks against padding); table 四's blank last cell read as
# padding after a doubled cell ("doubled-cell-table-four-blank-total-cell-per-line": a line of blank cells
# alone, a cell-per-line scrape's spanned header columns, is no label line ending blank); delete-cell's
# "lost-cell-placed-by-x-*" (gapblanks places no blanks by x in rows whose words are all one space apart).
SILENT_NOW: frozenset = frozenset()


PROMISES = {"local": (assert_local, FAILING_NOW), "not-silent": (assert_not_silent, SILENT_NOW)}
PROMISE_CASES = [
    pytest.param(promise, kind, id=f"{promise}-{kind}",
                 marks=[pytest.mark.xfail(strict=True, raises=AssertionError, reason=ROWS_BY_LABEL)]
                 if kind in failing else [])
    for promise, (_, failing) in PROMISES.items() for kind in KIND_NAMES]


AD = "active_disclosure"
GRANTED = {f"applications.granted.{column}": value for column, value in zip(
    ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"),
    (1, 2, 3, 4, 5, 6, 21))}
def _zeros(table_class):
    return table_class(**{row: row_class(**{column: Decimal(0) if kind == MONEY else 0
                                            for column, kind in columns_of(row_class)})
                          for row, row_class in rows_of(table_class)})


ZERO_2019 = dataclasses.replace(zero_report(), active_disclosure=_zeros(ActiveDisclosure2019),
                                applications=_zeros(Applications2019))
NEW_RECEIVED = {f"applications.new_received.{column}": value for column, value in zip(
    ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"),
    (1, 2, 3, 4, 5, 6, 21))}
CARRIED_OVER = {"applications.carried_over.natural_person": 4, "applications.carried_over.total": 4}
# Named regression cases: (report, layout, table, place, perturbations, seed, edit_seed), each the
# smallest form of a failure hypothesis found (shrunk cases carry thousands of drawn values; these keep
# the mechanism). ``table`` and ``place`` index the tables and places each kind can take, so every case
# runs for every kind; the comment says which kind it was found with and what the current stages do.
REGRESSIONS = {
    # every label and row edit at the first place of 表二 in linear-cell: the table nulled
    # (table-structure error), so untouched rows are lost; swap-columns: issued and repealed swapped silently
    "first-place-linear": (zero_report(**{
        f"{AD}.regulations.issued": 3, "applications.new_received.commercial": 2,
        "applications.new_received.total": 2, "applications.granted.commercial": 2, "applications.granted.total": 2,
        "applications.total_processed.commercial": 2, "applications.total_processed.total": 2,
        "review_litigation.review.upheld": 1, "review_litigation.review.total": 1}), LAYOUTS[0], 0, 0, (), 0, 0),
    # duplicate-row-different: 行政事业性收费 printed twice, the first copy 1, the second (the model's) 0:
    # the first taken, the second "cells after the end of the table ignored (from '行政事业性收费')", which
    # names no row and says nothing of the kept value (found as 2019 政府集中采购 twice in markdown)
    "conflicting-last-row": (zero_report(), LAYOUTS[0], 0, 5, (), 0, 0),
    # unknown-row: 其中：行政确认 25 after a blank 行政事业性收费 in pipe row-per-line: fees read as 25, silently
    # (found as 小计 354 in tab-delimited)
    "unknown-row-after-blank-fees": (zero_report(**{f"{AD}.fees.amount_wan": None}), LAYOUTS[3], 0, 5, (), 0, 0),
    # delete-cell: granted's first cell taken out in markdown: the row's spanned-column cell read as its
    # last value, every other value shifted one column left, silently (total blank, its own warning)
    "delete-cell-markdown": (zero_report(**GRANTED), LAYOUTS[4], 1, 14, (), 0, 0),
    # duplicate-cell: 1 | 1 | (blank) | 3 in markdown: the blank taken for a stray cell, repealed read as 1,
    # silently (表二 has no identity to catch it)
    "duplicate-cell-beside-blank": (zero_report(**{f"{AD}.regulations.issued": 1, f"{AD}.regulations.repealed": None,
                                                   f"{AD}.regulations.in_force": 3}), LAYOUTS[4], 0, 0, (), 0, 0),
    # duplicate-cell, rows read by label: 0 0 (blank) with the first 0 doubled in a cell-per-line layout
    # reads 0 0 0 and the blank as padding after a full row: in_force 0 for a blank, silently
    "duplicate-cell-before-a-blank": (zero_report(**{f"{AD}.regulations.in_force": None}), LAYOUTS[0], 0, 0, (),
                                      0, 0),
    # delete-label / misspell-label: 行政强制's label lost in HTML after a blank 行政处罚: its 7 read as
    # punishment's, silently (found in 2019 edition reports, the same rows)
    "label-lost-after-blank-row": (zero_report(**{f"{AD}.punishment.decisions": None, f"{AD}.coercion.decisions": 7}),
                                   LAYOUTS[8], 0, 4, (), 0, 0),
    # delete-label: 其他对外管理服务事项's label emptied in pipe cell-per-line (2019 edition) after 行政许可
    # 1 | (blank) | (blank): licensing read as 1, 5, 36, the next row's values (a drawn report: the
    # renderer's random_report, seed 5, a fifth of cells blank)
    "label-emptied-after-blanks-2019": (random_report(random.Random(5), edition="2019", blanks=0.2), LAYOUTS[2],
                                        0, 3, (), 0, 1),
    # misspell-label in tab-delimited with split headers: a caption line and two narrow rows whose tabs
    # added up to table 二's first block's were joined as one python-docx row of several paragraphs
    # (第二十条第（五）项 with 信息内容, 本年处理决定数量 with 行政许): licensing lost
    "tab-rows-adding-up-to-a-wider-row": (zero_report(), LAYOUTS[6], 0, 0, ("split-header",), 0, 2),
    # page-break (found by the CI profile in a full run): '- 2 -' and the header again before the second
    # row of an all-zero 2019 表二 in space-delimited rows with split-header: 行政 and 处罚 each taken for an
    # unknown row, punishment missing, other_services empty (nulls named by row, no wrong number)
    "page-break-split-labels-2019": (zero_report_2019(), LAYOUTS[7], 0, 0, ("split-header",), 0, 3211),
    # delete-cell: new_received's first cell taken out in pipe cell-per-line, the row's spanned columns a
    # line of pipes after it: the pad read as the total, every value shifted left, silently
    "lost-cell-before-a-pad-line": (zero_report(**NEW_RECEIVED), LAYOUTS[2], 1, 0, (), 0, 0),
    # delete-label: 二、上年结转…'s label taken out (line-per-cell) or emptied (blank-separated): its
    # numbers ran on after new_received's, which was nulled (cell-count): a neighbour lost
    "lost-label-cell-per-line": (zero_report(**{**NEW_RECEIVED, **CARRIED_OVER}), LAYOUTS[1], 1, 1, (), 0, 0),
    "lost-label-emptied-blank-separated": (zero_report(**CARRIED_OVER), LAYOUTS[0], 1, 1, (), 0, 1),
    # duplicate-cell: 表四's first cell printed twice in tab-delimited, its last cell blank: sixteen cells,
    # the blank read as padding after fifteen, every value shifted right (flagged by I3 only)
    "doubled-cell-table-four-blank-total": (zero_report(**{
        "review_litigation.review.upheld": 1, "review_litigation.review.corrected": 2,
        "review_litigation.review.total": 3, "review_litigation.suit_after_review.total": None}), LAYOUTS[6], 2, 0, (),
        0, 0),
    # duplicate-cell: 行政事业性收费's first 0 printed twice in pipe cell-per-line (2019 edition, where only
    # fees and procurement need a pad cell): procurement, padded like every row, was nulled as a cell long
    "doubled-cell-fees-2019-cell-per-line": (ZERO_2019, LAYOUTS[2], 0, 18, (), 0, 0),
    # duplicate-cell (found by the CI profile after the merge of x-placed blanks): new_received's first 0
    # printed twice in space-delimited rows; the one row of eight values was taken as the table's full row
    # and carried_over, one short of it, given a blank and nulled: a neighbour lost (gapblanks._placed_by)
    "doubled-cell-one-row-longer-space": (zero_report_2019(), LAYOUTS[7], 1, 0, (), 0, 0),
    # duplicate-cell: table 四's first 0 printed twice, one cell a line (blank-separated): sixteen cells read as
    # numbers wrapped in their cells (100+0 joined), which only PDF text without cell marks does
    "doubled-cell-table-four-not-wrapped": (zero_report_2019(**{"review_litigation.suit_direct.total": 100}),
                                            LAYOUTS[0], 2, 0, (), 0, 0),
    # delete-cell: fees' 5 of 5 | 3 taken out in the same table: 3 and the pad read as 3 and blank, silently
    "lost-cell-fees-2019-cell-per-line": (dataclasses.replace(ZERO_2019, active_disclosure=dataclasses.replace(
        ZERO_2019.active_disclosure, fees=FeeItems(5, 3))), LAYOUTS[2], 0, 18, (), 0, 0),
    # delete-label: the first row's label taken out in space-delimited with labels split (2019 edition)
    "lost-label-split-header-2019-space": (ZERO_2019, LAYOUTS[7], 0, 0, ("label-variants", "split-header"), 0, 0),
    # swap-columns (the long run): 结果维持/总计 swapped in table 四's second group, tab-delimited: 总计 … 结果维持 |
    # 结果维持 … side by side, read as one merged cell (python-docx writes a merged cell once per column), the
    # header one label short, the values placed in the statutory order (upheld and total swapped, flagged by I3).
    # No reader can tell: govparse.edits no longer makes a swap that puts two equal labels side by side
    "swap-doubling-a-label-table-four-tab": (zero_report(**{"review_litigation.suit_direct.pending": 1,
                                                            "review_litigation.suit_direct.total": 1}),
                                             LAYOUTS[6], 2, 301, (), 0, 0),
    # Found by the long run of this branch (HYPOTHESIS_PROFILE=long), shrunk:
    # delete-label / page-break: the note under table 二 (注：以上数据…) taken for the last row's label tail,
    # procurement lost (fixed: wrapped._wider, a line wider than the label line is no tail of it)
    "note-under-table-two-2019-space": (zero_report_2019(), LAYOUTS[7], 0, 0,
                                        ("label-variants", "null-marks", "prose", "split-header", "stray-cells",
                                         "thousands"), 0, 0),
    # delete-label: 行政规范性文 / 件 and 其 他对外管理服 / 务事项 after the lost first row's 0 0 0, each piece
    # read as an unknown row (2019 edition, space-delimited, split labels): three rows lost, named
    "lost-first-label-split-2019-space": (zero_report_2019(), LAYOUTS[7], 0, 0, ("label-variants", "split-header"),
                                          0, 67108865),
    # page-break: 行政强制's 本年增/减 printed 增1 and split (增 / 1 0), 增 read as an unknown row: coercion lost, named
    "page-break-delta-in-words-2019-space": (zero_report_2019(**{"active_disclosure.coercion.delta": 1}), LAYOUTS[7],
                                             0, 0, ("label-variants",), 0, 1),
    # delete-cell: 行政强制 0 0 1 with a 0 taken out in space-delimited rows: 0 1 placed by x (single spaces carry
    # no places) as prev_items and delta, decisions blank: delta read as 1, silently (gapblanks)
    "lost-cell-placed-by-x-2019-space": (zero_report_2019(**{"active_disclosure.coercion.decisions": 1}), LAYOUTS[7],
                                         0, 37, (), 0, 0),
    # delete-cell: the same in table 三 (3．要求提供公开出版物 0 0 0 0 0 1 read with other_org 1, total blank)
    "lost-cell-placed-by-x-space": (zero_report(**{"applications.rejected_publication.total": 1,
                                                   "applications.total_processed.other_org": 1}), LAYOUTS[7], 1, 119,
                                    (), 0, 0),
    # duplicate-cell: table 四's first 0 printed twice in pipe cell-per-line, its last cell blank: sixteen cells,
    # the blank read as padding, suit_after_review.total read as 0, silently (I3 holds on zeros)
    "doubled-cell-table-four-blank-total-cell-per-line": (
        zero_report(**{"review_litigation.suit_after_review.total": None}), LAYOUTS[2], 2, 0, (), 0, 0),
    # swap-columns / delete-cell (the long run): space-delimited rows with most labels split a character a line
    # (规 / 章 0 0 0, 行政 / 许 / 可 0) too few lines of rows for space-delimited, taken for pdftotext's reading
    # order (a PDF's text blocks), table 二 nulled with reading-order warnings, every row lost (fixed:
    # layout._rows_only, lines whose values all follow a label or other values are rows, never reading order)
    "space-delimited-read-as-reading-order": (zero_report(), LAYOUTS[7], 0, 0,
                                              ("label-variants", "null-marks", "prose", "split-header",
                                               "stray-cells", "thousands"), 0, 0),
    # Found by the long run of issue 12's second pass (20,000 examples, HYPOTHESIS_PROFILE=long), shrunk:
    # page-break: '第 29 页 共 36 页' and table 三's three header rows again before row 4 in pipe cell-per-line
    "page-break-header-again-cell-per-line": (zero_report(), LAYOUTS[2], 1, 1, (), 0, 0),
    # delete-cell: a 0 of 行政许可 taken out in pipe rows (2019 edition, split labels), 行政事业性收费 0 | 1
    "lost-cell-licensing-2019-pipe-rows": (zero_report_2019(**{"active_disclosure.fees.delta": 1}), LAYOUTS[3], 0,
                                           28, ("label-variants", "split-header"), 0, 233178),
    # duplicate-cell: table 四's first 0 printed twice in space-delimited rows, suit_after_review.pending 100
    "doubled-cell-table-four-space": (zero_report_2019(**{"review_litigation.suit_after_review.pending": 100}),
                                      LAYOUTS[7], 2, 0, (), 0, 0),
    # duplicate-cell (the second long run): table 四's first 0 printed twice in pipe rows, its last cell blank
    "doubled-cell-table-four-blank-total-pipe-rows": (
        zero_report_2019(**{"review_litigation.suit_after_review.total": None}), LAYOUTS[3], 2, 0, (), 0, 0),
    "doubled-cell-table-four-blank-other-space": (zero_report_2019(**{
        "review_litigation.suit_after_review.other": None, "review_litigation.suit_after_review.pending": 100}),
        LAYOUTS[7], 2, 0, (), 0, 0),
    "doubled-cell-table-four-blank-total-pipe-rows-split-labels": (
        zero_report_2019(**{"review_litigation.suit_after_review.total": None}), LAYOUTS[3], 2, 0,
        ("label-variants", "split-header"), 0, 0),
    # page-break: '- 29 -' and table 二's two header rows printed again before row 3 in blank-separated cells
    # with stray empty cells: the header's empty cells (blank lines between and after the skipped furniture
    # lines) ran on after 规章 0 0 0, which was nulled (cell-count, named): a neighbour lost. Found by make
    # test's dev profile and by CI's compiled run (fixed: cells._linear_cells, the blank lines between furniture
    # lines and after a header printed again before a label are its own)
    "page-break-header-again-blank-separated-2019": (zero_report_2019(), LAYOUTS[0], 0, 1, ("stray-cells",), 0, 2),
    # page-break: the same with 规章's last cell blank: the blank lines before the break are the row's (held
    # before; the first fix, reverted, took them for the header's and nulled the row)
    "page-break-after-blank-cell-blank-separated-2019": (
        zero_report_2019(**{"active_disclosure.regulations.total_published": None}), LAYOUTS[0], 0, 1, (), 0, 0),
    # page-break: in pipe cell-per-line, the header printed again had other stray empty cells (|) than the
    # first: the match stopped after the caption, its pad line ||| read as three blank cells of 规章 (fixed:
    # furniture._header_again, empty-cell lines are left out of the match and are the header's own)
    "page-break-header-again-stray-cells-cell-per-line-2019": (zero_report_2019(), LAYOUTS[2], 0, 1, ("stray-cells",),
                                                               0, 1),
    # page-break: table 四's header printed again before its row, the first header's stray empty cells before
    # the break, in line-per-cell: read as the row's first blank cells, nulled (fixed: empty cells between a
    # header line and the break are the header's where it is printed again). In pipe cell-per-line the same
    # held before, and failed with the header matched past its empty cells until its pad line (|||||) right
    # before the values was the header's too (a line of several empty cells is no one blank value)
    "page-break-table-four-line-per-cell": (zero_report(), LAYOUTS[1], 2, 0, ("stray-cells",), 0, 2),
    "page-break-table-four-cell-per-line": (zero_report(), LAYOUTS[2], 2, 0, ("stray-cells",), 0, 2),
    # duplicate-cell (the long run of this branch, on the base too): 政府集中采购's 0 printed twice in blank-separated
    # 2019 text with split labels and stray cells, its amount blank: 0 0 ∅ taken for a row padded to the table's
    # width, amount read as 0, silently; the padding's evidence was that very row (its last cell blank) and
    # caption (一) split in two cells with two stray empty cells (four cells, as wide as label and three values),
    # while 行政事业性收费, as narrow, was printed at its own width (fixed: rows._grid_width counts such rows
    # against padding; the row is null, named)
    "doubled-cell-padded-by-caption-2019": (zero_report_2019(**{"active_disclosure.procurement.amount": None}),
                                            LAYOUTS[0], 0, 64, ("split-header", "stray-cells"), 0, 1),
    # duplicate-cell, found checking the fix above: 政府集中采购's null mark printed twice (— - 无): the table
    # read as padded (its captions' stray cells), 行政事业性收费 0 0 nulled, named; local once rows printed at
    # their own width outvote captions (rows._grid_width)
    # duplicate-cell (the census at 6,000 draws: 16 silent): table 四's 20 printed twice in a markdown table
    # whose header lines carry stray empty cells at three widths, its last cell blank: that blank read as
    # padding, so the cells after the doubled one moved a column (review_litigation._padded_lines)
    "doubled-cell-table-four-ragged-header-markdown": (
        zero_report(**{"review_litigation.suit_direct.pending": 20, "review_litigation.suit_direct.total": 20,
                       "review_litigation.suit_after_review.total": None}),
        next(layout for layout in LAYOUTS if layout.name == "pipe-delimited/markdown"), 2, 84, ("stray-cells",),
        0, 0),
    "doubled-null-mark-padded-by-captions-2019": (
        zero_report_2019(**{"active_disclosure.procurement.amount": None,
                            "active_disclosure.procurement.projects": None}),
        LAYOUTS[0], 0, 64, ("null-marks", "split-header", "stray-cells"), 0, 2315),
    # duplicate-cell (the census at 6,000 draws, once; a known gap until rows._misfits): a 0 printed twice in a
    # markdown row whose other_org is blank (0 0 0 0 0 0 ∅ 0, then the table's padding): seven numbers that meet
    # I1, read one a column (rows._confirmed, for a table detector's made-up columns), other_org read 0 under a
    # read-by-identity warning. Zeros meet a sum wherever they stand; a detector makes up columns for its whole
    # grid, so where only one row of the table does not fit its columns, the row is its own cell off and is
    # nulled, named (pymupdf4llm and markitdown's PDF, held out 2200..2205: unchanged)
    "doubled-zero-beside-blank-read-by-identity-markdown": (
        zero_report(**{"applications.partially_granted.other_org": None}),
        next(layout for layout in LAYOUTS if layout.name == "pipe-delimited/markdown"), 1, 21, (), 0, 0),
    # page-break (make test's dev profile, found by branch mdpdf2; on de1cdf4 too): '- 4 -' and table 二's first
    # header printed again before 行政处罚 in space-delimited rows with split labels, the caption broken as
    # 第二十 / 条 第（一）项: 第二十 taken for the tail of 其他对外管理服务事项's label, the table read as labels
    # wrapped around their values, its 0 0 0 stray and the row nulled, named (fixed: layout._label_head reads a
    # caption's head with the next line whatever that line holds)
    "page-break-caption-head-alone-2019-space": (zero_report_2019(), LAYOUTS[7], 0, 6,
                                                 ("label-variants", "split-header"), 0, 1337001),
    # Known gaps of the long run of branch dupcell (20,000 examples), shrunk, fixed by branch gaps12:
    # delete-cell: a 0 of 2、没有现成信 | 息需要另行制作 taken out in pipe rows padded to ten cells (2019 edition,
    # labels split over two cells, the split labels' rows one cell wider): counted by cells, that row fits and
    # 3．补正后申请内容仍不明 | 确's eleven cells do not; by labels, the reverse. The tie went to counting by cells
    # and unable_unclear (untouched) was nulled, named; the by-cells fit read a padding blank as the row's last
    # value, so the tie goes to the count whose fitting rows end in fewer blank values (rows._fitting)
    "lost-cell-beside-split-label-pipe-rows-2019": (zero_report_2019(), LAYOUTS[3], 1, 252,
                                                    ("label-variants", "split-header"), 0, 7919903),
    # delete-label: 规章's label taken out in space-delimited rows with split labels, its 0 0 0 alone on a line
    # (read as labels wrapped around their values), 行政许可 0 增1 0: 增1 cut apart as a label glued to its
    # number, '增' read as an unknown row, licensing (untouched) nulled, named (fixed: wrapped._unglued keeps a
    # change written in words whole, and wrapped._VALUE reads it as a value)
    "lost-label-delta-in-words-2019-space": (zero_report_2019(**{"active_disclosure.licensing.delta": 1}),
                                             LAYOUTS[7], 0, 0, ("label-variants", "split-header"), 0, 1721),
    # delete-cell (long run of 2026-12-05, commit b160362): 2019 pipe rows with stray cells, 行政事业性收费's 本年增/减
    # taken out (0 | | for 0 | | |): 政府集中采购 below, untouched, - | 0 | (its padding blank), was read as 2 values
    # and 1 blank for 2 columns and nulled, named: the lost cell left one row showing the table's padding. Fixed:
    # a header line as wide as the grid with a blank last cell shows the padding as a caption does
    # (rows._padded_header_lines: 信息内容 | 上一年项目数量 | 本年增/减 | |)
    "lost-cell-padded-header-2019-pipe-stray-cells": (
        zero_report_2019(**{"active_disclosure.normative_documents.total_published": None,
                            "active_disclosure.other_services.decisions": None,
                            "active_disclosure.punishment.delta": None, "active_disclosure.coercion.delta": None,
                            "active_disclosure.procurement.projects": None}),
        LAYOUTS[3], 0, 370, ("label-variants", "null-marks", "split-header", "stray-cells", "thousands"), 0, 658335),
    # delete-cell (long run of 2026-12-05, commit 767676c): the same family in pipe rows, headers too broken by
    # stray cells to show the padding: 行政事业性收费 0 | | (a 0 taken out of 0 | 0 | |), 政府集中采购 0 | 无 | nulled.
    # Fixed: a blank after a row's values none of which is blank or printed twice is padding or a stray cell,
    # never one of them (rows._before_trailing_blanks, stray-empty-cell)
    "lost-cell-padding-after-distinct-values-2019-pipe": (
        zero_report_2019(**{"active_disclosure.normative_documents.total_published": None,
                            "active_disclosure.other_services.decisions": None,
                            "active_disclosure.coercion.delta": None, "active_disclosure.procurement.amount": None}),
        LAYOUTS[3], 0, 238,
        ("label-variants", "null-marks", "split-header", "stray-cells", "thousands"), 0, 3218),
    # duplicate-cell (long run of 2026-12-05, commit ede058b; silent, pre-existing): table 四 a cell per line,
    # blank-separated, its first value blank and a 0 printed twice: the blank's line, above the numbers, was
    # dropped as a header row's spanned column (review_litigation._off_header_lines, meant for a grid's rows)
    # and the fifteen zeros fit: review.upheld read 0 with nothing said. Fixed: blanks each alone on a line
    # are a cell-a-line text's blank values, kept; the row is a cell-count error
    "doubled-zero-after-blank-first-value-table-four-blank-separated": (
        zero_report_2019(**{"review_litigation.review.upheld": None}), LAYOUTS[0], 2, 1, (), 0, 0),
    # delete-cell (long run of 2026-12-05, commit 00ce91b; pre-existing on 9083522): 政府集中 | 采 | 购 | 1 | 0 |
    # in pipe rows padded to four cells, the 1 taken out: counted by cells the label fills three, so the row had
    # no room for padding and 0 | (blank) was read as its two values, projects 0. Fixed: a label broken over
    # cells that fills the padding column or more leaves its blank last cell padding or value (rows.counted_rows)
    "lost-cell-beside-label-in-three-cells-2019-pipe": (
        zero_report_2019(**{"active_disclosure.procurement.projects": 1}), LAYOUTS[3], 0, 240, ("split-header",),
        0, 2652257),
}
# Found by the long run, not met by the stages this issue owns: pinned in test_known_local_gaps (strict xfail),
# not in REGRESSIONS, so that the kinds they touch keep being searched: (report, layout, kind, table, place,
# perturbations, seed, edit_seed).
KNOWN_GAPS: dict[str, tuple] = {}  # none known since the long run of 2026-12-05 (its one gap is pinned above)


def pinned(test):
    for case in REGRESSIONS.values():
        test = example(*case)(test)
    return test


_PER_KIND = len(PROMISE_CASES)  # the promises and kinds share the profile's examples

edit_places = st.integers(0, 400)
edit_cases = given(report=reports(), layout=st.sampled_from(LAYOUTS), table=st.integers(0, 2), place=edit_places,
                   perturbations=perturbation_sets, seed=seeds, edit_seed=seeds)


@pytest.mark.parametrize(("promise", "kind"), PROMISE_CASES)
@_budget(_PER_KIND)
@edit_cases
@pinned
def test_local_edit(promise, kind, report, layout, table, place, perturbations, seed, edit_seed):
    """One promise (``local``: the edit costs its rows at most; ``not-silent``: no number or null
    without a word) for one kind of edit."""
    PROMISES[promise][0](report, layout, kind, table, place, perturbations, seed, edit_seed)


@pytest.mark.parametrize("case", [pytest.param(case, marks=pytest.mark.xfail(strict=True, raises=AssertionError,
                                                                           reason="see KNOWN_GAPS"))
                                  for case in KNOWN_GAPS])
def test_known_local_gaps(case):
    """Each known gap still fails ``local`` and never gives a wrong number (``not-silent`` holds)."""
    report, layout, kind, table, place, perturbations, seed, edit_seed = KNOWN_GAPS[case]
    assert_not_silent(report, layout, kind, table, place, perturbations, seed, edit_seed)
    assert_local(report, layout, kind, table, place, perturbations, seed, edit_seed)


@pytest.mark.parametrize("kind", KIND_NAMES)
@pytest.mark.parametrize("case", list(REGRESSIONS))
def test_regression_cases_run(kind, case):
    """Every named case renders and parses for every kind (the properties judge them)."""
    edited = render_edited(*_edit_arguments(kind, *REGRESSIONS[case]))
    assert isinstance(govparse.parse(edited.text), govparse.Result)


def _edit_arguments(kind, report, layout, table, place, perturbations, seed, edit_seed):
    return report, layout, kind, table, place, perturbations, seed, edit_seed


# --- the edits themselves ---------------------------------------------------------------


@pytest.mark.parametrize("kind", KIND_NAMES)
@_budget(_PER_KIND * 2)
@given(report=reports(), layout=st.sampled_from(LAYOUTS), table=st.integers(0, 2), place=edit_places,
       seed=seeds, edit_seed=seeds)
def test_edits_are_deterministic_and_seen(kind, report, layout, table, place, seed, edit_seed):
    """Same arguments, same text; and every edit shows in the text (a property over an edit that did
    nothing could not fail)."""
    edited = render_edited(report, layout, kind, table, place, (), seed, edit_seed)
    assert edited == render_edited(report, layout, kind, table, place, (), seed, edit_seed)
    assert edited.text != render(report, layout, (), seed), edited.touch.note


def _header_labels(table: TableGrid, at: int) -> list[str]:
    """The header labels over each value cell of body row ``at``, in print order, read from the grid the
    way a careful reader reads the header (a test oracle for swap-columns, not a parser)."""
    rows = table.grid.rows
    if table.key == "applications":
        top, five = rows[1].cells, rows[2].cells
        return [top[0].text, *(cell.text for cell in five), top[2].text]
    if table.key == "review_litigation":
        groups = ("行政复议", rows[1].cells[5].text, rows[1].cells[6].text)
        outcomes = [cell.text for cell in rows[1].cells[:5] + rows[2].cells[:10]]
        return [f"{groups[i // 5]}/{outcome}" for i, outcome in enumerate(outcomes)]
    block = max(i for i in range(at) if rows[i].cells[0].text == "信息内容")
    return [cell.text for cell in rows[block].cells[1:]]


def _by_header(table: TableGrid) -> dict[tuple[tuple[str, ...], str], object]:
    """Each value of the table keyed by the model rows of its printed row and its header label."""
    out = {}
    for at in table.body:
        values = [cell.value for cell in table.grid.rows[at].cells if cell.role == VALUE]
        labels = _header_labels(table, at)
        assert len(labels) == len(values), (table.key, at, labels, values)
        out.update({(table.printed[at], label): value for label, value in zip(labels, values)})
    return out


@_budget(10)
@given(report=reports(), place=edit_places)
def test_swap_columns_moves_header_and_data_together(report, place):
    """After swap-columns every value still sits under its own header label, in every table: the
    header is enough to read the table, so nothing is touched."""
    for index, table in enumerate(table_grids(report)):
        before = _by_header(table)
        edited = table_grids(report)[index]
        touch = swap_columns(edited, place, random.Random(0))
        assert not touch.rows and _by_header(edited) == before, touch.note
        assert [c.text for row in edited.grid.rows for c in row.cells] != \
               [c.text for row in table.grid.rows for c in row.cells], touch.note


@given(label=st.sampled_from(sorted({c.text for grid in grids(random_report(random.Random(0)))
                                     for row in grid.rows for c in row.cells if c.role == LABEL})),
       seed=seeds)
def test_misspelling_changes_one_character_after_the_enumerator(label, seed):
    wrong = misspelled(label, random.Random(seed))
    assert wrong != label
    shorter, longer = sorted((label, wrong), key=len)
    if len(shorter) == len(longer):
        assert sum(a != b for a, b in zip(label, wrong)) == 1
    else:
        assert len(longer) == len(shorter) + 1
        assert any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))
    enumerator = re.match(r"^(?:[一二三四五六七]、|（[一二三四五六七]）|\d．)", label)
    assert enumerator is None or wrong.startswith(enumerator.group())
