"""The audit page: one self-contained HTML file for a person checking a corpus.

Everything is inline (style, script, data): the file opens from disk with no
network. The overview's rows are plain JSON, small enough for 10,000 reports;
each report's details (values, their source lines, findings, the text around
them) are gzip-compressed JSON in base64, opened only when that report is shown
(with the browser's DecompressionStream), which keeps the file a few kilobytes
a report. page.js draws both views; forms.py gives the tables' statutory form.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from ..result import TABLE_KEYS
from .checks import KINDS, Entry
from .forms import FORMS, TITLES, form_edition

CONTEXT_LINES = 4  # lines shown either side of a value's source line
MAX_CONTEXT_LINES = 2000  # lines of a report's text a page carries at most
MAX_LINE_CHARS = 240
# agency: the key the audit joins reports by (sorting by it puts an agency's years together);
# printed: the name as the report's title gives it
OVERVIEW_COLUMNS = ("id", "report", "agency", "printed", "year", "edition", "layout", "tables", "nulls",
                    *(f"kind:{kind}" for kind in KINDS), "findings", "search")
SHOWN = tuple(c for c in OVERVIEW_COLUMNS if c not in ("id", "printed", "search"))


def _plain(value):
    return format(value, "f") if isinstance(value, Decimal) else value


def _cells(entry: Entry) -> tuple[dict[str, Any], int, int]:
    """Every value of the tables found by "table.row.column", the tables found, and their null cells."""
    values: dict[str, Any] = {}
    found = nulls = 0
    for table in TABLE_KEYS:
        rows = entry.tables.get(table)
        if rows is None:
            continue
        found += 1
        for row, columns in rows.items():
            for column, value in (columns or {}).items():
                if value is None:
                    nulls += 1
                else:
                    values[f"{table}.{row}.{column}"] = _plain(value)
    return values, found, nulls


def overview_row(index: int, entry: Entry, found: int, nulls: int) -> list:
    kinds = Counter(f.kind for f in entry.findings)
    row = [index, entry.report, entry.agency, entry.agency_name, entry.year, entry.edition, entry.layout,
           found if entry.ok else None, nulls if entry.ok else None, *(kinds.get(kind, 0) for kind in KINDS),
           len(entry.findings)]
    search = " ".join(str(v) for v in (entry.report, entry.agency_name, entry.agency, entry.year, entry.edition,
                                       entry.layout) if v is not None)
    return [*row, search.lower()]


def _context(lines: list[str] | None, wanted: set[int]) -> list[list]:
    """The lines of the text around each wanted line (1-based), in order, bounded."""
    if not lines:
        return []
    around = sorted({n for line in wanted for n in range(line - CONTEXT_LINES, line + CONTEXT_LINES + 1)
                     if 1 <= n <= len(lines)})[:MAX_CONTEXT_LINES]
    return [[n, lines[n - 1][:MAX_LINE_CHARS]] for n in around]


def form_keys(table: str, edition: str) -> list[str]:
    """The value cells of a table's form, in the order the page reads a report's values."""
    return [cell["v"] for row in FORMS[f"{table}:{edition}"] for cell in row if "v" in cell]


def report_details(entry: Entry, values: dict[str, Any], text: str | None) -> str:
    """One report's details as base64 gzip JSON: each table's values and source lines as two lists
    in its form's order (the keys travel once, in the forms), findings, notes, the text around."""
    notes: dict[int, list[str]] = {}
    for diagnostic in entry.diagnostics:
        if diagnostic.get("line") and diagnostic.get("level") != "info":
            notes.setdefault(diagnostic["line"], []).append(f"{diagnostic.get('code')}: {diagnostic.get('message')}")
    forms = {t: form_edition(t, entry.tables.get(t), entry.edition) for t in TABLE_KEYS}
    tables = {}
    for table in TABLE_KEYS:
        if entry.tables.get(table) is not None:
            keys = form_keys(table, forms[table])
            tables[table] = [[values.get(key) for key in keys], [entry.lines.get(key) for key in keys]]
    wanted = set(entry.lines.values()) | {f.line for f in entry.findings if f.line} | set(notes)
    document = {
        "tables": tables, "forms": forms, "notes": notes, "findings": [f.to_dict() for f in entry.findings],
        "places": entry.places,
        "error": entry.error, "context": _context(text.splitlines() if text is not None else None, wanted),
    }
    raw = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=9, mtime=0)).decode("ascii")


def _script_json(value) -> str:
    """JSON safe inside <script>: no "</" can close the element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _asset(name: str) -> str:
    return resources.files("govparse.audit").joinpath(name).read_text(encoding="utf-8")


def render_page(entries: list[Entry], text_of: Callable[[Entry], str | None] = lambda entry: None,
                title: str = "govparse audit") -> str:
    """The page's HTML; ``text_of`` gives a report's text (for the lines around its values) or None."""
    rows, details = [], []
    for index, entry in enumerate(entries):
        values, found, nulls = _cells(entry)
        rows.append(overview_row(index, entry, found, nulls))
        details.append(report_details(entry, values, text_of(entry)))
    findings = sum(len(e.findings) for e in entries)
    overview = {"columns": OVERVIEW_COLUMNS, "shown": SHOWN, "kinds": KINDS, "rows": rows}
    blocks = "\n".join(f'<script type="application/json" id="data-{name}">{_script_json(value)}</script>'
                       for name, value in (("overview", overview), ("forms", FORMS), ("titles", TITLES),
                                           ("details", details)))
    escaped = title.replace("&", "&amp;").replace("<", "&lt;")
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{escaped}</title>
<style>{_asset("page.css")}</style></head>
<body>
<div id="overview">
<h1>{escaped}: {len(entries)} reports, {findings} findings</h1>
<div class="bar"><input id="filter" type="search" placeholder="filter: agency, year, file, layout…">
<select id="kind"><option value="">any finding kind</option></select>
<button id="prev">◀</button><button id="next">▶</button><span id="count"></span></div>
<table id="table"></table>
</div>
<div id="report" hidden></div>
{blocks}
<script>{_asset("page.js")}</script>
</body></html>
"""


def write_page(path: str | Path, entries: list[Entry], text_of: Callable[[Entry], str | None] = lambda entry: None,
               title: str = "govparse audit") -> Path:
    path = Path(path)
    path.write_text(render_page(entries, text_of, title), encoding="utf-8")
    return path
