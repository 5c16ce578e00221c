"""benchmarks/bench_batch.py's arithmetic and its figures as the plot reads them (no timing here)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
bench_batch = pytest.importorskip("bench_batch")
plot = pytest.importorskip("plot")

from govparse.pool import PoolStats  # noqa: E402


def test_projection_is_bound_by_the_workers_then_by_the_cores():
    one_core = 500e-6
    figures = {"main": 25.0, "workers": 550.0}  # µs per record
    alone = bench_batch.relative_cpu(figures, one_core, jobs=1, cores=2)
    assert alone["projected_x_one_core"] == round(500 / 550, 2)  # the main process has a core of its own
    shared = bench_batch.relative_cpu(figures, one_core, jobs=2, cores=2)
    assert shared["projected_x_one_core"] == round(2 * 500 / (550 + 25), 2)  # it takes its share of two
    assert shared["main_share_of_one_core_record"] == 0.05 and shared["workers_x_one_core_cpu"] == 1.1
    assert bench_batch.relative_cpu({"main": 10.0}, one_core, jobs=2, cores=2) == {}  # Dask: no pool stats


def test_cpu_figures_from_the_pools_stats():
    stats = PoolStats(tasks=1000, idle=0.1, busy=9.9, cpu=0.6, work_cpu=0.58, messages=50)
    measured = bench_batch.Pass(elapsed=12.0, steady=0.01, memory={}, load=1.0, main_cpu=20e-6, workers=stats)
    figures = bench_batch.cpu_figures(measured)
    assert figures == {"main": 20.0, "workers": 600.0, "workers_outside_work": 20.0, "workers_idle_share": 0.01,
                       "records_per_message": 20.0}


def test_the_table_and_the_plot_read_the_figures():
    rates = {"floor": 30000.0, "one core": 2000.0, "batch --jobs 1": 1900.0, "batch --jobs 2": 3700.0}
    cpu = {"main": 20.0, "workers": 520.0, "workers_outside_work": 8.0, "workers_idle_share": 0.002,
           "records_per_message": 40.0}
    figures = {
        "build": "compiled", "corpus": {"reports": 3000, "seed": 1}, "jobs": 2, "machine_scaling": [1.98],
        "machine": {"cores_available": 2, "load_average": [0.5, 0.6]},
        "reports_per_s": rates, "load_at": dict.fromkeys(rates, 0.5),
        "floor_ratio": {name: round(30000 / rate, 2) for name, rate in rates.items() if name != "floor"},
        "x_one_core": {name: round(rate / 2000, 2) for name, rate in rates.items() if name != "floor"},
        "whole_run_reports_per_s": {"batch --jobs 2": 3000.0},
        "cpu_us_per_record": {"one core": 500.0,
                              "batch --jobs 2": {**cpu, **bench_batch.relative_cpu(cpu, 500e-6, 2, 2)}},
        "memory": {"batch --jobs 2": {"main_peak_mib": 35.0, "workers_peak_mib": 200.0}},
        "encoder_us_per_record": {"msgspec": 20.0},
    }
    text = bench_batch.table(figures)
    assert "batch --jobs 2              3700.0 reports/s" in text and "(load 0.5)" in text
    assert "projected x one core on the idle machine 1.85" in text and "main 20.0 (4.0% of a record)" in text
    svg = plot.batch_svg(figures, "batch")
    assert "3,700/s · 1.85× one core · floor ratio 8.11" in svg and "plain-Python scaling of 2 processes [1.98]" in svg
