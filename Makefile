# Two entry points: `make run` (install + start the app) and `make test` (install + lint, type-check
# and run every test). Both create or reuse a virtual environment in .venv from pyproject.toml,
# with the [app] extra (Streamlit, Altair) and the [test] extra (pytest, Playwright, ruff, mypy).
# Quick loop while working: `make check` (lint + types), `.venv/bin/pytest -m "not browser"`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[app,test]'
	touch $@

.PHONY: install run check test
install: $(VENV)/.installed

run: $(VENV)/.installed
	$(PY) -m streamlit run app.py

check: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m mypy

test: check
	$(PY) -m pytest -q
