"""Stage 3: locate the six numbered sections, above all 二, 三 and 四 with the tables.

A heading is a short line that starts with its numeral and 、 (or . or a space)
and names its subject. The subject is what tells headings from table rows:
table 三 ends with the row ``四、结转下年度继续办理`` right before the heading
``四、政府信息公开行政复议、行政诉讼情况``, and prose such as ``二是……`` starts
with a numeral too.
"""

from __future__ import annotations

import re
from typing import Final

from .normalize import Document, compact, normalize_text, translate

# \s as the regex module reads it (re's \s adds \x1c-\x1f), for patterns that
# moved to the standard re without changing what they match
WHITE_SPACE = r"[^\S\x1c-\x1f]"

# numeral -> words one of which the heading must contain (compact form)
SUBJECTS: dict[str, tuple[str, ...]] = {
    "一": ("总体情况",),
    "二": ("主动公开",),
    "三": ("收到和处理", "依申请公开情况", "申请情况"),
    "四": ("行政复议", "行政诉讼"),
    "五": ("存在的主要问题", "改进情况"),
    "六": ("其他需要报告",),
}
NUMERALS = tuple(SUBJECTS)
# numeral -> characters one of which each of its subjects holds, chosen among
# those that normalization never makes from another character (the tests check
# both): normalizing and compacting only drop characters, so a raw line without
# one of them (a table row such as 四、结转下年度继续办理) is no heading.
_SUBJECT_MARKS = {"一": "情", "二": "主", "三": "收申", "四": "行", "五": "存改", "六": "其"}
# A heading may come marked up by a converter: ## 二、… (markdown), **二、…** (bold), |四、…| (a
# table detector's one-cell table: pymupdf4llm).
_MARKUP = rf"(?:#{{1,6}}{WHITE_SPACE}*|\*\*|\|)?"
_HEADING = re.compile(rf"{WHITE_SPACE}*{_MARKUP}([一二三四五六])(?:[、.,:]|{WHITE_SPACE})")
_MAX_HEADING_CHARS = 40
# First characters of lines that may be headings: a numeral, markup (#, * or |), or the white space
# of an indented one (none lies above U+3000, none between U+0021 and U+0084).
_LINE_STARTS: Final = frozenset(NUMERALS + ("#", "*", "|") +
                                tuple(re.findall(WHITE_SPACE, "".join(map(chr, range(0x3001))))))
_LAST_SPACE: Final = 0x3000
_NUMERAL_CHARS: Final = "".join(NUMERALS)
# A raw line that may be a heading: a numeral (perhaps with injected pinyin,
# 二(èr)), then 、 . , : (half or full width) or a space; "二是……" prose never
# gets as far as normalization.
_CANDIDATE = re.compile(
    rf"{WHITE_SPACE}*{_MARKUP}([一二三四五六])(?:[(（][^)）]{{1,8}}[)）])?(?:[、.,:．，：]|{WHITE_SPACE})")
_MAX_RAW_HEADING_CHARS = 200  # room for injected pinyin
_known: Final[dict[str, str | None]] = {}  # raw line -> heading numeral or None
_KNOWN_LIMIT: Final = 16384  # lines of at most _MAX_RAW_HEADING_CHARS characters
_UNKNOWN: Final = "?"  # not a numeral: the line is not in _known


class Section:
    """One located section. A plain slotted class, not a frozen dataclass, for the
    reason govparse.cells.Cell gives (531 against some 80 ns, six a report); never mutated."""

    __slots__ = ("numeral", "heading", "start", "stop")

    def __init__(self, numeral: str, heading: int, start: int, stop: int) -> None:
        self.numeral = numeral
        self.heading = heading  # 0-based index of the heading line
        self.start = start  # first line of the body (0-based)
        self.stop = stop  # one past the last line of the body

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Section):
            return NotImplemented
        return (self.numeral, self.heading, self.start, self.stop) == (other.numeral, other.heading, other.start,
                                                                       other.stop)

    def __hash__(self) -> int:
        return hash((self.numeral, self.heading, self.start, self.stop))

    def __repr__(self) -> str:
        return f"Section(numeral={self.numeral!r}, heading={self.heading!r}, start={self.start!r}, stop={self.stop!r})"

    def __reduce__(self) -> tuple:
        return Section, (self.numeral, self.heading, self.start, self.stop)  # see govparse.cells.Cell

    @property
    def line_range(self) -> tuple[int, int]:
        """1-based inclusive source lines of the body."""
        return self.start + 1, self.stop


