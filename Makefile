# Two commands on a fresh machine with Python 3.11 and make:
#   make demo   creates .venv, installs govparse, parses corpus/ and prints a summary
#   make test   creates .venv if needed and runs the whole suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test docs screenshots bench-plots test-compiled wheel bench bench-ci bench-compare tool-corpus tool-score clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(PY) -m govparse.demo corpus

test: $(STAMP)
	$(PY) -m pytest -q

# The docs site (mkdocs.yml, docs/): the generated reference pages written again from the code
# (docs/generate.py), then the site built into site/ in strict mode: any warning fails it, a
# broken link or anchor included.
DSTAMP := $(VENV)/.docs-installed

$(DSTAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,docs]'
	touch $(DSTAMP)

docs: $(DSTAMP)
	$(PY) docs/generate.py
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict  # not --quiet: it hides the warnings strict counts

# The audit page's screenshots the docs show (docs/images/audit/*.png): the browser tests save one per
# view, here into the docs instead of build/test-artifacts/. Needs chromium and chromium-driver.
screenshots: $(STAMP)
	GOVPARSE_ARTIFACTS=docs/images $(PY) -m pytest -q tests/test_audit_browser.py

# The benchmark plots the docs show (docs/internals/img/): stages by layout, and batch by way of running
# (benchmarks/bench_batch.py's figures; it needs the dask extra for the LocalCluster row).
bench-plots: $(STAMP)
	$(PY) benchmarks/bench_batch.py --reports 3000 --dask --cells --memory 100000 --out docs/internals/img/batch.json
	$(PY) benchmarks/plot.py --reports 3000 --batch docs/internals/img/batch.json --out docs/internals/img

# The wheel users install, its hot stages compiled with mypyc (see pyproject.toml),
# installed into a venv of its own: benchmarks measure what users run.
COMPILED := .venv-compiled
CPY      := $(COMPILED)/bin/python
CSTAMP   := $(COMPILED)/.installed
SOURCES  := pyproject.toml $(wildcard govparse/*.py govparse/*/*.py grammars/*.lark)

wheel: $(CSTAMP)

$(CSTAMP): $(STAMP) $(SOURCES)
	rm -rf dist/compiled && mkdir -p dist
	# sdist first, then the wheel from it in a scratch folder: mypyc's build
	# products never land beside the sources the editable install imports.
	HATCH_BUILD_HOOK_ENABLE_MYPYC=1 $(PY) -m build --outdir dist/compiled . > dist/build.log 2>&1 \
		|| (tail -40 dist/build.log; exit 1)
	test -x $(CPY) || $(PYTHON) -m venv $(COMPILED)
	$(CPY) -m pip uninstall --quiet --yes govparse
	$(CPY) -m pip install --quiet "$$(ls dist/compiled/govparse-*.whl)[test]"
	touch $(CSTAMP)

# The whole suite again, on the compiled wheel: run from a scratch folder so that
# `import govparse` finds the installed wheel, never the source tree.
test-compiled: $(CSTAMP)
	cd "$$(mktemp -d)" && $(CURDIR)/$(CPY) -m pytest -q -p no:cacheprovider --rootdir $(CURDIR) \
		$(CURDIR)/tests --deselect $(CURDIR)/tests/test_wheel.py

# Throughput on 20,000 rendered reports (made on demand in benchmarks/corpus/, not committed).
bench: $(CSTAMP)
	$(CPY) benchmarks/bench.py --reports 20000

# The short run CI makes: ratio to the read floor against the committed baseline
# (loosely), correctness figures exactly.
bench-ci: $(CSTAMP)
	$(CPY) benchmarks/bench.py --reports 3000 --rounds 2 --out benchmarks/out/ci.json --check benchmarks/baseline.json

# Speed work: this wheel beside another build of govparse, side by side on one corpus (ratio to the read
# floor and time per stage, best of alternating runs). BEFORE is the other build's python, e.g. that of a
# scratch worktree of the commit to compare with: make bench-compare BEFORE=../base/.venv-compiled/bin/python
bench-compare: $(CSTAMP)
	test -n "$(BEFORE)" || (echo "BEFORE=<python of the build to compare with>"; exit 2)
	$(PY) benchmarks/compare.py $(BEFORE) $(CPY)

# corpus/tools/: the text real extraction tools give on documents made from rendered reports. Needs the
# Debian packages listed in corpus/tools/make_fixtures.py (LibreOffice, pandoc, lynx, w3m, poppler-utils,
# a CJK font); the python tools go into a venv of their own, pinned to the versions the fixtures record
# (lxml 6.1.3: inscriptis 2.7.6 takes no later one; the fixtures of BeautifulSoup and trafilatura were made with 6.2.0).
TOOLS_VENV := .venv-tools
TOOL_PACKAGES := beautifulsoup4==4.15.0 lxml==6.1.3 lxml_html_clean==0.4.6 trafilatura==2.3.1 \
	html2text==2025.4.15 pdfplumber==0.11.10 pdfminer.six==20260107 pypdf==7.1.1 python-docx==1.2.0 \
	"markitdown[docx,pdf]==0.1.9" mammoth==1.13.0 docx2txt==0.9 inscriptis==2.7.6 html-text==0.7.1 \
	pymupdf==2.0 pymupdf4llm==2.0

tool-corpus:
	test -x $(TOOLS_VENV)/bin/python || $(PYTHON) -m venv $(TOOLS_VENV)
	$(TOOLS_VENV)/bin/pip install --quiet -e . $(TOOL_PACKAGES)
	$(TOOLS_VENV)/bin/python corpus/tools/make_fixtures.py

# Per tool: cells right, null and wrong, and the share read (the floors in corpus/tools/coverage_floor.json).
tool-score: $(STAMP)
	$(PY) corpus/tools/score.py

clean:
	rm -rf $(VENV) $(COMPILED) $(TOOLS_VENV) dist build site .pytest_cache .hypothesis
