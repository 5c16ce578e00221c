"""pdftotext -layout text: blank cells placed by x among rows of one shape (govparse.gapblanks.placed_columns,
read by govparse.wrapped and govparse.gapblanks), on small hand-made lines of the kind pdftotext writes.

pdftotext lays each line out on a character grid of its own: rows of one shape (one label, or a group
label and a label) place their values at the same characters, a long number pushes what follows it.
A short row is placed only where it fits the full rows of its shape alike; else it stays short and
the row stage nulls it. Never a value in another column.
"""

from __future__ import annotations

import pytest

from govparse.gapblanks import aligned_cells
from govparse.gapblanks import placed_columns as _placed_columns
from govparse.wrapped import physical_rows


def _texts(row) -> list[str]:
    return [text for text, _, _ in row]


def _words(line) -> list[str]:
    return [text for _, text in line]


# --- placed_columns ------------------------------------------------------------------------------


def placed_columns(rows):
    """Rows whose places agree however counted (no wide characters before them)."""
    return _placed_columns(rows, rows)

FULL = [27, 55, 65, 75, 77, 85, 92]


def test_a_short_row_takes_the_columns_of_the_full_rows_of_its_shape():
    rows = [(1, 12, FULL), (1, 14, [27, 55, 75, 77, 85, 92]), (1, 10, FULL)]
    assert placed_columns(rows) == [None, [0, 1, 3, 4, 5, 6], None]


def test_a_missing_last_value_leaves_the_last_column_blank():
    assert placed_columns([(1, 12, FULL), (1, 12, FULL[:-1])])[1] == [0, 1, 2, 3, 4, 5]


def test_a_first_value_pushed_by_a_wrapped_label_is_the_first_column():
    """``用、行政机关不再处理其政府信息公开 23`` puts 23 right after its label, off every place."""
    assert placed_columns([(1, 12, FULL), (1, 17, [18, 55, 75, 77, 85, 92])])[1] == [0, 1, 3, 4, 5, 6]


def test_rows_of_another_shape_are_no_template():
    """A row beside a group label is pushed a column right: its places mean other columns."""
    pushed = [55, 65, 75, 77, 85, 92, 100]
    assert placed_columns([(1, 12, FULL), (2, 42, pushed[:-1])]) == [None, None]
    assert placed_columns([(1, 12, FULL), (2, 42, pushed), (2, 42, pushed[1:])])[2] == [1, 2, 3, 4, 5, 6]


def test_templates_placing_a_row_otherwise_leave_it_short():
    """Two full rows of one shape, a long number pushing the second: a short row fitting both
    differently is left short."""
    rows = [(1, 12, [27, 55, 65]), (1, 12, [27, 40, 55]), (1, 12, [27, 55])]
    assert placed_columns(rows)[2] is None


def test_a_blank_column_under_the_rows_own_label_is_no_blank():
    """Its label runs past the first column's place: the row is of another shape, not blank there."""
    assert placed_columns([(1, 12, FULL), (1, 40, FULL[1:])])[1] is None


def test_a_few_values_without_a_label_are_a_wrapped_numbers_pieces_not_a_row_with_blanks():
    """``12423`` above a row and ``1`` below it: neither line is placed, nor the row between them,
    which lacks that number rather than holding a blank."""
    rows = [(1, 12, FULL), (0, -1, [92]), (1, 12, FULL[:-1]), (0, -1, [92]), (1, 12, FULL), (1, 12, FULL[:-1])]
    assert placed_columns(rows) == [None, None, None, None, None, [0, 1, 2, 3, 4, 5]]


def test_places_between_columns_are_not_placed():
    assert placed_columns([(1, 12, FULL), (1, 12, [27, 56, 65, 75, 77, 85])])[1] is None


# --- pdftotext -layout lines ----------------------------------------------------------------------

