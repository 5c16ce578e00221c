"""Run-together text: a crawler flattened the report's tables with nothing between cells.

Some archives keep a page as its text content alone: the whole body on one line,
section headings in the middle of it, and in the tables every cell glued to the
next (``…良性作用。二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数…规章
000行政规范性文件693665…一、本年新收政府信息公开申请数量640020470二、上年结转…``).
No reader of lines can take that. This module tells such a text (``detect``) and
rewrites it (``reflow``) into the lines the pipeline reads in the space-delimited
style: each section heading on a line of its own; in the table sections every
statutory label (caption, header, group or row label, with its enumerator such
as ``2.`` or ``（三）`` even when it is glued to the digits before it) starts a
cell, a row label and the digits printed after it on one line
(``行政规范性文件 693665``, ``（七）总计 23 0 00 0 023``), the header labels of a
table on one line, and the digits after a header (table 四's row) on their own.

The digits are left as printed: where a run holds several cells, the row stage
cuts it with govparse.digits.split_digits, or reports that it cannot.

Labels are the label terminals of the table grammars (govparse.grammar), found
in the compact form of the text (letters, digits and Han characters only) and
mapped back to the raw text, with their enumerator and closing brackets. Cost:
one pass over each line with one compiled alternation of some 150 label cores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from .digits import NULL_MARKS
from .grammar import VALUES, grammar_names, load
from .lexer import spellings, strip_enumerator
from .normalize import _HAN_RANGES, compact, translate, via_traditional
from .sections import SUBJECTS

from .layout import RUN_TOGETHER  # noqa: E402  (the layout these texts get)

HEADER: Final = "header"  # a column label: joined with the labels beside it on one line
ROW: Final = "row"  # a row label: its digits follow it on its line
MARK: Final = "mark"  # a caption (第二十条第（一）项) or a group label (（三）不予公开)

# A line holds a glued table when it has this many statutory labels and this many
# of them touch a digit (a normal layout puts one row label on a line, and a
# header row's many labels touch none).
MIN_LABELS: Final = 8
MIN_GLUED: Final = 4
# Words one of which appears several times in a run-together table line, each
# once per line in every other layout: a cheap look before the labels are sought.
# (As printed, and as a mirror site's traditional characters print them: the raw text is scanned.)
_ANCHORS: Final = ("第二十条", "申请数量", "不予公开", "无法提供", "不予处理", "结果维持",
                   "第二十條", "申請數量", "不予公開", "無法提供", "不予處理", "結果維持")
MIN_ANCHORS: Final = 3
# A report body on one line is some 5-50 thousand characters; a longer line is not
# searched for labels (cost: about 5 µs a character), so hostile input stays cheap.
MAX_LINE_CHARS: Final = 100_000

_NUMERAL = "一二三四五六七八九十"
# The enumerator a label core may carry just before it (in translated text: full-width
# brackets and points are half-width there): （三） 三、 2.
_ENUMERATOR_BEFORE = re.compile(rf"(?:\(\s*[{_NUMERAL}]{{1,3}}\s*\)|[{_NUMERAL}]{{1,3}}\s*[、.]|[0-9]\s*[.、])\s*$")
_CLOSERS = frozenset(")）”\"’』」】]")
_OPENERS = frozenset("(（“\"‘『「【[")
# A section heading inside a line: numeral, 、 and a short title ending 情况 or 事项, with
# no digit or full stop in it (so table rows such as 四、结转下年度继续办理 0 0 are none).
_HEADING = re.compile(rf"(?<![{_NUMERAL}])([一二三四五六])\s*[、.]\s*([^。；;!?0-9\n]{{1,30}}?(?:情况|事项))")
_TABLE_NUMERALS = "二三四"
_AFTER_TABLES = "五六"
_SPACE = re.compile(r"\s+")
_KEPT = re.compile(rf"[0-9A-Za-z{_HAN_RANGES}]+")  # what normalize.compact keeps
_DIGIT_RUN = re.compile(r"[0-9.,+\-增减]*[0-9][0-9.,+\-增减]*")  # split_digits tells the formats
_UNITS = ("万元", "元")


@dataclass(frozen=True, slots=True)
class RunTogether:
    """Why a text was read as run-together (like layout.TableLayout.evidence)."""

    evidence: str
    line: int  # 1-based line of the first glued table line


@dataclass(frozen=True, slots=True)
class Reflowed:
    """The text as lines the pipeline reads, each with where it came from."""

    lines: list[str]
    numbers: list[int]  # 1-based source line of each line
    columns: list[int]  # 1-based source column its first character came from
    evidence: str


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    role: str


class _Labels:
    """The statutory labels of every table grammar: one pattern over their cores, and roles."""

    def __init__(self) -> None:
        roles_by_key: dict[str, set[str]] = {}
        cores: set[str] = set()
        for name in grammar_names():
            grammar = load(name)
            roles = _terminal_roles(grammar)
            for terminal, pattern, literal in grammar.label_terminals():
                texts = [pattern] if literal else spellings(pattern)
                if texts is None:
                    continue  # a label pattern with no short list of spellings: not sought
                for text in texts:
                    for form in {translate(text), via_traditional(text)}:
                        key = compact(form)
                        core = strip_enumerator(key)
                        if not core:
                            continue
                        roles_by_key.setdefault(key, set()).add(roles.get(terminal, MARK))
                        roles_by_key.setdefault(core, set())
                        cores.add(core)
        self.roles = {key: _one_role(found) for key, found in roles_by_key.items()}
        by_core: dict[str, set[str]] = {}
        for key, found in roles_by_key.items():
            by_core.setdefault(strip_enumerator(key), set()).update(found)
        self.core_roles = {core: _one_role(found) for core, found in by_core.items()}
        # longest first: at each place the longest core that starts there wins
        self.pattern = re.compile("|".join(re.escape(core) for core in sorted(cores, key=lambda c: (-len(c), c))))

    def role(self, key: str) -> str:
        """The role of a label found with enumerator ``key`` (compact); by its core when the key is not a label's."""
        return self.roles.get(key) or self.core_roles.get(strip_enumerator(key)) or MARK


