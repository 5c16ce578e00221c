"""``make demo``: parse every report in a folder and print a readable summary.

    python -m govparse.demo corpus

One line per report (encoding, edition, layout, tables found, values read,
identity findings, diagnostics as counts of e(rror), w(arning), i(nfo)), then
the totals. Last, an audit page of a sample corpus (several agencies over
several years, X1 and identity breaks planted) written to build/demo/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from . import parse_file
from .errors import GovparseError
from .result import TABLE_KEYS

REPORT_SUFFIXES = {".txt", ".html", ".htm", ".pdf", ".docx"}
SECTION_OF = {"active_disclosure": "二", "applications": "三", "review_litigation": "四"}


def _values(result) -> tuple[int, int]:
    """(cells read, cells in the tables found)."""
    filled = total = 0
    document = result.to_dict()
    for key in TABLE_KEYS:
        for row in (document[key] or {}).values():
            for value in row.values():
                total += 1
                filled += value is not None
    return filled, total


def summarize(folder: Path, console: Console) -> int:
    reports = sorted(p for p in folder.rglob("*") if p.suffix in REPORT_SUFFIXES and p.is_file())
    if not reports:
        console.print(f"no reports in {folder}")
        return 1
    table = Table(title=f"govparse {len(reports)} reports in {folder}", header_style="bold")
    for column in ("report", "encoding", "edition", "layout", "tables", "values", "findings", "diagnostics"):
        table.add_column(column, overflow="fold")
    totals = {"tables": 0, "findings": 0, "errors": 0}
    for path in reports:
        try:
            result = parse_file(path)
        except GovparseError as error:
            table.add_row(path.stem, "-", "-", "-", "-", "-", "-", f"[red]{error}")
            totals["errors"] += 1
            continue
        found = sum(result.table(key) is not None for key in TABLE_KEYS)
        totals["tables"] += found
        layouts = _layout(result)
        filled, cells = _values(result)
        findings = len(result.findings)
        totals["findings"] += findings
        levels = [d.level for d in result.diagnostics]
        diagnostics = " ".join(f"{levels.count(level)}{level[0]}" for level in ("error", "warning", "info")
                                if level in levels) or "-"
        table.add_row(path.stem, result.encoding, str(result.edition), layouts, f"{found}/3",
                      f"{filled}/{cells}", f"[yellow]{findings}" if findings else "0", diagnostics)
    console.print(table)
    console.print(f"{len(reports)} reports, {totals['tables']} of {3 * len(reports)} tables found, "
                  f"{totals['findings']} identity findings, {totals['errors']} unreadable")
    return 0


def _layout(result) -> str:
    """The cell format, and which tables had labels broken across cells."""
    split = "".join(SECTION_OF[key] for key, trace in result.traces.items()
                    if trace.layout is not None and trace.layout.split_header)
    return f"{result.layout}" + (f" (split {split})" if split else "")


def audit_sample(out: Path, console: Console) -> Path:
    """Write a sample corpus of agencies over years (errors planted), audit it, write its page."""
    from .audit.checks import KINDS, audit_entries
    from .audit.html import write_page
    from .audit.inputs import load, text_reader
    from .audit.sample import write_sample

    corpus = out / "audit-corpus"
    planted = write_sample(corpus, agencies=12, years=(2021, 2022, 2023))
    entries, paths = load([corpus])
    findings = audit_entries(entries)
    page = write_page(out / "audit.html", entries, text_reader(paths), title="govparse audit: sample corpus")
    counts = ", ".join(f"{kind} {n}" for kind in KINDS if (n := sum(f.kind == kind for f in findings)))
    console.print(f"audit of {len(entries)} sample reports ({len(planted.x1)} X1 breaks and "
                  f"{len(planted.identity)} identity breaks planted, listed in {corpus / 'planted.json'}): "
                  f"{len(findings)} findings ({counts})")
    console.print(f"audit page: [bold]{page.resolve()}[/bold] (open it in a browser)")
    return page


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "corpus")
    console = Console(width=150) if not sys.stdout.isatty() else Console()
    status = summarize(folder, console)
    audit_sample(Path(args[1] if len(args) > 1 else "build/demo"), console)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
