"""The package installs from a built wheel with its grammars inside it, and parses there.

Builds the wheel, installs it into a fresh virtual environment (dependencies from
the package index, as a user gets them) and parses a report from a directory
outside the checkout, so nothing can come from the source tree.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, seed_reports

REPORT = """某县2023年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
规章 | 1 | 0 | 2 |
行政规范性文件 | 3 | 0 | 5 |
第二十条第（五）项
行政许可 | 12 |
第二十条第（六）项
行政处罚 | 7 |
行政强制 | 0 |
第二十条第（八）项
行政事业性收费 | 1.5 |
"""


def _run(*args, cwd=None):
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT))
    (built,) = out.glob("govparse-*.whl")
    return built


def test_wheel_carries_every_grammar(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for grammar in (ROOT / "grammars").glob("*.lark"):
        assert f"govparse/grammars/{grammar.name}" in names


def test_wheel_installs_and_parses_in_a_fresh_venv(wheel, tmp_path):
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", str(venv))
    python = venv / "bin" / "python"
    _run(str(python), "-m", "pip", "install", "--quiet", str(wheel))
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    seeds = [str(p) for p in seed_reports()]
    script = textwrap.dedent(f"""
        import govparse
        assert "site-packages" in govparse.__file__, govparse.__file__
        result = govparse.parse_file({str(report)!r})
        assert result.active_disclosure.licensing.decisions == 12, result.to_dict()
        for seed in {seeds!r}:
            assert govparse.parse_file(seed).applications is not None, seed
        print("ok")
    """)
    assert _run(str(python), "-c", script, cwd=tmp_path).strip() == "ok"
