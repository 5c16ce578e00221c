"""Throughput of ``govparse batch`` by cores, and on a Dask LocalCluster, against the read floor.

    python benchmarks/bench_batch.py --reports 3000                 # one core, 1 and N jobs
    python benchmarks/bench_batch.py --reports 3000 --dask          # and a LocalCluster of N workers
    python benchmarks/bench_batch.py --memory 100000                # RSS sampled over a long run

What it measures, on the benchmark corpus (benchmarks/corpus.py), side by side in one run:
- floor: read, decode and split the lines of every file, on one core;
- one core: ``govparse.batch.process`` file after file in one fresh process (as a worker starts: the
  parser's caches empty), with no pool: one core's rate, the yardstick for the jobs below;
- batch --jobs 1 and --jobs N: ``run_batch`` writing a jsonl OUT; the rate is the steady one, after
  the first tenth of the records (which pays for starting the workers); the whole run's rate beside it;
  with --cells also --jobs N writing the cell form (Arrow record batches made in the workers);
- dask: ``run_batch`` with ``scheduler=`` a LocalCluster of N one-thread worker processes
  (the cluster's start not included), after the local runs, one core measured again beside it;
- each in reports/s, as the ratio floor-rate / rate, and --jobs N as a multiple of one core;
- peak memory: the main process and the workers (resident sets sampled every 0.2 s from /proc);
  with --memory M, a run over M inputs (links to the corpus, round robin) whose main-process
  RSS is reported at each tenth of the run, to show it stays flat;
- machine scaling: what N processes of plain Python give over one, measured in each round: on a
  shared machine the ceiling for the --jobs N figure is this, not N;
- CPU, which the load of other processes changes far less than rates: the main process's CPU
  seconds per record (its thread, over the steady part of the run), the workers' CPU seconds per
  record and the share of their time spent idle, waiting for work (govparse.pool's stats), beside
  one core's CPU seconds per record; and from them the multiple of one core the run would reach
  on the machine's cores with nothing else running (relative_cpu), which the load moves far less
  than the rates;
- the load average (1 min) when each figure was taken, beside it;
- the JSON encoders on the corpus's records (the json module, orjson, msgspec: those installed).

The machine is shared and noisy: each figure is the best of --rounds, the rounds interleaved, and
the load average is reported beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import make_corpus  # noqa: E402
from govparse import records  # noqa: E402
from govparse.batch import default_jobs, process, run_batch, warm  # noqa: E402
from govparse.decode import decode  # noqa: E402
from govparse.pipeline import parse_file  # noqa: E402

if TYPE_CHECKING:
    from govparse.pool import PoolStats

SAMPLE_EVERY = 0.2  # seconds between RSS samples


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        parent = stack.pop()
        children = []
        for task in Path(f"/proc/{parent}/task").glob("*"):  # a child belongs to the thread that started it
            try:
                children += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
        found += children
        stack += children
    return found


class Sampler:
    """Resident set of this process and of its descendants, sampled on a thread."""

    def __init__(self) -> None:
        self.main: list[tuple[float, int]] = []
        self.children_peak = 0
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        pid = os.getpid()
        while not self.stopping.is_set():
            self.main.append((time.perf_counter(), rss_kib(pid)))
            self.children_peak = max(self.children_peak, sum(rss_kib(c) for c in descendants(pid)))
            self.stopping.wait(SAMPLE_EVERY)

    def __enter__(self) -> Sampler:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        self.thread.join()

    def figures(self) -> dict:
        peak = max((kib for _, kib in self.main), default=0)
        return {"main_peak_mib": round(peak / 1024, 1), "workers_peak_mib": round(self.children_peak / 1024, 1)}

    def by_tenth(self) -> list[float]:
        """Main-process RSS (MiB) at each tenth of the run."""
        if not self.main:
            return []
        start, end = self.main[0][0], self.main[-1][0]
        marks = []
        for tenth in range(1, 11):
            at = start + (end - start) * tenth / 10
            marks.append(round(min(self.main, key=lambda s: abs(s[0] - at))[1] / 1024, 1))
        return marks


def load() -> float:
    return round(os.getloadavg()[0], 2)


def floor_pass(paths: list[str]) -> float:
    started = time.perf_counter()
    for path in paths:
        decode(Path(path).read_bytes()).text.splitlines()
    return time.perf_counter() - started


def in_fresh_process(function, *args, init=None):
    """``function(*args)`` in a fresh process: the parser's caches start empty there, as in a batch
    worker, and this process's resident set (the main process of the batches) does not grow by
    what it loads (the renderer, the parsers)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=init) as one:
        return one.submit(function, *args).result()


