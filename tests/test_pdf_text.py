"""PDF text tools' output (pdftotext -layout, pdfplumber, pypdf): headers and rows placed by x.

Samples in tests/data/pdf_text/ are reports rendered in the renderer's x-positioned tool shape
(``render_shape``, branch shapes) from all-zero models with one value set, named below; every number
the parser reads from them is checked against that model: right or null, never another value.
"""

from __future__ import annotations

from pathlib import Path

import govparse
from govparse.layout import SPACE_ALIGNED, X_POSITIONED, detect_layout
from govparse.normalize import Document
from govparse.sections import locate_sections
from govparse.wrapped import physical_rows, stacked_header

DATA = Path(__file__).parent / "data" / "pdf_text"


def _texts(row) -> list[str]:
    return [text for text, _, _ in row]


def _read_numbers(result: dict) -> dict[str, object]:
    return {f"{table}.{row}.{column}": value
            for table in ("active_disclosure", "applications", "review_litigation")
            for row, columns in (result[table] or {}).items() for column, value in columns.items()}


def _assert_right_or_null(name: str, set_values: dict[str, int]) -> dict[str, object]:
    """Every number read from the sample is the model's (zero, or the one set), or null."""
    result = govparse.parse((DATA / name).read_text(encoding="utf-8")).to_dict()
    read = _read_numbers(result)
    wrong = {path: value for path, value in read.items()
             if value is not None and value != set_values.get(path, 0)}
    assert not wrong, wrong
    return read


# --- a header cell stacked around the header's middle line ------------------------------------

STACKED = [
    "                                        本年增/",
    "信息内容              上一年项目数量              处理决定数量",
    "                                        减",
    "行政处罚              0                 +1        0",
]


def test_a_cell_printed_above_and_below_the_headers_middle_line_is_joined_in_its_place():
    rows = physical_rows(STACKED, STACKED)
    assert _texts(rows[0]) == ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
    assert _texts(rows[1]) == ["行政处罚", "0", "+1", "0"]


def test_the_stacked_cell_joins_by_character_place_as_pdftotext_lays_its_grid_out():
    # pdftotext -layout counts a Chinese character as one column: 社会公益 and 组织 start at one character.
    lines = ["自然人            法人或其他组织   总计",
             "                        社会公益   法律服务机",
             "商业企业      科研机构                   其他",
             "                        组织     构",
             "一、本年新收      0      0      0      0      0      0      0"]
    header = _texts(physical_rows(lines, lines)[0])
    five = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    assert [text for text in header if text in five] == five
    assert [text for text in header if text in ("自然人", "法人或其他组织", "总计")] == ["自然人", "法人或其他组织", "总计"]


def test_a_piece_with_nothing_left_of_it_on_the_line_between_is_not_joined():
    # Table 四: the two header rows of 结果维持 … with a group label's tail on the line between.
    lines = ["结果维持    结果纠正  总计      复议后起诉",
             "                              接起诉",
             "结果维持    结果纠正  总计      结果维持",
             "0           0         0         0"]
    rows = physical_rows(lines, lines)
    assert "结果维持结果维持" not in [text for row in rows for text in _texts(row)]
    assert _texts(rows[-1]) == ["0", "0", "0", "0"]


def test_header_lines_over_the_value_columns_are_a_row_of_their_own():
    lines = ["第二十条第（一）项",
             "信息内容              本年新制作数量    对外公开总数量",
             "规章                  0                 3"]
    rows = physical_rows(lines, lines)
    assert _texts(rows[-1]) == ["规章", "0", "3"]
    assert "规章" not in _texts(rows[0])


def test_a_caption_or_a_header_piece_after_a_row_is_not_its_labels_tail():
    lines = ["信息内容              上一年项目数量    本年增/减   处理决定数量",
             "其他对外管理服务事项  0                 0           0",
             "第二十条第（六）项",
             "                                        本年增/",
             "信息内容              上一年项目数量              处理决定数量",
             "                                        减",
             "行政处罚              0                 0           0"]
    rows = physical_rows(lines, lines)
    labels = [_texts(row)[0] for row in rows if "0" in _texts(row)]
    assert labels == ["其他对外管理服务事项", "行政处罚"]


def test_stacked_header_is_evidence_of_a_pdf_layout_and_plain_wrapped_headers_are_not():
    assert stacked_header(STACKED)
    # A text table wraps a header cell from its top (pandoc, lynx): nothing above the middle line.
    top_aligned = ["信息内容              上一年项目数量    本年增/     处理决定数量",
                   "                                        减",
                   "行政处罚              0                 +1          0"]
    assert not stacked_header(top_aligned)


