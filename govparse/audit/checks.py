"""Findings about a corpus: each report's own, and those only a corpus shows.

A report's own findings come from its parse: the identities it breaks (S1, I1,
I2, I3) and the diagnostics an auditor acts on (a narrative figure that
contradicts table 三, a label printed in a variant form, a row not found). The
corpus adds two:

- X1 (SPEC §5): an agency's carried_over in year N equals its carried_forward in
  year N-1, per applicant column, for every agency with consecutive years;
- duplicate: two reports claim the same agency and year. X1 is not checked
  across such a year, since which report holds the agency's figures is the
  question the duplicate finding asks.

``Entry`` is one report as the audit sees it, made from a parsed ``Result`` or
from a record of ``govparse batch`` (JSON lines), so a corpus is parsed once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..model import APPLICANT_COLUMNS
from .. import records  # the module: records imports this package's names
from ..result import TABLE_KEYS, Result
from .names import Agencies

IDENTITY_KINDS = ("S1", "I1", "I2", "I3")
X1 = "X1"
NARRATIVE = "narrative"
LABEL_VARIANT = "label-variant"
MISSING_ROW = "missing-row"
DUPLICATE = "duplicate"
UNREADABLE = "unreadable"
# Every kind, in the order the overview shows them.
KINDS = (*IDENTITY_KINDS, X1, NARRATIVE, LABEL_VARIANT, MISSING_ROW, DUPLICATE, UNREADABLE)
# diagnostic code -> finding kind
DIAGNOSTIC_KINDS = {"narrative-mismatch": NARRATIVE, "label-variant": LABEL_VARIANT, "missing-row": MISSING_ROW}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an auditor should look at, with the cells it is about and the difference."""

    report: str
    agency: str | None  # the agency key
    year: int | None
    kind: str
    name: str  # the column, row or group checked, or the diagnostic's table.row
    message: str
    lhs_cells: tuple[str, ...] = ()  # "table.row.column", or "<report>:table.row.column" in another report
    rhs_cells: tuple[str, ...] = ()
    lhs: int | None = None
    rhs: int | None = None
    difference: int | None = None
    line: int | None = None  # the source line it points at, when known
    other: str | None = None  # the other report, for X1 and duplicate

    def to_dict(self) -> dict[str, Any]:
        return {"report": self.report, "agency": self.agency, "year": self.year, "kind": self.kind,
                "name": self.name, "message": self.message, "lhs_cells": list(self.lhs_cells),
                "rhs_cells": list(self.rhs_cells), "lhs": self.lhs, "rhs": self.rhs,
                "difference": self.difference, "line": self.line, "other": self.other}


FINDING_COLUMNS = ("report", "agency", "year", "kind", "name", "message", "lhs_cells", "rhs_cells", "lhs", "rhs",
                   "difference", "line", "other")


@dataclass(slots=True)
class Entry:
    """One report, as plain data: what the audit, the page and the frame read."""

    report: str
    ok: bool = True
    error: str | None = None
    title: str | None = None
    agency_name: str | None = None  # as printed
    agency: str | None = None  # the key (set by ``audit``)
    year: int | None = None
    edition: str | None = None
    layout: str | None = None
    tables: dict[str, Any] = field(default_factory=dict)  # table -> row -> column -> value (None: not found)
    checks: list[dict] = field(default_factory=list)  # Check.to_dict() of each check
    diagnostics: list[dict] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)  # "table.row.column" -> source line
    places: dict[str, str] = field(default_factory=dict)  # "table.row.column" -> its page or cell in a PDF or DOCX
    findings: list[Finding] = field(default_factory=list)

    def value(self, cell: str):
        table, row, column = cell.split(".")
        return ((self.tables.get(table) or {}).get(row) or {}).get(column)


def entry_from_result(report: str, result: Result) -> Entry:
    lines, places = records.source_maps(result)
    return _entry(report, result.to_dict(), _flat(lines), _flat(places))


def entry_from_record(record: Mapping[str, Any], number: int = 0) -> Entry:
    """An entry from a ``govparse batch`` JSON-lines record (or ``Result.to_dict()``)."""
    report = str(record.get("file") or f"report-{number}")
    if record.get("ok") is False:
        return Entry(report, ok=False, error=str(record.get("error")))
    return _entry(report, record, _flat(record.get("lines")), _flat(record.get("places")))


def _flat(nested: Any) -> dict[str, Any]:
    """table -> row -> column -> x (a record's ``lines`` and ``places``) as "table.row.column" -> x;
    anything else (an older record without them) as nothing."""
    if not isinstance(nested, Mapping):
        return {}
    return {f"{table}.{row}.{column}": value
            for table, rows in nested.items() if isinstance(rows, Mapping)
            for row, columns in rows.items() if isinstance(columns, Mapping)
            for column, value in columns.items()}


