"""govparse.digits: glued digit runs split back into cells, uniquely or not at all."""

from __future__ import annotations

import time
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from govparse.digits import (
    COUNT,
    DECIMAL,
    MAX_CANDIDATES,
    MAX_STEPS,
    SIGNED,
    Constraint,
    choose_rows,
    group_sums,
    pin,
    row_sum,
    split_digits,
)

I1 = (row_sum(7),)
I3 = group_sums(3, 5)


# --- runs from the real crawler texts (pingtan 2019 and 2021) ---------------------------

def test_table_three_row_unique_by_its_sum():
    split = split_digits(["640020470"], 7, I1)
    assert split.parts == (64, 0, 0, 2, 0, 4, 70)
    assert split.by_identity and split.problem is None
    assert split.fitting > 1  # the format alone allows several


def test_table_three_row_whose_enumerator_was_cut_off():
    # '…4910000502.没有现成信息…': the '2.' goes with the next label, 491000050 is the row
    assert split_digits(["491000050"], 7, I1).parts == (49, 1, 0, 0, 0, 0, 50)


def test_row_sum_alone_can_leave_two_splits():
    # pingtan 2021 '1.本机关不掌握相关政府信息2200003252.没有…': 22|0|0|0|0|3|25 and 2|20|0|0|0|3|25
    # both sum right; a pin from I2 (the commercial column is 0 in every outcome row) decides it
    split = split_digits(["220000325"], 7, I1)
    assert split.parts is None
    assert set(split.candidates) == {("22", "0", "0", "0", "0", "3", "25"), ("2", "20", "0", "0", "0", "3", "25")}
    assert split_digits(["220000325"], 7, (*I1, pin(1, 0))).parts == (22, 0, 0, 0, 0, 3, 25)


def test_spaces_are_sure_boundaries():
    assert split_digits(["230", "000023"], 7, I1).parts == (23, 0, 0, 0, 0, 0, 23)
    assert split_digits(["500000", "5"], 7, I1).parts == (5, 0, 0, 0, 0, 0, 5)
    split = split_digits(["23", "0", "00", "0", "023"], 7, I1)
    assert split.parts == (23, 0, 0, 0, 0, 0, 23)
    assert split.fitting == 1 and not split.by_identity  # the format alone decides it


def test_table_four_unique_under_three_group_sums():
    split = split_digits(["10203120001200000"], 15, I3)
    assert split.parts == (1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0)
    assert split.by_identity


def test_table_two_row_with_no_identity_is_ambiguous():
    split = split_digits(["693665"], 3)
    assert split.parts is None
    assert ("69", "3", "665") in split.candidates
    assert len(split.candidates) == split.fitting == 10
    assert "693665" in split.problem and "69|3|665" in split.problem


def test_zeros_are_zeros():
    for cells in (1, 3, 7, 15):
        split = split_digits(["0" * cells], cells)
        assert split.parts == (0,) * cells and split.fitting == 1 and not split.by_identity
    assert split_digits(["000000000000000"], 15, I3).parts == (0,) * 15
    assert split_digits(["000"], 2).problem is not None  # three zeros are three cells


def test_too_few_digits_or_too_many_runs():
    assert "fits the cell format" in split_digits(["12"], 3).problem
    assert split_digits(["1", "2", "3"], 2).parts is None
    assert split_digits(["01"], 1).parts is None  # a leading zero is no count


def test_identity_no_split_satisfies():
    split = split_digits(["12345678"], 7, I1)  # 1|2|3|4|5|6|78, 12|3|…: none sums
    assert split.parts is None and "satisfies the identities" in split.problem


def test_the_format_alone_decides_whatever_the_identity():
    # seven digits are seven cells: 1..6 do not sum to 7, a finding about the report (I1 fails on
    # the numbers), not a reason to drop them
    split = split_digits(["1234567"], 7, I1)
    assert split.parts == (1, 2, 3, 4, 5, 6, 7) and not split.by_identity
    assert split_digits(["5000000"], 7, I1).parts == (5, 0, 0, 0, 0, 0, 0)


