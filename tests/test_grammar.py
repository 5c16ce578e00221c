"""The grammars: they compile in lark's strict mode, name the labels, and plan rows."""

import pytest
from lark import Lark

from govparse.grammar import VALUES, grammar_names, grammar_text, load
from govparse.model import Applications, ReviewLitigation, rows_of
from govparse.tables import TABLES


@pytest.mark.parametrize("name", grammar_names())
def test_grammar_compiles_in_strict_mode(name):
    Lark(grammar_text(name), parser="lalr", strict=True)


def test_every_table_edition_has_its_grammar():
    names = set(grammar_names())
    for spec in TABLES:
        assert set(spec.grammars.values()) <= names, spec.key


@pytest.mark.parametrize("spec", [s for s in TABLES if s.key != "review_litigation"], ids=lambda s: s.key)
def test_every_row_key_is_a_rule_with_its_terminal(spec):
    for edition, name in spec.grammars.items():
        terminals = {t for t, _, _ in load(name).label_terminals()}
        text = grammar_text(name)
        for row_key, _ in rows_of(spec.models[edition]):
            assert f"\n{row_key}: ({row_key.upper()} {VALUES}?)?" in text, (name, row_key)
            assert row_key.upper() in terminals


def _types(*names):
    return tuple(names)


def test_plan_of_a_short_applications_table():
    grammar = load("applications_2021")
    types = _types("NATURAL_PERSON", "TOTAL", "NEW_RECEIVED", VALUES, "CARRIED_OVER", VALUES,
                   "RESULTS_GROUP", "GRANTED", "CARRIED_FORWARD", VALUES)
    plan = grammar.plan(types)
    assert plan.header == (0, 1)
    assert plan.groups == (6,)
    assert plan.rows["new_received"].label == 2 and plan.rows["new_received"].values == 3
    assert plan.rows["granted"].label == 7 and plan.rows["granted"].values is None
    assert plan.rows["partially_granted"].label is None
    assert set(plan.rows) == {key for key, _ in rows_of(Applications)}
    assert plan.consumed == len(types) and plan.problem is None


def test_rows_out_of_order_are_rejected_with_a_reason():
    grammar = load("applications_2021")
    types = _types("CARRIED_OVER", VALUES, "NEW_RECEIVED", VALUES)
    assert grammar.plan(types) is None
    assert "out of place" in grammar.explain(types, [type("T", (), {"text": t, "line": 1})() for t in types])


def test_tokens_after_a_complete_table_are_trailing():
    grammar = load("review_litigation")
    plan = grammar.plan(_types("REVIEW", "UPHELD", VALUES, "REVIEW"))
    assert plan.consumed == 3 and plan.problem
    assert set(plan.rows) == {"outcomes"}
    assert len(rows_of(ReviewLitigation)) == 3


def test_plans_are_cached_by_type_sequence():
    grammar = load("review_litigation")
    types = _types("REVIEW", VALUES)
    assert grammar.plan(types) is grammar.plan(tuple(types))
