# Two commands on a fresh machine with Python 3.11 and make:
#   make demo   creates .venv, installs govparse, parses corpus/ and prints a summary
#   make test   creates .venv if needed and runs the whole suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test bench bench-ci clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(PY) -m govparse.demo corpus

test: $(STAMP)
	$(PY) -m pytest -q

# Throughput on 20,000 rendered reports (made on demand in benchmarks/corpus/, not committed).
bench: $(STAMP)
	$(PY) benchmarks/bench.py --reports 20000

# The short run CI makes: ratio to the read floor against the committed baseline
# (loosely), correctness figures exactly.
bench-ci: $(STAMP)
	$(PY) benchmarks/bench.py --reports 3000 --rounds 2 --out benchmarks/out/ci.json --check benchmarks/baseline.json

clean:
	rm -rf $(VENV) dist build .pytest_cache .hypothesis
