"""Stage 2: normalize the text line by line, keeping a map back to the source.

Scraped reports mix full-width digits and punctuation, en/ideographic/no-break
spaces, traditional characters from mirror sites and pinyin injected after
characters (``報(bào)告``, ``文(wen)章``). Later stages want one form, but every
value must still point at the line and column it came from, so normalization is
per line and keeps the source column of each character whenever it drops any.

Normalization is lazy: a report is mostly narrative the tables never look at, so
a line is normalized the first time a stage asks for it.

``compact`` is the form labels are compared in: white space and punctuation
removed, so ``（一）予以公开``, ``(一) 予以公开`` and ``一予以公开`` agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

# Spaces a scraper leaves behind: no-break, en/em/thin family, ideographic;
# zero-width ones become plain spaces too, so columns stay one to one.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
          "\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u3000\ufeff"

_CJK = r"\p{Han}"
# One pinyin syllable, toned (bào, shí) or toneless (wen, zhang).
_PINYIN = (
    r"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?"
    r"[aeiouvüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,4}"
    r"(?:ng|n|r)?"
)
_INJECTED_PINYIN = regex.compile(rf"(?<={_CJK})\((?:{_PINYIN})\)", regex.IGNORECASE)

_COMPACT_DROP = regex.compile(r"[^0-9A-Za-z\p{Han}]+")

# Seconds any one pattern may run over one line: lines are unbounded input, and
# a pattern that runs longer raises TimeoutError, which parse reports clearly.
PATTERN_TIMEOUT = 2.0


@lru_cache(maxsize=1)
def _translation() -> dict[int, str]:
    """One length-preserving table: full-width ASCII, odd spaces, traditional to simplified.

    The traditional-to-simplified part is OpenCC's t2s conversion taken one
    character at a time. Character by character keeps every line the same
    length (so columns map one to one) and is fast; OpenCC's phrase-level
    choices never touch the statutory labels.
    """
    import opencc

    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block
        table[code] = chr(code - 0xFEE0)
    for ch in _SPACES:
        table[ord(ch)] = " "
    chars = [chr(c) for c in range(0x4E00, 0xA000)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) == len(chars):
        for src, dst in zip(chars, converted):
            if src != dst and len(dst) == 1:
                table[ord(src)] = dst
    return table


def translate(text: str) -> str:
    """Apply the length-preserving character table."""
    return text.translate(_translation())


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def via_traditional(text: str) -> str:
    """``text`` as it comes back from a mirror site: converted to traditional phrase
    by phrase (OpenCC s2t), then simplified here character by character.

    Nearly always ``text`` again, but not where a phrase picks a character that is
    simplified in its own right: 反复 becomes 反覆 and stays so. Labels are matched
    in this form too (govparse.lexer).
    """
    return translate(_s2t().convert(text))


def compact(text: str) -> str:
    """The form labels are compared in: letters, digits and Han characters only."""
    return _COMPACT_DROP.sub("", text, timeout=PATTERN_TIMEOUT)


@dataclass(frozen=True, slots=True)
class Line:
    """One normalized line and where its characters came from."""

    text: str
    number: int  # 1-based line number in the source text
    columns: tuple[int, ...] | None = None  # 0-based source column per character; None: identity

    def source_column(self, index: int) -> int:
        """1-based source column of character ``index`` of ``text``."""
        if self.columns is None:
            return index + 1
        if index < len(self.columns):
            return self.columns[index] + 1
        return (self.columns[-1] + 2) if self.columns else 1


def normalize_line(raw: str, number: int) -> Line:
    return _without_pinyin(translate(raw), number)


def _without_pinyin(text: str, number: int) -> Line:
    """A translated line with injected pinyin removed, keeping source columns."""
    if "(" not in text:
        return Line(text, number)
    pieces: list[str] = []
    columns: list[int] = []
    last = 0
    for match in _INJECTED_PINYIN.finditer(text, timeout=PATTERN_TIMEOUT):
        pieces.append(text[last:match.start()])
        columns.extend(range(last, match.start()))
        last = match.end()
    if last == 0:
        return Line(text, number)
    pieces.append(text[last:])
    columns.extend(range(last, len(text)))
    return Line("".join(pieces), number, tuple(columns))


class Document:
    """The report as lines, normalized on first use."""

    __slots__ = ("raw_lines", "_lines", "_numbers")

    def __init__(self, text: str) -> None:
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.raw_lines: list[str] = text.split("\n")
        if len(self.raw_lines) > 1 and not self.raw_lines[-1]:
            self.raw_lines.pop()  # "a\n" is one line, not two
        self._lines: list[Line | None] = [None] * len(self.raw_lines)
        self._numbers: list[int] | None = None

    @classmethod
    def from_lines(cls, lines: list[str], numbers: list[int]) -> Document:
        """Lines made from another form (an HTML page), each with its source line number."""
        doc = cls("")
        doc.raw_lines = list(lines)
        doc._lines = [None] * len(lines)
        doc._numbers = list(numbers)
        return doc

    def __len__(self) -> int:
        return len(self.raw_lines)

    def line(self, index: int) -> Line:
        """Normalized line at 0-based ``index``."""
        line = self._lines[index]
        if line is None:
            number = index + 1 if self._numbers is None else self._numbers[index]
            line = normalize_line(self.raw_lines[index], number)
            self._lines[index] = line
        return line

    def lines(self, start: int = 0, stop: int | None = None) -> list[Line]:
        """Normalized lines ``start`` to ``stop``: a table section, translated in one call."""
        stop = len(self.raw_lines) if stop is None else stop
        todo = [i for i in range(start, stop) if self._lines[i] is None]
        if todo:
            # Lines hold no "\n" and the table maps no character to one, so the
            # block splits back into the same lines.
            block = translate("\n".join([self.raw_lines[i] for i in todo])).split("\n")
            numbers = self._numbers
            for i, text in zip(todo, block):
                self._lines[i] = _without_pinyin(text, i + 1 if numbers is None else numbers[i])
        return self._lines[start:stop]
