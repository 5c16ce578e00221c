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

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final


# Spaces a scraper leaves behind: no-break, en/em/thin family, ideographic;
# zero-width ones become plain spaces too, so columns stay one to one.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
          "\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u3000\ufeff"

_HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# One pinyin syllable, toned (bào, shí) or toneless (wen, zhang). The optional
# initial and final are alternatives ending in an empty one, not (?:...)?: the
# same choices in the same order, without the repeat the engine would set up
# for a group (a fifth of the time of a search).
_PINYIN = (
    r"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw]|)"
    r"[aeiouvüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,4}"
    r"(?:ng|n|r|)"
)
# Injected pinyin is a syllable in parentheses right after a Han character: 報(bào). It is
# found without a pattern search: each "(" of a line by str.find, the character before it told by
# its code point, and the text up to the first ")" (a syllable is 8 characters at most) asked of
# _SYLLABLE, the answer remembered. A split of a pinyin-laden table by a pattern made two strings
# and a match a cut (some 3,000 instructions each, valgrind); syllables repeat, so the pattern runs
# once for each new one. IGNORECASE, so upper-case pinyin (BAO, Bào) and what Unicode folds to a
# pinyin letter (ſ for s, the Kelvin sign for k, ı and İ for i) are pinyin too.
_SYLLABLE: Final = re.compile(_PINYIN, re.IGNORECASE)
_MAX_SYLLABLE: Final = 8  # an initial of two, four vowels, a final of two
_SYLLABLES: Final[dict[str, bool]] = {}
_SYLLABLES_LIMIT: Final = 4096  # distinct candidates remembered; pinyin has about 1,300 toned syllables
# Lines longer than this are left alone (a page with no line breaks is no table).
MAX_PINYIN_LINE = 20_000
# A cheap first look: injected pinyin opens with a Latin letter; （一） or (单位) do not.
_MAYBE_PINYIN = re.compile(r"\([A-Za-züÀ-ǜ]")

# Everything but letters, digits and Han characters (basic block, extension A,
# compatibility ideographs, the supplementary planes). Standard ``re``: compact
# runs over one cell or heading at a time, bounded input, millions of times.
_COMPACT_DROP = re.compile(rf"[^0-9A-Za-z{_HAN_RANGES}]+")

# Seconds a ``regex`` pattern may run over one piece of unbounded input (a
# narrative line, a title, the head of an HTML page); past it, TimeoutError,
# which parse reports clearly. The timeout costs microseconds per call, so the
# hot per-line and per-cell patterns use the standard ``re`` instead, written
# so that they cannot backtrack (no nested quantifiers) and fed bounded input.
PATTERN_TIMEOUT = 2.0


