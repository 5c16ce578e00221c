"""govparse.dask on a LocalCluster of two worker processes: the records of a local batch, failures as
records, the cell form and its Parquet, and a worker killed mid-run that loses no report."""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import signal
from functools import partial
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("pandas")
distributed = pytest.importorskip("distributed")

import batch_work  # noqa: E402
from conftest import SEEDS, seed_reports  # noqa: E402
from govparse import records  # noqa: E402
from govparse.audit.names import agency_key  # noqa: E402
from govparse.batch import run_batch  # noqa: E402

gd = pytest.importorskip("govparse.dask")


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as cluster, distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture
def inputs(tmp_path) -> Path:
    found = seed_reports()
    if not found:
        pytest.skip(f"seed reports not found at {SEEDS}")
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in found:
        shutil.copy(seed, folder / seed.name)
    (folder / "random.bin").write_bytes(random.Random(4).randbytes(5000))
    (folder / "empty.txt").write_bytes(b"")
    return folder


def lines(path: Path) -> list[bytes]:
    return sorted(path.read_bytes().splitlines(keepends=True))


def test_bag_records_equal_a_local_batch(client, inputs, tmp_path):
    local = tmp_path / "local.jsonl"
    run_batch(str(inputs), local, jobs=2)
    found = gd.to_bag(str(inputs)).compute()
    assert sorted(records.json_bytes(record) + b"\n" for record in found) == lines(local)
    assert len(found) == 7 and sum(r["applications"] is not None for r in found) == 5


def test_batch_on_the_cluster_writes_what_a_local_batch_writes(client, inputs, tmp_path):
    for fmt in ("jsonl", "csv"):
        local, remote = tmp_path / f"local.{fmt}", tmp_path / f"remote.{fmt}"
        run_batch(str(inputs), local, fmt=fmt, jobs=2)
        summary = run_batch(str(inputs), remote, fmt=fmt, scheduler=client)
        assert (summary.files, summary.ok) == (7, 7)
        assert lines(remote) == lines(local)


def test_failures_are_records(client, inputs, tmp_path):
    missing = str(inputs / "missing.txt")
    found = {r["file"]: r for r in gd.to_bag([str(inputs / "*.txt"), missing]).compute()}
    assert found[missing]["ok"] is False and found[missing]["error"].startswith("cannot read")
    assert sum(r["ok"] for r in found.values()) == 6
    (inputs / "raise.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_batch(str(inputs), out, scheduler=client, work=partial(batch_work.raise_on_marker, fmt="jsonl"))
    written = {r["file"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert len(written) == 8 and summary.failed == 1
    assert written[str(inputs / "raise.txt")]["error"] == "ValueError: refusing raise.txt"


def test_cell_frame_and_parquet(client, inputs, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    frame = gd.to_dataframe(str(inputs / "*.txt"))
    assert tuple(frame.columns) == gd.CELL_COLUMNS
    cells = frame.compute()
    local = tmp_path / "local.csv"
    run_batch(str(inputs / "*.txt"), local, fmt="csv", jobs=1)
    with open(local, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    # the cell form is the csv long form with the report's agency and year beside each cell
    plain = cells.astype(object).where(cells.notna(), None).to_dict("records")
    assert sorted([c["report"], c["table"], c["row"], c["column"], c["value"] or "",
                   "" if c["line"] is None else str(c["line"])] for c in plain) == sorted(rows)
    seed = cells[(cells.table == "report") & (cells.column == "agency")]
    assert [agency_key(v) for v in seed.value.astype(object).where(seed.value.notna(), None)] == \
        list(seed.agency.astype(object).where(seed.agency.notna(), None))  # the printed name's key
    out = tmp_path / "cells.parquet"
    gd.to_parquet(str(inputs / "*.txt"), str(out))
    assert len(list(out.glob("*.parquet"))) >= 1
    assert pq.read_table(out).num_rows == len(cells)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")
def test_a_killed_worker_loses_no_report(client, tmp_path):
    found = seed_reports()
    if not found:
        pytest.skip(f"seed reports not found at {SEEDS}")
    folder = tmp_path / "many"
    folder.mkdir()
    for index in range(240):
        (folder / f"r{index:04d}.txt").symlink_to(found[index % len(found)])
    victim = next(iter(client.run(os.getpid).values()))
    killed = []

    def progress(done: int, total: int) -> None:
        if done >= 10 and not killed:
            os.kill(victim, signal.SIGKILL)
            killed.append(done)

    out = tmp_path / "out.jsonl"
    summary = run_batch(str(folder), out, scheduler=client, progress=progress)
    written = [json.loads(line)["file"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert killed and killed[0] < 240
    assert sorted(written) == sorted(str(p) for p in folder.iterdir())  # each once
    assert summary.ok == 240  # Dask ran the dead worker's tasks again elsewhere
    client.wait_for_workers(2, timeout=120)  # the nanny restarts it, for the tests after this one
