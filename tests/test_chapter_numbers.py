"""Chapter numbers on the site, as the book prints them (scripts/chapter_numbers.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from mkdocs.structure.nav import Navigation

from chapter_numbers import chapter_numbers, number_parts


def _nav(*src_uris: str) -> Navigation:
    """Pages in nav order; those under a folder sit in a nav section (their parent)."""
    pages = [
        SimpleNamespace(file=SimpleNamespace(src_uri=uri), parent="section" if "/" in uri else None)
        for uri in src_uris
    ]
    return cast(Navigation, SimpleNamespace(pages=pages))


def test_top_level_pages_are_chapters_and_a_sections_pages_are_lettered_appendices():
    """The demos come after the guide's last chapter ends it: a reader met "Chapter 11" there."""
    nav = _nav(
        "index.md", "alignment-problem.md", "rlhf.md", "demos/index.md", "demos/boat-race.md",
        "glossary.md", "further-reading.md",
    )  # fmt: skip
    labels = {uri: number.label for uri, number in chapter_numbers(nav).items()}
    assert labels == {
        "alignment-problem.md": "Chapter 1",
        "rlhf.md": "Chapter 2",
        "demos/index.md": "Appendix A",
        "demos/boat-race.md": "Appendix B",
    }


def test_the_book_and_the_site_share_the_rule():
    numbers = number_parts([("a.html", False), ("x/b.html", True), ("c.html", False)], ["a.html"])
    assert {page: (n.kind, n.number) for page, n in numbers.items()} == {
        "x/b.html": ("Appendix", "A"),
        "c.html": ("Chapter", "1"),
    }


def test_a_page_the_book_leaves_out_has_no_number():
    """About this guide comes last in the nav, a page of the website only (NOT_IN_BOOK): were it
    numbered, the site would show a "Chapter 10" the book does not have."""
    nav = _nav("index.md", "alignment-problem.md", "further-reading.md", "about.md")
    assert {uri: n.label for uri, n in chapter_numbers(nav).items()} == {
        "alignment-problem.md": "Chapter 1"
    }