def one_core_pass(paths: list[str]) -> tuple[float, float]:
    """(seconds, CPU seconds) per report of govparse.batch.process, file after file, in a fresh process
    as a batch worker is, leaving out the first tenth like the batches."""
    return in_fresh_process(_one_core, paths, init=warm)


def _one_core(paths: list[str]) -> tuple[float, float]:
    """(seconds, CPU seconds) per report."""
    skip = len(paths) // 10
    for path in paths[:skip]:
        process(path, records.JSONL)
    started, cpu = time.perf_counter(), time.process_time()
    for path in paths[skip:]:
        process(path, records.JSONL)
    count = max(1, len(paths) - skip)
    return (time.perf_counter() - started) / count, (time.process_time() - cpu) / count


@dataclass
class Pass:
    """One batch run: its rates, its CPU and the load it ran under."""

    elapsed: float  # seconds for the whole run
    steady: float  # seconds per report after the first tenth
    memory: dict
    load: float  # load average (1 min) when the run started
    main_cpu: float  # CPU seconds per report of the main process's thread, after the first tenth
    workers: PoolStats | None  # the local workers' idle, busy and CPU seconds (None on Dask)


def batch_pass(paths_source: str, jobs: int, scheduler=None, fmt: str = records.JSONL) -> Pass:
    """A run of ``run_batch``; the steady figures leave out the first tenth of the records, which
    pays for starting the workers (import, grammars)."""
    marks: dict[int, tuple[float, float]] = {}  # records done -> (time, main thread's CPU time)

    def progress(done: int, total: int) -> None:
        if done in (total // 10, total):
            marks[done] = time.perf_counter(), time.thread_time()

    begun = load()
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / f"out.{fmt}"
        with Sampler() as sampler:
            started = time.perf_counter()
            summary = run_batch(paths_source, out, fmt=fmt, jobs=jobs, scheduler=scheduler, progress=progress)
            elapsed = time.perf_counter() - started
    assert summary.files == summary.ok, summary.lines()
    first, last = min(marks), max(marks)
    count = max(1, last - first)
    return Pass(elapsed, (marks[last][0] - marks[first][0]) / count, sampler.figures(), begun,
                (marks[last][1] - marks[first][1]) / count,
                getattr(summary, "workers", None))  # None from a build before the pool kept stats


def spin(seconds: float) -> float:
    """Loops of plain Python per second: what one core gives this process now."""
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        for _ in range(10_000):
            count += 1
    return count / (time.perf_counter() - started)


def machine_scaling(jobs: int, seconds: float = 2.0) -> float:
    """What N processes of plain Python give over one, on this machine at this moment: the ceiling
    for any --jobs N figure measured beside it (on a shared machine it is well under N)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(spin, [0.1] * jobs))  # started
        one = pool.submit(spin, seconds).result()
        together = sum(pool.map(spin, [seconds] * jobs))
    return round(together / one, 2)


def encoders(paths: list[str]) -> dict:
    """µs per record for each JSON encoder installed, on the same documents (the best of 3 passes)."""
    from govparse.result import dumps

    documents = [records.document(p, parse_file(p)) for p in paths[:300]]
    candidates = {"json (stdlib, Decimal marked)": dumps, "msgspec": records.json_bytes}
    try:
        import orjson

        def exact(value):
            return orjson.Fragment(format(value, "f"))

        candidates["orjson (Decimal via default)"] = lambda d: orjson.dumps(d, default=exact)
    except ImportError:
        pass
    figures = {}
    for name, encode in candidates.items():
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            for document in documents:
                encode(document)
            best = min(best, time.perf_counter() - started)
        figures[name] = round(best / len(documents) * 1e6, 1)
    return figures


def run(args) -> dict:
    folder = in_fresh_process(make_corpus, args.reports, args.seed)
    paths = sorted(str(p) for p in folder.glob("r*.txt"))
    source = str(folder / "r*.txt")
    jobs = args.jobs or default_jobs()
    best: dict[str, float] = {}  # seconds per report, steady
    load_at: dict[str, float] = {}  # the load average when the best figure was taken
    whole: dict[str, float] = {}  # reports/s over the whole run, workers' start included
    memory: dict[str, dict] = {}
    cpu: dict[str, dict] = {}  # name -> CPU figures of its best pass
    one_core_cpu: list[float] = []  # CPU seconds per report of one core, by pass
    loads: list[float] = [load()]

    def note(name: str, seconds_per_report: float, at: float) -> bool:
        if seconds_per_report < best.get(name, float("inf")):
            best[name], load_at[name] = seconds_per_report, at
            return True
        return False

    def note_one_core() -> None:
        at = load()
        wall, cpu_seconds = one_core_pass(paths)
        note("one core", wall, at)
        one_core_cpu.append(cpu_seconds)

    def note_batch(name: str, measured: Pass) -> None:
        memory[name] = measured.memory
        whole[name] = max(whole.get(name, 0.0), round(len(paths) / measured.elapsed, 1))
        if note(name, measured.steady, measured.load) or name not in cpu:
            cpu[name] = cpu_figures(measured)

    scaling: list[float] = []
    for _ in range(args.rounds):
        scaling.append(machine_scaling(jobs))
        note("floor", floor_pass(paths) / len(paths), load())
        note_one_core()
        for count in sorted({1, jobs}):
            note_batch(f"batch --jobs {count}", batch_pass(source, count))
        if args.cells:
            note_batch(f"batch --jobs {jobs} cells", batch_pass(source, jobs, fmt=records.CELLS))
        loads.append(load())
    if args.dask:  # a cluster of its own, after the local runs: its scheduler lives in this process
        from distributed import Client, LocalCluster

        with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=50) as cluster, Client(cluster) as client:
            for _ in range(args.rounds):
                note_batch(f"dask LocalCluster {jobs}x1", batch_pass(source, jobs, client))
                note_one_core()  # beside it, under the same load
                loads.append(load())
    rates = {name: round(1 / seconds, 1) for name, seconds in best.items()}
    floor = rates["floor"]
    reference = min(one_core_cpu)
    for name, figures in cpu.items():
        figures.update(relative_cpu(figures, reference, 1 if name == "batch --jobs 1" else jobs, default_jobs()))
    figures = {
        "build": "compiled" if parse_file.__module__ and not hasattr(parse_file, "__code__") else "pure Python",
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cores": os.cpu_count(), "cores_available": default_jobs(), "load_average": loads},
        "corpus": {"reports": len(paths), "seed": args.seed},
        "jobs": jobs,
        "machine_scaling": scaling,
        "reports_per_s": rates,
        "load_at": load_at,
        "floor_ratio": {name: round(floor / rate, 2) for name, rate in rates.items() if name != "floor"},
        "x_one_core": {name: round(rate / rates["one core"], 2) for name, rate in rates.items() if name != "floor"},
        "whole_run_reports_per_s": whole,
        "cpu_us_per_record": {"one core": round(reference * 1e6, 1), **cpu},
        "memory": memory,
        "encoder_us_per_record": in_fresh_process(encoders, paths),
    }
    if args.memory:
        figures["long_run"] = long_run(paths, args.memory, jobs)
    return figures


def cpu_figures(measured: Pass) -> dict:
    """A pass's CPU per record (µs): the main process's thread and, for local workers, theirs (and
    the part of it outside ``process``: the pool's messages), and the share of the workers' time
    spent waiting for work."""
    figures = {"main": round(measured.main_cpu * 1e6, 1)}
    stats = measured.workers
    if stats is not None and stats.tasks:
        figures["workers"] = round(stats.cpu / stats.tasks * 1e6, 1)
        figures["workers_outside_work"] = round((stats.cpu - stats.work_cpu) / stats.tasks * 1e6, 1)
        figures["workers_idle_share"] = round(stats.idle / max(1e-9, stats.idle + stats.busy), 4)
        figures["records_per_message"] = round(stats.tasks / max(1, stats.messages), 1)
    return figures


def relative_cpu(figures: dict, one_core: float, jobs: int, cores: int) -> dict:
    """The pass's CPU against one core's: the main process's share of a record, the workers' CPU per
    record as a multiple of one core's, and the multiple of one core the pass would reach on ``cores``
    cores of its own, idle aside: each worker makes a record per ``workers`` CPU seconds, and the
    workers and the main process together need ``workers + main`` of the cores' seconds a record, so
    min(jobs / workers, cores / (workers + main)) records per second, over one core's 1 / one_core."""
    if "workers" not in figures:
        return {}
    main, workers = figures["main"] / 1e6, figures["workers"] / 1e6
    return {"main_share_of_one_core_record": round(main / one_core, 4),
            "workers_x_one_core_cpu": round(workers / one_core, 3),
            "projected_x_one_core": round(min(jobs / workers, cores / (workers + main)) * one_core, 2)}


def long_run(paths: list[str], count: int, jobs: int) -> dict:
    """A batch over ``count`` inputs (links to the corpus), the main process's RSS by tenths."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "in"
        folder.mkdir()
        for index in range(count):
            (folder / f"r{index:07d}.txt").symlink_to(paths[index % len(paths)])
        out = Path(scratch) / "out.jsonl"
        begun, cpu = load(), time.thread_time()
        with Sampler() as sampler:
            summary = run_batch(str(folder), out, jobs=jobs)
        main_cpu = (time.thread_time() - cpu) / max(1, summary.files)
        return {"reports": summary.files, "reports_per_s": round(summary.rate, 1), "load": begun,
                "main_cpu_us_per_record": round(main_cpu * 1e6, 1),
                "main_rss_mib_by_tenth": sampler.by_tenth(), **sampler.figures()}


def table(figures: dict) -> str:
    machine = figures["machine"]
    lines = [f"{figures['build']} · corpus {figures['corpus']['reports']} reports · {machine['cores_available']} "
             f"cores available · load average {machine['load_average']}",
             f"machine scaling {figures['machine_scaling']} ({figures['jobs']} busy processes over one, by round: "
             "the ceiling for x one core now)"]
    for name, rate in figures["reports_per_s"].items():
        extra = "" if name == "floor" else (f"   floor ratio {figures['floor_ratio'][name]:>6}"
                                            f"   x one core {figures['x_one_core'][name]:>5}")
        lines.append(f"{name:<24} {rate:>9} reports/s{extra}   (load {figures['load_at'][name]})")
    cpu = figures["cpu_us_per_record"]
    lines.append(f"CPU µs per record (load-proof): one core {cpu['one core']}")
    for name, one in cpu.items():
        if name == "one core":
            continue
        text = f"  {name:<22} main {one['main']}"
        if "workers" in one:
            text += (f" ({one['main_share_of_one_core_record']:.1%} of a record) · workers {one['workers']} "
                     f"({one['workers_x_one_core_cpu']}x one core's; {one['workers_outside_work']} of it outside "
                     f"process(): messages, pickling) · workers idle "
                     f"{one['workers_idle_share']:.1%} · {one['records_per_message']} records a message · "
                     f"projected x one core on the idle machine {one['projected_x_one_core']}")
        lines.append(text)
    for name, peak in figures["memory"].items():
        lines.append(f"memory {name:<17} main {peak['main_peak_mib']} MiB, workers {peak['workers_peak_mib']} MiB")
    lines.append("whole runs (workers' start included): " + ", ".join(
        f"{name} {rate} reports/s" for name, rate in figures["whole_run_reports_per_s"].items()))
    lines.append("JSON encoders (µs per record): " + ", ".join(
        f"{name} {us}" for name, us in figures["encoder_us_per_record"].items()))
    if "long_run" in figures:
        run_ = figures["long_run"]
        lines.append(f"long run {run_['reports']} reports at {run_['reports_per_s']} reports/s (load {run_['load']}), "
                     f"main CPU {run_['main_cpu_us_per_record']} µs a record (inputs found, start included): "
                     f"main RSS by tenth {run_['main_rss_mib_by_tenth']} MiB, workers peak {run_['workers_peak_mib']} MiB")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=0, help="workers for the N-core runs (default: cores available)")
    parser.add_argument("--dask", action="store_true", help="also run on a Dask LocalCluster (govparse[dask])")
    parser.add_argument("--memory", type=int, default=0, help="also a long run over this many inputs")
    parser.add_argument("--cells", action="store_true",
                        help="also --jobs N writing --format cells (the long form as Parquet, needs pyarrow)")
    parser.add_argument("--out", type=Path, default=HERE / "out" / "batch.json")
    args = parser.parse_args()
    figures = run(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(figures))
    print(f"figures written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
