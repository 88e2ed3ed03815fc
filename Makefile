# The two commands of the README: `make site` and `make test`.
export NO_MKDOCS_2_WARNING := 1
PY := .venv/bin/python
MKDOCS := .venv/bin/mkdocs
PAPER ?= a4

.PHONY: site test serve bench setup setup-test clean

## Set everything up, then build the site into site/ (strict: any warning fails), with the book
## PDF and the offline zip. `make site PAPER=letter` makes a US Letter PDF.
site: setup
	$(PY) scripts/build.py --paper $(PAPER)

## Set everything up, then run every test (unit, property, build, PDF, browser, demo logic).
test: setup-test
	$(PY) -m pytest
	node --test tests/js/

## Live preview on http://127.0.0.1:8000 (rebuilds on changes to docs/, references.bib, scripts/),
## at the root rather than under the published site_url's path.
serve: setup
	SITE_URL=http://127.0.0.1:8000/ $(MKDOCS) serve --livereload

## Speed ratios measured side by side in one run.
bench: setup
	$(PY) scripts/bench.py

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --test

clean:
	rm -rf site .pytest_cache
