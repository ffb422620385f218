# make run  : create .venv, install pinned deps, ingest raw/ -> processed/
# make test : same setup, then the test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export HF_HUB_OFFLINE := 1
export HF_DATASETS_OFFLINE := 1

.PHONY: install run test lint bench bench-align bench-refs fmt clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

run: install
	$(VENV)/bin/hccbone ingest --raw raw --out processed

test: install
	$(PY) -m pytest -q

lint: install
	$(VENV)/bin/ruff check src flows tests bench

fmt: install
	$(VENV)/bin/ruff check --fix src flows tests bench

bench: install
	$(PY) bench/run.py --docs 1000

bench-align: install
	$(PY) bench/align_eval.py

bench-refs: install
	$(PY) bench/refs_eval.py

clean:
	rm -rf $(VENV) .prefect .pytest_cache
