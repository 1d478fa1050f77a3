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

.PHONY: setup demo test train evaluate bench dist
setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/iec-nlp extract $(RELEASE)

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Rebuilds the default model in place: models/ is written only when named.
train: $(STAMP)
	$(BIN)/iec-nlp train --output models/iec_cnn

evaluate: $(STAMP)
	$(BIN)/iec-nlp evaluate --split test

bench: $(STAMP)
	$(BIN)/python training/bench.py

# The library wheel and the default model's wheel (`spacy package` of
# models/iec_cnn as it is now), for installing outside a clone.
dist: $(STAMP)
	rm -rf dist
	$(BIN)/python training/package_model.py --with-library --dist dist
