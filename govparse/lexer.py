"""Between stages 5 and 6: turn the cell stream into grammar tokens.

A cell becomes a label terminal of the table's grammar when its compact form
matches one; a label broken across neighbouring cells (``结果`` / ``维持``) is
joined first, the longest join that names a label winning. Each run of value
cells becomes one VALUES token. A run of only blank cells is layout (the empty
cells under a spanning header) and is dropped, as are the empty cells a line
ends with right after a label (the columns it spans, see ``padding``). Text
that names no label becomes an UNKNOWN token: the numbers after it are its own,
reported with it, never added to the row before.
"""

from __future__ import annotations

from itertools import islice
from typing import Final

import interegular
import regex
from mypy_extensions import mypyc_attr

from .cells import Cell
from .grammar import UNKNOWN, VALUES, TableGrammar
from .normalize import compact, translate, via_traditional
from .values import MAX_DIGITS, Kind, kind_of

MAX_JOIN: Final = 4
_NUMERALS: Final = "一二三四五六七八九十"
_ENUMERATOR = regex.compile(rf"^(?:[{_NUMERALS}]{{1,3}}|\d{{1,2}})(?=\p{{Han}})")
_ENUMERATOR_PIECE: Final = regex.compile(r"^[(（]?\d{1,2}[.．、,，)）]?$")


def strip_enumerator(key: str) -> str:
    return _ENUMERATOR.sub("", key, count=1)


@mypyc_attr(acyclic=True)
class TableToken:
    """A grammar token: a label terminal's name, or VALUES, and the cells it was read from.

    Plain slotted classes here, not dataclasses, for the reason govparse.cells gives;
    acyclic like a Cell (it holds a name and a tuple of cells).
    """

    __slots__ = ("type", "cells")

    def __init__(self, type: str, cells: tuple[Cell, ...]) -> None:
        self.type = type  # a terminal name of the grammar, or VALUES
        self.cells = cells

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TableToken):
            return NotImplemented
        return self.type == other.type and self.cells == other.cells

    def __hash__(self) -> int:
        return hash((self.type, self.cells))

    def __repr__(self) -> str:
        return f"TableToken({self.type!r}, {self.cells!r})"

    def __reduce__(self) -> tuple:
        return TableToken, (self.type, self.cells)  # see govparse.cells.Cell

    @property
    def line(self) -> int:
        return self.cells[0].line

    @property
    def column(self) -> int:
        return self.cells[0].column

    @property
    def text(self) -> str:
        return " ".join(cell.text for cell in self.cells)


class Lexed:
    """A table's tokens, and the cells that did not become one."""

    __slots__ = ("tokens", "unmatched", "joined")

    def __init__(self, tokens: list[TableToken]) -> None:
        self.tokens = tokens
        self.unmatched: list[Cell] = []  # text cells that name no label
        self.joined: list[TableToken] = []  # labels joined from several cells

    @property
    def types(self) -> tuple[str, ...]:
        return tuple([token.type for token in self.tokens])


# A label terminal written as a pattern ((行政)?规范性文件) names a handful of
# spellings; more than this, and it is matched as a pattern instead.
_MAX_SPELLINGS: Final = 64
_CACHE_LIMIT: Final = 65536


def spellings(pattern: str) -> list[str] | None:
    """Every text a label pattern matches, or None when that is not a short finite list.

    Spelled out, a pattern label is looked up like a literal one, and its
    prefixes tell the lexer when a join of cells can still grow into a label.
    """
    try:
        fsm = interegular.parse_pattern(pattern).to_fsm()
    except Exception:  # a construct interegular does not read: keep the pattern
        return None
    found: list[str] = []
    for chars in islice(fsm.strings(), _MAX_SPELLINGS + 1):
        if not all(isinstance(ch, str) and len(ch) == 1 for ch in chars):
            return None  # a character class such as [^x]: not a list of texts
        found.append("".join(chars))
    return found if len(found) <= _MAX_SPELLINGS else None


@mypyc_attr(acyclic=True)
class TextInfo:
    """What the lexer needs of one cell text, worked out once per distinct text:
    its kind, its compact key, the label it names alone, whether a join of cells
    starting with it could still name one, and whether it ends a join.

    Acyclic, like a Cell: the thousands a long run keeps in the cache are not
    tracked by the garbage collector, so they neither bring on full collections
    while the cache fills nor make each one longer."""

    __slots__ = ("kind", "key", "name", "grows", "ends_join")

    def __init__(self, kind: str, key: str, name: str | None, grows: bool, ends_join: bool) -> None:
        self.kind = kind  # a Kind constant
        self.key = key
        self.name = name
        self.grows = grows
        self.ends_join = ends_join


