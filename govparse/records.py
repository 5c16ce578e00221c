"""One report as an output record: a jsonl line, csv rows, or a parquet row.

``govparse parse`` and ``govparse batch`` write the same records, so a file
parsed alone and the same file in a batch give the same output.

- jsonl: ``{"file":…,"ok":true,"error":null,…}`` followed by the SPEC §7
  document (plus ``encoding``), as one UTF-8 line; a file that could not be
  read is ``{"file":…,"ok":false,"error":"…"}``. JSON is written by msgspec:
  measured against orjson and the standard library on the benchmark corpus
  (benchmarks/bench_batch.py), it is as fast as orjson (both about 20x the
  standard encoder) and writes ``Decimal`` money and integers of any size
  exactly, which orjson cannot without a Python callback (and not at all past
  64 bits).
  The jsonl record also says where each value was read: ``lines`` (table ->
  row -> column -> source line, as the tables are nested) and, for a PDF or
  DOCX, ``places`` (the same keys -> "page 4, table 1, row 5, cell 3"; empty
  for text).
- csv: long format, ``file, table, row, column, value, line``. Every file has
  rows of table ``report`` (ok, error, edition, layout, encoding, findings,
  diagnostics, and the meta fields under row ``meta``), so a file whose tables
  are all null, or that failed, is still in the output; then one row per value
  of each table found, with the source line of its cell (a PDF's or DOCX's
  place is in the jsonl record and the cells form, not here: the csv's columns
  stay those of earlier outputs, which resume reads).
- parquet: one row per file: the report fields above as columns, and the whole
  document as JSON text in ``document``.
- cells: the csv's long form as Arrow columns (CELL_COLUMNS: ``report, agency,
  year, table, row, column, value, line, place``, ``agency`` the agency's key)
  for a Parquet dataset partitioned by year (govparse.batch writes it;
  govparse.dask makes the same rows).

Money is written exactly (``Decimal`` in fixed notation), a null value as an
empty csv field.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any, NamedTuple

import msgspec

from .audit.names import agency_key
from .documents import place_at
from .result import TABLE_KEYS, Result

JSONL = "jsonl"
CSV = "csv"
PARQUET = "parquet"
CELLS = "cells"
FORMATS = (JSONL, CSV, PARQUET, CELLS)

CSV_HEADER = ("file", "table", "row", "column", "value", "line")
REPORT_TABLE = "report"
META_FIELDS = ("title", "agency", "year", "published")
# parquet columns and their arrow type names (govparse.batch builds the schema)
PARQUET_COLUMNS = (
    ("file", "string"), ("ok", "bool_"), ("error", "string"), ("edition", "string"),
    ("layout", "string"), ("encoding", "string"), ("title", "string"), ("agency", "string"),
    ("year", "int32"), ("published", "string"), ("findings", "int32"), ("diagnostics", "int32"),
    ("document", "string"),
)
# the long form, one row per cell, and the arrow type of each column; ``year`` is the
# partition a Parquet dataset keeps in its folder names (year=2023/)
CELL_COLUMNS = (
    ("report", "string"), ("agency", "string"), ("year", "int32"), ("table", "string"), ("row", "string"),
    ("column", "string"), ("value", "string"), ("line", "int32"), ("place", "string"),
)


class Record(NamedTuple):
    """What a worker hands back for one file: the payload in one format, and counts. A named tuple:
    the main process unpickles one per file, and a tuple's unpickling is the cheapest."""

    file: str
    ok: bool
    findings: int  # failed identity checks
    payload: Any  # bytes (a jsonl line), csv rows (bytes once finished for batch), dict (parquet),
    # or (year, cell rows) (cells; an arrow record batch once finished for batch)
    error: str | None = None  # why the file could not be parsed


_JSON = msgspec.json.Encoder(decimal_format="number")


def json_bytes(document: dict) -> bytes:
    """Compact UTF-8 JSON; Decimal money as exact JSON numbers."""
    return _JSON.encode(document)


def csv_bytes(rows) -> bytes:
    """Rows as CSV text in UTF-8, as ``csv.writer`` writes them by default (CRLF line ends)."""
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return text.getvalue().encode("utf-8")


def document(file: str, result: Result) -> dict:
    """The jsonl record of a parsed file: file and ok first, then the SPEC §7 document, then where
    each value was read (``lines``, and ``places`` in a PDF or DOCX)."""
    lines, places = source_maps(result)
    return {"file": file, "ok": True, "error": None, **result.to_dict(), "lines": lines, "places": places}


