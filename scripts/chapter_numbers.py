"""Chapter numbers on the site, as the book prints them.

The book numbers its chapters ("Chapter 4", "Figure 4.2"), and its glossary and cross-references
point by number ("(Chapter 7)"); the site numbered nothing, so a reader with both could not match
them. Each numbered page now carries the same "Chapter N" label above its title: every page of
the nav in order except the home page (the book's Introduction) and the back matter (the
glossary, Further reading), which is the book's own rule (book_pdf/numbering.py; a test holds the
two to the same numbers). overrides/main.html prints it, web-only (the book sets its own), above
the page's content: outside it, so that the search index still opens each page on its title.
"""

from __future__ import annotations

from mkdocs.structure.nav import Navigation

UNNUMBERED = ("index.md", "glossary.md", "further-reading.md")


def chapter_numbers(nav: Navigation) -> dict[str, int]:
    """src_uri -> chapter number, in nav order."""
    numbered = [page for page in nav.pages if page.file.src_uri not in UNNUMBERED]
    return {page.file.src_uri: number for number, page in enumerate(numbered, start=1)}
