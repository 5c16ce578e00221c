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


def test_a_short_row_beside_a_group_label_is_read_a_column_right():
    """No full row of its shape, its label over the first column's place: its values, each at the place of
    the next column's, are its columns a column right (as pdftotext shifts a row beside a group label), and
    its last column, which no such row fills (past the last place the values show), is blank."""
    lines = TABLE_THREE[:1] + ["（三）不予公开                    1．属于国家秘密                    0         0         0 0       0      0"]
    rows = physical_rows(lines + TABLE_THREE[1:], lines + TABLE_THREE[1:])
    assert _texts(rows[1])[2:] == ["0", "0", "0", "0", "0", "0", ""]


def test_a_short_row_of_another_shape_off_the_columns_stays_short():
    lines = TABLE_THREE[:1] + ["（三）不予公开                    1．属于国家秘密                    0         0       0   0 0       0"]
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


# --- pypdf's layout mode: cells printed close run together, wrapped numbers' tails below ----------------------
# pypdf (extract_text(extraction_mode="layout")) places text by x like pdftotext -layout, with narrower gaps:
# two cells that sit close come out with no space between (2590 for 259 and 0), and a number wrapped in its
# narrow cell (table 四) leaves its tail on the line below, under its head. Such a value is never placed as
# one number: the row is null with a diagnostic, or split and joined where the identities confirm it.


def test_a_short_rows_value_running_over_a_blank_columns_place_is_two_cells_glued():
    rows = [(1, 12, FULL), (1, 14, [27, 55, 65, 75, 85, 92]), (1, 10, FULL)]
    lengths = [[1] * 7, [2, 1, 1, 1, 1, 2], [1] * 7]
    assert _placed_columns(rows, rows, lengths)[1] == [0, 1, 2, 3, 5, 6]
    lengths[1] = [2, 1, 1, 4, 1, 2]  # 2590 at 75 runs over the column at 77: 259 and 0, not 2590 and a blank
    assert _placed_columns(rows, rows, lengths)[1] is None


def test_a_value_running_over_a_blank_columns_group_is_not_placed_by_groups_either():
    # pypdf's layout mode, a held-out report: 18 and 0 ran together (180 at 69, the total's column at 71).
    # Placed by the groups of all rows' values, 180 took 其他 and left 总计 blank: a wrong number.
    from govparse.wrapped import _clustered

    places = [30, 49, 53, 61, 64, 69, 71]
    rows = [(1, 16, places), (1, 16, places), (1, 16, [30, 49, 53, 61, 64, 69]), (1, 16, places)]
    lengths = [[1] * 7, [1] * 7, [1, 1, 2, 1, 1, 3], [1] * 7]
    assert _clustered(rows, 7, lengths)[2] is None
    lengths[2] = [1, 1, 2, 1, 1, 2]  # 18 ends where the total's column starts: a blank total
    assert _clustered(rows, 7, lengths)[2] == [0, 1, 2, 3, 4, 5]


def test_cells_run_together_that_split_one_way_only_are_cut_where_the_row_keeps_its_blank():
    # pypdf's layout mode runs two close columns together (00, 03) in every row; a row with a blank placed
    # by x, which I1 cannot show, is read all the same: 00 is 0|0 whatever the count, and the count fits
    import govparse

    def _row(label: str, values: dict[int, str]) -> str:
        line = label
        for place, value in sorted(values.items()):
            line = line.ljust(place) + value
        return line

    places = [24, 47, 52, 60, 64, 69]
    rows = [_row("5．属于三类内部事务信息", dict(zip(places, ["0", "0", "0", "00", "0", "0"]))),
            _row("2．其他法律行政法规禁止公开", dict(zip([24, 47, 60, 64, 69], ["0", "3", "00", "0", "3"]))),
            _row("3．危及“三安全一稳定”", dict(zip(places, ["0", "0", "0", "00", "0", "0"]))),
            _row("6．属于四类过程性信息", dict(zip(places, ["0", "13", "220", "03", "0", "236"]))),
            _row("7．属于行政执法案卷", dict(zip(places, ["22", "0", "0", "00", "0", "22"]))),
            _row("8．属于行政查询事项", dict(zip([24, 47, 52, 60, 69], ["0", "0", "0", "0", "10"]))),
            _row("2．没有现成信息需要另行制作", dict(zip(places, ["0", "无", "14", "0", "0", "0179717"])))]
    text = "\n".join(["三、收到和处理政府信息公开申请情况", "自然人                  商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
                      *rows, "四、政府信息公开行政复议、行政诉讼情况"]) + "\n"
    table = govparse.parse(text).to_dict()["applications"]
    assert list(table["denied_prohibited_by_law"].values()) == [0, 3, None, 0, 0, 0, 3]
    assert list(table["denied_process_info"].values()) == [0, 13, 220, 0, 3, 0, 236]
    assert set(table["denied_admin_query"].values()) == {None}  # 0 at the glued place: which of the two is blank?
    assert list(table["unable_needs_creation"].values()) == [0, None, 14, 0, 0, 0, 179717]  # 0|179717 after 0


