"""Where the time goes: CPU time per stage for each layout of the benchmark corpus.

    python benchmarks/stages.py                 # 3,000 reports (the CI corpus)
    python benchmarks/stages.py --reports 900 --layout html

A tool for speed work, not a gate. It counts CPU time of this process
(time.process_time), so another job on the machine disturbs it less than wall
time; each stage lap costs about a microsecond more than the benchmark's clock.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import govparse  # noqa: E402
from corpus import make_corpus  # noqa: E402
from govparse.pipeline import StageClock  # noqa: E402
from govparse.render import LAYOUTS  # noqa: E402


def measure(datas: list[bytes], only: str | None = None, rounds: int = 2) -> list[tuple[str, float, dict]]:
    """(layout, CPU µs per report, {stage: µs per report}) for each layout of the corpus (the
    reports at its place in the renderer's round robin), the best of ``rounds`` passes each."""
    for data in datas[: len(LAYOUTS) * 20]:
        govparse.parse(data)  # warm the caches a long run would have warm
    found = []
    for position, layout in enumerate(LAYOUTS):
        if only and only not in str(layout):
            continue
        reports = datas[position::len(LAYOUTS)]
        best = None
        for _ in range(rounds):
            clock = StageClock(time.process_time)
            started = time.process_time()
            for data in reports:
                govparse.parse(data, clock=clock)
            seconds = time.process_time() - started
            if best is None or seconds < best[0]:
                best = seconds, clock
        seconds, clock = best
        stages = {stage: value / len(reports) * 1e6 for stage, value in
                  sorted(clock.seconds.items(), key=lambda item: -item[1])}
        found.append((str(layout), seconds / len(reports) * 1e6, stages))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=3000, help="size of the corpus to read")
    parser.add_argument("--layout", help="only the layouts whose name contains this")
    parser.add_argument("--rounds", type=int, default=2, help="passes; the fastest is kept")
    args = parser.parse_args()
    folder = make_corpus(args.reports)
    datas = [path.read_bytes() for path in sorted(folder.glob("r*.txt"))]
    found = measure(datas, args.layout, args.rounds)
    for layout, per, stages in found:
        print(f"{layout:32s} {per:6.0f} µs/report   " + "  ".join(f"{s} {v:.0f}" for s, v in stages.items()))
    mean = sum(per for _, per, _ in found) / len(found)  # each layout holds the same share of the corpus
    print(f"{'all':32s} {mean:6.0f} µs/report   ({1e6 / mean:.0f} reports/s of CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
