from govparse.identities import check_all
from govparse.model import ApplicantCounts, Applications, OutcomeCounts, ReviewLitigation, rows_of


def _applications(**rows):
    zero = ApplicantCounts(0, 0, 0, 0, 0, 0, 0)
    return Applications(**{key: rows.get(key, zero) for key, _ in rows_of(Applications)})


def test_consistent_tables_pass_every_check():
    one = ApplicantCounts(1, 0, 0, 0, 0, 0, 1)
    table = _applications(new_received=one, granted=one, total_processed=one)
    review = ReviewLitigation(OutcomeCounts(1, 0, 0, 0, 1), OutcomeCounts(0, 0, 0, 0, 0),
                              OutcomeCounts(0, 2, 1, 0, 3))
    checks = check_all(table, review)
    assert {c.id for c in checks} == {"S1", "I1", "I2", "I3"}
    assert len(checks) == 7 + 25 + 7 + 3
    assert all(c.ok for c in checks)


def test_broken_identity_reports_cells_and_difference():
    table = _applications(new_received=ApplicantCounts(5, 0, 0, 0, 0, 0, 5),
                          granted=ApplicantCounts(3, 0, 0, 0, 0, 0, 3),
                          total_processed=ApplicantCounts(3, 0, 0, 0, 0, 0, 3))
    s1 = next(c for c in check_all(table, None) if c.id == "S1" and c.name == "natural_person")
    assert (s1.ok, s1.lhs, s1.rhs, s1.difference) == (False, 5, 3, 2)
    document = s1.to_dict()
    assert document["column"] == "natural_person"
    assert document["cells"]["lhs"] == ["applications.new_received.natural_person",
                                        "applications.carried_over.natural_person"]


def test_null_cells_leave_a_check_undecided():
    table = _applications(granted=ApplicantCounts(None, 0, 0, 0, 0, 0, 0))
    i1 = next(c for c in check_all(table, None) if c.id == "I1" and c.name == "granted")
    assert i1.ok is None and i1.difference is None
    assert i1.missing == ("applications.granted.natural_person",)


def test_a_passing_check_is_named_not_spelled_out():
    one = ApplicantCounts(1, 0, 0, 0, 0, 0, 1)
    table = _applications(new_received=one, granted=one, total_processed=one)
    document = next(c for c in check_all(table, None) if c.id == "S1").to_dict()
    assert document == {"id": "S1", "column": "natural_person", "ok": True, "lhs": 1, "rhs": 1, "difference": 0}


def test_null_cells_are_named_on_both_sides_in_order():
    # A null on a one-cell side (a total) and on a summed side, across the three families.
    table = _applications(new_received=ApplicantCounts(1, 0, 0, 0, 0, 0, None),
                          total_processed=ApplicantCounts(None, 0, 0, 0, 0, 0, None))
    checks = {(c.id, c.name): c for c in check_all(table, None)}
    s1 = checks[("S1", "total")]
    assert (s1.ok, s1.lhs, s1.rhs) == (None, None, None)
    assert s1.missing == ("applications.new_received.total", "applications.total_processed.total")
    assert checks[("I1", "new_received")].missing == ("applications.new_received.total",)
    assert checks[("I1", "new_received")].rhs == 1
    assert checks[("I2", "natural_person")].missing == ("applications.total_processed.natural_person",)
    assert checks[("I2", "commercial")].ok is True
    assert checks[("S1", "commercial")].ok is True