def test_runs_over_needs_the_next_columns_place():
    from govparse.gapblanks import runs_over

    assert runs_over(79, 77) and not runs_over(77, 77) and not runs_over(79, -1 << 20)


def _cells(*lines: str, first: int = 11) -> list[tuple[str, int, int]]:
    import re

    return [(found.group(), first + offset, found.start() + 1)
            for offset, line in enumerate(lines) for found in re.finditer(r"\S+", line)]


ROW_GLUED = "26   0    0    20635 206610    0    20   16742 167443    13   0    0     16"
TAILS_GLUED = "                                         5     5"


def test_tails_join_the_value_above_them_after_a_full_cells_digits():
    from govparse.gapblanks import tails_joined, tails_under

    cells = _cells(ROW_GLUED, TAILS_GLUED)
    assert tails_under(cells)
    texts, joined = tails_joined(cells)
    # 16744 and 3 ran together: the tail goes after the five digits a cell holds, the number ends there, before
    # the glued 3
    assert texts == ["26", "0", "0", "20635", "206610", "0", "20", "167425", "167445 3", "13", "0", "0", "16"]
    assert joined == {7, 8}


def test_two_tails_under_one_run_of_cells_each_join_its_own_cell():
    from govparse.gapblanks import tails_joined

    cells = _cells("0    23   0    1152111523261  5    29   16   311  0    2    28   0    30",
                   "               6    9")
    texts, joined = tails_joined(cells)
    assert texts[3] == "115216 11523" + "9 " + "261" and joined == {3}


def test_tails_that_meet_i3_joined_after_two_counts_of_digits_leave_table_four_null():
    # pypdf's layout mode, a held-out report: 149700 over 1 is 14970|1 and 0 (a cell of five digits) or 1497|1
    # and 00 (four, as the places four apart say); both meet I3, and the four read 149710 for 149701
    import govparse

    text = "\n".join(["四、政府信息公开行政复议、行政诉讼情况", "行政复议 行政诉讼",
                      "149700   0    22   14972404  0    0   0    404  0    0    0    0   0",
                      "1                  3", "五、存在的主要问题及改进情况"]) + "\n"
    result = govparse.parse(text)
    assert set(result.to_dict()["review_litigation"]["review"].values()) == {None}
    assert any(d.code == "wrapped-number" for d in result.diagnostics)


def test_lines_that_are_no_row_and_its_tails_are_not_joined():
    from govparse.gapblanks import tails_joined, tails_under

    assert not tails_under(_cells(ROW_GLUED))  # one line: nothing wrapped
    assert not tails_under(_cells(ROW_GLUED, "  5"))  # under no value
    assert not tails_under(_cells(ROW_GLUED, TAILS_GLUED, TAILS_GLUED))  # three lines: pdfplumber's heads and tails
    assert not tails_under(_cells(ROW_GLUED, TAILS_GLUED.replace("5     5", "5     x")))
    # a head with a thousands separator (162,0 for 162,094) or of two digits is not joined
    assert tails_joined(_cells("162,00   0    22   162,10    9", "94                 16")) is None
    assert tails_joined(_cells("12   0", "5")) is None


PYPDF_TABLE_FOUR = """四、政府信息公开行政复议、行政诉讼情况

行政   行政诉讼
复议
                          未经
结果   结果   其他   尚未    总计   复议   复议后起诉
维持   纠正   结果   审结         直接
                          起诉
结果   结果   其他   尚未    总计   结果   结果   其他   尚未    总计
维持   纠正   结果   审结         维持   纠正   结果   审结
{row}
{tails}
五、存在的主要问题及改进情况
"""


