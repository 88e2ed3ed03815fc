"""A "Next" link where a reader finishes a page, before its References.

Material's footer links to the next page, but the footer comes after the References list, which
on a phone runs 4 to 10 screens (RLHF: 4,700 px at 390 px wide; Where experts disagree: 8,300).
A reader who has just read the Key takeaways would scroll through all of it, or open the drawer,
to read on. So a page that has a References section and a next page gets a link to that page just
before the section: web-only (the book runs on by itself), out of the search index (its words are
not the page's), and a landmark of its own for screen readers.
"""

from __future__ import annotations

import html as html_text

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

REFERENCES = '<h2 id="references">'


def add_next_link(html: str, page: Page) -> str:
    """The page with a link to the next page just before its References heading, if it has
    both (a page without References ends near the footer, whose link is enough)."""
    following = page.next_page
    if following is None or html.count(REFERENCES) != 1:
        return html
    href = get_relative_url(following.url, page.url)
    # A section's index page (demos/index.md) has no title in the nav, and may not be read yet.
    section = following.parent.title if following.parent else ""
    title = html_text.escape(following.title or section or "")
    link = (
        '<nav class="next-page web-only" aria-label="Next page" data-search-exclude>'
        f'<a class="next-page__link" href="{html_text.escape(href)}" rel="next">'
        f'<span class="next-page__label">Next</span> <span class="next-page__title">{title}</span>'
        '<span class="next-page__arrow" aria-hidden="true"> →</span></a></nav>\n'
    )
    return html.replace(REFERENCES, link + REFERENCES)
