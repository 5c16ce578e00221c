"""The pipeline, stage by stage: decode → normalize → locate sections → detect
layout → read cells → grammar per table → typed model → identities → result.

Each stage is its own module; this one only wires them together and turns
anything a stage could not do into diagnostics, so that a report always gives
a Result.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable
from dataclasses import fields, replace
from typing import Any

from .cells import markdown_table_starts, read_table
from .decode import Decoded, decode
from .diagnostics import INFO, WARNING, Diagnostic, Diagnostics
from .documents import DOCUMENT_LAYOUTS, Reading, place_at, read_document, sniff
from .edition import EDITION_2021, rows_told_by_edition, detect_edition, recheck_in_cells
from .errors import GovparseError, InputTooLarge, InternalError
from .gapblanks import placed_by_x
from .grammar import UNKNOWN, VALUES, load
from .identities import check_all
from .html import html_to_lines, looks_like_html
from .layout import (HTML, LINEAR_CELL, MARKDOWN, PDF_LINES, READING_ORDER, SPACE_ALIGNED, SPACE_DELIMITED,
                     X_POSITIONED, TableLayout, detect_layout, follow_reading_order, rows_printed_whole)
from .locate import locate_by_labels
from .lexer import UNIT, Labels, lex
from .meta import read_meta
from .narrative import cross_check
from .normalize import Document
from .pdforder import MOVED_VALUES
from .result import Result, TableTrace
from .runtogether import RUN_TOGETHER, reflow
from .sections import Section, locate_sections
from .tables import TABLES, TableSpec
from .transform import BuildContext, Sources

# Bounds that keep the cost of a hostile or broken input linear and small. A
# statutory table is some 300 cells on at most a few hundred lines.
MAX_TABLE_LINES = 10_000
MAX_TABLE_CELLS = 20_000
MAX_CELL_NOTES = 20  # unrecognized cells reported one by one; the rest as a count
DEFAULT_MAX_BYTES = 32 * 1024 * 1024

_labels: dict[str, Labels] = {}

# How a table's lines were found (TableTrace.found_by).
FOUND_BY_HEADING = "heading"
FOUND_BY_LABELS = "labels"  # the text has no heading for it
FOUND_BY_LABELS_NOT_HEADING = "labels, away from its heading"
# Table 二's rows that both editions print alike but for their columns' meaning (see _edition_unknown).
_ROWS_BY_EDITION = rows_told_by_edition(next(spec.models for spec in TABLES if spec.key == "active_disclosure"))
TABLE_GRAMMARS = tuple((spec.numeral, tuple(sorted(set(spec.grammars.values())))) for spec in TABLES)


def labels_for(grammar_name: str) -> Labels:
    labels = _labels.get(grammar_name)
    if labels is None:
        labels = _labels[grammar_name] = Labels(load(grammar_name))
    return labels


class StageClock:
    """Time spent per stage, summed over the reports parsed with it (benchmarks/)."""

    def __init__(self, timer=time.perf_counter) -> None:
        self.seconds: dict[str, float] = {}
        self._timer = timer  # time.process_time where other work shares the machine
        self._last = timer()

    def start(self) -> None:
        self._last = self._timer()

    def lap(self, stage: str) -> None:
        now = self._timer()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._last
        self._last = now


class _NoClock:
    """The clock parse uses when nobody is timing it."""

    def start(self) -> None:
        pass

    def lap(self, stage: str) -> None:
        pass


_NO_CLOCK = _NoClock()


def parse(data: bytes | bytearray | memoryview | str, *, max_bytes: int | None = DEFAULT_MAX_BYTES,
          clock: StageClock | None = None) -> Result:
    """Parse one report (its bytes, or text already decoded) into a Result.

    Raises GovparseError only for input it cannot take: not bytes or text, or
    larger than ``max_bytes`` (characters for text; None for no limit).
    """
    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        raise GovparseError(f"govparse.parse takes bytes or str, not {type(data).__name__}")
    _check_size(len(data), max_bytes)
    try:
        return _parse(data, clock or _NO_CLOCK)
    except TimeoutError as error:
        raise GovparseError(f"a pattern took too long on this input ({error}); "
                            "it is not a report govparse can read") from error
    except GovparseError:
        raise
    except Exception as error:  # the promise is a Result or a GovparseError, for any input
        raise InternalError(f"govparse failed on this input: {type(error).__name__}: {error} "
                            "(a bug; please report it with the file)") from error


def _check_size(size: int, max_bytes: int | None) -> None:
    if max_bytes is not None and size > max_bytes:
        raise InputTooLarge(f"input is {size / 1048576:.1f} MiB, over the {max_bytes / 1048576:.1f} MiB "
                            "limit (max_bytes); raise the limit to parse it")


def _parse(data: bytes | bytearray | memoryview | str, clock) -> Result:
    clock.start()
    reading: Reading | None = None
    if isinstance(data, str):
        # a byte-order mark opening a str is a file read without utf-8-sig: no text of the report
        decoded = Decoded(data[1:] if data.startswith("\ufeff") else data, "str")
    else:
        raw = bytes(data)
        kind = sniff(raw)  # a PDF or DOCX by its bytes; None for text
        if kind is None:
            decoded = decode(raw)
        else:
            reading = read_document(raw, kind)
            decoded = Decoded("\n".join(reading.lines), kind)
    diagnostics = Diagnostics()
    if decoded.lossy:
        diagnostics.warning("encoding", "not valid UTF-8, GB18030 or UTF-16: undecodable bytes replaced")
    if reading is None:
        doc, source_format = _document(decoded.text, diagnostics)
    else:
        doc, source_format = _document_lines(reading, diagnostics)
    clock.lap("decode")
    sections, headings = locate_sections(doc)
    if source_format is None and not all(numeral in sections for numeral in "二三四"):
        # A table heading missing: maybe a crawler ran the whole page together on one line.
        flowed = reflow(decoded.text)
        if flowed is not None:
            doc, source_format = Document.from_lines(flowed.lines, flowed.numbers), RUN_TOGETHER
            diagnostics.info("run-together", f"cells run together with no separator; read as rows cut at the "
                             f"statutory labels ({flowed.evidence})")
            sections, headings = locate_sections(doc)
    _report_repeats(headings, diagnostics)
    sections = _bounded(sections, diagnostics)

    sources = Sources()
    tables: dict[str, Any] = {}  # table key -> its model instance, or None
    traces: dict[str, TableTrace] = {}
    editions: dict[str, str] = {}
    regions = _regions(doc, sections)
    clock.lap("sections")
    detected = {spec.key: detect_edition(doc, regions[spec.numeral][0]) if spec.numeral in regions else (None, "")
                for spec in TABLES}
    # A table with no edition-specific label (cut short, say) follows the other tables.
    fallback = next((e for e, _ in detected.values() if e is not None), EDITION_2021)
    clock.lap("normalize+edition")  # the first touch of the table lines normalizes them
    layouts = _layouts(doc, {numeral: region for numeral, (region, _) in regions.items()}, source_format, reading)
    clock.lap("layout")
    for spec in TABLES:
        edition, evidence = detected[spec.key]
        told = edition is not None
        if edition is None:
            edition, evidence = fallback, f"{evidence}; taken from the other tables"
        section, found_by = regions.get(spec.numeral, (None, ""))
        table, trace = _read_table(spec, doc, section, found_by, diagnostics, sources, edition, evidence,
                                   layouts.get(spec.key), clock, told)
        if not told and trace.edition_in_cells:
            told = True  # its cells as read named the edition: the tables after it follow them
            if not any(e for e, _ in detected.values()):
                fallback = trace.edition or fallback
        if trace.tokens is not None and found_by == FOUND_BY_HEADING and not _has_labels(trace) \
                and not _has_values(table):
            # The heading leads to no table: look for the table's labels elsewhere. (Values read under it
            # without labels, table 四's fifteen under its header's words out of their cells, are its table.)
            taken = [region for numeral, (region, _) in regions.items() if numeral != spec.numeral]
            elsewhere = locate_by_labels(doc, TABLE_GRAMMARS, [spec.numeral], taken).get(spec.numeral)
            if elsewhere is not None:
                found_by = FOUND_BY_LABELS_NOT_HEADING
                found_edition, found_evidence = detect_edition(doc, elsewhere)
                if found_edition is not None:
                    edition, evidence, told = found_edition, found_evidence, True
                table, trace = _read_table(spec, doc, elsewhere, found_by, Diagnostics(), Sources(), edition,
                                           evidence, _layout_of(doc, elsewhere, source_format, reading), clock, told)
                if table is not None:  # read again, this time keeping what it says
                    table, trace = _read_table(spec, doc, elsewhere, found_by, diagnostics, sources, edition,
                                               evidence, trace.layout, clock, told)
                told = told or trace.edition_in_cells
        tables[spec.key] = table
        traces[spec.key] = trace
        if table is not None and told and trace.edition is not None:
            editions[spec.key] = trace.edition

    if not editions and tables["active_disclosure"] is not None:
        tables["active_disclosure"] = _edition_unknown(tables["active_disclosure"], sources, diagnostics)
    checks = check_all(tables["applications"], tables["review_litigation"])
    clock.lap("identities")
    cross_check(doc, sections, tables["applications"], diagnostics)
    clock.lap("narrative")
    formats = {t.layout.style if t.layout.style in DOCUMENT_LAYOUTS else t.layout.format
               for t in traces.values() if t.layout is not None and tables[t.key] is not None}
    layout = formats.pop() if len(formats) == 1 else ("mixed" if formats else None)
    edition_values = set(editions.values())
    edition = edition_values.pop() if len(edition_values) == 1 else ("mixed" if edition_values else None)
    meta = read_meta(doc, sections)
    clock.lap("meta")
    return Result(
        edition=edition,
        layout=layout,
        encoding=decoded.encoding,
        meta=meta,
        active_disclosure=tables["active_disclosure"],
        applications=tables["applications"],
        review_litigation=tables["review_litigation"],
        checks=tuple(checks),
        diagnostics=tuple(diagnostics.items) if reading is None else _placed(diagnostics.items, reading),
        sources=sources,
        traces=traces,
        document=reading,
    )


def _edition_unknown(table, sources: Sources, diagnostics: Diagnostics):
    """No label of any table told the edition, so table 二 was read in the default one: a guess.
    Its rows that both editions print with as many columns under other keys (规章, 规范性文件)
    cannot be placed: their cells are null. Rows whose widths differ were checked by their count."""
    key = "active_disclosure"
    for row in _ROWS_BY_EDITION:
        value = getattr(table, row)
        columns = [column.name for column in fields(value)]
        if all(getattr(value, column) is None for column in columns):
            continue
        keys = [(key, row, column) for column in columns]
        line = min((sources[k][0] for k in keys if k in sources), default=None)
        diagnostics.error("edition-unknown", f"{key}: row {row}: no label in the report tells its edition, and "
                          f"the two editions give this row's {len(columns)} columns other meanings; its cells "
                          "are null", line, table=key)
        sources.forget(keys)
        table = replace(table, **{row: type(value)(*[None] * len(columns))})
    return table


def _document_lines(reading: Reading, diagnostics: Diagnostics) -> tuple[Document, str | None]:
    """A PDF's or DOCX's lines (govparse.documents): table rows as the HTML path gives them."""
    diagnostics.info("document", reading.summary())
    for note in reading.notes:
        diagnostics.warning("document", note)
    doc = Document.from_lines(list(reading.lines), list(range(1, len(reading.lines) + 1)))
    return doc, HTML if reading.has_tables else None


def _placed(items: list[Diagnostic], reading: Reading) -> tuple[Diagnostic, ...]:
    """Diagnostics of a document, each with the page (or table, row and cell) its line came from."""
    placed = []
    for item in items:
        place = place_at(reading.places, item.line, item.column)
        placed.append(item if place is None else Diagnostic(item.level, item.code, item.message, item.line,
                                                             item.column, item.table, item.row, str(place)))
    return tuple(placed)


def _layout_of(doc: Document, section: Section, source_format: str | None, reading: Reading | None,
               prior: str | None = None) -> TableLayout:
    """detect_layout, but a document's section holding rows of a table it drew is read by them
    (reported as pdf-grid or docx-table), and one without (a borderless table in a PDF whose
    other tables are ruled) is told by its text like any report's."""
    if reading is not None and source_format == HTML:
        if reading.has_table_rows(section.start, section.stop):
            return TableLayout(HTML, reading.layout, reading.evidence)
        source_format = None
    return detect_layout(doc, section, source_format, prior)