def _table_four(row: str, tails: str = ""):
    from govparse import parse

    result = parse(PYPDF_TABLE_FOUR.format(row=row, tails=tails))
    codes = {d.code for d in result.diagnostics if d.table == "review_litigation"}
    return result.to_dict()["review_litigation"], codes


def test_table_four_glued_and_wrapped_read_where_i3_confirms():
    table, codes = _table_four(ROW_GLUED, TAILS_GLUED)
    assert [list(group.values()) for group in table.values()] == [
        [26, 0, 0, 20635, 20661], [0, 0, 20, 167425, 167445], [3, 13, 0, 0, 16]]
    assert "split-by-identity" in codes


def test_table_four_wrapped_where_i3_does_not_confirm_is_null():
    # the same text with one digit of the row changed: no reading meets I3, never a number read anyway
    table, codes = _table_four(ROW_GLUED.replace("16742", "16741"), TAILS_GLUED)
    assert all(value is None for group in table.values() for value in group.values())
    assert "wrapped-number" in codes
    # nothing glued, a tail joined by place alone: its group must show I3 met
    row = "26   0    0    20635 20661    0    0    20   16742 16744    3    13   0    0     16"
    tails = "                                             5     4"
    table, codes = _table_four(row, tails)
    assert all(value is None for group in table.values() for value in group.values())


def test_table_four_cells_run_together_on_one_line_split_under_i3():
    row = "0    0    26   0    26    23   21   17   0    61    18   119  50   142"
    table, codes = _table_four(row)
    assert [list(group.values()) for group in table.values()] == [
        [0, 0, 26, 0, 26], [23, 21, 17, 0, 61], [18, 119, 5, 0, 142]]


PYPDF_TABLE_THREE = """三、收到和处理政府信息公开申请情况

（本列数据的勾稽关系为：第一项加第    申请人情况
二项之和，等于第三项加第四项之和）
自然人                  法人或其他组织            总计
商业企业                 科研机构               社会公益组织  法律服务机构 其他
一、本年新收政府信息公开申请数量      476                 41    77    2750 116985
二、上年结转政府信息公开申请数量      0                   5     2     0  276  40
三、本年度办理结果             （一）予以公开             5     \u00a0      0  0 0  6 11
（二）部分公开（区分处理的，只计这一情形，不计其他情形）    5                  0  0 0  6 11
（三）不予公开                 1．属于国家秘密              0    0    0    0 00   0
四、政府信息公开行政复议、行政诉讼情况
"""


def test_table_three_placed_by_x_splits_cells_run_together_where_i1_shows_it():
    from govparse import parse

    result = parse(PYPDF_TABLE_THREE)
    table = result.to_dict()["applications"]
    assert list(table["new_received"].values()) == [476, 41, 77, 275, 0, 116, 985]  # 2750 116985: I1 decides
    assert list(table["carried_over"].values()) == [0, 5, 2, 0, 27, 6, 40]
    assert list(table["denied_state_secret"].values()) == [0] * 7  # 00: the format alone, I1 shows it
    assert list(table["granted"].values()) == [5, None, 0, 0, 0, 6, 11]  # its blank a no-break space
    # the same row with its blank printing nothing: 11 split as 1|1 fits the format alone and breaks I1; a row
    # short of a cell in text placed by x has more often lost a blank: null, never 1 and 1
    assert all(value is None for value in table["partially_granted"].values())
    assert any(d.code == "ambiguous-digits" and d.row == "partially_granted" for d in result.diagnostics)


def test_text_placed_by_x_is_told_by_its_gaps():
    from govparse.gapblanks import placed_by_x

    lines = PYPDF_TABLE_THREE.splitlines()
    assert placed_by_x(lines)
    assert not placed_by_x([" ".join(line.split()) for line in lines])  # a value a space apart: pdfplumber, pypdf
    assert not placed_by_x(["一、本年新收 12", "规章  3  4"])  # no line of three values: nothing told


def test_identities_show_a_split_only_with_every_term_present():
    from govparse.digits import row_sum
    from govparse.rows import shown_by

    assert shown_by([row_sum(3)], [1, 2, 3])
    assert not shown_by([row_sum(3)], [1, 2, 4])
    assert not shown_by([row_sum(3)], [1, None, 3])  # a blank shows nothing
    assert not shown_by([], [1, 2, 3])  # a row no identity binds


