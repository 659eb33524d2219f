# Two entry points: `make demo` (the main job) and `make test` (the whole suite).
# Both need only python3, git and make: the first run builds .venv from the pins.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: demo test golden clean

$(VENV)/installed: requirements/dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $@

demo: $(VENV)/installed  ## generate the example module and integration into a scratch reference host and run their gates
	$(PY) tools/demo.py

test: $(VENV)/installed  ## the template's whole test suite, in parallel
	$(PY) -m pytest -n auto

golden: $(VENV)/installed  ## rewrite docs/examples after a deliberate template change
	$(PY) -m pytest tests/test_golden.py tests/test_docs.py --update-golden

clean:
	rm -rf $(VENV) build

.PHONY: bench

bench: $(VENV)/installed  ## the benchmark, on demand and not part of CI: one table (docs/benchmarks.md)
	$(PY) bench/run.py
