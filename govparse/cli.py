"""The ``govparse`` command: a thin typer layer over the library.

    govparse parse report.txt                     # the SPEC §7 document as JSON
    govparse parse a.txt b.txt --format jsonl     # one record per line
    govparse parse report.txt --format csv        # long format: file,table,row,column,value,line
    govparse dump report.txt --stage tables       # how the report was read, for a terminal
    govparse batch 'reports/**/*.txt' -o out.jsonl --jobs 8 --resume
    govparse audit reports/ -o audit.html --findings findings.csv   # a corpus checked, one page

Exit codes: 0 parsed (identity findings are data, not errors); 1 an input could
not be read, or a batch record failed; 2 a usage error; 3 identity findings
under ``--strict``; 128+N a batch stopped by signal N (130 for Ctrl-C).
Problems are one line on stderr, never a traceback.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, \
    TimeElapsedColumn, TimeRemainingColumn
from rich.text import Text

from . import __version__, records
from .batch import DEFAULT_TIMEOUT, BatchError, default_jobs, run_batch
from .dump import STAGES, render
from .errors import GovparseError
from .pipeline import parse_file

EXIT_OK = 0
EXIT_UNREADABLE = 1
EXIT_USAGE = 2
EXIT_FINDINGS = 3

app = typer.Typer(
    name="govparse",
    help="Parse 政府信息公开工作年度报告 (government information disclosure annual reports) into typed "
         "data: the three statutory tables (二 active disclosure, 三 applications, 四 review and "
         "litigation), the identity checks (勾稽关系) and diagnostics that point at source lines.\n\n"
         "Exit codes: 0 parsed (identity findings are data); 1 an input cannot be read, or a batch "
         "record failed; 2 usage; 3 identity findings under --strict; 130 a batch stopped by Ctrl-C.",
    epilog="Examples:\n\n"
           "  govparse parse report.txt\n\n"
           "  govparse dump report.txt --stage tables\n\n"
           "  govparse batch 'reports/**/*.txt' -o reports.jsonl --jobs 8",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ParseFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class BatchFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    cells = "cells"


class Stage(str, Enum):
    detect = "detect"
    pages = "pages"
    sections = "sections"
    cells = "cells"
    tree = "tree"
    rows = "rows"
    tables = "tables"
    diagnostics = "diagnostics"


assert tuple(s.value for s in Stage) == STAGES


def _fail(message: str, code: int = EXIT_UNREADABLE) -> typer.Exit:
    """Print one line on stderr; the Exit to raise."""
    sys.stderr.write(f"govparse: {message}\n")
    sys.stderr.flush()
    return typer.Exit(code)


def _utf8_stdout() -> None:
    """JSON and CSV go out as UTF-8 whatever the locale says (JSON is UTF-8 by definition)."""
    stream = sys.stdout
    if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower().replace("-", "") != "utf8":
        stream.reconfigure(encoding="utf-8")


def describe(path: str, error: Exception) -> str:
    """The error's message, with the file named when the message does not name it."""
    text = str(error)
    return text if path in text else f"{path}: {text}"


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"govparse {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """The command group; its help is the app's."""


# --- parse ----------------------------------------------------------------------------------

@app.command(epilog="Examples:\n\n"
                    "  govparse parse report.txt\n\n"
                    "  govparse parse reports/*.txt --format jsonl > reports.jsonl\n\n"
                    "  govparse parse report.txt --format csv --strict")
