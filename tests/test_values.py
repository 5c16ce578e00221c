from decimal import Decimal

from govparse.values import Kind, read_value


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


def test_endless_digits_are_unreadable_fast():
    assert read_value("9" * 100_000).kind is Kind.UNREADABLE
    assert read_value("999," * 100_000).kind is Kind.UNREADABLE


def test_markdown_escapes_in_numbers():
    """mammoth's markdown escapes signs and points (\\+18, 7061\\.7); a lone backslash stays a null mark."""
    assert read_value("\\+18").number == Decimal(18)
    assert read_value("\\-25").number == Decimal(-25)
    assert read_value("7061\\.7").number == Decimal("7061.7")
    assert read_value("\\").kind is Kind.NULL_MARK
    assert read_value("1\\2").kind is Kind.UNREADABLE
