"""Stage 4: detect how a table section is laid out, and record the evidence.

Two cell formats cover what scrapers produce so far:
- ``linear-cell``: one cell per line, usually with a blank line between cells;
- ``pipe-delimited``: cells closed by ``|``, one per line (cell-per-line) or a
  whole table row per line (row-per-line).
Headers whose labels are broken across cells (``结果`` / ``维持``) are the third
family, ``split-header``; that is found while reading labels and recorded on the
same TableLayout (``split_header``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .normalize import Document
from .sections import Section

LINEAR_CELL = "linear-cell"
PIPE_DELIMITED = "pipe-delimited"
SPLIT_HEADER = "split-header"

BLANK_SEPARATED = "blank-separated"
LINE_PER_CELL = "line-per-cell"
CELL_PER_LINE = "cell-per-line"
ROW_PER_LINE = "row-per-line"


@dataclass(frozen=True, slots=True)
class TableLayout:
    format: str  # LINEAR_CELL or PIPE_DELIMITED
    style: str  # BLANK_SEPARATED / LINE_PER_CELL (linear), CELL_PER_LINE / ROW_PER_LINE (pipe)
    evidence: str
    split_header: bool = False
    split_labels: tuple[str, ...] = field(default=())  # labels that were joined, e.g. "结果+维持@548"

    @property
    def name(self) -> str:
        """The layout family: split-header when the header had to be joined."""
        return SPLIT_HEADER if self.split_header else self.format


def detect_layout(doc: Document, section: Section) -> TableLayout:
    lines = [doc.line(i).text for i in range(section.start, section.stop)]
    filled = [i for i, text in enumerate(lines) if text.strip()]
    if not filled:
        return TableLayout(LINEAR_CELL, LINE_PER_CELL, "section is empty")
    piped = [lines[i] for i in filled if "|" in lines[i]]
    if len(piped) * 2 >= len(filled):
        wide = sum(1 for text in piped if sum(1 for p in text.split("|") if p.strip()) >= 3)
        style = ROW_PER_LINE if wide * 10 >= len(piped) * 3 else CELL_PER_LINE
        return TableLayout(
            PIPE_DELIMITED, style,
            f"{len(piped)} of {len(filled)} non-blank lines hold '|'; "
            f"{wide} of them hold three or more filled cells",
        )
    separated = sum(
        1 for a, b in zip(filled, filled[1:]) if b - a == 2
    )
    pairs = max(len(filled) - 1, 1)
    style = BLANK_SEPARATED if separated * 2 >= pairs else LINE_PER_CELL
    return TableLayout(
        LINEAR_CELL, style,
        f"{len(piped)} of {len(filled)} non-blank lines hold '|'; "
        f"{separated} of {pairs} neighbouring cells are one blank line apart",
    )
