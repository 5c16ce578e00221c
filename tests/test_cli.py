"""govparse parse / dump / --version through typer's CliRunner and a real subprocess.

Exit codes: 0 parsed (findings included), 1 unreadable input, 2 usage, 3 findings under --strict.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import govparse
from conftest import needs_seeds, seed_reports
from govparse.cli import app
from govparse.dump import NULL, STAGES, render
from govparse.records import CSV_HEADER

runner = CliRunner()
HEADER = "行政复议 | 行政诉讼 |\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def invoke(*args: str):
    return runner.invoke(app, list(args))


def plain_stdout(result) -> str:
    """stdout without colour codes (FORCE_COLOR in the environment makes rich colour a pipe too)."""
    return ANSI.sub("", result.stdout)


def one_line_error(text: str, starts: str = "govparse: ") -> None:
    assert "Traceback" not in text
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert lines[0].startswith(starts), text


def broken_report(tmp_path: Path) -> Path:
    """A seed with new_received.total raised by one: it breaks I1 (row) and S1 (total column)."""
    seed = seed_reports()[0]
    line, column = govparse.parse_file(seed).source_of("applications", "new_received", "total")
    lines = seed.read_text(encoding="utf-8").split("\n")
    text = lines[line - 1]
    match = re.compile(r"\d+").match(text, column - 1)
    lines[line - 1] = text[:match.start()] + str(int(match.group()) + 1) + text[match.end():]
    report = tmp_path / "broken.txt"
    report.write_text("\n".join(lines), encoding="utf-8")
    assert govparse.parse_file(report).findings, "the edit should break an identity"
    return report


# --- --version and --help ---------------------------------------------------------------

def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"govparse {govparse.__version__}"


@pytest.mark.parametrize("command", [(), ("parse",), ("dump",), ("batch",)])
def test_help_has_examples(command):
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    assert "govparse " + (command[0] if command else "parse") in result.stdout


def test_no_arguments_shows_help():
    result = invoke()
    assert "Usage" in result.output
    assert "parse" in result.output and "batch" in result.output


# --- parse ---------------------------------------------------------------------------------

@needs_seeds()
def test_parse_one_file_prints_the_document():
    seed = seed_reports()[0]
    result = invoke("parse", str(seed))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == json.loads(govparse.parse_file(seed).to_json())
    assert result.stderr == ""


@needs_seeds()
def test_parse_several_files_gives_one_jsonl_record_each_in_order():
    seeds = seed_reports()
    result = invoke("parse", *map(str, seeds))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == len(seeds)
    for seed, line in zip(seeds, lines):
        record = json.loads(line)
        assert record["file"] == str(seed) and record["ok"] is True and record["error"] is None
        result = govparse.parse_file(seed)
        expected = json.loads(result.to_json())
        assert {k: v for k, v in record.items() if k not in ("file", "ok", "error", "lines", "places")} == expected
        assert record["places"] == {}  # text: lines, no pages
        assert sorted((t, r, c, line) for t, rows in record["lines"].items() for r, cols in rows.items()
                      for c, line in cols.items()) == sorted((*key, place[0]) for key, place in result.sources.items())


@needs_seeds()
def test_parse_jsonl_of_one_file_is_one_line():
    result = invoke("parse", str(seed_reports()[0]), "--format", "jsonl")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1
    assert json.loads(result.stdout)["ok"] is True


@needs_seeds()
def test_parse_csv_is_long_format_with_source_lines():
    seeds = seed_reports()[:2]
    result = invoke("parse", *map(str, seeds), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == CSV_HEADER
    assert all(len(row) == len(CSV_HEADER) for row in rows)
    for seed in seeds:
        parsed = govparse.parse_file(seed)
        mine = {(r[1], r[2], r[3]): (r[4], r[5]) for r in rows[1:] if r[0] == str(seed)}
        assert mine[("report", "", "ok")] == ("true", "")
        assert mine[("report", "meta", "agency")] == (parsed.meta.agency or "", "")
        line, _ = parsed.source_of("applications", "new_received", "total")
        assert mine[("applications", "new_received", "total")] == (
            str(parsed.applications.new_received.total), str(line))
        values = [k for k in mine if k[0] != "report"]
        assert len(values) == sum(len(row) for table in ("active_disclosure", "applications", "review_litigation")
                                  for row in (parsed.to_dict()[table] or {}).values())


def test_parse_csv_writes_null_as_an_empty_field(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("某县2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n" + HEADER +
                      "13 | 1 | 4 | 5 | 23 | 0 | 0 | 0 | 0 | 0 | 8 | | 5 | 3 | 16 |\n", encoding="utf-8")
    result = invoke("parse", str(report), "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = {(r[1], r[2], r[3]): r[4] for r in csv.reader(io.StringIO(result.stdout))}
    assert rows[("review_litigation", "review", "total")] == "23"
    assert rows[("review_litigation", "suit_after_review", "corrected")] == ""


def test_parse_missing_file_is_one_line_and_exit_1(tmp_path):
    missing = tmp_path / "missing.txt"
    result = invoke("parse", str(missing))
    assert result.exit_code == 1
    assert result.stdout == ""
    one_line_error(result.stderr, f"govparse: cannot read {missing}")


def test_parse_directory_is_one_line_and_exit_1(tmp_path):
    result = invoke("parse", str(tmp_path))
    assert result.exit_code == 1
    one_line_error(result.stderr, "govparse: cannot read")


@needs_seeds()
def test_parse_jsonl_records_an_unreadable_file_and_goes_on(tmp_path):
    missing, seed = tmp_path / "missing.txt", seed_reports()[0]
    result = invoke("parse", str(missing), str(seed), "-f", "jsonl")
    assert result.exit_code == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["file"] == str(missing) and first["ok"] is False and "cannot read" in first["error"]
    assert second["file"] == str(seed) and second["ok"] is True
    one_line_error(result.stderr)


def test_parse_json_of_several_files_is_a_usage_error(tmp_path):
    result = invoke("parse", "a.txt", "b.txt", "--format", "json")
    assert result.exit_code == 2
    one_line_error(result.stderr)


def test_parse_unknown_format_is_a_usage_error():
    result = invoke("parse", "a.txt", "--format", "xml")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@needs_seeds()
def test_identity_findings_exit_0_and_3_with_strict(tmp_path):
    report = broken_report(tmp_path)
    plain = invoke("parse", str(report))
    assert plain.exit_code == 0
    failed = [c for c in json.loads(plain.stdout)["checks"] if c["ok"] is False]
    assert {c["id"] for c in failed} >= {"I1", "S1"}
    strict = invoke("parse", str(report), "--strict")
    assert strict.exit_code == 3
    assert json.loads(strict.stdout) == json.loads(plain.stdout)
    one_line_error(strict.stderr, f"govparse: {report}: {len(failed)} identity findings")
    clean = invoke("parse", str(seed_reports()[0]), "--strict")
    assert clean.exit_code == 0


@needs_seeds()
def test_unreadable_input_wins_over_findings(tmp_path):
    result = invoke("parse", str(broken_report(tmp_path)), str(tmp_path / "missing.txt"), "--strict")
    assert result.exit_code == 1


# --- dump --------------------------------------------------------------------------------

@needs_seeds()
def test_dump_shows_every_stage():
    seed = seed_reports()[1]
    parsed = govparse.parse_file(seed)
    result = invoke("dump", str(seed))
    assert result.exit_code == 0, result.output
    out = plain_stdout(result)
    for stage in STAGES:
        assert f"─ {stage} ─" in out
    assert parsed.encoding in out and parsed.traces["applications"].layout.evidence[:20] in out
    assert "一、本年新收政府信息公开申请数量" in out and "行政处罚" in out  # printed row labels
    assert "new_received" in out  # the parse tree names the row rules
    for diagnostic in parsed.diagnostics:
        assert f"line {diagnostic.line}" in out


@needs_seeds()
def test_dump_stage_narrows_the_view():
    result = invoke("dump", str(seed_reports()[0]), "--stage", "sections", "-s", "diagnostics")
    assert result.exit_code == 0
    out = plain_stdout(result)
    assert "─ sections ─" in out and "─ diagnostics ─" in out
    for stage in ("detect", "cells", "tree", "tables"):
        assert f"─ {stage} ─" not in out


def test_dump_shows_blank_cells_as_null(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("四、政府信息公开行政复议、行政诉讼情况\n" + HEADER +
                      "13 | 1 | 4 | 5 | 23 | 0 | 0 | 0 | 0 | 0 | 8 | | 5 | 3 | 16 |\n", encoding="utf-8")
    result = invoke("dump", str(report), "-s", "tables")
    assert result.exit_code == 0
    row = next(line for line in plain_stdout(result).splitlines() if "复议后起诉" in line)
    assert NULL in row


@needs_seeds()
def test_dump_highlights_the_cells_of_a_failing_identity(tmp_path, monkeypatch):
    monkeypatch.setenv("TERM", "xterm")  # rich squeezes a TERM=dumb console to 80 columns
    report = broken_report(tmp_path)
    parsed = govparse.parse_file(report)
    total = str(parsed.applications.new_received.total)
    console = Console(record=True, force_terminal=True, color_system="standard", no_color=False, width=160)
    render(report, ["tables"], console)
    styled = console.export_text(styles=True, clear=False)
    row = next(line for line in styled.splitlines() if "本年新收政府信息公开申请数量" in line)
    assert re.search(r"\x1b\[1;31m\s*" + total, row), row  # bold red
    # carried_over is in a failing identity only through its total (S1 of the total column)
    carried = next(line for line in styled.splitlines() if "上年结转政府信息公开申请数量" in line)
    assert carried.count("\x1b[1;31m") == 1, carried
    plain = console.export_text()
    assert f"{total}!" in plain  # marked without colour too
    assert "I1 row new_received: new_received.total = " in plain


def test_dump_unreadable_file_is_one_line(tmp_path):
    result = invoke("dump", str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    one_line_error(result.stderr, "govparse: cannot read")


def test_dump_unknown_stage_is_a_usage_error(tmp_path):
    result = invoke("dump", "x.txt", "--stage", "nonsense")
    assert result.exit_code == 2


# --- a real subprocess ---------------------------------------------------------------------

def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govparse", *args], capture_output=True, text=True,
                          timeout=300, **kwargs)


def test_subprocess_version_and_help():
    assert run("--version").stdout.strip() == f"govparse {govparse.__version__}"
    done = run("--help")
    assert done.returncode == 0 and "batch" in done.stdout


@needs_seeds()
def test_subprocess_exit_codes(tmp_path):
    seed = seed_reports()[0]
    ok = run("parse", str(seed))
    assert ok.returncode == 0 and json.loads(ok.stdout)["edition"] == "2021"
    missing = run("parse", str(tmp_path / "missing.txt"))
    assert missing.returncode == 1
    one_line_error(missing.stderr, "govparse: cannot read")
    binary = tmp_path / "random.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    garbage = run("parse", str(binary))
    assert garbage.returncode == 0 and json.loads(garbage.stdout)["applications"] is None
    broken = broken_report(tmp_path)
    assert run("parse", str(broken)).returncode == 0
    assert run("parse", str(broken), "--strict").returncode == 3
    assert run("parse", "--format", "json", "a", "b").returncode == 2


@needs_seeds()
def test_subprocess_jsonl_and_csv_are_well_formed():
    seeds = [str(s) for s in seed_reports()]
    jsonl = run("parse", *seeds, "--format", "jsonl")
    assert jsonl.returncode == 0
    assert [json.loads(line)["file"] for line in jsonl.stdout.splitlines()] == seeds
    table = run("parse", *seeds, "--format", "csv")
    rows = list(csv.reader(io.StringIO(table.stdout)))
    assert tuple(rows[0]) == CSV_HEADER and all(len(r) == len(CSV_HEADER) for r in rows)
    assert [r[0] for r in rows[1:] if r[3] == "ok"] == seeds


@needs_seeds()
def test_subprocess_writes_utf8_whatever_the_locale():
    seed = seed_reports()[0]
    ascii_locale = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    agency = govparse.parse_file(seed).meta.agency
    for args, shown in ((("parse", str(seed)), agency), (("dump", str(seed), "-s", "tables"), "行政处罚")):
        done = subprocess.run([sys.executable, "-m", "govparse", *args], capture_output=True, env=ascii_locale,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        assert shown in done.stdout.decode("utf-8")
