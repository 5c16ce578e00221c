"""Shared fixtures: where the seed reports are, and skipping cleanly without them."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GOVPARSE_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "reports" / "seeds"
REAL_PDF = SHARED / "reports" / "real" / "huaian-2024-pdf-text.pdf"
CORPUS = ROOT / "corpus"

# Hypothesis profiles. CI=true loads hypothesis's built-in "ci" profile; ours
# extends it (deterministic, no database) with a bound that keeps the suite short:
# tests/test_roundtrip.py takes about a minute of it on two cores. "long" is for
# deep runs by hand (docs/README-fuzzing.md). Tests that run once per parameter
# take a share of max_examples (test_roundtrip._budget).
settings.register_profile("ci", settings.get_profile("ci"), max_examples=500, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("long", max_examples=20_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def load_corpus_tool(script: str, name: str) -> ModuleType:
    """A script of corpus/tools/ (not a package) as module ``name``, registered so its dataclasses find it."""
    spec = importlib.util.spec_from_file_location(name, CORPUS / "tools" / script)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def seed_reports() -> list[Path]:
    if not SEEDS.is_dir():
        return []
    return sorted(SEEDS.glob("*.txt"))


def needs_seeds():
    return pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed reports not found at {SEEDS}")


@pytest.fixture
def real_pdf() -> Path:
    """The real PDF report (its text layer), for tests of the document path; skips without it or pypdfium2."""
    if not REAL_PDF.is_file():
        pytest.skip(f"the real PDF report is not at {REAL_PDF}")
    pytest.importorskip("pypdfium2")
    return REAL_PDF
