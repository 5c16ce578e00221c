"""Stage 3: locate the six numbered sections, above all 二, 三 and 四 with the tables.

A heading is a short line that starts with its numeral and 、 (or . or a space)
and names its subject. The subject is what tells headings from table rows:
table 三 ends with the row ``四、结转下年度继续办理`` right before the heading
``四、政府信息公开行政复议、行政诉讼情况``, and prose such as ``二是……`` starts
with a numeral too.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .normalize import PATTERN_TIMEOUT, Document, compact, translate

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
_HEADING = regex.compile(r"^\s*([一二三四五六])\s*[、.,:\s]")
_MAX_HEADING_CHARS = 40
# Raw lines that may be headings: a numeral (perhaps with injected pinyin, 二(èr)),
# then 、 . , : (half or full width) or a space. "二是……" prose never gets as far
# as normalization.
# The scan runs over the whole text (unbounded input), so it is a ``regex``
# pattern under the timeout; "at the start of a line" is checked in Python,
# which keeps the pattern as fast as the standard ``re`` with ^ and MULTILINE.
_CANDIDATE = regex.compile(r"[一二三四五六](?:[(（][^)）\n]{1,8}[)）])?[^\S\n]*[、.,:．，：\s]")
_MAX_RAW_HEADING_CHARS = 200  # room for injected pinyin


@dataclass(frozen=True, slots=True)
class Section:
    numeral: str
    heading: int  # 0-based index of the heading line
    start: int  # first line of the body (0-based)
    stop: int  # one past the last line of the body

    @property
    def line_range(self) -> tuple[int, int]:
        """1-based inclusive source lines of the body."""
        return self.start + 1, self.stop


def heading_numeral(text: str) -> str | None:
    """The section numeral if ``text`` (a normalized line) is a section heading."""
    match = _HEADING.match(text)
    if match is None:
        return None
    key = compact(text)
    if len(key) > _MAX_HEADING_CHARS:
        return None
    numeral = match.group(1)
    if any(word in key for word in SUBJECTS[numeral]):
        return numeral
    return None


def locate_sections(doc: Document) -> tuple[dict[str, Section], list[tuple[str, int]]]:
    """First occurrence of each section, and every heading found (numeral, line index).

    A section runs from its heading to the next heading of any number, so a
    repeated or out-of-order heading closes the section before it.
    """
    headings: list[tuple[str, int]] = []
    text = doc.text
    index = position = 0
    # One scan of the whole text for lines that start with a numeral; only
    # those are normalized and looked at.
    for match in _CANDIDATE.finditer(text, timeout=PATTERN_TIMEOUT):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if text[line_start:match.start()].strip():
            continue  # the numeral is inside a line (第一、, 三安全一稳定)
        index += text.count("\n", position, line_start)
        position = line_start
        raw = doc.raw_lines[index]
        if len(raw) > _MAX_RAW_HEADING_CHARS:
            continue
        # Injected pinyin needs the document's normalization; otherwise the
        # character table alone gives the normalized line.
        numeral = heading_numeral(doc.line(index).text if "(" in raw else translate(raw))
        if numeral is not None:
            headings.append((numeral, index))
    sections: dict[str, Section] = {}
    for position, (numeral, index) in enumerate(headings):
        if numeral in sections:
            continue
        stop = headings[position + 1][1] if position + 1 < len(headings) else len(doc)
        sections[numeral] = Section(numeral, index, index + 1, stop)
    return sections, headings
