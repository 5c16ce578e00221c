"""``govparse batch``: many reports, in parallel, one record per file, written as they come.

- Inputs: a directory (every regular file below it, hidden ones excepted, in
  sorted order) or a glob (``reports/**/*.txt``; recursive ``**`` allowed).
- Work: a govparse.pool.Pool of processes; each worker builds the table parsers
  once (``warm``), reads its own files and turns each into its finished output
  record: the bytes of its jsonl line or csv rows (govparse.records), the row
  of a parquet file. Files go to the workers in chunks of some 50 ms of work and
  come back a chunk to a message, so the main process, which only writes the
  records, wakes a few dozen times a second, not once a file. Measured
  (benchmarks/bench_batch.py), it spends 3 to 6 % of a record's parse on each
  record, most of it the system's write of OUT, and the workers wait for work
  well under 1 % of their time.
- No file is lost: a file that cannot be read, a parser exception, a worker
  that dies on a file and a file that runs past ``timeout`` each become a
  record with ``ok: false`` and the error.
- Output is written to a temporary file beside OUT and renamed over OUT at the
  end, also when the run is interrupted (SIGINT, SIGTERM): OUT then holds every
  record the workers have sent back, whole, and ``resume`` continues from it.
  Files in flight at the interrupt (each worker's chunks not yet answered) are
  not written, so a resumed run does them.
- ``resume`` copies OUT's records into the new output first and skips the
  files they name (failed ones included). A record that is not ours stops the
  run rather than being dropped.
- ``cells``: the long form (one row per cell, records.CELL_COLUMNS) as a
  Parquet dataset partitioned by year: OUT is a folder of
  ``year=2023/part-0.parquet`` files (``year=__HIVE_DEFAULT_PARTITION__`` for a
  report whose year is unknown, and for failed files), which DuckDB and pyarrow
  read as one table with ``year`` from the folder names. Each worker turns its
  file's cells into an Arrow record batch; the main process only writes them.
  The folder is made beside OUT and renamed over it at the end, as the files
  are; an OUT that exists and is not such a folder is refused, never replaced.
- Memory stays flat over any number of files: records are written the moment
  they arrive; what is kept is the list of input paths and, with resume, the
  set of files already done. Parquet rows are buffered PARQUET_ROW_GROUP at a
  time, cells CELLS_ROW_GROUP rows per year (and CELLS_BUFFERED in all).
"""

from __future__ import annotations

import csv
import glob
import json
import os
import shutil
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

import regex

from . import records
from .errors import GovparseError
from .pipeline import labels_for, parse_file
from .pool import Pool, PoolError, PoolStats, describe_error
from .records import CELL_COLUMNS, CELLS, CSV, CSV_HEADER, JSONL, PARQUET, PARQUET_COLUMNS, Record
from .normalize import translate
from .tables import TABLES

PARQUET_ROW_GROUP = 1024
CELLS_ROW_GROUP = 1 << 16  # rows of the cell form written at once to a year's file (some 150 reports)
CELLS_BUFFERED = 1 << 18  # rows of the cell form held over all years before every year is written
PARTITION = "year"
NO_YEAR = "__HIVE_DEFAULT_PARTITION__"  # the folder of a null year, as Hive, pyarrow and DuckDB name it
CELLS_PART = "part-0.parquet"
WRITE_BUFFER = 1 << 16  # bytes gathered before a write to OUT: a few records
DEFAULT_TIMEOUT = 120.0
PARQUET_MISSING = "--format parquet needs pyarrow: pip install 'govparse[parquet]'"
DASK_MISSING = "--scheduler needs Dask: pip install 'govparse[dask]'"
_GLOB_CHARS = frozenset("*?[")
# the start of a jsonl record, compact (msgspec) or with spaces (the json module, before)
_JSONL_RECORD = regex.compile(rb'^\{"file": ?("(?:[^"\\]|\\.)*"), ?"ok": ?(?:true|false), ?')


