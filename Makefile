# Two entry points (see README Quickstart). Each creates .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RELEASE := corpora/releases/iec-electronics_2004-05-07_vp-sales-appointment.txt

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

.PHONY: setup demo test train evaluate bench
setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/iec-nlp extract $(RELEASE)

test: $(STAMP)
	$(BIN)/python -m pytest -q

train: $(STAMP)
	$(BIN)/iec-nlp train

evaluate: $(STAMP)
	$(BIN)/iec-nlp evaluate --split test

bench: $(STAMP)
	$(BIN)/python training/bench.py
