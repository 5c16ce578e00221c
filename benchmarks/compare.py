"""Two builds of govparse side by side on one corpus: the ratio to the read floor and the time per stage.

    python benchmarks/compare.py BEFORE/.venv-compiled/bin/python .venv-compiled/bin/python
    python benchmarks/compare.py A/bin/python B/bin/python --reports 3000 --repeats 3

On a shared machine a figure measured minutes apart says more about the load than about
the code; so each build is run ``--repeats`` times, the two alternating, every run over
the same files (the corpus of this tree's renderer, benchmarks/corpus.py), and the best
of each is kept: the ratio to the floor (read, decode, split lines) measured in the same
process, and each stage's CPU time per report (govparse.pipeline.StageClock). Stage
names are those each build's pipeline laps.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()


def worker(folder: Path, rounds: int) -> dict:
    """One build's figures on ``folder``, in this process (govparse from this interpreter's environment)."""
    import govparse
    from govparse.decode import decode
    from govparse.pipeline import StageClock

    paths = sorted(folder.glob("r*.txt"))
    for path in paths[:50]:
        govparse.parse(path.read_bytes())  # grammars and caches built, as in any long run
    floor = parsed = float("inf")
    stages: dict[str, float] = {}
    for _ in range(rounds):
        started = time.perf_counter()
        for path in paths:
            decode(path.read_bytes()).text.splitlines()
        floor = min(floor, time.perf_counter() - started)
        started = time.perf_counter()
        for path in paths:
            govparse.parse(path.read_bytes())
        parsed = min(parsed, time.perf_counter() - started)
        clock = StageClock(time.process_time)
        for path in paths:
            govparse.parse(path.read_bytes(), clock=clock)
        for stage, seconds in clock.seconds.items():
            stages[stage] = min(stages.get(stage, float("inf")), seconds)
    return {"ratio": parsed / floor, "reports_per_s": len(paths) / parsed,
            "stages_us": {stage: seconds / len(paths) * 1e6 for stage, seconds in stages.items()}}


def best(runs: list[dict]) -> dict:
    """The best of each figure over a build's runs."""
    stages: dict[str, float] = {}
    for run in runs:
        for stage, us in run["stages_us"].items():
            stages[stage] = min(stages.get(stage, float("inf")), us)
    return {"ratio": min(run["ratio"] for run in runs), "reports_per_s": max(run["reports_per_s"] for run in runs),
            "stages_us": stages}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pythons", nargs="*", help="the interpreters of the builds to compare")
    parser.add_argument("--reports", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=2, help="passes within a run (best kept)")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each build, alternating (best kept)")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        print(json.dumps(worker(args.worker, args.rounds)))
        return 0
    sys.path.insert(0, str(HERE.parent))
    from corpus import make_corpus

    folder = make_corpus(args.reports, args.seed)
    args.pythons = [str(Path(python).absolute()) for python in args.pythons]  # the workers run in benchmarks/
    runs: dict[str, list[dict]] = {python: [] for python in args.pythons}
    for _ in range(args.repeats):
        for python in args.pythons:
            done = subprocess.run([python, str(HERE), "--worker", str(folder), "--rounds", str(args.rounds)],
                                  capture_output=True, text=True, check=True, cwd=HERE.parent)
            runs[python].append(json.loads(done.stdout))
    figures = {python: best(found) for python, found in runs.items()}
    names = [f"build {index + 1}" for index in range(len(args.pythons))]
    for name, python in zip(names, args.pythons):
        print(f"{name}: {python}")
    print(f"{'':24}" + "".join(f"{name:>12}" for name in names))
    print(f"{'ratio to the floor':24}" + "".join(f"{figures[p]['ratio']:12.2f}" for p in args.pythons))
    print(f"{'reports/s':24}" + "".join(f"{figures[p]['reports_per_s']:12.0f}" for p in args.pythons))
    stages = sorted({stage for p in args.pythons for stage in figures[p]["stages_us"]},
                    key=lambda stage: -max(figures[p]["stages_us"].get(stage, 0.0) for p in args.pythons))
    for stage in stages:
        cells = [figures[p]["stages_us"].get(stage) for p in args.pythons]
        print(f"{stage + ' (µs)':24}" + "".join(f"{'-':>12}" if us is None else f"{us:12.1f}" for us in cells))
    totals = [sum(figures[p]["stages_us"].values()) for p in args.pythons]
    print(f"{'all stages (µs)':24}" + "".join(f"{us:12.1f}" for us in totals))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
