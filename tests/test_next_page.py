"""The "Next" link before a page's References (scripts/next_page.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

from mkdocs.structure.pages import Page

from next_page import REFERENCES, add_next_link

BODY = f"<p>Takeaways.</p>\n{REFERENCES}References</h2>\n<ul><li>A ref</li></ul>"


def _page(url: str, following: Any = None, title: str | None = "A page", parent: Any = None):
    return cast(Page, SimpleNamespace(url=url, next_page=following, title=title, parent=parent))


def test_the_link_goes_just_before_the_references_heading():
    page = _page("rlhf.html", _page("constitutional-ai.html", title="Constitutional AI"))
    out = add_next_link(BODY, page)
    before, after = out.split(REFERENCES)
    assert before.startswith("<p>Takeaways.</p>")
    assert '<nav class="next-page web-only" aria-label="Next page" data-search-exclude>' in before
    assert 'href="constitutional-ai.html" rel="next"' in before
    assert '<span class="next-page__title">Constitutional AI</span>' in before
    assert after.startswith("References</h2>")


def test_the_href_is_relative_to_the_page():
    page = _page("demos/boat-race.html", _page("glossary.html", title="Glossary"))
    assert 'href="../glossary.html"' in add_next_link(BODY, page)


def test_the_title_is_escaped():
    page = _page("a.html", _page("b.html", title="Q&A <draft>"))
    assert "Q&amp;A &lt;draft&gt;" in add_next_link(BODY, page)


def test_a_section_index_without_a_title_takes_its_sections():
    section = SimpleNamespace(title="Interactive demos")
    page = _page("disagreement.html", _page("demos/index.html", title=None, parent=section))
    assert '<span class="next-page__title">Interactive demos</span>' in add_next_link(BODY, page)


def test_no_link_on_the_last_page_or_without_references():
    last = _page("further-reading.html")
    assert add_next_link(BODY, last) == BODY
    no_refs = "<p>Just text.</p>"
    assert add_next_link(no_refs, _page("a.html", _page("b.html"))) == no_refs


def test_a_references_heading_twice_is_left_alone():
    """Two would mean a page quoting the heading's markup: no guess where the page ends."""
    twice = BODY + BODY
    assert add_next_link(twice, _page("a.html", _page("b.html"))) == twice