class BatchError(Exception):
    """A batch that cannot run: no inputs, an output that cannot be written or resumed."""


# --- the work, in each worker process -------------------------------------------------

def warm() -> None:
    """Build every table parser and the character table once, before the first file."""
    translate("")
    for spec in TABLES:
        for grammar in set(spec.grammars.values()):
            labels_for(grammar)


def process(path: str, fmt: str) -> Record:
    """One input file to its finished output record; a file that cannot be read is a failed record."""
    try:
        result = parse_file(path)
    except GovparseError as error:
        return failed(fmt, path, str(error))
    return SINKS[fmt].finish(records.encode(fmt, path, result))


def failed(fmt: str, path: str, error: str) -> Record:
    """The finished record of a file that could not be parsed."""
    return SINKS[fmt].finish(records.encode_failure(fmt, path, error))


def process_each(paths: list[str], fmt: str, work: Callable[[str], Record]) -> list[Record]:
    """Many files in one task (a Dask cluster's unit of work): an exception is that file's failed record."""
    done = []
    for path in paths:
        try:
            done.append(work(path))
        except Exception as error:  # noqa: BLE001 - a failed file is data, as in the local pool
            done.append(failed(fmt, path, describe_error(error)))
    return done


# --- inputs --------------------------------------------------------------------------

def find_inputs(source: str, exclude: tuple[Path, ...] = ()) -> list[str]:
    """Files named by a directory or a glob, sorted; ``exclude`` (the output, a file or a folder)
    left out, with what is below it."""
    if os.path.isdir(source):
        found = []
        for top, dirs, files in os.walk(source):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(os.path.join(top, name) for name in sorted(files) if not name.startswith("."))
    elif _GLOB_CHARS & set(source):
        found = sorted(glob.glob(source, recursive=True))
    else:
        found = [source]
    outside = _Outside(exclude)
    inputs = [p for p in found if outside.keeps(p)]
    if not inputs:
        what = "no such file or directory" if not os.path.exists(source) and not _GLOB_CHARS & set(source) \
            else "no files found"
        raise BatchError(f"{what}: {source}")
    return inputs


class _Outside:
    """Which paths are regular files neither one of ``places`` nor below one. A file is known by
    its identity (device, inode), a folder by its real path, found once per folder: a real path
    per file (a system call per part of the path) was most of the main process's time at 10^5
    inputs."""

    def __init__(self, places: tuple[Path, ...]) -> None:
        self.places = {os.path.realpath(p) for p in places}
        self.below = tuple(place + os.sep for place in self.places)
        self.identities = set()
        for place in places:
            try:
                found = os.stat(place)
            except OSError:
                continue
            self.identities.add((found.st_dev, found.st_ino))
        self.folders: dict[str, bool] = {}  # folder as found -> whether it is in places or below one

    def keeps(self, path: str) -> bool:
        try:
            found = os.stat(path)
        except OSError:
            return False
        if not stat.S_ISREG(found.st_mode) or (found.st_dev, found.st_ino) in self.identities:
            return False
        folder = os.path.dirname(path)
        inside = self.folders.get(folder)
        if inside is None:
            real = os.path.realpath(folder or os.curdir)
            inside = self.folders[folder] = real in self.places or real.startswith(self.below)
        return not inside


# --- output: one sink per format, written to a temporary file and renamed -------------------