RUN_INTO_EACH_OTHER = ["第二十条第（一）项",
                      "                                           本年新公开 对外公开总数",
                      "信息内容                  本年新制作数量",
                      "                                           数量       量",
                      "规章                      13               0",
                      "规范性文件                13               0          2000000"]


def test_stacked_cells_one_space_apart_pair_word_by_word():
    # 本年新公开 / 数量 and 对外公开总数 / 量, two stacked cells right of the middle line's pieces, printed one space
    # apart above it: one piece, but its words pair with those below (census seed 385: the table was taken for
    # space-delimited rows and its short rows, no full row in their block, were null)
    assert stacked_header(RUN_INTO_EACH_OTHER)
    rows = physical_rows(RUN_INTO_EACH_OTHER, RUN_INTO_EACH_OTHER)
    assert _texts(rows[0])[1:] == ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]


def test_table_two_with_a_stacked_header_is_read_as_placed_by_x():
    text = (DATA / "x-positioned--stacked-header-2019.txt").read_text(encoding="utf-8")
    doc = Document(text)
    sections, _ = locate_sections(doc)
    layout = detect_layout(doc, sections["二"])
    assert (layout.format, layout.style) == (SPACE_ALIGNED, X_POSITIONED)


# --- whole reports: no wrong number --------------------------------------------------------------

def test_plus_one_under_a_stacked_delta_header_is_the_delta():
    """2019 edition, table 二's 本年增/减 header stacked (seed 35 of the renderer): +1 is coercion's delta."""
    read = _assert_right_or_null("x-positioned--stacked-header-2019.txt", {"active_disclosure.coercion.delta": 1})
    assert read["active_disclosure.coercion.delta"] == 1
    assert read["active_disclosure.coercion.prev_items"] == 0


def test_table_four_values_under_three_header_rows_stay_in_their_columns():
    """Table 四's third header row (ten labels) over fifteen values (seed 115): the 6 is
    suit_after_review.other's, never suit_direct's."""
    read = _assert_right_or_null("x-positioned--table-four-three-header-rows.txt",
                                 {"review_litigation.suit_after_review.other": 6})
    assert read["review_litigation.suit_direct.other"] in (0, None)


# --- table 四's header: two-line cells around one-line ones -------------------------------------

# pdftotext -layout of table 四 at ten columns a page: each header cell wrapped two characters a line,
# a two-line cell printed around its row's middle line, a one-line cell (总计) on it, a four-line
# one (未经复议直接起诉) through it.
TABLE_FOUR = [
    "行政",
    "      行政诉讼",
    "复议",
    "                            未经",
    "结果    结果   其他     尚未        复议",
    "                       总计          复议后起诉",
    "维持    纠正   结果     审结        直接",
    "                            起诉",
    "23 30 0  0  53              14     0    0    0    14   0    21     0       25       46",
]


