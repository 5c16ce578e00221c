"""Which edition of the tables a report uses, told by its labels, never its year.

The trial edition (国办公开办函〔2019〕60号) and the revised one (〔2021〕30号)
differ in table 二's columns and in table 三's （六）其他处理, which the 2021
edition splits into three rows. 2022 and 2023 reports on the trial tables exist,
so the year says nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from .model import columns_of, rows_of
from .normalize import Document
from .sections import Section

_NOISE = (" ", "\t", "|", "/", "│", "┃", "║")  # and box-drawn bars (w3m): a label split across its cells

EDITION_2019 = "2019"
EDITION_2021 = "2021"

# compact-form words found only in one edition's table, by section
_MARKERS = {
    "二": {
        EDITION_2019: ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "政府集中采购",
                       "其他对外管理服务事项"),
        EDITION_2021: ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量"),
    },
    "三": {
        EDITION_2019: (),
        EDITION_2021: ("逾期不补正", "逾期未按收费通知"),
    },
}
_WORDS = {numeral: tuple(w for words in markers.values() for w in words) for numeral, markers in _MARKERS.items()}


def _present(text: str, words: tuple[str, ...]) -> set[str]:
    """The words found in ``text`` once white space and pipes are taken out (a label
    split across cells or lines is whole again there). That text is made only for a
    word the text as it is cannot settle, which is rare: a word found as it is
    stays whole, and one with a character missing cannot appear."""
    found: set[str] = set()
    unsure: list[str] = []
    for word in words:
        if word in text:
            found.add(word)
        elif all(map(text.__contains__, word)):
            unsure.append(word)
    if unsure:
        for noise in _NOISE:
            text = text.replace(noise, "")
        found.update(word for word in unsure if word in text)
    return found


def detect_edition(doc: Document, section: Section) -> tuple[str | None, str]:
    """(edition or None, evidence) for the table in ``section``."""
    markers = _MARKERS.get(section.numeral)
    if markers is None:
        return None, "this table is the same in both editions"
    text = "".join(doc.texts(section.start, section.stop))
    found = _present(text, _WORDS[section.numeral])
    hits = {edition: [w for w in words if w in found] for edition, words in markers.items()}
    if len(hits[EDITION_2021]) > len(hits[EDITION_2019]):
        return EDITION_2021, "labels " + "、".join(hits[EDITION_2021])
    if hits[EDITION_2019]:
        return EDITION_2019, "labels " + "、".join(hits[EDITION_2019])
    if section.numeral == "三" and _present(text, ("其他处理",)):
        return EDITION_2019, "（六）其他处理 without its 2021 sub-rows"
    return None, "no edition-specific label found"


class FoundInCells(NamedTuple):
    """The edition a table's cells as read name, and the labels that name it."""

    edition: str
    evidence: str


def recheck_in_cells(numeral: str, edition: str, texts: Iterable[str], told: bool = True) -> FoundInCells | None:
    """The edition checked again in a table's cells as read, where the section's lines could not
    tell it: a grid or PDF reader joins a label a tool wrapped over lines between other columns'
    text. Two cases: a table whose own lines named no edition (``told`` false: its edition came
    from the other tables or the default), and a table 三 told 2019 only by the absence of the
    2021 sub-rows. What the cells name, or None when they name no edition. ``texts`` is read only
    then (the pipeline passes a generator: most tables never pay for it)."""
    markers = _MARKERS.get(numeral)
    if markers is None or (told and (numeral != "三" or edition != EDITION_2019)):
        return None
    found = _present("".join(texts), _WORDS[numeral])
    hits = {name: sorted(w for w in words if w in found) for name, words in markers.items()}
    if len(hits[EDITION_2021]) > len(hits[EDITION_2019]):
        return FoundInCells(EDITION_2021, "labels " + "、".join(hits[EDITION_2021]) + " in the cells as read")
    if hits[EDITION_2019] and not told:
        return FoundInCells(EDITION_2019, "labels " + "、".join(hits[EDITION_2019]) + " in the cells as read")
    return None


def rows_told_by_edition(models: Mapping[str, type]) -> tuple[str, ...]:
    """The rows both editions print with as many columns under other keys (规章: 本年制发件数 ...
    in one, 本年新制作数量 ... in the other): their values can be placed only once the edition is
    known. ``models``: a table's model class by edition."""
    shapes = [{row: tuple(key for key, _ in columns_of(cls)) for row, cls in rows_of(model)}
              for model in models.values()]
    first, *others = shapes
    return tuple(row for row, keys in first.items()
                 if all(row in other and len(other[row]) == len(keys) and other[row] != keys for other in others))
