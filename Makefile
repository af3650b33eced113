# realpolitik: every target bootstraps .venv itself from a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
OUT ?= out/demo

.PHONY: demo test bench lint typecheck clean chromium

$(VENV)/.base: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.dev: $(VENV)/.base
	$(PIP) install --quiet -e '.[dev]'
	touch $@

# The flagship Korea analysis end to end; prints the path of the report. The two op-eds are
# coded too when ../shared/corpus is beside the checkout (ARTICLES= to skip or point elsewhere).
ARTICLES ?= $(wildcard ../shared/corpus)
demo: $(VENV)/.base
	$(VENV)/bin/realpolitik demo --out $(OUT) $(if $(ARTICLES),--articles $(ARTICLES))

# The whole suite on both cores (Chromium renders the report in one test).
test: $(VENV)/.dev chromium
	$(PY) -m pytest -n 2 -q

bench: $(VENV)/.dev
	$(PY) -m bench

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy src/realpolitik

# Debian's Chromium, for the report rendering test (installed only where that test runs).
CHROMIUM_INSTALL = apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	apt-get install -y -qq chromium >/dev/null
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(CHROMIUM_INSTALL); } || { sleep 10; $(CHROMIUM_INSTALL); }

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