def _layouts(doc: Document, sections: dict[str, Section], source_format: str | None,
             reading: Reading | None = None) -> dict:
    """Each table's layout. A table whose own lines cannot tell (a short one with a split header
    reads as linear) is detected again knowing the format the report's other tables have."""
    layouts = {spec.key: _layout_of(doc, sections[spec.numeral], source_format, reading)
               for spec in TABLES if spec.numeral in sections}
    follow_reading_order(layouts, lambda: "三" in sections and rows_printed_whole(doc, sections["三"]))
    formats = [layout.format for layout in layouts.values() if layout.format != LINEAR_CELL]
    if formats and len(formats) < len(layouts):
        prior = max(formats, key=formats.count)  # the most common; of equals, the first met
        for spec in TABLES:
            if spec.key in layouts and layouts[spec.key].format == LINEAR_CELL:
                layouts[spec.key] = _layout_of(doc, sections[spec.numeral], source_format, reading, prior)
    return layouts


def _report_repeats(headings: list[tuple[str, int]], diagnostics: Diagnostics) -> None:
    for numeral in "二三四":
        lines = [index + 1 for n, index in headings if n == numeral]
        if len(lines) > 1:
            diagnostics.warning("repeated-section", f"section {numeral} appears {len(lines)} times "
                                f"(lines {', '.join(map(str, lines[:5]))}{', …' if len(lines) > 5 else ''}); "
                                "the first is read", lines[1])


