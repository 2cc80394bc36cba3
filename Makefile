# onco-evidence: set up, run the main job, run the tests.
#   make run    set up .venv and run the Prefect ingestion flow on the bundled corpus
#   make test   set up .venv and run lint + the whole test suite (what CI runs)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out
# Prefect's local-mode state (its SQLite database) stays inside the project.
export PREFECT_HOME ?= $(CURDIR)/.state/prefect
export DO_NOT_TRACK ?= 1
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 180

.PHONY: setup run test lint docs evaluate row-confidence constraints clean

$(BIN)/.installed: pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "onco-evidence needs Python 3.11 or newer, this is " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $@

# Debian's Chromium, for the review report's browser test (tests/test_report.py); Playwright
# drives it and never downloads a browser of its own. Needs root (CI runs as root); no prompt.
CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

$(CHROMIUM):
	@if command -v apt-get >/dev/null; then \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; \
	else echo "warning: no apt-get; install Chromium as $(CHROMIUM) for tests/test_report.py" >&2; fi

setup: $(BIN)/.installed

run: setup
	$(BIN)/onco-evidence run --out $(OUT)

lint: setup
	$(BIN)/ruff check pipeline flows tests bench

# The main job needs no browser; only the test suite installs Chromium.
test: lint $(CHROMIUM)
	$(BIN)/python -m pytest

docs: setup
	$(BIN)/onco-evidence dictionary > docs/data-dictionary.md

evaluate: setup
	$(BIN)/onco-evidence evaluate corpora

# The learned row confidence, re-trained on the tune gold (after a rule or tune change).
row-confidence: setup
	$(BIN)/python -m pipeline.learn.row_confidence corpora/dev/tune --out models/learned/row_confidence.json

# Pin every dependency to what was tested (run after changing pyproject.toml).
constraints:
	rm -rf /tmp/onco-constraints && $(PYTHON) -m venv /tmp/onco-constraints
	/tmp/onco-constraints/bin/pip install --quiet -e ".[dev]"
	/tmp/onco-constraints/bin/pip freeze --exclude-editable > constraints.txt

clean:
	rm -rf $(VENV) $(OUT) .state .pytest_cache
