"""``govparse dump``: how one report was read, stage by stage, for a terminal.

Stages, in pipeline order (``--stage`` picks some):

- ``detect``: encoding; per table the edition and the layout, each with its evidence;
- ``pages``: for a PDF or DOCX, every table as read from the document (each page's
  ruled grids, or the DOCX's table elements), row by row, and the page furniture left out;
- ``sections``: the headings found and the line range of each section;
- ``cells``: the canonical cell stream of each table, by source line;
- ``tree``: the grammar's parse tree over the label tokens in printed order, each
  leaf with its source line and text; tokens the grammar could not take where
  they stand (a row out of order or printed twice) are listed under it;
- ``rows``: how each table was found (below its heading, or by its labels) and
  every row that was out of order, printed twice, unknown, placed by a header
  in another order, or matched as a label variant;
- ``tables``: each table as a grid under its printed labels, nulls visible,
  cells of failing identities highlighted, and the findings below;
- ``diagnostics``: every diagnostic with the source line it points at.

Labels come from the grammars (the row rule ``regulations`` is printed by the
terminal ``REGULATIONS``), so they are written in one place only.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import regex
from lark import Token, Tree
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree as RichTree

from .decode import decode
from .diagnostics import ERROR, INFO, WARNING
from .documents import Reading
from .errors import GovparseError
from .grammar import TableGrammar, load
from .model import columns_of, rows_of
from .normalize import Document
from .pipeline import parse
from .result import TABLE_KEYS, Result, TableTrace
from .sections import locate_sections
from .tables import TABLES

STAGES = ("detect", "pages", "sections", "cells", "tree", "rows", "tables", "diagnostics")
# What the rows view lists: how rows and columns were told apart from the printed table.
ROW_EVENTS = ("row-order", "duplicate-row", "unknown-row", "stray-values", "lost-label", "column-order", "header-unread",
              "label-variant", "cell-count", "page-furniture", "ambiguous-digits", "split-by-identity",
              "subtotal-column")
NULL = "∅"  # a null value in a grid
BLANK = "␣"  # a blank cell in the cell stream
FAILING = "!"  # after a value in a failing identity (also red), visible without colour
LEVEL_STYLE = {ERROR: "bold red", WARNING: "yellow", INFO: "dim"}
SECTION_NAMES = {"二": "active_disclosure", "三": "applications", "四": "review_litigation"}
_SOURCE_WIDTH = 100
# a regex terminal printed as its shortest reading: optional groups dropped, classes as their first letter
_OPTIONAL = regex.compile(r"\([^()]*\)\?")
_CLASS = regex.compile(r"\[(.)[^\]]*\]")


def render(path: str | Path, stages: Sequence[str], console: Console) -> None:
    """Print the chosen stages of one report; GovparseError when it cannot be read."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise GovparseError(f"cannot read {path}: {error.strerror or error}") from error
    result = parse(data)
    reading = result.document  # a PDF or DOCX: its lines are what was read
    doc = Document.from_lines(list(reading.lines), list(range(1, len(reading.lines) + 1))) \
        if reading is not None else Document(decode(data).text)
    console.rule(f"[bold]{path}")
    views = {
        "detect": lambda: _detect(result),
        "pages": lambda: _pages(result.document),
        "sections": lambda: _sections(doc),
        "cells": lambda: _cells(result),
        "tree": lambda: _trees(result),
        "rows": lambda: _rows(result),
        "tables": lambda: _tables(result),
        "diagnostics": lambda: _diagnostics(result, doc),
    }
    for stage in STAGES:
        if stage in stages:
            console.print(Panel(views[stage](), title=f"[bold]{stage}", title_align="left"))


# --- detect ------------------------------------------------------------------------------

def _detect(result: Result) -> Group:
    grid = Table(box=None, show_header=False, pad_edge=False)
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold", style="italic")
    for key in TABLE_KEYS:
        trace = result.traces[key]
        layout = trace.layout
        grid.add_row(key, "found", trace.found_by or "-", "{}-{}".format(*trace.section.line_range)
                     if trace.section is not None else "not found")
        grid.add_row("", "edition", trace.edition or "-", trace.edition_evidence or "-")
        if layout is None:
            grid.add_row("", "layout", "-", "no section")
            continue
        split = f"; joined {', '.join(layout.split_labels)}" if layout.split_labels else ""
        grid.add_row("", "layout", f"{layout.name} ({layout.style})", layout.evidence + split)
    head = Text.assemble(("encoding ", "bold"), result.encoding, ("   edition ", "bold"), str(result.edition),
                         ("   layout ", "bold"), str(result.layout))
    return Group(head, grid)


