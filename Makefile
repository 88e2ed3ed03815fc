# The two commands of the README: `make site` and `make test`.
export NO_MKDOCS_2_WARNING := 1
PY := .venv/bin/python
MKDOCS := .venv/bin/mkdocs
PAPER ?= a4

.PHONY: site test check serve bench setup setup-test setup-bench clean

## Set everything up, then build the site into site/ (strict: any warning fails), with the book
## PDF and the offline zip. `make site PAPER=letter` makes a US Letter PDF.
site: setup
	$(PY) scripts/build.py --paper $(PAPER)

## Set everything up, then run every test (unit, property, build, PDF, browser, demo logic).
test: setup-test
	$(PY) -m pytest
	node --test tests/js/

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
	rm -rf site .pytest_cache