def test_a_no_break_space_among_values_laid_out_by_x_is_a_blank_cell():
    from govparse.wrapped import lone_blanks

    line = "（一）予以公开             5     \u00a0      0  0 0  6 11"
    assert lone_blanks(line) == [line.index("\u00a0")]
    assert lone_blanks("0 0 \u00a0 0") == [4]  # pypdf's plain text: a space either side
    # values a space apart: a no-break space beside a run of spaces is spacing, as before
    assert lone_blanks("规章 0  \u00a0 891") == []


def test_a_no_break_space_glued_to_a_value_laid_out_by_x_is_a_blank_cell_beside_it():
    # pypdf's layout mode: two columns printed close, the second one empty (0 and a blank: 0\u00a0), as 00 is two
    from govparse.wrapped import lone_blanks

    line = "2．没有现成信息需要另行制作          0                      0    0       0\u00a0   0    0"
    assert lone_blanks(line) == [line.index("\u00a0")]
    line = "3．补正后申请内容仍不明确         0                    0      9      \u00a036465   1536489"
    assert lone_blanks(line) == [line.index("\u00a0")]
    assert lone_blanks("三、\u00a0收到  0    0") == []  # beside text: spacing
    assert lone_blanks("0 0\u00a0 0") == []  # values a space apart (pypdf's plain text): not laid out by x


def test_labels_wrapped_below_the_line_of_their_values_are_no_rows_of_labels_above():
    # the lines govparse's PDF reader gives for a borderless table of a Word document (a rendered report,
    # 2021-blank-cells 1201, through pandoc to DOCX and LibreOffice to PDF): label cells two characters wide,
    # the enumerator on the line of the row's values (5．  0  0 …) and the label's words below. Read as rows
    # whose labels are broken over the lines above, each row took the next one's values: 要求行政机关确认…
    # read （六）1．'s 0 23 19 0 16 58 with no word. Every cell is now right or null.
    import json
    from decimal import Decimal
    from pathlib import Path

    import govparse
    from govparse.layout import WRAPPED_LABELS

    data = Path(__file__).parent / "data"
    result = govparse.parse((data / "borderless-word-table-pdf-lines.txt").read_text(encoding="utf-8"))
    expected = json.loads((data / "borderless-word-table-pdf-lines.expected.json").read_text(encoding="utf-8"),
                          parse_float=Decimal)
    assert result.traces["applications"].layout.style == WRAPPED_LABELS
    read = result.to_dict()
    wrong = [(table, row, column, value, read[table][row][column])
             for table in ("active_disclosure", "applications", "review_litigation")
             for row, columns in expected[table].items() for column, value in columns.items()
             if read[table][row][column] is not None and read[table][row][column] != value]
    assert wrong == []
    assert read["applications"]["rejected_publication"]["total"] == 29


def test_a_line_after_a_page_break_fits_under_no_row_without_a_label():
    """A row printed with values and no label line has no width a line after a page break could fit
    under: that line starts a row of its own (max() over no label lines used to raise)."""
    from govparse.wrapped import _fits_under, _Token

    assert not _fits_under([_Token("信息", 0, 0, 0, False)], [])



def test_pdftohtml_rows_a_cell_or_two_a_line_are_not_read_as_wrapped_labels():
    """pdftohtml's text of one held-out report (2201, 2021 traditional variants): each label, then its values
    a cell or two a line (`0&#160;0`, lines that pass for space-separated rows). Read as labels wrapped around
    their values, every row of table 三 after the page break took the previous row's last values (18 cells, each
    row failing I1); lines of values one under another are a PDF's text a span a line, read in its order."""
    import json
    from decimal import Decimal
    from pathlib import Path

    import govparse

    data = Path(__file__).parent / "data"
    result = govparse.parse((data / "pdftohtml-rows-shifted-after-page-break.txt").read_text(encoding="utf-8"))
    expected = json.loads((data / "pdftohtml-rows-shifted-after-page-break.expected.json").read_text(
        encoding="utf-8"), parse_float=Decimal)
    read = result.to_dict()
    assert result.traces["applications"].layout.style == "pdf-lines"
    assert {(table, row, column): (read[table] or {}).get(row, {}).get(column)
            for table in ("active_disclosure", "applications", "review_litigation")
            for row, columns in expected[table].items() for column in columns} == \
        {(table, row, column): value for table in ("active_disclosure", "applications", "review_litigation")
         for row, columns in expected[table].items() for column, value in columns.items()}
    assert not result.findings