# --- pages ------------------------------------------------------------------------------------

def _pages(reading: Reading | None) -> Group | Text:
    if reading is None:
        return Text("text, not a PDF or DOCX: no pages", style="dim")
    parts: list = [Text(reading.summary(), style="bold")]
    for note in reading.notes:
        parts.append(Text(note, style="yellow"))
    for grid in reading.grids:
        table = Table(title=grid.where, title_justify="left", title_style="bold cyan", show_header=False,
                      show_lines=True, pad_edge=False)
        table.add_column(style="dim", justify="right", no_wrap=True)
        for _ in range(grid.columns):
            table.add_column(overflow="fold", max_width=24)
        for number, cells in grid.rows:
            shown: list[Text] = [Text("")] * grid.columns
            for column, text in cells:
                if 1 <= column <= grid.columns:
                    shown[column - 1] = _cell_text(text)
            table.add_row(str(number), *shown)
        parts.append(table)
    if reading.furniture:
        shown = ", ".join(f"page {page}: {text!r}" for page, text in reading.furniture[:12])
        more = f" and {len(reading.furniture) - 12} more" if len(reading.furniture) > 12 else ""
        parts.append(Text(f"page furniture left out: {shown}{more}", style="dim"))
    return Group(*parts)


# --- sections -------------------------------------------------------------------------------

def _sections(doc: Document) -> Table:
    sections, headings = locate_sections(doc)
    grid = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("", "heading line", "body lines", "table", "heading"):
        grid.add_column(column, overflow="fold")
    for numeral, index in headings:
        section = sections[numeral]
        first = section.heading == index
        lines = "{}-{}".format(*section.line_range) if first else "repeated; not read"
        grid.add_row(numeral, str(index + 1), lines, SECTION_NAMES.get(numeral, "") if first else "",
                     Text(doc.raw_lines[index].strip()[:60], style="" if first else "dim"))
    if not headings:
        grid.add_row("-", "", "", "", Text("no section heading found", style="red"))
    return grid


# --- cells ------------------------------------------------------------------------------------

def _cell_text(text: str) -> Text:
    return Text(text) if text else Text(BLANK, style="dim")


def _cells(result: Result) -> Group:
    parts = []
    for key in TABLE_KEYS:
        cells = result.traces[key].cells
        parts.append(Text(f"{key}: {len(cells)} cells", style="bold"))
        by_line: dict[int, list] = {}
        for cell in cells:
            by_line.setdefault(cell.line, []).append(cell)
        grid = Table(box=None, show_header=False, pad_edge=False)
        grid.add_column(justify="right", style="cyan")
        grid.add_column(overflow="fold")
        for line, row in by_line.items():
            grid.add_row(str(line), Text(" ┆ ").join(_cell_text(c.text) for c in row))
        parts.append(grid)
    return Group(*parts)


# --- tree -------------------------------------------------------------------------------------

def _trees(result: Result) -> Group:
    parts = []
    for key in TABLE_KEYS:
        trace = result.traces[key]
        if trace.grammar is None or not trace.tokens:
            parts.append(Text(f"{key}: no tokens to parse", style="dim"))
            continue
        tree = load(trace.grammar).tree(tuple(t.type for t in trace.tokens))
        root = RichTree(Text(f"{key} ({trace.grammar}.lark, {len(trace.tokens)} tokens)", style="bold"))
        if isinstance(tree, str):
            root.add(Text(tree, style="red"))
        else:
            _branch(root, tree, trace)
        order = load(trace.grammar).order(tuple(t.type for t in trace.tokens))
        if order.skipped:
            aside = root.add(Text("not taken where they stand (read by their labels; see rows)", style="yellow"))
            for index in sorted(order.skipped):
                token = trace.tokens[index]
                aside.add(Text.assemble((token.type, "magenta"), (f" @{token.line} ", "cyan"), token.text[:70],
                                        (" (row-order)" if index in order.moved else "", "yellow")))
        parts.append(root)
    return Group(*parts)


def _rows(result: Result) -> Group:
    parts = []
    for key in TABLE_KEYS:
        trace = result.traces[key]
        where = "not found" if trace.section is None else \
            "found by {}, lines {}-{}".format(trace.found_by, *trace.section.line_range)
        parts.append(Text.assemble((key, "bold"), ": ", where))
        events = [d for d in result.diagnostics if d.table == key and d.code in ROW_EVENTS]
        for diagnostic in events:
            line = f"@{diagnostic.line} " if diagnostic.line else ""
            parts.append(Text.assemble(("  ", ""), (f"{diagnostic.code:<16}", LEVEL_STYLE.get(diagnostic.level, "")),
                                       (line, "cyan"), diagnostic.message.removeprefix(f"{key}: ")))
        if not events:
            parts.append(Text("  every row in order, once, under its statutory label and header", style="dim"))
    return Group(*parts)