def _one_role(roles: set[str]) -> str:
    """A row label somewhere is a row label (its digits stay with it); else a header; else a mark."""
    if ROW in roles:
        return ROW
    if HEADER in roles:
        return HEADER
    return MARK if roles else ""


def _terminal_roles(grammar) -> dict[str, str]:
    """Each label terminal's role in its grammar: a row label sits in a rule beside VALUES."""
    roles: dict[str, str] = {}
    for rule in grammar.parser.rules:
        names = [symbol.name for symbol in rule.expansion]
        origin = rule.origin.name
        for name in names:
            if name == VALUES or not name.isupper():
                continue
            if VALUES in names:
                roles[name] = ROW
            elif origin == "header" or origin.startswith("__header"):
                roles.setdefault(name, HEADER)
    return roles


@lru_cache(maxsize=1)
def _labels() -> _Labels:
    return _Labels()


def _compact_map(text: str) -> tuple[str, list[int]]:
    """The compact form of a translated line (normalize.compact), and the index in the line of each of its characters."""
    kept: list[str] = []
    where: list[int] = []
    for run in _KEPT.finditer(text):
        kept.append(run.group())
        where.extend(range(run.start(), run.end()))
    return "".join(kept), where


def find_labels(text: str) -> list[_Found]:
    """The statutory labels in a translated line, in order, as raw spans with their enumerators."""
    labels = _labels()
    key, where = _compact_map(text)
    found: list[_Found] = []
    last = 0
    for match in labels.pattern.finditer(key):
        start = where[match.start()]
        end = where[match.end() - 1] + 1
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        before = _ENUMERATOR_BEFORE.search(text, max(last, start - 8), start)
        if before is not None:
            start = before.start()
        while start > last and text[start - 1] in _OPENERS:
            start -= 1
        start = max(start, last)
        found.append(_Found(start, end, labels.role(compact(text[start:end]))))
        last = end
    return found


