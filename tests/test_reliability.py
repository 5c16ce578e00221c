"""Any bytes give a Result or a GovparseError, never another exception, a hang or a blown memory.

The hostile inputs (tests/hostile_inputs.py) run in one subprocess under a
2 GiB address-space limit and a time bound, so an explosion fails the test
rather than the machine. Speed is measured in benchmarks/, not asserted here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import govparse
from conftest import ROOT

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def outcomes() -> dict[str, dict]:
    done = subprocess.run([sys.executable, str(HERE / "hostile_inputs.py")], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    return {row["name"]: row for row in rows}


def test_every_hostile_input_gives_a_result_or_a_govparse_error(outcomes):
    from hostile_inputs import cases
    assert set(outcomes) == set(cases())
    for name, outcome in outcomes.items():
        assert outcome["kind"] in ("result", "govparse-error"), (name, outcome)


def test_what_each_input_gives(outcomes):
    # one row printed over and over: read once (the copies agree), the other rows missing
    assert outcomes["repeated table rows, 20 MB"]["tables"] == ["applications"]
    assert {"table-too-long", "duplicate-row", "missing-row"} <= set(outcomes["repeated table rows, 20 MB"]["codes"])
    assert outcomes["UTF-16"]["tables"] == ["active_disclosure", "applications", "review_litigation"]
    assert outcomes["every table twice"]["tables"] == ["active_disclosure", "applications", "review_litigation"]
    assert "repeated-section" in outcomes["every table twice"]["codes"]
    assert outcomes["only the section headings"]["tables"] == []
    assert "unreadable-value" in outcomes["numbers with thousands of digits"]["codes"]
    for name in ("NUL bytes", "random binary", "empty"):
        assert "table-missing" in outcomes[name]["codes"], name
    # a PDF header on junk is a damaged PDF (govparse.documents), said so
    assert outcomes["PDF header"]["kind"] == "govparse-error"
    assert "PDF is damaged" in outcomes["PDF header"]["message"]
    # diagnostics stay few however large the input
    assert all(o.get("diagnostics", 0) < 100 for o in outcomes.values())


def test_size_limit_is_a_clear_error(tmp_path):
    with pytest.raises(govparse.InputTooLarge, match="over the 0.0 MiB limit"):
        govparse.parse(b"x" * 100, max_bytes=10)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(govparse.InputTooLarge):
        govparse.parse_file(big, max_bytes=1024)
    assert govparse.parse_file(big, max_bytes=None).to_dict()["diagnostics"]


# These two swap a stage for a broken one. A module compiled with mypyc calls its
# functions directly, so the swap cannot reach it (make test-compiled); the wrapping
# they check is the same code, and it is checked on the pure-Python source.
_needs_pure_pipeline = pytest.mark.skipif(
    not __import__("govparse.pipeline").pipeline.__file__.endswith(".py"),
    reason="govparse.pipeline is compiled: monkeypatching its module does not reach its calls")


@_needs_pure_pipeline
def test_an_internal_failure_is_wrapped_not_leaked(monkeypatch):
    import govparse.pipeline as pipeline

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(pipeline, "locate_sections", broken)
    with pytest.raises(govparse.InternalError, match="KeyError"):
        govparse.parse("二、主动公开政府信息情况")


@_needs_pure_pipeline
def test_a_pattern_timeout_is_a_clear_error(monkeypatch):
    import govparse.pipeline as pipeline

    def slow(*args, **kwargs):
        raise TimeoutError("regex timed out")

    monkeypatch.setattr(pipeline, "locate_sections", slow)
    with pytest.raises(govparse.GovparseError, match="took too long"):
        govparse.parse("x")
