from decimal import Decimal

from govparse.cells import Cell
from govparse.values import Kind, fit_row, read_value


def test_numbers():
    assert read_value("14").number == Decimal(14)
    assert read_value("12,251").number == Decimal(12251)
    assert read_value("2389.27441").number == Decimal("2389.27441")
    assert read_value("70487元").number == Decimal(70487)


def test_not_numbers():
    assert read_value("").kind is Kind.BLANK
    for mark in ("/", "-", "—", "无"):
        assert read_value(mark).kind is Kind.NULL_MARK
    for bad in ("1,2", "12.3.4", "1" * 40, "1e5"):
        assert read_value(bad).kind is Kind.UNREADABLE, bad
    assert read_value("规章").kind is Kind.TEXT
    assert read_value("2023年政府信息公开工作").kind is Kind.TEXT


def _cells(*texts):
    return tuple(Cell(t, i + 1, 1) for i, t in enumerate(texts))


def test_stray_empty_cell_beside_all_values_is_dropped():
    fitted = fit_row(_cells("0", "0", "0", "0", "0", "0", "", "0"), 7)
    assert [c.text for c in fitted.cells] == ["0"] * 7
    assert [c.text for c in fitted.dropped] == [""]


def test_blank_cell_in_a_short_row_is_its_own_column():
    fitted = fit_row(_cells("0", "", "0", "0", "0", "0", "0", ""), 7)
    assert [c.text for c in fitted.cells] == ["0", "", "0", "0", "0", "0", "0"]


def test_a_row_that_cannot_be_placed_is_not_guessed():
    fitted = fit_row(_cells("1", "2", "3", "4", "5", "6"), 7)
    assert fitted.cells is None and "6 values" in fitted.problem
    assert fit_row(_cells(*"12345678"), 7).cells is None


def test_endless_digits_are_unreadable_fast():
    assert read_value("9" * 100_000).kind is Kind.UNREADABLE
    assert read_value("999," * 100_000).kind is Kind.UNREADABLE


def test_a_long_row_is_never_cut_to_length():
    # Five blank cells, fourteen values and a trailing blank for fifteen columns:
    # taking the first fifteen would drop four filled cells (found by the round trip).
    fitted = fit_row(_cells(*([""] * 5), *("1" * 14), ""), 15)
    assert fitted.cells is None


def test_trailing_blanks_complete_a_short_row():
    fitted = fit_row(_cells("1", "2", "", "", ""), 3)
    assert [c.text for c in fitted.cells] == ["1", "2", ""]
