"""Tables for pandas and DuckDB: every cell as a row, every finding as a row.

``to_frame(results)``: one row per cell of the tables found,
``report, agency, year, table, row, column, value, amount, line, place``, with
nullable columns: ``value`` (Int64) holds counts, ``amount`` (exact decimal)
holds money, ``line`` (Int64) is the cell's source line when known, ``place``
its page (or table, row and cell) in a PDF or DOCX. ``agency``
is the agency key the audit gives (names across years meet). pandas is an
optional extra (``pip install 'govparse[audit]'``).

``write_findings(path, findings)``: CSV, or Parquet (pyarrow) by the suffix.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..result import TABLE_KEYS
from .checks import FINDING_COLUMNS, Finding, as_entries, audit_entries

FRAME_COLUMNS = ("report", "agency", "year", "table", "row", "column", "value", "amount", "line", "place")
MONEY_SCALE = 6  # places of the decimal column: 万元 with up to six decimals


def _need(module: str, extra: str):
    try:
        return __import__(module)
    except ImportError:
        raise ImportError(f"{module} is needed for this: pip install 'govparse[{extra}]'") from None


def to_frame(results: Iterable[Any]):
    pd = _need("pandas", "audit")
    entries = as_entries(results)
    audit_entries(entries)
    columns: dict[str, list] = {name: [] for name in FRAME_COLUMNS}
    for entry in entries:
        for table in TABLE_KEYS:
            for row, cells in (entry.tables.get(table) or {}).items():
                for column, value in (cells or {}).items():
                    money = isinstance(value, (Decimal, float))
                    for name, item in zip(FRAME_COLUMNS, (
                            entry.report, entry.agency, entry.year, table, row, column,
                            None if money else value, Decimal(str(value)) if money else None,
                            entry.lines.get(f"{table}.{row}.{column}"),
                            entry.places.get(f"{table}.{row}.{column}"))):
                        columns[name].append(item)
    frame = pd.DataFrame({name: columns[name] for name in FRAME_COLUMNS if name != "amount"})
    for name in ("year", "value", "line"):
        frame[name] = frame[name].astype("Int64")
    for name in ("report", "agency", "table", "row", "column", "place"):
        frame[name] = frame[name].astype("string")
    frame.insert(FRAME_COLUMNS.index("amount"), "amount", _decimals(pd, columns["amount"]))
    return frame


def _decimals(pd, amounts: list):
    """Exact decimals, nullable: pyarrow's decimal128 when pyarrow is there, else Decimal objects."""
    try:
        import pyarrow as pa
    except ImportError:
        return pd.Series(amounts, dtype="object")
    quantum = Decimal(1).scaleb(-MONEY_SCALE)
    exact = [None if a is None else a.quantize(quantum) for a in amounts]
    return pd.Series(pa.array(exact, type=pa.decimal128(20, MONEY_SCALE)), dtype=pd.ArrowDtype(pa.decimal128(20, MONEY_SCALE)))


def write_findings(path: str | Path, findings: list[Finding]) -> Path:
    """One row per finding: CSV, or Parquet when the path ends in .parquet (needs pyarrow)."""
    path = Path(path)
    rows = [_row(finding) for finding in findings]
    if path.suffix.lower() == ".parquet":
        pa = _need("pyarrow", "parquet")
        import pyarrow.parquet as pq
        types = {"year": pa.int32(), "lhs": pa.int64(), "rhs": pa.int64(), "difference": pa.int64(),
                 "line": pa.int32()}
        schema = pa.schema([(name, types.get(name, pa.string())) for name in FINDING_COLUMNS])
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
        return path
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(FINDING_COLUMNS)
        writer.writerows([["" if row[name] is None else row[name] for name in FINDING_COLUMNS] for row in rows])
    return path


def _row(finding: Finding) -> dict:
    row = finding.to_dict()
    row["lhs_cells"] = " + ".join(row["lhs_cells"])
    row["rhs_cells"] = " + ".join(row["rhs_cells"])
    return row


def write_cells(folder: str | Path, results: Iterable[Any]) -> Path:
    """``to_frame`` as Parquet files under ``folder``, partitioned by year (``year=2023/…``), which
    DuckDB reads with ``read_parquet('folder/**/*.parquet', hive_partitioning = true)``."""
    _need("pyarrow", "audit")
    folder = Path(folder)
    frame = to_frame(results)
    # a report whose year is unknown goes under year=__HIVE_DEFAULT_PARTITION__, which reads as null,
    # as in ``govparse batch --format cells``
    frame.to_parquet(folder, partition_cols=["year"], index=False)
    return folder