def _bounded(sections: dict[str, Section], diagnostics: Diagnostics) -> dict[str, Section]:
    """Table sections cut to MAX_TABLE_LINES, so no stage pays for an endless section."""
    bounded = dict(sections)
    for numeral in "二三四":
        section = sections.get(numeral)
        if section is not None and section.stop - section.start > MAX_TABLE_LINES:
            diagnostics.warning("table-too-long", f"section {numeral} has {section.stop - section.start} "
                                f"lines; only the first {MAX_TABLE_LINES} are read", section.heading + 1)
            bounded[numeral] = Section(numeral, section.heading, section.start, section.start + MAX_TABLE_LINES)
    return bounded


def _document(text: str, diagnostics: Diagnostics) -> tuple[Document, str | None]:
    """The report as lines: the text itself, or the lines of an HTML page."""
    if looks_like_html(text):
        converted = html_to_lines(text)
        if converted is not None:
            return Document.from_lines(*converted), HTML
        diagnostics.warning("html", "looks like HTML but no document could be parsed; read as text")
    return Document(text), None


def _regions(doc: Document, sections: dict[str, Section]) -> dict[str, tuple[Section, str]]:
    """Each table's lines and how they were found: below its heading, or, where the text has
    no heading for it, by the labels it holds (govparse.locate)."""
    regions = {spec.numeral: (sections[spec.numeral], FOUND_BY_HEADING) for spec in TABLES
               if spec.numeral in sections}
    missing = [spec.numeral for spec in TABLES if spec.numeral not in regions]
    if missing:
        taken = [region for region, _ in regions.values()]
        for numeral, region in locate_by_labels(doc, TABLE_GRAMMARS, missing, taken).items():
            regions[numeral] = (region, FOUND_BY_LABELS)
    return regions