def source_maps(result: Result) -> tuple[dict, dict]:
    """(lines, places), nested as the tables are: table -> row -> column -> source line, and for a
    PDF or DOCX -> its place as text ("page 4, table 1, row 5, cell 3")."""
    lines: dict[str, dict[str, dict[str, int]]] = {}
    places: dict[str, dict[str, dict[str, str]]] = {}
    reading = result.document
    for (table, row, column), (line, start) in result.sources.items():
        lines.setdefault(table, {}).setdefault(row, {})[column] = line
        if reading is not None:
            place = place_at(reading.places, line, start)
            if place is not None:
                places.setdefault(table, {}).setdefault(row, {})[column] = str(place)
    return lines, places


def failure_document(file: str, error: str) -> dict:
    return {"file": file, "ok": False, "error": error}


def _text(value) -> str | None:
    """A value as exact text (None stays None): counts and money share the value column."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


# (table, row, column, value as text or None, source line or None, place in a PDF or DOCX or None)
Cell = tuple[str, str, str, "str | None", "int | None", "str | None"]


def _report_cells(fields: dict) -> list[Cell]:
    return [(REPORT_TABLE, "meta" if name in META_FIELDS else "", name, _text(value), None, None)
            for name, value in fields.items()]


def cells(result: Result) -> list[Cell]:
    """The long form of a parsed file: its report fields, then one cell per value with its source
    line (and its place, in a PDF or DOCX)."""
    plain = result.to_dict()
    found = _report_cells(_report_fields(result, plain))
    for table in TABLE_KEYS:
        for row, columns in (plain[table] or {}).items():
            for column, value in columns.items():
                source = result.source_of(table, row, column)
                place = None if source is None or source.place is None else str(source.place)
                found.append((table, row, column, _text(value), source[0] if source else None, place))
    return found


def failure_cells(error: str) -> list[Cell]:
    return _report_cells({"ok": False, "error": error})


def _csv(file: str, found: list[Cell]) -> list[list[str]]:
    return [[file, table, row, column, "" if value is None else value, "" if line is None else str(line)]
            for table, row, column, value, line, _ in found]


def csv_rows(file: str, result: Result) -> list[list[str]]:
    """Long-format rows of a parsed file."""
    return _csv(file, cells(result))


def failure_csv_rows(file: str, error: str) -> list[list[str]]:
    return _csv(file, failure_cells(error))


def _report_fields(result: Result, plain: dict) -> dict:
    return {
        "ok": True, "error": None, "edition": result.edition, "layout": result.layout,
        "encoding": result.encoding, **plain["meta"],
        "findings": len(result.findings), "diagnostics": len(result.diagnostics),
    }


def parquet_row(file: str, result: Result) -> dict:
    plain = result.to_dict()
    return {"file": file, **_report_fields(result, plain), "document": json_bytes(plain).decode("utf-8")}


def failure_parquet_row(file: str, error: str) -> dict:
    row = dict.fromkeys(name for name, _ in PARQUET_COLUMNS)
    row.update(file=file, ok=False, error=error)
    return row


def jsonl_line(file: str, result: Result) -> bytes:
    """One newline-terminated line."""
    return json_bytes(document(file, result)) + b"\n"


def failure_jsonl_line(file: str, error: str) -> bytes:
    return json_bytes(failure_document(file, error)) + b"\n"


# a cells payload: (year, rows), each row the CELL_COLUMNS values of one cell
CellRows = tuple["int | None", list[tuple]]


def cell_rows(file: str, result: Result) -> CellRows:
    """The long form of a parsed file, each cell with its report, agency and year. The agency is
    the key of the printed name by govparse.audit.names' rules (traditional characters, 人民政府 and
    办公室 off), so one agency's years group together; the printed name is the value of the row
    ``report, meta, agency``. Joining a county-prefixed name to the bare one needs the whole corpus:
    ``govparse audit`` does that, and its alias file."""
    meta = result.meta
    agency = agency_key(meta.agency)
    return meta.year, [(file, agency, meta.year, *cell) for cell in cells(result)]


def failure_cell_rows(file: str, error: str) -> CellRows:
    return None, [(file, None, None, *cell) for cell in failure_cells(error)]


# format -> (payload of a parsed file, payload of a failed one)
_ENCODERS = {
    JSONL: (jsonl_line, failure_jsonl_line),
    CSV: (csv_rows, failure_csv_rows),
    PARQUET: (parquet_row, failure_parquet_row),
    CELLS: (cell_rows, failure_cell_rows),
}


def utf8_text(text: str) -> str:
    """Text UTF-8 can hold: the undecodable bytes of a file name (surrogate escapes) as ``\\xNN``."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def encode(fmt: str, file: str, result: Result) -> Record:
    """The record of a parsed file in ``fmt``; ``file`` as utf8_text gives it."""
    file = utf8_text(file)
    return Record(file, True, len(result.findings), _ENCODERS[fmt][0](file, result))


def encode_failure(fmt: str, file: str, error: str) -> Record:
    """The record of a file that could not be parsed, in ``fmt``."""
    file, error = utf8_text(file), utf8_text(error)
    return Record(file, False, 0, _ENCODERS[fmt][1](file, error), error)