def test_null_marks_are_blank_cells():
    split = split_digits(["—", "00"], 3)
    assert split.parts == (None, 0, 0) and split.candidates == (("—", "0", "0"),)
    assert split_digits(["12", "/"], 2).parts == (12, None)
    assert split_digits(["5", "无", "05"], 4, kinds=(COUNT,) * 4).parts == (5, None, 0, 5)
    assert split_digits(["-", "26"], 2).parts == (None, 26)  # a lone hyphen is a mark
    assert split_digits(["-", "26"], 3).parts == (None, 2, 6)


def test_a_glued_hyphen_is_a_sign_or_a_mark():
    # 行政处罚2-26 (2019 edition): 2|-2|6 with 本年增/减 -2, or 2|-|26 with it blank: null, both listed
    split = split_digits(["2-26"], 3, kinds=(COUNT, SIGNED, COUNT))
    assert split.parts is None and set(split.candidates) == {("2", "-2", "6"), ("2", "-", "26")}
    assert split.fitting == 2
    # a count takes no sign: the hyphen of a table 三 row is a mark, and the one reading fits
    assert split_digits(["3-3"], 3).parts == (3, None, 3)
    # 03 is no count: only the sign reading fits
    assert split_digits(["3-03"], 3, kinds=(COUNT, SIGNED, COUNT)).parts == (3, 0, 3)
    split = split_digits(["-1-1-1-1-1-1-1"], 7)  # over MAX_HYPHENS readings: refused, not searched
    assert split.parts is None and "hyphens" in split.problem


def test_marks_and_identities():
    # a blank cell leaves its identity nothing to say; the others still decide among the splits
    assert split_digits(["2011013"], 5, group_sums(1, 5)).parts is None  # 2|0|1|10|13 or 2|0|11|0|13
    split = split_digits(["0", "—", "00", "2011013"], 10, group_sums(2, 5))
    assert split.parts == (0, None, 0, 0, 20, 1, 1, 0, 1, 3) and split.by_identity
    split = split_digits(["1", "—", "0000", "111"], 8, (row_sum(8),))  # a mark in the sum: several fit
    assert split.parts is None and split.exhaustive and len(split.options) == split.fitting


def test_pins_decide():
    assert split_digits(["693665"], 3, (pin(1, 3),)).parts == (69, 3, 665)
    assert split_digits(["693665"], 3, (pin(0, 69), pin(1, 3))).by_identity


def test_money_alone_is_read():
    split = split_digits(["24252.311082"], 1, kinds=(DECIMAL,))
    assert split.parts == (Decimal("24252.311082"),)


def test_money_glued_to_a_count_is_null():
    split = split_digits(["13575394432.52"], 2, kinds=(COUNT, DECIMAL))
    assert split.parts is None
    assert ("135", "75394432.52") in split.candidates
    assert split_digits(["1.5"], 1).parts is None  # a decimal point in a count cell


def test_signed_delta():
    assert split_digits(["396", "+5", "181"], 3, kinds=(COUNT, SIGNED, COUNT)).parts == (396, 5, 181)
    assert split_digits(["396-5181"], 3, kinds=(COUNT, SIGNED, COUNT)).parts is None  # 396|-5|181 or 396|-51|81 …


def test_signed_delta_in_words():
    # the trial edition writes 本年增/减 as 增3 or 减8 too: glued, 6减83 is 6 and -83
    assert split_digits(["6减83"], 2, kinds=(COUNT, SIGNED)).parts == (6, -83)
    assert split_digits(["6增1622"], 3, kinds=(COUNT, SIGNED, COUNT)).parts is None  # 增1|622, 增16|22, …
    assert split_digits(["增3"], 1).parts is None  # a count has no sign


def test_bad_input_is_a_problem_not_an_error():
    for groups, cells in (([], 3), (["12a"], 2), (["1" * 500], 7), (["1"], 0), (["1"], 99)):
        split = split_digits(groups, cells)
        assert split.parts is None and split.problem
    assert split_digits(["12"], 2, (Constraint(plus=(5,)),)).problem.startswith("a constraint")


