"""The grammars: they compile in lark's strict mode, name the labels, and plan rows."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lark import Lark

from govparse.cells import Cell
from govparse.diagnostics import Diagnostics
from govparse.grammar import UNKNOWN, VALUES, grammar_names, grammar_text, load
from govparse.lexer import TableToken
from govparse.rows import Events, printed_rows
from govparse.model import Applications, rows_of
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


def test_the_grammar_names_rows_in_order_header_and_structure():
    grammar = load("applications_2021")
    assert grammar.rows == tuple(key for key, _ in rows_of(Applications))
    assert grammar.row_of["GRANTED"] == "granted"
    assert {"NATURAL_PERSON", "LEGAL_PERSON", "TOTAL"} <= grammar.header_terminals
    assert {"RESULTS_GROUP", "DENIED_GROUP"} <= grammar.structure_terminals
    assert not grammar.structure_terminals & set(grammar.row_of)
    assert load("review_litigation").rows == ()  # one row of numbers under a header


def test_rows_in_order_are_all_taken():
    grammar = load("applications_2021")
    types = _types("NATURAL_PERSON", "TOTAL", "NEW_RECEIVED", VALUES, "CARRIED_OVER", VALUES,
                   "RESULTS_GROUP", "GRANTED", "CARRIED_FORWARD", VALUES)
    order = grammar.order(types)
    assert order.skipped == frozenset() and order.complete


def test_a_row_out_of_order_is_skipped_and_the_parse_goes_on():
    grammar = load("applications_2021")
    order = grammar.order(_types("CARRIED_OVER", VALUES, "NEW_RECEIVED", VALUES, "GRANTED", VALUES))
    # of the swapped pair, the one the longest run in order leaves out (as the row stage reports it), with
    # its numbers; a greedy parse would have kept carried_over and skipped new_received
    assert order.moved == {0} and order.skipped == {0, 1} and order.complete


def test_a_row_far_ahead_of_its_place_is_the_one_moved():
    grammar = load("applications_2021")
    order = grammar.order(_types("TOTAL_PROCESSED", VALUES, "NEW_RECEIVED", VALUES, "CARRIED_OVER", VALUES,
                                 "RESULTS_GROUP", "GRANTED", VALUES, "PARTIALLY_GRANTED", VALUES))
    assert order.moved == {0} and order.skipped == {0, 1}  # not the four rows after it


@given(picks=st.lists(st.integers(0, 100), max_size=30), name=st.sampled_from(grammar_names()))
def test_the_parse_and_the_row_stage_tell_the_same_rows_out_of_order(picks, name):
    """One account of row order: the rows the parse sets aside are the rows the row stage reports
    (govparse.rows.printed_rows), for any sequence of row labels, repeats, header and structure labels and
    unknown text; and every other row label the parse takes, but for a copy of a row it took."""
    grammar = load(name)
    terminals = sorted(grammar.row_of) + sorted(grammar.header_terminals) + sorted(grammar.structure_terminals) \
        + [UNKNOWN]
    types = tuple(kind for pick in picks for kind in ((terminals[pick % len(terminals)], VALUES)
                                                       if terminals[pick % len(terminals)] in grammar.row_of
                                                       else (terminals[pick % len(terminals)],)))
    tokens = [TableToken(kind, (Cell("0" if kind == VALUES else kind, at + 1, 1),)) for at, kind in enumerate(types)]
    rows = printed_rows(tokens, grammar, Events("t", Diagnostics()))
    reported = {row.label.line - 1 for row in rows if row.out_of_order}
    order = grammar.order(types)
    assert order.moved == reported
    assert all(types[index] == VALUES or index in order.moved or types[index] not in grammar.row_of
               or types[index] in {types[other] for other in range(index) if other not in order.skipped}
               for index in order.skipped)  # a row label the parse skips besides is a copy of one it took


def test_a_row_printed_twice_is_skipped_the_second_time():
    grammar = load("active_disclosure_2021")
    order = grammar.order(_types("ITEM_1", "REGULATIONS", VALUES, "REGULATIONS", VALUES, "NORMATIVE_DOCUMENTS"))
    assert order.skipped == {3, 4}


def test_a_missing_caption_is_assumed():
    grammar = load("active_disclosure_2021")
    order = grammar.order(_types("ITEM_1", "REGULATIONS", VALUES, "LICENSING", VALUES))
    assert order.skipped == frozenset() and order.assumed[0] == "ITEM_5"
    assert order.complete and "ITEM_6" in order.assumed  # a table cut short ends with what it lacks


def test_table_four_may_come_one_group_at_a_time():
    grammar = load("review_litigation")
    order = grammar.order(_types("REVIEW", "UPHELD", VALUES, "SUIT_DIRECT", "UPHELD", VALUES))
    assert order.skipped == frozenset() and order.complete


def test_orders_are_cached_by_type_sequence():
    grammar = load("review_litigation")
    types = _types("REVIEW", VALUES)
    assert grammar.order(types) is grammar.order(tuple(types))
