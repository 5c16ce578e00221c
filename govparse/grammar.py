"""Stage 6: one Lark LALR grammar per table, over label tokens instead of characters.

Each ``grammars/*.lark`` file names the fixed row and column labels of one table
as terminals and their order as rules. The lexer (govparse.lexer) reads those
terminals to recognise labels in cells, so the grammar files are the one place
the labels are written down.

Parsing gives a *plan*: for every row key, which token holds its label and which
holds its values. A plan depends only on the sequence of token types, and
reports of one edition and layout share very few such sequences, so plans are
cached by it: the LALR parser runs once per distinct table shape, not once per
report. The parse tree itself is kept for debugging (``govparse dump``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from lark import Lark, Token, Transformer, Tree
from lark.exceptions import UnexpectedInput, UnexpectedToken
from lark.lexer import PatternStr

VALUES = "VALUES"
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
class Row:
    label: int | None  # index of the label token, None when the row is absent
    values: int | None  # index of the VALUES token, None when the row has none


@dataclass(frozen=True, slots=True)
class Plan:
    """Where each row of a table is in its token list."""

    rows: dict[str, Row]
    header: tuple[int, ...]  # indices of header label tokens
    groups: tuple[int, ...]  # indices of group labels such as （三）不予公开
    consumed: int  # tokens the grammar accepted; the rest trail the table
    problem: str | None = None  # why parsing stopped early, if it did

    @property
    def complete(self) -> bool:
        """Whether the table's last row was reached."""
        if not self.rows:
            return False
        last = next(reversed(self.rows.values()))
        return last.label is not None or last.values is not None


class _Collect(Transformer):
    """Tree to nested (rule, children) tuples holding token indices."""

    def __default__(self, data, children, meta):
        if data.startswith("_"):  # inlined into its parent by lark
            return Tree(data, children)
        return (str(data), children)


class TableGrammar:
    """A compiled table grammar and its label terminals."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.text = grammar_text(name)
        self.parser = Lark(self.text, parser="lalr", strict=True, transformer=_Collect())

    @cached_property
    def tree_parser(self) -> Lark:
        return Lark(self.text, parser="lalr", strict=True)

    def label_terminals(self) -> list[tuple[str, str, bool]]:
        """(name, pattern, is_literal) of every label terminal."""
        out = []
        for terminal in self.parser.terminals:
            if terminal.name == VALUES:
                continue
            out.append((terminal.name, terminal.pattern.value, isinstance(terminal.pattern, PatternStr)))
        return out

    def terminal_label(self, name: str) -> str:
        for terminal in self.parser.terminals:
            if terminal.name == name:
                return terminal.pattern.value
        return name

    def plan(self, types: tuple[str, ...]) -> Plan | None:
        """The row plan for a token type sequence; None when the grammar rejects it."""
        return _plan(self, types)

    def tree(self, types: tuple[str, ...]) -> Tree | str:
        """The parse tree (for debugging), or the parser's complaint."""
        try:
            return _feed(self.tree_parser, types, len(types))
        except UnexpectedInput as error:
            return f"{type(error).__name__}: {error}"

    def explain(self, types: tuple[str, ...], tokens) -> str:
        """Why the grammar rejects ``types``, naming the offending cell and what was expected."""
        try:
            _feed(self.parser, types, len(types))
        except UnexpectedToken as error:
            expected = sorted(self.terminal_label(n) for n in error.expected if n != "$END")
            shown = "、".join(expected[:4]) + ("…" if len(expected) > 4 else "")
            if error.token.type == "$END":
                return f"the table ends early; expected {shown or 'more rows'}"
            token = tokens[int(error.token)]
            return (f"{token.text[:40]!r} (line {token.line}) is out of place; "
                    f"expected {shown or 'the end of the table'}")
        except UnexpectedInput as error:
            return str(error)
        return "the grammar accepts this table"


def _feed(parser: Lark, types: tuple[str, ...], stop: int):
    interactive = parser.parse_interactive()
    for index in range(stop):
        interactive.feed_token(Token(types[index], str(index)))
    return interactive.feed_eof()


@lru_cache(maxsize=4096)
def _plan(grammar: TableGrammar, types: tuple[str, ...]) -> Plan | None:
    problem = None
    consumed = len(types)
    try:
        collected = _feed(grammar.parser, types, consumed)
    except UnexpectedToken as error:
        if error.token.type == "$END":
            return None
        # Tokens after a complete table trail it (a repeated table, a note):
        # keep the table when the grammar accepts everything before them.
        consumed = int(error.token)
        try:
            collected = _feed(grammar.parser, types, consumed)
        except UnexpectedInput:
            return None
        problem = f"{types[consumed]} where the table could end"
    except UnexpectedInput:
        return None
    plan = _to_plan(collected, types, consumed, problem)
    if problem is not None and not plan.complete:
        return None  # a row out of place inside the table, not noise after it
    return plan


def _to_plan(collected, types, consumed, problem) -> Plan:
    rows: dict[str, Row] = {}
    header: list[int] = []
    groups: list[int] = []
    _, children = collected
    for child in children:
        if isinstance(child, Token):
            groups.append(int(child))
            continue
        rule, tokens = child
        indices = [int(token) for token in tokens]
        if rule == "header":
            header.extend(indices)
            continue
        label = next((i for i in indices if types[i] != VALUES), None)
        values = next((i for i in indices if types[i] == VALUES), None)
        rows[rule] = Row(label, values)
    return Plan(rows, tuple(header), tuple(groups), consumed, problem)


@lru_cache(maxsize=None)
def load(name: str) -> TableGrammar:
    """The grammar ``grammars/<name>.lark``, built once per process."""
    return TableGrammar(name)
