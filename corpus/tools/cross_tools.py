"""Real PDFs through every PDF extraction tool, each tool's reading checked against the others'.

A report nobody has read by hand still has a check: the same PDF through twelve tools gives twelve
texts, and govparse's reading of each. Where three or more tools read a cell alike and most of them
agree, that value is the cell's consensus; a tool whose reading differs from it is almost surely a
silent wrong number (one found this way: pypdf's layout mode swapping 自然人 and 商业企业 under a
header printed over three lines). Per PDF and in all, each tool's cells equal to the consensus, null,
and DIFFERENT. Not a test: the PDFs are other people's, passed on the command line, never committed::

    .venv-tools/bin/python corpus/tools/cross_tools.py OUT report1.pdf report2.pdf ...

Each tool's text is written to OUT as <tool>--<pdf stem>.txt, for ``govparse dump``. Needs what
make_fixtures.py needs (its TOOLS run the extractions).
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

import govparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_fixtures import TOOLS  # noqa: E402

TABLES = ("active_disclosure", "applications", "review_litigation")
MIN_VOTES = 3  # tools that must read a cell alike for it to have a consensus


def cells(document: dict) -> dict[str, str | None]:
    """Every table cell of a parse, by its path, as text (None where null)."""
    found: dict[str, str | None] = {}
    for table in TABLES:
        for row, columns in (document.get(table) or {}).items():
            for column, value in columns.items():
                found[f"{table}.{row}.{column}"] = None if value is None else str(value)
    return found


def consensus(readings: dict[str, dict[str, str | None]]) -> dict[str, str]:
    """Each cell's value read by the most tools, where MIN_VOTES or more read it so."""
    agreed: dict[str, str] = {}
    for path in sorted({path for reading in readings.values() for path in reading}):
        votes = collections.Counter(reading[path] for reading in readings.values() if reading.get(path) is not None)
        if votes:
            value, count = votes.most_common(1)[0]
            if count >= MIN_VOTES:
                agreed[path] = value
    return agreed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="where each tool's text is written")
    parser.add_argument("pdfs", type=Path, nargs="+")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    totals: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    for pdf in args.pdfs:
        readings: dict[str, dict[str, str | None]] = {}
        for tool in TOOLS:
            if tool.source != "pdf":
                continue
            try:
                text = tool.extract(pdf)
            except Exception as error:  # a tool that fails on a PDF is reported, the others go on
                print(f"{pdf.name}: {tool.name} failed: {error}", file=sys.stderr)
                continue
            (args.out / f"{tool.name}--{pdf.stem}.txt").write_text(text, encoding="utf-8")
            readings[tool.name] = cells(govparse.parse(text).to_dict())
        agreed = consensus(readings)
        print(f"== {pdf.name}: {len(agreed)} cells with a consensus of {MIN_VOTES}+ tools")
        for tool, reading in sorted(readings.items()):
            same = sum(1 for path, value in agreed.items() if reading.get(path) == value)
            null = sum(1 for path in agreed if reading.get(path) is None)
            different = [(path, reading[path], value) for path, value in agreed.items()
                         if reading.get(path) is not None and reading[path] != value]
            totals[tool][0] += same
            totals[tool][1] += null
            totals[tool][2] += len(different)
            print(f"  {tool:18} same {same:4}  null {null:4}  DIFFERENT {len(different)}")
            for path, read, value in different:
                print(f"      {path}: read {read}, consensus {value}")
    print("== all")
    for tool, (same, null, different) in sorted(totals.items()):
        print(f"  {tool:18} same {same:4}  null {null:4}  DIFFERENT {different}  {100 * same / max(1, same + null):.1f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
