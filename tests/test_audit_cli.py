"""govparse audit on the command line, its findings table, and govparse.to_frame."""

from __future__ import annotations

import base64
import csv
import gzip
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

import govparse
from govparse.audit.sample import write_sample
from govparse.cli import app

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    return folder, write_sample(folder, agencies=5, years=(2022, 2023), seed=2, x1_breaks=2, identity_breaks=1)


def _run(*args):
    return CliRunner().invoke(app, ["audit", *map(str, args)])


def _page_data(path: Path, name: str):
    found = re.search(rf'<script type="application/json" id="data-{name}">(.*?)</script>',
                      path.read_text(encoding="utf-8"), re.S)
    return json.loads(found.group(1).replace("<\\/", "</"))


def test_page_and_findings_csv(sample, tmp_path):
    folder, planted = sample
    out, table = tmp_path / "audit.html", tmp_path / "findings.csv"
    result = _run(folder, "-o", out, "--findings", table)
    assert result.exit_code == 0, result.output
    reports = len(list(folder.glob("*.txt")))
    assert f"{reports} reports" in result.output and str(out) in result.output
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert {Path(r["report"]).name for r in rows if r["kind"] == "X1"} == set(planted.x1)
    x1 = next(r for r in rows if r["kind"] == "X1")
    assert int(x1["difference"]) == int(x1["lhs"]) - int(x1["rhs"]) != 0
    overview = _page_data(out, "overview")
    assert len(overview["rows"]) == reports
    at = overview["columns"].index("kind:X1")
    assert sum(row[at] for row in overview["rows"]) == len([r for r in rows if r["kind"] == "X1"])
    details = _page_data(out, "details")
    opened = json.loads(gzip.decompress(base64.b64decode(details[0])))
    assert opened["context"] and opened["tables"]["applications"][1][0] is not None  # a source line
    parallel = tmp_path / "parallel.html"
    assert _run(folder, "-o", parallel, "--jobs", "1").exit_code == 0
    assert parallel.read_bytes() == out.read_bytes(), "one process gives the page worker processes give"


def test_batch_output_is_read_as_it_is(sample, tmp_path):
    folder, planted = sample
    lines = []
    for path in sorted(folder.glob("*.txt")):
        document = json.loads(govparse.parse_file(path).to_json())
        lines.append(json.dumps({"file": str(path), "ok": True, "error": None, **document}, ensure_ascii=False))
    lines.append(json.dumps({"file": "gone.txt", "ok": False, "error": "cannot read gone.txt"}))
    batch = tmp_path / "reports.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, table, cells = tmp_path / "audit.html", tmp_path / "findings.parquet", tmp_path / "cells"
    result = _run(batch, "-o", out, "--findings", table, "--cells", cells)
    assert result.exit_code == 0, result.output
    pq = pytest.importorskip("pyarrow.parquet")
    assert sorted(p.name for p in cells.iterdir()) == ["year=2022", "year=2023"]
    stored = pq.read_table(cells, columns=["report", "row", "column", "value"]).to_pandas()
    x1 = next(iter(planted.x1.items()))
    over = stored[(stored.report.str.endswith(x1[0])) & (stored.row == "carried_over") & (stored.column == x1[1])]
    assert len(over) == 1 and over.iloc[0]["value"] is not None
    found = pq.read_table(table).to_pylist()
    assert {Path(r["report"]).name for r in found if r["kind"] == "X1"} == set(planted.x1)
    assert [r["report"] for r in found if r["kind"] == "unreadable"] == ["gone.txt"]


def test_bad_inputs_are_one_line(tmp_path):
    result = _run(tmp_path / "missing", "-o", tmp_path / "a.html")
    assert result.exit_code == 1 and "no such file or folder" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = _run(bad, "-o", tmp_path / "a.html")
    assert result.exit_code == 1 and "bad.jsonl:1" in result.output
    aliases = tmp_path / "aliases.txt"
    aliases.write_text("no equals sign\n", encoding="utf-8")
    result = _run(CORPUS, "-o", tmp_path / "a.html", "--aliases", aliases)
    assert result.exit_code == 2 and "aliases.txt:1" in result.output
    assert "Traceback" not in result.output


def test_alias_file_joins_agencies(sample, tmp_path):
    folder, _ = sample
    one, other = sorted(folder.glob("00[01]-2022.txt"))
    names = [govparse.parse_file(p).meta.agency for p in (one, other)]
    aliases = tmp_path / "aliases.txt"
    aliases.write_text(f"{names[1]} = {names[0]}\n", encoding="utf-8")
    findings = govparse.audit({"a": govparse.parse_file(one), "b": govparse.parse_file(other)}, aliases=aliases)
    assert [f.kind for f in findings] == ["duplicate", "duplicate"]


def test_to_frame_is_tidy_and_typed():
    pytest.importorskip("pandas")
    results = {path.name: govparse.parse_file(path) for path in sorted(CORPUS.glob("*.txt"))[:6]}
    frame = govparse.to_frame(results)
    assert list(frame.columns) == ["report", "agency", "year", "table", "row", "column", "value", "amount", "line",
                                   "place"]
    assert str(frame["value"].dtype) == "Int64" and str(frame["line"].dtype) == "Int64"
    assert frame["place"].isna().all()  # text has lines, no pages
    cells = sum(len(columns) for r in results.values() for t in ("active_disclosure", "applications",
                "review_litigation") for columns in (r.to_dict()[t] or {}).values())
    assert len(frame) == cells
    first = next(iter(results.values()))
    row = frame[(frame.report == next(iter(results))) & (frame.table == "applications")
                & (frame.row == "new_received") & (frame.column == "total")].iloc[0]
    assert row["value"] == first.applications.new_received.total
    assert row["line"] == first.source_of("applications", "new_received", "total")[0]
    fees = frame[(frame.row == "fees") & frame.amount.notna()]
    assert len(fees) and all(isinstance(v, Decimal) for v in fees.amount)
    blank = frame[frame.value.isna() & frame.amount.isna()]
    assert all(v is None for v in (results[r].to_dict()[t][w][c] for r, t, w, c in
               zip(blank.report, blank.table, blank.row, blank.column)))


def test_to_frame_without_pandas_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'govparse\[audit\]'"):
        govparse.to_frame([])


def test_a_folder_of_pdfs_is_audited_with_pages(tmp_path, real_pdf):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(real_pdf.read_bytes())
    (folder / "b-download").write_bytes(real_pdf.read_bytes())  # no suffix: its bytes say PDF
    (folder / "notes.md").write_text("a note: %PDF- starts a PDF", encoding="utf-8")  # not one
    out = tmp_path / "audit.html"
    result = _run(folder, "-o", out, "--jobs", "1")
    assert result.exit_code == 0, result.output
    overview = _page_data(out, "overview")
    at = overview["columns"].index("report")
    assert [Path(row[at]).name for row in overview["rows"]] == ["a.pdf", "b-download"]
    opened = json.loads(gzip.decompress(base64.b64decode(_page_data(out, "details")[0])))
    assert opened["places"] and all(place.startswith("page ") for place in opened["places"].values())
    line = opened["tables"]["applications"][1][0]
    assert line is not None and any(n == line for n, _ in opened["context"])  # the PDF's lines as read
    pytest.importorskip("pandas")
    frame = govparse.to_frame({"a.pdf": govparse.parse_file(folder / "a.pdf")})
    placed = frame[frame.line.notna()]
    assert len(placed) and placed.place.str.startswith("page ").all()
