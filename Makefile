# Two commands for a fresh machine (see README.md):
#   make site   install the build packages into .venv and build site/
#   make test   also install the test packages and a browser, then run every test
# and make package, which builds site/ and zips it for USB sticks into dist/send-toolkit-<version>.zip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site check serve package test benchmark

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.build-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml tests/install-browsers.sh $(VENV)/.build-installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	bash tests/install-browsers.sh
	touch $@

site: $(VENV)/.build-installed
	$(BIN)/python build.py

check: $(VENV)/.build-installed
	$(BIN)/python build.py check

serve: $(VENV)/.build-installed
	$(BIN)/python build.py serve

package: $(VENV)/.build-installed
	$(BIN)/python build.py package

test: $(VENV)/.test-installed
	$(BIN)/python -m pytest

benchmark: $(VENV)/.test-installed
	$(BIN)/python benchmarks/run.py