def _entry(report: str, document: Mapping[str, Any], lines: dict[str, int], places: dict[str, str]) -> Entry:
    meta = document.get("meta") or {}
    year = meta.get("year")
    return Entry(report, title=meta.get("title"), agency_name=meta.get("agency"),
                 year=year if isinstance(year, int) else None, edition=document.get("edition"),
                 layout=document.get("layout"), tables={key: document.get(key) for key in TABLE_KEYS},
                 checks=list(document.get("checks") or ()), diagnostics=list(document.get("diagnostics") or ()),
                 lines={key: line for key, line in lines.items() if isinstance(line, int)},
                 places={key: place for key, place in places.items() if isinstance(place, str)})


def as_entries(results: Iterable[Any]) -> list[Entry]:
    """Entries from what a user holds: Results, (name, Result) pairs, a {name: Result} mapping,
    batch records (dicts), or entries."""
    if isinstance(results, Mapping):
        results = results.items()
    entries = []
    for number, item in enumerate(results):
        name = None
        if isinstance(item, tuple) and len(item) == 2:
            name, item = str(item[0]), item[1]
        if isinstance(item, Entry):
            entries.append(item)
        elif isinstance(item, Result):
            entries.append(entry_from_result(name or f"report-{number}", item))
        elif isinstance(item, Mapping):
            entries.append(entry_from_record({"file": name, **item} if name else item, number))
        else:
            raise TypeError(f"cannot audit a {type(item).__name__}: give Results, batch records or (name, Result)")
    return entries


def audit_entries(entries: list[Entry], aliases: dict[str, str] | None = None) -> list[Finding]:
    """Set each entry's agency key and findings; every finding, report by report."""
    agencies = Agencies((e.agency_name for e in entries), aliases)
    for entry in entries:
        entry.agency = agencies.key(entry.agency_name)
        entry.findings = own_findings(entry)
    by_agency_year: dict[tuple[str, int], list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.ok and entry.agency is not None and entry.year is not None:
            by_agency_year[(entry.agency, entry.year)].append(entry)
    for (agency, year), claims in by_agency_year.items():
        if len(claims) > 1:
            for entry in claims:
                others = [e.report for e in claims if e is not entry]
                entry.findings.append(Finding(
                    entry.report, agency, year, DUPLICATE, "meta.agency",
                    f"{len(claims)} reports claim {agency} {year}: also {', '.join(others[:3])}"
                    + (" …" if len(others) > 3 else "") + "; X1 is not checked across this year",
                    other=others[0]))
            continue
        previous = by_agency_year.get((agency, year - 1))
        if previous is not None and len(previous) == 1:
            claims[0].findings.extend(x1_findings(claims[0], previous[0]))
    return [finding for entry in entries for finding in entry.findings]


def own_findings(entry: Entry) -> list[Finding]:
    """The findings a report's parse holds: failed identities and the diagnostics of DIAGNOSTIC_KINDS."""
    if not entry.ok:
        return [Finding(entry.report, entry.agency, entry.year, UNREADABLE, "report", entry.error or "unreadable")]
    found = []
    for check in entry.checks:
        if check.get("ok") is not False:
            continue
        name = str(check.get("column") or check.get("row") or check.get("group") or "")
        cells = check.get("cells") or {}
        lhs_cells, rhs_cells = tuple(cells.get("lhs", ())), tuple(cells.get("rhs", ()))
        lines = [entry.lines[c] for c in (*lhs_cells, *rhs_cells) if c in entry.lines]
        found.append(Finding(
            entry.report, entry.agency, entry.year, str(check["id"]), name,
            f"{check['id']} {name}: {check.get('lhs')} ≠ {check.get('rhs')}",
            lhs_cells, rhs_cells, check.get("lhs"), check.get("rhs"), check.get("difference"),
            min(lines) if lines else None))
    for diagnostic in entry.diagnostics:
        kind = DIAGNOSTIC_KINDS.get(diagnostic.get("code", ""))
        if kind is None:
            continue
        name = ".".join(str(p) for p in (diagnostic.get("table"), diagnostic.get("row")) if p) or "report"
        found.append(Finding(entry.report, entry.agency, entry.year, kind, name, str(diagnostic.get("message")),
                             line=diagnostic.get("line")))
    return found


def x1_findings(entry: Entry, previous: Entry) -> list[Finding]:
    """X1 per applicant column: this year's carried_over against last year's carried_forward."""
    found = []
    for column in APPLICANT_COLUMNS:
        this_cell, last_cell = f"applications.carried_over.{column}", f"applications.carried_forward.{column}"
        over, forward = entry.value(this_cell), previous.value(last_cell)
        if over is None or forward is None or over == forward:
            continue
        found.append(Finding(
            entry.report, entry.agency, entry.year, X1, column,
            f"X1 {column}: carried_over {entry.year} is {over}, carried_forward {previous.year} "
            f"in {previous.report} is {forward}",
            (this_cell,), (f"{previous.report}:{last_cell}",), over, forward, over - forward,
            entry.lines.get(this_cell), previous.report))
    return found
