# Every target sets up what it needs: on a fresh machine, `make run` and `make test` just work.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# make run installs what running needs; make test (lint, eval, bench) the development and Ray extras too
RUN_STAMP := $(VENV)/.installed-run
STAMP  := $(VENV)/.installed
BENCH  ?= ../shared/bench

.PHONY: run test test-ray lint eval bench fuzz clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install -q --disable-pip-version-check -e .
	$(PY) -m compileall -q cleantext  # an editable install compiles nothing; start-up reads .pyc files
	touch $(RUN_STAMP)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[dev,ray]'
	$(PY) -m compileall -q cleantext
	touch $(STAMP) $(RUN_STAMP)

# The main job: clean every sample into samples.out.jsonl (problems on stderr).
run: $(RUN_STAMP)
	$(VENV)/bin/cleantext run "samples/**/*.txt" "samples/**/*.html" -o samples.out.jsonl
	@echo "wrote samples.out.jsonl"

# The Ray tests start one local Ray instance each module: they run on their own, not under xdist.
test: $(STAMP)
	$(PY) -m pytest -n 2 -m "not ray"
	$(PY) -m pytest -m ray -p no:xdist

test-ray: $(STAMP)
	$(PY) -m pytest -m ray -p no:xdist

lint: $(STAMP)
	$(VENV)/bin/ruff check cleantext tests scripts
	$(VENV)/bin/mypy

# The structure score compares with trafilatura only when an eval environment has it (never a
# dependency of the project): python3 -m venv .eval-venv && .eval-venv/bin/pip install trafilatura lxml_html_clean
eval: $(STAMP)
	$(PY) scripts/eval.py $(BENCH)
	$(PY) scripts/structeval.py $(if $(wildcard .eval-venv/bin/python),--trafilatura .eval-venv/bin/python)

bench: $(STAMP)
	$(PY) scripts/bench.py --bench $(BENCH)

fuzz: $(STAMP)
	$(PY) scripts/fuzz.py

clean:
	rm -rf $(VENV) .eval .bench samples.out.jsonl
