# Two entry points: `make demo` (the main job) and `make test` (the whole suite).
# Both need only python3, git and make: the first run builds .venv from the pins, then
# extracts the real host (hosts/) and builds its own virtualenv from its pins, in build/.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: demo test quick hosts golden clean bench

$(VENV)/installed: requirements/dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $@

hosts: $(VENV)/installed  ## extract each real host and build its virtualenv (once per machine)
	$(PY) tests/hosts.py prepare

demo: $(VENV)/installed  ## generate the example module and integration into a fresh real host of each generation and run its CI
	$(PY) tests/hosts.py prepare
	$(PY) tools/demo.py

test: hosts  ## the template's whole test suite, the real-host tier included, in parallel
	$(PY) -m pytest -n auto --dist loadgroup

quick: hosts  ## the fast and render lanes only: helpers, host-file edits, renders (about three minutes on two cores)
	$(PY) -m pytest -n auto -m "not slow"

golden: $(VENV)/installed hosts  ## rewrite docs/examples after a deliberate template change
	$(PY) -m pytest tests/test_golden.py tests/test_docs.py --update-golden

clean:
	rm -rf $(VENV) build

bench: hosts  ## the benchmark, on demand and not part of CI: one table (docs/benchmarks.md)
	$(PY) bench/run.py