TABLE_THREE = [
    "2．其他法律行政法规禁止公开             0                           0                   0 0       0      0",
    "3．危及“三安全一稳定”               0                           0         0         0 0       0      0",
    "4．保护第三方合法权益                0                           0         0         0 0              70269",
    "5．属于三类内部事务信息               0                           0         0         0 0       0      0",
    "6．属于四类过程性信息                0                           13        220       0 3       0      236",
]


def test_blank_cells_of_a_tight_table_are_placed_by_the_rows_of_their_shape():
    rows = physical_rows(TABLE_THREE, TABLE_THREE)
    assert _texts(rows[0]) == ["2．其他法律行政法规禁止公开", "0", "0", "", "0", "0", "0", "0"]
    assert _texts(rows[2]) == ["4．保护第三方合法权益", "0", "0", "0", "0", "0", "", "70269"]
    assert _texts(rows[4]) == ["6．属于四类过程性信息", "0", "13", "220", "0", "3", "0", "236"]


def test_a_row_whose_number_wrapped_and_was_not_joined_back_stays_short():
    """The head and tail of 70269 not at one place (no join): the row's six values are not spread
    over seven columns with a blank where the number was; the row stage nulls the row."""
    lines = TABLE_THREE[:2] + [
        " " * 92 + "7026",
        "5．属于三类内部事务信息               0                           0         0         0 0       0",
        " " * 90 + "9",
    ] + TABLE_THREE[3:]
    rows = physical_rows(lines, lines)
    short = next(row for row in rows if _texts(row)[:1] == ["5．属于三类内部事务信息"])
    assert _texts(short)[1:] == ["0", "0", "0", "0", "0", "0"]


def test_a_short_row_with_no_full_row_of_its_shape_stays_short():
    lines = TABLE_THREE[:1] + ["（三）不予公开                    1．属于国家秘密                    0         0         0 0       0      0"]
    rows = physical_rows(lines + TABLE_THREE[1:], lines + TABLE_THREE[1:])
    assert _texts(rows[1])[2:] == ["0", "0", "0", "0", "0", "0"]


TABLE_TWO = [
    "第二十条第（一）项",
    "信息内容     本年制发件数 本年废止件数 现行有效件数",
    "规章       0     891",
    "行政规范性文件 0      0          924",
]


def test_a_row_of_table_two_short_of_its_last_value():
    lines = aligned_cells(TABLE_TWO)
    assert _words(lines[2]) == ["规章", "0", "891", ""]
    assert _words(lines[3]) == ["行政规范性文件", "0", "0", "924"]


def test_a_lone_row_under_its_header_is_left_as_printed():
    lines = aligned_cells(TABLE_TWO[:3])
    assert _words(lines[2]) == ["规章", "0", "891"]


# --- labels wrapped around the values' line ---------------------------------------------------------

ROWS_BEFORE = [  # a label wrapped over full lines: how wide the table's label cells are
    "（二）部分公开（区分处理的，只计这一情",
    "                      0             443         0         0    0       0    443",
    "形，不计其他情形）",
    "（三）不予公开（区分处理的，只计这一情",
    "                      0             443         0         0    0       0    443",
    "形，不计其他情形）",
    "2．没有现成信息需要另行制作        0             21          0         0    0       2    11105",
]


WRAPPED_AROUND = {
    # ``3．补`` beside the values, its neighbour cell ``正后申请内容`` / ``仍不明确`` above and below
    # them: one row, labels in column order (the piece above is no stray line of the row before).
    "second label column": (["                      正后申请内容",
                             "3．补                          0                  0         691 18       18   9     3",
                             "                      仍不明确",
                             "4．保护第三方合法权益           559           0           0         5    3       0    17"],
                            ["3．补", "正后申请内容仍不明确"], "4．保护第三方合法权益"),
    "enumerated inner label": (["                      1．信访举报",
                                "（五）不予处理                             0           0         0    0       30   0     0",
                                "                      投诉类申请",
                                "2．重复申请           0           413       15   0       0    0     5"],
                               ["（五）不予处理", "1．信访举报投诉类申请"], "2．重复申请"),
    # a label of two lines, the values printed between them (no label beside them)
    "two lines around the values": (["2．申請人逾期未按收費",
                                     "                     7                                        21       0      0   26 0     54",
                                     "通知要求繳納費用",
                                     "3.其他                              0                           0        0      0   0    0   0"],
                                    ["2．申請人逾期未按收費通知要求繳納費用"], "3.其他"),
}


