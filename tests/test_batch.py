"""govparse batch: one record per input, every format, resume, and failures that lose nothing.

Crashes are real: a worker that kills itself with SIGKILL, a worker killed from
outside, a worker that hangs past the timeout, and Ctrl-C sent to the whole
process group of a running batch.
"""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import pytest
from typer.testing import CliRunner

import batch_work
from conftest import SEEDS, seed_reports
from govparse.batch import PARQUET_MISSING, BatchError, _cgroup_cores, default_jobs, find_inputs, run_batch
from govparse.cli import app
from govparse.pool import Pool, PoolError
from govparse.records import CSV_HEADER, PARQUET_COLUMNS

runner = CliRunner()
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and terminals")
POLL_LIMIT = 120  # seconds a test waits for a subprocess to reach a state before failing


def seeds() -> list[Path]:
    found = seed_reports()
    if not found:
        pytest.skip(f"seed reports not found at {SEEDS}")
    return found


@pytest.fixture
def inputs(tmp_path) -> Path:
    """The five seeds, a random binary file and an empty file."""
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in seeds():
        shutil.copy(seed, folder / seed.name)
    (folder / "random.bin").write_bytes(random.Random(4).randbytes(5000))
    (folder / "empty.txt").write_bytes(b"")
    return folder


def many_inputs(folder: Path, count: int) -> Path:
    """``count`` inputs: links to the seeds, round robin."""
    found = seeds()
    folder.mkdir()
    for index in range(count):
        (folder / f"r{index:05d}.txt").symlink_to(found[index % len(found)])
    return folder


def jsonl_records(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def files_of(records: list[dict]) -> list[str]:
    return [r["file"] for r in records]


def no_leftovers(folder: Path) -> None:
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".partial")]


def batch(*args: str):
    return runner.invoke(app, ["batch", *args])


# --- records and formats -------------------------------------------------------------------

