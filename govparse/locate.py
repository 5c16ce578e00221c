"""Stage 3b: find a table by the labels it holds, where its heading does not lead to it.

A section heading is the usual way to a table (govparse.sections), but scraped
text loses headings, numbers them otherwise, or starts in the middle of a table.
A careful reader then finds the table by what is in it: its captions, header
labels and row labels. The words looked for are the table's own labels, read
from its grammars (both editions), kept where no other table has them, at least
four characters long in compact form (short labels like 其他 or 总计 are in
every table and in prose).

A table is the densest run of lines holding its labels: prose mentions a 行政许可
far from the table, the table holds dozens of labels within a few lines. The run
is extended past its last label to where the table's last values stand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import regex

from .grammar import load
from .lexer import strip_enumerator
from .normalize import Document, compact, translate
from .sections import Section

MIN_ANCHOR_CHARS = 4
MAX_GAP = 40  # lines between two labels of one table
TAIL_LINES = 40  # lines after the last label that may hold its values
MAX_SCAN_LINES = 50_000


@lru_cache(maxsize=None)
def anchors(tables: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, tuple[str, ...]]:
    """Numeral -> the compact label texts only that table's grammars hold."""
    words: dict[str, set[str]] = {}
    for numeral, grammar_names in tables:
        found = words.setdefault(numeral, set())
        for name in grammar_names:
            for _, pattern, literal in load(name).label_terminals():
                if literal:
                    key = strip_enumerator(compact(translate(pattern)))
                    if len(key) >= MIN_ANCHOR_CHARS:
                        found.add(key)
    own: dict[str, tuple[str, ...]] = {}
    for numeral, keys in words.items():
        others = [key for other, other_keys in words.items() if other != numeral for key in other_keys]
        own[numeral] = tuple(sorted(key for key in keys if not any(key in other or other in key for other in others)))
    return own


@lru_cache(maxsize=None)
def _pattern(table_anchors: tuple[tuple[str, tuple[str, ...]], ...]) -> regex.Pattern:
    keys = sorted({key for _, keys in table_anchors for key in keys}, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(key) for key in keys))


def locate_by_labels(doc: Document, tables: Sequence[tuple[str, tuple[str, ...]]], wanted: Iterable[str],
                     taken: Sequence[Section]) -> dict[str, Section]:
    """A Section for each wanted table (numeral) whose labels the text holds outside ``taken``.

    ``tables``: (numeral, grammar names) of every table, so that each is told from the others.
    """
    own = anchors(tuple(tables))
    pattern = _pattern(tuple(own.items()))
    owner = {key: numeral for numeral, keys in own.items() for key in keys}
    busy = {index for section in taken for index in range(section.heading, section.stop)}
    hits: dict[str, list[int]] = {}
    texts = doc.texts(0, min(len(doc), MAX_SCAN_LINES))
    for index, text in enumerate(texts):
        if index in busy or not text.strip():
            continue
        key = compact(text)
        for match in pattern.finditer(key):
            hits.setdefault(owner[match.group()], []).append(index)
    runs = {numeral: _densest(sorted(set(lines))) for numeral, lines in hits.items()}
    found: dict[str, Section] = {}
    for numeral in wanted:
        run = runs.get(numeral)
        if run is None:
            continue
        first, last = run
        stop = min(len(texts), last + 1 + TAIL_LINES)
        # the table ends where another table's labels or a taken section begin
        for other, other_run in runs.items():
            if other != numeral and last < other_run[0] < stop:
                stop = other_run[0]
        for index in range(last + 1, stop):
            if index in busy:
                stop = index
                break
        found[numeral] = Section(numeral, first, first, stop)
    return found


def _densest(lines: list[int]) -> tuple[int, int]:
    """(first, last) line of the run with the most labels, runs split where labels are far apart."""
    best = (0, lines[0], lines[0])
    start = 0
    for position in range(1, len(lines) + 1):
        if position == len(lines) or lines[position] - lines[position - 1] > MAX_GAP:
            count = position - start
            if count > best[0]:
                best = (count, lines[start], lines[position - 1])
            start = position
    return best[1], best[2]
