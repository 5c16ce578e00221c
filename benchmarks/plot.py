"""Plots of the benchmark figures, as SVG written here (no plotting library), beside the figures they show.

    python benchmarks/plot.py --reports 3000 --batch benchmarks/out/batch.json --out docs/internals/img

- ``stages.svg`` (and ``stages.json``): the CPU time per report of each layout of the benchmark
  corpus, split by pipeline stage (benchmarks/stages.py measures it here), with each layout's
  reports/s;
- ``batch.svg`` (and ``batch.json``, a copy of what benchmarks/bench_batch.py wrote): reports/s on
  one core, ``batch --jobs 1`` and ``--jobs N``, and a Dask LocalCluster, each with its multiple of
  one core and its ratio to the read floor, and the load average of the run.

The docs (docs/internals/benchmarks.md) show both files.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import make_corpus  # noqa: E402
from stages import measure  # noqa: E402

# one colour per stage, in the pipeline's order (a stage not listed takes the last)
STAGE_COLOURS = {
    "decode": "#4e79a7", "sections": "#a0cbe8", "normalize+edition": "#f28e2b", "layout": "#ffbe7d",
    "cells": "#59a14f", "labels": "#8cd17d", "rows": "#b6992d", "identities": "#e15759", "meta": "#ff9d9a",
    "narrative": "#79706e", "other": "#bab0ac",
}
FONT = "font-family='DejaVu Sans, Arial, sans-serif'"
WIDTH = 900
LABEL_WIDTH = 250  # left margin for the bar names
BAR = 18
GAP = 8


def _text(x: float, y: float, text: str, size: int = 12, anchor: str = "start", weight: str = "normal") -> str:
    return (f"<text x='{x:.1f}' y='{y:.1f}' font-size='{size}' text-anchor='{anchor}' font-weight='{weight}' "
            f"{FONT}>{escape(text)}</text>")


def _svg(height: float, parts: list[str]) -> str:
    return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{WIDTH}' height='{height:.0f}' "
            f"viewBox='0 0 {WIDTH} {height:.0f}'>\n<rect width='100%' height='100%' fill='white'/>\n"
            + "\n".join(parts) + "\n</svg>\n")


def stages_svg(found: list[dict], title: str) -> str:
    """Stacked horizontal bars: µs per report of each layout, by stage."""
    longest = max(row["us_per_report"] for row in found)
    scale = (WIDTH - LABEL_WIDTH - 110) / longest
    parts = [_text(10, 22, title, 14, weight="bold")]
    y = 40
    for row in found:
        parts.append(_text(LABEL_WIDTH - 6, y + BAR - 5, row["layout"], 11, "end"))
        x = LABEL_WIDTH
        for stage, us in row["stages"].items():
            colour = STAGE_COLOURS.get(stage, STAGE_COLOURS["other"])
            parts.append(f"<rect x='{x:.1f}' y='{y}' width='{us * scale:.1f}' height='{BAR}' fill='{colour}'>"
                         f"<title>{escape(row['layout'])}: {escape(stage)} {us:.0f} µs</title></rect>")
            x += us * scale
        parts.append(_text(LABEL_WIDTH + row["us_per_report"] * scale + 6, y + BAR - 5,
                           f"{row['us_per_report']:.0f} µs · {1e6 / row['us_per_report']:,.0f}/s", 11))
        y += BAR + GAP
    y += 6
    x = LABEL_WIDTH
    for stage, colour in STAGE_COLOURS.items():
        if x + 8 * len(stage) + 24 > WIDTH:
            x, y = LABEL_WIDTH, y + 18
        parts.append(f"<rect x='{x}' y='{y}' width='12' height='12' fill='{colour}'/>")
        parts.append(_text(x + 16, y + 11, stage, 11))
        x += 8 * len(stage) + 36
    parts.append(_text(LABEL_WIDTH, y + 34, "CPU µs per report, one core (time.process_time); stage 'other': "
                       "between the stages", 11))
    return _svg(y + 46, parts)


def batch_svg(figures: dict, title: str) -> str:
    """Horizontal bars: reports/s of each way of running, with its multiple of one core and floor ratio."""
    rates = {name: rate for name, rate in figures["reports_per_s"].items() if name != "floor"}
    scale = (WIDTH - LABEL_WIDTH - 250) / max(rates.values())
    parts = [_text(10, 22, title, 14, weight="bold")]
    y = 40
    for name, rate in rates.items():
        parts.append(_text(LABEL_WIDTH - 6, y + BAR - 5, name, 12, "end"))
        colour = "#4e79a7" if name == "one core" else "#59a14f" if name.startswith("batch") else "#f28e2b"
        parts.append(f"<rect x='{LABEL_WIDTH}' y='{y}' width='{rate * scale:.1f}' height='{BAR}' fill='{colour}'/>")
        parts.append(_text(LABEL_WIDTH + rate * scale + 6, y + BAR - 5,
                           f"{rate:,.0f}/s · {figures['x_one_core'][name]}× one core · "
                           f"floor ratio {figures['floor_ratio'][name]}", 11))
        y += BAR + GAP
    machine = figures["machine"]
    loads = ", ".join(f"{v:.1f}" for v in machine["load_average"])
    notes = [f"read floor (read + decode + split lines): {figures['reports_per_s']['floor']:,.0f} reports/s; "
             f"{figures['corpus']['reports']:,} reports, steady rate (the first tenth left out)",
             f"{machine['cores_available']} cores available; load average over the run {loads}; "
             f"plain-Python scaling of {figures['jobs']} processes {figures['machine_scaling']}"]
    for note in notes:
        y += 16
        parts.append(_text(LABEL_WIDTH, y, note, 11))
    return _svg(y + 14, parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=3000, help="corpus for the stages plot")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch", type=Path, help="figures of benchmarks/bench_batch.py to plot")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--no-stages", action="store_true", help="only the batch plot (no measuring here)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    import govparse.pipeline

    build = "compiled" if govparse.pipeline.__file__.endswith((".so", ".pyd")) else "pure Python"
    if not args.no_stages:
        plot_stages(args, build)
    if args.batch is not None:
        figures = json.loads(args.batch.read_text(encoding="utf-8"))
        if args.batch.resolve() != (args.out / "batch.json").resolve():
            shutil.copy(args.batch, args.out / "batch.json")
        (args.out / "batch.svg").write_text(batch_svg(
            figures, f"govparse batch: reports/s by way of running ({figures.get('build', build)})"),
            encoding="utf-8")
        print(f"wrote {args.out / 'batch.svg'}")
    return 0


def plot_stages(args, build: str) -> None:
    folder = make_corpus(args.reports)
    datas = [path.read_bytes() for path in sorted(folder.glob("r*.txt"))]
    found = [{"layout": layout, "us_per_report": round(per, 1),
              "stages": {stage: round(us, 1) for stage, us in stages.items()}}
             for layout, per, stages in measure(datas, rounds=args.rounds)]
    for row in found:  # what falls between the stages' laps
        row["stages"]["other"] = round(max(0.0, row["us_per_report"] - sum(row["stages"].values())), 1)
    stages_figures = {"reports": len(datas), "build": build, "python": platform.python_version(),
                      "layouts": found}
    (args.out / "stages.json").write_text(json.dumps(stages_figures, indent=1, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    (args.out / "stages.svg").write_text(stages_svg(
        found, f"Throughput by layout and stage ({build}, {len(datas):,} reports)"), encoding="utf-8")
    print(f"wrote {args.out / 'stages.svg'}")


if __name__ == "__main__":
    sys.exit(main())