@lru_cache(maxsize=1)
def _translation() -> dict[str, str]:
    """One length-preserving table: full-width ASCII, odd spaces, traditional to simplified.

    The traditional-to-simplified part is OpenCC's t2s conversion taken one
    character at a time. Character by character keeps every line the same
    length (so columns map one to one) and is fast; OpenCC's phrase-level
    choices never touch the statutory labels. Chains are followed to their end
    (薴 → 苧 → 苎 gives 苎), so that applying the table twice changes nothing.
    """
    import opencc

    table: dict[str, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block
        table[chr(code)] = chr(code - 0xFEE0)
    for ch in _SPACES:
        table[ch] = " "
    chars = [chr(c) for c in range(0x4E00, 0xA000)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) == len(chars):
        for src, dst in zip(chars, converted):
            if src != dst and len(dst) == 1:
                table[src] = dst
    for src, dst in table.items():
        while dst in table and table[dst] != dst:
            dst = table[dst]
        table[src] = dst
    return table


@lru_cache(maxsize=1)
def _translator() -> tuple[str, re.Pattern]:
    """The table for str.translate, and a pattern matching any character it changes.

    The table is a string indexed by code point over the basic plane, which
    str.translate reads 1.5 times as fast as a dict (measured: 194 against 295 µs on a
    traditional-character report); a character past it raises IndexError, a
    LookupError, which str.translate takes as "unchanged", and no entry is past it.
    """
    table = _translation()
    changed = "".join(sorted(src for src, dst in table.items() if src != dst))
    by_code = "".join(table.get(chr(code), chr(code)) if not 0xD800 <= code < 0xE000 else chr(code)
                      for code in range(0x10000))
    return by_code, re.compile(f"[{re.escape(changed)}]")


# Above this many distinct characters to change, one str.translate pass is cheaper
# than a replace per character. str.translate builds two objects a character (some
# 540 instructions each, valgrind), a replace scans the text at C speed (about one
# instruction a character): so even a traditional-character page, a few dozen
# distinct characters in a table block, is cheaper replaced one character at a time
# (measured on the blocks of the benchmark corpus's traditional reports: 113M against
# 80M instructions, 7.6 against 7.4 ms; on 16k-character texts 6.1 against 4.7 ms).
# The bound keeps a page of thousands of distinct ones linear.
_MAX_REPLACED_CHARS: Final = 256


def translate(text: str) -> str:
    """Apply the length-preserving character table.

    str.translate looks every character up in the table (about 30 ns each), while a
    table section needs only a few distinct characters changed (（ ）：, full-width
    digits; a few dozen traditional ones on a converted page): those are found with
    one scan and replaced one character at a time, and text that needs nothing is
    returned as it is.
    """
    by_code, changed = _translator()
    search = changed.search
    match = search(text)
    replaced = 0
    while match is not None:
        if replaced == _MAX_REPLACED_CHARS:
            return text.translate(by_code)
        ch: str = match.group()
        position = match.start()
        text = text.replace(ch, by_code[ord(ch)])  # every character it changes is in the basic plane
        replaced += 1
        match = search(text, position)
    return text


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


@lru_cache(maxsize=1)
def _s2twp():
    import opencc

    return opencc.OpenCC("s2twp")


def via_taiwan_phrases(text: str) -> str:
    """``text`` as a converter to Taiwan usage gives it back, simplified character by
    character: OpenCC s2twp swaps whole words (信息 → 資訊 → 资讯, 文件 → 檔案 → 档案),
    which no character table undoes. Labels are matched in this form too, as a variant.
    """
    return translate(_s2twp().convert(text))


def compact(text: str) -> str:
    """The form labels are compared in: letters, digits and Han characters only."""
    return _COMPACT_DROP.sub("", text)


class ColumnMap:
    """Where the characters of a line that lost injected pinyin came from.

    Kept as the cuts, not a column per character: a pinyin-laden table is
    hundreds of lines, and only the columns of its cells are ever asked for.
    ``starts[k]`` is the index in the normalized line of the first character
    after cut ``k``; from there on, ``shifts[k]`` characters had gone before it.
    """

    __slots__ = ("length", "starts", "shifts")

    def __init__(self, length: int, starts: list[int], shifts: list[int]) -> None:
        self.length = length  # of the normalized line
        self.starts = starts
        self.shifts = shifts

    def source(self, index: int) -> int:
        """0-based source column of character ``index`` of the normalized line."""
        cut = bisect_right(self.starts, index) - 1
        return index if cut < 0 else index + self.shifts[cut]


@dataclass(slots=True)
class Line:
    """One normalized line and where its characters came from (not frozen, for speed; never mutated)."""

    text: str
    number: int  # 1-based line number in the source text
    columns: ColumnMap | None = None  # None: every character where it was

    def source_column(self, index: int) -> int:
        """1-based source column of character ``index`` of ``text``."""
        return source_column(self.columns, index)


def source_column(columns: ColumnMap | None, index: int) -> int:
    """1-based source column of character ``index`` of a normalized line with this column map;
    past the end of the line, the column after its last character."""
    if columns is None:
        return index + 1
    if index < columns.length:
        return columns.source(index) + 1
    return columns.source(columns.length - 1) + 2 if columns.length else 1


def normalize_line(raw: str, number: int) -> Line:
    text, columns = _without_pinyin(translate(raw))
    return Line(text, number, columns)


def normalize_text(raw: str) -> str:
    """The text ``normalize_line`` gives, without the column map and Line it builds: for a
    line read once and not kept (a title, a sentence of the narrative, a heading)."""
    return without_pinyin(translate(raw))


def without_pinyin(text: str) -> str:
    """A translated line with injected pinyin removed: the text of ``_without_pinyin``,
    for a caller that needs no column map."""
    return _without_pinyin(text)[0]


def _without_pinyin(text: str) -> tuple[str, ColumnMap | None]:
    """A translated line with injected pinyin removed, and where its characters came
    from (None when nothing was removed)."""
    if "(" not in text or len(text) > MAX_PINYIN_LINE or _MAYBE_PINYIN.search(text) is None:
        return text, None
    return _cut_pinyin(text)


def _cut_pinyin(text: str) -> tuple[str, ColumnMap | None]:
    """``text`` without the syllables in parentheses after a Han character, and where the
    characters left came from (None when nothing was cut)."""
    pieces: list[str] = []
    starts: list[int] = []  # the ColumnMap's
    shifts: list[int] = []
    last = length = removed = 0  # text kept up to ``last``; characters kept and removed so far
    opening = text.find("(", 1)  # (a "(" opening the line follows no character)
    while opening > 0:
        closing = text.find(")", opening + 1, opening + _MAX_SYLLABLE + 2)
        code = ord(text[opening - 1])
        # (the Han ranges and the remembered answer asked inline: in pure Python a call costs more than they do)
        if closing > opening + 1 and (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF
                                      or 0x20000 <= code <= 0x3134F) \
                and (_SYLLABLES.get(text[opening + 1:closing]) or _is_syllable(text[opening + 1:closing])):
            pieces.append(text[last:opening])
            length += opening - last
            removed += closing + 1 - opening
            starts.append(length)
            shifts.append(removed)
            last = closing + 1
            opening = text.find("(", last)
        else:
            opening = text.find("(", opening + 1)
    if not starts:
        return text, None
    pieces.append(text[last:])
    return "".join(pieces), ColumnMap(len(text) - removed, starts, shifts)


def _is_syllable(text: str) -> bool:
    """Whether ``text`` is one pinyin syllable (remembered: a report repeats a few hundred)."""
    known = _SYLLABLES.get(text)
    if known is None:
        known = _SYLLABLE.fullmatch(text) is not None
        if len(_SYLLABLES) < _SYLLABLES_LIMIT:
            _SYLLABLES[text] = known
    return known


class Document:
    """The report as lines, normalized on first use.

    Normalized lines are kept as plain strings, with column maps only for the
    few lines that lost characters: a table section is hundreds of lines, and
    an object per line costs more than normalizing it.
    """

    __slots__ = ("text", "raw_lines", "_texts", "_done", "_columns", "_numbers", "_parens")

    def __init__(self, text: str) -> None:
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.text = text  # the source text, "\n" between lines: for whole-text scans
        self.raw_lines: list[str] = text.split("\n")
        if len(self.raw_lines) > 1 and not self.raw_lines[-1]:
            self.raw_lines.pop()  # "a\n" is one line, not two
        self._texts: list[str] = list(self.raw_lines)  # normalized where _done says so
        self._done = bytearray(len(self.raw_lines))
        self._columns: dict[int, ColumnMap] = {}
        self._numbers: list[int] | None = None
        self._parens = "(" in text or "（" in text  # no parenthesis, no injected pinyin

    @classmethod
    def from_lines(cls, lines: list[str], numbers: list[int]) -> Document:
        """Lines made from another form (an HTML page), each with its source line number."""
        doc = cls("")
        doc.text = "\n".join(lines)
        doc._parens = "(" in doc.text or "（" in doc.text
        doc.raw_lines = list(lines)
        doc._texts = list(lines)
        doc._done = bytearray(len(lines))
        doc._numbers = list(numbers)
        return doc

    def __len__(self) -> int:
        return len(self.raw_lines)

    def number(self, index: int) -> int:
        """1-based source line number of line ``index``."""
        return index + 1 if self._numbers is None else self._numbers[index]

    def columns(self, index: int) -> ColumnMap | None:
        """Where the characters of normalized line ``index`` came from; None: where they are."""
        return self._columns.get(index)

    def texts(self, start: int = 0, stop: int | None = None) -> list[str]:
        """Normalized text of lines ``start`` to ``stop``: a table section, translated in one call."""
        stop = len(self.raw_lines) if stop is None else stop
        texts, done = self._texts, self._done
        if done.find(0, start, stop) < 0:
            return texts[start:stop]  # all normalized already
        whole = done.find(1, start, stop) < 0  # the usual first touch: none of them yet
        todo = range(start, stop) if whole else [i for i in range(start, stop) if not done[i]]
        # Lines hold no "\n" and the table maps no character to one, so the
        # block splits back into the same lines.
        raw = "\n".join(self.raw_lines[start:stop] if whole else [self.raw_lines[i] for i in todo])
        block = translate(raw)
        if self._parens and _MAYBE_PINYIN.search(block) is not None:
            lines = self._strip_pinyin(block, todo)
        elif block is raw:  # nothing to change: the texts are the raw lines already
            lines = []
        else:
            lines = block.split("\n")
        if whole:
            if lines:
                texts[start:stop] = lines
            done[start:stop] = b"\x01" * (stop - start)
        else:
            for position, i in enumerate(todo):
                if lines:
                    texts[i] = lines[position]
                done[i] = 1
        return texts[start:stop]

    def _strip_pinyin(self, block: str, todo: Sequence[int]) -> list[str]:
        """The lines of a translated block (lines ``todo`` of the document) without
        injected pinyin, giving each line that had some its column map."""
        lines = block.split("\n")
        for position, text in enumerate(lines):
            if "(" in text and len(text) <= MAX_PINYIN_LINE:
                cut, columns = _cut_pinyin(text)
                if columns is not None:
                    lines[position] = cut
                    self._columns[todo[position]] = columns
        return lines

    def line(self, index: int) -> Line:
        """Normalized line at 0-based ``index``, with its number and column map."""
        text = self._texts[index] if self._done[index] else self.texts(index, index + 1)[0]
        return Line(text, self.number(index), self._columns.get(index))