def test_long_run_without_identity_gives_up_quickly():
    start = time.perf_counter()
    split = split_digits(["1234567891234567891234567891234"], 15)
    assert split.parts is None and len(split.candidates) == MAX_CANDIDATES
    assert time.perf_counter() - start < 1.0


def test_cost():
    """The worst realistic rows stay far below the step cap."""
    # a 7-cell row of 30 digits: five-digit natural persons, four-digit others, their sum
    six = [98765, 4321, 8765, 4309, 8760, 1234]
    row = six + [sum(six)]
    split = split_digits(["".join(map(str, row))], 7, I1)
    assert split.parts == tuple(row) and split.steps < MAX_STEPS // 2
    # table 四, 25 digits
    groups = [[12, 305, 7], [101, 21, 0], [9, 88, 3]]
    cells = [v for g in groups for v in (*g[:2], g[2], 0, sum(g))]
    text = "".join(map(str, cells))
    assert len(text) >= 25
    split = split_digits([text], 15, I3)
    assert (split.parts is None or split.parts == tuple(cells)) and split.steps < MAX_STEPS // 2


# --- properties --------------------------------------------------------------------------

counts = st.one_of(st.just(0), st.integers(0, 9), st.integers(0, 999), st.integers(0, 99_999))


@st.composite
def glued(draw, values):
    """The digits of ``values`` glued, with some of the spaces between cells kept."""
    texts = [str(v) for v in values]
    groups = [texts[0]]
    for text in texts[1:]:
        if draw(st.booleans()) and draw(st.booleans()):
            groups.append(text)
        else:
            groups[-1] += text
    return groups


def _never_a_different_answer(split, truth):
    if split.parts is not None:
        assert split.parts == tuple(truth)
    elif split.candidates and len(split.candidates) < MAX_CANDIDATES and "gave up" not in split.problem:
        assert tuple(map(str, truth)) in split.candidates


@given(st.lists(counts, min_size=6, max_size=6).flatmap(
    lambda six: st.tuples(st.just(six + [sum(six)]), glued(six + [sum(six)]))))
@example(([64, 0, 0, 2, 0, 4, 70], ["640020470"]))
def test_table_three_rows(case):
    row, groups = case
    _never_a_different_answer(split_digits(groups, 7, I1), row)


@given(st.lists(st.lists(st.one_of(st.just(0), st.integers(0, 30), st.integers(0, 999)), min_size=4, max_size=4),
                min_size=3, max_size=3).flatmap(
    lambda parts: (lambda row: st.tuples(st.just(row), glued(row)))([v for g in parts for v in (*g, sum(g))])))
def test_table_four_rows(case):
    row, groups = case
    _never_a_different_answer(split_digits(groups, 15, I3), row)


@given(st.lists(counts, min_size=1, max_size=6).flatmap(lambda row: st.tuples(st.just(row), glued(row))))
def test_rows_without_identity(case):
    row, groups = case
    split = split_digits(groups, len(row))
    _never_a_different_answer(split, row)
    assert split.by_identity is False


@given(st.integers(1, 15), st.data())
def test_n_zeros_are_n_zeros(cells, data):
    groups = data.draw(glued([0] * cells))
    assert split_digits(groups, cells).parts == (0,) * cells


# --- several ambiguous rows, decided together by the column sums -------------------------

def _column_sums(rows: int, width: int) -> list[Constraint]:
    """The last row is the sum of the rows above it, column by column (I2)."""
    return [Constraint(plus=((rows - 1) * width + c,), minus=tuple(r * width + c for r in range(rows - 1)))
            for c in range(width)]