def parse(
    files: list[Path] = typer.Argument(..., metavar="FILE", help="Report files (text as scraped: UTF-8, GB18030 or UTF-16; HTML; PDF; DOCX).",
                                       show_default=False),
    format: ParseFormat | None = typer.Option(
        None, "--format", "-f", show_default=False,
        help="json: the document of one file (the default for one file); jsonl: one record per file (the "
             "default for several); csv: long format file,table,row,column,value,line."),
    strict: bool = typer.Option(False, "--strict", help="Exit 3 when a report breaks an identity (勾稽关系)."),
) -> None:
    """Parse reports and print them as JSON, JSON lines or CSV.

    Exit 0 when every file parsed, identity findings included; 1 when a file cannot be read
    (one line on stderr; in jsonl and csv its record says ok: false); 3 with --strict when a
    report breaks an identity.
    """
    _utf8_stdout()
    chosen = format.value if format is not None else ("json" if len(files) == 1 else "jsonl")
    if chosen == "json" and len(files) > 1:
        raise _fail("--format json prints the document of one file; use --format jsonl for several", EXIT_USAGE)
    writer = csv.writer(sys.stdout, lineterminator="\n") if chosen == "csv" else None
    if writer is not None:
        writer.writerow(records.CSV_HEADER)
    unreadable = findings = 0
    for path in files:
        name = str(path)
        try:
            result = parse_file(path)
        except GovparseError as error:
            unreadable += 1
            sys.stderr.write(f"govparse: {describe(name, error)}\n")
            if chosen != "json":
                _emit(records.encode_failure(chosen, name, str(error)), writer)
            continue
        if result.findings:
            findings += 1
            if strict:
                shown = ", ".join(f"{c.id} {c.name} ({c.difference:+d})" for c in result.findings[:4])
                more = f" and {len(result.findings) - 4} more" if len(result.findings) > 4 else ""
                sys.stderr.write(f"govparse: {name}: {len(result.findings)} identity findings: {shown}{more}\n")
        if chosen == "json":
            sys.stdout.write(result.to_json(indent=2) + "\n")
        else:
            _emit(records.encode(chosen, name, result), writer)
    sys.stdout.flush()
    if unreadable:
        raise typer.Exit(EXIT_UNREADABLE)
    if strict and findings:
        raise typer.Exit(EXIT_FINDINGS)


def _emit(record: records.Record, writer) -> None:
    if writer is not None:
        writer.writerows(record.payload)
    else:
        sys.stdout.write(record.payload.decode("utf-8"))


# --- dump -------------------------------------------------------------------------------------

@app.command(epilog="Examples:\n\n"
                    "  govparse dump report.txt\n\n"
                    "  govparse dump report.txt --stage tables --stage diagnostics\n\n"
                    "  govparse dump report.txt -s detect -s sections | less -R")
def dump(
    file: Path = typer.Argument(..., metavar="FILE", help="One report file.", show_default=False),
    stage: list[Stage] | None = typer.Option(
        None, "--stage", "-s", show_default=False,
        help="Show only this stage (repeatable): detect, pages (PDF/DOCX), sections, cells, tree, tables, "
             "diagnostics."),
) -> None:
    """Show how a report was read: encoding, edition and layout with their evidence, sections,
    the cell stream, the parse tree, the tables as grids (nulls and failing identities marked)
    and the diagnostics with their source lines."""
    _utf8_stdout()
    stages = [s.value for s in stage] if stage else list(STAGES)
    console = Console(width=None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 120)
    try:
        render(file, stages, console)
    except GovparseError as error:
        raise _fail(describe(str(file), error)) from None


# --- batch ------------------------------------------------------------------------------------

class _Rate(ProgressColumn):
    def render(self, task) -> Text:
        return Text(f"{task.speed:.1f} reports/s" if task.speed else "… reports/s", style="cyan")


@app.command(epilog="Examples:\n\n"
                    "  govparse batch reports/ -o reports.jsonl\n\n"
                    "  govparse batch 'reports/**/*.txt' -o reports.csv --jobs 8\n\n"
                    "  govparse batch reports/ -o reports.parquet --resume   # after an interrupt")
