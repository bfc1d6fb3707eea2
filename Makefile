# The two commands a new user needs: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: help venv system-deps demo up test test-unit lock protos clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(INSTALLED): requirements.lock requirements-models.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -r requirements-models.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

venv: $(INSTALLED)  ## install the project and its pinned dependencies into .venv/

demo: venv  ## run the whole pipeline on the built-in demo scenario
	$(BIN)/alpr demo

up: venv  ## run the whole stack on the embedded default, in the foreground
	$(BIN)/alpr up

system-deps:  ## install the Debian packages some tests use (chromium, prometheus) when missing
	@bash scripts/system-deps.sh

test: venv system-deps  ## run every test (unit, integration, end to end)
	$(BIN)/python -m pytest

test-unit: venv  ## run the unit tests only (no broker, database or storage)
	$(BIN)/python -m pytest tests/unit

protos: venv  ## regenerate the Python event classes from protos/
	$(BIN)/python scripts/gen_protos.py

lock:  ## re-resolve requirements.lock from pyproject.toml (needs the registry)
	rm -rf /tmp/alpr-lock && $(PYTHON) -m venv /tmp/alpr-lock
	/tmp/alpr-lock/bin/pip install -q --disable-pip-version-check ".[dev]"
	/tmp/alpr-lock/bin/pip freeze --exclude alpr > requirements.lock

clean:  ## remove the virtual environment and local state
	rm -rf $(VENV) .alpr
