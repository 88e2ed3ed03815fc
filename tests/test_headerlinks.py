"""The headings' ¶ permalinks: shown to the eye, hidden from screen readers and the tab order."""

from __future__ import annotations

import markdown

from headerlinks import quiet_permalinks


def _page(source: str) -> str:
    """A page as the site's `toc` extension writes it (permalink: true)."""
    return markdown.markdown(
        source, extensions=["toc"], extension_configs={"toc": {"permalink": True}}
    )


def test_every_heading_permalink_leaves_the_accessibility_tree_and_the_tab_order() -> None:
    html = quiet_permalinks(_page("# Title\n\n## Value stability\n\ntext\n\n### A detail\n"))
    assert html.count('class="headerlink"') == 3
    assert html.count('<a class="headerlink" aria-hidden="true" tabindex="-1" href="#') == 3
    assert '<a class="headerlink" href=' not in html
    assert 'href="#value-stability"' in html and 'title="Permanent link">&para;</a>' in html


def test_the_toc_extension_still_writes_permalinks_the_way_this_expects() -> None:
    """If a Python-Markdown upgrade changes how it writes the ¶, this fails rather than the ¶
    silently coming back into every heading's spoken name."""
    assert '<a class="headerlink" href="#x" title="Permanent link">&para;</a>' in _page("## X\n")


def test_other_links_are_left_alone() -> None:
    html = '<p><a href="#x">see</a> <a class="headerlinks" href="#y">y</a></p>'
    assert quiet_permalinks(html) == html