# Most cells are a plain count or blank: told without hashing the text. Their key,
# name and growth are never read, since they end any join.
_BLANK_INFO: Final = TextInfo(Kind.BLANK, "", None, False, True)
_COUNT_INFO: Final = TextInfo(Kind.NUMBER, "", None, False, True)


class Labels:
    """Compact label text to terminal name, for one grammar."""

    def __init__(self, grammar: TableGrammar) -> None:
        self.exact: dict[str, str] = {}
        self.spelled: dict[str, str] = {}  # label patterns, spelled out
        self.patterns: list[tuple[regex.Pattern, str]] = []  # those that cannot be
        for name, pattern, literal in grammar.label_terminals():
            # Each label also as a mirror site's traditional text simplifies back (反复 → 反覆).
            for form in dict.fromkeys((translate(pattern), via_traditional(pattern))):
                if literal:
                    self.exact[compact(form)] = name
                    continue
                texts = spellings(form)
                if texts is None:
                    self.patterns.append((regex.compile(form), name))
                    continue
                for text in texts:
                    if compact(text) == text:  # a pattern only ever met compact keys
                        self.spelled.setdefault(text, name)
        # Labels without their enumerator, where that is still unambiguous.
        counts: dict[str, int] = {}
        for key in self.exact:
            short = strip_enumerator(key)
            counts[short] = counts.get(short, 0) + 1
        self.short = {
            strip_enumerator(key): name for key, name in self.exact.items()
            if strip_enumerator(key) != key and counts[strip_enumerator(key)] == 1
            and strip_enumerator(key) not in self.exact
        }
        # Every beginning of every key: a join of cells that is not one cannot become a label.
        self._prefixes = {key[:end] for table in (self.exact, self.short, self.spelled)
                          for key in table for end in range(len(key) + 1)}
        self._infos: dict[str, TextInfo] = {}
        self._names: dict[str, str | None] = {}
        self._viable: dict[str, bool] = {}

    def info(self, text: str) -> TextInfo:
        """All the lexer asks of a cell text, in one lookup (remembered: label cells repeat across reports)."""
        if not text:
            return _BLANK_INFO
        if text.isdigit() and text.isascii() and len(text) <= MAX_DIGITS:
            return _COUNT_INFO
        info = self._infos.get(text)
        if info is None:
            kind = kind_of(text)
            key = compact(text)
            # Numbers, blanks and punctuation null marks (—— /) end a join of label pieces.
            # A label broken into pieces may have a piece that reads as a null mark on its
            # own (1．申请人 / 无 / 正当理由…), so a join runs over 无; but not over ——,
            # which the compact form would drop, letting 行政规范性文件 + —— name the label.
            ends_join = kind is Kind.NUMBER or kind is Kind.BLANK or (kind is Kind.NULL_MARK and not key)
            info = TextInfo(kind, key, self.named(key), self.may_grow(key), ends_join)
            if len(self._infos) < _CACHE_LIMIT:
                self._infos[text] = info
        return info

    def lookup(self, text: str) -> str | None:
        """Terminal named by ``text``, or None."""
        return self.named(compact(text))

    def named(self, key: str) -> str | None:
        """Terminal named by compact text ``key``, or None (remembered)."""
        try:
            return self._names[key]
        except KeyError:
            pass
        name = self._find(key) if key else None
        if len(self._names) < _CACHE_LIMIT:
            self._names[key] = name
        return name

    def may_grow(self, key: str) -> bool:
        """Whether compact text ``key``, with more cells after it, could still name a label.

        When it cannot, ``key`` names no label either: every key, and every key
        without its enumerator, is among the prefixes (patterns aside, which grow always).
        """
        viable = self._viable.get(key)
        if viable is None:
            viable = self._may_grow(key)
            if len(self._viable) < _CACHE_LIMIT:
                self._viable[key] = viable
        return viable

    def _may_grow(self, key: str) -> bool:
        if self.patterns or key in self._prefixes:
            return True
        # The label may be met without its enumerator (see _find): any leading run of
        # numerals or digits an enumerator could take is skipped, the longer key checked.
        for cut in range(1, 4):
            head = key[:cut]
            if len(head) < cut or not (head.isdigit() and cut <= 2 or all(ch in _NUMERALS for ch in head)):
                break
            if key[cut:] in self._prefixes:
                return True
        return False

    def _find(self, key: str) -> str | None:
        name = self.exact.get(key)
        if name is not None:
            return name
        short = strip_enumerator(key)
        name = self.short.get(short) or self.exact.get(short)
        if name is not None:
            return name
        name = self.spelled.get(key) or self.spelled.get(short)
        if name is not None:
            return name
        for pattern, name in self.patterns:
            if pattern.fullmatch(key) or pattern.fullmatch(short):
                return name
        return None


