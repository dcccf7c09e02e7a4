# Each target bootstraps its own virtual environment from pyproject.toml: `make report` only
# what a report needs (the package and its `formats` extra), `make test` and `make notebooks`
# everything else on top.
VENV ?= .venv
PY := $(VENV)/bin/python
REPORT_STAMP := $(VENV)/.installed-report
STAMP := $(VENV)/.installed

.PHONY: report test lint typecheck docs notebooks bench browser tools clean

$(REPORT_STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[formats]'
	touch $(REPORT_STAMP)

$(STAMP): $(REPORT_STAMP)
	$(PY) -m pip install -q -e '.[all]'
	touch $(STAMP)

report: $(REPORT_STAMP)
	$(VENV)/bin/wtdc report

lint: $(STAMP)
	$(VENV)/bin/ruff check toolkit tests benchmarks scripts

typecheck: $(STAMP)
	$(VENV)/bin/mypy

# The generated references: docs/cli.md from `--help`, docs/api/ from the docstrings (pdoc).
# A test fails when either is stale.
docs: $(STAMP)
	$(PY) scripts/cli_reference.py
	$(PY) scripts/api_reference.py

# Jupyter Lab on notebooks/ (each notebook runs top to bottom on the shipped corpus).
notebooks: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

# Debian's chromium for the browser test of the HTML report (installed when we are root).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium not installed: the browser test will be skipped"; }

# poppler-utils' pdftotext, for the tests that read a PDF's text as pdftotext saves it
# (installed when we are root, like chromium).
tools:
	@command -v pdftotext >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null) || echo "pdftotext not installed: its extraction tests will be skipped"; }

# One pytest worker per core: the suite is mostly CPU (parsing, notebooks, the browser).
# mypy runs beside pytest, on the core its workers leave idle while they start and finish;
# its report is printed after pytest's, and either failing fails. Bytecode is written even
# where PYTHONDONTWRITEBYTECODE is set: otherwise every worker rewrites the asserts of every
# test module again on every run (~2 s of CPU each).
test: $(STAMP) browser tools lint
	@echo "mypy (beside pytest; its report follows pytest's)"
	@$(VENV)/bin/mypy > $(VENV)/mypy.log 2>&1 & mypy=$$!; \
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -n auto; pytest=$$?; \
	wait $$mypy; typed=$$?; cat $(VENV)/mypy.log; \
	[ $$pytest -eq 0 ] && [ $$typed -eq 0 ]

bench: $(STAMP)
	$(PY) -m pip install -q -e '.[bench]'
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