def batch(
    source: str = typer.Argument(..., metavar="DIR_OR_GLOB", show_default=False,
                                 help="A directory (every file below it) or a quoted glob ('reports/**/*.txt')."),
    out: Path = typer.Option(..., "--out", "-o", show_default=False, help="The output file."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, show_default=False,
                             help="Worker processes (default: one per CPU)."),
    format: BatchFormat | None = typer.Option(
        None, "--format", "-f", show_default=False,
        help="jsonl, csv (long format), parquet (one row per file) or cells (a folder: the long format "
             "as Parquet, one row per cell, partitioned by year; both need pyarrow). "
             "Default: from OUT's suffix, else jsonl."),
    resume: bool = typer.Option(False, "--resume", help="Keep OUT's records and skip the files they name."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", min=0.0,
                                  help="Seconds one file may take before its worker is killed (0: no limit)."),
    scheduler: str | None = typer.Option(
        None, "--scheduler", show_default=False,
        help="A Dask scheduler's address (tcp://host:8786): parse on that cluster, write OUT here. "
             "Needs govparse[dask] here and on the workers; --jobs and --timeout do not apply."),
) -> None:
    """Parse many reports in parallel into one output, one record per file.

    A file that fails (unreadable, parser error, worker crash, timeout) is a record with ok: false.
    OUT is replaced atomically, also on Ctrl-C, so an interrupted run leaves every finished record
    and --resume continues it. Exit 0 when every record is ok, 1 when some failed, 130 on Ctrl-C.
    """
    _utf8_stdout()
    fmt = format.value if format is not None else _format_of(out)
    bar = None
    if sys.stderr.isatty():  # the stream itself, whatever FORCE_COLOR and friends say
        bar = Progress(TextColumn("[bold]parsing"), BarColumn(), MofNCompleteColumn(), _Rate(),
                       TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                       console=Console(stderr=True))
    task = None

    def progress(done: int, total: int) -> None:
        nonlocal task
        if bar is None:
            return
        if task is None:
            task = bar.add_task("parse", total=total)
        bar.update(task, completed=done)

    try:
        if bar is not None:
            bar.start()
        try:
            summary = run_batch(source, out, fmt=fmt, jobs=jobs or default_jobs(), resume=resume,
                                timeout=timeout or None, progress=progress, scheduler=scheduler)
        finally:
            if bar is not None:
                bar.stop()
    except BatchError as error:
        raise _fail(str(error)) from None
    for line in summary.lines():
        sys.stdout.write(line + "\n")
    sys.stdout.flush()
    if summary.interrupted is not None:
        raise typer.Exit(128 + summary.interrupted)
    if summary.failed:
        raise typer.Exit(EXIT_UNREADABLE)


def _format_of(out: Path) -> str:
    suffix = out.suffix.lower().lstrip(".")
    return suffix if suffix in (records.CSV, records.PARQUET) else records.JSONL


# --- audit ------------------------------------------------------------------------------------

@app.command(epilog="Examples:\n\n"
                    "  govparse audit reports/ -o audit.html\n\n"
                    "  govparse batch reports/ -o reports.jsonl && govparse audit reports.jsonl -o audit.html\n\n"
                    "  govparse audit reports/ -o audit.html --findings findings.parquet --aliases aliases.txt")
def audit(
    inputs: list[Path] = typer.Argument(..., metavar="INPUTS...", show_default=False,
                                        help="Report files, folders of them, or `govparse batch` JSON-lines outputs."),
    out: Path = typer.Option(Path("audit.html"), "--out", "-o", help="The HTML page to write."),
    findings: Path | None = typer.Option(None, "--findings", show_default=False,
                                         help="Also write one row per finding: .csv, or .parquet (needs pyarrow)."),
    aliases: Path | None = typer.Option(None, "--aliases", show_default=False,
                                        help="An alias file: 'name = agency' per line, for names rules cannot join."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, show_default=False,
                             help="Worker processes parsing report files (default: one per CPU)."),
    cells: Path | None = typer.Option(None, "--cells", show_default=False,
                                      help="Also write every cell (report, agency, year, table, row, column, value, "
                                           "amount, line, place) as Parquet under this folder, partitioned by "
                                           "year."),
) -> None:
    """Check a corpus: each report's identities and notable diagnostics, X1 between an agency's
    consecutive years, two reports claiming one agency and year; written as one self-contained HTML
    page (no network) with an overview of every report and a view of each.

    Exit 0 when the page is written (findings are data); 1 when an input cannot be read; 2 on a bad
    alias file.
    """
    from .audit import checks, names
    from .audit.frame import write_cells, write_findings
    from .audit.html import write_page
    from .audit.inputs import InputError, load, text_reader

    try:
        mapping = names.read_aliases(aliases) if aliases is not None else None
    except (OSError, names.AliasError) as error:
        raise _fail(str(error), EXIT_USAGE) from None
    try:
        entries, paths = load(inputs, jobs or default_jobs())
    except (OSError, InputError) as error:
        raise _fail(str(error)) from None
    if not entries:
        raise _fail("no reports in the inputs given")
    found = checks.audit_entries(entries, mapping)
    try:
        write_page(out, entries, text_reader(paths))
        if findings is not None:
            write_findings(findings, found)
        if cells is not None:
            write_cells(cells, entries)
    except (OSError, ImportError) as error:
        raise _fail(str(error)) from None
    counts = ", ".join(f"{kind} {sum(f.kind == kind for f in found)}" for kind in checks.KINDS
                       if any(f.kind == kind for f in found))
    sys.stdout.write(f"{len(entries)} reports, {len(found)} findings ({counts or 'none'})\n"
                     f"wrote {', '.join(str(p) for p in (out, findings, cells) if p is not None)}\n")