def _candidate_lines(text: str) -> list[int]:
    """Starts of the lines where the anchors occur MIN_ANCHORS times or more, found with
    C-speed scans: each anchor's occurrences in order, the line start of each looked for
    only back to the previous one, so a huge line costs one pass per anchor."""
    counts: dict[int, int] = {}
    for anchor in _ANCHORS:
        at = text.find(anchor)
        previous = 0
        start = 0
        while at != -1:
            newline = text.rfind("\n", previous, at)
            if newline != -1:
                start = newline + 1
            counts[start] = counts.get(start, 0) + 1
            previous = at
            at = text.find(anchor, at + len(anchor))
    return sorted(start for start, count in counts.items() if count >= MIN_ANCHORS)


def detect(text: str) -> RunTogether | None:
    """Whether ``text`` holds a table whose cells were glued together, and the evidence."""
    for start in _candidate_lines(text):
        stop = text.find("\n", start)
        raw = text[start:stop if stop != -1 else len(text)]
        if len(raw) > MAX_LINE_CHARS:
            continue
        line = translate(raw)
        found = find_labels(line)
        if len(found) < MIN_LABELS:
            continue
        glued = [label for label in found if _touches_digit(line, label)]
        if len(glued) >= MIN_GLUED:
            number = text.count("\n", 0, start) + 1
            sample = glued[0]
            shown = line[sample.start:min(len(line), sample.end + 12)]
            return RunTogether(f"line {number}: {len(found)} statutory labels on one line, {len(glued)} of them "
                               f"glued to digits (e.g. {shown!r})", number)
    return None


def _touches_digit(line: str, label: _Found) -> bool:
    return (label.end < len(line) and line[label.end].isdigit()) or (label.start > 0 and line[label.start - 1].isdigit())


def reflow(text: str) -> Reflowed | None:
    """The lines of a run-together text in the space-delimited style, or None when it is not one."""
    found = detect(text)
    if found is None:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    pieces = _split_headings(text)
    out_lines: list[str] = []
    numbers: list[int] = []
    columns: list[int] = []
    in_tables = False
    # With no table heading to go by (a variant title), the glued line detect found is cut.
    headless = not any(heading is not None and heading in _TABLE_NUMERALS for *_, heading in pieces)
    for piece, number, column, heading in pieces:
        if heading is not None:
            in_tables = heading in _TABLE_NUMERALS or (in_tables and heading not in _AFTER_TABLES
                                                        and heading != "一")
        tabular = in_tables or (headless and number == found.line)
        if heading is None and tabular and len(piece) <= MAX_LINE_CHARS:
            for line, offset in _table_lines(translate(piece), piece):
                out_lines.append(line)
                numbers.append(number)
                columns.append(column + offset)
            continue
        out_lines.append(piece.strip() if heading is not None else piece)
        numbers.append(number)
        columns.append(column)
    return Reflowed(out_lines, numbers, columns, found.evidence)


def _split_headings(text: str) -> list[tuple[str, int, int, str | None]]:
    """Each source line cut before and after the section headings inside it:
    (text, line number, 1-based column, the heading's numeral or None)."""
    pieces: list[tuple[str, int, int, str | None]] = []
    raws = text.split("\n")
    if len(raws) > 1 and not raws[-1]:
        raws.pop()  # "a\n" is one line, as in normalize.Document
    for number, raw in enumerate(raws, 1):
        line = translate(raw)
        last = 0
        for match in _HEADING.finditer(line):
            numeral = match.group(1)
            title = compact(match.group(2))
            if not any(word in title for word in SUBJECTS[numeral]):
                continue
            if match.start() > last:
                pieces.append((raw[last:match.start()], number, last + 1, None))
            pieces.append((raw[match.start():match.end()], number, match.start() + 1, numeral))
            last = match.end()
        if last == 0:
            pieces.append((raw, number, 1, None))
        elif last < len(raw):
            pieces.append((raw[last:], number, last + 1, None))
    return pieces


