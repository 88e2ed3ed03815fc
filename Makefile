# The two commands of the README: `make site` and `make test`.
export NO_MKDOCS_2_WARNING := 1
PY := .venv/bin/python
MKDOCS := .venv/bin/mkdocs
PAPER ?= a4

.PHONY: site test test-fast lint lock check serve bench setup setup-test setup-bench clean

## Set everything up, then build the site into site/ (strict: any warning fails), with the book
## PDF and the offline zip. `make site PAPER=letter` makes a US Letter PDF.
site: setup
	$(PY) scripts/build.py --paper $(PAPER)

## Set everything up, then lint, type-check and run every test (unit, property, build, PDF,
## browser, live preview, demo logic). pytest runs a worker per core, with every Chromium test
## in one group on one worker (conftest.py): two browsers at once upset timing-sensitive tests.
test: setup-test lint
	$(PY) -m pytest -n auto --dist loadgroup
	node --test tests/js/

## For contributors: lint, types and every test but the browser, PDF, live-preview and real-site
## ones (pytest markers; conftest.py marks every test that needs the built site as `site`).
test-fast: setup-test lint
	$(PY) -m pytest -n auto --dist loadfile -m "not browser and not pdf and not live_preview and not site"
	node --test tests/js/

## ruff's lint, mypy, then ruff's format check over scripts/ and tests/: the first tool that
## fails stops it, with its own file:line messages. Settings: pyproject.toml.
lint: setup-test
	$(PY) -m ruff check --no-cache scripts tests
	$(PY) -m mypy
	$(PY) -m ruff format --check --no-cache scripts tests

## Regenerates requirements.lock (every package of the tree, with hashes) from requirements.txt,
## keeping the locked versions that still fit; `make lock UPGRADE=1` moves every unpinned package
## to its newest release.
lock:
	@test -x .venv/bin/uv || { test -x .venv/bin/python || python3 -m venv .venv; \
	  .venv/bin/python -m pip install -q --disable-pip-version-check "$$(grep -E '^uv==' requirements.txt)"; }
	.venv/bin/uv pip compile --quiet --generate-hashes --no-strip-extras --python .venv/bin/python \
	  --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade) \
	  --output-file requirements.lock requirements.txt
	$(PY) scripts/lock_check.py

## A contributor's quick check, in seconds, without building the site or the PDF: Markdown lint,
## spelling, citation keys, links and anchors, the glossary, references.bib (scripts/check/).
check: setup
	@PYTHONPATH=scripts $(PY) -m check

## Live preview on http://127.0.0.1:8000 (rebuilds on changes to docs/, references.bib, overrides/),
## at the root rather than under the published site_url's path.
serve: setup
	SITE_URL=http://127.0.0.1:8000/ $(MKDOCS) serve --livereload

## Speed ratios measured side by side in one run; page weight and Lighthouse scores.
bench: setup-bench
	$(PY) scripts/bench.py

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --test

setup-bench:
	@scripts/setup.sh --bench

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