def _branch(node: RichTree, tree: Tree, trace: TableTrace) -> None:
    for child in tree.children:
        if isinstance(child, Tree):
            _branch(node.add(Text(str(child.data), style="bold green")), child, trace)
        elif isinstance(child, Token):
            token = trace.tokens[int(child)]
            node.add(Text.assemble((child.type, "magenta"), (f" @{token.line} ", "cyan"), token.text[:70]))


# --- tables -----------------------------------------------------------------------------------

def printed_label(grammar: TableGrammar, terminal: str) -> str | None:
    """The label a terminal stands for, as printed on the form (None when there is no such terminal)."""
    for name, pattern, literal in grammar.label_terminals():
        if name == terminal:
            return pattern if literal else _CLASS.sub(r"\1", _OPTIONAL.sub("", pattern))
    return None


def _tables(result: Result) -> Group:
    failing = {cell for check in result.findings for cell in (*check.lhs_cells, *check.rhs_cells)}
    parts = []
    for spec in TABLES:
        table = result.table(spec.key)
        trace = result.traces[spec.key]
        if table is None:
            parts.append(Text(f"{spec.key}: null (see diagnostics)", style="bold red"))
            continue
        parts.append(_grid(spec.key, table, load(trace.grammar), failing))
        prefix = spec.key + "."
        for check in result.findings:
            if check.lhs_cells[0].startswith(prefix):
                lhs, rhs = (" + ".join(c.removeprefix(prefix) for c in cells)
                            for cells in (check.lhs_cells, check.rhs_cells))
                parts.append(Text(f"  {check.id} {check.scope} {check.name}: {lhs} = {check.lhs} ≠ {check.rhs} = "
                                  f"{rhs} (difference {check.difference:+d})", style="red"))
    checked = [c for c in result.checks if c.ok is not None]
    undecided = len(result.checks) - len(checked)
    parts.append(Text(f"{NULL} null (blank, null mark or unreadable cell) · {FAILING} (red) a cell of a failing "
                      "identity · "
                      f"{len(result.findings)} of {len(checked)} checks fail, {undecided} undecided (null cells)",
                      style="dim"))
    return Group(*parts)


def _grid(key: str, table, grammar: TableGrammar, failing: set[str]) -> Table:
    rows = rows_of(type(table))
    columns: list[str] = []
    for _, row_class in rows:
        columns.extend(c for c, _ in columns_of(row_class) if c not in columns)
    grid = Table(title=f"{key}", title_justify="left", title_style="bold", header_style="bold")
    grid.add_column("", overflow="fold", max_width=36)
    for column in columns:
        grid.add_column(printed_label(grammar, column.upper()) or column, justify="right", overflow="fold")
    for row_key, _ in rows:
        row = getattr(table, row_key)
        label = printed_label(grammar, row_key.upper()) or row_key
        cells = []
        for column in columns:
            if not hasattr(row, column):
                cells.append("")
                continue
            value = getattr(row, column)
            shown = NULL if value is None else format(value, "f") if isinstance(value, Decimal) else str(value)
            if f"{key}.{row_key}.{column}" in failing:
                cells.append(Text(shown + FAILING, style="bold red"))
            else:
                cells.append(Text(shown, style="yellow" if value is None else ""))
        grid.add_row(label, *cells)
    return grid


# --- diagnostics -----------------------------------------------------------------------------

def _diagnostics(result: Result, doc: Document) -> Group | Text:
    if not result.diagnostics:
        return Text("no diagnostics", style="dim")
    parts = []
    for diagnostic in result.diagnostics:
        where = f" line {diagnostic.line}" if diagnostic.line else ""
        if diagnostic.place:
            where += f" ({diagnostic.place})"
        parts.append(Text.assemble((f"{diagnostic.level:<7} ", LEVEL_STYLE.get(diagnostic.level, "")),
                                   (diagnostic.code, "bold"), (where, "cyan"), "  ", diagnostic.message))
        if diagnostic.line and diagnostic.line <= len(doc.raw_lines):
            source = doc.raw_lines[diagnostic.line - 1].rstrip()
            shown = source[:_SOURCE_WIDTH] + ("…" if len(source) > _SOURCE_WIDTH else "")
            parts.append(Text.assemble((f"    {diagnostic.line:>5} │ ", "cyan"),
                                       shown if shown.strip() else ("(blank line)", "dim italic")))
    return Group(*parts)