@pytest.mark.parametrize("case", sorted(WRAPPED_AROUND))
def test_a_label_wrapped_around_its_rows_values_keeps_its_lines_below(case):
    """pdftotext prints a row's values on its label's middle line: a narrow cell's lines below the
    values are as many as above, and the row's; the next row opens its own label."""
    table, labels, next_label = WRAPPED_AROUND[case]
    rows = physical_rows(ROWS_BEFORE + table, ROWS_BEFORE + table)[2:]
    assert _texts(rows[1])[:len(labels)] == labels
    assert _texts(rows[1])[len(labels)] == [text for text in table[1].split()][-7]  # then its values
    assert _texts(rows[2])[0] == next_label


def test_a_line_below_a_one_line_label_opens_no_tail_for_it():
    """Nothing of the row's label above its values: a narrow text line below is not its tail."""
    lines = ROWS_BEFORE + [
        "3．补正后申请内容仍不明确     0    0    0    0    0    0    0",
        "                      投诉类申请",
    ]
    rows = physical_rows(lines, lines)[2:]
    assert _texts(rows[1])[0] == "3．补正后申请内容仍不明确"
    assert "投诉类申请" not in _texts(rows[1])


def test_a_header_cell_the_two_ways_of_counting_place_apart_is_left_as_printed():
    """``处理`` / ``决定数量`` around the middle line: by character (pdftotext's grid) right of every
    piece of it, by display column between ``项目数量`` and ``本年增/减``. Joined by the display place
    it would put 处理决定数量 before 本年增/减 and read the delta +6 as the decisions."""
    lines = [
        "第二十条第（五）项",
        "                                               处理",
        "信息内容        上一       年        项目数量     本年增/减",
        "                                               决定数量",
        "行政许可        0        0        0",
        "其他对外管理服务事项 0         +6       无",
    ]
    header = [text for row in physical_rows(lines, lines) for text in _texts(row)]
    assert "处理决定数量" not in header or header.index("处理决定数量") > header.index("本年增/减")


# Text laid out for the eye (the renderer's x-positioned shape; found by test_shapes_roundtrip, seed 821):
# places agree by display column, and a row beside a second label column, wrapped around its values'
# line, is pushed a column right like one with two labels beside them.
DISPLAY_LAID = [
    "                       （一）予以公",
    "三、本年度办理结果                    442    4              0       7      8735        26    0",
    "                       开",
    "                       1．属于国家",
    "（三）不予公开                        13     843            1012    12     7           0     5",
    "                       秘密",
    "2．其他法律行政法规",
    "                       524            14     0              931     0      0           1",
    "禁止公开",
    "7．属于行政执法案卷                   23     4528           1       129    1           7",
    "8．属于行政查询事项    1              75673                 2411           43256       5",
]


def test_places_counted_the_way_the_full_rows_agree_on_and_rows_shaped_by_their_label_columns():
    rows = [_texts(row) for row in physical_rows(DISPLAY_LAID, DISPLAY_LAID)]
    assert rows[3] == ["7．属于行政执法案卷", "", "23", "4528", "1", "129", "1", "7"]
    assert rows[4] == ["8．属于行政查询事项", "1", "75673", "", "2411", "", "43256", "5"]


def test_the_way_of_counting_places_is_the_one_the_full_rows_agree_on():
    by_character = [(1, 9, [29, 36, 51, 59, 66, 78, 84]), (1, 7, [31, 38, 53, 61, 68, 80, 86]),
                    (1, 10, [29, 36, 51, 59, 66, 78])]
    by_display = [(1, 18, [38, 45, 60, 68, 75, 87, 93]), (1, 12, [38, 45, 60, 68, 75, 87, 93]),
                  (1, 18, [45, 60, 68, 75, 87, 93])]
    assert _placed_columns(by_character, by_display)[2] == [1, 2, 3, 4, 5, 6]
    assert _placed_columns(by_display, by_character)[2] == [1, 2, 3, 4, 5, 6]  # whichever way agrees
    # counted the other way alone, the short row fits the first full row's first six places
    assert placed_columns(by_character)[2] == [0, 1, 2, 3, 4, 5]


