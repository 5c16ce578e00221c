"""How much of each tool's output govparse reads: per tool, cells right, null and WRONG, and the share read.

Every fixture ``<tool>--<shape>.txt`` in corpus/tools/ is parsed and each table
cell of its ``.expected.json`` is compared with the parse: right (equal; a
blank expected as null only where its row was read), null (a value expected, none read: the safe
failure), or WRONG (a value read that differs from the expected one, or read
where a blank was expected, or read under a row or column the report has not: the failure the project
never allows). A cell the
tool destroys (``_tool_loses`` in the expected file) is counted as lost and left
out of the share read: no reader can get it back. The meta column counts the
title, agency, year and publication date read as expected (shown, not scored).

Usage (from the repository root, with govparse importable)::

    python corpus/tools/score.py           # the table
    python corpus/tools/score.py --json    # per tool and per fixture, for machines
    python corpus/tools/score.py --wrong   # the table, then every wrong cell
    python corpus/tools/score.py --floors  # the share read per tool, rounded down: coverage_floor.json
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import govparse

HERE = Path(__file__).resolve().parent
TABLES = ("active_disclosure", "applications", "review_litigation")
RIGHT, NULL, WRONG, LOST = "right", "null", "wrong", "lost"


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell of a fixture: where it is, what was expected, what was read, and the verdict."""

    table: str
    row: str
    column: str
    expected: object
    actual: object
    outcome: str

    @property
    def path(self) -> str:
        return f"{self.table}.{self.row}.{self.column}"


@dataclass(slots=True)
class Tally:
    right: int = 0
    null: int = 0
    wrong: int = 0
    lost: int = 0
    meta_right: int = 0  # title, agency, year, published read as expected (not part of the share read)
    meta_fields: int = 0
    fixtures: list[str] = field(default_factory=list)

    def add(self, cells: list[Cell]) -> None:
        for cell in cells:
            setattr(self, cell.outcome, getattr(self, cell.outcome) + 1)

    @property
    def readable(self) -> int:
        return self.right + self.null + self.wrong

    @property
    def share_read(self) -> float:
        """Percent of the recoverable cells read right (a wrong cell counts as not read)."""
        return 100.0 * self.right / self.readable if self.readable else 100.0


def tool_of(fixture: Path) -> str:
    return fixture.name.split("--", 1)[0]


def fixtures(folder: Path = HERE) -> list[Path]:
    return sorted(folder.glob("*--*.txt"))


def expected_of(fixture: Path) -> dict:
    text = fixture.with_name(fixture.name[:-4] + ".expected.json").read_text(encoding="utf-8")
    return json.loads(text, parse_float=Decimal)


def _same(expected: object, actual: object) -> bool:
    if isinstance(actual, Decimal) and isinstance(expected, (int, Decimal)) and not isinstance(expected, bool):
        return actual == Decimal(expected)
    return type(expected) is type(actual) and expected == actual


def compare(expected: dict, actual: dict) -> list[Cell]:
    """Every table cell of ``expected`` with its verdict against ``actual`` (both SPEC §7 documents)."""
    lost = expected.get("_tool_loses", {})
    cells = []
    for table in TABLES:
        got_table = actual.get(table) or {}
        for row, columns in (expected.get(table) or {}).items():
            got_row = got_table.get(row) or {}
            for column, want in columns.items():
                got = got_row.get(column)
                if _same(want, got) and (want is not None or column in got_row):
                    outcome = RIGHT  # a blank is read as a blank only where its row was read
                elif f"{table}.{row}.{column}" in lost and got is None:
                    outcome = LOST
                elif got is None:
                    outcome = NULL
                else:
                    outcome = WRONG
                cells.append(Cell(table, row, column, want, got, outcome))
        # a value under a row or column the report has not (another edition's: 2021's issued for a 2019
        # table) is a number read under another meaning
        want_table = expected.get(table) or {}
        for row, columns in got_table.items():
            for column, got in columns.items():
                if got is not None and column not in (want_table.get(row) or {}):
                    cells.append(Cell(table, row, column, None, got, WRONG))
    return cells


