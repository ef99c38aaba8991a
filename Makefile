# callaudit: the README's two commands (`make run`, `make test`) set everything up themselves.
# Setup is idempotent: the virtualenv is made once, and packages are installed again only when
# pyproject.toml changes (the stamp file records the last install).

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.callaudit-installed
# CPU build, installed before the project so that no dependency pulls a CUDA build
TORCH := torch==2.13.0

.PHONY: setup run example test lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install $(TORCH)
	$(BIN)/pip install -e '.[dev]'
	$(BIN)/python -m audit.encoders.minilm_onnx
	touch $@

setup: $(STAMP)

# the service on its embedded defaults (SQLite in ./data, in-process workers) on 127.0.0.1:8000;
# prints a demo tenant's API key and where the OpenAPI docs are
run: setup
	$(BIN)/callaudit serve --host 127.0.0.1 --port 8000 --demo

# the bundled example call against the library's roadside checklist, as a readable report
example: setup
	$(BIN)/callaudit audit examples/roadside-call.json --checklist roadside --format text

test: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check .
