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
- csv: long format, ``file, table, row, column, value, line``. Every file has
  rows of table ``report`` (ok, error, edition, layout, encoding, findings,
  diagnostics, and the meta fields under row ``meta``), so a file whose tables
  are all null, or that failed, is still in the output; then one row per value
  of each table found, with the source line of its cell.
- parquet: one row per file: the report fields above as columns, and the whole
  document as JSON text in ``document``.

Money is written exactly (``Decimal`` in fixed notation), a null value as an
empty csv field.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import msgspec

from .result import TABLE_KEYS, Result

JSONL = "jsonl"
CSV = "csv"
PARQUET = "parquet"
FORMATS = (JSONL, CSV, PARQUET)

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


@dataclass(frozen=True, slots=True)
class Record:
    """What a worker hands back for one file: the payload in one format, and counts."""

    file: str
    ok: bool
    findings: int  # failed identity checks
    payload: Any  # bytes (a jsonl line), csv rows (bytes once finished for batch), or dict (parquet)
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
    """The jsonl record of a parsed file: file and ok first, then the SPEC §7 document."""
    return {"file": file, "ok": True, "error": None, **result.to_dict()}


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


# (table, row, column, value as text or None, source line or None)
Cell = tuple[str, str, str, "str | None", "int | None"]


def _report_cells(fields: dict) -> list[Cell]:
    return [(REPORT_TABLE, "meta" if name in META_FIELDS else "", name, _text(value), None)
            for name, value in fields.items()]


def cells(result: Result) -> list[Cell]:
    """The long form of a parsed file: its report fields, then one cell per value with its source line."""
    plain = result.to_dict()
    found = _report_cells(_report_fields(result, plain))
    for table in TABLE_KEYS:
        for row, columns in (plain[table] or {}).items():
            for column, value in columns.items():
                source = result.source_of(table, row, column)
                found.append((table, row, column, _text(value), source[0] if source else None))
    return found


def failure_cells(error: str) -> list[Cell]:
    return _report_cells({"ok": False, "error": error})


def _csv(file: str, found: list[Cell]) -> list[list[str]]:
    return [[file, table, row, column, "" if value is None else value, "" if line is None else str(line)]
            for table, row, column, value, line in found]


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


# format -> (payload of a parsed file, payload of a failed one)
_ENCODERS = {
    JSONL: (jsonl_line, failure_jsonl_line),
    CSV: (csv_rows, failure_csv_rows),
    PARQUET: (parquet_row, failure_parquet_row),
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