def test_a_stacked_header_cell_joins_as_the_tables_rows_count_places():
    """Laid out for the eye (display columns: the values of 行政许可 and 其他对外管理服务事项 align by
    display column, not by character), 本年增 / /减 sits between the middle line's two labels and is
    joined there; the pdftotext case above counts characters and leaves it (found by
    test_shapes_roundtrip, x-positioned, seed 14367)."""
    lines = [
        "第二十条第（五）项",
        "                                       本年增",
        "信息内容              上一年项目数量          处理决定数量",
        "                                       /减",
        "行政许可              0                -2     925",
        "其他对外管理服务事项  0                -147   62",
    ]
    rows = [_texts(row) for row in physical_rows(lines, lines)]
    assert rows[0][-4:] == ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
    assert ["行政许可", "0", "-2", "925"] in rows


def test_a_report_whose_table_three_is_rows_is_no_pdf_lines_text():
    # pdftotext -raw and pypdfium2 write a PDF's rows a line each (a wrapped label's lines before its values)
    # and table 四's header a piece a line: that table alone looks like PyMuPDF's text a span a line, which
    # must not make the report's rows cell-a-line text
    from govparse.layout import (LINE_PER_CELL, LINEAR_CELL, PDF_LINES, ROW_PER_LINE, SPACE_DELIMITED,
                                 WRAPPED_LABELS, TableLayout, follow_reading_order)

    layouts = {"active_disclosure": TableLayout(SPACE_DELIMITED, ROW_PER_LINE, "rows"),
               "applications": TableLayout(SPACE_DELIMITED, WRAPPED_LABELS, "wrapped rows"),
               "review_litigation": TableLayout(LINEAR_CELL, PDF_LINES, "a span a line")}
    def fresh():
        return {"active_disclosure": TableLayout(SPACE_DELIMITED, ROW_PER_LINE, "rows"),
                "applications": TableLayout(SPACE_DELIMITED, WRAPPED_LABELS, "wrapped rows"),
                "review_litigation": TableLayout(LINEAR_CELL, PDF_LINES, "a span a line")}

    layouts = fresh()
    follow_reading_order(layouts, lambda: True)
    assert layouts["applications"].style == WRAPPED_LABELS
    assert layouts["active_disclosure"].style == ROW_PER_LINE
    assert layouts["review_litigation"].style == LINE_PER_CELL
    # pdftohtml's lines of a value or two look like wrapped rows too: table 三 not printed in whole rows,
    # the PDF's lines lead and its other tables are read a span a line
    layouts = fresh()
    follow_reading_order(layouts, lambda: False)
    assert {layout.style for layout in layouts.values()} == {PDF_LINES}


def test_rows_printed_whole_tell_a_pdfs_rows_from_its_spans():
    from govparse.layout import rows_printed_whole
    from govparse.normalize import Document
    from govparse.sections import locate_sections

    def section_three(lines):
        doc = Document("\n".join(["三、收到和处理政府信息公开申请情况", *lines, "四、政府信息公开行政复议、行政诉讼情况"]))
        return doc, locate_sections(doc)[0]["三"]

    rows = [f"{n}．属于国家秘密" for n in range(1, 14)]
    whole = [line for label in rows for line in (label, "0 1 2 0 0 — 3")]
    assert rows_printed_whole(*section_three(whole))
    spans = [line for label in rows for line in (label, "0", "1 2", "0 0", "—", "3")]
    assert not rows_printed_whole(*section_three(spans))
    assert not rows_printed_whole(*section_three(whole[:24]))  # twelve rows: fewer than half of 26
