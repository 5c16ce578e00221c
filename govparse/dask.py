"""govparse on Dask: a corpus bigger than one machine (``pip install 'govparse[dask]'``).

    >>> import govparse.dask as gd
    >>> records = gd.to_bag("s3://bucket/reports/**/*.txt")      # a bag of jsonl records (dicts)
    >>> cells = gd.to_dataframe("reports/*.txt")                   # the long cell form
    >>> gd.to_parquet("reports/*.txt", "cells.parquet/")           # one Parquet file per partition

- Inputs: a path, a glob (``**`` allowed) or a list of them, local or any fsspec
  URL (``s3://``, ``gcs://``, ``http://``…; ``storage_options`` go to fsspec).
- A record is what ``govparse batch`` writes as a jsonl line, as a dict (money
  as ``Decimal``): ``records.json_bytes(record)`` is that line, byte for byte.
- A file that cannot be read, or whose parse raises, is a record with
  ``ok: false`` and the error, never a failed computation.
- The cell form: one row per value, ``report, agency, year, table, row, column,
  value, line, place`` (records.CELL_COLUMNS, as ``govparse batch --format cells``
  writes it; ``place`` is the page, or table, row and cell, in a PDF or DOCX), with the report's own fields (ok, error, edition, layout,
  encoding, meta, findings, diagnostics) as rows of table ``report``, so a failed
  report is in it too. ``value`` is exact text, as in the csv form: counts and
  money share the column, and only text holds both exactly; convert with
  ``pandas.to_numeric`` where a float will do.
- ``govparse batch --scheduler ADDRESS`` (``cluster_records``) runs the batch on a
  distributed cluster: the workers make the finished records, the machine that
  runs the command writes OUT, and resume and Ctrl-C work as in a local batch.
  A worker that dies costs no report: Dask runs its tasks again elsewhere; a
  file that kills every worker it is given ends as a failed record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

try:
    import dask.bag as db
    import fsspec
except ImportError as error:  # pragma: no cover - the message is the point
    raise ImportError("govparse.dask needs Dask: pip install 'govparse[dask]'") from error

from . import records
from .batch import BatchError, failed, process_each
from .errors import GovparseError
from .pipeline import DEFAULT_MAX_BYTES, parse
from .pool import describe_error
from .records import Record

FILES_PER_PARTITION = 64
FILES_PER_TASK = 32  # batch --scheduler: files in one task (fewer round trips to the scheduler)
TASKS_PER_THREAD = 4  # batch --scheduler: tasks in flight per worker thread, so memory stays bounded
POLL = 0.2  # seconds between checks of stop() while waiting for the cluster
CELL_COLUMNS = tuple(name for name, _ in records.CELL_COLUMNS)
CELL_DTYPES = {name: "Int64" if kind.startswith("int") else "string" for name, kind in records.CELL_COLUMNS}


# --- inputs --------------------------------------------------------------------------

def expand(paths: str | Iterable[str], storage_options: dict | None = None) -> list[str]:
    """Files named by paths, directories (every file below, hidden ones excepted) and globs, local
    or fsspec URLs; sorted within each. Remote files keep their protocol, so workers can open them."""
    found: list[str] = []
    for pattern in [paths] if isinstance(paths, str) else list(paths):
        fs, _, matched = fsspec.core.get_fs_token_paths(pattern, storage_options=storage_options)
        for path in sorted(matched):
            below = sorted(fs.find(path)) if fs.isdir(path) else [path]
            found.extend(fs.unstrip_protocol(p) if "://" in pattern else p for p in below
                         if not any(part.startswith(".") for part in p[len(path):].split("/")))
    if not found:
        raise BatchError(f"no files found: {paths}")
    return found


# --- one file --------------------------------------------------------------------------

def read_parse(url: str, storage_options: dict | None = None):
    """Parse one file named by a path or URL; refuses a file over the size limit before reading it."""
    try:
        with fsspec.open(url, "rb", **(storage_options or {})) as handle:
            data = handle.read(DEFAULT_MAX_BYTES + 1)
    except (OSError, ValueError) as error:
        raise GovparseError(f"cannot read {url}: {getattr(error, 'strerror', None) or error}") from error
    return parse(data)


def parse_one(url: str, storage_options: dict | None = None) -> tuple[dict, list[tuple]]:
    """(record, cells) of one file: the jsonl record as a dict and its rows of the cell form."""
    name = records.utf8_text(url)
    try:
        result = read_parse(url, storage_options)
    except Exception as error:  # noqa: BLE001 - a failed file is a record
        message = records.utf8_text(str(error) if isinstance(error, GovparseError) else describe_error(error))
        return records.failure_document(name, message), records.failure_cell_rows(name, message)[1]
    return records.document(name, result), records.cell_rows(name, result)[1]


# --- bags, frames, parquet ---------------------------------------------------------------

def parsed_bag(paths: str | Iterable[str], *, storage_options: dict | None = None,
               files_per_partition: int = FILES_PER_PARTITION) -> db.Bag:
    """A bag of (record, cells) pairs, one per file: both forms from a single parse."""
    files = expand(paths, storage_options)
    partitions = max(1, -(-len(files) // files_per_partition))
    return db.from_sequence(files, npartitions=partitions).map(parse_one, storage_options=storage_options)


def to_bag(paths: str | Iterable[str] | db.Bag, **options) -> db.Bag:
    """A bag of records, one per file, equal to the jsonl records of ``govparse batch``."""
    parsed = paths if isinstance(paths, db.Bag) else parsed_bag(paths, **options)
    return parsed.pluck(0)


def to_dataframe(paths: str | Iterable[str] | db.Bag, **options):
    """A Dask DataFrame of the long cell form (CELL_COLUMNS), one partition per bag partition."""
    import pandas as pd

    parsed = paths if isinstance(paths, db.Bag) else parsed_bag(paths, **options)
    meta = pd.DataFrame({name: pd.Series(dtype=kind) for name, kind in CELL_DTYPES.items()})
    return parsed.pluck(1).map_partitions(_frame).to_dataframe(meta=meta)


def _frame(pairs: Iterable[list[tuple]]) -> list[dict]:
    return [dict(zip(CELL_COLUMNS, row)) for rows in pairs for row in rows]


def to_parquet(paths: str | Iterable[str] | db.Bag, out: str, *, partition_on: list[str] | None = None,
               storage_options: dict | None = None, **options) -> None:
    """Write the cell form as a Parquet dataset: one file per partition (or per ``partition_on`` value)."""
    frame = to_dataframe(paths, storage_options=storage_options, **options)
    frame.to_parquet(out, partition_on=partition_on, write_index=False, storage_options=storage_options)


# --- govparse batch --scheduler ------------------------------------------------------------

def cluster_records(todo: list[str], fmt: str, work: Callable[[str], Record], scheduler: Any, *,
                    stop: Callable[[], bool]) -> Iterator[Record]:
    """Finished records of ``todo`` made on a Dask cluster, in the order they finish.

    ``scheduler`` is an address or a ``distributed.Client``. Files go in tasks of
    FILES_PER_TASK, at most TASKS_PER_THREAD per worker thread in flight. A task
    whose workers kept dying (``KilledWorker``) is split into single files; a single
    file that still kills its worker is a failed record. ``stop()`` ends the run
    between results; unfinished files are not yielded.
    """
    from distributed import Client, KilledWorker, wait

    client = scheduler if isinstance(scheduler, Client) else _connect(scheduler)
    try:
        threads = max(1, sum(client.nthreads().values()))
        queue = [todo[i:i + FILES_PER_TASK] for i in range(0, len(todo), FILES_PER_TASK)]
        queue.reverse()  # popped from the end: first files first
        pending: dict = {}
        while queue or pending:
            while queue and len(pending) < threads * TASKS_PER_THREAD:
                chunk = queue.pop()
                pending[client.submit(process_each, chunk, fmt, work, pure=False)] = chunk
            if stop():
                client.cancel(list(pending))
                return
            try:
                finished = wait(list(pending), timeout=POLL, return_when="FIRST_COMPLETED").done
            except TimeoutError:
                continue
            for future in finished:
                chunk = pending.pop(future)
                try:
                    made = future.result()
                except KilledWorker as error:
                    if len(chunk) > 1:
                        queue.extend([path] for path in reversed(chunk))
                        continue
                    made = [failed(fmt, chunk[0], f"the worker process died on this file ({error})")]
                except Exception as error:  # noqa: BLE001 - the cluster, not a file: e.g. govparse missing there
                    raise BatchError(f"the Dask cluster failed: {describe_error(error)}") from error
                yield from made
    finally:
        if client is not scheduler:
            client.close()


def _connect(address: str):
    from distributed import Client

    try:
        return Client(address, timeout=30)
    except (OSError, TimeoutError, ValueError) as error:
        raise BatchError(f"cannot reach the Dask scheduler at {address}: {error}") from error