def _table_lines(line: str, raw: str) -> list[tuple[str, int]]:
    """A table section's text cut into lines at its labels: (line, 0-based offset in ``raw``)."""
    found = find_labels(line)
    if not found:
        return [(raw, 0)] if raw.strip() else []
    lines: list[tuple[str, int]] = []
    head = raw[:found[0].start]
    if head.strip():
        lines.append((head.strip(), len(head) - len(head.lstrip())))
    header_open = False  # the last line is header labels that more may join
    for index, label in enumerate(found):
        stop = found[index + 1].start if index + 1 < len(found) else len(raw)
        text = _SPACE.sub("", raw[label.start:label.end])
        rest = raw[label.end:stop].strip()
        if label.role == HEADER:
            if header_open:
                previous, offset = lines[-1]
                lines[-1] = (f"{previous} {text}", offset)
            else:
                lines.append((text, label.start))
            header_open = not rest
            if rest:  # table 四's values after its header, or text
                values, tail = _row_values(line, raw, label.end, stop)
                if values:
                    lines.append((values, label.end + len(raw[label.end:stop]) - len(raw[label.end:stop].lstrip())))
                if tail is not None:
                    lines.append((raw[tail:stop].rstrip(), tail))
            continue
        header_open = False
        if label.role != ROW or not rest:
            lines.append((f"{text} {rest}" if rest else text, label.start))
            continue
        values, tail = _row_values(line, raw, label.end, stop)
        lines.append((f"{text} {values}" if values else text, label.start))
        if tail:
            lines.append((raw[tail:stop].rstrip(), tail))
    return lines


# What a row's values are printed with (in translated text): digits, points and separators, signs
# and 增/减, null marks, spaces, a unit after the last. Anything else ends them.
_VALUE_TEXT = re.compile(r"(?:[0-9.,+\-—/无增减\s]|万元|元)*")
# A null mark, or what lies between marks; 增 and 减 (the trial edition's + and - of 本年增/减) open a cell.
_MARK_OR_RUN = re.compile(r"——|—|/|无|[增减][^—/无增减]*|[^—/无增减]+")


def _row_values(line: str, raw: str, start: int, stop: int) -> tuple[str, int | None]:
    """A row's values, from ``start`` up to ``stop`` or the first character no value holds, each null
    mark set apart from what it is glued to (``520 0无`` is 520, 0 and a blank; read as one cell,
    ``0无`` is text, and the row's values were ``520`` alone, which split into 5|2|0), and so is a
    signed value in words (``6减83``: 6 and -83; glued, it is text); and where the
    rest (a note, prose, a label the grammars do not know) begins, or None."""
    end = _VALUE_TEXT.match(line, start, stop).end()
    while end > start and line[end - 1] in "增减":  # 增 or 减 before no digit opens a word, not a value
        end -= 1
    pieces = [raw[match.start():match.end()].strip() for match in _MARK_OR_RUN.finditer(line, start, end)]
    # a hyphen that ends a run is no sign (one goes before its digits): a null mark of its own (增9-)
    pieces = [part for piece in pieces for part in
              ((piece[:-1].rstrip(), "-") if len(piece) > 1 and piece.endswith(("-", "－")) else (piece,))]
    rest = raw[end:stop]
    tail = end + len(rest) - len(rest.lstrip()) if rest.strip() else None
    return " ".join(piece for piece in pieces if piece), tail


def row_groups(values: str) -> tuple[list[str], str | None] | None:
    """The digit runs and null marks of a reflowed row's values, as govparse.digits.split_digits
    takes them, and the unit written after the last (``13575394432.52元``: 元); None when the text
    holds anything else (a separator, words), which the row stage reads as it reads any cell."""
    text = translate(values).strip()
    unit = None
    for name in _UNITS:
        if text.endswith(name):
            unit = name
            text = text[:-len(name)].rstrip()
            break
    groups = text.split()
    if not groups or any(_DIGIT_RUN.fullmatch(group) is None and group not in NULL_MARKS for group in groups):
        return None
    return groups, unit
