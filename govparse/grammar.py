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
  (govparse.rows); the parse says which of them stood out of place.

The parse depends only on the sequence of token types, and reports of one
edition and layout share very few such sequences, so it is cached by it: the
parser runs once per distinct table shape, not once per report.
"""

from __future__ import annotations

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

    skipped: frozenset[int]  # indices of tokens it could not take where they stand
    assumed: tuple[str, ...]  # captions and group labels the text lacks, assumed to go on
    complete: bool  # whether the tokens it took make a whole table


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


@lru_cache(maxsize=4096)
def _order(grammar: TableGrammar, types: tuple[str, ...]) -> Order:
    automaton = grammar.automaton
    stack = [automaton.start]
    skipped: set[int] = set()
    assumed: list[str] = []
    for index, kind in enumerate(types):
        if kind == UNKNOWN or (kind == VALUES and index and types[index - 1] == UNKNOWN):
            skipped.add(index)  # text that names no label, and the numbers under it: no part of the table
            continue
        fed = automaton.step(stack, kind)
        if fed is None:
            fed = _with_assumed(grammar, stack, kind, assumed)
        if fed is None:
            skipped.add(index)
            continue
        stack = fed
    complete = _ends(grammar, stack, assumed)
    return Order(frozenset(skipped), tuple(assumed), complete)


def _with_assumed(grammar: TableGrammar, stack: list[int], kind: str, assumed: list[str]) -> list[int] | None:
    """The parser after a caption or group label the text lacks and then the token, if one such lets it in."""
    automaton = grammar.automaton
    for name in automaton.expected(stack):
        if name in grammar.structure_terminals:
            step = automaton.step(stack, name)
            fed = automaton.step(step, kind) if step is not None else None
            if fed is not None:
                assumed.append(name)
                return fed
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
