"""The book's reading order: the built site's own primary navigation, read from index.html,
without the pages the site keeps to itself (chapter_numbers.NOT_IN_BOOK: About this guide).

Why the built site and not mkdocs.yml: it is exactly what a reader of the site sees, it already
includes generated pages (further-reading), and it needs nothing but the site folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from posixpath import normpath

from chapter_numbers import NOT_IN_BOOK

from .htmltree import Element, find_first, has_class, parse_file, text_of
from .problems import BookError, Problem


def built_page(source: str) -> str:
    """A page's path in the built site from its source's ("about.md" -> "about.html"), as the
    book reads pages (the site is built with plain .html addresses)."""
    return source.removesuffix(".md") + ".html"


# The site's pages that the book leaves out, as the built site names them: NOT_IN_BOOK.
NOT_IN_BOOK_PAGES = frozenset(built_page(source) for source in NOT_IN_BOOK)


@dataclass(frozen=True)
class NavPage:
    """One page of the nav: its site-relative path (e.g. "demos/boat-race.html"), its nav
    title, and the nav section it sits in (None at top level)."""

    path: str
    title: str
    section: str | None = None

    @property
    def slug(self) -> str:
        """An id for the chapter that is unique in the book: the path without ".html"."""
        return self.path.removesuffix(".html").replace("/", "-")


def read_home(site_dir: Path) -> Element:
    """The built home page (index.html), parsed; BookError when there is none."""
    index = site_dir / "index.html"
    if not index.is_file():
        raise BookError([Problem(str(index), "no index.html: build the site before the book")])
    return parse_file(index)


def read_nav(site_dir: Path, home: Element | None = None) -> list[NavPage]:
    """Every page of the site's primary navigation but those the book leaves out
    (NOT_IN_BOOK_PAGES), in order, each once (home: the parsed index.html, when the caller
    already has it)."""
    index = site_dir / "index.html"
    home = read_home(site_dir) if home is None else home
    nav = find_first(home, lambda el: el.tag == "nav" and has_class(el, "md-nav--primary"))
    if nav is None:
        raise BookError(
            [Problem(str(index), "no Material primary navigation (nav.md-nav--primary)")]
        )
    pages: list[NavPage] = []
    _collect(nav, None, pages, seen=set())
    if not pages:
        raise BookError([Problem(str(index), "the primary navigation lists no pages")])
    return pages


def _collect(element: Element, section: str | None, pages: list[NavPage], seen: set[str]) -> None:
    for child in element:
        if child.tag == "li" and has_class(child, "md-nav__item--nested"):
            # The nested nav's own title label: with navigation.indexes the section's
            # md-nav__link label holds only the expand icon.
            label = find_first(
                child, lambda el: el.tag == "label" and has_class(el, "md-nav__title")
            )
            _collect(child, text_of(label) if label is not None else section, pages, seen)
        elif child.tag == "a" and has_class(child, "md-nav__link"):
            href = child.get("href", "")
            if href and "#" not in href and "://" not in href and href.endswith(".html"):
                path = normpath(href)
                if path not in seen and path not in NOT_IN_BOOK_PAGES:
                    seen.add(path)
                    pages.append(NavPage(path, text_of(child), section))
        elif not (child.tag == "nav" and has_class(child, "md-nav--secondary")):
            _collect(child, section, pages, seen)
