"""Stage 6: one Lark LALR grammar per table, over label tokens instead of characters.

Each ``grammars/*.lark`` file names the fixed row and column labels of one table
as terminals, and their groups and order as rules. It is the one place a table
is described: the lexer (govparse.lexer) reads the terminals to recognise labels
in cells, and this module reads the rules for the rest:

- which terminal labels which row (a rule ``granted: (GRANTED VALUES?)?``), and
  the rows in statutory order;
- which terminals head columns (the ``header`` rule), and which are captions and
  group labels that carry no cells (第二十条第（一）项, （三）不予公开);
- whether the rows stand in the order the table prints them: the LALR parser
  reads a table's tokens as printed and, like a compiler recovering from a
  syntax error, skips a token it cannot take where it stands (a row out of
  order, a row printed twice, a header repeated after a page break) and goes on
  at the next one; a caption or group label the text lacks is assumed when that
  lets the next token in. Rows are read by their labels in any case
  (govparse.rows); which of them stand out of the statutory order is told once,
  by ``out_of_order`` (a longest run in order), for the row stage's reports and
  for this parse, which sets those rows aside before it starts.

The parse depends only on the sequence of token types, and reports of one
edition and layout share very few such sequences, so it is cached by it: the
parser runs once per distinct table shape, not once per report.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Final

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput
from lark.lexer import PatternStr
from lark.parsers.lalr_analysis import Shift

# Final: compiled with mypyc, the modules that compare token types with them (every token of
# every table) read a constant, not a global of this module.
VALUES: Final = "VALUES"
UNKNOWN: Final = "UNKNOWN"  # a text cell that names no label of the table: no terminal of any grammar
HEADER: Final = "header"
GRAMMAR_PACKAGE = "govparse"
GRAMMAR_DIR = "grammars"


def grammar_names() -> list[str]:
    return sorted(p.name[:-5] for p in _grammar_dir().iterdir() if p.name.endswith(".lark"))


def _grammar_dir():
    """Grammars inside the installed package, or grammars/ of a source checkout."""
    packaged = resources.files(GRAMMAR_PACKAGE).joinpath(GRAMMAR_DIR)
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / GRAMMAR_DIR


def grammar_text(name: str) -> str:
    return _grammar_dir().joinpath(f"{name}.lark").read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class Order:
    """What the grammar made of a table's tokens, read in printed order."""

    skipped: frozenset[int]  # indices of tokens it could not take where they stand (``moved`` among them)
    assumed: tuple[str, ...]  # captions and group labels the text lacks, assumed to go on
    complete: bool  # whether the tokens it took make a whole table
    moved: frozenset[int] = frozenset()  # indices of the row labels out of the statutory order (``out_of_order``)