def test_two_line_header_cells_around_a_one_line_cell_are_joined_in_place():
    rows = physical_rows(TABLE_FOUR, TABLE_FOUR)
    # The header as one line by place where a cell sits below the first line (wrapped._top_level_first): the
    # groups and the outcomes each in their printed order (what rows.header_order reads)
    header = _texts(rows[0])
    assert sorted(header) == sorted(["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                                     "未经复议直接起诉", "复议后起诉"])
    assert [text for text in header if text in ("行政复议", "行政诉讼")] == ["行政复议", "行政诉讼"]
    assert [text for text in header if text in ("未经复议直接起诉", "复议后起诉")] == ["未经复议直接起诉", "复议后起诉"]
    assert [text for text in header if "结果" in text or text in ("尚未审结", "总计")] == \
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert len(rows[1]) == 15


def test_a_header_row_printed_around_its_middle_line_is_evidence_of_a_pdf_layout():
    assert stacked_header(TABLE_FOUR)
    # Two header rows one above the other (a text table): nothing is printed between them.
    assert not stacked_header(["结果    结果   其他", "维持    纠正   结果", "0       0      0"])


# --- numbers a narrow cell wrapped ----------------------------------------------------------------

def test_a_number_wrapped_in_its_cell_is_joined_back_at_its_place():
    lines = ["                                        65,06     162,0 227,1",
             "26      233   0    0    259   8               0               23   6        621   29           679",
             "                                        9         97    74"]
    values = _texts(physical_rows(lines, lines)[0])
    assert values == ["26", "233", "0", "0", "259", "8", "65,069", "0", "162,097", "227,174", "23", "6", "621",
                      "29", "679"]


def test_numbers_above_and_below_a_row_are_left_alone_unless_they_are_a_wrap():
    # A head where the values line prints a number, heads of two lengths: not a wrap, left as printed.
    for heads, tails in (("12423 5", "1     1"), ("124   12423", "1     1")):
        lines = [heads, "0     0 0 0", tails]
        rows = physical_rows(lines, lines)
        assert all("124231" not in _texts(row) and "1241" not in _texts(row) for row in rows)


def test_a_label_tail_goes_on_the_lowest_line_of_its_column():
    lines = ["                           1．申请人无正当理由逾期不补正、",
             "（六）其他处理                    行政机关不再处理其政府信息公开 0     0    0 0   0   0   0",
             "                           申请"]
    rows = physical_rows(lines, lines)
    assert _texts(rows[0])[:2] == ["（六）其他处理", "1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]


def test_one_pair_at_a_lines_end_does_not_decide_how_places_are_counted():
    # 未经复 / 议直接 / 起诉 pairs by character only because 议直接 sits further left by character:
    # no evidence, so 结果维 … 持 (placed differently by character and by display) stays as printed.
    lines = ["行政复议  行政诉讼",
             "                                                   未经复",
             "结果维持  结果纠正    其他结果  尚未审结    总计   议直接   复议后起诉",
             "                                                   起诉",
             "                                                   结果维",
             "结果维持  结果纠正    其他结果  尚未审结    总计            结果纠正  其他结果  尚未审结    总计",
             "                                                   持",
             "2         12          0         3           13112  670975   0         0         3           24"]
    header = [text for row in physical_rows(lines, lines)[:-1] for text in _texts(row)]
    assert "结果维" in header and "持" in header


def test_a_tail_of_two_pieces_continues_the_two_label_columns_piece_by_piece():
    from govparse.wrapped import wrapped_rows
    lines = ["三、本年度 （一）予以公", "100 0 0 29 0 0 0", "办理结果 开", "（二）部分公开 0 0 0 0 0 0 0"]
    rows = wrapped_rows(lines, lines)
    assert _texts(rows[0]) == ["三、本年度办理结果", "（一）予以公开", "100", "0", "0", "29", "0", "0", "0"]


def test_an_outer_label_beside_the_inner_ones_continuation_comes_first_then_the_inner_label_whole():
    from govparse.wrapped import wrapped_rows
    lines = ["5．要求行政机关确认或重新出具已获取", "0 0 910 0 0 0 910", "信息",
             "1．申请人无正当理由逾期不补正、", "（六）其他处理 行政机关不再处理其政府信息公开申 5 0 0 0 0 0 5", "请"]
    rows = wrapped_rows(lines, lines)
    assert "".join(_texts(rows[-1])[1:4]) == "1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    assert _texts(rows[-1])[0] == "（六）其他处理"
    assert _texts(rows[-1])[4:] == ["5", "0", "0", "0", "0", "0", "5"]


def test_cells_spanning_the_header_rows_printed_below_the_spanning_label_keep_their_columns():
    # pdftotext -layout centres 自然人 and 总计 (two header rows tall) below 法人或其他组织 (the first row):
    # read line by line, 自然人 would come after the five columns under 法人或其他组织 (huaian 2024).
    lines = ["                    法人或其他组织",
             "自然人                                                  总计",
             "          商业企业 科研机构 社会公益组织 法律服务机构 其他",
             "一、本年新收      1      2      3      4      5      6     21"]
    header = _texts(physical_rows(lines, lines)[0])
    assert [text for text in header if text in ("自然人", "法人或其他组织", "总计")] == ["自然人", "法人或其他组织", "总计"]


# --- table 二's narrow blocks where no row fills every column (issue 13, x-positioned round trip) -------

FULL_BLOCK = ["第二十条第（一）项",
              "信息内容        本年新制作数量  本年新公开数量  对外公开总数量",
              "规章            14              7               141",
              "规范性文件      3               16              0"]


def test_the_one_row_under_a_header_is_placed_by_where_its_columns_start():
    # 政府集中采购 is its block's only row, its second cell blank: no row confirms the header's columns, but
    # each value starts where a column's name starts, on the header's one line.
    for row, cells in (("政府集中采购    8", ["政府集中采购", "8", ""]),
                       ("政府集中采购                    8.5", ["政府集中采购", "", "8.5"])):
        lines = FULL_BLOCK + ["第二十条第（九）项", "信息内容        采购项目数量    采购总金额", row]
        assert _texts(physical_rows(lines, lines)[-1]) == cells


def test_header_names_one_space_apart_in_a_stacked_cell_are_cut_where_the_middle_line_shows():
    # 本年新 / 制作数 本年新公开数量 / 量: the stacked cell's head (本年新) is as wide as the middle piece's first word,
    # so the cell ends there and 本年新公开数量 starts where the middle line prints it (wrapped._own_word). Before,
    # the pieces were joined whole (本年新制作数 本年新公开数量量) and 120 (under 本年新公开数量) was once read as
    # 本年新制作数量 when that joined piece was cut at a guessed place (long run, seed 1857718); then the row was
    # left short. Now it is placed under the column its value starts at, the others blank.
    lines = ["第二十条第（一）项",
             "                      本年新",
             "                                             对外公开总数",
             "信息内容              制作数 本年新公开数量",
             "                                             量",
             "                      量",
             "规章                  0      8               306",
             "规范性文件                   120"]
    assert _texts(physical_rows(lines, lines)[-1]) == ["规范性文件", "", "120", ""]


def test_a_tall_cell_skipping_the_headers_middle_line_cuts_the_name_run_into_it():
    # 本年废止件数(包括…管理) wrapped over four lines, its third below the header's middle line (信息内容 …
    # 现行有效件数), and 本年制发件 / 数 beside it with its first line run into the tall cell's second one space
    # apart. The cut where a piece above and a piece two lines below start (the middle line between holds
    # none there) gives three columns; before, 本年制发件 括自然失效和不再数 was one unknown name, the header
    # named two of three columns and both rows with their last column blank were null (a dev-profile draw,
    # seed 496 with label variants).
    lines = ["第二十条第(一) 项",
             "                         本年废止件数(包",
             "              本年制发件 括自然失效和不再",
             "信息内容                                     现行有效件数",
             "              数         按规范性文件管",
             "                         理)",
             "规章          0         0",
             "行政规范性文",
             "              0         0",
             "件"]
    rows = physical_rows(lines, lines)
    assert _texts(rows[0])[1:] == ["信息内容", "本年制发件数", "本年废止件数(包括自然失效和不再按规范性文件管理)", "现行有效件数"]
    assert [_texts(row) for row in rows[1:]] == [["规章", "0", "0"], ["行政规范性文件", "0", "0"]]


def test_a_stacked_cell_wider_than_the_middle_word_keeps_the_piece_whole():
    # the head (本年新制) wider than the middle piece's first word (作数): no cut, the piece stays one, the row short
    lines = ["第二十条第（一）项",
             "                      本年新制",
             "                                             对外公开总数",
             "信息内容              作数 本年新公开数量",
             "                                             量",
             "                      量",
             "规章                  0      8               306",
             "规范性文件                   120"]
    assert _texts(physical_rows(lines, lines)[-1]) == ["规范性文件", "120"]


def test_a_bracketed_note_in_the_header_is_no_column():
    # （包括自然失效…） qualifies 本年废止件数: rows of three values under it are full, not short of a column
    lines = ["第二十条第（一）项",
             "信息内容         本年制发件数  本年废止件数  （包括自然失效）  现行有效件数",
             "规章             0             0             0",
             "行政规范性文件   0             0             0"]
    assert [_texts(row) for row in physical_rows(lines, lines)[1:]] == [["规章", "0", "0", "0"],
                                                                      ["行政规范性文件", "0", "0", "0"]]


def test_a_header_with_words_spaced_out_places_no_row_by_its_pieces():
    # pypdf's layout mode of a report whose labels are printed letter-spaced (held-out fixture 2405): 信息  内容
    # and 处  理决定数量 are pieces of cells, not columns; 行政强制's three values stay three cells, not padded
    # with a blank under a piece that names no column
    lines = ["第二十条第（五）项", "信息      上一年", "内容      项目数      本        年增/减  处理决定数量",
             "        量", "行政许可    0        0        2", "其他对外管理  服务事项     0        +26   2",
             "第二十条第（六）项", "信息      内容       上一年项目数量  本年增/减 处      理决定数量",
             "行       政处罚      -        +25   8", "行政强制    933      +33      8"]
    assert _texts(physical_rows(lines, lines)[-1]) == ["行政强制", "933", "+33", "8"]


def _narrow_blocks(names: str) -> list[str]:
    return ["第二十条第（一）项",
            "                            本年新公开      对外公开",
            "信息内容     本年新制作数量",
            "                            数量            总数量",
            "规章                                        182",
            "规范性文件   0              9               5",
            "第二十条第（六）项",
            "                                            处理决定",
            f"信息内容     {names}",
            "                                            数量",
            "行政处罚                    +77             9",
            "行政强制                                    254",
            "第二十条第（九）项",
            "信息内容     采购项目数量   采购总金额",
            "政府集中采购 0              0"]


def test_a_row_under_names_one_space_apart_not_the_formats_is_not_padded_to_the_tables_width():
    # 上年项目数量 本年增/减 (two names one space apart, one piece, the first not as the format prints it) and
    # 处理决定数量: 254 stands under the second piece, which is the block's third column. Padded to the table's
    # three columns like the table's other narrow rows (政府集中采购 0 0), it read as 本年增/减 (long run, seed
    # 6787): a row under a piece that may hold two names keeps its own count, short, for the row stage to null.
    rows = [_texts(row) for row in physical_rows(*[_narrow_blocks("上年项目数量 本年增/减")] * 2)]
    # (254 follows a piece that may be two names: its column is not sure, and it is left where it stands)
    assert next(row for row in rows if row[0] == "行政强制") in (["行政强制", "", "254"], ["行政强制", "254"])


def test_names_of_the_format_one_space_apart_are_a_column_each():
    # 上一年项目数量 本年增/减: each word a column name the format prints, so each is a column, starting where
    # its word starts (no one cell holds two of the format's names): 254 under 处理决定数量 is the third
    rows = [_texts(row) for row in physical_rows(*[_narrow_blocks("上一年项目数量 本年增/减")] * 2)]
    assert next(row for row in rows if row[0] == "行政强制") == ["行政强制", "", "", "254"]
    assert next(row for row in rows if row[0] == "行政处罚") == ["行政处罚", "", "+77", "9"]


def test_names_stacked_over_lines_are_the_columns_the_format_names():
    # 上一年项目数 / 量, 本年增 / /减 and 处理决定 / 数量, each a cell over two lines (本年增 处理决定 one space apart
    # on the top line): grouped by where each piece starts, every group is a column name the format prints, so
    # the rows short of values under them are placed by those starts (x-positioned round trip, derandomized draws)
    lines = ["第二十条第（一）项",
             "                                      本年新",
             "                       本年新制作数          对外公开",
             "信息内容                              公开数",
             "                       量                    总数量",
             "                                      量",
             "规章                   9              3      28",
             "规范性文件             9              3      28",
             "第二十条第（五）项",
             "                       上一年项目数   本年增 处理决定",
             "信息内容",
             "                       量             /减    数量",
             "行政许可               0              -28",
             "其他对外管理服务事项   495",
             "第二十条第（六）项",
             "                       上一年项目数   本年增 处理决定",
             "信息内容",
             "                       量             /减    数量",
             "行政处罚               8              -1432  0",
             "行政强制               65                    0"]
    rows = [_texts(row) for row in physical_rows(lines, lines)]
    assert ["其他对外管理服务事项", "495", "", ""] in rows
    assert ["行政许可", "0", "-28", ""] in rows and ["行政强制", "65", "", "0"] in rows


def test_a_row_is_placed_only_where_its_column_is_sure_after_names_one_space_apart():
    # 上一年项目数 本年增/减 (the first name not as the format prints it) is one piece that may hold two names:
    # 0 under 处理决定数量 (the third column) was placed as the second and padded, a silent 0 in 本年增/减
    # (xround2, 2,000 derandomized draws); a value at the piece's start is placed (its column the same whether
    # the piece is one name or two). With the format's own names, each is a column and every row is placed.
    def lines(names: str) -> list[str]:
        return ["第二十条第（一）项",
                "信息内容        本年新制作数量 本年新公开数量   对外公开总数量",
                "规章            22261          2247             24",
                "规范性文件      20             7                5580",
                "第二十条第（五）项",
                f"信息内容        {names.ljust(13)}        处理决定数量",
                "行政许可        0                               11879",
                "其他对外管理",
                "                                                0",
                "服务事项",
                "第二十条第（八）项",
                f"信息内容        {names}",
                "行政事业性收",
                "                0",
                "费"]

    rows = [_texts(row) for row in physical_rows(*[lines("上一年项目数 本年增/减")] * 2)]
    assert ["其他对外管理服务事项", "0"] in rows
    assert rows[-1] == ["行政事业性收费", "0", ""]
    rows = [_texts(row) for row in physical_rows(*[lines("上一年项目数量 本年增/减")] * 2)]
    assert ["其他对外管理服务事项", "", "", "0"] in rows and ["行政许可", "0", "", "11879"] in rows
    assert rows[-1] == ["行政事业性收费", "0", ""]


def test_a_stacked_header_cell_around_names_one_space_apart_is_cut_at_the_first_word():
    # 上一年 / 项目数 本年增/减 / 量: the cell is 上一年项目数量, and 本年增/减 a column of its own where the middle line
    # prints it; -19 starts there (its first cell blank)
    lines = ["第二十条第（六）项",
             "                        上一年",
             "信息内容                项目数 本年增/减                   处理决定数量",
             "                        量",
             "行政处罚                0      +3                          1",
             "行政强制                1      -4                          6",
             "第二十条第（八）项",
             "                        上一年",
             "信息内容                项目数 本年增/减",
             "                        量",
             "行政事业性收费                 -19"]
    rows = [_texts(row) for row in physical_rows(lines, lines)]
    assert rows[-1] == ["行政事业性收费", "", "-19"]


def test_a_row_that_printed_nothing_above_a_one_line_label_is_a_row_of_its_own():
    # 行政处罚 (its one cell blank) over 行政强制 24: the label column is 12 wide (行政规范性文 / 件 wraps there), and
    # 行政处罚 falls short of it by more than a wrapped head does: no head of 行政强制's label
    lines = ["第二十条第（一）项",
             "信息内容      本年制发件数  本年废止件数  现行有效件数",
             "规章          412         5             0",
             "行政规范性文",
             "              0           374           0",
             "件",
             "第二十条第（五）项",
             "信息内容      本年处理决定数量",
             "行政许可      5441",
             "第二十条第（六）项",
             "信息内容      本年处理决定数量",
             "行政处罚",
             "行政强制      24"]
    rows = [_texts(row) for row in physical_rows(lines, lines)]
    assert rows[-2:] == [["行政处罚"], ["行政强制", "24"]]


# --- the same blocks on one line a row, read as space-separated rows (gapblanks.aligned_cells) --------


def test_aligned_rows_by_display_column_across_a_page_break():
    # the renderer lays the rows out for the eye (a Chinese character two columns) and a page break (a form
    # feed, taking no place) falls between 规章 and 行政规范性文件, which fills the columns
    from govparse.gapblanks import aligned_cells
    lines = ["信息内容       本年制发件数   本年废止件数 现行有效件数",
             "规章                          6            29",
             "",
             "\f行政规范性文件 22             11           0"]
    assert [word for _, word in aligned_cells(lines)[1]] == ["规章", "", "6", "29"]


def test_aligned_rows_under_a_stacked_header_cell_with_no_full_row():
    # 现行有 / 效件数 stacked around the header's line is its third column; no row fills all three, and each
    # value starts where a name starts
    from govparse.gapblanks import aligned_cells
    lines = ["                                                  现行有",
             "信息内容            本年制发件数    本年废止件数",
             "                                                  效件数",
             "规章                0               0",
             "行政规范性文件      0                             0"]
    cells = aligned_cells(lines)
    assert [word for _, word in cells[3]] == ["规章", "0", "0", ""]
    assert [word for _, word in cells[4]] == ["行政规范性文件", "0", "", "0"]


def test_aligned_rows_with_words_spaced_out_are_not_placed_by_the_names():
    # 上一 年项 目数量: a header's words spaced out (a lone character elsewhere: 行  政  强制) are no names
    from govparse.gapblanks import aligned_cells
    lines = ["行           政        强制    0       8",
             "信息内容        上一       年项    目数量     本年增/减",
             "事业性          0        0"]
    assert [word for _, word in aligned_cells(lines)[2]] == ["事业性", "0", "0"]


def test_a_wrapped_second_label_word_near_the_values_is_no_header():
    # real pdftotext -layout (held-out 3511): 1．属 于国 above （三）不予公 开 0 9 …: 于国 ends near the first value,
    # but starts left of it: the second label column's head, not a header name over the values
    lines = ["                     0              0        4         0            30        533      0",
             "                                    1．属 于国",
             "（三）不予公               开                     0           9            2         0        14    588 0",
             "                                    家秘 密"]
    rows = [_texts(row) for row in physical_rows(lines, lines)]
    assert rows[-1][-7:] == ["0", "9", "2", "0", "14", "588", "0"] and "1．属 于国家秘 密" in rows[-1]