class _Sink:
    """Writes records of one format to an open temporary file; reads back an OUT to resume.

    ``finish`` runs in the worker: it makes the record what ``write`` writes as it is.
    """

    def __init__(self, path: str) -> None:
        self.path = path

    @staticmethod
    def finish(record: Record) -> Record:
        return record

    def write(self, record: Record) -> None:
        raise NotImplementedError

    def copy(self, existing: Path) -> Iterator[str]:
        """Write ``existing``'s records into this output; yield the file each names."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class _BytesSink(_Sink):
    """Text formats: records arrive as their UTF-8 bytes."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.handle = open(path, "wb", buffering=WRITE_BUFFER)

    def write(self, record: Record) -> None:
        self.handle.write(record.payload)

    def close(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()


class _JsonlSink(_BytesSink):
    def copy(self, existing: Path) -> Iterator[str]:
        with open(existing, "rb") as lines:
            for number, line in enumerate(lines, 1):
                match = _JSONL_RECORD.match(line)
                if match is None or not line.rstrip(b"\r\n").endswith(b"}"):
                    raise BatchError(f"cannot resume: line {number} of {existing} is not a govparse jsonl record")
                line.decode("utf-8")  # a record that is not UTF-8 is not ours
                self.handle.write(line if line.endswith(b"\n") else line + b"\n")
                yield json.loads(match.group(1))


class _CsvSink(_BytesSink):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.handle.write(records.csv_bytes([CSV_HEADER]))

    @staticmethod
    def finish(record: Record) -> Record:
        return record._replace(payload=records.csv_bytes(record.payload))

    def copy(self, existing: Path) -> Iterator[str]:
        with open(existing, encoding="utf-8", newline="") as rows:
            reader = csv.reader(rows)
            if tuple(next(reader, ())) != CSV_HEADER:
                raise BatchError(f"cannot resume: {existing} does not start with the govparse csv header")
            last = None
            for row in reader:
                if len(row) != len(CSV_HEADER):
                    raise BatchError(f"cannot resume: line {reader.line_num} of {existing} "
                                     f"has {len(row)} fields, not {len(CSV_HEADER)}")
                self.handle.write(records.csv_bytes([row]))
                if row[0] != last:
                    last = row[0]
                    yield last


class _ParquetSink(_Sink):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        pa, pq = import_pyarrow()
        self.pa = pa
        self.schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in PARQUET_COLUMNS])
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: list[dict] = []

    def write(self, record: Record) -> None:
        self.rows.append(record.payload)
        if len(self.rows) >= PARQUET_ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows.clear()

    def copy(self, existing: Path) -> Iterator[str]:
        _, pq = import_pyarrow()
        try:
            source = pq.ParquetFile(existing)
        except Exception as error:  # noqa: BLE001 - pyarrow raises several kinds for a bad file
            raise BatchError(f"cannot resume: {existing} is not a parquet file ({error})") from error
        if source.schema_arrow.names != self.schema.names:
            raise BatchError(f"cannot resume: {existing} does not have the govparse batch columns")
        for index in range(source.num_row_groups):
            group = source.read_row_group(index).cast(self.schema)
            self.writer.write_table(group)
            yield from group.column("file").to_pylist()

    def close(self) -> None:
        self._flush()
        self.writer.close()