class TableGrammar:
    """A compiled table grammar, and what its rules say about the table."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.text = grammar_text(name)
        self.parser = Lark(self.text, parser="lalr", strict=True)
        self._labels = {t.name: t.pattern.value for t in self.parser.terminals}
        expansions: dict[str, list[list[str]]] = {}
        for rule in self.parser.rules:
            expansions.setdefault(rule.origin.name, []).append([symbol.name for symbol in rule.expansion])
        self.row_of: dict[str, str] = {}  # row label terminal -> row key
        self.rows: tuple[str, ...] = tuple(self._rows_in_order("start", expansions, set()))
        self.header_terminals: frozenset[str] = frozenset(
            symbol for name, alternatives in expansions.items() if name == HEADER or name.startswith(f"__{HEADER}")
            for alternative in alternatives for symbol in alternative if symbol.isupper())
        # Captions and group labels: the terminals that stand in the structure itself.
        self.structure_terminals: frozenset[str] = frozenset(
            symbol for name, alternatives in expansions.items()
            if name not in self.rows and name != HEADER and not name.startswith(f"__{HEADER}")
            for alternative in alternatives for symbol in alternative
            if symbol.isupper() and symbol != VALUES)
        self._automaton: _Automaton | None = None

    def _rows_in_order(self, rule: str, expansions: dict[str, list[list[str]]], seen: set[str]) -> list[str]:
        """Row rules reachable from ``rule``, in the order the grammar writes them. A row rule
        holds one label terminal (and VALUES); its name is the row key."""
        if rule in seen:
            return []
        seen.add(rule)
        alternatives = expansions.get(rule, [])
        labels = {s for alternative in alternatives for s in alternative if s.isupper() and s != VALUES}
        if rule != "start" and not rule.startswith("_") and rule != HEADER and len(labels) == 1 \
                and all(not s.islower() for alternative in alternatives for s in alternative):
            self.row_of[labels.pop()] = rule
            return [rule]
        found: list[str] = []
        for symbol in max(alternatives, key=len, default=[]):  # the fullest alternative names every part
            if not symbol.isupper():
                found.extend(self._rows_in_order(symbol, expansions, seen))
        return found

    @property
    def automaton(self) -> _Automaton:
        """The LALR tables, made on first use (a plain attribute, not functools.cached_property:
        compiled with mypyc the class keeps no instance dict)."""
        if self._automaton is None:
            self._automaton = _Automaton(self.parser)
        return self._automaton

    def label_terminals(self) -> list[tuple[str, str, bool]]:
        """(name, pattern, is_literal) of every label terminal."""
        return [(t.name, t.pattern.value, isinstance(t.pattern, PatternStr))
                for t in self.parser.terminals if t.name != VALUES]

    def terminal_label(self, name: str) -> str:
        return self._labels.get(name, name)

    def order(self, types: tuple[str, ...]) -> Order:
        """Which tokens stand out of the grammar's order (see the module docstring). UNKNOWN
        tokens, and the VALUES after them, are skipped without a try."""
        return _order(self, types)

    def tree(self, types: tuple[str, ...]) -> Tree | str:
        """The parse tree of the tokens the grammar takes in order (for debugging)."""
        skipped = self.order(types).skipped
        interactive = self.parser.parse_interactive()
        try:
            for index, kind in enumerate(types):
                if index not in skipped:
                    interactive.feed_token(Token(kind, str(index)))
            return interactive.feed_eof()
        except UnexpectedInput as error:
            return f"{type(error).__name__}: {error}"


class _Automaton:
    """The grammar's LALR tables, driven over state numbers only: whether a token can come
    next, tried on a copy of a short list of ints instead of a copy of lark's parser."""

    def __init__(self, parser: Lark) -> None:
        table = parser.parser.parser.parser.parse_table
        self.states = table.states
        self.start = table.start_states["start"]
        self.end = table.end_states["start"]

    def step(self, stack: list[int], kind: str) -> list[int] | None:
        """The state stack after a token of type ``kind``, or None when it cannot come here."""
        states = self.states
        stack = list(stack)
        while True:
            action = states[stack[-1]].get(kind)
            if action is None:
                return None
            what, argument = action
            if what is Shift:
                stack.append(argument)
                return stack
            size = len(argument.expansion)
            if size:
                del stack[-size:]
            stack.append(states[stack[-1]][argument.origin.name][1])
            if kind == _END and stack[-1] == self.end:
                return stack

    def ends(self, stack: list[int]) -> bool:
        return self.step(stack, _END) is not None

    def expected(self, stack: list[int]) -> list[str]:
        """Terminals the table lists in this state (a reduction may still refuse some)."""
        return sorted(name for name in self.states[stack[-1]] if name.isupper() and name != _END)


_END: Final = "$END"


@lru_cache(maxsize=64)
def _ranks(order: tuple[str, ...]) -> dict[str, int]:
    """Each key's place in ``order`` (a grammar's rows: a few orders, asked of every table)."""
    return {key: position for position, key in enumerate(order)}


def out_of_order(keys: Sequence[str], order: Sequence[str]) -> set[int]:
    """Which of the rows printed as ``keys`` stand out of the statutory ``order``: all but a longest
    run of them in that order (two rows swapped far apart are two rows moved, not every row between
    them). A row printed twice in a row is in order. Linear in the rows, times a binary search. The one
    account of row order: the row stage (govparse.rows) reports these rows, and ``TableGrammar.order``
    sets them aside before its parse."""
    rank = _ranks(tuple(order))
    positions = [rank.get(key, -1) for key in keys]
    last = -1
    for position in positions:
        if position < last:
            break
        last = position
    else:
        return set()  # all in order, as most tables print them: the longest run is every row
    ends: list[int] = []  # the smallest last rank of a run in order of each length
    ends_at: list[int] = []  # where that run ends
    before = [-1] * len(keys)  # the row before each in its run
    for at, position in enumerate(positions):
        length = bisect_right(ends, position)
        before[at] = ends_at[length - 1] if length else -1
        if length == len(ends):
            ends.append(position)
            ends_at.append(at)
        else:
            ends[length] = position
            ends_at[length] = at
    kept: set[int] = set()
    at = ends_at[-1] if ends_at else -1
    while at >= 0:
        kept.add(at)
        at = before[at]
    return {at for at in range(len(keys)) if at not in kept}


