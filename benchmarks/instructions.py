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
"""

from __future__ import annotations

import argparse
import os
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


def instructions(python: str, folder: Path, warm: int, start: int, count: int) -> int:
    """The instructions ``python`` runs for the worker over those reports (the whole process)."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "callgrind.out"
        worker = Path(scratch) / "worker.py"
        worker.write_text(_WORKER, encoding="utf-8")
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", python, str(worker),
                        str(folder), str(warm), str(start), str(count)],
                       check=True, capture_output=True, cwd=scratch, env={**os.environ, "PYTHONHASHSEED": "0"})
        for line in out.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("totals:") or line.startswith("summary:"):
                return int(line.split()[1])
    raise RuntimeError(f"no instruction count in callgrind's output for {python}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pythons", nargs="+", help="the interpreters of the builds to compare")
    parser.add_argument("--reports", type=int, default=450, help="reports measured (rounds of the layouts)")
    parser.add_argument("--warm", type=int, default=300, help="reports parsed first, to fill the caches")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE.parent))
    from corpus import make_corpus
    from govparse.render import LAYOUTS

    count = args.reports - args.reports % len(LAYOUTS) or len(LAYOUTS)  # each layout as often
    folder = make_corpus(max(3000, args.warm + 2 * count), args.seed)
    start = max(args.warm, 900) // len(LAYOUTS) * len(LAYOUTS)  # reports the warm-up did not read
    per_report = {}
    for python in args.pythons:
        python = str(Path(python).absolute())
        warmed = instructions(python, folder, args.warm, start, 0)
        measured = instructions(python, folder, args.warm, start, count)
        per_report[python] = (measured - warmed) / count
    first = per_report[str(Path(args.pythons[0]).absolute())]
    print(f"{count} reports (reports {start} to {start + count - 1} of {folder.name}), after {args.warm} to warm up")
    for python, figure in per_report.items():
        print(f"{figure / 1000:10.1f} k instructions/report  {figure / first:5.3f}x  {python}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
