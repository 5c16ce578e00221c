"""The package installs from a built wheel with its grammars inside it, and parses there.

Builds the wheel users get (the hot stages compiled with mypyc, see pyproject.toml),
from an sdist as a package index would, installs it into a fresh virtual environment
(dependencies from the package index) and parses from a directory outside the
checkout, so nothing can come from the source tree. The compiled modules must give
what the pure-Python source gives, result for result.
"""

from __future__ import annotations

import json
import os
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


def _run(*args, cwd=None, env=None):
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # sdist, then the wheel from it in a scratch folder: nothing built lands in the checkout
    _run(sys.executable, "-m", "build", "--outdir", str(out), str(ROOT),
         env={**os.environ, "HATCH_BUILD_HOOK_ENABLE_MYPYC": "1"})
    (built,) = out.glob("govparse-*.whl")
    return built


def test_wheel_carries_every_grammar(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for grammar in (ROOT / "grammars").glob("*.lark"):
        assert f"govparse/grammars/{grammar.name}" in names


def test_wheel_carries_the_json_schema(wheel):
    assert "govparse/result.schema.json" in zipfile.ZipFile(wheel).namelist()


def test_wheel_carries_the_compiled_stages(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for module in ("normalize", "layout", "cells", "lexer", "values"):
        assert any(n.startswith(f"govparse/{module}.") and n.endswith(".so") for n in names), module


def test_wheel_installs_and_parses_in_a_fresh_venv(wheel, tmp_path):
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", str(venv))
    python = venv / "bin" / "python"
    _run(str(python), "-m", "pip", "install", "--quiet", str(wheel))
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    seeds = [str(p) for p in seed_reports()]
    script = textwrap.dedent(f"""
        import json
        import govparse, govparse.lexer
        assert "site-packages" in govparse.__file__, govparse.__file__
        assert govparse.lexer.__file__.endswith(".so"), govparse.lexer.__file__
        result = govparse.parse_file({str(report)!r})
        assert result.active_disclosure.licensing.decisions == 12, result.to_dict()
        print(json.dumps([govparse.parse_file(path).to_json() for path in [{str(report)!r}, *{seeds!r}]]))
    """)
    compiled = json.loads(_run(str(python), "-c", script, cwd=tmp_path))
    import govparse

    assert compiled == [govparse.parse_file(path).to_json() for path in [report, *seeds]]
