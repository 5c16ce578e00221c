"""Between stages 5 and 6: turn the cell stream into grammar tokens.

A cell becomes a label terminal of the table's grammar when its compact form
matches one; a label broken across neighbouring cells (``结果`` / ``维持``) is
joined first, the longest join that names a label winning. Each run of value
cells becomes one VALUES token. A run of only blank cells is layout (the empty
cells under a spanning header) and is dropped, as are the empty cells a line
ends with right after a label (the columns it spans, see ``padding``). Text
that names no label becomes an UNKNOWN token: the numbers after it are its own,
reported with it, never added to the row before.

Labels are also found as reports print them, each such token listed in
``Lexed.variants`` with its printed and statutory text: with an annotation after
it (``规章(设区的市…)``), a caption without its second 第 (``第二十条(一)项``),
words a converter to Taiwan usage swapped (``規範性檔案``), or a near miss
(``属于国家秘蜜``) within a few edits of one label and clearly of no other.
A cell that names a label exactly pays for none of this.
"""

from __future__ import annotations

from itertools import islice
from typing import Final

import interegular
import regex
from mypy_extensions import mypyc_attr

from .cells import Cell
from .grammar import UNKNOWN, VALUES, TableGrammar
from .normalize import compact, translate, via_taiwan_phrases, via_traditional
from .values import MAX_DIGITS, Kind, is_ascii, kind_of

# Cells a label may be broken into: PDF text gives a vertical label a cell per
# character (三 / 、 / 本 / 年 / 度 / …), and the longest label has 37 characters.
# A join grows only while it still begins a label, so this bounds, not sets, its cost.
MAX_JOIN: Final = 48
# Cells an annotation after a label may run over (规章(设区的市、自治州人 / 民政府应提供相关数据)).
MAX_ANNOTATION_CELLS: Final = 6
_OPENERS: Final = "(（[【〔"
_CLOSERS: Final = ")）]】〕"
# How a label was printed when not as the grammar writes it (Lexed.variants).
ANNOTATION: Final = "annotation"
CAPTION: Final = "caption"
TAIWAN_PHRASES: Final = "taiwan-phrases"
NEAR_MISS: Final = "near-miss"
GROUP_PIECES: Final = "after-group-pieces"
# An annotation naming another unit of money than the statutory label: the figures may
# be in 元 where the table counts 万元. Worth a warning, not only a note.
UNIT: Final = "annotation-unit"
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

    __slots__ = ("tokens", "unmatched", "joined", "variants")

    def __init__(self, tokens: list[TableToken]) -> None:
        self.tokens = tokens
        self.unmatched: list[Cell] = []  # text cells that name no label
        self.joined: list[TableToken] = []  # labels joined from several cells
        # Labels not printed as the grammar writes them: (token, printed text, statutory text, how).
        self.variants: list[tuple[TableToken, str, str, str]] = []

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

    __slots__ = ("kind", "key", "name", "grows", "ends_join", "how", "annotates")

    def __init__(self, kind: str, key: str, name: str | None, grows: bool, ends_join: bool,
                 how: str = "", annotates: bool = False) -> None:
        self.kind = kind  # a Kind constant
        self.key = key
        self.name = name
        self.grows = grows
        self.ends_join = ends_join
        self.how = how  # "" when ``name`` is the label as the grammar writes it, else how it differs
        self.annotates = annotates  # may be an annotation of the label before it: (指2019年事项数)


@mypyc_attr(acyclic=True)
class Variant:
    """The label a cell names only as printed otherwise, and how it differs."""

    __slots__ = ("name", "how", "opens")

    def __init__(self, name: str, how: str, opens: bool) -> None:
        self.name = name
        self.how = how
        self.opens = opens  # the cell ends inside an annotation that later cells close


# Most cells are a plain count or blank: told without hashing the text. Their key,
# name and growth are never read, since they end any join.
_BLANK_INFO: Final = TextInfo(Kind.BLANK, "", None, False, True)
_COUNT_INFO: Final = TextInfo(Kind.NUMBER, "", None, False, True)


def _caption_without_di(text: str) -> str:
    """第二十条第（一）项 as often printed, 第二十条（一）项; other text unchanged."""
    article = text.find("条第")
    if article < 0 or not text.startswith("第"):
        return text
    return text[:article + 1] + text[article + 2:]


