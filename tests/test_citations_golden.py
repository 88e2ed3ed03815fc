"""Golden tests: tests/golden/citations/<name>.md through the citation pass and the site's Markdown
extensions must give <name>.html exactly.

Regenerate after an intended change with `UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_citations_golden.py`
and review the diff of the .html files before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import pytest
from mkdocs.utils.meta import get_data

from citations.bibliography import load_bibliography
from citations.render import Styler, fill_late_slots, fill_slots, render_page, template_environment
from citations.syntax import arithmatex_math

GOLDEN = Path(__file__).parent / "golden" / "citations"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
# The Markdown extensions of mkdocs.yml that change how citations end up in HTML.
# (pymdownx.arithmatex is not in mkdocs.yml yet; it is here because math must never be scanned.)
EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.inlinehilite",
    "pymdownx.highlight",
    "pymdownx.arithmatex",
]
MATH = arithmatex_math({})


def golden_styler() -> Styler:
    bibliography = load_bibliography(GOLDEN / "references.bib", "references.bib")
    assert bibliography.diagnostics == ()
    return Styler(bibliography, template_environment())


def render_golden(source: str) -> str:
    body, _meta = get_data(source)
    page = render_page(body, golden_styler(), source_name="docs/golden.md", math=MATH)
    assert page.diagnostics == []
    html = markdown.Markdown(extensions=EXTENSIONS).convert(page.markdown)
    return fill_late_slots(fill_slots(html, page.slots, page.word), page.late_slots) + "\n"


@pytest.mark.parametrize("name", sorted(p.stem for p in GOLDEN.glob("*.md")))
def test_golden(name: str) -> None:
    actual = render_golden((GOLDEN / f"{name}.md").read_text(encoding="utf-8"))
    expected_path = GOLDEN / f"{name}.html"
    if UPDATE or not expected_path.exists():
        expected_path.write_text(actual, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{expected_path.name} did not exist; written now, review it and rerun")
    assert actual == expected_path.read_text(encoding="utf-8")