def test_rows_decided_together_by_column_sums():
    # pingtan 2021, table 三: 予以公开 '270020130' and 不掌握 '220000325' are each two ways under I1;
    # the natural-person column of the outcome rows must add up to 总计's 63
    runs = ["270020130", "500000", "1000001", "6000006", "1000001", "220000325", "1000001"]
    splits = [split_digits([run], 7, I1) for run in runs]
    splits[1] = split_digits(["500000", "5"], 7, I1)
    total = split_digits(["630020469"], 7, I1)
    assert splits[0].parts is None and splits[5].parts is None and all(s.exhaustive for s in splits)
    options = [s.options for s in splits] + [total.options]
    choice = choose_rows(options, 7, _column_sums(len(options), 7))
    assert choice.rows is not None and choice.combinations == 4
    assert choice.rows[0] == (27, 0, 0, 2, 0, 1, 30) and choice.rows[5] == (22, 0, 0, 0, 0, 3, 25)


def test_choose_rows_bounded_and_honest():
    assert choose_rows([[(1,), (2,)]] * 13, 1, ()).problem.startswith("over")
    assert choose_rows([[(1,), (2,)], [(3,)]], 1, ()).rows is None  # nothing decides
    assert choose_rows([[(None,), ], [(3,)]], 1, [Constraint(plus=(1,), minus=(0,))]).rows == ((None,), (3,))


@given(st.lists(st.lists(st.integers(0, 40), min_size=6, max_size=6), min_size=2, max_size=5))
def test_rows_chosen_together_are_the_true_rows_or_none(table):
    rows = [six + [sum(six)] for six in table]
    rows.append([sum(column) for column in zip(*rows)])
    splits = [split_digits(["".join(map(str, row))], 7, I1) for row in rows]
    if not all(split.exhaustive for split in splits):
        return
    choice = choose_rows([split.options for split in splits], 7, _column_sums(len(rows), 7))
    assert choice.rows is None or [list(row) for row in choice.rows] == rows


def test_leading_zeros_are_cells_of_their_own_whatever_the_count():
    from govparse.digits import forced_parts

    assert forced_parts("00") == ["0", "0"] and forced_parts("03") == ["0", "3"] and forced_parts("000") == ["0"] * 3
    assert forced_parts("0179717") == ["0", "179717"] and forced_parts("0015") == ["0", "0", "15"]
    assert forced_parts("0") is None and forced_parts("30") is None and forced_parts("0无") is None


# --- thousands separators (pypdf's layout mode of a report printing 137,795: 137,7950 for it and a 0) -------

def test_a_comma_takes_three_digits_and_the_rest_is_the_next_cell():
    split = split_digits(["0", "0", "0", "0", "137,7950", "137,795"], 7, I1)
    assert split.parts == (0, 0, 0, 0, 137795, 0, 137795)
    assert split.candidates[0][4] == "137,795"  # as printed
    split = split_digits(["0", "185,402939", "27,636212,9811,474428,432"], 7, I1)
    assert split.parts == (0, 185402, 939, 27636, 212981, 1474, 428432)


def test_a_comma_never_stands_between_two_cells():
    assert split_digits(["1,2"], 2).parts is None  # two digits a comma apart: no number, no cut
    assert split_digits(["12,3456"], 2).parts == (12345, 6)
    assert split_digits(["1,23"], 1).parts is None


def test_the_bounds_count_digits_not_separators():
    # fifteen characters, eleven digits: a bound counting characters would call 2,000 too small a total
    split = split_digits(["1,0001,000", "2,000"], 3, (row_sum(3),))
    assert split.parts == (1000, 1000, 2000)
    assert split_digits(["1,0001,0002,000"], 3, (row_sum(3),)).parts == (1000, 1000, 2000)
    assert split_digits(["2,0001,0001,000"], 3, (Constraint(plus=(0,), minus=(1, 2)),)).parts == (2000, 1000, 1000)


@given(st.lists(st.one_of(st.integers(0, 99), st.integers(1000, 2_000_000)), min_size=6, max_size=6).flatmap(
    lambda six: st.tuples(st.just(six + [sum(six)]), glued([f"{v:,}" for v in six + [sum(six)]]))))
def test_table_three_rows_with_separators(case):
    row, groups = case
    split = split_digits(groups, 7, I1)
    if split.parts is not None:
        assert split.parts == tuple(row)
    elif split.candidates and len(split.candidates) < MAX_CANDIDATES and "gave up" not in split.problem:
        assert tuple(f"{v:,}" for v in row) in split.candidates