def _every_cell(name: str):
    """A report of tests/data read, and the cells read otherwise than its model holds (a null is no such cell)."""
    import json
    from pathlib import Path

    import govparse

    data = Path(__file__).parent / "data"
    result = govparse.parse((data / f"{name}.txt").read_text(encoding="utf-8"))
    expected = json.loads((data / f"{name}.expected.json").read_text(encoding="utf-8"))
    read = result.to_dict()
    wrong = [(table, row, column) for table in ("active_disclosure", "applications", "review_litigation")
             for row, columns in expected[table].items() for column, value in columns.items()
             if (read[table] or {}).get(row, {}).get(column) not in (None, value)]
    return result, read, expected, wrong


def test_pypdf_layout_blank_beside_a_glued_run_leaves_the_row_null():
    # pypdf's layout mode of a held-out report (4016, 2021 blank cells): （七）总计 799 _ 84 142748 999, the blank
    # commercial column printing nothing. Split blind to the blank, 799 84 142748 999 met I1 as 7|9|9|84|142|748|999;
    # by place 799 is the first column alone (the next column's place is far right of its end), the second is blank,
    # and 142748 runs over two columns' places: a run beside a blank, which no identity shows
    result, read, expected, wrong = _every_cell("pypdf-layout-blank-beside-glued-run")
    assert not wrong
    assert all(value is None for value in read["applications"]["total_processed"].values())
    assert any(d.code == "ambiguous-digits" and d.row == "total_processed" and "blank" in d.message
               for d in result.diagnostics)
    # blanks placed by the full rows' places: a column left empty before the values and one after them
    assert read["applications"]["denied_security_stability"] == expected["applications"]["denied_security_stability"]
    assert read["applications"]["carried_forward"] == expected["applications"]["carried_forward"]
    assert read["applications"]["carried_forward"]["total"] is None


PYPDF_ZEROS_GLUED = """\
三、收到和处理政府信息公开申请情况
                                申请人情况
自然人      法人或其他组织       总计
商业企业 科研机构 社会公益组织 法律服务机构 其他
一、本年新收政府信息公开申请数量     45                  33  848    0 503  70  1499
二、上年结转政府信息公开申请数量     0                   0   24     00  6   30
三、本年度办理结果            （一）予以公开             0   0      00  0   0   0
（二）部分公开（区分处理的，只计这    0                   0   628    00  0   628
4．无正当理由大量反复申请           0                   0   0      00  0
四、政府信息公开行政复议、行政诉讼情况
"""


def test_pypdf_layout_zeros_glued_are_cut_and_a_row_short_of_its_last_column_has_it_blank():
    from govparse.gapblanks import placed_by_x
    from govparse.wrapped import _blanks_by_place

    rows = [[("一、本年新收", 0, 0), ("45", 0, 37), ("33", 0, 57), ("848", 0, 61), ("0503", 0, 68),
             ("70", 0, 75), ("1499", 0, 79)],
            [("二、上年结转", 1, 0), ("0", 1, 37), ("0", 1, 57), ("24", 1, 61), ("00", 1, 68), ("6", 1, 75),
             ("30", 1, 79)],
            [("4．无正当理由", 2, 0), ("0", 2, 37), ("0", 2, 57), ("0", 2, 61), ("00", 2, 68), ("0", 2, 75)]]
    placed = _blanks_by_place(rows)
    assert [text for text, _, _ in placed[0]][4:6] == ["0", "503"]
    assert [text for text, _, _ in placed[1]] == ["二、上年结转", "0", "0", "24", "0", "0", "6", "30"]
    assert [text for text, _, _ in placed[2]] == ["4．无正当理由", "0", "0", "0", "0", "0", "0", ""]
    # a value running over the next column's place: no blank there, the row left short for the row stage
    rows[2] = [("4．无正当理由", 2, 0), ("0", 2, 37), ("0", 2, 57), ("0", 2, 61), ("00", 2, 68), ("17300", 2, 75)]
    assert [text for text, _, _ in _blanks_by_place(rows)[2]] == ["4．无正当理由", "0", "0", "0", "0", "0", "17300"]
    # a value at no full row's place: left as printed (its zeros cut)
    rows[2] = [("4．无正当理由", 2, 0), ("0", 2, 37), ("0", 2, 58), ("0", 2, 61), ("0", 2, 68), ("0", 2, 75)]
    assert len(_blanks_by_place(rows)[2]) == 6
    assert placed_by_x(PYPDF_ZEROS_GLUED.splitlines())


