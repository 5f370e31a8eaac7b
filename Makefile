# Two commands on a fresh Python 3.11 machine:  make run  |  make test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run serve-team test test-fast install browser postgres bench train-ranker clean

$(STAMP): requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=...)"; exit 2; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

# Debian's chromium for the browser test (no browser download)
browser:
	bash tools/ensure_chromium.sh

run: $(STAMP)
	$(PY) -m streamlit run app.py

# Serve the page to the team: every interface, and a login is REQUIRED (docs/SECURITY.md)
serve-team: $(STAMP)
	LAGEBILD_SERVE_TEAM=1 $(PY) -m streamlit run app.py --server.address 0.0.0.0 --client.showErrorDetails none

# Debian's PostgreSQL for the store's second backend (the tests start a throwaway server)
postgres:
	bash tools/ensure_postgres.sh

test: $(STAMP) browser postgres
	$(PY) -m pytest -q tests

# the inner loop: no chromium, no PostgreSQL, nothing slower than ~3 s (pytest.ini)
test-fast: $(STAMP)
	$(PY) -m pytest -q tests -m "not browser and not postgres and not slow"

bench: $(STAMP)
	$(PY) -m pip install -q -r requirements-bench.txt
	$(PY) -m bench

# retrain the candidate ranker on the dev corpora (data/ranker.json + data/ranker_card.md; < 2 min)
train-ranker: $(STAMP)
	$(PY) -m pip install -q -r requirements-train.txt
	$(PY) -m bench.train_ranker

clean:
	rm -rf $(VENV) .pytest_cache