class Labels:
    """Compact label text to terminal name, for one grammar."""

    def __init__(self, grammar: TableGrammar) -> None:
        self.exact: dict[str, str] = {}
        self.spelled: dict[str, str] = {}  # label patterns, spelled out
        self.patterns: list[tuple[regex.Pattern, str]] = []  # those that cannot be
        self.printed: dict[str, str] = {}  # terminal name -> its label as the grammar writes it
        derived: dict[str, tuple[str, str]] = {}  # compact variant spelling -> (name, how)
        for name, pattern, literal in grammar.label_terminals():
            plain = translate(pattern)
            texts = [plain] if literal else spellings(plain)
            self.printed[name] = plain if not texts else min(texts, key=len)
            # Each label also as a mirror site's traditional text simplifies back (反复 → 反覆).
            for form in dict.fromkeys((plain, via_traditional(pattern))):
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
            for form, how in ((via_taiwan_phrases(pattern), TAIWAN_PHRASES), (_caption_without_di(plain), CAPTION)):
                texts = [form] if literal else spellings(form)
                for text in texts or ():
                    derived.setdefault(compact(text), (name, how))
        # Captions and group labels (第二十条第（一）项, 三、本年度办理结果, （三）不予公开), compact:
        # a piece of one (a vertical label a PDF broke apart: 不予公 / 开) is noise inside a table.
        self.group_keys: tuple[str, ...] = tuple(compact(self.printed[name]) for name in grammar.structure_terminals)
        self._group_pieces: dict[str, bool] = {}
        # Header labels, compact, a line each: a piece of one (结果 of 结果维持, stacked over 总计 by a PDF
        # extractor that writes each printed line of a header row as a line) is a header no reader can put
        # back, before the table's first row label and numbers; never the label of the numbers after it.
        self._header_text = "\n".join(sorted({compact(text) for name, pattern, literal in grammar.label_terminals()
                                               if name in grammar.header_terminals
                                               for text in ([translate(pattern)] if literal
                                                            else spellings(translate(pattern)) or ())}))
        self._header_pieces: dict[str, bool] = {}
        self.row_terminals: frozenset[str] = frozenset(grammar.row_of)  # what ends a table's header
        # Labels without their enumerator, where that is still unambiguous.
        self.short = {short: self.exact[key] for short, key in _shortened(self.exact, self.exact).items()}
        self._units: dict[str, set[str]] = {}  # terminal name -> units of money its spellings print
        for table in (self.exact, self.spelled):
            for key, name in table.items():
                unit = _money_unit(key)
                if unit:
                    self._units.setdefault(name, set()).add(unit)
        canonical = {**self.exact, **self.spelled, **self.short}
        # Variant spellings (and those without their enumerator), where they name no label as the grammar writes it.
        self.derived = {key: found for key, found in derived.items() if key not in canonical}
        for short, key in _shortened(self.derived, canonical).items():
            self.derived.setdefault(short, self.derived[key])
        # Every beginning of every key: a join of cells that is not one cannot become a label.
        self._prefixes = {key[:end] for table in (self.exact, self.short, self.spelled, self.derived)
                          for key in table for end in range(len(key) + 1)}
        self._infos: dict[str, TextInfo] = {}
        self._names: dict[str, str | None] = {}
        self._viable: dict[str, bool] = {}
        self._variants: dict[str, Variant | None] = {}
        self._near: list[tuple[str, str, int]] | None = None  # built at the first near miss looked for
        self._pieces = ""  # every label key, a line each: what a piece of a label is part of
        self._near_by_length: dict[int, list[tuple[str, str, int, set[str]]]] = {}

    def how(self, key: str) -> str:
        """How compact text ``key``, naming a label, differs from it as the grammar writes it ("" when not)."""
        if self._canonical(key) is not None:
            return ""
        found = self.derived.get(key) or self.derived.get(strip_enumerator(key))
        return found[1] if found is not None else ""

    def info(self, text: str) -> TextInfo:
        """All the lexer asks of a cell text, in one lookup (remembered: label cells repeat across reports)."""
        if not text:
            return _BLANK_INFO
        if text.isdigit() and is_ascii(text) and len(text) <= MAX_DIGITS:
            return _COUNT_INFO
        info = self._infos.get(text)
        if info is None:
            kind = kind_of(text)
            key = compact(text)
            # Numbers, blanks and punctuation null marks (—— /) end a join of label pieces.
            # A label broken into pieces may have a piece that reads as a null mark on its
            # own (1．申请人 / 无 / 正当理由…), so a join runs over 无; but not over ——,
            # which the compact form would drop, letting 行政规范性文件 + —— name the label.
            # 、 alone is the enumerator's comma of a label printed a character a line (三 / 、 / 本 …).
            ends_join = kind is Kind.NUMBER or kind is Kind.BLANK or (kind is Kind.NULL_MARK and not key
                                                                      and text != "、")
            name = self.named(key)
            grows = self.may_grow(key)
            info = TextInfo(kind, key, name, grows, ends_join, self.how(key) if name is not None else "",
                            kind is Kind.TEXT and name is None and not grows and text[0] in _OPENERS)
            if len(self._infos) < _CACHE_LIMIT:
                self._infos[text] = info
        return info

    def group_piece(self, key: str) -> bool:
        """Whether compact text ``key`` is a piece of a caption or group label (remembered)."""
        piece = self._group_pieces.get(key)
        if piece is None:
            piece = bool(key) and any(key in group for group in self.group_keys)
            if len(self._group_pieces) < _CACHE_LIMIT:
                self._group_pieces[key] = piece
        return piece

    def header_piece(self, key: str) -> bool:
        """Whether compact text ``key`` is a piece of a header label (remembered)."""
        piece = self._header_pieces.get(key)
        if piece is None:
            piece = bool(key) and "\n" not in key and key in self._header_text
            if len(self._header_pieces) < _CACHE_LIMIT:
                self._header_pieces[key] = piece
        return piece

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
        name = self._canonical(key)
        if name is not None:
            return name
        found = self.derived.get(key) or self.derived.get(strip_enumerator(key))
        return found[0] if found is not None else None

    def _canonical(self, key: str) -> str | None:
        """The terminal ``key`` names as the grammar writes it, with or without its enumerator."""
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

    def variant(self, info: TextInfo, text: str) -> Variant | None:
        """The label a text that names none exactly is printed for, if any (remembered).

        Tried in turn: the text before an annotation in brackets at its end, a near miss of
        the whole text, then a row label after pieces of the group labels beside it.
        """
        if info.kind is not Kind.TEXT or len(text) > _MAX_VARIANT_TEXT:
            return None
        if text in self._variants:
            return self._variants[text]
        found = self._annotated(text)
        if found is None:
            name = self.near(info.key)
            found = Variant(name, NEAR_MISS, False) if name is not None else self._after_group_pieces(info.key)
        if len(self._variants) < _CACHE_LIMIT:
            self._variants[text] = found
        return found

    def _annotated(self, text: str) -> Variant | None:
        """``规章(设区的市…)`` or ``规章(设区的市、`` (closed in later cells): the label before the brackets."""
        head, opens, groups = _before_annotation(text)
        if not groups:
            return None
        key = compact(head)
        name = self.named(key) if key else None
        if name is None or any(self.named(compact(group)) is not None for group in groups):
            return None  # 行政诉讼(未经复议直接起诉): two labels in one cell, not a label and its note
        how = self.how(key)  # the label itself may be a variant too (資訊內容(…))
        return Variant(name, f"{how}+{ANNOTATION}" if how else ANNOTATION, opens)

    def annotation(self, name: str, printed: str) -> str:
        """ANNOTATION, or UNIT when the printed label (compact) names a unit of money its
        statutory text does not: 本年收费金额(单位:元) for 本年收费金额(单位:万元)."""
        unit = _money_unit(printed)
        if unit and unit not in self._units.get(name, ()):
            return UNIT
        return ANNOTATION

    def _after_group_pieces(self, key: str) -> Variant | None:
        """A row label after pieces of the captions or group labels printed down the rows beside it
        (``办（三）不 4.保护第三方合法权益``: a PDF table detector joined the label column's lines of one
        row into its cell, 三、本年度办理结果 and （三）不予公开 standing vertically): the row label with its
        enumerator, where the text before it is such pieces and nothing else (不属于国家秘密 is no row)."""
        for cut in range(1, min(len(key) - 1, _MAX_GROUP_PIECES) + 1):
            rest = key[cut:]
            name = self.named(rest) if strip_enumerator(rest) != rest else None
            if name is not None and name in self.row_terminals and self._group_pieces_only(key[:cut]):
                return Variant(name, GROUP_PIECES, False)
        return None

    def _group_pieces_only(self, key: str) -> bool:
        """Whether compact ``key`` is pieces of caption or group labels one after another."""
        ends = [True] + [False] * len(key)  # ends[at]: key[:at] is such pieces
        for at in range(1, len(key) + 1):
            ends[at] = any(ends[start] and self.group_piece(key[start:at]) for start in range(at))
        return ends[len(key)]

    def near(self, key: str) -> str | None:
        """The label compact text ``key`` misses by a few edits, when it is clearly that label's.

        Each label allows edits by its length (none under four characters) but
        fewer than half its distance to any other label, so no text is within reach
        of two, and the second closest is always two edits further off.
        """
        if self.patterns or not key:
            return None  # a pattern label has no distance to measure
        if self._near is None:
            self._near = _reach(self.exact, self.spelled, self.short)
            self._pieces = "\n".join([*self.exact, *self.spelled, *self.short])
            for label, name, edits in self._near:
                # Filed under every length a near miss of it may have, with its characters:
                # k edits leave all but at most k of them in the text.
                for size in range(max(_MIN_NEAR, len(label) - edits), len(label) + edits + 1):
                    self._near_by_length.setdefault(size, []).append((label, name, edits, set(label)))
        if key in self._pieces:
            return None  # a piece of a label: the rest is in another cell (法提供 of （四）无法提供)
        short = strip_enumerator(key)
        for text in (key, short) if short != key else (key,):
            chars = set(text)
            digits = {ch for ch in chars if ch.isdigit()}
            for label, name, edits, label_chars in self._near_by_length.get(len(text), ()):
                # a digit the label has not is a value glued to it (行政规范性文件 0), never a typo
                if digits <= label_chars and len(label_chars - chars) <= edits \
                        and distance(text, label, edits) <= edits:
                    return name
        return None