class _CellsSink(_Sink):
    """The cell form as a Parquet dataset: a folder per year, one file in each, written a row
    group at a time as the record batches the workers made arrive."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.pa, self.pq = import_pyarrow()
        self.schema = cells_schema()
        self.writers: dict[str, object] = {}  # partition folder -> its ParquetWriter
        self.batches: dict[str, list] = {}  # partition folder -> record batches not yet written
        self.rows: dict[str, int] = {}  # partition folder -> rows in its batches
        self.buffered = 0  # rows in all batches

    @staticmethod
    def finish(record: Record) -> Record:
        year, rows = record.payload
        pa, _ = import_pyarrow()
        schema = cells_schema()
        columns = [pa.array([row[index] for row in rows], type=schema.field(name).type)
                   for index, (name, _) in enumerate(CELL_COLUMNS) if name != PARTITION]
        return record._replace(payload=(partition_of(year), pa.RecordBatch.from_arrays(columns, schema=schema)))

    def write(self, record: Record) -> None:
        folder, batch = record.payload
        self.batches.setdefault(folder, []).append(batch)
        self.rows[folder] = self.rows.get(folder, 0) + batch.num_rows
        self.buffered += batch.num_rows
        if self.rows[folder] >= CELLS_ROW_GROUP:
            self._flush(folder)
        if self.buffered >= CELLS_BUFFERED:
            for waiting in list(self.batches):
                self._flush(waiting)

    def _flush(self, folder: str) -> None:
        batches = self.batches.pop(folder, None)
        self.buffered -= self.rows.pop(folder, 0)
        if batches:
            self._writer(folder).write_table(self.pa.Table.from_batches(batches, schema=self.schema))

    def _writer(self, folder: str):
        writer = self.writers.get(folder)
        if writer is None:
            os.mkdir(os.path.join(self.path, folder))
            writer = self.writers[folder] = self.pq.ParquetWriter(os.path.join(self.path, folder, CELLS_PART),
                                                                  self.schema)
        return writer

    def copy(self, existing: Path) -> Iterator[str]:
        for folder, file in cells_files(existing):
            try:
                source = self.pq.ParquetFile(file)
            except Exception as error:  # noqa: BLE001 - pyarrow raises several kinds for a bad file
                raise BatchError(f"cannot resume: {file} is not a parquet file ({error})") from error
            if source.schema_arrow.names != self.schema.names:
                raise BatchError(f"cannot resume: {file} does not have the govparse cell columns")
            last = None
            for index in range(source.num_row_groups):
                group = source.read_row_group(index).cast(self.schema)
                self._writer(folder).write_table(group)
                for report in group.column("report").to_pylist():
                    if report != last:
                        last = report
                        yield report

    def close(self) -> None:
        for folder in list(self.batches):
            self._flush(folder)
        for writer in self.writers.values():
            writer.close()


@cache
def cells_schema():
    """The arrow schema of the files of a cells dataset: CELL_COLUMNS but the partition."""
    pa, _ = import_pyarrow()
    return pa.schema([(name, getattr(pa, kind)()) for name, kind in CELL_COLUMNS if name != PARTITION])


def partition_of(year: int | None) -> str:
    return f"{PARTITION}={NO_YEAR if year is None else year}"


def cells_files(folder: Path) -> list[tuple[str, Path]]:
    """(partition folder, file) of each file of a cells dataset; a BatchError when ``folder`` holds
    anything else, so that replacing it can never remove what is not ours."""
    found = []
    for entry in sorted(os.listdir(folder)):
        inside = folder / entry
        if not (entry.startswith(f"{PARTITION}=") and inside.is_dir()):
            raise BatchError(f"{folder} is not a govparse cells folder ({entry} is not a {PARTITION}=… folder); "
                             "remove it or choose another OUT")
        for name in sorted(os.listdir(inside)):
            if name != CELLS_PART:
                raise BatchError(f"{folder} is not a govparse cells folder ({entry}/{name}); "
                                 "remove it or choose another OUT")
            found.append((entry, inside / name))
    return found


def import_pyarrow():
    """(pyarrow, pyarrow.parquet), or a BatchError saying how to get them."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as error:
        raise BatchError(PARQUET_MISSING) from error
    return pyarrow, pyarrow.parquet


SINKS: dict[str, type[_Sink]] = {JSONL: _JsonlSink, CSV: _CsvSink, PARQUET: _ParquetSink, CELLS: _CellsSink}


