"""Builds of govparse side by side by the instructions they run per report, counted by valgrind.

    python benchmarks/instructions.py BEFORE/.venv-compiled/bin/python .venv-compiled/bin/python
    python benchmarks/instructions.py A/bin/python B/bin/python --reports 450 --warm 300

On a machine shared with other jobs, time (wall or CPU) moves with the load by a fifth or more
between two runs minutes apart; the count of instructions a build runs does not move at all.
So where compare.py's figures disagree from run to run, this one settles which build does less
work: each build parses the same reports of the benchmark corpus (benchmarks/corpus.py, taken
in a run of whole rounds of the renderer's layouts) under ``valgrind --tool=callgrind``, once
warmed up (its caches filled by ``--warm`` other reports) and once warmed up and then parsing
the ``--reports`` measured; the difference over the count is its instructions per report.

Instructions are not time: a cache miss or a memory allocation costs more than its count says,
so the figure ranks changes and shows where work went; compare.py's time stays the measure of
speed. Needs valgrind; a compiled build takes about a minute a run, a pure one a few.

Where the work went, per function (``--functions 40``): each compiled function's instructions
per report, its callees included (callgrind_annotate --inclusive), the builds side by side.
Compiled builds only: a pure build's functions are the interpreter's. A one-time cost that falls
in the measured reports in one run and not in another (a grammar built, whose cost moves with
where objects lie in memory) shows as a difference in one function: read the functions, not only
the total.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve()

_WORKER = """
import sys
from pathlib import Path
import govparse
folder, warm, start, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
paths = sorted(folder.glob("r*.txt"))
for path in paths[:warm]:
    govparse.parse(path.read_bytes())
for path in paths[start:start + count]:
    govparse.parse(path.read_bytes())
"""


def instructions(python: str, folder: Path, warm: int, start: int, count: int,
                 functions: bool = False) -> tuple[int, dict[str, int]]:
    """The instructions ``python`` runs for the worker over those reports (the whole process), and,
    with ``functions``, those of each compiled function, its callees included."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "callgrind.out"
        worker = Path(scratch) / "worker.py"
        worker.write_text(_WORKER, encoding="utf-8")
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", python, str(worker),
                        str(folder), str(warm), str(start), str(count)],
                       check=True, capture_output=True, cwd=scratch, env={**os.environ, "PYTHONHASHSEED": "0"})
        by_function = _compiled_functions(out) if functions else {}
        for line in out.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("totals:") or line.startswith("summary:"):
                return int(line.split()[1]), by_function
    raise RuntimeError(f"no instruction count in callgrind's output for {python}")


# A line of callgrind_annotate: "  1,234,567 ( 0.12%)  file.c:CPyDef_rows___place_rows [object]".
_ANNOTATED = re.compile(r"\s*([\d,]+) \([^)]*\)\s+\S*?:?CPyDef_(\w+) \[")


def _compiled_functions(out: Path) -> dict[str, int]:
    """Each compiled function's inclusive instructions in a callgrind output, by its Python name
    (mypyc's CPyDef_rows___place_rows: rows.place_rows); a recursive call's own line left out."""
    annotated = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(out)],
                               check=True, capture_output=True, text=True, errors="replace").stdout
    found: dict[str, int] = {}
    for line in annotated.splitlines():
        match = _ANNOTATED.match(line)
        if match is not None:
            name = match.group(2).replace("___", ".")
            found[name] = max(found.get(name, 0), int(match.group(1).replace(",", "")))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pythons", nargs="+", help="the interpreters of the builds to compare")
    parser.add_argument("--reports", type=int, default=450, help="reports measured (rounds of the layouts)")
    parser.add_argument("--warm", type=int, default=300, help="reports parsed first, to fill the caches")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--functions", type=int, default=0, metavar="N",
                        help="also the N compiled functions that run the most instructions per report")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE.parent))
    from corpus import make_corpus
    from govparse.render import LAYOUTS

    count = args.reports - args.reports % len(LAYOUTS) or len(LAYOUTS)  # each layout as often
    folder = make_corpus(max(3000, args.warm + 2 * count), args.seed)
    start = max(args.warm, 900) // len(LAYOUTS) * len(LAYOUTS)  # reports the warm-up did not read
    per_report = {}
    per_function: dict[str, dict[str, float]] = {}
    for python in args.pythons:
        python = str(Path(python).absolute())
        warmed, warmed_functions = instructions(python, folder, args.warm, start, 0, args.functions > 0)
        measured, measured_functions = instructions(python, folder, args.warm, start, count, args.functions > 0)
        per_report[python] = (measured - warmed) / count
        per_function[python] = {name: (total - warmed_functions.get(name, 0)) / count
                                for name, total in measured_functions.items()}
    first = per_report[str(Path(args.pythons[0]).absolute())]
    print(f"{count} reports (reports {start} to {start + count - 1} of {folder.name}), after {args.warm} to warm up")
    for python, figure in per_report.items():
        print(f"{figure / 1000:10.1f} k instructions/report  {figure / first:5.3f}x  {python}")
    if args.functions:
        _print_functions(per_function, args.functions)
    return 0


def _print_functions(per_function: dict[str, dict[str, float]], most: int) -> None:
    """The ``most`` costliest compiled functions, k instructions per report in each build (columns
    in the order the builds were given; - where a build has no such function)."""
    names = sorted({name for found in per_function.values() for name in found},
                   key=lambda name: -max(found.get(name, 0.0) for found in per_function.values()))
    builds = ", ".join(str(number + 1) for number in range(len(per_function)))
    print(f"\nk instructions/report, callees included (builds {builds})")
    for name in names[:most]:
        cells = [found.get(name) for found in per_function.values()]
        print("".join(f"{'-':>10}" if value is None else f"{value / 1000:10.1f}" for value in cells) + f"  {name}")


if __name__ == "__main__":
    raise SystemExit(main())