def _money_unit(key: str) -> str:
    """The unit of money a compact label text names: 万元, 元, or ""."""
    return "万元" if "万元" in key else ("元" if "元" in key else "")


# Texts longer than any label with its annotation are prose, not a label: not looked at for a variant.
_MAX_VARIANT_TEXT: Final = 120
_MAX_ANNOTATIONS: Final = 3  # bracketed groups cut from the end of one cell


def _before_annotation(text: str) -> tuple[str, bool, list[str]]:
    """``text`` without the bracketed groups at its end, whether the last is left open, and the groups.

    A bracket with text after its closing one (第二十条第(一)项) is part of the
    label, and so is one that opens it ((一)予以公开): the text is given back whole.
    """
    head = text.rstrip()
    opens = False
    groups: list[str] = []
    for _ in range(_MAX_ANNOTATIONS):
        start = max(head.rfind(ch) for ch in _OPENERS)
        if start <= 0:
            break
        inside = head[start + 1:]
        close = max(inside.rfind(ch) for ch in _CLOSERS)
        if close < 0:
            if opens or any(ch in inside for ch in _CLOSERS):
                break
            opens = True  # the annotation goes on in the cells after
        elif close != len(inside) - 1 or any(ch in inside[:close] for ch in _CLOSERS):
            break
        groups.append(inside)
        head = head[:start].rstrip()
    return head, opens, groups


