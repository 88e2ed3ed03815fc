"""Chapter numbers on the site, as the book prints them.

The book numbers its chapters ("Chapter 4", "Figure 4.2"), and its glossary and cross-references
point by number ("(Chapter 7)"); the site numbered nothing, so a reader with both could not match
them. Each numbered page now carries the same label above its title. The rule, one for the site
and the book (book_pdf/numbering.py calls `number_parts`): the home page (the book's
Introduction), the back matter (the glossary, Who's who, Further reading) and About this guide
(a page of the site only, NOT_IN_BOOK) are not numbered; the other pages at the top of the nav
are chapters, numbered 1, 2, 3; pages inside a nav section (the interactive demos) are
appendices, lettered A, B, C, because they come after the guide's own end ("The end of the
guide" closes its last chapter; a reader met "Chapter 11" after it).
overrides/main.html prints the label, web-only (the book sets its own), above the page's content:
outside it, so that the search index still opens each page on its title.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the book imports this module too, without needing MkDocs' nav
    from mkdocs.structure.nav import Navigation

UNNUMBERED = ("index.md", "glossary.md", "whos-who.md", "further-reading.md")
# Pages of the site that the book leaves out (book_pdf/nav.py), and so never numbered. About this
# guide tells a reader of the website how it is made, dated and licensed and where to report an
# error; the book has its own colophon (edition, version, licence), and the page's "the edition is
# on the PDF's cover" and "Last updated" mean nothing inside the PDF. Home's link to it prints as
# its web address.
NOT_IN_BOOK = ("about.md",)


@dataclass(frozen=True)
class PartNumber:
    """A chapter's or an appendix's number, as the book and the site print it."""

    kind: str  # "Chapter" or "Appendix"
    number: str  # "3" or "B"

    @property
    def label(self) -> str:
        """'Chapter 3', 'Appendix B'."""
        return f"{self.kind} {self.number}"


def number_parts(
    pages: Iterable[tuple[str, bool]], unnumbered: Iterable[str]
) -> dict[str, PartNumber]:
    """(page, whether it sits in a nav section) in nav order -> the numbered pages' numbers."""
    skip = set(unnumbered)
    numbers: dict[str, PartNumber] = {}
    chapters = appendices = 0
    for page, in_section in pages:
        if page in skip:
            continue
        if in_section:
            numbers[page] = PartNumber("Appendix", string.ascii_uppercase[appendices])
            appendices += 1
        else:
            chapters += 1
            numbers[page] = PartNumber("Chapter", str(chapters))
    return numbers


def chapter_numbers(nav: Navigation) -> dict[str, PartNumber]:
    """src_uri -> its number, in nav order."""
    return number_parts(
        ((page.file.src_uri, page.parent is not None) for page in nav.pages),
        (*UNNUMBERED, *NOT_IN_BOOK),
    )
