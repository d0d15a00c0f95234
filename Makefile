# Two entry points (see README): `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-all bench lint clean-index

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch first, pinned: lets pip take the CPU build instead of a multi-GB CUDA one
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/verifier index corpus
	$(BIN)/verifier check "Nearly 2,000 Russian peacekeepers had been stationed in Karabakh."
	$(BIN)/verifier check "Around 5,000 Russian peacekeepers were stationed in Karabakh."
	$(BIN)/verifier check "The withdrawal of the peacekeepers began in May."
	$(BIN)/verifier check "The peacekeepers were replaced by Turkish troops."

test: setup
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q

test-all: setup
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q -m ""

lint: setup
	$(BIN)/ruff check verifier tests benchmarks

bench: setup
	bash benchmarks/run_all.sh