def test_seven_inputs_give_seven_jsonl_records(inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    result = batch(str(inputs), "-o", str(out), "--jobs", "3")
    assert result.exit_code == 0, result.output
    records = jsonl_records(out)
    assert sorted(files_of(records)) == sorted(str(p) for p in inputs.iterdir())
    assert all(r["ok"] is True for r in records)
    seeds = [r for r in records if r["file"].endswith(".txt") and r["applications"] is not None]
    assert len(seeds) == 5
    empty = next(r for r in records if r["file"].endswith("empty.txt"))
    assert empty["applications"] is None and empty["diagnostics"]
    assert "files 7 · ok 7 · failed 0" in result.stdout
    assert "reports/s" in result.stdout
    assert result.stderr == ""  # no progress bar when not on a terminal
    no_leftovers(tmp_path)


def test_csv_output_is_well_formed(inputs, tmp_path):
    out = tmp_path / "out.csv"
    result = batch(str(inputs), "-o", str(out), "--jobs", "2")
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_HEADER
    assert all(len(row) == len(CSV_HEADER) for row in rows)
    ok_rows = [row for row in rows[1:] if row[1:4] == ["report", "", "ok"]]
    assert sorted(row[0] for row in ok_rows) == sorted(str(p) for p in inputs.iterdir())
    # each file's rows are together
    order = [row[0] for row in rows[1:]]
    assert len({f for f in order}) == sum(1 for a, b in zip([None] + order, order) if a != b)


def test_parquet_output(inputs, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    result = batch(str(inputs), "-o", str(out), "--jobs", "2")
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.column_names == [name for name, _ in PARQUET_COLUMNS]
    rows = table.to_pylist()
    assert sorted(r["file"] for r in rows) == sorted(str(p) for p in inputs.iterdir())
    seed = next(r for r in rows if r["file"].endswith(seed_reports()[0].name))
    assert json.loads(seed["document"])["edition"] == seed["edition"] == "2021"
    resumed = batch(str(inputs), "-o", str(out), "--resume")
    assert resumed.exit_code == 0 and "skipped 7" in resumed.stdout
    assert pq.read_table(out).to_pylist() == rows


def test_parquet_without_pyarrow_says_how_to_get_it(inputs, tmp_path, monkeypatch):
    for name in ("pyarrow", "pyarrow.parquet"):
        monkeypatch.setitem(sys.modules, name, None)  # import fails as if not installed
    out = tmp_path / "out.parquet"
    result = batch(str(inputs), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"govparse: {PARQUET_MISSING}"
    assert "pip install 'govparse[parquet]'" in result.stderr
    assert not out.exists()
    no_leftovers(tmp_path)


def test_format_follows_the_suffix_unless_given(inputs, tmp_path):
    assert batch(str(inputs), "-o", str(tmp_path / "a.csv")).exit_code == 0
    assert (tmp_path / "a.csv").read_text(encoding="utf-8").startswith(",".join(CSV_HEADER))
    assert batch(str(inputs), "-o", str(tmp_path / "b.out"), "-f", "csv").exit_code == 0
    assert (tmp_path / "b.out").read_text(encoding="utf-8").startswith(",".join(CSV_HEADER))
    assert batch(str(inputs), "-o", str(tmp_path / "c.data")).exit_code == 0
    assert len(jsonl_records(tmp_path / "c.data")) == 7


def test_glob_input_and_output_inside_the_input_folder(inputs):
    out = inputs / "out.jsonl"
    assert batch(str(inputs / "*.txt"), "-o", str(out)).exit_code == 0
    assert len(jsonl_records(out)) == 6  # five seeds and the empty file
    again = batch(str(inputs), "-o", str(out))  # the folder now holds OUT: it is not an input
    assert again.exit_code == 0
    assert str(out) not in files_of(jsonl_records(out))


def test_no_inputs_is_one_line(tmp_path):
    for source in (str(tmp_path / "nothing-here"), str(tmp_path / "*.txt")):
        result = batch(source, "-o", str(tmp_path / "out.jsonl"))
        assert result.exit_code == 1
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert not (tmp_path / "out.jsonl").exists()


def test_output_directory_missing_is_one_line(inputs, tmp_path):
    result = batch(str(inputs), "-o", str(tmp_path / "no" / "such" / "out.jsonl"))
    assert result.exit_code == 1
    assert result.stderr.startswith("govparse: cannot write") and "Traceback" not in result.output


@pytest.mark.skipif(sys.platform != "linux", reason="file names as bytes")
def test_a_file_name_that_is_not_utf8_is_written_escaped_and_resumed(inputs, tmp_path):
    with open(os.path.join(os.fsencode(inputs), b"bad\xffname.txt"), "wb") as handle:
        handle.write(seeds()[0].read_bytes())
    for fmt in ("jsonl", "csv"):
        out = tmp_path / f"out.{fmt}"
        summary = run_batch(str(inputs), out, fmt=fmt, jobs=1)
        assert (summary.files, summary.ok) == (8, 8)
        if fmt == "jsonl":
            names = files_of(jsonl_records(out))
        else:
            with open(out, encoding="utf-8", newline="") as handle:
                names = [row[0] for row in csv.reader(handle)]
        assert str(inputs / "bad\\xffname.txt") in names
        assert run_batch(str(inputs), out, fmt=fmt, jobs=1, resume=True).skipped == 8


# --- resume --------------------------------------------------------------------------------

def test_resume_skips_files_already_in_out(inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    later = tmp_path / "later"
    later.mkdir()
    names = sorted(p.name for p in inputs.iterdir())
    for name in names[3:]:
        (inputs / name).rename(later / name)
    assert batch(str(inputs), "-o", str(out)).exit_code == 0
    first = out.read_text(encoding="utf-8")
    for name in names[3:]:
        (later / name).rename(inputs / name)
    result = batch(str(inputs), "-o", str(out), "--resume")
    assert result.exit_code == 0, result.output
    assert "files 4 ·" in result.stdout and "skipped 3 files" in result.stdout
    text = out.read_text(encoding="utf-8")
    assert text.startswith(first)  # the old records, untouched, then the new ones
    files = files_of(jsonl_records(out))
    assert sorted(files) == sorted(str(inputs / n) for n in names) and len(set(files)) == 7
    # without --resume OUT is replaced, not appended to
    assert batch(str(inputs), "-o", str(out)).exit_code == 0
    assert len(jsonl_records(out)) == 7


def test_resume_csv(inputs, tmp_path):
    out = tmp_path / "out.csv"
    assert batch(str(inputs), "-o", str(out)).exit_code == 0
    before = out.read_bytes()
    result = batch(str(inputs), "-o", str(out), "--resume")
    assert result.exit_code == 0 and "skipped 7" in result.stdout
    assert out.read_bytes() == before


def test_resume_refuses_a_file_that_is_not_ours(inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("file,table,row,column,value,line\n", encoding="utf-8")
    result = batch(str(inputs), "-o", str(out), "--resume")
    assert result.exit_code == 1
    assert result.stderr.startswith("govparse: cannot resume:")
    assert out.read_text(encoding="utf-8") == "file,table,row,column,value,line\n"
    no_leftovers(tmp_path)


def test_resume_refuses_a_binary_file(inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"PAR1\xff\xfe\x00binary")
    result = batch(str(inputs), "-o", str(out), "--resume")
    assert result.exit_code == 1
    assert result.stderr.startswith("govparse: cannot resume:") and "Traceback" not in result.output
    assert out.read_bytes() == b"PAR1\xff\xfe\x00binary"


# --- failures are records ------------------------------------------------------------------

def test_a_worker_killed_on_a_file_loses_nothing(inputs, tmp_path):
    (inputs / "crash.txt").write_text("kills its worker", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_batch(str(inputs), out, jobs=2, work=partial(batch_work.crash_on_marker, fmt="jsonl"))
    records = jsonl_records(out)
    assert sorted(files_of(records)) == sorted(str(p) for p in inputs.iterdir())
    failed = [r for r in records if not r["ok"]]
    assert files_of(failed) == [str(inputs / "crash.txt")]
    assert "worker process died" in failed[0]["error"] and "SIGKILL" in failed[0]["error"]
    assert (summary.files, summary.ok, summary.failed) == (8, 7, 1)


def test_an_exception_in_the_parser_is_a_failed_record(inputs, tmp_path):
    (inputs / "raise.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "out.csv"
    summary = run_batch(str(inputs), out, fmt="csv", jobs=2, work=partial(batch_work.raise_on_marker, fmt="csv"))
    with open(out, encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle) if r[0].endswith("raise.txt")]
    assert [r[3:5] for r in rows] == [["ok", "false"], ["error", "ValueError: refusing raise.txt"]]
    assert summary.failed == 1 and summary.failures == [(str(inputs / "raise.txt"), "ValueError: refusing raise.txt")]


def test_a_file_past_the_timeout_is_failed_and_its_worker_replaced(inputs, tmp_path):
    (inputs / "hang.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_batch(str(inputs), out, jobs=1, timeout=1,
                        work=partial(batch_work.hang_on_marker, fmt="jsonl"))
    records = {r["file"]: r for r in jsonl_records(out)}
    assert len(records) == 8
    assert records[str(inputs / "hang.txt")]["error"].startswith("timed out after 1 s")
    assert summary.ok == 7  # the files after it ran in a new worker


def test_pool_gives_every_task_exactly_once_across_crashes():
    tasks = list(range(40))
    pool = Pool(batch_work.square_or_crash, 3)
    outcomes = list(pool.map(tasks))
    assert sorted(o.task for o in outcomes) == tasks
    crashed = sorted(o.task for o in outcomes if not o.ok)
    assert crashed == [n for n in tasks if n % 7 == 3]
    assert all(o.value == o.task ** 2 for o in outcomes if o.ok)
    assert pool.respawned >= len(crashed)


def test_pool_sends_tasks_in_chunks_and_a_crash_costs_only_the_task_it_was_on():
    """One worker, so every crash falls inside a chunk: the tasks it had finished but not yet
    answered, and those after, are done again; only the one it was on fails."""
    tasks = list(range(60))
    pool = Pool(batch_work.square_or_crash, 1)
    outcomes = list(pool.map(tasks))
    assert sorted(o.task for o in outcomes) == tasks
    assert sorted(o.task for o in outcomes if not o.ok) == [n for n in tasks if n % 7 == 3]
    assert all(o.value == o.task ** 2 for o in outcomes if o.ok)
    assert pool.stats.tasks == 60 - len([n for n in tasks if n % 7 == 3])
    assert pool.stats.messages < pool.stats.tasks  # chunks of more than one task were answered


def test_pool_times_out_the_task_a_worker_is_on_inside_a_chunk():
    pool = Pool(batch_work.square_or_hang, 1, timeout=1)
    outcomes = {o.task: o for o in pool.map(range(20))}
    assert sorted(outcomes) == list(range(20))
    assert [n for n, o in outcomes.items() if not o.ok] == [10]
    assert outcomes[10].error.startswith("timed out after 1 s")
    assert pool.respawned == 1 and pool.stats.messages < 19


def test_pool_a_result_that_cannot_be_sent_is_that_tasks_error():
    outcomes = {o.task: o for o in Pool(batch_work.square_or_unpicklable, 1).map(range(12))}
    assert [n for n, o in outcomes.items() if not o.ok] == [5]
    assert "pickle" in outcomes[5].error.lower()
    assert all(outcomes[n].value == n * n for n in outcomes if n != 5)


def test_pool_stats_count_the_workers_time():
    pool = Pool(batch_work.square, 2)
    assert len(list(pool.map(range(200)))) == 200
    stats = pool.stats
    assert stats.tasks == 200 and 0 < stats.messages < 200
    assert stats.busy > 0 and stats.cpu > 0 and stats.idle >= 0
    assert 0 <= stats.work_cpu <= stats.cpu


def test_pool_loses_no_task_when_an_idle_worker_dies():
    """The worker is killed between two tasks: the next one cannot be sent, and must still run."""
    pids: list[int] = []

    def tasks():
        for n in range(6):
            if n == 3:
                os.kill(pids[-1], signal.SIGKILL)
                time.sleep(0.5)  # let it die, so the send of task 3 finds its pipe closed
            yield n

    outcomes = []
    for outcome in Pool(batch_work.pid_and_square, 1, prefetch=1, chunk=1).map(tasks()):
        outcomes.append(outcome)
        pids.append(outcome.value[0])
    assert [(o.task, o.value[1]) for o in outcomes] == [(n, n * n) for n in range(6)]
    assert len(set(pids)) == 2  # a new worker did tasks 3 to 5


def test_pool_gives_up_when_workers_cannot_start():
    pool = Pool(batch_work.square, 2, init=batch_work.exit_at_start)
    with pytest.raises(PoolError, match="exit code 7"):
        list(pool.map(range(5)))


def test_cores_from_a_cgroup_quota(tmp_path):
    quota, absent = tmp_path / "cpu.max", str(tmp_path / "absent")
    for text, cores in (("150000 100000\n", 2), ("100000 100000\n", 1), ("max 100000\n", None), ("", None)):
        quota.write_text(text, encoding="ascii")
        assert _cgroup_cores(str(quota), absent) == cores
    v1 = tmp_path / "cpu.cfs_quota_us"
    (tmp_path / "cpu.cfs_period_us").write_text("100000\n", encoding="ascii")
    for text, cores in (("250000\n", 3), ("-1\n", None)):
        v1.write_text(text, encoding="ascii")
        assert _cgroup_cores(absent, str(v1)) == cores
    assert _cgroup_cores(absent, absent) is None
    assert 1 <= default_jobs() <= (os.cpu_count() or 1)


def test_find_inputs_sorted_without_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "a.txt", ".hidden.txt", "b/1.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert find_inputs(str(tmp_path)) == [str(tmp_path / n) for n in ("a.txt", "b/1.txt", "b/2.txt")]
    assert find_inputs(str(tmp_path / "**" / "*.txt")) == [str(tmp_path / n) for n in ("a.txt", "b/1.txt", "b/2.txt")]
    with pytest.raises(BatchError, match="no files found"):
        find_inputs(str(tmp_path / "*.csv"))


def test_find_inputs_leaves_out_the_output_by_identity_and_what_is_below_it(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("{}\n", encoding="utf-8")
    (tmp_path / "link-to-out.jsonl").symlink_to(out)  # another name for OUT is OUT
    cells = tmp_path / "cells"
    (cells / "year=2023").mkdir(parents=True)
    (cells / "year=2023" / "part-0.parquet").write_bytes(b"PAR1")
    assert find_inputs(str(tmp_path), exclude=(out, cells)) == [str(tmp_path / "a.txt")]
    assert find_inputs(str(tmp_path / "**" / "*"), exclude=(out, cells)) == [str(tmp_path / "a.txt")]
    assert len(find_inputs(str(tmp_path))) == 4


# --- real subprocesses: killed workers, Ctrl-C, the progress bar ----------------------------

def govparse_batch(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "govparse", "batch", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def wait_for(condition, what: str):
    deadline = time.monotonic() + POLL_LIMIT
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.01)
    pytest.fail(f"gave up waiting for {what}")


def workers(pid: int) -> list[int]:
    """The worker processes of a batch (not multiprocessing's resource tracker)."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    found = []
    for child in path.read_text().split() if path.exists() else ():
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(int(child))
        except OSError:
            pass
    return found


def partial_written(folder: Path, out: str) -> bool:
    """Records have reached the temporary output: the workers are parsing."""
    return any(p.stat().st_size > 0 for p in folder.glob(f".{out}.*.partial"))


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find worker processes")
def test_a_worker_killed_from_outside_loses_nothing(tmp_path):
    folder = many_inputs(tmp_path / "in", 1000)
    out = tmp_path / "out.jsonl"
    batch_process = govparse_batch(str(folder), "-o", str(out), "--jobs", "2")
    wait_for(lambda: partial_written(tmp_path, out.name), "the first records")
    victim = wait_for(lambda: workers(batch_process.pid)[:1], "a worker process")[0]
    os.kill(victim, signal.SIGKILL)
    stdout, stderr = batch_process.communicate(timeout=600)
    records = jsonl_records(out)
    assert sorted(files_of(records)) == sorted(str(p) for p in folder.iterdir())  # each once
    failed = [r for r in records if not r["ok"]]
    # the worker died on at most the one file it was on (none when it was killed while starting)
    assert len(failed) <= 1 and all("killed by SIGKILL" in r["error"] for r in failed)
    assert batch_process.returncode == (1 if failed else 0), stderr
    assert f"files 1000 · ok {1000 - len(failed)} · failed {len(failed)}" in stdout


@POSIX_ONLY
def test_ctrl_c_leaves_a_valid_partial_output_that_resume_completes(tmp_path):
    folder = many_inputs(tmp_path / "in", 1000)
    out = tmp_path / "out.jsonl"
    batch_process = govparse_batch(str(folder), "-o", str(out), "--jobs", "2", start_new_session=True)
    wait_for(lambda: partial_written(tmp_path, out.name), "the first records")
    os.killpg(batch_process.pid, signal.SIGINT)  # as a terminal does: main process and workers
    stdout, stderr = batch_process.communicate(timeout=600)
    assert batch_process.returncode == 130, stderr
    assert "interrupted by SIGINT" in stdout and "Traceback" not in stderr
    partial_text = out.read_text(encoding="utf-8")
    done = files_of(jsonl_records(out))
    assert f"holds the {len(done)} file" in stdout and f"{1000 - len(done)} not done" in stdout
    assert 0 < len(done) < 1000 and len(set(done)) == len(done)
    no_leftovers(tmp_path)

    resumed = govparse_batch(str(folder), "-o", str(out), "--jobs", "2", "--resume")
    stdout, stderr = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, stderr
    assert f"skipped {len(done)} file" in stdout
    text = out.read_text(encoding="utf-8")
    assert text.startswith(partial_text)
    files = files_of(jsonl_records(out))
    assert sorted(files) == sorted(str(p) for p in folder.iterdir())
    no_leftovers(tmp_path)


@POSIX_ONLY
def test_progress_bar_on_a_terminal(inputs, tmp_path):
    import pty

    main, replica = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "govparse", "batch", str(inputs), "-o",
                                str(tmp_path / "out.jsonl"), "--jobs", "2"],
                               stdout=subprocess.PIPE, stderr=replica, text=True,
                               env={**os.environ, "COLUMNS": "120", "TERM": "xterm"})
    os.close(replica)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # EIO once the child closes the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    stdout, _ = process.communicate(timeout=600)
    assert process.returncode == 0
    screen = shown.decode("utf-8", "replace")
    assert "7/7" in screen and "reports/s" in screen and "ETA" in screen
    assert "files 7" in stdout
