"""Throughput of govparse.parse on a rendered corpus, against the read floor, in one run.

    python benchmarks/bench.py                    # 20,000 reports (make bench)
    python benchmarks/bench.py --reports 3000 --check benchmarks/baseline.json   # CI

What it measures, on the same files in the same process:
- floor: read the file, decode it (govparse.decode) and split its lines: what any
  parser of these files must pay;
- govparse: read the file and ``govparse.parse`` it; then, in a pass of its own,
  the time per stage;
- the ratio govparse / floor, which is what CI compares (machines here are shared
  and noisy; a ratio measured in one run drifts far less than seconds);
- peak memory (resident set of the process, and the largest allocation peak of a
  single parse under tracemalloc on a sample);
- correctness against the generator's truth: reports parsed, tables found, cells
  equal. Those are deterministic and gated exactly; the ratio only loosely.

Timings take the best of ``--rounds`` passes over the corpus, floor and govparse
interleaved, so a burst of load on the machine hurts both alike.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # govparse itself comes from the environment: compiled or not

import govparse  # noqa: E402
from corpus import TABLE_KEYS, fingerprint, make_corpus, read_truth  # noqa: E402
from govparse.decode import decode  # noqa: E402
from govparse.pipeline import StageClock  # noqa: E402

RATIO_TOLERANCE = 2.5  # CI fails when the ratio is this many times the baseline's


def build() -> dict:
    """Which govparse this is: where it is installed, and the modules compiled with mypyc."""
    import importlib.util
    import pkgutil

    # Told by the file each module would load from, without importing it (govparse.dask needs an extra).
    compiled = sorted(module.name.removeprefix("govparse.")
                      for module in pkgutil.walk_packages(govparse.__path__, "govparse.")
                      if module.name != "govparse.__main__"
                      and not str(importlib.util.find_spec(module.name).origin).endswith(".py"))
    return {"govparse": str(Path(govparse.__file__).parent), "compiled": compiled}


def floor_pass(paths: list[Path]) -> float:
    started = time.perf_counter()
    for path in paths:
        decode(path.read_bytes()).text.splitlines()
    return time.perf_counter() - started


def govparse_pass(paths: list[Path], clock: StageClock | None = None) -> float:
    started = time.perf_counter()
    for path in paths:
        govparse.parse(path.read_bytes(), clock=clock)
    return time.perf_counter() - started


def correctness(folder: Path) -> dict:
    """Reports parsed, tables found and cells equal to the truth; deterministic."""
    figures = {"reports": 0, "parsed": 0, "tables_expected": 0, "tables_found": 0,
               "cells": 0, "cells_equal": 0, "identity_findings": 0}
    mismatched: list[str] = []
    for name, truth in read_truth(folder):
        figures["reports"] += 1
        try:
            result = govparse.parse((folder / name).read_bytes())
        except govparse.GovparseError:
            mismatched.append(name)
            continue
        figures["parsed"] += 1
        figures["identity_findings"] += len(result.findings)
        document = result.to_dict()
        for key in TABLE_KEYS:
            want, got = truth[key], document[key]
            figures["tables_expected"] += want is not None
            figures["tables_found"] += got is not None
            for row, columns in (want or {}).items():
                for column, value in columns.items():
                    figures["cells"] += 1
                    found = (got or {}).get(row, {}).get(column, "<absent>")
                    if found == value and (found is None) == (value is None):
                        figures["cells_equal"] += 1
                    elif name not in mismatched:
                        mismatched.append(name)
    figures["mismatched_files"] = mismatched[:20]
    return figures


def memory_sample(paths: list[Path]) -> float:
    """Largest tracemalloc peak of one parse, in KiB, over a sample of reports."""
    peak = 0
    tracemalloc.start()
    for path in paths[:200]:
        data = path.read_bytes()
        tracemalloc.reset_peak()
        govparse.parse(data)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
    tracemalloc.stop()
    return peak / 1024


def run(count: int, rounds: int, seed: int) -> dict:
    folder = make_corpus(count, seed)
    paths = sorted(folder.glob("r*.txt"))
    size = sum(p.stat().st_size for p in paths)
    govparse_pass(paths[:50])  # build grammars and tables once, as any long run does
    floor = parsed = float("inf")
    for _ in range(rounds):
        floor = min(floor, floor_pass(paths))
        parsed = min(parsed, govparse_pass(paths))
    # The stages from a pass of their own: the clock's laps cost about a
    # microsecond a report, which the throughput above does not pay.
    clock = StageClock()
    clocked = govparse_pass(paths, clock)
    stage_total = sum(clock.seconds.values())
    return {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine()},
        "build": build(),
        "corpus": {"reports": len(paths), "megabytes": round(size / 1e6, 2), "seed": seed,
                   "renderer": fingerprint()},
        "floor": {"seconds": round(floor, 4), "reports_per_s": round(len(paths) / floor)},
        "govparse": {"seconds": round(parsed, 4), "reports_per_s": round(len(paths) / parsed),
                     "mb_per_s": round(size / 1e6 / parsed, 2)},
        "ratio": round(parsed / floor, 2),
        "stages_us_per_report": {stage: round(seconds / len(paths) * 1e6, 1) for stage, seconds in
                                 sorted(clock.seconds.items(), key=lambda item: -item[1])},
        "stage_overhead_us": round((clocked - stage_total) / len(paths) * 1e6, 1),
        "memory": {"max_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                   "parse_peak_kib": round(memory_sample(paths), 1)},
        "correctness": correctness(folder),
    }


def table(figures: dict) -> str:
    g, f, c = figures["govparse"], figures["floor"], figures["correctness"]
    lines = [
        f"corpus      {figures['corpus']['reports']} reports, {figures['corpus']['megabytes']} MB "
        f"(seed {figures['corpus']['seed']})",
        f"floor       {f['reports_per_s']:>8} reports/s   (read + decode + split lines)",
        f"govparse    {g['reports_per_s']:>8} reports/s   {g['mb_per_s']} MB/s   "
        f"({'compiled: ' + ', '.join(figures['build']['compiled']) if figures['build']['compiled'] else 'pure Python'})",
        f"ratio       {figures['ratio']:>8}            (govparse time / floor time)",
        f"memory      max RSS {figures['memory']['max_rss_mib']} MiB, "
        f"one parse peaks at {figures['memory']['parse_peak_kib']} KiB",
        f"correct     {c['parsed']}/{c['reports']} parsed, {c['tables_found']}/{c['tables_expected']} tables, "
        f"{c['cells_equal']}/{c['cells']} cells equal to the truth, {c['identity_findings']} identity findings",
        "stages (µs per report):",
    ]
    lines += [f"  {stage:<18} {us:>8}" for stage, us in figures["stages_us_per_report"].items()]
    return "\n".join(lines)


def check(figures: dict, baseline_file: Path) -> list[str]:
    """Problems against the committed baseline: correctness exactly, the ratio loosely."""
    baseline = json.loads(baseline_file.read_text(encoding="utf-8"))
    problems = []
    key = ("reports", "seed", "renderer")
    same_corpus = all(baseline["corpus"].get(k) == figures["corpus"][k] for k in key)
    got, want = figures["correctness"], baseline["correctness"]
    if same_corpus:
        for key in ("parsed", "tables_found", "cells_equal", "identity_findings"):
            if got[key] != want[key]:
                problems.append(f"correctness: {key} is {got[key]}, the baseline says {want[key]}")
    else:
        problems.append("the baseline was measured on another corpus (reports, seed or renderer differ); "
                        "regenerate it: python benchmarks/bench.py --reports 3000 --rounds 2 "
                        "--out benchmarks/baseline.json")
    if bool(baseline.get("build", {}).get("compiled")) != bool(figures["build"]["compiled"]):
        problems.append("the baseline was measured on a {} build and this run is {}; compare like with like "
                        "(make bench-ci runs the compiled wheel)".format(
                            *("compiled" if b else "pure-Python" for b in
                              (baseline.get("build", {}).get("compiled"), figures["build"]["compiled"]))))
    limit = baseline["ratio"] * RATIO_TOLERANCE
    if figures["ratio"] > limit:
        problems.append(f"speed: ratio {figures['ratio']} is over {limit:.1f} "
                        f"({RATIO_TOLERANCE} x the baseline's {baseline['ratio']})")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "bench.json")
    parser.add_argument("--check", type=Path, help="baseline JSON to compare against; exit 1 on a regression")
    args = parser.parse_args()
    figures = run(args.reports, args.rounds, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(figures))
    print(f"figures written to {args.out}")
    if args.check is not None:
        problems = check(figures, args.check)
        for problem in problems:
            print(f"REGRESSION {problem}", file=sys.stderr)
        if problems:
            return 1
        print(f"within the baseline ({args.check})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