def score_fixture(fixture: Path) -> list[Cell]:
    return compare(expected_of(fixture), govparse.parse_file(fixture).to_dict())


def meta_read(expected: dict, actual: dict) -> tuple[int, int]:
    """How many of the expected meta fields were read as expected, of how many."""
    fields = expected.get("meta", {})
    return sum(actual["meta"].get(key) == value for key, value in fields.items()), len(fields)


def score(folder: Path = HERE) -> tuple[dict[str, Tally], dict[str, list[Cell]]]:
    """Per tool tallies, and every fixture's cells (by fixture name)."""
    tallies: dict[str, Tally] = {}
    cells_by_fixture: dict[str, list[Cell]] = {}
    for fixture in fixtures(folder):
        expected, actual = expected_of(fixture), govparse.parse_file(fixture).to_dict()
        cells = compare(expected, actual)
        tally = tallies.setdefault(tool_of(fixture), Tally())
        tally.add(cells)
        right, fields = meta_read(expected, actual)
        tally.meta_right, tally.meta_fields = tally.meta_right + right, tally.meta_fields + fields
        tally.fixtures.append(fixture.stem)
        cells_by_fixture[fixture.stem] = cells
    return tallies, cells_by_fixture


def table_text(tallies: dict[str, Tally]) -> str:
    width = max(map(len, tallies), default=4)
    def line(name: str, t: Tally) -> str:
        meta = f"{t.meta_right}/{t.meta_fields}"
        return (f"{name:<{width}}  {t.right:>6}  {t.null:>5}  {t.wrong:>5}  {t.lost:>4}  {t.share_read:>5.1f}%  "
                f"{meta:>7}")

    lines = [f"{'tool':<{width}}  {'right':>6}  {'null':>5}  {'WRONG':>5}  {'lost':>4}  {'read':>6}  {'meta':>7}"]
    total = Tally()
    for tool, tally in sorted(tallies.items()):
        lines.append(line(tool, tally))
        for name in ("right", "null", "wrong", "lost", "meta_right", "meta_fields"):
            setattr(total, name, getattr(total, name) + getattr(tally, name))
    lines.append(line("all", total))
    return "\n".join(lines)


def as_json(tallies: dict[str, Tally], cells_by_fixture: dict[str, list[Cell]]) -> dict:
    def counts(cells: list[Cell]) -> dict:
        tally = Tally()
        tally.add(cells)
        return {"right": tally.right, "null": tally.null, "wrong": tally.wrong, "lost": tally.lost,
                "read_percent": round(tally.share_read, 2)}

    return {
        "tools": {tool: {"right": t.right, "null": t.null, "wrong": t.wrong, "lost": t.lost,
                         "read_percent": round(t.share_read, 2), "meta_right": t.meta_right,
                         "meta_fields": t.meta_fields, "fixtures": t.fixtures}
                  for tool, t in sorted(tallies.items())},
        "fixtures": {name: {**counts(cells),
                            "wrong_cells": [{"cell": c.path, "expected": str(c.expected), "actual": str(c.actual)}
                                            for c in cells if c.outcome == WRONG]}
                     for name, cells in cells_by_fixture.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="per tool and per fixture figures as JSON")
    parser.add_argument("--wrong", action="store_true", help="list every wrong cell after the table")
    parser.add_argument("--floors", action="store_true",
                        help="per tool share read rounded down to the percent, as coverage_floor.json holds it")
    parser.add_argument("folder", nargs="?", type=Path, default=HERE)
    args = parser.parse_args(argv)
    tallies, cells_by_fixture = score(args.folder)
    if args.floors:
        floors = {tool: math.floor(tally.share_read) for tool, tally in sorted(tallies.items())}
        print(json.dumps(floors, indent=1))
        return 0
    if args.json:
        json.dump(as_json(tallies, cells_by_fixture), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(table_text(tallies))
    if args.wrong:
        for name, cells in cells_by_fixture.items():
            for cell in cells:
                if cell.outcome == WRONG:
                    print(f"{name}: {cell.path}: expected {cell.expected}, read {cell.actual}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