@lru_cache(maxsize=4096)
def _order(grammar: TableGrammar, types: tuple[str, ...]) -> Order:
    automaton = grammar.automaton
    stack = [automaton.start]
    # Rows out of the statutory order are set aside first, by the same account the row stage reports
    # (a greedy parse would keep the first of two swapped rows and skip the other, where the longest
    # run in order may keep the second), with the numbers under them.
    labels = [index for index, kind in enumerate(types) if kind in grammar.row_of]
    moved = {labels[at] for at in out_of_order([grammar.row_of[types[index]] for index in labels], grammar.rows)}
    skipped: set[int] = set(moved) | {index + 1 for index in moved if index + 1 < len(types)
                                      and types[index + 1] == VALUES}
    # The row labels in order, and for each the next of another row (copies of a row stand together in
    # a run in order): a header or caption is taken only where the next row in order can still follow it.
    kept = [index for index in labels if index not in moved]
    other = list(range(1, len(kept) + 1))
    for at in range(len(kept) - 2, -1, -1):
        if types[kept[at]] == types[kept[at + 1]]:
            other[at] = other[at + 1]
    upcoming = 0  # position in ``kept`` of the next row label in order
    last_row = ""  # the type of the row label the parse took last
    assumed: list[str] = []
    for index, kind in enumerate(types):
        while upcoming < len(kept) and kept[upcoming] <= index:
            upcoming += 1
        if index in skipped:
            continue
        if kind == UNKNOWN or (kind == VALUES and index and types[index - 1] == UNKNOWN):
            skipped.add(index)  # text that names no label, and the numbers under it: no part of the table
            continue
        found = _fed(grammar, stack, kind)
        if found is not None and kind != VALUES and kind not in grammar.row_of:
            ahead = upcoming if upcoming >= len(kept) or types[kept[upcoming]] != last_row else other[upcoming]
            if ahead < len(kept) and _fed(grammar, found[0], types[kept[ahead]]) is None:
                found = None  # a header or caption out of place: it would take the parse past the next row
        if found is None:
            skipped.add(index)
            continue
        stack = found[0]
        assumed.extend(found[1])
        if kind in grammar.row_of:
            last_row = kind
    complete = _ends(grammar, stack, assumed)
    return Order(frozenset(skipped), tuple(assumed), complete, frozenset(moved))


def _fed(grammar: TableGrammar, stack: list[int], kind: str) -> tuple[list[int], list[str]] | None:
    """The parser after a token of type ``kind``, with the captions and group labels the text lacks that
    had to be assumed to let it in (a table whose first blocks are cut off takes 行政强制 with
    第二十条第（一）…（六）项 assumed); None when it cannot come here."""
    fed = grammar.automaton.step(stack, kind)
    if fed is not None:
        return fed, []
    return _assumed_chain(grammar, stack, kind, len(grammar.structure_terminals))


def _assumed_chain(grammar: TableGrammar, stack: list[int], kind: str,
                   depth: int) -> tuple[list[int], list[str]] | None:
    """The first run of at most ``depth`` captions and group labels after which ``kind`` can come, with the
    parser after it: bounded by the grammar (its structure labels, a few a state), not by the text."""
    automaton = grammar.automaton
    for name in automaton.expected(stack):
        if name not in grammar.structure_terminals:
            continue
        step = automaton.step(stack, name)
        if step is None:
            continue
        fed = automaton.step(step, kind)
        if fed is not None:
            return fed, [name]
        if depth > 1:
            found = _assumed_chain(grammar, step, kind, depth - 1)
            if found is not None:
                return found[0], [name, *found[1]]
    return None


def _ends(grammar: TableGrammar, stack: list[int], assumed: list[str]) -> bool:
    """Whether the table can end here, assuming captions the text lacks at its end (a table cut short)."""
    automaton = grammar.automaton
    for _ in range(len(grammar.structure_terminals) + 1):
        if automaton.ends(stack):
            return True
        names = [name for name in automaton.expected(stack) if name in grammar.structure_terminals]
        step = automaton.step(stack, names[0]) if names else None
        if step is None:
            return False
        stack = step
        assumed.append(names[0])
    return False


@lru_cache(maxsize=None)
def load(name: str) -> TableGrammar:
    """The grammar ``grammars/<name>.lark``, built once per process."""
    return TableGrammar(name)