def heading_numeral(text: str) -> str | None:
    """The section numeral if ``text`` (a normalized line) is a section heading."""
    match = _HEADING.match(text)
    if match is None:
        return None
    numeral = match.group(1)
    words = SUBJECTS[numeral]
    # compact only drops characters: a short line that holds its subject as
    # written needs no compacting.
    if len(text) <= _MAX_HEADING_CHARS and any(word in text for word in words):
        return numeral
    key = compact(text)
    if len(key) <= _MAX_HEADING_CHARS and any(word in key for word in words):
        return numeral
    return None


def locate_sections(doc: Document) -> tuple[dict[str, Section], list[tuple[str, int]]]:
    """First occurrence of each section, and every heading found (numeral, line index).

    A section runs from its heading to the next heading of any number, so a
    repeated or out-of-order heading closes the section before it.
    """
    # A look at each line's first character, not a pattern over the whole text,
    # leaves the few lines that may be headings.
    headings = [(numeral, index) for index, raw in enumerate(doc.raw_lines)
                if raw and _may_start_heading(raw) and (numeral := _raw_heading_numeral(raw)) is not None]
    sections: dict[str, Section] = {}
    for position, (numeral, index) in enumerate(headings):
        if numeral in sections:
            continue
        stop = headings[position + 1][1] if position + 1 < len(headings) else len(doc)
        sections[numeral] = Section(numeral, index, index + 1, stop)
    return sections, headings


def _may_start_heading(raw: str) -> bool:
    """Whether the first character of a non-empty line is one of _LINE_STARTS, told by
    its code point where it can be: a set lookup costs three times as much."""
    first = ord(raw[0])
    if first > _LAST_SPACE:
        return first == 0x4E00 or first == 0x4E8C or first == 0x4E09 or first == 0x56DB or first == 0x4E94 \
            or first == 0x516D  # 一二三四五六
    if first == 0x7C or first == 0x2A:
        # | or ** before the numeral with nothing between (_MARKUP): a table's row, | 规章 | 0 |, fails here
        # without the cache's hash of a line it never saw nor the pattern
        at = 1 if first == 0x7C else 2
        return len(raw) > at and raw[at] in _NUMERAL_CHARS and (at == 1 or raw[1] == "*")
    return (first <= 0x20 or first >= 0x85 or first == 0x23) and raw[0] in _LINE_STARTS


def _raw_heading_numeral(raw: str) -> str | None:
    """``heading_numeral`` of a raw line (as normalized in a Document), remembered:
    reports repeat the statutory headings word for word. Only the lines that had
    to be normalized are kept: the table rows that look like headings fail
    cheaply before that, and hold figures, so would fill the cache with lines
    never seen again; lines with injected pinyin, each one new, are not kept either."""
    if len(raw) > _MAX_RAW_HEADING_CHARS:
        return None
    numeral = _known.get(raw, _UNKNOWN)
    if numeral != _UNKNOWN:
        return numeral
    match = _CANDIDATE.match(raw)
    if match is None or not any(mark in raw for mark in _SUBJECT_MARKS[match.group(1)]):
        return None
    if "(" in raw:
        # Removing injected pinyin only drops parentheses and the letters in them,
        # never the numeral, its separator or a subject written whole: a line that
        # is a heading with its pinyin is one without it, so only that form is read.
        return heading_numeral(normalize_text(raw))
    numeral = heading_numeral(translate(raw))
    if len(_known) < _KNOWN_LIMIT:
        _known[raw] = numeral
    return numeral