def _has_labels(trace: TableTrace) -> bool:
    return any(token.type != UNKNOWN and token.type != VALUES for token in trace.tokens)


def _has_values(table: object) -> bool:
    """Whether a table model holds a value (a row read), in any of its rows."""
    if table is None:
        return False
    for field in dataclasses.fields(table):  # type: ignore[arg-type]
        value = getattr(table, field.name)
        if _has_values(value) if dataclasses.is_dataclass(value) else value is not None:
            return True
    return False


def _read_table(spec: TableSpec, doc: Document, section: Section | None, found_by: str, diagnostics: Diagnostics,
                sources: Sources, edition: str, evidence: str, layout, clock, told: bool = True):
    if section is None:
        diagnostics.error("table-missing", f"{spec.key}: neither the heading of section {spec.numeral} nor the "
                          "table's labels found; table is null", table=spec.key)
        return None, TableTrace(spec.key, None, None, "", None)
    grammar_name = spec.grammars.get(edition)
    if grammar_name is None:
        diagnostics.error("edition-unsupported",
                          f"{spec.key}: the {edition} edition of this table is not read yet; table is null",
                          section.heading + 1)
        return None, TableTrace(spec.key, section, edition, evidence, layout, found_by=found_by)

    cells, furniture = read_table(doc, section, layout)
    rechecked = recheck_in_cells(spec.numeral, edition, (cell.text for cell in cells), told)
    if rechecked is not None:
        edition, evidence = rechecked.edition, rechecked.evidence
        grammar_name = spec.grammars[edition]
    for item in [item for item in furniture if item.kind == MOVED_VALUES][:MAX_CELL_NOTES]:
        diagnostics.add(WARNING, "reading-order", f"{spec.key}: {item.text}", item.line, table=spec.key)
    for item in [item for item in furniture if item.kind != MOVED_VALUES][:MAX_CELL_NOTES]:
        diagnostics.add(INFO, "page-furniture", f"{spec.key}: {item.kind} {item.text[:40]!r} inside the table "
                        "skipped", item.line, table=spec.key)
    clock.lap("cells")
    if len(cells) > MAX_TABLE_CELLS:
        diagnostics.warning("table-too-long", f"{spec.key}: {len(cells)} cells; only the first "
                            f"{MAX_TABLE_CELLS} are read", cells[MAX_TABLE_CELLS].line)
        del cells[MAX_TABLE_CELLS:]
    lexed = lex(cells, labels_for(grammar_name))
    clock.lap("labels")
    if lexed.joined:
        layout = layout.with_split_header(tuple(
            f"{'+'.join(c.text for c in token.cells)}@{token.line}" for token in lexed.joined))
    trace = TableTrace(spec.key, section, edition, evidence, layout, tuple(cells), tuple(lexed.tokens),
                       grammar_name, found_by, edition_in_cells=rechecked is not None)
    for token, printed, statutory, how in lexed.variants[:MAX_CELL_NOTES]:
        # a unit of money other than the label's may mean figures in another unit: a warning
        level = WARNING if UNIT in how else INFO
        diagnostics.add(level, "label-variant", f"{spec.key}: {printed[:60]!r} read as {statutory!r} ({how})",
                        token.line, token.column, table=spec.key)
    if not any(token.type != UNKNOWN for token in lexed.tokens):
        diagnostics.error("table-missing", f"{spec.key}: no label or value in section {spec.numeral}; "
                          "table is null", section.heading + 1)
        return None, trace
    # cells run together: crawler text, and text placed by x where two cells print close (pypdf's layout mode)
    glued = layout.format == RUN_TOGETHER or layout.style == X_POSITIONED
    glued_by_x = _once(lambda: placed_by_x(doc.texts(section.start, section.stop))) \
        if layout.format == SPACE_DELIMITED else None
    ctx = BuildContext(spec.key, diagnostics, sources, section.heading + 1, glued=glued,
                       reading_order=layout.style == READING_ORDER,
                       set_aside=frozenset([item.line for item in furniture if item.kind == MOVED_VALUES]),
                       linear=layout.format == LINEAR_CELL, page_lines=layout.style == PDF_LINES,
                       table_starts=markdown_table_starts(doc, section) if layout.style == MARKDOWN else (),
                       detector_grid=layout.style == MARKDOWN,
                       wrapping=layout.format in (SPACE_DELIMITED, SPACE_ALIGNED) or layout.style == PDF_LINES
                       or layout.style == MARKDOWN, glued_by_x=glued_by_x, glue_shown=layout.format != RUN_TOGETHER)
    table = spec.read(ctx, lexed.tokens, load(grammar_name), spec.models[edition])
    clock.lap("rows")
    return table, trace


def _once(ask: Callable[[], bool]) -> Callable[[], bool]:
    """``ask``, answered the first time it is asked and remembered."""
    answers: list[bool] = []

    def answer() -> bool:
        if not answers:
            answers.append(ask())
        return answers[0]
    return answer


def parse_file(path, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Result:
    """Read and parse one report file; an oversized file is refused before it is read."""
    try:
        with open(path, "rb") as handle:
            _check_size(os.fstat(handle.fileno()).st_size, max_bytes)
            data = handle.read()
    except OSError as error:
        raise GovparseError(f"cannot read {path}: {error.strerror or error}") from error
    return parse(data, max_bytes=max_bytes)
