"""Reading one cell's text as a value, and a row's cells as its columns.

Cell text is already normalized (half-width digits, plain spaces). A value cell
is a number (``14``, ``12,251``, ``2389.27441``, ``70487元``, and the trial
edition's signed changes ``+3``, ``-8``, ``减4``), a blank, or a null
mark (``/``, ``-``, ``—``, ``无``); short text with digits that is none of these
is an unreadable value. Anything else is text: a label, a note, prose.

How a row's cells are matched to its columns is govparse.rows' business.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Final

import regex
from mypy_extensions import mypyc_attr



class Kind:
    """What a cell holds. Plain string constants: compared by identity on the hot path."""

    NUMBER: Final = "number"
    BLANK: Final = "blank"
    NULL_MARK: Final = "null-mark"
    UNREADABLE: Final = "unreadable"
    TEXT: Final = "text"


@mypyc_attr(acyclic=True)
class CellValue:
    """A cell's text read as a value (never mutated; a plain slotted class, native when compiled).
    Acyclic, like govparse.lexer.TextInfo: the cache of read_value keeps thousands."""

    __slots__ = ("kind", "number")

    def __init__(self, kind: str, number: Decimal | None = None) -> None:
        self.kind = kind  # a Kind constant
        self.number = number

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CellValue):
            return NotImplemented
        return self.kind == other.kind and self.number == other.number

    def __hash__(self) -> int:
        return hash((self.kind, self.number))

    def __repr__(self) -> str:
        return f"CellValue({self.kind!r}, {self.number!r})"


_UNITS = r"(?:万元|元|件|个|项|条|次|人次|家|份)"
# Possessive groups: a long run of "999," must fail in linear time.
# A unit may stand in parentheses: 12（件）, normalized to 12(件).
_NUMBER = regex.compile(
    rf"^([+-]?)\s*+(\d{{1,3}}+(?:,\d{{3}})++|\d++)(\.\d++)?\s*+(?:{_UNITS}|\({_UNITS}\))?$"
)
# A count given only roughly (约3, 近20, 100多, 3左右, 10余): a value, but no number to read.
_APPROXIMATE = regex.compile(rf"^(?:约|近|逾|超过?|不足|大约)?\s*+[\d,.]++\s*+(?:余|多|左右|以上|上下)?\s*+{_UNITS}?$")
_MAX_NUMBER_CHARS = 48  # longer cells are never a number worth reading
_NUMBER_CHARS = "0123456789,.+- "
_NULL_MARKS = frozenset({"/", "-", "—", "——", "–", "--", "无", "\\", "、"})
_HAS_DIGIT = regex.compile(r"\d")
_MARKDOWN_ESCAPE = regex.compile(r"\\([+\-.,])")  # the escapes a markdown writer puts in a number
_HAN = regex.compile(r"\p{Han}")
_UNIT_SUFFIX = regex.compile(rf"{_UNITS}$")
MAX_DIGITS: Final = 30  # a longer run of digits is unreadable, not a count
# str.isascii called as a function: compiled, a call of the method looked up on each string costs about
# twice as much (mypyc has no primitive for it), and a count's cell asks it (kind_of, the lexer)
is_ascii: Final = str.isascii

# The trial edition writes a change as 增3 / 减4 as well as +3 / -4.
_WORD_SIGNS = {"增": "+", "减": "-"}
_WORD_SIGNED = regex.compile(r"^([增减])(?:加|少)?\s*+(\d{1,9})$")

BLANK = CellValue(Kind.BLANK)
NULL_MARK = CellValue(Kind.NULL_MARK)
UNREADABLE = CellValue(Kind.UNREADABLE)
TEXT = CellValue(Kind.TEXT)


_CACHE: Final[dict[str, CellValue]] = {}
_CACHE_LIMIT: Final = 65536  # distinct cell texts remembered; a corpus repeats a few thousand


def read_value(text: str) -> CellValue:
    """Classify a stripped, normalized cell text (remembered: cells repeat across reports)."""
    value = _CACHE.get(text)
    if value is None:
        value = _classify(text)
        if len(_CACHE) < _CACHE_LIMIT:
            _CACHE[text] = value
    return value


def kind_of(text: str) -> str:
    """``read_value(text).kind``, for the lexer, which asks it of every cell: most cells
    are a plain count or blank, told without hashing the text."""
    if not text:
        return Kind.BLANK
    if text.isdigit() and is_ascii(text) and len(text) <= MAX_DIGITS:
        return Kind.NUMBER
    return read_value(text).kind


def _classify(text: str) -> CellValue:
    if not text:
        return BLANK
    if text.isdigit() and is_ascii(text) and len(text) <= MAX_DIGITS:
        # a plain count, the commonest cell (what _NUMBER reads it as, without the pattern: a few
        # times cheaper, and the counts the lexer tells by kind_of alone first come here from the table)
        return CellValue(Kind.NUMBER, Decimal(text))
    if text in _NULL_MARKS:
        return NULL_MARK
    if text[0] in _WORD_SIGNS:
        return _signed_by_word(text)
    if "\\" in text and len(text) > 1:
        unescaped = _MARKDOWN_ESCAPE.sub(r"\1", text)  # a markdown writer's escapes (mammoth): \+18, 7061\.7
        if unescaped != text:
            return _classify(unescaped)
    # Every pattern below but the unit's needs a digit (_APPROXIMATE a digit, comma or point): text without
    # one, a label or its piece, the commonest cell read here, is told by one search, not four.
    digit = _HAS_DIGIT.search(text) is not None
    match = _NUMBER.match(text) if digit and len(text) <= _MAX_NUMBER_CHARS else None
    if match is not None:
        sign, whole, fraction = match.groups()
        digits = whole.replace(",", "") + (fraction or "")
        if len(digits) <= MAX_DIGITS:
            try:
                return CellValue(Kind.NUMBER, Decimal(sign + digits))
            except InvalidOperation:  # pragma: no cover - the pattern admits only digits
                pass
        return UNREADABLE
    if not text.strip(_NUMBER_CHARS):
        return UNREADABLE  # digits and separators, but no number: too long, or 1,2 or 1.2.3
    if len(text) <= _MAX_NUMBER_CHARS and (digit or "," in text or "." in text) and _APPROXIMATE.match(text):
        return UNREADABLE
    if len(text) <= 16 and digit and not _HAN.search(_UNIT_SUFFIX.sub("", text)):
        return UNREADABLE
    if len(text) <= 16 and digit and _WITH_WU.fullmatch(text):
        return UNREADABLE  # values a tool ran together, the null mark 无 among them (30 无), not text
    return TEXT


# Numbers and the null mark 无 apart by white space, two at least, a number among them: cells run together.
_WITH_WU: Final = regex.compile(r"(?=.*\d)(?:[+-]?\d[\d,.]*|无)(?:\s+(?:[+-]?\d[\d,.]*|无))+")


def _signed_by_word(text: str) -> CellValue:
    match = _WORD_SIGNED.match(text)
    if match is None:
        return TEXT
    return CellValue(Kind.NUMBER, Decimal(_WORD_SIGNS[match.group(1)] + match.group(2)))
