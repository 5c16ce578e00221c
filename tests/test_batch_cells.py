"""``govparse batch --format cells``: the long form as a Parquet dataset partitioned by year, read by
DuckDB as the docs show; and each value's source line (page, in a PDF) in the records."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
from functools import partial
from pathlib import Path

import pytest

import batch_work
from conftest import seed_reports
from govparse import records
from govparse.audit.names import agency_key
from govparse.audit.sample import write_sample
from govparse.batch import NO_YEAR, BatchError, run_batch
from govparse.pipeline import parse_file

pq = pytest.importorskip("pyarrow.parquet")
ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "guide" / "cli.md"


@pytest.fixture
def inputs(tmp_path) -> Path:
    found = seed_reports()
    if not found:
        pytest.skip("seed reports not found")
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in found:
        shutil.copy(seed, folder / seed.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "raise.txt").write_text("x", encoding="utf-8")
    return folder


def cell_table(folder: Path) -> list[tuple]:
    """Every row of a cells dataset, year from the folder name, in CELL_COLUMNS order, sorted."""
    found = []
    for file in sorted(folder.glob("year=*/*.parquet")):
        year = file.parent.name.split("=", 1)[1]
        for row in pq.read_table(file).to_pylist():
            found.append(tuple(int(year) if name == "year" and year != NO_YEAR else
                               None if name == "year" else row[name] for name, _ in records.CELL_COLUMNS))
    return sorted(found, key=repr)


def test_cells_are_the_csv_long_form_partitioned_by_year(inputs, tmp_path):
    out, local = tmp_path / "cells", tmp_path / "local.csv"
    work = partial(batch_work.raise_on_marker, fmt="cells")
    summary = run_batch(str(inputs), out, fmt="cells", jobs=2, work=work)
    assert (summary.files, summary.failed) == (len(list(inputs.iterdir())), 1)
    run_batch(str(inputs), local, fmt="csv", jobs=1, work=partial(batch_work.raise_on_marker, fmt="csv"))
    with open(local, encoding="utf-8", newline="") as handle:
        expected = sorted(tuple(row) for row in list(csv.reader(handle))[1:])
    got = cell_table(out)
    assert sorted((r[0], *r[3:6], r[6] or "", "" if r[7] is None else str(r[7])) for r in got) == expected
    assert all(r[8] is None for r in got)  # text: lines, no places
    years = {file: parse_file(file).meta.year for file in map(str, inputs.iterdir()) if "raise" not in file}
    assert {r[0]: r[2] for r in got} == {**years, str(inputs / "raise.txt"): None}
    assert sorted(p.name for p in out.iterdir()) == sorted(
        {f"year={NO_YEAR if y is None else y}" for y in [*years.values(), None]})
    failed = [r for r in got if r[0].endswith("raise.txt")]
    assert ("report", "", "ok", "false") in {r[3:7] for r in failed}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".partial", ".old"))]


def test_cells_resume_and_replace(inputs, tmp_path):
    out = tmp_path / "cells"
    whole = tmp_path / "whole"
    run_batch(str(inputs), whole, fmt="cells", jobs=1)
    run_batch(str(inputs / "*.txt"), out, fmt="cells", jobs=1)
    summary = run_batch(str(inputs), out, fmt="cells", jobs=1, resume=True)
    assert summary.skipped == len(list(inputs.glob("*.txt"))) and summary.files == len(list(inputs.iterdir())) - \
        summary.skipped
    assert cell_table(out) == cell_table(whole)  # each report once
    run_batch(str(inputs / "empty.txt"), out, fmt="cells", jobs=1)  # without --resume OUT is replaced
    assert {r[0] for r in cell_table(out)} == {str(inputs / "empty.txt")}


def test_cells_never_replace_a_folder_that_is_not_theirs(inputs, tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(BatchError, match="not a govparse cells folder"):
        run_batch(str(inputs), out, fmt="cells", jobs=1)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    file = tmp_path / "file"
    file.write_text("x", encoding="utf-8")
    with pytest.raises(BatchError, match="is a file"):
        run_batch(str(inputs), file, fmt="cells", jobs=1)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_an_output_folder_inside_the_inputs_is_not_read(inputs):
    out = inputs / "cells"
    run_batch(str(inputs), out, fmt="cells", jobs=1)
    summary = run_batch(str(inputs), out, fmt="cells", jobs=1)
    assert summary.files == len([p for p in inputs.iterdir() if p.is_file()])


def _documented_query() -> str:
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index("### The cell form in Parquet, for DuckDB"):]
    return re.search(r"```sql\n(.*?)```", section, re.DOTALL).group(1)


def test_the_documented_duckdb_query_ranks_agencies_by_findings(tmp_path, monkeypatch):
    duckdb = pytest.importorskip("duckdb")
    corpus = tmp_path / "reports"
    planted = write_sample(corpus, agencies=6, years=(2021, 2022, 2023), seed=3, x1_breaks=0, identity_breaks=3)
    monkeypatch.chdir(tmp_path)
    run_batch("reports/*.txt", Path("cells"), fmt="cells", jobs=2)
    ranked = duckdb.sql(_documented_query()).fetchall()
    # what the query should say, from the parses themselves
    expected: dict[str, list] = {}
    for file in sorted(corpus.glob("*.txt")):
        result = parse_file(file)
        found = expected.setdefault(agency_key(result.meta.agency), [0, 0, set()])
        found[0] += 1
        found[1] += len(result.findings)
        found[2].add(str(result.meta.year))
    assert [(a, n, f, ", ".join(sorted(y))) for a, (n, f, y) in
            sorted(expected.items(), key=lambda item: (-item[1][1], item[0]))][:20] == ranked
    flagged = {agency for agency, _, findings, _ in ranked if findings}
    assert flagged == {agency_key(parse_file(corpus / file).meta.agency) for file in planted.identity}
    assert len(ranked) < len(list(corpus.glob("*.txt")))  # an agency's years meet


def test_jsonl_records_say_where_each_value_was_read(inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    run_batch(str(inputs / "*.txt"), out, jobs=1)
    for record in map(json.loads, out.read_text(encoding="utf-8").splitlines()):
        result = parse_file(record["file"])
        lines = {(t, r, c): line for t, rows in record["lines"].items() for r, cols in rows.items()
                 for c, line in cols.items()}
        assert lines == {key: place[0] for key, place in result.sources.items()}
        assert record["places"] == {}


def test_a_pdf_gives_the_page_of_each_value(tmp_path, real_pdf):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(real_pdf, folder / "report-download")  # no suffix: the bytes say PDF
    out = tmp_path / "out.jsonl"
    run_batch(str(folder), out, jobs=1)
    record = json.loads(out.read_text(encoding="utf-8"))
    places = [p for rows in record["places"].values() for cols in rows.values() for p in cols.values()]
    assert places and all(p.startswith("page ") for p in places)
    assert sum(len(c) for rows in record["lines"].values() for c in rows.values()) == len(places)
    cells = tmp_path / "cells"
    run_batch(str(folder), cells, fmt="cells", jobs=1)
    rows = cell_table(cells)
    assert sorted(r[8] for r in rows if r[8] is not None) == sorted(places)


def test_cells_a_crashed_worker_and_an_interrupt_lose_nothing(inputs, tmp_path):
    (inputs / "crash.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "cells"
    sent = []

    def interrupt(done: int, total: int) -> None:
        if done == 2 and not sent:  # a Ctrl-C after the second record: the handler notes it
            sent.append(done)
            os.kill(os.getpid(), signal.SIGINT)

    work = partial(batch_work.crash_on_marker, fmt="cells")
    stopped = run_batch(str(inputs), out, fmt="cells", jobs=1, work=work, progress=interrupt)
    assert stopped.interrupted == signal.SIGINT and 2 <= stopped.files < len(list(inputs.iterdir()))
    first = {r[0] for r in cell_table(out)}
    assert len(first) == stopped.files  # every record finished is there, whole
    resumed = run_batch(str(inputs), out, fmt="cells", jobs=1, work=work, resume=True)
    assert resumed.skipped == stopped.files and resumed.interrupted is None
    rows = cell_table(out)
    assert {r[0] for r in rows} == {str(p) for p in inputs.iterdir()}
    crashed = {r[5]: r[6] for r in rows if r[0].endswith("crash.txt")}
    assert crashed["ok"] == "false" and "died" in crashed["error"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".partial", ".old"))]


def test_cells_on_the_command_line(inputs, tmp_path):
    from typer.testing import CliRunner

    from govparse.cli import app

    out = tmp_path / "cells"
    result = CliRunner().invoke(app, ["batch", str(inputs / "*.txt"), "-o", str(out), "--format", "cells",
                                      "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    assert {r[0] for r in cell_table(out)} == {str(p) for p in inputs.glob("*.txt")}
