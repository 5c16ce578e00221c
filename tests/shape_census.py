"""How the round trip through a tool's shape fares over many draws: a count of failing draws, not a test.

tests/test_shapes_roundtrip.py holds a shape to the round trip over the profile's few draws, and a
shape still marked (ROUND_TRIP_GAPS) to its pinned cases; this counts, over N derandomized draws of
the same strategies (the same N on every run, so a run before and one after a change count the same
cases), how many draws read a cell wrong, how many leave one null, and which rows the nulls fall in::

    .venv/bin/python tests/shape_census.py [N] [--style x-positioned] [--perturbed] [--verbose]

Draws are the strategy's, not shrunk; to look at one, pin its report and seed in the test file.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

import test_shapes_roundtrip as shapes  # noqa: E402
from strategies import reports, seeds  # noqa: E402


def census(layout, draws: int, perturbed: bool, verbose: bool = False) -> None:
    counts: collections.Counter = collections.Counter()
    rows: collections.Counter = collections.Counter()

    @settings(max_examples=draws, derandomize=True, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(report=reports(), perturbations=shapes.TOOL_PERTURBATION_SETS, seed=seeds)
    def draw(report, perturbations, seed):
        wrong, problems, _ = shapes.shape_problems(report, layout, perturbations if perturbed else (), seed)
        counts["draws"] += 1
        if wrong:
            counts["wrong"] += 1
            print(f"WRONG seed={seed}: {wrong[:3]}", flush=True)
        elif problems:
            counts["null"] += 1
            rows.update({problem.split(":")[0].rsplit(".", 1)[0] for problem in problems})
            if verbose:
                print(f"null seed={seed} perturbations={sorted(perturbations) if perturbed else []}: {problems[0]}",
                      flush=True)
        else:
            counts["ok"] += 1

    draw()
    print(f"{layout.style}: {counts['draws']} draws{' with perturbations' if perturbed else ''}: "
          f"{counts['ok']} ok, {counts['null']} with a null cell, {counts['wrong']} with a wrong number")
    for row, times in rows.most_common():
        print(f"  {times:5d}  {row}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("draws", nargs="?", type=int, default=2000)
    parser.add_argument("--style", default="x-positioned", help="a layout style of the tool shapes")
    parser.add_argument("--perturbed", action="store_true", help="with the drawn perturbations")
    parser.add_argument("--verbose", action="store_true", help="a line for each draw with a null cell")
    args = parser.parse_args()
    layouts = {layout.style: layout for layout in shapes.TOOL_LAYOUTS}
    if args.style not in layouts:
        parser.error(f"--style: one of {', '.join(sorted(layouts))}")
    census(layouts[args.style], args.draws, args.perturbed, args.verbose)


if __name__ == "__main__":
    main()
