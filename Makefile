# The project's menu: `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

.DEFAULT_GOAL := help
.PHONY: help venv run test unit nbval bench eval devcheck lab clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-6s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet -r requirements.txt
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (ipykernel)" >/dev/null
	touch $@

venv: $(VENV)/.installed ## create .venv and install the pinned requirements

run: venv ## execute every notebook in order, write data/processed, build the site in reports/
	$(PY) -m helpers.runner

test: venv ## import layers, unit tests, doctests and strict nbval over every notebook
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest --doctest-modules $(NBVAL) helpers tests notebooks

unit: venv ## import layers, unit tests and doctests only (fast)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest --doctest-modules helpers tests

bench: venv ## benchmarks: annotation vs raw spaCy throughput, Dask vs one process (prints figures)
	$(PY) -m helpers.cli.bench
	$(PY) -m helpers.distributed bench

eval: venv ## accuracy on the development set of real articles, beside the raw model (data/dev/)
	$(PY) -m helpers.cli.dev_eval

devcheck: venv ## check data/dev/texts/ against the development-set manifest
	$(PY) -m helpers.cli.devset check

lab: venv ## open the collection in JupyterLab with the same environment
	$(VENV)/bin/jupyter lab notebooks/ $$([ "$$(id -u)" = 0 ] && echo --allow-root)

clean: ## remove rendered pages and the environment
	rm -rf reports $(VENV)
