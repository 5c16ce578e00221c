"""The CI benchmark gate: correctness figures exactly, the speed ratio loosely (no timing here)."""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
bench = pytest.importorskip("bench")


def _figures(ratio=40.0, cells_equal=600, renderer="abc", compiled=("lexer",)):
    return {"build": {"compiled": list(compiled)},
            "corpus": {"reports": 3000, "seed": 1, "renderer": renderer}, "ratio": ratio,
            "correctness": {"parsed": 3000, "tables_found": 9000, "cells_equal": cells_equal,
                            "identity_findings": 25}}


@pytest.fixture
def baseline(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(_figures()), encoding="utf-8")
    return path


def test_same_figures_pass(baseline):
    assert bench.check(_figures(ratio=60.0), baseline) == []


def test_a_wide_slowdown_fails(baseline):
    (problem,) = bench.check(_figures(ratio=120.0), baseline)
    assert problem.startswith("speed")


def test_any_change_in_correctness_fails(baseline):
    (problem,) = bench.check(_figures(cells_equal=599), baseline)
    assert "cells_equal" in problem


def test_another_renderer_needs_a_new_baseline(baseline):
    (problem,) = bench.check(_figures(renderer="other"), baseline)
    assert "regenerate" in problem


def test_a_pure_python_run_is_not_compared_with_a_compiled_baseline(baseline):
    (problem,) = bench.check(_figures(compiled=()), baseline)
    assert "like with like" in problem