class AtomicOutput:
    """OUT written through a temporary file (a folder, for cells) in the same directory, renamed
    over OUT on commit."""

    def __init__(self, out: Path, fmt: str) -> None:
        self.out = out
        self.format = fmt
        self.folder = fmt == CELLS
        directory = out.parent if str(out.parent) else Path(".")
        if self.folder and out.exists():
            if not out.is_dir():
                raise BatchError(f"{out} is a file; --format cells writes a folder: choose another OUT")
            cells_files(out)  # refuses a folder that is not ours before anything is written
        try:
            if self.folder:
                self.temp = tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=directory)
            else:
                handle, self.temp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=directory)
                os.close(handle)
        except OSError as error:
            raise BatchError(f"cannot write {out}: {error.strerror or error}") from error
        try:
            self.sink = SINKS[fmt](self.temp)
        except BaseException:
            self._remove(self.temp)
            raise

    def _remove(self, path: str) -> None:
        if self.folder:
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)

    def resume(self) -> set[str]:
        """Copy OUT's records into the new output; the files they name."""
        if not self.out.exists():
            return set()
        try:
            return set(self.sink.copy(self.out))
        except IsADirectoryError as error:
            raise BatchError(f"cannot resume: {self.out} is a folder, not a {self.format} file") from error
        except (UnicodeDecodeError, csv.Error) as error:
            raise BatchError(f"cannot resume: {self.out} is not a govparse {self.format} file ({error})") from error

    def write(self, record: Record) -> None:
        self.sink.write(record)

    def commit(self) -> None:
        self.sink.close()
        mask = os.umask(0)
        os.umask(mask)
        if not self.folder:
            os.chmod(self.temp, 0o666 & ~mask)
            os.replace(self.temp, self.out)
            return
        os.chmod(self.temp, 0o777 & ~mask)
        if not self.out.exists():
            os.rename(self.temp, self.out)
            return
        cells_files(self.out)  # still ours
        old = tempfile.mkdtemp(prefix=f".{self.out.name}.", suffix=".old", dir=os.path.dirname(self.temp))
        os.rename(self.out, os.path.join(old, "out"))  # a folder cannot be renamed over a full one
        os.rename(self.temp, self.out)
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        try:
            self.sink.close()
        except Exception:  # noqa: BLE001 - the output is being thrown away
            pass
        try:
            self._remove(self.temp)
        except OSError:
            pass


# --- the run ---------------------------------------------------------------------------

@dataclass(slots=True)
class Summary:
    out: Path
    files: int = 0  # records written by this run
    ok: int = 0
    failed: int = 0
    findings: int = 0  # failed identity checks, over all files
    files_with_findings: int = 0
    skipped: int = 0  # already in OUT (resume)
    elapsed: float = 0.0
    interrupted: int | None = None  # the signal that stopped the run
    remaining: int = 0  # inputs not written because of the interrupt
    failures: list[tuple[str, str]] = field(default_factory=list)  # the first few (file, error)
    workers: PoolStats | None = None  # what the local worker processes did (idle, busy, CPU seconds)

    @property
    def rate(self) -> float:
        return self.files / self.elapsed if self.elapsed > 0 else 0.0

    def add(self, record: Record) -> None:
        self.files += 1
        if record.ok:
            self.ok += 1
        else:
            self.failed += 1
            if len(self.failures) < MAX_FAILURES_SHOWN:
                self.failures.append((record.file, record.error or ""))
        self.findings += record.findings
        self.files_with_findings += record.findings > 0

    def lines(self) -> list[str]:
        text = (f"files {self.files} · ok {self.ok} · failed {self.failed} · identity findings "
                f"{self.findings} (in {_files(self.files_with_findings)}) · {self.rate:.1f} reports/s")
        out = [text]
        if self.skipped:
            out.append(f"skipped {_files(self.skipped)} already in {self.out}")
        for file, error in self.failures:
            out.append(f"failed: {file}: {error}")
        if self.failed > len(self.failures):
            out.append(f"… and {self.failed - len(self.failures)} more failed (records with \"ok\": false)")
        if self.interrupted is not None:
            name = signal.Signals(self.interrupted).name
            out.append(f"interrupted by {name}: {self.out} holds the {_files(self.files)} done, {self.remaining} "
                       "not done; run again with --resume to finish")
        else:
            out.append(f"wrote {self.out}")
        return out


MAX_FAILURES_SHOWN = 5


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"