def _shortened(table: dict, taken: dict) -> dict[str, str]:
    """Each key of ``table`` without its enumerator -> the key, where that names one key only and none of ``taken``."""
    counts: dict[str, int] = {}
    for key in table:
        short = strip_enumerator(key)
        counts[short] = counts.get(short, 0) + 1
    return {strip_enumerator(key): key for key in table
            if strip_enumerator(key) != key and counts[strip_enumerator(key)] == 1
            and strip_enumerator(key) not in taken}


_MIN_NEAR: Final = 4  # characters, in a label or a near miss of one


def _edits_for(size: int) -> int:
    """Edits a near miss of a label of ``size`` characters may have (one in four), before
    asking how far other labels are; none under four characters."""
    return size // 4 if size >= _MIN_NEAR else 0


def _reach(*tables: dict[str, str]) -> list[tuple[str, str, int]]:
    """(key, name, edits) for each label key a near miss may reach: fewer than half the
    distance to the nearest key of another label, and at most ``_edits_for`` its length."""
    keys: dict[str, str] = {}
    for table in tables:
        for key, name in table.items():
            keys.setdefault(key, name)
    reach: list[tuple[str, str, int]] = []
    for key, name in keys.items():
        edits = _edits_for(len(key))
        if edits == 0:
            continue
        nearest = 2 * edits + 2  # far enough: no need to know how far exactly
        for other, other_name in keys.items():
            if other_name != name and abs(len(other) - len(key)) < nearest:
                nearest = min(nearest, distance(key, other, nearest - 1))
        edits = min(edits, (nearest - 2) // 2)
        if edits > 0:
            reach.append((key, name, edits))
    return reach


def distance(first: str, second: str, limit: int) -> int:
    """Edit distance (Levenshtein) of two texts, or ``limit + 1`` when it is more.

    Only the band of ``limit`` cells either side of the diagonal is filled, and it
    stops as soon as a whole row is past the limit: O(len × limit).
    """
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    over = limit + 1
    width = len(second)
    previous = [column if column <= limit else over for column in range(width + 1)]
    for row in range(1, len(first) + 1):
        current = [over] * (width + 1)
        if row <= limit:
            current[0] = row
        low = max(1, row - limit)
        high = min(width, row + limit)
        char = first[row - 1]
        best = current[0]
        for column in range(low, high + 1):
            value = previous[column - 1] + (0 if second[column - 1] == char else 1)
            if previous[column] + 1 < value:
                value = previous[column] + 1
            if current[column - 1] + 1 < value:
                value = current[column - 1] + 1
            current[column] = value if value < over else over
            if value < best:
                best = value
        if best > limit:
            return over
        previous = current
    return previous[width]


def lex(cells: list[Cell], labels: Labels) -> Lexed:
    """Cells to tokens for one table, in one pass over them."""
    lexed = Lexed([])
    tokens = lexed.tokens
    infos = [labels.info(cell.text) for cell in cells]  # each cell's text looked up once
    run: list[Cell] = []
    run_filled = False  # a run of only blank cells is layout, not a VALUES token
    scanned = [0, 0]  # tokens looked at for the table's body, and whether it was found (see _body_among)
    index = 0
    count = len(cells)
    while index < count:
        kind = infos[index].kind
        if kind is not Kind.TEXT and kind is not Kind.UNREADABLE:  # a value: number, blank or null mark
            if kind is Kind.NULL_MARK and cells[index].text == "、" and (
                    index > 0 and infos[index - 1].kind is Kind.TEXT and infos[index - 1].name is None
                    or index + 1 < count and infos[index + 1].kind is Kind.TEXT and infos[index + 1].name is None
                    or 0 < index < count - 1 and infos[index + 1].name is not None
                    and infos[index - 1].name is not None and infos[index - 1].name not in labels.row_terminals):
                # the enumerator's comma of a group label printed a character a line (三 / 、 / 本 …) beside
                # the rows' labels, next to a piece of it, or a sentence's comma between two labels that are no
                # row's (…引起的行政复议、行政诉讼情况如下, glued text cut at its labels): no value (after a row
                # label, 、 is a cell's null mark)
                lexed.unmatched.append(cells[index])
                index += 1
                continue
            if not run and kind is Kind.BLANK:
                padded = _padding(cells, infos, index)
                if padded:
                    # Spanned columns of the label before: layout, not blank values. They stay
                    # with the label's token, which tells a row printed blank (规章 | | |) from a
                    # label standing alone (a heading, a header row naming it).
                    if tokens and _pads(tokens[-1], cells, index, labels.row_terminals):
                        last = tokens[-1]
                        tokens[-1] = TableToken(last.type, last.cells + tuple(cells[index:index + padded]))
                    index += padded
                    continue
            run.append(cells[index])
            run_filled = run_filled or kind is not Kind.BLANK
            index += 1
            continue
        # A cell that reads as a damaged value starts a label only as its enumerator (1. of
        # 1.属于国家秘密 broken off); a signed or longer one (0+7) stays a value.
        variant = None
        if kind is Kind.UNREADABLE and _ENUMERATOR_PIECE.match(cells[index].text) is None:
            name, width = None, 1
        else:
            name, width = _label_at(infos, index, labels)
            # Not a label as the grammar writes it, alone or joined: perhaps one as printed otherwise.
            variant = labels.variant(infos[index], cells[index].text) if name is None else None
            if variant is not None:
                name = variant.name
            elif name is None and infos[index].grows:
                around = _label_around(infos, index, labels)
                if around is not None:
                    # a row label's lines around its values (a PDF's lines in page order): its tokens, then
                    # the values, which the next label or text ends
                    _flush(tokens, run, run_filled)
                    row, pieces, group, values = around
                    if group >= 0:
                        beside = infos[group].name
                        if beside is not None:
                            tokens.append(TableToken(beside, (cells[group],)))
                        else:
                            lexed.unmatched.append(cells[group])  # a piece of a vertical group label: noise
                    tokens.append(TableToken(row, tuple([cells[at] for at in pieces])))
                    run = [cells[at] for at in range(values[0], values[1])]
                    run_filled = any(infos[at].kind is not Kind.BLANK for at in range(values[0], values[1]))
                    index = pieces[-1] + 1
                    continue
        if name is not None:
            _flush(tokens, run, run_filled)
            run_filled = False
            stop = index + 1
            if width == 1 and variant is None and not infos[index].how and (stop >= count or not infos[stop].annotates):
                tokens.append(TableToken(name, (cells[index],)))  # the label as written, alone: most labels
                index = stop
                continue
            index = _add_label(lexed, cells, infos, labels, name, index, width, variant)
        elif kind is Kind.UNREADABLE:
            run.append(cells[index])
            run_filled = True
            index += 1
        elif labels.group_piece(infos[index].key) or (
                not run_filled and not _body_among(tokens, scanned, labels.row_terminals)
                and labels.header_piece(infos[index].key)):
            # A piece of a caption or group label (a PDF's vertical 不予公 / 开 beside its rows), or of a
            # header label above the table's rows (a PDF's header printed line by line, 结果 结果 其他 /
            # 总计 / 维持 纠正 结果): noise, which neither heads numbers nor ends the run it stands in.
            lexed.unmatched.append(cells[index])
            index += 1
        else:
            words = _labels_in(cells[index], labels)
            _flush(tokens, run, run_filled)
            run_filled = False
            if words:
                # labels one space apart in one cell (尚未审结 总计: pdftotext -layout keeps words a
                # single space apart together): each its own token
                tokens.extend(words)
                index += 1
                continue
            glued = _row_label_and_value(cells[index], labels)
            if glued is not None:
                # a row label with its first value run on (PyMuPDF: 行政规范性文件26): the label, then
                # the value starting the row's run
                tokens.append(glued[0])
                run.append(glued[1])
                run_filled = True
                index += 1
                continue
            # Text that names no label: a row of its own (小计, 其中：…, a local row) or a
            # note. It ends the run before it, and the numbers after it are its own.
            tokens.append(TableToken(UNKNOWN, (cells[index],)))
            lexed.unmatched.append(cells[index])
            index += 1
    _flush(tokens, run, run_filled)
    return lexed


def _pads(token: TableToken, cells: list[Cell], index: int, rows: frozenset[str]) -> bool:
    """Whether the blank cells padding a line from ``index`` on are the spanned columns of ``token``:
    on its own line, or, for a caption, group or header label (never a row label, whose numbers may
    follow), on the line right after it when it ends its line unpadded (a cell-per-line scrape writes
    第二十条第（一）项 | then ||| ). Kept with it, they show the row stage how wide the table's rows are."""
    if token.type == VALUES:
        return False
    if token.line == cells[index].line:
        return True
    last = token.cells[-1]
    return token.type != UNKNOWN and token.type not in rows and bool(last.text) and index > 0 \
        and cells[index - 1] is last


_MAX_WORDS: Final = 4  # labels one cell may hold, one space apart


def _labels_in(cell: Cell, labels: Labels) -> list[TableToken]:
    """The label tokens of a cell that names none as a whole but is labels one space apart, each word
    naming one as the grammar writes it (尚未审结 总计); [] otherwise, and for a word in brackets
    (申请人情况 (自然人): a heading's note, not a second label)."""
    text = cell.text
    if " " not in text:
        return []
    words = text.split()
    if not 2 <= len(words) <= _MAX_WORDS:
        return []
    found: list[TableToken] = []
    at = 0
    for word in words:
        name = labels.lookup(word) if word[0] not in _OPENERS or word[-1] not in _CLOSERS else None
        if name is None or labels.how(compact(word)):
            return []
        at = text.index(word, at)
        found.append(TableToken(name, (Cell(word, cell.line, cell.column + at),)))
        at += len(word)
    return found


# A number run on after text: the value part of a row label glued to its first value.
_GLUED_VALUE: Final = regex.compile(r"(?<=\D)[+-]?\d[\d,]*(?:\.\d+)?$")


def _row_label_and_value(cell: Cell, labels: Labels) -> tuple[TableToken, Cell] | None:
    """A cell that is a row label as the grammar writes it with a number run on after it, as a label
    token and the value's cell; None otherwise. No statutory label ends in a digit, so the number is the
    row's, never part of its label."""
    text = cell.text
    if not text[-1:].isdigit():
        return None
    found = _GLUED_VALUE.search(text)
    if found is None:
        return None
    head = text[:found.start()].rstrip()
    name = labels.lookup(head) if head else None
    if name is None or name not in labels.row_terminals:
        return None
    return (TableToken(name, (Cell(head, cell.line, cell.column),)),
            Cell(found.group(), cell.line, cell.column + found.start()))


def _body_among(tokens: list[TableToken], scanned: list[int], rows: frozenset[str]) -> bool:
    """Whether a VALUES token or a row label is among ``tokens``: the table's header is over. Each token
    is looked at once over the whole lex (``scanned``: how many were, and whether one was found)."""
    while not scanned[1] and scanned[0] < len(tokens):
        kind = tokens[scanned[0]].type
        scanned[1] = 1 if kind == VALUES or kind in rows else 0
        scanned[0] += 1
    return scanned[1] == 1


def _flush(tokens: list[TableToken], run: list[Cell], filled: bool) -> None:
    """End a run of value cells: a VALUES token when it holds a value. A run of blank cells only
    is layout, kept with the label before it (a row printed blank, 规章 then empty cells, tells
    the row stage its values are blank, not absent)."""
    if not run:
        return  # most labels follow a label or a flushed run (compiled, clearing an empty list is not free)
    if filled:
        tokens.append(TableToken(VALUES, tuple(run)))
    elif run and tokens and tokens[-1].type != VALUES and tokens[-1].type != UNKNOWN:
        last = tokens[-1]
        tokens[-1] = TableToken(last.type, last.cells + tuple(run))
    run.clear()


def _add_label(lexed: Lexed, cells: list[Cell], infos: list[TextInfo], labels: Labels, name: str,
               index: int, width: int, variant: Variant | None) -> int:
    """Add the token of a label joined from ``width`` cells, or printed otherwise than the
    grammar writes it, with any annotation after it; the index after it."""
    stop = index + width
    opens = False
    if variant is not None:
        how = variant.how
        opens = variant.opens
    elif width > 1:
        how = labels.how("".join([info.key for info in infos[index:stop]]))
    else:
        how = infos[index].how
    annotated = _annotation(cells, infos, stop, opens)
    stop += annotated
    token = TableToken(name, tuple(cells[index:stop]))
    if annotated or ANNOTATION in how:
        note = labels.annotation(name, compact(token.text))
        how = how.replace(ANNOTATION, note) if ANNOTATION in how else (f"{how}+{note}" if how else note)
    lexed.tokens.append(token)
    if width > 1:
        lexed.joined.append(token)
    if how:
        lexed.variants.append((token, token.text, labels.printed.get(name, name), how))
    return stop


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
    if limit >= stop_at or not first.grows or infos[limit].ends_join and (
            infos[limit].kind is not Kind.BLANK or _over_blanks(infos, limit, stop_at, first.key, labels) == limit):
        return first.name, 1
    keys = [first.key]  # the key of each join, by width
    key = first.key
    skipped = -1  # a piece of a group label the join went over, if any
    while True:
        if infos[limit].kind is Kind.BLANK:  # only where _over_blanks let the join on past blank cells
            ahead = _over_blanks(infos, limit, stop_at, key, labels)
            keys.extend([key] * (ahead - limit))  # (a join never ends on a blank: its key adds nothing)
            limit = ahead
        grown = key + infos[limit].key
        grows = labels.may_grow(grown)
        if not grows and skipped < 0 and limit + 1 < stop_at and not infos[limit + 1].ends_join \
                and labels.group_piece(infos[limit].key) and labels.may_grow(key + infos[limit + 1].key):
            # A vertical group label's piece between two lines of the row label beside it (PDF text
            # without positions: 2、申请人…要 / 他处理 / 求缴纳费用…): gone over, as noise.
            skipped = limit
            keys.append(key)
            limit += 1
            continue
        key = grown
        keys.append(key)
        limit += 1
        if not grows:
            keys.pop()  # so it names no label either
            break
        if limit >= stop_at or infos[limit].ends_join and (
                infos[limit].kind is not Kind.BLANK or _over_blanks(infos, limit, stop_at, key, labels) == limit):
            break
    for width in range(len(keys), 1, -1):
        if not infos[index + width - 1].key or index + width - 1 == skipped:
            continue  # a join does not end on a bare 、, nor on a piece it went over
        name = labels.named(keys[width - 1])
        if name is not None:
            return name, width
    return first.name, 1


def _over_blanks(infos: list[TextInfo], limit: int, stop_at: int, key: str, labels: Labels) -> int:
    """Where a join of label pieces goes on past the blank cells at ``limit``: the next piece, when the join
    so far names no label and that piece grows it (a table detector's made-up columns through a label:
    2．重复申 | | | 请); else ``limit``. A join that names a label already keeps the blanks after it (its row's)."""
    if infos[limit].kind is not Kind.BLANK or labels.named(key) is not None:
        return limit
    ahead = limit + 1
    while ahead < stop_at and infos[ahead].kind is Kind.BLANK:
        ahead += 1
    if ahead < stop_at and infos[ahead].kind is Kind.TEXT and infos[ahead].key \
            and labels.may_grow(key + infos[ahead].key):
        return ahead
    return limit


def _label_around(infos: list[TextInfo], index: int, labels: Labels) -> tuple[str, list[int], int, tuple[int, int]] | None:
    """A row label whose printed lines stand around other cells, as a PDF's lines in page order give a
    label wrapped in its cell: its first line (at ``index``, naming no label alone), at most one group
    label beside it (（六）其他处理, or a piece of one printed down the rows: 他处理) between its lines, the
    row's values on its middle line's baseline, then its last line (1．申请人无正当理由逾期不补正、 /
    （六）其他处理 / 行政机关不再处理其政府信息公开申 / 5 0 0 0 0 0 5 / 请). (row terminal, the label's cell indices, the group label's or -1, the values'
    (start, stop)), when the pieces name a row label and every piece after the first only grows it;
    else None. Looked for only where a cell begins a label and names none (a few per table at most)."""
    key = infos[index].key
    pieces = [index]
    group = -1
    start = stop = -1
    limit = min(len(infos), index + _AROUND_LIMIT)
    at = index + 1
    while at < limit:
        info = infos[at]
        if info.kind is not Kind.TEXT:
            run = at
            while at < limit and infos[at].kind is not Kind.TEXT:
                at += 1
            if all(infos[blank].kind is Kind.BLANK for blank in range(run, at)):
                continue  # a table's empty cells between the pieces (a markdown row's padding): no values
            if start >= 0:
                return None  # a second run of values
            start, stop = run, at  # the row's values (neighbours on one line, 0 0, read as one unreadable cell)
            continue
        if group < 0 and start < 0 and info.name not in labels.row_terminals and labels.group_piece(info.key) \
                and (info.name is not None or not labels.may_grow(key + info.key)):
            group = at  # the group label printed beside the row's first lines, or a piece of it (他处理)
            at += 1
            continue
        grown = key + info.key
        named = labels.named(grown)
        if named is not None:
            if named not in labels.row_terminals or start < 0 and group < 0:
                return None  # a join _label_at makes itself
            pieces.append(at)
            return named, pieces, group, ((start, stop) if start >= 0 else (at + 1, at + 1))
        if not labels.may_grow(grown):
            return None
        key = grown
        pieces.append(at)
        at += 1
    return None


_MAX_GROUP_PIECES: Final = 10  # characters of group labels' pieces a row label's cell may begin with
_AROUND_LIMIT: Final = 16  # cells a label's lines may stand around: its pieces, a group label and a row's values


def _annotation(cells: list[Cell], infos: list[TextInfo], start: int, opens: bool) -> int:
    """How many cells from ``start`` on are an annotation of the label before them:
    ``(指2019年事项数)`` after ``上一年项目数量``, or the rest of one the label left open.

    Text cells naming no label only, up to the one closing the brackets, and at
    most MAX_ANNOTATION_CELLS; an annotation never closed is none.
    """
    count = len(cells)
    if start >= count:
        return 0
    info = infos[start]
    if info.kind is not Kind.TEXT or info.name is not None:
        return 0
    if not opens and not info.annotates:
        return 0  # not an annotation; (一) may begin the next label
    depth = 1 if opens else 0
    for at in range(start, min(count, start + MAX_ANNOTATION_CELLS)):
        info = infos[at]
        if info.kind is not Kind.TEXT or info.name is not None:
            return 0
        for char in cells[at].text:
            if char in _OPENERS:
                depth += 1
            elif char in _CLOSERS:
                depth -= 1
        if depth <= 0:
            return at - start + 1
    return 0