def test_pypdf_layout_null_mark_wrapped_in_its_cell_is_one_value_of_the_row_above():
    # pypdf's layout mode writes —— too wide for its cell as — among the row's values and — at the same character
    # on the line below, beside the label's tail; read apart, the row has a value too many, and a glued run beside
    # it (2125: the cells 21 and 25) was taken for one cell (held-out report 5012)
    from govparse.wrappedmarks import rejoined_marks

    row = "（四）无法提供      1．本机关不掌握相关    14      0   —  0   0   2125"
    at = row.index("—")
    tail = " " * 20 + "政府信息" + " " * (at - 24) + "—"
    texts, shapes = rejoined_marks([row, tail], [row, tail])
    assert texts[0] == row[:at] + "——" + row[at + 2:] and texts[1] == " " * 20 + "政府信息"
    assert shapes == texts
    # a mark at another character, beside a number on the line below, or under no dash, is no piece of the one above
    assert rejoined_marks([row, tail + " "], [row, tail + " "]) is not None
    for other in (tail.replace(" —", "—"), tail + "   5", tail.replace("政府信息", "政府—信息")):
        assert rejoined_marks([row, other], [row, other]) is None
    assert rejoined_marks([row.replace("—", "7"), tail], [row.replace("—", "7"), tail]) is None



# --- where words stand: places by character or display column ----------------------------------------


def test_code_width_is_unicodedatas_for_every_character():
    """textgrid.code_width tells the ranges a Chinese table prints without asking unicodedata: its answer
    is unicodedata's for every code point."""
    from unicodedata import east_asian_width

    from govparse.textgrid import code_width

    for code in range(0x110000):
        expected = 1 if code < 0x1100 else 2 if east_asian_width(chr(code)) in ("W", "F") else 1
        assert code_width(code) == expected, hex(code)


def _spans_walked(text, words, by_shown):
    """gapblanks._spans as it was first written (a slice per word, a character made per character): each
    word's place is the last one's and what stands from its start to this word's, form feeds left out; its
    end its place and its own width."""
    from govparse.textgrid import width

    starts, ends, position, at = [], [], 0, 0
    for start, word in words:
        for char in text[at:start]:
            if char != "\f":
                position += width(char) if by_shown else 1
        at = start
        starts.append(position)
        ends.append(position + (sum(width(char) for char in text[start:start + len(word)]) if by_shown
                                else len(word)))
    return starts, ends


_SPAN_CHARS = "a1 \f　信息（）０"


@pytest.mark.parametrize("by_shown", [False, True])
def test_spans_count_as_the_walk_over_the_characters(by_shown):
    """gapblanks._spans walks a line once, each character by its code, and gives what the walk over slices
    gave: for a line's words, and for words placed out of order (a blank at a value's start)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from govparse.gapblanks import _spans, _words

    @settings(max_examples=300, deadline=None)
    @given(text=st.text(alphabet=_SPAN_CHARS, max_size=24), extra=st.lists(st.integers(0, 30), max_size=3))
    def check(text, extra):
        words = _words(text)
        assert _spans(text, words, by_shown) == _spans_walked(text, words, by_shown)
        placed = sorted(words + [(min(start, len(text)), "") for start in extra])
        assert _spans(text, placed, by_shown) == _spans_walked(text, placed, by_shown)

    check()
    text = "\f信息  1 ０\f0"
    words = [(1, "信息"), (5, "1"), (4, ""), (7, "０\f0")]  # out of order, and a form feed inside a word
    assert _spans(text, words, by_shown) == _spans_walked(text, words, by_shown)


def test_words_are_where_split_and_find_put_them():
    """gapblanks._words finds each word of ``split`` at the first character after the last word that is its
    first character (no search for the word): where ``str.find`` from there finds it, whatever white space
    stands between (tabs, no-break and ideographic spaces, form feeds, separators ``split`` cuts at)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from govparse.gapblanks import _words

    def found(text):
        words, position = [], 0
        for word in text.split():
            start = text.find(word, position)
            words.append((start, word))
            position = start + len(word)
        return words

    @settings(max_examples=500, deadline=None)
    @given(text=st.text(alphabet="ab 1\t\u3000\u00a0\f信\n\x1c\x85\u2028", max_size=30))
    def check(text):
        assert _words(text) == found(text)

    check()