def lex(cells: list[Cell], labels: Labels) -> Lexed:
    """Cells to tokens for one table, in one pass over them."""
    lexed = Lexed([])
    tokens = lexed.tokens
    infos = [labels.info(cell.text) for cell in cells]  # each cell's text looked up once
    run: list[Cell] = []
    run_filled = False  # a run of only blank cells is layout, not a VALUES token
    index = 0
    count = len(cells)
    while index < count:
        kind = infos[index].kind
        if kind is not Kind.TEXT and kind is not Kind.UNREADABLE:  # a value: number, blank or null mark
            if not run and kind is Kind.BLANK:
                padded = _padding(cells, infos, index)
                if padded:
                    index += padded  # spanned columns of the label before: layout, not blank values
                    continue
            run.append(cells[index])
            run_filled = run_filled or kind is not Kind.BLANK
            index += 1
            continue
        # A cell that reads as a damaged value starts a label only as its enumerator (1. of
        # 1.属于国家秘密 broken off); a signed or longer one (0+7) stays a value.
        if kind is Kind.UNREADABLE and _ENUMERATOR_PIECE.match(cells[index].text) is None:
            name, width = None, 1
        else:
            name, width = _label_at(infos, index, labels)
        if name is not None:
            if run_filled:
                tokens.append(TableToken(VALUES, tuple(run)))
            if run:
                run.clear()
            run_filled = False
            token = TableToken(name, (cells[index],) if width == 1 else tuple(cells[index:index + width]))
            tokens.append(token)
            if width > 1:
                lexed.joined.append(token)
            index += width
        elif kind is Kind.UNREADABLE:
            run.append(cells[index])
            run_filled = True
            index += 1
        else:
            # Text that names no label: a row of its own (小计, 其中：…, a local row) or a
            # note. It ends the run before it, and the numbers after it are its own.
            if run_filled:
                tokens.append(TableToken(VALUES, tuple(run)))
            if run:
                run.clear()
            run_filled = False
            tokens.append(TableToken(UNKNOWN, (cells[index],)))
            lexed.unmatched.append(cells[index])
            index += 1
    if run_filled:
        tokens.append(TableToken(VALUES, tuple(run)))
    return lexed


def _padding(cells: list[Cell], infos: list[TextInfo], index: int) -> int:
    """How many empty cells, from the blank cell at ``index`` on, pad its line: all of
    them up to the end of a line of two or more cells, or none.

    Scrapers write the columns a cell spans as empty cells after the row
    (``总计 | |||||``, or a line of pipes ``|||||``). Right after a label they
    are layout: read as values, they would shift the row below them. After a
    value they stay, since a blank last column looks the same. A blank cell
    alone on its line (``|``, or a blank line of a linear layout) is a cell.
    """
    line = cells[index].line
    stop = index + 1
    count = len(cells)
    while stop < count and cells[stop].line == line:
        if infos[stop].kind is not Kind.BLANK:
            return 0  # a filled cell follows on the line
        stop += 1
    if stop - index > 1 or (index > 0 and cells[index - 1].line == line):
        return stop - index
    return 0


def _label_at(infos: list[TextInfo], index: int, labels: Labels) -> tuple[str | None, int]:
    """The longest join of text cells from ``index`` that names a label.

    A join grows while the cells so far still begin some label, so a whole
    label cell followed by other labels costs one more lookup, not one per width.
    """
    first = infos[index]
    limit = index + 1  # the cell at index is text: it never ends the join
    stop_at = min(len(infos), index + MAX_JOIN)
    if limit >= stop_at or not first.grows or infos[limit].ends_join:
        return first.name, 1
    keys = [first.key]  # the key of each join, by width
    key = first.key
    while True:
        key += infos[limit].key
        keys.append(key)
        limit += 1
        if not labels.may_grow(key):
            keys.pop()  # so it names no label either
            break
        if limit >= stop_at or infos[limit].ends_join:
            break
    for width in range(len(keys), 1, -1):
        name = labels.named(keys[width - 1])
        if name is not None:
            return name, width
    return first.name, 1
