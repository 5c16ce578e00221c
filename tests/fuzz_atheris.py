"""Coverage-guided fuzzing of govparse.parse with atheris (a long run, by hand).

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python tests/fuzz_atheris.py tests/fuzz_corpus -max_total_time=900

Any exception other than a plain GovparseError is a crash: InternalError means
parse met an exception it did not expect. atheris writes the crashing input
to crash-<hash>; pin it as a case in tests/test_fuzz_regressions.py (the file
under tests/fuzz_crashes/) and fix it. The corpus folder collects interesting
inputs between runs; seed it with a few rendered reports (corpus/*.txt).
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import govparse


def one_input(data: bytes) -> None:
    try:
        govparse.parse(data)
    except govparse.InternalError:
        raise
    except govparse.GovparseError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