class _Interrupts:
    """SIGINT and SIGTERM set a flag instead of raising, so a record is never half written."""

    def __init__(self) -> None:
        self.signal: int | None = None
        self.saved: dict[int, object] = {}

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self.saved[signum] = signal.signal(signum, self._note)
        return self

    def _note(self, signum, frame) -> None:
        if self.signal is None:
            self.signal = signum

    def __exit__(self, *exc) -> None:
        for signum, handler in self.saved.items():
            signal.signal(signum, handler)

    def __call__(self) -> bool:
        return self.signal is not None


def run_batch(source: str, out: Path, *, fmt: str = JSONL, jobs: int | None = None, resume: bool = False,
              timeout: float | None = DEFAULT_TIMEOUT, progress=None,
              work: Callable[[str], Record] | None = None, scheduler: str | None = None) -> Summary:
    """Parse every input into OUT. ``progress(done, total)`` is called after each record.

    The records are made by local worker processes, or with ``scheduler`` (a Dask
    scheduler's address) by that cluster's workers (govparse.dask; no ``timeout`` there).
    """
    out = Path(out)
    inputs = find_inputs(source, exclude=(out,))
    output = AtomicOutput(out, fmt)
    summary = Summary(out)
    committed = False
    try:
        done = output.resume() if resume else set()
        todo = [path for path in inputs if records.utf8_text(path) not in done]
        summary.skipped = len(inputs) - len(todo)
        if progress is not None:
            progress(0, len(todo))
        started = time.perf_counter()
        with _Interrupts() as interrupts:
            if todo:
                work = work or partial(process, fmt=fmt)
                if scheduler is None:
                    pool = Pool(work, min(jobs or default_jobs(), len(todo)), init=warm, timeout=timeout,
                                stop=interrupts)
                    summary.workers = pool.stats
                    made = _local_records(pool, todo, fmt)
                else:
                    made = _cluster(scheduler)(todo, fmt, work, scheduler, stop=interrupts)
                for record in made:
                    output.write(record)
                    summary.add(record)
                    if progress is not None:
                        progress(summary.files, len(todo))
            summary.elapsed = time.perf_counter() - started
            summary.remaining = len(todo) - summary.files
            summary.interrupted = interrupts.signal if summary.remaining else None
            output.commit()
            committed = True
    except OSError as error:
        raise BatchError(f"cannot write {out}: {error.strerror or error}") from error
    except PoolError as error:
        raise BatchError(str(error)) from error
    finally:
        if not committed:
            output.discard()
    return summary


def _cluster(scheduler):
    """govparse.dask.cluster_records, or a BatchError saying how to get Dask."""
    try:
        from .dask import cluster_records
    except ImportError as error:
        raise BatchError(DASK_MISSING) from error
    return cluster_records


def _local_records(pool: Pool, todo: list[str], fmt: str) -> Iterator[Record]:
    """Records made by a pool of local worker processes, in the order they finish."""
    for outcome in pool.map(todo):
        yield outcome.value if outcome.ok else failed(fmt, outcome.task, outcome.error)


def default_jobs() -> int:
    """The cores this process may use: its CPU affinity, capped by a cgroup v2 CPU quota (containers)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, min(cores, _cgroup_cores() or cores))


def _cgroup_cores(path: str = "/sys/fs/cgroup/cpu.max",
                  v1: str = "/sys/fs/cgroup/cpu/cpu.cfs_quota_us") -> int | None:
    """A CPU quota as whole cores (rounded up): cgroup v2's ``quota period`` in cpu.max, else v1's
    cfs quota and period; None when there is none (no file, "max", -1, or a shape we do not know)."""
    try:
        with open(path, encoding="ascii") as handle:
            quota, period = handle.read().split()[:2]
    except (OSError, ValueError):
        try:
            with open(v1, encoding="ascii") as handle:
                quota = handle.read().strip()
            with open(os.path.join(os.path.dirname(v1), "cpu.cfs_period_us"), encoding="ascii") as handle:
                period = handle.read().strip()
        except OSError:
            return None
    try:
        cores = -(-int(quota) // int(period))
    except (ValueError, ZeroDivisionError):
        return None
    return cores if cores > 0 else None
